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
            tidy(&text).map(|text| Passage {
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
