//! Change charts: each measure's mean change with its 95% interval on a scale of its own
//! (right is better, 0 and the minimal important difference marked); and the forest plot of
//! effect sizes with their intervals across projects and measures. On phones the legend
//! takes a line an entry and the forest plot's labels go on a line above each interval.

use super::{
    Canvas, Chart, SMALL, SMALL_CHAR_WIDTH, TEXT, both, draw, err, palette, shorten, text_style,
    wrap,
};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One measure's mean change with its interval, turned so that right is always better (a
/// fall in anxiety is drawn to the right), and its minimal important difference.
#[derive(Debug, Clone)]
pub struct Improvement {
    /// The measure and its change in words, shown above its scale.
    pub label: String,
    pub estimate: f64,
    /// The 95% interval, lower first; `None` for one person.
    pub ci: Option<(f64, f64)>,
    /// The smallest change that matters to people, when the measure has one.
    pub mid: Option<f64>,
}

/// The words of the change chart, in the page's language.
pub struct ImprovementWords {
    /// The average change, its 95% interval, and the smallest change that matters.
    pub legend: [String; 3],
    /// Under the scales: the worse end, what the scales measure, the better end.
    pub axis: [String; 3],
}

/// Each measure's change on a scale of its own that spans the interval, 0 and the minimal
/// important difference, so that a one-point change is wide enough to see; 0 is a solid
/// line, the minimal important difference a dashed one.
pub fn improvement(
    words: &ImprovementWords,
    id: &str,
    title: &str,
    desc: &str,
    rows: &[Improvement],
) -> Chart {
    both(id, title, desc, |canvas| {
        improvement_svg(canvas, words, rows)
    })
}

/// A tick step from 1, 2, 2.5 and 5 times a power of ten that gives at most `most` steps.
fn tick_step(span: f64, most: f64) -> f64 {
    let raw = (span / most).max(1e-9);
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|step| *step >= raw)
        .unwrap_or(10.0 * power)
}

/// A tick's label: as few decimals as its step needs.
fn tick_label(v: f64, step: f64) -> String {
    let decimals = if step >= 1.0 {
        0
    } else if step >= 0.1 {
        1
    } else {
        2
    };
    let text = format!("{v:.decimals$}");
    if text.trim_start_matches(['-', '0', '.']).is_empty() {
        "0".into()
    } else {
        text
    }
}

