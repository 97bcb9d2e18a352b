//! Undo steps as a person expects them, decided in one place: panels say which record
//! and field an edit changes, and this decides whether it joins the step before it.
//!
//! An edit to a field joins the previous edit to the same field while a gesture goes
//! on: typing into a focused text field (a name, an amount, a year, a date) or
//! dragging a value. The step ends when the gesture does: the keyboard focus moves or
//! the drag stops. A click or a choice is a step of its own, even twice on one field.

use crate::model::{CoalesceKey, Edit, EditError, Session};

#[derive(Default)]
pub(crate) struct Gesture {
    /// The focused widget and the dragged one when edits were last applied.
    last: (Option<egui::Id>, Option<egui::Id>),
}

/// Applies an edit a panel asked for this frame; `field` is the record and field it
/// changes, if it changes one.
pub fn apply(
    ctx: &egui::Context,
    session: &mut Session,
    edit: Edit,
    field: Option<CoalesceKey>,
) -> Result<(), EditError> {
    let going_on = ctx.text_edit_focused() || ctx.dragged_id().is_some();
    match field.filter(|_| going_on) {
        Some(key) => session.apply_continuing(edit, key),
        None => session.apply(edit),
    }
}

impl Gesture {
    /// Call once a frame, before applying its edits: a gesture that ended (the focus
    /// moved, a drag started or stopped) seals its step, so this frame's edits start
    /// a new one. Before, not after: the first edit of a drag or of typing into a
    /// field that just got the focus belongs to the new gesture's step.
    pub fn follow(&mut self, ctx: &egui::Context, session: &mut Session) {
        let now = (ctx.memory(|m| m.focused()), ctx.dragged_id());
        if now != self.last {
            session.seal();
            self.last = now;
        }
    }
}
