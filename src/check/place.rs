//! Placing rows (SPEC 2.4, 3.1): each checked row of each sheet gets its run's codes for
//! project, person and measure (the single-project rule supplies a missing project), is checked
//! against the measures in force, and joins the canonical tables; projects are recoded in byte
//! order of their ids at the end.

use super::duplicates::{Seen, audit_bit, audit_key, of_project};
use crate::ingest::rows::{KindRows, LONG_SCORE, NO_PROJECT, ParsedSheet, RowStatus};
use crate::ingest::strings::Strings;
use crate::model::{Measure, Narrative, Story, Tables};
use crate::problems::{Problem, Severity};
use crate::schema::{Field, Kind};
use rustc_hash::{FxBuildHasher, FxHashMap};
use std::hash::BuildHasher;

/// Codes names (project ids, person ids, texts) in first-seen order; [`Tables`] recodes
/// projects in byte order at the end. The names are held end to end in one buffer and found
/// by hash: a national dataset names 2.5 million people.
pub(super) type Codes = Strings;

/// Recodes projects in byte order of their ids and attaches their definitions.
pub(super) fn finish_projects(
    tables: &mut Tables,
    codes: Codes,
    defined: &std::collections::BTreeMap<String, crate::model::Project>,
) {
    let mut order: Vec<u32> = (0..codes.len() as u32).collect();
    order.sort_by(|a, b| codes.get(*a).cmp(codes.get(*b)));
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
    tables.project_ids = order.iter().map(|o| codes.get(*o).to_string()).collect();
    tables.projects = tables
        .project_ids
        .iter()
        .map(|id| defined.get(id).cloned())
        .collect();
}

/// Turns a sheet's local project codes into run codes, the empty ones by the single-project rule.
pub(super) struct ProjectResolver {
    pub(super) cache: Vec<Option<u32>>,
    pub(super) single: Option<u32>,
}

impl ProjectResolver {
    pub(super) fn resolve(
        &mut self,
        sheet: &ParsedSheet,
        projects: &mut Codes,
        first_use: &mut FxHashMap<u32, Problem>,
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

/// `from` after the rows of `to`: taken whole when `to` has none (the usual single outcomes
/// file), so that its rows are not copied.
fn join_column<T: Copy>(to: &mut Vec<T>, from: Vec<T>) {
    if to.is_empty() {
        *to = from;
    } else {
        to.extend_from_slice(&from);
    }
}

/// Where a row of the tables came from, to mark it and to place problems about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct RowRef {
    pub(super) sheet: u32,
    pub(super) idx: u32,
    /// A score's cell in a wide sheet ([`LONG_SCORE`] otherwise).
    pub(super) col: u32,
}

pub(super) struct Builder<'m, 'p> {
    pub(super) measures: &'m [Measure],
    pub(super) tables: Tables,
    pub(super) problems: &'p mut Vec<Problem>,
    pub(super) projects: Codes,
    /// Output measure names, grouped case-insensitively: lower-case name → code.
    pub(super) output_measures: FxHashMap<String, u32>,
    pub(super) people: Codes,
    /// How each sheet is shown, by sheet index, for messages that point at an earlier row.
    pub(super) sheet_names: Vec<String>,
    /// The first row that used each project id, for the warning about ids with no projects row.
    pub(super) first_use: FxHashMap<u32, Problem>,
    /// Per table row, the sheet row it came from (same order as the columns).
    pub(super) refs: Refs,
    pub(super) seen: Seen,
}

#[derive(Default)]
pub(super) struct Refs {
    pub(super) scores: ScoreRefs,
    pub(super) audit: Vec<RowRef>,
}

/// Where each score of the scores table came from, column by column: the row (and in a wide
/// sheet the cell) of each score are the outcomes sheet's own columns, moved down with the
/// scores kept (no second copy: 12 bytes a score, 240 MB at 20 million scores), and the sheet
/// is held once for each sheet's run of scores, which the table lists sheet by sheet.
#[derive(Default)]
pub(super) struct ScoreRefs {
    idx: Vec<u32>,
    /// The cells of the scores of wide sheets, run after run; a long sheet's scores have none
    /// of their own ([`LONG_SCORE`]).
    col: Vec<u32>,
    sheets: Vec<SheetRun>,
}

/// A sheet's run of scores in the table.
#[derive(Clone, Copy)]
struct SheetRun {
    /// Its first score's place in the table.
    first: usize,
    sheet: u32,
    /// Where its scores' cells start in [`ScoreRefs::col`]: `None` for a long sheet.
    col: Option<usize>,
}

impl ScoreRefs {
    /// The place of the `i`th score.
    pub(super) fn get(&self, i: usize) -> RowRef {
        let run = self.sheets[self.sheets.partition_point(|r| r.first <= i) - 1];
        RowRef {
            sheet: run.sheet,
            idx: self.idx[i],
            col: run
                .col
                .map_or(LONG_SCORE, |at| self.col[at + i - run.first]),
        }
    }

