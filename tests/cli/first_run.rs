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
