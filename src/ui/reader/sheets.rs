//! A document as the reader shows it: sheets (a PDF page each; for Word and text
//! documents a run of paragraphs), the sheet's text with where each passage starts,
//! and search over one document or all.

use std::ops::Range;

use crate::model::DocumentId;
use crate::model::sources::{Locator, SourceDocument};

/// Paragraphs per sheet of a document without pages.
const PARAGRAPHS_PER_SHEET: usize = 12;

/// Between two passages on one sheet.
const GAP: &str = "\n\n";

/// The document's sheets as ranges of its passages: consecutive passages on one PDF
/// page form one sheet; others go in runs of [`PARAGRAPHS_PER_SHEET`].
pub(crate) fn sheets(document: &SourceDocument) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let page = |i: usize| match document.passages.get(i).map(|p| &p.locator) {
        Some(Locator::Page(n)) => Some(*n),
        _ => None,
    };
    for i in 0..document.passages.len() {
        let joins = match out.last() {
            Some(last) => match (page(last.start), page(i)) {
                (Some(a), Some(b)) => a == b,
                (None, None) => last.len() < PARAGRAPHS_PER_SHEET,
                _ => false,
            },
            None => false,
        };
        match out.last_mut() {
            Some(last) if joins => last.end = i + 1,
            _ => out.push(i..i + 1),
        }
    }
    out
}

/// "p. 7" for a page, "alinea 1 – 12" (the locators of the first and last passage)
/// for a run of paragraphs.
pub(crate) fn label(document: &SourceDocument, sheet: &Range<usize>) -> String {
    let first = document
        .passages
        .get(sheet.start)
        .map(|p| p.locator.dutch());
    let last = document
        .passages
        .get(sheet.end.saturating_sub(1))
        .map(|p| p.locator.dutch());
    match (first, last) {
        (Some(a), Some(b)) if a == b => a,
        (Some(a), Some(b)) => format!("{a} – {b}"),
        _ => String::new(),
    }
}

/// The sheet's text and, for each of its passages, the character where it starts.
pub(crate) struct SheetText {
    pub document: DocumentId,
    pub sheet: usize,
    pub text: String,
    pub starts: Vec<usize>,
    pub first: usize,
}

impl SheetText {
    pub(crate) fn new(document: &SourceDocument, index: usize, sheet: Range<usize>) -> Self {
        let mut text = String::new();
        let mut starts = Vec::new();
        let mut at = 0;
        for passage in document.passages.get(sheet.clone()).unwrap_or_default() {
            if !text.is_empty() {
                text.push_str(GAP);
                at += GAP.chars().count();
            }
            starts.push(at);
            text.push_str(&passage.text);
            at += passage.text.chars().count();
        }
        Self {
            document: document.id,
            sheet: index,
            text,
            starts,
            first: sheet.start,
        }
    }

    /// A selection `a..b` of the sheet's characters as (passage index in the
    /// document, start, end) within that passage; a selection running into the next
    /// passage ends with the first one.
    pub(crate) fn to_passage(
        &self,
        a: usize,
        b: usize,
        document: &SourceDocument,
    ) -> Option<(usize, usize, usize)> {
        let (a, b) = (a.min(b), a.max(b));
        let k = self.starts.partition_point(|s| *s <= a).checked_sub(1)?;
        let start = *self.starts.get(k)?;
        let passage = self.first + k;
        let len = document.passages.get(passage)?.text.chars().count();
        Some((passage, a - start, (b - start).min(len)))
    }

    /// Where characters `start..end` of passage `passage` stand on this sheet.
    pub(crate) fn on_sheet(
        &self,
        passage: usize,
        start: usize,
        end: usize,
    ) -> Option<(usize, usize)> {
        let k = passage.checked_sub(self.first)?;
        let at = *self.starts.get(k)?;
        Some((at + start, at + end))
    }
}

/// One place where the searched words stand.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Hit {
    pub document: DocumentId,
    pub passage: usize,
    /// Characters of the passage's text.
    pub start: usize,
    pub end: usize,
    /// The words around it, on one line.
    pub context: String,
}

