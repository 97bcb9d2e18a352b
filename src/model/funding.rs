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
//! A cluster without a start year or without a cap of its own (the Green Paper does not
//! give the start years of De Blauwe Cluster, Flanders'FOOD and MEDVIA) has no known
//! current funding: only its assignment budgets are drawn, and it is listed in
//! [`BudgetPerYear::unknown_current_funding`] so the chart can say so rather than invent.
//! The reference line is `funded_today × funding_cap` (6 × € 650.000 in the Green Paper).

use std::collections::HashMap;

use super::ids::ClusterId;
use super::money::Euro;
use super::records::{Assignment, Cluster};
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
pub const PLAUSIBLE_YEARLY_AMOUNT: Euro = Euro(1_000_000_000);

/// Above this the number of clusters funded today is certainly a typing error.
pub const PLAUSIBLE_FUNDED_CLUSTERS: u32 = 1_000;

/// What the policy costs per year today, in whole euros: `funded_today × funding_cap`.
/// `None` when that product does not fit in whole euros (`i64`): there is no figure
/// to show, and the caller says so.
pub fn todays_funding(meta: &Metadata) -> Option<Euro> {
    meta.funding_cap
        .amount()
        .checked_mul(i64::from(meta.funded_today))
        .map(Euro)
}

/// Why the metadata's funding figures cannot be right, if they cannot: a negative or
/// implausibly large cap, an implausible number of funded clusters, or a product that
/// does not fit. Each reason comes with the field it concerns.
pub fn implausible_funding(meta: &Metadata) -> Vec<(&'static str, super::warning::Problem)> {
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
pub fn implausible_amount(amount: Euro) -> Option<super::warning::Problem> {
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
pub const MAX_EXTRA_YEARS: i32 = 25;

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
/// One cluster's funding per year, aligned with [`BudgetPerYear::years`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClusterBudget {
    pub cluster: ClusterId,
    pub name: String,
    pub amounts: Vec<Euro>,
}
impl ClusterBudget {
    pub fn total(&self) -> Euro {
        self.amounts
            .iter()
            .fold(Euro(0), |sum, a| sum.saturating_add(*a))
    }
}
/// Stacked bars: structural funding per cluster per year, and the reference line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetPerYear {
    pub years: Vec<i32>,
    /// Clusters with funding in at least one year, in workspace order.
    pub clusters: Vec<ClusterBudget>,
    /// The sum over clusters per year (the height of each stack).
    pub totals: Vec<Euro>,
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
    let by_cluster = assignments_by_cluster(ws);
    let mut clusters = Vec::new();
    let mut unknown_current_funding = Vec::new();
    for cluster in &ws.clusters {
        let term = match (funded_years(cluster), cluster.max_yearly_funding) {
            (Some(years), Some(cap)) => Some((years, cap)),
            _ => {
                unknown_current_funding.push(cluster.id);
                None
            }
        };
        let assignments = by_cluster.get(&cluster.id).map_or(&[][..], Vec::as_slice);
        let amounts: Vec<Euro> = years
            .iter()
            .map(|&year| match term {
                Some(((first, last), cap)) if (first..=last).contains(&year) => cap,
                _ => assignments
                    .iter()
                    .filter_map(|a| a.budget)
                    .filter(|b| b.covers(year))
                    .fold(Euro(0), |sum, b| sum.saturating_add(b.amount)),
            })
            .collect();
        if amounts.iter().any(|a| *a != Euro(0)) {
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
                .filter_map(|c| c.amounts.get(i))
                .fold(Euro(0), |sum, a| sum.saturating_add(*a))
        })
        .collect();
    BudgetPerYear {
        years,
        clusters,
        totals,
        reference: todays_funding(&ws.meta),
        unknown_current_funding,
    }
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
}
