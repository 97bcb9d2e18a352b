//! Bestand › Exporteren…: format, sections, public version and destination. The export
//! runs in a worker thread; the window stays responsive, shows the stage it is in
//! (building, typesetting, writing) and offers Cancel; the written file can be opened
//! from the dialog. A cancelled export writes nothing (see [`Progress`]).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{RichText, Ui};

use crate::export::progress::{Progress, Stage};
use crate::export::{ExportError, ExportOptions, Format, Section};
use crate::model::Workspace;

use super::job::{Job, Poll};
use super::text::{Language, Tr};

pub struct ExportDialog {
    pub format: Format,
    pub options: ExportOptions,
    pub path: String,
    state: State,
    /// How the export that just ended went, until the app has announced it.
    finished: Option<Ended>,
    /// A cancelled export's worker, until it has stopped: its result is never used.
    abandoned: Option<Work>,
}

type Work = Job<Result<PathBuf, ExportError>>;

enum State {
    Idle,
    Running {
        job: Work,
        progress: Arc<Progress>,
        /// Cancel came while the file was being written: the export ends as written.
        too_late: bool,
    },
    Done(PathBuf),
    Failed(String),
    Cancelled,
}

/// How an export ended, for the status line.
pub enum Ended {
    Written(PathBuf),
    Failed(String),
    /// Nothing was written.
    Cancelled,
}

impl Ended {
    /// What the status line says, and whether it is an error.
    pub(crate) fn said(&self, t: &Tr, lang: Language) -> (String, bool) {
        match self {
            Ended::Written(path) => {
                let name = path.file_name().unwrap_or(path.as_os_str());
                (format!("{} {}", t.export_done, name.display()), false)
            }
            Ended::Failed(message) => (format!("{}: {message}", t.problem), true),
            Ended::Cancelled => (super::text_export::texts(lang).cancelled.to_owned(), false),
        }
    }
}

/// What the dialog asks of the app.
pub enum DialogOutcome {
    Open,
    Close,
}

