//! Validation and the consequences of removals. Validation only warns: a file with
//! problems still loads, so a person can see and mend them.

use std::collections::{HashMap, HashSet};

use super::edit::{Edit, Record, RecordKey};
pub use super::funding::assignments_by_cluster;
use super::ids::*;
use super::money::Euro;
use super::workspace::*;

/// Something a person should look at. Never a reason to refuse a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// A cluster combines two scenarios that a rule says exclude each other.
    IncompatibleCombination {
        cluster: ClusterId,
        rule: RuleId,
        message: String,
    },
    /// A record refers to one that does not exist.
    MissingReference { record: RecordKey, message: String },
    /// An active cluster whose ten-year term has already ended.
    TermPassed {
        cluster: ClusterId,
        /// The last year of the term, so the window can word it in its own language.
        end_year: i32,
        message: String,
    },
    /// A cluster's structural budget in some year exceeds its cap.
    BudgetAboveCap {
        cluster: ClusterId,
        /// The first and last year above the cap, the first year's amount and the cap.
        years: (i32, i32),
        amount: Euro,
        cap: Euro,
        message: String,
    },
    /// A score, weight, or year that is out of range, or a malformed field.
    InvalidValue { record: RecordKey, message: String },
    /// A malformed field of the document itself, such as its number.
    InvalidMetadata { message: String },
}

impl Warning {
    pub fn message(&self) -> &str {
        match self {
            Warning::IncompatibleCombination { message, .. }
            | Warning::MissingReference { message, .. }
            | Warning::TermPassed { message, .. }
            | Warning::BudgetAboveCap { message, .. }
            | Warning::InvalidValue { message, .. }
            | Warning::InvalidMetadata { message } => message,
        }
    }

