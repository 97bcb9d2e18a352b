//! Ids are checked before merging: the merge matches records by id, so two records
//! sharing one (a record copied in a text editor) would be merged as one and the
//! other side's edit of either could be lost without a conflict.
//!
//! The second (third, …) record with an id gets a new one derived from the kind, the
//! shared id and its place among the records sharing it. Every copy that holds the
//! same pair repairs it the same way, so BASE, MINE and THEIRS still match record for
//! record, and each repair is reported.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use super::super::ids::{Identified, stable_uuid};
use super::super::workspace::*;
use super::fields::Listed;

/// One of the three files a merge reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Input {
    Base,
    Mine,
    Theirs,
}

/// The kind of record whose id was repaired.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IdKind {
    Cluster,
    Scenario,
    SubOption,
    Assignment,
    Argument,
    Body,
    Theme,
    Rule,
    Document,
    Variant,
}

/// A record that shared its id with an earlier one of its kind and got a new id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdRepair {
    /// The files in which this record was repaired, in the order Base, Mine, Theirs.
    pub inputs: Vec<Input>,
    pub kind: IdKind,
    /// The id the records shared (the first keeps it).
    pub id: Uuid,
    /// The id the repaired record has in the merged file.
    pub new_id: Uuid,
    /// Which of the records sharing the id: 2 for the second.
    pub occurrence: usize,
    /// The repaired record's own short text (name, title, text) in the first input.
    pub name: String,
}

/// The workspace with every id unique within its kind, borrowed when it already is.
pub(super) fn settle<'a>(
    ws: &'a Workspace,
    input: Input,
    repairs: &mut Vec<IdRepair>,
) -> Cow<'a, Workspace> {
    if !has_duplicates(ws) {
        return Cow::Borrowed(ws);
    }
    let mut ws = ws.clone();
    let mut found = Vec::new();
    // Exhaustive on purpose: a new record list must be checked here.
    let Workspace {
        meta: _,
        clusters,
        scenarios,
        assignments,
        arguments,
        bodies,
        themes,
        rules,
        documents,
        variants,
        conflicts: _,
    } = &mut ws;
    repair(listed(clusters), IdKind::Cluster, &mut found);
    repair(listed(scenarios), IdKind::Scenario, &mut found);
    let sub_options = scenarios
        .iter_mut()
        .flat_map(|s| s.sub_options.iter_mut())
        .map(|o| {
            let name = o.title.clone();
            (o, name)
        })
        .collect();
    repair(sub_options, IdKind::SubOption, &mut found);
    repair(listed(assignments), IdKind::Assignment, &mut found);
    repair(listed(arguments), IdKind::Argument, &mut found);
    repair(listed(bodies), IdKind::Body, &mut found);
    repair(listed(themes), IdKind::Theme, &mut found);
    repair(listed(rules), IdKind::Rule, &mut found);
    repair(listed(documents), IdKind::Document, &mut found);
    repair(listed(variants), IdKind::Variant, &mut found);
    for (kind, id, new_id, occurrence, name) in found {
        match repairs
            .iter_mut()
            .find(|r| r.kind == kind && r.id == id && r.new_id == new_id)
        {
            Some(known) => known.inputs.push(input),
            None => repairs.push(IdRepair {
                inputs: vec![input],
                kind,
                id,
                new_id,
                occurrence,
                name,
            }),
        }
    }
    Cow::Owned(ws)
}

fn has_duplicates(ws: &Workspace) -> bool {
    fn any(ids: impl Iterator<Item = Uuid>) -> bool {
        let mut seen = HashSet::new();
        let mut ids = ids;
        ids.any(|id| !seen.insert(id))
    }
    any(ws.clusters.iter().map(Identified::uuid))
        || any(ws.scenarios.iter().map(Identified::uuid))
        || any(ws
            .scenarios
            .iter()
            .flat_map(|s| s.sub_options.iter().map(Identified::uuid)))
        || any(ws.assignments.iter().map(Identified::uuid))
        || any(ws.arguments.iter().map(Identified::uuid))
        || any(ws.bodies.iter().map(Identified::uuid))
        || any(ws.themes.iter().map(Identified::uuid))
        || any(ws.rules.iter().map(Identified::uuid))
        || any(ws.variants.iter().map(Identified::uuid))
}

fn listed<T: Listed>(list: &mut [T]) -> Vec<(&mut T, String)> {
    list.iter_mut()
        .map(|r| {
            let name = r.name();
            (r, name)
        })
        .collect()
}

type Found = (IdKind, Uuid, Uuid, usize, String);

fn repair<T: Identified>(records: Vec<(&mut T, String)>, kind: IdKind, found: &mut Vec<Found>) {
    let mut taken: HashSet<Uuid> = records.iter().map(|(r, _)| r.uuid()).collect();
    let mut seen: HashMap<Uuid, usize> = HashMap::new();
    for (record, name) in records {
        let id = record.uuid();
        let occurrence = seen.entry(id).or_default();
        *occurrence += 1;
        if *occurrence == 1 {
            continue;
        }
        // The salt only moves on when the derived id is taken, which no two copies of
        // a file will see differently in practice (a 122-bit hash collision).
        let mut salt: u64 = 0;
        let new_id = loop {
            let candidate = stable_uuid(&[
                b"duplicate",
                T::KIND.as_bytes(),
                id.as_bytes(),
                &(*occurrence as u64).to_le_bytes(),
                &salt.to_le_bytes(),
            ]);
            if taken.insert(candidate) {
                break candidate;
            }
            salt += 1;
        };
        record.set_uuid(new_id);
        found.push((kind, id, new_id, *occurrence, name));
    }
}
