#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! The Green Paper as the default workspace carries the seed's content.

use clusterwerkbank::model::{ClusterStatus, Euro, validate};
use clusterwerkbank::store;

const SEED: &str = include_str!("fixtures/groenboek-seed.txt");

#[test]
fn the_six_spearhead_clusters_and_the_one_in_preparation() {
    let ws = store::default_workspace();
    let names: Vec<&str> = ws.clusters.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Catalisti",
            "De Blauwe Cluster",
            "Flanders'FOOD",
            "Flux50",
            "MEDVIA",
            "VIL",
            "Entertainmenttechnologie"
        ]
    );
    for name in &names {
        assert!(SEED.contains(name), "{name} is not in the seed");
    }
    let active: Vec<_> = ws
        .clusters
        .iter()
        .filter(|c| c.status == ClusterStatus::Active)
        .collect();
    assert_eq!(active.len(), 6);
    for c in &active {
        assert_eq!(c.max_yearly_funding, Some(Euro(650_000)), "{}", c.name);
        assert!(!c.domain.is_empty());
    }
    let entertainment = ws
        .clusters
        .iter()
        .find(|c| c.name == "Entertainmenttechnologie")
        .unwrap();
    assert_eq!(entertainment.status, ClusterStatus::Founding);
    assert!(entertainment.note.contains("VR 2023 1606 DOC.0753/1"));
    assert_eq!(
        entertainment.max_yearly_funding, None,
        "the seed gives it no budget"
    );
    assert_eq!(ws.meta.funding_cap, Euro(650_000));
    assert_eq!(ws.meta.funded_today, 6);
}

#[test]
fn catalisti_flux50_and_vil_reach_ten_years_at_the_end_of_2026_and_nothing_is_invented() {
    let ws = store::default_workspace();
    for c in &ws.clusters {
        let reaches_2026 = ["Catalisti", "Flux50", "VIL"].contains(&c.name.as_str());
        if reaches_2026 {
            assert_eq!(c.term_end_year, Some(2026), "{}", c.name);
            assert_eq!(c.start_year, Some(2017), "{}", c.name);
        } else {
            // The seed gives no start year or term end for the others.
            assert_eq!(c.term_end_year, None, "{}", c.name);
            assert_eq!(c.start_year, None, "{}", c.name);
        }
    }
    assert!(
        ws.meta.document_number.is_empty(),
        "no document number is invented"
    );
    assert!(ws.meta.date.is_none());
    assert!(ws.assignments.is_empty() && ws.arguments.is_empty() && ws.themes.is_empty());
}

#[test]
fn the_four_scenarios_with_their_sub_options() {
    let ws = store::default_workspace();
    let numbers: Vec<u32> = ws.scenarios.iter().map(|s| s.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
    let options: Vec<usize> = ws.scenarios.iter().map(|s| s.sub_options.len()).collect();
    assert_eq!(options, [2, 1, 3, 0]);
    // Each description is the seed's own sentence.
    for s in &ws.scenarios {
        let first_sentence = s.description.split(". ").next().unwrap();
        assert!(
            SEED.contains(first_sentence.trim_end_matches('.')),
            "scenario {}",
            s.number
        );
    }
    let s1 = &ws.scenarios[0];
    assert!(s1.sub_options[0].description.contains("ad-hoc"));
    assert!(
        s1.sub_options[1]
            .description
            .contains("geormerkte middelen voor innovatieprojecten")
    );
    assert!(ws.scenarios[1].conditions.contains("sturende indicatoren"));
    assert!(ws.scenarios[2].description.contains("KMO's"));
    assert!(
        ws.scenarios[3]
            .description
            .contains("systeemtransformaties")
    );
}

#[test]
fn the_advisory_bodies_the_questions_the_legal_basis_and_the_signatory() {
    let ws = store::default_workspace();
    let bodies: Vec<&str> = ws.bodies.iter().map(|b| b.short_name.as_str()).collect();
    assert_eq!(bodies, ["SERV", "VARIO", "HBC", "Speerpuntclusters"]);
    assert!(
        ws.bodies[3]
            .full_name
            .contains("Geconsolideerd advies van 6 speerpuntclusters")
    );
    assert_eq!(ws.meta.advice_questions.len(), 2);
    for q in &ws.meta.advice_questions {
        assert!(SEED.replace("\n\n", " ").contains(&q[..60]), "{q}");
    }
    assert!(ws.meta.legal_basis.contains("artikel 27 van de AGVV"));
    assert!(ws.meta.legal_basis.contains("10 jaar"));
    assert_eq!(ws.meta.signatory, "Jo BROUNS");
    assert_eq!(
        ws.meta.minister_title.to_uppercase(),
        "DE VLAAMSE MINISTER VAN ECONOMIE, INNOVATIE, WERK, SOCIALE ECONOMIE EN LANDBOUW"
    );
    assert_eq!(
        ws.meta.subject,
        "Groenboek: de toekomst van het Vlaamse clusterbeleid"
    );
    assert!(ws.meta.context.contains("VLAIO"));
    assert!(
        ws.meta
            .timing
            .contains("pro's en contra's van de vier mogelijke scenario's")
    );
}

#[test]
fn the_default_workspace_has_no_warnings_today_and_rules_as_data() {
    let ws = store::default_workspace();
    assert!(validate(&ws, 2026).is_empty(), "{:?}", validate(&ws, 2026));
    // In 2027 the three terms have passed while the clusters still stand as active.
    assert_eq!(validate(&ws, 2027).len(), 3);
    assert_eq!(ws.rules.len(), 2);
    assert!(ws.rules.iter().all(|r| !r.reason.is_empty()));
}

#[test]
fn the_embedded_asset_parses_and_is_in_the_current_format() {
    let text = store::file::default_workspace_text();
    let ws = store::from_ron(text).unwrap();
    assert_eq!(
        store::to_ron(&ws).unwrap(),
        text,
        "the asset is written in the canonical form"
    );
}
