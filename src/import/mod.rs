//! Reading an advice document (PDF, DOCX, plain text, Markdown, HTML) into passages
//! with their place in the original: a PDF's pages as the reader numbers them, a Word
//! document's paragraphs under their list numbers, headings, table rows and footnotes.
//!
//! The reading is done by well-kept libraries (pdf-extract on lopdf for PDF; the DOCX
//! parts are XML read with roxmltree); this module only shapes what they give into
//! [`ImportedText`] and turns every way a file can be unreadable into a Dutch
//! [`ImportError`] that names the file. Nothing here writes anything: a failed import
//! changes nothing.

pub mod attach;
mod docx;
mod pdf;
mod plain;

use std::path::Path;

pub use attach::{AttachError, attach, find_body};

use jiff::civil::Date;
use sha2::{Digest, Sha256};

/// The largest document read, in bytes: the longest advice is a few hundred pages of
/// text, far below this; a larger file is refused before it is read.
pub(crate) const MAX_DOCUMENT_BYTES: u64 = 100 * 1024 * 1024;

pub use crate::model::sources::{Locator, PassageKind, SourceFormat, SourcePassage as Passage};

/// A document as read, before it becomes part of a workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedText {
    /// The file's name without its folder.
    pub file_name: String,
    /// SHA-256 of the original bytes, lower-case hex: the same document imported twice
    /// is recognised by it.
    pub sha256: String,
    pub format: SourceFormat,
    /// The title the document gives itself (PDF or DOCX properties, else its first
    /// heading), if any.
    pub title: Option<String>,
    /// The date the document states at its start ("Brussel, 6 mei 2024"), if any. Not
    /// the file's creation date: a PDF made today from a May advice says today.
    pub date: Option<Date>,
    pub passages: Vec<Passage>,
}

impl ImportedText {
    /// How many pages a PDF has (the highest page with a passage); `None` for others.
    pub fn pages(&self) -> Option<u32> {
        self.passages
            .iter()
            .filter_map(|p| match p.locator {
                Locator::Page(n) => Some(n),
                _ => None,
            })
            .max()
    }
}

/// Why a document could not be read. Every message names the file and says what to do.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ImportError {
    #[error("{file} is {megabytes} MB groot; Clusterwerkbank leest adviezen tot {limit} MB. Is het het juiste bestand?", limit = MAX_DOCUMENT_BYTES / (1024 * 1024))]
    TooLarge { file: String, megabytes: u64 },
    #[error("{file} kon niet gelezen worden: {reason}.")]
    Unreadable { file: String, reason: String },
    #[error(
        "{file} bevat geen tekst; is het gescand? Laat er eerst tekstherkenning (OCR) op lopen en importeer dan het resultaat."
    )]
    NoText { file: String },
    #[error(
        "{file} is beveiligd met een wachtwoord. Open het, bewaar het zonder beveiliging en importeer die kopie."
    )]
    Encrypted { file: String },
    #[error(
        "{file} is geen leesbare PDF (is het beschadigd?). Open het in een PDF-lezer en bewaar het opnieuw als PDF, of importeer de Word-versie. Technische melding van de PDF-lezer: {detail}."
    )]
    DamagedPdf { file: String, detail: String },
    #[error(
        "{file} is geen Word-document (.docx): het is geen ZIP-bestand. Is het een oud .doc-bestand? Bewaar het dan in Word als .docx."
    )]
    NotZip { file: String },
    #[error("{file} is geen geldig Word-document: {detail}.")]
    DamagedDocx { file: String, detail: String },
    #[error(
        "{file}: Clusterwerkbank leest PDF, Word (.docx), tekst (.txt), Markdown (.md) en webpagina's (.html)."
    )]
    UnknownFormat { file: String },
}

