//! `mwm report`'s folder (SPEC 5.4, 5.5, 6): reproducible, written atomically, never over a
//! folder that is not a report folder, the manifest's contents, the reporting period, and
//! `mwm summary`.

use crate::{run, run_in};
use sha2::{Digest, Sha256};
use std::fs;
use std::path::Path;

fn files_under(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        let mut entries: Vec<_> = fs::read_dir(dir).expect("readable").flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p.strip_prefix(base).unwrap_or(&p).display().to_string();
                out.push((rel, fs::read(&p).expect("readable")));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out
}

fn report_into(out: &Path, extra: &[&str]) -> (i32, String) {
    let target = out.display().to_string();
    let mut args = vec![
        "report",
        "tests/fixtures/figures/input",
        "-o",
        &target,
        "-q",
    ];
    args.extend(extra);
    let (code, stdout, stderr) = run(&args);
    (code, format!("{stdout}{stderr}"))
}

/// Runs mwm with its clock at `epoch` (`SOURCE_DATE_EPOCH`), which must succeed.
fn report_at(epoch: &str, args: &[&str]) {
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_mwm"))
        .args(args)
        .current_dir(crate::crate_dir())
        .env("SOURCE_DATE_EPOCH", epoch)
        .status()
        .expect("mwm runs");
    assert!(status.success(), "mwm {}", args.join(" "));
}

#[test]
fn two_runs_with_the_same_epoch_are_byte_identical() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    for dir in [&a, &b] {
        let target = dir.display().to_string();
        report_at(
            "1700000000",
            &[
                "report",
                "tests/fixtures/figures/input",
                "-o",
                &target,
                "-q",
            ],
        );
    }
    let (fa, fb) = (files_under(&a), files_under(&b));
    assert!(!fa.is_empty());
    assert_eq!(fa.len(), fb.len());
    for ((na, ba), (nb, bb)) in fa.iter().zip(&fb) {
        assert_eq!(na, nb);
        assert!(ba == bb, "{na} differs between the two runs");
    }
    // 1700000000 s after the epoch is 2023-11-14 22:13:20 UTC (date -u -d @1700000000).
    let manifest = fs::read_to_string(a.join("manifest.json")).expect("manifest");
    assert!(
        manifest.contains("\"generated_at\": \"2023-11-14T22:13:20Z\""),
        "{manifest}"
    );
}

#[test]
fn manifest_records_inputs_ledger_and_settings() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("r");
    let (code, text) = report_into(&out, &["--min-cell", "7"]);
    assert_eq!(code, 0, "{text}");
    let manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("manifest.json")).expect("manifest"))
            .expect("manifest is JSON");
    assert_eq!(manifest["min_cell"], 7);
    assert_eq!(manifest["version"], env!("CARGO_PKG_VERSION"));
    let inputs = manifest["inputs"].as_array().expect("inputs");
    assert_eq!(inputs.len(), 6, "six CSV files in figures/input");
    for input in inputs {
        let file = input["file"].as_str().expect("file");
        let bytes = fs::read(crate::crate_dir().join(file)).expect("input readable");
        let digest: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(input["sha256"], digest.as_str(), "{file}");
    }
    for table in manifest["tables"].as_array().expect("tables") {
        let n = |k: &str| table[k].as_u64().expect("a count");
        assert_eq!(
            n("read"),
            n("used") + n("excluded") + n("duplicates") + n("blank")
        );
    }
    // Every measure used has its sem and where it came from (SPEC 4.3).
    assert!(
        manifest["measures"]
            .as_array()
            .expect("measures")
            .iter()
            .any(|m| m["source"] == "reliability_and_baseline_sd")
    );
}

#[test]
fn refuses_a_folder_that_is_not_a_report_folder() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("mine");
    fs::create_dir(&out).expect("mkdir");
    fs::write(out.join("thesis.docx"), b"precious").expect("write");
    let (code, text) = report_into(&out, &[]);
    assert_eq!(code, 3, "{text}");
    assert!(
        text.contains("not a report folder") && text.contains("--force"),
        "{text}"
    );
    assert_eq!(
        fs::read(out.join("thesis.docx")).expect("kept"),
        b"precious"
    );
    let (code, text) = report_into(&out, &["--force"]);
    assert_eq!(code, 0, "{text}");
    assert!(out.join("manifest.json").is_file());
}

