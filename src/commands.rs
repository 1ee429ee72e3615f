//! The commands of SPEC 6. Each runs the [`pipeline`] as far as it needs, then prints or
//! writes, and returns `Result<ExitCode, Error>`: `main` prints an error once, with its
//! causes. Printing happens here and in `main`, nowhere deeper; standard output closed by
//! its reader ends the command quietly.

use crate::cli::{
    CheckArgs, CheckFormat, Command, CompletionsArgs, DemoArgs, DemoFormat, InitArgs, ReportArgs,
    Shell, SummaryArgs, TemplateArgs,
};
use crate::error::{Error, Outcome, exit};
use crate::format::format_date;
use crate::pipeline::{self, Loaded, PeriodFigures, Periods, Progress, Quiet, Request};
use crate::problems::{self, Problem, Severity};
use crate::report::manifest::{self, Settings as ManifestSettings};
use crate::report::pages::{self, PageContext};
use crate::report::render::Renderer;
use crate::report::summary as summary_out;
use crate::report::tables as report_tables;
use crate::report::{self, OutFile};
use rayon::prelude::*;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Runs one command.
pub fn run(command: &Command) -> Outcome {
    match command {
        Command::Check(args) => check(args),
        Command::Report(args) => report(args),
        Command::Summary(args) => summary(args),
        Command::DemoData(args) => demo_data(args),
        Command::Template(args) => template(args),
        Command::Init(args) => init(args),
        Command::Completions(args) => completions(args),
    }
}

/// Writes `text` to standard output; a reader that closed it (`| head`) ends the command
/// quietly rather than with a panic.
fn print_out(text: &[u8]) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Error::StdoutClosed),
        // Nowhere left to say it: standard output is the command's only product.
        Err(_) => Err(Error::StdoutClosed),
    }
}

/// Says something on standard error; a closed standard error is not worth failing for.
pub fn say(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// A progress bar on stderr, only when stderr is a terminal and the run is not quiet; stage
/// timings on stderr when `MWM_TIMINGS` is set (where a run's time goes, for profiling).
struct Bar {
    bar: Option<indicatif::ProgressBar>,
    /// The end of the last step: its wall clock and the process's CPU seconds then.
    timings: Option<std::sync::Mutex<(std::time::Instant, f64)>>,
}

/// The CPU seconds (user and system, all threads) this process has used, from
/// `/proc/self/stat` (Linux; 0 elsewhere): the timings show how parallel each step is.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name, which is in parentheses and may hold spaces:
    // utime and stime are the 12th and 13th of them, in clock ticks of 1/100 s.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let ticks: f64 = after
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|t| t.parse::<f64>().ok())
        .sum();
    ticks / 100.0
}

impl Bar {
    fn new(quiet: bool, what: &str) -> Bar {
        use std::io::IsTerminal;
        let timings = std::env::var_os("MWM_TIMINGS")
            .map(|_| std::sync::Mutex::new((std::time::Instant::now(), cpu_seconds())));
        if quiet || !std::io::stderr().is_terminal() {
            return Bar { bar: None, timings };
        }
        let bar = indicatif::ProgressBar::new(0);
        let style = indicatif::ProgressStyle::with_template("{msg:8} {bar:40} {pos}/{len} files")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
        bar.set_style(style);
        bar.set_message(what.to_string());
        Bar {
            bar: Some(bar),
            timings,
        }
    }

    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }

    /// `count` more files to come.
    fn more_files(&self, count: u64) {
        if let Some(b) = &self.bar {
            b.inc_length(count);
        }
    }

    /// With `MWM_TIMINGS`, the time of a piece of work that ran beside others since `started`
    /// (it does not end a step).
    fn span(&self, name: &str, started: std::time::Instant) {
        if self.timings.is_some() {
            say(&format!(
                "  {name:<8} {:>8.1} ms (side by side)",
                started.elapsed().as_secs_f64() * 1000.0
            ));
        }
    }
}

impl Progress for Bar {
    fn files(&self, count: u64) {
        if let Some(b) = &self.bar {
            b.set_length(count);
        }
    }

    fn file_done(&self) {
        if let Some(b) = &self.bar {
            b.inc(1);
        }
    }

