//! Row types: what each row of each table becomes once its cells are checked (SPEC 2.4), and
//! the parsed sheet that holds them with the status of every row read, so that the ledger of
//! SPEC 3.2 is counted, not inferred. The cell checks themselves are in `cells`.

use super::strings::Strings;
use super::value::{self};
use crate::model::{
    Achieved, Language, MeasureDef, Principle, Principles, Project, Spectrum, Teller,
};
use crate::problems::{Problem, Severity};
use crate::schema::{Field, Kind};

/// Where a canonical column sits in a sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The header as written in the file.
    pub header: String,
    /// Index of the cell within a row as the reader hands rows over.
    pub index: usize,
    /// Absolute 0-based column of the sheet (for the cell reference).
    pub col: u32,
}

/// A table sheet: where it is and how its columns map to fields.
#[derive(Debug, Clone)]
pub struct SheetInfo {
    pub file: String,
    /// `None` for a CSV file.
    pub sheet: Option<String>,
    pub kind: Kind,
    /// The single-project rule's scope (a workbook, or a folder of CSV files).
    pub group: String,
    pub columns: Vec<Option<Column>>,
    /// The row number of the header row as the user sees it.
    pub header_row: u32,
    /// The score and date columns of an outcomes sheet in the wide form (SPEC 2.4).
    pub wide: Option<WideLayout>,
}

/// A measure-wave column of a wide outcomes sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct WideScore {
    pub column: Column,
    /// The measure as the header writes it.
    pub measure: String,
    pub wave: u8,
}

/// The columns of a wide outcomes sheet, in column order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WideLayout {
    pub scores: Vec<WideScore>,
    /// Each dated wave and its date column.
    pub dates: Vec<(u8, Column)>,
}

/// The column of a long row's score in [`OutcomeRows::col`].
pub const LONG_SCORE: u32 = u32::MAX;

impl SheetInfo {
    pub fn column(&self, field: Field) -> Option<&Column> {
        self.columns.get(field as usize).and_then(Option::as_ref)
    }

    /// A problem at a cell of this sheet. When the column is absent the field name stands in.
    pub fn problem(
        &self,
        severity: Severity,
        row: u32,
        field: Option<Field>,
        value: Option<String>,
        message: impl Into<String>,
    ) -> Problem {
        let column = field.map(|f| self.column(f));
        Problem {
            severity,
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            row: Some(row),
            column: match (field, &column) {
                (Some(_), Some(Some(c))) => Some(c.header.clone()),
                (Some(f), _) => Some(f.name().to_string()),
                (None, _) => None,
            },
            cell: match (&self.sheet, column) {
                (Some(_), Some(Some(c))) => Some(format!("{}{row}", value::column_letters(c.col))),
                _ => None,
            },
            value,
            message: message.into(),
            project: None,
        }
    }

    /// A problem at the score of an outcome row: its `score` cell, or in a wide sheet the
    /// measure-wave cell at absolute column `col`.
    pub fn score_problem(
        &self,
        severity: Severity,
        row: u32,
        col: u32,
        value: Option<String>,
        message: impl Into<String>,
    ) -> Problem {
        match self.wide_column(col) {
            Some(column) => self.problem_at(severity, row, column, value, message),
            None => self.problem(severity, row, Some(Field::Score), value, message),
        }
    }

    /// The column of a wide sheet at absolute column `col`, score or date.
    pub fn wide_column(&self, col: u32) -> Option<&Column> {
        let wide = self.wide.as_ref()?;
        wide.scores
            .iter()
            .map(|s| &s.column)
            .chain(wide.dates.iter().map(|(_, c)| c))
            .find(|c| c.col == col)
    }

    /// A problem at a cell of a column that is no field (a wide sheet's columns).
    pub fn problem_at(
        &self,
        severity: Severity,
        row: u32,
        column: &Column,
        value: Option<String>,
        message: impl Into<String>,
    ) -> Problem {
        Problem {
            severity,
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            row: Some(row),
            column: Some(column.header.clone()),
            cell: self
                .sheet
                .as_ref()
                .map(|_| format!("{}{row}", value::column_letters(column.col))),
            value,
            message: message.into(),
            project: None,
        }
    }
}

/// What became of a row read (SPEC 3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStatus {
    /// Parsed, waiting for the checks across rows.
    Pending,
    Used,
    Excluded,
    Duplicate,
    Blank,
}

/// Marks for "no project id in the row": the single-project rule may supply one later.
pub const NO_PROJECT: u32 = u32::MAX;

#[derive(Debug, Clone, PartialEq)]
pub struct ProjectRow {
    pub idx: u32,
    pub project: Project,
}

