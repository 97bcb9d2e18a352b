//! Word documents through docx-rs: real heading styles (navigation pane, table of
//! contents), A4, page numbers, repeated table header rows, core properties.
//!
//! docx-rs cannot set the title and author of the core properties nor mark a table
//! row as header, and its ZIP writer takes the clock when the `time` feature of `zip`
//! is on somewhere in the build. So the package is re-packed: core.xml is written here,
//! header rows get `<w:tblHeader/>`, and every entry carries the document's date.

use std::io::{Cursor, Read, Write};

use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, Header, LineSpacing, PageMargin, PageNum, Paragraph,
    Pic, Run as DocxRun, RunFonts, Style, StyleType, Table as DocxTable, TableCell, TableRow,
    WidthType,
};

use super::document::{Block, Document, Run, RunStyle, Table};
use super::{ExportError, chart_picture};

/// A4 in twentieths of a point.
const A4_WIDTH: u32 = 11_906;
const A4_HEIGHT: u32 = 16_838;
const MARGIN: i32 = 1_418; // 2,5 cm
const TEXT_WIDTH: usize = 11_906 - 2 * 1_418;

pub fn write(doc: &Document) -> Result<Vec<u8>, ExportError> {
    let mut docx = Docx::new()
        .page_size(A4_WIDTH, A4_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN)
                .header(708)
                .footer(708),
        )
        .default_fonts(
            RunFonts::new()
                .ascii("Calibri")
                .hi_ansi("Calibri")
                .cs("Calibri"),
        )
        .default_size(22)
        .default_line_spacing(LineSpacing::new().after(120));
    for style in styles() {
        docx = docx.add_style(style);
    }

    let mut footer = Paragraph::new().align(AlignmentType::Center).size(18);
    if !doc.meta.footer.is_empty() {
        footer = footer
            .add_run(DocxRun::new().add_text(format!("{} \u{2013} pagina ", doc.meta.footer)));
    } else {
        footer = footer.add_run(DocxRun::new().add_text("Pagina "));
    }
    docx = docx.footer(Footer::new().add_paragraph(footer.add_page_num(PageNum::new())));
    if !doc.meta.header.is_empty() {
        docx = docx.header(
            Header::new().add_paragraph(
                Paragraph::new().align(AlignmentType::Center).add_run(
                    DocxRun::new()
                        .add_text(doc.meta.header.clone())
                        .bold()
                        .size(18),
                ),
            ),
        );
    }

    let mut pictures = 0usize;
    for block in &doc.blocks {
        match block {
            Block::Chart(chart) => {
                let picture = chart_picture(chart).map_err(ExportError::Docx)?;
                pictures += 1;
                // 12700 EMU per point, 9525 per pixel; never wider than the text.
                let text_width =
                    u64::from(A4_WIDTH.saturating_sub(2 * MARGIN.unsigned_abs())) * 635;
                let width = (u64::from(picture.width) * 9525).min(text_width);
                let height = width * u64::from(picture.height) / u64::from(picture.width.max(1));
                // docx-rs numbers pictures from a process-wide counter; our own ids keep
                // the same document byte-identical on every export.
                let pic = Pic::new_with_dimensions(picture.png, picture.width, picture.height)
                    .id(format!("rIdChart{pictures}"))
                    .size(
                        u32::try_from(width).unwrap_or(u32::MAX),
                        u32::try_from(height).unwrap_or(u32::MAX),
                    );
                docx = docx.add_paragraph(
                    Paragraph::new()
                        .keep_next(true)
                        .add_run(DocxRun::new().add_image(pic)),
                );
                if let Some(caption) = &chart.table.caption {
                    docx = docx.add_paragraph(
                        Paragraph::new()
                            .style("Caption")
                            .keep_next(true)
                            .add_run(DocxRun::new().add_text(caption.clone())),
                    );
                }
                docx = docx.add_table(table_docx(&chart.table));
                docx = docx.add_paragraph(Paragraph::new());
            }
            Block::Title(text) => {
                docx = docx.add_paragraph(
                    Paragraph::new()
                        .style("Title")
                        .add_run(DocxRun::new().add_text(text.clone())),
                );
            }
            Block::Heading { level, text } => {
                let style = match level {
                    0 | 1 => "Heading1",
                    2 => "Heading2",
                    _ => "Heading3",
                };
                docx = docx.add_paragraph(
                    Paragraph::new()
                        .style(style)
                        .add_run(DocxRun::new().add_text(text.clone())),
                );
            }
            Block::Paragraph(runs) => {
                docx = docx.add_paragraph(runs_paragraph(Paragraph::new(), runs))
            }
            Block::Note(runs) => {
                docx = docx.add_paragraph(runs_paragraph(Paragraph::new().style("Note"), runs));
            }
            Block::BulletList(items) => {
                for item in items {
                    let p = Paragraph::new()
                        .style("ListBullet")
                        .add_run(DocxRun::new().add_text("\u{2022}"))
                        .add_run(DocxRun::new().add_tab());
                    docx = docx.add_paragraph(runs_paragraph(p, item));
                }
            }
            Block::Table(table) => {
                if let Some(caption) = &table.caption {
                    docx = docx.add_paragraph(
                        Paragraph::new()
                            .style("Caption")
                            .keep_next(true)
                            .add_run(DocxRun::new().add_text(caption.clone())),
                    );
                }
                docx = docx.add_table(table_docx(table));
                docx = docx.add_paragraph(Paragraph::new());
            }
            Block::Signature { title, name } => {
                docx = docx.add_paragraph(
                    Paragraph::new()
                        .keep_lines(true)
                        .add_run(
                            DocxRun::new()
                                .add_text(title.clone())
                                .add_break(BreakType::TextWrapping),
                        )
                        .add_run(DocxRun::new().add_break(BreakType::TextWrapping))
                        .add_run(DocxRun::new().add_text(name.clone()).bold()),
                );
            }
        }
    }

    let mut packed = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut packed)
        .map_err(|e| ExportError::Docx(e.to_string()))?;
    repack(packed.into_inner(), doc)
}

