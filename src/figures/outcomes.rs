//! Outcomes (SPEC 4.2, 4.3): pairing each person's earliest and latest score per project and
//! measure, then the paired statistics per project and measure and per measure across all
//! projects (`ALL`). One grouping function serves both, with different keys.

use super::disclosure::{Count, Protection};
use super::frames::{self, keys};
use super::published::{Estimate, Interval, Published, Reason, ReliableChange, Share, Verdict};
use super::stats::{self, PairedStats};
use super::{FigureError, Scope, during};
use crate::model::Tables;
use crate::room;
use polars::prelude::*;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

/// Where a measure's standard error of measurement came from (recorded in the manifest).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SemSource {
    /// The measure's own `sem`.
    Measure,
    /// sd * sqrt(1 - reliability) with the measure's `sd`.
    ReliabilityAndSd,
    /// sd * sqrt(1 - reliability) with the SD of baseline scores of all paired people.
    ReliabilityAndBaselineSd,
    /// No sem can be had: reliable change is not reported.
    None,
}

/// The sem used for one measure.
#[derive(Debug, Clone, Serialize)]
pub struct MeasureSem {
    pub measure: u32,
    pub name: String,
    pub sem: Option<f64>,
    pub source: SemSource,
    /// The baseline SD used, when the sem came from it.
    pub sd_ref: Option<f64>,
}

/// One row of `outcomes_summary.csv`: a project (or `ALL`) and a measure, with its figures
/// shown or hidden whole (SPEC 4.8 rule 1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeSummary {
    pub scope: Scope,
    pub measure: u32,
    /// What a reader may conclude (SPEC 4.3), for hidden rows too.
    pub verdict: Verdict,
    pub figures: Published<OutcomeFigures>,
}

impl OutcomeSummary {
    /// Whether the row is hidden whole (`suppressed` in the table).
    pub fn suppressed(&self) -> bool {
        self.figures.is_hidden()
    }

    /// The figures, when the row is shown.
    pub fn shown(&self) -> Option<&OutcomeFigures> {
        self.figures.shown()
    }
}

/// The figures of a shown outcome row. A shown row has at least one paired person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeFigures {
    pub n_paired: u64,
    pub n_baseline_only: u64,
    pub mean_baseline: f64,
    pub mean_followup: f64,
    pub change: Change,
    /// People whose score moved in the better direction at all, in percent.
    pub improved: Share,
    /// `None` when the measure has no measurement error to judge reliable change by.
    pub reliable: Option<ReliableChange>,
    /// People who improved by at least the minimal important difference, in percent; `None`
    /// when the measure has no `mid`.
    pub meaningful: Option<Share>,
    /// People in the reference's worst band at baseline and at follow-up, in percent (SPEC
    /// 4.10); `None` when the measure has no band.
    pub low_baseline: Option<Share>,
    pub low_followup: Option<Share>,
}

/// The mean change from baseline to follow-up and what can be said of it (SPEC 4.3).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Change {
    pub mean: f64,
    /// Sample standard deviation of the changes; `None` for one person.
    pub sd: Option<f64>,
    /// The 95% interval of the mean change; `None` for one person.
    pub ci: Option<Interval>,
    /// Two-sided paired t-test; `None` for one person or no spread.
    pub p_value: Option<f64>,
    /// Cohen's d_z with its interval, positive for improvement; `None` as `p_value`.
    pub effect_size: Option<Estimate>,
}

/// A group's numbers before suppression; only the figures step sees these.
#[derive(Debug, Clone)]
pub struct OutcomeRaw {
    pub scope: Scope,
    pub measure: u32,
    pub n: u64,
    pub n_baseline_only: u64,
    pub improved: u64,
    mean_baseline: Option<f64>,
    mean_followup: Option<f64>,
    mean_change: Option<f64>,
    sd_change: Option<f64>,
    stats: PairedStats,
    reliable_improvement: Option<u64>,
    reliable_deterioration: Option<u64>,
    meaningful: Option<u64>,
    /// Paired people in the reference's worst band at baseline and at follow-up (SPEC 4.10).
    low_baseline: Option<u64>,
    low_followup: Option<u64>,
    /// +1 when higher is better, else -1.
    direction: f64,
    /// The measure's minimal important difference.
    mid: Option<f64>,
}

