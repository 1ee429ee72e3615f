//! The `mwm` binary: parses the command line, runs the command, sets the exit code.

use clap::Parser;
use mwm::cli::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match &cli.command {
        Command::Check(args) => mwm::run::check(args),
        Command::Report(args) => mwm::run::report(args),
        Command::Summary(args) => mwm::run::summary(args),
        Command::DemoData(args) => mwm::run::demo_data(args),
    };
    ExitCode::from(code)
}
