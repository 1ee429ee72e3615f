//! The HTML pages (SPEC 5.1): sections, accessible charts, numbers equal to the figures,
//! escaping of user text, consent and redaction, suppression, nothing fetched from outside.
//! A small fixture is written here so every expected number is easy to work out by hand.

use crate::run;
use scraper::{Html, Selector};
use std::fs;
use std::path::Path;

fn sel(css: &str) -> Selector {
    Selector::parse(css).expect("a valid selector")
}

/// P1: six people on ONS life satisfaction, baseline 5 for all, follow-up 7, 7, 7, 8, 8, 9:
/// changes 2, 2, 2, 3, 3, 4, mean 16/6 = 2.67 (by hand), baseline mean 5.00, follow-up 7.67.
/// P2: three paired people, so suppressed at min_cell 5.
fn write_fixture(dir: &Path) {
    fs::write(
        dir.join("projects.csv"),
        "project_id,name,organisation,funder,budget\nP1,Tŷ <b>Hapus</b>,Grŵp Cymunedol,Big Fund,6000\nP2,Small Group,Org Two,Big Fund,1000\n",
    )
    .expect("write");
    let mut outcomes = String::from("project_id,person_id,measure,date,score\n");
    for (i, follow) in [7, 7, 7, 8, 8, 9].iter().enumerate() {
        outcomes.push_str(&format!("P1,a{i},ONS life satisfaction,2024-04-01,5\n"));
        outcomes.push_str(&format!(
            "P1,a{i},ONS life satisfaction,2024-10-01,{follow}\n"
        ));
    }
    for i in 0..3 {
        outcomes.push_str(&format!("P2,b{i},ONS life satisfaction,2024-04-01,4\n"));
        outcomes.push_str(&format!("P2,b{i},ONS life satisfaction,2024-10-01,6\n"));
    }
    // P3's 5 people (no projects row) keep P2's 3 from being worked out as ALL minus P1: the
    // smaller shown group, P3, is hidden with P2 (SPEC 4.8 rule 4), and P1 stays shown.
    for i in 0..5 {
        outcomes.push_str(&format!("P3,c{i},ONS life satisfaction,2024-04-01,5\n"));
        outcomes.push_str(&format!("P3,c{i},ONS life satisfaction,2024-10-01,6\n"));
    }
    fs::write(dir.join("outcomes.csv"), outcomes).expect("write");
    fs::write(
        dir.join("outputs.csv"),
        "project_id,date,measure,value,principles\nP1,2024-04-10,Sessions,4,networks\nP1,2024-07-10,Sessions,6,networks\n",
    )
    .expect("write");
    fs::write(
        dir.join("stories.csv"),
        "project_id,story_id,date,text,achieved,principles,spectrum,consent,teller,language\n\
         P1,S1,2024-09-01,<script>alert(1)</script> I made friends here,yes,relationships,co-production,yes,citizen,en\n\
         P1,S2,2024-09-02,SECRET-NO-CONSENT story text,yes,assets,participation,no,carer,en\n\
         P1,S3,2024-09-03,\"Call me on 07700 900123 or jo@example.org, I live at CF10 3NQ\",partly,networks,doing with,yes,volunteer,en\n\
         P1,S4,2024-09-04,Rwy'n teimlo'n well nawr,yes,enabling,consultation,ie,citizen,cy\n",
    )
    .expect("write");
}

fn build() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    let input = tmp.path().join("in");
    fs::create_dir(&input).expect("mkdir");
    write_fixture(&input);
    let (input_s, out_s) = (
        input.display().to_string(),
        tmp.path().join("out").display().to_string(),
    );
    let (code, stdout, stderr) = run(&["report", &input_s, "-o", &out_s, "-q"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    tmp
}

fn page(tmp: &tempfile::TempDir, rel: &str) -> (String, Html) {
    let text = fs::read_to_string(tmp.path().join("out").join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"));
    let html = Html::parse_document(&text);
    (text, html)
}

fn all_pages(tmp: &tempfile::TempDir) -> Vec<(String, String)> {
    let out = tmp.path().join("out");
    let mut pages = vec![(
        "index.html".to_string(),
        fs::read_to_string(out.join("index.html")).expect("index"),
    )];
    for dir in ["projects", "funders"] {
        let mut entries: Vec<_> = fs::read_dir(out.join(dir))
            .expect("folder")
            .flatten()
            .collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            pages.push((
                format!("{dir}/{}", e.file_name().to_string_lossy()),
                fs::read_to_string(e.path()).expect("page"),
            ));
        }
    }
    pages
}

#[test]
fn every_page_exists_with_its_slug() {
    let tmp = build();
    let names: Vec<String> = all_pages(&tmp).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        vec![
            "index.html",
            "projects/p1.html",
            "projects/p2.html",
            "projects/p3.html",
            "funders/big-fund.html"
        ]
    );
}

