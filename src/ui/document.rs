//! The communication's own fields: title lines, number, date, signatory, flags, and the
//! texts around the records (context, legal basis, questions, recommendation, timing).

use egui::{RichText, Ui};

use crate::model::Metadata;

use super::state::{Frame, Outbox};
use super::widgets::{text_block, text_line};

pub fn show(ui: &mut Ui, f: &Frame<'_>, out: &mut Outbox) {
    let t = f.t;
    let meta = &f.ws.meta;
    egui::ScrollArea::vertical()
        .id_salt("document")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            super::widgets::fit_width(ui, 900.0);
            let typed = |out: &mut Outbox, field: &'static str, change: &dyn Fn(&mut Metadata)| {
                let mut next = meta.clone();
                change(&mut next);
                out.set_meta(next, field);
            };
            if let Some(v) = text_line(ui, t.doc_title, &meta.title) {
                typed(out, "title", &|m| m.title = v.clone());
            }
            if let Some(v) = text_line(ui, t.doc_subject, &meta.subject) {
                typed(out, "subject", &|m| m.subject = v.clone());
            }
            if let Some(v) = text_line(ui, t.doc_minister, &meta.minister_title) {
                typed(out, "minister_title", &|m| m.minister_title = v.clone());
            }
            if let Some(v) = text_line(ui, t.doc_signatory, &meta.signatory) {
                typed(out, "signatory", &|m| m.signatory = v.clone());
            }
            if let Some(v) = text_line(ui, t.doc_author, &meta.author) {
                typed(out, "author", &|m| m.author = v.clone());
            }
            // Refused, not stored, when it is not of the secretariat's form; what was
            // typed stays in the field with the reason beside it.
            if let Some(v) = super::fields::document_number_field(
                ui,
                t.doc_number,
                &meta.document_number,
                f.lang,
            ) {
                typed(out, "document_number", &|m| m.document_number = v.clone());
            }
            date_field(ui, f, out);
            ui.horizontal(|ui| {
                let mut public = meta.public_version;
                if ui
                    .checkbox(&mut public, t.doc_public)
                    .on_hover_text(t.internal_hint)
                    .changed()
                {
                    out.set_meta(
                        Metadata {
                            public_version: public,
                            ..meta.clone()
                        },
                        "public_version",
                    );
                }
                let mut confidential = meta.confidential_draft;
                if ui.checkbox(&mut confidential, t.doc_confidential).changed() {
                    out.set_meta(
                        Metadata {
                            confidential_draft: confidential,
                            ..meta.clone()
                        },
                        "confidential_draft",
                    );
                }
            });
            ui.separator();
            if let Some(v) = text_block(ui, t.doc_context, &meta.context) {
                typed(out, "context", &|m| m.context = v.clone());
            }
            if let Some(v) = text_block(ui, t.doc_legal_basis, &meta.legal_basis) {
                typed(out, "legal_basis", &|m| m.legal_basis = v.clone());
            }
            // The document's terms: what it calls the clusters, and the term it names.
            if let Some(v) = text_line(ui, t.doc_cluster_term, &meta.cluster_term) {
                typed(out, "cluster_term", &|m| m.cluster_term = v.clone());
            }
            if let Some(v) = text_line(ui, t.doc_cluster_term_plural, &meta.cluster_term_plural) {
                typed(out, "cluster_term_plural", &|m| {
                    m.cluster_term_plural = v.clone()
                });
            }
            let years = |s: &str| {
                s.trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|y| (1..=100).contains(y))
            };
            if let Some(v) = super::widgets::optional_number(
                ui,
                t.doc_term_years,
                meta.term_years.map(i64::from),
                years,
                |n| n.to_string(),
                t.invalid_number,
            ) {
                typed(out, "term_years", &|m| {
                    m.term_years = v.and_then(|n| u32::try_from(n).ok())
                });
            }
            if let Some(v) = text_line(ui, t.doc_term_basis, &meta.term_basis) {
                typed(out, "term_basis", &|m| m.term_basis = v.clone());
            }
            ui.label(RichText::new(t.doc_questions).strong());
            for (i, question) in meta.advice_questions.iter().enumerate() {
                let label = format!("{} {}", t.doc_question, i + 1);
                if let Some(v) = text_block(ui, &label, question) {
                    let mut next = meta.clone();
                    if let Some(q) = next.advice_questions.get_mut(i) {
                        *q = v;
                    }
                    out.set_meta(next, "advice_questions");
                }
            }
            if ui.button(t.doc_add_question).clicked() {
                let mut next = meta.clone();
                next.advice_questions.push(String::new());
                out.set_meta(next, "advice_questions");
            }
            if let Some(v) = text_block(ui, t.doc_overall, &meta.overall_recommendation) {
                typed(out, "overall_recommendation", &|m| {
                    m.overall_recommendation = v.clone()
                });
            }
            if let Some(v) = text_block(ui, t.doc_timing, &meta.timing) {
                typed(out, "timing", &|m| m.timing = v.clone());
            }
            if let Some(v) = text_block(ui, t.doc_closing, &meta.closing) {
                typed(out, "closing", &|m| m.closing = v.clone());
            }
        });
}

fn date_field(ui: &mut Ui, f: &Frame<'_>, out: &mut Outbox) {
    let meta = &f.ws.meta;
    if let Some(date) =
        super::widgets::date_field(ui, "document-date", f.t.doc_date, meta.date, f.lang)
    {
        out.set_meta(
            Metadata {
                date,
                ..meta.clone()
            },
            "date",
        );
    }
}
