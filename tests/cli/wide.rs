//! Issue 17: outcomes in the wide form (SPEC 2.4), one row per person with a column per
//! measure and wave. The same scores written long and wide give the same figures, to the
//! byte, in three shapes; problems name the exact cell; the ledger counts a wide row once
//! and the manifest counts its scores; undated scores count in every period.

use super::{Rng, check_json_args, problems, run, tables};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::Value;
use std::path::Path;

/// A cell of a sheet written by a test.
#[derive(Clone)]
enum V {
    S(String),
    N(f64),
    /// A date cell: days after 2024-01-01.
    D(u32),
    E,
}

fn s(text: &str) -> V {
    V::S(text.to_string())
}

/// `2024-01-01` plus `days`, as text.
fn iso(days: u32) -> String {
    let (y, m, d) = civil(19_723 + i64::from(days));
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 to (year, month, day) (Howard Hinnant's civil_from_days).
fn civil(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Writes one sheet named `outcomes` (header in row 1) to `path`.
fn workbook(path: &Path, header: &[&str], rows: &[Vec<V>]) {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let sheet = book.add_worksheet();
    sheet.set_name("outcomes").unwrap();
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            match v {
                V::S(t) => {
                    sheet.write_string(r, c, t).unwrap();
                }
                V::N(n) => {
                    sheet.write_number(r, c, *n).unwrap();
                }
                V::D(days) => {
                    let (y, m, d) = civil(19_723 + i64::from(*days));
                    let d = ExcelDateTime::from_ymd(y as u16, m as u8, d as u8).unwrap();
                    sheet.write_datetime_with_format(r, c, &d, &date).unwrap();
                }
                V::E => {}
            }
        }
    }
    book.save(path).unwrap();
}

/// Writes the long form of the same scores: (project, person, measure, days, score).
fn long_csv(path: &Path, rows: &[(String, String, &str, u32, f64)]) {
    let mut text = String::from("project_id,person_id,measure,date,score\n");
    for (project, person, measure, days, score) in rows {
        text.push_str(&format!(
            "{project},{person},{measure},{},{score}\n",
            iso(*days)
        ));
    }
    std::fs::write(path, text).unwrap();
}

/// Every tidy table of a report of `input`, by name.
fn report_tables(input: &Path, out: &Path) -> Vec<(String, Vec<u8>)> {
    let (code, _, err) = run(&[
        "report",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert!(code == 0, "report of {}: {err}", input.display());
    let mut found: Vec<(String, Vec<u8>)> = std::fs::read_dir(out.join("data"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    found.sort();
    found
}

/// The report of the wide workbook and of the long CSV give byte-identical tidy tables.
fn same_figures(
    dir: &Path,
    header: &[&str],
    wide: &[Vec<V>],
    long: &[(String, String, &str, u32, f64)],
) {
    let (wide_dir, long_dir) = (dir.join("wide"), dir.join("long"));
    std::fs::create_dir_all(&wide_dir).unwrap();
    std::fs::create_dir_all(&long_dir).unwrap();
    workbook(&wide_dir.join("scores.xlsx"), header, wide);
    long_csv(&long_dir.join("outcomes.csv"), long);
    let a = report_tables(&wide_dir, &dir.join("report-wide"));
    let b = report_tables(&long_dir, &dir.join("report-long"));
    assert_eq!(
        a.iter().map(|(n, _)| n).collect::<Vec<_>>(),
        b.iter().map(|(n, _)| n).collect::<Vec<_>>()
    );
    for ((name, x), (_, y)) in a.iter().zip(&b) {
        assert!(
            x == y,
            "{name} differs between the wide and the long form:\nwide:\n{}\nlong:\n{}",
            String::from_utf8_lossy(x),
            String::from_utf8_lossy(y)
        );
    }
    let outcomes = &a
        .iter()
        .find(|(n, _)| n == "outcomes_summary.csv")
        .unwrap()
        .1;
    assert!(
        String::from_utf8_lossy(outcomes).lines().count() > 2,
        "the figures compared hold outcome rows"
    );
}

#[test]
fn dated_waves_as_in_the_wemwbs_template_give_the_long_figures() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng::new(17);
    let mut wide = Vec::new();
    let mut long = Vec::new();
    for p in 0..60 {
        let project = format!("P{}", p % 2);
        let person = format!("{:03}", p);
        let t1 = rng.below(60) as u32;
        let t2 = t1 + 60 + rng.below(120) as u32;
        let w1 = 30.0 + rng.below(30) as f64;
        let w2 = (w1 + rng.below(14) as f64 - 4.0).min(70.0);
        let followed = !rng.chance(20);
        wide.push(vec![
            s(&project),
            s(&person),
            V::D(t1),
            V::N(w1),
            if followed { V::D(t2) } else { V::E },
            if followed { V::N(w2) } else { V::E },
        ]);
        long.push((project.clone(), person.clone(), "WEMWBS", t1, w1));
        if followed {
            long.push((project, person, "WEMWBS", t2, w2));
        }
    }
    same_figures(
        dir.path(),
        &[
            "Project",
            "Participant ID",
            "Date T1",
            "WEMWBS T1",
            "Date T2",
            "WEMWBS T2",
        ],
        &wide,
        &long,
    );
}

#[test]
fn undated_baseline_and_follow_up_give_the_long_figures() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng::new(23);
    let mut wide = Vec::new();
    let mut long = Vec::new();
    for p in 0..45 {
        let person = format!("p{p}");
        let before = 7.0 + rng.below(25) as f64;
        let after = (before + rng.below(8) as f64 - 2.0).clamp(7.0, 35.0);
        // The long form needs dates: any two in order give the same pairs.
        let day = rng.below(300) as u32;
        wide.push(vec![s("A"), s(&person), V::N(before), V::N(after)]);
        long.push(("A".to_string(), person.clone(), "SWEMWBS", day, before));
        long.push(("A".to_string(), person, "SWEMWBS", day + 30, after));
    }
    same_figures(
        dir.path(),
        &[
            "project",
            "Participant",
            "Baseline SWEMWBS",
            "Follow-up SWEMWBS",
        ],
        &wide,
        &long,
    );
}

#[test]
fn three_waves_with_gaps_give_the_long_figures() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng::new(31);
    let mut wide = Vec::new();
    let mut long = Vec::new();
    for p in 0..50 {
        let person = format!("x{p}");
        let mut row = vec![s("B"), s(&person)];
        let mut day = rng.below(40) as u32;
        for wave in 0..3 {
            day += 30 + rng.below(60) as u32;
            let happy = rng.below(11) as f64;
            let anxious = rng.below(11) as f64;
            // Waves 2 and 3 are missing now and then (a row with no score is left out).
            if wave > 0 && rng.chance(25) {
                row.extend([V::E, V::E, V::E]);
                continue;
            }
            row.extend([V::D(day), V::N(happy), V::N(anxious)]);
            long.push(("B".to_string(), person.clone(), "ONS happiness", day, happy));
            long.push(("B".to_string(), person.clone(), "ONS anxiety", day, anxious));
        }
        wide.push(row);
    }
    same_figures(
        dir.path(),
        &[
            "project_id",
            "person_id",
            "Date T1",
            "ONS happiness T1",
            "ONS_anxiety_T1",
            "Date T2",
            "ONS happiness T2",
            "ONS anxiety T2",
            "Time 3 date",
            "ONS happiness wave 3",
            "ONS anxiety time 3",
        ],
        &wide,
        &long,
    );
}

fn find<'a>(json: &'a Value, cell: &str) -> Vec<&'a Value> {
    problems(json)
        .iter()
        .filter(|p| p["cell"].as_str() == Some(cell))
        .collect()
}

