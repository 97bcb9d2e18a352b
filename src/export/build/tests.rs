//! The builder's rules: terms and counts from the workspace, typography, one advice
//! overview, no conclusion from missing budgets.

use super::*;
use crate::model::Euro;

#[test]
fn lists_read_as_dutch() {
    let l = |v: &[&str]| dutch_list(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    assert_eq!(l(&["A"]), "A");
    assert_eq!(l(&["A", "B", "C"]), "A, B en C");
}

#[test]
fn switched_off_sections_renumber_the_rest() {
    let ws = crate::store::default_workspace();
    let mut options = ExportOptions::default();
    options.sections.remove(&Section::Summary);
    let doc = build_document(&ws, &options);
    let first = doc.headings().next().map(|(_, t)| t.to_owned());
    assert_eq!(first.as_deref(), Some("1. Situering"));
    assert!(!doc.headings().any(|(_, t)| t.contains("Samenvatting")));
}

/// All text of a document, runs and cells, as one string to search.
fn all_text(doc: &Document) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Title(t) | Block::Heading { text: t, .. } => out.push_str(t),
            Block::Paragraph(runs) | Block::Note(runs) => {
                runs.iter().for_each(|r| out.push_str(&r.text));
            }
            Block::BulletList(items) => {
                items.iter().flatten().for_each(|r| out.push_str(&r.text));
            }
            Block::Table(t) => {
                out.push_str(&t.header.join(" "));
                t.rows.iter().for_each(|r| out.push_str(&r.join(" ")));
            }
            Block::Signature { title, name } => out.push_str(&format!("{title} {name}")),
            // The picture's own text is checked in the charts' tests.
            Block::Chart(c) => {
                out.push_str(&c.title);
                c.table.rows.iter().for_each(|r| out.push_str(&r.join(" ")));
            }
        }
        out.push('\n');
    }
    out
}

fn green_paper() -> Workspace {
    crate::store::default_workspace()
}

#[test]
fn an_empty_consultation_speaks_of_nothing_it_does_not_hold() {
    let doc = build_document(&Workspace::empty(), &ExportOptions::default());
    let text = all_text(&doc).to_lowercase();
    for word in [
        "clusterbeleid",
        "speerpuntcluster",
        "agvv",
        "650.000",
        "vier scenario",
    ] {
        assert!(!text.contains(word), "{word:?} in {text}");
    }
    assert!(!text.contains("tien jaar"), "{text}");
    assert!(
        text.contains("bevat nog geen scenario\u{2019}s"),
        "no \"0 scenario's\""
    );
    // With a cluster, a scenario and an advice of its own, the tables and all
    // charts (their pictures too) still say only what the workspace holds.
    let mut ws = Workspace::empty();
    let cluster = crate::model::Cluster {
        name: "Alfa".to_owned(),
        start_year: Some(2020),
        max_yearly_funding: Some(Euro(100_000)),
        ..Default::default()
    };
    let scenario = crate::model::Scenario {
        number: 1,
        title: "Doorgaan".to_owned(),
        ..Default::default()
    };
    ws.assignments.push(crate::model::Assignment {
        cluster: cluster.id,
        scenario: scenario.id,
        desirability: Some(4),
        feasibility: Some(4),
        ..Default::default()
    });
    ws.clusters.push(cluster);
    let mut body = crate::model::AdvisoryBody {
        short_name: "RAAD".to_owned(),
        ..Default::default()
    };
    body.advice.summary = "Positief.".to_owned();
    body.advice.stances.push(crate::model::ScenarioStance {
        scenario: scenario.id,
        stance: crate::model::Stance::Supports,
        quote: String::new(),
        ..crate::model::ScenarioStance::default()
    });
    ws.bodies.push(body);
    ws.scenarios.push(scenario);
    let doc = build_document(&ws, &ExportOptions::default());
    let svgs: String = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Chart(c) => Some(c.svg.as_str()),
            _ => None,
        })
        .collect();
    assert!(svgs.contains("Alfa"), "the charts are drawn");
    let text = format!("{}{svgs}", all_text(&doc)).to_lowercase();
    for word in [
        "clusterbeleid",
        "speerpuntcluster",
        "agvv",
        "650.000",
        "tien jaar",
    ] {
        assert!(!text.contains(word), "{word:?} in {text}");
    }
    assert!(text.contains("1 van de 1 bevraagde adviesorgaan bracht advies uit"));
    assert!(doc.headings().any(|(_, t)| t == "3. Het scenario"));
}

