//! Small widgets the panels share. Every interactive widget carries a label, for
//! screen readers and for the tests that find widgets by it.

use egui::{Response, RichText, Ui, WidgetInfo};

/// A one-line text field with a visible label. Returns the new text when it changed.
pub fn text_line(ui: &mut Ui, label: &str, value: &str) -> Option<String> {
    text_line_with_id(ui, None, label, value)
}

/// As [`text_line`], with a known id so another panel can send the keyboard focus to
/// it (Enter on a matrix cell focuses the detail panel's first field).
pub fn text_line_with_id(
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
pub fn list_height(ctx: &egui::Context, preferred: f32) -> f32 {
    preferred.min(ctx.content_rect().height() - 150.0).max(80.0)
}

/// Caps the width of what follows at `preferred` points, and at what there is: a
/// fixed width in points grows with the zoom and would be cut off at 200 %.
pub fn fit_width(ui: &mut Ui, preferred: f32) {
    let room = ui
        .available_width()
        .min(ui.ctx().content_rect().width() - 48.0);
    ui.set_max_width(preferred.min(room).max(120.0));
}

/// A multi-line text field that grows with its text.
pub fn text_block(ui: &mut Ui, label: &str, value: &str) -> Option<String> {
    let mut text = value.to_owned();
    let l = ui.label(label);
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .desired_width(f32::INFINITY)
                .desired_rows(2),
        )
        .labelled_by(l.id);
    (response.changed() && text != value).then_some(text)
}

/// A multi-line field without a visible label (the label is still given to screen
/// readers), for lists of arguments where a label per item would be noise.
pub fn text_block_unlabelled(ui: &mut Ui, accessible_label: &str, value: &str) -> Option<String> {
    let mut text = value.to_owned();
    let label = accessible_label.to_owned();
    let response = ui.add(
        egui::TextEdit::multiline(&mut text)
            .desired_width(f32::INFINITY)
            .desired_rows(1),
    );
    response.widget_info(|| WidgetInfo::labeled(egui::Role::TextInput, true, &label));
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

/// An optional score 1–5 as a row of small buttons ("–" clears it; `none` names it
/// for screen readers).
pub fn score(
    ui: &mut Ui,
    label: &str,
    none_label: &str,
    current: Option<u8>,
) -> Option<Option<u8>> {
    let mut chosen = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(label);
        let none = ui.selectable_label(current.is_none(), "–");
        none.widget_info(|| {
            WidgetInfo::selected(
                egui::Role::RadioButton,
                true,
                current.is_none(),
                format!("{label}: {none_label}"),
            )
        });
        if none.clicked() && current.is_some() {
            chosen = Some(None);
        }
        for n in 1..=5u8 {
            let r = ui.selectable_label(current == Some(n), n.to_string());
            r.widget_info(|| {
                WidgetInfo::selected(
                    egui::Role::RadioButton,
                    true,
                    current == Some(n),
                    format!("{label}: {n}"),
                )
            });
            if r.clicked() && current != Some(n) {
                chosen = Some(Some(n));
            }
        }
    });
    chosen
}

/// A whole number field (years, amounts) that accepts only valid input: returns
/// `Some(None)` when cleared, `Some(Some(n))` for a new number. `invalid` says what
/// is wrong while the text does not parse.
pub fn optional_number(
    ui: &mut Ui,
    label: &str,
    value: Option<i64>,
    parse: impl Fn(&str) -> Option<i64>,
    show: impl Fn(i64) -> String,
    invalid: &str,
) -> Option<Option<i64>> {
    let id = ui.make_persistent_id(("number", label));
    let shown = value.map(&show).unwrap_or_default();
    // While editing, keep what the person types even if it does not parse yet.
    let mut text: String = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| shown.clone());
    let mut result = None;
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(label);
        let r = ui
            .add(egui::TextEdit::singleline(&mut text).desired_width(120.0))
            .labelled_by(l.id);
        if r.has_focus() {
            ui.data_mut(|d| d.insert_temp(id, text.clone()));
        } else {
            ui.data_mut(|d| d.remove::<String>(id));
        }
        if r.changed() {
            if text.trim().is_empty() {
                if value.is_some() {
                    result = Some(None);
                }
            } else if let Some(n) = parse(&text)
                && Some(n) != value
            {
                result = Some(Some(n));
            }
        }
        if !text.trim().is_empty() && parse(&text).is_none() {
            ui.colored_label(ui.visuals().warn_fg_color, invalid);
        }
    });
    result
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

