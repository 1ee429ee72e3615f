//! The portfolio page (`index.html`) for commissioners, and the funder pages, which show the
//! same views for the projects one funder funds.

use super::compare::{evidence_map, forest, novelty, outputs_by_project};
use super::{Funder, PageContext, sections};
use crate::figures::Scope;
use crate::report::views::{Block, Headline, Page, Section, TableCell, count, money, stat};
use crate::tr;

/// Where a funder's page is, inside its language's folder.
pub fn funder_path(funder: &Funder) -> String {
    format!("funders/{}.html", funder.slug)
}

/// Charts list at most this many projects (or project-measure rows), so that a national
/// portfolio still gives readable pages; the tidy tables hold every row.
pub(super) const MAX_CHART_ROWS: usize = 60;

/// The sentence that says a chart shows only the first rows; `what` is a count message
/// ("count-projects").
pub(super) fn capped(
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

pub fn portfolio(ctx: &PageContext<'_>) -> Page {
    let text = ctx.text;
    let codes: Vec<u32> = (0..ctx.tables.project_ids.len() as u32).collect();
    let mut page = ctx.page(ctx.title(), "kicker-portfolio", "index.html");
    page.subtitle = ctx.config.report.organisation.clone();
    let all_stories = ctx.stories_of(Scope::All);
    page.headline = Some(headline(ctx, &codes, Some(&all_stories), None));
    let mut sections_list: Vec<Section> = sections::against(ctx, &codes, true, "index")
        .into_iter()
        .collect();
    sections_list.extend([
        // The short lists first, then every project: readable at 1,000 projects.
        to_look_at(ctx, &codes, 0),
        by_measure(ctx, &codes),
        projects_table(ctx, &codes, 0),
        forest(ctx, &codes, "index-forest"),
        evidence_map(ctx, &codes, "index-heatmap"),
        sections::spectrum(ctx, &all_stories, "index-spectrum"),
        outputs_by_project(ctx, &codes, "index-outputs"),
        value_for_money(ctx, &codes, None),
    ]);
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
    sections_list.push(sections::glossary(ctx));
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
    page.headline = Some(headline(ctx, &funder.projects, None, Some(funder)));
    page.sections = sections::against(ctx, &funder.projects, false, &id)
        .into_iter()
        .collect();
    page.sections.extend([
        to_look_at(ctx, &funder.projects, 1),
        by_measure(ctx, &funder.projects),
        projects_table(ctx, &funder.projects, 1),
        forest(ctx, &funder.projects, &format!("{id}-forest")),
        evidence_map(ctx, &funder.projects, &format!("{id}-heatmap")),
        outputs_by_project(ctx, &funder.projects, &format!("{id}-outputs")),
        value_for_money(ctx, &funder.projects, Some(funder)),
    ]);
    page.sections
        .extend(sections::narrative(ctx, &funder.projects));
    page.sections
        .extend([sections::method(ctx), sections::glossary(ctx)]);
    page.with_contents()
}

/// What a project brings to one funder's money (SPEC 2.4).
#[derive(Clone, Copy)]
enum FunderMoney {
    /// The amount the `funding` column gives for this funder.
    Given(f64),
    /// The whole budget of a project this funder funds alone and that gives no amounts.
    Alone(f64),
    /// The whole budget of a project with other funders and no amount for this one: listed
    /// as shared, never added into the funder's total.
    Shared(f64),
    /// No budget and no amount.
    Unknown,
}

fn funder_money(ctx: &PageContext<'_>, funder: &Funder, code: u32) -> FunderMoney {
    let Some(p) = ctx.tables.projects[code as usize].as_ref() else {
        return FunderMoney::Unknown;
    };
    if let Some((_, amount)) = p
        .funding
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(&funder.name))
    {
        return FunderMoney::Given(*amount);
    }
    match p.budget {
        None => FunderMoney::Unknown,
        Some(b) if p.funders.len() <= 1 && p.funding.is_empty() => FunderMoney::Alone(b),
        Some(b) => FunderMoney::Shared(b),
    }
}

