//! Every fixture of FIXTURES.md, checked on its own by folder: the exit code with and without
//! `--strict`, every problem by (severity, file, sheet, row, column, cell, value) and a key
//! fragment of its message, and the ledger of every table.
//!
//! Problems are listed exhaustively, as in FIXTURES.md: an unexpected problem fails the test.
//! The only exception is the run-wide "fewer than 30 paired people" warning (see
//! `is_paired_people_warning`). Each test collects every difference before failing, so one run
//! shows the developer everything that is off for a fixture.

use crate::{
    FIXTURES, at_column, check_json, check_json_args, is_paired_people_warning, num, problems,
    read_used_excluded_duplicates, short, show_problem, show_problems, show_table, tables,
    unbalanced,
};
use serde_json::Value;
use std::fs;

/// An expected problem. Places are written as text: `-` means null, `*` means "any value"
/// (used only where FIXTURES.md marks the place AMBIGUOUS). `file` is relative to
/// tests/fixtures. Every message fragment must appear in the message.
pub struct Want {
    pub severity: &'static str,
    pub file: &'static str,
    pub sheet: &'static str,
    pub row: &'static str,
    pub column: &'static str,
    pub cell: &'static str,
    pub value: &'static str,
    pub message: &'static [&'static str],
}

/// Shorthand for a [`Want`], in the column order of the FIXTURES.md tables.
#[allow(clippy::too_many_arguments)]
pub const fn w(
    severity: &'static str,
    file: &'static str,
    sheet: &'static str,
    row: &'static str,
    column: &'static str,
    cell: &'static str,
    value: &'static str,
    message: &'static [&'static str],
) -> Want {
    Want {
        severity,
        file,
        sheet,
        row,
        column,
        cell,
        value,
        message,
    }
}

/// An expected ledger entry: file (relative to tests/fixtures), sheet (`-` for CSV), table,
/// read, used, excluded, duplicates, blank.
pub type Ledger = (
    &'static str,
    &'static str,
    &'static str,
    u64,
    u64,
    u64,
    u64,
    u64,
);

/// One fixture: the path checked, the exit codes, the problems and the ledger
/// (`None` where FIXTURES.md does not fix the ledger; the identity is still checked).
pub struct Case {
    pub path: &'static str,
    pub exit: i32,
    pub strict: i32,
    pub problems: &'static [Want],
    pub tables: Option<&'static [Ledger]>,
}

fn field_matches(actual: &Value, want: &str) -> bool {
    match want {
        "*" => true,
        "-" => actual.is_null(),
        _ => match actual {
            Value::String(s) => s == want,
            Value::Number(n) => n.to_string() == want,
            _ => false,
        },
    }
}

fn matches(p: &Value, want: &Want, strict: bool) -> bool {
    // With --strict, row problems become errors (SPEC 3.1).
    let severity = if strict && want.severity == "excluded" {
        "error"
    } else {
        want.severity
    };
    let file = format!("{FIXTURES}/{}", want.file);
    let message = p["message"].as_str().unwrap_or("");
    field_matches(&p["severity"], severity)
        && field_matches(&p["file"], &file)
        && field_matches(&p["sheet"], want.sheet)
        && field_matches(&p["row"], want.row)
        && field_matches(&p["column"], want.column)
        && field_matches(&p["cell"], want.cell)
        && field_matches(&p["value"], want.value)
        && want.message.iter().all(|m| message.contains(m))
}

fn show_want(want: &Want) -> String {
    format!(
        "{} | {FIXTURES}/{} | sheet {} | row {} | column {} | cell {} | value {} | message containing {:?}",
        want.severity,
        want.file,
        want.sheet,
        want.row,
        want.column,
        want.cell,
        want.value,
        want.message
    )
}

/// Matches the problems of a run against the expected ones, one to one. Returns the differences.
pub fn compare_problems(json: &Value, wants: &[Want], strict: bool) -> Vec<String> {
    let mut errors = Vec::new();
    let mut left: Vec<&Value> = problems(json)
        .iter()
        .filter(|p| !is_paired_people_warning(p))
        .collect();
    for want in wants {
        match left.iter().position(|p| matches(p, want, strict)) {
            Some(i) => {
                left.remove(i);
            }
            None => errors.push(format!("missing problem: {}", show_want(want))),
        }
    }
    for p in left {
        errors.push(format!("unexpected problem: {}", show_problem(p)));
    }
    errors
}

