//! A problem the person must read (a file that could not be read or written).

use crate::ui::text::Tr;

/// What the person chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Save elsewhere (offered when saving failed).
    SaveAs,
    Close,
}

/// Draws the message; `None` while open. Enter and Escape close it.
pub fn show(
    ctx: &egui::Context,
    t: &Tr,
    message: &str,
    offer_save_as: bool,
    enter: bool,
    escape: bool,
) -> Option<Choice> {
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("error")).show(ctx, |ui| {
        crate::ui::widgets::fit_width(ui, 560.0);
        ui.heading(t.problem);
        ui.label(message);
        ui.horizontal(|ui| {
            if offer_save_as && ui.button(t.save_as).clicked() {
                choice = Some(Choice::SaveAs);
            }
            if ui.button(t.ok).clicked() || enter || escape {
                choice = Some(Choice::Close);
            }
        });
    });
    choice
}
