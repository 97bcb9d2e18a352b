//! Annex "Onderzochte varianten": the variants side by side, one column each, with the
//! figures of [`crate::model::variants::compare`] (the same as the window's
//! *Varianten* view and the spreadsheet), each variant's own overall recommendation,
//! and the clusters where a variant differs from the recommendation.

use crate::model::Workspace;
use crate::model::variants::{Comparison, compare, differences};

use super::super::document::{Block, Run, Table, one_line};
use super::{Builder, dutch_list};

/// A mean score with a decimal comma ("3,5"), or a dash when none was given.
pub(crate) fn mean_text(value: Option<f64>) -> String {
    value.map_or_else(
        || "\u{2013}".to_owned(),
        |v| format!("{v:.1}").replace('.', ","),
    )
}

/// The rows of the comparison, one per figure, one column per variant, in Dutch: the
/// totals and counts, then the budget year by year.
pub(crate) fn comparison_rows(ws: &Workspace, c: &Comparison) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let row = |label: String, cell: &dyn Fn(usize) -> String| -> Vec<String> {
        std::iter::once(label)
            .chain((0..c.variants.len()).map(cell))
            .collect()
    };
    rows.push(row("Aanbevolen".to_owned(), &|i| {
        let chosen = c.variants.get(i).is_some_and(|v| v.chosen);
        if chosen { "ja" } else { "nee" }.to_owned()
    }));
    if let Some((first, last)) = c.period {
        rows.push(row(
            crate::model::variants::period_label("Totaal", first, last),
            &|i| {
                c.variants
                    .get(i)
                    .map(|v| v.total.flemish())
                    .unwrap_or_default()
            },
        ));
        if let Some(today) = c.today_over_period {
            rows.push(row(
                format!("Verschil met vandaag, zelfde periode ({})", today.flemish()),
                &|i| {
                    c.variants
                        .get(i)
                        .map(|v| {
                            let diff = v.total.0.saturating_sub(today.0);
                            crate::model::variants::signed_difference(diff, |e| e.flemish())
                        })
                        .unwrap_or_default()
                },
            ));
        }
    }
    rows.push(row("Onverenigbare combinaties".to_owned(), &|i| {
        c.variants
            .get(i)
            .map(|v| v.incompatible.to_string())
            .unwrap_or_default()
    }));
    for (s, scenario) in ws.scenarios.iter().enumerate() {
        rows.push(row(
            format!(
                "{} ({})",
                one_line(&scenario.label()),
                ws.meta.clusters_word()
            ),
            &|i| {
                c.variants
                    .get(i)
                    .and_then(|v| v.clusters_per_scenario.get(s))
                    .map(|(_, n)| n.to_string())
                    .unwrap_or_default()
            },
        ));
    }
    for (b, body) in ws.bodies.iter().enumerate() {
        rows.push(row(
            format!(
                "{}: steunt / voorwaardelijk / wijst af",
                one_line(&body.short_name)
            ),
            &|i| {
                c.variants
                    .get(i)
                    .and_then(|v| v.bodies.get(b))
                    .map(|a| format!("{} / {} / {}", a.supports, a.conditional, a.rejects))
                    .unwrap_or_default()
            },
        ));
    }
    rows.push(row("Gemiddelde wenselijkheid".to_owned(), &|i| {
        mean_text(c.variants.get(i).and_then(|v| v.desirability))
    }));
    rows.push(row("Gemiddelde haalbaarheid".to_owned(), &|i| {
        mean_text(c.variants.get(i).and_then(|v| v.feasibility))
    }));
    // The years last, as in the window: the figures that decide come first.
    for (y, year) in c.years.iter().enumerate() {
        rows.push(row(format!("Budget {year}"), &|i| {
            c.variants
                .get(i)
                .and_then(|v| v.per_year.get(y))
                .map(|e| e.flemish())
                .unwrap_or_default()
        }));
    }
    rows
}

impl Builder<'_> {
    /// The annex, after the signature. `whole` is the workspace with every variant
    /// (the builder's own is the chosen variant's projection).
    pub(super) fn variants_annex(&mut self, whole: &Workspace) {
        let c = compare(
            whole,
            crate::model::funding::reference_date(whole).year().into(),
        );
        // A title of its own, not a heading: the annex stands outside the numbered
        // sections, and an unnumbered level-1 heading takes the DOCX writer's
        // "no numbering" (numId 0), which openxml-audit rejects.
        self.push(Block::Title("Bijlage: Onderzochte varianten".to_owned()));
        let chosen = c.variants.iter().find(|v| v.chosen);
        let names: Vec<String> = c.variants.iter().map(|v| one_line(&v.name)).collect();
        self.push(Block::paragraph(format!(
            "Onderzocht werden {} varianten: {}. Deze mededeling stelt variant \u{201c}{}\u{201d} voor.",
            c.variants.len(),
            dutch_list(&names),
            chosen.map(|v| one_line(&v.name)).unwrap_or_default()
        )));
        self.push(Block::Table(Table {
            caption: Some("Onderzochte varianten vergeleken".to_owned()),
            header: std::iter::once("Kenmerk".to_owned())
                .chain(names.iter().cloned())
                .collect(),
            rows: comparison_rows(whole, &c),
        }));
        let chosen_id = whole.chosen_variant();
        for v in whole.variants.iter() {
            self.heading3(&format!("Variant \u{201c}{}\u{201d}", v.name));
            self.text(&v.recommendation);
            if v.id == chosen_id {
                self.sober("De variant die deze mededeling voorstelt.");
                continue;
            }
            let diffs = differences(whole, chosen_id, v.id);
            if diffs.is_empty() {
                self.sober("Plaatst alle clusters zoals de aanbeveling.");
                continue;
            }
            let items = diffs
                .iter()
                .map(|d| {
                    let place = |p: &crate::model::variants::Placement| {
                        let parts: Vec<String> = p
                            .iter()
                            .map(|(s, role)| {
                                format!("{} ({})", whole.scenario_label(*s), role.dutch())
                            })
                            .collect();
                        if parts.is_empty() {
                            "geen scenario".to_owned()
                        } else {
                            dutch_list(&parts)
                        }
                    };
                    let mut line = format!(
                        "{}: {} in plaats van {}",
                        one_line(&whole.cluster_name(d.cluster)),
                        place(&d.second),
                        place(&d.first)
                    );
                    if d.budget_differs {
                        line.push_str(", ander jaarbudget");
                    }
                    vec![Run::plain(line)]
                })
                .collect();
            self.push(Block::BulletList(items));
        }
    }
}
