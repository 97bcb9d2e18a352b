//! Undo and redo, in the steps a person expects: typing into one field is one step
//! until the field is left, a drag is one step, a removal with everything that went
//! with it is one step.

use std::collections::VecDeque;

use super::edit::{Edit, EditError, RecordIndex, RecordKey, apply_indexed};
use super::workspace::Workspace;

/// Identifies "the same field of the same record", so consecutive edits to it
/// coalesce into one undo step.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CoalesceKey {
    Field(RecordKey, &'static str),
    Meta(&'static str),
}

#[derive(Clone, Debug)]
struct Step {
    /// Applying this undoes the step.
    inverse: Edit,
    key: Option<CoalesceKey>,
    /// Identifies the state after this step, for the dirty flag.
    serial: u64,
}

#[derive(Clone, Debug, Default)]
pub struct History {
    /// Oldest first: the limit drops from the front.
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    next_serial: u64,
    /// The serial of the state below the oldest kept step: 0 at the start, the
    /// dropped step's serial once the limit dropped one. Undoing as far as possible
    /// ends there, which is not the state at the start (nor a save before the dropped
    /// step), so the dirty flag must not read it as serial 0.
    floor: u64,
    /// Consecutive edits with the same key merge into the top step until sealed.
    open_key: Option<CoalesceKey>,
    limit: Option<usize>,
    /// Positions of the records the edits touch; a checked hint, so it stays correct
    /// even if this history is used with a workspace changed behind its back.
    index: RecordIndex,
}

impl History {
    /// A history that keeps at most `limit` undo steps.
    pub(crate) fn with_limit(limit: usize) -> Self {
        Self {
            limit: Some(limit),
            ..Self::default()
        }
    }

    /// Applies `edit` and records it. With a key equal to the open step's key, the
    /// edit joins that step instead of making a new one.
    pub fn apply(
        &mut self,
        ws: &mut Workspace,
        edit: Edit,
        key: Option<CoalesceKey>,
    ) -> Result<(), EditError> {
        let inverse = apply_indexed(ws, edit, &mut self.index)?;
        self.redo.clear();
        let joins = key.is_some() && key == self.open_key && !self.undo.is_empty();
        self.next_serial += 1;
        if joins {
            if let Some(top) = self.undo.back_mut() {
                // The top step's inverse already restores the state before the first
                // keystroke; only the serial moves on.
                top.serial = self.next_serial;
            }
        } else {
            self.undo.push_back(Step {
                inverse,
                key: key.clone(),
                serial: self.next_serial,
            });
            if let Some(limit) = self.limit
                && self.undo.len() > limit
                && let Some(dropped) = self.undo.pop_front()
            {
                self.floor = dropped.serial;
            }
        }
        self.open_key = key;
        Ok(())
    }

    /// Ends the open text step: the next edit starts a new one.
    pub(crate) fn seal(&mut self) {
        self.open_key = None;
    }

    pub fn undo(&mut self, ws: &mut Workspace) -> Result<bool, EditError> {
        self.seal();
        let Some(step) = self.undo.pop_back() else {
            return Ok(false);
        };
        let redo = match apply_indexed(ws, step.inverse.clone(), &mut self.index) {
            Ok(redo) => redo,
            Err(error) => {
                self.undo.push_back(step);
                return Err(error);
            }
        };
        self.redo.push(Step {
            inverse: redo,
            key: step.key,
            serial: step.serial,
        });
        Ok(true)
    }

    pub fn redo(&mut self, ws: &mut Workspace) -> Result<bool, EditError> {
        self.seal();
        let Some(step) = self.redo.pop() else {
            return Ok(false);
        };
        let undo = match apply_indexed(ws, step.inverse.clone(), &mut self.index) {
            Ok(undo) => undo,
            Err(error) => {
                self.redo.push(step);
                return Err(error);
            }
        };
        self.undo.push_back(Step {
            inverse: undo,
            key: step.key,
            serial: step.serial,
        });
        Ok(true)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// The edit the next undo will apply (the inverse of the last step), so the
    /// window can say what it undoes.
    pub(crate) fn next_undo(&self) -> Option<&Edit> {
        self.undo.back().map(|s| &s.inverse)
    }

    /// The edit the next redo will apply.
    pub(crate) fn next_redo(&self) -> Option<&Edit> {
        self.redo.last().map(|s| &s.inverse)
    }

    pub(crate) fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    #[cfg(test)] // Only the unit tests read it.
    pub(crate) fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Whether the step that led to state `serial` is still applied (on the undo
    /// stack): not undone, and not yet dropped by the limit.
    pub(crate) fn applies(&self, serial: u64) -> bool {
        self.undo.iter().any(|s| s.serial == serial)
    }

    /// Identifies the current state: equal serials mean equal workspaces.
    pub(crate) fn current_serial(&self) -> u64 {
        self.undo.back().map_or(self.floor, |s| s.serial)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn ws_with_cluster() -> (Workspace, Cluster) {
        let mut ws = Workspace::empty();
        let cluster = Cluster {
            id: ClusterId::from_u128(1),
            name: "Catalisti".into(),
            ..Cluster::default()
        };
        ws.clusters.push(cluster.clone());
        (ws, cluster)
    }

    fn rename(cluster: &Cluster, name: &str) -> Edit {
        Edit::put(Cluster {
            name: name.into(),
            ..cluster.clone()
        })
    }

    #[test]
    fn typing_in_one_field_is_one_undo_step() {
        let (mut ws, cluster) = ws_with_cluster();
        let mut history = History::default();
        let key = Some(CoalesceKey::Field(RecordKey::Cluster(cluster.id), "name"));
        for name in ["C", "Ca", "Cat", "Cata"] {
            history
                .apply(&mut ws, rename(&cluster, name), key.clone())
                .unwrap();
        }
        assert_eq!(history.undo_len(), 1);
        history.undo(&mut ws).unwrap();
        assert_eq!(ws.clusters[0].name, "Catalisti");
        history.redo(&mut ws).unwrap();
        assert_eq!(ws.clusters[0].name, "Cata");
    }

    #[test]
    fn sealing_or_another_field_starts_a_new_step() {
        let (mut ws, cluster) = ws_with_cluster();
        let mut history = History::default();
        let key = Some(CoalesceKey::Field(RecordKey::Cluster(cluster.id), "name"));
        history
            .apply(&mut ws, rename(&cluster, "A"), key.clone())
            .unwrap();
        history.seal();
        history
            .apply(&mut ws, rename(&cluster, "B"), key.clone())
            .unwrap();
        history
            .apply(
                &mut ws,
                rename(&cluster, "C"),
                Some(CoalesceKey::Field(RecordKey::Cluster(cluster.id), "note")),
            )
            .unwrap();
        history.apply(&mut ws, rename(&cluster, "D"), None).unwrap();
        history.apply(&mut ws, rename(&cluster, "E"), None).unwrap();
        assert_eq!(history.undo_len(), 5);
        let mut seen = Vec::new();
        while history.undo(&mut ws).unwrap() {
            seen.push(ws.clusters[0].name.clone());
        }
        assert_eq!(seen, ["D", "C", "B", "A", "Catalisti"]);
        assert!(!history.undo(&mut ws).unwrap());
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let (mut ws, cluster) = ws_with_cluster();
        let mut history = History::default();
        history.apply(&mut ws, rename(&cluster, "A"), None).unwrap();
        history.undo(&mut ws).unwrap();
        assert!(history.can_redo());
        history.apply(&mut ws, rename(&cluster, "B"), None).unwrap();
        assert!(!history.can_redo());
    }

    #[test]
    fn serials_follow_the_state_through_undo_and_redo() {
        let (mut ws, cluster) = ws_with_cluster();
        let mut history = History::default();
        let start = history.current_serial();
        history.apply(&mut ws, rename(&cluster, "A"), None).unwrap();
        let after_a = history.current_serial();
        assert_ne!(start, after_a);
        history.undo(&mut ws).unwrap();
        assert_eq!(history.current_serial(), start);
        history.redo(&mut ws).unwrap();
        assert_eq!(history.current_serial(), after_a);
    }

    #[test]
    fn the_limit_drops_the_oldest_steps() {
        let (mut ws, cluster) = ws_with_cluster();
        let mut history = History::with_limit(3);
        for name in ["A", "B", "C", "D", "E"] {
            history
                .apply(&mut ws, rename(&cluster, name), None)
                .unwrap();
        }
        assert_eq!(history.undo_len(), 3);
        while history.undo(&mut ws).unwrap() {}
        assert_eq!(ws.clusters[0].name, "B");
        assert_ne!(
            history.current_serial(),
            0,
            "the oldest state kept is not the state at the start"
        );
    }
}
