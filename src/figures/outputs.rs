//! Outputs (SPEC 4.1): the sum of `value` per project and output measure, per quarter
//! (financial April–March by default, or calendar) and in total, and the same across all
//! projects (`ALL`). One summing function, four sets of keys.

use super::frames::{self, keys};
use super::{FigureError, Scope, during};
use crate::config::Quarters;
use crate::format::naive_date;
use crate::model::Tables;
use chrono::Datelike;
use polars::prelude::*;
use serde::Serialize;

/// A reporting period: one quarter, or the whole run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Period {
    /// Quarter number: 4 * (year the quarter's year starts) + (quarter - 1).
    Quarter(i32),
    Total,
}

impl Period {
    /// The quarter a date falls in.
    pub fn of_date(days: i32, quarters: Quarters) -> Period {
        let Some(d) = naive_date(days) else {
            return Period::Total;
        };
        let (year, month) = (d.year(), d.month() as i32);
        Period::Quarter(match quarters {
            Quarters::Financial if month >= 4 => 4 * year + (month - 4) / 3,
            Quarters::Financial => 4 * (year - 1) + 3,
            Quarters::Calendar => 4 * year + (month - 1) / 3,
        })
    }

    /// `2024-25 Q1` (financial), `2024-Q3` (calendar) or `total`.
    pub fn label(self, quarters: Quarters) -> String {
        match self {
            Period::Total => "total".into(),
            Period::Quarter(n) => {
                let (year, q) = (n.div_euclid(4), n.rem_euclid(4) + 1);
                match quarters {
                    Quarters::Financial => {
                        format!("{year}-{:02} Q{q}", (year + 1).rem_euclid(100))
                    }
                    Quarters::Calendar => format!("{year}-Q{q}"),
                }
            }
        }
    }
}

/// One row of `outputs_summary.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutputSum {
    pub scope: Scope,
    /// Code into `Tables::output_measures`.
    pub measure: u32,
    pub period: Period,
    pub label: String,
    pub value: f64,
}

fn sum_by(frame: &DataFrame, by: &[&str]) -> PolarsResult<DataFrame> {
    frame
        .clone()
        .lazy()
        .group_by_stable(keys(by))
        .agg([col("value").sum().alias("value")])
        .collect()
}

/// Every output sum, sorted as SPEC 5.3 (project, measure, period; `ALL` last).
pub fn sums(tables: &Tables, quarters: Quarters) -> Result<Vec<OutputSum>, FigureError> {
    let o = &tables.outputs;
    let quarter: Vec<i32> = o
        .date
        .iter()
        .map(|d| match Period::of_date(*d, quarters) {
            Period::Quarter(q) => q,
            Period::Total => i32::MIN,
        })
        .collect();
    let frame = during(
        "the output sums",
        DataFrame::new_infer_height(vec![
            Column::new("project".into(), o.project.clone()),
            Column::new("measure".into(), o.measure.clone()),
            Column::new("quarter".into(), quarter),
            Column::new("value".into(), o.value.clone()),
        ]),
    )?;
    let mut rows = Vec::new();
    for (by_project, by_quarter) in [(true, true), (true, false), (false, true), (false, false)] {
        let mut by = Vec::new();
        if by_project {
            by.push("project");
        }
        by.push("measure");
        if by_quarter {
            by.push("quarter");
        }
        let df = during("the output sums", sum_by(&frame, &by))?;
        let scopes = during("the output sums", frames::scopes(&df, by_project))?;
        let measures = during("the output sums", frames::u32s(&df, "measure"))?;
        let values = during("the output sums", frames::f64s(&df, "value"))?;
        let periods = if by_quarter {
            during("the output sums", frames::i32s(&df, "quarter"))?
                .into_iter()
                .map(|q| Period::Quarter(q.unwrap_or_default()))
                .collect()
        } else {
            vec![Period::Total; df.height()]
        };
        for i in 0..df.height() {
            rows.push(OutputSum {
                scope: scopes[i],
                measure: measures[i].unwrap_or_default(),
                period: periods[i],
                label: periods[i].label(quarters),
                value: values[i].unwrap_or(0.0),
            });
        }
    }
    let rank = super::lowercase_ranks(tables.output_measures.iter().map(String::as_str));
    rows.sort_by_key(|r| (r.scope, rank[r.measure as usize], r.period));
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::days_from_ymd;

    #[test]
    fn quarter_labels() {
        let d = |y, m, dd| days_from_ymd(y, m, dd).unwrap();
        let fin = Quarters::Financial;
        // April to June 2024 is 2024-25 Q1; March 2025 is 2024-25 Q4 (SPEC 4.1).
        assert_eq!(Period::of_date(d(2024, 4, 1), fin).label(fin), "2024-25 Q1");
        assert_eq!(
            Period::of_date(d(2024, 6, 30), fin).label(fin),
            "2024-25 Q1"
        );
        assert_eq!(
            Period::of_date(d(2025, 3, 31), fin).label(fin),
            "2024-25 Q4"
        );
        assert_eq!(
            Period::of_date(d(2024, 1, 15), fin).label(fin),
            "2023-24 Q4"
        );
        assert_eq!(
            Period::of_date(d(1999, 12, 1), fin).label(fin),
            "1999-00 Q3"
        );
        let cal = Quarters::Calendar;
        assert_eq!(Period::of_date(d(2024, 8, 1), cal).label(cal), "2024-Q3");
        assert_eq!(Period::of_date(d(2024, 1, 1), cal).label(cal), "2024-Q1");
    }
}
