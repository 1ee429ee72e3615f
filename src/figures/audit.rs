//! Self-audit (SPEC 4.5): per project and principle, the score on a date is the mean of its
//! items on that date; first and latest scores are those of the earliest and latest dates.

use super::frames::{self, keys};
use super::{FigureError, during};
use crate::model::{Principle, Tables};
use polars::prelude::*;
use serde::Serialize;

/// One row of `audit_summary.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditSummary {
    pub project: u32,
    pub principle: Principle,
    pub first_date: i32,
    pub first_score: f64,
    pub latest_date: i32,
    pub latest_score: f64,
    pub change: f64,
}

fn by_principle(tables: &Tables) -> PolarsResult<DataFrame> {
    let a = &tables.audit;
    let principle: Vec<u32> = a.principle.iter().map(|p| *p as u32).collect();
    let score: Vec<f64> = a.score.iter().map(|s| f64::from(*s)).collect();
    DataFrame::new_infer_height(vec![
        Column::new("project".into(), a.project.clone()),
        Column::new("principle".into(), principle),
        Column::new("date".into(), a.date.clone()),
        Column::new("score".into(), score),
    ])?
    .lazy()
    .group_by_stable(keys(&["project", "principle", "date"]))
    .agg([col("score").mean().alias("score")])
    .sort(
        ["project", "principle", "date"],
        SortMultipleOptions::default(),
    )
    .group_by_stable(keys(&["project", "principle"]))
    .agg([
        col("date").first().alias("first_date"),
        col("score").first().alias("first_score"),
        col("date").last().alias("latest_date"),
        col("score").last().alias("latest_score"),
    ])
    .collect()
}

/// Every audit row, sorted by project then principle (SPEC 5.3).
pub fn summaries(tables: &Tables) -> Result<Vec<AuditSummary>, FigureError> {
    let what = "the self-audit scores";
    let df = during(what, by_principle(tables))?;
    let project = during(what, frames::u32s(&df, "project"))?;
    let principle = during(what, frames::u32s(&df, "principle"))?;
    let first_date = during(what, frames::i32s(&df, "first_date"))?;
    let first_score = during(what, frames::f64s(&df, "first_score"))?;
    let latest_date = during(what, frames::i32s(&df, "latest_date"))?;
    let latest_score = during(what, frames::f64s(&df, "latest_score"))?;
    let mut rows: Vec<AuditSummary> = (0..df.height())
        .map(|i| {
            let first = first_score[i].unwrap_or_default();
            let latest = latest_score[i].unwrap_or_default();
            AuditSummary {
                project: project[i].unwrap_or_default(),
                principle: Principle::ALL[principle[i].unwrap_or_default() as usize],
                first_date: first_date[i].unwrap_or_default(),
                first_score: first,
                latest_date: latest_date[i].unwrap_or_default(),
                latest_score: latest,
                change: latest - first,
            }
        })
        .collect();
    rows.sort_by_key(|r| (r.project, r.principle));
    Ok(rows)
}
