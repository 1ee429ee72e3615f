//! The canonical tables of SPEC 2.4, whatever file they came from.
//!
//! Layout: the tables that grow large (outputs, scores, audit items) are columnar, one `Vec` per
//! field, with projects, people and measures held as `u32` codes into small lists of names and
//! dates as days since 1970-01-01. That is exactly the memory layout polars uses for `UInt32`,
//! `Float64` and `Date` columns, so the figures step builds its frames from these vectors
//! without parsing or re-keying 2 million rows a second time, and charts and pages never need
//! polars at all. Stories are few and text-heavy, so they stay as one struct per row.

use crate::schema::Field;
use serde::Serialize;

/// The five co-production principles of SPEC 1.1, in their fixed order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Principle {
    Assets,
    Networks,
    Outcomes,
    Relationships,
    Enabling,
}

impl Principle {
    pub const ALL: [Principle; 5] = [
        Principle::Assets,
        Principle::Networks,
        Principle::Outcomes,
        Principle::Relationships,
        Principle::Enabling,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Principle::Assets => "assets",
            Principle::Networks => "networks",
            Principle::Outcomes => "outcomes",
            Principle::Relationships => "relationships",
            Principle::Enabling => "enabling",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Principle::Assets => "Assets",
            Principle::Networks => "Networks",
            Principle::Outcomes => "Outcomes",
            Principle::Relationships => "Relationships",
            Principle::Enabling => "Enabling",
        }
    }

    pub fn label_cy(self) -> &'static str {
        match self {
            Principle::Assets => "Asedau",
            Principle::Networks => "Rhwydweithiau",
            Principle::Outcomes => "Canlyniadau",
            Principle::Relationships => "Perthnasoedd",
            Principle::Enabling => "Galluogi",
        }
    }

    /// A key or label, English or Welsh, in any case.
    pub fn parse(text: &str) -> Option<Principle> {
        let t = text.trim().to_lowercase();
        Principle::ALL
            .into_iter()
            .find(|p| t == p.key() || t == p.label_cy().to_lowercase())
    }

    /// The bit of this principle in a [`Principles`] set.
    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of principles, one bit each, so that a tag list costs one byte per row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Principles(pub u8);

impl Principles {
    pub fn insert(&mut self, p: Principle) {
        self.0 |= p.bit();
    }

    pub fn contains(self, p: Principle) -> bool {
        self.0 & p.bit() != 0
    }

    pub fn iter(self) -> impl Iterator<Item = Principle> {
        Principle::ALL
            .into_iter()
            .filter(move |p| self.contains(*p))
    }

    pub fn union(self, other: Principles) -> Principles {
        Principles(self.0 | other.0)
    }
}

impl Serialize for Principles {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(Principle::key))
    }
}

/// The three bands of the spectrum of engagement (SPEC 1.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Band {
    DoingTo,
    DoingFor,
    DoingWith,
}

impl Band {
    pub const ALL: [Band; 3] = [Band::DoingTo, Band::DoingFor, Band::DoingWith];

    pub fn key(self) -> &'static str {
        match self {
            Band::DoingTo => "doing_to",
            Band::DoingFor => "doing_for",
            Band::DoingWith => "doing_with",
        }
    }
}

/// Where a story sits on the spectrum: a step 1 to 6 with its band, or a band alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Spectrum {
    pub step: Option<u8>,
    pub band: Band,
}

impl Spectrum {
    /// A term or band name of SPEC 1.2, in any case, with spaces, hyphens and underscores alike.
    pub fn parse(text: &str) -> Option<Spectrum> {
        let t = crate::schema::name_key(text);
        let step = |step: u8, band: Band| {
            Some(Spectrum {
                step: Some(step),
                band,
            })
        };
        match t.as_str() {
            "coercion" | "protection" => step(1, Band::DoingTo),
            "education" | "persuasion" => step(2, Band::DoingTo),
            "information" => step(3, Band::DoingFor),
            "consultation" => step(4, Band::DoingFor),
            "participation" => step(5, Band::DoingFor),
            "co production" | "coproduction" | "involvement" => step(6, Band::DoingWith),
            "doing to" => Some(Spectrum {
                step: None,
                band: Band::DoingTo,
            }),
            "doing for" => Some(Spectrum {
                step: None,
                band: Band::DoingFor,
            }),
            "doing with" => Some(Spectrum {
                step: None,
                band: Band::DoingWith,
            }),
            _ => None,
        }
    }
}

