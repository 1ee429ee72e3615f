//! Imports only forward (docs/architecture.md): each module of `src/` may name only the
//! modules below it in the data flow. The rules are the table in [`ALLOWED`]; this test reads
//! every source file, collects each `crate::<module>` it names outside its tests, and fails
//! on any module its table row does not list. A new module must be given a row.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each module and the modules it may import. Read from the bottom up: the leaves (`format`,
/// `schema`), the model and settings, the steps of the flow (read → check → figure → draw →
/// write), then the pipeline that runs them and the face (command line, commands, main).
const ALLOWED: &[(&str, &[&str])] = &[
    // Leaves: how numbers and dates are written; the tables and names of SPEC 2.4; large
    // tables worked on by every core.
    ("format", &[]),
    ("schema", &[]),
    ("room", &[]),
    // The bottom: the canonical tables, the settings, problems as data, fixed words.
    ("model", &["schema", "format"]),
    ("config", &["schema", "model"]),
    ("problems", &["schema", "model"]),
    ("i18n", &["model", "format"]),
    // The steps.
    (
        "ingest",
        &["schema", "model", "config", "problems", "format", "room"],
    ),
    (
        "check",
        &[
            "ingest", "schema", "model", "config", "problems", "format", "room",
        ],
    ),
    ("figures", &["schema", "model", "config", "format", "room"]),
    ("charts", &["format"]),
    (
        "report",
        &[
            "ingest", "check", "figures", "charts", "i18n", "schema", "model", "config",
            "problems", "format",
        ],
    ),
    // The pipeline runs read → check → figures; the face runs the pipeline and the report.
    (
        "pipeline",
        &[
            "ingest", "check", "figures", "schema", "model", "config", "problems", "format",
            "error",
        ],
    ),
    (
        "error",
        &["config", "figures", "report", "demo", "problems", "model"],
    ),
    ("demo", &["schema", "model", "format"]),
    ("template", &["schema", "model", "config"]),
    ("cli", &["model", "ingest", "report", "format"]),
    (
        "commands",
        &[
            "cli", "pipeline", "error", "report", "ingest", "check", "figures", "demo", "template",
            "config", "model", "problems", "format", "schema",
        ],
    ),
];

/// The module a `crate::` path names: its first segment; the `tr!` macro is i18n's.
fn module_of(segment: &str) -> &str {
    match segment {
        "tr" => "i18n",
        other => other,
    }
}

/// The first identifier of `text`.
fn ident(text: &str) -> String {
    text.trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// The modules a source file names, outside its `#[cfg(test)]` part and comments.
fn imports(source: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let code: String = source
        .split("#[cfg(test)]")
        .next()
        .unwrap_or_default()
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let mut add = |name: String| {
        if !name.is_empty() {
            found.insert(module_of(&name).to_string());
        }
    };
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            // `use crate::{a, b::{c, d}}`: the first name of every top-level item.
            let mut depth = 0;
            let mut item_start = true;
            for (i, ch) in group.char_indices() {
                match ch {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && !c.is_whitespace() => {
                        add(ident(&group[i..]));
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            add(ident(after));
        }
        rest = after;
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn imports_only_forward() {
    let src = crate::crate_dir().join("src");
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut wrong = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).expect("under src");
        let first = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or_default();
        let module = first.trim_end_matches(".rs");
        if module == "lib" || module == "main" {
            continue;
        }
        let Some(may) = allowed.get(module) else {
            wrong.push(format!(
                "{}: module `{module}` has no row in ALLOWED",
                rel.display()
            ));
            continue;
        };
        let source = std::fs::read_to_string(file).expect("source is readable");
        for import in imports(&source) {
            if import != module && !may.contains(&import.as_str()) {
                wrong.push(format!(
                    "{}: `{module}` imports `{import}`, against the flow",
                    rel.display()
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the flow:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_checker_sees_imports() {
    // The parser itself, on the forms imports take.
    let source = "use crate::model::Tables;\nuse crate::{\n    config,\n    figures::{Scope, Figures},\n    format,\n};\n// crate::report in a comment\nlet x = crate::tr!(t, \"a\");\n#[cfg(test)]\nmod tests { use crate::charts; }";
    let found: Vec<String> = imports(source).into_iter().collect();
    assert_eq!(found, ["config", "figures", "format", "i18n", "model"]);
}
