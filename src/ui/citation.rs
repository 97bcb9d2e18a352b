//! The citation fields (page, paragraph, quoted words) that sit with an argument, a
//! stance's quote and a theme. Each returns the changed value; the caller puts it in
//! its record, so the change is one undoable edit like any other field.

use egui::{RichText, Ui};

use crate::model::{Citation, Passage};

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

/// Page and paragraph on one line each. `context` tells apart the fields of several
/// passages in one view; empty when there is one.
pub fn passage_fields(ui: &mut Ui, t: &Tr, context: &str, passage: &Passage) -> Option<Passage> {
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
        changed = Some(Passage {
            page: page.and_then(|n| u32::try_from(n).ok()),
            ..passage.clone()
        });
    }
    if let Some(paragraph) = text_line(
        ui,
        &label(t.citation_paragraph, context),
        &passage.paragraph,
    ) {
        changed = Some(Passage {
            paragraph,
            ..changed.unwrap_or_else(|| passage.clone())
        });
    }
    changed
}

/// A citation's heading, passage and quoted words.
pub fn citation_fields(
    ui: &mut Ui,
    t: &Tr,
    context: &str,
    citation: &Citation,
) -> Option<Citation> {
    ui.label(RichText::new(t.citation).strong());
    let mut changed = passage_fields(ui, t, context, &citation.passage).map(|passage| Citation {
        passage,
        ..citation.clone()
    });
    if let Some(quote) = text_block(ui, &label(t.citation_words, context), &citation.quote) {
        changed = Some(Citation {
            quote,
            ..changed.unwrap_or_else(|| citation.clone())
        });
    }
    changed
}
