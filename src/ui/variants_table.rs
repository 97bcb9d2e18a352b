//! The comparison table of the *Varianten* view: one column per variant, one row per
//! figure (the totals and counts first, then the budget year by year), the same
//! figures as the annex's table (`export::build::variants`).

use egui::{RichText, Ui};

use crate::model::Workspace;
use crate::model::variants::Comparison;

use super::locale::fill;
use super::text::Language;
use super::variants_text::VariantTexts;

pub(crate) fn table(ui: &mut Ui, ws: &Workspace, c: &Comparison, t: &VariantTexts, lang: Language) {
    let mean = |v: Option<f64>| {
        v.map_or_else(
            || "\u{2013}".to_owned(),
            |v| match lang {
                Language::Dutch => format!("{v:.1}").replace('.', ","),
                Language::English => format!("{v:.1}"),
            },
        )
    };
    egui::Grid::new("variants-table")
        .striped(true)
        .show(ui, |ui| {
            ui.strong("");
            for v in &c.variants {
                if v.chosen {
                    ui.strong(format!("{} ({})", v.name, t.chosen));
                } else {
                    ui.strong(&v.name);
                }
            }
            ui.end_row();
            let row = |ui: &mut Ui, label: String, cells: Vec<String>| {
                ui.label(label);
                for cell in cells {
                    ui.label(cell);
                }
                ui.end_row();
            };
            let total = match c.period {
                Some((first, last)) => crate::model::variants::period_label(t.total, first, last),
                None => t.total.to_owned(),
            };
            ui.label(RichText::new(total).strong());
            for v in &c.variants {
                ui.label(RichText::new(lang.money(v.total)).strong());
            }
            ui.end_row();
            if let Some(today) = c.today_over_period {
                let cells = (c.variants.iter())
                    .map(|v| {
                        let diff = v.total.0.saturating_sub(today.0);
                        crate::model::variants::signed_difference(diff, |e| lang.money(e))
                    })
                    .collect();
                row(ui, fill(t.today, &[("amount", &lang.money(today))]), cells);
            }
            let counts = |f: &dyn Fn(&crate::model::variants::VariantFigures) -> usize| {
                c.variants.iter().map(|v| lang.count(f(v))).collect()
            };
            row(ui, t.incompatible.to_owned(), counts(&|v| v.incompatible));
            row(ui, t.warnings.to_owned(), counts(&|v| v.warnings));
            for (s, scenario) in ws.scenarios.iter().enumerate() {
                let label = fill(t.clusters_under, &[("scenario", &scenario.label())]);
                let cells = counts(&|v| v.clusters_per_scenario.get(s).map_or(0, |(_, n)| *n));
                row(ui, label, cells);
            }
            for (b, body) in ws.bodies.iter().enumerate() {
                let label = fill(t.stances, &[("body", &body.short_name)]);
                let cells = (c.variants.iter())
                    .map(|v| {
                        v.bodies.get(b).map_or_else(String::new, |a| {
                            format!("{} / {} / {}", a.supports, a.conditional, a.rejects)
                        })
                    })
                    .collect();
                row(ui, label, cells);
            }
            let cells = c.variants.iter().map(|v| mean(v.desirability)).collect();
            row(ui, t.desirability.to_owned(), cells);
            let cells = c.variants.iter().map(|v| mean(v.feasibility)).collect();
            row(ui, t.feasibility.to_owned(), cells);
            // The years last: the figures that decide come first, on screen.
            for (y, year) in c.years.iter().enumerate() {
                let cells = (c.variants.iter())
                    .map(|v| {
                        v.per_year
                            .get(y)
                            .map(|e| lang.money(*e))
                            .unwrap_or_default()
                    })
                    .collect();
                row(ui, year.to_string(), cells);
            }
        });
}