    /// The cluster the warning is about, to jump to it.
    pub fn cluster(&self) -> Option<ClusterId> {
        match self {
            Warning::IncompatibleCombination { cluster, .. }
            | Warning::TermPassed { cluster, .. }
            | Warning::BudgetAboveCap { cluster, .. } => Some(*cluster),
            Warning::MissingReference { record, .. } | Warning::InvalidValue { record, .. } => {
                match record {
                    RecordKey::Cluster(id) => Some(*id),
                    _ => None,
                }
            }
            Warning::InvalidMetadata { .. } => None,
        }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

/// The compatibility rules a cluster's scenario combination breaks.
pub fn broken_rules(ws: &Workspace, cluster: ClusterId) -> Vec<&CompatibilityRule> {
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
    let mut name_of: HashMap<ClusterId, &str> = HashMap::new();
    for c in &ws.clusters {
        name_of.entry(c.id).or_insert(&c.name);
    }
    let cluster_name = |id: ClusterId| {
        name_of
            .get(&id)
            .map_or_else(|| "Onbekende cluster".to_owned(), |n| (*n).to_owned())
    };

    check_unique_ids(ws, &mut warnings);

    for cluster in &ws.clusters {
        let own = by_cluster.get(&cluster.id).map_or(&[][..], Vec::as_slice);
        for rule in rules_broken_by(ws, own) {
            warnings.push(Warning::IncompatibleCombination {
                cluster: cluster.id,
                rule: rule.id,
                message: format!(
                    "{}: {} en {} gaan niet samen — {}",
                    cluster.name,
                    ws.scenario_label(rule.first),
                    ws.scenario_label(rule.second),
                    rule.reason
                ),
            });
        }
        if cluster.status == ClusterStatus::Active
            && let Some(end) = super::funding::term_end(cluster)
            && end < current_year
        {
            warnings.push(Warning::TermPassed {
                cluster: cluster.id,
                end_year: end,
                message: format!(
                    "{}: de termijn van tien jaar liep af eind {end}, maar de cluster staat nog als actief",
                    cluster.name
                ),
            });
        }
        if let (Some(start), Some(end)) = (cluster.start_year, cluster.term_end_year)
            && end < start
        {
            warnings.push(Warning::InvalidValue {
                record: RecordKey::Cluster(cluster.id),
                message: format!(
                    "{}: het einde van de termijn ({end}) ligt voor het startjaar ({start})",
                    cluster.name
                ),
            });
        }
        check_budget(ws, cluster, own, &mut warnings);
        let key = RecordKey::Cluster(cluster.id);
        for (what, year) in [
            ("het startjaar", cluster.start_year),
            ("het einde van de termijn", cluster.term_end_year),
        ] {
            if let Some(year) = year.filter(|y| !PLAUSIBLE_YEARS.contains(y)) {
                warnings.push(Warning::InvalidValue {
                    record: key,
                    message: format!(
                        "{}: {what} ({year}) ligt niet tussen {} en {}",
                        cluster.name,
                        PLAUSIBLE_YEARS.start(),
                        PLAUSIBLE_YEARS.end()
                    ),
                });
            }
        }
        if let Some(cap) = cluster.max_yearly_funding
            && let Some(why) = implausible_amount(cap)
        {
            warnings.push(Warning::InvalidValue {
                record: key,
                message: format!(
                    "{}: het maximum per jaar ({}) {why}",
                    cluster.name,
                    cap.flemish()
                ),
            });
        }
    }

    for a in &ws.assignments {
        let key = RecordKey::Assignment(a.id);
        if !clusters.contains(&a.cluster) {
            warnings.push(missing(
                key,
                "Een toewijzing verwijst naar een cluster die niet bestaat",
            ));
        }
        let Some(scenario) = scenario_of.get(&a.scenario) else {
            warnings.push(missing(
                key,
                "Een toewijzing verwijst naar een scenario dat niet bestaat",
            ));
            continue;
        };
        for option in &a.sub_options {
            if !scenario.sub_options.iter().any(|o| o.id == *option) {
                warnings.push(missing(
                    key,
                    &format!(
                        "{} onder {}: een gekozen suboptie bestaat niet (meer)",
                        cluster_name(a.cluster),
                        scenario.label()
                    ),
                ));
            }
        }
        for (what, score) in [
            ("wenselijkheid", a.desirability),
            ("haalbaarheid", a.feasibility),
        ] {
            if let Some(score) = score
                && !SCORE_RANGE.contains(&score)
            {
                warnings.push(Warning::InvalidValue {
                    record: key,
                    message: format!(
                        "{} onder {}: {what} {score} ligt buiten 1–5",
                        cluster_name(a.cluster),
                        scenario.label()
                    ),
                });
            }
        }
        if let Some(budget) = a.budget {
            let odd_years = [budget.first_year, budget.last_year]
                .into_iter()
                .any(|y| !PLAUSIBLE_YEARS.contains(&y));
            let why = implausible_amount(budget.amount)
                .map(|why| format!("het jaarbudget ({}) {why}", budget.amount.flemish()));
            let years = odd_years.then(|| {
                format!(
                    "het budget loopt van {} tot {}, buiten {}–{}",
                    budget.first_year,
                    budget.last_year,
                    PLAUSIBLE_YEARS.start(),
                    PLAUSIBLE_YEARS.end()
                )
            });
            for problem in [why, years].into_iter().flatten() {
                warnings.push(Warning::InvalidValue {
                    record: key,
                    message: format!(
                        "{} onder {}: {problem}",
                        cluster_name(a.cluster),
                        scenario.label()
                    ),
                });
            }
        }
        if let Some(budget) = a.budget
            && budget.last_year < budget.first_year
        {
            warnings.push(Warning::InvalidValue {
                record: key,
                message: format!(
                    "{} onder {}: het budget loopt van {} tot {}, een lege periode",
                    cluster_name(a.cluster),
                    scenario.label(),
                    budget.first_year,
                    budget.last_year
                ),
            });
        }
    }

    for arg in &ws.arguments {
        let key = RecordKey::Argument(arg.id);
        if !scenarios.contains(&arg.subject.scenario()) {
            warnings.push(missing(
                key,
                "Een argument verwijst naar een scenario dat niet bestaat",
            ));
        }
        if let Some(cluster) = arg.subject.cluster()
            && !clusters.contains(&cluster)
        {
            warnings.push(missing(
                key,
                "Een argument verwijst naar een cluster die niet bestaat",
            ));
        }
        if let Source::Body(body) = arg.source
            && !bodies.contains(&body)
        {
            warnings.push(missing(
                key,
                "Een argument verwijst naar een adviesorgaan dat niet bestaat",
            ));
        }
        if !(1..=3).contains(&arg.weight) {
            warnings.push(Warning::InvalidValue {
                record: key,
                message: format!("Een argument heeft gewicht {}, verwacht 1–3", arg.weight),
            });
        }
    }

    for body in &ws.bodies {
        for stance in &body.advice.stances {
            if !scenarios.contains(&stance.scenario) {
                warnings.push(missing(
                    RecordKey::Body(body.id),
                    &format!(
                        "Het advies van {} verwijst naar een scenario dat niet bestaat",
                        body.short_name
                    ),
                ));
            }
        }
    }

    for theme in &ws.themes {
        let key = RecordKey::Theme(theme.id);
        if theme.proposed_by.iter().any(|b| !bodies.contains(b)) {
            warnings.push(missing(
                key,
                &format!(
                    "Thema {}: voorgesteld door een adviesorgaan dat niet bestaat",
                    theme.name
                ),
            ));
        }
        if let Some(host) = theme.host_cluster
            && !clusters.contains(&host)
        {
            warnings.push(missing(
                key,
                &format!("Thema {}: de onthaalcluster bestaat niet", theme.name),
            ));
        }
    }

    for rule in &ws.rules {
        if !scenarios.contains(&rule.first) || !scenarios.contains(&rule.second) {
            warnings.push(missing(
                RecordKey::Rule(rule.id),
                "Een compatibiliteitsregel verwijst naar een scenario dat niet bestaat",
            ));
        }
    }

    for message in super::funding::implausible_funding(&ws.meta) {
        warnings.push(Warning::InvalidMetadata { message });
    }
    if !ws.meta.document_number.is_empty() && !is_document_number(&ws.meta.document_number) {
        warnings.push(Warning::InvalidMetadata {
            message: format!(
                "Het documentnummer \u{201c}{}\u{201d} heeft niet de vorm VR JJJJ DDMM MED.NNNN/n",
                ws.meta.document_number
            ),
        });
    }
    warnings
}

/// Years a cluster policy can concern; outside them a year is a typing error.
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1950..=2200;

/// Why a yearly amount cannot be right ("is negatief", "is groter dan € …"), if so.
fn implausible_amount(amount: Euro) -> Option<String> {
    if amount.amount() < 0 {
        Some("is negatief".to_owned())
    } else if amount > super::funding::PLAUSIBLE_YEARLY_AMOUNT {
        Some(format!(
            "is groter dan {}; is het een tikfout?",
            super::funding::PLAUSIBLE_YEARLY_AMOUNT.flemish()
        ))
    } else {
        None
    }
}

fn missing(record: RecordKey, message: &str) -> Warning {
    Warning::MissingReference {
        record,
        message: message.to_owned(),
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
                warnings.push(Warning::InvalidValue {
                    record: key(id(item)),
                    message: "Twee records delen hetzelfde id; het tweede is niet te bewerken"
                        .to_owned(),
                });
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

/// The structural budget of one cluster in one year, over all its assignments.
pub fn cluster_budget_in(ws: &Workspace, cluster: ClusterId, year: i32) -> Euro {
    ws.assignments
        .iter()
        .filter(|a| a.cluster == cluster)
        .filter_map(|a| a.budget)
        .filter(|b| b.covers(year))
        .fold(Euro(0), |sum, b| sum.saturating_add(b.amount))
}

/// The cap that applies to a cluster: its own, else the workspace's.
pub fn cap_of(ws: &Workspace, cluster: &Cluster) -> Euro {
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
        let years = if first.0 == last.0 {
            format!("in {}", first.0)
        } else {
            format!("van {} tot {}", first.0, last.0)
        };
        warnings.push(Warning::BudgetAboveCap {
            cluster: cluster.id,
            years: (first.0, last.0),
            amount: first.1,
            cap,
            message: format!(
                "{}: het jaarbudget ({}) ligt {years} boven het plafond van {}",
                cluster.name,
                first.1.flemish(),
                cap.flemish()
            ),
        });
    }
}

/// Checks the form `VR 2024 1506 MED.0123/1`.
pub fn is_document_number(text: &str) -> bool {
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

/// What removing a record takes along, as one batch edit, and a Dutch description of
/// it for the confirmation question. Removing a cluster removes its assignments and
/// its arguments; removing a scenario its assignments, arguments, stances and rules;
/// removing a body turns its arguments into own analysis and drops it from themes.
pub fn removal(ws: &Workspace, key: RecordKey) -> (Edit, Vec<String>) {
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
                assignments.len(),
                "toewijzing",
                "toewijzingen",
            );
            count(&mut consequences, arguments.len(), "argument", "argumenten");
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
            count(
                &mut consequences,
                themes.len(),
                "thema verliest zijn onthaalcluster",
                "thema's verliezen hun onthaalcluster",
            );
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
                assignments.len(),
                "toewijzing",
                "toewijzingen",
            );
            count(&mut consequences, arguments.len(), "argument", "argumenten");
            count(
                &mut consequences,
                rules.len(),
                "compatibiliteitsregel",
                "compatibiliteitsregels",
            );
            count(
                &mut consequences,
                bodies.len(),
                "standpunt van een adviesorgaan",
                "standpunten van adviesorganen",
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
                .filter(|t| t.proposed_by.contains(&id))
                .collect();
            count(
                &mut consequences,
                arguments.len(),
                "argument krijgt als bron \u{201c}eigen analyse\u{201d}",
                "argumenten krijgen als bron \u{201c}eigen analyse\u{201d}",
            );
            count(
                &mut consequences,
                themes.len(),
                "thema verliest deze indiener",
                "thema's verliezen deze indiener",
            );
            edits.extend(arguments.into_iter().map(|a| {
                Edit::Put(Record::Argument(Argument {
                    source: Source::OwnAnalysis,
                    ..a.clone()
                }))
            }));
            edits.extend(themes.into_iter().map(|t| {
                let mut theme = t.clone();
                theme.proposed_by.retain(|b| *b != id);
                Edit::Put(Record::Theme(theme))
            }));
        }
        RecordKey::Assignment(_)
        | RecordKey::Argument(_)
        | RecordKey::Theme(_)
        | RecordKey::Rule(_)
        | RecordKey::Conflict(_) => {}
    }
    edits.push(Edit::Remove(key));
    let edit = if edits.len() == 1 {
        edits.remove(0)
    } else {
        Edit::Batch(edits)
    };
    (edit, consequences)
}

fn count(out: &mut Vec<String>, n: usize, one: &str, many: &str) {
    match n {
        0 => {}
        1 => out.push(format!("1 {one}")),
        n => out.push(format!("{n} {many}")),
    }
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
        assert!(matches!(
            warnings[0],
            Warning::IncompatibleCombination { .. }
        ));
        assert!(
            warnings[0]
                .message()
                .contains("gefinancierde basisopdracht")
        );
        assert!(warnings[0].message().contains("Catalisti"));
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
        assert!(
            matches!(warnings[0], Warning::BudgetAboveCap { .. }),
            "{warnings:?}"
        );
        assert!(warnings[0].message().contains("€ 650.000"));

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
        assert_eq!(consequences, ["1 toewijzing", "1 argument"]);
        let inverse = apply(&mut ws, edit).unwrap();
        assert!(ws.clusters.is_empty() && ws.assignments.is_empty());
        assert_eq!(ws.arguments.len(), 1, "the scenario-wide argument stays");
        assert!(validate(&ws, 2026).is_empty());
        apply(&mut ws, inverse).unwrap();
        assert_eq!(ws, before);
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
                }],
                ..Advice::default()
            },
            ..AdvisoryBody::default()
        });
        ws.arguments.push(Argument {
            subject: Subject::Scenario(s1),
            source: Source::Body(body),
            ..Argument::default()
        });
        ws.themes.push(Theme {
            proposed_by: vec![body],
            host_cluster: Some(c),
            ..Theme::default()
        });
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
