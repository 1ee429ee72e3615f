//! `mwm.toml` (SPEC 2.5): loading, validation and defaults.
//!
//! The file is optional; every key has a default. An unknown key, a wrong type or a value that
//! makes no sense is an error naming the key and its line, because a misspelt setting that is
//! silently ignored gives a report that looks right and is not.

use crate::model::{Languages, MeasureDef};
use crate::schema::name_key;
use crate::schema::{Field, Kind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The settings of a run, as read from the file (before command-line flags are applied).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub report: ReportConfig,
    /// `[columns.TABLE] "Their header" = "canonical_name"`.
    #[serde(default)]
    pub columns: BTreeMap<String, BTreeMap<String, Spanned<String>>>,
    /// `[sheets] "Their sheet" = "outcomes"`.
    #[serde(default)]
    pub sheets: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    /// `[[measures]]`: definitions with the columns of the measures table.
    pub measures: Vec<Spanned<MeasureDef>>,
    #[serde(default)]
    pub privacy: PrivacyConfig,
    /// `[value]`: how a change in life satisfaction is valued (SPEC 4.9).
    #[serde(default)]
    pub value: ValueConfig,
    /// `[[references]]`: reference means and worst bands to add or replace (SPEC 4.10).
    #[serde(default)]
    pub references: Vec<Spanned<ReferenceConfig>>,
}

/// `[value]` (SPEC 4.9): the Green Book's wellbeing values (2021) by default.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ValueConfig {
    /// Pounds per WELLBY (one point of life satisfaction for one person for one year).
    pub wellby_value: f64,
    pub wellby_low: f64,
    pub wellby_high: f64,
    /// The year the values are in the prices of.
    pub price_year: u32,
    /// How many years the change is taken to last.
    pub years: f64,
    /// The share of the change that would have happened anyway (0 to under 1).
    pub deadweight: f64,
    /// The share of the change owed to others (0 to under 1).
    pub attribution: f64,
}

impl Default for ValueConfig {
    fn default() -> Self {
        ValueConfig {
            wellby_value: 13000.0,
            wellby_low: 10000.0,
            wellby_high: 16000.0,
            price_year: 2019,
            years: 1.0,
            deadweight: 0.0,
            attribution: 0.0,
        }
    }
}

impl ValueConfig {
    /// years * (1 - deadweight) * (1 - attribution).
    pub fn adjustment(&self) -> f64 {
        self.years * (1.0 - self.deadweight) * (1.0 - self.attribution)
    }

    /// Whether deadweight or attribution are set: else the value is gross.
    pub fn is_gross(&self) -> bool {
        self.deadweight == 0.0 && self.attribution == 0.0
    }
}

/// A `[[references]]` entry (SPEC 4.10): a population mean and the bound of the worst band.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ReferenceConfig {
    pub measure: String,
    pub mean: Option<f64>,
    /// What the reference is ("UK adults, year ending March 2023").
    pub label: Option<String>,
    pub source: Option<String>,
    /// Scores below this are the worst band (a measure where higher is better).
    pub low_below: Option<f64>,
    /// Scores above this are the worst band (a measure where lower is better).
    pub high_above: Option<f64>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReportConfig {
    pub title: String,
    /// The title in Welsh, for Welsh pages.
    pub title_cy: Option<String>,
    pub organisation: Option<String>,
    pub min_cell: u32,
    pub lang: Languages,
    pub quarters: Quarters,
}

impl Default for ReportConfig {
    fn default() -> Self {
        ReportConfig {
            title: DEFAULT_TITLE.into(),
            title_cy: None,
            organisation: None,
            min_cell: 5,
            lang: Languages::EN,
            quarters: Quarters::Financial,
        }
    }
}

/// The title when none is set; Welsh pages then use the Welsh default.
pub const DEFAULT_TITLE: &str = "Measuring what matters";

