//! *Geschiedenis*: the versions saved in the file, newest first, with author, time and
//! what changed; an earlier version opened read-only and compared with the workspace
//! as it is now, or restored (one undoable edit, saved as a new version); and who
//! changed the selected record when.

use egui::{RichText, Ui};

use super::state::{Frame, Outbox, Selection};
use super::text::Language;
use crate::model::merge::ConflictTarget;
use crate::model::versions::{Change, VersionId};
use crate::model::{Edit, RecordKey, Workspace};
use crate::store::Tracked;
use crate::wording::{self, Lang};

/// This view's words, apart from the big table so several people can add strings.
pub(crate) struct HistoryWords {
    pub view: &'static str,
    pub author: &'static str,
    pub author_hint: &'static str,
    /// Said once, after the first save that recorded a version under the default
    /// name; {name}.
    pub author_first: &'static str,
    pub empty: &'static str,
    pub start: &'static str,
    pub merge_of: &'static str,
    pub unrebuildable: &'static str,
    pub no_content_change: &'static str,
    pub open: &'static str,
    pub opened: &'static str,
    pub compared: &'static str,
    pub same_as_now: &'static str,
    pub restore: &'static str,
    pub restored: &'static str,
    pub close: &'static str,
    pub who: &'static str,
    pub nobody: &'static str,
    pub merged_three_way: &'static str,
    pub merged_two_way: &'static str,
    pub records: &'static str,
    pub all: &'static str,
    pub cut: &'static str,
}

static NL: HistoryWords = HistoryWords {
    view: "Geschiedenis",
    author: "Je naam in de geschiedenis:",
    author_hint: "naam bij elke opgeslagen versie",
    author_first: "Deze versie staat op naam van \u{201c}{name}\u{201d}; een andere naam geeft u in Beeld \u{203a} Geschiedenis (Ctrl+G).",
    empty: "Nog geen versies: de geschiedenis begint bij de eerste keer opslaan met een wijziging.",
    start: "beginstand (van vóór de geschiedenis)",
    merge_of: "samenvoeging",
    unrebuildable: "(de wijzigingen zijn niet meer te reconstrueren)",
    no_content_change: "(geen inhoudelijke wijziging)",
    open: "Bekijk",
    opened: "Versie (alleen lezen)",
    compared: "Wat sindsdien veranderde (deze versie → nu):",
    same_as_now: "Gelijk aan de werkruimte zoals ze nu is.",
    restore: "Deze versie terugzetten",
    restored: "Versie teruggezet; opslaan maakt er een nieuwe versie van (Ctrl+Z maakt het ongedaan).",
    close: "Sluiten",
    who: "Wie wijzigde dit?",
    nobody: "Geen versie wijzigde het geselecteerde record.",
    merged_three_way: "driewegsamenvoeging met de gemeenschappelijke versie",
    merged_two_way: "tweewegsamenvoeging (elk verschil is een conflict):",
    records: "clusters / argumenten / adviesorganen",
    all: "Ook de wijzigingen van de oudere versies tonen (duurt even bij een grote werkruimte)",
    cut: "de geschiedenis vóór deze versie is onvolledig",
};

static EN: HistoryWords = HistoryWords {
    view: "History",
    author: "Your name in the history:",
    author_hint: "name on every saved version",
    author_first: "This version is saved under the name \u{201c}{name}\u{201d}; give another in View \u{203a} History (Ctrl+G).",
    empty: "No versions yet: the history starts at the first save with a change.",
    start: "starting point (from before the history)",
    merge_of: "merge",
    unrebuildable: "(the changes can no longer be rebuilt)",
    no_content_change: "(no change in content)",
    open: "View",
    opened: "Version (read-only)",
    compared: "What changed since (this version → now):",
    same_as_now: "The same as the workspace is now.",
    restore: "Restore this version",
    restored: "Version restored; saving makes it a new version (Ctrl+Z undoes it).",
    close: "Close",
    who: "Who changed this?",
    nobody: "No version changed the selected record.",
    merged_three_way: "three-way merge with the common version",
    merged_two_way: "two-way merge (every difference is a conflict):",
    records: "clusters / arguments / advisory bodies",
    all: "Also list the changes of older versions (takes a while for a large workspace)",
    cut: "the history before this version is incomplete",
};

