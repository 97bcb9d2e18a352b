#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! The four charts in every export format, drawn from the same chart data as the
//! window, with the numbers behind them; and still the same bytes on every export.

mod export_support;

use std::io::Read;

use clusterwerkbank::charts::svg::all_charts;
use clusterwerkbank::export::{Block, ExportOptions, Format, build_document, render};
use export_support::*;

fn export(format: Format) -> Vec<u8> {
    let doc = build_document(&rich_workspace(), &ExportOptions::default());
    render(&doc, format).expect("export")
}

/// The charts as the window draws them for the document date of the workspace.
fn expected_charts() -> Vec<clusterwerkbank::charts::svg::ChartSvg> {
    let ws = rich_workspace();
    let today = ws.meta.date.expect("rich workspace has a date");
    all_charts(&ws, today)
}

#[test]
fn the_document_holds_the_four_charts_of_the_window() {
    let doc = build_document(&rich_workspace(), &ExportOptions::default());
    let charts: Vec<_> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Chart(c) => Some(c),
            _ => None,
        })
        .collect();
    let expected = expected_charts();
    assert_eq!(charts.len(), 4);
    for want in &expected {
        let got = charts
            .iter()
            .find(|c| c.title == want.title)
            .unwrap_or_else(|| panic!("chart {} missing", want.title));
        assert_eq!(got.svg, want.svg, "same SVG as the window");
        assert_eq!(Some(&got.table.header), want.table.first());
        assert_eq!(got.table.rows.as_slice(), &want.table[1..]);
        assert!(!got.table.rows.is_empty(), "{} has numbers", want.title);
    }
}

#[test]
fn switched_off_sections_take_their_chart_along() {
    let mut options = ExportOptions::default();
    options
        .sections
        .remove(&clusterwerkbank::export::Section::Budget);
    let doc = build_document(&rich_workspace(), &options);
    let count = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Chart(_)))
        .count();
    assert_eq!(count, 3);
}

#[test]
fn html_inlines_four_svgs_and_references_nothing_outside() {
    let html = String::from_utf8(export(Format::Html)).expect("utf-8");
    assert_eq!(html.matches("<svg").count(), 4);
    let doc = scraper::Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "HTML parse errors: {:?}", doc.errors);
    let all = scraper::Selector::parse("*").expect("selector");
    for element in doc.select(&all) {
        let el = element.value();
        for banned in [
            "script",
            "iframe",
            "img",
            "link",
            "image",
            "use",
            "foreignobject",
        ] {
            assert!(!el.name().eq_ignore_ascii_case(banned), "<{}>", el.name());
        }
        for (name, value) in el.attrs() {
            assert_attribute_is_inert(name, value);
            assert!(!name.ends_with(":href"), "{name}={value}");
        }
    }
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script") && !lower.contains("url(") && !lower.contains("@import"));
    let captions = scraper::Selector::parse("table caption").expect("selector");
    let captions: Vec<String> = doc
        .select(&captions)
        .map(|c| c.text().collect::<String>())
        .collect();
    for chart in expected_charts() {
        assert!(captions.contains(&chart.title), "table for {}", chart.title);
    }
}

#[test]
fn docx_holds_four_png_pictures() {
    let bytes = export(Format::Docx);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
    let media: Vec<&String> = names
        .iter()
        .filter(|n| n.starts_with("word/media/") && n.ends_with(".png"))
        .collect();
    assert_eq!(media.len(), 4, "{names:?}");
    for name in &media {
        let mut data = Vec::new();
        zip.by_name(name)
            .expect("entry")
            .read_to_end(&mut data)
            .expect("read");
        assert!(data.starts_with(b"\x89PNG\r\n\x1a\n"), "{name} is a PNG");
    }
    let mut document = String::new();
    zip.by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut document)
        .expect("read");
    assert_eq!(document.matches("<pic:pic").count(), 4);
    for chart in expected_charts() {
        let escaped = chart.title.replace('\'', "&apos;");
        assert!(
            document.contains(&chart.title) || document.contains(&escaped),
            "caption {}",
            chart.title
        );
    }
}

#[test]
fn pdf_draws_four_vector_charts_as_figures_and_stays_readable() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("mededeling.pdf");
    let pdf = export(Format::Pdf);
    std::fs::write(&path, &pdf).expect("write");
    // The SVG goes in as vector graphics, no picture: one tagged Figure per chart,
    // its title as the alternative text (a PDF string; our titles are ASCII and
    // need no escaping, which keeps this check literal).
    let raw = String::from_utf8_lossy(&pdf);
    assert_eq!(raw.matches("/S/Figure").count(), 4, "four figures");
    for chart in expected_charts() {
        assert!(
            chart.title.is_ascii() && !chart.title.contains(['(', ')', '\\']),
            "{}",
            chart.title
        );
        assert!(
            raw.contains(&format!("/Alt({})", chart.title)),
            "alternative text {}",
            chart.title
        );
    }
    let out = run_tool("pdfimages", &["-list", &path.display().to_string()]);
    let list = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(
        list.lines().skip(2).count(),
        0,
        "no raster pictures: {list}"
    );
    let text = pdf_text(&path);
    for chart in expected_charts() {
        assert!(text.contains(&chart.title), "caption {}", chart.title);
    }
    // The chart's own lettering is text, not pixels: the budget chart's axis title.
    assert!(text.contains("Bedrag per jaar"), "text inside the chart");
}

#[test]
fn markdown_and_text_hold_each_caption_and_table() {
    let md = String::from_utf8(export(Format::Markdown)).expect("utf-8");
    let txt = String::from_utf8(export(Format::Text)).expect("utf-8");
    // Text wraps at 72 characters: compare with the line breaks as spaces.
    let txt = txt.split_whitespace().collect::<Vec<_>>().join(" ");
    for chart in expected_charts() {
        assert!(
            md.contains(&chart.title),
            "markdown caption {}",
            chart.title
        );
        assert!(txt.contains(&chart.title), "text caption {}", chart.title);
        for row in &chart.table {
            for cell in row {
                assert!(md.contains(cell.as_str()), "markdown cell {cell}");
                // The text grid wraps cells inside their column (even long words),
                // so a cell need not stay in one piece; every number and short word
                // of it must be there.
                for word in cell.split_whitespace().filter(|w| w.chars().count() <= 10) {
                    assert!(txt.contains(word), "text word {word} of cell {cell}");
                }
            }
        }
    }
    assert!(!md.contains("<svg") && !txt.contains("<svg"));
}

#[test]
fn exports_with_charts_are_byte_identical() {
    for format in Format::DOCUMENTS {
        assert_eq!(export(format), export(format), "{format:?}");
    }
}

#[test]
fn without_a_document_date_the_timeline_does_not_use_the_clock() {
    let mut ws = rich_workspace();
    ws.meta.date = None;
    let first = build_document(&ws, &ExportOptions::default());
    let second = build_document(&ws, &ExportOptions::default());
    assert_eq!(first, second);
    let svgs: Vec<&str> = first
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Chart(c) => Some(c.svg.as_str()),
            _ => None,
        })
        .collect();
    // The latest advice that came in stands for "today".
    let latest = ws
        .bodies
        .iter()
        .filter_map(|b| b.advice.received)
        .max()
        .expect("rich workspace has advice");
    let expected = all_charts(&ws, latest);
    assert!(
        expected.iter().all(|c| svgs.contains(&c.svg.as_str())),
        "timeline drawn for the latest advice date"
    );
}
