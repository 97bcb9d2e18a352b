//! What the window derives from the workspace to draw it: warnings, counts and
//! indexes, the charts' series and the preview's document. Each is kept with the
//! session [`Stamp`] it was computed for (a process-unique generation plus the
//! revision), and handed out only for that stamp: nothing computed for one workspace
//! is ever drawn for another, even when both are at revision 0. The app also drops the
//! whole cache when it replaces the session, so an old workspace's data is not kept
//! alive either.

use crate::export::Document;
use crate::model::derived::Derived;
use crate::model::{Session, Stamp};

use super::charts::ChartData;
use super::state::View;

#[derive(Default)]
pub(crate) struct ViewCache {
    derived: Derived,
    charts: Option<(Stamp, ChartData)>,
    preview: Option<(Stamp, Document)>,
}

impl ViewCache {
    /// Brings the derived data up to date, and the chart data or the preview when
    /// `view` shows them (they are costly for a large consultation, so only then).
    pub(crate) fn prepare(
        &mut self,
        session: &Session,
        view: View,
        current_year: i32,
        today: jiff::civil::Date,
    ) {
        self.refresh_derived(session, current_year);
        let stamp = session.stamp();
        match view {
            View::Charts if self.charts_for(stamp).is_none() => {
                self.charts = Some((stamp, ChartData::compute(session.workspace(), today)));
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

    pub(crate) fn refresh_derived(&mut self, session: &Session, current_year: i32) -> &Derived {
        self.derived
            .refresh(session.workspace(), session.stamp(), current_year);
        &self.derived
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
        cache.prepare(&green, View::Charts, 2026, today);
        cache.prepare(&green, View::Preview, 2026, today);
        assert!(cache.charts_for(green.stamp()).is_some());
        assert!(cache.preview_for(green.stamp()).is_some());
        assert!(cache.charts_for(empty.stamp()).is_none());
        assert!(cache.preview_for(empty.stamp()).is_none());

        cache.prepare(&empty, View::Matrix, 2026, today);
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
