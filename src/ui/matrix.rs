//! Clusters × scenarios. A cell shows assignment, role, scores, the count of pros and
//! cons, and a warning when the cluster's combination breaks a compatibility rule.
//! Arrow keys move the selected cell, space toggles it, enter opens the detail. A cell
//! reached with Tab keeps the focus while the arrows move it, so the keyboard focus
//! and the selection stay one.

use egui::{Color32, RichText, Sense, Ui, WidgetInfo};
use egui_extras::{Column, TableBuilder};

use crate::model::{Assignment, ClusterId, Edit, RecordKey, ScenarioId};

use super::state::{Frame, Outbox, Selection};

pub fn show(ui: &mut Ui, f: &Frame<'_>, out: &mut Outbox) {
    let ws = f.ws;
    let t = f.t;
    if ws.clusters.is_empty() || ws.scenarios.is_empty() {
        ui.label(t.matrix_empty);
        return;
    }
    let moved_to_row = keyboard(ui, f, out);
    let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 10.0;
    let scenario_count = ws.scenarios.len();
    // At a large zoom the columns' minimum widths exceed the window: scroll sideways
    // rather than cut the last scenarios off.
    egui::ScrollArea::horizontal()
        .id_salt("matrix-sideways")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            table(ui, f, out, row_height, scenario_count, moved_to_row)
        });
}

fn table(
    ui: &mut Ui,
    f: &Frame<'_>,
    out: &mut Outbox,
    row_height: f32,
    scenario_count: usize,
    moved_to_row: Option<usize>,
) {
    let ws = f.ws;
    let t = f.t;
    let mut builder = TableBuilder::new(ui)
        .id_salt("matrix")
        .striped(true)
        .column(Column::initial(190.0).at_least(120.0).resizable(true))
        .columns(Column::remainder().at_least(130.0), scenario_count);
    if let Some(row) = moved_to_row {
        builder = builder.scroll_to_row(row, None);
    }
    builder
        .header(row_height, |mut header| {
            header.col(|ui| {
                ui.strong(t.cluster);
            });
            for s in &ws.scenarios {
                header.col(|ui| {
                    ui.strong(s.label()).on_hover_text(&s.title);
                    ui.label(RichText::new(&s.title).small().weak());
                });
            }
        })
        .body(|body| {
            body.rows(row_height, ws.clusters.len(), |mut row| {
                let Some(cluster) = ws.clusters.get(row.index()) else {
                    return;
                };
                row.col(|ui| {
                    let selected = f.selection.cluster() == Some(cluster.id);
                    let mut text = RichText::new(&cluster.name).strong();
                    if !f.derived.incompatibilities(cluster.id).is_empty() {
                        text = text.color(ui.visuals().warn_fg_color);
                    }
                    let r = ui.selectable_label(selected, text);
                    if r.clicked() {
                        out.select = Some(Selection::Cluster(cluster.id));
                    }
                    if !cluster.domain.is_empty() {
                        ui.label(RichText::new(&cluster.domain).small().weak());
                    }
                });
                for scenario in &ws.scenarios {
                    row.col(|ui| cell(ui, f, out, cluster, scenario));
                }
            });
        });
}

