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
//! 7. audit: then mwm attacks its own figures as a reader would ([`audit`]): it bounds every
//!    hidden count from what is shown and what the wording says (a count hidden by rule 1 or
//!    2 is below k, one hidden by rule 4 is at least k, a hidden share is above 0), and where
//!    one is determined exactly and is 1 to k - 1 it hides one more figure of that row or pool,
//!    then runs the rules again.
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
    LowBaseline,
    LowFollowup,
}

impl Count {
    pub const ALL: [Count; 8] = [
        Count::Paired,
        Count::Improved,
        Count::ReliableImprovement,
        Count::NoReliableChange,
        Count::ReliableDeterioration,
        Count::Meaningful,
        Count::LowBaseline,
        Count::LowFollowup,
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
    counts: [Option<Reason>; 8],
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
    /// Shares and whole rows hidden by the audit (rule 7).
    pub audit: u64,
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
        rules_2_to_4(rows, &pools, k, &mut out);
        if !audit(rows, &pools, k, &mut out) {
            return out;
        }
    }
}

/// Rules 2 to 4, repeated until nothing changes.
fn rules_2_to_4(
    rows: &[OutcomeRaw],
    pools: &[(usize, Vec<usize>)],
    k: u64,
    out: &mut [Protection],
) {
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
        for (all, members) in pools {
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
            return;
        }
    }
}

/// A hidden count's bounds as a reader can know them: [low, high].
type Bounds = (u64, u64);

/// A count of a row: (row, count).
type Cell = (usize, Count);

/// What a reader knows of `count` in row `r`: its value when shown, else bounds from the
/// wording of why it is hidden and the row's own paired people.
fn known(r: &OutcomeRaw, p: &Protection, count: Count, k: u64) -> Result<u64, Bounds> {
    let value = r.count(count).unwrap_or(0);
    let n_known = p.row.is_none().then_some(r.n);
    match p.hidden(count) {
        None => Ok(value),
        // "fewer than k": a small group, or a small count.
        Some(Reason::Primary) => Err((0, k - 1)),
        Some(Reason::Numerator) => Err((1, k - 1)),
        // A row hidden to protect another held at least k people; its shares are unknown.
        Some(Reason::Secondary) if count == Count::Paired || p.row.is_some() => {
            if count == Count::Paired {
                Err((k, u64::MAX))
            } else {
                Err((0, u64::MAX))
            }
        }
        // A share hidden to protect another is above 0 (rules 3, 4 and 7 only hide those).
        Some(_) => Err((1, n_known.unwrap_or(u64::MAX))),
    }
}

/// Narrows the bounds of hidden parts that add up to `total`; returns whether any changed.
/// Sums are taken in u128 so that an open bound (`u64::MAX`) never wraps.
fn narrow(parts: &mut [Bounds], total: u64) -> bool {
    let mut changed = false;
    let lows: u128 = parts.iter().map(|b| u128::from(b.0)).sum();
    let highs: u128 = parts.iter().map(|b| u128::from(b.1)).sum();
    let total = u128::from(total);
    for b in parts.iter_mut() {
        let others_low = lows - u128::from(b.0);
        let others_high = highs - u128::from(b.1);
        let low = u128::from(b.0).max(total.saturating_sub(others_high));
        let high = u128::from(b.1).min(total.saturating_sub(others_low));
        if low <= high {
            let narrowed = (low as u64, high as u64);
            if narrowed != *b {
                *b = narrowed;
                changed = true;
            }
        }
    }
    changed
}

