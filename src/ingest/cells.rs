//! Cells: turns each row under a header into a typed row of its table, checking every cell on
//! the way (SPEC 2.3, 2.4 and the row problems of 3.1 that one row can show by itself).

use super::rows::{
    AuditRow, BadCell, Column, KindRows, LONG_SCORE, MeasureRow, NO_PROJECT, NarrativeRow,
    OutcomeRows, OutputRows, ParsedSheet, ProjectRow, RowStatus, SheetInfo, StoryRow, WideLayout,
};
use super::value::{self, Cell};
use super::wide;
use crate::model::{
    Achieved, Conversion, Language, MeasureDef, Principle, Principles, Project, Spectrum, Teller,
};
use crate::problems::{Problem, Severity, WITHHELD};
use crate::schema::{FIELD_COUNT, Field, Kind};
use std::borrow::Cow;

/// The largest number that is added up with others (10^12: a trillion hours or pounds), so
/// that no total can overflow: even 10^15 rows of it add to 10^27, far inside f64's range,
/// where two values near its limit (10^308) would add to infinity.
pub const MAX_SUMMED: f64 = 1e12;

/// Builds a [`ParsedSheet`] one row at a time.
pub struct RowParser {
    sheet: ParsedSheet,
    /// Blank rows not yet known to be followed by a row with values.
    pending_blank: Vec<u32>,
    /// Whether the sheet has a column for a field, as a lookup table.
    has: [bool; FIELD_COUNT],
    /// The string code of each measure-wave column's measure, in a wide sheet.
    wide_measures: Vec<u32>,
    /// The code of the last project, person and measure (`u32::MAX` before the first): rows
    /// come a person (and a project) at a time, so most are the last row's again, and are
    /// then known by comparing them with it rather than by finding them in the strings.
    recent: [u32; 3],
}

/// The slots of [`RowParser::recent`].
const PROJECT: usize = 0;
const PERSON: usize = 1;
const MEASURE: usize = 2;

impl RowParser {
    pub fn new(info: SheetInfo) -> RowParser {
        let rows = match info.kind {
            Kind::Projects => KindRows::Projects(Vec::new()),
            Kind::Measures => KindRows::Measures(Vec::new()),
            Kind::Outputs => KindRows::Outputs(OutputRows::default()),
            Kind::Outcomes => KindRows::Outcomes(OutcomeRows::default()),
            Kind::Stories => KindRows::Stories(Vec::new()),
            Kind::Audit => KindRows::Audit(Vec::new()),
            Kind::Narrative => KindRows::Narrative(Vec::new()),
        };
        let mut has = [false; FIELD_COUNT];
        for (i, c) in info.columns.iter().enumerate() {
            has[i] = c.is_some();
        }
        let mut parser = RowParser {
            sheet: ParsedSheet {
                info,
                row_numbers: Vec::new(),
                status: Vec::new(),
                rows,
                strings: Default::default(),
                scores_read: 0,
                bad_cells: Vec::new(),
            },
            pending_blank: Vec::new(),
            has,
            wide_measures: Vec::new(),
            recent: [u32::MAX; 3],
        };
        let names: Vec<String> = parser
            .sheet
            .info
            .wide
            .iter()
            .flat_map(|w| w.scores.iter().map(|s| s.measure.clone()))
            .collect();
        parser.wide_measures = names.iter().map(|n| parser.intern(n)).collect();
        parser
    }

    /// Room for `rows` more rows, so that the columns of a table of millions of rows are not
    /// grown (copied, and their fresh memory cleared by the kernel) over and over.
    pub fn reserve(&mut self, rows: usize) {
        self.sheet.reserve(rows);
    }

    /// A row known to be blank without looking at it (an empty CSV line).
    pub fn blank(&mut self, row: u32) {
        self.pending_blank.push(row);
    }

    /// Finishes the sheet: trailing blank rows are not rows read (SPEC 3.2).
    pub fn finish(self) -> ParsedSheet {
        self.sheet
    }

