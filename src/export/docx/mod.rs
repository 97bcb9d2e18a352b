//! Word documents (WordprocessingML, ECMA-376 transitional), written part by part.
//!
//! We write the XML ourselves rather than through a DOCX crate: docx-rs 0.4 put the
//! children of `w:pPr`/`w:rPr` out of schema order, declared a `w:type` on every
//! `w:gridCol` and had neither footnotes nor list numbering, so Word had to repair
//! its files, and patching its output after the fact meant re-ordering XML it had
//! just serialised. The parts a *mededeling* needs are few and fixed:
//!
//! - `word/document.xml` ([`body`]): paragraphs, tables, chart pictures, footnote
//!   references and the sections (a wide table goes on a turned page of its own);
//! - `word/styles.xml`, `numbering.xml`, `settings.xml`, `footnotes.xml`, header and
//!   footer, relationships, content types, core and app properties ([`parts`]).
//!
//! Every element is written in the order the schema prescribes; `openxml-audit
//! --format office2016` checks it (tests/export_docx.rs). The same document gives the
//! same bytes: ZIP entries in a fixed order, all dated at the document date.

mod body;
mod parts;
#[cfg(test)]
mod tests;

use std::io::{Cursor, Write};

use super::document::Document;
use super::{ExportError, chart_picture};

/// A4 and its margins in twentieths of a point (twips).
const A4_WIDTH: u32 = 11_906;
const A4_HEIGHT: u32 = 16_838;
const MARGIN: u32 = 1_418; // 2,5 cm

/// The text block tables must fit, upright and turned, in points.
const PAGE: super::fit::Page = super::fit::Page::a4(MARGIN as f64 / 20.0);

/// What the body refers to and the package must hold.
pub struct Package {
    /// The chart pictures' sizes in SVG pixels, in order; picture `n` (from 1) is
    /// `word/media/grafiek{n}.png`. Known from the SVG, before the pictures are drawn.
    pictures: Vec<(u32, u32)>,
    /// The footnotes' contents in order; note `n` has `w:id` `n`.
    footnotes: Vec<String>,
}

/// The charts' pictures (PNG) in order, or why one could not be drawn.
type Pictures = Result<Vec<Vec<u8>>, ExportError>;

/// The document as a DOCX package, as bytes. Same document, same bytes.
///
/// The charts are drawn on threads of their own (each independent of the others:
/// same pictures, same order) while this one writes and packs the text parts; the
/// pictures were most of a large export's time.
///
/// Errors: [`ExportError::Docx`] when a chart cannot be drawn or the package cannot
/// be packed.
pub fn write(doc: &Document) -> Result<Vec<u8>, ExportError> {
    let package = package(doc);
    let charts = charts(doc);
    std::thread::scope(|scope| {
        let workers: Vec<_> = charts
            .iter()
            .map(|chart| scope.spawn(move || picture(chart)))
            .collect();
        let joined = || -> Pictures {
            workers
                .into_iter()
                .map(|w| {
                    w.join().unwrap_or_else(|_| {
                        Err(ExportError::Docx(
                            "het tekenen van een grafiek liep vast".to_owned(),
                        ))
                    })
                })
                .collect()
        };
        let document = document_xml(doc, &package)?;
        zip_parts(doc, &package, document, joined)
    })
}

/// The stages of [`write`], one by one, for the benchmark of where its time goes
/// (`benches/export.rs`): charts drawn, `word/document.xml`, the zipped package.
#[cfg(feature = "synth")]
pub mod stages {
    use super::{Document, ExportError, Package};

    /// The charts drawn, one after the other.
    pub fn pictures(doc: &Document) -> Result<Vec<Vec<u8>>, ExportError> {
        super::charts(doc).into_iter().map(super::picture).collect()
    }

    pub fn package(doc: &Document) -> Package {
        super::package(doc)
    }

    pub fn document_xml(doc: &Document, package: &Package) -> Result<String, ExportError> {
        super::document_xml(doc, package)
    }

    pub fn zip(
        doc: &Document,
        package: &Package,
        document: String,
        pictures: Vec<Vec<u8>>,
    ) -> Result<Vec<u8>, ExportError> {
        super::zip_parts(doc, package, document, || Ok(pictures))
    }
}

fn charts(doc: &Document) -> Vec<&super::Chart> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            super::Block::Chart(chart) => Some(chart),
            _ => None,
        })
        .collect()
}

fn picture(chart: &super::Chart) -> Result<Vec<u8>, ExportError> {
    chart_picture(chart, body::chart_shown).map_err(ExportError::Docx)
}

