//! Today's funding of the cluster policy, computed once for every reader.
//!
//! The warnings, the charts and the exported document all state what the policy costs
//! today (`funded_today × funding_cap`, 6 × € 650.000 = € 3.900.000 in the Green Paper).
//! A file can hold numbers whose product does not fit in whole euros (a typo, a pasted
//! account number); then there is no honest figure to print, and every reader says
//! so instead of showing a saturated product as if it were arithmetic.
//!
//! # Budget per year under the current recommendation
//!
//! A cluster's structural funding in a year is:
//!
//! - during its current term — from `start_year` to the end of the ten-year limit
//!   (`term_end_year`, or `start_year + 9` when that is empty) — its cap
//!   (`max_yearly_funding`): that is how the spearhead clusters have been funded since
//!   2017. Assignment budgets that overlap these years are not added on top: they
//!   describe what comes after the term, and adding them would count a year twice.
//! - outside that term, the sum of its assignments' yearly budgets that cover the year
//!   (every assignment, primary and complementary: together they are the recommendation).
//!
//! What is not known is never drawn or summed as zero:
//!
//! - A cluster that runs today (status active, with a cap) but has no start year (the
//!   Green Paper does not give the start years of De Blauwe Cluster, Flanders'FOOD and
//!   MEDVIA) is funded at its cap in the reference year ([`reference_date`]) and up to
//!   its recorded term end; before the reference year, and after it while no term end
//!   is known, its funding is unknown (`None`) unless an assignment budget covers the
//!   year. So every cluster funded today is in today's bar.
//! - A cluster placed under a *funded scenario* (one where at least one assignment has
//!   a yearly budget) without a budget of its own has "budget nog niet bepaald" after
//!   its term (or after the reference year): `None`, not € 0, for those years. Totals
//!   leave such clusters out and say how many they cover ([`BudgetPerYear::unknown`]).
//!
//! Clusters without a start year or cap are also listed in
//! [`BudgetPerYear::unknown_current_funding`] so the chart can name them.
//! The reference line is `funded_today × funding_cap` (6 × € 650.000 in the Green Paper).

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;

use super::ids::{ClusterId, ScenarioId};
use super::money::Euro;
use super::records::{Assignment, Cluster, ClusterStatus};
use super::workspace::{Metadata, Workspace};

/// The assignments of every cluster, in workspace order: one pass instead of one scan
/// of all assignments per cluster, which made validation quadratic.
pub fn assignments_by_cluster(ws: &Workspace) -> HashMap<ClusterId, Vec<&Assignment>> {
    let mut map: HashMap<ClusterId, Vec<&Assignment>> = HashMap::new();
    for a in &ws.assignments {
        map.entry(a.cluster).or_default().push(a);
    }
    map
}

/// Above this a yearly amount for one cluster is certainly a typing error: the whole
/// Flemish innovation budget is a few hundred million euros a year.
pub(crate) const PLAUSIBLE_YEARLY_AMOUNT: Euro = Euro(1_000_000_000);

/// Above this the number of clusters funded today is certainly a typing error.
pub(crate) const PLAUSIBLE_FUNDED_CLUSTERS: u32 = 1_000;

/// What the policy costs per year today, in whole euros: `funded_today × funding_cap`.
/// `None` when that product does not fit in whole euros (`i64`): there is no figure
/// to show, and the caller says so.
pub(crate) fn todays_funding(meta: &Metadata) -> Option<Euro> {
    meta.funding_cap
        .amount()
        .checked_mul(i64::from(meta.funded_today))
        .map(Euro)
}

/// Why the metadata's funding figures cannot be right, if they cannot: a negative or
/// implausibly large cap, an implausible number of funded clusters, or a product that
/// does not fit. Each reason comes with the field it concerns.
pub(crate) fn implausible_funding(meta: &Metadata) -> Vec<(&'static str, super::warning::Problem)> {
    use super::warning::Problem;
    let mut reasons = Vec::new();
    if let Some(problem) = implausible_amount(meta.funding_cap) {
        reasons.push(("funding_cap", problem));
    }
    if meta.funded_today > PLAUSIBLE_FUNDED_CLUSTERS {
        reasons.push((
            "funded_today",
            Problem::CountTooLarge {
                count: meta.funded_today,
                limit: PLAUSIBLE_FUNDED_CLUSTERS,
            },
        ));
    }
    if todays_funding(meta).is_none() {
        reasons.push(("funded_today", Problem::ProductTooLarge));
    }
    reasons
}

