#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! A day's work in the window (issue 14): each flow does what a new user did and
//! checks that nothing surprising happened on the way.

use clusterwerkbank::model::{ClusterId, Polarity, ScenarioId, Subject};
use clusterwerkbank::ui::app::{Prefs, WorkbenchApp};
use clusterwerkbank::ui::state::Selection;
use egui::accesskit::Live;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

type H = Harness<'static, WorkbenchApp>;

fn harness(app: WorkbenchApp) -> H {
    Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .build_ui_state(|ui, app: &mut WorkbenchApp| app.frame(ui), app)
}

fn green_paper() -> H {
    let data = clusterwerkbank::store::DataDir::at(tempfile::tempdir().unwrap().keep());
    let mut h = harness(WorkbenchApp::start_in(None, Prefs::default(), Some(data)));
    h.run();
    h
}

fn catalisti(h: &H) -> ClusterId {
    let ws = h.state().workspace();
    ws.clusters
        .iter()
        .find(|c| c.name == "Catalisti")
        .unwrap()
        .id
}

fn scenario(h: &H, number: u32) -> ScenarioId {
    let ws = h.state().workspace();
    ws.scenarios.iter().find(|s| s.number == number).unwrap().id
}

/// Every assignment as (cluster name, scenario number), in the workspace's order.
fn assignments(h: &H) -> Vec<(String, u32)> {
    let ws = h.state().workspace();
    ws.assignments
        .iter()
        .map(|a| {
            let number = ws.scenario(a.scenario).map_or(0, |s| s.number);
            (ws.cluster_name(a.cluster), number)
        })
        .collect()
}

/// Types as a keyboard does: a space is a key press *and* the text " ", so a view that
/// listens for the Space key hears it too.
fn type_like_a_keyboard(h: &mut H, text: &str) {
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            h.key_press(Key::Space);
            h.event(egui::Event::Text(" ".into()));
            h.run();
        }
        h.event(egui::Event::Text(word.into()));
        h.run();
    }
}

fn shown_name(h: &H) -> Option<String> {
    h.query_by_role_and_label(Role::TextInput, "Naam")
        .and_then(|n| n.value())
}

#[test]
fn kind_1_a_pro_typed_in_the_matrix_panel_stays_in_its_field() {
    let mut h = green_paper();
    h.get_by_role_and_label(Role::CheckBox, "Catalisti onder Scenario 3")
        .click();
    h.run();
    let (catalisti, s3) = (catalisti(&h), scenario(&h, 3));
    let before = assignments(&h);
    assert_eq!(before, [("Catalisti".to_owned(), 3)]);

    h.get_by_role_and_label(Role::Button, "+ Pro toevoegen")
        .click();
    h.run();
    assert!(
        h.get_by_label("Pro Eigen analyse").is_focused(),
        "the new argument's field has the focus"
    );
    let typed = "Sterke basis in de chemie en kunststoffen";
    type_like_a_keyboard(&mut h, typed);
    // A click in the field, and more words, as the tester did.
    h.get_by_label("Pro Eigen analyse").click();
    h.run();
    assert!(h.get_by_label("Pro Eigen analyse").is_focused());
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    type_like_a_keyboard(&mut h, &format!("{typed} rond Antwerpen"));

    let ws = h.state().workspace();
    assert_eq!(
        ws.arguments.len(),
        1,
        "one argument, no empty one left behind"
    );
    let arg = &ws.arguments[0];
    assert_eq!(arg.text, format!("{typed} rond Antwerpen"));
    assert_eq!(arg.polarity, Polarity::Pro);
    assert_eq!(
        arg.subject,
        Subject::ClusterScenario {
            cluster: catalisti,
            scenario: s3
        }
    );
    assert_eq!(assignments(&h), before, "no assignment changed");
    assert_eq!(h.state().selection, Selection::Cell(catalisti, s3));
    assert_eq!(shown_name(&h).as_deref(), Some("Catalisti"));
}

