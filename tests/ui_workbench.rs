#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! The workbench window driven headless through egui_kittest: find widgets by their
//! accessible labels, click, type, and check the workspace behind them.

use clusterwerkbank::model::{Polarity, Source, Subject, Warning};
use clusterwerkbank::ui::app::{Prefs, WorkbenchApp};
use egui::accesskit::{Live, Role};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn harness(app: WorkbenchApp) -> Harness<'static, WorkbenchApp> {
    Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .build_ui_state(|ui, app: &mut WorkbenchApp| app.frame(ui), app)
}

/// A data folder of its own per test, so recovery files and backups never touch the
/// real one or each other.
fn data_dir() -> clusterwerkbank::store::DataDir {
    clusterwerkbank::store::DataDir::at(tempfile::tempdir().unwrap().keep())
}

fn fresh_app() -> WorkbenchApp {
    WorkbenchApp::start_in(None, Prefs::default(), Some(data_dir()))
}

fn green_paper() -> Harness<'static, WorkbenchApp> {
    harness(fresh_app())
}

fn scenario_number(app: &WorkbenchApp, id: clusterwerkbank::model::ScenarioId) -> u32 {
    app.workspace().scenario(id).map_or(0, |s| s.number)
}

fn catalisti_scenarios(app: &WorkbenchApp) -> Vec<u32> {
    let ws = app.workspace();
    let catalisti = ws
        .clusters
        .iter()
        .find(|c| c.name == "Catalisti")
        .unwrap()
        .id;
    let mut numbers: Vec<u32> = ws
        .assignments
        .iter()
        .filter(|a| a.cluster == catalisti)
        .map(|a| scenario_number(app, a.scenario))
        .collect();
    numbers.sort_unstable();
    numbers
}

fn toggle(h: &mut Harness<'static, WorkbenchApp>, label: &str) {
    h.get_by_role_and_label(Role::CheckBox, label).click();
    h.run();
}

/// The window's live region exactly as the accessibility tree holds it (a repeated
/// message carries a zero-width space so it is announced again).
fn live_region_raw(h: &Harness<'static, WorkbenchApp>) -> String {
    h.get_by(|n| n.live() == Live::Polite && n.role() == Role::Label)
        .accesskit_node()
        .value()
        .unwrap_or_default()
}

/// What a screen reader announces: the live region's text.
fn live_region(h: &Harness<'static, WorkbenchApp>) -> String {
    live_region_raw(h).trim_end_matches('\u{200b}').to_owned()
}

/// How many nodes outside the live region show `text` (in a dialog, a panel …).
fn shown_outside_live_region(h: &Harness<'static, WorkbenchApp>, text: &str) -> usize {
    h.query_all_by(|n| {
        n.live() != Live::Polite
            && n.role() != Role::TextRun
            && [n.label(), n.value()]
                .into_iter()
                .flatten()
                .any(|l| l.contains(text))
    })
    .count()
}

#[test]
fn assigning_one_cluster_to_two_scenarios_in_the_matrix() {
    let mut h = green_paper();
    h.run();
    toggle(&mut h, "Catalisti onder Scenario 3");
    toggle(&mut h, "Catalisti onder Scenario 4");
    assert_eq!(catalisti_scenarios(h.state()), [3, 4]);
    // The second scenario of a cluster comes in as complementary.
    let roles: Vec<_> = h
        .state()
        .workspace()
        .assignments
        .iter()
        .map(|a| a.role)
        .collect();
    assert_eq!(
        roles,
        [
            clusterwerkbank::model::Role::Primary,
            clusterwerkbank::model::Role::Complementary
        ]
    );
    // The cell reads out as a screen reader would say it.
    h.get_by_label_contains("Catalisti, Scenario 3, primair");
    assert!(h.state().session.is_dirty());
}

