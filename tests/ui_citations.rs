#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! Citations edited in the window: page, paragraph and quoted words with an argument
//! and with a theme, each typed field one undo step.

use clusterwerkbank::model::{BodyId, Citation, Source};
use clusterwerkbank::ui::app::{Prefs, WorkbenchApp};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type H = Harness<'static, WorkbenchApp>;

fn green_paper() -> H {
    let app = WorkbenchApp::start_in(
        None,
        Prefs::default(),
        Some(clusterwerkbank::store::DataDir::at(
            tempfile::tempdir().unwrap().keep(),
        )),
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .build_ui_state(|ui, app: &mut WorkbenchApp| app.frame(ui), app);
    h.run();
    h
}

fn body_id(h: &H, short: &str) -> BodyId {
    h.state()
        .workspace()
        .bodies
        .iter()
        .find(|b| b.short_name == short)
        .unwrap()
        .id
}

fn undo(h: &mut H) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

fn citation(h: &H) -> Citation {
    h.state().workspace().arguments[0].citation.clone()
}

#[test]
fn an_argument_gets_a_citation_and_undo_takes_it_back() {
    let mut h = green_paper();
    h.get_by_role_and_label(Role::Button, "Scenario's").click();
    h.run();
    h.get_all_by_label("+ Contra toevoegen")
        .next()
        .unwrap()
        .click();
    h.run();
    h.get_by_label("Contra Eigen analyse")
        .type_text("Zonder basisfinanciering verdwijnt de neutrale rol");
    h.run();
    h.get_by_label("Bron: Eigen analyse").click();
    h.run();
    h.get_by_label("VARIO").click();
    h.run();
    assert_eq!(
        h.state().workspace().arguments[0].source,
        Source::Body(body_id(&h, "VARIO"))
    );
    assert!(citation(&h).is_empty());

    // The selected argument shows its citation's fields.
    h.get_by_label("Pagina").focus();
    h.run();
    h.get_by_label("Pagina").type_text("7");
    h.run();
    h.get_by_label("Paragraaf").focus();
    h.run();
    h.get_by_label("Paragraaf").type_text("3.2");
    h.run();
    h.get_by_label("Geciteerde woorden").focus();
    h.run();
    h.get_by_label("Geciteerde woorden")
        .type_text("zonder basisfinanciering verdwijnt de neutraliteit");
    h.run();

    let c = citation(&h);
    assert_eq!(c.passage.page, Some(7));
    assert_eq!(c.passage.paragraph, "3.2");
    assert_eq!(
        c.quote,
        "zonder basisfinanciering verdwijnt de neutraliteit"
    );
    // The text and source are untouched by the citation's edits.
    let ws = h.state().workspace();
    assert_eq!(
        ws.arguments[0].text,
        "Zonder basisfinanciering verdwijnt de neutrale rol"
    );

    // A page number that is no page is refused and said.
    h.get_by_label("Pagina").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Pagina").type_text("nul");
    h.run();
    assert_eq!(citation(&h).passage.page, Some(7));
    h.get_by_label("Geen geldig getal");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Pagina").type_text("7");
    h.run();

    // Each field typed is one undo step, last first.
    h.get_by_label("Contra VARIO").focus();
    h.run();
    undo(&mut h);
    assert_eq!(citation(&h).quote, "");
    assert_eq!(citation(&h).passage.paragraph, "3.2");
    undo(&mut h);
    assert_eq!(citation(&h).passage.paragraph, "");
    assert_eq!(citation(&h).passage.page, Some(7));
    undo(&mut h);
    assert!(citation(&h).is_empty(), "{:?}", citation(&h));
    assert_eq!(
        h.state().workspace().arguments[0].source,
        Source::Body(body_id(&h, "VARIO")),
        "undo stops at the citation"
    );
}

#[test]
fn a_theme_cites_one_of_its_bodies() {
    let mut h = green_paper();
    h.get_by_role_and_label(Role::Button, "Thema's").click();
    h.run();
    h.get_by_label("Thema toevoegen").click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Uit het advies van")
        .click();
    h.run();
    // The body in the list, not its "proposed by" check box.
    h.get_by(|n| n.role() != Role::CheckBox && n.label().is_some_and(|l| l == "HBC"))
        .click();
    h.run();
    let hbc = body_id(&h, "HBC");
    let cited = |h: &H| h.state().workspace().themes[0].citation.clone();
    assert_eq!(cited(&h).unwrap().body, hbc);
    let name = h.state().workspace().themes[0].name.clone();
    let page = format!("Pagina ({name})");
    h.get_by_label(&page).focus();
    h.run();
    h.get_by_label(&page).type_text("12");
    h.run();
    assert_eq!(cited(&h).unwrap().citation.passage.page, Some(12));
    undo(&mut h);
    assert_eq!(cited(&h).unwrap().citation.passage.page, None);
    undo(&mut h);
    assert_eq!(cited(&h), None);
}
