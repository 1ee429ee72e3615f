//! Disclosure control against an attacker (SPEC 4.8, issue 14): for many random portfolios of
//! small projects (a seeded generator), at k = 5 and k = 10, an attacker reads only the tidy
//! tables and tries every derivation a reader could: a shown share times its row's people,
//! 100 minus the other reliable-change shares, each `ALL` row minus its shown project rows,
//! each principle-evidence row minus the shown rows it pools, and the portfolio's total of
//! participants minus its shown projects. No derivation may give a count of people between 1
//! and k - 1 (for a sum over several hidden rows too, which is what rule 4 forbids).

use crate::{Rng, run_in};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Measures: (name, min, max, principles) of the random portfolios; Confidence is defined
/// with a reliability, an sd and a mid, so it has every share; WEMWBS takes its sem from the
/// baseline SD; ONS happiness has no reliable change.
const MEASURES: [(&str, i64, i64, &str); 4] = [
    ("SWEMWBS", 7, 35, "enabling"),
    ("WEMWBS", 14, 70, "assets;networks"),
    ("ONS happiness", 0, 10, "outcomes"),
    ("Confidence", 1, 10, "enabling;assets"),
];

/// A random portfolio: 2 to 6 projects, each with 0 to 12 paired people and some people with
/// only a baseline on each of some measures; small groups on purpose.
fn write_portfolio(dir: &Path, rng: &mut Rng) {
    let projects = 2 + rng.below(5);
    let mut p_rows = String::from("project_id,name,budget\n");
    let mut o_rows = String::from("project_id,person_id,measure,date,score\n");
    for p in 0..projects {
        p_rows.push_str(&format!("P{p},Project {p},{}\n", 1000 + rng.below(9000)));
        for (name, min, max, _) in MEASURES {
            if rng.below(3) == 0 {
                continue;
            }
            let n = match rng.below(4) {
                0 => rng.below(5),
                1 => 5 + rng.below(5),
                _ => rng.below(13),
            };
            let span = (max - min) as u64;
            for i in 0..n {
                let base = min + rng.below(span + 1) as i64;
                let step = rng.below(span / 2 + 1) as i64 - (span / 4) as i64;
                let follow = (base + step).clamp(min, max);
                o_rows.push_str(&format!(
                    "P{p},x{p}-{i},{name},2024-01-05,{base}\nP{p},x{p}-{i},{name},2024-07-05,{follow}\n"
                ));
            }
            for i in 0..rng.below(3) {
                let base = min + rng.below(span + 1) as i64;
                o_rows.push_str(&format!("P{p},y{p}-{i},{name},2024-01-05,{base}\n"));
            }
        }
    }
    fs::write(dir.join("projects.csv"), p_rows).expect("projects");
    fs::write(dir.join("outcomes.csv"), o_rows).expect("outcomes");
    let mut m_rows =
        String::from("measure,min,max,higher_is_better,reliability,sd,mid,principles\n");
    for (name, min, max, principles) in MEASURES {
        let (reliability, sd, mid) = if name == "Confidence" {
            ("0.8", "2", "2")
        } else {
            ("", "", "")
        };
        let built_in = ["SWEMWBS", "WEMWBS", "ONS happiness"].contains(&name);
        if built_in {
            m_rows.push_str(&format!("{name},,,,,,,{principles}\n"));
        } else {
            m_rows.push_str(&format!(
                "{name},{min},{max},yes,{reliability},{sd},{mid},{principles}\n"
            ));
        }
    }
    fs::write(dir.join("measures.csv"), m_rows).expect("measures");
}

/// A tidy table as rows of named cells.
fn read_table(path: &Path) -> Vec<BTreeMap<String, String>> {
    let text = fs::read_to_string(path).expect("a tidy table");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    reader
        .records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.expect("record").iter().map(str::to_string))
                .collect()
        })
        .collect()
}

fn num(row: &BTreeMap<String, String>, col: &str) -> Option<f64> {
    row.get(col).and_then(|v| v.parse().ok())
}

/// The people behind a shown share of a shown row.
fn count_of(row: &BTreeMap<String, String>, share: &str) -> Option<u64> {
    Some((num(row, share)? * num(row, "n_paired")? / 100.0).round() as u64)
}