/// Found by a new user: in a cluster's panel the citation fields closed when the
/// text field lost focus, so a click into "Pagina" landed on whatever moved under the
/// pointer. The card stays open while the person works in it.
#[test]
fn a_citation_is_typed_in_the_matrix_panel_after_the_text() {
    let mut h = green_paper();
    h.get_by_role_and_label(Role::CheckBox, "Catalisti onder Scenario 3")
        .click();
    h.run();
    let before = assignments(&h);
    h.get_by_role_and_label(Role::Button, "+ Pro toevoegen")
        .click();
    h.run();
    type_like_a_keyboard(&mut h, "Sterke basis");
    h.get_by_role_and_label(Role::TextInput, "Pagina").click();
    h.run();
    h.event(egui::Event::Text("7".into()));
    h.run();
    // The quoted words lie below the window's edge in a test window: reached by
    // focus, as Tab would.
    h.get_by_role_and_label(Role::MultilineTextInput, "Geciteerde woorden")
        .focus();
    h.run();
    type_like_a_keyboard(&mut h, "een sterke basis");
    h.get_by_role_and_label(Role::TextInput, "Pagina").click();
    h.run();
    let ws = h.state().workspace();
    assert_eq!(ws.arguments.len(), 1);
    let arg = &ws.arguments[0];
    assert_eq!(arg.text, "Sterke basis");
    assert_eq!(arg.citation.passage.page, Some(7));
    assert_eq!(arg.citation.quote, "een sterke basis");
    assert_eq!(assignments(&h), before, "no assignment changed");
    assert_eq!(shown_name(&h).as_deref(), Some("Catalisti"));
}

#[test]
fn kind_1_keys_with_nothing_focused_after_a_click_in_the_panel_leave_the_matrix_alone() {
    let mut h = green_paper();
    h.get_by_role_and_label(Role::CheckBox, "Catalisti onder Scenario 3")
        .click();
    h.run();
    let before = assignments(&h);
    // A click on the panel's heading (nothing focusable) gives the keys to no one.
    h.get_by_label("Scenario's van deze cluster").click();
    h.run();
    for key in [
        Key::Space,
        Key::ArrowLeft,
        Key::Space,
        Key::ArrowDown,
        Key::Space,
    ] {
        h.key_press(key);
        h.run();
    }
    assert_eq!(assignments(&h), before);
    // A click back in the matrix hands the keys back.
    h.get_by_label_contains("Catalisti, Scenario 1").click();
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    h.key_press(Key::Space);
    h.run();
    assert_eq!(
        assignments(&h),
        [("Catalisti".to_owned(), 3), ("Catalisti".to_owned(), 2)]
    );
}

/// Replaces a field's text by keyboard, then leaves the field with Tab.
fn type_and_leave(h: &mut H, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
    h.key_press(Key::Tab);
    h.run();
    assert!(!h.get_by_role_and_label(Role::TextInput, label).is_focused());
}

fn field_text(h: &H, label: &str) -> Option<String> {
    h.get_by_role_and_label(Role::TextInput, label).value()
}

#[test]
fn kind_2_a_refused_date_keeps_its_text_and_says_why_next_to_the_field() {
    let mut h = green_paper();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num7);
    h.run();
    let before = h.state().workspace().meta.date;
    type_and_leave(&mut h, "Datum", "31-02-2024");
    assert_eq!(field_text(&h, "Datum").as_deref(), Some("31-02-2024"));
    let message = h.get_by_label("31-02-2024 bestaat niet: kijk de dag en de maand na");
    // Next to the field: on its row, to its right.
    let field = h.get_by_role_and_label(Role::TextInput, "Datum").rect();
    assert!(message.rect().left() >= field.right() && message.rect().top() < field.bottom());
    assert_eq!(h.state().workspace().meta.date, before, "nothing stored");
    // Other work meanwhile does not lose it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num7);
    h.run();
    assert_eq!(field_text(&h, "Datum").as_deref(), Some("31-02-2024"));
    // Fixing it stores it and the message goes.
    type_and_leave(&mut h, "Datum", "29-02-2024");
    assert_eq!(
        h.state().workspace().meta.date,
        Some(jiff::civil::date(2024, 2, 29))
    );
    assert!(h.query_by_label_contains("bestaat niet").is_none());
    // Escape cancels a refused text: the stored date comes back.
    h.get_by_role_and_label(Role::TextInput, "Datum").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Datum")
        .type_text("morgen");
    h.run();
    h.get_by_label("Geen geldige datum: typ dd-mm-jjjj (of jjjj-mm-dd)");
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(field_text(&h, "Datum").as_deref(), Some("29-02-2024"));
    assert!(h.query_by_label_contains("Geen geldige datum").is_none());
}

