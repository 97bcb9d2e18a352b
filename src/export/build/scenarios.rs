//! Section "De scenario’s": per scenario its description, pros and cons, cluster-specific
//! arguments and the bodies' stances.

use crate::model::{Argument, Polarity, Scenario, Subject};

use super::super::citation;
use super::super::document::{Block, Run, one_line};
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
        // Lists, not a table: a table cell holds plain text, and each argument carries
        // its citation as a footnote.
        let lists = [("Pro", pros), ("Contra", cons)].map(|(label, list)| {
            let items: Vec<Vec<Run>> = list.iter().map(|a| self.argument_runs(a)).collect();
            (label, items)
        });
        for (label, items) in lists {
            if !items.is_empty() {
                self.push(Block::Paragraph(vec![Run::bold(format!("{label}:"))]));
                self.push(Block::BulletList(items));
            }
        }
    }

    fn cluster_arguments(&mut self, scenario: &Scenario) {
        let items: Vec<Vec<Run>> = self
            .visible_arguments()
            .filter_map(|a| match a.subject {
                Subject::ClusterScenario {
                    cluster,
                    scenario: s,
                } if s == scenario.id => {
                    let mut runs = vec![
                        Run::bold(one_line(&self.ws.cluster_name(cluster))),
                        Run::plain(format!(" ({}): ", a.polarity.dutch())),
                    ];
                    runs.extend(self.argument_runs(a));
                    Some(runs)
                }
                _ => None,
            })
            .collect();
        if !items.is_empty() {
            self.push(Block::Paragraph(vec![Run::bold(format!(
                "Clusterspecifieke argumenten {}:",
                scenario.label()
            ))]));
            self.push(Block::BulletList(items));
        }
    }

    fn stances_on(&mut self, scenario: &Scenario) {
        let lines: Vec<Vec<Run>> = self
            .received_bodies()
            .iter()
            .map(|body| {
                let stance = body.advice.stance_on(scenario.id);
                let given = body
                    .advice
                    .stances
                    .iter()
                    .find(|s| s.scenario == scenario.id);
                let quote = given.map(|s| one_line(&s.quote)).unwrap_or_default();
                let mut runs = vec![
                    Run::bold(one_line(&body.short_name)),
                    Run::plain(format!(": {}", stance.dutch())),
                ];
                if !quote.is_empty() {
                    runs.push(Run::plain(" \u{2013} "));
                    runs.push(Run::italic(format!("\u{201c}{quote}\u{201d}")));
                }
                runs.extend(
                    given
                        .and_then(|s| citation::stance_note(body, s))
                        .map(Run::footnote),
                );
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
