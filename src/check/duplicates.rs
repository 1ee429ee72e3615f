//! Exact duplicates and conflicts across rows and sources (SPEC 3.1): a row equal to an earlier
//! one in every recognised column is kept once; different scores for one project, person,
//! measure and date, audit scores that differ, and a story id used twice in a project are
//! excluded with a problem that points at the earlier row.

use super::place::Builder;
use crate::ingest::rows::{ParsedSheet, RowStatus};
use crate::model::retain_marked;
use crate::schema::Field;
use hashbrown::HashTable;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::HashMap;

/// An output row within its project: (date, measure name as written, value bits, principles,
/// notes as written).
pub(super) type OutputKey = (i32, u32, u64, u8, u32);

/// What earlier rows held, for exact duplicates and conflicts.
#[derive(Default)]
pub(super) struct Seen {
    /// Per project, its output rows, names and notes as codes of [`Seen::texts`]. A set per
    /// project stays in the cache while its rows are read, where one set of a national
    /// dataset's 1.2 million outputs would be looked up far from it for each row.
    pub(super) outputs: Vec<FxHashSet<OutputKey>>,
    /// Output measure names and notes exactly as written, coded across all sheets.
    pub(super) texts: super::place::Codes,
    /// Per project (as for outputs), the stories kept, by hash of the whole story: (hash,
    /// place in `tables.stories`).
    pub(super) stories: Vec<HashTable<(u64, u32)>>,
    /// Per project, the stories kept with a story_id given, by hash of their id: (hash, place
    /// in `tables.stories`, where it was given: sheet and row number). The id itself is the
    /// story's, so that none is copied.
    pub(super) story_ids: Vec<HashTable<(u64, u32, u32, u32)>>,
    /// Per project, the scores met for each date, principle and item ([`audit_key`]), as a
    /// set of bits (scores are 1 to 5): a score met before is a duplicate; two scores are a
    /// conflict.
    pub(super) audit: Vec<FxHashMap<u64, u8>>,
    pub(super) narratives: FxHashSet<crate::model::Narrative>,
}

/// The slot of `project` in a table held per project, made when first needed.
pub(super) fn of_project<T: Default>(per_project: &mut Vec<T>, project: u32) -> &mut T {
    let i = project as usize;
    if per_project.len() <= i {
        per_project.resize_with(i + 1, T::default);
    }
    &mut per_project[i]
}

/// An audit score's identity within its project: date, principle and item in one number.
pub(super) fn audit_key(date: i32, principle: u8, item: u8) -> u64 {
    (u64::from(date as u32) << 16) | (u64::from(principle) << 8) | u64::from(item)
}

