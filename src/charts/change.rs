//! Change charts: baseline to follow-up per measure, each on its own scale, with the 95%
//! confidence interval of the change drawn around the follow-up mean; and the forest plot of
//! effect sizes with their intervals across projects and measures.

use super::{Chart, SMALL, TEXT, WIDTH, accessible, draw, err, palette, shorten, text_style};
use crate::i18n;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One measure's means and the interval of the change.
#[derive(Debug, Clone)]
pub struct BeforeAfter {
    pub label: String,
    pub min: f64,
    pub max: f64,
    pub baseline: f64,
    pub follow_up: f64,
    /// The 95% CI of the change, added to the baseline mean.
    pub ci: Option<(f64, f64)>,
}

const ROW: i32 = 58;

/// Where the second legend entry starts: after a 16 px key, the first entry's words at about
/// 7 px a character, and a gap.
fn left_of_legend(first: &str) -> i32 {
    16 + first.chars().count() as i32 * 7 + 30
}

/// Baseline (open circle) to follow-up (filled circle) per measure on the measure's own
/// scale, with the CI of the change as a whisker.
pub fn before_after(
    text: &i18n::Text,
    id: &str,
    title: &str,
    desc: &str,
    rows: &[BeforeAfter],
) -> Chart {
    let (before, after) = (
        text.get("chart-baseline-mean"),
        text.get("chart-followup-mean"),
    );
    // The second legend entry starts after the first one's words (about 7 px a character).
    let second = left_of_legend(&before);
    let height = (rows.len() as i32 * ROW + 36) as u32;
    let (left, right) = (40, 40);
    let plot = (WIDTH as i32 - left - right) as f64;
    let svg = draw((WIDTH, height), |root| {
        // Legend.
        root.draw(&Circle::new(
            (left + 6, 14),
            5,
            palette::BLUE.stroke_width(2),
        ))
        .map_err(err)?;
        root.draw(&Text::new(
            before.clone(),
            (left + 16, 14),
            text_style(SMALL, palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(err)?;
        root.draw(&Circle::new((left + second, 14), 5, palette::BLUE.filled()))
            .map_err(err)?;
        root.draw(&Text::new(
            after.clone(),
            (left + second + 10, 14),
            text_style(SMALL, palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(err)?;
        for (i, r) in rows.iter().enumerate() {
            let y0 = 32 + i as i32 * ROW;
            let axis_y = y0 + 36;
            let span = (r.max - r.min).max(f64::EPSILON);
            let x = |v: f64| left + ((v.clamp(r.min, r.max) - r.min) / span * plot).round() as i32;
            root.draw(&Text::new(
                format!(
                    "{}: {:.1} → {:.1}",
                    shorten(&r.label, 50),
                    r.baseline,
                    r.follow_up
                ),
                (left, y0 + 10),
                text_style(TEXT, palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(err)?;
            root.draw(&PathElement::new(
                vec![(left, axis_y), (left + plot as i32, axis_y)],
                palette::LIGHT.stroke_width(6),
            ))
            .map_err(err)?;
            for (value, anchor, at) in [
                (r.min, HPos::Right, left - 6),
                (r.max, HPos::Left, left + plot as i32 + 6),
            ] {
                root.draw(&Text::new(
                    format!("{value}"),
                    (at, axis_y),
                    text_style(SMALL, palette::GREY).pos(Pos::new(anchor, VPos::Center)),
                ))
                .map_err(err)?;
            }
            if let Some((low, high)) = r.ci {
                let (a, b) = (x(r.baseline + low), x(r.baseline + high));
                root.draw(&PathElement::new(
                    vec![(a, axis_y), (b, axis_y)],
                    palette::INK.stroke_width(2),
                ))
                .map_err(err)?;
                for end in [a, b] {
                    root.draw(&PathElement::new(
                        vec![(end, axis_y - 7), (end, axis_y + 7)],
                        palette::INK.stroke_width(2),
                    ))
                    .map_err(err)?;
                }
            }
            root.draw(&PathElement::new(
                vec![(x(r.baseline), axis_y), (x(r.follow_up), axis_y)],
                palette::BLUE.stroke_width(2),
            ))
            .map_err(err)?;
            root.draw(&Circle::new((x(r.baseline), axis_y), 6, WHITE.filled()))
                .map_err(err)?;
            root.draw(&Circle::new(
                (x(r.baseline), axis_y),
                6,
                palette::BLUE.stroke_width(2),
            ))
            .map_err(err)?;
            root.draw(&Circle::new(
                (x(r.follow_up), axis_y),
                6,
                palette::BLUE.filled(),
            ))
            .map_err(err)?;
        }
        Ok(())
    });
    accessible(svg, id, title, desc)
}

/// One row of a forest plot.
#[derive(Debug, Clone)]
pub struct Effect {
    pub label: String,
    pub estimate: f64,
    pub low: f64,
    pub high: f64,
}

/// Effect sizes (Cohen's d_z, positive = improvement) with their 95% intervals.
pub fn forest(text: &i18n::Text, id: &str, title: &str, desc: &str, rows: &[Effect]) -> Chart {
    let row = 24;
    let top = 30;
    let height = (top + rows.len() as i32 * row + 40) as u32;
    let label_width = 300;
    let right = 70;
    let plot = (WIDTH as i32 - label_width - right) as f64;
    let low = rows.iter().map(|r| r.low).fold(-0.5_f64, f64::min).floor();
    let high = rows.iter().map(|r| r.high).fold(1.0_f64, f64::max).ceil();
    let x = |v: f64| label_width + ((v - low) / (high - low) * plot).round() as i32;
    let svg = draw((WIDTH, height), |root| {
        let bottom = top + rows.len() as i32 * row;
        // Gridlines and ticks every 0.5.
        let mut tick = low;
        while tick <= high + 1e-9 {
            let colour = if tick.abs() < 1e-9 {
                palette::INK
            } else {
                palette::LIGHT
            };
            root.draw(&PathElement::new(
                vec![(x(tick), top - 6), (x(tick), bottom)],
                colour.stroke_width(1),
            ))
            .map_err(err)?;
            root.draw(&Text::new(
                format!("{tick}"),
                (x(tick), bottom + 6),
                text_style(SMALL, palette::GREY).pos(Pos::new(HPos::Center, VPos::Top)),
            ))
            .map_err(err)?;
            tick += 0.5;
        }
        root.draw(&Text::new(
            text.get("chart-effect-axis"),
            (x((low + high) / 2.0), bottom + 24),
            text_style(SMALL, palette::INK).pos(Pos::new(HPos::Center, VPos::Top)),
        ))
        .map_err(err)?;
        root.draw(&Text::new(
            text.get("chart-interval"),
            (WIDTH as i32 - 2, top - 14),
            text_style(SMALL, palette::GREY).pos(Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(err)?;
        for (i, r) in rows.iter().enumerate() {
            let y = top + i as i32 * row + row / 2;
            root.draw(&Text::new(
                shorten(&r.label, 42),
                (label_width - 10, y),
                text_style(SMALL, palette::INK).pos(Pos::new(HPos::Right, VPos::Center)),
            ))
            .map_err(err)?;
            root.draw(&PathElement::new(
                vec![(x(r.low), y), (x(r.high), y)],
                palette::INK.stroke_width(2),
            ))
            .map_err(err)?;
            root.draw(&Rectangle::new(
                [(x(r.estimate) - 5, y - 5), (x(r.estimate) + 5, y + 5)],
                palette::BLUE.filled(),
            ))
            .map_err(err)?;
            root.draw(&Text::new(
                format!("{:.2}", r.estimate),
                (WIDTH as i32 - right + 8, y),
                text_style(SMALL, palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(err)?;
        }
        Ok(())
    });
    accessible(svg, id, title, desc)
}
