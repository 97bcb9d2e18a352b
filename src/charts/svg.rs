//! The four charts as SVG for the exports: plain string building, deterministic (same
//! data, same bytes), every text escaped, no script and no external reference, so an
//! HTML export can inline them and a DOCX/PDF writer can rasterise them. Each chart
//! comes with the table of the numbers behind it, for readers who cannot see the
//! picture and for checking.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jiff::civil::Date;

use super::*;

/// A chart ready for an export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartSvg {
    /// A Dutch caption, also the SVG's `<title>`.
    pub title: String,
    /// A complete SVG document (`<svg xmlns=…>…</svg>`).
    pub svg: String,
    /// The numbers behind the chart; the first row is the header.
    pub table: Vec<Vec<String>>,
}

/// All four charts of a workspace, in the order the document shows them.
pub fn all_charts(ws: &Workspace, today: Date) -> Vec<ChartSvg> {
    vec![
        budget_svg(&budget_per_year(ws)),
        timeline_svg(&timeline(ws, today)),
        scores_svg(&desirability_feasibility(ws)),
        consensus_svg(&advice_consensus(ws)),
    ]
}

const FONT: &str = "DejaVu Sans, Arial, Helvetica, sans-serif";
const INK: &str = "#222222";
const GRID: &str = "#d0d0d0";
const MUTED: &str = "#666666";
/// Okabe–Ito, readable for the colour-blind, then a few more distinct tones.
const PALETTE: [&str; 12] = [
    "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#332288",
    "#88ccee", "#117733", "#aa4499", "#999999",
];
/// How many clusters the budget chart draws apart; the rest share one colour.
const SEPARATE_CLUSTERS: usize = 10;

fn colour(index: usize) -> &'static str {
    PALETTE.get(index % PALETTE.len()).copied().unwrap_or(INK)
}

/// XML-escapes text and drops characters XML 1.0 cannot carry.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c, '\u{fffe}' | '\u{ffff}') => {}
            c => out.push(c),
        }
    }
    out
}

/// Cuts a label to `max` characters with an ellipsis: SVG text does not wrap, and
/// without the font at hand we cannot measure it.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut short: String = text.chars().take(max.saturating_sub(1)).collect();
        short.push('…');
        short
    }
}

/// Coordinates with one decimal: enough on screen and in print, and stable text.
fn n(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == rounded.trunc() {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// Where the exports place a chart: at the text width (DOCX 453,5 pt, PDF 471,3 pt,
/// the narrower counts) and in the PDF at most half the text height (350,9 pt).
pub(crate) const PRINT_WIDTH_PT: f64 = 453.5;
pub(crate) const PRINT_MAX_HEIGHT_PT: f64 = 350.9;
/// The smallest text size a printed chart may have.
pub(crate) const MIN_PRINT_TEXT_PT: f64 = 7.0;

/// Points per SVG unit when a `width` × `height` chart is printed.
pub(crate) fn print_scale(width: f64, height: f64) -> f64 {
    (PRINT_WIDTH_PT / width.max(1.0)).min(PRINT_MAX_HEIGHT_PT / height.max(1.0))
}

struct Canvas {
    out: String,
    /// No text smaller than this, in SVG units: [`MIN_PRINT_TEXT_PT`] at print size.
    min_font: f64,
}

impl Canvas {
    fn new(width: f64, height: f64, title: &str, description: &str) -> Self {
        let mut out = String::new();
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" font-family=\"{FONT}\" font-size=\"12\">\n<title>{t}</title>\n<desc>{d}</desc>\n<rect x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n",
            w = n(width),
            h = n(height),
            t = escape(title),
            d = escape(description),
        );
        let min_font = (MIN_PRINT_TEXT_PT / print_scale(width, height) * 10.0).ceil() / 10.0;
        Self { out, min_font }
    }

    fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }

    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, tooltip: Option<&str>) {
        let _ = write!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"",
            n(x),
            n(y),
            n(w.max(0.0)),
            n(h.max(0.0)),
            fill
        );
        self.close_with_tooltip("rect", tooltip);
    }

    fn circle(&mut self, x: f64, y: f64, r: f64, fill: &str, tooltip: Option<&str>) {
        let _ = write!(
            self.out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" fill-opacity=\"0.85\" stroke=\"#ffffff\"",
            n(x),
            n(y),
            n(r),
            fill
        );
        self.close_with_tooltip("circle", tooltip);
    }

    fn close_with_tooltip(&mut self, element: &str, tooltip: Option<&str>) {
        match tooltip {
            Some(text) => {
                let _ = writeln!(self.out, "><title>{}</title></{element}>", escape(text));
            }
            None => self.out.push_str("/>\n"),
        }
    }

    fn line(&mut self, from: (f64, f64), to: (f64, f64), stroke: &str, width: f64, dashed: bool) {
        let _ = writeln!(
            self.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"{}/>",
            n(from.0),
            n(from.1),
            n(to.0),
            n(to.1),
            stroke,
            n(width),
            if dashed {
                " stroke-dasharray=\"6 4\""
            } else {
                ""
            }
        );
    }

    /// Text; `anchor` is start, middle or end.
    fn text(&mut self, x: f64, y: f64, text: &str, anchor: &str, size: f64, fill: &str) {
        let _ = writeln!(
            self.out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" font-size=\"{}\" fill=\"{fill}\">{}</text>",
            n(x),
            n(y),
            n(size.max(self.min_font)),
            escape(text)
        );
    }

    fn legend(&mut self, x: f64, y: f64, entries: &[(String, &str)]) {
        self.legend_sized(x, y, entries, 12.0);
    }

    fn legend_sized(&mut self, x: f64, mut y: f64, entries: &[(String, &str)], size: f64) {
        let size = size.max(self.min_font);
        for (label, fill) in entries {
            self.rect(x, y - size + 2.0, size, size, fill, None);
            self.text(x + size + 6.0, y, label, "start", size, INK);
            y += size * 1.5;
        }
    }
}

