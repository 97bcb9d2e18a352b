#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! Recommendation variants (issue 17): made, edited and undone through the one gate,
//! saved and loaded, merged by id; the comparison's figures against each variant on
//! its own; the communication presents the chosen variant and the annex lists all;
//! the spreadsheet's "Varianten" sheet read back with calamine.

mod export_support;

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use clusterwerkbank::export::{ExportOptions, Format, Section, build_document, export_bytes};
use clusterwerkbank::model::funding::budget_per_year;
use clusterwerkbank::model::variants::{self, compare};
use clusterwerkbank::model::*;
use clusterwerkbank::store::{from_ron, load, to_ron};
use export_support::*;

/// The filled Green Paper with three variants: "Basisvariant" (as filled), "Alles op
/// 3" (every placed cluster under scenario 3 only) and "VIL apart" (a copy in which
/// VIL moves to scenario 1). Returns the workspace and the three ids.
fn three_variants() -> (Session, [VariantId; 3]) {
    let mut session = Session::new(filled_workspace());
    let base = session.workspace().chosen_variant();
    let (edit, second) = variants::copy(session.workspace(), base, "Alles op 3");
    session.apply(edit).unwrap();
    let first = session.workspace().first_variant();
    let (edit, third) = variants::copy(session.workspace(), first, "VIL apart");
    session.apply(edit).unwrap();

    let ws = session.workspace();
    let s3 = scenario(ws, 3);
    // "Alles op 3": each of its assignments under scenario 3, primary.
    let mut seen = std::collections::HashSet::new();
    let mut edits = Vec::new();
    for a in ws.assignments.iter().filter(|a| a.variant == Some(second)) {
        if seen.insert(a.cluster) {
            edits.push(Edit::put(Assignment {
                scenario: s3,
                role: Role::Primary,
                ..a.clone()
            }));
        } else {
            edits.push(Edit::Remove(RecordKey::Assignment(a.id)));
        }
    }
    session.apply(Edit::Batch(edits)).unwrap();
    // "VIL apart": VIL under scenario 1 instead, without a budget.
    let ws = session.workspace();
    let vil = cluster(ws, "VIL");
    let s1 = scenario(ws, 1);
    let mut edits: Vec<Edit> = (ws.assignments.iter())
        .filter(|a| a.variant == Some(third) && a.cluster == vil)
        .map(|a| Edit::Remove(RecordKey::Assignment(a.id)))
        .collect();
    let shown = ws.for_variant(third);
    let mut moved = shown.new_assignment(vil, s1);
    assert_eq!(
        moved.variant,
        Some(third),
        "a new assignment joins the shown variant"
    );
    moved.desirability = Some(5);
    edits.push(Edit::Insert {
        record: moved.into(),
        index: usize::MAX,
    });
    session.apply(Edit::Batch(edits)).unwrap();
    (session, [first, second, third])
}

/// The workspace that holds one variant only, as a file without variants would:
/// computed without `for_variant`, to check it.
fn alone(ws: &Workspace, id: VariantId) -> Workspace {
    let first = ws.variants.first().unwrap().id;
    let mut own = ws.clone();
    own.assignments.retain(|a| a.variant.unwrap_or(first) == id);
    for a in &mut own.assignments {
        a.variant = None;
    }
    own.meta.overall_recommendation = ws
        .variants
        .iter()
        .find(|v| v.id == id)
        .unwrap()
        .recommendation
        .clone();
    own.variants.clear();
    own.meta.chosen_variant = None;
    own
}

