//! Passages of imported advice documents turned into records: which words of a
//! document the workspace already cites (the reader's highlights), and the edits that
//! make a selection a pro, a contra, a stance quote or a missing theme.
//!
//! Pure: the window and the tests call the same functions.

use jiff::Timestamp;

use super::edit::{Edit, Record};
use super::ids::{ArgumentId, BodyId, DocumentId, ScenarioId, ThemeId};
use super::records::{
    Argument, Citation, Passage, Polarity, ScenarioStance, Source, Stance, Subject, Theme,
    ThemeCitation,
};
use super::sources::{DocumentSpot, Locator, SourceDocument};
use super::workspace::Workspace;

/// What a cited passage became.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MarkKind {
    Pro,
    Contra,
    Stance,
    Theme,
}

impl MarkKind {
    pub const ALL: [MarkKind; 4] = [Self::Pro, Self::Contra, Self::Stance, Self::Theme];
}

/// The record that cites a passage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkedBy {
    Argument(ArgumentId),
    /// A body's stance on a scenario.
    Stance(BodyId, ScenarioId),
    Theme(ThemeId),
}

/// One passage of a document that a record cites.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub kind: MarkKind,
    pub spot: DocumentSpot,
    pub by: MarkedBy,
}

/// Every citation into `document`, ordered by passage and then by first character,
/// so a page's marks are one contiguous run (see [`marks_on`]).
pub fn marks_in(ws: &Workspace, document: DocumentId) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut push = |kind, passage: &Passage, by| {
        if let Some(&spot) = passage.source.as_deref()
            && spot.document == document
        {
            marks.push(Mark { kind, spot, by });
        }
    };
    for a in &ws.arguments {
        let kind = match a.polarity {
            Polarity::Pro => MarkKind::Pro,
            Polarity::Contra => MarkKind::Contra,
        };
        push(kind, &a.citation.passage, MarkedBy::Argument(a.id));
    }
    for b in &ws.bodies {
        for s in &b.advice.stances {
            push(
                MarkKind::Stance,
                &s.passage,
                MarkedBy::Stance(b.id, s.scenario),
            );
        }
    }
    for t in &ws.themes {
        if let Some(c) = &t.citation {
            push(MarkKind::Theme, &c.citation.passage, MarkedBy::Theme(t.id));
        }
    }
    marks.sort_by_key(|m| (m.spot.passage, m.spot.start, m.spot.end, m.kind));
    marks
}

/// The marks of one passage, from marks sorted as [`marks_in`] sorts them.
pub fn marks_on(marks: &[Mark], passage: u32) -> &[Mark] {
    let from = marks.partition_point(|m| m.spot.passage < passage);
    let to = marks.partition_point(|m| m.spot.passage <= passage);
    marks.get(from..to).unwrap_or_default()
}

/// The citation of characters `start..end` of passage `passage` of `document`: its
/// page (PDF) or paragraph (Word, text) as the document numbers it, the words, and
/// where they stand. `None` when the range is empty, only white space, or outside the
/// passage. The quote is the selection without surrounding white space, widened to
/// whole words (a selection that ends inside "efficiëntie" quotes the word, not
/// "efficiën": a citation never puts half a word in the advice's mouth); the spot
/// follows the quote.
pub fn cite(
    document: &SourceDocument,
    passage: usize,
    start: usize,
    end: usize,
) -> Option<Citation> {
    let source = document.passages.get(passage)?;
    let (start, end) = (start.min(end), start.max(end));
    let chars: Vec<char> = source.text.chars().collect();
    let selected = chars.get(start..end)?;
    let lead = selected.iter().take_while(|c| c.is_whitespace()).count();
    let trail = selected
        .iter()
        .rev()
        .take_while(|c| c.is_whitespace())
        .count();
    if lead == selected.len() {
        return None;
    }
    let (mut start, mut end) = (start + lead, end - trail);
    let in_word = |c: &char| c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-');
    while start > 0
        && chars.get(start - 1).is_some_and(in_word)
        && chars.get(start).is_some_and(in_word)
    {
        start -= 1;
    }
    while chars.get(end).is_some_and(in_word) && end > 0 && chars.get(end - 1).is_some_and(in_word)
    {
        end += 1;
    }
    let quote: String = chars.get(start..end)?.iter().collect();
    let (page, paragraph) = match &source.locator {
        Locator::Page(n) => (Some(*n), String::new()),
        Locator::Numbered(label) => (None, label.clone()),
        Locator::Paragraph(n) => (None, n.to_string()),
        other => (None, other.dutch()),
    };
    Some(Citation {
        passage: Passage {
            page,
            paragraph,
            source: Some(Box::new(DocumentSpot {
                document: document.id,
                passage: u32::try_from(passage).ok()?,
                start: u32::try_from(start).ok()?,
                end: u32::try_from(end).ok()?,
            })),
        },
        quote,
    })
}

