//! A large synthetic workspace for tests and benchmarks.
//!
//! It starts from the Green Paper (the four scenarios, their sub-options, the advisory
//! bodies, the compatibility rules and the first Green Paper clusters) and adds invented
//! clusters, assignments, arguments, advice and themes with Dutch-looking text. Every id,
//! text and time comes from one seeded generator, so the same arguments give the same
//! workspace and therefore the same file bytes. (The generator is `fastrand`'s, pinned by
//! `Cargo.lock`: a different `fastrand` version may give a different, equally valid, file.)
//!
//! The data avoid what validation would flag — no incompatible scenario combinations,
//! no dangling references, budgets within the cap, terms that end in 2026 or later — so
//! a warning in a synthetic workspace points at the code, not at the data.

use fastrand::Rng;
use jiff::Timestamp;
use jiff::civil::Date;

use crate::model::*;
use crate::store;

/// The Green Paper clusters' funding cap, also used for the invented clusters.
const CAP: i64 = 650_000;
/// 2024-01-01T00:00:00Z: arguments are written in 2024 and 2025.
const FIRST_ARGUMENT_SECOND: i64 = 1_704_067_200;
const TWO_YEARS_SECONDS: i64 = 2 * 365 * 24 * 3600;

/// A workspace with `clusters` clusters in all (the Green Paper's own first, then
/// invented ones) and `arguments` arguments, generated from `seed`.
pub fn synthetic_workspace(clusters: usize, arguments: usize, seed: u64) -> Workspace {
    let mut rng = Rng::with_seed(seed);
    let mut ws = store::default_workspace();
    let mut generator = Generator { rng: &mut rng };

    ws.meta.title =
        format!("Synthetische consultatie ({clusters} clusters, {arguments} argumenten)");
    ws.meta.document_number = "VR 2024 1506 MED.0123/1".to_owned();
    ws.meta.date = Date::new(2024, 6, 15).ok();
    ws.meta.author = "Kabinet Economie, Innovatie, Werk, Sociale Economie en Landbouw".to_owned();
    ws.meta.confidential_draft = true;
    ws.meta.overall_recommendation = generator.paragraph(4);
    ws.meta.closing = "De Vlaamse Regering neemt kennis van deze mededeling.".to_owned();

    ws.clusters.truncate(clusters);
    while ws.clusters.len() < clusters {
        let index = ws.clusters.len();
        let cluster = generator.cluster(index);
        ws.clusters.push(cluster);
    }
    for cluster in &mut ws.clusters {
        if cluster.recommendation.is_empty() {
            cluster.recommendation = generator.paragraph(2);
        }
    }

    ws.assignments = ws
        .clusters
        .iter()
        .flat_map(|cluster| generator.assignments(cluster, &ws.scenarios))
        .collect();

    let pairs: Vec<(ClusterId, ScenarioId)> = ws
        .assignments
        .iter()
        .map(|a| (a.cluster, a.scenario))
        .collect();
    let scenario_ids: Vec<ScenarioId> = ws.scenarios.iter().map(|s| s.id).collect();
    let body_ids: Vec<BodyId> = ws.bodies.iter().map(|b| b.id).collect();
    ws.arguments = (0..arguments)
        .map(|_| generator.argument(&pairs, &scenario_ids, &body_ids))
        .collect();

    for (number, body) in ws.bodies.iter_mut().enumerate() {
        body.advice = generator.advice(&body.short_name, number, &ws.scenarios);
    }

    let cluster_ids: Vec<ClusterId> = ws.clusters.iter().map(|c| c.id).collect();
    let theme_count = 8 + clusters / 20;
    ws.themes = (0..theme_count)
        .map(|index| generator.theme(index, &body_ids, &cluster_ids))
        .collect();
    ws
}

struct Generator<'a> {
    rng: &'a mut Rng,
}

