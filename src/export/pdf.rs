//! PDF/A-2b through krilla, with DejaVu Sans embedded (subset), headings as
//! bookmarks, a tag tree for screen readers, and our own line breaking, pagination,
//! page numbers and table grids.
//!
//! Limitation: characters DejaVu Sans has no glyph for (emoji, most CJK) are drawn
//! as "?" — PDF/A forbids the empty `.notdef` glyph, and krilla has no font
//! fallback. The text layer carries the same "?". Right-to-left text is shaped per
//! line; a line that mixes left-to-right and right-to-left words keeps the order of
//! the first script.

use std::num::NonZeroU16;
use std::sync::Arc;

use krilla::configure::{Archival, ConfigurationBuilder, Validator};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect, Size as PdfSize, Transform};
use krilla::image::Image;
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, Node, SpanTag, TableHeaderScope, Tag, TagGroup,
    TagKind, TagTree,
};
use krilla::text::{Font, TextDirection};
use krilla::{Document as PdfDocument, SerializeSettings};
use skrifa::instance::{LocationRef, Size};
use skrifa::raw::TableProvider;
use skrifa::{FontRef, MetadataProvider};

use super::document::{Block, Chart, Document, Run, RunStyle, Table};
use super::{ExportError, chart_picture};

pub(crate) static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
static ITALIC: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Oblique.ttf");

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN_X: f32 = 62.0;
const MARGIN_TOP: f32 = 70.0;
const MARGIN_BOTTOM: f32 = 70.0;
const TEXT_W: f32 = PAGE_W - 2.0 * MARGIN_X;
const BODY: f32 = 10.0;
const TABLE_SIZE: f32 = 8.5;
const CELL_PAD: f32 = 3.0;

/// One font face with the metrics our line breaking needs.
struct Face {
    font: Font,
    charmap: skrifa::charmap::Charmap<'static>,
    metrics: skrifa::metrics::GlyphMetrics<'static>,
    units_per_em: f32,
}

impl Face {
    fn load(data: &'static [u8]) -> Result<Self, ExportError> {
        let unreadable = || ExportError::Pdf("het ingebouwde lettertype is onleesbaar".to_owned());
        let font = Font::new(Arc::new(data.to_vec()).into(), 0).ok_or_else(unreadable)?;
        let font_ref = FontRef::new(data).map_err(|_| unreadable())?;
        let units_per_em =
            f32::from(font_ref.head().map_err(|_| unreadable())?.units_per_em()).max(1.0);
        Ok(Self {
            font,
            charmap: font_ref.charmap(),
            metrics: font_ref.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em,
        })
    }

    /// Replaces characters the font cannot draw, so PDF/A never sees `.notdef`.
    fn drawable(&self, text: &str) -> String {
        text.chars()
            .map(|c| {
                if c == ' ' || self.charmap.map(c).is_some_and(|g| g.to_u32() != 0) {
                    c
                } else if c.is_whitespace() {
                    ' '
                } else {
                    '?'
                }
            })
            .collect()
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = text
            .chars()
            .map(|c| {
                self.charmap
                    .map(c)
                    .and_then(|g| self.metrics.advance_width(g))
                    .unwrap_or(self.units_per_em * 0.6)
            })
            .sum();
        units * size / self.units_per_em
    }
}

struct Faces {
    regular: Face,
    bold: Face,
    italic: Face,
}

impl Faces {
    fn get(&self, style: RunStyle) -> &Face {
        match style {
            RunStyle::Plain => &self.regular,
            RunStyle::Bold => &self.bold,
            RunStyle::Italic => &self.italic,
        }
    }
}

/// Text with its style and x offset within its line.
type Piece = (RunStyle, String, f32);

/// A laid-out line.
#[derive(Default)]
struct Line {
    pieces: Vec<Piece>,
}

