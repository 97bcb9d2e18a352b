//! Beside the text, the scenario (or cluster under it) being filled: the pros and
//! contras it already has, so a person sees what is there before adding one.

use egui::Ui;

use crate::model::{Polarity, Subject};
use crate::ui::state::Frame;

use super::text::ReaderText;

/// At most this many of each polarity are listed; the count says how many there are.
const SHOWN: usize = 6;

pub(super) fn show(ui: &mut Ui, f: &Frame<'_>, r: &ReaderText, subject: Subject) {
    for (polarity, name) in [
        (Polarity::Pro, r.kind_pro),
        (Polarity::Contra, r.kind_contra),
    ] {
        let all: Vec<_> = f.derived.arguments_about(f.ws, subject, polarity).collect();
        ui.label(egui::RichText::new(format!("{name}: {}", f.lang.count(all.len()))).strong());
        for argument in all.iter().rev().take(SHOWN) {
            let text = argument
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            ui.add(egui::Label::new(format!("[{name}] {text}")).truncate());
        }
    }
}
