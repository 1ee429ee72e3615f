//! The SVG that charts are drawn into: a plotters [`DrawingBackend`] that writes each element
//! as plotters' own SVG backend would, but without what that repeats on every element and a
//! page does not need: `opacity="1"` and `stroke="none"` (the SVG defaults), the font family
//! (set once on the chart's root by [`super::accessible`]), and the line breaks between
//! elements and around text (which SVG collapses anyway). A project page of a national
//! portfolio is a third smaller for it. Writing it directly, rather than writing plotters'
//! SVG and then stripping it, halves the cost of drawing a chart (issue 20); the tests hold it
//! to plotters' SVG, stripped, element for element.

use std::convert::Infallible;
use std::fmt::Write as _;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle, FontTransform,
};

use super::FONT;

/// Draws into a string: `<svg width=".." height="..">`, the elements, `</svg>`.
pub struct CompactSvg<'a> {
    out: &'a mut String,
    size: (u32, u32),
    closed: bool,
    /// The last font size written and its text: charts use two or three sizes, and a float
    /// takes longer to write than to compare.
    font_size: Option<(u64, String)>,
}

impl<'a> CompactSvg<'a> {
    pub fn new(out: &'a mut String, size: (u32, u32)) -> Self {
        let _ = write!(out, "<svg width=\"{}\" height=\"{}\">", size.0, size.1);
        CompactSvg {
            out,
            size,
            closed: false,
            font_size: None,
        }
    }

    fn int(&mut self, name: &str, value: impl Int) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        value.push_to(self.out);
        self.out.push('"');
    }

    fn text_attr(&mut self, name: &str, value: &str) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        escape_into(self.out, value);
        self.out.push('"');
    }

    /// `opacity`, unless it is the default 1.
    fn opacity(&mut self, color: BackendColor) {
        if color.alpha != 1.0 {
            let _ = write!(self.out, " opacity=\"{}\"", color.alpha);
        }
    }

    /// Opens an element, unless its colour is fully transparent (plotters then draws nothing).
    fn start(&mut self, open: &str, color: BackendColor) -> bool {
        if color.alpha == 0.0 {
            return false;
        }
        self.out.push_str(open);
        true
    }

    /// A shape's opacity and colour: filled with it, or outlined in it.
    fn paint(&mut self, color: BackendColor, fill: bool) {
        self.opacity(color);
        if fill {
            self.colour("fill", color);
        } else {
            self.out.push_str(" fill=\"none\"");
            self.colour("stroke", color);
        }
    }

    fn colour(&mut self, name: &str, color: BackendColor) {
        let (r, g, b) = color.rgb;
        let _ = write!(self.out, " {name}=\"#{r:02X}{g:02X}{b:02X}\"");
    }

    fn points(&mut self, path: impl IntoIterator<Item = BackendCoord>) {
        self.out.push_str(" points=\"");
        for (x, y) in path {
            x.push_to(self.out);
            self.out.push(',');
            y.push_to(self.out);
            self.out.push(' ');
        }
        self.out.push('"');
    }
}

/// Integers written without the formatting machinery.
trait Int: Copy {
    fn push_to(self, out: &mut String);
}

impl Int for i64 {
    fn push_to(self, out: &mut String) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = self.unsigned_abs();
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if self < 0 {
            out.push('-');
        }
        // Only ASCII digits were written.
        out.push_str(std::str::from_utf8(&digits[at..]).unwrap_or_default());
    }
}

impl Int for i32 {
    fn push_to(self, out: &mut String) {
        i64::from(self).push_to(out)
    }
}

impl Int for u32 {
    fn push_to(self, out: &mut String) {
        i64::from(self).push_to(out)
    }
}

/// Text escaped as plotters escapes it: `<`, `>`, `&`, `"` and `'`.
fn escape_into(out: &mut String, text: &str) {
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'&' => "&amp;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&text[start..]);
}

