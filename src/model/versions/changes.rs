//! What changed between two workspaces, record by record and field by field, as data:
//! `crate::wording` says it in Dutch or English ("VARIO, scenario 2: voorwaardelijk →
//! wijst af"). Used for a version's change list (against its parent) and to compare
//! an earlier version with the current one.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::super::conflict::{ConflictTarget, FieldValue};
use super::super::ids::{RecordKey, ScenarioId};
use super::super::merge::{Fields, Listed};
use super::super::workspace::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

/// One change: a record added or removed, or one field of it (or of the metadata)
/// changed from `old` to `new`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    pub target: ConflictTarget,
    pub kind: ChangeKind,
    /// The record's own short text (name, title, argument text) in the newer
    /// workspace, or the older one for a removal.
    pub label: String,
    /// The field, for [`ChangeKind::Changed`]; `stance` is one body's stance on one
    /// scenario (then `scenario` names it).
    pub field: Option<String>,
    /// The scenario a stance is about, as its label ("Scenario 2").
    pub scenario: Option<String>,
    pub old: Option<FieldValue>,
    pub new: Option<FieldValue>,
}

impl Change {
    fn record(key: RecordKey, kind: ChangeKind, label: String) -> Change {
        Change {
            target: ConflictTarget::Record(key),
            kind,
            label,
            field: None,
            scenario: None,
            old: None,
            new: None,
        }
    }
}

/// Every change from `old` to `new`, in the order the records stand (metadata first).
/// A "last changed" stamp is not listed: it moves with every edit.
pub fn changes(old: &Workspace, new: &Workspace) -> Vec<Change> {
    let mut out = Vec::new();
    for field in Metadata::field_names() {
        let (a, b) = (old.meta.field_value(field), new.meta.field_value(field));
        if a != b {
            out.push(Change {
                target: ConflictTarget::Meta,
                kind: ChangeKind::Changed,
                label: String::new(),
                field: Some((*field).to_owned()),
                scenario: None,
                old: a,
                new: b,
            });
        }
    }
    list(&old.clusters, &new.clusters, new, &mut out);
    list(&old.scenarios, &new.scenarios, new, &mut out);
    list(&old.assignments, &new.assignments, new, &mut out);
    list(&old.arguments, &new.arguments, new, &mut out);
    bodies(&old.bodies, &new.bodies, old, new, &mut out);
    list(&old.themes, &new.themes, new, &mut out);
    list(&old.rules, &new.rules, new, &mut out);
    list(&old.documents, &new.documents, new, &mut out);
    let before: HashSet<_> = old.conflicts.iter().map(|c| c.id).collect();
    let after: HashSet<_> = new.conflicts.iter().map(|c| c.id).collect();
    for c in new.conflicts.iter().filter(|c| !before.contains(&c.id)) {
        let label = c.field.clone().unwrap_or_default();
        out.push(Change::record(
            RecordKey::Conflict(c.id),
            ChangeKind::Added,
            label,
        ));
    }
    for c in old.conflicts.iter().filter(|c| !after.contains(&c.id)) {
        let label = c.field.clone().unwrap_or_default();
        out.push(Change::record(
            RecordKey::Conflict(c.id),
            ChangeKind::Removed,
            label,
        ));
    }
    out
}

const UNLISTED: &[&str] = &["modified"];

fn list<T: Listed>(old: &[T], new: &[T], _ws: &Workspace, out: &mut Vec<Change>) {
    let before: HashMap<T::Id, &T> = old.iter().map(|r| (r.id(), r)).collect();
    let after: HashSet<T::Id> = new.iter().map(Listed::id).collect();
    for record in new {
        match before.get(&record.id()) {
            None => out.push(Change::record(
                record.key(),
                ChangeKind::Added,
                record.name(),
            )),
            Some(was) if *was != record => fields(*was, record, None, out),
            Some(_) => {}
        }
    }
    for record in old.iter().filter(|r| !after.contains(&r.id())) {
        out.push(Change::record(
            record.key(),
            ChangeKind::Removed,
            record.name(),
        ));
    }
}

fn fields<T: Listed>(was: &T, is: &T, skip: Option<&str>, out: &mut Vec<Change>) {
    for field in T::field_names() {
        if UNLISTED.contains(field) || Some(*field) == skip {
            continue;
        }
        let (a, b) = (was.field_value(field), is.field_value(field));
        if a != b {
            out.push(Change {
                target: ConflictTarget::Record(is.key()),
                kind: ChangeKind::Changed,
                label: is.name(),
                field: Some((*field).to_owned()),
                scenario: None,
                old: a,
                new: b,
            });
        }
    }
}

/// Bodies as other records, except that a changed stance is said per scenario: the
/// advice is one field, but "VARIO, scenario 2: voorwaardelijk → wijst af" is what a
/// reader wants to see.
fn bodies(
    old: &[AdvisoryBody],
    new: &[AdvisoryBody],
    old_ws: &Workspace,
    new_ws: &Workspace,
    out: &mut Vec<Change>,
) {
    let before: HashMap<_, &AdvisoryBody> = old.iter().map(|b| (b.id, b)).collect();
    let mut first = Vec::new();
    list(old, new, new_ws, &mut first);
    for change in first {
        let was = match change.target {
            ConflictTarget::Record(RecordKey::Body(id)) if change.kind == ChangeKind::Changed => {
                before.get(&id).copied()
            }
            _ => None,
        };
        let is = match change.target {
            ConflictTarget::Record(RecordKey::Body(id)) => new.iter().find(|b| b.id == id),
            _ => None,
        };
        match (was, is, change.field.as_deref()) {
            (Some(was), Some(is), Some("advice")) => {
                stances(was, is, old_ws, new_ws, out);
                if without_stances(&was.advice) != without_stances(&is.advice) {
                    out.push(change);
                }
            }
            _ => out.push(change),
        }
    }
}

fn stances(
    was: &AdvisoryBody,
    is: &AdvisoryBody,
    old_ws: &Workspace,
    new_ws: &Workspace,
    out: &mut Vec<Change>,
) {
    let mut scenarios: Vec<ScenarioId> = is.advice.stances.iter().map(|s| s.scenario).collect();
    for s in &was.advice.stances {
        if !scenarios.contains(&s.scenario) {
            scenarios.push(s.scenario);
        }
    }
    for scenario in scenarios {
        let (a, b) = (
            was.advice.stance_on(scenario),
            is.advice.stance_on(scenario),
        );
        if a != b {
            let label = new_ws
                .scenario(scenario)
                .or_else(|| old_ws.scenario(scenario))
                .map_or_else(|| scenario.to_string(), Scenario::label);
            out.push(Change {
                target: ConflictTarget::Record(RecordKey::Body(is.id)),
                kind: ChangeKind::Changed,
                label: is.short_name.clone(),
                field: Some("stance".to_owned()),
                scenario: Some(label),
                old: Some(FieldValue::of(&a)),
                new: Some(FieldValue::of(&b)),
            });
        }
    }
}

/// The advice with its stance values left out (and the stances that hold nothing
/// else): what else changed in it.
fn without_stances(advice: &Advice) -> Advice {
    let mut rest = advice.clone();
    rest.stances
        .retain(|s| !s.quote.is_empty() || !s.passage.is_empty());
    for s in &mut rest.stances {
        s.stance = Stance::NotStated;
    }
    rest
}
