//! The one pipeline every command runs: load the config → read → check → restrict to a
//! reporting period → figures → warnings. `check` stops after the checks when they found
//! errors; `summary`, `report` and the benches go on to the figures.
//!
//! Reading and checking happen once per run ([`Loaded`]); the figures step
//! ([`figures_for`]) takes the checked tables and a [`Period`] and leaves them untouched, so
//! it can run for a second period over the same checked inputs (SPEC 4.11). Nothing here
//! prints: progress goes through [`Progress`] and failures come back as [`Error`]s.

use crate::check::{self, Checked, PeriodLeftOut};
use crate::config::{ConfigError, LoadedConfig};
use crate::error::Error;
use crate::figures::{self, FigureSettings, Figures};
use crate::ingest;
use crate::model::Tables;
use crate::problems::Problem;
use std::path::{Path, PathBuf};

/// What a run reads, and how.
pub struct Request<'a> {
    /// The paths as given; `data/` when none are.
    pub paths: Vec<PathBuf>,
    /// `--config FILE`.
    pub config_file: Option<&'a Path>,
    /// `--strict`: row problems are errors.
    pub strict: bool,
}

impl<'a> Request<'a> {
    pub fn new(paths: &[PathBuf], config_file: Option<&'a Path>, strict: bool) -> Request<'a> {
        Request {
            paths: input_paths(paths),
            config_file,
            strict,
        }
    }
}

/// The input paths, `data/` when none are given (SPEC 6).
pub fn input_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("data")]
    } else {
        paths.to_vec()
    }
}

/// What a long step tells the face, which may draw a progress bar with it.
pub trait Progress: Sync {
    /// How many files will be read.
    fn files(&self, _count: u64) {}
    /// One more file read.
    fn file_done(&self) {}
    /// A step ended (`read`, `check`, `figures`): for stage timings.
    fn step(&self, _name: &str) {}
}

/// No progress shown.
pub struct Quiet;

impl Progress for Quiet {}

/// The config in force: `--config FILE`, else `mwm.toml` in the first input folder, else the
/// defaults.
pub fn load_config(
    explicit: Option<&Path>,
    paths: &[PathBuf],
) -> Result<LoadedConfig, ConfigError> {
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

/// The inputs read and checked once: the config, the canonical tables, the ledger and every
/// problem found.
pub struct Loaded {
    pub config: LoadedConfig,
    pub checked: Checked,
}

impl Loaded {
    /// The run may go on to the figures only when the checks found no error.
    pub fn stop_on_errors(&self) -> Result<(), Error> {
        if self.checked.has_errors() {
            Err(Error::InputErrors(
                self.checked
                    .problems
                    .iter()
                    .filter(|p| p.severity == crate::problems::Severity::Error)
                    .count(),
            ))
        } else {
            Ok(())
        }
    }
}

/// Loads the config, then reads and checks the inputs (the first half of every command that
/// reads data). Only a config error stops it: problems in the inputs are in `checked`.
pub fn load(request: &Request, progress: &dyn Progress) -> Result<Loaded, Error> {
    let config = load_config(request.config_file, &request.paths)?;
    let checked = read_and_check(&request.paths, &config, request.strict, progress);
    Ok(Loaded { config, checked })
}

/// Reads and checks `paths` with `config`.
pub fn read_and_check(
    paths: &[PathBuf],
    config: &LoadedConfig,
    strict: bool,
    progress: &dyn Progress,
) -> Checked {
    let ingested = ingest::read_with_progress(paths, config, &|n| progress.files(n), &|| {
        progress.file_done()
    });
    progress.step("read");
    let mut checked = check::check(ingested, config);
    if strict {
        checked.make_strict();
    }
    progress.step("check");
    checked
}

/// A reporting period (`--from`, `--to`, `--year`): days since 1970-01-01, either end open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Period {
    pub from: Option<i32>,
    pub to: Option<i32>,
    /// How the period was named (`2024-25`), for pages; `None` for dates.
    pub year: Option<String>,
}

/// The periods of a run (SPEC 4.11, 6): the reporting period and a comparison period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Periods {
    pub current: Period,
    pub comparison: Option<Period>,
}

/// The days of a year as `--year` names it: `2024-25` is April 2024 to March 2025 (a
/// financial year), `2024` the calendar year.
pub fn year_period(text: &str) -> Result<Period, Error> {
    let t = text.trim();
    let bad = || {
        Error::Usage(format!(
            "\"{text}\" is not a year: write 2024-25 for April 2024 to March 2025, or 2024 for the calendar year"
        ))
    };
    let ymd = |y: i32, m: u32, d: u32| crate::format::days_from_ymd(y, m, d).ok_or_else(bad);
    let (from, to) = match t.split_once('-') {
        Some((first, second)) => {
            let y: i32 = first.parse().map_err(|_| bad())?;
            let next: i32 = second.parse().map_err(|_| bad())?;
            if first.len() != 4 || second.len() != 2 || next != (y + 1) % 100 {
                return Err(bad());
            }
            (ymd(y, 4, 1)?, ymd(y + 1, 3, 31)?)
        }
        None => {
            let y: i32 = t.parse().map_err(|_| bad())?;
            if t.len() != 4 {
                return Err(bad());
            }
            (ymd(y, 1, 1)?, ymd(y, 12, 31)?)
        }
    };
    Ok(Period {
        from: Some(from),
        to: Some(to),
        year: Some(t.to_string()),
    })
}

