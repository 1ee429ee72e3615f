//! CSV files (SPEC 2.1): one table per file, UTF-8 with or without a BOM, comma or semicolon
//! separated (detected from the first line), CRLF or LF. Rows are numbered by the line on which
//! the record starts, so a quoted field spanning lines does not shift the places of later rows.

use super::cells::RowParser;
use super::discover::Source;
use super::rows::ParsedSheet;
use super::sheet::{self, HEADER_SEARCH_ROWS, SheetStart};
use super::value::Cell;
use crate::config::LoadedConfig;
use crate::problems::{Problem, Severity};
use rayon::prelude::*;

/// Reads one CSV file into at most one parsed sheet.
pub fn read_csv(
    bytes: &[u8],
    source: &Source,
    config: &LoadedConfig,
    problems: &mut Vec<Problem>,
) -> Vec<ParsedSheet> {
    let parts = rayon::current_num_threads() * 2;
    read_csv_in(bytes, source, config, problems, PARALLEL_FROM_BYTES, parts)
}

/// [`read_csv`] with the size from which a file is cut into `parts` pieces.
fn read_csv_in(
    bytes: &[u8],
    source: &Source,
    config: &LoadedConfig,
    problems: &mut Vec<Problem>,
    parallel_from: usize,
    parts: usize,
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
    for (line, record) in &first[header_index + 1..] {
        push_record(&mut parser, *line, record, width, &mut last_line, problems);
    }
    let delimiter = delimiter(bytes);
    let rest_start = (reader.position().byte() as usize).min(bytes.len());
    let rest = &bytes[rest_start..];
    if rest.len() < parallel_from || parts < 2 {
        // One record is reused for every row: the large tables have millions.
        let mut record = csv::StringRecord::new();
        loop {
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {
                    let line = lines.line_of(&record);
                    push_record(&mut parser, line, &record, width, &mut last_line, problems);
                }
                Err(e) => {
                    problems.push(read_error(shown, e));
                    return Vec::new();
                }
            }
        }
        return vec![parser.finish()];
    }
    // A large file is cut at record boundaries and its pieces parsed in parallel; the pieces
    // are joined in order, so rows, codes, problems and the ledger are those of one pass.
    let first_line = lines.line_at(rest_start);
    let pieces = split_at_records(rest, parts, first_line);
    let info = parser.info().clone();
    let parsed: Vec<Result<Piece, Box<Problem>>> = pieces
        .par_iter()
        .enumerate()
        .map(|(k, (start, end, line))| {
            // The first piece may start inside the last line end the reader saw; the others
            // start at the beginning of a line.
            let before = if k == 0 {
                last_line
            } else {
                line.saturating_sub(1)
            };
            parse_piece(
                &rest[*start..*end],
                *line,
                before,
                delimiter,
                width,
                info.clone(),
                shown,
            )
        })
        .collect();
    let (mut sheet, mut pending) = parser.finish_with_pending();
    let mut last = last_line;
    for (piece, (_, _, start_line)) in parsed.into_iter().zip(&pieces) {
        let piece = match piece {
            Ok(p) => p,
            Err(problem) => {
                problems.push(*problem);
                return Vec::new();
            }
        };
        // Lines between the previous piece's last record and this piece's first line are
        // blank lines too.
        pending.extend(last + 1..*start_line);
        problems.extend(piece.problems);
        if piece.sheet.status.is_empty() {
            pending.extend(piece.pending);
        } else {
            sheet.append(piece.sheet, &pending);
            pending = piece.pending;
        }
        last = piece.last_line.max(start_line.saturating_sub(1));
    }
    vec![sheet]
}

/// Files at least this large are parsed in parallel pieces.
const PARALLEL_FROM_BYTES: usize = 4 << 20;

/// One row: blank lines since the last record, then the record.
fn push_record(
    parser: &mut RowParser,
    line: u32,
    record: &csv::StringRecord,
    width: usize,
    last_line: &mut u32,
    problems: &mut Vec<Problem>,
) {
    for blank in *last_line + 1..line {
        parser.blank(blank);
    }
    let cells: Vec<Cell<'_>> = record.iter().map(Cell::Text).collect();
    let count = (record.len() != width).then_some((record.len(), width));
    parser.push(line, &cells, count, problems);
    *last_line = end_line(line, record);
}

fn read_error(shown: &str, e: csv::Error) -> Problem {
    let line = e.position().map_or(0, |p| p.line()) as u32;
    Problem {
        row: Some(line),
        ..Problem::file(
            Severity::Error,
            shown,
            format!("cannot be read as CSV: {e}"),
        )
    }
}

/// A piece of a large CSV file after parsing.
struct Piece {
    sheet: ParsedSheet,
    /// Blank rows at its end, which are rows read only if a later row has values.
    pending: Vec<u32>,
    /// The line on which its last record ends.
    last_line: u32,
    problems: Vec<Problem>,
}