pub(crate) fn words(language: Language) -> &'static HistoryWords {
    match language {
        Language::Dutch => &NL,
        Language::English => &EN,
    }
}

fn lang(language: Language) -> Lang {
    match language {
        Language::Dutch => Lang::Dutch,
        Language::English => Lang::English,
    }
}

type Lists = Vec<(VersionId, Option<Vec<Change>>)>;

/// What the view keeps between frames.
#[derive(Default)]
pub(crate) struct HistoryPanel {
    /// The change lists, for the log as it was: its length and head.
    lists: Option<(usize, Option<VersionId>, Lists)>,
    /// The version opened read-only: its id and workspace.
    open: Option<(VersionId, Box<Workspace>)>,
    /// Asked to list the changes of every version of a large workspace.
    all: bool,
}

/// Beyond this many arguments only the newest versions' changes are listed until
/// asked: each version is rebuilt and read to list them, a good part of a second for
/// a 20 000-argument workspace, on the window's thread.
const LARGE: usize = 2_000;
const NEWEST: usize = 10;

fn record_of(selection: Selection) -> Option<RecordKey> {
    Some(match selection {
        Selection::Cluster(c) | Selection::Cell(c, _) => RecordKey::Cluster(c),
        Selection::Scenario(s) => RecordKey::Scenario(s),
        Selection::Argument(a) => RecordKey::Argument(a),
        Selection::Body(b) => RecordKey::Body(b),
        Selection::Theme(t) => RecordKey::Theme(t),
        Selection::Nothing => return None,
    })
}

/// A version's time as the reader's clock shows it: the file keeps UTC (so copies
/// agree), the window speaks the laptop's time zone and the interface's date form.
/// A time that is not RFC 3339 (a hand edit) is shown as written.
fn when(lang: Language, time: &str) -> String {
    match time.parse::<jiff::Timestamp>() {
        Ok(at) => {
            let day = at.to_zoned_datetime(jiff::tz::TimeZone::system()).date();
            format!("{} {}", lang.date(day), lang.time(at))
        }
        Err(_) => time.to_owned(),
    }
}

impl HistoryPanel {
    fn lists(&mut self, versions: &Tracked, large: bool) -> &Lists {
        let key = (
            versions.log.versions.len(),
            versions.log.head().map(|h| h.id.clone()),
        );
        if !matches!(&self.lists, Some((n, head, _)) if (*n, head) == (key.0, &key.1)) {
            self.lists = None;
        }
        let count = if large && !self.all {
            NEWEST
        } else {
            usize::MAX
        };
        // Rebuilt once per saved version, not per frame.
        &self
            .lists
            .get_or_insert_with(|| (key.0, key.1, versions.newest_change_lists(count)))
            .2
    }

