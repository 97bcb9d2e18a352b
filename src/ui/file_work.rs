//! Reading a workspace file for the window (open, a colleague's copy to merge, the
//! autosave's recovery file) on a worker thread: an 11 MB consultation takes a few
//! hundred milliseconds to read and check, too long to hold the window still. One
//! file at a time; the window says so when a second is asked for meanwhile.

use std::path::{Path, PathBuf};

use super::job::{Job, Poll};
use crate::model::Workspace;
use crate::store::{self, LoadError};

type Reading = Job<Result<Workspace, LoadError>>;

/// What the file is read for.
pub(crate) enum FileWork {
    Open(PathBuf, Reading),
    Merge(PathBuf, Reading),
    Restore(Reading),
}

/// A finished reading, for the window to carry out.
pub(crate) enum Finished {
    Opened(PathBuf, Result<Workspace, LoadError>),
    /// A colleague's copy, read; the merge itself is done by the window, against the
    /// workspace as it is at that moment.
    ToMerge(PathBuf, Result<Workspace, LoadError>),
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
        let job = match self {
            FileWork::Open(_, job) | FileWork::Merge(_, job) | FileWork::Restore(job) => job,
        };
        let result = match if wait { job.wait() } else { job.poll() } {
            Poll::Running => return None,
            Poll::Lost => return Some(Finished::Lost),
            Poll::Done(result) => result,
        };
        Some(match self {
            FileWork::Open(path, _) => Finished::Opened(path.clone(), result),
            FileWork::Merge(path, _) => Finished::ToMerge(path.clone(), result),
            FileWork::Restore(_) => Finished::Restored(result),
        })
    }
}

fn read(ctx: Option<&egui::Context>, path: PathBuf) -> Reading {
    Job::spawn(ctx, move || store::load(&path))
}
