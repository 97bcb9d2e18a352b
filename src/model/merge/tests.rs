//! The merge's unit tests: the merge itself, then each kind of fault it must not
//! make (records sharing an id, records without one, merging the same copy twice,
//! timestamps, unknown fields), each tried on every record kind it can hit.

use jiff::Timestamp;
use proptest::prelude::*;

use super::*;
use crate::model::edit::apply;
use crate::model::ids::*;
use crate::model::{Euro, RecordKey};

fn cluster(n: u128, name: &str) -> Cluster {
    Cluster {
        id: ClusterId::from_u128(n),
        name: name.to_owned(),
        ..Cluster::default()
    }
}

fn base() -> Workspace {
    let mut ws = Workspace::empty();
    ws.clusters = vec![
        cluster(1, "Catalisti"),
        cluster(2, "Flux50"),
        cluster(3, "VIL"),
    ];
    ws
}

#[test]
fn additions_from_both_sides_are_kept_in_order() {
    let b = base();
    let mut mine = b.clone();
    mine.clusters.push(cluster(10, "MEDVIA"));
    let mut theirs = b.clone();
    theirs.clusters.push(cluster(20, "SIM"));
    let r = merge(Some(&b), &mine, &theirs);
    let names: Vec<_> = r
        .workspace
        .clusters
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Catalisti", "Flux50", "VIL", "MEDVIA", "SIM"]);
    assert_eq!(
        r.summary,
        MergeSummary {
            added: 1,
            ..MergeSummary::default()
        }
    );
    assert!(r.repairs.is_empty());
    assert!(r.workspace.conflicts.is_empty());
}

#[test]
fn different_fields_of_one_record_combine_without_conflict() {
    let b = base();
    let mut mine = b.clone();
    mine.clusters[1].note = "notitie".into();
    let mut theirs = b.clone();
    theirs.clusters[1].max_yearly_funding = Some(Euro(500_000));
    let r = merge(Some(&b), &mine, &theirs);
    assert_eq!(r.workspace.clusters[1].note, "notitie");
    assert_eq!(
        r.workspace.clusters[1].max_yearly_funding,
        Some(Euro(500_000))
    );
    assert_eq!(r.summary.changed, 1);
    assert_eq!(r.summary.conflicts, 0);
}

#[test]
fn same_field_changed_differently_is_a_conflict_keeping_both() {
    let b = base();
    let mut mine = b.clone();
    mine.clusters[1].name = "Flux50 mijn".into();
    let mut theirs = b.clone();
    theirs.clusters[1].name = "Flux50 hun".into();
    let r = merge(Some(&b), &mine, &theirs);
    assert_eq!(r.workspace.clusters[1].name, "Flux50 mijn");
    assert_eq!(r.conflicts.len(), 1);
    let c = &r.workspace.conflicts[0];
    assert_eq!(c.field.as_deref(), Some("name"));
    assert_eq!(
        c.target,
        ConflictTarget::Record(RecordKey::Cluster(ClusterId::from_u128(2)))
    );
    assert_eq!(
        c.values,
        Some(ConflictValues {
            mine: FieldValue::Text("Flux50 mijn".into()),
            theirs: FieldValue::Text("Flux50 hun".into()),
        })
    );
    match &c.alternative {
        Some(ConflictValue::Record(r)) => {
            assert!(matches!(&**r, AnyRecord::Cluster(c) if c.name == "Flux50 hun"))
        }
        other => panic!("alternative: {other:?}"),
    }
    // Picking theirs changes that field only.
    let mut ws = r.workspace.clone();
    ws.clusters[1].note = "later".into();
    let edit = resolve(&ws, c.id, Side::Theirs).expect("open conflict");
    apply(&mut ws, edit).expect("applies");
    assert_eq!(ws.clusters[1].name, "Flux50 hun");
    assert_eq!(ws.clusters[1].note, "later");
    assert!(ws.conflicts.is_empty());
}

