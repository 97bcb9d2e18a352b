//! From a workspace to the [`Document`] of the communication, in Dutch, in the order of
//! a *mededeling aan de Vlaamse Regering*.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::funding::{budget_per_year, todays_funding};
use crate::model::rules::{Warning, validate};
use crate::model::{
    Argument, Assignment, Cluster, Euro, Polarity, Scenario, Source, Subject, Workspace,
};

use super::document::{
    Block, CONFIDENTIAL_MARK, Chart, Document, DocumentMeta, Run, Table, clean_text, flemish_date,
    one_line,
};

/// The numbered sections, each of which can be switched off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Summary,
    Situation,
    Scenarios,
    Advice,
    Recommendations,
    Themes,
    Budget,
    Timing,
}

impl Section {
    pub const ALL: [Section; 8] = [
        Self::Summary,
        Self::Situation,
        Self::Scenarios,
        Self::Advice,
        Self::Recommendations,
        Self::Themes,
        Self::Budget,
        Self::Timing,
    ];

    pub fn dutch(self) -> &'static str {
        match self {
            Self::Summary => "Samenvatting",
            Self::Situation => "Situering",
            Self::Scenarios => "De vier scenario\u{2019}s",
            Self::Advice => "Adviezen",
            Self::Recommendations => "Aanbeveling per speerpuntcluster",
            Self::Themes => "Ontbrekende strategische thema\u{2019}s",
            Self::Budget => "Budgettaire impact",
            Self::Timing => "Verdere timing",
        }
    }
}

/// What to put in the export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    /// Leave out internal arguments and cluster notes (also when the workspace asks it).
    pub public_version: bool,
    /// The sections to include; the others are switched off and the rest renumbered.
    pub sections: BTreeSet<Section>,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            public_version: false,
            sections: Section::ALL.into_iter().collect(),
        }
    }
}

const NO_ADVICE: &str = "Nog geen adviezen ontvangen.";

/// Builds the communication. Deterministic: no clock, records in workspace order.
pub fn build_document(ws: &Workspace, options: &ExportOptions) -> Document {
    let public = options.public_version || ws.meta.public_version;
    let mut b = Builder {
        ws,
        public,
        blocks: Vec::new(),
        number: 0,
    };
    b.front_matter();
    let mut charts = SectionCharts::new(ws);
    for section in Section::ALL {
        if !options.sections.contains(&section) {
            continue;
        }
        b.number += 1;
        let heading = format!("{}. {}", b.number, section.dutch());
        b.blocks.push(Block::Heading {
            level: 1,
            text: heading,
        });
        match section {
            Section::Summary => b.summary(),
            Section::Situation => b.situation(),
            Section::Scenarios => b.scenarios(),
            Section::Advice => b.advice(),
            Section::Recommendations => b.recommendations(),
            Section::Themes => b.themes(),
            Section::Budget => b.budget(),
            Section::Timing => b.timing(),
        }
        if let Some(chart) = charts.take(section) {
            b.push(Block::Chart(chart));
        }
    }
    b.closing();

    let meta = &ws.meta;
    let title = first_non_empty(&[
        &meta.subject,
        &meta.title,
        "Mededeling aan de Vlaamse Regering",
    ]);
    let confidential = meta.confidential_draft;
    let mut footer = one_line(&meta.document_number);
    if footer.is_empty() {
        footer = one_line(&title);
    }
    if confidential {
        footer = format!("{CONFIDENTIAL_MARK} \u{2013} {footer}");
    }
    Document {
        meta: DocumentMeta {
            title: one_line(&title),
            author: one_line(first_non_empty(&[&meta.author, &meta.signatory]).as_str()),
            date: meta.date,
            confidential,
            header: if confidential {
                CONFIDENTIAL_MARK.to_owned()
            } else {
                String::new()
            },
            footer,
            language: "nl-BE".to_owned(),
        },
        blocks: b.blocks,
    }
}

