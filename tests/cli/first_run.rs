//! The first-run commands (issue 7): the template workbook, `mwm init`, help, version and
//! completions.

use crate::{check_json, run};
use rust_xlsxwriter::{ExcelDateTime, Format};

/// Rows written into the template by hand: every one must be used by `mwm check`.
#[test]
fn a_filled_template_is_read_in_full() {
    let mut book = mwm::template::workbook().expect("template");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let day = |d: u8| ExcelDateTime::from_ymd(2024, 5, d).expect("date");
    {
        let s = book
            .worksheet_from_name("projects")
            .expect("projects sheet");
        s.write_string(1, 0, "T1").unwrap();
        s.write_string(1, 1, "Test Choir").unwrap();
        s.write_number(1, 7, 5000.0).unwrap();
    }
    {
        let s = book.worksheet_from_name("outputs").expect("outputs sheet");
        for r in 1..=3u32 {
            s.write_string(r, 0, "T1").unwrap();
            s.write_datetime_with_format(r, 1, day(r as u8), &date)
                .unwrap();
            s.write_string(r, 2, "Sessions delivered").unwrap();
            s.write_number(r, 3, f64::from(r)).unwrap();
            s.write_string(r, 4, "networks; relationships").unwrap();
        }
    }
    {
        // Two people, baseline and follow-up on SWEMWBS: 4 rows.
        let s = book
            .worksheet_from_name("outcomes")
            .expect("outcomes sheet");
        for (r, (person, d, score)) in [
            ("007", 1, 20.0),
            ("007", 20, 24.0),
            ("008", 1, 18.0),
            ("008", 20, 19.0),
        ]
        .iter()
        .enumerate()
        {
            let r = r as u32 + 1;
            s.write_string(r, 0, "T1").unwrap();
            s.write_string(r, 1, *person).unwrap();
            s.write_string(r, 2, "SWEMWBS").unwrap();
            s.write_datetime_with_format(r, 3, day(*d), &date).unwrap();
            s.write_number(r, 4, *score).unwrap();
        }
    }
    {
        let s = book
            .worksheet_from_name("measures")
            .expect("measures sheet");
        for (c, v) in ["Confidence", "1", "10", "yes"].iter().enumerate() {
            s.write_string(1, c as u16, *v).unwrap();
        }
    }
    {
        let s = book.worksheet_from_name("stories").expect("stories sheet");
        for r in 1..=2u32 {
            s.write_string(r, 0, "T1").unwrap();
            s.write_string(r, 1, format!("Story {r}")).unwrap();
        }
        // story_id in its own column (C), spectrum (I), consent (J) from the drop-downs.
        s.write_string(1, 2, "S1").unwrap();
        s.write_string(1, 8, "co-production").unwrap();
        s.write_string(1, 9, "yes").unwrap();
    }
    {
        let s = book.worksheet_from_name("audit").expect("audit sheet");
        for item in 1..=3u32 {
            s.write_string(item, 0, "T1").unwrap();
            s.write_datetime_with_format(item, 1, day(2), &date)
                .unwrap();
            s.write_string(item, 2, "assets").unwrap();
            s.write_number(item, 3, f64::from(item)).unwrap();
            s.write_number(item, 4, 4.0).unwrap();
        }
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("filled.xlsx");
    book.save(&path).expect("save");
    let (code, json) = check_json(&path.display().to_string());
    assert_eq!(code, 0, "{}", crate::show_problems(&json));
    // Rows written above: projects 1, outputs 3, outcomes 4, measures 1, stories 2, audit 3.
    for (table, rows) in [
        ("projects", 1),
        ("outputs", 3),
        ("outcomes", 4),
        ("measures", 1),
        ("stories", 2),
        ("audit", 3),
    ] {
        let t = crate::tables(&json)
            .iter()
            .find(|t| t["table"] == table)
            .unwrap_or_else(|| panic!("no {table} table"));
        assert_eq!(crate::num(t, "read"), rows, "{table}");
        assert_eq!(
            crate::num(t, "used"),
            rows,
            "{table}: {}",
            crate::show_problems(&json)
        );
    }
    // The person id written as text keeps its leading zeros: no problem names it.
    assert!(
        !crate::problems(&json)
            .iter()
            .any(|p| p["severity"] == "excluded")
    );
}

/// Issue 17: the template filled as an evaluator would, on the one-row-per-person sheet, with
/// a narrative and a few mistakes, round-trips through `check` and `report`: every mistake is
/// named at its cell with what to do, everything else is used, and the report shows it.
#[test]
fn a_template_filled_by_person_round_trips_with_its_mistakes_named() {
    let mut book = mwm::template::workbook().expect("template");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let day = |m: u8, d: u8| ExcelDateTime::from_ymd(2024, m, d).expect("date");
    {
        let s = book.worksheet_from_name("projects").expect("projects");
        s.write_string(1, 0, "CAF").unwrap();
        s.write_string(1, 1, "Caffi Trwsio Aberdâr").unwrap();
    }
    {
        // Columns: project_id, person_id, Date T1, SWEMWBS T1, Date T2, SWEMWBS T2 (the
        // project id left empty: the workbook has one project). Rows 2-9.
        let s = book
            .worksheet_from_name("outcomes by person")
            .expect("the wide outcomes sheet");
        for (i, (before, after)) in [
            (14.0, 20.0),
            (18.0, 21.0),
            (20.0, 19.0),
            (15.0, 24.0),
            (22.0, 26.0),
            (17.0, 17.0),
            (19.0, 40.0), // row 8: F8 is outside SWEMWBS's 7 to 35
            (16.0, 0.0),  // row 9: F9 holds "n/a", and E9 a 31 February
        ]
        .iter()
        .enumerate()
        {
            let r = i as u32 + 1;
            s.write_string(r, 1, format!("00{r}")).unwrap();
            s.write_datetime_with_format(r, 2, day(4, 1 + i as u8), &date)
                .unwrap();
            s.write_number(r, 3, *before).unwrap();
            // r is 0-based: r 7 is row 8.
            if r == 7 {
                s.write_datetime_with_format(r, 4, day(9, 1), &date)
                    .unwrap();
                s.write_number(r, 5, *after).unwrap();
            } else if r == 8 {
                s.write_string(r, 4, "31/02/2025").unwrap();
                s.write_string(r, 5, "n/a").unwrap();
            } else {
                s.write_datetime_with_format(r, 4, day(9, 1 + i as u8), &date)
                    .unwrap();
                s.write_number(r, 5, *after).unwrap();
            }
        }
    }
    {
        // project_id, text, heading: two sections, and a heading with no text (row 4).
        let s = book.worksheet_from_name("narrative").expect("narrative");
        s.write_string(1, 1, "We mended 300 things with our neighbours.")
            .unwrap();
        s.write_string(1, 2, "what we did").unwrap();
        s.write_string(2, 1, "People told us they felt less alone.")
            .unwrap();
        s.write_string(2, 2, "difference made").unwrap();
        s.write_string(3, 2, "learning").unwrap();
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("filled.xlsx");
    book.save(&path).expect("save");
    let (code, json) = check_json(&path.display().to_string());
    assert_eq!(
        code,
        0,
        "row problems only: {}",
        crate::show_problems(&json)
    );
    let at = |sheet: &str, cell: &str| -> String {
        crate::problems(&json)
            .iter()
            .filter(|p| p["sheet"] == sheet && p["cell"] == cell)
            .map(|p| format!("{} {}", p["severity"], p["message"]))
            .collect()
    };
    let f8 = at("outcomes by person", "F8");
    assert!(
        f8.contains("excluded") && f8.contains("outside the range of SWEMWBS (7 to 35)"),
        "{f8}"
    );
    let e9 = at("outcomes by person", "E9");
    assert!(
        e9.contains("February") && e9.contains("this wave's scores in the row are left out"),
        "{e9}"
    );
    assert_eq!(
        at("outcomes by person", "F9"),
        "",
        "n/a is no score and no problem"
    );
    let c4 = at("narrative", "B4");
    assert!(c4.contains("is empty, but this column is required"), "{c4}");
    let wide = crate::tables(&json)
        .iter()
        .find(|t| t["sheet"] == "outcomes by person")
        .expect("the wide sheet is read");
    // Eight people, each with a baseline used: every row used.
    assert_eq!(
        (crate::num(wide, "read"), crate::num(wide, "used")),
        (8, 8),
        "{wide}"
    );
    let narrative = crate::tables(&json)
        .iter()
        .find(|t| t["table"] == "narrative")
        .unwrap();
    assert_eq!(
        (
            crate::num(narrative, "used"),
            crate::num(narrative, "excluded")
        ),
        (2, 1)
    );
    assert!(
        !crate::problems(&json)
            .iter()
            .any(|p| p["sheet"] == "Instructions"),
        "the Instructions sheet is skipped without a word"
    );
    let out = dir.path().join("report");
    let (code, _, err) = run(&[
        "report",
        &path.display().to_string(),
        "-o",
        &out.display().to_string(),
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(out.join("projects/caf.html")).expect("the project page");
    assert!(
        page.contains("We mended 300 things with our neighbours."),
        "the narrative is on the page"
    );
    // Six people paired (rows 2-7); row 8's follow-up and row 9's are left out.
    let summary = std::fs::read_to_string(out.join("data/outcomes_summary.csv")).unwrap();
    let header: Vec<&str> = summary.lines().next().unwrap().split(',').collect();
    let n = header.iter().position(|h| *h == "n_paired").unwrap();
    let row = summary
        .lines()
        .find(|l| l.starts_with("CAF,SWEMWBS"))
        .expect("CAF's row");
    assert_eq!(row.split(',').nth(n), Some("6"), "{row}");
    let excluded = std::fs::read_to_string(out.join("data/excluded_rows.csv")).unwrap();
    assert!(
        excluded.contains("SWEMWBS T2") && excluded.contains("Date T2"),
        "{excluded}"
    );
}

#[test]
fn init_writes_the_defaults_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("mwm.toml");
    let f = file.display().to_string();
    let (code, _, stderr) = run(&["init", "-o", &f]);
    assert_eq!(code, 0, "{stderr}");
    let text = std::fs::read_to_string(&file).expect("written");
    assert!(text.contains("min_cell = 5") && text.contains("[privacy]"));
    // `mwm check -c` with it passes on the shipped data.
    let (code, _, stderr) = run(&["check", "data", "-c", &f]);
    assert_eq!(code, 0, "{stderr}");
    // An existing file is never replaced.
    let (code, _, stderr) = run(&["init", "-o", &f]);
    assert_eq!(code, 3);
    assert!(stderr.contains("already exists"), "{stderr}");
}

#[test]
fn help_shows_an_example_on_every_command() {
    for command in [
        "check",
        "report",
        "summary",
        "demo-data",
        "template",
        "init",
        "completions",
    ] {
        let (code, out, _) = run(&[command, "--help"]);
        assert_eq!(code, 0, "{command}");
        assert!(
            out.contains("Examples:") && out.contains("mwm "),
            "{command}: {out}"
        );
    }
    let (code, out, _) = run(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), format!("mwm {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn completions_for_three_shells() {
    for shell in ["bash", "zsh", "fish"] {
        let (code, out, _) = run(&["completions", shell]);
        assert_eq!(code, 0, "{shell}");
        assert!(
            out.contains("report") && out.contains("demo-data"),
            "{shell}"
        );
    }
}
