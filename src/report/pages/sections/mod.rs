//! Sections that more than one page shows, one file per family of figures: outcomes (change
//! and reliable change), evidence by principle, stories (the spectrum of engagement and
//! personal outcomes with quotes), and the closing data-quality and method sections. Each
//! section builds its charts with a sentence that says the finding, and the table of numbers
//! that the chart shows.

mod evidence;
mod narrative;
mod outcomes;
mod periods;
mod quality;
mod stories;
mod worth;

pub use evidence::principles;
pub use narrative::narrative;
pub use outcomes::{findings, outcomes};
pub use periods::{against, beside};
pub use quality::{data_quality, glossary, method};
pub use stories::{personal_outcomes, spectrum};
pub use worth::social_value;

/// Below this many paired people a measure is marked indicative only (SPEC 4.3): the same
/// bound as the warning of the checks.
pub(in crate::report::pages) const INDICATIVE: u64 = crate::check::INDICATIVE_BELOW as u64;

/// The text with its first letter made a capital: Welsh sentences about change start with the
/// verb, which the messages give in lower case.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}