/// Whether what mattered to the person was achieved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Achieved {
    Yes,
    Partly,
    NotYet,
}

impl Achieved {
    pub fn parse(text: &str) -> Option<Achieved> {
        match crate::schema::name_key(text).as_str() {
            "yes" | "met" | "achieved" | "do" | "ie" => Some(Achieved::Yes),
            "partly" | "partially" | "partial" | "partly met" | "rhannol" => Some(Achieved::Partly),
            "not yet" | "no" | "not met" | "ddim eto" | "na" => Some(Achieved::NotYet),
            _ => None,
        }
    }
}

/// Who told the story (SPEC 2.4 `teller`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Teller {
    Citizen,
    Carer,
    Family,
    Professional,
    Volunteer,
    Community,
    Other,
}

impl Teller {
    pub const ALL: [Teller; 7] = [
        Teller::Citizen,
        Teller::Carer,
        Teller::Family,
        Teller::Professional,
        Teller::Volunteer,
        Teller::Community,
        Teller::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Teller::Citizen => "citizen",
            Teller::Carer => "carer",
            Teller::Family => "family",
            Teller::Professional => "professional",
            Teller::Volunteer => "volunteer",
            Teller::Community => "community",
            Teller::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Teller> {
        let t = text.trim().to_lowercase();
        Teller::ALL.into_iter().find(|r| t == r.key())
    }
}

/// The language a story was told in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Cy,
}

impl Language {
    pub fn parse(text: &str) -> Option<Language> {
        match text.trim().to_lowercase().as_str() {
            "en" | "english" | "saesneg" => Some(Language::En),
            "cy" | "welsh" | "cymraeg" => Some(Language::Cy),
            _ => None,
        }
    }
}

/// The languages pages are written in (SPEC 5.2: `--lang` and `[report] lang`): one, or both
/// with Welsh first. A set of [`Language`]s, not a second enum, so that a language is defined
/// once; the command line and the config parse it with [`Languages::parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Languages(&'static [Language]);

impl Languages {
    pub const EN: Languages = Languages(&[Language::En]);
    pub const CY: Languages = Languages(&[Language::Cy]);
    pub const BOTH: Languages = Languages(&[Language::Cy, Language::En]);
    /// The names users write, in the order of the help text.
    pub const NAMES: [&'static str; 3] = ["en", "cy", "both"];

    pub fn parse(text: &str) -> Option<Languages> {
        match text {
            "en" => Some(Languages::EN),
            "cy" => Some(Languages::CY),
            "both" => Some(Languages::BOTH),
            _ => None,
        }
    }

    /// The name users write: `en`, `cy` or `both`.
    pub fn name(self) -> &'static str {
        match self.0 {
            [Language::En] => "en",
            [Language::Cy] => "cy",
            _ => "both",
        }
    }

    /// The languages in the order their pages are written (Welsh first).
    pub fn iter(self) -> impl Iterator<Item = Language> {
        self.0.iter().copied()
    }
}

impl Default for Languages {
    fn default() -> Self {
        Languages::EN
    }
}

impl Serialize for Languages {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> serde::Deserialize<'de> for Languages {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Languages::parse(&text).ok_or_else(|| {
            serde::de::Error::invalid_value(
                serde::de::Unexpected::Str(&text),
                &"\"en\", \"cy\" or \"both\"",
            )
        })
    }
}

/// A project (SPEC 2.4 `projects`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Project {
    pub project_id: String,
    pub name: String,
    pub name_cy: Option<String>,
    pub organisation: Option<String>,
    pub funders: Vec<String>,
    pub start_date: Option<i32>,
    pub end_date: Option<i32>,
    pub budget: Option<f64>,
    pub novelty: Option<u8>,
    pub description: Option<String>,
    /// What each funder gave, in GBP, as written in the `funding` column (SPEC 2.4).
    pub funding: Vec<(String, f64)>,
}

/// How raw scores are put on the scale the statistics use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Conversion {
    /// SWEMWBS raw totals 7..35 to metric scores (SPEC 2.4).
    Swemwbs,
}