/// How many year labels fit under the budget chart without touching, at [`LABEL`].
const YEAR_LABELS: usize = 13;

/// Text size of the budget chart, in SVG units. The PDF and DOCX place a 900-wide
/// chart at the text width (471 pt in the PDF, 453 pt in the DOCX), a scale of about
/// 0.50: 14 units print at 7 pt or more.
const LABEL: f64 = 14.0;

/// More grid lines than [`nice_step`] ever gives (about five); a bound, not a target.
const MAX_TICKS: i64 = 20;

/// A step of 1, 2 or 5 × 10ⁿ so that about five steps reach `max`.
fn nice_step(max: i64) -> i64 {
    let raw = (max / 5).max(1);
    let mut magnitude = 1_i64;
    while magnitude.saturating_mul(10) <= raw {
        magnitude = magnitude.saturating_mul(10);
    }
    [1, 2, 5, 10]
        .into_iter()
        .map(|f| magnitude.saturating_mul(f))
        .find(|step| *step >= raw)
        .unwrap_or(raw)
}

/// Stacked bars of structural funding per year, with today's funding as a dashed line.
pub(crate) fn budget_svg(chart: &BudgetPerYear) -> ChartSvg {
    let title = "Structurele financiering per jaar en per cluster".to_owned();
    let (width, height) = (900.0, 480.0);
    let (left, right, top, bottom) = (110.0, 660.0, 60.0, 420.0);
    let mut canvas = Canvas::new(
        width,
        height,
        &title,
        &format!(
            "Gestapelde staven per jaar van {} tot {}; de stippellijn is de financiering vandaag.",
            chart
                .years
                .first()
                .copied()
                .unwrap_or(crate::model::funding::FIRST_YEAR),
            chart
                .years
                .last()
                .copied()
                .unwrap_or(crate::model::funding::LAST_YEAR)
        ),
    );

    // The largest clusters apart, the others together, so the chart stays readable at
    // any size; the table keeps every cluster.
    let mut order: Vec<usize> = (0..chart.clusters.len()).collect();
    order.sort_by_key(|i| {
        std::cmp::Reverse(chart.clusters.get(*i).map_or(Euro(0), ClusterBudget::total))
    });
    let (apart, rest) = order.split_at(order.len().min(SEPARATE_CLUSTERS));
    // Within the stack the workspace order holds, so a cluster keeps its place and
    // colour whatever the sizes.
    let mut apart = apart.to_vec();
    apart.sort_unstable();
    // Unknown amounts draw nothing here; the "?" above the bar says they are missing.
    let mut layers: Vec<(String, &str, Vec<Euro>)> = apart
        .iter()
        .enumerate()
        .filter_map(|(slot, i)| {
            let c = chart.clusters.get(*i)?;
            let known = (0..chart.years.len())
                .map(|y| c.at(y).unwrap_or(Euro(0)))
                .collect();
            Some((c.name.clone(), colour(slot), known))
        })
        .collect();
    if !rest.is_empty() {
        let summed = (0..chart.years.len())
            .map(|y| {
                rest.iter()
                    .filter_map(|i| chart.clusters.get(*i)?.at(y))
                    .fold(Euro(0), |s, a| s.saturating_add(a))
            })
            .collect();
        layers.push((
            format!("Overige clusters ({})", rest.len()),
            "#bbbbbb",
            summed,
        ));
    }

    let peak = chart
        .totals
        .iter()
        .copied()
        .chain(chart.reference)
        .max()
        .unwrap_or(Euro(0))
        .amount()
        .max(1);
    let step = nice_step(peak);
    // Rounded up to a whole step; saturating, since a file can hold amounts near the
    // limit of whole euros.
    let top_value = (peak / step)
        .saturating_add(i64::from(peak % step != 0))
        .saturating_mul(step);
    let y_of = |value: i64| bottom - (value as f64 / top_value as f64) * (bottom - top);

    canvas.text(left, 24.0, &title, "start", 15.0, INK);
    // Counted, not stepped until past the top: near the limit of whole euros a
    // saturating step stands still at the top and the loop would never end.
    let ticks = (0..=MAX_TICKS)
        .map_while(|k| step.checked_mul(k))
        .take_while(|tick| *tick <= top_value);
    for tick in ticks {
        let y = y_of(tick);
        canvas.line((left, y), (right, y), GRID, 1.0, false);
        canvas.text(
            left - 6.0,
            y + 4.0,
            &Euro(tick).flemish(),
            "end",
            LABEL,
            INK,
        );
    }
    let slot = (right - left) / chart.years.len().max(1) as f64;
    let label_every = chart.years.len().div_ceil(YEAR_LABELS).max(1);
    for (index, year) in chart.years.iter().enumerate() {
        let x = left + slot * index as f64;
        let mut base = 0_i64;
        for (name, fill, amounts) in &layers {
            let amount = amounts.get(index).copied().unwrap_or(Euro(0));
            if amount.amount() <= 0 {
                continue;
            }
            let tip = format!("{name} – {year}: {}", amount.flemish());
            let (y_top, y_base) = (y_of(base.saturating_add(amount.amount())), y_of(base));
            canvas.rect(
                x + slot * 0.15,
                y_top,
                slot * 0.7,
                y_base - y_top,
                fill,
                Some(&tip),
            );
            base = base.saturating_add(amount.amount());
        }
        let unknown = chart.unknown.get(index).copied().unwrap_or(0);
        if unknown > 0 {
            let tip = format!(
                "{year}: financiering van {} niet bekend, niet meegeteld",
                clusters_counted(unknown)
            );
            let _ = writeln!(
                canvas.out,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\" fill=\"{MUTED}\">?<title>{}</title></text>",
                n(x + slot / 2.0),
                n(y_of(base) - 4.0),
                n(LABEL.max(canvas.min_font)),
                escape(&tip)
            );
        }
        // Budgets past 2035 widen the span; the labels then thin out so they never
        // run together (19 fit the axis).
        if index % label_every == 0 {
            canvas.text(
                x + slot / 2.0,
                bottom + 16.0,
                &year.to_string(),
                "middle",
                LABEL,
                INK,
            );
        }
    }
    canvas.line((left, bottom), (right, bottom), INK, 1.0, false);
    canvas.line((left, top), (left, bottom), INK, 1.0, false);
    match chart.reference {
        Some(reference) => {
            let reference_y = y_of(reference.amount());
            canvas.line(
                (left, reference_y),
                (right, reference_y),
                "#c00000",
                2.0,
                true,
            );
            canvas.text(
                left + 4.0,
                reference_y - 5.0,
                &format!("Financiering vandaag: {}", reference.flemish()),
                "start",
                LABEL,
                "#c00000",
            );
        }
        None => canvas.text(
            left + 4.0,
            top - 8.0,
            "Financiering vandaag: te groot om te berekenen",
            "start",
            LABEL,
            "#c00000",
        ),
    }
    canvas.text(
        (left + right) / 2.0,
        height - 22.0,
        "Jaar",
        "middle",
        LABEL,
        INK,
    );
    canvas.text(16.0, 44.0, "Bedrag per jaar", "start", LABEL, MUTED);
    let legend: Vec<(String, &str)> = layers
        .iter()
        .map(|(name, fill, _)| (shorten(name, 20), *fill))
        .chain([("Financiering vandaag".to_owned(), "#c00000")])
        .collect();
    canvas.legend_sized(right + 20.0, top + 10.0, &legend, LABEL);
    if chart.unknown.iter().any(|u| *u > 0) {
        canvas.text(
            left,
            height - 6.0,
            "? = financiering van een of meer clusters niet bekend, niet meegeteld",
            "start",
            LABEL,
            MUTED,
        );
    }

    let mut header = vec!["Cluster".to_owned()];
    header.extend(chart.years.iter().map(i32::to_string));
    header.push("Totaal".to_owned());
    let mut table = vec![header];
    for c in &chart.clusters {
        let mut row = vec![c.name.clone()];
        row.extend(
            c.amounts
                .iter()
                .map(|a| a.map_or_else(|| UNKNOWN.to_owned(), Euro::flemish)),
        );
        row.push(c.total().flemish());
        table.push(row);
    }
    let mut totals = vec!["Totaal".to_owned()];
    totals.extend(chart.totals.iter().map(|a| a.flemish()));
    totals.push(
        chart
            .totals
            .iter()
            .fold(Euro(0), |s, a| s.saturating_add(*a))
            .flemish(),
    );
    table.push(totals);
    if chart.unknown.iter().any(|u| *u > 0) {
        let mut unknown = vec!["Niet meegeteld (onbekend)".to_owned()];
        unknown.extend(chart.unknown.iter().map(|u| {
            if *u == 0 {
                "\u{2013}".to_owned()
            } else {
                clusters_counted(*u)
            }
        }));
        unknown.push(String::new());
        table.push(unknown);
    }
    let mut reference = vec!["Financiering vandaag".to_owned()];
    let today = chart
        .reference
        .map_or_else(|| "te groot om te berekenen".to_owned(), Euro::flemish);
    reference.extend(chart.years.iter().map(|_| today.clone()));
    reference.push(String::new());
    table.push(reference);

    ChartSvg {
        title,
        svg: canvas.finish(),
        table,
    }
}

