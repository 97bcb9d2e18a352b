//! Hostile input: any workspace survives save → load exactly, and no bytes make the
//! loader panic; every failure is a `ParseError` with its place, and the file on disk
//! stays as it was.

// A test crate: strategies and helpers outside `#[test]` functions may fail loudly too.
#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]

use std::path::Path;

use jiff::Timestamp;
use jiff::civil::{Date, date};
use proptest::prelude::*;

use clusterwerkbank::model::merge::{
    AnyRecord, ConflictTarget, ConflictValue, ConflictValues, FieldValue,
};
use clusterwerkbank::model::*;
use clusterwerkbank::store::file::default_workspace_text as groenboek;
use clusterwerkbank::store::file::{ParseError, parse_bytes};
use clusterwerkbank::store::{LoadError, from_ron, load, save, to_ron};

/// Text that has broken serialisers before: quotes, backslashes, raw-string
/// delimiters, comments, control characters, emoji with joiners, right-to-left text.
fn nasty() -> impl Strategy<Value = String> {
    let fragments = prop::sample::select(vec![
        "\"",
        "\\",
        "\"#",
        "r#\"",
        "#",
        "\n",
        "\r\n",
        "\r",
        "\t",
        "\u{0}",
        "\u{1b}[31m",
        "\u{7f}",
        "\u{85}",
        "\u{2028}",
        "🚀",
        "👩\u{200d}👩\u{200d}👧",
        "\u{202e}",
        "مرحبا",
        "שלום",
        "é",
        "e\u{301}",
        "/*",
        "*/",
        "//",
        ")",
        "(",
        "]",
        "[",
        "{",
        ",",
        ":",
        "€ 650.000",
        "Catalisti",
        " ",
        "\u{feff}",
        "\u{fffd}",
        "\\u{41}",
    ]);
    prop_oneof![
        any::<String>(),
        prop::collection::vec(fragments, 0..10).prop_map(|v| v.concat()),
    ]
}

fn uuid() -> impl Strategy<Value = u128> {
    any::<u128>()
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (-10_000_000_000i64..10_000_000_000, 0i32..1_000_000_000)
        .prop_map(|(s, n)| Timestamp::new(s, n).unwrap())
}

fn civil_date() -> impl Strategy<Value = Date> {
    (1900i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| date(y, m, d))
}

fn metadata() -> impl Strategy<Value = Metadata> {
    (
        (
            nasty(),
            nasty(),
            nasty(),
            nasty(),
            nasty(),
            proptest::option::of(civil_date()),
            nasty(),
        ),
        (
            any::<bool>(),
            any::<bool>(),
            any::<i64>(),
            any::<u32>(),
            nasty(),
            nasty(),
        ),
        (
            prop::collection::vec(nasty(), 0..3),
            nasty(),
            nasty(),
            nasty(),
        ),
        (nasty(), nasty(), any::<Option<u32>>(), nasty()),
    )
        .prop_map(
            |(
                (title, subject, minister_title, signatory, document_number, date, author),
                (public_version, confidential_draft, cap, funded_today, context, legal_basis),
                (advice_questions, overall_recommendation, timing, closing),
                (cluster_term, cluster_term_plural, term_years, term_basis),
            )| Metadata {
                title,
                subject,
                minister_title,
                signatory,
                document_number,
                date,
                author,
                public_version,
                confidential_draft,
                funding_cap: Euro(cap),
                funded_today,
                context,
                legal_basis,
                advice_questions,
                overall_recommendation,
                timing,
                closing,
                cluster_term,
                cluster_term_plural,
                term_years,
                term_basis,
                chosen_variant: None,
            },
        )
}

fn cluster() -> impl Strategy<Value = Cluster> {
    (
        uuid(),
        nasty(),
        nasty(),
        prop::sample::select(ClusterStatus::ALL.to_vec()),
        any::<Option<i32>>(),
        any::<Option<i32>>(),
        any::<Option<i64>>(),
        nasty(),
        nasty(),
    )
        .prop_map(
            |(id, name, domain, status, start, end, max, note, recommendation)| Cluster {
                id: ClusterId::from_u128(id),
                name,
                domain,
                status,
                start_year: start,
                term_end_year: end,
                max_yearly_funding: max.map(Euro),
                note,
                recommendation,
            },
        )
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        uuid(),
        any::<u32>(),
        nasty(),
        nasty(),
        prop::collection::vec((uuid(), nasty(), nasty()), 0..3),
        nasty(),
    )
        .prop_map(
            |(id, number, title, description, subs, conditions)| Scenario {
                id: ScenarioId::from_u128(id),
                number,
                title,
                description,
                sub_options: subs
                    .into_iter()
                    .map(|(id, title, description)| SubOption {
                        id: SubOptionId::from_u128(id),
                        title,
                        description,
                    })
                    .collect(),
                conditions,
            },
        )
}

