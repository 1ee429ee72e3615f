//! The outcomes section (SPEC 4.2, 4.3): each measure's change from baseline to follow-up
//! with its interval, reliable change, and the table of every outcome row of the page's scope.

use crate::charts::{bars, change, palette};
use crate::figures::{OutcomeSummary, Published, Reason, Scope, Share, Verdict};
use crate::report::pages::PageContext;
use crate::report::pages::ShownOutcome;
use crate::report::views::{
    Block, Finding, Section, TableCell, Term, chart_with_table, count, number, pct, signed,
};
use crate::tr;

use super::{INDICATIVE, capitalise};

/// What a reader may conclude about a measure's change, in words chosen by its verdict
/// (SPEC 4.3, 5.1): a direction is stated as a finding only when the interval supports it,
/// and "no clear change" is said as such. Hidden and too-small rows say why there is nothing.
pub fn verdict_words(ctx: &PageContext<'_>, row: &OutcomeSummary) -> String {
    let text = ctx.text;
    let measure = ctx.measure_name(row.measure);
    let hidden = ctx.hidden();
    let Some(f) = row.shown() else {
        return tr!(
            text,
            "verdict-words",
            verdict = row.verdict.key(),
            measure = measure,
            hidden = hidden.as_str()
        );
    };
    let change = f.change.mean;
    let (low, high) = f.change.ci.map_or((change, change), |ci| (ci.low, ci.high));
    // One decimal, or two when a figure is below 0.1 and would read as 0.0; more (up to
    // three) while an interval's two ends would read the same ("between 0.5 and 0.5").
    let mut decimals = if [change, low, high]
        .iter()
        .any(|v| *v != 0.0 && v.abs() < 0.05)
    {
        2
    } else {
        1
    };
    while decimals < 3 && low < high && number(low, decimals) == number(high, decimals) {
        decimals += 1;
    }
    let shown = |v: f64| number(v.abs(), decimals);
    let way_of = |v: f64| {
        if shown(v).trim_start_matches(['0', '.']).is_empty() {
            "none"
        } else if v > 0.0 {
            "up"
        } else {
            "down"
        }
    };
    let (near, far) = if low.abs() <= high.abs() {
        (low, high)
    } else {
        (high, low)
    };
    let mid = ctx.tables.measures[row.measure as usize]
        .mid
        .map(|m| number(m, 1))
        .unwrap_or_default();
    tr!(
        text,
        "verdict-words",
        verdict = row.verdict.key(),
        measure = measure,
        way = way_of(change),
        points = shown(change),
        near = shown(near),
        far = shown(far),
        low = shown(low),
        low_way = way_of(low),
        high = shown(high),
        high_way = way_of(high),
        spread = if low < high { "yes" } else { "no" },
        mid = mid,
        hidden = hidden.as_str()
    )
}

/// At most this many verdicts in a headline besides the deteriorations, which are all named.
const HEADLINE_VERDICTS: usize = 4;

