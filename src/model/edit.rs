//! Edits: every change to a workspace is a value. [`apply`] performs one and returns
//! its inverse, which is all undo, redo, the dirty flag and autosave need.

use super::conflict::{AnyRecord, MergeConflict};
// Defined beside the ids; named here too, where the edits that use it were.
pub use super::ids::RecordKey;
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
    Document(SourceDocument),
    Variant(Variant),
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
    /// Replace the whole workspace (a merge's result, restored work); its inverse is
    /// the whole old workspace, so undo brings it back in one step.
    Replace(Box<Workspace>),
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("het record bestaat niet (meer): {0:?}")]
    Missing(RecordKey),
    #[error("er bestaat al een record met dit id: {0:?}")]
    Duplicate(RecordKey),
}

impl From<AnyRecord> for Record {
    fn from(record: AnyRecord) -> Record {
        match record {
            AnyRecord::Cluster(r) => Record::Cluster(r),
            AnyRecord::Scenario(r) => Record::Scenario(r),
            AnyRecord::Assignment(r) => Record::Assignment(r),
            AnyRecord::Argument(r) => Record::Argument(r),
            AnyRecord::Body(r) => Record::Body(r),
            AnyRecord::Theme(r) => Record::Theme(r),
            AnyRecord::Rule(r) => Record::Rule(r),
            AnyRecord::Document(r) => Record::Document(r),
            AnyRecord::Variant(r) => Record::Variant(r),
        }
    }
}

impl Record {
    /// The record as a conflict can hold it; `None` for a conflict itself.
    pub fn plain(self) -> Option<AnyRecord> {
        Some(match self {
            Record::Cluster(r) => AnyRecord::Cluster(r),
            Record::Scenario(r) => AnyRecord::Scenario(r),
            Record::Assignment(r) => AnyRecord::Assignment(r),
            Record::Argument(r) => AnyRecord::Argument(r),
            Record::Body(r) => AnyRecord::Body(r),
            Record::Theme(r) => AnyRecord::Theme(r),
            Record::Rule(r) => AnyRecord::Rule(r),
            Record::Document(r) => AnyRecord::Document(r),
            Record::Variant(r) => AnyRecord::Variant(r),
            Record::Conflict(_) => return None,
        })
    }

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
            Record::Document(r) => RecordKey::Document(r.id),
            Record::Variant(r) => RecordKey::Variant(r.id),
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
            RecordKey::Document($id) => {
                let $list = &mut $ws.documents;
                let $wrap = Record::Document;
                $body
            }
            RecordKey::Variant($id) => {
                let $list = &mut $ws.variants;
                let $wrap = Record::Variant;
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
            Record::Document($item) => {
                let $list = &mut $ws.documents;
                $body
            }
            Record::Variant($item) => {
                let $list = &mut $ws.variants;
                $body
            }
        }
    };
}

/// Applies an edit and returns the edit that undoes it. On error the workspace is
/// unchanged (a failing batch is rolled back). Finds records by scanning their list;
/// [`apply_indexed`] is the same with a [`RecordIndex`] for repeated edits.
pub fn apply(ws: &mut Workspace, edit: Edit) -> Result<Edit, EditError> {
    apply_indexed(ws, edit, &mut RecordIndex::scanning())
}

/// Where each record sits in its list, so an edit finds its record in constant time
/// instead of scanning 20 000 arguments (the undo history applies thousands).
///
/// Only a hint: every position is checked against the record's id before use, and a
/// stale one rebuilds that kind's map. The index can therefore never make an edit hit
/// the wrong record, even if the workspace was changed without it.
#[derive(Clone, Debug)]
pub struct RecordIndex {
    /// Per record kind (see [`RecordKey::kind`]); `None` until first needed.
    kinds: [Option<std::collections::HashMap<RecordKey, usize>>; RecordKey::KINDS],
    /// Off: always scan (one-off edits, where building a map costs more than it saves).
    active: bool,
}

impl Default for RecordIndex {
    fn default() -> Self {
        Self::new()
    }
}

