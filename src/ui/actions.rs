//! App-level actions: one definition gives the menu entry, its label and its shortcut.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::state::View;
use super::text::Tr;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    New,
    NewEmpty,
    Open,
    OpenTyped,
    Save,
    SaveAs,
    Export,
    Merge,
    ReviewConflicts,
    Quit,
    Undo,
    Redo,
    Find,
    ShowView(View),
    ZoomIn,
    ZoomOut,
    ZoomReset,
    ToggleDark,
    ToggleHighContrast,
    ShowWarnings,
    Shortcuts,
    AddCluster,
    /// Bestand › Advies importeren… (see `ui::reader`).
    ImportAdvice,
    ImportAdviceTyped,
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers {
    alt: false,
    ctrl: false,
    shift: true,
    mac_cmd: false,
    command: true,
};

impl Action {
    /// Shortcuts in the order they are checked: those with Shift first, because a
    /// shortcut without Shift also matches a press with it.
    pub(crate) const WITH_SHORTCUTS: [Action; 24] = [
        Action::SaveAs,
        Action::Redo,
        Action::New,
        Action::Open,
        Action::Save,
        Action::Undo,
        Action::Find,
        Action::Quit,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ZoomReset,
        Action::Shortcuts,
        Action::ShowView(View::Matrix),
        Action::ShowView(View::Board),
        Action::ShowView(View::Scenarios),
        Action::ShowView(View::Advice),
        Action::ShowView(View::Themes),
        Action::ShowView(View::Charts),
        Action::ShowView(View::Document),
        Action::ShowView(View::Preview),
        Action::ShowView(View::Variants),
        Action::ShowView(View::Sources),
        Action::ShowView(View::History),
        Action::Export,
    ];

    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let s = |m, k| Some(KeyboardShortcut::new(m, k));
        match self {
            Action::New => s(CMD, Key::N),
            Action::Open => s(CMD, Key::O),
            Action::Save => s(CMD, Key::S),
            Action::SaveAs => s(CMD_SHIFT, Key::S),
            Action::Quit => s(CMD, Key::Q),
            Action::Undo => s(CMD, Key::Z),
            Action::Redo => s(CMD_SHIFT, Key::Z),
            Action::Find => s(CMD, Key::F),
            Action::ZoomIn => s(CMD, Key::Plus),
            Action::ZoomOut => s(CMD, Key::Minus),
            Action::ZoomReset => s(CMD, Key::Num0),
            Action::Shortcuts => s(Modifiers::NONE, Key::F1),
            Action::ShowView(View::Matrix) => s(CMD, Key::Num1),
            Action::ShowView(View::Board) => s(CMD, Key::Num2),
            Action::ShowView(View::Scenarios) => s(CMD, Key::Num3),
            Action::ShowView(View::Advice) => s(CMD, Key::Num4),
            Action::ShowView(View::Themes) => s(CMD, Key::Num5),
            Action::ShowView(View::Charts) => s(CMD, Key::Num6),
            Action::ShowView(View::Document) => s(CMD, Key::Num7),
            Action::ShowView(View::Preview) => s(CMD, Key::Num8),
            Action::ShowView(View::Variants) => s(CMD, Key::Num9),
            Action::ShowView(View::Sources) => s(CMD, Key::B),
            Action::ShowView(View::History) => s(CMD, Key::G),
            Action::Export => s(CMD, Key::E),
            _ => None,
        }
    }

    /// A second shortcut some people expect (Ctrl+Y for redo).
    pub(crate) fn alternative_shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Action::Redo => Some(KeyboardShortcut::new(CMD, Key::Y)),
            Action::ZoomIn => Some(KeyboardShortcut::new(CMD, Key::Equals)),
            _ => None,
        }
    }

    /// The shortcut and its alternative in the interface language ("Ctrl+Shift+Z of
    /// Ctrl+Y", "Ctrl++"): egui's own names are English words ("Plus", "Minus").
    pub(crate) fn shortcut_words(self, t: &Tr) -> Option<String> {
        let main = shortcut_words(&self.shortcut()?, t);
        Some(match self.alternative_shortcut() {
            Some(other) => format!("{main} {} {}", t.or_word, shortcut_words(&other, t)),
            None => main,
        })
    }

    pub fn label(self, t: &Tr) -> &'static str {
        match self {
            Action::New => t.new,
            Action::NewEmpty => t.new_empty,
            Action::Open => t.open,
            Action::OpenTyped => t.open_typed,
            Action::Save => t.save,
            Action::SaveAs => t.save_as,
            Action::Export => t.export,
            Action::Merge => t.merge,
            Action::ReviewConflicts => t.conflicts_review,
            Action::Quit => t.quit,
            Action::Undo => t.undo,
            Action::Redo => t.redo,
            Action::Find => t.find,
            Action::ShowView(v) => v.label(t),
            Action::ZoomIn => t.zoom_in,
            Action::ZoomOut => t.zoom_out,
            Action::ZoomReset => t.zoom_reset,
            Action::ToggleDark => t.toggle_dark,
            Action::ToggleHighContrast => t.toggle_high_contrast,
            Action::ShowWarnings => t.show_warnings,
            Action::Shortcuts => t.shortcuts,
            Action::AddCluster => t.add_cluster,
            Action::ImportAdvice => super::reader::text::for_tr(t).import,
            Action::ImportAdviceTyped => super::reader::text::for_tr(t).import_typed_menu,
        }
    }
}

/// One shortcut in words: the modifiers as printed on keyboards, the key as a symbol
/// where it has one.
fn shortcut_words(shortcut: &KeyboardShortcut, t: &Tr) -> String {
    let m = shortcut.modifiers;
    let mut parts: Vec<&str> = Vec::new();
    if m.command || m.ctrl || m.mac_cmd {
        parts.push("Ctrl");
    }
    if m.shift {
        parts.push(t.key_shift);
    }
    if m.alt {
        parts.push("Alt");
    }
    let key = match shortcut.logical_key {
        Key::Plus => "+",
        Key::Minus => "-",
        Key::Equals => "=",
        Key::Space => t.key_space,
        Key::Escape => "Esc",
        other => other.name(),
    };
    parts.push(key);
    parts.join("+")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::text::{EN, NL};

    #[test]
    fn shortcuts_are_said_in_the_interface_language_with_their_alternatives() {
        assert_eq!(
            Action::Redo.shortcut_words(&NL).as_deref(),
            Some("Ctrl+Shift+Z of Ctrl+Y")
        );
        assert_eq!(
            Action::Redo.shortcut_words(&EN).as_deref(),
            Some("Ctrl+Shift+Z or Ctrl+Y")
        );
        assert_eq!(
            Action::ZoomIn.shortcut_words(&NL).as_deref(),
            Some("Ctrl++ of Ctrl+=")
        );
        assert_eq!(
            Action::ZoomOut.shortcut_words(&NL).as_deref(),
            Some("Ctrl+-")
        );
        for action in Action::WITH_SHORTCUTS {
            let words = action.shortcut_words(&NL).unwrap_or_default();
            for english in ["Plus", "Minus", "Equals", "Space"] {
                assert!(!words.contains(english), "{words}");
            }
        }
    }
}
