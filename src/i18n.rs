//! The fixed text of the pages and charts in Welsh and English (SPEC 5.2), from one Fluent
//! file per language (`locales/cy.ftl`, `locales/en.ftl`, compiled into the binary). Fluent
//! picks plural forms by each language's CLDR rules (Welsh has six), so "1 stori", "3 stori"
//! and "120 o bobl" are written by the translation, not by code. Numbers are formatted in Rust
//! (`views`) and passed in as text; counts also pass the number itself for the plural choice.

use crate::model::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// The translation file of each language, as shipped.
pub const EN_FTL: &str = include_str!("../locales/en.ftl");
pub const CY_FTL: &str = include_str!("../locales/cy.ftl");

/// One language's fixed text.
pub struct Text {
    pub lang: Language,
    bundle: FluentBundle<FluentResource>,
}

/// An argument of a message: text, or a number (for plural choice).
pub type Arg<'a> = FluentValue<'a>;

impl Text {
    /// The text of a language, parsed once per run and shared by every page.
    pub fn of(lang: Language) -> &'static Text {
        static EN: OnceLock<Text> = OnceLock::new();
        static CY: OnceLock<Text> = OnceLock::new();
        match lang {
            Language::En => EN.get_or_init(|| Text::new(Language::En)),
            Language::Cy => CY.get_or_init(|| Text::new(Language::Cy)),
        }
    }

    fn new(lang: Language) -> Text {
        let (source, tag) = match lang {
            Language::En => (EN_FTL, "en-GB"),
            Language::Cy => (CY_FTL, "cy-GB"),
        };
        // The files are part of the program and a test parses both, so a failure here is a
        // build mistake, not bad input.
        let resource = FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(_, errors)| panic!("locales/{tag}.ftl does not parse: {errors:?}"));
        let id: unic_langid::LanguageIdentifier = tag.parse().expect("a valid language tag");
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Pages are HTML for readers, not bidirectional UI: no isolation marks around values.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("locales/{tag}.ftl repeats a key: {errors:?}"));
        Text { lang, bundle }
    }

    /// The BCP 47 code of the pages: `en` or `cy`.
    pub fn code(&self) -> &'static str {
        match self.lang {
            Language::En => "en",
            Language::Cy => "cy",
        }
    }

    /// A message with no arguments.
    pub fn get(&self, id: &str) -> String {
        self.fmt(id, &[])
    }

    /// A message with named arguments.
    pub fn fmt(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            debug_assert!(false, "no message {id} in {}.ftl", self.code());
            return format!("[{id}]");
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        debug_assert!(
            errors.is_empty(),
            "message {id} in {}.ftl: {errors:?}",
            self.code()
        );
        text.into_owned()
    }

    /// A count with its noun, in the language's plural form: message `id` gets `$n` (the
    /// number, for the plural choice) and `$count` (the number as shown, "1,234").
    pub fn count(&self, id: &str, n: u64) -> String {
        self.fmt(
            id,
            &[
                ("n", FluentValue::from(n)),
                ("count", FluentValue::from(crate::format::count(n))),
            ],
        )
    }

    /// A date: "3 March 2024" / "3 Mawrth 2024".
    pub fn date(&self, days: i32) -> String {
        use chrono::Datelike;
        match crate::format::naive_date(days) {
            Some(d) => self.fmt(
                "date-long",
                &[
                    ("day", FluentValue::from(d.day().to_string())),
                    ("month", self.get(&format!("month-{}", d.month())).into()),
                    ("year", FluentValue::from(d.year().to_string())),
                ],
            ),
            None => String::new(),
        }
    }

    /// A quarter's label as the tidy tables write it ("2024-25 Q1", "2024-Q3"), for a page:
    /// "Q" is the language's abbreviation ("Ch" in Welsh).
    pub fn quarter(&self, label: &str) -> String {
        label.replace('Q', &self.get("quarter-abbr"))
    }

    /// Names joined as a reader says them: "A", "A and B", "A, B and C" (in Welsh "A, B a C",
    /// "ac" before a vowel); past `at_most` names, "A, B, C and 12 more". Ties are named this
    /// way, never by picking one.
    pub fn and_list<S: AsRef<str>>(&self, items: &[S], at_most: usize) -> String {
        let mut names: Vec<String> = items
            .iter()
            .take(at_most.max(1))
            .map(|s| s.as_ref().to_string())
            .collect();
        if items.len() > names.len() {
            names.push(self.count("list-more", (items.len() - names.len()) as u64));
        }
        match names.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => {
                let vowel = last
                    .chars()
                    .next()
                    .and_then(|c| c.to_lowercase().next())
                    .is_some_and(|c| "aeiouwyâêîôûŵŷáéíóúàèìòùäëïöü".contains(c));
                // Welsh "a" mutates a following c, p or t (Caerdydd a Chaerffili); a name may
                // be English and must stay as written, so there the list says "a hefyd".
                let lower = last.to_lowercase();
                let mutates = ["c", "p", "t"].iter().any(|l| lower.starts_with(l))
                    && !["ch", "ph", "th"].iter().any(|l| lower.starts_with(l));
                let and = self.get(if vowel {
                    "list-and-vowel"
                } else if mutates {
                    "list-and-unmutated"
                } else {
                    "list-and"
                });
                format!("{} {and} {last}", rest.join(", "))
            }
        }
    }

    /// A principle's name.
    pub fn principle(&self, p: crate::model::Principle) -> &'static str {
        match self.lang {
            Language::En => p.label_en(),
            Language::Cy => p.label_cy(),
        }
    }
}