/// A measure with its constants (SPEC 2.4 `measures`), built in or defined by a service.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measure {
    /// The name as its definition spells it; measures match case-insensitively.
    pub name: String,
    pub min: f64,
    pub max: f64,
    pub higher_is_better: bool,
    pub sem: Option<f64>,
    pub reliability: Option<f64>,
    pub sd: Option<f64>,
    pub mid: Option<f64>,
    pub conversion: Option<Conversion>,
    pub principles: Principles,
    pub label_cy: Option<String>,
    pub source: Option<String>,
    /// Points of ONS life satisfaction per point of this measure, for social value (SPEC
    /// 4.9); only with a `source`.
    pub ls_per_point: Option<f64>,
    /// A population's mean and worst band to set the measure's scores beside (SPEC 4.10).
    pub reference: Option<Reference>,
}

/// A reference for a measure (SPEC 4.10): a population's mean, and the bound of the worst band
/// (scores below `low_below`, or above `high_above` where lower is better).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reference {
    pub mean: Option<f64>,
    /// Who the mean describes ("UK adults, year ending March 2023").
    pub label: Option<String>,
    pub source: Option<String>,
    pub low_below: Option<f64>,
    pub high_above: Option<f64>,
    /// ONS's own (built in): pages give its label and source in their language.
    pub built_in: bool,
}

impl Reference {
    /// Whether a score is in the worst band.
    pub fn worst(&self, score: f64) -> bool {
        self.low_below.is_some_and(|b| score < b) || self.high_above.is_some_and(|b| score > b)
    }

    /// Whether the reference has a worst band.
    pub fn has_band(&self) -> bool {
        self.low_below.is_some() || self.high_above.is_some()
    }
}

/// ONS personal well-being (year ending March 2023): the UK mean and ONS's worst band.
fn ons_reference(mean: f64, higher_is_better: bool) -> Reference {
    Reference {
        mean: Some(mean),
        label: Some("UK adults, year ending March 2023".into()),
        source: Some(
            "ONS, Personal well-being in the UK, April 2022 to March 2023 (bands: 0-4 low, 9-10 very high; anxiety 6-10 high)"
                .into(),
        ),
        // Life satisfaction, worthwhile, happiness: 0-4 is low; anxiety: 6-10 is high.
        low_below: higher_is_better.then_some(5.0),
        high_above: (!higher_is_better).then_some(5.0),
        built_in: true,
    }
}

impl Conversion {
    /// The conversion a measure definition names (`swemwbs`, any case), if mwm knows it.
    pub fn parse(text: &str) -> Option<Conversion> {
        text.trim()
            .eq_ignore_ascii_case("swemwbs")
            .then_some(Conversion::Swemwbs)
    }
}

/// A measure's definition as a measures row or a `[[measures]]` entry gives it (SPEC 2.4):
/// every field optional, because a definition with a built-in's name overrides only the
/// fields it fills. Both sources are checked by [`MeasureDef::problems`], the one validator.
///
/// In `mwm.toml` an entry has the measures table's column names (`measure` for the name);
/// `conversion` and `principles` are read as the table reads them, and a value mwm does not
/// know is a config error naming the key and line.
#[derive(Debug, Clone, PartialEq, Default, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureDef {
    #[serde(rename = "measure", deserialize_with = "de::trimmed")]
    pub name: String,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub higher_is_better: Option<bool>,
    pub sem: Option<f64>,
    pub reliability: Option<f64>,
    pub sd: Option<f64>,
    pub mid: Option<f64>,
    #[serde(default, deserialize_with = "de::conversion")]
    pub conversion: Option<Conversion>,
    #[serde(default, deserialize_with = "de::principles")]
    pub principles: Option<Principles>,
    pub label_cy: Option<String>,
    pub source: Option<String>,
    pub ls_per_point: Option<f64>,
}

/// Reading a measure definition's values from the config as the measures table reads them.
mod de {
    use super::{Conversion, Principle, Principles};
    use serde::{Deserialize, Deserializer, de::Error};

