//! Frame time of each main view, headless: the real window code runs through
//! `egui::Context::run_ui` and is tessellated, as eframe would before handing the
//! meshes to the GPU. No GPU, no window.
//!
//! `cargo bench --bench frames`

use std::hint::black_box;

use clusterwerkbank::model::Session;
use clusterwerkbank::ui::app::{Prefs, WorkbenchApp};
use clusterwerkbank::ui::state::{Selection, View};
use criterion::{Criterion, criterion_group, criterion_main};

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1360.0, 820.0),
        )),
        ..egui::RawInput::default()
    }
}

fn frame(ctx: &egui::Context, app: &mut WorkbenchApp) -> usize {
    let output = ctx.run_ui(input(), |ui| app.frame(ui));
    let meshes = ctx.tessellate(output.shapes, output.pixels_per_point);
    meshes.len()
}

fn bench_views(c: &mut Criterion, name: &str, workspace: clusterwerkbank::model::Workspace) {
    let mut group = c.benchmark_group(format!("frame_{name}"));
    for view in [
        View::Matrix,
        View::Board,
        View::Scenarios,
        View::Advice,
        View::Charts,
        View::Preview,
    ] {
        // Set up inside the closure: criterion only calls it for views the filter
        // selects, so a profile of one view holds that view alone.
        group.bench_function(format!("{view:?}"), |b| {
            let mut app = WorkbenchApp::start_in(None, Prefs::default(), None);
            app.session = Session::new(workspace.clone());
            app.view = view;
            if let Some(cluster) = workspace.clusters.first() {
                app.selection = Selection::Cluster(cluster.id);
            }
            let ctx = egui::Context::default();
            // The first frames lay out fonts and fill caches; a person never waits on
            // them twice.
            for _ in 0..3 {
                frame(&ctx, &mut app);
            }
            b.iter(|| black_box(frame(&ctx, &mut app)));
        });
    }
    group.finish();
}

fn frames(c: &mut Criterion) {
    bench_views(c, "groenboek", clusterwerkbank::store::default_workspace());
    bench_views(
        c,
        "synth_200_20000",
        clusterwerkbank::synth::synthetic_workspace(200, 20_000, 1),
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2));
    targets = frames
}
criterion_main!(benches);
