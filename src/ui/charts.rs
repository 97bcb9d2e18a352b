//! The "Grafieken" view: budget per year, term timeline, desirability × feasibility and
//! advice consensus, drawn from the same chart data as the exports (`crate::charts`).

use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, HLine, HoverPosition, Line, Plot, PlotPoint, Points, Text, VLine};

use crate::charts::{self, BudgetPerYear, Quadrant, ScorePoint, Timeline};
use crate::model::Euro;

use super::state::{Frame, Outbox, Selection};
use super::widgets::{badge, stance_colour};

/// The chart data of one revision of the workspace.
pub struct ChartData {
    pub budget: BudgetPerYear,
    pub timeline: Timeline,
    pub scores: Vec<ScorePoint>,
}

impl ChartData {
    pub fn compute(ws: &crate::model::Workspace, today: jiff::civil::Date) -> Self {
        Self {
            budget: charts::budget_per_year(ws),
            timeline: charts::timeline(ws, today),
            scores: charts::desirability_feasibility(ws),
        }
    }
}

/// Colours for series: distinct, readable on light and dark.
const SERIES: [Color32; 10] = [
    Color32::from_rgb(0x1f, 0x5f, 0xa8),
    Color32::from_rgb(0xe0, 0x7b, 0x1a),
    Color32::from_rgb(0x2f, 0x85, 0x5a),
    Color32::from_rgb(0xb0, 0x3a, 0x5b),
    Color32::from_rgb(0x7a, 0x4f, 0xa3),
    Color32::from_rgb(0x1a, 0x9c, 0xb0),
    Color32::from_rgb(0x9a, 0x7b, 0x1f),
    Color32::from_rgb(0x5a, 0x6a, 0x7a),
    Color32::from_rgb(0xc9, 0x4f, 0x2b),
    Color32::from_rgb(0x3f, 0x9f, 0x3f),
];

fn series_colour(i: usize) -> Color32 {
    SERIES
        .get(i % SERIES.len())
        .copied()
        .unwrap_or(Color32::GRAY)
}

pub fn show(ui: &mut Ui, f: &Frame<'_>, data: &ChartData, out: &mut Outbox) {
    let t = f.t;
    egui::ScrollArea::vertical()
        .id_salt("charts")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading(t.chart_budget);
            budget(ui, f, &data.budget);
            ui.add_space(16.0);
            ui.heading(t.chart_timeline);
            timeline(ui, f, &data.timeline);
            ui.add_space(16.0);
            ui.heading(t.chart_scores);
            scores(ui, f, &data.scores, out);
            ui.add_space(16.0);
            ui.heading(t.chart_consensus);
            consensus(ui, f);
        });
}

/// Whole euros: the plot may ask for fractional marks when zoomed.
fn whole_euros(value: f64) -> Euro {
    Euro(value.round() as i64)
}