fn headline(
    ctx: &PageContext<'_>,
    codes: &[u32],
    stories: Option<&crate::figures::StorySummary>,
    funder: Option<&Funder>,
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
    let text = ctx.text;
    // A funder's money adds up what it gave and the budgets of projects it funds alone;
    // a shared budget is named, never added (SPEC 2.4).
    let (budget, budget_note) = match funder {
        None => (projects.iter().filter_map(|p| p.budget).sum::<f64>(), None),
        Some(f) => {
            let money: Vec<FunderMoney> = codes.iter().map(|c| funder_money(ctx, f, *c)).collect();
            let (mut total, mut given, mut alone, mut shared) = (0.0, 0u64, 0u64, 0u64);
            for m in &money {
                match m {
                    FunderMoney::Given(a) => (total, given) = (total + a, given + 1),
                    FunderMoney::Alone(b) => (total, alone) = (total + b, alone + 1),
                    FunderMoney::Shared(_) => shared += 1,
                    FunderMoney::Unknown => {}
                }
            }
            let funder_name = f.name.as_str();
            let mut parts = Vec::new();
            if given > 0 {
                parts.push(tr!(
                    text,
                    "note-budget-given",
                    projects = text.count("count-projects", given),
                    funder = funder_name
                ));
            }
            if alone > 0 {
                parts.push(tr!(
                    text,
                    "note-budget-alone",
                    projects = text.count("count-projects", alone),
                    funder = funder_name
                ));
            }
            if given == 0 && alone == 0 {
                parts.push(tr!(text, "note-budget-none", funder = funder_name));
            }
            if shared > 0 {
                parts.push(tr!(
                    text,
                    "note-budget-shared",
                    projects = text.count("count-projects", shared)
                ));
            }
            (total, Some(parts.join("; ")))
        }
    };
    // Pooled outcome figures exist only for all projects together (the `ALL` rows): a funder's
    // page names no pooled change (SPEC 4.8 rule 6).
    let whole_portfolio = codes.len() == ctx.tables.project_ids.len();
    let findings = if whole_portfolio {
        sections::findings(ctx, Scope::All)
    } else {
        Vec::new()
    };
    Headline {
        heading: text.get("at-a-glance"),
        about: vec![ctx.period_words()],
        lead: (!findings.is_empty()).then(|| text.get("findings-lead-portfolio")),
        findings,
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
                budget_note,
            ),
        ],
    }
}

/// The share of the people scored who must be followed up for evidence to count as good.
pub(super) const GOOD_FOLLOW_UP: f64 = 0.7;

/// How strong a project's outcome evidence is (issue 16), by the rule the page states: from
/// people paired on its best-measured measure and the share of its people followed up. Never
/// from effect sizes, which differ in meaning from measure to measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Strength {
    /// No outcome scores.
    None,
    /// No measure with INDICATIVE paired people.
    Thin,
    /// A measure with INDICATIVE paired people, fewer than GOOD_FOLLOW_UP followed up.
    Fair,
    /// A measure with INDICATIVE paired people and GOOD_FOLLOW_UP followed up.
    Good,
    /// Not known: rows hidden to protect a small group may hold enough people.
    Hidden,
}

impl Strength {
    pub(super) fn key(self) -> &'static str {
        match self {
            Strength::None => "strength-none",
            Strength::Thin => "strength-thin",
            Strength::Fair => "strength-fair",
            Strength::Good => "strength-good",
            Strength::Hidden => "strength-hidden",
        }
    }
}

/// The strength of a project's evidence (see [`Strength`]).
pub(super) fn strength(ctx: &PageContext<'_>, code: u32) -> Strength {
    let outcomes = ctx.outcomes_of(Scope::Project(code));
    if outcomes.is_empty() {
        return Strength::None;
    }
    let indicative = sections::INDICATIVE;
    let enough = outcomes
        .iter()
        .any(|o| o.shown().is_some_and(|f| f.n_paired >= indicative));
    if enough {
        let p = &ctx.figures.projects[code as usize];
        return match followed_up_share(p) {
            Some(share) if share >= GOOD_FOLLOW_UP => Strength::Good,
            _ => Strength::Fair,
        };
    }
    // A row hidden to protect another may hold many people: only "too few" is known thin,
    // or every row when fewer people than that were paired on any measure at all.
    let p = &ctx.figures.projects[code as usize];
    if p.paired.is_none_or(|n| n >= indicative)
        && outcomes
            .iter()
            .any(|o| o.shown().is_none() && o.verdict != crate::figures::Verdict::TooFew)
    {
        Strength::Hidden
    } else {
        Strength::Thin
    }
}

