//! Data derived from the workspace, recomputed only when the session's revision moves,
//! so no frame rescans twenty thousand arguments.

use std::collections::HashMap;

use crate::model::rules::{broken_rules, validate};
use crate::model::{ClusterId, Polarity, ScenarioId, Warning, Workspace};

/// A compatibility rule that a cluster's combination breaks, said in words.
#[derive(Clone, Debug)]
pub struct Incompatibility {
    pub first: ScenarioId,
    pub second: ScenarioId,
    pub text: String,
}

impl Incompatibility {
    pub fn involves(&self, scenario: ScenarioId) -> bool {
        self.first == scenario || self.second == scenario
    }
}

#[derive(Default)]
pub struct Derived {
    revision: Option<u64>,
    pub warnings: Vec<Warning>,
    /// Why a cluster's combination is incompatible, per cluster.
    pub incompatible: HashMap<ClusterId, Vec<Incompatibility>>,
    /// (pros, cons) about one cluster under one scenario.
    pub cell_counts: HashMap<(ClusterId, ScenarioId), (u32, u32)>,
    /// (pros, cons) about a scenario as a whole.
    pub scenario_counts: HashMap<ScenarioId, (u32, u32)>,
    /// Index into `ws.assignments` per cell.
    pub assignment_index: HashMap<(ClusterId, ScenarioId), usize>,
}

impl Derived {
    /// Recomputes when `revision` differs from the one computed last.
    pub fn refresh(&mut self, ws: &Workspace, revision: u64, current_year: i32) {
        if self.revision == Some(revision) {
            return;
        }
        *self = Self::compute(ws, current_year);
        self.revision = Some(revision);
    }

    pub fn compute(ws: &Workspace, current_year: i32) -> Self {
        let mut cell_counts: HashMap<(ClusterId, ScenarioId), (u32, u32)> = HashMap::new();
        let mut scenario_counts: HashMap<ScenarioId, (u32, u32)> = HashMap::new();
        for arg in &ws.arguments {
            let slot = match arg.subject.cluster() {
                Some(c) => cell_counts.entry((c, arg.subject.scenario())).or_default(),
                None => scenario_counts.entry(arg.subject.scenario()).or_default(),
            };
            match arg.polarity {
                Polarity::Pro => slot.0 += 1,
                Polarity::Contra => slot.1 += 1,
            }
        }
        let mut incompatible = HashMap::new();
        for cluster in &ws.clusters {
            let reasons: Vec<Incompatibility> = broken_rules(ws, cluster.id)
                .into_iter()
                .map(|r| Incompatibility {
                    first: r.first,
                    second: r.second,
                    text: format!(
                        "{} + {}: {}",
                        ws.scenario_label(r.first),
                        ws.scenario_label(r.second),
                        r.reason
                    ),
                })
                .collect();
            if !reasons.is_empty() {
                incompatible.insert(cluster.id, reasons);
            }
        }
        let assignment_index = ws
            .assignments
            .iter()
            .enumerate()
            .map(|(i, a)| ((a.cluster, a.scenario), i))
            .collect();
        Self {
            revision: None,
            warnings: validate(ws, current_year),
            incompatible,
            cell_counts,
            scenario_counts,
            assignment_index,
        }
    }

    pub fn assignment<'a>(
        &self,
        ws: &'a Workspace,
        cluster: ClusterId,
        scenario: ScenarioId,
    ) -> Option<&'a crate::model::Assignment> {
        self.assignment_index
            .get(&(cluster, scenario))
            .and_then(|i| ws.assignments.get(*i))
    }
}
