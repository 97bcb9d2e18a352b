//! Validation and the consequences of removals. Validation only warns: a file with
//! problems still loads, so a person can see and mend them.

use std::collections::{HashMap, HashSet};

use super::edit::{Edit, Record, RecordKey};
pub use super::funding::assignments_by_cluster;
use super::funding::implausible_amount;
use super::ids::*;
use super::money::Euro;
pub use super::warning::{Problem, Warning};
use super::workspace::*;

#[cfg(test)] // Only the unit tests read it.
/// The compatibility rules a cluster's scenario combination breaks.
pub(crate) fn broken_rules(ws: &Workspace, cluster: ClusterId) -> Vec<&CompatibilityRule> {
    let own: Vec<&Assignment> = ws
        .assignments
        .iter()
        .filter(|a| a.cluster == cluster)
        .collect();
    rules_broken_by(ws, &own)
}

/// The rules broken by one cluster's assignments.
fn rules_broken_by<'a>(ws: &'a Workspace, own: &[&Assignment]) -> Vec<&'a CompatibilityRule> {
    if own.len() < 2 {
        return Vec::new();
    }
    let chosen: HashSet<ScenarioId> = own.iter().map(|a| a.scenario).collect();
    ws.rules
        .iter()
        .filter(|r| r.first != r.second && chosen.contains(&r.first) && chosen.contains(&r.second))
        .collect()
}