#[test]
fn deletion_holds_only_when_the_other_side_did_not_change_it() {
    let b = base();
    let mut mine = b.clone();
    mine.clusters.retain(|c| c.name != "VIL"); // deleted, theirs untouched
    mine.clusters[0].note = "gewijzigd".into(); // changed, theirs deletes
    let mut theirs = b.clone();
    theirs
        .clusters
        .retain(|c| c.name != "Catalisti" && c.name != "Flux50"); // Flux50 untouched in mine
    let r = merge(Some(&b), &mine, &theirs);
    let names: Vec<_> = r
        .workspace
        .clusters
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Catalisti"]);
    assert_eq!(r.summary.removed, 1);
    assert_eq!(r.summary.conflicts, 1);
    let c = &r.conflicts[0];
    assert_eq!(
        (c.field.as_ref(), c.kept, c.alternative.as_ref()),
        (None, Side::Mine, None)
    );
    // Picking theirs carries out their deletion.
    let mut ws = r.workspace.clone();
    {
        let edit = resolve(&ws, c.id, Side::Theirs).expect("open");
        apply(&mut ws, edit)
    }
    .expect("applies");
    assert!(ws.clusters.is_empty() && ws.conflicts.is_empty());
}

#[test]
fn a_record_mine_deleted_but_theirs_changed_comes_back_as_a_conflict() {
    let b = base();
    let mut mine = b.clone();
    mine.clusters.remove(2);
    let mut theirs = b.clone();
    theirs.clusters[2].note = "belangrijk".into();
    let r = merge(Some(&b), &mine, &theirs);
    assert_eq!(r.workspace.clusters.len(), 3);
    assert_eq!(r.summary.added, 1);
    assert_eq!(r.conflicts[0].kept, Side::Theirs);
    let mut ws = r.workspace.clone();
    {
        let edit = resolve_all(&ws, Side::Mine).expect("settles");
        apply(&mut ws, edit)
    }
    .expect("applies");
    assert_eq!(ws.clusters.len(), 2);
}

#[test]
fn without_a_base_every_difference_is_a_conflict_and_nothing_is_dropped() {
    let b = base();
    let mut mine = b.clone();
    mine.clusters[0].name = "Catalisti vernieuwd".into();
    mine.clusters.remove(2);
    let mut theirs = b.clone();
    theirs.meta.subject = "Betreft: anders".into();
    let r = merge(None, &mine, &theirs);
    // VIL is only in theirs: kept. Two differing fields: two conflicts, no guesses.
    assert_eq!(r.workspace.clusters.len(), 3);
    assert_eq!(r.summary.conflicts, 2);
    assert_eq!(r.workspace.clusters[0].name, "Catalisti vernieuwd");
    assert_eq!(r.workspace.meta.subject, mine.meta.subject);
    let mut ws = r.workspace.clone();
    {
        let edit = resolve_all(&ws, Side::Theirs).expect("settles");
        apply(&mut ws, edit)
    }
    .expect("applies");
    assert_eq!(ws.clusters[0].name, "Catalisti");
    assert_eq!(ws.meta.subject, "Betreft: anders");
    assert!(ws.conflicts.is_empty());
}

#[test]
fn resolving_is_one_undoable_step() {
    let b = base();
    let mut mine = b.clone();
    mine.meta.title = "A".into();
    let mut theirs = b.clone();
    theirs.meta.title = "B".into();
    let merged = merge(Some(&b), &mine, &theirs).workspace;
    let mut ws = merged.clone();
    let undo = {
        let edit = resolve_all(&ws, Side::Theirs).expect("settles");
        apply(&mut ws, edit)
    }
    .expect("applies");
    assert_eq!(ws.meta.title, "B");
    apply(&mut ws, undo).expect("undo applies");
    assert_eq!(ws, merged);
}