impl Periods {
    /// The periods the flags ask for; the combinations SPEC 6 forbids are usage errors.
    pub fn from_flags(
        from: Option<i32>,
        to: Option<i32>,
        year: Option<&str>,
        compare: (Option<&str>, Option<i32>, Option<i32>),
    ) -> Result<Periods, Error> {
        let usage = |m: &str| Err(Error::Usage(m.to_string()));
        let current = match year {
            Some(_) if from.is_some() || to.is_some() => {
                return usage(
                    "give the reporting period either as --year or as --from/--to, not both",
                );
            }
            Some(y) => year_period(y)?,
            None => Period::new(from, to)?,
        };
        let comparison = match compare {
            (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
                return usage(
                    "give the comparison period either as --compare-year or as --compare-from/--compare-to, not both",
                );
            }
            (Some(y), None, None) => Some(year_period(y)?),
            (None, Some(f), Some(t)) => Some(Period::new(Some(f), Some(t))?),
            (None, Some(_), None) | (None, None, Some(_)) => {
                return usage("a comparison period needs both --compare-from and --compare-to");
            }
            (None, None, None) => None,
        };
        if let Some(c) = &comparison {
            let (Some(cf), Some(ct)) = (c.from, c.to) else {
                return usage("a comparison period needs both ends");
            };
            let (Some(f), Some(t)) = (current.from, current.to) else {
                return usage(
                    "a comparison period needs a reporting period with both ends (--year, or --from and --to)",
                );
            };
            if cf <= t && f <= ct {
                return usage(
                    "the comparison period overlaps the reporting period: choose periods that do not share a day",
                );
            }
        }
        Ok(Periods {
            current,
            comparison,
        })
    }
}

impl Period {
    /// A period from its two ends; an end before its start is a usage error (SPEC 6).
    pub fn new(from: Option<i32>, to: Option<i32>) -> Result<Period, Error> {
        if let (Some(f), Some(t)) = (from, to)
            && t < f
        {
            return Err(Error::Usage(format!(
                "the period ends ({}) before it starts ({}): give --from before --to",
                crate::format::format_date(t),
                crate::format::format_date(f)
            )));
        }
        Ok(Period {
            from,
            to,
            year: None,
        })
    }

    /// The period as pages name it: its year as given, else its dates (ISO).
    pub fn label(&self) -> String {
        match (&self.year, self.from, self.to) {
            (Some(y), _, _) => y.clone(),
            (None, Some(f), Some(t)) => format!(
                "{} – {}",
                crate::format::format_date(f),
                crate::format::format_date(t)
            ),
            (None, Some(f), None) => format!("{} –", crate::format::format_date(f)),
            (None, None, Some(t)) => format!("– {}", crate::format::format_date(t)),
            (None, None, None) => String::new(),
        }
    }

    pub fn is_all_dates(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}

/// The figures of one period, computed from the checked inputs without changing them.
pub struct PeriodFigures {
    pub period: Period,
    /// The checked tables restricted to the period; `None` when the period is all dates and
    /// the checked tables are used as they are.
    restricted: Option<Tables>,
    /// Rows left out by the period, per table.
    pub left_out: PeriodLeftOut,
    pub figures: Figures,
    /// Warnings that need the figures (a measure with few paired people, SPEC 3.1).
    pub warnings: Vec<Problem>,
}

impl PeriodFigures {
    /// The tables these figures were computed from.
    pub fn tables<'a>(&'a self, checked: &'a Checked) -> &'a Tables {
        self.restricted.as_ref().unwrap_or(&checked.tables)
    }
}

/// Restricts the checked tables to `period` and computes every figure of SPEC 4.
pub fn figures_for(
    checked: &Checked,
    period: Period,
    settings: FigureSettings,
    progress: &dyn Progress,
) -> Result<PeriodFigures, Error> {
    let (restricted, left_out) = if period.is_all_dates() {
        (None, PeriodLeftOut::default())
    } else {
        let mut tables = checked.tables.clone();
        let left_out = check::restrict(&mut tables, period.from, period.to);
        (Some(tables), left_out)
    };
    let tables = restricted.as_ref().unwrap_or(&checked.tables);
    let figures = figures::compute(tables, settings)?;
    let warnings = check::indicative_warnings(tables, &figures.paired_by_measure);
    progress.step("figures");
    Ok(PeriodFigures {
        period,
        restricted,
        left_out,
        figures,
        warnings,
    })
}

/// The figure settings of a run: `min_cell` as given (command line over config), quarters
/// from the config.
pub fn figure_settings(config: &LoadedConfig, min_cell: Option<u32>) -> FigureSettings {
    FigureSettings {
        suppression: figures::Suppression {
            min_cell: min_cell.unwrap_or(config.config.report.min_cell),
        },
        quarters: config.config.report.quarters,
        value: config.config.value.clone(),
    }
}
