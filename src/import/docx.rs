//! Word (.docx): paragraphs in order, headings by their style, numbered paragraphs
//! under the number Word shows, table rows, and footnotes. The parts are XML in a ZIP;
//! roxmltree reads them.

use std::collections::HashMap;
use std::io::{Cursor, Read as _};

use roxmltree::{Document, Node};

use super::{ImportError, Locator, Passage, PassageKind, Read, tidy};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A part larger than this unpacked is refused (a ZIP bomb, not an advice).
const MAX_PART_BYTES: u64 = 200 * 1024 * 1024;

pub(super) fn read(file: &str, bytes: &[u8]) -> Result<Read, ImportError> {
    let damaged = |detail: String| ImportError::DamagedDocx {
        file: file.to_owned(),
        detail,
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ImportError::NotZip {
        file: file.to_owned(),
    })?;
    let document = part(&mut zip, "word/document.xml")
        .map_err(&damaged)?
        .ok_or_else(|| {
            damaged("het bevat geen word/document.xml (is het een ander soort ZIP?)".to_owned())
        })?;
    let styles = part(&mut zip, "word/styles.xml").map_err(&damaged)?;
    let numbering = part(&mut zip, "word/numbering.xml").map_err(&damaged)?;
    let footnotes = part(&mut zip, "word/footnotes.xml").map_err(&damaged)?;
    let core = part(&mut zip, "docProps/core.xml").map_err(&damaged)?;

    fn parse<'t>(
        name: &str,
        text: &'t str,
        damaged: &dyn Fn(String) -> ImportError,
    ) -> Result<Document<'t>, ImportError> {
        Document::parse(text).map_err(|e| damaged(format!("{name}: {e}")))
    }
    let document = parse("word/document.xml", &document, &damaged)?;
    let styles = styles
        .as_deref()
        .map(|t| parse("word/styles.xml", t, &damaged))
        .transpose()?;
    let numbering = numbering
        .as_deref()
        .map(|t| parse("word/numbering.xml", t, &damaged))
        .transpose()?;
    let footnotes = footnotes
        .as_deref()
        .map(|t| parse("word/footnotes.xml", t, &damaged))
        .transpose()?;

    let mut reader = Reader {
        styles: styles.as_ref().map(Styles::read).unwrap_or_default(),
        numbering: numbering.as_ref().map(Numbering::read).unwrap_or_default(),
        passages: Vec::new(),
        footnote_ids: Vec::new(),
        paragraphs: 0,
        tables: 0,
    };
    let body = document
        .root_element()
        .children()
        .find(|n| is(n, "body"))
        .ok_or_else(|| damaged("word/document.xml heeft geen w:body".to_owned()))?;
    reader.block_children(body);

    // Footnotes in the order the text refers to them, numbered as Word shows them.
    if let Some(footnotes) = &footnotes {
        let by_id: HashMap<&str, Node<'_, '_>> = footnotes
            .root_element()
            .children()
            .filter(|n| is(n, "footnote"))
            .filter_map(|n| n.attribute((W, "id")).map(|id| (id, n)))
            .collect();
        let mut number = 0;
        for id in std::mem::take(&mut reader.footnote_ids) {
            let Some(note) = by_id.get(id.as_str()) else {
                continue;
            };
            number += 1;
            let text: Vec<String> = note
                .children()
                .filter(|n| is(n, "p"))
                .map(|p| paragraph_text(p, &mut Vec::new()))
                .collect();
            if let Some(text) = tidy(&text.join("\n")) {
                reader.passages.push(Passage {
                    locator: Locator::Footnote(number),
                    kind: PassageKind::Footnote,
                    text,
                });
            }
        }
    }

    let title = core.as_deref().and_then(core_title);
    Ok(Read {
        title,
        passages: reader.passages,
    })
}