#[test]
fn merging_identical_copies_changes_nothing() {
    let b = base();
    let r = merge(Some(&b), &b, &b);
    assert_eq!(r.workspace, b);
    assert_eq!(r.summary, MergeSummary::default());
}

// --- Records sharing an id -------------------------------------------------------

/// Two records of one kind that share an id (one copied in a text editor); THEIRS
/// edits the first, MINE the second. Both edits must survive, without a conflict,
/// and the repair must be reported for all three files.
macro_rules! shared_id_case {
    ($name:ident, $list:ident, $make:expr, $edit:expr, $read:expr) => {
        #[test]
        fn $name() {
            let make = $make;
            let edit = $edit;
            let read = $read;
            let mut b = Workspace::empty();
            b.$list = vec![make("eerste"), make("tweede")];
            let mut mine = b.clone();
            edit(&mut mine.$list[1], "tweede, door mij");
            let mut theirs = b.clone();
            edit(&mut theirs.$list[0], "eerste, door de collega");
            let r = merge(Some(&b), &mine, &theirs);
            let texts: Vec<String> = r.workspace.$list.iter().map(read).collect();
            assert_eq!(texts, ["eerste, door de collega", "tweede, door mij"]);
            assert_eq!(r.summary.conflicts, 0, "{:?}", r.conflicts);
            assert_eq!(r.repairs.len(), 1, "{:?}", r.repairs);
            let repair = &r.repairs[0];
            assert_eq!(repair.inputs, [Input::Base, Input::Mine, Input::Theirs]);
            assert_eq!(
                (repair.occurrence, repair.name.contains("tweede")),
                (2, true)
            );
            let first = r.workspace.$list[0].uuid();
            let second = r.workspace.$list[1].uuid();
            assert_eq!((first, second), (repair.id, repair.new_id));
            // Deterministic: the same input repairs the same way.
            assert_eq!(merge(Some(&b), &mine, &theirs), r);
        }
    };
}

shared_id_case!(
    clusters_sharing_an_id_keep_both_edits,
    clusters,
    |name: &str| Cluster {
        id: ClusterId::from_u128(1),
        name: name.into(),
        ..Cluster::default()
    },
    |c: &mut Cluster, v: &str| c.name = v.into(),
    |c: &Cluster| c.name.clone()
);
shared_id_case!(
    scenarios_sharing_an_id_keep_both_edits,
    scenarios,
    |t: &str| Scenario {
        id: ScenarioId::from_u128(1),
        title: t.into(),
        ..Scenario::default()
    },
    |s: &mut Scenario, v: &str| s.title = v.into(),
    |s: &Scenario| s.title.clone()
);
shared_id_case!(
    assignments_sharing_an_id_keep_both_edits,
    assignments,
    |c: &str| Assignment {
        id: AssignmentId::from_u128(1),
        conditions: c.into(),
        ..Assignment::default()
    },
    |a: &mut Assignment, v: &str| a.conditions = v.into(),
    |a: &Assignment| a.conditions.clone()
);
shared_id_case!(
    arguments_sharing_an_id_keep_both_edits,
    arguments,
    |t: &str| Argument {
        id: ArgumentId::from_u128(1),
        text: t.into(),
        ..Argument::default()
    },
    |a: &mut Argument, v: &str| a.text = v.into(),
    |a: &Argument| a.text.clone()
);
shared_id_case!(
    bodies_sharing_an_id_keep_both_edits,
    bodies,
    |n: &str| AdvisoryBody {
        id: BodyId::from_u128(1),
        short_name: n.into(),
        ..AdvisoryBody::default()
    },
    |b: &mut AdvisoryBody, v: &str| b.short_name = v.into(),
    |b: &AdvisoryBody| b.short_name.clone()
);
shared_id_case!(
    themes_sharing_an_id_keep_both_edits,
    themes,
    |n: &str| Theme {
        id: ThemeId::from_u128(1),
        name: n.into(),
        ..Theme::default()
    },
    |t: &mut Theme, v: &str| t.name = v.into(),
    |t: &Theme| t.name.clone()
);
shared_id_case!(
    rules_sharing_an_id_keep_both_edits,
    rules,
    |r: &str| CompatibilityRule {
        id: RuleId::from_u128(1),
        reason: r.into(),
        ..CompatibilityRule::default()
    },
    |r: &mut CompatibilityRule, v: &str| r.reason = v.into(),
    |r: &CompatibilityRule| r.reason.clone()
);

