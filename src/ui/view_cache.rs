//! What the window derives from the workspace to draw it: warnings, counts and
//! indexes, the charts' series and the preview's document. Each is kept with the
//! session [`Stamp`] it was computed for (a process-unique generation plus the
//! revision), and handed out only for that stamp: nothing computed for one workspace
//! is ever drawn for another, even when both are at revision 0. The app also drops the
//! whole cache when it replaces the session, so an old workspace's data is not kept
//! alive either.

use crate::export::Document;
use crate::model::derived::Derived;
use crate::model::variants::Comparison;
use crate::model::{Session, Stamp, VariantId, Workspace};

use super::charts::ChartData;
use super::state::View;

#[derive(Default)]
pub(crate) struct ViewCache {
    /// The variant the views show; the derived data and the charts are its. `None`
    /// until the first frame.
    variant: Option<VariantId>,
    /// The edited variant's projection (`Workspace::for_variant`) for this stamp; `None`
    /// while the workspace lists no variants and the views read it as it is.
    shown: Option<(Stamp, Workspace)>,
    derived: Derived,
    charts: Option<(Stamp, ChartData)>,
    preview: Option<(Stamp, Document)>,
    comparison: Option<(Stamp, Comparison)>,
}

impl ViewCache {
    /// Brings the derived data up to date, and the chart data or the preview when
    /// `view` shows them (they are costly for a large consultation, so only then).
    pub(crate) fn prepare(
        &mut self,
        session: &Session,
        view: View,
        variant: VariantId,
        current_year: i32,
        today: jiff::civil::Date,
    ) {
        self.project(session, variant);
        self.refresh_derived(session, current_year);
        let stamp = session.stamp();
        match view {
            View::Charts if self.charts_for(stamp).is_none() => {
                let data = ChartData::compute(self.shown(session), today);
                self.charts = Some((stamp, data));
            }
            View::Variants if self.comparison_for(stamp).is_none() => {
                let c = crate::model::variants::compare(session.workspace(), current_year);
                self.comparison = Some((stamp, c));
            }
            View::Preview if self.preview_for(stamp).is_none() => {
                let doc = crate::export::build_document(
                    session.workspace(),
                    &crate::export::ExportOptions::default(),
                );
                self.preview = Some((stamp, doc));
            }
            _ => {}
        }
    }

    /// Keeps the projection of `variant` for the session's state. Another variant
    /// than before drops what was derived from the one shown until now.
    fn project(&mut self, session: &Session, variant: VariantId) {
        if Some(variant) != self.variant {
            self.variant = Some(variant);
            self.derived = Derived::default();
            self.charts = None;
            self.shown = None;
        }
        let ws = session.workspace();
        if ws.variants.is_empty() {
            self.shown = None;
        } else if self
            .shown
            .as_ref()
            .is_none_or(|(s, _)| *s != session.stamp())
        {
            self.shown = Some((session.stamp(), ws.for_variant(variant).into_owned()));
        }
    }

    /// What the views draw: the edited variant's projection, or the workspace itself
    /// when it lists no variants (or the projection is not of this state).
    pub(crate) fn shown<'a>(&'a self, session: &'a Session) -> &'a Workspace {
        match &self.shown {
            Some((stamp, ws)) if *stamp == session.stamp() => ws,
            _ => session.workspace(),
        }
    }

    pub(crate) fn refresh_derived(&mut self, session: &Session, current_year: i32) -> &Derived {
        let stamp = session.stamp();
        let ws = match &self.shown {
            Some((s, ws)) if *s == stamp => ws,
            _ => session.workspace(),
        };
        self.derived.refresh(ws, stamp, current_year);
        &self.derived
    }

    /// The comparison of the variants computed for exactly this state, if it was.
    pub(crate) fn comparison_for(&self, stamp: Stamp) -> Option<&Comparison> {
        self.comparison
            .as_ref()
            .filter(|(s, _)| *s == stamp)
            .map(|(_, c)| c)
    }

    /// The derived data as last refreshed; the app refreshes it at the start of every
    /// frame, before anything reads it.
    pub fn derived(&self) -> &Derived {
        &self.derived
    }

    /// The chart data computed for exactly this state, if it was.
    pub(crate) fn charts_for(&self, stamp: Stamp) -> Option<&ChartData> {
        self.charts
            .as_ref()
            .filter(|(s, _)| *s == stamp)
            .map(|(_, data)| data)
    }

    /// The preview's document built from exactly this state, if it was.
    pub(crate) fn preview_for(&self, stamp: Stamp) -> Option<&Document> {
        self.preview
            .as_ref()
            .filter(|(s, _)| *s == stamp)
            .map(|(_, doc)| doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Workspace;

    #[test]
    fn nothing_is_handed_out_for_another_session_at_the_same_revision() {
        let today = jiff::civil::date(2026, 6, 1);
        let green = Session::new(crate::store::default_workspace());
        let empty = Session::new(Workspace::empty());
        assert_eq!(green.revision(), empty.revision());
        let mut cache = ViewCache::default();
        cache.prepare(&green, View::Charts, VariantId::missing(), 2026, today);
        cache.prepare(&green, View::Preview, VariantId::missing(), 2026, today);
        assert!(cache.charts_for(green.stamp()).is_some());
        assert!(cache.preview_for(green.stamp()).is_some());
        assert!(cache.charts_for(empty.stamp()).is_none());
        assert!(cache.preview_for(empty.stamp()).is_none());

        cache.prepare(&empty, View::Matrix, VariantId::missing(), 2026, today);
        assert_eq!(
            cache.derived().stamp,
            Some(empty.stamp()),
            "the derived data follow every frame"
        );
        assert_eq!(
            cache.derived().warnings,
            Derived::compute(empty.workspace(), 2026).warnings
        );
    }
}
