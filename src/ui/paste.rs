//! Line breaks in what reaches the window from outside.
//!
//! Text pasted from Word carries its soft line break (VT), from old files a lone CR,
//! from web pages U+2028. egui's fields know only LF (a one-line field turns CR and LF
//! into spaces, and passes every other break through as an invisible character that
//! the exports later drop, gluing two words). So before any widget sees this frame's
//! input, every pasted or typed text has its breaks made LF, in one place for every
//! field: a one-line field then shows a space, a multi-line field a new line.

use std::borrow::Cow;

use crate::model::text::normalise_breaks;

/// Normalises the line breaks of this frame's pasted and typed text.
pub(crate) fn normalise_breaks_in_input(ctx: &egui::Context) {
    ctx.input_mut(|input| {
        for event in &mut input.events {
            if let egui::Event::Paste(text) | egui::Event::Text(text) = event
                && let Cow::Owned(fixed) = normalise_breaks(text)
            {
                *text = fixed;
            }
        }
    });
}
