//! Small widgets the panels share. Every interactive widget carries a label, for
//! screen readers and for the tests that find widgets by it.

use egui::{Response, RichText, Ui, WidgetInfo};

pub use super::fields::{date_field, optional_number};
pub use super::score::score;

/// A one-line text field with a visible label. Returns the new text when it changed.
pub(crate) fn text_line(ui: &mut Ui, label: &str, value: &str) -> Option<String> {
    text_line_with_id(ui, None, label, value)
}

/// As [`text_line`], with a known id so another panel can send the keyboard focus to
/// it (Enter on a matrix cell focuses the detail panel's first field).
pub(crate) fn text_line_with_id(
    ui: &mut Ui,
    id: Option<egui::Id>,
    label: &str,
    value: &str,
) -> Option<String> {
    let mut text = value.to_owned();
    let response = ui
        .horizontal(|ui| {
            let l = ui.label(label);
            let mut edit = egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY);
            if let Some(id) = id {
                edit = edit.id(id);
            }
            ui.add(edit).labelled_by(l.id)
        })
        .inner;
    (response.changed() && text != value).then_some(text)
}

/// A table or other wide content that scrolls sideways when the room runs out (at a
/// large zoom) instead of widening everything drawn after it past the window.
pub fn sideways<R>(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> R {
    egui::ScrollArea::horizontal()
        .id_salt(id_salt)
        .show(ui, add_contents)
        .inner
}

/// The height a dialog's scrolling list may take: `preferred`, or less when the
/// window is short in points (at a large zoom), so the dialog's heading and buttons
/// stay on screen.
pub(crate) fn list_height(ctx: &egui::Context, preferred: f32) -> f32 {
    preferred.min(ctx.content_rect().height() - 150.0).max(80.0)
}

/// Caps the width of what follows at `preferred` points, and at what there is: a
/// fixed width in points grows with the zoom and would be cut off at 200 %.
pub(crate) fn fit_width(ui: &mut Ui, preferred: f32) {
    let room = ui
        .available_width()
        .min(ui.ctx().content_rect().width() - 48.0);
    ui.set_max_width(preferred.min(room).max(120.0));
}

/// A multi-line text field that grows with its text.
pub(crate) fn text_block(ui: &mut Ui, label: &str, value: &str) -> Option<String> {
    let mut text = value.to_owned();
    let l = ui.label(label);
    let response = ui
        .add(
            // A stable id from the label: an automatic one follows the layout, and a
            // card that grows under the field would move the focus away from it.
            egui::TextEdit::multiline(&mut text)
                .id_salt(("text-block", label))
                .desired_width(f32::INFINITY)
                .desired_rows(2),
        )
        .labelled_by(l.id);
    (response.changed() && text != value).then_some(text)
}

/// A combo box over a fixed list; returns the new choice.
pub fn choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    current: T,
    options: &[(T, String)],
) -> Option<T> {
    let current_text = options
        .iter()
        .find(|(v, _)| *v == current)
        .map_or_else(String::new, |(_, t)| t.clone());
    let mut chosen = None;
    ui.horizontal(|ui| {
        ui.label(label);
        egui::ComboBox::new(id_salt, "")
            .selected_text(current_text)
            .show_ui(ui, |ui| {
                for (value, text) in options {
                    if ui.selectable_label(*value == current, text).clicked() && *value != current {
                        chosen = Some(*value);
                    }
                }
            })
            .response
            .widget_info(|| WidgetInfo::labeled(egui::Role::ComboBox, true, label));
    });
    chosen
}

/// A small coloured badge, e.g. the source of an argument.
pub fn badge(ui: &mut Ui, text: &str, fill: egui::Color32) -> Response {
    let text_color = badge_text_colour(fill);
    egui::Frame::new()
        .fill(fill)
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.label(RichText::new(text).small().color(text_color))
        })
        .response
}

/// Black or white, whichever reads better on `fill`.
pub(crate) fn badge_text_colour(fill: egui::Color32) -> egui::Color32 {
    super::sources::text_on(fill)
}

/// A badge that is a button: the same look, focusable with Tab like any button.
pub(crate) fn badge_button(ui: &mut Ui, text: &str, fill: egui::Color32) -> Response {
    // Body-size text: at the small size the name was about 8 pixels high.
    let label = RichText::new(text).color(badge_text_colour(fill));
    ui.add(egui::Button::new(label).fill(fill).corner_radius(4.0))
}

/// A stance as a colour, readable in light and dark.
pub(crate) fn stance_colour(stance: crate::model::Stance) -> egui::Color32 {
    use crate::model::Stance;
    match stance {
        Stance::Supports => egui::Color32::from_rgb(0x2f, 0x85, 0x5a),
        Stance::Conditional => egui::Color32::from_rgb(0xc9, 0xa2, 0x27),
        Stance::Neutral => egui::Color32::from_rgb(0x80, 0x8a, 0x96),
        Stance::Rejects => egui::Color32::from_rgb(0xc0, 0x39, 0x2b),
        Stance::NotStated => egui::Color32::from_rgb(0xd5, 0xd9, 0xde),
    }
}

/// A button that only acts on a second, deliberate click is overkill here; removal
/// asks for confirmation in the app when others refer to the record.
pub(crate) fn remove_button(ui: &mut Ui, label: &str) -> bool {
    ui.small_button("×")
        .on_hover_text(label)
        .widget_info_label(label)
        .clicked()
}

/// Accessible-label helpers.
pub(crate) trait ResponseExt {
    fn widget_info_label(self, label: &str) -> Self;
}

impl ResponseExt for Response {
    fn widget_info_label(self, label: &str) -> Self {
        let label = label.to_owned();
        self.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
        self
    }
}

/// The mark of an incompatible combination: a small "!" badge in the warning colour
/// (the default fonts carry no warning sign).
pub(crate) fn warning_mark(ui: &mut Ui) -> Response {
    let colour = ui.visuals().warn_fg_color;
    badge(ui, "!", colour)
}

/// "Scenario 1 + Scenario 3: <reason>", for hovers and screen readers.
pub(crate) fn incompatibility_text(
    ws: &crate::model::Workspace,
    broken: &crate::model::derived::Incompatibility,
) -> String {
    let reason = ws
        .rules
        .iter()
        .find(|r| r.id == broken.rule)
        .map(|r| r.reason.as_str())
        .unwrap_or_default();
    format!(
        "{} + {}: {reason}",
        ws.scenario_label(broken.first),
        ws.scenario_label(broken.second)
    )
}
