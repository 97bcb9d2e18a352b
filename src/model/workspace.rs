//! The workspace: everything a file holds. The records themselves are in
//! `records.rs` (re-exported here, so `workspace::*` still names them all) and the
//! merge conflicts in `conflict.rs`.

use serde::{Deserialize, Serialize};

pub use super::records::*;
pub use super::sources::*;

use super::conflict::MergeConflict;
use super::ids::*;
use super::money::Euro;

/// The whole consultation: everything a file holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Workspace {
    pub meta: Metadata,
    #[serde(deserialize_with = "deserialize_settled")]
    pub clusters: Vec<Cluster>,
    #[serde(deserialize_with = "deserialize_settled")]
    pub scenarios: Vec<Scenario>,
    #[serde(deserialize_with = "deserialize_settled")]
    pub assignments: Vec<Assignment>,
    #[serde(deserialize_with = "deserialize_settled")]
    pub arguments: Vec<Argument>,
    #[serde(deserialize_with = "deserialize_settled")]
    pub bodies: Vec<AdvisoryBody>,
    #[serde(deserialize_with = "deserialize_settled")]
    pub themes: Vec<Theme>,
    #[serde(deserialize_with = "deserialize_settled")]
    pub rules: Vec<CompatibilityRule>,
    /// Imported advice documents; empty in a file without any.
    #[serde(
        deserialize_with = "deserialize_settled",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub documents: Vec<SourceDocument>,
    /// Disagreements left by a merge, for review; empty in a file nobody merged.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<MergeConflict>,
}

impl Workspace {
    /// A workspace for a next consultation: the texts' frame, no records.
    pub fn empty() -> Self {
        Self {
            meta: Metadata {
                title: "Nieuwe consultatie".to_owned(),
                // No cap until the consultation sets one: the next green paper may
                // fund otherwise, and the document must not print this one's figure.
                funding_cap: Euro(0),
                ..Metadata::default()
            },
            ..Self::default()
        }
    }

    pub fn cluster(&self, id: ClusterId) -> Option<&Cluster> {
        self.clusters.iter().find(|c| c.id == id)
    }

    pub fn scenario(&self, id: ScenarioId) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    pub fn body(&self, id: BodyId) -> Option<&AdvisoryBody> {
        self.bodies.iter().find(|b| b.id == id)
    }

    pub fn assignment(&self, id: AssignmentId) -> Option<&Assignment> {
        self.assignments.iter().find(|a| a.id == id)
    }

    pub fn argument(&self, id: ArgumentId) -> Option<&Argument> {
        self.arguments.iter().find(|a| a.id == id)
    }

    pub fn theme(&self, id: ThemeId) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    #[cfg(test)] // Only the unit tests read it.
    /// The assignment of a cluster under a scenario, if any.
    pub(crate) fn assignment_of(
        &self,
        cluster: ClusterId,
        scenario: ScenarioId,
    ) -> Option<&Assignment> {
        self.assignments
            .iter()
            .find(|a| a.cluster == cluster && a.scenario == scenario)
    }

    /// A new assignment of a cluster to a scenario: primary when it is the cluster's
    /// first, complementary when it combines with scenarios it already has.
    pub fn new_assignment(&self, cluster: ClusterId, scenario: ScenarioId) -> Assignment {
        let already = self.assignments.iter().any(|a| a.cluster == cluster);
        Assignment {
            cluster,
            scenario,
            role: if already {
                Role::Complementary
            } else {
                Role::Primary
            },
            ..Assignment::default()
        }
    }

    /// The short name of a source, for badges and tables.
    pub(crate) fn source_name(&self, source: Source) -> String {
        match source {
            Source::OwnAnalysis => "Eigen analyse".to_owned(),
            Source::Body(id) => self
                .body(id)
                .map_or_else(|| "Onbekende bron".to_owned(), |b| b.short_name.clone()),
        }
    }

    /// The title and number of a scenario, or a placeholder for a dangling reference.
    pub(crate) fn scenario_label(&self, id: ScenarioId) -> String {
        self.scenario(id)
            .map_or_else(|| "Onbekend scenario".to_owned(), Scenario::label)
    }

    pub fn cluster_name(&self, id: ClusterId) -> String {
        self.cluster(id)
            .map_or_else(|| "Onbekende cluster".to_owned(), |c| c.name.clone())
    }
}
