//! The config file (SPEC 2.5): `mwm.toml` in the first input folder, or `-c FILE`.

use crate::checking::compare_tables;
use crate::reading::read_with;
use crate::{check_json_args, crate_dir, problems, run, show_problems, tables, unbalanced};
use mwm::config::LoadedConfig;

/// bad_config/mwm.toml line 3 is `min_cel = 5` (a typo of `min_cell`): an error naming the key
/// and the line, in both formats, and the run stops.
#[test]
fn bad_config_names_key_and_line() {
    let (code, text, stderr) = run(&["check", "tests/fixtures/bad_config"]);
    assert_eq!(code, 1, "{text}\n{stderr}");
    let all = format!("{text}{stderr}");
    assert!(all.contains("min_cel") && all.contains("line 3"), "{all}");

    let (code, json) = check_json_args(&["check", "tests/fixtures/bad_config", "--format", "json"]);
    assert_eq!(code, 1);
    let errors: Vec<_> = problems(&json)
        .iter()
        .filter(|p| p["severity"] == "error")
        .collect();
    assert_eq!(errors.len(), 1, "{}", show_problems(&json));
    let message = errors[0]["message"].as_str().unwrap_or("");
    assert!(
        message.contains("min_cel") && message.contains("line 3"),
        "{message}"
    );
}

/// config_map/mwm.toml: `[sheets] "export" = "outcomes"` and `[columns.outcomes]` mapping
/// Client Ref, Tool, When, Result, Scheme. export.csv lines 2-4 by hand: C-001 SWEMWBS
/// 2024-04-10 21 (→ 19.25), C-001 2024-09-10 24 (→ 21.54), C-002 2024-04-10 17 (→ 16.88,
/// SPEC 2.4 table), all P01.
#[test]
fn config_maps_sheet_and_columns() {
    let config = LoadedConfig::load(&crate_dir().join("tests/fixtures/config_map/mwm.toml"))
        .unwrap_or_else(|e| panic!("config_map/mwm.toml should load: {e}"));
    let c = read_with("tests/fixtures/config_map", &config);
    let t = &c.tables;
    let s = &t.scores;
    let mut rows: Vec<(String, String, String, i32, f64, f64)> = (0..s.project.len())
        .map(|i| {
            (
                t.project_ids[s.project[i] as usize].clone(),
                t.people.get(s.person[i]).to_string(),
                t.measures[s.measure[i] as usize].name.clone(),
                s.date[i],
                s.raw[i],
                t.measures[s.measure[i] as usize].analysed_score(s.raw[i]),
            )
        })
        .collect();
    rows.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    let row = |person: &str, date: i32, raw: f64, score: f64| {
        (
            "P01".to_string(),
            person.to_string(),
            "SWEMWBS".to_string(),
            date,
            raw,
            score,
        )
    };
    // 2024-04-10 = day 19823, 2024-09-10 = day 19976 (Python date arithmetic).
    assert_eq!(
        rows,
        [
            row("C-001", 19823, 21.0, 19.25),
            row("C-001", 19976, 24.0, 21.54),
            row("C-002", 19823, 17.0, 16.88),
        ]
    );
}

/// `-c FILE` works when the inputs are files (so no folder's mwm.toml is found); without it,
/// export.csv names no table and is skipped.
#[test]
fn explicit_config_file_is_used() {
    let args = [
        "check",
        "tests/fixtures/config_map/export.csv",
        "tests/fixtures/config_map/projects.csv",
        "--format",
        "json",
    ];
    let mut with_c = args.to_vec();
    with_c.extend(["-c", "tests/fixtures/config_map/mwm.toml"]);
    let (code, json) = check_json_args(&with_c);
    assert_eq!(code, 0, "{}", show_problems(&json));
    let differences = compare_tables(
        &json,
        &[
            ("config_map/export.csv", "-", "outcomes", 3, 3, 0, 0, 0),
            ("config_map/projects.csv", "-", "projects", 1, 1, 0, 0, 0),
        ],
    );
    assert!(
        differences.is_empty(),
        "{differences:?}\n{}",
        show_problems(&json)
    );

    let (code, json) = check_json_args(&args);
    assert_eq!(code, 0, "{}", show_problems(&json));
    assert!(
        !tables(&json).iter().any(|t| t["table"] == "outcomes"),
        "without -c, export.csv is not an outcomes table:\n{}",
        show_problems(&json)
    );
    assert!(
        problems(&json)
            .iter()
            .any(|p| p["severity"] == "warning"
                && p["file"] == "tests/fixtures/config_map/export.csv"),
        "without -c, export.csv is skipped and listed:\n{}",
        show_problems(&json)
    );
}

/// `-c FILE` wins over the folder's mwm.toml: bad_config's own (broken) file is not read.
/// bad_config's data is valid: projects P01, outputs one row.
#[test]
fn explicit_config_wins_over_the_folder_config() {
    let (code, json) = check_json_args(&[
        "check",
        "tests/fixtures/bad_config",
        "-c",
        "tests/fixtures/config_map/mwm.toml",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{}", show_problems(&json));
    let differences = compare_tables(
        &json,
        &[
            ("bad_config/projects.csv", "-", "projects", 1, 1, 0, 0, 0),
            ("bad_config/outputs.csv", "-", "outputs", 1, 1, 0, 0, 0),
        ],
    );
    assert!(
        differences.is_empty(),
        "{differences:?}\n{}",
        show_problems(&json)
    );
    assert!(unbalanced(&json).is_empty());
}

/// A broken `-c` file stops any run; a missing one too.
#[test]
fn explicit_bad_or_missing_config_is_an_error() {
    let (code, json) = check_json_args(&[
        "check",
        "tests/fixtures/same/csv",
        "-c",
        "tests/fixtures/bad_config/mwm.toml",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1, "{}", show_problems(&json));
    assert!(
        problems(&json).iter().any(|p| p["severity"] == "error"
            && p["message"]
                .as_str()
                .is_some_and(|m| m.contains("min_cel") && m.contains("line 3"))),
        "{}",
        show_problems(&json)
    );

    let (code, json) = check_json_args(&[
        "check",
        "tests/fixtures/same/csv",
        "-c",
        "tests/fixtures/no-such-config.toml",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1, "{}", show_problems(&json));
    assert!(
        problems(&json)
            .iter()
            .any(|p| p["severity"] == "error" && p.to_string().contains("no-such-config.toml")),
        "the error names the missing file:\n{}",
        show_problems(&json)
    );
}
