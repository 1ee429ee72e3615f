//! The commands: each loads the config, runs the steps it needs and says what the exit code
//! is. Printing happens here and in `main`, nowhere deeper.

use crate::check::{self, Checked};
use crate::cli::{
    CheckArgs, CheckFormat, CompletionsArgs, DemoArgs, DemoFormat, InitArgs, LangArg, ReportArgs,
    Shell, SummaryArgs, TemplateArgs,
};
use crate::config::{ConfigError, Lang, LoadedConfig};
use crate::figures::{self, FigureSettings, Figures, Suppression};
use crate::ingest::{self, value::format_date};
use crate::problems::{self, Problem, Severity};
use crate::report::manifest::{self, Settings as ManifestSettings};
use crate::report::pages::{self, PageContext};
use crate::report::render::Renderer;
use crate::report::summary as summary_out;
use crate::report::tables as report_tables;
use crate::report::{self, OutFile};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Exit codes of SPEC 6.
pub mod exit {
    pub const OK: u8 = 0;
    pub const INPUT: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const OUTPUT: u8 = 3;
}

/// The input paths, `data/` when none are given.
pub fn input_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("data")]
    } else {
        paths.to_vec()
    }
}

/// `--config FILE`, else `mwm.toml` in the first input folder, else the defaults.
pub fn load_config(
    explicit: Option<&Path>,
    paths: &[PathBuf],
) -> Result<LoadedConfig, ConfigError> {
    if let Some(file) = explicit {
        return LoadedConfig::load(file);
    }
    if let Some(first) = paths.first().filter(|p| p.is_dir()) {
        let candidate = first.join("mwm.toml");
        if candidate.is_file() {
            return LoadedConfig::load(&candidate);
        }
    }
    Ok(LoadedConfig::default())
}

/// A progress bar on stderr, only when stderr is a terminal and the run is not quiet.
fn progress(quiet: bool, what: &str) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(0);
    let style = indicatif::ProgressStyle::with_template("{msg:8} {bar:40} {pos}/{len} files")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message(what.to_string());
    Some(bar)
}

/// Stage timings on stderr when `MWM_TIMINGS` is set: where a run's time goes, for profiling.
pub struct Stages {
    on: bool,
    last: std::time::Instant,
}

impl Stages {
    pub fn new() -> Stages {
        Stages {
            on: std::env::var_os("MWM_TIMINGS").is_some(),
            last: std::time::Instant::now(),
        }
    }

    /// Reports the time since the previous lap under `name`.
    pub fn lap(&mut self, name: &str) {
        if self.on {
            let now = std::time::Instant::now();
            eprintln!(
                "{name:<10} {:>8.1} ms",
                (now - self.last).as_secs_f64() * 1000.0
            );
            self.last = now;
        }
    }
}

impl Default for Stages {
    fn default() -> Self {
        Stages::new()
    }
}

/// The config, or `None` after saying on stderr what is wrong with it.
fn config_or_say(explicit: Option<&Path>, paths: &[PathBuf]) -> Option<LoadedConfig> {
    load_config(explicit, paths)
        .map_err(|e| eprintln!("error: {e}"))
        .ok()
}

/// Reads and checks the inputs: the shared first half of every command that reads data.
pub fn read_and_check(paths: &[PathBuf], config: &LoadedConfig, strict: bool) -> Checked {
    let ingested = ingest::read(paths, config);
    let mut checked = check::check(ingested, config);
    if strict {
        checked.make_strict();
    }
    checked
}

/// `mwm check`.
pub fn check(args: &CheckArgs) -> u8 {
    let paths = input_paths(&args.input.paths);
    let (problems, tables) = match load_config(args.input.config.as_deref(), &paths) {
        Ok(config) => {
            let mut checked = read_and_check(&paths, &config, args.strict);
            // The warning about measures with few paired people needs the pairing, which the
            // figures step does; it is only possible when nothing stopped the run.
            if !checked.has_errors() {
                let settings = FigureSettings {
                    suppression: Suppression {
                        min_cell: config.config.report.min_cell,
                    },
                    quarters: config.config.report.quarters,
                };
                match figures::compute(&checked.tables, settings) {
                    Ok(f) => {
                        let warnings =
                            check::indicative_warnings(&checked.tables, &f.paired_by_measure);
                        checked.problems.extend(warnings);
                    }
                    Err(e) => checked.problems.push(Problem::file(
                        Severity::Error,
                        "",
                        crate::error_chain(&e),
                    )),
                }
            }
            (checked.problems, checked.ledger)
        }
        Err(e) => (vec![config_problem(&e)], Vec::new()),
    };
    let text = match args.format {
        CheckFormat::Json => problems::to_json(&problems, &tables) + "\n",
        CheckFormat::Text => problems::to_text(&problems, &tables),
    };
    print!("{text}");
    if problems.iter().any(|p| p.severity == Severity::Error) {
        exit::INPUT
    } else {
        exit::OK
    }
}

