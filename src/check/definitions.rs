//! Definitions: projects and measures, which may be given in several places (a central list and
//! a one-row sheet in a project's workbook; built-ins, `[[measures]]` and measures sheets).
//! Definitions that agree merge; an exact repeat is a duplicate; definitions that differ are a
//! structural error naming both places (SPEC 2.4).

use crate::config::LoadedConfig;
use crate::ingest::rows::{KindRows, MeasureRow, ParsedSheet, RowStatus};
use crate::model::{Conversion, Measure, Principles, Project};
use crate::problems::{Problem, Severity};
use crate::schema::Field;
use std::collections::{BTreeMap, HashMap};

/// Where a definition was read, as the user sees it.
fn place(sheet: &ParsedSheet, idx: u32) -> String {
    format!("{} › row {}", sheet.shown(), sheet.row_number(idx))
}

/// Merges `b` into `a` field by field; `Err` names the first field where both are filled and differ.
fn merge_field<T: PartialEq + Clone>(
    a: &mut Option<T>,
    b: &Option<T>,
    name: &'static str,
) -> Result<(), &'static str> {
    match (a.as_ref(), b) {
        (Some(x), Some(y)) if x != y => Err(name),
        (None, Some(y)) => {
            *a = Some(y.clone());
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The projects of every projects table, keyed by id, and the one-project groups.
pub struct ProjectDefs {
    pub projects: BTreeMap<String, Project>,
    /// Single-project rule: group → its one project id.
    pub single: HashMap<String, String>,
}

pub fn projects(sheets: &mut [ParsedSheet], problems: &mut Vec<Problem>) -> ProjectDefs {
    let mut defined: BTreeMap<String, (Project, String)> = BTreeMap::new();
    let mut per_group: HashMap<String, Vec<String>> = HashMap::new();
    for sheet in sheets.iter_mut() {
        let KindRows::Projects(rows) = &sheet.rows else {
            continue;
        };
        let mut status = Vec::new();
        for row in rows {
            let here = place(sheet, row.idx);
            let id = row.project.project_id.clone();
            let ids = per_group.entry(sheet.info.group.clone()).or_default();
            if !ids.contains(&id) {
                ids.push(id.clone());
            }
            match defined.get_mut(&id) {
                None => {
                    defined.insert(id, (row.project.clone(), here));
                    status.push((row.idx, RowStatus::Used));
                }
                Some((existing, _)) if *existing == row.project => {
                    status.push((row.idx, RowStatus::Duplicate));
                }
                Some((existing, first_place)) => match merge_project(existing, &row.project) {
                    Ok(()) => status.push((row.idx, RowStatus::Used)),
                    Err(field) => {
                        status.push((row.idx, RowStatus::Excluded));
                        problems.push(sheet.info.problem(
                            Severity::Error,
                            sheet.row_number(row.idx),
                            Some(field),
                            Some(project_field(&row.project, field)),
                            format!(
                                "differs from the definition of project {id} at {first_place}, where {} is \"{}\": make the two definitions agree",
                                field.name(),
                                project_field(existing, field)
                            ),
                        ));
                    }
                },
            }
        }
        for (idx, s) in status {
            sheet.status[idx as usize] = s;
        }
    }
    let single = per_group
        .into_iter()
        .filter(|(_, ids)| ids.len() == 1)
        .map(|(group, mut ids)| (group, ids.remove(0)))
        .collect();
    ProjectDefs {
        projects: defined.into_iter().map(|(k, (p, _))| (k, p)).collect(),
        single,
    }
}

/// A project's value in one field, as text for messages.
fn project_field(p: &Project, field: Field) -> String {
    use crate::ingest::value::{format_date, format_number};
    match field {
        Field::ProjectId => p.project_id.clone(),
        Field::Name => p.name.clone(),
        Field::NameCy => p.name_cy.clone().unwrap_or_default(),
        Field::Organisation => p.organisation.clone().unwrap_or_default(),
        Field::Funder => p.funders.join("; "),
        Field::StartDate => p.start_date.map(format_date).unwrap_or_default(),
        Field::EndDate => p.end_date.map(format_date).unwrap_or_default(),
        Field::Budget => p.budget.map(format_number).unwrap_or_default(),
        Field::Novelty => p.novelty.map(|n| n.to_string()).unwrap_or_default(),
        Field::Description => p.description.clone().unwrap_or_default(),
        _ => String::new(),
    }
}

fn merge_project(a: &mut Project, b: &Project) -> Result<(), Field> {
    if a.name != b.name {
        return Err(Field::Name);
    }
    let map = |r: Result<(), &'static str>, f: Field| r.map_err(|_| f);
    map(
        merge_field(&mut a.name_cy, &b.name_cy, "name_cy"),
        Field::NameCy,
    )?;
    map(
        merge_field(&mut a.organisation, &b.organisation, "organisation"),
        Field::Organisation,
    )?;
    map(
        merge_field(&mut a.start_date, &b.start_date, "start_date"),
        Field::StartDate,
    )?;
    map(
        merge_field(&mut a.end_date, &b.end_date, "end_date"),
        Field::EndDate,
    )?;
    map(
        merge_field(&mut a.budget, &b.budget, "budget"),
        Field::Budget,
    )?;
    map(
        merge_field(&mut a.novelty, &b.novelty, "novelty"),
        Field::Novelty,
    )?;
    map(
        merge_field(&mut a.description, &b.description, "description"),
        Field::Description,
    )?;
    if a.funders.is_empty() {
        a.funders = b.funders.clone();
    } else if !b.funders.is_empty() && a.funders != b.funders {
        return Err(Field::Funder);
    }
    Ok(())
}

/// One definition of a measure and where it was made.
struct Definition {
    row: MeasureRow,
    place: String,
}

/// The measures in force: built-ins, then config entries, then measures sheets, merged.
pub fn measures(
    sheets: &mut [ParsedSheet],
    config: &LoadedConfig,
    problems: &mut Vec<Problem>,
) -> Vec<Measure> {
    let built_in = Measure::built_in();
    let mut order: Vec<String> = built_in.iter().map(|m| m.name.to_lowercase()).collect();
    let mut definitions: HashMap<String, Definition> = HashMap::new();
    let config_file = config
        .path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "mwm.toml".into());
    for entry in &config.config.measures {
        let line = config.line_of_span(entry.span());
        let m = entry.get_ref();
        let row = match measure_row_of_config(m) {
            Ok(row) => row,
            Err(message) => {
                problems.push(Problem {
                    row: Some(line),
                    column: Some("measures".into()),
                    ..Problem::file(Severity::Error, &config_file, message)
                });
                continue;
            }
        };
        let place = format!("{config_file} line {line}");
        let is_built_in = built_in
            .iter()
            .any(|b| b.name.eq_ignore_ascii_case(&row.name));
        if let Some(message) = incomplete(&row, is_built_in) {
            problems.push(Problem {
                row: Some(line),
                column: Some("measures".into()),
                value: Some(row.name.clone()),
                ..Problem::file(Severity::Error, &config_file, message)
            });
            continue;
        }
        if let Err(message) = define(&mut definitions, &mut order, row, place) {
            problems.push(Problem {
                row: Some(line),
                ..Problem::file(Severity::Error, &config_file, message)
            });
        }
    }
    for sheet in sheets.iter_mut() {
        let KindRows::Measures(rows) = &sheet.rows else {
            continue;
        };
        let mut status = Vec::new();
        for row in rows.clone() {
            let is_built_in = built_in
                .iter()
                .any(|b| b.name.eq_ignore_ascii_case(&row.name));
            let row_number = sheet.row_number(row.idx);
            if let Some(message) = incomplete(&row, is_built_in) {
                status.push((row.idx, RowStatus::Excluded));
                problems.push(sheet.info.problem(
                    Severity::Excluded,
                    row_number,
                    Some(Field::Measure),
                    Some(row.name.clone()),
                    message,
                ));
                continue;
            }
            let key = row.name.to_lowercase();
            let exact = definitions
                .get(&key)
                .is_some_and(|d| same_definition(&d.row, &row));
            if exact {
                status.push((row.idx, RowStatus::Duplicate));
                continue;
            }
            let idx = row.idx;
            let name = row.name.clone();
            match define(&mut definitions, &mut order, row, place(sheet, idx)) {
                Ok(()) => status.push((idx, RowStatus::Used)),
                Err(message) => {
                    status.push((idx, RowStatus::Excluded));
                    problems.push(sheet.info.problem(
                        Severity::Error,
                        row_number,
                        Some(Field::Measure),
                        Some(name),
                        message,
                    ));
                }
            }
        }
        for (idx, s) in status {
            sheet.status[idx as usize] = s;
        }
    }
    order
        .iter()
        .filter_map(|key| {
            let base = built_in.iter().find(|b| b.name.to_lowercase() == *key);
            let defined = definitions.get(key).map(|d| &d.row);
            resolve(base, defined)
        })
        .collect()
}

/// Two rows that say the same thing, wherever they were read.
fn same_definition(a: &MeasureRow, b: &MeasureRow) -> bool {
    MeasureRow {
        idx: 0,
        ..a.clone()
    } == MeasureRow {
        idx: 0,
        ..b.clone()
    }
}

/// Records a definition, merging with an earlier one that agrees.
fn define(
    definitions: &mut HashMap<String, Definition>,
    order: &mut Vec<String>,
    row: MeasureRow,
    place: String,
) -> Result<(), String> {
    let key = row.name.to_lowercase();
    match definitions.get_mut(&key) {
        None => {
            if !order.contains(&key) {
                order.push(key.clone());
            }
            definitions.insert(key, Definition { row, place });
            Ok(())
        }
        Some(existing) => merge_measure(&mut existing.row, &row).map_err(|field| {
            format!(
                "measure \"{}\" is defined differently here and at {} ({field} differs): make the two definitions agree",
                row.name, existing.place
            )
        }),
    }
}

fn merge_measure(a: &mut MeasureRow, b: &MeasureRow) -> Result<(), &'static str> {
    merge_field(&mut a.min, &b.min, "min")?;
    merge_field(&mut a.max, &b.max, "max")?;
    merge_field(
        &mut a.higher_is_better,
        &b.higher_is_better,
        "higher_is_better",
    )?;
    merge_field(&mut a.sem, &b.sem, "sem")?;
    merge_field(&mut a.reliability, &b.reliability, "reliability")?;
    merge_field(&mut a.sd, &b.sd, "sd")?;
    merge_field(&mut a.mid, &b.mid, "mid")?;
    merge_field(&mut a.conversion, &b.conversion, "conversion")?;
    merge_field(&mut a.principles, &b.principles, "principles")?;
    merge_field(&mut a.label_cy, &b.label_cy, "label_cy")?;
    merge_field(&mut a.source, &b.source, "source")?;
    Ok(())
}

