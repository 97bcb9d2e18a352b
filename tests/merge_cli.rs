//! `clusterwerkbank merge` on two diverged copies of the Green Paper workspace.

// A test crate: helpers outside `#[test]` functions may fail loudly too.
#![allow(clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use clusterwerkbank::model::merge::ConflictTarget;
use clusterwerkbank::model::{
    Argument, ArgumentId, Cluster, RecordKey, Side, Subject, Theme, apply,
};
use clusterwerkbank::store::{default_workspace, load, save};

fn run(data: &Path, args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clusterwerkbank"))
        .arg("merge")
        .args(args)
        .env("CLUSTERWERKBANK_DATA_DIR", data)
        .output()
        .expect("the binary runs")
}

#[test]
fn merging_two_diverged_green_paper_copies_keeps_every_edit_and_lists_conflicts() {
    let temp = tempfile::tempdir().expect("temp");
    let dir = temp.path();
    // The Green Paper as shipped has no arguments or themes yet; the shared version
    // both colleagues started from has a few.
    let mut base = default_workspace();
    let scenario = base.scenarios[0].id;
    for text in ["Eerste argument", "Tweede argument", "Derde argument"] {
        base.arguments.push(Argument {
            text: text.into(),
            subject: Subject::Scenario(scenario),
            ..Argument::default()
        });
    }
    base.themes.push(Theme {
        name: "Ruimtevaart".into(),
        ..Theme::default()
    });
    assert!(base.clusters.len() >= 3);

    let mut mine = base.clone();
    mine.clusters[0].name = format!("{} (mijn naam)", base.clusters[0].name);
    mine.clusters[1].note = "mijn notitie".into();
    mine.meta.subject = "Betreft: mijn onderwerp".into();
    let mine_cluster = Cluster {
        name: "Nieuwe cluster van mij".into(),
        ..Cluster::default()
    };
    mine.clusters.push(mine_cluster.clone());
    let deleted_by_mine = mine.arguments.remove(0).id; // theirs leaves it alone
    let changed_by_theirs_deleted_by_mine = mine.arguments.remove(0).id;

    let mut theirs = base.clone();
    theirs.clusters[1].note = "hun notitie".into(); // conflicts with mine
    theirs.clusters[2].recommendation = "hun aanbeveling".into();
    theirs.meta.timing = "Hun timing".into();
    let removed_theme = theirs.themes.remove(0).id;
    let their_argument = Argument {
        text: "Nieuw argument van de collega".into(),
        ..Argument::default()
    };
    theirs.arguments.push(their_argument.clone());
    if let Some(a) = theirs
        .arguments
        .iter_mut()
        .find(|a| a.id == changed_by_theirs_deleted_by_mine)
    {
        a.text = "door de collega herschreven".into();
    }

    let (b, m, t, out) = (
        dir.join("basis.ron"),
        dir.join("mijn.ron"),
        dir.join("hun.ron"),
        dir.join("samen.ron"),
    );
    save(&b, &base).expect("save");
    save(&m, &mine).expect("save");
    save(&t, &theirs).expect("save");
    let (mine_bytes, theirs_bytes) = (
        std::fs::read(&m).expect("read"),
        std::fs::read(&t).expect("read"),
    );

    let output = run(
        dir,
        &[&m, &t, Path::new("-o"), &out, Path::new("--base"), &b],
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Relative to MINE: their argument and the argument MINE deleted but THEIRS
    // rewrote; cluster 3 and the metadata; their removed theme.
    assert!(
        stdout.contains("2 toegevoegd, 2 gewijzigd, 1 verwijderd"),
        "{stdout}"
    );
    assert!(stdout.contains("2 conflicten"), "{stdout}");
    assert!(
        stdout.contains("hun notitie") && stdout.contains("mijn notitie"),
        "{stdout}"
    );
    assert!(
        stdout.contains("door de collega herschreven")
            || stdout.contains("verwijderd, de andere versie"),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read(&m).expect("read"),
        mine_bytes,
        "MINE untouched"
    );
    assert_eq!(
        std::fs::read(&t).expect("read"),
        theirs_bytes,
        "THEIRS untouched"
    );

    let merged = load(&out).expect("the merged file loads");
    // Every edit of mine…
    assert_eq!(merged.clusters[0].name, mine.clusters[0].name);
    assert_eq!(merged.meta.subject, "Betreft: mijn onderwerp");
    assert!(merged.cluster(mine_cluster.id).is_some());
    assert!(merged.argument(deleted_by_mine).is_none());
    // …and of theirs.
    assert_eq!(merged.clusters[2].recommendation, "hun aanbeveling");
    assert_eq!(merged.meta.timing, "Hun timing");
    assert!(merged.theme(removed_theme).is_none());
    assert!(merged.argument(their_argument.id).is_some());
    // The conflicts: both values kept.
    assert_eq!(merged.clusters[1].note, "mijn notitie");
    assert_eq!(merged.conflicts.len(), 2);
    let kept: &ArgumentId = &changed_by_theirs_deleted_by_mine;
    assert_eq!(
        merged.argument(*kept).map(|a| a.text.as_str()),
        Some("door de collega herschreven"),
        "a record one side changed is never dropped by the other side's deletion"
    );
    assert!(
        merged
            .conflicts
            .iter()
            .any(|c| c.target == ConflictTarget::Record(RecordKey::Argument(*kept)))
    );

    // Picking theirs for every conflict gives their note and drops mine's deletion.
    let mut resolved = merged.clone();
    let edit = clusterwerkbank::model::merge::resolve_all(&resolved, Side::Theirs)
        .expect("every conflict can take their value");
    apply(&mut resolved, edit).expect("applies");
    assert_eq!(resolved.clusters[1].note, "hun notitie");
    assert!(resolved.conflicts.is_empty());
}

#[test]
fn without_a_base_every_difference_is_a_conflict() {
    let temp = tempfile::tempdir().expect("temp");
    let dir = temp.path();
    let base = default_workspace();
    let mut mine = base.clone();
    mine.meta.title = "Mijn titel".into();
    let mut theirs = base.clone();
    theirs.clusters[0].note = "hun".into();
    let (m, t, out) = (dir.join("m.ron"), dir.join("t.ron"), dir.join("o.ron"));
    save(&m, &mine).expect("save");
    save(&t, &theirs).expect("save");
    let output = run(dir, &[&m, &t, Path::new("-o"), &out]);
    assert!(output.status.success());
    let merged = load(&out).expect("loads");
    assert_eq!(
        merged.conflicts.len(),
        2,
        "no guessing without a common ancestor"
    );
    assert_eq!(merged.meta.title, "Mijn titel");
}

#[test]
fn input_problems_exit_1_and_never_overwrite_the_inputs() {
    let temp = tempfile::tempdir().expect("temp");
    let dir = temp.path();
    let m = dir.join("m.ron");
    save(&m, &default_workspace()).expect("save");
    let before = std::fs::read(&m).expect("read");

    let output = run(dir, &[&m, &m, Path::new("-o"), &m]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("invoerbestanden"));
    assert_eq!(std::fs::read(&m).expect("read"), before);

    let output = run(
        dir,
        &[
            &m,
            &dir.join("bestaat-niet.ron"),
            Path::new("-o"),
            &dir.join("o.ron"),
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("bestaat niet"));
    assert!(!dir.join("o.ron").exists());

    let existing = dir.join("bestaand.ron");
    std::fs::write(&existing, "iets").expect("write");
    let output = run(dir, &[&m, &m, Path::new("-o"), &existing]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "an existing OUT needs --force"
    );
    assert_eq!(std::fs::read(&existing).expect("read"), b"iets");
}

#[test]
fn new_with_force_keeps_the_replaced_file_in_the_backups() {
    use clusterwerkbank::store::{DataDir, list_backups};
    let temp = tempfile::tempdir().expect("temp");
    let data = temp.path().join("gegevens");
    let file = temp.path().join("werk.ron");
    std::fs::write(&file, "eigen werk").expect("write");
    let status = Command::new(env!("CARGO_BIN_EXE_clusterwerkbank"))
        .args(["new", "--empty", "--force"])
        .arg(&file)
        .env("CLUSTERWERKBANK_DATA_DIR", &data)
        .status()
        .expect("runs");
    assert!(status.success());
    let backups = list_backups(&DataDir::at(&data), &file);
    assert_eq!(backups.len(), 1);
    assert_eq!(
        std::fs::read(&backups[0].file).expect("read"),
        b"eigen werk"
    );
    assert!(load(&file).is_ok());
}

/// A folder with copies of one fixture folder, so the merge writes beside them.
fn fixtures(folder: &str) -> (tempfile::TempDir, PathBuf) {
    let temp = tempfile::tempdir().expect("temp");
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder);
    for entry in std::fs::read_dir(&source).expect("fixture folder") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("a file name");
        std::fs::copy(&path, temp.path().join(name)).expect("copy");
    }
    let dir = temp.path().to_owned();
    (temp, dir)
}