/// Breaks runs into lines no wider than `width`; words wider than a line are cut.
fn break_lines(faces: &Faces, runs: &[Run], size: f32, width: f32) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut line = Line::default();
    let mut x = 0.0f32;
    let space = faces.regular.width(" ", size);
    let mut pending_space = false;
    for run in runs {
        let face = faces.get(run.style);
        let text = face.drawable(&run.text);
        if text.starts_with(char::is_whitespace) && !line.pieces.is_empty() {
            pending_space = true;
        }
        for word in text.split_whitespace() {
            let mut word = word.to_owned();
            loop {
                let w = face.width(&word, size);
                let gap = if pending_space && !line.pieces.is_empty() {
                    space
                } else {
                    0.0
                };
                if x + gap + w <= width || (line.pieces.is_empty() && w <= width) {
                    // Words of one style on one line are drawn as one piece: far fewer
                    // text objects, and a right-to-left line is shaped as a whole.
                    match line.pieces.last_mut() {
                        Some(last) if last.0 == run.style => {
                            if gap > 0.0 {
                                last.1.push(' ');
                            }
                            last.1.push_str(&word);
                        }
                        _ => line.pieces.push((run.style, word.clone(), x + gap)),
                    }
                    x += gap + w;
                    break;
                }
                if !line.pieces.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    x = 0.0;
                    pending_space = false;
                    continue;
                }
                // A word longer than the line: cut it where it stops fitting.
                let mut cut = String::new();
                let mut rest = String::new();
                for c in word.chars() {
                    if rest.is_empty()
                        && (cut.is_empty() || face.width(&format!("{cut}{c}"), size) <= width)
                    {
                        cut.push(c);
                    } else {
                        rest.push(c);
                    }
                }
                line.pieces.push((run.style, cut, 0.0));
                lines.push(std::mem::take(&mut line));
                x = 0.0;
                word = rest;
                if word.is_empty() {
                    break;
                }
            }
            pending_space = true;
        }
        pending_space = text.ends_with(char::is_whitespace) || (pending_space && text.is_empty());
    }
    if !line.pieces.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Finished page content, drawn once the page count is known (for "pagina 3 van 9").
struct PageOps {
    ops: Vec<Op>,
}

enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        style: RunStyle,
        text: String,
        tag: Option<usize>,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: bool,
    },
    /// A chart picture, top-left at (x, y), in its own Figure tag group.
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        png: Arc<Vec<u8>>,
        tag: usize,
    },
}

/// Where tagged content goes: an index into `Layout::groups`.
struct Layout<'f> {
    faces: &'f Faces,
    pages: Vec<PageOps>,
    y: f32,
    /// Tag groups in document order with their parent group; leaves are filled in
    /// while drawing.
    groups: Vec<(TagKind, Option<usize>)>,
    /// (level, title, page, y) for the outline.
    headings: Vec<(u8, String, usize, f32)>,
}

impl<'f> Layout<'f> {
    fn new(faces: &'f Faces) -> Self {
        Self {
            faces,
            pages: vec![PageOps { ops: Vec::new() }],
            y: MARGIN_TOP,
            groups: Vec::new(),
            headings: Vec::new(),
        }
    }

    fn page_index(&self) -> usize {
        self.pages.len().saturating_sub(1)
    }

    fn new_page(&mut self) {
        self.pages.push(PageOps { ops: Vec::new() });
        self.y = MARGIN_TOP;
    }

    fn ensure(&mut self, height: f32) {
        if self.y + height > PAGE_H - MARGIN_BOTTOM && self.y > MARGIN_TOP {
            self.new_page();
        }
    }

