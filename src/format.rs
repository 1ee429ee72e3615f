//! How numbers and dates are written for people: in pages (grouped thousands, pounds,
//! percentages, signed changes) and in tables and messages (a number as a spreadsheet shows it,
//! ISO dates), and dates as the day numbers every table holds. A leaf: it imports nothing of
//! mwm, so every step may use it.

use chrono::{Datelike, NaiveDate};

/// Days since 1970-01-01 of the Unix epoch, the representation polars uses for dates.
pub fn days_from_ymd(year: i32, month: u32, day: u32) -> Option<i32> {
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    Some(date.num_days_from_ce() - UNIX_EPOCH_DAYS_FROM_CE)
}

const UNIX_EPOCH_DAYS_FROM_CE: i32 = 719_163;

/// The calendar date of a day number.
pub fn naive_date(days: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(days.checked_add(UNIX_EPOCH_DAYS_FROM_CE)?)
}

/// Digits grouped in threes: 1234567 → "1,234,567".
fn group(digits: &str) -> String {
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A number rounded to `decimals`, with thousands grouped.
pub fn number(v: f64, decimals: usize) -> String {
    use std::fmt::Write;
    // One buffer, and none more below 1,000: charts write thousands of these a page.
    let mut text = String::with_capacity(24);
    let _ = write!(text, "{:.*}", decimals, v.abs());
    let whole = text.find('.').unwrap_or(text.len());
    // No minus on a number that rounds to zero.
    let negative = v < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0');
    if whole <= 3 && !negative {
        return text;
    }
    let mut out = String::with_capacity(text.len() + whole / 3 + 1);
    if negative {
        out.push('-');
    }
    out.push_str(&group(&text[..whole]));
    out.push_str(&text[whole..]);
    out
}

/// A count: "1,234".
pub fn count(n: u64) -> String {
    group(&n.to_string())
}

/// Money in pounds: whole pounds from £100, pence below.
pub fn money(v: f64) -> String {
    let decimals = if v.abs() >= 100.0 { 0 } else { 2 };
    let text = number(v, decimals);
    // A loss reads "-£96,000", the sign before the pound sign.
    match text.strip_prefix('-') {
        Some(positive) => format!("-£{positive}"),
        None => format!("£{text}"),
    }
}

/// A percentage, whole.
pub fn pct(v: f64) -> String {
    format!("{}%", number(v, 0))
}

/// A change with its sign: "+1.6", "-0.4".
pub fn signed(v: f64, decimals: usize) -> String {
    let n = number(v, decimals);
    if n.starts_with('-') || n.trim_start_matches(['0', '.']).is_empty() {
        n
    } else {
        format!("+{n}")
    }
}

/// A number the way a spreadsheet shows it: whole numbers without `.0`.
pub fn format_number(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// ISO `YYYY-MM-DD`, the form dates take in every table mwm writes.
pub fn format_date(days: i32) -> String {
    match naive_date(days) {
        Some(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        None => format!("day {days}"),
    }
}

/// An error with every cause after it, because the top message often hides the reason
/// (tera's and polars' errors especially).
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        text.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    text
}
