//! What each table of SPEC 2.4 looks like: its fields, which are required, their aliases, and
//! how a sheet or file name says which table it is (SPEC 2.2). Everything that knows the names
//! users write lives here, so that adding an alias is a one-line change.

use serde::Serialize;

/// The items of a list cell, trimmed, empty ones dropped.
pub fn split_list(t: &str) -> impl Iterator<Item = &str> {
    t.split([';', ',', '\n', '\r'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// A column name or sheet name in the form names are compared in: lower case, with spaces,
/// hyphens and underscores treated alike (runs of them count once), trimmed.
pub fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    let mut pending_gap = false;
    for ch in name.trim().chars() {
        if ch == ' ' || ch == '-' || ch == '_' || ch.is_whitespace() {
            pending_gap = !key.is_empty();
        } else {
            if pending_gap {
                key.push(' ');
                pending_gap = false;
            }
            key.extend(ch.to_lowercase());
        }
    }
    key
}

/// The first line of the Instructions sheet `mwm template` writes: a sheet that starts with
/// it is for people, and is skipped without a warning.
pub const TEMPLATE_INSTRUCTIONS: &str = "How to use this workbook with mwm";

/// The kind of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Projects,
    Measures,
    Outputs,
    Outcomes,
    Stories,
    Audit,
    Narrative,
}

impl Kind {
    /// In the order definitions must be known before the rows that use them.
    pub const ALL: [Kind; 7] = [
        Kind::Projects,
        Kind::Measures,
        Kind::Outputs,
        Kind::Outcomes,
        Kind::Stories,
        Kind::Audit,
        Kind::Narrative,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Projects => "projects",
            Kind::Measures => "measures",
            Kind::Outputs => "outputs",
            Kind::Outcomes => "outcomes",
            Kind::Stories => "stories",
            Kind::Audit => "audit",
            Kind::Narrative => "narrative",
        }
    }

    /// A kind named in config (`[sheets]`, `[columns.TABLE]`), by any of its words.
    pub fn parse(name: &str) -> Option<Kind> {
        kind_of_word(&name_key(name))
    }

    /// The fields of this table, in the order of SPEC 2.4.
    pub fn fields(self) -> &'static [FieldDef] {
        match self {
            Kind::Projects => PROJECT_FIELDS,
            Kind::Measures => MEASURE_FIELDS,
            Kind::Outputs => OUTPUT_FIELDS,
            Kind::Outcomes => OUTCOME_FIELDS,
            Kind::Stories => STORY_FIELDS,
            Kind::Audit => AUDIT_FIELDS,
            Kind::Narrative => NARRATIVE_FIELDS,
        }
    }

    /// The field a header names in this table, by canonical name or alias.
    pub fn field_of_header(self, header: &str) -> Option<Field> {
        let key = name_key(header);
        if key.is_empty() {
            return None;
        }
        let fields = self.fields();
        if let Some(def) = fields.iter().find(|f| name_key(f.field.name()) == key) {
            return Some(def.field);
        }
        if fields.iter().any(|f| f.field == Field::ProjectId)
            && matches!(key.as_str(), "project" | "project code")
        {
            return Some(Field::ProjectId);
        }
        fields
            .iter()
            .find(|f| f.aliases.iter().any(|a| *a == key))
            .map(|f| f.field)
    }
}

/// A canonical column of some table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    ProjectId,
    Name,
    NameCy,
    Organisation,
    Funder,
    StartDate,
    EndDate,
    Budget,
    Novelty,
    Description,
    Date,
    Measure,
    Value,
    Principles,
    Notes,
    PersonId,
    Score,
    Min,
    Max,
    HigherIsBetter,
    Sem,
    Reliability,
    Sd,
    Mid,
    Conversion,
    LabelCy,
    Source,
    Text,
    StoryId,
    Title,
    WhatMatters,
    Achieved,
    Spectrum,
    Consent,
    Teller,
    Language,
    Principle,
    Item,
    Heading,
    MeasureEn,
    MeasureCy,
    Translation,
    LsPerPoint,
    Funding,
}

/// How many fields any table has at most; a column map is an array this long.
pub const FIELD_COUNT: usize = Field::Funding as usize + 1;

