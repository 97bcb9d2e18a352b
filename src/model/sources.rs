//! Advice documents as imported into the workspace: their text, passage by passage,
//! each with its place in the original, so a citation can point at it and the text
//! travels with the file (offline, by e-mail, through a merge by id).
//!
//! Reading the files is `crate::import`'s work; this is the record it makes.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::ids::{BodyId, DocumentId};

/// What kind of file a document was.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SourceFormat {
    #[default]
    Pdf,
    Docx,
    Text,
    Markdown,
    Html,
}

impl SourceFormat {
    pub fn dutch(self) -> &'static str {
        match self {
            SourceFormat::Pdf => "PDF",
            SourceFormat::Docx => "Word-document",
            SourceFormat::Text => "tekstbestand",
            SourceFormat::Markdown => "Markdown-bestand",
            SourceFormat::Html => "webpagina",
        }
    }
}

/// Where a passage is in the original, as a citation names it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locator {
    /// A PDF page, as the file numbers its pages (1 is the first).
    Page(u32),
    /// A numbered paragraph of a Word document, by the number Word shows ("12", "3.2").
    Numbered(String),
    /// An unnumbered paragraph, by its place among the document's paragraphs.
    Paragraph(u32),
    /// A row of a table (both from 1).
    TableRow { table: u32, row: u32 },
    /// A footnote, by its number in the document.
    Footnote(u32),
}

impl Locator {
    /// As a citation writes it: "p. 7", "punt 3.2", "alinea 17", "tabel 2, rij 3",
    /// "voetnoot 4", with no-break spaces as government typography wants them.
    pub fn dutch(&self) -> String {
        match self {
            Locator::Page(n) => format!("p.\u{a0}{n}"),
            Locator::Numbered(label) => format!("punt\u{a0}{label}"),
            Locator::Paragraph(n) => format!("alinea\u{a0}{n}"),
            Locator::TableRow { table, row } => format!("tabel\u{a0}{table}, rij\u{a0}{row}"),
            Locator::Footnote(n) => format!("voetnoot\u{a0}{n}"),
        }
    }
}

/// What a passage is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PassageKind {
    /// Running text: a PDF page, a paragraph.
    Body,
    /// A heading of level 1 to 6.
    Heading(u8),
    /// One row of a table, its cells separated by " | ".
    TableRow,
    Footnote,
}

/// A piece of a document with its place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourcePassage {
    pub locator: Locator,
    pub kind: PassageKind,
    /// The text, line breaks as LF, without soft hyphens; never empty.
    pub text: String,
}

/// Where a citation's words stand in an imported document: which passage, and which
/// characters of its text. Documents do not change after their import, so the index
/// and the range stay valid; a reader still checks them (a hand-edited file may not).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentSpot {
    pub document: DocumentId,
    /// The passage's place in [`SourceDocument::passages`], from 0.
    pub passage: u32,
    /// The quoted words as a range `start..end` of the passage's text, in characters
    /// (not bytes), `start < end`.
    pub start: u32,
    pub end: u32,
}

/// An imported advice document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SourceDocument {
    #[serde(default = "DocumentId::missing")]
    pub id: DocumentId,
    /// Whose advice it is.
    pub body: BodyId,
    /// The file's name as imported, without its folder.
    pub file_name: String,
    /// SHA-256 of the original bytes, lower-case hex: a second import of the same
    /// document is recognised by it.
    pub sha256: String,
    pub format: SourceFormat,
    /// The day it was imported.
    pub imported: Option<Date>,
    /// The title the document gives itself; empty if none.
    pub title: String,
    /// The date the document gives itself, if any.
    pub date: Option<Date>,
    pub passages: Vec<SourcePassage>,
}

impl Default for SourceDocument {
    fn default() -> Self {
        Self {
            id: DocumentId::random(),
            body: BodyId::from_u128(0),
            file_name: String::new(),
            sha256: String::new(),
            format: SourceFormat::Pdf,
            imported: None,
            title: String::new(),
            date: None,
            passages: Vec::new(),
        }
    }
}

impl SourceDocument {
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