/// A table cell whose amount is not known.
pub(crate) const UNKNOWN: &str = "onbekend";

/// "1 cluster", "3 clusters".
pub(crate) fn clusters_counted(count: usize) -> String {
    if count == 1 {
        "1 cluster".to_owned()
    } else {
        format!("{count} clusters")
    }
}

use crate::model::text::DUTCH_MONTHS as MONTHS;

/// "1 maart 2026".
pub(crate) fn dutch_date(date: Date) -> String {
    let month = usize::try_from(date.month() - 1)
        .ok()
        .and_then(|m| MONTHS.get(m))
        .copied()
        .unwrap_or("");
    format!("{} {month} {}", date.day(), date.year())
}

fn scenario_colours(
    labels: impl Iterator<Item = (ScenarioId, String)>,
) -> BTreeMap<String, (ScenarioId, &'static str)> {
    let sorted: BTreeMap<String, ScenarioId> = labels.map(|(id, label)| (label, id)).collect();
    sorted
        .into_iter()
        .enumerate()
        .map(|(i, (label, id))| (label, (id, colour(i + 2))))
        .collect()
}

fn colour_of(
    colours: &BTreeMap<String, (ScenarioId, &'static str)>,
    scenario: ScenarioId,
) -> &'static str {
    colours
        .values()
        .find(|(id, _)| *id == scenario)
        .map_or(MUTED, |(_, c)| c)
}