/// One part of the package as text, `None` when the package has no such part.
fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, String> {
    let file = match zip.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("{name}: {e}")),
    };
    if file.size() > MAX_PART_BYTES {
        return Err(format!("{name} is uitgepakt groter dan 200 MB"));
    }
    let mut text = String::new();
    file.take(MAX_PART_BYTES)
        .read_to_string(&mut text)
        .map_err(|e| format!("{name}: {e}"))?;
    Ok(Some(text))
}

fn is(node: &Node<'_, '_>, local: &str) -> bool {
    node.is_element() && node.tag_name().name() == local && node.tag_name().namespace() == Some(W)
}

fn child<'a, 'input>(node: Node<'a, 'input>, local: &str) -> Option<Node<'a, 'input>> {
    node.children().find(|n| is(n, local))
}

fn val<'a>(node: Option<Node<'a, '_>>) -> Option<&'a str> {
    node.and_then(|n| n.attribute((W, "val")))
}

struct Reader {
    styles: Styles,
    numbering: Numbering,
    passages: Vec<Passage>,
    footnote_ids: Vec<String>,
    /// Non-empty paragraphs so far, for the place of unnumbered ones.
    paragraphs: u32,
    tables: u32,
}

impl Reader {
    fn block_children(&mut self, parent: Node<'_, '_>) {
        for node in parent.children().filter(Node::is_element) {
            if is(&node, "p") {
                self.paragraph(node);
            } else if is(&node, "tbl") {
                self.table(node);
            } else if is(&node, "sdt") {
                // Content controls (a table of contents, a cover page) hold blocks.
                if let Some(content) = child(node, "sdtContent") {
                    self.block_children(content);
                }
            }
        }
    }

    fn paragraph(&mut self, p: Node<'_, '_>) {
        let text = paragraph_text(p, &mut self.footnote_ids);
        let Some(text) = tidy(&text) else {
            return;
        };
        let properties = child(p, "pPr");
        let style = val(properties.and_then(|pr| child(pr, "pStyle")));
        let level = properties
            .and_then(|pr| val(child(pr, "outlineLvl")))
            .and_then(|l| l.parse::<u8>().ok())
            .map(|l| l.saturating_add(1))
            .or_else(|| style.and_then(|s| self.styles.heading_level(s)));
        let numbered = properties
            .and_then(|pr| child(pr, "numPr"))
            .map(|num| {
                (
                    val(child(num, "numId")).unwrap_or_default().to_owned(),
                    val(child(num, "ilvl"))
                        .and_then(|l| l.parse::<usize>().ok())
                        .unwrap_or(0),
                )
            })
            .or_else(|| style.and_then(|s| self.styles.numbering.get(s).cloned()));
        let label = numbered.and_then(|(num, level)| self.numbering.next(&num, level));
        self.paragraphs = self.paragraphs.saturating_add(1);
        let locator = match label {
            Some(label) => Locator::Numbered(label),
            None => Locator::Paragraph(self.paragraphs),
        };
        let kind = match level {
            Some(level) if (1..=6).contains(&level) => PassageKind::Heading(level),
            _ => PassageKind::Body,
        };
        self.passages.push(Passage {
            locator,
            kind,
            text,
        });
    }

    fn table(&mut self, table: Node<'_, '_>) {
        self.tables = self.tables.saturating_add(1);
        for (index, row) in table.children().filter(|n| is(n, "tr")).enumerate() {
            let row_number = u32::try_from(index + 1).unwrap_or(u32::MAX);
            let cells: Vec<String> = row
                .children()
                .filter(|n| is(n, "tc"))
                .map(|cell| {
                    let parts: Vec<String> = cell
                        .children()
                        .filter(|n| is(n, "p"))
                        .map(|p| paragraph_text(p, &mut self.footnote_ids))
                        .collect();
                    tidy(&parts.join(" "))
                        .unwrap_or_default()
                        .replace('\n', " ")
                })
                .collect();
            if let Some(text) = tidy(&cells.join(" | ")) {
                self.passages.push(Passage {
                    locator: Locator::TableRow {
                        table: self.tables,
                        row: row_number,
                    },
                    kind: PassageKind::TableRow,
                    text,
                });
            }
        }
    }
}

