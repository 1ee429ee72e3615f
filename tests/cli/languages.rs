//! Welsh and English pages (SPEC 5.2): every page renders in every language, Welsh pages say
//! `lang="cy"` and hold no English fixed text, `both` writes Welsh pages at the top and English
//! ones in `en/` linked to each other, and the tidy tables are the same whatever the language.
//! The shipped sample `data/` is used: it has Welsh project names (`name_cy`), Welsh sheet names
//! and stories told in both languages.

use crate::{run, tree};
use mwm::i18n;
use scraper::{ElementRef, Html, Selector};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn sel(css: &str) -> Selector {
    Selector::parse(css).expect("a valid selector")
}

/// Writes the sample report in `lang` and returns its folder.
fn report(tmp: &Path, lang: &str) -> PathBuf {
    let out = tmp.join(lang);
    let out_s = out.display().to_string();
    let (code, stdout, stderr) = run(&["report", "data", "-o", &out_s, "--lang", lang, "-q"]);
    assert_eq!(code, 0, "--lang {lang}\nstdout: {stdout}\nstderr: {stderr}");
    assert_eq!(stderr, "", "-q prints nothing on a good run");
    out
}

fn pages(all: &BTreeMap<String, Vec<u8>>) -> Vec<(&String, Html)> {
    all.iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, Html::parse_document(&String::from_utf8_lossy(b))))
        .collect()
}

fn lang_of(page: &Html) -> String {
    page.select(&sel("html"))
        .next()
        .and_then(|h| h.value().attr("lang"))
        .unwrap_or_default()
        .to_string()
}

/// The text of an element without the parts marked as another language than `keep`
/// (a story told in English on a Welsh page is quoted as told).
fn text_in(element: ElementRef<'_>, keep: &str, out: &mut String) {
    for child in element.children() {
        if let Some(e) = ElementRef::wrap(child) {
            if e.value().attr("lang").is_some_and(|l| l != keep) {
                continue;
            }
            if matches!(e.value().name(), "style" | "script") {
                continue;
            }
            text_in(e, keep, out);
        } else if let Some(t) = child.value().as_text() {
            out.push_str(t);
            out.push(' ');
        }
    }
}

#[test]
fn every_page_renders_in_every_language_with_its_lang() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let en = tree(&report(tmp.path(), "en"));
    let cy = tree(&report(tmp.path(), "cy"));
    let both = tree(&report(tmp.path(), "both"));
    let page_paths = |f: &BTreeMap<String, Vec<u8>>| -> Vec<String> {
        f.keys().filter(|p| p.ends_with(".html")).cloned().collect()
    };
    // The sample has 10 projects and its funders; the same pages in each language.
    let en_pages = page_paths(&en);
    assert!(en_pages.len() >= 12, "{en_pages:?}");
    assert!(en_pages.contains(&"index.html".to_string()));
    assert_eq!(page_paths(&cy), en_pages, "cy writes the same pages as en");
    // both: Welsh at the top (the same paths), English under en/.
    let mut expected: Vec<String> = en_pages.clone();
    expected.extend(en_pages.iter().map(|p| format!("en/{p}")));
    expected.sort();
    assert_eq!(page_paths(&both), expected);

    let missing = regex::Regex::new(r"\[[a-z]+(-[a-z0-9]+)+\]").expect("regex");
    for (set, top_lang) in [(&en, "en"), (&cy, "cy"), (&both, "cy")] {
        for (path, page) in pages(set) {
            let want = if path.starts_with("en/") {
                "en"
            } else {
                top_lang
            };
            assert_eq!(lang_of(&page), want, "{path}");
            let html = String::from_utf8_lossy(&set[path]);
            // A message missing from a file shows as [its-id]; none may.
            assert!(!missing.is_match(&html), "{path}: a missing message");
            // Every page has its headline, contents and method in its language.
            assert_eq!(page.select(&sel("h1")).count(), 1, "{path}");
            assert!(
                page.select(&sel("section#method")).next().is_some(),
                "{path}"
            );
        }
    }
}