/// One row per cluster: the funded term, the end of the ten-year limit, the scenarios
/// after it and a line for today.
pub(crate) fn timeline_svg(t: &Timeline) -> ChartSvg {
    let title = "Tijdlijn per cluster: financiering, einde termijn en scenario's".to_owned();
    let row_height = 22.0;
    let (left, right, top) = (260.0, 800.0, 60.0);
    let bottom = top + row_height * t.rows.len() as f64;
    let (width, height) = (1040.0, bottom + 90.0);
    let mut canvas = Canvas::new(
        width,
        height,
        &title,
        "Per cluster de gefinancierde jaren, het einde van de termijn en de gekozen scenario's daarna.",
    );
    let years = (t.last_year - t.first_year + 1).max(1);
    let year_width = (right - left) / f64::from(years);
    let x_of = |year: f64| left + (year - f64::from(t.first_year)) * year_width;
    let clip = |year: i32| year.clamp(t.first_year, t.last_year + 1);

    canvas.text(left, 24.0, &title, "start", 15.0, INK);
    for year in t.first_year..=t.last_year {
        let x = x_of(f64::from(year));
        canvas.line((x, top - 6.0), (x, bottom), GRID, 1.0, false);
        canvas.text(
            x + year_width / 2.0,
            top - 10.0,
            &format!("'{:02}", year.rem_euclid(100)),
            "middle",
            10.0,
            INK,
        );
    }
    let colours = scenario_colours(
        t.rows
            .iter()
            .flat_map(|r| r.after.iter().map(|s| (s.scenario, s.label.clone()))),
    );
    for (index, row) in t.rows.iter().enumerate() {
        let y = top + row_height * index as f64;
        // At print size (text at least 7 pt) 24 characters fill the left margin; the
        // status stands in the table below.
        let label = shorten(&row.name, 24);
        canvas.text(left - 8.0, y + 15.0, &label, "end", 11.0, INK);
        if let Some((first, last)) = row.funded {
            let (a, b) = (clip(first), clip(last.saturating_add(1)));
            let tip = format!("{}: gefinancierd {first}–{last}", row.name);
            canvas.rect(
                x_of(f64::from(a)),
                y + 4.0,
                x_of(f64::from(b)) - x_of(f64::from(a)),
                14.0,
                "#0072b2",
                Some(&tip),
            );
        }
        let after_start = row
            .term_end
            .map_or(t.today.year().into(), |end: i32| end.saturating_add(1));
        let lanes = row.after.len().max(1) as f64;
        for (lane, s) in row.after.iter().enumerate() {
            let (first, last) = s.budget_years.unwrap_or((after_start, t.last_year));
            let (a, b) = (clip(first), clip(last.saturating_add(1)));
            let lane_height = 14.0 / lanes;
            let tip = format!(
                "{}: {} ({}){}",
                row.name,
                s.label,
                s.role.dutch(),
                s.budget_years.map_or_else(
                    || ", zonder budget".to_owned(),
                    |(f, l)| format!(", budget {f}–{l}")
                )
            );
            let fill = colour_of(&colours, s.scenario);
            canvas.rect(
                x_of(f64::from(a)),
                y + 4.0 + lane_height * lane as f64,
                x_of(f64::from(b)) - x_of(f64::from(a)),
                lane_height,
                fill,
                Some(&tip),
            );
        }
        if let Some(end) = row.term_end
            && (t.first_year..=t.last_year).contains(&end)
        {
            let x = x_of(f64::from(end) + 1.0);
            canvas.line(
                (x, y + 1.0),
                (x, y + row_height - 1.0),
                "#c00000",
                3.0,
                false,
            );
        }
        let chosen: Vec<String> = row.after.iter().map(|s| s.label.clone()).collect();
        canvas.text(
            right + 10.0,
            y + 15.0,
            &shorten(&chosen.join(", "), 22),
            "start",
            10.0,
            MUTED,
        );
    }
    let today = f64::from(t.today.year()) + f64::from(t.today.day_of_year() - 1) / 365.25;
    if (f64::from(t.first_year)..f64::from(t.last_year + 1)).contains(&today) {
        let x = x_of(today);
        canvas.line((x, top - 4.0), (x, bottom + 4.0), INK, 1.5, true);
        canvas.text(
            x,
            bottom + 18.0,
            &format!("vandaag ({})", dutch_date(t.today)),
            "middle",
            11.0,
            INK,
        );
    }
    canvas.text(left - 8.0, top - 10.0, "Jaar", "end", 11.0, MUTED);
    let mut legend: Vec<(String, &str)> = vec![
        ("Gefinancierde termijn".to_owned(), "#0072b2"),
        ("Einde termijn".to_owned(), "#c00000"),
    ];
    legend.extend(
        colours
            .iter()
            .map(|(label, (_, c))| (format!("Daarna: {label}"), *c)),
    );
    // Two columns under the chart.
    let half = legend.len().div_ceil(2);
    let (first, second) = legend.split_at(half);
    canvas.legend(left, bottom + 40.0, first);
    canvas.legend(left + 330.0, bottom + 40.0, second);

    let mut table = vec![vec![
        "Cluster".to_owned(),
        "Status".to_owned(),
        "Gefinancierd".to_owned(),
        "Einde termijn".to_owned(),
        "Scenario's daarna".to_owned(),
    ]];
    for row in &t.rows {
        let after: Vec<String> = row
            .after
            .iter()
            .map(|s| {
                let years = s
                    .budget_years
                    .map_or_else(String::new, |(f, l)| format!(", {f}–{l}"));
                format!("{} ({}{years})", s.label, s.role.dutch())
            })
            .collect();
        table.push(vec![
            row.name.clone(),
            row.status.dutch().to_owned(),
            row.funded
                .map_or_else(|| "onbekend".to_owned(), |(f, l)| format!("{f}–{l}")),
            row.term_end
                .map_or_else(|| "onbekend".to_owned(), |e| format!("eind {e}")),
            after.join("; "),
        ]);
    }
    ChartSvg {
        title,
        svg: canvas.finish(),
        table,
    }
}

