//! The list of warnings, each worded in the interface language; a click goes to the
//! record it concerns.

use crate::model::{Warning, Workspace};
use crate::ui::text::Language;

/// What happened in the list this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Open,
    Closed,
    /// The person chose this warning: show its record.
    Chosen(Warning),
}

pub fn show(
    ctx: &egui::Context,
    ws: &Workspace,
    warnings: &[Warning],
    lang: Language,
    close_key: bool,
) -> Outcome {
    let t = lang.texts();
    let mut outcome = if close_key {
        Outcome::Closed
    } else {
        Outcome::Open
    };
    egui::Modal::new(egui::Id::unique("warnings")).show(ctx, |ui| {
        crate::ui::widgets::fit_width(ui, 640.0);
        ui.heading(t.warnings_title);
        if warnings.is_empty() {
            ui.label(t.no_warnings);
        }
        egui::ScrollArea::vertical()
            .max_height(crate::ui::widgets::list_height(ctx, 400.0))
            .show(ui, |ui| {
                for w in warnings {
                    let text = crate::wording::warning(ws, w, lang.wording());
                    if ui.add(egui::Button::new(text).wrap()).clicked() {
                        // The panel lands on the field once the app shows the record.
                        crate::ui::warnings_here::jump_to(ctx, w);
                        outcome = Outcome::Chosen(w.clone());
                    }
                }
            });
        if ui.button(t.close).clicked() {
            outcome = Outcome::Closed;
        }
    });
    outcome
}
