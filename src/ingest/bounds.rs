//! How large a workbook's sheets are, known before a reader allocates their grids (issue 15).
//! calamine builds a dense grid of every sheet (32 bytes a cell, a second grid of formulas,
//! and for `.xls` a copy), and `.xls` and `.ods` readers do so for every sheet as the file is
//! opened. A few kilobytes can claim billions of cells: one value at XFD1048576, a forged
//! `.xls` dimensions record, an `.ods` row or cell repeated a million times, one long text
//! repeated in every cell. This module scans the records of `.xls` and `.ods` files (without
//! building anything) and measures each sheet; the xlsx reader measures as it reads.

use super::value::column_letters;
use std::io::Read;

/// The most cells (rows × columns of the used range) mwm reads in one sheet, and in one
/// `.xls` or `.ods` workbook (whose readers hold every sheet at once). 2^24 is the largest
/// sheet an `.xls` file can hold (65,536 rows × 256 columns) and a million rows of 16 columns,
/// well above any evaluation table kept in a workbook (SPEC 7's largest workload, 2 million
/// outcome rows, comes as CSV). At calamine's 32 bytes a cell, plus its grid of formulas and
/// the copy `.xls` sheets are handed out as, a sheet this size costs at most about 1.5 GB.
pub const MAX_SHEET_CELLS: u64 = 1 << 24;

/// The most bytes of cell text one sheet (or one `.xls`/`.ods` workbook) may expand to. A
/// workbook stores a long text once and can repeat it in every cell (shared strings, `.ods`
/// repeated cells): 256 MiB is 5 million cells of 50 characters, far above real tables.
pub const MAX_SHEET_TEXT_BYTES: u64 = 256 << 20;

/// The measured size of one sheet: its used range (0-based, inclusive), how many cells are
/// stored (one cell given twice counts twice), and the bytes of text they expand to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extent {
    range: Option<((u64, u64), (u64, u64))>,
    pub stored: u64,
    pub text_bytes: u64,
    /// Rows × columns that a dimensions record (`.xls`) says the sheet has, when larger than
    /// the cells show: the reader reserves room for them.
    pub declared: Option<(u64, u64)>,
    /// The grid starts at column A whatever the used range (the `.ods` reader keeps the
    /// empty cells left of the table).
    pub from_column_a: bool,
}

impl Extent {
    /// Widens the used range to hold the cell at (row, column).
    pub fn add(&mut self, (row, col): (u32, u32)) {
        self.add_block((row as u64, col as u64), (row as u64, col as u64));
    }

    /// Widens the used range to hold a block of cells (corners inclusive).
    fn add_block(&mut self, first: (u64, u64), last: (u64, u64)) {
        self.range = Some(match self.range {
            None => (first, last),
            Some((s, e)) => (
                (s.0.min(first.0), s.1.min(first.1)),
                (e.0.max(last.0), e.1.max(last.1)),
            ),
        });
    }

    /// The used range as calamine positions, when there is a cell.
    pub fn range(&self) -> Option<((u32, u32), (u32, u32))> {
        let ((r0, c0), (r1, c1)) = self.range?;
        let to32 = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
        Some(((to32(r0), to32(c0)), (to32(r1), to32(c1))))
    }

    /// Rows and columns of the grid a reader builds for this sheet.
    fn grid(&self) -> (u64, u64) {
        let (rows, cols) = match self.range {
            None => (0, 0),
            Some(((r0, c0), (r1, c1))) => {
                let first_col = if self.from_column_a { 0 } else { c0 };
                (r1 - r0 + 1, c1 - first_col + 1)
            }
        };
        match self.declared {
            Some((r, c)) if r.saturating_mul(c) > rows.saturating_mul(cols) => (r, c),
            _ => (rows, cols),
        }
    }

    /// Cells of the grid a reader builds for this sheet.
    pub fn cells(&self) -> u64 {
        let (rows, cols) = self.grid();
        rows.saturating_mul(cols)
    }