fn budget(ui: &mut Ui, f: &Frame<'_>, chart: &BudgetPerYear) {
    let t = f.t;
    let lang = f.lang;
    if chart.clusters.is_empty() {
        ui.label(RichText::new(t.chart_budget_empty).weak());
    }
    let mut stacked: Vec<BarChart> = Vec::new();
    for (i, cluster) in chart.clusters.iter().enumerate() {
        let bars: Vec<Bar> = chart
            .years
            .iter()
            .zip(&cluster.amounts)
            .map(|(year, amount)| {
                // Unknown funding draws no bar and says "?", never € 0.
                let shown = amount.map_or_else(|| "?".to_owned(), |a| lang.money(a));
                Bar::new(f64::from(*year), amount.map_or(0.0, |a| a.amount() as f64))
                    .width(0.7)
                    .name(format!("{}, {year}: {shown}", cluster.name))
            })
            .collect();
        let name = cluster.name.clone();
        let mut bar_chart = BarChart::new(cluster.name.clone(), bars)
            .color(series_colour(i))
            .element_formatter(Box::new(move |bar, _| {
                format!(
                    "{name}\n{}: {}",
                    bar.argument,
                    lang.money(whole_euros(bar.value))
                )
            }));
        let below: Vec<&BarChart> = stacked.iter().collect();
        if !below.is_empty() {
            bar_chart = bar_chart.stack_on(&below);
        }
        stacked.push(bar_chart);
    }
    // Without a computable figure there is no line to draw; the table says why.
    let reference = chart.reference;
    // The legend stands under the plot (see [`legend_below`]); a little headroom keeps
    // the highest stack and the reference line off the frame.
    let highest = chart
        .years
        .iter()
        .enumerate()
        .map(|(i, _)| {
            chart
                .clusters
                .iter()
                .filter_map(|c| c.amounts.get(i).copied().flatten())
                .map(|a| a.amount() as f64)
                .sum::<f64>()
        })
        .fold(reference.map_or(0.0, |r| r.amount() as f64), f64::max);
    let headroom = 1.1;
    let reference_label = reference.map(|r| format!("{} ({})", t.chart_reference, lang.money(r)));
    let response = Plot::new("budget-plot")
        .height(300.0)
        .x_axis_label(t.chart_year)
        .y_axis_label(t.chart_funding)
        .y_axis_formatter(move |mark, _| lang.money(whole_euros(mark.value)))
        .x_axis_formatter(|mark, _| format!("{}", mark.value.round() as i64))
        .include_y(0.0)
        .include_y(highest * headroom)
        .include_x(f64::from(charts::FIRST_YEAR) - 0.5)
        .include_x(f64::from(charts::LAST_YEAR) + 0.5)
        .allow_scroll(false)
        .label_formatter(|hover| match hover {
            HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } if !plot_name.is_empty() => Some(format!(
                "{plot_name}\n{}: {}",
                position.x.round() as i64,
                lang.money(whole_euros(position.y))
            )),
            _ => None,
        })
        .show(ui, |plot| {
            for chart in stacked {
                plot.bar_chart(chart);
            }
            if let (Some(r), Some(label)) = (reference, reference_label.clone()) {
                plot.hline(HLine::new(label, r.amount() as f64).color(ui_warn()));
            }
        })
        .response;
    let spoken = format!("{}: {}", t.chart_budget, t.chart_table_below);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &spoken));
    let mut entries: Vec<(Color32, String)> = chart
        .clusters
        .iter()
        .enumerate()
        .map(|(i, c)| (series_colour(i), c.name.clone()))
        .collect();
    if let Some(label) = reference_label {
        entries.push((ui_warn(), label));
    }
    legend_below(ui, "budget-legend", &entries);
    if !chart.unknown_current_funding.is_empty() {
        let names: Vec<String> = chart
            .unknown_current_funding
            .iter()
            .map(|id| f.ws.cluster_name(*id))
            .collect();
        ui.label(
            RichText::new(format!("{} {}", t.chart_unknown_funding, names.join(", ")))
                .small()
                .weak(),
        );
    }
    egui::CollapsingHeader::new(t.chart_numbers)
        .id_salt("budget-numbers")
        .show(ui, |ui| {
            super::widgets::sideways(ui, "budget-table", |ui| {
                egui::Grid::new("budget-table")
                    .striped(true)
                    .show(ui, |ui| {
                        ui.strong(t.chart_year);
                        for c in &chart.clusters {
                            ui.strong(&c.name);
                        }
                        ui.strong(t.chart_total);
                        ui.end_row();
                        for (i, year) in chart.years.iter().enumerate() {
                            ui.label(year.to_string());
                            for c in &chart.clusters {
                                ui.label(c.at(i).map_or_else(|| "?".to_owned(), |a| lang.money(a)));
                            }
                            ui.label(
                                chart
                                    .totals
                                    .get(i)
                                    .map(|a| lang.money(*a))
                                    .unwrap_or_default(),
                            );
                            ui.end_row();
                        }
                    });
            });
        });
}

/// A chart's legend under its plot, a swatch and a name per series: inside the plot
/// egui_plot's legend stands over the bars it names once there are a few series.
fn legend_below(ui: &mut Ui, id: &str, entries: &[(Color32, String)]) {
    ui.push_id(id, |ui| {
        ui.horizontal_wrapped(|ui| {
            for (colour, name) in entries {
                let size = egui::vec2(12.0, 12.0);
                let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
                ui.painter().rect_filled(rect, 2.0, *colour);
                ui.label(name);
                ui.add_space(8.0);
            }
        });
    });
}

