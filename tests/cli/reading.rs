//! Reading, through the library: the canonical tables of SPEC 2.4 built from each fixture,
//! compared between formats and with values worked out by hand.
//!
//! Dates are days since 1970-01-01, computed with Python:
//! `(date(y, m, d) - date(1970, 1, 1)).days`, e.g. 2024-04-10 → 19823.
//! SWEMWBS metric scores come from the raw → metric table of SPEC 2.4 (raw 7 → 7.00, 8 → 9.51,
//! …, 14 → 15.32, 18 → 17.43, 20 → 18.59, 21 → 19.25, 23 → 20.73, 24 → 21.54, 25 → 22.35,
//! 26 → 23.21, …, 35 → 35.00).

use crate::crate_dir;
use mwm::check::Checked;
use mwm::config::LoadedConfig;
use mwm::model::{Achieved, Band, Language, Principle, Principles, Spectrum, Tables, Teller};
use mwm::pipeline::{Quiet, read_and_check};
use mwm::problems::Severity;

// Day numbers (Python, as above).
const D2024_03_01: i32 = 19783;
const D2024_03_05: i32 = 19787;
const D2024_04_01: i32 = 19814;
const D2024_04_10: i32 = 19823;
const D2024_04_17: i32 = 19830;
const D2024_05_01: i32 = 19844;
const D2024_05_08: i32 = 19851;
const D2024_05_10: i32 = 19853;
const D2024_06_01: i32 = 19875;
const D2024_06_03: i32 = 19877;
const D2024_06_12: i32 = 19886;
const D2024_07_01: i32 = 19905;
const D2024_07_15: i32 = 19919;
const D2024_08_01: i32 = 19936;
const D2024_09_10: i32 = 19976;
const D2024_09_12: i32 = 19978;
const D2024_09_20: i32 = 19986;
const D2024_10_07: i32 = 20003;
const D2025_03_01: i32 = 20148;
const D2025_03_31: i32 = 20178;

/// Reads and checks one fixture path with no config.
pub fn read(path: &str) -> Checked {
    read_with(path, &LoadedConfig::default())
}

pub fn read_with(path: &str, config: &LoadedConfig) -> Checked {
    read_and_check(&[crate_dir().join(path)], config, false, &Quiet)
}

/// Fails when a run has a structural error or an excluded row.
fn assert_clean(c: &Checked, what: &str) {
    let bad: Vec<String> = c
        .problems
        .iter()
        .filter(|p| p.severity != Severity::Warning)
        .map(|p| p.line())
        .collect();
    assert!(
        bad.is_empty(),
        "{what}: unexpected errors or excluded rows:\n{}",
        bad.join("\n")
    );
}

fn project(t: &Tables, code: u32) -> String {
    t.project_ids[code as usize].clone()
}

/// A principle list as a set: SPEC 2.4 gives no meaning to the order of a principles cell.
fn set(p: &[Principle]) -> Vec<Principle> {
    let mut v = p.to_vec();
    v.sort();
    v.dedup();
    v
}

fn keys(p: Principles) -> Vec<&'static str> {
    p.iter().map(Principle::key).collect()
}

/// Score rows as (project, person, measure, date, raw, score), sorted.
type ScoreRow = (String, String, String, i32, f64, f64);
fn score_rows(t: &Tables) -> Vec<ScoreRow> {
    let s = &t.scores;
    let mut rows: Vec<ScoreRow> = (0..s.project.len())
        .map(|i| {
            (
                project(t, s.project[i]),
                t.people.get(s.person[i]).to_string(),
                t.measures[s.measure[i] as usize].name.clone(),
                s.date[i],
                s.raw[i],
                t.measures[s.measure[i] as usize].analysed_score(s.raw[i]),
            )
        })
        .collect();
    rows.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    rows
}

fn score_row(p: &str, person: &str, m: &str, date: i32, raw: f64, score: f64) -> ScoreRow {
    (p.into(), person.into(), m.into(), date, raw, score)
}

