//! *Bronteksten*: the imported advice documents, read sheet by sheet (a PDF page with
//! its own number; a run of paragraphs otherwise), searched, and marked: selected
//! words become a pro or contra for the scenario (or cluster under it) chosen beside
//! the text, a stance quote or a missing theme, each one undoable edit with its
//! citation. Passages already used are highlighted (see [`marks`]).
//!
//! Only the sheet on screen is laid out, so the number of documents and pages does not
//! weigh on a frame.

mod beside;
mod import;
mod marks;
mod page;
mod sheets;
pub mod text;

use egui::Ui;

use crate::model::marks::{MarkAs, MarkKind};
use crate::model::sources::{DocumentSpot, SourceDocument};
use crate::model::{ClusterId, DocumentId, Polarity, ScenarioId, Subject};

use super::state::{Frame, Outbox};
use sheets::{Hit, SheetText};
use text::ReaderText;

pub(crate) use import::Import;

/// At most this many search hits are listed.
const MAX_HITS: usize = 200;

/// What the reader remembers between frames.
#[derive(Default)]
pub struct Reader {
    document: Option<DocumentId>,
    sheet: usize,
    /// The current sheet's text, made once per sheet.
    shown: Option<SheetText>,
    query: String,
    all_documents: bool,
    /// The hits and what they were searched for (query, all, document, documents).
    hits: Vec<Hit>,
    searched: Option<(String, bool, Option<DocumentId>, usize)>,
    scenario: Option<ScenarioId>,
    cluster: Option<ClusterId>,
    /// The last non-empty selection: (document, sheet, first, last character).
    selection: Option<(DocumentId, usize, usize, usize)>,
    /// A selection to put in the text at the next draw (a search hit, "Toon in de
    /// bron"), in the sheet's characters.
    select_next: Option<(usize, usize)>,
    import: Import,
}

/// The egui memory slot through which another view asks the reader to show a spot.
fn reveal_id() -> egui::Id {
    egui::Id::unique("reader-reveal")
}

/// Asks the reader to open `spot`'s page with its words selected ("Toon in de
/// bron"); the caller switches to [`View::Sources`].
pub(crate) fn reveal(ctx: &egui::Context, spot: DocumentSpot) {
    ctx.data_mut(|d| d.insert_temp(reveal_id(), spot));
}

impl Reader {
    /// Bestand › Advies importeren…: opens the file dialog.
    pub fn start_import(&mut self, ctx: &egui::Context, folder: Option<std::path::PathBuf>) {
        self.import.start(ctx, folder);
    }

    /// Bestand › Advies importeren (pad typen)…: the field for the path.
    pub fn start_import_typed(&mut self) {
        self.import.start_typed();
    }

    /// The import flow with a known file (tests; no file dialog).
    pub fn import_path(&mut self, path: std::path::PathBuf) {
        self.import.choose_path(path);
    }

    /// Whether a document is being read.
    pub fn is_importing(&self) -> bool {
        self.import.is_reading()
    }

    /// Waits for the document being read; the next frame adds it.
    pub fn finish_import(&mut self) {
        self.import.wait();
    }

    /// Every frame, whatever the view: the import's dialogs and its result.
    pub fn background(&mut self, ctx: &egui::Context, f: &Frame<'_>, out: &mut Outbox) {
        self.import.step(ctx, f, text::texts(f.lang), out);
    }

    fn go_to(&mut self, document: &SourceDocument, passage: usize, start: usize, end: usize) {
        let all = sheets::sheets(document);
        if let Some(index) = all.iter().position(|s| s.contains(&passage)) {
            self.document = Some(document.id);
            self.sheet = index;
            let sheet = all.get(index).cloned().unwrap_or_default();
            let shown = SheetText::new(document, index, sheet);
            self.select_next = shown.on_sheet(passage, start, end);
            self.shown = Some(shown);
        }
    }
}