impl RecordIndex {
    /// An index that builds its maps on first use.
    pub fn new() -> Self {
        Self {
            kinds: Default::default(),
            active: true,
        }
    }

    fn scanning() -> Self {
        Self {
            kinds: Default::default(),
            active: false,
        }
    }

    /// Forgets every position (the workspace was replaced).
    pub fn clear(&mut self) {
        self.kinds = Default::default();
    }

    fn find<T: Keyed>(&mut self, list: &[T], key: RecordKey) -> Option<usize> {
        if !self.active {
            return list.iter().position(|r| r.record_key() == key);
        }
        let map = &mut self.kinds[key.kind()];
        if let Some(map) = map
            && let Some(&hint) = map.get(&key)
            && list.get(hint).is_some_and(|r| r.record_key() == key)
        {
            return Some(hint);
        }
        // Unknown or stale. An id that is not there (a new record's duplicate check)
        // costs one scan and leaves the map alone; one that moved rebuilds the map.
        let found = list.iter().position(|r| r.record_key() == key)?;
        *map = Some(
            list.iter()
                .enumerate()
                .map(|(i, r)| (r.record_key(), i))
                .collect(),
        );
        Some(found)
    }

    fn placed(&mut self, key: RecordKey, index: usize) {
        if let Some(map) = &mut self.kinds[key.kind()] {
            map.insert(key, index);
        }
    }

    fn removed(&mut self, key: RecordKey) {
        if let Some(map) = &mut self.kinds[key.kind()] {
            map.remove(&key);
        }
    }
}

impl RecordKey {
    const KINDS: usize = 10;

    fn kind(self) -> usize {
        match self {
            RecordKey::Cluster(_) => 0,
            RecordKey::Scenario(_) => 1,
            RecordKey::Assignment(_) => 2,
            RecordKey::Argument(_) => 3,
            RecordKey::Body(_) => 4,
            RecordKey::Theme(_) => 5,
            RecordKey::Rule(_) => 6,
            RecordKey::Conflict(_) => 7,
            RecordKey::Document(_) => 8,
            RecordKey::Variant(_) => 9,
        }
    }
}

