//! Autosave and crash recovery.
//!
//! A few seconds after a change the window writes the workspace to a recovery file in
//! the application's data folder, never over the person's own file. One recovery file
//! per open workspace, named from a hash of the workspace's path (`naamloos.ron` for a
//! workspace that has no file yet). A recovery file is an ordinary workspace file
//! followed by one comment line, `// herstel: (original: …, written: …, title: …)`, so
//! it also opens as a workspace by hand. The header goes last, as a comment, because
//! the loader refuses unknown fields and reads the first `format_version` it meets. On the next start [`find_recovery`] reports it when it is
//! newer than the file; a normal save calls [`clear_recovery`].

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::model::{Stamp, Workspace};

use super::file::{
    LoadError, SaveError, io_reason, parse_bytes, read_bounded, to_ron, write_atomic,
};

/// Overrides the data folder: for tests, for a portable install on a USB stick, and for
/// the crash test that kills a real process.
pub(crate) const DATA_DIR_ENV: &str = "CLUSTERWERKBANK_DATA_DIR";

/// The folder name under the platform's data folder (same as the window's app id).
pub(crate) const APP_ID: &str = "clusterwerkbank";

/// How long after the last change the window should write the recovery file.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(3);

/// The application's own data folder, private to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// `$CLUSTERWERKBANK_DATA_DIR` when set, else the folder `platform` names (the
    /// caller knows the platform; see `crate::platform::data_dir`). `None` when
    /// neither gives one.
    pub(crate) fn from_env_or(platform: impl FnOnce() -> Option<PathBuf>) -> Option<Self> {
        match std::env::var_os(DATA_DIR_ENV) {
            Some(dir) if !dir.is_empty() => Some(Self::at(dir)),
            _ => platform().map(Self::at),
        }
    }

    pub fn at(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub(crate) fn recovery_folder(&self) -> PathBuf {
        self.root.join("herstel")
    }

    pub(crate) fn backup_folder(&self) -> PathBuf {
        self.root.join("reservekopieen")
    }
}

/// Creates a folder (and its parents) readable by the owner only.
pub(crate) fn private_folder(path: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(path)
}