/// Why a yearly amount cannot be right (negative, or implausibly large), if so.
pub(crate) fn implausible_amount(amount: Euro) -> Option<super::warning::Problem> {
    if amount.amount() < 0 {
        Some(super::warning::Problem::NegativeAmount { amount })
    } else if amount > PLAUSIBLE_YEARLY_AMOUNT {
        Some(super::warning::Problem::AmountTooLarge {
            amount,
            limit: PLAUSIBLE_YEARLY_AMOUNT,
        })
    } else {
        None
    }
}

/// The years the budget chart and the timeline span.
pub const FIRST_YEAR: i32 = 2017;
pub const LAST_YEAR: i32 = 2035;

/// How far past [`LAST_YEAR`] budgets may widen the span.
pub(crate) const MAX_EXTRA_YEARS: i32 = 25;

/// The length of the term AGVV article 27 allows, in years.
pub const TERM_YEARS: i32 = 10;
/// The years of a cluster's current term: `start_year` to `term_end_year`, or to the end
/// of the ten-year limit when no end is filled in. `None` without a start year.
pub fn funded_years(cluster: &Cluster) -> Option<(i32, i32)> {
    let start = cluster.start_year?;
    Some((start, term_end(cluster).unwrap_or(start)))
}
/// The last year of the ten-year limit: the recorded end, else start + 9.
pub fn term_end(cluster: &Cluster) -> Option<i32> {
    cluster
        .term_end_year
        .or_else(|| cluster.start_year.map(|s| s.saturating_add(TERM_YEARS - 1)))
}
/// The date the figures speak of when the workspace gives no other: the document
/// date, else the latest date an advice came in, else 1 January 2026. Never the
/// clock, so the same workspace gives the same figures and bytes. Its year is the
/// year of "today's funding" in the budget chart and table.
pub(crate) fn reference_date(ws: &Workspace) -> Date {
    ws.meta
        .date
        .or_else(|| ws.bodies.iter().filter_map(|b| b.advice.received).max())
        .unwrap_or(jiff::civil::date(2026, 1, 1))
}