/// Compares the ledger with the expected one (order aside). Returns the differences.
pub fn compare_tables(json: &Value, wants: &[Ledger]) -> Vec<String> {
    let mut errors = Vec::new();
    let mut left: Vec<&Value> = tables(json).iter().collect();
    for &(file, sheet, table, read, used, excluded, duplicates, blank) in wants {
        let file = format!("{FIXTURES}/{file}");
        let found = left.iter().position(|t| {
            field_matches(&t["file"], &file)
                && field_matches(&t["sheet"], sheet)
                && t["table"] == table
        });
        match found {
            None => errors.push(format!("missing table: {file} › {sheet} [{table}]")),
            Some(i) => {
                let t = left.remove(i);
                let got = [
                    num(t, "read"),
                    num(t, "used"),
                    num(t, "excluded"),
                    num(t, "duplicates"),
                    num(t, "blank"),
                ];
                let want = [read, used, excluded, duplicates, blank];
                if got != want {
                    errors.push(format!(
                        "ledger of {file} › {sheet} [{table}]: expected read/used/excluded/duplicates/blank {want:?}, got {got:?}"
                    ));
                }
            }
        }
    }
    for t in left {
        errors.push(format!("unexpected table: {}", show_table(t)));
    }
    errors
}

/// Runs one fixture with and without --strict and fails with every difference found.
pub fn check_case(case: &Case) {
    let path = format!("{FIXTURES}/{}", case.path);
    let mut errors = Vec::new();

    let (code, json) = check_json(&path);
    if code != case.exit {
        errors.push(format!("exit code: expected {}, got {code}", case.exit));
    }
    errors.extend(compare_problems(&json, case.problems, false));
    if let Some(wants) = case.tables {
        errors.extend(compare_tables(&json, wants));
    }
    errors.extend(unbalanced(&json));

    let (strict_code, strict_json) =
        check_json_args(&["check", &path, "--format", "json", "--strict"]);
    if strict_code != case.strict {
        errors.push(format!(
            "exit code with --strict: expected {}, got {strict_code}",
            case.strict
        ));
    }
    errors.extend(
        compare_problems(&strict_json, case.problems, true)
            .into_iter()
            .map(|e| format!("with --strict: {e}")),
    );
    if tables(&strict_json) != tables(&json) {
        errors.push("--strict changed the ledger".into());
    }

    assert!(
        errors.is_empty(),
        "mwm check {path}:\n  {}\n  all problems and tables (without --strict):\n{}",
        errors.join("\n  "),
        show_problems(&json)
    );
}

macro_rules! fixture_tests {
    ($($name:ident: $case:expr;)*) => {
        $(
            #[test]
            fn $name() {
                const CASE: Case = $case;
                check_case(&CASE);
            }
        )*
    };
}

const NONE: &[Ledger] = &[];

// same/: one dataset in four formats. Each folder alone: exit 0, strict 0, no problems.
// Ledger (FIXTURES.md): projects 2, measures 1, outputs 6, outcomes 13, stories 4, audit 6,
// all used (header in row 1, one row per record, no blanks).
macro_rules! same_book {
    ($file:literal) => {
        &[
            ($file, "projects", "projects", 2, 2, 0, 0, 0),
            ($file, "measures", "measures", 1, 1, 0, 0, 0),
            ($file, "outputs", "outputs", 6, 6, 0, 0, 0),
            ($file, "outcomes", "outcomes", 13, 13, 0, 0, 0),
            ($file, "stories", "stories", 4, 4, 0, 0, 0),
            ($file, "audit", "audit", 6, 6, 0, 0, 0),
        ]
    };
}

#[rustfmt::skip]
const SAME_CSV: &[Ledger] = &[
    ("same/csv/projects.csv", "-", "projects", 2, 2, 0, 0, 0),
    ("same/csv/measures.csv", "-", "measures", 1, 1, 0, 0, 0),
    ("same/csv/outputs.csv", "-", "outputs", 6, 6, 0, 0, 0),
    ("same/csv/outcomes.csv", "-", "outcomes", 13, 13, 0, 0, 0),
    ("same/csv/stories.csv", "-", "stories", 4, 4, 0, 0, 0),
    ("same/csv/audit.csv", "-", "audit", 6, 6, 0, 0, 0),
];

