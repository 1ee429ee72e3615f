//! The keys of a grouping, and the way back from polars frames to plain vectors. Frames are
//! built where they are used, from the canonical tables, which are already columnar with the
//! types polars uses: a frame is a copy of a few vectors, never a re-parse.

use polars::prelude::*;

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
