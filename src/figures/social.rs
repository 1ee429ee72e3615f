//! Social value in WELLBYs (SPEC 4.9): what a change in life satisfaction is worth under the
//! UK Treasury's Green Book wellbeing guidance (2021), where one WELLBY is one point of life
//! satisfaction (0-10) for one person for one year. For every outcome row of a measure with
//! `ls_per_point`; its figures are empty when the row is hidden or has fewer than two people.
//! Values are not discounted, and the values of two measures of one project are never added.

use super::Scope;
use super::outcomes::OutcomeSummary;
use crate::config::ValueConfig;
use crate::model::Tables;
use serde::Serialize;

/// One row of `social_value.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SocialValue {
    pub scope: Scope,
    pub measure: u32,
    /// The project's budget (empty for `ALL`).
    pub budget: Option<f64>,
    pub figures: Option<SocialFigures>,
}

/// The figures of a shown row of two or more people.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SocialFigures {
    pub n_paired: u64,
    pub mean_change: f64,
    pub ls_per_point: f64,
    pub wellbys: f64,
    /// wellbys * wellby_value.
    pub social_value: f64,
    /// From the interval's ends and the value range: the smaller and the larger.
    pub low: f64,
    pub high: f64,
    /// social_value / budget, when the project has a budget above 0.
    pub value_per_pound: Option<f64>,
}

/// The social value of every outcome row of a measure with `ls_per_point`, in the order of
/// the outcome rows.
pub fn social_values(
    tables: &Tables,
    outcomes: &[OutcomeSummary],
    value: &ValueConfig,
) -> Vec<SocialValue> {
    let adj = value.adjustment();
    outcomes
        .iter()
        .filter_map(|o| {
            let m = &tables.measures[o.measure as usize];
            let ls_per_point = m.ls_per_point?;
            let budget = match o.scope {
                Scope::Project(p) => tables.projects[p as usize].as_ref().and_then(|p| p.budget),
                Scope::All => None,
            };
            let figures = o.shown().filter(|f| f.n_paired >= 2).and_then(|f| {
                let dir = if m.higher_is_better { 1.0 } else { -1.0 };
                let c = dir * f.change.mean;
                // lo and hi as in the verdict (SPEC 4.3): the interval in the better
                // direction, lower first; the mean itself when the changes do not vary.
                let (lo, hi) = match (f.change.sd, f.change.ci) {
                    (Some(0.0), _) => (c, c),
                    (_, Some(ci)) => {
                        let (a, b) = (dir * ci.low, dir * ci.high);
                        (a.min(b), a.max(b))
                    }
                    _ => return None,
                };
                let people = ls_per_point * f.n_paired as f64 * adj;
                let wellbys = c * people;
                let social_value = wellbys * value.wellby_value;
                let ends = |x: f64| {
                    [
                        x * people * value.wellby_low,
                        x * people * value.wellby_high,
                    ]
                };
                let [a, b] = ends(lo);
                let [d, e] = ends(hi);
                Some(SocialFigures {
                    n_paired: f.n_paired,
                    mean_change: f.change.mean,
                    ls_per_point,
                    wellbys,
                    social_value,
                    low: a.min(b),
                    high: d.max(e),
                    value_per_pound: budget.filter(|b| *b > 0.0).map(|b| social_value / b),
                })
            });
            Some(SocialValue {
                scope: o.scope,
                measure: o.measure,
                budget,
                figures,
            })
        })
        .collect()
}
