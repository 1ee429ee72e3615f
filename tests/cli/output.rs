//! The two formats of `mwm check` (SPEC 3.1): text for people, JSON for programs.

use crate::{check_json, problems, run, tables};
use serde_json::Value;
use std::collections::BTreeSet;

/// True when some line of `text` ends with `place_and_message` (the line may start with a
/// severity label).
fn has_line(text: &str, place_and_message: &str) -> bool {
    text.lines()
        .any(|l| l.trim_end().ends_with(place_and_message))
}

fn line_index(text: &str, pred: impl Fn(&str) -> bool) -> Option<usize> {
    text.lines().position(pred)
}

/// The place line of SPEC 3.1: `file › row N › column: "value" message`. every_problem/outputs.csv
/// line 4 holds `"12,5"` in the value column, line 3 `high`.
#[test]
fn text_names_each_place_on_one_line() {
    let (code, text, stderr) = run(&["check", "tests/fixtures/every_problem"]);
    assert_eq!(code, 0, "{text}\n{stderr}");
    for line in [
        r#"tests/fixtures/every_problem/outputs.csv › row 4 › value: "12,5" is not a number: write it with digits, like 12, 12.5, 1,234 or £1,200.50"#,
        r#"tests/fixtures/every_problem/outputs.csv › row 3 › value: "high" is not a number: write it with digits, like 12, 12.5, 1,234 or £1,200.50"#,
    ] {
        assert!(has_line(&text, line), "no line ending `{line}` in:\n{text}");
    }

    // The ledger comes last, one line per table, after every problem line.
    let ledger = line_index(&text, |l| {
        l.contains("tests/fixtures/every_problem/outputs.csv")
            && ["read 12", "used 2", "excluded 7", "duplicates 1", "blank 2"]
                .iter()
                .all(|n| l.contains(n))
    })
    .unwrap_or_else(|| panic!("no ledger line for outputs.csv (read 12, used 2, excluded 7, duplicates 1, blank 2):\n{text}"));
    let last_problem =
        line_index(&text, |l| l.contains("row 13")).expect("the row 13 problem is shown");
    assert!(
        ledger > last_problem,
        "the ledger line should follow the problems:\n{text}"
    );
    for (file, counts) in [
        (
            "projects.csv",
            ["read 2", "used 2", "excluded 0", "duplicates 0", "blank 0"],
        ),
        (
            "measures.csv",
            ["read 1", "used 1", "excluded 0", "duplicates 0", "blank 0"],
        ),
        (
            "outcomes.csv",
            ["read 11", "used 5", "excluded 5", "duplicates 1", "blank 0"],
        ),
        (
            "stories.csv",
            ["read 6", "used 3", "excluded 3", "duplicates 0", "blank 0"],
        ),
        (
            "audit.csv",
            ["read 9", "used 3", "excluded 5", "duplicates 1", "blank 0"],
        ),
    ] {
        let path = format!("tests/fixtures/every_problem/{file}");
        assert!(
            text.lines()
                .skip(last_problem)
                .any(|l| l.contains(&path) && counts.iter().all(|c| l.contains(c))),
            "no ledger line for {path} with {counts:?}:\n{text}"
        );
    }
}

/// In a workbook the place has the sheet and the cell, as in the SPEC 3.1 example
/// `data/service-a.xlsx › Outcomes › row 14 › Score (D14): "high" is not a number`.
#[test]
fn text_place_of_a_workbook_cell() {
    let (_, text, _) = run(&["check", "tests/fixtures/offset_range"]);
    let line = r#"tests/fixtures/offset_range/book.xlsx › Outcomes › row 7 › score (F7): "high" is not a number: write it with digits, like 12, 12.5, 1,234 or £1,200.50"#;
    assert!(has_line(&text, line), "no line ending `{line}` in:\n{text}");
}

