//! `word/document.xml`: the blocks of the `Document` as paragraphs and tables, in
//! sections that turn the page for a table too wide to stand upright.

use std::fmt::Write as _;

use super::parts::{FOOTER_ID, HEADER_ID, R_NS, W_NS};
use super::{A4_HEIGHT, A4_WIDTH, MARGIN, PAGE, Package, escape_into};
use crate::export::document::{Block, Chart, Document, Run, RunStyle, Table};
use crate::export::fit::{self, Metrics, TablePart};

const NAMESPACES: &str = "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";

/// EMU (the unit of DrawingML) per twip and per SVG pixel (1/96 inch).
const EMU_PER_TWIP: u64 = 635;
const EMU_PER_PIXEL: u64 = 9_525;

pub(super) fn document_xml(doc: &Document, package: &Package, metrics: &Metrics) -> String {
    let mut body = Body {
        metrics,
        package,
        out: String::with_capacity(4096),
        has_header: !doc.meta.header.is_empty(),
        footnotes: 0,
        pictures: 0,
        headings: (0, 0),
        landscape: false,
    };
    let _ = write!(
        body.out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {W_NS} {R_NS} {NAMESPACES}><w:body>"
    );
    for block in &doc.blocks {
        body.block(block);
    }
    // The last section's properties close the body.
    let last = sect_pr(body.landscape, body.has_header);
    body.out.push_str(&last);
    body.out.push_str("</w:body></w:document>");
    body.out
}

struct Body<'m> {
    metrics: &'m Metrics<'m>,
    package: &'m Package,
    out: String,
    has_header: bool,
    /// Footnotes and pictures written so far: the next one's number is one more.
    footnotes: usize,
    pictures: usize,
    /// Heading 1 and Heading 2 as Word's list counts them.
    headings: (u32, u32),
    /// Whether the current section is a turned page.
    landscape: bool,
}

