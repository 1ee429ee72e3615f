//! Cell values: one parser per kind of value of SPEC 2.3 (numbers, dates, booleans, lists,
//! identifiers, whole numbers). Every parser is a pure function of one cell, so it can be tested
//! alone and fuzzed; what is wrong comes back as a short phrase ("is not a number") that the
//! caller joins to the cell's place.

use crate::format::{days_from_ymd, format_date, format_number, naive_date};
use crate::schema::split_list;
use chrono::Datelike;

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
    /// A spreadsheet date cell whose serial number is no date mwm accepts (Excel's fictitious
    /// 1900-02-29, a year outside [`FIRST_YEAR`]..=[`LAST_YEAR`], a negative serial): the
    /// serial, and what is wrong with it.
    NoDate(f64, &'static str),
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
            Cell::NoDate(serial, _) => format_number(*serial),
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
/// Words that mean "no value" in a number, date or score cell (SPEC 2.3), in any case: NA,
/// N/A, n.a., -, –, missing, not answered, dim ateb. Never in a yes/no cell, where Welsh "na"
/// is no.
pub fn is_missing_word(text: &str) -> bool {
    // Called on every text cell of a large file: no allocation (the words are ASCII but –,
    // which has no case).
    const WORDS: [&str; 7] = [
        "na",
        "n/a",
        "n.a.",
        "-",
        "missing",
        "not answered",
        "dim ateb",
    ];
    let t = text.trim();
    // No word starts with a digit: most cells are numbers, dates or ids.
    if t.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    t == "–" || (t.len() <= 12 && WORDS.iter().any(|w| t.eq_ignore_ascii_case(w)))
}

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
            if let Some(n) = parse_number_text(t) {
                return Ok(Some(n));
            }
            if is_missing_word(t) {
                return Ok(None);
            }
            Err("is not a number: write it with digits, like 12, 12.5, 1,234 or £1,200.50".into())
        }
        Cell::Bool(_) => Err("is a true/false value, not a number".into()),
        Cell::Date(_) | Cell::NoDate(..) => Err("is a date, not a number".into()),
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

/// The first and last years of a date mwm accepts. Evaluations report on services that run
/// now: a year before 1900 or after 2100 is a typing error (`0024` for `2024`) or a number read
/// as a date (serial 1e9 is the year 2,739,765, which Excel shows as `########`), and the
/// financial quarters of SPEC 4.1 are written with four-digit years. Excel has no dates before
/// 1900 either.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2100;

/// The largest serial of a 1900-system date cell that is a real date (9999-12-31); calamine
/// shows every larger serial as that date.
const MAX_DATE_SERIAL: f64 = 2_958_465.0;

/// A spreadsheet date cell from its serial number and the calendar date the reader made of
/// it, which is clamped to 9999-12-31 above and to the epoch below, and is Excel's fictitious
/// 29 February 1900 for serial 60 in the 1900 system.
pub fn date_cell(serial: f64, (year, month, day): (u16, u8, u8)) -> Cell<'static> {
    if !(0.0..MAX_DATE_SERIAL + 1.0).contains(&serial) {
        return Cell::NoDate(serial, OUT_OF_RANGE_DATE);
    }
    if (year, month, day) == (1900, 2, 29) {
        return Cell::NoDate(
            serial,
            "is 29 February 1900, a day that never was (Excel counts 1900 as a leap year): type the date the row means",
        );
    }
    match days_from_ymd(year as i32, month as u32, day as u32) {
        Some(days) if (FIRST_YEAR..=LAST_YEAR).contains(&(year as i32)) => Cell::Date(days),
        _ => Cell::NoDate(serial, OUT_OF_RANGE_DATE),
    }
}

const OUT_OF_RANGE_DATE: &str = "is a date cell outside the years 1900 to 2100 (the cell may hold a number formatted as a date): type the date again";