/// Checks a workspace. `current_year` decides which terms have passed.
pub fn validate(ws: &Workspace, current_year: i32) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let clusters: HashSet<ClusterId> = ws.clusters.iter().map(|c| c.id).collect();
    let scenarios: HashSet<ScenarioId> = ws.scenarios.iter().map(|s| s.id).collect();
    let bodies: HashSet<BodyId> = ws.bodies.iter().map(|b| b.id).collect();
    let by_cluster = assignments_by_cluster(ws);
    let mut scenario_of: HashMap<ScenarioId, &Scenario> = HashMap::new();
    for s in &ws.scenarios {
        scenario_of.entry(s.id).or_insert(s);
    }

    check_unique_ids(ws, &mut warnings);

    for cluster in &ws.clusters {
        let key = RecordKey::Cluster(cluster.id);
        let own = by_cluster.get(&cluster.id).map_or(&[][..], Vec::as_slice);
        for rule in rules_broken_by(ws, own) {
            warnings.push(Warning::IncompatibleCombination {
                cluster: cluster.id,
                rule: rule.id,
            });
        }
        if let Some(first) = own.first()
            && own.iter().all(|a| a.role == Role::Complementary)
        {
            warnings.push(Warning::NoPrimaryRole {
                cluster: cluster.id,
                assignment: first.id,
            });
        }
        if cluster.status == ClusterStatus::Active
            && let Some(end) = super::funding::term_end(cluster)
            && end < current_year
        {
            warnings.push(Warning::TermPassed {
                cluster: cluster.id,
                end_year: end,
            });
        }
        if let (Some(start), Some(end)) = (cluster.start_year, cluster.term_end_year)
            && end < start
        {
            warnings.push(invalid(
                key,
                "term_end_year",
                Problem::EndBeforeStart { start, end },
            ));
        }
        check_budget(ws, cluster, own, &mut warnings);
        for (field, year) in [
            ("start_year", cluster.start_year),
            ("term_end_year", cluster.term_end_year),
        ] {
            if let Some(year) = year.filter(|y| !PLAUSIBLE_YEARS.contains(y)) {
                warnings.push(invalid(key, field, Problem::ImplausibleYear { year }));
            }
        }
        if let Some(cap) = cluster.max_yearly_funding
            && let Some(problem) = implausible_amount(cap)
        {
            warnings.push(invalid(key, "max_yearly_funding", problem));
        }
    }

    for a in &ws.assignments {
        let key = RecordKey::Assignment(a.id);
        if !clusters.contains(&a.cluster) {
            warnings.push(missing(key, "cluster"));
        }
        // Counted for the first variant (`Workspace::variant_of`), but a person
        // should know: a merge kept it after the other copy deleted its variant.
        if let Some(v) = a.variant
            && !ws.variants.iter().any(|x| x.id == v)
        {
            warnings.push(missing(key, "variant"));
        }
        let Some(scenario) = scenario_of.get(&a.scenario) else {
            warnings.push(missing(key, "scenario"));
            continue;
        };
        for option in &a.sub_options {
            if !scenario.sub_options.iter().any(|o| o.id == *option) {
                warnings.push(missing(key, "sub_options"));
            }
        }
        for (field, score) in [
            ("desirability", a.desirability),
            ("feasibility", a.feasibility),
        ] {
            if let Some(score) = score
                && !SCORE_RANGE.contains(&score)
            {
                warnings.push(invalid(key, field, Problem::ScoreOutOfRange { score }));
            }
        }
        if let Some(budget) = a.budget {
            if let Some(problem) = implausible_amount(budget.amount) {
                warnings.push(invalid(key, "budget", problem));
            }
            let (first, last) = (budget.first_year, budget.last_year);
            if [first, last].iter().any(|y| !PLAUSIBLE_YEARS.contains(y)) {
                warnings.push(invalid(
                    key,
                    "budget",
                    Problem::ImplausiblePeriod { first, last },
                ));
            }
            if last < first {
                warnings.push(invalid(key, "budget", Problem::EmptyPeriod { first, last }));
            }
        }
    }

    for arg in &ws.arguments {
        let key = RecordKey::Argument(arg.id);
        if !scenarios.contains(&arg.subject.scenario()) {
            warnings.push(missing(key, "subject"));
        }
        if let Some(cluster) = arg.subject.cluster()
            && !clusters.contains(&cluster)
        {
            warnings.push(missing(key, "subject"));
        }
        if let Source::Body(body) = arg.source
            && !bodies.contains(&body)
        {
            warnings.push(missing(key, "source"));
        }
        if !WEIGHT_RANGE.contains(&arg.weight) {
            warnings.push(invalid(
                key,
                "weight",
                Problem::WeightOutOfRange { weight: arg.weight },
            ));
        }
    }

    for body in &ws.bodies {
        for stance in &body.advice.stances {
            if !scenarios.contains(&stance.scenario) {
                warnings.push(missing(RecordKey::Body(body.id), "stances"));
            } else if stance.stance == Stance::NotStated && !stance.quote.trim().is_empty() {
                let scenario = ws.scenario_label(stance.scenario);
                warnings.push(invalid(
                    RecordKey::Body(body.id),
                    "stance",
                    Problem::QuoteWithoutStance { scenario },
                ));
            }
        }
    }

    for theme in &ws.themes {
        let key = RecordKey::Theme(theme.id);
        if theme.proposed_by.iter().any(|b| !bodies.contains(b)) {
            warnings.push(missing(key, "proposed_by"));
        }
        if let Some(cited) = &theme.citation
            && !bodies.contains(&cited.body)
        {
            warnings.push(missing(key, "citation"));
        }
        if let Some(host) = theme.host_cluster
            && !clusters.contains(&host)
        {
            warnings.push(missing(key, "host_cluster"));
        }
    }

    for rule in &ws.rules {
        if !scenarios.contains(&rule.first) || !scenarios.contains(&rule.second) {
            warnings.push(missing(RecordKey::Rule(rule.id), "first"));
        }
    }

    for (field, problem) in super::funding::implausible_funding(&ws.meta) {
        warnings.push(Warning::InvalidMetadata { field, problem });
    }
    if !ws.meta.document_number.is_empty() && !is_document_number(&ws.meta.document_number) {
        warnings.push(Warning::InvalidMetadata {
            field: "document_number",
            problem: Problem::Malformed {
                text: ws.meta.document_number.clone(),
            },
        });
    }
    warnings
}

