#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! Workspace files: round trips, determinism, broken input, migration, atomic saves.

use clusterwerkbank::model::*;
use clusterwerkbank::store::{self, LoadError, file::ParseError};

fn rich_workspace() -> Workspace {
    let mut ws = store::default_workspace();
    let catalisti = ws.clusters[0].id;
    let s1 = ws.scenarios[0].id;
    let s3 = ws.scenarios[2].id;
    ws.assignments.push(Assignment {
        id: AssignmentId::from_u128(1),
        cluster: catalisti,
        scenario: s3,
        role: Role::Primary,
        desirability: Some(4),
        feasibility: Some(3),
        sub_options: vec![ws.scenarios[2].sub_options[0].id],
        conditions: "Basisopdracht met \"KPI's\" en \\ back-slash\nop twee regels".into(),
        variant: None,
        budget: Some(YearlyBudget {
            amount: Euro(500_000),
            first_year: 2027,
            last_year: 2030,
        }),
    });
    ws.arguments.push(Argument {
        id: ArgumentId::from_u128(2),
        polarity: Polarity::Contra,
        subject: Subject::Scenario(s1),
        text: "Emoji 🚀, RTL مرحبا, controle \u{7}\u{0} tekens, r#\"raw\"#".into(),
        source: Source::Body(ws.bodies[0].id),
        weight: 3,
        internal: true,
        citation: Citation {
            passage: Passage {
                page: Some(7),
                paragraph: "3.2".into(),
                source: None,
            },
            quote: "een \"basisopdracht\" is essentieel".into(),
        },
        created: "2024-03-01T10:00:00Z".parse().unwrap(),
        modified: "2024-03-02T11:30:00Z".parse().unwrap(),
    });
    ws.bodies[0].advice = Advice {
        received: Some(jiff::civil::date(2024, 4, 15)),
        reference: "SERV_ADV_20240415".into(),
        summary: "Steunt scenario 3 onder voorwaarden.".into(),
        stances: vec![ScenarioStance {
            scenario: s3,
            stance: Stance::Conditional,
            quote: "mits duidelijke KPI's".into(),
            passage: Passage {
                page: None,
                paragraph: "12".into(),
                source: None,
            },
        }],
    };
    ws.themes.push(Theme {
        id: ThemeId::from_u128(3),
        name: "Ruimtevaart".into(),
        proposed_by: vec![ws.bodies[1].id],
        route: Some(ThemeRoute::NewNetworkCall),
        citation: Some(ThemeCitation {
            body: ws.bodies[1].id,
            citation: Citation {
                passage: Passage {
                    page: Some(3),
                    paragraph: String::new(),
                    source: None,
                },
                quote: String::new(),
            },
        }),
        ..Theme::default()
    });
    ws
}

#[test]
fn save_then_load_gives_the_same_workspace_and_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("werk.ron");
    let ws = rich_workspace();
    store::save(&path, &ws).unwrap();
    let first = std::fs::read(&path).unwrap();
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded, ws);
    store::save(&path, &loaded).unwrap();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        first,
        "same workspace, same bytes"
    );
    let text = String::from_utf8(first).unwrap();
    assert!(
        text.starts_with(&format!("(\n\tformat_version: {},", store::FORMAT_VERSION)),
        "version at the top"
    );
}

#[test]
fn output_is_deterministic_across_calls() {
    let ws = rich_workspace();
    let a = store::to_ron(&ws).unwrap();
    let b = store::to_ron(&ws.clone()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn corrupt_and_truncated_files_fail_with_a_place_and_stay_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let good = store::to_ron(&rich_workspace()).unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("leeg", Vec::new()),
        ("afgekapt", good.as_bytes()[..good.len() / 2].to_vec()),
        ("afgekapt-kort", good.as_bytes()[..10].to_vec()),
        ("binair", (0u8..=255).cycle().take(4096).collect()),
        ("rommel", b"dit is geen werkruimte".to_vec()),
        ("komma", good.replacen(",", "", 1).into_bytes()),
        (
            "onbekend-veld",
            good.replacen("title:", "titel:", 1).into_bytes(),
        ),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(format!("{name}.ron"));
        std::fs::write(&path, &bytes).unwrap();
        let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
        let Err(error) = store::load(&path) else {
            panic!("{name}: loaded although broken");
        };
        let message = error.to_string();
        assert!(
            message.contains(&format!("{name}.ron")),
            "{name}: {message}"
        );
        if let LoadError::Content { problem, .. } = &error {
            if !matches!(problem, ParseError::Empty) {
                let (line, column) = problem
                    .position()
                    .unwrap_or_else(|| panic!("{name}: no position in {message}"));
                assert!(line >= 1 && column >= 1);
                assert!(
                    message.contains(&format!("regel {line}, kolom {column}")),
                    "{message}"
                );
            }
        } else {
            panic!("{name}: unexpected error kind {error:?}");
        }
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name}: file changed");
        assert_eq!(
            std::fs::metadata(&path).unwrap().modified().unwrap(),
            modified
        );
    }
}

