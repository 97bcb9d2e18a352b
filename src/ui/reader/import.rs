//! Bestand › Advies importeren…: the file (system dialog, or a typed path where
//! there is none), then the advisory body, then the reading on a worker thread as an
//! open or merge is read. The result enters the workspace as one undoable edit
//! through the outbox; a document that cannot be read or is there already gets its
//! Dutch message in a dialog and changes nothing.

use std::path::PathBuf;

use crate::import::{self, ImportError, ImportedText};
use crate::model::BodyId;
use crate::ui::job::{Job, Poll};
use crate::ui::locale::fill;
use crate::ui::state::{Frame, Outbox, View};

use super::text::ReaderText;

/// Where the import stands.
#[derive(Default)]
pub(crate) enum Import {
    #[default]
    Idle,
    /// The system's file dialog is open.
    Choosing(Job<Option<PathBuf>>),
    /// A field to type the path: asked for, or (`true`) because no dialog could open.
    Typing(String, bool),
    /// The file is known; which body's advice is it?
    Body(PathBuf, Option<BodyId>),
    Reading(BodyId, Job<Result<ImportedText, ImportError>>),
    /// Read, waiting for the next frame to be added.
    Read(BodyId, Result<ImportedText, ImportError>),
    /// The reading thread ended without a result; nothing changed.
    Lost,
    Failed(String),
}

impl Import {
    pub(crate) fn is_reading(&self) -> bool {
        matches!(self, Import::Reading(..) | Import::Read(..))
    }

    /// Opens the file dialog (off the UI thread); `folder` is where it starts.
    pub(crate) fn start(&mut self, ctx: &egui::Context, folder: Option<PathBuf>) {
        if !matches!(self, Import::Idle) {
            return;
        }
        *self = Import::Choosing(Job::spawn(Some(ctx), move || {
            let mut dialog = rfd::AsyncFileDialog::new().add_filter(
                "Advies (PDF, Word, tekst, Markdown, HTML)",
                &["pdf", "docx", "txt", "md", "markdown", "html", "htm"],
            );
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            pollster::block_on(dialog.pick_file()).map(|h| h.path().to_path_buf())
        }));
    }

    /// The field to type the document's path, without the system dialog.
    pub(crate) fn start_typed(&mut self) {
        if matches!(self, Import::Idle) {
            *self = Import::Typing(String::new(), false);
        }
    }

    /// Skips the file dialog: the document at `path` (tests; a path typed elsewhere).
    pub fn choose_path(&mut self, path: PathBuf) {
        *self = Import::Body(path, None);
    }

    /// Blocks until the document being read is read (tests, like
    /// `finish_file_work`); the next frame adds it.
    pub fn wait(&mut self) {
        if let Import::Reading(body, job) = self {
            *self = match job.wait() {
                Poll::Done(result) => Import::Read(*body, result),
                Poll::Running | Poll::Lost => Import::Lost,
            };
        }
    }

    /// Draws the step's dialog and moves on; a finished reading becomes an edit in
    /// `out`.
    pub(crate) fn step(
        &mut self,
        ctx: &egui::Context,
        f: &Frame<'_>,
        r: &ReaderText,
        out: &mut Outbox,
    ) {
        let (enter, escape) = ctx.input(|i| {
            (
                i.key_pressed(egui::Key::Enter),
                i.key_pressed(egui::Key::Escape),
            )
        });
        *self = match std::mem::take(self) {
            Import::Idle => Import::Idle,
            Import::Choosing(job) => match job.poll() {
                Poll::Running => Import::Choosing(job),
                Poll::Done(Some(path)) => Import::Body(path, None),
                Poll::Done(None) if job.elapsed() < crate::ui::files::NO_DIALOG_WITHIN => {
                    Import::Typing(String::new(), true)
                }
                Poll::Lost => Import::Typing(String::new(), true),
                Poll::Done(None) => Import::Idle,
            },
            Import::Typing(mut text, unavailable) => {
                let note = unavailable.then_some(f.t.no_file_dialog);
                match crate::ui::dialogs::path_entry::show(
                    ctx,
                    f.t,
                    r.import_typed,
                    &mut text,
                    note,
                    enter,
                    escape,
                ) {
                    Some(true) if !text.trim().is_empty() => {
                        Import::Body(PathBuf::from(text.trim()), None)
                    }
                    Some(false) => Import::Idle,
                    _ => Import::Typing(text, unavailable),
                }
            }
            Import::Body(path, chosen) => choose_body(ctx, f, r, path, chosen, enter, escape),
            Import::Reading(body, job) => match job.poll() {
                Poll::Running => {
                    ctx.request_repaint_after(std::time::Duration::from_millis(100));
                    Import::Reading(body, job)
                }
                Poll::Lost => Import::Failed(f.t.work_lost.to_owned()),
                Poll::Done(Err(error)) => Import::Failed(error.to_string()),
                Poll::Done(Ok(text)) => attach(ctx, f, r, text, body, out),
            },
            Import::Read(_, Err(error)) => Import::Failed(error.to_string()),
            Import::Read(body, Ok(text)) => attach(ctx, f, r, text, body, out),
            Import::Lost => Import::Failed(f.t.work_lost.to_owned()),
            Import::Failed(message) => {
                match crate::ui::dialogs::error::show(ctx, f.t, &message, false, enter, escape) {
                    Some(_) => Import::Idle,
                    None => Import::Failed(message),
                }
            }
        };
    }
}