#[test]
fn kind_2_refused_amounts_and_years_keep_their_text_and_say_why() {
    let mut h = green_paper();
    h.get_by_role_and_label(Role::CheckBox, "Catalisti onder Scenario 3")
        .click();
    h.run();
    let before = h.state().workspace().clone();
    for (label, typed, message) in [
        (
            "Maximale jaarlijkse financiering",
            "€ 650.000,5x",
            "Geen geldig bedrag: typ bijvoorbeeld € 650.000",
        ),
        ("Startjaar", "twintig", "Geen geldig getal"),
    ] {
        type_and_leave(&mut h, label, typed);
        assert_eq!(field_text(&h, label).as_deref(), Some(typed), "{label}");
        h.get_by_label(message);
    }
    assert_eq!(h.state().workspace().clusters, before.clusters);
}

fn scores(h: &H, number: u32) -> (Option<u8>, Option<u8>) {
    let (c, s) = (catalisti(h), scenario(h, number));
    let ws = h.state().workspace();
    let a = ws
        .assignments
        .iter()
        .find(|a| a.cluster == c && a.scenario == s)
        .unwrap();
    (a.desirability, a.feasibility)
}

#[test]
fn kind_5_a_cell_is_ticked_and_scored_in_five_keys() {
    let mut h = green_paper();
    // Three scenarios ticked by mouse first, so the fourth's section starts far down.
    for n in [1, 2, 4] {
        h.get_by_role_and_label(Role::CheckBox, &format!("Catalisti onder Scenario {n}"))
            .click();
        h.run();
    }
    h.get_by_label_contains("Catalisti, Scenario 3").click();
    h.run();
    let keys = [Key::Space, Key::Enter, Key::Num3, Key::Tab, Key::Num4];
    for key in keys {
        h.key_press(key);
        h.run();
    }
    assert!(keys.len() <= 6);
    assert_eq!(scores(&h, 3), (Some(3), Some(4)));
    h.get_by_label_contains(
        "Catalisti, Scenario 3, complementair, wenselijkheid 3, haalbaarheid 4",
    );
    // The focused score shows where it is, in the window.
    let group = h
        .query_all_by_role_and_label(Role::RadioGroup, "Haalbaarheid")
        .find(|n| n.is_focused())
        .expect("the feasibility score has the focus");
    assert!(group.rect().bottom() < 950.0 && group.rect().top() > 0.0);
    // The arrows step the focused score, 0 clears it; the matrix stays put.
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(scores(&h, 3), (Some(3), Some(3)));
    h.key_press(Key::Num0);
    h.run();
    assert_eq!(scores(&h, 3), (Some(3), None));
    assert_eq!(
        h.state().selection,
        Selection::Cell(catalisti(&h), scenario(&h, 3))
    );
}

/// What a screen reader last heard from the status line (its live region).
fn live_region(h: &H) -> String {
    h.get_by(|n| n.live() == Live::Polite && n.role() == Role::Label)
        .accesskit_node()
        .value()
        .unwrap_or_default()
        .trim_end_matches('\u{200b}')
        .to_owned()
}

#[test]
fn kind_6_the_status_line_says_every_change_in_the_interface_language() {
    let mut h = green_paper();
    h.get_by_role_and_label(Role::CheckBox, "Catalisti onder Scenario 3")
        .click();
    h.run();
    assert_eq!(live_region(&h), "Catalisti toegewezen aan Scenario 3");

    h.get_by_role_and_label(Role::Button, "+ Contra toevoegen")
        .click();
    h.run();
    assert_eq!(
        live_region(&h),
        "Contra bij Catalisti – Scenario 3 toegevoegd"
    );
    // Typing is said once, when it starts, not after every key.
    type_like_a_keyboard(&mut h, "Dure");
    assert_eq!(
        live_region(&h),
        "Contra bij Catalisti – Scenario 3 gewijzigd"
    );

    type_and_leave(&mut h, "Maximale jaarlijkse financiering", "€ 700.000");
    assert_eq!(live_region(&h), "Cluster Catalisti gewijzigd");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    assert_eq!(live_region(&h), "Zoom 110 %");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    assert_eq!(live_region(&h), "Zoom 100 %");

    h.get_by_role_and_label(Role::Button, "Cluster verwijderen…")
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::Button, "Cluster verwijderen…")
        .click();
    h.run();
    // Catalisti has an assignment and an argument: the removal asks first.
    h.get_by_role_and_label(Role::Button, "Verwijderen").click();
    h.run();
    assert!(
        h.state()
            .workspace()
            .clusters
            .iter()
            .all(|c| c.name != "Catalisti")
    );
    assert_eq!(live_region(&h), "Cluster Catalisti verwijderd");

    h.get_by_label("Beeld").click();
    h.run();
    h.get_by_label("Taal").click();
    h.run();
    h.get_by_label("English").click();
    h.run();
    assert_eq!(live_region(&h), "Window language: English");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(live_region(&h), "Undone: Cluster Catalisti");
}

