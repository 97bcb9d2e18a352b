//! The records of a consultation: the metadata and every kind of record a workspace
//! lists. The workspace that holds them is in `workspace.rs`, the conflicts a merge
//! leaves in `conflict.rs`; this file depends on neither.
//!
//! Every persisted struct tolerates missing fields (`#[serde(default)]`), so a file
//! written by an older version loads; renamed or retyped fields go through
//! `store::migrate` instead. A record whose `id` is left out gets the nil id here and a
//! content-derived one when its list is read (`ids::deserialize_settled`): a random id
//! per load would make two identical copies of one file differ, and a merge of them
//! would then keep both versions of every id-less record.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::ids::*;
use super::money::Euro;
use super::sources::SourceDocument;
/// What the communication says about itself, and the texts around the records.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Metadata {
    /// Working title of the consultation, shown in the window.
    pub title: String,
    /// The "Betreft:" line.
    pub subject: String,
    /// The minister's title line; the document prints it in capitals.
    pub minister_title: String,
    /// Who signs, e.g. "Jo BROUNS".
    pub signatory: String,
    /// `VR YYYY DDMM MED.NNNN/n`, empty until the secretariat assigns one.
    pub document_number: String,
    pub date: Option<Date>,
    /// Author or cabinet.
    pub author: String,
    /// Leave out internal arguments and notes.
    pub public_version: bool,
    /// Mark every page "Vertrouwelijk – ontwerp".
    pub confidential_draft: bool,
    /// The maximum yearly funding of one spearhead cluster today.
    pub funding_cap: Euro,
    /// The number of clusters funded today at that cap, for the budget comparison.
    pub funded_today: u32,
    /// Context paragraphs (Situering), separated by blank lines.
    pub context: String,
    /// The legal basis of the funding and its time limit.
    pub legal_basis: String,
    /// The questions on which advice was asked.
    pub advice_questions: Vec<String>,
    pub overall_recommendation: String,
    /// Further timing (Verdere timing).
    pub timing: String,
    /// The closing sentence above the signature.
    pub closing: String,
    /// What the policy calls the entities it funds, singular and plural
    /// ("speerpuntcluster", "speerpuntclusters"); empty: "cluster", "clusters".
    #[serde(default)]
    pub cluster_term: String,
    #[serde(default)]
    pub cluster_term_plural: String,
    /// The longest term of funding in years (10 in the Green Paper); `None` when the
    /// consultation sets none, and then the document names no term.
    #[serde(default)]
    pub term_years: Option<u32>,
    /// Where that term is laid down ("artikel 27 AGVV"); empty for none.
    #[serde(default)]
    pub term_basis: String,
    /// Which variant is *the* recommendation the communication presents; `None` (or
    /// an id no variant has) for the first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chosen_variant: Option<VariantId>,
}

impl Metadata {
    /// The entities' name, singular: "speerpuntcluster", or "cluster" when not set.
    pub(crate) fn cluster_word(&self) -> String {
        let term = self.cluster_term.trim();
        if term.is_empty() { "cluster" } else { term }.to_owned()
    }

