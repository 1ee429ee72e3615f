//! Exact duplicates and conflicts across rows and sources (SPEC 3.1): a row equal to an earlier
//! one in every recognised column is kept once; different scores for one project, person,
//! measure and date, audit scores that differ, and a story id used twice in a project are
//! excluded with a problem that points at the earlier row.

use super::place::Builder;
use crate::ingest::rows::{ParsedSheet, RowStatus};
use crate::model::retain_marked;
use crate::schema::Field;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::HashMap;

/// What earlier rows held, for exact duplicates and conflicts.
#[derive(Default)]
pub(super) struct Seen {
    /// (project, date, measure name as written, value bits, principles, notes as written),
    /// the names and notes as codes of [`Seen::texts`].
    pub(super) outputs: FxHashSet<(u32, i32, u32, u64, u8, u32)>,
    /// Output measure names and notes exactly as written, coded across all sheets.
    pub(super) texts: super::place::Codes,
    /// Stories by hash: the places in `tables.stories` of those with that hash.
    pub(super) stories: FxHashMap<u64, Vec<u32>>,
    /// (project, story_id) → where it was first used: (sheet, row number).
    pub(super) story_ids: FxHashMap<(u32, String), (u32, u32)>,
    pub(super) audit: FxHashSet<(u32, i32, u8, u8, u8)>,
    pub(super) narratives: FxHashSet<crate::model::Narrative>,
    pub(super) audit_keys: FxHashMap<(u32, i32, u8, u8), (u8, bool)>,
}

/// The identity of a score: project, person, measure and date in one number.
pub(super) fn score_key(project: u32, person: u32, measure: u32, date: i32) -> u128 {
    (u128::from(project) << 96)
        | (u128::from(person) << 64)
        | (u128::from(measure) << 32)
        | u128::from(date as u32)
}

/// Bits needed to hold every value up to `max`.
fn bits(max: u64) -> u32 {
    u64::BITS - max.leading_zeros()
}

/// Every score's identity with its row, sorted by identity then row.
enum Sorted {
    /// The four keys packed into 64 bits (usual: dates taken from the earliest).
    Narrow(Vec<(u64, u32)>),
    Wide(Vec<(u128, u32)>),
}

impl Sorted {
    fn same_key(&self, a: usize, b: usize) -> bool {
        match self {
            Sorted::Narrow(v) => v[a].0 == v[b].0,
            Sorted::Wide(v) => v[a].0 == v[b].0,
        }
    }

    fn row(&self, at: usize) -> usize {
        match self {
            Sorted::Narrow(v) => v[at].1 as usize,
            Sorted::Wide(v) => v[at].1 as usize,
        }
    }
}

/// Sorting 16-byte pairs moves half the memory of 32-byte ones: on 20 million scores that is
/// 320 MB less to fill and sort. Packed keys are equal exactly when the `score_key`s are; they
/// put the person first, so that scores listed person by person are nearly in order already
/// (the order of the identities does not matter: what is left out is sorted by place).
fn sorted_keys(t: &crate::model::Scores) -> Sorted {
    let n = t.project.len();
    let max = |v: &[u32]| u64::from(v.iter().copied().max().unwrap_or(0));
    let (first, last) = (
        t.date.iter().copied().min().unwrap_or(0),
        t.date.iter().copied().max().unwrap_or(0),
    );
    let (bp, bq, bm) = (
        bits(max(&t.project)),
        bits(max(&t.person)),
        bits(max(&t.measure)),
    );
    let bd = bits((i64::from(last) - i64::from(first)) as u64);
    if bp + bq + bm + bd <= 64 {
        let mut order: Vec<(u64, u32)> = (0..n)
            .into_par_iter()
            .map(|i| {
                let key = (u64::from(t.person[i]) << (bp + bm + bd))
                    | (u64::from(t.project[i]) << (bm + bd))
                    | (u64::from(t.measure[i]) << bd)
                    | (i64::from(t.date[i]) - i64::from(first)) as u64;
                (key, i as u32)
            })
            .collect();
        // Scores usually come person by person: then only each person's few scores need
        // sorting, which at 20 million scores is several times faster than sorting them all.
        // Sorted by person (the high bits) and within each person, the whole is sorted.
        let person = |key: u64| key.checked_shr(bp + bm + bd).unwrap_or(0);
        if order
            .par_windows(2)
            .all(|w| person(w[0].0) <= person(w[1].0))
        {
            order
                .par_chunk_by_mut(|a, b| person(a.0) == person(b.0))
                .for_each(<[(u64, u32)]>::sort_unstable);
        } else {
            order.par_sort_unstable();
        }
        return Sorted::Narrow(order);
    }
    let mut order: Vec<(u128, u32)> = (0..n)
        .map(|i| {
            (
                score_key(t.project[i], t.person[i], t.measure[i], t.date[i]),
                i as u32,
            )
        })
        .collect();
    order.par_sort_unstable();
    Sorted::Wide(order)
}

