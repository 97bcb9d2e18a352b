//! Fields that refuse some input (dates, amounts, years, the document number). Each
//! keeps what was typed,
//! and says next to itself what is wrong, until the person fixes it or cancels it with
//! Escape: a refused text never vanishes when the focus moves on.

use egui::{Ui, WidgetInfo};

/// What a checked field's text means.
enum Reading<T> {
    Empty,
    Valid(T),
    Refused,
}

/// A one-line field over `current`, shown with `show` and read back with `parse`.
/// Returns `Some(new)` when the text holds a valid value (or was emptied) other than
/// `current`. `refused` is the message shown (and given to screen readers) beside a text
/// that does not parse. A `required` field refuses an empty text too.
#[allow(clippy::too_many_arguments)]
fn checked<T: PartialEq + Clone>(
    ui: &mut Ui,
    id: egui::Id,
    label: &str,
    current: Option<T>,
    show: impl Fn(T) -> String,
    parse: impl Fn(&str) -> Option<T>,
    hint: Option<&str>,
    width: f32,
    required: bool,
    refused: &dyn Fn(&str) -> String,
) -> Option<Option<T>> {
    let shown = current.clone().map(&show).unwrap_or_default();
    // A draft lives while the field has the focus, and after it while it is refused.
    let mut text: String = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| shown.clone());
    let read = |text: &str| {
        if text.trim().is_empty() && !required {
            Reading::Empty
        } else {
            parse(text).map_or(Reading::Refused, Reading::Valid)
        }
    };
    let mut result = None;
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(label);
        let mut edit = egui::TextEdit::singleline(&mut text)
            .id(id)
            .desired_width(width);
        if let Some(hint) = hint {
            edit = edit.hint_text(hint);
        }
        let r = ui.add(edit).labelled_by(l.id);
        let cancelled = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape));
        if cancelled {
            text = shown.clone();
        }
        let reading = read(&text);
        let keep = r.has_focus() || (matches!(reading, Reading::Refused) && !cancelled);
        if keep {
            ui.data_mut(|d| d.insert_temp(id, text.clone()));
        } else {
            ui.data_mut(|d| d.remove::<String>(id));
        }
        let refused_now = matches!(reading, Reading::Refused);
        if r.changed() {
            match reading {
                Reading::Empty if current.is_some() => result = Some(None),
                Reading::Valid(v) if Some(&v) != current.as_ref() => result = Some(Some(v)),
                _ => {}
            }
        }
        if refused_now {
            let said = refused(&text);
            let message = ui.colored_label(ui.visuals().warn_fg_color, &said);
            message.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &said));
        }
    });
    result
}

/// A whole number field (years, amounts): returns `Some(None)` when cleared,
/// `Some(Some(n))` for a new number. `invalid` says what is wrong while the text does
/// not parse.
pub fn optional_number(
    ui: &mut Ui,
    label: &str,
    value: Option<i64>,
    parse: impl Fn(&str) -> Option<i64>,
    show: impl Fn(i64) -> String,
    invalid: &str,
) -> Option<Option<i64>> {
    let id = ui.make_persistent_id(("number", label));
    checked(
        ui,
        id,
        label,
        value,
        show,
        parse,
        None,
        120.0,
        false,
        &|_| invalid.to_owned(),
    )
}

/// A year from `range` (a budget's first or last year): returns `Some(year)` when a
/// valid year other than `current` was typed. A year outside the range, or no year,
/// is kept as typed and said next to the field; nothing is clamped.
pub fn year_field(
    ui: &mut Ui,
    label: &str,
    current: i32,
    range: std::ops::RangeInclusive<i32>,
    lang: super::text::Language,
) -> Option<i32> {
    let id = ui.make_persistent_id(("year", label));
    let t = super::text_fields::texts(lang);
    let (low, high) = (range.start().to_string(), range.end().to_string());
    let refused = super::locale::fill(t.year_refused, &[("from", &low), ("to", &high)]);
    let parse = |s: &str| s.trim().parse::<i32>().ok().filter(|y| range.contains(y));
    checked(
        ui,
        id,
        label,
        Some(current),
        |y| y.to_string(),
        parse,
        None,
        48.0,
        true,
        &|_| refused.clone(),
    )
    .flatten()
}

/// The document number (`VR 2024 1506 MED.0123/1`): returns `Some(new)` when the field
/// holds a number of that form (or was emptied) other than `current`. Another text is
/// kept as typed, not stored, and said next to the field.
pub fn document_number_field(
    ui: &mut Ui,
    label: &str,
    current: &str,
    lang: super::text::Language,
) -> Option<String> {
    let id = ui.make_persistent_id(("document-number", label));
    let t = super::text_fields::texts(lang);
    let current = (!current.is_empty()).then(|| current.to_owned());
    checked(
        ui,
        id,
        label,
        current,
        |n| n,
        |s| crate::model::rules::is_document_number(s.trim()).then(|| s.trim().to_owned()),
        Some(t.document_number_hint),
        200.0,
        false,
        &|_| t.document_number_refused.to_owned(),
    )
    .map(Option::unwrap_or_default)
}

/// A date shown and typed in the interface language (31-12-2026, 31/12/2026; ISO
/// 2026-12-31 in both). Returns `Some(new)` when the field holds a valid date (or was
/// emptied) that differs from `current`.
pub fn date_field(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    label: &str,
    current: Option<jiff::civil::Date>,
    lang: super::text::Language,
) -> Option<Option<jiff::civil::Date>> {
    let t = lang.texts();
    let id = ui.make_persistent_id(id_salt);
    checked(
        ui,
        id,
        label,
        current,
        |d| lang.date(d),
        |s| lang.parse_date(s),
        Some(t.date_hint),
        110.0,
        false,
        &|text| refused_date(text, lang),
    )
}

/// Why a date was refused: its form ("typ dd-mm-jjjj"), or, when the form is right,
/// that the day does not exist (the hint would only repeat what was typed).
fn refused_date(text: &str, lang: super::text::Language) -> String {
    let t = lang.texts();
    let parts: Vec<&str> = text.trim().split(['-', '/', '.']).collect();
    let digits = |s: &&str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if parts.len() == 3 && parts.iter().all(digits) {
        super::locale::fill(t.date_not_a_day, &[("date", text.trim())])
    } else {
        t.invalid_date.to_owned()
    }
}
