//! Plain text for an e-mail: wrapped at 72 characters, tables as wrapped grids.

use super::document::{Block, CONFIDENTIAL_MARK, Document, Run, RunStyle, Table};

const WIDTH: usize = 72;
/// A table with more columns than fit at a readable width becomes one record per row.
const MIN_COLUMN: usize = 8;

pub fn write(doc: &Document) -> String {
    let mut out = String::new();
    if doc.meta.confidential {
        out.push_str(&format!("*** {} ***\n\n", CONFIDENTIAL_MARK.to_uppercase()));
    }
    // Footnotes are numbered as they are met, the order of `Document::footnotes`.
    let mut notes = 0;
    for block in &doc.blocks {
        match block {
            Block::Title(text) => {
                push_wrapped(&mut out, text, "", "");
                out.push_str(&"=".repeat(width_of(text).min(WIDTH)));
                out.push_str("\n\n");
            }
            Block::Heading { level, text } => {
                push_wrapped(&mut out, text, "", "");
                let underline = if *level <= 1 { '=' } else { '-' };
                if *level <= 2 {
                    out.push_str(&underline.to_string().repeat(width_of(text).min(WIDTH)));
                    out.push('\n');
                }
                out.push('\n');
            }
            Block::Paragraph(runs) => {
                push_wrapped(&mut out, &plain(runs, &mut notes), "", "");
                out.push('\n');
            }
            Block::Note(runs) => {
                push_wrapped(&mut out, &plain(runs, &mut notes), "  ", "  ");
                out.push('\n');
            }
            Block::BulletList(items) => {
                for item in items {
                    push_wrapped(&mut out, &plain(item, &mut notes), "- ", "  ");
                }
                out.push('\n');
            }
            Block::Table(table) => {
                push_table(&mut out, table);
                out.push('\n');
            }
            // Plain text cannot draw: the caption and the numbers only.
            Block::Chart(chart) => {
                push_table(&mut out, &chart.table);
                out.push('\n');
            }
            Block::Signature { title, name } => {
                push_wrapped(&mut out, title, "", "");
                out.push('\n');
                push_wrapped(&mut out, name, "", "");
                out.push('\n');
            }
        }
    }
    push_notes(&mut out, &doc.footnotes());
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// "Noten" and the notes, "[1] …", wrapped under their own text.
fn push_notes(out: &mut String, notes: &[&str]) {
    if notes.is_empty() {
        return;
    }
    out.push_str("Noten\n-----\n\n");
    for (i, note) in notes.iter().enumerate() {
        let marker = format!("[{}] ", i + 1);
        let indent = " ".repeat(width_of(&marker));
        push_wrapped(out, note, &marker, &indent);
    }
    out.push('\n');
}

/// The runs' text; a footnote becomes its marker "[n]".
fn plain(runs: &[Run], notes: &mut usize) -> String {
    let mut out = String::new();
    for run in runs {
        if run.style == RunStyle::Footnote {
            *notes += 1;
            out.push_str(&format!("[{notes}]"));
        } else {
            out.push_str(&run.text);
        }
    }
    out
}

/// Words between breakable spaces: a no-break space ("€\u{a0}650.000") keeps its
/// neighbours on one line.
fn breakable_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}'))
        .filter(|w| !w.is_empty())
}

fn width_of(text: &str) -> usize {
    text.chars().count()
}

/// Greedy word wrap at breakable spaces; words longer than the width are cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0;
    for word in breakable_words(text) {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            let rest = word.split_off(width);
            lines.push(word.into_iter().collect());
            word = rest;
        }
        let w = word.len();
        if line_width > 0 && line_width + 1 + w > width {
            lines.push(std::mem::take(&mut line));
            line_width = 0;
        }
        if line_width > 0 {
            line.push(' ');
            line_width += 1;
        }
        line.extend(word);
        line_width += w;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn push_wrapped(out: &mut String, text: &str, first: &str, rest: &str) {
    // The wider prefix decides, so continuation lines fit too.
    let width = WIDTH
        .saturating_sub(width_of(first).max(width_of(rest)))
        .max(20);
    for (i, line) in wrap(text, width).iter().enumerate() {
        out.push_str(if i == 0 { first } else { rest });
        out.push_str(line);
        out.push('\n');
    }
}

