#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! What the window shows is the workspace it holds: after opening another file, New,
//! New empty, a recent file, a recovery restore or a merge, the matrix, the status
//! bar's warning count, the charts' figures, the preview and the search results all
//! follow the workspace that replaced the old one — not the first edit after it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use clusterwerkbank::model::{Euro, Workspace, YearlyBudget, validate};
use clusterwerkbank::store::{DataDir, default_workspace};
use clusterwerkbank::ui::app::{Prefs, WorkbenchApp};
use clusterwerkbank::ui::text::Language;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type H = Harness<'static, WorkbenchApp>;

fn harness(app: WorkbenchApp) -> H {
    Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .build_ui_state(|ui, app: &mut WorkbenchApp| app.frame(ui), app)
}

fn data_dir() -> DataDir {
    DataDir::at(tempfile::tempdir().unwrap().keep())
}

fn app_with(file: Option<PathBuf>, prefs: Prefs) -> WorkbenchApp {
    WorkbenchApp::start_in(file, prefs, Some(data_dir()))
}

/// A saved consultation unlike the Green Paper in every way the views show: Catalisti
/// under two scenarios that a rule forbids together (one warning more), one of them
/// scored, the other with a yearly budget after the current term, and its own subject.
fn second_workspace() -> Workspace {
    let mut ws = default_workspace();
    ws.meta.subject = "Proef met een tweede werkruimte".into();
    let catalisti = ws
        .clusters
        .iter()
        .find(|c| c.name == "Catalisti")
        .unwrap()
        .id;
    let number = |n: u32| ws.scenarios.iter().find(|s| s.number == n).unwrap().id;
    let (s1, s3) = (number(1), number(3));
    let mut first = ws.new_assignment(catalisti, s1);
    first.budget = Some(YearlyBudget {
        amount: Euro(123_456),
        first_year: 2027,
        last_year: 2029,
    });
    ws.assignments.push(first);
    let mut second = ws.new_assignment(catalisti, s3);
    second.desirability = Some(4);
    second.feasibility = Some(2);
    ws.assignments.push(second);
    ws
}

fn saved(ws: &Workspace) -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("tweede.ron");
    clusterwerkbank::store::save(&path, ws).unwrap();
    (folder, path)
}

fn year() -> i32 {
    i32::from(jiff::ZonedDateTime::now().year())
}

fn dutch() -> &'static clusterwerkbank::ui::text::Tr {
    Language::Dutch.texts()
}

/// The status bar's warning button, worded as the window words it.
fn warning_count(ws: &Workspace) -> String {
    let t = dutch();
    match validate(ws, year()).len() {
        0 => t.no_warnings.to_owned(),
        1 => format!("1 {}", t.warning_one),
        n => format!("{} {}", Language::Dutch.count(n), t.warning_many),
    }
}

/// How a matrix cell of Catalisti begins to read out: cluster, scenario, role or "not
/// assigned", and the scores.
fn catalisti_cells(ws: &Workspace) -> Vec<String> {
    let t = dutch();
    let Some(catalisti) = ws.clusters.iter().find(|c| c.name == "Catalisti") else {
        return Vec::new();
    };
    ws.scenarios
        .iter()
        .map(|s| {
            let mut parts = vec![catalisti.name.clone(), s.label()];
            match ws
                .assignments
                .iter()
                .find(|a| a.cluster == catalisti.id && a.scenario == s.id)
            {
                None => parts.push(t.not_assigned.to_owned()),
                Some(a) => {
                    parts.push(t.role(a.role).to_owned());
                    if let Some(d) = a.desirability {
                        parts.push(format!("{} {d}", t.desirability_lower));
                    }
                    if let Some(f) = a.feasibility {
                        parts.push(format!("{} {f}", t.feasibility_lower));
                    }
                }
            }
            parts.join(", ")
        })
        .collect()
}

/// The yearly totals of the budget chart's table, as the window writes them.
fn budget_totals(ws: &Workspace) -> BTreeSet<String> {
    clusterwerkbank::charts::budget_per_year(ws)
        .totals
        .iter()
        .map(|a| Language::Dutch.money(*a))
        .collect()
}

/// What the preview's "Betreft" line names: the subject, else the title.
fn preview_subject(ws: &Workspace) -> Option<String> {
    [ws.meta.subject.as_str(), ws.meta.title.as_str()]
        .into_iter()
        .find(|s| !s.trim().is_empty())
        .map(|s| format!("Betreft: {s}"))
}

fn show_view(h: &mut H, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run();
}

