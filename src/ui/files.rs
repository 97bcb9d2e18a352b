//! File dialogs off the UI thread. rfd's dialog runs in a worker thread and reports
//! back through a channel; the frame never waits. When no dialog could open (no
//! portal, a locked-down machine) rfd answers "nothing" at once, and the app then
//! offers a field to type the path.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::job::{Job, Poll};

/// Why a file is being asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Open,
    SaveAs,
    /// A colleague's copy to merge into the open workspace.
    Merge,
}

pub(crate) struct FileJob {
    pub purpose: Purpose,
    job: Job<Option<PathBuf>>,
}

/// What came back from a dialog.
pub enum Outcome {
    Chosen(PathBuf),
    Cancelled,
    /// Answered "nothing" so fast that no dialog can have been shown.
    Unavailable,
}

/// An answer faster than this cannot have come from a person.
pub(crate) const NO_DIALOG_WITHIN: Duration = Duration::from_millis(400);

impl FileJob {
    pub fn start(
        purpose: Purpose,
        folder: Option<PathBuf>,
        file_name: String,
        ctx: egui::Context,
    ) -> Self {
        let job = Job::spawn(Some(&ctx), move || {
            let mut dialog =
                rfd::AsyncFileDialog::new().add_filter("Clusterwerkbank-werkruimte", &["ron"]);
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            let chosen = match purpose {
                Purpose::Open | Purpose::Merge => pollster::block_on(dialog.pick_file()),
                Purpose::SaveAs => pollster::block_on(dialog.set_file_name(file_name).save_file()),
            };
            chosen.map(|handle| handle.path().to_path_buf())
        });
        Self { purpose, job }
    }

    /// The outcome once the dialog closed.
    pub(crate) fn poll(&self) -> Option<Outcome> {
        match self.job.poll() {
            Poll::Done(Some(path)) => Some(Outcome::Chosen(path)),
            Poll::Done(None) if self.job.elapsed() < NO_DIALOG_WITHIN => Some(Outcome::Unavailable),
            Poll::Done(None) => Some(Outcome::Cancelled),
            Poll::Running => None,
            // The worker died without answering: treat it as a dialog that could not open.
            Poll::Lost => Some(Outcome::Unavailable),
        }
    }
}

/// Where Save proposes to put a new file: the project's `saved/` folder when the
/// program runs from the project, else the user's documents or home folder.
pub(crate) fn default_folder() -> PathBuf {
    if let Ok(cwd) = std::env::current_dir() {
        let saved = cwd.join("saved");
        if saved.is_dir() {
            return saved;
        }
    }
    std::env::var_os(if cfg!(windows) { "USERPROFILE" } else { "HOME" })
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// A file name for a workspace title: "Groenboek: de toekomst…" → "Groenboek de toekomst….ron".
pub(crate) fn file_name_for(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == ' ' || c == '-' || c == '_' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().take(8).collect();
    if words.is_empty() {
        "werkruimte.ron".to_owned()
    } else {
        format!("{}.ron", words.join(" "))
    }
}

/// Adds `.ron` when a typed path has no extension.
pub fn with_extension(path: &Path) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension("ron")
    } else {
        path.to_owned()
    }
}