#[test]
fn kind_4_a_source_badge_names_its_body_in_full_and_reads_at_body_size() {
    let mut h = green_paper();
    h.get_by_role_and_label(Role::Button, "Scenario's").click();
    h.run();
    h.get_all_by_label("+ Pro toevoegen")
        .next()
        .unwrap()
        .click();
    h.run();
    h.get_by_label("Bron: Eigen analyse").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "VARIO").click();
    h.run();
    let badge = h.get_by_label("Bron: VARIO");
    let full = badge.accesskit_node().description().unwrap_or_default();
    assert!(full.starts_with("VARIO – "), "{full}");
    assert!(full.len() > "VARIO – ".len() + 10, "{full}");
    // Body-size text: the badge is as tall as a line of the panel's text.
    assert!(badge.rect().height() >= 16.0, "{:?}", badge.rect());
}

#[test]
fn kind_7_an_export_to_a_missing_folder_says_so_in_dutch_with_the_chosen_path() {
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("bestaat-niet").join("mededeling.md");
    let mut h = green_paper();
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("Bestemming").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Bestemming")
        .type_text(&target.display().to_string());
    h.run();
    h.get_by_role_and_label(Role::Button, "Exporteren").click();
    h.run();
    let missing = folder.path().join("bestaat-niet").display().to_string();
    let said = live_region(&h);
    assert!(
        said.contains(&format!("De map {missing} bestaat niet")),
        "{said}"
    );
    assert!(said.contains("Kies een bestaande map"), "{said}");
    assert!(
        !said.contains(".clusterwerkbank-") && !said.contains("os error"),
        "{said}"
    );
    assert!(!folder.path().join("bestaat-niet").exists());
}

#[test]
fn kind_7_the_public_version_is_one_setting_shown_in_both_places() {
    let mut h = green_paper();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num7);
    h.run();
    let before = h.state().workspace().meta.public_version;
    h.get_by_role_and_label(Role::CheckBox, "Publieke versie")
        .click();
    h.run();
    assert_eq!(h.state().workspace().meta.public_version, !before);
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    let shown = h
        .query_all_by_role_and_label(Role::CheckBox, "Publieke versie")
        .map(|n| n.accesskit_node().toggled())
        .collect::<Vec<_>>();
    let expected = Some(if before {
        egui::accesskit::Toggled::False
    } else {
        egui::accesskit::Toggled::True
    });
    assert!(!shown.is_empty());
    assert!(shown.iter().all(|t| *t == expected), "{shown:?}");
}

#[test]
fn kind_7_search_results_show_many_rows_and_escape_closes_them() {
    let mut h = green_paper();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Zoeken").type_text("e");
    h.run();
    // Every hit is a link; at least eight of them lie within the results' view.
    let links: Vec<egui::Rect> = h.query_all_by_role(Role::Link).map(|n| n.rect()).collect();
    assert!(links.len() >= 8, "{}", links.len());
    let first = links[0];
    let visible = links
        .iter()
        .filter(|r| r.bottom() <= first.top() + 240.0)
        .count();
    assert!(visible >= 8, "{visible} rows visible");
    // After a click on a hit, Escape still closes the results.
    h.query_all_by_role(Role::Link).next().unwrap().click();
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Zoeken").is_none(), "the search is closed");
}