/// Why a definition cannot stand alone: a measure that is not built in needs its range and
/// direction; a range must be a range.
fn incomplete(row: &MeasureRow, is_built_in: bool) -> Option<String> {
    if !is_built_in {
        let missing: Vec<&str> = [
            ("min", row.min.is_none()),
            ("max", row.max.is_none()),
            ("higher_is_better", row.higher_is_better.is_none()),
        ]
        .into_iter()
        .filter(|(_, m)| *m)
        .map(|(n, _)| n)
        .collect();
        if !missing.is_empty() {
            return Some(format!(
                "is not a built-in measure, so it needs {}: fill them in",
                missing.join(", ")
            ));
        }
    }
    if let (Some(min), Some(max)) = (row.min, row.max)
        && min >= max
    {
        return Some(format!("has min {min} not below max {max}"));
    }
    if row.conversion == Some(Conversion::Swemwbs)
        && (row.min.is_some_and(|m| m != 7.0) || row.max.is_some_and(|m| m != 35.0))
    {
        return Some(
            "has the swemwbs conversion, which needs raw totals from 7 to 35 (min 7, max 35)"
                .into(),
        );
    }
    None
}

/// A built-in measure overridden field by field, or a defined measure.
fn resolve(base: Option<&Measure>, row: Option<&MeasureRow>) -> Option<Measure> {
    let Some(row) = row else {
        return base.cloned();
    };
    let base = match base {
        Some(b) => b.clone(),
        None => Measure::new(&row.name, row.min?, row.max?, row.higher_is_better?),
    };
    Some(Measure {
        name: base.name,
        min: row.min.unwrap_or(base.min),
        max: row.max.unwrap_or(base.max),
        higher_is_better: row.higher_is_better.unwrap_or(base.higher_is_better),
        sem: row.sem.or(base.sem),
        reliability: row.reliability.or(base.reliability),
        sd: row.sd.or(base.sd),
        mid: row.mid.or(base.mid),
        conversion: row.conversion.or(base.conversion),
        principles: row.principles.unwrap_or(base.principles),
        label_cy: row.label_cy.clone().or(base.label_cy),
        source: row.source.clone().or(base.source),
    })
}