impl OutcomeRaw {
    /// A protected count of the group (SPEC 4.8); `None` when the measure has no such figure
    /// (no measurement error for reliable change, no minimal important difference).
    pub fn count(&self, count: Count) -> Option<u64> {
        match count {
            Count::Paired => Some(self.n),
            Count::Improved => Some(self.improved),
            Count::ReliableImprovement => self.reliable_improvement,
            Count::ReliableDeterioration => self.reliable_deterioration,
            Count::NoReliableChange => self
                .reliable_improvement
                .zip(self.reliable_deterioration)
                .map(|(i, d)| self.n - i - d),
            Count::Meaningful => self.meaningful,
            Count::LowBaseline => self.low_baseline,
            Count::LowFollowup => self.low_followup,
        }
    }

    /// The published row: hidden whole, or shown with the shares `protection` hides left out,
    /// and its verdict (SPEC 4.3: `too_few` for rule 1, `hidden` for rule 4).
    pub fn publish(&self, protection: &Protection, min_cell: u32) -> OutcomeSummary {
        let figures = match (protection.row, self.shown_figures(protection)) {
            (None, Some(f)) => Published::Shown(f),
            (Some(reason), _) => Published::Hidden(reason),
            (None, None) => Published::Hidden(Reason::Primary),
        };
        let verdict = match &figures {
            Published::Shown(f) => Verdict::of(
                f.n_paired,
                u64::from(min_cell),
                f.change.mean,
                f.change.ci,
                f.change.sd,
                self.direction,
                self.mid,
            ),
            Published::Hidden(Reason::Secondary | Reason::Audit) => Verdict::Hidden,
            Published::Hidden(_) => Verdict::TooFew,
        };
        OutcomeSummary {
            scope: self.scope,
            measure: self.measure,
            verdict,
            figures,
        }
    }

    /// The figures of a group, when it has at least one paired person, with the shares that
    /// `protection` hides.
    fn shown_figures(&self, protection: &Protection) -> Option<OutcomeFigures> {
        let n = self.n as f64;
        let share = |c: Count| -> Option<Share> {
            let count = self.count(c)?;
            Some(match protection.hidden(c) {
                Some(reason) => Published::Hidden(reason),
                None => Published::Shown(100.0 * count as f64 / n),
            })
        };
        let reliable = share(Count::ReliableImprovement).and_then(|improved| {
            Some(ReliableChange {
                improved,
                no_change: share(Count::NoReliableChange)?,
                deteriorated: share(Count::ReliableDeterioration)?,
            })
        });
        Some(OutcomeFigures {
            n_paired: self.n,
            n_baseline_only: self.n_baseline_only,
            mean_baseline: self.mean_baseline?,
            mean_followup: self.mean_followup?,
            change: Change {
                mean: self.mean_change?,
                sd: self.sd_change,
                ci: Interval::of(self.stats.ci_low, self.stats.ci_high),
                p_value: self.stats.p_value,
                effect_size: self
                    .stats
                    .effect_size
                    .zip(Interval::of(self.stats.es_ci_low, self.stats.es_ci_high))
                    .map(|(value, ci)| Estimate { value, ci }),
            },
            improved: share(Count::Improved)?,
            reliable,
            meaningful: share(Count::Meaningful),
            low_baseline: share(Count::LowBaseline),
            low_followup: share(Count::LowFollowup),
        })
    }
}

/// One row per project, measure and person: how many dates, and the baseline and follow-up
/// scores, both null unless there are at least two dates.
pub fn pairs(tables: &Tables) -> Result<DataFrame, FigureError> {
    during("the pairing of outcome scores", pairs_frame(tables))
}

/// Bits needed to hold every value below `n`.
fn bits(n: usize) -> u32 {
    usize::BITS - n.leading_zeros()
}