#[test]
fn sub_options_sharing_an_id_get_one_new_id_in_every_copy() {
    let option = |t: &str| SubOption {
        id: SubOptionId::from_u128(7),
        title: t.into(),
        ..SubOption::default()
    };
    let mut b = Workspace::empty();
    b.scenarios = vec![Scenario {
        id: ScenarioId::from_u128(1),
        sub_options: vec![option("eerste"), option("tweede")],
        ..Scenario::default()
    }];
    let mut theirs = b.clone();
    theirs.scenarios[0].title = "titel van de collega".into();
    let r = merge(Some(&b), &b, &theirs);
    // Every copy repairs the same way, so the sub-options are no conflict.
    assert_eq!(r.summary.conflicts, 0, "{:?}", r.conflicts);
    assert_eq!(r.workspace.scenarios[0].title, "titel van de collega");
    let ids: Vec<_> = r.workspace.scenarios[0]
        .sub_options
        .iter()
        .map(|o| o.id)
        .collect();
    assert_eq!(ids[0], SubOptionId::from_u128(7));
    assert_ne!(ids[1], ids[0]);
    assert_eq!(r.repairs.len(), 1);
    assert_eq!(r.repairs[0].kind, IdKind::SubOption);
}

#[test]
fn a_repair_only_in_one_copy_names_only_that_copy() {
    let b = base();
    let mut theirs = b.clone();
    let copy = theirs.clusters[0].clone();
    theirs.clusters.push(Cluster {
        name: "kopie".into(),
        ..copy
    });
    let r = merge(Some(&b), &b, &theirs);
    assert_eq!(r.repairs.len(), 1);
    assert_eq!(r.repairs[0].inputs, [Input::Theirs]);
    // The copy is THEIRS' addition under its new id; the original is untouched.
    let names: Vec<_> = r
        .workspace
        .clusters
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Catalisti", "Flux50", "VIL", "kopie"]);
    assert_eq!(r.summary.added, 1);
}

// --- Records without an id ---------------------------------------------------------

const NO_IDS: &str = r#"(
    clusters: [(name: "Catalisti"), (name: "Catalisti")],
    scenarios: [(number: 1, sub_options: [(title: "a"), (title: "b")])],
    assignments: [(conditions: "c")],
    arguments: [(text: "zonder id"), (text: "nog een")],
    bodies: [(short_name: "SERV")],
    themes: [(name: "Ruimtevaart")],
    rules: [(reason: "r")],
)"#;

fn read(text: &str) -> Workspace {
    ron::from_str(text).expect("a workspace without ids loads")
}

#[test]
fn records_without_an_id_get_the_same_id_in_every_copy() {
    let (one, two) = (read(NO_IDS), read(NO_IDS));
    assert_eq!(one, two, "two loads of one text are one workspace");
    let c = &one.clusters;
    assert!(
        !c[0].id.is_missing() && c[0].id != c[1].id,
        "identical records stay two"
    );
    assert!(!one.arguments[0].id.is_missing());
    let options = &one.scenarios[0].sub_options;
    assert!(!options[0].id.is_missing() && options[0].id != options[1].id);
    for id in [
        one.scenarios[0].id.0,
        one.assignments[0].id.0,
        one.bodies[0].id.0,
        one.themes[0].id.0,
        one.rules[0].id.0,
    ] {
        assert!(!id.is_nil());
    }
    let r = merge(Some(&one), &two, &read(NO_IDS));
    assert_eq!(
        r.workspace, one,
        "identical copies merge to identical content"
    );
    assert_eq!(r.summary, MergeSummary::default());
}

