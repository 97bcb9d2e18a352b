#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! One definition of the budget per year: the exported document's table, the chart in
//! the document and the window's chart data give the same figure for every year.

use std::collections::BTreeMap;

use clusterwerkbank::export::{Block, ExportOptions, build_document};
use clusterwerkbank::model::{Euro, Workspace, YearlyBudget};

/// "€ 1.950.000" → 1950000.
fn euros(text: &str) -> i64 {
    text.chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap()
}

/// Year → amount from the document's "Budgettaire impact per jaar" table.
fn document_table(ws: &Workspace) -> BTreeMap<i32, i64> {
    let doc = build_document(ws, &ExportOptions::default());
    let table = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) if t.caption.as_deref() == Some("Budgettaire impact per jaar") => {
                Some(t)
            }
            _ => None,
        })
        .expect("the budget table");
    table
        .rows
        .iter()
        .map(|row| (row[0].parse().unwrap(), euros(&row[1])))
        .collect()
}

/// Year → amount from the "Totaal" row of the budget chart the document draws.
fn document_chart(ws: &Workspace) -> BTreeMap<i32, i64> {
    let doc = build_document(ws, &ExportOptions::default());
    let chart = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Chart(c) if c.title.contains("financiering per jaar") => Some(c),
            _ => None,
        })
        .expect("the budget chart");
    let totals = chart
        .table
        .rows
        .iter()
        .find(|r| r[0] == "Totaal")
        .expect("a total row");
    chart
        .table
        .header
        .iter()
        .zip(totals)
        .filter_map(|(year, amount)| Some((year.parse().ok()?, euros(amount))))
        .filter(|(_, amount)| *amount != 0)
        .collect()
}

fn window_chart(ws: &Workspace) -> BTreeMap<i32, i64> {
    let chart = clusterwerkbank::charts::budget_per_year(ws);
    chart
        .years
        .iter()
        .zip(&chart.totals)
        .filter(|(_, t)| **t != Euro(0))
        .map(|(y, t)| (*y, t.amount()))
        .collect()
}

/// The document's table starts at today's year (the section speaks of what changes
/// from now on, and says so); from then on the three agree year by year.
fn agree(ws: &Workspace) {
    let table = document_table(ws);
    assert!(!table.is_empty());
    let today = clusterwerkbank::charts::budget_per_year(ws).today;
    assert_eq!(table.keys().next(), Some(&today), "the table starts today");
    let from_today = |m: BTreeMap<i32, i64>| -> BTreeMap<i32, i64> {
        m.into_iter().filter(|(y, _)| *y >= today).collect()
    };
    assert_eq!(
        table,
        from_today(document_chart(ws)),
        "document table vs document chart"
    );
    assert_eq!(
        table,
        from_today(window_chart(ws)),
        "document table vs window chart"
    );
    let doc = build_document(ws, &ExportOptions::default());
    assert!(
        format!("{doc:?}").contains(&format!("Structurele financiering per jaar vanaf {today}")),
        "the text says where the table starts"
    );
}

#[test]
fn the_green_papers_budget_table_is_the_charts_table() {
    let ws = clusterwerkbank::store::default_workspace();
    agree(&ws);
    // The Green Paper has no assignment budgets: the document says so, and the table it
    // then prints is the running terms (three clusters with a start year), not a
    // contradiction of that sentence.
    let doc = build_document(&ws, &ExportOptions::default());
    let text = format!("{doc:?}");
    assert!(text.contains("Nog geen jaarbudgetten bij de toewijzingen"));
    assert!(!text.contains("Nog geen budgetten toegewezen"));
    // No past years: 2020 (Catalisti, Flux50 and VIL running) is history.
    assert_eq!(document_table(&ws).get(&2020), None);
    assert_eq!(document_table(&ws).get(&2026), Some(&3_900_000));
}

#[test]
fn with_assignment_budgets_after_the_terms_the_three_still_agree() {
    let mut ws = clusterwerkbank::store::default_workspace();
    let scenario = ws.scenarios[2].id;
    let clusters: Vec<_> = ws.clusters.iter().map(|c| c.id).collect();
    for (i, cluster) in clusters.iter().enumerate() {
        let mut a = clusterwerkbank::model::Assignment {
            cluster: *cluster,
            scenario,
            ..Default::default()
        };
        a.budget = Some(YearlyBudget {
            amount: Euro(400_000 + 10_000 * i as i64),
            first_year: 2027,
            // One runs past the chart's usual span: the span widens for every reader.
            last_year: if i == 0 { 2040 } else { 2030 },
        });
        ws.assignments.push(a);
    }
    agree(&ws);
    assert!(document_table(&ws).contains_key(&2040));
}

/// The amounts the budget picture draws in `year`, read from the SVG's bar tooltips
/// ("Catalisti – 2026: € 650.000"), summed.
fn drawn_in(svg: &str, year: i32) -> i64 {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    doc.descendants()
        .filter(|n| n.has_tag_name("rect"))
        .filter_map(|rect| rect.children().find(|c| c.has_tag_name("title")))
        .filter_map(|title| title.text())
        .filter(|tip| tip.contains(&format!(" \u{2013} {year}: ")))
        .map(euros_after_colon)
        .sum()
}

fn euros_after_colon(tip: &str) -> i64 {
    euros(tip.rsplit(':').next().unwrap())
}

#[test]
fn the_green_papers_chart_shows_todays_funding_the_text_states() {
    let ws = clusterwerkbank::store::default_workspace();
    let doc = build_document(&ws, &ExportOptions::default());
    let text: String = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(runs) => {
                Some(runs.iter().map(|r| r.text.as_str()).collect::<String>())
            }
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n");
    // The text: six clusters at € 650.000, together € 3.900.000 a year.
    assert!(
        text.contains("samen \u{20ac}\u{a0}3.900.000 per jaar"),
        "{text}"
    );
    let chart = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Chart(c) if c.title.contains("financiering per jaar") => Some(c),
            _ => None,
        })
        .expect("the budget chart");
    // Today is 2026 for the undated Green Paper: every cluster funded today is in
    // today's bar, in the picture and in its table.
    assert_eq!(drawn_in(&chart.svg, 2026), 3_900_000);
    assert_eq!(document_chart(&ws).get(&2026), Some(&3_900_000));
    // Years where a cluster's funding is unknown are marked, not drawn as zero.
    let unknown = chart
        .table
        .rows
        .iter()
        .find(|r| r[0].starts_with("Niet meegeteld"))
        .expect("a row naming what is left out");
    let col_2020 = chart.table.header.iter().position(|h| h == "2020").unwrap();
    assert_eq!(unknown[col_2020], "3 clusters");
    assert!(
        chart
            .svg
            .contains(">?<title>2020: financiering van 3 clusters niet bekend")
    );
}
