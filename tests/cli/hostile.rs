//! Issue 15: safe with any input and any output path. No lost file (SPEC 5.5: the one rule of
//! which paths may be written, dot-folders kept, a run killed at any moment leaves a readable
//! report), no hang (SPEC 2.1: FIFOs, link loops, report folders inside the inputs), no panic
//! and bounded memory on hostile files (SPEC 7), and safe text (control characters, long ids).

use crate::{Rng, crate_dir, problems, run_in, show_problems, tree, unbalanced};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A copy of the shipped CSV sample in `dir/name`, to be used as input.
fn sample_inputs(dir: &Path, name: &str) -> PathBuf {
    let to = dir.join(name);
    fs::create_dir_all(&to).expect("mkdir");
    for entry in fs::read_dir(crate_dir().join("data/ceredigion-csv")).expect("data") {
        let entry = entry.expect("entry");
        fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
    }
    to
}

/// How many tables the CSV sample holds: one a file.
fn sample_tables() -> usize {
    fs::read_dir(crate_dir().join("data/ceredigion-csv"))
        .expect("data")
        .count()
}

fn shown(p: &Path) -> String {
    p.display().to_string()
}

/// Runs mwm in `dir`; (exit code, stdout and stderr together).
fn mwm_in(dir: &Path, args: &[&str]) -> (i32, String) {
    let (code, out, err) = run_in(dir, args);
    (code, format!("{out}{err}"))
}

/// SPEC 5.5: `-o` naming an input file is exit 3 and the file is unchanged, with or without
/// --force; so is an existing file that is no input.
#[test]
fn output_over_an_input_file_or_any_file_is_refused() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let input = sample_inputs(tmp.path(), "in");
    let before = tree(&input);
    for force in [false, true] {
        let mut args = vec![
            "report",
            "in/outcomes.csv",
            "in/projects.csv",
            "-o",
            "in/outcomes.csv",
            "-q",
        ];
        if force {
            args.push("--force");
        }
        let (code, out) = mwm_in(tmp.path(), &args);
        assert_eq!(code, 3, "{out}");
        assert!(out.contains("is an input"), "{out}");
    }
    fs::write(tmp.path().join("notes.txt"), "mine").expect("write");
    let (code, out) = mwm_in(tmp.path(), &["report", "in", "-o", "notes.txt", "--force"]);
    assert_eq!(code, 3, "{out}");
    assert!(out.contains("is a file"), "{out}");
    assert_eq!(
        fs::read(tmp.path().join("notes.txt")).expect("kept"),
        b"mine"
    );
    assert_eq!(tree(&input), before);
    // Nothing was left beside them either.
    let names: Vec<String> = fs::read_dir(tmp.path())
        .expect("readable")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
}

/// SPEC 5.5: a folder that is an input or holds one is never replaced, whatever --force says:
/// `-o in --force`, `-o proj --force` with input `proj/in`, and the same through `..` and a
/// link. A report inside its input folder is allowed (the walk skips it, SPEC 2.1).
#[test]
fn output_over_an_input_folder_or_its_parent_is_refused() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let input = sample_inputs(&tmp.path().join("proj"), "in");
    let before = tree(&input);
    std::os::unix::fs::symlink("proj", tmp.path().join("link")).expect("symlink");
    for (given, out) in [
        ("proj/in", "proj/in"),
        ("proj/in", "proj"),
        ("proj/in", "proj/in/../in"),
        ("proj/in", "link"),
        ("link/in", "proj"),
        ("proj/in/outcomes.csv", "proj/in"),
    ] {
        let (code, text) = mwm_in(tmp.path(), &["report", given, "-o", out, "--force", "-q"]);
        assert_eq!(code, 3, "-o {out} with input {given}: {text}");
        assert!(
            text.contains("is an input") || text.contains("holds the input"),
            "{text}"
        );
        assert_eq!(tree(&input), before, "-o {out} changed the inputs");
    }
    // A folder found by the walk that holds files read (`report proj -o proj/in`), and the
    // folder of the config file, are inputs too.
    fs::create_dir(tmp.path().join("conf")).expect("mkdir");
    fs::write(tmp.path().join("conf/mwm.toml"), "[report]\nmin_cell = 5\n").expect("config");
    for args in [
        &["report", "proj", "-o", "proj/in", "--force", "-q"][..],
        &[
            "report",
            "proj/in",
            "-c",
            "conf/mwm.toml",
            "-o",
            "conf",
            "--force",
            "-q",
        ],
    ] {
        let (code, text) = mwm_in(tmp.path(), args);
        assert_eq!(code, 3, "{args:?}: {text}");
        assert!(text.contains("holds the input"), "{text}");
        assert_eq!(tree(&input), before, "{args:?} changed the inputs");
        assert!(tmp.path().join("conf/mwm.toml").is_file(), "{args:?}");
    }
    let (code, text) = mwm_in(
        tmp.path(),
        &["report", "proj/in", "-o", "proj/in/reports", "-q"],
    );
    assert_eq!(code, 0, "{text}");
    // The report inside the input folder is not read back as input.
    let (code, text) = mwm_in(
        tmp.path(),
        &["report", "proj/in", "-o", "proj/in/reports", "-q"],
    );
    assert_eq!(code, 0, "{text}");
}

/// SPEC 5.5: never a folder that holds the current directory or the home folder.
#[test]
fn output_over_the_current_or_home_folder_is_refused() {
    let inputs = tempfile::tempdir().expect("temp dir");
    sample_inputs(inputs.path(), "in");
    let input = shown(&inputs.path().join("in"));
    let tmp = tempfile::tempdir().expect("temp dir");
    let work = tmp.path().join("work");
    fs::create_dir(&work).expect("mkdir");
    for out in [".", ".."] {
        let (code, text) = mwm_in(&work, &["report", &input, "-o", out, "--force", "-q"]);
        assert_eq!(code, 3, "-o {out}: {text}");
        assert!(text.contains("holds the current folder"), "{text}");
    }
    // The root holds everything: the inputs are named first.
    let (code, text) = mwm_in(&work, &["report", &input, "-o", "/", "--force", "-q"]);
    assert_eq!(code, 3, "-o /: {text}");
    assert!(text.contains("holds the"), "{text}");
    let home = tmp.path().join("home");
    fs::create_dir(&home).expect("mkdir");
    let (code, _, stderr) = {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mwm"))
            .args(["report", &input, "-o", &shown(tmp.path()), "--force", "-q"])
            .current_dir("/")
            .env("HOME", &home)
            .output()
            .expect("mwm runs");
        let code = child.status.code().unwrap_or(-1);
        (code, std::mem::take(&mut child.stdout), child.stderr)
    };
    let stderr = String::from_utf8_lossy(&stderr);
    assert_eq!(code, 3, "{stderr}");
    assert!(stderr.contains("holds your home folder"), "{stderr}");
    assert!(home.is_dir() && work.is_dir());
}

