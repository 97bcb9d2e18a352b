#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! The change lists as a person reads them, per record kind, on the Green Paper.

use jiff::civil::date;

use super::*;
use crate::model::versions::changes;
use crate::model::*;

fn green_paper() -> Workspace {
    crate::store::default_workspace()
}

fn lines(old: &Workspace, new: &Workspace, lang: Lang) -> Vec<String> {
    changes(old, new).iter().map(|c| change(c, lang)).collect()
}

fn dutch(old: &Workspace, new: &Workspace) -> Vec<String> {
    lines(old, new, Lang::Dutch)
}

fn cluster(ws: &Workspace, name: &str) -> ClusterId {
    ws.clusters.iter().find(|c| c.name == name).unwrap().id
}

fn scenario(ws: &Workspace, number: u32) -> ScenarioId {
    ws.scenarios.iter().find(|s| s.number == number).unwrap().id
}

fn body(ws: &Workspace, name: &str) -> BodyId {
    ws.bodies.iter().find(|b| b.short_name == name).unwrap().id
}

fn vil_under_3(ws: &Workspace) -> Workspace {
    let mut next = ws.clone();
    let a = next.new_assignment(cluster(ws, "VIL"), scenario(ws, 3));
    next.assignments.push(a);
    next
}

#[test]
fn an_assignment_is_named_by_its_cluster_and_scenario_and_its_budget_in_euros() {
    let ws = green_paper();
    let placed = vil_under_3(&ws);
    assert_eq!(
        dutch(&ws, &placed),
        ["Toewijzing VIL onder Scenario 3 toegevoegd"]
    );
    let mut funded = placed.clone();
    funded.assignments[0].budget = Some(YearlyBudget {
        amount: Euro(500_000),
        first_year: 2027,
        last_year: 2030,
    });
    funded.assignments[0].desirability = Some(4);
    funded.assignments[0].sub_options = vec![SubOptionId::from_u128(0x2301)];
    assert_eq!(
        dutch(&placed, &funded),
        [
            "VIL onder Scenario 3, wenselijkheid: (leeg) \u{2192} 4",
            "VIL onder Scenario 3, subopties: (leeg) \u{2192} Basisopdracht: samenwerkingsprojecten faciliteren en begelei\u{2026}",
            "VIL onder Scenario 3, jaarbudget: (leeg) \u{2192} \u{20ac} 500.000 van 2027 tot 2030",
        ]
    );
    assert_eq!(
        lines(&placed, &funded, Lang::English)[2],
        "VIL under Scenario 3, yearly budget: (empty) \u{2192} \u{20ac}500,000 from 2027 to 2030"
    );
    assert_eq!(
        dutch(&funded, &ws),
        ["Toewijzing VIL onder Scenario 3 verwijderd"]
    );
}

#[test]
fn variants_are_created_chosen_renamed_and_removed_by_name() {
    let ws = vil_under_3(&green_paper());
    let mut session = Session::new(ws.clone());
    let (copy, id) = variants::copy(&ws, ws.first_variant(), "Alles op scenario 3");
    session.apply(copy).unwrap();
    let copied = session.workspace().clone();
    assert_eq!(
        dutch(&ws, &copied),
        [
            "Variant \u{201c}Basisvariant\u{201d} toegevoegd",
            "Variant \u{201c}Alles op scenario 3\u{201d} toegevoegd",
            "Toewijzing VIL onder Scenario 3 in variant \u{201c}Alles op scenario 3\u{201d} toegevoegd",
        ]
    );
    session
        .apply(variants::choose(&copied, id).unwrap())
        .unwrap();
    let chosen = session.workspace().clone();
    assert_eq!(
        dutch(&copied, &chosen),
        ["Mededeling, gekozen variant: Basisvariant \u{2192} Alles op scenario 3"]
    );
    assert_eq!(
        lines(&copied, &chosen, Lang::English),
        ["Communication, chosen variant: Basisvariant \u{2192} Alles op scenario 3"]
    );
    session
        .apply(variants::rename(&chosen, id, "Scenario 3 voor iedereen").unwrap())
        .unwrap();
    let renamed = session.workspace().clone();
    session
        .apply(variants::set_recommendation(&renamed, id, "Kies scenario 3.").unwrap())
        .unwrap();
    let recommended = session.workspace().clone();
    assert_eq!(
        dutch(&chosen, &recommended),
        [
            "Variant \u{201c}Scenario 3 voor iedereen\u{201d}, naam: \u{201c}Alles op scenario 3\u{201d} \u{2192} \u{201c}Scenario 3 voor iedereen\u{201d}",
            "Variant \u{201c}Scenario 3 voor iedereen\u{201d}, aanbeveling: (leeg) \u{2192} \u{201c}Kies scenario 3.\u{201d}",
        ]
    );
    let (removal, _) = variants::remove(&recommended, id).unwrap();
    session.apply(removal).unwrap();
    let removed = session.workspace().clone();
    let said = dutch(&recommended, &removed);
    assert!(
        said.contains(&"Variant \u{201c}Scenario 3 voor iedereen\u{201d} verwijderd".to_owned())
            && said.contains(
                &"Toewijzing VIL onder Scenario 3 in variant \u{201c}Scenario 3 voor iedereen\u{201d} verwijderd"
                    .to_owned()
            ),
        "{said:#?}"
    );
}

