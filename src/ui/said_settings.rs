//! The window's own settings said in the status line (zoom, language, dark, contrast),
//! like every change to the workspace: a screen reader reads the line.

use super::app::{Prefs, WorkbenchApp};
use super::locale::fill;

impl WorkbenchApp {
    /// Says what changed in the settings since `before`, in the (new) interface
    /// language.
    pub(super) fn say_settings(&mut self, before: &Prefs) {
        if let Some(text) = settings_change(before, &self.prefs) {
            self.say(text, false);
        }
    }
}

/// The sentence for a change of settings, or `None` when none changed that is said.
pub(crate) fn settings_change(before: &Prefs, now: &Prefs) -> Option<String> {
    let t = now.language.texts();
    let on_off =
        |on: bool, what: &str| fill(if on { t.said_on } else { t.said_off }, &[("what", what)]);
    if now.language != before.language {
        Some(t.said_language.to_owned())
    } else if (now.zoom - before.zoom).abs() > f32::EPSILON {
        let percent = format!("{:.0}", now.zoom * 100.0);
        Some(fill(t.said_zoom, &[("percent", &percent)]))
    } else if now.dark != before.dark {
        Some(on_off(now.dark, t.said_dark))
    } else if now.high_contrast != before.high_contrast {
        Some(on_off(now.high_contrast, t.toggle_high_contrast))
    } else {
        None
    }
}