fn improvement_svg(canvas: Canvas, words: &ImprovementWords, rows: &[Improvement]) -> String {
    let narrow = canvas.narrow();
    let (left, right) = if narrow { (12, 12) } else { (24, 24) };
    let width = canvas.width;
    let plot = (width - left - right) as f64;
    let with_mid = rows.iter().any(|r| r.mid.is_some());
    // The legend: one entry a line on phones, side by side on screens.
    let legend: Vec<&String> = words
        .legend
        .iter()
        .take(if with_mid { 3 } else { 2 })
        .collect();
    let legend_h = if narrow {
        20 * legend.len() as i32 + 8
    } else {
        30
    };
    let chars = Canvas::chars(width - left - 4);
    let headings: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let mut lines = wrap(&r.label, chars);
            if lines.len() > 2 {
                let rest = lines[1..].join(" ");
                lines = vec![lines[0].clone(), shorten(&rest, chars)];
            }
            lines
        })
        .collect();
    const SCALE: i32 = 64;
    let row_h = |lines: &Vec<String>| 20 * lines.len() as i32 + SCALE;
    let height = legend_h + headings.iter().map(row_h).sum::<i32>() + 34;
    draw((width as u32, height as u32), |root| {
        // Legend.
        let mut x_at = left;
        for (k, word) in legend.iter().enumerate() {
            let y = if narrow { 12 + 20 * k as i32 } else { 14 };
            if narrow {
                x_at = left;
            }
            let key = x_at + 8;
            match k {
                0 => root
                    .draw(&Circle::new((key, y), 6, palette::BLUE.filled()))
                    .map_err(err)?,
                1 => {
                    root.draw(&PathElement::new(
                        vec![(key - 8, y), (key + 8, y)],
                        palette::INK.stroke_width(2),
                    ))
                    .map_err(err)?;
                    for end in [key - 8, key + 8] {
                        root.draw(&PathElement::new(
                            vec![(end, y - 6), (end, y + 6)],
                            palette::INK.stroke_width(2),
                        ))
                        .map_err(err)?;
                    }
                }
                _ => dashed(root, key, y - 8, y + 8)?,
            }
            root.draw(&Text::new(
                (*word).clone(),
                (key + 16, y),
                text_style(SMALL, palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(err)?;
            x_at = key + 16 + word.chars().count() as i32 * SMALL_CHAR_WIDTH + 24;
        }
        let mut top = legend_h;
        for (r, lines) in rows.iter().zip(&headings) {
            for (n, line) in lines.iter().enumerate() {
                root.draw(&Text::new(
                    line.clone(),
                    (left, top + 10 + 20 * n as i32),
                    text_style(TEXT, palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
                ))
                .map_err(err)?;
            }
            let axis_y = top + 20 * lines.len() as i32 + 18;
            // The scale spans the interval, 0 and the mid, with a margin.
            let (low, high) = r.ci.unwrap_or((r.estimate, r.estimate));
            let from = low.min(0.0).min(r.estimate);
            let to = high.max(0.0).max(r.estimate).max(r.mid.unwrap_or(0.0));
            let span = (to - from).max(0.5);
            let (from, to) = (from - span * 0.12, to + span * 0.12);
            let x = |v: f64| left + ((v - from) / (to - from) * plot).round() as i32;
            let step = tick_step(to - from, if narrow { 4.0 } else { 7.0 });
            root.draw(&PathElement::new(
                vec![(left, axis_y), (left + plot as i32, axis_y)],
                palette::LIGHT.stroke_width(8),
            ))
            .map_err(err)?;
            let mut tick = (from / step).ceil() * step;
            while tick <= to + 1e-9 {
                let zero = tick.abs() < step / 1e6;
                // 0 stands taller than the interval's ends, so the two are not confused.
                let reach = if zero { 18 } else { 12 };
                root.draw(&PathElement::new(
                    vec![(x(tick), axis_y - reach), (x(tick), axis_y + reach)],
                    if zero {
                        palette::GREY.stroke_width(3)
                    } else {
                        palette::LIGHT.stroke_width(1)
                    },
                ))
                .map_err(err)?;
                root.draw(&Text::new(
                    tick_label(tick, step),
                    (x(tick), axis_y + 17),
                    text_style(SMALL, if zero { palette::INK } else { palette::GREY })
                        .pos(Pos::new(HPos::Center, VPos::Top)),
                ))
                .map_err(err)?;
                tick += step;
            }
            if let Some(mid) = r.mid {
                dashed(root, x(mid), axis_y - 16, axis_y + 16)?;
            }
            if let Some((low, high)) = r.ci {
                let (a, b) = (x(low), x(high));
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
            root.draw(&Circle::new((x(r.estimate), axis_y), 7, WHITE.filled()))
                .map_err(err)?;
            root.draw(&Circle::new(
                (x(r.estimate), axis_y),
                6,
                palette::BLUE.filled(),
            ))
            .map_err(err)?;
            top += row_h(lines);
        }
        for (word, at, anchor) in [
            (&words.axis[0], left, HPos::Left),
            (&words.axis[1], width / 2, HPos::Center),
            (&words.axis[2], width - right, HPos::Right),
        ] {
            root.draw(&Text::new(
                word.clone(),
                (at, height - 14),
                text_style(SMALL, palette::INK).pos(Pos::new(anchor, VPos::Center)),
            ))
            .map_err(err)?;
        }
        Ok(())
    })
}

/// A vertical dashed line from `y0` to `y1` at `x`: the minimal important difference.
fn dashed(
    root: &DrawingArea<super::CompactSvg<'_>, plotters::coord::Shift>,
    x: i32,
    y0: i32,
    y1: i32,
) -> Result<(), String> {
    let mut y = y0;
    while y < y1 {
        root.draw(&PathElement::new(
            vec![(x, y), (x, (y + 4).min(y1))],
            palette::PURPLE.stroke_width(3),
        ))
        .map_err(err)?;
        y += 7;
    }
    Ok(())
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
/// `words`: the axis name and the header of the estimates' column.
pub fn forest(words: &[String; 2], id: &str, title: &str, desc: &str, rows: &[Effect]) -> Chart {
    both(id, title, desc, |canvas| forest_svg(canvas, words, rows))
}

/// `words`: the axis name and the header of the estimates' column.
fn forest_svg(canvas: Canvas, words: &[String; 2], rows: &[Effect]) -> String {
    let width = canvas.width;
    let narrow = canvas.narrow();
    // Wide: labels in a column on the left. Narrow: each label on a line above its interval,
    // which then has the whole width.
    let (row, label_width, right, label_chars) = if narrow {
        // The labels are small text: about 7.5 px a character.
        (42, 20, 56, ((width - 4) * 2 / 15) as usize)
    } else {
        (24, 360, 70, 50)
    };
    let top = 30;
    let height = (top + rows.len() as i32 * row + 40) as u32;
    let plot = (width - label_width - right) as f64;
    let low = rows.iter().map(|r| r.low).fold(-0.5_f64, f64::min).floor();
    let high = rows.iter().map(|r| r.high).fold(1.0_f64, f64::max).ceil();
    let x = |v: f64| label_width + ((v - low) / (high - low) * plot).round() as i32;
    draw((width as u32, height), |root| {
        let bottom = top + rows.len() as i32 * row;
        // Where gridlines run: the whole plot, or on phones only across each interval's band
        // so that they never cross the labels' lines.
        let spans: Vec<(i32, i32)> = if narrow {
            (0..rows.len() as i32)
                .map(|i| (top + i * row + 18, top + i * row + 40))
                .collect()
        } else {
            vec![(top - 6, bottom)]
        };
        // Gridlines and ticks every 0.5 (every 1 on phones when the range is wide).
        let step = if narrow && high - low > 4.0 { 1.0 } else { 0.5 };
        let mut tick = low;
        while tick <= high + 1e-9 {
            let colour = if tick.abs() < 1e-9 {
                palette::INK
            } else {
                palette::LIGHT
            };
            for (from, to) in &spans {
                root.draw(&PathElement::new(
                    vec![(x(tick), *from), (x(tick), *to)],
                    colour.stroke_width(1),
                ))
                .map_err(err)?;
            }
            root.draw(&Text::new(
                format!("{tick}"),
                (x(tick), bottom + 6),
                text_style(SMALL, palette::GREY).pos(Pos::new(HPos::Center, VPos::Top)),
            ))
            .map_err(err)?;
            tick += step;
        }
        root.draw(&Text::new(
            words[0].clone(),
            (x((low + high) / 2.0), bottom + 24),
            text_style(SMALL, palette::INK).pos(Pos::new(HPos::Center, VPos::Top)),
        ))
        .map_err(err)?;
        root.draw(&Text::new(
            words[1].clone(),
            (width - 2, top - 14),
            text_style(SMALL, palette::GREY).pos(Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(err)?;
        for (i, r) in rows.iter().enumerate() {
            let (label, y) = if narrow {
                let y = top + i as i32 * row;
                ((2, y + 10, HPos::Left), y + 29)
            } else {
                let y = top + i as i32 * row + row / 2;
                ((label_width - 10, y, HPos::Right), y)
            };
            root.draw(&Text::new(
                shorten(&r.label, label_chars),
                (label.0, label.1),
                text_style(SMALL, palette::INK).pos(Pos::new(label.2, VPos::Center)),
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
                (width - right + 8, y),
                text_style(SMALL, palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(err)?;
        }
        Ok(())
    })
}
