//! A project's board briefing: a headline box a trustee reads first, then outputs, outcomes,
//! principles, spectrum, personal outcomes, value for money, data quality and method.

use super::{PageContext, sections};
use crate::charts::{bars, palette};
use crate::figures::{Period, Scope};
use crate::report::views::{
    Block, Headline, Page, Section, Stat, TableCell, count, money, number, pct, stat, table,
};
use crate::tr;

/// Where a project's page is, inside its language's folder.
pub fn path(ctx: &PageContext<'_>, code: u32) -> String {
    format!("projects/{}.html", ctx.project_slugs[code as usize])
}

pub fn project(ctx: &PageContext<'_>, code: u32) -> Page {
    let tables = ctx.tables;
    let text = ctx.text;
    let name = ctx.project_name(code);
    let project = tables.projects[code as usize].as_ref();
    let mut page = ctx.page(name.clone(), "kicker-project", &path(ctx, code));
    let mut subtitle = Vec::new();
    if let Some(org) = project.and_then(|p| p.organisation.clone()) {
        subtitle.push(org);
    }
    if let Some(p) = project.filter(|p| !p.funders.is_empty()) {
        subtitle.push(tr!(text, "funded-by", funders = p.funders.join(", ")));
    }
    subtitle.push(tr!(
        text,
        "project-id",
        id = tables.project_ids[code as usize].as_str()
    ));
    page.subtitle = Some(subtitle.join(" · "));
    let summary = &ctx.figures.projects[code as usize];
    let stories = ctx.stories_of(Scope::Project(code));
    page.headline = Some(Headline {
        heading: text.get("at-a-glance"),
        about: about(ctx, code),
        lead: Some(text.get("findings-lead")),
        findings: sections::findings(ctx, Scope::Project(code)),
        stats: vec![
            stat(
                &text.get("stat-participants"),
                summary.participants.map_or(ctx.hidden(), count),
                Some(
                    text.get("note-with-score")
                        + &sections::beside(
                            ctx,
                            ctx.comparison
                                .as_ref()
                                .and_then(|c| c.figures.projects[code as usize].participants)
                                .map_or(ctx.hidden(), count),
                        ),
                ),
            ),
            followed_up(ctx, code),
            stat(
                &text.get("stat-stories"),
                count(stories.stories),
                Some(tr!(
                    text,
                    "note-quotable",
                    quotable = count(stories.quotable)
                )),
            ),
            stat(
                &text.get("stat-cost-per-participant"),
                summary.cost_per_participant.map_or("–".into(), money),
                Some(match (summary.budget, summary.cost_per_participant) {
                    (Some(b), Some(_)) => tr!(text, "note-budget", budget = money(b)),
                    (None, _) => text.get("why-no-budget"),
                    (Some(_), None) if summary.participants.is_none() => {
                        tr!(text, "why-participants-hidden", hidden = ctx.hidden())
                    }
                    (Some(_), None) => text.get("why-no-participants"),
                }),
            ),
        ],
    });
    page.sections = sections::narrative(ctx, &[code]).into_iter().collect();
    page.sections
        .extend(sections::against(ctx, &[code], false, &format!("p{code}")));
    page.sections.extend([
        outputs(ctx, code),
        sections::outcomes(ctx, Scope::Project(code), &format!("p{code}")),
        sections::principles(ctx, code),
        sections::spectrum(ctx, &stories, &format!("p{code}-spectrum")),
        sections::personal_outcomes(ctx, code),
        value_for_money(ctx, code),
    ]);
    page.sections
        .extend(sections::social_value(ctx, Scope::Project(code)));
    page.sections.extend([
        sections::data_quality(ctx, Some(code)),
        sections::method(ctx),
        sections::glossary(ctx),
    ]);
    page.with_contents()
}

/// What the project is and when: its description, its dates and the reporting period in
/// force (SPEC 5.1 "in context").
fn about(ctx: &PageContext<'_>, code: u32) -> Vec<String> {
    let text = ctx.text;
    let project = ctx.tables.projects[code as usize].as_ref();
    let mut about = Vec::new();
    if let Some(d) = project.and_then(|p| p.description.as_deref()) {
        about.push(ctx.quoted(d, None));
    }
    let dates = project.map_or((None, None), |p| (p.start_date, p.end_date));
    match dates {
        (Some(start), Some(end)) => about.push(tr!(
            text,
            "project-dates",
            start = text.date(start),
            end = text.date(end)
        )),
        (Some(start), None) => about.push(tr!(text, "project-started", start = text.date(start))),
        (None, Some(end)) => about.push(tr!(text, "project-ends", end = text.date(end))),
        (None, None) => {}
    }
    about.push(ctx.period_words());
    about
}