#[test]
fn project_page_reads_as_a_board_briefing() {
    let tmp = build();
    let (_, html) = page(&tmp, "projects/p1.html");
    let ids: Vec<String> = html
        .select(&sel("section[id]"))
        .filter_map(|s| s.value().attr("id").map(str::to_string))
        .collect();
    assert_eq!(
        ids,
        [
            "outputs",
            "outcomes",
            "principles",
            "spectrum",
            "stories",
            "value",
            "worth",
            "data-quality",
            "method",
            "glossary"
        ]
    );
    assert_eq!(html.select(&sel("section.headline")).count(), 1);
    let headline: String = html
        .select(&sel("section.headline"))
        .flat_map(|s| s.text())
        .collect();
    // 6 participants; change +2.7 points (16/6 by hand), its whole interval above 0, so the
    // verdict is an improvement; cost 6000 / 6 = £1,000.
    assert!(
        headline.contains("Participants") && headline.contains('6'),
        "{headline}"
    );
    assert!(
        headline.contains("ONS life satisfaction improved: the average rose 2.7 points"),
        "{headline}"
    );
    assert!(headline.contains("£1,000"), "{headline}");
}

#[test]
fn every_chart_is_accessible_and_has_its_table() {
    let tmp = build();
    for (name, text) in all_pages(&tmp) {
        let html = Html::parse_document(&text);
        let mut ids = std::collections::HashSet::new();
        for svg in html.select(&sel("svg")) {
            let v = svg.value();
            assert_eq!(v.attr("role"), Some("img"), "{name}");
            let id = v.attr("id").expect("an id");
            assert!(
                ids.insert(id.to_string()),
                "{name}: duplicate chart id {id}"
            );
            let labelled = v.attr("aria-labelledby").expect("aria-labelledby");
            assert_eq!(labelled, format!("{id}-title {id}-desc"));
            let title = svg.select(&sel("title")).next().expect("a title");
            assert_eq!(
                title.value().attr("id"),
                Some(format!("{id}-title").as_str())
            );
            let desc: String = svg
                .select(&sel("desc"))
                .next()
                .expect("a desc")
                .text()
                .collect();
            assert!(
                desc.len() > 20,
                "{name} {id}: the description says the finding: {desc}"
            );
        }
        // Every chart's figure is followed by a table of its numbers.
        let figures = html.select(&sel("figure.figure")).count();
        let tables = html
            .select(&sel("table caption"))
            .filter(|c| {
                c.text()
                    .collect::<String>()
                    .starts_with("The numbers in the chart")
            })
            .count();
        assert_eq!(figures, tables, "{name}");
    }
}

#[test]
fn outcome_numbers_equal_the_figures() {
    let tmp = build();
    let (_, html) = page(&tmp, "projects/p1.html");
    let row: Vec<String> = html
        .select(&sel("#outcomes table tbody tr"))
        .next()
        .expect("an outcomes row")
        .select(&sel("th, td"))
        .map(|c| c.text().collect::<String>())
        .collect();
    // Measure, people 6, baseline 5.00, follow-up 7.67, change +2.67 (16/6 by hand).
    assert_eq!(row[0], "ONS life satisfaction");
    assert_eq!(&row[1..5], ["6", "5.00", "7.67", "+2.67"]);
    // The same figures as the tidy table, rounded.
    let csv = fs::read_to_string(tmp.path().join("out/data/outcomes_summary.csv")).expect("csv");
    let line = csv
        .lines()
        .find(|l| l.starts_with("P1,ONS life satisfaction"))
        .expect("P1 row");
    let mean_change: f64 = line
        .split(',')
        .nth(6)
        .expect("mean_change")
        .parse()
        .expect("number");
    assert!((mean_change - 16.0 / 6.0).abs() < 1e-12);
}