fn assignment() -> impl Strategy<Value = Assignment> {
    (
        (uuid(), uuid(), uuid(), any::<bool>()),
        (
            any::<Option<u8>>(),
            any::<Option<u8>>(),
            prop::collection::vec(uuid(), 0..3),
            nasty(),
        ),
        any::<Option<(i64, i32, i32)>>(),
    )
        .prop_map(
            |((id, c, s, complementary), (d, f, subs, conditions), budget)| Assignment {
                id: AssignmentId::from_u128(id),
                cluster: ClusterId::from_u128(c),
                scenario: ScenarioId::from_u128(s),
                role: if complementary {
                    Role::Complementary
                } else {
                    Role::Primary
                },
                desirability: d,
                feasibility: f,
                sub_options: subs.into_iter().map(SubOptionId::from_u128).collect(),
                conditions,
                variant: None,
                budget: budget.map(|(amount, first_year, last_year)| YearlyBudget {
                    amount: Euro(amount),
                    first_year,
                    last_year,
                }),
            },
        )
}

fn argument() -> impl Strategy<Value = Argument> {
    (
        (
            uuid(),
            any::<bool>(),
            any::<Option<u128>>(),
            uuid(),
            nasty(),
        ),
        (
            any::<Option<u128>>(),
            any::<u8>(),
            any::<bool>(),
            timestamp(),
            timestamp(),
        ),
    )
        .prop_map(
            |(
                (id, contra, cluster, scenario, text),
                (body, weight, internal, created, modified),
            )| {
                let scenario = ScenarioId::from_u128(scenario);
                Argument {
                    id: ArgumentId::from_u128(id),
                    polarity: if contra {
                        Polarity::Contra
                    } else {
                        Polarity::Pro
                    },
                    subject: match cluster {
                        Some(c) => Subject::ClusterScenario {
                            cluster: ClusterId::from_u128(c),
                            scenario,
                        },
                        None => Subject::Scenario(scenario),
                    },
                    citation: Citation {
                        passage: Passage {
                            page: Some(u32::from(weight)),
                            paragraph: text.clone(),
                            source: None,
                        },
                        quote: text.clone(),
                    },
                    text,
                    source: body
                        .map_or(Source::OwnAnalysis, |b| Source::Body(BodyId::from_u128(b))),
                    weight,
                    internal,
                    created,
                    modified,
                }
            },
        )
}

fn body() -> impl Strategy<Value = AdvisoryBody> {
    (
        uuid(),
        nasty(),
        nasty(),
        proptest::option::of(civil_date()),
        nasty(),
        nasty(),
        prop::collection::vec(
            (uuid(), prop::sample::select(Stance::ALL.to_vec()), nasty()),
            0..3,
        ),
    )
        .prop_map(
            |(id, short_name, full_name, received, reference, summary, stances)| AdvisoryBody {
                id: BodyId::from_u128(id),
                short_name,
                full_name,
                advice: Advice {
                    received,
                    reference,
                    summary,
                    stances: stances
                        .into_iter()
                        .map(|(s, stance, quote)| ScenarioStance {
                            scenario: ScenarioId::from_u128(s),
                            stance,
                            passage: Passage {
                                page: None,
                                paragraph: quote.clone(),
                                source: None,
                            },
                            quote,
                        })
                        .collect(),
                },
            },
        )
}

fn theme() -> impl Strategy<Value = Theme> {
    (
        uuid(),
        nasty(),
        nasty(),
        prop::collection::vec(uuid(), 0..3),
        proptest::option::of(prop::sample::select(ThemeRoute::ALL.to_vec())),
        any::<Option<u128>>(),
    )
        .prop_map(|(id, name, description, by, route, host)| Theme {
            id: ThemeId::from_u128(id),
            citation: by.first().map(|b| ThemeCitation {
                body: BodyId::from_u128(*b),
                citation: Citation {
                    quote: name.clone(),
                    ..Citation::default()
                },
            }),
            name,
            description,
            proposed_by: by.into_iter().map(BodyId::from_u128).collect(),
            route,
            host_cluster: host.map(ClusterId::from_u128),
        })
}