/// SPEC 5.5: dot-files and dot-folders (`.git/`) of a report folder are kept, run after run.
#[test]
fn dot_folders_of_a_report_folder_are_kept() {
    let tmp = tempfile::tempdir().expect("temp dir");
    sample_inputs(tmp.path(), "in");
    let out = tmp.path().join("reports");
    fs::create_dir_all(out.join(".git/objects/ab")).expect("mkdir");
    fs::write(out.join(".git/objects/ab/cdef"), "blob").expect("write");
    fs::write(out.join(".git/HEAD"), "ref: refs/heads/main").expect("write");
    fs::create_dir_all(out.join(".config")).expect("mkdir");
    fs::write(out.join(".config/settings"), "x=1").expect("write");
    fs::write(out.join(".gitkeep"), "").expect("write");
    for _ in 0..3 {
        let (code, text) = mwm_in(tmp.path(), &["report", "in", "-o", "reports", "-q"]);
        assert_eq!(code, 0, "{text}");
        assert_eq!(
            fs::read_to_string(out.join(".git/objects/ab/cdef")).expect("kept"),
            "blob"
        );
        assert_eq!(
            fs::read_to_string(out.join(".git/HEAD")).expect("kept"),
            "ref: refs/heads/main"
        );
        assert_eq!(
            fs::read_to_string(out.join(".config/settings")).expect("kept"),
            "x=1"
        );
        assert!(out.join(".gitkeep").is_file());
        assert!(out.join("manifest.json").is_file());
    }
    let left: Vec<_> = fs::read_dir(tmp.path())
        .expect("readable")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(left.is_empty(), "temporaries left: {left:?}");
}

/// The report at `out` is complete: manifest.json parses, index.html is there and the files
/// are exactly those of a complete run (`expected`).
fn complete_report(out: &Path, expected: &[String]) -> Result<(), String> {
    let manifest = fs::read(out.join("manifest.json")).map_err(|e| format!("manifest: {e}"))?;
    serde_json::from_slice::<Value>(&manifest).map_err(|e| format!("manifest: {e}"))?;
    if !out.join("index.html").is_file() {
        return Err("no index.html".into());
    }
    let names: Vec<String> = tree(out).into_keys().collect();
    if names != expected {
        return Err(format!("files differ from a complete report: {names:?}"));
    }
    Ok(())
}

/// SPEC 5.5: a run killed (SIGKILL) at any moment leaves a complete report, the previous or
/// the new one, at its path, never an empty path; the next run removes what killed runs left.
/// At least 20 kills at seeded moments spread over a whole run's duration.
#[test]
fn a_run_killed_at_any_moment_leaves_a_readable_report() {
    let tmp = tempfile::tempdir().expect("temp dir");
    sample_inputs(tmp.path(), "in");
    let out = tmp.path().join("r");
    let started = Instant::now();
    let (code, text) = mwm_in(tmp.path(), &["report", "in", "-o", "r", "-q"]);
    let one_run = started.elapsed();
    assert_eq!(code, 0, "{text}");
    let expected: Vec<String> = tree(&out).into_keys().collect();
    let mut rng = Rng::new(15);
    let deadline = Instant::now() + Duration::from_secs(45);
    let mut span = (one_run.as_micros() as u64 * 5 / 4).max(1);
    let mut killed_while_running = 0;
    // At least 20 kills; more (up to 60, within the deadline) while fewer than 10 hit a run.
    // A kill that comes after the run ended shortens the span: under the load of other tests a
    // run's time changes from one to the next.
    for kill in 0..60 {
        if Instant::now() > deadline || (kill >= 20 && killed_while_running >= 10) {
            break;
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_mwm"))
            .args(["report", "in", "-o", "r", "-q"])
            .current_dir(tmp.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("mwm runs");
        std::thread::sleep(Duration::from_micros(rng.below(span)));
        if child.try_wait().expect("wait").is_none() {
            killed_while_running += 1;
        } else {
            span = (span * 3 / 4).max(1);
        }
        child.kill().ok();
        child.wait().expect("wait");
        if let Err(e) = complete_report(&out, &expected) {
            panic!("after kill {kill}: {e}");
        }
    }
    assert!(
        killed_while_running >= 10,
        "only {killed_while_running} kills hit a run"
    );
    let (code, text) = mwm_in(tmp.path(), &["report", "in", "-o", "r", "-q"]);
    assert_eq!(code, 0, "{text}");
    complete_report(&out, &expected).expect("a clean run's report");
    let left: Vec<String> = fs::read_dir(tmp.path())
        .expect("readable")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".r."))
        .collect();
    assert!(left.is_empty(), "temporaries left: {left:?}");
}

/// Where a killed run had moved the previous report aside (`.NAME.old-PID`, from a system
/// without an atomic exchange) and left the path empty, the next run puts it back before its
/// own swap (its dot-files survive) and removes every stale temporary; a temporary of a
/// running process is left alone.
#[test]
fn a_later_run_repairs_and_removes_what_killed_runs_left() {
    let tmp = tempfile::tempdir().expect("temp dir");
    sample_inputs(tmp.path(), "in");
    let (code, text) = mwm_in(tmp.path(), &["report", "in", "-o", "r", "-q"]);
    assert_eq!(code, 0, "{text}");
    // PIDs above Linux's largest (4,194,304) belong to no process.
    fs::rename(tmp.path().join("r"), tmp.path().join(".r.old-4194400")).expect("aside");
    fs::write(tmp.path().join(".r.old-4194400/.marker"), "previous").expect("write");
    fs::create_dir_all(tmp.path().join(".r.new-4194401/data")).expect("mkdir");
    fs::write(tmp.path().join(".r.new-4194401/index.html"), "half").expect("write");
    let own = format!(".r.new-{}", std::process::id());
    fs::create_dir(tmp.path().join(&own)).expect("mkdir");
    let (code, text) = mwm_in(tmp.path(), &["report", "in", "-o", "r", "-q"]);
    assert_eq!(code, 0, "{text}");
    assert_eq!(
        fs::read_to_string(tmp.path().join("r/.marker")).expect("restored, then kept"),
        "previous"
    );
    assert!(!tmp.path().join(".r.old-4194400").exists());
    assert!(!tmp.path().join(".r.new-4194401").exists());
    assert!(
        tmp.path().join(&own).exists(),
        "a live run's folder is kept"
    );
}

/// SPEC 5.5: a 300-byte project id and funder name give file names of at most 80 bytes and a
/// report (before: "File name too long", exit 3).
#[test]
fn long_ids_give_short_file_names() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let input = tmp.path().join("in");
    fs::create_dir(&input).expect("mkdir");
    let long_id = format!("P{}", "x".repeat(299));
    let long_funder = format!("The {} Trust", "Very ".repeat(60));
    fs::write(
        input.join("projects.csv"),
        format!(
            "project_id,name,funder\n{long_id},A long one,{long_funder}\n{long_id}2,Another,{long_funder}\n"
        ),
    )
    .expect("write");
    fs::write(
        input.join("outputs.csv"),
        format!("project_id,date,measure,value\n{long_id},2024-05-01,Sessions,3\n"),
    )
    .expect("write");
    let (code, text) = mwm_in(tmp.path(), &["report", "in", "-o", "r", "-q"]);
    assert_eq!(code, 0, "{text}");
    let mut pages = 0;
    for folder in ["projects", "funders"] {
        for e in fs::read_dir(tmp.path().join("r").join(folder)).expect("pages") {
            let name = e.expect("entry").file_name().to_string_lossy().into_owned();
            let stem = name.strip_suffix(".html").expect("an HTML page");
            assert!(stem.len() <= 80, "{folder}/{name}");
            pages += 1;
        }
    }
    assert_eq!(pages, 3, "two projects and one funder");
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// The JSON of `mwm check` run in `dir`.
fn check_in(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check"];
    all.extend(args);
    all.extend(["--format", "json"]);
    let (code, stdout, stderr) = run_in(dir, &all);
    let json = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}\n{stderr}"));
    (code, json)
}

