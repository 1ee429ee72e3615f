//! Welsh and English pages (SPEC 5.2): every page renders in every language, Welsh pages say
//! `lang="cy"` and hold no English fixed text, `both` writes Welsh pages at the top and English
//! ones in `en/` linked to each other, and the tidy tables are the same whatever the language.
//! The shipped sample `data/` is used: it has Welsh project names (`name_cy`), Welsh sheet names
//! and stories told in both languages.

use crate::run;
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

/// Every file under `dir`, as paths relative to it with `/`, and its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).expect("inside").to_string_lossy();
                out.insert(rel.replace('\\', "/"), fs::read(&path).expect("read"));
            }
        }
    }
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
    let en = files(&report(tmp.path(), "en"));
    let cy = files(&report(tmp.path(), "cy"));
    let both = files(&report(tmp.path(), "both"));
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
    let all = files(&out);
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
    // The figures are the same on both pages of a pair: every number in the portfolio's
    // tables, cell by cell.
    let numbers = |p: &str| -> Vec<String> {
        let page = Html::parse_document(&String::from_utf8_lossy(&all[p]));
        page.select(&sel("td.num"))
            .map(|td| td.text().collect::<String>())
            .collect()
    };
    for p in ["index.html", "projects/abw-food.html"] {
        let (cy, en) = (numbers(p), numbers(&format!("en/{p}")));
        assert!(!cy.is_empty(), "{p}");
        // Numbers with words ("fewer than 5") differ in words only; compare the digits.
        let digits = |v: &[String]| -> Vec<String> {
            v.iter()
                .map(|s| {
                    s.chars()
                        .filter(|c| c.is_ascii_digit() || *c == '.')
                        .collect()
                })
                .collect()
        };
        assert_eq!(digits(&cy), digits(&en), "{p}");
    }
}

#[test]
fn welsh_pages_hold_no_english_fixed_text() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let cy = files(&report(tmp.path(), "cy"));
    // English fixed text: every literal piece of en.ftl with a word of 4 letters or more,
    // unless the Welsh file has the same piece (a proper name such as "SWEMWBS").
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
    let mut leaks = Vec::new();
    for (path, page) in pages(&cy) {
        let body = page.select(&sel("body")).next().expect("body");
        let mut text = String::new();
        text_in(body, "cy", &mut text);
        let mut text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        // Names the services gave in English only (no Welsh column exists for them): output
        // measures of data/.
        for user_text in ["People helped", "People attending"] {
            text = text.replace(user_text, "");
        }
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
    assert!(
        leaks.is_empty(),
        "English on Welsh pages:\n{}",
        leaks.join("\n")
    );
}

#[test]
fn tidy_tables_are_the_same_in_every_language() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let tables = |lang: &str| -> BTreeMap<String, Vec<u8>> {
        files(&report(tmp.path(), lang))
            .into_iter()
            .filter(|(p, _)| p.starts_with("data/"))
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
