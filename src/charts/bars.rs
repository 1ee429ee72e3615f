//! Bar charts: horizontal bars with labels (stories by principle, outputs by project, the
//! spectrum of engagement), columns over time (outputs per quarter) and 100% stacked bars
//! (reliable-change shares). Every bar carries its value as text, so colour is never the only
//! way to read it. On phones ([`Canvas::narrow`]) a bar's label is on its own line above the
//! bar, so the bar has the whole width.

use super::{
    CHAR_WIDTH, Canvas, Chart, SMALL, SMALL_CHAR_WIDTH, TEXT, both, draw, err, palette, shorten,
    text_style,
};
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
/// A row on phones: the label's line, then the bar.
const NARROW_ROW: i32 = 46;
const LABEL_CHARS: usize = 44;

/// Where a row's parts go: the label's anchor point and side, and the bar's top and bottom,
/// relative to the row's top.
struct RowLayout {
    row: i32,
    /// Where bars start.
    bars_at: i32,
    label_at: (i32, i32),
    label_anchor: HPos,
    label_chars: usize,
    bar: (i32, i32),
}

impl RowLayout {
    /// Wide: labels right-aligned in a column `label_width` wide, the bar beside them.
    /// Narrow: labels on a line of their own, the bar below from the left edge.
    fn new(canvas: Canvas, label_width: i32, label_chars: usize) -> RowLayout {
        if canvas.narrow() {
            RowLayout {
                row: NARROW_ROW,
                bars_at: 2,
                label_at: (2, 10),
                label_anchor: HPos::Left,
                label_chars: Canvas::chars(canvas.width - 4),
                bar: (21, 39),
            }
        } else {
            RowLayout {
                row: ROW,
                bars_at: label_width,
                label_at: (label_width - 8, ROW / 2 - 2),
                label_anchor: HPos::Right,
                label_chars,
                bar: (3, ROW - 7),
            }
        }
    }

    fn bar_middle(&self) -> i32 {
        (self.bar.0 + self.bar.1) / 2
    }

    fn draw_label<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, plotters::coord::Shift>,
        label: &str,
        y: i32,
    ) -> Result<(), String> {
        root.draw(&Text::new(
            shorten(label, self.label_chars),
            (self.label_at.0, y + self.label_at.1),
            text_style(TEXT, palette::INK).pos(Pos::new(self.label_anchor, VPos::Center)),
        ))
        .map_err(err)
    }
}

/// Horizontal bars, one per row, labels on the left (above on phones), values at the bar ends.
pub fn horizontal(id: &str, title: &str, desc: &str, bars: &[Bar]) -> Chart {
    both(id, title, desc, |canvas| horizontal_svg(canvas, bars))
}

