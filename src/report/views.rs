//! View structs for the pages: plain, serialisable values with every number already formatted
//! in Rust, so the templates hold no logic. One generic page shape (headline, sections of
//! blocks) serves the portfolio, project and funder pages, and the formatting rules for
//! numbers live here once.

pub use crate::format::{count, money, number, pct, signed};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub text: String,
    pub href: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Stat {
    pub label: String,
    pub value: String,
    pub note: Option<String>,
}

pub fn stat(label: &str, value: String, note: Option<String>) -> Stat {
    Stat {
        label: label.to_string(),
        value,
        note,
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Headline {
    pub heading: String,
    /// Context before the findings: what the project is, its dates, the reporting period.
    pub about: Vec<String>,
    pub lead: Option<String>,
    /// What changed, one sentence a measure, harm first (SPEC 5.1).
    pub findings: Vec<Finding>,
    pub stats: Vec<Stat>,
}

/// A sentence of the headline's findings; `tone` is its CSS class: `harm` (something got
/// worse), `good` (an improvement) or `plain`. The words say it too, never the colour alone.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub text: String,
    pub tone: &'static str,
}

/// A term of a page's glossary and what it means here.
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    pub term: String,
    pub meaning: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub id: String,
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub stats: Vec<Stat>,
    pub blocks: Vec<Block>,
}

impl Section {
    pub fn new(id: &str, heading: &str) -> Section {
        Section {
            id: id.to_string(),
            heading: heading.to_string(),
            paragraphs: Vec::new(),
            stats: Vec::new(),
            blocks: Vec::new(),
        }
    }

    pub fn para(mut self, text: impl Into<String>) -> Section {
        self.paragraphs.push(text.into());
        self
    }
}

/// A table cell; `align` is the CSS class of its column: `num` (right) or `txt` (left). A
/// cell without a link, a language or muting gives the template no such field (which it reads
/// as false), as a page holds thousands of cells.
#[derive(Debug, Clone, Serialize)]
pub struct TableCell {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub muted: bool,
    pub align: &'static str,
    /// The cell's language, when it is not the page's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<&'static str>,
}

impl TableCell {
    /// A number or short figure, right-aligned.
    pub fn text(text: impl Into<String>) -> TableCell {
        TableCell {
            text: text.into(),
            href: None,
            muted: false,
            align: "num",
            lang: None,
        }
    }

    /// Words, left-aligned.
    pub fn words(text: impl Into<String>) -> TableCell {
        TableCell {
            align: "txt",
            ..TableCell::text(text)
        }
    }

    /// Items one per line (joined with new lines), left-aligned, with room to read.
    pub fn lines(items: &[String]) -> TableCell {
        TableCell {
            align: "lines",
            ..TableCell::text(items.join("\n"))
        }
    }

    pub fn link(text: impl Into<String>, href: String) -> TableCell {
        TableCell {
            href: Some(href),
            ..TableCell::words(text)
        }
    }

    pub fn muted(text: impl Into<String>) -> TableCell {
        TableCell {
            muted: true,
            ..TableCell::text(text)
        }
    }
}

/// A table; [`Page::with_contents`] aligns each column like its first row.
pub fn table(caption: impl Into<String>, head: Vec<String>, rows: Vec<Vec<TableCell>>) -> Block {
    Block::Table {
        caption: caption.into(),
        head,
        align: Vec::new(),
        rows,
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Quote {
    /// The story's language, when it is not the page's.
    pub lang: Option<String>,
    pub title: Option<String>,
    pub text: String,
    /// Who told it, when, and what mattered, shown joined by "; ".
    pub caption: Vec<QuotePart>,
    /// The service's translation into the other language, shown beneath the quote with its
    /// label in the page's language.
    pub translation: Option<QuotePart>,
}

/// A piece of a quote's caption: fixed words, or a label and the teller's own words in
/// their language (`lang` when it is not the page's).
#[derive(Debug, Clone, Serialize)]
pub struct QuotePart {
    pub label: Option<String>,
    pub text: String,
    pub lang: Option<String>,
}

impl QuotePart {
    pub fn words(text: String) -> QuotePart {
        QuotePart {
            label: None,
            text,
            lang: None,
        }
    }
}

/// A piece of a section. Charts are SVG made by `charts`, the only markup marked safe.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    Heading {
        text: String,
    },
    Note {
        text: String,
    },
    /// A paragraph among the blocks (a section's own paragraphs come before them).
    Para {
        text: String,
    },
    Chart {
        svg: String,
        caption: String,
    },
    Table {
        caption: String,
        head: Vec<String>,
        align: Vec<&'static str>,
        rows: Vec<Vec<TableCell>>,
    },
    Quotes {
        quotes: Vec<Quote>,
    },
    List {
        items: Vec<String>,
        /// The items' language, when it is not the page's.
        lang: Option<String>,
    },
    /// Terms and their meanings (a page's glossary).
    Terms {
        terms: Vec<Term>,
    },
    /// A passage of the project's own words (its narrative), in its language.
    Passage {
        /// What the passage is, in the page's language ("Written in Welsh:").
        label: Option<String>,
        paragraphs: Vec<String>,
        lang: Option<String>,
    },
}