#[test]
fn both_pairs_each_page_with_its_other_language() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = report(tmp.path(), "both");
    let all = tree(&out);
    let pair = sel("p.pair a");
    for (path, page) in pages(&all) {
        let link = page
            .select(&pair)
            .next()
            .unwrap_or_else(|| panic!("{path}: no pair link"));
        let href = link.value().attr("href").expect("href");
        let other_lang = if path.starts_with("en/") { "cy" } else { "en" };
        assert_eq!(link.value().attr("lang"), Some(other_lang), "{path}");
        assert_eq!(link.value().attr("hreflang"), Some(other_lang), "{path}");
        let text: String = link.text().collect();
        assert_eq!(
            text,
            if other_lang == "cy" {
                "Cymraeg"
            } else {
                "English"
            }
        );
        // The link leads to the same page in the other language.
        let target = out
            .join(Path::new(path).parent().unwrap_or(Path::new("")))
            .join(href);
        let target = fs::canonicalize(&target).unwrap_or_else(|_| panic!("{path} → {href}"));
        let expected = match path.strip_prefix("en/") {
            Some(rest) => out.join(rest),
            None => out.join("en").join(path),
        };
        assert_eq!(
            target,
            fs::canonicalize(expected).expect("pair exists"),
            "{path}"
        );
    }
    // The figures are the same on both pages of every pair: the numbers in the whole page
    // (text, tables and the charts' SVG text), in order, once the words around them differ.
    let token = regex::Regex::new(r"[-+]?£?\d+(,\d{3})*(\.\d+)?%?").expect("regex");
    let numbers = |p: &str| -> Vec<String> {
        let page = Html::parse_document(&String::from_utf8_lossy(&all[p]));
        let body = page.select(&sel("body")).next().expect("body");
        let text: String = body.text().collect::<Vec<_>>().join(" ");
        token
            .find_iter(&text)
            .map(|m| m.as_str().to_string())
            .collect()
    };
    let mut compared = 0;
    for (path, _) in pages(&all) {
        let Some(english) = path.strip_prefix("en/") else {
            continue;
        };
        let (cy, en) = (numbers(english), numbers(path));
        assert!(cy.len() > 20, "{english}: {} numbers", cy.len());
        let mut cy_sorted = cy.clone();
        let mut en_sorted = en.clone();
        cy_sorted.sort();
        en_sorted.sort();
        assert_eq!(cy_sorted, en_sorted, "{english}: the numbers differ");
        compared += 1;
    }
    assert!(compared >= 12, "{compared} pairs compared");
}

/// English on Welsh pages, outside the parts marked as another language: any literal piece of
/// en.ftl with a word of 4 letters or more (unless cy.ftl has the same piece, a proper name such
/// as "SWEMWBS"), and the commonest English words, which catch English written in Rust rather
/// than taken from en.ftl. `user_text` is text the services wrote in English (names), removed
/// first.
fn english_on_welsh_pages(cy: &BTreeMap<String, Vec<u8>>, user_text: &[&str]) -> Vec<String> {
    let welsh: Vec<String> = i18n::fragments(i18n::CY_FTL)
        .into_iter()
        .map(|(_, t)| t.trim().to_string())
        .collect();
    let mut english: Vec<(String, String)> = i18n::fragments(i18n::EN_FTL)
        .into_iter()
        .map(|(k, t)| {
            (
                k,
                t.trim_matches(|c: char| !c.is_alphanumeric()).to_string(),
            )
        })
        .filter(|(_, t)| {
            t.split(|c: char| !c.is_alphabetic())
                .any(|w| w.chars().count() >= 4)
        })
        .filter(|(_, t)| !welsh.iter().any(|w| w.contains(t.as_str())))
        .collect();
    english.sort();
    english.dedup();
    assert!(english.len() > 150, "{} English pieces", english.len());
    // Not "is": it is Welsh too ("lower").
    for word in [
        "the", "and", "of", "with", "to", "are", "was", "were", "by", "per",
    ] {
        english.push(("(a common English word)".into(), word.to_string()));
    }
    let mut leaks = Vec::new();
    for (path, page) in pages(cy) {
        let body = page.select(&sel("body")).next().expect("body");
        let mut text = String::new();
        text_in(body, "cy", &mut text);
        let mut text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for user in user_text {
            text = text.replace(user, "");
        }
        // Labels cut short in charts ("Teimlo bod by…") end in a piece of a word.
        let text = text
            .split(' ')
            .filter(|w| !w.ends_with('…'))
            .collect::<Vec<_>>()
            .join(" ");
        for (key, piece) in &english {
            // Whole words only: "Total" must not match inside "Totally".
            let found = text.match_indices(piece.as_str()).any(|(i, _)| {
                let before = text[..i].chars().next_back();
                let after = text[i + piece.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            });
            if found {
                leaks.push(format!("{path}: {key}: {piece:?}"));
            }
        }
    }
    leaks
}

#[test]
fn welsh_pages_hold_no_english_fixed_text() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let cy = tree(&report(tmp.path(), "cy"));
    // What the services of data/ wrote in English only: output measures (the outputs table
    // has no Welsh column), organisations, funders and the sources of their own measures.
    let user_text = [
        "People helped",
        "People attending",
        "Arts Council of Wales",
        "Wrexham Memory Friends CIO",
        "service's own question: 'How confident do you feel about doing the things that matter to you?' (1 to 10)",
        "UCLA 3-item loneliness scale, total 3 to 9 (Hughes et al. 2004)",
        "tenants' forum's own question: 'When you raise something, do you feel heard?' (1 to 5)",
        "Items made for the community",
        "Usk Valley Homes and Pill tenants",
    ];
    // The projects' own descriptions, in whatever language each service wrote them (the
    // projects table has no language column for them).
    let tables = mwm::pipeline::read_and_check(
        &[crate::crate_dir().join("data")],
        &mwm::config::LoadedConfig::default(),
        false,
        &mwm::pipeline::Quiet,
    )
    .tables;
    let descriptions: Vec<String> = tables
        .projects
        .iter()
        .flatten()
        .filter_map(|p| p.description.clone())
        .map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let mut user_text: Vec<&str> = user_text.to_vec();
    user_text.extend(descriptions.iter().map(String::as_str));
    let leaks = english_on_welsh_pages(&cy, &user_text);
    assert!(
        leaks.is_empty(),
        "English on Welsh pages:\n{}",
        leaks.join("\n")
    );
}