fn parse_piece(
    bytes: &[u8],
    first_line: u32,
    line_before: u32,
    delimiter: u8,
    width: usize,
    info: super::rows::SheetInfo,
    shown: &str,
) -> Result<Piece, Box<Problem>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut lines = LineCounter::starting_at(bytes, first_line);
    let mut parser = RowParser::new(info);
    let mut problems = Vec::new();
    let mut last_line = line_before;
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = lines.line_of(&record);
                push_record(
                    &mut parser,
                    line,
                    &record,
                    width,
                    &mut last_line,
                    &mut problems,
                );
            }
            Err(e) => return Err(Box::new(read_error(shown, e))),
        }
    }
    let (sheet, pending) = parser.finish_with_pending();
    Ok(Piece {
        sheet,
        pending,
        last_line,
        problems,
    })
}

/// Cuts `bytes` into about `parts` pieces that each start at a record (after a line break
/// outside quotes): `(start, end, line of start)`.
fn split_at_records(bytes: &[u8], parts: usize, first_line: u32) -> Vec<(usize, usize, u32)> {
    let target = bytes.len().div_ceil(parts).max(1);
    let mut pieces = Vec::with_capacity(parts);
    let (mut start, mut start_line) = (0usize, first_line);
    let (mut line, mut quoted) = (first_line, false);
    let mut next_cut = target;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' => {
                line += 1;
                if !quoted && i + 1 >= next_cut && i + 1 < bytes.len() {
                    pieces.push((start, i + 1, start_line));
                    start = i + 1;
                    start_line = line;
                    next_cut = start + target;
                }
            }
            _ => {}
        }
    }
    pieces.push((start, bytes.len(), start_line));
    pieces
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
        Self::starting_at(bytes, 1)
    }

    /// A counter for a piece of a file that starts on `line`.
    fn starting_at(bytes: &'b [u8], line: u32) -> Self {
        LineCounter {
            bytes,
            offset: 0,
            line,
        }
    }

    /// The line of a byte offset at or after the last record counted.
    fn line_at(&mut self, offset: usize) -> u32 {
        let end = offset.min(self.bytes.len());
        if end > self.offset {
            self.line += self.bytes[self.offset..end]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u32;
            self.offset = end;
        }
        self.line
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
        self.line_at(start)
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
    use crate::ingest::discover::Format;
    use proptest::prelude::*;

    fn source() -> Source {
        Source {
            path: "outcomes.csv".into(),
            shown: "outcomes.csv".into(),
            format: Format::Csv,
            group: String::new(),
        }
    }

    /// One generated line of an outcomes file.
    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            8 => (0u32..40, 0u32..5, 1u32..28, 7u32..36).prop_map(|(p, m, d, s)| {
                format!("P{p},person{p}-{m},SWEMWBS,2024-03-{d:02},{s}")
            }),
            1 => Just(String::new()),
            1 => Just(",,,,".to_string()),
            1 => Just("P1,\"two\nline id\",SWEMWBS,2024-01-01,20".to_string()),
            1 => Just("P1,x,SWEMWBS,2024-01-01,high".to_string()),
            1 => Just("P1,x,SWEMWBS,2024-01-01,20,extra".to_string()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// Cutting a file into pieces gives exactly the sheet and problems of one pass:
        /// blank lines, blank records, quoted line breaks, bad rows and CRLF included.
        #[test]
        fn pieces_read_like_one_pass(
            lines in proptest::collection::vec(line(), 0..120),
            crlf in any::<bool>(),
            parts in 2usize..7,
        ) {
            let end = if crlf { "\r\n" } else { "\n" };
            let mut text = format!("Title line{end}{end}project_id,person_id,measure,date,score{end}");
            for l in &lines {
                text.push_str(&l.replace('\n', end));
                text.push_str(end);
            }
            let config = LoadedConfig::default();
            let (mut p1, mut p2) = (Vec::new(), Vec::new());
            let one = read_csv_in(text.as_bytes(), &source(), &config, &mut p1, usize::MAX, 1);
            let many = read_csv_in(text.as_bytes(), &source(), &config, &mut p2, 0, parts);
            prop_assert_eq!(p1, p2);
            prop_assert_eq!(one.len(), many.len());
            for (a, b) in one.iter().zip(&many) {
                prop_assert_eq!(&a.status, &b.status);
                prop_assert_eq!(&a.row_numbers, &b.row_numbers);
                prop_assert_eq!(&a.strings, &b.strings);
                prop_assert_eq!(format!("{:?}", a.rows), format!("{:?}", b.rows));
            }
        }
    }

    #[test]
    fn detects_separator_outside_quotes() {
        assert_eq!(delimiter(b"a;b;c\n1;2;3"), b';');
        assert_eq!(delimiter(b"\"x;y;z\",b\n"), b',');
        assert_eq!(delimiter(b"\n\na,b;c,d\n"), b',');
        assert_eq!(delimiter(b"Title line\n\na;b;c\n"), b';');
    }
}