    fn step(&self, name: &str) {
        if name == "read" {
            self.finish();
        }
        if let Some(last) = &self.timings
            && let Ok(mut last) = last.lock()
        {
            let (now, cpu) = (std::time::Instant::now(), cpu_seconds());
            // The wall clock too, to line a stage up with a profiler's samples (perf -k realtime).
            let clock = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0.0, |d| d.as_secs_f64());
            say(&format!(
                "{name:<10} {:>8.1} ms  cpu {:>6.0} ms  until {clock:.6}",
                (now - last.0).as_secs_f64() * 1000.0,
                (cpu - last.1) * 1000.0
            ));
            *last = (now, cpu);
        }
    }
}

/// A config error as a problem of `mwm check`'s listing, so that both formats show it.
fn config_problem(e: &crate::config::ConfigError) -> Problem {
    Problem {
        row: e.line,
        value: e.key.clone(),
        ..Problem::file(Severity::Error, &e.file, e.message.clone())
    }
}

/// `mwm check`: every problem, in text or JSON; exit 1 when any is an error.
pub fn check(args: &CheckArgs) -> Outcome {
    let request = Request::new(&args.input.paths, args.input.config.as_deref(), args.strict);
    let (problems, tables) = match pipeline::load(&request, &Quiet) {
        Ok(mut loaded) => {
            // The warning about measures with few paired people needs the pairing, which the
            // figures step does; it is only possible when nothing stopped the run.
            if loaded.stop_on_errors().is_ok() {
                let settings = pipeline::figure_settings(&loaded.config, None);
                match pipeline::figures_for(
                    &loaded.checked,
                    pipeline::Period::default(),
                    settings,
                    &Quiet,
                ) {
                    Ok(current) => loaded.checked.problems.extend(current.warnings),
                    Err(e) => loaded.checked.problems.push(Problem::file(
                        Severity::Error,
                        "",
                        crate::format::error_chain(&e),
                    )),
                }
            }
            (loaded.checked.problems, loaded.checked.ledger)
        }
        Err(Error::Config(e)) => (vec![config_problem(&e)], Vec::new()),
        Err(e) => return Err(e),
    };
    let text = match args.format {
        CheckFormat::Json => problems::to_json(&problems, &tables) + "\n",
        CheckFormat::Text => problems::to_text(&problems, &tables),
    };
    print_out(text.as_bytes())?;
    Ok(ExitCode::from(
        if problems.iter().any(|p| p.severity == Severity::Error) {
            exit::INPUT
        } else {
            exit::OK
        },
    ))
}

/// Lists the problems that stopped a run on stderr: errors always, the rest unless quiet.
fn say_problems(loaded: &Loaded, quiet: bool) {
    for p in &loaded.checked.problems {
        if p.severity == Severity::Error || !quiet {
            say(&format!(
                "{:<8} {}",
                format!("{:?}", p.severity).to_lowercase(),
                p.line()
            ));
        }
    }
}

/// The pipeline up to the figures of one period, for `summary` and `report`: the warnings
/// that need the figures join the run's problems.
/// A comparison period's figures come with the run's, over the same checked inputs (SPEC
/// 4.11): one read and one check, the figures step twice.
fn figures_of(
    request: &Request,
    periods: &Periods,
    min_cell: Option<u32>,
    quiet: bool,
) -> Result<(Loaded, PeriodFigures, Option<PeriodFigures>), Error> {
    let bar = Bar::new(quiet, "Reading");
    let mut loaded = pipeline::load(request, &bar)?;
    bar.finish();
    if let Err(e) = loaded.stop_on_errors() {
        say_problems(&loaded, quiet);
        return Err(e);
    }
    let settings = pipeline::figure_settings(&loaded.config, min_cell);
    let mut current = pipeline::figures_for(
        &loaded.checked,
        periods.current.clone(),
        settings.clone(),
        &bar,
    )?;
    let comparison = match &periods.comparison {
        Some(p) => Some(pipeline::figures_for(
            &loaded.checked,
            p.clone(),
            settings,
            &bar,
        )?),
        None => None,
    };
    loaded.checked.problems.append(&mut current.warnings);
    Ok((loaded, current, comparison))
}

/// The periods the flags of `report` and `summary` ask for.
fn periods_of(p: &crate::cli::PeriodArgs) -> Result<Periods, Error> {
    Periods::from_flags(
        p.from,
        p.to,
        p.year.as_deref(),
        (p.compare_year.as_deref(), p.compare_from, p.compare_to),
    )
}

