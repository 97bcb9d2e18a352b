//! The recommendation variants in the window: which variant the matrix, the board and
//! the detail panel edit (window state, [`VariantState`]), the picker above those views,
//! and the *Varianten* view that manages and compares them. The figures are
//! [`crate::model::variants::compare`]'s, the same as the annex and the spreadsheet.

use egui::{RichText, Ui};
use egui_plot::{Legend, Line, Plot};

use crate::model::variants::{self, Comparison, Placement};
use crate::model::{CoalesceKey, Edit, RecordKey, VariantId, Workspace};

use super::locale::fill;
use super::state::Outbox;
use super::text::Language;
use super::variants_text::VariantTexts;

/// Which variant the window edits, and which one the comparison sets beside it. Not
/// stored in the file: two colleagues may look at different variants of one file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VariantState {
    edited: Option<VariantId>,
    other: Option<VariantId>,
}

impl VariantState {
    /// The variant the views edit: the one picked, while it exists, else the chosen
    /// one (the recommendation).
    pub fn edited(&self, ws: &Workspace) -> VariantId {
        self.edited
            .filter(|id| ws.variant_list().iter().any(|v| v.id == *id))
            .unwrap_or_else(|| ws.chosen_variant())
    }

    /// Makes `id` the variant the views edit.
    pub fn edit(&mut self, id: VariantId) {
        self.edited = Some(id);
    }

    /// The variant the comparison sets beside the edited one: the one picked, else
    /// the first other variant.
    fn other(&self, ws: &Workspace) -> Option<VariantId> {
        let edited = self.edited(ws);
        let list = ws.variant_list();
        self.other
            .filter(|id| *id != edited && list.iter().any(|v| v.id == *id))
            .or_else(|| list.iter().map(|v| v.id).find(|id| *id != edited))
    }
}

/// A variant's name; empty for an unknown id.
pub(crate) fn name_of(ws: &Workspace, id: VariantId) -> String {
    ws.variant_list()
        .iter()
        .find(|v| v.id == id)
        .map(|v| v.name.clone())
        .unwrap_or_default()
}

/// The picker above the matrix and the board: one button per variant (the edited one
/// selected) and "make a copy". `ws` is the whole workspace.
pub fn picker(
    ui: &mut Ui,
    ws: &Workspace,
    state: &mut VariantState,
    lang: Language,
    out: &mut Outbox,
) {
    let t = VariantTexts::of(lang);
    let edited = state.edited(ws);
    let chosen = ws.chosen_variant();
    ui.horizontal_wrapped(|ui| {
        ui.label(t.editing);
        for v in ws.variant_list().iter() {
            let label = if v.id == chosen {
                format!("{} ({})", v.name, t.chosen)
            } else {
                v.name.clone()
            };
            if ui.selectable_label(v.id == edited, label).clicked() && v.id != edited {
                state.edit(v.id);
                out.announce = Some(fill(t.said_editing, &[("name", &v.name)]));
            }
        }
        if ui.button(t.copy).clicked() {
            copy(ws, state, t, out);
        }
    });
}

fn copy(ws: &Workspace, state: &mut VariantState, t: &VariantTexts, out: &mut Outbox) {
    let edited = state.edited(ws);
    let name = fill(t.copy_name, &[("name", &name_of(ws, edited))]);
    let (edit, id) = variants::copy(ws, edited, &name);
    out.edit(edit);
    state.edit(id);
    out.announce = Some(fill(t.said_copied, &[("name", &name)]));
}

/// The *Varianten* view: manage the edited variant, then the comparison of all.
pub fn show(
    ui: &mut Ui,
    ws: &Workspace,
    comparison: &Comparison,
    state: &mut VariantState,
    lang: Language,
    out: &mut Outbox,
) {
    let t = VariantTexts::of(lang);
    picker(ui, ws, state, lang, out);
    manage(ui, ws, state, t, out);
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("variants-scroll")
        .show(ui, |ui| {
            chart(ui, comparison, t, lang);
            super::widgets::sideways(ui, "variants-table", |ui| {
                super::variants_table::table(ui, ws, comparison, t, lang);
            });
            ui.separator();
            differences(ui, ws, state, t);
        });
}

