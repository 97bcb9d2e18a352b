//! From a workspace to the [`Document`] of the communication, in Dutch, in the order of
//! a *mededeling aan de Vlaamse Regering*.

mod advice;
mod budget;
mod front;
mod recommendations;
mod scenarios;
mod variants;

use std::collections::{BTreeMap, BTreeSet};

use crate::model::funding::todays_funding;
use crate::model::{Argument, Assignment, Workspace};

use super::document::{
    Block, CONFIDENTIAL_MARK, Chart, Document, DocumentMeta, Run, clean_text, one_line,
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
    /// The annex "Onderzochte varianten", after the signature and unnumbered; only
    /// in a workspace with more than one variant.
    Variants,
}

impl Section {
    pub const ALL: [Section; 9] = [
        Self::Summary,
        Self::Situation,
        Self::Scenarios,
        Self::Advice,
        Self::Recommendations,
        Self::Themes,
        Self::Budget,
        Self::Timing,
        Self::Variants,
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
            Self::Variants => "Onderzochte varianten",
        }
    }

    /// The section's name on the command line (`--sections`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Summary => "samenvatting",
            Self::Situation => "situering",
            Self::Scenarios => "scenarios",
            Self::Advice => "adviezen",
            Self::Recommendations => "aanbevelingen",
            Self::Themes => "themas",
            Self::Budget => "budget",
            Self::Timing => "timing",
            Self::Variants => "varianten",
        }
    }

    /// The section a command-line name names, if any.
    pub fn from_key(key: &str) -> Option<Section> {
        Self::ALL.into_iter().find(|s| s.key() == key.trim())
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

/// The one wording for "no advice": for the whole consultation and for one body.
const NO_ADVICE: &str = "Nog geen adviezen ontvangen.";
const NO_ADVICE_FROM_BODY: &str = "Nog geen advies ontvangen.";

/// Builds the communication. Deterministic: no clock, records in workspace order.
///
/// The chosen variant drives every section ([`Workspace::recommended`]); the annex
/// compares all variants and is there only when the workspace has more than one.
pub fn build_document(whole: &Workspace, options: &ExportOptions) -> Document {
    let recommended = whole.recommended();
    let ws: &Workspace = &recommended;
    let public = options.public_version || ws.meta.public_version;
    let mut b = Builder {
        ws,
        public,
        scenarios_shown: options.sections.contains(&Section::Scenarios),
        blocks: Vec::new(),
        number: 0,
    };
    b.front_matter();
    let mut charts = SectionCharts::new(ws);
    for section in Section::ALL {
        if !options.sections.contains(&section) || section == Section::Variants {
            continue;
        }
        b.number += 1;
        let heading = format!("{}. {}", b.number, b.section_title(section));
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
            Section::Variants => {}
        }
        if let Some(chart) = charts.take(section) {
            b.push(Block::Chart(chart));
        }
    }
    b.closing();
    if options.sections.contains(&Section::Variants) && whole.variants.len() > 1 {
        b.variants_annex(whole);
    }

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
    let mut doc = Document {
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
    };
    super::typography::tie_document(&mut doc);
    doc
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

/// "1 advies", "2 adviezen": the count with the noun that agrees with it.
fn counted(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

/// "De vier scenario\u{2019}s", "Het scenario", "De scenario\u{2019}s" (none, or more
/// than ten).
fn scenarios_title(count: usize) -> String {
    const WORDS: [&str; 9] = [
        "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
    ];
    match count {
        1 => "Het scenario".to_owned(),
        n => n.checked_sub(2).and_then(|i| WORDS.get(i)).map_or_else(
            || "De scenario\u{2019}s".to_owned(),
            |word| format!("De {word} scenario\u{2019}s"),
        ),
    }
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
    /// The stances with their quotes stand once, under each scenario, when that
    /// section is in the document; otherwise under each body's advice.
    scenarios_shown: bool,
    blocks: Vec<Block>,
    number: u32,
}

impl Builder<'_> {
    /// A section's heading in the workspace's terms: "De vier scenario\u{2019}s" only
    /// with four, "Aanbeveling per speerpuntcluster" only when the clusters are called so.
    fn section_title(&self, section: Section) -> String {
        match section {
            Section::Scenarios => scenarios_title(self.ws.scenarios.len()),
            Section::Recommendations => {
                format!("Aanbeveling per {}", self.ws.meta.cluster_word())
            }
            other => other.dutch().to_owned(),
        }
    }

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

    /// The argument's line and, when it cites or names an advice, its footnote.
    fn argument_runs(&self, a: &Argument) -> Vec<Run> {
        let mut runs = vec![Run::plain(self.argument_line(a))];
        runs.extend(super::citation::argument_note(self.ws, a).map(Run::footnote));
        runs
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
            .filter(|b| self.ws.advice_received(b))
            .collect()
    }

    fn timing(&mut self) {
        if paragraphs(&self.ws.meta.timing).is_empty() {
            self.sober("Nog geen timing vastgelegd.");
        } else {
            self.text(&self.ws.meta.timing);
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
        // A budget chart without clusters or a consensus chart without advice would
        // show only its reference line or zero counts.
        let has_budget = !crate::model::funding::budget_per_year(ws)
            .clusters
            .is_empty();
        let has_advice = ws.bodies.iter().any(|b| ws.advice_received(b));
        Self {
            budget: all.next().filter(|_| has_budget),
            timeline: all.next(),
            scores: all.next(),
            consensus: all.next().filter(|_| has_advice),
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
    crate::model::funding::reference_date(ws)
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
mod tests;