/// A date: a spreadsheet date cell, `YYYY-MM-DD` (a time after it is ignored), `D/M/YYYY`,
/// `D/M/YY` (20YY) or `YYYY-MM` (the first of the month), in the years [`FIRST_YEAR`] to
/// [`LAST_YEAR`]. A plain number is refused: it is too easily a score typed in the wrong
/// column. What is wrong is said precisely: a day a month does not have, a month 13, a year
/// out of range.
pub fn date(cell: Cell<'_>) -> Result<Option<i32>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(d) => match naive_date(d).map(|d| d.year()) {
            Some(year) if (FIRST_YEAR..=LAST_YEAR).contains(&year) => Ok(Some(d)),
            _ => Err(OUT_OF_RANGE_DATE.into()),
        },
        Cell::NoDate(_, why) => Err(why.into()),
        Cell::Text(t) => {
            let t = t.trim();
            if t.is_empty() || is_missing_word(t) {
                return Ok(None);
            }
            match date_text(t) {
                Ok(d) => Ok(Some(d)),
                Err(_) if parse_number_text(t).is_some() => Err(PLAIN_NUMBER_DATE.into()),
                Err(why) => Err(why),
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
    date_text(t).ok()
}

const NOT_A_DATE: &str = "is not a date (use YYYY-MM-DD, DD/MM/YYYY or a date cell)";

/// The text form of a date, or what is wrong with it.
fn date_text(t: &str) -> Result<i32, String> {
    fn num(s: &str, min_len: usize, max_len: usize) -> Result<u32, String> {
        if s.len() < min_len || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(NOT_A_DATE.into());
        }
        s.parse().map_err(|_| NOT_A_DATE.to_string())
    }
    // The usual form, YYYY-MM-DD, read straight from its ten bytes (millions of cells).
    let b = t.as_bytes();
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit())
    {
        let d = |i: usize| u32::from(b[i] - b'0');
        let year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
        return real_date(year as i32, d(5) * 10 + d(6), d(8) * 10 + d(9));
    }
    let (year, month, day) = if t.contains('/') {
        let mut parts = t.split('/');
        let (Some(d), Some(m), Some(y), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(NOT_A_DATE.into());
        };
        let (day, month) = (num(d, 1, 2)?, num(m, 1, 2)?);
        let year = match y.len() {
            2 => 2000 + num(y, 2, 2)?,
            4 => num(y, 4, 4)?,
            _ => return Err(NOT_A_DATE.into()),
        };
        (year, month, day)
    } else {
        // ISO, possibly followed by a time (`2024-03-05T10:00:00`, `2024-03-05 10:00`).
        let date_part = t.split(['T', ' ']).next().unwrap_or(t);
        let mut parts = date_part.split('-');
        let year = num(parts.next().unwrap_or(""), 4, 4)?;
        let month = num(parts.next().ok_or(NOT_A_DATE)?, 1, 2)?;
        let day = match parts.next() {
            Some(d) => num(d, 1, 2)?,
            None if date_part.len() == t.len() => 1,
            None => return Err(NOT_A_DATE.into()),
        };
        if parts.next().is_some() {
            return Err(NOT_A_DATE.into());
        }
        (year, month, day)
    };
    real_date(year as i32, month, day)
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The day number of a calendar date, or why there is no such date: no month 13, no 31
/// February, no year outside [`FIRST_YEAR`]..=[`LAST_YEAR`].
fn real_date(year: i32, month: u32, day: u32) -> Result<i32, String> {
    if !(1..=12).contains(&month) {
        // 03/15/2024 is month first (US order): say so, and how to write it.
        if (1..=12).contains(&day) && (13..=31).contains(&month) {
            return Err(format!(
                "is not a date: there is no month {month}; it looks written month first, but dates are read day first: for {month} {} {year} write {month}/{day:02}/{year}",
                MONTHS[day as usize - 1]
            ));
        }
        return Err(format!(
            "is not a date: there is no month {month} (dates are read day first, DD/MM/YYYY, or as YYYY-MM-DD)"
        ));
    }
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return Err(format!(
            "is not a date mwm accepts: the year {year} is outside {FIRST_YEAR} to {LAST_YEAR}"
        ));
    }
    days_from_ymd(year, month, day).ok_or_else(|| {
        let name = MONTHS[month as usize - 1];
        let ordinal = match day {
            1 | 21 | 31 => "st",
            2 | 22 => "nd",
            3 | 23 => "rd",
            _ => "th",
        };
        if day == 0 {
            format!("is not a date: there is no day 0 of {name}")
        } else {
            format!("is not a date: {name} {year} has no {day}{ordinal}")
        }
    })
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