/// Output rows as (project, date, measure, value, principle keys), sorted.
type OutputRow = (String, i32, String, f64, Vec<&'static str>);
fn output_rows(t: &Tables) -> Vec<OutputRow> {
    let o = &t.outputs;
    let mut rows: Vec<OutputRow> = (0..o.project.len())
        .map(|i| {
            (
                project(t, o.project[i]),
                o.date[i],
                t.output_measures[o.measure[i] as usize].clone(),
                o.value[i],
                keys(o.principles[i]),
            )
        })
        .collect();
    rows.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    rows
}

fn output_row(p: &str, date: i32, m: &str, value: f64, principles: &[&'static str]) -> OutputRow {
    (p.into(), date, m.into(), value, principles.to_vec())
}

/// Audit rows as (project, date, principle key, item, score), sorted.
type AuditRow = (String, i32, &'static str, u8, u8);
fn audit_rows(t: &Tables) -> Vec<AuditRow> {
    let a = &t.audit;
    let mut rows: Vec<AuditRow> = (0..a.project.len())
        .map(|i| {
            (
                project(t, a.project[i]),
                a.date[i],
                a.principle[i].key(),
                a.item[i],
                a.score[i],
            )
        })
        .collect();
    rows.sort();
    rows
}

/// The story of a project with an id.
fn story<'a>(t: &'a Tables, project_id: &str, story_id: &str) -> &'a mwm::model::Story {
    t.stories
        .iter()
        .find(|s| project(t, s.project) == project_id && s.story_id == story_id)
        .unwrap_or_else(|| panic!("no story {project_id}/{story_id}"))
}

/// The projects row of a project id.
fn project_row<'a>(t: &'a Tables, id: &str) -> &'a mwm::model::Project {
    let i = t
        .project_ids
        .iter()
        .position(|p| p == id)
        .unwrap_or_else(|| panic!("no project id {id} in {:?}", t.project_ids));
    t.projects[i]
        .as_ref()
        .unwrap_or_else(|| panic!("project {id} has no projects row"))
}

fn assert_same_tables(a_name: &str, a: &Tables, b_name: &str, b: &Tables) {
    let what = format!("{a_name} vs {b_name}");
    assert_eq!(a.project_ids, b.project_ids, "project_ids, {what}");
    assert_eq!(a.projects, b.projects, "projects, {what}");
    assert_eq!(a.measures, b.measures, "measures, {what}");
    assert_eq!(
        a.output_measures, b.output_measures,
        "output_measures, {what}"
    );
    assert_eq!(a.people, b.people, "people, {what}");
    assert_eq!(a.outputs, b.outputs, "outputs, {what}");
    assert_eq!(a.scores, b.scores, "scores, {what}");
    assert_eq!(a.stories, b.stories, "stories, {what}");
    assert_eq!(a.audit, b.audit, "audit, {what}");
    assert_eq!(a, b, "tables, {what}");
}

/// SPEC 2.1: the same data as .xlsx, .xls, .ods and .csv gives identical canonical tables.
#[test]
fn same_data_in_four_formats_gives_identical_tables() {
    let csv = read("tests/fixtures/same/csv");
    assert_clean(&csv, "same/csv");
    for format in ["xlsx", "xls", "ods"] {
        let other = read(&format!("tests/fixtures/same/{format}"));
        assert_clean(&other, format);
        assert_same_tables(
            "same/csv",
            &csv.tables,
            &format!("same/{format}"),
            &other.tables,
        );
    }
}

