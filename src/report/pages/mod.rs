//! The pages of SPEC 5.1: the portfolio (`index.html`), a board briefing per project and a page
//! per funder. Each builder turns figures into a [`Page`] of formatted values and charts;
//! `render` turns pages into HTML with tera, in parallel.

mod portfolio;
mod project;
mod sections;

use super::redact::Redactor;
use super::views::{Page, unique_slugs};
use crate::check::Checked;
use crate::config::Config;
use crate::figures::{Figures, Scope};
use crate::model::Tables;
use rayon::prelude::*;

/// Everything a page builder reads, borrowed once.
pub struct PageContext<'a> {
    pub tables: &'a Tables,
    pub figures: &'a Figures,
    pub checked: &'a Checked,
    pub config: &'a Config,
    pub redactor: Redactor,
    /// Slug of each project, by project code.
    pub project_slugs: Vec<String>,
    /// Funders (as first written) with their slug and project codes, sorted by name.
    pub funders: Vec<Funder>,
    pub css: String,
    pub generated: String,
}

#[derive(Debug, Clone)]
pub struct Funder {
    pub name: String,
    pub slug: String,
    pub projects: Vec<u32>,
}

impl<'a> PageContext<'a> {
    pub fn new(
        tables: &'a Tables,
        figures: &'a Figures,
        checked: &'a Checked,
        config: &'a Config,
        css: String,
        generated: String,
    ) -> PageContext<'a> {
        let project_slugs = unique_slugs(&tables.project_ids);
        let mut funders: Vec<Funder> = Vec::new();
        for (code, project) in tables.projects.iter().enumerate() {
            for name in project.iter().flat_map(|p| p.funders.iter()) {
                match funders
                    .iter_mut()
                    .find(|f| f.name.eq_ignore_ascii_case(name))
                {
                    Some(f) => f.projects.push(code as u32),
                    None => funders.push(Funder {
                        name: name.clone(),
                        slug: String::new(),
                        projects: vec![code as u32],
                    }),
                }
            }
        }
        funders.sort_by_key(|f| f.name.to_lowercase());
        let slugs = unique_slugs(&funders.iter().map(|f| f.name.clone()).collect::<Vec<_>>());
        for (f, s) in funders.iter_mut().zip(slugs) {
            f.slug = s;
        }
        PageContext {
            tables,
            figures,
            checked,
            config,
            redactor: Redactor::new(&config.privacy.names),
            project_slugs,
            funders,
            css,
            generated,
        }
    }

    /// The name a reader knows a project by.
    pub fn project_name(&self, code: u32) -> String {
        self.tables.projects[code as usize].as_ref().map_or_else(
            || self.tables.project_ids[code as usize].clone(),
            |p| p.name.clone(),
        )
    }

    pub fn measure_name(&self, code: u32) -> &str {
        &self.tables.measures[code as usize].name
    }

    pub fn min_cell(&self) -> u32 {
        self.figures.suppression.min_cell
    }

    /// "fewer than 5" with the threshold in force.
    pub fn hidden(&self) -> String {
        format!("fewer than {}", self.min_cell())
    }

    pub fn footer(&self) -> String {
        format!(
            "Made by mwm {} on {} from {} input files. Figures about fewer than {} people are not shown. The tables behind every number are in the data folder of this report.",
            env!("CARGO_PKG_VERSION"),
            self.generated,
            self.checked.inputs.len(),
            self.min_cell()
        )
    }

    fn page(&self, title: String, kicker: &str, depth: usize) -> Page {
        let up = "../".repeat(depth);
        Page {
            lang: "en".into(),
            title,
            kicker: kicker.to_string(),
            subtitle: None,
            breadcrumb: if depth > 0 {
                vec![super::views::Link {
                    text: format!("Portfolio: {}", self.config.report.title),
                    href: format!("{up}index.html"),
                }]
            } else {
                Vec::new()
            },
            headline: None,
            contents: Vec::new(),
            sections: Vec::new(),
            footer: self.footer(),
            css: self.css.clone(),
        }
    }
}

/// A page to write: its path inside the report folder and its view.
pub struct PageOut {
    pub path: String,
    pub page: Page,
}

/// Every page of the report, built in parallel (a national portfolio has a thousand).
pub fn all(ctx: &PageContext<'_>) -> Vec<PageOut> {
    enum Which<'f> {
        Portfolio,
        Project(u32),
        Funder(&'f Funder),
    }
    let mut which = vec![Which::Portfolio];
    which.extend((0..ctx.tables.project_ids.len() as u32).map(Which::Project));
    which.extend(ctx.funders.iter().map(Which::Funder));
    which
        .par_iter()
        .map(|w| match w {
            Which::Portfolio => PageOut {
                path: "index.html".into(),
                page: portfolio::portfolio(ctx),
            },
            Which::Project(code) => PageOut {
                path: format!("projects/{}.html", ctx.project_slugs[*code as usize]),
                page: project::project(ctx, *code),
            },
            Which::Funder(funder) => PageOut {
                path: format!("funders/{}.html", funder.slug),
                page: portfolio::funder(ctx, funder),
            },
        })
        .collect()
}

/// The outcome rows of one scope.
pub(crate) fn outcomes_of(
    figures: &Figures,
    scope: Scope,
) -> impl Iterator<Item = &crate::figures::OutcomeSummary> {
    figures.outcomes.iter().filter(move |o| o.scope == scope)
}