const SHARES: [&str; 5] = [
    "pct_improved",
    "pct_reliable_improvement",
    "pct_no_reliable_change",
    "pct_reliable_deterioration",
    "pct_meaningful_improvement",
];
const RELIABLE: [&str; 3] = [
    "pct_reliable_improvement",
    "pct_no_reliable_change",
    "pct_reliable_deterioration",
];

/// A row of a tidy table, by column name.
type Row = BTreeMap<String, String>;

/// A count of people read from a row, by one of the ways the attacker knows.
type Reader = Box<dyn Fn(&Row) -> Option<u64>>;

/// Every count of people the attacker can derive from the tables, with how.
fn attack(report: &Path, k: u64) -> Vec<String> {
    let outcomes = read_table(&report.join("data/outcomes_summary.csv"));
    let evidence = read_table(&report.join("data/principle_evidence.csv"));
    let projects = read_table(&report.join("data/projects_summary.csv"));
    let small = |v: u64| (1..k).contains(&v);
    let mut leaks = Vec::new();
    let name = |r: &BTreeMap<String, String>| format!("{} {}", r["project_id"], r["measure"]);
    for r in &outcomes {
        // A share times the row's people.
        for s in SHARES {
            if let Some(c) = count_of(r, s)
                && small(c)
            {
                leaks.push(format!("{}: {s} × n = {c}", name(r)));
            }
        }
        // 100 minus the other two reliable-change shares.
        let shown: Vec<f64> = RELIABLE.iter().filter_map(|s| num(r, s)).collect();
        let hidden = RELIABLE.iter().filter(|s| r[**s].is_empty()).count();
        if let (2, 1, Some(n)) = (shown.len(), hidden, num(r, "n_paired")) {
            let c = ((100.0 - shown.iter().sum::<f64>()) * n / 100.0).round() as u64;
            if small(c) {
                leaks.push(format!("{}: 100 - the other shares gives {c}", name(r)));
            }
        }
        // Two hidden shares are each at least one person (a share of 0 is never hidden): when
        // the third leaves two people for them, each is 1.
        if let (1, 2, Some(n)) = (shown.len(), hidden, num(r, "n_paired")) {
            let rest = ((100.0 - shown.iter().sum::<f64>()) * n / 100.0).round() as u64;
            if rest == 2 && small(1) {
                leaks.push(format!(
                    "{}: the two hidden shares hold 2 people: 1 each",
                    name(r)
                ));
            }
        }
    }
    // Each ALL row minus its shown project rows, count by count.
    for all in outcomes.iter().filter(|r| r["project_id"] == "ALL") {
        let members: Vec<_> = outcomes
            .iter()
            .filter(|r| r["project_id"] != "ALL" && r["measure"] == all["measure"])
            .collect();
        let mut counts: Vec<(&str, Reader)> = vec![(
            "n_paired",
            Box::new(|r: &Row| num(r, "n_paired").map(|v| v as u64)),
        )];
        for s in SHARES {
            counts.push((s, Box::new(move |r: &Row| count_of(r, s))));
        }
        for (what, get) in &counts {
            let Some(total) = get(all) else { continue };
            let known: u64 = members.iter().filter_map(|r| get(r)).sum();
            let unknown = members.iter().filter(|r| get(r).is_none()).count();
            let rest = total.saturating_sub(known);
            if unknown > 0 && small(rest) {
                leaks.push(format!(
                    "ALL {}: {what} minus the shown projects gives {rest} over {unknown} hidden rows",
                    all["measure"]
                ));
            }
        }
    }
    // A principle's outcome pairs minus the shown rows it pools.
    let tags: BTreeMap<&str, &str> = MEASURES.iter().map(|m| (m.0, m.3)).collect();
    for e in &evidence {
        let Some(pairs) = num(e, "outcome_pairs").map(|v| v as u64) else {
            continue;
        };
        if let Some(p) = num(e, "pct_improved") {
            let c = (p * pairs as f64 / 100.0).round() as u64;
            if small(c) {
                leaks.push(format!(
                    "{} {}: pct_improved × pairs = {c}",
                    e["project_id"], e["principle"]
                ));
            }
        }
        let pooled: Vec<_> = outcomes
            .iter()
            .filter(|r| r["project_id"] == e["project_id"])
            .filter(|r| {
                tags.get(r["measure"].as_str())
                    .is_some_and(|t| t.split(';').any(|q| q == e["principle"]))
            })
            .collect();
        let known: u64 = pooled
            .iter()
            .filter_map(|r| num(r, "n_paired").map(|v| v as u64))
            .sum();
        let rest = pairs.saturating_sub(known);
        if small(rest) {
            leaks.push(format!(
                "{} {}: outcome_pairs minus the shown rows gives {rest}",
                e["project_id"], e["principle"]
            ));
        }
    }
    // Participants: a shown cost per participant gives participants back.
    for p in &projects {
        if let (Some(b), Some(c)) = (num(p, "budget"), num(p, "cost_per_participant")) {
            let people = (b / c).round() as u64;
            if small(people) {
                leaks.push(format!("{}: budget / cost gives {people}", p["project_id"]));
            }
        }
        if let Some(v) = num(p, "participants")
            && small(v as u64)
        {
            leaks.push(format!("{}: participants {v}", p["project_id"]));
        }
    }
    leaks
}

