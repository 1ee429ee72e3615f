//! Cell values: one parser per kind of value of SPEC 2.3 (numbers, dates, booleans, lists,
//! identifiers, whole numbers). Every parser is a pure function of one cell, so it can be tested
//! alone and fuzzed; what is wrong comes back as a short phrase ("is not a number") that the
//! caller joins to the cell's place.

use crate::format::{days_from_ymd, format_date, format_number};
use crate::schema::split_list;

/// One cell as a reader hands it over: borrowed text, so CSV fields and spreadsheet strings
/// are parsed where they lie, without a copy per cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    Empty,
    Text(&'a str),
    Number(f64),
    Bool(bool),
    /// A spreadsheet date (or the date part of a date-time), as days since 1970-01-01.
    Date(i32),
    /// A spreadsheet error value such as `#DIV/0!`.
    Error(&'a str),
}

impl Cell<'_> {
    /// True when the cell holds nothing once spaces are trimmed.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The value as the user sees it, for messages and `excluded_rows.csv`.
    pub fn shown(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) => format_number(*n),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Date(d) => format_date(*d),
            Cell::Error(e) => e.to_string(),
        }
    }
}

/// Trimmed text, or `None` for a blank cell.
pub fn text(cell: Cell<'_>) -> Option<String> {
    match cell {
        Cell::Empty => None,
        Cell::Text(t) => {
            let t = t.trim();
            (!t.is_empty()).then(|| t.to_string())
        }
        other => Some(other.shown()),
    }
}

/// An identifier (`project_id`, `person_id`, `story_id`): text, and a whole-number cell becomes
/// its digits (`101`, never `101.0`).
pub fn identifier(cell: Cell<'_>) -> Result<Option<String>, String> {
    match cell {
        Cell::Error(e) => Err(format!("is a spreadsheet error ({e}), not an identifier")),
        other => Ok(text(other)),
    }
}

/// A number: a numeric cell, or text such as `1,234`, `£1,200.50`, `-3`, `12.5`. A comma is
/// accepted only between groups of three digits, so `12,5` is refused rather than read as 125.
pub fn number(cell: Cell<'_>) -> Result<Option<f64>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) if n.is_finite() => Ok(Some(n)),
        Cell::Number(_) => Err("is not a finite number".into()),
        Cell::Text(t) => {
            let t = t.trim();
            if t.is_empty() {
                return Ok(None);
            }
            parse_number_text(t).map(Some).ok_or_else(|| {
                "is not a number: write it with digits, like 12, 12.5, 1,234 or £1,200.50"
                    .to_string()
            })
        }
        Cell::Bool(_) => Err("is a true/false value, not a number".into()),
        Cell::Date(_) => Err("is a date, not a number".into()),
        Cell::Error(e) => Err(format!("is a spreadsheet error ({e}), not a number")),
    }
}

/// The text form of a number; `None` when it is not one.
pub fn parse_number_text(t: &str) -> Option<f64> {
    let (negative, rest) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let rest = rest.strip_prefix('£').unwrap_or(rest);
    let (whole, fraction) = match rest.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (rest, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if fraction.is_some_and(|f| f.is_empty() || !digits(f))
        || (whole.is_empty() && fraction.is_none())
    {
        return None;
    }
    let value: f64 = if whole.contains(',') {
        // Commas only between groups of three digits: "1,234,567".
        let mut groups = whole.split(',');
        let first = groups.next()?;
        if first.is_empty() || first.len() > 3 || !digits(first) {
            return None;
        }
        let mut plain = first.to_string();
        for g in groups {
            if g.len() != 3 || !digits(g) {
                return None;
            }
            plain.push_str(g);
        }
        if let Some(f) = fraction {
            plain.push('.');
            plain.push_str(f);
        }
        plain.parse().ok()?
    } else {
        if !digits(whole) {
            return None;
        }
        // Only digits and at most one point are left, which `parse` reads exactly; this is
        // the path of millions of score cells, so it does not allocate.
        rest.parse().ok()?
    };
    value
        .is_finite()
        .then_some(if negative { -value } else { value })
}

/// A whole number within `low..=high` (novelty, audit item and score).
pub fn whole_in(cell: Cell<'_>, low: i64, high: i64) -> Result<Option<u8>, String> {
    let Some(n) = number(cell)? else {
        return Ok(None);
    };
    if n.fract() != 0.0 || n < low as f64 || n > high as f64 {
        return Err(format!("is not a whole number from {low} to {high}"));
    }
    Ok(Some(n as u8))
}

/// A date: a spreadsheet date cell, `YYYY-MM-DD` (a time after it is ignored), `D/M/YYYY`,
/// `D/M/YY` (20YY) or `YYYY-MM` (the first of the month). A plain number is refused: it is
/// too easily a score typed in the wrong column.
pub fn date(cell: Cell<'_>) -> Result<Option<i32>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(d) => Ok(Some(d)),
        Cell::Text(t) => {
            let t = t.trim();
            if t.is_empty() {
                return Ok(None);
            }
            match parse_date_text(t) {
                Some(d) => Ok(Some(d)),
                None if parse_number_text(t).is_some() => Err(PLAIN_NUMBER_DATE.into()),
                None => Err("is not a date (use YYYY-MM-DD, DD/MM/YYYY or a date cell)".into()),
            }
        }
        Cell::Number(_) => Err(PLAIN_NUMBER_DATE.into()),
        Cell::Bool(_) => Err("is a true/false value, not a date".into()),
        Cell::Error(e) => Err(format!("is a spreadsheet error ({e}), not a date")),
    }
}