/// Reads the document at `path`: refuses a file over [`MAX_DOCUMENT_BYTES`] before
/// reading it, then [`read`]s its bytes.
pub fn read_file(path: &Path) -> Result<ImportedText, ImportError> {
    let file = file_name(path);
    let unreadable = |e: std::io::Error| ImportError::Unreadable {
        file: file.clone(),
        reason: crate::store::file::io_reason(&e),
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_DOCUMENT_BYTES {
        return Err(ImportError::TooLarge {
            file,
            megabytes: size.div_ceil(1024 * 1024),
        });
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    read(&file, &bytes)
}

/// Reads a document's bytes; `file_name` decides the format together with the bytes
/// themselves (a PDF is recognised by its header whatever it is called).
pub fn read(file_name: &str, bytes: &[u8]) -> Result<ImportedText, ImportError> {
    let file = file_name.to_owned();
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_DOCUMENT_BYTES {
        return Err(ImportError::TooLarge {
            file,
            megabytes: u64::try_from(bytes.len()).unwrap_or(u64::MAX) / (1024 * 1024),
        });
    }
    let extension = Path::new(file_name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let format = if bytes.starts_with(b"%PDF-") || extension == "pdf" {
        SourceFormat::Pdf
    } else {
        match extension.as_str() {
            "docx" => SourceFormat::Docx,
            "txt" | "text" => SourceFormat::Text,
            "md" | "markdown" => SourceFormat::Markdown,
            "html" | "htm" | "xhtml" => SourceFormat::Html,
            _ if bytes.starts_with(b"PK\x03\x04") => SourceFormat::Docx,
            _ => return Err(ImportError::UnknownFormat { file }),
        }
    };
    let read = match format {
        SourceFormat::Pdf => pdf::read(&file, bytes)?,
        SourceFormat::Docx => docx::read(&file, bytes)?,
        SourceFormat::Text => plain::read_text(&file, bytes),
        SourceFormat::Markdown => plain::read_markdown(&file, bytes),
        SourceFormat::Html => plain::read_html(&file, bytes),
    };
    if read.passages.iter().all(|p| p.text.trim().is_empty()) {
        return Err(ImportError::NoText { file });
    }
    let title = read.title.or_else(|| {
        read.passages
            .iter()
            .find(|p| matches!(p.kind, PassageKind::Heading(_)))
            .map(|p| p.text.clone())
    });
    Ok(ImportedText {
        file_name: file,
        sha256: sha256_hex(bytes),
        format,
        title,
        date: stated_date(&read.passages),
        passages: read.passages,
    })
}

/// The first date the start of the document states: "6 mei 2024", "06-05-2024" or
/// "6/5/2024", in the first three passages.
fn stated_date(passages: &[Passage]) -> Option<Date> {
    use crate::model::text::DUTCH_MONTHS as MONTHS;
    let text: String = passages
        .iter()
        .take(3)
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, word) in words.iter().enumerate() {
        let number = |s: &str| s.trim_end_matches('.').parse::<i16>().ok();
        // "6 mei 2024"
        if let (Some(day), Some(month), Some(year)) = (
            number(word),
            words.get(i + 1).and_then(|m| {
                MONTHS
                    .iter()
                    .position(|name| m.eq_ignore_ascii_case(name))
                    .and_then(|p| i8::try_from(p + 1).ok())
            }),
            words.get(i + 2).and_then(|y| number(y)),
        ) && let Ok(day) = i8::try_from(day)
            && (1900..=2200).contains(&year)
            && let Ok(date) = Date::new(year, month, day)
        {
            return Some(date);
        }
        // "06-05-2024", "6/5/2024"
        let parts: Vec<&str> = word.trim_end_matches('.').split(['-', '/']).collect();
        if let [d, m, y] = parts.as_slice()
            && y.len() == 4
            && let (Ok(day), Ok(month), Ok(year)) =
                (d.parse::<i8>(), m.parse::<i8>(), y.parse::<i16>())
            && (1900..=2200).contains(&year)
            && let Ok(date) = Date::new(year, month, day)
        {
            return Some(date);
        }
    }
    None
}

/// What a format reader gives back.
struct Read {
    title: Option<String>,
    passages: Vec<Passage>,
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// SHA-256 of `bytes` as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A passage's text made clean: breaks as LF (every kind), soft hyphens gone,
/// whitespace runs inside a line made one space, blank-line runs made one, and no
/// control characters. Returns `None` for text that is empty after that.
fn tidy(text: &str) -> Option<String> {
    let text: String = crate::model::text::normalise_breaks(text)
        .chars()
        .filter(|c| *c != '\u{ad}' && (!c.is_control() || matches!(c, '\t' | '\n')))
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut blank_lines = 0;
    for line in text.split('\n') {
        let words: Vec<&str> = line
            .split(|c: char| c.is_whitespace() && c != '\u{a0}')
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            blank_lines += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_lines > 0 { "\n\n" } else { "\n" });
        }
        blank_lines = 0;
        for (i, word) in words.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    (!out.trim().is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_text_keeps_words_and_paragraphs() {
        assert_eq!(
            tidy("  Een   zin\r\nmet af\u{ad}breking\n\n\n\nNieuwe  alinea \u{7}").as_deref(),
            Some("Een zin\nmet afbreking\n\nNieuwe alinea")
        );
        assert_eq!(tidy(" \n\t \n"), None);
        assert_eq!(tidy("€\u{a0}650.000").as_deref(), Some("€\u{a0}650.000"));
    }

    #[test]
    fn formats_are_recognised_and_unknown_ones_refused() {
        let text = read(
            "advies.txt",
            "SERV-advies\n\nWij steunen scenario 3.".as_bytes(),
        )
        .expect("text reads");
        assert_eq!(text.format, SourceFormat::Text);
        assert_eq!(text.passages.len(), 2);
        assert_eq!(text.sha256.len(), 64);
        assert_eq!(
            read("advies.docx", b"Dit is geen zip"),
            Err(ImportError::NotZip {
                file: "advies.docx".into()
            })
        );
        assert_eq!(
            read("foto.jpg", b"\xff\xd8\xff"),
            Err(ImportError::UnknownFormat {
                file: "foto.jpg".into()
            })
        );
        assert_eq!(
            read("leeg.txt", b"  \n\n "),
            Err(ImportError::NoText {
                file: "leeg.txt".into()
            })
        );
    }

    #[test]
    fn the_advice_date_is_the_one_its_text_states() {
        let read = |text: &str| super::read("a.txt", text.as_bytes()).expect("reads").date;
        assert_eq!(
            read("VARIO-advies 36\n\nBrussel, 6 mei 2024\n\nTekst."),
            Some(jiff::civil::date(2024, 5, 6))
        );
        assert_eq!(
            read("Datum: 31-05-2024. Advies."),
            Some(jiff::civil::date(2024, 5, 31))
        );
        assert_eq!(read("Geen datum hier, wel 12 punten."), None);
        assert_eq!(read("31 februari 2024 bestaat niet"), None);
    }

    #[test]
    fn the_checksum_is_sha256() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