/// All four formats at once: every row of the .ods, .xls and .xlsx is an exact duplicate of
/// the CSV row read first (sorted order: csv/, ods/, xls/, xlsx/), so used 0 and
/// duplicates = read there.
#[rustfmt::skip]
const SAME_ALL: &[Ledger] = &[
    ("same/csv/projects.csv", "-", "projects", 2, 2, 0, 0, 0),
    ("same/csv/measures.csv", "-", "measures", 1, 1, 0, 0, 0),
    ("same/csv/outputs.csv", "-", "outputs", 6, 6, 0, 0, 0),
    ("same/csv/outcomes.csv", "-", "outcomes", 13, 13, 0, 0, 0),
    ("same/csv/stories.csv", "-", "stories", 4, 4, 0, 0, 0),
    ("same/csv/audit.csv", "-", "audit", 6, 6, 0, 0, 0),
    ("same/ods/book.ods", "projects", "projects", 2, 0, 0, 2, 0),
    ("same/ods/book.ods", "measures", "measures", 1, 0, 0, 1, 0),
    ("same/ods/book.ods", "outputs", "outputs", 6, 0, 0, 6, 0),
    ("same/ods/book.ods", "outcomes", "outcomes", 13, 0, 0, 13, 0),
    ("same/ods/book.ods", "stories", "stories", 4, 0, 0, 4, 0),
    ("same/ods/book.ods", "audit", "audit", 6, 0, 0, 6, 0),
    ("same/xls/book.xls", "projects", "projects", 2, 0, 0, 2, 0),
    ("same/xls/book.xls", "measures", "measures", 1, 0, 0, 1, 0),
    ("same/xls/book.xls", "outputs", "outputs", 6, 0, 0, 6, 0),
    ("same/xls/book.xls", "outcomes", "outcomes", 13, 0, 0, 13, 0),
    ("same/xls/book.xls", "stories", "stories", 4, 0, 0, 4, 0),
    ("same/xls/book.xls", "audit", "audit", 6, 0, 0, 6, 0),
    ("same/xlsx/book.xlsx", "projects", "projects", 2, 0, 0, 2, 0),
    ("same/xlsx/book.xlsx", "measures", "measures", 1, 0, 0, 1, 0),
    ("same/xlsx/book.xlsx", "outputs", "outputs", 6, 0, 0, 6, 0),
    ("same/xlsx/book.xlsx", "outcomes", "outcomes", 13, 0, 0, 13, 0),
    ("same/xlsx/book.xlsx", "stories", "stories", 4, 0, 0, 4, 0),
    ("same/xlsx/book.xlsx", "audit", "audit", 6, 0, 0, 6, 0),
];

/// every_problem/: one of every row problem (FIXTURES.md gives the line-by-line working).
#[rustfmt::skip]
pub const EVERY_PROBLEM: &[Want] = &[
    // outputs.csv
    w("excluded", "every_problem/outputs.csv", "-", "3", "value", "-", "high", &["not a number"]),
    w("excluded", "every_problem/outputs.csv", "-", "4", "value", "-", "12,5", &["not a number"]),
    w("excluded", "every_problem/outputs.csv", "-", "5", "date", "-", "31/02/2024", &["not a date"]),
    w("excluded", "every_problem/outputs.csv", "-", "6", "date", "-", "45000", &["not a date"]),
    w("excluded", "every_problem/outputs.csv", "-", "7", "principles", "-", "friendship", &["principle"]),
    w("excluded", "every_problem/outputs.csv", "-", "8", "value", "-", "-3", &["negative"]),
    // Line 13 has 8 fields under a 7-field header: no single column or value (AMBIGUOUS).
    w("excluded", "every_problem/outputs.csv", "-", "13", "-", "-", "*", &["8 fields"]),
    w("warning", "every_problem/outputs.csv", "-", "1", "colour", "-", "*", &["ignored"]),
    w("warning", "every_problem/outputs.csv", "-", "12", "project_id", "-", "P99", &["has no row in any projects table"]),
    // outcomes.csv
    w("excluded", "every_problem/outcomes.csv", "-", "4", "measure", "-", "Hapiness scale", &["measure"]),
    w("excluded", "every_problem/outcomes.csv", "-", "5", "score", "-", "11", &["outside"]),
    w("excluded", "every_problem/outcomes.csv", "-", "6", "score", "-", "20.5", &["whole number"]),
    w("excluded", "every_problem/outcomes.csv", "-", "7", "score", "-", "18", &["different scores"]),
    w("excluded", "every_problem/outcomes.csv", "-", "8", "score", "-", "19", &["different scores"]),
    // stories.csv
    w("excluded", "every_problem/stories.csv", "-", "4", "story_id", "-", "S1", &["already"]),
    w("excluded", "every_problem/stories.csv", "-", "5", "spectrum", "-", "[withheld: no consent]", &["no consent"]),
    w("excluded", "every_problem/stories.csv", "-", "7", "principles", "-", "kindness", &["principle"]),
    w("warning", "every_problem/stories.csv", "-", "6", "achieved", "-", "sort of", &["kept as missing"]),
    w("warning", "every_problem/stories.csv", "-", "6", "teller", "-", "walker", &["kept as missing"]),
    w("warning", "every_problem/stories.csv", "-", "6", "language", "-", "fr", &["kept as missing"]),
    // audit.csv
    w("excluded", "every_problem/audit.csv", "-", "4", "score", "-", "2", &["differs"]),
    w("excluded", "every_problem/audit.csv", "-", "5", "score", "-", "4", &["differs"]),
    w("excluded", "every_problem/audit.csv", "-", "6", "item", "-", "4", &["1 to 3"]),
    w("excluded", "every_problem/audit.csv", "-", "7", "score", "-", "6", &["1 to 5"]),
    w("excluded", "every_problem/audit.csv", "-", "10", "principle", "-", "fairness", &["principle"]),
];

