//! A property test of "nothing lost" (SPEC 3.2) through to the figures: for random mixes of good
//! rows, bad rows and blank lines, every good row lands in the figures, every bad row is listed
//! as excluded (the `excluded_rows.csv` rows), and no row is in both.

use mwm::config::{LoadedConfig, Quarters};
use mwm::figures::{self, FigureSettings, Period, Scope, Suppression};
use mwm::problems::Severity;
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// One generated output row: good with a value, bad in one of three ways, or a blank line.
#[derive(Debug, Clone)]
enum Line {
    Good(u32),
    BadNumber,
    BadDate,
    Negative,
    Blank,
}

fn line() -> impl Strategy<Value = Line> {
    prop_oneof![
        6 => (0u32..500).prop_map(Line::Good),
        1 => Just(Line::BadNumber),
        1 => Just(Line::BadDate),
        1 => Just(Line::Negative),
        1 => Just(Line::Blank),
    ]
}

/// A story line: good (with a unique id) or bad (an unknown spectrum term).
fn story() -> impl Strategy<Value = bool> {
    prop_oneof![4 => Just(true), 1 => Just(false)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_row_is_in_the_figures_or_excluded(
        outputs in proptest::collection::vec(line(), 1..40),
        stories in proptest::collection::vec(story(), 0..20),
    ) {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("projects.csv"), "project_id,name\nP1,One\n").expect("write");
        // outputs.csv: header on line 1, one line per generated entry.
        let mut text = String::from("project_id,date,measure,value\n");
        let mut good_sum = 0u64;
        let mut bad_lines = BTreeSet::new();
        let mut last_row_line = 1;
        for (i, l) in outputs.iter().enumerate() {
            let n = i + 2;
            match l {
                Line::Good(v) => { let _ = writeln!(text, "P1,2024-{:02}-{:02},Sessions,{v}", 4 + i / 28, 1 + i % 28); good_sum += u64::from(*v); last_row_line = n; }
                Line::BadNumber => { let _ = writeln!(text, "P1,2024-05-01,Sessions,12,5x"); bad_lines.insert(n as u32); last_row_line = n; }
                Line::BadDate => { let _ = writeln!(text, "P1,31/02/2024,Sessions,3"); bad_lines.insert(n as u32); last_row_line = n; }
                Line::Negative => { let _ = writeln!(text, "P1,2024-05-02,Sessions,-{}", i + 1); bad_lines.insert(n as u32); last_row_line = n; }
                Line::Blank => { text.push('\n'); }
            }
        }
        std::fs::write(dir.path().join("outputs.csv"), &text).expect("write");
        let mut story_text = String::from("project_id,story_id,text,spectrum\n");
        let mut bad_story_lines = BTreeSet::new();
        for (i, good) in stories.iter().enumerate() {
            if *good {
                let _ = writeln!(story_text, "P1,S{i},Story number {i},participation");
            } else {
                let _ = writeln!(story_text, "P1,S{i},Story number {i},sideways");
                bad_story_lines.insert((i + 2) as u32);
            }
        }
        std::fs::write(dir.path().join("stories.csv"), &story_text).expect("write");

        let checked = mwm::pipeline::read_and_check(&[dir.path().to_path_buf()], &LoadedConfig::default(), false, &mwm::pipeline::Quiet);
        prop_assert!(!checked.has_errors());
        let settings = FigureSettings { suppression: Suppression { min_cell: 1 }, quarters: Quarters::Financial, value: Default::default() };
        let figures = figures::compute(&checked.tables, settings).expect("figures");

        // Every good output value is in the ALL total; nothing else is.
        let all_total: f64 = figures.outputs.iter()
            .filter(|o| o.scope == Scope::All && o.period == Period::Total)
            .map(|o| o.value)
            .sum();
        prop_assert_eq!(all_total, good_sum as f64);
        // Every good story is counted; no bad one.
        let all_stories = figures.stories.iter().find(|s| s.scope == Some(Scope::All)).map_or(0, |s| s.stories);
        prop_assert_eq!(all_stories as usize, stories.iter().filter(|g| **g).count());

        // The excluded rows are exactly the bad lines, file by file.
        let excluded = |file: &str| -> BTreeSet<u32> {
            checked.problems.iter()
                .filter(|p| p.severity == Severity::Excluded && p.file.ends_with(file))
                .filter_map(|p| p.row)
                .collect()
        };
        prop_assert_eq!(excluded("outputs.csv"), bad_lines.clone());
        prop_assert_eq!(excluded("stories.csv"), bad_story_lines.clone());

        // The ledger: read = used + excluded + duplicates + blank, blank lines after the last row
        // are not rows read.
        let ledger = checked.ledger.iter().find(|t| t.file.ends_with("outputs.csv")).expect("outputs ledger");
        let good = outputs.iter().filter(|l| matches!(l, Line::Good(_))).count() as u64;
        let blank_inside = outputs.iter().enumerate()
            .filter(|(i, l)| matches!(l, Line::Blank) && i + 2 < last_row_line)
            .count() as u64;
        prop_assert_eq!(ledger.used, good);
        prop_assert_eq!(ledger.excluded, bad_lines.len() as u64);
        prop_assert_eq!(ledger.blank, blank_inside);
        prop_assert_eq!(ledger.read, ledger.used + ledger.excluded + ledger.duplicates + ledger.blank);
    }
}