const PLAIN_NUMBER_DATE: &str =
    "is a plain number, not a date (format the cell as a date, or write YYYY-MM-DD)";

/// The text form of a date; `None` when it is not one.
pub fn parse_date_text(t: &str) -> Option<i32> {
    fn num(s: &str, min_len: usize, max_len: usize) -> Option<u32> {
        if s.len() < min_len || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    }
    if t.contains('/') {
        let mut parts = t.split('/');
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let (day, month) = (num(d, 1, 2)?, num(m, 1, 2)?);
        let year = match y.len() {
            2 => 2000 + num(y, 2, 2)?,
            4 => num(y, 4, 4)?,
            _ => return None,
        };
        return days_from_ymd(year as i32, month, day);
    }
    // ISO, possibly followed by a time (`2024-03-05T10:00:00`, `2024-03-05 10:00`).
    let date_part = t.split(['T', ' ']).next()?;
    let mut parts = date_part.split('-');
    let year = num(parts.next()?, 4, 4)?;
    let month = num(parts.next()?, 1, 2)?;
    let day = match parts.next() {
        Some(d) => num(d, 1, 2)?,
        None if date_part.len() == t.len() => 1,
        None => return None,
    };
    if parts.next().is_some() {
        return None;
    }
    days_from_ymd(year as i32, month, day)
}

/// A yes/no value, English or Welsh (`ie`, `do`, `na`).
pub fn boolean(cell: Cell<'_>) -> Result<Option<bool>, String> {
    const MESSAGE: &str = "is not yes or no (yes/y/true/1/ie/do or no/n/false/0/na)";
    match cell {
        Cell::Empty => Ok(None),
        Cell::Bool(b) => Ok(Some(b)),
        Cell::Number(1.0) => Ok(Some(true)),
        Cell::Number(0.0) => Ok(Some(false)),
        Cell::Text(t) => {
            let t = t.trim();
            if t.is_empty() {
                return Ok(None);
            }
            parse_bool_text(t).map(Some).ok_or_else(|| MESSAGE.into())
        }
        _ => Err(MESSAGE.into()),
    }
}

/// The text form of a boolean; `None` when it is not one.
pub fn parse_bool_text(t: &str) -> Option<bool> {
    match t.to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "ie" | "do" => Some(true),
        "no" | "n" | "false" | "0" | "na" => Some(false),
        _ => None,
    }
}

/// A list separated by `;`, `,` or new lines; empty items are dropped.
pub fn list(cell: Cell<'_>) -> Vec<String> {
    match text(cell) {
        None => Vec::new(),
        Some(t) => split_list(&t).map(str::to_string).collect(),
    }
}

