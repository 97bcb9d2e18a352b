//! The format-neutral communication: what every writer and the in-app preview walk.
//!
//! Text in a [`Document`] is already clean (see [`clean_text`]): no control characters
//! other than tab, no line breaks inside runs or cells. Writers only escape.

use crate::model::text::normalise_breaks;
use jiff::civil::Date;

/// "Vertrouwelijk – ontwerp", on every page of a confidential draft.
pub(crate) const CONFIDENTIAL_MARK: &str = "Vertrouwelijk \u{2013} ontwerp";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    pub meta: DocumentMeta,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentMeta {
    pub title: String,
    pub author: String,
    /// The document date; also the timestamp inside DOCX and PDF.
    pub date: Option<Date>,
    /// Marks every page (and the top of md/txt/html) with [`CONFIDENTIAL_MARK`].
    pub confidential: bool,
    /// Page header text; empty for none.
    pub header: String,
    /// Page footer text; the page number is added by the paged formats.
    pub footer: String,
    /// BCP 47 language tag of the text.
    pub language: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum RunStyle {
    #[default]
    Plain,
    Bold,
    Italic,
    /// Not inline text but a footnote anchored where the run stands: `text` is the
    /// note's content (a citation such as "VARIO, advies 36 van 6 mei 2024, p. 7").
    /// Paged formats set it at the foot of the page (DOCX: `word/footnotes.xml`);
    /// the others number it and list the notes at the end. Numbers follow
    /// [`Document::footnotes`].
    Footnote,
}

/// A piece of inline text with one style.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub style: RunStyle,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            style: RunStyle::Plain,
        }
    }
    pub(crate) fn bold(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            style: RunStyle::Bold,
        }
    }
    pub(crate) fn italic(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            style: RunStyle::Italic,
        }
    }
    /// A footnote whose content is `text`; see [`RunStyle::Footnote`].
    pub fn footnote(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            style: RunStyle::Footnote,
        }
    }
}

/// A table with one header row. Cells are single-line plain text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub caption: Option<String>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn columns(&self) -> usize {
        self.rows
            .iter()
            .map(Vec::len)
            .chain(std::iter::once(self.header.len()))
            .max()
            .unwrap_or(0)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// The document title ("MEDEDELING AAN DE VLAAMSE REGERING").
    Title(String),
    /// A section heading, level 1 to 3; the text carries its number ("3.2 …").
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(Vec<Run>),
    BulletList(Vec<Vec<Run>>),
    Table(Table),
    /// A note or source, set smaller.
    Note(Vec<Run>),
    /// The minister's title and name under the closing sentence.
    Signature {
        title: String,
        name: String,
    },
    /// One of the four charts, drawn from the same chart data as the window.
    Chart(Chart),
}

/// A chart as SVG (escaped, script-free, self-contained) with the numbers behind it.
/// HTML inlines the SVG, the PDF draws it as vector graphics, DOCX as a PNG,
/// Markdown and text show the caption and the table only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    pub title: String,
    pub svg: String,
    pub table: Table,
}

impl Chart {
    /// From the charts module's output, whose table has its header as first row.
    pub(crate) fn from_svg(chart: crate::charts::svg::ChartSvg) -> Self {
        let mut rows = chart
            .table
            .into_iter()
            .map(|row| row.iter().map(|cell| one_line(cell)).collect::<Vec<_>>());
        let header = rows.next().unwrap_or_default();
        let title = one_line(&chart.title);
        Self {
            table: Table {
                caption: Some(title.clone()),
                header,
                rows: rows.collect(),
            },
            title,
            svg: chart.svg,
        }
    }
}

impl Block {
    pub fn paragraph(text: impl Into<String>) -> Self {
        Block::Paragraph(vec![Run::plain(text)])
    }
}

impl Document {
    /// The footnotes' contents in reading order; footnote `n` (from 1) is element `n - 1`.
    /// Every writer numbers them this way, so the preview and all formats agree.
    pub fn footnotes(&self) -> Vec<&str> {
        let mut notes = Vec::new();
        for block in &self.blocks {
            let runs: Box<dyn Iterator<Item = &Run>> = match block {
                Block::Paragraph(runs) | Block::Note(runs) => Box::new(runs.iter()),
                Block::BulletList(items) => Box::new(items.iter().flatten()),
                _ => Box::new(std::iter::empty()),
            };
            notes.extend(
                runs.filter(|r| r.style == RunStyle::Footnote)
                    .map(|r| r.text.as_str()),
            );
        }
        notes
    }

    /// Headings with their level, for outlines and tables of contents.
    pub fn headings(&self) -> impl Iterator<Item = (u8, &str)> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Heading { level, text } => Some((*level, text.as_str())),
            _ => None,
        })
    }
}

/// Text as a person typed it, minus what no format can hold: every kind of line break
/// becomes LF first (a lone CR or Word's VT is a break, not debris; see
/// [`normalise_breaks`]), then control characters other than tab and newline (XML 1.0
/// forbids them) and the Unicode non-characters U+FFFE/U+FFFF are dropped.
pub(crate) fn clean_text(text: &str) -> String {
    let keep =
        |c: char| c == '\t' || c == '\n' || !(c.is_control() || c == '\u{fffe}' || c == '\u{ffff}');
    let normal = normalise_breaks(text);
    // Nearly every text is clean already: copied whole, not char by char.
    if normal.chars().all(keep) {
        return normal.into_owned();
    }
    normal.chars().filter(|c| keep(*c)).collect()
}

/// One line for a table cell or a run: cleaned, line breaks and tabs as spaces.
pub(crate) fn one_line(text: &str) -> String {
    let cleaned = clean_text(text);
    let mut out = String::with_capacity(cleaned.len());
    for piece in cleaned
        .split(['\n', '\t'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(piece);
    }
    out
}

/// Dates as the Flemish government writes them in a text: "31 mei 2024" (the same
/// form as the charts). Input fields in the window keep "dd-mm-jjjj".
pub(crate) fn flemish_date(date: Date) -> String {
    crate::charts::svg::dutch_date(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_keeps_text_and_drops_controls() {
        assert_eq!(clean_text("a\u{0}b\u{7}c\r\nd\te\u{1b}"), "abc\nd\te");
        assert_eq!(
            clean_text("Eerste\rTweede\u{b}Derde"),
            "Eerste\nTweede\nDerde"
        );
        assert_eq!(
            one_line("Eerste\rTweede\u{2028}Derde"),
            "Eerste Tweede Derde"
        );
        assert_eq!(clean_text("מָה 😀 &<>"), "מָה 😀 &<>");
        assert_eq!(one_line(" a\n b\tc "), "a b c");
    }

    #[test]
    fn dates_are_written_out() {
        assert_eq!(flemish_date(jiff::civil::date(2024, 5, 31)), "31 mei 2024");
        assert_eq!(
            flemish_date(jiff::civil::date(2026, 12, 31)),
            "31 december 2026"
        );
        assert_eq!(flemish_date(jiff::civil::date(2024, 3, 5)), "5 maart 2024");
    }
}
