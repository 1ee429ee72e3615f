//! `mwm template`: a blank input workbook for services that start from nothing. One sheet per
//! table of SPEC 2.4 with the canonical headers (bold, frozen, a note on each saying what goes
//! in it), drop-down lists where the answer is one of a few words, suggestion lists that
//! still take other entries (principles, measures), date and number formats on their columns,
//! and an Instructions sheet that `mwm` skips. It has no data rows.

use crate::model::{Measure, Principle};
use crate::schema::{Field, Kind};
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, Format, FormatAlign, Note, Workbook, XlsxError,
};

/// How many rows the drop-down lists and formats cover.
const ROWS: u32 = 5000;

/// What goes in a column, for the note on its header.
fn help(kind: Kind, field: Field) -> &'static str {
    match (kind, field) {
        (Kind::Projects, Field::ProjectId) => {
            "Required. A short code for the project, unique (for example CAE-SHED). Used in every other sheet."
        }
        (_, Field::ProjectId) => {
            "The project's code, as in the projects sheet. In a workbook for one project you can leave it empty."
        }
        (_, Field::Name) => "Required. The project's name as readers know it.",
        (_, Field::NameCy) => "The project's name in Welsh, for Welsh pages.",
        (_, Field::Organisation) => "Who runs the project.",
        (_, Field::Funder) => {
            "Who funds it; several funders separated by ; (each gets a funder page)."
        }
        (_, Field::StartDate) => "When the project started (a date).",
        (_, Field::EndDate) => "When it ends or ended (a date).",
        (_, Field::Budget) => "The budget in pounds, for cost per participant.",
        (_, Field::Novelty) => {
            "1 to 6: 1 we all know how to do this, 2 someone in our team has done this, 3 someone in our organisation has, 4 we have access to this expertise, 5 someone has done this but not in this context, 6 nobody has done this before."
        }
        (_, Field::Description) => "A sentence or two about the project.",
        (_, Field::Funding) => {
            "What each funder gave: Funder name: amount, items separated by ; (for example Fund A: 10000; Fund B: 8500). A funder's page adds up these amounts."
        }
        (Kind::Outputs, Field::Date) => {
            "Required. The date of the activity (or the first of the month)."
        }
        (Kind::Outputs, Field::Measure) => {
            "Required. What was counted, for example Sessions delivered, People attending, Volunteer hours."
        }
        (Kind::Outputs, Field::Value) => "Required. How many (0 or more).",
        (Kind::Outputs, Field::Principles) => {
            "Which co-production principles this activity serves: assets, networks, outcomes, relationships, enabling; several separated by ;"
        }
        (_, Field::Notes) => "Anything worth knowing about this row.",
        (_, Field::MeasureEn) => {
            "The activity's name in English, if it is written in Welsh: English pages use it (once per activity is enough)."
        }
        (_, Field::MeasureCy) => {
            "The activity's name in Welsh, if it is written in English: Welsh pages use it (once per activity is enough)."
        }
        (_, Field::Translation) => {
            "The story in the other language (English for a Welsh story, Welsh for an English one), shown beneath the quote."
        }
        (_, Field::PersonId) => {
            "Required. A code for the person, never their name. Format as text to keep leading zeros."
        }
        (Kind::Outcomes, Field::Measure) => {
            "Required. The questionnaire: SWEMWBS, WEMWBS, ONS life satisfaction, ONS worthwhile, ONS happiness, ONS anxiety, or one defined in the measures sheet."
        }
        (Kind::Outcomes, Field::Date) => "Required. When the person answered.",
        (Kind::Outcomes, Field::Score) => {
            "Required. The total score (SWEMWBS: the raw total 7 to 35)."
        }
        (Kind::Measures, Field::Measure) => {
            "Required. The name of a measure your service uses, exactly as in the outcomes sheet."
        }
        (_, Field::Min) => "Required. The lowest possible score.",
        (_, Field::Max) => "Required. The highest possible score.",
        (_, Field::HigherIsBetter) => {
            "Required. yes if a higher score is better, no if lower is better."
        }
        (_, Field::Sem) => "Standard error of measurement, if the measure's authors give one.",
        (_, Field::Reliability) => "Reliability (for example Cronbach's alpha), between 0 and 1.",
        (_, Field::Sd) => "Standard deviation of the measure in a reference population.",
        (_, Field::Mid) => "Minimal important difference: the smallest change that matters.",
        (_, Field::Conversion) => {
            "swemwbs if scores are SWEMWBS raw totals to convert; otherwise leave empty."
        }
        (Kind::Measures, Field::Principles) => {
            "Which principles this measure gives evidence for; several separated by ;"
        }
        (_, Field::LabelCy) => "The measure's name in Welsh.",
        (_, Field::Source) => "Where the constants come from.",
        (_, Field::LsPerPoint) => {
            "For social value: the points of ONS life satisfaction one point of this measure is worth (needs a source)."
        }
        (Kind::Narrative, Field::Text) => {
            "Required. A passage in the project's own words for its board and funders."
        }
        (_, Field::Heading) => {
            "The heading it goes under: about, what we did, difference made, challenges, learning, next steps (or amdanom, beth wnaethom, y gwahaniaeth, heriau, dysgu, camau nesaf); any other heading is shown after these."
        }
        (Kind::Narrative, Field::Date) => {
            "When it was written; a dated passage outside the reporting period is left out."
        }
        (Kind::Narrative, Field::Language) => "The language it is written in: en or cy.",
        (_, Field::Text) => "Required. The story in the teller's own words.",
        (_, Field::StoryId) => {
            "A code for the story, unique within the project (made from the row if empty)."
        }
        (Kind::Stories, Field::Date) => "When the story was told.",
        (_, Field::Title) => "A short title.",
        (_, Field::WhatMatters) => "What mattered to the person, in a few words.",
        (_, Field::Achieved) => "Was it achieved: yes, partly or not yet.",
        (Kind::Stories, Field::Principles) => {
            "Which principles the story shows; several separated by ;"
        }
        (_, Field::Spectrum) => {
            "Where the work sits on the spectrum of engagement, from coercion to co-production, or just doing to / doing for / doing with."
        }
        (_, Field::Consent) => {
            "yes only if the teller agreed the story may be quoted. Anything else means it is never quoted."
        }
        (_, Field::Teller) => {
            "Who told it: citizen, carer, family, professional, volunteer, community or other."
        }
        (_, Field::Language) => "The language it was told in: en or cy.",
        (Kind::Audit, Field::Date) => "Required. The date of the self-audit.",
        (_, Field::Principle) => {
            "Required. The principle: assets, networks, outcomes, relationships or enabling."
        }
        (_, Field::Item) => "Required. The statement number, 1 to 3.",
        (Kind::Audit, Field::Score) => "Required. The score, 1 to 5.",
        _ => "",
    }
}

