//! Each record kind compared field by field, with every value made readable data: a
//! reference to another record becomes that record's name *in the version concerned*
//! (so a variant chosen in the older version is named as it was named then), a nested
//! value (an advice with its stances, a citation) is broken down into the parts that
//! changed, and nothing is left as RON for `crate::wording` to show.
//!
//! Every function takes the newer record apart without `..`: a field added later
//! stops the build here until the history knows how to say it.

use jiff::civil::Date;
use serde::Serialize;

use super::super::conflict::ConflictTarget;
use super::super::ids::*;
use super::super::money::Euro;
use super::super::workspace::*;
use super::changes::{Change, ChangeKind, Label, Part};

/// A field's value as a person reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Value {
    /// Nothing: an empty text, no date, no budget, an empty list.
    Empty,
    /// A reference to a record the version does not hold.
    Missing,
    Text(String),
    Number(i64),
    /// A calendar year (written without a thousands separator).
    Year(i32),
    Flag(bool),
    /// Whole euros.
    Money(Euro),
    Date(Date),
    /// A yearly budget: the amount each year from `first_year` to `last_year`.
    Budget {
        amount: Euro,
        first_year: i32,
        last_year: i32,
    },
    /// Another record, by its name in the version concerned.
    Name(String),
    /// A cluster under a scenario (an argument's subject).
    Placement {
        cluster: String,
        scenario: String,
    },
    Word(Word),
    List(Vec<Value>),
    /// How many passages an imported document holds.
    Passages(usize),
}

/// A choice from a fixed set, for `crate::wording` to say in the interface's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Word {
    Status(ClusterStatus),
    Role(Role),
    Polarity(Polarity),
    Stance(Stance),
    Route(ThemeRoute),
    Format(SourceFormat),
    /// An argument's source when no advisory body gave it.
    OwnAnalysis,
}

impl Value {
    fn text(text: &str) -> Value {
        if text.is_empty() {
            Value::Empty
        } else {
            Value::Text(text.to_owned())
        }
    }

    fn opt<T>(value: Option<T>, show: impl FnOnce(T) -> Value) -> Value {
        value.map_or(Value::Empty, show)
    }

    fn list(items: Vec<Value>) -> Value {
        if items.is_empty() {
            Value::Empty
        } else {
            Value::List(items)
        }
    }
}

/// Collects the changed fields of one record (or of the metadata).
pub(super) struct Diff<'a> {
    pub old: &'a Workspace,
    pub new: &'a Workspace,
    pub target: ConflictTarget,
    pub label: Label,
    pub part: Option<Part>,
    pub out: &'a mut Vec<Change>,
}

impl Diff<'_> {
    /// Lists `name` when the stored values differ *and* read differently: a raw change
    /// that reads the same (an assignment moved from "no variant" to the first
    /// variant by id) is no change to a person; a renamed cluster is not a change of
    /// every assignment that names it, because the raw values there are equal.
    fn field<T: PartialEq + ?Sized>(
        &mut self,
        name: &'static str,
        a: &T,
        b: &T,
        show: impl Fn(&T, &Workspace) -> Value,
    ) {
        if a == b {
            return;
        }
        let (old, new) = (show(a, self.old), show(b, self.new));
        self.push(name, old, new);
    }

    fn push(&mut self, name: &'static str, old: Value, new: Value) {
        if old != new {
            self.out.push(Change {
                target: self.target,
                kind: ChangeKind::Changed,
                label: self.label.clone(),
                field: Some(name),
                part: self.part.clone(),
                old,
                new,
            });
        }
    }

    fn text(&mut self, name: &'static str, a: &str, b: &str) {
        self.field(name, a, b, |t, _| Value::text(t));
    }

    fn date(&mut self, name: &'static str, a: &Option<Date>, b: &Option<Date>) {
        self.field(name, a, b, |d, _| Value::opt(*d, Value::Date));
    }

    /// A citation as its parts: page, paragraph, quote and the imported document.
    fn citation(&mut self, names: [&'static str; 4], a: &Citation, b: &Citation) {
        let [page, paragraph, quote, document] = names;
        let (pa, pb) = (&a.passage, &b.passage);
        self.field(page, &pa.page, &pb.page, |p, _| {
            Value::opt(*p, |n| Value::Number(n.into()))
        });
        self.text(paragraph, &pa.paragraph, &pb.paragraph);
        self.text(quote, &a.quote, &b.quote);
        self.field(document, &pa.source, &pb.source, |spot, ws| {
            Value::opt(spot.as_ref(), |spot| {
                document_name(ws, spot.document).map_or(Value::Missing, Value::Name)
            })
        });
    }
}

