//! The history of versions inside a workspace file (issue 18): saves add versions,
//! copies edited apart merge against their true common version without `--base`,
//! earlier versions come back exactly, damage never costs the work, and no export
//! carries the history.

#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]

mod export_support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use clusterwerkbank::model::versions::VersionId;
use clusterwerkbank::model::{Argument, Polarity, Stance, Subject, Workspace};
use clusterwerkbank::store::{self, default_workspace, file_text, load_tracked};

fn run(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clusterwerkbank"))
        .args(args)
        .env("CLUSTERWERKBANK_DATA_DIR", data)
        .env("USER", "tester")
        // A POSIX zone one hour east of UTC, so the local times below do not depend
        // on the machine's zone or on its time zone database.
        .env("TZ", "<+01>-1")
        .output()
        .expect("the binary runs")
}

fn text(path: &Path) -> String {
    path.to_str().expect("utf-8 path").to_owned()
}

/// One save as the window makes it: read the file with its history, change the
/// workspace, write it back with a version on top. Returns the new version.
fn save_edit(
    path: &Path,
    author: &str,
    time: &str,
    edit: impl FnOnce(&mut Workspace),
) -> Option<VersionId> {
    let (mut ws, history) = load_tracked(path).expect("loads");
    edit(&mut ws);
    let (bytes, _, added) = file_text(&ws, &history, author, time).expect("serialises");
    store::write_atomic(path, bytes.as_bytes()).expect("writes");
    added
}

fn argument(ws: &Workspace, text: &str, internal: bool) -> Argument {
    Argument {
        text: text.to_owned(),
        subject: Subject::Scenario(ws.scenarios[0].id),
        polarity: Polarity::Pro,
        internal,
        ..Argument::default()
    }
}

fn set_stance(ws: &mut Workspace, body: usize, scenario: usize, stance: Stance) {
    let scenario = ws.scenarios[scenario].id;
    let advice = &mut ws.bodies[body].advice;
    match advice.stances.iter_mut().find(|s| s.scenario == scenario) {
        Some(s) => s.stance = stance,
        None => advice.stances.push(clusterwerkbank::model::ScenarioStance {
            scenario,
            stance,
            ..Default::default()
        }),
    }
}

fn conflicts_of(ws: &Workspace) -> Vec<(String, Option<String>)> {
    let mut list: Vec<(String, Option<String>)> = ws
        .conflicts
        .iter()
        .map(|c| (format!("{:?}", c.target), c.field.clone()))
        .collect();
    list.sort();
    list
}

struct Copies {
    _temp: tempfile::TempDir,
    dir: PathBuf,
    mine: PathBuf,
    theirs: PathBuf,
    /// The file as it was when it was copied: the true common version.
    fork: PathBuf,
}

/// One Green Paper file, saved a few times, copied; then each copy saved three more
/// times by another person, with one field changed differently on both sides.
fn copies() -> Copies {
    let temp = tempfile::tempdir().expect("temp");
    let dir = temp.path().to_owned();
    let mine = dir.join("mijn.ron");
    store::save(&mine, &default_workspace()).expect("saves");
    save_edit(&mine, "an", "2026-03-01T09:00:00Z", |ws| {
        let a = argument(ws, "Gedeeld argument", false);
        ws.arguments.push(a);
    });
    save_edit(&mine, "an", "2026-03-02T09:00:00Z", |ws| {
        ws.clusters[0].note = "Gedeelde notitie".into();
    });
    let fork = dir.join("splitsing.ron");
    let theirs = dir.join("collega.ron");
    std::fs::copy(&mine, &fork).expect("copy");
    std::fs::copy(&mine, &theirs).expect("copy");

    save_edit(&mine, "an", "2026-03-03T09:00:00Z", |ws| {
        ws.clusters[1].note = "Notitie van An".into();
    });
    save_edit(&mine, "an", "2026-03-04T09:00:00Z", |ws| {
        set_stance(ws, 0, 1, Stance::Rejects);
    });
    save_edit(&mine, "an", "2026-03-05T09:00:00Z", |ws| {
        ws.meta.timing = "Voor de zomer".into();
    });

    save_edit(&theirs, "bo", "2026-03-03T10:00:00Z", |ws| {
        ws.clusters[2].note = "Notitie van Bo".into();
    });
    save_edit(&theirs, "bo", "2026-03-04T10:00:00Z", |ws| {
        set_stance(ws, 0, 1, Stance::Conditional);
        ws.arguments[0].text = "Gedeeld argument, aangescherpt".into();
    });
    save_edit(&theirs, "bo", "2026-03-05T10:00:00Z", |ws| {
        let a = argument(ws, "Argument van Bo", false);
        ws.arguments.push(a);
    });
    Copies {
        _temp: temp,
        dir,
        mine,
        theirs,
        fork,
    }
}

