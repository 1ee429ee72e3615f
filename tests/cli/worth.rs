//! Social value (SPEC 4.9) and reference values (SPEC 4.10) against figures worked out by
//! hand. The portfolio (below): `[value]` with years 2, deadweight 0.2 and attribution 0.5, so
//! adj = 2 * 0.8 * 0.5 = 0.8.
//! - P1 (budget £10,000), ONS life satisfaction: 6 people from 6,6,7,7,8,8 down 2 points each
//!   (a deterioration, no spread): c = lo = hi = -2; WELLBYs = -2 * 1 * 6 * 0.8 = -9.6; value
//!   -9.6 * 13,000 = -124,800; the range: -9.6 * 16,000 = -153,600 to -9.6 * 10,000 = -96,000;
//!   per pound -124,800 / 10,000 = -12.48. Worst band (below 5): 0 of 6 at baseline, 2 of 6
//!   (the two 4s) at follow-up = 33.33...%.
//! - P1, ONS anxiety (lower is better, worst band above 5): baseline 7,7,6,4,3,8 (4 above 5:
//!   66.66...%), follow-up 5,6,6,4,2,3 (2 above 5: 33.33...%); no social value (no factor).
//! - P2 (no budget), life satisfaction: 3 people from 5 to 7: WELLBYs 2 * 3 * 0.8 = 4.8, value
//!   62,400, range 48,000 to 76,800, no value per pound.
//! - P3 (no budget), life satisfaction: 5 people from 5 to 6: WELLBYs 1 * 5 * 0.8 = 4, value
//!   52,000, range 40,000 to 64,000.

use crate::run_in;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

fn write_portfolio(dir: &Path) {
    fs::write(
        dir.join("projects.csv"),
        "project_id,name,budget\nP1,One,10000\nP2,Two,\nP3,Three,\n",
    )
    .expect("projects");
    let mut rows = String::from("project_id,person_id,measure,date,score\n");
    for (i, b) in [6, 6, 7, 7, 8, 8].iter().enumerate() {
        rows.push_str(&format!(
            "P1,a{i},ONS life satisfaction,2024-01-05,{b}\nP1,a{i},ONS life satisfaction,2024-07-05,{}\n",
            b - 2
        ));
    }
    for (i, (b, f)) in [(7, 5), (7, 6), (6, 6), (4, 4), (3, 2), (8, 3)]
        .iter()
        .enumerate()
    {
        rows.push_str(&format!(
            "P1,a{i},ONS anxiety,2024-01-05,{b}\nP1,a{i},ONS anxiety,2024-07-05,{f}\n"
        ));
    }
    for i in 0..3 {
        rows.push_str(&format!(
            "P2,b{i},ONS life satisfaction,2024-01-05,5\nP2,b{i},ONS life satisfaction,2024-07-05,7\n"
        ));
    }
    for i in 0..5 {
        rows.push_str(&format!(
            "P3,c{i},ONS life satisfaction,2024-01-05,5\nP3,c{i},ONS life satisfaction,2024-07-05,6\n"
        ));
    }
    fs::write(dir.join("outcomes.csv"), rows).expect("outcomes");
    fs::write(
        dir.join("mwm.toml"),
        "[value]\nyears = 2\ndeadweight = 0.2\nattribution = 0.5\n",
    )
    .expect("config");
}

fn table(path: &Path) -> BTreeMap<(String, String), BTreeMap<String, String>> {
    let text = fs::read_to_string(path).expect("table");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    reader
        .records()
        .map(|r| {
            let r = r.expect("record");
            let row: BTreeMap<String, String> = header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect();
            ((row["project_id"].clone(), row["measure"].clone()), row)
        })
        .collect()
}

fn close(got: &str, expected: f64) -> bool {
    got.parse::<f64>()
        .is_ok_and(|g| (g - expected).abs() <= 1e-9 * expected.abs().max(1.0))
}

fn report(dir: &Path, k: &str) -> std::path::PathBuf {
    let out = format!("r{k}");
    let (code, o, e) = run_in(dir, &["report", ".", "-o", &out, "--min-cell", k, "-q"]);
    assert_eq!(code, 0, "{o}{e}");
    dir.join(out)
}

