//! Sections that more than one page shows: outcomes (change and reliable change), principles,
//! the spectrum of engagement, personal outcomes with quotes, data quality and method. Each
//! section builds its charts with a sentence that says the finding, and the table of numbers
//! that the chart shows.

use super::PageContext;
use super::ShownOutcome;
use crate::charts::{bars, change, palette};
use crate::figures::{OutcomeSummary, Published, Scope, Share, StorySummary};
use crate::model::{Achieved, Band, Language, Principle, Story, Teller};
use crate::report::views::{
    Block, Quote, QuotePart, Section, TableCell, bar_rows, chart_with_table, count, number, pct,
    signed,
};
use crate::tr;

/// Below this many paired people a measure is marked indicative only (SPEC 4.3).
const INDICATIVE: u64 = 30;

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

/// The text with its first letter made a capital: Welsh sentences about change start with the
/// verb, which the messages give in lower case.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
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

/// Stories by principle and the evidence table of a project.
pub fn principles(ctx: &PageContext<'_>, code: u32) -> Section {
    let text = ctx.text;
    let mut section = Section::new("principles", &text.get("principles-heading"));
    section = section.para(text.get("principles-intro"));
    let story = ctx.stories_of(Scope::Project(code));
    let bars_rows: Vec<bars::Bar> = Principle::ALL
        .iter()
        .map(|p| bars::Bar {
            label: text.principle(*p).to_string(),
            value: story.principle(*p) as f64,
            text: count(story.principle(*p)),
            colour: palette::BLUE,
        })
        .collect();
    let most = Principle::ALL
        .iter()
        .max_by_key(|p| (story.principle(**p), std::cmp::Reverse(**p as u8)));
    let desc = match most {
        Some(p) if story.principle(*p) > 0 => tr!(
            text,
            "principles-desc",
            n_stories = story.stories,
            stories = count(story.stories),
            principle = text.principle(*p),
            most = count(story.principle(*p)),
            others = Principle::ALL
                .iter()
                .filter(|q| *q != p)
                .map(|q| format!("{} {}", text.principle(*q), story.principle(*q)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        _ => text.get("principles-none"),
    };
    let chart = bars::horizontal(
        &format!("p{code}-principles"),
        &text.get("principles-chart-title"),
        &desc,
        &bars_rows,
    );
    section.blocks.extend(chart_with_table(
        text,
        chart,
        vec![text.get("col-principle"), text.get("col-stories")],
        bar_rows(&bars_rows),
    ));
    let hidden = ctx.hidden();
    let rows = ctx
        .evidence_of(code)
        .iter()
        .map(|e| {
            let audit = ctx.audit_of(code, e.principle);
            vec![
                TableCell::text(text.principle(e.principle)),
                TableCell::text(count(e.output_measures)),
                match e.outcome_pairs {
                    Some(n) => TableCell::text(count(n)),
                    None => TableCell::muted(hidden.clone()),
                },
                TableCell::text(e.pct_improved.map_or("–".into(), pct)),
                TableCell::text(tr!(
                    text,
                    "stories-quotable",
                    stories = count(e.stories),
                    quotable = count(e.quotable_stories)
                )),
                TableCell::text(audit.map_or("–".into(), |a| {
                    if a.first_date == a.latest_date {
                        number(a.latest_score, 1)
                    } else {
                        format!(
                            "{} → {}",
                            number(a.first_score, 1),
                            number(a.latest_score, 1)
                        )
                    }
                })),
            ]
        })
        .collect();
    section.blocks.push(Block::Table {
        align: Vec::new(),
        caption: text.get("evidence-caption"),
        head: vec![
            text.get("col-principle"),
            text.get("col-output-measures"),
            text.get("col-outcome-pairs"),
            text.get("col-improved"),
            text.get("col-stories"),
            text.get("col-self-audit"),
        ],
        rows,
    });
    section
}

/// The message of each step of the spectrum (SPEC 1.2).
const STEPS: [&str; 6] = ["step-1", "step-2", "step-3", "step-4", "step-5", "step-6"];

fn band_of_step(step: usize) -> Band {
    match step {
        0 | 1 => Band::DoingTo,
        2..=4 => Band::DoingFor,
        _ => Band::DoingWith,
    }
}

fn band_name(text: &crate::i18n::Text, b: Band) -> String {
    text.get(match b {
        Band::DoingTo => "band-doing-to",
        Band::DoingFor => "band-doing-for",
        Band::DoingWith => "band-doing-with",
    })
}

fn band_colour(b: Band) -> plotters::style::RGBColor {
    match b {
        Band::DoingTo => palette::VERMILION,
        Band::DoingFor => palette::ORANGE,
        Band::DoingWith => palette::BLUE,
    }
}

/// The spectrum of engagement: stories per step, coloured and labelled by band.
pub fn spectrum(ctx: &PageContext<'_>, summary: &StorySummary, id: &str) -> Section {
    let text = ctx.text;
    let mut section = Section::new("spectrum", &text.get("spectrum-heading"));
    section = section.para(text.get("spectrum-intro"));
    let bars_rows: Vec<bars::Bar> = STEPS
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let band = band_of_step(i);
            bars::Bar {
                label: tr!(
                    text,
                    "step-with-band",
                    step = text.get(step),
                    band = band_name(text, band)
                ),
                value: summary.steps[i] as f64,
                text: count(summary.steps[i]),
                colour: band_colour(band),
            }
        })
        .collect();
    let total: u64 = summary.bands.iter().sum();
    let desc = if total == 0 {
        text.get("spectrum-none")
    } else {
        tr!(
            text,
            "spectrum-desc",
            n_stories = total,
            stories = count(total),
            doing_with = count(summary.band(Band::DoingWith)),
            doing_for = count(summary.band(Band::DoingFor)),
            doing_to = count(summary.band(Band::DoingTo))
        )
    };
    let chart = bars::horizontal(id, &text.get("spectrum-chart-title"), &desc, &bars_rows);
    let mut rows = bar_rows(&bars_rows);
    for band in Band::ALL {
        rows.push(vec![
            TableCell::text(tr!(text, "band-all", band = band_name(text, band))),
            TableCell::text(count(summary.band(band))),
        ]);
    }
    section.blocks.extend(chart_with_table(
        text,
        chart,
        vec![text.get("col-step-band"), text.get("col-stories")],
        rows,
    ));
    section
}

/// Personal outcomes: achieved counts and up to five consented, redacted quotes.
pub fn personal_outcomes(ctx: &PageContext<'_>, code: u32) -> Section {
    let text = ctx.text;
    let summary = ctx.stories_of(Scope::Project(code));
    let mut section = Section::new("stories", &text.get("stories-heading"));
    section = section.para(tr!(
        text,
        "stories-summary",
        n_stories = summary.stories,
        stories = count(summary.stories),
        quotable = count(summary.quotable),
        achieved = count(summary.achieved),
        partly = count(summary.partly),
        not_yet = count(summary.not_yet)
    ));
    section = section.para(text.get("stories-intro"));
    let mut quotable: Vec<&Story> = ctx
        .tables
        .stories
        .iter()
        .filter(|s| s.project == code && s.consent)
        .collect();
    let rank = |s: &Story| match s.achieved {
        Some(Achieved::Yes) => 0,
        Some(Achieved::Partly) => 1,
        _ => 2,
    };
    quotable.sort_by(|a, b| {
        rank(a)
            .cmp(&rank(b))
            .then(b.date.cmp(&a.date))
            .then(a.story_id.cmp(&b.story_id))
    });
    let quotes: Vec<Quote> = quotable.iter().take(5).map(|s| quote(ctx, s)).collect();
    if quotes.is_empty() {
        section.blocks.push(Block::Note {
            text: text.get("stories-none-quotable"),
        });
    } else {
        section.blocks.push(Block::Quotes { quotes });
    }
    section
}

fn quote(ctx: &PageContext<'_>, s: &Story) -> Quote {
    let text = ctx.text;
    let teller = match s.teller {
        Some(Teller::Citizen) => "teller-citizen",
        Some(Teller::Carer) => "teller-carer",
        Some(Teller::Family) => "teller-family",
        Some(Teller::Professional) => "teller-professional",
        Some(Teller::Volunteer) => "teller-volunteer",
        Some(Teller::Community) => "teller-community",
        Some(Teller::Other) | None => "teller-other",
    };
    let mut caption = vec![text.get(teller)];
    if let Some(d) = s.date {
        caption.push(text.date(d));
    }
    // A story is shown as told; the caption says so when that is not the page's language. A
    // story whose language was not given is taken to be in the page's.
    let told_in = s.language.unwrap_or(text.lang);
    if told_in != text.lang {
        caption.push(text.get(match told_in {
            Language::Cy => "told-in-welsh",
            Language::En => "told-in-english",
        }));
    }
    let other = (told_in != text.lang).then(|| crate::i18n::Text::of(told_in).code().to_string());
    let mut parts: Vec<QuotePart> = caption.into_iter().map(QuotePart::words).collect();
    if let Some(w) = &s.what_matters {
        // The person's words, in the language they were told in.
        parts.push(QuotePart {
            label: Some(text.get("what-mattered")),
            text: ctx.quoted(w, told_in),
            lang: other.clone(),
        });
    }
    if let Some(a) = s.achieved {
        parts.push(QuotePart::words(text.get(match a {
            Achieved::Yes => "achieved-yes",
            Achieved::Partly => "achieved-partly",
            Achieved::NotYet => "achieved-not-yet",
        })));
    }
    Quote {
        lang: other,
        title: s.title.as_deref().map(|t| ctx.quoted(t, told_in)),
        text: ctx.quoted(&s.text, told_in),
        caption: parts,
    }
}

/// Data quality in plain words: the ledger and the rows left out; on a project's page
/// (`project`) only that project's rows are listed, and the others counted.
pub fn data_quality(ctx: &PageContext<'_>, project: Option<u32>) -> Section {
    let ledger = &ctx.checked.ledger;
    let total = |f: fn(&crate::problems::TableLedger) -> u64| ledger.iter().map(f).sum::<u64>();
    let text = ctx.text;
    let mut section = Section::new("data-quality", &text.get("quality-heading"));
    let (read, used, excluded, duplicates, blank) = (
        total(|t| t.read),
        total(|t| t.used),
        total(|t| t.excluded),
        total(|t| t.duplicates),
        total(|t| t.blank),
    );
    let files = ctx.checked.inputs.len() as u64;
    section = section.para(tr!(
        text,
        "quality-ledger",
        rows = text.count("count-rows", read),
        files = text.count("count-files", files),
        n_used = used,
        used = count(used),
        n_excluded = excluded,
        excluded = count(excluded),
        n_duplicates = duplicates,
        duplicates = count(duplicates),
        n_blank = blank,
        blank = count(blank)
    ));
    let left = ctx.left_out;
    let outside = left.outputs + left.outcomes + left.stories + left.audit;
    if outside > 0 {
        section = section.para(text.count("quality-outside-period", outside));
    }
    // The rows to list (all of them, or the page's project's) and how many others there are.
    let listed = ctx.excluded_of(project);
    let others = (ctx.excluded_of(None).len() - listed.len()) as u64;
    if project.is_some() && listed.is_empty() {
        section = section.para(text.get("quality-none-of-project"));
    }
    if !listed.is_empty() {
        section.blocks.push(Block::Heading {
            text: text.get(if project.is_some() {
                "quality-left-out-of-project-heading"
            } else {
                "quality-left-out-heading"
            }),
        });
        // The problems are worded as `mwm check` words them, in English.
        let items: Vec<String> = listed
            .iter()
            .take(20)
            .map(|p| crate::problems::shorten(&p.line(), 200))
            .collect();
        let lang = (text.lang != Language::En).then(|| "en".to_string());
        section.blocks.push(Block::List { items, lang });
        if listed.len() > 20 {
            section.blocks.push(Block::Note {
                text: text.count("quality-more", listed.len() as u64 - 20),
            });
        }
    }
    if others > 0 {
        section.blocks.push(Block::Para {
            text: text.count("quality-others", others),
        });
    }
    section
}

/// `Some("en")` when a measure's source is the one mwm ships for it (in `built_in`), which is
/// in English ("ONS personal well-being", a citation); a service's own source is shown as given.
fn built_in_source(
    m: &crate::model::Measure,
    built_in: &[crate::model::Measure],
) -> Option<&'static str> {
    built_in
        .iter()
        .any(|b| b.name.eq_ignore_ascii_case(&m.name) && b.source == m.source)
        .then_some("en")
}

