#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! The spreadsheet for colleagues in Excel, read back by a real reader (calamine):
//! every sheet, numbers as numbers, dates as dates, the budget as the chart has it,
//! the public version without internal arguments, the same bytes twice.

mod export_support;

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use clusterwerkbank::export::{ExportOptions, Format, export_bytes};
use clusterwerkbank::model::funding::budget_per_year;
use export_support::*;

fn workbook(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("an XLSX calamine reads")
}

fn sheet(book: &mut Xlsx<Cursor<Vec<u8>>>, name: &str) -> Vec<Vec<Data>> {
    book.worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name}: {e}"))
        .rows()
        .map(<[Data]>::to_vec)
        .collect()
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut out).unwrap();
    out
}

#[test]
fn every_sheet_holds_the_workspace_as_numbers_dates_and_text() {
    let ws = rich_workspace();
    let bytes = export_bytes(&ws, &ExportOptions::default(), Format::Xlsx).unwrap();
    assert_eq!(
        bytes,
        export_bytes(&ws, &ExportOptions::default(), Format::Xlsx).unwrap(),
        "same workspace, same bytes"
    );
    let mut book = workbook(&bytes);
    assert_eq!(
        book.sheet_names(),
        [
            "Matrix",
            "Toewijzingen",
            "Argumenten",
            "Adviezen",
            "Budget per jaar",
            "Thema's",
            "Varianten"
        ]
    );

    // The matrix: a row per cluster, three columns per scenario, scores as numbers.
    let matrix = sheet(&mut book, "Matrix");
    assert_eq!(matrix.len(), ws.clusters.len() + 1);
    assert_eq!(matrix[0].len(), 2 + 3 * ws.scenarios.len());
    let catalisti = matrix.iter().find(|r| text(&r[0]) == "Catalisti").unwrap();
    let s3 = matrix[0]
        .iter()
        .position(|h| text(h) == "Scenario 3: wenselijkheid")
        .unwrap();
    assert_eq!(catalisti[s3], Data::Float(5.0));

    // Assignments: the yearly budget as a number of euros, years as numbers.
    let assignments = sheet(&mut book, "Toewijzingen");
    assert_eq!(assignments.len(), ws.assignments.len() + 1);
    assert!(
        assignments
            .iter()
            .any(|r| r[7] == Data::Float(500_000.0) && r[8] == Data::Float(2027.0))
    );

    // Arguments: every one, with the internal one marked.
    let arguments = sheet(&mut book, "Argumenten");
    assert_eq!(arguments.len(), ws.arguments.len() + 1);
    assert!(
        arguments
            .iter()
            .any(|r| text(&r[3]) == INTERNAL_ARGUMENT && text(&r[7]) == "ja")
    );

    // Advice: the date received is a date.
    let advice = sheet(&mut book, "Adviezen");
    let serv = advice.iter().find(|r| text(&r[0]) == "SERV").unwrap();
    match &serv[2] {
        Data::DateTime(date) => {
            let (y, m, d, ..) = date.to_ymd_hms_milli();
            assert_eq!((y, m, d), (2024, 3, 12));
        }
        other => panic!("the advice date is not a date: {other:?}"),
    }

    // The budget per year is the chart's, year by year, with a totals row.
    let budget = budget_per_year(&ws);
    let rows = sheet(&mut book, "Budget per jaar");
    assert_eq!(rows.len(), budget.years.len() + 2);
    for (i, year) in budget.years.iter().enumerate() {
        let row = &rows[i + 1];
        assert_eq!(row[0], Data::Float(f64::from(*year)));
        for (c, cluster) in budget.clusters.iter().enumerate() {
            let expected = match cluster.amounts[i] {
                Some(amount) => Data::Float(amount.amount() as f64),
                None => Data::String("onbekend".to_owned()),
            };
            assert_eq!(row[c + 1], expected);
        }
        assert_eq!(
            row[budget.clusters.len() + 1],
            Data::Float(budget.totals[i].amount() as f64)
        );
    }
    assert_eq!(text(&rows.last().unwrap()[0]), "Totaal");

    // Themes.
    let themes = sheet(&mut book, "Thema's");
    assert_eq!(themes.len(), ws.themes.len() + 1);

    // Each sheet: header row frozen, an autofilter, euros in a euro format.
    for n in 1..=7 {
        let xml = part(&bytes, &format!("xl/worksheets/sheet{n}.xml"));
        assert!(xml.contains("state=\"frozen\""), "sheet {n}: {xml:.300}");
        assert!(xml.contains("<autoFilter"), "sheet {n}");
    }
    assert!(part(&bytes, "xl/styles.xml").contains("€ "));
}

/// Excel's schema: no error from openxml-audit, for the filled fixture (citations,
/// advice, budgets) and the hostile workspace.
#[test]
fn the_spreadsheet_is_valid_spreadsheetml() {
    let dir = tempfile::tempdir().unwrap();
    let filled = clusterwerkbank::store::load(std::path::Path::new("tests/fixtures/filled.ron"))
        .expect("the filled fixture loads");
    for (name, ws) in [("gevuld", filled), ("vijandig", hostile_workspace())] {
        let path = dir.path().join(format!("{name}.xlsx"));
        std::fs::write(
            &path,
            export_bytes(&ws, &ExportOptions::default(), Format::Xlsx).unwrap(),
        )
        .unwrap();
        assert_valid(&path);
    }
}

#[test]
fn the_public_spreadsheet_leaves_out_internal_arguments() {
    let ws = rich_workspace();
    let options = ExportOptions {
        public_version: true,
        ..ExportOptions::default()
    };
    let bytes = export_bytes(&ws, &options, Format::Xlsx).unwrap();
    let mut book = workbook(&bytes);
    let arguments = sheet(&mut book, "Argumenten");
    let internal = ws.arguments.iter().filter(|a| a.internal).count();
    assert!(internal > 0);
    assert_eq!(arguments.len(), ws.arguments.len() - internal + 1);
    assert!(!arguments[0].iter().any(|h| text(h) == "Intern"));
    for n in 1..=7 {
        let xml = part(&bytes, &format!("xl/worksheets/sheet{n}.xml"));
        assert!(!xml.contains(INTERNAL_ARGUMENT));
    }
    assert!(!part(&bytes, "xl/sharedStrings.xml").contains(INTERNAL_ARGUMENT));
}

#[test]
fn hostile_text_reads_back_as_typed_without_control_characters() {
    let ws = hostile_workspace();
    let bytes = export_bytes(&ws, &ExportOptions::default(), Format::Xlsx).unwrap();
    let mut book = workbook(&bytes);
    let arguments = sheet(&mut book, "Argumenten");
    assert_eq!(text(&arguments[1][3]), hostile_visible());
}

#[test]
fn the_command_line_writes_the_spreadsheet() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("ws.ron");
    clusterwerkbank::store::save(&input, &rich_workspace()).unwrap();
    let out = folder.path().join("cijfers.xlsx");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_clusterwerkbank"))
        .args(["export", "--format", "xlsx", "-o"])
        .arg(&out)
        .arg(&input)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let book = workbook(&std::fs::read(&out).unwrap());
    assert_eq!(book.sheet_names().len(), 7);
}