    pub fn trimmed<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        Ok(String::deserialize(d)?.trim().to_string())
    }

    pub fn conversion<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Conversion>, D::Error> {
        let text = String::deserialize(d)?;
        if text.trim().is_empty() {
            return Ok(None);
        }
        Conversion::parse(&text).map(Some).ok_or_else(|| {
            D::Error::custom(format!(
                "conversion \"{text}\" is not known (use \"swemwbs\" or leave it out)"
            ))
        })
    }

    /// A list as a TOML array, or as one string separated like a list cell (`;`, `,`).
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum ListOrText {
        List(Vec<String>),
        Text(String),
    }

    pub fn principles<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Principles>, D::Error> {
        let items = match ListOrText::deserialize(d)? {
            ListOrText::List(items) => items,
            ListOrText::Text(text) => crate::schema::split_list(&text)
                .map(str::to_string)
                .collect(),
        };
        let mut set = Principles::default();
        for item in &items {
            let p = Principle::parse(item)
                .ok_or_else(|| D::Error::custom(format!("\"{item}\" is not a principle")))?;
            set.insert(p);
        }
        Ok(Some(set))
    }
}

/// What is wrong with a measure definition: the field (`Field::Measure` for the definition
/// as a whole), the value as written, and what is expected.
#[derive(Debug, Clone, PartialEq)]
pub struct DefinitionProblem {
    pub field: Field,
    pub value: String,
    pub message: String,
}

impl MeasureDef {
    /// Every way this definition breaks SPEC 2.4: constants that are not finite or outside
    /// their ranges, a definition that is not built in and lacks its range or direction, a
    /// range that is not a range, a SWEMWBS conversion on another range. Empty when it can
    /// stand.
    pub fn problems(&self) -> Vec<DefinitionProblem> {
        let mut problems = Vec::new();
        let mut bad = |field: Field, value: f64, message: &str| {
            problems.push(DefinitionProblem {
                field,
                value: crate::format::format_number(value),
                message: message.to_string(),
            })
        };
        for (field, value) in [(Field::Min, self.min), (Field::Max, self.max)] {
            if let Some(v) = value.filter(|v| !v.is_finite()) {
                bad(field, v, "must be a finite number");
            }
        }
        for (field, value, what) in [
            (Field::Sd, self.sd, "must be above 0 (a standard deviation)"),
            (
                Field::Mid,
                self.mid,
                "must be above 0 (a minimal important difference)",
            ),
            (
                Field::Sem,
                self.sem,
                "must be above 0 (a standard error of measurement)",
            ),
        ] {
            if let Some(v) = value.filter(|v| !(v.is_finite() && *v > 0.0)) {
                bad(field, v, what);
            }
        }
        if let Some(r) = self.reliability.filter(|r| !(*r > 0.0 && *r < 1.0)) {
            bad(Field::Reliability, r, "must be between 0 and 1");
        }
        if let Some(v) = self.ls_per_point.filter(|v| !(v.is_finite() && *v > 0.0)) {
            bad(
                Field::LsPerPoint,
                v,
                "must be above 0 (points of life satisfaction per point of this measure)",
            );
        }
        if !problems.is_empty() {
            return problems;
        }
        if let Some(v) = self.ls_per_point
            && self.source.as_deref().is_none_or(|s| s.trim().is_empty())
        {
            return vec![DefinitionProblem {
                field: Field::LsPerPoint,
                value: crate::format::format_number(v),
                message: "needs a source in the same row: say where the factor comes from".into(),
            }];
        }
        let whole = |message: String| {
            vec![DefinitionProblem {
                field: Field::Measure,
                value: self.name.clone(),
                message,
            }]
        };
        if !Measure::is_built_in(&self.name) {
            let missing: Vec<&str> = [
                ("min", self.min.is_none()),
                ("max", self.max.is_none()),
                ("higher_is_better", self.higher_is_better.is_none()),
            ]
            .into_iter()
            .filter(|(_, m)| *m)
            .map(|(n, _)| n)
            .collect();
            if !missing.is_empty() {
                return whole(format!(
                    "is not a built-in measure, so it needs {}: fill them in",
                    missing.join(", ")
                ));
            }
        }
        if let (Some(min), Some(max)) = (self.min, self.max)
            && min >= max
        {
            return whole(format!("has min {min} not below max {max}"));
        }
        if self.conversion == Some(Conversion::Swemwbs)
            && (self.min.is_some_and(|m| m != 7.0) || self.max.is_some_and(|m| m != 35.0))
        {
            return whole(
                "has the swemwbs conversion, which needs raw totals from 7 to 35 (min 7, max 35)"
                    .into(),
            );
        }
        Vec::new()
    }

