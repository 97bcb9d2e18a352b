//! "Save the changes to …?" before the open work is replaced or the window closes.

use crate::ui::text::Tr;

/// What the person chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Save,
    DontSave,
    Cancel,
}

/// Draws the question about `file`; `None` while it is not answered. Enter saves,
/// Escape cancels.
pub fn show(ctx: &egui::Context, t: &Tr, file: &str, enter: bool, escape: bool) -> Option<Choice> {
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
        ui.heading(t.unsaved_title);
        ui.label(format!("{} \u{201c}{file}\u{201d}", t.unsaved_question));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(t.save).clicked() || enter {
                choice = Some(Choice::Save);
            }
            if ui.button(t.dont_save).clicked() {
                choice = Some(Choice::DontSave);
            }
            if ui.button(t.cancel).clicked() || escape {
                choice = Some(Choice::Cancel);
            }
        });
    });
    choice
}
