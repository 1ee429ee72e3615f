//! The commands: each loads the config, runs the steps it needs and says what the exit code
//! is. Printing happens here and in `main`, nowhere deeper.

use crate::check::{self, Checked};
use crate::cli::{CheckArgs, CheckFormat};
use crate::config::{ConfigError, LoadedConfig};
use crate::ingest;
use crate::problems::{self, Problem, Severity};
use std::path::{Path, PathBuf};

/// Exit codes of SPEC 6.
pub mod exit {
    pub const OK: u8 = 0;
    pub const INPUT: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const OUTPUT: u8 = 3;
}

/// The input paths, `data/` when none are given.
pub fn input_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("data")]
    } else {
        paths.to_vec()
    }
}

/// `--config FILE`, else `mwm.toml` in the first input folder, else the defaults.
pub fn load_config(explicit: Option<&Path>, paths: &[PathBuf]) -> Result<LoadedConfig, ConfigError> {
    if let Some(file) = explicit {
        return LoadedConfig::load(file);
    }
    if let Some(first) = paths.first().filter(|p| p.is_dir()) {
        let candidate = first.join("mwm.toml");
        if candidate.is_file() {
            return LoadedConfig::load(&candidate);
        }
    }
    Ok(LoadedConfig::default())
}

/// Reads and checks the inputs: the shared first half of every command that reads data.
pub fn read_and_check(paths: &[PathBuf], config: &LoadedConfig, strict: bool) -> Checked {
    let ingested = ingest::read(paths, config);
    let mut checked = check::check(ingested, config);
    if strict {
        checked.make_strict();
    }
    checked
}

/// `mwm check`.
pub fn check(args: &CheckArgs) -> u8 {
    let paths = input_paths(&args.paths);
    let (problems, tables) = match load_config(args.config.as_deref(), &paths) {
        Ok(config) => {
            let checked = read_and_check(&paths, &config, args.strict);
            (checked.problems, checked.ledger)
        }
        Err(e) => (vec![config_problem(&e)], Vec::new()),
    };
    let text = match args.format {
        CheckFormat::Json => problems::to_json(&problems, &tables) + "\n",
        CheckFormat::Text => problems::to_text(&problems, &tables),
    };
    print!("{text}");
    if problems.iter().any(|p| p.severity == Severity::Error) {
        exit::INPUT
    } else {
        exit::OK
    }
}

fn config_problem(e: &ConfigError) -> Problem {
    Problem::file(Severity::Error, "", e.to_string())
}
