#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! Real-world inputs that the program once got wrong, run through the real binary.
//! Each test guards a kind of fault (see docs/SAFETY.md), with the input that showed
//! it and other instances of the same kind. The inputs are in tests/fixtures/real/.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/real")
        .join(name)
}

/// A scratch folder with its own data folder, so no test touches the person's own
/// backups.
struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn copy(&self, fixture_name: &str, as_name: &str) -> PathBuf {
        let target = self.path(as_name);
        std::fs::copy(fixture(fixture_name), &target).unwrap();
        target
    }

    fn run(&self, args: &[&std::ffi::OsStr]) -> Output {
        self.run_with_data(args, &self.path("gegevens"))
    }

    fn run_with_data(&self, args: &[&std::ffi::OsStr], data: &Path) -> Output {
        Command::new(env!("CARGO_BIN_EXE_clusterwerkbank"))
            .args(args)
            .current_dir(self.dir.path())
            .env("CLUSTERWERKBANK_DATA_DIR", data)
            .env_remove("CLUSTERWERKBANK_RENDERER")
            .output()
            .unwrap()
    }
}

/// `export INPUT --format FORMAT -o OUT`, run in the scratch folder.
fn export(s: &Scratch, input: &Path, format: &str, out: &Path) -> Output {
    s.run(&[
        os("export"),
        input.as_os_str(),
        os("--format"),
        os(format),
        os("-o"),
        out.as_os_str(),
    ])
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

fn said(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

// Kind 6: files as Windows editors write them load.
#[test]
fn a_notepad_file_with_a_byte_order_mark_and_crlf_loads() {
    let s = Scratch::new();
    let bom = s.copy("bom-notepad.ron", "ws.ron");
    let out = s.run(&[os("check"), bom.as_os_str()]);
    assert!(out.status.success(), "{}", said(&out));
    assert!(said(&out).contains("7 clusters"), "{}", said(&out));
    // The same file with Windows line ends too.
    let text = std::fs::read_to_string(&bom).unwrap();
    assert!(text.starts_with('\u{feff}'));
    let crlf = s.path("crlf.ron");
    std::fs::write(&crlf, text.replace('\n', "\r\n")).unwrap();
    let out = s.run(&[os("check"), crlf.as_os_str()]);
    assert!(out.status.success(), "{}", said(&out));
    // And saving writes neither back.
    let out = s.run(&[os("upgrade"), crlf.as_os_str()]);
    assert!(out.status.success(), "{}", said(&out));
    let saved = std::fs::read(&crlf).unwrap();
    assert!(!saved.starts_with("\u{feff}".as_bytes()));
    assert!(!saved.windows(2).any(|w| w == b"\r\n"));
}

// Kind 8: the format version is read by the parser.
#[test]
fn a_commented_out_format_version_is_a_comment() {
    let s = Scratch::new();
    let file = s.copy("version-comment.ron", "ws.ron");
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("// format_version: 3")
    );
    let out = s.run(&[os("check"), file.as_os_str()]);
    assert!(out.status.success(), "{}", said(&out));
    // A block comment and a string that spell the field do not count either; a real
    // newer version is still refused.
    let text = std::fs::read_to_string(&file).unwrap();
    let block = s.path("block.ron");
    std::fs::write(
        &block,
        text.replacen("// format_version: 3,", "/* format_version: 9, */", 1),
    )
    .unwrap();
    assert!(s.run(&[os("check"), block.as_os_str()]).status.success());
    let newer = s.path("newer.ron");
    std::fs::write(
        &newer,
        "(\n\tformat_version: 7,\n\tworkspace: (toekomstig_veld: 1),\n)\n",
    )
    .unwrap();
    let out = s.run(&[os("check"), newer.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(said(&out).contains("formaatversie 7"), "{}", said(&out));
}

// Kind 7: numbers out of range are named, never printed as false arithmetic.
#[test]
fn an_integer_past_its_type_is_named_with_its_place() {
    let s = Scratch::new();
    let file = s.copy("cap-too-big.ron", "ws.ron");
    let out = s.run(&[os("check"), file.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let message = said(&out);
    assert!(message.contains("getal te groot"), "{message}");
    assert!(message.contains("regel 14, kolom 17"), "{message}");
    assert!(!message.contains("geheel getal verwacht"), "{message}");
    // Too small the other way round (a negative count).
    let text = std::fs::read_to_string(&file).unwrap();
    let negative = s.path("negatief.ron");
    std::fs::write(
        &negative,
        text.replace(
            "funding_cap: 9223372036854775808",
            "funding_cap: -9223372036854775809",
        ),
    )
    .unwrap();
    let message = said(&s.run(&[os("check"), negative.as_os_str()]));
    assert!(message.contains("getal te klein"), "{message}");
}

#[test]
fn a_product_that_does_not_fit_is_never_printed_as_an_equation() {
    let s = Scratch::new();
    let file = s.copy("product-saturates.ron", "ws.ron");
    for (format, name) in [("txt", "p.txt"), ("md", "p.md"), ("html", "p.html")] {
        let out = export(&s, &file, format, &s.path(name));
        assert!(out.status.success(), "{format}: {}", said(&out));
        let text = std::fs::read_to_string(s.path(name)).unwrap();
        assert!(
            !text.contains("= € 9.223.372.036.854.775.807"),
            "{format}: a saturated product shown as a result"
        );
        assert!(text.contains("te groot om te berekenen"), "{format}");
    }
    let out = s.run(&[os("check"), file.as_os_str()]);
    let message = said(&out);
    assert!(message.contains("te groot om te berekenen"), "{message}");
    assert!(message.contains("tikfout"), "{message}");
}

// Kind 5: every kind of line break is a line break.
#[test]
fn a_lone_cr_and_words_soft_break_separate_words_in_every_text_format() {
    let s = Scratch::new();
    let file = s.copy("linebreaks.ron", "ws.ron");
    let raw = std::fs::read_to_string(&file).unwrap();
    assert!(
        raw.contains("EersteVT\u{b}TweedeVT"),
        "the fixture holds Word's VT"
    );
    // The same file with each other kind of break in the VT's place, written raw in
    // the RON string as a text editor would leave it: a lone CR (old Mac), NEL, LS, PS,
    // FF (Word's page break).
    let mut files = vec![file];
    for (name, brk) in [
        ("cr", "\r"),
        ("nel", "\u{85}"),
        ("ls", "\u{2028}"),
        ("ps", "\u{2029}"),
        ("ff", "\u{c}"),
    ] {
        let variant = s.path(&format!("{name}.ron"));
        std::fs::write(&variant, raw.replace('\u{b}', brk)).unwrap();
        files.push(variant);
    }
    for input in &files {
        for (format, name) in [("txt", "o.txt"), ("md", "o.md"), ("html", "o.html")] {
            let out = export(&s, input, format, &s.path(name));
            assert!(out.status.success(), "{input:?} {format}: {}", said(&out));
            let text = std::fs::read_to_string(s.path(name)).unwrap();
            assert!(text.contains("EersteVT"), "{input:?} {format}");
            for glued in ["EersteCRTweedeCR", "EersteVTTweedeVT", "hier.Alinea"] {
                assert!(!text.contains(glued), "{input:?} {format}: {glued}");
            }
        }
    }
}

// Kind 1: a write never destroys its own input.
#[test]
fn an_export_never_replaces_a_workspace_whatever_its_name() {
    let s = Scratch::new();
    let file = s.copy("export-input.ron", "ws.ron");
    let before = std::fs::read(&file).unwrap();
    let hard = s.path("hard.ron");
    std::fs::hard_link(&file, &hard).unwrap();
    let colleague = s.copy("export-input.ron", "collega.ron");
    let mut targets = vec![
        file.clone(),
        s.path("./ws.ron"),
        hard.clone(),
        colleague.clone(),
    ];
    #[cfg(unix)]
    {
        let link = s.path("link.ron");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        targets.push(link);
    }
    for target in &targets {
        let out = export(&s, &file, "txt", target);
        assert_eq!(out.status.code(), Some(1), "{target:?}: {}", said(&out));
        assert!(said(&out).contains("niets gewijzigd"), "{}", said(&out));
        assert_eq!(std::fs::read(&file).unwrap(), before, "{target:?}");
    }
    assert_eq!(std::fs::read(&colleague).unwrap(), before);
    // A previous export may be replaced.
    let previous = s.path("vorige.txt");
    std::fs::write(&previous, "oude export").unwrap();
    let out = export(&s, &file, "txt", &previous);
    assert!(out.status.success(), "{}", said(&out));
}

#[test]
fn a_merge_never_writes_over_an_input_under_another_name() {
    let s = Scratch::new();
    let mine = s.copy("export-input.ron", "mijn.ron");
    let theirs = s.copy("export-input.ron", "hun.ron");
    let hard = s.path("hard.ron");
    std::fs::hard_link(&mine, &hard).unwrap();
    let before = std::fs::read(&mine).unwrap();
    let out = s.run(&[
        os("merge"),
        mine.as_os_str(),
        theirs.as_os_str(),
        os("-o"),
        hard.as_os_str(),
        os("--force"),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", said(&out));
    assert_eq!(std::fs::read(&mine).unwrap(), before);
}

// Kind 2: no destructive replacement without a kept copy, and the person is told.
#[test]
fn new_force_without_a_usable_backup_folder_refuses_and_keeps_the_work() {
    let s = Scratch::new();
    let work = s.copy("work-to-keep.ron", "ws.ron");
    let before = std::fs::read(&work).unwrap();
    let not_a_folder = s.path("geen-map");
    std::fs::write(&not_a_folder, "x").unwrap();
    let out = s.run_with_data(&[os("new"), work.as_os_str(), os("--force")], &not_a_folder);
    assert_eq!(out.status.code(), Some(1), "{}", said(&out));
    assert!(said(&out).contains("reservekopie"), "{}", said(&out));
    assert_eq!(std::fs::read(&work).unwrap(), before, "the work is kept");
    // --no-backup is the explicit way through, and it says what it did not do.
    let out = s.run_with_data(
        &[
            os("new"),
            work.as_os_str(),
            os("--force"),
            os("--no-backup"),
        ],
        &not_a_folder,
    );
    assert!(out.status.success(), "{}", said(&out));
    assert!(said(&out).contains("geen reservekopie"), "{}", said(&out));
}

#[test]
fn new_force_with_a_data_folder_says_where_the_old_work_is() {
    let s = Scratch::new();
    let work = s.copy("work-to-keep.ron", "ws.ron");
    let before = std::fs::read(&work).unwrap();
    let out = s.run(&[os("new"), work.as_os_str(), os("--force")]);
    assert!(out.status.success(), "{}", said(&out));
    let message = said(&out);
    let kept = message
        .lines()
        .find_map(|l| l.split("reservekopie ").nth(1))
        .map(|p| PathBuf::from(p.trim_end_matches('.')))
        .unwrap_or_else(|| panic!("no backup path in: {message}"));
    assert_eq!(std::fs::read(kept).unwrap(), before);
}

#[test]
fn a_second_upgrade_never_overwrites_the_first_kept_original() {
    let s = Scratch::new();
    let file = s.copy("v1-shared.ron", "ws.ron");
    let original = std::fs::read(&file).unwrap();
    assert!(s.run(&[os("upgrade"), file.as_os_str()]).status.success());
    assert_eq!(std::fs::read(s.path("ws.ron.bak")).unwrap(), original);
    // The person restores a version-1 copy by hand and upgrades again.
    let other_v1 = String::from_utf8(original.clone())
        .unwrap()
        .replace("Groenboek", "Tweede poging");
    std::fs::write(&file, &other_v1).unwrap();
    let out = s.run(&[os("upgrade"), file.as_os_str()]);
    assert!(out.status.success(), "{}", said(&out));
    assert_eq!(std::fs::read(s.path("ws.ron.bak")).unwrap(), original);
    assert_eq!(
        std::fs::read_to_string(s.path("ws.ron.2.bak")).unwrap(),
        other_v1
    );
    // A current file is left alone.
    let out = s.run(&[os("upgrade"), file.as_os_str()]);
    assert!(said(&out).contains("niets gewijzigd"), "{}", said(&out));
    assert!(!s.path("ws.ron.3.bak").exists());
}

// Kind 3: writes go where the person's file is.
#[cfg(unix)]
#[test]
fn upgrading_through_a_link_upgrades_the_shared_file_and_keeps_the_link() {
    use std::os::unix::fs::PermissionsExt;
    let s = Scratch::new();
    std::fs::create_dir(s.path("gedeeld")).unwrap();
    let shared = s.copy("v1-shared.ron", "gedeeld/ws.ron");
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o664)).unwrap();
    let link = s.path("link.ron");
    std::os::unix::fs::symlink("gedeeld/ws.ron", &link).unwrap();
    let out = s.run(&[os("upgrade"), link.as_os_str()]);
    assert!(out.status.success(), "{}", said(&out));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let text = std::fs::read_to_string(&shared).unwrap();
    assert!(
        !text.contains("max_funding_keuro"),
        "the target was upgraded"
    );
    assert!(text.contains(&format!(
        "format_version: {}",
        clusterwerkbank::store::FORMAT_VERSION
    )));
    let mode = std::fs::metadata(&shared).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o664, "the shared file keeps its mode");
    // The original sits beside the real file, not beside the link.
    assert!(s.path("gedeeld/ws.ron.bak").exists());
    // A save through a chain of links lands in the end file too.
    let chain = s.path("keten.ron");
    std::os::unix::fs::symlink("link.ron", &chain).unwrap();
    let out = s.run(&[os("new"), chain.as_os_str(), os("--force")]);
    assert!(out.status.success(), "{}", said(&out));
    assert!(
        std::fs::symlink_metadata(&chain)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&shared)
            .unwrap()
            .contains("Groenboek")
    );
}
