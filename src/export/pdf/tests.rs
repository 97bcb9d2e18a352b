#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use typst::layout::{Frame, FrameItem, Point};
use typst::model::Document as _;
use typst::syntax::{SyntaxKind, ast};
use typst_layout::PagedDocument;

use super::world::MemoryWorld;
use super::*;
use crate::export::document::{Block, DocumentMeta, Run, Table};

/// Strings that would be markup, code, comments, labels or escapes if they went
/// into typst unquoted, plus emoji and right-to-left text.
const HOSTILE: &[&str] = &[
    "#",
    "#panic(\"x\")",
    "$x^2$",
    "*vet* _schuin_",
    "@ref <label>",
    "]",
    "[",
    "}",
    "{",
    ")",
    "\\",
    "\\\\\"",
    "\"",
    "\"#panic()",
    "// commentaar",
    "/* open",
    "*/",
    "'q' `raw` ```blok```",
    "= Kop",
    "- lijst\n+ genummerd",
    "\\u{41}",
    "😀 👩‍👩‍👧",
    "שלום עולם",
    "مرحبا بالعالم",
    "\u{202e}omgekeerd\u{202c}",
    "tab\tcr\rnul\u{0}bel\u{7}",
    "",
];

#[test]
fn a_string_literal_reads_back_as_exactly_its_text() {
    for text in HOSTILE {
        let lit = str_lit(text);
        let code = typst::syntax::parse_code(&lit);
        let (errors, _) = code.errors_and_warnings();
        assert!(errors.is_empty(), "{text:?} gave {lit}");
        let children: Vec<_> = code.children().collect();
        assert_eq!(children.len(), 1, "{text:?} is one expression: {lit}");
        let node = children.first().expect("one child");
        assert_eq!(node.kind(), SyntaxKind::Str, "{text:?}");
        let value = node.cast::<ast::Str>().expect("a string").get();
        assert_eq!(value.as_str(), *text);
        assert!(!lit.contains('\n'), "one line: {lit}");
    }
}

fn compile(doc: &Document) -> PagedDocument {
    let world = MemoryWorld::new(markup(doc).expect("markup"), &[REGULAR, BOLD, ITALIC], None)
        .expect("world");
    typst::compile::<PagedDocument>(&world)
        .output
        .unwrap_or_else(|e| panic!("{:?}", e.iter().map(|d| &d.message).collect::<Vec<_>>()))
}

/// Every text run typst set, with its left edge, width and baseline in points.
fn runs(frame: &Frame, origin: Point, out: &mut Vec<(String, f64, f64, f64)>) {
    for (pos, item) in frame.items() {
        let at = origin + *pos;
        match item {
            FrameItem::Group(group) => {
                let shifted = at + Point::new(group.transform.tx, group.transform.ty);
                runs(&group.frame, shifted, out);
            }
            FrameItem::Text(text) => {
                out.push((
                    text.text.to_string(),
                    at.x.to_pt(),
                    text.width().to_pt(),
                    at.y.to_pt(),
                ));
            }
            _ => {}
        }
    }
}

fn page_runs(paged: &PagedDocument) -> Vec<Vec<(String, f64, f64, f64)>> {
    paged
        .pages()
        .iter()
        .map(|page| {
            let mut out = Vec::new();
            runs(&page.frame, Point::zero(), &mut out);
            out
        })
        .collect()
}

fn doc_with(blocks: Vec<Block>) -> Document {
    Document {
        meta: DocumentMeta {
            title: "Proef".to_owned(),
            language: "nl-BE".to_owned(),
            ..DocumentMeta::default()
        },
        blocks,
    }
}

