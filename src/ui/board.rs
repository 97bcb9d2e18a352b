//! A column per scenario holding cluster cards. Drag a card into another column to
//! add that scenario (a cluster may stand in several), drag it to "Niet toegewezen"
//! or use its menu to remove it there. The menu also moves cards by keyboard.

use egui::{RichText, Ui};

use crate::model::{Assignment, ClusterId, Edit, RecordKey, Role, ScenarioId};

use super::state::{Frame, Outbox, Selection};

/// What is being dragged: a cluster, and the column it came from.
#[derive(Clone, Copy, Debug)]
struct Card {
    cluster: ClusterId,
    from: Option<ScenarioId>,
}

pub fn show(ui: &mut Ui, f: &Frame<'_>, out: &mut Outbox) {
    let t = f.t;
    if f.ws.scenarios.is_empty() {
        ui.label(t.matrix_empty);
        return;
    }
    let columns = f.ws.scenarios.len() + 1;
    let mut dropped: Option<(Card, Option<ScenarioId>)> = None;
    egui::ScrollArea::both()
        .id_salt("board")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.columns(columns, |cols| {
                let mut targets: Vec<Option<ScenarioId>> = vec![None];
                targets.extend(f.ws.scenarios.iter().map(|s| Some(s.id)));
                for (col, target) in cols.iter_mut().zip(targets) {
                    col.push_id(target, |ui| {
                        let title = match target.and_then(|s| f.ws.scenario(s)) {
                            Some(s) => format!("{} — {}", s.label(), s.title),
                            None => t.unassigned.to_owned(),
                        };
                        ui.label(RichText::new(title).strong());
                        let frame = egui::Frame::default().inner_margin(4.0);
                        let (_, payload) = ui.dnd_drop_zone::<Card, ()>(frame, |ui| {
                            ui.set_min_size(egui::vec2(ui.available_width(), 200.0));
                            column(ui, f, out, target);
                        });
                        if let Some(card) = payload {
                            dropped = Some((*card, target));
                        }
                    });
                }
            });
        });
    if let Some((card, target)) = dropped {
        drop_card(f, out, card, target);
    }
}

fn column(ui: &mut Ui, f: &Frame<'_>, out: &mut Outbox, target: Option<ScenarioId>) {
    let ws = f.ws;
    for cluster in &ws.clusters {
        let assignment = target.and_then(|s| f.derived.assignment(ws, cluster.id, s));
        let shown = match target {
            Some(_) => assignment.is_some(),
            None => !ws.assignments.iter().any(|a| a.cluster == cluster.id),
        };
        if !shown {
            continue;
        }
        let card = Card {
            cluster: cluster.id,
            from: target,
        };
        let id = ui.scope_id().with(("card", cluster.id));
        let response = ui
            .dnd_drag_source(id, card, |ui| card_ui(ui, f, cluster.id, assignment))
            .response;
        let spoken = format!(
            "{}{}",
            cluster.name,
            assignment.map_or(String::new(), |a| format!(", {}", f.t.role(a.role)))
        );
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &spoken));
        if response.clicked() {
            out.select = Some(match target {
                Some(s) => Selection::Cell(cluster.id, s),
                None => Selection::Cluster(cluster.id),
            });
        }
        response.context_menu(|ui| card_menu(ui, f, out, cluster.id, target, assignment));
    }
}

fn card_ui(ui: &mut Ui, f: &Frame<'_>, cluster: ClusterId, assignment: Option<&Assignment>) {
    let ws = f.ws;
    let selected = f.selection.cluster() == Some(cluster);
    let stroke = if selected {
        ui.visuals().selection.stroke
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    egui::Frame::group(ui.style())
        .stroke(stroke)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let warn = !f.derived.incompatibilities(cluster).is_empty();
            ui.horizontal(|ui| {
                ui.label(RichText::new(ws.cluster_name(cluster)).strong());
                if warn && assignment.is_some() {
                    let reasons: Vec<String> = f
                        .derived
                        .incompatibilities(cluster)
                        .iter()
                        .map(|i| super::widgets::incompatibility_text(ws, i))
                        .collect();
                    super::widgets::warning_mark(ui).on_hover_text(reasons.join("\n"));
                }
            });
            if let Some(a) = assignment {
                let mut line = f.t.role(a.role).to_owned();
                if let Some(d) = a.desirability {
                    line.push_str(&format!(" · W{d}"));
                }
                if let Some(h) = a.feasibility {
                    line.push_str(&format!(" · H{h}"));
                }
                ui.label(RichText::new(line).small());
            }
        });
}

fn card_menu(
    ui: &mut Ui,
    f: &Frame<'_>,
    out: &mut Outbox,
    cluster: ClusterId,
    target: Option<ScenarioId>,
    assignment: Option<&Assignment>,
) {
    let t = f.t;
    for scenario in &f.ws.scenarios {
        if Some(scenario.id) == target || f.derived.assignment(f.ws, cluster, scenario.id).is_some()
        {
            continue;
        }
        if ui
            .button(format!("{} {}", t.add_to, scenario.label()))
            .clicked()
        {
            add(f, out, cluster, scenario.id);
        }
    }
    if let Some(a) = assignment {
        ui.separator();
        for role in Role::ALL {
            if ui.radio(a.role == role, t.role(role)).clicked() && a.role != role {
                out.put(Assignment { role, ..a.clone() });
            }
        }
        ui.separator();
        if ui.button(t.remove_from_scenario).clicked() {
            out.edit(Edit::Remove(RecordKey::Assignment(a.id)));
        }
    }
}

fn add(f: &Frame<'_>, out: &mut Outbox, cluster: ClusterId, scenario: ScenarioId) {
    if f.derived.assignment(f.ws, cluster, scenario).is_some() {
        return;
    }
    out.edit(Edit::append(f.ws.new_assignment(cluster, scenario)));
    out.select = Some(Selection::Cell(cluster, scenario));
}

/// A drop adds the target scenario; dropping on "Niet toegewezen" removes the scenario
/// the card came from. Dropping on its own column does nothing.
fn drop_card(f: &Frame<'_>, out: &mut Outbox, card: Card, target: Option<ScenarioId>) {
    match (card.from, target) {
        (from, Some(to)) if from != Some(to) => add(f, out, card.cluster, to),
        (Some(from), None) => {
            if let Some(a) = f.derived.assignment(f.ws, card.cluster, from) {
                out.edit(Edit::Remove(RecordKey::Assignment(a.id)));
            }
        }
        _ => {}
    }
}
