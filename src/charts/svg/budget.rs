//! The budget chart: structural funding per year, stacked per cluster.

use std::fmt::Write as _;

use super::*;

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
