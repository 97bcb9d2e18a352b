//! Merging two copies of a workspace that colleagues edited apart.
//!
//! Records are matched by their stable id; ids are made unique first (`ids.rs`), so
//! two records that share one are never merged as one. What either side added is
//! kept. A deletion holds only when the other side left that record as it was. A
//! field changed differently on both sides is a [`MergeConflict`]: the merged
//! workspace keeps MINE's value and stores both values and THEIRS' whole record beside
//! it, so nothing is dropped and a person decides. With the common ancestor (`base`)
//! the merge is three-way; without it every field that differs is a conflict rather
//! than a guess.
//!
//! A question already open in either copy is not asked again, so merging the same
//! copy twice gives the same file as merging it once.

mod fields;
mod ids;
mod resolve;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

pub use self::fields::{conflict_values, record_field, record_of};
pub use self::ids::{IdKind, IdRepair, Input};
pub use self::resolve::{ResolveError, resolve, resolve_all};
// The conflict record lives beside the other records; its old paths keep working.
pub use super::conflict::{
    AnyRecord, ConflictQuestion, ConflictTarget, ConflictValue, ConflictValues, FieldValue,
    MergeConflict, Side,
};

pub(crate) use self::fields::{Fields, Listed};
use super::workspace::*;

/// Counts relative to MINE: what the merge brought into the first file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeSummary {
    /// Records THEIRS added (or kept while MINE deleted them after a change).
    pub added: usize,
    /// Records of MINE that took over a change from THEIRS (metadata counts as one).
    pub changed: usize,
    /// Records of MINE removed because THEIRS deleted them and MINE had not changed them.
    pub removed: usize,
    /// Conflicts this merge stored (not those already open in either copy).
    pub conflicts: usize,
    /// Conflicts open in the merged workspace, those already stored included.
    pub open: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MergeResult {
    /// The merged workspace, with the new conflicts appended to its `conflicts`.
    pub workspace: Workspace,
    pub summary: MergeSummary,
    /// The conflicts this merge stored (also in `workspace.conflicts`).
    pub conflicts: Vec<MergeConflict>,
    /// Records that shared an id with another of their kind and got a new one.
    pub repairs: Vec<IdRepair>,
}

#[derive(Default)]
struct Tally {
    summary: MergeSummary,
    conflicts: Vec<MergeConflict>,
}

impl Tally {
    fn conflict(
        &mut self,
        target: ConflictTarget,
        field: Option<&str>,
        kept: Side,
        values: Option<ConflictValues>,
        alternative: Option<ConflictValue>,
    ) {
        self.conflicts.push(MergeConflict::new(
            target,
            field.map(str::to_owned),
            kept,
            values,
            alternative,
        ));
    }
}

fn merge_list<T: Listed>(
    base: Option<&[T]>,
    mine: &[T],
    theirs: &[T],
    tally: &mut Tally,
) -> Vec<T> {
    let index = |list: &[T]| -> HashMap<T::Id, usize> {
        list.iter().enumerate().map(|(i, r)| (r.id(), i)).collect()
    };
    let base_index = base.map(index);
    let base_of = |id: T::Id| -> Option<&T> {
        let i = *base_index.as_ref()?.get(&id)?;
        base?.get(i)
    };
    let theirs_index = index(theirs);
    let mine_ids: HashSet<T::Id> = mine.iter().map(Listed::id).collect();
    let mut out = Vec::with_capacity(mine.len().max(theirs.len()));

    for m in mine {
        let theirs_record = theirs_index.get(&m.id()).and_then(|i| theirs.get(*i));
        match theirs_record {
            Some(t) => {
                let (merged, fields) = T::merge_fields(base_of(m.id()), m, t);
                if merged != *m {
                    tally.summary.changed += 1;
                }
                for (field, values) in fields {
                    tally.conflict(
                        ConflictTarget::Record(m.key()),
                        Some(field),
                        Side::Mine,
                        Some(values),
                        Some(ConflictValue::Record(Box::new(t.clone().wrap()))),
                    );
                }
                out.push(merged);
            }
            None if base.is_some() => match base_of(m.id()) {
                // THEIRS deleted it and MINE did not touch it: the deletion holds.
                Some(b) if b == m => tally.summary.removed += 1,
                Some(_) => {
                    tally.conflict(
                        ConflictTarget::Record(m.key()),
                        None,
                        Side::Mine,
                        None,
                        None,
                    );
                    out.push(m.clone());
                }
                // Added by MINE.
                None => out.push(m.clone()),
            },
            // Without a base nobody can tell an addition from a deletion: keep it.
            None => out.push(m.clone()),
        }
    }

    for t in theirs.iter().filter(|t| !mine_ids.contains(&t.id())) {
        match base_of(t.id()) {
            // MINE deleted it and THEIRS did not touch it: the deletion holds.
            Some(b) if b == t => {}
            Some(_) => {
                tally.summary.added += 1;
                tally.conflict(
                    ConflictTarget::Record(t.key()),
                    None,
                    Side::Theirs,
                    None,
                    None,
                );
                out.push(t.clone());
            }
            None => {
                tally.summary.added += 1;
                out.push(t.clone());
            }
        }
    }
    out
}