/// every_problem/ ledger (FIXTURES.md): outputs lines 2-13 read; used 2 and 12; excluded 3-8
/// and 13; line 11 duplicates line 2; lines 9 (empty) and 10 (`,,,,,,`) blank. Outcomes
/// lines 2-12: used 2, 3, 9, 11, 12; excluded 4-8; 10 duplicates 9. Stories lines 2-7: used
/// 2, 3, 6; excluded 4, 5, 7. Audit lines 2-10 (11 and 12 hold no value and come last): used
/// 2, 3, 9; excluded 4, 5, 6, 7, 10; line 8 (Asedau = assets) duplicates line 2.
#[rustfmt::skip]
pub const EVERY_PROBLEM_TABLES: &[Ledger] = &[
    ("every_problem/projects.csv", "-", "projects", 2, 2, 0, 0, 0),
    ("every_problem/measures.csv", "-", "measures", 1, 1, 0, 0, 0),
    ("every_problem/outputs.csv", "-", "outputs", 12, 2, 7, 1, 2),
    ("every_problem/outcomes.csv", "-", "outcomes", 11, 5, 5, 1, 0),
    ("every_problem/stories.csv", "-", "stories", 6, 3, 3, 0, 0),
    ("every_problem/audit.csv", "-", "audit", 9, 3, 5, 1, 0),
];

