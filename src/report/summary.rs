//! `mwm summary`: the headline tables on stdout for analysts and scripts: projects, outcomes by
//! project and measure, and principle evidence. `table` is for people (rounded, fits a
//! 100-column terminal), `csv` and `json` are the tidy tables' own values, unrounded.

use super::tables::{self, TidyTable};
use crate::check::Checked;
use crate::figures::Figures;
use crate::model::Tables;
use std::fmt::Write as _;

/// The three headline tables, as the tidy tables hold them.
fn headline(tables: &Tables, figures: &Figures, checked: &Checked) -> Vec<TidyTable> {
    tables::all(tables, figures, checked)
        .into_iter()
        .filter(|t| {
            matches!(
                t.name,
                "projects_summary.csv" | "outcomes_summary.csv" | "principle_evidence.csv"
            )
        })
        .collect()
}

/// The forms `mwm summary` prints (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SummaryFormat {
    Table,
    Csv,
    Json,
}

/// The summaries of the reporting period and a comparison period, one after the other: in
/// JSON one object with both, in the other forms each under a line naming its period.
pub fn both(format: SummaryFormat, current: (&str, String), comparison: (&str, String)) -> String {
    match format {
        SummaryFormat::Json => {
            let parse = |t: &str| serde_json::from_str::<serde_json::Value>(t).unwrap_or_default();
            let object = serde_json::json!({
                "period": current.0,
                "current": parse(&current.1),
                "comparison_period": comparison.0,
                "comparison": parse(&comparison.1),
            });
            serde_json::to_string_pretty(&object).unwrap_or_default() + "\n"
        }
        SummaryFormat::Csv => format!(
            "# period {}\n{}\n# comparison period {}\n{}",
            current.0, current.1, comparison.0, comparison.1
        ),
        SummaryFormat::Table => format!(
            "Period {}\n\n{}\nComparison period {}\n\n{}",
            current.0, current.1, comparison.0, comparison.1
        ),
    }
}

pub fn render(
    tables: &Tables,
    figures: &Figures,
    checked: &Checked,
    format: SummaryFormat,
) -> String {
    let mut headline = headline(tables, figures, checked);
    // Projects first: the order a reader meets them in.
    headline.sort_by_key(|t| match t.name {
        "projects_summary.csv" => 0,
        "outcomes_summary.csv" => 1,
        _ => 2,
    });
    match format {
        SummaryFormat::Csv => csv(&headline),
        SummaryFormat::Json => json(&headline),
        SummaryFormat::Table => table(&headline, figures.suppression.min_cell),
    }
}

fn csv(headline: &[TidyTable]) -> String {
    let mut out = String::new();
    for (i, t) in headline.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "# {}", t.name.trim_end_matches(".csv"));
        if let Ok(bytes) = t.to_csv() {
            out.push_str(&String::from_utf8_lossy(&bytes));
        }
    }
    out
}

/// A cell as JSON: empty → null, true/false → booleans, numbers → numbers, else text.
fn json_value(cell: &str) -> serde_json::Value {
    if cell.is_empty() {
        return serde_json::Value::Null;
    }
    match cell {
        "true" => return serde_json::Value::Bool(true),
        "false" => return serde_json::Value::Bool(false),
        _ => {}
    }
    if !cell.starts_with('\'')
        && let Ok(n) = cell.parse::<i64>()
    {
        return serde_json::Value::Number(n.into());
    }
    if let Ok(n) = cell.parse::<f64>()
        && let Some(number) = serde_json::Number::from_f64(n)
        && !cell.starts_with('\'')
    {
        return serde_json::Value::Number(number);
    }
    serde_json::Value::String(cell.to_string())
}

fn json(headline: &[TidyTable]) -> String {
    let mut object = serde_json::Map::new();
    for t in headline {
        let rows: Vec<serde_json::Value> = t
            .rows
            .iter()
            .map(|row| {
                let mut o = serde_json::Map::new();
                for (h, cell) in t.header.iter().zip(row) {
                    // Ids stay text even when they look like numbers.
                    let value = if matches!(
                        *h,
                        "project_id" | "measure" | "name" | "organisation" | "funders"
                    ) {
                        serde_json::Value::String(cell.clone())
                    } else {
                        json_value(cell)
                    };
                    o.insert((*h).to_string(), value);
                }
                serde_json::Value::Object(o)
            })
            .collect();
        object.insert(
            t.name.trim_end_matches(".csv").to_string(),
            serde_json::Value::Array(rows),
        );
    }
    serde_json::to_string_pretty(&serde_json::Value::Object(object)).unwrap_or_default() + "\n"
}

/// At most `width` characters, cut with `…`.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        let cut: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// A number rounded for reading; empty stays empty.
fn rounded(cell: &str, decimals: usize) -> String {
    match cell.parse::<f64>() {
        Ok(n) => format!("{n:.decimals$}"),
        Err(_) => cell.to_string(),
    }
}

