//! The comparisons across projects that the portfolio and funder pages show (SPEC 5.1): effect
//! sizes (forest plot), evidence by principle (heat map), outputs by project and novelty
//! against improvement. Each takes the projects of its page.

use super::portfolio::{MAX_CHART_ROWS, capped, in_codes, mask_of};
use super::{PageContext, ShownOutcome};
use crate::charts::{bars, change, heatmap, palette, scatter};
use crate::figures::{Estimate, Period, Scope};
use crate::model::Principle;
use crate::report::views::{
    Block, Section, TableCell, bar_rows, chart_with_table, count, number, pct,
};
use crate::tr;

pub(super) fn forest(ctx: &PageContext<'_>, codes: &[u32], id: &str) -> Section {
    let text = ctx.text;
    let mut section = Section::new("outcomes", &text.get("forest-heading"));
    section = section.para(text.get("forest-intro"));
    let mask = mask_of(ctx, codes);
    // Effects, each with its row's figures: a hidden row or one without an effect size has
    // nothing to plot.
    let mut rows: Vec<(ShownOutcome, Estimate)> = ctx
        .figures
        .outcomes
        .iter()
        .filter(|o| in_codes(&mask, o.scope))
        .filter_map(ShownOutcome::of)
        .filter_map(|o| Some((o, o.f.change.effect_size?)))
        .collect();
    if rows.is_empty() {
        return section.para(text.get("forest-none"));
    }
    let total = rows.len();
    rows.truncate(MAX_CHART_ROWS);
    if let Some(note) = capped(
        ctx,
        rows.len(),
        total,
        "count-effects",
        "outcomes_summary.csv",
    ) {
        section = section.para(note);
    }
    let effects: Vec<change::Effect> = rows
        .iter()
        .map(|(o, effect)| change::Effect {
            label: tr!(
                text,
                "project-measure",
                project = project_of(ctx, o.scope),
                measure = ctx.measure_name(o.measure)
            ),
            estimate: effect.value,
            low: effect.ci.low,
            high: effect.ci.high,
        })
        .collect();
    let largest = effects
        .iter()
        .max_by(|a, b| a.estimate.total_cmp(&b.estimate));
    let above = effects.iter().filter(|e| e.low > 0.0).count();
    let desc = match largest {
        Some(l) => tr!(
            text,
            "forest-desc",
            above = count(above as u64),
            n_above = above as u64,
            effects = text.count("count-effects", effects.len() as u64),
            largest = l.label.as_str(),
            estimate = number(l.estimate, 2),
            low = number(l.low, 2),
            high = number(l.high, 2)
        ),
        None => String::new(),
    };
    let words = [text.get("chart-effect-axis"), text.get("chart-interval")];
    let chart = change::forest(&words, id, &text.get("forest-chart-title"), &desc, &effects);
    let table = effects
        .iter()
        .zip(&rows)
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
            text.get("col-project-measure"),
            text.get("col-paired-people"),
            text.get("col-dz"),
            text.get("col-interval"),
        ],
        table,
    ));
    section
}

fn project_of(ctx: &PageContext<'_>, scope: Scope) -> String {
    match scope {
        Scope::Project(c) => ctx.project_name(c),
        Scope::All => ctx.text.get("all-projects"),
    }
}

/// How many kinds of evidence a project has for a principle (0 to 4).
fn evidence_level(e: &crate::figures::PrincipleEvidence) -> u8 {
    u8::from(e.output_measures > 0)
        + u8::from(e.outcome_pairs.is_none_or(|n| n > 0))
        + u8::from(e.stories > 0)
        + u8::from(e.audit_score.is_some())
}

