//! The window. Panels read the workspace and collect edits; the app applies them
//! after drawing, through the model's one gate.

pub mod app;

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
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0]),
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
            let other = match renderer {
                Renderer::Wgpu => "glow",
                Renderer::Glow => "wgpu",
            };
            eprintln!(
                "clusterwerkbank: het venster kon niet starten met de tekenmotor {renderer:?} ({error}).\n\
                 Probeer de andere tekenmotor: clusterwerkbank --renderer {other}\n\
                 of zet de omgevingsvariabele CLUSTERWERKBANK_RENDERER={other}."
            );
            ExitCode::from(1)
        }
    }
}
