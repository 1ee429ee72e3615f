//! polars frames built from the canonical tables, and the way back to plain vectors.
//! The tables are already columnar with the types polars uses, so a frame is a copy of a few
//! vectors, never a re-parse.

use crate::model::Tables;
use polars::prelude::*;

/// Each score's project and person: all the people counts need, a third of the bytes of the
/// whole scores table (at 20 million scores, 320 MB less to copy and for the kernel to clear).
pub fn score_people(tables: &Tables) -> PolarsResult<DataFrame> {
    let s = &tables.scores;
    DataFrame::new_infer_height(vec![
        Column::new("project".into(), s.project.clone()),
        Column::new("person".into(), s.person.clone()),
    ])
}

/// Keys of a grouping, as expressions.
pub fn keys(names: &[&str]) -> Vec<Expr> {
    names.iter().map(|n| col(*n)).collect()
}

/// A column as `u32` values (nulls as `None`).
pub fn u32s(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<u32>>> {
    let c = df.column(name)?.cast(&DataType::UInt32)?;
    Ok(c.as_materialized_series().u32()?.iter().collect())
}

/// A column as `u64` values (nulls as `None`).
pub fn u64s(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<u64>>> {
    let c = df.column(name)?.cast(&DataType::UInt64)?;
    Ok(c.as_materialized_series().u64()?.iter().collect())
}

/// A column as `i32` values (nulls as `None`).
pub fn i32s(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<i32>>> {
    let c = df.column(name)?.cast(&DataType::Int32)?;
    Ok(c.as_materialized_series().i32()?.iter().collect())
}

/// A column as `f64` values (nulls and NaN as `None`).
pub fn f64s(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<f64>>> {
    let c = df.column(name)?.cast(&DataType::Float64)?;
    Ok(c.as_materialized_series()
        .f64()?
        .iter()
        .map(|v| v.filter(|x| x.is_finite()))
        .collect())
}

/// The scope code column of a grouping with or without the project key.
pub fn scopes(df: &DataFrame, by_project: bool) -> PolarsResult<Vec<super::Scope>> {
    if by_project {
        Ok(u32s(df, "project")?
            .into_iter()
            .map(|p| super::Scope::Project(p.unwrap_or_default()))
            .collect())
    } else {
        Ok(vec![super::Scope::All; df.height()])
    }
}
