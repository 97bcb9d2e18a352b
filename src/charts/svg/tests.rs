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
