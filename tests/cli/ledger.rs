//! "Nothing lost" (SPEC 3.2): for every table of every input, rows read = used + excluded +
//! exact duplicates + blank, and every excluded row is listed among the problems.

use crate::{FIXTURES, check_json, num, problems, show_problems, tables, unbalanced};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Every fixture folder of FIXTURES.md.
pub const ALL_FIXTURES: &[&str] = &[
    "same/xlsx",
    "same/xls",
    "same/ods",
    "same/csv",
    "same",
    "truncated",
    "empty_sheet",
    "headers_only",
    "latin1",
    "missing_column",
    "huge_cell",
    "formula_text",
    "html_story",
    "serial_dates",
    "offset_range",
    "csv_dialects",
    "every_problem",
    "kinds",
    "aliases",
    "config_map",
    "bad_config",
    "conflict",
    "agree",
    "two_columns_one_field",
    "single_project",
    "values",
    "duplicate_score_dates",
];

/// The distinct (file, sheet, row) of the excluded rows listed in the problems, per file and sheet.
fn excluded_rows(json: &Value) -> BTreeMap<(String, String), BTreeSet<u64>> {
    let mut rows: BTreeMap<(String, String), BTreeSet<u64>> = BTreeMap::new();
    for p in problems(json)
        .iter()
        .filter(|p| p["severity"] == "excluded")
    {
        let key = (p["file"].to_string(), p["sheet"].to_string());
        let row = p["row"]
            .as_u64()
            .unwrap_or_else(|| panic!("an excluded row problem has no row: {p}"));
        rows.entry(key).or_default().insert(row);
    }
    rows
}

/// every_problem: every ledger balances, each table's `excluded` equals the number of distinct
/// excluded rows listed for its file, and the totals are the hand-worked ones of FIXTURES.md:
/// read 2 + 1 + 12 + 11 + 6 + 9 = 41 = used 2 + 1 + 2 + 5 + 3 + 3 = 16, excluded 7 + 5 + 3 + 5
/// = 20, duplicates 1 + 1 + 1 = 3 (outputs line 11, outcomes line 10, audit line 8), blank 2
/// (outputs lines 9 and 10): 16 + 20 + 3 + 2 = 41.
#[test]
fn every_problem_loses_nothing() {
    let (_, json) = check_json("tests/fixtures/every_problem");
    let shown = show_problems(&json);
    assert_eq!(unbalanced(&json), Vec::<String>::new(), "{shown}");

    let listed = excluded_rows(&json);
    for t in tables(&json) {
        let key = (t["file"].to_string(), t["sheet"].to_string());
        let rows = listed.get(&key).map_or(0, |r| r.len() as u64);
        assert_eq!(
            num(t, "excluded"),
            rows,
            "{key:?}: the ledger's excluded count differs from the excluded rows listed\n{shown}"
        );
    }
    // No excluded problem points at a file without a table.
    for key in listed.keys() {
        assert!(
            tables(&json)
                .iter()
                .any(|t| (t["file"].to_string(), t["sheet"].to_string()) == *key),
            "excluded rows listed for {key:?}, which has no ledger entry\n{shown}"
        );
    }

    let total = |key: &str| tables(&json).iter().map(|t| num(t, key)).sum::<u64>();
    assert_eq!(
        [
            total("read"),
            total("used"),
            total("excluded"),
            total("duplicates"),
            total("blank")
        ],
        [41, 16, 20, 3, 2],
        "totals read/used/excluded/duplicates/blank\n{shown}"
    );
    // The excluded rows by hand: outputs 3-8 and 13; outcomes 4-8; stories 4, 5, 7; audit 4-7, 10.
    let rows = |file: &str| -> Vec<u64> {
        let key = (
            format!("\"{FIXTURES}/every_problem/{file}\""),
            "null".to_string(),
        );
        listed
            .get(&key)
            .map(|r| r.iter().copied().collect())
            .unwrap_or_default()
    };
    assert_eq!(rows("outputs.csv"), [3, 4, 5, 6, 7, 8, 13], "{shown}");
    assert_eq!(rows("outcomes.csv"), [4, 5, 6, 7, 8], "{shown}");
    assert_eq!(rows("stories.csv"), [4, 5, 7], "{shown}");
    assert_eq!(rows("audit.csv"), [4, 5, 6, 7, 10], "{shown}");
}

/// The ledger identity for every table of every fixture, of the whole fixture tree at once
/// and of the shipped `data/`; and, where the run has no structural error (so it would go on
/// to a report), excluded counts that match the excluded rows listed.
#[test]
fn every_ledger_balances() {
    let mut failures = Vec::new();
    let mut paths: Vec<String> = ALL_FIXTURES
        .iter()
        .map(|f| format!("{FIXTURES}/{f}"))
        .collect();
    paths.push(FIXTURES.to_string());
    paths.push("data".to_string());
    for path in &paths {
        let (_, json) = check_json(path);
        for e in unbalanced(&json) {
            failures.push(format!("{path}: {e}"));
        }
        if problems(&json).iter().any(|p| p["severity"] == "error") {
            continue;
        }
        let listed = excluded_rows(&json);
        for t in tables(&json) {
            let key = (t["file"].to_string(), t["sheet"].to_string());
            let rows = listed.get(&key).map_or(0, |r| r.len() as u64);
            if num(t, "excluded") != rows {
                failures.push(format!(
                    "{path}: {key:?} counts {} excluded rows but lists {rows}",
                    num(t, "excluded")
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