fn has_problem(json: &Value, file_end: &str, message_part: &str) -> bool {
    problems(json).iter().any(|p| {
        p["file"].as_str().is_some_and(|f| f.ends_with(file_end))
            && p["message"]
                .as_str()
                .is_some_and(|m| m.contains(message_part))
    })
}

/// SPEC 2.1: a FIFO named `zz.csv` or a socket in a folder is skipped and listed, never
/// opened (which would block for ever); a FIFO given by name is an error, not a hang.
#[test]
fn fifos_and_sockets_never_block() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let input = sample_inputs(tmp.path(), "in");
    mkfifo(&input.join("zz.csv"));
    let _socket = std::os::unix::net::UnixListener::bind(input.join("sock.csv")).expect("bind");
    let (code, json) = check_in(tmp.path(), &["in"]);
    assert_eq!(code, 0, "{}", show_problems(&json));
    assert!(
        has_problem(&json, "in/zz.csv", "not a regular file"),
        "{}",
        show_problems(&json)
    );
    assert!(
        has_problem(&json, "in/sock.csv", "not a regular file"),
        "{}",
        show_problems(&json)
    );
    assert_eq!(
        crate::tables(&json).len(),
        sample_tables(),
        "the real tables are read"
    );
    let (code, json) = check_in(tmp.path(), &["in/zz.csv", "in/projects.csv"]);
    assert_eq!(code, 1, "{}", show_problems(&json));
    assert!(
        has_problem(&json, "in/zz.csv", "not a regular file"),
        "{}",
        show_problems(&json)
    );
    let (code, json) = check_in(tmp.path(), &["/dev/null"]);
    assert_eq!(code, 1, "{}", show_problems(&json));
}

/// SPEC 2.1: two links `s1 -> .` and `s2 -> .` (which a naive walk follows 2^depth times)
/// are each listed once and never walked; a file reached by a second path is read once.
#[test]
fn link_loops_are_walked_once() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let input = sample_inputs(tmp.path(), "in");
    fs::create_dir(input.join("sub")).expect("mkdir");
    for (link, to) in [
        ("s1", "."),
        ("s2", "."),
        ("sub/up", ".."),
        ("sub/again.csv", "../outcomes.csv"),
    ] {
        std::os::unix::fs::symlink(to, input.join(link)).expect("symlink");
    }
    let started = Instant::now();
    let (code, json) = check_in(tmp.path(), &["in", "in/outcomes.csv"]);
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(code, 0, "{}", show_problems(&json));
    assert_eq!(
        crate::tables(&json).len(),
        sample_tables(),
        "{}",
        show_problems(&json)
    );
    for link in ["in/s1", "in/s2", "in/sub/up"] {
        assert!(
            has_problem(&json, link, "read already"),
            "{link}: {}",
            show_problems(&json)
        );
    }
    assert!(unbalanced(&json).is_empty());
}

/// SPEC 2.1: a report folder inside the input folder is skipped, saying so, so a second run
/// reads the same inputs as the first.
#[test]
fn a_report_inside_its_input_folder_is_not_read_back() {
    let tmp = tempfile::tempdir().expect("temp dir");
    sample_inputs(tmp.path(), "in");
    let (before_code, before) = check_in(tmp.path(), &["in"]);
    for _ in 0..2 {
        let (code, text) = mwm_in(tmp.path(), &["report", "in", "-o", "in/reports", "-q"]);
        assert_eq!(code, 0, "{text}");
    }
    let (code, after) = check_in(tmp.path(), &["in"]);
    assert_eq!(code, before_code);
    assert_eq!(crate::tables(&after), crate::tables(&before));
    assert!(
        has_problem(&after, "in/reports", "report folder"),
        "{}",
        show_problems(&after)
    );
}

/// Deep folders (200 levels) and odd file names (spaces, quotes, Welsh letters, a newline and
/// an escape character) are read; the escape character never reaches the terminal raw.
#[test]
fn deep_folders_and_odd_names() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut deep = tmp.path().join("in");
    for _ in 0..200 {
        deep.push("d");
    }
    fs::create_dir_all(&deep).expect("mkdir");
    let sample = crate_dir().join("data/ceredigion-csv");
    fs::copy(sample.join("projects.csv"), deep.join("projects.csv")).expect("copy");
    let odd = tmp
        .path()
        .join("in/ŵyn \"a\" 'b'\nc\u{1b}[31m outcomes.csv");
    fs::copy(sample.join("outcomes.csv"), &odd).expect("copy");
    let (code, stdout, stderr) = run_in(tmp.path(), &["check", "in"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        !stdout.contains('\u{1b}') && !stderr.contains('\u{1b}'),
        "{stdout}"
    );
    let (code, json) = check_in(tmp.path(), &["in"]);
    assert_eq!(code, 0, "{}", show_problems(&json));
    assert_eq!(crate::tables(&json).len(), 2, "{}", show_problems(&json));
}