#[test]
fn kind_3_a_budget_above_the_cap_shows_on_its_field_cell_and_card_and_the_list_lands_there() {
    let mut h = green_paper();
    h.get_by_role_and_label(Role::CheckBox, "Catalisti onder Scenario 3")
        .click();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "Jaarbudget")
        .click();
    h.run();
    type_and_leave(&mut h, "Bedrag per jaar", "€ 700.000");
    h.get_by_label("1 waarschuwing");
    let said = "waarschuwing: Catalisti: het jaarbudget (€ 700.000)";
    // Under the field, and on the matrix cell.
    let shown = h.query_all_by_label_contains(said).count();
    assert!(shown >= 2, "field and cell carry it, found {shown}");
    let field = h
        .get_by_role_and_label(Role::TextInput, "Bedrag per jaar")
        .rect();
    assert!(
        h.query_all_by_label_contains(said)
            .any(|n| n.rect().top() >= field.bottom() && n.rect().top() < field.bottom() + 90.0),
        "one of them just under the field (below its two year fields, a row each)"
    );
    // On the board card.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run();
    assert!(h.query_all_by_label_contains(said).count() >= 2);
    // From the list, a click lands on the field.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    h.run();
    h.get_by_label("1 waarschuwing").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Catalisti: het jaarbudget (€ 700.000) ligt van 2027 tot 2030 boven het plafond van € 650.000")
        .click();
    h.run();
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Bedrag per jaar")
            .is_focused(),
        "the jump lands on the amount"
    );
}

#[test]
fn kind_2_a_budget_year_out_of_range_is_kept_and_said_not_clamped() {
    let mut h = green_paper();
    h.get_by_role_and_label(Role::CheckBox, "Catalisti onder Scenario 3")
        .click();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "Jaarbudget")
        .click();
    h.run();
    let budget = |h: &H| {
        h.state()
            .workspace()
            .assignments
            .iter()
            .find_map(|a| a.budget)
            .unwrap()
    };
    let before = budget(&h);
    type_and_leave(&mut h, "van", "1999");
    assert_eq!(
        field_text(&h, "van").as_deref(),
        Some("1999"),
        "kept as typed"
    );
    let message = h.get_by_label("Geen geldig jaar (2000–2100)").rect();
    let field = h.get_by_role_and_label(Role::TextInput, "van").rect();
    // Beside the field, or, in a narrow panel, wrapped to just under it.
    let beside = message.left() >= field.right() && message.top() < field.bottom();
    let under = message.top() >= field.top() && message.top() < field.bottom() + 30.0;
    assert!(beside || under, "next to the field: {message:?} {field:?}");
    assert_eq!(budget(&h), before, "nothing clamped, nothing stored");
    // A valid year is stored, and is one undo step.
    type_and_leave(&mut h, "tot en met", "2031");
    assert_eq!(budget(&h).last_year, 2031);
    assert_eq!(budget(&h).first_year, before.first_year);
    type_and_leave(&mut h, "van", "2028");
    assert_eq!(budget(&h).first_year, 2028);
    assert!(h.query_by_label_contains("Geen geldig jaar").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(budget(&h).first_year, before.first_year);
    assert_eq!(budget(&h).last_year, 2031);
}

#[test]
fn kind_2_an_invalid_document_number_is_refused_next_to_the_field_and_kept() {
    let mut h = green_paper();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num7);
    h.run();
    let stored = |h: &H| h.state().workspace().meta.document_number.clone();
    let before = stored(&h);
    type_and_leave(&mut h, "Documentnummer", "VR 2024 MED.12");
    assert_eq!(
        field_text(&h, "Documentnummer").as_deref(),
        Some("VR 2024 MED.12")
    );
    let message = h.get_by_label_contains("Geen geldig documentnummer");
    let field = h
        .get_by_role_and_label(Role::TextInput, "Documentnummer")
        .rect();
    assert!(message.rect().left() >= field.right() && message.rect().top() < field.bottom());
    assert_eq!(stored(&h), before, "not accepted");
    type_and_leave(&mut h, "Documentnummer", "VR 2024 1506 MED.0123/1");
    assert_eq!(stored(&h), "VR 2024 1506 MED.0123/1");
    assert!(
        h.query_by_label_contains("Geen geldig documentnummer")
            .is_none()
    );
}

#[test]
fn kind_5_the_first_board_card_is_one_tab_from_the_boards_heading() {
    let mut h = green_paper();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run();
    // The heading row ends with "Cluster toevoegen"; the next stop is the first card.
    h.get_by_role_and_label(Role::Button, "Cluster toevoegen")
        .focus();
    h.run();
    h.key_press(Key::Tab);
    h.run();
    assert!(
        h.get_by_role_and_label(Role::Button, "Catalisti")
            .is_focused(),
        "one Tab from the heading to the first card"
    );
}