#[test]
fn an_incompatible_combination_shows_a_warning_and_undo_removes_it() {
    let mut h = green_paper();
    h.run();
    toggle(&mut h, "Catalisti onder Scenario 1");
    h.get_by_label("Geen waarschuwingen");
    toggle(&mut h, "Catalisti onder Scenario 3");
    let warnings: Vec<Warning> = h.state_mut().warnings().to_vec();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(matches!(
        warnings[0],
        Warning::IncompatibleCombination { .. }
    ));
    h.get_by_label("1 waarschuwing");
    // The cell itself carries the mark, with the reason.
    let marks = h
        .get_all_by_label_contains("onverenigbare combinatie: Scenario 1 + Scenario 3")
        .count();
    assert!(
        marks >= 2,
        "both cells of the combination carry the mark, found {marks}"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(catalisti_scenarios(h.state()), [1]);
    h.get_by_label("Geen waarschuwingen");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(catalisti_scenarios(h.state()), [1, 3]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(catalisti_scenarios(h.state()), [1, 3], "Ctrl+Y redoes too");
}

#[test]
fn adding_a_contra_from_serv_on_scenario_one() {
    let mut h = green_paper();
    h.run();
    h.get_by_role_and_label(Role::Button, "Scenario's").click();
    h.run();
    // Scenario 1 comes first; each scenario has its own button.
    h.get_all_by_label("+ Contra toevoegen")
        .next()
        .unwrap()
        .click();
    h.run();
    let typed = "Zonder structurele financiering verdwijnt de neutrale rol van de cluster.";
    h.get_by_label("Contra Eigen analyse").type_text(typed);
    h.run();
    h.get_by_label("Bron: Eigen analyse").click();
    h.run();
    h.get_by_label("SERV").click();
    h.run();

    let app = h.state();
    let ws = app.workspace();
    assert_eq!(ws.arguments.len(), 1);
    let arg = &ws.arguments[0];
    assert_eq!(arg.polarity, Polarity::Contra);
    assert_eq!(arg.text, typed);
    let serv = ws
        .bodies
        .iter()
        .find(|b| b.short_name == "SERV")
        .unwrap()
        .id;
    assert_eq!(arg.source, Source::Body(serv));
    let Subject::Scenario(s) = arg.subject else {
        panic!("argument should be about the scenario as a whole");
    };
    assert_eq!(scenario_number(app, s), 1);
    // The badge now names SERV.
    h.get_by_label("Bron: SERV");
}

#[test]
fn typing_a_text_is_one_undo_step() {
    let mut h = green_paper();
    h.run();
    h.get_by_role_and_label(Role::Button, "Scenario's").click();
    h.run();
    h.get_all_by_label("+ Pro toevoegen")
        .next()
        .unwrap()
        .click();
    h.run();
    h.get_by_label("Pro Eigen analyse")
        .type_text("Behoudt de expertise");
    h.run();
    h.get_by_label("Pro Eigen analyse")
        .type_text(" van de clusters");
    h.run();
    assert_eq!(
        h.state().workspace().arguments[0].text,
        "Behoudt de expertise van de clusters"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().workspace().arguments[0].text,
        "",
        "one step undoes the typing"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.state().workspace().arguments.is_empty(),
        "the next step removes the argument"
    );
}

#[test]
fn saving_and_reopening_keeps_everything() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("mededeling.ron");
    let mut h = green_paper();
    h.run();
    toggle(&mut h, "Catalisti onder Scenario 3");
    toggle(&mut h, "Catalisti onder Scenario 4");
    assert!(h.state_mut().save_to(&path));
    h.run();
    assert!(!h.state().session.is_dirty());
    h.get_by_label("Opgeslagen");
    let saved = h.state().workspace().clone();

    // Another change, saved with Ctrl+S to the same file.
    toggle(&mut h, "VIL onder Scenario 2");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().session.is_dirty());
    let after = h.state().workspace().clone();
    assert_ne!(saved, after);

    // Reopen in a fresh window through "type a path".
    let mut h2 = harness(fresh_app());
    h2.run();
    h2.get_by_label("Bestand").click();
    h2.run();
    h2.get_by_label("Pad typen en openen…").click();
    h2.run();
    h2.get_by_label("Pad")
        .type_text(&path.display().to_string());
    h2.run();
    h2.get_by_label("OK").click();
    // The file is read in the background: wait for it, as `ui_views::open_typed` does
    // (a bare `run` could end before the reader wakes the window).
    h2.step();
    h2.state_mut().finish_file_work();
    h2.run();
    assert_eq!(h2.state().workspace(), &after);
    assert_eq!(h2.state().path.as_deref(), Some(path.as_path()));
    assert!(!h2.state().session.is_dirty());
}

#[test]
fn a_file_that_does_not_load_shows_a_dutch_message_and_changes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("kapot.ron");
    std::fs::write(
        &path,
        "(\n    format_version: 2,\n    workspace: (\n        clusters: [ oeps ],\n",
    )
    .unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut h = green_paper();
    h.run();
    toggle(&mut h, "Catalisti onder Scenario 3");
    let workspace_before = h.state().workspace().clone();
    h.state_mut().open_path(&path);
    h.step();
    h.state_mut().finish_file_work();
    h.run();
    // In the dialog, and read out.
    assert_eq!(shown_outside_live_region(&h, "regel 4, kolom"), 1);
    assert_eq!(shown_outside_live_region(&h, "kapot.ron"), 1);
    let said = live_region(&h);
    assert!(said.starts_with("Er ging iets mis: "), "{said}");
    assert!(said.contains("regel 4, kolom"), "{said}");
    assert_eq!(h.state().workspace(), &workspace_before);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// Opening reads the file on a worker thread: the call returns at once with nothing