/// Desirability (across) against feasibility (up), split at 3 into the four quadrants.
/// Assignments with the same scores and scenario share one circle, sized by their number.
pub(crate) fn scores_svg(points: &[ScorePoint]) -> ChartSvg {
    let title = "Wenselijkheid en haalbaarheid per toewijzing".to_owned();
    let (width, height) = (820.0, 740.0);
    let (left, right, top, bottom) = (60.0, 610.0, 50.0, 680.0);
    let mut canvas = Canvas::new(
        width,
        height,
        &title,
        "Eén punt per toewijzing met beide scores; scores vanaf 3 gelden als hoog.",
    );
    // Scores 1–5 sit in the middle of five columns; vertically a band above 5 and
    // below 1 leaves room for the quadrant labels.
    let cell = (right - left) / 5.0;
    let band = ((bottom - top) - 5.0 * cell) / 2.0;
    let x_of = |score: f64| left + (score - 0.5) * cell;
    let y_of = |score: f64| bottom - band - (score - 0.5) * cell;
    let split_x = x_of(f64::from(HIGH_SCORE) - 0.5);
    let split_y = y_of(f64::from(HIGH_SCORE) - 0.5);
    canvas.text(left, 24.0, &title, "start", 15.0, INK);
    let quadrants = [
        (
            Quadrant::DesirableFeasible,
            split_x,
            top,
            right - split_x,
            split_y - top,
            "#e3f4ea",
        ),
        (
            Quadrant::DesirableHard,
            split_x,
            split_y,
            right - split_x,
            bottom - split_y,
            "#fdf1dc",
        ),
        (
            Quadrant::FeasibleUndesirable,
            left,
            top,
            split_x - left,
            split_y - top,
            "#e6eef8",
        ),
        (
            Quadrant::UndesirableHard,
            left,
            split_y,
            split_x - left,
            bottom - split_y,
            "#f7e4e4",
        ),
    ];
    let counts = quadrant_counts(points);
    for (i, (quadrant, x, y, w, h, fill)) in quadrants.iter().enumerate() {
        canvas.rect(*x, *y, *w, *h, fill, None);
        let count = Quadrant::ALL
            .iter()
            .position(|q| q == quadrant)
            .and_then(|q| counts.get(q))
            .copied()
            .unwrap_or(0);
        // The name and, on its own line towards the middle, how many points.
        let (name_y, count_y) = if i % 2 == 0 {
            (y + 16.0, y + 30.0)
        } else {
            (y + h - 8.0, y + h - 22.0)
        };
        canvas.text(x + w / 2.0, name_y, quadrant.dutch(), "middle", 10.0, MUTED);
        canvas.text(
            x + w / 2.0,
            count_y,
            &format!("({count})"),
            "middle",
            10.0,
            MUTED,
        );
    }
    for score in 1..=5 {
        let s = f64::from(score);
        canvas.line((x_of(s), top), (x_of(s), bottom), GRID, 1.0, false);
        canvas.line((left, y_of(s)), (right, y_of(s)), GRID, 1.0, false);
        canvas.text(
            x_of(s),
            bottom + 16.0,
            &score.to_string(),
            "middle",
            11.0,
            INK,
        );
        canvas.text(
            left - 8.0,
            y_of(s) + 4.0,
            &score.to_string(),
            "end",
            11.0,
            INK,
        );
    }
    canvas.line((split_x, top), (split_x, bottom), INK, 1.0, true);
    canvas.line((left, split_y), (right, split_y), INK, 1.0, true);
    canvas.text(
        (left + right) / 2.0,
        bottom + 38.0,
        "Wenselijkheid (1–5)",
        "middle",
        12.0,
        INK,
    );
    canvas.text(16.0, top - 12.0, "Haalbaarheid (1–5)", "start", 12.0, INK);

    let colours = scenario_colours(
        points
            .iter()
            .map(|p| (p.scenario, p.scenario_label.clone())),
    );
    let lanes = colours.len().max(1);
    // (desirability, feasibility, scenario order) → the points there, in workspace order.
    let mut groups: BTreeMap<(Score, Score, usize), Vec<&ScorePoint>> = BTreeMap::new();
    for p in points {
        let lane = colours
            .values()
            .position(|(id, _)| *id == p.scenario)
            .unwrap_or(0);
        groups
            .entry((p.desirability, p.feasibility, lane))
            .or_default()
            .push(p);
    }
    let largest = groups.values().map(Vec::len).max().unwrap_or(1).max(1) as f64;
    for ((d, f, lane), members) in &groups {
        // Scenarios sit side by side in a cell, so they do not hide each other.
        let angle = std::f64::consts::TAU * (*lane as f64) / lanes as f64;
        let offset = if lanes > 1 { cell * 0.22 } else { 0.0 };
        let x = x_of(f64::from(*d)) + offset * angle.cos();
        let y = y_of(f64::from(*f)) + offset * angle.sin();
        let radius = 5.0 + 9.0 * (members.len() as f64 / largest).sqrt();
        let names: Vec<&str> = members
            .iter()
            .take(8)
            .map(|p| p.cluster_name.as_str())
            .collect();
        let more = if members.len() > names.len() {
            ", …"
        } else {
            ""
        };
        let label = members.first().map_or("", |p| p.scenario_label.as_str());
        let tip = format!(
            "{label} — wenselijkheid {d}, haalbaarheid {f}: {} ({}{more})",
            if members.len() == 1 {
                "1 toewijzing".to_owned()
            } else {
                format!("{} toewijzingen", members.len())
            },
            names.join(", ")
        );
        let fill = members
            .first()
            .map_or(MUTED, |p| colour_of(&colours, p.scenario));
        canvas.circle(x, y, radius, fill, Some(&tip));
        if members.len() > 1 {
            canvas.text(
                x,
                y + 4.0,
                &members.len().to_string(),
                "middle",
                10.0,
                "#ffffff",
            );
        }
    }
    let legend: Vec<(String, &str)> = colours
        .iter()
        .map(|(label, (_, c))| (label.clone(), *c))
        .collect();
    canvas.legend(right + 24.0, top + 10.0, &legend);

    let mut table = vec![vec![
        "Cluster".to_owned(),
        "Scenario".to_owned(),
        "Wenselijkheid".to_owned(),
        "Haalbaarheid".to_owned(),
        "Kwadrant".to_owned(),
    ]];
    table.extend(points.iter().map(|p| {
        vec![
            p.cluster_name.clone(),
            p.scenario_label.clone(),
            p.desirability.to_string(),
            p.feasibility.to_string(),
            p.quadrant.dutch().to_owned(),
        ]
    }));
    ChartSvg {
        title,
        svg: canvas.finish(),
        table,
    }
}

