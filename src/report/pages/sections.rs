//! Sections that more than one page shows: outcomes (change and reliable change), principles,
//! the spectrum of engagement, personal outcomes with quotes, data quality and method. Each
//! section builds its charts with a sentence that says the finding, and the table of numbers
//! that the chart shows.

use super::PageContext;
use crate::charts::{bars, change, palette};
use crate::figures::{OutcomeSummary, Scope, StorySummary};
use crate::model::{Achieved, Band, Language, Principle, Story, Teller};
use crate::report::views::{
    Block, Quote, Section, TableCell, chart_with_table, count, counted, long_date, number, pct,
    signed, was,
};

/// Below this many paired people a measure is marked indicative only (SPEC 4.3).
const INDICATIVE: u64 = 30;

/// "rose by 1.6 points" / "fell by 0.4 points", saying whether that is better.
pub fn change_words(row: &OutcomeSummary, higher_is_better: bool) -> String {
    let change = row.mean_change.unwrap_or(0.0);
    let verb = if change > 0.0 {
        "rose"
    } else if change < 0.0 {
        "fell"
    } else {
        "did not change"
    };
    let better = match (change > 0.0, change < 0.0, higher_is_better) {
        (true, _, true) | (_, true, false) => " (better)",
        (true, _, false) | (_, true, true) => " (worse)",
        _ => "",
    };
    let ci = match (row.ci_low, row.ci_high) {
        (Some(l), Some(h)) => format!(", 95% CI {} to {}", number(l, 1), number(h, 1)),
        _ => String::new(),
    };
    if change == 0.0 {
        format!("{verb}{ci}")
    } else {
        format!(
            "{verb} by {} points on average{better}{ci}",
            number(change.abs(), 1)
        )
    }
}

/// The label of a measure with a note on its direction.
fn measure_label(ctx: &PageContext<'_>, code: u32) -> String {
    let m = &ctx.tables.measures[code as usize];
    if m.higher_is_better {
        m.name.clone()
    } else {
        format!("{} (lower is better)", m.name)
    }
}

/// Outcomes of one scope: baseline to follow-up with CI, reliable change, and the full table.
pub fn outcomes(ctx: &PageContext<'_>, scope: Scope, id_prefix: &str) -> Section {
    let rows: Vec<&OutcomeSummary> = ctx.outcomes_of(scope).iter().collect();
    let mut section = Section::new("outcomes", "Outcomes: change from baseline to follow-up");
    if rows.is_empty() {
        return section.para("No outcome scores were given.");
    }
    section = section.para(
        "Each person's earliest score is their baseline and their latest is their follow-up; only people with both are counted. Measures with fewer than 30 paired people are indicative only.",
    );
    let shown: Vec<&&OutcomeSummary> = rows.iter().filter(|r| !r.suppressed).collect();
    if !shown.is_empty() {
        let before_after: Vec<change::BeforeAfter> = shown
            .iter()
            .map(|r| {
                let m = &ctx.tables.measures[r.measure as usize];
                change::BeforeAfter {
                    label: measure_label(ctx, r.measure),
                    min: if m.conversion.is_some() { 7.0 } else { m.min },
                    max: m.max,
                    baseline: r.mean_baseline.unwrap_or(0.0),
                    follow_up: r.mean_followup.unwrap_or(0.0),
                    ci: r.ci_low.zip(r.ci_high),
                }
            })
            .collect();
        let desc = shown
            .iter()
            .map(|r| {
                let m = &ctx.tables.measures[r.measure as usize];
                format!("{} {}", m.name, change_words(r, m.higher_is_better))
            })
            .collect::<Vec<_>>()
            .join("; ")
            + ".";
        let chart = change::before_after(
            &format!("{id_prefix}-change"),
            "Mean scores at baseline and follow-up, per measure",
            &desc,
            &before_after,
        );
        let table_rows = shown
            .iter()
            .map(|r| {
                vec![
                    TableCell::text(measure_label(ctx, r.measure)),
                    TableCell::text(count(r.n_paired.unwrap_or(0))),
                    TableCell::text(number(r.mean_baseline.unwrap_or(0.0), 2)),
                    TableCell::text(number(r.mean_followup.unwrap_or(0.0), 2)),
                    TableCell::text(signed(r.mean_change.unwrap_or(0.0), 2)),
                    TableCell::text(match (r.ci_low, r.ci_high) {
                        (Some(l), Some(h)) => format!("{} to {}", number(l, 2), number(h, 2)),
                        _ => "–".into(),
                    }),
                ]
            })
            .collect();
        section.blocks.extend(chart_with_table(
            chart,
            &desc,
            vec![
                "Measure".into(),
                "People".into(),
                "Baseline".into(),
                "Follow-up".into(),
                "Change".into(),
                "95% CI".into(),
            ],
            table_rows,
        ));
        section
            .blocks
            .extend(reliable_change(ctx, &shown, id_prefix));
    }
    section.blocks.push(Block::Heading {
        text: "All outcome figures".into(),
    });
    section.blocks.push(outcome_table(ctx, &rows));
    section
}

