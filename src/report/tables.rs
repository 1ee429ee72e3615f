//! The tidy tables of SPEC 5.3: CSV, UTF-8, a header row, unrounded numbers, empty for
//! missing, `true`/`false`, and text made safe from spreadsheet formulas. Column names and
//! order are exactly the SPEC's; rows come sorted from the figures step.

use crate::check::Checked;
use crate::figures::{Figures, OutcomeFigures, Share};
use crate::format::format_date;
use crate::model::{Band, Principle, Tables};
use rayon::prelude::*;

/// A table as its file name, header and rows of cells.
pub struct TidyTable {
    pub name: &'static str,
    pub header: &'static [&'static str],
    pub rows: Vec<Vec<String>>,
}

impl TidyTable {
    /// The CSV bytes of the table.
    pub fn to_csv(&self) -> Result<Vec<u8>, csv::Error> {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        w.write_record(self.header)?;
        for row in &self.rows {
            w.write_record(row)?;
        }
        w.into_inner().map_err(|e| e.into_error().into())
    }
}

/// Text as a cell: a leading `=`, `+`, `-`, `@`, tab or carriage return gets a `'` so that no
/// spreadsheet runs it as a formula.
pub fn text(t: &str) -> String {
    if t.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{t}")
    } else {
        t.to_string()
    }
}

/// A number unrounded (shortest form that reads back exactly), empty when missing.
pub fn number(v: Option<f64>) -> String {
    v.map(|x| format!("{x}")).unwrap_or_default()
}

