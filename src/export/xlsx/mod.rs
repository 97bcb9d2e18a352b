//! The workspace's figures as a spreadsheet, for the budget colleagues and the agency
//! who work in Excel: one sheet each for the matrix, the assignments, the arguments,
//! the advice, the budget per year, the themes and the variants.
//!
//! The matrix, the assignments and the budget are those of the chosen variant, as in
//! the communication ([`Workspace::recommended`]); the sheet "Varianten" compares
//! every variant (`variants.rs`).
//!
//! Not a rendering of the communication (that is the `Document`), but its data: numbers
//! are numbers (scores, weights, euros with a euro format), dates are dates, each sheet
//! has a frozen header row, an autofilter and column widths from its content. The
//! public version leaves out what it leaves out of the communication (internal
//! arguments). The budget per year is `model::funding::budget_per_year`, the same
//! figures as the chart and the document. Same workspace, same bytes: the creation
//! date is the communication's date (or 1 January 2000), and rust_xlsxwriter writes
//! its ZIP entries with a fixed time.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet};

use super::{ExportError, ExportOptions};
use crate::model::funding::budget_per_year;
use crate::model::*;

mod variants;

/// Excel's limit for a text cell; longer texts are cut with "…" rather than refused.
const MAX_CELL_CHARS: usize = 32_767;

/// The widest a column gets from its content, in characters; longer text wraps.
const MAX_COLUMN_WIDTH: usize = 60;

/// The workbook as bytes.
///
/// Errors: [`ExportError::Xlsx`] when the writer refuses (a sheet over Excel's limits).
pub fn write(whole: &Workspace, options: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    let recommended = whole.recommended();
    let ws: &Workspace = &recommended;
    let public = options.public_version || ws.meta.public_version;
    let mut book = Workbook::new();
    let created = ws
        .meta
        .date
        .and_then(|d| {
            let year = u16::try_from(d.year()).ok()?;
            let month = u8::try_from(d.month()).ok()?;
            let day = u8::try_from(d.day()).ok()?;
            ExcelDateTime::from_ymd(year, month, day).ok()
        })
        .or_else(|| ExcelDateTime::from_ymd(2000, 1, 1).ok());
    let mut properties = DocProperties::new()
        .set_title(&ws.meta.title)
        .set_author(&ws.meta.author);
    if let Some(created) = created {
        properties = properties.set_creation_datetime(&created);
    }
    book.set_properties(&properties);

    let formats = Formats::new();
    let sheets: [(&str, Table); 7] = [
        ("Matrix", matrix(ws)),
        ("Toewijzingen", assignments(ws)),
        ("Argumenten", arguments(ws, public)),
        ("Adviezen", advice(ws)),
        ("Budget per jaar", budget(ws)),
        ("Thema's", themes(ws)),
        ("Varianten", variants::sheet(whole)),
    ];
    for (name, table) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(name).map_err(xlsx_error)?;
        table.write(sheet, &formats).map_err(xlsx_error)?;
    }
    book.save_to_buffer().map_err(xlsx_error)
}

fn xlsx_error(error: rust_xlsxwriter::XlsxError) -> ExportError {
    ExportError::Xlsx(error.to_string())
}

/// One cell's value.
#[derive(Clone, Debug, PartialEq)]
enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// Whole euros.
    Money(Euro),
    Date(jiff::civil::Date),
}

impl Cell {
    /// Text as the documents write it: without control characters, which XML (and so
    /// Excel) cannot hold; line breaks kept.
    fn text(text: impl AsRef<str>) -> Cell {
        let text = super::document::clean_text(text.as_ref());
        if text.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(text)
        }
    }

    fn score(value: Option<u8>) -> Cell {
        value.map_or(Cell::Empty, |v| Cell::Number(f64::from(v)))
    }

    /// How wide the column must be for this cell, in characters.
    fn width(&self) -> usize {
        match self {
            Cell::Empty => 0,
            Cell::Text(text) => text.lines().map(|l| l.chars().count()).max().unwrap_or(0),
            Cell::Number(n) => format!("{n}").len(),
            Cell::Money(euro) => euro.flemish().chars().count() + 1,
            Cell::Date(_) => 10,
        }
    }
}

