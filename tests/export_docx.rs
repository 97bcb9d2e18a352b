#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! The DOCX as Word's validator and LibreOffice read it: valid WordprocessingML
//! (`openxml-audit`, installed by tests/setup-and-test.sh), heading numbers from
//! Word's list equal to the Document's, real footnotes, and no amount split over
//! two lines when LibreOffice lays the tables out.

mod export_support;

use std::path::{Path, PathBuf};

use clusterwerkbank::export::{
    Block, Document, ExportOptions, Format, Run, Table, build_document, render,
};
use clusterwerkbank::store::default_workspace;
use export_support::{assert_valid, docx_text, pdf_text, rich_workspace, run_tool};

fn write_docx(doc: &Document, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(format!("{name}.docx"));
    std::fs::write(&path, render(doc, Format::Docx).expect("docx")).expect("write");
    path
}

/// The PDF LibreOffice lays the DOCX out as, read back by pdftotext.
fn laid_out_text(docx: &Path, dir: &Path) -> String {
    let profile = format!("file://{}", dir.join("lo-profile-pdf").display());
    run_tool(
        "soffice",
        &[
            &format!("-env:UserInstallation={profile}"),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            &dir.display().to_string(),
            &docx.display().to_string(),
        ],
    );
    pdf_text(&docx.with_extension("pdf"))
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every "€ …" amount in `text` on one line, written "€ 650.000" (pdftotext reads
/// the no-break space of a narrow cell's "€ 0" as nothing, so spaces are optional).
fn amounts(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (i, _) in text.match_indices('€') {
        let digits: String = text[i + '€'.len_utf8()..]
            .trim_start_matches([' ', '\u{a0}'])
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        if digits.starts_with(|c: char| c.is_ascii_digit()) {
            found.push(format!("€ {}", digits.trim_end_matches('.')));
        }
    }
    found.sort();
    found
}

#[test]
fn the_rich_workspace_and_the_green_paper_are_valid_wordprocessingml() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut confidential = rich_workspace();
    confidential.meta.confidential_draft = true;
    let public = ExportOptions {
        public_version: true,
        ..ExportOptions::default()
    };
    for (name, ws, options) in [
        ("rijk", rich_workspace(), ExportOptions::default()),
        ("rijk-publiek", rich_workspace(), public),
        // A running header: one more part and section reference.
        ("rijk-vertrouwelijk", confidential, ExportOptions::default()),
        ("groenboek", default_workspace(), ExportOptions::default()),
        ("gevuld", filled(), ExportOptions::default()),
    ] {
        let doc = build_document(&ws, &options);
        assert_valid(&write_docx(&doc, dir.path(), name));
    }
}

/// The filled fixture's citations are Word footnotes: one per note of the Document,
/// each referenced once from the body, and LibreOffice prints every reference.
#[test]
fn the_filled_fixtures_citations_are_word_footnotes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = build_document(&filled(), &ExportOptions::default());
    let notes = doc.footnotes().len();
    assert!(notes >= 10, "{notes} notes");
    let path = write_docx(&doc, dir.path(), "gevuld-noten");
    let footnotes = docx_xml(&path, "word/footnotes.xml");
    // Plus the separator and continuation separator Word wants.
    assert_eq!(footnotes.matches("<w:footnote ").count(), notes + 2);
    let body = docx_xml(&path, "word/document.xml");
    assert_eq!(body.matches("<w:footnoteReference ").count(), notes);
    let laid_out = laid_out_text(&path, dir.path()).replace('\u{a0}', " ");
    for note in doc.footnotes() {
        let start: String = note.replace('\u{a0}', " ").chars().take(30).collect();
        assert!(
            laid_out.contains(&start),
            "footnote {note:?} in LibreOffice's PDF"
        );
    }
}

fn filled() -> clusterwerkbank::model::Workspace {
    clusterwerkbank::store::load(std::path::Path::new("tests/fixtures/filled.ron"))
        .expect("the filled fixture loads")
}

#[test]
fn a_document_with_footnotes_and_a_wide_table_is_valid_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert_valid(&write_docx(&with_footnotes(), dir.path(), "noten"));
}

