//! The keyboard shortcuts (F1): every action's shortcut and the keys the views know.

use crate::ui::actions::Action;
use crate::ui::text::Tr;

/// Draws the list; `true` when the person closes it.
pub fn show(ctx: &egui::Context, t: &Tr, close_key: bool) -> bool {
    let mut close = close_key;
    egui::Modal::new(egui::Id::unique("shortcuts")).show(ctx, |ui| {
        crate::ui::widgets::fit_width(ui, 640.0);
        ui.heading(t.shortcuts);
        egui::ScrollArea::vertical()
            .max_height(crate::ui::widgets::list_height(ctx, 560.0))
            .show(ui, |ui| {
                // Without a minimum a wrapping label gets the narrowest column egui can
                // give it, and words break in the middle ("Ongeda an maken").
                // A fixed width: one taken from the available width would feed back into
                // the dialog's width and never settle.
                let column = 200.0;
                egui::Grid::new("shortcut-grid")
                    .striped(true)
                    .min_col_width(column)
                    .show(ui, |ui| {
                        // Keys in the interface language, with their alternatives (Ctrl+Y);
                        // long descriptions wrap rather than run past the dialog's edge.
                        let row = |ui: &mut egui::Ui, what: &str, keys: &str| {
                            ui.add(egui::Label::new(what).wrap());
                            ui.label(egui::RichText::new(keys).strong());
                            ui.end_row();
                        };
                        for action in Action::WITH_SHORTCUTS {
                            if let Some(keys) = action.shortcut_words(t) {
                                row(ui, action.label(t), &keys);
                            }
                        }
                        for (keys, what) in t.extra_keys {
                            row(ui, what, keys);
                        }
                    });
            });
        if ui.button(t.close).clicked() {
            close = true;
        }
    });
    close
}
