//! The portfolio page (`index.html`) for commissioners, and the funder pages, which show the
//! same views for the projects one funder funds.

use super::project::main_outcome;
use super::{Funder, PageContext, sections};
use crate::charts::{bars, change, heatmap, palette, scatter};
use crate::figures::{Period, Scope};
use crate::model::Principle;
use crate::report::views::{
    Block, Headline, Page, Section, TableCell, chart_with_table, count, counted, money, number,
    pct, signed, stat,
};

/// Charts list at most this many projects (or project-measure rows), so that a national
/// portfolio still gives readable pages; the tidy tables hold every row.
const MAX_CHART_ROWS: usize = 60;

/// The sentence that says a chart shows only the first rows.
fn capped(shown: usize, total: usize, what: &str, table: &str) -> Option<String> {
    (shown < total).then(|| {
        format!(
            "The chart and its table show the first {} of {} {what}, in project order; every one is in data/{table}.",
            count(shown as u64),
            count(total as u64)
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
    let codes: Vec<u32> = (0..ctx.tables.project_ids.len() as u32).collect();
    let title = ctx.config.report.title.clone();
    let mut page = ctx.page(title, "Portfolio", 0);
    page.subtitle = ctx.config.report.organisation.clone();
    let all_stories = ctx.stories_of(Scope::All);
    page.headline = Some(headline(ctx, &codes, Some(&all_stories)));
    let mut sections_list = vec![
        projects_table(ctx, &codes, 0),
        forest(ctx, &codes, "index-forest"),
        evidence_map(ctx, &codes, "index-heatmap"),
        sections::spectrum(&all_stories, "index-spectrum"),
        outputs_by_project(ctx, &codes, "index-outputs"),
    ];
    if let Some(s) = novelty(ctx, &codes) {
        sections_list.push(s);
    }
    if !ctx.funders.is_empty() {
        let mut funders = Section::new("funders", "Funders");
        funders.blocks.push(Block::Table {
            align: Vec::new(),
            caption: "Funders and the projects they fund".into(),
            head: vec!["Funder".into(), "Projects".into()],
            rows: ctx
                .funders
                .iter()
                .map(|f| {
                    vec![
                        TableCell::link(f.name.clone(), format!("funders/{}.html", f.slug)),
                        TableCell::text(count(f.projects.len() as u64)),
                    ]
                })
                .collect(),
        });
        sections_list.push(funders);
    }
    sections_list.push(sections::data_quality(ctx));
    sections_list.push(sections::method(ctx));
    page.sections = sections_list;
    page.with_contents()
}

pub fn funder(ctx: &PageContext<'_>, funder: &Funder) -> Page {
    let mut page = ctx.page(funder.name.clone(), "Funder report", 1);
    page.subtitle = Some(format!(
        "{} funded in {}",
        counted(funder.projects.len() as u64, "project", "projects"),
        ctx.config.report.title
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
    let main =
        main_outcome(ctx, Scope::All).filter(|_| codes.len() == ctx.tables.project_ids.len());
    let lead = main.map(|o| {
        let m = &ctx.tables.measures[o.measure as usize];
        format!(
            "Across all projects, {} {} ({} people paired).",
            m.name,
            sections::change_words(o, m.higher_is_better),
            count(o.n_paired.unwrap_or(0))
        )
    });
    Headline {
        heading: "At a glance".into(),
        lead,
        stats: vec![
            stat("Projects", count(codes.len() as u64), None),
            stat(
                "Participants",
                count(participants),
                (hidden > 0).then(|| {
                    format!(
                        "plus {} with {}",
                        counted(hidden as u64, "project", "projects"),
                        ctx.hidden()
                    )
                }),
            ),
            stat(
                "Stories",
                count(n_stories),
                Some(format!("{} may be quoted", count(quotable))),
            ),
            stat(
                "Budget",
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
    let up = "../".repeat(depth);
    let mut section = Section::new("projects", "Projects");
    let rows = codes
        .iter()
        .map(|c| {
            let p = &ctx.figures.projects[*c as usize];
            let main = main_outcome(ctx, Scope::Project(*c));
            vec![
                TableCell::link(
                    ctx.project_name(*c),
                    format!("{up}projects/{}.html", ctx.project_slugs[*c as usize]),
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
                        signed(o.mean_change.unwrap_or(0.0), 1)
                    )
                })),
                TableCell::text(
                    main.and_then(|o| o.pct_reliable_improvement)
                        .map_or("–".into(), pct),
                ),
                TableCell::text(count(p.stories)),
                TableCell::text(p.cost_per_participant.map_or("–".into(), money)),
            ]
        })
        .collect();
    section.blocks.push(Block::Table {
        align: Vec::new(),
        caption: "Projects, their main outcome and cost per participant".into(),
        head: vec![
            "Project".into(),
            "Organisation".into(),
            "Participants".into(),
            "Main change (points)".into(),
            "Reliably improved".into(),
            "Stories".into(),
            "Cost per participant".into(),
        ],
        rows,
    });
    section
}

fn forest(ctx: &PageContext<'_>, codes: &[u32], id: &str) -> Section {
    let mut section = Section::new("outcomes", "Outcomes across projects");
    section = section.para("Effect sizes (Cohen's d_z) per project and measure with their 95% intervals: positive means people improved, whichever direction the measure counts as better. Groups of fewer than the threshold are left out.");
    let mask = mask_of(ctx, codes);
    let mut rows: Vec<_> = ctx
        .figures
        .outcomes
        .iter()
        .filter(|o| in_codes(&mask, o.scope))
        .filter(|o| o.effect_size.is_some())
        .collect();
    if rows.is_empty() {
        return section.para("No project has enough paired outcome scores for an effect size.");
    }
    let total = rows.len();
    rows.truncate(MAX_CHART_ROWS);
    if let Some(note) = capped(rows.len(), total, "effects", "outcomes_summary.csv") {
        section = section.para(note);
    }
    let effects: Vec<change::Effect> = rows
        .iter()
        .map(|o| change::Effect {
            label: format!(
                "{}: {}",
                project_of(ctx, o.scope),
                ctx.measure_name(o.measure)
            ),
            estimate: o.effect_size.unwrap_or(0.0),
            low: o.es_ci_low.unwrap_or(0.0),
            high: o.es_ci_high.unwrap_or(0.0),
        })
        .collect();
    let largest = effects
        .iter()
        .max_by(|a, b| a.estimate.total_cmp(&b.estimate));
    let above = effects.iter().filter(|e| e.low > 0.0).count();
    let desc = match largest {
        Some(l) => format!(
            "{} of {} effects have intervals entirely above zero (a clear improvement). The largest is {} (d_z {}, 95% interval {} to {}).",
            above,
            effects.len(),
            l.label,
            number(l.estimate, 2),
            number(l.low, 2),
            number(l.high, 2)
        ),
        None => String::new(),
    };
    let chart = change::forest(id, "Effect sizes per project and measure", &desc, &effects);
    let table = effects
        .iter()
        .zip(&rows)
        .map(|(e, o)| {
            vec![
                TableCell::text(e.label.clone()),
                TableCell::text(count(o.n_paired.unwrap_or(0))),
                TableCell::text(number(e.estimate, 2)),
                TableCell::text(format!("{} to {}", number(e.low, 2), number(e.high, 2))),
            ]
        })
        .collect();
    section.blocks.extend(chart_with_table(
        chart,
        &desc,
        vec![
            "Project: measure".into(),
            "Paired people".into(),
            "d_z".into(),
            "95% interval".into(),
        ],
        table,
    ));
    section
}

fn project_of(ctx: &PageContext<'_>, scope: Scope) -> String {
    match scope {
        Scope::Project(c) => ctx.project_name(c),
        Scope::All => "All projects".into(),
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
    let mut section = Section::new("principles", "Evidence for each principle");
    section = section.para("Each cell counts the kinds of evidence a project has for a principle: output measures tagged with it, paired outcome scores on measures tagged with it, stories tagged with it, and a self-audit score (0 to 4).");
    if let Some(note) = capped(
        codes.len().min(MAX_CHART_ROWS),
        codes.len(),
        "projects",
        "principle_evidence.csv",
    ) {
        section = section.para(note);
    }
    let codes = &codes[..codes.len().min(MAX_CHART_ROWS)];
    let names: Vec<String> = codes.iter().map(|c| ctx.project_name(*c)).collect();
    let columns: Vec<String> = Principle::ALL
        .iter()
        .map(|p| p.label_en().to_string())
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
        .map(|(j, p)| (cells.iter().map(|r| usize::from(r[j])).sum(), p.label_en()))
        .collect();
    let weakest = per_principle.iter().min_by_key(|(n, _)| *n);
    let strongest = per_principle.iter().max_by_key(|(n, _)| *n);
    let desc = format!(
        "{} of {} project-principle cells have all four kinds of evidence. {} has the most evidence across projects{}.",
        full,
        cells.len() * 5,
        strongest.map_or("", |s| s.1),
        weakest.map_or(String::new(), |w| format!(" and {} the least", w.1))
    );
    let chart = heatmap::heatmap(
        id,
        "Kinds of evidence per project and principle",
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
    let mut head = vec!["Project".to_string()];
    head.extend(columns);
    section
        .blocks
        .extend(chart_with_table(chart, &desc, head, rows));
    section
}

fn outputs_by_project(ctx: &PageContext<'_>, codes: &[u32], id: &str) -> Section {
    let mut section = Section::new("outputs", "Outputs by project");
    let mask = mask_of(ctx, codes);
    let totals: Vec<_> = ctx
        .figures
        .outputs
        .iter()
        .filter(|o| o.period == Period::Total && in_codes(&mask, o.scope))
        .collect();
    if totals.is_empty() {
        return section.para("No outputs were recorded.");
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
    section = section.para("Total outputs over the whole period for the activities most projects report; every project's outputs per quarter are on its own page and in data/outputs_summary.csv.");
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
            Some(t) => format!(
                "{name}: {} {} it; {} delivered the most ({}){}.",
                counted(reporting as u64, "project", "projects"),
                if reporting == 1 { "reports" } else { "report" },
                t.label,
                t.text,
                if rows.len() < reporting {
                    " of the projects shown"
                } else {
                    ""
                }
            ),
            None => String::new(),
        };
        section.blocks.push(Block::Heading { text: name.clone() });
        if let Some(note) = capped(rows.len(), reporting, "projects", "outputs_summary.csv") {
            section.blocks.push(Block::Note { text: note });
        }
        let chart = bars::horizontal(
            &format!("{id}-{i}"),
            &format!("{name} by project"),
            &desc,
            &rows,
        );
        let table = rows
            .iter()
            .map(|b| {
                vec![
                    TableCell::text(b.label.clone()),
                    TableCell::text(b.text.clone()),
                ]
            })
            .collect();
        section.blocks.extend(chart_with_table(
            chart,
            &desc,
            vec!["Project".into(), name.clone()],
            table,
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
                .outcomes_of(Scope::Project(*c))
                .iter()
                .filter_map(|o| o.pct_improved)
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
    let mut section = Section::new("novelty", "Novelty and outcomes");
    if let Some(note) = capped(points.len(), total, "projects", "projects_summary.csv") {
        section = section.para(note);
    }
    section = section.para("How new each project's approach is (1: we all know how to do this, to 6: nobody has done this before) against the share of people whose scores improved, averaged over the project's measures.");
    let most = points.iter().max_by_key(|p| p.novelty);
    let least = points.iter().min_by_key(|p| p.novelty);
    let desc = match (most, least) {
        (Some(m), Some(l)) => format!(
            "The most novel project, {} (novelty {}), saw {} of people improve; the least novel, {} (novelty {}), saw {}.",
            m.label,
            m.novelty,
            pct(m.value),
            l.label,
            l.novelty,
            pct(l.value)
        ),
        _ => String::new(),
    };
    let chart = scatter::novelty(
        "index-novelty",
        "Projects by novelty and share improved",
        &desc,
        "% improved",
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
        chart,
        &desc,
        vec!["Project".into(), "Novelty".into(), "Improved".into()],
        rows,
    ));
    Some(section)
}

fn value_for_money(ctx: &PageContext<'_>, codes: &[u32]) -> Section {
    let mut section = Section::new("value", "Value for money");
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
        caption: "Budget and cost per person".into(),
        head: vec![
            "Project".into(),
            "Budget".into(),
            "Cost per participant".into(),
            "Cost per person reliably improved".into(),
        ],
        rows,
    });
    section
}
