//! The project's own words (SPEC 2.4 `narrative`): under the headings of Harmonising Reporting
//! in their order, then any other heading, rows in input order; text in the page's language
//! first and the other marked with its language; escaped by the templates and redacted like a
//! quote (SPEC 4.4). A briefing shows its project's; a funder's page each funded project's.

use crate::model::{Narrative, NarrativeHeading};
use crate::report::pages::PageContext;
use crate::report::views::{Block, Section};
use crate::tr;

/// The narrative of the projects `codes`, or `None` when they have none. On a page about one
/// project the headings are the narrative's; on a page about several, each is prefixed with
/// its project's name.
pub fn narrative(ctx: &PageContext<'_>, codes: &[u32]) -> Option<Section> {
    let text = ctx.text;
    let mut section = Section::new("narrative", &text.get("narrative-heading"));
    for code in codes {
        let rows: Vec<&Narrative> = ctx.project_narratives(*code).to_vec();
        if rows.is_empty() {
            continue;
        }
        // The groups: known headings in their order, then others as first written, then
        // rows with no heading.
        let mut groups: Vec<(Option<NarrativeHeading>, Option<String>)> = Vec::new();
        for r in &rows {
            let key = match r.heading.as_deref() {
                Some(h) => match NarrativeHeading::parse(h) {
                    Some(known) => (Some(known), None),
                    None => (None, Some(h.trim().to_string())),
                },
                None => (None, None),
            };
            if !groups.contains(&key) {
                groups.push(key);
            }
        }
        groups.sort_by_key(|(known, other)| match (known, other) {
            (Some(k), _) => (0, *k as usize),
            (None, Some(_)) => (1, 0),
            (None, None) => (2, 0),
        });
        for (known, other) in groups {
            let members: Vec<&&Narrative> = rows
                .iter()
                .filter(|r| {
                    let h = r.heading.as_deref();
                    match (&known, &other) {
                        (Some(k), _) => h.and_then(NarrativeHeading::parse) == Some(*k),
                        (None, Some(o)) => {
                            h.is_some_and(|h| h.trim() == o && NarrativeHeading::parse(h).is_none())
                        }
                        (None, None) => h.is_none(),
                    }
                })
                .collect();
            let heading = match (&known, &other) {
                (Some(k), _) => Some(text.get(k.key())),
                (None, Some(o)) => Some(o.clone()),
                (None, None) => None,
            };
            let heading = match (heading, codes.len() > 1) {
                (Some(h), true) => Some(tr!(
                    text,
                    "narrative-project-heading",
                    project = ctx.project_name(*code),
                    heading = h
                )),
                (None, true) => Some(ctx.project_name(*code)),
                (h, false) => h,
            };
            if let Some(h) = heading {
                section.blocks.push(Block::Heading { text: h });
            }
            // The page's language first; a row with no language is taken to be in it.
            let (own, other_lang): (Vec<&&Narrative>, Vec<&&Narrative>) = members
                .iter()
                .partition(|r| r.language.is_none_or(|l| l == text.lang));
            if !own.is_empty() {
                section.blocks.push(Block::Passage {
                    label: None,
                    paragraphs: own
                        .iter()
                        .map(|r| ctx.quoted(&r.text, r.language))
                        .collect(),
                    lang: None,
                });
            }
            for r in other_lang {
                let lang = r.language.unwrap_or(text.lang);
                section.blocks.push(Block::Passage {
                    label: Some(text.get(match lang {
                        crate::model::Language::Cy => "narrative-in-welsh",
                        crate::model::Language::En => "narrative-in-english",
                    })),
                    paragraphs: vec![ctx.quoted(&r.text, r.language)],
                    lang: Some(crate::i18n::Text::of(lang).code().to_string()),
                });
            }
        }
    }
    (!section.blocks.is_empty()).then_some(section)
}
