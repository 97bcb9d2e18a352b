//! CommonMark with pipe tables. Every character that could start markup is escaped,
//! so a text shows exactly as typed.

use super::document::{Block, CONFIDENTIAL_MARK, Document, Run, RunStyle, Table};

pub fn write(doc: &Document) -> String {
    let mut out = String::new();
    if doc.meta.confidential {
        out.push_str(&format!("**{}**\n\n", escape(CONFIDENTIAL_MARK)));
    }
    // Footnotes are numbered as they are met, the order of `Document::footnotes`.
    let mut notes = 0;
    for block in &doc.blocks {
        match block {
            Block::Title(text) => out.push_str(&format!("# {}\n\n", escape(text))),
            Block::Heading { level, text } => {
                let hashes = "#".repeat(usize::from((*level).clamp(1, 5)) + 1);
                out.push_str(&format!("{hashes} {}\n\n", escape_inline(text, false)));
            }
            Block::Paragraph(runs) => {
                out.push_str(&runs_md(runs, &mut notes));
                out.push_str("\n\n");
            }
            Block::Note(runs) => {
                out.push_str("> ");
                out.push_str(&runs_md(runs, &mut notes));
                out.push_str("\n\n");
            }
            Block::BulletList(items) => {
                for item in items {
                    out.push_str("- ");
                    out.push_str(&runs_md(item, &mut notes));
                    out.push('\n');
                }
                out.push('\n');
            }
            Block::Table(table) => table_md(table, &mut out),
            // Markdown readers differ too much in what images they allow: the
            // caption and the numbers only.
            Block::Chart(chart) => table_md(&chart.table, &mut out),
            Block::Signature { title, name } => {
                // A backslash at the end of a line is CommonMark's hard line break.
                out.push_str(&format!("{}\\\n**{}**\n\n", escape(title), escape(name)));
            }
        }
    }
    // Footnote definitions (GitHub and Pandoc Markdown) at the end; readers without
    // footnotes show them as numbered lines.
    for (i, note) in doc.footnotes().iter().enumerate() {
        out.push_str(&format!("[^{}]: {}\n\n", i + 1, escape_inline(note, false)));
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn runs_md(runs: &[Run], notes: &mut usize) -> String {
    let mut out = String::new();
    for run in runs {
        if run.style == RunStyle::Footnote {
            *notes += 1;
            out.push_str(&format!("[^{notes}]"));
            continue;
        }
        let at_start = out.is_empty();
        let trimmed = run.text.trim();
        if trimmed.is_empty() {
            if !at_start {
                out.push_str(&escape_inline(&run.text, false));
            }
            continue;
        }
        if run.style == RunStyle::Plain {
            let text = if at_start {
                run.text.trim_start()
            } else {
                &run.text
            };
            out.push_str(&escape_inline(text, at_start));
            continue;
        }
        // Emphasis cannot start or end on a space; keep those spaces outside it.
        let lead = &run.text[..run.text.len() - run.text.trim_start().len()];
        let trail = &run.text[run.text.trim_end().len()..];
        let mark = if run.style == RunStyle::Bold {
            "**"
        } else {
            "*"
        };
        if !at_start {
            out.push_str(&escape_inline(lead, false));
        }
        out.push_str(&format!("{mark}{}{mark}", escape_inline(trimmed, false)));
        out.push_str(&escape_inline(trail, false));
    }
    out
}

fn table_md(table: &Table, out: &mut String) {
    let columns = table.columns().max(1);
    if let Some(caption) = &table.caption {
        out.push_str(&format!("*{}*\n\n", escape(caption)));
    }
    let row = |cells: &[String]| {
        let mut line = String::from("|");
        for i in 0..columns {
            let cell = cells
                .get(i)
                .map(|c| escape_inline(c, false))
                .unwrap_or_default();
            line.push_str(&format!(" {cell} |"));
        }
        line.push('\n');
        line
    };
    out.push_str(&row(&table.header));
    out.push('|');
    for _ in 0..columns {
        out.push_str(" --- |");
    }
    out.push('\n');
    for r in &table.rows {
        out.push_str(&row(r));
    }
    out.push('\n');
}

/// Escapes text that starts a CommonMark paragraph.
pub(crate) fn escape(text: &str) -> String {
    escape_inline(text, true)
}

/// Escapes text; `at_line_start` when it begins a line, where list markers and
/// indentation count.
pub(crate) fn escape_inline(text: &str, at_line_start: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut at_line_start = at_line_start;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' | '{'
            | '}' | '$' => {
                out.push('\\');
                out.push(c);
            }
            // List markers, setext underlines and thematic breaks only count at the
            // start of a line.
            '-' | '+' | '=' if at_line_start => {
                out.push('\\');
                out.push(c);
            }
            // A tab or four spaces at the start would open a code block; line breaks
            // would end a table row or a paragraph.
            '\n' | '\r' | '\t' => out.push(' '),
            ' ' if at_line_start => out.push_str("&#32;"),
            _ => out.push(c),
        }
        if c.is_ascii_digit() && at_line_start {
            // "1. text" or "1) text" at the start would become an ordered list.
            let mut digits = String::new();
            while let Some(d) = chars.peek().copied().filter(char::is_ascii_digit) {
                digits.push(d);
                chars.next();
            }
            out.push_str(&digits);
            if let Some(p) = chars.peek().copied()
                && (p == '.' || p == ')')
            {
                out.push('\\');
                out.push(p);
                chars.next();
            }
        }
        at_line_start = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("*a* _b_ <x> & [l](u)"),
            "\\*a\\* \\_b\\_ \\<x\\> \\& \\[l\\](u)"
        );
        assert_eq!(escape("# kop"), "\\# kop");
        assert_eq!(escape("- item"), "\\- item");
        assert_eq!(escape("12. lijst"), "12\\. lijst");
        assert_eq!(escape("a - b 1. c"), "a - b 1. c");
        assert_eq!(escape("a|b"), "a\\|b");
    }
}