fn first_non_empty(candidates: &[&str]) -> String {
    candidates
        .iter()
        .map(|s| s.trim())
        .find(|s| !s.is_empty())
        .unwrap_or_default()
        .to_owned()
}

/// Paragraphs of a free text: every non-empty line is one paragraph, so nothing a
/// person typed disappears and no format needs in-paragraph line breaks.
fn paragraphs(text: &str) -> Vec<String> {
    clean_text(text)
        .split('\n')
        .map(|line| line.replace('\t', " ").trim().to_owned())
        .filter(|line| !line.is_empty())
        .collect()
}

/// "A, B en C".
fn dutch_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} en {last}", init.join(", ")),
    }
}

fn score(value: Option<u8>) -> String {
    value.map_or_else(|| "\u{2013}".to_owned(), |v| format!("{v}/5"))
}

fn budget_text(a: &Assignment) -> String {
    match a.budget {
        Some(b) => format!(
            "{} per jaar ({}\u{2013}{})",
            b.amount.flemish(),
            b.first_year,
            b.last_year
        ),
        None => "geen".to_owned(),
    }
}

struct Builder<'a> {
    ws: &'a Workspace,
    public: bool,
    blocks: Vec<Block>,
    number: u32,
}

impl Builder<'_> {
    fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    fn text(&mut self, text: &str) {
        for p in paragraphs(text) {
            self.push(Block::paragraph(p));
        }
    }

    fn labelled(&mut self, label: &str, text: &str) {
        let text = one_line(text);
        if !text.is_empty() {
            self.push(Block::Paragraph(vec![
                Run::bold(format!("{label}:")),
                Run::plain(format!(" {text}")),
            ]));
        }
    }

    fn sober(&mut self, sentence: &str) {
        self.push(Block::Paragraph(vec![Run::italic(sentence)]));
    }

    fn heading2(&mut self, sub: usize, text: &str) {
        let text = format!("{}.{} {}", self.number, sub, one_line(text));
        self.push(Block::Heading { level: 2, text });
    }

    fn heading3(&mut self, text: &str) {
        self.push(Block::Heading {
            level: 3,
            text: one_line(text),
        });
    }

    fn visible_arguments(&self) -> impl Iterator<Item = &Argument> {
        let public = self.public;
        self.ws
            .arguments
            .iter()
            .filter(move |a| !(public && a.internal))
    }

    /// "text (SERV, gewicht 3)", marking internal arguments in the internal version.
    fn argument_line(&self, a: &Argument) -> String {
        let internal = if a.internal { ", intern" } else { "" };
        format!(
            "{} ({}, gewicht {}{internal})",
            one_line(&a.text),
            one_line(&self.ws.source_name(a.source)),
            a.weight
        )
    }

    fn body_label(&self, short: &str, full: &str) -> String {
        let short = one_line(short);
        let full = one_line(full);
        if full.is_empty() || full == short {
            short
        } else {
            format!("{short} ({full})")
        }
    }

    fn received_bodies(&self) -> Vec<&crate::model::AdvisoryBody> {
        self.ws
            .bodies
            .iter()
            .filter(|b| b.advice.is_received())
            .collect()
    }

    fn front_matter(&mut self) {
        let meta = &self.ws.meta;
        if meta.confidential_draft {
            self.push(Block::Paragraph(vec![Run::bold(CONFIDENTIAL_MARK)]));
        }
        let number = one_line(&meta.document_number);
        if !number.is_empty() {
            self.push(Block::paragraph(number));
        }
        let minister = one_line(&meta.minister_title);
        if !minister.is_empty() {
            self.push(Block::Paragraph(vec![Run::bold(minister.to_uppercase())]));
        }
        self.push(Block::Title(
            "MEDEDELING AAN DE VLAAMSE REGERING".to_owned(),
        ));
        let subject = first_non_empty(&[&meta.subject, &meta.title]);
        self.labelled("Betreft", &subject);
        if let Some(date) = meta.date {
            self.labelled("Datum", &flemish_date(date));
        }
        let annexes: Vec<Vec<Run>> = self
            .ws
            .bodies
            .iter()
            .filter(|b| b.advice.received.is_some() || !b.advice.reference.trim().is_empty())
            .map(|b| {
                let mut line = format!("Advies {}", self.body_label(&b.short_name, &b.full_name));
                if let Some(date) = b.advice.received {
                    line.push_str(&format!(" van {}", flemish_date(date)));
                }
                let reference = one_line(&b.advice.reference);
                if !reference.is_empty() {
                    line.push_str(&format!(" ({reference})"));
                }
                vec![Run::plain(line)]
            })
            .collect();
        if annexes.is_empty() {
            self.push(Block::Paragraph(vec![
                Run::bold("Bijlagen:"),
                Run::plain(" geen."),
            ]));
        } else {
            self.push(Block::Paragraph(vec![Run::bold("Bijlagen:")]));
            self.push(Block::BulletList(annexes));
        }
    }

    fn summary(&mut self) {
        let ws = self.ws;
        let meta = &ws.meta;
        let mut sentences = vec![format!(
            "Deze mededeling legt de Vlaamse Regering de toekomst van het Vlaamse clusterbeleid voor: {} scenario\u{2019}s, de adviezen daarover en een aanbeveling per speerpuntcluster.",
            ws.scenarios.len()
        )];
        if meta.funded_today > 0 {
            sentences.push(format!(
                "Vandaag worden {} speerpuntclusters gefinancierd met maximaal {} per jaar elk, {}.",
                meta.funded_today,
                meta.funding_cap.flemish(),
                today_sum_phrase(ws)
            ));
        }
        let reaching = term_ends(ws);
        if let Some((year, names)) = reaching.iter().next() {
            sentences.push(format!(
                "De termijn van tien jaar loopt als eerste af eind {year} voor {}.",
                dutch_list(names)
            ));
        }
        let received = self.received_bodies().len();
        sentences.push(if received == 0 {
            format!(
                "Advies werd gevraagd aan {} adviesorganen; er zijn nog geen adviezen ontvangen.",
                ws.bodies.len()
            )
        } else {
            format!(
                "Van de {} bevraagde adviesorganen brachten er {received} advies uit.",
                ws.bodies.len()
            )
        });
        self.push(Block::paragraph(sentences.join(" ")));
        let overall = paragraphs(&meta.overall_recommendation);
        if !overall.is_empty() {
            self.labelled("Aanbeveling", &overall.join(" "));
        }
    }

    fn situation(&mut self) {
        let ws = self.ws;
        let meta = &ws.meta;
        self.text(&meta.context);

        let rows: Vec<Vec<String>> = ws
            .clusters
            .iter()
            .map(|c| {
                vec![
                    one_line(&c.name),
                    one_line(&c.domain),
                    c.status.dutch().to_owned(),
                    c.term_end_year
                        .map_or_else(|| "\u{2013}".to_owned(), |y| format!("eind {y}")),
                    c.max_yearly_funding
                        .map_or_else(|| "\u{2013}".to_owned(), Euro::flemish),
                ]
            })
            .collect();
        if rows.is_empty() {
            self.sober("Er zijn nog geen speerpuntclusters opgenomen.");
        } else {
            self.push(Block::Table(Table {
                caption: Some("De speerpuntclusters".to_owned()),
                header: [
                    "Cluster",
                    "Domein",
                    "Status",
                    "Einde termijn",
                    "Maximum per jaar",
                ]
                .map(str::to_owned)
                .to_vec(),
                rows,
            }));
        }
        self.push(Block::paragraph(format!(
            "De financiering bedraagt maximaal {} per speerpuntcluster per jaar. Vandaag worden {} speerpuntclusters gefinancierd, {}.",
            meta.funding_cap.flemish(),
            meta.funded_today,
            today_sum_phrase(ws)
        )));
        self.text(&meta.legal_basis);
        let ends = term_ends(ws);
        if ends.is_empty() {
            self.sober(
                "Voor geen enkele cluster is het einde van de termijn van tien jaar ingevuld.",
            );
        } else {
            self.push(Block::paragraph(
                "De termijn van tien jaar (artikel 27 AGVV) wordt bereikt:",
            ));
            let items = ends
                .iter()
                .map(|(year, names)| {
                    vec![Run::plain(format!("eind {year}: {}", dutch_list(names)))]
                })
                .collect();
            self.push(Block::BulletList(items));
        }
        let questions: Vec<Vec<Run>> = meta
            .advice_questions
            .iter()
            .map(|q| one_line(q))
            .filter(|q| !q.is_empty())
            .map(|q| vec![Run::plain(q)])
            .collect();
        if !questions.is_empty() {
            self.push(Block::paragraph("De minister vroeg advies over:"));
            self.push(Block::BulletList(questions));
        }
    }

    fn scenarios(&mut self) {
        let ws = self.ws;
        if ws.scenarios.is_empty() {
            self.sober("Er zijn nog geen scenario\u{2019}s opgenomen.");
            return;
        }
        for (i, scenario) in ws.scenarios.iter().enumerate() {
            self.heading2(
                i + 1,
                &format!("{}: {}", scenario.label(), one_line(&scenario.title)),
            );
            self.text(&scenario.description);
            let options: Vec<Vec<Run>> = scenario
                .sub_options
                .iter()
                .map(|o| {
                    let mut runs = vec![Run::bold(one_line(&o.title))];
                    let d = one_line(&o.description);
                    if !d.is_empty() {
                        runs.push(Run::plain(format!(": {d}")));
                    }
                    runs
                })
                .collect();
            if !options.is_empty() {
                self.push(Block::Paragraph(vec![Run::bold("Subopties:")]));
                self.push(Block::BulletList(options));
            }
            self.labelled("Voorwaarden", &scenario.conditions);
            self.pros_and_cons(scenario);
            self.cluster_arguments(scenario);
            self.stances_on(scenario);
        }
    }

    fn pros_and_cons(&mut self, scenario: &Scenario) {
        let mut pros: Vec<&Argument> = Vec::new();
        let mut cons: Vec<&Argument> = Vec::new();
        for a in self.visible_arguments() {
            if a.subject == Subject::Scenario(scenario.id) {
                match a.polarity {
                    Polarity::Pro => pros.push(a),
                    Polarity::Contra => cons.push(a),
                }
            }
        }
        if pros.is_empty() && cons.is_empty() {
            self.sober("Nog geen argumenten opgenomen.");
            return;
        }
        // Heaviest first; the sort is stable, so equal weights keep workspace order.
        pros.sort_by_key(|a| std::cmp::Reverse(a.weight));
        cons.sort_by_key(|a| std::cmp::Reverse(a.weight));
        let rows = (0..pros.len().max(cons.len()))
            .map(|i| {
                vec![
                    pros.get(i)
                        .map(|a| self.argument_line(a))
                        .unwrap_or_default(),
                    cons.get(i)
                        .map(|a| self.argument_line(a))
                        .unwrap_or_default(),
                ]
            })
            .collect();
        self.push(Block::Table(Table {
            caption: Some(format!("Pro en contra {}", scenario.label())),
            header: vec!["Pro".to_owned(), "Contra".to_owned()],
            rows,
        }));
    }

    fn cluster_arguments(&mut self, scenario: &Scenario) {
        let rows: Vec<Vec<String>> = self
            .visible_arguments()
            .filter_map(|a| match a.subject {
                Subject::ClusterScenario {
                    cluster,
                    scenario: s,
                } if s == scenario.id => Some(vec![
                    one_line(&self.ws.cluster_name(cluster)),
                    a.polarity.dutch().to_owned(),
                    self.argument_line(a),
                ]),
                _ => None,
            })
            .collect();
        if !rows.is_empty() {
            self.push(Block::Table(Table {
                caption: Some(format!("Clusterspecifieke argumenten {}", scenario.label())),
                header: vec![
                    "Cluster".to_owned(),
                    "Pro/contra".to_owned(),
                    "Argument".to_owned(),
                ],
                rows,
            }));
        }
    }

    fn stances_on(&mut self, scenario: &Scenario) {
        let lines: Vec<Vec<Run>> = self
            .received_bodies()
            .iter()
            .map(|body| {
                let stance = body.advice.stance_on(scenario.id);
                let quote = body
                    .advice
                    .stances
                    .iter()
                    .find(|s| s.scenario == scenario.id)
                    .map(|s| one_line(&s.quote))
                    .unwrap_or_default();
                let mut runs = vec![
                    Run::bold(one_line(&body.short_name)),
                    Run::plain(format!(": {}", stance.dutch())),
                ];
                if !quote.is_empty() {
                    runs.push(Run::plain(" \u{2013} "));
                    runs.push(Run::italic(format!("\u{201c}{quote}\u{201d}")));
                }
                runs
            })
            .collect();
        self.push(Block::Paragraph(vec![Run::bold(
            "Standpunten van de adviesorganen:",
        )]));
        if lines.is_empty() {
            self.sober(NO_ADVICE);
        } else {
            self.push(Block::BulletList(lines));
        }
    }

    fn advice(&mut self) {
        let ws = self.ws;
        let received = self.received_bodies();
        if received.is_empty() {
            self.sober(NO_ADVICE);
            if !ws.bodies.is_empty() {
                self.push(Block::paragraph("Advies werd gevraagd aan:"));
                let items = ws
                    .bodies
                    .iter()
                    .map(|b| vec![Run::plain(self.body_label(&b.short_name, &b.full_name))])
                    .collect();
                self.push(Block::BulletList(items));
            }
            return;
        }
        for (i, body) in ws.bodies.iter().enumerate() {
            self.heading2(i + 1, &self.body_label(&body.short_name, &body.full_name));
            let advice = &body.advice;
            if !advice.is_received() {
                self.sober("Nog geen advies ontvangen.");
                continue;
            }
            if let Some(date) = advice.received {
                self.labelled("Datum", &flemish_date(date));
            }
            self.labelled("Referentie", &advice.reference);
            self.text(&advice.summary);
            let rows: Vec<Vec<String>> = ws
                .scenarios
                .iter()
                .map(|s| {
                    let quote = advice
                        .stances
                        .iter()
                        .find(|st| st.scenario == s.id)
                        .map(|st| one_line(&st.quote))
                        .unwrap_or_default();
                    vec![
                        one_line(&s.label()),
                        advice.stance_on(s.id).dutch().to_owned(),
                        quote,
                    ]
                })
                .collect();
            if !rows.is_empty() {
                self.push(Block::Table(Table {
                    caption: Some(format!("Standpunten {}", one_line(&body.short_name))),
                    header: vec![
                        "Scenario".to_owned(),
                        "Standpunt".to_owned(),
                        "Citaat".to_owned(),
                    ],
                    rows,
                }));
            }
        }
        self.heading3("Overzicht");
        let mut header = vec!["Adviesorgaan".to_owned()];
        header.extend(ws.scenarios.iter().map(|s| one_line(&s.label())));
        let rows = ws
            .bodies
            .iter()
            .map(|b| {
                let mut row = vec![one_line(&b.short_name)];
                row.extend(ws.scenarios.iter().map(|s| {
                    if b.advice.is_received() {
                        b.advice.stance_on(s.id).dutch().to_owned()
                    } else {
                        "nog geen advies".to_owned()
                    }
                }));
                row
            })
            .collect();
        self.push(Block::Table(Table {
            caption: Some("Standpunten van de adviesorganen per scenario".to_owned()),
            header,
            rows,
        }));
    }

    fn recommendations(&mut self) {
        let ws = self.ws;
        let year = ws.meta.date.map_or(i32::MIN, |d| i32::from(d.year()));
        let warnings = validate(ws, year);
        if ws.clusters.is_empty() {
            self.sober("Er zijn nog geen speerpuntclusters opgenomen.");
        }
        for (i, cluster) in ws.clusters.iter().enumerate() {
            self.heading2(i + 1, &cluster.name);
            self.cluster_recommendation(cluster, &warnings);
        }
        self.heading3("Algemene aanbeveling");
        if paragraphs(&ws.meta.overall_recommendation).is_empty() {
            self.sober("Nog geen algemene aanbeveling geformuleerd.");
        } else {
            self.text(&ws.meta.overall_recommendation);
        }
    }

    fn cluster_recommendation(&mut self, cluster: &Cluster, warnings: &[Warning]) {
        let ws = self.ws;
        let assignments: Vec<&Assignment> = ws
            .assignments
            .iter()
            .filter(|a| a.cluster == cluster.id)
            .collect();
        if assignments.is_empty() {
            self.sober("Nog geen scenario toegewezen.");
        } else {
            let rows = assignments
                .iter()
                .map(|a| {
                    vec![
                        one_line(&ws.scenario_label(a.scenario)),
                        a.role.dutch().to_owned(),
                        score(a.desirability),
                        score(a.feasibility),
                        budget_text(a),
                    ]
                })
                .collect();
            self.push(Block::Table(Table {
                caption: Some(format!("Scenariocombinatie {}", one_line(&cluster.name))),
                header: [
                    "Scenario",
                    "Rol",
                    "Wenselijkheid",
                    "Haalbaarheid",
                    "Jaarbudget",
                ]
                .map(str::to_owned)
                .to_vec(),
                rows,
            }));
            let mut details = Vec::new();
            for a in &assignments {
                let label = one_line(&ws.scenario_label(a.scenario));
                let options: Vec<String> = a
                    .sub_options
                    .iter()
                    .map(|id| {
                        ws.scenario(a.scenario)
                            .and_then(|s| s.sub_options.iter().find(|o| o.id == *id))
                            .map_or_else(|| "onbekende suboptie".to_owned(), |o| one_line(&o.title))
                    })
                    .collect();
                if !options.is_empty() {
                    details.push(vec![Run::plain(format!(
                        "{label} \u{2013} subopties: {}",
                        options.join("; ")
                    ))]);
                }
                let conditions = one_line(&a.conditions);
                if !conditions.is_empty() {
                    details.push(vec![Run::plain(format!(
                        "{label} \u{2013} voorwaarden: {conditions}"
                    ))]);
                }
            }
            if !details.is_empty() {
                self.push(Block::BulletList(details));
            }
        }
        let mine: Vec<Vec<Run>> = warnings
            .iter()
            .filter(|w| w.cluster() == Some(cluster.id))
            .map(|w| {
                vec![Run::plain(one_line(&crate::wording::warning(
                    self.ws,
                    w,
                    crate::wording::Lang::Dutch,
                )))]
            })
            .collect();
        if !mine.is_empty() {
            self.push(Block::Paragraph(vec![Run::bold("Waarschuwingen:")]));
            self.push(Block::BulletList(mine));
        }
        if !self.public {
            let note = paragraphs(&cluster.note).join(" ");
            if !note.is_empty() {
                self.push(Block::Note(vec![Run::italic("Noot: "), Run::plain(note)]));
            }
        }
        let recommendation = paragraphs(&cluster.recommendation);
        if !recommendation.is_empty() {
            self.labelled("Aanbeveling", &recommendation.join(" "));
        }
    }

    fn themes(&mut self) {
        let ws = self.ws;
        if ws.themes.is_empty() {
            self.sober("Nog geen ontbrekende thema\u{2019}s opgenomen.");
            return;
        }
        let rows = ws
            .themes
            .iter()
            .map(|t| {
                let by: Vec<String> = t
                    .proposed_by
                    .iter()
                    .map(|b| one_line(&ws.source_name(Source::Body(*b))))
                    .collect();
                let mut route = t.route.map_or("nog niet bepaald", |r| r.dutch()).to_owned();
                if let Some(host) = t.host_cluster {
                    route.push_str(&format!(" ({})", one_line(&ws.cluster_name(host))));
                }
                vec![
                    one_line(&t.name),
                    one_line(&t.description),
                    if by.is_empty() {
                        "\u{2013}".to_owned()
                    } else {
                        by.join(", ")
                    },
                    route,
                ]
            })
            .collect();
        self.push(Block::Table(Table {
            caption: Some("Ontbrekende strategische thema\u{2019}s".to_owned()),
            header: ["Thema", "Beschrijving", "Voorgesteld door", "Route"]
                .map(str::to_owned)
                .to_vec(),
            rows,
        }));
    }

    fn budget(&mut self) {
        let ws = self.ws;
        let reference = match todays_funding(&ws.meta) {
            Some(today) => format!(
                "{} \u{d7} {} = {}",
                ws.meta.funded_today,
                ws.meta.funding_cap.flemish(),
                today.flemish()
            ),
            None => format!(
                "{} \u{d7} {} (een bedrag dat te groot is om te berekenen; controleer de velden)",
                ws.meta.funded_today,
                ws.meta.funding_cap.flemish()
            ),
        };
        // The same figures as the budget chart and its table: one definition.
        let chart = budget_per_year(ws);
        if !ws.assignments.iter().any(|a| a.budget.is_some()) {
            self.sober(
                "Nog geen jaarbudgetten bij de toewijzingen; de tabel toont alleen de lopende termijnen.",
            );
        }
        self.push(Block::paragraph(format!(
            "Structurele financiering per jaar: tijdens de lopende termijn het maximumbedrag van elke speerpuntcluster, daarna de jaarbudgetten van haar toewijzingen; tegenover vandaag {reference} per jaar."
        )));
        let unknown: Vec<String> = chart
            .unknown_current_funding
            .iter()
            .filter_map(|id| ws.cluster(*id))
            .map(|c| one_line(&c.name))
            .collect();
        if !unknown.is_empty() {
            self.push(Block::paragraph(format!(
                "Van {} is de lopende financiering niet bekend (geen startjaar of maximumbedrag): alleen de budgetten van hun toewijzingen tellen mee, en een verschil met vandaag wordt niet berekend zolang die gegevens ontbreken.",
                dutch_list(&unknown)
            )));
        }
        let today = todays_funding(&ws.meta);
        let rows: Vec<Vec<String>> = chart
            .years
            .iter()
            .zip(&chart.totals)
            .filter(|(_, total)| **total != Euro(0))
            .map(|(year, total)| {
                // No figure where there is no honest one: a dash, explained above. With
                // clusters of unknown funding the sum is too low, and a "saving" would
                // be a conclusion drawn from missing data.
                let difference = today
                    .filter(|_| unknown.is_empty())
                    .and_then(|t| total.amount().checked_sub(t.amount()))
                    .map(Euro);
                let shown =
                    |amount: Option<Euro>| amount.map_or_else(|| "—".to_owned(), Euro::flemish);
                vec![
                    year.to_string(),
                    total.flemish(),
                    shown(today),
                    shown(difference),
                ]
            })
            .collect();
        if rows.is_empty() {
            return;
        }
        self.push(Block::Table(Table {
            caption: Some("Budgettaire impact per jaar".to_owned()),
            header: ["Jaar", "Structureel", "Vandaag", "Verschil"]
                .map(str::to_owned)
                .to_vec(),
            rows,
        }));
    }

    fn timing(&mut self) {
        if paragraphs(&self.ws.meta.timing).is_empty() {
            self.sober("Nog geen timing vastgelegd.");
        } else {
            self.text(&self.ws.meta.timing);
        }
    }

    fn closing(&mut self) {
        let meta = &self.ws.meta;
        self.text(&meta.closing);
        let title = one_line(&meta.minister_title);
        let name = one_line(&meta.signatory);
        if !title.is_empty() || !name.is_empty() {
            let title = if title.is_empty() || title.ends_with(',') {
                title
            } else {
                format!("{title},")
            };
            self.push(Block::Signature { title, name });
        }
    }
}