#[test]
fn social_value_and_bands_worked_by_hand() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_portfolio(dir.path());
    let r = report(dir.path(), "1");
    let sv = table(&r.join("data/social_value.csv"));
    let ls = "ONS life satisfaction".to_string();
    let p1 = &sv[&("P1".into(), ls.clone())];
    for (col, expected) in [
        ("n_paired", 6.0),
        ("mean_change", -2.0),
        ("ls_per_point", 1.0),
        ("years", 2.0),
        ("deadweight", 0.2),
        ("attribution", 0.5),
        ("wellby_value", 13000.0),
        ("price_year", 2019.0),
        ("wellbys", -9.6),
        ("social_value", -124800.0),
        ("social_value_low", -153600.0),
        ("social_value_high", -96000.0),
        ("budget", 10000.0),
        ("value_per_pound", -12.48),
    ] {
        assert!(
            close(&p1[col], expected),
            "P1 {col}: {} != {expected}",
            p1[col]
        );
    }
    let p2 = &sv[&("P2".into(), ls.clone())];
    for (col, expected) in [
        ("wellbys", 4.8),
        ("social_value", 62400.0),
        ("social_value_low", 48000.0),
        ("social_value_high", 76800.0),
    ] {
        assert!(close(&p2[col], expected), "P2 {col}: {}", p2[col]);
    }
    assert_eq!(
        (p2["budget"].as_str(), p2["value_per_pound"].as_str()),
        ("", "")
    );
    let p3 = &sv[&("P3".into(), ls.clone())];
    assert!(close(&p3["social_value"], 52000.0) && close(&p3["social_value_low"], 40000.0));
    // ALL has no budget, so no value per pound; anxiety has no factor, so no row.
    let all = &sv[&("ALL".into(), ls.clone())];
    assert_eq!(
        (all["budget"].as_str(), all["value_per_pound"].as_str()),
        ("", "")
    );
    assert!(!sv.contains_key(&("P1".into(), "ONS anxiety".into())));
    // Bands: life satisfaction below 5, anxiety above 5.
    let o = table(&r.join("data/outcomes_summary.csv"));
    let p1_ls = &o[&("P1".into(), ls.clone())];
    assert!(close(&p1_ls["pct_low_baseline"], 0.0));
    assert!(close(&p1_ls["pct_low_followup"], 100.0 / 3.0));
    assert_eq!(p1_ls["verdict"], "deteriorated");
    let p1_anx = &o[&("P1".into(), "ONS anxiety".into())];
    assert!(close(&p1_anx["pct_low_baseline"], 200.0 / 3.0));
    assert!(close(&p1_anx["pct_low_followup"], 100.0 / 3.0));
}

/// At k = 5 the band shares are protected like the others (SPEC 4.8 rule 2): P1's 2 people in
/// the worst band at follow-up are hidden; P2 (3 people) is hidden whole and P3, the smaller
/// shown group, with it (rule 4), so their social value is empty; P1's stays.
#[test]
fn social_value_and_bands_are_protected() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_portfolio(dir.path());
    let r = report(dir.path(), "5");
    let o = table(&r.join("data/outcomes_summary.csv"));
    let ls = "ONS life satisfaction".to_string();
    let p1 = &o[&("P1".into(), ls.clone())];
    assert_eq!(p1["pct_low_followup"], "", "2 of 6: fewer than 5");
    assert!(close(&p1["pct_low_baseline"], 0.0));
    let sv = table(&r.join("data/social_value.csv"));
    assert!(close(
        &sv[&("P1".into(), ls.clone())]["social_value"],
        -124800.0
    ));
    for p in ["P2", "P3"] {
        let row = &sv[&(p.into(), ls.clone())];
        assert_eq!(
            (row["wellbys"].as_str(), row["social_value"].as_str()),
            ("", ""),
            "{p}"
        );
    }
    // The page leads with the range for a deterioration, and says the value is net here.
    let page = fs::read_to_string(r.join("projects/p1.html")).expect("page");
    assert!(
        page.contains("could be worth anywhere from -£153,600 to -£96,000"),
        "range first"
    );
    assert!(
        page.contains("less 20% that would have happened anyway"),
        "net of deadweight"
    );
}