/// The portfolio page's participants: the shown projects' own, so that its total minus them
/// is nothing.
fn portfolio_total_is_the_shown_projects(report: &Path) -> Result<(), String> {
    let projects = read_table(&report.join("data/projects_summary.csv"));
    let shown: u64 = projects
        .iter()
        .filter_map(|p| num(p, "participants"))
        .map(|v| v as u64)
        .sum();
    let page = fs::read_to_string(report.join("index.html")).expect("index");
    let html = scraper::Html::parse_document(&page);
    let sel = scraper::Selector::parse("section.headline .stat").expect("selector");
    for stat in html.select(&sel) {
        let text: String = stat.text().collect();
        if let Some(rest) = text.strip_prefix("Participants") {
            let digits: String = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == ',')
                .filter(char::is_ascii_digit)
                .collect();
            let total: u64 = digits
                .parse()
                .map_err(|_| format!("no number in {text:?}"))?;
            return (total == shown).then_some(()).ok_or(format!(
                "the portfolio says {total}, the shown projects {shown}"
            ));
        }
    }
    Err("no participants on the portfolio".into())
}

#[test]
fn no_derivation_gives_a_small_count() {
    let mut runs = 0;
    for k in [5u64, 10] {
        for seed in 1..=30u64 {
            let mut rng = Rng(seed * 7919 + k);
            let dir = tempfile::tempdir().expect("temp dir");
            write_portfolio(dir.path(), &mut rng);
            let (code, out, err) = run_in(
                dir.path(),
                &["report", ".", "-o", "r", "--min-cell", &k.to_string(), "-q"],
            );
            assert_eq!(code, 0, "seed {seed}, k {k}: {out}{err}");
            let report = dir.path().join("r");
            let leaks = attack(&report, k);
            assert!(
                leaks.is_empty(),
                "seed {seed}, k {k}: the tables give small counts away:\n{}",
                leaks.join("\n")
            );
            portfolio_total_is_the_shown_projects(&report)
                .unwrap_or_else(|e| panic!("seed {seed}, k {k}: {e}"));
            runs += 1;
        }
    }
    assert_eq!(runs, 60);
}

/// The attacker finds what it should: before disclosure control, a hidden project's people
/// were `ALL` minus the shown ones. With k = 1 nothing is hidden, so on a portfolio with a
/// group of 3, the attack must report small counts at k = 5 reading k = 1's tables.
#[test]
fn the_attack_finds_small_counts_in_unprotected_tables() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rng = Rng(42);
    write_portfolio(dir.path(), &mut rng);
    let (code, out, err) = run_in(
        dir.path(),
        &["report", ".", "-o", "r", "--min-cell", "1", "-q"],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(!attack(&dir.path().join("r"), 5).is_empty());
}

