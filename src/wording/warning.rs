//! Validation warnings in words. The model says what is wrong (record, field,
//! figures; `model::warning`); this says it in Dutch for `check` and the exports, and
//! in the window's language.

use super::{Lang, capitalised, record_label};
use crate::model::conflict::ConflictTarget;
use crate::model::funding::TERM_YEARS;
use crate::model::rules::{Consequence, PLAUSIBLE_YEARS, WEIGHT_RANGE};
use crate::model::{Euro, Problem, RecordKey, SCORE_RANGE, Warning, Workspace};

/// One warning as one sentence, naming the record as `ws` holds it. Without the
/// record in `ws` (a dangling reference), the kind of record is named instead.
pub fn warning(ws: &Workspace, warning: &Warning, lang: Lang) -> String {
    match warning {
        Warning::IncompatibleCombination { cluster, rule } => {
            let name = ws.cluster_name(*cluster);
            match ws.rules.iter().find(|r| r.id == *rule) {
                Some(r) => format!(
                    "{name}: {} {} {} {} \u{2014} {}",
                    ws.scenario_label(r.first),
                    lang.pick("en", "and"),
                    ws.scenario_label(r.second),
                    lang.pick("gaan niet samen", "do not go together"),
                    r.reason
                ),
                None => format!(
                    "{name}: {}",
                    lang.pick(
                        "twee gekozen scenario's gaan niet samen",
                        "two chosen scenarios do not go together"
                    )
                ),
            }
        }
        Warning::NoPrimaryRole { cluster, .. } => {
            let name = ws.cluster_name(*cluster);
            match lang {
                Lang::Dutch => format!(
                    "{name}: staat alleen onder scenario's met een complementaire rol; welk scenario is het primaire?"
                ),
                Lang::English => format!(
                    "{name}: placed only under scenarios in a complementary role; which scenario is the primary one?"
                ),
            }
        }
        Warning::TermPassed { cluster, end_year } => {
            let name = ws.cluster_name(*cluster);
            match lang {
                Lang::Dutch => format!(
                    "{name}: de termijn van {} jaar liep af eind {end_year}, maar de cluster staat nog als actief",
                    count_word(TERM_YEARS, lang)
                ),
                Lang::English => format!(
                    "{name}: the {}-year term ended at the end of {end_year}, but the cluster is still marked active",
                    count_word(TERM_YEARS, lang)
                ),
            }
        }
        Warning::BudgetAboveCap {
            cluster,
            years: (from, to),
            amount,
            cap,
        } => {
            let name = ws.cluster_name(*cluster);
            let (amount, cap) = (money(*amount, lang), money(*cap, lang));
            match lang {
                Lang::Dutch => {
                    let years = if from == to {
                        format!("in {from}")
                    } else {
                        format!("van {from} tot {to}")
                    };
                    format!(
                        "{name}: het jaarbudget ({amount}) ligt {years} boven het plafond van {cap}"
                    )
                }
                Lang::English => {
                    let years = if from == to {
                        format!("in {from}")
                    } else {
                        format!("from {from} to {to}")
                    };
                    format!(
                        "{name}: the yearly budget ({amount}) is above the cap of {cap} {years}"
                    )
                }
            }
        }
        Warning::MissingReference { record, field } => {
            let target = missing_target(ws, *record, field, lang);
            format!(
                "{} {} {target}",
                who(ws, *record, lang),
                lang.pick("verwijst naar", "refers to")
            )
        }
        Warning::InvalidValue {
            record,
            field,
            problem,
        } => {
            let sentence = problem_text(field, problem, lang);
            match problem {
                Problem::DuplicateId => capitalised(&sentence),
                _ => format!("{}: {sentence}", who(ws, *record, lang)),
            }
        }
        Warning::InvalidMetadata { field, problem } => {
            capitalised(&problem_text(field, problem, lang))
        }
    }
}

