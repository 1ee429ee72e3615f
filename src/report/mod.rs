//! Writing (SPEC 5): the report folder. Its files are written, as they are made, into a fresh
//! folder beside the final place, which is swapped in at the end ([`Staging`]), so a run that
//! fails, or is killed at any moment, leaves the previous reports readable at their path
//! (SPEC 5.5).
//!
//! One rule says which paths may be written ([`check_output`]): never a file, never an input
//! or a folder that holds one, never a folder that holds the current directory or the home
//! folder, and a folder that is not a report folder only with `--force`.

pub mod manifest;
pub mod pages;
pub mod redact;
pub mod render;
pub mod slug;
pub mod summary;
pub mod tables;
pub mod views;
pub mod workbook;

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

/// Why the report folder could not be written (exit code 3).
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(
        "{0} is not a report folder (it has files but no manifest.json): choose another folder with -o, or add --force to replace it"
    )]
    NotAReportFolder(PathBuf),
    #[error("{0} is a file, not a folder: choose a folder with -o (mwm never writes over a file)")]
    NotAFolder(PathBuf),
    #[error(
        "{out} is an input of this run ({input}): choose another folder with -o (mwm never writes over its inputs, whatever --force says)"
    )]
    IsAnInput { out: PathBuf, input: PathBuf },
    #[error(
        "{out} holds the input {input}: choose another folder with -o (mwm never replaces a folder that holds its inputs, whatever --force says)"
    )]
    HoldsAnInput { out: PathBuf, input: PathBuf },
    #[error("{0} holds the current folder: choose a folder inside it with -o, such as reports")]
    HoldsCurrentDir(PathBuf),
    #[error("{0} holds your home folder: choose a folder inside it with -o, such as reports")]
    HoldsHome(PathBuf),
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

/// `path` made absolute with every link and `..` resolved, also when its last parts do not
/// exist yet: the nearest existing ancestor is canonicalised and the rest joined lexically.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    if let Ok(real) = path.canonicalize() {
        return Ok(real);
    }
    let absolute = std::path::absolute(path)?;
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut out = real;
            for part in rest.iter().rev() {
                match part {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::Normal(name) => out.push(name),
                    _ => {}
                }
            }
            return Ok(out);
        }
        match (existing.parent(), existing.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                existing = parent;
            }
            _ => return Ok(absolute),
        }
    }
}

/// The one rule of SPEC 5.5 for the report folder `out`, given the input paths as the user
/// gave them: what exists is compared by its resolved path, so `in/../in` or a link to an
/// input is caught too. `--force` only allows replacing a folder that is not a report folder.
pub fn check_output(out: &Path, inputs: &[PathBuf], force: bool) -> Result<(), WriteError> {
    let real_out = resolve(out).map_err(io_at(out))?;
    let real_inputs: Vec<(&PathBuf, PathBuf)> = inputs
        .iter()
        .filter_map(|input| Some((input, input.canonicalize().ok()?)))
        .collect();
    // Being an input is said before holding one: `-o in` with inputs `in/a.csv` and `in`.
    if let Some((input, _)) = real_inputs.iter().find(|(_, real)| *real == real_out) {
        return Err(WriteError::IsAnInput {
            out: out.to_path_buf(),
            input: (*input).clone(),
        });
    }
    if let Some((input, _)) = real_inputs
        .iter()
        .find(|(_, real)| real.starts_with(&real_out))
    {
        return Err(WriteError::HoldsAnInput {
            out: out.to_path_buf(),
            input: (*input).clone(),
        });
    }
    match fs::metadata(&real_out) {
        Ok(meta) if !meta.is_dir() => return Err(WriteError::NotAFolder(out.to_path_buf())),
        _ => {}
    }
    if let Ok(cwd) = std::env::current_dir().and_then(|d| d.canonicalize())
        && cwd.starts_with(&real_out)
    {
        return Err(WriteError::HoldsCurrentDir(out.to_path_buf()));
    }
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty())
        && let Ok(home) = Path::new(&home).canonicalize()
        && home.starts_with(&real_out)
    {
        return Err(WriteError::HoldsHome(out.to_path_buf()));
    }
    if real_out.parent().is_none() {
        // The root holds everything; it is caught above unless the current folder is gone.
        return Err(WriteError::HoldsCurrentDir(out.to_path_buf()));
    }
    check_target(&real_out, out, force)
}