/// One cell. The row's cluster and the column's scenario come in whole, so the names
/// are not looked up again for every visible cell in every frame.
fn cell(
    ui: &mut Ui,
    f: &Frame<'_>,
    out: &mut Outbox,
    cluster_record: &crate::model::Cluster,
    scenario_record: &crate::model::Scenario,
) {
    let ws = f.ws;
    let (cluster, scenario) = (cluster_record.id, scenario_record.id);
    let t = f.t;
    let assignment = f.derived.assignment(ws, cluster, scenario);
    let selected = f.selection == Selection::Cell(cluster, scenario);
    let counts = f.derived.cell(cluster, scenario);
    let (pros, cons) = (counts.pros, counts.cons);
    let cluster_name = &cluster_record.name;
    let scenario_label = scenario_record.label();
    // Only the cells whose scenario takes part in a broken rule carry the mark.
    let incompatible: Vec<String> = f
        .derived
        .incompatibilities(cluster)
        .iter()
        .filter(|i| assignment.is_some() && (i.first == scenario || i.second == scenario))
        .map(|i| super::widgets::incompatibility_text(ws, i))
        .collect();

    // The cell's click area goes first, so the checkbox drawn on top of it keeps its clicks.
    let rect = ui.available_rect_before_wrap();
    let r = ui.interact(rect, cell_id(cluster, scenario), Sense::click());
    // egui asks for the spoken text only when a screen reader (or a test) listens.
    r.widget_info(|| {
        let spoken = spoken_cell(
            f,
            cluster_name,
            &scenario_label,
            assignment,
            pros,
            cons,
            !incompatible.is_empty(),
        );
        WidgetInfo::selected(egui::Role::Button, true, selected, &spoken)
    });
    if r.clicked() || r.gained_focus() {
        out.select = Some(Selection::Cell(cluster, scenario));
    }
    if r.has_focus() {
        // The arrows move the selection (see `keyboard`), not egui's focus by
        // position, which would land on the checkbox inside the cell.
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                r.id,
                egui::EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    ..Default::default()
                },
            );
        });
    }
    if selected {
        ui.painter().rect_stroke(
            rect.shrink(1.0),
            4.0,
            ui.visuals().selection.stroke,
            egui::StrokeKind::Inside,
        );
    }
    ui.horizontal(|ui| {
        let mut assigned = assignment.is_some();
        let toggle = ui.checkbox(&mut assigned, "");
        toggle.widget_info(|| {
            let toggle_label = format!("{cluster_name} {} {scenario_label}", t.under);
            WidgetInfo::selected(egui::Role::CheckBox, true, assigned, &toggle_label)
        });
        if toggle.changed() {
            toggle_assignment(f, out, cluster, scenario);
            out.select = Some(Selection::Cell(cluster, scenario));
        }
        // Role, scores and counts as one two-line label: a cell is drawn for every
        // visible cluster × scenario in every frame, and one galley costs far less
        // than five labels in three nested layouts.
        let body = ui.style().text_styles.get(&egui::TextStyle::Body).cloned();
        let small = ui.style().text_styles.get(&egui::TextStyle::Small).cloned();
        let (Some(body), Some(small)) = (body, small) else {
            return;
        };
        let visuals = ui.visuals();
        let format = |font: &egui::FontId, colour: Color32| egui::TextFormat {
            font_id: font.clone(),
            color: colour,
            ..egui::TextFormat::default()
        };
        let mut job = egui::text::LayoutJob::default();
        match assignment {
            Some(a) => job.append(
                t.role(a.role),
                0.0,
                format(&body, visuals.strong_text_color()),
            ),
            None => job.append("–", 0.0, format(&body, visuals.weak_text_color())),
        }
        job.append("\n", 0.0, format(&small, visuals.text_color()));
        let scores = assignment
            .map(|a| {
                let mut scores = Vec::new();
                let (w, h) = t.score_letters;
                if let Some(d) = a.desirability {
                    scores.push(format!("{w}{d}"));
                }
                if let Some(f) = a.feasibility {
                    scores.push(format!("{h}{f}"));
                }
                scores.join(" ")
            })
            .unwrap_or_default();
        if !scores.is_empty() {
            job.append(&scores, 0.0, format(&small, visuals.text_color()));
        }
        if pros + cons > 0 {
            let gap = if scores.is_empty() { 0.0 } else { 6.0 };
            job.append(
                &format!("+{}", f.lang.count(pros as usize)),
                gap,
                format(&body, Color32::from_rgb(0x2f, 0x85, 0x5a)),
            );
            job.append(
                &format!("−{}", f.lang.count(cons as usize)),
                6.0,
                format(&body, Color32::from_rgb(0xc0, 0x39, 0x2b)),
            );
        }
        let summary = ui.label(job);
        if !scores.is_empty() {
            summary.on_hover_text(t.scores_hint);
        }
        let budget = assignment.is_some_and(|a| a.budget.is_some());
        if assignment.is_some() {
            let said = super::warnings_here::on_cell(f, cluster, budget);
            super::warnings_here::mark(ui, f, &said);
        }
        if !incompatible.is_empty() {
            let mark = super::widgets::warning_mark(ui).on_hover_text(incompatible.join("\n"));
            let spoken = format!("{}: {}", t.incompatible_lower, incompatible.join("; "));
            mark.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &spoken));
        }
    });
}

/// What a screen reader says for a cell: "Catalisti, Scenario 3, primair,
/// wenselijkheid 4, haalbaarheid 3".
pub(crate) fn spoken_cell(
    f: &Frame<'_>,
    cluster: &str,
    scenario: &str,
    assignment: Option<&Assignment>,
    pros: u32,
    cons: u32,
    incompatible: bool,
) -> String {
    let t = f.t;
    let mut parts = vec![cluster.to_owned(), scenario.to_owned()];
    match assignment {
        None => parts.push(t.not_assigned.to_owned()),
        Some(a) => {
            parts.push(t.role(a.role).to_owned());
            if let Some(d) = a.desirability {
                parts.push(format!("{} {d}", t.desirability_lower));
            }
            if let Some(h) = a.feasibility {
                parts.push(format!("{} {h}", t.feasibility_lower));
            }
        }
    }
    if pros + cons > 0 {
        parts.push(format!(
            "{} {}, {} {}",
            f.lang.count(pros as usize),
            t.pros_lower,
            f.lang.count(cons as usize),
            t.cons_lower
        ));
    }
    if incompatible {
        parts.push(t.incompatible_lower.to_owned());
    }
    parts.join(", ")
}