/// The canonical values of same/ (FIXTURES.md), checked by hand in every format.
#[test]
fn same_data_reads_as_worked_out_by_hand() {
    for format in ["csv", "xlsx", "xls", "ods"] {
        let c = read(&format!("tests/fixtures/same/{format}"));
        let t = &c.tables;
        let ctx = format!("same/{format}");
        assert_eq!(t.project_ids, ["P01", "P02"], "{ctx}");

        let p01 = project_row(t, "P01");
        assert_eq!(p01.name, "Community Café", "{ctx}");
        assert_eq!(p01.name_cy.as_deref(), Some("Caffi Cymunedol"), "{ctx}");
        assert_eq!(p01.organisation.as_deref(), Some("Valley Trust"), "{ctx}");
        assert_eq!(p01.funders, ["Lottery", "Council"], "{ctx}");
        assert_eq!(p01.start_date, Some(D2024_04_01), "{ctx}");
        assert_eq!(p01.end_date, Some(D2025_03_31), "{ctx}");
        // A number cell 12500.5 (CSV text `12500.50`): pence kept.
        assert_eq!(p01.budget, Some(12500.5), "{ctx}");
        assert_eq!(p01.novelty, Some(3), "{ctx}");
        assert_eq!(
            p01.description.as_deref(),
            Some("Weekly café run with residents"),
            "{ctx}"
        );
        let p02 = project_row(t, "P02");
        assert_eq!(p02.name_cy.as_deref(), Some("Grŵp Cerdded"), "{ctx}");
        assert_eq!(p02.funders, ["Council"], "{ctx}");
        assert_eq!(p02.start_date, Some(D2024_05_01), "{ctx}");
        assert_eq!(p02.end_date, None, "{ctx}: P02 end_date is an empty cell");
        assert_eq!(p02.budget, Some(8000.0), "{ctx}");
        assert_eq!(p02.novelty, Some(5), "{ctx}");

        let conf = t
            .measures
            .iter()
            .find(|m| m.name == "Confidence scale")
            .unwrap_or_else(|| panic!("{ctx}: no Confidence scale measure"));
        assert_eq!(
            (conf.min, conf.max, conf.higher_is_better),
            (1.0, 10.0, true),
            "{ctx}"
        );
        assert_eq!((conf.sem, conf.mid), (Some(0.8), Some(1.0)), "{ctx}");
        assert_eq!(
            (conf.reliability, conf.sd, conf.conversion),
            (None, None, None),
            "{ctx}"
        );
        assert_eq!(
            keys(conf.principles),
            ["relationships", "enabling"],
            "{ctx}"
        );
        assert_eq!(conf.label_cy.as_deref(), Some("Graddfa hyder"), "{ctx}");
        assert_eq!(conf.source.as_deref(), Some("Service's own scale"), "{ctx}");

        // Person ids 101..104 are number cells (xls: 101.0) and read as "101" (SPEC 2.3).
        // SWEMWBS raw → metric from the SPEC 2.4 table; Confidence scale has no conversion.
        let sw = "SWEMWBS";
        let cs = "Confidence scale";
        assert_eq!(
            score_rows(t),
            [
                score_row("P01", "101", sw, D2024_04_10, 21.0, 19.25),
                score_row("P01", "101", sw, D2024_09_10, 24.0, 21.54),
                score_row("P01", "102", sw, D2024_04_10, 18.0, 17.43),
                score_row("P01", "102", sw, D2024_09_12, 23.0, 20.73),
                score_row("P01", "103", sw, D2024_04_17, 25.0, 22.35),
                score_row("P01", "103", sw, D2024_09_12, 25.0, 22.35),
                score_row("P01", "104", sw, D2024_04_17, 14.0, 15.32),
                score_row("P02", "W-01", cs, D2024_06_03, 4.0, 4.0),
                score_row("P02", "W-01", cs, D2024_10_07, 7.0, 7.0),
                score_row("P02", "W-01", sw, D2024_06_03, 20.0, 18.59),
                score_row("P02", "W-01", sw, D2024_10_07, 26.0, 23.21),
                score_row("P02", "W-02", cs, D2024_06_03, 6.0, 6.0),
                score_row("P02", "W-02", cs, D2024_10_07, 5.0, 5.0),
            ],
            "{ctx}"
        );

        // Principle lists are sets here (SPEC 1.1 order).
        assert_eq!(
            output_rows(t),
            [
                output_row(
                    "P01",
                    D2024_04_10,
                    "Sessions delivered",
                    4.0,
                    &["networks", "relationships"]
                ),
                output_row("P01", D2024_05_08, "People attending", 37.0, &["assets"]),
                output_row(
                    "P01",
                    D2024_05_08,
                    "Sessions delivered",
                    5.0,
                    &["networks", "relationships"]
                ),
                output_row("P02", D2024_06_03, "Walks led", 8.0, &["enabling"]),
                output_row(
                    "P02",
                    D2024_07_01,
                    "Volunteer hours",
                    22.5,
                    &["assets", "enabling"]
                ),
                output_row("P02", D2024_07_01, "Walks led", 6.0, &["enabling"]),
            ],
            "{ctx}"
        );

        // "Networks" and "Rhwydweithiau" are both the key networks.
        assert_eq!(
            audit_rows(t),
            [
                ("P01".to_string(), D2024_04_01, "assets", 1, 3),
                ("P01".to_string(), D2024_04_01, "assets", 2, 4),
                ("P01".to_string(), D2024_04_01, "assets", 3, 2),
                ("P01".to_string(), D2025_03_01, "assets", 1, 4),
                ("P02".to_string(), D2024_05_01, "networks", 1, 2),
                ("P02".to_string(), D2024_05_01, "networks", 2, 3),
            ],
            "{ctx}"
        );

        assert_eq!(t.stories.len(), 4, "{ctx}");
        let s = story(t, "P01", "S1");
        assert_eq!(s.date, Some(D2024_06_01), "{ctx}");
        assert_eq!(s.title.as_deref(), Some("Back at the café"), "{ctx}");
        assert_eq!(
            s.what_matters.as_deref(),
            Some("Getting out of the house"),
            "{ctx}"
        );
        assert_eq!(
            s.text, "I come every Tuesday now and I know people by name.",
            "{ctx}"
        );
        assert_eq!(s.achieved, Some(Achieved::Yes), "{ctx}");
        // Written `relationships; networks`; a principle list is a set, compared without order.
        assert_eq!(
            set(&s.principles.iter().collect::<Vec<_>>()),
            set(&[Principle::Relationships, Principle::Networks]),
            "{ctx}"
        );
        assert_eq!(
            s.spectrum,
            Some(Spectrum {
                step: Some(6),
                band: Band::DoingWith
            }),
            "{ctx}"
        );
        assert!(
            s.consent,
            "{ctx}: consent is a TRUE boolean cell (CSV `yes`)"
        );
        assert_eq!(
            (s.teller, s.language),
            (Some(Teller::Citizen), Some(Language::En)),
            "{ctx}"
        );
        let s = story(t, "P01", "S2");
        assert_eq!(
            (s.date, s.achieved),
            (Some(D2024_07_15), Some(Achieved::Partly)),
            "{ctx}"
        );
        assert_eq!(
            s.spectrum,
            Some(Spectrum {
                step: Some(4),
                band: Band::DoingFor
            }),
            "{ctx}"
        );
        assert!(
            !s.consent,
            "{ctx}: consent is a FALSE boolean cell (CSV `no`)"
        );
        assert_eq!(s.teller, Some(Teller::Carer), "{ctx}");
        let s = story(t, "P02", "S1");
        assert_eq!(s.date, Some(D2024_08_01), "{ctx}");
        assert_eq!(
            s.spectrum,
            Some(Spectrum {
                step: None,
                band: Band::DoingWith
            }),
            "{ctx}: band alone"
        );
        assert_eq!((s.consent, s.language), (true, Some(Language::Cy)), "{ctx}");
        let s = story(t, "P02", "S2");
        assert_eq!(
            (s.date, s.achieved),
            (Some(D2024_09_20), Some(Achieved::NotYet)),
            "{ctx}"
        );
        assert_eq!(
            s.principles.iter().collect::<Vec<_>>(),
            [Principle::Outcomes],
            "{ctx}"
        );
        assert_eq!(
            s.spectrum,
            Some(Spectrum {
                step: Some(5),
                band: Band::DoingFor
            }),
            "{ctx}"
        );
        assert_eq!(
            (s.consent, s.teller),
            (false, Some(Teller::Volunteer)),
            "{ctx}"
        );
    }
}

