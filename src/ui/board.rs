//! A column per scenario holding cluster cards. Drag a card into another column to
//! add that scenario (a cluster may stand in several), drag it to "Niet toegewezen"
//! or use its menu to remove it there. By keyboard: Tab (then the arrows) reaches a
//! card, Ctrl+Left / Ctrl+Right moves it to the previous / next column.

use egui::{Key, Modifiers, RichText, Ui};

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
            // Room for a card's name per column; at a large zoom the board scrolls
            // sideways instead of squeezing names into one letter per line.
            ui.set_min_width(columns as f32 * 150.0);
            ui.columns(columns, |cols| {
                let mut targets: Vec<Option<ScenarioId>> = vec![None];
                targets.extend(f.ws.scenarios.iter().map(|s| Some(s.id)));
                for (col, target) in cols.iter_mut().zip(targets) {
                    col.push_id(target, |ui| {
                        let title = match target.and_then(|s| f.ws.scenario(s)) {
                            Some(s) => format!("{} — {}", s.label(), s.title),
                            None => t.unassigned.to_owned(),
                        };
                        // Not in the column's justified layout, which spreads the
                        // letters of a wrapped title apart.
                        ui.vertical(|ui| ui.label(RichText::new(title).strong()));
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
        let id = card_id(cluster.id, target);
        let response = ui
            .dnd_drag_source(id, card, |ui| card_ui(ui, f, id, cluster.id, assignment))
            .response;
        let spoken = format!(
            "{}{}",
            cluster.name,
            assignment.map_or(String::new(), |a| format!(", {}", f.t.role(a.role)))
        );
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &spoken));
        ui.ctx().accesskit_node_builder(id, |node| {
            node.set_description(f.t.board_card_hint);
        });
        let response = response.on_hover_text(f.t.board_card_hint);
        let keyboard_menu = id.with("menu-by-keyboard");
        if response.has_focus() {
            let (back, forward) = ui.input_mut(|i| {
                (
                    i.consume_key(Modifiers::COMMAND, Key::ArrowLeft),
                    i.consume_key(Modifiers::COMMAND, Key::ArrowRight),
                )
            });
            if back != forward {
                move_card(f, out, cluster.id, target, if forward { 1 } else { -1 });
            }
            // The right-click menu by keyboard: the usual keys for a context menu.
            let menu = ui.input_mut(|i| {
                i.consume_key(Modifiers::SHIFT, Key::F10)
                    | i.consume_key(Modifiers::NONE, Key::Menu)
            });
            if menu {
                egui::Popup::open_id(ui.ctx(), egui::Popup::default_response_id(&response));
                ui.data_mut(|d| d.insert_temp(keyboard_menu, true));
            }
        }
        if response.secondary_clicked() {
            ui.data_mut(|d| d.insert_temp(keyboard_menu, false));
        }
        if response.clicked() {
            out.select = Some(match target {
                Some(s) => Selection::Cell(cluster.id, s),
                None => Selection::Cluster(cluster.id),
            });
        }
        // Opened by a right click the menu stands at the pointer; opened by keyboard
        // there may be no pointer, so it stands at the card.
        let mut menu = egui::Popup::context_menu(&response);
        if ui
            .data(|d| d.get_temp::<bool>(keyboard_menu))
            .unwrap_or(false)
        {
            menu = menu.anchor(egui::PopupAnchor::ParentRect(response.rect));
        }
        menu.show(|ui| card_menu(ui, f, out, cluster.id, target, assignment));
    }
}

/// A card's widget id: the same in every frame, so the focus can follow a card that
/// the keyboard moved to another column.
pub(crate) fn card_id(cluster: ClusterId, column: Option<ScenarioId>) -> egui::Id {
    egui::Id::unique(("board-card", cluster, column))
}

fn card_ui(
    ui: &mut Ui,
    f: &Frame<'_>,
    id: egui::Id,
    cluster: ClusterId,
    assignment: Option<&Assignment>,
) {
    let ws = f.ws;
    let selected = f.selection.cluster() == Some(cluster);
    // A drag that starts on the name moves the card: selectable text would take the
    // press and select the name instead.
    ui.style_mut().interaction.selectable_labels = false;
    // The focus ring: thicker than the selection's outline and in the text colour, so
    // it shows in every theme, high contrast included.
    let stroke = if ui.memory(|m| m.has_focus(id)) {
        egui::Stroke::new(2.5, ui.visuals().strong_text_color())
    } else if selected {
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
                // Wraps, so a long name stays inside a narrow column.
                ui.add(egui::Label::new(RichText::new(ws.cluster_name(cluster)).strong()).wrap());
                if warn && assignment.is_some() {
                    let reasons: Vec<String> = f
                        .derived
                        .incompatibilities(cluster)
                        .iter()
                        .map(|i| super::widgets::incompatibility_text(ws, i))
                        .collect();
                    super::widgets::warning_mark(ui).on_hover_text(reasons.join("\n"));
                }
                if let Some(a) = assignment {
                    let said = super::warnings_here::on_cell(f, cluster, a.budget.is_some());
                    super::warnings_here::mark(ui, f, &said);
                }
            });
            if let Some(a) = assignment {
                let mut line = f.t.role(a.role).to_owned();
                let (w, h) = f.t.score_letters;
                if let Some(d) = a.desirability {
                    line.push_str(&format!(" · {w}{d}"));
                }
                if let Some(score) = a.feasibility {
                    line.push_str(&format!(" · {h}{score}"));
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
                out.set(Assignment { role, ..a.clone() }, "role");
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

/// Moves a card by keyboard `step` columns to the left (-1) or right (+1), skipping
/// the scenarios where the cluster already stands: from "Niet toegewezen" it is
/// assigned, between scenarios its assignment moves (role, scores, conditions and
/// budget go along; sub-options belong to the old scenario and do not), to "Niet
/// toegewezen" it is removed there. One edit, so one undo step; the focus follows.
fn move_card(
    f: &Frame<'_>,
    out: &mut Outbox,
    cluster: ClusterId,
    from: Option<ScenarioId>,
    step: isize,
) {
    let ws = f.ws;
    let mut columns: Vec<Option<ScenarioId>> = vec![None];
    columns.extend(ws.scenarios.iter().map(|s| Some(s.id)));
    let free = |column: &Option<ScenarioId>| match column {
        Some(s) => f.derived.assignment(ws, cluster, *s).is_none(),
        None => from.is_some(),
    };
    let start = columns.iter().position(|c| *c == from).unwrap_or(0);
    let target = if step > 0 {
        columns.iter().skip(start + 1).find(|c| free(c))
    } else {
        columns.iter().take(start).rev().find(|c| free(c))
    };
    let Some(&target) = target else {
        out.announce = Some(f.t.said_no_further.to_owned());
        return;
    };
    let current = from.and_then(|s| f.derived.assignment(ws, cluster, s));
    match (current, target) {
        (None, Some(to)) => add(f, out, cluster, to),
        (Some(a), Some(to)) => {
            out.set(
                Assignment {
                    scenario: to,
                    sub_options: Vec::new(),
                    ..a.clone()
                },
                "scenario",
            );
            out.select = Some(Selection::Cell(cluster, to));
        }
        (Some(a), None) => {
            out.edit(Edit::Remove(RecordKey::Assignment(a.id)));
            out.select = Some(Selection::Cluster(cluster));
        }
        (None, None) => return,
    }
    // Where the card is drawn next: its new column, or, when it left a scenario but
    // still stands in another, the first of those.
    let shown_in = match target {
        Some(to) => Some(to),
        None => ws
            .scenarios
            .iter()
            .map(|s| s.id)
            .find(|s| Some(*s) != from && f.derived.assignment(ws, cluster, *s).is_some()),
    };
    out.focus = Some(card_id(cluster, shown_in));
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
