//! What changed between two workspaces, record by record and field by field, as data:
//! `crate::wording` says it in Dutch or English ("VARIO, scenario 2: voorwaardelijk →
//! wijst af"). Used for a version's change list (against its parent) and to compare
//! an earlier version with the current one. Computed, never stored: the words and
//! the names can improve without touching a file.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::super::conflict::{AnyRecord, ConflictTarget, ConflictValue, MergeConflict};
use super::super::ids::RecordKey;
use super::super::merge::{Listed, record_of};
use super::super::workspace::*;
use super::values::{self, Diff, Value, variant_name};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

/// How a record is named in a change: as `crate::wording` names it elsewhere, with
/// references resolved in the version concerned (the newer one; the older for a
/// removal).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Label {
    /// The record's own short text: a cluster's, theme's or variant's name, a
    /// scenario's label, a body's short name, an argument's text, a rule's reason, a
    /// document's file name. Empty for the metadata.
    Name(String),
    /// An assignment: its cluster under its scenario, and its variant's name when the
    /// workspace has more than one variant.
    Placement {
        cluster: String,
        scenario: String,
        variant: Option<String>,
    },
    /// A merge conflict: what it is about (the kind and the record's label) and the
    /// field, `None` when one copy deleted the record the other changed.
    Conflict {
        about: ConflictTarget,
        label: Box<Label>,
        field: Option<String>,
    },
}

/// The part of a record a changed field belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Part {
    /// A body's stance on this scenario (its label, "Scenario 2").
    Scenario(String),
    /// A scenario's sub-option (its title).
    SubOption(String),
}

/// One change: a record added or removed, or one field of it (or of the metadata)
/// changed from `old` to `new`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    pub target: ConflictTarget,
    pub kind: ChangeKind,
    pub label: Label,
    /// The field, for [`ChangeKind::Changed`], as the record names it (`"budget"`);
    /// a part of a nested value is named with a dot (`"advice.received"`,
    /// `"citation.page"`), a stance as `"stance"` with its scenario in `part`.
    pub field: Option<&'static str>,
    pub part: Option<Part>,
    /// The values as the older and the newer version read them; [`Value::Empty`]
    /// for an addition or removal.
    pub old: Value,
    pub new: Value,
}

/// Every change from `old` to `new`, in the order the records stand (metadata first).
/// A "last changed" stamp is not listed: it moves with every edit.
pub fn changes(old: &Workspace, new: &Workspace) -> Vec<Change> {
    let mut out = Vec::new();
    if old.meta != new.meta {
        let mut diff = Diff {
            old,
            new,
            target: ConflictTarget::Meta,
            label: Label::Name(String::new()),
            part: None,
            out: &mut out,
        };
        values::meta(&old.meta, &new.meta, &mut diff);
    }
    list(&old.clusters, &new.clusters, old, new, &mut out);
    list(&old.scenarios, &new.scenarios, old, new, &mut out);
    list(&old.variants, &new.variants, old, new, &mut out);
    list(&old.assignments, &new.assignments, old, new, &mut out);
    list(&old.arguments, &new.arguments, old, new, &mut out);
    list(&old.bodies, &new.bodies, old, new, &mut out);
    list(&old.themes, &new.themes, old, new, &mut out);
    list(&old.rules, &new.rules, old, new, &mut out);
    list(&old.documents, &new.documents, old, new, &mut out);
    conflicts(old, new, &mut out);
    out
}

/// A record kind as a change list names and compares it.
pub(super) trait Described: Listed {
    fn label(&self, ws: &Workspace) -> Label;
    fn compare(was: &Self, is: &Self, diff: &mut Diff);
}

macro_rules! described {
    ($($ty:ident, |$r:ident, $ws:ident| $label:expr => $compare:path;)*) => {$(
        impl Described for $ty {
            fn label(&self, $ws: &Workspace) -> Label {
                let $r = self;
                $label
            }
            fn compare(was: &Self, is: &Self, diff: &mut Diff) {
                $compare(was, is, diff)
            }
        }
    )*};
}

