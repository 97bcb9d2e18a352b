//! Pros and cons in two columns, each with its source as a badge and its weight.

use egui::{RichText, Ui};

use crate::model::{Argument, Edit, Polarity, RecordKey, Source, Subject, Workspace};

use super::sources::{source_colour, source_full_name};
use super::state::{Frame, Outbox, Selection};
use super::widgets::{ResponseExt, badge_button};

/// How many arguments per column are laid out before "Meer tonen".
const PAGE: usize = 50;

/// Which sources to show; `None` shows all.
pub(crate) type SourceFilter = Option<Source>;

pub(crate) fn two_columns(
    ui: &mut Ui,
    f: &Frame<'_>,
    out: &mut Outbox,
    subject: Subject,
    filter: SourceFilter,
) {
    let t = f.t;
    ui.columns(2, |cols| {
        for (col, polarity) in cols.iter_mut().zip([Polarity::Pro, Polarity::Contra]) {
            col.push_id(polarity, |ui| {
                let heading = match polarity {
                    Polarity::Pro => t.pros,
                    Polarity::Contra => t.cons,
                };
                ui.label(RichText::new(heading).strong());
                let list: Vec<&Argument> = f
                    .derived
                    .arguments_about(f.ws, subject, polarity)
                    .filter(|a| filter.is_none_or(|s| a.source == s))
                    .collect();
                // Laying out thousands of editable cards would freeze the window; show
                // a page and let the person ask for more.
                let shown_id = ui.make_persistent_id(("arguments-shown", subject, polarity));
                let shown: usize = ui.data(|d| d.get_temp(shown_id)).unwrap_or(PAGE);
                for (i, arg) in list.iter().enumerate().take(shown) {
                    let previous = i.checked_sub(1).and_then(|p| list.get(p)).map(|a| a.id);
                    let next = list.get(i + 1).map(|a| a.id);
                    // Height depends on the text and the header row's contents.
                    // The selected card (or the one last typed in) also shows its
                    // citation's fields.
                    let selected = is_current(ui, f, arg);
                    let fingerprint = egui::util::hash((
                        &arg.text,
                        arg.internal,
                        arg.source,
                        arg.weight,
                        selected,
                        &arg.citation,
                    ));
                    let focused = ui.memory(|m| m.has_focus(text_id(arg)));
                    let id = ui.make_persistent_id(("argument-card", arg.id));
                    super::lazy::item(ui, id, fingerprint, focused, |ui| {
                        argument_card(ui, f, out, arg, previous, next);
                    });
                }
                if list.len() > shown {
                    let more = format!(
                        "{} ({} / {})",
                        t.show_more,
                        f.lang.count(shown),
                        f.lang.count(list.len())
                    );
                    if ui.button(more).clicked() {
                        ui.data_mut(|d| d.insert_temp(shown_id, shown + PAGE));
                    }
                }
                let add_label = match polarity {
                    Polarity::Pro => t.add_pro,
                    Polarity::Contra => t.add_con,
                };
                if ui.button(add_label).clicked() {
                    let mut arg = super::detail::new_argument(f, polarity, subject);
                    if let Some(source) = filter {
                        arg.source = source;
                    }
                    // An argument about a cluster is edited in that cluster's panel:
                    // selecting the argument would close the panel under the new field.
                    if subject.cluster().is_none() {
                        out.select = Some(Selection::Argument(arg.id));
                    }
                    out.focus = Some(text_id(&arg));
                    out.edit(Edit::append(arg));
                }
            });
        }
    });
}

/// A global id, so the button that adds an argument can focus its text field.
fn text_id(arg: &Argument) -> egui::Id {
    egui::Id::unique(("argument-text", arg.id))
}

/// Where the window remembers the card last typed in.
fn current_id() -> egui::Id {
    egui::Id::unique("argument-current")
}

