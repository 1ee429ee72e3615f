//! Projects placed by novelty (SPEC 1.3, 1 to 6) against a percentage: each point is
//! labelled with its project, and the novelty bands (simple, complicated, complex) are named
//! on the axis. On phones, where six columns of labels cannot sit side by side, the same
//! points are a dot plot: a group of rows per novelty level, one row per project.

use super::{
    Canvas, Chart, SMALL, SMALL_CHAR_WIDTH, both, draw, err, palette, shorten, text_style,
};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One project: its label, novelty 1 to 6 and the outcome value.
#[derive(Debug, Clone)]
pub struct Point {
    pub label: String,
    pub novelty: u8,
    pub value: f64,
}

/// The words of the novelty chart, in the page's language.
pub struct NoveltyWords {
    /// "Novelty", before a level's number.
    pub novelty: String,
    /// The three bands of levels 1-2, 3-4 and 5-6 (simple, complicated, complex).
    pub bands: [String; 3],
    /// The name of the novelty axis.
    pub axis: String,
    /// The key of the mark of a level's mean, drawn when there are too many points to name.
    pub mean: String,
}

/// A level with more points than this is too crowded to name each: points are drawn hollow,
/// each level's mean is marked, and the table beside the chart names them.
const MOST_LABELLED: usize = 8;

/// `y_label` names the outcome value (for example "% reliably improved").
pub fn novelty(
    text: &NoveltyWords,
    id: &str,
    title: &str,
    desc: &str,
    y_label: &str,
    points: &[Point],
) -> Chart {
    both(id, title, desc, |canvas| {
        if canvas.narrow() {
            dot_plot(text, canvas, y_label, points)
        } else {
            scatter(text, canvas, y_label, points)
        }
    })
}

/// The top of the value scale: the largest value rounded up to a multiple of 10.
fn scale_top(points: &[Point]) -> f64 {
    let y_max = points
        .iter()
        .map(|p| p.value)
        .fold(0.0_f64, f64::max)
        .max(1.0);
    (y_max / 10.0).ceil() * 10.0
}

fn band(text: &NoveltyWords, novelty: u8) -> &str {
    &text.bands[match novelty {
        1 | 2 => 0,
        3 | 4 => 1,
        _ => 2,
    }]
}

/// Phones: novelty levels as groups of rows (highest value first), the value across.
fn dot_plot(text: &NoveltyWords, canvas: Canvas, y_label: &str, points: &[Point]) -> String {
    let width = canvas.width;
    let (label_w, right) = (180, 18);
    let plot_w = (width - label_w - right) as f64;
    let top_v = scale_top(points);
    let x = |v: f64| label_w + (v.clamp(0.0, top_v) / top_v * plot_w).round() as i32;
    let levels: Vec<(u8, Vec<&Point>)> = (1..=6u8)
        .filter_map(|n| {
            let mut level: Vec<&Point> = points
                .iter()
                .filter(|p| p.novelty.clamp(1, 6) == n)
                .collect();
            level.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.label.cmp(&b.label)));
            (!level.is_empty()).then_some((n, level))
        })
        .collect();
    let (head, line) = (22, 22);
    let start = 50;
    let height = start
        + levels
            .iter()
            .map(|(_, l)| head + line * l.len() as i32)
            .sum::<i32>()
        + 8;
    let ticks: Vec<f64> = (0..=4).map(|k| top_v * f64::from(k) / 4.0).collect();
    draw((width as u32, height as u32), |root| {
        let small = |colour, h| text_style(SMALL, colour).pos(Pos::new(h, VPos::Center));
        root.draw(&Text::new(
            y_label.to_string(),
            (2, 12),
            small(palette::INK, HPos::Left),
        ))
        .map_err(err)?;
        for v in &ticks {
            root.draw(&Text::new(
                format!("{v:.0}"),
                (x(*v), 34),
                small(palette::INK, HPos::Center),
            ))
            .map_err(err)?;
        }
        let mut y = start;
        for (n, level) in &levels {
            root.draw(&Text::new(
                format!("{} {n} · {}", text.novelty, band(text, *n)),
                (2, y + head / 2),
                small(palette::GREY, HPos::Left),
            ))
            .map_err(err)?;
            y += head;
            for p in level {
                let mid = y + line / 2;
                for v in &ticks {
                    root.draw(&PathElement::new(
                        vec![(x(*v), y + 2), (x(*v), y + line - 2)],
                        palette::LIGHT.stroke_width(1),
                    ))
                    .map_err(err)?;
                }
                root.draw(&Text::new(
                    shorten(&p.label, ((label_w - 24) / SMALL_CHAR_WIDTH) as usize),
                    (10, mid),
                    small(palette::INK, HPos::Left),
                ))
                .map_err(err)?;
                root.draw(&Circle::new((x(p.value), mid), 5, palette::BLUE.filled()))
                    .map_err(err)?;
                y += line;
            }
        }
        Ok(())
    })
}