/// The view.
pub fn show(ui: &mut Ui, f: &Frame<'_>, reader: &mut Reader, out: &mut Outbox) {
    let r = text::texts(f.lang);
    if let Some(spot) = ui.ctx().data_mut(|d| {
        let spot = d.get_temp::<DocumentSpot>(reveal_id());
        d.remove::<DocumentSpot>(reveal_id());
        spot
    }) {
        match f.ws.documents.iter().find(|d| d.id == spot.document) {
            Some(document) => reader.go_to(
                document,
                usize::try_from(spot.passage).unwrap_or(usize::MAX),
                usize::try_from(spot.start).unwrap_or(0),
                usize::try_from(spot.end).unwrap_or(0),
            ),
            None => out.announce = Some(r.source_gone.to_owned()),
        }
    }
    if f.ws.documents.is_empty() {
        ui.label(r.no_documents);
        return;
    }
    settle(reader, f);
    egui::Panel::left("reader-documents")
        .resizable(true)
        .default_size(240.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("reader-documents-scroll")
                .show(ui, |ui| {
                    documents(ui, f, r, reader);
                    ui.separator();
                    search(ui, f, r, reader);
                });
        });
    egui::Panel::right("reader-target")
        .resizable(true)
        .default_size(280.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("reader-target-scroll")
                .show(ui, |ui| target(ui, f, r, reader, out));
        });
    egui::CentralPanel::default().show(ui, |ui| page::show(ui, f, r, reader, out));
}

/// A document still there, the sheet within it, and the sheet's text made.
fn settle(reader: &mut Reader, f: &Frame<'_>) {
    let document = reader
        .document
        .and_then(|id| f.ws.documents.iter().find(|d| d.id == id))
        .or_else(|| f.ws.documents.first());
    let Some(document) = document else {
        return;
    };
    if reader.document != Some(document.id) {
        reader.document = Some(document.id);
        reader.sheet = 0;
    }
    let all = sheets::sheets(document);
    reader.sheet = reader.sheet.min(all.len().saturating_sub(1));
    let fresh = reader
        .shown
        .as_ref()
        .is_some_and(|s| s.document == document.id && s.sheet == reader.sheet);
    if !fresh && let Some(sheet) = all.get(reader.sheet) {
        reader.shown = Some(SheetText::new(document, reader.sheet, sheet.clone()));
    }
    let scenario_there = reader
        .scenario
        .is_some_and(|s| f.ws.scenarios.iter().any(|x| x.id == s));
    if !scenario_there {
        reader.scenario = match f.selection {
            super::state::Selection::Scenario(s) | super::state::Selection::Cell(_, s) => Some(s),
            _ => f.ws.scenarios.first().map(|s| s.id),
        };
        reader.cluster = None;
    }
}

/// The documents, under their bodies.
fn documents(ui: &mut Ui, f: &Frame<'_>, r: &ReaderText, reader: &mut Reader) {
    ui.label(egui::RichText::new(r.documents).strong());
    for body in &f.ws.bodies {
        let own: Vec<&SourceDocument> =
            f.ws.documents
                .iter()
                .filter(|d| d.body == body.id)
                .collect();
        if own.is_empty() {
            continue;
        }
        ui.label(egui::RichText::new(&body.short_name).weak());
        for document in own {
            let extent = match document.pages() {
                Some(n) => format!("{n} p."),
                None => format!("{} {}", document.passages.len(), r.passages),
            };
            let label = format!("{} ({extent})", document.file_name);
            if ui
                .selectable_label(reader.document == Some(document.id), label)
                .clicked()
            {
                reader.document = Some(document.id);
                reader.sheet = 0;
            }
        }
    }
}

