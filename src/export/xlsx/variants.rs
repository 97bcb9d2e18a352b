//! The sheet "Varianten": one row per variant with the figures of
//! [`crate::model::variants::compare`], the same as the window's comparison and the
//! communication's annex. Money as euros, counts and mean scores as numbers.

use crate::model::Workspace;
use crate::model::variants::compare;

use super::{Cell, Table};

pub(super) fn sheet(ws: &Workspace) -> Table {
    let c = compare(ws, crate::model::funding::reference_date(ws).year().into());
    let mut header = vec!["Variant".to_owned(), "Aanbevolen".to_owned()];
    header.extend(c.years.iter().map(|y| format!("Budget {y}")));
    header.push("Totaal".to_owned());
    header.push("Periode van het totaal".to_owned());
    header.push("Vandaag, zelfde periode".to_owned());
    header.push("Onverenigbare combinaties".to_owned());
    header.push("Waarschuwingen".to_owned());
    for s in &ws.scenarios {
        header.push(format!("{}: clusters", s.label()));
    }
    for b in &ws.bodies {
        for what in ["steunt", "voorwaardelijk", "wijst af"] {
            header.push(format!("{}: {what}", b.short_name));
        }
    }
    header.push("Gemiddelde wenselijkheid".to_owned());
    header.push("Gemiddelde haalbaarheid".to_owned());
    header.push("Aanbeveling".to_owned());
    let list = ws.variant_list();
    let rows = c
        .variants
        .iter()
        .map(|v| {
            let mut row = vec![
                Cell::text(&v.name),
                Cell::text(if v.chosen { "ja" } else { "nee" }),
            ];
            row.extend(v.per_year.iter().map(|e| Cell::Money(*e)));
            row.push(Cell::Money(v.total));
            row.push(c.period.map_or(Cell::Empty, |(first, last)| {
                Cell::text(crate::model::variants::period_label("", first, last).trim_start())
            }));
            row.push(c.today_over_period.map_or(Cell::Empty, Cell::Money));
            row.push(count(v.incompatible));
            row.push(count(v.warnings));
            row.extend(v.clusters_per_scenario.iter().map(|(_, n)| count(*n)));
            for a in &v.bodies {
                row.extend([count(a.supports), count(a.conditional), count(a.rejects)]);
            }
            row.push(v.desirability.map_or(Cell::Empty, Cell::Number));
            row.push(v.feasibility.map_or(Cell::Empty, Cell::Number));
            let text = list.iter().find(|x| x.id == v.id);
            row.push(text.map_or(Cell::Empty, |x| Cell::text(&x.recommendation)));
            row
        })
        .collect();
    Table {
        header,
        rows,
        totals: None,
    }
}

fn count(n: usize) -> Cell {
    // Counts of records: far below 2^53, exact in an f64.
    Cell::Number(n as f64)
}
