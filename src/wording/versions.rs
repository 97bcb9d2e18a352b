//! A version's changes in words: "VARIO, scenario 2: voorwaardelijk → wijst af",
//! "Argument toegevoegd: “…”".

use crate::model::conflict::{ConflictTarget, FieldValue};
use crate::model::versions::{Change, ChangeKind};
use crate::model::{RecordKey, Stance};

use super::conflict::{field_name, kind};
use super::{Lang, capitalised, shortened};

fn stance_word(value: &FieldValue, lang: Lang) -> Option<&'static str> {
    let FieldValue::Ron(text) = value else {
        return None;
    };
    let stance: Stance = ron::from_str(text).ok()?;
    Some(match lang {
        Lang::Dutch => stance.dutch(),
        Lang::English => match stance {
            Stance::Supports => "supports",
            Stance::Conditional => "conditional",
            Stance::Neutral => "neutral",
            Stance::Rejects => "rejects",
            Stance::NotStated => "not stated",
        },
    })
}

fn shown(value: Option<&FieldValue>, lang: Lang) -> String {
    match value {
        None => lang.pick("(niets)", "(nothing)").to_owned(),
        Some(FieldValue::Text(t)) if t.is_empty() => lang.pick("(leeg)", "(empty)").to_owned(),
        Some(FieldValue::Text(t)) => format!("\u{201c}{}\u{201d}", shortened(t, 60)),
        Some(FieldValue::Ron(r)) => shortened(r, 60),
    }
}

/// One change in a line.
pub fn change(change: &Change, lang: Lang) -> String {
    let label = shortened(&change.label, 60);
    let what = match change.target {
        ConflictTarget::Meta => lang.pick("mededeling", "communication").to_owned(),
        ConflictTarget::Record(RecordKey::Body(_)) if change.scenario.is_some() => label.clone(),
        ConflictTarget::Record(key) if label.is_empty() => kind(key, lang).to_owned(),
        ConflictTarget::Record(key) => format!("{} \u{201c}{label}\u{201d}", kind(key, lang)),
    };
    match change.kind {
        ChangeKind::Added => format!(
            "{} {}",
            capitalised(&what),
            lang.pick("toegevoegd", "added")
        ),
        ChangeKind::Removed => {
            format!(
                "{} {}",
                capitalised(&what),
                lang.pick("verwijderd", "removed")
            )
        }
        ChangeKind::Changed => {
            let field = change.field.as_deref().unwrap_or_default();
            let place = match &change.scenario {
                Some(scenario) => scenario.to_lowercase(),
                None => field_name(field, lang),
            };
            let word = |v: Option<&FieldValue>| match v.and_then(|v| stance_word(v, lang)) {
                Some(w) if field == "stance" => w.to_owned(),
                _ => shown(v, lang),
            };
            format!(
                "{}, {place}: {} \u{2192} {}",
                capitalised(&what),
                word(change.old.as_ref()),
                word(change.new.as_ref())
            )
        }
    }
}