/// The four charts, each at the end of its section: consensus under the advice (4),
/// desirability × feasibility under the recommendations (5), budget under the
/// budgetary impact (7), the timeline under the timing (8).
struct SectionCharts {
    budget: Option<Chart>,
    timeline: Option<Chart>,
    scores: Option<Chart>,
    consensus: Option<Chart>,
}

impl SectionCharts {
    fn new(ws: &Workspace) -> Self {
        let mut all = crate::charts::svg::all_charts(ws, chart_today(ws))
            .into_iter()
            .map(Chart::from_svg);
        Self {
            budget: all.next(),
            timeline: all.next(),
            scores: all.next(),
            consensus: all.next(),
        }
    }

    /// A chart without numbers is left out: its section already says so in a sober
    /// sentence, and an empty picture with an empty table adds nothing.
    fn take(&mut self, section: Section) -> Option<Chart> {
        let chart = match section {
            Section::Advice => self.consensus.take(),
            Section::Recommendations => self.scores.take(),
            Section::Budget => self.budget.take(),
            Section::Timing => self.timeline.take(),
            _ => None,
        };
        chart.filter(|c| !c.table.rows.is_empty())
    }
}

/// "Today" on the timeline: the document date, else the latest date an advice came
/// in, else a fixed date. Never the clock, so the same workspace gives the same bytes.
fn chart_today(ws: &Workspace) -> jiff::civil::Date {
    ws.meta
        .date
        .or_else(|| ws.bodies.iter().filter_map(|b| b.advice.received).max())
        .unwrap_or(jiff::civil::date(2026, 1, 1))
}

