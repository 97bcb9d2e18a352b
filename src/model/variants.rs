//! Recommendation variants: the edits that make, rename, remove and choose them, and
//! the comparison of their figures.
//!
//! A variant is a whole set of assignments (see [`Workspace::for_variant`]). The
//! comparison is computed here once, from each variant's projection with the same
//! functions every other reader uses (`funding::budget_per_year`, `rules::validate`),
//! so the *Varianten* view, the annex of the communication, the spreadsheet and the
//! tests show one set of figures.

use std::collections::{BTreeSet, HashMap};

use super::edit::{Edit, Record, RecordKey};
use super::funding::{BudgetPerYear, budget_per_year};
use super::ids::*;
use super::money::Euro;
use super::rules::{Consequence, removal};
use super::warning::Warning;
use super::workspace::*;

/// Why a variant edit cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VariantError {
    #[error("de laatste variant kan niet verwijderd worden")]
    Last,
    #[error("deze variant bestaat niet (meer)")]
    Missing,
}

/// The edit that adds a copy of variant `from` named `name`, and the copy's id. The
/// copy's assignments are new records (new ids) tagged with the copy. A workspace
/// that listed no variants first gets its implicit one as a record of its own (with
/// the workspace's overall recommendation), so both can be told apart from now on.
pub fn copy(ws: &Workspace, from: VariantId, name: &str) -> (Edit, VariantId) {
    let mut edits = Vec::new();
    let list = ws.variant_list();
    let source = list
        .iter()
        .find(|v| v.id == from)
        .or_else(|| list.iter().find(|v| v.id == ws.chosen_variant()))
        .cloned()
        .unwrap_or_default();
    if ws.variants.is_empty() {
        edits.push(Edit::append(Variant {
            id: VariantId::random(),
            ..source.clone()
        }));
    }
    let copy = Variant {
        id: VariantId::random(),
        name: name.to_owned(),
        recommendation: source.recommendation.clone(),
    };
    let id = copy.id;
    edits.push(Edit::append(copy));
    // Without listed variants every assignment is the implicit variant's.
    let own = |a: &&Assignment| ws.variants.is_empty() || ws.variant_of(a) == source.id;
    for a in ws.assignments.iter().filter(own) {
        edits.push(Edit::append(Assignment {
            id: AssignmentId::random(),
            variant: Some(id),
            ..a.clone()
        }));
    }
    (Edit::Batch(edits), id)
}

/// The edit that renames a variant. The implicit variant becomes a record of its own.
pub fn rename(ws: &Workspace, id: VariantId, name: &str) -> Result<Edit, VariantError> {
    let variant = find(ws, id)?;
    let renamed = Variant {
        name: name.to_owned(),
        ..variant
    };
    Ok(if ws.variants.is_empty() {
        Edit::append(Variant {
            id: VariantId::random(),
            ..renamed
        })
    } else {
        Edit::put(renamed)
    })
}

/// The edit that sets a variant's overall recommendation: the workspace's own text
/// for the implicit variant.
pub fn set_recommendation(ws: &Workspace, id: VariantId, text: &str) -> Result<Edit, VariantError> {
    let variant = find(ws, id)?;
    Ok(if ws.variants.is_empty() {
        let mut meta = ws.meta.clone();
        meta.overall_recommendation = text.to_owned();
        Edit::SetMeta(Box::new(meta))
    } else {
        Edit::put(Variant {
            recommendation: text.to_owned(),
            ..variant
        })
    })
}

/// The edit that makes a variant the recommendation the communication presents.
pub fn choose(ws: &Workspace, id: VariantId) -> Result<Edit, VariantError> {
    find(ws, id)?;
    let mut meta = ws.meta.clone();
    meta.chosen_variant = (!ws.variants.is_empty()).then_some(id);
    Ok(Edit::SetMeta(Box::new(meta)))
}

/// The edit that removes a variant with its assignments (one undo step), and what it
/// takes along. The last variant cannot be removed.
pub fn remove(
    ws: &Workspace,
    id: VariantId,
) -> Result<(Edit, Vec<(Consequence, usize)>), VariantError> {
    find(ws, id)?;
    if ws.variants.len() < 2 {
        return Err(VariantError::Last);
    }
    Ok(removal(ws, RecordKey::Variant(id)))
}