#[test]
fn a_colleague_s_edit_of_a_record_without_an_id_is_kept() {
    let b = read(NO_IDS);
    let theirs = read(&NO_IDS.replace("zonder id", "zonder id, herschreven"));
    let r = merge(Some(&b), &read(NO_IDS), &theirs);
    let texts: Vec<_> = r
        .workspace
        .arguments
        .iter()
        .map(|a| a.text.as_str())
        .collect();
    assert_eq!(texts, ["nog een", "zonder id, herschreven"]);
    assert_eq!(r.summary.conflicts, 0);
}

// --- Merging the same copy again ---------------------------------------------------

fn diverged() -> (Workspace, Workspace, Workspace) {
    let b = base();
    let mut mine = b.clone();
    mine.clusters[0].note = "mijn notitie".into();
    mine.meta.title = "mijn titel".into();
    mine.clusters.remove(2);
    let mut theirs = b.clone();
    theirs.clusters[0].note = "hun notitie".into();
    theirs.meta.title = "hun titel".into();
    theirs.clusters[1].domain = "Energie".into();
    theirs.clusters[2].note = "VIL gewijzigd".into();
    (b, mine, theirs)
}

#[test]
fn merging_the_same_copy_again_stores_no_conflict_twice() {
    let (b, mine, theirs) = diverged();
    let once = merge(Some(&b), &mine, &theirs);
    assert_eq!(once.summary.conflicts, 3, "{:?}", once.conflicts);
    let twice = merge(Some(&b), &once.workspace, &theirs);
    assert_eq!(twice.workspace, once.workspace);
    assert_eq!((twice.summary.conflicts, twice.summary.open), (0, 3));
    let thrice = merge(Some(&b), &twice.workspace, &theirs);
    assert_eq!(thrice.workspace, once.workspace);
    // Without a base as well.
    let once = merge(None, &mine, &theirs);
    let twice = merge(None, &once.workspace, &theirs);
    assert_eq!(twice.workspace, once.workspace);
}

#[test]
fn a_conflict_stored_by_an_older_version_is_not_stored_again() {
    let (b, mine, theirs) = diverged();
    let mut once = merge(Some(&b), &mine, &theirs).workspace;
    // As an older version wrote them: random ids, no values.
    for c in &mut once.conflicts {
        c.id = ConflictId::random();
        c.values = None;
    }
    let again = merge(Some(&b), &once, &theirs);
    assert_eq!(again.summary.conflicts, 0, "{:?}", again.conflicts);
    assert_eq!(again.workspace.conflicts.len(), 3);
    assert!(
        again
            .workspace
            .conflicts
            .iter()
            .all(|c| c.values.is_some() || c.field.is_none())
    );
}

#[test]
fn a_conflict_open_in_both_copies_is_stored_once() {
    let (b, mine, theirs) = diverged();
    let merged = merge(Some(&b), &mine, &theirs).workspace;
    let r = merge(Some(&merged), &merged, &merged.clone());
    assert_eq!(r.workspace.conflicts, merged.conflicts);
}

#[test]
fn the_same_merge_gives_the_same_workspace() {
    let (b, mine, theirs) = diverged();
    assert_eq!(
        merge(Some(&b), &mine, &theirs),
        merge(Some(&b), &mine, &theirs)
    );
}

// --- Timestamps --------------------------------------------------------------------

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_second(seconds).expect("in range")
}

fn argued() -> Workspace {
    let mut b = base();
    b.arguments.push(Argument {
        id: ArgumentId::from_u128(60),
        text: "tekst".into(),
        created: at(1_000),
        modified: at(1_000),
        ..Argument::default()
    });
    b
}

