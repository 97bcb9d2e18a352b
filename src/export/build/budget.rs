//! Section "Budgettaire impact": structural funding per year against today, from the
//! one definition in [`crate::model::funding`]. What is not known is said, left out of
//! the totals, and never compared.

use std::collections::HashSet;

use crate::model::Euro;
use crate::model::funding::{budget_per_year, todays_funding};

use super::super::document::{Block, Table, one_line};
use super::{Builder, counted, dutch_list};

impl Builder<'_> {
    pub(super) fn budget(&mut self) {
        let ws = self.ws;
        let meta = &ws.meta;
        let chart = budget_per_year(ws);
        // Today's funding only when the consultation sets a cap and a number.
        let today =
            todays_funding(meta).filter(|_| meta.funded_today > 0 && meta.funding_cap > Euro(0));
        let reference = if meta.funded_today == 0 || meta.funding_cap <= Euro(0) {
            None
        } else {
            Some(match today {
                Some(today) => format!(
                    "{} \u{d7} {} = {}",
                    meta.funded_today,
                    meta.funding_cap.flemish(),
                    today.flemish()
                ),
                None => format!(
                    "{} \u{d7} {} (een bedrag dat te groot is om te berekenen; controleer de velden)",
                    meta.funded_today,
                    meta.funding_cap.flemish()
                ),
            })
        };
        if ws.clusters.is_empty() {
            self.sober(&format!(
                "Er zijn nog geen {} opgenomen.",
                meta.clusters_word()
            ));
            return;
        }
        if !ws.assignments.iter().any(|a| a.budget.is_some()) {
            self.sober(
                "Nog geen jaarbudgetten bij de toewijzingen; de tabel toont alleen de lopende termijnen.",
            );
        }
        // From today's year on: the section is about what changes, and the years
        // before are history the table would only repeat.
        let mut intro = format!(
            "Structurele financiering per jaar vanaf {}: tijdens de lopende termijn het maximumbedrag van elke {}, daarna de jaarbudgetten van haar toewijzingen",
            chart.today,
            meta.cluster_word()
        );
        match &reference {
            Some(reference) => {
                intro.push_str(&format!("; tegenover vandaag {reference} per jaar."))
            }
            None => intro.push('.'),
        }
        self.push(Block::paragraph(intro));
        self.undetermined_budgets();
        let unknown_start: Vec<String> = chart
            .unknown_current_funding
            .iter()
            .filter(|id| {
                chart
                    .clusters
                    .iter()
                    .any(|c| c.cluster == **id && c.amounts.contains(&None))
            })
            .filter_map(|id| ws.cluster(*id))
            .filter(|c| c.start_year.is_none())
            .map(|c| one_line(&c.name))
            .collect();
        if !unknown_start.is_empty() {
            self.push(Block::paragraph(format!(
                "Van {} is het startjaar niet bekend: {} telt mee in het jaar van vandaag ({}), in de andere jaren zonder jaarbudget is de financiering niet bekend.",
                dutch_list(&unknown_start),
                if unknown_start.len() == 1 { "die cluster" } else { "elk" },
                chart.today
            )));
        }
        let total_clusters = ws.clusters.len();
        let any_unknown = chart.unknown.iter().any(|u| *u > 0);
        let rows: Vec<Vec<String>> = (0..chart.years.len())
            .filter_map(|i| {
                let year = chart.years.get(i).filter(|y| **y >= chart.today)?;
                let total = chart.totals.get(i).copied().unwrap_or(Euro(0));
                let unknown = chart.unknown.get(i).copied().unwrap_or(0);
                if total == Euro(0) {
                    return None;
                }
                let covered = chart.covered.get(i).copied().unwrap_or(0);
                let mut row = vec![year.to_string(), total.flemish()];
                if any_unknown {
                    row.push(format!("{covered} van {total_clusters}"));
                }
                if let Some(today) = today {
                    // A difference only where every cluster's amount is known: with
                    // one missing the sum is too low, and a "saving" would be a
                    // conclusion drawn from missing data.
                    row.push(
                        (unknown == 0)
                            .then(|| total.amount().checked_sub(today.amount()))
                            .flatten()
                            .map_or_else(|| "\u{2013}".to_owned(), |d| Euro(d).flemish()),
                    );
                }
                Some(row)
            })
            .collect();
        if rows.is_empty() {
            return;
        }
        let mut header = vec!["Jaar".to_owned(), "Structureel".to_owned()];
        if any_unknown {
            header.push(format!("Meegeteld ({})", meta.clusters_word()));
        }
        if let Some(today) = today {
            header.push(format!("Verschil met vandaag ({})", today.flemish()));
            self.push(Block::paragraph(format!(
                "\u{201c}Verschil met vandaag\u{201d} is het structurele bedrag van dat jaar min de financiering vandaag ({}); het staat er alleen waar het bedrag van elke {} bekend is.",
                today.flemish(),
                meta.cluster_word()
            )));
        }
        self.push(Block::Table(Table {
            caption: Some("Budgettaire impact per jaar".to_owned()),
            header,
            rows,
        }));
    }

    /// Clusters under a funded scenario (one where some assignment has a yearly budget)
    /// without a budget of their own: "budget nog niet bepaald", not € 0.
    fn undetermined_budgets(&mut self) {
        let ws = self.ws;
        let funded: HashSet<_> = ws
            .assignments
            .iter()
            .filter(|a| a.budget.is_some())
            .map(|a| a.scenario)
            .collect();
        let lines: Vec<String> = ws
            .assignments
            .iter()
            .filter(|a| a.budget.is_none() && funded.contains(&a.scenario))
            .map(|a| {
                format!(
                    "{} ({})",
                    one_line(&ws.cluster_name(a.cluster)),
                    one_line(&ws.scenario_label(a.scenario))
                )
            })
            .collect();
        if !lines.is_empty() {
            self.push(Block::paragraph(format!(
                "Budget nog niet bepaald voor {}: {}. Na hun lopende termijn tellen zij niet mee in de totalen.",
                counted(lines.len(), "toewijzing", "toewijzingen"),
                dutch_list(&lines)
            )));
        }
    }
}
