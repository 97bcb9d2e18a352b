//! Numbers, money, dates and times as the interface language writes and reads them:
//! Dutch `€ 650.000`, `31-12-2026`, `1.234`; English `€650,000`, `31/12/2026`, `1,234`.
//! Everything the window shows or parses goes through here, so switching the language
//! switches every figure at once. The exported communication does not: it is Dutch by
//! design and keeps `Euro::flemish` and its own date formatting.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::model::Euro;
use crate::model::money::{group_thousands, parse_euro};

use super::text::Language;

impl Language {
    /// The language `crate::wording` words model data in.
    pub fn wording(self) -> crate::wording::Lang {
        match self {
            Language::Dutch => crate::wording::Lang::Dutch,
            Language::English => crate::wording::Lang::English,
        }
    }

    fn group_separator(self) -> char {
        match self {
            Language::Dutch => '.',
            Language::English => ',',
        }
    }

    /// A count or amount, grouped in thousands. Not for years: 2026 stays 2026.
    pub fn number(self, value: i64) -> String {
        let digits = group_thousands(value.unsigned_abs(), self.group_separator());
        if value < 0 {
            format!("-{digits}")
        } else {
            digits
        }
    }

    /// A count of things (warnings, hits, conflicts).
    pub fn count(self, value: usize) -> String {
        self.number(i64::try_from(value).unwrap_or(i64::MAX))
    }

    pub fn money(self, amount: Euro) -> String {
        match self {
            Language::Dutch => amount.flemish(),
            Language::English => amount.english(),
        }
    }

    /// Whole euros as typed in this language. A grouping separator of the other
    /// language is refused rather than guessed: `650.000` in English could mean 650.
    pub(crate) fn parse_money(self, text: &str) -> Option<Euro> {
        match self {
            Language::Dutch => parse_euro(text),
            Language::English => {
                let cleaned: String = text
                    .chars()
                    .filter(|c| !matches!(c, '€' | ',' | ' ' | '\u{a0}' | '\u{202f}' | '_'))
                    .collect();
                let cleaned = cleaned.strip_suffix(".00").unwrap_or(&cleaned);
                if cleaned.is_empty() || !cleaned.chars().all(|c| c.is_ascii_digit() || c == '-') {
                    return None;
                }
                cleaned.parse::<i64>().ok().map(Euro)
            }
        }
    }

    /// Day first in both languages; only the separator differs.
    pub fn date(self, date: Date) -> String {
        let separator = match self {
            Language::Dutch => '-',
            Language::English => '/',
        };
        format!(
            "{:02}{separator}{:02}{separator}{}",
            date.day(),
            date.month(),
            date.year()
        )
    }

    /// Hours and minutes on the 24-hour clock, in the system's time zone.
    pub fn time(self, at: Timestamp) -> String {
        at.to_zoned_datetime(jiff::tz::TimeZone::system())
            .strftime("%H:%M")
            .to_string()
    }

    /// "31-12-2026 om 14:05" / "31/12/2026 at 14:05", in the system's time zone.
    pub(crate) fn date_time(self, at: Timestamp) -> String {
        let local = at.to_zoned_datetime(jiff::tz::TimeZone::system());
        format!(
            "{} {} {}",
            self.date(local.date()),
            self.texts().at_time,
            self.time(at)
        )
    }

    /// A date as typed: day-month-year with `-`, `/` or `.` between (both languages
    /// write the day first, so either separator means the same), or ISO `2026-12-31`.
    /// The year needs four digits, so `31-12-26` is not silently the year 26.
    pub(crate) fn parse_date(self, text: &str) -> Option<Date> {
        let text = text.trim();
        let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
        let [a, b, c] = parts.as_slice() else {
            return None;
        };
        let all_digits = |s: &str| !s.is_empty() && s.chars().all(|ch| ch.is_ascii_digit());
        if !(all_digits(a) && all_digits(b) && all_digits(c)) {
            return None;
        }
        let (year, month, day) = if a.len() == 4 && text.contains('-') && !text.contains(['/', '.'])
        {
            (a, b, c)
        } else {
            (c, b, a)
        };
        if year.len() != 4 || month.len() > 2 || day.len() > 2 {
            return None;
        }
        Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?).ok()
    }
}

