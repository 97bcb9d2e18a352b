#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! Citations as footnotes, on the filled fixture (`tests/fixtures/filled.ron`): real
//! footnotes at the foot of the PDF's pages, numbered notes linked both ways in HTML,
//! `[^n]` notes in Markdown, "[n]" and a "Noten" list in text; the public version
//! without the internal argument's note; the same bytes twice.

mod export_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use clusterwerkbank::export::{ExportOptions, Format, build_document, export_bytes};
use clusterwerkbank::store;
use export_support::*;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/filled.ron")
}

fn filled() -> clusterwerkbank::model::Workspace {
    store::load(&fixture()).expect("the filled fixture loads")
}

/// Exports the fixture with the program itself, as a person would.
fn export(dir: &Path, format: &str, public: bool) -> PathBuf {
    let out = dir.join(format!(
        "mededeling{}.{format}",
        if public { "-publiek" } else { "" }
    ));
    let mut args = vec![
        "export".to_owned(),
        fixture().display().to_string(),
        "--format".to_owned(),
        format.to_owned(),
        "-o".to_owned(),
        out.display().to_string(),
    ];
    if public {
        args.push("--public".to_owned());
    }
    let status = Command::new(env!("CARGO_BIN_EXE_clusterwerkbank"))
        .args(&args)
        .output()
        .expect("the program runs");
    assert!(
        status.status.success(),
        "export {format}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    out
}

/// The fixture is this workspace as the program saves it (so it is a valid file in the
/// current format, not a hand-written one). `CLUSTERWERKBANK_WRITE_FIXTURE=1` writes it
/// anew after a deliberate change to `export_support/filled.rs`.
#[test]
fn the_filled_fixture_is_what_the_program_writes() {
    let text = store::to_ron(&filled_workspace()).unwrap();
    if std::env::var_os("CLUSTERWERKBANK_WRITE_FIXTURE").is_some() {
        store::save(&fixture(), &filled_workspace()).unwrap();
    }
    let stored = std::fs::read_to_string(fixture()).unwrap();
    assert!(
        stored == text,
        "tests/fixtures/filled.ron differs from filled_workspace(); write it anew with CLUSTERWERKBANK_WRITE_FIXTURE=1"
    );
    let ws = filled();
    assert!(
        ws.arguments
            .iter()
            .filter(|a| !a.citation.is_empty())
            .count()
            >= 8
    );
    assert!(
        ws.arguments
            .iter()
            .any(|a| a.internal && !a.citation.is_empty())
    );
    assert!(ws.themes.iter().any(|t| t.citation.is_some()));
    let warnings = clusterwerkbank::model::validate(&ws, 2024);
    assert!(warnings.is_empty(), "{warnings:?}");
}

fn notes(public: bool) -> Vec<String> {
    let options = ExportOptions {
        public_version: public,
        ..ExportOptions::default()
    };
    build_document(&filled(), &options)
        .footnotes()
        .into_iter()
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_document_has_a_note_per_citation() {
    let ws = filled();
    let all = notes(false);
    // Every visible argument from a body whose advice names itself, every quoted
    // stance, and the cited theme.
    let arguments = ws
        .arguments
        .iter()
        .filter(|a| matches!(a.source, clusterwerkbank::model::Source::Body(_)))
        .count();
    let stances: usize = ws
        .bodies
        .iter()
        .map(|b| {
            b.advice
                .stances
                .iter()
                .filter(|s| !s.quote.is_empty())
                .count()
        })
        .sum();
    assert_eq!(all.len(), arguments + stances + 1, "{all:#?}");
    assert!(
        all.iter()
            .any(|n| n.starts_with("VARIO, advies 36 van ") && n.contains("p.\u{a0}7: \u{201c}")),
        "{all:#?}"
    );
    assert!(all.iter().any(|n| n.contains(FILLED_INTERNAL_QUOTE)));
    let public = notes(true);
    assert_eq!(public.len(), all.len() - 1);
    assert!(!public.iter().any(|n| n.contains(FILLED_INTERNAL_QUOTE)));
}

/// Text in one line per page: line ends and runs of spaces as one space, words that
/// typst hyphenated whole again.
fn flat(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("\u{ad} ", "")
}

/// pdftotext -layout keeps the page breaks (form feeds) and the foot of the page
/// below the text: each note's text stands once, on the page of its marker, below
/// it, and begins with its number.
#[test]
fn the_pdf_sets_each_note_at_the_foot_of_its_page() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = export(dir.path(), "pdf", false);
    let out = run_tool(
        "pdftotext",
        &["-layout", "-enc", "UTF-8", &pdf.display().to_string(), "-"],
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let pages: Vec<String> = text.split('\u{c}').map(flat).collect();
    let notes = notes(false);
    assert!(notes.len() >= 15, "{notes:#?}");
    for (i, note) in notes.iter().enumerate() {
        let n = i + 1;
        // The start of the note, short enough to stand on one line.
        let start: String = flat(note).chars().take(28).collect();
        let on: Vec<usize> = pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.contains(&format!("{n} {start}")))
            .map(|(page, _)| page)
            .collect();
        assert_eq!(on.len(), 1, "note {n} «{start}» on pages {on:?}");
        let page = &pages[on[0]];
        let note_at = page.find(&format!("{n} {start}")).unwrap();
        // The marker: the number right after the end of the argument, quote or theme
        // it belongs to, above the note.
        let marker_at = [")", "\u{201d}", "."]
            .iter()
            .filter_map(|before| page.find(&format!("{before}{n}")))
            .min();
        assert!(
            marker_at.is_some_and(|at| at < note_at),
            "note {n} has its marker above it on its page: {page}"
        );
    }
    // A note is not also inline: each note's text stands once in the whole PDF.
    let all = flat(&text);
    for note in &notes {
        let start: String = flat(note).chars().take(40).collect();
        if notes
            .iter()
            .filter(|other| flat(other).starts_with(&start))
            .count()
            == 1
        {
            assert_eq!(all.matches(&start).count(), 1, "«{start}»");
        }
    }
}

#[test]
fn html_notes_are_linked_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let html = std::fs::read_to_string(export(dir.path(), "html", false)).unwrap();
    let page = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    let markers: Vec<_> = page.select(&select("sup.noteref a")).collect();
    let items: Vec<_> = page.select(&select("section.notes ol > li")).collect();
    let notes = notes(false);
    assert_eq!(markers.len(), notes.len());
    assert_eq!(items.len(), notes.len());
    for (i, (marker, item)) in markers.iter().zip(&items).enumerate() {
        let n = i + 1;
        assert_eq!(marker.text().collect::<String>(), n.to_string());
        let to = marker.value().attr("href").unwrap();
        let back_from = marker.value().attr("id").unwrap();
        assert_eq!(to, format!("#{}", item.value().attr("id").unwrap()));
        let back = item.select(&select("a")).next().unwrap();
        assert_eq!(back.value().attr("href").unwrap(), format!("#{back_from}"));
        let text: String = item.text().collect();
        assert!(text.contains(&notes[i]), "{text} / {}", notes[i]);
    }
    assert!(html.contains("<h2>Noten</h2>"));
}

