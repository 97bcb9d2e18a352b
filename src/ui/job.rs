//! Work off the UI thread, one way for all of it: file dialogs, opening, merging and
//! restoring files, autosave and export. A job runs its closure on a worker thread,
//! wakes the window when done, and the frame polls it; the frame never waits on a
//! disk or a dialog.

use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// What a poll found.
#[derive(Debug)]
pub(crate) enum Poll<T> {
    /// Still running.
    Running,
    /// Finished with this result (given once).
    Done(T),
    /// The worker ended without a result (it panicked). Said as an error; nothing the
    /// job was to change has changed.
    Lost,
}

/// One piece of background work with a result of type `T`.
pub(crate) struct Job<T> {
    receiver: Receiver<T>,
    started: Instant,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a worker thread. `ctx`, when given, is asked to repaint when
    /// the result is there, so an idle window still picks it up.
    pub fn spawn(ctx: Option<&egui::Context>, work: impl FnOnce() -> T + Send + 'static) -> Self {
        let (sender, receiver) = channel();
        let ctx = ctx.cloned();
        std::thread::spawn(move || {
            let _ = sender.send(work());
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        });
        Self {
            receiver,
            started: Instant::now(),
        }
    }
}

impl<T> Job<T> {
    pub(crate) fn poll(&self) -> Poll<T> {
        match self.receiver.try_recv() {
            Ok(result) => Poll::Done(result),
            Err(TryRecvError::Empty) => Poll::Running,
            Err(TryRecvError::Disconnected) => Poll::Lost,
        }
    }

    /// Blocks until the result is there: for leaving the window (a last save, an
    /// autosave that must finish before its file is removed) and for tests.
    pub fn wait(&self) -> Poll<T> {
        match self.receiver.recv() {
            Ok(result) => Poll::Done(result),
            Err(_) => Poll::Lost,
        }
    }

    /// How long the job has been running.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_gives_its_result_once_and_a_lost_worker_is_told() {
        let job = Job::spawn(None, || 6 * 7);
        assert!(matches!(job.wait(), Poll::Done(42)));
        assert!(!matches!(job.poll(), Poll::Done(_)), "given once");

        #[allow(clippy::panic)]
        let lost: Job<u8> = Job::spawn(None, || panic!("worker fails"));
        assert!(matches!(lost.wait(), Poll::Lost));
    }
}
