//! Merge conflicts, id repairs and failed resolutions in words.

use crate::model::merge::{
    AnyRecord, ConflictTarget, ConflictValue, FieldValue, IdKind, IdRepair, Input, MergeConflict,
    ResolveError, Side, conflict_values, record_of,
};
use crate::model::{RecordKey, Workspace};

use super::{Lang, capitalised, listing, shortened};

/// A field's name as a person reads it; the stored name when it is not known.
pub fn field_name(field: &str, lang: Lang) -> String {
    let (dutch, english) = match field {
        "id" => ("id", "id"),
        "title" => ("titel", "title"),
        "subject" => ("onderwerp", "subject"),
        "minister_title" => ("titel van de minister", "minister's title"),
        "signatory" => ("ondertekenaar", "signatory"),
        "document_number" => ("documentnummer", "document number"),
        "date" => ("datum", "date"),
        "author" => ("auteur", "author"),
        "public_version" => ("publieke versie", "public version"),
        "confidential_draft" => ("vertrouwelijk ontwerp", "confidential draft"),
        "funding_cap" => ("financieringsplafond", "funding cap"),
        "funded_today" => ("vandaag gefinancierd", "funded today"),
        "context" => ("situering", "context"),
        "legal_basis" => ("rechtsgrond", "legal basis"),
        "advice_questions" => ("adviesvragen", "advice questions"),
        "overall_recommendation" => ("algemene aanbeveling", "overall recommendation"),
        "timing" => ("verdere timing", "further timing"),
        "closing" => ("slotzin", "closing sentence"),
        "name" => ("naam", "name"),
        "domain" => ("domein", "domain"),
        "status" => ("status", "status"),
        "start_year" => ("startjaar", "start year"),
        "term_end_year" => ("laatste jaar van de termijn", "last year of the term"),
        "max_yearly_funding" => ("maximale jaarlijkse financiering", "maximum yearly funding"),
        "note" => ("notitie", "note"),
        "recommendation" => ("aanbeveling", "recommendation"),
        "number" => ("nummer", "number"),
        "description" => ("beschrijving", "description"),
        "sub_options" => ("subopties", "sub-options"),
        "conditions" => ("voorwaarden", "conditions"),
        "cluster" => ("cluster", "cluster"),
        "scenario" => ("scenario", "scenario"),
        "role" => ("rol", "role"),
        "desirability" => ("wenselijkheid", "desirability"),
        "feasibility" => ("haalbaarheid", "feasibility"),
        "budget" => ("jaarbudget", "yearly budget"),
        "polarity" => ("pro of contra", "pro or contra"),
        "text" => ("tekst", "text"),
        "source" => ("bron", "source"),
        "weight" => ("gewicht", "weight"),
        "internal" => ("intern", "internal"),
        "created" => ("aangemaakt", "created"),
        "modified" => ("laatst gewijzigd", "last changed"),
        "short_name" => ("korte naam", "short name"),
        "full_name" => ("volledige naam", "full name"),
        "advice" => ("advies", "advice"),
        "proposed_by" => ("voorgesteld door", "proposed by"),
        "route" => ("route", "route"),
        "host_cluster" => ("ontvangende cluster", "host cluster"),
        "first" => ("eerste scenario", "first scenario"),
        "second" => ("tweede scenario", "second scenario"),
        "reason" => ("reden", "reason"),
        "chosen_variant" => ("gekozen variant", "chosen variant"),
        "variant" => ("variant", "variant"),
        "citation" => ("bronvermelding", "citation"),
        "cluster_term" => ("benaming van de clusters", "name for the clusters"),
        "cluster_term_plural" => (
            "benaming van de clusters, meervoud",
            "name for the clusters, plural",
        ),
        "term_years" => ("looptijd in jaren", "term in years"),
        "term_basis" => ("grondslag van de looptijd", "basis of the term"),
        "advice.received" => ("advies ontvangen", "advice received"),
        "advice.reference" => ("kenmerk van het advies", "advice reference"),
        "advice.summary" => ("samenvatting van het advies", "advice summary"),
        "citation.page" => ("bronvermelding, pagina", "citation, page"),
        "citation.paragraph" => ("bronvermelding, paragraaf", "citation, paragraph"),
        "citation.quote" => ("bronvermelding, citaat", "citation, quote"),
        "citation.document" => ("bronvermelding, document", "citation, document"),
        "citation.body" => ("bronvermelding, adviesorgaan", "citation, advisory body"),
        "page" => ("pagina", "page"),
        "paragraph" => ("paragraaf", "paragraph"),
        "quote" => ("citaat", "quote"),
        "document" => ("document", "document"),
        "body" => ("adviesorgaan", "advisory body"),
        "file_name" => ("bestandsnaam", "file name"),
        "format" => ("bestandsformaat", "file format"),
        "imported" => ("ingelezen op", "imported on"),
        "passages" => ("passages", "passages"),
        other => (other, other),
    };
    lang.pick(dutch, english).to_owned()
}