fn pairs_frame(tables: &Tables) -> PolarsResult<DataFrame> {
    let s = &tables.scores;
    let n = s.project.len();
    // A person's dates are distinct (the checks leave out conflicting scores). Each row gets
    // one number, date then row index, so that in a group sorted by it the first and last
    // rows are the baseline and the follow-up. Undated scores of a wide row are in order by
    // wave (`order`, SPEC 2.4).
    let order = if s.order.is_empty() {
        &s.date
    } else {
        &s.order
    };
    let when = |i: usize| ((u64::from(order[i] as u32 ^ 0x8000_0000)) << 32) | i as u64;
    let (pb, mb, qb) = (
        bits(tables.project_ids.len()),
        bits(tables.measures.len()),
        bits(tables.people.len()),
    );
    // Rows sorted by group, then `when`: each group is one run. Every row is distinct (`when`
    // holds its index), so an unstable sort is exact.
    let blocks: Vec<Vec<Run>> = if pb + mb + qb <= 64 {
        // Usually the three keys fit in one u64: a sort of pairs of numbers, person first,
        // because scores usually come person by person: then only each person's few scores
        // need sorting, a person at a time in a small buffer (in parallel blocks of whole
        // persons), where one vector of every score's pair would take 320 MB at 20 million
        // scores for the kernel to clear first.
        let key = |i: usize| {
            (u64::from(s.person[i]) << (pb + mb))
                | (u64::from(s.project[i]) << mb)
                | u64::from(s.measure[i])
        };
        let by_persons =
            crate::room::by_sorted_runs(&s.person, |person, acc| add_runs(person, key, when, acc));
        match by_persons {
            Some(blocks) => blocks.into_iter().map(|(runs, _)| runs).collect(),
            // Not person by person: the rows grouped by project (by counting: few projects),
            // then each project's sorted on their own, where one sort of every score's pair
            // would take 320 MB at 20 million scores. A project's groups then reach
            // `pair_columns` a few places apart, rather than each far from the last.
            None => crate::room::by_key_groups(&s.project, |rows, acc| {
                add_runs(rows.iter().map(|&i| i as usize), key, when, acc)
            })
            .into_iter()
            .map(|(runs, _)| runs)
            .collect(),
        }
    } else {
        let mut rows: Vec<(u32, u32, u32, u64)> = (0..n)
            .into_par_iter()
            .map(|i| (s.project[i], s.measure[i], s.person[i], when(i)))
            .collect();
        rows.par_sort_unstable();
        vec![group_runs(&rows, |r| (r.0, r.1, r.2), |r| r.3)]
    };
    let c = pair_columns(tables, blocks);
    // A baseline and a follow-up count only together: null (which means and SDs skip)
    // unless the pair has both, so that the statistics need no masked copy of them.
    let paired = BooleanChunked::from_iter_values("paired".into(), c.dates.iter().map(|d| *d >= 2));
    // (One chunk, or none when there are no pairs.)
    let paired = paired.downcast_iter().next().map(|a| a.values().clone());
    let scores = |name: &str, values: Vec<f64>| {
        Float64Chunked::from_vec_validity(name.into(), values, paired.clone()).into_column()
    };
    DataFrame::new_infer_height(vec![
        Column::new("project".into(), c.project),
        Column::new("measure".into(), c.measure),
        Column::new("person".into(), c.person),
        Column::new("dates".into(), c.dates),
        scores("baseline", c.baseline),
        scores("follow_up", c.follow_up),
    ])
}

/// The groups among `rows` (a person's scores, or a project's) added to `runs`: the rows are
/// sorted by `key` then `when` in `order`, a buffer used again for the next rows.
fn add_runs(
    rows: impl Iterator<Item = usize>,
    key: impl Fn(usize) -> u64,
    when: impl Fn(usize) -> u64,
    (runs, order): &mut (Vec<Run>, Vec<(u64, u64)>),
) {
    order.clear();
    order.extend(rows.map(|i| (key(i), when(i))));
    order.sort_unstable();
    group_runs_into(order, |r| r.0, |r| r.1, runs);
}

/// A group of scores: the row of its first and of its last entry, and its size (12 bytes:
/// a table holds fewer than 2^32 scores, as its rows are counted in `u32`).
type Run = (u32, u32, u32);

/// The pairs' columns, a row per group.
struct PairColumns {
    project: Vec<u32>,
    measure: Vec<u32>,
    person: Vec<u32>,
    dates: Vec<u32>,
    baseline: Vec<f64>,
    follow_up: Vec<f64>,
}

