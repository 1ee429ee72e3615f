//! Change charts: baseline to follow-up per measure, each on its own scale, with the 95%
//! confidence interval of the change drawn around the follow-up mean; and the forest plot of
//! effect sizes with their intervals across projects and measures. On phones the legend
//! wraps and the forest plot's labels go on a line above each interval.

use super::{
    Canvas, Chart, SMALL, SMALL_CHAR_WIDTH, TEXT, both, draw, err, palette, shorten, text_style,
    wrap,
};
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

/// Where the second legend entry starts: after a 16 px key, the first entry's words and a gap.
fn left_of_legend(first: &str) -> i32 {
    16 + first.chars().count() as i32 * SMALL_CHAR_WIDTH + 30
}

/// Baseline (open circle) to follow-up (filled circle) per measure on the measure's own
/// scale, with the CI of the change as a whisker.
/// `legend`: the words for the baseline mean and the follow-up mean.
pub fn before_after(
    legend: &[String; 2],
    id: &str,
    title: &str,
    desc: &str,
    rows: &[BeforeAfter],
) -> Chart {
    both(id, title, desc, |canvas| {
        before_after_svg(canvas, legend, rows)
    })
}

/// A legend entry: its key's centre and the lines of its words.
struct Entry {
    key: (i32, i32),
    lines: Vec<String>,
}

/// Wide: both entries on one line, the second after the first one's words. Narrow: each
/// entry on lines of its own, wrapped to the width. Returns the entries and the height used.
fn legend_entries(canvas: Canvas, left: i32, words: &[String; 2]) -> (Vec<Entry>, i32) {
    if !canvas.narrow() {
        let second = left_of_legend(&words[0]);
        let entries = vec![
            Entry {
                key: (left + 6, 14),
                lines: vec![words[0].clone()],
            },
            Entry {
                key: (left + second, 14),
                lines: vec![words[1].clone()],
            },
        ];
        return (entries, 32);
    }
    let chars = ((canvas.width - left - 20) / SMALL_CHAR_WIDTH).max(8) as usize;
    let mut y = 14;
    let entries = words
        .iter()
        .map(|w| {
            let lines = wrap(w, chars);
            let entry = Entry {
                key: (left + 6, y),
                lines,
            };
            y += 16 * entry.lines.len() as i32 + 4;
            entry
        })
        .collect();
    (entries, y + 6)
}

fn before_after_svg(canvas: Canvas, legend: &[String; 2], rows: &[BeforeAfter]) -> String {
    let (left, right) = if canvas.narrow() { (30, 30) } else { (40, 40) };
    let (entries, legend_h) = legend_entries(canvas, left, legend);
    let plot = (canvas.width - left - right) as f64;
    // Each measure's heading, "label: 6.3 → 5.2", on one line, shortened to fit; on phones on
    // up to two lines.
    let headings: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let values = format!(": {:.1} → {:.1}", r.baseline, r.follow_up);
            let n = values.chars().count();
            if !canvas.narrow() {
                return vec![format!("{}{values}", shorten(&r.label, 62 - n))];
            }
            // "6.3 → 5.2" stays on one line.
            let values = format!(": {:.1}\u{a0}→\u{a0}{:.1}", r.baseline, r.follow_up);
            let chars = Canvas::chars(canvas.width - left - 2);
            let mut lines = wrap(&format!("{}{values}", r.label), chars);
            if lines.len() > 2 {
                // The label's end is cut so that its numbers still show, on the second line.
                let first = lines[0].clone();
                let rest = r
                    .label
                    .chars()
                    .skip(first.chars().count() + 1)
                    .collect::<String>();
                lines = vec![
                    first,
                    format!("{}{values}", shorten(&rest, chars.saturating_sub(n).max(8))),
                ];
            }
            lines
        })
        .collect();
    // A second heading line makes its row a line taller.
    let row_tops: Vec<i32> = headings
        .iter()
        .scan(legend_h, |top, lines| {
            let this = *top;
            *top += ROW + 16 * (lines.len() as i32 - 1);
            Some(this)
        })
        .collect();
    let height = (legend_h
        + headings
            .iter()
            .map(|lines| ROW + 16 * (lines.len() as i32 - 1))
            .sum::<i32>()
        + 4) as u32;
    draw((canvas.width as u32, height), |root| {
        // Legend: an open circle for the baseline, a filled one for the follow-up.
        for (k, entry) in entries.iter().enumerate() {
            let key = if k == 0 {
                Circle::new(entry.key, 5, palette::BLUE.stroke_width(2))
            } else {
                Circle::new(entry.key, 5, palette::BLUE.filled())
            };
            root.draw(&key).map_err(err)?;
            for (n, line) in entry.lines.iter().enumerate() {
                root.draw(&Text::new(
                    line.clone(),
                    (entry.key.0 + 10, entry.key.1 + 16 * n as i32),
                    text_style(SMALL, palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
                ))
                .map_err(err)?;
            }
        }
        for ((r, lines), y0) in rows.iter().zip(&headings).zip(&row_tops) {
            let axis_y = y0 + 36 + 16 * (lines.len() as i32 - 1);
            let span = (r.max - r.min).max(f64::EPSILON);
            let x = |v: f64| left + ((v.clamp(r.min, r.max) - r.min) / span * plot).round() as i32;
            for (n, line) in lines.iter().enumerate() {
                root.draw(&Text::new(
                    line.clone(),
                    (left, y0 + 10 + 16 * n as i32),
                    text_style(TEXT, palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
                ))
                .map_err(err)?;
            }
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
    })
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
        (24, 300, 70, 42)
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