/// Adds the assignment, or removes it (with its cluster-specific arguments kept: they
/// stay about that cluster and scenario and reappear when it is assigned again).
pub(crate) fn toggle_assignment(
    f: &Frame<'_>,
    out: &mut Outbox,
    cluster: ClusterId,
    scenario: ScenarioId,
) {
    match f.derived.assignment(f.ws, cluster, scenario) {
        Some(a) => out.edit(Edit::Remove(RecordKey::Assignment(a.id))),
        None => out.edit(Edit::append(f.ws.new_assignment(cluster, scenario))),
    }
}

/// A cell's widget id, the same wherever the table is drawn, so the keyboard can
/// move the focus to a cell it has not drawn yet.
pub(crate) fn cell_id(cluster: ClusterId, scenario: ScenarioId) -> egui::Id {
    egui::Id::unique(("matrix-cell", cluster, scenario))
}

/// Arrows, Space and Enter on the selected cell. Returns the row the selection moved
/// to, so the table can scroll it into view.
fn keyboard(ui: &mut Ui, f: &Frame<'_>, out: &mut Outbox) -> Option<usize> {
    // Behind an open dialog the keys are the dialog's.
    if !ui.ctx().memory(|m| m.allows_interaction(ui.layer_id())) {
        return None;
    }
    // Other widgets (text fields, buttons) own the keys while they have focus; a
    // focused cell hands them to the matrix.
    let cell_focused = match (ui.ctx().memory(|m| m.focused()), f.selection) {
        (None, _) => false,
        (Some(id), Selection::Cell(c, s)) if id == cell_id(c, s) => true,
        (Some(_), _) => return None,
    };
    // With nothing focused, the keys are the matrix's only while the person works in
    // it: a field that vanished from under the typing (or a click in the detail panel)
    // must not let the next words tick cells.
    if !cell_focused && !keys_are_the_matrix(ui) {
        return None;
    }
    let ws = f.ws;
    // From a selected cluster name, the first arrow enters the row's first cell.
    let (mut row, mut col) = match f.selection {
        Selection::Cell(c, s) => (
            ws.clusters.iter().position(|x| x.id == c).unwrap_or(0),
            ws.scenarios.iter().position(|x| x.id == s).unwrap_or(0),
        ),
        Selection::Cluster(c) => (ws.clusters.iter().position(|x| x.id == c).unwrap_or(0), 0),
        _ => (0, 0),
    };
    let had_cell = matches!(f.selection, Selection::Cell(..));
    let (up, down, left, right, space, enter) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowLeft),
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowRight),
            i.consume_key(egui::Modifiers::NONE, egui::Key::Space),
            had_cell && i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
        )
    });
    if enter && let Selection::Cell(cluster, scenario) = f.selection {
        // Open: the detail panel already shows the selected cell; the focus goes to
        // the cell's first score (the cluster's name when it is not assigned there),
        // and Escape (which clears the focus) gives the arrows back.
        out.focus = Some(match f.derived.assignment(f.ws, cluster, scenario) {
            Some(a) => super::detail::score_id(a.id, "desirability"),
            None => super::detail::first_field_id(cluster),
        });
        return None;
    }
    if !(up || down || left || right || space) {
        return None;
    }
    if had_cell {
        if up {
            row = row.saturating_sub(1);
        }
        if down {
            row = (row + 1).min(ws.clusters.len().saturating_sub(1));
        }
        if left {
            col = col.saturating_sub(1);
        }
        if right {
            col = (col + 1).min(ws.scenarios.len().saturating_sub(1));
        }
    }
    let (Some(cluster), Some(scenario)) = (ws.clusters.get(row), ws.scenarios.get(col)) else {
        return None;
    };
    if space && had_cell {
        toggle_assignment(f, out, cluster.id, scenario.id);
    }
    out.select = Some(Selection::Cell(cluster.id, scenario.id));
    if cell_focused {
        out.focus = Some(cell_id(cluster.id, scenario.id));
    }
    Some(row)
}

/// Whether keys typed with nothing focused act on the matrix: yes until a click lands
/// outside it, and again after a click inside it or Escape (which hands the arrows
/// back from a field that Enter on a cell opened).
fn keys_are_the_matrix(ui: &Ui) -> bool {
    let id = egui::Id::unique("matrix-has-the-keys");
    let area = ui.max_rect();
    let (pressed_at, escape) = ui.input(|i| {
        (
            i.pointer
                .any_pressed()
                .then(|| i.pointer.interact_pos())
                .flatten(),
            i.key_pressed(egui::Key::Escape),
        )
    });
    let mut owns: bool = ui.data(|d| d.get_temp(id)).unwrap_or(true);
    if let Some(at) = pressed_at {
        owns = area.contains(at);
    }
    if escape {
        owns = true;
    }
    ui.data_mut(|d| d.insert_temp(id, owns));
    owns
}
