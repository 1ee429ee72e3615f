//! The comparisons across projects that the portfolio and funder pages show (SPEC 5.1): effect
//! sizes (forest plot), evidence by principle (heat map), outputs by project and novelty
//! against improvement. Each takes the projects of its page.

use super::portfolio::{MAX_CHART_ROWS, capped};
use super::{PageContext, ShownOutcome, leaders};
use crate::charts::{bars, change, heatmap, palette, scatter};
use crate::figures::{Estimate, OutcomeSummary, Period, Scope, Verdict};
use crate::model::Principle;
use crate::report::views::{
    Block, Section, TableCell, bar_rows, chart_with_table, count, number, pct,
};
use crate::tr;

/// Effect sizes compared only within a measure (issue 16): one chart per measure, every
/// project that has it, largest first; projects whose row is hidden or has no effect size are
/// named under it with the reason.
pub(super) fn forest(ctx: &PageContext<'_>, codes: &[u32], id: &str) -> Section {
    let text = ctx.text;
    let mut section = Section::new("outcomes", &text.get("forest-heading"));
    section = section.para(text.get("forest-intro"));
    let in_page: Vec<&OutcomeSummary> = ctx.outcomes_of_projects(codes);
    let mut measures: Vec<u32> = in_page.iter().map(|o| o.measure).collect();
    measures.sort_by(|a, b| {
        ctx.measure_name(*a)
            .cmp(ctx.measure_name(*b))
            .then(a.cmp(b))
    });
    measures.dedup();
    if in_page.iter().all(|o| effect_of(o).is_none()) {
        return section.para(text.get("forest-none"));
    }
    let words = [text.get("chart-effect-axis"), text.get("col-dz")];
    for (i, measure) in measures.iter().enumerate() {
        let name = ctx.measure_name(*measure).to_string();
        let of_measure: Vec<&OutcomeSummary> = in_page
            .iter()
            .filter(|o| o.measure == *measure)
            .copied()
            .collect();
        let mut rows: Vec<(ShownOutcome, Estimate)> =
            of_measure.iter().filter_map(|o| effect_of(o)).collect();
        let not_shown: Vec<String> = of_measure
            .iter()
            .filter(|o| effect_of(o).is_none())
            .map(|o| {
                let why = match o.verdict {
                    Verdict::TooFew | Verdict::Hidden => ctx.verdict_short(o.verdict),
                    _ => text.get("forest-no-effect"),
                };
                format!("{} ({why})", project_of(ctx, o.scope))
            })
            .collect();
        section.blocks.push(Block::Heading { text: name.clone() });
        rows.sort_by(|a, b| {
            b.1.value
                .total_cmp(&a.1.value)
                .then_with(|| project_of(ctx, a.0.scope).cmp(&project_of(ctx, b.0.scope)))
        });
        if !rows.is_empty() {
            forest_panel(
                ctx,
                &mut section,
                &rows,
                &words,
                &format!("{id}-{i}"),
                &name,
            );
        }
        if !not_shown.is_empty() {
            section.blocks.push(Block::Para {
                text: tr!(
                    text,
                    "forest-not-shown",
                    projects = text.and_list(&not_shown, 10)
                ),
            });
        }
    }
    section
}

/// A row's effect size with its figures, when it is shown and has one.
fn effect_of<'a>(o: &'a OutcomeSummary) -> Option<(ShownOutcome<'a>, Estimate)> {
    let shown = ShownOutcome::of(o)?;
    Some((shown, shown.f.change.effect_size?))
}

