//! Workbooks (SPEC 2.1): xlsx, xlsm, xls and ods through calamine, every sheet. Row numbers
//! and cell references are absolute (a sheet's used range may start below or right of A1), and
//! date cells become dates whatever the workbook's date system (1900 or 1904).
//!
//! A workbook is a few kilobytes that can claim a grid of billions of cells (one value at
//! XFD1048576, a forged `.xls` dimension record, an `.ods` row repeated a million times), and
//! calamine allocates the whole grid. So the size of every sheet is known before its grid
//! exists: xlsx sheets are read cell by cell into a sparse list (never a grid), and `.xls` and
//! `.ods` files, whose readers build every sheet's grid when the file is opened, are measured
//! first by a scan of their records ([`super::bounds`]). A sheet over [`MAX_SHEET_CELLS`] is a
//! structural error naming the file, the sheet and its used range.

use super::bounds::{self, Extent, MAX_SHEET_CELLS, MAX_SHEET_TEXT_BYTES};
use super::discover::{Source, WorkbookKind};
use super::rows::ParsedSheet;
use super::sheet::{self, HEADER_SEARCH_ROWS, SheetStart};
use super::value::{self, Cell};
use crate::config::LoadedConfig;
use crate::problems::{Problem, Severity};
use calamine::{Data, DataRef, Ods, Range, Reader, Xls, Xlsx, XlsxError};
use std::borrow::Cow;
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

/// Runs `f` inside the spreadsheet reader: a panic there (calamine on a damaged file) comes
/// back as an error, like any other error of the format.
fn guarded<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    quiet_reader_panics();
    IN_READER.with(|flag| flag.set(true));
    let result = catch_unwind(AssertUnwindSafe(f))
        .unwrap_or_else(|_| Err("the spreadsheet reader failed on this file".into()));
    IN_READER.with(|flag| flag.set(false));
    result
}

/// One sheet's cells: calamine's grid (xls, ods), or the non-empty cells of an xlsx sheet in
/// row order with their used range.
enum Grid {
    Dense(Range<Data>),
    Sparse {
        cells: Vec<((u32, u32), Data)>,
        start: (u32, u32),
        end: (u32, u32),
    },
}

/// Why a sheet is not read.
enum SheetError {
    /// The reader's own error text.
    Unreadable(String),
    /// Larger than mwm reads: the message says how.
    TooLarge(String),
}

impl Grid {
    /// The top-left cell of the used range, when the sheet has a cell with a value.
    fn start(&self) -> Option<(u32, u32)> {
        match self {
            Grid::Dense(range) => range
                .start()
                .filter(|_| range.used_cells().next().is_some()),
            Grid::Sparse { cells, start, .. } => (!cells.is_empty()).then_some(*start),
        }
    }