impl Field {
    /// The canonical column name of SPEC 2.4.
    pub fn name(self) -> &'static str {
        match self {
            Field::ProjectId => "project_id",
            Field::Name => "name",
            Field::NameCy => "name_cy",
            Field::Organisation => "organisation",
            Field::Funder => "funder",
            Field::StartDate => "start_date",
            Field::EndDate => "end_date",
            Field::Budget => "budget",
            Field::Novelty => "novelty",
            Field::Description => "description",
            Field::Date => "date",
            Field::Measure => "measure",
            Field::Value => "value",
            Field::Principles => "principles",
            Field::Notes => "notes",
            Field::PersonId => "person_id",
            Field::Score => "score",
            Field::Min => "min",
            Field::Max => "max",
            Field::HigherIsBetter => "higher_is_better",
            Field::Sem => "sem",
            Field::Reliability => "reliability",
            Field::Sd => "sd",
            Field::Mid => "mid",
            Field::Conversion => "conversion",
            Field::LabelCy => "label_cy",
            Field::Source => "source",
            Field::Text => "text",
            Field::StoryId => "story_id",
            Field::Title => "title",
            Field::WhatMatters => "what_matters",
            Field::Achieved => "achieved",
            Field::Spectrum => "spectrum",
            Field::Consent => "consent",
            Field::Teller => "teller",
            Field::Language => "language",
            Field::Principle => "principle",
            Field::Item => "item",
            Field::Heading => "heading",
            Field::MeasureEn => "measure_en",
            Field::MeasureCy => "measure_cy",
            Field::Translation => "translation",
            Field::LsPerPoint => "ls_per_point",
            Field::Funding => "funding",
        }
    }
}

/// One field of a table: whether it is required and what else users call it (as name keys).
#[derive(Debug)]
pub struct FieldDef {
    pub field: Field,
    pub required: bool,
    pub aliases: &'static [&'static str],
}

const fn required(field: Field, aliases: &'static [&'static str]) -> FieldDef {
    FieldDef {
        field,
        required: true,
        aliases,
    }
}

const fn optional(field: Field, aliases: &'static [&'static str]) -> FieldDef {
    FieldDef {
        field,
        required: false,
        aliases,
    }
}

const PROJECT_FIELDS: &[FieldDef] = &[
    required(Field::ProjectId, &["id"]),
    required(Field::Name, &["project name", "title"]),
    optional(Field::NameCy, &[]),
    optional(Field::Organisation, &[]),
    optional(Field::Funder, &["funders", "funded by"]),
    optional(Field::StartDate, &[]),
    optional(Field::EndDate, &[]),
    optional(Field::Budget, &[]),
    optional(Field::Novelty, &[]),
    optional(Field::Description, &[]),
    optional(Field::Funding, &["funding by funder", "grants"]),
];

const OUTPUT_FIELDS: &[FieldDef] = &[
    required(Field::ProjectId, &[]),
    required(Field::Date, &[]),
    required(Field::Measure, &["output", "activity"]),
    required(Field::Value, &["count", "number", "total"]),
    optional(Field::Principles, &[]),
    optional(Field::Notes, &[]),
    optional(
        Field::MeasureEn,
        &["measure in english", "output in english"],
    ),
    optional(Field::MeasureCy, &["measure in welsh", "output in welsh"]),
];

const OUTCOME_FIELDS: &[FieldDef] = &[
    required(Field::ProjectId, &[]),
    required(
        Field::PersonId,
        &["participant", "participant id", "client id", "person"],
    ),
    required(Field::Measure, &["instrument", "scale"]),
    required(Field::Date, &[]),
    required(Field::Score, &["value", "total score"]),
];

const MEASURE_FIELDS: &[FieldDef] = &[
    required(Field::Measure, &[]),
    required(Field::Min, &[]),
    required(Field::Max, &[]),
    required(Field::HigherIsBetter, &[]),
    optional(Field::Sem, &[]),
    optional(Field::Reliability, &[]),
    optional(Field::Sd, &[]),
    optional(Field::Mid, &[]),
    optional(Field::Conversion, &[]),
    optional(Field::Principles, &[]),
    optional(Field::LabelCy, &[]),
    optional(Field::Source, &[]),
    optional(Field::LsPerPoint, &[]),
];

