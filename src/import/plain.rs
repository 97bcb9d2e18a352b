//! Plain text, Markdown and HTML: paragraphs separated by blank lines (or block
//! elements), numbered by their place; Markdown and HTML headings as headings.

use super::{Locator, Passage, PassageKind, Read, tidy};

/// Text in UTF-8 (with or without a byte-order mark), else Windows-1252, which is what
/// an older Windows program writes.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

fn paragraphs(blocks: impl IntoIterator<Item = (PassageKind, String)>) -> Vec<Passage> {
    let mut count = 0;
    blocks
        .into_iter()
        .filter_map(|(kind, text)| {
            let text = tidy(&text)?;
            count += 1;
            Some(Passage {
                locator: Locator::Paragraph(count),
                kind,
                text,
            })
        })
        .collect()
}

/// Blocks of text between blank lines.
fn blocks(text: &str) -> Vec<String> {
    let text = crate::model::text::normalise_breaks(text);
    text.split("\n\n")
        .map(str::to_owned)
        .filter(|b| !b.trim().is_empty())
        .collect()
}

pub(super) fn read_text(_file: &str, bytes: &[u8]) -> Read {
    let text = decode(bytes);
    Read {
        title: None,
        passages: paragraphs(blocks(&text).into_iter().map(|b| (PassageKind::Body, b))),
    }
}

pub(super) fn read_markdown(_file: &str, bytes: &[u8]) -> Read {
    let text = decode(bytes);
    let mut out = Vec::new();
    for block in blocks(&text) {
        // A heading line starts its own passage; the lines after it are the next one.
        let mut rest = Vec::new();
        for line in block.lines() {
            let hashes = line.chars().take_while(|c| *c == '#').count();
            let heading = line
                .get(hashes..)
                .filter(|t| (1..=6).contains(&hashes) && (t.starts_with(' ') || t.is_empty()));
            if let Some(title) = heading {
                if !rest.is_empty() {
                    out.push((PassageKind::Body, rest.join("\n")));
                    rest.clear();
                }
                let level = u8::try_from(hashes).unwrap_or(1);
                out.push((
                    PassageKind::Heading(level),
                    title.trim().trim_end_matches('#').trim().to_owned(),
                ));
            } else {
                rest.push(line);
            }
        }
        if !rest.is_empty() {
            out.push((PassageKind::Body, rest.join("\n")));
        }
    }
    Read {
        title: None,
        passages: paragraphs(out),
    }
}

/// HTML without a full parser: block elements end a passage, `<br>` is a line break,
/// script and style are skipped, entities decoded. Enough for an advice saved as a web
/// page; layout is not kept.
pub(super) fn read_html(_file: &str, bytes: &[u8]) -> Read {
    let html = decode(bytes);
    let mut out: Vec<(PassageKind, String)> = Vec::new();
    let mut current = String::new();
    let mut kind = PassageKind::Body;
    let mut title = None;
    let mut in_title = false;
    let mut skip_until: Option<&'static str> = None;
    let mut rest = html.as_str();
    while !rest.is_empty() {
        let Some(open) = rest.find('<') else {
            if skip_until.is_none() {
                current.push_str(&entities(rest));
            }
            break;
        };
        if skip_until.is_none() {
            let text = entities(rest.get(..open).unwrap_or_default());
            if in_title {
                title = Some(text.trim().to_owned()).filter(|t| !t.is_empty());
            } else {
                current.push_str(&text);
            }
        }
        let after = rest.get(open..).unwrap_or_default();
        let close = after.find('>').map_or(after.len(), |c| c + 1);
        let tag = after.get(1..close.saturating_sub(1)).unwrap_or_default();
        rest = after.get(close..).unwrap_or_default();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let closing = tag.starts_with('/');
        if let Some(end) = skip_until {
            if closing && name == end {
                skip_until = None;
            }
            continue;
        }
        match name.as_str() {
            "script" if !closing => skip_until = Some("script"),
            "style" if !closing => skip_until = Some("style"),
            "title" => in_title = !closing,
            "br" => current.push('\n'),
            "p" | "div" | "li" | "tr" | "td" | "th" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
            | "blockquote" | "section" | "article" | "ul" | "ol" | "table" | "body" => {
                if name == "td" || name == "th" {
                    if closing {
                        current.push_str(" | ");
                    }
                    continue;
                }
                let text = std::mem::take(&mut current);
                let text = text.trim().trim_end_matches('|').trim().to_owned();
                if !text.is_empty() {
                    out.push((kind, text));
                }
                kind = match name.as_bytes() {
                    [b'h', level @ b'1'..=b'6'] if !closing => PassageKind::Heading(level - b'0'),
                    _ => PassageKind::Body,
                };
            }
            _ => {}
        }
    }
    let text = current.trim().to_owned();
    if !text.is_empty() {
        out.push((kind, text));
    }
    Read {
        title,
        passages: paragraphs(out),
    }
}

/// The named entities an advice uses, and numeric ones.
fn entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or_default());
        let tail = rest.get(at..).unwrap_or_default();
        let end = tail.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| {
            let name = tail.get(1..e)?;
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => '\u{a0}',
                "euro" => '€',
                "shy" => '\u{ad}',
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = tail.get(e + 1..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = tail.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_headings_and_paragraphs() {
        let read = read_markdown(
            "a.md",
            "# Advies\nInleiding.\n\n## Scenario 3\nWij steunen.".as_bytes(),
        );
        let kinds: Vec<_> = read
            .passages
            .iter()
            .map(|p| (p.kind, p.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (PassageKind::Heading(1), "Advies"),
                (PassageKind::Body, "Inleiding."),
                (PassageKind::Heading(2), "Scenario 3"),
                (PassageKind::Body, "Wij steunen."),
            ]
        );
    }

    #[test]
    fn html_blocks_entities_and_no_script() {
        let html = "<html><head><title>VARIO-advies</title><style>p{}</style></head><body>\
            <h1>Advies&nbsp;36</h1><p>Maximaal &euro;&nbsp;650.000 &amp; meer<br>per jaar</p>\
            <script>alert(1)</script><table><tr><td>A</td><td>B</td></tr></table></body></html>";
        let read = read_html("a.html", html.as_bytes());
        assert_eq!(read.title.as_deref(), Some("VARIO-advies"));
        let texts: Vec<_> = read.passages.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Advies\u{a0}36",
                "Maximaal €\u{a0}650.000 & meer\nper jaar",
                "A | B"
            ]
        );
        assert_eq!(read.passages[0].kind, PassageKind::Heading(1));
    }

    #[test]
    fn windows_text_is_read_as_windows_1252() {
        let read = read_text("a.txt", b"Caf\xe9 \x80 650.000");
        assert_eq!(read.passages[0].text, "Café € 650.000");
    }
}