/// A zip archive of `files`, deflated.
fn zip_of(files: &[(&str, Vec<u8>)]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in files {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file(*name, options).expect("zip entry");
        zip.write_all(bytes).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}

/// A one-sheet xlsx ("Outcomes") whose sheetData is `rows`.
fn xlsx_with(rows: &str) -> Vec<u8> {
    let main = "http://schemas.openxmlformats.org";
    zip_of(&[
        ("[Content_Types].xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{main}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#).into_bytes()),
        ("_rels/.rels", format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{main}/package/2006/relationships"><Relationship Id="rId1" Type="{main}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#).into_bytes()),
        ("xl/workbook.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}/spreadsheetml/2006/main" xmlns:r="{main}/officeDocument/2006/relationships"><sheets><sheet name="Outcomes" sheetId="1" r:id="rId1"/></sheets></workbook>"#).into_bytes()),
        ("xl/_rels/workbook.xml.rels", format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{main}/package/2006/relationships"><Relationship Id="rId1" Type="{main}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#).into_bytes()),
        ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#).into_bytes()),
    ])
}

/// A one-table ods ("Outcomes") whose table body is `rows`.
fn ods_with(rows: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Outcomes">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip_of(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet".to_vec(),
        ),
        ("META-INF/manifest.xml", manifest.as_bytes().to_vec()),
        ("content.xml", content.into_bytes()),
    ])
}

/// An inline-string cell of an xlsx row.
fn xc(reference: &str, text: &str) -> String {
    format!(r#"<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// The header and one good row of an outcomes sheet, xlsx rows 1 and 2.
fn xlsx_outcomes_start() -> String {
    format!(
        r#"<row r="1">{}{}{}{}{}</row><row r="2">{}{}{}{}<c r="E2"><v>20</v></c></row>"#,
        xc("A1", "project_id"),
        xc("B1", "person_id"),
        xc("C1", "measure"),
        xc("D1", "date"),
        xc("E1", "score"),
        xc("A2", "P1"),
        xc("B2", "a"),
        xc("C2", "SWEMWBS"),
        xc("D2", "2024-01-01"),
    )
}

fn ods_text(text: &str) -> String {
    format!(
        r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
    )
}

fn ods_outcomes_start() -> String {
    let header: String = ["project_id", "person_id", "measure", "date", "score"]
        .iter()
        .map(|t| ods_text(t))
        .collect();
    let row: String = ["P1", "a", "SWEMWBS", "2024-01-01"]
        .iter()
        .map(|t| ods_text(t))
        .collect();
    format!(
        r#"<table:table-row>{header}</table:table-row><table:table-row>{row}<table:table-cell office:value-type="float" office:value="20"><text:p>20</text:p></table:table-cell></table:table-row>"#
    )
}

/// A memory limit for the hostile runs: no input may take more address space than this.
const MEMORY_LIMIT: u64 = 2 << 30;

/// Runs mwm in `dir` with its address space limited to [`MEMORY_LIMIT`] (through `prlimit`,
/// when the system has it) and its peak memory measured (through GNU `time`, when there):
/// (exit code, stdout, stderr, peak resident KiB). A run over 60 s fails the test.
fn run_bounded(dir: &Path, args: &[&str]) -> (i32, String, String, Option<u64>) {
    let peak_file = tempfile::NamedTempFile::new().expect("temp file");
    let mut command = Vec::new();
    let prlimit = Path::new("/usr/bin/prlimit");
    let time = Path::new("/usr/bin/time");
    if prlimit.exists() {
        command.push(prlimit.display().to_string());
        command.push(format!("--as={MEMORY_LIMIT}"));
        command.push("--".into());
    }
    if time.exists() {
        command.extend([
            time.display().to_string(),
            "-f".into(),
            "%M".into(),
            "-o".into(),
            shown(peak_file.path()),
        ]);
    }
    command.push(env!("CARGO_BIN_EXE_mwm").into());
    command.extend(args.iter().map(|a| a.to_string()));
    let mut child = Command::new(&command[0])
        .args(&command[1..])
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("mwm runs");
    let (mut out, mut err) = (
        child.stdout.take().expect("out"),
        child.stderr.take().expect("err"),
    );
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut out, &mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut err, &mut s);
        s
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("mwm {args:?} in {} hung (over 60 s)", dir.display());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let peak = fs::read_to_string(peak_file.path())
        .ok()
        .and_then(|t| t.lines().last()?.trim().parse().ok());
    let code = status.code().unwrap_or(-1);
    (
        code,
        out.join().expect("out"),
        err.join().expect("err"),
        peak,
    )
}

/// Issue 15: one value at XFD4000 made calamine build a 65-million-cell grid (2.1 GB). Now
/// the sheet is refused before any grid exists, naming file, sheet and used range, within the
/// memory limit; so are an .ods row of 16,384 repeated cells repeated a million times, a
/// narrow .ods table far right (whose reader keeps the empty cells left of it), a long text
/// repeated in 15,000 cells, and a forged .xls dimensions record (which aborted mwm).
#[test]
fn huge_ranges_are_refused_before_they_are_built() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let xfd = format!(
        r#"{}<row r="4000"><c r="XFD4000"><v>1</v></c></row>"#,
        xlsx_outcomes_start()
    );
    let ods_rows = format!(
        r#"{}<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row>"#,
        ods_outcomes_start()
    );
    let ods_far = format!(
        r#"{}<table:table-row table:number-rows-repeated="2000"><table:table-cell table:number-columns-repeated="16380"/><table:table-cell office:value-type="float" office:value="1"/></table:table-row>"#,
        ods_outcomes_start()
    );
    let ods_text_bomb = format!(
        r#"{}<table:table-row table:number-rows-repeated="3000"><table:table-cell table:number-columns-repeated="5" office:value-type="string"><text:p>{}</text:p></table:table-cell></table:table-row>"#,
        ods_outcomes_start(),
        "y".repeat(30_000)
    );
    let mut xls = fs::read(crate_dir().join("tests/fixtures/same/xls/book.xls")).expect("xls");
    // The first BIFF8 dimensions record (type 0x0200, 14 bytes): 4,294,967,280 rows × 65,535
    // columns, which calamine reserves room for.
    let at = xls
        .windows(4)
        .position(|w| w == [0x00, 0x02, 0x0e, 0x00])
        .expect("dimensions");
    xls[at + 8..at + 12].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
    xls[at + 14..at + 16].copy_from_slice(&0xFFFFu16.to_le_bytes());
    let cases: [(&str, Vec<u8>, &str); 5] = [
        ("outcomes.xlsx", xlsx_with(&xfd), "used range A1:XFD4000"),
        (
            "outcomes.ods",
            ods_with(&ods_rows),
            "1,000,002 rows × 16,384 columns",
        ),
        ("far.ods", ods_with(&ods_far), "A1:XFA2002"),
        ("text.ods", ods_with(&ods_text_bomb), "bytes of text"),
        ("book.xls", xls, "dimensions record"),
    ];
    for (name, bytes, expected) in cases {
        let dir = tmp.path().join(name.replace('.', "_"));
        fs::create_dir(&dir).expect("mkdir");
        fs::write(dir.join(name), &bytes).expect("write");
        assert!(
            bytes.len() < 200_000,
            "{name} is a small file: {} bytes",
            bytes.len()
        );
        let (code, stdout, stderr, peak) = run_bounded(&dir, &["check", "."]);
        assert_eq!(code, 1, "{name}: {stdout}{stderr}");
        assert!(stdout.contains("is too large to read"), "{name}: {stdout}");
        assert!(stdout.contains(expected), "{name}: {stdout}");
        if let Some(kib) = peak {
            assert!(kib < 300 * 1024, "{name} took {kib} KiB");
        }
    }
}

/// The reader refuses nothing it should read: a 4-column sheet of 4,000 rows whose used range
/// starts at C5, read cell by cell, gives its rows with their absolute numbers.
#[test]
fn an_xlsx_sheet_read_cell_by_cell_keeps_its_places() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut rows = format!(
        r#"<row r="5">{}{}{}{}{}</row>"#,
        xc("C5", "project_id"),
        xc("D5", "person_id"),
        xc("E5", "measure"),
        xc("F5", "date"),
        xc("G5", "score")
    );
    for r in 6..4006 {
        rows.push_str(&format!(
            r#"<row r="{r}">{}{}{}{}<c r="G{r}"><v>{}</v></c></row>"#,
            xc(&format!("C{r}"), "P1"),
            xc(&format!("D{r}"), &format!("p{r}")),
            xc(&format!("E{r}"), "SWEMWBS"),
            xc(&format!("F{r}"), "2024-01-01"),
            if r == 4005 {
                "99".to_string()
            } else {
                "20".to_string()
            },
        ));
    }
    fs::write(tmp.path().join("outcomes.xlsx"), xlsx_with(&rows)).expect("write");
    let (code, json) = check_in(tmp.path(), &["outcomes.xlsx"]);
    assert_eq!(code, 0, "{}", show_problems(&json));
    let table = &crate::tables(&json)[0];
    assert_eq!(
        (table["read"].as_u64(), table["used"].as_u64()),
        (Some(4000), Some(3999))
    );
    let bad = problems(&json)
        .iter()
        .find(|p| p["severity"] == "excluded")
        .expect("the score 99 is out of range");
    assert_eq!(
        (bad["row"].as_u64(), bad["cell"].as_str()),
        (Some(4005), Some("G4005"))
    );
}

/// The problems of `json` at `row`, as (severity, message).
fn at_row(json: &Value, row: u64) -> Vec<(String, String)> {
    problems(json)
        .iter()
        .filter(|p| p["row"].as_u64() == Some(row))
        .map(|p| {
            (
                p["severity"].as_str().unwrap_or("").to_string(),
                p["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// SPEC 2.3: `;` lists in a comma file do not flip the separator (four semicolons a row
/// outnumbered the header's commas and every row was "a missing or extra separator").
#[test]
fn semicolon_lists_in_a_comma_file() {
    let tmp = tempfile::tempdir().expect("temp dir");
    fs::write(
        tmp.path().join("outputs.csv"),
        "project_id,date,measure,value,principles\n\
         P1,2024-05-01,Sessions,3,assets;networks;outcomes;enabling\n\
         P1,2024-06-01,Sessions,4,assets;networks;outcomes;relationships\n",
    )
    .expect("write");
    let (code, json) = check_in(tmp.path(), &["outputs.csv"]);
    assert_eq!(code, 0, "{}", show_problems(&json));
    let t = &crate::tables(&json)[0];
    assert_eq!(
        (t["read"].as_u64(), t["used"].as_u64()),
        (Some(2), Some(2)),
        "{}",
        show_problems(&json)
    );
}

/// An unclosed quote is named where it opens (line 3), not blamed on separators, and no row
/// is counted as read that was swallowed; a quote closed lines later than meant is warned
/// about with both lines, and the ledger balances.
#[test]
fn an_unclosed_quote_is_named_where_it_opens() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let header = "project_id,person_id,measure,date,score\n";
    fs::write(
        tmp.path().join("outcomes.csv"),
        format!("{header}P1,a,SWEMWBS,2024-01-01,20\n\"P1,b,SWEMWBS,2024-01-01,21\nP1,c,SWEMWBS,2024-01-01,22\n"),
    )
    .expect("write");
    let (code, json) = check_in(tmp.path(), &["outcomes.csv"]);
    assert_eq!(code, 1, "{}", show_problems(&json));
    let found = at_row(&json, 3);
    assert!(
        found
            .iter()
            .any(|(s, m)| s == "error" && m.contains("quote") && m.contains("line 3")),
        "{}",
        show_problems(&json)
    );
    assert!(
        !show_problems(&json).contains("separator"),
        "{}",
        show_problems(&json)
    );
    fs::write(
        tmp.path().join("outcomes.csv"),
        format!("{header}P1,a,SWEMWBS,2024-01-01,20\nP1,\"b,SWEMWBS,2024-01-01,21\nP1,c,SWEMWBS,2024-01-01,22\"\nP1,d,SWEMWBS,2024-01-01,23\n"),
    )
    .expect("write");
    let (code, json) = check_in(tmp.path(), &["outcomes.csv"]);
    assert_eq!(code, 0, "{}", show_problems(&json));
    assert!(
        at_row(&json, 3)
            .iter()
            .any(|(s, m)| s == "warning" && m.contains("runs to line 4")),
        "{}",
        show_problems(&json)
    );
    assert!(unbalanced(&json).is_empty(), "{}", show_problems(&json));
    // Row 5 is still row 5.
    assert!(at_row(&json, 5).is_empty(), "{}", show_problems(&json));
}

/// Old Mac files end lines with a lone CR: rows keep their line numbers.
#[test]
fn lone_carriage_returns_keep_row_numbers() {
    let tmp = tempfile::tempdir().expect("temp dir");
    fs::write(
        tmp.path().join("outcomes.csv"),
        "project_id,person_id,measure,date,score\rP1,a,SWEMWBS,2024-01-01,20\r\rP1,b,SWEMWBS,2024-01-01,high\r",
    )
    .expect("write");
    let (code, json) = check_in(tmp.path(), &["outcomes.csv"]);
    assert_eq!(code, 0, "{}", show_problems(&json));
    let t = &crate::tables(&json)[0];
    assert_eq!(
        (
            t["read"].as_u64(),
            t["used"].as_u64(),
            t["excluded"].as_u64(),
            t["blank"].as_u64()
        ),
        (Some(3), Some(1), Some(1), Some(1)),
        "{}",
        show_problems(&json)
    );
    assert!(
        at_row(&json, 4).iter().any(|(s, _)| s == "excluded"),
        "{}",
        show_problems(&json)
    );
}

/// Dates (SPEC 2.3): `0000-01-01` is a row problem (it gave the period `-1-00 Q4`), an
/// impossible date says which day the month lacks, and date cells of serial 60, 1e9 and 1e15
/// are row problems that say what they are.
#[test]
fn dates_out_of_range_or_impossible_are_row_problems() {
    let tmp = tempfile::tempdir().expect("temp dir");
    fs::write(
        tmp.path().join("outputs.csv"),
        "project_id,date,measure,value\nP1,0000-01-01,Sessions,3\nP1,31/02/2024,Sessions,3\nP1,2024-05-01,Sessions,3\n",
    )
    .expect("write");
    let (code, json) = check_in(tmp.path(), &["outputs.csv"]);
    assert_eq!(code, 0, "{}", show_problems(&json));
    assert!(
        at_row(&json, 2)
            .iter()
            .any(|(s, m)| s == "excluded" && m.contains("year 0"))
    );
    assert!(
        at_row(&json, 3)
            .iter()
            .any(|(s, m)| s == "excluded" && m.contains("February 2024 has no 31st")),
        "{}",
        show_problems(&json)
    );
    let (code, stdout, _) = run_in(tmp.path(), &["summary", "outputs.csv", "--format", "csv"]);
    assert_eq!(code, 0);
    assert!(!stdout.contains("-1-00"), "{stdout}");
    // Date cells: a date style on cells holding 60, 1e9 and 1e15.
    let styles = r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#;
    let rows = format!(
        r#"<row r="1">{}{}{}{}{}</row>{}"#,
        xc("A1", "project_id"),
        xc("B1", "person_id"),
        xc("C1", "measure"),
        xc("D1", "date"),
        xc("E1", "score"),
        [(2, "60"), (3, "1000000000"), (4, "1E15"), (5, "45356")]
            .iter()
            .map(|(r, v)| format!(
                r#"<row r="{r}">{}{}{}<c r="D{r}" s="1"><v>{v}</v></c><c r="E{r}"><v>20</v></c></row>"#,
                xc(&format!("A{r}"), "P1"),
                xc(&format!("B{r}"), &format!("p{r}")),
                xc(&format!("C{r}"), "SWEMWBS")
            ))
            .collect::<String>()
    );
    let book = with_styles(&xlsx_with(&rows), styles);
    let book_path = tmp.path().join("book.xlsx");
    fs::write(&book_path, book).expect("write");
    let (code, json) = check_in(tmp.path(), &["book.xlsx"]);
    assert_eq!(code, 0, "{}", show_problems(&json));
    for row in [2, 3, 4] {
        let found = at_row(&json, row);
        assert!(
            found
                .iter()
                .any(|(s, m)| s == "excluded" && !m.contains("plain number")),
            "row {row}: {}",
            show_problems(&json)
        );
    }
    assert!(
        at_row(&json, 2)
            .iter()
            .any(|(_, m)| m.contains("29 February 1900"))
    );
    assert!(
        at_row(&json, 5).iter().all(|(s, _)| s == "warning"),
        "{}",
        show_problems(&json)
    );
}

/// `book` (an xlsx of [`xlsx_with`]) with a styles part added.
fn with_styles(book: &[u8], styles: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(book)).expect("zip");
    let mut files = Vec::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).expect("entry");
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut bytes).expect("read");
        let name = f.name().expect("entry name").to_string();
        if name == "xl/_rels/workbook.xml.rels" {
            let text = String::from_utf8(bytes).expect("utf8").replace(
                "</Relationships>",
                r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#,
            );
            bytes = text.into_bytes();
        }
        files.push((name, bytes));
    }
    files.push(("xl/styles.xml".into(), styles.as_bytes().to_vec()));
    let named: Vec<(&str, Vec<u8>)> = files.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    zip_of(&named)
}

/// Control characters (an escape sequence, a NUL, a C1 CSI) in cells never reach the terminal
/// raw in `mwm check`, nor a page; the JSON keeps them escaped.
#[test]
fn control_characters_never_reach_a_terminal_or_a_page() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let input = sample_inputs(tmp.path(), "in");
    let mut outcomes = fs::read_to_string(input.join("outcomes.csv")).expect("read");
    outcomes.push_str("\u{1b}]0;owned\u{7}\u{1b}[2J,p\0x,SWEMWBS,2024-01-01,hi\u{9b}31m\n");
    fs::write(input.join("outcomes.csv"), outcomes).expect("write");
    let mut projects = fs::read_to_string(input.join("projects.csv")).expect("read");
    let first_id = projects
        .lines()
        .nth(1)
        .expect("a project")
        .split(',')
        .next()
        .unwrap_or("")
        .to_string();
    projects = projects.replacen(
        &format!("\n{first_id},"),
        &format!("\n{first_id},Na\0me \u{1b}[31mred "),
        1,
    );
    fs::write(input.join("projects.csv"), projects).expect("write");
    for args in [
        &["check", "in"][..],
        &["check", "in", "--format", "json"][..],
    ] {
        let (code, stdout, stderr) = run_in(tmp.path(), args);
        assert!(code == 0 || code == 1, "{stdout}{stderr}");
        for c in ['\u{1b}', '\0', '\u{9b}', '\u{7}'] {
            assert!(
                !stdout.contains(c) && !stderr.contains(c),
                "{c:?} in {args:?}: {stdout:?}"
            );
        }
    }
    let (_, stdout, _) = run_in(tmp.path(), &["check", "in"]);
    assert!(stdout.contains("\"hi\\u{9b}31m\""), "{stdout}");
    let (code, text) = mwm_in(tmp.path(), &["report", "in", "-o", "r", "-q"]);
    assert_eq!(code, 0, "{text}");
    for (name, bytes) in tree(&tmp.path().join("r")) {
        // The workbook is compressed: its cells are the CSVs' (a report_folder test reads it
        // back cell for cell), which are checked here as text.
        if name.ends_with(".xlsx") {
            continue;
        }
        for c in ['\u{1b}', '\0', '\u{9b}', '\u{7}'] {
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains(c), "{c:?} in {name}");
        }
    }
}