const STORY_FIELDS: &[FieldDef] = &[
    required(Field::ProjectId, &[]),
    required(Field::Text, &["story", "narrative", "quote"]),
    optional(Field::StoryId, &[]),
    optional(Field::Date, &[]),
    optional(Field::Title, &[]),
    optional(Field::WhatMatters, &[]),
    optional(Field::Achieved, &[]),
    optional(Field::Principles, &[]),
    optional(Field::Spectrum, &[]),
    optional(Field::Consent, &["consent to share", "ok to quote"]),
    optional(Field::Teller, &["role"]),
    optional(Field::Language, &[]),
    optional(Field::Translation, &["translated", "cyfieithiad"]),
];

const AUDIT_FIELDS: &[FieldDef] = &[
    required(Field::ProjectId, &[]),
    required(Field::Date, &[]),
    required(Field::Principle, &[]),
    required(Field::Item, &[]),
    required(Field::Score, &[]),
];

const NARRATIVE_FIELDS: &[FieldDef] = &[
    required(Field::ProjectId, &[]),
    required(Field::Text, &["narrative", "note", "notes"]),
    optional(Field::Heading, &["section", "title"]),
    optional(Field::Language, &[]),
    optional(Field::Date, &[]),
];

/// The kind a single word names (SPEC 2.2), English or Welsh, singular or plural.
fn kind_of_word(word: &str) -> Option<Kind> {
    Some(match word {
        "project" | "projects" | "prosiect" | "prosiectau" => Kind::Projects,
        "output" | "outputs" | "allbwn" | "allbynnau" => Kind::Outputs,
        "outcome" | "outcomes" | "canlyniad" | "canlyniadau" => Kind::Outcomes,
        "measure" | "measures" | "mesur" | "mesurau" => Kind::Measures,
        "story" | "stories" | "stori" | "straeon" => Kind::Stories,
        "audit" | "audits" | "archwiliad" | "archwiliadau" => Kind::Audit,
        "narrative" | "narratives" | "naratif" | "naratifau" => Kind::Narrative,
        _ => return None,
    })
}

/// The kind a sheet name or file stem names: split into words at every character that is not
/// a letter or digit; the leftmost word that names a kind decides, except that projects
/// decides only when no other kind is named ("Project narrative" is a narrative table).
pub fn kind_from_name(name: &str) -> Option<Kind> {
    let kinds: Vec<Kind> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter_map(|w| kind_of_word(&w.to_lowercase()))
        .collect();
    kinds
        .iter()
        .copied()
        .find(|k| *k != Kind::Projects)
        .or(kinds.first().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_names_in_english_and_welsh() {
        assert_eq!(kind_from_name("service-a_stories"), Some(Kind::Stories));
        assert_eq!(kind_from_name("Canlyniadau"), Some(Kind::Outcomes));
        assert_eq!(kind_from_name("Allbynnau 2024"), Some(Kind::Outputs));
        assert_eq!(kind_from_name("outcome measures"), Some(Kind::Outcomes));
        assert_eq!(kind_from_name("Mesurau"), Some(Kind::Measures));
        assert_eq!(kind_from_name("Archwiliad"), Some(Kind::Audit));
        assert_eq!(kind_from_name("Instructions"), None);
        assert_eq!(kind_from_name("storytelling"), None);
        // Projects decides only when nothing else is named (SPEC 2.2).
        assert_eq!(kind_from_name("Project narrative"), Some(Kind::Narrative));
        assert_eq!(kind_from_name("project outcomes"), Some(Kind::Outcomes));
        assert_eq!(kind_from_name("Prosiectau"), Some(Kind::Projects));
        assert_eq!(kind_from_name("Naratif"), Some(Kind::Narrative));
    }

    #[test]
    fn headers_by_name_and_alias() {
        assert_eq!(
            Kind::Outcomes.field_of_header("Participant ID"),
            Some(Field::PersonId)
        );
        assert_eq!(
            Kind::Outcomes.field_of_header("project_ID"),
            Some(Field::ProjectId)
        );
        assert_eq!(
            Kind::Outcomes.field_of_header("Project Code"),
            Some(Field::ProjectId)
        );
        assert_eq!(
            Kind::Outcomes.field_of_header("Total score"),
            Some(Field::Score)
        );
        assert_eq!(Kind::Outputs.field_of_header("value"), Some(Field::Value));
        assert_eq!(Kind::Projects.field_of_header("id"), Some(Field::ProjectId));
        assert_eq!(Kind::Outcomes.field_of_header("id"), None);
        assert_eq!(
            Kind::Stories.field_of_header("OK to quote"),
            Some(Field::Consent)
        );
    }
}
