//! What the window says when the workspace changes: the text of the status bar's live
//! region, which a screen reader reads out politely ("Catalisti toegewezen aan
//! Scenario 3", "Ongedaan gemaakt: Toewijzing VIL – Scenario 2"). Pure functions over
//! an edit and the workspace it is about to change, so they are tested without a window.

use crate::model::{CoalesceKey, Edit, Record, RecordKey, Workspace};

use super::locale::fill;
use super::text::Tr;

/// What a panel's edit did, said in the interface language: an assignment as in
/// [`assignment_change`], any other record added, removed, reordered or changed ("Pro
/// bij Catalisti – Scenario 3 toegevoegd", "Cluster Catalisti gewijzigd"). `ws` is the
/// workspace before the edit. Typing is said once per field and focus, not per key
/// (`typing` is the focused field or dragged widget and the field the edit changes):
/// a screen reader would otherwise read the same sentence after every letter.
pub fn change(
    ctx: &egui::Context,
    edit: &Edit,
    key: &Option<CoalesceKey>,
    ws: &Workspace,
    t: &Tr,
) -> Option<String> {
    if let Some(said) = assignment_change(edit, ws, t) {
        return Some(said);
    }
    let gesture = ctx.memory(|m| m.focused()).or(ctx.dragged_id());
    if let (Some(key), Some(widget)) = (key.as_ref(), gesture) {
        let id = egui::Id::unique("announce-last-gesture");
        let mark = egui::util::hash((widget, format!("{key:?}")));
        let again = ctx.data(|d| d.get_temp::<u64>(id)) == Some(mark);
        ctx.data_mut(|d| d.insert_temp(id, mark));
        if again {
            return None;
        }
    }
    said(edit, ws, t)
}

/// The sentence for an edit, whatever the gesture.
pub fn said(edit: &Edit, ws: &Workspace, t: &Tr) -> Option<String> {
    let (template, what) = match edit {
        Edit::Insert { record, .. } => (t.said_added, spoken_record(record, ws, t)),
        Edit::Put(record) => (t.said_changed, spoken_record(record, ws, t)),
        Edit::Remove(key) => (t.said_removed, spoken_key(*key, ws, t)?),
        Edit::Move { key, .. } => (t.said_reordered, spoken_key(*key, ws, t)?),
        Edit::SetMeta(_) => return Some(t.said_meta_changed.to_owned()),
        // A removal with what goes along (assignments, theme links) is named by the
        // record removed.
        Edit::Batch(edits)
            if edits.iter().any(|e| {
                matches!(
                    e,
                    Edit::Remove(
                        RecordKey::Cluster(_)
                            | RecordKey::Scenario(_)
                            | RecordKey::Body(_)
                            | RecordKey::Theme(_)
                    )
                )
            }) =>
        {
            (t.said_removed, describe(edit, ws, t)?)
        }
        Edit::Batch(_) | Edit::Replace(_) => (t.said_changed, describe(edit, ws, t)?),
    };
    Some(fill(template, &[("what", &what)]))
}

/// A record as said in a sentence: an argument by its side and what it is about (its
/// text changes with every key), the others as in [`describe`].
fn spoken_record(record: &Record, ws: &Workspace, t: &Tr) -> String {
    match record {
        Record::Argument(a) => {
            let side = match a.polarity {
                crate::model::Polarity::Pro => t.pro_text,
                crate::model::Polarity::Contra => t.con_text,
            };
            let subject = match a.subject.cluster() {
                Some(c) => format!(
                    "{} – {}",
                    ws.cluster_name(c),
                    ws.scenario_label(a.subject.scenario())
                ),
                None => ws.scenario_label(a.subject.scenario()),
            };
            fill(t.said_about, &[("what", side), ("subject", &subject)])
        }
        _ => record_name(record, ws, t).1,
    }
}

fn spoken_key(key: RecordKey, ws: &Workspace, t: &Tr) -> Option<String> {
    match key {
        RecordKey::Argument(id) => Some(spoken_record(&ws.argument(id)?.clone().into(), ws, t)),
        _ => key_name(key, ws, t).map(|(_, name)| name),
    }
}

/// An assignment that an edit adds, removes or moves to another scenario, said as a
/// person would. `ws` is the workspace *before* the edit (a removed assignment must
/// still be there to be named). Other edits say nothing here.
pub(crate) fn assignment_change(edit: &Edit, ws: &Workspace, t: &Tr) -> Option<String> {
    let (template, assignment) = match edit {
        Edit::Insert {
            record: Record::Assignment(a),
            ..
        } => (t.said_assigned, a),
        Edit::Remove(RecordKey::Assignment(id)) => (t.said_unassigned, ws.assignment(*id)?),
        Edit::Put(Record::Assignment(a)) => {
            let before = ws.assignment(a.id)?;
            if before.scenario == a.scenario {
                return None;
            }
            (t.said_moved, a)
        }
        _ => return None,
    };
    Some(fill(
        template,
        &[
            ("cluster", &ws.cluster_name(assignment.cluster)),
            ("scenario", &ws.scenario_label(assignment.scenario)),
        ],
    ))
}