/// The charts' sizes and the footnotes, which the body refers to.
fn package(doc: &Document) -> Package {
    let pictures = charts(doc)
        .iter()
        .map(|chart| {
            super::svg_size(&chart.svg).map_or((1, 1), |(w, h)| {
                (w.round().max(1.0) as u32, h.round().max(1.0) as u32)
            })
        })
        .collect();
    Package {
        pictures,
        footnotes: doc.footnotes().into_iter().map(str::to_owned).collect(),
    }
}

fn document_xml(doc: &Document, package: &Package) -> Result<String, ExportError> {
    let metrics = super::fit::Metrics::new(
        crate::assets::FONT_REGULAR,
        crate::assets::FONT_BOLD,
        &[crate::assets::FONT_ITALIC],
    )
    .ok_or_else(|| ExportError::Docx("het ingebouwde lettertype is onleesbaar".to_owned()))?;
    Ok(body::document_xml(doc, package, &metrics))
}

/// Packs the parts, `[Content_Types].xml` first as readers expect, and the pictures
/// last: `pictures` is asked for them once the text parts are packed.
fn zip_parts(
    doc: &Document,
    package: &Package,
    document: String,
    pictures: impl FnOnce() -> Pictures,
) -> Result<Vec<u8>, ExportError> {
    let fail = |e: &dyn std::fmt::Display| ExportError::Docx(e.to_string());
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(document.len() / 4)));
    // Level 1: a tenth of the time of the default level for a few per cent more bytes
    // (XML compresses well either way); the large workspace's DOCX is mostly this.
    let text_options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(zip_time(doc))
        .unix_permissions(0o644);
    // PNG is compressed already.
    let picture_options = text_options
        .compression_method(zip::CompressionMethod::Stored)
        .compression_level(None);
    let has_header = !doc.meta.header.is_empty();
    let mut entries: Vec<(String, Vec<u8>)> = vec![
        (
            "[Content_Types].xml".to_owned(),
            parts::content_types(package, has_header).into_bytes(),
        ),
        (
            "_rels/.rels".to_owned(),
            parts::PACKAGE_RELS.as_bytes().to_vec(),
        ),
        (
            "docProps/core.xml".to_owned(),
            parts::core_xml(doc).into_bytes(),
        ),
        (
            "docProps/app.xml".to_owned(),
            parts::APP_XML.as_bytes().to_vec(),
        ),
        ("word/document.xml".to_owned(), document.into_bytes()),
        (
            "word/_rels/document.xml.rels".to_owned(),
            parts::document_rels(package, has_header).into_bytes(),
        ),
        (
            "word/styles.xml".to_owned(),
            parts::styles_xml(&doc.meta.language).into_bytes(),
        ),
        (
            "word/numbering.xml".to_owned(),
            parts::NUMBERING_XML.as_bytes().to_vec(),
        ),
        (
            "word/settings.xml".to_owned(),
            parts::settings_xml(&doc.meta.language).into_bytes(),
        ),
        (
            "word/footnotes.xml".to_owned(),
            parts::footnotes_xml(package).into_bytes(),
        ),
        (
            "word/footer1.xml".to_owned(),
            parts::footer_xml(doc).into_bytes(),
        ),
        (
            "word/fontTable.xml".to_owned(),
            parts::FONT_TABLE_XML.as_bytes().to_vec(),
        ),
        (
            "word/theme/theme1.xml".to_owned(),
            parts::theme_xml().into_bytes(),
        ),
    ];
    if has_header {
        entries.push((
            "word/header1.xml".to_owned(),
            parts::header_xml(doc).into_bytes(),
        ));
    }
    for (name, content) in &entries {
        writer
            .start_file(name.as_str(), text_options)
            .map_err(|e| fail(&e))?;
        writer.write_all(content).map_err(|e| fail(&e))?;
    }
    for (n, png) in pictures()?.iter().enumerate() {
        writer
            .start_file(format!("word/media/grafiek{}.png", n + 1), picture_options)
            .map_err(|e| fail(&e))?;
        writer.write_all(png).map_err(|e| fail(&e))?;
    }
    let out = writer.finish().map_err(|e| fail(&e))?;
    Ok(out.into_inner())
}

/// ISO 8601 timestamp of the document date, or a fixed epoch: never the clock.
fn timestamp(doc: &Document) -> String {
    doc.meta.date.map_or_else(
        || "2000-01-01T00:00:00Z".to_owned(),
        |d| format!("{d}T00:00:00Z"),
    )
}

fn zip_time(doc: &Document) -> zip::DateTime {
    let (y, m, d) = doc.meta.date.map_or((2000, 1, 1), |d| {
        (
            u16::try_from(d.year()).unwrap_or(2000),
            d.month().unsigned_abs(),
            d.day().unsigned_abs(),
        )
    });
    zip::DateTime::from_date_and_time(y.clamp(1980, 2107), m, d, 0, 0, 0).unwrap_or_default()
}

/// Appends `text` escaped for XML content and attribute values.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}