#[test]
fn user_text_is_escaped_and_stories_are_private() {
    let tmp = build();
    let pages = all_pages(&tmp);
    for (name, text) in &pages {
        let html = Html::parse_document(text);
        assert_eq!(
            html.select(&sel("script")).count(),
            0,
            "{name}: a script element"
        );
        assert_eq!(
            html.select(&sel("b")).count(),
            0,
            "{name}: a project name's <b> became markup"
        );
        assert!(
            !text.contains("SECRET-NO-CONSENT"),
            "{name}: a story without consent"
        );
        for private in ["07700 900123", "jo@example.org", "CF10 3NQ"] {
            assert!(!text.contains(private), "{name}: {private} was not removed");
        }
        // Nothing fetched from outside: no src attributes, links are relative or anchors.
        assert_eq!(html.select(&sel("[src]")).count(), 0, "{name}");
        for a in html.select(&sel("[href]")) {
            let href = a.value().attr("href").unwrap_or("");
            assert!(
                !href.contains("://") && !href.starts_with("//"),
                "{name}: {href}"
            );
        }
        assert!(
            !text.contains("@import") && !text.contains("url("),
            "{name}"
        );
    }
    let (text, html) = page(&tmp, "projects/p1.html");
    let quotes: Vec<String> = html
        .select(&sel(".quote blockquote"))
        .map(|q| q.text().collect())
        .collect();
    assert!(
        quotes
            .iter()
            .any(|q| q.contains("<script>alert(1)</script> I made friends")),
        "{quotes:?}"
    );
    assert!(
        quotes
            .iter()
            .any(|q| q.contains("Call me on [removed] or [removed], I live at [removed]")),
        "{quotes:?}"
    );
    assert!(text.contains("&lt;script&gt;"));
    // The Welsh story is marked as Welsh.
    assert!(
        html.select(&sel("blockquote[lang=cy]"))
            .any(|q| q.text().collect::<String>().contains("teimlo"))
    );
    // Three consented stories are quoted, the one without consent is not.
    assert_eq!(quotes.len(), 3);
}

#[test]
fn suppressed_figures_say_fewer_than_five() {
    let tmp = build();
    let (_, html) = page(&tmp, "projects/p2.html");
    let outcomes: String = html
        .select(&sel("#outcomes"))
        .flat_map(|s| s.text())
        .collect();
    assert!(outcomes.contains("fewer than 5"), "{outcomes}");
    // No number of P2's three people is shown as a figure.
    assert!(!outcomes.contains("+2.00"), "{outcomes}");
}

#[test]
fn sample_pages_stay_small() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("r").display().to_string();
    let (code, _, stderr) = run(&["report", "data", "-o", &out, "-q"]);
    assert_eq!(code, 0, "{stderr}");
    for dir in ["", "projects", "funders"] {
        for e in fs::read_dir(tmp.path().join("r").join(dir))
            .expect("folder")
            .flatten()
        {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "html") {
                let size = fs::metadata(&p).expect("size").len();
                assert!(size < 300_000, "{} is {size} bytes", p.display());
            }
        }
    }
}