/// changed yet, a second file command meanwhile is told to wait (and changes nothing),
/// and the file shows once it is read.
#[test]
fn a_file_is_read_off_the_window_thread_one_at_a_time() {
    let folder = tempfile::tempdir().unwrap();
    let mut first = clusterwerkbank::store::default_workspace();
    first.meta.title = "Eerste bestand".into();
    let path = folder.path().join("eerste.ron");
    clusterwerkbank::store::save(&path, &first).unwrap();
    let mut h = green_paper();
    h.run();
    let before = h.state().workspace().clone();
    h.state_mut().open_path(&path);
    assert!(h.state().is_reading());
    assert_eq!(
        h.state().workspace(),
        &before,
        "nothing changes before it is read"
    );
    // Refused at once, before any frame: the reader may finish during the next one
    // and its "Geopend" would replace the message.
    h.state_mut().merge_path(&path);
    assert!(
        h.state()
            .status_message()
            .is_some_and(|s| s.contains("een bestand wordt nog gelezen")),
        "{:?}",
        h.state().status_message()
    );
    h.state_mut().finish_file_work();
    h.run();
    assert!(!h.state().is_reading());
    assert_eq!(h.state().workspace().meta.title, "Eerste bestand");
    assert!(
        h.state().workspace().conflicts.is_empty(),
        "the merge was not started"
    );
    assert_eq!(h.state().path.as_deref(), Some(path.as_path()));
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut h = green_paper();
    h.run();
    // No changes: quitting needs no question.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    assert!(h.query_by_label("Niet opslaan").is_none());

    let mut h = green_paper();
    h.run();
    toggle(&mut h, "Flux50 onder Scenario 2");
    h.get_by_label("Bestand").click();
    h.run();
    h.get_by_label_contains("Afsluiten").click();
    h.run();
    h.get_by_label_contains("Wil je de wijzigingen opslaan");
    h.get_by_label("Opslaan");
    h.get_by_label("Niet opslaan");
    h.get_by_label("Annuleren").click();
    h.run();
    assert!(h.query_by_label("Niet opslaan").is_none());
    assert!(h.state().session.is_dirty(), "cancel keeps the work");
}

#[test]
fn removing_a_referenced_cluster_asks_and_says_what_goes_with_it() {
    let mut h = green_paper();
    h.run();
    toggle(&mut h, "MEDVIA onder Scenario 2");
    h.get_by_label("Cluster verwijderen…").click();
    h.run();
    h.get_by_label_contains("1 toewijzing");
    h.get_by_role_and_label(Role::Button, "Verwijderen").click();
    h.run();
    assert!(
        h.state()
            .workspace()
            .clusters
            .iter()
            .all(|c| c.name != "MEDVIA")
    );
    assert!(h.state().workspace().assignments.is_empty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.state()
            .workspace()
            .clusters
            .iter()
            .any(|c| c.name == "MEDVIA")
    );
    assert_eq!(h.state().workspace().assignments.len(), 1);
}

#[test]
fn keyboard_moves_through_the_matrix_and_space_toggles() {
    let mut h = green_paper();
    h.run();
    h.get_by_label("Catalisti").click();
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    h.key_press(Key::Space);
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::Space);
    h.run();
    let ws = h.state().workspace();
    let names: Vec<(String, u32)> = ws
        .assignments
        .iter()
        .map(|a| {
            (
                ws.cluster_name(a.cluster),
                scenario_number(h.state(), a.scenario),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("Catalisti".to_owned(), 2),
            ("De Blauwe Cluster".to_owned(), 2)
        ]
    );
}

#[test]
fn every_view_draws_with_labelled_widgets() {
    let mut h = green_paper();
    h.run();
    for view in [
        "Bord",
        "Scenario's",
        "Adviezen",
        "Thema's",
        "Mededeling",
        "Matrix",
    ] {
        h.get_by_role_and_label(Role::Button, view).click();
        h.run();
    }
}

#[test]
fn the_charts_view_hovers_and_clicks_a_point_into_the_detail_panel() {
    let mut ws = clusterwerkbank::store::default_workspace();
    let catalisti = ws.clusters[0].id;
    let s3 = ws.scenarios[2].id;
    ws.assignments.push(clusterwerkbank::model::Assignment {
        cluster: catalisti,
        scenario: s3,
        desirability: Some(3),
        feasibility: Some(3),
        ..Default::default()
    });
    let mut app = fresh_app();
    app.session = clusterwerkbank::model::Session::new(ws);
    let mut h = harness(app);
    h.run();
    h.get_by_role_and_label(Role::Button, "Grafieken").click();
    h.run();
    h.get_by_label("Budget per jaar");
    h.get_by_label("Tijdlijn van de termijnen");
    // The plot spans 0.5–5.5 on both axes, so its centre is the point (3, 3).
    h.get_by_role_and_label(Role::Image, "Wenselijkheid × haalbaarheid")
        .scroll_to_me();
    h.run();
    let plot = h.get_by_role_and_label(Role::Image, "Wenselijkheid × haalbaarheid");
    let centre = plot.rect().center();
    // Hovering draws the plot's own label (painted, not a widget); it must not disturb.
    h.hover_at(centre);
    h.run();
    h.get_by_role_and_label(Role::Image, "Wenselijkheid × haalbaarheid")
        .click();
    h.run();
    assert_eq!(
        h.state().selection,
        clusterwerkbank::ui::state::Selection::Cell(catalisti, s3)
    );
    // The detail panel now shows the selected cluster.
    h.get_by_label("Cluster verwijderen…");
}

