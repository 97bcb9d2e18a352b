#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Read;

use super::write;
use crate::export::document::{Block, Document, DocumentMeta, Run, Table};

fn parts(doc: &Document) -> Vec<(String, Vec<u8>)> {
    let bytes = write(doc).expect("docx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).expect("entry");
            let mut data = Vec::new();
            entry.read_to_end(&mut data).expect("read");
            (entry.name().to_owned(), data)
        })
        .collect()
}

fn part(doc: &Document, name: &str) -> String {
    let (_, data) = parts(doc)
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name} missing"));
    String::from_utf8(data).expect("utf8")
}

fn doc(blocks: Vec<Block>) -> Document {
    Document {
        meta: DocumentMeta {
            title: "Proef".to_owned(),
            language: "nl-BE".to_owned(),
            ..DocumentMeta::default()
        },
        blocks,
    }
}

fn with_footnotes() -> Document {
    doc(vec![
        Block::Heading {
            level: 1,
            text: "1. Samenvatting".to_owned(),
        },
        Block::Paragraph(vec![
            Run::plain("Een paragraaf"),
            Run::footnote("VARIO, advies 36 van 6 mei 2024, p.\u{a0}7"),
            Run::plain(" en verder."),
        ]),
        Block::BulletList(vec![vec![
            Run::plain("Een punt"),
            Run::footnote("SERV, advies van 3 juni 2024, punt 12"),
        ]]),
        Block::Note(vec![Run::plain("Bron"), Run::footnote("Eigen analyse")]),
    ])
}

#[test]
fn every_part_is_well_formed_xml() {
    for (name, data) in parts(&with_footnotes()) {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let text = String::from_utf8(data).expect("utf8");
            roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}

#[test]
fn paragraph_list_item_and_note_each_anchor_a_real_footnote() {
    let d = with_footnotes();
    let body = part(&d, "word/document.xml");
    for id in 1..=3 {
        assert!(
            body.contains(&format!(
                "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"{id}\"/></w:r>"
            )),
            "reference {id}"
        );
    }
    assert!(
        !body.contains("VARIO"),
        "the note's text is not in the body"
    );
    let notes = part(&d, "word/footnotes.xml");
    let xml = roxmltree::Document::parse(&notes).expect("xml");
    let footnotes: Vec<_> = xml
        .descendants()
        .filter(|n| n.has_tag_name("footnote"))
        .collect();
    assert_eq!(footnotes.len(), 5, "two separators and three notes");
    for (note, expected) in footnotes.iter().skip(2).zip(d.footnotes()) {
        let text: String = note
            .descendants()
            .filter(|n| n.has_tag_name("t"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(text.trim(), expected);
        assert!(notes.contains("<w:pStyle w:val=\"FootnoteText\"/>"));
    }
    assert!(notes.contains("w:type=\"separator\" w:id=\"-1\""));
    assert!(notes.contains("w:type=\"continuationSeparator\" w:id=\"0\""));
    assert!(part(&d, "word/_rels/document.xml.rels").contains("footnotes.xml"));
}

#[test]
fn word_numbers_the_headings_and_the_text_loses_the_number() {
    let d = doc(vec![
        Block::Heading {
            level: 1,
            text: "1. Samenvatting".to_owned(),
        },
        Block::Heading {
            level: 2,
            text: "1.1 Eerste".to_owned(),
        },
        Block::Heading {
            level: 2,
            text: "1.2 Tweede".to_owned(),
        },
        Block::Heading {
            level: 3,
            text: "Zonder nummer".to_owned(),
        },
        Block::Heading {
            level: 1,
            text: "7. Niet wat Word telt".to_owned(),
        },
        Block::Heading {
            level: 1,
            text: "2. Situering".to_owned(),
        },
    ]);
    let body = part(&d, "word/document.xml");
    for text in [
        "Samenvatting",
        "Eerste",
        "Tweede",
        "Zonder nummer",
        "Situering",
    ] {
        assert!(
            body.contains(&format!(">{text}</w:t>")),
            "{text} without its number"
        );
    }
    // A number Word would not show stays in the text, off the list.
    assert!(body.contains(
        "<w:pStyle w:val=\"Heading1\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t xml:space=\"preserve\">7. Niet wat Word telt"
    ));
    let styles = part(&d, "word/styles.xml");
    assert!(
        styles.contains("<w:numId w:val=\"1\"/>"),
        "headings on the list"
    );
    let numbering = part(&d, "word/numbering.xml");
    assert!(numbering.contains("<w:pStyle w:val=\"Heading1\"/>"));
    assert!(numbering.contains("<w:lvlText w:val=\"%1.%2\"/>"));
}

#[test]
fn no_break_spaces_survive_and_the_euro_sign_keeps_its_amount() {
    let d = doc(vec![Block::paragraph(
        "maximaal € 650.000 per cluster, artikel\u{a0}27, p.\u{a0}7, € en meer",
    )]);
    let body = part(&d, "word/document.xml");
    assert!(body.contains("maximaal €\u{a0}650.000"));
    assert!(body.contains("artikel\u{a0}27, p.\u{a0}7, € en meer"));
}

#[test]
fn a_wide_table_turns_the_page_in_its_own_section_and_comes_back_upright() {
    let mut header = vec!["Jaar".to_owned()];
    header.extend((1..=7).map(|i| format!("Speerpuntcluster nummer {i}")));
    let rows = (2027..2040)
        .map(|y| {
            let mut r = vec![y.to_string()];
            r.extend((0..7).map(|_| "€ 3.900.000".to_owned()));
            r
        })
        .collect();
    let d = doc(vec![
        Block::paragraph("Ervoor"),
        Block::Table(Table {
            caption: Some("Budget per jaar".to_owned()),
            header,
            rows,
        }),
        Block::paragraph("Erna"),
    ]);
    let body = part(&d, "word/document.xml");
    assert_eq!(body.matches("<w:sectPr>").count(), 3, "{body}");
    assert_eq!(body.matches("w:orient=\"landscape\"").count(), 1);
    let before = body.find("Ervoor").expect("before");
    let table = body.find("<w:tbl>").expect("table");
    let landscape = body.find("w:orient=\"landscape\"").expect("turned");
    let after = body.find("Erna").expect("after");
    assert!(before < table && table < landscape && landscape < after);
    assert!(body.contains("<w:tblHeader/>"));
    assert!(body.contains("€\u{a0}3.900.000"), "amounts in one piece");
    assert!(body.contains("<w:noWrap/>"));
}

#[test]
fn a_narrow_table_fills_the_text_block_and_stays_upright() {
    let d = doc(vec![Block::Table(Table {
        caption: None,
        header: vec!["Jaar".to_owned(), "Bedrag".to_owned()],
        rows: vec![vec!["2027".to_owned(), "€ 650.000".to_owned()]],
    })]);
    let body = part(&d, "word/document.xml");
    assert!(!body.contains("landscape"));
    let xml = roxmltree::Document::parse(&body).expect("xml");
    let widths: u32 = xml
        .descendants()
        .filter(|n| n.has_tag_name("gridCol"))
        .filter_map(|n| n.attributes().find(|a| a.name() == "w").map(|a| a.value()))
        .map(|w| w.parse::<u32>().expect("number"))
        .sum();
    let text_block = super::A4_WIDTH - 2 * super::MARGIN;
    assert!(
        widths <= text_block && widths + 10 >= text_block,
        "{widths}"
    );
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let d = with_footnotes();
    assert_eq!(write(&d).expect("first"), write(&d).expect("second"));
}
