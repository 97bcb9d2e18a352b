//! The workspace: everything a file holds. The records themselves are in
//! `records.rs` (re-exported here, so `workspace::*` still names them all) and the
//! merge conflicts in `conflict.rs`.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

pub use super::records::*;
pub use super::sources::*;

use super::conflict::MergeConflict;
use super::ids::*;
use super::money::Euro;

/// The name of the one variant of a workspace that lists none.
pub const IMPLICIT_VARIANT_NAME: &str = "Basisvariant";

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
    /// The recommendation variants; empty for a workspace with one implicit variant.
    #[serde(
        deserialize_with = "deserialize_settled",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub variants: Vec<Variant>,
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

    /// Whether `body`'s advice came in: the advice says so (a date, reference,
    /// summary or stance), or its document was imported. The document counts on its
    /// own because an advice without a date or title in its text fills none of the
    /// advice's fields, and the communication must not then say it never came.
    pub fn advice_received(&self, body: &AdvisoryBody) -> bool {
        body.advice.is_received() || self.documents.iter().any(|d| d.body == body.id)
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
            // A projection's chosen variant is the one it shows: the new assignment
            // joins the variant being edited.
            variant: if self.variants.is_empty() {
                None
            } else {
                Some(self.chosen_variant())
            },
            scenario,
            role: if already {
                Role::Complementary
            } else {
                Role::Primary
            },
            ..Assignment::default()
        }
    }

    /// The variants as a person sees them: the listed ones, or the one implicit
    /// variant (nil id, the workspace's own overall recommendation) when none is listed.
    pub fn variant_list(&self) -> Cow<'_, [Variant]> {
        if self.variants.is_empty() {
            Cow::Owned(vec![Variant {
                id: VariantId::missing(),
                name: IMPLICIT_VARIANT_NAME.to_owned(),
                recommendation: self.meta.overall_recommendation.clone(),
            }])
        } else {
            Cow::Borrowed(&self.variants)
        }
    }

    /// The first variant's id: the owner of every assignment without a variant (nil
    /// for the implicit variant).
    pub fn first_variant(&self) -> VariantId {
        self.variants.first().map_or(VariantId::missing(), |v| v.id)
    }

    /// The variant the communication presents: the chosen one if it exists, else the
    /// first.
    pub fn chosen_variant(&self) -> VariantId {
        self.meta
            .chosen_variant
            .filter(|id| self.variants.iter().any(|v| v.id == *id))
            .unwrap_or_else(|| self.first_variant())
    }

    /// The variant an assignment belongs to. An assignment naming a variant that does
    /// not exist (a merge of a copy that deleted it) counts for the first, so its
    /// data stays visible rather than vanishing from every view.
    pub fn variant_of(&self, assignment: &Assignment) -> VariantId {
        assignment
            .variant
            .filter(|id| self.variants.iter().any(|v| v.id == *id))
            .unwrap_or_else(|| self.first_variant())
    }

    /// The workspace as one variant sees it: only that variant's assignments, its
    /// overall recommendation as `meta.overall_recommendation`, and itself as the
    /// chosen variant (so [`Workspace::new_assignment`] tags new assignments with it).
    /// Every reader of "the" assignments (validation, budgets, charts, the document)
    /// takes this, never the whole list. Borrowed when the workspace lists no variants;
    /// an unknown id gives the chosen variant.
    pub fn for_variant(&self, id: VariantId) -> Cow<'_, Workspace> {
        if self.variants.is_empty() {
            return Cow::Borrowed(self);
        }
        let id = if self.variants.iter().any(|v| v.id == id) {
            id
        } else {
            self.chosen_variant()
        };
        let mut shown = Workspace {
            meta: self.meta.clone(),
            clusters: self.clusters.clone(),
            scenarios: self.scenarios.clone(),
            assignments: (self.assignments.iter())
                .filter(|a| self.variant_of(a) == id)
                .cloned()
                .collect(),
            arguments: self.arguments.clone(),
            bodies: self.bodies.clone(),
            themes: self.themes.clone(),
            rules: self.rules.clone(),
            documents: self.documents.clone(),
            variants: self.variants.clone(),
            conflicts: self.conflicts.clone(),
        };
        if let Some(variant) = self.variants.iter().find(|v| v.id == id) {
            shown.meta.overall_recommendation = variant.recommendation.clone();
        }
        shown.meta.chosen_variant = Some(id);
        Cow::Owned(shown)
    }

    /// The workspace as the communication presents it: [`Self::for_variant`] of the
    /// chosen variant.
    pub fn recommended(&self) -> Cow<'_, Workspace> {
        self.for_variant(self.chosen_variant())
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