/// [`apply`] with an index that is kept up to date across calls.
pub fn apply_indexed(
    ws: &mut Workspace,
    edit: Edit,
    index: &mut RecordIndex,
) -> Result<Edit, EditError> {
    match edit {
        Edit::Put(record) => {
            let key = record.key();
            with_record!(ws, record, |list, item| {
                let at = index.find(list, key).ok_or(EditError::Missing(key))?;
                let slot = list.get_mut(at).ok_or(EditError::Missing(key))?;
                let old = std::mem::replace(slot, item);
                Ok(Edit::Put(old.into_record()))
            })
        }
        Edit::Insert { record, index: at } => {
            let key = record.key();
            with_record!(ws, record, |list, item| {
                if index.find(list, key).is_some() {
                    return Err(EditError::Duplicate(key));
                }
                let at = at.min(list.len());
                list.insert(at, item);
                index.placed(key, at);
                Ok(Edit::Remove(key))
            })
        }
        Edit::Remove(key) => dispatch!(ws, key, |list, _id, wrap| {
            let at = index.find(list, key).ok_or(EditError::Missing(key))?;
            let removed = list.remove(at);
            index.removed(key);
            Ok(Edit::Insert {
                record: wrap(removed),
                index: at,
            })
        }),
        Edit::Move { key, to } => dispatch!(ws, key, |list, _id, _wrap| {
            let from = index.find(list, key).ok_or(EditError::Missing(key))?;
            let item = list.remove(from);
            let to = to.min(list.len());
            list.insert(to, item);
            index.placed(key, to);
            Ok(Edit::Move { key, to: from })
        }),
        Edit::SetMeta(meta) => {
            let old = std::mem::replace(&mut ws.meta, *meta);
            Ok(Edit::SetMeta(Box::new(old)))
        }
        Edit::Replace(workspace) => {
            let old = std::mem::replace(ws, *workspace);
            // Every position the index knew belongs to the old workspace.
            index.clear();
            Ok(Edit::Replace(Box::new(old)))
        }
        Edit::Batch(edits) => {
            let mut inverses = Vec::with_capacity(edits.len());
            for edit in edits {
                match apply_indexed(ws, edit, index) {
                    Ok(inverse) => inverses.push(inverse),
                    Err(error) => {
                        // Roll back what this batch already did, newest first.
                        for inverse in inverses.into_iter().rev() {
                            let _ = apply_indexed(ws, inverse, index);
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

/// The key of a record in its list, for [`RecordIndex`].
trait Keyed {
    fn record_key(&self) -> RecordKey;
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
        impl Keyed for $ty {
            fn record_key(&self) -> RecordKey { RecordKey::$variant(self.id) }
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
    MergeConflict => Conflict,
    SourceDocument => Document,
    Variant => Variant
);

impl Edit {
    /// Adds a record at the end of its list.
    pub(crate) fn append(record: impl Into<Record>) -> Edit {
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
    use crate::model::ids::*;

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

    #[test]
    fn the_index_gives_the_same_results_as_scanning_through_moves_and_removals() {
        // A deterministic shuffle of inserts, moves, removals, puts and their undos:
        // every step must leave the indexed workspace equal to the scanned one, and
        // fail in the same way.
        let mut indexed = sample();
        let mut scanned = sample();
        let mut index = RecordIndex::new();
        let mut rng = fastrand::Rng::with_seed(7);
        let mut undo: Vec<Edit> = Vec::new();
        for step in 0..2_000u32 {
            let ids: Vec<ClusterId> = scanned.clusters.iter().map(|c| c.id).collect();
            let pick = |rng: &mut fastrand::Rng| {
                if ids.is_empty() || rng.u8(0..10) == 0 {
                    // Sometimes a record that is not (or no longer) there.
                    ClusterId::from_u128(u128::from(rng.u32(1..400)))
                } else {
                    ids[rng.usize(0..ids.len())]
                }
            };
            let edit = match rng.u8(0..6) {
                0 => Edit::Insert {
                    record: Record::Cluster(Cluster {
                        id: ClusterId::from_u128(u128::from(rng.u32(1..400))),
                        name: format!("nieuw {step}"),
                        ..Cluster::default()
                    }),
                    index: rng.usize(0..=ids.len() + 1),
                },
                1 => Edit::Move {
                    key: RecordKey::Cluster(pick(&mut rng)),
                    to: rng.usize(0..=ids.len()),
                },
                2 => Edit::Remove(RecordKey::Cluster(pick(&mut rng))),
                3 => Edit::put(Cluster {
                    id: pick(&mut rng),
                    name: format!("hernoemd {step}"),
                    ..Cluster::default()
                }),
                4 => Edit::Batch(vec![
                    Edit::Move {
                        key: RecordKey::Cluster(pick(&mut rng)),
                        to: 0,
                    },
                    Edit::Remove(RecordKey::Cluster(pick(&mut rng))),
                ]),
                _ => match undo.pop() {
                    Some(inverse) => inverse,
                    None => continue,
                },
            };
            let with_index = apply_indexed(&mut indexed, edit.clone(), &mut index);
            let with_scan = apply(&mut scanned, edit);
            assert_eq!(with_index, with_scan, "step {step}");
            assert_eq!(indexed, scanned, "step {step}");
            if let Ok(inverse) = with_scan {
                undo.push(inverse);
            }
        }
    }

    #[test]
    fn the_index_survives_a_workspace_changed_behind_its_back() {
        let mut ws = sample();
        let mut index = RecordIndex::new();
        let flux = ws.clusters[1].clone();
        apply_indexed(&mut ws, Edit::put(flux.clone()), &mut index).unwrap();
        // Someone reorders the list without telling the index.
        ws.clusters.reverse();
        let renamed = Cluster {
            name: "Flux 50".into(),
            ..flux
        };
        apply_indexed(&mut ws, Edit::put(renamed), &mut index).unwrap();
        let names: Vec<&str> = ws.clusters.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["VIL", "Flux 50", "Catalisti"]);
    }
}