/// The card whose citation fields are open: the selected argument, or the one whose
/// text was last focused. In a cluster's panel an argument is not selected (that
/// would close the panel), so without the second the fields would close the moment
/// the person clicks from the text into them, and the click would land on whatever
/// moved under the pointer.
fn is_current(ui: &Ui, f: &Frame<'_>, arg: &Argument) -> bool {
    if ui.memory(|m| m.has_focus(text_id(arg))) {
        ui.data_mut(|d| d.insert_temp(current_id(), arg.id));
        return true;
    }
    f.selection == Selection::Argument(arg.id)
        || ui.data(|d| d.get_temp::<crate::model::ArgumentId>(current_id())) == Some(arg.id)
}

fn argument_card(
    ui: &mut Ui,
    f: &Frame<'_>,
    out: &mut Outbox,
    arg: &Argument,
    previous: Option<crate::model::ArgumentId>,
    next: Option<crate::model::ArgumentId>,
) {
    let t = f.t;
    let selected = is_current(ui, f, arg);
    let stroke = if selected {
        ui.visuals().selection.stroke
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    egui::Frame::group(ui.style())
        .stroke(stroke)
        .show(ui, |ui| {
            ui.push_id(arg.id, |ui| {
                ui.horizontal_wrapped(|ui| {
                    let name = source_label(f, arg.source);
                    source_menu(ui, f, out, arg, &name);
                    ui.label(RichText::new(format!("{} {}", t.weight, arg.weight)).small());
                    if arg.internal {
                        ui.label(RichText::new(t.internal).small().italics());
                    }
                });
                let label = format!(
                    "{} {}",
                    match arg.polarity {
                        Polarity::Pro => t.pro_text,
                        Polarity::Contra => t.con_text,
                    },
                    source_label(f, arg.source)
                );
                let id = text_id(arg);
                let mut text = arg.text.clone();
                let response = ui.add(
                    egui::TextEdit::multiline(&mut text)
                        .id(id)
                        .desired_rows(1)
                        .desired_width(f32::INFINITY)
                        .hint_text(t.argument_hint),
                );
                response
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label));
                if response.changed() && text != arg.text {
                    out.set(
                        Argument {
                            text,
                            modified: f.now,
                            ..arg.clone()
                        },
                        "text",
                    );
                }
                if response.gained_focus() {
                    // See `two_columns`: the cluster's panel stays where it is.
                    if arg.subject.cluster().is_none() {
                        out.select = Some(Selection::Argument(arg.id));
                    }
                    // Tab into a card below the view: bring it in, so the cards after it
                    // come near enough to be laid out (see `lazy`) and Tab goes on.
                    response.scroll_to_me(None);
                }
                // Wraps: in two columns of a narrow panel, one row of weight, intern,
                // move and remove is wider than the card and pushed the panel's content
                // past its left edge.
                ui.horizontal_wrapped(|ui| {
                    for w in 1..=3u8 {
                        let label = format!("{} {w}", t.weight);
                        if ui
                            .selectable_label(arg.weight == w, w.to_string())
                            .widget_info_label(&label)
                            .clicked()
                            && arg.weight != w
                        {
                            out.set(
                                Argument {
                                    weight: w,
                                    modified: f.now,
                                    ..arg.clone()
                                },
                                "weight",
                            );
                        }
                    }
                    let mut internal = arg.internal;
                    if ui
                        .checkbox(&mut internal, t.internal)
                        .on_hover_text(t.internal_hint)
                        .changed()
                    {
                        out.set(
                            Argument {
                                internal,
                                modified: f.now,
                                ..arg.clone()
                            },
                            "internal",
                        );
                    }
                    if let Some(prev) = previous
                        && ui.small_button("↑").widget_info_label(t.move_up).clicked()
                    {
                        move_before(f.ws, out, arg, prev);
                    }
                    if let Some(next) = next
                        && ui
                            .small_button("↓")
                            .widget_info_label(t.move_down)
                            .clicked()
                    {
                        move_after(f.ws, out, arg, next);
                    }
                    if super::widgets::remove_button(ui, t.remove_argument) {
                        out.edit(Edit::Remove(RecordKey::Argument(arg.id)));
                    }
                });
                citation_of(ui, f, out, arg, selected);
            });
        });
}

