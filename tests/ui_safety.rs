#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! The window's side of "never lose a word": what reaches it from the clipboard
//! (every kind of line break becomes a line break in a multi-line field and a space
//! in a one-line field, never an invisible character that glues two words in the
//! exports), and saving over a file that is not the window's own.

use clusterwerkbank::ui::app::{Prefs, WorkbenchApp};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn document_view() -> Harness<'static, WorkbenchApp> {
    let data = clusterwerkbank::store::DataDir::at(tempfile::tempdir().unwrap().keep());
    let app = WorkbenchApp::start_in(None, Prefs::default(), Some(data));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .build_ui_state(|ui, app: &mut WorkbenchApp| app.frame(ui), app);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num7);
    h.run();
    h
}

/// Selects all of a field's text and pastes `text` over it, as Ctrl+A, Ctrl+V would.
fn paste_over(h: &mut Harness<'static, WorkbenchApp>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Paste(text.to_owned()));
    h.run();
    h.run();
}

#[test]
fn pasted_breaks_become_new_lines_in_a_multi_line_field() {
    let mut h = document_view();
    for (pasted, expected) in [
        ("Eerste\rTweede", "Eerste\nTweede"),
        ("Eerste\u{b}Tweede", "Eerste\nTweede"),
        ("Eerste\r\nTweede\u{2028}Derde", "Eerste\nTweede\nDerde"),
        (
            "Alinea een.\u{2029}Alinea twee.",
            "Alinea een.\n\nAlinea twee.",
        ),
        ("Voor\u{85}na", "Voor\nna"),
    ] {
        paste_over(&mut h, Role::MultilineTextInput, "Situering", pasted);
        assert_eq!(h.state().workspace().meta.context, expected, "{pasted:?}");
    }
}

#[test]
fn pasted_breaks_become_spaces_in_a_one_line_field() {
    let mut h = document_view();
    for pasted in [
        "Jo\u{b}BROUNS",
        "Jo\rBROUNS",
        "Jo\u{2028}BROUNS",
        "Jo\r\nBROUNS",
    ] {
        paste_over(&mut h, Role::TextInput, "Ondertekenaar", pasted);
        assert_eq!(
            h.state().workspace().meta.signatory,
            "Jo BROUNS",
            "{pasted:?}"
        );
    }
}

fn app_with_data(data: &std::path::Path) -> Harness<'static, WorkbenchApp> {
    let app = WorkbenchApp::start_in(
        None,
        Prefs::default(),
        Some(clusterwerkbank::store::DataDir::at(data)),
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .build_ui_state(|ui, app: &mut WorkbenchApp| app.frame(ui), app);
    h.run();
    h
}

/// A folder with a colleague's saved workspace in it, and that file's bytes.
fn colleagues_file() -> (tempfile::TempDir, std::path::PathBuf, Vec<u8>) {
    let folder = tempfile::tempdir().unwrap();
    let colleague = folder.path().join("collega.ron");
    let mut theirs = clusterwerkbank::store::default_workspace();
    theirs.meta.title = "Het werk van een collega".to_owned();
    clusterwerkbank::store::save(&colleague, &theirs).unwrap();
    let before = std::fs::read(&colleague).unwrap();
    (folder, colleague, before)
}

#[test]
fn saving_over_another_file_without_a_backup_is_refused_and_said() {
    let (folder, colleague, before) = colleagues_file();
    let not_a_folder = folder.path().join("geen-map");
    std::fs::write(&not_a_folder, "x").unwrap();
    let mut h = app_with_data(&not_a_folder);
    assert!(!h.state_mut().save_to(&colleague));
    h.run();
    assert_eq!(std::fs::read(&colleague).unwrap(), before, "not replaced");
    assert!(
        h.query_all_by_label_contains("is niet overschreven: er kon geen reservekopie")
            .next()
            .is_some(),
        "the refusal is shown"
    );
    assert!(
        h.state().path.is_none(),
        "the window did not take the file over"
    );
}

#[test]
fn saving_over_another_file_keeps_its_old_content_and_says_where() {
    let (folder, colleague, before) = colleagues_file();
    let data = folder.path().join("gegevens");
    let mut h = app_with_data(&data);
    assert!(h.state_mut().save_to(&colleague));
    h.run();
    let kept = clusterwerkbank::store::list_backups(
        &clusterwerkbank::store::DataDir::at(&data),
        &colleague,
    );
    assert_eq!(kept.len(), 1, "one copy, not two of the same bytes");
    assert_eq!(std::fs::read(&kept[0].file).unwrap(), before);
    h.get_by_label_contains("staat in de reservekopie");
    // Saving again to what is now the window's own file needs no new question.
    assert!(h.state_mut().save_to(&colleague));
}
