//! Writes a small workspace with a history to OUT (default `geschiedenis.ron`): a few
//! saves by two people on copies of one file, merged. For the screenshot of the
//! *Geschiedenis* view and to try `clusterwerkbank history`.
//!
//! `cargo run --example history_demo -- OUT`

#![allow(clippy::expect_used)]

use std::path::{Path, PathBuf};

use clusterwerkbank::model::{Argument, Stance, Subject, Workspace};
use clusterwerkbank::store::{self, default_workspace, file_text, load_tracked};

fn save(path: &Path, author: &str, time: &str, edit: impl FnOnce(&mut Workspace)) {
    let (mut ws, history) = load_tracked(path).expect("loads");
    edit(&mut ws);
    let (text, _, _) = file_text(&ws, &history, author, time).expect("text");
    store::write_atomic(path, text.as_bytes()).expect("writes");
}

fn main() {
    let out = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("geschiedenis.ron"), PathBuf::from);
    let folder = tempfile::tempdir().expect("temp");
    let mine = folder.path().join("an.ron");
    store::save(&mine, &default_workspace()).expect("writes");
    save(&mine, "An Peeters", "2026-03-02T09:12:00Z", |ws| {
        let scenario = ws.scenarios[2].id;
        ws.arguments.push(Argument {
            text: "Een gefinancierde basisopdracht houdt de clusters wendbaar.".into(),
            subject: Subject::Scenario(scenario),
            ..Argument::default()
        });
    });
    save(&mine, "An Peeters", "2026-03-03T14:40:00Z", |ws| {
        ws.clusters[0].note = "Termijn loopt af eind 2026.".into();
    });
    let theirs = folder.path().join("bo.ron");
    std::fs::copy(&mine, &theirs).expect("copy");
    save(&mine, "An Peeters", "2026-03-05T10:05:00Z", |ws| {
        let s = ws.scenarios[1].id;
        if let Some(body) = ws.bodies.iter_mut().find(|b| b.short_name == "VARIO") {
            match body.advice.stances.iter_mut().find(|x| x.scenario == s) {
                Some(x) => x.stance = Stance::Rejects,
                None => body
                    .advice
                    .stances
                    .push(clusterwerkbank::model::ScenarioStance {
                        scenario: s,
                        stance: Stance::Rejects,
                        ..Default::default()
                    }),
            }
        }
    });
    save(&theirs, "Bo Janssens", "2026-03-05T11:30:00Z", |ws| {
        ws.meta.timing = "Mededeling aan de Vlaamse Regering vóór het zomerreces.".into();
    });
    let merged = folder.path().join("samen.ron");
    let (a, ah) = load_tracked(&mine).expect("loads");
    let (b, bh) = load_tracked(&theirs).expect("loads");
    let (_, base) = store::common_base(&ah, &bh).expect("shared history");
    let result = clusterwerkbank::model::merge(Some(&base), &a, &b);
    let mut history = ah;
    history.merge_in(&bh);
    let (text, _, _) = file_text(
        &result.workspace,
        &history,
        "An Peeters",
        "2026-03-06T08:55:00Z",
    )
    .expect("text");
    store::write_atomic(&merged, text.as_bytes()).expect("writes");
    std::fs::copy(&merged, &out).expect("copy");
    println!("{} geschreven", out.display());
}