/// Years a cluster policy can concern; outside them a year is a typing error.
pub(crate) const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1950..=2200;

/// An argument's weight: 1 (minor) to 3 (decisive).
pub(crate) const WEIGHT_RANGE: std::ops::RangeInclusive<u8> = 1..=3;

fn missing(record: RecordKey, field: &'static str) -> Warning {
    Warning::MissingReference { record, field }
}

fn invalid(record: RecordKey, field: &'static str, problem: Problem) -> Warning {
    Warning::InvalidValue {
        record,
        field,
        problem,
    }
}

fn check_unique_ids(ws: &Workspace, warnings: &mut Vec<Warning>) {
    fn dupes<T, K: std::hash::Hash + Eq + Copy>(
        list: &[T],
        id: impl Fn(&T) -> K,
        key: impl Fn(K) -> RecordKey,
        warnings: &mut Vec<Warning>,
    ) {
        let mut seen = HashSet::new();
        for item in list {
            if !seen.insert(id(item)) {
                warnings.push(invalid(key(id(item)), "id", Problem::DuplicateId));
            }
        }
    }
    dupes(&ws.clusters, |c| c.id, RecordKey::Cluster, warnings);
    dupes(&ws.scenarios, |c| c.id, RecordKey::Scenario, warnings);
    dupes(&ws.assignments, |c| c.id, RecordKey::Assignment, warnings);
    dupes(&ws.arguments, |c| c.id, RecordKey::Argument, warnings);
    dupes(&ws.bodies, |c| c.id, RecordKey::Body, warnings);
    dupes(&ws.themes, |c| c.id, RecordKey::Theme, warnings);
    dupes(&ws.rules, |c| c.id, RecordKey::Rule, warnings);
}

/// The cap that applies to a cluster: its own, else the workspace's.
pub(crate) fn cap_of(ws: &Workspace, cluster: &Cluster) -> Euro {
    cluster.max_yearly_funding.unwrap_or(ws.meta.funding_cap)
}

/// `own` are the cluster's assignments.
fn check_budget(
    ws: &Workspace,
    cluster: &Cluster,
    own: &[&Assignment],
    warnings: &mut Vec<Warning>,
) {
    let cap = cap_of(ws, cluster);
    if cap.amount() <= 0 {
        return;
    }
    let years: Vec<i32> = {
        let mut years: Vec<i32> = own
            .iter()
            .filter_map(|a| a.budget)
            .flat_map(|b| b.first_year..=b.last_year.min(b.first_year.saturating_add(100)))
            .collect();
        years.sort_unstable();
        years.dedup();
        years
    };
    let over: Vec<(i32, Euro)> = years
        .into_iter()
        .map(|y| {
            let sum = own
                .iter()
                .filter_map(|a| a.budget)
                .filter(|b| b.covers(y))
                .fold(Euro(0), |sum, b| sum.saturating_add(b.amount));
            (y, sum)
        })
        .filter(|(_, amount)| *amount > cap)
        .collect();
    if let (Some(first), Some(last)) = (over.first(), over.last()) {
        warnings.push(Warning::BudgetAboveCap {
            cluster: cluster.id,
            years: (first.0, last.0),
            amount: first.1,
            cap,
        });
    }
}

/// Checks the form `VR 2024 1506 MED.0123/1`.
pub(crate) fn is_document_number(text: &str) -> bool {
    let parts: Vec<&str> = text.split(' ').collect();
    let [vr, year, daymonth, med] = parts.as_slice() else {
        return false;
    };
    let digits = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
    let Some(rest) = med.strip_prefix("MED.") else {
        return false;
    };
    let Some((number, version)) = rest.split_once('/') else {
        return false;
    };
    *vr == "VR"
        && digits(year, 4)
        && digits(daymonth, 4)
        && digits(number, 4)
        && !version.is_empty()
        && version.chars().all(|c| c.is_ascii_digit())
}