fn find(ws: &Workspace, id: VariantId) -> Result<Variant, VariantError> {
    ws.variant_list()
        .iter()
        .find(|v| v.id == id)
        .cloned()
        .ok_or(VariantError::Missing)
}

/// An edit made on the projection [`Workspace::for_variant`] (as the window's views
/// make them), as it must be applied to the whole workspace `ws`: a change of the
/// projected `meta.overall_recommendation` is the shown variant's text, and the
/// projection's `chosen_variant` (the shown one) is not a choice.
pub fn unproject(ws: &Workspace, shown: VariantId, edit: Edit) -> Edit {
    match edit {
        Edit::SetMeta(mut meta) if !ws.variants.is_empty() => {
            let text = std::mem::replace(
                &mut meta.overall_recommendation,
                ws.meta.overall_recommendation.clone(),
            );
            meta.chosen_variant = ws.meta.chosen_variant;
            let own = ws.variants.iter().find(|v| v.id == shown);
            match own {
                Some(v) if v.recommendation != text => Edit::Batch(vec![
                    Edit::SetMeta(meta),
                    Edit::Put(Record::Variant(Variant {
                        recommendation: text,
                        ..v.clone()
                    })),
                ]),
                _ => Edit::SetMeta(meta),
            }
        }
        Edit::Batch(edits) => {
            Edit::Batch(edits.into_iter().map(|e| unproject(ws, shown, e)).collect())
        }
        other => other,
    }
}

/// How one advisory body's stances line up with a variant's choices: of the
/// variant's cluster–scenario pairs, how many lie under a scenario the body supports,
/// supports on conditions, or rejects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyAlignment {
    pub body: BodyId,
    pub supports: usize,
    pub conditional: usize,
    pub rejects: usize,
}

/// The figures of one variant, all computed from its projection alone.
#[derive(Clone, Debug, PartialEq)]
pub struct VariantFigures {
    pub id: VariantId,
    pub name: String,
    /// Whether the communication presents it.
    pub chosen: bool,
    /// Its budget per year, exactly as `funding::budget_per_year` computes it for the
    /// variant's projection.
    pub budget: BudgetPerYear,
    /// The budget per year in whole euros, aligned with [`Comparison::years`] (€ 0 in
    /// a year outside the variant's own span).
    pub per_year: Vec<Euro>,
    /// The sum of `per_year` over the comparison's `period`, whole euros.
    pub total: Euro,
    /// Incompatible scenario combinations (`Warning::IncompatibleCombination`).
    pub incompatible: usize,
    /// All validation warnings of the projection.
    pub warnings: usize,
    /// Per scenario in workspace order: how many distinct clusters the variant places
    /// under it (in any role).
    pub clusters_per_scenario: Vec<(ScenarioId, usize)>,
    /// Per advisory body in workspace order.
    pub bodies: Vec<BodyAlignment>,
    /// Mean of the scores given (1–5); `None` when none is given.
    pub desirability: Option<f64>,
    pub feasibility: Option<f64>,
}

/// A difference in whole euros as it is written in a comparison: "+€ 1.300.000",
/// "−€ 650.000" (a real minus sign), "€ 0". `money` writes an amount of zero or more.
pub fn signed_difference(diff: i64, money: impl Fn(Euro) -> String) -> String {
    let amount = money(Euro(diff.saturating_abs()));
    match diff.signum() {
        1 => format!("+{amount}"),
        -1 => format!("\u{2212}{amount}"),
        _ => amount,
    }
}

/// A label with the comparison's period: "Totaal 2026–2030", or "Totaal 2026" for one
/// year.
pub fn period_label(label: &str, first: i32, last: i32) -> String {
    if first == last {
        format!("{label} {first}")
    } else {
        format!("{label} {first}\u{2013}{last}")
    }
}

