//! Crash safety, shown: a child process saves a large workspace in a loop and is
//! killed with SIGKILL at random moments; after every kill the file on disk is exactly
//! the old or the new version.
//!
//! The child is this test binary run again with `CLUSTERWERKBANK_SAVE_LOOP` set, so
//! the test needs no extra sub-command in the real program.

#![cfg(unix)]

use std::io::BufRead;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use clusterwerkbank::model::{Argument, ArgumentId, Workspace};
use clusterwerkbank::store::file::parse_bytes;
use clusterwerkbank::store::{default_workspace, to_ron, write_atomic};

const LOOP_ENV: &str = "CLUSTERWERKBANK_SAVE_LOOP";
const KILLS: usize = 30;
const READY: &str = "klaar-om-te-schrijven";

/// Version `n` of a workspace of a few megabytes, so that a kill often lands in the
/// middle of a write.
fn large(n: usize) -> Workspace {
    let mut ws = default_workspace();
    ws.meta.title = format!("versie {n}");
    let scenario = ws.scenarios.first().map(|s| s.id).unwrap_or_default();
    for i in 0..3_000 {
        ws.arguments.push(Argument {
            // Fixed ids: parent and child must build byte-identical versions.
            id: ArgumentId::from_u128(i),
            text: format!("Argument {i} van versie {n}: {}", "tekst ".repeat(40)),
            subject: clusterwerkbank::model::Subject::Scenario(scenario),
            ..Argument::default()
        });
    }
    ws
}

/// Serialised once, so the loop spends its time in `write_atomic`: the part a kill
/// must not break. `save` is exactly `to_ron` followed by `write_atomic`.
fn child_loop(path: &Path) -> ! {
    // The parent leaves both versions beside the target: reading them is quicker than
    // building them again in a debug build.
    let read = |n: usize| std::fs::read(path.with_extension(format!("v{n}"))).unwrap_or_default();
    let versions = [read(0), read(1)];
    println!("{READY}");
    let mut n = 0;
    loop {
        n += 1;
        let _ = write_atomic(path, &versions[n % 2]);
    }
}

const AUTOSAVE_ENV: &str = "CLUSTERWERKBANK_AUTOSAVE_LOOP";

/// Pull the plug mid-edit: a child edits a workspace and autosaves it to its recovery
/// file (data folder from `CLUSTERWERKBANK_DATA_DIR`, as the real program finds it)
/// until it is killed; the next start finds the recovery and it holds the last
/// autosaved edit, while the person's own file is untouched.
#[test]
fn after_kill_9_the_next_start_finds_the_autosaved_work() {
    use clusterwerkbank::store::{
        DataDir, RecoveryTarget, find_recovery, load, load_recovery, save, write_recovery,
    };
    let target_of = |path: &Path| {
        let data = clusterwerkbank::platform::data_dir().expect("data folder from the environment");
        RecoveryTarget::new(&data, Some(path))
    };
    if let Some(path) = std::env::var_os(AUTOSAVE_ENV) {
        let path = Path::new(&path);
        let target = target_of(path);
        let mut ws = default_workspace();
        let mut edits = 0u64;
        loop {
            edits += 1;
            ws.meta.title = format!("bewerking {edits}");
            // Future-dated so it is newer than the file even on coarse clocks.
            let when = jiff::Timestamp::now() + jiff::SignedDuration::from_secs(60);
            if write_recovery(&target, &ws, when).is_ok() {
                println!("{READY} {edits}");
            }
        }
    }
    let temp = tempfile::tempdir().expect("temp");
    let data_dir = temp.path().join("gegevens");
    let path = temp.path().join("mededeling.ron");
    save(&path, &default_workspace()).expect("save");
    let original = std::fs::read(&path).expect("read");
    let me = std::env::current_exe().expect("test binary");
    let mut child = Command::new(&me)
        .args([
            "--exact",
            "after_kill_9_the_next_start_finds_the_autosaved_work",
            "--test-threads=1",
            "--nocapture",
        ])
        .env(AUTOSAVE_ENV, &path)
        .env("CLUSTERWERKBANK_DATA_DIR", &data_dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("child starts");
    let stdout = child.stdout.take().expect("piped");
    let mut lines = std::io::BufReader::new(stdout)
        .lines()
        .map_while(Result::ok);
    let written: u64 = lines
        .by_ref()
        .filter_map(|l| {
            l.strip_prefix(&format!("{READY} "))
                .and_then(|n| n.parse().ok())
        })
        .find(|n| *n >= 5)
        .expect("the child autosaved");
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");

    let data = DataDir::at(&data_dir);
    let info =
        find_recovery(&RecoveryTarget::new(&data, Some(&path))).expect("the recovery is offered");
    assert_eq!(info.problem, None);
    let recovered = load_recovery(&info).expect("it loads");
    let n: u64 = recovered
        .meta
        .title
        .strip_prefix("bewerking ")
        .and_then(|n| n.parse().ok())
        .expect("an edit");
    assert!(
        n >= written,
        "recovered edit {n}, but {written} was reported written"
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        original,
        "the person's file is untouched"
    );
    assert!(load(&path).is_ok());
}

#[test]
fn a_killed_save_leaves_the_old_or_the_new_version() {
    if let Some(path) = std::env::var_os(LOOP_ENV) {
        child_loop(Path::new(&path));
    }
    let temp = tempfile::tempdir().expect("temp");
    let path = temp.path().join("groot.ron");
    let versions = [to_ron(&large(0)).unwrap(), to_ron(&large(1)).unwrap()];
    assert_ne!(versions[0], versions[1]);
    std::fs::write(&path, &versions[0]).expect("first version");
    for (n, text) in versions.iter().enumerate() {
        std::fs::write(path.with_extension(format!("v{n}")), text).expect("version file");
    }
    eprintln!("workspace size: {} bytes", versions[0].len());

    // A small xorshift seeded by the clock: varied kill moments without a rand crate.
    let mut seed = Instant::now().elapsed().as_nanos() as u64 | 1;
    seed ^= std::process::id() as u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };

    let me = std::env::current_exe().expect("test binary");
    let mut seen = [0usize; 2];
    for round in 0..KILLS {
        let mut child = Command::new(&me)
            .args([
                "--exact",
                "a_killed_save_leaves_the_old_or_the_new_version",
                "--test-threads=1",
                "--nocapture",
            ])
            .env(LOOP_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("child starts");
        // Wait until the child starts writing, then kill it somewhere in the loop.
        let stdout = child.stdout.take().expect("piped");
        let ready = std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .any(|l| l.contains(READY));
        assert!(ready, "round {round}: the child did not start");
        std::thread::sleep(Duration::from_micros(next() % 200_000));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");

        let bytes = std::fs::read(&path).expect("the file is still there");
        let which = versions
            .iter()
            .position(|v| v.as_bytes() == bytes.as_slice());
        match which {
            Some(i) => seen[i] += 1,
            None => panic!(
                "round {round}: the file is neither version ({} bytes): {:?}",
                bytes.len(),
                parse_bytes(&bytes).err()
            ),
        }
    }
    let leftovers = std::fs::read_dir(temp.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    eprintln!(
        "after {KILLS} kills: old/new seen {seen:?}, temporary files left behind: {leftovers}"
    );
    assert!(
        seen[1] > 0,
        "the child never completed a save: the test proved nothing"
    );
}
