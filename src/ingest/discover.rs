//! Which files a run reads (SPEC 2.1): files as given, folders walked recursively in sorted
//! order, hidden files and `~$` lock files skipped, other file types listed as ignored. The
//! walk cannot hang or be fooled: only regular files are read (a FIFO would block), a link to
//! a folder is followed only to a folder not walked yet (so a link loop is walked once), a
//! file reached by two paths is read once, and mwm's own report folders are skipped.

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

/// The files to read, and what the walk has to say (skipped and ignored entries).
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

/// True when `dir` is a report folder that mwm wrote: it holds a `manifest.json` whose first
/// lines name the program (SPEC 2.1: a report written inside its input folder is never read
/// back). Only the start of the file is read.
pub fn is_report_folder(dir: &Path) -> bool {
    use std::io::Read;
    let Ok(file) = open_regular(&dir.join("manifest.json")) else {
        return false;
    };
    let mut start = Vec::with_capacity(512);
    if file.take(512).read_to_end(&mut start).is_err() {
        return false;
    }
    let start = String::from_utf8_lossy(&start);
    start.trim_start().starts_with('{') && start.contains("\"program\": \"mwm\"")
}

/// Opens `path` for reading only if it is a regular file. The open itself never blocks (a
/// FIFO would wait for a writer), and the type is checked on the open file, so a file swapped
/// for a FIFO after the walk is refused too.
pub fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    #[cfg(unix)]
    let file = {
        use rustix::fs::{Mode, OFlags};
        let fd = rustix::fs::open(
            path,
            OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC,
            Mode::empty(),
        )?;
        std::fs::File::from(fd)
    };
    #[cfg(not(unix))]
    let file = std::fs::File::open(path)?;
    let kind = file.metadata()?.file_type();
    if !kind.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            NOT_REGULAR.to_string(),
        ));
    }
    Ok(file)
}

/// The whole of a regular file (see [`open_regular`]).
pub fn read_regular(path: &Path) -> std::io::Result<Contents> {
    use std::io::Read;
    let mut file = open_regular(path)?;
    if file.metadata()?.len() >= MAP_FROM {
        // SAFETY: the map is read-only and private to this run, and nothing here writes the
        // file. As for every program that maps its inputs, another program truncating the
        // file while it is read would stop the run (SIGBUS) rather than give wrong figures.
        if let Ok(map) = unsafe { memmap2::Mmap::map(&file) } {
            return Ok(Contents::Mapped(map));
        }
    }
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(Contents::Read(bytes))
}

/// From this size a file is mapped into memory rather than copied into it: a national
/// dataset's scores (800 MB) are then parsed, in parallel, straight from the page cache
/// instead of after one thread has copied them into fresh memory.
const MAP_FROM: u64 = 16 << 20;

/// A file's bytes: read into memory, or mapped (large files).
pub enum Contents {
    Read(Vec<u8>),
    Mapped(memmap2::Mmap),
}

impl std::ops::Deref for Contents {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Contents::Read(bytes) => bytes,
            Contents::Mapped(map) => map,
        }
    }
}

const NOT_REGULAR: &str = "is not a regular file (a FIFO, socket or device)";

/// Lists the files to read. `config_file` is not listed as ignored when found in a folder.
pub fn discover(paths: &[PathBuf], config_file: Option<&Path>) -> Found {
    let mut walk = Walk {
        found: Found {
            files: Vec::new(),
            problems: Vec::new(),
        },
        seen: HashSet::new(),
        walked: HashSet::new(),
        config_file: config_file.and_then(|p| p.canonicalize().ok()),
    };
    for given in paths {
        let shown = given.display().to_string();
        match std::fs::metadata(given) {
            Err(e) => walk.found.problems.push(Problem::file(
                Severity::Error,
                &shown,
                format!("cannot be read: {e}"),
            )),
            Ok(meta) if meta.is_dir() => walk.folder(given, given, false),
            Ok(meta) if !meta.is_file() => walk.found.problems.push(Problem::file(
                Severity::Error,
                &shown,
                format!("{NOT_REGULAR}: give spreadsheet or CSV files, or a folder"),
            )),
            Ok(_) => match format_of(given) {
                Some(format) => walk.push(given, shown, format),
                None => walk.found.problems.push(Problem::file(
                    Severity::Error,
                    &shown,
                    "is not a file mwm reads: give .xlsx, .xlsm, .xls, .ods or .csv files, or a folder",
                )),
            },
        }
    }
    walk.found
}

