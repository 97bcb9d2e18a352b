//! A disagreement that merging two copies left for a person: which record, which
//! field, and both values. Data only: `crate::wording` words it for the window (Dutch
//! or English), the command line and the exports, so no sentence is stored in a file.
//!
//! This file sits beside the other records (`records.rs`) and depends on nothing but
//! them and the ids, so `workspace.rs` can hold conflicts without a module cycle.

use serde::{Deserialize, Serialize};

use super::sources::SourceDocument;

use super::ids::*;
use super::records::*;

/// One of the two copies being merged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    /// The copy the merge started from (MINE, the first file).
    Mine,
    /// The colleague's copy (THEIRS, the second file).
    Theirs,
}

impl Side {
    pub fn other(self) -> Side {
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

/// One record of any kind except a conflict, whole.
///
/// Its variants are named as `edit::Record`'s, so files whose conflicts were written
/// with an `edit::Record` read the same; leaving out the conflict variant is what
/// keeps this file free of `edit.rs`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum AnyRecord {
    Cluster(Cluster),
    Scenario(Scenario),
    Assignment(Assignment),
    Argument(Argument),
    Body(AdvisoryBody),
    Theme(Theme),
    Rule(CompatibilityRule),
    Document(SourceDocument),
    Variant(Variant),
}

impl AnyRecord {
    pub fn key(&self) -> RecordKey {
        match self {
            AnyRecord::Cluster(r) => RecordKey::Cluster(r.id),
            AnyRecord::Scenario(r) => RecordKey::Scenario(r.id),
            AnyRecord::Assignment(r) => RecordKey::Assignment(r.id),
            AnyRecord::Argument(r) => RecordKey::Argument(r.id),
            AnyRecord::Body(r) => RecordKey::Body(r.id),
            AnyRecord::Theme(r) => RecordKey::Theme(r.id),
            AnyRecord::Rule(r) => RecordKey::Rule(r.id),
            AnyRecord::Document(r) => RecordKey::Document(r.id),
            AnyRecord::Variant(r) => RecordKey::Variant(r.id),
        }
    }
}

/// The other side's value, whole, so choosing it needs nothing but the merged file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ConflictValue {
    Meta(Box<Metadata>),
    Record(Box<AnyRecord>),
}

/// One side's value of the field in conflict.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FieldValue {
    /// A text (also a date, a time or an id): stored and shown as the text itself.
    Text(String),
    /// Anything else, as RON (`Some(650000)`, `Founding`, `[…]`).
    Ron(String),
}

impl FieldValue {
    pub fn of<T: Serialize>(value: &T) -> FieldValue {
        // Plain data always serialises; "?" keeps a conflict (and its id) stable if a
        // future field type cannot.
        let ron_text = ron::to_string(value).unwrap_or_else(|_| "?".to_owned());
        match ron::from_str::<String>(&ron_text) {
            Ok(text) => FieldValue::Text(text),
            Err(_) => FieldValue::Ron(ron_text),
        }
    }
}

/// Both sides' values of the field in conflict, as they were when merged.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictValues {
    pub mine: FieldValue,
    pub theirs: FieldValue,
}

/// A disagreement between the two copies, stored in the merged workspace until a
/// person picks a side.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "StoredConflict")]
pub struct MergeConflict {
    pub id: ConflictId,
    pub target: ConflictTarget,
    /// The field both sides changed differently; `None` when one side deleted the
    /// record and the other changed it.
    pub field: Option<String>,
    /// Whose value the merged workspace holds now.
    pub kept: Side,
    /// Both values of `field`; `None` for a deletion, and in files written before
    /// conflicts carried them (the merge then reads them from the records).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<ConflictValues>,
    /// The other side's whole record or metadata; `None` when that side deleted it.
    pub alternative: Option<ConflictValue>,
}

/// What makes two conflicts the same question: merging the same copy again finds it
/// again, and it must not be stored twice.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct ConflictQuestion {
    pub target: ConflictTarget,
    pub field: Option<String>,
    pub kept: Side,
    pub values: Option<ConflictValues>,
}

impl MergeConflict {
    /// A conflict whose id is derived from the question, so the same merge gives the
    /// same file and the same question found twice has one id.
    pub fn new(
        target: ConflictTarget,
        field: Option<String>,
        kept: Side,
        values: Option<ConflictValues>,
        alternative: Option<ConflictValue>,
    ) -> MergeConflict {
        let mut conflict = MergeConflict {
            id: ConflictId::missing(),
            target,
            field,
            kept,
            values,
            alternative,
        };
        conflict.id = conflict.derived_id();
        conflict
    }