fn merged_ok(dir: &Path, args: &[&Path]) -> String {
    let output = run(&dir.join("gegevens"), args);
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

/// f06: two arguments share an id (copied in a text editor) in all three files and
/// THEIRS edited the first. The edit is kept, both arguments stay, and the repair is
/// reported naming the id, the record and the files.
#[test]
fn records_sharing_an_id_keep_the_colleague_s_edit_and_the_repair_is_named() {
    let (_temp, dir) = fixtures("merge-dup-id");
    let (b, m, t, out) = (
        dir.join("base.ron"),
        dir.join("mine.ron"),
        dir.join("theirs.ron"),
        dir.join("out.ron"),
    );
    let stdout = merged_ok(
        &dir,
        &[&m, &t, Path::new("--base"), &b, Path::new("-o"), &out],
    );
    for expected in [
        "hetzelfde id 00000000-0000-0000-0000-000000006001",
        "Tweede argument (kopie, zelfde id)",
        "base.ron",
        "mine.ron",
        "theirs.ron",
        "0 conflicten",
    ] {
        assert!(stdout.contains(expected), "{expected:?} missing: {stdout}");
    }
    let merged = load(&out).expect("the merged file loads");
    let texts: Vec<_> = merged.arguments.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Eerste argument, aangepast door collega",
            "Tweede argument (kopie, zelfde id)"
        ]
    );
    assert_eq!(merged.arguments[0].id, ArgumentId::from_u128(0x6001));
    assert_ne!(merged.arguments[1].id, merged.arguments[0].id);
    assert!(merged.conflicts.is_empty());

    // The same input repairs the same way: byte for byte the same file.
    let again = dir.join("again.ron");
    merged_ok(
        &dir,
        &[&m, &t, Path::new("--base"), &b, Path::new("-o"), &again],
    );
    assert_eq!(
        std::fs::read(&out).expect("read"),
        std::fs::read(&again).expect("read")
    );
}

