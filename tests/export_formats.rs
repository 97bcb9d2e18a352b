#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! The communication in every format: golden files of the Green Paper, the same bytes
//! on every export, tables of a full workspace, public version and confidential draft.

mod export_support;

use std::path::PathBuf;

use clusterwerkbank::export::{Block, ExportOptions, Format, Section, build_document, render};
use clusterwerkbank::store::default_workspace;
use export_support::*;

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Compares with the golden file; `UPDATE_GOLDEN=1` rewrites it instead.
fn check_golden(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run with UPDATE_GOLDEN=1", path.display()));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .map_or(expected.lines().count().min(actual.lines().count()), |p| p);
        panic!(
            "{name} differs from the golden file at line {}:\n  golden: {:?}\n  actual: {:?}\n(run with UPDATE_GOLDEN=1 after checking the change)",
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

fn text(format: Format, ws: &clusterwerkbank::model::Workspace, options: &ExportOptions) -> String {
    String::from_utf8(render(&build_document(ws, options), format).expect("render")).expect("UTF-8")
}

#[test]
fn green_paper_matches_golden_files() {
    let ws = default_workspace();
    let options = ExportOptions::default();
    check_golden("groenboek.md", &text(Format::Markdown, &ws, &options));
    check_golden("groenboek.txt", &text(Format::Text, &ws, &options));
    check_golden("groenboek.html", &text(Format::Html, &ws, &options));
}

#[test]
fn green_paper_has_the_structure_of_a_communication() {
    let doc = build_document(&default_workspace(), &ExportOptions::default());
    let headings: Vec<&str> = doc
        .headings()
        .filter(|(l, _)| *l == 1)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        headings,
        [
            "1. Samenvatting",
            "2. Situering",
            "3. De vier scenario\u{2019}s",
            "4. Adviezen",
            "5. Aanbeveling per speerpuntcluster",
            "6. Ontbrekende strategische thema\u{2019}s",
            "7. Budgettaire impact",
            "8. Verdere timing",
        ]
    );
    let md = text(
        Format::Markdown,
        &default_workspace(),
        &ExportOptions::default(),
    );
    assert!(md.contains(
        "DE VLAAMSE MINISTER VAN ECONOMIE, INNOVATIE, WERK, SOCIALE ECONOMIE EN LANDBOUW"
    ));
    assert!(md.contains("# MEDEDELING AAN DE VLAAMSE REGERING"));
    assert!(md.contains("Nog geen adviezen ontvangen."));
    assert!(
        md.contains("€\u{a0}3.900.000"),
        "today's six clusters at the cap"
    );
    assert!(md.contains("eind 2026: Catalisti, Flux50 en VIL"));
    assert!(md.contains("Jo BROUNS"));
    assert!(!md.contains("| --- |\n\n"), "no empty tables");
}

#[test]
fn every_format_gives_the_same_bytes_twice() {
    let ws = rich_workspace();
    for format in Format::DOCUMENTS {
        let first =
            render(&build_document(&ws, &ExportOptions::default()), format).expect("render");
        let second =
            render(&build_document(&ws, &ExportOptions::default()), format).expect("render");
        assert!(!first.is_empty(), "{format:?} is empty");
        assert!(first == second, "{format:?} differs between two exports");
    }
}

#[test]
fn docx_and_pdf_timestamps_come_from_the_workspace_date() {
    let ws = rich_workspace();
    let doc = build_document(&ws, &ExportOptions::default());
    let pdf = render(&doc, Format::Pdf).expect("pdf");
    let pdf = String::from_utf8_lossy(&pdf);
    assert!(
        pdf.contains("2026-12-15T00:00:00"),
        "XMP date is the document date"
    );
    let docx = render(&doc, Format::Docx).expect("docx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("zip");
    let mut core = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("docProps/core.xml").expect("core"),
        &mut core,
    )
    .expect("read");
    assert!(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-12-15T00:00:00Z"));
    assert!(
        core.contains("<dc:title>Groenboek: de toekomst van het Vlaamse clusterbeleid</dc:title>")
    );
    assert!(core.contains("<dc:creator>Kabinet Economie</dc:creator>"));
    for i in 0..zip.len() {
        let entry = zip.by_index(i).expect("entry");
        let t = entry.last_modified().expect("time");
        assert_eq!(
            (t.year(), t.month(), t.day()),
            (2026, 12, 15),
            "{}",
            entry.name()
        );
    }
}

#[test]
fn full_workspace_fills_the_tables() {
    let ws = rich_workspace();
    let doc = build_document(&ws, &ExportOptions::default());
    let captions: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => t.caption.clone(),
            _ => None,
        })
        .collect();
    for expected in [
        "De speerpuntclusters",
        "Scenariocombinatie Catalisti",
        "Budgettaire impact per jaar",
    ] {
        assert!(
            captions.iter().any(|c| c == expected),
            "missing table {expected}: {captions:?}"
        );
    }
    // The stances stand once, under the scenarios; the consensus chart is the overview.
    for repeated in [
        "Standpunten SERV",
        "Standpunten van de adviesorganen per scenario",
    ] {
        assert!(!captions.iter().any(|c| c == repeated), "{repeated} again");
    }
    let md = text(Format::Markdown, &ws, &ExportOptions::default());
    // Pro and contra as lists (an argument carries its citation as a footnote, which a
    // table cell cannot hold), each naming source and weight; SERV's advice names
    // itself, so its argument has a note, own analysis has none.
    assert!(
        md.contains("**Pro:**\n\n- Behoudt de opgebouwde netwerken (SERV, gewicht 3)[^1]\n"),
        "{md}"
    );
    assert!(
        md.contains("**Contra:**\n\n- Vraagt structurele middelen (Eigen analyse, gewicht 2)\n"),
        "{md}"
    );
    assert!(
        md.contains("\n[^1]: SERV, SERV-advies 2024/07 van "),
        "{md}"
    );
    assert!(
        md.contains("**Clusterspecifieke argumenten Scenario 4:**\n\n- **Flux50** (pro): Flux50 past bij de energietransitie (VARIO, gewicht 2)\n"),
        "{md}"
    );
    assert!(
        md.contains("- **Ruimtevaart:** Satellieten en lanceerdiensten. Voorgesteld door SERV. Route: nieuwe oproep Innovatieve Bedrijfsnetwerken."),
        "{md}"
    );
    // The budget from today on (the years before are history): all six funded
    // clusters in 2026 (today), then 2027 only Catalisti, 2028–2030 both; each total
    // says how many clusters it covers, and no "saving" is computed while some are
    // unknown.
    let md = md.replace('\u{a0}', " ");
    assert!(!md.contains("| 2020 | € 1.950.000 |"), "{md}");
    assert!(md.contains("| 2026 | € 3.900.000 | 7 van 7 | € 0 |"));
    assert!(md.contains("| 2027 | € 500.000 | 4 van 7 | – |"));
    assert!(md.contains("| 2029 | € 1.150.000 | 4 van 7 | – |"));
    assert!(md.contains("Verschil met vandaag (€ 3.900.000)"));
    // The broken compatibility rule is said openly.
    assert!(md.contains("Scenario 1 en Scenario 3 gaan niet samen"));
    assert!(md.contains("SERV-advies 2024/07"));
    assert!(md.contains("12 maart 2024"), "dates written out");
    assert!(md.contains("\u{201c}een basisopdracht is essentieel\u{201d}"));
    assert!(md.contains("Ruimtevaart"));
    assert!(md.contains("VR 2026 1512 MED.0421/1"));
    assert!(md.contains(INTERNAL_ARGUMENT));
    assert!(md.contains(CLUSTER_NOTE));
}

