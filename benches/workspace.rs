//! Load + validate, save, undo/redo of 1,000 edits, and with three variants the
//! projection and the comparison, on the Green Paper, the
//! synthetic workspace of 200 clusters / 20,000 arguments, and ten times that.
//!
//! `cargo bench --bench workspace` (all), or add a filter: `-- load_validate`.
//! Figures and targets: docs/PERFORMANCE.md.

// A benchmark whose set-up fails has nothing to measure: stopping loudly is right.
#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

use clusterwerkbank::charts::svg::all_charts;
use clusterwerkbank::model::derived::Derived;
use clusterwerkbank::model::{Argument, Edit, Session, Workspace, validate, variants};
use clusterwerkbank::store;
use clusterwerkbank::synth::synthetic_workspace;

/// The year validation is run for; fixed so the work does not change with the clock.
const YEAR: i32 = 2026;

struct Case {
    name: &'static str,
    workspace: Workspace,
    file: PathBuf,
}

fn cases(folder: &tempfile::TempDir) -> Vec<Case> {
    let sizes: [(&str, Option<(usize, usize)>); 3] = [
        ("groenboek", None),
        ("synth_200_20000", Some((200, 20_000))),
        ("synth_2000_200000", Some((2_000, 200_000))),
    ];
    sizes
        .into_iter()
        .map(|(name, size)| {
            let workspace = match size {
                None => store::default_workspace(),
                Some((clusters, arguments)) => synthetic_workspace(clusters, arguments, 1),
            };
            let file = folder.path().join(format!("{name}.ron"));
            store::save(&file, &workspace).expect("the benchmark file is written");
            Case {
                name,
                workspace,
                file,
            }
        })
        .collect()
}

/// 1,000 edits of the kind a person makes: rewording arguments spread over the list.
fn edits(ws: &Workspace) -> Vec<Edit> {
    let step = (ws.arguments.len() / 1_000).max(1);
    (0..1_000)
        .filter_map(|i| {
            let argument = ws.arguments.get((i * step) % ws.arguments.len().max(1))?;
            Some(Edit::put(Argument {
                text: format!("{} (herwerkt {i})", argument.text),
                weight: 1 + (argument.weight % 3),
                ..argument.clone()
            }))
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut cases = cases(&folder);
    // The Green Paper has no arguments to edit: give it the first 1,000 of the small
    // synthetic workspace's kind, so its undo/redo measures the same edits.
    if let Some(groenboek) = cases.first_mut() {
        let mut ws = groenboek.workspace.clone();
        ws.arguments = synthetic_workspace(7, 1_000, 1).arguments;
        groenboek.workspace = ws;
    }

    for case in &cases {
        let mut group = c.benchmark_group(case.name);
        if case.workspace.arguments.len() > 50_000 {
            group
                .sample_size(10)
                .warm_up_time(Duration::from_secs(1))
                .measurement_time(Duration::from_secs(10));
        } else {
            group
                .sample_size(20)
                .warm_up_time(Duration::from_secs(1))
                .measurement_time(Duration::from_secs(5));
        }
        group.bench_function("load_validate", |b| {
            b.iter(|| {
                let ws = store::load(black_box(&case.file)).expect("loads");
                black_box(validate(&ws, YEAR));
                ws
            });
        });
        group.bench_function("validate", |b| {
            b.iter(|| black_box(validate(black_box(&case.workspace), YEAR)));
        });
        group.bench_function("derived", |b| {
            b.iter(|| black_box(Derived::compute(black_box(&case.workspace), YEAR)));
        });
        let today = jiff::civil::date(2026, 3, 1);
        group.bench_function("charts_svg", |b| {
            b.iter(|| black_box(all_charts(black_box(&case.workspace), today)));
        });
        let out = folder.path().join(format!("{}-out.ron", case.name));
        group.bench_function("save", |b| {
            b.iter(|| store::save(black_box(&out), black_box(&case.workspace)).expect("saves"));
        });
        let edits = edits(&case.workspace);
        group.bench_function("undo_redo_1000", |b| {
            b.iter_batched(
                || (Session::new(case.workspace.clone()), edits.clone()),
                |(mut session, edits)| {
                    for edit in edits {
                        session.apply(edit).expect("applies");
                    }
                    while session.undo().expect("undoes") {}
                    while session.redo().expect("redoes") {}
                    session
                },
                BatchSize::PerIteration,
            );
        });
        // Three variants: the projection the window makes after every edit, and the
        // comparison the Varianten view makes.
        let mut three = case.workspace.clone();
        for name in ["B", "C"] {
            let (edit, _) = variants::copy(&three, three.chosen_variant(), name);
            clusterwerkbank::model::apply(&mut three, edit).expect("copies");
        }
        let shown = three
            .variants
            .get(1)
            .map(|v| v.id)
            .expect("a second variant");
        group.bench_function("for_variant_of_3", |b| {
            b.iter(|| black_box(black_box(&three).for_variant(shown).into_owned()));
        });
        group.bench_function("compare_3_variants", |b| {
            b.iter(|| black_box(variants::compare(black_box(&three), YEAR)));
        });
        group.finish();
    }
}

criterion_group!(workspace, benches);
criterion_main!(workspace);