/// A small portfolio that takes the rarer paths: a project with nothing but its name (every
/// "none" sentence), one whose participants are suppressed, 21 rows left out (the list stops at
/// 20), a row outside the reporting period, a story with no language and a phone number.
fn write_rare_paths(dir: &Path) {
    fs::write(
        dir.join("projects.csv"),
        "project_id,name,name_cy,organisation,funder,budget\n\
         P1,Happy House,Tŷ Hapus,Grŵp Cymunedol,Cronfa Fawr,6000\n\
         P2,Small Group,Grŵp Bach,Grŵp Arall,Cronfa Fawr,1000\n\
         P3,Quiet Corner,Cornel Dawel,Grŵp Tawel,,\n",
    )
    .expect("write");
    let mut outcomes = String::from("project_id,person_id,measure,date,score\n");
    for (i, follow) in [7, 7, 7, 8, 8, 9].iter().enumerate() {
        outcomes.push_str(&format!("P1,a{i},ONS anxiety,2024-04-01,5\n"));
        outcomes.push_str(&format!("P1,a{i},ONS anxiety,2024-10-01,{follow}\n"));
    }
    for i in 0..3 {
        outcomes.push_str(&format!("P2,b{i},ONS happiness,2024-04-01,4\n"));
        outcomes.push_str(&format!("P2,b{i},ONS happiness,2024-10-01,6\n"));
    }
    for i in 0..21 {
        outcomes.push_str(&format!("P1,c{i},ONS anxiety,2024-04-01,uchel\n"));
    }
    fs::write(dir.join("outcomes.csv"), outcomes).expect("write");
    fs::write(
        dir.join("outputs.csv"),
        "project_id,date,measure,value\nP1,2024-04-10,Sesiynau,4\nP1,2024-07-10,Sesiynau,6\nP1,2023-01-10,Sesiynau,3\n",
    )
    .expect("write");
    fs::write(
        dir.join("stories.csv"),
        "project_id,story_id,date,text,achieved,principles,spectrum,consent,teller\n\
         P1,S1,2024-09-01,Ffoniwch fi ar 07700 900123,yes,relationships,co-production,yes,citizen\n",
    )
    .expect("write");
}

