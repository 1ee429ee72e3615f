//! The pages of SPEC 5.1: the portfolio (`index.html`), a board briefing per project and a page
//! per funder. Each builder turns figures into a [`Page`] of formatted values and charts;
//! `render` turns pages into HTML with tera, in parallel.

mod compare;
mod portfolio;
mod project;
mod sections;

use super::redact::Redactor;
use super::views::{Link, Page, unique_slugs};
use crate::check::{Checked, PeriodLeftOut};
use crate::config::Config;
use crate::figures::{Figures, OutcomeFigures, OutcomeSummary, Reason, Scope};
use crate::i18n::Text;
use crate::model::{Language, Languages, Tables};
use crate::tr;
use rayon::prelude::*;

/// Everything a page builder reads, borrowed once.
/// What the pages of one period are made from: the checked inputs (ledger, problems), the
/// tables restricted to the period, what the period left out, and the figures.
#[derive(Clone)]
pub struct Data<'a> {
    pub tables: &'a Tables,
    pub figures: &'a Figures,
    pub checked: &'a Checked,
    pub left_out: &'a PeriodLeftOut,
    /// The reporting period in force (`--from`, `--to`), days since 1970-01-01.
    pub from: Option<i32>,
    pub to: Option<i32>,
    /// The reporting period's name when it was given as a year (`2024-25`).
    pub period_label: Option<String>,
    /// The comparison period's figures (SPEC 4.11), when one was asked for.
    pub comparison: Option<Comparison<'a>>,
}

/// The figures of a comparison period, computed from the same inputs by the same rules.
#[derive(Clone)]
pub struct Comparison<'a> {
    /// "2023-24", or its dates.
    pub label: String,
    pub tables: &'a Tables,
    pub figures: &'a Figures,
}

/// An outcome row that is shown: its scope, measure and figures. Pages take figures from
/// this, so a hidden row has nothing to draw.
#[derive(Debug, Clone, Copy)]
pub struct ShownOutcome<'a> {
    pub row: &'a OutcomeSummary,
    pub scope: Scope,
    pub measure: u32,
    pub f: &'a OutcomeFigures,
}

impl<'a> ShownOutcome<'a> {
    pub fn of(row: &'a OutcomeSummary) -> Option<ShownOutcome<'a>> {
        Some(ShownOutcome {
            row,
            scope: row.scope,
            measure: row.measure,
            f: row.shown()?,
        })
    }
}

pub struct PageContext<'a> {
    /// What the pages show (its fields are read through the context: `ctx.tables`).
    pub data: Data<'a>,
    pub config: &'a Config,
    pub redactor: Redactor,
    /// Slug of each project, by project code.
    pub project_slugs: Vec<String>,
    /// Funders (as first written) with their slug and project codes, sorted by name.
    pub funders: Vec<Funder>,
    pub css: String,
    /// The run's date, in days since 1970-01-01 (shown in the footer in the page's language).
    pub generated: i32,
    /// The language of these pages and where they sit (SPEC 5.2).
    pub text: &'static Text,
    pub layout: Layout,
    /// Where each scope's rows are in the figures (they come sorted by scope), so that a page
    /// finds its project's rows without scanning a national portfolio's for each of a
    /// thousand pages.
    index: FigureIndex,
    /// The same for the comparison period's figures, when there is one.
    compare_index: Option<FigureIndex>,
    /// The row ledger's totals over every table: rows read, used, left out, duplicates and
    /// blank (summed once, not on each page).
    ledger_totals: (u64, u64, u64, u64, u64),
    /// The rows left out, all of them and by the project code they belong to (found once,
    /// not per page).
    excluded: Vec<&'a crate::problems::Problem>,
    excluded_by_project: Vec<Vec<&'a crate::problems::Problem>>,
    /// Scores without a date (SPEC 2.4), per project code and, last, in all (counted once,
    /// not per page).
    undated: Vec<u64>,
    /// Each project's stories and narrative rows, in table order (found once, not by scanning
    /// a national portfolio's for each of its pages).
    stories_by_project: Vec<Vec<&'a crate::model::Story>>,
    narratives_by_project: Vec<Vec<&'a crate::model::Narrative>>,
}