const CITATION: [&str; 4] = [
    "citation.page",
    "citation.paragraph",
    "citation.quote",
    "citation.document",
];

fn document_name(ws: &Workspace, id: DocumentId) -> Option<String> {
    ws.documents
        .iter()
        .find(|d| d.id == id)
        .map(|d| d.file_name.clone())
}

fn body_name(ws: &Workspace, id: BodyId) -> Value {
    ws.body(id)
        .map_or(Value::Missing, |b| Value::Name(b.short_name.clone()))
}

fn cluster_name(ws: &Workspace, id: ClusterId) -> Value {
    ws.cluster(id)
        .map_or(Value::Missing, |c| Value::Name(c.name.clone()))
}

fn scenario_name(ws: &Workspace, id: ScenarioId) -> Value {
    ws.scenario(id)
        .map_or(Value::Missing, |s| Value::Name(s.label()))
}

/// A variant's name as the version shows it: an assignment without a variant (or
/// naming one that is gone) belongs to the first, "Basisvariant" when none is listed.
pub(super) fn variant_name(ws: &Workspace, id: VariantId) -> String {
    ws.variant_list()
        .iter()
        .find(|v| v.id == id)
        .map(|v| v.name.clone())
        .unwrap_or_default()
}

fn sub_option_titles(ws: &Workspace, scenario: ScenarioId, ids: &[SubOptionId]) -> Value {
    let options = ws.scenario(scenario).map(|s| s.sub_options.as_slice());
    Value::list(
        ids.iter()
            .map(|id| {
                options
                    .and_then(|o| o.iter().find(|s| s.id == *id))
                    .map_or(Value::Missing, |s| Value::Name(s.title.clone()))
            })
            .collect(),
    )
}

pub(super) fn meta(a: &Metadata, b: &Metadata, d: &mut Diff) {
    let Metadata {
        title,
        subject,
        minister_title,
        signatory,
        document_number,
        date,
        author,
        public_version,
        confidential_draft,
        funding_cap,
        funded_today,
        context,
        legal_basis,
        advice_questions,
        overall_recommendation,
        timing,
        closing,
        cluster_term,
        cluster_term_plural,
        term_years,
        term_basis,
        chosen_variant,
    } = b;
    d.text("title", &a.title, title);
    d.text("subject", &a.subject, subject);
    d.text("minister_title", &a.minister_title, minister_title);
    d.text("signatory", &a.signatory, signatory);
    d.text("document_number", &a.document_number, document_number);
    d.date("date", &a.date, date);
    d.text("author", &a.author, author);
    d.field(
        "public_version",
        &a.public_version,
        public_version,
        |v, _| Value::Flag(*v),
    );
    let draft = &a.confidential_draft;
    d.field("confidential_draft", draft, confidential_draft, |v, _| {
        Value::Flag(*v)
    });
    d.field("funding_cap", &a.funding_cap, funding_cap, |v, _| {
        Value::Money(*v)
    });
    d.field("funded_today", &a.funded_today, funded_today, |v, _| {
        Value::Number((*v).into())
    });
    d.text("context", &a.context, context);
    d.text("legal_basis", &a.legal_basis, legal_basis);
    d.field(
        "advice_questions",
        &a.advice_questions,
        advice_questions,
        |v, _| Value::list(v.iter().map(|q| Value::text(q)).collect()),
    );
    let overall = &a.overall_recommendation;
    d.text("overall_recommendation", overall, overall_recommendation);
    d.text("timing", &a.timing, timing);
    d.text("closing", &a.closing, closing);
    d.text("cluster_term", &a.cluster_term, cluster_term);
    d.text(
        "cluster_term_plural",
        &a.cluster_term_plural,
        cluster_term_plural,
    );
    d.field("term_years", &a.term_years, term_years, |v, _| {
        Value::opt(*v, |n| Value::Number(n.into()))
    });
    d.text("term_basis", &a.term_basis, term_basis);
    // The version's own choice, as it reads there: none chosen is the first variant.
    d.field(
        "chosen_variant",
        &a.chosen_variant,
        chosen_variant,
        |_, ws| Value::Name(variant_name(ws, ws.chosen_variant())),
    );
}

pub(super) fn cluster(a: &Cluster, b: &Cluster, d: &mut Diff) {
    let Cluster {
        id: _,
        name,
        domain,
        status,
        start_year,
        term_end_year,
        max_yearly_funding,
        note,
        recommendation,
    } = b;
    d.text("name", &a.name, name);
    d.text("domain", &a.domain, domain);
    d.field("status", &a.status, status, |v, _| {
        Value::Word(Word::Status(*v))
    });
    let year = |v: &Option<i32>, _: &Workspace| Value::opt(*v, Value::Year);
    d.field("start_year", &a.start_year, start_year, year);
    d.field("term_end_year", &a.term_end_year, term_end_year, year);
    let cap = &a.max_yearly_funding;
    d.field("max_yearly_funding", cap, max_yearly_funding, |v, _| {
        Value::opt(*v, Value::Money)
    });
    d.text("note", &a.note, note);
    d.text("recommendation", &a.recommendation, recommendation);
}

