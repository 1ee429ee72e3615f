//! The story sections (SPEC 4.4): the spectrum of engagement and personal outcomes with
//! consented, redacted quotes.

use crate::charts::{bars, palette};
use crate::figures::{Scope, StorySummary};
use crate::model::{Achieved, Band, Language, Story, Teller};
use crate::report::pages::PageContext;
use crate::report::views::{
    Block, Quote, QuotePart, Section, TableCell, bar_rows, chart_with_table, count,
};
use crate::tr;

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
        .project_stories(code)
        .iter()
        .copied()
        .filter(|s| s.consent)
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
            text: ctx.quoted(w, s.language),
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
    // A translation is in the language the story was not told in.
    let translated_into = match told_in {
        Language::Cy => Language::En,
        Language::En => Language::Cy,
    };
    let translation = s.translation.as_deref().map(|t| QuotePart {
        label: Some(text.get("translation")),
        text: ctx.quoted(t, Some(translated_into)),
        lang: (translated_into != text.lang)
            .then(|| crate::i18n::Text::of(translated_into).code().to_string()),
    });
    Quote {
        lang: other,
        title: s.title.as_deref().map(|t| ctx.quoted(t, s.language)),
        text: ctx.quoted(&s.text, s.language),
        caption: parts,
        translation,
    }
}
