//! "Remove “Catalisti”?" with what goes with it, when a removal takes other records
//! along.

use crate::model::Consequence;
use crate::ui::text::Language;

/// Draws the question; `Some(true)` removes, `Some(false)` cancels, `None` while
/// open. The consequences are worded in the interface language.
pub fn show(
    ctx: &egui::Context,
    lang: Language,
    what: &str,
    consequences: &[(Consequence, usize)],
    enter: bool,
    escape: bool,
) -> Option<bool> {
    let t = lang.texts();
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("confirm-removal")).show(ctx, |ui| {
        ui.heading(format!("{} \u{201c}{what}\u{201d}?", t.remove_question));
        ui.label(t.goes_with_it);
        for (consequence, n) in consequences {
            ui.label(format!(
                "• {}",
                crate::wording::consequence(*consequence, *n, lang.wording())
            ));
        }
        ui.label(egui::RichText::new(t.undo_hint).weak());
        ui.horizontal(|ui| {
            if ui.button(t.remove).clicked() || enter {
                choice = Some(true);
            }
            if ui.button(t.cancel).clicked() || escape {
                choice = Some(false);
            }
        });
    });
    choice
}
