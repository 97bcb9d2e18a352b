#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;

fn lines(text: &str) -> Vec<String> {
    text.split('\n').map(str::to_owned).collect()
}

#[test]
fn a_delta_turns_one_text_into_the_other() {
    let cases = [
        ("a\nb\nc\nd", "a\nx\nc\nd"),
        ("a\nb\nc", "a\nb\nc\nd\ne"),
        ("", "a"),
        ("a\nb\nc\nd\ne\nf", "b\nc\nX\ne\nf\ng"),
        ("x\ny", ""),
        ("same", "same"),
    ];
    for (from, to) in cases {
        let hunks = diff(&lines(from), &lines(to));
        assert_eq!(
            apply(lines(from), &hunks).unwrap(),
            lines(to),
            "{from:?} → {to:?}"
        );
    }
}

proptest::proptest! {
    #[test]
    fn deltas_round_trip(from in proptest::collection::vec(0u8..6, 0..40), to in proptest::collection::vec(0u8..6, 0..40)) {
        let a: Vec<String> = from.iter().map(u8::to_string).collect();
        let b: Vec<String> = to.iter().map(u8::to_string).collect();
        let hunks = diff(&a, &b);
        proptest::prop_assert_eq!(apply(a, &hunks).unwrap(), b);
    }
}

#[test]
fn one_changed_field_costs_one_line() {
    let from: Vec<String> = (0..10_000).map(|i| format!("\tfield_{i}: {i},")).collect();
    let mut to = from.clone();
    to[5_000] = "\tfield_5000: 7,".to_owned();
    to.remove(9_000);
    let hunks = diff(&to, &from);
    assert_eq!(hunks.len(), 2, "{hunks:?}");
    assert_eq!(hunks[0].add, vec![from[5_000].clone()]);
}

#[test]
fn a_word_changed_in_a_long_line_costs_the_word() {
    let long = "x".repeat(500);
    let from = vec![format!("\tcontext: \"{long} één woord {long}\",")];
    let to = vec![format!("\tcontext: \"{long} twee woorden {long}\",")];
    let hunks = diff(&to, &from);
    let part = hunks[0].part.as_ref().expect("within the line");
    assert!(part.put.len() < 16, "{part:?}");
    assert_eq!(apply(to, &hunks).unwrap(), from);
}

#[test]
fn a_damaged_delta_is_refused_not_applied() {
    let hunk = Hunk {
        at: 5,
        del: 3,
        add: Vec::new(),
        part: None,
    };
    assert!(apply(lines("a\nb"), &[hunk]).is_none());
}

/// root → a → b (mine), root → a → c (theirs): the common version is a.
fn diamond() -> (VersionLog, VersionLog, VersionId) {
    let root = Version::new(Vec::new(), "", "", content_sum("r"));
    let link = |v: &Version| Link {
        id: v.id.clone(),
        back: Vec::new(),
        broken: false,
    };
    let a = Version::new(
        vec![link(&root)],
        "an",
        "2026-01-01T10:00:00Z",
        content_sum("a"),
    );
    let b = Version::new(
        vec![link(&a)],
        "an",
        "2026-01-02T10:00:00Z",
        content_sum("b"),
    );
    let c = Version::new(
        vec![link(&a)],
        "bo",
        "2026-01-03T10:00:00Z",
        content_sum("c"),
    );
    let mine = VersionLog {
        versions: vec![root.clone(), a.clone(), b],
    };
    let theirs = VersionLog {
        versions: vec![root, a.clone(), c],
    };
    (mine, theirs, a.id)
}

#[test]
fn the_common_version_is_the_latest_shared_one() {
    let (mine, theirs, a) = diamond();
    assert_eq!(mine.common_version(&theirs), Ok(a.clone()));
    assert_eq!(theirs.common_version(&mine), Ok(a));
    let lone = VersionLog {
        versions: vec![Version::new(Vec::new(), "x", "t", content_sum("z"))],
    };
    assert_eq!(mine.common_version(&lone), Err(NoBase::NothingShared));
    assert_eq!(
        mine.common_version(&VersionLog::default()),
        Err(NoBase::NoHistory)
    );
}

#[test]
fn after_a_merge_the_merged_head_of_theirs_is_the_base() {
    let (mine, theirs, _) = diamond();
    let union = mine.union(&theirs);
    let theirs_head = theirs.head().unwrap().clone();
    let parents = vec![
        Link {
            id: mine.head().unwrap().id.clone(),
            back: Vec::new(),
            broken: false,
        },
        Link {
            id: theirs_head.id.clone(),
            back: Vec::new(),
            broken: false,
        },
    ];
    let mut merged = union.clone();
    merged.versions.push(Version::new(
        parents,
        "an",
        "2026-01-04T10:00:00Z",
        content_sum("m"),
    ));
    // Theirs goes on from c; merging again finds c, not a.
    assert_eq!(merged.common_version(&theirs), Ok(theirs_head.id));
    assert_eq!(union.versions.len(), 4);
    assert_eq!(union.head().unwrap().id, mine.head().unwrap().id);
}

#[test]
fn content_is_rebuilt_along_the_links_and_checked() {
    let texts = ["one\ntwo", "one\n2\nthree", "zero\none\n2\nthree"];
    let mut log = VersionLog::default();
    for (i, text) in texts.iter().enumerate() {
        let parents = match (i, log.head()) {
            (0, _) | (_, None) => Vec::new(),
            (_, Some(head)) => vec![Link {
                id: head.id.clone(),
                back: diff(&lines(text), &lines(texts[i - 1])),
                broken: false,
            }],
        };
        log.versions.push(Version::new(
            parents,
            "an",
            &format!("t{i}"),
            content_sum(text),
        ));
    }
    let first = log.versions[0].id.clone();
    assert_eq!(log.content_of(texts[2], &first).as_deref(), Some(texts[0]));
    // Another head text (edited by hand) does not give the saved content.
    assert_eq!(log.content_of("zero\nONE\n2\nthree", &first), None);
}

/// A renamed cluster is one change: the assignments and arguments that name it are
/// not listed, and the name reads as the version concerned has it.
#[test]
fn a_renamed_record_is_one_change_and_its_references_follow_it() {
    use crate::model::{Assignment, Cluster, ClusterId, Scenario, ScenarioId, Workspace};
    let mut old = Workspace::empty();
    old.clusters.push(Cluster {
        id: ClusterId::from_u128(1),
        name: "VIL".into(),
        ..Cluster::default()
    });
    old.scenarios.push(Scenario {
        id: ScenarioId::from_u128(2),
        number: 3,
        ..Scenario::default()
    });
    old.assignments.push(Assignment {
        cluster: ClusterId::from_u128(1),
        scenario: ScenarioId::from_u128(2),
        ..Assignment::default()
    });
    let mut new = old.clone();
    new.clusters[0].name = "Vlaams Instituut voor de Logistiek".into();
    let list = changes(&old, &new);
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0].field, Some("name"));
    assert_eq!(list[0].old, Value::Text("VIL".into()));
    assert_eq!(
        list[0].label,
        Label::Name("Vlaams Instituut voor de Logistiek".into())
    );
    let mut moved = new.clone();
    moved.assignments[0].scenario = ScenarioId::from_u128(9);
    let list = changes(&new, &moved);
    assert_eq!(list[0].old, Value::Name("Scenario 3".into()));
    assert_eq!(list[0].new, Value::Missing, "a scenario the version lacks");
}