pub(super) fn kind(key: RecordKey, lang: Lang) -> &'static str {
    match key {
        RecordKey::Cluster(_) => "cluster",
        RecordKey::Scenario(_) => "scenario",
        RecordKey::Assignment(_) => lang.pick("toewijzing", "assignment"),
        RecordKey::Argument(_) => "argument",
        RecordKey::Body(_) => lang.pick("adviesorgaan", "advisory body"),
        RecordKey::Theme(_) => lang.pick("thema", "theme"),
        RecordKey::Rule(_) => lang.pick("compatibiliteitsregel", "compatibility rule"),
        RecordKey::Conflict(_) => "conflict",
        RecordKey::Document(_) => lang.pick("adviesdocument", "advice document"),
        RecordKey::Variant(_) => "variant",
    }
}

fn quoted(text: &str) -> String {
    format!("\u{201c}{}\u{201d}", shortened(text, 60))
}

fn record_name(ws: &Workspace, record: &AnyRecord, lang: Lang) -> String {
    match record {
        AnyRecord::Cluster(r) => quoted(&r.name),
        AnyRecord::Scenario(r) => quoted(&r.label()),
        AnyRecord::Assignment(r) => format!(
            "{} {} {} {}",
            lang.pick("van", "of"),
            quoted(&ws.cluster_name(r.cluster)),
            lang.pick("aan", "to"),
            quoted(&ws.scenario_label(r.scenario)),
        ),
        AnyRecord::Argument(r) => quoted(&r.text),
        AnyRecord::Body(r) => quoted(&r.short_name),
        AnyRecord::Theme(r) => quoted(&r.name),
        AnyRecord::Rule(r) => quoted(&r.reason),
        AnyRecord::Document(r) => quoted(&r.file_name),
        AnyRecord::Variant(r) => quoted(&r.name),
    }
}

/// What a conflict is about, lower case: "cluster “Flux50”", "de gegevens van de
/// mededeling". The record as `ws` holds it now, else as the other side had it.
pub fn record_label(
    ws: &Workspace,
    target: ConflictTarget,
    alternative: Option<&ConflictValue>,
    lang: Lang,
) -> String {
    let key = match target {
        ConflictTarget::Meta => {
            return lang
                .pick(
                    "de gegevens van de mededeling",
                    "the communication's details",
                )
                .to_owned();
        }
        ConflictTarget::Record(key) => key,
    };
    let current = record_of(ws, key).and_then(|r| r.plain());
    let other = match alternative {
        Some(ConflictValue::Record(r)) => Some((**r).clone()),
        _ => None,
    };
    match current.or(other) {
        Some(record) => format!("{} {}", kind(key, lang), record_name(ws, &record, lang)),
        None => kind(key, lang).to_owned(),
    }
}

/// A citation as a person reads it, "p. 7, par. 3: “…”"; `None` when the stored
/// value is not a citation (an argument's, or a theme's `Option` of one).
fn citation_value(ron_text: &str, lang: Lang) -> Option<String> {
    use crate::model::{Citation, ThemeCitation};
    let citation = match ron::from_str::<Citation>(ron_text) {
        Ok(c) => c,
        Err(_) => match ron::from_str::<Option<ThemeCitation>>(ron_text).ok()? {
            Some(t) => t.citation,
            None => return Some(lang.pick("geen", "none").to_owned()),
        },
    };
    let mut parts = Vec::new();
    if let Some(page) = citation.passage.page {
        parts.push(format!("p.\u{a0}{page}"));
    }
    if !citation.passage.paragraph.trim().is_empty() {
        parts.push(format!(
            "{}\u{a0}{}",
            lang.pick("par.", "para."),
            citation.passage.paragraph.trim()
        ));
    }
    let mut out = parts.join(", ");
    if !citation.quote.trim().is_empty() {
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&format!(
            "\u{201c}{}\u{201d}",
            shortened(citation.quote.trim(), 60)
        ));
    }
    Some(if out.is_empty() {
        lang.pick("geen", "none").to_owned()
    } else {
        out
    })
}

