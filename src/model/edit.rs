//! Edits: every change to a workspace is a value. [`apply`] performs one and returns
//! its inverse, which is all undo, redo, the dirty flag and autosave need.

use super::ids::*;
use super::merge::MergeConflict;
use super::workspace::*;

/// One record of any kind, whole.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Record {
    Cluster(Cluster),
    Scenario(Scenario),
    Assignment(Assignment),
    Argument(Argument),
    Body(AdvisoryBody),
    Theme(Theme),
    Rule(CompatibilityRule),
    Conflict(MergeConflict),
}

/// The id of one record of any kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum RecordKey {
    Cluster(ClusterId),
    Scenario(ScenarioId),
    Assignment(AssignmentId),
    Argument(ArgumentId),
    Body(BodyId),
    Theme(ThemeId),
    Rule(RuleId),
    Conflict(ConflictId),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Replace the record with the same id.
    Put(Record),
    /// Add a record at a position (clamped to the list's length).
    Insert { record: Record, index: usize },
    /// Remove a record. Use [`crate::model::rules::removal`] to take its dependants along.
    Remove(RecordKey),
    /// Move a record to a position in its list.
    Move { key: RecordKey, to: usize },
    /// Replace the metadata and texts.
    SetMeta(Box<Metadata>),
    /// Several edits as one undo step, applied in order.
    Batch(Vec<Edit>),
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("het record bestaat niet (meer): {0:?}")]
    Missing(RecordKey),
    #[error("er bestaat al een record met dit id: {0:?}")]
    Duplicate(RecordKey),
}

impl Record {
    pub fn key(&self) -> RecordKey {
        match self {
            Record::Cluster(r) => RecordKey::Cluster(r.id),
            Record::Scenario(r) => RecordKey::Scenario(r.id),
            Record::Assignment(r) => RecordKey::Assignment(r.id),
            Record::Argument(r) => RecordKey::Argument(r.id),
            Record::Body(r) => RecordKey::Body(r.id),
            Record::Theme(r) => RecordKey::Theme(r.id),
            Record::Rule(r) => RecordKey::Rule(r.id),
            Record::Conflict(r) => RecordKey::Conflict(r.id),
        }
    }
}

macro_rules! dispatch {
    // Runs `$body` with `$list` bound to the workspace list of the key's kind and
    // `$wrap` the Record constructor for that kind.
    ($ws:expr, $key:expr, |$list:ident, $id:ident, $wrap:ident| $body:expr) => {
        match $key {
            RecordKey::Cluster($id) => {
                let $list = &mut $ws.clusters;
                let $wrap = Record::Cluster;
                $body
            }
            RecordKey::Scenario($id) => {
                let $list = &mut $ws.scenarios;
                let $wrap = Record::Scenario;
                $body
            }
            RecordKey::Assignment($id) => {
                let $list = &mut $ws.assignments;
                let $wrap = Record::Assignment;
                $body
            }
            RecordKey::Argument($id) => {
                let $list = &mut $ws.arguments;
                let $wrap = Record::Argument;
                $body
            }
            RecordKey::Body($id) => {
                let $list = &mut $ws.bodies;
                let $wrap = Record::Body;
                $body
            }
            RecordKey::Theme($id) => {
                let $list = &mut $ws.themes;
                let $wrap = Record::Theme;
                $body
            }
            RecordKey::Rule($id) => {
                let $list = &mut $ws.rules;
                let $wrap = Record::Rule;
                $body
            }
            RecordKey::Conflict($id) => {
                let $list = &mut $ws.conflicts;
                let $wrap = Record::Conflict;
                $body
            }
        }
    };
}

macro_rules! with_record {
    // Runs `$body` with `$list` the list of the record's kind and `$item` the record.
    ($ws:expr, $record:expr, |$list:ident, $item:ident| $body:expr) => {
        match $record {
            Record::Cluster($item) => {
                let $list = &mut $ws.clusters;
                $body
            }
            Record::Scenario($item) => {
                let $list = &mut $ws.scenarios;
                $body
            }
            Record::Assignment($item) => {
                let $list = &mut $ws.assignments;
                $body
            }
            Record::Argument($item) => {
                let $list = &mut $ws.arguments;
                $body
            }
            Record::Body($item) => {
                let $list = &mut $ws.bodies;
                $body
            }
            Record::Theme($item) => {
                let $list = &mut $ws.themes;
                $body
            }
            Record::Rule($item) => {
                let $list = &mut $ws.rules;
                $body
            }
            Record::Conflict($item) => {
                let $list = &mut $ws.conflicts;
                $body
            }
        }
    };
}

