//! Charts: plotters drawing into SVG strings. Every chart family is one file and takes plain
//! values (labels and numbers already chosen by the page), so charts know nothing of polars or
//! of the figures' types. This file holds what they share: the colour-blind-safe palette, the
//! sizes and fonts, label shortening, and the accessibility wrapper that gives every chart
//! `role="img"`, a `<title>` and a `<desc>` with unique ids.
//!
//! Every chart is drawn twice: [`WIDE`] for screens and print, and [`NARROW`] with a layout
//! of its own for phones (labels above bars rather than beside them, and so on), so chart
//! text is read at about its drawn size on a 390 px phone instead of shrunk to half. The page's
//! style sheet shows one of the two; the other is `display: none` and so also hidden from
//! screen readers.

pub mod bars;
pub mod change;
pub mod heatmap;
pub mod scatter;
mod svg;

pub use svg::CompactSvg;

use plotters::prelude::*;
use plotters::style::RGBColor;

/// Okabe–Ito colours, safe for the common colour-vision deficiencies.
pub mod palette {
    use plotters::style::RGBColor;
    pub const ORANGE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
    pub const SKY: RGBColor = RGBColor(0x56, 0xB4, 0xE9);
    pub const GREEN: RGBColor = RGBColor(0x00, 0x9E, 0x73);
    pub const YELLOW: RGBColor = RGBColor(0xF0, 0xE4, 0x42);
    pub const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
    pub const VERMILION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
    pub const PURPLE: RGBColor = RGBColor(0xCC, 0x79, 0xA7);
    pub const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
    pub const GREY: RGBColor = RGBColor(0x75, 0x75, 0x75);
    pub const LIGHT: RGBColor = RGBColor(0xE8, 0xE8, 0xE8);
    /// Series colours in order.
    pub const SERIES: [RGBColor; 6] = [BLUE, ORANGE, GREEN, VERMILION, PURPLE, SKY];
}

/// The font every chart uses; sizes are in SVG pixels.
pub const FONT: &str = "sans-serif";
/// plotters writes font sizes at 0.806 of the size asked for (pt to px), so these give
/// about 13.7 and 12.1 pixels in the SVG.
pub const TEXT: f64 = 17.0;
pub const SMALL: f64 = 15.0;
/// The width charts are drawn at for screens and print; pages scale them down to fit.
pub const WIDE: u32 = 720;
/// The width of the phone version: a 390 px phone's page column, so its text is drawn 1:1.
pub const NARROW: u32 = 350;
/// Roughly how wide a character of the chart font is at [`TEXT`] size, in pixels, to fit
/// labels into the room they have.
pub const CHAR_WIDTH: i32 = 8;
/// The same at [`SMALL`] size.
pub const SMALL_CHAR_WIDTH: i32 = 7;

/// The canvas a chart is drawn on: its width, and whether that asks for the phone layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Canvas {
    pub width: i32,
}

impl Canvas {
    pub fn narrow(self) -> bool {
        self.width < WIDE as i32
    }

    /// How many characters of chart text fit in `pixels`.
    pub fn chars(pixels: i32) -> usize {
        (pixels / CHAR_WIDTH).max(4) as usize
    }
}

/// Escapes text for SVG/XML.
pub fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// At most `max` characters, cut with `…`, so a label never spills; the full text is in the
/// table next to the chart.
pub fn shorten(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_string()
    } else {
        let cut: String = label.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// `text` broken into lines of at most `chars` characters at spaces (a word longer than that
/// is a line of its own), for legends that would not fit on a phone's line. No-break spaces
/// (U+00A0) hold their words together.
pub fn wrap(text: &str, chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= chars => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// A drawn chart: the SVG markup of both versions, already accessible.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Chart {
    pub id: String,
    pub title: String,
    /// The finding in words: each SVG's `<desc>`, and the figure's caption on the page.
    pub desc: String,
    pub svg: String,
}

/// Draws a chart at both widths: `draw` gets the canvas and returns the plotters SVG. The wide
/// version keeps `id`; the narrow one is `{id}-n`.
pub fn both(id: &str, title: &str, desc: &str, draw: impl Fn(Canvas) -> String) -> Chart {
    let wide = accessible(
        draw(Canvas { width: WIDE as i32 }),
        id,
        "chart chart-wide",
        title,
        desc,
    );
    let narrow = accessible(
        draw(Canvas {
            width: NARROW as i32,
        }),
        &format!("{id}-n"),
        "chart chart-narrow",
        title,
        desc,
    );
    Chart {
        id: id.to_string(),
        title: title.to_string(),
        desc: desc.to_string(),
        svg: wide + &narrow,
    }
}

/// Gives a drawn SVG (see [`draw`]) `role="img"`, a title and a description (the finding in
/// words) with ids unique on the page, and makes it scale to its container.
fn accessible(svg: String, id: &str, class: &str, title: &str, desc: &str) -> String {
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let body_start = svg.find('>').map_or(0, |i| i + 1);
    let open = &svg[..body_start];
    let (width, height) = (attr(open, "width"), attr(open, "height"));
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{title_id} {desc_id}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" class=\"{class}\" id=\"{id}\" font-family=\"{FONT}\"><title id=\"{title_id}\">{}</title><desc id=\"{desc_id}\">{}</desc>{}",
        xml(title),
        xml(desc),
        &svg[body_start..]
    )
}

