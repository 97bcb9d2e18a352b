//! After a merge: the fields the two copies disagree on, each settled by choosing a
//! side, or all at once.

use egui::RichText;

use crate::model::merge::{Side, resolve, resolve_all};
use crate::model::{Edit, Workspace};
use crate::ui::text::Language;

/// What the person did this frame.
pub enum Outcome {
    /// Still open, nothing chosen.
    Open,
    /// Closed without a choice.
    Closed,
    /// A choice: the edit that settles it, for the session.
    Settle(Edit),
    /// A choice that cannot be carried out (a field this version does not know),
    /// worded for the error dialog. Nothing changes.
    Refused(String),
}

/// Draws the list of conflicts of `ws`.
pub fn show(ctx: &egui::Context, ws: &Workspace, lang: Language, escape: bool) -> Outcome {
    let t = lang.texts();
    let words = lang.wording();
    let mut outcome = if escape {
        Outcome::Closed
    } else {
        Outcome::Open
    };
    let settle = |result: Result<Edit, crate::model::ResolveError>| match result {
        Ok(edit) => Outcome::Settle(edit),
        Err(e) => Outcome::Refused(crate::wording::resolve_error(ws, &e, words)),
    };
    egui::Modal::new(egui::Id::unique("conflicts")).show(ctx, |ui| {
        crate::ui::widgets::fit_width(ui, 720.0);
        ui.heading(t.conflicts_title);
        egui::ScrollArea::vertical()
            .max_height(crate::ui::widgets::list_height(ctx, 420.0))
            .show(ui, |ui| {
                for conflict in &ws.conflicts {
                    ui.push_id(conflict.id, |ui| {
                        egui::Frame::group(ui.style()).show(ui, |ui| {
                            ui.label(crate::wording::conflict(ws, conflict, words));
                            ui.horizontal(|ui| {
                                let kept = match conflict.kept {
                                    Side::Mine => t.keep_mine,
                                    Side::Theirs => t.keep_theirs,
                                };
                                ui.label(RichText::new(format!("{} {kept}", t.now_kept)).weak());
                                for (side, label) in
                                    [(Side::Mine, t.keep_mine), (Side::Theirs, t.keep_theirs)]
                                {
                                    if ui.button(label).clicked() {
                                        outcome = settle(resolve(ws, conflict.id, side));
                                    }
                                }
                            });
                        });
                    });
                }
            });
        ui.horizontal(|ui| {
            if ui.button(t.all_mine).clicked() {
                outcome = settle(resolve_all(ws, Side::Mine));
            }
            if ui.button(t.all_theirs).clicked() {
                outcome = settle(resolve_all(ws, Side::Theirs));
            }
            if ui.button(t.close).clicked() {
                outcome = Outcome::Closed;
            }
        });
    });
    outcome
}