    pub(crate) fn show(
        &mut self,
        ui: &mut Ui,
        frame: &Frame,
        versions: &Tracked,
        author: &mut Option<String>,
        out: &mut Outbox,
    ) {
        let w = words(frame.lang);
        let l = lang(frame.lang);
        ui.horizontal(|ui| {
            let label = ui.label(w.author);
            let mut name = author
                .clone()
                .unwrap_or_else(crate::platform::default_author);
            let edit = ui.add(
                egui::TextEdit::singleline(&mut name)
                    .hint_text(w.author_hint)
                    .desired_width(220.0),
            );
            let edit = edit.labelled_by(label.id);
            if edit.changed() {
                *author = Some(name);
            }
        });
        if let Some(note) = &versions.incomplete {
            ui.colored_label(ui.visuals().warn_fg_color, note);
        }
        ui.separator();
        if let Some((id, old)) = &self.open {
            let (id, old) = (id.clone(), old.clone());
            self.show_open(ui, frame, &id, &old, out);
            ui.separator();
        }
        let mut clicked = None;
        let large = frame.ws.arguments.len() > LARGE;
        if large && !self.all && versions.log.versions.len() > NEWEST && ui.button(w.all).clicked()
        {
            self.all = true;
            self.lists = None;
        }
        let lists = self.lists(versions, large);
        if let Some(key) = record_of(frame.selection) {
            ui.label(RichText::new(w.who).strong());
            let mut any = false;
            for (version, (_, changes)) in versions.log.versions.iter().rev().zip(lists) {
                for change in changes.iter().flatten() {
                    if change.target == ConflictTarget::Record(key) {
                        any = true;
                        ui.label(format!(
                            "{}, {}: {}",
                            version.author,
                            when(frame.lang, &version.time),
                            wording::change(change, l)
                        ));
                    }
                }
            }
            if !any {
                ui.label(w.nobody);
            }
            ui.separator();
        }
        if versions.log.is_empty() {
            ui.label(w.empty);
            return;
        }
        let clicked = &mut clicked;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (version, (_, changes)) in versions.log.versions.iter().rev().zip(lists) {
                    ui.horizontal(|ui| {
                        let who = if version.author.is_empty() {
                            w.start.to_owned()
                        } else {
                            format!("{}, {}", version.author, when(frame.lang, &version.time))
                        };
                        ui.label(RichText::new(format!("{}  {who}", version.id)).strong());
                        if version.parents.len() > 1 {
                            ui.label(format!("({})", w.merge_of));
                        }
                        if version.parents.iter().any(|l| l.broken) {
                            ui.label(format!("({})", w.cut));
                        }
                        if ui.button(format!("{} {}", w.open, version.id)).clicked() {
                            *clicked = Some(version.id.clone());
                        }
                    });
                    match changes {
                        Some(list) if list.is_empty() => {
                            ui.label(w.no_content_change);
                        }
                        Some(list) => {
                            for change in list {
                                ui.label(format!("    • {}", wording::change(change, l)));
                            }
                        }
                        None if version.parents.is_empty() => {}
                        None => {
                            ui.label(w.unrebuildable);
                        }
                    }
                    ui.add_space(4.0);
                }
            });
        if let Some(id) = clicked.take() {
            self.open = versions
                .workspace_at(&id)
                .map(|ws| (id.clone(), Box::new(ws)));
        }
    }

    fn show_open(
        &mut self,
        ui: &mut Ui,
        frame: &Frame,
        id: &VersionId,
        old: &Workspace,
        out: &mut Outbox,
    ) {
        let w = words(frame.lang);
        ui.label(RichText::new(format!("{} {id}: {}", w.opened, old.meta.title)).strong());
        ui.label(format!(
            "{}: {} / {} / {}",
            w.records,
            old.clusters.len(),
            old.arguments.len(),
            old.bodies.len()
        ));
        let changes = crate::model::versions::changes(old, frame.ws);
        if changes.is_empty() {
            ui.label(w.same_as_now);
        } else {
            ui.label(w.compared);
            egui::ScrollArea::vertical()
                .id_salt("compared")
                .max_height(200.0)
                .show(ui, |ui| {
                    for change in &changes {
                        ui.label(format!(
                            "    • {}",
                            wording::change(change, lang(frame.lang))
                        ));
                    }
                });
        }
        ui.horizontal(|ui| {
            if !changes.is_empty() && ui.button(w.restore).clicked() {
                out.edits.push((Edit::Replace(Box::new(old.clone())), None));
                out.announce = Some(w.restored.to_owned());
                self.open = None;
            }
            if ui.button(w.close).clicked() {
                self.open = None;
            }
        });
    }
}