/// The record at the head of the sentence: a cluster by its name, an assignment as
/// "Catalisti onder Scenario 3", others as the conflict wording names them.
fn who(ws: &Workspace, record: RecordKey, lang: Lang) -> String {
    match record {
        RecordKey::Cluster(id) => ws.cluster_name(id),
        RecordKey::Assignment(id) => match ws.assignments.iter().find(|a| a.id == id) {
            Some(a) => format!(
                "{} {} {}",
                ws.cluster_name(a.cluster),
                lang.pick("onder", "under"),
                ws.scenario_label(a.scenario)
            ),
            None => capitalised(&record_label(
                ws,
                ConflictTarget::Record(record),
                None,
                lang,
            )),
        },
        RecordKey::Body(id) => match ws.body(id) {
            Some(body) => format!(
                "{} {}",
                lang.pick("Het advies van", "The advice of"),
                body.short_name
            ),
            None => capitalised(&record_label(
                ws,
                ConflictTarget::Record(record),
                None,
                lang,
            )),
        },
        _ => capitalised(&record_label(
            ws,
            ConflictTarget::Record(record),
            None,
            lang,
        )),
    }
}

/// What a dangling reference in `field` points at, with its article.
fn missing_target(ws: &Workspace, record: RecordKey, field: &str, lang: Lang) -> String {
    let cluster = lang.pick(
        "een cluster die niet bestaat",
        "a cluster that does not exist",
    );
    let scenario = lang.pick(
        "een scenario dat niet bestaat",
        "a scenario that does not exist",
    );
    let body = lang.pick(
        "een adviesorgaan dat niet bestaat",
        "an advisory body that does not exist",
    );
    match field {
        "cluster" | "host_cluster" => cluster,
        "source" | "proposed_by" | "citation" => body,
        "variant" => lang.pick(
            "een variant die niet (meer) bestaat; ze telt mee in de eerste variant",
            "a variant that no longer exists; it counts in the first variant",
        ),
        "sub_options" => lang.pick(
            "een suboptie die niet (meer) bestaat",
            "a sub-option that no longer exists",
        ),
        // An argument's subject is a scenario, or a cluster under one: say which is gone.
        "subject" => {
            let scenario_exists = match record {
                RecordKey::Argument(id) => ws
                    .arguments
                    .iter()
                    .find(|a| a.id == id)
                    .is_some_and(|a| ws.scenarios.iter().any(|s| s.id == a.subject.scenario())),
                _ => false,
            };
            if scenario_exists { cluster } else { scenario }
        }
        _ => scenario,
    }
    .to_owned()
}

/// The field named in a sentence, with its article ("het startjaar").
fn field_phrase(field: &str, lang: Lang) -> &'static str {
    match field {
        "start_year" => lang.pick("het startjaar", "the start year"),
        "term_end_year" => lang.pick("het einde van de termijn", "the end of the term"),
        "max_yearly_funding" => lang.pick("het maximum per jaar", "the maximum per year"),
        "budget" => lang.pick("het jaarbudget", "the yearly budget"),
        "funding_cap" => lang.pick(
            "het maximumbedrag per speerpuntcluster",
            "the maximum amount per spearhead cluster",
        ),
        "funded_today" => lang.pick(
            "het aantal vandaag gefinancierde speerpuntclusters",
            "the number of spearhead clusters funded today",
        ),
        "desirability" => lang.pick("wenselijkheid", "desirability"),
        "feasibility" => lang.pick("haalbaarheid", "feasibility"),
        "weight" => lang.pick("gewicht", "weight"),
        "document_number" => lang.pick("het documentnummer", "the document number"),
        _ => lang.pick("een waarde", "a value"),
    }
}

