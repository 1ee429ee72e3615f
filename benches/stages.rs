//! Criterion benchmarks of each stage of `mwm report` on a small portfolio made with
//! `mwm demo-data` (20 projects of 40 people as CSV; 5 single-project workbooks): reading
//! CSV, reading xlsx, checking, the figures, one chart and one page (built and rendered).
//! The end-to-end wall time and memory of whole reports are in `benches/end_to_end.py`.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use mwm::charts::{bars, palette};
use mwm::config::{LoadedConfig, Quarters};
use mwm::demo::{DemoSettings, write};
use mwm::figures::{FigureSettings, Suppression};
use mwm::report::pages::{PageContext, project_page};
use mwm::report::render::Renderer;
use std::hint::black_box;
use std::path::PathBuf;

fn demo(dir: &tempfile::TempDir, name: &str, projects: u32, xlsx: bool) -> PathBuf {
    let path = dir.path().join(name);
    let settings = DemoSettings {
        projects,
        people: 40,
        seed: 1,
        xlsx,
    };
    write(&path, settings).expect("demo data");
    path
}

fn settings() -> FigureSettings {
    FigureSettings {
        suppression: Suppression { min_cell: 5 },
        quarters: Quarters::Financial,
        value: Default::default(),
    }
}

fn stages(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = demo(&dir, "csv", 20, false);
    let xlsx = demo(&dir, "xlsx", 5, true);
    let config = LoadedConfig::default();

    c.bench_function("read csv (20 projects, 6,400 scores)", |b| {
        b.iter(|| black_box(mwm::ingest::read(std::slice::from_ref(&csv), &config)))
    });
    c.bench_function("read xlsx (5 workbooks)", |b| {
        b.iter(|| black_box(mwm::ingest::read(std::slice::from_ref(&xlsx), &config)))
    });
    c.bench_function("check (20 projects)", |b| {
        b.iter_batched(
            || mwm::ingest::read(std::slice::from_ref(&csv), &config),
            |ingested| black_box(mwm::check::check(ingested, &config)),
            BatchSize::LargeInput,
        )
    });
    let checked = mwm::pipeline::read_and_check(
        std::slice::from_ref(&csv),
        &config,
        false,
        &mwm::pipeline::Quiet,
    );
    c.bench_function("figures (20 projects)", |b| {
        b.iter(|| {
            black_box(mwm::pipeline::figures_for(
                &checked,
                mwm::pipeline::Period::default(),
                settings(),
                &mwm::pipeline::Quiet,
            ))
        })
    });
    let quarters: Vec<bars::Bar> = (0..8)
        .map(|q| bars::Bar {
            label: format!("2024-25 Q{}", q % 4 + 1),
            value: f64::from(q * 7 + 3),
            text: format!("{}", q * 7 + 3),
            colour: palette::BLUE,
        })
        .collect();
    c.bench_function("one chart (8 columns)", |b| {
        b.iter(|| {
            black_box(bars::columns(
                "c",
                "Sessions per quarter",
                "Sessions rose.",
                &quarters,
            ))
        })
    });
    let current = mwm::pipeline::figures_for(
        &checked,
        mwm::pipeline::Period::default(),
        settings(),
        &mwm::pipeline::Quiet,
    )
    .expect("figures");
    let renderer = Renderer::new(None).expect("templates");
    let data = mwm::report::pages::Data {
        tables: current.tables(&checked),
        figures: &current.figures,
        checked: &checked,
        left_out: &current.left_out,
        from: None,
        to: None,
        period_label: None,
        comparison: None,
    };
    let ctx = PageContext::new(
        data,
        &config.config,
        renderer.css.clone(),
        19723, // 2024-01-01
        mwm::report::pages::Layout::single(mwm::model::Language::En),
    );
    c.bench_function("one page (project briefing, built and rendered)", |b| {
        b.iter(|| {
            let page = project_page(&ctx, 0);
            black_box(renderer.render_all(std::slice::from_ref(&page)))
        })
    });
}

criterion_group!(benches, stages);
criterion_main!(benches);