#[test]
fn kind_7_dragging_a_board_card_by_its_name_moves_it() {
    let mut h = green_paper();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run();
    let card = h.get_by_role_and_label(Role::Button, "Catalisti").rect();
    // The name is written at the card's top left.
    let on_name = card.left_top() + egui::vec2(24.0, 14.0);
    let column = h.get_by_label_contains("Scenario 1 —").rect();
    let target = column.center_bottom() + egui::vec2(0.0, 60.0);
    h.drag_at(on_name);
    h.run();
    for step in 1..=6 {
        h.hover_at(on_name + (target - on_name) * (step as f32 / 6.0));
        h.run();
    }
    h.drop_at(target);
    h.run();
    assert_eq!(assignments(&h), [("Catalisti".to_owned(), 1)]);
}

#[test]
fn kind_7_the_chart_legends_stand_under_their_plots_and_name_the_workspaces_basis() {
    let mut h = green_paper();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num6);
    h.run();
    let plot = h
        .get_by_role_and_label(
            Role::Image,
            "Budget per jaar: de cijfers staan in de tabel eronder",
        )
        .rect();
    let legend: Vec<egui::Rect> = h
        .query_all_by_label("Catalisti")
        .map(|n| n.rect())
        .filter(|r| r.top() >= plot.top() - 1.0 && r.top() < plot.bottom() + 80.0)
        .collect();
    assert!(!legend.is_empty(), "the budget legend names Catalisti");
    for entry in legend {
        assert!(
            entry.top() >= plot.bottom(),
            "{entry:?} over the plot {plot:?}"
        );
    }
    let basis = h.state().workspace().meta.term_basis.clone();
    h.get_by_label_contains(&format!("({basis})"));
    // Without a legal basis in the workspace, the legend names none.
    let mut meta = h.state().workspace().meta.clone();
    meta.term_basis = String::new();
    h.state_mut()
        .session
        .apply(clusterwerkbank::model::Edit::SetMeta(Box::new(meta)))
        .unwrap();
    h.run();
    assert!(h.query_by_label_contains("AGVV").is_none());
    assert!(h.query_by_label_contains("einde termijn").is_some());
}

/// Issue 15 item 9: the export shows its stage, and Cancel drops it with nothing
/// written. The PDF is typeset for longer than the two frames between Start and Cancel.
#[test]
fn an_export_shows_its_stage_and_a_cancelled_one_writes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("mededeling.pdf");
    let mut h = green_paper();
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_role_and_label(Role::RadioButton, "PDF/A (archiveerbaar)")
        .click();
    h.run();
    h.get_by_label("Bestemming").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Bestemming")
        .type_text(&target.display().to_string());
    h.run();
    h.get_by_role_and_label(Role::Button, "Exporteren").click();
    h.step();
    h.step();
    let stage = h
        .get_by_label_contains(" van 3: ")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    assert!(stage.starts_with("Stap "), "{stage}");
    // The pointer rests on the button for a frame first, as a mouse does: moved and
    // pressed in one frame, the click on this button did not register in kittest.
    h.get_by_role_and_label(Role::Button, "Annuleren").hover();
    h.step();
    h.get_by_role_and_label(Role::Button, "Annuleren").click();
    // Steps, not run(): the cancelled worker may still be typesetting.
    for _ in 0..4 {
        h.step();
    }
    assert_eq!(
        live_region(&h),
        "Export geannuleerd; er is niets geschreven."
    );
    assert!(h.query_by_label_contains(" van 3: ").is_none());
    // The worker stops at its next stage; once it has, nothing is there, not even a
    // temporary file.
    match &mut h.state_mut().dialog {
        Some(clusterwerkbank::ui::app::Dialog::Export(dialog)) => {
            dialog.wait_for_cancelled_worker();
        }
        _ => panic!("the export dialog stays open"),
    }
    h.step();
    let left: Vec<_> = std::fs::read_dir(folder.path()).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");
    // The same export, not cancelled, writes the file.
    h.get_by_role_and_label(Role::Button, "Exporteren").click();
    h.step();
    for _ in 0..2_000 {
        if target.exists() && live_region(&h).starts_with("Geschreven:") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    assert!(target.exists());
}
