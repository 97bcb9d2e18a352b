//! After a crash: offer the work the autosave kept, newer than the file.

use crate::store::RecoveryInfo;
use crate::ui::locale::fill;
use crate::ui::text::Language;

/// What the person chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Bring the kept work back (one undoable step).
    Restore,
    /// Throw the kept work away.
    Discard,
    /// The recovery file is damaged: it was read out, nothing to choose.
    Close,
}

/// Draws the question; `None` while the person has not answered.
pub fn show(
    ctx: &egui::Context,
    info: &RecoveryInfo,
    lang: Language,
    enter: bool,
    escape: bool,
) -> Option<Choice> {
    let t = lang.texts();
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
        crate::ui::widgets::fit_width(ui, 560.0);
        ui.heading(t.recovery_title);
        ui.label(question(info, lang));
        ui.horizontal(|ui| {
            if info.problem.is_none() {
                if ui.button(t.recovery_restore).clicked() || enter {
                    choice = Some(Choice::Restore);
                }
                if ui.button(t.recovery_discard).clicked() {
                    choice = Some(Choice::Discard);
                }
            } else if ui.button(t.ok).clicked() || enter || escape {
                choice = Some(Choice::Close);
            }
        });
    });
    choice
}

/// The restore question, in the interface language, with the time the autosave wrote.
fn question(info: &RecoveryInfo, lang: Language) -> String {
    let t = lang.texts();
    let when = lang.date_time(info.written);
    let of = match &info.original {
        Some(path) => fill(t.recovery_of_file, &[("file", &path.display().to_string())]),
        None => t.recovery_of_untitled.to_owned(),
    };
    match &info.problem {
        None => fill(
            t.recovery_question,
            &[("of", &of), ("title", &info.title), ("when", &when)],
        ),
        Some(problem) => fill(
            t.recovery_damaged,
            &[
                ("of", &of),
                ("when", &when),
                ("problem", problem),
                ("file", &info.file.display().to_string()),
            ],
        ),
    }
}
