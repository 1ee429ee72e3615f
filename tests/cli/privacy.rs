//! Stories told without consent stay private (SPEC 4.4, issue 14): no cell of such a row but
//! its project id appears in any page, table, manifest or message of `mwm check` (text and
//! JSON), even where the cell holds something wrong and becomes the value of a problem.

use crate::{run_in, tree};

/// Every file under `dir` (relative path), as text.
fn all_text(dir: &Path) -> Vec<(String, String)> {
    tree(dir)
        .into_iter()
        .map(|(p, b)| (p, String::from_utf8_lossy(&b).into_owned()))
        .collect()
}
use std::fs;
use std::path::Path;

#[test]
fn no_cell_of_an_unconsented_story_appears_anywhere() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in");
    fs::create_dir(&input).expect("mkdir");
    fs::write(input.join("projects.csv"), "project_id,name\nP1,One\n").expect("write");
    // Row 2 has consent and no marker; rows 3 and 4 have none (no, and free text in the
    // consent cell), with the marker QZX in every other cell, several of them wrong so that
    // they become problems: a date that does not exist, an unknown principle, spectrum term,
    // achieved, teller and language, and a story_id used twice.
    fs::write(
        input.join("stories.csv"),
        "project_id,story_id,date,title,text,what_matters,achieved,principles,spectrum,consent,teller,language\n\
         P1,S1,2024-05-01,Fine,I was heard,Being heard,yes,relationships,participation,yes,citizen,en\n\
         P1,QZX-1,31/02/2024,QZX title,QZX secret text,QZX matters,QZX-a,QZX kindness,QZX-s,no,QZX-t,QZX-l\n\
         P1,QZX-1,2024-06-01,QZX title 2,QZX second secret,QZX w,partly,assets,information,QZX maybe,carer,cy\n",
    )
    .expect("write");
    for format in ["text", "json"] {
        let (_, out, err) = run_in(dir.path(), &["check", "in", "--format", format]);
        assert!(
            !out.contains("QZX") && !err.contains("QZX"),
            "`mwm check --format {format}` shows a cell of an unconsented story:\n{out}{err}"
        );
        assert!(out.contains("[withheld: no consent]"), "{out}");
    }
    let (code, out, err) = run_in(
        dir.path(),
        &["report", "in", "-o", "out", "--lang", "both", "-q"],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(!out.contains("QZX") && !err.contains("QZX"), "{out}{err}");
    let files = all_text(&dir.path().join("out"));
    assert!(files.len() > 5, "the report was written");
    for (path, text) in files {
        assert!(
            !text.contains("QZX"),
            "{path} shows a cell of an unconsented story"
        );
    }
    // The consented story is shown: the test is not passing for want of any story.
    let page = fs::read_to_string(dir.path().join("out/en/projects/p1.html")).expect("page");
    assert!(page.contains("I was heard"));
}

/// The names listed to be removed from quotes are personal data too: no file of the report
/// folder holds them (the manifest records only how many there are), and the consented story
/// that named one is quoted with `[removed]`.
#[test]
fn names_to_remove_appear_nowhere_in_the_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in");
    fs::create_dir(&input).expect("mkdir");
    fs::write(
        input.join("mwm.toml"),
        "[privacy]\nnames = [\"Gwenllian Prydderch\", \"Iolo Zabulon\"]\n",
    )
    .expect("write");
    fs::write(input.join("projects.csv"), "project_id,name\nP1,One\n").expect("write");
    fs::write(
        input.join("stories.csv"),
        "project_id,story_id,date,text,what_matters,achieved,consent\n\
         P1,S1,2024-05-01,Gwenllian Prydderch helped me find my feet,Being heard,yes,yes\n",
    )
    .expect("write");
    let (code, out, err) = run_in(
        dir.path(),
        &["report", "in", "-o", "out", "--lang", "both", "-q"],
    );
    assert_eq!(code, 0, "{out}{err}");
    for (path, text) in all_text(&dir.path().join("out")) {
        for name in ["Gwenllian", "Prydderch", "Zabulon"] {
            assert!(!text.contains(name), "{path} holds the name {name}");
        }
    }
    let manifest = fs::read_to_string(dir.path().join("out/manifest.json")).expect("manifest");
    assert!(manifest.contains("\"names_count\": 2"), "{manifest}");
    let page = fs::read_to_string(dir.path().join("out/en/projects/p1.html")).expect("page");
    assert!(
        page.contains("[removed] helped me find my feet"),
        "the story is not quoted"
    );
}
