//! `manifest.json` (SPEC 5.4): what produced the report folder: program version, run time
//! (`SOURCE_DATE_EPOCH` wins, so two runs can be byte-identical), the settings in force, every
//! input with its SHA-256, the row ledger per table and source, the sem used per measure,
//! rows left out by the reporting period, and the warnings.

use crate::check::{Checked, PeriodLeftOut};
use crate::config::Config;
use crate::figures::{Figures, MeasureSem};
use crate::ingest::InputFile;
use crate::problems::{Severity, TableLedger};
use serde::Serialize;

#[derive(Serialize)]
struct Manifest<'a> {
    program: &'static str,
    version: &'static str,
    generated_at: String,
    settings: &'a Settings,
    config: &'a Config,
    inputs: &'a [InputFile],
    tables: &'a [TableLedger],
    left_out_by_period: &'a PeriodLeftOut,
    min_cell: u32,
    /// Figures hidden by disclosure control, counted by rule (SPEC 4.8), never which person.
    hidden_by_disclosure: &'a crate::figures::disclosure::Hidden,
    measures: &'a [MeasureSem],
    /// The comparison period's own accounting (SPEC 4.11), when one was asked for: its rows
    /// left out by period, its hidden figures by rule and its sem per measure.
    #[serde(skip_serializing_if = "Option::is_none")]
    comparison: Option<ComparisonPart<'a>>,
    warnings: Vec<String>,
}

#[derive(Serialize)]
struct ComparisonPart<'a> {
    from: Option<&'a str>,
    to: Option<&'a str>,
    left_out_by_period: &'a PeriodLeftOut,
    hidden_by_disclosure: &'a crate::figures::disclosure::Hidden,
    measures: &'a [MeasureSem],
}

/// The comparison period's figures, for the manifest.
pub struct ComparisonFigures<'a> {
    pub figures: &'a Figures,
    pub left_out: &'a PeriodLeftOut,
}

/// The settings a run used after the config and the command line were merged.
#[derive(Debug, Clone, Serialize)]
pub struct Settings {
    pub min_cell: u32,
    pub lang: crate::model::Languages,
    pub quarters: crate::config::Quarters,
    pub from: Option<String>,
    pub to: Option<String>,
    /// The comparison period (SPEC 4.11), when one was asked for.
    pub compare_from: Option<String>,
    pub compare_to: Option<String>,
    pub config_file: Option<String>,
}

/// The time of the run in seconds since 1970: `SOURCE_DATE_EPOCH` when set, else now.
pub fn run_seconds() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0)
        })
}

/// The time of the run as ISO 8601 UTC: `SOURCE_DATE_EPOCH` when set, else now.
pub fn run_time() -> String {
    let seconds = run_seconds();
    chrono::DateTime::from_timestamp(seconds, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into())
}

/// The manifest's JSON text.
pub fn manifest_json(
    checked: &Checked,
    figures: &Figures,
    left_out: &PeriodLeftOut,
    settings: &Settings,
    config: &Config,
    generated_at: String,
    comparison: Option<ComparisonFigures<'_>>,
) -> String {
    let manifest = Manifest {
        program: "mwm",
        version: env!("CARGO_PKG_VERSION"),
        generated_at,
        settings,
        config,
        inputs: &checked.inputs,
        tables: &checked.ledger,
        left_out_by_period: left_out,
        min_cell: settings.min_cell,
        hidden_by_disclosure: &figures.hidden,
        measures: &figures.sems,
        comparison: comparison.map(|c| ComparisonPart {
            from: settings.compare_from.as_deref(),
            to: settings.compare_to.as_deref(),
            left_out_by_period: c.left_out,
            hidden_by_disclosure: &c.figures.hidden,
            measures: &c.figures.sems,
        }),
        warnings: checked
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
            .map(|p| p.line())
            .collect(),
    };
    serde_json::to_string_pretty(&manifest).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
        + "\n"
}
