//! The filled workspace behind `tests/fixtures/filled.ron`: the Green Paper as a
//! cabinet has it after the advice came in. Every kind of record, several cited
//! arguments per scenario, advice from all four bodies with stances and cited quotes,
//! budgets over several years, three themes (one cited) and one internal argument
//! with a citation. The fixture is this workspace as the program saves it; the test
//! `the_filled_fixture_is_what_the_program_writes` keeps the two the same.

use clusterwerkbank::model::*;
use clusterwerkbank::store::default_workspace;

use super::{body, cluster, scenario};

/// The internal argument's text and its quoted words: neither may appear in a public
/// version, not in the text and not in a note.
pub const FILLED_INTERNAL_TEXT: &str =
    "De kabinetschef vreest dat scenario 2 de clusters ontmantelt";
pub const FILLED_INTERNAL_QUOTE: &str = "een fusie met de onderzoekscentra kost twee jaar";

fn at(day: u32) -> jiff::Timestamp {
    // Fixed stamps, so the fixture is the same every time it is written.
    jiff::Timestamp::from_second(1_717_200_000 + i64::from(day) * 86_400).expect("timestamp")
}

fn cite(page: Option<u32>, paragraph: &str, quote: &str) -> Citation {
    Citation {
        passage: Passage {
            page,
            paragraph: paragraph.to_owned(),
            source: None,
        },
        quote: quote.to_owned(),
    }
}

fn passage(page: Option<u32>, paragraph: &str) -> Passage {
    Passage {
        page,
        paragraph: paragraph.to_owned(),
        source: None,
    }
}