impl PairColumns {
    /// Columns of `groups` rows, written once by every core (`room::filled`) so that one
    /// thread then fills them in any order.
    fn new(groups: usize) -> PairColumns {
        PairColumns {
            project: room::filled(groups, 0),
            measure: room::filled(groups, 0),
            person: room::filled(groups, 0),
            dates: room::filled(groups, 0),
            baseline: room::filled(groups, 0.0),
            follow_up: room::filled(groups, 0.0),
        }
    }

    /// The row of the group `r` at `i`: its project, measure and person, its number of
    /// dates, and its first and last scores on the scale the statistics use.
    fn put(&mut self, i: usize, r: &Run, tables: &Tables) {
        let s = &tables.scores;
        let analysed = |row: u32| {
            let row = row as usize;
            tables.measures[s.measure[row] as usize].analysed_score(s.raw[row])
        };
        let first = r.0 as usize;
        self.project[i] = s.project[first];
        self.measure[i] = s.measure[first];
        self.person[i] = s.person[first];
        self.dates[i] = r.2;
        self.baseline[i] = analysed(r.0);
        self.follow_up[i] = analysed(r.1);
    }
}

/// The columns of the groups `blocks` hold, each block in person order (within a project,
/// when the scores were grouped by project), in (project, measure, person) order: so that
/// sums over the groups, and so the figures to the last bit, do not depend on the order of
/// the inputs.
///
/// Usually by counting: each project and measure's groups are counted, then each group's row
/// is written straight to its place, in the order met, which is person order. Two passes
/// over the groups, where a sort of 10 million groups' keys and a gather of the groups took
/// three times as long and 400 MB more new memory. When there are more projects and measures
/// together than groups, by a sort of the keys, which are distinct.
fn pair_columns(tables: &Tables, blocks: Vec<Vec<Run>>) -> PairColumns {
    let s = &tables.scores;
    let measures = tables.measures.len();
    let groups: usize = blocks.iter().map(Vec::len).sum();
    let mut c = PairColumns::new(groups);
    let cells = tables.project_ids.len().saturating_mul(measures);
    if cells > groups.max(1 << 16) {
        let mut order: Vec<((u32, u32, u32), Run)> = blocks
            .par_iter()
            .flat_map_iter(|runs| runs.iter())
            .map(|r| {
                let first = r.0 as usize;
                ((s.project[first], s.measure[first], s.person[first]), *r)
            })
            .collect();
        order.par_sort_unstable_by_key(|&(key, _)| key);
        for (i, (_, r)) in order.iter().enumerate() {
            c.put(i, r, tables);
        }
        return c;
    }
    let cell = |r: &Run| {
        let first = r.0 as usize;
        s.project[first] as usize * measures + s.measure[first] as usize
    };
    // Where each project and measure's groups start.
    // (A table holds fewer than 2^32 scores, so fewer groups.)
    let mut next = vec![0u32; cells];
    for r in blocks.iter().flatten() {
        next[cell(r)] += 1;
    }
    let mut start = 0;
    for slot in &mut next {
        let count = *slot;
        *slot = start;
        start += count;
    }
    for r in blocks.iter().flatten() {
        let at = &mut next[cell(r)];
        c.put(*at as usize, r, tables);
        *at += 1;
    }
    c
}

/// The groups of rows sorted by group: per group, the row of its first and of its last
/// entry (the low 32 bits of `when`) and its size.
fn group_runs<T, K: PartialEq>(
    rows: &[T],
    key: impl Fn(&T) -> K,
    when: impl Fn(&T) -> u64,
) -> Vec<Run> {
    let mut runs = Vec::new();
    group_runs_into(rows, key, when, &mut runs);
    runs
}

/// [`group_runs`] added to `runs`.
fn group_runs_into<T, K: PartialEq>(
    rows: &[T],
    key: impl Fn(&T) -> K,
    when: impl Fn(&T) -> u64,
    runs: &mut Vec<Run>,
) {
    let row = |t: &T| (when(t) & 0xFFFF_FFFF) as u32;
    let mut start = 0;
    for i in 1..=rows.len() {
        if i == rows.len() || key(&rows[i]) != key(&rows[start]) {
            runs.push((row(&rows[start]), row(&rows[i - 1]), (i - start) as u32));
            start = i;
        }
    }
}

