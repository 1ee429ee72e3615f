//! Every way a command can fail, and the exit code each one means (SPEC 6). Commands return
//! `Result<ExitCode, Error>`; `main` prints the error with its whole chain of causes, once,
//! and exits with [`Error::exit_code`]. Row problems and warnings are not errors: they are
//! data (`problems`), listed by the commands, and only change the exit code.

use crate::config::ConfigError;
use crate::figures::FigureError;
use crate::report::WriteError;
use crate::report::render::RenderError;
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit codes of SPEC 6.
pub mod exit {
    /// Done: warnings and excluded rows allowed.
    pub const OK: u8 = 0;
    /// Input or config errors (or row problems with `--strict`).
    pub const INPUT: u8 = 1;
    /// A usage error.
    pub const USAGE: u8 = 2;
    /// The output cannot be written.
    pub const OUTPUT: u8 = 3;
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Flags that make no sense together, or a value clap could not check alone.
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The checks found errors (already listed): nothing is written.
    #[error("the inputs have errors (listed above): nothing was written")]
    InputErrors(usize),
    #[error(transparent)]
    Figures(#[from] FigureError),
    #[error(transparent)]
    Templates(#[from] RenderError),
    #[error(transparent)]
    Write(#[from] WriteError),
    /// A single file that must not replace an existing one (`template`, `init`).
    #[error("{} already exists: choose another name with -o, or move it away first", .0.display())]
    Exists(PathBuf),
    #[error("cannot write {}: {source}", path.display())]
    WriteFile {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A tidy table that could not be made into CSV.
    #[error("cannot write a tidy table: {0}")]
    Table(#[from] csv::Error),
    #[error("cannot make the workbook: {0}")]
    Workbook(#[from] rust_xlsxwriter::XlsxError),
    #[error(transparent)]
    Demo(#[from] crate::demo::DemoError),
    /// Standard output was closed by its reader (`mwm summary | head -1`): not a failure.
    #[error("standard output was closed")]
    StdoutClosed,
}

impl Error {
    /// The exit code of SPEC 6.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => exit::USAGE,
            Error::Config(_) | Error::InputErrors(_) | Error::Figures(_) | Error::Templates(_) => {
                exit::INPUT
            }
            Error::Write(_)
            | Error::Exists(_)
            | Error::WriteFile { .. }
            | Error::Table(_)
            | Error::Workbook(_)
            | Error::Demo(_) => exit::OUTPUT,
            Error::StdoutClosed => exit::OK,
        }
    }

    /// Whether `main` should say anything: a closed output pipe ends quietly.
    pub fn is_quiet(&self) -> bool {
        matches!(self, Error::StdoutClosed)
    }
}

/// The result of a command: the exit code it ends with when nothing failed (1 when `check`
/// found errors, for example).
pub type Outcome = Result<ExitCode, Error>;
