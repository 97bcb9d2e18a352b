//! Section "Adviezen": per body its advice; the overview of stances is the consensus
//! chart that closes the section (the stances with quotes stand under each scenario).

use super::super::document::{Block, Run, Table, flemish_date, one_line};
use super::{Builder, NO_ADVICE, NO_ADVICE_FROM_BODY};

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
            if !ws.advice_received(body) {
                self.sober(NO_ADVICE_FROM_BODY);
                continue;
            }
            if let Some(date) = advice.received {
                self.labelled("Datum", &flemish_date(date));
            }
            self.labelled("Referentie", &advice.reference);
            let documents: Vec<String> = (ws.documents.iter())
                .filter(|d| d.body == body.id)
                .map(|d| one_line(&d.file_name))
                .collect();
            self.labelled("Adviestekst", &documents.join(", "));
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
            if !rows.is_empty() && !self.scenarios_shown {
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
        // One overview: the consensus chart and its table close this section.
        self.push(Block::paragraph(if self.scenarios_shown {
            "De standpunten met hun citaten staan bij elk scenario in het deel over de scenario\u{2019}s; het overzicht per scenario volgt hieronder."
        } else {
            "Het overzicht van de standpunten per scenario volgt hieronder."
        }));
    }
}