fn field_value(field: &str, v: &FieldValue, lang: Lang) -> String {
    match v {
        FieldValue::Ron(ron_text) if field == "citation" => {
            citation_value(ron_text, lang).unwrap_or_else(|| value(v))
        }
        _ => value(v),
    }
}

fn value(value: &FieldValue) -> String {
    match value {
        FieldValue::Text(text) => format!("\u{201c}{}\u{201d}", shortened(text, 80)),
        FieldValue::Ron(ron) => shortened(ron, 80),
    }
}

/// One open conflict in a sentence or two: which record, which field, both values,
/// and whose value the workspace holds now.
pub fn conflict(ws: &Workspace, conflict: &MergeConflict, lang: Lang) -> String {
    let label = capitalised(&record_label(
        ws,
        conflict.target,
        conflict.alternative.as_ref(),
        lang,
    ));
    let Some(field) = conflict.field.as_deref() else {
        return match (conflict.kept, lang) {
            (Side::Mine, Lang::Dutch) => format!(
                "{label}: de andere versie heeft dit verwijderd, jij hebt het gewijzigd. Het is behouden."
            ),
            (Side::Mine, Lang::English) => format!(
                "{label}: the other version deleted this and you changed it. It has been kept."
            ),
            (Side::Theirs, Lang::Dutch) => format!(
                "{label}: jij hebt dit verwijderd, de andere versie heeft het gewijzigd. Het is behouden."
            ),
            (Side::Theirs, Lang::English) => format!(
                "{label}: you deleted this and the other version changed it. It has been kept."
            ),
        };
    };
    let name = field_name(field, lang);
    let both = match conflict_values(ws, conflict) {
        Some(values) => match lang {
            Lang::Dutch => format!(
                "jouw versie {}, de andere versie {}",
                field_value(field, &values.mine, lang),
                field_value(field, &values.theirs, lang)
            ),
            Lang::English => format!(
                "your version {}, the other version {}",
                field_value(field, &values.mine, lang),
                field_value(field, &values.theirs, lang)
            ),
        },
        None => lang
            .pick(
                "beide versies hebben het anders gewijzigd",
                "both versions changed it differently",
            )
            .to_owned(),
    };
    let now = match conflict.kept {
        Side::Mine => lang.pick("Jouw waarde staat er nu.", "Your value is in place now."),
        Side::Theirs => lang.pick(
            "De waarde van de andere versie staat er nu.",
            "The other version's value is in place now.",
        ),
    };
    match lang {
        Lang::Dutch => format!("{label}, veld \u{2018}{name}\u{2019}: {both}. {now}"),
        Lang::English => format!("{label}, field \u{2018}{name}\u{2019}: {both}. {now}"),
    }
}

fn plural(kind: IdKind, lang: Lang) -> &'static str {
    match kind {
        IdKind::Cluster => "clusters",
        IdKind::Scenario => lang.pick("scenario's", "scenarios"),
        IdKind::SubOption => lang.pick("subopties", "sub-options"),
        IdKind::Assignment => lang.pick("toewijzingen", "assignments"),
        IdKind::Argument => lang.pick("argumenten", "arguments"),
        IdKind::Body => lang.pick("adviesorganen", "advisory bodies"),
        IdKind::Theme => lang.pick("thema's", "themes"),
        IdKind::Rule => lang.pick("compatibiliteitsregels", "compatibility rules"),
        IdKind::Document => lang.pick("adviesdocumenten", "advice documents"),
        IdKind::Variant => lang.pick("varianten", "variants"),
    }
}

fn ordinal(n: usize, lang: Lang) -> String {
    match (n, lang) {
        (2, Lang::Dutch) => "tweede".to_owned(),
        (3, Lang::Dutch) => "derde".to_owned(),
        (n, Lang::Dutch) => format!("{n}e"),
        (2, Lang::English) => "second".to_owned(),
        (3, Lang::English) => "third".to_owned(),
        (n, Lang::English) => format!("{n}th"),
    }
}

