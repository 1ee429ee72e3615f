//! Undated scores of the wide form (SPEC 2.4): they are ordered by wave within their row, so
//! a person whose scores on a measure mix undated ones with scores from other rows cannot be
//! ordered (a problem at the undated cells, which are left out). Each score then gets the key
//! that puts baseline first and follow-up last: its date, or its wave in a row with undated
//! scores. Last, each wide row is used when any of its scores is.

use super::place::{Builder, RowRef};
use crate::ingest::rows::{ParsedSheet, RowStatus};
use crate::ingest::wide;
use rustc_hash::FxHashMap;

/// A person's scores on a measure in a project.
type Group = (u32, u32, u32);

/// A row of a sheet: (sheet index, row index).
type Row = (u32, u32);

impl Builder<'_, '_> {
    pub(super) fn order_undated(&mut self, sheets: &mut [ParsedSheet]) {
        let t = &self.tables.scores;
        let n = t.date.len();
        if !t.date.iter().any(|d| wide::is_undated(*d)) {
            return;
        }
        let group = |i: usize| (t.project[i], t.person[i], t.measure[i]);
        let row = |r: RowRef| (r.sheet, r.idx);
        // The row of each group's undated scores, and another row of the group if it has one.
        let mut rows: FxHashMap<Group, (Row, Option<Row>)> = FxHashMap::default();
        for i in (0..n).filter(|i| wide::is_undated(t.date[*i])) {
            let here = row(self.refs.scores.get(i));
            let entry = rows.entry(group(i)).or_insert((here, None));
            if entry.0 != here && entry.1.is_none() {
                entry.1 = Some(here);
            }
        }
        for i in (0..n).filter(|i| !wide::is_undated(t.date[*i])) {
            if let Some(entry) = rows.get_mut(&group(i)) {
                let here = row(self.refs.scores.get(i));
                if entry.0 != here && entry.1.is_none() {
                    entry.1 = Some(here);
                }
            }
        }
        let mut keep = vec![true; n];
        let mut excluded = Vec::new();
        for i in (0..n).filter(|i| wide::is_undated(t.date[*i])) {
            let (first, Some(other)) = rows[&group(i)] else {
                continue;
            };
            let here = row(self.refs.scores.get(i));
            let (sheet, idx) = if here == first { other } else { first };
            let elsewhere = &sheets[sheet as usize];
            let measure = &self.measures[t.measure[i] as usize].name;
            keep[i] = false;
            excluded.push((
                i,
                format!(
                    "has no date, and this person has another {measure} score in {} row {}: undated scores are put in order only within one row, so this one is left out (give its wave a date, or keep the person's {measure} scores in one row)",
                    elsewhere.shown(),
                    elsewhere.row_number(idx)
                ),
            ));
        }
        self.drop_scores(sheets, &keep, excluded);
        // Groups with undated scores left are in one row: every score of them in wave order.
        let t = &self.tables.scores;
        let order: Vec<i32> = (0..t.date.len())
            .map(|i| {
                let date = t.date[i];
                if wide::is_undated(date) {
                    return date;
                }
                match rows.get(&(t.project[i], t.person[i], t.measure[i])) {
                    Some((_, None)) => {
                        let r = self.refs.scores.get(i);
                        let wave = sheets[r.sheet as usize]
                            .info
                            .wide
                            .as_ref()
                            .and_then(|w| w.scores.iter().find(|s| s.column.col == r.col))
                            .map_or(wide::FOLLOW_UP, |s| s.wave);
                        wide::undated(wave)
                    }
                    _ => date,
                }
            })
            .collect();
        self.tables.scores.order = order;
    }

    /// A wide row is used when at least one of its scores is, and otherwise keeps what its
    /// scores became (excluded, or duplicate) (SPEC 3.2). Returns the scores used per sheet.
    pub(super) fn settle_rows(&self, sheets: &mut [ParsedSheet]) -> Vec<u64> {
        let mut used = vec![0u64; sheets.len()];
        let mut any: Vec<Vec<bool>> = sheets
            .iter()
            .map(|s| {
                if s.info.wide.is_some() {
                    vec![false; s.status.len()]
                } else {
                    Vec::new()
                }
            })
            .collect();
        for r in self.refs.scores.iter() {
            used[r.sheet as usize] += 1;
            if let Some(flag) = any[r.sheet as usize].get_mut(r.idx as usize) {
                *flag = true;
            }
        }
        for (sheet, any) in sheets.iter_mut().zip(any) {
            for (status, used) in sheet.status.iter_mut().zip(any) {
                if used {
                    *status = RowStatus::Used;
                } else if *status == RowStatus::Used {
                    *status = RowStatus::Excluded;
                }
            }
        }
        used
    }
}