/// A `[[measures]]` entry as a measures row.
fn measure_row_of_config(m: &crate::config::MeasureConfig) -> Result<MeasureRow, String> {
    let conversion = match m.conversion.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(c) if c.eq_ignore_ascii_case("swemwbs") => Some(Conversion::Swemwbs),
        Some(c) => {
            return Err(format!(
                "[[measures]] \"{}\": conversion \"{c}\" is not known (use \"swemwbs\" or leave it out)",
                m.measure
            ));
        }
    };
    let principles = match &m.principles {
        None => None,
        Some(list) => {
            let mut set = Principles::default();
            for item in crate::ingest::value::split_list(&list.joined()) {
                let p = crate::model::Principle::parse(item).ok_or_else(|| {
                    format!(
                        "[[measures]] \"{}\": \"{item}\" is not a principle",
                        m.measure
                    )
                })?;
                set.insert(p);
            }
            Some(set)
        }
    };
    if let Some(r) = m.reliability
        && !(r > 0.0 && r < 1.0)
    {
        return Err(format!(
            "[[measures]] \"{}\": reliability must be between 0 and 1",
            m.measure
        ));
    }
    for (name, v) in [("sd", m.sd), ("mid", m.mid), ("sem", m.sem)] {
        if v.is_some_and(|v| v <= 0.0) {
            return Err(format!(
                "[[measures]] \"{}\": {name} must be above 0",
                m.measure
            ));
        }
    }
    Ok(MeasureRow {
        idx: 0,
        name: m.measure.trim().to_string(),
        min: m.min,
        max: m.max,
        higher_is_better: m.higher_is_better,
        sem: m.sem,
        reliability: m.reliability,
        sd: m.sd,
        mid: m.mid,
        conversion,
        principles,
        label_cy: m.label_cy.clone(),
        source: m.source.clone(),
    })
}
