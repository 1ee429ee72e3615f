//! What a change is worth, and from where people start (SPEC 4.9, 4.10): the social value of a
//! change in life satisfaction in WELLBYs, with its range, and each measure's baseline set
//! beside a population's reference and its worst band, with their sources and caveats.

use crate::figures::{Published, Scope, Share};
use crate::report::pages::{PageContext, ShownOutcome};
use crate::report::views::{Block, Section, money, number, pct};
use crate::tr;

/// "What the change is worth" for one project (or `ALL`), when a measure of it has
/// `ls_per_point`; the range leads unless the verdict is an improvement.
pub fn social_value(ctx: &PageContext<'_>, scope: Scope) -> Option<Section> {
    let text = ctx.text;
    let rows = ctx.social_of(scope);
    if rows.is_empty() {
        return None;
    }
    let v = &ctx.figures.value;
    let mut section = Section::new("worth", &text.get("worth-heading"));
    for r in rows {
        let measure = ctx.measure_name(r.measure);
        let outcome = ctx
            .outcomes_of(scope)
            .iter()
            .find(|o| o.measure == r.measure);
        let Some(f) = r.figures else {
            let why = match outcome.and_then(|o| o.figures.hidden()) {
                Some(reason) => ctx.hidden_for(reason),
                None => ctx.hidden(),
            };
            section = section.para(tr!(text, "worth-none", measure = measure, why = why));
            continue;
        };
        let improved = outcome.is_some_and(|o| o.verdict.is_improvement());
        let words = tr!(
            text,
            if improved {
                "worth-improved"
            } else {
                "worth-unclear"
            },
            measure = measure,
            value = money(f.social_value),
            low = money(f.low),
            high = money(f.high),
            wellbys = number(f.wellbys, 1),
            people = text.count("count-people", f.n_paired)
        );
        section = section.para(words);
        if let Some(per_pound) = f.value_per_pound {
            section = section.para(tr!(
                text,
                "worth-per-pound",
                per_pound = money(per_pound),
                budget = money(r.budget.unwrap_or_default())
            ));
        }
    }
    section = section.para(tr!(
        text,
        if v.is_gross() {
            "worth-gross"
        } else {
            "worth-net"
        },
        value = money(v.wellby_value),
        low = money(v.wellby_low),
        high = money(v.wellby_high),
        year = v.price_year.to_string(),
        years = number(v.years, 1),
        deadweight = pct(100.0 * v.deadweight),
        attribution = pct(100.0 * v.attribution)
    ));
    Some(section)
}

/// A share in words: its percentage, or why it is hidden.
fn share_words(ctx: &PageContext<'_>, s: Option<&Share>) -> Option<String> {
    Some(match s? {
        Published::Shown(v) => pct(*v),
        Published::Hidden(reason) => ctx.hidden_for(*reason),
    })
}

/// Where people started against a reference (SPEC 4.10), one paragraph per shown measure
/// that has one, and the caveat that a reference is a population, not a comparison group.
pub fn references(ctx: &PageContext<'_>, rows: &[ShownOutcome]) -> Vec<Block> {
    let text = ctx.text;
    let mut blocks = Vec::new();
    for r in rows {
        let m = &ctx.tables.measures[r.measure as usize];
        let Some(reference) = &m.reference else {
            continue;
        };
        let (label, source) = if reference.built_in {
            (
                text.get("reference-ons-label"),
                text.get("reference-ons-source"),
            )
        } else {
            (
                reference.label.clone().unwrap_or_default(),
                reference.source.clone().unwrap_or_default(),
            )
        };
        if let Some(mean) = reference.mean {
            blocks.push(Block::Para {
                text: tr!(
                    text,
                    "reference-mean",
                    measure = ctx.measure_name(r.measure),
                    baseline = number(r.f.mean_baseline, 1),
                    followup = number(r.f.mean_followup, 1),
                    reference = number(mean, 2),
                    label = label.as_str(),
                    source = source.as_str()
                ),
            });
        }
        if let (Some(low), Some(followup)) = (
            share_words(ctx, r.f.low_baseline.as_ref()),
            share_words(ctx, r.f.low_followup.as_ref()),
        ) {
            let band = match (reference.low_below, reference.high_above) {
                (Some(b), _) => tr!(text, "band-below", bound = number(b, 0)),
                (_, Some(b)) => tr!(text, "band-above", bound = number(b, 0)),
                _ => String::new(),
            };
            blocks.push(Block::Para {
                text: tr!(
                    text,
                    "reference-band",
                    measure = ctx.measure_name(r.measure),
                    band = band,
                    baseline = low,
                    followup = followup
                ),
            });
        }
    }
    if !blocks.is_empty() {
        blocks.insert(
            0,
            Block::Heading {
                text: text.get("reference-heading"),
            },
        );
        blocks.push(Block::Note {
            text: text.get("reference-caveat"),
        });
    }
    blocks
}
