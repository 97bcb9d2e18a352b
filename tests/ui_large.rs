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
