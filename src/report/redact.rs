//! Redaction of quoted stories (SPEC 4.4): e-mail addresses, UK phone numbers, UK postcodes and
//! the names listed in config `[privacy] names` become `[removed]` (or its word in the story's
//! language) before any text is quoted.
//! Only stories with consent are ever passed here; the rest are counted, never shown.

use regex::{Regex, RegexBuilder};

pub const REMOVED: &str = "[removed]";

/// The patterns of one run (the names come from config).
pub struct Redactor {
    patterns: Vec<Regex>,
}

impl Redactor {
    pub fn new(names: &[String]) -> Redactor {
        let fixed = [
            // E-mail addresses.
            r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}",
            // UK phone numbers: +44 or 0, then 9 or 10 more digits with optional spaces,
            // hyphens or brackets (07700 900123, (029) 2018 1234, +44 7700 900 123).
            r"(?:\+44\s?\(?0?\)?|\(?0)\d{2,4}\)?[\s\-]?\d{3,4}[\s\-]?\d{3,4}",
            // UK postcodes (LL55 1AA, CF10 3NQ, SW1A 1AA), with or without the space.
            r"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s?[0-9][A-Z]{2}\b",
        ];
        let mut patterns: Vec<Regex> = fixed
            .iter()
            .filter_map(|p| RegexBuilder::new(p).case_insensitive(true).build().ok())
            .collect();
        for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
            let pattern = format!(r"\b{}\b", regex::escape(name));
            if let Ok(r) = RegexBuilder::new(&pattern).case_insensitive(true).build() {
                patterns.push(r);
            }
        }
        Redactor { patterns }
    }

    /// The text with every match replaced by `[removed]`.
    pub fn redact(&self, text: &str) -> String {
        self.redact_with(text, REMOVED)
    }

    /// The text with every match replaced by `marker` (the word in the text's language,
    /// "[wedi'i dynnu]" in a Welsh story).
    pub fn redact_with(&self, text: &str, marker: &str) -> String {
        let mut out = text.to_string();
        for p in &self.patterns {
            out = p.replace_all(&out, regex::NoExpand(marker)).into_owned();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_contacts_and_names() {
        let r = Redactor::new(&["Dai Jones".to_string()]);
        assert_eq!(
            r.redact("Ring me on 07700 900123 or mail dai@example.org"),
            "Ring me on [removed] or mail [removed]"
        );
        assert_eq!(r.redact("(029) 2018 1234"), "[removed]");
        assert_eq!(r.redact("+44 7700 900 123 please"), "[removed] please");
        assert_eq!(
            r.redact("I live near LL55 1AA now"),
            "I live near [removed] now"
        );
        assert_eq!(r.redact("postcode cf103nq"), "postcode [removed]");
        assert_eq!(r.redact("Dai Jones helped me"), "[removed] helped me");
        // Ordinary numbers and words stay.
        assert_eq!(r.redact("I went 3 times in 2024"), "I went 3 times in 2024");
        assert_eq!(r.redact("Daisy came too"), "Daisy came too");
    }
}
