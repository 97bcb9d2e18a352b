//! The window. Panels read the workspace and collect edits in an [`state::Outbox`];
//! the app applies them after drawing, through the model's one gate.

pub mod actions;
pub mod advice;
pub mod announce;
pub mod app;
pub mod arguments;
pub mod board;
pub mod charts;
pub mod citation;
pub mod detail;
pub mod dialogs;
pub mod document;
pub mod export_dialog;
pub mod fields;
pub mod file_work;
pub mod files;
pub mod gesture;
pub mod history_view;
pub mod job;
pub mod lazy;
pub mod locale;
pub mod matrix;
mod paste;
pub mod preview;
pub mod reader;
mod said_settings;
pub mod scenarios;
pub mod score;
pub mod search;
pub mod sources;
pub mod state;
pub mod style;
pub mod text;
mod text_charts;
mod text_export;
mod text_fields;
pub mod themes;
pub mod variants;
mod variants_table;
pub mod variants_text;
pub mod view_cache;
pub mod warnings_here;
pub mod widgets;

use std::path::PathBuf;
use std::process::ExitCode;

/// Which renderer draws the window: wgpu (the default) or glow, for old laptops and
/// virtual machines whose graphics drivers wgpu does not take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Renderer {
    Wgpu,
    Glow,
}

/// Opens the workbench window and returns when it closes.
pub fn run(file: Option<PathBuf>, renderer: Option<Renderer>) -> ExitCode {
    let started = std::time::Instant::now();
    let probe = std::env::var_os(STARTUP_PROBE).is_some();
    let renderer = renderer.unwrap_or(Renderer::Wgpu);
    // Read the file while eframe opens the window and starts the renderer: for a large
    // consultation both take a few hundred milliseconds, and neither needs the other.
    let preload = file.map(|path| {
        let reading = {
            let path = path.clone();
            std::thread::spawn(move || crate::store::load_tracked(&path))
        };
        (path, reading)
    });
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
        Box::new(move |cc| {
            let app = match preload {
                Some((path, reading)) => match reading.join() {
                    Ok(loaded) => app::WorkbenchApp::new_loaded(cc, path, loaded),
                    // The reading thread died: read it here instead.
                    Err(_) => app::WorkbenchApp::new(cc, Some(path)),
                },
                None => app::WorkbenchApp::new(cc, None),
            };
            if probe {
                Ok(Box::new(StartupProbe {
                    app,
                    started,
                    frames: 0,
                }))
            } else {
                Ok(Box::new(app))
            }
        }),
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

/// With this environment variable set, the window prints how long it took from start
/// to its first drawn frame, then closes: `benches/startup.sh` measures with it.
pub(crate) const STARTUP_PROBE: &str = "CLUSTERWERKBANK_STARTUP_PROBE";

struct StartupProbe {
    app: app::WorkbenchApp,
    started: std::time::Instant,
    frames: u32,
}

impl eframe::App for StartupProbe {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.frames += 1;
        // eframe paints a frame after `ui` returns, so the second call starts once the
        // first frame is on the screen.
        if self.frames == 2 {
            println!(
                "eerste frame getekend na {:.1} ms",
                self.started.elapsed().as_secs_f64() * 1000.0
            );
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            ui.ctx().request_repaint();
        }
        eframe::App::ui(&mut self.app, ui, frame);
    }
}