/// `--templates nope` is an error, not silently the built-in look.
#[test]
fn a_missing_templates_folder_is_an_error() {
    let tmp = tempfile::tempdir().expect("temp dir");
    sample_inputs(tmp.path(), "in");
    let (code, text) = mwm_in(
        tmp.path(),
        &["report", "in", "-o", "r", "--templates", "nope"],
    );
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("nope") && text.contains("no such folder"),
        "{text}"
    );
    assert!(!tmp.path().join("r").exists());
}

/// Empty and damaged containers, a 1 MB cell and an unreadable name are listed, never a
/// panic: a zero-length .xlsx, .ods and .xls, an .xlsx that is an empty zip, a CSV holding one
/// 1 MB cell, and a file with a broken-UTF-8 name.
#[test]
fn empty_files_huge_cells_and_odd_names() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("in");
    fs::create_dir(&dir).expect("mkdir");
    for name in ["a.xlsx", "b.ods", "c.xls"] {
        fs::write(dir.join(name), b"").expect("write");
    }
    fs::write(dir.join("d.xlsx"), zip_of(&[])).expect("write");
    fs::write(
        dir.join("stories.csv"),
        format!(
            "project_id,text\nP1,\"{}\"\n",
            "long story ".repeat(100_000)
        ),
    )
    .expect("write");
    fs::write(
        dir.join(std::ffi::OsStr::from_bytes(b"bad\xffname.csv")),
        "x,y\n",
    )
    .expect("write");
    let (code, json) = check_in(tmp.path(), &["in"]);
    assert_eq!(code, 1, "{}", show_problems(&json));
    for name in ["a.xlsx", "b.ods", "c.xls", "d.xlsx"] {
        assert!(
            has_problem(&json, name, "cannot be read"),
            "{name}: {}",
            show_problems(&json)
        );
    }
    assert!(unbalanced(&json).is_empty());
    let stories = crate::tables(&json)
        .iter()
        .find(|t| t["table"] == "stories")
        .expect("the stories table");
    assert_eq!(stories["used"].as_u64(), Some(1));
}

