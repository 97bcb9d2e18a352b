//! The last versions of each saved file, so a bad save can be undone from disk.
//!
//! Before a save replaces a file, its current bytes are copied to
//! `<data folder>/reservekopieen/<hash of the path>/<UTC time>.ron`; the newest
//! [`KEEP`] stay. The copies live in the application's private data folder, not beside
//! the file: the cabinet's files often sit in shared or synchronised folders, where a
//! `.backups` folder would hand five more copies of a confidential draft to everyone
//! with access to that folder. Each backup folder holds `origineel.txt` naming the file,
//! for a person looking by hand.
//!
//! [`save_with_backup`] also sweeps away temporary files that killed saves left in the
//! folder more than ten minutes ago.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::model::Workspace;

use super::file::{SaveError, io_reason, to_ron, write_atomic};
use super::recovery::{DataDir, path_key, private_folder};

/// How many earlier versions of a file are kept.
pub(crate) const KEEP: usize = 5;

/// One earlier version of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupInfo {
    pub file: PathBuf,
    pub written: Timestamp,
}

/// What a save did besides saving.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SaveReport {
    /// The backup of the previous version, when there was one and it differed.
    pub backup: Option<PathBuf>,
    /// Why no backup could be made (in Dutch). The save itself went through: a
    /// missing backup must not cost the person the save.
    pub backup_problem: Option<String>,
}

/// The backups of a file live under its resolved path: saving through a link and
/// through its target keeps one history.
fn folder_for(data: &DataDir, path: &Path) -> PathBuf {
    let resolved = super::file::resolve_links(path).unwrap_or_else(|_| path.to_owned());
    data.backup_folder().join(path_key(&resolved))
}

/// Saves atomically (0600), first copying the file's current version into the backups
/// and keeping the newest [`KEEP`]. On error the file on disk is unchanged.
/// Without a data folder (`None`) it saves without a backup and says so.
pub fn save_with_backup(
    data: Option<&DataDir>,
    path: &Path,
    ws: &Workspace,
) -> Result<SaveReport, SaveError> {
    let text = to_ron(ws).map_err(|e| SaveError {
        path: path.to_owned(),
        reason: e.to_string(),
    })?;
    save_text_with_backup(data, path, &text)
}

/// As [`save_with_backup`], for a file's text already made (a workspace with its
/// history, [`super::versions::file_text`]).
pub fn save_text_with_backup(
    data: Option<&DataDir>,
    path: &Path,
    text: &str,
) -> Result<SaveReport, SaveError> {
    let mut report = SaveReport::default();
    match data {
        None => {
            report.backup_problem = Some("er is geen gegevensmap voor reservekopieën".to_owned())
        }
        Some(data) => match std::fs::read(path) {
            Ok(previous) if previous != text.as_bytes() => {
                match back_up(data, path, &previous, Timestamp::now()) {
                    Ok(file) => report.backup = Some(file),
                    Err(problem) => report.backup_problem = Some(problem),
                }
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                report.backup_problem = Some(format!(
                    "de vorige versie was onleesbaar: {}",
                    io_reason(&e)
                ))
            }
        },
    }
    write_atomic(path, text.as_bytes())?;
    remove_stale_temporaries(path, std::time::SystemTime::now());
    Ok(report)
}

/// Secures the current bytes of `path` in the backups before something replaces the
/// file wholesale (`new --force`, a merge's `--force`, `upgrade`, "Opslaan als…" over
/// another file). Unlike [`save_with_backup`], which saves even when no backup can be
/// made, the caller refuses to go on when this fails.
///
/// Returns the kept copy, or `None` when `path` does not exist (nothing to lose).
/// Errors: why no copy could be made, in Dutch (no data folder, unreadable file,
/// unwritable backup folder).
pub fn keep_copy(data: Option<&DataDir>, path: &Path) -> Result<Option<PathBuf>, String> {
    let previous = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("het bestand was onleesbaar: {}", io_reason(&e))),
    };
    let data = data.ok_or_else(|| "er is geen gegevensmap voor reservekopieën".to_owned())?;
    back_up(data, path, &previous, Timestamp::now()).map(Some)
}