#[test]
fn three_variants_are_made_edited_undone_saved_and_loaded() {
    let (mut session, [first, second, third]) = three_variants();
    let ws = session.workspace();
    assert_eq!(ws.variants.len(), 3);
    assert_eq!(ws.variants[0].name, IMPLICIT_VARIANT_NAME);
    // The implicit variant took the workspace's overall recommendation along.
    assert_eq!(
        ws.variants[0].recommendation,
        ws.meta.overall_recommendation
    );
    let filled = filled_workspace();
    for id in [first, second, third] {
        assert_eq!(
            ws.for_variant(id)
                .assignments
                .iter()
                .map(|a| a.cluster)
                .collect::<std::collections::BTreeSet<_>>(),
            filled
                .assignments
                .iter()
                .map(|a| a.cluster)
                .collect::<std::collections::BTreeSet<_>>(),
            "every variant places the same clusters"
        );
    }
    // Copies are new records: no assignment id twice.
    let ids: std::collections::HashSet<_> = ws.assignments.iter().map(|a| a.id).collect();
    assert_eq!(ids.len(), ws.assignments.len());

    // Rename, own recommendation, choose.
    session
        .apply(variants::rename(session.workspace(), third, "VIL op 1").unwrap())
        .unwrap();
    session
        .apply(
            variants::set_recommendation(session.workspace(), third, "VIL gaat naar scenario 1.")
                .unwrap(),
        )
        .unwrap();
    session
        .apply(variants::choose(session.workspace(), third).unwrap())
        .unwrap();
    let ws = session.workspace();
    assert_eq!(ws.chosen_variant(), third);
    assert_eq!(
        ws.recommended().meta.overall_recommendation,
        "VIL gaat naar scenario 1."
    );
    assert_eq!(ws.variants[2].name, "VIL op 1");

    // Removing takes its assignments along, in one undo step; the last one stays.
    let before_removal = session.workspace().clone();
    let (edit, consequences) = variants::remove(session.workspace(), second).unwrap();
    assert_eq!(consequences.len(), 1);
    session.apply(edit).unwrap();
    let after_removal = session.workspace().clone();
    let ws = session.workspace();
    assert_eq!(ws.variants.len(), 2);
    assert!(ws.assignments.iter().all(|a| a.variant != Some(second)));
    assert!(session.undo().unwrap());
    assert_eq!(session.workspace(), &before_removal);
    // Undo back to the start: the workspace as filled, with no variants at all.
    while session.undo().unwrap() {}
    assert_eq!(session.workspace(), &filled);
    while session.redo().unwrap() {}
    assert_eq!(session.workspace(), &after_removal);

    // Saved and loaded: the same workspace, and the new fields are in the file.
    let text = to_ron(session.workspace()).unwrap();
    assert!(text.contains("variants:") && text.contains("chosen_variant:"));
    let loaded = from_ron(&text).unwrap();
    assert_eq!(&loaded, session.workspace());
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("varianten.ron");
    clusterwerkbank::store::save(&path, session.workspace()).unwrap();
    assert_eq!(&load(&path).unwrap(), session.workspace());

    // The last variant cannot go.
    let mut one = session.workspace().clone();
    one.variants.truncate(1);
    assert_eq!(
        variants::remove(&one, one.variants[0].id).unwrap_err(),
        variants::VariantError::Last
    );
}

#[test]
fn a_workspace_without_variants_writes_no_variant_field() {
    let text = to_ron(&filled_workspace()).unwrap();
    assert!(!text.contains("variant"), "nothing of variants in the file");
    let ws = filled_workspace();
    assert!(matches!(
        ws.for_variant(ws.chosen_variant()),
        std::borrow::Cow::Borrowed(_)
    ));
}

/// A version-3 file (the filled fixture as version 3 wrote it) reads as it is: one
/// implicit variant holding every assignment.
#[test]
fn a_version_3_file_reads_as_one_variant() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v3-filled.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("format_version: 3,"));
    let ws = load(&path).unwrap();
    assert_eq!(ws, filled_workspace());
    assert!(ws.variants.is_empty());
    let list = ws.variant_list();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].recommendation, ws.meta.overall_recommendation);
    assert_eq!(ws.recommended().assignments, ws.assignments);
}

