//! Section "De scenario’s": per scenario its description, pros and cons, cluster-specific
//! arguments and the bodies' stances.

use crate::model::{Argument, Polarity, Scenario, Subject};

use super::super::document::{Block, Run, Table, one_line};
use super::{Builder, NO_ADVICE};

impl Builder<'_> {
    pub(super) fn scenarios(&mut self) {
        let ws = self.ws;
        if ws.scenarios.is_empty() {
            self.sober("Er zijn nog geen scenario\u{2019}s opgenomen.");
            return;
        }
        for (i, scenario) in ws.scenarios.iter().enumerate() {
            self.heading2(
                i + 1,
                &format!("{}: {}", scenario.label(), one_line(&scenario.title)),
            );
            self.text(&scenario.description);
            let options: Vec<Vec<Run>> = scenario
                .sub_options
                .iter()
                .map(|o| {
                    let mut runs = vec![Run::bold(one_line(&o.title))];
                    let d = one_line(&o.description);
                    if !d.is_empty() {
                        runs.push(Run::plain(format!(": {d}")));
                    }
                    runs
                })
                .collect();
            if !options.is_empty() {
                self.push(Block::Paragraph(vec![Run::bold("Subopties:")]));
                self.push(Block::BulletList(options));
            }
            self.labelled("Voorwaarden", &scenario.conditions);
            self.pros_and_cons(scenario);
            self.cluster_arguments(scenario);
            self.stances_on(scenario);
        }
    }

    fn pros_and_cons(&mut self, scenario: &Scenario) {
        let mut pros: Vec<&Argument> = Vec::new();
        let mut cons: Vec<&Argument> = Vec::new();
        for a in self.visible_arguments() {
            if a.subject == Subject::Scenario(scenario.id) {
                match a.polarity {
                    Polarity::Pro => pros.push(a),
                    Polarity::Contra => cons.push(a),
                }
            }
        }
        if pros.is_empty() && cons.is_empty() {
            self.sober("Nog geen argumenten opgenomen.");
            return;
        }
        // Heaviest first; the sort is stable, so equal weights keep workspace order.
        pros.sort_by_key(|a| std::cmp::Reverse(a.weight));
        cons.sort_by_key(|a| std::cmp::Reverse(a.weight));
        let rows = (0..pros.len().max(cons.len()))
            .map(|i| {
                vec![
                    pros.get(i)
                        .map(|a| self.argument_line(a))
                        .unwrap_or_default(),
                    cons.get(i)
                        .map(|a| self.argument_line(a))
                        .unwrap_or_default(),
                ]
            })
            .collect();
        self.push(Block::Table(Table {
            caption: Some(format!("Pro en contra {}", scenario.label())),
            header: vec!["Pro".to_owned(), "Contra".to_owned()],
            rows,
        }));
    }

    fn cluster_arguments(&mut self, scenario: &Scenario) {
        let rows: Vec<Vec<String>> = self
            .visible_arguments()
            .filter_map(|a| match a.subject {
                Subject::ClusterScenario {
                    cluster,
                    scenario: s,
                } if s == scenario.id => Some(vec![
                    one_line(&self.ws.cluster_name(cluster)),
                    a.polarity.dutch().to_owned(),
                    self.argument_line(a),
                ]),
                _ => None,
            })
            .collect();
        if !rows.is_empty() {
            self.push(Block::Table(Table {
                caption: Some(format!("Clusterspecifieke argumenten {}", scenario.label())),
                header: vec![
                    "Cluster".to_owned(),
                    "Pro/contra".to_owned(),
                    "Argument".to_owned(),
                ],
                rows,
            }));
        }
    }

    fn stances_on(&mut self, scenario: &Scenario) {
        let lines: Vec<Vec<Run>> = self
            .received_bodies()
            .iter()
            .map(|body| {
                let stance = body.advice.stance_on(scenario.id);
                let quote = body
                    .advice
                    .stances
                    .iter()
                    .find(|s| s.scenario == scenario.id)
                    .map(|s| one_line(&s.quote))
                    .unwrap_or_default();
                let mut runs = vec![
                    Run::bold(one_line(&body.short_name)),
                    Run::plain(format!(": {}", stance.dutch())),
                ];
                if !quote.is_empty() {
                    runs.push(Run::plain(" \u{2013} "));
                    runs.push(Run::italic(format!("\u{201c}{quote}\u{201d}")));
                }
                runs
            })
            .collect();
        self.push(Block::Paragraph(vec![Run::bold(
            "Standpunten van de adviesorganen:",
        )]));
        if lines.is_empty() {
            self.sober(NO_ADVICE);
        } else {
            self.push(Block::BulletList(lines));
        }
    }
}
