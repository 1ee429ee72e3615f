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
    /// Rule 7: mwm's own attack on its tables could work a hidden count out exactly.
    Audit,
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

/// What a reader may conclude about a group's change (SPEC 4.3 `verdict`), from the mean
/// change and its 95% interval, in the better direction. The improvement categories with a
/// minimal important difference (mid) are the group-level ones of the R package
/// clinicalsignificance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Worse: the whole interval is below no change.
    Deteriorated,
    /// The interval includes no change.
    NoClearChange,
    /// Better; the measure has no mid to judge how much.
    Improved,
    /// Better, but by less than the mid: the whole interval is below it.
    ImprovedSmall,
    /// Better; the interval spans the mid and the mean is below it.
    ImprovedPossiblyImportant,
    /// Better; the interval spans the mid and the mean is at or above it.
    ImprovedProbablyImportant,
    /// Better by at least the mid: the whole interval is at or above it.
    ImprovedImportant,
    /// Fewer than k paired people, or fewer than two.
    TooFew,
    /// Hidden whole to protect a small group elsewhere (SPEC 4.8 rule 4).
    Hidden,
}

impl Verdict {
    /// The verdict of a group of `n` paired people with mean change `mean_change`, interval
    /// `ci` (raw points, `None` when n < 2) and standard deviation of the changes `sd`, on a
    /// measure whose better direction is `direction` (+1 or -1) and minimal important
    /// difference `mid`, with disclosure threshold `k`.
    pub fn of(
        n: u64,
        k: u64,
        mean_change: f64,
        ci: Option<Interval>,
        sd: Option<f64>,
        direction: f64,
        mid: Option<f64>,
    ) -> Verdict {
        if n < 2 || n < k {
            return Verdict::TooFew;
        }
        let c = direction * mean_change;
        // With no spread the interval is the mean itself (SPEC 4.3).
        let (lo, hi) = match (ci, sd) {
            (_, Some(0.0)) => (c, c),
            (Some(ci), _) => {
                let (a, b) = (direction * ci.low, direction * ci.high);
                (a.min(b), a.max(b))
            }
            (None, _) => return Verdict::TooFew,
        };
        if lo <= 0.0 && 0.0 <= hi {
            return Verdict::NoClearChange;
        }
        if hi < 0.0 {
            return Verdict::Deteriorated;
        }
        match mid {
            None => Verdict::Improved,
            Some(mid) if hi < mid => Verdict::ImprovedSmall,
            Some(mid) if lo >= mid => Verdict::ImprovedImportant,
            Some(mid) if c >= mid => Verdict::ImprovedProbablyImportant,
            Some(_) => Verdict::ImprovedPossiblyImportant,
        }
    }

