//! Stable identifiers. Records refer to each other by id, never by position, so
//! reordering, deletion, undo and merging two copies all keep references intact.
//! Ids are random UUIDs so that two colleagues adding records offline never collide.
//!
//! Two kinds of id are not random, because they must come out the same in every copy
//! of a file: the id given to a record that a file lists without one, and the new id a
//! merge gives a record that shares its id with another (see [`stable_uuid`]).

use std::collections::HashMap;

use serde::{Deserialize, Deserializer, Serialize};
use uuid::Uuid;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh random id.
            pub fn random() -> Self {
                Self(Uuid::new_v4())
            }

            /// A fixed id, for the embedded default workspace and for deterministic test data.
            pub const fn from_u128(value: u128) -> Self {
                Self(Uuid::from_u128(value))
            }

            /// What a record that a file lists without an id holds until its list
            /// gives it one (the nil UUID, which no generator hands out).
            pub const fn missing() -> Self {
                Self(Uuid::nil())
            }

            // Made for every id type; the conflict ids use it, the others may not.
            #[allow(dead_code)]
            pub(crate) fn is_missing(self) -> bool {
                self.0.is_nil()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

id_type!(
    /// A spearhead cluster.
    ClusterId,
    /// One of the scenarios.
    ScenarioId,
    /// A sub-option within a scenario.
    SubOptionId,
    /// A cluster placed under a scenario.
    AssignmentId,
    /// A pro or contra.
    ArgumentId,
    /// An advisory body.
    BodyId,
    /// A missing strategic theme.
    ThemeId,
    /// A compatibility rule between two scenarios.
    RuleId,
    /// An imported advice document.
    DocumentId,
    /// A disagreement left by merging two copies, waiting for a person's choice.
    ConflictId,
    /// A recommendation variant: one whole set of assignments.
    VariantId,
);

/// The id of one record of any kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RecordKey {
    Cluster(ClusterId),
    Scenario(ScenarioId),
    Assignment(AssignmentId),
    Argument(ArgumentId),
    Body(BodyId),
    Theme(ThemeId),
    Rule(RuleId),
    Conflict(ConflictId),
    Document(DocumentId),
    Variant(VariantId),
}

/// A UUID that depends on nothing but `parts`: the same parts give the same id in
/// every copy, on every machine and in every later version of the program.
///
/// FNV-1a over 128 bits, each part prefixed with its length so that ("ab", "c") and
/// ("a", "bc") differ. Not `std`'s hasher: its algorithm may change between Rust
/// releases, and these ids are written into files. Marked as a version 8 (custom)
/// UUID, so it can never equal a random (version 4) one.
pub(crate) fn stable_uuid(parts: &[&[u8]]) -> Uuid {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let mut hash = OFFSET;
    let mut feed = |bytes: &[u8]| {
        for byte in bytes {
            hash ^= u128::from(*byte);
            hash = hash.wrapping_mul(PRIME);
        }
    };
    for part in parts {
        feed(&(part.len() as u64).to_le_bytes());
        feed(part);
    }
    let mut bytes = hash.to_be_bytes();
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    Uuid::from_bytes(bytes)
}

/// A record with an id of its own, as its list in a file holds it.
pub(crate) trait Identified: Serialize {
    /// The record kind, mixed into derived ids so that two kinds never share one.
    const KIND: &'static str;
    fn uuid(&self) -> Uuid;
    fn set_uuid(&mut self, id: Uuid);
}

/// Gives every record of `list` that has no id one derived from its kind and content
/// (and, for identical records, from how many identical ones came before), so that
/// every copy of the file gives it the same id.
///
/// Content, not position: a colleague who inserts a record above it in their copy
/// must not shift its id onto another record.
pub(crate) fn settle_missing<T: Identified>(list: &mut [T]) {
    let mut seen: HashMap<String, u64> = HashMap::new();
    for record in list.iter_mut().filter(|r| r.uuid().is_nil()) {
        // Plain data of strings, numbers and enums always serialises; the empty
        // fallback still yields a deterministic id.
        let content = content_of(&*record);
        let count = seen.entry(content.clone()).or_default();
        let id = stable_uuid(&[
            b"missing",
            T::KIND.as_bytes(),
            content.as_bytes(),
            &count.to_le_bytes(),
        ]);
        *count += 1;
        record.set_uuid(id);
    }
}