/// A period's tidy tables as CSV files under `folder` (`data`, `data/compare`), and with
/// `workbook` also as one workbook, `tables.xlsx` (SPEC 5.3).
fn table_files(
    tables: &crate::model::Tables,
    figures: &crate::figures::Figures,
    checked: &crate::check::Checked,
    folder: &Path,
    workbook: bool,
) -> Result<Vec<OutFile>, Error> {
    let tidy = report_tables::all(tables, figures, checked);
    let mut files: Vec<OutFile> = tidy
        .par_iter()
        .map(|table| {
            table.to_csv().map(|bytes| OutFile {
                path: folder.join(table.name),
                bytes,
            })
        })
        .collect::<Result<_, _>>()?;
    if workbook {
        files.push(OutFile {
            path: folder.join("tables.xlsx"),
            bytes: crate::report::workbook::tables_xlsx(&tidy, manifest::run_seconds())?,
        });
    }
    Ok(files)
}

/// `mwm report`: the tidy tables, the pages and the manifest, written as one folder.
pub fn report(args: &ReportArgs) -> Outcome {
    let started = std::time::Instant::now();
    let periods = periods_of(&args.period)?;
    let period = periods.current.clone();
    let request = Request::new(&args.input.paths, args.input.config.as_deref(), args.strict);
    let (loaded, current, comparison) = figures_of(&request, &periods, args.min_cell, args.quiet)?;
    let timings = Bar::new(true, "");
    let config = &loaded.config;
    let checked = &loaded.checked;
    let tables = current.tables(checked);
    let figures = &current.figures;
    let languages = args.lang.unwrap_or(config.config.report.lang);
    let generated_at = manifest::run_time();
    let today = crate::ingest::value::parse_date_text(generated_at.get(..10).unwrap_or_default())
        .unwrap_or_default();
    // Never written over: the paths given, every file actually read (a folder found by the
    // walk holds inputs too, whatever --force says) and the config file. Checked before any
    // page is made, and each page is written as soon as it is rendered.
    let inputs: Vec<PathBuf> = request
        .paths
        .iter()
        .cloned()
        .chain(checked.inputs.iter().map(|i| PathBuf::from(&i.file)))
        .chain(config.path.iter().cloned())
        .collect();
    let staging = report::Staging::begin(&args.output, &inputs, args.force)?;
    let bar = Bar::new(args.quiet, "Writing");
    // The tidy tables (the workbook is mostly one thread's work) are made and written side by
    // side with the pages, which keep both cores busy.
    let (csv_tables, pages) = rayon::join(
        || {
            let started = std::time::Instant::now();
            let mut files = table_files(tables, figures, checked, Path::new("data"), true)?;
            // The comparison period's tables, as a run restricted to it writes them (SPEC 5.3).
            if let Some(c) = &comparison {
                files.extend(table_files(
                    c.tables(checked),
                    &c.figures,
                    checked,
                    &Path::new("data").join("compare"),
                    false,
                )?);
            }
            bar.more_files(files.len() as u64);
            files.par_iter().try_for_each(|file| {
                staging.write(&file.path, &file.bytes)?;
                bar.file_done();
                Ok::<_, Error>(())
            })?;
            timings.span("tables", started);
            let csv = files
                .iter()
                .filter(|f| f.path.extension().is_some_and(|e| e == "csv"))
                .count();
            Ok::<_, Error>(csv)
        },
        || -> Result<usize, Error> {
            let started = std::time::Instant::now();
            let renderer = Renderer::new(args.templates.as_deref())?;
            // Welsh first when both are asked for (SPEC 5.2): Welsh pages at the top of the
            // folder, English ones in `en/`, each linked to its pair.
            let mut pages = 0;
            for layout in pages::Layout::for_lang(languages) {
                let data = pages::Data {
                    tables,
                    figures,
                    checked,
                    left_out: &current.left_out,
                    from: period.from,
                    to: period.to,
                    period_label: period.year.clone(),
                    comparison: comparison.as_ref().map(|c| pages::Comparison {
                        label: c.period.label(),
                        tables: c.tables(checked),
                        figures: &c.figures,
                    }),
                };
                let context =
                    PageContext::new(data, &config.config, renderer.css.clone(), today, layout);
                bar.more_files(pages::count(&context) as u64);
                // Each page rendered and written as soon as it is built: a national portfolio
                // has a thousand pages, and neither their views nor their HTML are all held.
                for written in pages::all(&context, |page| -> Result<(), Error> {
                    let (path, html) = renderer.render(&page)?;
                    staging.write(Path::new(&path), &html)?;
                    bar.file_done();
                    Ok(())
                }) {
                    written?;
                    pages += 1;
                }
            }
            timings.span("views-render", started);
            Ok(pages)
        },
    );
    timings.step("pages");
    let (csv_tables, pages) = (csv_tables?, pages?);
    let manifest_settings = ManifestSettings {
        min_cell: current.figures.suppression.min_cell,
        lang: languages,
        quarters: config.config.report.quarters,
        from: period.from.map(format_date),
        to: period.to.map(format_date),
        compare_from: comparison
            .as_ref()
            .and_then(|c| c.period.from)
            .map(format_date),
        compare_to: comparison
            .as_ref()
            .and_then(|c| c.period.to)
            .map(format_date),
        config_file: config.path.as_ref().map(|p| p.display().to_string()),
    };
    let manifest = manifest::manifest_json(
        checked,
        figures,
        &current.left_out,
        &manifest_settings,
        &config.config,
        generated_at,
        comparison.as_ref().map(|c| manifest::ComparisonFigures {
            figures: &c.figures,
            left_out: &c.left_out,
        }),
    );
    bar.more_files(1);
    staging.write(Path::new("manifest.json"), manifest.as_bytes())?;
    bar.file_done();
    staging.finish()?;
    bar.finish();
    timings.step("write");
    if !args.quiet {
        let excluded = checked.ledger.iter().map(|t| t.excluded).sum::<u64>();
        let warnings = checked
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
            .count();
        say(&format!(
            "Wrote {pages} pages and {csv_tables} tables to {} in {:.1} s: open {}. {excluded} rows were left out (listed in {}); {warnings} warnings (mwm check shows them).",
            args.output.display(),
            started.elapsed().as_secs_f64(),
            args.output.join("index.html").display(),
            args.output.join("data").join("excluded_rows.csv").display(),
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// `mwm summary`: the headline tables on standard output.
pub fn summary(args: &SummaryArgs) -> Outcome {
    let periods = periods_of(&args.period)?;
    let request = Request::new(&args.input.paths, args.input.config.as_deref(), false);
    let (loaded, current, comparison) = figures_of(&request, &periods, None, true)?;
    let mut text = summary_out::render(
        current.tables(&loaded.checked),
        &current.figures,
        &loaded.checked,
        args.format,
    );
    // Both periods (SPEC 6): the comparison period's summary after the reporting period's.
    if let Some(c) = &comparison {
        let other = summary_out::render(
            c.tables(&loaded.checked),
            &c.figures,
            &loaded.checked,
            args.format,
        );
        text = summary_out::both(
            args.format,
            (&current.period.label(), text),
            (&c.period.label(), other),
        );
    }
    print_out(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// `mwm demo-data`.
pub fn demo_data(args: &DemoArgs) -> Outcome {
    let settings = crate::demo::DemoSettings {
        projects: args.projects,
        people: args.people,
        seed: args.seed,
        xlsx: args.format == DemoFormat::Xlsx,
    };
    let files = crate::demo::write(&args.output, settings)?;
    say(&format!(
        "Wrote {} files of demo data to {}.",
        files.len(),
        args.output.display()
    ));
    Ok(ExitCode::SUCCESS)
}

/// Writes `bytes` to a new file; an existing file is never replaced.
fn write_new(path: &Path, bytes: &[u8], what: &str) -> Outcome {
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path);
    match file.and_then(|mut f| f.write_all(bytes)) {
        Ok(()) => {
            say(&format!("Wrote {what} to {}.", path.display()));
            Ok(ExitCode::SUCCESS)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(Error::Exists(path.to_path_buf()))
        }
        Err(source) => Err(Error::WriteFile {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// `mwm template`.
pub fn template(args: &TemplateArgs) -> Outcome {
    let bytes = crate::template::workbook()?.save_to_buffer()?;
    write_new(&args.output, &bytes, "a blank input workbook")
}

/// `mwm init`.
pub fn init(args: &InitArgs) -> Outcome {
    write_new(
        &args.output,
        crate::config::INIT_TOML.as_bytes(),
        "the settings with their defaults",
    )
}

/// `mwm completions`.
pub fn completions(args: &CompletionsArgs) -> Outcome {
    use clap::CommandFactory;
    use clap_complete::{Shell as S, generate};
    let shell = match args.shell {
        Shell::Bash => S::Bash,
        Shell::Zsh => S::Zsh,
        Shell::Fish => S::Fish,
    };
    let mut script = Vec::new();
    generate(shell, &mut crate::cli::Cli::command(), "mwm", &mut script);
    print_out(&script)?;
    Ok(ExitCode::SUCCESS)
}