fn styles() -> Vec<Style> {
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(size)
            .color("1F3864")
            .outline_lvl(level)
    };
    vec![
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(32)
            .align(AlignmentType::Center),
        heading("Heading1", "heading 1", 28, 0),
        heading("Heading2", "heading 2", 24, 1),
        heading("Heading3", "heading 3", 22, 2),
        Style::new("Caption", StyleType::Paragraph)
            .name("caption")
            .based_on("Normal")
            .italic()
            .size(20),
        Style::new("Note", StyleType::Paragraph)
            .name("Note")
            .based_on("Normal")
            .size(18)
            .indent(Some(360), None, None, None),
        Style::new("ListBullet", StyleType::Paragraph)
            .name("List Bullet")
            .based_on("Normal")
            .indent(
                Some(360),
                Some(docx_rs::SpecialIndentType::Hanging(360)),
                None,
                None,
            ),
    ]
}

fn runs_paragraph(mut p: Paragraph, runs: &[Run]) -> Paragraph {
    for run in runs {
        let r = DocxRun::new().add_text(run.text.clone());
        p = p.add_run(match run.style {
            RunStyle::Plain => r,
            RunStyle::Bold => r.bold(),
            RunStyle::Italic | RunStyle::Footnote => r.italic(),
        });
    }
    p
}

fn table_docx(table: &Table) -> DocxTable {
    let columns = table.columns().max(1);
    let width = TEXT_WIDTH / columns;
    let row = |cells: &[String], header: bool| {
        let cells = (0..columns)
            .map(|i| {
                let text = cells.get(i).cloned().unwrap_or_default();
                let mut run = DocxRun::new().add_text(text).size(20);
                if header {
                    run = run.bold();
                }
                TableCell::new()
                    .width(width, WidthType::Dxa)
                    .add_paragraph(Paragraph::new().add_run(run))
            })
            .collect();
        let row = TableRow::new(cells);
        // `cantSplit` marks header rows; `repack` adds `tblHeader` beside it.
        if header { row.cant_split() } else { row }
    };
    let mut rows = vec![row(&table.header, true)];
    rows.extend(table.rows.iter().map(|r| row(r, false)));
    DocxTable::new(rows)
        .set_grid(vec![width; columns])
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// ISO 8601 timestamp of the document date, or a fixed epoch.
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
            d.month() as u8,
            d.day() as u8,
        )
    });
    zip::DateTime::from_date_and_time(y.clamp(1980, 2107), m, d, 0, 0, 0).unwrap_or_default()
}

fn xml_escape(text: &str) -> String {
    super::html::escape(text)
}

fn core_xml(doc: &Document) -> String {
    let stamp = timestamp(doc);
    let author = if doc.meta.author.is_empty() {
        "Clusterwerkbank".to_owned()
    } else {
        xml_escape(&doc.meta.author)
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy>\
<dc:language>{lang}</dc:language><cp:revision>1</cp:revision>\
<dcterms:created xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:created>\
<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:modified>\
{keywords}</cp:coreProperties>",
        title = xml_escape(&doc.meta.title),
        lang = xml_escape(&doc.meta.language),
        keywords = if doc.meta.confidential {
            format!(
                "<cp:keywords>{}</cp:keywords>",
                xml_escape(super::document::CONFIDENTIAL_MARK)
            )
        } else {
            String::new()
        },
    )
}

/// Copies the package entry by entry in the same order, with our core properties,
/// header rows marked, and fixed timestamps.
fn repack(bytes: Vec<u8>, doc: &Document) -> Result<Vec<u8>, ExportError> {
    let fail = |e: &dyn std::fmt::Display| ExportError::Docx(e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| fail(&e))?;
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip_time(doc))
        .unix_permissions(0o644);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| fail(&e))?;
        let name = entry.name().to_owned();
        if entry.is_dir() {
            writer.add_directory(name, options).map_err(|e| fail(&e))?;
            continue;
        }
        let mut content = Vec::new();
        entry.read_to_end(&mut content).map_err(|e| fail(&e))?;
        let content = match name.as_str() {
            "docProps/core.xml" => core_xml(doc).into_bytes(),
            "word/document.xml" => String::from_utf8_lossy(&content)
                .replace("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />")
                .into_bytes(),
            _ => content,
        };
        writer.start_file(name, options).map_err(|e| fail(&e))?;
        writer.write_all(&content).map_err(|e| fail(&e))?;
    }
    let out = writer.finish().map_err(|e| fail(&e))?;
    Ok(out.into_inner())
}