fn rule() -> impl Strategy<Value = CompatibilityRule> {
    (uuid(), uuid(), uuid(), nasty()).prop_map(|(id, a, b, reason)| CompatibilityRule {
        id: RuleId::from_u128(id),
        first: ScenarioId::from_u128(a),
        second: ScenarioId::from_u128(b),
        reason,
    })
}

fn conflict() -> impl Strategy<Value = MergeConflict> {
    (
        uuid(),
        cluster(),
        proptest::option::of(nasty()),
        proptest::option::of((nasty(), nasty())),
        any::<bool>(),
        metadata(),
        any::<bool>(),
    )
        .prop_map(
            |(id, other, field, values, theirs_kept, meta, about_meta)| MergeConflict {
                id: ConflictId::from_u128(id),
                target: if about_meta {
                    ConflictTarget::Meta
                } else {
                    ConflictTarget::Record(RecordKey::Cluster(other.id))
                },
                field,
                values: values.map(|(mine, theirs)| ConflictValues {
                    mine: FieldValue::Text(mine),
                    theirs: FieldValue::Ron(theirs),
                }),
                kept: if theirs_kept {
                    Side::Theirs
                } else {
                    Side::Mine
                },
                alternative: Some(if about_meta {
                    ConflictValue::Meta(Box::new(meta))
                } else {
                    ConflictValue::Record(Box::new(AnyRecord::Cluster(other)))
                }),
            },
        )
}

fn workspace() -> impl Strategy<Value = Workspace> {
    (
        metadata(),
        prop::collection::vec(cluster(), 0..3),
        prop::collection::vec(scenario(), 0..3),
        prop::collection::vec(assignment(), 0..3),
        prop::collection::vec(argument(), 0..3),
        prop::collection::vec(body(), 0..3),
        prop::collection::vec(theme(), 0..3),
        prop::collection::vec(rule(), 0..2),
        prop::collection::vec(conflict(), 0..2),
        prop::collection::vec((uuid(), nasty(), nasty()), 0..2),
    )
        .prop_map(
            |(
                meta,
                clusters,
                scenarios,
                assignments,
                arguments,
                bodies,
                themes,
                rules,
                conflicts,
                variants,
            )| Workspace {
                meta,
                clusters,
                scenarios,
                assignments,
                arguments,
                bodies,
                themes,
                rules,
                // Imported documents have their own round trip in import_documents.
                documents: Vec::new(),
                variants: variants
                    .into_iter()
                    .map(|(id, name, recommendation)| Variant {
                        id: VariantId::from_u128(id),
                        name,
                        recommendation,
                    })
                    .collect(),
                conflicts,
            },
        )
}

/// The checks every failure must pass: a position where the error has one, and the
/// Dutch message names it.
fn check_error(error: &ParseError, bytes: &[u8]) {
    if let Some((line, column)) = error.position() {
        assert!(line >= 1 && column >= 1, "{error:?}");
        let lines = bytes.iter().filter(|b| **b == b'\n').count() + 1;
        assert!(
            line <= lines + 1,
            "line {line} beyond the {lines} lines: {error:?}"
        );
        let message = error.to_string();
        assert!(
            message.contains(&format!("regel {line}, kolom {column}")),
            "{message}"
        );
    } else {
        assert!(
            matches!(error, ParseError::Empty | ParseError::TooNew { .. }),
            "{error:?}"
        );
    }
}

