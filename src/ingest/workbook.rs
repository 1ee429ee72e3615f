//! Workbooks (SPEC 2.1): xlsx, xlsm, xls and ods through calamine, every sheet. Row numbers
//! and cell references are absolute (a sheet's used range may start below or right of A1), and
//! date cells become dates whatever the workbook's date system (1900 or 1904).

use super::discover::{Source, WorkbookKind};
use super::rows::ParsedSheet;
use super::sheet::{self, HEADER_SEARCH_ROWS, SheetStart};
use super::value::{self, Cell};
use crate::config::LoadedConfig;
use crate::problems::{Problem, Severity};
use calamine::{Data, Ods, Range, Reader, Xls, Xlsx};
use std::cell::Cell as Flag;
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

thread_local! {
    /// Set while this thread is inside the spreadsheet reader.
    static IN_READER: Flag<bool> = const { Flag::new(false) };
}

/// Keeps the spreadsheet reader's own panics (on damaged files, which are reported as
/// unreadable) off stderr; every other panic is still printed by the default hook.
fn quiet_reader_panics() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !IN_READER.with(Flag::get) {
                default(info);
            }
        }));
    });
}

/// Every sheet of a workbook with its cells, in workbook order.
type Sheets = Vec<(String, Result<Range<Data>, String>)>;

fn open(bytes: Vec<u8>, kind: WorkbookKind) -> Result<Sheets, String> {
    fn all<R: Reader<Cursor<Vec<u8>>>>(mut book: R) -> Sheets
    where
        R::Error: std::fmt::Display,
    {
        let names = book.sheet_names();
        names
            .into_iter()
            .map(|name| {
                let range = book.worksheet_range(&name).map_err(|e| e.to_string());
                (name, range)
            })
            .collect()
    }
    let cursor = Cursor::new(bytes);
    match kind {
        WorkbookKind::Xlsx => Xlsx::new(cursor).map(all).map_err(|e| e.to_string()),
        WorkbookKind::Xls => Xls::new(cursor).map(all).map_err(|e| e.to_string()),
        WorkbookKind::Ods => Ods::new(cursor).map(all).map_err(|e| e.to_string()),
    }
}

/// Reads every sheet of one workbook.
pub fn read_workbook(
    bytes: Vec<u8>,
    kind: WorkbookKind,
    source: &Source,
    config: &LoadedConfig,
    problems: &mut Vec<Problem>,
) -> Vec<ParsedSheet> {
    let shown = source.shown.as_str();
    // A damaged file must never take the run down: a panic inside the reader is reported as
    // an unreadable file, like any other error of the format.
    quiet_reader_panics();
    IN_READER.with(|f| f.set(true));
    let opened = catch_unwind(AssertUnwindSafe(|| open(bytes, kind)))
        .unwrap_or_else(|_| Err("the spreadsheet reader failed on this file".into()));
    IN_READER.with(|f| f.set(false));
    let sheets = match opened {
        Ok(sheets) => sheets,
        Err(e) => {
            problems.push(Problem::file(
                Severity::Error,
                shown,
                format!("cannot be read as a spreadsheet ({e}): is the file complete? Open it in your spreadsheet program and save it again"),
            ));
            return Vec::new();
        }
    };
    let mut parsed = Vec::new();
    for (name, range) in sheets {
        let sheet_problem = |severity, message: String| Problem {
            sheet: Some(name.clone()),
            ..Problem::file(severity, shown, message)
        };
        let range = match range {
            Ok(r) => r,
            Err(e) => {
                problems.push(sheet_problem(
                    Severity::Error,
                    format!("cannot be read ({e})"),
                ));
                continue;
            }
        };
        let Some((row0, col0)) = range
            .start()
            .filter(|_| range.used_cells().next().is_some())
        else {
            problems.push(sheet_problem(
                Severity::Warning,
                "has no cells: skipped".into(),
            ));
            continue;
        };
        let start = SheetStart {
            file: shown,
            sheet: Some(&name),
            names: &[&name],
            group: &source.group,
            first_col: col0,
        };
        let first: Vec<(u32, Vec<Cell<'_>>)> = range
            .rows()
            .take(HEADER_SEARCH_ROWS)
            .enumerate()
            .map(|(i, row)| (row0 + i as u32 + 1, row.iter().map(cell).collect()))
            .collect();
        let Some((mut parser, header_index)) = sheet::begin(&start, &first, config, problems)
        else {
            continue;
        };
        let mut cells = Vec::new();
        for (i, row) in range.rows().enumerate().skip(header_index + 1) {
            cells.clear();
            cells.extend(row.iter().map(cell));
            parser.push(row0 + i as u32 + 1, &cells, None, problems);
        }
        parsed.push(parser.finish());
    }
    parsed
}

/// A calamine cell as mwm's cell.
fn cell(data: &Data) -> Cell<'_> {
    match data {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) => Cell::Text(s),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_duration() => Cell::Number(dt.as_f64()),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            match crate::format::days_from_ymd(y as i32, m as u32, d as u32) {
                Some(days) => Cell::Date(days),
                None => Cell::Number(dt.as_f64()),
            }
        }
        Data::DateTimeIso(s) => match value::parse_date_text(s) {
            Some(days) => Cell::Date(days),
            None => Cell::Text(s),
        },
        Data::DurationIso(s) => Cell::Text(s),
        Data::Error(e) => Cell::Error(error_text(e)),
    }
}

fn error_text(e: &calamine::CellErrorType) -> &'static str {
    use calamine::CellErrorType::*;
    match e {
        Div0 => "#DIV/0!",
        NA => "#N/A",
        Name => "#NAME?",
        Null => "#NULL!",
        Num => "#NUM!",
        Ref => "#REF!",
        Value => "#VALUE!",
        GettingData => "#DATA!",
    }
}