#[test]
fn the_comparison_equals_each_variant_computed_alone() {
    let (session, ids) = three_variants();
    let ws = session.workspace();
    let c = compare(ws, 2026);
    assert_eq!(c.variants.len(), 3);
    for (figures, id) in c.variants.iter().zip(ids) {
        let own = alone(ws, id);
        let budget = budget_per_year(&own);
        assert_eq!(figures.id, id);
        assert_eq!(figures.budget, budget);
        // The totals cover the years from the document's own year on (2024 in the
        // fixture); the years before are the same in every variant.
        let from = i32::from(ws.meta.date.unwrap().year());
        assert_eq!(c.period.map(|(first, _)| first), Some(from));
        let total = (budget.years.iter().zip(&budget.totals))
            .filter(|(year, _)| **year >= from)
            .fold(Euro(0), |sum, (_, a)| sum.saturating_add(*a));
        assert_eq!(figures.total, total, "{}", figures.name);
        let before = (budget.years.iter().zip(&budget.totals))
            .filter(|(year, _)| **year < from)
            .fold(Euro(0), |sum, (_, a)| sum.saturating_add(*a));
        assert!(before > Euro(0), "the fixture funds years before {from}");
        let warnings = validate(&own, 2026);
        assert_eq!(figures.warnings, warnings.len());
        assert_eq!(
            figures.incompatible,
            warnings
                .iter()
                .filter(|w| matches!(w, Warning::IncompatibleCombination { .. }))
                .count()
        );
        for (scenario, count) in &figures.clusters_per_scenario {
            let clusters: std::collections::HashSet<_> = own
                .assignments
                .iter()
                .filter(|a| a.scenario == *scenario)
                .map(|a| a.cluster)
                .collect();
            assert_eq!(*count, clusters.len());
        }
        for line in &figures.bodies {
            let body = own.body(line.body).unwrap();
            let pairs: std::collections::HashSet<_> = own
                .assignments
                .iter()
                .map(|a| (a.cluster, a.scenario))
                .collect();
            let stance = |s: Stance| {
                pairs
                    .iter()
                    .filter(|(_, scenario)| {
                        body.advice
                            .stances
                            .iter()
                            .find(|x| x.scenario == *scenario)
                            .is_some_and(|x| x.stance == s)
                    })
                    .count()
            };
            assert_eq!(line.supports, stance(Stance::Supports));
            assert_eq!(line.conditional, stance(Stance::Conditional));
            assert_eq!(line.rejects, stance(Stance::Rejects));
        }
        let scores: Vec<f64> = own
            .assignments
            .iter()
            .filter_map(|a| a.desirability)
            .map(f64::from)
            .collect();
        assert_eq!(
            figures.desirability,
            (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
        );
    }
    // The variants differ where they were made to.
    assert_ne!(
        c.variants[0].clusters_per_scenario,
        c.variants[1].clusters_per_scenario
    );
    assert_ne!(c.variants[0].desirability, c.variants[2].desirability);
    let vil = cluster(ws, "VIL");
    let diffs = variants::differences(ws, ids[0], ids[2]);
    assert_eq!(diffs.len(), 1);
    assert_eq!(diffs[0].cluster, vil);
}

/// Two colleagues each make a variant of the same file: the merge keeps both, with
/// their assignments, and no conflict.
#[test]
fn variants_merge_by_id() {
    let base = filled_workspace();
    let mut mine = base.clone();
    let (edit, my_id) = variants::copy(&mine, mine.chosen_variant(), "Mijn variant");
    apply(&mut mine, edit).unwrap();
    let mut theirs = base.clone();
    let (edit, their_id) = variants::copy(&theirs, theirs.chosen_variant(), "Hun variant");
    apply(&mut theirs, edit).unwrap();
    let result = merge(Some(&base), &mine, &theirs);
    let ws = result.workspace;
    let ids: Vec<VariantId> = ws.variants.iter().map(|v| v.id).collect();
    assert!(ids.contains(&my_id) && ids.contains(&their_id));
    assert_eq!(
        ws.for_variant(their_id).assignments.len(),
        base.assignments.len()
    );
    assert_eq!(
        ws.for_variant(my_id).assignments.len(),
        base.assignments.len()
    );
}

fn all_text(doc: &clusterwerkbank::export::Document) -> String {
    String::from_utf8(clusterwerkbank::export::render(doc, Format::Text).expect("text renders"))
        .unwrap()
}

#[test]
fn the_communication_presents_the_chosen_variant_and_the_annex_lists_all() {
    let (mut session, [_, second, _]) = three_variants();
    session
        .apply(variants::choose(session.workspace(), second).unwrap())
        .unwrap();
    let ws = session.workspace();
    let doc = build_document(ws, &ExportOptions::default());
    // The sections are the chosen variant's, as if it were alone in the file.
    let without_annex = ExportOptions {
        sections: Section::ALL
            .into_iter()
            .filter(|s| *s != Section::Variants)
            .collect(),
        ..ExportOptions::default()
    };
    assert_eq!(
        build_document(ws, &without_annex),
        build_document(&alone(ws, second), &without_annex),
        "without the annex, the document is the chosen variant's alone"
    );
    // Ties (no-break spaces) read as spaces here.
    let text = all_text(&doc).replace(['\u{a0}', '\u{202f}'], " ");
    assert!(text.contains("Bijlage: Onderzochte varianten"));
    for v in &ws.variants {
        assert!(text.contains(&v.name), "{} in the annex", v.name);
    }
    let c = compare(ws, 2026);
    for v in &c.variants {
        assert!(text.contains(&v.total.to_string()), "{}'s total", v.name);
    }
    assert!(text.contains("Deze mededeling stelt variant \u{201c}Alles op 3\u{201d} voor"));

    // One variant: the document is as it was, and no annex.
    let single = filled_workspace();
    let mut listed = single.clone();
    listed.variants = vec![Variant {
        name: "Enige".into(),
        recommendation: single.meta.overall_recommendation.clone(),
        ..Variant::default()
    }];
    let plain = build_document(&single, &ExportOptions::default());
    assert_eq!(build_document(&listed, &ExportOptions::default()), plain);
    assert!(!all_text(&plain).contains("Onderzochte varianten"));
}

fn sheet(bytes: &[u8], name: &str) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    book.worksheet_range(name)
        .unwrap()
        .rows()
        .map(<[Data]>::to_vec)
        .collect()
}