/// How outputs are grouped into quarters (SPEC 4.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Quarters {
    #[default]
    Financial,
    Calendar,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PrivacyConfig {
    /// Names replaced by `[removed]` in quoted stories (SPEC 4.4). They are personal data, so
    /// wherever the config is written out (the manifest) only their number is: a report
    /// folder travels to funders, and the list would name the very people it protects.
    #[serde(
        default,
        rename(serialize = "names_count"),
        serialize_with = "count_only"
    )]
    pub names: Vec<String>,
}

fn count_only<S: serde::Serializer>(names: &[String], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u64(names.len() as u64)
}

/// The file `mwm init` writes: every key with its default and what it does.
pub const INIT_TOML: &str = r#"# mwm.toml: the settings of mwm (Measuring What Matters).
# Every key is optional and shows its default. mwm reads this file when it is in the first
# folder given (for example data/mwm.toml), or when named with -c FILE. A key mwm does not
# know is an error that names it and its line, so a typing mistake never goes unnoticed.

[report]
# The title of the portfolio page (index.html).
title = "Measuring what matters"
# The title on Welsh pages. When unset, Welsh pages use the Welsh default title if `title`
# is the default, and `title` otherwise.
# title_cy = "Mesur yr hyn sy'n bwysig"
# The organisation shown under the title.
# organisation = "Our organisation"
# Figures about fewer people than this are not shown: pages say "fewer than 5".
# At least 1; 1 turns suppression off. `--min-cell N` overrides it for one run.
min_cell = 5
# Language of the pages: "en", "cy" or "both" (Welsh pages at the top of the report folder,
# English ones in en/, each linked to its pair). `--lang` overrides it for one run.
lang = "en"
# Quarters for outputs: "financial" (April to March, 2024-25 Q1) or "calendar" (2024-Q3).
quarters = "financial"

# Your own column headers, mapped to mwm's names, one table at a time
# (projects, outputs, outcomes, measures, stories, audit or narrative). For example:
[columns.outcomes]
# "Client Ref" = "person_id"
# "Questionnaire" = "measure"

# Sheets or CSV files whose names do not say which table they are. For example:
[sheets]
# "Data 1" = "outcomes"

[privacy]
# Names removed from quoted stories, as well as e-mail addresses, UK phone numbers and
# postcodes, which are always removed. For example: names = ["Dai", "Siân Jones"]
names = []

# A measure your service uses (the same columns as a measures sheet). For example:
# [[measures]]
# measure = "Confidence"
# min = 1
# max = 10
# higher_is_better = true
# reliability = 0.8
# sd = 2.1
# mid = 2
# principles = ["enabling", "assets"]
# label_cy = "Hyder"
# source = "our own question"
# A measure can carry a social value: ls_per_point is the points of ONS life satisfaction one
# point of it is worth (it needs a source). ONS life satisfaction itself is 1.
# ls_per_point = 0.3

[value]
# Social value in WELLBYs (one point of life satisfaction for one person for one year), as
# the UK Treasury's Green Book wellbeing guidance (2021) values them, in 2019 prices.
wellby_value = 13000
wellby_low = 10000
wellby_high = 16000
price_year = 2019
# How many years a change is taken to last (values are not discounted).
years = 1
# The share of a change that would have happened anyway, and the share owed to others
# (0 to under 1). While both are 0, pages call the value gross.
deadweight = 0
attribution = 0

# A population's mean and worst band to set a measure's baseline beside. Built in: the ONS
# measures (UK means, year ending March 2023; ONS bands). An entry adds one or replaces it.
# [[references]]
# measure = "WEMWBS"
# mean = 49.0
# label = "adults in Wales, 2022-23"
# source = "National Survey for Wales"
# low_below = 41      # the worst band: scores below this (or high_above for lower is better)
"#;

/// A loaded config with where it came from, and the lookups built from it.
#[derive(Debug, Clone, Default)]
pub struct LoadedConfig {
    pub config: Config,
    /// The file it was read from; `None` for the defaults.
    pub path: Option<PathBuf>,
    /// The text of the file, to turn byte offsets into line numbers.
    source_text: String,
    /// `(table, header name key) → field`, from `[columns.TABLE]`.
    column_map: BTreeMap<(Kind, String), Field>,
    /// `sheet or file name key → table`, from `[sheets]`.
    sheet_map: BTreeMap<String, Kind>,
}