/// A temporary file of an interrupted save older than this is debris, not a save in
/// progress (a save takes well under a second).
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// A process killed mid-save leaves its temporary file (`.clusterwerkbank-*.tmp`)
/// beside the target: a partial copy of a confidential draft. The next save in that
/// folder removes the ones that are clearly abandoned. Best effort.
fn remove_stale_temporaries(path: &Path, now: std::time::SystemTime) {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(".clusterwerkbank-") && name.ends_with(".tmp")) {
            continue;
        }
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn back_up(
    data: &DataDir,
    path: &Path,
    previous: &[u8],
    now: Timestamp,
) -> Result<PathBuf, String> {
    let folder = folder_for(data, path);
    let failed = |e: std::io::Error| format!("{}: {}", folder.display(), io_reason(&e));
    private_folder(&folder).map_err(failed)?;
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let label = folder.join("origineel.txt");
    let label_text = format!("{}\n", absolute.display());
    if std::fs::read_to_string(&label).ok().as_deref() != Some(label_text.as_str()) {
        write_atomic(&label, label_text.as_bytes()).map_err(|e| e.to_string())?;
    }
    // Fixed width, so names sort by time; no colons, for Windows.
    let name = format!(
        "{}-{:09}.ron",
        now.strftime("%Y%m%dT%H%M%SZ"),
        now.subsec_nanosecond()
    );
    let file = folder.join(name);
    write_atomic(&file, previous).map_err(|e| e.to_string())?;
    for old in list_in(&folder).into_iter().skip(KEEP) {
        // Rotation: a backup that cannot be removed only costs disk space.
        let _ = std::fs::remove_file(old);
    }
    Ok(file)
}

fn list_in(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files.reverse();
    files
}