/// Row ranges of each project (by code, then `ALL` last) in the sorted figure lists.
#[derive(Debug, Default)]
struct FigureIndex {
    /// How many projects: the slot of `ALL`.
    projects: usize,
    outcomes: Vec<std::ops::Range<usize>>,
    outputs: Vec<std::ops::Range<usize>>,
    audit: Vec<std::ops::Range<usize>>,
    evidence: Vec<std::ops::Range<usize>>,
    social: Vec<std::ops::Range<usize>>,
}

impl FigureIndex {
    /// The index of one period's figures, of `n` projects.
    fn of(figures: &Figures, n: usize) -> FigureIndex {
        FigureIndex {
            projects: n,
            outcomes: ranges(&figures.outcomes, n + 1, |o| scope_slot(o.scope, n)),
            outputs: ranges(&figures.outputs, n + 1, |o| scope_slot(o.scope, n)),
            audit: ranges(&figures.audit, n, |a| a.project as usize),
            evidence: ranges(&figures.evidence, n, |e| e.project as usize),
            social: ranges(&figures.social, n + 1, |r| scope_slot(r.scope, n)),
        }
    }
}

/// One period's figures with the index of each scope's rows: the rows of a project's page
/// are found without scanning a national portfolio's figures.
#[derive(Clone, Copy)]
pub struct Indexed<'c, 'a> {
    figures: &'a Figures,
    index: &'c FigureIndex,
}

impl<'a> Indexed<'_, 'a> {
    fn slot(&self, scope: Scope) -> usize {
        scope_slot(scope, self.index.projects)
    }

    /// The output sums of one scope.
    pub fn outputs_of(&self, scope: Scope) -> &'a [crate::figures::OutputSum] {
        let rows = self.index.outputs.get(self.slot(scope)).cloned();
        &self.figures.outputs[rows.unwrap_or_default()]
    }

    /// The outcome rows of one scope.
    pub fn outcomes_of(&self, scope: Scope) -> &'a [crate::figures::OutcomeSummary] {
        let rows = self.index.outcomes.get(self.slot(scope)).cloned();
        &self.figures.outcomes[rows.unwrap_or_default()]
    }

    /// The outcome rows of the projects `codes`, in the figures' order (by project code).
    pub fn outcomes_of_projects(&self, codes: &[u32]) -> Vec<&'a crate::figures::OutcomeSummary> {
        in_code_order(codes)
            .flat_map(|c| self.outcomes_of(Scope::Project(c)))
            .collect()
    }

    /// The output sums of the projects `codes`, in the figures' order (by project code).
    pub fn outputs_of_projects(&self, codes: &[u32]) -> Vec<&'a crate::figures::OutputSum> {
        in_code_order(codes)
            .flat_map(|c| self.outputs_of(Scope::Project(c)))
            .collect()
    }

    /// A project's self-audit score of one principle.
    pub fn audit_of(
        &self,
        code: u32,
        principle: crate::model::Principle,
    ) -> Option<&'a crate::figures::AuditSummary> {
        let rows = self.index.audit.get(code as usize).cloned();
        self.figures.audit[rows.unwrap_or_default()]
            .iter()
            .find(|a| a.principle == principle)
    }
}

/// The ranges of equal keys in a list sorted by key; projects with no rows get empty ranges.
fn ranges<T>(rows: &[T], slots: usize, slot: impl Fn(&T) -> usize) -> Vec<std::ops::Range<usize>> {
    let mut out = vec![0..0; slots];
    let mut start = 0;
    while start < rows.len() {
        let key = slot(&rows[start]);
        let mut end = start + 1;
        while end < rows.len() && slot(&rows[end]) == key {
            end += 1;
        }
        if key < slots {
            out[key] = start..end;
        }
        start = end;
    }
    out
}

/// Every item sharing the greatest key, in their order (none when no key is a number): a
/// superlative names all who share it. Keys are compared as shown, so pass them rounded as the
/// page writes them.
pub(super) fn leaders<T>(items: &[T], key: impl Fn(&T) -> f64) -> Vec<&T> {
    let best = items
        .iter()
        .map(&key)
        .filter(|k| !k.is_nan())
        .max_by(f64::total_cmp);
    match best {
        Some(best) => items.iter().filter(|i| key(i) == best).collect(),
        None => Vec::new(),
    }
}

