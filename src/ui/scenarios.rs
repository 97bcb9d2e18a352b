//! Each scenario's text and sub-options, and its pros and cons in two columns.

use egui::{RichText, Ui};

use crate::model::{Edit, RecordKey, Scenario, Source, SubOption, Subject};

use super::arguments::{self, SourceFilter};
use super::state::{Frame, Outbox};
use super::widgets::{choice, text_block, text_line};

pub fn show(ui: &mut Ui, f: &Frame<'_>, out: &mut Outbox) {
    let t = f.t;
    let filter_id = ui.make_persistent_id("scenario-source-filter");
    let mut filter: SourceFilter = ui.data(|d| d.get_temp(filter_id)).unwrap_or(None);
    ui.horizontal(|ui| {
        let mut options: Vec<(SourceFilter, String)> = vec![
            (None, t.all_sources.to_owned()),
            (Some(Source::OwnAnalysis), t.own_analysis.to_owned()),
        ];
        options.extend(
            f.ws.bodies
                .iter()
                .map(|b| (Some(Source::Body(b.id)), b.short_name.clone())),
        );
        if let Some(chosen) = choice(ui, t.filter_by_source, "source-filter", filter, &options) {
            filter = chosen;
            ui.data_mut(|d| d.insert_temp(filter_id, filter));
        }
        if ui.button(t.add_scenario).clicked() {
            let number = f.ws.scenarios.iter().map(|s| s.number).max().unwrap_or(0) + 1;
            out.edit(Edit::append(Scenario {
                number,
                title: format!("{} {number}", t.new_scenario),
                ..Scenario::default()
            }));
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("scenarios")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for scenario in &f.ws.scenarios {
                ui.push_id(scenario.id, |ui| {
                    scenario_block(ui, f, out, scenario, filter)
                });
                ui.add_space(12.0);
            }
        });
}

fn scenario_block(
    ui: &mut Ui,
    f: &Frame<'_>,
    out: &mut Outbox,
    s: &Scenario,
    filter: SourceFilter,
) {
    let t = f.t;
    let counts = f.derived.scenario_as_whole(s.id);
    let (pros, cons) = (counts.pros, counts.cons);
    // Laid out here, wrapped to the width there is: a header's own text never wraps,
    // and at a large zoom a long title would push the whole block past the window.
    let header = egui::WidgetText::from(
        RichText::new(format!(
            "{} — {}   (+{} −{})",
            s.label(),
            s.title,
            f.lang.count(pros as usize),
            f.lang.count(cons as usize)
        ))
        .heading(),
    )
    .into_galley(
        ui,
        Some(egui::TextWrapMode::Wrap),
        ui.available_width() - ui.spacing().indent,
        egui::TextStyle::Button,
    );
    egui::CollapsingHeader::new(header)
        .id_salt(("scenario", s.id))
        .default_open(true)
        .show(ui, |ui| {
            if let Some(v) = text_line(ui, t.title, &s.title) {
                out.set(
                    Scenario {
                        title: v,
                        ..s.clone()
                    },
                    "title",
                );
            }
            if let Some(v) = text_block(ui, t.description, &s.description) {
                out.set(
                    Scenario {
                        description: v,
                        ..s.clone()
                    },
                    "description",
                );
            }
            if let Some(v) = text_block(ui, t.conditions, &s.conditions) {
                out.set(
                    Scenario {
                        conditions: v,
                        ..s.clone()
                    },
                    "conditions",
                );
            }
            ui.label(RichText::new(t.sub_options).strong());
            for (i, option) in s.sub_options.iter().enumerate() {
                ui.push_id(option.id, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(format!("{}.", i + 1));
                        let mut title = option.title.clone();
                        let r = ui.add(
                            egui::TextEdit::singleline(&mut title)
                                .desired_width(ui.available_width() - 40.0),
                        );
                        let label = format!("{} {}", t.sub_option, i + 1);
                        r.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label)
                        });
                        if r.changed() {
                            let mut next = s.clone();
                            if let Some(o) = next.sub_options.get_mut(i) {
                                o.title = title;
                            }
                            out.set(next, "sub_option_title");
                        }
                        if super::widgets::remove_button(ui, t.remove_sub_option) {
                            let mut next = s.clone();
                            next.sub_options.retain(|o| o.id != option.id);
                            out.set(next, "sub_options");
                        }
                    });
                    let mut description = option.description.clone();
                    let r = ui.add(
                        egui::TextEdit::multiline(&mut description)
                            .desired_rows(1)
                            .desired_width(f32::INFINITY),
                    );
                    let label = format!("{} {} — {}", t.sub_option, i + 1, t.description);
                    r.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label)
                    });
                    if r.changed() {
                        let mut next = s.clone();
                        if let Some(o) = next.sub_options.get_mut(i) {
                            o.description = description;
                        }
                        out.set(next, "sub_option_description");
                    }
                });
            }
            ui.horizontal(|ui| {
                if ui.button(t.add_sub_option).clicked() {
                    let mut next = s.clone();
                    next.sub_options.push(SubOption {
                        title: t.new_sub_option.to_owned(),
                        ..SubOption::default()
                    });
                    out.set(next, "sub_options");
                }
                if ui.button(t.remove_scenario).clicked() {
                    out.remove(RecordKey::Scenario(s.id));
                }
            });
            ui.add_space(6.0);
            arguments::two_columns(ui, f, out, Subject::Scenario(s.id), filter);
            stances(ui, f, s);
        });
}

fn stances(ui: &mut Ui, f: &Frame<'_>, s: &Scenario) {
    let t = f.t;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(t.stances).strong());
        for body in &f.ws.bodies {
            let stance = body.advice.stance_on(s.id);
            super::widgets::badge(
                ui,
                &format!("{}: {}", body.short_name, t.stance(stance)),
                super::widgets::stance_colour(stance),
            );
        }
    });
}
