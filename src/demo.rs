//! `mwm demo-data` (SPEC 6): plausible synthetic inputs for every table, deterministic per seed,
//! for training sessions and for the benchmark workloads. CSV gives one file per table for all
//! projects; xlsx gives one single-project workbook per project (the layout services keep).
//!
//! Per project: `people` participants scored on four measures at baseline and follow-up (one in
//! ten baseline only, one in ten with a middle score), five output measures monthly over two
//! years, one story per four people (at least five) and two self-audits.

use crate::model::Principle;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};
use std::path::{Path, PathBuf};

/// What to make.
#[derive(Debug, Clone, Copy)]
pub struct DemoSettings {
    pub projects: u32,
    pub people: u32,
    pub seed: u64,
    pub xlsx: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Csv { path: PathBuf, source: csv::Error },
    #[error("cannot write {path}: {source}")]
    Xlsx { path: PathBuf, source: XlsxError },
    #[error(
        "{0} already exists: mwm demo-data never replaces a file; choose an empty or new folder with -o"
    )]
    Exists(PathBuf),
}

const PLACES: [&str; 20] = [
    "Aberystwyth",
    "Bangor",
    "Caerffili",
    "Caerdydd",
    "Caernarfon",
    "Casnewydd",
    "Abertawe",
    "Wrecsam",
    "Merthyr Tudful",
    "Llandrindod",
    "Y Rhyl",
    "Pontypridd",
    "Llanelli",
    "Hwlffordd",
    "Dolgellau",
    "Aberdâr",
    "Y Fenni",
    "Castell-nedd",
    "Porthmadog",
    "Machynlleth",
];
const SERVICES: [&str; 10] = [
    "Men's Shed",
    "Dementia Choir",
    "Recovery Café",
    "Young Carers",
    "Community Garden",
    "Walking Group",
    "Food Co-op",
    "Tenants' Forum",
    "Digital Drop-in",
    "New Parents Group",
];
const FUNDERS: [&str; 6] = [
    "National Lottery Community Fund",
    "Welsh Government",
    "Arts Council of Wales",
    "Local Health Board",
    "County Council",
    "Garfield Weston",
];
const OUTPUTS: [&str; 5] = [
    "Sessions delivered",
    "People attending",
    "Volunteer hours",
    "New members",
    "Referrals",
];
const MEASURES: [(&str, f64, f64, bool); 5] = [
    ("SWEMWBS", 7.0, 35.0, true),
    ("WEMWBS", 14.0, 70.0, true),
    ("ONS life satisfaction", 0.0, 10.0, true),
    ("ONS anxiety", 0.0, 10.0, false),
    ("Confidence", 1.0, 10.0, true),
];
const OPENINGS: [&str; 8] = [
    "Before I came I hardly left the house.",
    "I didn't know anyone round here.",
    "My daughter told me to give it a go.",
    "I was nervous the first week.",
    "Roedd hi'n anodd ar y dechrau.",
    "I'd been on my own since the funeral.",
    "The group found me through the surgery.",
    "I only came for the tea, to be honest.",
];
const MIDDLES: [&str; 8] = [
    "Now I help set up the room on Tuesdays.",
    "We planned the sessions together.",
    "Someone listened to what I wanted for once.",
    "I've made friends I ring in the week.",
    "Dw i'n teimlo'n rhan o rywbeth nawr.",
    "They asked what mattered to me, not what I needed.",
    "I run the seed swap now.",
    "I got my confidence back bit by bit.",
];
const ENDINGS: [&str; 6] = [
    "I feel like myself again.",
    "It's the best part of my week.",
    "I'd tell anyone to come.",
    "Still hard some days, but better.",
    "Diolch i bawb.",
    "I want to keep it going for the next lot.",
];
const MATTERS: [&str; 6] = [
    "getting out of the house",
    "seeing people",
    "sleeping better",
    "getting back to work",
    "helping others",
    "feeling useful",
];
const SPECTRUM: [&str; 8] = [
    "co-production",
    "participation",
    "consultation",
    "information",
    "participation",
    "co-production",
    "involvement",
    "doing with",
];
const TELLERS: [&str; 5] = ["citizen", "carer", "family", "volunteer", "professional"];