/// People with a baseline and a follow-up as a share of people with any score, when both
/// counts are shown.
fn followed_up_share(p: &crate::figures::ProjectSummary) -> Option<f64> {
    match (p.paired, p.participants) {
        (Some(paired), Some(all)) if all > 0 => Some(paired as f64 / all as f64),
        _ => None,
    }
}

fn projects_table(ctx: &PageContext<'_>, codes: &[u32], depth: usize) -> Section {
    let text = ctx.text;
    let up = "../".repeat(depth);
    let mut section = Section::new("projects", &text.get("projects-heading"));
    section = section.para(tr!(
        text,
        "strength-rule",
        indicative = sections::INDICATIVE.to_string(),
        share = crate::format::pct(100.0 * GOOD_FOLLOW_UP)
    ));
    let rows = codes
        .iter()
        .map(|c| {
            let p = &ctx.figures.projects[*c as usize];
            vec![
                TableCell::link(
                    ctx.project_name(*c),
                    format!("{up}{}", super::project::path(ctx, *c)),
                ),
                what_changed(ctx, *c),
                match (p.paired, p.participants, followed_up_share(p)) {
                    (Some(paired), Some(all), Some(share)) => TableCell::text(tr!(
                        text,
                        "followed-of",
                        paired = count(paired),
                        all = count(all),
                        share = crate::format::pct(100.0 * share)
                    )),
                    (_, Some(0), _) => TableCell::text("–"),
                    _ => TableCell::muted(ctx.hidden()),
                },
                TableCell::words(text.get(strength(ctx, *c).key())),
                match (p.reliably_improved, p.improved_protected) {
                    (Some(n), _) => TableCell::text(count(n)),
                    (None, true) => TableCell::muted(text.get("hidden-short")),
                    (None, false) => TableCell::text("–"),
                },
                TableCell::text(p.cost_per_participant.map_or("–".into(), money)),
                cost_per_improved_cell(ctx, p),
                social_value_cell(ctx, *c),
            ]
        })
        .collect();
    section.blocks.push(Block::Table {
        align: ["txt", "lines", "num", "txt", "num", "num", "num", "num"].to_vec(),
        caption: text.get("projects-caption"),
        head: vec![
            text.get("col-project"),
            text.get("col-what-changed"),
            text.get("col-followed-up"),
            text.get("col-strength"),
            text.get("col-people-reliably-improved"),
            text.get("col-cost-per-participant"),
            text.get("col-cost-per-improved"),
            text.get("col-social-value"),
        ],
        rows,
    });
    section.para(text.get("projects-dash"))
}

/// Each measure across the page's projects: how many projects have it, and their verdicts
/// (SPEC 4.3) counted, so that a portfolio of 1,000 projects reads in one table.
fn by_measure(ctx: &PageContext<'_>, codes: &[u32]) -> Section {
    use crate::figures::Verdict;
    let text = ctx.text;
    let mut section = Section::new("by-measure", &text.get("by-measure-heading"));
    section = section.para(text.get("by-measure-intro"));
    // Grouped case-insensitively, in name order: (a measure code, counts by verdict group).
    let mut counts: std::collections::BTreeMap<String, (u32, [u64; 5])> = Default::default();
    for c in codes {
        for o in ctx.outcomes_of(Scope::Project(*c)) {
            let slot = match o.verdict {
                v if v.is_improvement() => 0,
                Verdict::NoClearChange => 1,
                Verdict::Deteriorated => 2,
                Verdict::TooFew => 3,
                _ => 4,
            };
            let name = ctx.measure_name(o.measure).to_lowercase();
            counts.entry(name).or_insert((o.measure, [0; 5])).1[slot] += 1;
        }
    }
    if counts.is_empty() {
        return section.para(text.get("by-measure-none"));
    }
    let rows = counts
        .values()
        .map(|(m, n)| {
            let mut row = vec![
                TableCell::text(ctx.measure_name(*m)),
                TableCell::text(count(n.iter().sum())),
            ];
            row.extend(n.iter().map(|k| TableCell::text(count(*k))));
            row
        })
        .collect();
    section.blocks.push(Block::Table {
        align: Vec::new(),
        caption: text.get("by-measure-caption"),
        head: vec![
            text.get("col-measure"),
            text.get("col-projects"),
            text.get("col-improved-projects"),
            text.get("col-no-clear-change"),
            text.get("col-worse"),
            text.get("col-too-few"),
            text.get("col-hidden-rows"),
        ],
        rows,
    });
    section
}

