//! The timeline: per cluster its funded term, the term's end and the scenarios after.

use super::*;

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