    /// The measure in force: `base` (a built-in of the same name) overridden field by field,
    /// or this definition alone. `None` when neither gives a range and a direction.
    pub fn resolve(base: Option<&Measure>, def: Option<&MeasureDef>) -> Option<Measure> {
        let Some(row) = def else {
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
            ls_per_point: row.ls_per_point.or(base.ls_per_point),
            reference: base.reference,
        })
    }
}

/// SWEMWBS raw total 7..35 → metric score (Stewart-Brown et al.; table as in SPEC 2.4).
pub const SWEMWBS_METRIC: [f64; 29] = [
    7.00, 9.51, 11.25, 12.40, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36, 16.88, 17.43, 17.98, 18.59,
    19.25, 19.98, 20.73, 21.54, 22.35, 23.21, 24.11, 25.03, 26.02, 27.03, 28.13, 29.31, 30.70,
    32.55, 35.00,
];

impl Measure {
    /// The range of the scores figures are computed on: the metric scale after a conversion
    /// (SWEMWBS: 7.00 to 35.00), else the measure's own `min` to `max`.
    pub fn score_range(&self) -> (f64, f64) {
        match self.conversion {
            Some(Conversion::Swemwbs) => (SWEMWBS_METRIC[0], SWEMWBS_METRIC[28]),
            None => (self.min, self.max),
        }
    }

    /// A measure with its range and direction and no other constants.
    pub fn new(name: &str, min: f64, max: f64, higher_is_better: bool) -> Measure {
        Measure {
            name: name.to_string(),
            min,
            max,
            higher_is_better,
            sem: None,
            reliability: None,
            sd: None,
            mid: None,
            conversion: None,
            principles: Principles::default(),
            label_cy: None,
            source: None,
            ls_per_point: None,
            reference: None,
        }
    }

    /// Whether `name` is a built-in measure's (in any case).
    pub fn is_built_in(name: &str) -> bool {
        Measure::built_in()
            .iter()
            .any(|b| b.name.eq_ignore_ascii_case(name.trim()))
    }

    /// The measures every run knows (SPEC 2.4), before any measures table or config entry.
    pub fn built_in() -> Vec<Measure> {
        // Welsh labels: see locales/GLOSSARY.md.
        let ons = |name: &str, cy: &str, higher_is_better: bool, mean: f64| Measure {
            source: Some("ONS personal well-being".into()),
            label_cy: Some(cy.into()),
            reference: Some(ons_reference(mean, higher_is_better)),
            ..Measure::new(name, 0.0, 10.0, higher_is_better)
        };
        vec![
            Measure {
                name: "SWEMWBS".into(),
                min: 7.0,
                max: 35.0,
                higher_is_better: true,
                sem: Some(1.03),
                reliability: None,
                sd: None,
                mid: Some(3.0),
                conversion: Some(Conversion::Swemwbs),
                principles: Principles::default(),
                label_cy: None,
                source: Some("Shah et al. 2018, Health Qual Life Outcomes 16:239".into()),
                ls_per_point: None,
                reference: None,
            },
            Measure {
                name: "WEMWBS".into(),
                min: 14.0,
                max: 70.0,
                higher_is_better: true,
                sem: None,
                reliability: Some(0.89),
                sd: None,
                mid: Some(3.0),
                conversion: None,
                principles: Principles::default(),
                label_cy: None,
                source: Some("Tennant et al. 2007 (alpha)".into()),
                ls_per_point: None,
                reference: None,
            },
            // One WELLBY is one point of life satisfaction for a year (Green Book, 2021).
            Measure {
                ls_per_point: Some(1.0),
                ..ons(
                    "ONS life satisfaction",
                    "Bodlonrwydd â bywyd (ONS)",
                    true,
                    7.45,
                )
            },
            ons(
                "ONS worthwhile",
                "Teimlo bod bywyd yn werth chweil (ONS)",
                true,
                7.73,
            ),
            ons("ONS happiness", "Hapusrwydd (ONS)", true, 7.39),
            ons("ONS anxiety", "Gorbryder (ONS)", false, 3.23),
        ]
    }

