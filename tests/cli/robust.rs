//! SPEC 7: bad input of any kind ends in listed errors or exclusions, never in a panic or a lost
//! row; SPEC 2.1: inputs are never changed; SPEC 6: PATH defaults to `data/`.

use crate::{
    FIXTURES, Rng, check_json_args, crate_dir, problems, run, run_in, show_problems, tables, tree,
    unbalanced,
};
use std::path::PathBuf;

fn random_bytes(rng: &mut Rng, max_len: usize) -> Vec<u8> {
    let len = rng.index(max_len + 1);
    (0..len).map(|_| rng.next_u64() as u8).collect()
}

/// A real file cut short at a random length.
fn truncated(rng: &mut Rng, real: &[u8]) -> Vec<u8> {
    real[..rng.index(real.len())].to_vec()
}

/// A real file with 1 to 20 random bytes overwritten.
fn mutated(rng: &mut Rng, real: &[u8]) -> Vec<u8> {
    let mut bytes = real.to_vec();
    for _ in 0..1 + rng.index(20) {
        let i = rng.index(bytes.len());
        bytes[i] = rng.next_u64() as u8;
    }
    bytes
}

/// Text that looks like CSV: real headers and values mixed with quotes, separators, NULs,
/// stray CRs, a BOM, invalid UTF-8, huge and odd numbers, formula text.
fn csv_ish(rng: &mut Rng) -> Vec<u8> {
    const HEADERS: &[&str] = &[
        "project_id,person_id,measure,date,score",
        "project_id;person_id;measure;date;score",
        "project_id,date,measure,value,principles,notes",
        "project_id,story_id,text,achieved,principles,spectrum,consent,teller,language",
        "project_id,date,principle,item,score",
        "\u{feff}project_id,name,budget,novelty",
        "",
    ];
    const TOKENS: &[&[u8]] = &[
        b"P01",
        b"P02",
        b"101",
        b"W-01",
        b"SWEMWBS",
        b"ONS anxiety",
        b"Confidence scale",
        b"2024-04-10",
        b"31/02/2024",
        b"5/3/24",
        b"2024-13",
        b"45000",
        b"21",
        b"20.5",
        b"-3",
        b"1,234",
        b"12,5",
        b"\xc2\xa31,200.50",
        b"1e308",
        b"NaN",
        b"inf",
        b"-0",
        b"99999999999999999999999",
        b"assets",
        b"Rhwydweithiau",
        b"co-production",
        b"yes",
        b"ie",
        b"\"",
        b"\"\"",
        b"\"a,b\"",
        b"\"line\nbreak\"",
        b",",
        b";",
        b"\t",
        b"\0",
        b"\r",
        b"\n",
        b"\r\n",
        b"\xef\xbb\xbf",
        b"\xff",
        b"\xc3",
        b"\xe2\x82",
        b"\xed\xa0\x80",
        b"caf\xe9",
        b"=HYPERLINK(\"x\")",
        b"<script>",
        b"   ",
        b"",
        b"\xe2\x80\xa6",
    ];
    let mut out: Vec<u8> = HEADERS[rng.index(HEADERS.len())].as_bytes().to_vec();
    out.push(b'\n');
    for _ in 0..rng.index(40) {
        for field in 0..rng.index(10) {
            if field > 0 {
                out.push(if rng.chance(80) { b',' } else { b';' });
            }
            for _ in 0..1 + rng.index(2) {
                out.extend_from_slice(TOKENS[rng.index(TOKENS.len())]);
            }
            if rng.chance(2) {
                out.extend(std::iter::repeat_n(b'x', 20_000));
            }
        }
        if rng.chance(90) {
            out.extend_from_slice(if rng.chance(70) { b"\n" } else { b"\r\n" });
        }
    }
    out
}

