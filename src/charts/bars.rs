//! Bar charts: horizontal bars with labels (stories by principle, outputs by project, the
//! spectrum of engagement), columns over time (outputs per quarter) and 100% stacked bars
//! (reliable-change shares). Every bar carries its value as text, so colour is never the only
//! way to read it.

use super::{Chart, SMALL, TEXT, WIDTH, accessible, draw, err, palette, shorten, text_style};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One bar: its label, length and the text written at its end.
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub text: String,
    pub colour: RGBColor,
}

const ROW: i32 = 28;
const LABEL_CHARS: usize = 44;
/// Roughly how wide a character of the chart font is, in pixels, to size label columns.
const CHAR_WIDTH: i32 = 8;

/// Horizontal bars, one per row, labels on the left, values at the bar ends.
pub fn horizontal(id: &str, title: &str, desc: &str, bars: &[Bar]) -> Chart {
    let height = (bars.len() as i32 * ROW + 16).max(40) as u32;
    let longest = bars
        .iter()
        .map(|b| b.label.chars().count().min(LABEL_CHARS) as i32)
        .max()
        .unwrap_or(10);
    let label_width = (longest * CHAR_WIDTH + 16).clamp(120, 360);
    let value_room = 90;
    let max = bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    let plot = (WIDTH as i32 - label_width - value_room) as f64;
    let svg = draw((WIDTH, height), |root| {
        for (i, bar) in bars.iter().enumerate() {
            let y = 8 + i as i32 * ROW;
            let label_style =
                text_style(TEXT, palette::INK).pos(Pos::new(HPos::Right, VPos::Center));
            root.draw(&Text::new(
                shorten(&bar.label, LABEL_CHARS),
                (label_width - 8, y + ROW / 2 - 2),
                label_style,
            ))
            .map_err(err)?;
            let length = if max > 0.0 {
                (bar.value / max * plot).round() as i32
            } else {
                0
            };
            if length > 0 {
                root.draw(&Rectangle::new(
                    [(label_width, y + 3), (label_width + length, y + ROW - 7)],
                    bar.colour.filled(),
                ))
                .map_err(err)?;
            }
            root.draw(&Text::new(
                bar.text.clone(),
                (label_width + length + 6, y + ROW / 2 - 2),
                text_style(TEXT, palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(err)?;
        }
        // The axis line at zero.
        root.draw(&PathElement::new(
            vec![(label_width, 4), (label_width, height as i32 - 4)],
            palette::GREY.stroke_width(1),
        ))
        .map_err(err)?;
        Ok(())
    });
    accessible(svg, id, title, desc)
}

/// Vertical columns in order (outputs per quarter), with values above and labels below.
pub fn columns(id: &str, title: &str, desc: &str, bars: &[Bar]) -> Chart {
    let height = 200u32;
    let (left, right, top, bottom) = (16, 16, 24, 30);
    let plot_h = (height as i32 - top - bottom) as f64;
    let n = bars.len().max(1) as i32;
    let slot = (WIDTH as i32 - left - right) / n;
    let max = bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    // Label every column when they fit, else every second or third.
    let step = ((70 / slot.max(1)) + 1).max(1) as usize;
    let svg = draw((WIDTH, height), |root| {
        let base = top + plot_h as i32;
        for (i, bar) in bars.iter().enumerate() {
            let x = left + i as i32 * slot;
            let h = if max > 0.0 {
                (bar.value / max * plot_h).round() as i32
            } else {
                0
            };
            let pad = (slot / 6).max(2);
            if h > 0 {
                root.draw(&Rectangle::new(
                    [(x + pad, base - h), (x + slot - pad, base)],
                    bar.colour.filled(),
                ))
                .map_err(err)?;
            }
            if slot >= 34 || i % step == 0 {
                root.draw(&Text::new(
                    bar.text.clone(),
                    (x + slot / 2, base - h - 4),
                    text_style(SMALL, palette::INK).pos(Pos::new(HPos::Center, VPos::Bottom)),
                ))
                .map_err(err)?;
            }
            if i % step == 0 {
                root.draw(&Text::new(
                    shorten(&bar.label, 12),
                    (x + slot / 2, base + 6),
                    text_style(SMALL, palette::INK).pos(Pos::new(HPos::Center, VPos::Top)),
                ))
                .map_err(err)?;
            }
        }
        root.draw(&PathElement::new(
            vec![(left, base), (WIDTH as i32 - right, base)],
            palette::GREY.stroke_width(1),
        ))
        .map_err(err)?;
        Ok(())
    });
    accessible(svg, id, title, desc)
}

/// One 100% stacked bar: its label and the parts with their names.
#[derive(Debug, Clone)]
pub struct Stack {
    pub label: String,
    /// Shares in percent, in the order of the legend.
    pub parts: Vec<f64>,
}

/// 100% stacked horizontal bars with a legend; each part wide enough carries its percentage.
pub fn stacked(
    id: &str,
    title: &str,
    desc: &str,
    legend: &[(&str, RGBColor)],
    stacks: &[Stack],
) -> Chart {
    let label_width = 200;
    // Legend entries run from the bars' left edge and wrap onto a new line when the next
    // would pass the right edge (Welsh labels are longer); about 7 px a character.
    let mut places = Vec::new();
    let (mut x, mut line) = (label_width, 0);
    for (name, _) in legend {
        let width = 20 + name.chars().count() as i32 * 7;
        if x + width > WIDTH as i32 && x > label_width {
            (x, line) = (label_width, line + 1);
        }
        places.push((x, 8 + line * 22));
        x += width + 16;
    }
    let legend_h = 30 + line * 22;
    let height = (legend_h + stacks.len() as i32 * ROW + 12) as u32;
    let plot = (WIDTH as i32 - label_width - 20) as f64;
    let svg = draw((WIDTH, height), |root| {
        for ((name, colour), (x, y)) in legend.iter().zip(&places) {
            let (x, y) = (*x, *y);
            root.draw(&Rectangle::new([(x, y), (x + 14, y + 14)], colour.filled()))
                .map_err(err)?;
            root.draw(&Text::new(
                name.to_string(),
                (x + 20, y + 7),
                text_style(SMALL, palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(err)?;
        }
        for (i, stack) in stacks.iter().enumerate() {
            let y = legend_h + i as i32 * ROW;
            root.draw(&Text::new(
                shorten(&stack.label, 26),
                (label_width - 8, y + ROW / 2 - 2),
                text_style(TEXT, palette::INK).pos(Pos::new(HPos::Right, VPos::Center)),
            ))
            .map_err(err)?;
            let mut start = 0.0;
            for (part, (_, colour)) in stack.parts.iter().zip(legend) {
                let x0 = label_width + (start / 100.0 * plot).round() as i32;
                let x1 = label_width + ((start + part) / 100.0 * plot).round() as i32;
                if x1 > x0 {
                    root.draw(&Rectangle::new(
                        [(x0, y + 3), (x1, y + ROW - 7)],
                        colour.filled(),
                    ))
                    .map_err(err)?;
                    // Parts are separated by a white line so neighbours never merge.
                    root.draw(&PathElement::new(
                        vec![(x1, y + 3), (x1, y + ROW - 7)],
                        WHITE.stroke_width(2),
                    ))
                    .map_err(err)?;
                }
                if x1 - x0 >= 34 {
                    // WCAG 1.4.3: white on blue is 5.2:1, but on vermilion only 3.9:1, so
                    // black there (5.4:1).
                    let ink = if *colour == palette::BLUE {
                        WHITE
                    } else if *colour == palette::VERMILION {
                        BLACK
                    } else {
                        palette::INK
                    };
                    root.draw(&Text::new(
                        format!("{part:.0}%"),
                        ((x0 + x1) / 2, y + ROW / 2 - 2),
                        text_style(SMALL, ink).pos(Pos::new(HPos::Center, VPos::Center)),
                    ))
                    .map_err(err)?;
                }
                start += part;
            }
        }
        Ok(())
    });
    accessible(svg, id, title, desc)
}