    /// The score the statistics use for a raw score already checked against min..max.
    pub fn analysed_score(&self, raw: f64) -> f64 {
        match self.conversion {
            Some(Conversion::Swemwbs) => SWEMWBS_METRIC[(raw - 7.0) as usize],
            None => raw,
        }
    }
}

/// Output rows (SPEC 2.4 `outputs`), one entry per row in every column.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outputs {
    pub project: Vec<u32>,
    pub date: Vec<i32>,
    /// Code into [`Tables::output_measures`].
    pub measure: Vec<u32>,
    pub value: Vec<f64>,
    pub principles: Vec<Principles>,
}

/// Keeps the entries of `v` whose mark in `keep` is true (the same length as `v`).
pub fn retain_marked<T>(v: &mut Vec<T>, keep: &[bool]) {
    let mut marks = keep.iter();
    v.retain(|_| marks.next().copied().unwrap_or(false));
}

impl Outputs {
    /// Keeps the rows marked true in `keep`, in every column.
    pub fn retain(&mut self, keep: &[bool]) {
        retain_marked(&mut self.project, keep);
        retain_marked(&mut self.date, keep);
        retain_marked(&mut self.measure, keep);
        retain_marked(&mut self.value, keep);
        retain_marked(&mut self.principles, keep);
    }
}

/// Outcome scores (SPEC 2.4 `outcomes`, long format), one entry per row in every column.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    pub project: Vec<u32>,
    /// Code into [`Tables::people`].
    pub person: Vec<u32>,
    /// Code into [`Tables::measures`].
    pub measure: Vec<u32>,
    pub date: Vec<i32>,
    /// The score as entered. The statistics use it on their own scale
    /// ([`Measure::analysed_score`]: after the SWEMWBS conversion), worked out where they read
    /// it, rather than held as a second column (160 MB at 20 million scores).
    pub raw: Vec<f64>,
    /// What puts a person's scores on a measure in order, baseline first: the date, or in a
    /// wide row with undated scores the wave (SPEC 2.4). Empty when no score is undated, and
    /// then the date is the order.
    pub order: Vec<i32>,
}

/// The wave of the follow-up words: after every numbered wave.
pub const FOLLOW_UP: u8 = 10;

/// Undated scores carry `UNDATED + wave` as their date: no real date is that early, every
/// undated score sorts before every dated one, and two undated scores of one wave have one key.
pub const UNDATED: i32 = i32::MIN;

/// The date an undated score of `wave` carries.
pub fn undated(wave: u8) -> i32 {
    UNDATED + i32::from(wave)
}

/// True for the date of an undated score.
pub fn is_undated(date: i32) -> bool {
    date <= UNDATED + i32::from(FOLLOW_UP)
}

/// The wave of an undated score's date.
pub fn wave_of_undated(date: i32) -> u8 {
    (date - UNDATED) as u8
}

impl Scores {
    /// Keeps the rows marked true in `keep`, in every column.
    pub fn retain(&mut self, keep: &[bool]) {
        retain_marked(&mut self.project, keep);
        retain_marked(&mut self.person, keep);
        retain_marked(&mut self.measure, keep);
        retain_marked(&mut self.date, keep);
        retain_marked(&mut self.raw, keep);
        if !self.order.is_empty() {
            retain_marked(&mut self.order, keep);
        }
    }
}

/// A personal-outcome story (SPEC 2.4 `stories`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Story {
    pub project: u32,
    pub story_id: String,
    pub date: Option<i32>,
    pub title: Option<String>,
    pub text: String,
    pub what_matters: Option<String>,
    pub achieved: Option<Achieved>,
    pub principles: Principles,
    pub spectrum: Option<Spectrum>,
    pub consent: bool,
    pub teller: Option<Teller>,
    pub language: Option<Language>,
    /// The story in the other language, given by the service, shown beneath the quote.
    pub translation: Option<String>,
}

/// A passage of a project's own words for its board and funders (SPEC 2.4 `narrative`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Narrative {
    pub project: u32,
    /// The heading as written; [`NarrativeHeading::parse`] places the known ones.
    pub heading: Option<String>,
    pub text: String,
    pub language: Option<Language>,
    pub date: Option<i32>,
}