#[test]
fn markdown_and_text_number_their_notes() {
    let dir = tempfile::tempdir().unwrap();
    let notes = notes(false);
    let md = std::fs::read_to_string(export(dir.path(), "md", false)).unwrap();
    for n in 1..=notes.len() {
        assert_eq!(
            md.matches(&format!("[^{n}]")).count(),
            2,
            "marker and definition of note {n}"
        );
        assert_eq!(md.matches(&format!("\n[^{n}]: ")).count(), 1);
    }
    assert!(!md.contains(&format!("[^{}]", notes.len() + 1)));

    let txt = std::fs::read_to_string(export(dir.path(), "txt", false)).unwrap();
    let (body, list) = txt.split_once("\nNoten\n-----\n").expect("a Noten list");
    let flat_list = list.split_whitespace().collect::<Vec<_>>().join(" ");
    for (i, note) in notes.iter().enumerate() {
        let n = i + 1;
        assert_eq!(body.matches(&format!("[{n}]")).count(), 1, "marker {n}");
        let flat_note = note.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat_list.contains(&format!("[{n}] {flat_note}")),
            "note {n}: {flat_note}"
        );
    }
    assert!(!body.contains(&format!("[{}]", notes.len() + 1)));
}

/// The public version leaves out the internal argument: its text and its note, in
/// every format that has text a reader can search.
#[test]
fn the_public_version_has_no_internal_note() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["pdf", "html", "md", "txt"] {
        let path = export(dir.path(), format, true);
        let text = if format == "pdf" {
            pdf_text(&path)
        } else {
            std::fs::read_to_string(&path).unwrap()
        };
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(!flat.contains(FILLED_INTERNAL_QUOTE), "{format}");
        assert!(!flat.contains(FILLED_INTERNAL_TEXT), "{format}");
        // The public notes are all there.
        assert!(
            flat.contains("ruimtevaart ontbreekt in het landschap"),
            "{format}"
        );
    }
    // The internal version does have it, so the check above could fail.
    let txt = std::fs::read_to_string(export(dir.path(), "txt", false)).unwrap();
    let flat = txt.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(FILLED_INTERNAL_QUOTE));
}

