//! Stories (SPEC 4.4): counts per project and across all projects. Stories are few (tens of
//! thousands at most) and carry lists, so they are counted in one pass of plain Rust rather
//! than exploded into frames.

use super::Scope;
use crate::model::{Achieved, Band, Principle, Tables, Teller};
use serde::Serialize;

/// One row of `stories_summary.csv` (plus teller counts for the pages).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct StorySummary {
    pub scope: Option<Scope>,
    pub stories: u64,
    pub quotable: u64,
    pub achieved: u64,
    pub partly: u64,
    pub not_yet: u64,
    /// Per principle, in the order of SPEC 1.1; a story with two principles counts in both.
    pub principles: [u64; 5],
    /// Quotable stories per principle.
    pub quotable_principles: [u64; 5],
    /// Per band: doing to, doing for, doing with (a band-only cell counts here only).
    pub bands: [u64; 3],
    /// Per step 1 to 6.
    pub steps: [u64; 6],
    /// Per teller role, in the order of `Teller::ALL`.
    pub tellers: [u64; 7],
}

impl StorySummary {
    fn add(&mut self, s: &crate::model::Story) {
        self.stories += 1;
        self.quotable += u64::from(s.consent);
        match s.achieved {
            Some(Achieved::Yes) => self.achieved += 1,
            Some(Achieved::Partly) => self.partly += 1,
            Some(Achieved::NotYet) => self.not_yet += 1,
            None => {}
        }
        for p in s.principles.iter() {
            self.principles[p as usize] += 1;
            self.quotable_principles[p as usize] += u64::from(s.consent);
        }
        if let Some(spectrum) = s.spectrum {
            self.bands[spectrum.band as usize] += 1;
            if let Some(step) = spectrum.step {
                self.steps[usize::from(step) - 1] += 1;
            }
        }
        if let Some(t) = s.teller {
            let i = Teller::ALL.iter().position(|x| *x == t).unwrap_or(6);
            self.tellers[i] += 1;
        }
    }

    pub fn principle(&self, p: Principle) -> u64 {
        self.principles[p as usize]
    }

    pub fn band(&self, b: Band) -> u64 {
        self.bands[b as usize]
    }
}

/// One row per project (every project of the run, zeros included) and one `ALL` row.
pub fn summaries(tables: &Tables) -> Vec<StorySummary> {
    let mut rows: Vec<StorySummary> = (0..tables.project_ids.len() as u32)
        .map(|p| StorySummary {
            scope: Some(Scope::Project(p)),
            ..Default::default()
        })
        .collect();
    let mut all = StorySummary {
        scope: Some(Scope::All),
        ..Default::default()
    };
    for s in &tables.stories {
        rows[s.project as usize].add(s);
        all.add(s);
    }
    rows.push(all);
    rows
}
