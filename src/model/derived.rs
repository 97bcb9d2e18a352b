//! Data derived from a workspace for the window: counts, warnings and lookups, each
//! answered in O(1). Computing it walks the workspace once (plus [`validate`]); the
//! window keeps one and recomputes it only when [`Session::stamp`] moves (another
//! revision, or another session), so no frame rescans twenty thousand arguments.
//!
//! [`Session::stamp`]: super::Session::stamp

use std::collections::HashMap;

use super::ids::*;
use super::rules::{Warning, assignments_by_cluster, validate};
use super::session::Stamp;
use super::workspace::*;

/// Pros and cons, and their summed weights.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ProCon {
    pub pros: u32,
    pub cons: u32,
    pub pro_weight: u32,
    pub con_weight: u32,
}

impl ProCon {
    fn add(&mut self, argument: &Argument) {
        let weight = u32::from(argument.weight);
        match argument.polarity {
            Polarity::Pro => {
                self.pros += 1;
                self.pro_weight += weight;
            }
            Polarity::Contra => {
                self.cons += 1;
                self.con_weight += weight;
            }
        }
    }

    pub fn total(&self) -> u32 {
        self.pros + self.cons
    }
}

/// A compatibility rule a cluster's combination breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Incompatibility {
    pub rule: RuleId,
    pub first: ScenarioId,
    pub second: ScenarioId,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Derived {
    /// The session state this was computed for, if the caller says so.
    pub stamp: Option<Stamp>,
    pub warnings: Vec<Warning>,
    /// Indices into `warnings` per cluster.
    warnings_by_cluster: HashMap<ClusterId, Vec<usize>>,
    /// About one cluster under one scenario.
    cell: HashMap<(ClusterId, ScenarioId), ProCon>,
    /// About a scenario as a whole.
    scenario_whole: HashMap<ScenarioId, ProCon>,
    /// Every argument touching a scenario: as a whole and about its clusters.
    scenario_all: HashMap<ScenarioId, ProCon>,
    /// Index into `ws.assignments`, the first for a (cluster, scenario) pair.
    assignment_index: HashMap<(ClusterId, ScenarioId), usize>,
    incompatible: HashMap<ClusterId, Vec<Incompatibility>>,
    /// Indices into `ws.arguments` per subject and polarity, in the workspace's order:
    /// an argument list in the window reads its own arguments instead of filtering
    /// all twenty thousand every frame.
    arguments: HashMap<(Subject, Polarity), Vec<usize>>,
}

impl Derived {
    pub fn compute(ws: &Workspace, current_year: i32) -> Self {
        let mut cell: HashMap<(ClusterId, ScenarioId), ProCon> = HashMap::new();
        let mut scenario_whole: HashMap<ScenarioId, ProCon> = HashMap::new();
        let mut scenario_all: HashMap<ScenarioId, ProCon> = HashMap::new();
        let mut arguments: HashMap<(Subject, Polarity), Vec<usize>> = HashMap::new();
        for (index, argument) in ws.arguments.iter().enumerate() {
            arguments
                .entry((argument.subject, argument.polarity))
                .or_default()
                .push(index);
            let scenario = argument.subject.scenario();
            match argument.subject.cluster() {
                Some(cluster) => cell.entry((cluster, scenario)).or_default().add(argument),
                None => scenario_whole.entry(scenario).or_default().add(argument),
            }
            scenario_all.entry(scenario).or_default().add(argument);
        }

        let mut assignment_index = HashMap::new();
        for (index, a) in ws.assignments.iter().enumerate() {
            assignment_index
                .entry((a.cluster, a.scenario))
                .or_insert(index);
        }

        let mut incompatible = HashMap::new();
        for (cluster, own) in assignments_by_cluster(ws) {
            let chosen: Vec<ScenarioId> = own.iter().map(|a| a.scenario).collect();
            let broken: Vec<Incompatibility> = ws
                .rules
                .iter()
                .filter(|r| {
                    r.first != r.second && chosen.contains(&r.first) && chosen.contains(&r.second)
                })
                .map(|r| Incompatibility {
                    rule: r.id,
                    first: r.first,
                    second: r.second,
                })
                .collect();
            if !broken.is_empty() {
                incompatible.insert(cluster, broken);
            }
        }

        let warnings = validate(ws, current_year);
        let mut warnings_by_cluster: HashMap<ClusterId, Vec<usize>> = HashMap::new();
        for (index, warning) in warnings.iter().enumerate() {
            if let Some(cluster) = warning.cluster() {
                warnings_by_cluster.entry(cluster).or_default().push(index);
            }
        }

        Self {
            stamp: None,
            warnings,
            warnings_by_cluster,
            cell,
            scenario_whole,
            scenario_all,
            assignment_index,
            incompatible,
            arguments,
        }
    }

