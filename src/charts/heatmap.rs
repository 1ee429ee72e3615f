//! The project × principle heat map of the evidence (SPEC 4.7): each cell is shaded by how
//! strong the evidence is, on levels the caller names, and holds its level as a number whose
//! meaning the legend gives in words, so the shade is never the only way to read it.

use super::{Canvas, Chart, SMALL, TEXT, both, draw, err, palette, shorten, text_style, wrap};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Shades from the lowest level to the highest (light to dark blue, a sequential scale that
/// reads in grey too).
const SHADES: [RGBColor; 4] = [
    RGBColor(0xF4, 0xF4, 0xF4),
    RGBColor(0xC6, 0xDB, 0xEF),
    RGBColor(0x6B, 0xAE, 0xD6),
    RGBColor(0x21, 0x71, 0xB5),
];

/// The highest level a cell may hold.
pub const TOP: u8 = SHADES.len() as u8 - 1;

/// `cells[row][column]` holds a level 0 to [`TOP`]; `levels` says what each level means, in
/// words, under `legend`.
#[allow(clippy::too_many_arguments)]
pub fn heatmap(
    legend: &str,
    levels: &[String],
    id: &str,
    title: &str,
    desc: &str,
    rows: &[String],
    columns: &[String],
    cells: &[Vec<u8>],
) -> Chart {
    both(id, title, desc, |canvas| {
        heatmap_svg(canvas, legend, levels, rows, columns, cells)
    })
}

/// Wide: project names in a column on the left, one line of column heads. Narrow: each
/// project's name on a line above its cells, and the column heads on two staggered lines so
/// that each has the width of two columns.
fn heatmap_svg(
    canvas: Canvas,
    legend: &str,
    levels: &[String],
    rows: &[String],
    columns: &[String],
    cells: &[Vec<u8>],
) -> String {
    let narrow = canvas.narrow();
    let (label_width, top, row_h, cell_top) = if narrow {
        (2, 58, 46, 20)
    } else {
        (230, 40, 28, 0)
    };
    // The legend: its title, then each level's words on as many lines as they take.
    let legend_chars = Canvas::chars(canvas.width - if narrow { 2 } else { label_width } - 30);
    let legend_lines: usize = levels
        .iter()
        .take(SHADES.len())
        .enumerate()
        .map(|(k, w)| wrap(&format!("{k}: {w}"), legend_chars).len())
        .sum();
    let legend_h = 30 + 18 * legend_lines as i32 + 4 * levels.len().min(SHADES.len()) as i32;
    let height = (top + rows.len() as i32 * row_h + legend_h) as u32;
    let col_w = (canvas.width - label_width - 10) / columns.len().max(1) as i32;
    let head_chars = if narrow {
        Canvas::chars(2 * col_w - 8)
    } else {
        14
    };
    draw((canvas.width as u32, height), |root| {
        for (j, name) in columns.iter().enumerate() {
            let lift = if narrow && j % 2 == 0 { 22 } else { 0 };
            root.draw(&Text::new(
                shorten(name, head_chars),
                (label_width + j as i32 * col_w + col_w / 2, top - 10 - lift),
                text_style(TEXT, palette::INK).pos(Pos::new(HPos::Center, VPos::Bottom)),
            ))
            .map_err(err)?;
        }
        for (i, name) in rows.iter().enumerate() {
            let y = top + i as i32 * row_h;
            let (label, anchor, chars) = if narrow {
                ((2, y + 10), HPos::Left, Canvas::chars(canvas.width - 4))
            } else {
                ((label_width - 8, y + row_h / 2), HPos::Right, 28)
            };
            root.draw(&Text::new(
                shorten(name, chars),
                label,
                text_style(TEXT, palette::INK).pos(Pos::new(anchor, VPos::Center)),
            ))
            .map_err(err)?;
            let (y0, y1) = (y + cell_top, y + row_h);
            for (j, level) in cells
                .get(i)
                .map(Vec::as_slice)
                .unwrap_or(&[])
                .iter()
                .enumerate()
            {
                let x = label_width + j as i32 * col_w;
                let shade = SHADES[usize::from((*level).min(TOP))];
                root.draw(&Rectangle::new(
                    [(x + 1, y0 + 1), (x + col_w - 1, y1 - 1)],
                    shade.filled(),
                ))
                .map_err(err)?;
                let ink = if *level >= TOP { WHITE } else { palette::INK };
                root.draw(&Text::new(
                    format!("{level}"),
                    (x + col_w / 2, (y0 + y1) / 2),
                    text_style(TEXT, ink).pos(Pos::new(HPos::Center, VPos::Center)),
                ))
                .map_err(err)?;
            }
        }
        let y = top + rows.len() as i32 * row_h + 14;
        let x0 = if narrow { 2 } else { label_width };
        root.draw(&Text::new(
            legend.to_string(),
            (x0, y + 8),
            text_style(SMALL, palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(err)?;
        // One key per level, its words wrapped (on a phone, over several lines).
        let chars = Canvas::chars(canvas.width - x0 - 30);
        let mut y = y + 22;
        for (k, (shade, words)) in SHADES.iter().zip(levels).enumerate() {
            root.draw(&Rectangle::new(
                [(x0, y), (x0 + 16, y + 16)],
                shade.filled(),
            ))
            .map_err(err)?;
            root.draw(&Rectangle::new(
                [(x0, y), (x0 + 16, y + 16)],
                palette::GREY.stroke_width(1),
            ))
            .map_err(err)?;
            for line in wrap(&format!("{k}: {words}"), chars) {
                root.draw(&Text::new(
                    line,
                    (x0 + 24, y + 8),
                    text_style(SMALL, palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
                ))
                .map_err(err)?;
                y += 18;
            }
            y += 4;
        }
        Ok(())
    })
}
