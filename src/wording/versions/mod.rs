//! A version's changes in words: "VARIO, scenario 2: voorwaardelijk → wijst af",
//! "VIL onder Scenario 3, jaarbudget: (leeg) → € 500.000 van 2027 tot 2030",
//! "Argument “…” toegevoegd". The model hands over readable data (names resolved,
//! nested values broken down); this says it, naming records and fields with the
//! words the conflicts and warnings use (`conflict::kind`, `conflict::field_name`).

use crate::model::conflict::ConflictTarget;
use crate::model::text::DUTCH_MONTHS;
use crate::model::versions::{Change, ChangeKind, Label, Part, Value, Word};
use crate::model::{ClusterStatus, Polarity, RecordKey, Role, SourceFormat, Stance, ThemeRoute};

use super::conflict::{field_name, kind};
use super::{Lang, capitalised, listing, shortened};

/// A text or name on one line (a change list is one line per change), at most 60
/// characters.
fn short(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    shortened(&flat, max)
}

const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "6 mei 2024" / "6 May 2024".
fn long_date(date: jiff::civil::Date, lang: Lang) -> String {
    let months = match lang {
        Lang::Dutch => &DUTCH_MONTHS,
        Lang::English => &ENGLISH_MONTHS,
    };
    let month = usize::try_from(date.month() - 1)
        .ok()
        .and_then(|m| months.get(m))
        .copied()
        .unwrap_or_default();
    format!("{} {month} {}", date.day(), date.year())
}

fn money(amount: crate::model::Euro, lang: Lang) -> String {
    match lang {
        Lang::Dutch => amount.flemish(),
        Lang::English => amount.english(),
    }
}

fn word(word: Word, lang: Lang) -> &'static str {
    match (word, lang) {
        (Word::Status(s), Lang::Dutch) => s.dutch(),
        (Word::Status(s), Lang::English) => match s {
            ClusterStatus::Active => "active",
            ClusterStatus::Founding => "being founded",
            ClusterStatus::Stopped => "stopped",
        },
        (Word::Role(r), Lang::Dutch) => r.dutch(),
        (Word::Role(r), Lang::English) => match r {
            Role::Primary => "primary",
            Role::Complementary => "complementary",
        },
        (Word::Polarity(p), Lang::Dutch) => p.dutch(),
        (Word::Polarity(p), Lang::English) => match p {
            Polarity::Pro => "pro",
            Polarity::Contra => "contra",
        },
        (Word::Stance(s), Lang::Dutch) => s.dutch(),
        (Word::Stance(s), Lang::English) => match s {
            Stance::Supports => "supports",
            Stance::Conditional => "conditional",
            Stance::Neutral => "neutral",
            Stance::Rejects => "rejects",
            Stance::NotStated => "not stated",
        },
        (Word::Route(r), Lang::Dutch) => r.dutch(),
        (Word::Route(r), Lang::English) => match r {
            ThemeRoute::NewNetworkCall => "new call for Innovative Business Networks",
            ThemeRoute::NewSpearheadCluster => "new spearhead cluster",
            ThemeRoute::WithinExistingCluster => "within an existing cluster",
        },
        (Word::Format(f), Lang::Dutch) => f.dutch(),
        (Word::Format(f), Lang::English) => match f {
            SourceFormat::Pdf => "PDF",
            SourceFormat::Docx => "Word document",
            SourceFormat::Text => "text file",
            SourceFormat::Markdown => "Markdown file",
            SourceFormat::Html => "web page",
        },
        (Word::OwnAnalysis, lang) => lang.pick("eigen analyse", "own analysis"),
    }
}

fn placement(cluster: &str, scenario: &str, lang: Lang) -> String {
    format!("{cluster} {} {scenario}", lang.pick("onder", "under"))
}

/// A value as a change line shows it; never RON.
fn value(value: &Value, lang: Lang) -> String {
    match value {
        Value::Empty => lang.pick("(leeg)", "(empty)").to_owned(),
        Value::Missing => lang.pick("(onbekend)", "(unknown)").to_owned(),
        Value::Text(t) => format!("\u{201c}{}\u{201d}", short(t, 60)),
        Value::Number(n) => n.to_string(),
        Value::Year(y) => y.to_string(),
        Value::Flag(b) => match b {
            true => lang.pick("ja", "yes"),
            false => lang.pick("nee", "no"),
        }
        .to_owned(),
        Value::Money(m) => money(*m, lang),
        Value::Date(d) => long_date(*d, lang),
        Value::Budget {
            amount,
            first_year,
            last_year,
        } => {
            let years = if first_year == last_year {
                format!("in {first_year}")
            } else {
                match lang {
                    Lang::Dutch => format!("van {first_year} tot {last_year}"),
                    Lang::English => format!("from {first_year} to {last_year}"),
                }
            };
            format!("{} {years}", money(*amount, lang))
        }
        Value::Name(n) => short(n, 60),
        Value::Placement { cluster, scenario } => placement(cluster, scenario, lang),
        Value::Word(w) => word(*w, lang).to_owned(),
        Value::List(items) => listing(
            &items
                .iter()
                .map(|v| self::value(v, lang))
                .collect::<Vec<_>>(),
            lang,
        ),
        Value::Passages(1) => "1 passage".to_owned(),
        Value::Passages(n) => format!("{n} passages"),
    }
}

