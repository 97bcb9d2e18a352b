#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! What the mededeling says, read from the files the command line writes with real
//! readers (pdftotext, an HTML parser): an empty consultation holds no cluster-policy
//! words, every "€ 650.000" of the text export is whole in the PDF, dates are written
//! out.

mod export_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use export_support::{pdf_text, rich_workspace};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_clusterwerkbank"))
}

fn run(args: &[&str]) {
    let out = bin().args(args).output().expect("run");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Exports `workspace` in `format` with the command line and returns the file.
fn export(workspace: &Path, format: &str, dir: &Path) -> PathBuf {
    let out = dir.join(format!("mededeling.{format}"));
    run(&[
        "export",
        &workspace.display().to_string(),
        "--format",
        format,
        "-o",
        &out.display().to_string(),
    ]);
    out
}

/// The text an HTML reader sees: every text node, scripts and styles aside.
fn html_text(path: &Path) -> String {
    let html = std::fs::read_to_string(path).expect("html");
    let doc = scraper::Html::parse_document(&html);
    let body = scraper::Selector::parse("body").expect("selector");
    doc.select(&body)
        .flat_map(|b| b.text())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn an_empty_consultation_exports_no_cluster_policy_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("leeg.ron");
    run(&["new", &ws.display().to_string(), "--empty"]);
    let texts = [
        (
            "txt",
            std::fs::read_to_string(export(&ws, "txt", dir.path())).expect("txt"),
        ),
        (
            "md",
            std::fs::read_to_string(export(&ws, "md", dir.path())).expect("md"),
        ),
        ("html", html_text(&export(&ws, "html", dir.path()))),
        ("pdf", pdf_text(&export(&ws, "pdf", dir.path()))),
    ];
    for (format, text) in &texts {
        // The sections are there, so the check reads a real document.
        assert!(text.contains("Budgettaire impact"), "{format}: {text}");
        let lower = text.to_lowercase();
        for word in [
            "clusterbeleid",
            "speerpuntcluster",
            "agvv",
            "650.000",
            "vier scenario",
        ] {
            assert!(!lower.contains(word), "{format} holds {word:?}:\n{text}");
        }
    }
}

/// "€ 650.000" with a space or a no-break space: the text export writes U+00A0 and
/// pdftotext may give either, so both are read as one form before counting.
fn count_650(text: &str) -> usize {
    text.replace('\u{a0}', " ").matches("€ 650.000").count()
}

#[test]
fn every_amount_of_the_text_export_is_whole_in_the_pdf_and_dates_are_written_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("werkruimte.ron");
    clusterwerkbank::store::save(&ws, &rich_workspace()).expect("save");
    let txt = std::fs::read_to_string(export(&ws, "txt", dir.path())).expect("txt");
    let pdf = pdf_text(&export(&ws, "pdf", dir.path()));
    // The text export ties the amount with a no-break space and never breaks it.
    assert!(txt.contains("€\u{a0}650.000"));
    assert!(
        !txt.contains("€ 650.000"),
        "an amount with a breakable space"
    );
    let expected = count_650(&txt);
    assert!(expected >= 3, "{expected}");
    assert_eq!(count_650(&pdf), expected, "pdftotext:\n{pdf}");
    let lines: Vec<&str> = pdf.lines().collect();
    for pair in lines.windows(2) {
        let split = pair[0].trim_end().ends_with('€')
            && pair[1]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit());
        assert!(!split, "an amount split over two lines: {pair:?}");
    }
    // The rich workspace is dated 15 December 2026.
    for (format, text) in [("txt", &txt), ("pdf", &pdf)] {
        assert!(text.contains("15 december 2026"), "{format}");
        assert!(!text.contains("15-12-2026"), "{format}");
    }
}