/// One measure's chart and table, rows already sorted largest first.
fn forest_panel(
    ctx: &PageContext<'_>,
    section: &mut Section,
    rows: &[(ShownOutcome, Estimate)],
    words: &[String; 2],
    id: &str,
    measure: &str,
) {
    let text = ctx.text;
    let total = rows.len();
    // The largest among all of them, not only those drawn; ties (as shown, to two decimals)
    // are named together.
    let largest = leaders(rows, |(_, e)| (e.value * 100.0).round());
    let largest_names: Vec<String> = largest
        .iter()
        .map(|(o, _)| project_of(ctx, o.scope))
        .collect();
    let above = rows.iter().filter(|(_, e)| e.ci.low > 0.0).count();
    // Too many to draw: both ends, the largest and the smallest (so that the weakest and
    // any harm are never cut to show the best), with the number between them said.
    let drawn: Vec<&(ShownOutcome, Estimate)> = if total > MAX_CHART_ROWS {
        let half = MAX_CHART_ROWS / 2;
        section.blocks.push(Block::Para {
            text: tr!(
                text,
                "capped-ends",
                half = count(half as u64),
                total = text.count("count-effects", total as u64),
                between = count((total - 2 * half) as u64),
                table = "outcomes_summary.csv"
            ),
        });
        rows[..half].iter().chain(&rows[total - half..]).collect()
    } else {
        rows.iter().collect()
    };
    let effects: Vec<change::Effect> = drawn
        .iter()
        .map(|(o, e)| change::Effect {
            label: project_of(ctx, o.scope),
            estimate: e.value,
            low: e.ci.low,
            high: e.ci.high,
        })
        .collect();
    let desc = match largest.first() {
        Some((_, l)) => tr!(
            text,
            "forest-desc",
            above = count(above as u64),
            n_above = above as u64,
            effects = text.count("count-effects", total as u64),
            n_largest = largest.len() as u64,
            largest = text.and_list(&largest_names, 3),
            estimate = number(l.value, 2),
            low = number(l.ci.low, 2),
            high = number(l.ci.high, 2)
        ),
        None => String::new(),
    };
    let title = tr!(text, "forest-chart-title-measure", measure = measure);
    let chart = change::forest(words, id, &title, &desc, &effects);
    let table = effects
        .iter()
        .zip(drawn)
        .map(|(e, (o, _))| {
            vec![
                TableCell::text(e.label.clone()),
                TableCell::text(count(o.f.n_paired)),
                TableCell::text(number(e.estimate, 2)),
                TableCell::text(tr!(
                    text,
                    "range",
                    low = number(e.low, 2),
                    high = number(e.high, 2)
                )),
            ]
        })
        .collect();
    section.blocks.extend(chart_with_table(
        text,
        chart,
        vec![
            text.get("col-project"),
            text.get("col-paired-people"),
            text.get("col-dz"),
            text.get("col-interval"),
        ],
        table,
    ));
}

fn project_of(ctx: &PageContext<'_>, scope: Scope) -> String {
    match scope {
        Scope::Project(c) => ctx.project_name(c),
        Scope::All => ctx.text.get("all-projects"),
    }
}

/// How strong a project's evidence for a principle is (issue 16), 0 to [`heatmap::TOP`]:
/// 3 when a measure tagged with the principle has a shown row of at least INDICATIVE paired
/// people; 2 when change is measured on measures tagged with it, but on fewer people (or in
/// rows hidden to protect a small group); 1 when only outputs, stories or a self-audit speak
/// for it; 0 when nothing does.
fn evidence_level(ctx: &PageContext<'_>, code: u32, principle: Principle) -> u8 {
    let tagged = |m: u32| {
        ctx.tables.measures[m as usize]
            .principles
            .contains(principle)
    };
    let outcomes = ctx.outcomes_of(Scope::Project(code));
    if outcomes.iter().any(|o| {
        tagged(o.measure)
            && o.shown()
                .is_some_and(|f| f.n_paired >= super::sections::INDICATIVE)
    }) {
        return 3;
    }
    let Some(e) = ctx
        .evidence_of(code)
        .iter()
        .find(|e| e.principle == principle)
    else {
        return 0;
    };
    if e.outcome_pairs.is_none_or(|n| n > 0) {
        2
    } else if e.output_measures > 0 || e.stories > 0 || e.audit_score.is_some() {
        1
    } else {
        0
    }
}

/// The words of each evidence level, lowest first.
fn evidence_levels(ctx: &PageContext<'_>) -> Vec<String> {
    let indicative = super::sections::INDICATIVE.to_string();
    (0..=heatmap::TOP)
        .map(|l| {
            tr!(
                ctx.text,
                &format!("evidence-level-{l}"),
                indicative = indicative.clone()
            )
        })
        .collect()
}