/// A board briefing lists only its own project's rows left out, and counts the others; the
/// portfolio lists them all. Expected: the "Deliberately bad rows" table of data/README.md,
/// which names each row's project (two of them reach their project only through the
/// single-project rule: a workbook and a CSV folder without a project_id column).
#[test]
fn each_briefing_lists_only_its_own_rows_left_out() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("r");
    let (code, _, stderr) = run(&["report", "data", "-o", &out.display().to_string(), "-q"]);
    assert_eq!(code, 0, "{stderr}");
    let own: [(&str, &[&str]); 10] = [
        (
            "abw-food",
            &[
                "data/ceredigion-csv/outputs.csv › row 42 ›",
                "data/ceredigion-csv/stories.csv › row 23 ›",
            ],
        ),
        (
            "bla-digi",
            &["data/gwynedd-and-powys.ods › stories › row 10 ›"],
        ),
        (
            "cae-canu",
            &["data/cylch-canu-caernarfon.xlsx › Canlyniadau › row 66 ›"],
        ),
        ("cdf-garden", &["data/portfolio.xlsx › Audit › row 121 ›"]),
        (
            "lld-parents",
            &["data/gwynedd-and-powys.ods › outcomes › row 116 ›"],
        ),
        ("swa-cafe", &["data/portfolio.xlsx › Outcomes › row 157 ›"]),
        ("mty-shed", &[]),
        ("npt-carers", &[]),
        ("nwp-tenants", &[]),
        ("wrx-choir", &[]),
    ];
    let listed = |rel: &str| -> (Vec<String>, String) {
        let html = fs::read_to_string(out.join(rel)).expect("page");
        let doc = Html::parse_document(&html);
        let section = doc
            .select(&sel("#data-quality"))
            .next()
            .expect("a data quality section");
        let items = section
            .select(&sel("li"))
            .map(|li| li.text().collect::<String>())
            .collect();
        (items, section.text().collect::<String>())
    };
    let mut all = 0;
    for (slug, rows) in own {
        let (items, text) = listed(&format!("projects/{slug}.html"));
        assert_eq!(items.len(), rows.len(), "{slug}: {items:?}");
        for (item, start) in items.iter().zip(rows) {
            assert!(item.starts_with(start), "{slug}: {item}");
        }
        let others = 7 - rows.len();
        assert!(
            text.contains(&format!("{others} rows left out belong to other projects")),
            "{slug}: {text}"
        );
        assert_eq!(
            rows.is_empty(),
            text.contains("No row of this project was left out."),
            "{slug}"
        );
        all += rows.len();
    }
    assert_eq!(all, 7);
    let (items, text) = listed("index.html");
    assert_eq!(items.len(), 7, "{items:?}");
    assert!(!text.contains("belong to other projects"));
}

/// Issue 16: effect sizes are compared only within a measure. Over the shipped sample, every
/// project row of `outcomes_summary.csv` with an effect size is in the forest table of its own
/// measure (and of no other), and every project row without one is named as not in the chart.
#[test]
fn every_effect_is_in_its_measures_forest_panel() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("out");
    let o = out.display().to_string();
    let (code, _, stderr) = run(&["report", "data", "-o", &o, "--lang", "en", "-q"]);
    assert_eq!(code, 0, "{stderr}");
    let read = |rel: &str| -> Vec<std::collections::HashMap<String, String>> {
        let mut reader = csv::Reader::from_path(out.join(rel)).expect(rel);
        reader.deserialize().map(|r| r.expect("row")).collect()
    };
    let names: std::collections::HashMap<String, String> = read("data/projects_summary.csv")
        .into_iter()
        .map(|r| (r["project_id"].clone(), r["name"].clone()))
        .collect();
    let html = Html::parse_document(&fs::read_to_string(out.join("index.html")).expect("page"));
    // measure → the projects in its panel's table.
    let mut panels: std::collections::HashMap<String, Vec<String>> = Default::default();
    for table in html.select(&sel("table")) {
        let caption: String = table
            .select(&sel("caption"))
            .flat_map(|c| c.text())
            .collect();
        let Some(measure) = caption
            .strip_prefix("The numbers in the chart: Effect sizes on ")
            .and_then(|m| m.strip_suffix(", per project"))
        else {
            continue;
        };
        let rows = table
            .select(&sel("tbody tr"))
            .map(|r| {
                r.select(&sel("th, td"))
                    .next()
                    .expect("cell")
                    .text()
                    .collect()
            })
            .collect();
        panels.insert(measure.to_string(), rows);
    }
    let not_in_chart: String = html
        .select(&sel("p"))
        .map(|p| p.text().collect::<String>())
        .filter(|t| t.starts_with("Not in the chart:"))
        .collect();
    let mut checked = 0;
    for row in read("data/outcomes_summary.csv") {
        if row["project_id"] == "ALL" {
            continue;
        }
        let name = &names[&row["project_id"]];
        let measure = &row["measure"];
        if row["effect_size"].is_empty() {
            assert!(
                not_in_chart.contains(name.as_str()),
                "{name} {measure} unnamed"
            );
        } else {
            let panel = panels
                .get(measure)
                .unwrap_or_else(|| panic!("no panel for {measure}"));
            assert!(
                panel.contains(name),
                "{name} missing from the {measure} panel"
            );
            for (other, projects) in &panels {
                if other != measure {
                    let here = read("data/outcomes_summary.csv").into_iter().any(|r| {
                        &r["measure"] == other
                            && &names.get(&r["project_id"]).cloned().unwrap_or_default() == name
                    });
                    assert!(
                        here || !projects.contains(name),
                        "{name} in the {other} panel"
                    );
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 15, "only {checked} effects checked");
}
