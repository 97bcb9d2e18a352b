#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! The command line, run as a real process.

use std::path::Path;
use std::process::{Command, Output};

fn cwb(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clusterwerkbank"))
        .args(args)
        .env_remove("CLUSTERWERKBANK_RENDERER")
        .output()
        .unwrap()
}

fn run(args: &[&str], files: &[&Path]) -> Output {
    let mut all: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    all.extend(files.iter().map(|p| p.as_os_str()));
    cwb(&all)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn new_writes_the_green_paper_and_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("groenboek.ron");
    let out = run(&["new"], &[&file]);
    assert!(out.status.success(), "{}", stderr(&out));
    let first = std::fs::read(&file).unwrap();
    assert!(String::from_utf8_lossy(&first).contains("Catalisti"));

    std::fs::write(&file, "mijn werk").unwrap();
    let out = run(&["new"], &[&file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("bestaat al"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mijn werk");

    let out = run(&["new", "--force"], &[&file]);
    assert!(out.status.success());
    assert_eq!(std::fs::read(&file).unwrap(), first, "deterministic");
}

#[test]
fn new_empty_has_no_clusters_and_no_scenarios() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("leeg.ron");
    assert!(run(&["new", "--empty"], &[&file]).status.success());
    let ws = clusterwerkbank::store::load(&file).unwrap();
    assert!(ws.clusters.is_empty() && ws.scenarios.is_empty());
}

#[test]
fn check_loads_validates_and_prints_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("w.ron");
    let mut ws = clusterwerkbank::store::default_workspace();
    let c = ws.clusters[0].id;
    for s in [ws.scenarios[0].id, ws.scenarios[2].id] {
        ws.assignments.push(clusterwerkbank::model::Assignment {
            cluster: c,
            scenario: s,
            ..Default::default()
        });
    }
    clusterwerkbank::store::save(&file, &ws).unwrap();
    let out = run(&["check"], &[&file]);
    assert_eq!(out.status.code(), Some(0), "warnings do not fail a check");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("7 clusters"), "{text}");
    assert!(text.contains("1 waarschuwing"), "{text}");
    assert!(text.contains("gaan niet samen"), "{text}");
}

#[test]
fn bad_input_exits_1_with_one_clear_message_and_never_panics() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("leeg.ron");
    std::fs::write(&empty, "").unwrap();
    let junk = dir.path().join("rommel.ron");
    std::fs::write(&junk, [0xff, 0xfe, 0x00, 0x12, 0x80]).unwrap();
    let newer = dir.path().join("nieuw.ron");
    std::fs::write(&newer, "(format_version: 7, workspace: ())").unwrap();
    let missing = dir.path().join("weg.ron");
    for (file, expect) in [
        (empty.as_path(), "leeg"),
        (junk.as_path(), "regel 1, kolom 1"),
        (newer.as_path(), "nieuwere versie"),
        (missing.as_path(), "bestaat niet"),
        (dir.path(), "is een map"),
    ] {
        for command in ["check", "upgrade"] {
            let out = run(&[command], &[file]);
            let err = stderr(&out);
            assert_eq!(
                out.status.code(),
                Some(1),
                "{command} {}: {err}",
                file.display()
            );
            assert!(err.contains(expect), "{command} {}: {err}", file.display());
            assert!(!err.contains("panicked"), "{err}");
            assert_eq!(err.trim().lines().count(), 1, "one message: {err}");
        }
    }
}

#[test]
fn wrong_usage_exits_2() {
    assert_eq!(run(&["check"], &[]).status.code(), Some(2));
    assert_eq!(
        run(&["nieuw-commando", "x", "y"], &[]).status.code(),
        Some(2)
    );
}

#[test]
fn the_help_is_dutch_throughout() {
    let english = [
        "Usage",
        "Options",
        "Arguments",
        "Commands",
        "Print help",
        "Print version",
        "possible values",
        "[env:",
        "[OPTIONS]",
        "<COMMAND>",
    ];
    let mut helps = vec![vec!["--help"], vec!["-h"]];
    for command in ["new", "check", "upgrade", "export", "import", "merge"] {
        helps.push(vec![command, "--help"]);
    }
    for args in helps {
        let o = run(&args, &[]);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let help = String::from_utf8_lossy(&o.stdout);
        assert!(
            help.contains("Gebruik: clusterwerkbank"),
            "{args:?}: {help}"
        );
        assert!(help.contains("Toont deze hulp"), "{args:?}: {help}");
        for word in english {
            assert!(!help.contains(word), "{args:?} says {word:?}: {help}");
        }
    }
    let top = String::from_utf8_lossy(&run(&["--help"], &[]).stdout).into_owned();
    assert!(
        top.contains("Opdrachten:") && top.contains("Opties:"),
        "{top}"
    );
    assert!(run(&["--version"], &[]).status.success());
}

#[test]
fn upgrade_rewrites_an_old_file_and_keeps_the_original_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("oud.ron");
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1-groenboek-fragment.ron");
    std::fs::copy(&fixture, &file).unwrap();
    let original = std::fs::read(&file).unwrap();
    let out = run(&["upgrade"], &[&file]);
    assert!(out.status.success(), "{}", stderr(&out));
    let backup = dir.path().join("oud.ron.bak");
    assert_eq!(std::fs::read(&backup).unwrap(), original);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(&format!(
        "format_version: {}",
        clusterwerkbank::store::FORMAT_VERSION
    )));
    assert!(text.contains("max_yearly_funding: Some(650000)"));
    // A broken file is not touched and gets no backup.
    let broken = dir.path().join("kapot.ron");
    std::fs::write(&broken, "(format_version: 2, workspace: (clusters: [").unwrap();
    assert_eq!(run(&["upgrade"], &[&broken]).status.code(), Some(1));
    assert!(!dir.path().join("kapot.ron.bak").exists());
}

/// A reader that stops reading early (`history FILE | head`, `check FILE | head -1`)
/// ends the command quietly: no panic, no backtrace, status 0.
#[test]
fn a_reader_that_closes_the_pipe_early_gets_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("gp.ron");
    let made = cwb(&["new".as_ref(), file.as_os_str()]);
    assert!(made.status.success(), "{}", stderr(&made));
    for command in ["history", "check"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_clusterwerkbank"))
            .arg(command)
            .arg(&file)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Closed before the program has read its file, so its first line meets a
        // closed pipe.
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let err = stderr(&output);
        assert!(!err.contains("panicked"), "{command}: {err}");
        assert!(!err.contains("Broken pipe"), "{command}: {err}");
        assert!(
            output.status.success(),
            "{command}: {:?} {err}",
            output.status
        );
    }
}