/// The method: SPEC 4's definitions in words, and the sources of the measures' constants.
pub fn method(ctx: &PageContext<'_>) -> Section {
    let text = ctx.text;
    let mut section = Section::new("method", &text.get("method-heading"));
    for p in [
        text.get("method-outputs"),
        text.get("method-pairing"),
        text.get("method-statistics"),
        text.get("method-reliable"),
        tr!(
            text,
            "method-small-numbers",
            min = ctx.min_cell().to_string(),
            indicative = INDICATIVE.to_string()
        ),
        text.get("method-costs"),
    ] {
        section = section.para(p);
    }
    let built_in = crate::model::Measure::built_in();
    let rows = ctx
        .figures
        .sems
        .iter()
        .map(|s| {
            let m = &ctx.tables.measures[s.measure as usize];
            vec![
                TableCell::text(ctx.measure_name(s.measure)),
                TableCell::text(tr!(
                    text,
                    "range",
                    low = number(m.min, 0),
                    high = number(m.max, 0)
                )),
                TableCell::words(text.get(if m.higher_is_better {
                    "better-higher"
                } else {
                    "better-lower"
                })),
                TableCell::text(s.sem.map_or(text.get("sem-none"), |v| number(v, 2))),
                TableCell {
                    lang: built_in_source(m, &built_in).filter(|_| text.lang != Language::En),
                    ..TableCell::words(m.source.clone().unwrap_or_else(|| "–".into()))
                },
            ]
        })
        .collect();
    section.blocks.push(Block::Table {
        align: Vec::new(),
        caption: text.get("measures-caption"),
        head: vec![
            text.get("col-measure"),
            text.get("col-range"),
            text.get("col-better"),
            text.get("col-sem"),
            text.get("col-source"),
        ],
        rows,
    });
    section
}
