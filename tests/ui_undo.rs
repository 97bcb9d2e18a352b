#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! Undo in the steps a person expects, driven through the window: a typed amount is
//! one step, a typed year is one step, two clicks are two steps. (Typing a text is checked
//! in `ui_workbench.rs`; a merge and a restore in `ui_views.rs`.)

use clusterwerkbank::model::{
    Assignment, ClusterId, Euro, ScenarioId, Session, Workspace, YearlyBudget,
};
use clusterwerkbank::store::{DataDir, default_workspace};
use clusterwerkbank::ui::app::{Prefs, WorkbenchApp};
use clusterwerkbank::ui::state::Selection;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type H = Harness<'static, WorkbenchApp>;

/// The Green Paper with Catalisti under scenario 3, with a budget for 2027–2030, and
/// that cell selected so the detail panel shows its fields.
fn catalisti_under_three() -> (H, ClusterId, ScenarioId) {
    let mut ws: Workspace = default_workspace();
    let catalisti = ws
        .clusters
        .iter()
        .find(|c| c.name == "Catalisti")
        .unwrap()
        .id;
    let s3 = ws.scenarios.iter().find(|s| s.number == 3).unwrap().id;
    ws.assignments.push(Assignment {
        budget: Some(YearlyBudget {
            amount: Euro(400_000),
            first_year: 2027,
            last_year: 2030,
        }),
        ..ws.new_assignment(catalisti, s3)
    });
    let mut app = WorkbenchApp::start_in(
        None,
        Prefs::default(),
        Some(DataDir::at(tempfile::tempdir().unwrap().keep())),
    );
    app.session = Session::new(ws);
    app.selection = Selection::Cell(catalisti, s3);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .build_ui_state(|ui, app: &mut WorkbenchApp| app.frame(ui), app);
    h.run();
    (h, catalisti, s3)
}

fn budget(h: &H) -> YearlyBudget {
    h.state().workspace().assignments[0].budget.unwrap()
}

fn undo(h: &mut H) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

#[test]
fn a_typed_amount_is_one_undo_step() {
    let (mut h, catalisti, _) = catalisti_under_three();
    let funding = |h: &H| {
        h.state()
            .workspace()
            .cluster(catalisti)
            .unwrap()
            .max_yearly_funding
    };
    assert_eq!(funding(&h), Some(Euro(650_000)));
    h.get_by_label("Maximale jaarlijkse financiering").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    // Key by key, a frame each, as a person types: every digit is a valid amount.
    for digit in ["7", "2", "5", "0", "0", "0"] {
        h.get_by_label("Maximale jaarlijkse financiering")
            .type_text(digit);
        h.run();
    }
    assert_eq!(funding(&h), Some(Euro(725_000)));
    // Leaving the field ends the step.
    h.key_press(Key::Tab);
    h.run();

    undo(&mut h);
    assert_eq!(
        funding(&h),
        Some(Euro(650_000)),
        "one undo takes it all back"
    );
    assert!(
        !h.state().session.can_undo(),
        "and there was nothing else to undo"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(funding(&h), Some(Euro(725_000)));
}

#[test]
fn typing_a_year_is_one_undo_step() {
    // The years are typed fields (issue 14: a year out of range is kept and said, not
    // clamped): "2", "20", "202" are refused on the way, so "2029" is one change.
    let (mut h, _, _) = catalisti_under_three();
    h.get_by_role_and_label(Role::TextInput, "van").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    for digit in ["2", "0", "2", "9"] {
        h.event(egui::Event::Text(digit.into()));
        h.run();
    }
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(budget(&h).first_year, 2029);

    undo(&mut h);
    assert_eq!(
        budget(&h).first_year,
        2027,
        "one undo undoes the whole year"
    );
    assert!(!h.state().session.can_undo());
}

#[test]
fn two_clicks_on_one_field_are_two_undo_steps() {
    let (mut h, _, _) = catalisti_under_three();
    h.get_by_role_and_label(Role::CheckBox, "Jaarbudget")
        .click();
    h.run();
    assert!(h.state().workspace().assignments[0].budget.is_none());
    h.get_by_role_and_label(Role::CheckBox, "Jaarbudget")
        .click();
    h.run();
    assert!(h.state().workspace().assignments[0].budget.is_some());

    undo(&mut h);
    assert!(
        h.state().workspace().assignments[0].budget.is_none(),
        "one undo takes back the second click only"
    );
    undo(&mut h);
    assert_eq!(budget(&h).amount, Euro(400_000));
    assert!(!h.state().session.can_undo());
}
