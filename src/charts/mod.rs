//! Chart data: pure functions from a workspace to the series the window plots and the
//! exports draw (see [`svg`]). No egui here, no clock: "today" is a parameter.
//!
//! The budget per year and the terms are defined once, in [`crate::model::funding`];
//! this module re-exports them for the charts.

pub mod png;
pub mod svg;

use std::collections::HashMap;

use jiff::civil::Date;

use crate::model::*;

pub use crate::model::funding::{
    BudgetPerYear, ClusterBudget, FIRST_YEAR, LAST_YEAR, TERM_YEARS, budget_per_year, funded_years,
    term_end,
};
use crate::model::rules::assignments_by_cluster;

/// A score of this or more counts as high (desirable, feasible): 3 is the middle of
/// 1–5, and a person who scores "3" does not call the option undesirable.
pub(crate) const HIGH_SCORE: Score = 3;

/// A scenario a cluster is assigned to, for the part of the timeline after its term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioAfterTerm {
    pub assignment: AssignmentId,
    pub scenario: ScenarioId,
    pub label: String,
    pub role: Role,
    /// The years its budget covers, if it has one.
    pub budget_years: Option<(i32, i32)>,
}

/// One row of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineRow {
    pub cluster: ClusterId,
    pub name: String,
    pub status: ClusterStatus,
    /// First and last year of the current, funded term.
    pub funded: Option<(i32, i32)>,
    /// The last year of the ten-year limit (AGVV art. 27).
    pub term_end: Option<i32>,
    /// The chosen scenarios, primary first, then by scenario number.
    pub after: Vec<ScenarioAfterTerm>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    pub first_year: i32,
    pub last_year: i32,
    pub today: Date,
    pub rows: Vec<TimelineRow>,
}

/// One row per cluster, in workspace order.
pub fn timeline(ws: &Workspace, today: Date) -> Timeline {
    let by_cluster = assignments_by_cluster(ws);
    let number_of: HashMap<ScenarioId, u32> =
        ws.scenarios.iter().map(|s| (s.id, s.number)).collect();
    let labels: HashMap<ScenarioId, String> =
        ws.scenarios.iter().map(|s| (s.id, s.label())).collect();
    let rows = ws
        .clusters
        .iter()
        .map(|cluster| {
            let mut after: Vec<ScenarioAfterTerm> = by_cluster
                .get(&cluster.id)
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .map(|a| ScenarioAfterTerm {
                    assignment: a.id,
                    scenario: a.scenario,
                    label: labels
                        .get(&a.scenario)
                        .cloned()
                        .unwrap_or_else(|| "Onbekend scenario".to_owned()),
                    role: a.role,
                    budget_years: a.budget.map(|b| (b.first_year, b.last_year)),
                })
                .collect();
            after.sort_by_key(|s| {
                (
                    s.role != Role::Primary,
                    number_of.get(&s.scenario).copied().unwrap_or(u32::MAX),
                )
            });
            TimelineRow {
                cluster: cluster.id,
                name: cluster.name.clone(),
                status: cluster.status,
                funded: funded_years(cluster),
                term_end: term_end(cluster),
                after,
            }
        })
        .collect();
    Timeline {
        first_year: FIRST_YEAR,
        last_year: LAST_YEAR,
        today,
        rows,
    }
}

/// The four quadrants of desirability × feasibility.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Quadrant {
    DesirableFeasible,
    DesirableHard,
    FeasibleUndesirable,
    UndesirableHard,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [
        Self::DesirableFeasible,
        Self::DesirableHard,
        Self::FeasibleUndesirable,
        Self::UndesirableHard,
    ];

    /// Where a pair of scores falls; scores of [`HIGH_SCORE`] or more count as high.
    pub fn of(desirability: Score, feasibility: Score) -> Self {
        match (desirability >= HIGH_SCORE, feasibility >= HIGH_SCORE) {
            (true, true) => Self::DesirableFeasible,
            (true, false) => Self::DesirableHard,
            (false, true) => Self::FeasibleUndesirable,
            (false, false) => Self::UndesirableHard,
        }
    }

    pub fn dutch(self) -> &'static str {
        match self {
            Self::DesirableFeasible => "wenselijk én haalbaar",
            Self::DesirableHard => "wenselijk, moeilijk haalbaar",
            Self::FeasibleUndesirable => "haalbaar, weinig wenselijk",
            Self::UndesirableHard => "weinig wenselijk en moeilijk haalbaar",
        }
    }
}

