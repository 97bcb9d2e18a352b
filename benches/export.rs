//! Where the time of a DOCX export goes, stage by stage, on the synthetic workspace of
//! 200 clusters / 20,000 arguments (issue 15 item 9: DOCX ≤ 0.02 × pandoc), and the
//! filled fixture in every format (≤ 0.3 s).
//!
//! `cargo bench --bench export` (all), or add a filter: `-- docx_stages`.
//! Figures and targets: docs/PERFORMANCE.md.

// A benchmark whose set-up fails has nothing to measure: stopping loudly is right.
#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use clusterwerkbank::export::docx::stages;
use clusterwerkbank::export::{ExportOptions, Format, build_document, render};
use clusterwerkbank::store;
use clusterwerkbank::synth::synthetic_workspace;

fn docx_stages(c: &mut Criterion) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let file = folder.path().join("synth.ron");
    let workspace = synthetic_workspace(200, 20_000, 1);
    store::save(&file, &workspace).expect("the benchmark file is written");
    let options = ExportOptions::default();
    let doc = build_document(&workspace, &options);
    let package = stages::package(&doc);
    let pictures = stages::pictures(&doc).expect("the charts draw");
    let xml = stages::document_xml(&doc, &package).expect("the body is written");

    let mut group = c.benchmark_group("docx_stages_synth_200_20000");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    group.bench_function("load_validate", |b| {
        b.iter(|| black_box(store::load(&file).expect("the file loads")))
    });
    group.bench_function("build_document", |b| {
        b.iter(|| black_box(build_document(&workspace, &options)))
    });
    // One after the other here; the export draws them side by side while it writes
    // the text parts (whole_export).
    group.bench_function("charts_png", |b| {
        b.iter(|| black_box(stages::pictures(&doc).expect("the charts draw")))
    });
    group.bench_function("document_xml", |b| {
        b.iter(|| black_box(stages::document_xml(&doc, &package).expect("the body")))
    });
    group.bench_function("zip", |b| {
        b.iter(|| {
            black_box(stages::zip(&doc, &package, xml.clone(), pictures.clone()).expect("the zip"))
        })
    });
    group.bench_function("whole_export", |b| {
        b.iter(|| {
            let ws = store::load(&file).expect("the file loads");
            let doc = build_document(&ws, &options);
            black_box(render(&doc, Format::Docx).expect("the docx"))
        })
    });
    group.finish();
}

fn filled_every_format(c: &mut Criterion) {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/filled.ron");
    let options = ExportOptions::default();
    let mut group = c.benchmark_group("filled_every_format");
    group.sample_size(10);
    group.bench_function("load_build_render_all", |b| {
        b.iter(|| {
            let ws = store::load(&file).expect("the fixture loads");
            let doc = build_document(&ws, &options);
            for format in Format::DOCUMENTS {
                black_box(render(&doc, format).expect("every format renders"));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, docx_stages, filled_every_format);
criterion_main!(benches);