/// The projects a commissioner should look at first, each with why (issue 16): a measure that
/// got worse, no outcome scores, or thin evidence (no measure with at least INDICATIVE
/// paired people, the rule the page states). Projects in the table's order.
fn to_look_at(ctx: &PageContext<'_>, codes: &[u32], depth: usize) -> Section {
    let text = ctx.text;
    let up = "../".repeat(depth);
    let indicative = sections::INDICATIVE;
    let mut section = Section::new("look-at", &text.get("look-at-heading"));
    section = section.para(tr!(
        text,
        "look-at-intro",
        indicative = indicative.to_string()
    ));
    let mut rows = Vec::new();
    for c in codes {
        let outcomes = ctx.outcomes_of(Scope::Project(*c));
        let mut reasons: Vec<String> = outcomes
            .iter()
            .filter(|o| o.verdict == crate::figures::Verdict::Deteriorated)
            .map(|o| tr!(text, "look-at-worse", measure = ctx.measure_name(o.measure)))
            .collect();
        if outcomes.is_empty() {
            reasons.push(text.get("look-at-no-outcomes"));
        } else if strength(ctx, *c) == Strength::Thin {
            reasons.push(tr!(
                text,
                "look-at-thin",
                indicative = indicative.to_string()
            ));
        }
        if !reasons.is_empty() {
            rows.push(vec![
                TableCell::link(
                    ctx.project_name(*c),
                    format!("{up}{}", super::project::path(ctx, *c)),
                ),
                TableCell::words(reasons.join("; ")),
            ]);
        }
    }
    if rows.is_empty() {
        return section.para(text.get("look-at-none"));
    }
    section.blocks.push(Block::Table {
        align: Vec::new(),
        caption: text.get("look-at-caption"),
        head: vec![text.get("col-project"), text.get("col-why")],
        rows,
    });
    section
}

/// Every measure of a project with its verdict in words (SPEC 4.3), harm first, then
/// improvements from the strongest, then no clear change: measures on different scales are
/// never set side by side as points.
fn what_changed(ctx: &PageContext<'_>, code: u32) -> TableCell {
    let mut rows: Vec<_> = ctx.outcomes_of(Scope::Project(code)).iter().collect();
    if rows.is_empty() {
        return TableCell::lines(&[ctx.text.get("verdict-short-none")]);
    }
    rows.sort_by(|a, b| {
        a.verdict
            .rank()
            .cmp(&b.verdict.rank())
            .then_with(|| ctx.measure_name(a.measure).cmp(ctx.measure_name(b.measure)))
    });
    let items: Vec<String> = rows
        .iter()
        .map(|o| {
            format!(
                "{}: {}",
                ctx.measure_name(o.measure),
                ctx.verdict_short(o.verdict)
            )
        })
        .collect();
    TableCell::lines(&items)
}

/// A project's social value (SPEC 4.9) in a table cell: the value when the change is an
/// improvement, else its range (it may be nothing or a loss); each measure on its own, never
/// added; why when it is hidden.
fn social_value_cell(ctx: &PageContext<'_>, code: u32) -> TableCell {
    per_measure_cell(ctx, code, |r, outcome| {
        Some(match (r.figures, outcome) {
            (Some(f), Some(o)) if o.verdict.is_improvement() => money(f.social_value),
            (Some(f), _) => money_range(ctx, f.low, f.high),
            (None, Some(o)) => ctx.hidden_for(
                o.figures
                    .hidden()
                    .unwrap_or(crate::figures::Reason::Primary),
            ),
            (None, None) => "–".into(),
        })
    })
}

