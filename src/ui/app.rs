//! The application shell: menus, shortcuts, status bar, dialogs, files, and the one
//! place where the edits panels collected are applied.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};
use serde::{Deserialize, Serialize};

use crate::model::rules::removal;
use crate::model::{Cluster, Edit, RecordKey, Session, Workspace};
use crate::store;

use super::actions::Action;
use super::file_work::{FileWork, Finished};
use super::files::{self, FileJob, Outcome, Purpose};
use super::job::{Job, Poll};
use super::locale::fill;
use super::search::Search;
use super::state::{Frame, Outbox, Selection, View};
use super::text::{Language, Tr};
use super::view_cache::ViewCache;

use super::{advice, board, charts, detail, document, matrix, preview, scenarios, style, themes};

mod status_bar;
mod versions;

/// What the window remembers between runs (in eframe's storage, never the workspace).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub recent: Vec<PathBuf>,
    pub dark: bool,
    pub high_contrast: bool,
    pub zoom: f32,
    pub language: Language,
    pub last_file: Option<PathBuf>,
    pub view: View,
    /// The name saved versions carry; asked in the history view, the system's user
    /// name until then.
    pub author: Option<String>,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            dark: false,
            high_contrast: false,
            zoom: 1.0,
            language: Language::Dutch,
            last_file: None,
            view: View::Matrix,
            author: None,
        }
    }
}

const PREFS_KEY: &str = "clusterwerkbank-voorkeuren";
const MAX_RECENT: usize = 8;

/// Something that must wait for the answer to "save your changes?".
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    New,
    NewEmpty,
    Open,
    OpenPath(PathBuf),
    Quit,
}

pub enum Dialog {
    Unsaved {
        then: Pending,
    },
    ConfirmRemoval {
        what: String,
        consequences: Vec<(crate::model::Consequence, usize)>,
        edit: Box<Edit>,
    },
    PathEntry {
        purpose: Purpose,
        text: String,
        note: Option<String>,
    },
    Error {
        message: String,
        offer_save_as: bool,
    },
    Warnings,
    Shortcuts,
    Export(Box<super::export_dialog::ExportDialog>),
    Recovery(Box<crate::store::RecoveryInfo>),
    Conflicts,
}

pub struct WorkbenchApp {
    pub session: Session,
    pub path: Option<PathBuf>,
    pub view: View,
    pub selection: Selection,
    pub prefs: Prefs,
    pub dialog: Option<Dialog>,
    /// Derived data, chart data and the preview, each for the session state it was
    /// computed from.
    views: ViewCache,
    /// Which variant the matrix, the board and the detail panel edit.
    pub variants: super::variants::VariantState,
    file_job: Option<FileJob>,
    /// What to do once a "Save as" started from the unsaved-changes question succeeds.
    after_save: Option<Pending>,
    last_saved: Option<jiff::Timestamp>,
    /// The status bar's message and whether it is an error. It is also the window's
    /// live region: every message is what a screen reader announces.
    status: Option<(String, bool)>,
    /// How many messages were said, see [`Self::say`].
    said: u64,
    search: Search,
    gesture: super::gesture::Gesture,
    shown_title: String,
    allow_close: bool,
    applied_style: Option<(bool, bool, f32)>,
    /// The application's data folder for recovery files and backups; `None` when the
    /// system has none (then there is no autosave, and the status bar says so on save).
    data: Option<crate::store::DataDir>,
    autosave: crate::store::AutosaveTimer,
    /// The recovery file being written in the background, if one is.
    autosave_job: Option<AutosaveJob>,
    /// A workspace file being read for the window (open, merge, restore), if one is.
    file_work: Option<FileWork>,
    /// The window's context, to wake it when background work ends.
    ctx: Option<egui::Context>,
    /// The *Bronteksten* view and the advice import.
    pub reader: super::reader::Reader,
    /// The open file's history of versions, and the view of it.
    pub(crate) versions: store::Tracked,
    history: super::history_view::HistoryPanel,
    /// The session state a merge led to, until saved: undone, it is no merge.
    merge_step: Option<u64>,
    /// Said after the first save under the default author name (see `file_text`).
    author_note: Option<String>,
}

/// Writing a recovery file of a large consultation takes a fifth of a second: too long
/// to hold the window still three seconds after every pause in typing. A copy of the
/// workspace is written by a worker thread instead.
type AutosaveJob = Job<Result<PathBuf, crate::store::SaveError>>;