/// One cluster's funding per year in whole euros, aligned with [`BudgetPerYear::years`];
/// `None` where it is not known (see the module documentation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClusterBudget {
    pub cluster: ClusterId,
    pub name: String,
    pub amounts: Vec<Option<Euro>>,
}
impl ClusterBudget {
    /// The sum of the known amounts.
    pub fn total(&self) -> Euro {
        self.amounts
            .iter()
            .flatten()
            .fold(Euro(0), |sum, a| sum.saturating_add(*a))
    }
    /// The amount in year slot `index`: `None` when unknown or out of range.
    pub fn at(&self, index: usize) -> Option<Euro> {
        self.amounts.get(index).copied().flatten()
    }
}
/// Stacked bars: structural funding per cluster per year, and the reference line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetPerYear {
    pub years: Vec<i32>,
    /// Clusters with funding, or unknown funding, in at least one year, in workspace
    /// order.
    pub clusters: Vec<ClusterBudget>,
    /// The sum of the known amounts per year (the height of each stack).
    pub totals: Vec<Euro>,
    /// Per year, how many clusters have an unknown amount (left out of the total).
    pub unknown: Vec<usize>,
    /// Per year, how many clusters the total covers (known amounts, zero included).
    pub covered: Vec<usize>,
    /// The year of today's funding ([`reference_date`]).
    pub today: i32,
    /// `funded_today × funding_cap`: what the policy costs today per year; `None` when
    /// the file's figures give no computable product (see [`crate::model::funding`]).
    pub reference: Option<Euro>,
    /// Clusters whose current funding is not known (no start year or no cap), so only
    /// their assignment budgets appear.
    pub unknown_current_funding: Vec<ClusterId>,
}
/// The funding per cluster per year from [`FIRST_YEAR`] to [`LAST_YEAR`]; see the
/// module documentation for what counts.
pub fn budget_per_year(ws: &Workspace) -> BudgetPerYear {
    // Budgets that run past the usual span widen it, up to a bound: a typo like
    // 2027–9999 must not make a table of thousands of years.
    let last = ws
        .assignments
        .iter()
        .filter_map(|a| a.budget)
        .map(|b| b.last_year)
        .filter(|y| *y > LAST_YEAR)
        .max()
        .map_or(LAST_YEAR, |y| y.min(LAST_YEAR + MAX_EXTRA_YEARS));
    let years: Vec<i32> = (FIRST_YEAR..=last).collect();
    let today = i32::from(reference_date(ws).year());
    let by_cluster = assignments_by_cluster(ws);
    let funded_scenarios = funded_scenarios(ws);
    let mut clusters = Vec::new();
    let mut unknown_current_funding = Vec::new();
    for cluster in &ws.clusters {
        if funded_years(cluster).is_none() || cluster.max_yearly_funding.is_none() {
            unknown_current_funding.push(cluster.id);
        }
        let assignments = by_cluster.get(&cluster.id).map_or(&[][..], Vec::as_slice);
        let amounts: Vec<Option<Euro>> = years
            .iter()
            .map(|&year| cluster_year(cluster, assignments, &funded_scenarios, today, year))
            .collect();
        if amounts.iter().any(|a| *a != Some(Euro(0))) {
            clusters.push(ClusterBudget {
                cluster: cluster.id,
                name: cluster.name.clone(),
                amounts,
            });
        }
    }
    let totals = (0..years.len())
        .map(|i| {
            clusters
                .iter()
                .filter_map(|c| c.at(i))
                .fold(Euro(0), |sum, a| sum.saturating_add(a))
        })
        .collect();
    let unknown: Vec<usize> = (0..years.len())
        .map(|i| clusters.iter().filter(|c| c.at(i).is_none()).count())
        .collect();
    let covered = unknown
        .iter()
        .map(|u| ws.clusters.len().saturating_sub(*u))
        .collect();
    BudgetPerYear {
        years,
        clusters,
        totals,
        unknown,
        covered,
        today,
        reference: todays_funding(&ws.meta),
        unknown_current_funding,
    }
}

/// Scenarios under which at least one assignment has a yearly budget: placing a
/// cluster there means funding it, so a missing budget is undetermined, not zero.
fn funded_scenarios(ws: &Workspace) -> HashSet<ScenarioId> {
    ws.assignments
        .iter()
        .filter(|a| a.budget.is_some())
        .map(|a| a.scenario)
        .collect()
}

