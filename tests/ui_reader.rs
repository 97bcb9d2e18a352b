#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! The *Bronteksten* reader in the window: an advice PDF imported through the window,
//! words on its second page selected with the keyboard and made a contra for
//! scenario 2 with one key, the footnote with its page found in the exported DOCX;
//! search, the other kinds, undo, "Toon in de bron", and a refused import.

use clusterwerkbank::export::{ExportOptions, Format, export_bytes};
use clusterwerkbank::model::marks::{MarkKind, marks_in};
use clusterwerkbank::model::{Polarity, Subject};
use clusterwerkbank::ui::app::{Prefs, WorkbenchApp};
use clusterwerkbank::ui::state::{Selection, View};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::io::Read;

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

/// Imports `bytes` as `name` for VARIO through the window's import flow (the body
/// dialog and the reading off the UI thread), as a person would after the file dialog.
fn import(h: &mut H, dir: &std::path::Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    h.state_mut().reader.import_path(path);
    h.run();
    choose_vario_and_read(h);
}

/// The body dialog's choice of VARIO, then the reading off the UI thread, waited for.
fn choose_vario_and_read(h: &mut H) {
    h.get_by_role_and_label(
        Role::RadioButton,
        "VARIO (Vlaamse Adviesraad voor Innoveren en Ondernemen)",
    )
    .click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Importeren").click();
    h.step();
    h.state_mut().reader.finish_import();
    h.step();
    h.run();
}

/// The texts of each footnote in a DOCX's `word/footnotes.xml`.
fn footnotes(docx: &[u8]) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/footnotes.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    doc.descendants()
        .filter(|n| n.tag_name().name() == "footnote")
        .map(|n| {
            n.descendants()
                .filter(|t| t.tag_name().name() == "t")
                .filter_map(|t| t.text())
                .collect()
        })
        .collect()
}

#[test]
fn a_selected_passage_becomes_a_contra_for_scenario_two_with_its_page_in_the_docx() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = green_paper();
    let pdf = clusterwerkbank::export::pdf::sample::plain_advice_pdf(3).unwrap();
    import(&mut h, dir.path(), "vario-advies.pdf", &pdf);
    assert_eq!(h.state().workspace().documents.len(), 1);
    assert_eq!(h.state().view, View::Sources);
    assert!(
        h.state()
            .status_message()
            .unwrap()
            .contains("vario-advies.pdf geïmporteerd bij VARIO (3 pagina's)"),
        "{:?}",
        h.state().status_message()
    );
    // Scenario 2 beside the reader.
    h.get_by_label("Scenario").click();
    h.run();
    let scenario2 = h.state().workspace().scenarios[1].id;
    let label = h.state().workspace().scenarios[1].label();
    h.get_by_label(&label).click();
    h.run();
    // Page 2, then select its first words with the keyboard.
    h.get_by_role_and_label(Role::Button, "Volgende ▶").click();
    h.run();
    h.get_by_label("Brontekst").click();
    h.run();
    h.key_press_modifiers(Modifiers::CTRL, Key::Home);
    for _ in 0..5 {
        h.key_press_modifiers(
            Modifiers {
                ctrl: true,
                shift: true,
                ..Modifiers::NONE
            },
            Key::ArrowRight,
        );
    }
    h.run();
    h.key_press(Key::C);
    h.run();

    let ws = h.state().workspace().clone();
    let contra = ws.arguments.last().unwrap();
    assert_eq!(contra.polarity, Polarity::Contra);
    assert_eq!(contra.subject, Subject::Scenario(scenario2));
    assert_eq!(contra.citation.passage.page, Some(2));
    assert_eq!(contra.citation.quote, "Op pagina 2 stelt de");
    let spot = contra.citation.passage.source.as_deref().unwrap();
    assert_eq!((spot.passage, spot.start, spot.end), (1, 0, 20));
    let status = h.state().status_message().unwrap().to_owned();
    assert!(
        status.starts_with("Contra gemaakt voor Scenario 2") && status.contains("p.\u{a0}2"),
        "{status}"
    );
    let marks = marks_in(&ws, ws.documents[0].id);
    assert_eq!(marks.len(), 1);
    assert_eq!(marks[0].kind, MarkKind::Contra);

    let docx = export_bytes(&ws, &ExportOptions::default(), Format::Docx).unwrap();
    let notes = footnotes(&docx);
    assert!(
        notes.iter().any(|n| n.contains("VARIO")
            && n.contains("p.\u{a0}2")
            && n.contains("Op pagina 2 stelt de")),
        "{notes:#?}"
    );

    // Beside the text, what scenario 2 already has: the new contra among it.
    h.get_by_label("Wat er al staat").click();
    h.run();
    assert!(
        h.query_by_label_contains("[Contra] Op pagina 2 stelt de")
            .is_some()
    );

    // One undo step takes the contra away again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().workspace().arguments.len(),
        ws.arguments.len() - 1
    );
}