/// The sem of every measure used in outcomes (SPEC 4.3 reliable change).
pub fn sems(tables: &Tables, pairs: &DataFrame) -> Result<Vec<MeasureSem>, FigureError> {
    let pooled = during(
        "the baseline SD of each measure",
        pairs
            .clone()
            .lazy()
            .group_by_stable(keys(&["measure"]))
            .agg([col("baseline").std(1).alias("sd")])
            .collect(),
    )?;
    let measures = during(
        "the baseline SD of each measure",
        frames::u32s(&pooled, "measure"),
    )?;
    let sds = during(
        "the baseline SD of each measure",
        frames::f64s(&pooled, "sd"),
    )?;
    // Which measures have scores, in code order: one pass over the scores marking a flag per
    // measure (a set built from 20 million codes sorted them all first).
    let mut used = vec![false; tables.measures.len()];
    for &m in &tables.scores.measure {
        used[m as usize] = true;
    }
    Ok((0u32..)
        .zip(used)
        .filter_map(|(m, used)| used.then_some(m))
        .map(|m| {
            let measure = &tables.measures[m as usize];
            let pooled_sd = measures
                .iter()
                .position(|x| *x == Some(m))
                .and_then(|i| sds[i]);
            let valid = |sem: f64| (sem.is_finite() && sem > 0.0).then_some(sem);
            let (sem, source, sd_ref) = match (measure.sem, measure.reliability, measure.sd) {
                (Some(sem), _, _) => (valid(sem), SemSource::Measure, None),
                (None, Some(r), Some(sd)) => (
                    valid(sd * (1.0 - r).sqrt()),
                    SemSource::ReliabilityAndSd,
                    Some(sd),
                ),
                (None, Some(r), None) => (
                    pooled_sd.and_then(|sd| valid(sd * (1.0 - r).sqrt())),
                    SemSource::ReliabilityAndBaselineSd,
                    pooled_sd,
                ),
                (None, None, _) => (None, SemSource::None, None),
            };
            MeasureSem {
                measure: m,
                name: measure.name.clone(),
                sem,
                source: if sem.is_some() {
                    source
                } else {
                    SemSource::None
                },
                sd_ref,
            }
        })
        .collect())
}

/// The counts of a group of pairs: paired (with a baseline and a follow-up), with a
/// baseline only, and of the paired: moved the better way at all; by more than the measure's
/// reliable-change threshold; the worse way by more than it; the better way by at least its
/// minimal important difference; in the reference's worst band at baseline; and at
/// follow-up. A measure without the threshold, the difference or the band counts none (its
/// count is not shown).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    n: u64,
    baseline_only: u64,
    improved: u64,
    reliable_improvement: u64,
    reliable_deterioration: u64,
    meaningful: u64,
    low_baseline: u64,
    low_followup: u64,
}

impl Counts {
    /// A pair of `dates` scores with the flags `bits` ([`flag_bits`]).
    fn add(&mut self, dates: u32, bits: u8) {
        let bit = |k: u8| u64::from(bits >> k & 1);
        self.n += u64::from(dates >= 2);
        self.baseline_only += u64::from(dates == 1);
        self.improved += bit(0);
        self.reliable_improvement += bit(1);
        self.reliable_deterioration += bit(2);
        self.meaningful += bit(3);
        self.low_baseline += bit(4);
        self.low_followup += bit(5);
    }

    fn merge(&mut self, other: &Counts) {
        self.n += other.n;
        self.baseline_only += other.baseline_only;
        self.improved += other.improved;
        self.reliable_improvement += other.reliable_improvement;
        self.reliable_deterioration += other.reliable_deterioration;
        self.meaningful += other.meaningful;
        self.low_baseline += other.low_baseline;
        self.low_followup += other.low_followup;
    }
}

/// The counts of every (project, measure) group and of every measure across projects.
pub struct PairCounts {
    by_group: FxHashMap<(u32, u32), Counts>,
    by_measure: FxHashMap<u32, Counts>,
}