/// The visible text of a paragraph: text runs, tabs and breaks, inserted text but not
/// deleted text or field codes; text boxes inside it are left to themselves. The
/// footnotes it refers to are added to `footnotes`.
fn paragraph_text(p: Node<'_, '_>, footnotes: &mut Vec<String>) -> String {
    let mut text = String::new();
    collect(p, &mut text, footnotes);
    text
}

fn collect(node: Node<'_, '_>, text: &mut String, footnotes: &mut Vec<String>) {
    for n in node.children().filter(Node::is_element) {
        if n.tag_name().namespace() != Some(W) {
            // Drawings and other namespaces: their text boxes hold w:p of their own.
            continue;
        }
        match n.tag_name().name() {
            "t" => text.push_str(n.text().unwrap_or_default()),
            "tab" => text.push('\t'),
            "br" | "cr" => text.push('\n'),
            "noBreakHyphen" => text.push('\u{2011}'),
            "softHyphen" | "delText" | "instrText" | "del" | "p" | "pPr" | "rPr" => {}
            "footnoteReference" => {
                if let Some(id) = n.attribute((W, "id")) {
                    footnotes.push(id.to_owned());
                }
            }
            _ => collect(n, text, footnotes),
        }
    }
}

/// What styles.xml says about headings and numbered styles.
#[derive(Default)]
struct Styles {
    /// Style id → heading level (1–6).
    headings: HashMap<String, u8>,
    /// Style id → (numId, level) for styles that number their paragraphs.
    numbering: HashMap<String, (String, usize)>,
}

impl Styles {
    fn read(doc: &Document<'_>) -> Styles {
        let mut styles = Styles::default();
        for style in doc.root_element().children().filter(|n| is(n, "style")) {
            let Some(id) = style.attribute((W, "styleId")) else {
                continue;
            };
            let name = val(child(style, "name")).unwrap_or_default().to_lowercase();
            let properties = child(style, "pPr");
            let outline = properties
                .and_then(|pr| val(child(pr, "outlineLvl")))
                .and_then(|l| l.parse::<u8>().ok())
                .map(|l| l.saturating_add(1));
            let named = ["heading ", "kop "]
                .iter()
                .find_map(|prefix| name.strip_prefix(prefix))
                .and_then(|n| n.trim().parse::<u8>().ok());
            let title = (name == "title" || name == "titel").then_some(1);
            if let Some(level) = outline.or(named).or(title) {
                styles.headings.insert(id.to_owned(), level);
            }
            if let Some(num) = properties.and_then(|pr| child(pr, "numPr")) {
                let num_id = val(child(num, "numId")).unwrap_or_default().to_owned();
                let level = val(child(num, "ilvl"))
                    .and_then(|l| l.parse().ok())
                    .unwrap_or(0);
                styles.numbering.insert(id.to_owned(), (num_id, level));
            }
        }
        styles
    }

    fn heading_level(&self, style: &str) -> Option<u8> {
        self.headings.get(style).copied()
    }
}

/// Word's list numbering, counted as Word counts it (per list definition, deeper levels
/// restarting when a higher level moves on).
#[derive(Default)]
struct Numbering {
    /// numId → abstractNumId.
    lists: HashMap<String, String>,
    /// abstractNumId → its levels.
    definitions: HashMap<String, Vec<Level>>,
    /// abstractNumId → the current count per level.
    counters: HashMap<String, Vec<u32>>,
}

#[derive(Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