/// Fills `{name}` placeholders in a text from the table, so word order can differ
/// between the languages.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const NL: Language = Language::Dutch;
    const EN: Language = Language::English;

    #[test]
    fn money_follows_the_language() {
        assert_eq!(NL.money(Euro(650_000)), "€ 650.000");
        assert_eq!(EN.money(Euro(650_000)), "€650,000");
        assert_eq!(NL.money(Euro(-1_200)), "-€ 1.200");
        assert_eq!(EN.money(Euro(-1_200)), "-€1,200");
        assert_eq!(EN.money(Euro(0)), "€0");
    }

    #[test]
    fn numbers_group_in_thousands_by_language() {
        assert_eq!(NL.number(1_234), "1.234");
        assert_eq!(EN.number(1_234), "1,234");
        assert_eq!(NL.number(999), "999");
        assert_eq!(EN.number(-1_234_567), "-1,234,567");
        assert_eq!(NL.count(12_000), "12.000");
    }

    #[test]
    fn dates_show_day_first_with_the_language_separator() {
        let d = date(2026, 12, 31);
        assert_eq!(NL.date(d), "31-12-2026");
        assert_eq!(EN.date(d), "31/12/2026");
        assert_eq!(NL.date(date(2027, 1, 5)), "05-01-2027");
        assert_eq!(EN.date(date(2027, 1, 5)), "05/01/2027");
    }

    #[test]
    fn date_and_time_join_with_the_language_word() {
        let at: Timestamp = "2026-06-15T10:30:00Z".parse().unwrap();
        let nl = NL.date_time(at);
        let en = EN.date_time(at);
        assert!(nl.contains(" om "), "{nl}");
        assert!(en.contains(" at "), "{en}");
        assert!(nl.ends_with(&NL.time(at)), "{nl}");
        assert_eq!(NL.time(at).len(), 5);
    }

    #[test]
    fn dates_parse_in_the_language_form_and_iso() {
        let d = Some(date(2026, 12, 31));
        for lang in [NL, EN] {
            assert_eq!(lang.parse_date(&lang.date(date(2026, 12, 31))), d);
            assert_eq!(lang.parse_date("2026-12-31"), d, "ISO in {lang:?}");
            assert_eq!(lang.parse_date(" 31-12-2026 "), d);
            assert_eq!(lang.parse_date("31/12/2026"), d);
            assert_eq!(lang.parse_date("5.1.2027"), Some(date(2027, 1, 5)));
        }
    }

    #[test]
    fn what_is_not_a_date_is_refused() {
        for lang in [NL, EN] {
            for text in [
                "",
                "morgen",
                "31-12",
                "32-12-2026",
                "29-02-2027",
                "12/31/2026",
                "31-12-26",
                "2026/12/31",
                "31-12-2026-1",
                "3l-12-2026",
                "+1-12-2026",
            ] {
                assert_eq!(lang.parse_date(text), None, "{lang:?} accepted {text:?}");
            }
        }
        assert_eq!(NL.parse_date("29-02-2028"), Some(date(2028, 2, 29)));
    }

    #[test]
    fn money_parses_with_the_language_grouping() {
        assert_eq!(NL.parse_money("€ 650.000"), Some(Euro(650_000)));
        assert_eq!(NL.parse_money("650000"), Some(Euro(650_000)));
        assert_eq!(NL.parse_money("650.000,00"), Some(Euro(650_000)));
        assert_eq!(EN.parse_money("€650,000"), Some(Euro(650_000)));
        assert_eq!(EN.parse_money("650,000.00"), Some(Euro(650_000)));
        assert_eq!(EN.parse_money("650000"), Some(Euro(650_000)));
        assert_eq!(EN.parse_money("650 000"), Some(Euro(650_000)));
        // The other language's grouping is not guessed at.
        assert_eq!(EN.parse_money("650.000"), None);
        assert_eq!(NL.parse_money("650,000"), None);
        assert_eq!(EN.parse_money("six hundred"), None);
        assert_eq!(EN.parse_money(""), None);
        // What a field shows, it reads back.
        for lang in [NL, EN] {
            let amount = Euro(3_900_000);
            assert_eq!(lang.parse_money(&lang.money(amount)), Some(amount));
        }
    }

    #[test]
    fn placeholders_are_filled_by_name() {
        assert_eq!(
            fill(
                "{cluster} toegewezen aan {scenario}",
                &[("cluster", "Catalisti"), ("scenario", "Scenario 3")]
            ),
            "Catalisti toegewezen aan Scenario 3"
        );
    }
}