/// Every variant's figures side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The union of the variants' budget years (the chart's span, past years too).
    pub years: Vec<i32>,
    /// The years the totals cover, first and last inclusive: from the workspace's
    /// reference year (`funding::reference_date`, the year the document speaks of) to
    /// the last year any variant funds. Past years are left out because they are the
    /// same in every variant and would only inflate both sides of the comparison.
    /// `None` when no variant funds anything from the reference year on.
    pub period: Option<(i32, i32)>,
    /// Today's funding over the period: `funded_today × funding_cap × years`;
    /// `None` without a period or when it does not fit in whole euros.
    pub today_over_period: Option<Euro>,
    pub variants: Vec<VariantFigures>,
}

/// Computes the comparison. `current_year` decides which terms have passed.
pub fn compare(ws: &Workspace, current_year: i32) -> Comparison {
    let chosen = ws.chosen_variant();
    let mut variants: Vec<VariantFigures> = ws
        .variant_list()
        .iter()
        .map(|v| figures(&ws.for_variant(v.id), v, v.id == chosen, current_year))
        .collect();
    let years: Vec<i32> = variants
        .iter()
        .flat_map(|f| f.budget.years.iter().copied())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    for f in &mut variants {
        f.per_year = years
            .iter()
            .map(|year| {
                (f.budget.years.iter().position(|y| y == year))
                    .and_then(|i| f.budget.totals.get(i).copied())
                    .unwrap_or(Euro(0))
            })
            .collect();
    }
    let from = i32::from(super::funding::reference_date(ws).year());
    let funded = |i: &usize| {
        variants
            .iter()
            .any(|f| f.per_year.get(*i) != Some(&Euro(0)))
    };
    let last = (0..years.len())
        .filter(|i| years.get(*i).is_some_and(|y| *y >= from))
        .rfind(funded)
        .and_then(|i| years.get(i).copied());
    let period = last.map(|last| (from, last));
    let within = |year: i32| period.is_some_and(|(first, last)| (first..=last).contains(&year));
    for f in &mut variants {
        f.total = (years.iter().zip(&f.per_year))
            .filter(|(year, _)| within(**year))
            .fold(Euro(0), |sum, (_, a)| sum.saturating_add(*a));
    }
    let today_over_period = period.and_then(|(first, last)| {
        let span = i64::from(last.checked_sub(first)?.checked_add(1)?);
        super::funding::todays_funding(&ws.meta)
            .and_then(|t| t.0.checked_mul(span))
            .map(Euro)
    });
    Comparison {
        years,
        period,
        today_over_period,
        variants,
    }
}

fn figures(shown: &Workspace, v: &Variant, chosen: bool, current_year: i32) -> VariantFigures {
    let warnings = super::rules::validate(shown, current_year);
    let mut per_scenario: HashMap<ScenarioId, BTreeSet<ClusterId>> = HashMap::new();
    let mut pairs = BTreeSet::new();
    for a in &shown.assignments {
        per_scenario
            .entry(a.scenario)
            .or_default()
            .insert(a.cluster);
        pairs.insert((a.cluster, a.scenario));
    }
    let bodies = shown
        .bodies
        .iter()
        .map(|b| {
            let mut line = BodyAlignment {
                body: b.id,
                supports: 0,
                conditional: 0,
                rejects: 0,
            };
            for (_, scenario) in &pairs {
                match b.advice.stance_on(*scenario) {
                    Stance::Supports => line.supports += 1,
                    Stance::Conditional => line.conditional += 1,
                    Stance::Rejects => line.rejects += 1,
                    Stance::Neutral | Stance::NotStated => {}
                }
            }
            line
        })
        .collect();
    VariantFigures {
        id: v.id,
        name: v.name.clone(),
        chosen,
        budget: budget_per_year(shown),
        per_year: Vec::new(),
        total: Euro(0),
        incompatible: warnings
            .iter()
            .filter(|w| matches!(w, Warning::IncompatibleCombination { .. }))
            .count(),
        warnings: warnings.len(),
        clusters_per_scenario: shown
            .scenarios
            .iter()
            .map(|s| (s.id, per_scenario.get(&s.id).map_or(0, BTreeSet::len)))
            .collect(),
        bodies,
        desirability: mean(shown.assignments.iter().filter_map(|a| a.desirability)),
        feasibility: mean(shown.assignments.iter().filter_map(|a| a.feasibility)),
    }
}