/// Applies an edit and returns the edit that undoes it. On error the workspace is
/// unchanged (a failing batch is rolled back).
pub fn apply(ws: &mut Workspace, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::Put(record) => {
            let key = record.key();
            with_record!(ws, record, |list, item| {
                let slot = list
                    .iter_mut()
                    .find(|r| r.id == item.id)
                    .ok_or(EditError::Missing(key))?;
                let old = std::mem::replace(slot, item);
                Ok(Edit::Put(old.into_record()))
            })
        }
        Edit::Insert { record, index } => {
            let key = record.key();
            with_record!(ws, record, |list, item| {
                if list.iter().any(|r| r.id == item.id) {
                    return Err(EditError::Duplicate(key));
                }
                let index = index.min(list.len());
                list.insert(index, item);
                Ok(Edit::Remove(key))
            })
        }
        Edit::Remove(key) => dispatch!(ws, key, |list, id, wrap| {
            let index = list
                .iter()
                .position(|r| r.id == id)
                .ok_or(EditError::Missing(key))?;
            let removed = list.remove(index);
            Ok(Edit::Insert {
                record: wrap(removed),
                index,
            })
        }),
        Edit::Move { key, to } => dispatch!(ws, key, |list, id, _wrap| {
            let from = list
                .iter()
                .position(|r| r.id == id)
                .ok_or(EditError::Missing(key))?;
            let item = list.remove(from);
            let to = to.min(list.len());
            list.insert(to, item);
            Ok(Edit::Move { key, to: from })
        }),
        Edit::SetMeta(meta) => {
            let old = std::mem::replace(&mut ws.meta, *meta);
            Ok(Edit::SetMeta(Box::new(old)))
        }
        Edit::Batch(edits) => {
            let mut inverses = Vec::with_capacity(edits.len());
            for edit in edits {
                match apply(ws, edit) {
                    Ok(inverse) => inverses.push(inverse),
                    Err(error) => {
                        // Roll back what this batch already did, newest first.
                        for inverse in inverses.into_iter().rev() {
                            let _ = apply(ws, inverse);
                        }
                        return Err(error);
                    }
                }
            }
            inverses.reverse();
            Ok(Edit::Batch(inverses))
        }
    }
}

trait IntoRecord {
    fn into_record(self) -> Record;
}

macro_rules! into_record {
    ($($ty:ty => $variant:ident),*) => {$(
        impl IntoRecord for $ty {
            fn into_record(self) -> Record { Record::$variant(self) }
        }
        impl From<$ty> for Record {
            fn from(value: $ty) -> Record { Record::$variant(value) }
        }
    )*};
}

into_record!(
    Cluster => Cluster,
    Scenario => Scenario,
    Assignment => Assignment,
    Argument => Argument,
    AdvisoryBody => Body,
    Theme => Theme,
    CompatibilityRule => Rule,
    MergeConflict => Conflict
);

