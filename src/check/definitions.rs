//! Definitions: projects and measures, which may be given in several places (a central list and
//! a one-row sheet in a project's workbook; built-ins, `[[measures]]` and measures sheets).
//! Definitions that agree merge; an exact repeat is a duplicate; definitions that differ are a
//! structural error naming both places (SPEC 2.4).

use crate::config::LoadedConfig;
use crate::ingest::rows::{KindRows, ParsedSheet, RowStatus};
use crate::model::{Measure, MeasureDef, Project};
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
    // Each input group's one project id, or `None` once it names two (a list of the ids met,
    // searched at every row, cost the square of the projects).
    let mut per_group: HashMap<String, Option<String>> = HashMap::new();
    for sheet in sheets.iter_mut() {
        let KindRows::Projects(rows) = &sheet.rows else {
            continue;
        };
        let mut status = Vec::new();
        for row in rows {
            let here = place(sheet, row.idx);
            let id = row.project.project_id.clone();
            per_group
                .entry(sheet.info.group.clone())
                .and_modify(|one| {
                    if one.as_ref().is_some_and(|first| *first != id) {
                        *one = None;
                    }
                })
                .or_insert_with(|| Some(id.clone()));
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
        .filter_map(|(group, one)| Some((group, one?)))
        .collect();
    ProjectDefs {
        projects: defined.into_iter().map(|(k, (p, _))| (k, p)).collect(),
        single,
    }
}

/// A project's value in one field, as text for messages.
fn project_field(p: &Project, field: Field) -> String {
    use crate::format::{format_date, format_number};
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
        Field::Funding => p
            .funding
            .iter()
            .map(|(n, a)| format!("{n}: {}", format_number(*a)))
            .collect::<Vec<_>>()
            .join("; "),
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
    if a.funding.is_empty() {
        a.funding = b.funding.clone();
    } else if !b.funding.is_empty() && a.funding != b.funding {
        return Err(Field::Funding);
    }
    if a.funders.is_empty() {
        a.funders = b.funders.clone();
    } else if !b.funders.is_empty() && a.funders != b.funders {
        return Err(Field::Funder);
    }
    Ok(())
}

/// One definition of a measure and where it was made.
struct Definition {
    row: MeasureDef,
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
        let config_problem = |value: Option<String>, message: String| Problem {
            row: Some(line),
            column: Some("measures".into()),
            value,
            ..Problem::file(Severity::Error, &config_file, message)
        };
        let def = m.clone();
        let wrong = def.problems();
        if !wrong.is_empty() {
            for p in wrong {
                let message = if p.field == Field::Measure {
                    p.message
                } else {
                    format!(
                        "[[measures]] \"{}\": {} {}",
                        def.name,
                        p.field.name(),
                        p.message
                    )
                };
                problems.push(config_problem(Some(p.value), message));
            }
            continue;
        }
        let place = format!("{config_file} line {line}");
        if let Err(message) = define(&mut definitions, &mut order, def, place) {
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
            let row_number = sheet.row_number(row.idx);
            let key = row.def.name.to_lowercase();
            let exact = definitions.get(&key).is_some_and(|d| d.row == row.def);
            if exact {
                status.push((row.idx, RowStatus::Duplicate));
                continue;
            }
            let idx = row.idx;
            let name = row.def.name.clone();
            match define(&mut definitions, &mut order, row.def, place(sheet, idx)) {
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
    let mut measures: Vec<Measure> = order
        .iter()
        .filter_map(|key| {
            let base = built_in.iter().find(|b| b.name.to_lowercase() == *key);
            let defined = definitions.get(key).map(|d| &d.row);
            MeasureDef::resolve(base, defined)
        })
        .collect();
    // `[[references]]` add a reference to a measure or replace its built-in one (SPEC 4.10).
    for entry in &config.config.references {
        let r = entry.get_ref();
        match measures
            .iter_mut()
            .find(|m| m.name.eq_ignore_ascii_case(r.measure.trim()))
        {
            Some(m) => {
                m.reference = Some(crate::model::Reference {
                    mean: r.mean,
                    label: r.label.clone(),
                    source: r.source.clone(),
                    low_below: r.low_below,
                    high_above: r.high_above,
                    built_in: false,
                })
            }
            None => problems.push(Problem {
                row: Some(config.line_of_span(entry.span())),
                column: Some("references".into()),
                value: Some(r.measure.clone()),
                ..Problem::file(
                    Severity::Warning,
                    &config_file,
                    "is not a measure of this run: the reference is not used",
                )
            }),
        }
    }
    measures
}

/// Records a definition, merging with an earlier one that agrees.
fn define(
    definitions: &mut HashMap<String, Definition>,
    order: &mut Vec<String>,
    row: MeasureDef,
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

fn merge_measure(a: &mut MeasureDef, b: &MeasureDef) -> Result<(), &'static str> {
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
    merge_field(&mut a.ls_per_point, &b.ls_per_point, "ls_per_point")?;
    Ok(())
}
