//! The `Document` as typst markup. Every piece of user text enters as a typst
//! string literal ([`str_lit`]) inside code, never as markup, so no character a
//! person types can become a heading, a function call or a comment.

use std::fmt::Write as _;

use crate::export::document::{Block, Chart, Document, Run, RunStyle, Table};
use crate::export::fit::{self, Metrics, Page, TableFit};

pub(super) const MARGIN_X: f64 = 62.0;
/// The text block tables must fit, upright and turned.
const PAGE: Page = Page::a4(MARGIN_X);
pub(super) const MARGIN_Y: f64 = 70.0;
const BODY_SIZE: f64 = 10.0;
/// Runs of more letters than this without a space (pasted links, "WWWW…") may
/// break every few letters; shorter ones only where Dutch hyphenation allows.
pub(super) const LONG_WORD: usize = fit::LONG_WORD;
/// The running header and footer keep to one line; longer user text is cut.
const RUNNING_MAX: usize = 90;
/// A chart is at most this high, so its caption and table start on its page.
const CHART_MAX_HEIGHT: f64 = (841.89 - 2.0 * MARGIN_Y) * 0.5;

/// `text` as a typst string literal: the exact characters, nothing interpreted.
/// Inside a string only the backslash and the double quote are special; control
/// characters are written as escapes so the literal stays on one line.
pub fn str_lit(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Builds the markup; the fonts decide which characters can be drawn.
pub(super) struct Writer<'m> {
    metrics: &'m Metrics<'m>,
    out: String,
}

impl<'m> Writer<'m> {
    pub(super) fn new(metrics: &'m Metrics<'m>) -> Self {
        Self {
            metrics,
            out: String::new(),
        }
    }

    /// User text as a typst expression that shows it exactly: a string literal,
    /// or for text with an overlong run of letters, that run cut into boxes of a
    /// few letters joined to the rest (`("…" + box("WWWWW") + …)`). Typst may break
    /// a line between boxes, so the run wraps instead of leaving the page, and
    /// nothing is added to the text a reader extracts.
    fn text(&self, text: &str) -> String {
        let printable = self.printable(text);
        let pieces = long_runs_boxed(&printable);
        match pieces.as_slice() {
            [] => str_lit(""),
            [(false, only)] => str_lit(only),
            _ => {
                let parts: Vec<String> = pieces
                    .iter()
                    .map(|(boxed, piece)| {
                        if *boxed {
                            format!("box({})", str_lit(piece))
                        } else {
                            str_lit(piece)
                        }
                    })
                    .collect();
                format!("({})", parts.join(" + "))
            }
        }
    }

    /// User text as a plain string literal, for metadata and alternative text.
    fn plain(&self, text: &str) -> String {
        str_lit(&self.printable(text))
    }

    /// Characters no embedded face has become "?" (PDF/A forbids the empty glyph);
    /// "€ 650.000" keeps its sign and amount together.
    fn printable(&self, text: &str) -> String {
        let drawable: String = text
            .chars()
            .map(|c| {
                if c == ' ' || is_invisible_format(c) || self.metrics.covers(c) {
                    c
                } else if c.is_whitespace() {
                    ' '
                } else {
                    '?'
                }
            })
            .collect();
        euro_unbroken(&drawable)
    }

    pub(super) fn document(mut self, doc: &Document) -> String {
        self.preamble(doc);
        for block in &doc.blocks {
            self.block(block);
        }
        self.out
    }