impl Body<'_> {
    fn block(&mut self, block: &Block) {
        // Back upright after a turned table; tables and charts choose for themselves.
        if !matches!(block, Block::Table(_) | Block::Chart(_)) {
            self.turn(false);
        }
        match block {
            Block::Title(text) => {
                self.out
                    .push_str("<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr>");
                text_run(&mut self.out, text, "");
                self.out.push_str("</w:p>");
            }
            Block::Heading { level, text } => self.heading(*level, text),
            Block::Paragraph(runs) => self.paragraph("", runs),
            Block::Note(runs) => self.paragraph("<w:pStyle w:val=\"Noot\"/>", runs),
            Block::BulletList(items) => {
                for item in items {
                    self.paragraph("<w:pStyle w:val=\"ListBullet\"/>", item);
                }
            }
            Block::Table(table) => {
                let parts = fit::plan(self.metrics, PAGE, table);
                self.turn(parts.iter().any(|p| p.fit.landscape));
                self.table(table, &parts);
            }
            Block::Chart(chart) => self.chart(chart),
            Block::Signature { title, name } => {
                self.out.push_str("<w:p><w:pPr><w:keepLines/></w:pPr>");
                text_run(&mut self.out, title, "");
                self.out.push_str("<w:r><w:br/><w:br/></w:r>");
                text_run(&mut self.out, name, "<w:b/><w:bCs/>");
                self.out.push_str("</w:p>");
            }
        }
    }

    /// Ends the current section when the next block wants the other orientation.
    fn turn(&mut self, landscape: bool) {
        if landscape != self.landscape {
            self.out.push_str("<w:p><w:pPr>");
            let section = sect_pr(self.landscape, self.has_header);
            self.out.push_str(&section);
            self.out.push_str("</w:pPr></w:p>");
            self.landscape = landscape;
        }
    }

    /// Word numbers Heading 1 and 2 from the list bound to their styles; the text
    /// loses the number the Document put in front ("3.2 ") when it is the number
    /// Word will show. Any other heading keeps its text and is taken off the list,
    /// so Word's count and the Document's never disagree.
    fn heading(&mut self, level: u8, text: &str) {
        let level = level.clamp(1, 3);
        let (h1, h2) = self.headings;
        let (next, prefix) = match level {
            1 => ((h1 + 1, 0), format!("{}. ", h1 + 1)),
            2 => ((h1, h2 + 1), format!("{h1}.{} ", h2 + 1)),
            _ => ((h1, h2), String::new()),
        };
        let _ = write!(self.out, "<w:p><w:pPr><w:pStyle w:val=\"Heading{level}\"/>");
        let text = if level == 3 {
            text
        } else if let Some(rest) = text.strip_prefix(prefix.as_str()) {
            self.headings = next;
            rest
        } else {
            self.out
                .push_str("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"0\"/></w:numPr>");
            text
        };
        self.out.push_str("</w:pPr>");
        text_run(&mut self.out, text, "");
        self.out.push_str("</w:p>");
    }

    /// A paragraph of runs; `style` is the inside of `w:pPr` (may be empty).
    fn paragraph(&mut self, style: &str, runs: &[Run]) {
        self.out.push_str("<w:p>");
        if !style.is_empty() {
            let _ = write!(self.out, "<w:pPr>{style}</w:pPr>");
        }
        for run in runs {
            match run.style {
                RunStyle::Plain => text_run(&mut self.out, &run.text, ""),
                RunStyle::Bold => text_run(&mut self.out, &run.text, "<w:b/><w:bCs/>"),
                RunStyle::Italic => text_run(&mut self.out, &run.text, "<w:i/><w:iCs/>"),
                RunStyle::Footnote => {
                    // The note's text goes to footnotes.xml under the same number.
                    self.footnotes += 1;
                    let _ = write!(
                        self.out,
                        "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"{}\"/></w:r>",
                        self.footnotes
                    );
                }
            }
        }
        self.out.push_str("</w:p>");
    }

    /// The picture (kept with its table), then the table of numbers behind it.
    fn chart(&mut self, chart: &Chart) {
        let parts = fit::plan(self.metrics, PAGE, &chart.table);
        let landscape = parts.iter().any(|p| p.fit.landscape);
        self.turn(landscape);
        self.pictures += 1;
        let n = self.pictures;
        let size = self.package.pictures.get(n - 1).copied().unwrap_or((1, 1));
        let (width, height) = chart_size(size, landscape);
        self.out.push_str(
            "<w:p><w:pPr><w:keepNext/><w:spacing w:after=\"60\"/><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>",
        );
        let _ = write!(
            self.out,
            "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{width}\" cy=\"{height}\"/>\
<wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"{n}\" name=\"Grafiek {n}\" descr=\""
        );
        escape_into(&mut self.out, &chart.title);
        let _ = write!(
            self.out,
            "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>\
<pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"grafiek{n}.png\"/><pic:cNvPicPr/></pic:nvPicPr>\
<pic:blipFill><a:blip r:embed=\"rIdGrafiek{n}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{width}\" cy=\"{height}\"/></a:xfrm>\
<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>\
</w:drawing></w:r></w:p>"
        );
        self.table(&chart.table, &parts);
    }

    /// Each part with its caption: fixed column widths from the fit, header row
    /// repeated on every page, amounts right-aligned and never wrapped.
    fn table(&mut self, table: &Table, parts: &[TablePart]) {
        for part in parts {
            if let Some(caption) = &part.caption {
                self.out
                    .push_str("<w:p><w:pPr><w:pStyle w:val=\"Caption\"/></w:pPr>");
                text_run(&mut self.out, caption, "");
                self.out.push_str("</w:p>");
            }
            let header = fit::pick(&table.header, &part.columns);
            let rows: Vec<Vec<String>> = table
                .rows
                .iter()
                .map(|r| fit::pick(r, &part.columns))
                .collect();
            let widths = twips(self.metrics, part, &header, &rows);
            let total: u32 = widths.iter().sum();
            let _ = write!(
                self.out,
                "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"{total}\" w:type=\"dxa\"/>\
<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
            );
            for w in &widths {
                let _ = write!(self.out, "<w:gridCol w:w=\"{w}\"/>");
            }
            self.out.push_str("</w:tblGrid>");
            // Half-points; the fit's sizes are whole or half points.
            let size = (part.fit.size * 2.0).round() as u32;
            self.row(&header, &widths, size, true);
            for row in &rows {
                self.row(row, &widths, size, false);
            }
            // A paragraph between tables, or Word joins them into one.
            self.out
                .push_str("</w:tbl><w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr></w:p>");
        }
    }

    fn row(&mut self, cells: &[String], widths: &[u32], size: u32, header: bool) {
        self.out.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if header {
            self.out.push_str("<w:tblHeader/>");
        }
        self.out.push_str("</w:trPr>");
        for (i, width) in widths.iter().enumerate() {
            let cell = cells.get(i).map_or("", String::as_str);
            let amount = fit::is_amount(cell);
            let _ = write!(
                self.out,
                "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{}</w:tcPr>\
<w:p><w:pPr><w:pStyle w:val=\"Tabeltekst\"/>{}</w:pPr>",
                if amount { "<w:noWrap/>" } else { "" },
                if amount {
                    "<w:jc w:val=\"right\"/>"
                } else {
                    ""
                },
            );
            if !cell.is_empty() {
                let bold = if header { "<w:b/><w:bCs/>" } else { "" };
                let props = format!("{bold}<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>");
                if amount {
                    text_run(&mut self.out, &cell.replace(' ', "\u{a0}"), &props);
                } else {
                    text_run(&mut self.out, cell, &props);
                }
            }
            self.out.push_str("</w:p></w:tc>");
        }
        self.out.push_str("</w:tr>");
    }
}