/// The search field, its scope and the hits; a hit opens its sheet with the words
/// selected.
fn search(ui: &mut Ui, f: &Frame<'_>, r: &ReaderText, reader: &mut Reader) {
    let l = ui.label(r.search);
    ui.add(egui::TextEdit::singleline(&mut reader.query).desired_width(f32::INFINITY))
        .labelled_by(l.id);
    ui.checkbox(&mut reader.all_documents, r.search_all);
    let wanted = (
        reader.query.clone(),
        reader.all_documents,
        reader.document,
        f.ws.documents.len(),
    );
    if reader.searched.as_ref() != Some(&wanted) {
        let scope =
            f.ws.documents
                .iter()
                .filter(|d| reader.all_documents || Some(d.id) == reader.document);
        reader.hits = sheets::search(scope, &reader.query, MAX_HITS);
        reader.searched = Some(wanted);
    }
    if reader.query.trim().is_empty() {
        return;
    }
    if reader.hits.is_empty() {
        ui.label(r.no_hits);
        return;
    }
    ui.label(format!("{} {}", f.lang.count(reader.hits.len()), r.hits));
    let mut chosen = None;
    for hit in &reader.hits {
        let Some(document) = f.ws.documents.iter().find(|d| d.id == hit.document) else {
            continue;
        };
        let place = document
            .passages
            .get(hit.passage)
            .map(|p| p.locator.dutch())
            .unwrap_or_default();
        let text = if reader.all_documents {
            format!("{}, {place}: …{}…", document.file_name, hit.context)
        } else {
            format!("{place}: …{}…", hit.context)
        };
        if ui.add(egui::Button::new(text).wrap()).clicked() {
            chosen = Some(hit.clone());
        }
    }
    if let Some(hit) = chosen
        && let Some(document) = f.ws.documents.iter().find(|d| d.id == hit.document)
    {
        reader.go_to(document, hit.passage, hit.start, hit.end);
    }
}

/// Beside the text: what a selection becomes (scenario, cluster), the buttons that
/// make it, the legend and the page's marks.
fn target(ui: &mut Ui, f: &Frame<'_>, r: &ReaderText, reader: &mut Reader, out: &mut Outbox) {
    let scenario_name =
        |id: Option<ScenarioId>| id.map(|s| f.ws.scenario_label(s)).unwrap_or_default();
    let l = ui.label(r.scenario);
    egui::ComboBox::from_id_salt("reader-scenario")
        .selected_text(scenario_name(reader.scenario))
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            for s in &f.ws.scenarios {
                if ui
                    .selectable_label(reader.scenario == Some(s.id), f.ws.scenario_label(s.id))
                    .clicked()
                {
                    reader.scenario = Some(s.id);
                    reader.cluster = None;
                }
            }
        })
        .response
        .labelled_by(l.id);
    let l = ui.label(r.cluster);
    let cluster_name = reader
        .cluster
        .map_or_else(|| r.whole_scenario.to_owned(), |c| f.ws.cluster_name(c));
    egui::ComboBox::from_id_salt("reader-cluster")
        .selected_text(cluster_name)
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(reader.cluster.is_none(), r.whole_scenario)
                .clicked()
            {
                reader.cluster = None;
            }
            let under =
                f.ws.assignments
                    .iter()
                    .filter(|a| Some(a.scenario) == reader.scenario);
            for a in under {
                if ui
                    .selectable_label(
                        reader.cluster == Some(a.cluster),
                        f.ws.cluster_name(a.cluster),
                    )
                    .clicked()
                {
                    reader.cluster = Some(a.cluster);
                }
            }
        })
        .response
        .labelled_by(l.id);
    if let Some(scenario) = reader.scenario {
        let subject = match reader.cluster {
            Some(cluster) => Subject::ClusterScenario { cluster, scenario },
            None => Subject::Scenario(scenario),
        };
        ui.collapsing(r.already_here, |ui| beside::show(ui, f, r, subject));
    }
    ui.add_space(6.0);
    let has_selection = reader.selection.is_some();
    for (kind, label) in [
        (MarkKind::Pro, r.make_pro),
        (MarkKind::Contra, r.make_contra),
        (MarkKind::Stance, r.make_stance),
        (MarkKind::Theme, r.make_theme),
    ] {
        let button = ui.add_enabled(has_selection, egui::Button::new(label));
        if button.clicked() {
            make(f, r, reader, kind, out);
        }
    }
    if !has_selection {
        ui.label(egui::RichText::new(r.select_first).weak());
    }
    ui.separator();
    marks::legend(ui, r);
    ui.separator();
    if let Some(document) = current(f, reader)
        && let Some(shown) = &reader.shown
    {
        let all = crate::model::marks::marks_in(f.ws, document.id);
        let first = u32::try_from(shown.first).unwrap_or(u32::MAX);
        let last = u32::try_from(shown.first + shown.starts.len()).unwrap_or(u32::MAX);
        let here: Vec<_> = all
            .iter()
            .filter(|m| m.spot.passage >= first && m.spot.passage < last)
            .copied()
            .collect();
        marks::list(ui, r, &here, |m| quote_at(document, m.spot));
    }
}