/// A short name for what an undo or redo step touches ("Toewijzing Catalisti –
/// Scenario 3"). For a batch, its most telling record: a removed cluster rather than
/// the assignments that went with it. `ws` is the workspace before the step.
pub(crate) fn describe(edit: &Edit, ws: &Workspace, t: &Tr) -> Option<String> {
    subjects(edit, ws, t)
        .into_iter()
        .min_by_key(|(rank, _)| *rank)
        .map(|(_, text)| text)
}

/// Every record an edit touches, with a rank (lower tells more) and its name.
fn subjects(edit: &Edit, ws: &Workspace, t: &Tr) -> Vec<(u8, String)> {
    match edit {
        Edit::Put(record) | Edit::Insert { record, .. } => vec![record_name(record, ws, t)],
        Edit::Remove(key) | Edit::Move { key, .. } => key_name(*key, ws, t).into_iter().collect(),
        Edit::SetMeta(_) => vec![(4, t.view_document.to_owned())],
        Edit::Batch(edits) => edits.iter().flat_map(|e| subjects(e, ws, t)).collect(),
        Edit::Replace(_) => vec![(0, t.kind_workspace.to_owned())],
    }
}

fn record_name(record: &Record, ws: &Workspace, t: &Tr) -> (u8, String) {
    match record {
        Record::Cluster(c) => (0, format!("{} {}", t.cluster, c.name)),
        Record::Scenario(s) => (1, s.label()),
        Record::Body(b) => (2, format!("{} {}", t.body, b.short_name)),
        Record::Theme(th) => (3, format!("{} {}", t.theme, th.name)),
        Record::Assignment(a) => (
            5,
            format!(
                "{} {} – {}",
                t.assignment,
                ws.cluster_name(a.cluster),
                ws.scenario_label(a.scenario)
            ),
        ),
        Record::Argument(a) => {
            let text = shorten(&a.text, 48);
            if text.is_empty() {
                (6, t.kind_argument.to_owned())
            } else {
                (6, format!("{} \u{201c}{text}\u{201d}", t.kind_argument))
            }
        }
        Record::Rule(_) => (7, t.kind_rule.to_owned()),
        Record::Conflict(_) => (8, t.kind_conflict.to_owned()),
        // "variant" in both languages.
        Record::Variant(v) => (4, format!("variant \u{201c}{}\u{201d}", v.name)),
        Record::Document(d) => (
            4,
            format!("{} \u{201c}{}\u{201d}", t.kind_document, d.file_name),
        ),
    }
}

/// A record named by its key, looked up in the workspace.
fn key_name(key: RecordKey, ws: &Workspace, t: &Tr) -> Option<(u8, String)> {
    let record: Record = match key {
        RecordKey::Cluster(id) => ws.cluster(id)?.clone().into(),
        RecordKey::Scenario(id) => ws.scenario(id)?.clone().into(),
        RecordKey::Assignment(id) => ws.assignment(id)?.clone().into(),
        RecordKey::Argument(id) => ws.argument(id)?.clone().into(),
        RecordKey::Body(id) => ws.body(id)?.clone().into(),
        RecordKey::Theme(id) => ws.theme(id)?.clone().into(),
        RecordKey::Rule(_) => return Some((7, t.kind_rule.to_owned())),
        RecordKey::Conflict(_) => return Some((8, t.kind_conflict.to_owned())),
        RecordKey::Document(id) => ws.documents.iter().find(|d| d.id == id)?.clone().into(),
        RecordKey::Variant(id) => ws.variants.iter().find(|v| v.id == id)?.clone().into(),
    };
    Some(record_name(&record, ws, t))
}

