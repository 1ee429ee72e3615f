//! The wide outcomes form (SPEC 2.4): one row per person, a column per measure and wave
//! ("WEMWBS T1", "Baseline SWEMWBS", "ONS happiness follow-up") and optional wave dates
//! ("Date T1", "baseline date"). This module names the waves and reads a header into its
//! score and date columns; `cells` reads each row into one score per filled cell.

use crate::schema::name_key;

pub use crate::model::{FOLLOW_UP, UNDATED, is_undated, undated, wave_of_undated};

/// How a wave is written in headers and messages: `T1`..`T9`, or `follow-up`.
pub fn wave_label(wave: u8) -> String {
    if wave == FOLLOW_UP {
        "follow-up".to_string()
    } else {
        format!("T{wave}")
    }
}

/// What a header names in a wide sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WideHeader {
    /// A measure's scores at a wave: the measure as written (words joined by one space).
    Score { name: String, wave: u8 },
    /// The dates of a wave.
    Date { wave: u8 },
}

/// The wave that a header's words (as [`name_key`] gives them) name, if they name exactly one.
fn wave(words: &[&str]) -> Option<u8> {
    let digit = |s: &str| match s.as_bytes() {
        [d @ b'1'..=b'9'] => Some(d - b'0'),
        _ => None,
    };
    match words {
        ["baseline" | "before" | "start" | "pre" | "first" | "entry" | "sylfaen"] => Some(1),
        ["follow", "up"]
        | ["followup" | "after" | "end" | "post" | "last" | "exit" | "dilynol"] => Some(FOLLOW_UP),
        ["wave" | "time", n] => digit(n),
        [t] => t.strip_prefix('t').and_then(digit),
        _ => None,
    }
}

/// Reads a header as a wide column: `<measure> <wave>`, `<wave> <measure>`, `<wave> date` or
/// `date <wave>`. `None` when it names no wave, or nothing besides one.
pub fn parse_header(header: &str) -> Option<WideHeader> {
    // The words as written and as compared: name_key splits at the same separators.
    let written: Vec<&str> = header
        .split(|c: char| c == '-' || c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let key = name_key(header);
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() != written.len() || words.len() < 2 {
        return None;
    }
    let n = words.len();
    // The wave at the end, then at the start; two words ("follow up", "wave 2") before one.
    let mut found = None;
    for len in [2, 1] {
        if n > len
            && let Some(w) = wave(&words[n - len..])
        {
            found = Some((w, 0..n - len));
            break;
        }
    }
    if found.is_none() {
        for len in [2, 1] {
            if n > len
                && let Some(w) = wave(&words[..len])
            {
                found = Some((w, len..n));
                break;
            }
        }
    }
    let (wave, rest) = found?;
    if words[rest.clone()] == ["date"] {
        return Some(WideHeader::Date { wave });
    }
    Some(WideHeader::Score {
        name: written[rest].join(" "),
        wave,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(name: &str, wave: u8) -> Option<WideHeader> {
        Some(WideHeader::Score {
            name: name.into(),
            wave,
        })
    }

    #[test]
    fn headers_as_evaluators_write_them() {
        assert_eq!(parse_header("WEMWBS T1"), score("WEMWBS", 1));
        assert_eq!(parse_header("wemwbs_t2"), score("wemwbs", 2));
        assert_eq!(parse_header("Baseline SWEMWBS"), score("SWEMWBS", 1));
        assert_eq!(
            parse_header("Follow-up SWEMWBS"),
            score("SWEMWBS", FOLLOW_UP)
        );
        assert_eq!(
            parse_header("ONS life satisfaction follow up"),
            score("ONS life satisfaction", FOLLOW_UP)
        );
        assert_eq!(parse_header("ONS_anxiety_wave_3"), score("ONS anxiety", 3));
        assert_eq!(parse_header("Time 9 WEMWBS"), score("WEMWBS", 9));
        assert_eq!(parse_header("SWEMWBS sylfaen"), score("SWEMWBS", 1));
        assert_eq!(parse_header("SWEMWBS dilynol"), score("SWEMWBS", FOLLOW_UP));
        assert_eq!(parse_header("Date T1"), Some(WideHeader::Date { wave: 1 }));
        assert_eq!(
            parse_header("follow-up date"),
            Some(WideHeader::Date { wave: FOLLOW_UP })
        );
        // Not waves: nothing but a wave, no wave, a tenth wave, a wave inside a name.
        for h in [
            "T1",
            "Participant ID",
            "WEMWBS T10",
            "date",
            "T0 WEMWBS",
            "Pre",
        ] {
            assert_eq!(parse_header(h), None, "{h}");
        }
        assert_eq!(parse_header("Start of WEMWBS"), score("of WEMWBS", 1));
    }

    #[test]
    fn undated_scores_sort_in_wave_order_before_dates() {
        assert!(undated(1) < undated(2) && undated(9) < undated(FOLLOW_UP));
        assert!(is_undated(undated(FOLLOW_UP)) && !is_undated(-1_000_000));
        assert_eq!(wave_of_undated(undated(7)), 7);
        assert_eq!(wave_label(3), "T3");
    }
}