/// Black or white, whichever reads on `fill`.
pub fn badge_text_colour(fill: egui::Color32) -> egui::Color32 {
    if fill.r() as u32 + fill.g() as u32 + fill.b() as u32 > 380 {
        egui::Color32::BLACK
    } else {
        egui::Color32::WHITE
    }
}

/// A badge that is a button: the same look, focusable with Tab like any button.
pub fn badge_button(ui: &mut Ui, text: &str, fill: egui::Color32) -> Response {
    let label = RichText::new(text).small().color(badge_text_colour(fill));
    ui.add(
        egui::Button::new(label)
            .fill(fill)
            .corner_radius(4.0)
            .small(),
    )
}

/// A stable colour per source name, so SERV always looks like SERV.
pub fn source_colour(name: &str) -> egui::Color32 {
    const PALETTE: [egui::Color32; 6] = [
        egui::Color32::from_rgb(0x2b, 0x6c, 0xb0),
        egui::Color32::from_rgb(0x8a, 0x4f, 0xa3),
        egui::Color32::from_rgb(0x2f, 0x85, 0x5a),
        egui::Color32::from_rgb(0xb7, 0x79, 0x1f),
        egui::Color32::from_rgb(0xb0, 0x3a, 0x5b),
        egui::Color32::from_rgb(0x4a, 0x5a, 0x6a),
    ];
    let hash = name
        .bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    PALETTE
        .get((hash as usize) % PALETTE.len())
        .copied()
        .unwrap_or(egui::Color32::GRAY)
}

/// A stance as a colour, readable in light and dark.
pub fn stance_colour(stance: crate::model::Stance) -> egui::Color32 {
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
pub fn remove_button(ui: &mut Ui, label: &str) -> bool {
    ui.small_button("×")
        .on_hover_text(label)
        .widget_info_label(label)
        .clicked()
}

/// Accessible-label helpers.
pub trait ResponseExt {
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
pub fn warning_mark(ui: &mut Ui) -> Response {
    let colour = ui.visuals().warn_fg_color;
    badge(ui, "!", colour)
}

/// "Scenario 1 + Scenario 3: <reason>", for hovers and screen readers.
pub fn incompatibility_text(
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

/// A date shown and typed in the interface language (31-12-2026, 31/12/2026; ISO
/// 2026-12-31 in both). Keeps what the person types while it does not parse yet;
/// returns `Some(new)` when the field holds a valid date (or was emptied) that differs
/// from `current`.
pub fn date_field(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    label: &str,
    current: Option<jiff::civil::Date>,
    lang: super::text::Language,
) -> Option<Option<jiff::civil::Date>> {
    let t = lang.texts();
    let id = ui.make_persistent_id(id_salt);
    let shown = current.map(|d| lang.date(d)).unwrap_or_default();
    let mut text: String = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| shown.clone());
    let mut result = None;
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(label);
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text(t.date_hint)
                    .desired_width(110.0),
            )
            .labelled_by(l.id);
        if r.has_focus() {
            ui.data_mut(|d| d.insert_temp(id, text.clone()));
        } else {
            ui.data_mut(|d| d.remove::<String>(id));
        }
        let parsed = lang.parse_date(&text);
        if r.changed() && (text.trim().is_empty() || parsed.is_some()) && parsed != current {
            result = Some(parsed);
        }
        if !text.trim().is_empty() && parsed.is_none() {
            ui.colored_label(ui.visuals().warn_fg_color, t.invalid_date);
        }
    });
    result
}