#[test]
fn problems_name_the_exact_cell_and_a_wide_row_is_one_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wide.xlsx");
    let row = |cells: Vec<V>| cells;
    workbook(
        &path,
        &[
            "project",
            "Participant ID",
            "Date T1",
            "WEMWBS T1",
            "Date T2",
            "WEMWBS T2",
            "Mood T1",
        ],
        &[
            // Row 2: two good scores.
            row(vec![
                s("A"),
                s("1"),
                V::D(0),
                V::N(40.0),
                V::D(90),
                V::N(45.0),
                V::E,
            ]),
            // Row 3: a score that is no number; the other is used.
            row(vec![
                s("A"),
                s("2"),
                V::D(0),
                s("forty"),
                V::D(90),
                V::N(45.0),
                V::E,
            ]),
            // Row 4: T2 dated before T1: T2's score is left out.
            row(vec![
                s("A"),
                s("3"),
                V::D(90),
                V::N(40.0),
                V::D(10),
                V::N(45.0),
                V::E,
            ]),
            // Row 5: an impossible date.
            row(vec![
                s("A"),
                s("4"),
                V::D(0),
                V::N(40.0),
                s("31/02/2024"),
                V::N(45.0),
                V::E,
            ]),
            // Row 6: a score outside WEMWBS's range, and a column that is no measure.
            row(vec![
                s("A"),
                s("5"),
                V::D(0),
                V::N(99.0),
                V::D(90),
                V::N(45.0),
                V::N(3.0),
            ]),
            // Row 7: no scores at all.
            row(vec![s("A"), s("6"), V::D(0), V::E, V::E, V::E, V::E]),
            // Row 8: every score wrong: the row is excluded.
            row(vec![
                s("A"),
                s("7"),
                V::D(0),
                s("x"),
                V::D(90),
                V::N(71.0),
                V::E,
            ]),
            // Row 9: "n/a" is no score, and no problem.
            row(vec![
                s("A"),
                s("8"),
                V::D(0),
                V::N(50.0),
                V::D(90),
                s("n/a"),
                V::E,
            ]),
        ],
    );
    let (code, json) = check_json_args(&["check", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "row problems only: {json}");
    let expect = |cell: &str, value: &str, words: &str| {
        let found = find(&json, cell);
        assert!(
            found.iter().any(|p| p["value"] == value
                && p["severity"] == "excluded"
                && p["message"].as_str().unwrap().contains(words)),
            "expected a problem at {cell} ({value}: {words}), got {:?}",
            problems(&json)
        );
    };
    expect("D3", "forty", "is not a number");
    expect("E4", "2024-01-11", "is not after 2024-03-31 in \"Date T1\"");
    expect("E5", "31/02/2024", "February");
    expect("D6", "99", "outside the range of WEMWBS");
    // A column that is no measure: its value is not repeated (it may not be a score).
    assert!(
        find(&json, "G6").iter().any(|p| p["value"].is_null()
            && p["message"]
                .as_str()
                .unwrap()
                .contains("\"Mood\" is not a measure")),
        "{:?}",
        find(&json, "G6")
    );
    expect("B7", "6", "has no score");
    expect("D8", "x", "is not a number");
    expect("F8", "71", "outside the range of WEMWBS");
    assert!(find(&json, "F9").is_empty(), "n/a is no problem");
    assert!(
        problems(&json)
            .iter()
            .all(|p| p["column"] != "WEMWBS T2" || p["cell"] != "F4"),
        "the date cell carries the problem, once"
    );
    let t = &tables(&json)[0];
    // Rows 2-9: rows 7 and 8 have no score used; the rest have at least one.
    assert_eq!(
        (
            t["read"].as_u64(),
            t["used"].as_u64(),
            t["excluded"].as_u64()
        ),
        (Some(8), Some(6), Some(2)),
        "{t}"
    );
    // The manifest counts the scores. Filled cells (n/a is none): rows 2-6 hold 2, 2, 2, 2
    // and 3, row 8 holds 2 and row 9 one: 14. Used: row 2 both, one each in rows 3, 4, 5
    // (F5's date is wrong), 6 (F6) and 9: 7.
    let out = dir.path().join("report");
    let (code, _, err) = run(&[
        "report",
        path.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    let ledger = &manifest["tables"][0];
    assert_eq!(
        (
            ledger["scores_read"].as_u64(),
            ledger["scores_used"].as_u64()
        ),
        (Some(14), Some(7)),
        "{ledger}"
    );
}

#[test]
fn two_columns_for_one_measure_and_wave_are_a_structural_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wide.xlsx");
    workbook(
        &path,
        &[
            "project",
            "person",
            "WEMWBS T1",
            "Baseline wemwbs",
            "WEMWBS T2",
        ],
        &[vec![s("A"), s("1"), V::N(40.0), V::N(41.0), V::N(50.0)]],
    );
    let (code, json) = check_json_args(&["check", path.to_str().unwrap(), "--format", "json"]);
    assert_ne!(code, 0);
    let p = find(&json, "D1");
    assert!(
        p.iter().any(|p| p["severity"] == "error"
            && p["message"]
                .as_str()
                .unwrap()
                .contains("both hold wemwbs at wave T1")),
        "{json}"
    );
}

#[test]
fn undated_scores_mixed_with_another_row_cannot_be_ordered() {
    let dir = tempfile::tempdir().unwrap();
    workbook(
        &dir.path().join("wide.xlsx"),
        &["project", "person", "Baseline WEMWBS", "Follow-up WEMWBS"],
        &[
            vec![s("A"), s("1"), V::N(40.0), V::N(50.0)],
            vec![s("A"), s("2"), V::N(40.0), V::N(50.0)],
        ],
    );
    std::fs::write(
        dir.path().join("outcomes.csv"),
        "project_id,person_id,measure,date,score\nA,2,WEMWBS,2024-06-01,55\n",
    )
    .unwrap();
    let (_, json) = check_json_args(&["check", dir.path().to_str().unwrap(), "--format", "json"]);
    for cell in ["C3", "D3"] {
        assert!(
            find(&json, cell).iter().any(|p| p["message"]
                .as_str()
                .unwrap()
                .contains("has no date, and this person has another WEMWBS score in")),
            "{cell}: {json}"
        );
    }
    assert!(find(&json, "C2").is_empty() && find(&json, "D2").is_empty());
}

#[test]
fn undated_scores_count_in_every_period_unless_their_row_is_dated_outside() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    // Person 1: undated only. Person 2: T1 dated 2024-01-01, T2 undated.
    workbook(
        &input.join("wide.xlsx"),
        &["project", "person", "Date T1", "WEMWBS T1", "WEMWBS T2"],
        &[
            vec![s("A"), s("1"), V::E, V::N(40.0), V::N(50.0)],
            vec![s("A"), s("2"), V::D(0), V::N(40.0), V::N(50.0)],
        ],
    );
    let out = dir.path().join("report");
    let (code, _, err) = run(&[
        "report",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--from",
        "2024-02-01",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{err}");
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    // Person 2's dated T1 is outside, and with it the undated T2 of the same row.
    assert_eq!(manifest["left_out_by_period"]["outcomes"], 2, "{manifest}");
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        page.contains("2 scores have no date"),
        "the page says how many"
    );
}

/// A column named like a measure and a wave that is no measure ("First name", read as
/// "name" at wave 1) has a problem at each filled cell, but its values (here people's names)
/// are never repeated: not by `check`, not in the tidy tables, not on any page.
#[test]
fn cells_of_a_column_that_is_no_measure_are_never_repeated() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    workbook(
        &input.join("wide.xlsx"),
        &[
            "project",
            "Participant ID",
            "First name",
            "Last name",
            "WEMWBS T1",
            "WEMWBS T2",
        ],
        &[
            vec![
                s("A"),
                s("1"),
                s("Siwan"),
                s("Pritchard"),
                V::N(40.0),
                V::N(45.0),
            ],
            vec![
                s("A"),
                s("2"),
                s("Gethin"),
                s("Llywelyn"),
                V::N(41.0),
                V::N(44.0),
            ],
        ],
    );
    let (_, json) = check_json_args(&["check", input.to_str().unwrap(), "--format", "json"]);
    for cell in ["C2", "D2", "C3", "D3"] {
        let found = find(&json, cell);
        assert!(
            found.iter().any(|p| p["value"].is_null()
                && p["message"]
                    .as_str()
                    .unwrap()
                    .contains("\"name\" is not a measure")),
            "{cell}: {found:?}"
        );
    }
    let out = dir.path().join("report");
    let (code, stdout, err) = run(&[
        "report",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--lang",
        "both",
    ]);
    assert_eq!(code, 0, "{err}");
    let (_, check_text, _) = run(&["check", input.to_str().unwrap()]);
    let mut everything = format!("{json}{stdout}{err}{check_text}");
    for (_, bytes) in super::tree(&out) {
        everything.push_str(&String::from_utf8_lossy(&bytes));
    }
    for name in ["Siwan", "Pritchard", "Gethin", "Llywelyn"] {
        assert!(!everything.contains(name), "{name} is repeated somewhere");
    }
}
