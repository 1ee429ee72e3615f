//! Typed figures: what the figures step hands to tables, charts and pages.
//!
//! A figure hidden by disclosure control (SPEC 4.8) is a different type from a shown one:
//! [`Published::Hidden`] carries the rule that hid it and no number, so no page or chart can
//! draw it by mistake (there is no `unwrap_or(0.0)` to reach for). A figure that does not
//! exist (no interval for one person, no reliable change without a measurement error) is an
//! `Option`. Hidden and missing figures become empty cells only in the tidy-table writer.

use serde::Serialize;

/// Why a figure is hidden: the rules of SPEC 4.8, in their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Rule 1: the group has fewer than k people.
    Primary,
    /// Rule 2: the share counts fewer than k people.
    Numerator,
    /// Rule 3: the share would give away a hidden share of the same row.
    Complement,
    /// Rule 4: the share or row would give away a hidden figure of another row.
    Secondary,
}

/// A figure as published: shown, or hidden for a [`Reason`]. A page has to match on it to
/// get a number, so a hidden figure cannot be drawn or written by mistake:
///
/// ```compile_fail
/// use mwm::figures::{Published, Reason};
/// let hidden: Published<f64> = Published::Hidden(Reason::Primary);
/// let drawn: f64 = hidden.unwrap_or(0.0); // no such method: there is no number to default
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Published<T> {
    Shown(T),
    Hidden(Reason),
}

impl<T> Published<T> {
    /// The figure when shown.
    pub fn shown(&self) -> Option<&T> {
        match self {
            Published::Shown(v) => Some(v),
            Published::Hidden(_) => None,
        }
    }

    /// Why the figure is hidden, when it is.
    pub fn hidden(&self) -> Option<Reason> {
        match self {
            Published::Shown(_) => None,
            Published::Hidden(reason) => Some(*reason),
        }
    }

    pub fn is_hidden(&self) -> bool {
        matches!(self, Published::Hidden(_))
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Published<U> {
        match self {
            Published::Shown(v) => Published::Shown(f(v)),
            Published::Hidden(reason) => Published::Hidden(reason),
        }
    }
}

/// A 95% confidence interval, lower bound first.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

impl Interval {
    /// An interval from two bounds that exist together or not at all.
    pub fn of(low: Option<f64>, high: Option<f64>) -> Option<Interval> {
        Some(Interval {
            low: low?,
            high: high?,
        })
    }
}

/// A point estimate with its interval (an effect size, for example).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Estimate {
    pub value: f64,
    pub ci: Interval,
}

/// A share of a group's people, in percent.
pub type Share = Published<f64>;

/// Reliable change (Jacobson and Truax, SPEC 4.3): the shares of paired people who reliably
/// improved, did not reliably change, and reliably deteriorated. They add to 100.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ReliableChange {
    pub improved: Share,
    pub no_change: Share,
    pub deteriorated: Share,
}