/// A cell with one part per social value row of a project, each named by its measure when
/// there are several (measures are never added); a dash when there is none.
fn per_measure_cell(
    ctx: &PageContext<'_>,
    code: u32,
    part: impl Fn(
        &crate::figures::social::SocialValue,
        Option<&crate::figures::OutcomeSummary>,
    ) -> Option<String>,
) -> TableCell {
    let scope = Scope::Project(code);
    let rows = ctx.social_of(scope);
    let parts: Vec<String> = rows
        .iter()
        .filter_map(|r| {
            let outcome = ctx
                .outcomes_of(scope)
                .iter()
                .find(|o| o.measure == r.measure);
            let value = part(r, outcome)?;
            Some(if rows.len() > 1 {
                format!("{}: {value}", ctx.measure_name(r.measure))
            } else {
                value
            })
        })
        .collect();
    if parts.is_empty() {
        TableCell::text("–")
    } else {
        TableCell::text(parts.join("; "))
    }
}

/// "£a to £b", a word joiner keeping a loss's sign on the line of its amount.
fn money_range(ctx: &PageContext<'_>, low: f64, high: f64) -> String {
    tr!(
        ctx.text,
        "range",
        low = money(low).replace('-', "-\u{2060}"),
        high = money(high).replace('-', "-\u{2060}")
    )
}

/// The cost per person reliably improved, "hidden" when a reliable-change share of the
/// project is (SPEC 4.6), a dash when there is none.
fn cost_per_improved_cell(ctx: &PageContext<'_>, p: &crate::figures::ProjectSummary) -> TableCell {
    match (p.cost_per_reliable_improvement, p.improved_protected) {
        (Some(cost), _) => TableCell::text(money(cost)),
        (None, true) => TableCell::muted(ctx.text.get("hidden-short")),
        (None, false) => TableCell::text("–"),
    }
}

/// A project's social value per pound of its budget (SPEC 4.9), each measure on its own: the
/// value when the change is an improvement, else the range (it may be nothing or a loss).
fn per_pound_cell(ctx: &PageContext<'_>, code: u32) -> TableCell {
    per_measure_cell(ctx, code, |r, outcome| {
        let f = r.figures?;
        let budget = r.budget.filter(|b| *b > 0.0)?;
        Some(if outcome.is_some_and(|o| o.verdict.is_improvement()) {
            money(f.social_value / budget)
        } else {
            money_range(ctx, f.low / budget, f.high / budget)
        })
    })
}

/// The projects of a page with their budgets and costs; on a funder's page each budget says
/// what of it is this funder's.
fn value_for_money(ctx: &PageContext<'_>, codes: &[u32], funder: Option<&Funder>) -> Section {
    let text = ctx.text;
    let mut section = Section::new("value", &text.get("value-heading"));
    let rows = codes
        .iter()
        .map(|c| {
            let p = &ctx.figures.projects[*c as usize];
            vec![
                TableCell::text(ctx.project_name(*c)),
                TableCell::text(
                    match (funder.map(|f| (f, funder_money(ctx, f, *c))), p.budget) {
                        (None, Some(b)) => money(b),
                        (None, None) => "–".into(),
                        (Some((funder, money_of)), budget) => match (money_of, budget) {
                            (FunderMoney::Given(a), Some(b)) => tr!(
                                text,
                                "budget-given",
                                budget = money(b),
                                amount = money(a),
                                funder = funder.name.as_str()
                            ),
                            (FunderMoney::Given(a), None) => tr!(
                                text,
                                "budget-given-only",
                                amount = money(a),
                                funder = funder.name.as_str()
                            ),
                            (FunderMoney::Shared(b), _) => {
                                tr!(text, "budget-shared", budget = money(b))
                            }
                            (_, Some(b)) => money(b),
                            (_, None) => "–".into(),
                        },
                    },
                ),
                TableCell::text(p.cost_per_participant.map_or("–".into(), money)),
                cost_per_improved_cell(ctx, p),
                per_pound_cell(ctx, *c),
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
            text.get("col-value-per-pound"),
        ],
        rows,
    });
    section
}
