//! Principle evidence (SPEC 4.7) and project figures with value for money (SPEC 4.6): the
//! tables that join outputs, outcomes, stories and audit by project and principle.

use super::disclosure::{Count, Protection};
use super::frames::{self, keys};
use super::outcomes::OutcomeRaw;
use super::{AuditSummary, FigureError, Scope, StorySummary, Suppression, during};
use crate::model::{Principle, Tables};
use polars::prelude::*;
use serde::Serialize;

/// One row of `principle_evidence.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrincipleEvidence {
    pub project: u32,
    pub principle: Principle,
    pub output_measures: u64,
    /// Empty when 0 < pairs < min_cell, or when an outcome row it pools hides its paired
    /// people or its improved count (SPEC 4.8 rule 5).
    pub outcome_pairs: Option<u64>,
    /// Empty with `outcome_pairs`, or when its count is 1 to min_cell - 1 (rule 2).
    pub pct_improved: Option<f64>,
    /// Whether rule 5 hid `outcome_pairs` though it was at least min_cell (for the manifest).
    #[serde(skip)]
    pub pairs_protected: bool,
    pub stories: u64,
    pub quotable_stories: u64,
    pub audit_score: Option<f64>,
}

/// One row of `projects_summary.csv`, with the totals the pages show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProjectSummary {
    pub project: u32,
    pub name: String,
    pub organisation: Option<String>,
    pub funders: Vec<String>,
    /// Distinct people with any score; empty when 0 < n < min_cell.
    pub participants: Option<u64>,
    pub participants_suppressed: bool,
    /// Distinct people with a baseline and a follow-up on at least one measure; empty when
    /// 0 < n < min_cell.
    pub paired: Option<u64>,
    pub stories: u64,
    pub outputs_total: f64,
    pub budget: Option<f64>,
    pub cost_per_participant: Option<f64>,
    /// People reliably improved on at least one measure; empty below min_cell, or when a
    /// reliable-change share of the project is hidden.
    pub reliably_improved: Option<u64>,
    /// Whether `reliably_improved` is hidden because a reliable-change share is (SPEC 4.6).
    #[serde(skip)]
    pub improved_protected: bool,
    pub cost_per_reliable_improvement: Option<f64>,
}

/// Distinct output measures per project and principle, through a long frame of tags.
fn output_measures(tables: &Tables) -> PolarsResult<DataFrame> {
    let o = &tables.outputs;
    let (mut project, mut principle, mut measure) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..o.project.len() {
        for p in o.principles[i].iter() {
            project.push(o.project[i]);
            principle.push(p as u32);
            measure.push(o.measure[i]);
        }
    }
    DataFrame::new_infer_height(vec![
        Column::new("project".into(), project),
        Column::new("principle".into(), principle),
        Column::new("measure".into(), measure),
    ])?
    .lazy()
    .group_by_stable(keys(&["project", "principle"]))
    .agg([col("measure").n_unique().alias("measures")])
    .collect()
}

pub fn principle_evidence(
    tables: &Tables,
    outcomes: &[OutcomeRaw],
    protections: &[Protection],
    stories: &[StorySummary],
    audit: &[AuditSummary],
    suppression: Suppression,
) -> Result<Vec<PrincipleEvidence>, FigureError> {
    let what = "the principle evidence";
    let df = during(what, output_measures(tables))?;
    let projects = during(what, frames::u32s(&df, "project"))?;
    let principles = during(what, frames::u32s(&df, "principle"))?;
    let counts = during(what, frames::u64s(&df, "measures"))?;
    let n = tables.project_ids.len();
    let mut measures = vec![[0u64; 5]; n];
    for i in 0..df.height() {
        if let (Some(p), Some(q), Some(c)) = (projects[i], principles[i], counts[i]) {
            measures[p as usize][q as usize] = c;
        }
    }
    // Pairs and improved pairs per project and principle, and whether any row pooled hides
    // its paired people or its improved count (rule 5).
    let mut pairs = vec![[(0u64, 0u64, false); 5]; n];
    for (row, protection) in outcomes.iter().zip(protections) {
        let Scope::Project(p) = row.scope else {
            continue;
        };
        let protected = row.n > 0
            && (protection.hidden(Count::Paired).is_some()
                || protection.hidden(Count::Improved).is_some());
        for q in tables.measures[row.measure as usize].principles.iter() {
            let cell = &mut pairs[p as usize][q as usize];
            cell.0 += row.n;
            cell.1 += row.improved;
            cell.2 |= protected;
        }
    }
    // Each project's story summary and latest self-audit scores, found once (the first of
    // each, as a search would): searching them per project costs the square of the projects.
    let story_of = story_by_project(stories, n);
    let mut audit_of: Vec<[Option<f64>; 5]> = vec![[None; 5]; n];
    for a in audit {
        if let Some(slot @ None) = audit_of
            .get_mut(a.project as usize)
            .map(|scores| &mut scores[a.principle as usize])
        {
            *slot = Some(a.latest_score);
        }
    }
    let mut rows = Vec::with_capacity(n * 5);
    for p in 0..n {
        let story = story_of[p];
        for q in Principle::ALL {
            let (n_pairs, improved, protected) = pairs[p][q as usize];
            let outcome_pairs = suppression.count(n_pairs).filter(|_| !protected);
            rows.push(PrincipleEvidence {
                project: p as u32,
                principle: q,
                output_measures: measures[p][q as usize],
                outcome_pairs,
                pct_improved: outcome_pairs
                    .filter(|n| *n > 0)
                    .filter(|_| suppression.count(improved).is_some())
                    .map(|n| 100.0 * improved as f64 / n as f64),
                pairs_protected: protected && suppression.count(n_pairs).is_some(),
                stories: story.map_or(0, |s| s.principles[q as usize]),
                quotable_stories: story.map_or(0, |s| s.quotable_principles[q as usize]),
                audit_score: audit_of[p][q as usize],
            });
        }
    }
    Ok(rows)
}