    /// Finishes a piece of a sheet, with the blank rows at its end that a later piece may
    /// confirm as rows read.
    pub fn finish_with_pending(self) -> (ParsedSheet, Vec<u32>) {
        (self.sheet, self.pending_blank)
    }

    pub fn info(&self) -> &SheetInfo {
        &self.sheet.info
    }

    fn start_row(&mut self, row: u32) -> u32 {
        for blank in self.pending_blank.drain(..) {
            self.sheet.row_numbers.push(blank);
            self.sheet.status.push(RowStatus::Blank);
        }
        self.sheet.row_numbers.push(row);
        self.sheet.status.push(RowStatus::Pending);
        (self.sheet.status.len() - 1) as u32
    }

    fn intern(&mut self, text: &str) -> u32 {
        self.sheet.strings.code(text)
    }

    /// [`RowParser::intern`] for a column whose value usually repeats the last row's.
    fn intern_recent(&mut self, slot: usize, text: &str) -> u32 {
        let last = self.recent[slot];
        if last != u32::MAX && self.sheet.strings.get(last) == text {
            return last;
        }
        let code = self.sheet.strings.code(text);
        self.recent[slot] = code;
        code
    }

    /// One row under the header. `fields` is how many fields a CSV record had, when it differs
    /// from the header's.
    pub fn push(
        &mut self,
        row: u32,
        cells: &[Cell<'_>],
        field_count: Option<(usize, usize)>,
        problems: &mut Vec<Problem>,
    ) {
        if cells.iter().all(Cell::is_blank) {
            self.pending_blank.push(row);
            return;
        }
        let idx = self.start_row(row);
        let mut r = RowCheck {
            info: &self.sheet.info,
            has: &self.has,
            cells,
            row,
            problems_before: problems.len(),
            problems,
            ok: true,
        };
        if let Some((got, want)) = field_count {
            // The cells cannot be trusted to be under their headers: one reason is enough.
            r.fail(
                None,
                None,
                format!("has {got} fields but the header has {want}: check for a missing or extra separator"),
            );
            self.sheet.status[idx as usize] = RowStatus::Excluded;
            return;
        }
        if let Some(layout) = &self.sheet.info.wide {
            let (row, read, bad) = r.wide(layout);
            self.sheet.scores_read += read;
            self.sheet
                .bad_cells
                .extend(bad.into_iter().map(|b| BadCell { idx, ..b }));
            self.store_wide(idx, row);
            return;
        }
        if self.sheet.info.kind == Kind::Outcomes {
            self.sheet.scores_read += 1;
        }
        let parsed = match self.sheet.info.kind {
            Kind::Projects => r
                .project()
                .map(|project| Parsed::Project(ProjectRow { idx, project })),
            Kind::Measures => r.measure(idx).map(Parsed::Measure),
            Kind::Outputs => r.output().map(Parsed::Output),
            Kind::Outcomes => r.outcome().map(Parsed::Outcome),
            Kind::Stories => r.story(idx).map(|(s, p)| Parsed::Story(s, p)),
            Kind::Audit => r.audit(idx).map(|(a, p)| Parsed::Audit(a, p)),
            Kind::Narrative => r.narrative(idx).map(|(n, p)| Parsed::Narrative(n, p)),
        };
        let ok = r.ok;
        let parsed = match parsed {
            Some(p) if ok => p,
            _ => {
                self.sheet.status[idx as usize] = RowStatus::Excluded;
                return;
            }
        };
        self.store(idx, parsed);
    }

    /// Stores a wide row's scores; a row without any is left out (SPEC 2.4).
    fn store_wide(&mut self, idx: u32, row: Option<WideCells<'_>>) {
        let Some(row) = row.filter(|r| !r.scores.is_empty()) else {
            self.sheet.status[idx as usize] = RowStatus::Excluded;
            return;
        };
        let project = row
            .project
            .map_or(NO_PROJECT, |p| self.intern_recent(PROJECT, &p));
        let person = self.intern_recent(PERSON, &row.person);
        if let KindRows::Outcomes(rows) = &mut self.sheet.rows {
            for (column, date, score) in row.scores {
                rows.idx.push(idx);
                rows.project.push(project);
                rows.person.push(person);
                rows.measure.push(self.wide_measures[column]);
                rows.date.push(date);
                rows.score.push(score);
                rows.col.push(
                    self.sheet
                        .info
                        .wide
                        .as_ref()
                        .map_or(LONG_SCORE, |w| w.scores[column].column.col),
                );
            }
        }
    }

    fn store(&mut self, idx: u32, parsed: Parsed<'_>) {
        match parsed {
            Parsed::Project(p) => {
                if let KindRows::Projects(rows) = &mut self.sheet.rows {
                    rows.push(p);
                }
            }
            Parsed::Measure(m) => {
                if let KindRows::Measures(rows) = &mut self.sheet.rows {
                    rows.push(m);
                }
            }
            Parsed::Output(o) => {
                let project = o
                    .project
                    .map_or(NO_PROJECT, |p| self.intern_recent(PROJECT, &p));
                let measure = self.intern_recent(MEASURE, &o.measure);
                let notes = o.notes.map(|n| self.intern(&n));
                let measure_en = o.measure_en.map(|n| self.intern(&n));
                let measure_cy = o.measure_cy.map(|n| self.intern(&n));
                if let KindRows::Outputs(rows) = &mut self.sheet.rows {
                    rows.measure_en.push(measure_en);
                    rows.measure_cy.push(measure_cy);
                    rows.idx.push(idx);
                    rows.project.push(project);
                    rows.date.push(o.date);
                    rows.measure.push(measure);
                    rows.value.push(o.value);
                    rows.principles.push(o.principles);
                    rows.notes.push(notes);
                }
            }
            Parsed::Outcome(o) => {
                let project = o
                    .project
                    .map_or(NO_PROJECT, |p| self.intern_recent(PROJECT, &p));
                let person = self.intern_recent(PERSON, &o.person);
                let measure = self.intern_recent(MEASURE, &o.measure);
                if let KindRows::Outcomes(rows) = &mut self.sheet.rows {
                    rows.idx.push(idx);
                    rows.project.push(project);
                    rows.person.push(person);
                    rows.measure.push(measure);
                    rows.date.push(o.date);
                    rows.score.push(o.score);
                }
            }
            Parsed::Story(s, project) => {
                let project = project.map_or(NO_PROJECT, |p| self.intern(&p));
                if let KindRows::Stories(rows) = &mut self.sheet.rows {
                    rows.push(StoryRow { project, ..s });
                }
            }
            Parsed::Audit(a, project) => {
                let project = project.map_or(NO_PROJECT, |p| self.intern(&p));
                if let KindRows::Audit(rows) = &mut self.sheet.rows {
                    rows.push(AuditRow { project, ..a });
                }
            }
            Parsed::Narrative(n, project) => {
                let project = project.map_or(NO_PROJECT, |p| self.intern(&p));
                if let KindRows::Narrative(rows) = &mut self.sheet.rows {
                    rows.push(NarrativeRow { project, ..n });
                }
            }
        }
    }
}

/// A row that passed its cell checks, before its strings are coded.
enum Parsed<'a> {
    Project(ProjectRow),
    Measure(MeasureRow),
    Output(OutputCells<'a>),
    Outcome(OutcomeCells<'a>),
    Story(StoryRow, Option<String>),
    Audit(AuditRow, Option<String>),
    Narrative(NarrativeRow, Option<String>),
}

struct OutputCells<'a> {
    project: Option<Cow<'a, str>>,
    date: i32,
    measure: Cow<'a, str>,
    value: f64,
    principles: Principles,
    notes: Option<Cow<'a, str>>,
    measure_en: Option<Cow<'a, str>>,
    measure_cy: Option<Cow<'a, str>>,
}

/// A wide row's cells: its project and person, and per score its measure-wave column (an
/// index into the layout), date and score.
struct WideCells<'a> {
    project: Option<Cow<'a, str>>,
    person: Cow<'a, str>,
    scores: Vec<(usize, i32, f64)>,
}

