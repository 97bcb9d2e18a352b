//! How far an export to a file is, and whether it is still wanted: shared between the
//! worker thread that exports and the window, which shows the stage and offers Cancel.
//!
//! A cancel takes effect at the next stage the worker enters, and at the latest just
//! before the file is written: once [`Progress::cancel`] has said yes, nothing is
//! written, not even a temporary file. Writing the file is the point of no return:
//! a cancel that comes while it is being written is refused (the export ends as
//! written), so the window never says "cancelled" about a file that is there.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU8, Ordering};

use super::ExportError;

/// The stages of an export, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The communication is built from the workspace (or the spreadsheet's rows).
    Building,
    /// The document is set in its format: typst for the PDF, the package for DOCX.
    Typesetting,
    /// The file is written (atomically, through a temporary file beside it).
    Writing,
}

impl Stage {
    /// All stages, in order; a stage's number for "step n of 3" is its index plus one.
    pub const ALL: [Stage; 3] = [Stage::Building, Stage::Typesetting, Stage::Writing];

    fn from_u8(n: u8) -> Stage {
        match n {
            0 => Stage::Building,
            1 => Stage::Typesetting,
            _ => Stage::Writing,
        }
    }

    fn index(self) -> u8 {
        match self {
            Stage::Building => 0,
            Stage::Typesetting => 1,
            Stage::Writing => 2,
        }
    }

    /// 1 for the first stage, up to 3.
    pub fn number(self) -> usize {
        usize::from(self.index()) + 1
    }
}

#[derive(Debug, Default)]
struct Gate {
    cancelled: bool,
    committed: bool,
}

/// The shared state of one export: the stage it is in, and whether it was cancelled.
#[derive(Debug, Default)]
pub struct Progress {
    stage: AtomicU8,
    gate: Mutex<Gate>,
}

impl Progress {
    pub fn new() -> Self {
        Self::default()
    }

    /// The stage the export is in now.
    pub fn stage(&self) -> Stage {
        Stage::from_u8(self.stage.load(Ordering::Relaxed))
    }

    /// Asks the export to stop. Returns `true` when it will write nothing; `false`
    /// when it is writing its file or has written it (too late: it ends as written).
    pub fn cancel(&self) -> bool {
        // try_lock: while the worker holds the gate it is writing the file, and the
        // window must not wait on a disk.
        match self.gate.try_lock() {
            Ok(mut gate) if !gate.committed => {
                gate.cancelled = true;
                true
            }
            Ok(_) => false,
            Err(std::sync::TryLockError::WouldBlock) => false,
            Err(std::sync::TryLockError::Poisoned(poisoned)) => {
                let mut gate = poisoned.into_inner();
                if gate.committed {
                    false
                } else {
                    gate.cancelled = true;
                    true
                }
            }
        }
    }

    pub fn is_cancelled(&self) -> bool {
        self.gate
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .cancelled
    }

    /// Moves on to `stage`, unless the export was cancelled.
    ///
    /// Errors: [`ExportError::Cancelled`].
    pub(crate) fn enter(&self, stage: Stage) -> Result<(), ExportError> {
        if self.is_cancelled() {
            return Err(ExportError::Cancelled);
        }
        self.stage.store(stage.index(), Ordering::Relaxed);
        Ok(())
    }

    /// Runs `write` (the point of no return) unless the export was cancelled; a cancel
    /// asked meanwhile is refused.
    ///
    /// Errors: [`ExportError::Cancelled`], or what `write` returns.
    pub(crate) fn commit(
        &self,
        write: impl FnOnce() -> Result<(), ExportError>,
    ) -> Result<(), ExportError> {
        let mut gate = self
            .gate
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if gate.cancelled {
            return Err(ExportError::Cancelled);
        }
        self.stage.store(Stage::Writing.index(), Ordering::Relaxed);
        gate.committed = true;
        write()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cancel_before_writing_stops_the_export_and_one_after_is_refused() {
        let progress = Progress::new();
        assert_eq!(progress.stage(), Stage::Building);
        assert!(progress.enter(Stage::Typesetting).is_ok());
        assert_eq!(progress.stage(), Stage::Typesetting);
        assert!(progress.cancel());
        assert!(matches!(
            progress.enter(Stage::Writing),
            Err(ExportError::Cancelled)
        ));
        let mut wrote = false;
        assert!(matches!(
            progress.commit(|| {
                wrote = true;
                Ok(())
            }),
            Err(ExportError::Cancelled)
        ));
        assert!(!wrote, "nothing is written after a cancel");

        let late = Progress::new();
        assert!(late.commit(|| Ok(())).is_ok());
        assert!(!late.cancel(), "a written file cannot be cancelled");
        assert_eq!(late.stage(), Stage::Writing);
    }
}