/// A sheet: a header row and rows of cells, plus an optional totals row.
#[derive(Default)]
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<Cell>>,
    totals: Option<Vec<Cell>>,
}

struct Formats {
    header: Format,
    money: Format,
    money_total: Format,
    total_label: Format,
    date: Format,
    wrapped: Format,
}

impl Formats {
    fn new() -> Self {
        let money = "\"€ \"#,##0;\"-€ \"#,##0";
        Self {
            header: Format::new().set_bold().set_text_wrap(),
            money: Format::new().set_num_format(money),
            money_total: Format::new().set_num_format(money).set_bold(),
            total_label: Format::new().set_bold(),
            date: Format::new()
                .set_num_format("dd-mm-yyyy")
                .set_align(FormatAlign::Left),
            wrapped: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        }
    }
}

impl Table {
    fn write(
        &self,
        sheet: &mut Worksheet,
        formats: &Formats,
    ) -> Result<(), rust_xlsxwriter::XlsxError> {
        let columns = self.header.len();
        let mut widths: Vec<usize> = self
            .header
            .iter()
            .map(|h| h.chars().count().min(30))
            .collect();
        for (col, title) in self.header.iter().enumerate() {
            sheet.write_string_with_format(0, col_index(col), title, &formats.header)?;
        }
        let mut row_number: u32 = 1;
        for row in self.rows.iter().chain(self.totals.iter()) {
            let is_total = self.totals.as_ref().is_some_and(|t| std::ptr::eq(t, row));
            for (col, cell) in row.iter().enumerate().take(columns) {
                if let Some(width) = widths.get_mut(col) {
                    *width = (*width).max(cell.width().min(MAX_COLUMN_WIDTH));
                }
                let c = col_index(col);
                match cell {
                    Cell::Empty => {}
                    Cell::Text(text) if is_total => {
                        sheet.write_string_with_format(
                            row_number,
                            c,
                            text,
                            &formats.total_label,
                        )?;
                    }
                    Cell::Text(text) => {
                        let text = clip(text);
                        if text.chars().count() > MAX_COLUMN_WIDTH || text.contains('\n') {
                            sheet.write_string_with_format(
                                row_number,
                                c,
                                &text,
                                &formats.wrapped,
                            )?;
                        } else {
                            sheet.write_string(row_number, c, &text)?;
                        }
                    }
                    Cell::Number(n) => {
                        sheet.write_number(row_number, c, *n)?;
                    }
                    Cell::Money(euro) => {
                        let format = if is_total {
                            &formats.money_total
                        } else {
                            &formats.money
                        };
                        // Whole euros are exact in an f64 up to 2^53, far above any
                        // plausible budget; rules::validate warns long before.
                        sheet.write_number_with_format(
                            row_number,
                            c,
                            euro.amount() as f64,
                            format,
                        )?;
                    }
                    Cell::Date(date) => match excel_date(*date) {
                        Some(excel) => {
                            sheet.write_datetime_with_format(
                                row_number,
                                c,
                                &excel,
                                &formats.date,
                            )?;
                        }
                        None => {
                            sheet.write_string(row_number, c, date.to_string())?;
                        }
                    },
                }
            }
            row_number = row_number.saturating_add(1);
        }
        for (col, width) in widths.iter().enumerate() {
            sheet.set_column_width(col_index(col), (*width as f64 + 2.0).max(8.0))?;
        }
        sheet.set_freeze_panes(1, 0)?;
        let last_row = u32::try_from(self.rows.len())
            .unwrap_or(u32::MAX - 1)
            .max(1);
        if columns > 0 {
            sheet.autofilter(0, 0, last_row, col_index(columns - 1))?;
        }
        Ok(())
    }
}

fn col_index(col: usize) -> u16 {
    u16::try_from(col).unwrap_or(u16::MAX)
}

fn excel_date(date: jiff::civil::Date) -> Option<ExcelDateTime> {
    let year = u16::try_from(date.year()).ok()?;
    let month = u8::try_from(date.month()).ok()?;
    let day = u8::try_from(date.day()).ok()?;
    ExcelDateTime::from_ymd(year, month, day).ok()
}

