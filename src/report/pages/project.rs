//! A project's board briefing: a headline box a trustee reads first, then outputs, outcomes,
//! principles, spectrum, personal outcomes, value for money, data quality and method.

use super::{PageContext, sections};
use crate::charts::{bars, palette};
use crate::figures::{OutcomeSummary, Period, Scope};
use crate::report::views::{
    Block, Headline, Page, Section, TableCell, count, counted, money, number, pct, stat, table,
};

/// The measure a headline reports: among those shown, the one with most paired people; on a
/// tie, one with reliable change, then one where higher is better, then by name.
pub fn main_outcome<'f>(ctx: &PageContext<'f>, scope: Scope) -> Option<&'f OutcomeSummary> {
    ctx.outcomes_of(scope)
        .iter()
        .filter(|o| !o.suppressed)
        .max_by(|a, b| {
            let rank = |o: &OutcomeSummary| {
                let m = &ctx.tables.measures[o.measure as usize];
                (
                    o.n_paired,
                    o.pct_reliable_improvement.is_some(),
                    m.higher_is_better,
                )
            };
            rank(a)
                .cmp(&rank(b))
                .then_with(|| ctx.measure_name(b.measure).cmp(ctx.measure_name(a.measure)))
        })
}

pub fn project(ctx: &PageContext<'_>, code: u32) -> Page {
    let tables = ctx.tables;
    let name = ctx.project_name(code);
    let project = tables.projects[code as usize].as_ref();
    let mut page = ctx.page(name.clone(), "Board briefing", 1);
    let mut subtitle = Vec::new();
    if let Some(org) = project.and_then(|p| p.organisation.clone()) {
        subtitle.push(org);
    }
    if let Some(p) = project.filter(|p| !p.funders.is_empty()) {
        subtitle.push(format!("Funded by {}", p.funders.join(", ")));
    }
    subtitle.push(format!("Project id {}", tables.project_ids[code as usize]));
    page.subtitle = Some(subtitle.join(" · "));
    let summary = &ctx.figures.projects[code as usize];
    let stories = ctx.stories_of(Scope::Project(code));
    let main = main_outcome(ctx, Scope::Project(code));
    let lead = main.map(|o| {
        let m = &tables.measures[o.measure as usize];
        format!(
            "{} {} among {} people with a baseline and a follow-up.",
            m.name,
            sections::change_words(o, m.higher_is_better),
            count(o.n_paired.unwrap_or(0))
        )
    });
    page.headline = Some(Headline {
        heading: "At a glance".into(),
        lead,
        stats: vec![
            stat(
                "Participants",
                summary.participants.map_or(ctx.hidden(), count),
                Some("people with an outcome score".into()),
            ),
            stat(
                "Main change",
                main.and_then(|o| o.mean_change)
                    .map_or("–".into(), |c| crate::report::views::signed(c, 1)),
                main.map(|o| format!("points on {}", ctx.measure_name(o.measure))),
            ),
            stat(
                "Reliably improved",
                main.and_then(|o| o.pct_reliable_improvement)
                    .map_or("–".into(), pct),
                main.map(|o| format!("on {}", ctx.measure_name(o.measure))),
            ),
            stat(
                "Stories",
                count(stories.stories),
                Some(format!("{} may be quoted", count(stories.quotable))),
            ),
            stat(
                "Cost per participant",
                summary.cost_per_participant.map_or("–".into(), money),
                summary.budget.map(|b| format!("budget {}", money(b))),
            ),
        ],
    });
    page.sections = vec![
        outputs(ctx, code),
        sections::outcomes(ctx, Scope::Project(code), &format!("p{code}")),
        sections::principles(ctx, code),
        sections::spectrum(&stories, &format!("p{code}-spectrum")),
        sections::personal_outcomes(ctx, code),
        value_for_money(ctx, code),
        sections::data_quality(ctx),
        sections::method(ctx),
    ];
    page.with_contents()
}