/// The record a change is about, capitalised as a line starts: "Cluster “Flux50”",
/// "VIL onder Scenario 3", for a changed field of a body just its short name.
fn subject(change: &Change, lang: Lang) -> String {
    let key = match change.target {
        ConflictTarget::Meta => return lang.pick("mededeling", "communication").to_owned(),
        ConflictTarget::Record(key) => key,
    };
    match &change.label {
        Label::Placement {
            cluster,
            scenario,
            variant,
        } => {
            let mut out = placement(cluster, scenario, lang);
            if let Some(variant) = variant {
                // "in variant" in both languages.
                out.push_str(&format!(
                    " in variant \u{201c}{}\u{201d}",
                    short(variant, 60)
                ));
            }
            if change.kind == ChangeKind::Changed {
                out
            } else {
                format!("{} {out}", kind(key, lang))
            }
        }
        Label::Name(name)
            if matches!(key, RecordKey::Body(_)) && change.kind == ChangeKind::Changed =>
        {
            short(name, 60)
        }
        Label::Name(name) => named(kind(key, lang), name),
        Label::Conflict {
            about,
            label,
            field,
        } => {
            let about = match (about, label.as_ref()) {
                (ConflictTarget::Meta, _) => lang
                    .pick(
                        "de gegevens van de mededeling",
                        "the communication's details",
                    )
                    .to_owned(),
                (ConflictTarget::Record(key), Label::Name(name)) => named(kind(*key, lang), name),
                (
                    ConflictTarget::Record(key),
                    Label::Placement {
                        cluster, scenario, ..
                    },
                ) => format!(
                    "{} {}",
                    kind(*key, lang),
                    placement(cluster, scenario, lang)
                ),
                (ConflictTarget::Record(key), Label::Conflict { .. }) => {
                    kind(*key, lang).to_owned()
                }
            };
            let field = field.as_deref().map_or_else(String::new, |f| {
                format!(
                    ", {} \u{2018}{}\u{2019}",
                    lang.pick("veld", "field"),
                    field_name(f, lang)
                )
            });
            format!(
                "{} {about}{field}",
                lang.pick("samenvoegconflict over", "merge conflict about")
            )
        }
    }
}

fn named(kind: &str, name: &str) -> String {
    if name.trim().is_empty() {
        kind.to_owned()
    } else if name.to_lowercase().starts_with(kind) {
        // "Scenario 3", not "scenario “Scenario 3”".
        short(name, 60)
    } else {
        format!("{kind} \u{201c}{}\u{201d}", short(name, 60))
    }
}

/// One change in a line.
pub fn change(change: &Change, lang: Lang) -> String {
    let what = capitalised(&subject(change, lang));
    let conflict = matches!(
        change.target,
        ConflictTarget::Record(RecordKey::Conflict(_))
    );
    match change.kind {
        ChangeKind::Added => format!("{what} {}", lang.pick("toegevoegd", "added")),
        // A conflict leaves the file when a person settles it.
        ChangeKind::Removed if conflict => format!("{what} {}", lang.pick("opgelost", "resolved")),
        ChangeKind::Removed => format!("{what} {}", lang.pick("verwijderd", "removed")),
        ChangeKind::Changed => {
            let field = change.field.unwrap_or_default();
            let place = match (&change.part, field) {
                (Some(Part::Scenario(s)), "stance") => s.to_lowercase(),
                (Some(Part::Scenario(s)), f) => {
                    format!("{}, {}", s.to_lowercase(), field_name(f, lang))
                }
                (Some(Part::SubOption(title)), f) => format!(
                    "{} \u{201c}{}\u{201d}, {}",
                    lang.pick("suboptie", "sub-option"),
                    short(title, 60),
                    field_name(f, lang)
                ),
                (None, f) => field_name(f, lang),
            };
            format!(
                "{what}, {place}: {} \u{2192} {}",
                value(&change.old, lang),
                value(&change.new, lang)
            )
        }
    }
}

#[cfg(test)]
mod tests;