    /// Every row of the used range from its top, as (row number as shown, cells): mwm's
    /// cells borrow calamine's, so that no cell's text is copied.
    fn rows(&self) -> Box<dyn Iterator<Item = (u32, Vec<Cell<'_>>)> + '_> {
        match self {
            Grid::Dense(range) => {
                let row0 = range.start().map_or(0, |s| s.0);
                Box::new(
                    range
                        .rows()
                        .enumerate()
                        .map(move |(i, r)| (row0 + i as u32 + 1, r.iter().map(cell).collect())),
                )
            }
            Grid::Sparse { cells, start, end } => {
                let width = (end.1 - start.1 + 1) as usize;
                let (col0, mut next) = (start.1, 0usize);
                Box::new((start.0..=end.0).map(move |row| {
                    let mut buffer = vec![Cell::Empty; width];
                    while let Some(((r, c), data)) = cells.get(next) {
                        if *r != row {
                            break;
                        }
                        buffer[(c - col0) as usize] = cell(data);
                        next += 1;
                    }
                    (row + 1, buffer)
                }))
            }
        }
    }
}

/// Reads every sheet of one workbook, one sheet at a time.
pub fn read_workbook(
    bytes: &[u8],
    kind: WorkbookKind,
    source: &Source,
    config: &LoadedConfig,
    problems: &mut Vec<Problem>,
) -> Vec<ParsedSheet> {
    let shown = source.shown.as_str();
    let file_problem = |message: String| {
        Problem::file(
            Severity::Error,
            shown,
            format!(
                "cannot be read as a spreadsheet ({message}): is the file complete? Open it in your spreadsheet program and save it again"
            ),
        )
    };
    // The grids that opening an .xls or .ods file builds, measured before they exist.
    let measured = match kind {
        WorkbookKind::Xls => bounds::xls_sheets(bytes),
        WorkbookKind::Ods => bounds::ods_sheets(bytes),
        WorkbookKind::Xlsx => None,
    };
    if let Some(sheets) = &measured
        && let Some(problem) = too_large(shown, sheets)
    {
        problems.push(problem);
        return Vec::new();
    }
    let mut parsed = Vec::new();
    let mut each = |name: String, grid: Result<Grid, SheetError>, problems: &mut Vec<Problem>| {
        let name = crate::problems::visible(&name).into_owned();
        match grid {
            Ok(grid) => parsed.extend(read_sheet(&name, grid, source, config, problems)),
            Err(e) => problems.push(Problem {
                sheet: Some(name),
                ..Problem::file(
                    Severity::Error,
                    shown,
                    match e {
                        SheetError::Unreadable(e) => format!("cannot be read ({e})"),
                        SheetError::TooLarge(message) => message,
                    },
                )
            }),
        }
    };
    let cursor = Cursor::new(bytes);
    let opened = match kind {
        WorkbookKind::Xlsx => guarded(|| {
            let mut book = Xlsx::new(cursor).map_err(|e| e.to_string())?;
            for name in book.sheet_names() {
                let grid = guarded(|| Ok(xlsx_sheet(&mut book, &name)))
                    .unwrap_or_else(|e| Err(SheetError::Unreadable(e)));
                each(name, grid, problems);
            }
            Ok(())
        }),
        WorkbookKind::Xls => guarded(|| {
            let book = Xls::new(cursor).map_err(|e| e.to_string())?;
            dense_sheets(book, &mut |n, g| each(n, g, problems));
            Ok(())
        }),
        WorkbookKind::Ods => guarded(|| {
            let book = Ods::new(cursor).map_err(|e| e.to_string())?;
            dense_sheets(book, &mut |n, g| each(n, g, problems));
            Ok(())
        }),
    };
    if let Err(e) = opened {
        problems.push(file_problem(e));
        return Vec::new();
    }
    parsed
}

/// The structural error for a workbook whose measured sheets are too large: the first sheet
/// over the limit, or the whole workbook when together they are.
fn too_large(shown: &str, sheets: &[(String, Extent)]) -> Option<Problem> {
    let sheet_problem = |name: &str, message: String| Problem {
        sheet: Some(crate::problems::visible(name).into_owned()),
        ..Problem::file(Severity::Error, shown, message)
    };
    for (name, extent) in sheets {
        if let Some(message) = extent.refusal() {
            return Some(sheet_problem(name, message));
        }
    }
    let total: u64 = sheets.iter().map(|(_, e)| e.cells()).sum();
    let text: u64 = sheets.iter().map(|(_, e)| e.text_bytes).sum();
    (total > MAX_SHEET_CELLS || text > MAX_SHEET_TEXT_BYTES).then(|| {
        Problem::file(
            Severity::Error,
            shown,
            format!(
                "is too large to read: its {} sheets hold {} cells and {} bytes of text together, and this format is read whole (at most {} cells, {} bytes of text): save the tables as .xlsx or CSV files, one per sheet",
                sheets.len(),
                bounds::thousands(total),
                bounds::thousands(text),
                bounds::thousands(MAX_SHEET_CELLS),
                bounds::thousands(MAX_SHEET_TEXT_BYTES),
            ),
        )
    })
}

/// Every sheet of a workbook whose reader holds the grids already (xls, ods).
fn dense_sheets<'b, R: Reader<Cursor<&'b [u8]>>>(
    mut book: R,
    each: &mut dyn FnMut(String, Result<Grid, SheetError>),
) where
    R::Error: std::fmt::Display,
{
    for name in book.sheet_names() {
        let grid = book
            .worksheet_range(&name)
            .map(|mut range| {
                clean_range(&mut range);
                Grid::Dense(range)
            })
            .map_err(|e| SheetError::Unreadable(e.to_string()));
        each(name, grid);
    }
}

/// Control characters of text cells made visible, once for every cell (see [`clean_text`]).
fn clean_range(range: &mut Range<Data>) {
    for i in 0..range.height() {
        for data in range[i].iter_mut() {
            if let Data::String(s) = data
                && let Cow::Owned(clean) = clean_text(s)
            {
                *s = clean;
            }
        }
    }
}

/// Cell text as mwm keeps it: a CR LF or a lone CR (old Mac line end) inside a cell is a line
/// break, and other control characters (a NUL, a terminal escape) are written visibly, like
/// `\u{1b}`, so that they never reach a page or a terminal raw (issue 15).
pub fn clean_text(text: &str) -> Cow<'_, str> {
    // Almost every cell has none of these: one pass over its bytes says so. A control
    // character is a byte below 0x20 or 0x7F, or a C1 one (U+0080 to U+009F, 0xC2 then a
    // byte 0x80 to 0x9F in UTF-8); tab and line feed are kept and need no work either.
    let plain = text
        .bytes()
        .all(|b| (b >= 0x20 && b != 0x7F && b != 0xC2) || b == b'\t' || b == b'\n');
    if plain {
        return Cow::Borrowed(text);
    }
    if !text.contains('\r') {
        return crate::problems::visible(text);
    }
    let lines = text.replace("\r\n", "\n").replace('\r', "\n");
    Cow::Owned(crate::problems::visible(&lines).into_owned())
}

