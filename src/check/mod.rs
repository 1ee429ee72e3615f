//! Checking across rows and sources (SPEC 3): definitions, the single-project rule, measures of
//! scores, exact duplicates, conflicting scores and story ids, then the canonical tables and the
//! row ledger. Every row read ends in exactly one of used, excluded, duplicate or blank, and the
//! ledger counts those statuses, so "nothing lost" is a fact about the rows, not a subtraction.

mod definitions;
mod period;

pub use period::{PeriodLeftOut, restrict};

use crate::config::LoadedConfig;
use crate::ingest::rows::{KindRows, NO_PROJECT, ParsedSheet, RowStatus};
use crate::ingest::{Ingested, InputFile};
use crate::model::{Measure, Story, Tables, retain_marked};
use crate::problems::{Problem, Severity, TableLedger};
use crate::schema::{Field, Kind};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{HashMap, HashSet};

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

/// Codes project ids in first-seen order; [`Tables`] recodes them in byte order at the end.
#[derive(Default)]
struct Codes {
    lookup: FxHashMap<String, u32>,
    names: Vec<String>,
}

impl Codes {
    fn code(&mut self, name: &str) -> u32 {
        if let Some(&c) = self.lookup.get(name) {
            return c;
        }
        let c = self.names.len() as u32;
        self.names.push(name.to_string());
        self.lookup.insert(name.to_string(), c);
        c
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
        output_measures: HashMap::new(),
        people: Codes::default(),
        refs: Refs::default(),
        seen: Seen::default(),
        first_use: HashMap::new(),
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
    let Builder {
        mut tables,
        projects,
        people,
        first_use,
        ..
    } = builder;
    tables.measures = measures;
    tables.people = people.names;
    // Rows left out when read, in a sheet without a project id for them, belong to the one
    // project of their workbook or folder, if it has one.
    let single_of: HashMap<(&str, Option<&str>), &str> = sheets
        .iter()
        .zip(&singles)
        .filter_map(|(sheet, single)| {
            let id = projects.names[(*single)? as usize].as_str();
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
        .filter(|(code, _)| {
            !project_defs
                .projects
                .contains_key(&projects.names[*code as usize])
        })
        .collect();
    undefined.sort_by_key(|(code, _)| projects.names[*code as usize].clone());
    problems.extend(undefined.into_iter().map(|(_, p)| p));
    finish_projects(&mut tables, projects, &project_defs.projects);
    let ledger = sheets.iter().map(ledger_of).collect();
    Checked {
        tables,
        ledger,
        problems,
        inputs,
    }
}

/// Recodes projects in byte order of their ids and attaches their definitions.
fn finish_projects(
    tables: &mut Tables,
    codes: Codes,
    defined: &std::collections::BTreeMap<String, crate::model::Project>,
) {
    let mut order: Vec<u32> = (0..codes.names.len() as u32).collect();
    order.sort_by(|a, b| codes.names[*a as usize].cmp(&codes.names[*b as usize]));
    let mut recode = vec![0u32; order.len()];
    for (new, old) in order.iter().enumerate() {
        recode[*old as usize] = new as u32;
    }
    let remap = |v: &mut Vec<u32>| v.iter_mut().for_each(|c| *c = recode[*c as usize]);
    remap(&mut tables.outputs.project);
    remap(&mut tables.scores.project);
    remap(&mut tables.audit.project);
    for s in &mut tables.stories {
        s.project = recode[s.project as usize];
    }
    tables.project_ids = order
        .iter()
        .map(|o| codes.names[*o as usize].clone())
        .collect();
    tables.projects = tables
        .project_ids
        .iter()
        .map(|id| defined.get(id).cloned())
        .collect();
}

/// Turns a sheet's local project codes into run codes, the empty ones by the single-project rule.
struct ProjectResolver {
    cache: Vec<Option<u32>>,
    single: Option<u32>,
}

impl ProjectResolver {
    fn resolve(
        &mut self,
        sheet: &ParsedSheet,
        projects: &mut Codes,
        first_use: &mut HashMap<u32, Problem>,
        idx: u32,
        local: u32,
    ) -> Option<u32> {
        if local == NO_PROJECT {
            return self.single;
        }
        if let Some(code) = self.cache[local as usize] {
            return Some(code);
        }
        let id = sheet.string(local);
        let code = projects.code(id);
        first_use.entry(code).or_insert_with(|| {
            sheet.info.problem(
                Severity::Warning,
                sheet.row_number(idx),
                Some(Field::ProjectId),
                Some(id.to_string()),
                "has no row in any projects table: it is reported under its id",
            )
        });
        self.cache[local as usize] = Some(code);
        Some(code)
    }
}

/// Where a row of the tables came from, to mark it and to place problems about it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct RowRef {
    sheet: u32,
    idx: u32,
}

struct Builder<'m, 'p> {
    measures: &'m [Measure],
    tables: Tables,
    problems: &'p mut Vec<Problem>,
    projects: Codes,
    /// Output measure names, grouped case-insensitively: lower-case name → code.
    output_measures: HashMap<String, u32>,
    people: Codes,
    /// How each sheet is shown, by sheet index, for messages that point at an earlier row.
    sheet_names: Vec<String>,
    /// The first row that used each project id, for the warning about ids with no projects row.
    first_use: HashMap<u32, Problem>,
    /// Per table row, the sheet row it came from (same order as the columns).
    refs: Refs,
    seen: Seen,
}

#[derive(Default)]
struct Refs {
    scores: Vec<RowRef>,
    audit: Vec<RowRef>,
}

/// What earlier rows held, for exact duplicates and conflicts.
#[derive(Default)]
struct Seen {
    outputs: HashSet<(u32, i32, String, u64, u8, Option<String>)>,
    stories: FxHashSet<Story>,
    /// (project, story_id) → where it was first used: (sheet, row number).
    story_ids: FxHashMap<(u32, String), (u32, u32)>,
    audit: HashSet<(u32, i32, u8, u8, u8)>,
    audit_keys: HashMap<(u32, i32, u8, u8), (u8, bool)>,
}

/// The identity of a score: project, person, measure and date in one number.
fn score_key(project: u32, person: u32, measure: u32, date: i32) -> u128 {
    (u128::from(project) << 96)
        | (u128::from(person) << 64)
        | (u128::from(measure) << 32)
        | u128::from(date as u32)
}

impl Builder<'_, '_> {
    fn missing_project(&mut self, sheet: &mut ParsedSheet, idx: u32) {
        sheet.status[idx as usize] = RowStatus::Excluded;
        let place = if sheet.info.sheet.is_some() {
            "workbook"
        } else {
            "folder"
        };
        self.problems.push(sheet.info.problem(
            Severity::Excluded,
            sheet.row_number(idx),
            Some(Field::ProjectId),
            None,
            format!("is empty, and this {place} has no projects table with exactly one project to supply it: fill in the project id"),
        ));
    }

    /// Leaves out a row of `project` (a project code) with its problem.
    fn exclude(
        &mut self,
        sheet: &mut ParsedSheet,
        (idx, project): (u32, u32),
        field: Field,
        value: String,
        message: String,
    ) {
        sheet.status[idx as usize] = RowStatus::Excluded;
        let mut problem = sheet.info.problem(
            Severity::Excluded,
            sheet.row_number(idx),
            Some(field),
            Some(value),
            message,
        );
        problem.project = Some(self.projects.names[project as usize].clone());
        self.problems.push(problem);
    }

    fn project(
        &mut self,
        resolver: &mut ProjectResolver,
        sheet: &ParsedSheet,
        idx: u32,
        local: u32,
    ) -> Option<u32> {
        resolver.resolve(sheet, &mut self.projects, &mut self.first_use, idx, local)
    }

    /// Resolves the rows of one sheet into the tables, finding duplicates of earlier rows.
    fn sheet(&mut self, sheet_index: u32, sheet: &mut ParsedSheet, resolver: &mut ProjectResolver) {
        self.sheet_names.push(sheet.shown());
        if resolver.single.is_none()
            && sheet.info.column(Field::ProjectId).is_none()
            && !matches!(sheet.info.kind, Kind::Projects | Kind::Measures)
        {
            // A structural error was reported for the sheet; its rows cannot be placed.
            for status in &mut sheet.status {
                if *status == RowStatus::Pending {
                    *status = RowStatus::Excluded;
                }
            }
            return;
        }
        let rows = std::mem::replace(&mut sheet.rows, KindRows::Projects(Vec::new()));
        match &rows {
            KindRows::Projects(_) | KindRows::Measures(_) => {}
            KindRows::Outputs(o) => {
                for i in 0..o.idx.len() {
                    let idx = o.idx[i];
                    let Some(project) = self.project(resolver, sheet, o.idx[i], o.project[i])
                    else {
                        self.missing_project(sheet, idx);
                        continue;
                    };
                    let name = sheet.string(o.measure[i]);
                    let notes = o.notes[i].map(|n| sheet.string(n).to_string());
                    let key = (
                        project,
                        o.date[i],
                        name.to_string(),
                        o.value[i].to_bits(),
                        o.principles[i].0,
                        notes,
                    );
                    if !self.seen.outputs.insert(key) {
                        sheet.status[idx as usize] = RowStatus::Duplicate;
                        continue;
                    }
                    let next = self.tables.output_measures.len() as u32;
                    let measure = *self
                        .output_measures
                        .entry(name.to_lowercase())
                        .or_insert(next);
                    if measure == next {
                        self.tables.output_measures.push(name.to_string());
                    }
                    let t = &mut self.tables.outputs;
                    t.project.push(project);
                    t.date.push(o.date[i]);
                    t.measure.push(measure);
                    t.value.push(o.value[i]);
                    t.principles.push(o.principles[i]);
                    sheet.status[idx as usize] = RowStatus::Used;
                }
            }
            KindRows::Outcomes(o) => self.outcomes(sheet_index, sheet, o, resolver),
            KindRows::Stories(stories) => {
                for row in stories {
                    let Some(project) = self.project(resolver, sheet, row.idx, row.project) else {
                        self.missing_project(sheet, row.idx);
                        continue;
                    };
                    let story = Story {
                        project,
                        story_id: row.story_id.clone().unwrap_or_default(),
                        date: row.date,
                        title: row.title.clone(),
                        text: row.text.clone(),
                        what_matters: row.what_matters.clone(),
                        achieved: row.achieved,
                        principles: row.principles.iter().collect(),
                        spectrum: row.spectrum,
                        consent: row.consent,
                        teller: row.teller,
                        language: row.language,
                    };
                    // Ids are given here or empty (made later), so equal stories are equal rows.
                    if self.seen.stories.contains(&story) {
                        sheet.status[row.idx as usize] = RowStatus::Duplicate;
                        continue;
                    }
                    if let Some(id) = &row.story_id {
                        let key = (project, id.clone());
                        if let Some(&(first_sheet, first_row)) = self.seen.story_ids.get(&key) {
                            let first = format!(
                                "row {first_row} of {}",
                                self.sheet_names[first_sheet as usize]
                            );
                            let message = format!(
                                "is already the story_id of another story of this project ({first}): this later story is left out; give it its own id"
                            );
                            self.exclude(
                                sheet,
                                (row.idx, project),
                                Field::StoryId,
                                id.clone(),
                                message,
                            );
                            continue;
                        }
                        self.seen
                            .story_ids
                            .insert(key, (sheet_index, sheet.row_number(row.idx)));
                    }
                    self.seen.stories.insert(story.clone());
                    self.tables.stories.push(story);
                    sheet.status[row.idx as usize] = RowStatus::Used;
                }
            }
            KindRows::Audit(rows) => {
                for row in rows {
                    let Some(project) = self.project(resolver, sheet, row.idx, row.project) else {
                        self.missing_project(sheet, row.idx);
                        continue;
                    };
                    let principle = row.principle as u8;
                    if !self
                        .seen
                        .audit
                        .insert((project, row.date, principle, row.item, row.score))
                    {
                        sheet.status[row.idx as usize] = RowStatus::Duplicate;
                        continue;
                    }
                    let entry = self
                        .seen
                        .audit_keys
                        .entry((project, row.date, principle, row.item))
                        .or_insert((row.score, false));
                    if entry.0 != row.score {
                        entry.1 = true;
                    }
                    let t = &mut self.tables.audit;
                    t.project.push(project);
                    t.date.push(row.date);
                    t.principle.push(row.principle);
                    t.item.push(row.item);
                    t.score.push(row.score);
                    self.refs.audit.push(RowRef {
                        sheet: sheet_index,
                        idx: row.idx,
                    });
                    sheet.status[row.idx as usize] = RowStatus::Used;
                }
            }
        }
        sheet.rows = rows;
    }

    fn outcomes(
        &mut self,
        sheet_index: u32,
        sheet: &mut ParsedSheet,
        o: &crate::ingest::rows::OutcomeRows,
        resolver: &mut ProjectResolver,
    ) {
        // Room for every row up front: growing tables of millions of rows costs more.
        let rows = o.idx.len();
        self.refs.scores.reserve(rows);
        let t = &mut self.tables.scores;
        for column in [&mut t.project, &mut t.person, &mut t.measure] {
            column.reserve(rows);
        }
        t.date.reserve(rows);
        t.raw.reserve(rows);
        t.score.reserve(rows);
        // Names repeat: resolve each sheet-local measure and person once.
        let mut measure_of: Vec<Option<Option<u32>>> = vec![None; sheet.strings.len()];
        let mut person_of: Vec<u32> = vec![u32::MAX; sheet.strings.len()];
        for i in 0..o.idx.len() {
            let idx = o.idx[i];
            let Some(project) = self.project(resolver, sheet, o.idx[i], o.project[i]) else {
                self.missing_project(sheet, idx);
                continue;
            };
            let local = o.measure[i];
            let measures = self.measures;
            let measure = *measure_of[local as usize].get_or_insert_with(|| {
                let name = sheet.string(local);
                measures
                    .iter()
                    .position(|m| m.name.eq_ignore_ascii_case(name))
                    .map(|p| p as u32)
            });
            let Some(measure) = measure else {
                let name = sheet.string(local).to_string();
                self.exclude(sheet, (idx, project), Field::Measure, name, "is not a measure mwm knows: check the spelling, or define it in a measures sheet (measure, min, max, higher_is_better)".into());
                continue;
            };
            let m = &self.measures[measure as usize];
            let raw = o.score[i];
            // A score outside the measure's range, or a raw total that is not whole, is left out.
            let wrong = if raw < m.min || raw > m.max {
                Some(format!(
                    "is outside the range of {} ({} to {}): check the score, or the measure named in this row",
                    m.name,
                    crate::ingest::value::format_number(m.min),
                    crate::ingest::value::format_number(m.max)
                ))
            } else if m.conversion.is_some() && raw.fract() != 0.0 {
                Some(format!(
                    "is not a whole number: {} scores are raw totals from {} to {}",
                    m.name, m.min, m.max
                ))
            } else {
                None
            };
            if let Some(message) = wrong {
                self.exclude(
                    sheet,
                    (idx, project),
                    Field::Score,
                    crate::ingest::value::format_number(raw),
                    message,
                );
                continue;
            }
            let local_person = o.person[i] as usize;
            if person_of[local_person] == u32::MAX {
                person_of[local_person] = self.people.code(sheet.string(o.person[i]));
            }
            let person = person_of[local_person];
            let date = o.date[i];
            // Exact duplicates and conflicting scores are found once all sources are in,
            // by sorting (see `score_duplicates_and_conflicts`).
            let t = &mut self.tables.scores;
            t.project.push(project);
            t.person.push(person);
            t.measure.push(measure);
            t.date.push(date);
            t.raw.push(raw);
            t.score.push(m.analysed_score(raw));
            self.refs.scores.push(RowRef {
                sheet: sheet_index,
                idx,
            });
            sheet.status[idx as usize] = RowStatus::Used;
        }
    }

    /// Scores: a row equal to an earlier one (same project, person, measure, date and score)
    /// is a duplicate; a key that still holds more than one different score has all its rows
    /// left out (SPEC 3.1). Found by sorting (key, row) pairs in parallel, which for millions
    /// of rows is several times faster than hashing them one by one.
    fn score_duplicates_and_conflicts(&mut self, sheets: &mut [ParsedSheet]) {
        let t = &self.tables.scores;
        let n = t.project.len();
        let mut order: Vec<(u128, u32)> = (0..n)
            .map(|i| {
                (
                    score_key(t.project[i], t.person[i], t.measure[i], t.date[i]),
                    i as u32,
                )
            })
            .collect();
        order.par_sort_unstable();
        let mut keep = vec![true; n];
        let mut duplicates = Vec::new();
        let mut excluded = Vec::new();
        let mut start = 0;
        while start < n {
            let mut end = start + 1;
            while end < n && order[end].0 == order[start].0 {
                end += 1;
            }
            if end - start > 1 {
                // Rows of one key in row order: the first of each distinct score stays.
                let mut distinct: Vec<usize> = Vec::new();
                for &(_, i) in &order[start..end] {
                    let i = i as usize;
                    if distinct
                        .iter()
                        .any(|&d| t.raw[d].to_bits() == t.raw[i].to_bits())
                    {
                        keep[i] = false;
                        duplicates.push(i);
                    } else {
                        distinct.push(i);
                    }
                }
                if distinct.len() > 1 {
                    let places: Vec<String> = distinct
                        .iter()
                        .map(|&i| {
                            let r = self.refs.scores[i];
                            format!(
                                "{} at row {}",
                                crate::ingest::value::format_number(t.raw[i]),
                                sheets[r.sheet as usize].row_number(r.idx)
                            )
                        })
                        .collect();
                    for &i in &distinct {
                        keep[i] = false;
                        excluded.push((
                            self.refs.scores[i],
                            t.project[i],
                            crate::ingest::value::format_number(t.raw[i]),
                            format!(
                                "is one of different scores for the same project, person, measure and date ({}): all of them are left out",
                                places.join(", ")
                            ),
                        ));
                    }
                }
            }
            start = end;
        }
        for i in duplicates {
            let r = self.refs.scores[i];
            sheets[r.sheet as usize].status[r.idx as usize] = RowStatus::Duplicate;
        }
        excluded.sort_by_key(|(r, ..)| (r.sheet, r.idx));
        for (r, project, value, message) in excluded {
            let sheet = &mut sheets[r.sheet as usize];
            self.exclude(sheet, (r.idx, project), Field::Score, value, message);
        }
        if keep.iter().any(|k| !k) {
            self.tables.scores.retain(&keep);
            retain_marked(&mut self.refs.scores, &keep);
        }
    }

    /// Leaves out every score (and audit item) whose key holds more than one different value,
    /// and gives stories without an id one made from their order.
    fn duplicates_and_conflicts(&mut self, sheets: &mut [ParsedSheet]) {
        self.score_duplicates_and_conflicts(sheets);
        let conflicted: HashSet<(u32, i32, u8, u8)> = self
            .seen
            .audit_keys
            .iter()
            .filter(|(_, v)| v.1)
            .map(|(k, _)| *k)
            .collect();
        if !conflicted.is_empty() {
            let t = &self.tables.audit;
            let keep: Vec<bool> = (0..t.project.len())
                .map(|i| {
                    !conflicted.contains(&(
                        t.project[i],
                        t.date[i],
                        t.principle[i] as u8,
                        t.item[i],
                    ))
                })
                .collect();
            let mut excluded = Vec::new();
            for (i, k) in keep.iter().enumerate() {
                if !k {
                    excluded.push((self.refs.audit[i], t.project[i], t.score[i]));
                }
            }
            for (r, project, score) in excluded {
                let sheet = &mut sheets[r.sheet as usize];
                self.exclude(sheet, (r.idx, project), Field::Score, score.to_string(), "differs from another score for the same project, date, principle and item: both are left out".into());
            }
            self.tables.audit.retain(&keep);
            retain_marked(&mut self.refs.audit, &keep);
        }
        // Stories without an id get one from their order within the project.
        let mut counter: HashMap<u32, u32> = HashMap::new();
        for s in &mut self.tables.stories {
            if s.story_id.is_empty() {
                let n = counter.entry(s.project).or_default();
                *n += 1;
                s.story_id = format!("#{n}");
            }
        }
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

fn ledger_of(sheet: &ParsedSheet) -> TableLedger {
    let mut ledger = TableLedger {
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