pub(super) fn scenario(a: &Scenario, b: &Scenario, d: &mut Diff) {
    let Scenario {
        id: _,
        number,
        title,
        description,
        sub_options,
        conditions,
    } = b;
    d.field("number", &a.number, number, |v, _| {
        Value::Number((*v).into())
    });
    d.text("title", &a.title, title);
    d.text("description", &a.description, description);
    // Which sub-options there are, by title; then each kept one's own changes.
    let titles = |list: &Vec<SubOption>| -> Vec<(SubOptionId, String)> {
        list.iter().map(|s| (s.id, s.title.clone())).collect()
    };
    d.field(
        "sub_options",
        &titles(&a.sub_options),
        &titles(sub_options),
        |v, _| Value::list(v.iter().map(|(_, t)| Value::text(t)).collect()),
    );
    for is in sub_options {
        let Some(was) = a.sub_options.iter().find(|s| s.id == is.id) else {
            continue;
        };
        let SubOption {
            id: _,
            title: _,
            description,
        } = is;
        let outer = d.part.replace(Part::SubOption(is.title.clone()));
        d.text("description", &was.description, description);
        d.part = outer;
    }
    d.text("conditions", &a.conditions, conditions);
}

pub(super) fn assignment(a: &Assignment, b: &Assignment, d: &mut Diff) {
    let Assignment {
        id: _,
        cluster,
        scenario,
        role,
        desirability,
        feasibility,
        sub_options,
        conditions,
        budget,
        variant,
    } = b;
    d.field("cluster", &a.cluster, cluster, |v, ws| cluster_name(ws, *v));
    d.field("scenario", &a.scenario, scenario, |v, ws| {
        scenario_name(ws, *v)
    });
    d.field("role", &a.role, role, |v, _| Value::Word(Word::Role(*v)));
    let score = |v: &Option<u8>, _: &Workspace| Value::opt(*v, |n| Value::Number(n.into()));
    d.field("desirability", &a.desirability, desirability, score);
    d.field("feasibility", &a.feasibility, feasibility, score);
    // A sub-option by its title in the scenario the assignment stands under then.
    if a.sub_options != *sub_options {
        let old = sub_option_titles(d.old, a.scenario, &a.sub_options);
        let new = sub_option_titles(d.new, *scenario, sub_options);
        d.push("sub_options", old, new);
    }
    d.text("conditions", &a.conditions, conditions);
    d.field("budget", &a.budget, budget, |v, _| {
        Value::opt(*v, |b| Value::Budget {
            amount: b.amount,
            first_year: b.first_year,
            last_year: b.last_year,
        })
    });
    d.field("variant", &a.variant, variant, |v, ws| {
        let owner = Assignment {
            variant: *v,
            ..Assignment::default()
        };
        Value::Name(variant_name(ws, ws.variant_of(&owner)))
    });
}

pub(super) fn argument(a: &Argument, b: &Argument, d: &mut Diff) {
    let Argument {
        id: _,
        polarity,
        subject,
        text,
        source,
        weight,
        internal,
        citation,
        created,
        modified: _,
    } = b;
    d.field("polarity", &a.polarity, polarity, |v, _| {
        Value::Word(Word::Polarity(*v))
    });
    d.field("subject", &a.subject, subject, |v, ws| match v {
        Subject::Scenario(s) => scenario_name(ws, *s),
        Subject::ClusterScenario { cluster, scenario } => Value::Placement {
            cluster: ws.cluster_name(*cluster),
            scenario: ws.scenario_label(*scenario),
        },
    });
    d.text("text", &a.text, text);
    d.field("source", &a.source, source, |v, ws| match v {
        Source::Body(id) => body_name(ws, *id),
        Source::OwnAnalysis => Value::Word(Word::OwnAnalysis),
    });
    d.field("weight", &a.weight, weight, |v, _| {
        Value::Number((*v).into())
    });
    d.field("internal", &a.internal, internal, |v, _| Value::Flag(*v));
    d.citation(CITATION, &a.citation, citation);
    d.field("created", &a.created, created, |v, _| {
        Value::Date(v.to_zoned_datetime(jiff::tz::TimeZone::UTC).date())
    });
}

