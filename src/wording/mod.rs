//! Words for what the model returns as data. The model says *what* happened (a
//! conflict: record, field, both values; an id repaired); this module says it, in
//! Dutch or English. Free of egui and files, so the window (in its interface
//! language), the command line, `check` and the exports all word a thing the same way.

mod conflict;
mod versions;
mod warning;

pub use conflict::{conflict, field_name, id_repair, record_label, resolve_error};
pub use versions::change;
pub use warning::{consequence, warning};

/// The language to word in. The window maps its interface language onto this; the
/// command line and the exports speak Dutch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Dutch,
    English,
}

impl Lang {
    /// Picks the Dutch or the English of a pair.
    fn pick<'a>(self, dutch: &'a str, english: &'a str) -> &'a str {
        match self {
            Lang::Dutch => dutch,
            Lang::English => english,
        }
    }
}

/// At most `max` characters, with "…" when cut.
fn shortened(text: &str, max: usize) -> String {
    let mut short: String = text.chars().take(max).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "a", "a en b", "a, b en c" (English: "a and b", "a, b and c").
fn listing(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), lang.pick("en", "and")),
    }
}
