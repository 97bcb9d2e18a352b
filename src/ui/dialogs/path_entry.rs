//! A typed path, for when no system file dialog is there (no portal) or the person
//! prefers typing.

use crate::ui::text::Tr;

/// Draws the field; `Some(true)` when confirmed, `Some(false)` when cancelled.
/// `heading` says what the path is for; `note` why the field is shown, if known.
pub fn show(
    ctx: &egui::Context,
    t: &Tr,
    heading: &str,
    text: &mut String,
    note: Option<&str>,
    enter: bool,
    escape: bool,
) -> Option<bool> {
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("path-entry")).show(ctx, |ui| {
        ui.heading(heading);
        if let Some(note) = note {
            ui.label(note);
        }
        let l = ui.label(t.path);
        let r = ui
            .add(egui::TextEdit::singleline(text).desired_width(ui.available_width().min(480.0)))
            .labelled_by(l.id);
        r.request_focus();
        ui.horizontal(|ui| {
            if ui.button(t.ok).clicked() || enter {
                choice = Some(true);
            }
            if ui.button(t.cancel).clicked() || escape {
                choice = Some(false);
            }
        });
    });
    choice
}
