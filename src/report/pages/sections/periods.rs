//! This period against a comparison period (SPEC 4.11): outputs totals, outcome verdicts and
//! self-audit scores of both periods side by side, in words, in a chart and in a table. Both
//! periods' figures come from the same checked inputs by the same rules, disclosure control
//! applied to each on its own.

use crate::charts::{bars, palette};
use crate::figures::{Period as Quarter, Scope};
use crate::model::Principle;
use crate::report::pages::{Comparison, Indexed, PageContext};
use crate::report::views::{Section, TableCell, bar_rows, chart_with_table, number, table};
use crate::tr;

/// Each output measure's total over `codes` (or `ALL`) in one period's figures.
fn output_totals(figures: Indexed<'_, '_>, codes: &[u32], all: bool) -> Vec<(u32, f64)> {
    // Projects in code order, the order of the figure list, so that sums add up as before.
    let rows: Vec<_> = if all {
        figures.outputs_of(Scope::All).iter().collect()
    } else {
        figures.outputs_of_projects(codes)
    };
    let mut totals: Vec<(u32, f64)> = Vec::new();
    for o in rows.into_iter().filter(|o| o.period == Quarter::Total) {
        match totals.iter_mut().find(|(m, _)| *m == o.measure) {
            Some(t) => t.1 += o.value,
            None => totals.push((o.measure, o.value)),
        }
    }
    totals
}

/// The label of the reporting period on a page.
fn current_label(ctx: &PageContext<'_>) -> String {
    ctx.period_label.clone().unwrap_or_else(|| {
        let (f, t) = (ctx.from.unwrap_or_default(), ctx.to.unwrap_or_default());
        format!(
            "{} – {}",
            crate::format::format_date(f),
            crate::format::format_date(t)
        )
    })
}

/// The section comparing the page's projects (`codes`; `all` for the portfolio, which uses the
/// `ALL` rows) with the comparison period, when there is one.
pub fn against(ctx: &PageContext<'_>, codes: &[u32], all: bool, id: &str) -> Option<Section> {
    let c: &Comparison = ctx.comparison.as_ref()?;
    let (then_figures, now_figures) = (ctx.compared()?, ctx.current());
    let text = ctx.text;
    let now = current_label(ctx);
    let before = c.label.clone();
    let mut section = Section::new(
        "compare",
        &tr!(text, "compare-heading", before = before.as_str()),
    );
    section = section.para(tr!(
        text,
        "compare-intro",
        before = before.as_str(),
        now = now.as_str()
    ));
    // Outputs: both totals of every measure either period has.
    let (then, current) = (
        output_totals(then_figures, codes, all),
        output_totals(now_figures, codes, all),
    );
    let mut measures: Vec<u32> = then.iter().chain(&current).map(|(m, _)| *m).collect();
    measures.sort_by_key(|m| ctx.output_name(*m).to_lowercase());
    measures.dedup();
    if !measures.is_empty() {
        let total = |list: &[(u32, f64)], m: u32| {
            list.iter().find(|(x, _)| *x == m).map_or(0.0, |(_, v)| *v)
        };
        let mut chart_bars = Vec::new();
        let mut words = Vec::new();
        for m in &measures {
            let (a, b) = (total(&then, *m), total(&current, *m));
            words.push(tr!(
                text,
                "compare-outputs",
                measure = ctx.output_name(*m),
                before = before.as_str(),
                then = number(a, 0),
                now = now.as_str(),
                current = number(b, 0)
            ));
            for (period, value, colour) in [(&before, a, palette::GREY), (&now, b, palette::BLUE)] {
                chart_bars.push(bars::Bar {
                    label: format!("{} · {period}", ctx.output_name(*m)),
                    value,
                    text: number(value, 0),
                    colour,
                });
            }
        }
        let desc = words.join("; ") + ".";
        let chart = bars::horizontal(
            &format!("{id}-compare"),
            &tr!(text, "compare-outputs-title", before = before.as_str()),
            &desc,
            &chart_bars,
        );
        section.blocks.extend(chart_with_table(
            text,
            chart,
            vec![text.get("col-measure"), text.get("col-total")],
            bar_rows(&chart_bars),
        ));
    }
    // Outcome verdicts of both periods, measure by measure.
    let scope_rows = |figures: Indexed<'_, '_>, scope: Scope| -> Vec<(u32, String)> {
        figures
            .outcomes_of(scope)
            .iter()
            .map(|o| (o.measure, ctx.verdict_short(o.verdict)))
            .collect()
    };
    let scopes: Vec<Scope> = if all {
        vec![Scope::All]
    } else {
        codes.iter().map(|c| Scope::Project(*c)).collect()
    };
    let mut rows = Vec::new();
    for scope in &scopes {
        let (a, b) = (
            scope_rows(then_figures, *scope),
            scope_rows(now_figures, *scope),
        );
        let mut ms: Vec<u32> = a.iter().chain(&b).map(|(m, _)| *m).collect();
        ms.sort_by_key(|m| ctx.measure_name(*m).to_lowercase());
        ms.dedup();
        for m in ms {
            let find = |list: &[(u32, String)]| {
                list.iter()
                    .find(|(x, _)| *x == m)
                    .map_or_else(|| text.get("verdict-short-none"), |(_, v)| v.clone())
            };
            let name = match (scope, codes.len() > 1) {
                (Scope::Project(p), true) => tr!(
                    text,
                    "project-measure",
                    project = ctx.project_name(*p),
                    measure = ctx.measure_name(m)
                ),
                _ => ctx.measure_name(m).to_string(),
            };
            rows.push(vec![
                TableCell::text(name),
                TableCell::words(find(&a)),
                TableCell::words(find(&b)),
            ]);
        }
    }
    if !rows.is_empty() {
        section.blocks.push(table(
            tr!(text, "compare-verdicts-caption", before = before.as_str()),
            vec![text.get("col-measure"), before.clone(), now.clone()],
            rows,
        ));
    }
    // Self-audit: the latest score of each principle in each period (one project's page).
    if let [code] = codes
        && !all
    {
        let latest = |figures: Indexed<'_, '_>, p: Principle| {
            figures
                .audit_of(*code, p)
                .map(|a| number(a.latest_score, 1))
        };
        let rows: Vec<Vec<TableCell>> = Principle::ALL
            .iter()
            .filter_map(|p| {
                let (a, b) = (latest(then_figures, *p), latest(now_figures, *p));
                (a.is_some() || b.is_some()).then(|| {
                    vec![
                        TableCell::text(text.principle(*p)),
                        TableCell::text(a.unwrap_or_else(|| "–".into())),
                        TableCell::text(b.unwrap_or_else(|| "–".into())),
                    ]
                })
            })
            .collect();
        if !rows.is_empty() {
            section.blocks.push(table(
                tr!(text, "compare-audit-caption", before = before.as_str()),
                vec![text.get("col-principle"), before.clone(), now.clone()],
                rows,
            ));
        }
    }
    Some(section)
}

/// A headline figure of the comparison period, for a card's note: "2023-24: 28".
pub fn beside(ctx: &PageContext<'_>, value: String) -> String {
    match &ctx.comparison {
        Some(c) => tr!(
            ctx.text,
            "compare-beside",
            before = c.label.as_str(),
            value = value
        ),
        None => String::new(),
    }
}
