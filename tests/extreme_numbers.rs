#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! Numbers at the edges of their types reach every figure the program computes: the
//! warnings, the derived data, the charts and every export. A debug build (this test
//! runs in one) panics on an arithmetic overflow, so each of them must check or
//! saturate, and say so rather than print a clipped figure as a result.

use clusterwerkbank::export::{ExportOptions, Format, build_document, export_bytes, render};
use clusterwerkbank::model::{Assignment, Euro, Workspace, YearlyBudget};

fn extreme(amount: i64, first: i32, last: i32, cap: i64, funded: u32, start: i32) -> Workspace {
    let mut ws = clusterwerkbank::store::default_workspace();
    ws.meta.funding_cap = Euro(cap);
    ws.meta.funded_today = funded;
    for c in &mut ws.clusters {
        c.start_year = Some(start);
        c.term_end_year = Some(start.saturating_add(9));
        c.max_yearly_funding = Some(Euro(amount));
    }
    let scenario = ws.scenarios[0].id;
    let clusters: Vec<_> = ws.clusters.iter().map(|c| c.id).collect();
    for cluster in clusters {
        ws.assignments.push(Assignment {
            cluster,
            scenario,
            budget: Some(YearlyBudget {
                amount: Euro(amount),
                first_year: first,
                last_year: last,
            }),
            ..Default::default()
        });
    }
    ws
}

#[test]
fn amounts_and_years_at_their_limits_never_panic_anywhere() {
    let cases = [
        extreme(i64::MAX, 2027, 2030, i64::MAX, u32::MAX, 2017),
        extreme(i64::MIN, 2027, 2030, i64::MIN, u32::MAX, 2017),
        extreme(i64::MAX, i32::MIN, i32::MAX, 650_000, 6, i32::MAX),
        extreme(650_000, i32::MAX, i32::MIN, 0, 0, i32::MIN),
        extreme(-1, 2035, 2035, -1, 1, 2026),
    ];
    for (i, ws) in cases.iter().enumerate() {
        let warnings = clusterwerkbank::model::validate(ws, 2026);
        assert!(
            !warnings.is_empty(),
            "case {i}: impossible figures are warnings"
        );
        let _ = clusterwerkbank::model::derived::Derived::compute(ws, 2026);
        let today = jiff::civil::date(2026, 6, 1);
        for chart in clusterwerkbank::charts::svg::all_charts(ws, today) {
            assert!(chart.svg.starts_with("<svg"), "case {i}");
        }
        let doc = build_document(ws, &ExportOptions::default());
        for format in Format::ALL {
            let bytes = export_bytes(ws, &ExportOptions::default(), format)
                .unwrap_or_else(|e| panic!("case {i} {format:?}: {e}"));
            assert!(!bytes.is_empty());
        }
        let text = String::from_utf8(render(&doc, Format::Text).unwrap()).unwrap();
        assert!(
            !text.contains("= € 9.223.372.036.854.775.807"),
            "case {i}: a clipped product shown as a result"
        );
    }
}
