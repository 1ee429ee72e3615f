//! The start of every sheet or CSV file, whatever its format: which table it is (SPEC 2.2),
//! where its header row is and how its columns map to fields (SPEC 2.3). The readers hand
//! over the first rows; this returns a [`RowParser`] ready for the rest, or the reason not.

use super::cells::RowParser;
use super::rows::{Column, SheetInfo};
use super::rows::{WideLayout, WideScore};
use super::value::{self, Cell};
use super::wide::{self, WideHeader};
use crate::config::LoadedConfig;
use crate::problems::{Problem, Severity};
use crate::schema::{FIELD_COUNT, Field, Kind, kind_from_name};

/// How many rows from the top are searched for the header (SPEC 2.3).
pub const HEADER_SEARCH_ROWS: usize = 20;

/// A sheet or CSV file being opened.
pub struct SheetStart<'s> {
    pub file: &'s str,
    /// `None` for CSV.
    pub sheet: Option<&'s str>,
    /// The names that may say which table this is: the sheet name, or a CSV file's stem and name.
    pub names: &'s [&'s str],
    pub group: &'s str,
    /// Absolute 0-based column of the first cell of every row.
    pub first_col: u32,
}

/// The fields a header row names for a table (config mappings first).
fn header_fields(cells: &[Cell<'_>], kind: Kind, config: &LoadedConfig) -> Vec<Option<Field>> {
    cells
        .iter()
        .map(|c| match value::text(*c) {
            Some(h) => config
                .mapped_column(kind, &h)
                .or_else(|| kind.field_of_header(&h)),
            None => None,
        })
        .collect()
}

fn recognised(cells: &[Cell<'_>], kind: Kind, config: &LoadedConfig) -> usize {
    let mut seen = [false; FIELD_COUNT];
    let fields = header_fields(cells, kind, config);
    for f in fields.iter().flatten() {
        seen[*f as usize] = true;
    }
    // A measure-wave column of the wide outcomes form counts as one more (SPEC 2.4).
    let wide = kind == Kind::Outcomes
        && cells.iter().zip(&fields).any(|(c, f)| {
            f.is_none()
                && value::text(*c).is_some_and(|h| {
                    matches!(wide::parse_header(&h), Some(WideHeader::Score { .. }))
                })
        });
    seen.iter().filter(|s| **s).count() + usize::from(wide)
}

/// Whether a header row of an outcomes sheet is in the wide form: a person column, no score
/// column, and at least one measure-wave column (SPEC 2.4).
fn is_wide(cells: &[Cell<'_>], fields: &[Option<Field>]) -> bool {
    fields.contains(&Some(Field::PersonId))
        && !fields.contains(&Some(Field::Score))
        && cells.iter().zip(fields).any(|(c, f)| {
            f.is_none()
                && value::text(*c).is_some_and(|h| {
                    matches!(wide::parse_header(&h), Some(WideHeader::Score { .. }))
                })
        })
}

/// The index of the header row among the first rows: the first with at least two recognised
/// column names for the table.
pub fn find_header(
    rows: &[(u32, Vec<Cell<'_>>)],
    kind: Kind,
    config: &LoadedConfig,
) -> Option<usize> {
    rows.iter()
        .take(HEADER_SEARCH_ROWS)
        .position(|(_, cells)| recognised(cells, kind, config) >= 2)
}

/// Finds the table and header of a sheet. Problems (skipped sheet, structural errors, unknown
/// columns) are pushed; `None` means the rows are not read.
pub fn begin(
    start: &SheetStart<'_>,
    first_rows: &[(u32, Vec<Cell<'_>>)],
    config: &LoadedConfig,
    problems: &mut Vec<Problem>,
) -> Option<(RowParser, usize)> {
    let place = |severity, message: String| Problem {
        severity,
        file: start.file.to_string(),
        sheet: start.sheet.map(str::to_string),
        row: None,
        column: None,
        cell: None,
        value: None,
        message,
        project: None,
    };
    let what = if start.sheet.is_some() {
        "sheet"
    } else {
        "file"
    };
    let kind = config
        .sheet_kind(start.names)
        .or_else(|| start.names.first().and_then(|n| kind_from_name(n)));
    let Some(kind) = kind else {
        // The instructions `mwm template` writes are for people: skipped without a word.
        let first_cell = first_rows
            .first()
            .and_then(|(_, cells)| cells.first())
            .map(|c| c.shown());
        if first_cell.as_deref() == Some(crate::schema::TEMPLATE_INSTRUCTIONS) {
            return None;
        }
        // The table whose columns the top rows name most.
        let best = |k: Kind| {
            first_rows
                .iter()
                .take(HEADER_SEARCH_ROWS)
                .map(|(_, cells)| recognised(cells, k, config))
                .max()
                .unwrap_or(0)
        };
        let looks_like = Kind::ALL
            .into_iter()
            .map(|k| (best(k), k))
            .filter(|(n, _)| *n >= 2)
            .max_by_key(|(n, k)| (*n, std::cmp::Reverse(*k)))
            .map(|(_, k)| k);
        let message = match looks_like {
            Some(k) => format!(
                "skipped: the {what} name names no table, though its header row looks like that of the {} table; rename it (for example \"{}\") or map it in mwm.toml under [sheets]",
                k.name(),
                k.name()
            ),
            None => format!(
                "skipped: the {what} name names no table (projects, outputs, outcomes, measures, stories, audit or narrative)"
            ),
        };
        problems.push(place(Severity::Warning, message));
        return None;
    };
    let Some(header_index) = find_header(first_rows, kind, config) else {
        let names: Vec<&str> = kind
            .fields()
            .iter()
            .filter(|f| f.required)
            .map(|f| f.field.name())
            .collect();
        problems.push(place(
            Severity::Error,
            format!(
                "no header row: none of the first {HEADER_SEARCH_ROWS} rows names two columns of the {} table (it needs {}){}",
                kind.name(),
                names.join(", "),
                if kind == Kind::Outcomes {
                    "; a sheet with one row per person needs a person column (person_id, participant, client id) and score columns named with a measure and a wave, like \"SWEMWBS T1\" or \"Baseline SWEMWBS\""
                } else {
                    ""
                }
            ),
        ));
        return None;
    };
    let (header_row, header_cells) = &first_rows[header_index];
    let fields = header_fields(header_cells, kind, config);
    let mut columns: Vec<Option<Column>> = vec![None; FIELD_COUNT];
    let mut structural = false;
    let mut wide =
        (kind == Kind::Outcomes && is_wide(header_cells, &fields)).then(WideLayout::default);
    for (index, (cell, field)) in header_cells.iter().zip(&fields).enumerate() {
        let col = start.first_col + index as u32;
        let cell_ref = start
            .sheet
            .map(|_| format!("{}{header_row}", value::column_letters(col)));
        let Some(header) = value::text(*cell) else {
            continue;
        };
        let header_problem = |severity, message: String| Problem {
            severity,
            file: start.file.to_string(),
            sheet: start.sheet.map(str::to_string),
            row: Some(*header_row),
            column: Some(header.clone()),
            cell: cell_ref.clone(),
            value: None,
            message,
            project: None,
        };
        let column = Column {
            header: header.clone(),
            index,
            col,
        };
        if let Some(layout) = &mut wide {
            match (field, wide::parse_header(&header)) {
                (None, Some(WideHeader::Score { name, wave })) => {
                    let key = crate::schema::name_key(&name);
                    if let Some(first) = layout
                        .scores
                        .iter()
                        .find(|s| s.wave == wave && crate::schema::name_key(&s.measure) == key)
                    {
                        structural = true;
                        problems.push(header_problem(
                            Severity::Error,
                            format!(
                                "and column \"{}\" both hold {name} at wave {}: remove or rename one of them",
                                first.column.header,
                                wide::wave_label(wave)
                            ),
                        ));
                    } else {
                        layout.scores.push(WideScore {
                            column,
                            measure: name,
                            wave,
                        });
                    }
                    continue;
                }
                (None | Some(Field::Date), Some(WideHeader::Date { wave })) => {
                    if let Some((_, first)) = layout.dates.iter().find(|(w, _)| *w == wave) {
                        structural = true;
                        problems.push(header_problem(
                            Severity::Error,
                            format!(
                                "and column \"{}\" both date wave {}: remove or rename one of them",
                                first.header,
                                wide::wave_label(wave)
                            ),
                        ));
                    } else {
                        layout.dates.push((wave, column));
                    }
                    continue;
                }
                (Some(f @ (Field::Date | Field::Measure)), _) => {
                    problems.push(header_problem(
                        Severity::Warning,
                        format!(
                            "is ignored: this sheet holds one row per person, with a column per measure and wave, so a single {} column says nothing about which score it belongs to{}",
                            f.name(),
                            if *f == Field::Date {
                                " (name a wave's date column like \"Date T1\" or \"Baseline date\")"
                            } else {
                                ""
                            }
                        ),
                    ));
                    continue;
                }
                _ => {}
            }
        }
        match field {
            None => problems.push(header_problem(
                Severity::Warning,
                format!("is not a column of the {} table: ignored", kind.name()),
            )),
            Some(f) => match &columns[*f as usize] {
                Some(first) => {
                    structural = true;
                    problems.push(header_problem(
                        Severity::Error,
                        format!(
                            "and column \"{}\" both map to {}: remove or rename one of them",
                            first.header,
                            f.name()
                        ),
                    ));
                }
                None => columns[*f as usize] = Some(column),
            },
        }
    }
    let missing: Vec<&str> = kind
        .fields()
        .iter()
        .filter(|f| {
            f.required
                && f.field != Field::ProjectId
                && columns[f.field as usize].is_none()
                // A wide sheet's measures, dates and scores are in its measure-wave columns.
                && !(wide.is_some()
                    && matches!(f.field, Field::Measure | Field::Date | Field::Score))
        })
        .map(|f| f.field.name())
        .collect();
    if !missing.is_empty() {
        structural = true;
        let plural = if missing.len() > 1 {
            "columns"
        } else {
            "column"
        };
        let table = kind.name();
        problems.push(Problem {
            row: Some(*header_row),
            column: Some(missing.join(", ")),
            ..place(
                Severity::Error,
                format!(
                    "required {plural} {} {} missing from the header row (row {header_row}): add {}, or map your own column in mwm.toml under [columns.{table}]{}",
                    missing.iter().map(|m| format!("\"{m}\"")).collect::<Vec<_>>().join(", "),
                    if missing.len() > 1 { "are" } else { "is" },
                    if missing.len() > 1 { "them" } else { "it" },
                    if kind == Kind::Outcomes && columns[Field::Score as usize].is_none() {
                        "; a sheet with one row per person needs its score columns named with a measure and a wave, like \"SWEMWBS T1\" or \"Baseline SWEMWBS\""
                    } else {
                        ""
                    }
                ),
            )
        });
    }
    if structural {
        return None;
    }
    let info = SheetInfo {
        file: start.file.to_string(),
        sheet: start.sheet.map(str::to_string),
        kind,
        group: start.group.to_string(),
        columns,
        header_row: *header_row,
        wide,
    };
    Some((RowParser::new(info), header_index))
}