/// values/: numbers, dates, lists, booleans and terms as FIXTURES.md works them out.
#[test]
fn values_parse_as_worked_out_by_hand() {
    let c = read("tests/fixtures/values");
    let t = &c.tables;

    let p01 = project_row(t, "P01");
    assert_eq!(p01.funders, ["Lottery", "Council"]);
    assert_eq!(
        (p01.start_date, p01.end_date),
        (Some(D2024_03_05), Some(D2025_03_31)),
        "`31/3/2025`"
    );
    assert_eq!(p01.budget, Some(1200.5), "`£1,200.50`");
    assert_eq!(p01.novelty, Some(1));
    let p02 = project_row(t, "P02");
    assert_eq!(p02.funders, ["Council", "Health Board"]);
    assert_eq!(
        p02.start_date,
        Some(D2024_03_05),
        "`5/3/24` is 2024-03-05 (D/M/YY)"
    );
    assert_eq!(
        p02.end_date,
        Some(D2025_03_01),
        "`2025-03` is the first of the month"
    );
    assert_eq!(p02.budget, Some(12000.0), "`12,000`");
    assert_eq!(p02.novelty, Some(6));
    let p03 = project_row(t, "P03");
    assert_eq!(
        p03.funders,
        ["Lottery", "Arts Council"],
        "a list split by a new line"
    );
    assert_eq!((p03.start_date, p03.end_date), (Some(D2024_03_01), None));
    assert_eq!((p03.budget, p03.novelty), (Some(0.0), Some(3)));

    assert_eq!(
        output_rows(t),
        [
            output_row("P01", D2024_03_01, "Sessions", 3.0, &["enabling"]),
            output_row(
                "P01",
                D2024_03_05,
                "Leaflets",
                1234.0,
                &["assets", "networks"]
            ),
            output_row(
                "P01",
                D2024_03_05,
                "Room hire",
                1200.5,
                &["outcomes", "relationships"]
            ),
            output_row(
                "P01",
                D2024_03_05,
                "Volunteer hours",
                12.5,
                &["assets", "enabling"]
            ),
        ]
    );

    // (id, consent, step, band, achieved, teller, language, principles), FIXTURES.md table.
    use Achieved::{NotYet, Partly, Yes};
    use Band::{DoingFor, DoingTo, DoingWith};
    use Principle::{Assets, Enabling, Networks, Outcomes, Relationships};
    type StoryWant = (
        &'static str,
        bool,
        Option<u8>,
        Band,
        Option<Achieved>,
        Option<Teller>,
        Option<Language>,
        &'static [Principle],
    );
    #[rustfmt::skip]
    let wants: [StoryWant; 12] = [
        ("V01", true, Some(1), DoingTo, Some(Yes), Some(Teller::Citizen), Some(Language::En), &[Assets]),
        ("V02", true, Some(1), DoingTo, Some(Partly), Some(Teller::Carer), Some(Language::Cy), &[Assets]),
        ("V03", true, Some(2), DoingTo, Some(NotYet), Some(Teller::Family), Some(Language::En), &[Networks]),
        ("V04", true, Some(2), DoingTo, Some(Yes), Some(Teller::Professional), Some(Language::En), &[Networks, Outcomes]),
        ("V05", true, Some(3), DoingFor, Some(Partly), Some(Teller::Volunteer), Some(Language::Cy), &[Outcomes, Relationships]),
        ("V06", true, Some(4), DoingFor, Some(NotYet), Some(Teller::Community), Some(Language::Cy), &[Relationships]),
        ("V07", false, Some(5), DoingFor, Some(NotYet), Some(Teller::Other), Some(Language::En), &[Enabling]),
        ("V08", false, Some(6), DoingWith, Some(Yes), Some(Teller::Citizen), Some(Language::En), &[Enabling, Assets]),
        ("V09", false, Some(6), DoingWith, None, None, None, &[]),
        ("V10", false, None, DoingTo, None, None, None, &[]),
        ("V11", false, None, DoingFor, None, None, None, &[]),
        ("V12", false, None, DoingWith, None, None, None, &[]),
    ];
    assert_eq!(t.stories.len(), 12);
    for (id, consent, step, band, achieved, teller, language, principles) in wants {
        let s = story(t, "P01", id);
        assert_eq!(s.consent, consent, "{id} consent");
        assert_eq!(s.spectrum, Some(Spectrum { step, band }), "{id} spectrum");
        assert_eq!(s.achieved, achieved, "{id} achieved");
        assert_eq!(s.teller, teller, "{id} teller");
        assert_eq!(s.language, language, "{id} language");
        assert_eq!(
            set(&s.principles.iter().collect::<Vec<_>>()),
            set(principles),
            "{id} principles"
        );
    }

    // Welsh labels → keys; all P01 2024-03-05 item 1.
    let audit: Vec<(&str, u8)> = audit_rows(t).into_iter().map(|r| (r.2, r.4)).collect();
    let mut want = vec![
        ("assets", 3),
        ("networks", 4),
        ("outcomes", 2),
        ("relationships", 5),
        ("enabling", 1),
    ];
    want.sort();
    assert_eq!(audit, want);
    assert!(
        audit_rows(t)
            .iter()
            .all(|r| r.0 == "P01" && r.1 == D2024_03_05 && r.3 == 1)
    );
}