fn mean(scores: impl Iterator<Item = u8>) -> Option<f64> {
    let (sum, count) = scores.fold((0u32, 0u32), |(s, c), x| (s + u32::from(x), c + 1));
    (count > 0).then(|| f64::from(sum) / f64::from(count))
}

/// One cluster's place in a variant: its scenarios with their roles, in workspace
/// order of the scenarios.
pub type Placement = Vec<(ScenarioId, Role)>;

/// A cluster that two variants place differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClusterDifference {
    pub cluster: ClusterId,
    pub first: Placement,
    pub second: Placement,
    /// Whether the yearly budgets differ (amount or years), placements aside.
    pub budget_differs: bool,
}

/// The clusters, in workspace order, that variants `a` and `b` place under other
/// scenarios or roles, or fund otherwise.
pub fn differences(ws: &Workspace, a: VariantId, b: VariantId) -> Vec<ClusterDifference> {
    let (first, second) = (ws.for_variant(a), ws.for_variant(b));
    let place = |shown: &Workspace, cluster: ClusterId| -> (Placement, Vec<Option<YearlyBudget>>) {
        let mut placement = Vec::new();
        let mut budgets = Vec::new();
        for s in &shown.scenarios {
            for x in shown
                .assignments
                .iter()
                .filter(|x| x.cluster == cluster && x.scenario == s.id)
            {
                placement.push((s.id, x.role));
                budgets.push(x.budget);
            }
        }
        (placement, budgets)
    };
    ws.clusters
        .iter()
        .filter_map(|c| {
            let (p1, b1) = place(&first, c.id);
            let (p2, b2) = place(&second, c.id);
            // Only budgets that are set count: a cluster under no scenario and one
            // under a scenario without a budget do not differ in budget.
            let set = |b: &[Option<YearlyBudget>]| -> Vec<YearlyBudget> {
                b.iter().flatten().copied().collect()
            };
            let budget_differs = set(&b1) != set(&b2);
            (p1 != p2 || budget_differs).then_some(ClusterDifference {
                cluster: c.id,
                budget_differs,
                first: p1,
                second: p2,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::apply;

    #[test]
    fn a_difference_has_its_sign_before_the_euro_sign_and_a_real_minus() {
        let money = |e: Euro| e.flemish();
        assert_eq!(signed_difference(1_300_000, money), "+€ 1.300.000");
        assert_eq!(signed_difference(-650_000, money), "\u{2212}€ 650.000");
        assert_eq!(signed_difference(0, money), "€ 0");
        assert_eq!(
            signed_difference(i64::MIN, money),
            format!("\u{2212}{}", Euro(i64::MAX).flemish())
        );
    }

    #[test]
    fn a_cluster_without_budgets_in_both_differs_in_placement_only() {
        let (mut ws, first, copy) = two_variants();
        // The copy drops its assignment: the cluster is under no scenario there.
        let gone = ws
            .assignments
            .iter()
            .find(|a| ws.variant_of(a) == copy)
            .map(|a| a.id);
        ws.assignments.retain(|a| Some(a.id) != gone);
        let d = differences(&ws, first, copy);
        assert_eq!(d.len(), 1);
        assert!(!d[0].budget_differs, "no budget on either side");
        assert!(d[0].second.is_empty());
        assert_eq!(period_label("Totaal", 2026, 2026), "Totaal 2026");
        assert_eq!(
            period_label("Totaal", 2026, 2030),
            "Totaal 2026\u{2013}2030"
        );
    }

    #[test]
    fn totals_cover_the_reference_year_to_the_last_funded_year() {
        let (mut ws, _, _) = two_variants();
        ws.meta.date = Some(jiff::civil::date(2027, 3, 1));
        ws.meta.funded_today = 1;
        ws.meta.funding_cap = Euro(100);
        for a in &mut ws.assignments {
            a.budget = Some(YearlyBudget {
                amount: Euro(10),
                first_year: 2025,
                last_year: 2029,
            });
        }
        let c = compare(&ws, 2027);
        assert_eq!(c.period, Some((2027, 2029)));
        // Three years of 10 per assignment, not the five the budget runs.
        for f in &c.variants {
            let own = ws.for_variant(f.id).assignments.len() as i64;
            assert_eq!(f.total, Euro(30 * own), "{}", f.name);
        }
        assert_eq!(c.today_over_period, Some(Euro(300)));
    }

    fn two_variants() -> (Workspace, VariantId, VariantId) {
        let mut ws = Workspace::empty();
        ws.clusters.push(Cluster::default());
        ws.scenarios.push(Scenario::default());
        let a = ws.new_assignment(ws.clusters[0].id, ws.scenarios[0].id);
        ws.assignments.push(a);
        let (edit, copy) = super::copy(&ws, ws.chosen_variant(), "B");
        apply(&mut ws, edit).unwrap_or_else(|e| panic!("{e}"));
        let first = ws.first_variant();
        (ws, first, copy)
    }

    /// An edit made on a projection changes the shown variant's text, never the
    /// choice or the workspace's own text.
    #[test]
    fn a_projected_meta_edit_goes_to_the_shown_variant() {
        let (mut ws, first, copy) = two_variants();
        let shown = ws.for_variant(copy).into_owned();
        assert_eq!(shown.meta.chosen_variant, Some(copy));
        let mut meta = shown.meta.clone();
        meta.overall_recommendation = "Alleen B".into();
        meta.title = "Nieuwe titel".into();
        let edit = unproject(&ws, copy, Edit::SetMeta(Box::new(meta)));
        apply(&mut ws, edit).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ws.meta.title, "Nieuwe titel");
        assert_eq!(ws.meta.chosen_variant, None, "not chosen by being shown");
        assert_eq!(ws.meta.overall_recommendation, "");
        assert_eq!(ws.chosen_variant(), first);
        assert_eq!(ws.for_variant(copy).meta.overall_recommendation, "Alleen B");
        assert_eq!(ws.for_variant(first).meta.overall_recommendation, "");
    }

    /// An assignment whose variant a merge dropped counts for the first variant, and
    /// validation says so.
    #[test]
    fn an_assignment_of_a_missing_variant_counts_for_the_first() {
        let (mut ws, first, copy) = two_variants();
        let gone = VariantId::random();
        if let Some(a) = ws.assignments.iter_mut().find(|a| a.variant == Some(copy)) {
            a.variant = Some(gone);
        }
        assert_eq!(ws.for_variant(first).assignments.len(), 2);
        assert!(ws.for_variant(copy).assignments.is_empty());
        let warnings = crate::model::validate(&ws.for_variant(first), 2026);
        assert!(warnings.iter().any(|w| matches!(
            w,
            Warning::MissingReference {
                field: "variant",
                ..
            }
        )));
    }

    /// Removing the chosen variant makes the first the recommendation again; an
    /// unknown id is refused.
    #[test]
    fn removing_the_chosen_variant_falls_back_to_the_first() {
        let (mut ws, first, copy) = two_variants();
        let chosen = choose(&ws, copy).unwrap_or_else(|e| panic!("{e}"));
        apply(&mut ws, chosen).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ws.chosen_variant(), copy);
        // Removing the other one leaves the recommendation where it is ...
        let (_, said) = remove(&ws, first).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            !said
                .iter()
                .any(|(c, _)| *c == Consequence::RecommendationPasses)
        );
        // ... removing the chosen one says the recommendation moves.
        let (edit, said) = remove(&ws, copy).unwrap_or_else(|e| panic!("{e}"));
        assert!(said.contains(&(Consequence::RecommendationPasses, 1)));
        apply(&mut ws, edit).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ws.chosen_variant(), first);
        assert_eq!(ws.meta.chosen_variant, None);
        assert_eq!(ws.assignments.len(), 1);
        assert_eq!(
            remove(&ws, VariantId::random()).err(),
            Some(VariantError::Missing)
        );
        assert_eq!(remove(&ws, first).err(), Some(VariantError::Last));
    }
}