/// Column widths in twips: the fit's where it set them, otherwise each column's
/// natural width, the spare room of the text block shared in proportion.
fn twips(metrics: &Metrics, part: &TablePart, header: &[String], rows: &[Vec<String>]) -> Vec<u32> {
    let available = if part.fit.landscape {
        PAGE.landscape
    } else {
        PAGE.portrait
    };
    let natural = fit::natural_widths(metrics, header, rows, part.fit.size);
    let mut points: Vec<f64> = part
        .fit
        .columns
        .iter()
        .enumerate()
        .map(|(i, w)| w.unwrap_or_else(|| natural.get(i).copied().unwrap_or(0.0)))
        .collect();
    let sum: f64 = points.iter().sum();
    if part.fit.columns.iter().all(Option::is_none) && sum > 0.0 && sum < available {
        let stretch = available / sum;
        for p in &mut points {
            *p *= stretch;
        }
    }
    points
        .iter()
        // Rounding down keeps the sum within the text block.
        .map(|p| (p * 20.0).floor().max(1.0) as u32)
        .collect()
}

/// The picture's size in EMU: its SVG size, never wider than the text block nor
/// higher than half the page, so its caption and table can follow on the page.
fn chart_size((width, height): (u32, u32), landscape: bool) -> (u64, u64) {
    let (page_w, page_h) = if landscape {
        (A4_HEIGHT, A4_WIDTH)
    } else {
        (A4_WIDTH, A4_HEIGHT)
    };
    let max_w = u64::from(page_w.saturating_sub(2 * MARGIN)) * EMU_PER_TWIP;
    let max_h = u64::from(page_h.saturating_sub(2 * MARGIN)) * EMU_PER_TWIP / 2;
    let w = u64::from(width.max(1)) * EMU_PER_PIXEL;
    let h = u64::from(height.max(1)) * EMU_PER_PIXEL;
    // Scale by the tighter of the two limits (in thousandths, to stay in integers).
    let scale = (max_w * 1000 / w).min(max_h * 1000 / h).min(1000);
    ((w * scale / 1000).max(1), (h * scale / 1000).max(1))
}

/// The largest factor (at most 1) a chart of `width` × `height` SVG pixels is shown at
/// by [`chart_size`], upright or on a turned page: the picture is drawn for that size.
pub(super) fn chart_shown(width: f32, height: f32) -> f32 {
    let factor = |landscape: bool| {
        let (w, h) = chart_size(
            (
                width.round().max(1.0) as u32,
                height.round().max(1.0) as u32,
            ),
            landscape,
        );
        let full = f64::from(width.max(1.0)) * EMU_PER_PIXEL as f64;
        let tall = f64::from(height.max(1.0)) * EMU_PER_PIXEL as f64;
        (w as f64 / full).max(h as f64 / tall)
    };
    factor(false).max(factor(true)).min(1.0) as f32
}

/// The section properties: A4 upright or turned, 2,5 cm margins, header and footer.
fn sect_pr(landscape: bool, has_header: bool) -> String {
    let mut out = String::from("<w:sectPr>");
    if has_header {
        let _ = write!(
            out,
            "<w:headerReference w:type=\"default\" r:id=\"{HEADER_ID}\"/>"
        );
    }
    let _ = write!(
        out,
        "<w:footerReference w:type=\"default\" r:id=\"{FOOTER_ID}\"/>"
    );
    if landscape {
        let _ = write!(
            out,
            "<w:pgSz w:w=\"{A4_HEIGHT}\" w:h=\"{A4_WIDTH}\" w:orient=\"landscape\"/>"
        );
    } else {
        let _ = write!(out, "<w:pgSz w:w=\"{A4_WIDTH}\" w:h=\"{A4_HEIGHT}\"/>");
    }
    let _ = write!(
        out,
        "<w:pgMar w:top=\"{MARGIN}\" w:right=\"{MARGIN}\" w:bottom=\"{MARGIN}\" w:left=\"{MARGIN}\" \
w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr>"
    );
    out
}

/// One run of text with the run properties `props` (the inside of `w:rPr`, in
/// schema order; may be empty). Tabs become `w:tab`; a no-break space goes after
/// "€" when an amount follows, so "€ 650.000" never ends a line at the sign.
pub(super) fn text_run(out: &mut String, text: &str, props: &str) {
    out.push_str("<w:r>");
    if !props.is_empty() {
        let _ = write!(out, "<w:rPr>{props}</w:rPr>");
    }
    for (i, piece) in text.split('\t').enumerate() {
        if i > 0 {
            out.push_str("<w:tab/>");
        }
        if piece.is_empty() {
            continue;
        }
        out.push_str("<w:t xml:space=\"preserve\">");
        let mut chars = piece.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '€' if chars.peek() == Some(&' ') => {
                    let mut ahead = chars.clone();
                    ahead.next();
                    out.push('€');
                    if ahead.peek().is_some_and(char::is_ascii_digit) {
                        chars.next();
                        out.push('\u{a0}');
                    }
                }
                c => out.push(c),
            }
        }
        out.push_str("</w:t>");
    }
    out.push_str("</w:r>");
}
