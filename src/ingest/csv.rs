//! CSV files (SPEC 2.1): one table per file, UTF-8 with or without a BOM, comma or semicolon
//! separated (detected from the header row), CRLF, LF or a lone CR (old Mac files). Rows are
//! numbered by the line on which the record starts, so a quoted field spanning lines does not
//! shift the places of later rows.
//!
//! Before a record is parsed the whole file is scanned once ([`scan`]) the way the CSV reader
//! will read it: a quote that is never closed (which would swallow every later line into one
//! value) is an error naming the line where it opens, and a file of more than
//! [`MAX_CSV_CELLS`] cells is refused before it is parsed.

use super::bounds::thousands;
use super::cells::RowParser;
use super::discover::Source;
use super::rows::ParsedSheet;
use super::sheet::{self, HEADER_SEARCH_ROWS, SheetStart};
use super::value::Cell;
use super::workbook::clean_text;
use crate::config::LoadedConfig;
use crate::problems::{Problem, Severity};
use crate::schema::kind_from_name;
use rayon::prelude::*;
use std::borrow::Cow;

/// The most cells (fields of all records) mwm reads from one CSV file. A CSV file is not held
/// as a grid, so this bounds the time of a run rather than its memory: 250 million is 2.5
/// times a national dataset's outcomes in one file (20 million rows of 5 columns, ten times
/// SPEC 7's large set, issue 20) and takes a release build about a minute.
pub const MAX_CSV_CELLS: u64 = 250_000_000;

/// Reads one CSV file into at most one parsed sheet.
pub fn read_csv(
    bytes: &[u8],
    source: &Source,
    config: &LoadedConfig,
    problems: &mut Vec<Problem>,
) -> Vec<ParsedSheet> {
    // Pieces of about `PIECE_BYTES`, and at least two a thread: many small pieces keep every
    // core busy to the end beside the other files and the hash, where four large ones left
    // one core parsing the last alone.
    let parts = (rayon::current_num_threads() * 2).max(bytes.len() / PIECE_BYTES);
    read_csv_in(bytes, source, config, problems, PARALLEL_FROM_BYTES, parts)
}