/// A measures row or `[[measures]]` entry: only what it fills (SPEC 2.4 overrides).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MeasureRow {
    pub idx: u32,
    pub def: MeasureDef,
}

#[derive(Debug, Clone, Default)]
pub struct OutputRows {
    pub idx: Vec<u32>,
    pub project: Vec<u32>,
    pub date: Vec<i32>,
    pub measure: Vec<u32>,
    pub value: Vec<f64>,
    pub principles: Vec<Principles>,
    pub notes: Vec<Option<u32>>,
    /// The measure's name in English and in Welsh, where the row gives them.
    pub measure_en: Vec<Option<u32>>,
    pub measure_cy: Vec<Option<u32>>,
}

/// Outcome rows are the large table (millions of rows): columns, strings as sheet-local codes.
#[derive(Debug, Clone, Default)]
pub struct OutcomeRows {
    pub idx: Vec<u32>,
    pub project: Vec<u32>,
    pub person: Vec<u32>,
    pub measure: Vec<u32>,
    /// Days since 1970-01-01; an undated wide score's is `wide::undated(wave)`.
    pub date: Vec<i32>,
    pub score: Vec<f64>,
    /// The absolute column of the score's cell in a wide sheet; empty in a long one, whose
    /// scores are each the row's [`LONG_SCORE`] cell (80 MB less at 20 million scores).
    pub col: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StoryRow {
    pub idx: u32,
    pub project: u32,
    pub story_id: Option<String>,
    pub date: Option<i32>,
    pub title: Option<String>,
    pub text: String,
    pub what_matters: Option<String>,
    pub achieved: Option<Achieved>,
    pub principles: Principles,
    pub spectrum: Option<Spectrum>,
    pub consent: bool,
    pub teller: Option<Teller>,
    pub language: Option<Language>,
    pub translation: Option<String>,
}

/// A narrative row (SPEC 2.4 `narrative`).
#[derive(Debug, Clone, PartialEq)]
pub struct NarrativeRow {
    pub idx: u32,
    pub project: u32,
    pub heading: Option<String>,
    pub text: String,
    pub language: Option<Language>,
    pub date: Option<i32>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AuditRow {
    pub idx: u32,
    pub project: u32,
    pub date: i32,
    pub principle: Principle,
    pub item: u8,
    pub score: u8,
}

/// The typed rows of one sheet, by table kind.
#[derive(Debug, Clone)]
pub enum KindRows {
    Projects(Vec<ProjectRow>),
    Measures(Vec<MeasureRow>),
    Outputs(OutputRows),
    Outcomes(OutcomeRows),
    Stories(Vec<StoryRow>),
    Audit(Vec<AuditRow>),
    Narrative(Vec<NarrativeRow>),
}

/// One table sheet after reading: its typed rows and the fate of every row read.
#[derive(Debug, Clone)]
pub struct ParsedSheet {
    pub info: SheetInfo,
    /// Row number as the user sees it, per row read.
    pub row_numbers: Vec<u32>,
    pub status: Vec<RowStatus>,
    pub rows: KindRows,
    /// Sheet-local strings that row codes (project, person, measure, notes) point into.
    pub strings: Strings,
    /// Outcomes: the scores read (filled score cells, whatever became of them).
    pub scores_read: u64,
    /// Wide outcomes: score cells that are no number, said by `check` once it knows whether
    /// their column names a measure.
    pub bad_cells: Vec<BadCell>,
}

/// A score cell of a wide outcomes sheet that is no number.
#[derive(Debug, Clone, PartialEq)]
pub struct BadCell {
    /// The row index.
    pub idx: u32,
    /// The absolute column.
    pub col: u32,
    pub value: String,
    pub message: String,
    /// The row's project id as written.
    pub project: Option<String>,
}

impl ParsedSheet {
    /// Appends the rows of a later piece of the same sheet, after the blank rows `blanks`
    /// that lay between the two; the piece's strings are coded again in first-seen order, so
    /// the result is the sheet one pass would have made.
    pub fn append(&mut self, piece: ParsedSheet, blanks: &[u32]) {
        for &row in blanks {
            self.row_numbers.push(row);
            self.status.push(RowStatus::Blank);
        }
        let offset = self.status.len() as u32;
        self.row_numbers.extend(piece.row_numbers);
        self.status.extend(piece.status);
        // Room for the piece's strings at once (most are people, new to the sheet), rather
        // than rehashing the sheet's table as it doubles.
        self.strings.reserve(piece.strings.len());
        let recode: Vec<u32> = piece.strings.iter().map(|s| self.strings.code(s)).collect();
        self.scores_read += piece.scores_read;
        self.bad_cells
            .extend(piece.bad_cells.into_iter().map(|b| BadCell {
                idx: b.idx + offset,
                ..b
            }));
        let code = |c: u32| {
            if c == NO_PROJECT {
                NO_PROJECT
            } else {
                recode[c as usize]
            }
        };
        match (&mut self.rows, piece.rows) {
            (KindRows::Projects(a), KindRows::Projects(b)) => {
                a.extend(b.into_iter().map(|r| ProjectRow {
                    idx: r.idx + offset,
                    ..r
                }))
            }
            (KindRows::Measures(a), KindRows::Measures(b)) => {
                a.extend(b.into_iter().map(|r| MeasureRow {
                    idx: r.idx + offset,
                    ..r
                }))
            }
            (KindRows::Outputs(a), KindRows::Outputs(b)) => {
                a.idx.extend(b.idx.iter().map(|i| i + offset));
                a.project.extend(b.project.iter().map(|c| code(*c)));
                a.date.extend(b.date);
                a.measure.extend(b.measure.iter().map(|c| code(*c)));
                a.value.extend(b.value);
                a.principles.extend(b.principles);
                a.notes.extend(b.notes.iter().map(|n| n.map(code)));
                a.measure_en
                    .extend(b.measure_en.iter().map(|n| n.map(code)));
                a.measure_cy
                    .extend(b.measure_cy.iter().map(|n| n.map(code)));
            }
            (KindRows::Outcomes(a), KindRows::Outcomes(b)) => {
                a.idx.extend(b.idx.iter().map(|i| i + offset));
                a.project.extend(b.project.iter().map(|c| code(*c)));
                a.person.extend(b.person.iter().map(|c| code(*c)));
                a.measure.extend(b.measure.iter().map(|c| code(*c)));
                a.date.extend(b.date);
                a.score.extend(b.score);
                a.col.extend(b.col);
            }
            (KindRows::Stories(a), KindRows::Stories(b)) => {
                a.extend(b.into_iter().map(|r| StoryRow {
                    idx: r.idx + offset,
                    project: code(r.project),
                    ..r
                }))
            }
            (KindRows::Audit(a), KindRows::Audit(b)) => a.extend(b.into_iter().map(|r| AuditRow {
                idx: r.idx + offset,
                project: code(r.project),
                ..r
            })),
            (KindRows::Narrative(a), KindRows::Narrative(b)) => {
                a.extend(b.into_iter().map(|r| NarrativeRow {
                    idx: r.idx + offset,
                    project: code(r.project),
                    ..r
                }))
            }
            // Pieces of one sheet always hold the same kind of rows.
            _ => {}
        }
    }

