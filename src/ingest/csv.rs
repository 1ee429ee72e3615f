//! CSV files (SPEC 2.1): one table per file, UTF-8 with or without a BOM, comma or semicolon
//! separated (detected from the first line), CRLF or LF. Rows are numbered by the line on which
//! the record starts, so a quoted field spanning lines does not shift the places of later rows.

use super::discover::Source;
use super::rows::ParsedSheet;
use super::sheet::{self, HEADER_SEARCH_ROWS, SheetStart};
use super::value::Cell;
use crate::config::LoadedConfig;
use crate::problems::{Problem, Severity};

/// Reads one CSV file into at most one parsed sheet.
pub fn read_csv(
    bytes: &[u8],
    source: &Source,
    config: &LoadedConfig,
    problems: &mut Vec<Problem>,
) -> Vec<ParsedSheet> {
    let shown = source.shown.as_str();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        problems.push(Problem {
            row: Some(line as u32),
            ..Problem::file(
                Severity::Error,
                shown,
                format!(
                    "is not UTF-8 text (first at line {line}): save it as \"CSV UTF-8\" (in Excel: File › Save As › CSV UTF-8 (Comma delimited)) and run mwm again"
                ),
            )
        });
        return Vec::new();
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        problems.push(Problem::file(
            Severity::Warning,
            shown,
            "has no cells: skipped",
        ));
        return Vec::new();
    }
    let stem = source
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = source
        .path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(bytes))
        .from_reader(bytes);
    let mut lines = LineCounter::new(bytes);
    let mut first: Vec<(u32, csv::StringRecord)> = Vec::new();
    while first.len() < HEADER_SEARCH_ROWS {
        let mut record = csv::StringRecord::new();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = lines.line_of(&record);
                first.push((line, record));
            }
            Err(e) => {
                problems.push(Problem::file(
                    Severity::Error,
                    shown,
                    format!("cannot be read as CSV: {e}"),
                ));
                return Vec::new();
            }
        }
    }
    let first_cells: Vec<(u32, Vec<Cell<'_>>)> = first
        .iter()
        .map(|(line, r)| (*line, r.iter().map(Cell::Text).collect()))
        .collect();
    let start = SheetStart {
        file: shown,
        sheet: None,
        names: &[&stem, &name],
        group: &source.group,
        first_col: 0,
    };
    let Some((mut parser, header_index)) = sheet::begin(&start, &first_cells, config, problems)
    else {
        return Vec::new();
    };
    let (header_line, header) = &first[header_index];
    let width = header.len();
    let mut last_line = end_line(*header_line, header);
    let mut push = |line: u32, record: &csv::StringRecord, last_line: &mut u32| {
        for blank in *last_line + 1..line {
            parser.blank(blank);
        }
        let cells: Vec<Cell<'_>> = record.iter().map(Cell::Text).collect();
        let count = (record.len() != width).then_some((record.len(), width));
        parser.push(line, &cells, count, problems);
        *last_line = end_line(line, record);
    };
    for (line, record) in &first[header_index + 1..] {
        push(*line, record, &mut last_line);
    }
    // One record is reused for every row: the large tables have millions.
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = lines.line_of(&record);
                push(line, &record, &mut last_line);
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line()) as u32;
                problems.push(Problem {
                    row: Some(line),
                    ..Problem::file(
                        Severity::Error,
                        shown,
                        format!("cannot be read as CSV: {e}"),
                    )
                });
                return Vec::new();
            }
        }
    }
    vec![parser.finish()]
}

/// Line numbers of records, counted from byte offsets. The csv reader's own line count stops
/// before the `\n` of a CRLF line end and before the blank lines it skips, which would put
/// records too early in files saved on Windows or with empty lines.
struct LineCounter<'b> {
    bytes: &'b [u8],
    offset: usize,
    line: u32,
}

impl<'b> LineCounter<'b> {
    fn new(bytes: &'b [u8]) -> Self {
        LineCounter {
            bytes,
            offset: 0,
            line: 1,
        }
    }

    /// The line on which a record starts (records come in file order).
    fn line_of(&mut self, record: &csv::StringRecord) -> u32 {
        let Some(position) = record.position() else {
            return self.line;
        };
        let mut start = (position.byte() as usize).min(self.bytes.len());
        // The reader's position can sit before the end of the previous line and before blank
        // lines it skipped: the record starts after all of them.
        while start < self.bytes.len() && matches!(self.bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start > self.offset {
            self.line += self.bytes[self.offset..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u32;
            self.offset = start;
        }
        self.line
    }
}

/// The line on which a record ends: quoted fields may hold line breaks.
fn end_line(start: u32, record: &csv::StringRecord) -> u32 {
    start
        + record
            .iter()
            .map(|f| f.bytes().filter(|&b| b == b'\n').count() as u32)
            .sum::<u32>()
}

/// `;` when the first lines (where the header must be) have more semicolons than commas
/// outside quotes, else `,`.
fn delimiter(bytes: &[u8]) -> u8 {
    let (mut commas, mut semicolons, mut quoted, mut lines) = (0, 0, false, 0);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    for &b in &bytes[start..] {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                lines += 1;
                if lines == HEADER_SEARCH_ROWS {
                    break;
                }
            }
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_separator_outside_quotes() {
        assert_eq!(delimiter(b"a;b;c\n1;2;3"), b';');
        assert_eq!(delimiter(b"\"x;y;z\",b\n"), b',');
        assert_eq!(delimiter(b"\n\na,b;c,d\n"), b',');
        assert_eq!(delimiter(b"Title line\n\na;b;c\n"), b';');
    }
}