fn fixture_bytes(path: &str) -> Vec<u8> {
    std::fs::read(crate_dir().join(FIXTURES).join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// 40 seeds, each writing four junk inputs (random bytes, truncated or damaged copies of the
/// real fixture workbooks, CSV-ish text) and running `mwm check` on them: exit 0 or 1 (101 is a
/// Rust panic, -1 a signal such as an abort), no "panicked" on stderr, JSON on stdout and a
/// balanced ledger. A failing seed's folder is kept and named in the message.
#[test]
fn junk_input_never_panics() {
    let xlsx = fixture_bytes("same/xlsx/book.xlsx");
    let ods = fixture_bytes("same/ods/book.ods");
    let xls = fixture_bytes("same/xls/book.xls");
    let csv = fixture_bytes("every_problem/outcomes.csv");
    let reals: [&[u8]; 4] = [&xlsx, &ods, &xls, &csv];
    let mut failures = Vec::new();
    for seed in 0..40u64 {
        let mut rng = Rng::new(seed);
        let dir = tempfile::tempdir().expect("temp dir");
        // (file name, the real file of its own format)
        let files: [(&str, &[u8]); 4] = [
            ("outcomes.csv", &csv),
            ("outputs.xlsx", &xlsx),
            ("stories.ods", &ods),
            ("audit.xls", &xls),
        ];
        for (name, own) in files {
            let bytes = match rng.index(6) {
                0 => random_bytes(&mut rng, 4096),
                1 => csv_ish(&mut rng),
                2 | 3 => truncated(&mut rng, own),
                4 => mutated(&mut rng, own),
                // Another format's bytes under this name (an .ods renamed .xls, …).
                _ => {
                    let other = reals[rng.index(reals.len())];
                    if rng.chance(50) {
                        other.to_vec()
                    } else {
                        mutated(&mut rng, other)
                    }
                }
            };
            // The CSV gets CSV-ish text most often.
            let bytes = if name.ends_with(".csv") && rng.chance(50) {
                csv_ish(&mut rng)
            } else {
                bytes
            };
            std::fs::write(dir.path().join(name), bytes).expect("write junk");
        }
        let path = dir.path().to_str().expect("UTF-8 temp path").to_string();
        let mut problems_here = Vec::new();
        let (code, stdout, stderr) = run(&["check", &path, "--format", "json"]);
        if !(code == 0 || code == 1) || stderr.contains("panicked") {
            problems_here.push(format!("exit {code}, stderr: {stderr}"));
        } else {
            match serde_json::from_str::<serde_json::Value>(&stdout) {
                Err(e) => problems_here.push(format!("stdout is not JSON ({e})")),
                Ok(json) => problems_here.extend(unbalanced(&json)),
            }
        }
        if seed % 4 == 0 {
            let (code, _, stderr) = run(&["check", &path, "--strict"]);
            if !(code == 0 || code == 1) || stderr.contains("panicked") {
                problems_here.push(format!("text --strict: exit {code}, stderr: {stderr}"));
            }
        }
        if !problems_here.is_empty() {
            let kept: PathBuf = dir.keep();
            failures.push(format!(
                "seed {seed} (files kept in {}): {}",
                kept.display(),
                problems_here.join("; ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// SPEC 2.1: inputs are opened read-only and never changed. Every byte of every fixture file,
/// and the list of files, is the same after checking the whole tree in every mode.
#[test]
fn inputs_are_never_modified() {
    let root = crate_dir().join(FIXTURES);
    let before = tree(&root);
    assert!(
        before.len() > 40,
        "expected the whole fixture tree, found {} files",
        before.len()
    );
    for args in [
        &["check", FIXTURES][..],
        &["check", FIXTURES, "--format", "json"][..],
        &["check", FIXTURES, "--strict"][..],
    ] {
        let (code, stdout, stderr) = run(args);
        assert!(
            code == 0 || code == 1,
            "mwm {args:?}: exit {code}\n{stdout}\n{stderr}"
        );
    }
    let after = tree(&root);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "files were added or removed under tests/fixtures"
    );
    for (path, bytes) in &before {
        assert!(after[path] == *bytes, "{path} was changed");
    }
}

/// With no path, `mwm check` reads `data/` in the current dir; without one it says so.
#[test]
fn no_path_without_data_folder_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (code, stdout, stderr) = run_in(dir.path(), &["check"]);
    assert_eq!(code, 1, "{stdout}\n{stderr}");
    assert!(
        format!("{stdout}{stderr}").contains("data"),
        "the message should name the missing data folder:\n{stdout}\n{stderr}"
    );
}

/// The shipped sample in `data/` passes: exit 0, no structural error, every ledger balances.
#[test]
fn shipped_data_folder_passes() {
    let (code, stdout, stderr) = run(&["check"]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let (code, json) = check_json_args(&["check", "--format", "json"]);
    assert_eq!(code, 0);
    assert!(
        !problems(&json).iter().any(|p| p["severity"] == "error"),
        "{}",
        show_problems(&json)
    );
    assert!(!tables(&json).is_empty(), "data/ holds tables");
    assert!(
        tables(&json)
            .iter()
            .all(|t| t["file"].as_str().is_some_and(|f| f.starts_with("data/"))),
        "every table comes from data/:\n{}",
        show_problems(&json)
    );
    assert!(unbalanced(&json).is_empty(), "{}", show_problems(&json));
}