impl DrawingBackend for CompactSvg<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        if !self.closed {
            self.out.push_str("</svg>");
            self.closed = true;
        }
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if !self.start("<rect", color) {
            return Ok(());
        }
        self.int("x", point.0);
        self.int("y", point.1);
        self.out.push_str(" width=\"1\" height=\"1\"");
        self.opacity(color);
        self.colour("fill", color);
        self.out.push_str("/>");
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if !self.start("<line", color) {
            return Ok(());
        }
        self.opacity(color);
        self.colour("stroke", color);
        self.int("stroke-width", style.stroke_width());
        self.int("x1", from.0);
        self.int("y1", from.1);
        self.int("x2", to.0);
        self.int("y2", to.1);
        self.out.push_str("/>");
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if !self.start("<rect", color) {
            return Ok(());
        }
        self.int("x", upper_left.0);
        self.int("y", upper_left.1);
        self.int("width", bottom_right.0 - upper_left.0);
        self.int("height", bottom_right.1 - upper_left.1);
        self.paint(color, fill);
        self.out.push_str("/>");
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if !self.start("<polyline fill=\"none\"", color) {
            return Ok(());
        }
        self.opacity(color);
        self.colour("stroke", color);
        self.int("stroke-width", style.stroke_width());
        self.points(path);
        self.out.push_str("/>");
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if !self.start("<polygon", color) {
            return Ok(());
        }
        self.opacity(color);
        self.colour("fill", color);
        self.points(path);
        self.out.push_str("/>");
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if !self.start("<circle", color) {
            return Ok(());
        }
        self.int("cx", center.0);
        self.int("cy", center.1);
        self.int("r", radius);
        self.paint(color, fill);
        self.int("stroke-width", style.stroke_width());
        self.out.push_str("/>");
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if !self.start("<text", color) {
            return Ok(());
        }
        let (x, y) = pos;
        let anchor = style.anchor();
        self.int("x", x);
        self.int("y", y);
        self.out.push_str(match anchor.v_pos {
            VPos::Top => " dy=\"0.76em\"",
            VPos::Center => " dy=\"0.5ex\"",
            VPos::Bottom => " dy=\"-0.5ex\"",
        });
        self.out.push_str(match anchor.h_pos {
            HPos::Left => " text-anchor=\"start\"",
            HPos::Right => " text-anchor=\"end\"",
            HPos::Center => " text-anchor=\"middle\"",
        });
        let family = style.family();
        if family.as_str() != FONT {
            self.text_attr("font-family", family.as_str());
        }
        let size = style.size();
        let written = match &self.font_size {
            Some((bits, text)) if *bits == size.to_bits() => text,
            _ => {
                &self
                    .font_size
                    .insert((size.to_bits(), format!("{}", size / 1.24)))
                    .1
            }
        };
        self.out.push_str(" font-size=\"");
        self.out.push_str(written);
        self.out.push('"');
        self.opacity(color);
        self.colour("fill", color);
        match style.style() {
            FontStyle::Normal => {}
            FontStyle::Bold => self.out.push_str(" font-weight=\"bold\""),
            other => self.text_attr("font-style", other.as_str()),
        }
        let turn = match style.transform() {
            FontTransform::Rotate90 => Some(90),
            FontTransform::Rotate180 => Some(180),
            FontTransform::Rotate270 => Some(270),
            _ => None,
        };
        if let Some(degrees) = turn {
            let _ = write!(self.out, " transform=\"rotate({degrees}, {x}, {y})\"");
        }
        self.out.push('>');
        // plotters puts the text on lines of its own, which the page's whitespace rules
        // trim: each line of the text is kept without the space around it.
        for line in text.lines() {
            escape_into(self.out, line.trim());
        }
        self.out.push_str("</text>");
        Ok(())
    }
}

