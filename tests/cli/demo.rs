//! `mwm demo-data` (SPEC 6): deterministic per seed, and data that `mwm check` uses in full.

use crate::run;
use std::fs;

fn demo(dir: &std::path::Path, seed: &str, format: &str) {
    let out = dir.display().to_string();
    let (code, _, stderr) = run(&[
        "demo-data",
        "-o",
        &out,
        "--projects",
        "4",
        "--people",
        "12",
        "--seed",
        seed,
        "--format",
        format,
    ]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn the_same_seed_gives_the_same_files() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (a, b, c) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("c"),
    );
    demo(&a, "9", "csv");
    demo(&b, "9", "csv");
    demo(&c, "10", "csv");
    for table in [
        "projects", "measures", "outputs", "outcomes", "stories", "audit",
    ] {
        let name = format!("{table}.csv");
        assert_eq!(
            fs::read(a.join(&name)).ok(),
            fs::read(b.join(&name)).ok(),
            "{name}"
        );
    }
    assert_ne!(
        fs::read(a.join("outcomes.csv")).ok(),
        fs::read(c.join("outcomes.csv")).ok()
    );
}

/// 4 projects × 12 people: outputs 5 measures × 24 months = 120 rows a project (480), audit
/// 5 principles × 3 items × 2 dates = 30 a project (120), stories max(12 / 4, 5) = 5 a project
/// (20); every row is used.
#[test]
fn demo_data_passes_check_in_both_formats() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for format in ["csv", "xlsx"] {
        let dir = tmp.path().join(format);
        demo(&dir, "3", format);
        let (code, json) = crate::check_json(&dir.display().to_string());
        assert_eq!(code, 0, "{}", crate::show_problems(&json));
        let total = |table: &str, key: &str| -> u64 {
            crate::tables(&json)
                .iter()
                .filter(|t| t["table"] == table)
                .map(|t| crate::num(t, key))
                .sum()
        };
        assert_eq!(total("outputs", "used"), 480, "{format}");
        assert_eq!(total("audit", "used"), 120, "{format}");
        assert_eq!(total("stories", "used"), 20, "{format}");
        for table in ["outputs", "outcomes", "stories", "audit"] {
            assert_eq!(total(table, "excluded"), 0, "{format} {table}");
        }
    }
}

/// A folder that already holds a file demo-data would write (perhaps real data) is left as it
/// is: nothing is written, exit 3, and the message names the file.
#[test]
fn existing_files_are_never_replaced() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for (format, name) in [("csv", "outcomes.csv"), ("xlsx", "project-0002.xlsx")] {
        let dir = tmp.path().join(format);
        fs::create_dir(&dir).expect("mkdir");
        fs::write(dir.join(name), "precious").expect("write");
        let out = dir.display().to_string();
        let (code, _, stderr) = run(&[
            "demo-data",
            "-o",
            &out,
            "--projects",
            "3",
            "--format",
            format,
        ]);
        assert_eq!(code, 3, "{stderr}");
        assert!(
            stderr.contains(name) && stderr.contains("already exists"),
            "{stderr}"
        );
        assert_eq!(
            fs::read_to_string(dir.join(name)).expect("read"),
            "precious"
        );
        assert_eq!(
            fs::read_dir(&dir).expect("list").count(),
            1,
            "{format}: wrote files"
        );
    }
}