/// Screens and print: novelty across, the value up, each point labelled.
fn scatter(text: &NoveltyWords, canvas: Canvas, y_label: &str, points: &[Point]) -> String {
    let width = canvas.width;
    let height = 360u32;
    let (left, right, top, bottom) = (60, 110, 20, 70);
    let plot_w = (width - left - right) as f64;
    let plot_h = (height as i32 - top - bottom) as f64;
    let y_max = scale_top(points);
    let x = |n: f64| left + ((n - 0.5) / 6.0 * plot_w).round() as i32;
    let y = |v: f64| top + ((1.0 - v / y_max) * plot_h).round() as i32;
    draw((width as u32, height), |root| {
        let base = top + plot_h as i32;
        for n in 1..=6 {
            root.draw(&PathElement::new(
                vec![(x(n as f64), top), (x(n as f64), base)],
                palette::LIGHT.stroke_width(1),
            ))
            .map_err(err)?;
            root.draw(&Text::new(
                format!("{n}"),
                (x(n as f64), base + 6),
                text_style(SMALL, palette::INK).pos(Pos::new(HPos::Center, VPos::Top)),
            ))
            .map_err(err)?;
        }
        for (label, from) in text.bands.iter().zip([1.5, 3.5, 5.5]) {
            root.draw(&Text::new(
                label.as_str(),
                (x(from), base + 24),
                text_style(SMALL, palette::GREY).pos(Pos::new(HPos::Center, VPos::Top)),
            ))
            .map_err(err)?;
        }
        root.draw(&Text::new(
            text.axis.as_str(),
            (left + plot_w as i32 / 2, base + 44),
            text_style(SMALL, palette::INK).pos(Pos::new(HPos::Center, VPos::Top)),
        ))
        .map_err(err)?;
        for k in 0..=4 {
            let v = y_max * k as f64 / 4.0;
            root.draw(&PathElement::new(
                vec![(left, y(v)), (left + plot_w as i32, y(v))],
                palette::LIGHT.stroke_width(1),
            ))
            .map_err(err)?;
            root.draw(&Text::new(
                format!("{v:.0}"),
                (left - 6, y(v)),
                text_style(SMALL, palette::INK).pos(Pos::new(HPos::Right, VPos::Center)),
            ))
            .map_err(err)?;
        }
        root.draw(&Text::new(
            y_label.to_string(),
            (left, top - 8),
            text_style(SMALL, palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(err)?;
        let crowded = (1..=6u8)
            .any(|n| points.iter().filter(|p| p.novelty.clamp(1, 6) == n).count() > MOST_LABELLED);
        if crowded {
            // Hollow points, so that those on top of each other still show, and each level's
            // mean as a bar; the names are in the table beside the chart.
            for n in 1..=6u8 {
                let level: Vec<f64> = points
                    .iter()
                    .filter(|p| p.novelty.clamp(1, 6) == n)
                    .map(|p| p.value)
                    .collect();
                let px = x(f64::from(n));
                for v in &level {
                    root.draw(&Circle::new((px, y(*v)), 5, palette::BLUE.stroke_width(1)))
                        .map_err(err)?;
                }
                if !level.is_empty() {
                    let mean = level.iter().sum::<f64>() / level.len() as f64;
                    root.draw(&Rectangle::new(
                        [(px - 14, y(mean) - 1), (px + 14, y(mean) + 2)],
                        palette::INK.filled(),
                    ))
                    .map_err(err)?;
                }
            }
            // The key above the plot, at its right end.
            let key_x = left + plot_w as i32
                - 26
                - Canvas::chars(0).max(text.mean.chars().count()) as i32 * 7;
            root.draw(&Rectangle::new(
                [(key_x, top - 10), (key_x + 20, top - 7)],
                palette::INK.filled(),
            ))
            .map_err(err)?;
            root.draw(&Text::new(
                text.mean.as_str(),
                (key_x + 26, top - 8),
                text_style(SMALL, palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(err)?;
            return Ok(());
        }
        // Labels of points at the same novelty are stacked at least a line apart, with a
        // leader line when moved, so they never overlap.
        for n in 1..=6u8 {
            let mut column: Vec<(i32, &Point)> = points
                .iter()
                .filter(|p| p.novelty.clamp(1, 6) == n)
                .map(|p| (y(p.value), p))
                .collect();
            column.sort_by_key(|(py, _)| *py);
            let px = x(f64::from(n));
            let mut next_free = i32::MIN;
            for (py, p) in column {
                root.draw(&Circle::new((px, py), 5, palette::BLUE.filled()))
                    .map_err(err)?;
                let label_y = py.max(next_free);
                next_free = label_y + 16;
                if label_y - py > 3 {
                    root.draw(&PathElement::new(
                        vec![(px + 5, py), (px + 12, label_y)],
                        palette::GREY.stroke_width(1),
                    ))
                    .map_err(err)?;
                }
                root.draw(&Text::new(
                    shorten(&p.label, 12),
                    (px + 14, label_y),
                    text_style(SMALL, palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
                ))
                .map_err(err)?;
            }
        }
        Ok(())
    })
}
