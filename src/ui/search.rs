//! Search across every text of the workspace, jumping to the record.

use egui::{RichText, Ui};

use crate::model::{Polarity, Session, Stamp, Workspace};

use super::state::{Outbox, Selection, View};
use super::text::Tr;

#[derive(Default)]
pub(crate) struct Search {
    open: bool,
    query: String,
    /// The session state and the query the hits were found for: recomputed when either
    /// changes, so an edit, an undo or another workspace never leaves old hits.
    computed_for: Option<(Stamp, String)>,
    hits: Vec<Hit>,
    focus_next_frame: bool,
}

#[derive(Clone, Debug)]
pub struct Hit {
    pub kind: &'static str,
    pub text: String,
    pub view: View,
    pub selection: Selection,
}

const MAX_HITS: usize = 200;

impl Search {
    pub fn open(&mut self) {
        self.open = true;
        self.focus_next_frame = true;
    }

    pub(crate) fn is_open(&self) -> bool {
        self.open
    }

    pub fn clear(&mut self) {
        self.computed_for = None;
        self.hits.clear();
    }

    pub fn show(&mut self, ui: &mut Ui, session: &Session, t: &Tr, out: &mut Outbox) {
        let stamp = session.stamp();
        ui.horizontal(|ui| {
            let l = ui.label(t.find);
            let r = ui
                .add(egui::TextEdit::singleline(&mut self.query).desired_width(320.0))
                .labelled_by(l.id);
            if self.focus_next_frame {
                r.request_focus();
                self.focus_next_frame = false;
            }
            // Escape closes the results from the query field (which egui has already
            // let go of by now) and after a click on a hit, unless another field is
            // being typed in, or a dialog is open.
            let escape = ui.input(|i| i.key_pressed(egui::Key::Escape))
                && (r.has_focus() || r.lost_focus() || !ui.ctx().text_edit_focused())
                && ui.ctx().memory(|m| m.allows_interaction(ui.layer_id()));
            if ui.button(t.close).clicked() || escape {
                self.open = false;
            }
            if !self.query.trim().is_empty() {
                ui.label(format!("{} {}", self.hits.len(), t.hits));
            }
        });
        if self
            .computed_for
            .as_ref()
            .is_none_or(|(s, q)| *s != stamp || *q != self.query)
        {
            self.hits = find(session.workspace(), &self.query, t);
            self.computed_for = Some((stamp, self.query.clone()));
        }
        if self.query.trim().is_empty() {
            return;
        }
        // Ten rows or so; without a minimum the panel's first measure left room for
        // two and a half.
        let height = super::widgets::list_height(ui.ctx(), 240.0);
        egui::ScrollArea::vertical()
            .max_height(height)
            .min_scrolled_height(height)
            .show(ui, |ui| {
                for hit in &self.hits {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(hit.kind).small().weak());
                        if ui.link(&hit.text).clicked() {
                            out.view = Some(hit.view);
                            out.select = Some(hit.selection);
                        }
                    });
                }
            });
    }
}

/// Case-insensitive search through every text field.
pub fn find(ws: &Workspace, query: &str, t: &Tr) -> Vec<Hit> {
    let needle = query.trim().to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let matches = |s: &str| s.to_lowercase().contains(&needle);
    let mut hits = Vec::new();
    let mut push = |kind, text: &str, view, selection| {
        if hits.len() < MAX_HITS {
            hits.push(Hit {
                kind,
                text: snippet(text),
                view,
                selection,
            });
        }
    };
    for c in &ws.clusters {
        for s in [&c.name, &c.domain, &c.note, &c.recommendation] {
            if matches(s) {
                push(t.cluster, s, View::Matrix, Selection::Cluster(c.id));
                break;
            }
        }
    }
    for s in &ws.scenarios {
        let texts = [&s.title, &s.description, &s.conditions].into_iter().chain(
            s.sub_options
                .iter()
                .flat_map(|o| [&o.title, &o.description]),
        );
        for text in texts {
            if matches(text) {
                push(t.scenario, text, View::Scenarios, Selection::Scenario(s.id));
                break;
            }
        }
    }
    // Variants hold copies of one cell's assignment: the result opens the cell (in the
    // variant being edited), so each cell and text is listed once.
    let mut cells = std::collections::HashSet::new();
    for a in &ws.assignments {
        if matches(&a.conditions) && cells.insert((a.cluster, a.scenario, &a.conditions)) {
            push(
                t.assignment,
                &a.conditions,
                View::Matrix,
                Selection::Cell(a.cluster, a.scenario),
            );
        }
    }
    for a in &ws.arguments {
        if matches(&a.text) {
            let kind = match a.polarity {
                Polarity::Pro => t.pro_text,
                Polarity::Contra => t.con_text,
            };
            let (view, selection) = match a.subject.cluster() {
                Some(c) => (View::Matrix, Selection::Cell(c, a.subject.scenario())),
                None => (View::Scenarios, Selection::Argument(a.id)),
            };
            push(kind, &a.text, view, selection);
        }
    }
    for b in &ws.bodies {
        let quotes = b.advice.stances.iter().map(|s| &s.quote);
        for text in [
            &b.short_name,
            &b.full_name,
            &b.advice.reference,
            &b.advice.summary,
        ]
        .into_iter()
        .chain(quotes)
        {
            if matches(text) {
                push(t.body, text, View::Advice, Selection::Body(b.id));
                break;
            }
        }
    }
    for th in &ws.themes {
        for text in [&th.name, &th.description] {
            if matches(text) {
                push(t.theme, text, View::Themes, Selection::Theme(th.id));
                break;
            }
        }
    }
    hits
}

fn snippet(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    let mut short: String = line.chars().take(120).collect();
    if short.len() < line.len() || text.lines().nth(1).is_some() {
        short.push('…');
    }
    short
}
