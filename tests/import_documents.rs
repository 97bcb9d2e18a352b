#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! Reading advice documents made by real programs: PDFs typeset by typst (our own
//! export) and by LibreOffice, DOCX files written by our export and by LibreOffice,
//! and the ways a document can be unreadable. Each comparison is against another
//! reader (poppler's pdftotext) or the document we made.

mod export_support;

use std::path::{Path, PathBuf};

use clusterwerkbank::export::{ExportOptions, Format, export_bytes};
use clusterwerkbank::import::{self, ImportError, Locator, PassageKind, SourceFormat};
use export_support::*;

fn written(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn convert(input: &Path, to: &str, dir: &Path) -> PathBuf {
    let profile = format!("file://{}", dir.join("lo-profile").display());
    run_tool(
        "soffice",
        &[
            &format!("-env:UserInstallation={profile}"),
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            &dir.display().to_string(),
            &input.display().to_string(),
        ],
    );
    let extension = to.split(':').next().unwrap();
    dir.join(input.with_extension(extension).file_name().unwrap())
}

/// Words as a reader sees them, for comparing two readers' text.
fn words(text: &str) -> Vec<String> {
    text.replace('\u{ad}', "")
        .split(|c: char| c.is_whitespace())
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_typst_pdf_reads_page_by_page_as_poppler_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let ws = rich_workspace();
    let pdf = export_bytes(&ws, &ExportOptions::default(), Format::Pdf).unwrap();
    let path = written(dir.path(), "mededeling.pdf", &pdf);
    let read = import::read_file(&path).unwrap();
    assert_eq!(read.format, SourceFormat::Pdf);
    assert_eq!(read.sha256, import::sha256_hex(&pdf));
    let pages = pdf_text(&path)
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .count();
    assert_eq!(read.pages(), Some(u32::try_from(pages).unwrap()));
    // Every page's words are poppler's words for that page. Known limit: the text of
    // a chart (SVG text that typst places glyph by glyph) comes out of pdf-extract
    // letter-spaced ("S t a n d p u n t e n"); such pages are counted, not compared,
    // and may only be the pages with the four charts.
    let poppler_text = pdf_text(&path);
    let poppler: Vec<&str> = poppler_text.split('\u{c}').collect();
    let mut letter_spaced = 0;
    for passage in &read.passages {
        let Locator::Page(n) = passage.locator else {
            panic!("a PDF passage is a page: {passage:?}");
        };
        let ours = words(&passage.text);
        let theirs = words(poppler[usize::try_from(n - 1).unwrap()]);
        if ours.iter().filter(|w| w.chars().count() == 1).count() > 40 {
            letter_spaced += 1;
            continue;
        }
        let common = theirs.iter().filter(|w| ours.contains(w)).count();
        assert!(
            common * 10 >= theirs.len() * 9,
            "page {n}: {common} of {} words agree\nours: {ours:?}\npoppler: {theirs:?}",
            theirs.len()
        );
    }
    assert!(letter_spaced <= 4, "{letter_spaced} pages letter-spaced");
    assert!(
        read.passages[0].text.contains("MEDEDELING"),
        "{}",
        read.passages[0].text
    );
    assert!(read.title.is_some());
}

#[test]
fn a_libreoffice_pdf_and_docx_read_with_headings_and_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    let ws = rich_workspace();
    let html = export_bytes(&ws, &ExportOptions::default(), Format::Html).unwrap();
    let html_path = written(dir.path(), "advies.html", &html);
    let docx = convert(&html_path, "docx:MS Word 2007 XML", dir.path());
    let read = import::read_file(&docx).unwrap();
    assert_eq!(read.format, SourceFormat::Docx);
    assert!(
        read.passages
            .iter()
            .any(|p| matches!(p.kind, PassageKind::Heading(_)) && p.text.contains("Samenvatting")),
        "{:#?}",
        &read.passages[..read.passages.len().min(12)]
    );
    assert!(
        read.passages
            .iter()
            .any(|p| p.text.contains(INTERNAL_ARGUMENT))
    );
    assert!(
        read.passages
            .iter()
            .any(|p| matches!(p.locator, Locator::TableRow { .. }))
    );

    let pdf = convert(&docx, "pdf", dir.path());
    let read = import::read_file(&pdf).unwrap();
    assert!(read.pages().unwrap() >= 2);
    let all: String = read
        .passages
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(all.contains("Catalisti"), "{all:.400}");
}

#[test]
fn our_own_docx_reads_back_in_order_with_its_tables() {
    let dir = tempfile::tempdir().unwrap();
    let ws = rich_workspace();
    let docx = export_bytes(&ws, &ExportOptions::default(), Format::Docx).unwrap();
    let path = written(dir.path(), "mededeling.docx", &docx);
    let read = import::read_file(&path).unwrap();
    let text: Vec<&str> = read.passages.iter().map(|p| p.text.as_str()).collect();
    let first = text.iter().position(|t| t.contains("MEDEDELING")).unwrap();
    let later = text
        .iter()
        .position(|t| t.contains(INTERNAL_ARGUMENT))
        .unwrap();
    assert!(first < later);
    assert!(
        read.passages
            .iter()
            .any(|p| p.kind == PassageKind::TableRow)
    );
}

