//! Whether two paths name the same file on disk, and whether a file is a workspace.
//!
//! A write must never destroy its own input. Comparing spellings is not enough:
//! `ws.ron`, `./ws.ron`, a symbolic link to it and a hard link to it are all the
//! same file. Existing files are compared by identity (device and file number on
//! Unix, volume and file index on Windows, through the `same-file` crate); a path
//! that does not exist yet is compared by its resolved, absolute spelling.

use std::path::{Path, PathBuf};

use super::file::resolve_links;

/// True when `a` and `b` name the same file: the same file on disk when both exist
/// (following links, hard links included), else the same resolved absolute path.
pub fn same_file(a: &Path, b: &Path) -> bool {
    if let Ok(same) = same_file::is_same_file(a, b) {
        return same;
    }
    match (spelled(a), spelled(b)) {
        (Some(x), Some(y)) => same_spelling(&x, &y),
        _ => a == b,
    }
}

/// The absolute path a not-yet-existing file will have: links resolved, the folder
/// canonicalised when it exists, the name as given.
fn spelled(path: &Path) -> Option<PathBuf> {
    let resolved = resolve_links(path).ok()?;
    let absolute = std::path::absolute(&resolved).ok()?;
    let name = absolute.file_name()?.to_owned();
    let folder = absolute.parent()?;
    let folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_owned());
    Some(folder.join(name))
}

/// Windows and macOS file systems ignore case by default; Linux ones do not.
fn same_spelling(a: &Path, b: &Path) -> bool {
    if cfg!(any(windows, target_os = "macos")) {
        a.to_string_lossy().to_lowercase() == b.to_string_lossy().to_lowercase()
    } else {
        a == b
    }
}

/// How much of a file is read to recognise a workspace: the header sits in the first
/// lines, and an export is never mistaken for one within this much.
const SNIFF_BYTES: usize = 64 * 1024;

/// True when `path` is an existing Clusterwerkbank workspace (or recovery) file: after
/// an optional byte-order mark, white space and comments, a RON record whose first
/// field is `format_version` or `workspace`. Such a file is somebody's work; exports
/// refuse to write over it.
pub fn is_workspace_file(path: &Path) -> bool {
    use std::io::Read;
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::new();
    if file
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)
        .is_err()
    {
        return false;
    }
    let text = String::from_utf8_lossy(&head);
    looks_like_workspace(&text)
}

/// See [`is_workspace_file`].
pub(crate) fn looks_like_workspace(text: &str) -> bool {
    let mut rest = text.strip_prefix('\u{feff}').unwrap_or(text);
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, r)| r);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, r)| r);
        } else {
            break;
        }
    }
    let Some(inside) = rest.strip_prefix('(') else {
        return false;
    };
    let inside = inside.trim_start();
    inside.starts_with("format_version") || inside.starts_with("workspace")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workspaces_are_recognised_and_exports_are_not() {
        assert!(looks_like_workspace(
            "(\n\tformat_version: 2,\n\tworkspace: ("
        ));
        assert!(looks_like_workspace(
            "\u{feff}// notitie\n/* blok */ ( workspace: ())"
        ));
        assert!(!looks_like_workspace("DE VLAAMSE MINISTER VAN ECONOMIE"));
        assert!(!looks_like_workspace("# Mededeling\n\n(format_version)"));
        assert!(!looks_like_workspace("<!DOCTYPE html>"));
        assert!(!looks_like_workspace(""));
    }

    #[test]
    fn the_same_file_under_other_names_is_the_same_file() {
        let temp = tempfile::tempdir().unwrap();
        let file = temp.path().join("ws.ron");
        std::fs::write(&file, "x").unwrap();
        let dotted = temp.path().join(".").join("ws.ron");
        assert!(same_file(&file, &dotted));
        let hard = temp.path().join("hard.ron");
        std::fs::hard_link(&file, &hard).unwrap();
        assert!(same_file(&file, &hard));
        #[cfg(unix)]
        {
            let link = temp.path().join("link.ron");
            std::os::unix::fs::symlink(&file, &link).unwrap();
            assert!(same_file(&link, &file));
            // A link to a file that does not exist yet names that file.
            let later = temp.path().join("later.ron");
            let dangling = temp.path().join("dangling.ron");
            std::os::unix::fs::symlink(&later, &dangling).unwrap();
            assert!(same_file(&dangling, &later));
        }
        let other = temp.path().join("ander.ron");
        std::fs::write(&other, "x").unwrap();
        assert!(!same_file(&file, &other));
        assert!(!same_file(
            &temp.path().join("a.ron"),
            &temp.path().join("b.ron")
        ));
    }
}