/// Whether an existing folder may be replaced: empty but for dot-files, or a report folder.
fn check_target(real_out: &Path, out: &Path, force: bool) -> Result<(), WriteError> {
    let Ok(entries) = fs::read_dir(real_out) else {
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

/// A report folder being written: a fresh folder beside the final place, which files go
/// into as soon as they are made (a national portfolio's pages are never all held in
/// memory), swapped into place by [`Staging::finish`]. Dropped unfinished (a failure on the
/// way), it is removed and the previous reports stay as they were. Dot-files and dot-folders
/// of an existing folder (such as `.gitkeep` or `.git/`) are kept.
pub struct Staging {
    /// The final place, every link resolved.
    out: PathBuf,
    /// Where the previous reports are moved aside where folders cannot be exchanged.
    old: PathBuf,
    path: PathBuf,
    finished: bool,
}

impl Staging {
    /// Checks `out` against the one rule ([`check_output`]) and makes the fresh folder
    /// beside it, after tidying what killed runs left there.
    pub fn begin(out: &Path, inputs: &[PathBuf], force: bool) -> Result<Staging, WriteError> {
        check_output(out, inputs, force)?;
        // From here on the resolved path: a link named with -o is followed, never replaced.
        let real_out = resolve(out).map_err(io_at(out))?;
        let parent = real_out
            .parent()
            .map(Path::to_path_buf)
            .ok_or_else(|| WriteError::HoldsCurrentDir(out.to_path_buf()))?;
        fs::create_dir_all(&parent).map_err(io_at(&parent))?;
        let name = real_out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "reports".into());
        recover_and_clean(&real_out, &parent, &name);
        let pid = std::process::id();
        let path = parent.join(format!(".{name}.new-{pid}"));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).map_err(io_at(&path))?;
        Ok(Staging {
            out: real_out,
            old: parent.join(format!(".{name}.old-{pid}")),
            path,
            finished: false,
        })
    }

    /// Writes one file of the folder; `relative` is its path inside the folder, whose
    /// folders are made when first needed. Safe to call from many threads at once.
    pub fn write(&self, relative: &Path, bytes: &[u8]) -> Result<(), WriteError> {
        let path = self.path.join(relative);
        if self.kept_unchanged(relative, &path, bytes) {
            return Ok(());
        }
        in_its_folder(&path, || fs::write(&path, bytes))
            .map_err(|source| WriteError::Io { path, source })
    }

    /// Whether the previous report's file at `relative` holds exactly `bytes` and has been
    /// linked into the new folder in place of a copy. A run again on the same day changes
    /// few pages (a corrected cell changes its project's page and the portfolio), and an
    /// unchanged page then costs no new file: ext4 without a journal, as on the development
    /// machine, creates each file after skipping every recently deleted one, so a thousand
    /// new pages just after the previous thousand were removed took up to 0.8 s more. Only a
    /// regular file that nothing else links to is taken, so the new report owns it alone once
    /// the previous one is removed; the previous report is only read.
    #[cfg(unix)]
    fn kept_unchanged(&self, relative: &Path, path: &Path, bytes: &[u8]) -> bool {
        use std::os::unix::fs::MetadataExt;
        let old = self.out.join(relative);
        let same = fs::symlink_metadata(&old).is_ok_and(|meta| {
            meta.is_file() && meta.nlink() == 1 && meta.len() == bytes.len() as u64
        }) && fs::read(&old).is_ok_and(|held| held == bytes);
        same && in_its_folder(path, || fs::hard_link(&old, path)).is_ok()
    }

    #[cfg(not(unix))]
    fn kept_unchanged(&self, _: &Path, _: &Path, _: &[u8]) -> bool {
        false
    }

    /// Puts the folder in place of the previous reports, keeping their dot-entries.
    pub fn finish(mut self) -> Result<(), WriteError> {
        keep_dot_entries(&self.out, &self.path)?;
        swap_in(&self.out, &self.path, &self.old)?;
        self.finished = true;
        Ok(())
    }
}

