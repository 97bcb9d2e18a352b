//! The window's side of the history of versions: opening a file with its history,
//! merging a colleague's copy against the common version, and the text a save writes.

use std::path::Path;

use super::WorkbenchApp;
use crate::model::Session;
use crate::store::{self, Tracked};
use crate::ui::file_work::Read;
use crate::ui::history_view::words;

impl WorkbenchApp {
    pub(super) fn open_loaded(&mut self, path: &Path, result: Read) {
        match result {
            Ok((ws, versions)) => {
                self.replace(Session::new(ws), Some(path.to_owned()));
                self.remember(path);
                let note = versions.incomplete.clone();
                self.versions = versions;
                match note {
                    // Said once, here; the history view shows it too.
                    Some(note) => self.say(note, true),
                    None => self.say(format!("{} {}", self.t().opened, path.display()), false),
                }
            }
            Err(error) => self.show_error(error.to_string(), false),
        }
    }

    /// Merges a colleague's copy, read, into the open workspace: three-way against
    /// the latest version both files share, else two-way (every field that differs
    /// becomes a conflict to review), and the status bar says which and why.
    pub(super) fn merge_loaded(&mut self, path: &Path, theirs: Read) {
        let (theirs, their_versions) = match theirs {
            Ok(read) => read,
            Err(error) => return self.show_error(error.to_string(), false),
        };
        let w = words(self.prefs.language);
        let (base, how) = match store::common_base(&self.versions, &their_versions) {
            Ok((id, ws)) => (Some(ws), format!("{} {id}", w.merged_three_way)),
            Err(why) => (
                None,
                format!("{} {}", w.merged_two_way, store::no_base_reason(&why)),
            ),
        };
        let result = crate::model::merge(base.as_ref(), self.session.workspace(), &theirs);
        let summary = result.summary;
        // One undo step: Ctrl+Z brings back the workspace from before the merge.
        if let Err(error) = self.session.replace_workspace(result.workspace) {
            self.show_error(error.to_string(), false);
            return;
        }
        self.versions.merge_in(&their_versions);
        self.merge_step = Some(self.session.state());
        let lang = self.prefs.language;
        self.say(
            format!(
                "{} {}: {} ({how})",
                self.t().merge_done,
                path.display(),
                crate::ui::locale::fill(
                    self.t().merge_counts,
                    &[
                        ("added", &lang.count(summary.added)),
                        ("changed", &lang.count(summary.changed)),
                        ("removed", &lang.count(summary.removed)),
                        ("conflicts", &lang.count(summary.conflicts)),
                    ],
                )
            ),
            false,
        );
        if summary.conflicts > 0 {
            self.dialog = Some(super::Dialog::Conflicts);
        }
    }

    /// The text a save of the workspace to `path` writes, with a version on top when
    /// anything changed, and the history as it is once that text is on disk.
    pub(super) fn file_text(&mut self) -> Result<(String, Tracked), store::file::SerializeError> {
        // The system's user name until the person gives another in the history view;
        // kept in the preferences from the first save on.
        let author = self
            .prefs
            .author
            .clone()
            .filter(|a| !a.trim().is_empty())
            .unwrap_or_else(crate::platform::default_author);
        if self.prefs.author.is_none() {
            // The name was never asked: say it once, with where to change it.
            let said = words(self.prefs.language).author_first;
            self.author_note = Some(crate::ui::locale::fill(said, &[("name", &author)]));
        }
        self.prefs.author = Some(author.clone());
        if let Some(step) = self.merge_step
            && !self.session.still_applies(step)
        {
            // Undone before it was saved: the file records no merge.
            self.versions.forget_merge();
            self.merge_step = None;
        }
        let (text, next, _) = store::file_text(
            self.session.workspace(),
            &self.versions,
            &author,
            &crate::platform::now_rfc3339(),
        )?;
        Ok((text, next))
    }
}
