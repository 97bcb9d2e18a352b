#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! The variants in the window: make a copy in the *Varianten* view, move one cluster
//! in the matrix of the copy, and read the changed total in the comparison; the
//! original variant keeps its assignments, and undo takes the move back.

mod export_support;

use clusterwerkbank::model::funding::budget_per_year;
use clusterwerkbank::model::{Euro, Workspace};
use clusterwerkbank::ui::app::{Prefs, WorkbenchApp};
use clusterwerkbank::ui::text::Language;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use export_support::*;

type H = Harness<'static, WorkbenchApp>;

fn harness(ws: &Workspace) -> (H, tempfile::TempDir) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("varianten.ron");
    clusterwerkbank::store::save(&path, ws).unwrap();
    let data = clusterwerkbank::store::DataDir::at(folder.path().join("data"));
    let app = WorkbenchApp::start_in(Some(path), Prefs::default(), Some(data));
    let h = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .build_ui_state(|ui, app: &mut WorkbenchApp| app.frame(ui), app);
    (h, folder)
}

fn click(h: &mut H, role: Role, label: &str) {
    h.get_by_role_and_label(role, label).click();
    h.run();
}

/// The budget from the document's year on: the period the comparison totals.
fn total(ws: &Workspace) -> Euro {
    let budget = budget_per_year(ws);
    let from = ws.meta.date.map_or(2026, |d| i32::from(d.year()));
    (budget.years.iter().zip(&budget.totals))
        .filter(|(year, _)| **year >= from)
        .fold(Euro(0), |sum, (_, a)| sum.saturating_add(*a))
}

#[test]
fn a_copied_variant_with_one_cluster_moved_shows_its_own_total() {
    let filled = filled_workspace();
    let before = total(&filled);
    let (mut h, _folder) = harness(&filled);
    h.run();
    click(&mut h, Role::Button, "Varianten");
    // Only the one implicit variant: no picker above the matrix yet, a copy here.
    click(&mut h, Role::Button, "Kopie maken");
    assert!(
        h.state()
            .status_message()
            .unwrap_or_default()
            .contains("Basisvariant (kopie)"),
        "{:?}",
        h.state().status_message()
    );
    assert_eq!(h.state().workspace().variants.len(), 2);

    // In the copy's matrix, Catalisti moves from scenario 3 (funded after its term)
    // to scenario 1 (not funded).
    click(&mut h, Role::Button, "Matrix");
    click(&mut h, Role::CheckBox, "Catalisti onder Scenario 3");
    click(&mut h, Role::CheckBox, "Catalisti onder Scenario 1");

    let ws = h.state().workspace().clone();
    let [original, copy] = [ws.variants[0].id, ws.variants[1].id];
    assert_eq!(
        ws.for_variant(original).assignments,
        filled.assignments,
        "the original variant is untouched"
    );
    let catalisti = cluster(&ws, "Catalisti");
    let moved: Vec<u32> = (ws.for_variant(copy).assignments.iter())
        .filter(|a| a.cluster == catalisti)
        .map(|a| ws.scenario(a.scenario).unwrap().number)
        .collect();
    assert_eq!(moved, [1]);

    // The comparison shows both totals: the original's as the file had it, the
    // copy's without Catalisti's four funded years after its term (2027–2030).
    click(&mut h, Role::Button, "Varianten");
    let money = |e: Euro| Language::Dutch.money(e);
    let after = Euro(before.amount() - 4 * 650_000);
    assert_ne!(before, after);
    assert!(
        h.query_all_by_label(&money(before)).count() >= 1,
        "{} shown",
        money(before)
    );
    assert!(
        h.query_all_by_label(&money(after)).count() >= 1,
        "{} shown",
        money(after)
    );
    // And the figures are the budget of the copy alone.
    assert_eq!(total(&ws.for_variant(copy)), after);
    // The cluster that differs from the original is named among the differences.
    h.get_by_label("Catalisti");

    // Undo takes the move back, and the comparison follows.
    h.state_mut().session.undo().unwrap();
    h.state_mut().session.undo().unwrap();
    h.run();
    assert_eq!(h.query_all_by_label(&money(after)).count(), 0);

    // Removing the copy asks first (its assignments go with it), and undo brings it
    // back whole.
    let with_copy = h.state().workspace().clone();
    click(&mut h, Role::Button, "Variant verwijderen");
    click(&mut h, Role::Button, Language::Dutch.texts().remove);
    assert_eq!(h.state().workspace().variants.len(), 1);
    assert_eq!(h.state().workspace().assignments, filled.assignments);
    h.state_mut().session.undo().unwrap();
    h.run();
    assert_eq!(h.state().workspace(), &with_copy);
}

/// Name and choose in the window: typing the copy's name is one undo step, choosing
/// it is another, and the export dialog offers the annex.
#[test]
fn naming_and_choosing_a_variant_in_the_window() {
    let (mut h, _folder) = harness(&filled_workspace());
    h.run();
    click(&mut h, Role::Button, "Varianten");
    click(&mut h, Role::Button, "Kopie maken");
    let copy = h.state().workspace().variants[1].id;
    h.get_by_role_and_label(Role::TextInput, "Naam").focus();
    h.run();
    h.key_press(egui::Key::End);
    h.run();
    for text in [" alles op 3", " en 4"] {
        h.event(egui::Event::Text(text.into()));
        h.run();
    }
    let name = "Basisvariant (kopie) alles op 3 en 4";
    assert_eq!(h.state().workspace().variants[1].name, name);
    click(&mut h, Role::Button, "Als aanbeveling kiezen");
    assert_eq!(h.state().workspace().chosen_variant(), copy);
    assert!(
        h.state()
            .status_message()
            .unwrap_or_default()
            .contains("is nu de aanbeveling")
    );
    // The export dialog has the annex's switch, on.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    let switch: Vec<_> = h
        .query_all_by_role_and_label(Role::CheckBox, "Onderzochte varianten")
        .map(|n| n.accesskit_node().toggled())
        .collect();
    assert_eq!(switch, [Some(egui::accesskit::Toggled::True)]);
    h.key_press(egui::Key::Escape);
    h.run();
    // Undo: the choice, then the whole name in one step.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_ne!(h.state().workspace().chosen_variant(), copy);
    assert_eq!(h.state().workspace().variants[1].name, name);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state().workspace().variants[1].name,
        "Basisvariant (kopie)"
    );
}