#[test]
fn the_preview_and_the_export_dialog_write_the_communication() {
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("mededeling.md");
    let mut h = green_paper();
    h.run();
    h.get_by_role_and_label(Role::Button, "Samenvatting")
        .click();
    h.run();
    h.get_by_label("MEDEDELING AAN DE VLAAMSE REGERING");
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("Markdown").click();
    h.run();
    let destination = h.get_by_label("Bestemming");
    destination.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Bestemming")
        .type_text(&target.display().to_string());
    h.run();
    h.get_by_role_and_label(Role::Button, "Exporteren").click();
    // The export runs in a worker thread; on a busy machine it can take seconds.
    let started = std::time::Instant::now();
    while started.elapsed() < std::time::Duration::from_secs(60) {
        // `step`, not `run`: the spinner repaints for as long as the export runs.
        h.step();
        if shown_outside_live_region(&h, "Geschreven:") > 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.run();
    assert_eq!(shown_outside_live_region(&h, "Geschreven:"), 1);
    assert_eq!(live_region(&h), "Geschreven: mededeling.md");
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(
        text.contains("MEDEDELING AAN DE VLAAMSE REGERING"),
        "{text}"
    );
    assert!(text.contains("Catalisti"));
}

#[test]
fn work_left_by_a_crash_is_offered_back_at_start() {
    let data = data_dir();
    let mut ws = clusterwerkbank::store::default_workspace();
    ws.meta.title = "Werk van voor de crash".into();
    let target = clusterwerkbank::store::RecoveryTarget::new(&data, None);
    clusterwerkbank::store::write_recovery(&target, &ws, jiff::Timestamp::now()).unwrap();

    let mut h = harness(WorkbenchApp::start_in(
        None,
        Prefs::default(),
        Some(data.clone()),
    ));
    h.run();
    h.get_by_label_contains("Werk van voor de crash");
    h.get_by_label("Herstellen").click();
    h.step();
    h.state_mut().finish_file_work();
    h.run();
    assert_eq!(h.state().workspace().meta.title, "Werk van voor de crash");
    assert!(
        h.state().session.is_dirty(),
        "restored work still has to be saved"
    );

    // Saving clears the recovery file; the next start offers nothing.
    let folder = tempfile::tempdir().unwrap();
    assert!(h.state_mut().save_to(&folder.path().join("hersteld.ron")));
    assert!(clusterwerkbank::store::find_recovery(&target).is_none());
    let mut h2 = harness(WorkbenchApp::start_in(None, Prefs::default(), Some(data)));
    h2.run();
    assert!(h2.query_by_label("Herstellen").is_none());
}

#[test]
fn merging_a_colleagues_copy_lists_the_conflicts_to_pick() {
    let folder = tempfile::tempdir().unwrap();
    let theirs_path = folder.path().join("collega.ron");
    let mut theirs = clusterwerkbank::store::default_workspace();
    theirs.clusters[0].note = "Notitie van de collega".into();
    clusterwerkbank::store::save(&theirs_path, &theirs).unwrap();

    let mut app = fresh_app();
    let mut mine = clusterwerkbank::store::default_workspace();
    mine.clusters[0].note = "Mijn notitie".into();
    app.session = clusterwerkbank::model::Session::new(mine);
    let mut h = harness(app);
    h.run();
    h.state_mut().merge_path(&theirs_path);
    h.step();
    h.state_mut().finish_file_work();
    h.run();
    h.get_by_label("Conflicten na het samenvoegen");
    assert!(!h.state().workspace().conflicts.is_empty());
    h.get_by_label("Overal hun versie").click();
    h.run();
    assert!(h.state().workspace().conflicts.is_empty());
    assert_eq!(
        h.state().workspace().clusters[0].note,
        "Notitie van de collega"
    );
    // One undo brings the choice back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(!h.state().workspace().conflicts.is_empty());
}

/// The removal question and the warnings list are worded in the window's language:
/// no Dutch sentence of the model reaches the English window.
#[test]
fn removal_and_warnings_speak_english_in_the_english_window() {
    let prefs = Prefs {
        language: clusterwerkbank::ui::text::Language::English,
        ..Prefs::default()
    };
    let mut h = harness(WorkbenchApp::start_in(None, prefs, Some(data_dir())));
    h.run();
    toggle(&mut h, "Catalisti under Scenario 1");
    h.get_by_label("Remove cluster…").click();
    h.run();
    h.get_by_label_contains("1 assignment");
    assert!(h.query_by_label_contains("toewijzing").is_none());
    h.get_by_role_and_label(Role::Button, "Cancel").click();
    h.run();
    assert_eq!(h.state().workspace().assignments.len(), 1);

    toggle(&mut h, "Catalisti under Scenario 3");
    h.get_by_label("1 warning").click();
    h.run();
    h.get_by_label_contains("Scenario 1 and Scenario 3 do not go together");
    assert!(h.query_by_label_contains("gaan niet samen").is_none());
}

#[test]
fn the_main_flow_in_english() {
    let prefs = Prefs {
        language: clusterwerkbank::ui::text::Language::English,
        ..Prefs::default()
    };
    let mut h = harness(WorkbenchApp::start_in(None, prefs, Some(data_dir())));
    h.run();
    toggle(&mut h, "Catalisti under Scenario 1");
    toggle(&mut h, "Catalisti under Scenario 3");
    h.get_by_label("1 warning");
    h.get_by_label_contains("Catalisti, Scenario 3, complementary");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.get_by_label("No warnings");
    h.get_by_role_and_label(Role::Button, "Scenarios").click();
    h.run();
    h.get_all_by_label("+ Add con").next().unwrap().click();
    h.run();
    h.get_by_label("Con Own analysis")
        .type_text("Loses the neutral role");
    h.run();
    assert_eq!(
        h.state().workspace().arguments[0].text,
        "Loses the neutral role"
    );
}

#[test]
fn the_main_flow_by_keyboard_alone() {
    let mut h = green_paper();
    h.run();
    // Into the matrix without a mouse: the first arrow selects the first cell.
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    h.key_press(Key::Space);
    h.run();
    assert_eq!(catalisti_scenarios(h.state()), [3]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(catalisti_scenarios(h.state()).is_empty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(catalisti_scenarios(h.state()), [3]);
    // Views by shortcut, the shortcut overview by F1, closed by Escape.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    h.run();
    assert_eq!(h.state().view, clusterwerkbank::ui::state::View::Scenarios);
    h.key_press(Key::F1);
    h.run();
    assert!(
        h.query_all_by_label("Sneltoetsen").count() >= 1,
        "F1 shows the overview"
    );
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.query_all_by_label("Sneltoetsen").count(), 0);
    // Quitting with unsaved work asks; Escape cancels.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    h.get_by_label("Niet opslaan");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Niet opslaan").is_none());
}

fn english() -> Prefs {
    Prefs {
        language: clusterwerkbank::ui::text::Language::English,
        ..Prefs::default()
    }
}

fn catalisti_id(app: &WorkbenchApp) -> clusterwerkbank::model::ClusterId {
    app.workspace()
        .clusters
        .iter()
        .find(|c| c.name == "Catalisti")
        .unwrap()
        .id
}

fn scenario_id(app: &WorkbenchApp, number: u32) -> clusterwerkbank::model::ScenarioId {
    app.workspace()
        .scenarios
        .iter()
        .find(|s| s.number == number)
        .unwrap()
        .id
}

/// Replaces a text field's content by keyboard, as a person would.
fn retype(h: &mut Harness<'static, WorkbenchApp>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

#[test]
fn money_follows_the_interface_language_in_the_detail_panel() {
    let mut h = green_paper();
    h.run();
    h.get_by_label("Catalisti").click();
    h.run();
    let funding = |h: &Harness<'static, WorkbenchApp>, label: &str| {
        h.get_by_role_and_label(Role::TextInput, label).value()
    };
    assert_eq!(
        funding(&h, "Maximale jaarlijkse financiering").as_deref(),
        Some("€ 650.000")
    );
    // Beeld › Taal › English, by the menus.
    h.get_by_label("Beeld").click();
    h.run();
    h.get_by_label("Taal").click();
    h.run();
    h.get_by_label("English").click();
    h.run();
    assert_eq!(
        funding(&h, "Maximum yearly funding").as_deref(),
        Some("€650,000")
    );
    // English grouping is read as English; the Dutch dot is refused, not guessed.
    retype(&mut h, Role::TextInput, "Maximum yearly funding", "700.000");
    h.get_by_label("Not a valid amount: type for example €650,000");
    let cap = |h: &Harness<'static, WorkbenchApp>| {
        let app = h.state();
        app.workspace()
            .cluster(catalisti_id(app))
            .unwrap()
            .max_yearly_funding
    };
    assert_eq!(cap(&h), Some(clusterwerkbank::model::Euro(650_000)));
    retype(
        &mut h,
        Role::TextInput,
        "Maximum yearly funding",
        "€700,000",
    );
    assert_eq!(cap(&h), Some(clusterwerkbank::model::Euro(700_000)));
    assert!(
        h.query_by_label_contains("Not a valid amount").is_none(),
        "a valid amount clears the message"
    );
}

#[test]
fn dates_are_shown_and_typed_in_the_interface_language() {
    let mut h = harness(WorkbenchApp::start_in(None, english(), Some(data_dir())));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num7);
    h.run();
    retype(&mut h, Role::TextInput, "Date", "31/12/2026");
    assert_eq!(
        h.state().workspace().meta.date,
        Some(jiff::civil::date(2026, 12, 31))
    );
    // ISO is understood in either language.
    retype(&mut h, Role::TextInput, "Date", "2027-01-05");
    assert_eq!(
        h.state().workspace().meta.date,
        Some(jiff::civil::date(2027, 1, 5))
    );
    // Not a date: a clear message in the language, and the date stays.
    retype(&mut h, Role::TextInput, "Date", "05/13/2027");
    h.get_by_label("05/13/2027 does not exist: check the day and the month");
    assert_eq!(
        h.state().workspace().meta.date,
        Some(jiff::civil::date(2027, 1, 5))
    );
    // Leaving the field shows the stored date in the language's form.
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Date")
            .value()
            .as_deref(),
        Some("05/01/2027")
    );
    h.state_mut().prefs.language = clusterwerkbank::ui::text::Language::Dutch;
    h.run();
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Datum")
            .value()
            .as_deref(),
        Some("05-01-2027")
    );
    retype(&mut h, Role::TextInput, "Datum", "morgen");
    h.get_by_label("Geen geldige datum: typ dd-mm-jjjj (of jjjj-mm-dd)");
}

