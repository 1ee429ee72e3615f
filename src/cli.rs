//! The command line (SPEC 6), as clap derive structs. The doc comments are the help text;
//! there is no logic here.

use crate::model::Languages;
pub use crate::report::summary::SummaryFormat;
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
    /// Read, check and compute every figure, and write the report folder.
    #[command(
        after_help = "Examples:\n  mwm report                         read data/, write reports/\n  mwm report returns/ -o board-2025  read a folder, write another report folder\n  mwm report --from 2024-04-01 --to 2025-03-31 --min-cell 10"
    )]
    Report(ReportArgs),
    /// Write plausible synthetic inputs for training sessions and benchmarks.
    #[command(
        after_help = "Examples:\n  mwm demo-data -o demo                        10 projects of 40 people, as CSV\n  mwm demo-data -o big --projects 1000 --people 250 --seed 7\n  mwm demo-data -o books --projects 200 --people 125 --format xlsx"
    )]
    DemoData(DemoArgs),
    /// Write a blank input workbook: a sheet per table, headers, notes and drop-down lists.
    #[command(
        after_help = "Examples:\n  mwm template                       writes mwm-template.xlsx\n  mwm template -o data/our-project.xlsx"
    )]
    Template(TemplateArgs),
    /// Write a commented mwm.toml with every setting and its default.
    #[command(
        after_help = "Examples:\n  mwm init                 writes mwm.toml here\n  mwm init -o data/mwm.toml\n  mwm check -c data/mwm.toml"
    )]
    Init(InitArgs),
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  mwm completions bash > ~/.local/share/bash-completion/completions/mwm\n  mwm completions zsh > ~/.zfunc/_mwm\n  mwm completions fish > ~/.config/fish/completions/mwm.fish"
    )]
    Completions(CompletionsArgs),
    /// Print the headline tables (projects, outcomes, principle evidence) for analysts.
    #[command(
        after_help = "Examples:\n  mwm summary                      tables for data/, to fit a terminal\n  mwm summary --format csv > headline.csv\n  mwm summary returns/ --format json"
    )]
    Summary(SummaryArgs),
    /// Read and check the inputs, and list every problem with its place.
    #[command(
        after_help = "Examples:\n  mwm check                      check the files in data/\n  mwm check returns/ central.xlsx  check a folder and a workbook together\n  mwm check --format json > problems.json"
    )]
    Check(CheckArgs),
}

/// What every command that reads data reads, and with which settings.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Files (.xlsx, .xlsm, .xls, .ods, .csv) or folders to read [default: data/]
    pub paths: Vec<PathBuf>,
    /// Config file [default: mwm.toml in the first input folder]
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// The reporting period (SPEC 6).
#[derive(Debug, clap::Args)]
pub struct PeriodArgs {
    /// Leave out everything dated before this day (YYYY-MM-DD, DD/MM/YYYY, or YYYY-MM for the month's first day)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<i32>,
    /// Leave out everything dated after this day (YYYY-MM-DD, DD/MM/YYYY, or YYYY-MM for the month's last day)
    #[arg(long, value_name = "DATE", value_parser = parse_end_date)]
    pub to: Option<i32>,
    /// The reporting period as a year: 2024-25 is April 2024 to March 2025, 2024 the calendar year
    #[arg(long, value_name = "YEAR")]
    pub year: Option<String>,
    /// A period to compare with, as a year (2023-24 or 2023)
    #[arg(long, value_name = "YEAR")]
    pub compare_year: Option<String>,
    /// The first day of the period to compare with
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub compare_from: Option<i32>,
    /// The last day of the period to compare with (YYYY-MM: the month's last day)
    #[arg(long, value_name = "DATE", value_parser = parse_end_date)]
    pub compare_to: Option<i32>,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The report folder to write
    #[arg(short, long, value_name = "DIR", default_value = "reports")]
    pub output: PathBuf,
    /// Language of the pages; both: Welsh pages, with the English ones in en/ [default: en, or [report] lang in the config]
    #[arg(long, value_name = "LANG", value_parser = languages())]
    pub lang: Option<Languages>,
    /// Hide figures about fewer than N people [default: 5, or [report] min_cell]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub min_cell: Option<u32>,
    #[command(flatten)]
    pub period: PeriodArgs,
    /// Use page.html and style.css from this folder instead of the built-in ones
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Treat row problems as errors: no report unless every row is usable
    #[arg(long)]
    pub strict: bool,
    /// Replace the output folder even if it is not a report folder
    #[arg(long)]
    pub force: bool,
    /// Print nothing but errors
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct SummaryArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// How to print the tables
    #[arg(long, value_enum, default_value_t = SummaryFormat::Table)]
    pub format: SummaryFormat,
    #[command(flatten)]
    pub period: PeriodArgs,
}

#[derive(Debug, clap::Args)]
pub struct TemplateArgs {
    /// The workbook to write (it must not exist yet)
    #[arg(
        short,
        long,
        value_name = "FILE.xlsx",
        default_value = "mwm-template.xlsx"
    )]
    pub output: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The file to write (it must not exist yet)
    #[arg(short, long, value_name = "FILE", default_value = "mwm.toml")]
    pub output: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    /// The folder to write into (created if needed)
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
    /// How many projects
    #[arg(long, value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub projects: u32,
    /// Participants per project
    #[arg(long, value_name = "N", default_value_t = 40, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub people: u32,
    /// The same seed gives the same data
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
    /// CSV files (one per table) or one xlsx workbook per project
    #[arg(long, value_enum, default_value_t = DemoFormat::Csv)]
    pub format: DemoFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DemoFormat {
    Csv,
    Xlsx,
}

/// `--lang`: one of [`Languages::NAMES`], listed in the help as clap lists a value enum.
fn languages() -> impl clap::builder::TypedValueParser<Value = Languages> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(Languages::NAMES)
        .map(|name| Languages::parse(&name).unwrap_or_default())
}

/// The last day a date on the command line names: a month (YYYY-MM) is its last day.
fn parse_end_date(text: &str) -> Result<i32, String> {
    let t = text.trim();
    let start = parse_date(t)?;
    let is_month = t.len() == 7 && t.as_bytes().get(4) == Some(&b'-');
    if !is_month {
        return Ok(start);
    }
    // The first day of the next month, less one.
    let (year, month) = (t[..4].parse::<i32>(), t[5..].parse::<u32>());
    match (year, month) {
        (Ok(y), Ok(12)) => crate::format::days_from_ymd(y + 1, 1, 1).map(|d| d - 1),
        (Ok(y), Ok(m)) => crate::format::days_from_ymd(y, m + 1, 1).map(|d| d - 1),
        _ => None,
    }
    .ok_or_else(|| format!("\"{text}\" is not a date: write YYYY-MM-DD or DD/MM/YYYY"))
}

/// A date on the command line, in the forms the inputs accept.
fn parse_date(text: &str) -> Result<i32, String> {
    crate::ingest::value::parse_date_text(text.trim())
        .ok_or_else(|| format!("\"{text}\" is not a date: write YYYY-MM-DD or DD/MM/YYYY"))
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
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
