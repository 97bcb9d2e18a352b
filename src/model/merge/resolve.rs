//! Settling a conflict: an ordinary edit, so it is one undo step like any other.

use super::super::conflict::{ConflictTarget, ConflictValue, Side};
use super::super::edit::{Edit, EditError, Record, apply};
use super::super::ids::*;
use super::super::rules::removal;
use super::super::workspace::*;
use super::fields::{Fields, copy_record_field, record_of};

/// Why a conflict could not be settled with the chosen side. The conflict stays open
/// and nothing changes: a conflict that cannot take the other value must never
/// quietly keep the current one.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ResolveError {
    #[error("dit conflict staat niet (meer) open")]
    Gone { conflict: ConflictId },
    #[error(
        "het veld \u{2018}{field}\u{2019} bestaat niet (meer) in dit soort gegeven; het conflict blijft open"
    )]
    UnknownField {
        conflict: ConflictId,
        target: ConflictTarget,
        field: String,
    },
    #[error("de andere waarde ontbreekt in het conflict; het blijft open")]
    Incomplete {
        conflict: ConflictId,
        target: ConflictTarget,
    },
    #[error("de keuze kon niet worden toegepast: {error}; het conflict blijft open")]
    Apply {
        conflict: ConflictId,
        target: ConflictTarget,
        error: EditError,
    },
}

impl ResolveError {
    pub fn conflict(&self) -> ConflictId {
        match self {
            ResolveError::Gone { conflict }
            | ResolveError::UnknownField { conflict, .. }
            | ResolveError::Incomplete { conflict, .. }
            | ResolveError::Apply { conflict, .. } => *conflict,
        }
    }

    pub fn target(&self) -> Option<ConflictTarget> {
        match self {
            ResolveError::Gone { .. } => None,
            ResolveError::UnknownField { target, .. }
            | ResolveError::Incomplete { target, .. }
            | ResolveError::Apply { target, .. } => Some(*target),
        }
    }
}

/// The edit that settles one conflict with `side`'s value and removes the conflict,
/// as one undo step.
pub fn resolve(ws: &Workspace, conflict: ConflictId, side: Side) -> Result<Edit, ResolveError> {
    let c = ws
        .conflicts
        .iter()
        .find(|c| c.id == conflict)
        .ok_or(ResolveError::Gone { conflict })?;
    let done = Edit::Remove(RecordKey::Conflict(conflict));
    if side == c.kept {
        return Ok(done);
    }
    let unknown = |field: &str| ResolveError::UnknownField {
        conflict,
        target: c.target,
        field: field.to_owned(),
    };
    let incomplete = ResolveError::Incomplete {
        conflict,
        target: c.target,
    };
    let change = match (&c.target, &c.field, &c.alternative) {
        (ConflictTarget::Meta, Some(field), Some(ConflictValue::Meta(theirs))) => {
            let mut meta = ws.meta.clone();
            if !meta.copy_field(theirs, field) {
                return Err(unknown(field));
            }
            Some(Edit::SetMeta(Box::new(meta)))
        }
        (ConflictTarget::Record(key), Some(field), Some(ConflictValue::Record(theirs))) => {
            if theirs.key() != *key {
                return Err(incomplete);
            }
            match record_of(ws, *key) {
                Some(mut current) => {
                    if !copy_record_field(&mut current, theirs, field) {
                        return Err(unknown(field));
                    }
                    Some(Edit::Put(current))
                }
                // Removed since the merge: bring the other side's record back.
                None => Some(Edit::append(Record::from((**theirs).clone()))),
            }
        }
        // The other side deleted it: delete it, with what depends on it.
        (ConflictTarget::Record(key), None, None) => {
            record_of(ws, *key).map(|_| removal(ws, *key).0)
        }
        (ConflictTarget::Record(key), None, Some(ConflictValue::Record(theirs))) => {
            if theirs.key() != *key {
                return Err(incomplete);
            }
            let record = Record::from((**theirs).clone());
            Some(match record_of(ws, *key) {
                Some(_) => Edit::Put(record),
                None => Edit::append(record),
            })
        }
        _ => return Err(incomplete),
    };
    Ok(match change {
        Some(change) => Edit::Batch(vec![change, done]),
        None => done,
    })
}

/// Settles every open conflict with `side`'s value, as one undo step; nothing at all
/// when one of them cannot be settled (the error names it).
pub fn resolve_all(ws: &Workspace, side: Side) -> Result<Edit, ResolveError> {
    let mut work = ws.clone();
    let mut edits = Vec::new();
    for c in &ws.conflicts {
        // Settling an earlier one may have taken this one along (a removed record
        // takes the conflicts about it): nothing left to settle.
        if !work.conflicts.iter().any(|open| open.id == c.id) {
            continue;
        }
        let edit = resolve(&work, c.id, side)?;
        apply(&mut work, edit.clone()).map_err(|error| ResolveError::Apply {
            conflict: c.id,
            target: c.target,
            error,
        })?;
        edits.push(edit);
    }
    Ok(Edit::Batch(edits))
}
