//! The keyboard shortcuts (F1): every action's shortcut and the keys the views know.

use crate::ui::actions::Action;
use crate::ui::text::Tr;

/// Draws the list; `true` when the person closes it.
pub fn show(ctx: &egui::Context, t: &Tr, close_key: bool) -> bool {
    let mut close = close_key;
    egui::Modal::new(egui::Id::unique("shortcuts")).show(ctx, |ui| {
        ui.heading(t.shortcuts);
        egui::ScrollArea::vertical()
            .max_height(crate::ui::widgets::list_height(ctx, 560.0))
            .show(ui, |ui| {
                egui::Grid::new("shortcut-grid")
                    .striped(true)
                    .show(ui, |ui| {
                        for action in Action::WITH_SHORTCUTS {
                            if let Some(s) = action.shortcut() {
                                ui.label(action.label(t));
                                ui.label(ctx.format_shortcut(&s));
                                ui.end_row();
                            }
                        }
                        for (keys, what) in t.extra_keys {
                            ui.label(*what);
                            ui.label(*keys);
                            ui.end_row();
                        }
                    });
            });
        if ui.button(t.close).clicked() {
            close = true;
        }
    });
    close
}