impl Generator<'_> {
    /// A random id that reads as a version-4 UUID, as `Uuid::new_v4` would make.
    fn id_bits(&mut self) -> u128 {
        let bits = self.rng.u128(..);
        let bits = (bits & !(0xF_u128 << 76)) | (0x4_u128 << 76);
        (bits & !(0x3_u128 << 62)) | (0x2_u128 << 62)
    }

    fn pick<'s>(&mut self, list: &[&'s str]) -> &'s str {
        list.get(self.rng.usize(..list.len().max(1)))
            .copied()
            .unwrap_or_default()
    }

    fn chance(&mut self, percent: u32) -> bool {
        self.rng.u32(0..100) < percent
    }

    /// One sentence: subject, verb, object and sometimes a qualifier.
    fn sentence(&mut self) -> String {
        let subject = self.pick(SUBJECTS);
        let verb = self.pick(VERBS);
        let object = self.pick(OBJECTS);
        let tail = if self.chance(60) {
            self.pick(TAILS)
        } else {
            ""
        };
        format!("{subject} {verb} {object}{tail}.")
    }

    fn paragraph(&mut self, max_sentences: usize) -> String {
        let count = self.rng.usize(1..=max_sentences.max(1));
        (0..count)
            .map(|_| self.sentence())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn cluster(&mut self, index: usize) -> Cluster {
        let stem = self.pick(NAME_STEMS);
        let suffix = self.pick(NAME_SUFFIXES);
        let domain = self.pick(DOMAINS);
        let status = match self.rng.u32(0..20) {
            0..=15 => ClusterStatus::Active,
            16..=18 => ClusterStatus::Founding,
            _ => ClusterStatus::Stopped,
        };
        // Terms end in 2026 or later, so no active cluster's term has passed in 2026.
        let start_year = match status {
            ClusterStatus::Founding => None,
            ClusterStatus::Active | ClusterStatus::Stopped => Some(self.rng.i32(2017..=2024)),
        };
        let cap = match self.rng.u32(0..10) {
            0 => 400_000,
            1 => 500_000,
            _ => CAP,
        };
        Cluster {
            id: ClusterId::from_u128(self.id_bits()),
            // The index keeps names apart once the stems and suffixes run out.
            name: format!("{stem}{suffix} {}", index + 1),
            domain: domain.to_owned(),
            status,
            start_year,
            term_end_year: start_year.map(|y| y + 9),
            max_yearly_funding: Some(Euro(cap)),
            note: if self.chance(50) {
                self.paragraph(2)
            } else {
                String::new()
            },
            recommendation: String::new(),
        }
    }

    /// One to three assignments under different scenarios, never combining scenario 1
    /// with 2 or 3 (the Green Paper's compatibility rules).
    fn assignments(&mut self, cluster: &Cluster, scenarios: &[Scenario]) -> Vec<Assignment> {
        let by_number = |n: u32| scenarios.iter().find(|s| s.number == n);
        let numbers: &[u32] = match self.rng.u32(0..8) {
            0 => &[1],
            1 => &[1, 4],
            2 => &[2],
            3 => &[3],
            4 => &[3, 4],
            5 => &[2, 4],
            6 => &[3, 2],
            _ => &[3, 2, 4],
        };
        let first_free_year = cluster.term_end_year.map_or(2027, |end| end + 1);
        let cap = cluster.max_yearly_funding.map_or(CAP, Euro::amount);
        let mut out = Vec::new();
        for (position, number) in numbers.iter().enumerate() {
            let Some(scenario) = by_number(*number) else {
                continue;
            };
            let role = if position == 0 {
                Role::Primary
            } else {
                Role::Complementary
            };
            let sub_options = scenario
                .sub_options
                .iter()
                .filter(|_| self.chance(50))
                .map(|o| o.id)
                .collect();
            // Scenario 1 has no structural funding. The primary role takes at most 60 %
            // of the cap and each complementary one at most 20 %, so the sum stays
            // within the cap.
            let share = if position == 0 { 60 } else { 20 };
            let budget = (*number != 1 && first_free_year <= 2035).then(|| {
                let max = cap * share / 100 / 5_000;
                let amount = self.rng.i64(max / 3..=max.max(1)) * 5_000;
                let first_year = first_free_year + self.rng.i32(0..=1);
                YearlyBudget {
                    amount: Euro(amount),
                    first_year: first_year.min(2035),
                    last_year: (first_year + self.rng.i32(3..=8)).min(2035),
                }
            });
            let score = |g: &mut Self| g.chance(90).then(|| g.rng.u8(1..=5));
            out.push(Assignment {
                id: AssignmentId::from_u128(self.id_bits()),
                cluster: cluster.id,
                scenario: scenario.id,
                role,
                desirability: score(self),
                feasibility: score(self),
                sub_options,
                conditions: if self.chance(60) {
                    self.paragraph(2)
                } else {
                    String::new()
                },
                budget,
                variant: None,
            });
        }
        out
    }

    /// Mostly about a cluster under a scenario it stands under, sometimes about a
    /// scenario as a whole.
    fn argument(
        &mut self,
        pairs: &[(ClusterId, ScenarioId)],
        scenarios: &[ScenarioId],
        bodies: &[BodyId],
    ) -> Argument {
        let subject = match pairs.get(self.rng.usize(..pairs.len().max(1))) {
            Some((cluster, scenario)) if self.chance(80) => Subject::ClusterScenario {
                cluster: *cluster,
                scenario: *scenario,
            },
            _ => Subject::Scenario(
                scenarios
                    .get(self.rng.usize(..scenarios.len().max(1)))
                    .copied()
                    .unwrap_or_default(),
            ),
        };
        let source = match bodies.get(self.rng.usize(..bodies.len().max(1))) {
            Some(body) if self.chance(40) => Source::Body(*body),
            _ => Source::OwnAnalysis,
        };
        let created = FIRST_ARGUMENT_SECOND + self.rng.i64(0..TWO_YEARS_SECONDS);
        let modified = created
            + if self.chance(30) {
                self.rng.i64(0..30 * 24 * 3600)
            } else {
                0
            };
        Argument {
            id: ArgumentId::from_u128(self.id_bits()),
            polarity: if self.chance(55) {
                Polarity::Pro
            } else {
                Polarity::Contra
            },
            subject,
            text: self.paragraph(3),
            source,
            weight: self.rng.u8(1..=3),
            internal: self.chance(15),
            citation: Citation::default(),
            created: Timestamp::from_second(created).unwrap_or(Timestamp::UNIX_EPOCH),
            modified: Timestamp::from_second(modified).unwrap_or(Timestamp::UNIX_EPOCH),
        }
    }

    fn advice(&mut self, short_name: &str, number: usize, scenarios: &[Scenario]) -> Advice {
        let stances = scenarios
            .iter()
            .map(|scenario| {
                let stance = Stance::ALL
                    .get(self.rng.usize(..Stance::ALL.len()))
                    .copied()
                    .unwrap_or_default();
                let quote = if stance == Stance::NotStated {
                    String::new()
                } else {
                    format!("\u{201c}{}\u{201d}", self.sentence())
                };
                ScenarioStance {
                    scenario: scenario.id,
                    stance,
                    quote,
                    passage: Passage::default(),
                }
            })
            .collect();
        let month = i8::try_from(3 + number % 9).unwrap_or(3);
        Advice {
            received: Date::new(2024, month, i8::try_from(self.rng.u8(1..=28)).unwrap_or(1)).ok(),
            reference: format!("{short_name}-advies 2024/{:02}", self.rng.u8(1..=40)),
            summary: self.paragraph(5),
            stances,
        }
    }

    fn theme(&mut self, index: usize, bodies: &[BodyId], clusters: &[ClusterId]) -> Theme {
        let route = ThemeRoute::ALL
            .get(self.rng.usize(..ThemeRoute::ALL.len()))
            .copied();
        let host_cluster = match route {
            Some(ThemeRoute::WithinExistingCluster) => clusters
                .get(self.rng.usize(..clusters.len().max(1)))
                .copied(),
            _ => None,
        };
        let proposed_by = bodies.iter().filter(|_| self.chance(40)).copied().collect();
        Theme {
            id: ThemeId::from_u128(self.id_bits()),
            name: format!("{} ({})", self.pick(DOMAINS), index + 1),
            description: self.paragraph(3),
            proposed_by,
            route,
            host_cluster,
            citation: None,
        }
    }
}