/// What removing a record takes along, as one batch edit, and what else changes
/// with the number of records it touches, for the confirmation question. Removing a cluster removes its assignments and
/// its arguments; removing a scenario its assignments, arguments, stances and rules;
/// removing a body turns its arguments into own analysis and drops it from themes.
pub fn removal(ws: &Workspace, key: RecordKey) -> (Edit, Vec<(Consequence, usize)>) {
    let mut edits = Vec::new();
    let mut consequences = Vec::new();
    match key {
        RecordKey::Cluster(id) => {
            let assignments: Vec<_> = ws.assignments.iter().filter(|a| a.cluster == id).collect();
            let arguments: Vec<_> = ws
                .arguments
                .iter()
                .filter(|a| a.subject.cluster() == Some(id))
                .collect();
            count(
                &mut consequences,
                Consequence::AssignmentsRemoved,
                assignments.len(),
            );
            count(
                &mut consequences,
                Consequence::ArgumentsRemoved,
                arguments.len(),
            );
            edits.extend(
                assignments
                    .iter()
                    .map(|a| Edit::Remove(RecordKey::Assignment(a.id))),
            );
            edits.extend(
                arguments
                    .iter()
                    .map(|a| Edit::Remove(RecordKey::Argument(a.id))),
            );
            let themes: Vec<_> = ws
                .themes
                .iter()
                .filter(|t| t.host_cluster == Some(id))
                .collect();
            count(&mut consequences, Consequence::ThemesLoseHost, themes.len());
            edits.extend(themes.into_iter().map(|t| {
                Edit::Put(Record::Theme(Theme {
                    host_cluster: None,
                    ..t.clone()
                }))
            }));
        }
        RecordKey::Scenario(id) => {
            let assignments: Vec<_> = ws.assignments.iter().filter(|a| a.scenario == id).collect();
            let arguments: Vec<_> = ws
                .arguments
                .iter()
                .filter(|a| a.subject.scenario() == id)
                .collect();
            let rules: Vec<_> = ws
                .rules
                .iter()
                .filter(|r| r.first == id || r.second == id)
                .collect();
            let bodies: Vec<_> = ws
                .bodies
                .iter()
                .filter(|b| b.advice.stances.iter().any(|s| s.scenario == id))
                .collect();
            count(
                &mut consequences,
                Consequence::AssignmentsRemoved,
                assignments.len(),
            );
            count(
                &mut consequences,
                Consequence::ArgumentsRemoved,
                arguments.len(),
            );
            count(&mut consequences, Consequence::RulesRemoved, rules.len());
            count(&mut consequences, Consequence::StancesRemoved, bodies.len());
            edits.extend(
                assignments
                    .iter()
                    .map(|a| Edit::Remove(RecordKey::Assignment(a.id))),
            );
            edits.extend(
                arguments
                    .iter()
                    .map(|a| Edit::Remove(RecordKey::Argument(a.id))),
            );
            edits.extend(rules.iter().map(|r| Edit::Remove(RecordKey::Rule(r.id))));
            edits.extend(bodies.into_iter().map(|b| {
                let mut body = b.clone();
                body.advice.stances.retain(|s| s.scenario != id);
                Edit::Put(Record::Body(body))
            }));
        }
        RecordKey::Body(id) => {
            let arguments: Vec<_> = ws
                .arguments
                .iter()
                .filter(|a| a.source == Source::Body(id))
                .collect();
            let themes: Vec<_> = ws
                .themes
                .iter()
                .filter(|t| {
                    t.proposed_by.contains(&id) || t.citation.as_ref().is_some_and(|c| c.body == id)
                })
                .collect();
            count(
                &mut consequences,
                Consequence::ArgumentsBecomeOwnAnalysis,
                arguments.len(),
            );
            count(
                &mut consequences,
                Consequence::ThemesLoseProposer,
                themes.len(),
            );
            edits.extend(arguments.into_iter().map(|a| {
                // The citation pointed into the removed body's advice.
                Edit::Put(Record::Argument(Argument {
                    source: Source::OwnAnalysis,
                    citation: Citation::default(),
                    ..a.clone()
                }))
            }));
            edits.extend(themes.into_iter().map(|t| {
                let mut theme = t.clone();
                theme.proposed_by.retain(|b| *b != id);
                if theme.citation.as_ref().is_some_and(|c| c.body == id) {
                    theme.citation = None;
                }
                Edit::Put(Record::Theme(theme))
            }));
        }
        RecordKey::Variant(id) => {
            // Its own assignments go with it; the caller refuses to remove the last
            // variant (`variants::remove`).
            let assignments: Vec<_> = (ws.assignments.iter())
                .filter(|a| ws.variant_of(a) == id)
                .collect();
            count(
                &mut consequences,
                Consequence::AssignmentsRemoved,
                assignments.len(),
            );
            edits.extend(
                assignments
                    .iter()
                    .map(|a| Edit::Remove(RecordKey::Assignment(a.id))),
            );
            if ws.chosen_variant() == id {
                count(&mut consequences, Consequence::RecommendationPasses, 1);
            }
            if ws.meta.chosen_variant == Some(id) {
                let mut meta = ws.meta.clone();
                meta.chosen_variant = None;
                edits.push(Edit::SetMeta(Box::new(meta)));
            }
        }
        RecordKey::Assignment(_)
        | RecordKey::Argument(_)
        | RecordKey::Theme(_)
        | RecordKey::Rule(_)
        | RecordKey::Conflict(_)
        | RecordKey::Document(_) => {}
    }
    edits.push(Edit::Remove(key));
    let edit = if edits.len() == 1 {
        edits.remove(0)
    } else {
        Edit::Batch(edits)
    };
    (edit, consequences)
}

