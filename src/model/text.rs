//! Line breaks as people's tools write them, made one kind.
//!
//! Texts reach a workspace from Word (a soft line break is U+000B, a page break
//! U+000C), from old Mac files (a lone CR), from Windows (CRLF), from web pages
//! (U+2028/U+2029) and from mainframe exports (NEL, U+0085). Every writer and every
//! widget understands only LF; an unknown break is dropped as a control character
//! and glues two words together. So every way in — loading a file, pasting into a
//! field, building the document — passes texts through [`normalise_breaks`].

use std::borrow::Cow;

use super::workspace::Workspace;

/// Whether `c` ends a line in some tool's convention (LF included).
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// The months as a Dutch date writes them ("31 mei 2024"): the documents write them,
/// and the import reads them.
pub const DUTCH_MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// The text with every kind of line break made LF: CRLF, a lone CR, VT (Word's soft
/// line break), NEL and U+2028 become one LF; FF (a page break) and U+2029 (the
/// paragraph separator) end a paragraph, which in our texts is a blank line.
///
/// Borrows when there is nothing to change, which is nearly always.
pub(crate) fn normalise_breaks(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_line_break(c) && c != '\n') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{b}' | '\u{85}' | '\u{2028}' => out.push('\n'),
            '\u{c}' | '\u{2029}' => out.push_str("\n\n"),
            other => out.push(other),
        }
    }
    Cow::Owned(out)
}

/// Normalises the line breaks of every text in the workspace (see
/// [`normalise_breaks`]). Each record is taken apart field by field, so a new text
/// field is a compile error here until it is considered.
pub fn normalise_workspace_breaks(ws: &mut Workspace) {
    let fix = |s: &mut String| {
        if let Cow::Owned(fixed) = normalise_breaks(s) {
            *s = fixed;
        }
    };
    let Workspace {
        meta,
        clusters,
        scenarios,
        assignments,
        arguments,
        bodies,
        themes,
        rules,
        // Imported text is kept as the document gave it (already tidied on import).
        documents: _,
        variants,
        // Conflicts hold copies of record values for review; they are shown, never
        // exported, and must keep comparing equal to what the colleague's file holds.
        conflicts: _,
    } = ws;
    let super::workspace::Metadata {
        title,
        subject,
        minister_title,
        signatory,
        document_number,
        date: _,
        author,
        public_version: _,
        confidential_draft: _,
        funding_cap: _,
        funded_today: _,
        context,
        legal_basis,
        advice_questions,
        overall_recommendation,
        timing,
        closing,
        cluster_term,
        cluster_term_plural,
        term_years: _,
        term_basis,
        chosen_variant: _,
    } = meta;
    for s in [
        cluster_term,
        cluster_term_plural,
        term_basis,
        title,
        subject,
        minister_title,
        signatory,
        document_number,
        author,
        context,
        legal_basis,
        overall_recommendation,
        timing,
        closing,
    ] {
        fix(s);
    }
    advice_questions.iter_mut().for_each(fix);
    for v in variants {
        let super::workspace::Variant {
            id: _,
            name,
            recommendation,
        } = v;
        [name, recommendation].into_iter().for_each(fix);
    }
    for c in clusters {
        let super::workspace::Cluster {
            id: _,
            name,
            domain,
            status: _,
            start_year: _,
            term_end_year: _,
            max_yearly_funding: _,
            note,
            recommendation,
        } = c;
        [name, domain, note, recommendation]
            .into_iter()
            .for_each(fix);
    }
    for s in scenarios {
        let super::workspace::Scenario {
            id: _,
            number: _,
            title,
            description,
            sub_options,
            conditions,
        } = s;
        [title, description, conditions].into_iter().for_each(fix);
        for o in sub_options {
            let super::workspace::SubOption {
                id: _,
                title,
                description,
            } = o;
            [title, description].into_iter().for_each(fix);
        }
    }
    for a in assignments {
        fix(&mut a.conditions);
    }
    for a in arguments {
        fix(&mut a.text);
        fix(&mut a.citation.quote);
        fix(&mut a.citation.passage.paragraph);
    }
    for b in bodies {
        let super::workspace::AdvisoryBody {
            id: _,
            short_name,
            full_name,
            advice,
        } = b;
        let super::workspace::Advice {
            received: _,
            reference,
            summary,
            stances,
        } = advice;
        [short_name, full_name, reference, summary]
            .into_iter()
            .for_each(fix);
        for s in stances {
            fix(&mut s.quote);
            fix(&mut s.passage.paragraph);
        }
    }
    for t in themes {
        fix(&mut t.name);
        fix(&mut t.description);
        if let Some(c) = &mut t.citation {
            fix(&mut c.citation.quote);
            fix(&mut c.citation.passage.paragraph);
        }
    }
    for r in rules {
        fix(&mut r.reason);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_break_becomes_lf() {
        assert_eq!(normalise_breaks("a\r\nb"), "a\nb");
        assert_eq!(normalise_breaks("a\rb\rc"), "a\nb\nc");
        assert_eq!(normalise_breaks("a\r\rb"), "a\n\nb");
        assert_eq!(normalise_breaks("a\u{b}b"), "a\nb");
        assert_eq!(normalise_breaks("a\u{85}b\u{2028}c"), "a\nb\nc");
        assert_eq!(normalise_breaks("a\u{c}b"), "a\n\nb");
        assert_eq!(normalise_breaks("a\u{2029}b"), "a\n\nb");
        assert!(matches!(normalise_breaks("a\nb\tc"), Cow::Borrowed(_)));
    }

    #[test]
    fn every_text_of_a_workspace_is_normalised() {
        let mut ws = Workspace::default();
        ws.meta.context = "Eerste\rTweede".into();
        ws.meta.advice_questions = vec!["Vraag\u{b}een".into()];
        ws.arguments.push(super::super::workspace::Argument {
            text: "Pro\u{2028}regel".into(),
            ..Default::default()
        });
        normalise_workspace_breaks(&mut ws);
        assert_eq!(ws.meta.context, "Eerste\nTweede");
        assert_eq!(ws.meta.advice_questions[0], "Vraag\neen");
        assert_eq!(ws.arguments[0].text, "Pro\nregel");
    }
}