/// A stored conflict as this merge compares it: with both values (read from the
/// records for a file that did not store them) and the id its question gives.
fn settled(ws: &Workspace, conflict: &MergeConflict) -> MergeConflict {
    MergeConflict::new(
        conflict.target,
        conflict.field.clone(),
        conflict.kept,
        conflict_values(ws, conflict),
        conflict.alternative.clone(),
    )
}

/// Merges THEIRS into MINE, three-way when `base` (the common ancestor) is given.
/// Pure: the caller reads and writes the files.
pub fn merge(base: Option<&Workspace>, mine: &Workspace, theirs: &Workspace) -> MergeResult {
    let mut repairs = Vec::new();
    let base = base.map(|b| ids::settle(b, Input::Base, &mut repairs));
    let base = base.as_deref();
    let mine = ids::settle(mine, Input::Mine, &mut repairs);
    let theirs = ids::settle(theirs, Input::Theirs, &mut repairs);
    let (mine, theirs) = (mine.as_ref(), theirs.as_ref());

    // Exhaustive on purpose: a new record list must be merged below.
    let Workspace {
        meta: _,
        clusters: _,
        scenarios: _,
        assignments: _,
        arguments: _,
        bodies: _,
        themes: _,
        rules: _,
        documents: _,
        variants: _,
        conflicts: _,
    } = mine;
    let mut tally = Tally::default();

    let (meta, meta_fields) =
        Metadata::merge_fields(base.map(|b| &b.meta), &mine.meta, &theirs.meta);
    if meta != mine.meta {
        tally.summary.changed += 1;
    }
    for (field, values) in meta_fields {
        tally.conflict(
            ConflictTarget::Meta,
            Some(field),
            Side::Mine,
            Some(values),
            Some(ConflictValue::Meta(Box::new(theirs.meta.clone()))),
        );
    }

    macro_rules! lists {
        ($($list:ident),*) => {$(
            let $list = merge_list(
                base.map(|b| b.$list.as_slice()),
                &mine.$list,
                &theirs.$list,
                &mut tally,
            );
        )*};
    }
    lists!(
        clusters,
        scenarios,
        assignments,
        arguments,
        bodies,
        themes,
        rules,
        documents,
        variants
    );

    // Conflicts still open in either copy stay open, each question once: the same
    // copy merged again finds its conflicts again, and they are already stored.
    let mut asked = HashSet::new();
    let mut conflicts = Vec::new();
    let stored = (mine.conflicts.iter().map(|c| settled(mine, c)))
        .chain(theirs.conflicts.iter().map(|c| settled(theirs, c)));
    for conflict in stored {
        if asked.insert(conflict.question()) {
            conflicts.push(conflict);
        }
    }
    let mut new = Vec::new();
    for conflict in tally.conflicts {
        if asked.insert(conflict.question()) {
            conflicts.push(conflict.clone());
            new.push(conflict);
        }
    }
    let mut summary = tally.summary;
    summary.conflicts = new.len();
    summary.open = conflicts.len();

    MergeResult {
        workspace: Workspace {
            meta,
            clusters,
            scenarios,
            assignments,
            arguments,
            bodies,
            themes,
            rules,
            documents,
            variants,
            conflicts,
        },
        summary,
        conflicts: new,
        repairs,
    }
}
