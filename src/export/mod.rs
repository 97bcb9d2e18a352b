//! The communication to the Flemish government, in five formats.
//!
//! [`build_document`] turns a workspace into a format-neutral [`Document`]; [`render`]
//! writes that in a [`Format`]. The window's preview walks the same `Document`.

pub mod build;
pub mod citation;
pub mod document;
pub mod docx;
pub(crate) mod fit;
pub mod html;
pub mod markdown;
pub mod pdf;
pub mod progress;
pub mod text;
pub mod typography;
pub mod xlsx;

use std::path::{Path, PathBuf};

pub use build::{ExportOptions, Section, build_document};
pub use document::{Block, Chart, Document, DocumentMeta, Run, RunStyle, Table};

use crate::model::Workspace;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Docx,
    Pdf,
    Html,
    Markdown,
    Text,
    /// The workspace's figures as a spreadsheet ([`xlsx`]), not the communication.
    Xlsx,
}

impl Format {
    /// Every format the export offers.
    pub const ALL: [Format; 6] = [
        Self::Docx,
        Self::Pdf,
        Self::Html,
        Self::Markdown,
        Self::Text,
        Self::Xlsx,
    ];

    /// The formats of the communication itself, rendered from its [`Document`].
    pub const DOCUMENTS: [Format; 5] = [
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
            Self::Xlsx => "xlsx",
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
            Self::Xlsx => "Rekenblad (XLSX)",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("Het Word-document kon niet worden opgebouwd: {0}.")]
    Docx(String),
    #[error("De PDF kon niet worden opgebouwd: {0}.")]
    Pdf(String),
    #[error("Het rekenblad kon niet worden opgebouwd: {0}.")]
    Xlsx(String),
    #[error("Kon de export niet wegschrijven naar {}: {reason}.", .path.display())]
    Write { path: PathBuf, reason: String },
    #[error("De export is geannuleerd; er is niets geschreven.")]
    Cancelled,
    #[error("{} is een Clusterwerkbank-werkruimte; een export schrijft daar nooit overheen. Kies een andere naam voor de export. Er is niets gewijzigd.", .path.display())]
    WouldReplaceWorkspace { path: PathBuf },
}

/// Charts are drawn at twice their SVG size, sharp enough for print.
const CHART_SCALE: f32 = 2.0;

/// Draws a chart as PNG with the PDF's own regular font, so DOCX shows the picture
/// the PDF draws from the same SVG. `shown(width, height)` is the factor (at most 1)
/// the picture of that SVG size is shown at; it is drawn sharp for that size.
pub(crate) fn chart_picture(
    chart: &Chart,
    shown: impl Fn(f32, f32) -> f32,
) -> Result<Vec<u8>, String> {
    crate::charts::png::svg_to_png_shown(
        &chart.svg,
        crate::assets::FONT_REGULAR,
        CHART_SCALE,
        shown,
    )
    .map(|(png, _)| png)
    .map_err(|e| format!("grafiek \u{201c}{}\u{201d}: {e}", chart.title))
}

/// Width and height of an SVG from its root element's `width` and `height`
/// (our charts always carry both, in pixels).
pub(crate) fn svg_size(svg: &str) -> Option<(f64, f64)> {
    let start = svg.find("<svg")?;
    let root = svg.get(start..)?;
    let root = root.get(..root.find('>')?)?;
    let attribute = |name: &str| -> Option<f64> {
        let at = root.find(&format!(" {name}=\""))? + name.len() + 3;
        let value = root.get(at..)?;
        let value = value.get(..value.find('"')?)?;
        let number: f64 = value.trim_end_matches("px").parse().ok()?;
        (number.is_finite() && number > 0.0).then_some(number)
    };
    Some((attribute("width")?, attribute("height")?))
}

/// The document in one of [`Format::DOCUMENTS`], as bytes. Same document, same bytes.
///
/// Errors: [`ExportError::Xlsx`] for [`Format::Xlsx`], which is made from the workspace
/// ([`export_bytes`]), not from the communication.
pub fn render(doc: &Document, format: Format) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Xlsx => {
            return Err(ExportError::Xlsx(
                "een rekenblad wordt uit de werkruimte gemaakt, niet uit de mededeling".to_owned(),
            ));
        }
        Format::Docx => docx::write(doc)?,
        Format::Pdf => pdf::write(doc)?,
        Format::Html => html::write(doc).into_bytes(),
        Format::Markdown => markdown::write(doc).into_bytes(),
        Format::Text => text::write(doc).into_bytes(),
    })
}

/// The export of `ws` in `format`, as bytes: the communication rendered from its
/// [`Document`], or the spreadsheet of the workspace's figures.
pub fn export_bytes(
    ws: &Workspace,
    options: &ExportOptions,
    format: Format,
) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Xlsx => xlsx::write(ws, options),
        _ => render(&build_document(ws, options), format),
    }
}

/// Builds, renders and writes atomically: the file is either the old one or complete.
///
/// Errors: [`ExportError::WouldReplaceWorkspace`] when `path` is an existing workspace
/// or recovery file (the open one, its input, a colleague's copy): an export never
/// replaces somebody's work, whatever the file is called.
pub fn export_to_file(
    ws: &Workspace,
    options: &ExportOptions,
    format: Format,
    path: &Path,
) -> Result<(), ExportError> {
    export_to_file_with(ws, options, format, path, &progress::Progress::new())
}

/// [`export_to_file`], telling `progress` each stage and stopping, with nothing
/// written, when it is cancelled before the file is written.
///
/// Errors: those of [`export_to_file`], and [`ExportError::Cancelled`].
pub fn export_to_file_with(
    ws: &Workspace,
    options: &ExportOptions,
    format: Format,
    path: &Path,
    progress: &progress::Progress,
) -> Result<(), ExportError> {
    use progress::Stage;
    if crate::store::is_workspace_file(path) {
        return Err(ExportError::WouldReplaceWorkspace {
            path: path.to_owned(),
        });
    }
    progress.enter(Stage::Building)?;
    let bytes = match format {
        Format::Xlsx => {
            progress.enter(Stage::Typesetting)?;
            xlsx::write(ws, options)?
        }
        _ => {
            let doc = build_document(ws, options);
            progress.enter(Stage::Typesetting)?;
            render(&doc, format)?
        }
    };
    progress.enter(Stage::Writing)?;
    progress.commit(|| {
        crate::store::write_atomic(path, &bytes).map_err(|e| ExportError::Write {
            path: path.to_owned(),
            reason: e.reason,
        })
    })
}