fixture_tests! {
    same_csv: Case { path: "same/csv", exit: 0, strict: 0, problems: &[], tables: Some(SAME_CSV) };
    same_xlsx: Case { path: "same/xlsx", exit: 0, strict: 0, problems: &[], tables: Some(same_book!("same/xlsx/book.xlsx")) };
    same_xls: Case { path: "same/xls", exit: 0, strict: 0, problems: &[], tables: Some(same_book!("same/xls/book.xls")) };
    same_ods: Case { path: "same/ods", exit: 0, strict: 0, problems: &[], tables: Some(same_book!("same/ods/book.ods")) };
    // The stories of the workbooks reuse the CSV stories' ids, but as exact duplicates
    // (AMBIGUOUS in FIXTURES.md): no "story_id already used" exclusion.
    same_all_four_formats_at_once: Case { path: "same", exit: 0, strict: 0, problems: &[], tables: Some(SAME_ALL) };

    truncated: Case {
        path: "truncated", exit: 1, strict: 1,
        problems: &[w("error", "truncated/book.xlsx", "-", "-", "-", "-", "-", &["cannot be read"])],
        tables: Some(NONE),
    };

    // The `stories` sheet has no cells: skipped with a warning, and not in the ledger.
    empty_sheet: Case {
        path: "empty_sheet", exit: 0, strict: 0,
        problems: &[w("warning", "empty_sheet/book.xlsx", "stories", "-", "-", "-", "-", &["no cells"])],
        tables: Some(&[
            ("empty_sheet/book.xlsx", "projects", "projects", 1, 1, 0, 0, 0),
            ("empty_sheet/book.xlsx", "outputs", "outputs", 3, 3, 0, 0, 0),
        ]),
    };

    // A header line and its final newline: no rows (the final newline is not a row).
    headers_only: Case {
        path: "headers_only", exit: 0, strict: 0, problems: &[],
        tables: Some(&[("headers_only/outcomes.csv", "-", "outcomes", 0, 0, 0, 0, 0)]),
    };

    // Windows-1252 bytes on line 2; the row may be null or 2 (AMBIGUOUS).
    latin1: Case {
        path: "latin1", exit: 1, strict: 1,
        problems: &[w("error", "latin1/outputs.csv", "-", "*", "*", "-", "*", &["CSV UTF-8"])],
        tables: Some(NONE),
    };

    missing_column: Case {
        path: "missing_column", exit: 1, strict: 1,
        problems: &[w("error", "missing_column/outcomes.csv", "-", "1", "score", "-", "-", &["score", "missing"])],
        tables: Some(NONE),
    };

    huge_cell: Case {
        path: "huge_cell", exit: 0, strict: 0, problems: &[],
        tables: Some(&[
            ("huge_cell/projects.csv", "-", "projects", 1, 1, 0, 0, 0),
            ("huge_cell/stories.csv", "-", "stories", 2, 2, 0, 0, 0),
        ]),
    };

    formula_text: Case {
        path: "formula_text", exit: 0, strict: 0, problems: &[],
        tables: Some(&[
            ("formula_text/projects.csv", "-", "projects", 1, 1, 0, 0, 0),
            ("formula_text/stories.csv", "-", "stories", 4, 4, 0, 0, 0),
        ]),
    };

    html_story: Case {
        path: "html_story", exit: 0, strict: 0, problems: &[],
        tables: Some(&[
            ("html_story/projects.csv", "-", "projects", 1, 1, 0, 0, 0),
            ("html_story/stories.csv", "-", "stories", 2, 2, 0, 0, 0),
        ]),
    };

    // B4 holds the number 45000 with format General: a plain number in a date column.
    serial_dates: Case {
        path: "serial_dates", exit: 0, strict: 1,
        problems: &[w("excluded", "serial_dates/book.xlsx", "outputs", "4", "date", "B4", "45000", &["not a date"])],
        tables: Some(&[
            ("serial_dates/book.xlsx", "projects", "projects", 1, 1, 0, 0, 0),
            ("serial_dates/book.xlsx", "outputs", "outputs", 4, 3, 1, 0, 0),
        ]),
    };

    // Used range C2:G8, header in row 4: places are absolute (row 7, not 5; F, not D).
    offset_range: Case {
        path: "offset_range", exit: 0, strict: 1,
        problems: &[
            w("excluded", "offset_range/book.xlsx", "Outcomes", "7", "score", "F7", "high", &["not a number"]),
            w("excluded", "offset_range/book.xlsx", "Outcomes", "8", "score", "F8", "40", &["outside"]),
        ],
        tables: Some(&[
            ("offset_range/book.xlsx", "Projects", "projects", 1, 1, 0, 0, 0),
            ("offset_range/book.xlsx", "Outcomes", "outcomes", 4, 2, 2, 0, 0),
        ]),
    };

    // stories.csv: the record of lines 2-3 is one row, so S3 is line 5 (not record 4).
    // outcomes.csv: line 3 has 6 fields, line 4 has 4; one problem each, column and value
    // AMBIGUOUS (null or the raw record).
    csv_dialects: Case {
        path: "csv_dialects", exit: 0, strict: 1,
        problems: &[
            w("excluded", "csv_dialects/stories.csv", "-", "5", "spectrum", "-", "[withheld: no consent]", &["no consent"]),
            w("excluded", "csv_dialects/outcomes.csv", "-", "3", "-", "-", "*", &["6 fields"]),
            w("excluded", "csv_dialects/outcomes.csv", "-", "4", "-", "-", "*", &["4 fields"]),
        ],
        tables: Some(&[
            ("csv_dialects/projects.csv", "-", "projects", 1, 1, 0, 0, 0),
            ("csv_dialects/outputs.csv", "-", "outputs", 3, 3, 0, 0, 0),
            ("csv_dialects/stories.csv", "-", "stories", 3, 2, 1, 0, 0),
            ("csv_dialects/outcomes.csv", "-", "outcomes", 4, 2, 2, 0, 0),
        ]),
    };

    every_problem: Case { path: "every_problem", exit: 0, strict: 1, problems: EVERY_PROBLEM, tables: Some(EVERY_PROBLEM_TABLES) };

    // `.hidden.csv` and `~$lock.xlsx` are skipped silently (they would be errors if read).
    kinds: Case {
        path: "kinds", exit: 0, strict: 0,
        problems: &[
            w("warning", "kinds/book.xlsx", "Instructions", "-", "-", "-", "-", &["skipped"]),
            w("warning", "kinds/book.xlsx", "Notes", "-", "-", "-", "-", &["skipped", "outputs"]),
            w("warning", "kinds/readme.txt", "-", "-", "-", "-", "-", &["ignored"]),
        ],
        tables: Some(&[
            ("kinds/book.xlsx", "Prosiectau", "projects", 2, 2, 0, 0, 0),
            ("kinds/book.xlsx", "Service-A_Stories", "stories", 2, 2, 0, 0, 0),
            ("kinds/book.xlsx", "Canlyniadau", "outcomes", 2, 2, 0, 0, 0),
            ("kinds/book.xlsx", "Allbynnau", "outputs", 2, 2, 0, 0, 0),
            ("kinds/book.xlsx", "Archwiliad", "audit", 2, 2, 0, 0, 0),
        ]),
    };

    aliases: Case {
        path: "aliases", exit: 0, strict: 0, problems: &[],
        tables: Some(&[
            ("aliases/projects.csv", "-", "projects", 2, 2, 0, 0, 0),
            ("aliases/outputs.csv", "-", "outputs", 2, 2, 0, 0, 0),
            ("aliases/outcomes.csv", "-", "outcomes", 2, 2, 0, 0, 0),
            ("aliases/outcomes-2.csv", "-", "outcomes", 2, 2, 0, 0, 0),
            ("aliases/stories.csv", "-", "stories", 2, 2, 0, 0, 0),
        ]),
    };

    // mwm.toml in the folder is the config in force, and not listed as an ignored file.
    config_map: Case {
        path: "config_map", exit: 0, strict: 0, problems: &[],
        tables: Some(&[
            ("config_map/export.csv", "-", "outcomes", 3, 3, 0, 0, 0),
            ("config_map/projects.csv", "-", "projects", 1, 1, 0, 0, 0),
        ]),
    };

    // mwm.toml line 3 is `min_cel = 5`: a config error at that file and line (SPEC 2.5, 3.1).
    bad_config: Case {
        path: "bad_config", exit: 1, strict: 1,
        problems: &[w("error", "bad_config/mwm.toml", "-", "3", "*", "-", "min_cel", &["min_cel", "line 3"])],
        tables: None,
    };

    // b/projects.csv row 2 names P01 "Community Cafe"; a/projects.csv row 2 "Community Café".
    conflict: Case {
        path: "conflict", exit: 1, strict: 1,
        problems: &[w(
            "error", "conflict/b/projects.csv", "-", "2", "name", "-", "Community Cafe",
            &["conflict/a/projects.csv", "row 2", "Community Café"],
        )],
        tables: None,
    };

    // Byte-identical definitions: the second row is an exact duplicate (AMBIGUOUS, see notes).
    agree: Case {
        path: "agree", exit: 0, strict: 0, problems: &[],
        tables: Some(&[
            ("agree/a/projects.csv", "-", "projects", 1, 1, 0, 0, 0),
            ("agree/b/projects.csv", "-", "projects", 1, 0, 0, 1, 0),
        ]),
    };

    // Header `project_id,person_id,participant,...`: `participant` (an alias of person_id) is
    // the second column for person_id; the error sits on it and names `person_id` too.
    two_columns_one_field: Case {
        path: "two_columns_one_field", exit: 1, strict: 1,
        problems: &[w("error", "two_columns_one_field/outcomes.csv", "-", "1", "participant", "-", "-", &["person_id"])],
        tables: Some(NONE),
    };

    // Two title rows, header in row 3; the one projects row supplies P07 to the other sheets.
    single_project: Case {
        path: "single_project", exit: 0, strict: 0, problems: &[],
        tables: Some(&[
            ("single_project/book.xlsx", "Prosiect", "projects", 1, 1, 0, 0, 0),
            ("single_project/book.xlsx", "Canlyniadau", "outcomes", 4, 4, 0, 0, 0),
            ("single_project/book.xlsx", "Straeon", "stories", 2, 2, 0, 0, 0),
        ]),
    };

    // projects.csv: P03's funder spans lines 4-5, so 3 records. outputs.csv: line 4's list
    // spans lines 4-5; line 7 `1,23` is not a number. stories.csv: V08 spans lines 9-10.
    values: Case {
        path: "values", exit: 0, strict: 1,
        problems: &[w("excluded", "values/outputs.csv", "-", "7", "value", "-", "1,23", &["not a number"])],
        tables: Some(&[
            ("values/projects.csv", "-", "projects", 3, 3, 0, 0, 0),
            ("values/outputs.csv", "-", "outputs", 5, 4, 1, 0, 0),
            ("values/stories.csv", "-", "stories", 12, 12, 0, 0, 0),
            ("values/audit.csv", "-", "audit", 5, 5, 0, 0, 0),
        ]),
    };

    duplicate_score_dates: Case {
        path: "duplicate_score_dates", exit: 0, strict: 0, problems: &[],
        tables: Some(&[
            ("duplicate_score_dates/projects.csv", "-", "projects", 2, 2, 0, 0, 0),
            ("duplicate_score_dates/outcomes.csv", "-", "outcomes", 6, 6, 0, 0, 0),
        ]),
    };
}