/// f10: merging the same colleague copy twice stores its conflict once, and the file
/// holds the conflict as data (both values), not as a Dutch sentence.
#[test]
fn merging_the_same_copy_twice_stores_each_conflict_once() {
    let (_temp, dir) = fixtures("remerge");
    let (base, mine, theirs) = (
        dir.join("ws.ron"),
        dir.join("mine.ron"),
        dir.join("ws-LAPTOP-42.ron"),
    );
    let (m1, m2, m3) = (dir.join("m1.ron"), dir.join("m2.ron"), dir.join("m3.ron"));
    let first = merged_ok(
        &dir,
        &[
            &mine,
            &theirs,
            Path::new("--base"),
            &base,
            Path::new("-o"),
            &m1,
        ],
    );
    assert!(
        first.contains(", 1 conflict."),
        "one conflict, in the singular: {first}"
    );
    // `check` names the conflict still open in the merged file.
    let checked = Command::new(env!("CARGO_BIN_EXE_clusterwerkbank"))
        .arg("check")
        .arg(&m1)
        .output()
        .expect("the binary runs");
    let checked = String::from_utf8_lossy(&checked.stdout);
    assert!(checked.contains("nog 1 conflict open"), "{checked}");
    assert!(
        first.contains("Notitie van mij") && first.contains("Notitie van collega"),
        "{first}"
    );
    let second = merged_ok(
        &dir,
        &[
            &m1,
            &theirs,
            Path::new("--base"),
            &base,
            Path::new("-o"),
            &m2,
        ],
    );
    assert!(second.contains("0 conflicten"), "{second}");
    assert!(second.contains("1 conflict open"), "{second}");
    merged_ok(
        &dir,
        &[
            &m2,
            &theirs,
            Path::new("--base"),
            &base,
            Path::new("-o"),
            &m3,
        ],
    );

    let text = |p: &Path| std::fs::read_to_string(p).expect("read");
    let kept = |p: &Path| text(p).lines().filter(|l| l.contains("kept:")).count();
    assert_eq!((kept(&m1), kept(&m2), kept(&m3)), (1, 1, 1));
    assert_eq!(text(&m2), text(&m1), "merging again changes nothing");
    assert_eq!(text(&m3), text(&m1));
    let stored = text(&m1);
    assert!(stored.contains("Text(\"Notitie van collega\")"), "{stored}");
    let conflicts = stored
        .split_once("conflicts: [")
        .map(|(_, rest)| rest)
        .expect("the conflicts are stored");
    for prose in ["description", "jouw versie", "staat er nu"] {
        assert!(!conflicts.contains(prose), "{prose:?} stored: {conflicts}");
    }
    let merged = load(&m1).expect("loads");
    assert_eq!(merged.conflicts.len(), 1);
    // THEIRS' other edits and both new arguments are in.
    assert_eq!(merged.clusters[2].domain, "Agrifood en voeding");
    assert_eq!(merged.arguments.len(), 2);
}