#[test]
fn missing_files_folders_and_newer_versions_say_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let missing = store::load(&dir.path().join("weg.ron")).unwrap_err();
    assert!(matches!(missing, LoadError::NotFound { .. }));
    assert!(missing.to_string().contains("bestaat niet"));
    let folder = store::load(dir.path()).unwrap_err();
    assert!(matches!(folder, LoadError::IsFolder { .. }));
    let newer = dir.path().join("nieuw.ron");
    std::fs::write(
        &newer,
        "(\n    format_version: 99,\n    workspace: (),\n)\n",
    )
    .unwrap();
    let error = store::load(&newer).unwrap_err().to_string();
    assert!(error.contains("nieuwere versie"), "{error}");
}

#[test]
fn an_older_format_migrates() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/v1-groenboek-fragment.ron");
    let ws = store::load(&path).unwrap();
    assert_eq!(ws.clusters[0].max_yearly_funding, Some(Euro(650_000)));
    assert_eq!(ws.clusters[1].max_yearly_funding, None);
    assert_eq!(ws.clusters[1].status, ClusterStatus::Founding);
    assert_eq!(ws.assignments[0].desirability, Some(2));
    assert!(ws.rules.is_empty());
    // Written again, it is in the current format and loads the same.
    let text = store::to_ron(&ws).unwrap();
    assert!(text.contains(&format!("format_version: {}", store::FORMAT_VERSION)));
    assert_eq!(store::from_ron(&text).unwrap(), ws);
}

/// A version-2 file (written and checked by a version-2 build, then given one argument,
/// stance and theme of that version's shape) loads with every record and no citations,
/// and is written back in the current version.
#[test]
fn a_version_two_file_loads_without_citations() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v2-advice.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("format_version: 2,"),
        "the fixture is version 2"
    );
    let ws = store::load(&path).unwrap();
    assert_eq!(ws.arguments.len(), 1);
    assert_eq!(ws.themes.len(), 1);
    assert!(ws.arguments[0].citation.is_empty());
    assert!(ws.themes[0].citation.is_none());
    let vario = ws.bodies.iter().find(|b| b.short_name == "VARIO").unwrap();
    assert_eq!(vario.advice.reference, "advies 36");
    assert_eq!(vario.advice.stances[0].quote, "mits duidelijke KPI's");
    assert!(vario.advice.stances[0].passage.is_empty());
    let again = store::to_ron(&ws).unwrap();
    assert!(again.contains(&format!("format_version: {},", store::FORMAT_VERSION)));
    assert!(!again.contains("citation") && !again.contains("passage"));
    assert_eq!(store::from_ron(&again).unwrap(), ws);
}

/// A current file with citations keeps every part of them through a save and load.
#[test]
fn citations_survive_a_save() {
    let ws = rich_workspace();
    let text = store::to_ron(&ws).unwrap();
    assert!(text.contains("page: Some(7)"), "{text}");
    let back = store::from_ron(&text).unwrap();
    assert_eq!(back.arguments[0].citation.passage.paragraph, "3.2");
    assert_eq!(back.bodies[0].advice.stances[0].passage.paragraph, "12");
    assert_eq!(
        back.themes[0]
            .citation
            .as_ref()
            .unwrap()
            .citation
            .passage
            .page,
        Some(3)
    );
    assert_eq!(back, ws);
}