/// FIXTURES.md: "Nothing about `.hidden.csv` or `~$lock.xlsx` appears anywhere in the output."
#[test]
fn hidden_and_lock_files_leave_no_trace() {
    for format in ["text", "json"] {
        let (_, stdout, stderr) =
            crate::run(&["check", "tests/fixtures/kinds", "--format", format]);
        for name in ["hidden", "~$lock"] {
            assert!(
                !stdout.contains(name) && !stderr.contains(name),
                "`{name}` appears in the {format} output:\n{stdout}\n{stderr}"
            );
        }
    }
}

/// A project id used but absent from every projects table: ONE warning, at the first row that
/// uses it. every_problem/outputs.csv uses P99 only on line 12.
#[test]
fn unknown_project_is_warned_once_at_first_use() {
    let (_, json) = check_json("tests/fixtures/every_problem");
    let p99: Vec<&Value> = problems(&json)
        .iter()
        .filter(|p| p["value"] == "P99")
        .collect();
    assert_eq!(
        p99.len(),
        1,
        "expected one warning about P99:\n{}",
        show_problems(&json)
    );
    assert_eq!(p99[0]["severity"], "warning");
    assert_eq!(p99[0]["row"], 12);
    assert_eq!(p99[0]["column"], "project_id");
    let message = p99[0]["message"].as_str().unwrap_or("");
    assert!(
        message.contains("has no row in any projects table"),
        "{message}"
    );
}