fn problem_text(field: &str, problem: &Problem, lang: Lang) -> String {
    let phrase = field_phrase(field, lang);
    let (low, high) = (PLAUSIBLE_YEARS.start(), PLAUSIBLE_YEARS.end());
    match (problem, lang) {
        (Problem::DuplicateId, _) => lang
            .pick(
                "twee records delen hetzelfde id; het tweede is niet te bewerken",
                "two records share one id; the second cannot be edited",
            )
            .to_owned(),
        (Problem::EndBeforeStart { start, end }, Lang::Dutch) => {
            format!("het einde van de termijn ({end}) ligt voor het startjaar ({start})")
        }
        (Problem::EndBeforeStart { start, end }, Lang::English) => {
            format!("the end of the term ({end}) is before the start year ({start})")
        }
        (Problem::ImplausibleYear { year }, Lang::Dutch) => {
            format!("{phrase} ({year}) ligt niet tussen {low} en {high}")
        }
        (Problem::ImplausibleYear { year }, Lang::English) => {
            format!("{phrase} ({year}) is not between {low} and {high}")
        }
        (Problem::ImplausiblePeriod { first, last }, Lang::Dutch) => {
            format!("het budget loopt van {first} tot {last}, buiten {low}\u{2013}{high}")
        }
        (Problem::ImplausiblePeriod { first, last }, Lang::English) => {
            format!("the budget runs from {first} to {last}, outside {low}\u{2013}{high}")
        }
        (Problem::EmptyPeriod { first, last }, Lang::Dutch) => {
            format!("het budget loopt van {first} tot {last}, een lege periode")
        }
        (Problem::EmptyPeriod { first, last }, Lang::English) => {
            format!("the budget runs from {first} to {last}, an empty period")
        }
        (Problem::NegativeAmount { amount }, _) => format!(
            "{phrase} ({}) {}",
            money(*amount, lang),
            lang.pick("is negatief", "is negative")
        ),
        (Problem::AmountTooLarge { amount, limit }, Lang::Dutch) => format!(
            "{phrase} ({}) is groter dan {}; is het een tikfout?",
            money(*amount, lang),
            money(*limit, lang)
        ),
        (Problem::AmountTooLarge { amount, limit }, Lang::English) => format!(
            "{phrase} ({}) is more than {}; is it a typing error?",
            money(*amount, lang),
            money(*limit, lang)
        ),
        (Problem::CountTooLarge { count, limit }, Lang::Dutch) => {
            format!("{phrase} ({count}) is groter dan {limit}; is het een tikfout?")
        }
        (Problem::CountTooLarge { count, limit }, Lang::English) => {
            format!("{phrase} ({count}) is more than {limit}; is it a typing error?")
        }
        (Problem::ProductTooLarge, _) => lang
            .pick(
                "de financiering vandaag (aantal clusters × maximumbedrag) is te groot om te berekenen",
                "today's funding (clusters × maximum amount) is too large to compute",
            )
            .to_owned(),
        (Problem::ScoreOutOfRange { score }, Lang::Dutch) => format!(
            "{phrase} {score} ligt buiten {}\u{2013}{}",
            SCORE_RANGE.start(),
            SCORE_RANGE.end()
        ),
        (Problem::ScoreOutOfRange { score }, Lang::English) => format!(
            "{phrase} {score} is outside {}\u{2013}{}",
            SCORE_RANGE.start(),
            SCORE_RANGE.end()
        ),
        (Problem::WeightOutOfRange { weight }, _) => format!(
            "{phrase} {weight}, {} {}\u{2013}{}",
            lang.pick("verwacht", "expected"),
            WEIGHT_RANGE.start(),
            WEIGHT_RANGE.end()
        ),
        (Problem::Malformed { text }, Lang::Dutch) => format!(
            "{phrase} \u{201c}{text}\u{201d} heeft niet de vorm VR JJJJ DDMM MED.NNNN/n"
        ),
        (Problem::Malformed { text }, Lang::English) => format!(
            "{phrase} \u{201c}{text}\u{201d} does not have the form VR YYYY DDMM MED.NNNN/n"
        ),
        (Problem::QuoteWithoutStance { scenario }, Lang::Dutch) => format!(
            "het citaat over {scenario} heeft nog geen standpunt (steunt, voorwaardelijk, neutraal of wijst af); de mededeling zou \u{201c}niet vermeld\u{201d} naast het citaat zetten"
        ),
        (Problem::QuoteWithoutStance { scenario }, Lang::English) => format!(
            "the quote on {scenario} has no stance yet (supports, conditional, neutral or rejects); the communication would print \u{201c}not stated\u{201d} beside it"
        ),
    }
}

