//! The command line (SPEC 6), as clap derive structs. The doc comments are the help text;
//! there is no logic here.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Measuring What Matters: evaluate co-production projects from their spreadsheets.
#[derive(Debug, Parser)]
#[command(name = "mwm", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read and check the inputs, and list every problem with its place.
    #[command(after_help = "Examples:\n  mwm check                      check the files in data/\n  mwm check returns/ central.xlsx  check a folder and a workbook together\n  mwm check --format json > problems.json")]
    Check(CheckArgs),
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files (.xlsx, .xlsm, .xls, .ods, .csv) or folders to read [default: data/]
    pub paths: Vec<PathBuf>,
    /// Config file [default: mwm.toml in the first input folder]
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// How to print the problems
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Treat row problems as errors (exit code 1)
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
}