fn reliable_change(
    ctx: &PageContext<'_>,
    rows: &[&&OutcomeSummary],
    id_prefix: &str,
) -> Vec<Block> {
    let with_sem: Vec<&&&OutcomeSummary> = rows
        .iter()
        .filter(|r| r.pct_reliable_improvement.is_some())
        .collect();
    if with_sem.is_empty() {
        return Vec::new();
    }
    let stacks: Vec<bars::Stack> = with_sem
        .iter()
        .map(|r| bars::Stack {
            label: ctx.measure_name(r.measure).to_string(),
            parts: vec![
                r.pct_reliable_improvement.unwrap_or(0.0),
                r.pct_no_reliable_change.unwrap_or(0.0),
                r.pct_reliable_deterioration.unwrap_or(0.0),
            ],
        })
        .collect();
    let desc = with_sem
        .iter()
        .map(|r| {
            format!(
                "on {}, {} of people reliably improved, {} showed no reliable change and {} reliably deteriorated",
                ctx.measure_name(r.measure),
                pct(r.pct_reliable_improvement.unwrap_or(0.0)),
                pct(r.pct_no_reliable_change.unwrap_or(0.0)),
                pct(r.pct_reliable_deterioration.unwrap_or(0.0))
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let desc = capitalise(&desc) + ".";
    let chart = bars::stacked(
        &format!("{id_prefix}-reliable"),
        "Reliable change per measure",
        &desc,
        &[
            ("reliably improved", palette::BLUE),
            ("no reliable change", palette::LIGHT),
            ("reliably deteriorated", palette::VERMILION),
        ],
        &stacks,
    );
    let rows = with_sem
        .iter()
        .map(|r| {
            vec![
                TableCell::text(ctx.measure_name(r.measure)),
                TableCell::text(pct(r.pct_reliable_improvement.unwrap_or(0.0))),
                TableCell::text(pct(r.pct_no_reliable_change.unwrap_or(0.0))),
                TableCell::text(pct(r.pct_reliable_deterioration.unwrap_or(0.0))),
            ]
        })
        .collect();
    let mut blocks = vec![Block::Heading {
        text: "Reliable change".into(),
    }];
    blocks.extend(chart_with_table(
        chart,
        &desc,
        vec![
            "Measure".into(),
            "Reliably improved".into(),
            "No reliable change".into(),
            "Reliably deteriorated".into(),
        ],
        rows,
    ));
    blocks
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// Every outcome row of a scope, suppressed ones shown as "fewer than N".
fn outcome_table(ctx: &PageContext<'_>, rows: &[&OutcomeSummary]) -> Block {
    let hidden = ctx.hidden();
    let opt = |v: Option<f64>, f: &dyn Fn(f64) -> String| v.map_or("–".to_string(), f);
    let table_rows = rows
        .iter()
        .map(|r| {
            let name = measure_label(ctx, r.measure);
            if r.suppressed {
                let mut row = vec![TableCell::text(name), TableCell::muted(hidden.clone())];
                row.extend((0..6).map(|_| TableCell::muted("")));
                return row;
            }
            let n = r.n_paired.unwrap_or(0);
            vec![
                TableCell::text(name),
                TableCell::text(count(n)),
                TableCell::text(opt(r.effect_size, &|v| number(v, 2))),
                TableCell::text(opt(r.p_value, &|v| {
                    if v < 0.001 {
                        "<0.001".into()
                    } else {
                        number(v, 3)
                    }
                })),
                TableCell::text(opt(r.pct_improved, &pct)),
                TableCell::text(opt(r.pct_reliable_improvement, &pct)),
                TableCell::text(opt(r.pct_meaningful_improvement, &pct)),
                if n < INDICATIVE {
                    TableCell::muted("indicative only")
                } else {
                    TableCell::text("")
                },
            ]
        })
        .collect();
    Block::Table {
        align: Vec::new(),
        caption:
            "Outcome figures per measure (effect size is Cohen's d_z: positive means improvement)"
                .into(),
        head: vec![
            "Measure".into(),
            "Paired people".into(),
            "Effect size".into(),
            "p".into(),
            "Improved".into(),
            "Reliably improved".into(),
            "Meaningful improvement".into(),
            "Note".into(),
        ],
        rows: table_rows,
    }
}

/// Stories by principle and the evidence table of a project.
pub fn principles(ctx: &PageContext<'_>, code: u32) -> Section {
    let mut section = Section::new("principles", "Co-production principles");
    section = section.para("Evidence for each principle: output measures tagged with it, paired outcome scores on measures tagged with it, stories tagged with it, and the latest self-audit score (1 to 5).");
    let story = ctx.stories_of(Scope::Project(code));
    let bars_rows: Vec<bars::Bar> = Principle::ALL
        .iter()
        .map(|p| bars::Bar {
            label: p.label_en().to_string(),
            value: story.principle(*p) as f64,
            text: count(story.principle(*p)),
            colour: palette::BLUE,
        })
        .collect();
    let most = Principle::ALL
        .iter()
        .max_by_key(|p| (story.principle(**p), std::cmp::Reverse(**p as u8)));
    let desc = match most {
        Some(p) if story.principle(*p) > 0 => format!(
            "Of {} stories, most were tagged {} ({}); {}.",
            count(story.stories),
            p.label_en(),
            count(story.principle(*p)),
            Principle::ALL
                .iter()
                .filter(|q| *q != p)
                .map(|q| format!("{} {}", q.label_en(), story.principle(*q)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        _ => "No stories were tagged with a principle.".into(),
    };
    let chart = bars::horizontal(
        &format!("p{code}-principles"),
        "Stories by principle",
        &desc,
        &bars_rows,
    );
    section.blocks.extend(chart_with_table(
        chart,
        &desc,
        vec!["Principle".into(), "Stories".into()],
        bars_rows
            .iter()
            .map(|b| {
                vec![
                    TableCell::text(b.label.clone()),
                    TableCell::text(b.text.clone()),
                ]
            })
            .collect(),
    ));
    let hidden = ctx.hidden();
    let rows = ctx
        .evidence_of(code)
        .iter()
        .map(|e| {
            let audit = ctx.audit_of(code, e.principle);
            vec![
                TableCell::text(e.principle.label_en()),
                TableCell::text(count(e.output_measures)),
                match e.outcome_pairs {
                    Some(n) => TableCell::text(count(n)),
                    None => TableCell::muted(hidden.clone()),
                },
                TableCell::text(e.pct_improved.map_or("–".into(), pct)),
                TableCell::text(format!(
                    "{} ({} quotable)",
                    count(e.stories),
                    count(e.quotable_stories)
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
        caption: "Evidence per principle".into(),
        head: vec![
            "Principle".into(),
            "Output measures".into(),
            "Outcome pairs".into(),
            "Improved".into(),
            "Stories".into(),
            "Self-audit (first → latest)".into(),
        ],
        rows,
    });
    section
}

const STEPS: [&str; 6] = [
    "1 coercion, protection",
    "2 education, persuasion",
    "3 information",
    "4 consultation",
    "5 participation",
    "6 co-production",
];

fn band_of_step(step: usize) -> Band {
    match step {
        0 | 1 => Band::DoingTo,
        2..=4 => Band::DoingFor,
        _ => Band::DoingWith,
    }
}

fn band_name(b: Band) -> &'static str {
    match b {
        Band::DoingTo => "doing to",
        Band::DoingFor => "doing for",
        Band::DoingWith => "doing with",
    }
}

fn band_colour(b: Band) -> plotters::style::RGBColor {
    match b {
        Band::DoingTo => palette::VERMILION,
        Band::DoingFor => palette::ORANGE,
        Band::DoingWith => palette::BLUE,
    }
}

/// The spectrum of engagement: stories per step, coloured and labelled by band.
pub fn spectrum(summary: &StorySummary, id: &str) -> Section {
    let mut section = Section::new("spectrum", "Spectrum of engagement");
    section = section.para("Where the stories place the work on the spectrum from doing to people, through doing for them, to doing with them. A story tagged with a band only counts in its band.");
    let bars_rows: Vec<bars::Bar> = STEPS
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let band = band_of_step(i);
            bars::Bar {
                label: format!("{label} ({})", band_name(band)),
                value: summary.steps[i] as f64,
                text: count(summary.steps[i]),
                colour: band_colour(band),
            }
        })
        .collect();
    let total: u64 = summary.bands.iter().sum();
    let desc = if total == 0 {
        "No stories were placed on the spectrum.".to_string()
    } else {
        format!(
            "Of {} stories placed on the spectrum, {} are doing with, {} doing for and {} doing to.",
            count(total),
            count(summary.band(Band::DoingWith)),
            count(summary.band(Band::DoingFor)),
            count(summary.band(Band::DoingTo))
        )
    };
    let chart = bars::horizontal(
        id,
        "Stories per step of the spectrum of engagement",
        &desc,
        &bars_rows,
    );
    let mut rows: Vec<Vec<TableCell>> = bars_rows
        .iter()
        .map(|b| {
            vec![
                TableCell::text(b.label.clone()),
                TableCell::text(b.text.clone()),
            ]
        })
        .collect();
    for band in Band::ALL {
        rows.push(vec![
            TableCell::text(format!("All {} (steps and band-only)", band_name(band))),
            TableCell::text(count(summary.band(band))),
        ]);
    }
    section.blocks.extend(chart_with_table(
        chart,
        &desc,
        vec!["Step (band)".into(), "Stories".into()],
        rows,
    ));
    section
}

/// Personal outcomes: achieved counts and up to five consented, redacted quotes.
pub fn personal_outcomes(ctx: &PageContext<'_>, code: u32) -> Section {
    let summary = ctx.stories_of(Scope::Project(code));
    let mut section = Section::new("stories", "Personal outcomes");
    section = section.para(format!(
        "{} collected; {} may be quoted. What mattered to the person was achieved in {}, partly achieved in {} and not yet achieved in {}.",
        counted(summary.stories, "story was", "stories were"),
        count(summary.quotable),
        count(summary.achieved),
        count(summary.partly),
        count(summary.not_yet)
    ));
    section = section.para("Only stories whose teller agreed to be quoted are shown, with e-mail addresses, phone numbers, postcodes and listed names removed. Up to five are chosen: achieved first, then partly achieved, then the rest, most recent first within each. Each is shown in the language it was told in.");
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
            text: "No story of this project may be quoted.".into(),
        });
    } else {
        section.blocks.push(Block::Quotes { quotes });
    }
    section
}

fn quote(ctx: &PageContext<'_>, s: &Story) -> Quote {
    let teller = s.teller.map(|t| match t {
        Teller::Citizen => "a participant",
        Teller::Carer => "a carer",
        Teller::Family => "a family member",
        Teller::Professional => "a professional",
        Teller::Volunteer => "a volunteer",
        Teller::Community => "a community member",
        Teller::Other => "someone involved",
    });
    let mut caption = vec![format!("Told by {}", teller.unwrap_or("someone involved"))];
    if let Some(d) = s.date {
        caption.push(long_date(d));
    }
    if s.language == Some(Language::Cy) {
        caption.push("told in Welsh".into());
    }
    if let Some(w) = &s.what_matters {
        caption.push(format!("what mattered: {}", ctx.redactor.redact(w)));
    }
    if let Some(a) = s.achieved {
        caption.push(
            match a {
                Achieved::Yes => "achieved",
                Achieved::Partly => "partly achieved",
                Achieved::NotYet => "not yet achieved",
            }
            .into(),
        );
    }
    Quote {
        lang: match s.language {
            Some(Language::Cy) => "cy".into(),
            _ => "en".into(),
        },
        title: s.title.as_deref().map(|t| ctx.redactor.redact(t)),
        text: ctx.redactor.redact(&s.text),
        caption: caption.join("; "),
    }
}

/// Data quality in plain words: the ledger and the rows left out.
pub fn data_quality(ctx: &PageContext<'_>) -> Section {
    let ledger = &ctx.checked.ledger;
    let total = |f: fn(&crate::problems::TableLedger) -> u64| ledger.iter().map(f).sum::<u64>();
    let mut section = Section::new("data-quality", "Data quality");
    let (read, used, excluded, duplicates, blank) = (
        total(|t| t.read),
        total(|t| t.used),
        total(|t| t.excluded),
        total(|t| t.duplicates),
        total(|t| t.blank),
    );
    let files = ctx.checked.inputs.len() as u64;
    section = section.para(format!(
        "Of {} read from {}, {} {} used, {} {} left out because of a problem, {} {} an exact {} (counted once) and {} {} blank.",
        counted(read, "row", "rows"),
        counted(files, "input file", "input files"),
        count(used),
        was(used),
        count(excluded),
        was(excluded),
        count(duplicates),
        was(duplicates),
        if duplicates == 1 { "duplicate" } else { "duplicates" },
        count(blank),
        was(blank),
    ));
    let left = &ctx.checked.left_out;
    let outside = left.outputs + left.outcomes + left.stories + left.audit;
    if outside > 0 {
        section = section.para(format!(
            "{} dated rows fall outside the reporting period and are not counted.",
            count(outside)
        ));
    }
    let excluded: Vec<String> = ctx
        .checked
        .excluded_rows()
        .map(|p| crate::problems::shorten(&p.line(), 200))
        .collect();
    if !excluded.is_empty() {
        section.blocks.push(Block::Heading {
            text: "Rows left out".into(),
        });
        let mut items: Vec<String> = excluded.iter().take(20).cloned().collect();
        if excluded.len() > 20 {
            items.push(format!(
                "… and {} more, all listed in data/excluded_rows.csv.",
                count(excluded.len() as u64 - 20)
            ));
        }
        section.blocks.push(Block::List { items });
    }
    section
}

/// The method: SPEC 4's definitions in words, and the sources of the measures' constants.
pub fn method(ctx: &PageContext<'_>) -> Section {
    let mut section = Section::new("method", "Method");
    for p in [
        "Outputs are summed per quarter (April to March financial years unless set to calendar quarters) and in total.".to_string(),
        "Outcomes: for each project, measure and person the earliest score is the baseline and the latest the follow-up; people with a single date count as baseline only. SWEMWBS raw totals are converted to metric scores first.".to_string(),
        "The mean change has a 95% confidence interval from the t distribution; p is from a two-sided paired t-test. The effect size is Cohen's d_z (mean change divided by the standard deviation of the changes, signed so that positive means improvement) with an approximate 95% interval.".to_string(),
        "Reliable change (Jacobson and Truax): a person reliably improved when their change in the better direction exceeds 1.96 × √2 × the measure's standard error of measurement (sem); the sem is the measure's own, or sd × √(1 − reliability). Improved means any change in the better direction; meaningful improvement means at least the measure's minimal important difference.".to_string(),
        format!("Small numbers: figures about fewer than {} people are not shown. Measures with fewer than 30 paired people are marked indicative only. The ALL rows pool every project's paired people, suppressed projects included; this version does not apply secondary suppression.", ctx.min_cell()),
        "Cost per participant is the budget divided by the number of people with any outcome score; cost per reliable improvement divides it by the people who reliably improved on at least one measure.".to_string(),
    ] {
        section = section.para(p);
    }
    let rows = ctx
        .figures
        .sems
        .iter()
        .map(|s| {
            let m = &ctx.tables.measures[s.measure as usize];
            vec![
                TableCell::text(m.name.clone()),
                TableCell::text(format!("{} to {}", number(m.min, 0), number(m.max, 0))),
                TableCell::text(if m.higher_is_better {
                    "higher"
                } else {
                    "lower"
                }),
                TableCell::text(s.sem.map_or("none".into(), |v| number(v, 2))),
                TableCell::text(m.source.clone().unwrap_or_else(|| "–".into())),
            ]
        })
        .collect();
    section.blocks.push(Block::Table {
        align: Vec::new(),
        caption: "Measures used and where their constants come from".into(),
        head: vec![
            "Measure".into(),
            "Range".into(),
            "Better".into(),
            "sem used".into(),
            "Source".into(),
        ],
        rows,
    });
    section
}
