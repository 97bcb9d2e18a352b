//! A year of daily saves on the synthetic 200/20 000 workspace: file size and load
//! time with and without the history (issue 18; figures in docs/PERFORMANCE.md).
//!
//! `cargo run --example history_year` (add `--release` on a quiet machine for the
//! figures that count; the criterion version is `cargo bench --bench history`).

#![allow(clippy::expect_used)]

use std::time::Instant;

use clusterwerkbank::store;
use clusterwerkbank::synth::{synthetic_workspace, with_daily_saves};

fn main() {
    let ws = synthetic_workspace(200, 20_000, 1);
    let folder = tempfile::tempdir().expect("temp");
    let without = folder.path().join("zonder.ron");
    let with = folder.path().join("met.ron");
    store::save(&without, &ws).expect("writes");
    let made = Instant::now();
    let text = with_daily_saves(&ws, 365);
    println!(
        "a year of history made in {:.1} s",
        made.elapsed().as_secs_f64()
    );
    store::write_atomic(&with, text.as_bytes()).expect("writes");
    let size = |p: &std::path::Path| std::fs::metadata(p).expect("file").len();
    let (a, b) = (size(&without), size(&with));
    println!(
        "file: {a} bytes without history, {b} with 365 versions (+{} bytes, +{:.2} %)",
        b - a,
        (b - a) as f64 * 100.0 / a as f64
    );
    // Alternated, so a busy moment on a shared machine hits both alike.
    let load = |p: &std::path::Path| {
        let start = Instant::now();
        let (_, history) = store::load_tracked(p).expect("loads");
        std::hint::black_box(history);
        start.elapsed().as_secs_f64() * 1000.0
    };
    let (mut ra, mut rb) = (Vec::new(), Vec::new());
    for _ in 0..7 {
        ra.push(load(&without));
        rb.push(load(&with));
    }
    ra.sort_by(f64::total_cmp);
    rb.sort_by(f64::total_cmp);
    let (ta, tb) = (ra[3], rb[3]);
    println!(
        "load (median of 7, alternated): {ta:.0} ms without history, {tb:.0} ms with ({:+.1} %)",
        (tb - ta) * 100.0 / ta
    );
    let (_, history) = store::load_tracked(&with).expect("loads");
    let first = &history.log.versions[1].id;
    let start = Instant::now();
    let back = history.workspace_at(first).expect("a year back");
    println!(
        "rebuilding the version of a year ago: {:.0} ms ({} arguments)",
        start.elapsed().as_secs_f64() * 1000.0,
        back.arguments.len()
    );
}