/// The entries of a zip archive, or `None` when it is none.
fn unzip(bytes: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut files = Vec::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).ok()?;
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut data).ok()?;
        files.push((f.name().ok()?.to_string(), data));
    }
    Some(files)
}

/// A cell reference anywhere in a sheet, up to XFD1048576.
fn far_reference(rng: &mut Rng) -> String {
    let col = rng.below(16_384) as u32;
    let mut letters = Vec::new();
    let mut c = col;
    loop {
        letters.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    letters.reverse();
    format!(
        "{}{}",
        String::from_utf8_lossy(&letters),
        1 + rng.below(1_048_576)
    )
}

/// One structural change to the XML of a workbook part: a cell moved far away, a row or cell
/// repeated up to ten million times, a piece copied many times over or cut out, control
/// characters and odd values written into it.
fn mutate_xml(rng: &mut Rng, xml: &mut Vec<u8>) {
    if xml.is_empty() {
        return;
    }
    let at = rng.below(xml.len() as u64) as usize;
    match rng.below(7) {
        0 => {
            // Move a cell: the next r="..." after `at`.
            let text = String::from_utf8_lossy(xml).into_owned();
            if let Some(i) = text[text.floor_char_boundary(at)..].find(" r=\"") {
                let start = text.floor_char_boundary(at) + i + 4;
                if let Some(len) = text[start..].find('"') {
                    let mut out = text[..start].to_string();
                    out.push_str(&far_reference(rng));
                    out.push_str(&text[start + len..]);
                    *xml = out.into_bytes();
                }
            }
        }
        1 => {
            // Repeat an .ods row or cell.
            let text = String::from_utf8_lossy(xml).into_owned();
            let (tag, attr) = if rng.below(2) == 0 {
                ("<table:table-row", "table:number-rows-repeated")
            } else {
                ("<table:table-cell", "table:number-columns-repeated")
            };
            if let Some(i) = text[text.floor_char_boundary(at)..].find(tag) {
                let start = text.floor_char_boundary(at) + i + tag.len();
                let n = 1 + rng.below(10_000_000);
                *xml = format!("{} {attr}=\"{n}\"{}", &text[..start], &text[start..]).into_bytes();
            }
        }
        2 => {
            // Copy a piece many times over.
            let len = (1 + rng.below(200) as usize).min(xml.len() - at);
            let piece = xml[at..at + len].to_vec();
            let copies = 1 + rng.below(2_000) as usize;
            let tail = xml.split_off(at);
            for _ in 0..copies {
                xml.extend_from_slice(&piece);
            }
            xml.extend(tail);
        }
        3 => {
            let len = (rng.below(100) as usize).min(xml.len() - at);
            xml.drain(at..at + len);
        }
        4 => {
            const ODD: &[&[u8]] = &[
                b"\0",
                b"\x1b[2J",
                b"\xc2\x9b",
                b"\r",
                b"&#0;",
                b"&#x1b;",
                b"1E308",
                b"-1",
                b"NaN",
                b"99999999999",
                b"\"",
                b"'",
                b"<",
                b"]]>",
            ];
            let odd = ODD[rng.below(ODD.len() as u64) as usize];
            xml.splice(at..at, odd.iter().copied());
        }
        5 => {
            // A value or shared-string index made huge.
            let text = String::from_utf8_lossy(xml).into_owned();
            if let Some(i) = text[text.floor_char_boundary(at)..].find("<v>") {
                let start = text.floor_char_boundary(at) + i + 3;
                let value =
                    ["4294967295", "1e15", "60", "-5", "2958466", "0"][rng.below(6) as usize];
                *xml = format!("{}{value}{}", &text[..start], &text[start..]).into_bytes();
            }
        }
        _ => {
            let byte = rng.next_u64() as u8;
            xml[at] = byte;
        }
    }
}

/// A workbook with 1 to 4 of its XML parts changed structurally, zipped again: the container
/// stays valid, so the changes reach the spreadsheet reader.
fn mutated_workbook(rng: &mut Rng, book: &[u8]) -> Vec<u8> {
    let Some(mut files) = unzip(book) else {
        return book.to_vec();
    };
    for _ in 0..1 + rng.below(4) {
        let xml: Vec<usize> = (0..files.len())
            .filter(|&i| files[i].0.ends_with(".xml"))
            .collect();
        if xml.is_empty() {
            break;
        }
        let pick = xml[rng.below(xml.len() as u64) as usize];
        mutate_xml(rng, &mut files[pick].1);
    }
    let named: Vec<(&str, Vec<u8>)> = files.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    zip_of(&named)
}

/// A CSV file with line-level and byte-level damage: quotes opened, lone CRs, separators
/// swapped, control characters, lines copied and cut, the file cut short.
fn mutated_csv(rng: &mut Rng, csv: &[u8]) -> Vec<u8> {
    let mut bytes = csv.to_vec();
    for _ in 0..1 + rng.below(8) {
        if bytes.is_empty() {
            break;
        }
        let at = rng.below(bytes.len() as u64) as usize;
        match rng.below(6) {
            0 => bytes.insert(at, b'"'),
            1 => bytes.insert(at, b'\r'),
            2 => bytes[at] = if bytes[at] == b',' { b';' } else { b',' },
            3 => {
                let odd: &[u8] =
                    [&b"\0"[..], b"\x1b]0;x\x07", b"\xc2\x85", b"\xff"][rng.below(4) as usize];
                bytes.splice(at..at, odd.iter().copied());
            }
            4 => {
                let len = (rng.below(400) as usize).min(bytes.len() - at);
                let piece = bytes[at..at + len].to_vec();
                for _ in 0..rng.below(50) {
                    bytes.splice(at..at, piece.iter().copied());
                }
            }
            _ => bytes.truncate(at),
        }
    }
    bytes
}

/// Issue 15, SPEC 7: random bytes and random mutations of the sample workbooks (data/*.xlsx,
/// data/*.ods) and CSV files, given to `mwm check` with its address space limited to 2 GiB:
/// never a panic, a signal or a hang, always JSON with balanced ledgers. The readers are also
/// called in this process on more mutations. Prints the highest peak memory of a run.
#[test]
fn mutated_inputs_never_panic_hang_or_blow_up() {
    let data = crate_dir().join("data");
    let books: Vec<(&str, Vec<u8>)> = [
        ("xlsx", "portfolio.xlsx"),
        ("xlsx", "cylch-canu-caernarfon.xlsx"),
        ("ods", "gwynedd-and-powys.ods"),
    ]
    .iter()
    .map(|(ext, name)| (*ext, fs::read(data.join(name)).expect("sample workbook")))
    .collect();
    let csvs: Vec<(String, Vec<u8>)> = fs::read_dir(data.join("ceredigion-csv"))
        .expect("sample CSV")
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).expect("csv"),
            )
        })
        .collect();
    let started = Instant::now();
    let mut highest_peak = 0u64;
    let mut failures = Vec::new();
    for seed in 0..36u64 {
        if started.elapsed() > Duration::from_secs(40) {
            break;
        }
        let mut rng = Rng::new(1500 + seed);
        let tmp = tempfile::tempdir().expect("temp dir");
        for k in 0..3 {
            let (name, bytes) = match rng.below(5) {
                0 => (
                    format!(
                        "random{k}.{}",
                        ["xlsx", "ods", "xls", "csv"][rng.below(4) as usize]
                    ),
                    (0..rng.below(4096)).map(|_| rng.next_u64() as u8).collect(),
                ),
                1 | 2 => {
                    let (ext, book) = &books[rng.below(books.len() as u64) as usize];
                    (format!("book{k}.{ext}"), mutated_workbook(&mut rng, book))
                }
                3 => {
                    let (ext, book) = &books[rng.below(books.len() as u64) as usize];
                    let mut bytes = book.clone();
                    for _ in 0..1 + rng.below(20) {
                        let i = rng.below(bytes.len() as u64) as usize;
                        bytes[i] = rng.next_u64() as u8;
                    }
                    bytes.truncate(1 + rng.below(bytes.len() as u64) as usize);
                    (format!("cut{k}.{ext}"), bytes)
                }
                _ => {
                    let (name, csv) = &csvs[rng.below(csvs.len() as u64) as usize];
                    (format!("{k}-{name}"), mutated_csv(&mut rng, csv))
                }
            };
            fs::write(tmp.path().join(name), bytes).expect("write");
        }
        let (code, stdout, stderr, peak) =
            run_bounded(tmp.path(), &["check", ".", "--format", "json"]);
        highest_peak = highest_peak.max(peak.unwrap_or(0));
        let problem = if !(code == 0 || code == 1) || stderr.contains("panicked") {
            Some(format!("exit {code}: {stderr}"))
        } else {
            match serde_json::from_str::<Value>(&stdout) {
                Err(e) => Some(format!("not JSON ({e})")),
                Ok(json) if !unbalanced(&json).is_empty() => Some(unbalanced(&json).join("; ")),
                Ok(_) => None,
            }
        };
        if let Some(problem) = problem {
            failures.push(format!(
                "seed {seed} (kept in {}): {problem}",
                shown(&tmp.keep())
            ));
        }
    }
    // In this process: the readers alone, on more mutations.
    let config = mwm::config::LoadedConfig::default();
    let tmp = tempfile::tempdir().expect("temp dir");
    for seed in 0..120u64 {
        let mut rng = Rng::new(90_000 + seed);
        let (ext, book) = &books[rng.below(books.len() as u64) as usize];
        let path = tmp.path().join(format!("in{seed}.{ext}"));
        fs::write(&path, mutated_workbook(&mut rng, book)).expect("write");
        let (name, csv) = &csvs[rng.below(csvs.len() as u64) as usize];
        let csv_path = tmp.path().join(format!("{seed}-{name}"));
        fs::write(&csv_path, mutated_csv(&mut rng, csv)).expect("write");
        let read = std::panic::catch_unwind(|| {
            mwm::ingest::read(&[path.clone(), csv_path.clone()], &config)
        });
        if read.is_err() {
            failures.push(format!("reader panicked on seed {seed}"));
        }
        let _ = fs::remove_file(&path);
        let _ = fs::remove_file(&csv_path);
    }
    eprintln!(
        "mutated inputs: highest peak memory of a `mwm check` run {} MiB (limit {} MiB), {:.1} s",
        highest_peak / 1024,
        MEMORY_LIMIT >> 20,
        started.elapsed().as_secs_f64()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Issue 15 item 4: non-finite measure constants in the config are config errors naming the
/// entry and key (before, `min = nan`, `max = inf` panicked once scores used the measure).
#[test]
fn non_finite_measure_constants_are_config_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = sample_inputs(dir.path(), "in");
    fs::write(
        data.join("mwm.toml"),
        "[[measures]]\nmeasure = \"Loneliness\"\nmin = nan\nmax = inf\nhigher_is_better = false\nmid = nan\n",
    )
    .expect("write config");
    let (code, out) = mwm_in(dir.path(), &["report", "in", "-o", "out", "-q"]);
    assert_eq!(code, 1, "{out}");
    for key in [
        "min must be a finite number",
        "max must be a finite number",
        "mid must be above 0",
    ] {
        assert!(out.contains(key), "no `{key}` in:\n{out}");
    }
    assert!(!out.contains("panicked"), "{out}");
    assert!(
        !dir.path().join("out").exists(),
        "no report after a config error"
    );
}

