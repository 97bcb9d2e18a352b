#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! The PDF as a reader sees it (poppler's pdftotext): right-to-left text in reading
//! order, and tables that fit the page with every amount in one piece.

mod export_support;

use std::path::Path;

use clusterwerkbank::export::{
    Block, Document, ExportOptions, Format, Run, Table, build_document, export_to_file,
};
use clusterwerkbank::model::*;
use clusterwerkbank::store::{default_workspace, load};
use export_support::*;

fn export_pdf(ws: &Workspace, dir: &Path) -> String {
    let path = dir.join("mededeling.pdf");
    export_to_file(ws, &ExportOptions::default(), Format::Pdf, &path).expect("export");
    pdf_text(&path)
}

/// pdftotext's text with the bidi marks it adds around right-to-left words removed
/// and no whitespace at all: what is left is the order of the letters.
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !c.is_whitespace() && !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}')
        })
        .collect()
}

/// Failing input f03: arguments in Hebrew and Arabic, and Hebrew inside a Dutch
/// sentence. The program's own Latin suffix must not be mirrored, the Hebrew not
/// reversed.
#[test]
fn right_to_left_arguments_read_in_order() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rtl-arguments.ron");
    let ws = load(&fixture).expect("fixture loads");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("mededeling.pdf");
    export_to_file(&ws, &ExportOptions::default(), Format::Pdf, &path).expect("export");
    let text = pdf_text(&path);

    // What failing input f03 checks.
    assert!(
        !text.contains("thciweg") && !text.contains("negiE"),
        "the Latin suffix is mirrored: {text}"
    );
    assert!(!text.contains("םלוע םולש"), "Hebrew is reversed: {text}");

    // In reading order (pdftotext's default, which turns right-to-left runs back
    // into logical order): the Hebrew words in the order typed, in their place in
    // the Dutch sentence; the Arabic too.
    let reading = letters(&text);
    assert!(
        reading.contains("TekstmetHebreeuwsשלוםעולםinhetmidden."),
        "Hebrew inside a Dutch sentence, in logical order: {text}"
    );
    assert!(reading.contains("שלוםעולםEigenanalyse,gewicht2)"), "{text}");
    assert!(
        reading.contains("مرحبابالعالمEigenanalyse,gewicht2)"),
        "{text}"
    );
    assert!(reading.contains("DeRaad"), "{text}");
    assert!(reading.contains("מועצה"), "{text}");

    // In drawing order (-raw follows the content stream, which for left-to-right
    // text is reading order): each argument's suffix whole, bracket first. Poppler's
    // default mode hangs the "(" next to a Hebrew word onto that word, so this is
    // where the bracket is checked.
    let out = run_tool(
        "pdftotext",
        &["-raw", "-enc", "UTF-8", &path.display().to_string(), "-"],
    );
    let raw = String::from_utf8(out.stdout).expect("UTF-8");
    let raw = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(
        raw.matches("(Eigen analyse, gewicht 2)").count(),
        3,
        "three arguments, each with its suffix left to right: {raw}"
    );
}

/// Every text of a document, for counting what a reader should find.
fn texts(doc: &Document) -> Vec<String> {
    let runs = |runs: &[Run]| runs.iter().map(|r| r.text.clone()).collect::<Vec<_>>();
    let table = |t: &Table| {
        t.header
            .iter()
            .chain(t.rows.iter().flatten())
            .cloned()
            .chain(t.caption.clone())
            .collect::<Vec<_>>()
    };
    doc.blocks
        .iter()
        .flat_map(|block| match block {
            Block::Title(t) | Block::Heading { text: t, .. } => vec![t.clone()],
            Block::Paragraph(r) | Block::Note(r) => runs(r),
            Block::BulletList(items) => items.iter().flat_map(|r| runs(r)).collect(),
            Block::Table(t) => table(t),
            Block::Chart(c) => table(&c.table),
            Block::Signature { title, name } => vec![title.clone(), name.clone()],
        })
        .collect()
}

/// The budget chart's table has a column per year (here 2017–2035 and a total):
/// far wider than an upright page, yet no amount may be split, in the table or in
/// the sentences around it.
#[test]
fn a_budget_table_over_nineteen_years_keeps_its_amounts_whole() {
    let mut ws = default_workspace();
    let scenario = ws.scenarios.first().map(|s| s.id).expect("a scenario");
    let clusters: Vec<ClusterId> = ws.clusters.iter().map(|c| c.id).collect();
    ws.assignments = clusters
        .iter()
        .enumerate()
        .map(|(i, &cluster)| Assignment {
            id: AssignmentId::from_u128(0xe000 + i as u128),
            cluster,
            scenario,
            role: Role::Primary,
            budget: Some(YearlyBudget {
                amount: Euro(1_234_567),
                first_year: 2027,
                last_year: 2045,
            }),
            ..Assignment::default()
        })
        .collect();
    let doc = build_document(&ws, &ExportOptions::default());
    let widest = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Chart(c) => Some(c.table.columns()),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    assert!(
        widest >= 19,
        "the budget chart's table is wide: {widest} columns"
    );
    let amount = "€ 1.234.567";
    let in_document: usize = texts(&doc)
        .iter()
        .map(|t| t.replace('\u{a0}', " ").matches(amount).count())
        .sum();
    assert!(in_document >= 7 * 9, "{in_document}");

    let dir = tempfile::tempdir().expect("temp dir");
    let text = export_pdf(&ws, dir.path());
    // A no-break space may come out as such or as a space; either way in one piece.
    let text = text.replace('\u{a0}', " ");
    assert_eq!(
        text.matches(amount).count(),
        in_document,
        "every amount whole, on one line: {text}"
    );
    for line in text.lines() {
        let line = line.trim_end();
        // "650k€" in the Green Paper's own text may end a line; a sign before an
        // amount ("€ 650.000") may not.
        assert!(
            !line.ends_with(" €") && line.trim() != "€",
            "a euro sign split from its amount: {line:?}"
        );
    }
}