impl Block {
    /// A chart in a figure whose caption is the chart's description (the finding in words),
    /// so the two never differ.
    pub fn chart(chart: crate::charts::Chart) -> Block {
        Block::Chart {
            svg: chart.svg,
            caption: chart.desc,
        }
    }
}

/// The table of a bar chart's numbers: each bar's label and the value written at its end.
pub fn bar_rows(bars: &[crate::charts::bars::Bar]) -> Vec<Vec<TableCell>> {
    bars.iter()
        .map(|b| {
            vec![
                TableCell::text(b.label.clone()),
                TableCell::text(b.text.clone()),
            ]
        })
        .collect()
}

/// A chart followed by the table of the numbers it shows (SPEC 5.1).
pub fn chart_with_table(
    text: &crate::i18n::Text,
    chart: crate::charts::Chart,
    head: Vec<String>,
    rows: Vec<Vec<TableCell>>,
) -> Vec<Block> {
    let caption = crate::tr!(text, "chart-numbers", title = chart.title.as_str());
    vec![Block::chart(chart), table(caption, head, rows)]
}

/// The link from a page to its pair in the other language (`--lang both`).
#[derive(Debug, Clone, Serialize)]
pub struct PairLink {
    pub href: String,
    /// The other language's code, for `lang` and `hreflang`.
    pub lang: String,
    /// The other language's name, in that language: "Cymraeg", "English".
    pub text: String,
}

/// A whole page.
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    pub lang: String,
    pub title: String,
    pub kicker: String,
    pub subtitle: Option<String>,
    pub breadcrumb: Vec<Link>,
    pub headline: Option<Headline>,
    pub contents: Vec<Link>,
    pub sections: Vec<Section>,
    pub footer: String,
    pub css: String,
    /// Fixed words of the template, in the page's language.
    pub skip: String,
    pub breadcrumb_label: String,
    pub contents_label: String,
    pub pair: Option<PairLink>,
}

impl Page {
    /// Fills the table of contents from the sections.
    pub fn with_contents(mut self) -> Page {
        // Each table column is aligned like its cells in the first row.
        for section in &mut self.sections {
            for block in &mut section.blocks {
                if let Block::Table { align, rows, .. } = block
                    && let Some(first) = rows.first()
                {
                    *align = first.iter().map(|c| c.align).collect();
                }
            }
        }
        self.contents = self
            .sections
            .iter()
            .map(|s| Link {
                text: s.heading.clone(),
                href: format!("#{}", s.id),
            })
            .collect();
        self
    }
}

/// Slugs live in their own module (SPEC 5.5 limits their length).
pub use super::slug::{slug, unique_slugs};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_for_readers() {
        assert_eq!(number(1234567.891, 1), "1,234,567.9");
        assert_eq!(number(-0.04, 1), "0.0");
        assert_eq!(number(-1.25, 1), "-1.2");
        // Rounding that reaches a thousand, signs below one, and three-digit numbers (by hand).
        assert_eq!(number(999.96, 1), "1,000.0");
        assert_eq!(number(-999.96, 1), "-1,000.0");
        assert_eq!(number(-5.0, 0), "-5");
        assert_eq!(number(123.0, 0), "123");
        assert_eq!(number(-123456.0, 0), "-123,456");
        assert_eq!(money(726.0869), "£726");
        assert_eq!(money(12.5), "£12.50");
        assert_eq!(money(33400.0), "£33,400");
        assert_eq!(money(-96000.0), "-£96,000");
        assert_eq!(pct(44.444), "44%");
        assert_eq!(signed(1.55, 1), "+1.6");
        assert_eq!(signed(-0.4, 1), "-0.4");
        assert_eq!(signed(0.0, 1), "0.0");
        assert_eq!(count(1234), "1,234");
    }

    #[test]
    fn slugs_as_specified() {
        assert_eq!(slug("WRX-CHOIR"), "wrx-choir");
        assert_eq!(slug("P 01 / a"), "p-01-a");
        assert_eq!(slug("--x--"), "x");
        let ids = vec!["A-B".to_string(), "a b".to_string(), "A_B".to_string()];
        assert_eq!(unique_slugs(&ids), vec!["a-b", "a-b-2", "a-b-3"]);
    }
}