const NAME_STEMS: &[&str] = &[
    "Agri", "Bio", "Blauw", "Bouw", "Circu", "Data", "Energie", "Food", "Foton", "Gezond", "Haven",
    "Hout", "Kust", "Licht", "Lucht", "Maak", "Materia", "Mobi", "Polder", "Quantum", "Robo",
    "Schelde", "Staal", "Textiel", "Water", "Zorg", "Kempen", "Leie", "Demer", "Zenne",
];

const NAME_SUFFIXES: &[&str] = &[
    "Vlaanderen",
    "cluster",
    "netwerk",
    "hub",
    "lab",
    "forum",
    "platform",
    "alliantie",
    "kring",
    "campus",
];

const DOMAINS: &[&str] = &[
    "Circulaire bouw",
    "Waterstofeconomie",
    "Precisielandbouw",
    "Digitale gezondheidszorg",
    "Ruimtevaarttechnologie",
    "Textielinnovatie",
    "Fotonica",
    "Quantumtechnologie",
    "Batterijtechnologie",
    "Voedselveiligheid",
    "Cyberbeveiliging",
    "Slimme mobiliteit",
    "Biogebaseerde materialen",
    "Offshore-energie",
    "Halfgeleiders",
    "Artificiële intelligentie",
    "Creatieve industrie",
    "Maakindustrie 4.0",
    "Waterbeheer",
    "Klimaatadaptatie",
];

