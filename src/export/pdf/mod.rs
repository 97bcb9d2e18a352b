//! PDF/A-2b typeset by typst: the `Document` becomes typst markup
//! ([`markup`]), compiled in-process against a world that holds only that markup
//! and the embedded DejaVu faces ([`world`]). Typst does the line breaking with
//! Dutch hyphenation, the bidirectional text, pagination (headings stay with what
//! follows, table headers repeat), bookmarks and the tag tree; we decide only how a
//! table fits the page ([`fit`]).
//!
//! Characters none of the faces can draw (emoji, most CJK) are printed as "?":
//! PDF/A forbids the empty `.notdef` glyph.

mod markup;
#[cfg(any(test, feature = "synth"))]
pub mod sample;
mod world;

pub use markup::str_lit;

use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::ExportError;
use super::document::Document;

pub(crate) use crate::assets::{FONT_BOLD as BOLD, FONT_ITALIC as ITALIC, FONT_REGULAR as REGULAR};

fn unreadable_font() -> ExportError {
    ExportError::Pdf("het ingebouwde lettertype is onleesbaar".to_owned())
}

/// The typst markup for a document (what [`write`] compiles); for tests and for
/// looking at what goes in.
pub fn markup(doc: &Document) -> Result<String, ExportError> {
    let metrics = super::fit::Metrics::new(REGULAR, BOLD, &[ITALIC]).ok_or_else(unreadable_font)?;
    Ok(markup::Writer::new(&metrics).document(doc))
}

/// The document date at midnight UTC, or 1-1-2000: PDF/A needs a date and the
/// same workspace must give the same bytes, so never the clock.
fn document_date(doc: &Document) -> Option<Datetime> {
    let (y, m, d) = doc
        .meta
        .date
        .map_or((2000, 1, 1), |d| (i32::from(d.year()), d.month(), d.day()));
    let month = u8::try_from(m).ok()?;
    let day = u8::try_from(d).ok()?;
    Datetime::from_ymd_hms(y, month, day, 0, 0, 0)
}

pub fn write(doc: &Document) -> Result<Vec<u8>, ExportError> {
    let markup = markup(doc)?;
    let date = document_date(doc);
    let world = world::MemoryWorld::new(markup, &[REGULAR, BOLD, ITALIC], date)
        .map_err(ExportError::Pdf)?;
    let compiled = typst::compile::<PagedDocument>(&world).output;
    let paged = compiled.map_err(|errors| diagnostics(&world, &errors))?;
    let standards = PdfStandards::new(&[PdfStandard::A_2b])
        .map_err(|e| ExportError::Pdf(format!("PDF/A-instelling: {}", e.message())))?;
    let options = PdfOptions {
        // Stable across exports of the same document, so the file identifier is too.
        ident: Smart::Custom(format!("clusterwerkbank/{}", doc.meta.title)),
        creator: Smart::Custom(Some("Clusterwerkbank".to_owned())),
        timestamp: date.map(Timestamp::new_utc),
        standards,
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&paged, &options).map_err(|errors| diagnostics(&world, &errors));
    // Typst memoises layouts across compilations; in the window that would only grow.
    typst::comemo::evict(0);
    pdf
}

/// Any typst markup as a PDF, with the program's own fonts: tests and benchmarks make
/// advice documents of known text with it ([`sample`]). Not PDF/A.
#[cfg(any(test, feature = "synth"))]
pub fn from_markup(markup: String) -> Result<Vec<u8>, ExportError> {
    let world = world::MemoryWorld::new(markup, &[REGULAR, BOLD, ITALIC], None)
        .map_err(ExportError::Pdf)?;
    let compiled = typst::compile::<PagedDocument>(&world).output;
    let paged = compiled.map_err(|errors| diagnostics(&world, &errors))?;
    let pdf = typst_pdf::pdf(&paged, &PdfOptions::default())
        .map_err(|errors| diagnostics(&world, &errors));
    typst::comemo::evict(0);
    pdf
}

/// Typst's errors in one Dutch sentence, with the bit of markup each points at so
/// a report can be traced; typst's own message is English.
fn diagnostics(world: &world::MemoryWorld, errors: &[SourceDiagnostic]) -> ExportError {
    let mut parts = Vec::new();
    for error in errors
        .iter()
        .filter(|e| e.severity == Severity::Error)
        .take(3)
    {
        let at = world
            .range(error.span)
            .and_then(|r| world.source().text().get(r))
            .map(|s| s.chars().take(60).collect::<String>());
        parts.push(match at {
            Some(at) if !at.is_empty() => format!("{} (bij \u{201c}{at}\u{201d})", error.message),
            _ => error.message.to_string(),
        });
    }
    if parts.is_empty() {
        parts.push("onbekende fout".to_owned());
    }
    ExportError::Pdf(format!("de zetmachine (typst) meldt: {}", parts.join("; ")))
}

#[cfg(test)]
mod tests;
