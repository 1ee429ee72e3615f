//! The portfolio page (`index.html`) for commissioners, and the funder pages, which show the
//! same views for the projects one funder funds.

use super::project::main_outcome;
use super::{Funder, PageContext, ShownOutcome, sections};
use crate::charts::{bars, change, heatmap, palette, scatter};
use crate::figures::{Estimate, Period, Scope};
use crate::model::Principle;
use crate::report::views::{
    Block, Headline, Page, Section, TableCell, bar_rows, chart_with_table, count, money, number,
    pct, signed, stat,
};
use crate::tr;

/// Where a funder's page is, inside its language's folder.
pub fn funder_path(funder: &Funder) -> String {
    format!("funders/{}.html", funder.slug)
}

/// Charts list at most this many projects (or project-measure rows), so that a national
/// portfolio still gives readable pages; the tidy tables hold every row.
const MAX_CHART_ROWS: usize = 60;

/// The sentence that says a chart shows only the first rows; `what` is a count message
/// ("count-projects").
fn capped(
    ctx: &PageContext<'_>,
    shown: usize,
    total: usize,
    what: &str,
    table: &str,
) -> Option<String> {
    (shown < total).then(|| {
        tr!(
            ctx.text,
            "capped",
            shown = count(shown as u64),
            total = ctx.text.count(what, total as u64),
            table = table
        )
    })
}

/// Whether a scope belongs to the projects of a page.
fn in_codes(mask: &[bool], scope: Scope) -> bool {
    matches!(scope, Scope::Project(c) if mask.get(c as usize).copied().unwrap_or(false))
}

fn mask_of(ctx: &PageContext<'_>, codes: &[u32]) -> Vec<bool> {
    let mut mask = vec![false; ctx.tables.project_ids.len()];
    for c in codes {
        mask[*c as usize] = true;
    }
    mask
}

pub fn portfolio(ctx: &PageContext<'_>) -> Page {
    let text = ctx.text;
    let codes: Vec<u32> = (0..ctx.tables.project_ids.len() as u32).collect();
    let mut page = ctx.page(ctx.title(), "kicker-portfolio", "index.html");
    page.subtitle = ctx.config.report.organisation.clone();
    let all_stories = ctx.stories_of(Scope::All);
    page.headline = Some(headline(ctx, &codes, Some(&all_stories)));
    let mut sections_list = vec![
        projects_table(ctx, &codes, 0),
        forest(ctx, &codes, "index-forest"),
        evidence_map(ctx, &codes, "index-heatmap"),
        sections::spectrum(ctx, &all_stories, "index-spectrum"),
        outputs_by_project(ctx, &codes, "index-outputs"),
    ];
    if let Some(s) = novelty(ctx, &codes) {
        sections_list.push(s);
    }
    if !ctx.funders.is_empty() {
        let mut funders = Section::new("funders", &text.get("funders-heading"));
        funders.blocks.push(Block::Table {
            align: Vec::new(),
            caption: text.get("funders-caption"),
            head: vec![text.get("col-funder"), text.get("col-projects")],
            rows: ctx
                .funders
                .iter()
                .map(|f| {
                    vec![
                        TableCell::link(f.name.clone(), funder_path(f)),
                        TableCell::text(count(f.projects.len() as u64)),
                    ]
                })
                .collect(),
        });
        sections_list.push(funders);
    }
    sections_list.push(sections::data_quality(ctx, None));
    sections_list.push(sections::method(ctx));
    page.sections = sections_list;
    page.with_contents()
}

pub fn funder(ctx: &PageContext<'_>, funder: &Funder) -> Page {
    let text = ctx.text;
    let mut page = ctx.page(funder.name.clone(), "kicker-funder", &funder_path(funder));
    page.subtitle = Some(tr!(
        text,
        "funder-subtitle",
        projects = text.count("count-projects", funder.projects.len() as u64),
        title = ctx.title()
    ));
    let id = format!("funder-{}", funder.slug);
    page.headline = Some(headline(ctx, &funder.projects, None));
    page.sections = vec![
        projects_table(ctx, &funder.projects, 1),
        forest(ctx, &funder.projects, &format!("{id}-forest")),
        evidence_map(ctx, &funder.projects, &format!("{id}-heatmap")),
        outputs_by_project(ctx, &funder.projects, &format!("{id}-outputs")),
        value_for_money(ctx, &funder.projects),
        sections::method(ctx),
    ];
    page.with_contents()
}