fn config_problem(e: &ConfigError) -> Problem {
    Problem {
        row: e.line,
        value: e.key.clone(),
        ..Problem::file(Severity::Error, &e.file, e.message.clone())
    }
}

/// Prints the problems that matter to a report run: errors always, the rest unless quiet.
fn print_problems(checked: &Checked, quiet: bool) {
    for p in &checked.problems {
        if p.severity == Severity::Error || !quiet {
            eprintln!(
                "{:<8} {}",
                format!("{:?}", p.severity).to_lowercase(),
                p.line()
            );
        }
    }
}

/// Reads, checks, restricts to the period and computes the figures.
fn figures_of(
    paths: &[PathBuf],
    config: &LoadedConfig,
    settings: &Settings,
    strict: bool,
    quiet: bool,
    stages: &mut Stages,
) -> Result<(Checked, Figures), u8> {
    let bar = progress(quiet, "Reading");
    let ingested = ingest::read_with_progress(
        paths,
        config,
        &|n| {
            if let Some(b) = &bar {
                b.set_length(n)
            }
        },
        &|| {
            if let Some(b) = &bar {
                b.inc(1)
            }
        },
    );
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    stages.lap("read");
    let mut checked = check::check(ingested, config);
    if strict {
        checked.make_strict();
    }
    stages.lap("check");
    if checked.has_errors() {
        print_problems(&checked, quiet);
        eprintln!("error: the inputs have errors (listed above): nothing was written");
        return Err(exit::INPUT);
    }
    checked.left_out = check::restrict(&mut checked.tables, settings.from, settings.to);
    let figure_settings = FigureSettings {
        suppression: Suppression {
            min_cell: settings.min_cell,
        },
        quarters: config.config.report.quarters,
    };
    let computed = figures::compute(&checked.tables, figure_settings);
    stages.lap("figures");
    match computed {
        Ok(f) => {
            let warnings = check::indicative_warnings(&checked.tables, &f.paired_by_measure);
            checked.problems.extend(warnings);
            Ok((checked, f))
        }
        Err(e) => {
            eprintln!("error: {}", crate::error_chain(&e));
            Err(exit::INPUT)
        }
    }
}

/// The settings of a run: command line over config over defaults.
struct Settings {
    min_cell: u32,
    lang: Lang,
    from: Option<i32>,
    to: Option<i32>,
}

impl Settings {
    fn for_manifest(&self, config: &LoadedConfig) -> ManifestSettings {
        ManifestSettings {
            min_cell: self.min_cell,
            lang: self.lang,
            quarters: config.config.report.quarters,
            from: self.from.map(format_date),
            to: self.to.map(format_date),
            config_file: config.path.as_ref().map(|p| p.display().to_string()),
        }
    }
}

/// `mwm report`.
pub fn report(args: &ReportArgs) -> u8 {
    let started = std::time::Instant::now();
    let mut stages = Stages::new();
    let paths = input_paths(&args.input.paths);
    let Some(config) = config_or_say(args.input.config.as_deref(), &paths) else {
        return exit::INPUT;
    };
    let settings = Settings {
        min_cell: args.min_cell.unwrap_or(config.config.report.min_cell),
        lang: match args.lang {
            Some(LangArg::En) => Lang::En,
            Some(LangArg::Cy) => Lang::Cy,
            Some(LangArg::Both) => Lang::Both,
            None => config.config.report.lang,
        },
        from: args.period.from,
        to: args.period.to,
    };
    let (checked, figures) = match figures_of(
        &paths,
        &config,
        &settings,
        args.strict,
        args.quiet,
        &mut stages,
    ) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let written: Result<Vec<OutFile>, String> =
        report_tables::all(&checked.tables, &figures, &checked)
            .par_iter()
            .map(|table| {
                table
                    .to_csv()
                    .map(|bytes| OutFile {
                        path: Path::new("data").join(table.name),
                        bytes,
                    })
                    .map_err(|e| format!("cannot write {}: {e}", table.name))
            })
            .collect();
    let mut files = match written {
        Ok(files) => files,
        Err(e) => {
            eprintln!("error: {e}");
            return exit::OUTPUT;
        }
    };
    stages.lap("tables");
    let renderer = match Renderer::new(args.templates.as_deref()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return exit::INPUT;
        }
    };
    let generated_at = manifest::run_time();
    let today = crate::ingest::value::parse_date_text(generated_at.get(..10).unwrap_or_default())
        .unwrap_or_default();
    // Welsh first when both are asked for (SPEC 5.2): Welsh pages at the top of the folder,
    // English ones in `en/`, each linked to its pair.
    let mut page_views = Vec::new();
    for layout in pages::Layout::for_lang(settings.lang) {
        let context = PageContext::new(
            &checked.tables,
            &figures,
            &checked,
            &config.config,
            renderer.css.clone(),
            today,
            layout,
        );
        page_views.extend(pages::all(&context));
    }
    stages.lap("views");
    let rendered = renderer.render_all(&page_views);
    stages.lap("render");
    match rendered {
        Ok(rendered) => files.extend(rendered.into_iter().map(|(path, html)| OutFile {
            path: PathBuf::from(path),
            bytes: html.into_bytes(),
        })),
        Err(e) => {
            eprintln!("error: {e}");
            return exit::INPUT;
        }
    }
    let manifest = manifest::manifest_json(
        &checked,
        &figures,
        &settings.for_manifest(&config),
        &config.config,
        generated_at,
    );
    files.push(OutFile {
        path: PathBuf::from("manifest.json"),
        bytes: manifest.into_bytes(),
    });
    let bar = progress(args.quiet, "Writing");
    if let Some(b) = &bar {
        b.set_length(files.len() as u64);
    }
    let written =
        report::write_folder_with_progress(&args.output, &files, &paths, args.force, &|| {
            if let Some(b) = &bar {
                b.inc(1)
            }
        });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if let Err(e) = written {
        eprintln!("error: {}", crate::error_chain(&e));
        return exit::OUTPUT;
    }
    stages.lap("write");
    if !args.quiet {
        let excluded = checked.ledger.iter().map(|t| t.excluded).sum::<u64>();
        let warnings = checked
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
            .count();
        let pages = files
            .iter()
            .filter(|f| f.path.extension().is_some_and(|e| e == "html"))
            .count();
        eprintln!(
            "Wrote {pages} pages and {} tables to {} in {:.1} s: open {}. {excluded} rows were left out (listed in {}); {warnings} warnings (mwm check shows them).",
            files.len() - pages - 1,
            args.output.display(),
            started.elapsed().as_secs_f64(),
            args.output.join("index.html").display(),
            args.output.join("data").join("excluded_rows.csv").display(),
        );
    }
    exit::OK
}

