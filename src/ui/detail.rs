//! The detail panel of the selected cluster (or cell): its fields, its assignments,
//! its pros and cons under each scenario, and the recommendation.

use egui::{RichText, Ui};

use crate::model::{
    Argument, Assignment, Cluster, ClusterStatus, Edit, Euro, Polarity, RecordKey, Role, Subject,
    YearlyBudget,
};

use super::arguments;
use super::state::{Frame, Outbox, Selection};
use super::widgets::{choice, optional_number, score, text_block, text_line, text_line_with_id};

/// The detail panel's first field, where Enter on a matrix cell sends the focus.
pub(crate) fn first_field_id(cluster: crate::model::ClusterId) -> egui::Id {
    egui::Id::unique(("detail-name", cluster))
}

/// The focus of an assignment's score ("desirability" or "feasibility"): Enter on an
/// assigned matrix cell lands on the first.
pub(crate) fn score_id(assignment: crate::model::AssignmentId, which: &'static str) -> egui::Id {
    egui::Id::unique(("detail-score", assignment, which))
}

pub fn show(ui: &mut Ui, f: &Frame<'_>, out: &mut Outbox) {
    let t = f.t;
    let Some(cluster) = f.selection.cluster().and_then(|id| f.ws.cluster(id)) else {
        ui.add_space(8.0);
        ui.label(RichText::new(t.detail_none).weak());
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("detail")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.push_id(cluster.id, |ui| {
                cluster_fields(ui, f, out, cluster);
                ui.separator();
                ui.heading(t.assignments);
                let mut any = false;
                for scenario in &f.ws.scenarios {
                    if let Some(a) = f.derived.assignment(f.ws, cluster.id, scenario.id) {
                        any = true;
                        let open = f.selection == Selection::Cell(cluster.id, scenario.id);
                        // The title goes inside, where it can wrap; a long header
                        // would widen the panel past the window.
                        let section =
                            egui::CollapsingHeader::new(RichText::new(scenario.label()).strong())
                                .id_salt(("assignment", a.id))
                                .open(open.then_some(true))
                                .default_open(true)
                                .show(ui, |ui| {
                                    ui.add(
                                        egui::Label::new(RichText::new(&scenario.title).weak())
                                            .wrap(),
                                    );
                                    assignment_fields(ui, f, out, a);
                                });
                        if open && newly_shown(ui, f.selection) {
                            // A scenario ticked further down the list comes into view.
                            // Up and down only: the panel's own width is what it is.
                            let header = section.header_response.rect;
                            let rect = egui::Rect::from_x_y_ranges(
                                ui.clip_rect().x_range(),
                                header.y_range(),
                            );
                            ui.scroll_to_rect(rect, Some(egui::Align::TOP));
                        }
                    }
                }
                if !any {
                    ui.label(RichText::new(t.no_assignments).weak());
                }
                ui.separator();
                ui.heading(t.recommendation);
                if let Some(text) =
                    text_block(ui, t.recommendation_for_cluster, &cluster.recommendation)
                {
                    out.set(
                        Cluster {
                            recommendation: text,
                            ..cluster.clone()
                        },
                        "recommendation",
                    );
                }
                ui.add_space(12.0);
                if ui.button(t.remove_cluster).clicked() {
                    out.remove(RecordKey::Cluster(cluster.id));
                }
            });
        });
}

/// Whether `selection` differs from the cell whose section was last brought into view.
fn newly_shown(ui: &Ui, selection: Selection) -> bool {
    let id = egui::Id::unique("detail-shown-cell");
    let before: Option<Selection> = ui.data(|d| d.get_temp(id));
    ui.data_mut(|d| d.insert_temp(id, selection));
    before != Some(selection)
}

/// The id of a number field drawn by `optional_number` in this `ui`.
fn number_id(ui: &Ui, label: &str) -> egui::Id {
    ui.make_persistent_id(("number", label))
}