/// csv_dialects/: BOM stripped, `;` found, CRLF, D/M/YYYY, `1,234`, a two-line quoted field.
#[test]
fn csv_dialects_read_as_worked_out_by_hand() {
    let c = read("tests/fixtures/csv_dialects");
    let t = &c.tables;
    assert_eq!(
        output_rows(t),
        [
            output_row("P01", D2024_04_10, "Sessions delivered", 4.0, &[]),
            output_row("P01", D2024_05_10, "Leaflets handed out", 1234.0, &[]),
            output_row("P01", D2024_05_10, "Sessions delivered", 5.0, &[]),
        ]
    );
    assert_eq!(
        story(t, "P01", "S1").text,
        "First line of the story\nsecond line of the story"
    );
    assert_eq!(story(t, "P01", "S2").text, "A one-line story");
    assert_eq!(t.stories.len(), 2, "S3 is excluded");
    // Outcomes lines 2 and 5 are used: P01 101 SWEMWBS 21 (→ 19.25) and 25 (→ 22.35).
    assert_eq!(
        score_rows(t),
        [
            score_row("P01", "101", "SWEMWBS", D2024_04_10, 21.0, 19.25),
            score_row("P01", "101", "SWEMWBS", D2024_09_10, 25.0, 22.35),
        ]
    );
}