/// Outputs per quarter: one column chart per output measure.
fn outputs(ctx: &PageContext<'_>, code: u32) -> Section {
    let mut section = Section::new("outputs", "Outputs: activity delivered");
    let scope = Scope::Project(code);
    let rows: Vec<_> = ctx.outputs_of(scope).iter().collect();
    if rows.is_empty() {
        return section.para("No outputs were recorded.");
    }
    let mut measures: Vec<u32> = rows.iter().map(|o| o.measure).collect();
    measures.dedup();
    let mut periods: Vec<Period> = rows.iter().map(|o| o.period).collect();
    periods.sort();
    periods.dedup();
    for (i, measure) in measures.iter().enumerate() {
        let name = &ctx.tables.output_measures[*measure as usize];
        let quarters: Vec<_> = rows
            .iter()
            .filter(|o| o.measure == *measure && matches!(o.period, Period::Quarter(_)))
            .collect();
        let total = rows
            .iter()
            .find(|o| o.measure == *measure && o.period == Period::Total)
            .map_or(0.0, |o| o.value);
        let peak = quarters
            .iter()
            .max_by(|a, b| a.value.total_cmp(&b.value).then(b.period.cmp(&a.period)));
        let desc = match peak {
            Some(p) => format!(
                "{name}: {} in total over {}, highest in {} ({}).",
                number(total, 0),
                counted(quarters.len() as u64, "quarter", "quarters"),
                p.label,
                number(p.value, 0)
            ),
            None => format!("{name}: {} in total.", number(total, 0)),
        };
        let chart_bars: Vec<bars::Bar> = quarters
            .iter()
            .map(|q| bars::Bar {
                label: q.label.clone(),
                value: q.value,
                text: number(q.value, 0),
                colour: palette::SERIES[i % palette::SERIES.len()],
            })
            .collect();
        section.blocks.push(Block::Heading { text: name.clone() });
        let chart = bars::columns(
            &format!("p{code}-outputs-{i}"),
            &format!("{name} per quarter"),
            &desc,
            &chart_bars,
        );
        section.blocks.push(Block::Chart {
            svg: chart.svg,
            caption: desc,
        });
    }
    // One table holds the numbers of every output chart above: a row per quarter.
    let mut head = vec!["Quarter".to_string()];
    head.extend(
        measures
            .iter()
            .map(|m| ctx.tables.output_measures[*m as usize].clone()),
    );
    let table_rows = periods
        .iter()
        .map(|period| {
            let mut row = vec![TableCell::text(match period {
                Period::Total => "Total".to_string(),
                _ => rows
                    .iter()
                    .find(|o| o.period == *period)
                    .map_or(String::new(), |o| o.label.clone()),
            })];
            row.extend(measures.iter().map(|m| {
                rows.iter()
                    .find(|o| o.measure == *m && o.period == *period)
                    .map_or(TableCell::muted("–"), |o| {
                        TableCell::text(number(o.value, 0))
                    })
            }));
            row
        })
        .collect();
    section.blocks.push(table(
        "The numbers in the charts: outputs per quarter",
        head,
        table_rows,
    ));
    section
}

fn value_for_money(ctx: &PageContext<'_>, code: u32) -> Section {
    let summary = &ctx.figures.projects[code as usize];
    let mut section = Section::new("value", "Value for money");
    let Some(budget) = summary.budget else {
        return section.para(
            "No budget was given for this project, so costs per person cannot be worked out.",
        );
    };
    section.stats = vec![
        stat("Budget", money(budget), None),
        stat(
            "Cost per participant",
            summary.cost_per_participant.map_or("–".into(), money),
            Some(match summary.participants {
                Some(n) => format!("{} participants", count(n)),
                None => format!("participants: {}", ctx.hidden()),
            }),
        ),
        stat(
            "Cost per person reliably improved",
            summary
                .cost_per_reliable_improvement
                .map_or("–".into(), money),
            Some(match summary.reliably_improved {
                Some(n) => format!(
                    "{} people reliably improved on at least one measure",
                    count(n)
                ),
                None => format!("people reliably improved: {}", ctx.hidden()),
            }),
        ),
    ];
    section.para("Costs divide the whole budget by people; they do not separate what the budget bought beyond the people measured.")
}