/// The headings of a narrative in the order of Harmonising Reporting (SPEC 2.4); any other
/// heading is kept and shown after these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NarrativeHeading {
    About,
    WhatWeDid,
    DifferenceMade,
    Challenges,
    Learning,
    NextSteps,
}

impl NarrativeHeading {
    pub const ALL: [NarrativeHeading; 6] = [
        NarrativeHeading::About,
        NarrativeHeading::WhatWeDid,
        NarrativeHeading::DifferenceMade,
        NarrativeHeading::Challenges,
        NarrativeHeading::Learning,
        NarrativeHeading::NextSteps,
    ];

    /// A heading in English or Welsh, in any case.
    pub fn parse(text: &str) -> Option<NarrativeHeading> {
        Some(match crate::schema::name_key(text).as_str() {
            "about" | "amdanom" => NarrativeHeading::About,
            "what we did" | "beth wnaethom" => NarrativeHeading::WhatWeDid,
            "difference made" | "y gwahaniaeth" => NarrativeHeading::DifferenceMade,
            "challenges" | "heriau" => NarrativeHeading::Challenges,
            "learning" | "dysgu" => NarrativeHeading::Learning,
            "next steps" | "camau nesaf" => NarrativeHeading::NextSteps,
            _ => return None,
        })
    }

    /// The key of its words in the translation files.
    pub fn key(self) -> &'static str {
        match self {
            NarrativeHeading::About => "narrative-about",
            NarrativeHeading::WhatWeDid => "narrative-what-we-did",
            NarrativeHeading::DifferenceMade => "narrative-difference",
            NarrativeHeading::Challenges => "narrative-challenges",
            NarrativeHeading::Learning => "narrative-learning",
            NarrativeHeading::NextSteps => "narrative-next-steps",
        }
    }
}

/// Self-audit items (SPEC 2.4 `audit`), one entry per row in every column.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Audit {
    pub project: Vec<u32>,
    pub date: Vec<i32>,
    pub principle: Vec<Principle>,
    pub item: Vec<u8>,
    pub score: Vec<u8>,
}

impl Audit {
    /// Keeps the rows marked true in `keep`, in every column.
    pub fn retain(&mut self, keep: &[bool]) {
        retain_marked(&mut self.project, keep);
        retain_marked(&mut self.date, keep);
        retain_marked(&mut self.principle, keep);
        retain_marked(&mut self.item, keep);
        retain_marked(&mut self.score, keep);
    }
}

/// Every canonical table of a run. Codes index into the name lists; projects are coded in
/// byte order of their ids, so sorting by code is sorting by `project_id` (SPEC 5.3).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tables {
    /// Every project id used anywhere, sorted by byte order.
    pub project_ids: Vec<String>,
    /// The projects row of each project id, where one was given.
    pub projects: Vec<Option<Project>>,
    pub measures: Vec<Measure>,
    /// Output measure names as first spelt; they group case-insensitively.
    pub output_measures: Vec<String>,
    /// Each output measure's name in English and in Welsh, where an outputs row gave them
    /// (`measure_en`, `measure_cy`): pages show the one in their language.
    pub output_names: Vec<[Option<String>; 2]>,
    /// Person ids, by person code (first-seen order).
    pub people: Names,
    pub outputs: Outputs,
    pub scores: Scores,
    pub stories: Vec<Story>,
    pub audit: Audit,
    /// Narrative rows in input order.
    pub narratives: Vec<Narrative>,
}

/// Names held end to end in one buffer, each found by its code (the order it was added in): a
/// national dataset names 2.5 million people, which as one string each cost more in fresh
/// memory than in reading.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Names {
    text: String,
    /// Where each name ends in `text`, by code.
    ends: Vec<usize>,
}

impl Names {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The name of `code`.
    pub fn get(&self, code: u32) -> &str {
        let i = code as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    /// The bytes of every name together.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// Room for `names` more names of `bytes` bytes together.
    pub fn reserve(&mut self, names: usize, bytes: usize) {
        self.ends.reserve(names);
        self.text.reserve(bytes);
    }

    /// Adds `name`, giving its code.
    pub fn push(&mut self, name: &str) -> u32 {
        let code = self.ends.len() as u32;
        self.text.push_str(name);
        self.ends.push(self.text.len());
        code
    }

    /// Every name, in code order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len() as u32).map(|code| self.get(code))
    }
}
