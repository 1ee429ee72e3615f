//! Writing (SPEC 5): the report folder. Everything is built in memory, written into a fresh
//! folder beside the final place and renamed in at the end, so a run that fails leaves the
//! previous reports untouched (SPEC 5.5).

pub mod manifest;
pub mod pages;
pub mod redact;
pub mod render;
pub mod summary;
pub mod tables;
pub mod views;

use rayon::prelude::*;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Why the report folder could not be written (exit code 3).
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(
        "{0} is not a report folder (it has files but no manifest.json): choose another folder with -o, or add --force to replace it"
    )]
    NotAReportFolder(PathBuf),
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

fn io_at(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// One file of the folder: its path inside the folder and its bytes.
pub struct OutFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// Whether an existing folder may be replaced: empty but for dotfiles, or a report folder.
fn check_target(out: &Path, force: bool) -> Result<(), WriteError> {
    let Ok(entries) = fs::read_dir(out) else {
        return Ok(());
    };
    let mut has_files = false;
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name == "manifest.json" {
            return Ok(());
        }
        if !name.to_string_lossy().starts_with('.') {
            has_files = true;
        }
    }
    if has_files && !force {
        return Err(WriteError::NotAReportFolder(out.to_path_buf()));
    }
    Ok(())
}

/// Writes `files` as the folder `out`, atomically: beside it first, then renamed into place.
/// Dotfiles of an existing folder (such as `.gitkeep`) are kept.
pub fn write_folder(out: &Path, files: &[OutFile], force: bool) -> Result<(), WriteError> {
    write_folder_with_progress(out, files, force, &|| {})
}

/// [`write_folder`], calling `file_done` as each file is written.
pub fn write_folder_with_progress(
    out: &Path,
    files: &[OutFile],
    force: bool,
    file_done: &(dyn Fn() + Sync),
) -> Result<(), WriteError> {
    check_target(out, force)?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(io_at(&parent))?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "reports".into());
    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.new-{pid}"));
    let _ = fs::remove_dir_all(&staging);
    let result = (|| {
        fs::create_dir_all(&staging).map_err(io_at(&staging))?;
        let mut dirs: Vec<PathBuf> = files
            .iter()
            .filter_map(|f| staging.join(&f.path).parent().map(Path::to_path_buf))
            .collect();
        dirs.sort();
        dirs.dedup();
        for dir in &dirs {
            fs::create_dir_all(dir).map_err(io_at(dir))?;
        }
        // A thousand pages are written in parallel; the first failure is the one reported.
        files.par_iter().try_for_each(|file| {
            let path = staging.join(&file.path);
            fs::write(&path, &file.bytes).map_err(|source| WriteError::Io { path, source })?;
            file_done();
            Ok(())
        })?;
        swap_in(out, &staging, &parent.join(format!(".{name}.old-{pid}")))
    })();
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

/// Renames `staging` to `out`, keeping the dotfiles of an old `out`.
fn swap_in(out: &Path, staging: &Path, old: &Path) -> Result<(), WriteError> {
    if out.exists() {
        if let Ok(entries) = fs::read_dir(out) {
            for entry in entries.flatten() {
                let name = entry.file_name();
                if name.to_string_lossy().starts_with('.') {
                    let target = staging.join(&name);
                    if entry.path().is_file() {
                        fs::copy(entry.path(), &target).map_err(io_at(&target))?;
                    }
                }
            }
        }
        let _ = fs::remove_dir_all(old);
        fs::rename(out, old).map_err(io_at(out))?;
        if let Err(e) = fs::rename(staging, out) {
            // Put the previous reports back before giving up.
            let _ = fs::rename(old, out);
            return Err(io_at(out)(e));
        }
        let _ = fs::remove_dir_all(old);
        Ok(())
    } else {
        fs::rename(staging, out).map_err(io_at(out))
    }
}