/// What a selection is made into, and for which scenario (and cluster under it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkAs {
    /// A pro or contra for `subject`, sourced to the document's body.
    Argument(Polarity, Subject),
    /// The body's stance quote on a scenario; the stance itself stays as it was
    /// ("niet vermeld" for a new one) for the person to choose.
    Stance(ScenarioId),
    /// A new missing theme proposed by the body.
    Theme,
}

/// The one edit that makes `citation` (from [`cite`], in `document`) a record, and
/// the new record's key for selecting it. `now` stamps a new argument. `None` when the
/// document's body is gone.
pub fn mark(
    ws: &Workspace,
    document: &SourceDocument,
    citation: Citation,
    what: MarkAs,
    now: Timestamp,
) -> Option<(Edit, MarkedBy)> {
    let body = ws.body(document.body)?;
    match what {
        MarkAs::Argument(polarity, subject) => {
            let argument = Argument {
                polarity,
                subject,
                text: citation.quote.clone(),
                source: Source::Body(body.id),
                citation,
                created: now,
                modified: now,
                ..Argument::default()
            };
            let by = MarkedBy::Argument(argument.id);
            Some((Edit::append(argument), by))
        }
        MarkAs::Stance(scenario) => {
            let mut changed = body.clone();
            let stances = &mut changed.advice.stances;
            match stances.iter_mut().find(|s| s.scenario == scenario) {
                Some(s) => {
                    s.quote = citation.quote;
                    s.passage = citation.passage;
                }
                None => stances.push(ScenarioStance {
                    scenario,
                    stance: Stance::NotStated,
                    quote: citation.quote,
                    passage: citation.passage,
                }),
            }
            Some((
                Edit::Put(Record::Body(changed)),
                MarkedBy::Stance(body.id, scenario),
            ))
        }
        MarkAs::Theme => {
            let theme = Theme {
                name: theme_name(&citation.quote),
                description: citation.quote.clone(),
                proposed_by: vec![body.id],
                citation: Some(ThemeCitation {
                    body: body.id,
                    citation,
                }),
                ..Theme::default()
            };
            let by = MarkedBy::Theme(theme.id);
            Some((Edit::append(theme), by))
        }
    }
}