fn push_table(out: &mut String, table: &Table) {
    let columns = table.columns();
    if columns == 0 {
        return;
    }
    if let Some(caption) = &table.caption {
        push_wrapped(out, caption, "", "");
        out.push('\n');
    }
    let separators = 3 * (columns - 1);
    if MIN_COLUMN * columns + separators > WIDTH {
        push_records(out, table);
        return;
    }
    // Natural widths, then shrink the widest column until the table fits.
    let cell = |row: &[String], i: usize| row.get(i).cloned().unwrap_or_default();
    let mut widths: Vec<usize> = (0..columns)
        .map(|i| {
            std::iter::once(&table.header)
                .chain(&table.rows)
                .map(|r| width_of(&cell(r, i)))
                .max()
                .unwrap_or(0)
                .max(1)
        })
        .collect();
    // Columns give up space down to their longest word and no further: a table
    // whose words cannot all stay whole at this width is written as one record per
    // row instead, since a word cut over two lines of a cell ("Entertainmenttec" /
    // "hnologie") is misread.
    let longest_word: Vec<usize> = (0..columns)
        .map(|i| {
            std::iter::once(&table.header)
                .chain(&table.rows)
                .flat_map(|r| {
                    breakable_words(&cell(r, i))
                        .map(width_of)
                        .collect::<Vec<_>>()
                })
                .max()
                .unwrap_or(1)
                .max(MIN_COLUMN)
        })
        .collect();
    if longest_word.iter().sum::<usize>() + separators > WIDTH {
        push_records(out, table);
        return;
    }
    while widths.iter().sum::<usize>() + separators > WIDTH {
        let slack = |i: usize, w: usize| {
            w.saturating_sub(longest_word.get(i).copied().unwrap_or(MIN_COLUMN))
        };
        let choice = widths
            .iter()
            .enumerate()
            .filter(|(i, w)| slack(*i, **w) > 0)
            .max_by_key(|(i, w)| (slack(*i, **w), usize::MAX - i))
            .map(|(i, _)| i);
        match choice.and_then(|i| widths.get_mut(i)) {
            Some(w) => *w -= 1,
            None => break,
        }
    }
    let push_row = |out: &mut String, row: &[String]| {
        let wrapped: Vec<Vec<String>> = (0..columns)
            .map(|i| wrap(&cell(row, i), widths.get(i).copied().unwrap_or(MIN_COLUMN)))
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        for line in 0..height {
            let mut text = String::new();
            for (i, lines) in wrapped.iter().enumerate() {
                if i > 0 {
                    text.push_str(" | ");
                }
                let part = lines.get(line).map(String::as_str).unwrap_or("");
                text.push_str(part);
                let w = widths.get(i).copied().unwrap_or(0);
                text.push_str(&" ".repeat(w.saturating_sub(width_of(part))));
            }
            out.push_str(text.trim_end());
            out.push('\n');
        }
    };
    push_row(out, &table.header);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    out.push_str(&rule.join("-+-"));
    out.push('\n');
    for row in &table.rows {
        push_row(out, row);
    }
}

/// "Kop: waarde" lines per row, for tables too wide for a grid.
fn push_records(out: &mut String, table: &Table) {
    for (n, row) in table.rows.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        for (i, value) in row.iter().enumerate() {
            let label = table.header.get(i).cloned().unwrap_or_default();
            push_wrapped(out, &format!("{label}: {value}"), "", "    ");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_and_cuts_long_words() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("", 3), vec![""]);
    }

    /// Every word of every cell stands whole on one line: in the table while the
    /// longest words fit beside each other, else in one record per row.
    #[test]
    fn a_table_never_cuts_a_word() {
        let long = "Entertainmenttechnologie";
        for columns in 2..=5 {
            let row: Vec<String> = (0..columns).map(|i| format!("{long}{i} kort")).collect();
            let table = Table {
                caption: None,
                header: (0..columns).map(|i| format!("Kolom {i}")).collect(),
                rows: vec![row.clone(), row],
            };
            let mut out = String::new();
            push_table(&mut out, &table);
            for i in 0..columns {
                let word = format!("{long}{i}");
                assert_eq!(out.matches(&word).count(), 2, "{columns} columns:\n{out}");
            }
        }
    }
}