/// Every figure of a briefing's outcome table agrees with the tidy table's shown or hidden
/// state (SPEC 4.8 rule 6): a shown figure is the table's, rounded; a hidden one says why,
/// "fewer than k" (rules 1 and 2) or "hidden to protect a small group" (rules 3 to 5).
#[test]
fn pages_hide_what_the_tables_hide() {
    let k = 5;
    let mut compared = 0;
    for seed in 1..=8u64 {
        let mut rng = Rng(seed * 7919 + k);
        let dir = tempfile::tempdir().expect("temp dir");
        write_portfolio(dir.path(), &mut rng);
        let (code, out, err) = run_in(dir.path(), &["report", ".", "-o", "r", "-q"]);
        assert_eq!(code, 0, "{out}{err}");
        let report = dir.path().join("r");
        let outcomes = read_table(&report.join("data/outcomes_summary.csv"));
        for row in outcomes.iter().filter(|r| r["project_id"] != "ALL") {
            let slug = row["project_id"].to_lowercase();
            let page = fs::read_to_string(report.join(format!("projects/{slug}.html")))
                .expect("the project's page");
            let html = scraper::Html::parse_document(&page);
            let rows = scraper::Selector::parse("#outcomes table tr").expect("selector");
            let cell = scraper::Selector::parse("th, td").expect("selector");
            // The "all outcome figures" table: measure, paired, effect size, p, improved,
            // reliably improved, meaningful, note.
            let cells: Vec<String> = html
                .select(&rows)
                .map(|tr| {
                    tr.select(&cell)
                        .map(|c| c.text().collect::<String>())
                        .collect::<Vec<_>>()
                })
                .rfind(|c| c.len() == 8 && c[0] == row["measure"])
                .unwrap_or_else(|| panic!("seed {seed}: no row for {}", row["measure"]));
            let says_hidden = |text: &str| {
                text == format!("fewer than {k}") || text == "hidden to protect a small group"
            };
            if row["suppressed"] == "true" {
                assert!(
                    says_hidden(&cells[1]),
                    "seed {seed}: {cells:?} for a hidden row"
                );
                assert!(cells[2..7].iter().all(|c| c.is_empty()), "{cells:?}");
                compared += 1;
                continue;
            }
            assert_eq!(cells[1], row["n_paired"], "seed {seed}");
            for (col, text) in [
                ("pct_improved", &cells[4]),
                ("pct_reliable_improvement", &cells[5]),
                ("pct_meaningful_improvement", &cells[6]),
            ] {
                let value = &row[col];
                // ONS happiness has no measurement error and no mid: those columns are "–";
                // every other empty figure is hidden and says why.
                let exists = col == "pct_improved" || row["measure"] != "ONS happiness";
                if let Ok(v) = value.parse::<f64>() {
                    assert_eq!(*text, format!("{:.0}%", v), "seed {seed} {col}");
                } else if exists {
                    assert!(
                        says_hidden(text),
                        "seed {seed} {col}: {text:?} where the table hides the figure"
                    );
                } else {
                    assert_eq!(text, "–", "seed {seed} {col}");
                }
                compared += 1;
            }
        }
    }
    assert!(compared > 40, "{compared} figures compared");
}

/// The leak found in the 2026-12 round: 8 paired people, no one reliably worse (shown as 0%),
/// 4 reliably improved and 4 with no reliable change, both hidden as "fewer than 5": a reader
/// adds 4 + 4 = 8 and knows both. The row must not be shown so (here it is hidden whole).
/// SWEMWBS raw 20 to 24 is metric 18.59 to 21.54, a change of 2.95 above the reliable-change
/// threshold 1.96 × √2 × 1.03 = 2.855; raw 20 to 20 is no change (worked out by hand).
#[test]
fn two_hidden_shares_that_fill_the_row_are_not_left_to_add_up() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    let mut rows = String::from("project_id,person_id,measure,date,score\n");
    for p in 0..8 {
        let follow = if p < 4 { 24 } else { 20 };
        rows.push_str(&format!(
            "A,a{p},SWEMWBS,2024-01-10,20\nA,a{p},SWEMWBS,2024-06-10,{follow}\n"
        ));
    }
    std::fs::write(input.join("outcomes.csv"), rows).expect("outcomes");
    let out = dir.path().join("out");
    let (code, _, err) = crate::run(&[
        "report",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{err}");
    for r in read_table(&out.join("data/outcomes_summary.csv")) {
        let hidden = RELIABLE.iter().filter(|s| r[**s].is_empty()).count();
        let worse = num(&r, "pct_reliable_deterioration");
        assert!(
            !(num(&r, "n_paired").is_some() && hidden == 2 && worse == Some(0.0)),
            "{r:?}: 8 people, 0% worse and two hidden shares of fewer than 5 each: both are 4"
        );
    }
    assert!(attack(&out, 5).is_empty(), "{:?}", attack(&out, 5));
}