/// A new theme's provisional name: the quote's first words, to be retyped.
fn theme_name(quote: &str) -> String {
    const WORDS: usize = 8;
    let words: Vec<&str> = quote.split_whitespace().collect();
    let mut name = words
        .iter()
        .take(WORDS)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if words.len() > WORDS {
        name.push('…');
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::apply;
    use crate::model::sources::{PassageKind, SourcePassage};

    fn with_document() -> (Workspace, SourceDocument) {
        let mut ws = crate::store::default_workspace();
        let body = ws.bodies[1].id;
        let page = |n: u32, text: &str| SourcePassage {
            locator: Locator::Page(n),
            kind: PassageKind::Body,
            text: text.to_owned(),
        };
        let document = SourceDocument {
            body,
            file_name: "advies.pdf".into(),
            passages: vec![
                page(1, "Inleiding."),
                page(2, "De raad vindt één cluster per domein “te smal”."),
                page(3, "Wij vragen aandacht voor de blauwe economie."),
            ],
            ..SourceDocument::default()
        };
        ws.documents.push(document.clone());
        (ws, document)
    }

    #[test]
    fn a_selection_becomes_a_cited_contra_and_is_found_as_a_mark() {
        let (mut ws, document) = with_document();
        let scenario = ws.scenarios[1].id;
        // Characters, not bytes: "één" and the curly quotes are multi-byte.
        let citation = cite(&document, 1, 7, 47).expect("cites");
        assert_eq!(citation.quote, "vindt één cluster per domein “te smal”.");
        assert_eq!(citation.passage.page, Some(2));
        let (edit, by) = mark(
            &ws,
            &document,
            citation,
            MarkAs::Argument(Polarity::Contra, Subject::Scenario(scenario)),
            Timestamp::UNIX_EPOCH,
        )
        .expect("marks");
        let before = ws.clone();
        let undo = apply(&mut ws, edit).expect("applies");
        let marks = marks_in(&ws, document.id);
        assert_eq!(marks.len(), 1);
        assert_eq!(marks[0].kind, MarkKind::Contra);
        assert_eq!(marks[0].by, by);
        assert_eq!((marks[0].spot.start, marks[0].spot.end), (8, 47));
        assert_eq!(marks_on(&marks, 1).len(), 1);
        assert!(marks_on(&marks, 0).is_empty() && marks_on(&marks, 2).is_empty());
        apply(&mut ws, undo).expect("undoes");
        assert_eq!(ws, before);
    }

    #[test]
    fn a_selection_inside_words_quotes_the_whole_words() {
        let (_, document) = with_document();
        // "agen aand" of "Wij vragen aandacht voor de blauwe economie."
        let citation = cite(&document, 2, 6, 15).expect("cites");
        assert_eq!(citation.quote, "vragen aandacht");
        let spot = citation.passage.source.as_deref().copied().expect("spot");
        assert_eq!((spot.start, spot.end), (4, 19));
        // Up to the word's end, not its full stop.
        assert_eq!(cite(&document, 2, 37, 41).expect("cites").quote, "economie");
        // Whole words stay as they are.
        assert_eq!(cite(&document, 2, 4, 10).expect("cites").quote, "vragen");
    }

    #[test]
    fn stance_and_theme_marks_carry_their_kind() {
        let (mut ws, document) = with_document();
        let scenario = ws.scenarios[0].id;
        let stance = cite(&document, 2, 0, 4).expect("cites");
        let (edit, _) = mark(
            &ws,
            &document,
            stance,
            MarkAs::Stance(scenario),
            Timestamp::UNIX_EPOCH,
        )
        .expect("marks");
        apply(&mut ws, edit).expect("applies");
        let theme = cite(&document, 2, 27, 44).expect("cites");
        assert_eq!(theme.quote, "blauwe economie.");
        let (edit, _) =
            mark(&ws, &document, theme, MarkAs::Theme, Timestamp::UNIX_EPOCH).expect("marks");
        apply(&mut ws, edit).expect("applies");
        let kinds: Vec<MarkKind> = marks_in(&ws, document.id).iter().map(|m| m.kind).collect();
        assert_eq!(kinds, vec![MarkKind::Stance, MarkKind::Theme]);
        let theme = ws.themes.last().expect("a theme");
        assert_eq!(theme.name, "blauwe economie.");
        assert_eq!(theme.proposed_by, vec![document.body]);
    }

    #[test]
    fn white_space_and_ranges_outside_the_passage_cite_nothing() {
        let (_, document) = with_document();
        assert!(cite(&document, 0, 0, 0).is_none());
        assert!(cite(&document, 1, 2, 3).is_none(), "one space");
        assert!(cite(&document, 0, 0, 400).is_none());
        assert!(cite(&document, 9, 0, 1).is_none());
        // A backwards selection (made from right to left) is the same selection.
        assert_eq!(cite(&document, 0, 9, 0), cite(&document, 0, 0, 9));
    }
}