const SUBJECTS: &[&str] = &[
    "De cluster",
    "Dit scenario",
    "De inkanteling in een onderzoekscentrum",
    "Een gefinancierde basisopdracht",
    "Het wegvallen van structurele financiering",
    "De betrokkenheid van KMO's",
    "De samenwerking met kennisinstellingen",
    "Het ecosysteem",
    "De bedrijfsgerichte aansturing",
    "De Europese regelgeving (AGVV art. 27)",
    "Een nieuw clusterprogramma",
    "De commerciële werking",
    "Het geconsolideerde advies",
    "De raad van bestuur",
    "Een ad-hoc opdracht",
];

const VERBS: &[&str] = &[
    "versterkt",
    "bemoeilijkt",
    "waarborgt",
    "vergroot",
    "beperkt",
    "verhoogt",
    "ondermijnt",
    "verduidelijkt",
    "vereist",
    "versnelt",
];

const OBJECTS: &[&str] = &[
    "de valorisatie van onderzoeksresultaten",
    "de slagkracht van de cluster",
    "de neutrale rol in het ecosysteem",
    "de continuïteit van de werking",
    "de aansturing door bedrijven",
    "de internationale zichtbaarheid",
    "de toegang tot Europese middelen",
    "de doorstroming naar innovatieprojecten",
    "het vertrouwen van de leden",
    "de financiële onafhankelijkheid",
    "de samenwerking over sectoren heen",
    "de inzet op maatschappelijke uitdagingen",
    "de opvolging via sturende indicatoren",
    "de quadruple-helixsamenwerking",
    "het draagvlak bij \u{e9}\u{e9}n op drie leden",
];

const TAILS: &[&str] = &[
    " op middellange termijn",
    " voor kleinere bedrijven",
    " in de transitie naar een klimaatneutrale economie",
    " zonder bijkomende middelen",
    " na het verstrijken van de termijn van tien jaar",
    " volgens de leden (\u{201c}cruciaal\u{201d})",
    " & de kennisinstellingen",
    " in vergelijking met buitenlandse initiatieven",
];