fn number(cell: &Data) -> f64 {
    match cell {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

#[test]
fn the_variants_sheet_holds_every_figure_of_the_comparison() {
    let (session, _) = three_variants();
    let ws = session.workspace();
    let bytes = export_bytes(ws, &ExportOptions::default(), Format::Xlsx).unwrap();
    let rows = sheet(&bytes, "Varianten");
    let c = compare(
        ws,
        clusterwerkbank::model::funding::budget_per_year(ws).today,
    );
    assert_eq!(rows.len(), c.variants.len() + 1);
    let header: Vec<String> = rows[0].iter().map(text).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (row, v) in rows[1..].iter().zip(&c.variants) {
        assert_eq!(text(&row[0]), v.name);
        assert_eq!(text(&row[1]), if v.chosen { "ja" } else { "nee" });
        for (year, amount) in c.years.iter().zip(&v.per_year) {
            assert_eq!(
                number(&row[col(&format!("Budget {year}"))]),
                amount.amount() as f64
            );
        }
        assert_eq!(number(&row[col("Totaal")]), v.total.amount() as f64);
        assert_eq!(
            number(&row[col("Onverenigbare combinaties")]),
            v.incompatible as f64
        );
        assert_eq!(number(&row[col("Waarschuwingen")]), v.warnings as f64);
        for (scenario, count) in &v.clusters_per_scenario {
            let label = ws.scenario(*scenario).unwrap().label();
            assert_eq!(
                number(&row[col(&format!("{label}: clusters"))]),
                *count as f64
            );
        }
        for line in &v.bodies {
            let short = &ws.body(line.body).unwrap().short_name;
            assert_eq!(
                number(&row[col(&format!("{short}: steunt"))]),
                line.supports as f64
            );
            assert_eq!(
                number(&row[col(&format!("{short}: voorwaardelijk"))]),
                line.conditional as f64
            );
            assert_eq!(
                number(&row[col(&format!("{short}: wijst af"))]),
                line.rejects as f64
            );
        }
        assert_eq!(
            number(&row[col("Gemiddelde wenselijkheid")]),
            v.desirability.unwrap()
        );
        let own = ws
            .variant_list()
            .iter()
            .find(|x| x.id == v.id)
            .unwrap()
            .clone();
        assert_eq!(text(&row[col("Aanbeveling")]), own.recommendation);
    }
    // The matrix is the chosen variant's.
    let matrix = sheet(&bytes, "Toewijzingen");
    assert_eq!(matrix.len(), ws.recommended().assignments.len() + 1);

    // The arguments sheet names each cited argument's citation, as its footnote does.
    let arguments = sheet(&bytes, "Argumenten");
    let citation = col_of(&arguments[0], "Bronvermelding");
    for a in ws.arguments.iter().filter(|a| !a.citation.quote.is_empty()) {
        let row = arguments
            .iter()
            .find(|r| text(&r[3]) == a.text)
            .unwrap_or_else(|| panic!("argument {}", a.text));
        assert!(
            text(&row[citation]).contains(&a.citation.quote),
            "{:?}",
            row[citation]
        );
    }
}

fn col_of(header: &[Data], name: &str) -> usize {
    header.iter().position(|h| text(h) == name).unwrap()
}

/// The whole program: `--sections` switches the annex on alone, and the PDF, read
/// back by pdftotext, lists every variant.
#[test]
fn the_command_line_exports_the_annex_as_pdf() {
    let (session, _) = three_variants();
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("varianten.ron");
    clusterwerkbank::store::save(&input, session.workspace()).unwrap();
    let out = folder.path().join("mededeling.pdf");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_clusterwerkbank"))
        .args([
            "export",
            "--format",
            "pdf",
            "--sections",
            "budget,varianten",
            "-o",
        ])
        .arg(&out)
        .arg(&input)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let text = pdf_text(&out);
    assert!(text.contains("Onderzochte varianten"), "{text}");
    for v in &session.workspace().variants {
        assert!(text.contains(&v.name), "{} in {text}", v.name);
    }
    assert!(!text.contains("Samenvatting"));

    let wrong = std::process::Command::new(env!("CARGO_BIN_EXE_clusterwerkbank"))
        .args(["export", "--format", "pdf", "--sections", "bijlage", "-o"])
        .arg(folder.path().join("x.pdf"))
        .arg(&input)
        .output()
        .unwrap();
    assert!(!wrong.status.success());
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("varianten"));
}

/// The annex's wide table and the Varianten sheet are valid Office files.
#[test]
fn the_docx_with_the_annex_and_the_workbook_pass_openxml_audit() {
    let (session, _) = three_variants();
    let dir = tempfile::tempdir().unwrap();
    for (format, name) in [
        (Format::Docx, "mededeling.docx"),
        (Format::Xlsx, "cijfers.xlsx"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(
            &path,
            export_bytes(session.workspace(), &ExportOptions::default(), format).unwrap(),
        )
        .unwrap();
        assert_valid(&path);
    }
}
