//! The window. Panels read the workspace and collect edits in an [`state::Outbox`];
//! the app applies them after drawing, through the model's one gate.

pub mod actions;
pub mod advice;
pub mod announce;
pub mod app;
pub mod arguments;
pub mod board;
pub mod charts;
pub mod detail;
pub mod document;
pub mod export_dialog;
pub mod files;
pub mod locale;
pub mod matrix;
pub mod preview;
pub mod scenarios;
pub mod search;
pub mod state;
pub mod style;
pub mod text;
pub mod themes;
pub mod widgets;

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::Renderer;

/// Opens the workbench window and returns when it closes.
pub fn run(file: Option<PathBuf>, renderer: Option<Renderer>) -> ExitCode {
    let renderer = renderer.unwrap_or(Renderer::Wgpu);
    let options = eframe::NativeOptions {
        renderer: match renderer {
            Renderer::Wgpu => eframe::Renderer::Wgpu,
            Renderer::Glow => eframe::Renderer::Glow,
        },
        viewport: egui::ViewportBuilder::default()
            .with_title("Clusterwerkbank")
            .with_app_id("clusterwerkbank")
            .with_inner_size([1360.0, 820.0])
            .with_min_inner_size([760.0, 480.0]),
        ..eframe::NativeOptions::default()
    };
    let result = eframe::run_native(
        "Clusterwerkbank",
        options,
        Box::new(move |cc| Ok(Box::new(app::WorkbenchApp::new(cc, file)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let (name, other) = match renderer {
                Renderer::Wgpu => ("wgpu", "glow"),
                Renderer::Glow => ("glow", "wgpu"),
            };
            eprintln!(
                "clusterwerkbank: het venster kon niet starten met de tekenmotor {name} ({error}).\n\
                 Probeer de andere tekenmotor: clusterwerkbank --renderer {other}\n\
                 of zet de omgevingsvariabele CLUSTERWERKBANK_RENDERER={other}."
            );
            ExitCode::from(1)
        }
    }
}