/// The pairs with the one flag a later step filters on beside them (`reliable_improvement`,
/// for the people of each project), and the counts of every group. Each pair's flags are
/// worked out from the pair and its measure's constants (direction, threshold, mid, band),
/// and counted, in one parallel pass: counts are whole numbers, the same in any order, so
/// that polars only works out the means and SDs. Flag columns counted by polars took a
/// column of 10 million numbers a flag and a grouping, at 20 million scores: 1.3 GB of new
/// memory for the kernel to clear first.
pub fn pairs_with_counts(
    tables: &Tables,
    pairs: &DataFrame,
    sems: &[MeasureSem],
) -> Result<(DataFrame, PairCounts), FigureError> {
    during("the counts of the pairs", with_counts(tables, pairs, sems))
}

/// A measure's constants for its pairs' flags.
struct Constants<'t> {
    /// 1 when higher is better, -1 when lower is.
    dir: f64,
    /// The reliable-change threshold, when the measure has an SEM.
    threshold: Option<f64>,
    /// The minimal important difference.
    mid: Option<f64>,
    /// The reference, whose worst band (if any) the flags of the band use.
    reference: Option<&'t crate::model::Reference>,
}

/// A paired pair's flags, one bit each in the order of [`Counts`] (improved first); none for
/// a pair without a baseline and a follow-up.
fn flag_bits(c: &Constants, dates: u32, baseline: f64, follow_up: f64) -> u8 {
    if dates < 2 {
        return 0;
    }
    let improvement = c.dir * (follow_up - baseline);
    let worst = |score: f64| c.reference.is_some_and(|r| r.worst(score));
    u8::from(improvement > 0.0)
        | u8::from(c.threshold.is_some_and(|t| improvement > t)) << 1
        | u8::from(c.threshold.is_some_and(|t| improvement < -t)) << 2
        | u8::from(c.mid.is_some_and(|m| improvement >= m)) << 3
        | u8::from(worst(baseline)) << 4
        | u8::from(worst(follow_up)) << 5
}

/// The values of a one-chunk column of numbers (rechunked), null or not; none when empty.
fn values(c: &Series) -> PolarsResult<&[f64]> {
    Ok(c.f64()?
        .downcast_iter()
        .next()
        .map_or(&[][..], |a| a.values().as_slice()))
}

fn with_counts(
    tables: &Tables,
    pairs: &DataFrame,
    sems: &[MeasureSem],
) -> PolarsResult<(DataFrame, PairCounts)> {
    let constants: Vec<Constants> = tables
        .measures
        .iter()
        .enumerate()
        .map(|(m, measure)| Constants {
            dir: if measure.higher_is_better { 1.0 } else { -1.0 },
            threshold: sems
                .iter()
                .find(|s| s.measure == m as u32)
                .and_then(|s| s.sem)
                .map(stats::reliable_change_threshold),
            mid: measure.mid,
            reference: measure.reference.as_ref(),
        })
        .collect();
    let column = |name: &str| {
        pairs
            .column(name)
            .map(|c| c.as_materialized_series().rechunk())
    };
    let (project, measure, dates) = (column("project")?, column("measure")?, column("dates")?);
    let (baseline, follow_up) = (column("baseline")?, column("follow_up")?);
    let (project, measure, dates) = (
        project.u32()?.cont_slice()?,
        measure.u32()?.cont_slice()?,
        dates.u32()?.cont_slice()?,
    );
    // Values, whether null or not: a pair's flags look at its scores only when it has both.
    let (baseline, follow_up) = (values(&baseline)?, values(&follow_up)?);
    let bits: Vec<u8> = (0..measure.len())
        .into_par_iter()
        .map(|i| {
            let c = &constants[measure[i] as usize];
            flag_bits(c, dates[i], baseline[i], follow_up[i])
        })
        .collect();
    // The counts of each run of pairs of one group (the pairs come group by group), then the
    // runs' counts added up by group, whatever the order.
    let runs: Vec<((u32, u32), Counts)> = (0..measure.len())
        .into_par_iter()
        .with_min_len(1 << 14)
        .fold(Vec::new, |mut runs: Vec<((u32, u32), Counts)>, i| {
            let key = (project[i], measure[i]);
            match runs.last_mut() {
                Some((last, counts)) if *last == key => counts.add(dates[i], bits[i]),
                _ => {
                    let mut counts = Counts::default();
                    counts.add(dates[i], bits[i]);
                    runs.push((key, counts));
                }
            }
            runs
        })
        .reduce(Vec::new, |mut a, b| {
            a.extend(b);
            a
        });
    let mut counts = PairCounts {
        by_group: FxHashMap::default(),
        by_measure: FxHashMap::default(),
    };
    for (key, run) in &runs {
        counts.by_group.entry(*key).or_default().merge(run);
        counts.by_measure.entry(key.1).or_default().merge(run);
    }
    let improved = bits.iter().map(|b| b >> 1 & 1 == 1);
    let flag = BooleanChunked::from_iter_values("reliable_improvement".into(), improved);
    let mut flagged = pairs.clone();
    flagged.with_column(flag.into_column())?;
    Ok((flagged, counts))
}

