//! Redaction of quoted text (SPEC 4.4): e-mail addresses, UK phone numbers, UK postcodes and
//! the names listed in config `[privacy] names` become `[removed]` (or its word in the text's
//! language) before any text is quoted. Only stories with consent are ever passed here; the
//! rest are counted, never shown.
//!
//! Names are matched on a folded copy of the text that keeps, for each of its characters, the
//! place of the original it came from: Unicode NFC, then case, accents and apostrophes folded
//! away (Siân is Sian, O’Brien is O'Brien and OBrien), and any run of white space one space.
//! A name is taken literally (its characters are never a pattern), matched as whole words (a
//! name that ends in "." included), and, in Welsh text or text of no stated language, in its
//! soft, nasal and aspirate mutations too (Dai: Ddai, Nai; Caerdydd: Gaerdydd, Nghaerdydd,
//! Chaerdydd). A listed full name does not make its parts names.

use regex::{Regex, RegexBuilder};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

pub const REMOVED: &str = "[removed]";

/// The patterns of one run (the names come from config).
pub struct Redactor {
    /// E-mail addresses, phone numbers and postcodes, on the NFC text.
    contacts: Vec<Regex>,
    /// The listed names, folded, as they are written.
    names: Option<Regex>,
    /// The listed names and their Welsh mutations, folded.
    names_welsh: Option<Regex>,
}

/// The text folded for matching names, with the byte range of the NFC text each folded
/// character came from.
struct Folded {
    text: String,
    /// For each byte of `text`: the start and end in the original of its character.
    origin: Vec<(usize, usize)>,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´' | '′')
}

/// Case, accents and apostrophes folded away, runs of white space made one space.
fn fold(text: &str) -> Folded {
    let mut out = Folded {
        text: String::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len()),
    };
    let mut last_space = false;
    for (start, ch) in text.char_indices() {
        let end = start + ch.len_utf8();
        if ch.is_whitespace() {
            if !last_space {
                out.text.push(' ');
                out.origin.push((start, end));
                last_space = true;
            } else if let Some(o) = out.origin.last_mut() {
                o.1 = end;
            }
            continue;
        }
        last_space = false;
        if is_apostrophe(ch) {
            continue;
        }
        for base in std::iter::once(ch)
            .nfd()
            .filter(|c| !is_combining_mark(*c))
            .flat_map(char::to_lowercase)
        {
            let before = out.text.len();
            out.text.push(base);
            for _ in before..out.text.len() {
                out.origin.push((start, end));
            }
        }
    }
    out
}

/// A listed name as it is matched: folded (never a pattern).
fn folded_name(name: &str) -> String {
    fold(&name.nfc().collect::<String>())
        .text
        .trim()
        .to_string()
}

/// The soft, nasal and aspirate mutations of a Welsh word's first consonant (folded, lower
/// case): the forms a name takes after words such as "i", "yng", "a".
fn mutations(word: &str) -> Vec<String> {
    const RULES: [(&str, &[&str]); 9] = [
        ("p", &["b", "mh", "ph"]),
        ("t", &["d", "nh", "th"]),
        ("c", &["g", "ngh", "ch"]),
        ("b", &["f", "m"]),
        ("d", &["dd", "n"]),
        ("g", &["", "ng"]),
        ("m", &["f"]),
        ("ll", &["l"]),
        ("rh", &["r"]),
    ];
    // "ll" and "rh" before their first letters.
    let mut rules = RULES.to_vec();
    rules.sort_by_key(|(from, _)| std::cmp::Reverse(from.len()));
    for (from, to) in rules {
        if let Some(rest) = word.strip_prefix(from) {
            return to
                .iter()
                .map(|t| format!("{t}{rest}"))
                .filter(|m| !m.is_empty())
                .collect();
        }
    }
    Vec::new()
}

/// A name as a whole-words pattern: a word boundary only at an end that is a word character,
/// so "jr." ends with its dot.
fn whole_words(folded: &str) -> String {
    let starts = folded.chars().next().is_some_and(char::is_alphanumeric);
    let ends = folded
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    format!(
        "{}{}{}",
        if starts { r"\b" } else { "" },
        regex::escape(folded),
        if ends { r"\b" } else { "" }
    )
}

fn alternation(names: &[String]) -> Option<Regex> {
    if names.is_empty() {
        return None;
    }
    // Longer names first, so a full name wins over one that starts it.
    let mut names = names.to_vec();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.dedup();
    let pattern = names
        .iter()
        .map(|n| whole_words(n))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&pattern).ok()
}

impl Redactor {
    pub fn new(names: &[String]) -> Redactor {
        let fixed = [
            // E-mail addresses.
            r"[\w.%+\-]+@[\w\-]+(?:\.[\w\-]+)+",
            // UK phone numbers: 0, +44 or 0044 (with an optional (0) after the country code),
            // then 9 or 10 more digits with any spaces, dots, hyphens or brackets between them.
            r"(?:\+44|\b0044)(?:[\s.\-]*\(0\))?(?:[\s.\-()]*\d){9,10}\b|(?:\(|\b)0(?:[\s.\-()]*\d){9,10}\b",
            // UK postcodes (LL55 1AA, CF10 3NQ, SW1A 1AA), any case and spacing.
            r"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}\b",
        ];
        let contacts = fixed
            .iter()
            .filter_map(|p| RegexBuilder::new(p).case_insensitive(true).build().ok())
            .collect();
        let listed: Vec<String> = names
            .iter()
            .map(|n| folded_name(n))
            .filter(|n| !n.is_empty())
            .collect();
        let mut welsh = listed.clone();
        for name in &listed {
            let (first, rest) = match name.split_once(' ') {
                Some((f, r)) => (f, format!(" {r}")),
                None => (name.as_str(), String::new()),
            };
            welsh.extend(mutations(first).into_iter().map(|m| format!("{m}{rest}")));
        }
        Redactor {
            contacts,
            names: alternation(&listed),
            names_welsh: alternation(&welsh),
        }
    }

