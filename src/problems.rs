//! Problems found in the inputs and the row ledger (SPEC 3): what every step reports, with the
//! place as the user sees it (file › sheet › row › column (cell)), and the two ways `mwm check`
//! prints them (text for people, JSON for programs).

use crate::schema::Kind;
use serde::Serialize;

/// The value of a problem in a story told without consent (SPEC 4.4): none of its cells is
/// ever shown, not even in a message about it.
pub const WITHHELD: &str = "[withheld: no consent]";
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// How serious a problem is (SPEC 3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Structural: the run stops with exit code 1.
    Error,
    /// Row problem: the row is left out and listed; `--strict` makes it an error.
    Excluded,
    /// Listed, changes nothing.
    Warning,
}

/// One problem and its place. Fields that do not apply are `None` (`null` in JSON).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    pub severity: Severity,
    pub file: String,
    pub sheet: Option<String>,
    pub row: Option<u32>,
    pub column: Option<String>,
    pub cell: Option<String>,
    pub value: Option<String>,
    pub message: String,
    /// The project id of the row, when the problem is about a row of one project, so that a
    /// project's page lists only its own rows left out. Not part of SPEC 3.1's JSON.
    #[serde(skip)]
    pub project: Option<String>,
}

impl Problem {
    /// A problem about a whole file (or the run, when `file` is empty).
    pub fn file(severity: Severity, file: &str, message: impl Into<String>) -> Problem {
        Problem {
            severity,
            file: file.to_string(),
            sheet: None,
            row: None,
            column: None,
            cell: None,
            value: None,
            message: message.into(),
            project: None,
        }
    }

    /// The place and message on one line, e.g.
    /// `data/a.xlsx › Outcomes › row 14 › Score (D14): "high" is not a number`.
    pub fn line(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.file.is_empty() {
            parts.push(self.file.clone());
        }
        if let Some(sheet) = &self.sheet {
            parts.push(sheet.clone());
        }
        if let Some(row) = self.row {
            parts.push(format!("row {row}"));
        }
        if let Some(column) = &self.column {
            let mut c = column.clone();
            if let Some(cell) = &self.cell {
                let _ = write!(c, " ({cell})");
            }
            parts.push(c);
        }
        let place = parts.join(" › ");
        let line = if place.is_empty() {
            self.message.clone()
        } else {
            match &self.value {
                Some(value) => format!("{place}: \"{}\" {}", shorten(value, 60), self.message),
                None => format!("{place}: {}", self.message),
            }
        };
        visible(&line).into_owned()
    }
}

/// Text made safe to print or put in a page: control characters (C0 but tab and line feed,
/// DEL, C1), which could move a terminal's cursor, recolour it or hide text, are written as
/// `\u{1b}`; everything else is kept.
pub fn visible(text: &str) -> Cow<'_, str> {
    let hidden = |c: char| c.is_control() && c != '\t' && c != '\n';
    if !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// At most `max` characters of a value, so that a 100,000-character cell does not flood the
/// terminal.
pub fn shorten(value: &str, max: usize) -> String {
    let one_line = value.replace(['\n', '\r'], " ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let cut: String = one_line.chars().take(max).collect();
        format!("{cut}…")
    }
}

/// The row ledger of one table of one input (SPEC 3.2): read = used + excluded + duplicates + blank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableLedger {
    pub file: String,
    pub sheet: Option<String>,
    pub table: Kind,
    pub read: u64,
    pub used: u64,
    pub excluded: u64,
    pub duplicates: u64,
    pub blank: u64,
    /// Outcomes: the scores read (filled score cells) and used. A wide row holds several.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scores_read: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scores_used: Option<u64>,
}

impl TableLedger {
    /// True when every row read is accounted for.
    pub fn balances(&self) -> bool {
        self.read == self.used + self.excluded + self.duplicates + self.blank
    }
}

/// The JSON of `mwm check --format json` (SPEC 3.1).
pub fn to_json(problems: &[Problem], tables: &[TableLedger]) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        problems: &'a [Problem],
        tables: Vec<Table<'a>>,
    }
    /// A table as SPEC 3.1 shapes it: rows only (the manifest also counts scores).
    #[derive(Serialize)]
    struct Table<'a> {
        file: &'a str,
        sheet: Option<&'a str>,
        table: Kind,
        read: u64,
        used: u64,
        excluded: u64,
        duplicates: u64,
        blank: u64,
    }
    let tables = tables
        .iter()
        .map(|t| Table {
            file: &t.file,
            sheet: t.sheet.as_deref(),
            table: t.table,
            read: t.read,
            used: t.used,
            excluded: t.excluded,
            duplicates: t.duplicates,
            blank: t.blank,
        })
        .collect();
    serde_json::to_string_pretty(&Out { problems, tables }).unwrap_or_else(|e| {
        // Serialising plain strings and numbers cannot fail; say so if it ever does.
        format!("{{\"error\": \"{e}\"}}")
    })
}