/// Each project's story summary (the first given for it), by project code.
fn story_by_project(stories: &[StorySummary], n: usize) -> Vec<Option<&StorySummary>> {
    let mut story_of = vec![None; n];
    for s in stories {
        if let Some(Scope::Project(p)) = s.scope
            && let Some(slot @ None) = story_of.get_mut(p as usize)
        {
            *slot = Some(s);
        }
    }
    story_of
}

/// Distinct people per project, by project code.
struct People {
    /// With any score.
    participants: Vec<u64>,
    /// Reliably improved on at least one measure.
    improved: Vec<u64>,
    /// With a baseline and a follow-up on at least one measure.
    paired: Vec<u64>,
}

/// Distinct people per project: with any score, reliably improved on at least one measure,
/// and with a baseline and a follow-up on at least one measure.
fn people(tables: &Tables, pairs: &DataFrame) -> Result<People, FigureError> {
    let what = "the participants of each project";
    let n = tables.project_ids.len();
    // Every score is in exactly one pair (its project, measure and person), so the people
    // with any score are those of the pairs: a third as many rows as the scores to count.
    let all = during(
        what,
        pairs
            .clone()
            .lazy()
            .group_by_stable(keys(&["project"]))
            .agg([col("person").n_unique().alias("people")])
            .collect(),
    )?;
    let improved = during(
        what,
        pairs
            .clone()
            .lazy()
            .filter(col("reliable_improvement"))
            .group_by_stable(keys(&["project"]))
            .agg([col("person").n_unique().alias("people")])
            .collect(),
    )?;
    let paired = during(
        what,
        pairs
            .clone()
            .lazy()
            .filter(col("dates").gt_eq(lit(2u32)))
            .group_by_stable(keys(&["project"]))
            .agg([col("person").n_unique().alias("people")])
            .collect(),
    )?;
    let mut out = (vec![0u64; n], vec![0u64; n], vec![0u64; n]);
    for (df, target) in [
        (&all, &mut out.0),
        (&improved, &mut out.1),
        (&paired, &mut out.2),
    ] {
        let projects = during(what, frames::u32s(df, "project"))?;
        let people = during(what, frames::u64s(df, "people"))?;
        for (p, c) in projects.into_iter().zip(people) {
            if let (Some(p), Some(c)) = (p, c) {
                target[p as usize] = c;
            }
        }
    }
    Ok(People {
        participants: out.0,
        improved: out.1,
        paired: out.2,
    })
}

pub fn projects(
    tables: &Tables,
    pairs: &DataFrame,
    stories: &[StorySummary],
    suppression: Suppression,
    outcomes: &[OutcomeRaw],
    protections: &[Protection],
) -> Result<Vec<ProjectSummary>, FigureError> {
    let People {
        participants,
        improved,
        paired,
    } = people(tables, pairs)?;
    let mut outputs_total = vec![0.0; tables.project_ids.len()];
    for (p, v) in tables.outputs.project.iter().zip(&tables.outputs.value) {
        outputs_total[*p as usize] += v;
    }
    let n = tables.project_ids.len();
    // Projects with a reliable-change share hidden (SPEC 4.6), found in one pass over the
    // outcome rows rather than one pass a project.
    let mut rc_hidden = vec![false; n];
    for (r, pr) in outcomes.iter().zip(protections) {
        if let Scope::Project(p) = r.scope
            && [
                Count::ReliableImprovement,
                Count::NoReliableChange,
                Count::ReliableDeterioration,
            ]
            .iter()
            .any(|c| r.count(*c).is_some() && pr.hidden(*c).is_some())
            && let Some(hidden) = rc_hidden.get_mut(p as usize)
        {
            *hidden = true;
        }
    }
    let story_of = story_by_project(stories, n);
    Ok((0..n)
        .map(|p| {
            let project = tables.projects[p].as_ref();
            let budget = project.and_then(|x| x.budget);
            let shown = suppression.count(participants[p]);
            // People reliably improved on at least one measure: shown from min_cell, and only
            // when no reliable-change share of the project is hidden (SPEC 4.6), so that a cost
            // per improvement cannot give a hidden share back.
            let rc_hidden = rc_hidden[p];
            let reliably_improved = Some(improved[p])
                .filter(|n| !suppression.hides_row(*n))
                .filter(|_| !rc_hidden);
            let improved_protected = rc_hidden && !suppression.hides_row(improved[p]);
            ProjectSummary {
                project: p as u32,
                name: project.map_or_else(|| tables.project_ids[p].clone(), |x| x.name.clone()),
                organisation: project.and_then(|x| x.organisation.clone()),
                funders: project.map(|x| x.funders.clone()).unwrap_or_default(),
                participants: shown,
                participants_suppressed: shown.is_none(),
                paired: suppression.count(paired[p]),
                stories: story_of[p].map_or(0, |s| s.stories),
                outputs_total: outputs_total[p],
                budget,
                // A budget of 0 gives no cost (SPEC 4.6): "£0 per person" would mislead.
                cost_per_participant: budget
                    .filter(|b| *b > 0.0)
                    .zip(shown.filter(|n| *n > 0))
                    .map(|(b, n)| b / n as f64),
                reliably_improved,
                improved_protected,
                cost_per_reliable_improvement: budget
                    .filter(|b| *b > 0.0)
                    .zip(reliably_improved)
                    .map(|(b, n)| b / n as f64),
            }
        })
        .collect())
}