#[test]
fn every_format_gives_the_same_bytes_twice() {
    let ws = filled();
    for format in Format::ALL {
        let first = export_bytes(&ws, &ExportOptions::default(), format).unwrap();
        let second = export_bytes(&ws, &ExportOptions::default(), format).unwrap();
        assert!(first == second, "{format:?} differs between two exports");
    }
}

/// A citation made in the reader (it points into an imported PDF) is a footnote like
/// any other: its page is the document's page, its words the selected ones, in every
/// format.
#[test]
fn a_citation_into_an_imported_document_is_a_footnote_with_its_page_everywhere() {
    use clusterwerkbank::model::marks::{MarkAs, cite, mark};
    use clusterwerkbank::model::{Polarity, Subject, apply};
    let mut ws = filled();
    let pdf = clusterwerkbank::export::pdf::sample::plain_advice_pdf(3).unwrap();
    let read = clusterwerkbank::import::read("vario.pdf", &pdf).unwrap();
    let vario = body(&ws, "VARIO");
    let edit =
        clusterwerkbank::import::attach(&ws, read, vario, jiff::civil::date(2026, 11, 30)).unwrap();
    apply(&mut ws, edit).unwrap();
    let document = ws.documents.last().unwrap().clone();
    // "Op pagina 2 stelt de raad" on the second page.
    let citation = cite(&document, 1, 0, 25).unwrap();
    assert_eq!(citation.quote, "Op pagina 2 stelt de raad");
    let scenario = scenario(&ws, 2);
    let (edit, _) = mark(
        &ws,
        &document,
        citation,
        MarkAs::Argument(Polarity::Contra, Subject::Scenario(scenario)),
        jiff::Timestamp::UNIX_EPOCH,
    )
    .unwrap();
    apply(&mut ws, edit).unwrap();
    let doc = build_document(&ws, &ExportOptions::default());
    let note = doc
        .footnotes()
        .iter()
        .map(|n| n.to_string())
        .find(|n| n.contains("Op pagina 2 stelt de raad"))
        .unwrap_or_else(|| panic!("no footnote for the citation"));
    assert!(
        note.starts_with("VARIO, advies") && note.contains("p.\u{a0}2"),
        "{note}"
    );
    for format in [Format::Html, Format::Markdown, Format::Text] {
        let bytes = export_bytes(&ws, &ExportOptions::default(), format).unwrap();
        let text = String::from_utf8(bytes)
            .unwrap()
            .replace("&nbsp;", "\u{a0}");
        assert!(
            text.contains("p.\u{a0}2: \u{201c}Op pagina 2 stelt de raad\u{201d}")
                || text.contains("p.\u{a0}2: &#8220;Op pagina 2 stelt de raad"),
            "{format:?} lacks the note"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mededeling.pdf");
    std::fs::write(
        &path,
        export_bytes(&ws, &ExportOptions::default(), Format::Pdf).unwrap(),
    )
    .unwrap();
    let text = pdf_text(&path)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("Op pagina 2 stelt de raad"),
        "the PDF lacks the note"
    );
}
