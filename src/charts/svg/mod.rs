//! The four charts as SVG for the exports: plain string building, deterministic (same
//! data, same bytes), every text escaped, no script and no external reference, so an
//! HTML export can inline them and a DOCX/PDF writer can rasterise them. Each chart
//! comes with the table of the numbers behind it, for readers who cannot see the
//! picture and for checking.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jiff::civil::Date;

use super::*;

mod budget;
mod consensus;
mod scores;
mod timeline;

pub(crate) use budget::budget_svg;
pub(crate) use consensus::consensus_svg;
pub(crate) use scores::scores_svg;
pub(crate) use timeline::timeline_svg;

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

#[cfg(test)]
mod tests;