/// Day numbers from 2023-04-01 onward as (year, month, day).
fn ymd(days_after_start: i64) -> (u16, u8, u8) {
    let start = chrono::NaiveDate::from_ymd_opt(2023, 4, 1).unwrap_or_default();
    let d = start + chrono::Duration::days(days_after_start);
    use chrono::Datelike;
    (d.year() as u16, d.month() as u8, d.day() as u8)
}

fn iso((y, m, d): (u16, u8, u8)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// A value of a demo table cell.
#[derive(Debug, Clone)]
enum Value {
    Text(String),
    Number(f64),
    Date((u16, u8, u8)),
}

impl Value {
    fn text(&self) -> String {
        match self {
            Value::Text(t) => t.clone(),
            Value::Number(n) => crate::format::format_number(*n),
            Value::Date(d) => iso(*d),
        }
    }
}

/// One table: its name, header and rows.
struct Table {
    name: &'static str,
    header: &'static [&'static str],
    rows: Vec<Vec<Value>>,
}

fn t(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

/// The tables of one project.
fn project_tables(code: u32, settings: &DemoSettings, rng: &mut StdRng) -> Vec<Table> {
    let id = format!("D{code:04}");
    let place = PLACES[code as usize % PLACES.len()];
    let service = SERVICES[(code as usize / PLACES.len()) % SERVICES.len()];
    let funders = [
        FUNDERS[rng.random_range(0..FUNDERS.len())],
        FUNDERS[rng.random_range(0..FUNDERS.len())],
    ];
    let funders = if funders[0] == funders[1] {
        funders[0].to_string()
    } else {
        funders.join("; ")
    };
    let budget = if rng.random_range(0..10) == 0 {
        Value::Text(String::new())
    } else {
        Value::Number(f64::from(rng.random_range(50..800u32)) * 100.0)
    };
    let projects = Table {
        name: "projects",
        header: &[
            "project_id",
            "name",
            "organisation",
            "funder",
            "start_date",
            "end_date",
            "budget",
            "novelty",
        ],
        rows: vec![vec![
            t(id.clone()),
            t(format!("{place} {service}")),
            t(format!("{place} Community Trust")),
            t(funders),
            Value::Date(ymd(0)),
            Value::Date(ymd(730)),
            budget,
            Value::Number(f64::from(rng.random_range(1..=6u8))),
        ]],
    };
    let mut outputs = Vec::new();
    for month in 0..24 {
        for (k, measure) in OUTPUTS.iter().enumerate() {
            let principle = Principle::ALL[(k + month) % 5].key();
            outputs.push(vec![
                t(id.clone()),
                Value::Date(ymd(month as i64 * 30 + 10)),
                t(*measure),
                Value::Number(f64::from(rng.random_range(1..60u32))),
                t(principle),
            ]);
        }
    }
    // Four of the five measures, chosen per project.
    let skip = rng.random_range(0..MEASURES.len());
    let mut outcomes = Vec::new();
    for person in 0..settings.people {
        let person_id = format!("{id}-{person:04}");
        let start = rng.random_range(0..120i64);
        let kind = rng.random_range(0..10u8);
        for (m, (name, min, max, higher)) in MEASURES.iter().enumerate() {
            if m == skip {
                continue;
            }
            let span = max - min;
            let whole =
                *name == "SWEMWBS" || *name == "WEMWBS" || *name == "Confidence" || *max == 10.0;
            let base = min + span * rng.random_range(0.25..0.6);
            let gain = span * rng.random_range(-0.08..0.18) * if *higher { 1.0 } else { -1.0 };
            let mut scores = vec![(start, base)];
            if kind == 0 {
                // baseline only
            } else {
                if kind == 1 {
                    scores.push((start + 90, base + gain / 2.0));
                }
                scores.push((start + 180, base + gain));
            }
            for (day, score) in scores {
                let score = score.clamp(*min, *max);
                let score = if whole { score.round() } else { score };
                outcomes.push(vec![
                    t(id.clone()),
                    t(person_id.clone()),
                    t(*name),
                    Value::Date(ymd(day)),
                    Value::Number(score),
                ]);
            }
        }
    }
    let mut stories = Vec::new();
    for s in 0..(settings.people / 4).max(5) {
        let text = format!(
            "{} {} {}",
            OPENINGS[rng.random_range(0..OPENINGS.len())],
            MIDDLES[rng.random_range(0..MIDDLES.len())],
            ENDINGS[rng.random_range(0..ENDINGS.len())]
        );
        let principles = format!(
            "{};{}",
            Principle::ALL[rng.random_range(0..5)].key(),
            Principle::ALL[rng.random_range(0..5)].key()
        );
        stories.push(vec![
            t(id.clone()),
            t(format!("S{s}")),
            Value::Date(ymd(rng.random_range(60..700))),
            t(text),
            t(MATTERS[rng.random_range(0..MATTERS.len())]),
            t(["yes", "partly", "not yet"][rng.random_range(0..3)]),
            t(principles),
            t(SPECTRUM[rng.random_range(0..SPECTRUM.len())]),
            t(if rng.random_range(0..4) == 0 {
                "no"
            } else {
                "yes"
            }),
            t(TELLERS[rng.random_range(0..TELLERS.len())]),
            t("en"),
        ]);
    }
    let mut audit = Vec::new();
    for (when, day) in [(0, 30i64), (1, 395)] {
        for p in Principle::ALL {
            for item in 1..=3 {
                let score = (rng.random_range(1..=4u8) + when).min(5);
                audit.push(vec![
                    t(id.clone()),
                    Value::Date(ymd(day)),
                    t(p.key()),
                    Value::Number(f64::from(item)),
                    Value::Number(f64::from(score)),
                ]);
            }
        }
    }
    vec![
        projects,
        Table {
            name: "outputs",
            header: &["project_id", "date", "measure", "value", "principles"],
            rows: outputs,
        },
        Table {
            name: "outcomes",
            header: &["project_id", "person_id", "measure", "date", "score"],
            rows: outcomes,
        },
        Table {
            name: "stories",
            header: &[
                "project_id",
                "story_id",
                "date",
                "text",
                "what_matters",
                "achieved",
                "principles",
                "spectrum",
                "consent",
                "teller",
                "language",
            ],
            rows: stories,
        },
        Table {
            name: "audit",
            header: &["project_id", "date", "principle", "item", "score"],
            rows: audit,
        },
    ]
}

/// The measures table: the service-defined measure, and principles for the built-ins.
fn measures_table() -> Table {
    let row = |m: &str,
               min: &str,
               max: &str,
               hib: &str,
               rel: &str,
               sd: &str,
               mid: &str,
               principles: &str| {
        vec![
            t(m),
            t(min),
            t(max),
            t(hib),
            t(rel),
            t(sd),
            t(mid),
            t(principles),
        ]
    };
    Table {
        name: "measures",
        header: &[
            "measure",
            "min",
            "max",
            "higher_is_better",
            "reliability",
            "sd",
            "mid",
            "principles",
        ],
        rows: vec![
            row(
                "Confidence",
                "1",
                "10",
                "yes",
                "0.8",
                "2",
                "2",
                "enabling;assets",
            ),
            row("SWEMWBS", "", "", "", "", "", "", "outcomes;enabling"),
            row("WEMWBS", "", "", "", "", "", "", "outcomes"),
            row("ONS life satisfaction", "", "", "", "", "", "", "outcomes"),
            row(
                "ONS anxiety",
                "",
                "",
                "",
                "",
                "",
                "",
                "outcomes;relationships",
            ),
        ],
    }
}

fn write_csv(
    path: &Path,
    table: &Table,
    header: bool,
    w: Option<csv::Writer<std::fs::File>>,
) -> Result<csv::Writer<std::fs::File>, DemoError> {
    let err = |source| DemoError::Csv {
        path: path.to_path_buf(),
        source,
    };
    let mut w = match w {
        Some(w) => w,
        None => csv::Writer::from_path(path).map_err(err)?,
    };
    if header {
        w.write_record(table.header).map_err(err)?;
    }
    for row in &table.rows {
        w.write_record(row.iter().map(Value::text)).map_err(err)?;
    }
    Ok(w)
}

fn write_workbook(path: &Path, tables: &[Table]) -> Result<(), DemoError> {
    let err = |source| DemoError::Xlsx {
        path: path.to_path_buf(),
        source,
    };
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(table.name).map_err(err)?;
        for (c, h) in table.header.iter().enumerate() {
            sheet.write_string(0, c as u16, *h).map_err(err)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let (r, c) = (r as u32 + 1, c as u16);
                match v {
                    Value::Text(s) if s.is_empty() => {}
                    Value::Text(s) => {
                        sheet.write_string(r, c, s).map_err(err)?;
                    }
                    Value::Number(n) => {
                        sheet.write_number(r, c, *n).map_err(err)?;
                    }
                    Value::Date((y, m, d)) => {
                        let when = ExcelDateTime::from_ymd(*y, *m, *d).map_err(err)?;
                        sheet
                            .write_datetime_with_format(r, c, &when, &date)
                            .map_err(err)?;
                    }
                }
            }
        }
    }
    book.save(path).map_err(err)
}