/// Ten rows with the same bad value in one column: three are shown, then a count of the rest.
#[test]
fn text_caps_repeated_problems() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("projects.csv"),
        "project_id,name\nP01,Café\n",
    )
    .unwrap();
    let mut outputs = String::from("project_id,date,measure,value\n");
    for day in 1..=10 {
        outputs.push_str(&format!("P01,2024-04-{day:02},Sessions delivered,lots\n"));
    }
    std::fs::write(dir.path().join("outputs.csv"), outputs).unwrap();
    let path = dir.path().to_str().expect("a UTF-8 temp path");
    let (code, text, stderr) = run(&["check", path]);
    assert_eq!(code, 0, "{text}\n{stderr}");
    let shown = text
        .lines()
        .filter(|l| l.contains(r#"› value: "lots" is not a number"#))
        .count();
    assert_eq!(shown, 3, "expected 3 of the 10 repeats shown:\n{text}");
    assert!(
        text.lines()
            .any(|l| l.contains("… and 7 more in column value")),
        "expected a line `… and 7 more in column value…`:\n{text}"
    );
    // The JSON still lists all ten (rows 2 to 11).
    let (_, json) = check_json(path);
    let rows: Vec<u64> = problems(&json)
        .iter()
        .filter(|p| p["value"] == "lots")
        .filter_map(|p| p["row"].as_u64())
        .collect();
    assert_eq!(rows, (2..=11).collect::<Vec<u64>>());
}

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect()
}

fn is_text_or_null(v: &Value) -> bool {
    v.is_string() || v.is_null()
}

/// `--format json`: exactly `problems` and `tables`; every problem exactly the 8 keys of SPEC
/// 3.1 with their types; every table exactly its 8 keys.
#[test]
fn json_has_the_shape_of_spec_3_1() {
    let problem_keys: BTreeSet<&str> = [
        "severity", "file", "sheet", "row", "column", "cell", "value", "message",
    ]
    .into();
    let table_keys: BTreeSet<&str> = [
        "file",
        "sheet",
        "table",
        "read",
        "used",
        "excluded",
        "duplicates",
        "blank",
    ]
    .into();
    let kinds = [
        "projects", "measures", "outputs", "outcomes", "stories", "audit",
    ];
    // CSV row problems, workbook cells, skipped sheets and files, structural and config errors.
    for path in [
        "tests/fixtures/every_problem",
        "tests/fixtures/offset_range",
        "tests/fixtures/kinds",
        "tests/fixtures/truncated",
        "tests/fixtures/bad_config",
        "tests/fixtures/conflict",
    ] {
        let (_, json) = check_json(path);
        assert_eq!(
            keys(&json),
            BTreeSet::from(["problems", "tables"]),
            "{path}"
        );
        assert!(!problems(&json).is_empty(), "{path} has problems");
        for p in problems(&json) {
            assert_eq!(keys(p), problem_keys, "{path}: {p}");
            assert!(
                ["error", "excluded", "warning"].contains(&p["severity"].as_str().unwrap_or("")),
                "{path}: {p}"
            );
            assert!(
                p["file"].is_string() && p["message"].is_string(),
                "{path}: {p}"
            );
            assert!(p["row"].is_u64() || p["row"].is_null(), "{path}: {p}");
            for k in ["sheet", "column", "cell", "value"] {
                assert!(is_text_or_null(&p[k]), "{path}: `{k}` in {p}");
            }
            if p["file"].as_str().is_some_and(|f| f.ends_with(".csv")) {
                assert!(
                    p["sheet"].is_null() && p["cell"].is_null(),
                    "{path}: CSV has no sheet or cell: {p}"
                );
            }
        }
        for t in tables(&json) {
            assert_eq!(keys(t), table_keys, "{path}: {t}");
            assert!(
                kinds.contains(&t["table"].as_str().unwrap_or("")),
                "{path}: {t}"
            );
            assert!(
                t["file"].is_string() && is_text_or_null(&t["sheet"]),
                "{path}: {t}"
            );
            for k in ["read", "used", "excluded", "duplicates", "blank"] {
                assert!(t[k].is_u64(), "{path}: `{k}` in {t}");
            }
        }
    }
}

/// Usage errors exit with 2 (SPEC 6).
#[test]
fn usage_errors_exit_2() {
    for args in [
        &["check", "--format", "xml"][..],
        &["check", "--no-such-flag"][..],
        &["no-such-command"][..],
    ] {
        let (code, stdout, stderr) = run(args);
        assert_eq!(code, 2, "mwm {args:?}\n{stdout}\n{stderr}");
    }
}
