//! A score 1–5 (or none) as one Tab stop: a row of buttons for the mouse, and while
//! the row has the keyboard focus, the digits 1–5 set it, 0, Delete or Backspace
//! clear it, and the arrows step it. Six buttons each taking a Tab made setting a
//! cell's two scores a walk of a dozen keys.

use egui::{Key, Role, Sense, Ui, WidgetInfo};

/// Draws the score under the focusable `id` (global, so Enter on a matrix cell can
/// send the focus here). Returns the new value when it changed: `Some(None)` when
/// cleared.
pub fn score(
    ui: &mut Ui,
    id: egui::Id,
    label: &str,
    none_label: &str,
    current: Option<u8>,
) -> Option<Option<u8>> {
    let mut chosen = None;
    let row = ui.horizontal_wrapped(|ui| {
        ui.label(label);
        for n in 0..=5u8 {
            let value = (n > 0).then_some(n);
            let text = if n == 0 {
                "–".to_owned()
            } else {
                n.to_string()
            };
            // Clickable, not focusable: the row is the one Tab stop.
            let r = ui.add(egui::Button::selectable(current == value, text).sense(Sense::CLICK));
            let spoken = match value {
                None => format!("{label}: {none_label}"),
                Some(n) => format!("{label}: {n}"),
            };
            r.widget_info(|| {
                WidgetInfo::selected(Role::RadioButton, true, current == value, &spoken)
            });
            if r.clicked() {
                ui.memory_mut(|m| m.request_focus(id));
                if current != value {
                    chosen = Some(value);
                }
            }
        }
    });
    let rect = row.response.rect;
    let r = ui.interact(rect, id, Sense::focusable_noninteractive());
    r.widget_info(|| {
        let mut info = WidgetInfo::labeled(Role::RadioGroup, true, label);
        info.value = current.map(f64::from);
        info
    });
    if r.has_focus() {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                id,
                egui::EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    ..Default::default()
                },
            );
        });
        ui.painter().rect_stroke(
            rect.expand(2.0),
            3.0,
            ui.visuals().selection.stroke,
            egui::StrokeKind::Outside,
        );
        if let Some(value) = ui.input_mut(|i| keyed(i, current))
            && value != current
        {
            chosen = Some(value);
        }
    }
    chosen
}

/// The value a key asks for, consuming it; `Some(None)` clears.
fn keyed(input: &mut egui::InputState, current: Option<u8>) -> Option<Option<u8>> {
    let none = egui::Modifiers::NONE;
    let digits = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
    for (n, key) in (1..=5u8).zip(digits) {
        if input.consume_key(none, key) {
            return Some(Some(n));
        }
    }
    for key in [Key::Num0, Key::Delete, Key::Backspace, Key::Minus] {
        if input.consume_key(none, key) {
            return Some(None);
        }
    }
    let step = |keys: [Key; 2], input: &mut egui::InputState| {
        keys.iter().any(|k| input.consume_key(none, *k))
    };
    if step([Key::ArrowRight, Key::ArrowUp], input) {
        return Some(Some(current.map_or(1, |n| (n + 1).min(5))));
    }
    if step([Key::ArrowLeft, Key::ArrowDown], input) {
        return Some(current.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0));
    }
    None
}