/// A PDF with a page and a drawing but no text: what a scan without OCR looks like.
fn textless_pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_owned(),
        {
            let content = "0.5 g 50 50 400 600 re f";
            format!(
                "<< /Length {} >>\nstream\n{content}\nendstream",
                content.len()
            )
        },
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    pdf
}

#[test]
fn unreadable_documents_get_a_dutch_answer_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();

    // A scan without a text layer.
    let scan = written(dir.path(), "scan.pdf", &textless_pdf());
    let error = import::read_file(&scan).unwrap_err();
    assert_eq!(
        error,
        ImportError::NoText {
            file: "scan.pdf".into()
        }
    );
    assert!(error.to_string().contains("is het gescand?"), "{error}");

    // Damaged: a PDF cut off halfway.
    let ws = rich_workspace();
    let pdf = export_bytes(&ws, &ExportOptions::default(), Format::Pdf).unwrap();
    let cut = written(dir.path(), "afgebroken.pdf", &pdf[..pdf.len() / 3]);
    let error = import::read_file(&cut).unwrap_err();
    assert!(
        matches!(
            error,
            ImportError::DamagedPdf { .. } | ImportError::NoText { .. }
        ),
        "{error:?}"
    );
    assert!(error.to_string().starts_with("afgebroken.pdf"), "{error}");

    // Encrypted with a password to open it.
    let mut doc = pdf_extract::Document::load_mem(&pdf).unwrap();
    let state = pdf_extract::EncryptionState::try_from(pdf_extract::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "eigenaar",
        user_password: "geheim",
        key_length: 128,
        permissions: pdf_extract::Permissions::all(),
    })
    .unwrap();
    doc.encrypt(&state).unwrap();
    let mut locked = Vec::new();
    doc.save_to(&mut locked).unwrap();
    let locked = written(dir.path(), "beveiligd.pdf", &locked);
    let error = import::read_file(&locked).unwrap_err();
    assert_eq!(
        error,
        ImportError::Encrypted {
            file: "beveiligd.pdf".into()
        }
    );
    assert!(error.to_string().contains("wachtwoord"));

    // A .docx that is not a ZIP (an old .doc renamed).
    let doc = written(
        dir.path(),
        "oud.docx",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 oud Word",
    );
    let error = import::read_file(&doc).unwrap_err();
    assert_eq!(
        error,
        ImportError::NotZip {
            file: "oud.docx".into()
        }
    );

    // 200 MB: refused before it is read (a sparse file, no disk used).
    let big = dir.path().join("groot.pdf");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    let error = import::read_file(&big).unwrap_err();
    assert_eq!(
        error,
        ImportError::TooLarge {
            file: "groot.pdf".into(),
            megabytes: 200
        }
    );
    assert!(error.to_string().contains("tot 100 MB"));

    // A missing file.
    let error = import::read_file(&dir.path().join("weg.pdf")).unwrap_err();
    assert!(matches!(error, ImportError::Unreadable { .. }), "{error:?}");
}

fn cli(args: &[&std::ffi::OsStr]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_clusterwerkbank"))
        .args(args)
        .env(
            "CLUSTERWERKBANK_DATA_DIR",
            std::env::temp_dir().join("cwb-import-test-data"),
        )
        .output()
        .unwrap()
}

