#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! The *Geschiedenis* view: the versions of the open file newest first with their
//! changes; an earlier version opened, compared with now and restored as one undo
//! step, which the next save records as a new version; who changed the selection.

use std::path::{Path, PathBuf};

use clusterwerkbank::model::Workspace;
use clusterwerkbank::store::{self, DataDir, default_workspace, file_text, load_tracked};
use clusterwerkbank::ui::app::{Prefs, WorkbenchApp};
use clusterwerkbank::ui::state::{Selection, View};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type H = Harness<'static, WorkbenchApp>;

fn harness(app: WorkbenchApp) -> H {
    Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .build_ui_state(|ui, app: &mut WorkbenchApp| app.frame(ui), app)
}

fn save_edit(path: &Path, time: &str, edit: impl FnOnce(&mut Workspace)) {
    let (mut ws, history) = load_tracked(path).unwrap();
    edit(&mut ws);
    let (text, _, _) = file_text(&ws, &history, "An", time).unwrap();
    store::write_atomic(path, text.as_bytes()).unwrap();
}

fn file_with_history() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("werk.ron");
    store::save(&path, &default_workspace()).unwrap();
    save_edit(&path, "2026-03-01T09:00:00Z", |ws| {
        ws.clusters[0].note = "Eerste notitie".into();
    });
    save_edit(&path, "2026-03-02T09:00:00Z", |ws| {
        ws.clusters[0].note = "Tweede notitie".into();
    });
    (folder, path)
}

#[test]
fn the_history_lists_versions_and_restores_an_earlier_one_as_a_new_version() {
    let (_folder, path) = file_with_history();
    let data = DataDir::at(tempfile::tempdir().unwrap().keep());
    let prefs = Prefs {
        author: Some("Bo".into()),
        ..Prefs::default()
    };
    let mut app = WorkbenchApp::start_in(Some(path.clone()), prefs, Some(data));
    app.view = View::History;
    let mut h = harness(app);
    h.run();
    h.get_by_label_contains(
        "\u{201c}Eerste notitie\u{201d} \u{2192} \u{201c}Tweede notitie\u{201d}",
    );
    h.get_by_label_contains(&format!("An, {}", local("2026-03-01T09:00:00Z")));
    h.get_by_label_contains("beginstand");

    // Who changed Catalisti?
    let catalisti = h.state().workspace().clusters[0].id;
    h.state_mut().selection = Selection::Cluster(catalisti);
    h.run();
    h.get_by_label_contains("Wie wijzigde dit?");
    assert!(
        h.query_by_label_contains(&format!("An, {}: Cluster", local("2026-03-02T09:00:00Z")))
            .is_some()
    );

    // Open the first saved version, compare, restore.
    let (_, history) = load_tracked(&path).unwrap();
    let first = history.log.versions[1].id.clone();
    h.get_by_label(&format!("Bekijk {first}")).click();
    h.run();
    h.get_by_label_contains("Versie (alleen lezen)");
    // In the comparison with now, under "wie wijzigde dit?" and in the list.
    let change = "\u{201c}Eerste notitie\u{201d} \u{2192} \u{201c}Tweede notitie\u{201d}";
    assert_eq!(h.query_all_by_label_contains(change).count(), 3);
    h.get_by_label("Deze versie terugzetten").click();
    h.run();
    assert_eq!(h.state().workspace().clusters[0].note, "Eerste notitie");
    assert!(h.state().session.is_dirty());

    // Saved, the restore is a new version by Bo, and the old one is unchanged.
    assert!(h.state_mut().save_to(&path));
    let (ws, after) = load_tracked(&path).unwrap();
    assert_eq!(ws.clusters[0].note, "Eerste notitie");
    assert_eq!(after.log.versions.len(), history.log.versions.len() + 1);
    let head = after.log.head().unwrap();
    assert_eq!(head.author, "Bo");
    assert_eq!(after.workspace_at(&first), Some(ws.clone()));

    // Undo brings the later note back, and saving that is one more version.
    h.state_mut().session.undo().unwrap();
    h.run();
    assert_eq!(h.state().workspace().clusters[0].note, "Tweede notitie");
    assert!(h.state_mut().save_to(&path));
    let (_, last) = load_tracked(&path).unwrap();
    assert_eq!(last.log.versions.len(), after.log.versions.len() + 1);
}

