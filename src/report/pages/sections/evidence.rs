//! The principles section (SPEC 4.7): a project's stories by principle and its evidence
//! for each of the five principles.

use crate::charts::{bars, palette};
use crate::figures::Scope;
use crate::model::Principle;
use crate::report::pages::PageContext;
use crate::report::views::{
    Block, Section, TableCell, bar_rows, chart_with_table, count, number, pct,
};
use crate::tr;

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
    // Every principle with the most stories is named: a tie is said as one.
    let most = super::super::leaders(&Principle::ALL, |p| story.principle(*p) as f64);
    let desc = match most.first() {
        Some(p) if story.principle(**p) > 0 => {
            let others: Vec<String> = Principle::ALL
                .iter()
                .filter(|q| !most.contains(q))
                .map(|q| format!("{} {}", text.principle(*q), story.principle(*q)))
                .collect();
            tr!(
                text,
                "principles-desc",
                n_stories = story.stories,
                stories = count(story.stories),
                n_principle = most.len() as u64,
                principle = text.and_list(
                    &most.iter().map(|q| text.principle(**q)).collect::<Vec<_>>(),
                    5
                ),
                most = count(story.principle(**p)),
                rest = if others.is_empty() { "no" } else { "yes" },
                others = others.join(", ")
            )
        }
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
                    None if e.pairs_protected => TableCell::muted(text.get("hidden-protect")),
                    None => TableCell::muted(hidden.clone()),
                },
                match (e.pct_improved, e.outcome_pairs) {
                    (Some(v), _) => TableCell::text(pct(v)),
                    // Pairs shown but the share hidden: it counts fewer than k (rule 2).
                    (None, Some(n)) if n > 0 => TableCell::muted(hidden.clone()),
                    _ => TableCell::text("–"),
                },
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