#[test]
fn the_command_line_imports_once_and_changes_nothing_when_it_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.ron");
    clusterwerkbank::store::save(&ws, &clusterwerkbank::store::default_workspace()).unwrap();
    let advice = written(
        dir.path(),
        "vario-advies.md",
        "# VARIO-advies 36\n\nVARIO steunt scenario 3 voor de transitieclusters.\n\nWel met een evaluatie na vijf jaar.".as_bytes(),
    );
    let out = cli(&[
        "import".as_ref(),
        ws.as_os_str(),
        advice.as_os_str(),
        "--body".as_ref(),
        "vario".as_ref(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("geïmporteerd bij VARIO (3 passages)"),
        "{said}"
    );
    let loaded = clusterwerkbank::store::load(&ws).unwrap();
    assert_eq!(loaded.documents.len(), 1);
    let document = &loaded.documents[0];
    assert_eq!(document.file_name, "vario-advies.md");
    assert_eq!(document.passages.len(), 3);
    assert_eq!(document.passages[0].kind, PassageKind::Heading(1));
    let vario = loaded
        .bodies
        .iter()
        .find(|b| b.short_name == "VARIO")
        .unwrap();
    assert_eq!(document.body, vario.id);

    let out = cli(&["check".as_ref(), ws.as_os_str()]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("1 adviesdocument:\n- vario-advies.md (VARIO, 3 passages)"),
        "{said}"
    );

    // The same document again, under another name: refused, the file untouched.
    let before = std::fs::read(&ws).unwrap();
    let copy = written(dir.path(), "kopie.md", &std::fs::read(&advice).unwrap());
    let out = cli(&[
        "import".as_ref(),
        ws.as_os_str(),
        copy.as_os_str(),
        "--body".as_ref(),
        "SERV".as_ref(),
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("al geïmporteerd"));
    assert_eq!(std::fs::read(&ws).unwrap(), before);

    // An unknown body: the message lists the bodies; the file untouched.
    let other = written(dir.path(), "ander.txt", b"Een ander advies.");
    let out = cli(&[
        "import".as_ref(),
        ws.as_os_str(),
        other.as_os_str(),
        "--body".as_ref(),
        "XYZ".as_ref(),
    ]);
    let error = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(error.contains("SERV") && error.contains("VARIO"), "{error}");
    assert_eq!(std::fs::read(&ws).unwrap(), before);

    // A scan: the Dutch reason, the file untouched.
    let scan = written(dir.path(), "scan.pdf", &textless_pdf());
    let out = cli(&[
        "import".as_ref(),
        ws.as_os_str(),
        scan.as_os_str(),
        "--body".as_ref(),
        "HBC".as_ref(),
    ]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("is het gescand?"));
    assert_eq!(std::fs::read(&ws).unwrap(), before);
}

/// White space as one space, so a line break in the PDF compares equal to the space
/// that was typed.
fn one_spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A third producer's layout: typst with two columns, a running header and footer and
/// a footnote on every page. The text comes back exactly (accents, "€", curly quotes,
/// the words typst sets with fi/fl/ffi ligatures), page by page under the page's own
/// number, in reading order: header, first column, second column, footnote, footer.
#[test]
fn a_two_column_pdf_with_header_footer_and_footnotes_reads_exactly_in_order() {
    use clusterwerkbank::export::pdf::sample::{page_paragraphs, two_column_advice_pdf};
    let pdf = two_column_advice_pdf(3).unwrap();
    let read = import::read("advies-kolommen.pdf", &pdf).unwrap();
    assert_eq!(read.pages(), Some(3));
    for n in 1..=3u32 {
        let pages: Vec<_> = read
            .passages
            .iter()
            .filter(|p| p.locator == Locator::Page(n))
            .collect();
        assert_eq!(pages.len(), 1, "page {n} is one passage");
        let text = one_spaced(&pages[0].text);
        let at = |needle: &str| {
            text.find(needle)
                .unwrap_or_else(|| panic!("page {n} lacks {needle:?}:\n{text}"))
        };
        let header = at("VARIO — advies 36");
        let paragraphs: Vec<usize> = page_paragraphs(n).iter().map(|p| at(p)).collect();
        let second = at(&format!(
            "Tweede kolom van pagina {n}: de raad vraagt een snelle beslissing."
        ));
        let note = at("Zie het SERV-advies van 6 mei 2024.");
        let footer = at(&format!("Pagina {n}"));
        assert!(header < paragraphs[0], "header first on page {n}");
        assert!(
            paragraphs.windows(2).all(|w| w[0] < w[1]),
            "the first column in order on page {n}"
        );
        assert!(paragraphs[2] < second, "then the second column");
        assert!(second < note, "then the footnote");
        assert!(note < footer, "the footer last");
    }
    // Spelled out: the characters most likely to come back wrong.
    let all: String = read.passages.iter().map(|p| p.text.as_str()).collect();
    for word in [
        "één",
        "“te smal”",
        "€ 650.000",
        "officiële",
        "efficiëntie",
        "flexibele",
        "financiering",
        "coöperatie",
    ] {
        assert!(all.contains(word), "{word} lost");
    }
}

/// Words the typesetter hyphenated at a line end read whole, and a compound's hyphen
/// stays: the Green Paper's communication as typst sets it, against its own text.
#[test]
fn hyphenated_words_read_whole_and_compounds_keep_their_hyphen() {
    let dir = tempfile::tempdir().unwrap();
    let ws = clusterwerkbank::store::default_workspace();
    let pdf = export_bytes(&ws, &ExportOptions::default(), Format::Pdf).unwrap();
    let path = written(dir.path(), "mededeling.pdf", &pdf);
    let read = import::read_file(&path).unwrap();
    let ours: String = read
        .passages
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(!ours.contains('\u{ad}'));
    assert!(ours.contains("Sociaal-Economische Raad"), "{ours}");
    assert!(!ours.contains("Sociaal Economische"));
    // Every long word of the communication (its Markdown export) is whole in ours: a
    // word broken at a line end reads joined again.
    let text = export_bytes(&ws, &ExportOptions::default(), Format::Markdown).unwrap();
    let text = String::from_utf8(text).unwrap();
    let theirs: std::collections::BTreeSet<String> = words(&text)
        .into_iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        .filter(|w| w.chars().count() >= 8 && w.chars().all(char::is_alphabetic))
        .collect();
    let ours_words: std::collections::BTreeSet<String> = words(&ours)
        .into_iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        .collect();
    let missing: Vec<&String> = theirs.iter().filter(|w| !ours_words.contains(*w)).collect();
    assert!(
        missing.is_empty(),
        "{} of {} long words broken: {missing:?}",
        missing.len(),
        theirs.len()
    );
}