/// Project codes ascending, each once: the order of every figure list.
fn in_code_order(codes: &[u32]) -> impl Iterator<Item = u32> + use<> {
    let mut codes = codes.to_vec();
    codes.sort_unstable();
    codes.dedup();
    codes.into_iter()
}

fn scope_slot(scope: Scope, projects: usize) -> usize {
    match scope {
        Scope::Project(c) => c as usize,
        Scope::All => projects,
    }
}

/// Where one language's pages sit in the report folder, and where their pairs in the other
/// language sit when both are written (`--lang both`: Welsh at the top, English in `en/`).
#[derive(Debug, Clone)]
pub struct Layout {
    pub lang: Language,
    /// Folder of this language's pages inside the report folder: `""` or `"en/"`.
    pub root: String,
    /// The paired pages, when both languages are written.
    pub pair: Option<Pair>,
}

/// The other language's pages: their folder, and the words of the link to them (in that
/// language, so that its readers find it).
#[derive(Debug, Clone)]
pub struct Pair {
    pub root: String,
    pub code: &'static str,
    pub name: String,
}

impl Pair {
    fn new(root: &str, lang: Language) -> Pair {
        let text = Text::of(lang);
        Pair {
            root: root.into(),
            code: text.code(),
            name: text.get("language-name"),
        }
    }
}

impl Layout {
    /// One language's pages alone at the top of the folder.
    pub fn single(lang: Language) -> Layout {
        Layout {
            lang,
            root: String::new(),
            pair: None,
        }
    }