/// The means and SDs grouped by `by` (`[project, measure]` or `[measure]`).
fn summarise(pairs: &DataFrame, by: &[&str]) -> PolarsResult<DataFrame> {
    let d = col("follow_up") - col("baseline");
    // Of the pairs with a baseline and a follow-up: the others' scores are null.
    let aggregates = [
        col("baseline").mean().alias("mean_baseline"),
        col("follow_up").mean().alias("mean_followup"),
        d.clone().mean().alias("mean_change"),
        d.std(1).alias("sd_change"),
    ];
    pairs
        .clone()
        .lazy()
        .group_by_stable(keys(by))
        .agg(aggregates)
        .collect()
}

/// Every outcome row: per project and measure, then per measure (`ALL`), sorted as SPEC 5.3.
/// `pairs` and `counts` are [`pairs_with_counts`].
pub fn summaries(
    tables: &Tables,
    pairs: &DataFrame,
    counts: &PairCounts,
    sems: &[MeasureSem],
) -> Result<Vec<OutcomeRaw>, FigureError> {
    let mut rows = Vec::new();
    for by_project in [true, false] {
        let by: &[&str] = if by_project {
            &["project", "measure"]
        } else {
            &["measure"]
        };
        let df = during("the outcome statistics", summarise(pairs, by))?;
        rows.extend(during(
            "the outcome statistics",
            raw_rows(tables, &df, by_project, counts, sems),
        )?);
    }
    let rank = super::lowercase_ranks(tables.measures.iter().map(|m| m.name.as_str()));
    rows.sort_by_key(|r| (r.scope, rank[r.measure as usize]));
    Ok(rows)
}