    /// The name the tidy tables write (`no_clear_change`, ...).
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Deteriorated => "deteriorated",
            Verdict::NoClearChange => "no_clear_change",
            Verdict::Improved => "improved",
            Verdict::ImprovedSmall => "improved_small",
            Verdict::ImprovedPossiblyImportant => "improved_possibly_important",
            Verdict::ImprovedProbablyImportant => "improved_probably_important",
            Verdict::ImprovedImportant => "improved_important",
            Verdict::TooFew => "too_few",
            Verdict::Hidden => "hidden",
        }
    }

    /// Whether the verdict is an improvement of any kind.
    pub fn is_improvement(self) -> bool {
        matches!(
            self,
            Verdict::Improved
                | Verdict::ImprovedSmall
                | Verdict::ImprovedPossiblyImportant
                | Verdict::ImprovedProbablyImportant
                | Verdict::ImprovedImportant
        )
    }

    /// The order "at a glance" lists verdicts in, so that nothing harmful hides behind a good
    /// result: deteriorations first, then improvements from the strongest, then no clear
    /// change, then what cannot be said.
    pub fn rank(self) -> u8 {
        match self {
            Verdict::Deteriorated => 0,
            Verdict::ImprovedImportant => 1,
            Verdict::ImprovedProbablyImportant => 2,
            Verdict::Improved => 3,
            Verdict::ImprovedPossiblyImportant => 4,
            Verdict::ImprovedSmall => 5,
            Verdict::NoClearChange => 6,
            Verdict::TooFew => 7,
            Verdict::Hidden => 8,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const UP: f64 = 1.0;
    const DOWN: f64 = -1.0;

    fn ci(low: f64, high: f64) -> Option<Interval> {
        Some(Interval { low, high })
    }

    /// Each category of SPEC 4.3 with its boundaries, worked out by hand from the rules:
    /// c = dir * mean, [lo, hi] = dir * CI sorted, k = 5 unless said.
    #[test]
    fn every_verdict_and_its_boundaries() {
        let v =
            |n, mean, ci: Option<Interval>, sd, dir, mid| Verdict::of(n, 5, mean, ci, sd, dir, mid);
        // Too few: below k, below 2, and no interval.
        assert_eq!(
            v(4, 3.0, ci(2.0, 4.0), Some(1.0), UP, None),
            Verdict::TooFew
        );
        assert_eq!(
            Verdict::of(1, 1, 3.0, None, None, UP, None),
            Verdict::TooFew
        );
        assert_eq!(
            Verdict::of(0, 1, 0.0, None, None, UP, None),
            Verdict::TooFew
        );
        assert_eq!(
            Verdict::of(5, 5, 3.0, None, Some(1.0), UP, None),
            Verdict::TooFew
        );
        // n = k is enough: [2, 4] above 0, no mid.
        assert_eq!(
            v(5, 3.0, ci(2.0, 4.0), Some(1.0), UP, None),
            Verdict::Improved
        );
        // No clear change: the interval holds 0, including at either end exactly.
        assert_eq!(
            v(26, 2.6, ci(-0.7, 5.9), Some(8.0), UP, Some(3.0)),
            Verdict::NoClearChange
        );
        assert_eq!(
            v(9, 1.0, ci(0.0, 2.0), Some(1.0), UP, None),
            Verdict::NoClearChange
        );
        assert_eq!(
            v(9, -1.0, ci(-2.0, 0.0), Some(1.0), UP, None),
            Verdict::NoClearChange
        );
        // Deteriorated: the whole interval below 0 in the better direction.
        assert_eq!(
            v(9, -1.0, ci(-2.0, -0.1), Some(1.0), UP, None),
            Verdict::Deteriorated
        );
        // Lower is better (anxiety): a rise of [0.2, 1.4] is a deterioration, a fall an
        // improvement (Loneliness at Caernarfon: CI -1.35 to -0.42, lower is better).
        assert_eq!(
            v(9, 0.8, ci(0.2, 1.4), Some(1.0), DOWN, None),
            Verdict::Deteriorated
        );
        assert_eq!(
            v(22, -0.885, ci(-1.35, -0.42), Some(1.0), DOWN, None),
            Verdict::Improved
        );
        // With a mid of 3: below it whole, above it whole (lo = mid exactly counts), across it
        // with the mean above (c = mid exactly counts) or below.
        let mid = Some(3.0);
        assert_eq!(
            v(30, 1.5, ci(0.5, 2.5), Some(2.0), UP, mid),
            Verdict::ImprovedSmall
        );
        assert_eq!(
            v(30, 4.0, ci(3.0, 5.0), Some(2.0), UP, mid),
            Verdict::ImprovedImportant
        );
        assert_eq!(
            v(30, 3.0, ci(1.0, 5.0), Some(2.0), UP, mid),
            Verdict::ImprovedProbablyImportant
        );
        assert_eq!(
            v(30, 2.9, ci(0.9, 4.9), Some(2.0), UP, mid),
            Verdict::ImprovedPossiblyImportant
        );
        // hi = mid exactly is not below it: across, mean below: possibly important.
        assert_eq!(
            v(30, 2.0, ci(1.0, 3.0), Some(2.0), UP, mid),
            Verdict::ImprovedPossiblyImportant
        );
        // Lower is better with a mid: a fall of [-5, -3] is at least the mid.
        assert_eq!(
            v(30, -4.0, ci(-5.0, -3.0), Some(2.0), DOWN, mid),
            Verdict::ImprovedImportant
        );
        // sd_change = 0 and n >= 2: lo = hi = c.
        assert_eq!(
            v(6, 2.0, ci(2.0, 2.0), Some(0.0), UP, None),
            Verdict::Improved
        );
        assert_eq!(
            v(6, 0.0, ci(0.0, 0.0), Some(0.0), UP, None),
            Verdict::NoClearChange
        );
        assert_eq!(
            v(6, -1.0, ci(-1.0, -1.0), Some(0.0), UP, None),
            Verdict::Deteriorated
        );
        assert_eq!(
            v(6, 2.0, ci(2.0, 2.0), Some(0.0), UP, mid),
            Verdict::ImprovedSmall
        );
        assert_eq!(
            v(6, 3.0, ci(3.0, 3.0), Some(0.0), UP, mid),
            Verdict::ImprovedImportant
        );
    }

    #[test]
    fn harm_is_listed_first() {
        let mut all = [
            Verdict::NoClearChange,
            Verdict::ImprovedSmall,
            Verdict::Deteriorated,
            Verdict::ImprovedImportant,
        ];
        all.sort_by_key(|v| v.rank());
        assert_eq!(all[0], Verdict::Deteriorated);
        assert_eq!(all[3], Verdict::NoClearChange);
    }
}