fn attr<'s>(tag: &'s str, name: &str) -> &'s str {
    let key = format!(" {name}=\"");
    tag.find(&key)
        .map(|i| {
            let rest = &tag[i + key.len()..];
            &rest[..rest.find('"').unwrap_or(0)]
        })
        .unwrap_or("0")
}

/// Draws with `draw` on a blank canvas of the given size and returns the SVG text (see
/// [`CompactSvg`]). Drawing errors (which the SVG backend only raises for its own bugs) give an
/// empty canvas rather than a failed report.
pub fn draw(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<CompactSvg<'_>, plotters::coord::Shift>) -> Result<(), String>,
) -> String {
    let mut svg = String::new();
    {
        let root = CompactSvg::new(&mut svg, size).into_drawing_area();
        let _ = root.fill(&WHITE);
        let _ = draw(&root);
        let _ = root.present();
    }
    svg
}

/// Text style helpers.
pub fn text_style(size: f64, colour: RGBColor) -> TextStyle<'static> {
    TextStyle {
        color: colour.to_backend_color(),
        ..TextStyle::from((FONT, size).into_font())
    }
}

/// Maps an error of the drawing backend to text.
pub fn err<E: std::fmt::Debug>(e: E) -> String {
    format!("{e:?}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_versions_get_role_title_desc_and_their_own_ids() {
        let chart = both("c1", "A <title>", "It rose & fell", |canvas| {
            draw((canvas.width as u32, 50), |_| Ok(()))
        });
        assert_eq!(chart.svg.matches("<svg").count(), 2);
        let (wide, narrow) = chart.svg.split_at(chart.svg.rfind("<svg").unwrap());
        for (svg, id, class, width) in [
            (wide, "c1", "chart chart-wide", WIDE),
            (narrow, "c1-n", "chart chart-narrow", NARROW),
        ] {
            assert!(svg.starts_with(&format!("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {width} 50\" width=\"{width}\" height=\"50\" class=\"{class}\" id=\"{id}\"")), "{svg}");
            assert!(svg.contains(&format!("<title id=\"{id}-title\">A &lt;title&gt;</title>")));
            assert!(svg.contains(&format!("<desc id=\"{id}-desc\">It rose &amp; fell</desc>")));
            // The compacted body keeps its elements and drops only defaults.
            assert!(
                svg.contains(&format!(
                    "<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"50\" fill=\"#FFFFFF\"/>"
                )),
                "{svg}"
            );
        }
        assert!(!chart.svg.contains('\n'));
    }

    #[test]
    fn legends_wrap_at_spaces() {
        assert_eq!(
            wrap("follow-up mean, with the 95% interval of the change", 20),
            ["follow-up mean, with", "the 95% interval of", "the change"]
        );
        assert_eq!(wrap("a verylongword b", 4), ["a", "verylongword", "b"]);
        assert_eq!(
            wrap("Feeling heard: 6.3\u{a0}→\u{a0}5.2", 18),
            ["Feeling heard:", "6.3\u{a0}→\u{a0}5.2"]
        );
        assert!(wrap("", 10).is_empty());
    }

    /// Every `<text>` of an SVG: its anchor x, anchor side, font size and words.
    fn texts(svg: &str) -> Vec<(f64, String, f64, String)> {
        let mut out = Vec::new();
        for piece in svg.split("<text ").skip(1) {
            let (tag, rest) = piece.split_once('>').unwrap();
            let tag = &format!(" {tag}");
            let num = |name: &str| attr(tag, name).parse::<f64>().unwrap();
            let anchor = attr(tag, "text-anchor");
            let words = rest
                .split("</text>")
                .next()
                .unwrap()
                .replace("&apos;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
            out.push((num("x"), anchor.to_string(), num("font-size"), words));
        }
        out
    }

    /// Both versions of every chart keep their text inside their width, with labels much
    /// longer than real ones, in Welsh (the longer words), judged at 0.55 em a character
    /// (DejaVu Sans' average advance for mixed text; the browser test measures real fonts).
    #[test]
    fn phone_charts_keep_their_text_inside() {
        // The Welsh words of these charts, as locales/cy.ftl has them (the longer language).
        let improvement_words = change::ImprovementWords {
            legend: [
                "newid cyfartalog".into(),
                "cyfwng 95% (ystod debygol)".into(),
                "y newid lleiaf sy'n bwysig".into(),
            ],
            axis: [
                "← gwaeth".into(),
                "newid mewn pwyntiau".into(),
                "gwell →".into(),
            ],
        };
        let forest_words = [
            "← gwaeth    maint yr effaith (d_z)    gwell →".to_string(),
            "cyfwng 95%".to_string(),
        ];
        let novelty_words = scatter::NoveltyWords {
            novelty: "Newydd-deb".into(),
            bands: ["syml".into(), "cymhlethedig".into(), "cymhleth".into()],
            axis: "newydd-deb (1 = rydym i gyd yn gwybod sut i wneud hyn, 6 = nid oes neb wedi gwneud hyn o'r blaen)".into(),
            mean: "cymedr".into(),
        };
        let long =
            "Prosiect Cymunedol Hir Iawn Gyda Enw Sy'n Mynd Ymlaen ac Ymlaen: Lles Meddyliol";
        let bars: Vec<bars::Bar> = (0..8)
            .map(|i| bars::Bar {
                label: format!("2024-25 Ch{}", i % 4 + 1),
                value: f64::from(i * 1000 + 1234),
                text: format!("{},{:03}", i + 1, 234),
                colour: palette::BLUE,
            })
            .collect();
        let named: Vec<bars::Bar> = bars
            .iter()
            .map(|b| bars::Bar {
                label: long.to_string(),
                ..b.clone()
            })
            .collect();
        let legend = [
            ("wedi gwella'n ddibynadwy", palette::BLUE),
            ("dim newid dibynadwy", palette::LIGHT),
            ("wedi dirywio'n ddibynadwy", palette::VERMILION),
        ];
        let charts = [
            bars::horizontal("h", "t", "d", &named),
            bars::columns("c", "t", "d", &bars),
            bars::stacked(
                "s",
                "t",
                "d",
                &legend,
                &[bars::Stack {
                    label: long.into(),
                    parts: vec![20.0, 70.0, 10.0],
                }],
            ),
            change::improvement(
                &improvement_words,
                "b",
                "t",
                "d",
                &[change::Improvement {
                    label: format!("{long}: +2.6 (-0.7 i +5.9)"),
                    estimate: 2.6,
                    ci: Some((-0.7, 5.9)),
                    mid: Some(3.0),
                }],
            ),
            change::forest(
                &forest_words,
                "f",
                "t",
                "d",
                &[change::Effect {
                    label: long.into(),
                    estimate: -1.2,
                    low: -2.5,
                    high: 3.1,
                }],
            ),
            scatter::novelty(
                &novelty_words,
                "n",
                "t",
                "d",
                "% wedi gwella",
                &[scatter::Point {
                    label: long.into(),
                    novelty: 6,
                    value: 100.0,
                }],
            ),
            heatmap::heatmap(
                "cryfder y dystiolaeth:",
                &[
                    "dim".into(),
                    "gweithgarwch, straeon neu hunanarchwiliad yn unig".into(),
                    "newid wedi'i fesur ar lai na 30 o bobl".into(),
                    "newid wedi'i fesur ar 30 neu fwy o bobl".into(),
                ],
                "m",
                "t",
                "d",
                &[long.to_string()],
                &[
                    "Asedau".into(),
                    "Rhwydweithiau".into(),
                    "Canlyniadau".into(),
                    "Perthnasoedd".into(),
                    "Galluogi".into(),
                ],
                &[vec![0, 1, 2, 3, 3]],
            ),
        ];
        for chart in &charts {
            let (wide, narrow) = chart.svg.split_at(chart.svg.rfind("<svg").unwrap());
            assert!(narrow.contains("chart-narrow"), "{}", chart.id);
            for (svg, limit) in [(wide, WIDE), (narrow, NARROW)] {
                let all = texts(svg);
                assert!(all.len() > 3, "{}: {all:?}", chart.id);
                for (x, anchor, size, words) in all {
                    let width = words.chars().count() as f64 * size * 0.55;
                    let (left, right) = match anchor.as_str() {
                        "end" => (x - width, x),
                        "middle" => (x - width / 2.0, x + width / 2.0),
                        _ => (x, x + width),
                    };
                    assert!(
                        left >= 0.0 && right <= f64::from(limit),
                        "{} at {limit} px: \"{words}\" spans {left:.0} to {right:.0} px",
                        chart.id
                    );
                }
            }
        }
    }

    #[test]
    fn labels_are_shortened() {
        assert_eq!(
            shorten("Caerffili Recovery Café and Friends", 12),
            "Caerffili R…"
        );
        assert_eq!(shorten("Short", 12), "Short");
    }
}