    fn op(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.ops.push(op);
        }
    }

    fn group(&mut self, kind: impl Into<TagKind>) -> usize {
        self.group_in(kind, None)
    }

    fn group_in(&mut self, kind: impl Into<TagKind>, parent: Option<usize>) -> usize {
        self.groups.push((kind.into(), parent));
        self.groups.len() - 1
    }

    /// Lays out runs as a block of lines with its own tag group.
    fn text_block(&mut self, runs: &[Run], size: f32, indent: f32, kind: TagKind, gap_after: f32) {
        let group = self.group(kind);
        let lh = size * 1.4;
        let lines = break_lines(self.faces, runs, size, TEXT_W - indent);
        for line in lines {
            self.ensure(lh);
            let baseline = self.y + size;
            for (style, text, x) in line.pieces {
                self.op(Op::Text {
                    x: MARGIN_X + indent + x,
                    y: baseline,
                    size,
                    style,
                    text,
                    tag: Some(group),
                });
            }
            self.y += lh;
        }
        self.y += gap_after;
    }

    fn table(&mut self, table: &Table) {
        let columns = table.columns().max(1);
        let col_w = TEXT_W / columns as f32;
        let lh = TABLE_SIZE * 1.35;
        if let Some(caption) = &table.caption {
            self.ensure(lh * 4.0);
            self.text_block(
                &[Run::italic(caption.clone())],
                BODY * 0.9,
                0.0,
                Tag::Caption.into(),
                2.0,
            );
        }
        let table_group = self.group(Tag::Table);
        let cells_of = |row: &[String], style: RunStyle, faces: &Faces| -> Vec<Vec<Line>> {
            (0..columns)
                .map(|i| {
                    let text = row.get(i).cloned().unwrap_or_default();
                    break_lines(
                        faces,
                        &[Run { text, style }],
                        TABLE_SIZE,
                        col_w - 2.0 * CELL_PAD,
                    )
                })
                .collect()
        };
        let header = cells_of(&table.header, RunStyle::Bold, self.faces);
        // The header row is tagged once; on later pages it is repeated as an artifact.
        let header_row = self.group_in(Tag::TR, Some(table_group));
        let header_groups: Vec<usize> = (0..columns)
            .map(|_| self.group_in(Tag::TH(TableHeaderScope::Column), Some(header_row)))
            .collect();
        let header_cells: Vec<Vec<Vec<Piece>>> = header
            .iter()
            .map(|lines| lines.iter().map(|l| l.pieces.clone()).collect())
            .collect();
        let header_height =
            header.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * CELL_PAD;
        let mut rows_groups = vec![(header, header_groups, true)];
        for row in &table.rows {
            let cells = cells_of(row, RunStyle::Plain, self.faces);
            let tr = self.group_in(Tag::TR, Some(table_group));
            let groups = (0..columns)
                .map(|_| self.group_in(Tag::TD, Some(tr)))
                .collect();
            rows_groups.push((cells, groups, false));
        }
        for (cells, groups, is_header) in rows_groups {
            let height = cells.iter().map(Vec::len).max().unwrap_or(1);
            let mut from = 0;
            while from < height {
                let room = PAGE_H - MARGIN_BOTTOM - self.y - 2.0 * CELL_PAD;
                let mut fit = (room / lh).floor().max(0.0) as usize;
                let needed_whole = height - from;
                if fit == 0
                    || (fit < needed_whole && fit < 3 && self.y > MARGIN_TOP + header_height)
                {
                    self.new_page();
                    if !is_header {
                        self.repeat_header(&header_cells, col_w, lh);
                    }
                    continue;
                }
                fit = fit.min(needed_whole);
                let top = self.y;
                let chunk_h = fit as f32 * lh + 2.0 * CELL_PAD;
                for (i, lines) in cells.iter().enumerate() {
                    let x0 = MARGIN_X + i as f32 * col_w;
                    self.op(Op::Rect {
                        x: x0,
                        y: top,
                        w: col_w,
                        h: chunk_h,
                        fill: is_header,
                    });
                    let group = groups.get(i).copied();
                    for (n, line) in lines.iter().skip(from).take(fit).enumerate() {
                        for (style, text, x) in &line.pieces {
                            self.op(Op::Text {
                                x: x0 + CELL_PAD + x,
                                y: top + CELL_PAD + n as f32 * lh + TABLE_SIZE,
                                size: TABLE_SIZE,
                                style: *style,
                                text: text.clone(),
                                tag: group,
                            });
                        }
                    }
                }
                self.y = top + chunk_h;
                from += fit;
            }
        }
        self.y += BODY * 0.8;
    }

    /// The chart as a picture the width of the text (at most half a page high),
    /// then its table.
    fn chart(&mut self, chart: &Chart) -> Result<(), ExportError> {
        let picture = chart_picture(chart).map_err(ExportError::Pdf)?;
        let aspect = picture.height as f32 / picture.width.max(1) as f32;
        let mut w = TEXT_W;
        let mut h = w * aspect;
        let max_h = (PAGE_H - MARGIN_TOP - MARGIN_BOTTOM) * 0.5;
        if h > max_h {
            h = max_h;
            w = h / aspect.max(f32::EPSILON);
        }
        // Keep the picture with the caption and the first rows of its table.
        self.ensure(h + BODY * 6.0);
        let tag = self.group(Tag::Figure(Some(chart.title.clone())));
        self.op(Op::Image {
            x: MARGIN_X + (TEXT_W - w) / 2.0,
            y: self.y,
            w,
            h,
            png: Arc::new(picture.png),
            tag,
        });
        self.y += h + BODY * 0.6;
        self.table(&chart.table);
        Ok(())
    }

    fn repeat_header(&mut self, header: &[Vec<Vec<Piece>>], col_w: f32, lh: f32) {
        let height = header.iter().map(Vec::len).max().unwrap_or(1);
        let top = self.y;
        let h = height as f32 * lh + 2.0 * CELL_PAD;
        for (i, lines) in header.iter().enumerate() {
            let x0 = MARGIN_X + i as f32 * col_w;
            self.op(Op::Rect {
                x: x0,
                y: top,
                w: col_w,
                h,
                fill: true,
            });
            for (n, pieces) in lines.iter().enumerate() {
                for (style, text, x) in pieces {
                    self.op(Op::Text {
                        x: x0 + CELL_PAD + x,
                        y: top + CELL_PAD + n as f32 * lh + TABLE_SIZE,
                        size: TABLE_SIZE,
                        style: *style,
                        text: text.clone(),
                        tag: None,
                    });
                }
            }
        }
        self.y = top + h;
    }
}

