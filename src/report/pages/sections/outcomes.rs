//! The outcomes section (SPEC 4.2, 4.3): each measure's change from baseline to follow-up
//! with its interval, reliable change, and the table of every outcome row of the page's scope.

use crate::charts::{bars, change, palette};
use crate::figures::{OutcomeSummary, Published, Scope, Share};
use crate::report::pages::PageContext;
use crate::report::pages::ShownOutcome;
use crate::report::views::{
    Block, Section, TableCell, chart_with_table, count, number, pct, signed,
};
use crate::tr;

use super::{INDICATIVE, capitalise};

/// "WEMWBS rose by 1.6 points on average (better), 95% CI …": a measure's change in words,
/// saying whether that is better.
pub fn change_words(ctx: &PageContext<'_>, row: ShownOutcome<'_>) -> String {
    let text = ctx.text;
    let m = &ctx.tables.measures[row.measure as usize];
    let change = row.f.change.mean;
    let direction = if change > 0.0 {
        "up"
    } else if change < 0.0 {
        "down"
    } else {
        "none"
    };
    let better = match (change > 0.0, change < 0.0, m.higher_is_better) {
        (true, _, true) | (_, true, false) => "better",
        (true, _, false) | (_, true, true) => "worse",
        _ => "same",
    };
    let ci = match row.f.change.ci {
        Some(ci) => tr!(
            text,
            "change-ci",
            low = number(ci.low, 1),
            high = number(ci.high, 1)
        ),
        None => String::new(),
    };
    tr!(
        text,
        "change-words",
        measure = ctx.measure_name(row.measure),
        direction = direction,
        points = number(change.abs(), 1),
        better = better,
        ci = ci
    )
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
        let before_after: Vec<change::BeforeAfter> = shown
            .iter()
            .map(|r| {
                let (min, max) = ctx.tables.measures[r.measure as usize].score_range();
                change::BeforeAfter {
                    label: measure_label(ctx, r.measure),
                    min,
                    max,
                    baseline: r.f.mean_baseline,
                    follow_up: r.f.mean_followup,
                    ci: r.f.change.ci.map(|ci| (ci.low, ci.high)),
                }
            })
            .collect();
        let desc = capitalise(
            &shown
                .iter()
                .map(|r| change_words(ctx, *r))
                .collect::<Vec<_>>()
                .join("; "),
        ) + ".";
        let legend = [
            text.get("chart-baseline-mean"),
            text.get("chart-followup-mean"),
        ];
        let chart = change::before_after(
            &legend,
            &format!("{id_prefix}-change"),
            &text.get("outcomes-chart-title"),
            &desc,
            &before_after,
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
                text.get("col-ci"),
            ],
            table_rows,
        ));
        section
            .blocks
            .extend(reliable_change(ctx, &shown, id_prefix));
    }
    section.blocks.push(Block::Heading {
        text: text.get("outcomes-all-heading"),
    });
    section.blocks.push(outcome_table(ctx, &rows));
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

fn reliable_change(ctx: &PageContext<'_>, rows: &[ShownOutcome], id_prefix: &str) -> Vec<Block> {
    let with_sem: Vec<(ShownOutcome, [f64; 3])> = rows
        .iter()
        .filter_map(|r| Some((*r, reliable_shares(r)?)))
        .collect();
    if with_sem.is_empty() {
        return Vec::new();
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
    let mut blocks = vec![Block::Heading {
        text: text.get("reliable-heading"),
    }];
    blocks.extend(chart_with_table(
        text,
        chart,
        vec![
            text.get("col-measure"),
            text.get("col-reliably-improved"),
            text.get("col-no-reliable-change"),
            text.get("col-reliably-deteriorated"),
        ],
        rows,
    ));
    blocks
}

/// Every outcome row of a scope, suppressed ones shown as "fewer than N".
fn outcome_table(ctx: &PageContext<'_>, rows: &[&OutcomeSummary]) -> Block {
    let text = ctx.text;
    let hidden = ctx.hidden();
    let opt = |v: Option<f64>, f: &dyn Fn(f64) -> String| v.map_or("–".to_string(), f);
    let share = |s: Option<&Share>| match s {
        Some(Published::Shown(v)) => TableCell::text(pct(*v)),
        Some(Published::Hidden(_)) => TableCell::muted(hidden.clone()),
        None => TableCell::text("–"),
    };
    let table_rows = rows
        .iter()
        .map(|r| {
            let name = measure_label(ctx, r.measure);
            let Some(f) = r.shown() else {
                let mut row = vec![TableCell::text(name), TableCell::muted(hidden.clone())];
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
