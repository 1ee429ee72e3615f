//! The project × principle heat map of the evidence (SPEC 4.7): each cell is shaded by how
//! many kinds of evidence there are (outputs, outcome pairs, stories, self-audit) and holds
//! that number as text, so the shade is never the only way to read it.

use super::{Chart, SMALL, TEXT, WIDTH, accessible, draw, err, palette, shorten, text_style};
use crate::i18n;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Shades from none to four kinds of evidence (light to dark blue, a sequential scale that
/// reads in grey too).
const SHADES: [RGBColor; 5] = [
    RGBColor(0xF4, 0xF4, 0xF4),
    RGBColor(0xC6, 0xDB, 0xEF),
    RGBColor(0x6B, 0xAE, 0xD6),
    RGBColor(0x21, 0x71, 0xB5),
    RGBColor(0x08, 0x30, 0x6B),
];

/// `cells[row][column]` holds 0 to 4.
pub fn heatmap(
    text: &i18n::Text,
    id: &str,
    title: &str,
    desc: &str,
    rows: &[String],
    columns: &[String],
    cells: &[Vec<u8>],
) -> Chart {
    let label_width = 230;
    let top = 40;
    let row_h = 28;
    let legend_h = 40;
    let height = (top + rows.len() as i32 * row_h + legend_h) as u32;
    let col_w = (WIDTH as i32 - label_width - 10) / columns.len().max(1) as i32;
    let svg = draw((WIDTH, height), |root| {
        for (j, name) in columns.iter().enumerate() {
            root.draw(&Text::new(
                shorten(name, 14),
                (label_width + j as i32 * col_w + col_w / 2, top - 10),
                text_style(TEXT, palette::INK).pos(Pos::new(HPos::Center, VPos::Bottom)),
            ))
            .map_err(err)?;
        }
        for (i, name) in rows.iter().enumerate() {
            let y = top + i as i32 * row_h;
            root.draw(&Text::new(
                shorten(name, 30),
                (label_width - 8, y + row_h / 2),
                text_style(TEXT, palette::INK).pos(Pos::new(HPos::Right, VPos::Center)),
            ))
            .map_err(err)?;
            for (j, level) in cells
                .get(i)
                .map(Vec::as_slice)
                .unwrap_or(&[])
                .iter()
                .enumerate()
            {
                let x = label_width + j as i32 * col_w;
                let shade = SHADES[usize::from(*level).min(4)];
                root.draw(&Rectangle::new(
                    [(x + 1, y + 1), (x + col_w - 1, y + row_h - 1)],
                    shade.filled(),
                ))
                .map_err(err)?;
                let ink = if *level >= 3 { WHITE } else { palette::INK };
                root.draw(&Text::new(
                    format!("{level}"),
                    (x + col_w / 2, y + row_h / 2),
                    text_style(TEXT, ink).pos(Pos::new(HPos::Center, VPos::Center)),
                ))
                .map_err(err)?;
            }
        }
        let y = top + rows.len() as i32 * row_h + 14;
        root.draw(&Text::new(
            text.get("chart-kinds-of-evidence"),
            (label_width - 8, y + 8),
            text_style(SMALL, palette::INK).pos(Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(err)?;
        for (k, shade) in SHADES.iter().enumerate() {
            let x = label_width + k as i32 * 50;
            root.draw(&Rectangle::new([(x, y), (x + 16, y + 16)], shade.filled()))
                .map_err(err)?;
            root.draw(&Rectangle::new(
                [(x, y), (x + 16, y + 16)],
                palette::GREY.stroke_width(1),
            ))
            .map_err(err)?;
            root.draw(&Text::new(
                format!("{k}"),
                (x + 22, y + 8),
                text_style(SMALL, palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(err)?;
        }
        Ok(())
    });
    accessible(svg, id, title, desc)
}