#[test]
fn the_documented_example_loads() {
    let doc = include_str!("../docs/FORMAT.md");
    let start = doc.find("```ron\n").expect("FORMAT.md has a ron example") + "```ron\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let ws = store::from_ron(&doc[start..end]).unwrap();
    assert_eq!(ws.clusters.len(), 1);
    assert_eq!(ws.assignments.len(), 1);
    assert_eq!(ws.arguments.len(), 1);
    assert_eq!(ws.arguments[0].citation.passage.page, Some(12));
    assert!(validate(&ws, 2026).is_empty(), "{:?}", validate(&ws, 2026));
}

#[test]
fn saving_is_atomic_and_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("werk.ron");
    store::save(&path, &store::default_workspace()).unwrap();
    store::save(&path, &rich_workspace()).unwrap();
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["werk.ron"]);
}

#[test]
fn a_save_into_a_missing_folder_fails_in_dutch_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bestaat-niet").join("werk.ron");
    let error = store::save(&path, &store::default_workspace())
        .unwrap_err()
        .to_string();
    assert!(error.contains("Kon"), "{error}");
    assert!(error.contains("Opslaan als"), "{error}");
    assert!(!path.exists());
}

#[cfg(unix)]
#[test]
fn new_files_are_private_and_existing_files_keep_their_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let path = dir.path().join("werk.ron");
    store::save(&path, &store::default_workspace()).unwrap();
    assert_eq!(
        mode(&path),
        0o600,
        "a new file is readable by its owner only"
    );
    // A file the team shares (group-writable on a shared drive) stays shared: the
    // person chose that mode, and a save must not lock the colleagues out.
    let shared = dir.path().join("gedeeld.ron");
    std::fs::write(&shared, "oud").unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o664)).unwrap();
    store::save(&shared, &store::default_workspace()).unwrap();
    assert_eq!(mode(&shared), 0o664);
}

/// A version-3 file (written by a version-3 build: the filled fixture with one imported
/// advice) loads with its citations and document, none of them pointing into the
/// document, and is written back in the current version without a `source`.
#[test]
fn a_version_three_file_loads_with_citations_that_point_nowhere() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v3-reader.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("format_version: 3,"),
        "the fixture is version 3"
    );
    let ws = store::load(&path).unwrap();
    assert_eq!(ws.documents.len(), 1);
    assert_eq!(ws.documents[0].passages.len(), 3);
    let cited = ws
        .arguments
        .iter()
        .filter(|a| !a.citation.is_empty())
        .count();
    assert!(cited > 0, "the fixture has citations");
    assert!(
        ws.arguments
            .iter()
            .all(|a| a.citation.passage.source.is_none())
    );
    let again = store::to_ron(&ws).unwrap();
    assert!(again.contains(&format!("format_version: {},", store::FORMAT_VERSION)));
    assert!(!again.contains("source: Some("));
    assert_eq!(store::from_ron(&again).unwrap(), ws);
}

/// A citation made in the reader keeps its place in the document through a save.
#[test]
fn a_citation_into_a_document_survives_a_save() {
    use clusterwerkbank::model::marks::{MarkAs, cite, mark};
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v3-reader.ron");
    let mut ws = store::load(&path).unwrap();
    let document = ws.documents[0].clone();
    let citation = cite(&document, 1, 0, 20).unwrap();
    // The spot as cited (a selection ending inside a word takes the whole word).
    let cited = citation.passage.source.as_deref().copied().unwrap();
    assert_eq!((cited.start, cited.passage), (0, 1));
    assert!(cited.end >= 20);
    let scenario = ws.scenarios[1].id;
    let (edit, _) = mark(
        &ws,
        &document,
        citation,
        MarkAs::Argument(
            clusterwerkbank::model::Polarity::Contra,
            clusterwerkbank::model::Subject::Scenario(scenario),
        ),
        jiff::Timestamp::UNIX_EPOCH,
    )
    .unwrap();
    clusterwerkbank::model::apply(&mut ws, edit).unwrap();
    let text = store::to_ron(&ws).unwrap();
    assert!(text.contains("source: Some("), "{text}");
    let back = store::from_ron(&text).unwrap();
    let spot = back
        .arguments
        .last()
        .unwrap()
        .citation
        .passage
        .source
        .as_deref()
        .copied()
        .unwrap();
    assert_eq!(
        (spot.document, spot.passage, spot.start, spot.end),
        (document.id, 1, 0, cited.end)
    );
    assert_eq!(back, ws);
}
