//! The chart view's term legend, in the interface languages (a table of its own beside
//! `text.rs`, chosen by [`Language`]). The term's length and legal basis come from the
//! workspace, so the legend names what this consultation holds.

use super::text::Language;

pub(crate) struct ChartsTr {
    /// The end of a term of "{years}" years.
    pub term_end_years: &'static str,
    /// The end of a term whose length the workspace does not set.
    pub term_end: &'static str,
}

pub(crate) static NL: ChartsTr = ChartsTr {
    term_end_years: "einde termijn van {years} jaar",
    term_end: "einde termijn",
};

pub(crate) static EN: ChartsTr = ChartsTr {
    term_end_years: "end of the {years}-year term",
    term_end: "end of term",
};

pub(crate) fn texts(lang: Language) -> &'static ChartsTr {
    match lang {
        Language::Dutch => &NL,
        Language::English => &EN,
    }
}

/// The legend of the term's end: its length and its legal basis as the workspace
/// sets them ("einde termijn van 10 jaar (artikel 27 AGVV)"); without a basis none is
/// named.
pub(crate) fn term_end_legend(lang: Language, years: Option<u32>, basis: &str) -> String {
    let t = texts(lang);
    let mut legend = match years {
        Some(years) => super::locale::fill(t.term_end_years, &[("years", &years.to_string())]),
        None => t.term_end.to_owned(),
    };
    let basis = basis.split_whitespace().collect::<Vec<_>>().join(" ");
    if !basis.is_empty() {
        legend.push_str(&format!(" ({basis})"));
    }
    legend
}
