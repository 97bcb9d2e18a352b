//! Reading a workspace file for the window (open, a colleague's copy to merge, the
//! autosave's recovery file) on a worker thread: an 11 MB consultation takes a few
//! hundred milliseconds to read and check, too long to hold the window still. One
//! file at a time; the window says so when a second is asked for meanwhile.

use std::path::{Path, PathBuf};

use super::job::{Job, Poll};
use crate::model::Workspace;
use crate::store::{self, LoadError, Tracked};

/// A workspace file with its history of versions.
pub(crate) type Read = Result<(Workspace, Tracked), LoadError>;
type Reading = Job<Read>;

/// What the file is read for.
pub(crate) enum FileWork {
    Open(PathBuf, Reading),
    Merge(PathBuf, Reading),
    Restore(Job<Result<Workspace, LoadError>>),
}

/// A finished reading, for the window to carry out.
pub(crate) enum Finished {
    Opened(PathBuf, Read),
    /// A colleague's copy, read; the merge itself is done by the window, against the
    /// workspace as it is at that moment.
    ToMerge(PathBuf, Read),
    Restored(Result<Workspace, LoadError>),
    /// The worker stopped without a result; nothing changed.
    Lost,
}

impl FileWork {
    pub fn open(ctx: Option<&egui::Context>, path: &Path) -> Self {
        FileWork::Open(path.to_owned(), read(ctx, path.to_owned()))
    }

    pub fn merge(ctx: Option<&egui::Context>, path: &Path) -> Self {
        FileWork::Merge(path.to_owned(), read(ctx, path.to_owned()))
    }

    pub fn restore(ctx: Option<&egui::Context>, info: &store::RecoveryInfo) -> Self {
        let info = info.clone();
        FileWork::Restore(Job::spawn(ctx, move || store::load_recovery(&info)))
    }

    /// The result once the file is read; `None` while it is being read. With `wait`,
    /// blocks until it is read (tests, and leaving the window).
    pub fn finish(&self, wait: bool) -> Option<Finished> {
        fn done<T>(job: &Job<T>, wait: bool) -> Option<Option<T>> {
            match if wait { job.wait() } else { job.poll() } {
                Poll::Running => None,
                Poll::Lost => Some(None),
                Poll::Done(result) => Some(Some(result)),
            }
        }
        let finished = match self {
            FileWork::Open(path, job) => {
                done(job, wait)?.map(|r| Finished::Opened(path.clone(), r))
            }
            FileWork::Merge(path, job) => {
                done(job, wait)?.map(|r| Finished::ToMerge(path.clone(), r))
            }
            FileWork::Restore(job) => done(job, wait)?.map(Finished::Restored),
        };
        Some(finished.unwrap_or(Finished::Lost))
    }
}

fn read(ctx: Option<&egui::Context>, path: PathBuf) -> Reading {
    Job::spawn(ctx, move || store::load_tracked(&path))
}