    /// Why this sheet is not read, when it is over a limit.
    pub fn refusal(&self) -> Option<String> {
        let (rows, cols) = self.grid();
        let cells = rows.saturating_mul(cols);
        if cells > MAX_SHEET_CELLS {
            let place = match (self.declared, self.range) {
                (Some(_), _) if self.declared == Some((rows, cols)) => {
                    "declares (in its dimensions record) a used range of".to_string()
                }
                (_, Some(((r0, c0), (r1, c1)))) => {
                    let c0 = if self.from_column_a { 0 } else { c0 };
                    format!(
                        "has the used range {}:{}, which is",
                        cell_name(r0, c0),
                        cell_name(r1, c1)
                    )
                }
                _ => "has a used range of".to_string(),
            };
            return Some(format!(
                "is too large to read: it {place} {} rows × {} columns ({} cells), more than the {} cells mwm reads in one sheet. A stray value far below or right of the table makes the range this large (Ctrl+End goes to the last cell): delete the rows and columns past the table and save the file again",
                thousands(rows),
                thousands(cols),
                thousands(cells),
                thousands(MAX_SHEET_CELLS),
            ));
        }
        if self.stored > MAX_SHEET_CELLS {
            return Some(format!(
                "is too large to read: it stores more than {} cells",
                thousands(MAX_SHEET_CELLS)
            ));
        }
        if self.text_bytes > MAX_SHEET_TEXT_BYTES {
            return Some(format!(
                "is too large to read: its cells hold more than {} bytes of text",
                thousands(MAX_SHEET_TEXT_BYTES)
            ));
        }
        None
    }
}

/// A cell's name from 0-based row and column, like `XFD4000`.
fn cell_name(row: u64, col: u64) -> String {
    format!(
        "{}{}",
        column_letters(u32::try_from(col).unwrap_or(u32::MAX)),
        row.saturating_add(1)
    )
}

/// A count with thousands separators: 16,777,216.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

/// The BIFF records of an `.xls` stream from `start`: (type, data).
fn records(stream: &[u8], start: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut at = start;
    std::iter::from_fn(move || {
        let typ = u16_at(stream, at)?;
        let len = u16_at(stream, at + 2)? as usize;
        let data = stream.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        Some((typ, data))
    })
}

/// Every sheet of an `.xls` file as its reader will load it (each `BoundSheet8` record, in
/// order; two records may point at one sheet, which the reader then loads twice), measured
/// from its cell and dimensions records. `None` when the file cannot be scanned (the reader
/// then says what is wrong with it).
pub fn xls_sheets(bytes: &[u8]) -> Option<Vec<(String, Extent)>> {
    let mut file = cfb::CompoundFile::open(std::io::Cursor::new(bytes)).ok()?;
    let mut stream = Vec::new();
    let opened = file
        .open_stream("/Workbook")
        .or_else(|_| file.open_stream("/Book"));
    opened.ok()?.read_to_end(&mut stream).ok()?;
    let mut sheets = Vec::new();
    for (typ, data) in records(&stream, 0) {
        match typ {
            // BoundSheet8: where a sheet starts, and its name (MS-XLS 2.4.28).
            0x0085 => {
                let at = u32_at(data, 0)? as usize;
                let name =
                    sheet_name(data).unwrap_or_else(|| format!("sheet {}", sheets.len() + 1));
                sheets.push((name, xls_sheet(&stream, at)));
            }
            // The end of the workbook globals.
            0x000A => break,
            _ => {}
        }
    }
    Some(sheets)
}

/// A sheet name of a `BoundSheet8` record: a short string, 8-bit or UTF-16.
fn sheet_name(data: &[u8]) -> Option<String> {
    let len = *data.get(6)? as usize;
    let flags = *data.get(7)?;
    let chars = data.get(8..)?;
    Some(if flags & 1 == 1 {
        let units: Vec<u16> = chars
            .chunks_exact(2)
            .take(len)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        chars.iter().take(len).map(|&b| b as char).collect()
    })
}