/// A stable name for a workspace path: FNV-1a over the absolute path's bytes.
/// `DefaultHasher` is not promised to stay the same between Rust versions, and a
/// recovery file must be found again by the next build.
pub(crate) fn path_key(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in absolute.as_os_str().as_encoded_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Which workspace a recovery file belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryTarget {
    data: DataDir,
    /// The person's file, absolute; `None` for a workspace never saved.
    original: Option<PathBuf>,
}

impl RecoveryTarget {
    pub fn new(data: &DataDir, original: Option<&Path>) -> Self {
        Self {
            data: data.clone(),
            original: original.map(|p| std::path::absolute(p).unwrap_or_else(|_| p.to_owned())),
        }
    }

    pub fn original(&self) -> Option<&Path> {
        self.original.as_deref()
    }

    /// Where this workspace's recovery file lives.
    pub(crate) fn recovery_file(&self) -> PathBuf {
        let name = match &self.original {
            Some(path) => format!("{}.ron", path_key(path)),
            None => "naamloos.ron".to_owned(),
        };
        self.data.recovery_folder().join(name)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct RecoveryHeader {
    /// The person's file, for display only (the file name is the lookup key).
    original: Option<String>,
    written: Timestamp,
    title: String,
}

const HEADER_PREFIX: &str = "// herstel: ";

/// The header from a recovery file's text: the last line with the prefix.
fn read_header(text: &str) -> Option<RecoveryHeader> {
    let line = text
        .split('\n')
        .rev()
        .find_map(|l| l.strip_prefix(HEADER_PREFIX))?;
    ron::Options::default()
        .with_recursion_limit(16)
        .from_str(line.trim_end_matches('\r'))
        .ok()
}

/// Writes the recovery file for `target` atomically, readable by the owner only, and
/// returns its path. Never touches the person's own file.
pub fn write_recovery(
    target: &RecoveryTarget,
    ws: &Workspace,
    now: Timestamp,
) -> Result<PathBuf, SaveError> {
    let file = target.recovery_file();
    if target.original.as_deref() == Some(file.as_path()) {
        return Err(SaveError {
            path: file,
            reason: "dit is zelf een herstelbestand; sla het eerst op onder een eigen naam"
                .to_owned(),
        });
    }
    let folder = target.data.recovery_folder();
    private_folder(&folder).map_err(|e| SaveError::new(&folder, &e))?;
    let header = RecoveryHeader {
        original: target.original.as_ref().map(|p| p.display().to_string()),
        written: now,
        title: ws.meta.title.clone(),
    };
    // One line: RON escapes line breaks inside strings.
    let header = ron::to_string(&header).map_err(|e| SaveError {
        path: file.clone(),
        reason: e.to_string(),
    })?;
    let body = to_ron(ws).map_err(|e| SaveError {
        path: file.clone(),
        reason: e.to_string(),
    })?;
    let text = format!("{body}{HEADER_PREFIX}{header}\n");
    write_atomic(&file, text.as_bytes())?;
    Ok(file)
}

/// A recovery file waiting to be restored, with what the window shows about it (the
/// window words the question, in its own language).
#[derive(Clone, Debug, PartialEq)]
pub struct RecoveryInfo {
    /// The recovery file itself.
    pub file: PathBuf,
    /// The person's file it belongs to; `None` for an unsaved workspace.
    pub original: Option<PathBuf>,
    /// When it was written (for a damaged file: its modification time).
    pub written: Timestamp,
    /// The workspace's title, empty for a damaged file.
    pub title: String,
    /// Why it cannot be restored, in Dutch; `None` when it loads. A damaged recovery
    /// file is reported and left where it is, never deleted behind the person's back.
    pub problem: Option<String>,
}

fn modified(path: &Path) -> Option<Timestamp> {
    let time = std::fs::metadata(path).ok()?.modified().ok()?;
    Timestamp::try_from(time).ok()
}

/// The recovery file for `target`, when there is one worth offering: newer than the
/// person's file, or the file is gone or was never saved. A damaged recovery file is
/// always reported (with `problem` set).
pub fn find_recovery(target: &RecoveryTarget) -> Option<RecoveryInfo> {
    let file = target.recovery_file();
    if !file.exists() {
        return None;
    }
    let damaged = |problem: String| RecoveryInfo {
        file: file.clone(),
        original: target.original.clone(),
        written: modified(&file).unwrap_or(Timestamp::UNIX_EPOCH),
        title: String::new(),
        problem: Some(problem),
    };
    let bytes = match read_bounded(&file) {
        Ok(bytes) => bytes,
        Err(error) => return Some(damaged(error.to_string())),
    };
    let workspace = match parse_bytes(&bytes) {
        Ok(ws) => ws,
        Err(problem) => return Some(damaged(problem.to_string())),
    };
    let header = std::str::from_utf8(&bytes).ok().and_then(read_header);
    let Some(header) = header else {
        return Some(damaged(
            "de kop met het tijdstip ontbreekt of is onleesbaar".to_owned(),
        ));
    };
    if let Some(original) = &target.original
        && let Some(saved) = modified(original)
    {
        if header.written <= saved {
            return None;
        }
        // Nothing to restore if the file already holds exactly this.
        if super::file::load(original).is_ok_and(|on_disk| on_disk == workspace) {
            return None;
        }
    }
    Some(RecoveryInfo {
        file,
        original: target.original.clone(),
        written: header.written,
        title: header.title,
        problem: None,
    })
}

/// The workspace a recovery file holds. The recovery file stays until
/// [`clear_recovery`].
pub fn load_recovery(info: &RecoveryInfo) -> Result<Workspace, LoadError> {
    super::file::load(&info.file)
}

/// Removes the recovery file after a normal save or close, or when the person declines
/// to restore it. A file that is already gone is fine.
pub fn clear_recovery(target: &RecoveryTarget) -> Result<(), SaveError> {
    let file = target.recovery_file();
    match std::fs::remove_file(&file) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(SaveError {
            reason: io_reason(&e),
            path: file,
        }),
    }
}

/// When to write the recovery file: [`AUTOSAVE_DELAY`] after the last change, so typing
/// is not interrupted by a write per keystroke, yet a crash loses seconds at most.
#[derive(Clone, Debug, Default)]
pub struct AutosaveTimer {
    /// Keyed on the session's stamp, not its revision alone: another workspace at the
    /// same revision has not been written.
    written: Option<Stamp>,
    changed: Option<(Stamp, Instant)>,
}

impl AutosaveTimer {
    /// Call every frame with the session's stamp; true when the recovery file should
    /// be written now. Then call [`AutosaveTimer::written`].
    pub fn due(&mut self, stamp: Stamp, now: Instant) -> bool {
        if self.written == Some(stamp) {
            self.changed = None;
            return false;
        }
        match self.changed {
            Some((seen, since)) if seen == stamp => now.duration_since(since) >= AUTOSAVE_DELAY,
            _ => {
                self.changed = Some((stamp, now));
                false
            }
        }
    }

    /// The recovery file (or the person's file) now holds this state.
    pub fn written(&mut self, stamp: Stamp) {
        self.written = Some(stamp);
        self.changed = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{default_workspace, save};

    fn ts(seconds: i64) -> Timestamp {
        Timestamp::from_second(seconds).expect("valid")
    }

    #[test]
    fn crash_then_restart_finds_the_recovery_and_a_save_clears_it() {
        let temp = tempfile::tempdir().expect("temp");
        let data = DataDir::at(temp.path().join("data"));
        let path = temp.path().join("werk.ron");
        let original = default_workspace();
        save(&path, &original).expect("save");
        let mut edited = original.clone();
        edited.meta.title = "Na het laatste opslaan".into();
        {
            let target = RecoveryTarget::new(&data, Some(&path));
            write_recovery(
                &target,
                &edited,
                Timestamp::now()
                    .checked_add(jiff::SignedDuration::from_secs(5))
                    .expect("time"),
            )
            .expect("recovery");
            // The process "dies" here: nothing else is written.
        }
        let target = RecoveryTarget::new(&data, Some(&path));
        let info = find_recovery(&target).expect("recovery found");
        assert_eq!(info.problem, None);
        assert_eq!(info.title, "Na het laatste opslaan");
        assert_eq!(
            info.original.as_deref().and_then(Path::file_name),
            Some("werk.ron".as_ref())
        );
        assert_eq!(load_recovery(&info).expect("loads"), edited);
        // The person's file was never touched.
        assert_eq!(crate::store::load(&path).expect("loads"), original);

        save(&path, &edited).expect("save");
        clear_recovery(&target).expect("clear");
        assert!(!info.file.exists());
        assert_eq!(find_recovery(&target), None);
        clear_recovery(&target).expect("clearing twice is fine");
    }

    #[test]
    fn a_recovery_older_than_the_file_is_not_offered() {
        let temp = tempfile::tempdir().expect("temp");
        let data = DataDir::at(temp.path());
        let path = temp.path().join("werk.ron");
        let mut ws = Workspace::empty();
        save(&path, &ws).expect("save");
        ws.meta.title = "ouder".into();
        let target = RecoveryTarget::new(&data, Some(&path));
        write_recovery(&target, &ws, ts(1_000_000)).expect("recovery");
        assert_eq!(find_recovery(&target), None);
        // When the file is gone, any recovery is worth offering.
        std::fs::remove_file(&path).expect("remove");
        assert!(find_recovery(&target).is_some());
    }

    #[test]
    fn unsaved_workspaces_and_different_files_get_different_recovery_files() {
        let data = DataDir::at("/tmp/x");
        let a = RecoveryTarget::new(&data, Some(Path::new("/a/werk.ron")));
        let b = RecoveryTarget::new(&data, Some(Path::new("/b/werk.ron")));
        let none = RecoveryTarget::new(&data, None);
        assert_ne!(a.recovery_file(), b.recovery_file());
        assert!(none.recovery_file().ends_with("herstel/naamloos.ron"));
        assert_eq!(
            a.recovery_file(),
            RecoveryTarget::new(&data, Some(Path::new("/a/werk.ron"))).recovery_file()
        );
        // Fixed value: a recovery file must be found again by a later build.
        assert_eq!(
            path_key(Path::new("/a/werk.ron")),
            path_key(Path::new("/a/werk.ron"))
        );
        assert_eq!(path_key(Path::new("")).len(), 16);
    }

    #[test]
    fn a_damaged_recovery_file_is_reported_and_kept() {
        let temp = tempfile::tempdir().expect("temp");
        let data = DataDir::at(temp.path());
        let target = RecoveryTarget::new(&data, None);
        let file =
            write_recovery(&target, &default_workspace(), ts(2_000_000_000)).expect("recovery");
        let text = std::fs::read(&file).expect("read");
        std::fs::write(&file, &text[..text.len() / 2]).expect("truncate");
        let info = find_recovery(&target).expect("reported");
        let problem = info.problem.as_deref().expect("a problem");
        assert!(problem.contains("regel"), "{problem}");
        assert!(load_recovery(&info).is_err());
        assert!(
            file.exists(),
            "a damaged recovery file is never deleted silently"
        );
    }

    #[test]
    fn a_recovery_file_opens_as_a_workspace_and_the_header_survives_odd_titles() {
        let temp = tempfile::tempdir().expect("temp");
        let data = DataDir::at(temp.path());
        let mut ws = default_workspace();
        ws.meta.title = "Titel met \"aanhalingstekens\", \\, \n, \"# en 🚀".into();
        let target = RecoveryTarget::new(&data, None);
        let file = write_recovery(&target, &ws, ts(2_000_000_000)).expect("recovery");
        assert_eq!(crate::store::load(&file).expect("loads"), ws);
        let info = find_recovery(&target).expect("found");
        assert_eq!(info.title, ws.meta.title);
        assert_eq!(info.written, ts(2_000_000_000));
    }

    #[cfg(unix)]
    #[test]
    fn recovery_files_and_their_folder_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let temp = tempfile::tempdir().expect("temp");
        let data = DataDir::at(temp.path().join("d"));
        let file = write_recovery(
            &RecoveryTarget::new(&data, None),
            &Workspace::empty(),
            ts(0),
        )
        .expect("recovery");
        let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&file), 0o600);
        assert_eq!(mode(&data.recovery_folder()), 0o700);
    }

    #[test]
    fn a_failing_recovery_write_is_an_error_not_a_crash() {
        let temp = tempfile::tempdir().expect("temp");
        let blocker = temp.path().join("bestand");
        std::fs::write(&blocker, "x").expect("write");
        // The data folder's parent is a regular file: fails even for root.
        let data = DataDir::at(blocker.join("data"));
        let err = write_recovery(
            &RecoveryTarget::new(&data, None),
            &Workspace::empty(),
            ts(0),
        )
        .unwrap_err();
        assert!(err.to_string().contains("Kon"), "{err}");
    }

    /// A session's stamps after 0, 1 and 2 edits.
    fn stamps(session: &mut crate::model::Session) -> [Stamp; 3] {
        let s0 = session.stamp();
        session
            .apply(crate::model::Edit::append(crate::model::Cluster::default()))
            .unwrap();
        let s1 = session.stamp();
        session
            .apply(crate::model::Edit::append(crate::model::Cluster::default()))
            .unwrap();
        [s0, s1, session.stamp()]
    }

    #[test]
    fn the_autosave_timer_waits_for_a_pause() {
        let start = Instant::now();
        let mut timer = AutosaveTimer::default();
        let [s0, s1, s2] = stamps(&mut crate::model::Session::new(Workspace::empty()));
        timer.written(s0);
        assert!(!timer.due(s0, start));
        assert!(!timer.due(s1, start));
        assert!(!timer.due(s1, start + Duration::from_secs(1)));
        assert!(
            !timer.due(s2, start + Duration::from_secs(2)),
            "a new change restarts the wait"
        );
        assert!(!timer.due(s2, start + Duration::from_secs(4)));
        assert!(timer.due(s2, start + Duration::from_secs(5)));
        timer.written(s2);
        assert!(!timer.due(s2, start + Duration::from_secs(60)));
    }

    #[test]
    fn another_workspace_at_the_same_revision_is_not_written_yet() {
        let start = Instant::now();
        let mut timer = AutosaveTimer::default();
        let [_, first, _] = stamps(&mut crate::model::Session::new(Workspace::empty()));
        let [_, second, _] = stamps(&mut crate::model::Session::new(Workspace::empty()));
        timer.written(first);
        assert!(!timer.due(second, start), "the wait starts");
        assert!(
            timer.due(second, start + AUTOSAVE_DELAY),
            "and ends in a write, though the revision equals the one written"
        );
    }
}
