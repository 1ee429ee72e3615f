//! Reading (SPEC 2): finds the input files, reads every workbook and CSV file in parallel, finds
//! each sheet's table and header row, and parses every cell with its place. The result is one
//! [`ParsedSheet`] per table sheet: typed rows that passed their own cell checks, the status of
//! every row read, and the problems found. Checks that need more than one row (definitions,
//! duplicates, the single-project rule) are the next step's, in `check`.

pub mod bounds;
pub mod cells;
pub mod csv;
pub mod discover;
pub mod rows;
pub mod sheet;
pub mod strings;
pub mod value;
pub mod wide;
pub mod workbook;

use crate::config::LoadedConfig;
use crate::problems::{Problem, Severity};
use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::path::PathBuf;

pub use rows::{KindRows, ParsedSheet, RowStatus, SheetInfo};

/// One input file as read: where it is, how it is shown, its digest.
#[derive(Debug, Clone, Serialize)]
pub struct InputFile {
    /// The path as the user gave it, joined with the path inside a folder.
    pub file: String,
    pub sha256: String,
    pub bytes: u64,
}

/// Everything reading produced, in the sorted order of the input files.
#[derive(Debug, Default)]
pub struct Ingested {
    pub inputs: Vec<InputFile>,
    pub sheets: Vec<ParsedSheet>,
    pub problems: Vec<Problem>,
}

/// What one file gave: its sheets and its problems, or nothing if it could not be opened.
struct FileResult {
    input: Option<InputFile>,
    sheets: Vec<ParsedSheet>,
    problems: Vec<Problem>,
}

/// Reads every input path (files and folders) into parsed sheets.
pub fn read(paths: &[PathBuf], config: &LoadedConfig) -> Ingested {
    read_with_progress(paths, config, &|_| {}, &|| {})
}

/// [`read`], saying how many files there are once they are found, and when each is read.
pub fn read_with_progress(
    paths: &[PathBuf],
    config: &LoadedConfig,
    found_files: &(dyn Fn(u64) + Sync),
    file_done: &(dyn Fn() + Sync),
) -> Ingested {
    let found = discover::discover(paths, config.path.as_deref());
    found_files(found.files.len() as u64);
    let mut ingested = Ingested {
        problems: found.problems,
        ..Default::default()
    };
    let results: Vec<FileResult> = found
        .files
        .par_iter()
        .map(|source| {
            let result = read_file(source, config);
            file_done();
            result
        })
        .collect();
    for result in results {
        ingested.inputs.extend(result.input);
        ingested.sheets.extend(result.sheets);
        ingested.problems.extend(result.problems);
    }
    ingested
}

fn read_file(source: &discover::Source, config: &LoadedConfig) -> FileResult {
    let bytes = match discover::read_regular(&source.path) {
        Ok(b) => b,
        Err(e) => {
            return FileResult {
                input: None,
                sheets: Vec::new(),
                problems: vec![Problem::file(
                    Severity::Error,
                    &source.shown,
                    format!("cannot be opened: {e}"),
                )],
            };
        }
    };
    let mut problems = Vec::new();
    // The file's hash (for the manifest) beside its parsing, whose start is one thread's work.
    let (sha256, sheets) = rayon::join(
        || hex(&Sha256::digest(&*bytes)),
        || match source.format {
            discover::Format::Csv => csv::read_csv(&bytes, source, config, &mut problems),
            discover::Format::Workbook(kind) => {
                workbook::read_workbook(&bytes, kind, source, config, &mut problems)
            }
        },
    );
    let input = InputFile {
        file: source.shown.clone(),
        sha256,
        bytes: bytes.len() as u64,
    };
    FileResult {
        input: Some(input),
        sheets,
        problems,
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
