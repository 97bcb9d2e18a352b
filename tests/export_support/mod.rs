#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! Workspaces for the export tests: one with every kind of record, and hostile text.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use clusterwerkbank::model::*;
use clusterwerkbank::store::default_workspace;

mod filled;
#[allow(unused_imports)]
pub use filled::*;

pub const INTERNAL_ARGUMENT: &str = "Intern: de kabinetschef twijfelt aan de haalbaarheid";
pub const CLUSTER_NOTE: &str = "Noot voor intern gebruik over Catalisti";

pub fn scenario(ws: &Workspace, number: u32) -> ScenarioId {
    ws.scenarios
        .iter()
        .find(|s| s.number == number)
        .map(|s| s.id)
        .expect("scenario exists")
}

pub fn cluster(ws: &Workspace, name: &str) -> ClusterId {
    ws.clusters
        .iter()
        .find(|c| c.name == name)
        .map(|c| c.id)
        .expect("cluster exists")
}

pub fn body(ws: &Workspace, short: &str) -> BodyId {
    ws.bodies
        .iter()
        .find(|b| b.short_name == short)
        .map(|b| b.id)
        .expect("body exists")
}

/// The Green Paper with assignments, arguments (one internal), advice, a theme, notes
/// and all the texts around them filled in.
pub fn rich_workspace() -> Workspace {
    let mut ws = default_workspace();
    let (s1, s3, s4) = (scenario(&ws, 1), scenario(&ws, 3), scenario(&ws, 4));
    let catalisti = cluster(&ws, "Catalisti");
    let flux = cluster(&ws, "Flux50");
    let serv = body(&ws, "SERV");
    let vario = body(&ws, "VARIO");
    ws.meta.document_number = "VR 2026 1512 MED.0421/1".to_owned();
    ws.meta.date = Some(jiff::civil::date(2026, 12, 15));
    ws.meta.author = "Kabinet Economie".to_owned();
    ws.meta.overall_recommendation = "Kies per cluster het scenario dat past.".to_owned();
    ws.meta.closing = "De Vlaamse Regering neemt kennis van deze mededeling.".to_owned();
    if let Some(c) = ws.clusters.iter_mut().find(|c| c.id == catalisti) {
        c.note = CLUSTER_NOTE.to_owned();
        c.recommendation = "Catalisti gaat verder met een basisopdracht.".to_owned();
    }
    let sub = ws
        .scenarios
        .iter()
        .find(|s| s.id == s3)
        .and_then(|s| s.sub_options.first())
        .map(|o| o.id)
        .expect("sub-option");
    ws.assignments = vec![
        Assignment {
            id: AssignmentId::from_u128(0xa1),
            cluster: catalisti,
            scenario: s3,
            role: Role::Primary,
            desirability: Some(5),
            feasibility: Some(4),
            sub_options: vec![sub],
            conditions: "Jaarlijkse rapportering aan VLAIO".to_owned(),
            variant: None,
            budget: Some(YearlyBudget {
                amount: Euro(500_000),
                first_year: 2027,
                last_year: 2030,
            }),
        },
        Assignment {
            id: AssignmentId::from_u128(0xa2),
            cluster: catalisti,
            scenario: s1,
            role: Role::Complementary,
            desirability: Some(2),
            feasibility: None,
            ..Assignment::default()
        },
        Assignment {
            id: AssignmentId::from_u128(0xa3),
            cluster: flux,
            scenario: s4,
            role: Role::Primary,
            desirability: Some(4),
            feasibility: Some(3),
            budget: Some(YearlyBudget {
                amount: Euro(650_000),
                first_year: 2028,
                last_year: 2031,
            }),
            ..Assignment::default()
        },
    ];
    ws.arguments = vec![
        Argument {
            id: ArgumentId::from_u128(0xb1),
            polarity: Polarity::Pro,
            subject: Subject::Scenario(s3),
            text: "Behoudt de opgebouwde netwerken".to_owned(),
            source: Source::Body(serv),
            weight: 3,
            ..Argument::default()
        },
        Argument {
            id: ArgumentId::from_u128(0xb2),
            polarity: Polarity::Contra,
            subject: Subject::Scenario(s3),
            text: "Vraagt structurele middelen".to_owned(),
            source: Source::OwnAnalysis,
            weight: 2,
            ..Argument::default()
        },
        Argument {
            id: ArgumentId::from_u128(0xb3),
            polarity: Polarity::Contra,
            subject: Subject::Scenario(s3),
            text: INTERNAL_ARGUMENT.to_owned(),
            source: Source::OwnAnalysis,
            weight: 1,
            internal: true,
            ..Argument::default()
        },
        Argument {
            id: ArgumentId::from_u128(0xb4),
            polarity: Polarity::Pro,
            subject: Subject::ClusterScenario {
                cluster: flux,
                scenario: s4,
            },
            text: "Flux50 past bij de energietransitie".to_owned(),
            source: Source::Body(vario),
            weight: 2,
            ..Argument::default()
        },
    ];
    if let Some(b) = ws.bodies.iter_mut().find(|b| b.id == serv) {
        b.advice = Advice {
            received: Some(jiff::civil::date(2024, 3, 12)),
            reference: "SERV-advies 2024/07".to_owned(),
            summary: "De SERV steunt een gefinancierde basisopdracht.".to_owned(),
            stances: vec![
                ScenarioStance {
                    scenario: s3,
                    stance: Stance::Supports,
                    quote: "een basisopdracht is essentieel".to_owned(),
                    ..ScenarioStance::default()
                },
                ScenarioStance {
                    scenario: s1,
                    stance: Stance::Rejects,
                    quote: String::new(),
                    ..ScenarioStance::default()
                },
            ],
        };
    }
    ws.themes = vec![Theme {
        id: ThemeId::from_u128(0xc1),
        name: "Ruimtevaart".to_owned(),
        description: "Satellieten en lanceerdiensten".to_owned(),
        proposed_by: vec![serv],
        route: Some(ThemeRoute::NewNetworkCall),
        host_cluster: None,
        citation: None,
    }];
    ws
}