#[test]
fn copies_edited_apart_merge_against_their_true_common_version_without_base() {
    let c = copies();
    let found = c.dir.join("gevonden.ron");
    let named = c.dir.join("met-base.ron");
    let two_way = c.dir.join("tweeweg.ron");
    let out = run(
        &c.dir,
        &[
            "merge",
            &text(&c.mine),
            &text(&c.theirs),
            "-o",
            &text(&found),
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("gemeenschappelijke versie"), "{said}");
    let out = run(
        &c.dir,
        &[
            "merge",
            &text(&c.mine),
            &text(&c.theirs),
            "--base",
            &text(&c.fork),
            "-o",
            &text(&named),
        ],
    );
    assert!(out.status.success(), "{out:?}");

    let (by_history, history) = load_tracked(&found).expect("loads");
    let (by_base, _) = load_tracked(&named).expect("loads");
    assert_eq!(conflicts_of(&by_history), conflicts_of(&by_base));
    assert_eq!(by_history, by_base, "the same merge, content and conflicts");
    // Only the stance both changed is a conflict; everything else merged.
    assert_eq!(by_history.conflicts.len(), 1, "{:?}", by_history.conflicts);
    assert_eq!(by_history.conflicts[0].field.as_deref(), Some("advice"));
    assert_eq!(by_history.clusters[1].note, "Notitie van An");
    assert_eq!(by_history.clusters[2].note, "Notitie van Bo");
    assert_eq!(
        by_history.arguments[0].text,
        "Gedeeld argument, aangescherpt"
    );
    assert_eq!(by_history.meta.timing, "Voor de zomer");

    // The merge is a version with both heads as parents; both histories are in it.
    let (_, mine_history) = load_tracked(&c.mine).expect("loads");
    let (_, theirs_history) = load_tracked(&c.theirs).expect("loads");
    let head = history.log.head().expect("a head");
    let parents: Vec<&VersionId> = head.parents.iter().map(|l| &l.id).collect();
    assert_eq!(
        parents,
        vec![
            &mine_history.log.head().unwrap().id,
            &theirs_history.log.head().unwrap().id
        ]
    );
    for v in mine_history
        .log
        .versions
        .iter()
        .chain(&theirs_history.log.versions)
    {
        assert!(history.log.get(&v.id).is_some(), "{} kept", v.id);
    }
    assert_eq!(head.author, "tester");

    // Without the history, the same copies differ in many more fields.
    let strip = |from: &Path, to: &Path| {
        let (ws, _) = load_tracked(from).expect("loads");
        store::save(to, &ws).expect("saves");
    };
    let (bare_mine, bare_theirs) = (c.dir.join("kaal-1.ron"), c.dir.join("kaal-2.ron"));
    strip(&c.mine, &bare_mine);
    strip(&c.theirs, &bare_theirs);
    let out = run(
        &c.dir,
        &[
            "merge",
            &text(&bare_mine),
            &text(&bare_theirs),
            "-o",
            &text(&two_way),
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("tweewegsamenvoeging"), "{said}");
    let (guessed, _) = load_tracked(&two_way).expect("loads");
    assert!(guessed.conflicts.len() > 3, "{:?}", guessed.conflicts);
}

#[test]
fn a_second_merge_finds_the_first_merge() {
    let c = copies();
    let merged = c.dir.join("samen.ron");
    let out = run(
        &c.dir,
        &[
            "merge",
            &text(&c.mine),
            &text(&c.theirs),
            "-o",
            &text(&merged),
        ],
    );
    assert!(out.status.success(), "{out:?}");
    // Bo goes on from their own copy; merging again finds Bo's last version, so An's
    // merged stance is not asked again and only Bo's new change comes in.
    save_edit(&c.theirs, "bo", "2026-03-06T10:00:00Z", |ws| {
        ws.clusters[3].note = "Nog een notitie van Bo".into();
    });
    let again = c.dir.join("weer-samen.ron");
    let out = run(
        &c.dir,
        &[
            "merge",
            &text(&merged),
            &text(&c.theirs),
            "-o",
            &text(&again),
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let (ws, _) = load_tracked(&again).expect("loads");
    assert_eq!(ws.clusters[3].note, "Nog een notitie van Bo");
    assert_eq!(
        ws.conflicts.len(),
        1,
        "only the first merge's open question"
    );
}

#[test]
fn history_survives_load_save_and_upgrade_and_restores_exactly() {
    let c = copies();
    let (_, before) = load_tracked(&c.mine).expect("loads");
    // Saving without a change adds no version.
    assert_eq!(
        save_edit(&c.mine, "an", "2026-04-01T09:00:00Z", |_| {}),
        None
    );
    let out = run(&c.dir, &["upgrade", &text(&c.mine)]);
    assert!(out.status.success(), "{out:?}");
    let (now, after) = load_tracked(&c.mine).expect("loads");
    assert_eq!(after.log, before.log);
    // Every earlier version comes back as it was saved: the fork equals the file
    // copied at that moment.
    let (fork_ws, fork_history) = load_tracked(&c.fork).expect("loads");
    let fork_id = &fork_history.log.head().unwrap().id;
    assert_eq!(after.workspace_at(fork_id).as_ref(), Some(&fork_ws));
    let newest = &after.log.head().unwrap().id;
    assert_eq!(after.workspace_at(newest).as_ref(), Some(&now));
    // Five versions and the state before the history: the Green Paper as created.
    assert_eq!(after.log.versions.len(), 6);
    let first = &after.log.versions[0];
    assert!(first.author.is_empty() && first.parents.is_empty());
    assert_eq!(after.workspace_at(&first.id), Some(default_workspace()));
}

#[test]
fn history_command_lists_versions_newest_first_with_their_changes() {
    let c = copies();
    let out = run(&c.dir, &["history", &text(&c.mine)]);
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8_lossy(&out.stdout);
    let newest = said.find("Voor de zomer").expect("the newest change");
    let stance = said
        .find("niet vermeld \u{2192} wijst af")
        .unwrap_or_else(|| {
            panic!("the stance change in words: {said}");
        });
    assert!(newest < stance, "newest first: {said}");
    // On the reader's clock (UTC+1 here), as the window shows it; --json keeps UTC.
    assert!(said.contains("an, 04-03-2026 10:00"), "{said}");
    // The change lines name records and values, never the file's raw data.
    for line in said.lines().filter(|l| l.starts_with("    - ")) {
        let chars: Vec<char> = line.chars().collect();
        let id = chars.windows(36).any(|w| {
            (w.iter().enumerate()).all(|(i, c)| match i {
                8 | 13 | 18 | 23 => *c == '-',
                _ => c.is_ascii_hexdigit(),
            })
        });
        assert!(
            !id && !line.contains("Some(") && !line.contains("None") && !line.contains(":("),
            "{line}"
        );
    }
    let out = run(&c.dir, &["history", "--json", &text(&c.mine)]);
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let versions = json["versions"].as_array().expect("versions");
    assert_eq!(versions.len(), 6);
    assert_eq!(versions[0]["author"], "an");
    assert_eq!(versions[0]["time"], "2026-03-05T09:00:00Z");
    assert!(
        versions[0]["changes"][0]
            .as_str()
            .unwrap()
            .contains("zomer")
    );
}

#[test]
fn a_version_3_file_loads_with_an_empty_history_and_starts_one() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v3-groenboek.ron");
    let original = std::fs::read_to_string(&fixture).expect("fixture");
    assert!(original.contains("format_version: 3,"));
    let (ws, history) = store::parse_tracked(&original).expect("reads");
    assert_eq!(ws, default_workspace());
    assert!(history.log.is_empty() && history.incomplete.is_none());
    let temp = tempfile::tempdir().expect("temp");
    let path = temp.path().join("oud.ron");
    std::fs::write(&path, &original).expect("writes");
    save_edit(&path, "an", "2026-05-01T09:00:00Z", |ws| {
        ws.meta.timing = "Later".into();
    })
    .expect("a version");
    let (_, history) = load_tracked(&path).expect("loads");
    assert_eq!(history.log.versions.len(), 2);
    assert_eq!(
        history.workspace_at(&history.log.versions[0].id),
        Some(default_workspace())
    );
}

#[test]
fn two_hundred_ordinary_saves_add_less_than_the_workspace_itself() {
    let temp = tempfile::tempdir().expect("temp");
    let path = temp.path().join("groenboek.ron");
    store::save(&path, &default_workspace()).expect("saves");
    for n in 0..200u32 {
        let time = format!(
            "2026-06-{:02}T{:02}:{:02}:00Z",
            1 + n / 24 % 28,
            n % 24,
            n % 60
        );
        // A day's work on a consultation: mostly arguments written and reworded,
        // notes, stances and weights; now and then an argument deleted.
        save_edit(&path, "an", &time, |ws| match n % 20 {
            0..6 => {
                let text = format!(
                    "Argument {n}: de basisfinanciering houdt de cluster wendbaar bij een nieuwe oproep."
                );
                let a = argument(ws, &text, n % 2 == 0);
                ws.arguments.push(a);
            }
            6..10 => {
                let i = n as usize % ws.arguments.len();
                ws.arguments[i].text.push_str(" Zie ook het advies.");
            }
            10..13 => {
                let c = n as usize % ws.clusters.len();
                ws.clusters[c].note = format!("Besproken op overleg {n}");
            }
            13..16 => {
                let s = n as usize % ws.scenarios.len();
                let b = n as usize % ws.bodies.len();
                let now = ws.bodies[b].advice.stances.iter().find(|x| x.scenario == ws.scenarios[s].id).map_or(Stance::NotStated, |x| x.stance);
                let next = Stance::ALL.iter().position(|x| *x == now).map_or(0, |i| (i + 1) % Stance::ALL.len());
                set_stance(ws, b, s, Stance::ALL[next]);
            }
            16..19 => {
                let i = n as usize % ws.arguments.len();
                ws.arguments[i].weight = ws.arguments[i].weight % 3 + 1;
            }
            _ => {
                ws.arguments.remove(0);
            }
        })
        .expect("each save changed something");
    }
    let (ws, history) = load_tracked(&path).expect("loads");
    assert_eq!(history.log.versions.len(), 201);
    let with = std::fs::metadata(&path).expect("file").len() as usize;
    let without = store::to_ron(&ws).expect("text").len();
    let added = with - without;
    eprintln!("200 saves: workspace {without} bytes, history {added} bytes");
    assert!(
        added < without,
        "history {added} bytes, workspace {without}"
    );
    // And the oldest version still comes back.
    assert_eq!(
        history.workspace_at(&history.log.versions[0].id),
        Some(default_workspace())
    );
}

#[test]
fn a_damaged_history_never_costs_the_work() {
    let c = copies();
    let whole = std::fs::read_to_string(&c.mine).expect("reads");
    let (ws, good) = store::parse_tracked(&whole).expect("reads");

    // Cut in the middle of the history (an interrupted copy to a stick).
    let at = whole.rfind("(id:").expect("a version") + 20;
    let (cut_ws, cut) = store::parse_tracked(&whole[..at]).expect("the work loads");
    assert_eq!(cut_ws, ws);
    assert!(cut.incomplete.as_deref().unwrap().contains("beschadigd"));
    assert_eq!(cut.log.versions.len(), good.log.versions.len() - 1);

    // A version's author changed by hand: left out, the history marked incomplete.
    let edited = whole.replacen("author:\"an\"", "author:\"iemand\"", 1);
    let (edited_ws, edited_history) = store::parse_tracked(&edited).expect("loads");
    assert_eq!(edited_ws, ws);
    assert!(
        edited_history
            .incomplete
            .as_deref()
            .unwrap()
            .contains("onvolledig")
    );

    // The workspace edited by hand after its last version: the next save links to that
    // version as broken, says so, and an earlier version is no longer claimed.
    let by_hand = c.dir.join("met-de-hand.ron");
    std::fs::write(
        &by_hand,
        whole.replacen("Notitie van An", "Notitie van iemand", 1),
    )
    .unwrap();
    let (_, read) = load_tracked(&by_hand).expect("loads");
    // The last version is not what the file holds now: checked against its sum.
    let last = read.log.head().unwrap().id.clone();
    assert_eq!(read.workspace_at(&last), None);
    // `check` says so before anything is saved over it; the untouched copy is whole.
    let checked = run(&c.dir, &["check", &text(&by_hand)]);
    let checked = String::from_utf8_lossy(&checked.stdout);
    assert!(
        checked.contains("buiten het programma gewijzigd") && checked.contains(&last.to_string()),
        "{checked}"
    );
    let whole_file = run(&c.dir, &["check", &text(&c.mine)]);
    let whole_file = String::from_utf8_lossy(&whole_file.stdout);
    assert!(
        whole_file.contains("Geschiedenis:") && whole_file.contains("volledig"),
        "{whole_file}"
    );
    assert!(!whole_file.contains("buiten het programma"), "{whole_file}");
    save_edit(&by_hand, "an", "2026-07-01T08:00:00Z", |ws| {
        ws.meta.closing = "Tot slot".into();
    })
    .expect("a version");
    let (_, after) = load_tracked(&by_hand).expect("loads");
    assert!(after.log.head().unwrap().parents[0].broken);
    // Said when it happened; from then on the list shows where the history breaks.
    assert_eq!(after.incomplete, None);
    let listed = run(&c.dir, &["history", &text(&by_hand)]);
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed.contains("vóór deze versie is onvolledig"),
        "{listed}"
    );

    // The next save goes on from there, and a merge says why it is two-way.
    let path = c.dir.join("afgekapt.ron");
    std::fs::write(&path, &whole[..at]).expect("writes");
    save_edit(&path, "an", "2026-07-01T09:00:00Z", |ws| {
        ws.meta.closing = "Met dank".into();
    })
    .expect("a version");
    let (_, after) = load_tracked(&path).expect("loads");
    let head = after.log.head().unwrap();
    assert!(head.parents[0].broken, "the cut is kept: {head:?}");
    let out = c.dir.join("uit.ron");
    let said = run(
        &c.dir,
        &["merge", &text(&path), &text(&c.theirs), "-o", &text(&out)],
    );
    assert!(said.status.success(), "{said:?}");
    let said = String::from_utf8_lossy(&said.stdout);
    assert!(
        said.contains("tweewegsamenvoeging") || said.contains("gemeenschappelijke versie"),
        "{said}"
    );
}

#[test]
fn no_export_carries_the_history_or_a_deleted_internal_argument() {
    let temp = tempfile::tempdir().expect("temp");
    let path = temp.path().join("werk.ron");
    let secret = "ZEERGEHEIMINTERNARGUMENT";
    store::save(&path, &default_workspace()).expect("saves");
    save_edit(&path, "an", "2026-08-01T09:00:00Z", |ws| {
        let a = argument(ws, secret, true);
        ws.arguments.push(a);
    });
    save_edit(&path, "an", "2026-08-02T09:00:00Z", |ws| {
        ws.arguments.retain(|a| a.text != secret);
    });
    let file = std::fs::read_to_string(&path).expect("reads");
    assert!(
        file.contains(secret),
        "the history holds the deleted argument"
    );
    for (format, ext) in [
        ("txt", "txt"),
        ("md", "md"),
        ("html", "html"),
        ("docx", "docx"),
        ("pdf", "pdf"),
        ("xlsx", "xlsx"),
    ] {
        for public in [false, true] {
            let out = temp.path().join(format!("uit-{public}.{ext}"));
            let mut args = vec!["export", path.to_str().unwrap(), "--format", format, "-o"];
            let out_s = text(&out);
            args.push(&out_s);
            if public {
                args.push("--public");
            }
            let said = run(temp.path(), &args);
            assert!(said.status.success(), "{said:?}");
            let shown = match ext {
                "docx" => export_support::docx_text(&out, temp.path()),
                "pdf" => export_support::pdf_text(&out),
                "xlsx" => unzipped(&out),
                _ => std::fs::read_to_string(&out).expect("text"),
            };
            assert!(!shown.is_empty(), "{format} read");
            assert!(!shown.contains(secret), "{format} (public: {public})");
            assert!(!shown.contains("history"), "{format} (public: {public})");
        }
    }
}

/// Every part of a zip package as text.
fn unzipped(path: &Path) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).expect("opens")).expect("zip");
    let mut all = String::new();
    for i in 0..archive.len() {
        use std::io::Read;
        let mut part = archive.by_index(i).expect("part");
        let mut text = String::new();
        let _ = part.read_to_string(&mut text);
        all.push_str(&text);
    }
    all
}