/// The run-wide warning of SPEC 3.1, tested deliberately: every measure used in
/// every_problem/outcomes.csv has fewer than 30 paired people. By hand: SWEMWBS 1 (P01/101;
/// 103 and 104 are excluded), ONS anxiety 0 (105 has one date: line 10 duplicates line 9),
/// Confidence scale 1 (P02/W1; 102's only score is excluded). "Hapiness scale" is not a measure.
#[test]
fn measures_with_few_paired_people_are_warned_once_each() {
    let (_, json) = check_json("tests/fixtures/every_problem");
    let mut warned: Vec<String> = problems(&json)
        .iter()
        .filter(|p| is_paired_people_warning(p))
        .map(|p| {
            assert_eq!(p["column"], "measure", "{}", show_problem(p));
            assert!(
                p["row"].is_null() && p["sheet"].is_null(),
                "{}",
                show_problem(p)
            );
            short(&p["value"])
        })
        .collect();
    warned.sort();
    assert_eq!(
        warned,
        ["Confidence scale", "ONS anxiety", "SWEMWBS"],
        "{}",
        show_problems(&json)
    );
}

/// SPEC 2.4: a measures row that breaks its ranges is a structural error at its cell (exit 1,
/// severity "error"), not a row quietly left out; the same for a sd of 0 and a reliability of 1.
#[test]
fn a_wrong_measure_definition_is_a_structural_error() {
    for (row, column) in [
        ("Confidence,10,1,yes,,", "measure"),
        ("Confidence,1,10,yes,0,", "sd"),
        ("Confidence,1,10,yes,,1", "reliability"),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let input = dir.path().join("in");
        fs::create_dir(&input).expect("mkdir");
        fs::write(
            input.join("measures.csv"),
            format!("measure,min,max,higher_is_better,sd,reliability\n{row}\n"),
        )
        .expect("measures");
        fs::write(input.join("projects.csv"), "project_id,name\nP1,One\n").expect("projects");
        let (code, out, err) = crate::run_in(dir.path(), &["check", "in", "--format", "json"]);
        assert_eq!(code, 1, "{row}: {out}{err}");
        let json: Value = serde_json::from_str(&out).expect("json");
        let problems = json["problems"].as_array().expect("problems");
        assert!(
            problems.iter().any(|p| p["severity"] == "error"
                && p["file"]
                    .as_str()
                    .is_some_and(|f| f.ends_with("measures.csv"))
                && p["row"] == 2
                && p["column"] == column),
            "{row}: {out}"
        );
    }
}