fn choose_body(
    ctx: &egui::Context,
    f: &Frame<'_>,
    r: &ReaderText,
    path: PathBuf,
    mut chosen: Option<BodyId>,
    enter: bool,
    escape: bool,
) -> Import {
    let mut go = false;
    let mut cancel = escape;
    egui::Modal::new(egui::Id::unique("import-advice-body")).show(ctx, |ui| {
        crate::ui::widgets::fit_width(ui, 520.0);
        ui.heading(r.import);
        ui.label(path.display().to_string());
        ui.label(r.import_body);
        for body in &f.ws.bodies {
            let name = if body.full_name.is_empty() {
                body.short_name.clone()
            } else {
                format!("{} ({})", body.short_name, body.full_name)
            };
            if ui.radio(chosen == Some(body.id), name).clicked() {
                chosen = Some(body.id);
            }
        }
        ui.horizontal(|ui| {
            go = ui
                .add_enabled(chosen.is_some(), egui::Button::new(r.import_go))
                .clicked()
                || enter && chosen.is_some();
            cancel |= ui.button(r.cancel).clicked();
        });
    });
    match chosen {
        _ if cancel => Import::Idle,
        Some(body) if go => {
            let ctx = ctx.clone();
            Import::Reading(
                body,
                Job::spawn(Some(&ctx), move || import::read_file(&path)),
            )
        }
        _ => Import::Body(path, chosen),
    }
}

/// The read document as one edit in the outbox, and the status line's words; or the
/// reason it is refused.
fn attach(
    ctx: &egui::Context,
    f: &Frame<'_>,
    r: &ReaderText,
    text: ImportedText,
    body: BodyId,
    out: &mut Outbox,
) -> Import {
    let file = text.file_name.clone();
    let extent = match text.pages() {
        Some(pages) => format!(
            "{} {}",
            f.lang.count(usize::try_from(pages).unwrap_or(0)),
            r.pages
        ),
        None => format!("{} {}", f.lang.count(text.passages.len()), r.passages),
    };
    let id = import::attach::document_id(body, &text.sha256);
    match import::attach(f.ws, text, body, crate::platform::today()) {
        Ok(edit) => {
            // The reader opens the new document at its first page.
            let first = crate::model::DocumentSpot {
                document: id,
                passage: 0,
                start: 0,
                end: 0,
            };
            super::reveal(ctx, first);
            let name =
                f.ws.body(body)
                    .map(|b| b.short_name.clone())
                    .unwrap_or_default();
            out.edit(edit);
            out.view = Some(View::Sources);
            out.announce = Some(fill(
                r.imported,
                &[("file", &file), ("body", &name), ("extent", &extent)],
            ));
            Import::Idle
        }
        Err(error) => Import::Failed(error.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waiting_keeps_a_step_that_reads_nothing_and_takes_a_reading_result() {
        let mut import = Import::Body(PathBuf::from("advies.pdf"), None);
        import.wait();
        assert!(
            matches!(import, Import::Body(..)),
            "a chosen file stays chosen"
        );
        let body = BodyId::from_u128(7);
        let mut import = Import::Reading(
            body,
            Job::spawn(None, || {
                Err(ImportError::UnknownFormat {
                    file: "x.xyz".into(),
                })
            }),
        );
        import.wait();
        assert!(matches!(import, Import::Read(b, Err(_)) if b == body));
        assert!(import.is_reading(), "added (or refused) at the next frame");
    }
}