/// How many problems of one kind in one column are shown before the rest are counted.
const REPEATS_SHOWN: usize = 3;

/// The text of `mwm check`: problems grouped by file and sheet, most serious first, repeats of
/// the same problem in one column capped with a count, then a line per table.
pub fn to_text(problems: &[Problem], tables: &[TableLedger]) -> String {
    let mut out = String::new();
    // Group by (file, sheet), keeping the order in which files were read.
    let mut order: Vec<(&str, Option<&str>)> = Vec::new();
    let mut groups: BTreeMap<(&str, Option<&str>), Vec<&Problem>> = BTreeMap::new();
    for p in problems {
        let key = (p.file.as_str(), p.sheet.as_deref());
        if !groups.contains_key(&key) {
            order.push(key);
        }
        groups.entry(key).or_default().push(p);
    }
    // Files in the order they were read (the ledger's order), run-wide problems last.
    let rank = |file: &str| {
        if file.is_empty() {
            return usize::MAX;
        }
        tables
            .iter()
            .position(|t| t.file == file)
            .unwrap_or(usize::MAX - 1)
    };
    order.sort_by_key(|(file, _)| rank(file));
    for key in order {
        let mut group = groups.remove(&key).unwrap_or_default();
        group.sort_by_key(|p| (p.severity, p.row));
        let heading = match key {
            ("", _) => "run".to_string(),
            (file, Some(sheet)) => format!("{file} › {sheet}"),
            (file, None) => file.to_string(),
        };
        let _ = writeln!(out, "{heading}");
        // Count repeats of the same message in the same column.
        let mut seen: BTreeMap<(Severity, Option<&str>, &str), usize> = BTreeMap::new();
        let mut hidden: BTreeMap<(Severity, Option<&str>, &str), usize> = BTreeMap::new();
        for p in &group {
            let k = (p.severity, p.column.as_deref(), p.message.as_str());
            let n = seen.entry(k).or_default();
            *n += 1;
            if *n <= REPEATS_SHOWN {
                let _ = writeln!(out, "  {:<8} {}", label(p.severity), p.line());
            } else {
                *hidden.entry(k).or_default() += 1;
            }
        }
        for ((severity, column, message), n) in hidden {
            let _ = writeln!(
                out,
                "  {:<8} … and {n} more in column {}: {message}",
                label(severity),
                column.unwrap_or("-"),
            );
        }
        out.push('\n');
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let excluded = problems
        .iter()
        .filter(|p| p.severity == Severity::Excluded)
        .count();
    let warnings = problems
        .iter()
        .filter(|p| p.severity == Severity::Warning)
        .count();
    if !tables.is_empty() {
        let _ = writeln!(out, "Tables (read = used + excluded + duplicates + blank):");
        for t in tables {
            let place = match &t.sheet {
                Some(sheet) => format!("{} › {sheet}", t.file),
                None => t.file.clone(),
            };
            let scores = match (t.scores_read, t.scores_used) {
                (Some(read), Some(used)) => format!("; scores read {read}, used {used}"),
                _ => String::new(),
            };
            let _ = writeln!(
                out,
                "  {place} [{}]: read {}, used {}, excluded {}, duplicates {}, blank {}{scores}",
                t.table.name(),
                t.read,
                t.used,
                t.excluded,
                t.duplicates,
                t.blank
            );
        }
    }
    let _ = writeln!(
        out,
        "{errors} error(s), {excluded} row problem(s), {warnings} warning(s)"
    );
    visible(&out).into_owned()
}

fn label(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Excluded => "excluded",
        Severity::Warning => "warning",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_line_names_its_place() {
        let p = Problem {
            severity: Severity::Excluded,
            file: "data/service-a.xlsx".into(),
            sheet: Some("Outcomes".into()),
            row: Some(14),
            column: Some("Score".into()),
            cell: Some("D14".into()),
            value: Some("high".into()),
            message: "is not a number".into(),
            project: Some("CDF-GARDEN".into()),
        };
        assert_eq!(
            p.line(),
            "data/service-a.xlsx › Outcomes › row 14 › Score (D14): \"high\" is not a number"
        );
    }

    #[test]
    fn long_values_are_shortened() {
        let long = "x".repeat(100_000);
        assert_eq!(shorten(&long, 5), "xxxxx…");
    }
}