#[test]
fn an_advice_is_broken_down_into_its_date_and_its_stances() {
    let ws = green_paper();
    let vario = body(&ws, "VARIO");
    let mut next = ws.clone();
    let b = next.bodies.iter_mut().find(|b| b.id == vario).unwrap();
    b.advice.received = Some(date(2024, 5, 6));
    b.advice.reference = "VARIO-advies 2024/3".into();
    b.advice.stances.push(ScenarioStance {
        scenario: scenario(&ws, 2),
        stance: Stance::Rejects,
        quote: "geen inkanteling".into(),
        passage: Passage {
            page: Some(7),
            ..Passage::default()
        },
    });
    assert_eq!(
        dutch(&ws, &next),
        [
            "VARIO, advies ontvangen: (leeg) \u{2192} 6 mei 2024",
            "VARIO, kenmerk van het advies: (leeg) \u{2192} \u{201c}VARIO-advies 2024/3\u{201d}",
            "VARIO, scenario 2: niet vermeld \u{2192} wijst af",
            "VARIO, scenario 2, pagina: (leeg) \u{2192} 7",
            "VARIO, scenario 2, citaat: (leeg) \u{2192} \u{201c}geen inkanteling\u{201d}",
        ]
    );
    let english = lines(&ws, &next, Lang::English);
    assert_eq!(
        english[0],
        "VARIO, advice received: (empty) \u{2192} 6 May 2024"
    );
    assert_eq!(english[2], "VARIO, scenario 2: not stated \u{2192} rejects");
}

