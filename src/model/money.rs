//! Money in whole euros. Budgets are integers: a float would turn € 650.000 into
//! 649.999,99 somewhere between a sum and a document.

use serde::{Deserialize, Serialize};

/// An amount in whole euros.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Euro(pub i64);

impl Euro {
    pub const fn whole(amount: i64) -> Self {
        Self(amount)
    }

    pub const fn amount(self) -> i64 {
        self.0
    }

    pub fn saturating_add(self, other: Euro) -> Euro {
        Euro(self.0.saturating_add(other.0))
    }

    /// Flemish notation: `€ 650.000`, `-€ 1.200`.
    pub(crate) fn flemish(self) -> String {
        let digits = group_thousands(self.0.unsigned_abs(), '.');
        if self.0 < 0 {
            format!("-€ {digits}")
        } else {
            format!("€ {digits}")
        }
    }

    /// English notation: `€650,000`.
    pub fn english(self) -> String {
        let digits = group_thousands(self.0.unsigned_abs(), ',');
        if self.0 < 0 {
            format!("-€{digits}")
        } else {
            format!("€{digits}")
        }
    }
}

impl std::fmt::Display for Euro {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.flemish())
    }
}

/// Groups an unsigned number in threes with the given separator.
pub(crate) fn group_thousands(value: u64, separator: char) -> String {
    let plain = value.to_string();
    let mut out = String::with_capacity(plain.len() + plain.len() / 3);
    for (i, ch) in plain.chars().enumerate() {
        if i > 0 && (plain.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(ch);
    }
    out
}

/// Parses what a person types as an amount: `650000`, `650.000`, `€ 650.000`, `650 000`.
/// Returns `None` for anything that is not a whole number of euros.
pub(crate) fn parse_euro(text: &str) -> Option<Euro> {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, '€' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '_'))
        .collect();
    let cleaned = cleaned.strip_suffix(",00").unwrap_or(&cleaned);
    if cleaned.is_empty() {
        return None;
    }
    cleaned.parse::<i64>().ok().map(Euro)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flemish_notation_groups_with_dots() {
        assert_eq!(Euro(650_000).flemish(), "€ 650.000");
        assert_eq!(Euro(3_900_000).flemish(), "€ 3.900.000");
        assert_eq!(Euro(0).flemish(), "€ 0");
        assert_eq!(Euro(-1_200).flemish(), "-€ 1.200");
        assert_eq!(Euro(999).flemish(), "€ 999");
        assert_eq!(Euro(650_000).english(), "€650,000");
    }

    #[test]
    fn parses_what_people_type() {
        assert_eq!(parse_euro("650000"), Some(Euro(650_000)));
        assert_eq!(parse_euro("€ 650.000"), Some(Euro(650_000)));
        assert_eq!(parse_euro("650 000,00"), Some(Euro(650_000)));
        assert_eq!(parse_euro("zeshonderd"), None);
        assert_eq!(parse_euro(""), None);
    }
}