/// Issue 15 item 9: the project id `ALL` (any case) is reserved: a structural error in a
/// projects table, a row problem in any other table.
#[test]
fn the_project_id_all_is_reserved() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join("projects.csv"),
        "project_id,name\nAll,Everyone\nP1,One\n",
    )
    .expect("write");
    let (code, json) = check_in(dir.path(), &["."]);
    assert_eq!(code, 1, "{json}");
    assert!(has_problem(&json, "projects.csv", "is reserved"), "{json}");
    fs::write(dir.path().join("projects.csv"), "project_id,name\nP1,One\n").expect("write");
    fs::write(
        dir.path().join("outputs.csv"),
        "project_id,date,measure,value\nP1,2024-05-01,Sessions,4\nall,2024-05-02,Sessions,3\n",
    )
    .expect("write");
    let (code, json) = check_in(dir.path(), &["."]);
    assert_eq!(code, 0, "a row problem only: {json}");
    let row3: Vec<_> = at_row(&json, 3);
    assert!(
        row3.iter()
            .any(|(sev, msg)| sev == "excluded" && msg.contains("is reserved")),
        "{row3:?}"
    );
}

/// Issue 15 item 11: two outputs of 10^308 summed to 0 (infinity written as nothing). A value
/// too large to add up is now a row problem at its cell, and the total is the other rows'.
#[test]
fn values_too_large_to_add_up_are_row_problems() {
    let dir = tempfile::tempdir().expect("temp dir");
    let huge = format!("1{}", "0".repeat(308));
    fs::write(dir.path().join("projects.csv"), "project_id,name\nP1,One\n").expect("write");
    fs::write(
        dir.path().join("outputs.csv"),
        format!("project_id,date,measure,value\nP1,2024-05-01,Sessions,{huge}\nP1,2024-05-02,Sessions,{huge}\nP1,2024-05-03,Sessions,7\n"),
    )
    .expect("write");
    let (code, out) = mwm_in(dir.path(), &["report", ".", "-o", "out", "-q"]);
    assert_eq!(code, 0, "{out}");
    let table = fs::read_to_string(dir.path().join("out/data/outputs_summary.csv")).expect("table");
    // Only the row of 7 is summed (by hand).
    assert!(table.contains("P1,Sessions,total,7\n"), "{table}");
    let excluded =
        fs::read_to_string(dir.path().join("out/data/excluded_rows.csv")).expect("excluded");
    assert_eq!(
        excluded.matches("is too large to add up").count(),
        2,
        "{excluded}"
    );
}

/// Issue 15 item 12: a period that ends before it starts is a usage error (exit 2), and a
/// config value of the wrong type names its key.
#[test]
fn a_backwards_period_and_a_mistyped_key_are_named() {
    let (code, out) = mwm_in(
        crate_dir(),
        &["summary", "--from", "2024-06-01", "--to", "2024-01-01"],
    );
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("before it starts"), "{out}");
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("mwm.toml");
    fs::write(&config, "[report]\ntitle = \"T\"\nmin_cell = \"five\"\n").expect("write");
    let (code, out) = mwm_in(
        crate_dir(),
        &["summary", "-c", config.to_str().expect("utf-8")],
    );
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("report.min_cell") && out.contains("line 3"),
        "{out}"
    );
}
