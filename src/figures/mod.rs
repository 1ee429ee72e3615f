//! Figures (SPEC 4): every number the reports show, computed from the canonical tables.
//!
//! polars does the grouping of the large tables (scores, outputs, audit items); the grouping
//! by project and by measure (or principle) is written once per family as a function of its
//! keys, and called with `[project, …]` and with the `ALL` keys. What leaves this module is
//! plain Rust values ([`Figures`]), so charts and pages never touch polars. Small-number
//! suppression is decided in one place, [`Suppression`], when those values are built: a
//! suppressed figure is never stored, so nothing downstream can show it.

mod audit;
pub mod disclosure;
mod evidence;
mod frames;
mod outcomes;
mod outputs;
pub mod published;
pub mod social;
pub mod stats;
mod stories;

use crate::config::Quarters;
use crate::model::{Principle, Tables};
use serde::Serialize;

pub use audit::AuditSummary;
pub use evidence::{PrincipleEvidence, ProjectSummary};
pub use outcomes::{Change, MeasureSem, OutcomeFigures, OutcomeSummary, SemSource};
pub use outputs::{OutputSum, Period};
pub use published::{Estimate, Interval, Published, Reason, ReliableChange, Share, Verdict};
pub use stories::StorySummary;

/// Whose figures a row holds: one project (by code) or all projects together (`ALL`).
/// Ordered so that projects come in `project_id` byte order and `ALL` last (SPEC 5.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Scope {
    Project(u32),
    All,
}

impl Scope {
    /// `project_id` as the tables write it.
    pub fn id<'t>(&self, tables: &'t Tables) -> &'t str {
        match self {
            Scope::Project(code) => &tables.project_ids[*code as usize],
            Scope::All => "ALL",
        }
    }
}

/// The small-number rule (SPEC 4.3, 4.6, 4.7), in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Suppression {
    pub min_cell: u32,
}

impl Suppression {
    /// A row of outcome figures with `n` paired people is suppressed when n < min_cell.
    pub fn hides_row(&self, n: u64) -> bool {
        n < u64::from(self.min_cell)
    }

    /// A count of people shown alone: kept when 0 or at least min_cell.
    pub fn count(&self, n: u64) -> Option<u64> {
        (n == 0 || n >= u64::from(self.min_cell)).then_some(n)
    }
}

/// What the figures are computed with.
#[derive(Debug, Clone)]
pub struct FigureSettings {
    pub suppression: Suppression,
    pub quarters: Quarters,
    /// How a change in life satisfaction is valued (SPEC 4.9).
    pub value: crate::config::ValueConfig,
}

/// Every figure of SPEC 4, as plain values ready for tables, charts and pages.
#[derive(Debug, Clone, Serialize)]
pub struct Figures {
    pub suppression: Suppression,
    /// How many figures disclosure control hid, by rule (SPEC 4.8, for the manifest).
    pub hidden: disclosure::Hidden,
    /// Social value of every outcome row of a measure with `ls_per_point` (SPEC 4.9).
    pub social: Vec<social::SocialValue>,
    /// The `[value]` settings the social value was computed with.
    pub value: crate::config::ValueConfig,
    pub outputs: Vec<OutputSum>,
    pub outcomes: Vec<OutcomeSummary>,
    pub sems: Vec<MeasureSem>,
    pub stories: Vec<StorySummary>,
    pub audit: Vec<AuditSummary>,
    pub evidence: Vec<PrincipleEvidence>,
    pub projects: Vec<ProjectSummary>,
    /// Paired people per measure across all projects, suppressed or not, for every measure
    /// used: `(measure, people)` in measure order.
    pub paired_by_measure: Vec<(u32, u64)>,
}

/// A failure inside the figures step: a bug or a resource limit, never bad input (input was
/// checked before). It carries what was being computed.
#[derive(Debug, thiserror::Error)]
#[error("while computing {what}: {source}")]
pub struct FigureError {
    pub what: &'static str,
    #[source]
    pub source: polars::error::PolarsError,
}

