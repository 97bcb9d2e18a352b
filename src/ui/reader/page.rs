//! The sheet on screen: a read-only text field (it keeps selection and cursor, so the
//! mouse and Shift with the arrow keys both select), laid out with the used passages
//! highlighted; P, C, S or T make the selection a record.

use egui::text::{CCursor, CCursorRange};
use egui::text_edit::TextEditState;
use egui::{Key, Modifiers, TextBuffer, Ui};

use crate::model::marks::{MarkKind, marks_in};

use super::text::ReaderText;
use super::{Reader, current, marks, sheets};
use crate::ui::state::{Frame, Outbox};

pub(super) fn show(
    ui: &mut Ui,
    f: &Frame<'_>,
    r: &ReaderText,
    reader: &mut Reader,
    out: &mut Outbox,
) {
    let Some(document) = current(f, reader) else {
        return;
    };
    let all = sheets::sheets(document);
    let count = all.len();
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(reader.sheet > 0, egui::Button::new(r.previous))
            .clicked()
        {
            reader.sheet -= 1;
        }
        let place = all
            .get(reader.sheet)
            .map(|s| sheets::label(document, s))
            .unwrap_or_default();
        ui.label(format!(
            "{} {} / {} — {place} — {}",
            r.sheet,
            reader.sheet + 1,
            count,
            document.file_name
        ));
        if ui
            .add_enabled(reader.sheet + 1 < count, egui::Button::new(r.next))
            .clicked()
        {
            reader.sheet += 1;
        }
    });
    ui.label(egui::RichText::new(r.keys_hint).weak());
    ui.separator();
    // A change of sheet by the buttons above: the text comes next frame.
    let Some(shown) = reader
        .shown
        .as_ref()
        .filter(|s| s.document == document.id && s.sheet == reader.sheet)
    else {
        ui.ctx().request_repaint();
        return;
    };
    let id = egui::Id::unique(("reader-text", document.id, reader.sheet));
    // Not in the frame of the click that asked for it (a search hit): the text field
    // gives up its focus on a click elsewhere, so the focus waits one frame.
    let mut scroll_to = None;
    let clicking = ui.input(|i| i.pointer.any_down() || i.pointer.any_released());
    if clicking && reader.select_next.is_some() {
        ui.ctx().request_repaint();
    } else if let Some((a, b)) = reader.select_next.take() {
        let mut state = TextEditState::load(ui.ctx(), id).unwrap_or_default();
        state
            .cursor
            .set_char_range(Some(CCursorRange::two(CCursor::new(a), CCursor::new(b))));
        state.store(ui.ctx(), id);
        ui.memory_mut(|m| m.request_focus(id));
        reader.selection = Some((document.id, reader.sheet, a, b));
        scroll_to = Some(a);
    }
    // The marks of this sheet's passages, in the sheet's characters.
    let marks = marks_in(f.ws, document.id);
    let mut ranges: Vec<(usize, usize, MarkKind)> = Vec::new();
    for (k, _) in shown.starts.iter().enumerate() {
        let passage = shown.first + k;
        let Ok(index) = u32::try_from(passage) else {
            continue;
        };
        for m in crate::model::marks::marks_on(&marks, index) {
            if let Some((a, b)) =
                shown.on_sheet(passage, m.spot.start as usize, m.spot.end as usize)
            {
                ranges.push((a, b, m.kind));
            }
        }
    }
    ranges.sort_by_key(|&(a, b, _)| (a, b));
    let dark = ui.visuals().dark_mode;
    let base = egui::text::TextFormat::simple(
        egui::TextStyle::Body.resolve(ui.style()),
        ui.visuals().text_color(),
    );
    let mut layouter = |ui: &Ui, text: &dyn TextBuffer, wrap: f32| {
        let job = marks::layout(text.as_str(), &ranges, &base, dark, wrap);
        ui.fonts_mut(|fonts| fonts.layout_job(job))
    };
    let mut text: &str = shown.text.as_str();
    let label = ui.label(egui::RichText::new(r.page_text).strong());
    let response = egui::ScrollArea::vertical()
        .id_salt(("reader-scroll", document.id, reader.sheet))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let output = egui::TextEdit::multiline(&mut text)
                .id(id)
                .desired_width(f32::INFINITY)
                .layouter(&mut layouter)
                .show(ui);
            // A hit further down a long page: bring its words into view.
            if let Some(at) = scroll_to {
                let rect = output.galley.pos_from_cursor(CCursor::new(at));
                ui.scroll_to_rect(
                    rect.translate(output.galley_pos.to_vec2()),
                    Some(egui::Align::Center),
                );
            }
            output.response.response.clone().labelled_by(label.id)
        })
        .inner;
    if let Some(range) = TextEditState::load(ui.ctx(), id).and_then(|s| s.cursor.char_range()) {
        let (a, b) = (range.primary.index.0, range.secondary.index.0);
        if a != b {
            reader.selection = Some((document.id, reader.sheet, a.min(b), a.max(b)));
        }
    }
    if response.has_focus() {
        let pressed = ui.input_mut(|i| {
            [
                (Key::P, MarkKind::Pro),
                (Key::C, MarkKind::Contra),
                (Key::S, MarkKind::Stance),
                (Key::T, MarkKind::Theme),
            ]
            .into_iter()
            .find(|(key, _)| i.consume_key(Modifiers::NONE, *key))
            .map(|(_, kind)| kind)
        });
        if let Some(kind) = pressed {
            super::make(f, r, reader, kind, out);
        }
    }
}
