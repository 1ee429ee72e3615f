//! Which files a run reads (SPEC 2.1): files as given, folders walked recursively in sorted
//! order, hidden files and `~$` lock files skipped, other file types listed as ignored.

use crate::problems::{Problem, Severity};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The spreadsheet formats calamine reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkbookKind {
    Xlsx,
    Xls,
    Ods,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Workbook(WorkbookKind),
}

/// One file to read.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    /// The path as the user sees it: as given, joined with the path inside a folder.
    pub shown: String,
    pub format: Format,
    /// The single-project rule's scope (SPEC 2.4): the workbook itself, or a CSV file's folder.
    pub group: String,
}

pub struct Found {
    pub files: Vec<Source>,
    pub problems: Vec<Problem>,
}

/// The format of a file by its extension, case-insensitively.
pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "csv" => Format::Csv,
        "xlsx" | "xlsm" => Format::Workbook(WorkbookKind::Xlsx),
        "xls" => Format::Workbook(WorkbookKind::Xls),
        "ods" => Format::Workbook(WorkbookKind::Ods),
        _ => return None,
    })
}

fn skipped_silently(name: &str) -> bool {
    name.starts_with('.') || name.starts_with("~$")
}

/// Lists the files to read. `config_file` is not listed as ignored when found in a folder.
pub fn discover(paths: &[PathBuf], config_file: Option<&Path>) -> Found {
    let mut found = Found {
        files: Vec::new(),
        problems: Vec::new(),
    };
    let mut seen = HashSet::new();
    let config_file = config_file.and_then(|p| p.canonicalize().ok());
    for given in paths {
        let shown = given.display().to_string();
        match std::fs::metadata(given) {
            Err(e) => found.problems.push(Problem::file(
                Severity::Error,
                &shown,
                format!("cannot be read: {e}"),
            )),
            Ok(meta) if meta.is_dir() => {
                walk(given, given, &mut found, &mut seen, config_file.as_deref())
            }
            Ok(_) => match format_of(given) {
                Some(format) => push(&mut found, &mut seen, given, shown, format),
                None => found.problems.push(Problem::file(
                    Severity::Error,
                    &shown,
                    "is not a file mwm reads: give .xlsx, .xlsm, .xls, .ods or .csv files, or a folder",
                )),
            },
        }
    }
    found
}

fn push(
    found: &mut Found,
    seen: &mut HashSet<PathBuf>,
    path: &Path,
    shown: String,
    format: Format,
) {
    let key = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    if !seen.insert(key) {
        return;
    }
    let group = match format {
        Format::Csv => path
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
        Format::Workbook(_) => shown.clone(),
    };
    found.files.push(Source {
        path: path.to_path_buf(),
        shown,
        format,
        group,
    });
}

fn walk(
    dir: &Path,
    shown_dir: &Path,
    found: &mut Found,
    seen: &mut HashSet<PathBuf>,
    config_file: Option<&Path>,
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            found.problems.push(Problem::file(
                Severity::Error,
                &shown_dir.display().to_string(),
                format!("cannot be read: {e}"),
            ));
            return;
        }
    };
    let mut names: Vec<_> = entries.filter_map(|e| e.ok()).collect();
    names.sort_by_key(|e| e.file_name());
    for entry in names {
        let name = entry.file_name();
        let name_text = name.to_string_lossy();
        if skipped_silently(&name_text) {
            continue;
        }
        let path = entry.path();
        let shown = shown_dir.join(&name);
        let is_dir = std::fs::metadata(&path)
            .map(|m| m.is_dir())
            .unwrap_or(false);
        if is_dir {
            walk(&path, &shown, found, seen, config_file);
        } else if let Some(format) = format_of(&path) {
            push(found, seen, &path, shown.display().to_string(), format);
        } else if config_file.is_none_or(|c| path.canonicalize().ok().as_deref() != Some(c)) {
            found.problems.push(Problem::file(
                Severity::Warning,
                &shown.display().to_string(),
                "ignored: not a spreadsheet or CSV file",
            ));
        }
    }
}