fn count(out: &mut Vec<(Consequence, usize)>, what: Consequence, n: usize) {
    if n > 0 {
        out.push((what, n));
    }
}

/// What else a removal changes, counted with it; worded by
/// `crate::wording::consequence`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Consequence {
    AssignmentsRemoved,
    ArgumentsRemoved,
    /// Themes hosted by a removed cluster lose their host cluster.
    ThemesLoseHost,
    RulesRemoved,
    /// Advisory bodies whose stance on a removed scenario goes.
    StancesRemoved,
    /// Arguments of a removed body become own analysis.
    ArgumentsBecomeOwnAnalysis,
    /// Themes proposed by a removed body lose it as proposer.
    ThemesLoseProposer,
    /// The removed variant was the recommendation; the first variant left becomes it.
    RecommendationPasses,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::apply;

    fn two_scenarios_with_rule() -> (Workspace, ClusterId, ScenarioId, ScenarioId) {
        let mut ws = Workspace::empty();
        ws.meta.funding_cap = Euro(650_000);
        let c = ClusterId::from_u128(1);
        let s1 = ScenarioId::from_u128(11);
        let s3 = ScenarioId::from_u128(13);
        ws.clusters.push(Cluster {
            id: c,
            name: "Catalisti".into(),
            ..Cluster::default()
        });
        for (id, n) in [(s1, 1), (s3, 3)] {
            ws.scenarios.push(Scenario {
                id,
                number: n,
                ..Scenario::default()
            });
        }
        ws.rules.push(CompatibilityRule {
            id: RuleId::from_u128(21),
            first: s1,
            second: s3,
            reason: "zonder structurele financiering versus gefinancierde basisopdracht".into(),
        });
        (ws, c, s1, s3)
    }

    #[test]
    fn incompatible_combination_warns_and_names_the_reason() {
        let (mut ws, c, s1, s3) = two_scenarios_with_rule();
        ws.assignments.push(Assignment {
            cluster: c,
            scenario: s1,
            ..Assignment::default()
        });
        assert!(validate(&ws, 2026).is_empty());
        ws.assignments.push(Assignment {
            cluster: c,
            scenario: s3,
            ..Assignment::default()
        });
        let warnings = validate(&ws, 2026);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(
            warnings[0],
            Warning::IncompatibleCombination {
                cluster: c,
                rule: RuleId::from_u128(21)
            }
        );
    }

    /// Found by a new user: VIL only under a complementary scenario, and no warning.
    #[test]
    fn a_cluster_with_only_complementary_roles_warns() {
        let (mut ws, c, s1, s3) = two_scenarios_with_rule();
        ws.rules.clear();
        let complementary = Assignment {
            id: AssignmentId::from_u128(31),
            cluster: c,
            scenario: s1,
            role: Role::Complementary,
            ..Assignment::default()
        };
        ws.assignments.push(complementary);
        assert_eq!(
            validate(&ws, 2026),
            [Warning::NoPrimaryRole {
                cluster: c,
                assignment: AssignmentId::from_u128(31)
            }]
        );
        let english =
            crate::wording::warning(&ws, &validate(&ws, 2026)[0], crate::wording::Lang::English);
        assert!(english.starts_with("Catalisti: placed only"), "{english}");
        ws.assignments.push(Assignment {
            cluster: c,
            scenario: s3,
            role: Role::Primary,
            ..Assignment::default()
        });
        assert!(validate(&ws, 2026).is_empty());
    }

    #[test]
    fn past_term_budget_above_cap_and_dangling_references_warn() {
        let (mut ws, c, s1, _) = two_scenarios_with_rule();
        ws.clusters[0].term_end_year = Some(2026);
        assert!(validate(&ws, 2026).is_empty());
        assert!(matches!(validate(&ws, 2027)[0], Warning::TermPassed { .. }));
        ws.clusters[0].status = ClusterStatus::Stopped;
        assert!(validate(&ws, 2027).is_empty());

        ws.assignments.push(Assignment {
            cluster: c,
            scenario: s1,
            budget: Some(YearlyBudget {
                amount: Euro(700_000),
                first_year: 2027,
                last_year: 2030,
            }),
            ..Assignment::default()
        });
        let warnings = validate(&ws, 2026);
        assert_eq!(
            warnings[0],
            Warning::BudgetAboveCap {
                cluster: c,
                years: (2027, 2030),
                amount: Euro(700_000),
                cap: Euro(650_000),
            },
            "{warnings:?}"
        );

        ws.arguments.push(Argument {
            subject: Subject::Scenario(ScenarioId::from_u128(404)),
            source: Source::Body(BodyId::from_u128(405)),
            ..Argument::default()
        });
        let missing = validate(&ws, 2026)
            .into_iter()
            .filter(|w| matches!(w, Warning::MissingReference { .. }))
            .count();
        assert_eq!(missing, 2);
    }

    #[test]
    fn document_number_form() {
        assert!(is_document_number("VR 2024 1506 MED.0123/1"));
        assert!(is_document_number("VR 2024 1506 MED.0123/12"));
        assert!(!is_document_number("VR 2024 1506 DOC.0123/1"));
        assert!(!is_document_number("VR 24 1506 MED.0123/1"));
        assert!(!is_document_number("VR 2024 1506 MED.0123/"));
    }

    #[test]
    fn removing_a_cluster_takes_its_assignments_and_arguments_and_undoes_whole() {
        let (mut ws, c, s1, _) = two_scenarios_with_rule();
        ws.assignments.push(Assignment {
            cluster: c,
            scenario: s1,
            ..Assignment::default()
        });
        ws.arguments.push(Argument {
            subject: Subject::ClusterScenario {
                cluster: c,
                scenario: s1,
            },
            ..Argument::default()
        });
        ws.arguments.push(Argument {
            subject: Subject::Scenario(s1),
            ..Argument::default()
        });
        let before = ws.clone();
        let (edit, consequences) = removal(&ws, RecordKey::Cluster(c));
        assert_eq!(
            consequences,
            [
                (Consequence::AssignmentsRemoved, 1),
                (Consequence::ArgumentsRemoved, 1)
            ]
        );
        let inverse = apply(&mut ws, edit).unwrap();
        assert!(ws.clusters.is_empty() && ws.assignments.is_empty());
        assert_eq!(ws.arguments.len(), 1, "the scenario-wide argument stays");
        assert!(validate(&ws, 2026).is_empty());
        apply(&mut ws, inverse).unwrap();
        assert_eq!(ws, before);
    }

    #[test]
    fn a_quote_without_a_stance_is_a_warning_on_the_stance() {
        let (mut ws, _, _, s3) = two_scenarios_with_rule();
        let body = BodyId::from_u128(32);
        let quoted = |stance| AdvisoryBody {
            id: body,
            short_name: "VARIO".into(),
            advice: Advice {
                stances: vec![ScenarioStance {
                    scenario: s3,
                    stance,
                    quote: "VARIO verkiest scenario 3".into(),
                    ..ScenarioStance::default()
                }],
                ..Advice::default()
            },
            ..AdvisoryBody::default()
        };
        ws.bodies.push(quoted(Stance::NotStated));
        let found: Vec<_> = validate(&ws, 2026)
            .into_iter()
            .filter(|w| w.record() == Some(RecordKey::Body(body)))
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].field(), Some("stance"));
        assert!(matches!(
            &found[0],
            Warning::InvalidValue { problem: Problem::QuoteWithoutStance { scenario }, .. }
                if scenario.contains('3')
        ));
        ws.bodies[0] = quoted(Stance::Supports);
        assert!(
            validate(&ws, 2026)
                .iter()
                .all(|w| w.record() != Some(RecordKey::Body(body)))
        );
    }

    #[test]
    fn removing_a_scenario_or_body_leaves_no_dangling_reference() {
        let (mut ws, c, s1, s3) = two_scenarios_with_rule();
        let body = BodyId::from_u128(31);
        ws.bodies.push(AdvisoryBody {
            id: body,
            short_name: "SERV".into(),
            advice: Advice {
                stances: vec![ScenarioStance {
                    scenario: s3,
                    stance: Stance::Supports,
                    quote: String::new(),
                    ..ScenarioStance::default()
                }],
                ..Advice::default()
            },
            ..AdvisoryBody::default()
        });
        let cited = Citation {
            quote: "uit het advies".into(),
            ..Citation::default()
        };
        ws.arguments.push(Argument {
            subject: Subject::Scenario(s1),
            source: Source::Body(body),
            citation: cited.clone(),
            ..Argument::default()
        });
        ws.themes.push(Theme {
            proposed_by: vec![body],
            host_cluster: Some(c),
            citation: Some(ThemeCitation {
                body,
                citation: cited,
            }),
            ..Theme::default()
        });
        // A citation points into the removed body's advice: it goes with the body.
        let mut without_body = ws.clone();
        let (edit, _) = removal(&without_body, RecordKey::Body(body));
        apply(&mut without_body, edit).unwrap();
        assert!(without_body.arguments[0].citation.is_empty());
        assert_eq!(without_body.themes[0].citation, None);
        for key in [
            RecordKey::Scenario(s3),
            RecordKey::Body(body),
            RecordKey::Cluster(c),
        ] {
            let mut copy = ws.clone();
            let (edit, _) = removal(&copy, key);
            apply(&mut copy, edit).unwrap();
            assert!(
                validate(&copy, 2026).is_empty(),
                "{key:?}: {:?}",
                validate(&copy, 2026)
            );
        }
    }
}