/// The kept versions of a file, newest first.
pub fn list_backups(data: &DataDir, path: &Path) -> Vec<BackupInfo> {
    list_in(&folder_for(data, path))
        .into_iter()
        .map(|file| {
            let written = std::fs::metadata(&file)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| Timestamp::try_from(t).ok())
                .unwrap_or(Timestamp::UNIX_EPOCH);
            BackupInfo { file, written }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{load, save};

    fn version(n: u32) -> Workspace {
        let mut ws = Workspace::empty();
        ws.meta.title = format!("versie {n}");
        ws
    }

    #[test]
    fn each_save_keeps_the_previous_version_and_only_the_last_five() {
        let temp = tempfile::tempdir().expect("temp");
        let data = DataDir::at(temp.path().join("data"));
        let path = temp.path().join("werk.ron");
        let first = save_with_backup(Some(&data), &path, &version(0)).expect("save");
        assert_eq!(
            first,
            SaveReport::default(),
            "a new file has nothing to back up"
        );
        for n in 1..=7 {
            let report = save_with_backup(Some(&data), &path, &version(n)).expect("save");
            assert!(
                report.backup.is_some() && report.backup_problem.is_none(),
                "{report:?}"
            );
        }
        let backups = list_backups(&data, &path);
        assert_eq!(backups.len(), KEEP);
        let titles: Vec<String> = backups
            .iter()
            .map(|b| load(&b.file).expect("loads").meta.title)
            .collect();
        assert_eq!(
            titles,
            ["versie 6", "versie 5", "versie 4", "versie 3", "versie 2"]
        );
        assert_eq!(load(&path).expect("loads").meta.title, "versie 7");
        // Saving the same content again makes no new backup.
        let same = save_with_backup(Some(&data), &path, &version(7)).expect("save");
        assert_eq!(same.backup, None);
        // Another file has its own backups.
        assert!(list_backups(&data, &temp.path().join("ander.ron")).is_empty());
    }

    #[test]
    fn a_kept_copy_is_the_old_bytes_or_a_reason() {
        let temp = tempfile::tempdir().expect("temp");
        let data = DataDir::at(temp.path().join("data"));
        let path = temp.path().join("werk.ron");
        assert_eq!(keep_copy(Some(&data), &path), Ok(None), "nothing to keep");
        save(&path, &version(1)).expect("save");
        let kept = keep_copy(Some(&data), &path)
            .expect("kept")
            .expect("a copy");
        assert_eq!(std::fs::read(&kept).unwrap(), std::fs::read(&path).unwrap());
        // A second copy never replaces the first.
        let again = keep_copy(Some(&data), &path)
            .expect("kept")
            .expect("a copy");
        assert_ne!(kept, again);
        assert!(kept.exists() && again.exists());
        let blocker = temp.path().join("geen-map");
        std::fs::write(&blocker, "x").expect("write");
        let problem = keep_copy(Some(&DataDir::at(&blocker)), &path).unwrap_err();
        assert!(problem.contains("geen-map"), "{problem}");
        assert!(keep_copy(None, &path).unwrap_err().contains("gegevensmap"));
    }

    #[test]
    fn a_failing_backup_does_not_stop_the_save_but_is_reported() {
        let temp = tempfile::tempdir().expect("temp");
        let blocker = temp.path().join("geen-map");
        std::fs::write(&blocker, "x").expect("write");
        let data = DataDir::at(&blocker);
        let path = temp.path().join("werk.ron");
        save(&path, &version(1)).expect("save");
        let report = save_with_backup(Some(&data), &path, &version(2)).expect("save");
        assert!(report.backup_problem.is_some());
        assert_eq!(load(&path).expect("loads"), version(2));
        let report = save_with_backup(None, &path, &version(3)).expect("save");
        assert!(report.backup_problem.is_some());
    }

    /// Save failures that stop even root (CI runs as root, where a read-only folder
    /// does not): a parent that is a regular file, a name longer than 255 bytes, a
    /// folder that is gone. Each gives a Dutch error and leaves the existing file alone.
    #[test]
    fn save_failures_are_clear_errors_and_leave_the_file_intact() {
        let temp = tempfile::tempdir().expect("temp");
        let data = DataDir::at(temp.path().join("data"));
        let existing = temp.path().join("werk.ron");
        save(&existing, &version(1)).expect("save");
        let before = std::fs::read(&existing).expect("read");

        let not_a_folder = existing.join("kind.ron");
        let too_long = temp.path().join(format!("{}.ron", "x".repeat(300)));
        let missing = temp.path().join("verdwenen").join("werk.ron");
        let folder = temp.path().to_owned();
        for (target, words) in [
            (not_a_folder, "Kon"),
            (too_long, "te lang"),
            (missing, "bestaat niet"),
            (folder, "map"),
        ] {
            let err = save_with_backup(Some(&data), &target, &version(2)).unwrap_err();
            let message = err.to_string();
            assert!(message.contains(words), "{target:?}: {message}");
            assert!(message.contains("Opslaan als"), "{message}");
            assert!(!target.is_file());
        }
        assert_eq!(std::fs::read(&existing).expect("read"), before);
        // No stray temporary files were left beside the file.
        let names: Vec<_> = std::fs::read_dir(temp.path())
            .expect("list")
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .collect();
        assert!(
            names.iter().all(|n| !n.to_string_lossy().ends_with(".tmp")),
            "{names:?}"
        );
    }

    #[test]
    fn a_save_removes_abandoned_temporary_files_of_killed_saves() {
        let temp = tempfile::tempdir().expect("temp");
        let make = |name: &str, age_secs: u64| {
            let p = temp.path().join(name);
            let f = std::fs::File::create(&p).expect("create");
            f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(age_secs))
                .expect("set mtime");
            p
        };
        let abandoned = make(".clusterwerkbank-abc123.tmp", 3600);
        let in_progress = make(".clusterwerkbank-def456.tmp", 1);
        let unrelated = make(".iets-anders.tmp", 3600);
        save_with_backup(None, &temp.path().join("werk.ron"), &version(1)).expect("save");
        assert!(!abandoned.exists());
        assert!(
            in_progress.exists(),
            "a save in progress elsewhere is left alone"
        );
        assert!(unrelated.exists());
    }

    #[cfg(unix)]
    #[test]
    fn saved_files_and_backups_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let temp = tempfile::tempdir().expect("temp");
        let data = DataDir::at(temp.path().join("data"));
        let path = temp.path().join("werk.ron");
        save_with_backup(Some(&data), &path, &version(1)).expect("save");
        let report = save_with_backup(Some(&data), &path, &version(2)).expect("save");
        let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        let backup = report.backup.expect("backup");
        assert_eq!(mode(&backup), 0o600);
        assert_eq!(mode(backup.parent().expect("folder")), 0o700);
    }
}