/// Name, overall recommendation, choose and remove, for the edited variant.
fn manage(
    ui: &mut Ui,
    ws: &Workspace,
    state: &mut VariantState,
    t: &VariantTexts,
    out: &mut Outbox,
) {
    let edited = state.edited(ws);
    let Some(variant) = ws.variant_list().iter().find(|v| v.id == edited).cloned() else {
        return;
    };
    if let Some(name) = super::widgets::text_line(ui, t.name, &variant.name)
        && let Ok(edit) = variants::rename(ws, edited, &name)
    {
        let key = match &edit {
            Edit::Put(_) => Some(CoalesceKey::Field(RecordKey::Variant(edited), "name")),
            _ => None,
        };
        out.edits.push((edit, key));
    }
    if let Some(text) = super::widgets::text_block(ui, t.recommendation, &variant.recommendation)
        && let Ok(edit) = variants::set_recommendation(ws, edited, &text)
    {
        let key = match &edit {
            Edit::SetMeta(_) => CoalesceKey::Meta("overall_recommendation"),
            _ => CoalesceKey::Field(RecordKey::Variant(edited), "recommendation"),
        };
        out.edits.push((edit, Some(key)));
    }
    ui.horizontal(|ui| {
        let chosen = ws.chosen_variant() == edited;
        if ui
            .add_enabled(!chosen, egui::Button::new(t.choose))
            .clicked()
            && let Ok(edit) = variants::choose(ws, edited)
        {
            out.edit(edit);
            out.announce = Some(fill(t.said_chosen, &[("name", &variant.name)]));
        }
        let last = ws.variants.len() < 2;
        let response = ui.add_enabled(!last, egui::Button::new(t.remove));
        if last {
            response.on_disabled_hover_text(t.last_one);
        } else if response.clicked() {
            // As every removal: asked first when it takes assignments along, one
            // undo step brings the variant and its assignments back.
            out.remove(RecordKey::Variant(edited));
        }
    });
}

/// One line per variant: its budget per year.
fn chart(ui: &mut Ui, c: &Comparison, t: &VariantTexts, lang: Language) {
    ui.label(RichText::new(t.chart).strong());
    let response = Plot::new("variants-plot")
        .height(200.0)
        .legend(Legend::default())
        .x_axis_label(t.year)
        .y_axis_formatter(move |mark, _| lang.money(crate::model::Euro(mark.value.round() as i64)))
        .x_axis_formatter(|mark, _| format!("{}", mark.value.round() as i64))
        .include_y(0.0)
        .allow_scroll(false)
        .show(ui, |plot| {
            for v in &c.variants {
                let points: Vec<[f64; 2]> = (c.years.iter().zip(&v.per_year))
                    .map(|(y, e)| [f64::from(*y), e.amount() as f64])
                    .collect();
                plot.line(Line::new(v.name.clone(), points).width(2.0));
            }
        })
        .response;
    let spoken = t.chart.to_owned();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &spoken));
}

/// The clusters the edited variant places otherwise than another one.
fn differences(ui: &mut Ui, ws: &Workspace, state: &mut VariantState, t: &VariantTexts) {
    let edited = state.edited(ws);
    let Some(other) = state.other(ws) else {
        return;
    };
    ui.label(RichText::new(t.differences).strong());
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "\u{201c}{}\u{201d} \u{2013} {}",
            name_of(ws, edited),
            t.compare_with
        ));
        for v in ws.variant_list().iter().filter(|v| v.id != edited) {
            if ui
                .selectable_label(v.id == other, format!("\u{2192} {}", v.name))
                .clicked()
            {
                state.other = Some(v.id);
            }
        }
    });
    let diffs = variants::differences(ws, edited, other);
    if diffs.is_empty() {
        ui.label(RichText::new(t.no_differences).italics());
        return;
    }
    let place = |p: &Placement| {
        let parts: Vec<String> = p
            .iter()
            .map(|(s, role)| format!("{} ({})", ws.scenario_label(*s), role.dutch()))
            .collect();
        if parts.is_empty() {
            t.no_scenario.to_owned()
        } else {
            parts.join(", ")
        }
    };
    egui::Grid::new("variant-differences")
        .striped(true)
        .show(ui, |ui| {
            ui.strong("Cluster");
            ui.strong(name_of(ws, edited));
            ui.strong(name_of(ws, other));
            ui.end_row();
            for d in &diffs {
                let warn = ui.visuals().warn_fg_color;
                ui.label(
                    RichText::new(ws.cluster_name(d.cluster))
                        .color(warn)
                        .strong(),
                );
                ui.label(place(&d.first));
                let mut second = place(&d.second);
                if d.budget_differs {
                    second.push_str(&format!(" \u{2013} {}", t.budget_differs));
                }
                ui.label(second);
                ui.end_row();
            }
        });
}