    /// The text with every match replaced by `[removed]`; names in their Welsh mutations too.
    pub fn redact(&self, text: &str) -> String {
        self.redact_with(text, REMOVED, true)
    }

    /// The text (as NFC) with every match replaced by `marker` (the word in the text's
    /// language, "[wedi'i dynnu]" in a Welsh story). `welsh`: whether the text may be Welsh
    /// (its language is cy or not given), so that mutated names are found too.
    pub fn redact_with(&self, text: &str, marker: &str, welsh: bool) -> String {
        let mut out: String = text.nfc().collect();
        for p in &self.contacts {
            out = p.replace_all(&out, regex::NoExpand(marker)).into_owned();
        }
        let names = if welsh {
            &self.names_welsh
        } else {
            &self.names
        };
        let Some(names) = names else {
            return out;
        };
        let folded = fold(&out);
        let mut result = String::with_capacity(out.len());
        let mut copied = 0;
        for m in names.find_iter(&folded.text) {
            let (start, end) = (folded.origin[m.start()].0, folded.origin[m.end() - 1].1);
            if start < copied {
                continue;
            }
            result.push_str(&out[copied..start]);
            result.push_str(marker);
            copied = end;
        }
        result.push_str(&out[copied..]);
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each form of SPEC 4.4 and issue 14, with the text expected written by hand.
    #[test]
    fn every_form_is_removed() {
        let r = Redactor::new(&[
            "O'Brien".to_string(),
            "Siân Jones".to_string(),
            "Tom Jones Jr.".to_string(),
            "Jones.*".to_string(),
            "Dai".to_string(),
            "Gwenllian".to_string(),
            "Bryn".to_string(),
            "Caerdydd".to_string(),
            "Gareth".to_string(),
            "Llŷr".to_string(),
        ]);
        let cases: &[(&str, bool, &str)] = &[
            // Curly apostrophe for a straight one, and no apostrophe at all.
            ("Ask Mrs O’Brien", false, "Ask Mrs [removed]"),
            ("Ask Mrs OBrien", false, "Ask Mrs [removed]"),
            // Decomposed Unicode (a + combining circumflex), and no accent at all.
            ("Sia\u{302}n Jones came", false, "[removed] came"),
            ("Sian Jones came", false, "[removed] came"),
            // A name split by a line break or two spaces.
            ("Siân\nJones came", false, "[removed] came"),
            ("Siân  Jones came", false, "[removed] came"),
            // A name ending in ".", and one with pattern characters taken literally.
            (
                "Thanks to Tom Jones Jr. today",
                false,
                "Thanks to [removed] today",
            ),
            ("Jones.* is a name", false, "[removed] is a name"),
            ("Jonesy Jones came", false, "Jonesy Jones came"),
            // Phones: 0044, dots, and the usual forms; postcodes with two spaces.
            ("ring 0044 29 2018 0000 now", false, "ring [removed] now"),
            ("ring 07700.900.123", false, "ring [removed]"),
            (
                "ring 07700 900123 or (029) 2018 1234",
                false,
                "ring [removed] or [removed]",
            ),
            ("ring +44 (0)29 2018 0000", false, "ring [removed]"),
            ("at CF10  1AA today", false, "at [removed] today"),
            ("at cf103nq", false, "at [removed]"),
            ("mail dai@example.org", false, "mail [removed]"),
            // Welsh mutations in Welsh text (or text of no stated language) only.
            ("Diolch i Ddai", true, "Diolch i [removed]"),
            ("fy Nai", true, "fy [removed]"),
            ("i Wenllian", true, "i [removed]"),
            ("a Fryn", true, "a [removed]"),
            ("yng Nghaerdydd", true, "yng [removed]"),
            ("o Gaerdydd", true, "o [removed]"),
            ("a Chaerdydd", true, "a [removed]"),
            ("ei Areth", true, "ei [removed]"),
            ("i Lyr", true, "i [removed]"),
            ("I met Ddai", false, "I met Ddai"),
            // Ordinary words and numbers stay; a part of a full name is not a name.
            ("I went 3 times in 2024", false, "I went 3 times in 2024"),
            ("Daisy and Jones came", false, "Daisy and Jones came"),
            ("Siân came alone", false, "Siân came alone"),
        ];
        for (text, welsh, expected) in cases {
            assert_eq!(
                r.redact_with(text, REMOVED, *welsh),
                *expected,
                "redacting {text:?}"
            );
        }
    }

    #[test]
    fn folding_keeps_places() {
        let f = fold("Sia\u{302}n  O’Brien");
        assert_eq!(f.text, "sian obrien");
        assert_eq!(f.origin.len(), f.text.len());
    }
}