impl Numbering {
    fn read(doc: &Document<'_>) -> Numbering {
        let mut numbering = Numbering::default();
        for node in doc.root_element().children().filter(Node::is_element) {
            if is(&node, "abstractNum") {
                let Some(id) = node.attribute((W, "abstractNumId")) else {
                    continue;
                };
                let mut levels = vec![Level::default(); 9];
                for lvl in node.children().filter(|n| is(n, "lvl")) {
                    let Some(index) = lvl
                        .attribute((W, "ilvl"))
                        .and_then(|i| i.parse::<usize>().ok())
                    else {
                        continue;
                    };
                    if let Some(level) = levels.get_mut(index) {
                        *level = Level {
                            start: val(child(lvl, "start"))
                                .and_then(|s| s.parse().ok())
                                .unwrap_or(1),
                            format: val(child(lvl, "numFmt")).unwrap_or("decimal").to_owned(),
                            text: val(child(lvl, "lvlText")).unwrap_or_default().to_owned(),
                        };
                    }
                }
                numbering.definitions.insert(id.to_owned(), levels);
            } else if is(&node, "num")
                && let (Some(num), Some(abstract_id)) = (
                    node.attribute((W, "numId")),
                    val(child(node, "abstractNumId")),
                )
            {
                numbering
                    .lists
                    .insert(num.to_owned(), abstract_id.to_owned());
            }
        }
        numbering
    }

    /// Counts a paragraph of list `num` at `level` and returns the number Word shows
    /// for it ("3.2"), without a trailing "." or ")"; `None` for bullets and for lists
    /// Word does not number ("0" switches numbering off).
    fn next(&mut self, num: &str, level: usize) -> Option<String> {
        let abstract_id = self.lists.get(num)?.clone();
        let levels = self.definitions.get(&abstract_id)?;
        let definition = levels.get(level)?.clone();
        if definition.format == "bullet" || definition.format == "none" {
            return None;
        }
        let starts: Vec<u32> = levels.iter().map(|l| l.start).collect();
        let formats: Vec<String> = levels.iter().map(|l| l.format.clone()).collect();
        let counters = self
            .counters
            .entry(abstract_id)
            .or_insert_with(|| vec![0; 9]);
        let current = counters.get_mut(level)?;
        *current = if *current == 0 {
            definition.start
        } else {
            current.saturating_add(1)
        };
        for (deeper, count) in counters.iter_mut().enumerate().skip(level + 1) {
            let _ = deeper;
            *count = 0;
        }
        let mut label = definition.text.clone();
        for (index, count) in counters.iter().enumerate().take(level + 1).rev() {
            let shown = if *count == 0 {
                starts.get(index).copied().unwrap_or(1)
            } else {
                *count
            };
            let format = formats.get(index).map_or("decimal", String::as_str);
            label = label.replace(&format!("%{}", index + 1), &number_in(shown, format));
        }
        let label = label
            .trim()
            .trim_end_matches(['.', ')'])
            .trim_start_matches('(')
            .to_owned();
        (!label.is_empty()).then_some(label)
    }
}

fn number_in(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n).to_lowercase(),
        "upperLetter" => letters(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        _ => n.to_string(),
    }
}

/// 1 → A, 26 → Z, 27 → AA (Word repeats the letter).
fn letters(n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    let letter = char::from(b'A' + u8::try_from((n - 1) % 26).unwrap_or(0));
    std::iter::repeat_n(letter, usize::try_from((n - 1) / 26 + 1).unwrap_or(1)).collect()
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, symbol) in TABLE {
        while n >= value {
            out.push_str(symbol);
            n -= value;
        }
    }
    out
}

/// The title in docProps/core.xml (its dates are the file's, not the advice's).
fn core_title(text: &str) -> Option<String> {
    let doc = Document::parse(text).ok()?;
    doc.descendants()
        .find(|n| n.is_element() && n.tag_name().name() == "title")
        .and_then(|n| n.text())
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_formatted_as_word_shows_them() {
        assert_eq!(letters(1), "A");
        assert_eq!(letters(28), "BB");
        assert_eq!(roman(14), "XIV");
        assert_eq!(number_in(3, "lowerRoman"), "iii");
    }
}