#[test]
fn arguments_themes_clusters_scenarios_rules_and_documents_are_worded() {
    let ws = green_paper();
    let (vil, s3, vario, serv) = (
        cluster(&ws, "VIL"),
        scenario(&ws, 3),
        body(&ws, "VARIO"),
        body(&ws, "SERV"),
    );
    let mut next = ws.clone();
    next.arguments.push(Argument {
        id: ArgumentId::from_u128(9),
        text: "Behoudt de netwerken".into(),
        subject: Subject::ClusterScenario {
            cluster: vil,
            scenario: s3,
        },
        ..Argument::default()
    });
    assert_eq!(
        dutch(&ws, &next),
        ["Argument \u{201c}Behoudt de netwerken\u{201d} toegevoegd"]
    );
    let before = next.clone();
    let arg = &mut next.arguments[0];
    arg.weight = 3;
    arg.source = Source::Body(vario);
    arg.subject = Subject::Scenario(s3);
    arg.citation.passage.page = Some(7);
    next.themes.push(Theme {
        id: ThemeId::from_u128(10),
        name: "Ruimtevaart".into(),
        ..Theme::default()
    });
    let c = next.clusters.iter_mut().find(|c| c.id == vil).unwrap();
    c.status = ClusterStatus::Stopped;
    c.max_yearly_funding = None;
    c.start_year = Some(2018);
    next.scenarios[0].sub_options[0].description = "Enkel voor opdrachten.".into();
    next.rules[0].second = scenario(&ws, 4);
    next.rules.remove(1);
    next.documents.push(SourceDocument {
        id: DocumentId::from_u128(11),
        body: vario,
        file_name: "vario-advies.pdf".into(),
        ..SourceDocument::default()
    });
    assert_eq!(
        dutch(&before, &next),
        [
            "Cluster \u{201c}VIL\u{201d}, status: actief \u{2192} stopgezet",
            "Cluster \u{201c}VIL\u{201d}, startjaar: 2017 \u{2192} 2018",
            "Cluster \u{201c}VIL\u{201d}, maximale jaarlijkse financiering: \u{20ac} 650.000 \u{2192} (leeg)",
            "Scenario 1, suboptie \u{201c}Ad-hoc financiering voor specifieke opdrachten\u{201d}, beschrijving: \u{201c}In dit scenario kan financiering ad-hoc toegekend worden aan\u{2026}\u{201d} \u{2192} \u{201c}Enkel voor opdrachten.\u{201d}",
            "Argument \u{201c}Behoudt de netwerken\u{201d}, onderwerp: VIL onder Scenario 3 \u{2192} Scenario 3",
            "Argument \u{201c}Behoudt de netwerken\u{201d}, bron: eigen analyse \u{2192} VARIO",
            "Argument \u{201c}Behoudt de netwerken\u{201d}, gewicht: 2 \u{2192} 3",
            "Argument \u{201c}Behoudt de netwerken\u{201d}, bronvermelding, pagina: (leeg) \u{2192} 7",
            "Thema \u{201c}Ruimtevaart\u{201d} toegevoegd",
            "Compatibiliteitsregel \u{201c}scenario 1 gaat uit van een werking zonder structurele overh\u{2026}\u{201d}, tweede scenario: Scenario 3 \u{2192} Scenario 4",
            "Compatibiliteitsregel \u{201c}in scenario 1 gaat de cluster verder als zelfstandige commer\u{2026}\u{201d} verwijderd",
            "Adviesdocument \u{201c}vario-advies.pdf\u{201d} toegevoegd",
        ]
    );
    let before = next.clone();
    let theme = &mut next.themes[0];
    theme.proposed_by = vec![serv, vario];
    theme.route = Some(ThemeRoute::WithinExistingCluster);
    theme.host_cluster = Some(vil);
    let stance = ScenarioStance {
        scenario: s3,
        stance: Stance::Supports,
        passage: Passage {
            source: Some(Box::new(DocumentSpot {
                document: DocumentId::from_u128(11),
                passage: 0,
                start: 0,
                end: 4,
            })),
            ..Passage::default()
        },
        ..ScenarioStance::default()
    };
    next.bodies
        .iter_mut()
        .find(|b| b.id == vario)
        .unwrap()
        .advice
        .stances
        .push(stance);
    assert_eq!(
        dutch(&before, &next),
        [
            "VARIO, scenario 3: niet vermeld \u{2192} steunt",
            "VARIO, scenario 3, document: (leeg) \u{2192} vario-advies.pdf",
            "Thema \u{201c}Ruimtevaart\u{201d}, voorgesteld door: (leeg) \u{2192} SERV en VARIO",
            "Thema \u{201c}Ruimtevaart\u{201d}, route: (leeg) \u{2192} binnen een bestaande cluster",
            "Thema \u{201c}Ruimtevaart\u{201d}, ontvangende cluster: (leeg) \u{2192} VIL",
        ]
    );
    assert_eq!(
        lines(&before, &next, Lang::English)[2],
        "Theme \u{201c}Ruimtevaart\u{201d}, proposed by: (empty) \u{2192} SERV and VARIO"
    );
}

#[test]
fn merge_conflicts_are_worded_as_the_conflicts_dialog_words_them() {
    let base = green_paper();
    let mut mine = base.clone();
    mine.meta.signatory = "Jo BROUNS".into();
    mine.clusters[3].note = "mijn notitie".into();
    let mut theirs = base.clone();
    theirs.clusters[3].note = "hun notitie".into();
    theirs.meta.signatory = "Hilde CREVITS".into();
    mine.meta.signatory = "Matthias DIEPENDAELE".into();
    let merged = merge(Some(&base), &mine, &theirs).workspace;
    assert_eq!(merged.conflicts.len(), 2, "{:?}", merged.conflicts);
    let said = dutch(&mine, &merged);
    assert_eq!(
        said,
        [
            "Samenvoegconflict over de gegevens van de mededeling, veld \u{2018}ondertekenaar\u{2019} toegevoegd",
            "Samenvoegconflict over cluster \u{201c}Flux50\u{201d}, veld \u{2018}notitie\u{2019} toegevoegd",
        ]
    );
    let mut settled = merged.clone();
    settled.conflicts.clear();
    assert_eq!(
        lines(&merged, &settled, Lang::English)[1],
        "Merge conflict about cluster \u{201c}Flux50\u{201d}, field \u{2018}note\u{2019} resolved"
    );
}