/// Makes the file at `path` with `make`; when its folder is missing, makes the folder (and
/// its parents) and tries once more. A report's folders are made when first needed.
fn in_its_folder(path: &Path, make: impl Fn() -> io::Result<()>) -> io::Result<()> {
    match make() {
        Err(e) if e.kind() == io::ErrorKind::NotFound => match path.parent() {
            Some(dir) => fs::create_dir_all(dir).and_then(|()| make()),
            None => Err(e),
        },
        made => made,
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.finished {
            let _ = fs::remove_dir_all(&self.path);
        }
    }
}

/// The PID in the name of a temporary folder of `name` (`.NAME.new-PID`, `.NAME.old-PID`),
/// with whether it is an old (moved aside) report.
fn temporary_of(entry: &str, name: &str) -> Option<(u32, bool)> {
    let rest = entry.strip_prefix('.')?.strip_prefix(name)?;
    let (old, pid) = if let Some(pid) = rest.strip_prefix(".new-") {
        (false, pid)
    } else {
        (true, rest.strip_prefix(".old-")?)
    };
    if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((pid.parse().ok()?, old))
}

/// True while a process with this id runs (on other systems than Unix: always, so nothing of
/// a run that may still be going is removed).
fn is_running(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Some(pid) = i32::try_from(pid)
            .ok()
            .and_then(rustix::process::Pid::from_raw)
        else {
            return false;
        };
        // EPERM means the process exists but belongs to someone else.
        !matches!(
            rustix::process::test_kill_process(pid),
            Err(rustix::io::Errno::SRCH)
        )
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Tidies what killed runs left beside `out`: when `out` is missing and a killed run had moved
/// the previous reports aside (only possible where folders cannot be exchanged in one step),
/// they are put back first; then every temporary folder of a run that is no longer running
/// is removed.
fn recover_and_clean(out: &Path, parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let own = std::process::id();
    let mut stale: Vec<(PathBuf, bool)> = entries
        .flatten()
        .filter_map(|e| {
            let (pid, old) = temporary_of(&e.file_name().to_string_lossy(), name)?;
            (pid != own && !is_running(pid)).then(|| (e.path(), old))
        })
        .collect();
    stale.sort();
    if fs::symlink_metadata(out).is_err()
        && let Some((previous, _)) = stale
            .iter()
            .find(|(p, old)| *old && p.join("manifest.json").is_file())
    {
        let _ = fs::rename(previous, out);
    }
    for (path, _) in stale {
        if fs::symlink_metadata(&path).is_ok() {
            let _ = fs::remove_dir_all(&path);
        }
    }
}

/// Puts the dot-files and dot-folders of the existing `out` into `staging`, so that they
/// survive the swap. Files are hard-linked (no copy of a large `.git/`), or copied where the
/// file system has no hard links; the originals stay in place until the swap is done, so a
/// run killed before it loses nothing.
fn keep_dot_entries(out: &Path, staging: &Path) -> Result<(), WriteError> {
    let Ok(entries) = fs::read_dir(out) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            link_tree(&entry.path(), &staging.join(&name))?;
        }
    }
    Ok(())
}