/// The items of a `funding` cell (SPEC 2.4): `Funder name: amount`, separated by `;` or new
/// lines (never commas, which belong to the amounts), each split at its last `:`; the amount
/// in pounds, with or without `£` and thousands commas. An item that is not of that form is
/// returned as the error, as written.
pub fn funding_items(text: &str) -> Result<Vec<(String, f64)>, String> {
    let mut items = Vec::new();
    for item in text
        .split([';', '\n', '\r'])
        .map(str::trim)
        .filter(|i| !i.is_empty())
    {
        let parsed = item.rsplit_once(':').and_then(|(name, amount)| {
            let name = name.trim();
            // "Fund A: 10,000, Fund B: 5,000" is two items joined by a comma, not a funder
            // called "Fund A: 10,000, Fund B": refused rather than guessed.
            if name.rsplit_once(':').is_some_and(|(_, before)| {
                before
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit() || c == '£')
            }) {
                return None;
            }
            let amount: String = amount
                .trim()
                .trim_start_matches('£')
                .chars()
                .filter(|c| *c != ',' && !c.is_whitespace())
                .collect();
            let amount: f64 = amount.parse().ok()?;
            (!name.is_empty() && amount.is_finite() && amount >= 0.0)
                .then(|| (name.to_string(), amount))
        });
        match parsed {
            Some(p) => items.push(p),
            None => return Err(item.to_string()),
        }
    }
    Ok(items)
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

    #[test]
    fn funding_items_split_at_the_last_colon() {
        // By hand: two items, commas in an amount, a £ sign, a colon in a name.
        assert_eq!(
            funding_items("Fund A: 10,000; Arts: Wales: £8,500.50\nB:0"),
            Ok(vec![
                ("Fund A".to_string(), 10_000.0),
                ("Arts: Wales".to_string(), 8_500.5),
                ("B".to_string(), 0.0),
            ])
        );
        assert_eq!(funding_items(" ; "), Ok(vec![]));
        for bad in [
            "Fund A 10000",
            "Fund A: ten",
            ": 5",
            "Fund A: -5",
            "Fund A: 1e999",
            "Fund A: 10,000, Fund B: 5,000",
        ] {
            assert_eq!(funding_items(bad), Err(bad.trim().to_string()), "{bad}");
        }
    }
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
            "0000-01-01",
            "2101-01-01",
            "29/02/1900",
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
    fn what_is_wrong_with_a_date_is_said() {
        let why = |t: &str| date(Cell::Text(t)).unwrap_err();
        assert_eq!(
            why("31/02/2024"),
            "is not a date: February 2024 has no 31st"
        );
        assert_eq!(
            why("2023-02-29"),
            "is not a date: February 2023 has no 29th"
        );
        assert_eq!(why("31/4/24"), "is not a date: April 2024 has no 31st");
        assert_eq!(why("0/4/2024"), "is not a date: there is no day 0 of April");
        assert!(why("1/13/2024").contains("there is no month 13"));
        // Month first (US order): the message says so and gives the day-first form.
        assert_eq!(
            why("03/15/2024"),
            "is not a date: there is no month 15; it looks written month first, but dates are read day first: for 15 March 2024 write 15/03/2024"
        );
        // Missing-value words are no value, not a wrong date (SPEC 2.3).
        assert_eq!(date(Cell::Text("n/a")), Ok(None));
        assert_eq!(number(Cell::Text("Dim ateb")), Ok(None));
        assert_eq!(number(Cell::Text("–")), Ok(None));
        // A yes/no cell keeps Welsh "na" as no.
        assert_eq!(boolean(Cell::Text("na")), Ok(Some(false)));
        assert!(why("0000-01-01").contains("the year 0 is outside 1900 to 2100"));
        assert!(why("1899-12-31").contains("the year 1899"));
        assert!(why("March 2024").starts_with("is not a date (use"));
        assert!(why("45000").contains("plain number"));
        // 2024 is a leap year, 2100 is not (divisible by 100, not by 400).
        assert!(date(Cell::Text("29/02/2024")).is_ok());
        assert_eq!(
            why("29/02/2100"),
            "is not a date: February 2100 has no 29th"
        );
    }

    #[test]
    fn date_cells_outside_the_calendar_are_row_problems() {
        // What calamine makes of each serial in the 1900 system: serial 60 is Excel's
        // fictitious 1900-02-29; 1e9 and 1e15 are clamped to 9999-12-31; 45356 is 2024-03-05
        // (Excel: =DATE(2024,3,5) shows 45356).
        assert_eq!(
            date_cell(45356.0, (2024, 3, 5)),
            Cell::Date(days_from_ymd(2024, 3, 5).unwrap())
        );
        for (serial, ymd) in [
            (60.0, (1900, 2, 29)),
            (1e9, (9999, 12, 31)),
            (1e15, (9999, 12, 31)),
            (2_958_465.0, (9999, 12, 31)),
            (0.0, (1899, 12, 31)),
            (-5.0, (1899, 12, 31)),
            (f64::NAN, (1899, 12, 31)),
        ] {
            let cell = date_cell(serial, ymd);
            let why = date(cell).unwrap_err();
            assert!(!why.contains("plain number"), "{serial}: {why}");
            assert!(number(cell).is_err(), "{serial}");
        }
        assert!(
            date(date_cell(60.0, (1900, 2, 29)))
                .unwrap_err()
                .contains("29 February 1900")
        );
        assert_eq!(date_cell(1e9, (9999, 12, 31)).shown(), "1000000000");
        // A date cell of year 1850 (from an ODS date value) is out of range too.
        assert!(date(Cell::Date(days_from_ymd(1850, 1, 1).unwrap())).is_err());
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
        fn valid_dates_read_back(days in -26_000i32..60_000) {
            let d = naive_date(days).unwrap();
            let uk = format!("{}/{}/{}", d.day(), d.month(), d.year());
            if (FIRST_YEAR..=LAST_YEAR).contains(&d.year()) {
                prop_assert_eq!(parse_date_text(&uk), Some(days));
                prop_assert_eq!(parse_date_text(&format_date(days)), Some(days));
            }
        }
    }
}