/// Whether a line shows raw internal data: `Some(`/`None`, an id, a RON structure.
/// The people's own texts (between “ and ”) are left out of the search.
fn raw_data_in(line: &str) -> Option<&'static str> {
    let mut outside = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '\u{201c}' => quoted = true,
            '\u{201d}' => quoted = false,
            c if !quoted => outside.push(c),
            _ => {}
        }
    }
    let plain = ["(leeg)", "(empty)", "(onbekend)", "(unknown)"]
        .iter()
        .fold(outside.clone(), |text, allowed| text.replace(allowed, ""));
    if plain.contains("Some") || plain.contains("None") {
        return Some("Some/None");
    }
    if plain.contains(['(', ')', '[', ']', '{', '}']) {
        return Some("a RON structure");
    }
    let chars: Vec<char> = outside.chars().collect();
    let uuid_like = chars.windows(36).any(|w| {
        w.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == '-',
            _ => c.is_ascii_hexdigit(),
        })
    });
    uuid_like.then_some("an id")
}

#[test]
fn the_raw_data_check_finds_what_the_tester_found() {
    for raw in [
        "Mededeling, gekozen variant: None \u{2192} Some(\"ba3e7230\")",
        "Toewijzing 2b1bb831-0000-4000-8000-00000000beef toegevoegd",
        "Adviesorgaan \u{201c}VARIO\u{201d}, advies: (received:None,reference:\"\")",
    ] {
        assert!(raw_data_in(raw).is_some(), "{raw}");
    }
    assert_eq!(
        raw_data_in("VARIO, scenario 2: (leeg) \u{2192} \u{201c}(a)\u{201d}"),
        None
    );
}