struct OutcomeCells<'a> {
    project: Option<Cow<'a, str>>,
    person: Cow<'a, str>,
    measure: Cow<'a, str>,
    date: i32,
    score: f64,
}

/// The cells of one row with its place; every `fail` marks the row excluded.
struct RowCheck<'r, 'a> {
    info: &'r SheetInfo,
    has: &'r [bool; FIELD_COUNT],
    cells: &'r [Cell<'a>],
    row: u32,
    problems: &'r mut Vec<Problem>,
    /// How many problems there were before this row.
    problems_before: usize,
    ok: bool,
}

impl<'a> RowCheck<'_, 'a> {
    fn cell(&self, field: Field) -> Cell<'a> {
        if !self.has[field as usize] {
            return Cell::Empty;
        }
        match self.info.column(field) {
            Some(c) => self.cells.get(c.index).copied().unwrap_or(Cell::Empty),
            None => Cell::Empty,
        }
    }

    fn fail(&mut self, field: Option<Field>, value: Option<String>, message: impl Into<String>) {
        self.ok = false;
        // A measure definition that is wrong is a structural error (SPEC 2.4), not a row left
        // out: every score on that measure depends on it.
        let severity = if self.info.kind == Kind::Measures {
            Severity::Error
        } else {
            Severity::Excluded
        };
        let mut problem = self.info.problem(severity, self.row, field, value, message);
        // The row's project as written (a row without one may get its workbook's single
        // project when checked).
        problem.project = match self.cell(Field::ProjectId) {
            Cell::Empty | Cell::Error(_) => None,
            cell => Some(cell.shown()).filter(|id| !id.is_empty()),
        };
        self.problems.push(problem);
    }

    /// A problem at one cell of a wide sheet that leaves out that cell's score, not the row.
    fn fail_cell(&mut self, column: &Column, value: String, message: impl Into<String>) {
        let mut problem =
            self.info
                .problem_at(Severity::Excluded, self.row, column, Some(value), message);
        problem.project = match self.cell(Field::ProjectId) {
            Cell::Empty | Cell::Error(_) => None,
            cell => Some(cell.shown()).filter(|id| !id.is_empty()),
        };
        self.problems.push(problem);
    }

    fn warn(&mut self, field: Field, value: String, message: impl Into<String>) {
        self.problems.push(self.info.problem(
            Severity::Warning,
            self.row,
            Some(field),
            Some(value),
            message,
        ));
    }

    fn missing(&mut self, field: Field) {
        self.fail(
            Some(field),
            None,
            "is empty, but this column is required: fill it in, or delete the row if it is not needed",
        );
    }

    /// Applies a cell parser; a parse failure excludes the row.
    fn parse<T>(
        &mut self,
        field: Field,
        parser: impl Fn(Cell<'a>) -> Result<Option<T>, String>,
    ) -> Option<T> {
        let cell = self.cell(field);
        match parser(cell) {
            Ok(v) => v,
            Err(message) => {
                self.fail(Some(field), Some(cell.shown()), message);
                None
            }
        }
    }

    fn required<T>(
        &mut self,
        field: Field,
        parser: impl Fn(Cell<'a>) -> Result<Option<T>, String>,
    ) -> Option<T> {
        let cell = self.cell(field);
        if cell.is_blank() {
            self.missing(field);
            return None;
        }
        // "n/a", "missing", "dim ateb"...: a value not given, said as such (SPEC 2.3).
        if let Cell::Text(t) = cell
            && value::is_missing_word(t)
        {
            self.fail(
                Some(field),
                Some(t.trim().to_string()),
                "means no value was given, but this column is required: the row is left out (if the question was not answered, that is all that happens; otherwise fill in the value)",
            );
            return None;
        }
        self.parse(field, parser)
    }

    /// Trimmed text of an id-like or name column, borrowed when the cell is text (the large
    /// tables parse millions of these); a whole-number cell becomes its digits.
    fn text_cow(&mut self, field: Field, required: bool) -> Option<Cow<'a, str>> {
        let cell = self.cell(field);
        let text = match cell {
            Cell::Text(t) => Some(Cow::Borrowed(t.trim())).filter(|t| !t.is_empty()),
            Cell::Empty => None,
            Cell::Error(e) => {
                self.fail(
                    Some(field),
                    Some(e.to_string()),
                    "is a spreadsheet error, not text",
                );
                return None;
            }
            other => Some(Cow::Owned(other.shown())),
        };
        if text.is_none() && required {
            self.missing(field);
        }
        text
    }

    fn text(&mut self, field: Field) -> Option<String> {
        self.parse(field, value::identifier)
    }

    fn required_text(&mut self, field: Field) -> Option<String> {
        self.required(field, value::identifier)
    }

    fn number(&mut self, field: Field) -> Option<f64> {
        self.parse(field, value::number)
    }

    fn principles(&mut self, field: Field) -> Principles {
        let cell = self.cell(field);
        let mut set = Principles::default();
        for item in value::list(cell) {
            match Principle::parse(&item) {
                Some(p) => set.insert(p),
                None => self.fail(
                    Some(field),
                    Some(item),
                    "is not a principle (use assets, networks, outcomes, relationships or enabling, in English or Welsh)",
                ),
            }
        }
        set
    }

    fn project_id(&mut self) -> Option<String> {
        let id = self.text(Field::ProjectId)?;
        self.not_reserved(&id, Severity::Excluded).then_some(id)
    }

    /// A project id as text, borrowed when it can be.
    fn project_cow(&mut self) -> Option<Cow<'a, str>> {
        let id = self.text_cow(Field::ProjectId, false)?;
        self.not_reserved(&id, Severity::Excluded).then_some(id)
    }

    /// `ALL` (in any case) names the rows of figures across all projects (SPEC 6): as a
    /// project's id it is a structural error in a projects table and a row problem elsewhere.
    fn not_reserved(&mut self, id: &str, severity: Severity) -> bool {
        if !id.trim().eq_ignore_ascii_case("ALL") {
            return true;
        }
        self.fail(
            Some(Field::ProjectId),
            Some(id.to_string()),
            "is reserved: ALL names the figures across all projects in every table mwm writes; give this project another id",
        );
        if severity == Severity::Error
            && let Some(last) = self.problems.last_mut()
        {
            last.severity = Severity::Error;
        }
        false
    }

    /// A number that is added up with others (an output's value, a budget) must leave room
    /// for the sum: above [`MAX_SUMMED`] it is a row problem naming its cell, never a total
    /// of infinity or 0.
    fn summable(&mut self, field: Field, value: Option<f64>) -> Option<f64> {
        let v = value?;
        if v.abs() > MAX_SUMMED {
            self.fail(
                Some(field),
                Some(crate::format::format_number(v)),
                "is too large to add up: write a number below 1,000,000,000,000",
            );
            return None;
        }
        Some(v)
    }

    fn project(&mut self) -> Option<Project> {
        let project_id = self
            .required_text(Field::ProjectId)
            .filter(|id| self.not_reserved(id, Severity::Error));
        let name = self.required_text(Field::Name);
        let budget = self.number(Field::Budget);
        let budget = self.summable(Field::Budget, budget);
        if let Some(b) = budget
            && b < 0.0
        {
            self.fail(
                Some(Field::Budget),
                Some(crate::format::format_number(b)),
                "is negative: a budget is 0 or more",
            );
        }
        // Funders named in `funding` and not in `funder` are added to it (SPEC 2.4); a funder
        // named twice, whatever its case, counts once.
        let mut funders = value::list(self.cell(Field::Funder));
        let mut funding = Vec::new();
        if let Some(t) = value::text(self.cell(Field::Funding)) {
            match value::funding_items(&t) {
                Ok(items) => funding = items,
                Err(item) => self.fail(
                    Some(Field::Funding),
                    Some(item),
                    "is not \"Funder name: amount\": write each funder's name, a colon and the amount in pounds (0 or more), items separated by ; or new lines (not commas)",
                ),
            }
        }
        for (name, amount) in &funding {
            if amount.abs() > MAX_SUMMED {
                self.fail(
                    Some(Field::Funding),
                    Some(crate::format::format_number(*amount)),
                    "is too large to add up: write a number below 1,000,000,000,000",
                );
            }
            funders.push(name.clone());
        }
        let mut seen: Vec<String> = Vec::new();
        funders.retain(|f| {
            let key = f.to_lowercase();
            let new = !seen.contains(&key);
            seen.push(key);
            new
        });
        let project = Project {
            project_id: project_id?,
            name: name?,
            name_cy: self.text(Field::NameCy),
            organisation: self.text(Field::Organisation),
            funders,
            start_date: self.parse(Field::StartDate, value::date),
            end_date: self.parse(Field::EndDate, value::date),
            budget,
            novelty: self.parse(Field::Novelty, |c| value::whole_in(c, 1, 6)),
            description: self.text(Field::Description),
            funding,
        };
        Some(project)
    }

    fn measure(&mut self, idx: u32) -> Option<MeasureRow> {
        let name = self.required_text(Field::Measure);
        let conversion = match value::text(self.cell(Field::Conversion)) {
            None => None,
            Some(t) => match Conversion::parse(&t) {
                Some(c) => Some(c),
                None => {
                    self.fail(
                        Some(Field::Conversion),
                        Some(t),
                        "is not a conversion mwm knows (use swemwbs, or leave it empty)",
                    );
                    None
                }
            },
        };
        let principles =
            (!self.cell(Field::Principles).is_blank()).then(|| self.principles(Field::Principles));
        let def = MeasureDef {
            name: name?,
            min: self.number(Field::Min),
            max: self.number(Field::Max),
            higher_is_better: self.parse(Field::HigherIsBetter, value::boolean),
            sem: self.number(Field::Sem),
            reliability: self.number(Field::Reliability),
            sd: self.number(Field::Sd),
            mid: self.number(Field::Mid),
            conversion,
            principles,
            label_cy: self.text(Field::LabelCy),
            source: self.text(Field::Source),
            ls_per_point: self.number(Field::LsPerPoint),
        };
        // The one validator of measure definitions (shared with `[[measures]]` in mwm.toml),
        // each problem at its cell.
        for p in def.problems() {
            self.fail(Some(p.field), Some(p.value), p.message);
        }
        Some(MeasureRow { idx, def })
    }

    fn output(&mut self) -> Option<OutputCells<'a>> {
        let project = self.project_cow();
        let date = self.required(Field::Date, value::date);
        let measure = self.text_cow(Field::Measure, true);
        let amount = self.required(Field::Value, value::number);
        let amount = self.summable(Field::Value, amount);
        if let Some(v) = amount
            && v < 0.0
        {
            self.fail(
                Some(Field::Value),
                Some(crate::format::format_number(v)),
                "is negative: an output value is 0 or more",
            );
        }
        let principles = self.principles(Field::Principles);
        let notes = self.text_cow(Field::Notes, false);
        let measure_en = self.text_cow(Field::MeasureEn, false);
        let measure_cy = self.text_cow(Field::MeasureCy, false);
        Some(OutputCells {
            project,
            date: date?,
            measure: measure?,
            value: amount?,
            principles,
            notes,
            measure_en,
            measure_cy,
        })
    }

    fn outcome(&mut self) -> Option<OutcomeCells<'a>> {
        let project = self.project_cow();
        let person = self.text_cow(Field::PersonId, true);
        let measure = self.text_cow(Field::Measure, true);
        let date = self.required(Field::Date, value::date);
        let score = self.required(Field::Score, value::number);
        Some(OutcomeCells {
            project,
            person: person?,
            measure: measure?,
            date: date?,
            score: score?,
        })
    }

    /// A row of a wide outcomes sheet: one score per filled measure-wave cell, each checked on
    /// its own, so that a wrong cell leaves out that score and not the row (SPEC 2.4). Returns
    /// the row (`None` when it cannot be used at all) and how many score cells were filled.
    fn wide(&mut self, layout: &WideLayout) -> (Option<WideCells<'a>>, u64, Vec<BadCell>) {
        let project = self.project_cow();
        let person = self.text_cow(Field::PersonId, true);
        // Each dated wave's date: `Err` for a wave whose date is wrong (its scores are left
        // out, the problem said at the date cell once).
        let mut sorted: Vec<&(u8, Column)> = layout.dates.iter().collect();
        sorted.sort_by_key(|(wave, _)| *wave);
        let mut dates: Vec<(u8, Result<Option<i32>, ()>)> = Vec::with_capacity(sorted.len());
        let mut previous: Option<(i32, &Column)> = None;
        for (wave, column) in sorted {
            let cell = self.cells.get(column.index).copied().unwrap_or(Cell::Empty);
            let date = match value::date(cell) {
                Ok(Some(d)) => match previous {
                    Some((before, before_column)) if d <= before => {
                        self.fail_cell(
                            column,
                            cell.shown(),
                            format!(
                                "is not after {} in \"{}\": a row's wave dates follow the wave order; this wave's scores in the row are left out",
                                crate::format::format_date(before),
                                before_column.header
                            ),
                        );
                        Err(())
                    }
                    _ => {
                        previous = Some((d, column));
                        Ok(Some(d))
                    }
                },
                Ok(None) => Ok(None),
                Err(message) => {
                    self.fail_cell(
                        column,
                        cell.shown(),
                        format!("{message}; this wave's scores in the row are left out"),
                    );
                    Err(())
                }
            };
            dates.push((*wave, date));
        }
        let mut read = 0u64;
        let mut bad = Vec::new();
        let mut scores = Vec::with_capacity(layout.scores.len());
        for (i, wide_score) in layout.scores.iter().enumerate() {
            let column = &wide_score.column;
            let cell = self.cells.get(column.index).copied().unwrap_or(Cell::Empty);
            let score = match value::number(cell) {
                // Blank, or "n/a", "not answered": no score at this wave.
                Ok(None) => continue,
                Ok(Some(score)) => score,
                // Said once the measures are known (`check`): a column named like a measure
                // and wave that is no measure ("First name") must not have its cells, which
                // may be personal, repeated in messages and pages.
                Err(message) => {
                    read += 1;
                    bad.push(BadCell {
                        idx: 0,
                        col: column.col,
                        value: cell.shown(),
                        message: format!("{message}; this score is left out"),
                        project: project.as_deref().map(str::to_string),
                    });
                    continue;
                }
            };
            read += 1;
            let date = match dates.iter().find(|(w, _)| *w == wide_score.wave) {
                None | Some((_, Ok(None))) => wide::undated(wide_score.wave),
                Some((_, Ok(Some(d)))) => *d,
                Some((_, Err(()))) => continue,
            };
            scores.push((i, date, score));
        }
        let nothing_said = self.problems.len() == self.problems_before && bad.is_empty();
        if scores.is_empty() && nothing_said && person.is_some() {
            self.fail(
                Some(Field::PersonId),
                person.as_deref().map(str::to_string),
                "has no score in any measure column: the row is left out",
            );
        }
        let row = match (person, self.ok) {
            (Some(person), true) => Some(WideCells {
                project,
                person,
                scores,
            }),
            _ => None,
        };
        (row, read, bad)
    }

    /// A value that is kept as missing, with a warning, when it is not recognised.
    fn lenient<T>(
        &mut self,
        field: Field,
        parse: impl Fn(&str) -> Option<T>,
        expected: &str,
    ) -> Option<T> {
        let text = value::text(self.cell(field))?;
        let parsed = parse(&text);
        if parsed.is_none() {
            self.warn(
                field,
                text,
                format!("is not recognised ({expected}): kept as missing"),
            );
        }
        parsed
    }

    fn narrative(&mut self, idx: u32) -> Option<(NarrativeRow, Option<String>)> {
        let project = self.project_id();
        let text = self.required_text(Field::Text);
        let row = NarrativeRow {
            idx,
            project: NO_PROJECT,
            heading: self.text(Field::Heading),
            text: text?,
            language: self.lenient(Field::Language, Language::parse, "en or cy"),
            date: self.parse(Field::Date, value::date),
        };
        Some((row, project))
    }

    /// A story row. When it is not told with consent, no cell of it but its project may
    /// appear anywhere (SPEC 4.4), not even as the value of one of its problems: those values
    /// are written as withheld.
    fn story(&mut self, idx: u32) -> Option<(StoryRow, Option<String>)> {
        let first = self.problems.len();
        let consented = matches!(value::boolean(self.cell(Field::Consent)), Ok(Some(true)));
        let row = self.story_cells(idx);
        if !consented {
            for p in &mut self.problems[first..] {
                // A message may say what is wrong with the value ("February 2024 has no
                // 31st"), so it goes too: the cell's place is enough to find it.
                if p.value.is_some() {
                    p.value = Some(WITHHELD.to_string());
                    p.message = "cannot be used; it is not shown because the story has no consent to be quoted (look at the cell in your file)".to_string();
                }
            }
        }
        row
    }

    fn story_cells(&mut self, idx: u32) -> Option<(StoryRow, Option<String>)> {
        let project = self.project_id();
        let text = self.required_text(Field::Text);
        let principles = self.principles(Field::Principles);
        let spectrum = match value::text(self.cell(Field::Spectrum)) {
            None => None,
            Some(t) => match Spectrum::parse(&t) {
                Some(s) => Some(s),
                None => {
                    self.fail(
                        Some(Field::Spectrum),
                        Some(t),
                        "is not a step of the spectrum of engagement (coercion, protection, education, persuasion, information, consultation, participation, co-production, involvement) or a band (doing to, doing for, doing with)",
                    );
                    None
                }
            },
        };
        let consent = self
            .lenient(
                Field::Consent,
                value::parse_bool_text,
                "yes or no; a story without a clear yes is never quoted",
            )
            .unwrap_or(false);
        let row = StoryRow {
            idx,
            project: NO_PROJECT,
            story_id: self.text(Field::StoryId),
            date: self.parse(Field::Date, value::date),
            title: self.text(Field::Title),
            text: text?,
            what_matters: self.text(Field::WhatMatters),
            achieved: self.lenient(Field::Achieved, Achieved::parse, "yes, partly or not yet"),
            principles,
            spectrum,
            consent,
            teller: self.lenient(
                Field::Teller,
                Teller::parse,
                "citizen, carer, family, professional, volunteer, community or other",
            ),
            language: self.lenient(Field::Language, Language::parse, "en or cy"),
            translation: self.text(Field::Translation),
        };
        Some((row, project))
    }

    fn audit(&mut self, idx: u32) -> Option<(AuditRow, Option<String>)> {
        let project = self.project_id();
        let date = self.required(Field::Date, value::date);
        let principle = match value::text(self.cell(Field::Principle)) {
            None => {
                self.missing(Field::Principle);
                None
            }
            Some(t) => {
                let p = Principle::parse(&t);
                if p.is_none() {
                    self.fail(
                        Some(Field::Principle),
                        Some(t),
                        "is not a principle (use assets, networks, outcomes, relationships or enabling, in English or Welsh)",
                    );
                }
                p
            }
        };
        let item = self.required(Field::Item, |c| value::whole_in(c, 1, 3));
        let score = self.required(Field::Score, |c| value::whole_in(c, 1, 5));
        Some((
            AuditRow {
                idx,
                project: NO_PROJECT,
                date: date?,
                principle: principle?,
                item: item?,
                score: score?,
            },
            project,
        ))
    }
}