/// The headline's findings for a scope (SPEC 5.1 "honest"): every measure's verdict in words,
/// deteriorations first, then improvements from the strongest, then no clear change; every
/// deterioration is named whatever the count, the rest up to four, then "and N more"; and
/// every shown share above 0 of people who reliably got worse.
pub fn findings(ctx: &PageContext<'_>, scope: Scope) -> Vec<Finding> {
    let text = ctx.text;
    let mut rows: Vec<&OutcomeSummary> = ctx.outcomes_of(scope).iter().collect();
    // The better-direction size of the change: larger first within a verdict (the worst
    // deterioration, the largest improvement).
    let size = |r: &OutcomeSummary| {
        let dir = if ctx.tables.measures[r.measure as usize].higher_is_better {
            1.0
        } else {
            -1.0
        };
        r.shown().map_or(0.0, |f| (dir * f.change.mean).abs())
    };
    rows.sort_by(|a, b| {
        a.verdict
            .rank()
            .cmp(&b.verdict.rank())
            .then(size(b).total_cmp(&size(a)))
            .then_with(|| ctx.measure_name(a.measure).cmp(ctx.measure_name(b.measure)))
    });
    let harm = rows
        .iter()
        .filter(|r| r.verdict == Verdict::Deteriorated)
        .count();
    let named = harm.max(HEADLINE_VERDICTS).min(rows.len());
    let tone = |v: Verdict| match v {
        Verdict::Deteriorated => "harm",
        v if v.is_improvement() => "good",
        _ => "plain",
    };
    let mut out: Vec<Finding> = rows[..named]
        .iter()
        .map(|r| Finding {
            text: capitalise(&verdict_words(ctx, r)) + ".",
            tone: tone(r.verdict),
        })
        .collect();
    if rows.len() > named {
        let more = (rows.len() - named) as u64;
        out.push(Finding {
            text: capitalise(&text.count("verdicts-more", more)) + ".",
            tone: "plain",
        });
    }
    for r in &rows {
        let worse = r.shown().and_then(|f| f.reliable).map(|rc| rc.deteriorated);
        let sentence = match worse {
            Some(Published::Shown(share)) if share > 0.0 => tr!(
                text,
                "reliable-worse",
                measure = ctx.measure_name(r.measure),
                pct = pct(share)
            ),
            Some(Published::Hidden(reason)) => tr!(
                text,
                "reliable-worse-hidden",
                measure = ctx.measure_name(r.measure),
                hidden = ctx.hidden_for(reason)
            ),
            _ => continue,
        };
        out.push(Finding {
            text: capitalise(&sentence) + ".",
            tone: "harm",
        });
    }
    // The comparison period's verdicts beside this period's (SPEC 4.11).
    if let Some(c) = &ctx.comparison
        && let Some(compared) = ctx.compared()
    {
        let then: Vec<String> = compared
            .outcomes_of(scope)
            .iter()
            .map(|o| {
                format!(
                    "{}: {}",
                    ctx.measure_name(o.measure),
                    ctx.verdict_short(o.verdict)
                )
            })
            .collect();
        if !then.is_empty() {
            out.push(Finding {
                text: tr!(
                    text,
                    "compare-findings",
                    before = c.label.as_str(),
                    verdicts = then.join("; ")
                ),
                tone: "plain",
            });
        }
    }
    out
}

/// The label of a measure with a note on its direction.
fn measure_label(ctx: &PageContext<'_>, code: u32) -> String {
    let m = &ctx.tables.measures[code as usize];
    if m.higher_is_better {
        ctx.measure_name(code).to_string()
    } else {
        tr!(
            ctx.text,
            "measure-lower-better",
            measure = ctx.measure_name(code)
        )
    }
}

