//! Disclosure control (SPEC 4.8), in one place: which figures of the outcome rows are hidden,
//! and why. What a person's scores say about them is never published for a group of fewer
//! than k people, nor anything from which it can be worked out from the other figures.
//!
//! The protected counts of a row are its paired people and the people behind each share
//! ([`Count`]). The rules run in order and repeat until nothing changes:
//! 1. primary: a row with fewer than k paired people is hidden whole;
//! 2. numerators: a shown share whose count is 1 to k - 1 is hidden;
//! 3. complements: the three reliable-change shares add to 100, so when exactly one is hidden
//!    the smaller of the other two above 0 is hidden too;
//! 4. secondary: each measure's `ALL` row pools its project rows, so while the counts hidden
//!    in the project rows add to 1 to k - 1 (which `ALL` minus the shown rows would give
//!    away), the same count is hidden in the row that shows the smallest value above 0, or in
//!    the `ALL` row when no project row can give it.
//!
//! The result is a [`Protection`] per row, which the publishing step turns into
//! [`super::Published`] figures; nothing else decides what is hidden.

use super::Scope;
use super::outcomes::OutcomeRaw;
use super::published::Reason;

/// A protected count of an outcome row, in the order SPEC 4.8 lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Count {
    Paired,
    Improved,
    ReliableImprovement,
    NoReliableChange,
    ReliableDeterioration,
    Meaningful,
}

impl Count {
    pub const ALL: [Count; 6] = [
        Count::Paired,
        Count::Improved,
        Count::ReliableImprovement,
        Count::NoReliableChange,
        Count::ReliableDeterioration,
        Count::Meaningful,
    ];

    /// The three reliable-change counts in the order rule 3 breaks ties: deterioration, then
    /// improvement, then no change.
    const RELIABLE_TIES: [Count; 3] = [
        Count::ReliableDeterioration,
        Count::ReliableImprovement,
        Count::NoReliableChange,
    ];
}

/// What is hidden in one outcome row, and by which rule.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Protection {
    /// The whole row, by rule 1 (`Primary`) or rule 4 (`Secondary`).
    pub row: Option<Reason>,
    /// Each share's count (indexed by [`Count`]; `Paired` is the row).
    counts: [Option<Reason>; 6],
}

impl Protection {
    /// Why `count` is hidden in this row, if it is: a row hidden whole hides all its counts.
    pub fn hidden(&self, count: Count) -> Option<Reason> {
        self.row.or(self.counts[count as usize])
    }
}

/// How many figures each rule hid (for the manifest, never which person).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Hidden {
    /// Rows hidden whole by rule 1.
    pub primary_rows: u64,
    /// Shares hidden by rule 2.
    pub numerator: u64,
    /// Shares hidden by rule 3.
    pub complement: u64,
    /// Shares and whole rows (counted once each) hidden by rule 4.
    pub secondary: u64,
    /// Principle-evidence rows whose outcome pairs are hidden by rule 5.
    pub evidence: u64,
}

/// The protection of every outcome row (`rows` as the figures step sorts them) with k
/// (`min_cell`).
pub fn protect(rows: &[OutcomeRaw], k: u64) -> Vec<Protection> {
    let mut out = vec![Protection::default(); rows.len()];
    // Rule 1 (a row with no paired person has no figures to show either).
    for (p, r) in out.iter_mut().zip(rows) {
        if r.n < k || r.n == 0 {
            p.row = Some(Reason::Primary);
        }
    }
    // Each measure's ALL row and its project rows.
    let mut pools: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        if r.scope == Scope::All {
            let members = rows
                .iter()
                .enumerate()
                .filter(|(_, p)| p.measure == r.measure && p.scope != Scope::All)
                .map(|(j, _)| j)
                .collect();
            pools.push((i, members));
        }
    }
    loop {
        let mut changed = false;
        // Rule 2.
        for (p, r) in out.iter_mut().zip(rows) {
            if p.row.is_some() {
                continue;
            }
            for c in &Count::ALL[1..] {
                if let Some(v) = r.count(*c)
                    && (1..k).contains(&v)
                    && p.counts[*c as usize].is_none()
                {
                    p.counts[*c as usize] = Some(Reason::Numerator);
                    changed = true;
                }
            }
        }
        // Rule 3.
        for (p, r) in out.iter_mut().zip(rows) {
            if p.row.is_some() || r.count(Count::NoReliableChange).is_none() {
                continue;
            }
            let hidden = Count::RELIABLE_TIES
                .iter()
                .filter(|c| p.counts[**c as usize].is_some())
                .count();
            if hidden != 1 {
                continue;
            }
            let smallest = Count::RELIABLE_TIES
                .iter()
                .filter(|c| p.counts[**c as usize].is_none())
                .filter_map(|c| Some((*c, r.count(*c)?)))
                .filter(|(_, v)| *v > 0)
                .min_by_key(|(_, v)| *v);
            if let Some((c, _)) = smallest {
                p.counts[c as usize] = Some(Reason::Complement);
                changed = true;
            }
        }
        // Rule 4.
        for (all, members) in &pools {
            for c in Count::ALL {
                if rows[*all].count(c).is_none() {
                    continue;
                }
                loop {
                    if out[*all].hidden(c).is_some() {
                        break;
                    }
                    let hidden_sum: u64 = members
                        .iter()
                        .filter(|j| out[**j].hidden(c).is_some())
                        .filter_map(|j| rows[*j].count(c))
                        .sum();
                    if !(1..k).contains(&hidden_sum) {
                        break;
                    }
                    // The row showing the smallest value above 0; on a tie the first project
                    // id in byte order (project codes are in that order).
                    let pick = members
                        .iter()
                        .filter(|j| out[**j].hidden(c).is_none())
                        .filter_map(|j| Some((*j, rows[*j].count(c)?)))
                        .filter(|(_, v)| *v > 0)
                        .min_by_key(|(j, v)| (*v, rows[*j].scope));
                    let target = pick.map_or(*all, |(j, _)| j);
                    if c == Count::Paired {
                        out[target].row = Some(Reason::Secondary);
                    } else {
                        out[target].counts[c as usize] = Some(Reason::Secondary);
                    }
                    changed = true;
                }
            }
        }
        if !changed {
            return out;
        }
    }
}

/// How many figures each rule hid in `protections`.
pub fn count_hidden(rows: &[OutcomeRaw], protections: &[Protection]) -> Hidden {
    let mut hidden = Hidden::default();
    for (r, p) in rows.iter().zip(protections) {
        match p.row {
            Some(Reason::Primary) => hidden.primary_rows += 1,
            Some(_) => hidden.secondary += 1,
            None => {
                for c in &Count::ALL[1..] {
                    if r.count(*c).is_none() {
                        continue;
                    }
                    match p.counts[*c as usize] {
                        Some(Reason::Numerator) => hidden.numerator += 1,
                        Some(Reason::Complement) => hidden.complement += 1,
                        Some(Reason::Secondary) => hidden.secondary += 1,
                        _ => {}
                    }
                }
            }
        }
    }
    hidden
}
