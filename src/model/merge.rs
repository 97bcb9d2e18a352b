//! Merging two copies of a workspace that colleagues edited apart.
//!
//! Records are matched by their stable id. What either side added is kept. A deletion
//! holds only when the other side left that record as it was. A field changed
//! differently on both sides is a [`MergeConflict`]: the merged workspace keeps MINE's
//! value and stores THEIRS' whole record beside it, so nothing is dropped and a person
//! decides. With the common ancestor (`base`) the merge is three-way; without it every
//! field that differs is a conflict rather than a guess.
//!
//! Comparison is per struct field, listed in one macro per record type that also
//! destructures the type without `..`: a field added later stops the build until it
//! is listed, so no field can be silently left out of the merge.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use serde::{Deserialize, Serialize};

use super::edit::{Edit, Record, RecordKey, apply};
use super::ids::*;
use super::rules::removal;
use super::workspace::*;

/// One of the two copies being merged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    /// The copy the merge started from (MINE, the first file).
    Mine,
    /// The colleague's copy (THEIRS, the second file).
    Theirs,
}

impl Side {
    pub fn dutch(self) -> &'static str {
        match self {
            Side::Mine => "jouw versie",
            Side::Theirs => "de andere versie",
        }
    }

    fn other(self) -> Side {
        match self {
            Side::Mine => Side::Theirs,
            Side::Theirs => Side::Mine,
        }
    }
}

/// What a conflict is about: the texts and settings, or one record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConflictTarget {
    Meta,
    Record(RecordKey),
}

/// The other side's value, whole, so choosing it needs nothing but the merged file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ConflictValue {
    Meta(Box<Metadata>),
    Record(Box<Record>),
}

/// A disagreement between the two copies, stored in the merged workspace until a
/// person picks a side.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MergeConflict {
    pub id: ConflictId,
    pub target: ConflictTarget,
    /// The field both sides changed differently; `None` when one side deleted the
    /// record and the other changed it.
    pub field: Option<String>,
    /// For people, in Dutch: which record, which field, both values.
    pub description: String,
    /// Whose value the merged workspace holds now.
    pub kept: Side,
    /// The other side's whole record or metadata; `None` when that side deleted it.
    pub alternative: Option<ConflictValue>,
}

/// Counts relative to MINE: what the merge brought into the first file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeSummary {
    /// Records THEIRS added (or kept while MINE deleted them after a change).
    pub added: usize,
    /// Records of MINE that took over a change from THEIRS (metadata counts as one).
    pub changed: usize,
    /// Records of MINE removed because THEIRS deleted them and MINE had not changed them.
    pub removed: usize,
    pub conflicts: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MergeResult {
    /// The merged workspace, with the new conflicts appended to its `conflicts`.
    pub workspace: Workspace,
    pub summary: MergeSummary,
    /// The conflicts this merge found (also in `workspace.conflicts`).
    pub conflicts: Vec<MergeConflict>,
}

enum Pick {
    Mine,
    Theirs,
    Conflict,
}

fn pick<T: PartialEq>(base: Option<&T>, mine: &T, theirs: &T) -> Pick {
    if mine == theirs {
        return Pick::Mine;
    }
    match base {
        Some(b) if b == mine => Pick::Theirs,
        Some(b) if b == theirs => Pick::Mine,
        _ => Pick::Conflict,
    }
}

