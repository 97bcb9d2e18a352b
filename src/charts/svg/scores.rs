//! Desirability against feasibility per assignment, in four quadrants.

use super::*;

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