/// People with a baseline and a follow-up, as a share of those with any score: who the
/// outcome figures count.
fn followed_up(ctx: &PageContext<'_>, code: u32) -> Stat {
    let text = ctx.text;
    let summary = &ctx.figures.projects[code as usize];
    let note = match (summary.paired, summary.participants) {
        (Some(paired), Some(all)) if all > 0 => tr!(
            text,
            "note-followed-up",
            pct = pct(100.0 * paired as f64 / all as f64),
            all = count(all),
            baseline_only = text.count("count-people", all - paired)
        ),
        (_, Some(0)) => text.get("why-no-scores"),
        _ => tr!(text, "why-people-hidden", hidden = ctx.hidden()),
    };
    stat(
        &text.get("stat-followed-up"),
        summary.paired.map_or(ctx.hidden(), count),
        Some(note),
    )
}

/// Outputs per quarter: one column chart per output measure.
fn outputs(ctx: &PageContext<'_>, code: u32) -> Section {
    let text = ctx.text;
    let mut section = Section::new("outputs", &text.get("outputs-heading"));
    let scope = Scope::Project(code);
    let rows: Vec<_> = ctx.outputs_of(scope).iter().collect();
    if rows.is_empty() {
        return section.para(text.get("outputs-none"));
    }
    let mut measures: Vec<u32> = rows.iter().map(|o| o.measure).collect();
    measures.dedup();
    let mut periods: Vec<Period> = rows.iter().map(|o| o.period).collect();
    periods.sort();
    periods.dedup();
    for (i, measure) in measures.iter().enumerate() {
        let name = ctx.output_name(*measure).to_string();
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
            Some(p) => tr!(
                text,
                "outputs-desc",
                measure = name.as_str(),
                total = number(total, 0),
                quarters = text.count("count-quarters", quarters.len() as u64),
                peak = text.quarter(&p.label),
                peak_value = number(p.value, 0)
            ),
            None => tr!(
                text,
                "outputs-desc-total",
                measure = name.as_str(),
                total = number(total, 0)
            ),
        };
        let chart_bars: Vec<bars::Bar> = quarters
            .iter()
            .map(|q| bars::Bar {
                label: text.quarter(&q.label),
                value: q.value,
                text: number(q.value, 0),
                colour: palette::SERIES[i % palette::SERIES.len()],
            })
            .collect();
        section.blocks.push(Block::Heading { text: name.clone() });
        let chart = bars::columns(
            &format!("p{code}-outputs-{i}"),
            &tr!(text, "outputs-chart-title", measure = name.as_str()),
            &desc,
            &chart_bars,
        );
        section.blocks.push(Block::chart(chart));
    }
    // One table holds the numbers of every output chart above: a row per quarter.
    let mut head = vec![text.get("col-quarter")];
    head.extend(measures.iter().map(|m| ctx.output_name(*m).to_string()));
    let table_rows = periods
        .iter()
        .map(|period| {
            let mut row = vec![TableCell::text(match period {
                Period::Total => text.get("total"),
                _ => rows
                    .iter()
                    .find(|o| o.period == *period)
                    .map_or(String::new(), |o| text.quarter(&o.label)),
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
    section
        .blocks
        .push(table(text.get("outputs-table-caption"), head, table_rows));
    section
}

fn value_for_money(ctx: &PageContext<'_>, code: u32) -> Section {
    let text = ctx.text;
    let summary = &ctx.figures.projects[code as usize];
    let mut section = Section::new("value", &text.get("value-heading"));
    let Some(budget) = summary.budget else {
        return section.para(text.get("value-no-budget"));
    };
    section.stats = vec![
        stat(&text.get("stat-budget"), money(budget), None),
        stat(
            &text.get("stat-cost-per-participant"),
            summary.cost_per_participant.map_or("–".into(), money),
            Some(match summary.participants {
                Some(n) => text.count("count-participants", n),
                None => tr!(text, "note-participants-hidden", hidden = ctx.hidden()),
            }),
        ),
        stat(
            &text.get("stat-cost-per-improved"),
            summary
                .cost_per_reliable_improvement
                .map_or("–".into(), money),
            Some(match summary.reliably_improved {
                Some(n) => text.count("note-reliably-improved", n),
                None if summary.improved_protected => tr!(
                    text,
                    "note-improved-hidden",
                    hidden = text.get("hidden-protect")
                ),
                None => tr!(text, "note-improved-hidden", hidden = ctx.hidden()),
            }),
        ),
    ];
    section.para(text.get("value-note"))
}