#[test]
fn edits_of_different_fields_of_an_argument_are_no_conflict_despite_their_timestamps() {
    let b = argued();
    let mut mine = b.clone();
    mine.arguments[0].text = "mijn tekst".into();
    mine.arguments[0].modified = at(2_000);
    let mut theirs = b.clone();
    theirs.arguments[0].weight = 3;
    theirs.arguments[0].modified = at(3_000);
    let r = merge(Some(&b), &mine, &theirs);
    assert_eq!(r.summary.conflicts, 0, "{:?}", r.conflicts);
    let a = &r.workspace.arguments[0];
    assert_eq!(
        (a.text.as_str(), a.weight, a.modified),
        ("mijn tekst", 3, at(3_000))
    );
    // Either way round, the later stamp.
    let r = merge(Some(&b), &theirs, &mine);
    assert_eq!(r.workspace.arguments[0].modified, at(3_000));
    assert_eq!(r.summary.conflicts, 0);
    // Without a base too: only the real difference is asked about.
    let r = merge(None, &mine, &theirs);
    let fields: Vec<_> = r.conflicts.iter().map(|c| c.field.as_deref()).collect();
    assert_eq!(fields, [Some("text"), Some("weight")]);
}

#[test]
fn the_same_field_edited_differently_is_one_conflict_about_that_field_only() {
    let b = argued();
    let mut mine = b.clone();
    mine.arguments[0].text = "mijn tekst".into();
    mine.arguments[0].modified = at(2_000);
    let mut theirs = b.clone();
    theirs.arguments[0].text = "hun tekst".into();
    theirs.arguments[0].modified = at(3_000);
    let r = merge(Some(&b), &mine, &theirs);
    let fields: Vec<_> = r.conflicts.iter().map(|c| c.field.as_deref()).collect();
    assert_eq!(fields, [Some("text")]);
}

// --- Resolving ---------------------------------------------------------------------

fn with_unknown_field() -> (Workspace, ConflictId) {
    let b = base();
    let mut mine = b.clone();
    mine.clusters[1].name = "mijn".into();
    let mut theirs = b.clone();
    theirs.clusters[1].name = "hun".into();
    let mut ws = merge(Some(&b), &mine, &theirs).workspace;
    // A file from a version that had a field this one does not know.
    ws.conflicts[0].field = Some("naam".into());
    let id = ws.conflicts[0].id;
    (ws, id)
}

#[test]
fn resolving_an_unknown_field_is_an_error_not_a_silent_keep_mine() {
    let (ws, id) = with_unknown_field();
    match resolve(&ws, id, Side::Theirs) {
        Err(ResolveError::UnknownField { field, target, .. }) => {
            assert_eq!(field, "naam");
            assert_eq!(
                target,
                ConflictTarget::Record(RecordKey::Cluster(ClusterId::from_u128(2)))
            );
        }
        other => panic!("{other:?}"),
    }
    let error = resolve_all(&ws, Side::Theirs).expect_err("one cannot be settled");
    assert!(error.to_string().contains("naam"), "{error}");
    // Keeping the value that is already there needs no field: that still works.
    let mut kept = ws.clone();
    apply(&mut kept, resolve(&ws, id, Side::Mine).expect("keeps mine")).expect("applies");
    assert!(kept.conflicts.is_empty());
    assert_eq!(kept.clusters[1].name, "mijn");
}

#[test]
fn resolving_a_conflict_that_is_gone_or_incomplete_is_an_error() {
    let (mut ws, id) = with_unknown_field();
    assert!(matches!(
        resolve(&ws, ConflictId::from_u128(99), Side::Theirs),
        Err(ResolveError::Gone { .. })
    ));
    ws.conflicts[0].field = Some("name".into());
    ws.conflicts[0].alternative = None;
    assert!(matches!(
        resolve(&ws, id, Side::Theirs),
        Err(ResolveError::Incomplete { .. })
    ));
}

// --- Properties --------------------------------------------------------------------