/// A config problem with its place: the file, the line and the key where known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    pub line: Option<u32>,
    pub key: Option<String>,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    /// `message` is said first on its own; the line is added to it, so it reads alone.
    fn new(file: &str, line: Option<u32>, key: Option<&str>, message: String) -> ConfigError {
        ConfigError {
            file: file.to_string(),
            line,
            key: key.map(str::to_string),
            message: match line {
                Some(line) => format!("line {line}: {message}"),
                None => message,
            },
        }
    }
}

/// The key a toml message names between backticks (`unknown field `min_cel``).
fn key_in(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let end = start + message[start..].find('`')?;
    Some(&message[start..end])
}

/// The dotted key whose value stands at byte `offset`: the key on that line, after the last
/// table header above it (`report.min_cell`, `measures.min`).
fn key_at(text: &str, offset: usize) -> Option<String> {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next()?;
    let key = line.split_once('=')?.0.trim().trim_matches('"');
    if key.is_empty() {
        return None;
    }
    let table = text[..start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .map(|l| l.trim_matches(['[', ']']).trim().to_string());
    Some(match table {
        Some(t) => format!("{t}.{key}"),
        None => key.to_string(),
    })
}

impl LoadedConfig {
    /// Reads and validates a config file.
    pub fn load(path: &Path) -> Result<LoadedConfig, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            ConfigError::new(
                &path.display().to_string(),
                None,
                None,
                format!("cannot read this config file: {e}"),
            )
        })?;
        Self::parse(&text, path)
    }

    /// Validates config text; `path` is only used in messages.
    pub fn parse(text: &str, path: &Path) -> Result<LoadedConfig, ConfigError> {
        let shown = path.display().to_string();
        let config: Config = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start));
            let message = e.message().replace("field", "key");
            // A wrong type names no key in toml's message: take it from the place.
            match key_in(&message)
                .map(str::to_string)
                .or_else(|| e.span().and_then(|s| key_at(text, s.start)))
            {
                Some(key) if !message.contains(&format!("`{key}`")) => {
                    ConfigError::new(&shown, line, Some(&key), format!("{key}: {message}"))
                }
                key => ConfigError::new(&shown, line, key.as_deref(), message.clone()),
            }
        })?;
        let mut loaded = LoadedConfig {
            config,
            path: Some(path.to_path_buf()),
            source_text: text.to_string(),
            ..Default::default()
        };
        loaded.validate()?;
        Ok(loaded)
    }

    fn error_at(&self, span: std::ops::Range<usize>, key: &str, message: String) -> ConfigError {
        ConfigError::new(
            &self.shown_path(),
            Some(line_of(&self.source_text, span.start)),
            Some(key),
            message,
        )
    }

    fn validate(&mut self) -> Result<(), ConfigError> {
        let v = &self.config.value;
        let value_error = |key: &str, message: &str| {
            ConfigError::new(
                &self.shown_path(),
                None,
                Some(key),
                format!("[value] {key} {message}"),
            )
        };
        let ordered = v.wellby_low > 0.0
            && v.wellby_low <= v.wellby_value
            && v.wellby_value <= v.wellby_high
            && v.wellby_high.is_finite();
        if !ordered {
            return Err(value_error(
                "wellby_value",
                "must lie within wellby_low and wellby_high, all above 0 (0 < wellby_low <= wellby_value <= wellby_high)",
            ));
        }
        if !(v.years.is_finite() && v.years > 0.0) {
            return Err(value_error("years", "must be above 0"));
        }
        for (key, share) in [("deadweight", v.deadweight), ("attribution", v.attribution)] {
            if !(0.0..1.0).contains(&share) {
                return Err(value_error(key, "must be a share from 0 to under 1"));
            }
        }
        for r in &self.config.references {
            let entry = r.get_ref();
            let bad = [entry.mean, entry.low_below, entry.high_above]
                .into_iter()
                .flatten()
                .any(|x| !x.is_finite());
            if bad || (entry.low_below.is_some() && entry.high_above.is_some()) {
                return Err(self.error_at(
                    r.span(),
                    "references",
                    format!(
                        "[[references]] \"{}\": numbers must be finite, and the worst band is low_below or high_above, not both",
                        entry.measure
                    ),
                ));
            }
        }
        if self.config.report.min_cell < 1 {
            return Err(ConfigError::new(
                &self.shown_path(),
                None,
                Some("min_cell"),
                "[report] min_cell must be at least 1 (1 turns suppression off)".into(),
            ));
        }
        let mut column_map = BTreeMap::new();
        for (table, headers) in &self.config.columns {
            let kind = Kind::parse(table).ok_or_else(|| {
                ConfigError::new(
                    &self.shown_path(),
                    None,
                    Some(table),
                    format!("[columns.{table}] is not a table: use projects, outputs, outcomes, measures, stories, audit or narrative"),
                )
            })?;
            for (header, target) in headers {
                let field = kind
                    .fields()
                    .iter()
                    .find(|f| name_key(f.field.name()) == name_key(target.get_ref()))
                    .map(|f| f.field)
                    .ok_or_else(|| {
                        let names: Vec<&str> =
                            kind.fields().iter().map(|f| f.field.name()).collect();
                        self.error_at(
                            target.span(),
                            header,
                            format!(
                                "[columns.{table}] \"{header}\" = \"{}\": {} has no column \"{}\" (its columns are {})",
                                target.get_ref(),
                                kind.name(),
                                target.get_ref(),
                                names.join(", ")
                            ),
                        )
                    })?;
                column_map.insert((kind, name_key(header)), field);
            }
        }
        let mut sheet_map = BTreeMap::new();
        for (sheet, target) in &self.config.sheets {
            let kind = Kind::parse(target.get_ref()).ok_or_else(|| {
                self.error_at(
                    target.span(),
                    sheet,
                    format!(
                        "[sheets] \"{sheet}\" = \"{}\" is not a table: use projects, outputs, outcomes, measures, stories, audit or narrative",
                        target.get_ref()
                    ),
                )
            })?;
            sheet_map.insert(name_key(sheet), kind);
        }
        self.column_map = column_map;
        self.sheet_map = sheet_map;
        Ok(())
    }

    fn shown_path(&self) -> String {
        self.path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "mwm.toml".into())
    }

    /// The table config names for a sheet or file, if any.
    pub fn sheet_kind(&self, names: &[&str]) -> Option<Kind> {
        names
            .iter()
            .find_map(|n| self.sheet_map.get(&name_key(n)).copied())
    }

    /// The field config maps a header to, in a table.
    pub fn mapped_column(&self, kind: Kind, header: &str) -> Option<Field> {
        self.column_map.get(&(kind, name_key(header))).copied()
    }

    /// The line on which a `[[measures]]` entry starts.
    pub fn line_of_span(&self, span: std::ops::Range<usize>) -> u32 {
        line_of(&self.source_text, span.start)
    }
}

