//! PDF: the text of every page, numbered as the file numbers its pages.
//!
//! pdf-extract (on lopdf) does the reading. It has `unwrap`s on malformed files, so it
//! runs behind `catch_unwind`: a file it cannot handle is an error for the person, not
//! a crash of the window.

use super::{ImportError, Locator, Passage, PassageKind, Read, tidy};

pub(super) fn read(file: &str, bytes: &[u8]) -> Result<Read, ImportError> {
    let damaged = |detail: String| ImportError::DamagedPdf {
        file: file.to_owned(),
        detail,
    };
    let outcome = std::panic::catch_unwind(|| read_pages(bytes));
    let (pages, info) = match outcome {
        Ok(Ok(read)) => read,
        Ok(Err(Problem::Encrypted)) => {
            return Err(ImportError::Encrypted {
                file: file.to_owned(),
            });
        }
        Ok(Err(Problem::Damaged(detail))) => return Err(damaged(detail)),
        Err(_) => return Err(damaged("de PDF-lezer liep vast op de inhoud".to_owned())),
    };
    let passages = pages
        .into_iter()
        .filter_map(|(number, text)| {
            tidy(&drawn_hyphens(&text)).map(|text| Passage {
                locator: Locator::Page(number),
                kind: PassageKind::Body,
                text,
            })
        })
        .collect();
    Ok(Read {
        title: info.title,
        passages,
    })
}

enum Problem {
    Encrypted,
    Damaged(String),
}

#[derive(Default)]
struct Info {
    title: Option<String>,
}

/// Every page's text by its page number (1 for the first page of the file).
fn read_pages(bytes: &[u8]) -> Result<(Vec<(u32, String)>, Info), Problem> {
    let mut doc =
        pdf_extract::Document::load_mem(bytes).map_err(|e| Problem::Damaged(e.to_string()))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        // Only a file that opens without a password is read; the empty user password
        // is what "protected against editing" PDFs use.
        return Err(Problem::Encrypted);
    }
    let info = info(&doc);
    let mut pages = Vec::new();
    for number in doc.get_pages().keys().copied() {
        let mut text = String::new();
        let mut output = pdf_extract::PlainTextOutput::new(&mut text);
        pdf_extract::output_doc_page(&doc, &mut output, number)
            .map_err(|e| Problem::Damaged(format!("pagina {number}: {e}")))?;
        pages.push((number, text));
    }
    Ok((pages, info))
}

/// The document information dictionary's title, if readable. Its dates are the
/// file's, not the advice's, and are not read.
fn info(doc: &pdf_extract::Document) -> Info {
    let Ok(info) = doc
        .trailer
        .get(b"Info")
        .and_then(|o| o.as_reference())
        .and_then(|id| doc.get_dictionary(id))
    else {
        return Info::default();
    };
    let text = |key: &[u8]| -> Option<String> {
        let object = info.get(key).ok()?;
        let bytes = object.as_str().ok()?;
        let text = decode_pdf_text(bytes);
        let text = text.trim();
        (!text.is_empty()).then(|| text.to_owned())
    };
    Info {
        title: text(b"Title"),
    }
}

/// A PDF text string: UTF-16BE with a byte-order mark, else PDFDocEncoding (which
/// agrees with Latin-1 for the letters a title uses).
fn decode_pdf_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|b| char::from(*b)).collect()
}

/// A soft hyphen (U+00AD) in a PDF's text is a hyphen that was drawn: typesetters
/// (typst among them) map their one hyphen glyph to it, both where they broke a word
/// at the end of a line and in a compound like "Sociaal-Economische". At the end of a
/// line it is the break: the word is joined again ("organisa-" + "ties" is
/// "organisaties"), as poppler does. Inside a line it is the compound's hyphen and
/// stays one. Other formats keep their soft hyphens invisible (`tidy` drops them).
fn drawn_hyphens(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{ad}' {
            out.push(c);
            continue;
        }
        // The extractor puts a space on either side of the hyphen where the glyphs'
        // positions jump; the hyphen binds to both neighbours.
        while out.ends_with([' ', '\t']) {
            out.pop();
        }
        while chars.next_if(|n| *n == ' ' || *n == '\t').is_some() {}
        match chars.peek() {
            Some('\n' | '\r') => {
                // The break: drop the hyphen, the line end and the next line's indent.
                while chars.next_if(|n| matches!(n, '\n' | '\r')).is_some() {}
                while chars.next_if(|n| *n == ' ' || *n == '\t').is_some() {}
            }
            None => {}
            Some(_) => out.push('-'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::drawn_hyphens;

    #[test]
    fn a_hyphen_at_a_line_end_joins_the_word_and_one_inside_a_line_stays() {
        assert_eq!(drawn_hyphens("organisa\u{ad}\nties"), "organisaties");
        assert_eq!(
            drawn_hyphens("maat\u{ad} \r\n  schappelijke"),
            "maatschappelijke"
        );
        assert_eq!(
            drawn_hyphens("Sociaal\u{ad}Economische Raad"),
            "Sociaal-Economische Raad"
        );
        assert_eq!(drawn_hyphens("einde\u{ad}"), "einde");
        assert_eq!(drawn_hyphens("a\n\nb"), "a\n\nb");
        // Spaces the extractor put around the hyphen.
        assert_eq!(drawn_hyphens("organisa \u{ad}\nties"), "organisaties");
        assert_eq!(
            drawn_hyphens("Sociaal \u{ad} Economische"),
            "Sociaal-Economische"
        );
    }
}