#[test]
fn a_file_without_history_says_where_it_starts() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("oud.ron");
    store::save(&path, &default_workspace()).unwrap();
    let data = DataDir::at(tempfile::tempdir().unwrap().keep());
    let mut app = WorkbenchApp::start_in(Some(path.clone()), Prefs::default(), Some(data));
    app.view = View::History;
    let mut h = harness(app);
    h.run();
    h.get_by_label_contains("Nog geen versies");
    // Saving without a change adds none; with one, the file's first state and the
    // change are the first two versions.
    assert!(h.state_mut().save_to(&path));
    assert!(load_tracked(&path).unwrap().1.log.is_empty());
    let mut later = default_workspace();
    later.meta.timing = "Later".into();
    h.state_mut()
        .session
        .apply(clusterwerkbank::model::Edit::Replace(Box::new(later)))
        .unwrap();
    assert!(h.state_mut().save_to(&path));
    h.run();
    assert_eq!(load_tracked(&path).unwrap().1.log.versions.len(), 2);
    h.get_by_label_contains("beginstand");
}

#[test]
fn merging_a_copy_that_shares_history_is_three_way_in_the_window_too() {
    let (_folder, path) = file_with_history();
    let theirs = path.with_file_name("collega.ron");
    std::fs::copy(&path, &theirs).unwrap();
    save_edit(&path, "2026-03-03T09:00:00Z", |ws| {
        ws.clusters[1].note = "Van mij".into();
    });
    save_edit(&theirs, "2026-03-03T10:00:00Z", |ws| {
        ws.clusters[2].note = "Van de collega".into();
    });
    let data = DataDir::at(tempfile::tempdir().unwrap().keep());
    let app = WorkbenchApp::start_in(Some(path.clone()), Prefs::default(), Some(data));
    let mut h = harness(app);
    h.step();
    h.state_mut().merge_path(&theirs);
    h.state_mut().finish_file_work();
    h.step();
    let said = h.state().status_message().unwrap().to_owned();
    assert!(said.contains("driewegsamenvoeging"), "{said}");
    // What the merge did, in words, not as "+0 ~1 -0 !0".
    assert!(
        said.contains("gewijzigd") && said.contains("in conflict"),
        "{said}"
    );
    assert!(!said.contains(" ~"), "{said}");
    let ws = h.state().workspace().clone();
    assert!(ws.conflicts.is_empty(), "{:?}", ws.conflicts);
    assert_eq!(ws.clusters[1].note, "Van mij");
    assert_eq!(ws.clusters[2].note, "Van de collega");
    // Saved, the merge is a version with both heads as parents.
    assert!(h.state_mut().save_to(&path));
    let (_, after) = load_tracked(&path).unwrap();
    assert_eq!(after.log.head().unwrap().parents.len(), 2);

    // A copy without history: two-way, and the window says why.
    let bare = path.with_file_name("kaal.ron");
    store::save(&bare, &default_workspace()).unwrap();
    h.state_mut().merge_path(&bare);
    h.state_mut().finish_file_work();
    h.step();
    let said = h.state().status_message().unwrap().to_owned();
    assert!(
        said.contains("tweewegsamenvoeging") && said.contains("geschiedenis"),
        "{said}"
    );
}

