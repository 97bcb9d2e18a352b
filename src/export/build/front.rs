//! The opening of the communication (front matter, summary, situation) and its close.

use crate::model::Euro;

use super::super::document::{Block, CONFIDENTIAL_MARK, Run, Table, flemish_date, one_line};
use super::{
    Builder, counted, dutch_list, first_non_empty, paragraphs, term_ends, today_sum_phrase,
};

impl Builder<'_> {
    pub(super) fn front_matter(&mut self) {
        let meta = &self.ws.meta;
        if meta.confidential_draft {
            self.push(Block::Paragraph(vec![Run::bold(CONFIDENTIAL_MARK)]));
        }
        let number = one_line(&meta.document_number);
        if !number.is_empty() {
            self.push(Block::paragraph(number));
        }
        let minister = one_line(&meta.minister_title);
        if !minister.is_empty() {
            self.push(Block::Paragraph(vec![Run::bold(minister.to_uppercase())]));
        }
        self.push(Block::Title(
            "MEDEDELING AAN DE VLAAMSE REGERING".to_owned(),
        ));
        let subject = first_non_empty(&[&meta.subject, &meta.title]);
        self.labelled("Betreft", &subject);
        if let Some(date) = meta.date {
            self.labelled("Datum", &flemish_date(date));
        }
        let annexes: Vec<Vec<Run>> = self
            .ws
            .bodies
            .iter()
            .filter(|b| b.advice.received.is_some() || !b.advice.reference.trim().is_empty())
            .map(|b| {
                let mut line = format!("Advies {}", self.body_label(&b.short_name, &b.full_name));
                if let Some(date) = b.advice.received {
                    line.push_str(&format!(" van {}", flemish_date(date)));
                }
                let reference = one_line(&b.advice.reference);
                if !reference.is_empty() {
                    line.push_str(&format!(" ({reference})"));
                }
                vec![Run::plain(line)]
            })
            .collect();
        if annexes.is_empty() {
            self.push(Block::Paragraph(vec![
                Run::bold("Bijlagen:"),
                Run::plain(" geen."),
            ]));
        } else {
            self.push(Block::Paragraph(vec![Run::bold("Bijlagen:")]));
            self.push(Block::BulletList(annexes));
        }
    }

    pub(super) fn summary(&mut self) {
        let ws = self.ws;
        let meta = &ws.meta;
        // The subject names the policy; without one the sentence names none.
        let subject = one_line(&first_non_empty(&[&meta.subject, &meta.title]));
        let about = if subject.is_empty() {
            String::new()
        } else {
            format!(" over \u{201c}{subject}\u{201d}")
        };
        let mut sentences = vec![if ws.scenarios.is_empty() {
            format!("Deze mededeling{about} bevat nog geen scenario\u{2019}s.")
        } else {
            format!(
                "Deze mededeling{about} legt de Vlaamse Regering {}, de adviezen daarover en een aanbeveling per {} voor.",
                counted(ws.scenarios.len(), "scenario", "scenario\u{2019}s"),
                meta.cluster_word()
            )
        }];
        if meta.funded_today > 0 && meta.funding_cap > Euro(0) {
            sentences.push(format!(
                "{} met maximaal {} per jaar elk, {}.",
                funded_today_phrase(meta),
                meta.funding_cap.flemish(),
                today_sum_phrase(ws)
            ));
        }
        let reaching = term_ends(ws);
        if let Some((year, names)) = reaching.iter().next() {
            sentences.push(format!(
                "{} loopt als eerste af eind {year} voor {}.",
                self.term_phrase(),
                dutch_list(names)
            ));
        }
        let received = self.received_bodies().len();
        let asked = ws.bodies.len();
        if asked > 0 {
            sentences.push(if received == 0 {
                format!(
                    "Advies werd gevraagd aan {}; er zijn nog geen adviezen ontvangen.",
                    counted(asked, "adviesorgaan", "adviesorganen")
                )
            } else {
                format!(
                    "{received} van de {} bevraagde {} {} advies uit.",
                    asked,
                    if asked == 1 {
                        "adviesorgaan"
                    } else {
                        "adviesorganen"
                    },
                    if received == 1 { "bracht" } else { "brachten" }
                )
            });
        }
        self.push(Block::paragraph(sentences.join(" ")));
        let overall = paragraphs(&meta.overall_recommendation);
        if !overall.is_empty() {
            self.labelled("Aanbeveling", &overall.join(" "));
        }
    }

    pub(super) fn situation(&mut self) {
        let ws = self.ws;
        let meta = &ws.meta;
        self.text(&meta.context);

        let rows: Vec<Vec<String>> = ws
            .clusters
            .iter()
            .map(|c| {
                vec![
                    one_line(&c.name),
                    one_line(&c.domain),
                    c.status.dutch().to_owned(),
                    c.term_end_year
                        .map_or_else(|| "\u{2013}".to_owned(), |y| format!("eind {y}")),
                    c.max_yearly_funding
                        .map_or_else(|| "\u{2013}".to_owned(), Euro::flemish),
                ]
            })
            .collect();
        if rows.is_empty() {
            self.sober(&format!(
                "Er zijn nog geen {} opgenomen.",
                meta.clusters_word()
            ));
        } else {
            self.push(Block::Table(Table {
                caption: Some(format!("De {}", meta.clusters_word())),
                header: [
                    "Cluster",
                    "Domein",
                    "Status",
                    "Einde termijn",
                    "Maximum per jaar",
                ]
                .map(str::to_owned)
                .to_vec(),
                rows,
            }));
        }
        // Cap and today's funding only when the consultation sets them.
        let mut funding = Vec::new();
        if meta.funding_cap > Euro(0) {
            funding.push(format!(
                "De financiering bedraagt maximaal {} per {} per jaar.",
                meta.funding_cap.flemish(),
                meta.cluster_word()
            ));
        }
        if meta.funded_today > 0 && meta.funding_cap > Euro(0) {
            funding.push(format!(
                "{}, {}.",
                funded_today_phrase(meta),
                today_sum_phrase(ws)
            ));
        }
        if !funding.is_empty() {
            self.push(Block::paragraph(funding.join(" ")));
        }
        self.text(&meta.legal_basis);
        let ends = term_ends(ws);
        if ends.is_empty() {
            if !ws.clusters.is_empty() {
                self.sober(&format!(
                    "Voor geen enkele {} is het einde van de termijn ingevuld.",
                    meta.cluster_word()
                ));
            }
        } else {
            self.push(Block::paragraph(format!(
                "{} wordt bereikt:",
                self.term_phrase()
            )));
            let items = ends
                .iter()
                .map(|(year, names)| {
                    vec![Run::plain(format!("eind {year}: {}", dutch_list(names)))]
                })
                .collect();
            self.push(Block::BulletList(items));
        }
        let questions: Vec<Vec<Run>> = meta
            .advice_questions
            .iter()
            .map(|q| one_line(q))
            .filter(|q| !q.is_empty())
            .map(|q| vec![Run::plain(q)])
            .collect();
        if !questions.is_empty() {
            self.push(Block::paragraph("De minister vroeg advies over:"));
            self.push(Block::BulletList(questions));
        }
    }

    pub(super) fn closing(&mut self) {
        let meta = &self.ws.meta;
        self.text(&meta.closing);
        let title = one_line(&meta.minister_title);
        let name = one_line(&meta.signatory);
        if !title.is_empty() || !name.is_empty() {
            let title = if title.is_empty() || title.ends_with(',') {
                title
            } else {
                format!("{title},")
            };
            self.push(Block::Signature { title, name });
        }
    }

    /// "De termijn van 10 jaar (artikel 27 AGVV)" when the workspace sets them, else
    /// "Het einde van de termijn".
    fn term_phrase(&self) -> String {
        let meta = &self.ws.meta;
        let basis = one_line(&meta.term_basis);
        match (meta.term_years, basis.is_empty()) {
            (Some(years), true) => format!("De termijn van {years} jaar"),
            (Some(years), false) => format!("De termijn van {years} jaar ({basis})"),
            (None, false) => format!("Het einde van de termijn ({basis})"),
            (None, true) => "Het einde van de termijn".to_owned(),
        }
    }
}

/// "Vandaag worden 6 speerpuntclusters gefinancierd" (the verb agrees with the count),
/// said in the summary and in the situation.
fn funded_today_phrase(meta: &crate::model::Metadata) -> String {
    let count = usize::try_from(meta.funded_today).unwrap_or(usize::MAX);
    format!(
        "Vandaag {} {} gefinancierd",
        if count == 1 { "wordt" } else { "worden" },
        counted(count, &meta.cluster_word(), &meta.clusters_word())
    )
}