    /// The layouts of the languages asked for, Welsh first; with both, each page links to
    /// its pair, the second language's pages in `en/`.
    pub fn for_lang(languages: Languages) -> Vec<Layout> {
        let langs: Vec<Language> = languages.iter().collect();
        match langs.as_slice() {
            [first, second] => vec![
                Layout {
                    lang: *first,
                    root: String::new(),
                    pair: Some(Pair::new("en/", *second)),
                },
                Layout {
                    lang: *second,
                    root: "en/".into(),
                    pair: Some(Pair::new("", *first)),
                },
            ],
            _ => langs.into_iter().map(Layout::single).collect(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Funder {
    pub name: String,
    pub slug: String,
    pub projects: Vec<u32>,
}

/// A page's context holds the run's data and what is made of it once for every page; the
/// data's fields are read straight through it (`ctx.tables`, `ctx.comparison`).
impl<'a> std::ops::Deref for PageContext<'a> {
    type Target = Data<'a>;

    fn deref(&self) -> &Data<'a> {
        &self.data
    }
}

impl<'a> PageContext<'a> {
    pub fn new(
        data: Data<'a>,
        config: &'a Config,
        css: String,
        generated: i32,
        layout: Layout,
    ) -> PageContext<'a> {
        let (tables, figures, checked) = (data.tables, data.figures, data.checked);
        let project_slugs = unique_slugs(&tables.project_ids);
        let mut funders: Vec<Funder> = Vec::new();
        // Each funder's place in `funders`, by its name with ASCII letters in lower case (names
        // that differ only so are one funder), rather than a search of the list per project.
        let mut funder_of: std::collections::HashMap<String, usize> =
            std::collections::HashMap::new();
        for (code, project) in tables.projects.iter().enumerate() {
            for name in project.iter().flat_map(|p| p.funders.iter()) {
                use std::collections::hash_map::Entry;
                match funder_of.entry(name.to_ascii_lowercase()) {
                    Entry::Occupied(f) => funders[*f.get()].projects.push(code as u32),
                    Entry::Vacant(slot) => {
                        slot.insert(funders.len());
                        funders.push(Funder {
                            name: name.clone(),
                            slug: String::new(),
                            projects: vec![code as u32],
                        });
                    }
                }
            }
        }
        funders.sort_by_key(|f| f.name.to_lowercase());
        let slugs = unique_slugs(&funders.iter().map(|f| f.name.clone()).collect::<Vec<_>>());
        for (f, s) in funders.iter_mut().zip(slugs) {
            f.slug = s;
        }
        let n = tables.project_ids.len();
        let index = FigureIndex::of(figures, n);
        let ledger_totals = checked.ledger.iter().fold((0, 0, 0, 0, 0), |t, l| {
            (
                t.0 + l.read,
                t.1 + l.used,
                t.2 + l.excluded,
                t.3 + l.duplicates,
                t.4 + l.blank,
            )
        });
        let compare_index = data
            .comparison
            .as_ref()
            .map(|c| FigureIndex::of(c.figures, c.tables.project_ids.len()));
        let code_of: std::collections::HashMap<&str, usize> = tables
            .project_ids
            .iter()
            .enumerate()
            .map(|(code, id)| (id.as_str(), code))
            .collect();
        let excluded: Vec<_> = checked.excluded_rows().collect();
        let mut excluded_by_project = vec![Vec::new(); n];
        for p in &excluded {
            if let Some(&code) = p.project.as_deref().and_then(|id| code_of.get(id)) {
                excluded_by_project[code].push(*p);
            }
        }
        let mut undated = vec![0u64; n + 1];
        for (date, project) in tables.scores.date.iter().zip(&tables.scores.project) {
            if crate::model::is_undated(*date) {
                undated[*project as usize] += 1;
                undated[n] += 1;
            }
        }
        let mut stories_by_project = vec![Vec::new(); n];
        for story in &tables.stories {
            if let Some(list) = stories_by_project.get_mut(story.project as usize) {
                list.push(story);
            }
        }
        let mut narratives_by_project = vec![Vec::new(); n];
        for row in &tables.narratives {
            if let Some(list) = narratives_by_project.get_mut(row.project as usize) {
                list.push(row);
            }
        }
        PageContext {
            data,
            config,
            redactor: Redactor::new(&config.privacy.names),
            project_slugs,
            funders,
            css,
            generated,
            text: Text::of(layout.lang),
            layout,
            index,
            compare_index,
            ledger_totals,
            excluded,
            excluded_by_project,
            undated,
            stories_by_project,
            narratives_by_project,
        }
    }

    /// The rows left out of one project (by code), or of all (`None`), in the order they were
    /// found.
    pub fn excluded_of(&self, code: Option<u32>) -> &[&'a crate::problems::Problem] {
        match code {
            Some(code) => &self.excluded_by_project[code as usize],
            None => &self.excluded,
        }
    }

    /// User text quoted on a page, redacted (SPEC 4.4): `told` is its stated language, if
    /// any. The marker of what was removed is in that language (else the page's), and names
    /// are found in their Welsh mutations too unless the text is stated to be English.
    pub fn quoted(&self, text: &str, told: Option<Language>) -> String {
        let marker = Text::of(told.unwrap_or(self.text.lang)).get("redacted");
        self.redactor
            .redact_with(text, &marker, told != Some(Language::En))
    }

    fn slot(&self, scope: Scope) -> usize {
        scope_slot(scope, self.tables.project_ids.len())
    }

    /// The outcome rows of one scope.
    /// The shown outcome rows of a scope, with their figures.
    pub fn shown_outcomes(&self, scope: Scope) -> impl Iterator<Item = ShownOutcome<'a>> + use<'a> {
        self.outcomes_of(scope).iter().filter_map(ShownOutcome::of)
    }

    /// The social value rows of a scope (SPEC 4.9), in the order of its outcome rows.
    pub fn social_of(&self, scope: Scope) -> &'a [crate::figures::social::SocialValue] {
        let figures: &'a Figures = self.figures;
        &figures.social[self.index.social[self.slot(scope)].clone()]
    }

    /// A project's stories, in table order.
    pub fn project_stories(&self, code: u32) -> &[&'a crate::model::Story] {
        self.stories_by_project
            .get(code as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// A project's narrative rows, in table order.
    pub fn project_narratives(&self, code: u32) -> &[&'a crate::model::Narrative] {
        self.narratives_by_project
            .get(code as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// How many scores of a scope have no date.
    pub fn undated_of(&self, scope: Scope) -> u64 {
        self.undated.get(self.slot(scope)).copied().unwrap_or(0)
    }

    pub fn outcomes_of(&self, scope: Scope) -> &'a [crate::figures::OutcomeSummary] {
        self.current().outcomes_of(scope)
    }

    /// The row ledger's totals: rows read, used, left out, duplicates and blank.
    pub fn ledger_totals(&self) -> (u64, u64, u64, u64, u64) {
        self.ledger_totals
    }

    /// This period's figures, indexed.
    pub fn current(&self) -> Indexed<'_, 'a> {
        Indexed {
            figures: self.figures,
            index: &self.index,
        }
    }

    /// The comparison period's figures, indexed, when there is one.
    pub fn compared(&self) -> Option<Indexed<'_, 'a>> {
        Some(Indexed {
            figures: self.comparison.as_ref()?.figures,
            index: self.compare_index.as_ref()?,
        })
    }

    /// The output sums of one scope.
    pub fn outputs_of(&self, scope: Scope) -> &'a [crate::figures::OutputSum] {
        self.current().outputs_of(scope)
    }

    /// The outcome rows of the projects `codes` (a funder's, or all), in the figures' order.
    pub fn outcomes_of_projects(&self, codes: &[u32]) -> Vec<&'a crate::figures::OutcomeSummary> {
        self.current().outcomes_of_projects(codes)
    }

    /// The output sums of the projects `codes` (a funder's, or all), in the figures' order.
    pub fn outputs_of_projects(&self, codes: &[u32]) -> Vec<&'a crate::figures::OutputSum> {
        self.current().outputs_of_projects(codes)
    }

    /// A project's self-audit score of one principle.
    pub fn audit_of(
        &self,
        code: u32,
        principle: crate::model::Principle,
    ) -> Option<&'a crate::figures::AuditSummary> {
        self.current().audit_of(code, principle)
    }