/// One assignment with both scores.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScorePoint {
    pub assignment: AssignmentId,
    pub cluster: ClusterId,
    pub scenario: ScenarioId,
    pub cluster_name: String,
    pub scenario_label: String,
    pub desirability: Score,
    pub feasibility: Score,
    pub quadrant: Quadrant,
}

/// One point per assignment with both scores in 1–5, in workspace order. Scores out of
/// range have no place on the axes; validation reports them.
pub(crate) fn desirability_feasibility(ws: &Workspace) -> Vec<ScorePoint> {
    let names: HashMap<ClusterId, &str> = ws
        .clusters
        .iter()
        .map(|c| (c.id, c.name.as_str()))
        .collect();
    let labels: HashMap<ScenarioId, String> =
        ws.scenarios.iter().map(|s| (s.id, s.label())).collect();
    ws.assignments
        .iter()
        .filter_map(|a| {
            let (d, f) = (a.desirability?, a.feasibility?);
            if !SCORE_RANGE.contains(&d) || !SCORE_RANGE.contains(&f) {
                return None;
            }
            Some(ScorePoint {
                assignment: a.id,
                cluster: a.cluster,
                scenario: a.scenario,
                cluster_name: names
                    .get(&a.cluster)
                    .map_or_else(|| "Onbekende cluster".to_owned(), |n| (*n).to_owned()),
                scenario_label: labels
                    .get(&a.scenario)
                    .cloned()
                    .unwrap_or_else(|| "Onbekend scenario".to_owned()),
                desirability: d,
                feasibility: f,
                quadrant: Quadrant::of(d, f),
            })
        })
        .collect()
}

/// How many points share each quadrant, in [`Quadrant::ALL`] order.
pub(crate) fn quadrant_counts(points: &[ScorePoint]) -> [usize; 4] {
    let mut counts = [0; 4];
    for p in points {
        if let Some(slot) = Quadrant::ALL
            .iter()
            .position(|q| *q == p.quadrant)
            .and_then(|i| counts.get_mut(i))
        {
            *slot += 1;
        }
    }
    counts
}

/// One body's stance on one scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct StanceCell {
    pub stance: Stance,
    pub quote: String,
}

/// Bodies × scenarios, and per scenario how many bodies take each stance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct AdviceConsensus {
    pub bodies: Vec<(BodyId, String)>,
    pub scenarios: Vec<(ScenarioId, String)>,
    /// `cells[body][scenario]`, aligned with `bodies` and `scenarios`.
    pub cells: Vec<Vec<StanceCell>>,
    /// `counts[scenario][stance]`, stances in [`Stance::ALL`] order.
    pub counts: Vec<[usize; 5]>,
}

impl AdviceConsensus {
    pub fn cell(&self, body: usize, scenario: usize) -> Option<&StanceCell> {
        self.cells.get(body)?.get(scenario)
    }

    /// How many bodies take `stance` on the scenario at `scenario`.
    pub fn count(&self, scenario: usize, stance: Stance) -> usize {
        let index = Stance::ALL.iter().position(|s| *s == stance);
        index
            .and_then(|i| self.counts.get(scenario)?.get(i).copied())
            .unwrap_or(0)
    }
}