    /// Every score's place, in table order.
    pub(super) fn iter(&self) -> impl Iterator<Item = RowRef> + '_ {
        let ends = self.sheets.iter().skip(1).map(|r| r.first);
        self.sheets
            .iter()
            .zip(ends.chain([self.idx.len()]))
            .flat_map(move |(&run, end)| {
                (run.first..end).map(move |i| RowRef {
                    sheet: run.sheet,
                    idx: self.idx[i],
                    col: run
                        .col
                        .map_or(LONG_SCORE, |at| self.col[at + i - run.first]),
                })
            })
    }

    /// Adds a sheet's scores after those already held: their rows, and their cells (empty
    /// for a long sheet).
    fn append(&mut self, sheet: u32, idx: Vec<u32>, col: Vec<u32>) {
        debug_assert!(col.is_empty() || col.len() == idx.len());
        if !idx.is_empty() {
            self.sheets.push(SheetRun {
                first: self.idx.len(),
                sheet,
                col: (!col.is_empty()).then_some(self.col.len()),
            });
        }
        join_column(&mut self.idx, idx);
        join_column(&mut self.col, col);
    }

    /// Keeps the places marked true in `keep`.
    pub(super) fn retain(&mut self, keep: &[bool]) {
        let (mut first, mut cells) = (0, 0);
        let mut sheets = Vec::with_capacity(self.sheets.len());
        for (k, &run) in self.sheets.iter().enumerate() {
            let end = self.sheets.get(k + 1).map_or(self.idx.len(), |r| r.first);
            let marks = &keep[run.first..end];
            let kept = marks.iter().filter(|k| **k).count();
            // A wide run's cells move down in place (never past one still to be moved).
            let col = run.col.map(|at| {
                let start = cells;
                for (j, _) in marks.iter().enumerate().filter(|(_, k)| **k) {
                    self.col[cells] = self.col[at + j];
                    cells += 1;
                }
                start
            });
            if kept > 0 {
                sheets.push(SheetRun {
                    first,
                    sheet: run.sheet,
                    col,
                });
            }
            first += kept;
        }
        self.sheets = sheets;
        self.col.truncate(cells);
        crate::model::retain_marked(&mut self.idx, keep);
    }
}