/// The state of one walk over every input path.
struct Walk {
    found: Found,
    /// Files listed, by resolved path: a file reached by two paths is read once.
    seen: HashSet<PathBuf>,
    /// Folders walked, by resolved path: a link loop or a second link to a folder is not
    /// walked again.
    walked: HashSet<PathBuf>,
    config_file: Option<PathBuf>,
}

impl Walk {
    fn warn(&mut self, shown: &Path, message: impl Into<String>) {
        self.found.problems.push(Problem::file(
            Severity::Warning,
            &shown.display().to_string(),
            message,
        ));
    }

    fn push(&mut self, path: &Path, shown: String, format: Format) {
        // A file name may hold control characters; the name shown in messages and pages
        // may not (issue 15).
        let shown = crate::problems::visible(&shown).into_owned();
        let key = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        if !self.seen.insert(key) {
            return;
        }
        let group = match format {
            Format::Csv => path
                .parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            Format::Workbook(_) => shown.clone(),
        };
        self.found.files.push(Source {
            path: path.to_path_buf(),
            shown,
            format,
            group,
        });
    }

    /// Walks the folder `dir` unless it was walked already or is a report folder.
    /// `by_link` says it was reached through a symbolic link.
    fn folder(&mut self, dir: &Path, shown_dir: &Path, by_link: bool) {
        let real = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        if self.walked.contains(&real) {
            if by_link {
                self.warn(
                    shown_dir,
                    "skipped: a link to a folder that is read already (a loop, or a second path to it)",
                );
            }
            return;
        }
        self.walked.insert(real);
        if is_report_folder(dir) {
            self.warn(
                shown_dir,
                "skipped: a report folder written by mwm (it holds mwm's manifest.json), not input",
            );
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                self.found.problems.push(Problem::file(
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
            if skipped_silently(&name.to_string_lossy()) {
                continue;
            }
            let path = entry.path();
            let shown = shown_dir.join(&name);
            // The entry's own type, without following a link; then what a link points to.
            let Ok(own_type) = entry.file_type() else {
                continue;
            };
            let by_link = own_type.is_symlink();
            let meta = if by_link {
                match std::fs::metadata(&path) {
                    Ok(meta) => meta,
                    Err(e) => {
                        self.warn(&shown, format!("skipped: a link that leads nowhere ({e})"));
                        continue;
                    }
                }
            } else {
                match entry.metadata() {
                    Ok(meta) => meta,
                    Err(_) => continue,
                }
            };
            if meta.is_dir() {
                self.folder(&path, &shown, by_link);
            } else if !meta.is_file() {
                self.warn(&shown, format!("skipped: {NOT_REGULAR}"));
            } else if let Some(format) = format_of(&path) {
                self.push(&path, shown.display().to_string(), format);
            } else if self
                .config_file
                .as_deref()
                .is_none_or(|c| path.canonicalize().ok().as_deref() != Some(c))
            {
                self.warn(&shown, "ignored: not a spreadsheet or CSV file");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(found: &Found) -> Vec<String> {
        found.problems.iter().map(|p| p.line()).collect()
    }

    #[test]
    fn link_loops_are_walked_once() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path().join("in");
        std::fs::create_dir(&dir).expect("mkdir");
        std::fs::write(dir.join("a.csv"), "x").expect("write");
        std::os::unix::fs::symlink(".", dir.join("s1")).expect("link");
        std::os::unix::fs::symlink(".", dir.join("s2")).expect("link");
        std::os::unix::fs::symlink("a.csv", dir.join("b.csv")).expect("link");
        let found = discover(std::slice::from_ref(&dir), None);
        let shown: Vec<&str> = found.files.iter().map(|f| f.shown.as_str()).collect();
        assert_eq!(shown.len(), 1, "{shown:?}");
        assert!(shown[0].ends_with("in/a.csv"), "{shown:?}");
        let m = messages(&found);
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(m.iter().all(|l| l.contains("read already")), "{m:?}");
    }

    #[test]
    fn report_folders_are_recognised_by_their_manifest() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let d = tmp.path();
        assert!(!is_report_folder(d));
        std::fs::write(d.join("manifest.json"), "{\"name\": \"npm\"}").expect("write");
        assert!(!is_report_folder(d));
        std::fs::write(
            d.join("manifest.json"),
            "{\n  \"program\": \"mwm\",\n  \"version\": \"0.1.0\"\n}",
        )
        .expect("write");
        assert!(is_report_folder(d));
    }
}