#[test]
fn a_merge_undone_before_saving_is_not_recorded() {
    let (_folder, path) = file_with_history();
    let theirs = path.with_file_name("collega.ron");
    std::fs::copy(&path, &theirs).unwrap();
    save_edit(&theirs, "2026-03-03T10:00:00Z", |ws| {
        ws.clusters[2].note = "Van de collega".into();
    });
    let data = DataDir::at(tempfile::tempdir().unwrap().keep());
    let app = WorkbenchApp::start_in(Some(path.clone()), Prefs::default(), Some(data));
    let mut h = harness(app);
    h.step();
    h.state_mut().merge_path(&theirs);
    h.state_mut().finish_file_work();
    h.step();
    assert_eq!(h.state().workspace().clusters[2].note, "Van de collega");
    h.state_mut().session.undo().unwrap();
    let mut edited = h.state().workspace().clone();
    edited.meta.closing = "Eigen slot".into();
    h.state_mut()
        .session
        .apply(clusterwerkbank::model::Edit::Replace(Box::new(edited)))
        .unwrap();
    assert!(h.state_mut().save_to(&path));
    let (ws, after) = load_tracked(&path).unwrap();
    assert_eq!(ws.clusters[2].note, "");
    let (_, their_history) = load_tracked(&theirs).unwrap();
    let their_head = &their_history.log.head().unwrap().id;
    assert_eq!(after.log.head().unwrap().parents.len(), 1);
    assert!(
        after.log.get(their_head).is_none(),
        "their versions are not claimed"
    );
}

#[test]
fn a_damaged_history_is_said_once_and_the_work_is_all_there() {
    let (_folder, path) = file_with_history();
    let whole = std::fs::read_to_string(&path).unwrap();
    let cut = &whole[..whole.rfind("(id:").unwrap() + 10];
    std::fs::write(&path, cut).unwrap();
    let data = DataDir::at(tempfile::tempdir().unwrap().keep());
    let mut app = WorkbenchApp::start_in(Some(path.clone()), Prefs::default(), Some(data));
    app.view = View::History;
    let mut h = harness(app);
    h.run();
    let said = h.state().status_message().unwrap().to_owned();
    assert!(said.contains("beschadigd vanaf regel"), "{said}");
    assert_eq!(h.state().workspace().clusters[0].note, "Tweede notitie");
    // The view shows it too; saving goes on from here and says it no more.
    let note = "De werkruimte zelf is volledig geladen";
    assert_eq!(
        h.query_all_by_label_contains(note).count(),
        2,
        "status and view"
    );
    assert!(h.state_mut().save_to(&path));
    let (ws, after) = load_tracked(&path).unwrap();
    assert_eq!(ws.clusters[0].note, "Tweede notitie");
    assert!(after.incomplete.is_none(), "{:?}", after.incomplete);
}

/// A saved time as the window shows it: dd-mm-jjjj uu:mm on this machine's clock (the
/// file keeps UTC). Worked out here from jiff, not from the window's code.
fn local(utc: &str) -> String {
    let at: jiff::Timestamp = utc.parse().unwrap();
    let z = at.to_zoned_datetime(jiff::tz::TimeZone::system());
    format!(
        "{:02}-{:02}-{} {:02}:{:02}",
        z.day(),
        z.month(),
        z.year(),
        z.hour(),
        z.minute()
    )
}

/// A person who never gave a name is told once, at the first save, under which name
/// the version stands and where to change it; the name is kept from then on.
#[test]
fn the_first_save_says_the_name_the_version_stands_under_once() {
    let (_folder, path) = file_with_history();
    let data = DataDir::at(tempfile::tempdir().unwrap().keep());
    let mut app = WorkbenchApp::start_in(Some(path.clone()), Prefs::default(), Some(data));
    assert_eq!(app.prefs.author, None);
    let mut ws = app.session.workspace().clone();
    ws.clusters[0].note = "Derde notitie".into();
    app.session
        .apply(clusterwerkbank::model::Edit::Replace(Box::new(ws.clone())))
        .unwrap();
    assert!(app.save_to(&path));
    let said = app.status_message().unwrap_or_default().to_owned();
    let name = app.prefs.author.clone().unwrap();
    assert!(
        said.contains(&format!("op naam van \u{201c}{name}\u{201d}"))
            && said.contains("Geschiedenis"),
        "{said}"
    );
    ws.clusters[0].note = "Vierde notitie".into();
    app.session
        .apply(clusterwerkbank::model::Edit::Replace(Box::new(ws)))
        .unwrap();
    assert!(app.save_to(&path));
    let said = app.status_message().unwrap_or_default();
    assert!(!said.contains("op naam van"), "{said}");
    let (_, history) = load_tracked(&path).unwrap();
    assert_eq!(history.log.versions.last().unwrap().author, name);
}