fn ui_warn() -> Color32 {
    Color32::from_rgb(0xc0, 0x39, 0x2b)
}

fn timeline(ui: &mut Ui, f: &Frame<'_>, t_data: &Timeline) {
    let t = f.t;
    let rows = t_data.rows.len();
    let names: Vec<String> = t_data.rows.iter().map(|r| r.name.clone()).collect();
    let row_names = names.clone();
    let today = f64::from(t_data.today.year()) + f64::from(t_data.today.day_of_year() - 1) / 365.0;
    let term_end_legend =
        super::text_charts::term_end_legend(f.lang, f.ws.meta.term_years, &f.ws.meta.term_basis);
    let response = Plot::new("timeline-plot")
        .height((rows as f32 * 34.0 + 60.0).clamp(160.0, 600.0))
        .x_axis_label(t.chart_year)
        .include_x(f64::from(t_data.first_year))
        .include_x(f64::from(t_data.last_year) + 1.0)
        .include_y(0.5)
        // Room under the last row for the clusters' names beside the axis; the
        // legend stands under the plot.
        .include_y(-(rows as f64) + 0.4)
        .y_axis_min_width(longest_name_width(&row_names_width_source(t_data)))
        .allow_scroll(false)
        .show_grid([true, false])
        .x_axis_formatter(|mark, _| format!("{}", mark.value.round() as i64))
        .y_axis_formatter(move |mark, _| {
            let index = (-mark.value).round();
            if (mark.value + index).abs() < 0.01 && index >= 0.0 {
                names.get(index as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .label_formatter(move |hover| match hover {
            HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } if !plot_name.is_empty() => {
                let row = (-position.y).round().max(0.0) as usize;
                let cluster = row_names.get(row).cloned().unwrap_or_default();
                Some(format!(
                    "{cluster}\n{plot_name}: {}",
                    position.x.floor() as i64
                ))
            }
            _ => None,
        })
        .show(ui, |plot| {
            for (i, row) in t_data.rows.iter().enumerate() {
                let y = -(i as f64);
                if let Some((first, last)) = row.funded {
                    plot.line(
                        Line::new(
                            t.chart_funded_term,
                            vec![[f64::from(first), y], [f64::from(last) + 1.0, y]],
                        )
                        .width(10.0)
                        .color(series_colour(0)),
                    );
                }
                if let Some(end) = row.term_end {
                    plot.points(
                        Points::new(term_end_legend.as_str(), vec![[f64::from(end) + 1.0, y]])
                            .radius(6.0)
                            .shape(egui_plot::MarkerShape::Diamond)
                            .color(ui_warn()),
                    );
                }
                let start_after = row
                    .term_end
                    .map_or(f64::from(t_data.last_year) - 3.0, |e| f64::from(e) + 1.2);
                if !row.after.is_empty() {
                    let labels: Vec<String> = row
                        .after
                        .iter()
                        .map(|s| format!("{} ({})", s.label, t.role(s.role)))
                        .collect();
                    plot.text(
                        Text::new(
                            "",
                            PlotPoint::new(start_after + 1.5, y + 0.3),
                            RichText::new(labels.join(" + ")).small(),
                        )
                        .anchor(egui::Align2::LEFT_CENTER),
                    );
                }
                for s in &row.after {
                    if let Some((first, last)) = s.budget_years {
                        plot.line(
                            Line::new(
                                t.chart_after_budget,
                                vec![
                                    [f64::from(first), y - 0.2],
                                    [f64::from(last) + 1.0, y - 0.2],
                                ],
                            )
                            .width(4.0)
                            .color(series_colour(2)),
                        );
                    }
                }
            }
            plot.vline(VLine::new(t.chart_today, today).color(series_colour(1)));
        })
        .response;
    let spoken = format!("{}: {}", t.chart_timeline, t.chart_table_below);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &spoken));
    let mut entries = vec![(series_colour(0), t.chart_funded_term.to_owned())];
    if t_data.rows.iter().any(|r| r.term_end.is_some()) {
        entries.push((ui_warn(), term_end_legend.clone()));
    }
    if t_data
        .rows
        .iter()
        .any(|r| r.after.iter().any(|s| s.budget_years.is_some()))
    {
        entries.push((series_colour(2), t.chart_after_budget.to_owned()));
    }
    entries.push((series_colour(1), t.chart_today.to_owned()));
    legend_below(ui, "timeline-legend", &entries);
    egui::CollapsingHeader::new(t.chart_numbers)
        .id_salt("timeline-numbers")
        .show(ui, |ui| {
            super::widgets::sideways(ui, "timeline-table", |ui| {
                egui::Grid::new("timeline-table")
                    .striped(true)
                    .show(ui, |ui| {
                        ui.strong(t.cluster);
                        ui.strong(t.chart_funded);
                        ui.strong(t.chart_term_end);
                        ui.strong(t.chart_after);
                        ui.end_row();
                        for row in &t_data.rows {
                            ui.label(&row.name);
                            ui.label(
                                row.funded
                                    .map_or("–".to_owned(), |(a, b)| format!("{a}–{b}")),
                            );
                            ui.label(
                                row.term_end.map_or("–".to_owned(), |e| {
                                    format!("{} {e}", t.chart_end_of)
                                }),
                            );
                            let after: Vec<String> = row
                                .after
                                .iter()
                                .map(|s| format!("{} ({})", s.label, t.role(s.role)))
                                .collect();
                            ui.label(if after.is_empty() {
                                "–".to_owned()
                            } else {
                                after.join(", ")
                            });
                            ui.end_row();
                        }
                    });
            });
        });
}

fn scores(ui: &mut Ui, f: &Frame<'_>, points: &[ScorePoint], out: &mut Outbox) {
    let t = f.t;
    if points.is_empty() {
        ui.label(RichText::new(t.chart_scores_empty).weak());
    }
    let colours = [
        Color32::from_rgb(0x2f, 0x85, 0x5a),
        Color32::from_rgb(0xc9, 0xa2, 0x27),
        Color32::from_rgb(0x1f, 0x5f, 0xa8),
        Color32::from_rgb(0xc0, 0x39, 0x2b),
    ];
    let selected = match f.selection {
        Selection::Cell(c, s) => Some((c, s)),
        _ => None,
    };
    // Per quadrant series, the names of its points in order, for the hover label.
    let groups: Vec<(Quadrant, Vec<&ScorePoint>)> = Quadrant::ALL
        .iter()
        .map(|q| (*q, points.iter().filter(|p| p.quadrant == *q).collect()))
        .collect();
    let hover_names: Vec<(String, Vec<String>)> = groups
        .iter()
        .map(|(q, group)| {
            let names = group
                .iter()
                .map(|p| {
                    format!(
                        "{} — {}\n{} {}, {} {}",
                        p.cluster_name,
                        p.scenario_label,
                        t.desirability_lower,
                        p.desirability,
                        t.feasibility_lower,
                        p.feasibility
                    )
                })
                .collect();
            (t.quadrant(*q).to_owned(), names)
        })
        .collect();
    let plot = Plot::new("scores-plot")
        .height(380.0)
        // Square-ish where there is room; narrower at a large zoom instead of cut off.
        .width(ui.available_width().min(520.0))
        .x_axis_label(t.desirability)
        .y_axis_label(t.feasibility)
        .default_x_bounds(0.5, 5.5)
        .default_y_bounds(0.5, 5.5)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .show_grid(false)
        .label_formatter(move |hover| match hover {
            HoverPosition::NearDataPoint {
                plot_name, index, ..
            } => hover_names
                .iter()
                .find(|(name, _)| name == plot_name)
                .and_then(|(_, names)| names.get(*index).cloned()),
            HoverPosition::Elsewhere { .. } => None,
        });
    let response = plot.show(ui, |plot| {
        let divider = f64::from(charts::HIGH_SCORE) - 0.5;
        plot.vline(VLine::new("", divider).color(Color32::GRAY));
        plot.hline(HLine::new("", divider).color(Color32::GRAY));
        for (q, (x, y)) in
            Quadrant::ALL
                .iter()
                .zip([(4.0, 5.3), (4.0, 0.7), (1.5, 5.3), (1.5, 0.7)])
        {
            plot.text(Text::new(
                "",
                PlotPoint::new(x, y),
                RichText::new(t.quadrant(*q)).small().weak(),
            ));
        }
        for ((q, group), colour) in groups.iter().zip(colours) {
            if group.is_empty() {
                continue;
            }
            // Points that share a position are spread a little so each stays visible.
            let coordinates: Vec<[f64; 2]> = group
                .iter()
                .enumerate()
                .map(|(k, p)| {
                    let same_before = group
                        .iter()
                        .take(k)
                        .filter(|o| {
                            o.desirability == p.desirability && o.feasibility == p.feasibility
                        })
                        .count() as f64;
                    let offset = same_before * 0.12;
                    [
                        f64::from(p.desirability) + offset,
                        f64::from(p.feasibility) + offset,
                    ]
                })
                .collect();
            plot.points(
                Points::new(t.quadrant(*q), coordinates)
                    .radius(6.0)
                    .color(colour),
            );
            if let Some(p) = group
                .iter()
                .find(|p| selected == Some((p.cluster, p.scenario)))
            {
                plot.points(
                    Points::new(
                        "",
                        vec![[f64::from(p.desirability), f64::from(p.feasibility)]],
                    )
                    .radius(10.0)
                    .filled(false)
                    .color(colour),
                );
            }
        }
    });
    let plot_response = &response.response;
    plot_response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, t.chart_scores));
    let clicked_at = plot_response
        .clicked()
        .then(|| {
            plot_response
                .interact_pointer_pos()
                .or(plot_response.hover_pos())
        })
        .flatten();
    if let Some(pos) = clicked_at
        && let Some(p) = nearest(points, response.transform.value_from_position(pos))
    {
        out.select = Some(Selection::Cell(p.cluster, p.scenario));
    }
    ui.horizontal_wrapped(|ui| {
        for (q, colour) in Quadrant::ALL.iter().zip(colours) {
            badge(ui, t.quadrant(*q), colour);
        }
    });
    egui::CollapsingHeader::new(t.chart_numbers)
        .id_salt("score-numbers")
        .show(ui, |ui| {
            for p in points {
                let text = format!(
                    "{} — {}: {} {}, {} {} ({})",
                    p.cluster_name,
                    p.scenario_label,
                    t.desirability_lower,
                    p.desirability,
                    t.feasibility_lower,
                    p.feasibility,
                    t.quadrant(p.quadrant)
                );
                if ui
                    .selectable_label(selected == Some((p.cluster, p.scenario)), text)
                    .clicked()
                {
                    out.select = Some(Selection::Cell(p.cluster, p.scenario));
                }
            }
        });
}