/// A value as short RON text for a conflict's description.
fn show<T: Serialize>(value: &T) -> String {
    let text = ron::to_string(value).unwrap_or_else(|_| "?".to_owned());
    let mut short: String = text.chars().take(80).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

/// Field-wise merge of one record type.
trait Fields: Clone + PartialEq {
    /// The merged value and the fields in conflict (MINE's value kept), each with a
    /// Dutch description of both values.
    fn merge_fields(
        base: Option<&Self>,
        mine: &Self,
        theirs: &Self,
    ) -> (Self, Vec<(&'static str, String)>);
    /// Copies one named field from `from`; false for an unknown name.
    fn copy_field(&mut self, from: &Self, field: &str) -> bool;
}

macro_rules! fields {
    ($($ty:ident { $($field:ident),* $(,)? })*) => {$(
        impl Fields for $ty {
            fn merge_fields(base: Option<&Self>, mine: &Self, theirs: &Self) -> (Self, Vec<(&'static str, String)>) {
                // Exhaustive on purpose (no `..`): a new field must be listed above.
                let $ty { $($field: _),* } = mine;
                let mut merged = mine.clone();
                let mut conflicts = Vec::new();
                $(
                    match pick(base.map(|b| &b.$field), &mine.$field, &theirs.$field) {
                        Pick::Mine => {}
                        Pick::Theirs => merged.$field = theirs.$field.clone(),
                        Pick::Conflict => conflicts.push((
                            stringify!($field),
                            format!(
                                "veld \u{2018}{}\u{2019}: jouw versie {}, de andere versie {}",
                                stringify!($field),
                                show(&mine.$field),
                                show(&theirs.$field)
                            ),
                        )),
                    }
                )*
                (merged, conflicts)
            }

            fn copy_field(&mut self, from: &Self, field: &str) -> bool {
                match field {
                    $(stringify!($field) => {
                        self.$field = from.$field.clone();
                        true
                    })*
                    _ => false,
                }
            }
        }
    )*};
}

fields! {
    Metadata {
        title, subject, minister_title, signatory, document_number, date, author,
        public_version, confidential_draft, funding_cap, funded_today, context,
        legal_basis, advice_questions, overall_recommendation, timing, closing,
    }
    Cluster {
        id, name, domain, status, start_year, term_end_year, max_yearly_funding, note,
        recommendation,
    }
    Scenario { id, number, title, description, sub_options, conditions }
    Assignment {
        id, cluster, scenario, role, desirability, feasibility, sub_options, conditions,
        budget,
    }
    Argument { id, polarity, subject, text, source, weight, internal, created, modified }
    AdvisoryBody { id, short_name, full_name, advice }
    Theme { id, name, description, proposed_by, route, host_cluster }
    CompatibilityRule { id, first, second, reason }
}

/// A record type that is merged as a list.
trait Listed: Fields {
    type Id: Copy + Eq + Hash;
    fn id(&self) -> Self::Id;
    fn key(&self) -> RecordKey;
    fn wrap(self) -> Record;
    /// Dutch, for descriptions: "cluster “Flux50”".
    fn label(&self) -> String;
}

fn quoted(kind: &str, text: &str) -> String {
    let short: String = text.chars().take(60).collect();
    format!("{kind} \u{201c}{short}\u{201d}")
}

macro_rules! listed {
    ($($ty:ident, $id:ident, $variant:ident, |$r:ident| $label:expr;)*) => {$(
        impl Listed for $ty {
            type Id = $id;
            fn id(&self) -> $id { self.id }
            fn key(&self) -> RecordKey { RecordKey::$variant(self.id) }
            fn wrap(self) -> Record { Record::$variant(self) }
            fn label(&self) -> String { let $r = self; $label }
        }
    )*};
}

listed! {
    Cluster, ClusterId, Cluster, |r| quoted("cluster", &r.name);
    Scenario, ScenarioId, Scenario, |r| quoted("scenario", &r.label());
    Assignment, AssignmentId, Assignment, |r| format!("toewijzing {}", r.id);
    Argument, ArgumentId, Argument, |r| quoted("argument", &r.text);
    AdvisoryBody, BodyId, Body, |r| quoted("adviesorgaan", &r.short_name);
    Theme, ThemeId, Theme, |r| quoted("thema", &r.name);
    CompatibilityRule, RuleId, Rule, |r| quoted("compatibiliteitsregel", &r.reason);
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
        description: String,
        kept: Side,
        alternative: Option<ConflictValue>,
    ) {
        self.summary.conflicts += 1;
        self.conflicts.push(MergeConflict {
            id: ConflictId::random(),
            target,
            field: field.map(str::to_owned),
            description,
            kept,
            alternative,
        });
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
                for (field, detail) in fields {
                    tally.conflict(
                        ConflictTarget::Record(m.key()),
                        Some(field),
                        format!(
                            "{}: {detail}. Jouw waarde staat er nu.",
                            capitalised(&m.label())
                        ),
                        Side::Mine,
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
                        format!(
                            "{}: de andere versie heeft dit verwijderd, jij hebt het gewijzigd. Het is behouden.",
                            capitalised(&m.label())
                        ),
                        Side::Mine,
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
                    format!(
                        "{}: jij hebt dit verwijderd, de andere versie heeft het gewijzigd. Het is behouden.",
                        capitalised(&t.label())
                    ),
                    Side::Theirs,
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

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Merges THEIRS into MINE, three-way when `base` (the common ancestor) is given.
/// Pure: the caller reads and writes the files.
pub fn merge(base: Option<&Workspace>, mine: &Workspace, theirs: &Workspace) -> MergeResult {
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
        conflicts: _,
    } = mine;
    let mut tally = Tally::default();

    let (meta, meta_fields) =
        Metadata::merge_fields(base.map(|b| &b.meta), &mine.meta, &theirs.meta);
    if meta != mine.meta {
        tally.summary.changed += 1;
    }
    for (field, detail) in meta_fields {
        tally.conflict(
            ConflictTarget::Meta,
            Some(field),
            format!("Gegevens van de mededeling: {detail}. Jouw waarde staat er nu."),
            Side::Mine,
            Some(ConflictValue::Meta(Box::new(theirs.meta.clone()))),
        );
    }

    let clusters = merge_list(
        base.map(|b| b.clusters.as_slice()),
        &mine.clusters,
        &theirs.clusters,
        &mut tally,
    );
    let scenarios = merge_list(
        base.map(|b| b.scenarios.as_slice()),
        &mine.scenarios,
        &theirs.scenarios,
        &mut tally,
    );
    let assignments = merge_list(
        base.map(|b| b.assignments.as_slice()),
        &mine.assignments,
        &theirs.assignments,
        &mut tally,
    );
    let arguments = merge_list(
        base.map(|b| b.arguments.as_slice()),
        &mine.arguments,
        &theirs.arguments,
        &mut tally,
    );
    let bodies = merge_list(
        base.map(|b| b.bodies.as_slice()),
        &mine.bodies,
        &theirs.bodies,
        &mut tally,
    );
    let themes = merge_list(
        base.map(|b| b.themes.as_slice()),
        &mine.themes,
        &theirs.themes,
        &mut tally,
    );
    let rules = merge_list(
        base.map(|b| b.rules.as_slice()),
        &mine.rules,
        &theirs.rules,
        &mut tally,
    );

    // Conflicts still open in either copy stay open.
    let mut conflicts = mine.conflicts.clone();
    let open: HashSet<ConflictId> = conflicts.iter().map(|c| c.id).collect();
    conflicts.extend(
        theirs
            .conflicts
            .iter()
            .filter(|c| !open.contains(&c.id))
            .cloned(),
    );
    conflicts.extend(tally.conflicts.iter().cloned());

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
            conflicts,
        },
        summary: tally.summary,
        conflicts: tally.conflicts,
    }
}

/// The record a key names, whole.
pub fn record_of(ws: &Workspace, key: RecordKey) -> Option<Record> {
    fn find<T: Listed>(list: &[T], key: RecordKey) -> Option<Record> {
        list.iter()
            .find(|r| r.key() == key)
            .cloned()
            .map(Listed::wrap)
    }
    match key {
        RecordKey::Cluster(_) => find(&ws.clusters, key),
        RecordKey::Scenario(_) => find(&ws.scenarios, key),
        RecordKey::Assignment(_) => find(&ws.assignments, key),
        RecordKey::Argument(_) => find(&ws.arguments, key),
        RecordKey::Body(_) => find(&ws.bodies, key),
        RecordKey::Theme(_) => find(&ws.themes, key),
        RecordKey::Rule(_) => find(&ws.rules, key),
        RecordKey::Conflict(id) => ws
            .conflicts
            .iter()
            .find(|c| c.id == id)
            .cloned()
            .map(Record::Conflict),
    }
}

fn copy_record_field(current: &mut Record, from: &Record, field: &str) -> bool {
    match (current, from) {
        (Record::Cluster(c), Record::Cluster(f)) => c.copy_field(f, field),
        (Record::Scenario(c), Record::Scenario(f)) => c.copy_field(f, field),
        (Record::Assignment(c), Record::Assignment(f)) => c.copy_field(f, field),
        (Record::Argument(c), Record::Argument(f)) => c.copy_field(f, field),
        (Record::Body(c), Record::Body(f)) => c.copy_field(f, field),
        (Record::Theme(c), Record::Theme(f)) => c.copy_field(f, field),
        (Record::Rule(c), Record::Rule(f)) => c.copy_field(f, field),
        _ => false,
    }
}

/// The edit that settles one conflict with `side`'s value and removes the conflict,
/// as one undo step. `None` when the conflict is no longer there.
pub fn resolve(ws: &Workspace, conflict: ConflictId, side: Side) -> Option<Edit> {
    let c = ws.conflicts.iter().find(|c| c.id == conflict)?;
    let done = Edit::Remove(RecordKey::Conflict(conflict));
    if side == c.kept {
        return Some(done);
    }
    debug_assert_eq!(side, c.kept.other());
    let change = match (&c.target, &c.field, &c.alternative) {
        (ConflictTarget::Meta, Some(field), Some(ConflictValue::Meta(theirs))) => {
            let mut meta = ws.meta.clone();
            meta.copy_field(theirs, field)
                .then(|| Edit::SetMeta(Box::new(meta)))
        }
        (ConflictTarget::Record(key), Some(field), Some(ConflictValue::Record(theirs))) => {
            match record_of(ws, *key) {
                Some(mut current) => {
                    copy_record_field(&mut current, theirs, field).then_some(Edit::Put(current))
                }
                // Removed since the merge: bring the other side's record back.
                None => Some(Edit::append((**theirs).clone())),
            }
        }
        // The other side deleted it: delete it, with what depends on it.
        (ConflictTarget::Record(key), None, None) => {
            record_of(ws, *key).map(|_| removal(ws, *key).0)
        }
        (ConflictTarget::Record(key), None, Some(ConflictValue::Record(theirs))) => {
            Some(match record_of(ws, *key) {
                Some(_) => Edit::Put((**theirs).clone()),
                None => Edit::append((**theirs).clone()),
            })
        }
        _ => None,
    };
    Some(match change {
        Some(change) => Edit::Batch(vec![change, done]),
        None => done,
    })
}

/// Settles every open conflict with `side`'s value, as one undo step.
pub fn resolve_all(ws: &Workspace, side: Side) -> Edit {
    let mut work = ws.clone();
    let mut edits = Vec::new();
    for id in ws.conflicts.iter().map(|c| c.id) {
        if let Some(edit) = resolve(&work, id, side)
            && apply(&mut work, edit.clone()).is_ok()
        {
            edits.push(edit);
        }
    }
    Edit::Batch(edits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Euro;

    fn cluster(n: u128, name: &str) -> Cluster {
        Cluster {
            id: ClusterId::from_u128(n),
            name: name.to_owned(),
            ..Cluster::default()
        }
    }

    fn base() -> Workspace {
        let mut ws = Workspace::empty();
        ws.clusters = vec![
            cluster(1, "Catalisti"),
            cluster(2, "Flux50"),
            cluster(3, "VIL"),
        ];
        ws
    }

    #[test]
    fn additions_from_both_sides_are_kept_in_order() {
        let b = base();
        let mut mine = b.clone();
        mine.clusters.push(cluster(10, "MEDVIA"));
        let mut theirs = b.clone();
        theirs.clusters.push(cluster(20, "SIM"));
        let r = merge(Some(&b), &mine, &theirs);
        let names: Vec<_> = r
            .workspace
            .clusters
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(names, ["Catalisti", "Flux50", "VIL", "MEDVIA", "SIM"]);
        assert_eq!(
            r.summary,
            MergeSummary {
                added: 1,
                ..MergeSummary::default()
            }
        );
        assert!(r.workspace.conflicts.is_empty());
    }

    #[test]
    fn different_fields_of_one_record_combine_without_conflict() {
        let b = base();
        let mut mine = b.clone();
        mine.clusters[1].note = "notitie".into();
        let mut theirs = b.clone();
        theirs.clusters[1].max_yearly_funding = Some(Euro(500_000));
        let r = merge(Some(&b), &mine, &theirs);
        assert_eq!(r.workspace.clusters[1].note, "notitie");
        assert_eq!(
            r.workspace.clusters[1].max_yearly_funding,
            Some(Euro(500_000))
        );
        assert_eq!(r.summary.changed, 1);
        assert_eq!(r.summary.conflicts, 0);
    }

    #[test]
    fn same_field_changed_differently_is_a_conflict_keeping_both() {
        let b = base();
        let mut mine = b.clone();
        mine.clusters[1].name = "Flux50 mijn".into();
        let mut theirs = b.clone();
        theirs.clusters[1].name = "Flux50 hun".into();
        let r = merge(Some(&b), &mine, &theirs);
        assert_eq!(r.workspace.clusters[1].name, "Flux50 mijn");
        assert_eq!(r.conflicts.len(), 1);
        let c = &r.workspace.conflicts[0];
        assert_eq!(c.field.as_deref(), Some("name"));
        assert_eq!(
            c.target,
            ConflictTarget::Record(RecordKey::Cluster(ClusterId::from_u128(2)))
        );
        assert!(c.description.contains("Flux50 hun"), "{}", c.description);
        match &c.alternative {
            Some(ConflictValue::Record(r)) => {
                assert!(matches!(&**r, Record::Cluster(c) if c.name == "Flux50 hun"))
            }
            other => panic!("alternative: {other:?}"),
        }
        // Picking theirs changes that field only.
        let mut ws = r.workspace.clone();
        ws.clusters[1].note = "later".into();
        let edit = resolve(&ws, c.id, Side::Theirs).expect("open conflict");
        apply(&mut ws, edit).expect("applies");
        assert_eq!(ws.clusters[1].name, "Flux50 hun");
        assert_eq!(ws.clusters[1].note, "later");
        assert!(ws.conflicts.is_empty());
    }

    #[test]
    fn deletion_holds_only_when_the_other_side_did_not_change_it() {
        let b = base();
        let mut mine = b.clone();
        mine.clusters.retain(|c| c.name != "VIL"); // deleted, theirs untouched
        mine.clusters[0].note = "gewijzigd".into(); // changed, theirs deletes
        let mut theirs = b.clone();
        theirs
            .clusters
            .retain(|c| c.name != "Catalisti" && c.name != "Flux50"); // Flux50 untouched in mine
        let r = merge(Some(&b), &mine, &theirs);
        let names: Vec<_> = r
            .workspace
            .clusters
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(names, ["Catalisti"]);
        assert_eq!(r.summary.removed, 1);
        assert_eq!(r.summary.conflicts, 1);
        let c = &r.conflicts[0];
        assert_eq!(
            (c.field.as_ref(), c.kept, c.alternative.as_ref()),
            (None, Side::Mine, None)
        );
        // Picking theirs carries out their deletion.
        let mut ws = r.workspace.clone();
        {
            let edit = resolve(&ws, c.id, Side::Theirs).expect("open");
            apply(&mut ws, edit)
        }
        .expect("applies");
        assert!(ws.clusters.is_empty() && ws.conflicts.is_empty());
    }

    #[test]
    fn a_record_mine_deleted_but_theirs_changed_comes_back_as_a_conflict() {
        let b = base();
        let mut mine = b.clone();
        mine.clusters.remove(2);
        let mut theirs = b.clone();
        theirs.clusters[2].note = "belangrijk".into();
        let r = merge(Some(&b), &mine, &theirs);
        assert_eq!(r.workspace.clusters.len(), 3);
        assert_eq!(r.summary.added, 1);
        assert_eq!(r.conflicts[0].kept, Side::Theirs);
        let mut ws = r.workspace.clone();
        {
            let edit = resolve_all(&ws, Side::Mine);
            apply(&mut ws, edit)
        }
        .expect("applies");
        assert_eq!(ws.clusters.len(), 2);
    }

    #[test]
    fn without_a_base_every_difference_is_a_conflict_and_nothing_is_dropped() {
        let b = base();
        let mut mine = b.clone();
        mine.clusters[0].name = "Catalisti vernieuwd".into();
        mine.clusters.remove(2);
        let mut theirs = b.clone();
        theirs.meta.subject = "Betreft: anders".into();
        let r = merge(None, &mine, &theirs);
        // VIL is only in theirs: kept. Two differing fields: two conflicts, no guesses.
        assert_eq!(r.workspace.clusters.len(), 3);
        assert_eq!(r.summary.conflicts, 2);
        assert_eq!(r.workspace.clusters[0].name, "Catalisti vernieuwd");
        assert_eq!(r.workspace.meta.subject, mine.meta.subject);
        let mut ws = r.workspace.clone();
        {
            let edit = resolve_all(&ws, Side::Theirs);
            apply(&mut ws, edit)
        }
        .expect("applies");
        assert_eq!(ws.clusters[0].name, "Catalisti");
        assert_eq!(ws.meta.subject, "Betreft: anders");
        assert!(ws.conflicts.is_empty());
    }

    #[test]
    fn resolving_is_one_undoable_step() {
        let b = base();
        let mut mine = b.clone();
        mine.meta.title = "A".into();
        let mut theirs = b.clone();
        theirs.meta.title = "B".into();
        let merged = merge(Some(&b), &mine, &theirs).workspace;
        let mut ws = merged.clone();
        let undo = {
            let edit = resolve_all(&ws, Side::Theirs);
            apply(&mut ws, edit)
        }
        .expect("applies");
        assert_eq!(ws.meta.title, "B");
        apply(&mut ws, undo).expect("undo applies");
        assert_eq!(ws, merged);
    }

    #[test]
    fn merging_identical_copies_changes_nothing() {
        let b = base();
        let r = merge(Some(&b), &b, &b);
        assert_eq!(r.workspace, b);
        assert_eq!(r.summary, MergeSummary::default());
    }
}