fn raw_rows(
    tables: &Tables,
    df: &DataFrame,
    by_project: bool,
    counts: &PairCounts,
    sems: &[MeasureSem],
) -> PolarsResult<Vec<OutcomeRaw>> {
    let scopes = frames::scopes(df, by_project)?;
    let measures = frames::u32s(df, "measure")?;
    let mean_baseline = frames::f64s(df, "mean_baseline")?;
    let mean_followup = frames::f64s(df, "mean_followup")?;
    let mean_change = frames::f64s(df, "mean_change")?;
    let sd_change = frames::f64s(df, "sd_change")?;
    // Each row's test and interval on its own (a national dataset has 40,000 rows).
    Ok((0..df.height())
        .into_par_iter()
        .map(|i| {
            let measure = measures[i].unwrap_or_default();
            let c = match scopes[i] {
                Scope::Project(p) => counts.by_group.get(&(p, measure)),
                Scope::All => counts.by_measure.get(&measure),
            }
            .copied()
            .unwrap_or_default();
            let m = &tables.measures[measure as usize];
            let has_sem = sems.iter().any(|s| s.measure == measure && s.sem.is_some());
            let n = c.n;
            let sd_change = if n >= 2 { sd_change[i] } else { None };
            let direction = if m.higher_is_better { 1.0 } else { -1.0 };
            let banded = m.reference.as_ref().is_some_and(|r| r.has_band());
            OutcomeRaw {
                scope: scopes[i],
                measure,
                n,
                n_baseline_only: c.baseline_only,
                improved: c.improved,
                mean_baseline: mean_baseline[i],
                mean_followup: mean_followup[i],
                mean_change: mean_change[i],
                sd_change,
                stats: stats::paired(n, mean_change[i].unwrap_or(0.0), sd_change, direction),
                reliable_improvement: has_sem.then_some(c.reliable_improvement),
                reliable_deterioration: has_sem.then_some(c.reliable_deterioration),
                meaningful: m.mid.map(|_| c.meaningful),
                low_baseline: banded.then_some(c.low_baseline),
                low_followup: banded.then_some(c.low_followup),
                direction,
                mid: m.mid,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pairs of scores listed person by person (each person's scores sorted on their own,
    /// in parallel blocks) are those of the same scores in no order (one sort of them all),
    /// value for value: a baseline, a follow-up and a count for each project, measure and
    /// person, in that order.
    #[test]
    fn pairs_do_not_depend_on_the_order_of_the_scores() {
        let mut tables = Tables::default();
        for p in 0..7 {
            tables.project_ids.push(format!("P{p}"));
        }
        for m in 0..3 {
            tables.measures.push(crate::model::Measure::new(
                &format!("M{m}"),
                0.0,
                100.0,
                true,
            ));
        }
        // A small linear congruential generator: the same "random" scores on every run.
        let mut seed = 11u64;
        let mut next = |below: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) % below
        };
        let mut rows = Vec::new();
        for person in 0..400u32 {
            tables.people.push(&format!("person-{person}"));
            let project = next(7) as u32;
            for measure in 0..3u32 {
                // Distinct dates a person and measure, in no order.
                let mut dates: Vec<i32> = (0..next(4) as i32).map(|d| 19_000 + 30 * d).collect();
                dates.reverse();
                for date in dates {
                    rows.push((project, person, measure, date, next(100) as f64));
                }
            }
        }
        let frame_of = |tables: &Tables, rows: &[(u32, u32, u32, i32, f64)]| {
            let mut t = tables.clone();
            for &(project, person, measure, date, score) in rows {
                t.scores.project.push(project);
                t.scores.person.push(person);
                t.scores.measure.push(measure);
                t.scores.date.push(date);
                t.scores.raw.push(score);
            }
            pairs_frame(&t).expect("pairs")
        };
        let frame = |rows: &[(u32, u32, u32, i32, f64)]| frame_of(&tables, rows);
        let by_person = frame(&rows);
        // Shuffled: people no longer in order, so all scores are sorted at once.
        let mut shuffled = rows.clone();
        for i in (1..shuffled.len()).rev() {
            shuffled.swap(i, next(i as u64 + 1) as usize);
        }
        assert!(shuffled.windows(2).any(|w| w[0].1 > w[1].1));
        let at_once = frame(&shuffled);
        assert!(by_person.height() > 500);
        assert!(by_person.equals_missing(&at_once), "{by_person}\n{at_once}");
        // With more projects and measures together than groups (and than 65,536), the groups
        // are put in order by a sort of their keys rather than by counting: the same frame.
        let mut many = tables.clone();
        for p in 7..30_000 {
            many.project_ids.push(format!("P{p}"));
        }
        for shuffle in [&rows, &shuffled] {
            let sorted = frame_of(&many, shuffle);
            assert!(by_person.equals_missing(&sorted), "{by_person}\n{sorted}");
        }
        // By hand for two groups: the first with two scores has its earliest as baseline; the
        // first with one score has no baseline (null: means and SDs leave it out).
        let scores = |r: &(u32, u32, u32, i32, f64)| {
            rows.iter().filter(|o| o.1 == r.1 && o.2 == r.2).count()
        };
        let person = by_person.column("person").unwrap().u32().unwrap().clone();
        let measure = by_person.column("measure").unwrap().u32().unwrap().clone();
        let baseline = by_person.column("baseline").unwrap().f64().unwrap().clone();
        let at = |r: &(u32, u32, u32, i32, f64)| {
            (0..by_person.height())
                .find(|&i| person.get(i) == Some(r.1) && measure.get(i) == Some(r.2))
                .expect("the row's group")
        };
        let two = rows
            .iter()
            .find(|r| scores(r) >= 2)
            .expect("a group of two");
        let earliest = rows
            .iter()
            .filter(|r| r.1 == two.1 && r.2 == two.2)
            .min_by_key(|r| r.3)
            .expect("a score");
        assert_eq!(baseline.get(at(two)), Some(earliest.4));
        let one = rows
            .iter()
            .find(|r| scores(r) == 1)
            .expect("a group of one");
        assert_eq!(baseline.get(at(one)), None);
    }
}