const SPECTRUM: [&str; 12] = [
    "coercion",
    "protection",
    "education",
    "persuasion",
    "information",
    "consultation",
    "participation",
    "co-production",
    "involvement",
    "doing to",
    "doing for",
    "doing with",
];

const INSTRUCTIONS: [&str; 17] = [
    crate::schema::TEMPLATE_INSTRUCTIONS,
    "",
    "1. Fill in the projects sheet: one row per project (in a workbook for one project, one row; the other sheets may then leave project_id empty).",
    "2. Add your activity to outputs, people's stories to stories, your co-production self-audits to audit and, in narrative, what you want your board and funders to read in your own words.",
    "3. Questionnaire scores go in one of the two outcomes sheets, whichever matches how you keep them (leave the other one empty):",
    "   - outcomes: one row per person, measure and date (person_id, measure, date, score);",
    "   - outcomes by person: one row per person, with a column per measure and wave, named like SWEMWBS T1, SWEMWBS T2 (or Baseline SWEMWBS, Follow-up SWEMWBS), and a date column per wave if you have the dates (Date T1, Date T2). Rename, add or delete columns to match your questionnaires.",
    "   Baseline and follow-up: for each person and measure, mwm takes the earliest score as the baseline and the latest as the follow-up (scores without a date in wave order: T1 to T9, then follow-up). A person with one score counts as baseline only. Empty cells, n/a and not answered are no score.",
    "4. If your service uses its own questionnaire, describe it in measures (min, max, and whether higher is better).",
    "5. The audit is your co-production self-audit: three statements for each of the five principles (assets, networks, outcomes, relationships, enabling), each scored from 1 (not at all) to 5 (fully). One row per statement: the date of the audit, the principle, the statement number (item, 1 to 3) and the score.",
    "6. Hover over a column's header to see what goes in it. Lists offer the usual answers; principles and measures also take your own.",
    "7. Save, then run: mwm check (to see any problems, each with its cell) and mwm report (to write the report pages).",
    "",
    "This sheet is skipped when mwm reads the workbook.",
    "",
    "Format id columns (project_id, person_id) as text so that leading zeros are kept.",
    "Dates: a date cell, or YYYY-MM-DD, or DD/MM/YYYY.",
];

/// The wide outcomes sheet: its name and columns with their notes (SPEC 2.4 wide form).
const WIDE_SHEET: &str = "outcomes by person";
const WIDE_COLUMNS: [(&str, &str); 6] = [
    (
        "project_id",
        "The project's id, as in the projects sheet (may be left empty in a workbook for one project).",
    ),
    (
        "person_id",
        "Required. A pseudonymous id for the person (never a name), the same at every wave.",
    ),
    (
        "Date T1",
        "The date of the first wave (baseline). Leave the column out, or the cell empty, if you do not have it.",
    ),
    (
        "SWEMWBS T1",
        "The person's SWEMWBS total at wave 1 (7 to 35). Rename the column for another measure: <measure> T1, or Baseline <measure>.",
    ),
    (
        "Date T2",
        "The date of the second wave. Wave dates in a row must be in order.",
    ),
    (
        "SWEMWBS T2",
        "The person's SWEMWBS total at wave 2. Add T3, T4... or Follow-up <measure> columns for later waves.",
    ),
];