pub(super) fn evidence_map(ctx: &PageContext<'_>, codes: &[u32], id: &str) -> Section {
    let text = ctx.text;
    let mut section = Section::new("principles", &text.get("evidence-heading"));
    section = section.para(tr!(
        text,
        "evidence-intro",
        indicative = super::sections::INDICATIVE.to_string()
    ));
    let levels = evidence_levels(ctx);
    // Every project's levels, for the summary; the chart draws the first MAX_CHART_ROWS.
    let all: Vec<Vec<u8>> = codes
        .iter()
        .map(|c| {
            Principle::ALL
                .iter()
                .map(|p| evidence_level(ctx, *c, *p))
                .collect()
        })
        .collect();
    // Per principle, how many projects are at each level, strongest first.
    let mut head = vec![text.get("col-principle")];
    head.extend(levels.iter().rev().cloned());
    let summary_rows =
        Principle::ALL
            .iter()
            .enumerate()
            .map(|(j, p)| {
                let mut row = vec![TableCell::text(text.principle(*p))];
                row.extend((0..=heatmap::TOP).rev().map(|l| {
                    TableCell::text(count(all.iter().filter(|r| r[j] == l).count() as u64))
                }));
                row
            })
            .collect();
    section.blocks.push(Block::Table {
        align: Vec::new(),
        caption: tr!(
            text,
            "evidence-summary-caption",
            projects = text.count("count-projects", codes.len() as u64)
        ),
        head,
        rows: summary_rows,
    });
    if let Some(note) = capped(
        ctx,
        codes.len().min(MAX_CHART_ROWS),
        codes.len(),
        "count-projects",
        "principle_evidence.csv",
    ) {
        section = section.para(note);
    }
    let shown = codes.len().min(MAX_CHART_ROWS);
    let names: Vec<String> = codes[..shown]
        .iter()
        .map(|c| ctx.project_name(*c))
        .collect();
    let cells = &all[..shown];
    let columns: Vec<String> = Principle::ALL
        .iter()
        .map(|p| text.principle(*p).to_string())
        .collect();
    let strong = all.iter().flatten().filter(|l| **l == heatmap::TOP).count();
    let per_principle: Vec<(usize, &str)> = Principle::ALL
        .iter()
        .enumerate()
        .map(|(j, p)| {
            (
                all.iter().filter(|r| r[j] == heatmap::TOP).count(),
                text.principle(*p),
            )
        })
        .collect();
    let strongest: Vec<&str> = leaders(&per_principle, |(n, _)| *n as f64)
        .into_iter()
        .map(|p| p.1)
        .collect();
    let weakest: Vec<&str> = leaders(&per_principle, |(n, _)| -(*n as f64))
        .into_iter()
        .map(|p| p.1)
        .collect();
    let mut desc = tr!(
        text,
        "evidence-desc",
        full = count(strong as u64),
        n_full = strong as u64,
        cells = count(all.len() as u64 * 5),
        indicative = super::sections::INDICATIVE.to_string()
    );
    desc.push(' ');
    desc.push_str(&if strongest.len() == per_principle.len() {
        text.get("evidence-even")
    } else {
        tr!(
            text,
            "evidence-most",
            n_strongest = strongest.len() as u64,
            strongest = text.and_list(&strongest, 5),
            n_weakest = weakest.len() as u64,
            weakest = text.and_list(&weakest, 5)
        )
    });
    let chart = heatmap::heatmap(
        &text.get("chart-kinds-of-evidence"),
        &levels,
        id,
        &text.get("evidence-chart-title"),
        &desc,
        &names,
        &columns,
        cells,
    );
    let rows = names
        .iter()
        .zip(cells)
        .map(|(n, r)| {
            let mut row = vec![TableCell::text(n.clone())];
            row.extend(r.iter().map(|l| TableCell::text(l.to_string())));
            row
        })
        .collect();
    let mut head = vec![text.get("col-project")];
    head.extend(columns);
    section
        .blocks
        .extend(chart_with_table(text, chart, head, rows));
    section
}

pub(super) fn outputs_by_project(ctx: &PageContext<'_>, codes: &[u32], id: &str) -> Section {
    let text = ctx.text;
    let mut section = Section::new("outputs", &text.get("outputs-by-project-heading"));
    let totals: Vec<_> = ctx
        .outputs_of_projects(codes)
        .into_iter()
        .filter(|o| o.period == Period::Total)
        .collect();
    if totals.is_empty() {
        return section.para(text.get("outputs-none"));
    }
    // The output measures most projects report, at most four charts.
    let mut measures: Vec<(usize, u32)> = Vec::new();
    for o in &totals {
        match measures.iter_mut().find(|(_, m)| *m == o.measure) {
            Some(entry) => entry.0 += 1,
            None => measures.push((1, o.measure)),
        }
    }
    measures.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    section = section.para(text.get("outputs-by-project-intro"));
    for (i, (_, measure)) in measures.iter().take(4).enumerate() {
        let name = ctx.output_name(*measure).to_string();
        let reporting = totals.iter().filter(|o| o.measure == *measure).count();
        let rows: Vec<bars::Bar> = totals
            .iter()
            .filter(|o| o.measure == *measure)
            .take(MAX_CHART_ROWS)
            .map(|o| bars::Bar {
                label: project_of(ctx, o.scope),
                value: o.value,
                text: number(o.value, 0),
                colour: palette::SERIES[i % palette::SERIES.len()],
            })
            .collect();
        // The most among every project reporting it, not only those drawn; equal totals
        // (as shown, whole numbers) are named together.
        let all: Vec<_> = totals.iter().filter(|o| o.measure == *measure).collect();
        let top = leaders(&all, |o| o.value.round());
        let desc = match top.first() {
            Some(t) => tr!(
                text,
                "outputs-by-project-desc",
                measure = name.as_str(),
                n_projects = reporting as u64,
                projects = text.count("count-projects", reporting as u64),
                n_top = top.len() as u64,
                top = text.and_list(
                    &top.iter()
                        .map(|o| project_of(ctx, o.scope))
                        .collect::<Vec<_>>(),
                    3
                ),
                value = number(t.value, 0)
            ),
            None => String::new(),
        };
        section.blocks.push(Block::Heading { text: name.clone() });
        if let Some(note) = capped(
            ctx,
            rows.len(),
            reporting,
            "count-projects",
            "outputs_summary.csv",
        ) {
            section.blocks.push(Block::Note { text: note });
        }
        let chart = bars::horizontal(
            &format!("{id}-{i}"),
            &tr!(text, "outputs-by-project-title", measure = name.as_str()),
            &desc,
            &rows,
        );
        section.blocks.extend(chart_with_table(
            text,
            chart,
            vec![text.get("col-project"), name.clone()],
            bar_rows(&rows),
        ));
    }
    section
}