fn horizontal_svg(canvas: Canvas, bars: &[Bar]) -> String {
    let longest = bars
        .iter()
        .map(|b| b.label.chars().count().min(LABEL_CHARS) as i32)
        .max()
        .unwrap_or(10);
    let layout = RowLayout::new(
        canvas,
        (longest * CHAR_WIDTH + 16).clamp(120, 360),
        LABEL_CHARS,
    );
    let height = (bars.len() as i32 * layout.row + 16).max(40);
    let value_room = 90;
    let max = bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    let plot = (canvas.width - layout.bars_at - value_room) as f64;
    draw((canvas.width as u32, height as u32), |root| {
        let x0 = layout.bars_at;
        for (i, bar) in bars.iter().enumerate() {
            let y = 8 + i as i32 * layout.row;
            layout.draw_label(root, &bar.label, y)?;
            let length = if max > 0.0 {
                (bar.value / max * plot).round() as i32
            } else {
                0
            };
            if length > 0 {
                root.draw(&Rectangle::new(
                    [(x0, y + layout.bar.0), (x0 + length, y + layout.bar.1)],
                    bar.colour.filled(),
                ))
                .map_err(err)?;
            }
            root.draw(&Text::new(
                bar.text.clone(),
                (x0 + length + 6, y + layout.bar_middle()),
                text_style(TEXT, palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(err)?;
            if canvas.narrow() {
                // The axis at zero, bar by bar, so it never runs through the labels.
                root.draw(&PathElement::new(
                    vec![(x0, y + layout.bar.0 - 3), (x0, y + layout.bar.1 + 3)],
                    palette::GREY.stroke_width(1),
                ))
                .map_err(err)?;
            }
        }
        if !canvas.narrow() {
            // The axis line at zero.
            root.draw(&PathElement::new(
                vec![(x0, 4), (x0, height - 4)],
                palette::GREY.stroke_width(1),
            ))
            .map_err(err)?;
        }
        Ok(())
    })
}

/// Vertical columns in order (outputs per quarter), with values above and labels below.
pub fn columns(id: &str, title: &str, desc: &str, bars: &[Bar]) -> Chart {
    both(id, title, desc, |canvas| columns_svg(canvas, bars))
}

fn columns_svg(canvas: Canvas, bars: &[Bar]) -> String {
    let width = canvas.width;
    let narrow = canvas.narrow();
    // On phones a label ("2024-25 Q1") goes on two lines, split at its last space, so that
    // labels fit under every second column rather than every third.
    let labels: Vec<Vec<String>> = bars
        .iter()
        .map(|b| match b.label.rsplit_once(' ') {
            Some((first, last)) if narrow => vec![first.to_string(), last.to_string()],
            _ => vec![shorten(&b.label, 12)],
        })
        .collect();
    let (left, right, top) = (16, 16, 24);
    let bottom = if narrow { 46 } else { 30 };
    let height = 200 + bottom - 30;
    let plot_h = f64::from(170 - top);
    let n = bars.len().max(1) as i32;
    let slot = (width - left - right) / n;
    let max = bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    // Label every column when they fit, else every second or third.
    let widest = |texts: &mut dyn Iterator<Item = &String>| {
        texts.map(|t| t.chars().count() as i32).max().unwrap_or(0) * SMALL_CHAR_WIDTH + 8
    };
    let step = if narrow {
        (widest(&mut labels.iter().flatten()) + slot - 1) / slot.max(1)
    } else {
        70 / slot.max(1) + 1
    }
    .max(1) as usize;
    let every_value = if narrow {
        widest(&mut bars.iter().map(|b| &b.text)) <= slot
    } else {
        slot >= 34
    };
    draw((width as u32, height as u32), |root| {
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
            if every_value || i % step == 0 {
                root.draw(&Text::new(
                    bar.text.clone(),
                    (x + slot / 2, base - h - 4),
                    text_style(SMALL, palette::INK).pos(Pos::new(HPos::Center, VPos::Bottom)),
                ))
                .map_err(err)?;
            }
            if i % step == 0 {
                for (k, line) in labels[i].iter().enumerate() {
                    root.draw(&Text::new(
                        line.clone(),
                        (x + slot / 2, base + 6 + 16 * k as i32),
                        text_style(SMALL, palette::INK).pos(Pos::new(HPos::Center, VPos::Top)),
                    ))
                    .map_err(err)?;
                }
            }
        }
        root.draw(&PathElement::new(
            vec![(left, base), (width - right, base)],
            palette::GREY.stroke_width(1),
        ))
        .map_err(err)?;
        Ok(())
    })
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
    both(id, title, desc, |canvas| {
        stacked_svg(canvas, legend, stacks)
    })
}

fn stacked_svg(canvas: Canvas, legend: &[(&str, RGBColor)], stacks: &[Stack]) -> String {
    let layout = RowLayout::new(canvas, 200, 24);
    let label_width = layout.bars_at;
    // Legend entries run from the bars' left edge and wrap onto a new line when the next
    // would pass the right edge (Welsh labels are longer).
    let mut places = Vec::new();
    let (mut x, mut line) = (label_width, 0);
    for (name, _) in legend {
        let width = 20 + name.chars().count() as i32 * SMALL_CHAR_WIDTH;
        if x + width > canvas.width && x > label_width {
            (x, line) = (label_width, line + 1);
        }
        places.push((x, 8 + line * 22));
        x += width + 16;
    }
    let legend_h = 30 + line * 22;
    let height = (legend_h + stacks.len() as i32 * layout.row + 12) as u32;
    let plot = (canvas.width - label_width - 20) as f64;
    draw((canvas.width as u32, height), |root| {
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
            let y = legend_h + i as i32 * layout.row;
            layout.draw_label(root, &stack.label, y)?;
            let (top, bottom) = (y + layout.bar.0, y + layout.bar.1);
            let mut start = 0.0;
            for (part, (_, colour)) in stack.parts.iter().zip(legend) {
                let x0 = label_width + (start / 100.0 * plot).round() as i32;
                let x1 = label_width + ((start + part) / 100.0 * plot).round() as i32;
                if x1 > x0 {
                    root.draw(&Rectangle::new([(x0, top), (x1, bottom)], colour.filled()))
                        .map_err(err)?;
                    // Parts are separated by a white line so neighbours never merge.
                    root.draw(&PathElement::new(
                        vec![(x1, top), (x1, bottom)],
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
                        ((x0 + x1) / 2, y + layout.bar_middle()),
                        text_style(SMALL, ink).pos(Pos::new(HPos::Center, VPos::Center)),
                    ))
                    .map_err(err)?;
                }
                start += part;
            }
        }
        Ok(())
    })
}