    /// Room for `rows` more rows in every column (the large tables: outputs and outcomes).
    pub fn reserve(&mut self, rows: usize) {
        crate::room::reserve(&mut self.row_numbers, rows);
        crate::room::reserve(&mut self.status, rows);
        match &mut self.rows {
            KindRows::Outputs(o) => {
                crate::room::reserve(&mut o.idx, rows);
                crate::room::reserve(&mut o.project, rows);
                crate::room::reserve(&mut o.date, rows);
                crate::room::reserve(&mut o.measure, rows);
                crate::room::reserve(&mut o.value, rows);
                crate::room::reserve(&mut o.principles, rows);
                crate::room::reserve(&mut o.notes, rows);
                crate::room::reserve(&mut o.measure_en, rows);
                crate::room::reserve(&mut o.measure_cy, rows);
            }
            KindRows::Outcomes(o) => {
                crate::room::reserve(&mut o.idx, rows);
                crate::room::reserve(&mut o.project, rows);
                crate::room::reserve(&mut o.person, rows);
                crate::room::reserve(&mut o.measure, rows);
                crate::room::reserve(&mut o.date, rows);
                crate::room::reserve(&mut o.score, rows);
                if self.info.wide.is_some() {
                    crate::room::reserve(&mut o.col, rows);
                }
            }
            _ => {}
        }
    }

    /// The file, and the sheet of a workbook, as messages show them: `data/a.xlsx › Outcomes`.
    pub fn shown(&self) -> String {
        match &self.info.sheet {
            Some(s) => format!("{} › {s}", self.info.file),
            None => self.info.file.clone(),
        }
    }

    /// The row number the user sees for a row index.
    pub fn row_number(&self, idx: u32) -> u32 {
        self.row_numbers[idx as usize]
    }

    pub fn string(&self, code: u32) -> &str {
        self.strings.get(code)
    }
}