/// Text that breaks naive writers: markup of every format, entities, quotes, control
/// characters, right-to-left script, emoji and a very long word.
pub fn hostile_text() -> String {
    format!(
        "<script>alert('x')</script> & &amp; \"q\" 'q' *ster* _l_ `c` [a](http://x) # | \\ {{}} \u{7}\u{1b}\u{0} שלום עולם 😀 {}",
        "W".repeat(300)
    )
}

/// `hostile_text` as every format must show it: control characters removed.
pub fn hostile_visible() -> String {
    hostile_text().chars().filter(|c| !c.is_control()).collect()
}

/// A workspace whose every free text is hostile.
pub fn hostile_workspace() -> Workspace {
    let mut ws = rich_workspace();
    let h = hostile_text();
    ws.meta.subject = h.clone();
    ws.meta.minister_title = h.clone();
    ws.meta.context = format!("{h}\n\n{h}");
    ws.meta.timing = h.clone();
    ws.meta.closing = h.clone();
    ws.meta.signatory = h.clone();
    ws.meta.document_number = h.clone();
    ws.meta.author = h.clone();
    ws.meta.confidential_draft = true;
    for c in &mut ws.clusters {
        c.name = format!("{} {h}", c.name);
        c.note = h.clone();
    }
    for a in &mut ws.arguments {
        a.text = h.clone();
    }
    for b in &mut ws.bodies {
        b.advice.summary = h.clone();
    }
    for t in &mut ws.themes {
        t.description = h.clone();
    }
    ws
}