impl Builder<'_, '_> {
    pub(super) fn missing_project(&mut self, sheet: &mut ParsedSheet, idx: u32) {
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
    pub(super) fn exclude(
        &mut self,
        sheet: &mut ParsedSheet,
        (idx, project): (u32, u32),
        field: Field,
        value: String,
        message: String,
    ) {
        let problem = sheet.info.problem(
            Severity::Excluded,
            sheet.row_number(idx),
            Some(field),
            Some(value),
            message,
        );
        self.left_out(sheet, (idx, project), problem);
    }

    /// Leaves out a score of `project` with its problem at its cell: the row's `score` cell,
    /// or a wide sheet's measure-wave cell. A wide row stays used while any score of it is.
    pub(super) fn exclude_score(
        &mut self,
        sheet: &mut ParsedSheet,
        (idx, project): (u32, u32),
        col: u32,
        value: String,
        message: String,
    ) {
        let problem = sheet.info.score_problem(
            Severity::Excluded,
            sheet.row_number(idx),
            col,
            Some(value),
            message,
        );
        self.left_out(sheet, (idx, project), problem);
    }

    /// Marks a row (or, in a wide sheet, one of its scores) left out, with its problem under
    /// the row's project.
    fn left_out(
        &mut self,
        sheet: &mut ParsedSheet,
        (idx, project): (u32, u32),
        mut problem: Problem,
    ) {
        sheet.status[idx as usize] = RowStatus::Excluded;
        problem.project = Some(self.projects.get(project).to_string());
        self.problems.push(problem);
    }

    pub(super) fn project(
        &mut self,
        resolver: &mut ProjectResolver,
        sheet: &ParsedSheet,
        idx: u32,
        local: u32,
    ) -> Option<u32> {
        resolver.resolve(sheet, &mut self.projects, &mut self.first_use, idx, local)
    }

    /// Resolves the rows of one sheet into the tables, finding duplicates of earlier rows.
    pub(super) fn sheet(
        &mut self,
        sheet_index: u32,
        sheet: &mut ParsedSheet,
        resolver: &mut ProjectResolver,
    ) {
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
        let mut rows = std::mem::replace(&mut sheet.rows, KindRows::Projects(Vec::new()));
        match &mut rows {
            KindRows::Projects(_) | KindRows::Measures(_) => {}
            KindRows::Outputs(o) => {
                // Names and notes repeat: code each sheet-local string once, as written
                // (for duplicates) and as a measure (case-insensitively).
                let mut text_of: Vec<u32> = vec![u32::MAX; sheet.strings.len()];
                let mut measure_of: Vec<u32> = vec![u32::MAX; sheet.strings.len()];
                // Room for every row at once: a national dataset's 1.2 million outputs would
                // otherwise copy the columns as they double.
                let rows = o.idx.len();
                // (Large room is made ready on every core at once: `room::reserve`.)
                let t = &mut self.tables.outputs;
                crate::room::reserve(&mut t.project, rows);
                crate::room::reserve(&mut t.date, rows);
                crate::room::reserve(&mut t.measure, rows);
                crate::room::reserve(&mut t.value, rows);
                crate::room::reserve(&mut t.principles, rows);
                for i in 0..rows {
                    let idx = o.idx[i];
                    let Some(project) = self.project(resolver, sheet, o.idx[i], o.project[i])
                    else {
                        self.missing_project(sheet, idx);
                        continue;
                    };
                    let local = o.measure[i];
                    let name = sheet.string(local);
                    let mut text = |code: u32| {
                        if text_of[code as usize] == u32::MAX {
                            text_of[code as usize] = self.seen.texts.code(sheet.string(code));
                        }
                        text_of[code as usize]
                    };
                    let key = (
                        o.date[i],
                        text(local),
                        o.value[i].to_bits(),
                        o.principles[i].0,
                        o.notes[i].map_or(u32::MAX, &mut text),
                    );
                    if !of_project(&mut self.seen.outputs, project).insert(key) {
                        sheet.status[idx as usize] = RowStatus::Duplicate;
                        continue;
                    }
                    if measure_of[local as usize] == u32::MAX {
                        let next = self.tables.output_measures.len() as u32;
                        let measure = *self
                            .output_measures
                            .entry(name.to_lowercase())
                            .or_insert(next);
                        if measure == next {
                            self.tables.output_measures.push(name.to_string());
                            self.tables.output_names.push([None, None]);
                        }
                        measure_of[local as usize] = measure;
                    }
                    let measure = measure_of[local as usize];
                    // The first name given in each language is the measure's there.
                    let names = &mut self.tables.output_names[measure as usize];
                    for (slot, code) in names.iter_mut().zip([o.measure_en[i], o.measure_cy[i]]) {
                        if slot.is_none() {
                            *slot = code.map(|c| sheet.string(c).to_string());
                        }
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
                // Room for every story at once (made ready on every core: `room::reserve`):
                // a national dataset's 600,000 would otherwise be copied as the list doubles.
                crate::room::reserve(&mut self.tables.stories, stories.len());
                // The rows are not needed after this: their text moves into the stories.
                for row in std::mem::take(stories) {
                    let Some(project) = self.project(resolver, sheet, row.idx, row.project) else {
                        self.missing_project(sheet, row.idx);
                        continue;
                    };
                    let given_id = row.story_id.is_some();
                    let story = Story {
                        project,
                        story_id: row.story_id.unwrap_or_default(),
                        date: row.date,
                        title: row.title,
                        text: row.text,
                        what_matters: row.what_matters,
                        achieved: row.achieved,
                        principles: row.principles,
                        spectrum: row.spectrum,
                        consent: row.consent,
                        teller: row.teller,
                        language: row.language,
                        translation: row.translation,
                    };
                    // Ids are given here or empty (made later), so equal stories are equal rows.
                    let stories = &self.tables.stories;
                    let hash = FxBuildHasher.hash_one(&story);
                    let seen_before = of_project(&mut self.seen.stories, project)
                        .find(hash, |&(h, k)| h == hash && stories[k as usize] == story)
                        .is_some();
                    if seen_before {
                        sheet.status[row.idx as usize] = RowStatus::Duplicate;
                        continue;
                    }
                    let place = stories.len() as u32;
                    if given_id {
                        let id = story.story_id.as_str();
                        let id_hash = FxBuildHasher.hash_one(id);
                        let ids = of_project(&mut self.seen.story_ids, project);
                        let first = ids.find(id_hash, |&(h, k, ..)| {
                            h == id_hash && stories[k as usize].story_id == id
                        });
                        if let Some(&(_, _, first_sheet, first_row)) = first {
                            let first = format!(
                                "row {first_row} of {}",
                                self.sheet_names[first_sheet as usize]
                            );
                            let message = format!(
                                "is already the story_id of another story of this project ({first}): this later story is left out; give it its own id"
                            );
                            let value = if story.consent {
                                story.story_id
                            } else {
                                crate::problems::WITHHELD.to_string()
                            };
                            self.exclude(sheet, (row.idx, project), Field::StoryId, value, message);
                            continue;
                        }
                        let entry = (id_hash, place, sheet_index, sheet.row_number(row.idx));
                        self.seen.story_ids[project as usize]
                            .insert_unique(id_hash, entry, |e| e.0);
                    }
                    self.seen.stories[project as usize].insert_unique(hash, (hash, place), |e| e.0);
                    self.tables.stories.push(story);
                    sheet.status[row.idx as usize] = RowStatus::Used;
                }
            }
            KindRows::Narrative(rows) => {
                for row in rows {
                    let Some(project) = self.project(resolver, sheet, row.idx, row.project) else {
                        self.missing_project(sheet, row.idx);
                        continue;
                    };
                    let narrative = Narrative {
                        project,
                        heading: row.heading.clone(),
                        text: row.text.clone(),
                        language: row.language,
                        date: row.date,
                    };
                    if !self.seen.narratives.insert(narrative.clone()) {
                        sheet.status[row.idx as usize] = RowStatus::Duplicate;
                        continue;
                    }
                    self.tables.narratives.push(narrative);
                    sheet.status[row.idx as usize] = RowStatus::Used;
                }
            }
            KindRows::Audit(rows) => {
                for row in rows {
                    let Some(project) = self.project(resolver, sheet, row.idx, row.project) else {
                        self.missing_project(sheet, row.idx);
                        continue;
                    };
                    // Per project, whose rows come together: its few keys stay in the cache.
                    let key = audit_key(row.date, row.principle as u8, row.item);
                    let scores = of_project(&mut self.seen.audit, project)
                        .entry(key)
                        .or_insert(0);
                    let bit = audit_bit(row.score);
                    if *scores & bit != 0 {
                        sheet.status[row.idx as usize] = RowStatus::Duplicate;
                        continue;
                    }
                    *scores |= bit;
                    let t = &mut self.tables.audit;
                    t.project.push(project);
                    t.date.push(row.date);
                    t.principle.push(row.principle);
                    t.item.push(row.item);
                    t.score.push(row.score);
                    self.refs.audit.push(RowRef {
                        sheet: sheet_index,
                        idx: row.idx,
                        col: LONG_SCORE,
                    });
                    sheet.status[row.idx as usize] = RowStatus::Used;
                }
            }
        }
        // Placed rows are not needed again: those of the large tables are freed now (20
        // million scores are 640 MB) rather than with the sheet at the end of the check, so
        // that the duplicate search reuses their memory.
        if matches!(rows, KindRows::Projects(_) | KindRows::Measures(_)) {
            sheet.rows = rows;
        }
    }

    pub(super) fn outcomes(
        &mut self,
        sheet_index: u32,
        sheet: &mut ParsedSheet,
        o: &mut crate::ingest::rows::OutcomeRows,
        resolver: &mut ProjectResolver,
    ) {
        // The sheet's own columns become the scores': each row kept moves down to its place
        // among those kept (never past a row still to be read), so that a national dataset's
        // 20 million scores take no second copy of them, nor any new column: the rows'
        // places are the sheet's own columns too (`ScoreRefs`).
        let rows = o.idx.len();
        let mut idx_of_row = std::mem::take(&mut o.idx);
        // Empty for a long sheet, whose scores have no cell of their own.
        let mut col_of_row = std::mem::take(&mut o.col);
        let mut project = std::mem::take(&mut o.project);
        let mut person = std::mem::take(&mut o.person);
        let mut measure_of_row = std::mem::take(&mut o.measure);
        let mut date = std::mem::take(&mut o.date);
        let mut raw = std::mem::take(&mut o.score);
        // Names repeat: resolve each sheet-local measure and person once.
        let mut measure_of: Vec<Option<Option<u32>>> = vec![None; sheet.strings.len()];
        // No code yet (a person), or none at all (a row's project).
        const NONE: u32 = u32::MAX;
        let mut person_of: Vec<u32> = vec![NONE; sheet.strings.len()];
        // A sheet's strings are distinct: when no person is held yet (the first outcomes
        // sheet), each person is new and takes the next code without a lookup. Otherwise, most
        // of a large sheet's strings are people: room for them at once.
        let first_people = self.people.is_empty();
        if first_people {
            // The people's names at once (the sheet's strings are at most that), rather than
            // copying them as the room for them doubles.
            self.people
                .reserve_new(sheet.strings.len(), sheet.strings.text_len());
        } else {
            self.people.reserve(sheet.strings.len());
        }
        // Each row's project and person are found in tables as large as the sheet's strings
        // (20 MB for a national dataset's 2.5 million people). Rows in any order (all of a
        // wave, then the next; or shuffled) meet them far apart, so each is found in a pass
        // of its own that does little else, whose lookups the processor makes many at once,
        // rather than one at a time among the row's other work: projects first (in row
        // order, as they are met), people once the rows kept are known.
        for i in 0..rows {
            project[i] = self
                .project(resolver, sheet, idx_of_row[i], project[i])
                .unwrap_or(NONE);
        }
        let mut kept = 0;
        for i in 0..rows {
            let idx = idx_of_row[i];
            let col = col_of_row.get(i).copied().unwrap_or(LONG_SCORE);
            let project_code = project[i];
            if project_code == NONE {
                self.missing_project(sheet, idx);
                continue;
            }
            let local = measure_of_row[i];
            let wide = sheet.info.wide.is_some();
            let measure = match measure_of[local as usize] {
                Some(m) => m,
                None => {
                    let m = self.measure_code(sheet.string(local), wide);
                    measure_of[local as usize] = Some(m);
                    m
                }
            };
            let Some(measure) = measure else {
                let name = sheet.string(local).to_string();
                if col == LONG_SCORE {
                    self.exclude(sheet, (idx, project_code), Field::Measure, name, "is not a measure mwm knows: check the spelling, or define it in a measures sheet (measure, min, max, higher_is_better)".into());
                } else {
                    let problem = not_a_measure(sheet, idx, col, &name);
                    self.left_out(sheet, (idx, project_code), problem);
                }
                continue;
            };
            let m = &self.measures[measure as usize];
            let score = raw[i];
            // A score outside the measure's range, or a raw total that is not whole, is left out.
            let wrong = if score < m.min || score > m.max {
                Some(format!(
                    "is outside the range of {} ({} to {}): check the score, or the measure named in this {}",
                    m.name,
                    crate::format::format_number(m.min),
                    crate::format::format_number(m.max),
                    if col == LONG_SCORE {
                        "row"
                    } else {
                        "column; this score is left out"
                    }
                ))
            } else if m.conversion.is_some() && score.fract() != 0.0 {
                Some(format!(
                    "is not a whole number: {} scores are raw totals from {} to {}{}",
                    m.name,
                    m.min,
                    m.max,
                    if col == LONG_SCORE {
                        ""
                    } else {
                        "; this score is left out"
                    }
                ))
            } else {
                None
            };
            if let Some(message) = wrong {
                self.exclude_score(
                    sheet,
                    (idx, project_code),
                    col,
                    crate::format::format_number(score),
                    message,
                );
                continue;
            }
            // Exact duplicates and conflicting scores are found once all sources are in,
            // by sorting (see `score_duplicates_and_conflicts`).
            project[kept] = project_code;
            person[kept] = person[i];
            measure_of_row[kept] = measure;
            date[kept] = date[i];
            raw[kept] = score;
            idx_of_row[kept] = idx;
            if let Some(cell) = col_of_row.get_mut(kept) {
                *cell = col;
            }
            sheet.status[idx as usize] = RowStatus::Used;
            kept += 1;
        }
        // People are coded in the order the rows kept meet them.
        for local in &mut person[..kept] {
            let code = &mut person_of[*local as usize];
            if *code == NONE {
                let name = sheet.string(*local);
                *code = if first_people {
                    self.people.push_new(name)
                } else {
                    self.people.code(name)
                };
            }
            *local = *code;
        }
        let t = &mut self.tables.scores;
        for (to, mut from) in [
            (&mut t.project, project),
            (&mut t.person, person),
            (&mut t.measure, measure_of_row),
        ] {
            from.truncate(kept);
            join_column(to, from);
        }
        date.truncate(kept);
        join_column(&mut t.date, date);
        raw.truncate(kept);
        join_column(&mut t.raw, raw);
        idx_of_row.truncate(kept);
        col_of_row.truncate(kept);
        self.refs.scores.append(sheet_index, idx_of_row, col_of_row);
        // Score cells of a wide sheet that are no number: said with their value when their
        // column names a measure, and without it when it does not (it may hold names).
        for bad in std::mem::take(&mut sheet.bad_cells) {
            let measure = sheet
                .info
                .wide
                .as_ref()
                .and_then(|w| w.scores.iter().find(|s| s.column.col == bad.col))
                .map(|s| s.measure.clone())
                .unwrap_or_default();
            let mut problem = if self.measure_code(&measure, true).is_some() {
                sheet.info.score_problem(
                    Severity::Excluded,
                    sheet.row_number(bad.idx),
                    bad.col,
                    Some(bad.value),
                    bad.message,
                )
            } else {
                not_a_measure(sheet, bad.idx, bad.col, &measure)
            };
            problem.project = bad.project;
            self.problems.push(problem);
        }
    }

    /// The code of the measure `name` names (case-insensitively; in a wide sheet's header,
    /// words may also be joined by hyphens or underscores).
    pub(super) fn measure_code(&self, name: &str, wide: bool) -> Option<u32> {
        self.measures
            .iter()
            .position(|m| m.name.eq_ignore_ascii_case(name))
            .or_else(|| {
                let key = crate::schema::name_key(name);
                wide.then(|| {
                    self.measures
                        .iter()
                        .position(|m| crate::schema::name_key(&m.name) == key)
                })
                .flatten()
            })
            .map(|p| p as u32)
    }
}

/// A score in a wide sheet's column whose name is no measure, at its cell, without its value:
/// a column named like a measure and a wave may hold something else ("First name").
fn not_a_measure(sheet: &ParsedSheet, idx: u32, col: u32, name: &str) -> Problem {
    sheet.info.score_problem(
        Severity::Excluded,
        sheet.row_number(idx),
        col,
        None,
        format!("is in a column whose name \"{name}\" is not a measure mwm knows (its value is not repeated here: the column may hold something other than scores): check the spelling of the column, or define {name} in a measures sheet (measure, min, max, higher_is_better); this cell is left out"),
    )
}

#[cfg(test)]
mod tests {
    use super::{RowRef, ScoreRefs};

    /// Places of three sheets' scores, the middle sheet with none: each score's sheet is that
    /// of its run, and keeping some scores keeps their places and runs (a sheet whose scores
    /// all go loses its run). Expected values worked out by hand from the lists below.
    #[test]
    fn score_places_follow_their_sheets_through_retain() {
        let mut refs = ScoreRefs::default();
        // Sheet 0 is long (no cells of its own), sheet 1 has no scores, sheet 2 is wide.
        refs.append(0, vec![1, 2, 3], Vec::new());
        refs.append(1, Vec::new(), Vec::new());
        refs.append(2, vec![4, 5], vec![8, 9]);
        let place = |sheet, idx, col| RowRef { sheet, idx, col };
        let long = super::LONG_SCORE;
        let all = vec![
            place(0, 1, long),
            place(0, 2, long),
            place(0, 3, long),
            place(2, 4, 8),
            place(2, 5, 9),
        ];
        assert_eq!(refs.iter().collect::<Vec<_>>(), all);
        assert!((0..5).all(|i| refs.get(i) == all[i]));
        // Sheet 0 keeps its middle score; sheet 2 keeps both.
        refs.retain(&[false, true, false, true, true]);
        let kept = vec![place(0, 2, long), place(2, 4, 8), place(2, 5, 9)];
        assert_eq!(refs.iter().collect::<Vec<_>>(), kept);
        assert!((0..3).all(|i| refs.get(i) == kept[i]));
        // Sheet 0 loses all its scores, sheet 2 its first: the one left is sheet 2's second,
        // with its own cell.
        refs.retain(&[false, false, true]);
        assert_eq!(refs.get(0), place(2, 5, 9));
        assert_eq!(refs.iter().collect::<Vec<_>>(), vec![place(2, 5, 9)]);
        // A wide sheet after them: its cells follow the first's.
        refs.append(3, vec![6, 7], vec![10, 11]);
        assert_eq!(
            refs.iter().collect::<Vec<_>>(),
            vec![place(2, 5, 9), place(3, 6, 10), place(3, 7, 11)]
        );
        refs.retain(&[true, false, true]);
        assert_eq!(
            refs.iter().collect::<Vec<_>>(),
            vec![place(2, 5, 9), place(3, 7, 11)]
        );
    }
}
