//! The citation fields (page, paragraph, quoted words) that sit with an argument, a
//! stance's quote and a theme. Each returns the changed value and the part that
//! changed; the caller puts the value in its record as one edit, and the part keeps
//! typing in one field one undo step apart from typing in the next.

use egui::{RichText, Ui};

use crate::model::{Citation, Passage};

use super::state::{Outbox, View};
use super::text::Tr;
use super::widgets::{optional_number, text_block, text_line};

/// A label that says what it belongs to when there are several on screen:
/// "Pagina (Scenario 2)".
fn label(base: &str, context: &str) -> String {
    if context.is_empty() {
        base.to_owned()
    } else {
        format!("{base} ({context})")
    }
}

/// Page and paragraph, one line each. `context` tells apart the fields of several
/// passages in one view; empty when there is one. The part is "citation_page" or
/// "citation_paragraph".
pub(crate) fn passage_fields(
    ui: &mut Ui,
    t: &Tr,
    context: &str,
    passage: &Passage,
) -> Option<(Passage, &'static str)> {
    let mut changed = None;
    let page = optional_number(
        ui,
        &label(t.citation_page, context),
        passage.page.map(i64::from),
        |s| {
            s.trim()
                .parse::<u32>()
                .ok()
                .filter(|p| *p >= 1)
                .map(i64::from)
        },
        |n| n.to_string(),
        t.invalid_number,
    );
    if let Some(page) = page {
        let next = Passage {
            page: page.and_then(|n| u32::try_from(n).ok()),
            ..passage.clone()
        };
        changed = Some((next, "citation_page"));
    }
    if let Some(paragraph) = text_line(
        ui,
        &label(t.citation_paragraph, context),
        &passage.paragraph,
    ) {
        changed = Some((
            Passage {
                paragraph,
                ..passage.clone()
            },
            "citation_paragraph",
        ));
    }
    changed
}

/// A citation's heading, passage and quoted words. The part is one of
/// [`passage_fields`]' or "citation_quote".
pub(crate) fn citation_fields(
    ui: &mut Ui,
    t: &Tr,
    context: &str,
    citation: &Citation,
) -> Option<(Citation, &'static str)> {
    ui.label(RichText::new(t.citation).strong());
    let mut changed = passage_fields(ui, t, context, &citation.passage).map(|(passage, part)| {
        (
            Citation {
                passage,
                ..citation.clone()
            },
            part,
        )
    });
    if let Some(quote) = text_block(ui, &label(t.citation_words, context), &citation.quote) {
        changed = Some((
            Citation {
                quote,
                ..citation.clone()
            },
            "citation_quote",
        ));
    }
    changed
}

/// "Toon in de bron" for a passage taken from an imported advice document: opens the
/// *Bronteksten* reader at its page with the quoted words selected. Nothing for a
/// passage typed by hand. `context` as for [`passage_fields`].
pub(crate) fn show_in_source(
    ui: &mut Ui,
    t: &Tr,
    context: &str,
    passage: &Passage,
    out: &mut Outbox,
) {
    let Some(&spot) = passage.source.as_deref() else {
        return;
    };
    let words = super::reader::text::for_tr(t).show_in_source;
    if ui.small_button(label(words, context)).clicked() {
        super::reader::reveal(ui.ctx(), spot);
        out.view = Some(View::Sources);
    }
}
