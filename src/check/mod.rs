//! Checking across rows and sources (SPEC 3): definitions, the single-project rule, measures of
//! scores, exact duplicates, conflicting scores and story ids, then the canonical tables and the
//! row ledger. Every row read ends in exactly one of used, excluded, duplicate or blank, and the
//! ledger counts those statuses, so "nothing lost" is a fact about the rows, not a subtraction.

mod definitions;
mod duplicates;
mod period;
mod place;
mod waves;

pub use period::{PeriodLeftOut, restrict};

use duplicates::Seen;
use place::{Builder, Codes, ProjectResolver, Refs, finish_projects};

use crate::config::LoadedConfig;
use crate::ingest::rows::{ParsedSheet, RowStatus};
use crate::ingest::{Ingested, InputFile};
use crate::model::Tables;
use crate::problems::{Problem, Severity, TableLedger};
use crate::schema::{Field, Kind};
use std::collections::HashMap;

/// A measure with fewer paired people than this is marked indicative only (SPEC 3.1, 4.3).
pub const INDICATIVE_BELOW: usize = 30;

/// The outcome of reading and checking: the canonical tables, the ledger and every problem.
#[derive(Debug, Default)]
pub struct Checked {
    pub tables: Tables,
    pub ledger: Vec<TableLedger>,
    pub problems: Vec<Problem>,
    pub inputs: Vec<InputFile>,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    pub fn excluded_rows(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Excluded)
    }

    /// `--strict`: row problems become errors.
    pub fn make_strict(&mut self) {
        for p in &mut self.problems {
            if p.severity == Severity::Excluded {
                p.severity = Severity::Error;
            }
        }
    }
}

/// Checks what was read and builds the canonical tables.
pub fn check(ingested: Ingested, config: &LoadedConfig) -> Checked {
    let Ingested {
        inputs,
        mut sheets,
        mut problems,
    } = ingested;
    let project_defs = definitions::projects(&mut sheets, &mut problems);
    let measures = definitions::measures(&mut sheets, config, &mut problems);
    let mut projects = Codes::default();
    for id in project_defs.projects.keys() {
        projects.code(id);
    }
    // Single-project rule: the one project of a sheet's workbook or folder, if it has one.
    let mut singles: Vec<Option<u32>> = Vec::with_capacity(sheets.len());
    for sheet in &sheets {
        let single = project_defs
            .single
            .get(&sheet.info.group)
            .map(|id| projects.code(id));
        singles.push(single);
        let needs_project = !matches!(sheet.info.kind, Kind::Projects | Kind::Measures);
        if needs_project && single.is_none() && sheet.info.column(Field::ProjectId).is_none() {
            let what = if sheet.info.sheet.is_some() {
                "workbook"
            } else {
                "folder"
            };
            problems.push(Problem {
                sheet: sheet.info.sheet.clone(),
                row: Some(sheet.info.header_row),
                ..Problem::file(
                    Severity::Error,
                    &sheet.info.file,
                    format!(
                        "required column \"project_id\" is missing from the header row (row {}), and this {what} has no projects table with exactly one project to supply it: add the column, or a one-row projects sheet",
                        sheet.info.header_row
                    ),
                )
            });
        }
    }
    let mut builder = Builder {
        measures: &measures,
        tables: Tables::default(),
        problems: &mut problems,
        projects,
        output_measures: Default::default(),
        people: Codes::default(),
        refs: Refs::default(),
        seen: Seen::default(),
        first_use: Default::default(),
        sheet_names: Vec::new(),
    };
    for (i, sheet) in sheets.iter_mut().enumerate() {
        let mut resolver = ProjectResolver {
            cache: vec![None; sheet.strings.len()],
            single: singles[i],
        };
        builder.sheet(i as u32, sheet, &mut resolver);
    }
    builder.duplicates_and_conflicts(&mut sheets);
    builder.order_undated(&mut sheets);
    let scores_used = builder.settle_rows(&mut sheets);
    let Builder {
        mut tables,
        projects,
        people,
        first_use,
        ..
    } = builder;
    tables.measures = measures;
    tables.people = people.into_names();
    // Rows left out when read, in a sheet without a project id for them, belong to the one
    // project of their workbook or folder, if it has one.
    let single_of: HashMap<(&str, Option<&str>), &str> = sheets
        .iter()
        .zip(&singles)
        .filter_map(|(sheet, single)| {
            let id = projects.get((*single)?);
            Some(((sheet.info.file.as_str(), sheet.info.sheet.as_deref()), id))
        })
        .collect();
    for p in problems.iter_mut() {
        if p.severity == Severity::Excluded
            && p.project.is_none()
            && let Some(id) = single_of.get(&(p.file.as_str(), p.sheet.as_deref()))
        {
            p.project = Some((*id).to_string());
        }
    }
    let mut undefined: Vec<(u32, Problem)> = first_use
        .into_iter()
        .filter(|(code, _)| !project_defs.projects.contains_key(projects.get(*code)))
        .collect();
    undefined.sort_by(|(a, _), (b, _)| projects.get(*a).cmp(projects.get(*b)));
    problems.extend(undefined.into_iter().map(|(_, p)| p));
    finish_projects(&mut tables, projects, &project_defs.projects);
    let ledger = sheets
        .iter()
        .zip(scores_used)
        .map(|(sheet, used)| ledger_of(sheet, used))
        .collect();
    Checked {
        tables,
        ledger,
        problems,
        inputs,
    }
}

/// A warning per measure with fewer than 30 paired people across the run (SPEC 3.1), from
/// the paired counts the figures step finds when it pairs the scores (`(measure, people)`
/// for every measure used), so that 2 million scores are not paired twice.
pub fn indicative_warnings(tables: &Tables, paired: &[(u32, u64)]) -> Vec<Problem> {
    paired
        .iter()
        .filter(|(_, n)| *n < INDICATIVE_BELOW as u64)
        .map(|(m, n)| Problem {
            column: Some("measure".into()),
            value: Some(tables.measures[*m as usize].name.clone()),
            ..Problem::file(
                Severity::Warning,
                "",
                format!(
                    "has {n} paired people in all (fewer than {INDICATIVE_BELOW}): its figures are indicative only"
                ),
            )
        })
        .collect()
}

fn ledger_of(sheet: &ParsedSheet, scores_used: u64) -> TableLedger {
    let outcomes = sheet.info.kind == Kind::Outcomes;
    let mut ledger = TableLedger {
        scores_read: outcomes.then_some(sheet.scores_read),
        scores_used: outcomes.then_some(scores_used),
        file: sheet.info.file.clone(),
        sheet: sheet.info.sheet.clone(),
        table: sheet.info.kind,
        read: sheet.status.len() as u64,
        used: 0,
        excluded: 0,
        duplicates: 0,
        blank: 0,
    };
    for status in &sheet.status {
        match status {
            RowStatus::Used => ledger.used += 1,
            RowStatus::Excluded => ledger.excluded += 1,
            RowStatus::Duplicate => ledger.duplicates += 1,
            RowStatus::Blank => ledger.blank += 1,
            // A row no step decided about would be lost: count it as excluded so the ledger
            // shows it rather than balancing by itself. No path leaves a row pending.
            RowStatus::Pending => ledger.excluded += 1,
        }
    }
    ledger
}