/// Outcomes of one scope: baseline to follow-up with CI, reliable change, and the full table.
pub fn outcomes(ctx: &PageContext<'_>, scope: Scope, id_prefix: &str) -> Section {
    let text = ctx.text;
    let rows: Vec<&OutcomeSummary> = ctx.outcomes_of(scope).iter().collect();
    let mut section = Section::new("outcomes", &text.get("outcomes-heading"));
    if rows.is_empty() {
        return section.para(text.get("outcomes-none"));
    }
    section = section.para(tr!(
        text,
        "outcomes-intro",
        indicative = INDICATIVE.to_string()
    ));
    let shown: Vec<ShownOutcome> = ctx.shown_outcomes(scope).collect();
    if !shown.is_empty() {
        // Each change turned so that right is better, with a label that says it in numbers.
        let signed_better = |v: f64| signed(v, 1);
        let improvements: Vec<change::Improvement> = shown
            .iter()
            .map(|r| {
                let m = &ctx.tables.measures[r.measure as usize];
                let dir = if m.higher_is_better { 1.0 } else { -1.0 };
                let ci = r.f.change.ci.map(|ci| {
                    let (a, b) = (dir * ci.low, dir * ci.high);
                    (a.min(b), a.max(b))
                });
                let estimate = dir * r.f.change.mean;
                let label = match ci {
                    Some((low, high)) => tr!(
                        text,
                        "change-chart-label",
                        measure = measure_label(ctx, r.measure),
                        change = signed_better(estimate),
                        low = signed_better(low),
                        high = signed_better(high)
                    ),
                    None => tr!(
                        text,
                        "change-chart-label-one",
                        measure = measure_label(ctx, r.measure),
                        change = signed_better(estimate)
                    ),
                };
                change::Improvement {
                    label,
                    estimate,
                    ci,
                    mid: m.mid,
                }
            })
            .collect();
        let desc = capitalise(
            &shown
                .iter()
                .map(|r| verdict_words(ctx, r.row))
                .collect::<Vec<_>>()
                .join("; "),
        ) + ".";
        let words = change::ImprovementWords {
            legend: [
                text.get("chart-mean-change"),
                text.get("chart-likely-range"),
                text.get("chart-mid"),
            ],
            axis: [
                text.get("chart-worse"),
                text.get("chart-change-points"),
                text.get("chart-better"),
            ],
        };
        let chart = change::improvement(
            &words,
            &format!("{id_prefix}-change"),
            &text.get("outcomes-chart-title"),
            &desc,
            &improvements,
        );
        let table_rows = shown
            .iter()
            .map(|r| {
                vec![
                    TableCell::text(measure_label(ctx, r.measure)),
                    TableCell::text(count(r.f.n_paired)),
                    TableCell::text(number(r.f.mean_baseline, 2)),
                    TableCell::text(number(r.f.mean_followup, 2)),
                    TableCell::text(signed(r.f.change.mean, 2)),
                    TableCell::text(signed(
                        if ctx.tables.measures[r.measure as usize].higher_is_better {
                            r.f.change.mean
                        } else {
                            -r.f.change.mean
                        },
                        2,
                    )),
                    TableCell::text(match r.f.change.ci {
                        Some(ci) => {
                            tr!(
                                text,
                                "range",
                                low = number(ci.low, 2),
                                high = number(ci.high, 2)
                            )
                        }
                        None => "–".into(),
                    }),
                ]
            })
            .collect();
        section.blocks.extend(chart_with_table(
            text,
            chart,
            vec![
                text.get("col-measure"),
                text.get("col-people"),
                text.get("col-baseline"),
                text.get("col-followup"),
                text.get("col-change"),
                text.get("col-better-by"),
                text.get("col-ci"),
            ],
            table_rows,
        ));
        section.blocks.extend(super::worth::references(ctx, &shown));
        section
            .blocks
            .extend(reliable_change(ctx, &shown, id_prefix));
    }
    section.blocks.push(Block::Heading {
        text: text.get("outcomes-all-heading"),
    });
    section.blocks.push(outcome_table(ctx, &rows));
    // What each column means, in plain words, beside the table.
    section.blocks.push(Block::Terms {
        terms: [
            ("col-paired-people", "means-paired"),
            ("col-effect-size", "means-effect-size"),
            ("col-p", "means-p"),
            ("col-improved", "means-improved"),
            ("col-reliably-improved", "means-reliably-improved"),
            ("col-meaningful", "means-meaningful"),
            ("col-note", "means-indicative"),
        ]
        .into_iter()
        .map(|(term, meaning)| Term {
            term: text.get(term),
            meaning: tr!(text, meaning, indicative = INDICATIVE.to_string()),
        })
        .collect(),
    });
    section
}

/// The three reliable-change shares of a row, when the measure has them and all are shown.
fn reliable_shares(r: &ShownOutcome<'_>) -> Option<[f64; 3]> {
    let rc = r.f.reliable?;
    Some([
        *rc.improved.shown()?,
        *rc.no_change.shown()?,
        *rc.deteriorated.shown()?,
    ])
}