fn headline(
    ctx: &PageContext<'_>,
    codes: &[u32],
    stories: Option<&crate::figures::StorySummary>,
) -> Headline {
    let projects: Vec<_> = codes
        .iter()
        .map(|c| &ctx.figures.projects[*c as usize])
        .collect();
    let participants: u64 = projects.iter().filter_map(|p| p.participants).sum();
    let hidden = projects.iter().filter(|p| p.participants.is_none()).count();
    let (n_stories, quotable) = match stories {
        Some(s) => (s.stories, s.quotable),
        None => (
            projects.iter().map(|p| p.stories).sum(),
            codes
                .iter()
                .map(|c| ctx.stories_of(Scope::Project(*c)).quotable)
                .sum(),
        ),
    };
    let budget: f64 = projects.iter().filter_map(|p| p.budget).sum();
    let text = ctx.text;
    let main =
        main_outcome(ctx, Scope::All).filter(|_| codes.len() == ctx.tables.project_ids.len());
    let lead = main.map(|o| {
        tr!(
            text,
            "lead-portfolio",
            change = sections::change_words(ctx, o),
            people = text.count("count-people", o.f.n_paired)
        )
    });
    Headline {
        heading: text.get("at-a-glance"),
        lead,
        stats: vec![
            stat(&text.get("stat-projects"), count(codes.len() as u64), None),
            stat(
                &text.get("stat-participants"),
                count(participants),
                (hidden > 0).then(|| {
                    tr!(
                        text,
                        "note-plus-hidden",
                        projects = text.count("count-projects", hidden as u64),
                        hidden = ctx.hidden()
                    )
                }),
            ),
            stat(
                &text.get("stat-stories"),
                count(n_stories),
                Some(tr!(text, "note-quotable", quotable = count(quotable))),
            ),
            stat(
                &text.get("stat-budget"),
                if budget > 0.0 {
                    money(budget)
                } else {
                    "–".into()
                },
                None,
            ),
        ],
    }
}

fn projects_table(ctx: &PageContext<'_>, codes: &[u32], depth: usize) -> Section {
    let text = ctx.text;
    let up = "../".repeat(depth);
    let mut section = Section::new("projects", &text.get("projects-heading"));
    let rows = codes
        .iter()
        .map(|c| {
            let p = &ctx.figures.projects[*c as usize];
            let main = main_outcome(ctx, Scope::Project(*c));
            vec![
                TableCell::link(
                    ctx.project_name(*c),
                    format!("{up}{}", super::project::path(ctx, *c)),
                ),
                TableCell::words(p.organisation.clone().unwrap_or_default()),
                match p.participants {
                    Some(n) => TableCell::text(count(n)),
                    None => TableCell::muted(ctx.hidden()),
                },
                TableCell::text(main.map_or("–".into(), |o| {
                    format!(
                        "{} {}",
                        ctx.measure_name(o.measure),
                        signed(o.f.change.mean, 1)
                    )
                })),
                TableCell::text(
                    main.and_then(|o| o.f.reliable)
                        .and_then(|r| r.improved.shown().copied())
                        .map_or("–".into(), pct),
                ),
                TableCell::text(count(p.stories)),
                TableCell::text(p.cost_per_participant.map_or("–".into(), money)),
            ]
        })
        .collect();
    section.blocks.push(Block::Table {
        align: Vec::new(),
        caption: text.get("projects-caption"),
        head: vec![
            text.get("col-project"),
            text.get("col-organisation"),
            text.get("col-participants"),
            text.get("col-main-change"),
            text.get("col-reliably-improved"),
            text.get("col-stories"),
            text.get("col-cost-per-participant"),
        ],
        rows,
    });
    section
}

fn forest(ctx: &PageContext<'_>, codes: &[u32], id: &str) -> Section {
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

fn evidence_map(ctx: &PageContext<'_>, codes: &[u32], id: &str) -> Section {
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

fn outputs_by_project(ctx: &PageContext<'_>, codes: &[u32], id: &str) -> Section {
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
        let name = &ctx.tables.output_measures[*measure as usize];
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
fn novelty(ctx: &PageContext<'_>, codes: &[u32]) -> Option<Section> {
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

fn value_for_money(ctx: &PageContext<'_>, codes: &[u32]) -> Section {
    let text = ctx.text;
    let mut section = Section::new("value", &text.get("value-heading"));
    let rows = codes
        .iter()
        .map(|c| {
            let p = &ctx.figures.projects[*c as usize];
            vec![
                TableCell::text(ctx.project_name(*c)),
                TableCell::text(p.budget.map_or("–".into(), money)),
                TableCell::text(p.cost_per_participant.map_or("–".into(), money)),
                TableCell::text(p.cost_per_reliable_improvement.map_or("–".into(), money)),
            ]
        })
        .collect();
    section.blocks.push(Block::Table {
        align: Vec::new(),
        caption: text.get("value-caption"),
        head: vec![
            text.get("col-project"),
            text.get("col-budget"),
            text.get("col-cost-per-participant"),
            text.get("col-cost-per-improved"),
        ],
        rows,
    });
    section
}
