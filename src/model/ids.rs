//! Stable identifiers. Records refer to each other by id, never by position, so
//! reordering, deletion, undo and merging two copies all keep references intact.
//! Ids are random UUIDs so that two colleagues adding records offline never collide.

use serde::{Deserialize, Serialize};
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
    /// A disagreement left by merging two copies, waiting for a person's choice.
    ConflictId,
);