#[test]
fn dotfiles_are_kept_and_a_report_folder_is_replaced() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("reports");
    fs::create_dir(&out).expect("mkdir");
    fs::write(out.join(".gitkeep"), b"").expect("write");
    let (code, text) = report_into(&out, &[]);
    assert_eq!(code, 0, "{text}");
    assert!(out.join(".gitkeep").is_file());
    fs::write(out.join("stale.csv"), b"old").expect("write");
    let (code, text) = report_into(&out, &[]);
    assert_eq!(code, 0, "{text}");
    assert!(out.join(".gitkeep").is_file());
    assert!(
        !out.join("stale.csv").exists(),
        "the folder is replaced whole"
    );
    // No staging folder is left beside it.
    let leftovers: Vec<_> = fs::read_dir(tmp.path())
        .expect("readable")
        .flatten()
        .filter(|e| e.file_name() != "reports")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_failed_run_leaves_the_previous_report_untouched() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("r");
    let (code, text) = report_into(&out, &[]);
    assert_eq!(code, 0, "{text}");
    let before = files_under(&out);
    let target = out.display().to_string();
    // missing_column stops the run with a structural error (exit 1).
    let (code, _, stderr) = run(&["report", "tests/fixtures/missing_column", "-o", &target]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(files_under(&out), before);
}

/// A run again with the same inputs keeps each unchanged file of the previous report (linked,
/// not written again) and writes the changed ones: the folder is what a fresh run writes, and
/// no file of it is shared with anything else.
#[cfg(unix)]
#[test]
fn unchanged_files_are_kept_and_changed_ones_written() {
    use std::os::unix::fs::MetadataExt;
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("r");
    let inode = |name: &str| fs::metadata(out.join(name)).expect("written").ino();
    // The same clock for every run, so that unchanged inputs give unchanged files.
    let report = |args: &[&str]| report_at("1733400000", args);
    let target = out.display().to_string();
    let args = [
        "report",
        "tests/fixtures/figures/input",
        "-o",
        &target,
        "-q",
    ];
    report(&args);
    let (page, csv) = (inode("index.html"), inode("data/outcomes_summary.csv"));
    let first = files_under(&out);
    report(&args);
    assert_eq!(files_under(&out), first);
    assert_eq!(
        (inode("index.html"), inode("data/outcomes_summary.csv")),
        (page, csv)
    );
    assert_eq!(
        fs::metadata(out.join("index.html")).expect("page").nlink(),
        1
    );
    // A larger minimum cell changes the pages and tables: they are written anew.
    let mut changed = args.to_vec();
    changed.extend(["--min-cell", "50"]);
    report(&changed);
    assert_ne!(inode("index.html"), page);
    assert_ne!(files_under(&out), first);
    let fresh = tmp.path().join("fresh");
    let fresh_target = fresh.display().to_string();
    let mut again = changed.clone();
    again[3] = &fresh_target;
    report(&again);
    assert_eq!(files_under(&out), files_under(&fresh));
}

/// Pages go into the hidden staging folder as they are made: a run that fails while making
/// them (here a template that names a field no page has) leaves the previous report as it
/// was and no hidden folder beside it.
#[test]
fn a_run_failing_while_writing_pages_leaves_the_previous_report_and_no_staging() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("r");
    let (code, text) = report_into(&out, &[]);
    assert_eq!(code, 0, "{text}");
    let before = files_under(&out);
    let templates = tmp.path().join("t");
    fs::create_dir(&templates).expect("mkdir");
    fs::write(templates.join("page.html"), "{{ page.no_such_field }}").expect("write");
    let (code, text) = report_into(&out, &["--templates", &templates.display().to_string()]);
    assert_ne!(code, 0, "{text}");
    assert!(text.contains("no_such_field"), "{text}");
    assert_eq!(files_under(&out), before);
    let mut left: Vec<String> = fs::read_dir(tmp.path())
        .expect("readable")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["r", "t"]);
}

/// `--from` / `--to` leave dated rows out and count them. figures/input counted with Python's
/// csv module (ISO dates compared as text) for 2024-04-01 to 2024-12-31: outputs 6 of 16 rows
/// outside, outcomes 20 of 72, stories 1 of 8, audit 12 of 35.
#[test]
fn the_reporting_period_leaves_rows_out_and_counts_them() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("r");
    let (code, text) = report_into(&out, &["--from", "2024-04-01", "--to", "31/12/2024"]);
    assert_eq!(code, 0, "{text}");
    let manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("manifest.json")).expect("manifest"))
            .expect("JSON");
    let left = &manifest["left_out_by_period"];
    assert_eq!(left["outputs"], 6, "{left}");
    assert_eq!(left["outcomes"], 20, "{left}");
    assert_eq!(left["stories"], 1, "{left}");
    assert_eq!(left["audit"], 12, "{left}");
    assert_eq!(manifest["settings"]["from"], "2024-04-01");
    assert_eq!(manifest["settings"]["to"], "2024-12-31");
    // Left-out rows are not excluded rows.
    let excluded = fs::read_to_string(out.join("data/excluded_rows.csv")).expect("csv");
    assert_eq!(excluded.lines().count(), 1, "{excluded}");
}