    /// The entities' name, plural: "speerpuntclusters", or "clusters" when not set.
    pub(crate) fn clusters_word(&self) -> String {
        let plural = self.cluster_term_plural.trim();
        if !plural.is_empty() {
            plural.to_owned()
        } else if self.cluster_term.trim().is_empty() {
            "clusters".to_owned()
        } else {
            format!("{}s", self.cluster_term.trim())
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ClusterStatus {
    #[default]
    Active,
    /// Being set up (in oprichting).
    Founding,
    Stopped,
}

impl ClusterStatus {
    pub const ALL: [ClusterStatus; 3] = [Self::Active, Self::Founding, Self::Stopped];

    pub fn dutch(self) -> &'static str {
        match self {
            Self::Active => "actief",
            Self::Founding => "in oprichting",
            Self::Stopped => "stopgezet",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Cluster {
    #[serde(default = "ClusterId::missing")]
    pub id: ClusterId,
    pub name: String,
    /// Domain or transition it serves.
    pub domain: String,
    pub status: ClusterStatus,
    pub start_year: Option<i32>,
    /// Last year of the ten-year term allowed by AGVV article 27.
    pub term_end_year: Option<i32>,
    pub max_yearly_funding: Option<Euro>,
    pub note: String,
    /// The cabinet's recommendation for this cluster.
    pub recommendation: String,
}

impl Default for Cluster {
    fn default() -> Self {
        Self {
            id: ClusterId::random(),
            name: String::new(),
            domain: String::new(),
            status: ClusterStatus::Active,
            start_year: None,
            term_end_year: None,
            max_yearly_funding: None,
            note: String::new(),
            recommendation: String::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SubOption {
    #[serde(default = "SubOptionId::missing")]
    pub id: SubOptionId,
    pub title: String,
    pub description: String,
}

impl Default for SubOption {
    fn default() -> Self {
        Self {
            id: SubOptionId::random(),
            title: String::new(),
            description: String::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scenario {
    #[serde(default = "ScenarioId::missing")]
    pub id: ScenarioId,
    pub number: u32,
    /// Short title for columns and headings.
    pub title: String,
    pub description: String,
    #[serde(deserialize_with = "deserialize_settled")]
    pub sub_options: Vec<SubOption>,
    /// Conditions the scenario sets, e.g. steering by companies.
    pub conditions: String,
}

impl Default for Scenario {
    fn default() -> Self {
        Self {
            id: ScenarioId::random(),
            number: 0,
            title: String::new(),
            description: String::new(),
            sub_options: Vec::new(),
            conditions: String::new(),
        }
    }
}

impl Scenario {
    /// "Scenario 3" or, without a number, the title.
    pub fn label(&self) -> String {
        if self.number > 0 {
            format!("Scenario {}", self.number)
        } else {
            self.title.clone()
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    #[default]
    Primary,
    Complementary,
}

impl Role {
    pub const ALL: [Role; 2] = [Self::Primary, Self::Complementary];

    pub fn dutch(self) -> &'static str {
        match self {
            Self::Primary => "primair",
            Self::Complementary => "complementair",
        }
    }
}

/// A score from 1 (low) to 5 (high). Values outside that range load, and
/// validation reports them.
pub(crate) type Score = u8;
pub(crate) const SCORE_RANGE: std::ops::RangeInclusive<Score> = 1..=5;

/// Structural funding for a number of years.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearlyBudget {
    pub amount: Euro,
    pub first_year: i32,
    pub last_year: i32,
}

impl YearlyBudget {
    pub fn covers(&self, year: i32) -> bool {
        (self.first_year..=self.last_year).contains(&year)
    }
}

/// A cluster placed under a scenario. A cluster may stand under several.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Assignment {
    #[serde(default = "AssignmentId::missing")]
    pub id: AssignmentId,
    pub cluster: ClusterId,
    pub scenario: ScenarioId,
    pub role: Role,
    pub desirability: Option<Score>,
    pub feasibility: Option<Score>,
    pub sub_options: Vec<SubOptionId>,
    pub conditions: String,
    pub budget: Option<YearlyBudget>,
    /// The variant the assignment belongs to; `None` for the first variant (and the
    /// one implicit variant of a workspace that lists none), so a file without
    /// variants reads and writes unchanged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variant: Option<VariantId>,
}

impl Default for Assignment {
    fn default() -> Self {
        Self {
            id: AssignmentId::random(),
            cluster: ClusterId::from_u128(0),
            scenario: ScenarioId::from_u128(0),
            role: Role::Primary,
            desirability: None,
            feasibility: None,
            sub_options: Vec::new(),
            conditions: String::new(),
            budget: None,
            variant: None,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Polarity {
    #[default]
    Pro,
    Contra,
}

impl Polarity {
    pub fn dutch(self) -> &'static str {
        match self {
            Self::Pro => "pro",
            Self::Contra => "contra",
        }
    }
}

/// What an argument is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Subject {
    /// The scenario as a whole.
    Scenario(ScenarioId),
    /// One cluster under one scenario.
    ClusterScenario {
        cluster: ClusterId,
        scenario: ScenarioId,
    },
}

impl Subject {
    pub fn scenario(self) -> ScenarioId {
        match self {
            Self::Scenario(s) | Self::ClusterScenario { scenario: s, .. } => s,
        }
    }

    pub fn cluster(self) -> Option<ClusterId> {
        match self {
            Self::Scenario(_) => None,
            Self::ClusterScenario { cluster, .. } => Some(cluster),
        }
    }
}

/// Where an argument comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Source {
    Body(BodyId),
    #[default]
    OwnAnalysis,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Argument {
    #[serde(default = "ArgumentId::missing")]
    pub id: ArgumentId,
    pub polarity: Polarity,
    pub subject: Subject,
    pub text: String,
    pub source: Source,
    /// 1 (minor) to 3 (decisive).
    pub weight: u8,
    /// Left out of a public version.
    pub internal: bool,
    /// Where in its body's advice the argument comes from; empty when not cited. Only
    /// meaningful for [`Source::Body`]: the advice is that body's.
    #[serde(skip_serializing_if = "Citation::is_empty")]
    pub citation: Citation,
    pub created: Timestamp,
    pub modified: Timestamp,
}

impl Default for Argument {
    fn default() -> Self {
        Self {
            id: ArgumentId::random(),
            polarity: Polarity::Pro,
            subject: Subject::Scenario(ScenarioId::from_u128(0)),
            text: String::new(),
            source: Source::OwnAnalysis,
            weight: 2,
            internal: false,
            citation: Citation::default(),
            created: Timestamp::UNIX_EPOCH,
            modified: Timestamp::UNIX_EPOCH,
        }
    }
}

/// How an advisory body stands on a scenario.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Stance {
    Supports,
    Conditional,
    Neutral,
    Rejects,
    #[default]
    NotStated,
}

impl Stance {
    pub const ALL: [Stance; 5] = [
        Self::Supports,
        Self::Conditional,
        Self::Neutral,
        Self::Rejects,
        Self::NotStated,
    ];

    pub fn dutch(self) -> &'static str {
        match self {
            Self::Supports => "steunt",
            Self::Conditional => "voorwaardelijk",
            Self::Neutral => "neutraal",
            Self::Rejects => "wijst af",
            Self::NotStated => "niet vermeld",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScenarioStance {
    pub scenario: ScenarioId,
    pub stance: Stance,
    /// A short quote from the advice: the quoted words of the stance's citation.
    pub quote: String,
    /// Where in the owner's advice the quote stands; empty when not given.
    #[serde(skip_serializing_if = "Passage::is_empty")]
    pub passage: Passage,
}

impl ScenarioStance {
    /// The stance's citation: its passage and its quote (the advice is the owner's).
    pub fn citation(&self) -> Citation {
        Citation {
            passage: self.passage.clone(),
            quote: self.quote.clone(),
        }
    }
}

/// Where in an advice a citation points: its page, its paragraph, or both. Empty for
/// the advice as a whole. The advice itself (body, reference, date) is not repeated
/// here: it lives on [`AdvisoryBody::advice`], found through the cited record's body.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Passage {
    /// The page as printed in the advice (1-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The paragraph's number or mark as the advice writes it ("12", "3.2").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub paragraph: String,
    /// The imported document and the words in it, when the citation was made in the
    /// reader (format version 4); `None` for a citation typed by hand. The page or
    /// paragraph above is still filled from the document's own locator, so the
    /// footnote needs nothing else. Boxed: every argument and stance carries a
    /// passage, most without a source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Box<super::sources::DocumentSpot>>,
}

impl Passage {
    /// Nothing given at all. Exact, not trimmed: a file keeps what was typed, even a
    /// lone space.
    pub fn is_empty(&self) -> bool {
        self.page.is_none() && self.paragraph.is_empty() && self.source.is_none()
    }
}

/// A citation of an advice: where in it, and the words quoted. Which advice follows
/// from the record that carries it (an argument's source body, a stance's owner, a
/// theme's [`ThemeCitation::body`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Citation {
    #[serde(skip_serializing_if = "Passage::is_empty")]
    pub passage: Passage,
    /// The quoted words, as the advice writes them; empty for none.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub quote: String,
}

impl Citation {
    /// Nothing given at all (exact, as [`Passage::is_empty`]).
    pub fn is_empty(&self) -> bool {
        self.passage.is_empty() && self.quote.is_empty()
    }

    /// Whether the citation says anything a reader can see: a page, or a paragraph or
    /// quote that is more than white space.
    pub(crate) fn says_something(&self) -> bool {
        self.passage.page.is_some()
            || !self.passage.paragraph.trim().is_empty()
            || !self.quote.trim().is_empty()
    }
}

/// A theme's citation: a theme may be proposed by several bodies, so it names whose
/// advice it cites.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeCitation {
    pub body: BodyId,
    #[serde(default, skip_serializing_if = "Citation::is_empty")]
    pub citation: Citation,
}

impl Default for ScenarioId {
    fn default() -> Self {
        Self::from_u128(0)
    }
}

/// The advice a body gave. Empty until it arrives.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Advice {
    pub received: Option<Date>,
    pub reference: String,
    pub summary: String,
    pub stances: Vec<ScenarioStance>,
}

impl Advice {
    pub(crate) fn stance_on(&self, scenario: ScenarioId) -> Stance {
        self.stances
            .iter()
            .find(|s| s.scenario == scenario)
            .map_or(Stance::NotStated, |s| s.stance)
    }

    /// Whether the advice itself says it came in. A body's advice also came in when
    /// its document was imported: ask [`Workspace::advice_received`], which knows both.
    pub(crate) fn is_received(&self) -> bool {
        // Stances are advice too: a body that took them has spoken, date or not.
        self.received.is_some()
            || !self.summary.is_empty()
            || !self.reference.is_empty()
            || !self.stances.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AdvisoryBody {
    #[serde(default = "BodyId::missing")]
    pub id: BodyId,
    /// Short name used on badges: "SERV".
    pub short_name: String,
    pub full_name: String,
    pub advice: Advice,
}

impl Default for AdvisoryBody {
    fn default() -> Self {
        Self {
            id: BodyId::random(),
            short_name: String::new(),
            full_name: String::new(),
            advice: Advice::default(),
        }
    }
}

/// How a missing theme could get its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ThemeRoute {
    /// A new call for Innovatieve Bedrijfsnetwerken.
    NewNetworkCall,
    NewSpearheadCluster,
    WithinExistingCluster,
}

impl ThemeRoute {
    pub const ALL: [ThemeRoute; 3] = [
        Self::NewNetworkCall,
        Self::NewSpearheadCluster,
        Self::WithinExistingCluster,
    ];

    pub fn dutch(self) -> &'static str {
        match self {
            Self::NewNetworkCall => "nieuwe oproep Innovatieve Bedrijfsnetwerken",
            Self::NewSpearheadCluster => "nieuwe speerpuntcluster",
            Self::WithinExistingCluster => "binnen een bestaande cluster",
        }
    }
}

/// A strategically important theme missing from the current clusters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Theme {
    #[serde(default = "ThemeId::missing")]
    pub id: ThemeId,
    pub name: String,
    pub description: String,
    pub proposed_by: Vec<BodyId>,
    pub route: Option<ThemeRoute>,
    /// The cluster that would take it up, for [`ThemeRoute::WithinExistingCluster`].
    pub host_cluster: Option<ClusterId>,
    /// The advice that proposes it, and where; `None` when not cited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<ThemeCitation>,
}

impl Default for Theme {
    fn default() -> Self {
        Self {
            id: ThemeId::random(),
            name: String::new(),
            description: String::new(),
            proposed_by: Vec::new(),
            route: None,
            host_cluster: None,
            citation: None,
        }
    }
}

/// Two scenarios (or sub-options of them) that one cluster should not combine.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CompatibilityRule {
    #[serde(default = "RuleId::missing")]
    pub id: RuleId,
    pub first: ScenarioId,
    pub second: ScenarioId,
    pub reason: String,
}

impl Default for CompatibilityRule {
    fn default() -> Self {
        Self {
            id: RuleId::random(),
            first: ScenarioId::from_u128(0),
            second: ScenarioId::from_u128(0),
            reason: String::new(),
        }
    }
}

/// A recommendation variant: a named alternative with its own assignments (those
/// whose [`Assignment::variant`] names it) and its own overall recommendation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Variant {
    #[serde(default = "VariantId::missing")]
    pub id: VariantId,
    pub name: String,
    /// The variant's overall recommendation; the document prints the chosen one's.
    pub recommendation: String,
}

impl Default for Variant {
    fn default() -> Self {
        Self {
            id: VariantId::random(),
            name: String::new(),
            recommendation: String::new(),
        }
    }
}

/// Lets `ids::deserialize_settled` and the merge's id check reach every record's id.
macro_rules! identified {
    ($($ty:ident: $kind:literal,)*) => {$(
        impl Identified for $ty {
            const KIND: &'static str = $kind;
            fn uuid(&self) -> uuid::Uuid {
                self.id.0
            }
            fn set_uuid(&mut self, id: uuid::Uuid) {
                self.id.0 = id;
            }
        }
    )*};
}

identified! {
    Cluster: "cluster",
    SubOption: "sub_option",
    Scenario: "scenario",
    Assignment: "assignment",
    Argument: "argument",
    AdvisoryBody: "body",
    Theme: "theme",
    CompatibilityRule: "rule",
    SourceDocument: "document",
    Variant: "variant",
}