/// A record that shared its id and got a new one, naming the files (`file` gives each
/// input's name) and the record.
pub fn id_repair(repair: &IdRepair, file: impl Fn(Input) -> String, lang: Lang) -> String {
    let files = listing(
        &repair.inputs.iter().map(|i| file(*i)).collect::<Vec<_>>(),
        lang,
    );
    let name = if repair.name.trim().is_empty() {
        String::new()
    } else {
        format!(" ({})", quoted(&repair.name))
    };
    let nth = ordinal(repair.occurrence, lang);
    let kinds = plural(repair.kind, lang);
    match lang {
        Lang::Dutch => format!(
            "In {files} hebben meerdere {kinds} hetzelfde id {}: het {nth}{name} kreeg het nieuwe id {}.",
            repair.id, repair.new_id
        ),
        Lang::English => format!(
            "In {files}, several {kinds} share the id {}: the {nth}{name} got the new id {}.",
            repair.id, repair.new_id
        ),
    }
}

/// Why choosing a side of a conflict did not work, naming the record.
pub fn resolve_error(ws: &Workspace, error: &ResolveError, lang: Lang) -> String {
    let stored = ws.conflicts.iter().find(|c| c.id == error.conflict());
    let label = match error.target() {
        Some(target) => record_label(
            ws,
            target,
            stored.and_then(|c| c.alternative.as_ref()),
            lang,
        ),
        None => lang.pick("dit conflict", "this conflict").to_owned(),
    };
    match (error, lang) {
        (ResolveError::Gone { .. }, Lang::Dutch) => {
            "Dit conflict staat niet meer open; er is niets gewijzigd.".to_owned()
        }
        (ResolveError::Gone { .. }, Lang::English) => {
            "This conflict is no longer open; nothing was changed.".to_owned()
        }
        (ResolveError::UnknownField { field, .. }, Lang::Dutch) => format!(
            "Kon het conflict over {label} niet oplossen: het veld \u{2018}{field}\u{2019} bestaat niet in deze versie van het programma. Er is niets gewijzigd en het conflict blijft open; kies \u{201c}jouw versie\u{201d} of pas de waarde met de hand aan."
        ),
        (ResolveError::UnknownField { field, .. }, Lang::English) => format!(
            "Could not resolve the conflict about {label}: this version of the program has no field \u{2018}{field}\u{2019}. Nothing was changed and the conflict stays open; keep your version or change the value by hand."
        ),
        (ResolveError::Incomplete { .. }, Lang::Dutch) => format!(
            "Kon het conflict over {label} niet oplossen: de waarde van de andere versie ontbreekt in het bestand. Er is niets gewijzigd en het conflict blijft open."
        ),
        (ResolveError::Incomplete { .. }, Lang::English) => format!(
            "Could not resolve the conflict about {label}: the other version's value is missing from the file. Nothing was changed and the conflict stays open."
        ),
        (ResolveError::Apply { error, .. }, Lang::Dutch) => format!(
            "Kon het conflict over {label} niet oplossen: {error}. Er is niets gewijzigd en het conflict blijft open."
        ),
        (ResolveError::Apply { .. }, Lang::English) => format!(
            "Could not resolve the conflict about {label}: the change could not be applied. Nothing was changed and the conflict stays open."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::merge::{ConflictValues, merge, resolve};
    use crate::model::{Cluster, ClusterId};

    fn merged() -> Workspace {
        let mut base = Workspace::empty();
        base.clusters.push(Cluster {
            id: ClusterId::from_u128(2),
            name: "Flux50".into(),
            ..Cluster::default()
        });
        let mut mine = base.clone();
        mine.clusters[0].note = "mijn notitie".into();
        let mut theirs = base.clone();
        theirs.clusters[0].note = "hun notitie".into();
        merge(Some(&base), &mine, &theirs).workspace
    }

    #[test]
    fn a_field_conflict_names_record_field_and_both_values_in_either_language() {
        let ws = merged();
        let c = &ws.conflicts[0];
        assert_eq!(
            conflict(&ws, c, Lang::Dutch),
            "Cluster \u{201c}Flux50\u{201d}, veld \u{2018}notitie\u{2019}: jouw versie \u{201c}mijn notitie\u{201d}, de andere versie \u{201c}hun notitie\u{201d}. Jouw waarde staat er nu."
        );
        let english = conflict(&ws, c, Lang::English);
        assert!(
            english.starts_with(
                "Cluster \u{201c}Flux50\u{201d}, field \u{2018}note\u{2019}: your version"
            ) && english.ends_with("Your value is in place now."),
            "{english}"
        );
        for word in ["veld", "jouw", "versie", "staat"] {
            assert!(!english.contains(word), "Dutch in English: {english}");
        }
    }

    /// Two colleagues cite the same argument differently: one conflict about the
    /// citation, worded as pages and words; a page on one side and a weight on the
    /// other merge without one.
    #[test]
    fn a_citation_conflict_is_worded_as_the_passage_and_words() {
        use crate::model::{Argument, ArgumentId, Citation, Passage};
        let mut base = Workspace::empty();
        base.arguments.push(Argument {
            id: ArgumentId::from_u128(3),
            text: "Behoudt de netwerken".into(),
            ..Argument::default()
        });
        let cited = |page, quote: &str| Citation {
            passage: Passage {
                page: Some(page),
                paragraph: String::new(),
                source: None,
            },
            quote: quote.into(),
        };
        let mut mine = base.clone();
        mine.arguments[0].citation = cited(7, "een basisopdracht is essentieel");
        let mut theirs = base.clone();
        theirs.arguments[0].weight = 3;
        let calm = merge(Some(&base), &mine, &theirs);
        assert!(calm.conflicts.is_empty(), "{:?}", calm.conflicts);
        assert_eq!(calm.workspace.arguments[0].citation.passage.page, Some(7));
        assert_eq!(calm.workspace.arguments[0].weight, 3);

        theirs.arguments[0].citation = cited(9, "");
        let ws = merge(Some(&base), &mine, &theirs).workspace;
        assert_eq!(ws.conflicts.len(), 1);
        assert_eq!(ws.conflicts[0].field.as_deref(), Some("citation"));
        assert_eq!(
            conflict(&ws, &ws.conflicts[0], Lang::Dutch),
            "Argument \u{201c}Behoudt de netwerken\u{201d}, veld \u{2018}bronvermelding\u{2019}: jouw versie p.\u{a0}7: \u{201c}een basisopdracht is essentieel\u{201d}, de andere versie p.\u{a0}9. Jouw waarde staat er nu."
        );
        let english = conflict(&ws, &ws.conflicts[0], Lang::English);
        assert!(
            english.contains("field \u{2018}citation\u{2019}"),
            "{english}"
        );
    }

    #[test]
    fn the_values_stored_are_worded_even_after_the_record_changed() {
        let mut ws = merged();
        ws.clusters[0].note = "later nog eens gewijzigd".into();
        let text = conflict(&ws, &ws.conflicts[0], Lang::Dutch);
        assert!(text.contains("mijn notitie"), "{text}");
        // A conflict from an older file, without values: read from the records.
        let mut old = ws.conflicts[0].clone();
        old.values = None;
        let text = conflict(&ws, &old, Lang::Dutch);
        assert!(
            text.contains("later nog eens gewijzigd") && text.contains("hun notitie"),
            "{text}"
        );
        assert_eq!(
            crate::model::merge::conflict_values(&ws, &old),
            Some(ConflictValues {
                mine: FieldValue::Text("later nog eens gewijzigd".into()),
                theirs: FieldValue::Text("hun notitie".into()),
            })
        );
    }

    #[test]
    fn an_unknown_field_is_an_error_worded_with_the_record() {
        let mut ws = merged();
        ws.conflicts[0].field = Some("notitie_oud".into());
        let id = ws.conflicts[0].id;
        let error = resolve(&ws, id, Side::Theirs).expect_err("unknown field");
        let text = resolve_error(&ws, &error, Lang::Dutch);
        assert!(
            text.contains("Flux50") && text.contains("notitie_oud") && text.contains("blijft open"),
            "{text}"
        );
        let english = resolve_error(&ws, &error, Lang::English);
        assert!(english.contains("stays open"), "{english}");
    }

    #[test]
    fn a_repair_names_the_files_and_the_record() {
        let repair = IdRepair {
            inputs: vec![Input::Base, Input::Mine, Input::Theirs],
            kind: IdKind::Argument,
            id: uuid::Uuid::from_u128(6001),
            new_id: uuid::Uuid::from_u128(9),
            occurrence: 2,
            name: "Tweede argument".into(),
        };
        let name = |i: Input| format!("{i:?}.ron");
        let text = id_repair(&repair, name, Lang::Dutch);
        assert!(
            text.starts_with(
                "In Base.ron, Mine.ron en Theirs.ron hebben meerdere argumenten hetzelfde id"
            ) && text.contains("het tweede (\u{201c}Tweede argument\u{201d}) kreeg het nieuwe id"),
            "{text}"
        );
        let english = id_repair(&repair, name, Lang::English);
        assert!(
            english.contains("several arguments share the id"),
            "{english}"
        );
    }
}