/// Opens the budget chart's table of numbers (the first "Cijfers"); it stays open.
fn open_budget_numbers(h: &mut H) {
    show_view(h, "Grafieken");
    if h.query_by_label(dutch().chart_year).is_none() {
        h.get_all_by_label(dutch().chart_numbers)
            .next()
            .unwrap()
            .click();
        h.run();
    }
}

/// Visits every view that keeps a cache, so each holds what it computed for the
/// workspace shown now: a view that outlives its workspace shows that afterwards.
fn prime(h: &mut H) {
    show_view(h, "Matrix");
    open_budget_numbers(h);
    show_view(h, "Samenvatting");
    show_view(h, "Matrix");
}

/// Asserts that the matrix, the status bar, the charts and the preview show `shown`,
/// and nothing that only `before` (the workspace it replaced) had.
fn assert_shows(h: &mut H, shown: &Workspace, before: &Workspace) {
    // Not assert_eq: a workspace's debug print runs to pages.
    assert!(
        h.state().workspace() == shown,
        "the window holds the workspace"
    );

    show_view(h, "Matrix");
    let warnings = warning_count(shown);
    assert!(
        h.query_by_role_and_label(Role::Button, &warnings).is_some(),
        "the status bar says {warnings:?}"
    );
    let cells = catalisti_cells(shown);
    for cell in &cells {
        let found = h
            .query_all_by(|n| {
                n.role() == Role::Button
                    && n.label()
                        .is_some_and(|l| l == *cell || l.starts_with(&format!("{cell}, ")))
            })
            .count();
        assert_eq!(found, 1, "the matrix reads out {cell:?}");
    }
    if cells.is_empty() {
        assert!(
            h.query_by_label_contains("Catalisti, ").is_none(),
            "no Catalisti in the matrix"
        );
    }

    open_budget_numbers(h);
    let totals = budget_totals(shown);
    for total in &totals {
        assert!(
            h.query_all_by_label(total).next().is_some(),
            "the budget table shows {total}"
        );
    }
    for stale in budget_totals(before).difference(&totals) {
        assert!(
            h.query_all_by_label(stale).next().is_none(),
            "the budget table still shows {stale} of the workspace before"
        );
    }

    show_view(h, "Samenvatting");
    let subject = preview_subject(shown);
    if let Some(subject) = &subject {
        assert!(
            h.query_all_by_label_contains(subject).next().is_some(),
            "the preview reads {subject:?}"
        );
    }
    if let Some(old) = preview_subject(before)
        && Some(&old) != subject.as_ref()
    {
        assert!(
            h.query_all_by_label_contains(&old).next().is_none(),
            "the preview still reads {old:?}"
        );
    }
    show_view(h, "Matrix");
}

fn file_menu(h: &mut H, item: &str) {
    h.get_by_label("Bestand").click();
    h.run();
    // A menu item's label carries its shortcut.
    h.get_by_label_contains(item).click();
    h.run();
}

fn open_typed(h: &mut H, path: &Path) {
    file_menu(h, "Pad typen en openen…");
    h.get_by_label("Pad").type_text(&path.display().to_string());
    h.run();
    h.get_by_label("OK").click();
    // One frame to take the answer, which starts reading the file in the
    // background; then wait for it (a `run` could end while the reader wakes it).
    h.step();
    h.state_mut().finish_file_work();
    h.run();
}

#[test]
fn opening_a_second_file_shows_it_in_every_view() {
    let second = second_workspace();
    let (_folder, path) = saved(&second);
    let green = default_workspace();
    assert_ne!(warning_count(&green), warning_count(&second));
    let mut h = harness(app_with(None, Prefs::default()));
    h.run();
    prime(&mut h);
    assert_shows(&mut h, &green, &second);

    open_typed(&mut h, &path);
    assert_shows(&mut h, &second, &green);

    // And back: the first file again, also at revision 0.
    let (_folder2, green_path) = saved(&green);
    open_typed(&mut h, &green_path);
    assert_shows(&mut h, &green, &second);
}

#[test]
fn new_shows_the_green_paper_in_every_view() {
    let second = second_workspace();
    let (_folder, path) = saved(&second);
    let mut h = harness(app_with(Some(path), Prefs::default()));
    h.run();
    prime(&mut h);
    assert_shows(&mut h, &second, &default_workspace());

    file_menu(&mut h, dutch().new);
    assert_shows(&mut h, &default_workspace(), &second);
}

