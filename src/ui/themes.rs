//! The register of missing strategic themes.

use egui::{RichText, Ui};

use crate::model::{BodyId, ClusterId, Edit, RecordKey, Theme, ThemeCitation, ThemeRoute};

use super::state::{Frame, Outbox, Selection};
use super::widgets::{choice, text_block, text_line};

pub fn show(ui: &mut Ui, f: &Frame<'_>, out: &mut Outbox) {
    let t = f.t;
    if ui.button(t.add_theme).clicked() {
        let theme = Theme {
            name: t.new_theme.to_owned(),
            ..Theme::default()
        };
        out.select = Some(Selection::Theme(theme.id));
        out.edit(Edit::append(theme));
    }
    if f.ws.themes.is_empty() {
        ui.label(RichText::new(t.no_themes).weak());
    }
    egui::ScrollArea::vertical()
        .id_salt("themes")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for theme in &f.ws.themes {
                ui.push_id(theme.id, |ui| {
                    egui::Frame::group(ui.style()).show(ui, |ui| theme_block(ui, f, out, theme));
                });
                ui.add_space(6.0);
            }
        });
}

fn theme_block(ui: &mut Ui, f: &Frame<'_>, out: &mut Outbox, theme: &Theme) {
    let t = f.t;
    if let Some(v) = text_line(ui, t.name, &theme.name) {
        out.set(
            Theme {
                name: v,
                ..theme.clone()
            },
            "name",
        );
    }
    if let Some(v) = text_block(ui, t.description, &theme.description) {
        out.set(
            Theme {
                description: v,
                ..theme.clone()
            },
            "description",
        );
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(t.proposed_by);
        for body in &f.ws.bodies {
            let mut on = theme.proposed_by.contains(&body.id);
            if ui.checkbox(&mut on, &body.short_name).changed() {
                let mut next = theme.clone();
                if on {
                    next.proposed_by.push(body.id);
                } else {
                    next.proposed_by.retain(|b| *b != body.id);
                }
                out.set(next, "proposed_by");
            }
        }
    });
    let mut routes: Vec<(Option<ThemeRoute>, String)> = vec![(None, t.route_undecided.to_owned())];
    routes.extend(
        ThemeRoute::ALL
            .iter()
            .map(|r| (Some(*r), t.route(*r).to_owned())),
    );
    if let Some(route) = choice(ui, t.route_label, ("route", theme.id), theme.route, &routes) {
        out.set(
            Theme {
                route,
                ..theme.clone()
            },
            "route",
        );
    }
    if theme.route == Some(ThemeRoute::WithinExistingCluster) {
        let mut hosts: Vec<(Option<ClusterId>, String)> = vec![(None, "–".to_owned())];
        hosts.extend(f.ws.clusters.iter().map(|c| (Some(c.id), c.name.clone())));
        if let Some(host) = choice(
            ui,
            t.host_cluster,
            ("host", theme.id),
            theme.host_cluster,
            &hosts,
        ) {
            out.set(
                Theme {
                    host_cluster: host,
                    ..theme.clone()
                },
                "host_cluster",
            );
        }
    }
    theme_citation(ui, f, out, theme);
    if ui.button(t.remove_theme).clicked() {
        out.edit(Edit::Remove(RecordKey::Theme(theme.id)));
    }
}

/// Which body's advice the theme cites (a theme may be proposed by several), and where.
fn theme_citation(ui: &mut Ui, f: &Frame<'_>, out: &mut Outbox, theme: &Theme) {
    let t = f.t;
    let current = theme.citation.as_ref().map(|c| c.body);
    let mut bodies: Vec<(Option<BodyId>, String)> = vec![(None, t.citation_none.to_owned())];
    bodies.extend(
        f.ws.bodies
            .iter()
            .map(|b| (Some(b.id), b.short_name.clone())),
    );
    if let Some(body) = choice(
        ui,
        t.citation_body,
        ("citation-body", theme.id),
        current,
        &bodies,
    ) {
        let citation = body.map(|body| ThemeCitation {
            body,
            citation: theme
                .citation
                .as_ref()
                .map(|c| c.citation.clone())
                .unwrap_or_default(),
        });
        out.set(
            Theme {
                citation,
                ..theme.clone()
            },
            "citation",
        );
    }
    if let Some(cited) = &theme.citation {
        super::citation::show_in_source(ui, t, &theme.name, &cited.citation.passage, out);
    }
    if let Some(cited) = &theme.citation
        && let Some((citation, part)) =
            super::citation::citation_fields(ui, t, &theme.name, &cited.citation)
    {
        out.set(
            Theme {
                citation: Some(ThemeCitation {
                    body: cited.body,
                    citation,
                }),
                ..theme.clone()
            },
            part,
        );
    }
}