/// Writes the demo data into `dir` (created if needed); returns the files written.
pub fn write(dir: &Path, settings: DemoSettings) -> Result<Vec<PathBuf>, DemoError> {
    std::fs::create_dir_all(dir).map_err(|source| DemoError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    // Nothing is written when any file it would write is there already (it may be real data).
    let targets: Vec<PathBuf> = if settings.xlsx {
        (1..=settings.projects)
            .map(|code| dir.join(format!("project-{code:04}.xlsx")))
            .collect()
    } else {
        [
            "measures", "projects", "outputs", "outcomes", "stories", "audit",
        ]
        .iter()
        .map(|n| dir.join(format!("{n}.csv")))
        .collect()
    };
    if let Some(there) = targets.iter().find(|p| p.symlink_metadata().is_ok()) {
        return Err(DemoError::Exists(there.clone()));
    }
    let mut rng = StdRng::seed_from_u64(settings.seed);
    let mut written = Vec::new();
    if settings.xlsx {
        for code in 1..=settings.projects {
            let mut tables = project_tables(code, &settings, &mut rng);
            tables.insert(1, measures_table());
            let path = dir.join(format!("project-{code:04}.xlsx"));
            write_workbook(&path, &tables)?;
            written.push(path);
        }
        return Ok(written);
    }
    let measures = dir.join("measures.csv");
    write_csv(&measures, &measures_table(), true, None)?;
    written.push(measures);
    let names = ["projects", "outputs", "outcomes", "stories", "audit"];
    let mut writers: Vec<Option<csv::Writer<std::fs::File>>> = names.iter().map(|_| None).collect();
    for code in 1..=settings.projects {
        let tables = project_tables(code, &settings, &mut rng);
        for (i, table) in tables.iter().enumerate() {
            let path = dir.join(format!("{}.csv", names[i]));
            let first = writers[i].is_none();
            writers[i] = Some(write_csv(&path, table, first, writers[i].take())?);
        }
    }
    for (i, w) in writers.into_iter().enumerate() {
        let path = dir.join(format!("{}.csv", names[i]));
        if let Some(mut w) = w {
            w.flush().map_err(|source| DemoError::Io {
                path: path.clone(),
                source,
            })?;
        }
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SWEMWBS_METRIC;

    #[test]
    fn swemwbs_scores_stay_raw_totals() {
        // Demo SWEMWBS scores are whole numbers within 7..35, which the conversion table covers.
        assert_eq!(SWEMWBS_METRIC.len(), 35 - 7 + 1);
        let mut rng = StdRng::seed_from_u64(7);
        let tables = project_tables(
            1,
            &DemoSettings {
                projects: 1,
                people: 20,
                seed: 7,
                xlsx: false,
            },
            &mut rng,
        );
        for row in &tables[2].rows {
            if let (Value::Text(m), Value::Number(s)) = (&row[2], &row[4])
                && m == "SWEMWBS"
            {
                assert!(s.fract() == 0.0 && (7.0..=35.0).contains(s), "{s}");
            }
        }
    }
}