/// The colour of a stance: green supports, amber conditional, grey neutral, red
/// rejects, white with a border not stated.
pub(crate) fn stance_colour(stance: Stance) -> &'static str {
    match stance {
        Stance::Supports => "#1a9850",
        Stance::Conditional => "#fdae61",
        Stance::Neutral => "#bababa",
        Stance::Rejects => "#d73027",
        Stance::NotStated => "#f4f4f4",
    }
}

/// Bodies × scenarios coloured by stance, with the counts per scenario below.
pub(crate) fn consensus_svg(c: &AdviceConsensus) -> ChartSvg {
    let title = "Standpunten van de adviesorganen per scenario".to_owned();
    let (cell_w, cell_h) = (130.0, 34.0);
    let (left, top) = (170.0, 70.0);
    let right = left + cell_w * c.scenarios.len() as f64;
    let bottom = top + cell_h * c.bodies.len() as f64;
    let (width, height) = (
        (right + 200.0).max(700.0),
        bottom + 30.0 + 16.0 * 5.0 + 20.0,
    );
    let mut canvas = Canvas::new(
        width,
        height,
        &title,
        "Per adviesorgaan en per scenario het standpunt, met het aantal organen per standpunt.",
    );
    canvas.text(16.0, 24.0, &title, "start", 15.0, INK);
    for (column, (_, label)) in c.scenarios.iter().enumerate() {
        let x = left + cell_w * column as f64;
        canvas.text(
            x + cell_w / 2.0,
            top - 10.0,
            &shorten(label, 18),
            "middle",
            12.0,
            INK,
        );
    }
    for (row, (_, name)) in c.bodies.iter().enumerate() {
        let y = top + cell_h * row as f64;
        canvas.text(
            left - 8.0,
            y + cell_h / 2.0 + 4.0,
            &shorten(name, 22),
            "end",
            12.0,
            INK,
        );
        for (column, (_, scenario)) in c.scenarios.iter().enumerate() {
            let Some(cell) = c.cell(row, column) else {
                continue;
            };
            let x = left + cell_w * column as f64;
            let mut tip = format!("{name} over {scenario}: {}", cell.stance.dutch());
            if !cell.quote.is_empty() {
                let _ = write!(tip, " — {}", cell.quote);
            }
            canvas.rect(
                x + 1.0,
                y + 1.0,
                cell_w - 2.0,
                cell_h - 2.0,
                stance_colour(cell.stance),
                Some(&tip),
            );
            let ink = if matches!(cell.stance, Stance::Supports | Stance::Rejects) {
                "#ffffff"
            } else {
                INK
            };
            canvas.text(
                x + cell_w / 2.0,
                y + cell_h / 2.0 + 4.0,
                cell.stance.dutch(),
                "middle",
                11.0,
                ink,
            );
        }
    }
    canvas.text(
        left - 8.0,
        bottom + 22.0,
        "Aantal organen:",
        "end",
        11.0,
        MUTED,
    );
    for (column, _) in c.scenarios.iter().enumerate() {
        let x = left + cell_w * column as f64 + 8.0;
        for (i, stance) in Stance::ALL.iter().enumerate() {
            let y = bottom + 22.0 + 16.0 * i as f64;
            canvas.text(
                x,
                y,
                &format!("{} {}", c.count(column, *stance), stance.dutch()),
                "start",
                10.0,
                INK,
            );
        }
    }
    let legend: Vec<(String, &str)> = Stance::ALL
        .iter()
        .map(|s| (s.dutch().to_owned(), stance_colour(*s)))
        .collect();
    canvas.legend(right + 24.0, top + 10.0, &legend);

    let mut header = vec!["Adviesorgaan".to_owned()];
    header.extend(c.scenarios.iter().map(|(_, label)| label.clone()));
    let mut table = vec![header];
    for (row, (_, name)) in c.bodies.iter().enumerate() {
        let mut line = vec![name.clone()];
        line.extend((0..c.scenarios.len()).map(|column| {
            c.cell(row, column)
                .map_or_else(String::new, |cell| cell.stance.dutch().to_owned())
        }));
        table.push(line);
    }
    for stance in Stance::ALL {
        let mut line = vec![format!("Aantal \u{201c}{}\u{201d}", stance.dutch())];
        line.extend((0..c.scenarios.len()).map(|column| c.count(column, stance).to_string()));
        table.push(line);
    }
    ChartSvg {
        title,
        svg: canvas.finish(),
        table,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{CATALISTI, recommended, with_advice};
    use super::*;

    fn today() -> Date {
        Date::new(2026, 3, 1).unwrap()
    }

    /// Parses the SVG as XML and checks what an export may rely on.
    fn assert_safe_svg(chart: &ChartSvg) -> roxmltree::Document<'_> {
        let doc = roxmltree::Document::parse(&chart.svg)
            .unwrap_or_else(|e| panic!("{}: not well-formed: {e}", chart.title));
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://www.w3.org/2000/svg")
        );
        for node in doc.descendants().filter(roxmltree::Node::is_element) {
            let name = node.tag_name().name();
            assert!(
                !matches!(
                    name,
                    "script" | "foreignObject" | "image" | "use" | "a" | "style"
                ),
                "{}: forbidden element {name}",
                chart.title
            );
            for attribute in node.attributes() {
                assert!(
                    !attribute.name().starts_with("on"),
                    "event handler {}",
                    attribute.name()
                );
                assert!(
                    !attribute.name().contains("href"),
                    "reference {}",
                    attribute.name()
                );
                assert!(!attribute.value().contains("url("), "external reference");
            }
        }
        let title = root
            .children()
            .find(|n| n.has_tag_name("title"))
            .and_then(|n| n.text());
        assert_eq!(title, Some(chart.title.as_str()));
        let header = chart.table.first().expect("a header row");
        assert!(
            chart.table.iter().all(|row| row.len() == header.len()),
            "{}: ragged table",
            chart.title
        );
        doc
    }

    fn texts<'a>(doc: &'a roxmltree::Document<'a>) -> Vec<&'a str> {
        doc.descendants()
            .filter(|n| n.has_tag_name("text") || n.has_tag_name("title"))
            .filter_map(|n| n.text())
            .collect()
    }

    #[test]
    fn a_long_budget_span_thins_its_year_labels() {
        let mut ws = with_advice();
        let cluster = ws.clusters[0].id;
        let scenario = ws.scenarios[0].id;
        ws.assignments.push(Assignment {
            cluster,
            scenario,
            budget: Some(YearlyBudget {
                amount: Euro(100_000),
                first_year: 2030,
                last_year: 2060,
            }),
            ..Default::default()
        });
        let chart = budget_svg(&budget_per_year(&ws));
        let doc = roxmltree::Document::parse(&chart.svg).expect("parses");
        let years: Vec<i32> = texts(&doc)
            .iter()
            .filter_map(|t| t.parse().ok())
            .filter(|y| (2017..=2060).contains(y))
            .collect();
        assert!(years.len() <= YEAR_LABELS, "{years:?}");
        assert_eq!(years.first(), Some(&2017));
        assert!(
            years.iter().any(|y| *y > 2035),
            "the widened span is labelled"
        );
        // The table keeps every year.
        assert_eq!(chart.table[0].len(), 1 + (2017..=2060).count() + 1);
    }

    #[test]
    fn all_four_are_well_formed_safe_and_deterministic() {
        let ws = with_advice();
        let charts = all_charts(&ws, today());
        assert_eq!(charts.len(), 4);
        for chart in &charts {
            assert_safe_svg(chart);
        }
        assert_eq!(charts, all_charts(&ws, today()));
        // A large workspace too: the grouping of small clusters and every label.
        let big = crate::synth::synthetic_workspace(60, 300, 5);
        for chart in all_charts(&big, today()) {
            assert_safe_svg(&chart);
        }
    }

    /// The exports place a chart at the text width (at most half a page high in the
    /// PDF): every text then prints at 7 pt or more.
    #[test]
    fn chart_text_prints_at_seven_points_or_more() {
        let big = crate::synth::synthetic_workspace(60, 300, 5);
        for ws in [with_advice(), big] {
            for chart in all_charts(&ws, today()) {
                let doc = assert_safe_svg(&chart);
                let root = doc.root_element();
                let size = |name: &str| -> f64 { root.attribute(name).unwrap().parse().unwrap() };
                let scale = print_scale(size("width"), size("height"));
                for text in doc.descendants().filter(|n| n.has_tag_name("text")) {
                    let units: f64 = text.attribute("font-size").unwrap().parse().unwrap();
                    let points = units * scale;
                    assert!(
                        points >= MIN_PRINT_TEXT_PT - 1e-9,
                        "{}: {:?} at {points:.2} pt",
                        chart.title,
                        text.text()
                    );
                }
            }
        }
    }

    #[test]
    fn budget_chart_shows_flemish_money_and_its_table_adds_up() {
        let chart = budget_svg(&budget_per_year(&recommended()));
        let doc = assert_safe_svg(&chart);
        let texts = texts(&doc);
        assert!(
            texts.contains(&"Financiering vandaag: € 3.900.000"),
            "{texts:?}"
        );
        assert!(texts.contains(&"Catalisti – 2027: € 500.000"), "{texts:?}");
        assert!(texts.contains(&"2035"));
        let header = &chart.table[0];
        assert_eq!(header[1], "2017");
        assert_eq!(header.last().map(String::as_str), Some("Totaal"));
        let catalisti = chart.table.iter().find(|r| r[0] == "Catalisti").unwrap();
        // 10 × 650.000 + 4 × 500.000 + 100.000
        assert_eq!(catalisti.last().unwrap(), "€ 8.600.000");
        let totals = chart.table.iter().find(|r| r[0] == "Totaal").unwrap();
        assert_eq!(totals[1], "€ 1.950.000");
    }

    #[test]
    fn timeline_marks_term_end_and_today() {
        let chart = timeline_svg(&timeline(&recommended(), today()));
        let doc = assert_safe_svg(&chart);
        let texts = texts(&doc);
        assert!(texts.contains(&"vandaag (1 maart 2026)"), "{texts:?}");
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("Catalisti: gefinancierd 2017–2026"))
        );
        let catalisti = chart.table.iter().find(|r| r[0] == "Catalisti").unwrap();
        assert_eq!(catalisti[2], "2017–2026");
        assert_eq!(catalisti[3], "eind 2026");
        assert_eq!(
            catalisti[4],
            "Scenario 3 (primair, 2027–2030); Scenario 2 (complementair, 2026–2031)"
        );
    }

    #[test]
    fn scores_chart_labels_the_quadrants() {
        let points = desirability_feasibility(&recommended());
        let chart = scores_svg(&points);
        let doc = assert_safe_svg(&chart);
        let texts = texts(&doc);
        for quadrant in Quadrant::ALL {
            assert!(texts.contains(&quadrant.dutch()), "{texts:?}");
        }
        assert_eq!(texts.iter().filter(|t| **t == "(1)").count(), 4);
        assert_eq!(
            doc.descendants()
                .filter(|n| n.has_tag_name("circle"))
                .count(),
            4
        );
        assert_eq!(chart.table.len(), 5);
        assert_eq!(
            chart.table[1],
            ["Catalisti", "Scenario 3", "5", "4", "wenselijk én haalbaar"]
        );
    }

    #[test]
    fn consensus_chart_escapes_quotes_and_counts() {
        let chart = consensus_svg(&advice_consensus(&with_advice()));
        assert!(
            chart
                .svg
                .contains("Niet &lt;wenselijk&gt; &amp; &quot;riskant&quot;")
        );
        let doc = assert_safe_svg(&chart);
        let texts = texts(&doc);
        assert!(
            texts
                .iter()
                .any(|t| t.contains("Niet <wenselijk> & \"riskant\""))
        );
        assert_eq!(
            chart.table[1],
            ["SERV", "wijst af", "niet vermeld", "steunt", "niet vermeld"]
        );
        let rejects = chart
            .table
            .iter()
            .find(|r| r[0] == "Aantal \u{201c}wijst af\u{201d}")
            .unwrap();
        assert_eq!(rejects[1], "2");
    }

    #[test]
    fn hostile_names_stay_text() {
        let mut ws = recommended();
        for cluster in &mut ws.clusters {
            if cluster.id == CATALISTI {
                cluster.name = "</text><script>alert(1)</script>\u{0}\u{7}".to_owned();
            }
        }
        for chart in all_charts(&ws, today()) {
            assert!(!chart.svg.contains("<script"));
            assert_safe_svg(&chart);
        }
    }

    #[test]
    fn nice_steps_are_one_two_five() {
        assert_eq!(nice_step(3_900_000), 1_000_000);
        assert_eq!(nice_step(650_000), 200_000);
        assert_eq!(nice_step(1), 1);
        assert_eq!(nice_step(4_000), 1_000);
    }
}
