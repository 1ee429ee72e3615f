//! One pipeline, one error path (docs/architecture.md): a reader that closes standard output
//! early ends a command quietly with exit 0, and a figure hidden by disclosure control reaches
//! no page or chart as a number.

use crate::{crate_dir, run_in, spawn_in};
use std::io::Read;

/// Runs `mwm args` with standard output read for at most `keep` bytes and then closed, like
/// `mwm summary | head -c 10`: (exit code, stderr).
fn with_closed_stdout(args: &[&str], keep: usize) -> (i32, String) {
    let mut child = spawn_in(crate_dir(), args);
    let mut out = child.stdout.take().expect("stdout is piped");
    if keep > 0 {
        let mut first = vec![0u8; keep];
        let _ = out.read_exact(&mut first);
    }
    drop(out);
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr is piped")
        .read_to_string(&mut err)
        .expect("stderr is text");
    let status = child.wait().expect("mwm ends");
    (status.code().unwrap_or(-1), err)
}

#[test]
fn a_closed_stdout_ends_quietly() {
    // Closed before mwm writes (`| head -c 0`: the write always fails), and after the first
    // bytes (`| head -1`, `| head -c 10`), for every command that prints to stdout.
    for args in [
        &["summary"][..],
        &["summary", "--format", "csv"],
        &["check", "--format", "json"],
        &["check"],
        &["completions", "bash"],
    ] {
        for keep in [0, 10] {
            let (code, stderr) = with_closed_stdout(args, keep);
            assert_eq!(
                code,
                0,
                "`mwm {}` with stdout closed after {keep} bytes: exit {code}\n{stderr}",
                args.join(" ")
            );
            assert!(
                !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
                "`mwm {}` with stdout closed after {keep} bytes said:\n{stderr}",
                args.join(" ")
            );
        }
    }
}

/// A portfolio where one project's outcome row is hidden (3 paired people, fewer than 5) and
/// its numbers are unmistakable: every one scores 1 at baseline and 9 at follow-up on ONS life
/// satisfaction, so its means would read 1.00 and 9.00 and its change +8.0 (by hand). The
/// other project has 6 people who go from 5 to 6 (change +1.0).
fn hidden_project(dir: &std::path::Path) {
    let mut outcomes = String::from("project_id,person_id,measure,date,score\n");
    for p in 1..=3 {
        outcomes.push_str(&format!(
            "HIDE,h{p},ONS life satisfaction,2024-01-1{p},1\nHIDE,h{p},ONS life satisfaction,2024-06-1{p},9\n"
        ));
    }
    for p in 1..=6 {
        outcomes.push_str(&format!(
            "SHOW,s{p},ONS life satisfaction,2024-01-1{p},5\nSHOW,s{p},ONS life satisfaction,2024-06-1{p},6\n"
        ));
    }
    // MID's 5 people keep HIDE's 3 from being worked out as ALL minus SHOW: MID, the smaller
    // shown group, is hidden too (SPEC 4.8 rule 4), and SHOW stays shown.
    for p in 1..=5 {
        outcomes.push_str(&format!(
            "MID,m{p},ONS life satisfaction,2024-01-1{p},5\nMID,m{p},ONS life satisfaction,2024-06-1{p},5\n"
        ));
    }
    std::fs::write(dir.join("outcomes.csv"), outcomes).expect("write outcomes");
    std::fs::write(
        dir.join("projects.csv"),
        "project_id,name\nHIDE,Small circle\nMID,Middle group\nSHOW,Larger group\n",
    )
    .expect("write projects");
}

#[test]
fn a_hidden_figure_reaches_no_page_as_a_number() {
    let dir = tempfile::tempdir().expect("temp dir");
    hidden_project(dir.path());
    let out = dir.path().join("out");
    let (code, stdout, stderr) = run_in(
        dir.path(),
        &["report", ".", "-o", out.to_str().expect("utf-8 path"), "-q"],
    );
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let page = std::fs::read_to_string(out.join("projects/hide.html")).expect("HIDE's page");
    // The page after its stylesheet (whose `100%` widths are not figures).
    let page = page
        .split("</style>")
        .nth(1)
        .expect("a stylesheet, then the page");
    assert!(page.contains("fewer than 5"), "the page says why:\n{page}");
    // Its figures would be 1.00, 9.00, +8.0 / 8.00 and 100% improved: none is on the page,
    // in the text or in a chart.
    for number in ["9.00", "1.00", "+8.0", "8.00", "100%", ">9<", ">8<"] {
        assert!(
            !page.contains(number),
            "the hidden row's {number} is on the small project's page"
        );
    }
    // The shown project's page has its own figures (+1.0 on 6 people), so the check above is
    // not passing for want of any number.
    let shown = std::fs::read_to_string(out.join("projects/show.html")).expect("SHOW's page");
    assert!(
        shown.contains("+1.0"),
        "the shown project's change is on its page"
    );
    // In the tidy table the hidden row is empty but for its keys and `suppressed`.
    let table =
        std::fs::read_to_string(out.join("data/outcomes_summary.csv")).expect("outcomes table");
    let hide = table
        .lines()
        .find(|l| l.starts_with("HIDE,"))
        .expect("a HIDE row");
    assert_eq!(
        hide, "HIDE,ONS life satisfaction,,,,,,,,,,,,,,,,,,true,too_few,,",
        "{table}"
    );
}
