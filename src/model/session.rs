//! The one gate through which a workspace changes.

use super::edit::{Edit, EditError};
use super::history::{CoalesceKey, History};
use super::workspace::Workspace;

/// A workspace being edited: the workspace, its undo history, and what the last
/// save (or load) looked like.
#[derive(Clone, Debug)]
pub struct Session {
    workspace: Workspace,
    history: History,
    /// Bumped on every change, undo and redo: derived data and autosave compare it.
    revision: u64,
    saved_serial: Option<u64>,
}

impl Session {
    /// A session over a workspace as it was loaded or created: nothing to save yet.
    pub fn new(workspace: Workspace) -> Self {
        Self {
            workspace,
            history: History::with_limit(10_000),
            revision: 0,
            saved_serial: Some(0),
        }
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.history.apply(&mut self.workspace, edit, None)?;
        self.revision += 1;
        Ok(())
    }

    /// Applies a text edit that merges with the previous one to the same field.
    pub fn apply_typing(&mut self, edit: Edit, key: CoalesceKey) -> Result<(), EditError> {
        self.history.apply(&mut self.workspace, edit, Some(key))?;
        self.revision += 1;
        Ok(())
    }

    /// Ends the current typing step (the field lost focus).
    pub fn seal(&mut self) {
        self.history.seal();
    }

    pub fn undo(&mut self) -> Result<bool, EditError> {
        let changed = self.history.undo(&mut self.workspace)?;
        if changed {
            self.revision += 1;
        }
        Ok(changed)
    }

    pub fn redo(&mut self) -> Result<bool, EditError> {
        let changed = self.history.redo(&mut self.workspace)?;
        if changed {
            self.revision += 1;
        }
        Ok(changed)
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// What the next undo applies; see [`History::next_undo`].
    pub fn next_undo(&self) -> Option<&Edit> {
        self.history.next_undo()
    }

    pub fn next_redo(&self) -> Option<&Edit> {
        self.history.next_redo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// True when the workspace changed since it was loaded, created or last saved.
    pub fn is_dirty(&self) -> bool {
        self.saved_serial != Some(self.history.current_serial())
    }

    /// Records that the current state is on disk.
    pub fn mark_saved(&mut self) {
        // Typing after a save must start a new step, or the saved state would be lost
        // inside a merged one.
        self.history.seal();
        self.saved_serial = Some(self.history.current_serial());
    }

    /// Replaces the workspace wholesale (after a merge or a recovery), as one step that
    /// can be undone.
    pub fn replace_workspace(&mut self, workspace: Workspace) {
        let old = std::mem::replace(&mut self.workspace, workspace);
        self.history.clear();
        self.saved_serial = None;
        self.revision += 1;
        drop(old);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    #[test]
    fn dirty_follows_edits_undo_and_save() {
        let mut session = Session::new(Workspace::empty());
        assert!(!session.is_dirty());
        let cluster = Cluster::default();
        session.apply(Edit::append(cluster.clone())).unwrap();
        assert!(session.is_dirty());
        session.undo().unwrap();
        assert!(!session.is_dirty(), "undo back to the saved state is clean");
        session.redo().unwrap();
        session.mark_saved();
        assert!(!session.is_dirty());
        let renamed = Cluster {
            name: "X".into(),
            ..cluster
        };
        session
            .apply_typing(
                Edit::put(renamed),
                CoalesceKey::Field(RecordKey::Cluster(cluster.id), "name"),
            )
            .unwrap();
        assert!(session.is_dirty());
    }

    #[test]
    fn revision_moves_on_every_change() {
        let mut session = Session::new(Workspace::empty());
        let r0 = session.revision();
        session.apply(Edit::append(Cluster::default())).unwrap();
        let r1 = session.revision();
        session.undo().unwrap();
        let r2 = session.revision();
        assert!(r0 < r1 && r1 < r2);
        assert!(!session.undo().unwrap());
        assert_eq!(session.revision(), r2);
    }
}