#[test]
fn changes_are_announced_in_a_polite_live_region() {
    let mut h = green_paper();
    h.run();
    // The region exists before anything is said, so its first change is read out;
    // it is one node (no text runs that would announce it a second time).
    assert_eq!(live_region(&h), "");
    assert_eq!(h.query_all_by(|n| n.live() != Live::Off).count(), 1);
    toggle(&mut h, "Catalisti onder Scenario 3");
    assert_eq!(live_region(&h), "Catalisti toegewezen aan Scenario 3");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        live_region(&h),
        "Ongedaan gemaakt: Toewijzing Catalisti – Scenario 3"
    );
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(
        live_region(&h),
        "Opnieuw gedaan: Toewijzing Catalisti – Scenario 3"
    );
    toggle(&mut h, "Catalisti onder Scenario 3");
    assert_eq!(live_region(&h), "Catalisti uit Scenario 3 gehaald");

    // The same words twice in a row still change the region, so both are read.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    let first = live_region_raw(&h);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    let second = live_region_raw(&h);
    assert_eq!(live_region(&h), "Niets om opnieuw te doen");
    assert_ne!(first, second);

    let folder = tempfile::tempdir().unwrap();
    assert!(h.state_mut().save_to(&folder.path().join("mededeling.ron")));
    h.run();
    // The first save also says once under which name its version stands.
    let said = live_region(&h);
    assert!(said.starts_with("Opgeslagen: mededeling.ron"), "{said}");
    assert!(said.contains("Geschiedenis"), "{said}");

    let mut en = harness(WorkbenchApp::start_in(None, english(), Some(data_dir())));
    en.run();
    toggle(&mut en, "VIL under Scenario 2");
    assert_eq!(live_region(&en), "VIL assigned to Scenario 2");
    en.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    en.run();
    assert_eq!(live_region(&en), "Undone: Assignment VIL – Scenario 2");
}