fn cluster_fields(ui: &mut Ui, f: &Frame<'_>, out: &mut Outbox, c: &Cluster) {
    let t = f.t;
    ui.heading(&c.name);
    if let Some(v) = text_line_with_id(ui, Some(first_field_id(c.id)), t.name, &c.name) {
        out.set(
            Cluster {
                name: v,
                ..c.clone()
            },
            "name",
        );
    }
    let here = |ui: &mut Ui, fields: &[&'static str], focus: Option<egui::Id>| {
        super::warnings_here::under_field(ui, f, RecordKey::Cluster(c.id), fields, focus);
    };
    here(ui, &["name"], Some(first_field_id(c.id)));
    if let Some(v) = text_line(ui, t.domain, &c.domain) {
        out.set(
            Cluster {
                domain: v,
                ..c.clone()
            },
            "domain",
        );
    }
    let statuses: Vec<(ClusterStatus, String)> = ClusterStatus::ALL
        .iter()
        .map(|s| (*s, t.status(*s).to_owned()))
        .collect();
    if let Some(status) = choice(ui, t.status_label, ("status", c.id), c.status, &statuses) {
        out.set(
            Cluster {
                status,
                ..c.clone()
            },
            "status",
        );
    }
    here(ui, &["status"], None);
    let year = |s: &str| {
        s.trim()
            .parse::<i64>()
            .ok()
            .filter(|y| (1900..=2200).contains(y))
    };
    if let Some(v) = optional_number(
        ui,
        t.start_year,
        c.start_year.map(i64::from),
        year,
        |n| n.to_string(),
        t.invalid_number,
    ) {
        out.set(
            Cluster {
                start_year: v.and_then(|n| i32::try_from(n).ok()),
                ..c.clone()
            },
            "start_year",
        );
    }
    here(ui, &["start_year"], Some(number_id(ui, t.start_year)));
    if let Some(v) = optional_number(
        ui,
        t.term_end,
        c.term_end_year.map(i64::from),
        year,
        |n| n.to_string(),
        t.invalid_number,
    ) {
        out.set(
            Cluster {
                term_end_year: v.and_then(|n| i32::try_from(n).ok()),
                ..c.clone()
            },
            "term_end_year",
        );
    }
    here(ui, &["term_end_year"], Some(number_id(ui, t.term_end)));
    if let Some(v) = optional_number(
        ui,
        t.max_funding,
        c.max_yearly_funding.map(Euro::amount),
        |s| f.lang.parse_money(s).map(Euro::amount).filter(|n| *n >= 0),
        |n| f.lang.money(Euro(n)),
        t.invalid_amount,
    ) {
        out.set(
            Cluster {
                max_yearly_funding: v.map(Euro),
                ..c.clone()
            },
            "max_yearly_funding",
        );
    }
    here(
        ui,
        &["max_yearly_funding"],
        Some(number_id(ui, t.max_funding)),
    );
    if let Some(v) = text_block(ui, t.note, &c.note) {
        out.set(
            Cluster {
                note: v,
                ..c.clone()
            },
            "note",
        );
    }
}