/// One xlsx sheet, read cell by cell: only cells with a value are kept, and reading stops as
/// soon as the used range, the number of cells or their text passes the limits, so a sheet
/// that claims a huge grid costs nothing.
fn xlsx_sheet(book: &mut Xlsx<Cursor<&[u8]>>, name: &str) -> Result<Grid, SheetError> {
    let mut reader = match book.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        // A chart sheet: no cells.
        Err(XlsxError::NotAWorksheet(_)) => {
            return Ok(Grid::Sparse {
                cells: Vec::new(),
                start: (0, 0),
                end: (0, 0),
            });
        }
        Err(e) => return Err(SheetError::Unreadable(e.to_string())),
    };
    let mut extent = Extent::default();
    let mut cells = Vec::new();
    let mut sorted = true;
    loop {
        let cell = match reader.next_cell() {
            Ok(Some(cell)) => cell,
            Ok(None) => break,
            Err(e) => return Err(SheetError::Unreadable(e.to_string())),
        };
        let value = cell.get_value();
        if matches!(value, DataRef::Empty) {
            continue;
        }
        let pos = cell.get_position();
        let mut data = Data::from(value.clone());
        if let Data::String(s) = &mut data {
            extent.text_bytes += s.len() as u64;
            if let Cow::Owned(clean) = clean_text(s) {
                *s = clean;
            }
        }
        extent.add(pos);
        extent.stored += 1;
        if let Some(message) = extent.refusal() {
            return Err(SheetError::TooLarge(message));
        }
        match cells.last_mut() {
            // The same cell again (only a damaged or crafted file does this): the last wins.
            Some((last, value)) if *last == pos => *value = data,
            last => {
                sorted &= last.is_none_or(|(last, _)| *last < pos);
                cells.push((pos, data));
            }
        }
    }
    if !sorted {
        // Rows out of order; a cell given twice keeps its last value, as calamine's grid does.
        cells.sort_by_key(|(pos, _)| *pos);
        let mut deduped: Vec<((u32, u32), Data)> = Vec::with_capacity(cells.len());
        for cell in cells {
            match deduped.last_mut() {
                Some(last) if last.0 == cell.0 => *last = cell,
                _ => deduped.push(cell),
            }
        }
        cells = deduped;
    }
    let (start, end) = extent.range().unwrap_or(((0, 0), (0, 0)));
    Ok(Grid::Sparse { cells, start, end })
}

/// Reads one sheet's table, if it is one.
fn read_sheet(
    name: &str,
    grid: Grid,
    source: &Source,
    config: &LoadedConfig,
    problems: &mut Vec<Problem>,
) -> Option<ParsedSheet> {
    let shown = source.shown.as_str();
    let Some((_, col0)) = grid.start() else {
        problems.push(Problem {
            sheet: Some(name.to_string()),
            ..Problem::file(Severity::Warning, shown, "has no cells: skipped")
        });
        return None;
    };
    let start = SheetStart {
        file: shown,
        sheet: Some(name),
        names: &[name],
        group: &source.group,
        first_col: col0,
    };
    let first: Vec<(u32, Vec<Cell<'_>>)> = grid.rows().take(HEADER_SEARCH_ROWS).collect();
    let (mut parser, header_index) = sheet::begin(&start, &first, config, problems)?;
    for (row, cells) in grid.rows().skip(header_index + 1) {
        parser.push(row, &cells, None, problems);
    }
    Some(parser.finish())
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
            value::date_cell(dt.as_f64(), (y, m, d))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_text_is_cleaned() {
        assert_eq!(clean_text("plain"), Cow::Borrowed("plain"));
        assert_eq!(clean_text("a\r\nb\rc\nd\te"), "a\nb\nc\nd\te");
        assert_eq!(
            clean_text("nul\0 esc\u{1b}[31m"),
            "nul\\u{0} esc\\u{1b}[31m"
        );
        assert_eq!(clean_text("c1\u{9b}x\u{7f}"), "c1\\u{9b}x\\u{7f}");
    }
}