/// Story text is kept exactly as written: 100,000 characters, formula-like text, HTML.
#[test]
fn story_text_is_kept_as_written() {
    let c = read("tests/fixtures/huge_cell");
    let h1 = story(&c.tables, "P01", "H1");
    assert_eq!(h1.text.chars().count(), 100_000);
    assert!(h1.text.starts_with("I want to tell you how") && h1.text.ends_with('.'));
    assert!(h1.consent);
    assert!(!story(&c.tables, "P01", "H2").consent);

    let c = read("tests/fixtures/formula_text");
    let texts = [
        ("F1", "=HYPERLINK(\"http://x\",\"y\")"),
        ("F2", "+44 7700 900123 is my number"),
        ("F3", "-so I said I would come back"),
        ("F4", "@everyone come on Friday"),
    ];
    for (id, text) in texts {
        assert_eq!(story(&c.tables, "P01", id).text, text);
    }

    let c = read("tests/fixtures/html_story");
    assert_eq!(
        story(&c.tables, "P01", "X1").text,
        "<script>alert(1)</script>"
    );
    assert_eq!(
        story(&c.tables, "P01", "X2").text,
        "I felt <b>bold</b> & brave"
    );
}

/// serial_dates/: a date cell, a date-time cell (its date part) and a later date are used;
/// B4 (the plain number 45000) is excluded.
#[test]
fn date_cells_read_as_days() {
    let c = read("tests/fixtures/serial_dates");
    assert_eq!(
        output_rows(&c.tables),
        [
            output_row("P01", D2024_04_10, "Sessions delivered", 4.0, &[]),
            output_row("P01", D2024_05_08, "Sessions delivered", 5.0, &[]),
            output_row("P01", D2024_06_12, "People attending", 20.0, &[]),
        ]
    );
}

/// offset_range/: the header is found in row 4 of a range starting at C2; rows 5 and 6 used.
#[test]
fn offset_range_reads_from_its_header_row() {
    let c = read("tests/fixtures/offset_range");
    assert_eq!(
        score_rows(&c.tables),
        [
            score_row("P01", "101", "SWEMWBS", D2024_04_10, 21.0, 19.25),
            score_row("P01", "101", "SWEMWBS", D2024_09_10, 24.0, 21.54),
        ]
    );
}

