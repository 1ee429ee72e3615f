//! HTML rendering with tera: the templates are compiled into the binary (`include_str!`) and
//! can be overridden from a folder (`--templates DIR`); pages render in parallel with rayon.
//! Only `.html` templates are used, so tera escapes every value; the only markup passed as
//! safe is the charts module's SVG and the stylesheet.

use super::pages::PageOut;
use rayon::prelude::*;
use std::path::Path;

const PAGE: &str = include_str!("../../templates/page.html");
const STYLE: &str = include_str!("../../templates/style.css");

/// A template problem, with tera's whole chain of causes.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct RenderError(pub String);

/// The templates and stylesheet in force.
pub struct Renderer {
    tera: tera::Tera,
    pub css: String,
}

impl Renderer {
    /// The built-in templates, or those of `dir` where it has `page.html` / `style.css`. A
    /// `dir` that is no folder, or holds neither file, is an error: a mistyped `--templates`
    /// must not pass silently with the built-in look.
    pub fn new(dir: Option<&Path>) -> Result<Renderer, RenderError> {
        if let Some(dir) = dir {
            if !dir.is_dir() {
                return Err(RenderError(format!(
                    "--templates {}: there is no such folder (give a folder that holds page.html, style.css or both)",
                    dir.display()
                )));
            }
            if !dir.join("page.html").is_file() && !dir.join("style.css").is_file() {
                return Err(RenderError(format!(
                    "--templates {}: the folder holds neither page.html nor style.css",
                    dir.display()
                )));
            }
        }
        let read = |name: &str, built_in: &str| -> Result<String, RenderError> {
            match dir.map(|d| d.join(name)) {
                Some(path) if path.is_file() => std::fs::read_to_string(&path)
                    .map_err(|e| RenderError(format!("cannot read {}: {e}", path.display()))),
                _ => Ok(built_in.to_string()),
            }
        };
        let page = read("page.html", PAGE)?;
        let css = read("style.css", STYLE)?;
        let mut tera = tera::Tera::default();
        tera.set_escape_fn(escape_html);
        tera.add_raw_template("page.html", &page).map_err(|e| {
            RenderError(format!(
                "template page.html: {}",
                crate::format::error_chain(&e)
            ))
        })?;
        Ok(Renderer { tera, css })
    }

    /// Renders one page: its path and its HTML.
    pub fn render(&self, page: &PageOut) -> Result<(String, Vec<u8>), RenderError> {
        let mut context = tera::Context::new();
        context.insert("page", &page.page);
        // Straight into bytes (the file's content), with room for a usual page at once.
        let mut html = Vec::with_capacity(PAGE_ROOM);
        self.tera
            .render_to("page.html", &context, &mut html)
            .map(|()| (page.path.clone(), html))
            .map_err(|e| {
                RenderError(format!(
                    "page {}: {}",
                    page.path,
                    crate::format::error_chain(&e)
                ))
            })
    }

    /// Renders every page, in parallel; the result keeps the pages' order.
    pub fn render_all(&self, pages: &[PageOut]) -> Result<Vec<(String, Vec<u8>)>, RenderError> {
        pages.par_iter().map(|p| self.render(p)).collect()
    }
}

/// The room a page's HTML is given to start with: a project page of a large portfolio is
/// about 100 KiB, so most pages are written without growing their buffer.
const PAGE_ROOM: usize = 128 << 10;

/// tera's HTML escaping (the same five characters, written the same way), with the text
/// between them written a run at a time rather than a byte at a time: a page of a national
/// portfolio escapes tens of kilobytes of text.
fn escape_html(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let bytes = input.as_bytes();
    let mut from = 0;
    for (i, byte) in bytes.iter().enumerate() {
        let entity: &[u8] = match byte {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => continue,
        };
        out.write_all(&bytes[from..i])?;
        out.write_all(entity)?;
        from = i + 1;
    }
    out.write_all(&bytes[from..])
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The run-at-a-time escaping writes what tera's own does, for any text.
        #[test]
        fn escapes_as_tera_does(text in "(\\PC|[&<>\"'])*") {
            let (mut ours, mut teras) = (Vec::new(), Vec::new());
            escape_html(&text, &mut ours).expect("written");
            tera::escape_html(&text, &mut teras).expect("written");
            proptest::prop_assert_eq!(ours, teras);
        }
    }

    #[test]
    fn escapes_the_five_characters() {
        let mut out = Vec::new();
        escape_html("Tom & Jerry's <b>\"hi\"</b>", &mut out).expect("written");
        // Worked out by hand from the HTML entities tera uses.
        assert_eq!(
            String::from_utf8(out).expect("utf-8"),
            "Tom &amp; Jerry&#39;s &lt;b&gt;&quot;hi&quot;&lt;/b&gt;"
        );
    }

    #[test]
    fn a_templates_folder_must_exist_and_hold_a_template() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let missing = tmp.path().join("nope");
        let Err(e) = Renderer::new(Some(&missing)) else {
            panic!("a missing folder is an error");
        };
        assert!(e.0.contains("no such folder"), "{}", e.0);
        assert!(Renderer::new(Some(tmp.path())).is_err());
        std::fs::write(tmp.path().join("style.css"), "body {}").expect("write");
        let r = Renderer::new(Some(tmp.path())).expect("a folder with style.css");
        assert_eq!(r.css, "body {}");
        assert!(Renderer::new(None).is_ok());
    }
}