    fn preamble(&mut self, doc: &Document) {
        let meta = &doc.meta;
        let (lang, region) = language(&meta.language);
        let title = self.plain(&meta.title);
        let _ = writeln!(self.out, "#set document(title: {title})");
        if !meta.author.trim().is_empty() {
            let author = self.plain(&meta.author);
            let _ = writeln!(self.out, "#set document(author: {author})");
        }
        let region = region.map_or_else(|| "none".to_owned(), |r| str_lit(&r));
        let _ = writeln!(
            self.out,
            "#set text(font: \"DejaVu Sans\", size: {BODY_SIZE}pt, lang: {}, region: {region}, hyphenate: true)",
            str_lit(&lang)
        );
        let header = if meta.header.is_empty() {
            "none".to_owned()
        } else {
            format!(
                "align(center, text(size: 8pt, weight: \"bold\", {}))",
                self.text(&running(&meta.header))
            )
        };
        let footer_lead = if meta.footer.is_empty() {
            str_lit("")
        } else {
            self.text(&format!("{} \u{2013} ", running(&meta.footer)))
        };
        // "pagina 3 van 9": the total is known only once typst has paginated.
        let _ = writeln!(
            self.out,
            "#set page(paper: \"a4\", margin: (x: {MARGIN_X}pt, y: {MARGIN_Y}pt), header: {header}, \
             footer: context align(center, text(size: 8pt, {footer_lead} + \"pagina \" + \
             str(counter(page).get().first()) + \" van \" + str(counter(page).final().first()))))"
        );
        self.out.push_str(PREAMBLE_STYLES);
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Title(text) => {
                let t = self.text(text);
                let _ = writeln!(self.out, "#title({t})");
            }
            Block::Heading { level, text } => {
                let t = self.text(text);
                let level = (*level).clamp(1, 6);
                let _ = writeln!(self.out, "#heading(level: {level}, {t})");
            }
            Block::Paragraph(runs) => {
                let r = self.runs(runs);
                let _ = writeln!(self.out, "#par[{r}]");
            }
            Block::Note(runs) => {
                let r = self.runs(runs);
                let _ = writeln!(
                    self.out,
                    "#block(inset: (left: 14pt), text(size: 8.5pt, par[{r}]))"
                );
            }
            Block::BulletList(items) => {
                let items: Vec<String> = items
                    .iter()
                    .map(|runs| format!("[{}]", self.runs(runs)))
                    .collect();
                let _ = writeln!(self.out, "#list({})", items.join(", "));
            }
            Block::Table(table) => self.table(table),
            Block::Signature { title, name } => {
                let (t, n) = (self.text(title), self.text(name));
                let _ = writeln!(
                    self.out,
                    "#block(above: 2.5em, breakable: false, stack(spacing: 2.5em, {t}, strong({n})))"
                );
            }
            Block::Chart(chart) => self.chart(chart),
        }
    }

    fn runs(&self, runs: &[Run]) -> String {
        let mut out = String::new();
        for run in runs {
            let t = self.text(&run.text);
            match run.style {
                RunStyle::Plain => out.push('#'),
                RunStyle::Bold => out.push_str("#strong"),
                RunStyle::Italic => out.push_str("#emph"),
                RunStyle::Footnote => out.push_str("#footnote"),
            }
            if run.style == RunStyle::Plain {
                out.push_str(&t);
            } else {
                let _ = write!(out, "({t})");
            }
        }
        out
    }

    /// The picture at most the text width and half a page high, kept on the page
    /// of the caption and table that follow it; the title is its alternative text.
    fn chart(&mut self, chart: &Chart) {
        let width = crate::export::svg_size(&chart.svg)
            .map(|(w, h)| {
                let text_width = 595.28 - 2.0 * MARGIN_X;
                let height_at_full = text_width * h / w;
                if height_at_full > CHART_MAX_HEIGHT {
                    format!("{:.1}pt", CHART_MAX_HEIGHT * w / h)
                } else {
                    "100%".to_owned()
                }
            })
            .unwrap_or_else(|| "100%".to_owned());
        let alt = self.plain(&chart.title);
        let _ = writeln!(
            self.out,
            "#block(sticky: true, breakable: false, align(center, image(bytes({}), format: \"svg\", alt: {alt}, width: {width})))",
            str_lit(&chart.svg)
        );
        self.table(&chart.table);
    }

    fn table(&mut self, table: &Table) {
        for part in fit::plan(self.metrics, PAGE, table) {
            self.table_part(table, part.caption.as_deref(), &part.columns, &part.fit);
        }
    }

    /// The columns `picked` of `table` with their caption, set as `fit` says.
    fn table_part(
        &mut self,
        table: &Table,
        caption: Option<&str>,
        picked: &[usize],
        fit: &TableFit,
    ) {
        let widths: Vec<String> = fit
            .columns
            .iter()
            .map(|w| w.map_or_else(|| "auto".to_owned(), |w| format!("{w:.2}pt")))
            .collect();
        let mut body = String::new();
        if let Some(caption) = caption {
            let _ = write!(
                body,
                "block(sticky: true, below: 0.5em, text(size: 9pt, emph({}))) + ",
                self.text(caption)
            );
        }
        let header: Vec<String> = picked
            .iter()
            .map(|&i| {
                let cell = table.header.get(i).map_or("", String::as_str);
                format!("strong({})", self.cell(cell))
            })
            .collect();
        let _ = write!(
            body,
            "text(size: {}pt, table(columns: ({},), table.header({}),",
            fit.size,
            widths.join(", "),
            header.join(", ")
        );
        for row in &table.rows {
            for &i in picked {
                let cell = row.get(i).map_or("", String::as_str);
                if fit::is_amount(cell) {
                    let _ = write!(body, " table.cell(align: right, {}),", self.cell(cell));
                } else {
                    let _ = write!(body, " {},", self.cell(cell));
                }
            }
        }
        body.push_str("))");
        if fit.landscape {
            let _ = writeln!(self.out, "#page(flipped: true, {body})");
        } else {
            let _ = writeln!(self.out, "#{{{body}}}");
        }
    }

    /// A cell's text; amounts in an unbreakable box with a no-break space after
    /// the euro sign.
    fn cell(&self, cell: &str) -> String {
        if fit::is_amount(cell) {
            format!("box({})", self.plain(&cell.replace(' ', "\u{a0}")))
        } else {
            self.text(cell)
        }
    }
}

