//! Section "Budgettaire impact": structural funding per year against today.

use crate::model::Euro;
use crate::model::funding::{budget_per_year, todays_funding};

use super::super::document::{Block, Table, one_line};
use super::{Builder, dutch_list};

impl Builder<'_> {
    pub(super) fn budget(&mut self) {
        let ws = self.ws;
        let reference = match todays_funding(&ws.meta) {
            Some(today) => format!(
                "{} \u{d7} {} = {}",
                ws.meta.funded_today,
                ws.meta.funding_cap.flemish(),
                today.flemish()
            ),
            None => format!(
                "{} \u{d7} {} (een bedrag dat te groot is om te berekenen; controleer de velden)",
                ws.meta.funded_today,
                ws.meta.funding_cap.flemish()
            ),
        };
        // The same figures as the budget chart and its table: one definition.
        let chart = budget_per_year(ws);
        if !ws.assignments.iter().any(|a| a.budget.is_some()) {
            self.sober(
                "Nog geen jaarbudgetten bij de toewijzingen; de tabel toont alleen de lopende termijnen.",
            );
        }
        self.push(Block::paragraph(format!(
            "Structurele financiering per jaar: tijdens de lopende termijn het maximumbedrag van elke speerpuntcluster, daarna de jaarbudgetten van haar toewijzingen; tegenover vandaag {reference} per jaar."
        )));
        let unknown: Vec<String> = chart
            .unknown_current_funding
            .iter()
            .filter_map(|id| ws.cluster(*id))
            .map(|c| one_line(&c.name))
            .collect();
        if !unknown.is_empty() {
            self.push(Block::paragraph(format!(
                "Van {} is de lopende financiering niet bekend (geen startjaar of maximumbedrag): alleen de budgetten van hun toewijzingen tellen mee, en een verschil met vandaag wordt niet berekend zolang die gegevens ontbreken.",
                dutch_list(&unknown)
            )));
        }
        let today = todays_funding(&ws.meta);
        let rows: Vec<Vec<String>> = chart
            .years
            .iter()
            .zip(&chart.totals)
            .filter(|(_, total)| **total != Euro(0))
            .map(|(year, total)| {
                // No figure where there is no honest one: a dash, explained above. With
                // clusters of unknown funding the sum is too low, and a "saving" would
                // be a conclusion drawn from missing data.
                let difference = today
                    .filter(|_| unknown.is_empty())
                    .and_then(|t| total.amount().checked_sub(t.amount()))
                    .map(Euro);
                let shown =
                    |amount: Option<Euro>| amount.map_or_else(|| "—".to_owned(), Euro::flemish);
                vec![
                    year.to_string(),
                    total.flemish(),
                    shown(today),
                    shown(difference),
                ]
            })
            .collect();
        if rows.is_empty() {
            return;
        }
        self.push(Block::Table(Table {
            caption: Some("Budgettaire impact per jaar".to_owned()),
            header: ["Jaar", "Structureel", "Vandaag", "Verschil"]
                .map(str::to_owned)
                .to_vec(),
            rows,
        }));
    }
}
