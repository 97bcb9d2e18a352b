//! Field-by-field comparison of each record type, listed in one macro that also
//! destructures the type without `..`: a field added later stops the build until it
//! is listed here, so no field can be silently left out of the merge.

use std::hash::Hash;

use super::super::conflict::{
    AnyRecord, ConflictTarget, ConflictValue, ConflictValues, FieldValue,
};
use super::super::edit::Record;
use super::super::ids::*;
use super::super::workspace::*;

pub(super) enum Pick {
    Mine,
    Theirs,
    Conflict,
}

pub(super) fn pick<T: PartialEq>(base: Option<&T>, mine: &T, theirs: &T) -> Pick {
    if mine == theirs {
        return Pick::Mine;
    }
    match base {
        Some(b) if b == mine => Pick::Theirs,
        Some(b) if b == theirs => Pick::Mine,
        _ => Pick::Conflict,
    }
}

/// Field-wise merge of one record type.
pub(crate) trait Fields: Clone + PartialEq {
    /// The merged value and the fields in conflict (MINE's value kept), each with
    /// both values.
    fn merge_fields(
        base: Option<&Self>,
        mine: &Self,
        theirs: &Self,
    ) -> (Self, Vec<(&'static str, ConflictValues)>);
    /// Copies one named field from `from`; false for an unknown name.
    fn copy_field(&mut self, from: &Self, field: &str) -> bool;
    /// One named field's value; `None` for an unknown name.
    fn field_value(&self, field: &str) -> Option<FieldValue>;
}

macro_rules! fields {
    ($($ty:ident { $($field:ident),* $(,)? $(; latest: $($latest:ident),+ $(,)?)? })*) => {$(
        impl Fields for $ty {
            fn merge_fields(base: Option<&Self>, mine: &Self, theirs: &Self) -> (Self, Vec<(&'static str, ConflictValues)>) {
                // Exhaustive on purpose (no `..`): a new field must be listed above.
                let $ty { $($field: _,)* $($($latest: _,)*)? } = mine;
                let mut merged = mine.clone();
                let mut conflicts = Vec::new();
                $(
                    match pick(base.map(|b| &b.$field), &mine.$field, &theirs.$field) {
                        Pick::Mine => {}
                        Pick::Theirs => merged.$field = theirs.$field.clone(),
                        Pick::Conflict => conflicts.push((
                            stringify!($field),
                            ConflictValues {
                                mine: FieldValue::of(&mine.$field),
                                theirs: FieldValue::of(&theirs.$field),
                            },
                        )),
                    }
                )*
                // A "last changed" stamp moves with every edit: two colleagues who
                // edited different fields differ in it without disagreeing on
                // anything, so it takes the later of the two and is never a conflict.
                $($(
                    merged.$latest = match pick(base.map(|b| &b.$latest), &mine.$latest, &theirs.$latest) {
                        Pick::Mine => mine.$latest.clone(),
                        Pick::Theirs => theirs.$latest.clone(),
                        Pick::Conflict => mine.$latest.clone().max(theirs.$latest.clone()),
                    };
                )*)?
                (merged, conflicts)
            }

            fn copy_field(&mut self, from: &Self, field: &str) -> bool {
                match field {
                    $(stringify!($field) => {
                        self.$field = from.$field.clone();
                        true
                    })*
                    $($(stringify!($latest) => {
                        self.$latest = from.$latest.clone();
                        true
                    })*)?
                    _ => false,
                }
            }

            fn field_value(&self, field: &str) -> Option<FieldValue> {
                match field {
                    $(stringify!($field) => Some(FieldValue::of(&self.$field)),)*
                    $($(stringify!($latest) => Some(FieldValue::of(&self.$latest)),)*)?
                    _ => None,
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
        cluster_term, cluster_term_plural, term_years, term_basis, chosen_variant,
    }
    Cluster {
        id, name, domain, status, start_year, term_end_year, max_yearly_funding, note,
        recommendation,
    }
    Scenario { id, number, title, description, sub_options, conditions }
    Assignment {
        id, cluster, scenario, role, desirability, feasibility, sub_options, conditions,
        budget, variant,
    }
    Argument {
        id, polarity, subject, text, source, weight, internal, citation, created;
        latest: modified
    }
    AdvisoryBody { id, short_name, full_name, advice }
    Theme { id, name, description, proposed_by, route, host_cluster, citation }
    CompatibilityRule { id, first, second, reason }
    SourceDocument { id, body, file_name, sha256, format, imported, title, date, passages }
    Variant { id, name, recommendation }
}

/// A record type that is merged as a list.
pub(crate) trait Listed: Fields + Identified {
    type Id: Copy + Eq + Hash;
    fn id(&self) -> Self::Id;
    fn key(&self) -> RecordKey;
    fn wrap(self) -> AnyRecord;
    /// The record's own short text (name, title, text), to name it in a report.
    fn name(&self) -> String;
}

macro_rules! listed {
    ($($ty:ident, $id:ident, $variant:ident, |$r:ident| $name:expr;)*) => {$(
        impl Listed for $ty {
            type Id = $id;
            fn id(&self) -> $id { self.id }
            fn key(&self) -> RecordKey { RecordKey::$variant(self.id) }
            fn wrap(self) -> AnyRecord { AnyRecord::$variant(self) }
            fn name(&self) -> String { let $r = self; $name }
        }
    )*};
}

listed! {
    Cluster, ClusterId, Cluster, |r| r.name.clone();
    Scenario, ScenarioId, Scenario, |r| r.label();
    // An assignment has no name of its own; its conditions are what a person wrote.
    Assignment, AssignmentId, Assignment, |r| if r.conditions.is_empty() { r.id.to_string() } else { r.conditions.clone() };
    Argument, ArgumentId, Argument, |r| r.text.clone();
    AdvisoryBody, BodyId, Body, |r| r.short_name.clone();
    Theme, ThemeId, Theme, |r| r.name.clone();
    CompatibilityRule, RuleId, Rule, |r| r.reason.clone();
    SourceDocument, DocumentId, Document, |r| r.file_name.clone();
    Variant, VariantId, Variant, |r| r.name.clone();
}

/// The record a key names, whole.
pub fn record_of(ws: &Workspace, key: RecordKey) -> Option<Record> {
    fn find<T: Listed>(list: &[T], key: RecordKey) -> Option<Record> {
        list.iter()
            .find(|r| r.key() == key)
            .cloned()
            .map(|r| Record::from(r.wrap()))
    }
    match key {
        RecordKey::Cluster(_) => find(&ws.clusters, key),
        RecordKey::Scenario(_) => find(&ws.scenarios, key),
        RecordKey::Assignment(_) => find(&ws.assignments, key),
        RecordKey::Argument(_) => find(&ws.arguments, key),
        RecordKey::Body(_) => find(&ws.bodies, key),
        RecordKey::Theme(_) => find(&ws.themes, key),
        RecordKey::Rule(_) => find(&ws.rules, key),
        RecordKey::Document(_) => find(&ws.documents, key),
        RecordKey::Variant(_) => find(&ws.variants, key),
        RecordKey::Conflict(id) => ws
            .conflicts
            .iter()
            .find(|c| c.id == id)
            .cloned()
            .map(Record::Conflict),
    }
}

/// Copies one field from `from`; false for an unknown field or two different kinds.
pub(super) fn copy_record_field(current: &mut Record, from: &AnyRecord, field: &str) -> bool {
    match (current, from) {
        (Record::Cluster(c), AnyRecord::Cluster(f)) => c.copy_field(f, field),
        (Record::Scenario(c), AnyRecord::Scenario(f)) => c.copy_field(f, field),
        (Record::Assignment(c), AnyRecord::Assignment(f)) => c.copy_field(f, field),
        (Record::Argument(c), AnyRecord::Argument(f)) => c.copy_field(f, field),
        (Record::Body(c), AnyRecord::Body(f)) => c.copy_field(f, field),
        (Record::Theme(c), AnyRecord::Theme(f)) => c.copy_field(f, field),
        (Record::Rule(c), AnyRecord::Rule(f)) => c.copy_field(f, field),
        (Record::Document(c), AnyRecord::Document(f)) => c.copy_field(f, field),
        (Record::Variant(c), AnyRecord::Variant(f)) => c.copy_field(f, field),
        _ => false,
    }
}

/// One field of a record of any kind; `None` for an unknown field.
pub fn record_field(record: &AnyRecord, field: &str) -> Option<FieldValue> {
    match record {
        AnyRecord::Cluster(r) => r.field_value(field),
        AnyRecord::Scenario(r) => r.field_value(field),
        AnyRecord::Assignment(r) => r.field_value(field),
        AnyRecord::Argument(r) => r.field_value(field),
        AnyRecord::Body(r) => r.field_value(field),
        AnyRecord::Theme(r) => r.field_value(field),
        AnyRecord::Rule(r) => r.field_value(field),
        AnyRecord::Document(r) => r.field_value(field),
        AnyRecord::Variant(r) => r.field_value(field),
    }
}

/// Both values of a field conflict: the stored ones, or for a conflict from a file
/// that did not store them, the field as `ws` holds it now and as the other side's
/// record holds it. `None` for a deletion or when either cannot be read.
pub fn conflict_values(
    ws: &Workspace,
    conflict: &super::super::conflict::MergeConflict,
) -> Option<ConflictValues> {
    if let Some(values) = &conflict.values {
        return Some(values.clone());
    }
    let field = conflict.field.as_deref()?;
    let (current, other) = match (&conflict.target, conflict.alternative.as_ref()?) {
        (ConflictTarget::Meta, ConflictValue::Meta(theirs)) => {
            (ws.meta.field_value(field)?, theirs.field_value(field)?)
        }
        (ConflictTarget::Record(key), ConflictValue::Record(theirs)) => {
            let current = record_of(ws, *key)?.plain()?;
            (record_field(&current, field)?, record_field(theirs, field)?)
        }
        _ => return None,
    };
    // `values` are MINE's and THEIRS'; the workspace holds the kept side's.
    Some(match conflict.kept {
        super::super::conflict::Side::Mine => ConflictValues {
            mine: current,
            theirs: other,
        },
        super::super::conflict::Side::Theirs => ConflictValues {
            mine: other,
            theirs: current,
        },
    })
}
