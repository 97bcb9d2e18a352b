#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! `clusterwerkbank export FILE --format … -o OUT [--public]` on real files.

mod export_support;

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_clusterwerkbank"))
}

#[test]
fn exports_every_format_from_the_command_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("werkruimte.ron");
    clusterwerkbank::store::save(&ws, &export_support::rich_workspace()).expect("save");
    for (flag, magic) in [
        ("docx", &b"PK"[..]),
        ("pdf", b"%PDF"),
        ("html", b"<!DOCTYPE html>"),
        ("md", b"VR 2026 1512"),
        ("txt", b"VR 2026 1512"),
    ] {
        let out = dir.path().join(format!("mededeling.{flag}"));
        let status = bin()
            .args([
                "export",
                &ws.display().to_string(),
                "--format",
                flag,
                "-o",
                &out.display().to_string(),
            ])
            .output()
            .expect("run");
        assert!(
            status.status.success(),
            "{flag}: {}",
            String::from_utf8_lossy(&status.stderr)
        );
        let bytes = std::fs::read(&out).expect("written");
        assert!(
            bytes.starts_with(magic),
            "{flag} starts with {:?}",
            String::from_utf8_lossy(magic)
        );
    }
}

#[test]
fn public_flag_leaves_out_internal_arguments() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("werkruimte.ron");
    clusterwerkbank::store::save(&ws, &export_support::rich_workspace()).expect("save");
    let out = dir.path().join("publiek.md");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "export".to_owned(),
            ws.display().to_string(),
            "--format".into(),
            "md".into(),
            "-o".into(),
            out.display().to_string(),
        ];
        args.extend(extra.iter().map(|s| s.to_string()));
        let o = bin().args(&args).output().expect("run");
        assert!(o.status.success());
        std::fs::read_to_string(&out).expect("read")
    };
    assert!(run(&[]).contains(export_support::INTERNAL_ARGUMENT));
    assert!(!run(&["--public"]).contains(export_support::INTERNAL_ARGUMENT));
}

#[test]
fn problems_exit_with_one_and_usage_errors_with_two() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = bin()
        .args([
            "export",
            "/bestaat/niet.ron",
            "--format",
            "pdf",
            "-o",
            &dir.path().join("x.pdf").display().to_string(),
        ])
        .output()
        .expect("run");
    assert_eq!(missing.status.code(), Some(1));
    let message = String::from_utf8_lossy(&missing.stderr);
    assert!(message.contains("bestaat niet"), "{message}");
    assert_eq!(message.lines().count(), 1, "one message");

    let ws = dir.path().join("w.ron");
    clusterwerkbank::store::save(&ws, &clusterwerkbank::store::default_workspace()).expect("save");
    let into_folder = bin()
        .args([
            "export",
            &ws.display().to_string(),
            "--format",
            "md",
            "-o",
            &dir.path().display().to_string(),
        ])
        .output()
        .expect("run");
    assert_eq!(into_folder.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&into_folder.stderr).contains("Kon de export niet wegschrijven")
    );

    let bad_format = bin()
        .args([
            "export",
            &ws.display().to_string(),
            "--format",
            "odt",
            "-o",
            "x",
        ])
        .output()
        .expect("run");
    assert_eq!(bad_format.status.code(), Some(2));
}
