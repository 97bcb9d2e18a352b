//! Warnings where they apply: under the field they concern in the detail panel, as a
//! mark on the matrix cell and the board card of their cluster, and a jump from the
//! warnings list that lands on the field. The model says which record and field a
//! warning concerns (`Warning::record`, `Warning::field`); `wording` says it.

use egui::{RichText, Ui, WidgetInfo};

use crate::model::{ClusterId, RecordKey, Warning};

use super::state::Frame;

/// Where the last jump from the warnings list asked to land, until a field takes it.
fn jump_id() -> egui::Id {
    egui::Id::unique("warning-jump")
}

/// Asks the panel to land on the field `warning` concerns (the app shows its record).
pub(crate) fn jump_to(ctx: &egui::Context, warning: &Warning) {
    if let (Some(record), Some(field)) = (warning.record(), warning.field()) {
        ctx.data_mut(|d| d.insert_temp(jump_id(), (record, field)));
    }
}

/// The warnings about `record` whose field is one of `fields`, in words.
pub fn about(f: &Frame<'_>, record: RecordKey, fields: &[&str]) -> Vec<String> {
    f.derived
        .warnings
        .iter()
        .filter(|w| w.record() == Some(record) && w.field().is_some_and(|x| fields.contains(&x)))
        .map(|w| crate::wording::warning(f.ws, w, f.lang.wording()))
        .collect()
}

/// Shows the warnings about `record`'s `fields` under the field just drawn, and takes a
/// pending jump to one of them: the field `focus` gets the keyboard focus and the
/// place comes into view.
pub(crate) fn under_field(
    ui: &mut Ui,
    f: &Frame<'_>,
    record: RecordKey,
    fields: &[&'static str],
    focus: Option<egui::Id>,
) {
    let said = about(f, record, fields);
    if said.is_empty() {
        return;
    }
    let colour = ui.visuals().warn_fg_color;
    for text in &said {
        let r = ui
            .horizontal_wrapped(|ui| {
                super::widgets::warning_mark(ui);
                ui.add(egui::Label::new(RichText::new(text).color(colour)).wrap())
            })
            .inner;
        let spoken = format!("{}: {text}", f.t.warning_one);
        r.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &spoken));
    }
    let pending: Option<(RecordKey, &'static str)> = ui.data(|d| d.get_temp(jump_id()));
    if let Some((r, field)) = pending
        && r == record
        && fields.contains(&field)
    {
        ui.data_mut(|d| d.remove::<(RecordKey, &'static str)>(jump_id()));
        if let Some(id) = focus {
            ui.memory_mut(|m| m.request_focus(id));
        }
        ui.scroll_to_cursor(Some(egui::Align::Center));
    }
}

/// The warnings shown on a cluster's matrix cell or board card: its budget above the
/// cap where the cell carries a budget, its term where it is assigned.
pub(crate) fn on_cell(f: &Frame<'_>, cluster: ClusterId, has_budget: bool) -> Vec<String> {
    f.derived
        .warnings_of(cluster)
        .filter(|w| match w {
            Warning::BudgetAboveCap { .. } => has_budget,
            Warning::TermPassed { .. } => true,
            _ => false,
        })
        .map(|w| crate::wording::warning(f.ws, w, f.lang.wording()))
        .collect()
}

/// A "!" mark with the warnings on hover and for screen readers.
pub fn mark(ui: &mut Ui, f: &Frame<'_>, said: &[String]) {
    if said.is_empty() {
        return;
    }
    let spoken = format!("{}: {}", f.t.warning_one, said.join("; "));
    let r = super::widgets::warning_mark(ui).on_hover_text(said.join("\n"));
    r.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &spoken));
}