pub(super) fn evidence_map(ctx: &PageContext<'_>, codes: &[u32], id: &str) -> Section {
    let text = ctx.text;
    let mut section = Section::new("principles", &text.get("evidence-heading"));
    section = section.para(text.get("evidence-intro"));
    if let Some(note) = capped(
        ctx,
        codes.len().min(MAX_CHART_ROWS),
        codes.len(),
        "count-projects",
        "principle_evidence.csv",
    ) {
        section = section.para(note);
    }
    let codes = &codes[..codes.len().min(MAX_CHART_ROWS)];
    let names: Vec<String> = codes.iter().map(|c| ctx.project_name(*c)).collect();
    let columns: Vec<String> = Principle::ALL
        .iter()
        .map(|p| text.principle(*p).to_string())
        .collect();
    let cells: Vec<Vec<u8>> = codes
        .iter()
        .map(|c| {
            Principle::ALL
                .iter()
                .map(|p| {
                    ctx.evidence_of(*c)
                        .iter()
                        .find(|e| e.principle == *p)
                        .map_or(0, evidence_level)
                })
                .collect()
        })
        .collect();
    let full = cells.iter().flatten().filter(|l| **l == 4).count();
    let per_principle: Vec<(usize, &str)> = Principle::ALL
        .iter()
        .enumerate()
        .map(|(j, p)| {
            (
                cells.iter().map(|r| usize::from(r[j])).sum(),
                text.principle(*p),
            )
        })
        .collect();
    let weakest = per_principle.iter().min_by_key(|(n, _)| *n);
    let strongest = per_principle.iter().max_by_key(|(n, _)| *n);
    let desc = tr!(
        text,
        "evidence-desc",
        full = count(full as u64),
        n_full = full as u64,
        cells = count(cells.len() as u64 * 5),
        strongest = strongest.map_or("", |s| s.1),
        weakest = weakest.map_or("", |w| w.1)
    );
    let chart = heatmap::heatmap(
        &text.get("chart-kinds-of-evidence"),
        id,
        &text.get("evidence-chart-title"),
        &desc,
        &names,
        &columns,
        &cells,
    );
    let rows = names
        .iter()
        .zip(&cells)
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
    let mask = mask_of(ctx, codes);
    let totals: Vec<_> = ctx
        .figures
        .outputs
        .iter()
        .filter(|o| o.period == Period::Total && in_codes(&mask, o.scope))
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
        let top = rows.iter().max_by(|a, b| a.value.total_cmp(&b.value));
        let desc = match top {
            Some(t) => tr!(
                text,
                "outputs-by-project-desc",
                measure = name.as_str(),
                n_projects = reporting as u64,
                projects = text.count("count-projects", reporting as u64),
                top = t.label.as_str(),
                value = t.text.as_str(),
                capped = if rows.len() < reporting { "yes" } else { "no" }
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
    let points: Vec<scatter::Point> = codes
        .iter()
        .filter_map(|c| {
            let novelty = ctx.tables.projects[*c as usize].as_ref()?.novelty?;
            let shown: Vec<f64> = ctx
                .shown_outcomes(Scope::Project(*c))
                .filter_map(|o| o.f.improved.shown().copied())
                .collect();
            if shown.is_empty() {
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
    let most = points.iter().max_by_key(|p| p.novelty);
    let least = points.iter().min_by_key(|p| p.novelty);
    let desc = match (most, least) {
        (Some(m), Some(l)) => tr!(
            text,
            "novelty-desc",
            most = m.label.as_str(),
            most_novelty = m.novelty.to_string(),
            most_pct = pct(m.value),
            least = l.label.as_str(),
            least_novelty = l.novelty.to_string(),
            least_pct = pct(l.value)
        ),
        _ => String::new(),
    };
    let words = scatter::NoveltyWords {
        novelty: text.get("col-novelty"),
        bands: [
            text.get("novelty-simple"),
            text.get("novelty-complicated"),
            text.get("novelty-complex"),
        ],
        axis: text.get("chart-novelty-axis"),
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
            text.get("col-improved"),
        ],
        rows,
    ));
    Some(section)
}