/// The citation under the selected card (the others show it as one line): where in
/// its body's advice the argument comes from, and the words quoted.
fn citation_of(ui: &mut Ui, f: &Frame<'_>, out: &mut Outbox, arg: &Argument, selected: bool) {
    let t = f.t;
    super::citation::show_in_source(ui, t, "", &arg.citation.passage, out);
    if !selected {
        if arg.citation.says_something() {
            let words = crate::export::citation::passage_words(&arg.citation.passage);
            let quote = arg.citation.quote.trim();
            let line = match (words.is_empty(), quote.is_empty()) {
                (false, false) => format!("{words}: \u{201c}{quote}\u{201d}"),
                (false, true) => words,
                _ => format!("\u{201c}{quote}\u{201d}"),
            };
            ui.add(egui::Label::new(RichText::new(line).small().weak()).truncate());
        }
        return;
    }
    if let Some((citation, part)) = super::citation::citation_fields(ui, t, "", &arg.citation) {
        out.set(
            Argument {
                citation,
                modified: f.now,
                ..arg.clone()
            },
            part,
        );
    }
}

fn source_menu(ui: &mut Ui, f: &Frame<'_>, out: &mut Outbox, arg: &Argument, name: &str) {
    let t = f.t;
    // A real button, not a badge made clickable: only a widget with a stable id keeps
    // the keyboard focus, and Tab must pass through it to the next card.
    let full = source_full_name(f.ws, arg.source, t.own_analysis);
    let response = badge_button(ui, name, source_colour(f.ws, arg.source)).on_hover_text(&full);
    let label = format!("{}: {name}", t.source);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    if full != name {
        ui.ctx()
            .accesskit_node_builder(response.id, |node| node.set_description(full.clone()));
    }
    egui::Popup::menu(&response).show(|ui| {
        let mut options = vec![(Source::OwnAnalysis, t.own_analysis.to_owned())];
        options.extend(
            f.ws.bodies
                .iter()
                .map(|b| (Source::Body(b.id), b.short_name.clone())),
        );
        for (source, text) in options {
            if ui.selectable_label(arg.source == source, text).clicked() && arg.source != source {
                out.set(
                    Argument {
                        source,
                        modified: f.now,
                        ..arg.clone()
                    },
                    "source",
                );
            }
        }
    });
}

fn index_of(ws: &Workspace, id: crate::model::ArgumentId) -> Option<usize> {
    ws.arguments.iter().position(|a| a.id == id)
}

fn move_before(ws: &Workspace, out: &mut Outbox, arg: &Argument, target: crate::model::ArgumentId) {
    if let Some(to) = index_of(ws, target) {
        out.edit(Edit::Move {
            key: RecordKey::Argument(arg.id),
            to,
        });
    }
}

fn move_after(ws: &Workspace, out: &mut Outbox, arg: &Argument, target: crate::model::ArgumentId) {
    if let (Some(from), Some(to)) = (index_of(ws, arg.id), index_of(ws, target)) {
        // Removing `arg` first shifts the target one place down when it came after it.
        let to = if to > from { to } else { to + 1 };
        out.edit(Edit::Move {
            key: RecordKey::Argument(arg.id),
            to,
        });
    }
}

/// The name of a source in the interface language ("Eigen analyse", "Own analysis", or
/// the body's short name).
pub(crate) fn source_label(f: &Frame<'_>, source: Source) -> String {
    match source {
        Source::OwnAnalysis => f.t.own_analysis.to_owned(),
        Source::Body(_) => f.ws.source_name(source),
    }
}