#[test]
fn a_board_card_moves_between_columns_by_keyboard_alone() {
    let mut h = green_paper();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run();
    let card = |h: &Harness<'static, WorkbenchApp>, label: &str| {
        h.get_by_role_and_label(Role::Button, label).is_focused()
    };
    // Tab reaches the cards (after the menus, the views and "Cluster toevoegen").
    let mut presses = 0;
    while !card(&h, "Catalisti") {
        h.key_press(Key::Tab);
        h.run();
        presses += 1;
        assert!(presses < 40, "Tab never reached the Catalisti card");
    }
    let description = h
        .get_by_role_and_label(Role::Button, "Catalisti")
        .accesskit_node()
        .description()
        .unwrap_or_default();
    assert!(description.contains("Ctrl+pijl rechts"), "{description}");
    // Plain arrows move the focus between cards and change nothing.
    h.key_press(Key::ArrowDown);
    h.run();
    assert!(card(&h, "De Blauwe Cluster"));
    h.key_press(Key::ArrowUp);
    h.run();
    assert!(card(&h, "Catalisti"));
    assert!(h.state().workspace().assignments.is_empty());

    // Nothing lies left of "Niet toegewezen".
    h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowLeft);
    h.run();
    assert_eq!(live_region(&h), "Geen kolom meer in die richting");
    assert!(h.state().workspace().assignments.is_empty());

    h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowRight);
    h.run();
    assert_eq!(catalisti_scenarios(h.state()), [1]);
    assert_eq!(live_region(&h), "Catalisti toegewezen aan Scenario 1");
    assert!(card(&h, "Catalisti, primair"), "the focus follows the card");

    h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowRight);
    h.run();
    assert_eq!(catalisti_scenarios(h.state()), [2]);
    assert_eq!(live_region(&h), "Catalisti verplaatst naar Scenario 2");
    assert!(card(&h, "Catalisti, primair"));
    let (catalisti, s2) = (catalisti_id(h.state()), scenario_id(h.state(), 2));
    assert_eq!(
        h.state().selection,
        clusterwerkbank::ui::state::Selection::Cell(catalisti, s2)
    );

    // Each move is one undo step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(catalisti_scenarios(h.state()), [1]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(catalisti_scenarios(h.state()).is_empty());
}