/// Every place `query` stands (ignoring case) in `documents`, at most `limit`.
pub(crate) fn search<'a>(
    documents: impl IntoIterator<Item = &'a SourceDocument>,
    query: &str,
    limit: usize,
) -> Vec<Hit> {
    // Case and the kind of white space do not count: a PDF breaks lines where the
    // person typing the words has a space. One character for one, so offsets hold.
    let fold = |c: char| {
        if c.is_whitespace() {
            ' '
        } else {
            c.to_lowercase().next().unwrap_or(c)
        }
    };
    let needle: Vec<char> = query.trim().chars().map(fold).collect();
    let mut hits = Vec::new();
    if needle.is_empty() {
        return hits;
    }
    for document in documents {
        for (p, passage) in document.passages.iter().enumerate() {
            let hay: Vec<char> = passage.text.chars().map(fold).collect();
            let mut i = 0;
            while i + needle.len() <= hay.len() {
                if hay.get(i..i + needle.len()) == Some(needle.as_slice()) {
                    let from = i.saturating_sub(30);
                    let to = (i + needle.len() + 30).min(hay.len());
                    let context: String = passage
                        .text
                        .chars()
                        .skip(from)
                        .take(to - from)
                        .map(|c| if c.is_whitespace() { ' ' } else { c })
                        .collect();
                    hits.push(Hit {
                        document: document.id,
                        passage: p,
                        start: i,
                        end: i + needle.len(),
                        context,
                    });
                    if hits.len() >= limit {
                        return hits;
                    }
                    i += needle.len();
                } else {
                    i += 1;
                }
            }
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sources::{PassageKind, SourcePassage};

    fn document(locators: Vec<Locator>) -> SourceDocument {
        SourceDocument {
            passages: locators
                .into_iter()
                .enumerate()
                .map(|(i, locator)| SourcePassage {
                    locator,
                    kind: PassageKind::Body,
                    text: format!("Tekst {i} met één “woord”."),
                })
                .collect(),
            ..SourceDocument::default()
        }
    }

    #[test]
    fn pages_are_sheets_and_paragraphs_come_in_runs() {
        let pdf = document(vec![Locator::Page(1), Locator::Page(2), Locator::Page(2)]);
        assert_eq!(sheets(&pdf), vec![0..1, 1..3]);
        assert_eq!(label(&pdf, &(1..3)), "p.\u{a0}2");
        let docx = document((1..=30).map(Locator::Paragraph).collect());
        assert_eq!(sheets(&docx), vec![0..12, 12..24, 24..30]);
        assert_eq!(label(&docx, &(0..12)), "alinea\u{a0}1 – alinea\u{a0}12");
    }

    #[test]
    fn a_selection_on_a_sheet_maps_to_its_passage_and_back() {
        let pdf = document(vec![Locator::Page(1), Locator::Page(2), Locator::Page(2)]);
        let sheet = SheetText::new(&pdf, 1, 1..3);
        let second = sheet.text.find("Tekst 2").unwrap();
        let a = sheet.text[..second].chars().count();
        // "Tekst 2 met één" is 15 characters; the selection runs past the passage.
        assert_eq!(sheet.to_passage(a + 6, a + 999, &pdf), Some((2, 6, 24)));
        assert_eq!(sheet.on_sheet(2, 6, 15), Some((a + 6, a + 15)));
        assert_eq!(sheet.on_sheet(0, 0, 1), None);
    }

    #[test]
    fn search_ignores_case_and_counts_characters() {
        let pdf = document(vec![Locator::Page(1), Locator::Page(2)]);
        let hits = search([&pdf], "ÉÉN “WOORD", 10);
        assert_eq!(hits.len(), 2);
        assert_eq!((hits[1].passage, hits[1].start, hits[1].end), (1, 12, 22));
        assert!(search([&pdf], "  ", 10).is_empty());
        assert_eq!(search([&pdf], "tekst", 1).len(), 1);
    }
}