/// Spreadsheet column letters of a 0-based column index (0 → A, 26 → AA).
pub fn column_letters(mut col: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::naive_date;
    use crate::schema::name_key;
    use chrono::Datelike;
    use proptest::prelude::*;

    #[test]
    fn numbers_written_as_text() {
        assert_eq!(parse_number_text("1,234"), Some(1234.0));
        assert_eq!(parse_number_text("£1,200.50"), Some(1200.5));
        assert_eq!(parse_number_text("12.5"), Some(12.5));
        assert_eq!(parse_number_text("-3"), Some(-3.0));
        assert_eq!(parse_number_text("1,234,567"), Some(1_234_567.0));
        assert_eq!(parse_number_text(".5"), Some(0.5));
        for bad in [
            "12,5", "1,23", "1,2345", ",123", "1.", "abc", "", "£", "1e5", "NaN", "inf", "1 000",
        ] {
            assert_eq!(parse_number_text(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_in_every_accepted_form() {
        let march_5 = days_from_ymd(2024, 3, 5).unwrap();
        // 2024-03-05 is day 19787 since 1970-01-01 (Python: date(2024,3,5) - date(1970,1,1)).
        assert_eq!(march_5, 19787);
        for t in [
            "2024-03-05",
            "5/3/2024",
            "05/03/2024",
            "5/3/24",
            "2024-03-05T10:00:00",
            "2024-03-05 10:00",
        ] {
            assert_eq!(parse_date_text(t), Some(march_5), "{t}");
        }
        assert_eq!(parse_date_text("2024-03"), days_from_ymd(2024, 3, 1));
        for bad in [
            "31/02/2024",
            "2024-13-01",
            "5/3/124",
            "March 2024",
            "45000",
            "2024-03T1",
            "1/2/3/4",
        ] {
            assert_eq!(parse_date_text(bad), None, "{bad}");
        }
        assert!(date(Cell::Number(45000.0)).is_err());
        assert_eq!(date(Cell::Date(march_5)), Ok(Some(march_5)));
        assert_eq!(format_date(march_5), "2024-03-05");
    }

    #[test]
    fn booleans_in_english_and_welsh() {
        for t in ["yes", "Y", "TRUE", "1", "ie", "Do"] {
            assert_eq!(parse_bool_text(t), Some(true), "{t}");
        }
        for t in ["no", "N", "false", "0", "na", "NA"] {
            assert_eq!(parse_bool_text(t), Some(false), "{t}");
        }
        assert_eq!(parse_bool_text("maybe"), None);
    }

    #[test]
    fn identifiers_keep_digits() {
        assert_eq!(identifier(Cell::Number(101.0)), Ok(Some("101".into())));
        assert_eq!(identifier(Cell::Text(" P-01 ")), Ok(Some("P-01".into())));
        assert_eq!(identifier(Cell::Text("  ")), Ok(None));
    }

    #[test]
    fn lists_and_names() {
        assert_eq!(list(Cell::Text("a; b,c\nd ;")), vec!["a", "b", "c", "d"]);
        assert_eq!(name_key(" Participant-ID "), "participant id");
        assert_eq!(name_key("project__id"), "project id");
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    proptest! {
        #[test]
        fn number_parser_never_panics_and_round_trips(s in "\\PC{0,40}") {
            let _ = parse_number_text(&s);
            let _ = parse_date_text(&s);
            let _ = parse_bool_text(&s);
            let _ = name_key(&s);
        }

        #[test]
        fn grouped_numbers_read_back(n in 0u64..10_000_000_000, cents in 0u32..100) {
            let plain = n.to_string();
            let mut grouped = String::new();
            for (i, ch) in plain.chars().enumerate() {
                if i > 0 && (plain.len() - i) % 3 == 0 { grouped.push(','); }
                grouped.push(ch);
            }
            let text = format!("£{grouped}.{cents:02}");
            let expected: f64 = format!("{plain}.{cents:02}").parse().unwrap();
            prop_assert_eq!(parse_number_text(&text), Some(expected));
        }

        #[test]
        fn valid_dates_read_back(days in -20_000i32..60_000) {
            let d = naive_date(days).unwrap();
            let uk = format!("{}/{}/{}", d.day(), d.month(), d.year());
            if d.year() >= 1000 {
                prop_assert_eq!(parse_date_text(&uk), Some(days));
                prop_assert_eq!(parse_date_text(&format_date(days)), Some(days));
            }
        }
    }
}
