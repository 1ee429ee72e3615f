//! The `mwm` binary: parses the command line, runs the command, sets the exit code.

use clap::Parser;

/// mimalloc: the check and figures steps allocate and free millions of small values on large
/// portfolios, where it is measurably faster than the system allocator (see README, speed).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use mwm::cli::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match &cli.command {
        Command::Check(args) => mwm::run::check(args),
        Command::Report(args) => mwm::run::report(args),
        Command::Summary(args) => mwm::run::summary(args),
        Command::DemoData(args) => mwm::run::demo_data(args),
        Command::Template(args) => mwm::run::template(args),
        Command::Init(args) => mwm::run::init(args),
        Command::Completions(args) => mwm::run::completions(args),
    };
    ExitCode::from(code)
}
