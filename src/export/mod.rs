//! The communication to the Flemish government, in five formats.
//!
//! [`build_document`] turns a workspace into a format-neutral [`Document`]; [`render`]
//! writes that in a [`Format`]. The window's preview walks the same `Document`.

pub mod build;
pub mod document;
pub mod docx;
pub mod html;
pub mod markdown;
pub mod pdf;
pub mod text;

use std::path::{Path, PathBuf};

pub use build::{ExportOptions, Section, build_document};
pub use document::{Block, Document, DocumentMeta, Run, RunStyle, Table};

use crate::model::Workspace;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Docx,
    Pdf,
    Html,
    Markdown,
    Text,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Self::Docx,
        Self::Pdf,
        Self::Html,
        Self::Markdown,
        Self::Text,
    ];

    /// File extension without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Docx => "docx",
            Self::Pdf => "pdf",
            Self::Html => "html",
            Self::Markdown => "md",
            Self::Text => "txt",
        }
    }

    /// For the export dialog.
    pub fn dutch(self) -> &'static str {
        match self {
            Self::Docx => "Word-document (DOCX)",
            Self::Pdf => "PDF/A (archiveerbaar)",
            Self::Html => "Webpagina (HTML)",
            Self::Markdown => "Markdown",
            Self::Text => "Platte tekst (e-mail)",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("Het Word-document kon niet worden opgebouwd: {0}.")]
    Docx(String),
    #[error("De PDF kon niet worden opgebouwd: {0}.")]
    Pdf(String),
    #[error("Kon de export niet wegschrijven naar {}: {reason}.", .path.display())]
    Write { path: PathBuf, reason: String },
}

/// The document in one format, as bytes. Same document, same bytes.
pub fn render(doc: &Document, format: Format) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Docx => docx::write(doc)?,
        Format::Pdf => pdf::write(doc)?,
        Format::Html => html::write(doc).into_bytes(),
        Format::Markdown => markdown::write(doc).into_bytes(),
        Format::Text => text::write(doc).into_bytes(),
    })
}

/// Builds, renders and writes atomically: the file is either the old one or complete.
pub fn export_to_file(
    ws: &Workspace,
    options: &ExportOptions,
    format: Format,
    path: &Path,
) -> Result<(), ExportError> {
    let bytes = render(&build_document(ws, options), format)?;
    crate::store::write_atomic(path, &bytes).map_err(|e| ExportError::Write {
        path: path.to_owned(),
        reason: e.reason,
    })
}