/// A day of ordinary edits on the Green Paper, each saved as a version: every change
/// line of the history, in both languages, is free of raw data.
#[test]
fn a_history_of_ordinary_edits_shows_no_raw_data() {
    let start = green_paper();
    let (vil, s2, s3, vario, serv) = (
        cluster(&start, "VIL"),
        scenario(&start, 2),
        scenario(&start, 3),
        body(&start, "VARIO"),
        body(&start, "SERV"),
    );
    let mut session = Session::new(start.clone());
    let mut states = vec![start.clone()];
    let step = |session: &mut Session, edit: Edit| {
        session.apply(edit).unwrap();
        session.workspace().clone()
    };
    let ws = session.workspace().clone();
    let mut meta = ws.meta.clone();
    meta.date = Some(date(2024, 6, 14));
    meta.document_number = "VR 2024 1406 MED.0200/1".into();
    meta.public_version = true;
    states.push(step(&mut session, Edit::SetMeta(Box::new(meta))));
    let mut a = ws.new_assignment(vil, s3);
    states.push(step(&mut session, Edit::append(a.clone())));
    a.budget = Some(YearlyBudget {
        amount: Euro(500_000),
        first_year: 2027,
        last_year: 2030,
    });
    a.desirability = Some(5);
    a.sub_options = vec![SubOptionId::from_u128(0x2301)];
    a.conditions = "Met jaarlijkse rapportering.".into();
    states.push(step(&mut session, Edit::put(a.clone())));
    let mut advice = session.workspace().body(vario).unwrap().clone();
    advice.advice.received = Some(date(2024, 5, 6));
    advice.advice.summary = "VARIO kiest voor een basisopdracht.".into();
    advice.advice.stances = vec![ScenarioStance {
        scenario: s2,
        stance: Stance::Rejects,
        quote: "geen inkanteling".into(),
        ..ScenarioStance::default()
    }];
    states.push(step(&mut session, Edit::put(advice.clone())));
    let document = SourceDocument {
        id: DocumentId::from_u128(11),
        body: vario,
        file_name: "vario-advies.pdf".into(),
        imported: Some(date(2024, 5, 7)),
        ..SourceDocument::default()
    };
    states.push(step(&mut session, Edit::append(document)));
    advice.advice.stances[0].passage.page = Some(3);
    advice.advice.stances[0].passage.source = Some(Box::new(DocumentSpot {
        document: DocumentId::from_u128(11),
        passage: 0,
        start: 0,
        end: 4,
    }));
    states.push(step(&mut session, Edit::put(advice)));
    let mut argument = Argument {
        text: "Behoudt de netwerken die de cluster opbouwde".into(),
        subject: Subject::ClusterScenario {
            cluster: vil,
            scenario: s3,
        },
        source: Source::Body(vario),
        ..Argument::default()
    };
    states.push(step(&mut session, Edit::append(argument.clone())));
    argument.weight = 3;
    argument.internal = true;
    argument.citation.quote = "netwerken".into();
    states.push(step(&mut session, Edit::put(argument.clone())));
    let theme = Theme {
        name: "Ruimtevaart".into(),
        proposed_by: vec![serv, vario],
        route: Some(ThemeRoute::WithinExistingCluster),
        host_cluster: Some(vil),
        citation: Some(ThemeCitation {
            body: serv,
            citation: Citation {
                quote: "ruimtevaart".into(),
                ..Citation::default()
            },
        }),
        ..Theme::default()
    };
    states.push(step(&mut session, Edit::append(theme)));
    let ws = session.workspace().clone();
    let (copy, variant) = variants::copy(&ws, ws.first_variant(), "Alles op scenario 3");
    states.push(step(&mut session, copy));
    let ws = session.workspace().clone();
    states.push(step(&mut session, variants::choose(&ws, variant).unwrap()));
    let ws = session.workspace().clone();
    states.push(step(
        &mut session,
        variants::rename(&ws, variant, "Scenario 3 voor iedereen").unwrap(),
    ));
    let ws = session.workspace().clone();
    states.push(step(
        &mut session,
        variants::set_recommendation(&ws, variant, "Kies scenario 3.").unwrap(),
    ));
    let ws = session.workspace().clone();
    let mut flux = ws.clusters[3].clone();
    flux.status = ClusterStatus::Founding;
    flux.max_yearly_funding = Some(Euro(400_000));
    flux.start_year = Some(2027);
    let mut rule = ws.rules[0].clone();
    rule.second = scenario(&ws, 4);
    let mut first = ws.scenarios[0].clone();
    first.sub_options[0].description = "Enkel voor opdrachten.".into();
    states.push(step(
        &mut session,
        Edit::Batch(vec![Edit::put(flux), Edit::put(rule), Edit::put(first)]),
    ));
    let ws = session.workspace().clone();
    states.push(step(
        &mut session,
        variants::remove(&ws, variant).unwrap().0,
    ));
    let ws = session.workspace().clone();
    states.push(step(
        &mut session,
        rules::removal(&ws, RecordKey::Argument(argument.id)).0,
    ));
    // A colleague's copy merged in with a conflict, then settled.
    let ws = session.workspace().clone();
    let (mut mine, mut theirs) = (ws.clone(), ws.clone());
    mine.meta.signatory = "Matthias DIEPENDAELE".into();
    theirs.meta.signatory = "Hilde CREVITS".into();
    let merged = merge(Some(&ws), &mine, &theirs).workspace;
    states.push(step(&mut session, Edit::Replace(Box::new(merged))));
    let ws = session.workspace().clone();
    states.push(step(
        &mut session,
        Edit::Replace(Box::new(Workspace {
            conflicts: Vec::new(),
            ..ws
        })),
    ));

    let mut tracked = crate::store::versions::Tracked::default();
    for (i, state) in states.iter().enumerate() {
        let time = format!("2026-11-30T07:{i:02}:00Z");
        let (_, next, added) =
            crate::store::versions::file_text(state, &tracked, "Tester", &time).unwrap();
        assert!(added.is_some(), "save {i} recorded a version");
        tracked = next;
    }
    let lists = tracked.change_lists();
    assert_eq!(lists.len(), states.len());
    let mut all = Vec::new();
    for (_, list) in lists.iter().take(states.len() - 1) {
        let list = list
            .as_ref()
            .expect("every version but the first is rebuilt");
        assert!(!list.is_empty());
        for lang in [Lang::Dutch, Lang::English] {
            all.extend(list.iter().map(|c| change(c, lang)));
        }
    }
    for line in &all {
        assert_eq!(raw_data_in(line), None, "{line}");
    }
    for expected in [
        "Mededeling, gekozen variant: Basisvariant \u{2192} Alles op scenario 3",
        "VIL onder Scenario 3, jaarbudget: (leeg) \u{2192} \u{20ac} 500.000 van 2027 tot 2030",
        "VARIO, advies ontvangen: (leeg) \u{2192} 6 mei 2024",
        "VARIO, scenario 2: niet vermeld \u{2192} wijst af",
        "Samenvoegconflict over de gegevens van de mededeling, veld \u{2018}ondertekenaar\u{2019} opgelost",
    ] {
        assert!(
            all.iter().any(|l| l == expected),
            "{expected} not in {all:#?}"
        );
    }
}

#[test]
fn a_text_of_several_paragraphs_is_shown_on_one_line() {
    let ws = green_paper();
    let mut next = ws.clone();
    next.meta.closing = "Eerste alinea.\n\nTweede alinea.".into();
    assert_eq!(
        dutch(&ws, &next),
        ["Mededeling, slotzin: (leeg) \u{2192} \u{201c}Eerste alinea. Tweede alinea.\u{201d}"]
    );
}