/// The first words of a long text, on one line.
fn shorten(text: &str, max_chars: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max_chars {
        return line;
    }
    let cut: String = line.chars().take(max_chars).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Argument, Cluster, Session};
    use crate::ui::text::{EN, NL};

    fn green_paper() -> Workspace {
        crate::store::default_workspace()
    }

    #[test]
    fn assigning_removing_and_moving_are_said_in_both_languages() {
        let mut ws = green_paper();
        let (catalisti, s1, s3) = (ws.clusters[0].id, ws.scenarios[0].id, ws.scenarios[2].id);
        let assignment = ws.new_assignment(catalisti, s3);
        let insert = Edit::append(assignment.clone());
        assert_eq!(
            assignment_change(&insert, &ws, &NL).as_deref(),
            Some("Catalisti toegewezen aan Scenario 3")
        );
        assert_eq!(
            assignment_change(&insert, &ws, &EN).as_deref(),
            Some("Catalisti assigned to Scenario 3")
        );
        ws.assignments.push(assignment.clone());
        let remove = Edit::Remove(RecordKey::Assignment(assignment.id));
        assert_eq!(
            assignment_change(&remove, &ws, &NL).as_deref(),
            Some("Catalisti uit Scenario 3 gehaald")
        );
        let moved = Edit::put(crate::model::Assignment {
            scenario: s1,
            ..assignment.clone()
        });
        assert_eq!(
            assignment_change(&moved, &ws, &EN).as_deref(),
            Some("Catalisti moved to Scenario 1")
        );
        // A change of role or score is not a change of place.
        let scored = Edit::put(crate::model::Assignment {
            desirability: Some(4),
            ..assignment
        });
        assert_eq!(assignment_change(&scored, &ws, &NL), None);
        let renamed = Edit::put(Cluster {
            name: "X".into(),
            ..ws.clusters[0].clone()
        });
        assert_eq!(assignment_change(&renamed, &ws, &NL), None);
    }

    #[test]
    fn an_undo_step_is_named_by_its_most_telling_record() {
        let mut session = Session::new(green_paper());
        let ws = session.workspace().clone();
        let (catalisti, s3) = (ws.clusters[0].id, ws.scenarios[2].id);
        session
            .apply(Edit::append(ws.new_assignment(catalisti, s3)))
            .unwrap();
        let step = session.next_undo().unwrap();
        assert_eq!(
            describe(step, session.workspace(), &NL).as_deref(),
            Some("Toewijzing Catalisti – Scenario 3")
        );
        // Removing the cluster takes its assignment along; the cluster names the step.
        let (batch, _) =
            crate::model::rules::removal(session.workspace(), RecordKey::Cluster(catalisti));
        session.apply(batch).unwrap();
        let step = session.next_undo().unwrap();
        assert_eq!(
            describe(step, session.workspace(), &EN).as_deref(),
            Some("Cluster Catalisti")
        );
        session.undo().unwrap();
        let step = session.next_redo().unwrap();
        assert_eq!(
            describe(step, session.workspace(), &NL).as_deref(),
            Some("Cluster Catalisti")
        );
    }

    #[test]
    fn every_kind_of_edit_is_said_in_both_languages() {
        let ws = green_paper();
        let (catalisti, s3) = (ws.clusters[0].id, ws.scenarios[2].id);
        let argument = Argument {
            polarity: crate::model::Polarity::Pro,
            subject: crate::model::Subject::ClusterScenario {
                cluster: catalisti,
                scenario: s3,
            },
            text: "Sterke basis".into(),
            ..Argument::default()
        };
        assert_eq!(
            said(&Edit::append(argument.clone()), &ws, &NL).as_deref(),
            Some("Pro bij Catalisti – Scenario 3 toegevoegd")
        );
        assert_eq!(
            said(&Edit::append(argument), &ws, &EN).as_deref(),
            Some("Pro on Catalisti – Scenario 3 added")
        );
        let renamed = Edit::put(Cluster {
            name: "Catalisti 2".into(),
            ..ws.clusters[0].clone()
        });
        assert_eq!(
            said(&renamed, &ws, &NL).as_deref(),
            Some("Cluster Catalisti 2 gewijzigd")
        );
        let (removal, _) = crate::model::rules::removal(&ws, RecordKey::Cluster(catalisti));
        // Removing a cluster takes its assignments and arguments along: the cluster
        // names the step.
        assert_eq!(
            said(&removal, &ws, &EN).as_deref(),
            Some("Cluster Catalisti removed")
        );
        assert_eq!(
            said(&Edit::Remove(RecordKey::Cluster(catalisti)), &ws, &NL).as_deref(),
            Some("Cluster Catalisti verwijderd")
        );
        assert_eq!(
            said(&Edit::SetMeta(Box::new(ws.meta.clone())), &ws, &EN).as_deref(),
            Some("Communication details changed")
        );
    }

    #[test]
    fn arguments_are_named_by_their_first_words() {
        let ws = green_paper();
        let argument = Argument {
            text: "Zonder structurele financiering verdwijnt de neutrale rol van de cluster in het ecosysteem".into(),
            ..Argument::default()
        };
        let text = describe(&Edit::put(argument), &ws, &NL).unwrap();
        assert!(
            text.starts_with("Argument \u{201c}Zonder structurele"),
            "{text}"
        );
        assert!(text.ends_with("…\u{201d}"), "{text}");
        assert!(text.chars().count() < 70, "{text}");
        assert_eq!(
            describe(&Edit::put(Argument::default()), &ws, &EN).as_deref(),
            Some("Argument")
        );
        assert_eq!(
            describe(&Edit::SetMeta(Box::new(ws.meta.clone())), &ws, &EN).as_deref(),
            Some("Communication")
        );
    }
}