fn current<'a>(f: &Frame<'a>, reader: &Reader) -> Option<&'a SourceDocument> {
    reader
        .document
        .and_then(|id| f.ws.documents.iter().find(|d| d.id == id))
}

/// The words a spot covers, for the list of marks.
fn quote_at(document: &SourceDocument, spot: DocumentSpot) -> String {
    let Some(passage) = usize::try_from(spot.passage)
        .ok()
        .and_then(|i| document.passages.get(i))
    else {
        return String::new();
    };
    let (start, end) = (spot.start as usize, spot.end as usize);
    passage
        .text
        .chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect()
}

/// Makes the current selection a record of `kind`: one edit, and the status line says
/// what was made and where.
fn make(f: &Frame<'_>, r: &ReaderText, reader: &mut Reader, kind: MarkKind, out: &mut Outbox) {
    let (Some(document), Some(shown), Some((doc, sheet, a, b))) =
        (current(f, reader), &reader.shown, reader.selection)
    else {
        out.announce = Some(r.select_first.to_owned());
        return;
    };
    if doc != document.id || sheet != shown.sheet {
        out.announce = Some(r.select_first.to_owned());
        return;
    }
    let Some((passage, start, end)) = shown.to_passage(a, b, document) else {
        return;
    };
    let Some(citation) = crate::model::marks::cite(document, passage, start, end) else {
        out.announce = Some(r.select_first.to_owned());
        return;
    };
    let place = crate::export::citation::passage_words(&citation.passage);
    let Some(scenario) = reader.scenario else {
        return;
    };
    let subject = match reader.cluster {
        Some(cluster) => Subject::ClusterScenario { cluster, scenario },
        None => Subject::Scenario(scenario),
    };
    let body =
        f.ws.body(document.body)
            .map(|b| b.short_name.clone())
            .unwrap_or_default();
    let (what, target) = match kind {
        MarkKind::Pro => (
            MarkAs::Argument(Polarity::Pro, subject),
            subject_words(f, subject),
        ),
        MarkKind::Contra => (
            MarkAs::Argument(Polarity::Contra, subject),
            subject_words(f, subject),
        ),
        MarkKind::Stance => (
            MarkAs::Stance(scenario),
            format!(
                "{} ({})",
                f.ws.scenario_label(scenario),
                super::locale::fill(r.stance_note, &[("body", &body)])
            ),
        ),
        MarkKind::Theme => (MarkAs::Theme, r.theme_target.to_owned()),
    };
    match crate::model::marks::mark(f.ws, document, citation, what, f.now) {
        Some((edit, _)) => {
            out.edit(edit);
            out.announce = Some(super::locale::fill(
                r.made,
                &[
                    ("kind", marks::name(kind, r)),
                    ("target", &target),
                    ("place", &place),
                ],
            ));
        }
        None => out.announce = Some(r.body_gone.to_owned()),
    }
}

fn subject_words(f: &Frame<'_>, subject: Subject) -> String {
    match subject {
        Subject::Scenario(s) => f.ws.scenario_label(s),
        Subject::ClusterScenario { cluster, scenario } => {
            format!(
                "{} — {}",
                f.ws.cluster_name(cluster),
                f.ws.scenario_label(scenario)
            )
        }
    }
}