impl Drop for CompactSvg<'_> {
    fn drop(&mut self) {
        let _ = self.present();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::prelude::*;
    use plotters::style::text_anchor::Pos;
    use proptest::prelude::*;

    /// What charts wrote before they had their own backend: plotters' SVG, then stripped of
    /// the defaults, the root font family and the line breaks.
    fn stripped(svg: &str) -> String {
        let body_start = svg.find('>').map_or(0, |i| i + 1);
        let (width, height) = {
            let open = &svg[..body_start];
            let attr = |name: &str| {
                let key = format!(" {name}=\"");
                let rest = &open[open.find(&key).unwrap() + key.len()..];
                rest[..rest.find('"').unwrap()].to_string()
            };
            (attr("width"), attr("height"))
        };
        let font = format!(" font-family=\"{FONT}\"");
        let dropped = [" opacity=\"1\"", " stroke=\"none\"", font.as_str()];
        let mut out = format!("<svg width=\"{width}\" height=\"{height}\">");
        for line in svg[body_start..].trim_start().lines() {
            let mut rest = line.trim();
            while let Some(space) = rest.find(' ') {
                out.push_str(&rest[..space]);
                let from = &rest[space..];
                match dropped.iter().find(|d| from.starts_with(**d)) {
                    Some(d) => rest = &from[d.len()..],
                    None => {
                        out.push(' ');
                        rest = &from[1..];
                    }
                }
            }
            out.push_str(rest);
        }
        out
    }

    #[derive(Debug, Clone)]
    enum Op {
        Rect((i32, i32), (i32, i32), bool),
        Line((i32, i32), (i32, i32), u32),
        Path(Vec<(i32, i32)>, u32),
        Polygon(Vec<(i32, i32)>),
        Circle((i32, i32), i32, bool),
        Text(String, (i32, i32), u8, u8, u8, bool, u8),
    }

    fn draw_all<DB: DrawingBackend>(
        root: DrawingArea<DB, plotters::coord::Shift>,
        ops: &[Op],
        colour: RGBAColor,
    ) {
        root.fill(&WHITE).unwrap();
        for op in ops {
            let _ = match op {
                Op::Rect(a, b, fill) => root
                    .draw(&Rectangle::new(
                        [*a, *b],
                        Color::stroke_width(&colour, 2).filled_if(*fill),
                    ))
                    .map_err(|_| ()),
                Op::Line(a, b, w) => root
                    .draw(&PathElement::new(
                        vec![*a, *b],
                        Color::stroke_width(&colour, *w),
                    ))
                    .map_err(|_| ()),
                Op::Path(points, w) => root
                    .draw(&PathElement::new(
                        points.clone(),
                        Color::stroke_width(&colour, *w),
                    ))
                    .map_err(|_| ()),
                Op::Polygon(points) => root
                    .draw(&Polygon::new(points.clone(), colour.filled()))
                    .map_err(|_| ()),
                Op::Circle(c, r, fill) => root
                    .draw(&Circle::new(
                        *c,
                        *r,
                        Color::stroke_width(&colour, 1).filled_if(*fill),
                    ))
                    .map_err(|_| ()),
                Op::Text(text, at, h, v, size, bold, turn) => {
                    let h = [HPos::Left, HPos::Center, HPos::Right][*h as usize % 3];
                    let v = [VPos::Top, VPos::Center, VPos::Bottom][*v as usize % 3];
                    let family = if *size % 5 == 0 { "serif" } else { FONT };
                    let weight = if *bold {
                        FontStyle::Bold
                    } else {
                        FontStyle::Normal
                    };
                    let turn = match turn % 4 {
                        0 => FontTransform::None,
                        1 => FontTransform::Rotate90,
                        2 => FontTransform::Rotate180,
                        _ => FontTransform::Rotate270,
                    };
                    let style =
                        TextStyle::from(FontDesc::new(family.into(), f64::from(*size), weight))
                            .color(&colour)
                            .pos(Pos::new(h, v))
                            .transform(turn);
                    root.draw(&Text::new(text.clone(), *at, style))
                        .map_err(|_| ())
                }
            };
        }
        root.present().unwrap();
    }

    trait FilledIf {
        fn filled_if(self, fill: bool) -> ShapeStyle;
    }
    impl FilledIf for ShapeStyle {
        fn filled_if(mut self, fill: bool) -> ShapeStyle {
            self.filled = fill;
            self
        }
    }

    fn point() -> impl Strategy<Value = (i32, i32)> {
        (-20..400i32, -20..300i32)
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (point(), point(), any::<bool>()).prop_map(|(a, b, f)| Op::Rect(a, b, f)),
            (point(), point(), 1..4u32).prop_map(|(a, b, w)| Op::Line(a, b, w)),
            (prop::collection::vec(point(), 0..6), 1..3u32).prop_map(|(p, w)| Op::Path(p, w)),
            prop::collection::vec(point(), 0..6).prop_map(Op::Polygon),
            (point(), 0..40i32, any::<bool>()).prop_map(|(c, r, f)| Op::Circle(c, r, f)),
            (
                "[ a-zé<>&\"'\u{a0}\n\r\t→]{0,12}",
                point(),
                any::<u8>(),
                any::<u8>(),
                10..30u8,
                any::<bool>(),
                any::<u8>()
            )
                .prop_map(|(t, at, h, v, s, b, r)| Op::Text(t, at, h, v, s, b, r)),
        ]
    }

    proptest! {
        /// Whatever is drawn, the SVG is plotters' own, stripped, byte for byte.
        #[test]
        fn writes_what_plotters_wrote_stripped(
            ops in prop::collection::vec(op(), 0..12),
            rgb in (any::<u8>(), any::<u8>(), any::<u8>()),
            alpha in prop_oneof![Just(1.0), Just(0.0), Just(0.35), 0.0..1.0f64],
            size in (1..800u32, 1..600u32),
        ) {
            let colour = RGBAColor(rgb.0, rgb.1, rgb.2, alpha);
            let mut theirs = String::new();
            draw_all(SVGBackend::with_string(&mut theirs, size).into_drawing_area(), &ops, colour);
            let mut ours = String::new();
            draw_all(CompactSvg::new(&mut ours, size).into_drawing_area(), &ops, colour);
            prop_assert_eq!(ours, stripped(&theirs));
        }
    }

    #[test]
    fn integers_are_written_as_rust_writes_them() {
        for v in [
            0i64,
            7,
            -7,
            10,
            -10,
            12345,
            i64::from(i32::MIN),
            i64::from(i32::MAX),
            i64::from(u32::MAX),
        ] {
            let mut out = String::new();
            v.push_to(&mut out);
            assert_eq!(out, v.to_string());
        }
    }
}
