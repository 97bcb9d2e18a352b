#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! The PDF as a reader sees it (poppler's pdftotext): right-to-left text in reading
//! order, and tables that fit the page with every amount in one piece.

mod export_support;

use std::path::Path;

use clusterwerkbank::export::{ExportOptions, Format, export_to_file};
use clusterwerkbank::model::*;
use clusterwerkbank::store::{default_workspace, load};
use export_support::*;

fn export_pdf(ws: &Workspace, dir: &Path) -> String {
    let path = dir.join("mededeling.pdf");
    export_to_file(ws, &ExportOptions::default(), Format::Pdf, &path).expect("export");
    pdf_text(&path)
}

/// Failing input f03: arguments in Hebrew and Arabic, and Hebrew inside a Dutch
/// sentence. The program's own Latin suffix must not be mirrored, the Hebrew not
/// reversed.
#[test]
fn right_to_left_arguments_read_in_order() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rtl-arguments.ron");
    let ws = load(&fixture).expect("fixture loads");
    let dir = tempfile::tempdir().expect("temp dir");
    let text = export_pdf(&ws, dir.path());
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");

    assert!(
        !text.contains("thciweg") && !text.contains("negiE"),
        "the Latin suffix is mirrored: {joined}"
    );
    assert!(!text.contains("םלוע םולש"), "Hebrew is reversed: {joined}");
    assert!(
        joined.contains("(Eigen analyse, gewicht 2)"),
        "the suffix reads left to right: {joined}"
    );
    assert!(
        joined.contains("שלום עולם"),
        "Hebrew in logical order: {joined}"
    );
    assert!(
        joined.contains("Tekst met Hebreeuws שלום עולם in het midden."),
        "Hebrew inside a Dutch sentence keeps its place: {joined}"
    );
    assert!(
        joined.contains("De Raad (מועצה) zegt nee"),
        "a Hebrew word in brackets inside Dutch: {joined}"
    );
}

/// The budget chart's table has a column per year: with assignments over nineteen
/// years it is far wider than an upright page, yet no amount may be split.
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
    let dir = tempfile::tempdir().expect("temp dir");
    let text = export_pdf(&ws, dir.path());
    // A no-break space may come out as such or as a space; either way in one piece.
    let text = text.replace('\u{a0}', " ");
    let whole = text.matches("€ 1.234.567").count();
    assert!(
        whole >= 19 * clusters.len(),
        "every yearly amount whole in the chart's table: {whole}\n{text}"
    );
    for line in text.lines() {
        let line = line.trim_end();
        assert!(
            !line.ends_with('€'),
            "a euro sign split from its amount: {line:?}"
        );
        assert!(
            !line.ends_with("1.234.") && !line.ends_with("1.234"),
            "an amount split over two lines: {line:?}"
        );
    }
}