fn column<'t>(t: &'t TidyTable, row: &'t [String], name: &str) -> &'t str {
    t.header
        .iter()
        .position(|h| *h == name)
        .map_or("", |i| row[i].as_str())
}

fn table(headline: &[TidyTable], min_cell: u32) -> String {
    let mut out = String::new();
    // A hidden figure may be about fewer than min_cell people or hidden to protect another
    // group's (the tidy tables do not say which), so the table says only "hidden" and what
    // that means, once, at the end.
    let hidden = "hidden".to_string();
    for t in headline {
        match t.name {
            "projects_summary.csv" => {
                let _ = writeln!(out, "Projects");
                let _ = writeln!(
                    out,
                    "{:<14} {:<32} {:>12} {:>8} {:>11} {:>14}",
                    "project", "name", "participants", "stories", "budget £", "£/participant"
                );
                for row in &t.rows {
                    let c = |n| column(t, row, n);
                    // Participants are empty only when suppressed (none is written 0).
                    let participants = if c("participants").is_empty() {
                        hidden.clone()
                    } else {
                        c("participants").to_string()
                    };
                    let _ = writeln!(
                        out,
                        "{:<14} {:<32} {:>12} {:>8} {:>11} {:>14}",
                        fit(c("project_id"), 14),
                        fit(c("name"), 32),
                        participants,
                        c("stories"),
                        rounded(c("budget"), 0),
                        rounded(c("cost_per_participant"), 0)
                    );
                }
            }
            "outcomes_summary.csv" => {
                let _ = writeln!(out, "\nOutcomes (change from baseline to follow-up)");
                let _ = writeln!(
                    out,
                    "{:<12} {:<22} {:>5} {:>8} {:>8} {:>7} {:>17} {:>6} {:>7}",
                    "project",
                    "measure",
                    "n",
                    "baseline",
                    "followup",
                    "change",
                    "95% CI",
                    "d",
                    "% rel.+"
                );
                for row in &t.rows {
                    let c = |n| column(t, row, n);
                    if c("suppressed") == "true" {
                        let _ = writeln!(
                            out,
                            "{:<12} {:<22} {:>5}",
                            fit(c("project_id"), 12),
                            fit(c("measure"), 22),
                            hidden
                        );
                        continue;
                    }
                    let ci = if c("ci_low").is_empty() {
                        String::new()
                    } else {
                        format!(
                            "{} to {}",
                            rounded(c("ci_low"), 2),
                            rounded(c("ci_high"), 2)
                        )
                    };
                    let _ = writeln!(
                        out,
                        "{:<12} {:<22} {:>5} {:>8} {:>8} {:>7} {:>17} {:>6} {:>7}",
                        fit(c("project_id"), 12),
                        fit(c("measure"), 22),
                        c("n_paired"),
                        rounded(c("mean_baseline"), 2),
                        rounded(c("mean_followup"), 2),
                        rounded(c("mean_change"), 2),
                        ci,
                        rounded(c("effect_size"), 2),
                        rounded(c("pct_reliable_improvement"), 0)
                    );
                }
            }
            _ => {
                let _ = writeln!(out, "\nPrinciple evidence");
                let _ = writeln!(
                    out,
                    "{:<14} {:<14} {:>7} {:>7} {:>10} {:>8} {:>9} {:>6}",
                    "project",
                    "principle",
                    "outputs",
                    "pairs",
                    "% improved",
                    "stories",
                    "quotable",
                    "audit"
                );
                for row in &t.rows {
                    let c = |n| column(t, row, n);
                    let pairs = if c("outcome_pairs").is_empty() {
                        hidden.clone()
                    } else {
                        c("outcome_pairs").to_string()
                    };
                    let _ = writeln!(
                        out,
                        "{:<14} {:<14} {:>7} {:>7} {:>10} {:>8} {:>9} {:>6}",
                        fit(c("project_id"), 14),
                        c("principle"),
                        c("output_measures"),
                        fit(&pairs, 7),
                        rounded(c("pct_improved"), 0),
                        c("stories"),
                        c("quotable_stories"),
                        rounded(c("audit_score"), 1)
                    );
                }
            }
        }
    }
    if out.contains(&hidden) {
        let _ = writeln!(
            out,
            "\nhidden: a figure about fewer than {min_cell} people, or one from which such a figure could be worked out."
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_become_json_values() {
        assert_eq!(json_value(""), serde_json::Value::Null);
        assert_eq!(json_value("true"), serde_json::Value::Bool(true));
        assert_eq!(json_value("1.5"), serde_json::json!(1.5));
        // Counts stay whole numbers: 35, not 35.0.
        assert_eq!(json_value("35").to_string(), "35");
        assert_eq!(json_value("'=x"), serde_json::json!("'=x"));
        assert_eq!(fit("abcdef", 4), "abc…");
    }
}