/// The point nearest to where the pointer is, within a third of a score step.
pub(crate) fn nearest(points: &[ScorePoint], at: PlotPoint) -> Option<&ScorePoint> {
    points
        .iter()
        .map(|p| {
            let dx = f64::from(p.desirability) - at.x;
            let dy = f64::from(p.feasibility) - at.y;
            (p, dx * dx + dy * dy)
        })
        .filter(|(_, d)| *d <= 0.35 * 0.35)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(p, _)| p)
}

fn consensus(ui: &mut Ui, f: &Frame<'_>) {
    let t = f.t;
    let data = charts::advice_consensus(f.ws);
    super::widgets::sideways(ui, "consensus-grid", |ui| {
        egui::Grid::new("consensus-grid")
            .striped(true)
            .min_col_width(90.0)
            .show(ui, |ui| {
                ui.strong(t.body);
                for (_, label) in &data.scenarios {
                    ui.strong(label);
                }
                ui.end_row();
                for (b, (_, name)) in data.bodies.iter().enumerate() {
                    ui.label(name);
                    for s in 0..data.scenarios.len() {
                        if let Some(cell) = data.cell(b, s) {
                            let r = badge(ui, t.stance(cell.stance), stance_colour(cell.stance));
                            if !cell.quote.is_empty() {
                                r.on_hover_text(&cell.quote);
                            }
                        }
                    }
                    ui.end_row();
                }
            });
    });
    super::advice::legend(ui, f);
}

fn row_names_width_source(t_data: &Timeline) -> Vec<&str> {
    t_data.rows.iter().map(|r| r.name.as_str()).collect()
}

/// About the width of the longest name in the axis font (a character is about 7
/// points), capped so a very long name does not take the plot's room.
fn longest_name_width(names: &[&str]) -> f32 {
    let longest = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    (longest as f32 * 7.0 + 12.0).min(240.0)
}
