#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! The mededeling's own terms are edited in the window's "Mededeling" view and the
//! preview follows: what the clusters are called is how the summary names them.

use clusterwerkbank::store::DataDir;
use clusterwerkbank::ui::app::{Prefs, WorkbenchApp};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[test]
fn the_cluster_term_typed_in_the_window_names_them_in_the_preview() {
    let data = DataDir::at(tempfile::tempdir().unwrap().keep());
    let app = WorkbenchApp::start_in(None, Prefs::default(), Some(data));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .build_ui_state(|ui, app: &mut WorkbenchApp| app.frame(ui), app);
    h.run();
    h.get_by_role_and_label(Role::Button, "Samenvatting")
        .click();
    h.run();
    h.get_by_label_contains("een aanbeveling per speerpuntcluster voor");
    h.get_by_role_and_label(Role::Button, "Mededeling").click();
    h.run();
    let field = "Benaming van de clusters (enkelvoud, bv. speerpuntcluster)";
    h.get_by_label(field).focus();
    h.run();
    h.get_by_label(field).type_text("netwerk");
    h.run();
    h.get_by_role_and_label(Role::Button, "Samenvatting")
        .click();
    h.run();
    h.get_by_label_contains("een aanbeveling per speerpuntclusternetwerk voor");
}
