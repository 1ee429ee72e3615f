//! This year against last year (SPEC 4.11, issue 19): over data spanning three financial
//! years, each period's tables in a run with a comparison are exactly those of a run
//! restricted to that period alone, for every table; a person paired across the two periods
//! is paired in neither; and the flags that make no sense together are usage errors.

use crate::run_in;
use std::fs;
use std::path::Path;

/// Three financial years (2022-23 to 2024-25) of outputs, scores, stories and self-audits for
/// two projects. Each year six people of P1 and six of P2 have a baseline in May and a
/// follow-up in February of that year. Person "x" of P1 has a baseline in June 2022 (2022-23)
/// and a follow-up in June 2023 (2023-24): paired over the whole run, in neither year alone.
fn write_three_years(dir: &Path) {
    fs::write(
        dir.join("projects.csv"),
        "project_id,name,budget\nP1,One,9000\nP2,Two,4000\n",
    )
    .expect("projects");
    let mut outputs = String::from("project_id,date,measure,value\n");
    let mut outcomes = String::from("project_id,person_id,measure,date,score\n");
    let mut stories = String::from("project_id,date,text,consent,principles\n");
    let mut audit = String::from("project_id,date,principle,item,score\n");
    for (i, year) in [2022, 2023, 2024].iter().enumerate() {
        for month in 1..=12 {
            let (y, m) = if month <= 9 {
                (*year, month + 3)
            } else {
                (year + 1, month - 9)
            };
            for p in ["P1", "P2"] {
                outputs.push_str(&format!(
                    "{p},{y}-{m:02}-10,Sessions,{}\n",
                    3 + (month + i) % 4
                ));
            }
        }
        for p in ["P1", "P2"] {
            for person in 0..6 {
                let base = 3 + (person + i) % 4;
                let follow = base + 1 + (person % 3);
                outcomes.push_str(&format!(
                    "{p},{p}-{year}-{person},ONS life satisfaction,{year}-05-0{},{base}\n{p},{p}-{year}-{person},ONS life satisfaction,{}-02-0{},{follow}\n",
                    person + 1,
                    year + 1,
                    person + 1
                ));
            }
            stories.push_str(&format!(
                "{p},{year}-07-01,A story of {year},yes,relationships\n"
            ));
            for item in 1..=3 {
                audit.push_str(&format!(
                    "{p},{year}-09-01,assets,{item},{}\n",
                    1 + (item + i) % 5
                ));
            }
        }
    }
    outcomes.push_str(
        "P1,x,ONS life satisfaction,2022-06-01,4\nP1,x,ONS life satisfaction,2023-06-01,8\n",
    );
    fs::write(dir.join("outputs.csv"), outputs).expect("outputs");
    fs::write(dir.join("outcomes.csv"), outcomes).expect("outcomes");
    fs::write(dir.join("stories.csv"), stories).expect("stories");
    fs::write(dir.join("audit.csv"), audit).expect("audit");
}

fn report(dir: &Path, out: &str, flags: &[&str]) -> std::path::PathBuf {
    let mut args = vec!["report", "in", "-o", out, "-q", "--lang", "both"];
    args.extend(flags);
    let (code, o, e) = run_in(dir, &args);
    assert_eq!(code, 0, "{flags:?}: {o}{e}");
    dir.join(out)
}