#[test]
fn public_version_leaves_out_internal_arguments_and_notes() {
    let ws = rich_workspace();
    let options = ExportOptions {
        public_version: true,
        ..ExportOptions::default()
    };
    for format in [Format::Markdown, Format::Text, Format::Html] {
        let out = text(format, &ws, &options);
        assert!(
            !out.contains("kabinetschef"),
            "{format:?} shows the internal argument"
        );
        assert!(
            !out.contains("Noot voor intern gebruik"),
            "{format:?} shows the note"
        );
        assert!(
            out.contains("Vraagt structurele middelen"),
            "{format:?} lost a public argument"
        );
    }
    // The workspace's own flag has the same effect.
    let mut flagged = ws.clone();
    flagged.meta.public_version = true;
    let out = text(Format::Markdown, &flagged, &ExportOptions::default());
    assert!(!out.contains("kabinetschef"));
}

#[test]
fn confidential_draft_is_marked_in_every_format() {
    let mut ws = rich_workspace();
    ws.meta.confidential_draft = true;
    let doc = build_document(&ws, &ExportOptions::default());
    for format in [Format::Markdown, Format::Html] {
        let out = String::from_utf8(render(&doc, format).expect("render")).expect("utf8");
        assert!(out.contains("Vertrouwelijk \u{2013} ontwerp"), "{format:?}");
    }
    let txt = String::from_utf8(render(&doc, Format::Text).expect("render")).expect("utf8");
    assert!(txt.starts_with("*** VERTROUWELIJK \u{2013} ONTWERP ***"));
    let docx = render(&doc, Format::Docx).expect("docx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("zip");
    for part in ["word/header1.xml", "word/footer1.xml"] {
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(part).expect(part), &mut xml).expect("read");
        assert!(xml.contains("Vertrouwelijk \u{2013} ontwerp"), "{part}");
    }
}

#[test]
fn switched_off_sections_are_left_out() {
    let ws = rich_workspace();
    let mut options = ExportOptions::default();
    options.sections.remove(&Section::Advice);
    options.sections.remove(&Section::Budget);
    let md = text(Format::Markdown, &ws, &options);
    assert!(!md.contains("Adviezen"));
    assert!(!md.contains("Budgettaire impact"));
    assert!(
        md.contains("## 4. Aanbeveling per speerpuntcluster"),
        "renumbered"
    );
}
