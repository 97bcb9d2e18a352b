//! The status bar: file, saved state, warnings, last save, and the message line that
//! is also the window's live region.

use egui::{RichText, Ui};

use super::WorkbenchApp;
use crate::ui::actions::Action;

impl WorkbenchApp {
    pub(super) fn status_bar(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let t = self.t();
        let lang = self.prefs.language;
        // Wrapped, so at a large zoom the message goes to a second line instead of
        // past the window's edge.
        ui.horizontal_wrapped(|ui| {
            let file = ui.label(self.file_label());
            if let Some(path) = &self.path {
                file.on_hover_text(path.display().to_string());
            }
            ui.separator();
            if self.session.is_dirty() {
                ui.label(RichText::new(t.unsaved).color(ui.visuals().warn_fg_color));
            } else if self.path.is_none() {
                ui.label(t.not_yet_saved);
            } else {
                ui.label(t.saved);
            }
            ui.separator();
            let count = self.views.derived().warnings.len();
            let text = match count {
                0 => t.no_warnings.to_owned(),
                1 => format!("1 {}", t.warning_one),
                n => format!("{} {}", lang.count(n), t.warning_many),
            };
            let text = if count > 0 {
                RichText::new(text).color(ui.visuals().warn_fg_color)
            } else {
                RichText::new(text)
            };
            if ui.button(text).on_hover_text(t.show_warnings).clicked() {
                actions.push(Action::ShowWarnings);
            }
            if let Some(ts) = self.last_saved {
                ui.separator();
                ui.label(format!("{} {}", t.last_saved, lang.time(ts)));
            }
            ui.separator();
            // Always drawn, also when empty: a live region must exist before its text
            // changes for a screen reader to announce the change.
            let (message, colour) = match &self.status {
                Some((message, true)) => (message.as_str(), ui.visuals().error_fg_color),
                Some((message, false)) => (message.as_str(), ui.visuals().weak_text_color()),
                None => ("", ui.visuals().weak_text_color()),
            };
            // Not selectable: a selectable label gets a text-run child per line, and
            // those would inherit the live setting and announce everything twice.
            let live = ui.add(
                egui::Label::new(RichText::new(message).color(colour))
                    .wrap()
                    .selectable(false),
            );
            // A live region is read when its text changes, so the same words twice in
            // a row (undoing two toggles of one cell) would be silent the second time.
            // Every other message carries a zero-width space in its accessible value
            // only; the visible text stays clean.
            let spoken = if self.said.is_multiple_of(2) {
                format!("{message}\u{200b}")
            } else {
                message.to_owned()
            };
            ui.ctx().accesskit_node_builder(live.id, |node| {
                node.set_live(egui::accesskit::Live::Polite);
                node.set_value(spoken);
            });
        });
    }
}