#[test]
fn a_board_card_skips_columns_it_already_stands_in_and_leaves_to_unassigned() {
    let mut h = green_paper();
    h.run();
    toggle(&mut h, "Catalisti onder Scenario 1");
    toggle(&mut h, "Catalisti onder Scenario 2");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run();
    // The Scenario 1 card comes first in Tab order.
    let mut presses = 0;
    while !h
        .get_all_by_role_and_label(Role::Button, "Catalisti, primair")
        .any(|n| n.is_focused())
    {
        h.key_press(Key::Tab);
        h.run();
        presses += 1;
        // The detail panel of the selected cell comes before the board in Tab order.
        assert!(presses < 200, "Tab never reached the card");
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowRight);
    h.run();
    assert_eq!(catalisti_scenarios(h.state()), [2, 3], "past Scenario 2");
    assert_eq!(live_region(&h), "Catalisti verplaatst naar Scenario 3");
    // Back left twice: skipping Scenario 2, then out of the scenarios.
    h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowLeft);
    h.run();
    assert_eq!(catalisti_scenarios(h.state()), [1, 2]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowLeft);
    h.run();
    assert_eq!(catalisti_scenarios(h.state()), [2]);
    assert_eq!(live_region(&h), "Catalisti uit Scenario 1 gehaald");
}

#[test]
fn enter_on_a_matrix_cell_opens_it_in_the_detail_panel() {
    let mut h = green_paper();
    h.run();
    let (catalisti, s3) = (catalisti_id(h.state()), scenario_id(h.state(), 3));
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    use clusterwerkbank::ui::state::Selection;
    assert_eq!(h.state().selection, Selection::Cell(catalisti, s3));
    let name = h.get_by_role_and_label(Role::TextInput, "Naam");
    assert!(
        name.is_focused(),
        "Enter sends the focus to the detail panel"
    );
    assert_eq!(name.value().as_deref(), Some("Catalisti"));
    // Escape leaves the field; the arrows work on the matrix again.
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    let blauwe = h.state().workspace().clusters[1].id;
    assert_eq!(h.state().selection, Selection::Cell(blauwe, s3));
}

#[test]
fn a_matrix_cell_reached_by_tab_keeps_the_focus_under_the_arrows() {
    let mut h = green_paper();
    h.run();
    let catalisti = catalisti_id(h.state());
    let mut presses = 0;
    while !h
        .query_by_label_contains("Catalisti, Scenario 1")
        .is_some_and(|n| n.is_focused())
    {
        h.key_press(Key::Tab);
        h.run();
        presses += 1;
        assert!(presses < 40, "Tab never reached the first cell");
    }
    use clusterwerkbank::ui::state::Selection;
    let s1 = scenario_id(h.state(), 1);
    assert_eq!(h.state().selection, Selection::Cell(catalisti, s1));
    h.key_press(Key::ArrowRight);
    h.run();
    let s2 = scenario_id(h.state(), 2);
    assert_eq!(h.state().selection, Selection::Cell(catalisti, s2));
    assert!(
        h.get_by_label_contains("Catalisti, Scenario 2")
            .is_focused(),
        "the focus moves with the selection, not onto a checkbox"
    );
    h.key_press(Key::Space);
    h.run();
    assert_eq!(catalisti_scenarios(h.state()), [2]);
    h.key_press(Key::Enter);
    h.run();
    // An assigned cell opens on its first score (an unassigned one on the name).
    assert!(
        h.get_by_role_and_label(Role::RadioGroup, "Wenselijkheid")
            .is_focused()
    );
}

#[test]
fn a_matrix_cell_reads_out_cluster_scenario_role_and_scores() {
    let mut ws = clusterwerkbank::store::default_workspace();
    ws.assignments.push(clusterwerkbank::model::Assignment {
        cluster: ws.clusters[0].id,
        scenario: ws.scenarios[2].id,
        desirability: Some(4),
        feasibility: Some(3),
        ..Default::default()
    });
    let mut app = fresh_app();
    app.session = clusterwerkbank::model::Session::new(ws.clone());
    let mut h = harness(app);
    h.run();
    h.get_by_role_and_label(
        Role::Button,
        "Catalisti, Scenario 3, primair, wenselijkheid 4, haalbaarheid 3",
    );
    h.get_by_role_and_label(Role::Button, "Catalisti, Scenario 2, niet toegewezen");

    let mut app = WorkbenchApp::start_in(None, english(), Some(data_dir()));
    app.session = clusterwerkbank::model::Session::new(ws);
    let mut h = harness(app);
    h.run();
    h.get_by_role_and_label(
        Role::Button,
        "Catalisti, Scenario 3, primary, desirability 4, feasibility 3",
    );
}

#[test]
fn the_recovery_prompt_speaks_the_interface_language() {
    let data = data_dir();
    let mut ws = clusterwerkbank::store::default_workspace();
    ws.meta.title = "Work from before the crash".into();
    let target = clusterwerkbank::store::RecoveryTarget::new(&data, None);
    let written: jiff::Timestamp = "2026-06-15T10:30:00Z".parse().unwrap();
    clusterwerkbank::store::write_recovery(&target, &ws, written).unwrap();
    let local = written.to_zoned_datetime(jiff::tz::TimeZone::system());
    let day = format!("{:02}/{:02}/{}", local.day(), local.month(), local.year());
    let mut h = harness(WorkbenchApp::start_in(None, english(), Some(data)));
    h.run();
    let question = h
        .get_by_label_contains("Work from before the crash")
        .value()
        .unwrap();
    assert!(
        question.contains(&format!("saved automatically on {day} at ")),
        "{question}"
    );
    assert!(question.starts_with("There is unsaved work"), "{question}");
    h.get_by_label("Restore");
}