/// Styles after the page set-up: headings, title, lists and table lines.
const PREAMBLE_STYLES: &str = r#"#set par(justify: true, spacing: 0.9em)
#set heading(numbering: none)
#show heading: set block(above: 1.5em, below: 0.7em)
#show heading.where(level: 1): set text(size: 14pt)
#show heading.where(level: 2): set text(size: 12pt)
#show heading.where(level: 3): set text(size: 10.5pt)
#show title: set text(size: 15pt)
#show title: set block(below: 1.2em)
#set list(indent: 4pt, spacing: 0.5em)
#show table: set par(justify: false)
#set table(inset: 3pt, stroke: 0.5pt + rgb(80, 80, 80), fill: (_, y) => if y == 0 { rgb(235, 235, 235) })
"#;

/// One line of user text for the running header or footer.
fn running(text: &str) -> String {
    if text.chars().count() <= RUNNING_MAX {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(RUNNING_MAX).collect();
    cut.push('\u{2026}');
    cut
}

/// Format characters that draw nothing (bidi marks, joiners, soft hyphen): typst
/// handles them without a glyph, so they stay even where the font lacks one.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
    )
}

/// "€ 650.000" in running text: a no-break space keeps the sign with its amount.
fn euro_unbroken(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '€' && chars.peek() == Some(&' ') {
            let mut ahead = chars.clone();
            ahead.next();
            if ahead
                .peek()
                .is_some_and(|d| d.is_ascii_digit() || *d == '-')
            {
                chars.next();
                out.push('\u{a0}');
            }
        }
    }
    out
}

/// Letters per box when an overlong run is cut: lines fill to within this many.
const BOX_LETTERS: usize = 5;

/// `text` as pieces, `true` for a box: every run of more than [`LONG_WORD`]
/// characters without a space is cut into boxes of [`BOX_LETTERS`].
fn long_runs_boxed(text: &str) -> Vec<(bool, String)> {
    let mut pieces: Vec<(bool, String)> = Vec::new();
    let mut plain = String::new();
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            plain.push(' ');
        }
        if word.chars().count() <= LONG_WORD {
            plain.push_str(word);
            continue;
        }
        if !plain.is_empty() {
            pieces.push((false, std::mem::take(&mut plain)));
        }
        let letters: Vec<char> = word.chars().collect();
        for chunk in letters.chunks(BOX_LETTERS) {
            pieces.push((true, chunk.iter().collect()));
        }
    }
    if !plain.is_empty() {
        pieces.push((false, plain));
    }
    pieces
}

/// Typst's language and region from a BCP 47 tag ("nl-BE"); Dutch when the tag
/// is not one typst accepts.
fn language(tag: &str) -> (String, Option<String>) {
    let mut parts = tag.split(['-', '_']);
    let lang = parts
        .next()
        .filter(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()))
        .map_or_else(|| "nl".to_owned(), str::to_ascii_lowercase);
    let region = parts
        .next()
        .filter(|r| r.len() == 2 && r.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_ascii_lowercase);
    (lang, region)
}