/// Runs a tool that CI installs; a missing tool fails the test.
pub fn run_tool(program: &str, args: &[&str]) -> std::process::Output {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} could not run ({e}); CI installs it via .ci/run"));
    assert!(
        out.status.success(),
        "{program} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The text LibreOffice reads from a DOCX.
pub fn docx_text(docx: &Path, dir: &Path) -> String {
    let profile = dir.join("lo-profile");
    let profile_url = format!("file://{}", profile.display());
    run_tool(
        "soffice",
        &[
            &format!("-env:UserInstallation={profile_url}"),
            "--headless",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
            &dir.display().to_string(),
            &docx.display().to_string(),
        ],
    );
    let txt: PathBuf = dir.join(docx.with_extension("txt").file_name().expect("file name"));
    std::fs::read_to_string(&txt).expect("LibreOffice wrote the text")
}

/// The text poppler reads from a PDF.
pub fn pdf_text(pdf: &Path) -> String {
    let out = run_tool(
        "pdftotext",
        &["-enc", "UTF-8", &pdf.display().to_string(), "-"],
    );
    String::from_utf8(out.stdout).expect("pdftotext gives UTF-8")
}

/// A synthetic workspace of the given size (clusters get assignments under every
/// scenario; arguments are spread over scenarios and clusters; every body has
/// advice), for the large-export test and, via `SAVE_LARGE_WORKSPACE`, the benchmark.
pub fn large_workspace(clusters: usize, arguments: usize) -> Workspace {
    let mut ws = rich_workspace();
    let scenarios: Vec<ScenarioId> = ws.scenarios.iter().map(|s| s.id).collect();
    let bodies: Vec<BodyId> = ws.bodies.iter().map(|b| b.id).collect();
    for i in 0..clusters {
        let id = ClusterId::from_u128(0x10_0000 + i as u128);
        ws.clusters.push(Cluster {
            id,
            name: format!("Cluster {i:04}"),
            domain: format!("Domein {}", i % 17),
            start_year: Some(2017 + (i % 8) as i32),
            term_end_year: Some(2026 + (i % 8) as i32),
            max_yearly_funding: Some(Euro(650_000)),
            recommendation: format!("Aanbeveling voor cluster {i}."),
            ..Cluster::default()
        });
        let scenario = scenarios[i % scenarios.len()];
        ws.assignments.push(Assignment {
            id: AssignmentId::from_u128(0x20_0000 + i as u128),
            cluster: id,
            scenario,
            desirability: Some((i % 5) as u8 + 1),
            feasibility: Some(((i + 2) % 5) as u8 + 1),
            budget: Some(YearlyBudget {
                amount: Euro(100_000 + (i as i64 % 10) * 50_000),
                first_year: 2027,
                last_year: 2030 + (i % 4) as i32,
            }),
            ..Assignment::default()
        });
    }
    for i in 0..arguments {
        let scenario = scenarios[i % scenarios.len()];
        let subject = if i % 3 == 0 || clusters == 0 {
            Subject::Scenario(scenario)
        } else {
            Subject::ClusterScenario {
                cluster: ClusterId::from_u128(0x10_0000 + (i % clusters) as u128),
                scenario,
            }
        };
        ws.arguments.push(Argument {
            id: ArgumentId::from_u128(0x30_0000 + i as u128),
            polarity: if i % 2 == 0 {
                Polarity::Pro
            } else {
                Polarity::Contra
            },
            subject,
            text: format!(
                "Argument {i}: een overweging van een zin of twee lang, zoals ze in adviezen staan."
            ),
            source: if i % 4 == 0 {
                Source::OwnAnalysis
            } else {
                Source::Body(bodies[i % bodies.len()])
            },
            weight: (i % 3) as u8 + 1,
            internal: i % 10 == 0,
            ..Argument::default()
        });
    }
    ws
}

/// An attribute of our HTML export that fetches nothing and runs nothing: no event
/// handler, no external or script address, no src/href other than a link to a place
/// in the page itself (`#noot-1`). A namespace declaration names
/// a namespace (the inline charts' SVG has one); nothing is fetched, so it passes.
pub fn assert_attribute_is_inert(name: &str, value: &str) {
    if name == "xmlns" || name.starts_with("xmlns:") {
        return;
    }
    assert!(!name.starts_with("on"), "event handler {name}");
    let v = value.trim().to_ascii_lowercase();
    assert!(
        !(v.starts_with("http:")
            || v.starts_with("https:")
            || v.starts_with("//")
            || v.starts_with("javascript:")),
        "external reference {name}={value}"
    );
    // A link to a place in the same page (a note and its marker) fetches nothing.
    if name == "href" && value.starts_with('#') && !value.contains(':') {
        return;
    }
    assert!(name != "src" && name != "href", "{name}={value}");
}

/// The validator: `OPENXML_AUDIT`, the virtual environment the set-up script makes
/// under `target/`, or `openxml-audit` on the PATH.
pub fn validator() -> PathBuf {
    if let Some(path) = std::env::var_os("OPENXML_AUDIT") {
        return PathBuf::from(path);
    }
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/openxml-audit/bin/openxml-audit");
    if venv.is_file() {
        return venv;
    }
    let on_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|dir| dir.join("openxml-audit"))
        .find(|p| p.is_file());
    on_path.unwrap_or_else(|| {
        panic!(
            "openxml-audit ontbreekt: run tests/setup-and-test.sh (installs it with pip in \
             target/openxml-audit) or `python3 -m pip install openxml-audit`, or point \
             OPENXML_AUDIT at it"
        )
    })
}

/// Fails unless `openxml-audit` finds no schema error in the Office file (DOCX,
/// XLSX).
pub fn assert_valid(docx: &Path) {
    let program = validator();
    let out = Command::new(&program)
        .args(["--format", "office2016", "--max-errors", "0"])
        .arg(docx)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "openxml-audit ({}) could not run ({e}): run tests/setup-and-test.sh",
                program.display()
            )
        });
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && report.contains("Errors: 0"),
        "{} is not valid Office Open XML:\n{report}\n{}",
        docx.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}