impl WorkbenchApp {
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        let prefs: Prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, PREFS_KEY))
            .unwrap_or_default();
        Self::start(file, prefs)
    }

    /// Start-up: the file asked for; else the last workspace if it still loads; else
    /// the Green Paper as an unsaved "Naamloos".
    pub fn start(file: Option<PathBuf>, prefs: Prefs) -> Self {
        Self::start_in(file, prefs, crate::platform::data_dir())
    }

    /// As [`Self::start`], with recovery files and backups in `data` (tests use a
    /// temporary folder).
    pub fn start_in(
        file: Option<PathBuf>,
        prefs: Prefs,
        data: Option<crate::store::DataDir>,
    ) -> Self {
        let loaded = file.map(|path| {
            let result = store::load_tracked(&path);
            (path, result)
        });
        Self::start_loaded(loaded, prefs, data)
    }

    /// As [`Self::new`], with the file asked for already read (or failed to read):
    /// `ui::run` reads it on a thread of its own while the window and its renderer
    /// start, which take about as long.
    pub(crate) fn new_loaded(
        cc: &eframe::CreationContext<'_>,
        path: PathBuf,
        loaded: super::file_work::Read,
    ) -> Self {
        let prefs: Prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, PREFS_KEY))
            .unwrap_or_default();
        Self::start_loaded(Some((path, loaded)), prefs, crate::platform::data_dir())
    }

    fn start_loaded(
        loaded: Option<(PathBuf, super::file_work::Read)>,
        prefs: Prefs,
        data: Option<crate::store::DataDir>,
    ) -> Self {
        let mut app = Self {
            session: Session::new(store::default_workspace()),
            path: None,
            view: prefs.view,
            selection: Selection::Nothing,
            dialog: None,
            views: ViewCache::default(),
            variants: Default::default(),
            file_job: None,
            after_save: None,
            last_saved: None,
            status: None,
            said: 0,
            search: Search::default(),
            gesture: super::gesture::Gesture::default(),
            shown_title: String::new(),
            allow_close: false,
            applied_style: None,
            data,
            autosave: crate::store::AutosaveTimer::default(),
            autosave_job: None,
            file_work: None,
            ctx: None,
            reader: Default::default(),
            prefs,
            versions: store::Tracked::default(),
            history: super::history_view::HistoryPanel::default(),
            merge_step: None,
            author_note: None,
        };
        if let Some((path, result)) = loaded {
            app.open_loaded(&path, result);
        } else if let Some(last) = app.prefs.last_file.clone()
            && let Ok(read) = store::load_tracked(&last)
        {
            // Read once: a failed last file is passed over quietly, a good one opened.
            app.open_loaded(&last, Ok(read));
        }
        if app.dialog.is_none() {
            app.offer_recovery();
        }
        app
    }

    fn recovery_target(&self) -> Option<crate::store::RecoveryTarget> {
        self.data
            .as_ref()
            .map(|data| crate::store::RecoveryTarget::new(data, self.path.as_deref()))
    }

    /// After a crash: offer the work the autosave kept, newer than the file.
    fn offer_recovery(&mut self) {
        if let Some(target) = self.recovery_target()
            && let Some(info) = crate::store::find_recovery(&target)
        {
            self.dialog = Some(Dialog::Recovery(Box::new(info)));
        }
    }

    /// The work is safely in the person's file (or deliberately discarded).
    fn clear_recovery(&mut self) {
        // An autosave still being written would put the recovery file back after it
        // was cleared, and the next start would offer work that is already saved.
        self.collect_autosave(true);
        if let Some(target) = self.recovery_target() {
            let _ = crate::store::clear_recovery(&target);
        }
    }

    /// Writes the recovery file a few seconds after the last change.
    fn autosave(&mut self, ctx: &egui::Context) {
        let stamp = self.session.stamp();
        if !self.session.is_dirty() {
            self.autosave.written(stamp);
            return;
        }
        self.collect_autosave(false);
        if self.autosave.due(stamp, std::time::Instant::now()) {
            if self.autosave_job.is_some() {
                // The previous one is still being written; this one follows it.
                ctx.request_repaint_after(std::time::Duration::from_millis(250));
                return;
            }
            if let Some(target) = self.recovery_target() {
                let workspace = self.session.workspace().clone();
                let now = jiff::Timestamp::now();
                self.autosave_job = Some(Job::spawn(None, move || {
                    crate::store::write_recovery(&target, &workspace, now)
                }));
                // Come back to collect the result (and say if it failed) even when the
                // person does nothing; at the autosave's own pace, not in a busy loop.
                ctx.request_repaint_after(crate::store::recovery::AUTOSAVE_DELAY);
            }
            self.autosave.written(stamp);
        } else {
            ctx.request_repaint_after(crate::store::recovery::AUTOSAVE_DELAY);
        }
    }

    /// Takes the result of the background autosave once it is written (or, with
    /// `wait`, waits for it), and says so when it failed.
    fn collect_autosave(&mut self, wait: bool) {
        let Some(job) = &self.autosave_job else {
            return;
        };
        let result = match if wait { job.wait() } else { job.poll() } {
            Poll::Running => return,
            Poll::Done(result) => result,
            Poll::Lost => {
                self.autosave_job = None;
                self.say(self.t().autosave_failed.to_owned(), true);
                return;
            }
        };
        self.autosave_job = None;
        if let Err(error) = result {
            self.say(error.to_string(), true);
        }
    }

    /// Starts reading a file for the window, unless one is being read already.
    fn start_file_work(&mut self, work: impl FnOnce(Option<&egui::Context>) -> FileWork) {
        if self.file_work.is_some() {
            self.say(self.t().file_busy.to_owned(), true);
            return;
        }
        self.file_work = Some(work(self.ctx.as_ref()));
    }

    /// Carries out a file read in the background once it is there; with `wait`, waits
    /// for it. Tests call this (`finish_file_work`) after starting an open or merge.
    fn poll_file_work(&mut self, wait: bool) {
        // No polling loop: the worker wakes the window when the file is read.
        let Some(finished) = self.file_work.as_ref().and_then(|w| w.finish(wait)) else {
            return;
        };
        self.file_work = None;
        match finished {
            Finished::Opened(path, result) => self.open_loaded(&path, result),
            Finished::ToMerge(path, result) => self.merge_loaded(&path, result),
            Finished::Restored(Ok(ws)) => {
                // One undo step, unsaved until the person saves it.
                if let Err(error) = self.session.replace_workspace(ws) {
                    self.show_error(error.to_string(), false);
                }
            }
            Finished::Restored(Err(error)) => self.show_error(error.to_string(), false),
            Finished::Lost => self.show_error(self.t().work_lost.to_owned(), false),
        }
    }

    /// Waits for the file being read (if any) and carries it out.
    pub fn finish_file_work(&mut self) {
        self.poll_file_work(true);
    }

    /// The status line's message, which a screen reader also reads, if any.
    pub fn status_message(&self) -> Option<&str> {
        self.status.as_ref().map(|(text, _)| text.as_str())
    }

    /// Whether a file is being read in the background.
    pub fn is_reading(&self) -> bool {
        self.file_work.is_some()
    }

    /// Merges a colleague's copy into the open workspace once it is read.
    pub fn merge_path(&mut self, path: &Path) {
        self.start_file_work(|ctx| FileWork::merge(ctx, path));
    }

    /// Puts a message in the status bar, which is also what a screen reader announces.
    pub fn say(&mut self, text: String, is_error: bool) {
        self.said = self.said.wrapping_add(1);
        self.status = Some((text, is_error));
    }

    /// Shows a problem in a dialog and has it read out.
    fn show_error(&mut self, message: String, offer_save_as: bool) {
        self.say(format!("{}: {message}", self.t().problem), true);
        self.dialog = Some(Dialog::Error {
            message,
            offer_save_as,
        });
    }

    pub fn t(&self) -> &'static Tr {
        self.prefs.language.texts()
    }

    pub fn workspace(&self) -> &Workspace {
        self.session.workspace()
    }

    pub fn warnings(&mut self) -> &[crate::model::Warning] {
        &self
            .views
            .refresh_derived(&self.session, crate::platform::current_year())
            .warnings
    }

    fn file_label(&self) -> String {
        self.path.as_deref().and_then(Path::file_name).map_or_else(
            || self.t().untitled.to_owned(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    // ---- actions -------------------------------------------------------------

    pub fn run(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::New => self.guard(ctx, Pending::New),
            Action::NewEmpty => self.guard(ctx, Pending::NewEmpty),
            Action::Open => self.guard(ctx, Pending::Open),
            Action::OpenTyped => {
                self.dialog = Some(Dialog::PathEntry {
                    purpose: Purpose::Open,
                    text: String::new(),
                    note: None,
                });
            }
            Action::Save => {
                self.save(ctx);
            }
            Action::SaveAs => self.start_file_dialog(ctx, Purpose::SaveAs),
            Action::Merge => self.start_file_dialog(ctx, Purpose::Merge),
            Action::ReviewConflicts => self.dialog = Some(Dialog::Conflicts),
            Action::Export => {
                self.dialog = Some(Dialog::Export(Box::new(
                    super::export_dialog::ExportDialog::new(
                        self.session.workspace(),
                        self.path.as_deref(),
                    ),
                )));
            }
            Action::Quit => self.guard(ctx, Pending::Quit),
            Action::Undo => self.undo_or_redo(true),
            Action::Redo => self.undo_or_redo(false),
            Action::Find => self.search.open(),
            Action::ShowView(view) => (self.view, self.prefs.view) = (view, view),
            Action::ZoomIn => self.prefs.zoom = (self.prefs.zoom + 0.1).min(2.0),
            Action::ZoomOut => self.prefs.zoom = (self.prefs.zoom - 0.1).max(0.75),
            Action::ZoomReset => self.prefs.zoom = 1.0,
            Action::ToggleDark => self.prefs.dark = !self.prefs.dark,
            Action::ToggleHighContrast => self.prefs.high_contrast = !self.prefs.high_contrast,
            Action::ShowWarnings => self.dialog = Some(Dialog::Warnings),
            Action::Shortcuts => self.dialog = Some(Dialog::Shortcuts),
            Action::ImportAdvice => {
                let folder = self.path.as_deref().and_then(Path::parent);
                self.reader.start_import(ctx, folder.map(Path::to_owned));
            }
            Action::ImportAdviceTyped => self.reader.start_import_typed(),
            Action::AddCluster => {
                let cluster = Cluster {
                    name: self.t().new_cluster.to_owned(),
                    max_yearly_funding: Some(self.workspace().meta.funding_cap),
                    ..Cluster::default()
                };
                self.selection = Selection::Cluster(cluster.id);
                self.apply(Edit::append(cluster));
            }
        }
    }

    /// Undoes or redoes one step and says which.
    fn undo_or_redo(&mut self, undo: bool) {
        let t = self.t();
        let ws = self.session.workspace();
        let (next, done, nothing) = if undo {
            (
                self.session.next_undo(),
                t.said_undone,
                t.said_nothing_to_undo,
            )
        } else {
            (
                self.session.next_redo(),
                t.said_redone,
                t.said_nothing_to_redo,
            )
        };
        let Some(step) = next else {
            self.say(nothing.to_owned(), false);
            return;
        };
        let what = super::announce::describe(step, ws, t);
        let result = if undo {
            self.session.undo()
        } else {
            self.session.redo()
        };
        match result {
            Ok(_) => self.say(
                what.map_or_else(
                    || done.trim_end_matches(':').to_owned(),
                    |w| format!("{done} {w}"),
                ),
                false,
            ),
            Err(e) => self.say(e.to_string(), true),
        }
    }

    /// Runs `then` now, or first asks about unsaved changes.
    fn guard(&mut self, ctx: &egui::Context, then: Pending) {
        if self.session.is_dirty() {
            self.dialog = Some(Dialog::Unsaved { then });
        } else {
            self.proceed(ctx, then);
        }
    }

    fn proceed(&mut self, ctx: &egui::Context, then: Pending) {
        match then {
            Pending::New => self.replace(Session::new(store::default_workspace()), None),
            Pending::NewEmpty => self.replace(Session::new(Workspace::empty()), None),
            Pending::Open => self.start_file_dialog(ctx, Purpose::Open),
            Pending::OpenPath(path) => self.open_path(&path),
            Pending::Quit => {
                // Saved or deliberately not saved: the recovery file has served.
                self.clear_recovery();
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Another workspace in the window (opened, New): a session of its own, and no
    /// view computed for the one before it survives.
    fn replace(&mut self, session: Session, path: Option<PathBuf>) {
        self.session = session;
        self.views = ViewCache::default();
        self.path = path;
        self.selection = Selection::Nothing;
        self.last_saved = None;
        self.search.clear();
        self.versions = store::Tracked::default();
    }

    /// Opens a file, read in the background (see [`Self::finish_file_work`]). A file
    /// that does not load changes nothing but the message.
    pub fn open_path(&mut self, path: &Path) {
        self.start_file_work(|ctx| FileWork::open(ctx, path));
    }

    fn remember(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        self.prefs.recent.retain(|p| *p != path);
        self.prefs.recent.insert(0, path.clone());
        self.prefs.recent.truncate(MAX_RECENT);
        self.prefs.last_file = Some(path);
    }

    /// Saves to the current file, or asks for one. Returns whether it is on disk.
    pub fn save(&mut self, ctx: &egui::Context) -> bool {
        match self.path.clone() {
            Some(path) => self.save_to(&path),
            None => {
                self.start_file_dialog(ctx, Purpose::SaveAs);
                false
            }
        }
    }

    pub fn save_to(&mut self, path: &Path) -> bool {
        // Another file that exists is somebody's work (a colleague's copy, an older
        // version): its bytes go to the backups first, and without that copy it is
        // not replaced. The session's own file is saved even when its backup fails,
        // since the window holds its newer content.
        let own_file = self
            .path
            .as_deref()
            .is_some_and(|own| store::same_file(own, path));
        let mut kept = None;
        if !own_file {
            match store::keep_copy(self.data.as_ref(), path) {
                Ok(copy) => kept = copy,
                Err(problem) => {
                    self.after_save = None;
                    let message = fill(
                        self.t().replace_refused,
                        &[("file", &path.display().to_string()), ("problem", &problem)],
                    );
                    self.show_error(message, true);
                    return false;
                }
            }
        }
        let (text, versions) = match self.file_text() {
            Ok(made) => made,
            Err(error) => {
                self.after_save = None;
                self.show_error(error.to_string(), true);
                return false;
            }
        };
        let saved = if kept.is_some() {
            // Already secured above; a second backup of the same bytes would push an
            // older version out of the five kept.
            store::write_atomic(path, text.as_bytes()).map(|()| store::SaveReport::default())
        } else {
            store::save_text_with_backup(self.data.as_ref(), path, &text)
        };
        match saved {
            Ok(report) => {
                self.versions = versions;
                // The untitled workspace's recovery file, or the file's own.
                self.clear_recovery();
                self.session.mark_saved();
                self.path = Some(path.to_owned());
                self.last_saved = Some(jiff::Timestamp::now());
                self.remember(path);
                self.clear_recovery();
                match (report.backup_problem, kept) {
                    (_, Some(copy)) => {
                        let said = fill(
                            self.t().replaced_kept,
                            &[
                                ("file", &path.display().to_string()),
                                ("copy", &copy.display().to_string()),
                            ],
                        );
                        self.say(said, false);
                    }
                    (Some(problem), None) => {
                        self.say(format!("{} {problem}", self.t().backup_note), true);
                    }
                    (None, None) => {
                        let mut said = format!("{} {}", self.t().said_saved, self.file_label());
                        if let Some(note) = self.author_note.take() {
                            said = format!("{said}. {note}");
                        }
                        self.say(said, false);
                    }
                }
                true
            }
            Err(error) => {
                // The workspace stays in memory and marked unsaved.
                self.after_save = None;
                self.show_error(error.to_string(), true);
                false
            }
        }
    }

    fn start_file_dialog(&mut self, ctx: &egui::Context, purpose: Purpose) {
        if self.file_job.is_some() {
            return;
        }
        let folder = self
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_owned)
            .or_else(|| Some(files::default_folder()));
        let name = self.path.as_deref().and_then(Path::file_name).map_or_else(
            || files::file_name_for(&self.workspace().meta.title),
            |n| n.to_string_lossy().into_owned(),
        );
        self.file_job = Some(FileJob::start(purpose, folder, name, ctx.clone()));
    }

    fn poll_file_job(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.file_job else {
            return;
        };
        let Some(outcome) = job.poll() else {
            ctx.request_repaint_after(std::time::Duration::from_millis(150));
            return;
        };
        let purpose = job.purpose;
        self.file_job = None;
        match outcome {
            Outcome::Chosen(path) => self.path_chosen(ctx, purpose, &path),
            Outcome::Cancelled => self.after_save = None,
            Outcome::Unavailable => {
                let suggestion = match purpose {
                    Purpose::Open | Purpose::Merge => String::new(),
                    Purpose::SaveAs => files::default_folder()
                        .join(files::file_name_for(&self.workspace().meta.title))
                        .display()
                        .to_string(),
                };
                self.dialog = Some(Dialog::PathEntry {
                    purpose,
                    text: suggestion,
                    note: Some(self.t().no_file_dialog.to_owned()),
                });
            }
        }
    }

    fn path_chosen(&mut self, ctx: &egui::Context, purpose: Purpose, path: &Path) {
        match purpose {
            Purpose::Open => self.open_path(path),
            Purpose::Merge => self.merge_path(path),
            Purpose::SaveAs => {
                let path = files::with_extension(path);
                if self.save_to(&path)
                    && let Some(then) = self.after_save.take()
                {
                    self.proceed(ctx, then);
                }
            }
        }
    }

    /// Applies an edit of the app's own (a command, a confirmed removal): one step.
    fn apply(&mut self, edit: Edit) {
        let said = super::announce::said(&edit, self.workspace(), self.t());
        match self.session.apply(edit) {
            Ok(()) => said.into_iter().for_each(|text| self.say(text, false)),
            Err(error) => self.say(error.to_string(), true),
        }
    }

    fn carry_out(&mut self, ctx: &egui::Context, out: Outbox) {
        let Outbox {
            edits,
            removals,
            select,
            view,
            focus,
            announce,
        } = out;
        let mut said = None;
        self.gesture.follow(ctx, &mut self.session);
        let shown = self.variants.edited(self.workspace());
        // The views edit the shown variant's projection; the Varianten view alone
        // draws (and edits) the whole workspace.
        let projected = self.view != View::Variants;
        for (edit, key) in edits {
            let edit = match projected {
                true => crate::model::variants::unproject(self.workspace(), shown, edit),
                false => edit,
            };
            let change = super::announce::change(ctx, &edit, &key, self.workspace(), self.t());
            let revision = self.session.revision();
            // The one place where the panels' edits are applied, and grouped into
            // undo steps.
            if let Err(error) = super::gesture::apply(ctx, &mut self.session, edit, key) {
                self.say(error.to_string(), true);
            }
            if change.is_some() && self.session.revision() != revision {
                said = change;
            }
        }
        if let Some(text) = announce.or(said) {
            self.say(text, false);
        }
        if let Some(key) = removals.into_iter().next() {
            self.ask_removal(key);
        }
        if let Some(selection) = select {
            self.selection = selection;
        }
        if let Some(view) = view {
            self.view = view;
        }
        if let Some(id) = focus {
            ctx.memory_mut(|m| m.request_focus(id));
        }
    }

    /// Removes at once when nothing else refers to the record, else asks first and
    /// says what goes with it.
    fn ask_removal(&mut self, key: RecordKey) {
        let ws = self.session.workspace();
        let (edit, consequences) = removal(ws, key);
        if consequences.is_empty() {
            self.apply(edit);
            return;
        }
        let what = match key {
            RecordKey::Cluster(id) => ws.cluster_name(id),
            RecordKey::Scenario(id) => ws.scenario_label(id),
            RecordKey::Body(id) => ws
                .body(id)
                .map(|b| b.short_name.clone())
                .unwrap_or_default(),
            RecordKey::Variant(id) => super::variants::name_of(ws, id),
            _ => String::new(),
        };
        self.dialog = Some(Dialog::ConfirmRemoval {
            what,
            consequences,
            edit: Box::new(edit),
        });
    }

    // ---- drawing ---------------------------------------------------------------

    /// One frame of the whole window. `App::ui` calls this, and so do the tests.
    pub fn frame(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let (said_before, prefs_before) = (self.said, self.prefs.clone());
        super::paste::normalise_breaks_in_input(&ctx);
        self.apply_style(&ctx);
        self.handle_close_request(&ctx);
        self.handle_shortcuts(&ctx);
        self.ctx = Some(ctx.clone());
        self.poll_file_job(&ctx);
        self.poll_file_work(false);
        // One read of the clock and time zone per frame; the year follows from it.
        let today = crate::platform::today();
        let variant = self.variants.edited(self.session.workspace());
        (self.views).prepare(
            &self.session,
            self.view,
            variant,
            today.year().into(),
            today,
        );
        self.update_title(&ctx);
        self.autosave(&ctx);

        let mut out = Outbox::default();
        let mut actions = Vec::new();
        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, &mut actions));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui, &mut actions));
        let conflicts = self.session.workspace().conflicts.len();
        if conflicts > 0 {
            egui::Panel::top("conflicts").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        format!(
                            "{} {}",
                            self.prefs.language.count(conflicts),
                            self.t().conflicts_banner
                        ),
                    );
                    if ui.button(self.t().conflicts_review).clicked() {
                        actions.push(Action::ReviewConflicts);
                    }
                });
            });
        }
        if self.search.is_open() {
            egui::Panel::top("search").show(ui, |ui| {
                self.search.show(ui, &self.session, self.t(), &mut out);
            });
        }
        egui::Panel::left("views")
            .resizable(false)
            .default_size(150.0)
            .show(ui, |ui| self.view_list(ui, &mut actions));
        let frame = Frame {
            ws: self.views.shown(&self.session),
            derived: self.views.derived(),
            selection: self.selection,
            t: self.prefs.language.texts(),
            lang: self.prefs.language,
            now: jiff::Timestamp::now(),
        };
        if matches!(self.view, View::Matrix | View::Board | View::Charts) {
            // Sizes are in points, which grow with the zoom: at 200 % a fixed 380-point
            // panel would leave the matrix a sliver. The panel takes at most 35 % of
            // the window, so the view beside it keeps room for its columns.
            let window = ctx.content_rect().width();
            let max = (window * 0.35).clamp(200.0, 440.0);
            egui::Panel::right("detail")
                .resizable(true)
                .default_size(380.0_f32.min(max))
                .min_size(280.0_f32.min(max))
                .max_size(max)
                .show(ui, |ui| detail::show(ui, &frame, &mut out));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.heading(self.view.label(frame.t));
                if matches!(self.view, View::Matrix | View::Board)
                    && ui.button(frame.t.add_cluster).clicked()
                {
                    actions.push(Action::AddCluster);
                }
            });
            ui.separator();
            let (whole, lang) = (self.session.workspace(), self.prefs.language);
            if matches!(self.view, View::Matrix | View::Board | View::Charts)
                && whole.variants.len() > 1
            {
                super::variants::picker(ui, whole, &mut self.variants, lang, &mut out);
            }
            match self.view {
                View::Matrix => matrix::show(ui, &frame, &mut out),
                View::Board => board::show(ui, &frame, &mut out),
                View::Scenarios => scenarios::show(ui, &frame, &mut out),
                View::Advice => advice::show(ui, &frame, &mut out),
                View::Themes => themes::show(ui, &frame, &mut out),
                View::Charts => {
                    if let Some(data) = self.views.charts_for(self.session.stamp()) {
                        charts::show(ui, &frame, data, &mut out);
                    }
                }
                View::Document => document::show(ui, &frame, &mut out),
                View::Preview => {
                    if let Some(doc) = self.views.preview_for(self.session.stamp()) {
                        preview::show(ui, &frame, doc);
                    }
                }
                View::Variants => {
                    if let Some(c) = self.views.comparison_for(self.session.stamp()) {
                        super::variants::show(ui, whole, c, &mut self.variants, lang, &mut out);
                    }
                }
                View::Sources => super::reader::show(ui, &frame, &mut self.reader, &mut out),
                View::History => {
                    // The history is of the whole file: every variant, not the
                    // projection the other views edit.
                    let whole = Frame { ws: whole, ..frame };
                    let author = &mut self.prefs.author;
                    self.history
                        .show(ui, &whole, &self.versions, author, &mut out);
                }
            }
        });
        self.reader.background(&ctx, &frame, &mut out);
        self.dialogs(&ctx, &mut actions);

        self.carry_out(&ctx, out);
        for action in actions {
            self.run(&ctx, action);
        }
        self.say_settings(&prefs_before);
        // A message said after the status bar was drawn shows (and is announced) in
        // the next frame; ask for it rather than wait for the next input.
        if self.said != said_before {
            ctx.request_repaint();
        }
    }

    fn apply_style(&mut self, ctx: &egui::Context) {
        let wanted = (self.prefs.dark, self.prefs.high_contrast, self.prefs.zoom);
        if self.applied_style != Some(wanted) {
            if self.applied_style.is_none() {
                style::install_fonts(ctx);
            }
            style::apply(ctx, self.prefs.dark, self.prefs.high_contrast);
            ctx.set_zoom_factor(self.prefs.zoom);
            self.applied_style = Some(wanted);
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && !self.allow_close
            && self.session.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved {
                then: Pending::Quit,
            });
        }
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        if self.dialog.is_some() {
            return;
        }
        let mut fired = Vec::new();
        ctx.input_mut(|i| {
            for action in Action::WITH_SHORTCUTS {
                let hit = [action.shortcut(), action.alternative_shortcut()]
                    .into_iter()
                    .flatten()
                    .any(|s| i.consume_shortcut(&s));
                if hit {
                    fired.push(action);
                }
            }
        });
        for action in fired {
            self.run(ctx, action);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let mark = if self.session.is_dirty() { " •" } else { "" };
        let title = format!("{}{mark} — Clusterwerkbank", self.file_label());
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    fn menu_bar(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let t = self.t();
        let item = |ui: &mut Ui, action: Action, enabled: bool, actions: &mut Vec<Action>| {
            let mut button = egui::Button::new(action.label(t));
            if let Some(keys) = action.shortcut_words(t) {
                button = button.shortcut_text(keys);
            }
            if ui.add_enabled(enabled, button).clicked() {
                actions.push(action);
            }
        };
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t.menu_file, |ui| {
                item(ui, Action::New, true, actions);
                item(ui, Action::NewEmpty, true, actions);
                item(ui, Action::Open, self.file_job.is_none(), actions);
                item(ui, Action::OpenTyped, true, actions);
                ui.menu_button(t.recent, |ui| {
                    if self.prefs.recent.is_empty() {
                        ui.label(RichText::new(t.no_recent).weak());
                    }
                    for path in self.prefs.recent.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            self.pending_open(ui.ctx(), path);
                        }
                    }
                });
                ui.separator();
                item(ui, Action::Save, true, actions);
                item(ui, Action::SaveAs, self.file_job.is_none(), actions);
                item(ui, Action::Export, true, actions);
                item(ui, Action::Merge, self.file_job.is_none(), actions);
                let idle = !self.reader.is_importing();
                item(ui, Action::ImportAdvice, idle, actions);
                item(ui, Action::ImportAdviceTyped, idle, actions);
                ui.separator();
                item(ui, Action::Quit, true, actions);
            });
            ui.menu_button(t.menu_edit, |ui| {
                item(ui, Action::Undo, self.session.can_undo(), actions);
                item(ui, Action::Redo, self.session.can_redo(), actions);
                ui.separator();
                item(ui, Action::Find, true, actions);
                item(ui, Action::AddCluster, true, actions);
            });
            ui.menu_button(t.menu_view, |ui| {
                for view in View::ALL {
                    item(ui, Action::ShowView(view), true, actions);
                }
                ui.separator();
                item(ui, Action::ZoomIn, true, actions);
                item(ui, Action::ZoomOut, true, actions);
                item(ui, Action::ZoomReset, true, actions);
                item(ui, Action::ToggleDark, true, actions);
                item(ui, Action::ToggleHighContrast, true, actions);
                ui.menu_button(t.language, |ui| {
                    for language in Language::ALL {
                        if ui
                            .radio(self.prefs.language == language, language.name())
                            .clicked()
                        {
                            self.prefs.language = language;
                        }
                    }
                });
            });
            ui.menu_button(t.menu_help, |ui| {
                item(ui, Action::Shortcuts, true, actions);
            });
        });
    }

    fn pending_open(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.guard(ctx, Pending::OpenPath(path));
    }

    fn view_list(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let t = self.t();
        ui.add_space(6.0);
        for view in View::ALL {
            if ui
                .add_sized(
                    [ui.available_width(), 28.0],
                    egui::Button::selectable(self.view == view, view.label(t)),
                )
                .clicked()
            {
                actions.push(Action::ShowView(view));
            }
        }
    }

    /// The open dialog, drawn from its own file in `ui::dialogs`; here only what the
    /// person's answer does to the window.
    fn dialogs(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        use super::dialogs::{error, path_entry, removal, shortcuts, unsaved, warnings};
        let t = self.t();
        let lang = self.prefs.language;
        let Some(dialog) = self.dialog.take() else {
            return;
        };
        let (enter, escape) = ctx.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
                i.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
            )
        });
        match dialog {
            Dialog::Unsaved { then } => {
                match unsaved::show(ctx, t, &self.file_label(), enter, escape) {
                    Some(unsaved::Choice::Save) => {
                        if self.path.is_some() {
                            if self.save(ctx) {
                                self.proceed(ctx, then);
                            }
                        } else {
                            self.after_save = Some(then);
                            self.start_file_dialog(ctx, Purpose::SaveAs);
                        }
                    }
                    Some(unsaved::Choice::DontSave) => self.proceed(ctx, then),
                    Some(unsaved::Choice::Cancel) => {}
                    None => self.dialog = Some(Dialog::Unsaved { then }),
                }
            }
            Dialog::ConfirmRemoval {
                what,
                consequences,
                edit,
            } => match removal::show(ctx, lang, &what, &consequences, enter, escape) {
                Some(true) => {
                    self.selection = Selection::Nothing;
                    self.apply(*edit);
                }
                Some(false) => {}
                None => {
                    self.dialog = Some(Dialog::ConfirmRemoval {
                        what,
                        consequences,
                        edit,
                    });
                }
            },
            Dialog::PathEntry {
                purpose,
                mut text,
                note,
            } => {
                let heading = match purpose {
                    Purpose::Open => t.open_typed,
                    Purpose::SaveAs => t.save_as,
                    Purpose::Merge => t.merge,
                };
                let choice =
                    path_entry::show(ctx, t, heading, &mut text, note.as_deref(), enter, escape);
                match choice {
                    Some(true) if !text.trim().is_empty() => {
                        let path = PathBuf::from(text.trim());
                        self.path_chosen(ctx, purpose, &path);
                    }
                    Some(false) => self.after_save = None,
                    _ => {
                        self.dialog = Some(Dialog::PathEntry {
                            purpose,
                            text,
                            note,
                        })
                    }
                }
            }
            Dialog::Error {
                message,
                offer_save_as,
            } => match error::show(ctx, t, &message, offer_save_as, enter, escape) {
                Some(error::Choice::SaveAs) => actions.push(Action::SaveAs),
                Some(error::Choice::Close) => {}
                None => {
                    self.dialog = Some(Dialog::Error {
                        message,
                        offer_save_as,
                    })
                }
            },
            Dialog::Warnings => {
                let outcome = warnings::show(
                    ctx,
                    self.session.workspace(),
                    &self.views.derived().warnings,
                    lang,
                    escape || enter,
                );
                match outcome {
                    warnings::Outcome::Open => self.dialog = Some(Dialog::Warnings),
                    warnings::Outcome::Closed => {}
                    warnings::Outcome::Chosen(warning) => {
                        if let Some(c) = warning.cluster() {
                            self.selection = Selection::Cluster(c);
                            self.view = View::Matrix;
                        } else {
                            self.dialog = Some(Dialog::Warnings);
                        }
                    }
                }
            }
            Dialog::Export(mut dialog) => {
                let mut outcome = None;
                egui::Modal::new(egui::Id::unique("export")).show(ctx, |ui| {
                    outcome = dialog.ui(ui, self.session.workspace(), t, lang, enter, escape);
                });
                if let Some(ended) = dialog.take_finished() {
                    let (message, is_error) = ended.said(t, lang);
                    self.say(message, is_error);
                }
                match outcome {
                    Some(super::export_dialog::DialogOutcome::Close) => {}
                    Some(super::export_dialog::DialogOutcome::Open) => {
                        if let Some(path) = dialog.written()
                            && let Err(error) = super::export_dialog::open_with_system(path)
                        {
                            self.say(
                                format!("{} {}: {error}", t.export_open, path.display()),
                                true,
                            );
                        }
                        self.dialog = Some(Dialog::Export(dialog));
                    }
                    None => {
                        if dialog.is_running() {
                            ctx.request_repaint_after(std::time::Duration::from_millis(100));
                        }
                        self.dialog = Some(Dialog::Export(dialog));
                    }
                }
            }
            Dialog::Recovery(info) => {
                use super::dialogs::recovery::{Choice, show};
                match show(ctx, &info, lang, enter, escape) {
                    Some(Choice::Restore) => {
                        self.start_file_work(|ctx| FileWork::restore(ctx, &info));
                    }
                    Some(Choice::Discard) => self.clear_recovery(),
                    Some(Choice::Close) => {}
                    None => self.dialog = Some(Dialog::Recovery(info)),
                }
            }
            Dialog::Conflicts => {
                use super::dialogs::conflicts::{Outcome, show};
                match show(ctx, self.session.workspace(), lang, escape) {
                    Outcome::Settle(edit) => {
                        self.apply(edit);
                        if !self.session.workspace().conflicts.is_empty() {
                            self.dialog = Some(Dialog::Conflicts);
                        }
                    }
                    Outcome::Refused(problem) => self.show_error(problem, false),
                    Outcome::Open => self.dialog = Some(Dialog::Conflicts),
                    Outcome::Closed => {}
                }
            }
            Dialog::Shortcuts => {
                if !shortcuts::show(ctx, t, escape || enter) {
                    self.dialog = Some(Dialog::Shortcuts);
                }
            }
        }
    }
}

impl eframe::App for WorkbenchApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }
}