fn money(amount: Euro, lang: Lang) -> String {
    match lang {
        Lang::Dutch => amount.flemish(),
        Lang::English => amount.english(),
    }
}

/// Small counts in words, as a sentence writes them ("tien jaar").
fn count_word(n: i32, lang: Lang) -> String {
    const DUTCH: [&str; 13] = [
        "nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
        "elf", "twaalf",
    ];
    const ENGLISH: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    let words = match lang {
        Lang::Dutch => &DUTCH,
        Lang::English => &ENGLISH,
    };
    usize::try_from(n)
        .ok()
        .and_then(|i| words.get(i))
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

/// One consequence of a removal with its count: "2 toewijzingen", "1 argument krijgt
/// als bron “eigen analyse”".
pub fn consequence(what: Consequence, n: usize, lang: Lang) -> String {
    let one = n == 1;
    let pick = |dutch_one: &'static str,
                dutch_many: &'static str,
                english_one: &'static str,
                english_many: &'static str| {
        match (lang, one) {
            (Lang::Dutch, true) => dutch_one,
            (Lang::Dutch, false) => dutch_many,
            (Lang::English, true) => english_one,
            (Lang::English, false) => english_many,
        }
    };
    let words = match what {
        // Not a count of records: one sentence, whatever `n` is.
        Consequence::RecommendationPasses => {
            return match lang {
                Lang::Dutch => "de aanbeveling gaat naar de eerste overige variant",
                Lang::English => "the recommendation passes to the first remaining variant",
            }
            .to_owned();
        }
        Consequence::AssignmentsRemoved => {
            pick("toewijzing", "toewijzingen", "assignment", "assignments")
        }
        Consequence::ArgumentsRemoved => pick("argument", "argumenten", "argument", "arguments"),
        Consequence::ThemesLoseHost => pick(
            "thema verliest zijn onthaalcluster",
            "thema's verliezen hun onthaalcluster",
            "theme loses its host cluster",
            "themes lose their host cluster",
        ),
        Consequence::RulesRemoved => pick(
            "compatibiliteitsregel",
            "compatibiliteitsregels",
            "compatibility rule",
            "compatibility rules",
        ),
        Consequence::StancesRemoved => pick(
            "standpunt van een adviesorgaan",
            "standpunten van adviesorganen",
            "stance of an advisory body",
            "stances of advisory bodies",
        ),
        Consequence::ArgumentsBecomeOwnAnalysis => pick(
            "argument krijgt als bron \u{201c}eigen analyse\u{201d}",
            "argumenten krijgen als bron \u{201c}eigen analyse\u{201d}",
            "argument gets \u{201c}own analysis\u{201d} as its source",
            "arguments get \u{201c}own analysis\u{201d} as their source",
        ),
        Consequence::ThemesLoseProposer => pick(
            "thema verliest deze indiener",
            "thema's verliezen deze indiener",
            "theme loses this proposer",
            "themes lose this proposer",
        ),
    };
    format!("{n} {words}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::rules::{removal, validate};
    use crate::model::*;

    #[test]
    fn a_recommendation_that_passes_is_a_sentence_not_a_count() {
        let said = |lang| consequence(Consequence::RecommendationPasses, 1, lang);
        assert_eq!(
            said(Lang::Dutch),
            "de aanbeveling gaat naar de eerste overige variant"
        );
        assert_eq!(
            said(Lang::English),
            "the recommendation passes to the first remaining variant"
        );
    }

    fn dutch_and_english(ws: &Workspace, w: &Warning) -> (String, String) {
        (warning(ws, w, Lang::Dutch), warning(ws, w, Lang::English))
    }

    #[test]
    fn every_warning_of_a_broken_workspace_is_worded_in_both_languages() {
        let mut ws = crate::model::Workspace::empty();
        let cluster = ClusterId::from_u128(1);
        ws.clusters.push(Cluster {
            id: cluster,
            name: "Catalisti".into(),
            start_year: Some(3000),
            term_end_year: Some(2020),
            max_yearly_funding: Some(Euro(-5)),
            ..Cluster::default()
        });
        ws.assignments.push(Assignment {
            cluster,
            scenario: ScenarioId::from_u128(99),
            ..Assignment::default()
        });
        ws.arguments.push(Argument {
            text: "Te zwaar".into(),
            weight: 7,
            source: Source::Body(BodyId::from_u128(5)),
            ..Argument::default()
        });
        ws.meta.document_number = "VR 26".into();
        ws.meta.funding_cap = Euro(-1);
        let warnings = validate(&ws, 2026);
        assert!(warnings.len() >= 7, "{warnings:?}");
        for w in &warnings {
            let (dutch, english) = dutch_and_english(&ws, w);
            assert!(!dutch.is_empty() && !english.is_empty());
            assert_ne!(dutch, english, "{w:?} has no English words");
            for dutch_only in [" ligt ", " verwijst ", "tikfout", "negatief", "gewicht "] {
                assert!(!english.contains(dutch_only), "Dutch in English: {english}");
            }
        }
        let texts: Vec<String> = warnings
            .iter()
            .map(|w| warning(&ws, w, Lang::Dutch))
            .collect();
        let all = texts.join("\n");
        assert!(
            all.contains("Catalisti: het startjaar (3000) ligt niet tussen 1950 en 2200"),
            "{all}"
        );
        assert!(
            all.contains("het maximum per jaar (€ -5) is negatief")
                || all.contains("het maximum per jaar (-€ 5) is negatief"),
            "{all}"
        );
        assert!(
            all.contains("verwijst naar een scenario dat niet bestaat"),
            "{all}"
        );
        assert!(all.contains("gewicht 7, verwacht 1\u{2013}3"), "{all}");
        assert!(
            all.contains("heeft niet de vorm VR JJJJ DDMM MED.NNNN/n"),
            "{all}"
        );
        assert!(
            all.contains("verwijst naar een adviesorgaan dat niet bestaat"),
            "{all}"
        );
    }

    #[test]
    fn a_warning_names_its_field() {
        let mut ws = crate::model::Workspace::empty();
        ws.clusters.push(Cluster {
            start_year: Some(12),
            ..Cluster::default()
        });
        let warnings = validate(&ws, 2026);
        let cluster = ws.clusters.first().map(|c| RecordKey::Cluster(c.id));
        assert!(
            warnings
                .iter()
                .any(|w| w.field() == Some("start_year") && w.record() == cluster),
            "{warnings:?}"
        );
    }

    #[test]
    fn removal_consequences_are_counted_and_worded_per_language() {
        let mut ws = crate::model::Workspace::empty();
        let cluster = ClusterId::from_u128(1);
        ws.clusters.push(Cluster {
            id: cluster,
            ..Cluster::default()
        });
        for n in 0..2 {
            ws.assignments.push(Assignment {
                id: AssignmentId::from_u128(10 + n),
                cluster,
                ..Assignment::default()
            });
        }
        let (_, consequences) = removal(&ws, RecordKey::Cluster(cluster));
        assert_eq!(consequences, vec![(Consequence::AssignmentsRemoved, 2)]);
        for (what, n) in consequences {
            let dutch = consequence(what, n, Lang::Dutch);
            let english = consequence(what, n, Lang::English);
            assert!(dutch.starts_with(&n.to_string()));
            assert_ne!(dutch, english);
        }
        assert_eq!(
            consequence(Consequence::ArgumentsRemoved, 1, Lang::Dutch),
            "1 argument"
        );
        assert_eq!(
            consequence(Consequence::AssignmentsRemoved, 2, Lang::English),
            "2 assignments"
        );
        assert_eq!(
            consequence(Consequence::ThemesLoseHost, 3, Lang::Dutch),
            "3 thema's verliezen hun onthaalcluster"
        );
    }
}