/// An audit score as one bit of [`Seen::audit`]'s sets (scores are 1 to 5, checked when read).
pub(super) fn audit_bit(score: u8) -> u8 {
    debug_assert!(score < 8, "audit scores are 1 to 5");
    1 << (score & 7)
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

/// How a score's identity is packed into 64 bits, when it fits: the person first, so that
/// scores listed person by person are in key order already but for each person's own few
/// (the order of the identities does not matter: what is left out is sorted by place).
/// Packed keys are equal exactly when the `score_key`s are.
#[derive(Clone, Copy)]
struct Packing {
    first_date: i32,
    /// Bits of measure and date, project, and the three together (where the person starts).
    date: u32,
    measure_date: u32,
    person_at: u32,
}

impl Packing {
    fn of(t: &crate::model::Scores) -> Option<Packing> {
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
        (bp + bq + bm + bd <= 64).then_some(Packing {
            first_date: first,
            date: bd,
            measure_date: bm + bd,
            person_at: bp + bm + bd,
        })
    }

    fn key(self, t: &crate::model::Scores, i: usize) -> u64 {
        (u64::from(t.person[i])
            .checked_shl(self.person_at)
            .unwrap_or(0))
            | (u64::from(t.project[i])
                .checked_shl(self.measure_date)
                .unwrap_or(0))
            | (u64::from(t.measure[i]).checked_shl(self.date).unwrap_or(0))
            | (i64::from(t.date[i]) - i64::from(self.first_date)) as u64
    }
}

/// What the scores sharing an identity come to: the rows that repeat an earlier score, and
/// when different scores remain, each of them with its problem.
#[derive(Default)]
struct Verdicts {
    duplicates: Vec<usize>,
    excluded: Vec<(usize, String)>,
}

impl Verdicts {
    /// Judges every identity held by more than one row of `order`, which is sorted by
    /// identity then row.
    fn judge<K: PartialEq>(
        &mut self,
        order: &[(K, u32)],
        t: &crate::model::Scores,
        place: &(impl Fn(usize) -> String + Sync),
    ) {
        for same in order.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1) {
            // Rows of one key in row order: the first of each distinct score stays.
            let mut distinct: Vec<usize> = Vec::new();
            for &(_, row) in same {
                let i = row as usize;
                if distinct
                    .iter()
                    .any(|&d| t.raw[d].to_bits() == t.raw[i].to_bits())
                {
                    self.duplicates.push(i);
                } else {
                    distinct.push(i);
                }
            }
            if distinct.len() > 1 {
                let places: Vec<String> = distinct
                    .iter()
                    .map(|&i| {
                        format!(
                            "{} at row {}",
                            crate::format::format_number(t.raw[i]),
                            place(i)
                        )
                    })
                    .collect();
                for &i in &distinct {
                    self.excluded.push((
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
    }
}

/// Every score's (identity, row) pair, sorted by identity then row.
fn sorted_all<K: Ord + Send>(n: usize, key: impl Fn(usize) -> K + Sync) -> Vec<(K, u32)> {
    let mut order: Vec<(K, u32)> = (0..n).into_par_iter().map(|i| (key(i), i as u32)).collect();
    order.par_sort_unstable();
    order
}

/// The verdicts on the scores `rows` (a person's, or a project's) added to `v`: the rows
/// sorted by identity then row in `order`, a buffer used again for the next rows.
fn judge_group(
    rows: impl ExactSizeIterator<Item = usize>,
    packing: Packing,
    t: &crate::model::Scores,
    place: &(impl Fn(usize) -> String + Sync),
    (v, order): &mut (Verdicts, Vec<(u64, u32)>),
) {
    if rows.len() > 1 {
        order.clear();
        order.extend(rows.map(|i| (packing.key(t, i), i as u32)));
        order.sort_unstable();
        v.judge(order, t, place);
    }
}

/// The verdicts on every score, in the order of the identities (person first when they are
/// packed); `place(i)` says where score `i` was written.
///
/// Scores usually come person by person: then only each person's few scores need sorting, a
/// person at a time in a small buffer, where sorting all (identity, row) pairs at once would
/// fill 16 bytes a score (320 MB at 20 million scores, which the kernel must first clear) and
/// sort them. In any other order, a project's scores at a time. `by_person` allows either
/// (tests compare them with one full sort). The verdicts come in the order of the identities
/// within each group; what is left out is then put in order by place.
fn verdicts(
    t: &crate::model::Scores,
    place: &(impl Fn(usize) -> String + Sync),
    by_person: bool,
) -> Verdicts {
    let n = t.project.len();
    let mut all = Verdicts::default();
    let Some(packing) = Packing::of(t) else {
        let order = sorted_all(n, |i| {
            score_key(t.project[i], t.person[i], t.measure[i], t.date[i])
        });
        all.judge(&order, t, place);
        return all;
    };
    // Persons in parallel blocks, each block's verdicts joined in order.
    let by_persons = if by_person {
        crate::room::by_sorted_runs(&t.person, |rows, acc| {
            judge_group(rows, packing, t, place, acc)
        })
    } else {
        None
    };
    // Otherwise grouped by project (by counting: few projects), each project's scores
    // sorted on their own, rather than one sort of every score's pair.
    let parts = match by_persons {
        Some(parts) => parts,
        None if by_person => crate::room::by_key_groups(&t.project, |rows, acc| {
            judge_group(rows.iter().map(|&i| i as usize), packing, t, place, acc)
        }),
        None => {
            all.judge(&sorted_all(n, |i| packing.key(t, i)), t, place);
            return all;
        }
    };
    for (part, _) in parts {
        all.duplicates.extend(part.duplicates);
        all.excluded.extend(part.excluded);
    }
    all
}

impl Builder<'_, '_> {
    /// Scores: a row equal to an earlier one (same project, person, measure, date and score)
    /// is a duplicate; a key that still holds more than one different score has all its rows
    /// left out (SPEC 3.1). Found by sorting (key, row) pairs, which for millions of rows is
    /// several times faster than hashing them one by one.
    pub(super) fn score_duplicates_and_conflicts(&mut self, sheets: &mut [ParsedSheet]) {
        let t = &self.tables.scores;
        let refs = &self.refs.scores;
        let place = |i: usize| {
            let r = refs.get(i);
            sheets[r.sheet as usize].row_number(r.idx).to_string()
        };
        let Verdicts {
            duplicates,
            mut excluded,
        } = verdicts(t, &place, true);
        let mut keep = vec![true; t.project.len()];
        for &i in &duplicates {
            keep[i] = false;
            let r = self.refs.scores.get(i);
            sheets[r.sheet as usize].status[r.idx as usize] = RowStatus::Duplicate;
        }
        for &(i, _) in &excluded {
            keep[i] = false;
        }
        excluded.sort_by_key(|(i, _)| {
            let r = self.refs.scores.get(*i);
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
            let r = self.refs.scores.get(i);
            let (project, value) = (
                self.tables.scores.project[i],
                crate::format::format_number(self.tables.scores.raw[i]),
            );
            let sheet = &mut sheets[r.sheet as usize];
            self.exclude_score(sheet, (r.idx, project), r.col, value, message);
        }
        if keep.iter().any(|k| !k) {
            self.tables.scores.retain(keep);
            self.refs.scores.retain(keep);
        }
    }

    /// Leaves out every score (and audit item) whose key holds more than one different value,
    /// and gives stories without an id one made from their order.
    pub(super) fn duplicates_and_conflicts(&mut self, sheets: &mut [ParsedSheet]) {
        self.score_duplicates_and_conflicts(sheets);
        let conflicted = |project: u32, key: u64| {
            self.seen
                .audit
                .get(project as usize)
                .and_then(|keys| keys.get(&key))
                .is_some_and(|scores| scores.count_ones() > 1)
        };
        let any_conflict = self
            .seen
            .audit
            .iter()
            .any(|keys| keys.values().any(|scores| scores.count_ones() > 1));
        if any_conflict {
            let t = &self.tables.audit;
            let keep: Vec<bool> = (0..t.project.len())
                .map(|i| {
                    let key = audit_key(t.date[i], t.principle[i] as u8, t.item[i]);
                    !conflicted(t.project[i], key)
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

    /// Each score's verdict worked out the plain way: the rows of each identity in row order,
    /// a repeat of an earlier score a duplicate, different scores all left out.
    fn by_hand(t: &crate::model::Scores) -> (Vec<usize>, Vec<usize>) {
        let mut rows_of: std::collections::BTreeMap<(u32, u32, u32, i32), Vec<usize>> =
            Default::default();
        for i in 0..t.project.len() {
            let id = (t.project[i], t.person[i], t.measure[i], t.date[i]);
            rows_of.entry(id).or_default().push(i);
        }
        let (mut duplicates, mut excluded) = (Vec::new(), Vec::new());
        for rows in rows_of.values() {
            let mut distinct: Vec<usize> = Vec::new();
            for &i in rows {
                if distinct.iter().any(|&d| t.raw[d] == t.raw[i]) {
                    duplicates.push(i);
                } else {
                    distinct.push(i);
                }
            }
            if distinct.len() > 1 {
                excluded.extend(distinct);
            }
        }
        duplicates.sort_unstable();
        excluded.sort_unstable();
        (duplicates, excluded)
    }

    /// Person by person (each person's few scores sorted on their own, in parallel blocks),
    /// person by person with the projects in another order, or in no order (a project's
    /// scores at a time): the verdicts are those worked out by hand, and the same, message for
    /// message, as those of one full sort.
    #[test]
    fn scores_are_judged_as_by_hand_and_as_one_full_sort() {
        // A small linear congruential generator: the same "random" scores on every run.
        let mut seed = 7u64;
        let mut next = |below: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) % below
        };
        for case in 0..5 {
            let mut t = crate::model::Scores::default();
            // Few scores too: blocks of no rows, and of one person's part.
            let n = if case == 0 { 5 } else { 3000 };
            for i in 0..n {
                let person = match case {
                    // Cases 2 and 4: people in no order (judged a project at a time).
                    2 | 4 => next(80) as u32,
                    // One person only: every block boundary falls inside the person.
                    3 => 0,
                    _ => i / 6,
                };
                t.project.push(match case {
                    // The projects listed last first ("D10000" before "D9999").
                    1 => 999 - person / 20,
                    // A person's scores under several projects, and projects not in the
                    // people's order.
                    4 => next(7) as u32,
                    _ => person / 20,
                });
                t.person.push(person);
                t.measure.push(next(3) as u32);
                t.date.push(19_000 + next(4) as i32);
                t.raw.push(next(3) as f64);
            }
            let place = |i: usize| format!("r{i}");
            let fast = verdicts(&t, &place, true);
            let full = verdicts(&t, &place, false);
            assert_eq!(fast.duplicates.len(), full.duplicates.len(), "case {case}");
            // Message for message, in the order of their rows.
            let by_row = |v: &Verdicts| {
                let mut e = v.excluded.clone();
                e.sort();
                e
            };
            assert_eq!(by_row(&fast), by_row(&full), "case {case}");
            let mut duplicates = fast.duplicates.clone();
            duplicates.sort_unstable();
            let mut excluded: Vec<usize> = fast.excluded.iter().map(|(i, _)| *i).collect();
            excluded.sort_unstable();
            let (want_duplicates, want_excluded) = by_hand(&t);
            assert!(n < 10 || (!want_duplicates.is_empty() && !want_excluded.is_empty()));
            assert_eq!(duplicates, want_duplicates, "case {case}");
            assert_eq!(excluded, want_excluded, "case {case}");
        }
    }
}