#[test]
fn new_empty_shows_an_empty_consultation_in_every_view() {
    let second = second_workspace();
    let (_folder, path) = saved(&second);
    let mut h = harness(app_with(Some(path), Prefs::default()));
    h.run();
    prime(&mut h);

    file_menu(&mut h, dutch().new_empty);
    assert_shows(&mut h, &Workspace::empty(), &second);
    h.get_by_label(dutch().matrix_empty);
}

#[test]
fn a_recent_file_shows_in_every_view() {
    let second = second_workspace();
    let (_folder, path) = saved(&second);
    let path = std::path::absolute(&path).unwrap();
    let prefs = Prefs {
        recent: vec![path.clone()],
        ..Prefs::default()
    };
    let mut h = harness(app_with(None, prefs));
    h.run();
    prime(&mut h);

    h.get_by_label("Bestand").click();
    h.run();
    h.get_by_label(dutch().recent).click();
    h.run();
    h.get_by_label(&path.display().to_string()).click();
    h.step();
    h.state_mut().finish_file_work();
    h.run();
    assert_eq!(h.state().path.as_deref(), Some(path.as_path()));
    assert_shows(&mut h, &second, &default_workspace());
}

#[test]
fn a_restored_recovery_shows_in_every_view_and_is_one_undo_step() {
    let data = data_dir();
    let second = second_workspace();
    let target = clusterwerkbank::store::RecoveryTarget::new(&data, None);
    clusterwerkbank::store::write_recovery(&target, &second, jiff::Timestamp::now()).unwrap();
    let mut h = harness(WorkbenchApp::start_in(None, Prefs::default(), Some(data)));
    h.run();
    // Behind the question, every cache holds the Green Paper.
    for view in [
        clusterwerkbank::ui::state::View::Charts,
        clusterwerkbank::ui::state::View::Preview,
        clusterwerkbank::ui::state::View::Matrix,
    ] {
        h.state_mut().view = view;
        h.run();
    }
    h.get_by_label(dutch().recovery_restore).click();
    h.step();
    h.state_mut().finish_file_work();
    h.run();
    assert!(
        h.state().session.is_dirty(),
        "restored work is not saved yet"
    );
    assert_shows(&mut h, &second, &default_workspace());

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_shows(&mut h, &default_workspace(), &second);
    assert!(!h.state().session.is_dirty(), "back to the state at start");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_shows(&mut h, &second, &default_workspace());
}

#[test]
fn a_merge_shows_in_every_view_and_one_undo_restores_the_workspace_before_it() {
    let second = second_workspace();
    let (_folder, path) = saved(&second);
    let green = default_workspace();
    let mut h = harness(app_with(None, Prefs::default()));
    h.run();
    prime(&mut h);
    // An edit first, so the merge is not the only step in the history.
    h.get_by_role_and_label(Role::CheckBox, "VIL onder Scenario 2")
        .click();
    h.run();
    let before = h.state().workspace().clone();

    h.state_mut().merge_path(&path);
    h.step();
    h.state_mut().finish_file_work();
    h.run();
    if h.query_by_label(dutch().conflicts_title).is_some() {
        h.get_by_label(dutch().close).click();
        h.run();
    }
    let merged = h.state().workspace().clone();
    assert!(merged != before);
    assert!(
        merged.assignments.len() > before.assignments.len(),
        "their assignments came in"
    );
    assert_shows(&mut h, &merged, &before);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.state().workspace() == &before,
        "one undo undoes the merge"
    );
    assert_shows(&mut h, &before, &merged);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().workspace() == &green, "the next undoes the edit");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_shows(&mut h, &merged, &before);
}

#[test]
fn search_results_follow_edits_and_undo() {
    let mut h = harness(app_with(None, Prefs::default()));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label(dutch().find).type_text(dutch().new_cluster);
    h.run();
    let hits = |n: usize| format!("{n} {}", dutch().hits);
    h.get_by_label(&hits(0));

    h.get_by_role_and_label(Role::Button, dutch().add_cluster)
        .click();
    h.run();
    h.get_by_label(&hits(1));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.get_by_label(&hits(0));
}

#[test]
fn search_results_follow_another_file_with_the_same_query() {
    let mut second = second_workspace();
    second.clusters[0].note = "Een zeldzaam proefwoord".into();
    let (_folder, path) = saved(&second);
    let mut h = harness(app_with(None, Prefs::default()));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label(dutch().find).type_text("proefwoord");
    h.run();
    let hits = |n: usize| format!("{n} {}", dutch().hits);
    h.get_by_label(&hits(0));
    open_typed(&mut h, &path);
    h.get_by_label(&hits(1));
}
