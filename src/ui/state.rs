//! What panels share: the read-only view of the frame and the outbox they fill.

use egui::Id;

use crate::model::{
    ArgumentId, BodyId, ClusterId, CoalesceKey, Edit, Record, RecordKey, ScenarioId, ThemeId,
    Workspace,
};

use super::text::{Language, Tr};
use crate::model::derived::Derived;

/// The views over one workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum View {
    Matrix,
    Board,
    Scenarios,
    Advice,
    Themes,
    Charts,
    Document,
    Preview,
    Variants,
    /// The imported advice documents (*Bronteksten*), see `ui::reader`.
    Sources,
    /// The versions in the file (*Geschiedenis*), see `ui::history_view`.
    History,
}

impl View {
    pub const ALL: [View; 11] = [
        View::Matrix,
        View::Board,
        View::Scenarios,
        View::Advice,
        View::Themes,
        View::Charts,
        View::Document,
        View::Preview,
        View::Variants,
        View::Sources,
        View::History,
    ];

    pub fn label(self, t: &Tr) -> &'static str {
        match self {
            View::Matrix => t.view_matrix,
            View::Board => t.view_board,
            View::Scenarios => t.view_scenarios,
            View::Advice => t.view_advice,
            View::Themes => t.view_themes,
            View::Charts => t.view_charts,
            View::Document => t.view_document,
            View::Preview => t.view_preview,
            View::Variants => super::variants_text::VariantTexts::of_tr(t).view,
            View::Sources => super::reader::text::for_tr(t).view,
            View::History => super::history_view::words(t.lang).view,
        }
    }
}

/// What the detail panel and the keyboard act on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Selection {
    #[default]
    Nothing,
    Cluster(ClusterId),
    /// A cluster under a scenario: a matrix cell or a board card.
    Cell(ClusterId, ScenarioId),
    Scenario(ScenarioId),
    Argument(ArgumentId),
    Body(BodyId),
    Theme(ThemeId),
}

impl Selection {
    pub fn cluster(self) -> Option<ClusterId> {
        match self {
            Selection::Cluster(c) | Selection::Cell(c, _) => Some(c),
            _ => None,
        }
    }
}

/// Everything a panel may read while drawing.
pub struct Frame<'a> {
    pub ws: &'a Workspace,
    pub derived: &'a Derived,
    pub selection: Selection,
    pub t: &'static Tr,
    /// The interface language, for numbers, money and dates (`t` is its texts).
    pub lang: Language,
    /// Today's date, for new arguments' timestamps.
    pub now: jiff::Timestamp,
}

/// What panels ask for while drawing; the app carries it out after the frame.
#[derive(Default)]
pub struct Outbox {
    /// Each edit with the record and field it changes, if it changes one field. Panels
    /// only say *what* changed: whether it joins the previous edit into one undo step
    /// is the app's decision (see `ui::gesture`), taken in one place from the focus.
    pub edits: Vec<(Edit, Option<CoalesceKey>)>,
    /// Removals that need a confirmation because others refer to the record.
    pub removals: Vec<RecordKey>,
    pub select: Option<Selection>,
    pub view: Option<super::state::View>,
    /// A widget to focus after the edits land (e.g. the text of a new argument).
    pub focus: Option<Id>,
    /// What a screen reader should hear about this frame's change, when the app's
    /// own wording (see `ui::announce`) does not fit.
    pub announce: Option<String>,
}

impl Outbox {
    /// An edit that is a step of its own: adding, removing or moving a record.
    pub fn edit(&mut self, edit: Edit) {
        self.edits.push((edit, None));
    }

    /// Replaces a record after a change to one of its fields (typed, dragged, clicked
    /// or chosen).
    pub fn set(&mut self, record: impl Into<Record>, field: &'static str) {
        let record = record.into();
        let key = CoalesceKey::Field(record.key(), field);
        self.edits.push((Edit::Put(record), Some(key)));
    }

    /// Replaces the metadata after a change to one of its fields.
    pub(crate) fn set_meta(&mut self, meta: crate::model::Metadata, field: &'static str) {
        self.edits.push((
            Edit::SetMeta(Box::new(meta)),
            Some(CoalesceKey::Meta(field)),
        ));
    }

    pub fn remove(&mut self, key: RecordKey) {
        self.removals.push(key);
    }
}
