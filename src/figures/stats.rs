//! The statistics of SPEC 4.3 from a group's summary numbers: confidence interval of the mean
//! change (t distribution), paired t-test, Cohen's d_z with its approximate interval, and the
//! reliable-change threshold. The t distribution comes from statrs; nothing here is
//! hand-written numerics beyond the SPEC's formulas.

use statrs::distribution::{ContinuousCDF, StudentsT};

/// The statistics of one group of paired differences.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PairedStats {
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub p_value: Option<f64>,
    pub effect_size: Option<f64>,
    pub es_ci_low: Option<f64>,
    pub es_ci_high: Option<f64>,
}

/// Two-sided 95% quantile of Student's t with `df` degrees of freedom.
pub fn t_975(df: f64) -> Option<f64> {
    let t = StudentsT::new(0.0, 1.0, df).ok()?;
    Some(t.inverse_cdf(0.975))
}

/// Statistics of `n` paired differences with mean `mean_change` and sample standard deviation
/// `sd_change` (`None` when n < 2). `direction` is +1 when higher is better, else -1.
pub fn paired(n: u64, mean_change: f64, sd_change: Option<f64>, direction: f64) -> PairedStats {
    let Some(sd) = sd_change.filter(|_| n >= 2) else {
        return PairedStats::default();
    };
    let nf = n as f64;
    let df = nf - 1.0;
    let se = sd / nf.sqrt();
    let mut stats = PairedStats::default();
    if let Some(t) = t_975(df) {
        stats.ci_low = Some(mean_change - t * se);
        stats.ci_high = Some(mean_change + t * se);
    }
    if sd > 0.0 {
        if let Ok(dist) = StudentsT::new(0.0, 1.0, df) {
            let t = (mean_change / se).abs();
            stats.p_value = Some((2.0 * dist.sf(t)).min(1.0));
        }
        let es = direction * mean_change / sd;
        let half = 1.96 * (1.0 / nf + es * es / (2.0 * nf)).sqrt();
        stats.effect_size = Some(es);
        stats.es_ci_low = Some(es - half);
        stats.es_ci_high = Some(es + half);
    }
    stats
}

/// The reliable-change threshold 1.96 * sqrt(2) * sem (Jacobson and Truax).
pub fn reliable_change_threshold(sem: f64) -> f64 {
    1.96 * 2f64.sqrt() * sem
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn t_quantiles_match_scipy() {
        // scipy.stats.t.ppf(0.975, df) for df = 1, 8, 30.
        assert!(close(t_975(1.0).unwrap(), 12.706204736174698));
        assert!(close(t_975(8.0).unwrap(), 2.306004135204166));
        assert!(close(t_975(30.0).unwrap(), 2.0422724563012373));
    }

    #[test]
    fn paired_matches_scipy_example() {
        // ../shared/examples/small/expected/outcomes_summary.csv, P0002 ONS life satisfaction:
        // n 9, mean change 1/3, sd 1.5 (pandas/scipy, ttest_rel).
        let s = paired(9, 0.3333333333333333, Some(1.5000000000000002), 1.0);
        assert!(close(s.ci_low.unwrap(), -0.8196687342687499));
        assert!(close(s.ci_high.unwrap(), 1.4863354009354164));
        assert!(close(s.p_value.unwrap(), 0.5237424355470292));
        assert!(close(s.effect_size.unwrap(), 0.22222222222222218));
        assert!(close(s.es_ci_low.unwrap(), -0.43912777093047495));
        assert!(close(s.es_ci_high.unwrap(), 0.8835722153749194));
    }

    #[test]
    fn lower_is_better_flips_the_effect() {
        // Same numbers, lower is better: d_z = -(1/3)/1.5 = -0.2222 (by hand).
        let s = paired(9, 0.3333333333333333, Some(1.5000000000000002), -1.0);
        assert!(close(s.effect_size.unwrap(), -0.22222222222222218));
    }

    #[test]
    fn no_spread_and_single_person() {
        // sd 0: CI collapses to the mean, no p and no effect size (SPEC 4.3).
        let s = paired(4, 2.0, Some(0.0), 1.0);
        assert_eq!((s.ci_low, s.ci_high), (Some(2.0), Some(2.0)));
        assert_eq!((s.p_value, s.effect_size, s.es_ci_low), (None, None, None));
        // n 1: nothing.
        assert_eq!(paired(1, 2.0, None, 1.0), PairedStats::default());
    }

    #[test]
    fn threshold_by_hand() {
        // 1.96 * sqrt(2) * 1.03 = 2.8550... (by hand: 1.96 * 1.41421356 * 1.03).
        assert!(close(
            reliable_change_threshold(1.03),
            1.96 * std::f64::consts::SQRT_2 * 1.03
        ));
        assert!((reliable_change_threshold(1.03) - 2.85500).abs() < 1e-4);
    }
}
