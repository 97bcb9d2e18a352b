#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! The window with a large consultation: long argument lists are laid out only near
//! the view, and the keyboard still reaches every card.

use std::collections::HashSet;

use clusterwerkbank::model::{Polarity, Session, Subject};
use clusterwerkbank::ui::app::{Prefs, WorkbenchApp};
use clusterwerkbank::ui::state::{Selection, View};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn large_app() -> WorkbenchApp {
    let data = clusterwerkbank::store::DataDir::at(tempfile::tempdir().unwrap().keep());
    let mut app = WorkbenchApp::start_in(None, Prefs::default(), Some(data));
    app.session = Session::new(clusterwerkbank::synth::synthetic_workspace(6, 1_500, 4));
    app.view = View::Scenarios;
    app
}

/// The text of every argument card laid out in this frame.
fn laid_out_arguments(h: &Harness<'static, WorkbenchApp>) -> HashSet<String> {
    h.query_all_by(|n| {
        matches!(n.role(), Role::TextInput | Role::MultilineTextInput)
            && n.label()
                .is_some_and(|l| l.starts_with("Pro ") || l.starts_with("Contra "))
    })
    .filter_map(|n| n.value())
    .collect()
}

#[test]
fn only_the_cards_near_the_view_are_laid_out_and_tab_reaches_the_others() {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut WorkbenchApp| app.frame(ui), large_app());
    h.run();
    let ws = h.state().workspace().clone();
    // What the view lists: up to one page (50) per scenario and side.
    let listed: usize = ws
        .scenarios
        .iter()
        .flat_map(|s| [(s.id, Polarity::Pro), (s.id, Polarity::Contra)])
        .map(|(s, p)| {
            ws.arguments
                .iter()
                .filter(|a| a.subject == Subject::Scenario(s) && a.polarity == p)
                .count()
                .min(50)
        })
        .sum();
    let first = laid_out_arguments(&h);
    assert!(!first.is_empty(), "the visible cards are laid out");
    assert!(
        first.len() * 4 < listed,
        "{} of {listed} listed cards laid out: the far ones should not be",
        first.len()
    );

    // Keyboard only from here: into the first card, then Tab on until the focus is in
    // a card that was not laid out at the start.
    let first_card = h
        .query_all_by(|n| {
            matches!(n.role(), Role::TextInput | Role::MultilineTextInput)
                && n.label().is_some_and(|l| l.starts_with("Pro "))
        })
        .next()
        .and_then(|n| n.value())
        .unwrap();
    h.get_by_value(&first_card).focus();
    h.run();
    let mut reached = None;
    for _ in 0..400 {
        h.key_press(Key::Tab);
        h.run();
        if let Selection::Argument(id) = h.state().selection
            && let Some(argument) = ws.arguments.iter().find(|a| a.id == id)
            && !first.contains(&argument.text)
        {
            reached = Some(argument.text.clone());
            break;
        }
    }
    let reached = reached.expect("Tab reaches a card that was below the view");
    assert!(
        laid_out_arguments(&h).contains(&reached),
        "the card that has the focus is laid out"
    );
}

#[test]
fn the_autosave_of_a_large_workspace_arrives_from_its_worker_and_a_save_clears_it() {
    let data = clusterwerkbank::store::DataDir::at(tempfile::tempdir().unwrap().keep());
    let mut app = WorkbenchApp::start_in(None, Prefs::default(), Some(data.clone()));
    app.session = Session::new(clusterwerkbank::synth::synthetic_workspace(60, 6_000, 9));
    app.view = View::Matrix;
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut WorkbenchApp| app.frame(ui), app);
    h.run();
    let cluster = h.state().workspace().clusters[0].name.clone();
    let toggle = format!("{cluster} onder Scenario 2");
    h.get_by_role_and_label(Role::CheckBox, &toggle).click();
    // Not `run`: a dirty workspace asks for a repaint when the autosave is due, so
    // the harness would never settle.
    h.run_steps(2);
    assert!(h.state().session.is_dirty());

    // The recovery file appears a few seconds after the last change, written by the
    // autosave's worker thread while the harness goes on stepping frames. (That the
    // window does not stall for the write is a timing matter this test does not
    // measure; it checks the file arrives, whole, through the thread.)
    let target = clusterwerkbank::store::RecoveryTarget::new(&data, None);
    let started = std::time::Instant::now();
    let mut frames = 0;
    while clusterwerkbank::store::find_recovery(&target).is_none() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(30),
            "no recovery file after 30 s"
        );
        h.step();
        frames += 1;
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(
        frames > 10,
        "the autosave waits for a pause ({frames} frames)"
    );
    let recovered = clusterwerkbank::store::find_recovery(&target).unwrap();
    assert!(recovered.problem.is_none(), "{:?}", recovered.problem);

    // Another change, its autosave started, and a save: no recovery file is left for
    // the unsaved workspace or for the saved file. (Whether the save ever overlaps the
    // worker's write depends on timing; `clear_recovery` waits for it either way.)
    h.get_by_role_and_label(Role::CheckBox, &toggle).click();
    h.run_steps(2);
    std::thread::sleep(clusterwerkbank::store::recovery::AUTOSAVE_DELAY);
    h.step();
    let folder = tempfile::tempdir().unwrap();
    assert!(h.state_mut().save_to(&folder.path().join("groot.ron")));
    std::thread::sleep(std::time::Duration::from_millis(500));
    let saved =
        clusterwerkbank::store::RecoveryTarget::new(&data, Some(&folder.path().join("groot.ron")));
    assert!(clusterwerkbank::store::find_recovery(&target).is_none());
    assert!(clusterwerkbank::store::find_recovery(&saved).is_none());
}
