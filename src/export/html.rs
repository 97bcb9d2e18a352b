//! One self-contained HTML file: inline print CSS for A4, no script, no external
//! reference, every text escaped.

use super::document::{Block, Document, Run, RunStyle, Table};

const STYLE: &str = "\
@page { size: A4; margin: 25mm 20mm 25mm 20mm; }
body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 11pt; line-height: 1.4; max-width: 170mm; margin: 0 auto; padding: 1em; color: #000; }
h1 { font-size: 16pt; text-align: center; margin: 1.2em 0; }
h2 { font-size: 14pt; margin-top: 1.4em; break-after: avoid; }
h3 { font-size: 12pt; margin-top: 1.2em; break-after: avoid; }
h4 { font-size: 11pt; break-after: avoid; }
figure.chart { margin: 1em 0 0.4em 0; break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; }
p, li, td, th { overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em; }
caption { font-style: italic; text-align: left; padding-bottom: 0.3em; }
th, td { border: 1px solid #444; padding: 0.25em 0.4em; vertical-align: top; text-align: left; }
th { background: #eee; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.noteref { font-size: 0.75em; line-height: 0; }
.notes { font-size: 9.5pt; border-top: 1px solid #999; margin-top: 2em; }
.notes h2 { font-size: 11pt; }
.note { font-size: 9.5pt; color: #333; border-left: 3px solid #999; padding-left: 0.6em; }
.signature { margin-top: 2em; }
.mark { font-weight: bold; text-align: center; text-transform: uppercase; letter-spacing: 0.05em; }
.running { display: none; }
@media print {
  body { max-width: none; padding: 0; }
  .running { display: block; position: fixed; left: 0; right: 0; font-size: 8.5pt; text-align: center; }
  .running.top { top: 0; }
  .running.bottom { bottom: 0; }
}
";

pub fn write(doc: &Document) -> String {
    let meta = &doc.meta;
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!(
        "<html lang=\"{}\">\n<head>\n",
        attr(&meta.language)
    ));
    out.push_str("<meta charset=\"utf-8\">\n");
    out.push_str(&format!("<title>{}</title>\n", escape(&meta.title)));
    if !meta.author.is_empty() {
        out.push_str(&format!(
            "<meta name=\"author\" content=\"{}\">\n",
            attr(&meta.author)
        ));
    }
    if let Some(date) = meta.date {
        out.push_str(&format!("<meta name=\"date\" content=\"{}\">\n", date));
    }
    out.push_str(&format!("<style>\n{STYLE}</style>\n</head>\n<body>\n"));
    if !meta.header.is_empty() {
        out.push_str(&format!(
            "<div class=\"running top\">{}</div>\n",
            escape(&meta.header)
        ));
    }
    if !meta.footer.is_empty() {
        out.push_str(&format!(
            "<div class=\"running bottom\">{}</div>\n",
            escape(&meta.footer)
        ));
    }
    if meta.confidential {
        out.push_str(&format!(
            "<p class=\"mark\">{}</p>\n",
            escape(super::document::CONFIDENTIAL_MARK)
        ));
    }
    // Footnotes are numbered as they are met, the order of `Document::footnotes`.
    let mut notes = 0;
    for block in &doc.blocks {
        match block {
            Block::Title(text) => {
                out.push_str(&format!("<h1 dir=\"auto\">{}</h1>\n", escape(text)))
            }
            Block::Heading { level, text } => {
                let n = (*level).clamp(1, 5) + 1;
                out.push_str(&format!("<h{n} dir=\"auto\">{}</h{n}>\n", escape(text)));
            }
            Block::Paragraph(runs) => {
                out.push_str(&format!(
                    "<p dir=\"auto\">{}</p>\n",
                    runs_html(runs, &mut notes)
                ));
            }
            Block::Note(runs) => {
                out.push_str(&format!(
                    "<p class=\"note\" dir=\"auto\">{}</p>\n",
                    runs_html(runs, &mut notes)
                ));
            }
            Block::BulletList(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    out.push_str(&format!(
                        "<li dir=\"auto\">{}</li>\n",
                        runs_html(item, &mut notes)
                    ));
                }
                out.push_str("</ul>\n");
            }
            Block::Table(table) => table_html(table, &mut out),
            Block::Chart(chart) => {
                // The SVG is escaped and script-free where it is made (charts::svg).
                out.push_str(&format!(
                    "<figure class=\"chart\" role=\"img\" aria-label=\"{}\">\n{}\n</figure>\n",
                    escape(&chart.title),
                    chart.svg.trim()
                ));
                table_html(&chart.table, &mut out);
            }
            Block::Signature { title, name } => out.push_str(&format!(
                "<p class=\"signature\" dir=\"auto\">{}<br>\n<strong>{}</strong></p>\n",
                escape(title),
                escape(name)
            )),
        }
    }
    notes_html(doc, &mut out);
    out.push_str("</body>\n</html>\n");
    out
}

/// The notes at the end, each linked back to its marker. Ids are the note numbers,
/// so the same document gives the same file.
fn notes_html(doc: &Document, out: &mut String) {
    let notes = doc.footnotes();
    if notes.is_empty() {
        return;
    }
    out.push_str("<section class=\"notes\" role=\"doc-endnotes\">\n<h2>Noten</h2>\n<ol>\n");
    for (i, note) in notes.iter().enumerate() {
        let n = i + 1;
        out.push_str(&format!(
            "<li id=\"noot-{n}\" dir=\"auto\">{} <a href=\"#noot-ref-{n}\" role=\"doc-backlink\" aria-label=\"terug naar noot {n} in de tekst\">\u{21a9}</a></li>\n",
            escape(note)
        ));
    }
    out.push_str("</ol>\n</section>\n");
}

fn runs_html(runs: &[Run], notes: &mut usize) -> String {
    runs.iter()
        .map(|r| match r.style {
            RunStyle::Plain => escape(&r.text),
            RunStyle::Bold => format!("<strong>{}</strong>", escape(&r.text)),
            RunStyle::Italic => format!("<em>{}</em>", escape(&r.text)),
            RunStyle::Footnote => {
                *notes += 1;
                let n = *notes;
                format!(
                    "<sup class=\"noteref\"><a href=\"#noot-{n}\" id=\"noot-ref-{n}\" role=\"doc-noteref\" aria-label=\"noot {n}\">{n}</a></sup>"
                )
            }
        })
        .collect()
}

fn table_html(table: &Table, out: &mut String) {
    let columns = table.columns();
    out.push_str("<table>\n");
    if let Some(caption) = &table.caption {
        out.push_str(&format!(
            "<caption dir=\"auto\">{}</caption>\n",
            escape(caption)
        ));
    }
    out.push_str("<thead>\n<tr>");
    for i in 0..columns {
        let cell = table.header.get(i).map(String::as_str).unwrap_or("");
        out.push_str(&format!(
            "<th scope=\"col\" dir=\"auto\">{}</th>",
            escape(cell)
        ));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for i in 0..columns {
            let cell = row.get(i).map(String::as_str).unwrap_or("");
            out.push_str(&format!("<td dir=\"auto\">{}</td>", escape(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Escapes text content.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

fn attr(text: &str) -> String {
    escape(text)
}