/// Rule 7: bound every hidden count from the sums a reader can form (each `ALL` row over its
/// projects, the three reliable-change shares over a shown row's people) and the wording; where
/// a count of 1 to k - 1 is determined exactly, hide the smallest shown count above 0 that the
/// sum used. Returns whether anything more was hidden.
fn audit(
    rows: &[OutcomeRaw],
    pools: &[(usize, Vec<usize>)],
    k: u64,
    out: &mut [Protection],
) -> bool {
    // Every sum a reader knows: (the cells it adds, its total, the cell that shows the total).
    // A cell is (row, count). A row's three reliable-change counts come first: a leak there is
    // mended in its row, and the pools then see it mended.
    let mut sums: Vec<(Vec<Cell>, u64, Cell)> = Vec::new();
    for (i, (r, p)) in rows.iter().zip(out.iter()).enumerate() {
        if p.row.is_none() && r.count(Count::NoReliableChange).is_some() {
            sums.push((
                [
                    Count::ReliableImprovement,
                    Count::NoReliableChange,
                    Count::ReliableDeterioration,
                ]
                .iter()
                .map(|c| (i, *c))
                .collect(),
                r.n,
                (i, Count::Paired),
            ));
        }
    }
    for (all, members) in pools {
        for c in Count::ALL {
            if rows[*all].count(c).is_none() {
                continue;
            }
            if let Ok(total) = known(&rows[*all], &out[*all], c, k) {
                sums.push((members.iter().map(|j| (*j, c)).collect(), total, (*all, c)));
            }
        }
    }
    // Bounds of every hidden cell, narrowed by every sum until they settle.
    let mut bounds: std::collections::BTreeMap<(usize, Count), Bounds> = Default::default();
    for (cells, _, _) in &sums {
        for (i, c) in cells {
            if let Err(b) = known(&rows[*i], &out[*i], *c, k) {
                bounds.insert((*i, *c), b);
            }
        }
    }
    for _ in 0..20 {
        let mut changed = false;
        for (cells, total, _) in &sums {
            let shown: u64 = cells
                .iter()
                .filter_map(|(i, c)| known(&rows[*i], &out[*i], *c, k).ok())
                .sum();
            let hidden: Vec<(usize, Count)> = cells
                .iter()
                .copied()
                .filter(|cell| bounds.contains_key(cell))
                .collect();
            let mut parts: Vec<Bounds> = hidden.iter().map(|cell| bounds[cell]).collect();
            if narrow(&mut parts, total.saturating_sub(shown)) {
                changed = true;
                for (cell, b) in hidden.iter().zip(parts) {
                    bounds.insert(*cell, b);
                }
            }
        }
        if !changed {
            break;
        }
    }
    // A small count worked out exactly: hide one more figure of the sum that gave it away,
    // the smallest shown count above 0; when the sum shows none, its total (a row's people,
    // or the ALL row's count). A leak whose rows were changed earlier in this pass waits for
    // the next, which sees the change: hiding a pool's figures for a leak that its row mends
    // hid figures for nothing, one a pass, and made a portfolio of many small projects take
    // time quadratic in its projects.
    let mut hid = false;
    let mut changed = vec![false; rows.len()];
    for (cells, _, total_cell) in &sums {
        let leaking: Vec<&(usize, Count)> = cells
            .iter()
            .filter(|cell| {
                bounds
                    .get(cell)
                    .is_some_and(|(lo, hi)| lo == hi && (1..k).contains(lo))
            })
            .collect();
        if leaking.is_empty() || leaking.iter().all(|(i, _)| changed[*i]) {
            continue;
        }
        let pick = cells
            .iter()
            .filter(|(i, c)| out[*i].hidden(*c).is_none())
            .filter_map(|(i, c)| Some(((*i, *c), rows[*i].count(*c)?)))
            .filter(|(_, v)| *v > 0)
            .min_by_key(|((i, _), v)| (*v, rows[*i].scope))
            .map(|(cell, _)| cell)
            .or_else(|| {
                let (i, c) = *total_cell;
                out[i].hidden(c).is_none().then_some((i, c))
            });
        if let Some((i, c)) = pick {
            if c == Count::Paired {
                out[i].row = Some(Reason::Audit);
            } else {
                out[i].counts[c as usize] = Some(Reason::Audit);
            }
            changed[i] = true;
            hid = true;
        }
    }
    hid
}

/// How many figures each rule hid in `protections`.
pub fn count_hidden(rows: &[OutcomeRaw], protections: &[Protection]) -> Hidden {
    let mut hidden = Hidden::default();
    for (r, p) in rows.iter().zip(protections) {
        match p.row {
            Some(Reason::Primary) => hidden.primary_rows += 1,
            Some(Reason::Audit) => hidden.audit += 1,
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
                        Some(Reason::Audit) => hidden.audit += 1,
                        _ => {}
                    }
                }
            }
        }
    }
    hidden
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The audit's bounds, worked out by hand.
    #[test]
    fn sums_narrow_hidden_counts() {
        // Two shares hidden as "fewer than 5" that must add to 2: each is 1 (SPEC 4.8 rule 7's
        // own example).
        let mut parts = [(1, 4), (1, 4)];
        assert!(narrow(&mut parts, 2));
        assert_eq!(parts, [(1, 1), (1, 1)]);
        // A group "fewer than 5" and one hidden to protect it (at least 5) adding to 6: the
        // first is 0 or 1, the second 5 or 6; nothing exact.
        let mut parts = [(0, 4), (5, u64::MAX)];
        assert!(narrow(&mut parts, 6));
        assert_eq!(parts, [(0, 1), (5, 6)]);
        // Adding to 12 they say nothing more than the wording did about the first.
        let mut parts = [(0, 4), (5, u64::MAX)];
        narrow(&mut parts, 12);
        assert_eq!(parts[0], (0, 4));
    }
}
