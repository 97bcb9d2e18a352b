//! The advice documents: importing a 60-page PDF, and one frame of the *Bronteksten*
//! reader with four 60-page documents and 500 marked passages (headless, as
//! `benches/frames.rs` times a frame).
//!
//! `cargo bench --bench reader`. Figures and targets: docs/PERFORMANCE.md.

// A benchmark whose set-up fails has nothing to measure: stopping loudly is right.
#![allow(clippy::expect_used)]

use std::hint::black_box;

use clusterwerkbank::model::sources::DocumentSpot;
use clusterwerkbank::model::{
    Argument, BodyId, Citation, DocumentId, Passage, Polarity, Session, Source, Subject, Workspace,
};
use clusterwerkbank::ui::app::{Prefs, WorkbenchApp};
use clusterwerkbank::ui::state::View;
use criterion::{Criterion, criterion_group, criterion_main};

const PAGES: u32 = 60;
const MARKS: usize = 500;

fn advice_pdf() -> Vec<u8> {
    clusterwerkbank::export::pdf::sample::full_advice_pdf(PAGES).expect("typst makes the advice")
}

/// The Green Paper with the 60-page advice as each of four bodies' document, and 500
/// arguments citing words spread over all their pages.
fn workspace(pdf: &[u8]) -> Workspace {
    let mut ws = clusterwerkbank::store::default_workspace();
    let read = clusterwerkbank::import::read("advies.pdf", pdf).expect("reads");
    let bodies: Vec<BodyId> = ws.bodies.iter().map(|b| b.id).take(4).collect();
    for (i, body) in bodies.iter().enumerate() {
        let mut text = read.clone();
        text.sha256 = format!("{i}{}", text.sha256);
        let edit =
            clusterwerkbank::import::attach(&ws, text, *body, jiff::civil::date(2026, 11, 30))
                .expect("attaches");
        clusterwerkbank::model::apply(&mut ws, edit).expect("applies");
    }
    let scenario = ws.scenarios[0].id;
    let documents: Vec<(DocumentId, BodyId, usize)> = ws
        .documents
        .iter()
        .map(|d| (d.id, d.body, d.passages.len()))
        .collect();
    for m in 0..MARKS {
        let (document, body, passages) = documents[m % documents.len()];
        let passage = (m / documents.len()) % passages;
        let start = (m * 37) % 400;
        ws.arguments.push(Argument {
            polarity: if m % 2 == 0 {
                Polarity::Pro
            } else {
                Polarity::Contra
            },
            subject: Subject::Scenario(scenario),
            text: format!("Argument {m}"),
            source: Source::Body(body),
            citation: Citation {
                passage: Passage {
                    page: Some(u32::try_from(passage).expect("small") + 1),
                    paragraph: String::new(),
                    source: Some(Box::new(DocumentSpot {
                        document,
                        passage: u32::try_from(passage).expect("small"),
                        start: u32::try_from(start).expect("small"),
                        end: u32::try_from(start + 60).expect("small"),
                    })),
                },
                quote: String::new(),
            },
            ..Argument::default()
        });
    }
    ws
}

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
    let mut output = ctx.run_ui(input(), |ui| app.frame(ui));
    // No GPU takes the font atlas; said so, or a debug build complains.
    output.textures_delta.clear();
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

fn reader(c: &mut Criterion) {
    let pdf = advice_pdf();
    c.bench_function("import_pdf_60_pages", |b| {
        b.iter(|| black_box(clusterwerkbank::import::read("advies.pdf", black_box(&pdf))))
    });
    let ws = workspace(&pdf);
    // The same window on the matrix, for comparison in the same build profile.
    for (name, view) in [
        ("frame_reader_4x60_pages_500_marks", View::Sources),
        ("frame_matrix_same_workspace", View::Matrix),
    ] {
        c.bench_function(name, |b| {
            let mut app = WorkbenchApp::start_in(None, Prefs::default(), None);
            app.session = Session::new(ws.clone());
            app.view = view;
            let ctx = egui::Context::default();
            // The first frames lay out fonts and fill caches.
            for _ in 0..3 {
                frame(&ctx, &mut app);
            }
            b.iter(|| black_box(frame(&ctx, &mut app)));
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(3));
    targets = reader
}
criterion_main!(benches);
