//! The register of advice per advisory body, and a bodies × scenarios overview
//! coloured by stance.

use egui::{RichText, Ui};

use crate::model::{AdvisoryBody, Edit, RecordKey, ScenarioStance, Stance};

use super::state::{Frame, Outbox, Selection};
use super::widgets::{badge, choice, stance_colour, text_block, text_line};

pub fn show(ui: &mut Ui, f: &Frame<'_>, out: &mut Outbox) {
    let t = f.t;
    egui::ScrollArea::vertical()
        .id_salt("advice")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading(t.overview);
            overview(ui, f, out);
            legend(ui, f);
            ui.add_space(8.0);
            if ui.button(t.add_body).clicked() {
                let body = AdvisoryBody {
                    short_name: t.new_body.to_owned(),
                    ..AdvisoryBody::default()
                };
                out.select = Some(Selection::Body(body.id));
                out.edit(Edit::append(body));
            }
            ui.separator();
            for body in &f.ws.bodies {
                ui.push_id(body.id, |ui| body_block(ui, f, out, body));
                ui.add_space(10.0);
            }
        });
}

pub(crate) fn legend(ui: &mut Ui, f: &Frame<'_>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(f.t.legend);
        for stance in Stance::ALL {
            badge(ui, f.t.stance(stance), stance_colour(stance));
        }
    });
}

fn overview(ui: &mut Ui, f: &Frame<'_>, out: &mut Outbox) {
    let t = f.t;
    egui::Grid::new("stance-overview")
        .striped(true)
        .min_col_width(90.0)
        .show(ui, |ui| {
            ui.strong(t.body);
            for s in &f.ws.scenarios {
                ui.strong(s.label()).on_hover_text(&s.title);
            }
            ui.end_row();
            for body in &f.ws.bodies {
                if ui
                    .selectable_label(f.selection == Selection::Body(body.id), &body.short_name)
                    .clicked()
                {
                    out.select = Some(Selection::Body(body.id));
                }
                for s in &f.ws.scenarios {
                    let stance = body.advice.stance_on(s.id);
                    let r = badge(ui, t.stance(stance), stance_colour(stance));
                    let spoken =
                        format!("{}, {}: {}", body.short_name, s.label(), t.stance(stance));
                    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &spoken));
                }
                ui.end_row();
            }
        });
}

fn body_block(ui: &mut Ui, f: &Frame<'_>, out: &mut Outbox, body: &AdvisoryBody) {
    let t = f.t;
    let selected = f.selection == Selection::Body(body.id);
    egui::CollapsingHeader::new(RichText::new(&body.short_name).heading())
        .id_salt(("body", body.id))
        .open(selected.then_some(true))
        .default_open(false)
        .show(ui, |ui| {
            if let Some(v) = text_line(ui, t.short_name, &body.short_name) {
                out.set(
                    AdvisoryBody {
                        short_name: v,
                        ..body.clone()
                    },
                    "short_name",
                );
            }
            if let Some(v) = text_line(ui, t.full_name, &body.full_name) {
                out.set(
                    AdvisoryBody {
                        full_name: v,
                        ..body.clone()
                    },
                    "full_name",
                );
            }
            date_field(ui, f, out, body);
            if let Some(v) = text_line(ui, t.reference, &body.advice.reference) {
                let mut next = body.clone();
                next.advice.reference = v;
                out.set(next, "reference");
            }
            if let Some(v) = text_block(ui, t.summary, &body.advice.summary) {
                let mut next = body.clone();
                next.advice.summary = v;
                out.set(next, "summary");
            }
            ui.label(RichText::new(t.stance_per_scenario).strong());
            for s in &f.ws.scenarios {
                ui.push_id(s.id, |ui| {
                    let current = body.advice.stances.iter().find(|x| x.scenario == s.id);
                    let stance = current.map_or(Stance::NotStated, |x| x.stance);
                    let options: Vec<(Stance, String)> = Stance::ALL
                        .iter()
                        .map(|x| (*x, t.stance(*x).to_owned()))
                        .collect();
                    let label = format!("{} {}", t.stance_on, s.label());
                    if let Some(chosen) =
                        choice(ui, &label, ("stance", body.id, s.id), stance, &options)
                    {
                        let mut next = body.clone();
                        upsert_stance(&mut next, s.id, |x| x.stance = chosen);
                        out.set(next, "stance");
                    }
                    let quote = current.map(|x| x.quote.as_str()).unwrap_or_default();
                    let label = format!("{} ({})", t.quote, s.label());
                    if let Some(v) = text_line(ui, &label, quote) {
                        let mut next = body.clone();
                        upsert_stance(&mut next, s.id, |x| x.quote = v);
                        out.set(next, "quote");
                    }
                    // Where in the advice the quote stands: its citation's passage.
                    let passage = current.map(|x| x.passage.clone()).unwrap_or_default();
                    super::citation::show_in_source(ui, t, &s.label(), &passage, out);
                    if let Some((v, part)) =
                        super::citation::passage_fields(ui, t, &s.label(), &passage)
                    {
                        let mut next = body.clone();
                        upsert_stance(&mut next, s.id, |x| x.passage = v);
                        out.set(next, part);
                    }
                });
            }
            let themes: Vec<&str> =
                f.ws.themes
                    .iter()
                    .filter(|th| th.proposed_by.contains(&body.id))
                    .map(|th| th.name.as_str())
                    .collect();
            ui.label(format!(
                "{}: {}",
                t.themes_proposed,
                if themes.is_empty() {
                    "–".to_owned()
                } else {
                    themes.join(", ")
                }
            ));
            if ui.button(t.remove_body).clicked() {
                out.remove(RecordKey::Body(body.id));
            }
        });
}

fn date_field(ui: &mut Ui, f: &Frame<'_>, out: &mut Outbox, body: &AdvisoryBody) {
    let current = body.advice.received;
    if let Some(date) =
        super::widgets::date_field(ui, ("received", body.id), f.t.received, current, f.lang)
    {
        let mut next = body.clone();
        next.advice.received = date;
        out.set(next, "received");
    }
}

fn upsert_stance(
    body: &mut AdvisoryBody,
    scenario: crate::model::ScenarioId,
    change: impl FnOnce(&mut ScenarioStance),
) {
    if let Some(existing) = body
        .advice
        .stances
        .iter_mut()
        .find(|x| x.scenario == scenario)
    {
        change(existing);
    } else {
        let mut new = ScenarioStance {
            scenario,
            ..ScenarioStance::default()
        };
        change(&mut new);
        body.advice.stances.push(new);
    }
}