    /// The arguments about `subject` with `polarity`, in the workspace's order.
    ///
    /// `ws` must be the workspace this was computed from; an index that no longer
    /// matches its argument is skipped, so a stale cache shows too little, never a
    /// wrong argument.
    pub(crate) fn arguments_about<'a>(
        &'a self,
        ws: &'a Workspace,
        subject: Subject,
        polarity: Polarity,
    ) -> impl Iterator<Item = &'a Argument> + 'a {
        self.arguments
            .get(&(subject, polarity))
            .into_iter()
            .flatten()
            .filter_map(|&index| ws.arguments.get(index))
            .filter(move |a| a.subject == subject && a.polarity == polarity)
    }

    /// Recomputes only when `revision` differs from the one computed last; returns
    /// whether it did.
    pub(crate) fn refresh(&mut self, ws: &Workspace, stamp: Stamp, current_year: i32) -> bool {
        if self.stamp == Some(stamp) {
            return false;
        }
        *self = Self::compute(ws, current_year);
        self.stamp = Some(stamp);
        true
    }

    /// Arguments about one cluster under one scenario.
    pub fn cell(&self, cluster: ClusterId, scenario: ScenarioId) -> ProCon {
        self.cell
            .get(&(cluster, scenario))
            .copied()
            .unwrap_or_default()
    }

    /// Arguments about a scenario as a whole.
    pub(crate) fn scenario_as_whole(&self, scenario: ScenarioId) -> ProCon {
        self.scenario_whole
            .get(&scenario)
            .copied()
            .unwrap_or_default()
    }

    #[cfg(test)] // Only the unit tests read it.
    /// Every argument about a scenario, as a whole or about one of its clusters.
    pub(crate) fn scenario_total(&self, scenario: ScenarioId) -> ProCon {
        self.scenario_all
            .get(&scenario)
            .copied()
            .unwrap_or_default()
    }

    /// The warnings about one cluster.
    pub(crate) fn warnings_of(&self, cluster: ClusterId) -> impl Iterator<Item = &Warning> {
        self.warnings_by_cluster
            .get(&cluster)
            .into_iter()
            .flatten()
            .filter_map(|i| self.warnings.get(*i))
    }

    pub fn warning_count(&self, cluster: ClusterId) -> usize {
        self.warnings_by_cluster.get(&cluster).map_or(0, Vec::len)
    }

    /// The assignment of a cluster under a scenario.
    pub fn assignment<'a>(
        &self,
        ws: &'a Workspace,
        cluster: ClusterId,
        scenario: ScenarioId,
    ) -> Option<&'a Assignment> {
        self.assignment_index
            .get(&(cluster, scenario))
            .and_then(|i| ws.assignments.get(*i))
            .filter(|a| a.cluster == cluster && a.scenario == scenario)
    }

    /// The compatibility rules the cluster's combination breaks.
    pub(crate) fn incompatibilities(&self, cluster: ClusterId) -> &[Incompatibility] {
        self.incompatible.get(&cluster).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edit, Session, rules::broken_rules};
    use crate::synth::synthetic_workspace;

    #[test]
    fn counts_match_a_plain_scan() {
        let ws = synthetic_workspace(25, 800, 11);
        let d = Derived::compute(&ws, 2026);
        for cluster in &ws.clusters {
            for scenario in &ws.scenarios {
                let about = |p: Polarity| {
                    ws.arguments
                        .iter()
                        .filter(|a| {
                            a.subject.cluster() == Some(cluster.id)
                                && a.subject.scenario() == scenario.id
                        })
                        .filter(|a| a.polarity == p)
                        .count() as u32
                };
                let counts = d.cell(cluster.id, scenario.id);
                assert_eq!(
                    (counts.pros, counts.cons),
                    (about(Polarity::Pro), about(Polarity::Contra))
                );
                assert_eq!(
                    d.assignment(&ws, cluster.id, scenario.id).map(|a| a.id),
                    ws.assignment_of(cluster.id, scenario.id).map(|a| a.id)
                );
            }
        }
        let total: u32 = ws
            .scenarios
            .iter()
            .map(|s| d.scenario_total(s.id).total())
            .sum();
        assert_eq!(total as usize, ws.arguments.len());
        let whole: u32 = ws
            .scenarios
            .iter()
            .map(|s| d.scenario_as_whole(s.id).total())
            .sum();
        let expected = ws
            .arguments
            .iter()
            .filter(|a| a.subject.cluster().is_none())
            .count();
        assert_eq!(whole as usize, expected);
        assert!(whole > 0);
    }

    #[test]
    fn warnings_and_incompatibilities_per_cluster() {
        let mut ws = synthetic_workspace(10, 50, 2);
        let first = ws.clusters[0].id;
        // Put the first cluster under scenarios 1 and 2, which the rules exclude.
        ws.assignments.retain(|a| a.cluster != first);
        for (n, scenario) in ws.scenarios.iter().take(2).enumerate() {
            ws.assignments.push(Assignment {
                id: AssignmentId::from_u128(900 + n as u128),
                cluster: first,
                scenario: scenario.id,
                ..Assignment::default()
            });
        }
        let d = Derived::compute(&ws, 2026);
        assert_eq!(d.warning_count(first), 1);
        assert!(matches!(
            d.warnings_of(first).next(),
            Some(Warning::IncompatibleCombination { .. })
        ));
        let rules: Vec<RuleId> = broken_rules(&ws, first).iter().map(|r| r.id).collect();
        let ours: Vec<RuleId> = d.incompatibilities(first).iter().map(|i| i.rule).collect();
        assert_eq!(ours, rules);
        assert_eq!(d.warning_count(ws.clusters[1].id), 0);
        assert!(d.incompatibilities(ws.clusters[1].id).is_empty());
    }

    #[test]
    fn refresh_follows_the_session_revision() {
        let mut session = Session::new(synthetic_workspace(5, 20, 3));
        let mut d = Derived::default();
        assert!(d.refresh(session.workspace(), session.stamp(), 2026));
        assert!(!d.refresh(session.workspace(), session.stamp(), 2026));
        let argument = session.workspace().arguments[0].clone();
        let (cluster, scenario) = (argument.subject.cluster(), argument.subject.scenario());
        let before = match cluster {
            Some(c) => d.cell(c, scenario).total(),
            None => d.scenario_as_whole(scenario).total(),
        };
        session
            .apply(Edit::Remove(crate::model::RecordKey::Argument(argument.id)))
            .unwrap();
        assert!(d.refresh(session.workspace(), session.stamp(), 2026));
        let after = match cluster {
            Some(c) => d.cell(c, scenario).total(),
            None => d.scenario_as_whole(scenario).total(),
        };
        assert_eq!(after + 1, before);
    }

    #[test]
    fn refresh_follows_another_session_at_the_same_revision() {
        let first = Session::new(synthetic_workspace(5, 20, 3));
        let second = Session::new(Workspace::empty());
        assert_eq!(first.revision(), second.revision());
        let mut d = Derived::default();
        assert!(d.refresh(first.workspace(), first.stamp(), 2026));
        assert!(
            d.refresh(second.workspace(), second.stamp(), 2026),
            "another workspace at revision 0 is not the one derived"
        );
        let fresh = Derived::compute(second.workspace(), 2026);
        assert_eq!(Derived { stamp: None, ..d }, fresh);
    }

    #[test]
    fn arguments_about_a_subject_are_the_filtered_list_in_order() {
        let ws = synthetic_workspace(12, 600, 5);
        let derived = Derived::compute(&ws, 2026);
        let mut seen = 0;
        let subjects: std::collections::HashSet<Subject> =
            ws.arguments.iter().map(|a| a.subject).collect();
        for subject in subjects {
            for polarity in [Polarity::Pro, Polarity::Contra] {
                let expected: Vec<_> = ws
                    .arguments
                    .iter()
                    .filter(|a| a.subject == subject && a.polarity == polarity)
                    .map(|a| a.id)
                    .collect();
                let got: Vec<_> = derived
                    .arguments_about(&ws, subject, polarity)
                    .map(|a| a.id)
                    .collect();
                assert_eq!(got, expected);
                seen += got.len();
            }
        }
        assert_eq!(seen, ws.arguments.len());
        // Against a changed workspace the stale index shows less, never a stranger.
        let mut changed = ws.clone();
        changed.arguments.reverse();
        for a in &ws.arguments {
            for shown in derived.arguments_about(&changed, a.subject, a.polarity) {
                assert_eq!((shown.subject, shown.polarity), (a.subject, a.polarity));
            }
        }
    }
}
