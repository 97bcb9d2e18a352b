//! The advisory bodies' stances per scenario.

use std::fmt::Write as _;

use super::*;

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
