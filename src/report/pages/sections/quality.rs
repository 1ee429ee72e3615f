//! The closing sections of every page: data quality (the row ledger, rows left out, the
//! reporting period) and method notes.

use crate::figures::Scope;
use crate::model::Language;
use crate::report::pages::PageContext;
use crate::report::views::{Block, Section, TableCell, Term, count, number};
use crate::tr;

use super::INDICATIVE;

/// Data quality in plain words: the ledger and the rows left out; on a project's page
/// (`project`) only that project's rows are listed, and the others counted.
pub fn data_quality(ctx: &PageContext<'_>, project: Option<u32>) -> Section {
    let text = ctx.text;
    let mut section = Section::new("data-quality", &text.get("quality-heading"));
    let (read, used, excluded, duplicates, blank) = ctx.ledger_totals();
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
    let outside = left.outputs + left.outcomes + left.stories + left.audit + left.narrative;
    if outside > 0 {
        section = section.para(text.count("quality-outside-period", outside));
    }
    let undated = ctx.undated_of(project.map_or(Scope::All, Scope::Project));
    if undated > 0 {
        section = section.para(text.count("quality-undated", undated));
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
        text.get("method-worth"),
        text.get("method-references"),
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

/// The page's glossary (SPEC 5.1 "plain"): the words of its figures and what they mean here,
/// so that a trustee needs no statistics to read the page.
pub fn glossary(ctx: &PageContext<'_>) -> Section {
    let text = ctx.text;
    let mut section = Section::new("glossary", &text.get("glossary-heading"));
    section.blocks.push(Block::Terms {
        terms: [
            ("term-baseline", "meaning-baseline"),
            ("term-paired", "meaning-paired"),
            ("term-average-change", "meaning-average-change"),
            ("term-interval", "meaning-interval"),
            ("term-no-clear-change", "meaning-no-clear-change"),
            ("term-mid", "meaning-mid"),
            ("term-reliable", "meaning-reliable"),
            ("term-effect-size", "meaning-effect-size"),
            ("term-p", "meaning-p"),
            ("term-indicative", "meaning-indicative"),
            ("term-hidden", "meaning-hidden"),
        ]
        .into_iter()
        .map(|(term, meaning)| Term {
            term: tr!(text, term, hidden = ctx.hidden()),
            meaning: tr!(
                text,
                meaning,
                indicative = INDICATIVE.to_string(),
                min = ctx.min_cell().to_string()
            ),
        })
        .collect(),
    });
    section
}