pub fn count(v: Option<u64>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

pub fn boolean(b: bool) -> String {
    if b { "true" } else { "false" }.into()
}

pub const OUTCOMES_HEADER: &[&str] = &[
    "project_id",
    "measure",
    "n_paired",
    "n_baseline_only",
    "mean_baseline",
    "mean_followup",
    "mean_change",
    "sd_change",
    "ci_low",
    "ci_high",
    "p_value",
    "effect_size",
    "es_ci_low",
    "es_ci_high",
    "pct_improved",
    "pct_reliable_improvement",
    "pct_no_reliable_change",
    "pct_reliable_deterioration",
    "pct_meaningful_improvement",
    "suppressed",
    "verdict",
    "pct_low_baseline",
    "pct_low_followup",
];

pub const STORIES_HEADER: &[&str] = &[
    "project_id",
    "stories",
    "quotable",
    "achieved",
    "partly",
    "not_yet",
    "assets",
    "networks",
    "outcomes",
    "relationships",
    "enabling",
    "doing_to",
    "doing_for",
    "doing_with",
    "step_1",
    "step_2",
    "step_3",
    "step_4",
    "step_5",
    "step_6",
];

/// Every tidy table of the report folder, in the order they are listed in SPEC 5.3, built
/// in parallel (a national portfolio's outputs table alone has tens of thousands of rows).
pub fn all(tables: &Tables, figures: &Figures, checked: &Checked) -> Vec<TidyTable> {
    type Build = fn(&Tables, &Figures) -> TidyTable;
    let builders: [Build; 7] = [
        outcomes,
        social_value,
        outputs,
        stories,
        audit,
        evidence,
        projects,
    ];
    let mut all: Vec<TidyTable> = builders
        .par_iter()
        .map(|build| build(tables, figures))
        .collect();
    all.push(excluded(checked));
    all
}

pub const SOCIAL_VALUE_HEADER: &[&str] = &[
    "project_id",
    "measure",
    "n_paired",
    "mean_change",
    "ls_per_point",
    "years",
    "deadweight",
    "attribution",
    "wellby_value",
    "price_year",
    "wellbys",
    "social_value",
    "social_value_low",
    "social_value_high",
    "budget",
    "value_per_pound",
];

/// `social_value.csv` (SPEC 4.9): every outcome row of a measure with `ls_per_point`, its
/// figures (and the settings they used) empty when the row is hidden or has fewer than two.
fn social_value(tables: &Tables, figures: &Figures) -> TidyTable {
    let v = &figures.value;
    let rows = figures
        .social
        .iter()
        .map(|r| {
            let mut row = vec![
                text(r.scope.id(tables)),
                text(&tables.measures[r.measure as usize].name),
            ];
            match &r.figures {
                Some(f) => row.extend([
                    count(Some(f.n_paired)),
                    number(Some(f.mean_change)),
                    number(Some(f.ls_per_point)),
                    number(Some(v.years)),
                    number(Some(v.deadweight)),
                    number(Some(v.attribution)),
                    number(Some(v.wellby_value)),
                    v.price_year.to_string(),
                    number(Some(f.wellbys)),
                    number(Some(f.social_value)),
                    number(Some(f.low)),
                    number(Some(f.high)),
                ]),
                None => row.extend(std::iter::repeat_n(String::new(), 12)),
            }
            row.push(number(r.budget));
            row.push(number(r.figures.and_then(|f| f.value_per_pound)));
            row
        })
        .collect();
    TidyTable {
        name: "social_value.csv",
        header: SOCIAL_VALUE_HEADER,
        rows,
    }
}

/// The cells of an outcome row from `n_paired` to `pct_meaningful_improvement`: a hidden
/// row, a hidden share and a figure that does not exist are all empty here, and only here.
fn outcome_cells(f: Option<&OutcomeFigures>) -> Vec<String> {
    let Some(f) = f else {
        return vec![String::new(); 17];
    };
    let c = &f.change;
    let share = |s: Option<&Share>| number(s.and_then(|s| s.shown()).copied());
    let reliable = f.reliable.as_ref();
    vec![
        count(Some(f.n_paired)),
        count(Some(f.n_baseline_only)),
        number(Some(f.mean_baseline)),
        number(Some(f.mean_followup)),
        number(Some(c.mean)),
        number(c.sd),
        number(c.ci.map(|i| i.low)),
        number(c.ci.map(|i| i.high)),
        number(c.p_value),
        number(c.effect_size.map(|e| e.value)),
        number(c.effect_size.map(|e| e.ci.low)),
        number(c.effect_size.map(|e| e.ci.high)),
        share(Some(&f.improved)),
        share(reliable.map(|r| &r.improved)),
        share(reliable.map(|r| &r.no_change)),
        share(reliable.map(|r| &r.deteriorated)),
        share(f.meaningful.as_ref()),
    ]
}

fn outcomes(tables: &Tables, figures: &Figures) -> TidyTable {
    let rows = figures
        .outcomes
        .iter()
        .map(|o| {
            let mut row = vec![
                text(o.scope.id(tables)),
                text(&tables.measures[o.measure as usize].name),
            ];
            row.extend(outcome_cells(o.shown()));
            row.push(boolean(o.suppressed()));
            row.push(o.verdict.key().to_string());
            let f = o.shown();
            let band = |s: Option<&Share>| number(s.and_then(|s| s.shown()).copied());
            row.push(band(f.and_then(|f| f.low_baseline.as_ref())));
            row.push(band(f.and_then(|f| f.low_followup.as_ref())));
            row
        })
        .collect();
    TidyTable {
        name: "outcomes_summary.csv",
        header: OUTCOMES_HEADER,
        rows,
    }
}

fn outputs(tables: &Tables, figures: &Figures) -> TidyTable {
    let rows = figures
        .outputs
        .iter()
        .map(|o| {
            vec![
                text(o.scope.id(tables)),
                text(&tables.output_measures[o.measure as usize]),
                o.label.clone(),
                number(Some(o.value)),
            ]
        })
        .collect();
    TidyTable {
        name: "outputs_summary.csv",
        header: &["project_id", "measure", "period", "value"],
        rows,
    }
}

fn stories(tables: &Tables, figures: &Figures) -> TidyTable {
    let rows = figures
        .stories
        .iter()
        .filter_map(|s| {
            let scope = s.scope?;
            let mut row = vec![
                text(scope.id(tables)),
                s.stories.to_string(),
                s.quotable.to_string(),
                s.achieved.to_string(),
                s.partly.to_string(),
                s.not_yet.to_string(),
            ];
            row.extend(Principle::ALL.iter().map(|p| s.principle(*p).to_string()));
            row.extend(Band::ALL.iter().map(|b| s.band(*b).to_string()));
            row.extend(s.steps.iter().map(u64::to_string));
            Some(row)
        })
        .collect();
    TidyTable {
        name: "stories_summary.csv",
        header: STORIES_HEADER,
        rows,
    }
}

fn audit(tables: &Tables, figures: &Figures) -> TidyTable {
    let rows = figures
        .audit
        .iter()
        .map(|a| {
            vec![
                text(&tables.project_ids[a.project as usize]),
                a.principle.key().to_string(),
                format_date(a.first_date),
                number(Some(a.first_score)),
                format_date(a.latest_date),
                number(Some(a.latest_score)),
                number(Some(a.change)),
            ]
        })
        .collect();
    TidyTable {
        name: "audit_summary.csv",
        header: &[
            "project_id",
            "principle",
            "first_date",
            "first_score",
            "latest_date",
            "latest_score",
            "change",
        ],
        rows,
    }
}

fn evidence(tables: &Tables, figures: &Figures) -> TidyTable {
    let rows = figures
        .evidence
        .iter()
        .map(|e| {
            vec![
                text(&tables.project_ids[e.project as usize]),
                e.principle.key().to_string(),
                e.output_measures.to_string(),
                count(e.outcome_pairs),
                number(e.pct_improved),
                e.stories.to_string(),
                e.quotable_stories.to_string(),
                number(e.audit_score),
            ]
        })
        .collect();
    TidyTable {
        name: "principle_evidence.csv",
        header: &[
            "project_id",
            "principle",
            "output_measures",
            "outcome_pairs",
            "pct_improved",
            "stories",
            "quotable_stories",
            "audit_score",
        ],
        rows,
    }
}

fn projects(tables: &Tables, figures: &Figures) -> TidyTable {
    let rows = figures
        .projects
        .iter()
        .map(|p| {
            vec![
                text(&tables.project_ids[p.project as usize]),
                text(&p.name),
                text(p.organisation.as_deref().unwrap_or("")),
                text(&p.funders.join("; ")),
                count(p.participants),
                p.stories.to_string(),
                number(p.budget),
                number(p.cost_per_participant),
                number(p.cost_per_reliable_improvement),
            ]
        })
        .collect();
    TidyTable {
        name: "projects_summary.csv",
        header: &[
            "project_id",
            "name",
            "organisation",
            "funders",
            "participants",
            "stories",
            "budget",
            "cost_per_participant",
            "cost_per_reliable_improvement",
        ],
        rows,
    }
}

fn excluded(checked: &Checked) -> TidyTable {
    let rows = checked
        .excluded_rows()
        .map(|p| {
            vec![
                text(&p.file),
                text(p.sheet.as_deref().unwrap_or("")),
                p.row.map(|r| r.to_string()).unwrap_or_default(),
                text(p.column.as_deref().unwrap_or("")),
                text(p.value.as_deref().unwrap_or("")),
                text(&p.message),
            ]
        })
        .collect();
    TidyTable {
        name: "excluded_rows.csv",
        header: &["file", "sheet", "row", "column", "value", "reason"],
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_text_is_defused() {
        assert_eq!(text("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(text("+44 7700"), "'+44 7700");
        assert_eq!(text("-so"), "'-so");
        assert_eq!(text("@x"), "'@x");
        assert_eq!(text("\tx"), "'\tx");
        assert_eq!(text("plain"), "plain");
        // Numbers are never passed through `text`: a negative change stays a number.
        assert_eq!(number(Some(-1.5)), "-1.5");
    }
}
