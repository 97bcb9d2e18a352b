#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! Hostile text through every format: markup of every kind, entities, quotes,
//! control characters, right-to-left script, emoji and a 300-letter word give valid
//! files that show the text as typed.

mod export_support;

use clusterwerkbank::export::{
    ExportOptions, Format, build_document, export_bytes, export_to_file, render,
};
use export_support::*;

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_format_renders_hostile_text() {
    let ws = hostile_workspace();
    for format in Format::ALL {
        let bytes = export_bytes(&ws, &ExportOptions::default(), format)
            .unwrap_or_else(|e| panic!("{format:?}: {e}"));
        assert!(!bytes.is_empty());
        if matches!(format, Format::Markdown | Format::Text | Format::Html) {
            let text = String::from_utf8(bytes).expect("UTF-8");
            assert!(
                !text.chars().any(|c| c.is_control() && c != '\n'),
                "{format:?} carries a control character"
            );
        }
    }
}

#[test]
fn html_escapes_and_shows_the_text_as_typed() {
    let html = String::from_utf8(
        render(
            &build_document(&hostile_workspace(), &ExportOptions::default()),
            Format::Html,
        )
        .expect("html"),
    )
    .expect("utf8");
    assert!(!html.contains("<script"), "markup must be escaped");
    let doc = scraper::Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    let script = scraper::Selector::parse("script, img").expect("selector");
    assert_eq!(doc.select(&script).count(), 0);
    // The only links are the notes' own, within the page.
    let a = scraper::Selector::parse("a").expect("selector");
    for link in doc.select(&a) {
        let href = link.value().attr("href").unwrap_or_default();
        assert!(href.starts_with("#noot-"), "{href}");
    }
    let p = scraper::Selector::parse("p").expect("selector");
    let shown: Vec<String> = doc.select(&p).map(|e| e.text().collect()).collect();
    assert!(
        shown.iter().any(|t| *t == hostile_visible()),
        "a context paragraph shows the hostile text exactly"
    );
}

#[test]
fn markdown_escapes_every_markup_character() {
    let md = String::from_utf8(
        render(
            &build_document(&hostile_workspace(), &ExportOptions::default()),
            Format::Markdown,
        )
        .expect("md"),
    )
    .expect("utf8");
    assert!(!md.contains("<script>"));
    assert!(md.contains("\\<script\\>alert('x')\\</script\\>"));
    assert!(md.contains("\\& \\&amp;"));
    assert!(md.contains("\\*ster\\* \\_l\\_ \\`c\\` \\[a\\](http://x) \\# \\| \\\\ \\{\\}"));
    assert!(md.contains("שלום עולם 😀"));
    // Unescaping CommonMark's backslash escapes gives the text back.
    let context_line = md
        .lines()
        .find(|l| l.starts_with("\\<script"))
        .expect("context paragraph");
    let mut unescaped = String::new();
    let mut chars = context_line.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                unescaped.push(n);
            }
        } else {
            unescaped.push(c);
        }
    }
    assert_eq!(unescaped, hostile_visible());
}

#[test]
fn text_keeps_the_words_and_wraps_the_long_one() {
    let txt = String::from_utf8(
        render(
            &build_document(&hostile_workspace(), &ExportOptions::default()),
            Format::Text,
        )
        .expect("txt"),
    )
    .expect("utf8");
    assert!(
        txt.lines().all(|l| l.chars().count() <= 72),
        "lines fit an e-mail: {:?}",
        txt.lines().find(|l| l.chars().count() > 72)
    );
    assert!(txt.contains("<script>alert('x')</script> & &amp; \"q\" 'q' *ster*"));
    assert!(txt.contains("שלום עולם 😀"));
}

#[test]
fn libreoffice_and_pdftotext_show_the_hostile_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = hostile_workspace();
    let docx = dir.path().join("vijandig.docx");
    let pdf = dir.path().join("vijandig.pdf");
    export_to_file(&ws, &ExportOptions::default(), Format::Docx, &docx).expect("docx");
    export_to_file(&ws, &ExportOptions::default(), Format::Pdf, &pdf).expect("pdf");

    let from_docx = docx_text(&docx, dir.path());
    assert!(
        from_docx.contains(&hostile_visible()),
        "LibreOffice shows the text as typed"
    );
    assert!(
        from_docx.contains("Vertrouwelijk \u{2013} ontwerp") || from_docx.contains("Vertrouwelijk")
    );

    let from_pdf = squash(&pdf_text(&pdf));
    // The font has no emoji: it becomes "?" (documented), the rest stays.
    assert!(
        from_pdf.contains(
            "<script>alert('x')</script> & &amp; \"q\" 'q' *ster* _l_ `c` [a](http://x) # | \\ {}"
        ),
        "{from_pdf}"
    );
    assert!(
        from_pdf.contains("ם") || from_pdf.contains("שלום"),
        "Hebrew letters survive"
    );
    assert!(
        from_pdf.contains("WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW"),
        "the long word is cut, not lost"
    );
}