#[test]
fn rare_paths_render_in_both_languages_with_no_english_on_welsh_pages() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let input = tmp.path().join("in");
    fs::create_dir(&input).expect("mkdir");
    write_rare_paths(&input);
    let out = tmp.path().join("out");
    let (i, o) = (input.display().to_string(), out.display().to_string());
    // A debug build stops on a message missing from a file or a wrong argument, so exit 0
    // also says every message these pages use exists in both files.
    let (code, _, stderr) = run(&[
        "report",
        &i,
        "-o",
        &o,
        "--lang",
        "both",
        "--from",
        "2024-01-01",
        "-q",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let all = tree(&out);
    let text_of = |path: &str| -> String {
        let page = Html::parse_document(&String::from_utf8_lossy(&all[path]));
        let text: String = page.root_element().text().collect::<Vec<_>>().join(" ");
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let cy = i18n::Text::of(mwm::model::Language::Cy);
    let en = i18n::Text::of(mwm::model::Language::En);
    for (text, root) in [(cy, ""), (en, "en/")] {
        let quiet = text_of(&format!("{root}projects/p3.html"));
        for key in [
            "outputs-none",
            "outcomes-none",
            "principles-none",
            "spectrum-none",
            "stories-none-quotable",
            "value-no-budget",
        ] {
            assert!(quiet.contains(&text.get(key)), "{root}p3: {key}");
        }
        // P3's page lists none of the 21 rows P1 lost, and counts them.
        assert!(
            quiet.contains(&text.get("quality-none-of-project"))
                && quiet.contains(&text.count("quality-others", 21)),
            "{root}p3: rows left out of other projects"
        );
        let small = text_of(&format!("{root}projects/p2.html"));
        assert!(
            small.contains(&mwm::tr!(
                text,
                "note-participants-hidden",
                hidden = mwm::tr!(text, "hidden", min = "5")
            )),
            "{root}p2: participants hidden"
        );
        let happy = text_of(&format!("{root}projects/p1.html"));
        assert!(
            happy.contains(&text.count("quality-more", 1))
                && happy.contains(&text.get("quality-left-out-of-project-heading")),
            "{root}p1: 21 rows left out"
        );
        assert!(
            happy.contains(&text.count("quality-outside-period", 1)),
            "{root}p1: 1 row outside the period"
        );
        // A story with no language is quoted as the page's, its phone number removed with the
        // page's word for it.
        assert!(
            happy.contains(&format!("Ffoniwch fi ar {}", text.get("redacted"))),
            "{root}p1"
        );
    }
    // The quote has no lang of its own: it takes the page's.
    let p1 = Html::parse_document(&String::from_utf8_lossy(&all["projects/p1.html"]));
    let quote = p1.select(&sel("blockquote")).next().expect("a quote");
    assert_eq!(quote.value().attr("lang"), None);
    let leaks = english_on_welsh_pages(&all, &[]);
    let leaks: Vec<_> = leaks
        .into_iter()
        .filter(|l| !l.starts_with("en/"))
        .collect();
    assert!(
        leaks.is_empty(),
        "English on Welsh pages:\n{}",
        leaks.join("\n")
    );
}

#[test]
fn capped_charts_say_so_in_welsh() {
    // (The demo data's names are English, so this checks the sentence, not every word.)
    // 80 demo projects of 12 people: each output chart shows the first 60 projects, and each
    // measure's forest panel the 30 largest and the 30 smallest of more than 60 effects; both
    // say where the rest are.
    let tmp = tempfile::tempdir().expect("temp dir");
    let (demo, out) = (tmp.path().join("demo"), tmp.path().join("out"));
    let (d, o) = (demo.display().to_string(), out.display().to_string());
    let (code, _, stderr) = run(&["demo-data", "-o", &d, "--projects", "80", "--people", "12"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = run(&["report", &d, "-o", &o, "--lang", "cy", "-q"]);
    assert_eq!(code, 0, "{stderr}");
    let page = Html::parse_document(&fs::read_to_string(out.join("index.html")).expect("read"));
    let text: String = page.root_element().text().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("Mae'r siart a'r tabl yn dangos y 60 cyntaf o"),
        "no capped sentence"
    );
    assert!(
        text.contains("Mae'r siart a'r tabl yn dangos y 30 mwyaf a'r 30 lleiaf o'r"),
        "no capped sentence for the forest panels"
    );
}

#[test]
fn tidy_tables_are_the_same_in_every_language() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let tables = |lang: &str| -> BTreeMap<String, Vec<u8>> {
        tree(&report(tmp.path(), lang))
            .into_iter()
            // The CSVs; the workbook of the same tables carries the run's time (it is
            // byte-identical under SOURCE_DATE_EPOCH, and read back cell for cell elsewhere).
            .filter(|(p, _)| p.starts_with("data/") && p.ends_with(".csv"))
            .collect()
    };
    let en = tables("en");
    assert!(en.len() >= 7, "{:?}", en.keys());
    assert_eq!(tables("cy"), en, "cy");
    assert_eq!(tables("both"), en, "both");
}

#[test]
fn config_lang_is_used_and_the_command_line_wins() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let config = tmp.path().join("mwm.toml");
    fs::write(
        &config,
        "[report]\nlang = \"cy\"\ntitle = \"Our projects\"\ntitle_cy = \"Ein prosiectau\"\n",
    )
    .expect("write");
    let c = config.display().to_string();
    for (args, lang, title) in [
        (vec![], "cy", "Ein prosiectau"),
        (vec!["--lang", "en"], "en", "Our projects"),
    ] {
        let out = tmp.path().join(format!("out-{lang}"));
        let o = out.display().to_string();
        let mut all = vec!["report", "data", "-c", &c, "-o", &o, "-q"];
        all.extend(args);
        let (code, _, stderr) = run(&all);
        assert_eq!(code, 0, "{stderr}");
        let page = Html::parse_document(&fs::read_to_string(out.join("index.html")).expect("read"));
        assert_eq!(lang_of(&page), lang);
        let h1: String = page.select(&sel("h1")).next().expect("h1").text().collect();
        assert_eq!(h1, title);
        let manifest = fs::read_to_string(out.join("manifest.json")).expect("manifest");
        assert!(
            manifest.contains(&format!("\"lang\": \"{lang}\"")),
            "{manifest}"
        );
    }
}