fn assignment_fields(ui: &mut Ui, f: &Frame<'_>, out: &mut Outbox, a: &Assignment) {
    let t = f.t;
    let roles: Vec<(Role, String)> = Role::ALL
        .iter()
        .map(|r| (*r, t.role(*r).to_owned()))
        .collect();
    if let Some(role) = choice(ui, t.role_label, ("role", a.id), a.role, &roles) {
        out.set(Assignment { role, ..a.clone() }, "role");
    }
    let desirability = score_id(a.id, "desirability");
    if let Some(v) = score(
        ui,
        desirability,
        t.desirability,
        t.score_none,
        a.desirability,
    ) {
        out.set(
            Assignment {
                desirability: v,
                ..a.clone()
            },
            "desirability",
        );
    }
    let feasibility = score_id(a.id, "feasibility");
    if let Some(v) = score(ui, feasibility, t.feasibility, t.score_none, a.feasibility) {
        out.set(
            Assignment {
                feasibility: v,
                ..a.clone()
            },
            "feasibility",
        );
    }
    if let Some(scenario) = f.ws.scenario(a.scenario)
        && !scenario.sub_options.is_empty()
    {
        ui.label(t.sub_options);
        for option in &scenario.sub_options {
            let mut chosen = a.sub_options.contains(&option.id);
            if ui
                .checkbox(&mut chosen, &option.title)
                .on_hover_text(&option.description)
                .changed()
            {
                let mut next = a.clone();
                if chosen {
                    next.sub_options.push(option.id);
                } else {
                    next.sub_options.retain(|o| *o != option.id);
                }
                out.set(next, "sub_options");
            }
        }
    }
    if let Some(v) = text_block(ui, t.conditions, &a.conditions) {
        out.set(
            Assignment {
                conditions: v,
                ..a.clone()
            },
            "conditions",
        );
    }
    budget_fields(ui, f, out, a);
    ui.add_space(4.0);
    ui.label(RichText::new(t.arguments_for_cell).strong());
    let subject = Subject::ClusterScenario {
        cluster: a.cluster,
        scenario: a.scenario,
    };
    arguments::two_columns(ui, f, out, subject, None);
    if ui.button(t.remove_assignment).clicked() {
        out.edit(Edit::Remove(RecordKey::Assignment(a.id)));
    }
}

fn budget_fields(ui: &mut Ui, f: &Frame<'_>, out: &mut Outbox, a: &Assignment) {
    let t = f.t;
    let mut has_budget = a.budget.is_some();
    if ui.checkbox(&mut has_budget, t.yearly_budget).changed() {
        out.set(
            Assignment {
                budget: has_budget.then_some(YearlyBudget {
                    amount: f.ws.meta.funding_cap,
                    first_year: 2027,
                    last_year: 2030,
                }),
                ..a.clone()
            },
            "budget",
        );
    }
    let Some(budget) = a.budget else {
        return;
    };
    ui.indent("budget", |ui| {
        if let Some(Some(v)) = optional_number(
            ui,
            t.amount_per_year,
            Some(budget.amount.amount()),
            |s| f.lang.parse_money(s).map(Euro::amount).filter(|n| *n >= 0),
            |n| f.lang.money(Euro(n)),
            t.invalid_amount,
        ) {
            out.set(
                Assignment {
                    budget: Some(YearlyBudget {
                        amount: Euro(v),
                        ..budget
                    }),
                    ..a.clone()
                },
                "budget_amount",
            );
        }
        // Typed, never clamped: a year outside the range stays as typed and is said
        // beside its field, like a refused date. A row each, so a message beside the
        // first does not push the second away.
        let years = 2000..=2100;
        let first =
            super::fields::year_field(ui, t.from_year, budget.first_year, years.clone(), f.lang);
        let last = super::fields::year_field(ui, t.to_year, budget.last_year, years, f.lang);
        if first.is_some() || last.is_some() {
            out.set(
                Assignment {
                    budget: Some(YearlyBudget {
                        first_year: first.unwrap_or(budget.first_year),
                        last_year: last.unwrap_or(budget.last_year),
                        ..budget
                    }),
                    ..a.clone()
                },
                "budget_years",
            );
        }
        // Under the years, not between the fields: a warning that appears must not
        // move a field from under the pointer. The cluster's
        // budget above its cap shows at every budget that adds to it.
        let amount = Some(number_id(ui, t.amount_per_year));
        super::warnings_here::under_field(
            ui,
            f,
            RecordKey::Cluster(a.cluster),
            &["budget"],
            amount,
        );
        super::warnings_here::under_field(ui, f, RecordKey::Assignment(a.id), &["budget"], amount);
    });
}

/// A new argument, ready to type into.
pub(crate) fn new_argument(f: &Frame<'_>, polarity: Polarity, subject: Subject) -> Argument {
    Argument {
        polarity,
        subject,
        created: f.now,
        modified: f.now,
        ..Argument::default()
    }
}