fn tables(folder: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = fs::read_dir(folder)
        .expect("tables")
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "csv"))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).expect("table"),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn each_period_equals_a_run_of_that_period_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir(dir.path().join("in")).expect("mkdir");
    write_three_years(&dir.path().join("in"));
    let both = report(
        dir.path(),
        "both",
        &["--year", "2023-24", "--compare-year", "2022-23"],
    );
    let this_year = report(dir.path(), "this", &["--year", "2023-24"]);
    let last_year = report(
        dir.path(),
        "last",
        &["--from", "2022-04-01", "--to", "2023-03"],
    );
    let (a, b) = (tables(&both.join("data")), tables(&this_year.join("data")));
    assert_eq!(a.len(), 8, "every table is written");
    assert_eq!(
        a, b,
        "the reporting period's tables are those of a run of it alone"
    );
    let (c, d) = (
        tables(&both.join("data/compare")),
        tables(&last_year.join("data")),
    );
    assert_eq!(c.len(), 8);
    assert_eq!(
        c, d,
        "the comparison period's tables are those of a run of it alone"
    );
    // Both periods are in the manifest.
    let manifest = fs::read_to_string(both.join("manifest.json")).expect("manifest");
    for date in ["2023-04-01", "2024-03-31", "2022-04-01", "2023-03-31"] {
        assert!(manifest.contains(date), "{date} in the manifest");
    }
    // The comparison period's own accounting equals that of a run of it alone.
    let json = |p: &std::path::Path| -> serde_json::Value {
        serde_json::from_str(&fs::read_to_string(p.join("manifest.json")).expect("manifest"))
            .expect("json")
    };
    let (with, alone) = (json(&both), json(&last_year));
    for key in ["left_out_by_period", "hidden_by_disclosure", "measures"] {
        assert_eq!(with["comparison"][key], alone[key], "{key}");
        assert!(!alone[key].is_null(), "{key}");
    }
    assert_eq!(with["comparison"]["from"], "2022-04-01");
    assert!(alone.get("comparison").is_none(), "no comparison, no key");
    // The briefing shows both periods' outputs side by side.
    let page = fs::read_to_string(both.join("en/projects/p1.html")).expect("page");
    assert!(page.contains("This period against 2022-23"));
}

/// Person x has a score in each period: paired over the whole run (7 people), and a person
/// with only a baseline in each period alone (6 paired, 1 with only a baseline), by hand.
#[test]
fn a_person_paired_across_periods_counts_in_neither() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir(dir.path().join("in")).expect("mkdir");
    write_three_years(&dir.path().join("in"));
    let row = |out: &Path| -> Vec<String> {
        let t = fs::read_to_string(out.join("data/outcomes_summary.csv")).expect("table");
        t.lines()
            .find(|l| l.starts_with("P1,"))
            .expect("a P1 row")
            .split(',')
            .map(String::from)
            .collect()
    };
    let both = report(
        dir.path(),
        "both",
        &["--year", "2023-24", "--compare-year", "2022-23"],
    );
    let this_year = row(&both);
    let last_year = {
        let t = fs::read_to_string(both.join("data/compare/outcomes_summary.csv")).expect("t");
        t.lines()
            .find(|l| l.starts_with("P1,"))
            .expect("P1")
            .split(',')
            .map(String::from)
            .collect::<Vec<_>>()
    };
    for r in [&this_year, &last_year] {
        assert_eq!((r[2].as_str(), r[3].as_str()), ("6", "1"), "{r:?}");
    }
    let all_dates = report(dir.path(), "all", &[]);
    let whole = row(&all_dates);
    // 18 people paired within a year, and x across two: 19 over the whole run.
    assert_eq!(whole[2], "19", "{whole:?}");
}

#[test]
fn flags_that_make_no_sense_together_are_usage_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir(dir.path().join("in")).expect("mkdir");
    write_three_years(&dir.path().join("in"));
    for (flags, says) in [
        (
            &["--year", "2023-24", "--from", "2023-01-01"][..],
            "not both",
        ),
        (
            &["--year", "2023-24", "--compare-year", "2023-24"],
            "overlaps",
        ),
        (&["--compare-year", "2022-23"], "needs a reporting period"),
        (
            &["--year", "2023-24", "--compare-from", "2022-04-01"],
            "needs both",
        ),
        (
            &[
                "--year",
                "2023-24",
                "--compare-year",
                "2022-23",
                "--compare-to",
                "2023-03-31",
            ],
            "not both",
        ),
        (
            &["--from", "2024-06-01", "--to", "2024-01-01"],
            "before it starts",
        ),
        (&["--year", "2023-25"], "is not a year"),
    ] {
        let mut args = vec!["report", "in", "-o", "out"];
        args.extend(flags);
        let (code, o, e) = run_in(dir.path(), &args);
        assert_eq!(code, 2, "{flags:?}: {o}{e}");
        assert!(e.contains(says), "{flags:?}: {e}");
    }
    // summary takes the same flags and shows both periods.
    let (code, out, err) = run_in(
        dir.path(),
        &[
            "summary",
            "in",
            "--year",
            "2023-24",
            "--compare-year",
            "2022-23",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Period 2023-24") && out.contains("Comparison period 2022-23"),
        "{out}"
    );
}