/// Excel refuses longer cells; cut, and say so in the cell.
fn clip(text: &str) -> String {
    if text.chars().count() <= MAX_CELL_CHARS {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(MAX_CELL_CHARS - 1).collect();
    cut.push('…');
    cut
}

fn scenario_labels(ws: &Workspace) -> Vec<(ScenarioId, String)> {
    ws.scenarios.iter().map(|s| (s.id, s.label())).collect()
}

/// Clusters down, per scenario three columns: role and both scores.
fn matrix(ws: &Workspace) -> Table {
    let scenarios = scenario_labels(ws);
    let mut header = vec!["Cluster".to_owned(), "Status".to_owned()];
    for (_, label) in &scenarios {
        header.push(format!("{label}: rol"));
        header.push(format!("{label}: wenselijkheid"));
        header.push(format!("{label}: haalbaarheid"));
    }
    let rows = ws
        .clusters
        .iter()
        .map(|cluster| {
            let mut row = vec![
                Cell::text(&cluster.name),
                Cell::text(cluster.status.dutch()),
            ];
            for (scenario, _) in &scenarios {
                match ws
                    .assignments
                    .iter()
                    .find(|a| a.cluster == cluster.id && a.scenario == *scenario)
                {
                    Some(a) => {
                        row.push(Cell::text(a.role.dutch()));
                        row.push(Cell::score(a.desirability));
                        row.push(Cell::score(a.feasibility));
                    }
                    None => row.extend([Cell::Empty, Cell::Empty, Cell::Empty]),
                }
            }
            row
        })
        .collect();
    Table {
        header,
        rows,
        totals: None,
    }
}

/// One row per cluster under a scenario, with everything the matrix cell holds.
fn assignments(ws: &Workspace) -> Table {
    let header = [
        "Cluster",
        "Scenario",
        "Rol",
        "Wenselijkheid",
        "Haalbaarheid",
        "Subopties",
        "Voorwaarden",
        "Jaarbudget",
        "Vanaf",
        "Tot en met",
    ]
    .map(str::to_owned)
    .to_vec();
    let rows = ws
        .assignments
        .iter()
        .map(|a| {
            let sub_options: Vec<String> = ws
                .scenarios
                .iter()
                .find(|s| s.id == a.scenario)
                .map(|s| {
                    s.sub_options
                        .iter()
                        .filter(|o| a.sub_options.contains(&o.id))
                        .map(|o| o.title.clone())
                        .collect()
                })
                .unwrap_or_default();
            let (amount, first, last) = match a.budget {
                Some(b) => (
                    Cell::Money(b.amount),
                    Cell::Number(f64::from(b.first_year)),
                    Cell::Number(f64::from(b.last_year)),
                ),
                None => (Cell::Empty, Cell::Empty, Cell::Empty),
            };
            vec![
                Cell::text(ws.cluster_name(a.cluster)),
                Cell::text(ws.scenario_label(a.scenario)),
                Cell::text(a.role.dutch()),
                Cell::score(a.desirability),
                Cell::score(a.feasibility),
                Cell::text(sub_options.join("; ")),
                Cell::text(&a.conditions),
                amount,
                first,
                last,
            ]
        })
        .collect();
    Table {
        header,
        rows,
        totals: None,
    }
}

fn arguments(ws: &Workspace, public: bool) -> Table {
    let mut header = [
        "Scenario",
        "Cluster",
        "Pro of contra",
        "Argument",
        "Bron",
        "Gewicht",
        "Bronvermelding",
    ]
    .map(str::to_owned)
    .to_vec();
    if !public {
        header.push("Intern".to_owned());
    }
    let rows = ws
        .arguments
        .iter()
        .filter(|a| !(public && a.internal))
        .map(|a| {
            let mut row = vec![
                Cell::text(ws.scenario_label(a.subject.scenario())),
                a.subject
                    .cluster()
                    .map_or(Cell::Empty, |c| Cell::text(ws.cluster_name(c))),
                Cell::text(a.polarity.dutch()),
                Cell::text(&a.text),
                Cell::text(ws.source_name(a.source)),
                Cell::Number(f64::from(a.weight)),
                // The footnote the communication gives it, word for word.
                super::citation::argument_note(ws, a).map_or(Cell::Empty, Cell::text),
            ];
            if !public {
                row.push(Cell::text(if a.internal { "ja" } else { "nee" }));
            }
            row
        })
        .collect();
    Table {
        header,
        rows,
        totals: None,
    }
}

/// One row per advisory body and scenario: the stance and its quote. A body without
/// advice yet has one row that says so.
fn advice(ws: &Workspace) -> Table {
    let header = [
        "Adviesorgaan",
        "Voluit",
        "Ontvangen",
        "Referentie",
        "Scenario",
        "Standpunt",
        "Citaat",
    ]
    .map(str::to_owned)
    .to_vec();
    let mut rows = Vec::new();
    for body in &ws.bodies {
        let advice = &body.advice;
        let lead = |rows: &mut Vec<Vec<Cell>>, scenario: Cell, stance: Cell, quote: Cell| {
            rows.push(vec![
                Cell::text(&body.short_name),
                Cell::text(&body.full_name),
                advice.received.map_or(Cell::Empty, Cell::Date),
                Cell::text(&advice.reference),
                scenario,
                stance,
                quote,
            ]);
        };
        if advice.stances.is_empty() {
            lead(
                &mut rows,
                Cell::Empty,
                Cell::text(Stance::NotStated.dutch()),
                Cell::Empty,
            );
        }
        for stance in &advice.stances {
            lead(
                &mut rows,
                Cell::text(ws.scenario_label(stance.scenario)),
                Cell::text(stance.stance.dutch()),
                Cell::text(&stance.quote),
            );
        }
    }
    Table {
        header,
        rows,
        totals: None,
    }
}

/// Years down, clusters across, a total per year of the known amounts and how many
/// clusters it covers, today's funding beside it, and a totals row: the same figures
/// as the budget chart and the communication's table. An unknown amount says
/// "onbekend", never 0.
fn budget(ws: &Workspace) -> Table {
    let budget = budget_per_year(ws);
    let mut header = vec!["Jaar".to_owned()];
    header.extend(budget.clusters.iter().map(|c| c.name.clone()));
    header.push("Totaal (bekende bedragen)".to_owned());
    header.push("Bekend voor".to_owned());
    header.push("Financiering vandaag".to_owned());
    let rows: Vec<Vec<Cell>> = budget
        .years
        .iter()
        .enumerate()
        .map(|(i, year)| {
            let mut row = vec![Cell::Number(f64::from(*year))];
            row.extend(budget.clusters.iter().map(|c| match c.amounts.get(i) {
                Some(Some(amount)) => Cell::Money(*amount),
                // Not known is not zero: the sheet says so, as the chart does.
                Some(None) => Cell::text("onbekend"),
                None => Cell::Empty,
            }));
            row.push(
                budget
                    .totals
                    .get(i)
                    .copied()
                    .map_or(Cell::Empty, Cell::Money),
            );
            row.push(budget.covered.get(i).map_or(Cell::Empty, |n| {
                Cell::text(format!("{n} van {}", budget.clusters.len()))
            }));
            row.push(budget.reference.map_or(Cell::Empty, Cell::Money));
            row
        })
        .collect();
    let mut totals = vec![Cell::text("Totaal")];
    totals.extend(budget.clusters.iter().map(|c| Cell::Money(c.total())));
    totals.push(Cell::Money(
        budget
            .totals
            .iter()
            .fold(Euro(0), |sum, a| sum.saturating_add(*a)),
    ));
    totals.push(Cell::Empty);
    totals.push(Cell::Empty);
    Table {
        header,
        rows,
        totals: Some(totals),
    }
}

fn themes(ws: &Workspace) -> Table {
    let header = [
        "Thema",
        "Beschrijving",
        "Voorgesteld door",
        "Route",
        "Onthaalcluster",
    ]
    .map(str::to_owned)
    .to_vec();
    let rows = ws
        .themes
        .iter()
        .map(|t| {
            let proposers: Vec<String> = t
                .proposed_by
                .iter()
                .map(|b| ws.source_name(Source::Body(*b)))
                .collect();
            vec![
                Cell::text(&t.name),
                Cell::text(&t.description),
                Cell::text(proposers.join(", ")),
                t.route.map_or(Cell::Empty, |r| Cell::text(r.dutch())),
                t.host_cluster
                    .map_or(Cell::Empty, |c| Cell::text(ws.cluster_name(c))),
            ]
        })
        .collect();
    Table {
        header,
        rows,
        totals: None,
    }
}