/// Maps a polars error to a [`FigureError`] naming the step.
pub(crate) fn during<T>(
    what: &'static str,
    result: polars::error::PolarsResult<T>,
) -> Result<T, FigureError> {
    result.map_err(|source| FigureError { what, source })
}

/// Computes every figure.
pub fn compute(tables: &Tables, settings: FigureSettings) -> Result<Figures, FigureError> {
    let suppression = settings.suppression;
    // The outcomes (most of the work) beside the outputs, stories and self-audits.
    let (outcome_figures, others) = rayon::join(
        || -> Result<_, FigureError> {
            let pairs = outcomes::pairs(tables)?;
            let sems = outcomes::sems(tables, &pairs)?;
            let (pairs, counts) = outcomes::pairs_with_counts(tables, &pairs, &sems)?;
            let outcome_rows = outcomes::summaries(tables, &pairs, &counts, &sems)?;
            let protections = disclosure::protect(&outcome_rows, u64::from(suppression.min_cell));
            Ok((pairs, sems, outcome_rows, protections))
        },
        || -> Result<_, FigureError> {
            let outputs = outputs::sums(tables, settings.quarters)?;
            let stories = stories::summaries(tables);
            let audit = audit::summaries(tables)?;
            Ok((outputs, stories, audit))
        },
    );
    let (pairs, sems, outcome_rows, protections) = outcome_figures?;
    let (outputs, stories, audit) = others?;
    let mut hidden = disclosure::count_hidden(&outcome_rows, &protections);
    let evidence = evidence::principle_evidence(
        tables,
        &outcome_rows,
        &protections,
        &stories,
        &audit,
        suppression,
    )?;
    hidden.evidence = evidence.iter().filter(|e| e.pairs_protected).count() as u64;
    let projects = evidence::projects(
        tables,
        &pairs,
        &stories,
        suppression,
        &outcome_rows,
        &protections,
    )?;
    let mut paired_by_measure: Vec<(u32, u64)> = outcome_rows
        .iter()
        .filter(|r| r.scope == Scope::All)
        .map(|r| (r.measure, r.n))
        .collect();
    paired_by_measure.sort_unstable();
    let outcomes = outcome_rows
        .iter()
        .zip(&protections)
        .map(|(raw, protection)| raw.publish(protection, suppression.min_cell))
        .collect::<Vec<_>>();
    let social = social::social_values(tables, &outcomes, &settings.value);
    Ok(Figures {
        suppression,
        hidden,
        social,
        value: settings.value.clone(),
        outputs,
        outcomes,
        sems,
        stories,
        audit,
        evidence,
        projects,
        paired_by_measure,
    })
}

/// Each name's place in case-insensitive order (names equal but for case share one), so that
/// rows are sorted by name without lower-casing two names per comparison.
pub fn lowercase_ranks<'a>(names: impl Iterator<Item = &'a str>) -> Vec<u32> {
    let lower: Vec<String> = names.map(str::to_lowercase).collect();
    let mut order: Vec<usize> = (0..lower.len()).collect();
    order.sort_by(|a, b| lower[*a].cmp(&lower[*b]));
    let mut ranks = vec![0u32; lower.len()];
    let mut rank = 0u32;
    for (k, &i) in order.iter().enumerate() {
        if k > 0 && lower[i] != lower[order[k - 1]] {
            rank += 1;
        }
        ranks[i] = rank;
    }
    ranks
}

/// The principles in the fixed order of SPEC 1.1, for tables that list them.
pub fn principles() -> [Principle; 5] {
    Principle::ALL
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_rank_in_case_insensitive_order() {
        // By hand: lower-cased "b", "a", "a", "c"; "A" and "a" share the first place.
        let names = ["b", "A", "a", "C"];
        assert_eq!(super::lowercase_ranks(names.into_iter()), vec![1, 0, 0, 2]);
    }
}