    /// A project's evidence rows, one per principle in the order of SPEC 1.1.
    pub fn evidence_of(&self, code: u32) -> &'a [crate::figures::PrincipleEvidence] {
        let figures: &'a Figures = self.figures;
        &figures.evidence[self.index.evidence[code as usize].clone()]
    }

    /// The story counts of one scope (rows are per project in code order, then `ALL`).
    pub fn stories_of(&self, scope: Scope) -> crate::figures::StorySummary {
        self.figures
            .stories
            .get(self.slot(scope))
            .filter(|s| s.scope == Some(scope))
            .cloned()
            .unwrap_or_default()
    }

    /// The name a reader knows a project by, in the page's language where one is given.
    pub fn project_name(&self, code: u32) -> String {
        match &self.tables.projects[code as usize] {
            Some(p) => match (&p.name_cy, self.text.lang) {
                (Some(cy), Language::Cy) if !cy.trim().is_empty() => cy.clone(),
                _ => p.name.clone(),
            },
            None => self.tables.project_ids[code as usize].clone(),
        }
    }

    /// A measure's name, in the page's language where one is given.
    pub fn measure_name(&self, code: u32) -> &str {
        let m = &self.tables.measures[code as usize];
        match (&m.label_cy, self.text.lang) {
            (Some(cy), Language::Cy) if !cy.trim().is_empty() => cy,
            _ => &m.name,
        }
    }

    pub fn min_cell(&self) -> u32 {
        self.figures.suppression.min_cell
    }

    /// "fewer than 5" with the threshold in force.
    /// An output measure's name in the page's language: its `measure_en` or `measure_cy` when
    /// the outputs gave one, else as written.
    pub fn output_name(&self, code: u32) -> &'a str {
        let slot = match self.text.lang {
            Language::En => 0,
            Language::Cy => 1,
        };
        self.tables.output_names[code as usize][slot]
            .as_deref()
            .unwrap_or(&self.tables.output_measures[code as usize])
    }

    /// The reporting period in words: "Reporting period: all dates", or its two ends.
    pub fn period_words(&self) -> String {
        let text = self.text;
        match (self.from, self.to) {
            (None, None) => text.get("period-all"),
            (Some(f), Some(t)) => tr!(
                text,
                "period-between",
                from = text.date(f),
                to = text.date(t)
            ),
            (Some(f), None) => tr!(text, "period-from", from = text.date(f)),
            (None, Some(t)) => tr!(text, "period-to", to = text.date(t)),
        }
    }

    /// How a hidden figure reads (SPEC 4.8 rule 6): "fewer than k" for a small group or a
    /// small count (rules 1 and 2), "hidden to protect a small group" for a figure hidden
    /// because it would give another away (rules 3 to 5).
    pub fn hidden_for(&self, reason: Reason) -> String {
        match reason {
            Reason::Primary | Reason::Numerator => self.hidden(),
            Reason::Complement | Reason::Secondary | Reason::Audit => {
                self.text.get("hidden-protect")
            }
        }
    }

    pub fn hidden(&self) -> String {
        tr!(self.text, "hidden", min = self.min_cell().to_string())
    }

    /// A verdict in a few words, for tables and lists ("got worse", "too few people").
    pub fn verdict_short(&self, verdict: crate::figures::Verdict) -> String {
        self.text.get(&format!("verdict-short-{}", verdict.key()))
    }

    /// The report's title: the config's, or the default in the page's language.
    pub fn title(&self) -> String {
        let report = &self.config.report;
        match (&report.title_cy, self.text.lang) {
            (Some(cy), Language::Cy) if !cy.trim().is_empty() => cy.clone(),
            _ if report.title == crate::config::DEFAULT_TITLE => self.text.get("default-title"),
            _ => report.title.clone(),
        }
    }

    pub fn footer(&self) -> String {
        let files = self.checked.inputs.len() as u64;
        tr!(
            self.text,
            "footer",
            version = env!("CARGO_PKG_VERSION"),
            date = self.text.date(self.generated),
            n_files = files,
            files = super::views::count(files),
            min = self.min_cell().to_string()
        )
    }

    /// The path of a page (given relative to its language's folder) in the report folder.
    pub fn path(&self, page: &str) -> String {
        format!("{}{page}", self.layout.root)
    }

    /// A new page at `path` (relative to its language's folder), with its fixed text.
    fn page(&self, title: String, kicker: &str, path: &str) -> Page {
        let depth = path.matches('/').count();
        let up = "../".repeat(depth);
        let text = self.text;
        let pair = self.layout.pair.as_ref().map(|pair| {
            let up_to_top = "../".repeat(depth + self.layout.root.matches('/').count());
            super::views::PairLink {
                href: format!("{up_to_top}{}{path}", pair.root),
                lang: pair.code.into(),
                text: pair.name.clone(),
            }
        });
        Page {
            lang: text.code().into(),
            title,
            kicker: text.get(kicker),
            subtitle: None,
            breadcrumb: if depth > 0 {
                vec![Link {
                    text: tr!(text, "crumb-portfolio", title = self.title()),
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
            skip: text.get("skip-link"),
            breadcrumb_label: text.get("breadcrumb-label"),
            contents_label: text.get("contents-heading"),
            pair,
        }
    }
}

/// A page to write: its path inside the report folder and its view.
pub struct PageOut {
    pub path: String,
    pub page: Page,
}

/// One project's board briefing (for benchmarks and tests of a single page).
pub fn project_page(ctx: &PageContext<'_>, code: u32) -> PageOut {
    PageOut {
        path: ctx.path(&project::path(ctx, code)),
        page: project::project(ctx, code),
    }
}

/// How many pages [`all`] makes: the portfolio, one a project and one a funder.
pub fn count(ctx: &PageContext<'_>) -> usize {
    1 + ctx.tables.project_ids.len() + ctx.funders.len()
}

/// Every page of the report, built in parallel (a national portfolio has a thousand), each
/// handed to `then` (rendered and written) as soon as it is built: a page's view is dropped once rendered
/// rather than all kept until the last.
pub fn all<R: Send>(ctx: &PageContext<'_>, then: impl Fn(PageOut) -> R + Sync) -> Vec<R> {
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
        .map(|w| {
            then(match w {
                Which::Portfolio => PageOut {
                    path: ctx.path("index.html"),
                    page: portfolio::portfolio(ctx),
                },
                Which::Project(code) => project_page(ctx, *code),
                Which::Funder(funder) => PageOut {
                    path: ctx.path(&portfolio::funder_path(funder)),
                    page: portfolio::funder(ctx, funder),
                },
            })
        })
        .collect()
}