fn heading_size(level: u8) -> f32 {
    match level {
        0 | 1 => 14.0,
        2 => 12.0,
        _ => 10.5,
    }
}

fn layout<'f>(doc: &Document, faces: &'f Faces) -> Result<Layout<'f>, ExportError> {
    let mut l = Layout::new(faces);
    for block in &doc.blocks {
        match block {
            Block::Chart(chart) => l.chart(chart)?,
            Block::Title(text) => {
                l.y += 6.0;
                l.text_block(
                    &[Run::bold(text.clone())],
                    15.0,
                    0.0,
                    Tag::Title.into(),
                    10.0,
                );
            }
            Block::Heading { level, text } => {
                let size = heading_size(*level);
                l.y += size * 0.8;
                // Keep a heading with at least two lines of what follows.
                l.ensure(size * 1.4 + BODY * 3.0);
                let title = text.clone();
                let n = NonZeroU16::new(u16::from((*level).max(1))).unwrap_or(NonZeroU16::MIN);
                l.headings
                    .push((*level, title.clone(), l.page_index(), l.y));
                l.text_block(
                    &[Run::bold(text.clone())],
                    size,
                    0.0,
                    Tag::Hn(n, Some(title)).into(),
                    4.0,
                );
            }
            Block::Paragraph(runs) => l.text_block(runs, BODY, 0.0, Tag::P.into(), 5.0),
            Block::Note(runs) => l.text_block(runs, BODY * 0.85, 14.0, Tag::Note.into(), 5.0),
            Block::BulletList(items) => {
                for item in items {
                    let mut runs = vec![Run::plain("\u{2022} ")];
                    runs.extend(item.iter().cloned());
                    l.text_block(&runs, BODY, 12.0, Tag::LI.into(), 2.0);
                }
                l.y += 3.0;
            }
            Block::Table(table) => l.table(table),
            Block::Signature { title, name } => {
                l.y += BODY * 2.0;
                l.ensure(BODY * 6.0);
                l.text_block(
                    &[Run::plain(title.clone())],
                    BODY,
                    0.0,
                    Tag::P.into(),
                    BODY * 2.0,
                );
                l.text_block(&[Run::bold(name.clone())], BODY, 0.0, Tag::P.into(), 0.0);
            }
        }
    }
    Ok(l)
}

fn pdf_date(doc: &Document) -> DateTime {
    match doc.meta.date {
        Some(d) => DateTime::new(u16::try_from(d.year()).unwrap_or(2000))
            .month(d.month().clamp(1, 12) as u8)
            .day(d.day().clamp(1, 31) as u8)
            .hour(0)
            .minute(0)
            .second(0)
            .utc_offset_hour(0)
            .utc_offset_minute(0),
        None => DateTime::new(2000)
            .month(1)
            .day(1)
            .hour(0)
            .minute(0)
            .second(0)
            .utc_offset_hour(0)
            .utc_offset_minute(0),
    }
}