/// single_project/: sheets with no project_id column get P07 from the one projects row.
#[test]
fn single_project_supplies_its_id() {
    let c = read("tests/fixtures/single_project");
    assert_clean(&c, "single_project");
    let t = &c.tables;
    assert_eq!(t.project_ids, ["P07"]);
    assert_eq!(project_row(t, "P07").budget, Some(5000.0));
    let sw = "SWEMWBS";
    assert_eq!(
        score_rows(t),
        [
            score_row("P07", "101", sw, D2024_04_10, 21.0, 19.25),
            score_row("P07", "101", sw, D2024_09_10, 24.0, 21.54),
            score_row("P07", "102", sw, D2024_04_10, 18.0, 17.43),
            score_row("P07", "102", sw, D2024_09_12, 23.0, 20.73),
        ]
    );
    let s1 = story(t, "P07", "S1");
    assert_eq!((s1.consent, s1.language), (true, Some(Language::Cy)));
    let s2 = story(t, "P07", "S2");
    assert_eq!((s2.consent, s2.language), (false, Some(Language::En)));
}

/// aliases/: every header is an alias (SPEC 2.4); `outcomes-2` is an outcomes table.
#[test]
fn aliases_map_to_canonical_columns() {
    let c = read("tests/fixtures/aliases");
    assert_clean(&c, "aliases");
    let t = &c.tables;
    assert_eq!(project_row(t, "P01").name, "Community Café");
    assert_eq!(project_row(t, "P01").funders, ["Lottery"]);
    assert_eq!(project_row(t, "P02").funders, ["Council", "Lottery"]);
    assert_eq!(
        output_rows(t),
        [
            output_row("P01", D2024_04_10, "Sessions delivered", 4.0, &[]),
            output_row("P02", D2024_06_03, "Walks led", 8.0, &[]),
        ]
    );
    let sw = "SWEMWBS";
    assert_eq!(
        score_rows(t),
        [
            score_row("P01", "101", sw, D2024_04_10, 21.0, 19.25),
            score_row("P01", "101", sw, D2024_09_10, 24.0, 21.54),
            score_row("P02", "W-01", sw, D2024_06_03, 20.0, 18.59),
            score_row("P02", "W-01", sw, D2024_10_07, 26.0, 23.21),
        ]
    );
    let s = story(t, "P01", "S1");
    assert_eq!((s.consent, s.teller), (true, Some(Teller::Citizen)));
    assert_eq!(s.text, "I come every week now.");
    let s = story(t, "P02", "S1");
    assert_eq!((s.consent, s.teller), (false, Some(Teller::Carer)));
}

/// duplicate_score_dates/: three dates for one person, and person "101" in two projects.
#[test]
fn person_ids_are_per_project() {
    let c = read("tests/fixtures/duplicate_score_dates");
    assert_clean(&c, "duplicate_score_dates");
    let sw = "SWEMWBS";
    // 18 → 17.43, 21 → 19.25, 24 → 21.54, 25 → 22.35, 22 → 19.98, 20 → 18.59 (SPEC 2.4).
    let (d_07_10, d_10_10, d_11_01) = (19914, 20006, 20028); // 2024-07-10, 2024-10-10, 2024-11-01
    assert_eq!(
        score_rows(&c.tables),
        [
            score_row("P01", "101", sw, D2024_04_10, 18.0, 17.43),
            score_row("P01", "101", sw, d_07_10, 21.0, 19.25),
            score_row("P01", "101", sw, d_10_10, 24.0, 21.54),
            score_row("P01", "102", sw, D2024_04_10, 20.0, 18.59),
            score_row("P02", "101", sw, D2024_05_01, 25.0, 22.35),
            score_row("P02", "101", sw, d_11_01, 22.0, 19.98),
        ]
    );
}

/// SWEMWBS is built in, with the constants of SPEC 2.4, without any measures table.
#[test]
fn built_in_swemwbs_is_known_without_a_measures_table() {
    let c = read("tests/fixtures/aliases");
    let sw = c
        .tables
        .measures
        .iter()
        .find(|m| m.name == "SWEMWBS")
        .expect("SWEMWBS is built in");
    assert_eq!((sw.min, sw.max, sw.higher_is_better), (7.0, 35.0, true));
    assert_eq!((sw.sem, sw.mid), (Some(1.03), Some(3.0)));
}