#[test]
fn a_search_hit_opens_its_page_selected_and_each_key_makes_its_kind() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = green_paper();
    let pdf = clusterwerkbank::export::pdf::sample::plain_advice_pdf(3).unwrap();
    import(&mut h, dir.path(), "advies.pdf", &pdf);
    h.get_by_label("Zoeken in dit document").focus();
    h.run();
    h.get_by_label("Zoeken in dit document").type_text("punt 3");
    h.run();
    h.get_by_label_contains("p.\u{a0}3: …").click();
    h.run();
    // The hit is selected in the text, which has the focus: T makes it a theme.
    h.key_press(Key::T);
    h.run();
    let ws = h.state().workspace().clone();
    let theme = ws.themes.last().unwrap();
    let citation = &theme.citation.as_ref().unwrap().citation;
    assert_eq!(citation.quote, "punt 3");
    assert_eq!(citation.passage.page, Some(3));
    // The same words as a stance quote and a pro, by their buttons.
    h.get_by_role_and_label(Role::Button, "Standpunt (S)")
        .click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Pro (P)").click();
    h.run();
    let ws = h.state().workspace().clone();
    let kinds: Vec<MarkKind> = marks_in(&ws, ws.documents[0].id)
        .iter()
        .map(|m| m.kind)
        .collect();
    assert_eq!(
        kinds,
        vec![MarkKind::Pro, MarkKind::Stance, MarkKind::Theme]
    );
    // The page's marks are listed in words, not only coloured.
    assert!(h.query_by_label_contains("[Thema] “punt 3”").is_some());
    assert!(h.query_by_label_contains("[Pro] “punt 3”").is_some());

    // From the argument, "Toon in de bron" opens the reader at its page and passage.
    h.get_by_role_and_label(Role::Button, "Scenario's").click();
    h.run();
    assert_eq!(h.state().view, View::Scenarios);
    h.get_by_label("Toon in de bron").click();
    h.run();
    assert_eq!(h.state().view, View::Sources);
    assert!(
        h.query_by_label_contains("p.\u{a0}3 — advies.pdf")
            .is_some()
    );

    // The stance's quote and the theme lead back to the source as well.
    for (view, theme) in [("Adviezen", false), ("Thema's", true)] {
        h.get_by_role_and_label(Role::Button, view).click();
        h.run();
        let ws = h.state().workspace().clone();
        h.state_mut().selection = if theme {
            Selection::Theme(ws.themes.last().unwrap().id)
        } else {
            Selection::Body(ws.documents[0].body)
        };
        h.run();
        assert_ne!(h.state().view, View::Sources);
        h.get_by_label_contains("Toon in de bron (").click();
        h.run();
        assert_eq!(h.state().view, View::Sources, "from {view}");
        assert!(
            h.query_by_label_contains("p.\u{a0}3 — advies.pdf")
                .is_some()
        );
    }
}

#[test]
fn a_document_imported_twice_is_refused_in_dutch_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = green_paper();
    let pdf = clusterwerkbank::export::pdf::sample::plain_advice_pdf(1).unwrap();
    import(&mut h, dir.path(), "advies.pdf", &pdf);
    let before = h.state().workspace().clone();
    import(&mut h, dir.path(), "kopie.pdf", &pdf);
    assert_eq!(*h.state().workspace(), before);
    assert!(h.query_by_label_contains("al geïmporteerd").is_some());
    // A file that is no document at all.
    h.get_by_role_and_label(Role::Button, "OK").click();
    h.run();
    // This time through the menu and a typed path, as where no file dialog opens.
    let path = dir.path().join("notities.xyz");
    std::fs::write(&path, b"niets").unwrap();
    h.get_by_label("Bestand").click();
    h.run();
    h.get_by_label_contains("Pad typen en advies importeren")
        .click();
    h.run();
    h.get_by_label("Pad").focus();
    h.run();
    h.get_by_label("Pad").type_text(&path.display().to_string());
    h.run();
    h.get_by_role_and_label(Role::Button, "OK").click();
    h.run();
    choose_vario_and_read(&mut h);
    assert_eq!(*h.state().workspace(), before);
    assert!(
        h.query_by_label_contains("notities.xyz: Clusterwerkbank leest PDF")
            .is_some()
    );
}

/// A document just imported is the one the reader shows, at its first page.
#[test]
fn the_reader_opens_the_document_just_imported() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = green_paper();
    let first = clusterwerkbank::export::pdf::sample::plain_advice_pdf(2).unwrap();
    import(&mut h, dir.path(), "eerste.pdf", &first);
    assert!(
        h.query_by_label_contains("p.\u{a0}1 — eerste.pdf")
            .is_some()
    );
    let second = clusterwerkbank::export::pdf::sample::plain_advice_pdf(3).unwrap();
    import(&mut h, dir.path(), "tweede.pdf", &second);
    assert_eq!(h.state().workspace().documents.len(), 2);
    assert_eq!(h.state().view, View::Sources);
    assert!(
        h.query_by_label_contains("p.\u{a0}1 — tweede.pdf")
            .is_some()
    );
}