/// A small workspace with unique ids: clusters 1..=n and arguments 100..
fn small() -> impl Strategy<Value = Workspace> {
    (
        prop::collection::vec(("[a-c]{0,2}", "[a-c]{0,2}"), 0..5),
        prop::collection::vec(("[a-c]{0,2}", 1u8..4, 0i64..3), 0..4),
    )
        .prop_map(|(clusters, arguments)| {
            let mut ws = Workspace::empty();
            for (i, (name, note)) in clusters.into_iter().enumerate() {
                ws.clusters.push(Cluster {
                    id: ClusterId::from_u128(i as u128 + 1),
                    name,
                    note,
                    ..Cluster::default()
                });
            }
            for (i, (text, weight, stamp)) in arguments.into_iter().enumerate() {
                ws.arguments.push(Argument {
                    id: ArgumentId::from_u128(i as u128 + 100),
                    text,
                    weight,
                    modified: at(stamp),
                    ..Argument::default()
                });
            }
            ws
        })
}

/// A copy of `ws` with some edits: a field changed, a record removed, one added.
fn edited(ws: Workspace) -> impl Strategy<Value = Workspace> {
    let n = ws.clusters.len().max(1);
    let m = ws.arguments.len().max(1);
    (
        0..n,
        "[a-c]{0,2}",
        0..m,
        1u8..4,
        0i64..3,
        prop::option::of(0..n),
        prop::option::of((200u128..203, "[a-c]{1}")),
    )
        .prop_map(move |(c, name, a, weight, stamp, remove, add)| {
            let mut ws = ws.clone();
            if let Some(cluster) = ws.clusters.get_mut(c) {
                cluster.name = name;
            }
            if let Some(argument) = ws.arguments.get_mut(a) {
                argument.weight = weight;
                argument.modified = at(stamp);
            }
            if let Some(r) = remove.filter(|r| *r < ws.clusters.len()) {
                ws.clusters.remove(r);
            }
            if let Some((id, name)) = add {
                ws.clusters.push(Cluster {
                    id: ClusterId::from_u128(id),
                    name,
                    ..Cluster::default()
                });
            }
            ws
        })
}

fn three() -> impl Strategy<Value = (Workspace, Workspace, Workspace)> {
    small().prop_flat_map(|b| (Just(b.clone()), edited(b.clone()), edited(b)))
}

proptest! {
    #[test]
    fn merging_a_workspace_with_itself_gives_it_back(x in small()) {
        let r = merge(Some(&x), &x, &x);
        prop_assert_eq!(&r.workspace, &x);
        prop_assert_eq!(r.summary, MergeSummary::default());
        prop_assert_eq!(&merge(None, &x, &x).workspace, &x);
    }

    #[test]
    fn merging_the_same_copy_twice_is_merging_it_once((b, mine, theirs) in three()) {
        for base in [Some(&b), None] {
            let once = merge(base, &mine, &theirs);
            let twice = merge(base, &once.workspace, &theirs);
            prop_assert_eq!(&twice.workspace, &once.workspace);
            prop_assert_eq!(twice.summary.conflicts, 0);
            prop_assert_eq!(twice.summary.open, once.workspace.conflicts.len());
        }
    }

    #[test]
    fn no_record_of_either_side_is_lost((b, mine, theirs) in three()) {
        let r = merge(Some(&b), &mine, &theirs);
        let ids = |ws: &Workspace| ws.clusters.iter().map(|c| c.id).collect::<Vec<_>>();
        let merged = ids(&r.workspace);
        for side in [&mine, &theirs] {
            for c in &side.clusters {
                // A record only goes when one side deleted it and the other left it as
                // the base had it.
                let kept = merged.contains(&c.id);
                let deleted_untouched = [&mine, &theirs].iter().any(|s| s.cluster(c.id).is_none())
                    && b.cluster(c.id) == Some(c);
                prop_assert!(kept || deleted_untouched, "{:?} lost", c);
            }
        }
    }
}
