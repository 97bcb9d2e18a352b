//! The one gate through which a workspace changes.

use std::sync::atomic::{AtomicU64, Ordering};

use super::edit::{Edit, EditError};
use super::history::{CoalesceKey, History};
use super::workspace::Workspace;

/// Which state of which workspace something was computed from: the session's
/// generation (unique in this process) and its revision. Every view the window caches
/// is keyed on one, so what was derived from one workspace can never pass for another
/// that happens to be at the same revision (every session starts at revision 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Stamp {
    generation: u64,
    revision: u64,
}

/// Process-wide, so two sessions (an opened file, New, a test's) never share one.
static GENERATIONS: AtomicU64 = AtomicU64::new(1);

fn next_generation() -> u64 {
    GENERATIONS.fetch_add(1, Ordering::Relaxed)
}

/// A workspace being edited: the workspace, its undo history, and what the last
/// save (or load) looked like.
#[derive(Debug)]
pub struct Session {
    workspace: Workspace,
    history: History,
    /// The revision is bumped on every change, undo and redo: derived data and
    /// autosave compare the stamp.
    stamp: Stamp,
    saved_serial: Option<u64>,
}

impl Clone for Session {
    /// A copy is a session of its own: edits to either must not make their stamps
    /// collide, so the copy takes a new generation.
    fn clone(&self) -> Self {
        Self {
            workspace: self.workspace.clone(),
            history: self.history.clone(),
            stamp: Stamp {
                generation: next_generation(),
                revision: self.stamp.revision,
            },
            saved_serial: self.saved_serial,
        }
    }
}

impl Session {
    /// A session over a workspace as it was loaded or created: nothing to save yet.
    pub fn new(workspace: Workspace) -> Self {
        Self {
            workspace,
            history: History::with_limit(HISTORY_LIMIT),
            stamp: Stamp {
                generation: next_generation(),
                revision: 0,
            },
            saved_serial: Some(0),
        }
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    pub fn revision(&self) -> u64 {
        self.stamp.revision
    }

    /// What derived data, charts, the preview, search results and the autosave are
    /// keyed on.
    pub(crate) fn stamp(&self) -> Stamp {
        self.stamp
    }

    fn changed(&mut self) {
        self.stamp.revision += 1;
    }

    /// Applies an edit as an undo step of its own.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.history.apply(&mut self.workspace, edit, None)?;
        self.changed();
        Ok(())
    }

    /// Applies an edit that is part of a gesture still going on (typing into a field,
    /// dragging a value): it joins the previous edit with the same key into one undo
    /// step, until [`Self::seal`] ends the gesture.
    pub(crate) fn apply_continuing(
        &mut self,
        edit: Edit,
        key: CoalesceKey,
    ) -> Result<(), EditError> {
        self.history.apply(&mut self.workspace, edit, Some(key))?;
        self.changed();
        Ok(())
    }

    /// Ends the current gesture's step (the field lost focus, the drag ended).
    pub(crate) fn seal(&mut self) {
        self.history.seal();
    }

    pub fn undo(&mut self) -> Result<bool, EditError> {
        let changed = self.history.undo(&mut self.workspace)?;
        if changed {
            self.changed();
        }
        Ok(changed)
    }

