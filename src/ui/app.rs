//! The application shell.

use std::path::PathBuf;

use crate::model::Session;
use crate::store;

pub struct WorkbenchApp {
    session: Session,
    path: Option<PathBuf>,
    error: Option<String>,
}

impl WorkbenchApp {
    pub fn new(_cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        Self::open(file)
    }

    /// The app over a file, or the Green Paper when there is none or it fails to load.
    pub fn open(file: Option<PathBuf>) -> Self {
        match file.map(|p| (store::load(&p), p)) {
            Some((Ok(ws), path)) => Self {
                session: Session::new(ws),
                path: Some(path),
                error: None,
            },
            Some((Err(error), _)) => Self {
                session: Session::new(store::default_workspace()),
                path: None,
                error: Some(error.to_string()),
            },
            None => Self {
                session: Session::new(store::default_workspace()),
                path: None,
                error: None,
            },
        }
    }
}

impl eframe::App for WorkbenchApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            let ws = self.session.workspace();
            ui.heading(&ws.meta.title);
            if let Some(error) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            if let Some(path) = &self.path {
                ui.label(path.display().to_string());
            }
            egui::Grid::new("matrix").striped(true).show(ui, |ui| {
                ui.label("Cluster");
                for s in &ws.scenarios {
                    ui.label(s.label());
                }
                ui.end_row();
                for c in &ws.clusters {
                    ui.label(&c.name);
                    for s in &ws.scenarios {
                        let text = ws.assignment_of(c.id, s.id).map_or("–", |a| a.role.dutch());
                        ui.label(text);
                    }
                    ui.end_row();
                }
            });
        });
    }
}