#[test]
fn summary_prints_the_headline_tables() {
    let (code, text, stderr) = run(&["summary", "tests/fixtures/figures/input"]);
    assert_eq!(code, 0, "{stderr}");
    for heading in ["Projects", "Outcomes", "Principle evidence"] {
        assert!(text.contains(heading), "{text}");
    }
    let widest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(widest <= 100, "a line is {widest} characters wide");
    // P1 ONS anxiety has 4 paired people: shown as hidden, never as a number, and what
    // "hidden" means is said once (a row may be hidden to protect another, so never "fewer
    // than 5" about a row that may hold more).
    assert!(
        text.lines().any(|l| l.starts_with("P1 ")
            && l.contains("ONS anxiety")
            && l.trim_end().ends_with("hidden")),
        "{text}"
    );
    assert!(
        text.contains("hidden: a figure about fewer than 5 people, or one from which"),
        "{text}"
    );
    let (code, json, _) = run(&[
        "summary",
        "tests/fixtures/figures/input",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    for key in ["projects_summary", "outcomes_summary", "principle_evidence"] {
        assert!(json[key].is_array(), "{key}");
    }
    let (code, csv_text, _) = run(&["summary", "tests/fixtures/figures/input", "--format", "csv"]);
    assert_eq!(code, 0);
    assert!(csv_text.contains("# outcomes_summary\nproject_id,measure,n_paired"));
}

#[test]
fn report_with_no_path_reads_data() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (code, _, stderr) = run_in(tmp.path(), &["report"]);
    assert_eq!(code, 1, "no data/ folder here: {stderr}");
    assert!(stderr.contains("data"), "{stderr}");
}

/// `data/tables.xlsx` (SPEC 5.3) read back with calamine equals the CSVs cell for cell: the
/// same header, numbers as numbers (equal as numbers), `true`/`false` as booleans, text as
/// text (formula-like text keeps its guard), empty as empty; plus a sheet saying what every
/// column means.
#[test]
fn the_workbook_of_tables_equals_the_csvs() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let out = tempfile::tempdir().expect("temp dir");
    let target = out.path().join("r");
    let (code, o, e) = crate::run(&[
        "report",
        "data",
        "-o",
        target.to_str().expect("utf-8"),
        "-q",
    ]);
    assert_eq!(code, 0, "{o}{e}");
    let mut book: Xlsx<_> = open_workbook(target.join("data/tables.xlsx")).expect("a workbook");
    assert!(book.sheet_names().iter().any(|s| s.starts_with("About")));
    let mut compared = 0;
    for entry in std::fs::read_dir(target.join("data"))
        .expect("data")
        .flatten()
    {
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "csv") {
            continue;
        }
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("name")
            .to_string();
        let range = book.worksheet_range(&name).expect("a sheet per table");
        let text = std::fs::read_to_string(&path).expect("csv");
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        let csv_rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.expect("record").iter().map(String::from).collect())
            .collect();
        let rows: Vec<&[Data]> = range.rows().collect();
        assert_eq!(rows.len(), csv_rows.len(), "{name}: rows");
        for (r, (got, want)) in rows.iter().zip(&csv_rows).enumerate() {
            for (c, want) in want.iter().enumerate() {
                let cell = got.get(c).cloned().unwrap_or(Data::Empty);
                let same = match &cell {
                    Data::Empty => want.is_empty(),
                    Data::String(s) => s == want,
                    Data::Bool(b) => want == if *b { "true" } else { "false" },
                    Data::Float(f) => want
                        .parse::<f64>()
                        .is_ok_and(|w| (w - f).abs() <= 1e-12 * w.abs().max(1.0)),
                    Data::Int(i) => want.parse::<i64>() == Ok(*i),
                    _ => false,
                };
                assert!(
                    same,
                    "{name} row {} column {}: {cell:?} != {want:?}",
                    r + 1,
                    c + 1
                );
                compared += 1;
            }
        }
    }
    assert!(compared > 1000, "{compared} cells compared");
}