impl Builder<'_, '_> {
    /// Scores: a row equal to an earlier one (same project, person, measure, date and score)
    /// is a duplicate; a key that still holds more than one different score has all its rows
    /// left out (SPEC 3.1). Found by sorting (key, row) pairs in parallel, which for millions
    /// of rows is several times faster than hashing them one by one.
    pub(super) fn score_duplicates_and_conflicts(&mut self, sheets: &mut [ParsedSheet]) {
        let t = &self.tables.scores;
        let n = t.project.len();
        let order = sorted_keys(t);
        let mut keep = vec![true; n];
        let mut duplicates = Vec::new();
        let mut excluded = Vec::new();
        let mut start = 0;
        while start < n {
            let mut end = start + 1;
            while end < n && order.same_key(end, start) {
                end += 1;
            }
            if end - start > 1 {
                // Rows of one key in row order: the first of each distinct score stays.
                let mut distinct: Vec<usize> = Vec::new();
                for at in start..end {
                    let i = order.row(at);
                    if distinct
                        .iter()
                        .any(|&d| t.raw[d].to_bits() == t.raw[i].to_bits())
                    {
                        keep[i] = false;
                        duplicates.push(i);
                    } else {
                        distinct.push(i);
                    }
                }
                if distinct.len() > 1 {
                    let places: Vec<String> = distinct
                        .iter()
                        .map(|&i| {
                            let r = self.refs.scores[i];
                            format!(
                                "{} at row {}",
                                crate::format::format_number(t.raw[i]),
                                sheets[r.sheet as usize].row_number(r.idx)
                            )
                        })
                        .collect();
                    for &i in &distinct {
                        keep[i] = false;
                        excluded.push((
                            i,
                            format!(
                                "is one of different scores for the same project, person, measure and {} ({}): all of them are left out",
                                if crate::model::is_undated(t.date[i]) { "wave (no date)" } else { "date" },
                                places.join(", ")
                            ),
                        ));
                    }
                }
            }
            start = end;
        }
        for i in duplicates {
            let r = self.refs.scores[i];
            sheets[r.sheet as usize].status[r.idx as usize] = RowStatus::Duplicate;
        }
        excluded.sort_by_key(|(i, _)| {
            let r = self.refs.scores[*i];
            (r.sheet, r.idx)
        });
        self.drop_scores(sheets, &keep, excluded);
    }

    /// Leaves out the scores `excluded` names (by their place in the scores table), each with
    /// its problem at its cell, and keeps only the scores marked in `keep` (with their row
    /// references).
    pub(super) fn drop_scores(
        &mut self,
        sheets: &mut [ParsedSheet],
        keep: &[bool],
        excluded: Vec<(usize, String)>,
    ) {
        for (i, message) in excluded {
            let r = self.refs.scores[i];
            let (project, value) = (
                self.tables.scores.project[i],
                crate::format::format_number(self.tables.scores.raw[i]),
            );
            let sheet = &mut sheets[r.sheet as usize];
            self.exclude_score(sheet, (r.idx, project), r.col, value, message);
        }
        if keep.iter().any(|k| !k) {
            self.tables.scores.retain(keep);
            retain_marked(&mut self.refs.scores, keep);
        }
    }

    /// Leaves out every score (and audit item) whose key holds more than one different value,
    /// and gives stories without an id one made from their order.
    pub(super) fn duplicates_and_conflicts(&mut self, sheets: &mut [ParsedSheet]) {
        self.score_duplicates_and_conflicts(sheets);
        let conflicted: FxHashSet<(u32, i32, u8, u8)> = self
            .seen
            .audit_keys
            .iter()
            .filter(|(_, v)| v.1)
            .map(|(k, _)| *k)
            .collect();
        if !conflicted.is_empty() {
            let t = &self.tables.audit;
            let keep: Vec<bool> = (0..t.project.len())
                .map(|i| {
                    !conflicted.contains(&(
                        t.project[i],
                        t.date[i],
                        t.principle[i] as u8,
                        t.item[i],
                    ))
                })
                .collect();
            let mut excluded = Vec::new();
            for (i, k) in keep.iter().enumerate() {
                if !k {
                    excluded.push((self.refs.audit[i], t.project[i], t.score[i]));
                }
            }
            for (r, project, score) in excluded {
                let sheet = &mut sheets[r.sheet as usize];
                self.exclude(sheet, (r.idx, project), Field::Score, score.to_string(), "differs from another score for the same project, date, principle and item: both are left out".into());
            }
            self.tables.audit.retain(&keep);
            retain_marked(&mut self.refs.audit, &keep);
        }
        // Stories without an id get one from their order within the project.
        let mut counter: HashMap<u32, u32> = HashMap::new();
        for s in &mut self.tables.stories {
            if s.story_id.is_empty() {
                let n = counter.entry(s.project).or_default();
                *n += 1;
                s.story_id = format!("#{n}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The order of identities is one full sort's, whether the scores come person by person
    /// (each person's few scores sorted on their own), person by person with the projects in
    /// another order, or in no order.
    #[test]
    fn keys_sort_as_one_full_sort() {
        // A small linear congruential generator: the same "random" scores on every run.
        let mut seed = 7u64;
        let mut next = |below: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) % below
        };
        for case in 0..3 {
            let mut t = crate::model::Scores::default();
            for i in 0..500u32 {
                let person = if case == 2 { next(80) as u32 } else { i / 6 };
                // Case 1: the projects listed last first ("D10000" before "D9999").
                t.project.push(if case == 1 {
                    9 - person / 20
                } else {
                    person / 20
                });
                t.person.push(person);
                t.measure.push(next(3) as u32);
                t.date.push(19_000 + next(5) as i32);
            }
            // Person, project, measure, date, then row: the order of the packed keys.
            let mut expected: Vec<(u128, u32)> = (0..500)
                .map(|i| {
                    (
                        score_key(t.person[i], t.project[i], t.measure[i], t.date[i]),
                        i as u32,
                    )
                })
                .collect();
            expected.sort_unstable();
            let Sorted::Narrow(got) = sorted_keys(&t) else {
                panic!("these keys fit in 64 bits");
            };
            let rows: Vec<u32> = got.iter().map(|(_, row)| *row).collect();
            let want: Vec<u32> = expected.iter().map(|(_, row)| *row).collect();
            assert_eq!(rows, want, "case {case}");
        }
    }
}