/// The stance matrix of the advice received. A body that gave advice without a stance
/// on a scenario counts as "niet vermeld"; a body whose advice has not come in is left
/// out (it has no stances yet: "nog geen advies" is said where the bodies are listed).
pub(crate) fn advice_consensus(ws: &Workspace) -> AdviceConsensus {
    let received: Vec<&AdvisoryBody> = ws.bodies.iter().filter(|b| ws.advice_received(b)).collect();
    let bodies = received
        .iter()
        .map(|b| (b.id, b.short_name.clone()))
        .collect();
    let scenarios: Vec<(ScenarioId, String)> =
        ws.scenarios.iter().map(|s| (s.id, s.label())).collect();
    let cells: Vec<Vec<StanceCell>> = received
        .iter()
        .map(|body| {
            scenarios
                .iter()
                .map(|(scenario, _)| {
                    body.advice
                        .stances
                        .iter()
                        .find(|s| s.scenario == *scenario)
                        .map_or(
                            StanceCell {
                                stance: Stance::NotStated,
                                quote: String::new(),
                            },
                            |s| StanceCell {
                                stance: s.stance,
                                quote: s.quote.clone(),
                            },
                        )
                })
                .collect()
        })
        .collect();
    let counts = (0..scenarios.len())
        .map(|column| {
            let mut counts = [0; 5];
            for row in &cells {
                let Some(cell) = row.get(column) else {
                    continue;
                };
                if let Some(slot) = Stance::ALL
                    .iter()
                    .position(|s| *s == cell.stance)
                    .and_then(|i| counts.get_mut(i))
                {
                    *slot += 1;
                }
            }
            counts
        })
        .collect();
    AdviceConsensus {
        bodies,
        scenarios,
        cells,
        counts,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::store::default_workspace;

    pub(crate) const CATALISTI: ClusterId = ClusterId::from_u128(0x1001);
    pub(crate) const BLAUWE: ClusterId = ClusterId::from_u128(0x1002);
    pub(crate) const FLUX50: ClusterId = ClusterId::from_u128(0x1004);
    pub(crate) const ENTERTAINMENT: ClusterId = ClusterId::from_u128(0x1007);
    pub(crate) const S1: ScenarioId = ScenarioId::from_u128(0x2001);
    pub(crate) const S2: ScenarioId = ScenarioId::from_u128(0x2002);
    pub(crate) const S3: ScenarioId = ScenarioId::from_u128(0x2003);
    pub(crate) const SERV: BodyId = BodyId::from_u128(0x3001);
    pub(crate) const VARIO: BodyId = BodyId::from_u128(0x3002);

    fn assign(
        id: u128,
        cluster: ClusterId,
        scenario: ScenarioId,
        role: Role,
        scores: Option<(Score, Score)>,
        budget: Option<(i64, i32, i32)>,
    ) -> Assignment {
        Assignment {
            id: AssignmentId::from_u128(id),
            cluster,
            scenario,
            role,
            desirability: scores.map(|s| s.0),
            feasibility: scores.map(|s| s.1),
            budget: budget.map(|(amount, first_year, last_year)| YearlyBudget {
                amount: Euro(amount),
                first_year,
                last_year,
            }),
            ..Assignment::default()
        }
    }

    /// The Green Paper with a recommendation: Catalisti under 3 (with 2 complementary),
    /// Flux50 under 1, De Blauwe Cluster (start year unknown) under 3 from 2028.
    pub(crate) fn recommended() -> Workspace {
        let mut ws = default_workspace();
        ws.assignments = vec![
            assign(
                1,
                CATALISTI,
                S3,
                Role::Primary,
                Some((5, 4)),
                Some((400_000, 2027, 2030)),
            ),
            assign(
                2,
                CATALISTI,
                S2,
                Role::Complementary,
                Some((3, 2)),
                Some((100_000, 2026, 2031)),
            ),
            assign(3, FLUX50, S1, Role::Primary, Some((2, 5)), None),
            assign(
                4,
                BLAUWE,
                S3,
                Role::Primary,
                Some((1, 1)),
                Some((300_000, 2028, 2032)),
            ),
            // Scores missing or out of range: no point.
            assign(5, ENTERTAINMENT, S3, Role::Primary, Some((6, 3)), None),
            assign(6, ENTERTAINMENT, S2, Role::Complementary, None, None),
        ];
        ws
    }

    /// A cluster's amount in a year: `None` when unknown; a cluster without a series
    /// has € 0 in every year.
    fn amount(chart: &BudgetPerYear, cluster: ClusterId, year: i32) -> Option<Euro> {
        let index = chart.years.iter().position(|y| *y == year).unwrap();
        chart
            .clusters
            .iter()
            .find(|c| c.cluster == cluster)
            .map_or(Some(Euro(0)), |c| c.amounts[index])
    }

    #[test]
    fn budget_counts_the_cap_during_the_term_and_assignments_after() {
        let chart = budget_per_year(&recommended());
        assert_eq!(chart.years.first(), Some(&2017));
        assert_eq!(chart.years.last(), Some(&2035));
        assert_eq!(chart.reference, Some(Euro(6 * 650_000)));
        assert_eq!(chart.today, 2026);
        // The same figure the document and the warnings use, from the one definition.
        assert_eq!(
            chart.reference,
            crate::model::funding::todays_funding(&recommended().meta)
        );
        let euro = |a: i64| Some(Euro(a));
        // Catalisti: its cap from 2017 to 2026; the complementary budget's 2026 is not
        // added on top of the term; then 400.000 + 100.000 until 2030, 100.000 in 2031.
        assert_eq!(amount(&chart, CATALISTI, 2017), euro(650_000));
        assert_eq!(amount(&chart, CATALISTI, 2026), euro(650_000));
        assert_eq!(amount(&chart, CATALISTI, 2027), euro(500_000));
        assert_eq!(amount(&chart, CATALISTI, 2030), euro(500_000));
        assert_eq!(amount(&chart, CATALISTI, 2031), euro(100_000));
        assert_eq!(amount(&chart, CATALISTI, 2032), euro(0));
        // Flux50 goes to scenario 1 (no budgets there): funded until 2026, nothing after.
        assert_eq!(amount(&chart, FLUX50, 2026), euro(650_000));
        assert_eq!(amount(&chart, FLUX50, 2027), euro(0));
        // De Blauwe Cluster runs today without a known start year: its cap today, its
        // assignment budget, and unknown (not zero) elsewhere.
        assert_eq!(amount(&chart, BLAUWE, 2020), None);
        assert_eq!(amount(&chart, BLAUWE, 2026), euro(650_000));
        assert_eq!(amount(&chart, BLAUWE, 2027), None);
        assert_eq!(amount(&chart, BLAUWE, 2028), euro(300_000));
        assert!(chart.unknown_current_funding.contains(&BLAUWE));
        assert!(chart.unknown_current_funding.contains(&ENTERTAINMENT));
        assert!(!chart.unknown_current_funding.contains(&CATALISTI));
        // Entertainmenttechnologie sits under the funded scenario 3 without a budget:
        // "budget nog niet bepaald" after today, not € 0; before, it did not exist.
        assert_eq!(amount(&chart, ENTERTAINMENT, 2026), euro(0));
        assert_eq!(amount(&chart, ENTERTAINMENT, 2027), None);
        // Totals are the stack heights of what is known, and say how many they leave out.
        let index = |year: i32| chart.years.iter().position(|y| *y == year).unwrap();
        let at = |year: i32| chart.totals[index(year)];
        assert_eq!(at(2020), Euro(3 * 650_000));
        assert_eq!(chart.unknown[index(2020)], 3);
        // Every cluster funded today is in today's bar.
        assert_eq!(at(2026), Euro(6 * 650_000));
        assert_eq!(chart.unknown[index(2026)], 0);
        assert_eq!(chart.covered[index(2026)], 7);
        assert_eq!(at(2028), Euro(500_000 + 300_000));
        assert_eq!(
            chart.unknown[index(2028)],
            3,
            "Flanders'FOOD, MEDVIA, Entertainment"
        );
        assert_eq!(at(2033), Euro(0));
    }

    #[test]
    fn budget_without_term_end_uses_the_ten_year_limit() {
        let mut ws = Workspace::empty();
        ws.clusters.push(Cluster {
            id: CATALISTI,
            start_year: Some(2020),
            term_end_year: None,
            max_yearly_funding: Some(Euro(500_000)),
            ..Cluster::default()
        });
        let chart = budget_per_year(&ws);
        assert_eq!(amount(&chart, CATALISTI, 2029), Some(Euro(500_000)));
        assert_eq!(amount(&chart, CATALISTI, 2030), Some(Euro(0)));
        assert_eq!(amount(&chart, CATALISTI, 2019), Some(Euro(0)));
        assert_eq!(
            chart.reference,
            Some(Euro(0)),
            "an empty workspace funds nobody today"
        );
    }

    #[test]
    fn timeline_has_terms_today_and_scenarios_primary_first() {
        let today = Date::new(2026, 3, 1).unwrap();
        let t = timeline(&recommended(), today);
        assert_eq!(t.today, today);
        assert_eq!(t.rows.len(), 7);
        let row = |id| t.rows.iter().find(|r| r.cluster == id).unwrap();
        let catalisti = row(CATALISTI);
        assert_eq!(catalisti.funded, Some((2017, 2026)));
        assert_eq!(catalisti.term_end, Some(2026));
        let after: Vec<ScenarioId> = catalisti.after.iter().map(|s| s.scenario).collect();
        assert_eq!(after, [S3, S2]);
        assert_eq!(catalisti.after[0].label, "Scenario 3");
        assert_eq!(catalisti.after[0].budget_years, Some((2027, 2030)));
        assert_eq!(row(BLAUWE).funded, None);
        assert_eq!(row(BLAUWE).term_end, None);
        assert_eq!(row(ENTERTAINMENT).status, ClusterStatus::Founding);
        // The three clusters the Green Paper names all end in 2026.
        let ends_2026 = t.rows.iter().filter(|r| r.term_end == Some(2026)).count();
        assert_eq!(ends_2026, 3);
    }

    #[test]
    fn quadrants_split_at_three() {
        assert_eq!(Quadrant::of(3, 3), Quadrant::DesirableFeasible);
        assert_eq!(Quadrant::of(5, 2), Quadrant::DesirableHard);
        assert_eq!(Quadrant::of(2, 3), Quadrant::FeasibleUndesirable);
        assert_eq!(Quadrant::of(2, 2), Quadrant::UndesirableHard);
        let points = desirability_feasibility(&recommended());
        let ids: Vec<AssignmentId> = points.iter().map(|p| p.assignment).collect();
        assert_eq!(ids, [1, 2, 3, 4].map(AssignmentId::from_u128));
        let first = &points[0];
        assert_eq!((first.cluster, first.scenario), (CATALISTI, S3));
        assert_eq!(first.cluster_name, "Catalisti");
        assert_eq!(first.quadrant.dutch(), "wenselijk én haalbaar");
        assert_eq!(points[1].quadrant, Quadrant::DesirableHard);
        assert_eq!(points[2].quadrant, Quadrant::FeasibleUndesirable);
        assert_eq!(points[3].quadrant, Quadrant::UndesirableHard);
        assert_eq!(quadrant_counts(&points), [1, 1, 1, 1]);
    }

    pub(crate) fn with_advice() -> Workspace {
        let mut ws = recommended();
        let stance = |scenario, stance, quote: &str| ScenarioStance {
            scenario,
            stance,
            quote: quote.to_owned(),
            ..ScenarioStance::default()
        };
        for body in &mut ws.bodies {
            if body.id == SERV {
                body.advice.stances = vec![
                    stance(S1, Stance::Rejects, "Niet <wenselijk> & \"riskant\""),
                    stance(S3, Stance::Supports, "Steun"),
                ];
            } else if body.id == VARIO {
                body.advice.stances = vec![
                    stance(S1, Stance::Rejects, ""),
                    stance(S2, Stance::Conditional, "Mits sturing"),
                    stance(S3, Stance::Supports, ""),
                ];
            }
        }
        ws
    }

    #[test]
    fn consensus_counts_stances_per_scenario() {
        // Only the two bodies whose advice came in: the others are "nog geen advies",
        // not "niet vermeld".
        let c = advice_consensus(&with_advice());
        assert_eq!(c.bodies.len(), 2);
        assert_eq!(c.scenarios.len(), 4);
        assert_eq!(c.cell(0, 0).unwrap().stance, Stance::Rejects);
        assert_eq!(c.cell(0, 1).unwrap().stance, Stance::NotStated);
        assert_eq!(c.cell(1, 1).unwrap().quote, "Mits sturing");
        assert_eq!(c.count(0, Stance::Rejects), 2);
        assert_eq!(c.count(0, Stance::NotStated), 0);
        assert_eq!(c.count(2, Stance::Supports), 2);
        assert_eq!(c.count(1, Stance::Conditional), 1);
        assert_eq!(c.count(3, Stance::NotStated), 2);
        for column in 0..4 {
            assert_eq!(c.counts[column].iter().sum::<usize>(), 2);
        }
    }
}