#[test]
fn a_file_without_history_merging_one_with_history_joins_both() {
    let c = copies();
    let bare = c.dir.join("zonder.ron");
    let (ws, _) = load_tracked(&c.fork).expect("loads");
    store::save(&bare, &ws).expect("saves");
    let out = c.dir.join("samen.ron");
    let said = run(
        &c.dir,
        &["merge", &text(&bare), &text(&c.theirs), "-o", &text(&out)],
    );
    assert!(said.status.success(), "{said:?}");
    assert!(String::from_utf8_lossy(&said.stdout).contains("tweewegsamenvoeging"));
    let (_, merged) = load_tracked(&out).expect("loads");
    assert_eq!(merged.incomplete, None);
    let head = merged.log.head().expect("a merge version");
    assert_eq!(head.parents.len(), 2);
    // Its own state is its first version; theirs came along whole.
    let (_, theirs) = load_tracked(&c.theirs).expect("loads");
    assert_eq!(head.parents[1].id, theirs.log.head().unwrap().id);
    assert_eq!(merged.workspace_at(&head.parents[0].id), Some(ws));
}

#[test]
fn the_newest_change_lists_can_be_asked_alone() {
    let c = copies();
    let (_, history) = load_tracked(&c.mine).expect("loads");
    let all = history.change_lists();
    let newest = history.newest_change_lists(2);
    assert_eq!(newest.len(), all.len());
    assert_eq!(newest[..2], all[..2]);
    assert!(newest[2..].iter().all(|(_, changes)| changes.is_none()));
    assert!(all[2..5].iter().all(|(_, changes)| changes.is_some()));
}