    pub fn redo(&mut self) -> Result<bool, EditError> {
        let changed = self.history.redo(&mut self.workspace)?;
        if changed {
            self.changed();
        }
        Ok(changed)
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// What the next undo applies; see [`History::next_undo`].
    pub(crate) fn next_undo(&self) -> Option<&Edit> {
        self.history.next_undo()
    }

    pub(crate) fn next_redo(&self) -> Option<&Edit> {
        self.history.next_redo()
    }

    pub(crate) fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// True when the workspace changed since it was loaded, created or last saved.
    pub fn is_dirty(&self) -> bool {
        self.saved_serial != Some(self.history.current_serial())
    }

    /// Identifies the current state (see [`Self::still_applies`]).
    pub(crate) fn state(&self) -> u64 {
        self.history.current_serial()
    }

    /// Whether the step that led to `state` is still applied: not undone.
    pub(crate) fn still_applies(&self, state: u64) -> bool {
        self.history.applies(state)
    }

    /// Records that the current state is on disk.
    pub(crate) fn mark_saved(&mut self) {
        // Typing after a save must start a new step, or the saved state would be lost
        // inside a merged one.
        self.history.seal();
        self.saved_serial = Some(self.history.current_serial());
    }

    /// Replaces the workspace wholesale (a merge's result, restored work) as one undo
    /// step whose inverse is the whole old workspace: Ctrl+Z brings back what was there
    /// before. The session (and its generation) stays: this is the same work, changed.
    /// Opening another file is not this: that is a new session.
    pub(crate) fn replace_workspace(&mut self, workspace: Workspace) -> Result<(), EditError> {
        self.apply(Edit::Replace(Box::new(workspace)))
    }
}

/// Steps kept for undo; older ones are dropped (the dirty flag stays right, see
/// [`History`]).
const HISTORY_LIMIT: usize = 10_000;

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
            .apply_continuing(
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

    #[test]
    fn no_two_sessions_share_a_stamp() {
        let first = Session::new(Workspace::empty());
        let second = Session::new(Workspace::empty());
        assert_eq!(first.revision(), second.revision());
        assert_ne!(first.stamp(), second.stamp());
        let copy = first.clone();
        assert_ne!(copy.stamp(), first.stamp(), "a copy edits on its own");
        assert_eq!(copy.workspace(), first.workspace());
    }

    #[test]
    fn dropped_steps_keep_the_workspace_dirty() {
        let cluster = Cluster::default();
        let mut ws = Workspace::empty();
        ws.clusters.push(cluster.clone());
        let mut session = Session {
            history: History::with_limit(3),
            ..Session::new(ws)
        };
        session.mark_saved();
        for name in ["A", "B", "C", "D", "E"] {
            let renamed = Cluster {
                name: name.into(),
                ..cluster.clone()
            };
            session.apply(Edit::put(renamed)).unwrap();
        }
        while session.undo().unwrap() {}
        assert_eq!(session.workspace().clusters[0].name, "B");
        assert!(
            session.is_dirty(),
            "the saved state (no name) is no longer reachable by undo"
        );
        while session.redo().unwrap() {}
        assert!(session.is_dirty());
    }

    #[test]
    fn replacing_the_workspace_is_one_undo_step() {
        let mut session = Session::new(Workspace::empty());
        let stamp = session.stamp();
        session.apply(Edit::append(Cluster::default())).unwrap();
        let before = session.workspace().clone();
        let merged = crate::store::default_workspace();
        session.replace_workspace(merged.clone()).unwrap();
        assert_eq!(session.workspace(), &merged);
        assert!(session.is_dirty());
        assert!(session.undo().unwrap());
        assert_eq!(
            session.workspace(),
            &before,
            "undo brings the old workspace back"
        );
        assert!(session.undo().unwrap());
        assert!(!session.is_dirty(), "back at the state as loaded");
        assert!(session.redo().unwrap());
        assert!(session.redo().unwrap());
        assert_eq!(session.workspace(), &merged);
        assert_ne!(session.stamp(), stamp);
        // Edits after the replacement find their records in the new workspace.
        let first = merged.clusters[0].clone();
        session
            .apply(Edit::put(Cluster {
                name: "Hernoemd".into(),
                ..first
            }))
            .unwrap();
        assert_eq!(session.workspace().clusters[0].name, "Hernoemd");
        session.undo().unwrap();
        assert_eq!(session.workspace(), &merged);
    }

    #[test]
    fn a_continuing_gesture_is_one_step_until_sealed() {
        let mut session = Session::new(Workspace::empty());
        let cluster = Cluster::default();
        session.apply(Edit::append(cluster.clone())).unwrap();
        let key = CoalesceKey::Field(RecordKey::Cluster(cluster.id), "max_yearly_funding");
        for amount in [6, 65, 650, 6_500, 65_000, 650_000] {
            let typed = Cluster {
                max_yearly_funding: Some(Euro(amount)),
                ..cluster.clone()
            };
            session
                .apply_continuing(Edit::put(typed), key.clone())
                .unwrap();
        }
        session.seal();
        let again = Cluster {
            max_yearly_funding: Some(Euro(1)),
            ..cluster.clone()
        };
        session.apply_continuing(Edit::put(again), key).unwrap();
        session.undo().unwrap();
        assert_eq!(
            session.workspace().clusters[0].max_yearly_funding,
            Some(Euro(650_000))
        );
        session.undo().unwrap();
        assert_eq!(session.workspace().clusters[0].max_yearly_funding, None);
    }
}