    pub fn question(&self) -> ConflictQuestion {
        ConflictQuestion {
            target: self.target,
            field: self.field.clone(),
            kept: self.kept,
            values: self.values.clone(),
        }
    }

    fn derived_id(&self) -> ConflictId {
        let question = ron::to_string(&self.question()).unwrap_or_default();
        ConflictId(stable_uuid(&[b"conflict", question.as_bytes()]))
    }
}

impl Identified for MergeConflict {
    const KIND: &'static str = "conflict";
    fn uuid(&self) -> uuid::Uuid {
        self.id.0
    }
    fn set_uuid(&mut self, id: uuid::Uuid) {
        self.id.0 = id;
    }
}

/// A conflict as files hold it, old ones included.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredConflict {
    #[serde(default = "ConflictId::missing")]
    id: ConflictId,
    target: ConflictTarget,
    #[serde(default)]
    field: Option<String>,
    /// Files from before conflicts were data held a Dutch sentence here. It is read
    /// and dropped: the words now come from `crate::wording`, in either language, and
    /// the values it quoted are in `values` or the records.
    #[serde(default)]
    #[allow(dead_code)]
    description: serde::de::IgnoredAny,
    kept: Side,
    #[serde(default)]
    values: Option<ConflictValues>,
    #[serde(default)]
    alternative: Option<ConflictValue>,
}

impl From<StoredConflict> for MergeConflict {
    fn from(stored: StoredConflict) -> MergeConflict {
        let StoredConflict {
            id,
            target,
            field,
            description: _,
            kept,
            values,
            alternative,
        } = stored;
        let mut conflict = MergeConflict {
            id,
            target,
            field,
            kept,
            values,
            alternative,
        };
        if conflict.id.is_missing() {
            conflict.id = conflict.derived_id();
        }
        conflict
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_stored_as_text_and_other_values_as_ron() {
        assert_eq!(
            FieldValue::of(&"Flux50".to_owned()),
            FieldValue::Text("Flux50".into())
        );
        assert_eq!(
            FieldValue::of(&Some(650_000i64)),
            FieldValue::Ron("Some(650000)".into())
        );
        assert_eq!(
            FieldValue::of(&ClusterStatus::Founding),
            FieldValue::Ron("Founding".into())
        );
    }

    #[test]
    fn an_old_conflict_with_a_dutch_description_loads_without_it() {
        let text = r#"(
            id: "00000000-0000-0000-0000-000000000007",
            target: Record(Cluster("00000000-0000-0000-0000-000000000002")),
            field: Some("name"),
            description: "Cluster “Flux50”: veld ‘name’: jouw versie \"a\", de andere versie \"b\". Jouw waarde staat er nu.",
            kept: Mine,
            alternative: Some(Record(Cluster((id: "00000000-0000-0000-0000-000000000002", name: "b")))),
        )"#;
        let conflict: MergeConflict = ron::from_str(text).expect("an old conflict loads");
        assert_eq!(conflict.id, ConflictId::from_u128(7));
        assert_eq!(conflict.field.as_deref(), Some("name"));
        assert_eq!(conflict.values, None);
        let written = ron::to_string(&conflict).expect("serialises");
        assert!(!written.contains("description"), "{written}");
        assert!(
            !written.contains("jouw"),
            "no prose is written back: {written}"
        );
    }

    #[test]
    fn a_misspelt_conflict_field_is_an_error_not_silently_dropped() {
        let text = r#"(target: Meta, kept: Mine, alternatief: None)"#;
        assert!(ron::from_str::<MergeConflict>(text).is_err());
    }

    #[test]
    fn the_same_question_gets_the_same_id() {
        let values = || {
            Some(ConflictValues {
                mine: FieldValue::Text("a".into()),
                theirs: FieldValue::Text("b".into()),
            })
        };
        let one = MergeConflict::new(
            ConflictTarget::Meta,
            Some("title".into()),
            Side::Mine,
            values(),
            None,
        );
        let two = MergeConflict::new(
            ConflictTarget::Meta,
            Some("title".into()),
            Side::Mine,
            values(),
            None,
        );
        assert_eq!(one.id, two.id);
        let other = MergeConflict::new(
            ConflictTarget::Meta,
            Some("timing".into()),
            Side::Mine,
            values(),
            None,
        );
        assert_ne!(one.id, other.id);
        // A conflict written without an id gets the same derived one.
        let text = ron::to_string(&one).expect("serialises");
        let without_id = text.replacen(&format!("id:\"{}\",", one.id), "", 1);
        assert_ne!(without_id, text, "{text}");
        let back: MergeConflict = ron::from_str(&without_id).expect("loads");
        assert_eq!(back, one);
    }
}