/// Projects placed by novelty against the share of people improved (mean over measures shown).
pub(super) fn novelty(ctx: &PageContext<'_>, codes: &[u32]) -> Option<Section> {
    // The share reliably improved, as the projects table counts (never "any change at
    // all"); a project with a novelty but no such share shown is named as not drawn.
    let mut not_drawn: Vec<String> = Vec::new();
    let points: Vec<scatter::Point> = codes
        .iter()
        .filter_map(|c| {
            let novelty = ctx.tables.projects[*c as usize].as_ref()?.novelty?;
            let shown: Vec<f64> = ctx
                .shown_outcomes(Scope::Project(*c))
                .filter_map(|o| o.f.reliable.as_ref()?.improved.shown().copied())
                .collect();
            if shown.is_empty() {
                not_drawn.push(ctx.project_name(*c));
                return None;
            }
            Some(scatter::Point {
                label: ctx.project_name(*c),
                novelty,
                value: shown.iter().sum::<f64>() / shown.len() as f64,
            })
        })
        .collect();
    if points.is_empty() {
        return None;
    }
    let total = points.len();
    let desc = novelty_words(ctx.text, &points);
    let mut points = points;
    points.truncate(MAX_CHART_ROWS);
    let text = ctx.text;
    let mut section = Section::new("novelty", &text.get("novelty-heading"));
    if let Some(note) = capped(
        ctx,
        points.len(),
        total,
        "count-projects",
        "projects_summary.csv",
    ) {
        section = section.para(note);
    }
    section = section.para(text.get("novelty-intro"));
    if !not_drawn.is_empty() {
        section = section.para(tr!(
            text,
            "novelty-left-out",
            projects = text.and_list(&not_drawn, 10)
        ));
    }
    let words = scatter::NoveltyWords {
        novelty: text.get("col-novelty"),
        bands: [
            text.get("novelty-simple"),
            text.get("novelty-complicated"),
            text.get("novelty-complex"),
        ],
        axis: text.get("chart-novelty-axis"),
        mean: text.get("novelty-mean"),
    };
    let chart = scatter::novelty(
        &words,
        "index-novelty",
        &text.get("novelty-chart-title"),
        &desc,
        &text.get("novelty-y-axis"),
        &points,
    );
    let rows = points
        .iter()
        .map(|p| {
            vec![
                TableCell::text(p.label.clone()),
                TableCell::text(p.novelty.to_string()),
                TableCell::text(pct(p.value)),
            ]
        })
        .collect();
    section.blocks.extend(chart_with_table(
        text,
        chart,
        vec![
            text.get("col-project"),
            text.get("col-novelty"),
            text.get("novelty-y-axis"),
        ],
        rows,
    ));
    Some(section)
}

/// The novelty chart's finding over every project (not only those drawn): the most and the
/// least novel, each a group when several share the level, with the group's mean share.
fn novelty_words(text: &crate::i18n::Text, points: &[scatter::Point]) -> String {
    let most = leaders(points, |p| f64::from(p.novelty));
    let least = leaders(points, |p| -f64::from(p.novelty));
    let (Some(m), Some(l)) = (most.first(), least.first()) else {
        return String::new();
    };
    let mean = |g: &[&scatter::Point]| g.iter().map(|p| p.value).sum::<f64>() / g.len() as f64;
    let names = |g: &[&scatter::Point]| {
        text.and_list(&g.iter().map(|p| p.label.as_str()).collect::<Vec<_>>(), 3)
    };
    if m.novelty == l.novelty {
        return tr!(
            text,
            "novelty-desc-same",
            novelty = m.novelty.to_string(),
            pct = pct(mean(&most))
        );
    }
    tr!(
        text,
        "novelty-desc",
        n_most = most.len() as u64,
        most = names(&most),
        most_novelty = m.novelty.to_string(),
        most_pct = pct(mean(&most)),
        n_least = least.len() as u64,
        least = names(&least),
        least_novelty = l.novelty.to_string(),
        least_pct = pct(mean(&least))
    )
}
