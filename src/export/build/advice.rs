//! Section "Adviezen": per body its advice, then the overview of stances.

use super::super::document::{Block, Run, Table, flemish_date, one_line};
use super::{Builder, NO_ADVICE};

impl Builder<'_> {
    pub(super) fn advice(&mut self) {
        let ws = self.ws;
        let received = self.received_bodies();
        if received.is_empty() {
            self.sober(NO_ADVICE);
            if !ws.bodies.is_empty() {
                self.push(Block::paragraph("Advies werd gevraagd aan:"));
                let items = ws
                    .bodies
                    .iter()
                    .map(|b| vec![Run::plain(self.body_label(&b.short_name, &b.full_name))])
                    .collect();
                self.push(Block::BulletList(items));
            }
            return;
        }
        for (i, body) in ws.bodies.iter().enumerate() {
            self.heading2(i + 1, &self.body_label(&body.short_name, &body.full_name));
            let advice = &body.advice;
            if !advice.is_received() {
                self.sober("Nog geen advies ontvangen.");
                continue;
            }
            if let Some(date) = advice.received {
                self.labelled("Datum", &flemish_date(date));
            }
            self.labelled("Referentie", &advice.reference);
            self.text(&advice.summary);
            let rows: Vec<Vec<String>> = ws
                .scenarios
                .iter()
                .map(|s| {
                    let quote = advice
                        .stances
                        .iter()
                        .find(|st| st.scenario == s.id)
                        .map(|st| one_line(&st.quote))
                        .unwrap_or_default();
                    vec![
                        one_line(&s.label()),
                        advice.stance_on(s.id).dutch().to_owned(),
                        quote,
                    ]
                })
                .collect();
            if !rows.is_empty() {
                self.push(Block::Table(Table {
                    caption: Some(format!("Standpunten {}", one_line(&body.short_name))),
                    header: vec![
                        "Scenario".to_owned(),
                        "Standpunt".to_owned(),
                        "Citaat".to_owned(),
                    ],
                    rows,
                }));
            }
        }
        self.heading3("Overzicht");
        let mut header = vec!["Adviesorgaan".to_owned()];
        header.extend(ws.scenarios.iter().map(|s| one_line(&s.label())));
        let rows = ws
            .bodies
            .iter()
            .map(|b| {
                let mut row = vec![one_line(&b.short_name)];
                row.extend(ws.scenarios.iter().map(|s| {
                    if b.advice.is_received() {
                        b.advice.stance_on(s.id).dutch().to_owned()
                    } else {
                        "nog geen advies".to_owned()
                    }
                }));
                row
            })
            .collect();
        self.push(Block::Table(Table {
            caption: Some("Standpunten van de adviesorganen per scenario".to_owned()),
            header,
            rows,
        }));
    }
}