fn draw_text(
    surface: &mut Surface,
    faces: &Faces,
    x: f32,
    y: f32,
    size: f32,
    style: RunStyle,
    text: &str,
) {
    let face = faces.get(style);
    surface.draw_text(
        Point::from_xy(x, y),
        face.font.clone(),
        size,
        text,
        false,
        TextDirection::Auto,
    );
}

pub fn write(doc: &Document) -> Result<Vec<u8>, ExportError> {
    let faces = Faces {
        regular: Face::load(REGULAR)?,
        bold: Face::load(BOLD)?,
        italic: Face::load(ITALIC)?,
    };
    let layout = layout(doc, &faces)?;

    let configuration = ConfigurationBuilder::new()
        .set_validator(Validator::A(Archival::A2_B))
        .finish()
        .map_err(|e| ExportError::Pdf(format!("{e:?}")))?;
    let settings = SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    };
    let mut pdf = PdfDocument::new_with(settings);
    let total = layout.pages.len();
    let mut leaves: Vec<Vec<Identifier>> = vec![Vec::new(); layout.groups.len()];
    let black = Fill::default();
    for (index, page_ops) in layout.pages.iter().enumerate() {
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
            .ok_or_else(|| ExportError::Pdf("ongeldige paginamaat".to_owned()))?;
        let mut page = pdf.start_page_with(settings);
        let mut surface = page.surface();
        for op in &page_ops.ops {
            match op {
                Op::Text {
                    x,
                    y,
                    size,
                    style,
                    text,
                    tag,
                } => {
                    surface.set_fill(Some(black.clone()));
                    surface.set_stroke(None);
                    match tag {
                        Some(g) => {
                            let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
                            draw_text(&mut surface, &faces, *x, *y, *size, *style, text);
                            surface.end_tagged();
                            if let Some(list) = leaves.get_mut(*g) {
                                list.push(id);
                            }
                        }
                        None => {
                            surface.start_tagged(ContentTag::Artifact(Artifact::new(
                                ArtifactType::Header,
                                None,
                            )));
                            draw_text(&mut surface, &faces, *x, *y, *size, *style, text);
                            surface.end_tagged();
                        }
                    }
                }
                Op::Image {
                    x,
                    y,
                    w,
                    h,
                    png,
                    tag,
                } => {
                    // PDF/A forbids asking the reader to interpolate.
                    let image = Image::from_png(png.clone().into(), false).map_err(|e| {
                        ExportError::Pdf(format!("een grafiek kon niet ingevoegd worden: {e}"))
                    })?;
                    let size = PdfSize::from_wh(*w, *h)
                        .ok_or_else(|| ExportError::Pdf("ongeldige grafiekmaat".to_owned()))?;
                    let id = surface.start_tagged(ContentTag::Other);
                    surface.push_transform(&Transform::from_translate(*x, *y));
                    surface.draw_image(image, size);
                    surface.pop();
                    surface.end_tagged();
                    if let Some(list) = leaves.get_mut(*tag) {
                        list.push(id);
                    }
                }
                Op::Rect { x, y, w, h, fill } => {
                    let mut pb = PathBuilder::new();
                    if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                        pb.push_rect(rect);
                    }
                    if let Some(path) = pb.finish() {
                        surface.start_tagged(ContentTag::Artifact(Artifact::new(
                            ArtifactType::Other,
                            None,
                        )));
                        if *fill {
                            surface.set_fill(Some(Fill {
                                paint: krilla::color::rgb::Color::new(235, 235, 235).into(),
                                ..Fill::default()
                            }));
                        } else {
                            surface.set_fill(None);
                        }
                        surface.set_stroke(Some(Stroke {
                            paint: krilla::color::rgb::Color::new(80, 80, 80).into(),
                            width: 0.5,
                            ..Stroke::default()
                        }));
                        surface.draw_path(&path);
                        surface.end_tagged();
                    }
                }
            }
        }
        surface.set_stroke(None);
        surface.set_fill(Some(black.clone()));
        // Running header and footer: artifacts, not part of the reading order.
        let small = 8.0;
        if !doc.meta.header.is_empty() {
            let text = faces.bold.drawable(&doc.meta.header);
            let w = faces.bold.width(&text, small);
            surface.start_tagged(ContentTag::Artifact(Artifact::new(
                ArtifactType::Header,
                None,
            )));
            draw_text(
                &mut surface,
                &faces,
                (PAGE_W - w) / 2.0,
                36.0,
                small,
                RunStyle::Bold,
                &text,
            );
            surface.end_tagged();
        }
        let footer = if doc.meta.footer.is_empty() {
            format!("pagina {} van {total}", index + 1)
        } else {
            format!(
                "{} \u{2013} pagina {} van {total}",
                doc.meta.footer,
                index + 1
            )
        };
        let footer = faces.regular.drawable(&footer);
        let footer = break_lines(&faces, &[Run::plain(footer)], small, TEXT_W)
            .into_iter()
            .next()
            .map(|l| {
                l.pieces
                    .into_iter()
                    .map(|p| p.1)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default();
        let w = faces.regular.width(&footer, small);
        surface.start_tagged(ContentTag::Artifact(Artifact::new(
            ArtifactType::Footer,
            None,
        )));
        draw_text(
            &mut surface,
            &faces,
            (PAGE_W - w).max(0.0) / 2.0,
            PAGE_H - 36.0,
            small,
            RunStyle::Plain,
            &footer,
        );
        surface.end_tagged();
        surface.finish();
        page.finish();
    }

    let mut tree = TagTree::new().with_lang(Some(doc.meta.language.clone()));
    let mut kids: Vec<Vec<usize>> = vec![Vec::new(); layout.groups.len()];
    let mut roots = Vec::new();
    for (i, (_, parent)) in layout.groups.iter().enumerate() {
        match parent.and_then(|p| kids.get_mut(p)) {
            Some(list) => list.push(i),
            None => roots.push(i),
        }
    }
    let mut kinds: Vec<Option<TagKind>> = layout.groups.into_iter().map(|(k, _)| Some(k)).collect();
    for root in roots {
        if let Some(group) = tag_group(root, &mut kinds, &kids, &mut leaves) {
            tree.push(group);
        }
    }
    pdf.set_tag_tree(tree);

    let mut outline = Outline::new();
    let mut stack: Vec<(u8, OutlineNode)> = Vec::new();
    for (level, title, page, y) in layout.headings {
        let node = OutlineNode::new(
            title,
            XyzDestination::new(page, Point::from_xy(MARGIN_X, y)),
        );
        while let Some((top_level, _)) = stack.last() {
            if *top_level >= level {
                if let Some((_, done)) = stack.pop() {
                    match stack.last_mut() {
                        Some((_, parent)) => parent.push_child(done),
                        None => outline.push_child(done),
                    }
                }
            } else {
                break;
            }
        }
        stack.push((level, node));
    }
    while let Some((_, done)) = stack.pop() {
        match stack.last_mut() {
            Some((_, parent)) => parent.push_child(done),
            None => outline.push_child(done),
        }
    }
    pdf.set_outline(outline);

    let mut metadata = Metadata::new()
        .title(doc.meta.title.clone())
        .language(doc.meta.language.clone())
        .creator("Clusterwerkbank".to_owned())
        .creation_date(pdf_date(doc));
    if !doc.meta.author.is_empty() {
        metadata = metadata.authors(vec![doc.meta.author.clone()]);
    }
    pdf.set_metadata(metadata);
    pdf.finish().map_err(|e| ExportError::Pdf(format!("{e:?}")))
}

/// The tag group `i` with its child groups, then its own content; `None` when empty
/// (krilla drops empty groups anyway, this keeps the tree tidy).
fn tag_group(
    i: usize,
    kinds: &mut [Option<TagKind>],
    kids: &[Vec<usize>],
    leaves: &mut [Vec<Identifier>],
) -> Option<TagGroup> {
    let mut children: Vec<Node> = Vec::new();
    for &k in kids.get(i).map(Vec::as_slice).unwrap_or_default() {
        if let Some(group) = tag_group(k, kinds, kids, leaves) {
            children.push(group.into());
        }
    }
    if let Some(ids) = leaves.get_mut(i) {
        children.extend(std::mem::take(ids).into_iter().map(Node::from));
    }
    let kind = kinds.get_mut(i).and_then(Option::take)?;
    if children.is_empty() {
        return None;
    }
    Some(TagGroup::with_children(kind, children))
}