/// At 200 % the window of 1 360 × 820 pixels is 680 × 410 points: views must wrap,
/// shrink or scroll rather than run past its right edge.
#[test]
fn at_200_percent_the_views_stay_within_the_window() {
    let prefs = Prefs {
        zoom: 2.0,
        ..Prefs::default()
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1360.0, 820.0))
        .build_ui_state(
            |ui, app: &mut WorkbenchApp| app.frame(ui),
            WorkbenchApp::start_in(None, prefs, Some(data_dir())),
        );
    h.run();
    let window = h.ctx.content_rect();
    assert_eq!(window.width(), 680.0, "the zoom applies");
    // Every field, button and run of prose that sticks out past the right edge. Short
    // labels are left out: they are table cells, which scroll sideways on purpose.
    let past_the_edge = |h: &Harness<'static, WorkbenchApp>| -> Vec<String> {
        h.query_all_by(|n| {
            let prose = n.role() == Role::Label
                && n.value().is_some_and(|v| v.len() > 40 && v.contains(' '));
            let control = matches!(
                n.role(),
                Role::Button | Role::TextInput | Role::MultilineTextInput | Role::CheckBox
            );
            (prose || control) && n.bounding_box().is_some_and(|b| b.x1 > 1360.5)
        })
        .map(|n| {
            format!(
                "{:?} {:?}",
                n.accesskit_node().role(),
                n.accesskit_node().label().or(n.value())
            )
        })
        .collect()
    };
    // The views that do not scroll sideways.
    for key in [
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
        Key::Num8,
    ] {
        h.key_press_modifiers(Modifiers::COMMAND, key);
        h.run();
        let out = past_the_edge(&h);
        assert!(out.is_empty(), "{:?}: {out:#?}", h.state().view);
    }
    // Matrix and board scroll sideways; their header and the detail panel fit.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    h.run();
    h.get_by_label("Catalisti").click();
    h.run();
    for (role, label) in [
        (Role::Button, "Cluster toevoegen"),
        (Role::TextInput, "Naam"),
        (Role::TextInput, "Maximale jaarlijkse financiering"),
    ] {
        let rect = h.get_by_role_and_label(role, label).rect();
        assert!(rect.right() <= window.right(), "{label}: {rect:?}");
    }
    let matrix_width = h.get_by_label("Cluster").rect().left();
    let detail = h
        .get_by_role_and_label(Role::TextInput, "Naam")
        .rect()
        .left();
    assert!(
        detail - matrix_width > 250.0,
        "the matrix keeps room beside the detail panel"
    );
    // A long message wraps in the status bar instead of running off.
    let folder = tempfile::tempdir().unwrap();
    let long = folder
        .path()
        .join("een-heel-lange-naam-voor-de-mededeling-aan-de-vlaamse-regering.ron");
    assert!(h.state_mut().save_to(&long));
    h.run();
    let said = h.get_by(|n| n.live() == Live::Polite && n.role() == Role::Label);
    assert!(said.rect().right() <= window.right(), "{:?}", said.rect());

    // Tall dialogs scroll inside, so their buttons stay on screen.
    h.key_press(Key::F1);
    h.run();
    let close = h.get_by_role_and_label(Role::Button, "Sluiten").rect();
    assert!(close.bottom() <= window.bottom(), "{close:?}");
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    let export = h.get_by_role_and_label(Role::Button, "Exporteren").rect();
    assert!(export.bottom() <= window.bottom(), "{export:?}");
}

#[test]
fn a_board_cards_menu_opens_and_works_by_keyboard_alone() {
    let mut h = green_paper();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run();
    let focused = |h: &Harness<'static, WorkbenchApp>, label: &str| {
        h.query_by_role_and_label(Role::Button, label)
            .is_some_and(|n| n.is_focused())
    };
    let mut presses = 0;
    while !focused(&h, "Catalisti") {
        h.key_press(Key::Tab);
        h.run();
        presses += 1;
        assert!(presses < 40, "Tab never reached the Catalisti card");
    }
    // Into scenario 1, then the menu with Shift+F10.
    h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowRight);
    h.run();
    assert_eq!(catalisti_scenarios(h.state()), [1]);
    assert!(h.query_by_label("Toevoegen aan Scenario 3").is_none());
    h.key_press_modifiers(Modifiers::SHIFT, Key::F10);
    h.run();
    h.get_by_label("Toevoegen aan Scenario 3");
    // Tab walks into the menu; Space on "Toevoegen aan Scenario 3" adds it.
    let mut presses = 0;
    while !focused(&h, "Toevoegen aan Scenario 3") {
        h.key_press(Key::Tab);
        h.run();
        presses += 1;
        assert!(presses < 12, "Tab never reached the card's menu");
    }
    h.key_press(Key::Space);
    h.run();
    assert_eq!(catalisti_scenarios(h.state()), [1, 3]);
}
