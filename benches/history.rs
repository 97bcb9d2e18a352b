//! A year of daily saves on the synthetic 200/20 000 workspace: load time with and
//! without its history (issue 18; the target is within 10 %). File sizes are printed.
//!
//! `cargo bench --bench history`. Figures: docs/PERFORMANCE.md.

#![allow(clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use clusterwerkbank::store;
use clusterwerkbank::synth::{synthetic_workspace, with_daily_saves};

fn history(c: &mut Criterion) {
    let ws = synthetic_workspace(200, 20_000, 1);
    let folder = tempfile::tempdir().expect("temp");
    let without = folder.path().join("zonder.ron");
    let with = folder.path().join("met.ron");
    store::save(&without, &ws).expect("writes");
    store::write_atomic(&with, with_daily_saves(&ws, 365).as_bytes()).expect("writes");
    let size = |p: &std::path::Path| std::fs::metadata(p).expect("file").len();
    println!(
        "synth_200_20000: {} bytes without history, {} with a year of daily saves",
        size(&without),
        size(&with)
    );
    let mut group = c.benchmark_group("history");
    group.sample_size(10);
    group.bench_function("load_without_history", |b| {
        b.iter(|| black_box(store::load_tracked(&without).expect("loads")))
    });
    group.bench_function("load_with_365_versions", |b| {
        b.iter(|| black_box(store::load_tracked(&with).expect("loads")))
    });
    group.finish();
}

criterion_group!(benches, history);
criterion_main!(benches);