/// One `.xls` sheet's substream from `start`, as the reader walks it: cells of nested
/// substreams (embedded charts) are skipped.
fn xls_sheet(stream: &[u8], start: usize) -> Extent {
    let mut extent = Extent::default();
    let (mut seen_bof, mut depth) = (false, 0usize);
    let position = |data: &[u8]| Some((u16_at(data, 0)? as u32, u16_at(data, 2)? as u32));
    for (typ, data) in records(stream, start) {
        if depth > 0 {
            match typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        match typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x000A => break,
            // Dimensions: the reader reserves room for rows × columns (MS-XLS 2.4.90).
            0x0200 => extent.declared = Some(xls_dimensions(data).unwrap_or((u64::MAX, 1))),
            // Number, Label, RString, BoolErr, RK, LabelSst, Formula: one cell each.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                if let Some(pos) = position(data) {
                    extent.add(pos);
                    extent.stored += 1;
                }
            }
            // MulRk: a run of cells in one row, from its first column to the last.
            0x00BD => {
                if let (Some((row, first)), Some(last)) =
                    (position(data), u16_at(data, data.len().saturating_sub(2)))
                {
                    extent.add((row, first));
                    extent.add((row, (last as u32).max(first)));
                    extent.stored += (last as u64).saturating_sub(first as u64) + 1;
                }
            }
            _ => {}
        }
    }
    extent
}

/// Rows × columns of a dimensions record as the reader computes them, or `None` for a range
/// whose end is before its start (which the reader would turn into billions of rows).
fn xls_dimensions(data: &[u8]) -> Option<(u64, u64)> {
    let (first_row, last_row, mut first_col, last_col) = match data.len() {
        10 => (
            u16_at(data, 0)? as u64,
            u16_at(data, 2)? as u64,
            u16_at(data, 4)? as u64,
            u16_at(data, 6)? as u64,
        ),
        14 | 16 => (
            u32_at(data, 0)? as u64,
            u32_at(data, 4)? as u64,
            u16_at(data, 8)? as u64,
            u16_at(data, 10)? as u64,
        ),
        // The reader refuses the file.
        _ => return Some((0, 0)),
    };
    if first_col > 0xFF || last_col < first_col {
        first_col = 0;
    }
    if last_row == 0 || last_col == 0 {
        return Some((1, 1));
    }
    let rows = last_row.checked_sub(first_row)?;
    let cols = last_col.checked_sub(first_col)?;
    (rows > 0 && cols > 0).then_some((rows, cols))
}

/// Every table of an `.ods` file's `content.xml`, measured as the reader will expand it:
/// repeated rows and cells counted out, the grid from column A, and the text of repeated
/// cells counted once for each copy. `None` when the file cannot be scanned.
pub fn ods_sheets(bytes: &[u8]) -> Option<Vec<(String, Extent)>> {
    use quick_xml::events::{BytesStart, Event};
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let content = zip.by_name("content.xml").ok()?;
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    let attr = |e: &BytesStart<'_>, name: &str| -> Option<String> {
        e.attributes()
            .flatten()
            .find(|a| a.key.0 == name)
            .map(|a| a.value.into_owned())
    };
    let repeats = |e: &BytesStart<'_>, name: &str| -> u64 {
        attr(e, name)
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(1)
            .max(1)
    };
    let mut sheets: Vec<(String, Extent)> = Vec::new();
    let (mut row, mut col, mut row_repeats) = (0u64, 0u64, 1u64);
    // The cell being read: its first column, copies, whether it has a value, its text bytes.
    let mut cell: Option<(u64, u64, bool, u64)> = None;
    let mut buf = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).ok()?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.name().0 {
                "table:table" => {
                    let name = attr(&e, "table:name")
                        .unwrap_or_else(|| format!("sheet {}", sheets.len() + 1));
                    let extent = Extent {
                        from_column_a: true,
                        ..Extent::default()
                    };
                    sheets.push((name, extent));
                    (row, col) = (0, 0);
                }
                "table:table-row" => {
                    row_repeats = repeats(&e, "table:number-rows-repeated");
                    col = 0;
                    if empty {
                        row = row.saturating_add(row_repeats);
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let copies = repeats(&e, "table:number-columns-repeated");
                    let valued = attr(&e, "office:value-type").is_some();
                    let formula = attr(&e, "table:formula").map_or(0, |f| f.len() as u64);
                    cell = Some((col, copies, valued || formula > 0, formula));
                    if empty {
                        finish_cell(&mut sheets, &mut cell, row, row_repeats, &mut col);
                    }
                }
                _ => {}
            },
            Event::Text(t) => {
                if let Some((_, _, valued, bytes)) = &mut cell {
                    let text: &str = &t;
                    *bytes += text.len() as u64;
                    *valued |= !text.trim().is_empty();
                }
            }
            Event::End(e) => match e.name().0 {
                "table:table-cell" | "table:covered-table-cell" => {
                    finish_cell(&mut sheets, &mut cell, row, row_repeats, &mut col)
                }
                "table:table-row" => row = row.saturating_add(row_repeats),
                _ => {}
            },
            _ => {}
        }
        buf.clear();
        // Stop as soon as the workbook is over a limit: the answer is known.
        let total: u64 = sheets.iter().map(|(_, e)| e.cells()).sum();
        let text: u64 = sheets.iter().map(|(_, e)| e.text_bytes).sum();
        if total > MAX_SHEET_CELLS || text > MAX_SHEET_TEXT_BYTES {
            break;
        }
    }
    Some(sheets)
}

