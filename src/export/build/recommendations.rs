//! Sections "Aanbeveling per speerpuntcluster" and "Ontbrekende strategische thema’s".

use crate::model::rules::{Warning, validate};
use crate::model::{Assignment, Cluster, Source};

use super::super::document::{Block, Run, Table, one_line};
use super::{Builder, budget_text, dutch_list, paragraphs, score};

impl Builder<'_> {
    pub(super) fn recommendations(&mut self) {
        let ws = self.ws;
        let year = ws.meta.date.map_or(i32::MIN, |d| i32::from(d.year()));
        let warnings = validate(ws, year);
        if ws.clusters.is_empty() {
            self.sober(&format!(
                "Er zijn nog geen {} opgenomen.",
                ws.meta.clusters_word()
            ));
        }
        for (i, cluster) in ws.clusters.iter().enumerate() {
            self.heading2(i + 1, &cluster.name);
            self.cluster_recommendation(cluster, &warnings);
        }
        self.heading3("Algemene aanbeveling");
        if paragraphs(&ws.meta.overall_recommendation).is_empty() {
            self.sober("Nog geen algemene aanbeveling geformuleerd.");
        } else {
            self.text(&ws.meta.overall_recommendation);
        }
    }

    fn cluster_recommendation(&mut self, cluster: &Cluster, warnings: &[Warning]) {
        let ws = self.ws;
        let assignments: Vec<&Assignment> = ws
            .assignments
            .iter()
            .filter(|a| a.cluster == cluster.id)
            .collect();
        if assignments.is_empty() {
            self.sober("Nog geen scenario toegewezen.");
        } else {
            let rows = assignments
                .iter()
                .map(|a| {
                    vec![
                        one_line(&ws.scenario_label(a.scenario)),
                        a.role.dutch().to_owned(),
                        score(a.desirability),
                        score(a.feasibility),
                        budget_text(a),
                    ]
                })
                .collect();
            self.push(Block::Table(Table {
                caption: Some(format!("Scenariocombinatie {}", one_line(&cluster.name))),
                header: [
                    "Scenario",
                    "Rol",
                    "Wenselijkheid",
                    "Haalbaarheid",
                    "Jaarbudget",
                ]
                .map(str::to_owned)
                .to_vec(),
                rows,
            }));
            let mut details = Vec::new();
            for a in &assignments {
                let label = one_line(&ws.scenario_label(a.scenario));
                let options: Vec<String> = a
                    .sub_options
                    .iter()
                    .map(|id| {
                        ws.scenario(a.scenario)
                            .and_then(|s| s.sub_options.iter().find(|o| o.id == *id))
                            .map_or_else(|| "onbekende suboptie".to_owned(), |o| one_line(&o.title))
                    })
                    .collect();
                if !options.is_empty() {
                    details.push(vec![Run::plain(format!(
                        "{label} \u{2013} subopties: {}",
                        options.join("; ")
                    ))]);
                }
                let conditions = one_line(&a.conditions);
                if !conditions.is_empty() {
                    details.push(vec![Run::plain(format!(
                        "{label} \u{2013} voorwaarden: {conditions}"
                    ))]);
                }
            }
            if !details.is_empty() {
                self.push(Block::BulletList(details));
            }
        }
        let mine: Vec<Vec<Run>> = warnings
            .iter()
            .filter(|w| w.cluster() == Some(cluster.id))
            .map(|w| {
                vec![Run::plain(one_line(&crate::wording::warning(
                    ws,
                    w,
                    crate::wording::Lang::Dutch,
                )))]
            })
            .collect();
        if !mine.is_empty() {
            self.push(Block::Paragraph(vec![Run::bold("Waarschuwingen:")]));
            self.push(Block::BulletList(mine));
        }
        if !self.public {
            let note = paragraphs(&cluster.note).join(" ");
            if !note.is_empty() {
                self.push(Block::Note(vec![Run::italic("Noot: "), Run::plain(note)]));
            }
        }
        let recommendation = paragraphs(&cluster.recommendation);
        if !recommendation.is_empty() {
            self.labelled("Aanbeveling", &recommendation.join(" "));
        }
    }

    pub(super) fn themes(&mut self) {
        let ws = self.ws;
        if ws.themes.is_empty() {
            self.sober("Nog geen ontbrekende thema\u{2019}s opgenomen.");
            return;
        }
        // A list, not a table: a theme's citation is a footnote, which a table cell
        // cannot hold.
        let items = ws
            .themes
            .iter()
            .map(|t| {
                let by: Vec<String> = t
                    .proposed_by
                    .iter()
                    .map(|b| one_line(&ws.source_name(Source::Body(*b))))
                    .collect();
                let mut route = t.route.map_or("nog niet bepaald", |r| r.dutch()).to_owned();
                if let Some(host) = t.host_cluster {
                    route.push_str(&format!(" ({})", one_line(&ws.cluster_name(host))));
                }
                let mut text = String::new();
                let description = one_line(&t.description);
                if !description.is_empty() {
                    text.push_str(&format!(" {description}"));
                    if !description.ends_with(['.', '!', '?']) {
                        text.push('.');
                    }
                }
                if !by.is_empty() {
                    text.push_str(&format!(" Voorgesteld door {}.", dutch_list(&by)));
                }
                text.push_str(&format!(" Route: {route}."));
                let mut runs = vec![
                    Run::bold(format!("{}:", one_line(&t.name))),
                    Run::plain(text),
                ];
                runs.extend(super::super::citation::theme_note(ws, t).map(Run::footnote));
                runs
            })
            .collect();
        self.push(Block::BulletList(items));
    }
}