fn reliable_change(ctx: &PageContext<'_>, rows_in: &[ShownOutcome], id_prefix: &str) -> Vec<Block> {
    let with_sem: Vec<(ShownOutcome, [f64; 3])> = rows_in
        .iter()
        .filter_map(|r| Some((*r, reliable_shares(r)?)))
        .collect();
    if with_sem.is_empty() {
        return reliable_hidden(ctx, rows_in)
            .map(|table| {
                vec![
                    Block::Heading {
                        text: ctx.text.get("reliable-heading"),
                    },
                    Block::Para {
                        text: ctx.text.get("reliable-intro"),
                    },
                    table,
                ]
            })
            .unwrap_or_default();
    }
    let text = ctx.text;
    let stacks: Vec<bars::Stack> = with_sem
        .iter()
        .map(|(r, shares)| bars::Stack {
            label: ctx.measure_name(r.measure).to_string(),
            parts: shares.to_vec(),
        })
        .collect();
    let desc = with_sem
        .iter()
        .map(|(r, [improved, same, worse])| {
            tr!(
                text,
                "reliable-desc",
                measure = ctx.measure_name(r.measure),
                improved = pct(*improved),
                same = pct(*same),
                worse = pct(*worse)
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let desc = capitalise(&desc) + ".";
    let (improved, same, worse) = (
        text.get("reliable-improved"),
        text.get("reliable-none"),
        text.get("reliable-deteriorated"),
    );
    let chart = bars::stacked(
        &format!("{id_prefix}-reliable"),
        &text.get("reliable-chart-title"),
        &desc,
        &[
            (&improved, palette::BLUE),
            (&same, palette::LIGHT),
            (&worse, palette::VERMILION),
        ],
        &stacks,
    );
    let rows = with_sem
        .iter()
        .map(|(r, shares)| {
            let mut row = vec![TableCell::text(ctx.measure_name(r.measure))];
            row.extend(shares.iter().map(|s| TableCell::text(pct(*s))));
            row
        })
        .collect();
    let mut blocks = vec![
        Block::Heading {
            text: text.get("reliable-heading"),
        },
        Block::Para {
            text: text.get("reliable-intro"),
        },
    ];
    blocks.extend(chart_with_table(text, chart, reliable_head(ctx), rows));
    blocks.extend(reliable_hidden(ctx, rows_in));
    blocks
}

fn reliable_head(ctx: &PageContext<'_>) -> Vec<String> {
    let text = ctx.text;
    vec![
        text.get("col-measure"),
        text.get("col-reliably-improved"),
        text.get("col-no-reliable-change"),
        text.get("col-reliably-deteriorated"),
    ]
}

/// The measures whose reliable-change shares are partly hidden: not drawn (the shares shown
/// would no longer add to 100), listed with why each is hidden.
fn reliable_hidden(ctx: &PageContext<'_>, rows: &[ShownOutcome]) -> Option<Block> {
    let hidden: Vec<Vec<TableCell>> = rows
        .iter()
        .filter(|r| r.f.reliable.is_some() && reliable_shares(r).is_none())
        .filter_map(|r| {
            let rc = r.f.reliable?;
            let mut row = vec![TableCell::text(ctx.measure_name(r.measure))];
            row.extend(
                [rc.improved, rc.no_change, rc.deteriorated]
                    .iter()
                    .map(|s| share_cell(ctx, Some(s))),
            );
            Some(row)
        })
        .collect();
    (!hidden.is_empty()).then(|| {
        crate::report::views::table(
            ctx.text.get("reliable-hidden-caption"),
            reliable_head(ctx),
            hidden,
        )
    })
}

/// A share as a table cell: its percentage, why it is hidden, or "–" when the measure has
/// none.
fn share_cell(ctx: &PageContext<'_>, s: Option<&Share>) -> TableCell {
    match s {
        Some(Published::Shown(v)) => TableCell::text(pct(*v)),
        Some(Published::Hidden(reason)) => TableCell::muted(ctx.hidden_for(*reason)),
        None => TableCell::text("–"),
    }
}

/// Every outcome row of a scope, hidden ones with why ("fewer than N", or "hidden to protect
/// a small group").
fn outcome_table(ctx: &PageContext<'_>, rows: &[&OutcomeSummary]) -> Block {
    let text = ctx.text;
    let opt = |v: Option<f64>, f: &dyn Fn(f64) -> String| v.map_or("–".to_string(), f);
    let share = |s: Option<&Share>| share_cell(ctx, s);
    let table_rows = rows
        .iter()
        .map(|r| {
            let name = measure_label(ctx, r.measure);
            let Some(f) = r.shown() else {
                let why = ctx.hidden_for(r.figures.hidden().unwrap_or(Reason::Primary));
                let mut row = vec![TableCell::text(name), TableCell::muted(why)];
                row.extend((0..5).map(|_| TableCell::muted("")));
                row.push(TableCell::words(""));
                return row;
            };
            let n = f.n_paired;
            vec![
                TableCell::text(name),
                TableCell::text(count(n)),
                TableCell::text(opt(f.change.effect_size.map(|e| e.value), &|v| {
                    number(v, 2)
                })),
                TableCell::text(opt(f.change.p_value, &|v| {
                    if v < 0.001 {
                        "<0.001".into()
                    } else {
                        number(v, 3)
                    }
                })),
                share(Some(&f.improved)),
                share(f.reliable.as_ref().map(|r| &r.improved)),
                share(f.meaningful.as_ref()),
                if n < INDICATIVE {
                    TableCell {
                        align: "txt",
                        ..TableCell::muted(text.get("indicative-only"))
                    }
                } else {
                    TableCell::words("")
                },
            ]
        })
        .collect();
    Block::Table {
        align: Vec::new(),
        caption: text.get("outcomes-table-caption"),
        head: vec![
            text.get("col-measure"),
            text.get("col-paired-people"),
            text.get("col-effect-size"),
            text.get("col-p"),
            text.get("col-improved"),
            text.get("col-reliably-improved"),
            text.get("col-meaningful"),
            text.get("col-note"),
        ],
        rows: table_rows,
    }
}