pub(super) fn body(a: &AdvisoryBody, b: &AdvisoryBody, d: &mut Diff) {
    let AdvisoryBody {
        id: _,
        short_name,
        full_name,
        advice,
    } = b;
    d.text("short_name", &a.short_name, short_name);
    d.text("full_name", &a.full_name, full_name);
    let Advice {
        received,
        reference,
        summary,
        stances,
    } = advice;
    d.date("advice.received", &a.advice.received, received);
    d.text("advice.reference", &a.advice.reference, reference);
    d.text("advice.summary", &a.advice.summary, summary);
    // One line per scenario whose stance (or its citation) changed, in the order the
    // newer advice lists them, then those only the older one had.
    let mut scenarios: Vec<ScenarioId> = stances.iter().map(|s| s.scenario).collect();
    for s in &a.advice.stances {
        if !scenarios.contains(&s.scenario) {
            scenarios.push(s.scenario);
        }
    }
    let on = |list: &[ScenarioStance], scenario: ScenarioId| {
        list.iter()
            .find(|s| s.scenario == scenario)
            .cloned()
            .unwrap_or(ScenarioStance {
                scenario,
                ..ScenarioStance::default()
            })
    };
    for scenario in scenarios {
        let (was, is) = (on(&a.advice.stances, scenario), on(stances, scenario));
        if was == is {
            continue;
        }
        let label = d
            .new
            .scenario(scenario)
            .or_else(|| d.old.scenario(scenario))
            .map_or_else(String::new, Scenario::label);
        let outer = d.part.replace(Part::Scenario(label));
        let ScenarioStance {
            scenario: _,
            stance,
            quote,
            passage,
        } = &is;
        d.field("stance", &was.stance, stance, |v, _| {
            Value::Word(Word::Stance(*v))
        });
        let cite = |quote: &str, passage: &Passage| Citation {
            passage: passage.clone(),
            quote: quote.to_owned(),
        };
        d.citation(
            ["page", "paragraph", "quote", "document"],
            &cite(&was.quote, &was.passage),
            &cite(quote, passage),
        );
        d.part = outer;
    }
}

pub(super) fn theme(a: &Theme, b: &Theme, d: &mut Diff) {
    let Theme {
        id: _,
        name,
        description,
        proposed_by,
        route,
        host_cluster,
        citation,
    } = b;
    d.text("name", &a.name, name);
    d.text("description", &a.description, description);
    d.field("proposed_by", &a.proposed_by, proposed_by, |v, ws| {
        Value::list(v.iter().map(|id| body_name(ws, *id)).collect())
    });
    d.field("route", &a.route, route, |v, _| {
        Value::opt(*v, |r| Value::Word(Word::Route(r)))
    });
    d.field("host_cluster", &a.host_cluster, host_cluster, |v, ws| {
        Value::opt(*v, |id| cluster_name(ws, id))
    });
    let whose = |c: &Option<ThemeCitation>| c.as_ref().map(|c| c.body);
    d.field(
        "citation.body",
        &whose(&a.citation),
        &whose(citation),
        |v, ws| Value::opt(*v, |id| body_name(ws, id)),
    );
    let words =
        |c: &Option<ThemeCitation>| c.as_ref().map(|c| c.citation.clone()).unwrap_or_default();
    d.citation(CITATION, &words(&a.citation), &words(citation));
}

pub(super) fn rule(a: &CompatibilityRule, b: &CompatibilityRule, d: &mut Diff) {
    let CompatibilityRule {
        id: _,
        first,
        second,
        reason,
    } = b;
    d.field("first", &a.first, first, |v, ws| scenario_name(ws, *v));
    d.field("second", &a.second, second, |v, ws| scenario_name(ws, *v));
    d.text("reason", &a.reason, reason);
}

pub(super) fn document(a: &SourceDocument, b: &SourceDocument, d: &mut Diff) {
    let SourceDocument {
        id: _,
        body,
        file_name,
        // The checksum changes with the file, whose name and passages say it.
        sha256: _,
        format,
        imported,
        title,
        date,
        passages,
    } = b;
    d.field("body", &a.body, body, |v, ws| body_name(ws, *v));
    d.text("file_name", &a.file_name, file_name);
    d.field("format", &a.format, format, |v, _| {
        Value::Word(Word::Format(*v))
    });
    d.date("imported", &a.imported, imported);
    d.text("title", &a.title, title);
    d.date("date", &a.date, date);
    d.field("passages", &a.passages, passages, |v, _| {
        Value::Passages(v.len())
    });
}

pub(super) fn variant(a: &Variant, b: &Variant, d: &mut Diff) {
    let Variant {
        id: _,
        name,
        recommendation,
    } = b;
    d.text("name", &a.name, name);
    d.text("recommendation", &a.recommendation, recommendation);
}