#[test]
fn titles_and_sentences_take_the_workspaces_terms_and_counts() {
    let mut ws = green_paper();
    let doc = build_document(&ws, &ExportOptions::default());
    let headings: Vec<&str> = doc.headings().map(|(_, t)| t).collect();
    assert!(
        headings.contains(&"3. De vier scenario\u{2019}s"),
        "{headings:?}"
    );
    assert!(headings.contains(&"5. Aanbeveling per speerpuntcluster"));
    let text = all_text(&doc);
    assert!(
        text.contains("De termijn van 10 jaar (artikel\u{a0}27 AGVV)"),
        "{text}"
    );
    assert!(text.contains("de toekomst van het Vlaamse clusterbeleid"));
    ws.scenarios.truncate(3);
    ws.meta.cluster_term = "kennisnetwerk".to_owned();
    ws.meta.cluster_term_plural = "kennisnetwerken".to_owned();
    ws.meta.subject = "Het innovatiebeleid".to_owned();
    ws.meta.title = String::new();
    ws.meta.term_years = None;
    ws.meta.term_basis = String::new();
    let doc = build_document(&ws, &ExportOptions::default());
    let headings: Vec<&str> = doc.headings().map(|(_, t)| t).collect();
    assert!(
        headings.contains(&"3. De drie scenario\u{2019}s"),
        "{headings:?}"
    );
    assert!(headings.contains(&"5. Aanbeveling per kennisnetwerk"));
    let text = all_text(&doc);
    assert!(
        text.contains("Vandaag worden 6 kennisnetwerken gefinancierd"),
        "{text}"
    );
    assert!(text.contains("Deze mededeling over \u{201c}Het innovatiebeleid\u{201d}"));
    assert!(!text.contains("De termijn van 10 jaar"));
    assert!(text.contains("Het einde van de termijn wordt bereikt:"));
    assert_eq!(scenarios_title(1), "Het scenario");
    assert_eq!(scenarios_title(0), "De scenario\u{2019}s");
    assert_eq!(scenarios_title(11), "De scenario\u{2019}s");
}

#[test]
fn counts_agree_with_their_nouns() {
    assert_eq!(counted(1, "advies", "adviezen"), "1 advies");
    assert_eq!(counted(2, "advies", "adviezen"), "2 adviezen");
    let mut ws = green_paper();
    ws.bodies[0].advice.received = Some(jiff::civil::date(2024, 5, 31));
    let text = all_text(&build_document(&ws, &ExportOptions::default()));
    assert!(
        text.contains("1 van de 4 bevraagde adviesorganen bracht advies uit."),
        "{text}"
    );
    assert!(!text.contains("brachten er 1"));
    ws.bodies[1].advice.summary = "Positief.".to_owned();
    let text = all_text(&build_document(&ws, &ExportOptions::default()));
    assert!(text.contains("2 van de 4 bevraagde adviesorganen brachten advies uit."));
}

#[test]
fn dates_are_written_out_and_amounts_articles_tied() {
    let mut ws = green_paper();
    ws.meta.date = Some(jiff::civil::date(2024, 5, 31));
    let text = all_text(&build_document(&ws, &ExportOptions::default()));
    assert!(text.contains("31 mei 2024"), "{text}");
    assert!(!text.contains("31-05-2024"));
    assert!(text.contains("\u{20ac}\u{a0}650.000"));
    assert!(
        !text.contains("\u{20ac} 650.000"),
        "an amount with a breakable space"
    );
    assert!(text.contains("artikel\u{a0}27"));
}