/// Ends an `.ods` cell: a cell with a value widens its table's used range over all its copies
/// (columns repeated, in every repeated row), and its text counts once a copy.
fn finish_cell(
    sheets: &mut [(String, Extent)],
    cell: &mut Option<(u64, u64, bool, u64)>,
    row: u64,
    row_repeats: u64,
    col: &mut u64,
) {
    let Some((first, copies, valued, bytes)) = cell.take() else {
        return;
    };
    *col = first.saturating_add(copies);
    if let (true, Some((_, extent))) = (valued, sheets.last_mut()) {
        let last_row = row.saturating_add(row_repeats - 1);
        extent.add_block((row, first), (last_row, first.saturating_add(copies - 1)));
        let cells = copies.saturating_mul(row_repeats);
        extent.stored = extent.stored.saturating_add(cells);
        extent.text_bytes = extent
            .text_bytes
            .saturating_add(bytes.saturating_mul(cells));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_with_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(16_777_216), "16,777,216");
    }

    #[test]
    fn a_value_at_xfd4000_is_refused_with_its_range() {
        let mut e = Extent::default();
        e.add((0, 0));
        e.add((3999, 16383));
        // 4,000 rows × 16,384 columns = 65,536,000 cells.
        let why = e.refusal().expect("too large");
        assert!(why.contains("A1:XFD4000"), "{why}");
        assert!(
            why.contains("4,000 rows × 16,384 columns (65,536,000 cells)"),
            "{why}"
        );
        let mut small = Extent::default();
        small.add((0, 0));
        small.add((1_048_575, 15));
        assert_eq!(small.cells(), MAX_SHEET_CELLS);
        assert_eq!(small.refusal(), None);
    }

    #[test]
    fn xls_dimensions_as_the_reader_reads_them() {
        let biff8 = |rf: u32, rl: u32, cf: u16, cl: u16| {
            let mut d = Vec::new();
            d.extend(rf.to_le_bytes());
            d.extend(rl.to_le_bytes());
            d.extend(cf.to_le_bytes());
            d.extend(cl.to_le_bytes());
            d.extend([0, 0]);
            d
        };
        assert_eq!(xls_dimensions(&biff8(0, 3, 0, 10)), Some((3, 10)));
        assert_eq!(
            xls_dimensions(&biff8(0, 0xFFFF_FFF0, 0, 0xFFFF)),
            Some((0xFFFF_FFF0, 0xFFFF))
        );
        // An end before the start.
        assert_eq!(xls_dimensions(&biff8(10, 5, 0, 3)), None);
        assert_eq!(xls_dimensions(&biff8(0, 0, 0, 0)), Some((1, 1)));
    }
}