/// 1-based line number of a byte offset.
fn line_of(text: &str, offset: usize) -> u32 {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u32
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_names_key_and_line() {
        let text = "[report]\ntitle = \"x\"\nmin_cel = 5\n";
        let err = LoadedConfig::parse(text, Path::new("mwm.toml")).unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        assert_eq!(err.key.as_deref(), Some("min_cel"), "{err}");
        assert!(
            err.to_string()
                .starts_with("mwm.toml: line 3: unknown key `min_cel`"),
            "{err}"
        );
    }

    #[test]
    fn init_file_is_the_defaults() {
        let c = LoadedConfig::parse(INIT_TOML, Path::new("mwm.toml")).unwrap();
        let d = ReportConfig::default();
        assert_eq!(c.config.report.title, d.title);
        assert_eq!(c.config.report.min_cell, 5);
        assert_eq!(c.config.report.lang, Languages::EN);
        assert_eq!(c.config.report.quarters, Quarters::Financial);
        assert!(c.config.measures.is_empty() && c.config.privacy.names.is_empty());
        // Every key of [report] is in the file.
        for key in [
            "title",
            "title_cy",
            "organisation",
            "min_cell",
            "lang",
            "quarters",
        ] {
            assert!(INIT_TOML.contains(&format!("{key} =")), "{key}");
        }
        // The commented examples are valid too: each runs from its table header to the next
        // blank line; prose lines (no `=`) are left out.
        let example = |header: &str| -> String {
            INIT_TOML
                .lines()
                .skip_while(|l| !l.starts_with(header))
                .take_while(|l| !l.trim().is_empty())
                .map(|l| l.trim_start_matches("# "))
                .filter(|l| l.starts_with("[[") || l.contains(" = "))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let c = LoadedConfig::parse(&example("# [[measures]]"), Path::new("m.toml")).unwrap();
        assert_eq!(c.config.measures.len(), 1);
        assert_eq!(c.config.measures[0].get_ref().ls_per_point, Some(0.3));
        let c = LoadedConfig::parse(&example("# [[references]]"), Path::new("m.toml")).unwrap();
        assert_eq!(c.config.references[0].get_ref().low_below, Some(41.0));
        // [value] is in the file with its defaults.
        assert_eq!(c.config.value, ValueConfig::default());
        let d = LoadedConfig::parse(INIT_TOML, Path::new("mwm.toml")).unwrap();
        assert_eq!(d.config.value, ValueConfig::default());
    }

    #[test]
    fn columns_and_sheets_map() {
        let text = "[sheets]\n\"Data 1\" = \"outcomes\"\n[columns.outcomes]\n\"Client Ref\" = \"person_id\"\n";
        let c = LoadedConfig::parse(text, Path::new("mwm.toml")).unwrap();
        assert_eq!(c.sheet_kind(&["data_1"]), Some(Kind::Outcomes));
        assert_eq!(
            c.mapped_column(Kind::Outcomes, "client-ref"),
            Some(Field::PersonId)
        );
    }

    #[test]
    fn bad_column_target_names_line() {
        let text = "[columns.outcomes]\n\"Client Ref\" = \"persn\"\n";
        let err = LoadedConfig::parse(text, Path::new("c.toml")).unwrap_err();
        assert!(err.to_string().starts_with("c.toml: line 2:"), "{err}");
        assert_eq!(err.key.as_deref(), Some("Client Ref"));
    }
}

#[cfg(test)]
mod value_tests {
    use super::*;

    /// SPEC 4.9: 0 < wellby_low <= wellby_value <= wellby_high, years > 0, shares in [0, 1).
    #[test]
    fn value_settings_are_checked() {
        let parse = |text: &str| LoadedConfig::parse(text, Path::new("mwm.toml"));
        assert!(
            parse("[value]\nwellby_low = 14000\n").is_err(),
            "low above value"
        );
        assert!(
            parse("[value]\nwellby_high = 12000\n").is_err(),
            "high below value"
        );
        assert!(parse("[value]\nyears = 0\n").is_err());
        assert!(parse("[value]\ndeadweight = 1\n").is_err());
        assert!(parse("[value]\nattribution = -0.1\n").is_err());
        assert!(parse("[[references]]\nmeasure = \"X\"\nlow_below = 3\nhigh_above = 5\n").is_err());
        let ok = parse("[value]\nyears = 2\ndeadweight = 0.2\nattribution = 0.5\n").expect("valid");
        // adj = 2 * (1 - 0.2) * (1 - 0.5) = 0.8, by hand.
        assert!((ok.config.value.adjustment() - 0.8).abs() < 1e-12);
        assert!(!ok.config.value.is_gross());
    }
}
