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
    /// The built-in templates, or those of `dir` where it has `page.html` / `style.css`.
    pub fn new(dir: Option<&Path>) -> Result<Renderer, RenderError> {
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
        tera.add_raw_template("page.html", &page).map_err(|e| {
            RenderError(format!(
                "template page.html: {}",
                crate::format::error_chain(&e)
            ))
        })?;
        Ok(Renderer { tera, css })
    }

    /// Renders every page, in parallel; the result keeps the pages' order.
    pub fn render_all(&self, pages: &[PageOut]) -> Result<Vec<(String, String)>, RenderError> {
        pages
            .par_iter()
            .map(|p| {
                let mut context = tera::Context::new();
                context.insert("page", &p.page);
                self.tera
                    .render("page.html", &context)
                    .map(|html| (p.path.clone(), html))
                    .map_err(|e| {
                        RenderError(format!(
                            "page {}: {}",
                            p.path,
                            crate::format::error_chain(&e)
                        ))
                    })
            })
            .collect()
    }
}
