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
    /// Names replaced by `[removed]` in quoted stories (SPEC 4.4).
    #[serde(default)]
    pub names: Vec<String>,
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
# (projects, outputs, outcomes, measures, stories or audit). For example:
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
                    format!("[columns.{table}] is not a table: use projects, outputs, outcomes, measures, stories or audit"),
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
                        "[sheets] \"{sheet}\" = \"{}\" is not a table: use projects, outputs, outcomes, measures, stories or audit",
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
        // The commented measure example is valid too.
        let example: String = INIT_TOML
            .lines()
            .skip_while(|l| !l.starts_with("# [[measures]]"))
            .map(|l| l.trim_start_matches("# "))
            .collect::<Vec<_>>()
            .join("\n");
        let c = LoadedConfig::parse(&example, Path::new("m.toml")).unwrap();
        assert_eq!(c.config.measures.len(), 1);
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