/// Loads from a file and checks the file did not change (bytes and mtime).
fn load_leaves_file_untouched(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap();
    let mtime = std::fs::metadata(path).unwrap().modified().unwrap();
    match load(path) {
        Ok(_) => {}
        Err(LoadError::Content { problem, .. }) => check_error(&problem, bytes),
        Err(other) => panic!("unexpected: {other}"),
    }
    assert_eq!(std::fs::read(path).unwrap(), bytes);
    assert_eq!(std::fs::metadata(path).unwrap().modified().unwrap(), mtime);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_workspace_survives_save_and_load_exactly(ws in workspace()) {
        // Exactly, but for the one documented change: every kind of line break
        // (CR, VT, NEL, U+2028 …) comes back as LF.
        let mut expected = ws.clone();
        clusterwerkbank::model::text::normalise_workspace_breaks(&mut expected);
        let text = to_ron(&ws).unwrap();
        let back = from_ron(&text);
        prop_assert_eq!(back.as_ref(), Ok(&expected), "text:\n{}", text);
        // Same bytes again: saving is deterministic.
        prop_assert_eq!(to_ron(&back.unwrap()).unwrap(), to_ron(&expected).unwrap());
    }

    #[test]
    fn any_workspace_survives_a_real_file(ws in workspace()) {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("werk.ron");
        save(&path, &ws).unwrap();
        let mut expected = ws;
        clusterwerkbank::model::text::normalise_workspace_breaks(&mut expected);
        prop_assert_eq!(load(&path).unwrap(), expected);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Err(error) = parse_bytes(&bytes) {
            check_error(&error, &bytes);
        }
    }

    #[test]
    fn arbitrary_bytes_after_a_valid_start_never_panic(tail in prop::collection::vec(any::<u8>(), 0..512)) {
        let mut bytes = b"(\n    format_version: 2,\n    workspace: (\n        clusters: [".to_vec();
        bytes.extend(tail);
        if let Err(error) = parse_bytes(&bytes) {
            check_error(&error, &bytes);
        }
    }
}

#[derive(Clone, Debug)]
enum Mutation {
    Truncate,
    Flip(u8),
    Insert(Vec<u8>),
    Delete(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        Just(Mutation::Truncate),
        (1u8..=255).prop_map(Mutation::Flip),
        prop::collection::vec(any::<u8>(), 1..16).prop_map(Mutation::Insert),
        (1usize..64).prop_map(Mutation::Delete),
    ]
}

fn mutate(original: &[u8], at: usize, m: &Mutation) -> Vec<u8> {
    let mut bytes = original.to_vec();
    let at = at.min(bytes.len());
    match m {
        Mutation::Truncate => bytes.truncate(at),
        Mutation::Flip(mask) => {
            if let Some(b) = bytes.get_mut(at) {
                *b ^= mask;
            }
        }
        Mutation::Insert(junk) => {
            bytes.splice(at..at, junk.iter().copied());
        }
        Mutation::Delete(n) => {
            let end = (at + n).min(bytes.len());
            bytes.drain(at..end);
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn mutated_real_files_fail_cleanly_and_stay_untouched(at in any::<prop::sample::Index>(), m in mutation()) {
        let original = groenboek().as_bytes();
        let bytes = mutate(original, at.index(original.len() + 1), &m);
        let temp = tempfile::tempdir().unwrap();
        load_leaves_file_untouched(&temp.path().join("werk.ron"), &bytes);
    }
}

/// The class of a byte, for truncating at every kind of place in the file.
fn class(b: u8) -> u8 {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' | b'_' => 0,
        b'0'..=b'9' => 1,
        b'"' => 2,
        b'\\' => 3,
        b'(' | b')' | b'[' | b']' => 4,
        b',' | b':' => 5,
        b' ' | b'\t' => 6,
        b'\n' => 7,
        0x80..=0xff => 8,
        _ => 9,
    }
}

#[test]
fn truncation_at_every_class_of_position_fails_cleanly() {
    let original = groenboek().as_bytes();
    let mut per_pair = std::collections::HashMap::<(u8, u8), usize>::new();
    let mut tried = 0;
    for at in 1..original.len() {
        let pair = (class(original[at - 1]), class(original[at]));
        let n = per_pair.entry(pair).or_default();
        if *n >= 3 {
            continue;
        }
        *n += 1;
        tried += 1;
        match parse_bytes(&original[..at]) {
            // A cut that still parses would lose data silently: it must not happen
            // before the final closing parenthesis.
            Ok(_) => assert!(
                original[at..]
                    .iter()
                    .all(|b| b.is_ascii_whitespace() || *b == b')' || *b == b','),
                "a cut at {at} parsed"
            ),
            Err(error) => check_error(&error, &original[..at]),
        }
    }
    assert!(tried > 50, "only {tried} positions");
    // Inside a multi-byte character: a NotText error with its place.
    let euro = original
        .windows(3)
        .position(|w| w == "€".as_bytes())
        .expect("a euro sign in the Green Paper");
    let error = parse_bytes(&original[..euro + 1]).unwrap_err();
    assert!(matches!(error, ParseError::NotText { .. }), "{error:?}");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for open in ["(", "[", "Some(", "r#\""] {
        let bytes = open.repeat(100_000).into_bytes();
        let error = parse_bytes(&bytes).unwrap_err();
        check_error(&error, &bytes);
    }
}