#[test]
fn hostile_text_is_set_as_typed_and_never_as_markup() {
    let mut blocks = Vec::new();
    for text in HOSTILE {
        let text = crate::export::document::one_line(text);
        blocks.push(Block::Heading {
            level: 2,
            text: text.clone(),
        });
        blocks.push(Block::Paragraph(vec![
            Run::plain(text.clone()),
            Run::bold(text.clone()),
            Run::italic(text.clone()),
        ]));
        blocks.push(Block::Table(Table {
            caption: Some(text.clone()),
            header: vec![text.clone(), "b".to_owned()],
            rows: vec![vec![text.clone(), "€ 1".to_owned()]],
        }));
    }
    let long = format!("lang: {} einde", "W".repeat(300));
    blocks.push(Block::paragraph(long.clone()));
    blocks.push(Block::Table(Table {
        caption: None,
        header: vec!["a".to_owned(), "b".to_owned()],
        rows: vec![vec![long.clone(), "€ 1".to_owned()]],
    }));
    let paged = compile(&doc_with(blocks));
    let runs = page_runs(&paged);
    for (page, runs) in paged.pages().iter().zip(&runs) {
        let width = page.frame.width().to_pt();
        for (text, x, w, _) in runs {
            assert!(
                *x >= markup::MARGIN_X - 0.5 && x + w <= width - markup::MARGIN_X + 0.5,
                "{text:?} at {x:.1}+{w:.1} leaves the text block"
            );
        }
    }
    let set: String = runs
        .into_iter()
        .flatten()
        .map(|(t, ..)| t)
        .collect::<Vec<_>>()
        .join(" ");
    // Joiners and bidi controls draw nothing; whether typst keeps them in a run's
    // text is its business.
    let squash = |s: &str| {
        s.split_whitespace()
            .collect::<String>()
            .replace(['\u{200d}', '\u{202e}', '\u{202c}'], "")
    };
    let set = squash(&set);
    assert!(set.contains(&squash(&long)), "the long word wraps whole");
    for text in HOSTILE {
        // DejaVu has no woman or girl: those become "?" (PDF/A forbids an empty glyph).
        let expected: String = crate::export::document::one_line(text)
            .chars()
            .map(|c| if c == '👩' || c == '👧' { '?' } else { c })
            .filter(|c| *c != '\u{200d}' && *c != '\u{202e}' && *c != '\u{202c}')
            .collect();
        assert!(
            set.contains(&squash(&expected)),
            "{text:?} is not in the set text"
        );
    }
}

#[test]
fn the_title_language_and_date_reach_the_document() {
    let mut doc = doc_with(vec![Block::paragraph("Tekst")]);
    doc.meta.title = "Mededeling \"#x\" aan de Vlaamse Regering".to_owned();
    let paged = compile(&doc);
    assert_eq!(
        paged.info().title.as_deref(),
        Some("Mededeling \"#x\" aan de Vlaamse Regering")
    );
    let pdf = write(&doc).expect("pdf");
    assert_eq!(pdf, write(&doc).expect("again"), "deterministic");
    let raw = String::from_utf8_lossy(&pdf);
    assert!(
        raw.contains("2000-01-01T00:00:00"),
        "fixed date without a document date"
    );
    assert!(raw.contains("<pdfaid:part>2</pdfaid:part>"));
}

#[test]
fn dutch_words_are_hyphenated_when_justified() {
    let long = "De speerpuntclusters ontvangen werkingsmiddelen voor clusterontwikkeling, \
                internationaliseringsprojecten en arbeidsmarktgerelateerde dienstverlening. "
        .repeat(6);
    let paged = compile(&doc_with(vec![Block::paragraph(long)]));
    let texts: Vec<String> = page_runs(&paged)
        .into_iter()
        .flatten()
        .map(|(t, ..)| t)
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.ends_with(['-', '\u{ad}', '\u{2010}'])),
        "some line ends in a hyphen: {texts:?}"
    );
}

