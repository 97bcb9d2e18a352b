//! A large workspace exports in every format (correctness, not speed: speed is in
//! `benches/docx_vs_pandoc.sh`). `SAVE_LARGE_WORKSPACE=FILE` also saves a workspace of
//! benchmark size (200 clusters, 20.000 arguments) for that script.

mod export_support;

use clusterwerkbank::export::{ExportOptions, Format, build_document, render};

#[test]
fn large_workspace_exports_in_every_format() {
    let ws = export_support::large_workspace(30, 300);
    let doc = build_document(&ws, &ExportOptions::default());
    for format in Format::DOCUMENTS {
        let bytes = render(&doc, format).unwrap_or_else(|e| panic!("{format:?}: {e}"));
        assert!(bytes.len() > 10_000, "{format:?}");
    }
    let md = String::from_utf8(render(&doc, Format::Markdown).expect("md")).expect("utf8");
    assert!(md.contains("Cluster 0029"));
    assert!(md.contains("Argument 299:"));
    if let Some(path) = std::env::var_os("SAVE_LARGE_WORKSPACE") {
        let big = export_support::large_workspace(200, 20_000);
        clusterwerkbank::store::save(std::path::Path::new(&path), &big).expect("save");
    }
}