/// Recreates `from` at `to`: folders made, files hard-linked (else copied), links copied as
/// links. Anything else (a FIFO, a socket) is left out.
fn link_tree(from: &Path, to: &Path) -> Result<(), WriteError> {
    let meta = fs::symlink_metadata(from).map_err(io_at(from))?;
    let kind = meta.file_type();
    if kind.is_dir() {
        fs::create_dir(to).map_err(io_at(to))?;
        for entry in fs::read_dir(from).map_err(io_at(from))?.flatten() {
            link_tree(&entry.path(), &to.join(entry.file_name()))?;
        }
    } else if kind.is_file() {
        if fs::hard_link(from, to).is_err() {
            fs::copy(from, to).map_err(io_at(to))?;
        }
    } else if kind.is_symlink() {
        let target = fs::read_link(from).map_err(io_at(from))?;
        #[cfg(unix)]
        std::os::unix::fs::symlink(&target, to).map_err(io_at(to))?;
        #[cfg(not(unix))]
        let _ = target;
    }
    Ok(())
}

/// Exchanges two paths in one step, where the system can (Linux `renameat2` with
/// `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// Puts `staging` at `out`. An existing `out` is exchanged with `staging` in one step, so the
/// path never stands empty (SPEC 5.5), and the previous reports, now at `staging`, are then
/// removed. Where folders cannot be exchanged, the previous reports are moved aside to `old`
/// first; a run killed between the two renames is repaired by the next (`recover_and_clean`).
fn swap_in(out: &Path, staging: &Path, old: &Path) -> Result<(), WriteError> {
    if fs::symlink_metadata(out).is_err() {
        return fs::rename(staging, out).map_err(io_at(out));
    }
    if exchange(staging, out).is_ok() {
        let _ = fs::remove_dir_all(staging);
        return Ok(());
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names() {
        assert_eq!(
            temporary_of(".reports.new-12", "reports"),
            Some((12, false))
        );
        assert_eq!(temporary_of(".reports.old-7", "reports"), Some((7, true)));
        assert_eq!(temporary_of(".reports.old-", "reports"), None);
        assert_eq!(temporary_of(".reports.new-1x", "reports"), None);
        assert_eq!(temporary_of(".reports2.new-1", "reports"), None);
        assert_eq!(temporary_of("reports.new-1", "reports"), None);
    }

    #[test]
    fn resolves_paths_that_do_not_exist_yet() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let real = tmp.path().canonicalize().expect("canonical");
        assert_eq!(
            resolve(&tmp.path().join("a/b/../c")).expect("resolved"),
            real.join("a/c")
        );
        fs::create_dir(tmp.path().join("in")).expect("mkdir");
        assert_eq!(
            resolve(&tmp.path().join("in/../in")).expect("resolved"),
            real.join("in")
        );
    }

    #[test]
    fn the_one_rule_for_output_paths() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let input = tmp.path().join("proj/in");
        fs::create_dir_all(&input).expect("mkdir");
        fs::write(input.join("outcomes.csv"), "x").expect("write");
        let inputs = vec![input.join("outcomes.csv"), input.clone()];
        let reason = |out: &Path, force| check_output(out, &inputs, force).err();
        assert!(matches!(
            reason(&input.join("outcomes.csv"), true),
            Some(WriteError::IsAnInput { .. })
        ));
        assert!(matches!(
            reason(&input, true),
            Some(WriteError::IsAnInput { .. })
        ));
        assert!(matches!(
            reason(&tmp.path().join("proj"), true),
            Some(WriteError::HoldsAnInput { .. })
        ));
        assert!(matches!(
            reason(&input.join("../in/x/.."), true),
            Some(WriteError::IsAnInput { .. })
        ));
        fs::write(tmp.path().join("notes.txt"), "x").expect("write");
        assert!(matches!(
            check_output(&tmp.path().join("notes.txt"), &[], true),
            Err(WriteError::NotAFolder(_))
        ));
        assert!(matches!(
            check_output(Path::new("/"), &[], true),
            Err(WriteError::HoldsCurrentDir(_))
        ));
        // A report inside its input folder is allowed: the walk skips it (SPEC 2.1).
        assert!(check_output(&input.join("reports"), &inputs, false).is_ok());
    }
}