/// "samen € 3.900.000 per jaar", or why there is no such sum.
fn today_sum_phrase(ws: &Workspace) -> String {
    match todays_funding(&ws.meta) {
        Some(today) => format!("samen {} per jaar", today.flemish()),
        None => {
            "samen een bedrag dat te groot is om te berekenen (controleer de velden)".to_owned()
        }
    }
}

/// Year the ten-year term ends → the clusters whose term ends then.
fn term_ends(ws: &Workspace) -> BTreeMap<i32, Vec<String>> {
    let mut ends: BTreeMap<i32, Vec<String>> = BTreeMap::new();
    for c in &ws.clusters {
        if let Some(year) = c.term_end_year {
            ends.entry(year).or_default().push(one_line(&c.name));
        }
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_dutch() {
        let l = |v: &[&str]| dutch_list(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(l(&["A"]), "A");
        assert_eq!(l(&["A", "B", "C"]), "A, B en C");
    }

    #[test]
    fn switched_off_sections_renumber_the_rest() {
        let ws = crate::store::default_workspace();
        let mut options = ExportOptions::default();
        options.sections.remove(&Section::Summary);
        let doc = build_document(&ws, &options);
        let first = doc.headings().next().map(|(_, t)| t.to_owned());
        assert_eq!(first.as_deref(), Some("1. Situering"));
        assert!(!doc.headings().any(|(_, t)| t.contains("Samenvatting")));
    }
}
