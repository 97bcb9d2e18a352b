#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! Dependencies point down, and `model/` has no circle. Read from the source text:
//! every `crate::…` path outside the test modules names the layer it leans on.
//!
//! ```text
//!   cli ──► ui ──► export ──► charts ──► model
//!    │       │        └──► store ─────────►┘
//!    └──► platform ◄──┘  (clock, data folder; the only one besides ui that knows eframe)
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const UI_CRATES: &[&str] = &["eframe", "egui", "egui_plot", "egui_extras", "rfd"];

/// Layer → the layers it may use (itself always).
fn allowed() -> BTreeMap<&'static str, &'static [&'static str]> {
    BTreeMap::from([
        ("model", &[][..]),
        ("assets", &[][..]),
        ("wording", &["model"][..]),
        ("store", &["model", "assets"][..]),
        ("charts", &["model"][..]),
        (
            "export",
            &["model", "store", "charts", "assets", "wording"][..],
        ),
        ("import", &["model", "store"][..]),
        ("platform", &["store"][..]),
        ("synth", &["model", "store"][..]),
        (
            "ui",
            &[
                "model", "store", "export", "charts", "platform", "wording", "assets", "import",
            ][..],
        ),
        (
            "cli",
            &[
                "model", "store", "export", "platform", "wording", "ui", "import",
            ][..],
        ),
    ])
}

/// Layers that must not know the window's crates.
const NO_UI: &[&str] = &[
    "model", "wording", "store", "charts", "export", "synth", "assets", "import",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The file's text without its test modules: from a top-level `#[cfg(test)]` on.
/// (A file whose name says it is tests is left out altogether.)
fn production_text(path: &Path) -> String {
    if path.file_name().is_some_and(|n| n == "tests.rs") {
        return String::new();
    }
    let text = std::fs::read_to_string(path).unwrap();
    let code = match text.find("\n#[cfg(test)]") {
        Some(at) => &text[..at],
        None => &text[..],
    };
    // Comments (doc links included) name other modules without using them.
    code.lines()
        .map(|line| match line.find("//") {
            Some(at) if line[..at].trim().is_empty() || line[..at].ends_with(' ') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The names after `crate::` (and after `use crate::{` groups).
fn crate_paths(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (i, _) in text.match_indices("crate::") {
        let before = text[..i].chars().last();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue; // e.g. `$crate::`
        }
        let rest = &text[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    found.insert(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.insert(name);
        }
    }
    found
}

fn layer_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap().as_os_str();
    first.to_string_lossy().trim_end_matches(".rs").to_owned()
}

#[test]
fn every_layer_leans_only_on_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let allowed = allowed();
    let mut wrong = Vec::new();
    for file in &files {
        let layer = layer_of(&src, file);
        if matches!(layer.as_str(), "lib" | "main") {
            continue;
        }
        let Some(may) = allowed.get(layer.as_str()) else {
            wrong.push(format!(
                "{}: layer {layer} has no place in this test",
                file.display()
            ));
            continue;
        };
        let text = production_text(file);
        for used in crate_paths(&text) {
            if used != layer && !may.contains(&used.as_str()) {
                wrong.push(format!("{} ({layer}) uses crate::{used}", file.display()));
            }
        }
        if NO_UI.contains(&layer.as_str()) {
            for krate in UI_CRATES {
                if text.contains(&format!("{krate}::")) {
                    wrong.push(format!("{} ({layer}) uses {krate}", file.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "upward imports:\n{}", wrong.join("\n"));
}

#[test]
fn the_layer_check_sees_an_upward_import() {
    // The checker itself must catch what it is for.
    let paths = crate_paths("use crate::ui::Renderer;\nuse crate::{model, cli::run};");
    assert!(paths.contains("ui") && paths.contains("model") && paths.contains("cli"));
    assert!(!crate_paths("$crate::x").contains("x"));
}

/// Model module → the model modules it uses, from `super::x` and `crate::model::x`.
fn model_graph() -> BTreeMap<String, BTreeSet<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model");
    let mut files = Vec::new();
    rust_files(&dir, &mut files);
    let module_of = |file: &Path| -> String {
        let relative = file.strip_prefix(&dir).unwrap();
        relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_owned()
    };
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(f)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let module = module_of(file);
        if module == "mod" {
            continue;
        }
        let nested = file.parent() != Some(dir.as_path());
        let text = production_text(file);
        let uses = graph.entry(module.clone()).or_default();
        for prefix in [
            "crate::model::",
            if nested { "super::super::" } else { "super::" },
        ] {
            for (i, _) in text.match_indices(prefix) {
                let name: String = text[i + prefix.len()..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if name != module && modules.contains(&name) {
                    uses.insert(name);
                }
            }
        }
    }
    graph
}

#[test]
fn model_has_no_module_cycle() {
    let graph = model_graph();
    // Depth-first search for a back edge.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(1) => {
                let start = path.iter().position(|n| n == node).unwrap_or(0);
                let mut cycle = path[start..].to_vec();
                cycle.push(node.to_owned());
                return Some(cycle);
            }
            Some(2) => return None,
            _ => {}
        }
        state.insert(node.to_owned(), 1);
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, state, path) {
                return Some(cycle);
            }
        }
        path.pop();
        state.insert(node.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        let mut path = Vec::new();
        if let Some(cycle) = visit(node, &graph, &mut state, &mut path) {
            panic!("model/ has a cycle: {}", cycle.join(" → "));
        }
    }
}