/// A story_id used again in the same project names the story that first had it (its row and
/// file) and says the id only when the later story is consented; the same id in another
/// project is no conflict, and a story repeated exactly (with or without an id) is a
/// duplicate rather than an exclusion. (Worked out by hand from the rows below.)
#[test]
fn a_reused_story_id_names_the_first_story_and_withholds_unconsented_ids() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("stories.csv");
    fs::write(
        &file,
        "project_id,story_id,text,consent\n\
         P1,A,First.,yes\n\
         P2,A,Other project.,yes\n\
         P1,A,First.,yes\n\
         P1,A,Second.,no\n\
         P1,A,Third.,yes\n\
         P1,,No id.,yes\n\
         P1,,No id.,yes\n",
    )
    .expect("write stories");
    let (_, json) = check_json(dir.path().to_str().expect("utf-8 path"));
    let reused = at_column(&json, "story_id");
    assert_eq!(
        reused,
        [
            (5, "[withheld: no consent]".to_string()),
            (6, "A".to_string())
        ],
        "{}",
        show_problems(&json)
    );
    let first = format!("(row 2 of {})", file.display());
    for p in problems(&json).iter().filter(|p| p["column"] == "story_id") {
        let message = p["message"].as_str().unwrap_or_default();
        assert!(message.contains(&first), "{}", show_problem(p));
    }
    // Rows 2, 3 and 7 kept; 4 and 8 repeat 2 and 7; 5 and 6 left out.
    let t = &tables(&json)[0];
    assert_eq!(
        read_used_excluded_duplicates(t),
        [7, 3, 2, 2],
        "{}",
        show_table(t)
    );
}

/// Self-audit scores are duplicates and conflicts within their project only, whatever the
/// order of the rows: two projects interleaved, a score repeated exactly after a different
/// one (a duplicate, not a third conflicting row), the same item on another date or under
/// another principle (written in Welsh) no conflict. (Worked out by hand from the rows below.)
#[test]
fn audit_duplicates_and_conflicts_are_found_within_each_project() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join("audit.csv"),
        "project_id,date,principle,item,score\n\
         P1,2024-04-01,assets,1,3\n\
         P2,2024-04-01,assets,1,3\n\
         P1,2024-04-01,assets,1,4\n\
         P1,2024-04-01,assets,1,3\n\
         P2,2024-04-01,assets,2,5\n\
         P1,2024-04-01,Asedau,2,2\n\
         P2,2024-04-01,assets,2,5\n\
         P1,2024-05-01,assets,1,4\n\
         P1,2024-04-01,networks,1,3\n",
    )
    .expect("write audit");
    let (_, json) = check_json(dir.path().to_str().expect("utf-8 path"));
    let conflicts = at_column(&json, "score");
    // Rows 2 and 4 give P1's assets item 1 of 2024-04-01 two scores: both are left out.
    assert_eq!(
        conflicts,
        [(2, "3".to_string()), (4, "4".to_string())],
        "{}",
        show_problems(&json)
    );
    // Rows 3, 6, 7, 9 and 10 kept; 5 repeats 2 and 8 repeats 6.
    let t = &tables(&json)[0];
    assert_eq!(
        read_used_excluded_duplicates(t),
        [9, 5, 2, 2],
        "{}",
        show_table(t)
    );
}
