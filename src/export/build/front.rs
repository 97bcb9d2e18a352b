//! The opening of the communication (front matter, summary, situation) and its close.

use crate::model::Euro;

use super::super::document::{Block, CONFIDENTIAL_MARK, Run, Table, flemish_date, one_line};
use super::{Builder, dutch_list, first_non_empty, paragraphs, term_ends, today_sum_phrase};

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
        let mut sentences = vec![format!(
            "Deze mededeling legt de Vlaamse Regering de toekomst van het Vlaamse clusterbeleid voor: {} scenario\u{2019}s, de adviezen daarover en een aanbeveling per speerpuntcluster.",
            ws.scenarios.len()
        )];
        if meta.funded_today > 0 {
            sentences.push(format!(
                "Vandaag worden {} speerpuntclusters gefinancierd met maximaal {} per jaar elk, {}.",
                meta.funded_today,
                meta.funding_cap.flemish(),
                today_sum_phrase(ws)
            ));
        }
        let reaching = term_ends(ws);
        if let Some((year, names)) = reaching.iter().next() {
            sentences.push(format!(
                "De termijn van tien jaar loopt als eerste af eind {year} voor {}.",
                dutch_list(names)
            ));
        }
        let received = self.received_bodies().len();
        sentences.push(if received == 0 {
            format!(
                "Advies werd gevraagd aan {} adviesorganen; er zijn nog geen adviezen ontvangen.",
                ws.bodies.len()
            )
        } else {
            format!(
                "Van de {} bevraagde adviesorganen brachten er {received} advies uit.",
                ws.bodies.len()
            )
        });
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
            self.sober("Er zijn nog geen speerpuntclusters opgenomen.");
        } else {
            self.push(Block::Table(Table {
                caption: Some("De speerpuntclusters".to_owned()),
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
        self.push(Block::paragraph(format!(
            "De financiering bedraagt maximaal {} per speerpuntcluster per jaar. Vandaag worden {} speerpuntclusters gefinancierd, {}.",
            meta.funding_cap.flemish(),
            meta.funded_today,
            today_sum_phrase(ws)
        )));
        self.text(&meta.legal_basis);
        let ends = term_ends(ws);
        if ends.is_empty() {
            self.sober(
                "Voor geen enkele cluster is het einde van de termijn van tien jaar ingevuld.",
            );
        } else {
            self.push(Block::paragraph(
                "De termijn van tien jaar (artikel 27 AGVV) wordt bereikt:",
            ));
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
}