#[test]
fn a_wide_table_fits_the_page_and_keeps_every_amount_whole() {
    let mut header = vec!["Cluster".to_owned()];
    header.extend((2027..2046).map(|y| y.to_string()));
    header.push("Totaal".to_owned());
    let row = |name: &str| {
        let mut r = vec![name.to_owned()];
        r.extend((0..19).map(|_| "€ 3.900.000".to_owned()));
        r.push("€ 74.100.000".to_owned());
        r
    };
    let table = Table {
        caption: Some("Budget per jaar".to_owned()),
        header,
        rows: vec![row("Catalisti"), row("Flux50"), row("Financiering vandaag")],
    };
    let doc = doc_with(vec![Block::paragraph("Inleiding."), Block::Table(table)]);
    let paged = compile(&doc);
    let mut amounts = 0;
    for (page, page_runs) in paged.pages().iter().zip(page_runs(&paged)) {
        let width = page.frame.width().to_pt();
        for (text, x, w, _) in page_runs {
            assert!(
                x >= markup::MARGIN_X - 0.5 && x + w <= width - markup::MARGIN_X + 0.5,
                "{text:?} at {x:.1}+{w:.1} leaves the text block of a {width:.0} pt page"
            );
            if text.contains("3.900.000") {
                assert_eq!(text, "€\u{a0}3.900.000", "an amount in one piece");
                amounts += 1;
            }
            assert_ne!(text.trim(), "€", "the euro sign alone on a line");
        }
    }
    assert_eq!(amounts, 3 * 19, "every amount is set once");
}

#[test]
fn a_narrow_table_stays_on_an_upright_page() {
    let table = Table {
        caption: None,
        header: vec!["Jaar".to_owned(), "Bedrag".to_owned()],
        rows: vec![vec!["2027".to_owned(), "€ 650.000".to_owned()]],
    };
    let paged = compile(&doc_with(vec![Block::Table(table)]));
    assert_eq!(paged.pages().len(), 1);
    let page = paged.pages().first().expect("a page");
    assert!(page.frame.height() > page.frame.width(), "upright A4");
}

#[test]
fn typst_errors_become_a_dutch_export_error() {
    let world = MemoryWorld::new("#panic(\"kapot\")".to_owned(), &[REGULAR], None).expect("world");
    let Err(errors) = typst::compile::<PagedDocument>(&world).output else {
        panic!("panic() compiled");
    };
    let message = diagnostics(&world, &errors).to_string();
    assert!(
        message.starts_with("De PDF kon niet worden opgebouwd: de zetmachine (typst) meldt:"),
        "{message}"
    );
    assert!(message.contains("kapot"), "{message}");
}

#[test]
fn unreadable_font_data_is_an_error_not_a_panic() {
    assert!(MemoryWorld::new(String::new(), &[b"geen lettertype"], None).is_err());
}

/// Typst keeps a heading with what follows (headings are sticky blocks). Growing
/// the text before the heading line by line puts it at the page foot in one of
/// these cases (with `sticky: false` the case of 13 fails).
#[test]
fn a_heading_is_never_the_last_thing_on_a_page() {
    let filler =
        "Een zin die een regel vult en nog wat meer, zodat de alinea een paar regels telt. ";
    for lines in 0..14 {
        let mut blocks: Vec<Block> = (0..3)
            .map(|i| Block::paragraph(filler.repeat(11 + i)))
            .collect();
        blocks.push(Block::paragraph(filler.repeat(lines)));
        blocks.push(Block::Heading {
            level: 2,
            text: "Kop onderaan".to_owned(),
        });
        blocks.push(Block::paragraph(filler.repeat(3)));
        let paged = compile(&doc_with(blocks));
        for (page, runs) in paged.pages().iter().zip(page_runs(&paged)) {
            let foot = page.frame.height().to_pt() - markup::MARGIN_Y;
            let last = runs
                .iter()
                .filter(|(text, .., y)| *y < foot && !text.contains("pagina"))
                .max_by(|a, b| a.3.total_cmp(&b.3));
            if let Some((text, ..)) = last {
                assert_ne!(text, "Kop onderaan", "heading stranded ({lines} filler)");
            }
        }
    }
}