/// The file text of `ws` after `days` daily saves, each rewording one argument and
/// changing another's weight (a year's history for the benchmarks). The content is
/// edited line by line rather than re-serialised each day, so a year of a 20 000-argument
/// workspace is made in seconds; the versions are exactly what saving would record.
pub fn with_daily_saves(ws: &Workspace, days: usize) -> String {
    use crate::model::versions::{Link, Version, VersionLog, content_sum, diff};
    let content = store::file::content_text(ws).unwrap_or_default();
    let mut lines: Vec<String> = content.split('\n').map(str::to_owned).collect();
    let texts: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].starts_with("\t\t\ttext: \"") && lines[i].ends_with("\","))
        .collect();
    let weights: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].starts_with("\t\t\tweight: "))
        .collect();
    let mut log = VersionLog::default();
    log.versions
        .push(Version::new(Vec::new(), "", "", content_sum(&content)));
    let start = Timestamp::from_second(1_767_225_600).unwrap_or(Timestamp::UNIX_EPOCH);
    for day in 0..days {
        let before = lines.clone();
        if let Some(&i) = texts.get((day * 7919) % texts.len().max(1)) {
            let line = &mut lines[i];
            line.truncate(line.len() - 2);
            line.push_str(&format!(" (herzien op dag {day})\","));
        }
        if let Some(&i) = weights.get((day * 104_729) % weights.len().max(1)) {
            let next = match lines[i].trim_end_matches(',').rsplit(' ').next() {
                Some("1") => 2,
                Some("2") => 3,
                _ => 1,
            };
            lines[i] = format!("\t\t\tweight: {next},");
        }
        let text = lines.join("\n");
        let parent = log.versions.last().map(|v| v.id.clone());
        let parents = parent
            .map(|id| Link {
                id,
                back: diff(&lines, &before),
                broken: false,
            })
            .into_iter()
            .collect();
        let time = start
            .checked_add(jiff::SignedDuration::from_hours(24 * day as i64 + 9))
            .unwrap_or(start)
            .strftime("%Y-%m-%dT%H:%M:%SZ")
            .to_string();
        log.versions
            .push(Version::new(parents, "synth", &time, content_sum(&text)));
    }
    store::versions::compose(&lines.join("\n"), &log.versions)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Warning, validate};

    #[test]
    fn the_same_arguments_give_the_same_bytes() {
        let first = store::to_ron(&synthetic_workspace(30, 500, 7)).unwrap();
        let second = store::to_ron(&synthetic_workspace(30, 500, 7)).unwrap();
        assert_eq!(first, second);
        let other_seed = store::to_ron(&synthetic_workspace(30, 500, 8)).unwrap();
        assert_ne!(first, other_seed);
    }

    #[test]
    fn has_the_asked_sizes_and_every_record_kind() {
        let ws = synthetic_workspace(40, 1_000, 1);
        assert_eq!(ws.clusters.len(), 40);
        assert_eq!(ws.arguments.len(), 1_000);
        assert_eq!(ws.scenarios.len(), 4);
        assert_eq!(ws.bodies.len(), 4);
        assert!(!ws.themes.is_empty());
        // The Green Paper's clusters come first.
        assert_eq!(
            ws.clusters.first().map(|c| c.name.as_str()),
            Some("Catalisti")
        );
        for cluster in &ws.clusters {
            let n = ws
                .assignments
                .iter()
                .filter(|a| a.cluster == cluster.id)
                .count();
            assert!((1..=3).contains(&n), "{} has {n} assignments", cluster.name);
        }
        assert!(ws.assignments.iter().any(|a| a.budget.is_some()));
        assert!(
            ws.assignments
                .iter()
                .any(|a| a.desirability.is_some() && a.feasibility.is_some())
        );
        assert!(ws.assignments.iter().all(|a| a.budget.is_none_or(|b| {
            (2017..=2035).contains(&b.first_year) && (2017..=2035).contains(&b.last_year)
        })));
        assert!(ws.arguments.iter().any(|a| a.subject.cluster().is_some()));
        assert!(ws.arguments.iter().any(|a| a.subject.cluster().is_none()));
        assert!(
            ws.arguments
                .iter()
                .any(|a| matches!(a.source, Source::Body(_)))
        );
        assert!(ws.arguments.iter().any(|a| a.source == Source::OwnAnalysis));
        assert!(ws.arguments.iter().any(|a| a.internal));
        for body in &ws.bodies {
            assert!(
                body.advice.is_received(),
                "{} has no advice",
                body.short_name
            );
            assert_eq!(body.advice.stances.len(), ws.scenarios.len());
        }
        assert!(ws.themes.iter().any(|t| t.route.is_some()));
    }

    #[test]
    fn validates_clean_and_round_trips() {
        let ws = synthetic_workspace(200, 2_000, 42);
        let warnings = validate(&ws, 2026);
        assert!(warnings.is_empty(), "{warnings:#?}");
        // Later, terms pass: that is the only warning the data can cause.
        let later = validate(&ws, 2030);
        assert!(!later.is_empty());
        assert!(
            later
                .iter()
                .all(|w| matches!(w, Warning::TermPassed { .. })),
            "{later:#?}"
        );
        let text = store::to_ron(&ws).unwrap();
        let back = store::from_ron(&text).expect("the synthetic file parses");
        assert_eq!(back, ws);
        assert_eq!(store::to_ron(&back).unwrap(), text);
    }

    #[test]
    fn fewer_clusters_than_the_green_paper_keeps_its_first() {
        let ws = synthetic_workspace(2, 10, 3);
        let names: Vec<&str> = ws.clusters.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Catalisti", "De Blauwe Cluster"]);
        assert_eq!(ws.arguments.len(), 10);
    }
}