/// The size a large file's pieces are cut to.
const PIECE_BYTES: usize = 8 << 20;

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
        let line = line_ends(bytes, 0, e.valid_up_to()) as usize + 1;
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
    let delimiter = delimiter(bytes, config, &[&stem, &name]);
    // Where a large file may be cut into pieces: about every `1/parts` of it.
    let every = if bytes.len() >= parallel_from && parts >= 2 {
        bytes.len().div_ceil(parts).max(1)
    } else {
        usize::MAX
    };
    let scanned = scan(bytes, delimiter, every);
    if let Some(line) = scanned.unclosed_quote {
        problems.push(Problem {
            row: Some(line),
            ..Problem::file(
                Severity::Error,
                shown,
                format!(
                    "cannot be read as CSV: a quote (\") opens a value on line {line} and is never closed, so every line after it would be read as one value: close the quote, or remove it"
                ),
            )
        });
        return Vec::new();
    }
    if scanned.cells > MAX_CSV_CELLS {
        problems.push(Problem::file(
            Severity::Error,
            shown,
            format!(
                "is too large to read: it has {} cells ({} records, the widest of {} columns), more than the {} cells mwm reads from one CSV file: split it into several files",
                thousands(scanned.cells),
                thousands(scanned.records),
                thousands(scanned.widest),
                thousands(MAX_CSV_CELLS),
            ),
        ));
        return Vec::new();
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
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
    let first_text: Vec<(u32, Vec<Cow<'_, str>>)> = first
        .iter()
        .map(|(line, r)| (*line, r.iter().map(clean_text).collect()))
        .collect();
    let first_cells: Vec<(u32, Vec<Cell<'_>>)> = first_text
        .iter()
        .map(|(line, r)| (*line, r.iter().map(|t| Cell::Text(t)).collect()))
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
    let pieces = pieces_after(&scanned.cuts, rest_start, bytes.len(), first_line);
    let info = parser.info().clone();
    let parse = |k: usize| {
        let (start, end, line) = pieces[k];
        // The first piece may start inside the last line end the reader saw; the others
        // start at the beginning of a line.
        let before = if k == 0 {
            last_line
        } else {
            line.saturating_sub(1)
        };
        parse_piece(
            &rest[start..end],
            line,
            before,
            delimiter,
            width,
            info.clone(),
            shown,
        )
    };
    // The pieces are parsed a batch at a time, each batch while the one before is joined (by
    // one thread, which then helps to parse), so that joining overlaps the parsing rather than
    // following it.
    let batch = (rayon::current_num_threads() * 2).max(2);
    let batch_of = |from: usize| -> Vec<Result<Piece, Box<Problem>>> {
        (from..(from + batch).min(pieces.len()))
            .into_par_iter()
            .map(parse)
            .collect()
    };
    let (mut sheet, pending) = parser.finish_with_pending();
    let mut ready = batch_of(0);
    // Room for every row, so that joining copies each row once: those of the first batch, or
    // when there are more, as many again for each of their bytes and a tenth more, as rows
    // differ in length (should that be short, the columns grow).
    let (first_bytes, first_rows) = ready
        .iter()
        .zip(&pieces)
        .fold((0, 0), |(b, r), (p, piece)| {
            let rows = p
                .as_ref()
                .map_or(0, |p| p.sheet.status.len() + p.pending.len());
            (b + piece.1 - piece.0, r + rows)
        });
    sheet.reserve(if ready.len() == pieces.len() {
        first_rows
    } else {
        first_rows * rest.len() / first_bytes.max(1) * 11 / 10
    });
    let mut joining = Joining {
        sheet: &mut sheet,
        pending,
        last: last_line,
        problems,
    };
    let mut next = ready.len();
    while !ready.is_empty() {
        let lines = pieces[next - ready.len()..next].iter().map(|p| p.2);
        let (joined, parsed) = rayon::join(|| joining.join(ready, lines), || batch_of(next));
        if !joined {
            return Vec::new();
        }
        next += parsed.len();
        ready = parsed;
    }
    vec![sheet]
}

/// Files at least this large are parsed in parallel pieces.
const PARALLEL_FROM_BYTES: usize = 4 << 20;

/// Records of at most this many fields are handed to the parser without an allocation.
const STACK_FIELDS: usize = 16;

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
    let count = (record.len() != width).then_some((record.len(), width));
    // One pass over the record's bytes says whether any field needs its control characters
    // made visible or holds a line break: almost none do.
    let (mut plain, mut breaks) = (true, false);
    let bytes = record.as_slice().as_bytes();
    if may_need_care(bytes) {
        for &b in bytes {
            if is_control(b) {
                match b {
                    b'\n' => breaks = true,
                    b'\t' => {}
                    _ => plain = false,
                }
            }
        }
    }
    let end = if plain && !breaks {
        line
    } else {
        end_line(line, record)
    };
    if count.is_some() && end > line {
        // Most likely a quote that closes lines later than meant: say where the value runs.
        problems.push(Problem {
            row: Some(line),
            ..Problem::file(
                Severity::Warning,
                &parser.info().file,
                format!(
                    "the quoted value that starts on line {line} runs to line {end}: if a quote is missing or extra there, the lines between are read as one value"
                ),
            )
        });
    }
    if plain {
        // The cells of a usual record are gathered on the stack: no allocation per row.
        let mut buffer = [Cell::Empty; STACK_FIELDS];
        if record.len() <= STACK_FIELDS {
            for (slot, field) in buffer.iter_mut().zip(record.iter()) {
                *slot = Cell::Text(field);
            }
            parser.push(line, &buffer[..record.len()], count, problems);
        } else {
            let cells: Vec<Cell<'_>> = record.iter().map(Cell::Text).collect();
            parser.push(line, &cells, count, problems);
        }
    } else {
        // Control characters made visible once, here.
        let text: Vec<Cow<'_, str>> = record.iter().map(clean_text).collect();
        let cells: Vec<Cell<'_>> = text.iter().map(|t| Cell::Text(t)).collect();
        parser.push(line, &cells, count, problems);
    }
    *last_line = end;
}

/// A control character, DEL, or the first byte of a C1 control (0xC2): what [`push_record`]
/// looks at. Without a branch, so that a run of bytes is checked many at a time.
fn is_control(b: u8) -> bool {
    (b < 0x20) | (b == 0x7F) | (b == 0xC2)
}

/// Whether `bytes` hold a byte [`is_control`]: what [`push_record`] then looks at byte by
/// byte. Without a branch a byte, so that the compiler checks 32 bytes at a time; a national
/// dataset's 700 MB of records took 0.9 s of CPU a byte at a time.
fn may_need_care(bytes: &[u8]) -> bool {
    let flag = |b: u8| u8::from(is_control(b));
    let mut chunks = bytes.chunks_exact(32);
    let mut any = 0u8;
    for chunk in &mut chunks {
        any |= chunk.iter().fold(0u8, |acc, &b| acc | flag(b));
    }
    any |= chunks.remainder().iter().fold(0u8, |acc, &b| acc | flag(b));
    any != 0
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

/// A large file's sheet as its pieces are joined onto it, in order.
struct Joining<'s, 'p> {
    sheet: &'s mut ParsedSheet,
    /// Blank rows since the last record, which are rows read only if a later row has values.
    pending: Vec<u32>,
    /// The line on which the last record joined ends.
    last: u32,
    problems: &'p mut Vec<Problem>,
}

impl Joining<'_, '_> {
    /// Joins `parsed`, pieces that start on the lines `lines`; false when one could not be
    /// parsed (its problem is then said, and the file is not read).
    fn join(
        &mut self,
        parsed: Vec<Result<Piece, Box<Problem>>>,
        lines: impl Iterator<Item = u32>,
    ) -> bool {
        for (piece, start_line) in parsed.into_iter().zip(lines) {
            let piece = match piece {
                Ok(p) => p,
                Err(problem) => {
                    self.problems.push(*problem);
                    return false;
                }
            };
            // Lines between the previous piece's last record and this piece's first line
            // are blank lines too.
            self.pending.extend(self.last + 1..start_line);
            self.problems.extend(piece.problems);
            if piece.sheet.status.is_empty() {
                self.pending.extend(piece.pending);
            } else {
                self.sheet.append(piece.sheet, &self.pending);
                self.pending = piece.pending;
            }
            self.last = piece.last_line.max(start_line.saturating_sub(1));
        }
        true
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
    // A record per line, near enough: room for them all at once.
    parser.reserve(bytes.iter().filter(|b| **b == b'\n').count());
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

/// The pieces of the file after `start` (which starts on `first_line`), cut where the scan
/// found record starts: `(start, end, line of start)`, offsets counted from `start`.
fn pieces_after(
    cuts: &[(usize, u32)],
    start: usize,
    len: usize,
    first_line: u32,
) -> Vec<(usize, usize, u32)> {
    let mut pieces = Vec::with_capacity(cuts.len() + 1);
    let (mut from, mut line) = (start, first_line);
    for &(cut, cut_line) in cuts.iter().filter(|(cut, _)| *cut > start) {
        pieces.push((from - start, cut - start, line));
        (from, line) = (cut, cut_line);
    }
    pieces.push((from - start, len - start, line));
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
            self.line += line_ends(self.bytes, self.offset, end);
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

/// Line ends in `bytes[from..to]`: every LF, and every CR that no LF follows (the line end of
/// old Mac files, which the CSV reader reads as one too). A CR LF counts once.
fn line_ends(bytes: &[u8], from: usize, to: usize) -> u32 {
    let mut n = 0;
    for i in from..to {
        match bytes[i] {
            b'\n' => n += 1,
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => n += 1,
            _ => {}
        }
    }
    n
}

/// The line on which a record ends: quoted fields may hold line breaks.
fn end_line(start: u32, record: &csv::StringRecord) -> u32 {
    start
        + record
            .iter()
            .map(|f| line_ends(f.as_bytes(), 0, f.len()))
            .sum::<u32>()
}

/// What a scan of the whole file found.
#[derive(Debug, PartialEq)]
struct Scan {
    /// The line where a quote opens that is never closed.
    unclosed_quote: Option<u32>,
    /// Fields of all records, records, and the most fields of one record.
    cells: u64,
    records: u64,
    widest: u64,
    /// Where records start about every `every` bytes (the places a large file is cut into
    /// pieces to parse in parallel): the offset and its line.
    cuts: Vec<(usize, u32)>,
}

/// Reads the file the way the CSV reader does (a quote opens a value only at its start, `""`
/// inside quotes is a quote, a quote elsewhere is text; LF, CR LF or a lone CR ends a record;
/// empty lines are skipped) without keeping anything: where an unclosed quote opens, and how
/// many cells there are.
fn scan(bytes: &[u8], delimiter: u8, every: usize) -> Scan {
    let mut scan = ByteScan::new(delimiter, every);
    let mut i = 0;
    while i < bytes.len() {
        // A line that starts a record and holds no quote and no carriage return (almost
        // every line) is read whole: its fields are its separators and one.
        if scan.state == State::RecordStart {
            let end = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
            let text = &bytes[i..end];
            if memchr::memchr2(b'"', b'\r', text).is_none() {
                if !text.is_empty() {
                    scan.fields = memchr::memchr_iter(delimiter, text).count() as u64 + 1;
                    scan.end_record();
                }
                if end < bytes.len() {
                    scan.line_feed(end, bytes.len());
                }
                i = end + 1;
                continue;
            }
        }
        scan.byte(bytes, i);
        i += 1;
    }
    scan.finish()
}

/// Where the scan is in the file's text.
#[derive(Clone, Copy, PartialEq)]
enum State {
    /// At the start of a record (nothing read yet).
    RecordStart,
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted value: its end, or the first of `""`.
    QuoteInQuoted,
}

/// The scan's state machine, read one byte at a time, and what it has found so far.
struct ByteScan {
    delimiter: u8,
    state: State,
    line: u32,
    /// The line where the last quoted value opened.
    opened_on: u32,
    /// Fields of the record being read.
    fields: u64,
    cells: u64,
    records: u64,
    widest: u64,
    cuts: Vec<(usize, u32)>,
    every: usize,
    next_cut: usize,
}

impl ByteScan {
    fn new(delimiter: u8, every: usize) -> ByteScan {
        ByteScan {
            delimiter,
            state: State::RecordStart,
            line: 1,
            opened_on: 1,
            fields: 0,
            cells: 0,
            records: 0,
            widest: 0,
            cuts: Vec::new(),
            every,
            next_cut: every,
        }
    }

    fn end_record(&mut self) {
        self.cells += self.fields;
        self.records += 1;
        self.widest = self.widest.max(self.fields);
        self.fields = 0;
    }

    /// A line feed at `at` outside quotes, which ends a record (or a blank line): the next
    /// record starts after it, as the reader will see it, and may be where a piece starts.
    fn line_feed(&mut self, at: usize, len: usize) {
        self.line += 1;
        if at + 1 >= self.next_cut && at + 1 < len {
            self.cuts.push((at + 1, self.line));
            self.next_cut = (at + 1).saturating_add(self.every);
        }
    }

    /// Reads the byte at `i`.
    fn byte(&mut self, bytes: &[u8], i: usize) {
        let b = bytes[i];
        let line_end = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        self.state = match (self.state, b) {
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (State::RecordStart, b'\r' | b'\n') => State::RecordStart,
            (state @ (State::RecordStart | State::FieldStart), b'"') => {
                self.opened_on = self.line;
                if state == State::RecordStart {
                    self.fields = 1;
                }
                State::Quoted
            }
            (_, b'\r') => State::FieldStart,
            (_, b'\n') => {
                self.end_record();
                State::RecordStart
            }
            (state, b) if b == self.delimiter => {
                self.fields += if state == State::RecordStart { 2 } else { 1 };
                State::FieldStart
            }
            (State::RecordStart, _) => {
                self.fields = 1;
                State::Unquoted
            }
            (_, _) => State::Unquoted,
        };
        // A lone CR ends the record too (the arm above only left the field).
        if b == b'\r' && line_end && self.state == State::FieldStart {
            self.end_record();
            self.state = State::RecordStart;
        }
        if b == b'\n' && self.state == State::RecordStart {
            self.line_feed(i, bytes.len());
        } else if line_end {
            self.line += 1;
        }
    }

    fn finish(mut self) -> Scan {
        if self.fields > 0 {
            self.end_record();
        }
        Scan {
            unclosed_quote: (self.state == State::Quoted).then_some(self.opened_on),
            cells: self.cells,
            records: self.records,
            widest: self.widest,
            cuts: self.cuts,
        }
    }
}

/// The separator, `,` or `;`, from the header row: the one with which a header row of the
/// file's table is found among the first lines (SPEC 2.3). A list of principles written with
/// `;` inside a comma file, or a title line with commas above a semicolon table, does not
/// decide. When neither finds a header (the file names no table), the separator that gives
/// the most first lines one same number of fields, more than one, wins; `,` on a tie.
fn delimiter(bytes: &[u8], config: &LoadedConfig, names: &[&str]) -> u8 {
    let first_records = |delimiter: u8| -> Vec<Vec<String>> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(bytes);
        reader
            .records()
            .take(HEADER_SEARCH_ROWS)
            .map_while(Result::ok)
            .map(|r| r.iter().map(str::to_string).collect())
            .collect()
    };
    let kind = config
        .sheet_kind(names)
        .or_else(|| names.first().and_then(|n| kind_from_name(n)));
    let candidates = [b',', b';'].map(|d| (d, first_records(d)));
    if let Some(kind) = kind {
        let header_width = |records: &[Vec<String>]| {
            let rows: Vec<(u32, Vec<Cell<'_>>)> = records
                .iter()
                .map(|r| (0, r.iter().map(|f| Cell::Text(f)).collect()))
                .collect();
            sheet::find_header(&rows, kind, config).map(|i| records[i].len())
        };
        let found: Vec<(u8, usize)> = candidates
            .iter()
            .filter_map(|(d, records)| header_width(records).map(|w| (*d, w)))
            .collect();
        if let Some((d, _)) = found.iter().max_by_key(|(d, w)| (*w, *d == b',')) {
            return *d;
        }
    }
    // The most first lines that share one width above 1.
    let consistency = |records: &[Vec<String>]| {
        let mut widths: Vec<usize> = records.iter().map(Vec::len).filter(|&w| w > 1).collect();
        widths.sort_unstable();
        widths
            .chunk_by(|a, b| a == b)
            .map(|run| run.len())
            .max()
            .unwrap_or(0)
    };
    let (comma, semicolon) = (consistency(&candidates[0].1), consistency(&candidates[1].1));
    if semicolon > comma { b';' } else { b',' }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::discover::Format;
    use proptest::prelude::*;

    /// Every byte value, at every place in records of 1 to 70 bytes (both sides of the 32-byte
    /// chunks): flagged exactly when it is below 0x20, 0x7F or 0xC2 (by hand, from the rule).
    #[test]
    fn care_is_taken_for_exactly_the_control_bytes() {
        for len in 1..=70usize {
            for at in [0, len / 2, len - 1] {
                for b in 0..=255u8 {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = b;
                    let expected = b < 0x20 || b == 0x7F || b == 0xC2;
                    assert_eq!(may_need_care(&bytes), expected, "{len} {at} {b}");
                }
            }
        }
        assert!(!may_need_care(b""));
    }

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
            // A quote inside a value is text, and must not be taken for one that opens.
            1 => Just("P1,5\" pipe,SWEMWBS,2024-01-01,20".to_string()),
        ]
    }

    /// The scan without its fast path for plain lines: the state machine on every byte.
    fn byte_by_byte(bytes: &[u8], delimiter: u8, every: usize) -> Scan {
        let mut scan = ByteScan::new(delimiter, every);
        for i in 0..bytes.len() {
            scan.byte(bytes, i);
        }
        scan.finish()
    }

    proptest! {
        /// The scan with its fast path for plain lines finds what one state per byte finds,
        /// in any mix of separators, quotes, line feeds and carriage returns.
        #[test]
        fn the_fast_scan_reads_like_the_byte_scan(
            text in proptest::collection::vec(
                prop_oneof![Just(b'a'), Just(b','), Just(b';'), Just(b'"'), Just(b'\r'), Just(b'\n')],
                0..200,
            ),
            every in 1usize..50,
        ) {
            prop_assert_eq!(scan(&text, b',', every), byte_by_byte(&text, b',', every));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// Cutting a file into pieces gives exactly the sheet and problems of one pass:
        /// blank lines, blank records, quoted line breaks, bad rows, CRLF and lone CRs included.
        #[test]
        fn pieces_read_like_one_pass(
            lines in proptest::collection::vec(line(), 0..120),
            ending in 0usize..3,
            parts in 2usize..12,
        ) {
            // LF, CR LF, or LF and lone CR mixed (lone CRs inside the rows).
            let end = ["\n", "\r\n", "\n"][ending];
            let lines: Vec<String> = if ending == 2 {
                lines.iter().enumerate().map(|(i, l)| if i % 3 == 1 { format!("{l}\rP9,lone,SWEMWBS,2024-01-01,20") } else { l.clone() }).collect()
            } else {
                lines
            };
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

    fn sep(text: &str, name: &str) -> u8 {
        delimiter(text.as_bytes(), &LoadedConfig::default(), &[name, name])
    }

    #[test]
    fn detects_separator_outside_quotes() {
        assert_eq!(sep("a;b;c\n1;2;3", "x"), b';');
        assert_eq!(sep("\"x;y;z\",b\n1,2\n", "x"), b',');
        assert_eq!(sep("\n\na,b;c,d\n", "x"), b',');
        assert_eq!(sep("Title line\n\na;b;c\n", "x"), b';');
    }

    #[test]
    fn separator_comes_from_the_header_row() {
        // Lists of principles with `;` in a comma file: three semicolons a row against two
        // commas, and the header decides.
        let outputs = "project_id,date,measure,value,principles\n\
            P1,2024-05-01,Sessions,3,assets;networks;outcomes;enabling\n\
            P1,2024-06-01,Sessions,4,assets;networks;outcomes\n";
        assert_eq!(sep(outputs, "outputs"), b',');
        // A title with commas above a semicolon table.
        let semi = "Outputs, April to June, 2024\nproject_id;date;measure;value\nP1;2024-05-01;Sessions;3,5\n";
        assert_eq!(sep(semi, "outputs"), b';');
        // No table named: the separator that keeps the most lines one width.
        assert_eq!(sep("a;b;c\nd;e,f;g\nh;i;j\n", "notes"), b';');
        assert_eq!(sep("a,b\nc;d;e,f\ng;h;i,j\n", "notes"), b',');
    }

    #[test]
    fn a_scan_reads_like_the_csv_reader() {
        let s = scan(b"a,b\n\"x\ny\",z\n", b',', usize::MAX);
        assert_eq!(
            s,
            Scan {
                unclosed_quote: None,
                cells: 4,
                records: 2,
                widest: 2,
                cuts: Vec::new(),
            }
        );
        // A quote in the middle of a value is text; `""` inside quotes is a quote.
        assert_eq!(
            scan(b"a,5\" pipe\n\"say \"\"hi\"\"\",b\n", b',', usize::MAX).unclosed_quote,
            None
        );
        // Opened on line 3, never closed.
        assert_eq!(
            scan(b"a,b\nc,d\n\"e,f\ng,h\n", b',', usize::MAX).unclosed_quote,
            Some(3)
        );
        // Lone CRs end lines: the quote opens on line 3.
        assert_eq!(
            scan(b"a,b\rc,d\r\"e,f\rg,h\r", b',', usize::MAX).unclosed_quote,
            Some(3)
        );
        // Empty lines and trailing separators.
        let s = scan(b"a,b,\r\n\r\n,\n", b',', usize::MAX);
        assert_eq!((s.cells, s.records, s.widest), (5, 2, 3));
        assert_eq!(line_ends(b"a\r\nb\rc\nd", 0, 8), 3);
        // Cuts fall only where records start: not inside the quoted value after a quote
        // that is text (`5" pipe`), which a count of quotes would take for an opening one.
        let text = b"a,5\" pipe\n\"x\ny\",z\nb,c\n";
        assert_eq!(scan(text, b',', 1).cuts, vec![(10, 2), (18, 4)]);
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let text = "project_id,person_id,measure,date,score\rP1,a,SWEMWBS,2024-01-01,20\r\rP1,b,SWEMWBS,2024-01-01,high\r";
        let mut problems = Vec::new();
        let sheets = read_csv_in(
            text.as_bytes(),
            &source(),
            &LoadedConfig::default(),
            &mut problems,
            usize::MAX,
            1,
        );
        assert_eq!(sheets.len(), 1);
        // Line 2 is a row, line 3 blank, line 4 the bad score.
        assert_eq!(sheets[0].row_numbers, vec![2, 3, 4]);
        let bad: Vec<_> = problems
            .iter()
            .filter(|p| p.severity == Severity::Excluded)
            .collect();
        assert_eq!(bad.len(), 1, "{problems:?}");
        assert_eq!(bad[0].row, Some(4));
    }
}
