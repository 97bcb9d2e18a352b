#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! The exported files opened by real readers: LibreOffice for DOCX, poppler's
//! pdftotext for PDF, an HTML5 parser for HTML. The tools are required: CI installs
//! them, and a missing tool fails the test.

mod export_support;

use clusterwerkbank::export::{ExportOptions, Format, export_to_file};
use export_support::*;

/// Text between one heading and the next, from a reader's plain text.
fn section<'a>(text: &'a str, heading: &str, next: Option<&str>) -> &'a str {
    let start = text
        .find(heading)
        .unwrap_or_else(|| panic!("heading {heading:?} missing in:\n{text}"));
    let rest = &text[start..];
    match next {
        Some(n) => {
            &rest[..rest
                .find(n)
                .unwrap_or_else(|| panic!("heading {n:?} missing after {heading:?}"))]
        }
        None => rest,
    }
}

const SECTIONS: [&str; 8] = [
    "1. Samenvatting",
    "2. Situering",
    "3. De vier scenario\u{2019}s",
    "4. Adviezen",
    "5. Aanbeveling per speerpuntcluster",
    "6. Ontbrekende strategische thema\u{2019}s",
    "7. Budgettaire impact",
    "8. Verdere timing",
];

/// What each section of the full workspace must say, whatever the format.
fn check_sections(text: &str, format: &str) {
    let text = &text.replace('\u{a0}', " ");
    let head = &text[..text.find(SECTIONS[0]).expect("first section")];
    assert!(
        head.contains("VR 2026 1512 MED.0421/1"),
        "{format}: document number"
    );
    assert!(
        head.contains("MEDEDELING AAN DE VLAAMSE REGERING"),
        "{format}"
    );
    assert!(head.contains("Betreft:"), "{format}");
    assert!(head.contains("Advies SERV"), "{format}: annex");
    let expect: [&[&str]; 8] = [
        &["€ 3.900.000"],
        &["Catalisti", "Duurzame chemie", "artikel 27", "eind 2026"],
        &[
            "Behoudt de opgebouwde netwerken",
            "Vraagt structurele middelen",
            "Flux50 past bij",
        ],
        &["SERV-advies 2024/07", "12 maart 2024", "steunt", "wijst af"],
        &[
            "Jaarlijkse rapportering aan VLAIO",
            "gaan niet samen",
            "Kies per cluster",
        ],
        &["Ruimtevaart", "Satellieten"],
        &["2027", "€ 500.000", "€ 1.150.000"],
        &["Na verwerking van de ingewonnen adviezen"],
    ];
    for (i, heading) in SECTIONS.iter().enumerate() {
        let body = section(text, heading, SECTIONS.get(i + 1).copied());
        for needle in expect[i] {
            assert!(
                body.contains(needle),
                "{format}: section {heading:?} lacks {needle:?}:\n{body}"
            );
        }
    }
    assert!(text.contains("Jo BROUNS"), "{format}: signature");
}

#[test]
fn libreoffice_reads_the_docx_section_by_section() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("mededeling.docx");
    export_to_file(
        &rich_workspace(),
        &ExportOptions::default(),
        Format::Docx,
        &path,
    )
    .expect("export");
    let text = docx_text(&path, dir.path());
    check_sections(&text, "DOCX");
    assert!(text.contains(INTERNAL_ARGUMENT));
}

#[test]
fn docx_uses_word_heading_styles_and_repeated_header_rows() {
    let doc = clusterwerkbank::export::build_document(&rich_workspace(), &ExportOptions::default());
    let bytes = clusterwerkbank::export::render(&doc, Format::Docx).expect("docx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut read = |name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).expect(name), &mut s).expect("read");
        s
    };
    let styles = read("word/styles.xml");
    for id in ["Normal", "Heading1", "Heading2", "Heading3"] {
        let defined = styles.matches(&format!("w:styleId=\"{id}\"")).count();
        assert_eq!(defined, 1, "{id} style defined once");
    }
    assert!(
        styles.contains("w:outlineLvl w:val=\"0\""),
        "headings carry outline levels"
    );
    let body = read("word/document.xml");
    assert!(body.contains("<w:pStyle w:val=\"Heading1\"/>"));
    assert!(body.contains("<w:tblHeader/>"));
    assert!(
        body.contains("w:w=\"11906\"") && body.contains("w:h=\"16838\""),
        "A4"
    );
    let footer = read("word/footer1.xml");
    assert!(footer.contains("PAGE"), "page number field in the footer");
}

#[test]
fn pdftotext_reads_the_pdf_and_it_declares_pdf_a() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("mededeling.pdf");
    export_to_file(
        &rich_workspace(),
        &ExportOptions::default(),
        Format::Pdf,
        &path,
    )
    .expect("export");
    let bytes = std::fs::read(&path).expect("read");
    let raw = String::from_utf8_lossy(&bytes);
    assert!(
        raw.contains("<pdfaid:part>2</pdfaid:part>"),
        "PDF/A-2 in the XMP"
    );
    assert!(raw.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
    assert!(raw.contains("/Outlines"), "headings as bookmarks");
    assert!(raw.contains("/StructTreeRoot"), "tagged");
    let text = pdf_text(&path);
    // pdftotext puts table cells and lines where they are drawn; join lines so a
    // phrase broken over two lines still matches.
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    check_sections(&joined, "PDF");
    assert!(joined.contains("pagina 1 van"), "page numbers");
}

#[test]
fn html_parses_and_references_nothing_outside() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("mededeling.html");
    export_to_file(
        &rich_workspace(),
        &ExportOptions::default(),
        Format::Html,
        &path,
    )
    .expect("export");
    let html = std::fs::read_to_string(&path).expect("read");
    let doc = scraper::Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "HTML parse errors: {:?}", doc.errors);
    let all = scraper::Selector::parse("*").expect("selector");
    for element in doc.select(&all) {
        let el = element.value();
        assert_ne!(el.name(), "script");
        assert_ne!(el.name(), "iframe");
        assert_ne!(el.name(), "img");
        assert_ne!(el.name(), "link");
        for (name, value) in el.attrs() {
            assert_attribute_is_inert(name, value);
        }
    }
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script") && !lower.contains("url(") && !lower.contains("@import"));
    let text: String = doc.root_element().text().collect::<Vec<_>>().join(" ");
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    check_sections(&joined, "HTML");
    let h = scraper::Selector::parse("h2").expect("selector");
    let notes = scraper::Selector::parse("section.notes h2").expect("selector");
    assert_eq!(
        doc.select(&h).count() - doc.select(&notes).count(),
        8,
        "one h2 per section, besides the notes'"
    );
    assert_eq!(doc.select(&notes).count(), 1, "the notes at the end");
    let th = scraper::Selector::parse("table thead th").expect("selector");
    assert!(doc.select(&th).count() > 10, "tables have header cells");
}

#[test]
fn markdown_and_text_hold_every_section() {
    let ws = rich_workspace();
    let doc = clusterwerkbank::export::build_document(&ws, &ExportOptions::default());
    for format in [Format::Markdown, Format::Text] {
        let out = String::from_utf8(clusterwerkbank::export::render(&doc, format).expect("render"))
            .expect("utf8");
        let joined = out
            .lines()
            .map(|l| l.trim_matches(|c| c == '|' || c == ' '))
            .collect::<Vec<_>>()
            .join(" ");
        let joined = joined.split_whitespace().collect::<Vec<_>>().join(" ");
        check_sections(&joined, &format!("{format:?}"));
    }
}