described! {
    Cluster, |r, _ws| Label::Name(r.name.clone()) => values::cluster;
    Scenario, |r, _ws| Label::Name(r.label()) => values::scenario;
    Assignment, |r, ws| Label::Placement {
        cluster: ws.cluster_name(r.cluster),
        scenario: ws.scenario_label(r.scenario),
        variant: (ws.variants.len() > 1).then(|| variant_name(ws, ws.variant_of(r))),
    } => values::assignment;
    Argument, |r, _ws| Label::Name(r.text.clone()) => values::argument;
    AdvisoryBody, |r, _ws| Label::Name(r.short_name.clone()) => values::body;
    Theme, |r, _ws| Label::Name(r.name.clone()) => values::theme;
    CompatibilityRule, |r, _ws| Label::Name(r.reason.clone()) => values::rule;
    SourceDocument, |r, _ws| Label::Name(r.file_name.clone()) => values::document;
    Variant, |r, _ws| Label::Name(r.name.clone()) => values::variant;
}

/// A record's label in `ws`.
fn label(ws: &Workspace, record: &AnyRecord) -> Label {
    match record {
        AnyRecord::Cluster(r) => Described::label(r, ws),
        AnyRecord::Scenario(r) => Described::label(r, ws),
        AnyRecord::Assignment(r) => Described::label(r, ws),
        AnyRecord::Argument(r) => Described::label(r, ws),
        AnyRecord::Body(r) => Described::label(r, ws),
        AnyRecord::Theme(r) => Described::label(r, ws),
        AnyRecord::Rule(r) => Described::label(r, ws),
        AnyRecord::Document(r) => Described::label(r, ws),
        AnyRecord::Variant(r) => Described::label(r, ws),
    }
}

fn record(key: RecordKey, kind: ChangeKind, label: Label) -> Change {
    Change {
        target: ConflictTarget::Record(key),
        kind,
        label,
        field: None,
        part: None,
        old: Value::Empty,
        new: Value::Empty,
    }
}

fn list<T: Described>(
    old: &[T],
    new: &[T],
    old_ws: &Workspace,
    new_ws: &Workspace,
    out: &mut Vec<Change>,
) {
    let before: HashMap<T::Id, &T> = old.iter().map(|r| (r.id(), r)).collect();
    let after: HashSet<T::Id> = new.iter().map(Listed::id).collect();
    for is in new {
        match before.get(&is.id()) {
            None => out.push(record(is.key(), ChangeKind::Added, is.label(new_ws))),
            Some(was) if *was != is => {
                let mut diff = Diff {
                    old: old_ws,
                    new: new_ws,
                    target: ConflictTarget::Record(is.key()),
                    label: is.label(new_ws),
                    part: None,
                    out,
                };
                T::compare(was, is, &mut diff);
            }
            Some(_) => {}
        }
    }
    for was in old.iter().filter(|r| !after.contains(&r.id())) {
        out.push(record(was.key(), ChangeKind::Removed, was.label(old_ws)));
    }
}

/// Conflicts a merge left (added) and conflicts a person settled (removed), named as
/// the conflicts dialog names them: the record they are about and the field.
fn conflicts(old: &Workspace, new: &Workspace, out: &mut Vec<Change>) {
    let before: HashSet<_> = old.conflicts.iter().map(|c| c.id).collect();
    let after: HashSet<_> = new.conflicts.iter().map(|c| c.id).collect();
    for c in new.conflicts.iter().filter(|c| !before.contains(&c.id)) {
        let label = conflict_label(new, old, c);
        out.push(record(RecordKey::Conflict(c.id), ChangeKind::Added, label));
    }
    for c in old.conflicts.iter().filter(|c| !after.contains(&c.id)) {
        let label = conflict_label(old, new, c);
        out.push(record(
            RecordKey::Conflict(c.id),
            ChangeKind::Removed,
            label,
        ));
    }
}

/// The record as `ws` holds it, else as `other` does, else as the conflict's other
/// side had it.
fn conflict_label(ws: &Workspace, other: &Workspace, c: &MergeConflict) -> Label {
    let about = match c.target {
        ConflictTarget::Meta => Label::Name(String::new()),
        ConflictTarget::Record(key) => {
            let found = [ws, other].into_iter().find_map(|w| {
                record_of(w, key)
                    .and_then(|r| r.plain())
                    .map(|r| label(w, &r))
            });
            let alternative = || match &c.alternative {
                Some(ConflictValue::Record(r)) => Some(label(ws, r)),
                _ => None,
            };
            found
                .or_else(alternative)
                .unwrap_or(Label::Name(String::new()))
        }
    };
    Label::Conflict {
        about: c.target,
        label: Box::new(about),
        field: c.field.clone(),
    }
}