/// One cluster's funding in one year; `None` when it is not known.
fn cluster_year(
    cluster: &Cluster,
    assignments: &[&Assignment],
    funded_scenarios: &HashSet<ScenarioId>,
    today: i32,
    year: i32,
) -> Option<Euro> {
    let cap = cluster.max_yearly_funding;
    let runs_today = cluster.status == ClusterStatus::Active && cap.is_some();
    // The current term: known from the start year, or for a cluster running today
    // without one, from the reference year to its recorded end (if any).
    let (term, term_known) = match funded_years(cluster) {
        Some(years) => (Some(years), true),
        None if runs_today => (Some((today, cluster.term_end_year.unwrap_or(today))), false),
        None => (None, false),
    };
    if let (Some((first, last)), Some(cap)) = (term, cap)
        && (first..=last).contains(&year)
    {
        return Some(cap);
    }
    let budgets: Vec<Euro> = assignments
        .iter()
        .filter_map(|a| a.budget)
        .filter(|b| b.covers(year))
        .map(|b| b.amount)
        .collect();
    if !budgets.is_empty() {
        return Some(budgets.into_iter().fold(Euro(0), Euro::saturating_add));
    }
    if runs_today && !term_known {
        // Before the reference year the funding was not recorded; after it, the term
        // may run on while no end is known.
        let ended = cluster.term_end_year.is_some_and(|end| year > end);
        if !ended {
            return None;
        }
    }
    let after = term.map_or(today, |(_, last)| last.max(today));
    let undetermined = assignments
        .iter()
        .any(|a| a.budget.is_none() && funded_scenarios.contains(&a.scenario));
    if undetermined && year > after {
        return None;
    }
    Some(Euro(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(cap: i64, funded: u32) -> Metadata {
        Metadata {
            funding_cap: Euro(cap),
            funded_today: funded,
            ..Metadata::default()
        }
    }

    #[test]
    fn todays_funding_is_the_product_or_nothing() {
        assert_eq!(todays_funding(&meta(650_000, 6)), Some(Euro(3_900_000)));
        assert_eq!(todays_funding(&meta(i64::MAX, u32::MAX)), None);
        assert_eq!(todays_funding(&meta(i64::MAX, 1)), Some(Euro(i64::MAX)));
        assert!(implausible_funding(&meta(650_000, 6)).is_empty());
    }

    #[test]
    fn impossible_figures_are_named() {
        let reasons = implausible_funding(&meta(i64::MAX, u32::MAX));
        assert_eq!(reasons.len(), 3, "{reasons:?}");
        assert_eq!(
            reasons[2],
            (
                "funded_today",
                super::super::warning::Problem::ProductTooLarge
            )
        );
        assert_eq!(implausible_funding(&meta(-1, 6)).len(), 1);
    }

    fn cluster(id: u128, start: Option<i32>, end: Option<i32>) -> Cluster {
        Cluster {
            id: ClusterId::from_u128(id),
            start_year: start,
            term_end_year: end,
            max_yearly_funding: Some(Euro(650_000)),
            ..Cluster::default()
        }
    }

    fn at(chart: &BudgetPerYear, id: u128, year: i32) -> Option<Euro> {
        let index = chart.years.iter().position(|y| *y == year)?;
        chart
            .clusters
            .iter()
            .find(|c| c.cluster == ClusterId::from_u128(id))
            .map_or(Some(Euro(0)), |c| c.at(index))
    }

    #[test]
    fn unknown_is_not_zero_and_today_counts_every_running_cluster() {
        let mut ws = Workspace::empty();
        ws.meta.date = Some(jiff::civil::date(2026, 5, 31));
        assert_eq!(reference_date(&ws), jiff::civil::date(2026, 5, 31));
        ws.clusters = vec![
            cluster(1, Some(2017), Some(2026)),
            // Running today, start year not given.
            cluster(2, None, None),
            // Running today, start unknown, end recorded.
            cluster(3, None, Some(2028)),
        ];
        let funded = ScenarioId::from_u128(30);
        let other = ScenarioId::from_u128(31);
        ws.assignments = vec![
            Assignment {
                cluster: ClusterId::from_u128(1),
                scenario: funded,
                budget: Some(super::super::records::YearlyBudget {
                    amount: Euro(400_000),
                    first_year: 2027,
                    last_year: 2028,
                }),
                ..Assignment::default()
            },
            // Under the funded scenario without a budget: undetermined after its term.
            Assignment {
                cluster: ClusterId::from_u128(3),
                scenario: funded,
                ..Assignment::default()
            },
            Assignment {
                cluster: ClusterId::from_u128(1),
                scenario: other,
                ..Assignment::default()
            },
        ];
        let chart = budget_per_year(&ws);
        assert_eq!(chart.today, 2026);
        let euro = |a: i64| Some(Euro(a));
        assert_eq!(at(&chart, 2, 2026), euro(650_000), "in today's bar");
        assert_eq!(
            at(&chart, 2, 2020),
            None,
            "before today: not known, not € 0"
        );
        assert_eq!(at(&chart, 2, 2030), None, "no term end: not known");
        assert_eq!(at(&chart, 3, 2028), euro(650_000));
        assert_eq!(at(&chart, 3, 2029), None, "budget nog niet bepaald");
        assert_eq!(at(&chart, 1, 2027), euro(400_000));
        // Cluster 1's unbudgeted assignment is under an unfunded scenario: a real zero.
        assert_eq!(at(&chart, 1, 2029), euro(0));
        let index = |year: i32| chart.years.iter().position(|y| *y == year).unwrap();
        assert_eq!(chart.totals[index(2026)], Euro(3 * 650_000));
        assert_eq!(chart.unknown[index(2026)], 0);
        assert_eq!(chart.totals[index(2029)], Euro(0));
        assert_eq!(chart.unknown[index(2029)], 2);
        assert_eq!(chart.covered[index(2029)], 1);
    }
}