pub fn filled_workspace() -> Workspace {
    let mut ws = default_workspace();
    let s: Vec<ScenarioId> = (1..=4).map(|n| scenario(&ws, n)).collect();
    let [s1, s2, s3, s4] = [s[0], s[1], s[2], s[3]];
    let catalisti = cluster(&ws, "Catalisti");
    let blauw = cluster(&ws, "De Blauwe Cluster");
    let food = cluster(&ws, "Flanders'FOOD");
    let flux = cluster(&ws, "Flux50");
    let medvia = cluster(&ws, "MEDVIA");
    let vil = cluster(&ws, "VIL");
    let serv = body(&ws, "SERV");
    let vario = body(&ws, "VARIO");
    let hbc = body(&ws, "HBC");
    let clusters_body = body(&ws, "Speerpuntclusters");

    let m = &mut ws.meta;
    m.title = "Toekomst clusterbeleid \u{2013} verwerking adviezen".to_owned();
    m.subject =
        "Groenboek over de toekomst van het Vlaamse clusterbeleid: verwerking van de adviezen"
            .to_owned();
    m.minister_title = "De Vlaamse minister van Economie, Innovatie en Industrie".to_owned();
    m.signatory = "Jo BROUNS".to_owned();
    m.document_number = "VR 2024 2806 MED.0312/1".to_owned();
    m.date = Some(jiff::civil::date(2024, 6, 28));
    m.author = "Kabinet Economie".to_owned();
    m.funded_today = 6;
    m.context = "Het groenboek legde vier scenario\u{2019}s voor.\n\nVier adviesorganen brachten advies uit.".to_owned();
    m.legal_basis = "Artikel 27 van het AGVV; de steun is beperkt tot tien jaar.".to_owned();
    m.advice_questions = vec![
        "Welk scenario verdient de voorkeur?".to_owned(),
        "Welke thema\u{2019}s ontbreken?".to_owned(),
    ];
    m.overall_recommendation =
        "Kies per cluster het scenario dat past, met een basisopdracht waar dat loont.".to_owned();
    m.timing = "Na de zomer volgt een conceptnota.".to_owned();
    m.closing = "De Vlaamse Regering neemt kennis van deze mededeling.".to_owned();

    let budget = |amount: i64, first: i32, last: i32| {
        Some(YearlyBudget {
            amount: Euro(amount),
            first_year: first,
            last_year: last,
        })
    };
    let sub3 = ws
        .scenarios
        .iter()
        .find(|x| x.id == s3)
        .and_then(|x| x.sub_options.first())
        .map(|o| o.id);
    ws.assignments = vec![
        Assignment {
            id: AssignmentId::from_u128(0xf0a1),
            cluster: catalisti,
            scenario: s3,
            role: Role::Primary,
            desirability: Some(5),
            feasibility: Some(4),
            sub_options: sub3.into_iter().collect(),
            conditions: "Jaarlijkse rapportering aan VLAIO".to_owned(),
            variant: None,
            budget: budget(650_000, 2025, 2030),
        },
        Assignment {
            id: AssignmentId::from_u128(0xf0a2),
            cluster: blauw,
            scenario: s3,
            role: Role::Primary,
            desirability: Some(4),
            feasibility: Some(4),
            budget: budget(500_000, 2025, 2028),
            ..Assignment::default()
        },
        Assignment {
            id: AssignmentId::from_u128(0xf0a3),
            cluster: food,
            scenario: s2,
            role: Role::Primary,
            desirability: Some(3),
            feasibility: Some(3),
            ..Assignment::default()
        },
        Assignment {
            id: AssignmentId::from_u128(0xf0a4),
            cluster: flux,
            scenario: s4,
            role: Role::Primary,
            desirability: Some(4),
            feasibility: Some(3),
            budget: budget(650_000, 2026, 2031),
            ..Assignment::default()
        },
        Assignment {
            id: AssignmentId::from_u128(0xf0a5),
            cluster: medvia,
            scenario: s3,
            role: Role::Primary,
            desirability: Some(4),
            feasibility: Some(5),
            budget: budget(400_000, 2025, 2029),
            ..Assignment::default()
        },
        Assignment {
            id: AssignmentId::from_u128(0xf0a6),
            cluster: vil,
            scenario: s1,
            // Primary: a cluster only under complementary scenarios is warned about.
            role: Role::Primary,
            desirability: Some(2),
            ..Assignment::default()
        },
    ];

    let mut n = 0u128;
    let mut argument = |polarity, subject, text: &str, source, weight, citation| {
        n += 1;
        Argument {
            id: ArgumentId::from_u128(0xf0b0 + n),
            polarity,
            subject,
            text: text.to_owned(),
            source,
            weight,
            internal: false,
            citation,
            created: at(n as u32),
            modified: at(n as u32),
        }
    };
    use Polarity::{Contra, Pro};
    let mut arguments = vec![
        argument(
            Pro,
            Subject::Scenario(s1),
            "Geen structurele overheidsmiddelen meer nodig",
            Source::Body(serv),
            2,
            cite(Some(4), "", "de markt kan dit zelf dragen"),
        ),
        argument(
            Contra,
            Subject::Scenario(s1),
            "De neutrale rol van de cluster verdwijnt",
            Source::Body(vario),
            3,
            cite(
                Some(7),
                "",
                "zonder basisfinanciering verdwijnt de neutraliteit",
            ),
        ),
        argument(
            Contra,
            Subject::Scenario(s1),
            "Kleine bedrijven haken af",
            Source::Body(clusters_body),
            2,
            cite(
                None,
                "14",
                "kmo\u{2019}s betalen geen lidgeld van die omvang",
            ),
        ),
        argument(
            Pro,
            Subject::Scenario(s2),
            "Minder organisaties, minder overhead",
            Source::Body(hbc),
            2,
            cite(Some(3), "2.1", ""),
        ),
        argument(
            Contra,
            Subject::Scenario(s2),
            "Onderzoekscentra kennen de markt minder",
            Source::Body(vario),
            2,
            cite(Some(9), "", "de afstand tot de bedrijven wordt groter"),
        ),
        argument(
            Pro,
            Subject::Scenario(s3),
            "Behoudt de opgebouwde netwerken",
            Source::Body(serv),
            3,
            cite(Some(5), "3", "een basisopdracht is essentieel"),
        ),
        argument(
            Pro,
            Subject::Scenario(s3),
            "Past bij het Europese kader",
            Source::OwnAnalysis,
            2,
            Citation::default(),
        ),
        argument(
            Contra,
            Subject::Scenario(s3),
            "Vraagt structurele middelen",
            Source::Body(hbc),
            2,
            Citation::default(),
        ),
        argument(
            Pro,
            Subject::Scenario(s4),
            "Richt de clusters op maatschappelijke uitdagingen",
            Source::Body(vario),
            3,
            cite(
                Some(11),
                "",
                "transformatie vraagt samenwerking over sectoren heen",
            ),
        ),
        argument(
            Contra,
            Subject::Scenario(s4),
            "Onzeker wie het programma trekt",
            Source::Body(serv),
            1,
            cite(None, "22", ""),
        ),
        argument(
            Pro,
            Subject::ClusterScenario {
                cluster: flux,
                scenario: s4,
            },
            "Flux50 past bij de energietransitie",
            Source::Body(clusters_body),
            2,
            cite(Some(18), "", "Flux50 verbindt energie en bouw"),
        ),
        argument(
            Contra,
            Subject::ClusterScenario {
                cluster: catalisti,
                scenario: s3,
            },
            "Catalisti moet zijn leden beter betrekken",
            Source::Body(hbc),
            1,
            cite(Some(6), "4.3", ""),
        ),
    ];
    let mut internal = argument(
        Contra,
        Subject::Scenario(s2),
        FILLED_INTERNAL_TEXT,
        Source::Body(hbc),
        2,
        cite(Some(12), "", FILLED_INTERNAL_QUOTE),
    );
    internal.internal = true;
    arguments.push(internal);
    ws.arguments = arguments;

    let stance = |scenario, stance, quote: &str, passage| ScenarioStance {
        scenario,
        stance,
        quote: quote.to_owned(),
        passage,
    };
    for b in &mut ws.bodies {
        b.advice = if b.id == serv {
            Advice {
                received: Some(jiff::civil::date(2024, 5, 6)),
                reference: "SERV-advies 2024/07".to_owned(),
                summary: "De SERV steunt een gefinancierde basisopdracht.".to_owned(),
                stances: vec![
                    stance(
                        s1,
                        Stance::Rejects,
                        "te weinig houvast voor de clusters",
                        passage(Some(4), ""),
                    ),
                    stance(
                        s3,
                        Stance::Supports,
                        "een basisopdracht is essentieel",
                        passage(Some(5), "3"),
                    ),
                ],
            }
        } else if b.id == vario {
            Advice {
                received: Some(jiff::civil::date(2024, 5, 6)),
                reference: "36".to_owned(),
                summary: "VARIO vraagt een gedifferentieerde aanpak per cluster.".to_owned(),
                stances: vec![
                    stance(
                        s3,
                        Stance::Conditional,
                        "mits duidelijke KPI\u{2019}s",
                        passage(Some(8), ""),
                    ),
                    stance(
                        s4,
                        Stance::Supports,
                        "een logische volgende stap",
                        passage(None, "31"),
                    ),
                ],
            }
        } else if b.id == hbc {
            Advice {
                received: Some(jiff::civil::date(2024, 5, 21)),
                reference: "HBC-advies 2024-05".to_owned(),
                summary: "De HBC wil minder organisaties.".to_owned(),
                stances: vec![stance(
                    s2,
                    Stance::Supports,
                    "bundel de krachten",
                    passage(Some(2), ""),
                )],
            }
        } else if b.id == clusters_body {
            Advice {
                received: Some(jiff::civil::date(2024, 5, 31)),
                reference: "Gezamenlijk advies speerpuntclusters".to_owned(),
                summary: "De clusters vragen continuïteit.".to_owned(),
                stances: vec![
                    stance(s1, Stance::Rejects, "", Passage::default()),
                    stance(
                        s3,
                        Stance::Supports,
                        "continuïteit is de sleutel",
                        passage(Some(3), "1.2"),
                    ),
                ],
            }
        } else {
            b.advice.clone()
        };
    }

    ws.themes = vec![
        Theme {
            id: ThemeId::from_u128(0xf0c1),
            name: "Ruimtevaart".to_owned(),
            description: "Satellieten en lanceerdiensten".to_owned(),
            proposed_by: vec![serv, vario],
            route: Some(ThemeRoute::NewNetworkCall),
            host_cluster: None,
            citation: Some(ThemeCitation {
                body: vario,
                citation: cite(Some(14), "", "ruimtevaart ontbreekt in het landschap"),
            }),
        },
        Theme {
            id: ThemeId::from_u128(0xf0c2),
            name: "Halfgeleiders".to_owned(),
            description: "Chipontwerp en -productie".to_owned(),
            proposed_by: vec![hbc],
            route: Some(ThemeRoute::NewSpearheadCluster),
            host_cluster: None,
            citation: None,
        },
        Theme {
            id: ThemeId::from_u128(0xf0c3),
            name: "Waterstof".to_owned(),
            description: "Productie en transport van waterstof".to_owned(),
            proposed_by: vec![clusters_body],
            route: Some(ThemeRoute::WithinExistingCluster),
            host_cluster: Some(flux),
            citation: None,
        },
    ];
    ws
}