/// A record's content as its derived id sees it: its RON text with every string's line
/// breaks made uniform. The ids are settled while the file is read, before the texts'
/// breaks are normalised; without this, the same record saved with CRLF on one laptop
/// and LF on another would get two ids and come out of a merge twice.
fn content_of<T: Serialize>(record: &T) -> String {
    ron::to_string(record)
        .map(|text| uniform_breaks(&text))
        .unwrap_or_default()
}

/// RON text (strings escaped as `char::escape_debug` does) with every escaped line
/// break other than LF written as `\n`, as `text::normalise_breaks` would make it:
/// CRLF, CR, VT, NEL and U+2028 one, FF and U+2029 two. Text with LF breaks only comes
/// out unchanged, so ids derived by earlier versions stay what they were.
fn uniform_breaks(text: &str) -> String {
    const BREAKS: [(&str, &str); 7] = [
        (r"\r\n", r"\n"),
        (r"\r", r"\n"),
        (r"\u{b}", r"\n"),
        (r"\u{85}", r"\n"),
        (r"\u{2028}", r"\n"),
        (r"\u{c}", r"\n\n"),
        (r"\u{2029}", r"\n\n"),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some((from, to)) = BREAKS.iter().find(|(from, _)| rest.starts_with(from)) {
            out.push_str(to);
            rest = &rest[from.len()..];
        } else {
            // Any other escape (`\\`, `\"`, `\n`, `\u{e9}`): its first two characters
            // as they are, so an escaped backslash never starts a break.
            let len: usize = rest.chars().take(2).map(char::len_utf8).sum();
            out.push_str(&rest[..len]);
            rest = &rest[len..];
        }
    }
    out.push_str(rest);
    out
}

/// For `#[serde(deserialize_with)]` on a list of records: reads it and settles the
/// ids the file left out ([`settle_missing`]).
pub(crate) fn deserialize_settled<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Identified + Deserialize<'de>,
{
    let mut list = Vec::<T>::deserialize(deserializer)?;
    settle_missing(&mut list);
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_uuids_depend_on_the_parts_and_their_boundaries_only() {
        let a = stable_uuid(&[b"ab", b"c"]);
        assert_eq!(a, stable_uuid(&[b"ab", b"c"]));
        assert_ne!(a, stable_uuid(&[b"a", b"bc"]));
        assert_eq!(a.get_version_num(), 8);
        assert!(!a.is_nil());
    }

    fn id_of(text: &str) -> Uuid {
        let mut list = vec![crate::model::Argument {
            id: crate::model::ArgumentId::missing(),
            text: text.to_owned(),
            ..crate::model::Argument::default()
        }];
        settle_missing(&mut list);
        list[0].uuid()
    }

    /// The same record with its breaks written by another editor gets the same id;
    /// different text, or a backslash that only looks like a break, does not.
    #[test]
    fn derived_ids_do_not_depend_on_how_breaks_are_written() {
        let lf = id_of("Eerste\nTweede");
        for other in [
            "Eerste\r\nTweede",
            "Eerste\rTweede",
            "Eerste\u{b}Tweede",
            "Eerste\u{85}Tweede",
            "Eerste\u{2028}Tweede",
        ] {
            assert_eq!(id_of(other), lf, "{other:?}");
        }
        assert_eq!(id_of("A\u{c}B"), id_of("A\n\nB"));
        assert_eq!(id_of("A\u{2029}B"), id_of("A\n\nB"));
        assert_ne!(id_of("Eerste Tweede"), lf);
        assert_ne!(id_of("Eerste\\\\rTweede"), id_of("Eerste\\nTweede"));
        assert_ne!(id_of("Eerste\\\\rTweede"), lf);
        // Text without odd breaks keeps the id earlier versions derived.
        let text = ron::to_string(&crate::model::Argument {
            id: crate::model::ArgumentId::missing(),
            text: "café \"x\" \\ 😀".to_owned(),
            ..crate::model::Argument::default()
        })
        .unwrap_or_default();
        assert_eq!(uniform_breaks(&text), text);
    }
}
