//! The reporting period (`--from`, `--to`, SPEC 6): outputs, scores, stories and audit items
//! dated outside it are left out before any figure, and counted, not listed as excluded rows.
//! Stories without a date are kept: they cannot be placed outside the period.

use crate::ingest::wide;
use crate::model::{Scores, Tables};
use rustc_hash::FxHashMap;
use serde::Serialize;

/// Rows left out by the reporting period, per table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PeriodLeftOut {
    pub outputs: u64,
    pub outcomes: u64,
    pub stories: u64,
    pub audit: u64,
    /// Narrative rows dated outside the period (undated ones are kept).
    pub narrative: u64,
}

fn keep_mask(dates: &[i32], from: Option<i32>, to: Option<i32>) -> Vec<bool> {
    dates
        .iter()
        .map(|d| from.is_none_or(|f| *d >= f) && to.is_none_or(|t| *d <= t))
        .collect()
}

/// Scores dated within the period, and undated ones (they count in every period, SPEC 2.4)
/// unless their row has a score on that measure dated outside it. An undated score's row holds
/// every score of its person and measure (the checks see to it), so that is the group.
fn score_mask(s: &Scores, from: Option<i32>, to: Option<i32>) -> Vec<bool> {
    let mut keep = keep_mask(&s.date, from, to);
    let undated: Vec<usize> = (0..s.date.len())
        .filter(|i| wide::is_undated(s.date[*i]))
        .collect();
    if undated.is_empty() {
        return keep;
    }
    let group = |i: usize| (s.project[i], s.person[i], s.measure[i]);
    let mut outside: FxHashMap<(u32, u32, u32), bool> =
        undated.iter().map(|i| (group(*i), false)).collect();
    for (i, kept) in keep.iter().enumerate() {
        if !kept
            && !wide::is_undated(s.date[i])
            && let Some(flag) = outside.get_mut(&group(i))
        {
            *flag = true;
        }
    }
    for i in undated {
        keep[i] = !outside[&group(i)];
    }
    keep
}

fn left_out(keep: &[bool]) -> u64 {
    keep.iter().filter(|k| !**k).count() as u64
}

/// Keeps only what is dated within `from..=to` (days since 1970-01-01).
pub fn restrict(tables: &mut Tables, from: Option<i32>, to: Option<i32>) -> PeriodLeftOut {
    if from.is_none() && to.is_none() {
        return PeriodLeftOut::default();
    }
    let keep = keep_mask(&tables.outputs.date, from, to);
    let outputs = left_out(&keep);
    tables.outputs.retain(&keep);
    let keep = score_mask(&tables.scores, from, to);
    let outcomes = left_out(&keep);
    tables.scores.retain(&keep);
    let keep = keep_mask(&tables.audit.date, from, to);
    let audit = left_out(&keep);
    tables.audit.retain(&keep);
    let inside = |date: Option<i32>| {
        date.is_none_or(|d| from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t))
    };
    let before = tables.stories.len();
    tables.stories.retain(|s| inside(s.date));
    let stories = (before - tables.stories.len()) as u64;
    let before = tables.narratives.len();
    tables.narratives.retain(|n| inside(n.date));
    PeriodLeftOut {
        outputs,
        outcomes,
        stories,
        audit,
        narrative: (before - tables.narratives.len()) as u64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_period_inclusive() {
        let mut t = Tables::default();
        t.outputs.date = vec![10, 20, 30];
        t.outputs.project = vec![0, 0, 0];
        t.outputs.measure = vec![0, 0, 0];
        t.outputs.value = vec![1.0, 2.0, 3.0];
        t.outputs.principles = vec![Default::default(); 3];
        let left = restrict(&mut t, Some(20), Some(30));
        assert_eq!(left.outputs, 1);
        assert_eq!(t.outputs.value, vec![2.0, 3.0]);
    }
}