impl Edit {
    /// A short Dutch description for the undo menu ("Ongedaan maken: …").
    pub fn describe(&self) -> &'static str {
        match self {
            Edit::Put(_) | Edit::SetMeta(_) => "wijziging",
            Edit::Insert { .. } => "toevoegen",
            Edit::Remove(_) => "verwijderen",
            Edit::Move { .. } => "verplaatsen",
            Edit::Batch(_) => "meerdere wijzigingen",
        }
    }

    /// Adds a record at the end of its list.
    pub fn append(record: impl Into<Record>) -> Edit {
        Edit::Insert {
            record: record.into(),
            index: usize::MAX,
        }
    }

    pub fn put(record: impl Into<Record>) -> Edit {
        Edit::Put(record.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Euro;

    fn sample() -> Workspace {
        let mut ws = Workspace::empty();
        for (i, name) in ["Catalisti", "Flux50", "VIL"].into_iter().enumerate() {
            ws.clusters.push(Cluster {
                id: ClusterId::from_u128(i as u128 + 1),
                name: name.to_owned(),
                ..Cluster::default()
            });
        }
        ws.scenarios.push(Scenario {
            id: ScenarioId::from_u128(10),
            number: 1,
            ..Scenario::default()
        });
        ws
    }

    fn round_trip(edit: Edit) {
        let mut ws = sample();
        let before = ws.clone();
        let inverse = apply(&mut ws, edit.clone()).expect("edit applies");
        assert_ne!(ws, before, "the edit changed nothing: {edit:?}");
        let redo = apply(&mut ws, inverse).expect("inverse applies");
        assert_eq!(ws, before, "undo did not restore: {edit:?}");
        apply(&mut ws, redo).expect("redo applies");
        let mut expected = before.clone();
        apply(&mut expected, edit).expect("edit applies again");
        assert_eq!(ws, expected, "redo differs from the edit");
    }

    #[test]
    fn every_kind_of_edit_undoes_and_redoes() {
        let cluster = ClusterId::from_u128(2);
        round_trip(Edit::put(Cluster {
            id: cluster,
            name: "Flux50 vernieuwd".into(),
            max_yearly_funding: Some(Euro(650_000)),
            ..Cluster::default()
        }));
        round_trip(Edit::Insert {
            record: Record::Cluster(Cluster {
                id: ClusterId::from_u128(99),
                name: "MEDVIA".into(),
                ..Cluster::default()
            }),
            index: 1,
        });
        round_trip(Edit::Remove(RecordKey::Cluster(cluster)));
        round_trip(Edit::Move {
            key: RecordKey::Cluster(ClusterId::from_u128(1)),
            to: 2,
        });
        round_trip(Edit::SetMeta(Box::new(Metadata {
            subject: "Betreft: iets anders".into(),
            ..Metadata::default()
        })));
        round_trip(Edit::append(Assignment {
            cluster,
            scenario: ScenarioId::from_u128(10),
            ..Assignment::default()
        }));
        round_trip(Edit::append(Argument {
            text: "Een argument".into(),
            ..Argument::default()
        }));
        round_trip(Edit::append(AdvisoryBody {
            short_name: "SERV".into(),
            ..AdvisoryBody::default()
        }));
        round_trip(Edit::append(Theme {
            name: "Ruimtevaart".into(),
            ..Theme::default()
        }));
        round_trip(Edit::append(CompatibilityRule::default()));
        round_trip(Edit::put(Scenario {
            id: ScenarioId::from_u128(10),
            number: 1,
            title: "Commercieel".into(),
            ..Scenario::default()
        }));
        round_trip(Edit::Batch(vec![
            Edit::Remove(RecordKey::Cluster(cluster)),
            Edit::Move {
                key: RecordKey::Cluster(ClusterId::from_u128(3)),
                to: 0,
            },
        ]));
    }

    #[test]
    fn a_failing_batch_leaves_the_workspace_untouched() {
        let mut ws = sample();
        let before = ws.clone();
        let result = apply(
            &mut ws,
            Edit::Batch(vec![
                Edit::Remove(RecordKey::Cluster(ClusterId::from_u128(1))),
                Edit::Remove(RecordKey::Cluster(ClusterId::from_u128(404))),
            ]),
        );
        assert_eq!(
            result,
            Err(EditError::Missing(RecordKey::Cluster(
                ClusterId::from_u128(404)
            )))
        );
        assert_eq!(ws, before);
    }

    #[test]
    fn inserting_a_duplicate_id_is_refused() {
        let mut ws = sample();
        let dup = ws.clusters[0].clone();
        assert!(matches!(
            apply(&mut ws, Edit::append(dup)),
            Err(EditError::Duplicate(_))
        ));
        assert_eq!(ws.clusters.len(), 3);
    }

    #[test]
    fn put_of_a_missing_record_is_an_error() {
        let mut ws = sample();
        let ghost = Cluster {
            id: ClusterId::from_u128(404),
            ..Cluster::default()
        };
        assert!(apply(&mut ws, Edit::put(ghost)).is_err());
    }
}
