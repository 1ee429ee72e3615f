//! The `mwm` binary: parses the command line, runs the command, prints an error once with its
//! causes, and sets the exit code (SPEC 6).

use clap::Parser;
use std::process::ExitCode;

/// mimalloc: the check and figures steps allocate and free millions of small values on large
/// portfolios, where it is measurably faster than the system allocator; built without
/// transparent huge pages, whose first touch is slow where memory is fresh (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = mwm::cli::Cli::parse();
    match mwm::commands::run(&cli.command) {
        Ok(code) => code,
        Err(e) if e.is_quiet() => ExitCode::from(e.exit_code()),
        Err(e) => {
            mwm::commands::say(&format!("error: {}", mwm::format::error_chain(&e)));
            ExitCode::from(e.exit_code())
        }
    }
}