impl ExportDialog {
    pub fn new(ws: &Workspace, workspace_path: Option<&Path>) -> Self {
        let format = Format::Docx;
        let folder = workspace_path
            .and_then(Path::parent)
            .map(Path::to_owned)
            .unwrap_or_else(super::files::default_folder);
        let stem = workspace_path
            .and_then(Path::file_stem)
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| {
                super::files::file_name_for(&ws.meta.title)
                    .trim_end_matches(".ron")
                    .to_owned()
            });
        Self {
            format,
            options: ExportOptions {
                public_version: ws.meta.public_version,
                ..ExportOptions::default()
            },
            path: folder
                .join(format!("{stem}.{}", format.extension()))
                .display()
                .to_string(),
            state: State::Idle,
            finished: None,
            abandoned: None,
        }
    }

    pub(crate) fn is_running(&self) -> bool {
        matches!(self.state, State::Running { .. })
    }

    fn set_format(&mut self, format: Format) {
        let path = PathBuf::from(&self.path);
        self.path = path
            .with_extension(format.extension())
            .display()
            .to_string();
        self.format = format;
    }

    fn start(&mut self, ws: &Workspace, ctx: &egui::Context, t: &Tr) {
        // A folder that is not there is said in words, with the path as typed, before
        // the writer's own error (which names its temporary file) can be.
        let chosen = PathBuf::from(self.path.trim());
        if let Some(folder) = chosen.parent().filter(|p| !p.as_os_str().is_empty())
            && !folder.is_dir()
        {
            let folder = folder.display().to_string();
            let message = super::locale::fill(t.export_no_folder, &[("folder", &folder)]);
            self.finished = Some(Ended::Failed(message.clone()));
            self.state = State::Failed(message);
            return;
        }
        let ws = ws.clone();
        let options = self.options.clone();
        let format = self.format;
        let path = PathBuf::from(self.path.trim());
        let progress = Arc::new(Progress::new());
        let shared = Arc::clone(&progress);
        // The window asks for a repaint every 100 ms while the export runs, so the
        // stage shown follows the worker.
        let job = Job::spawn(Some(ctx), move || {
            crate::export::export_to_file_with(&ws, &options, format, &path, &shared).map(|()| path)
        });
        self.state = State::Running {
            job,
            progress,
            too_late: false,
        };
    }

    /// Stops the running export: its result is dropped and nothing is written, unless
    /// the file is already being written (then it ends as written, and says so).
    fn cancel(&mut self) {
        let State::Running {
            progress, too_late, ..
        } = &mut self.state
        else {
            return;
        };
        if !progress.cancel() {
            *too_late = true;
            return;
        }
        if let State::Running { job, .. } = std::mem::replace(&mut self.state, State::Cancelled) {
            self.abandoned = Some(job);
        }
        self.finished = Some(Ended::Cancelled);
    }

    fn poll(&mut self, t: &Tr) {
        if let Some(job) = &self.abandoned
            && !matches!(job.poll(), Poll::Running)
        {
            self.abandoned = None;
        }
        let State::Running { job, .. } = &self.state else {
            return;
        };
        let ended = match job.poll() {
            Poll::Running => return,
            Poll::Done(Ok(path)) => Ended::Written(path),
            Poll::Done(Err(ExportError::Cancelled)) => Ended::Cancelled,
            Poll::Done(Err(e)) => Ended::Failed(e.to_string()),
            Poll::Lost => Ended::Failed(t.work_lost.to_owned()),
        };
        self.state = match &ended {
            Ended::Written(path) => State::Done(path.clone()),
            Ended::Failed(message) => State::Failed(message.clone()),
            Ended::Cancelled => State::Cancelled,
        };
        self.finished = Some(ended);
    }

    /// Blocks until the worker of a cancelled export has stopped: for tests, which
    /// check that it wrote nothing.
    pub fn wait_for_cancelled_worker(&mut self) {
        if let Some(job) = self.abandoned.take() {
            let _ = job.wait();
        }
    }

    /// Draws the dialog's content; returns what the app must do.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        t: &Tr,
        lang: Language,
        enter: bool,
        escape: bool,
    ) -> Option<DialogOutcome> {
        self.poll(t);
        let et = super::text_export::texts(lang);
        let mut outcome = None;
        super::widgets::fit_width(ui, 560.0);
        ui.heading(t.export_title);
        // The options scroll when the window is short (at a large zoom), so the
        // buttons below stay on screen.
        let options_height = super::widgets::list_height(ui.ctx(), 480.0);
        egui::ScrollArea::vertical()
            .max_height(options_height)
            .show(ui, |ui| {
                ui.add_enabled_ui(!self.is_running(), |ui| {
                    ui.label(RichText::new(t.export_format).strong());
                    for format in Format::ALL {
                        if ui.radio(self.format == format, t.format(format)).clicked() {
                            self.set_format(format);
                        }
                    }
                    ui.add_space(6.0);
                    ui.label(RichText::new(t.export_sections).strong());
                    ui.horizontal_wrapped(|ui| {
                        for section in Section::ALL {
                            let mut on = self.options.sections.contains(&section);
                            if ui.checkbox(&mut on, t.section(section)).changed() {
                                if on {
                                    self.options.sections.insert(section);
                                } else {
                                    self.options.sections.remove(&section);
                                }
                            }
                        }
                    });
                    // One setting, the communication's: shown here, changed there,
                    // so the dialog and the Mededeling view never disagree.
                    self.options.public_version = ws.meta.public_version;
                    let mut public = ws.meta.public_version;
                    ui.horizontal_wrapped(|ui| {
                        ui.add_enabled(false, egui::Checkbox::new(&mut public, t.doc_public))
                            .on_disabled_hover_text(t.internal_hint);
                        ui.label(RichText::new(t.export_public_where).weak());
                    });
                    if ws.meta.confidential_draft {
                        ui.label(RichText::new(t.export_confidential_note).weak());
                    }
                    ui.add_space(6.0);
                    let l = ui.label(t.export_destination);
                    ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(f32::INFINITY))
                        .labelled_by(l.id);
                });
            });
        ui.add_space(8.0);
        match &self.state {
            State::Idle => {}
            State::Running {
                progress, too_late, ..
            } => {
                let stage = progress.stage();
                let name = match stage {
                    Stage::Building => et.building,
                    Stage::Typesetting if self.format == Format::Pdf => et.typesetting_pdf,
                    Stage::Typesetting => et.typesetting,
                    Stage::Writing => et.writing,
                };
                let step = super::locale::fill(
                    et.step,
                    &[
                        ("n", &stage.number().to_string()),
                        ("of", &Stage::ALL.len().to_string()),
                        ("stage", name),
                    ],
                );
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(t.export_running);
                });
                // A bar in three steps: how far, not how long (a step's length
                // depends on the format and the workspace).
                ui.add(
                    egui::ProgressBar::new(stage.number() as f32 / Stage::ALL.len() as f32)
                        .text(step.as_str()),
                );
                if *too_late {
                    ui.label(et.too_late);
                }
            }
            State::Cancelled => {
                ui.label(et.cancelled);
            }
            State::Done(path) => {
                ui.label(RichText::new(format!("{} {}", t.export_done, path.display())).strong());
            }
            State::Failed(message) => {
                ui.colored_label(ui.visuals().error_fg_color, message);
            }
        }
        ui.horizontal(|ui| {
            let can_start = !self.is_running() && !self.path.trim().is_empty();
            if ui
                .add_enabled(can_start, egui::Button::new(t.export_start))
                .clicked()
                || (enter && can_start)
            {
                self.start(ws, ui.ctx(), t);
            }
            if self.is_running() && ui.button(et.cancel).clicked() {
                self.cancel();
            }
            if let State::Done(_) = self.state
                && ui.button(t.export_open).clicked()
            {
                outcome = Some(DialogOutcome::Open);
            }
            if ui
                .add_enabled(!self.is_running(), egui::Button::new(t.close))
                .clicked()
                || (escape && !self.is_running())
            {
                outcome = Some(DialogOutcome::Close);
            }
        });
        outcome
    }

    /// The end of an export, once: the file written, why not, or cancelled.
    pub(crate) fn take_finished(&mut self) -> Option<Ended> {
        self.finished.take()
    }

    pub fn written(&self) -> Option<&Path> {
        match &self.state {
            State::Done(path) => Some(path),
            _ => None,
        }
    }
}

/// Opens a file with the system's default program.
pub(crate) fn open_with_system(path: &Path) -> Result<(), String> {
    open::that_detached(path).map_err(|e| e.to_string())
}