/// Builds `&[("name", value.into()), ..]` for [`Text::fmt`]: `tr!(text, "id", name = value)`.
#[macro_export]
macro_rules! tr {
    ($text:expr, $id:expr) => { $text.get($id) };
    ($text:expr, $id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $text.fmt($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

/// The message ids of a Fluent file with whether each has a value that is not blank.
pub fn messages(source: &str) -> Vec<(String, bool)> {
    use fluent_syntax::ast::{Entry, PatternElement};
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(r, _)| r);
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(m) => {
                let filled = m.value.as_ref().is_some_and(|p| {
                    p.elements.iter().any(|e| match e {
                        PatternElement::TextElement { value } => !value.trim().is_empty(),
                        PatternElement::Placeable { .. } => true,
                    })
                });
                Some((m.id.name.to_string(), filled))
            }
            _ => None,
        })
        .collect()
}

/// Every piece of literal text in a Fluent file's messages, variants included, with its
/// message id: what a page in another language must not contain.
pub fn fragments(source: &str) -> Vec<(String, String)> {
    use fluent_syntax::ast::{Entry, Expression, Pattern, PatternElement};
    fn walk(pattern: &Pattern<&str>, out: &mut Vec<String>) {
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } => out.push(value.to_string()),
                PatternElement::Placeable {
                    expression: Expression::Select { variants, .. },
                } => {
                    for v in variants {
                        walk(&v.value, out);
                    }
                }
                PatternElement::Placeable { .. } => {}
            }
        }
    }
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(r, _)| r);
    let mut out = Vec::new();
    for entry in &resource.body {
        if let Entry::Message(m) = entry
            && let Some(value) = &m.value
        {
            let mut texts = Vec::new();
            walk(value, &mut texts);
            out.extend(texts.into_iter().map(|t| (m.id.name.to_string(), t)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_name_everyone_in_each_language() {
        let en = Text::of(Language::En);
        let cy = Text::of(Language::Cy);
        assert_eq!(en.and_list::<&str>(&[], 3), "");
        assert_eq!(en.and_list(&["Buckley"], 3), "Buckley");
        assert_eq!(en.and_list(&["A", "B"], 3), "A and B");
        assert_eq!(en.and_list(&["A", "B", "C"], 3), "A, B and C");
        assert_eq!(
            en.and_list(&["A", "B", "C", "D", "E"], 3),
            "A, B, C and 2 more"
        );
        // Welsh: "a" before a consonant, "ac" before a vowel (w and y are vowels).
        assert_eq!(cy.and_list(&["Caerdydd", "Bangor"], 3), "Caerdydd a Bangor");
        assert_eq!(cy.and_list(&["Bangor", "Aberdâr"], 3), "Bangor ac Aberdâr");
        assert_eq!(cy.and_list(&["Bangor", "Ystrad"], 3), "Bangor ac Ystrad");
        assert_eq!(cy.and_list(&["A", "B", "C", "D"], 2), "A, B a 2 arall");
        // Never "a Canu" (Welsh wants "a Chanu") nor a mutated English name.
        assert_eq!(cy.and_list(&["Bangor", "Canu"], 3), "Bangor a hefyd Canu");
        assert_eq!(cy.and_list(&["Bangor", "Pill"], 3), "Bangor a hefyd Pill");
        assert_eq!(cy.and_list(&["Bangor", "Thomas"], 3), "Bangor a Thomas");
        assert_eq!(en.and_list(&["Bangor", "Canu"], 3), "Bangor and Canu");
    }

    #[test]
    fn both_files_parse_and_have_the_same_keys_all_filled() {
        for (name, source) in [("en", EN_FTL), ("cy", CY_FTL)] {
            if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                panic!("{name}.ftl: {errors:?}");
            }
        }
        let en = messages(EN_FTL);
        let cy = messages(CY_FTL);
        let keys = |m: &[(String, bool)]| {
            m.iter()
                .map(|(k, _)| k.clone())
                .collect::<std::collections::BTreeSet<_>>()
        };
        let (en_keys, cy_keys) = (keys(&en), keys(&cy));
        let only_en: Vec<_> = en_keys.difference(&cy_keys).collect();
        let only_cy: Vec<_> = cy_keys.difference(&en_keys).collect();
        assert!(only_en.is_empty(), "only in en.ftl: {only_en:?}");
        assert!(only_cy.is_empty(), "only in cy.ftl: {only_cy:?}");
        assert_eq!(en.len(), en_keys.len(), "en.ftl repeats a key");
        assert_eq!(cy.len(), cy_keys.len(), "cy.ftl repeats a key");
        for (file, list) in [("en", &en), ("cy", &cy)] {
            let empty: Vec<_> = list.iter().filter(|(_, f)| !f).map(|(k, _)| k).collect();
            assert!(empty.is_empty(), "empty values in {file}.ftl: {empty:?}");
        }
    }

    #[test]
    fn plural_forms_and_dates() {
        let en = Text::of(Language::En);
        let cy = Text::of(Language::Cy);
        // 2024-03-03 is day 19785 (Python: date(2024,3,3) - date(1970,1,1)).
        assert_eq!(en.date(19785), "3 March 2024");
        assert_eq!(cy.date(19785), "3 Mawrth 2024");
        assert_eq!(en.count("count-projects", 1), "1 project");
        assert_eq!(en.count("count-projects", 3), "3 projects");
        // Welsh: a noun after a numeral stays singular ("3 prosiect").
        assert_eq!(cy.count("count-projects", 3), "3 prosiect");
        assert_eq!(cy.count("count-projects", 1), "1 prosiect");
        assert_eq!(en.count("count-people", 1234), "1,234 people");
        assert_eq!(cy.count("count-people", 1), "1 person");
        assert_eq!(cy.count("count-people", 1234), "1,234 o bobl");
        assert_eq!(en.get("redacted"), crate::report::redact::REMOVED);
        assert_eq!(cy.get("redacted"), "[wedi'i dynnu]");
        assert_eq!(cy.quarter("2024-25 Q1"), "2024-25 Ch1");
    }
}