/// A paragraph, a bullet-list item and a note each carry a footnote; a budget
/// table of 19 years does not fit an upright page.
fn with_footnotes() -> Document {
    let mut doc = build_document(&rich_workspace(), &ExportOptions::default());
    let mut header = vec!["Cluster".to_owned()];
    header.extend((2027..2046).map(|y| y.to_string()));
    header.push("Totaal".to_owned());
    let row = |name: &str| {
        let mut r = vec![name.to_owned()];
        r.extend((0..19).map(|_| "€ 650.000".to_owned()));
        r.push("€ 12.350.000".to_owned());
        r
    };
    doc.blocks.extend([
        Block::Heading {
            level: 1,
            text: format!(
                "{}. Bronnen",
                doc.headings().filter(|(l, _)| *l == 1).count() + 1
            ),
        },
        Block::Paragraph(vec![
            Run::plain("VARIO steunt het derde scenario"),
            Run::footnote("VARIO, advies 36 van 6 mei 2024, p.\u{a0}7"),
            Run::plain("."),
        ]),
        Block::BulletList(vec![vec![
            Run::plain("De SERV vraagt een evaluatie"),
            Run::footnote("SERV, advies van 3 juni 2024, punt 12"),
        ]]),
        Block::Note(vec![
            Run::plain("Zie ook artikel\u{a0}27"),
            Run::footnote("AGVV, artikel\u{a0}27"),
        ]),
        Block::Table(Table {
            caption: Some("Budget per jaar en per cluster".to_owned()),
            header,
            rows: vec![row("Catalisti"), row("Flux50"), row("VIL")],
        }),
    ]);
    doc
}

#[test]
fn libreoffice_shows_word_s_heading_numbers_and_the_footnotes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = with_footnotes();
    let path = write_docx(&doc, dir.path(), "noten");
    let text = docx_text(&path, dir.path()).replace('\u{a0}', " ");
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut numbered = 0;
    for (level, heading) in doc.headings() {
        // Word numbers Heading 1 and 2 from its list; the text has no number.
        assert!(
            lines.contains(&heading.replace('\u{a0}', " ").as_str()),
            "heading {heading:?} (level {level}) as Word numbers it"
        );
        numbered += usize::from(level <= 2);
    }
    assert!(numbered >= 8, "{numbered} numbered headings");
    let xml = docx_xml(&path, "word/document.xml");
    assert!(
        !xml.contains(">1. Samenvatting<"),
        "the number comes from Word's list, not the text"
    );
    // LibreOffice's text filter prints a footnote's number where it is anchored
    // (not its text); the page foot of its PDF holds the text. The rich workspace's
    // own citations come first, so ours are the last three.
    let first = doc.footnotes().len() - 2;
    for (n, anchor) in [
        "VARIO steunt het derde scenario{n}.",
        "De SERV vraagt een evaluatie{n}",
        "Zie ook artikel 27{n}",
    ]
    .iter()
    .enumerate()
    {
        let anchor = anchor.replace("{n}", &(first + n).to_string());
        assert!(text.contains(&anchor), "{anchor:?} in LibreOffice's text");
    }
    let laid_out = laid_out_text(&path, dir.path()).replace('\u{a0}', " ");
    for note in doc.footnotes() {
        assert!(
            laid_out.contains(&note.replace('\u{a0}', " ")),
            "footnote {note:?} at the foot of LibreOffice's page"
        );
    }
    assert!(doc.footnotes().len() > 3, "the rich workspace cites too");
    assert_eq!(
        xml.matches("<w:footnoteReference ").count(),
        doc.footnotes().len(),
        "one reference per footnote"
    );
    assert!(text.contains("artikel 27"));
}

fn docx_xml(path: &Path, part: &str) -> String {
    let file = std::fs::File::open(path).expect("open");
    let mut zip = zip::ZipArchive::new(file).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(part).expect(part), &mut xml).expect("read");
    xml
}

#[test]
fn every_amount_of_the_text_export_stays_whole_as_libreoffice_lays_out_the_docx() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, doc) in [
        (
            "rijk",
            build_document(&rich_workspace(), &ExportOptions::default()),
        ),
        (
            "groenboek",
            build_document(&default_workspace(), &ExportOptions::default()),
        ),
        ("breed", with_footnotes()),
    ] {
        let text_export =
            String::from_utf8(render(&doc, Format::Text).expect("txt")).expect("utf8");
        let expected = amounts(&collapse(&text_export));
        let path = write_docx(&doc, dir.path(), name);
        // Lines as LibreOffice broke them: an amount split over two lines is lost.
        let laid_out = laid_out_text(&path, dir.path());
        let found = amounts(&laid_out);
        let count = |list: &[String], amount: &str| list.iter().filter(|a| *a == amount).count();
        assert!(
            count(&expected, "€ 650.000") > 0,
            "{name}: the fixture has amounts"
        );
        for amount in &expected {
            assert!(
                count(&found, amount) >= count(&expected, amount),
                "{name}: {amount} {} times in the text export, {} times whole in LibreOffice's layout",
                count(&expected, amount),
                count(&found, amount)
            );
        }
    }
}