/// `mwm summary`.
pub fn summary(args: &SummaryArgs) -> u8 {
    let paths = input_paths(&args.input.paths);
    let Some(config) = config_or_say(args.input.config.as_deref(), &paths) else {
        return exit::INPUT;
    };
    let settings = Settings {
        min_cell: config.config.report.min_cell,
        lang: config.config.report.lang,
        from: args.period.from,
        to: args.period.to,
    };
    let (checked, figures) =
        match figures_of(&paths, &config, &settings, false, true, &mut Stages::new()) {
            Ok(x) => x,
            Err(code) => return code,
        };
    print!(
        "{}",
        summary_out::render(&checked.tables, &figures, &checked, args.format)
    );
    exit::OK
}

/// `mwm demo-data`.
pub fn demo_data(args: &DemoArgs) -> u8 {
    let settings = crate::demo::DemoSettings {
        projects: args.projects,
        people: args.people,
        seed: args.seed,
        xlsx: args.format == DemoFormat::Xlsx,
    };
    match crate::demo::write(&args.output, settings) {
        Ok(files) => {
            eprintln!(
                "Wrote {} files of demo data to {}.",
                files.len(),
                args.output.display()
            );
            exit::OK
        }
        Err(e) => {
            eprintln!("error: {}", crate::error_chain(&e));
            exit::OUTPUT
        }
    }
}

/// Writes `bytes` to a new file; an existing file is never replaced.
fn write_new(path: &Path, bytes: &[u8], what: &str) -> u8 {
    use std::io::Write as _;
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path);
    match file.and_then(|mut f| f.write_all(bytes)) {
        Ok(()) => {
            eprintln!("Wrote {what} to {}.", path.display());
            exit::OK
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "error: {} already exists: choose another name with -o, or move it away first",
                path.display()
            );
            exit::OUTPUT
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", path.display());
            exit::OUTPUT
        }
    }
}

/// `mwm template`.
pub fn template(args: &TemplateArgs) -> u8 {
    match crate::template::workbook().and_then(|mut book| book.save_to_buffer()) {
        Ok(bytes) => write_new(&args.output, &bytes, "a blank input workbook"),
        Err(e) => {
            eprintln!("error: cannot make the workbook: {e}");
            exit::OUTPUT
        }
    }
}

/// `mwm init`.
pub fn init(args: &InitArgs) -> u8 {
    write_new(
        &args.output,
        crate::config::INIT_TOML.as_bytes(),
        "the settings with their defaults",
    )
}

/// `mwm completions`.
pub fn completions(args: &CompletionsArgs) -> u8 {
    use clap::CommandFactory;
    use clap_complete::{Shell as S, generate};
    let shell = match args.shell {
        Shell::Bash => S::Bash,
        Shell::Zsh => S::Zsh,
        Shell::Fish => S::Fish,
    };
    generate(
        shell,
        &mut crate::cli::Cli::command(),
        "mwm",
        &mut std::io::stdout(),
    );
    exit::OK
}
