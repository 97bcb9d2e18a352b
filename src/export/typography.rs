//! Flemish government typography, applied once to the whole [`Document`] so every
//! writer and the preview get it: a no-break space (U+00A0) ties "€ 650.000",
//! "artikel 27" and "p. 7" together, in generated sentences, in tables and in what a
//! person typed alike. Writers keep the character (the text writer wraps only at
//! breakable spaces, the PDF sets it as a no-break space).

use super::document::{Block, Document, Run};

/// The no-break space.
pub(crate) const NBSP: char = '\u{a0}';

/// Words that belong with the number after them ("€ 650.000", "artikel 27",
/// "art. 27", "p. 7", "pp. 7", "nr. 3"), compared without regard to (ASCII) case.
const TIED_BEFORE_NUMBER: [&str; 6] = ["€", "artikel", "art.", "p.", "pp.", "nr."];

/// `text` with the space between a tied word and the number after it made a no-break
/// space. Everything else stays as it is.
pub fn tie(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Copied in slices between the spaces that are tied: only a space before a digit
    // can be, and most texts have none (a large export ties tens of thousands).
    let mut copied = 0;
    for (i, pair) in text.as_bytes().windows(2).enumerate() {
        if !matches!(pair, [b' ', d] if d.is_ascii_digit()) {
            continue;
        }
        // The word before the space, from the last whitespace on; "(p. 7)", "-€ 1.200":
        // punctuation before it does not count. The tied words are ASCII but for "€",
        // which has no case.
        let before = text.get(..i).unwrap_or("");
        let word = before
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '€');
        if TIED_BEFORE_NUMBER
            .iter()
            .any(|t| word.eq_ignore_ascii_case(t))
        {
            out.push_str(text.get(copied..i).unwrap_or(""));
            out.push(NBSP);
            copied = i + 1;
        }
    }
    out.push_str(text.get(copied..).unwrap_or(""));
    out
}

fn tie_runs(runs: &mut [Run]) {
    for run in runs {
        run.text = tie(&run.text);
    }
}

fn tie_cells(cells: &mut [String]) {
    for cell in cells {
        *cell = tie(cell);
    }
}

/// Ties every text of the document: titles, headings, runs (footnotes included),
/// table captions and cells, chart captions and tables. The SVG pictures are left
/// alone: their text does not wrap.
pub(crate) fn tie_document(doc: &mut Document) {
    for block in &mut doc.blocks {
        match block {
            Block::Title(text) | Block::Heading { text, .. } => *text = tie(text),
            Block::Paragraph(runs) | Block::Note(runs) => tie_runs(runs),
            Block::BulletList(items) => items.iter_mut().for_each(|runs| tie_runs(runs)),
            Block::Table(table) => {
                table.caption = table.caption.as_deref().map(tie);
                tie_cells(&mut table.header);
                table.rows.iter_mut().for_each(|row| tie_cells(row));
            }
            Block::Signature { .. } => {}
            Block::Chart(chart) => {
                chart.table.caption = chart.table.caption.as_deref().map(tie);
                tie_cells(&mut chart.table.header);
                chart.table.rows.iter_mut().for_each(|row| tie_cells(row));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_articles_and_pages_are_tied() {
        assert_eq!(
            tie("maximaal € 650.000 per jaar"),
            "maximaal €\u{a0}650.000 per jaar"
        );
        assert_eq!(tie("-€ 1.200"), "-€\u{a0}1.200");
        assert_eq!(tie("artikel 27 AGVV"), "artikel\u{a0}27 AGVV");
        assert_eq!(tie("Artikel 27"), "Artikel\u{a0}27");
        assert_eq!(tie("(advies 36, p. 7)"), "(advies 36, p.\u{a0}7)");
        assert_eq!(tie("pp. 7–9 en art. 3"), "pp.\u{a0}7–9 en art.\u{a0}3");
    }

    /// The character-by-character version `tie` replaced (for speed), as the reference.
    fn reference(text: &str) -> String {
        let mut out = String::new();
        let mut word_start = 0;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c == ' ' {
                let word = text.get(word_start..i).unwrap_or("");
                let word = word
                    .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '€')
                    .to_lowercase();
                let number_follows = chars.peek().is_some_and(|(_, d)| d.is_ascii_digit());
                out.push(
                    if number_follows && TIED_BEFORE_NUMBER.contains(&word.as_str()) {
                        NBSP
                    } else {
                        ' '
                    },
                );
                word_start = i + c.len_utf8();
            } else {
                if c.is_whitespace() {
                    word_start = i + c.len_utf8();
                }
                out.push(c);
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn ties_as_the_reference_does(
            text in "([ \t\n\u{a0}]|€|ART\\.|artikel|p\\.|pp\\.|Nr\\.|\\(|-|[0-9]|[a-zé]|\u{5d0}){0,40}"
        ) {
            proptest::prop_assert_eq!(tie(&text), reference(&text));
        }
    }

    #[test]
    fn other_spaces_stay_breakable() {
        assert_eq!(tie("het artikel over p. x"), "het artikel over p. x");
        assert_eq!(tie("€ en 7"), "€ en 7");
        assert_eq!(tie("op 7 mei"), "op 7 mei");
        assert_eq!(tie(""), "");
        assert_eq!(tie("מָה € 5"), "מָה €\u{a0}5");
    }
}
