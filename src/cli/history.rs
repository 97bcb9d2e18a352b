//! `clusterwerkbank history FILE [--json]`: the versions in a file, newest first.

use std::path::Path;

use serde::Serialize;

use crate::model::versions::Version;
use crate::store;
use crate::wording::{Lang, change};

#[derive(Serialize)]
struct Shown<'a> {
    id: &'a str,
    parents: Vec<&'a str>,
    author: &'a str,
    time: &'a str,
    /// The history before this version is incomplete (a broken link).
    cut: bool,
    /// `null` where the history cannot rebuild the version (or for the first one).
    changes: Option<Vec<String>>,
}

#[derive(Serialize)]
struct Report<'a> {
    file: String,
    /// Why the history is incomplete, when it is.
    incomplete: Option<&'a str>,
    versions: Vec<Shown<'a>>,
}

pub(super) fn history(file: &Path, json: bool) -> Result<(), String> {
    let (_, tracked) = store::load_tracked(file).map_err(|e| e.to_string())?;
    let lists = tracked.change_lists();
    let versions: Vec<Shown> = tracked
        .log
        .versions
        .iter()
        .rev()
        .zip(lists)
        .map(|(version, (_, changes))| shown(version, changes))
        .collect();
    if json {
        let report = Report {
            file: file.display().to_string(),
            incomplete: tracked.incomplete.as_deref(),
            versions,
        };
        let text = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        out!("{text}");
        return Ok(());
    }
    if let Some(note) = &tracked.incomplete {
        out!("{note}");
    }
    if versions.is_empty() {
        out!(
            "{} heeft nog geen geschiedenis: die begint bij de eerste keer opslaan met een wijziging.",
            file.display()
        );
    }
    for v in &versions {
        let who = if v.author.is_empty() {
            "beginstand (van vóór de geschiedenis)".to_owned()
        } else {
            format!("{}, {}", v.author, local_time(v.time))
        };
        let cut = if v.cut {
            " (de geschiedenis vóór deze versie is onvolledig)"
        } else {
            ""
        };
        let merge = if v.parents.len() > 1 {
            format!(" (samenvoeging van {})", v.parents.join(" en "))
        } else {
            String::new()
        };
        out!("{}  {who}{merge}{cut}", v.id);
        match &v.changes {
            Some(changes) if changes.is_empty() => out!("    (geen inhoudelijke wijziging)"),
            Some(changes) => changes.iter().for_each(|c| out!("    - {c}")),
            None if v.parents.is_empty() => {}
            None => out!("    (de wijzigingen zijn niet meer te reconstrueren)"),
        }
    }
    Ok(())
}

fn shown(version: &Version, changes: Option<Vec<crate::model::versions::Change>>) -> Shown<'_> {
    Shown {
        id: &version.id.0,
        parents: version.parents.iter().map(|l| l.id.0.as_str()).collect(),
        author: &version.author,
        time: &version.time,
        cut: version.parents.iter().any(|l| l.broken),
        changes: changes.map(|list| list.iter().map(|c| change(c, Lang::Dutch)).collect()),
    }
}

/// A version's time on this computer's clock, as the window shows it ("06-03-2026
/// 09:55"): the file keeps UTC so that copies agree; `--json` gives it as stored. A
/// time that is not RFC 3339 (a hand edit) is shown as written.
fn local_time(time: &str) -> String {
    match time.parse::<jiff::Timestamp>() {
        Ok(at) => at
            .to_zoned_datetime(jiff::tz::TimeZone::system())
            .strftime("%d-%m-%Y %H:%M")
            .to_string(),
        Err(_) => time.to_owned(),
    }
}