#[test]
fn the_advice_overview_stands_once_with_one_wording_for_no_advice() {
    let mut ws = green_paper();
    let s1 = ws.scenarios[0].id;
    ws.bodies[0].advice.received = Some(jiff::civil::date(2024, 5, 31));
    ws.bodies[0].advice.stances = vec![crate::model::ScenarioStance {
        scenario: s1,
        stance: crate::model::Stance::Supports,
        quote: "Een uniek citaat".to_owned(),
        ..crate::model::ScenarioStance::default()
    }];
    let doc = build_document(&ws, &ExportOptions::default());
    let text = all_text(&doc);
    let tables = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Table(t) if t.header.first().is_some_and(|h| h == "Adviesorgaan")))
        .count();
    let charts = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Chart(c) if c.table.header.first().is_some_and(|h| h == "Adviesorgaan")))
        .count();
    assert_eq!(tables + charts, 1, "one overview of stances");
    // The quote stands under its scenario only, not again under the body.
    let quotes = doc
        .blocks
        .iter()
        .filter(|b| {
            let b = match b {
                // A tooltip in the picture is not a repetition; its table would be.
                Block::Chart(c) => Block::Table(c.table.clone()),
                other => (*other).clone(),
            };
            format!("{b:?}").contains("Een uniek citaat")
        })
        .count();
    assert_eq!(quotes, 1);
    assert!(!text.contains("niet vermeld") || !text.contains("nog geen advies"));
    assert!(!text.contains("nog geen advies\u{a0}"));
    // Without the scenarios section, the stances go with the body.
    let mut options = ExportOptions::default();
    options.sections.remove(&Section::Scenarios);
    let doc = build_document(&ws, &options);
    assert!(format!("{doc:?}").contains("Een uniek citaat"));
}

#[test]
fn a_cluster_without_budget_under_a_funded_scenario_is_undetermined_not_a_saving() {
    let mut ws = green_paper();
    let s3 = ws.scenarios[2].id;
    let clusters: Vec<_> = ws.clusters.iter().map(|c| c.id).collect();
    for (i, cluster) in clusters.iter().enumerate() {
        ws.assignments.push(crate::model::Assignment {
            cluster: *cluster,
            scenario: s3,
            // Only the first has a budget: scenario 3 is funded, the rest undetermined.
            budget: (i == 0).then_some(crate::model::YearlyBudget {
                amount: Euro(400_000),
                first_year: 2027,
                last_year: 2030,
            }),
            ..Default::default()
        });
    }
    let doc = build_document(&ws, &ExportOptions::default());
    let text = all_text(&doc);
    assert!(
        text.contains("Budget nog niet bepaald voor 6 toewijzingen"),
        "{text}"
    );
    let table = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) if t.caption.as_deref() == Some("Budgettaire impact per jaar") => {
                Some(t)
            }
            _ => None,
        })
        .expect("budget table");
    let row = table.rows.iter().find(|r| r[0] == "2028").expect("2028");
    assert_eq!(row[1], "\u{20ac}\u{a0}400.000");
    assert_eq!(
        row[2], "1 van 7",
        "the total says how many clusters it covers"
    );
    assert_eq!(
        row[3], "\u{2013}",
        "no saving computed from missing budgets"
    );
    assert!(table.header[3].starts_with("Verschil met vandaag"));
    let today = table.rows.iter().find(|r| r[0] == "2026").expect("2026");
    assert_eq!(today[1], "\u{20ac}\u{a0}3.900.000");
    assert_eq!(today[3], "\u{20ac}\u{a0}0");
}

/// An imported advice document is advice that came in, even when its text gave no
/// date or title to fill the advice's own fields.
#[test]
fn an_imported_document_counts_as_advice_received() {
    let mut ws = crate::store::default_workspace();
    for body in &mut ws.bodies {
        body.advice = crate::model::Advice::default();
    }
    let vario = ws.bodies[1].id;
    let before = all_text(&build_document(&ws, &ExportOptions::default()));
    assert!(before.contains("nog geen adviezen ontvangen"), "{before}");
    ws.documents.push(crate::model::SourceDocument {
        body: vario,
        file_name: "vario-advies.pdf".to_owned(),
        ..Default::default()
    });
    assert!(ws.advice_received(&ws.bodies[1]));
    assert!(!ws.advice_received(&ws.bodies[0]));
    let doc = build_document(&ws, &ExportOptions::default());
    let text = all_text(&doc);
    assert!(!text.contains("nog geen adviezen ontvangen"), "{text}");
    assert!(text.contains("Adviestekst: vario-advies.pdf"), "{text}");
    // The others still have none, each said once under its own heading.
    assert_eq!(
        text.matches(NO_ADVICE_FROM_BODY).count(),
        ws.bodies.len() - 1
    );
}