/// The template as a workbook, ready to save (or, in tests, to fill).
pub fn workbook() -> Result<Workbook, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold().set_align(FormatAlign::Top);
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let number = Format::new().set_num_format("General");
    let text = Format::new().set_num_format("@");
    let sheet = book.add_worksheet();
    sheet.set_name("Instructions")?;
    sheet.set_column_width(0, 110)?;
    for (row, line) in INSTRUCTIONS.iter().enumerate() {
        if row == 0 {
            sheet.write_string_with_format(0, 0, *line, &bold)?;
        } else {
            sheet.write_string(row as u32, 0, *line)?;
        }
    }
    let measures: Vec<String> = Measure::built_in().into_iter().map(|m| m.name).collect();
    let principles: Vec<&str> = Principle::ALL.iter().map(|p| p.key()).collect();
    for kind in [
        Kind::Projects,
        Kind::Outputs,
        Kind::Outcomes,
        Kind::Measures,
        Kind::Stories,
        Kind::Audit,
        Kind::Narrative,
    ] {
        let sheet = book.add_worksheet();
        sheet.set_name(kind.name())?;
        sheet.set_freeze_panes(1, 0)?;
        for (col, def) in kind.fields().iter().enumerate() {
            let col = col as u16;
            let field = def.field;
            sheet.write_string_with_format(0, col, field.name(), &bold)?;
            sheet.set_column_width(col, if field == Field::Text { 60 } else { 18 })?;
            let note = Note::new(help(kind, field)).set_author("mwm");
            sheet.insert_note(0, col, &note)?;
            let format = match field {
                Field::Date | Field::StartDate | Field::EndDate => Some(&date),
                Field::Value
                | Field::Score
                | Field::Budget
                | Field::Min
                | Field::Max
                | Field::Sem
                | Field::Reliability
                | Field::Sd
                | Field::Mid
                | Field::Item
                | Field::Novelty => Some(&number),
                Field::ProjectId | Field::PersonId | Field::StoryId => Some(&text),
                _ => None,
            };
            if let Some(format) = format {
                sheet.set_column_format(col, format)?;
            }
            let strict = |list: &[&str]| DataValidation::new().allow_list_strings(list);
            let suggest = |list: &[&str]| {
                DataValidation::new()
                    .allow_list_strings(list)
                    .map(|v| v.set_error_style(DataValidationErrorStyle::Information))
            };
            let validation = match (kind, field) {
                (_, Field::Spectrum) => Some(strict(&SPECTRUM)?),
                (_, Field::Achieved) => Some(strict(&["yes", "partly", "not yet"])?),
                (_, Field::Consent) => Some(strict(&["yes", "no"])?),
                (_, Field::Teller) => Some(strict(&[
                    "citizen",
                    "carer",
                    "family",
                    "professional",
                    "volunteer",
                    "community",
                    "other",
                ])?),
                (_, Field::Language) => Some(strict(&["en", "cy"])?),
                (_, Field::HigherIsBetter) => Some(strict(&["yes", "no"])?),
                (_, Field::Principle) => Some(strict(&principles)?),
                // Several principles may share a cell, so the list only suggests.
                (_, Field::Principles) => Some(
                    suggest(&principles)?
                        .set_input_message("Pick one, or type several separated by ;")?,
                ),
                (Kind::Outcomes, Field::Measure) => {
                    let names: Vec<&str> = measures.iter().map(String::as_str).collect();
                    Some(suggest(&names)?.set_input_message("A built-in measure, or your own")?)
                }
                _ => None,
            };
            if let Some(v) = validation {
                sheet.add_data_validation(1, col, ROWS, col, &v)?;
            }
        }
        if kind == Kind::Outcomes {
            wide_sheet(&mut book, &bold, &date, &number, &text)?;
        }
    }
    Ok(book)
}

/// The outcomes sheet in the wide form, after the long one.
fn wide_sheet(
    book: &mut Workbook,
    bold: &Format,
    date: &Format,
    number: &Format,
    text: &Format,
) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name(WIDE_SHEET)?;
    sheet.set_freeze_panes(1, 2)?;
    for (col, (header, help)) in WIDE_COLUMNS.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, *header, bold)?;
        sheet.set_column_width(col, 16)?;
        sheet.insert_note(0, col, &Note::new(*help).set_author("mwm"))?;
        let format = match col {
            0 | 1 => text,
            _ if header.starts_with("Date") => date,
            _ => number,
        };
        sheet.set_column_format(col, format)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_has_a_note() {
        for kind in Kind::ALL {
            for def in kind.fields() {
                assert!(
                    !help(kind, def.field).is_empty(),
                    "{kind:?} {:?}",
                    def.field
                );
            }
        }
    }
}
