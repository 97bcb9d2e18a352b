//! The interface strings of the recommendation variants (the *Varianten* view, the
//! variant picker above the matrix and the board), in their own table so they do not
//! crowd `text.rs`. Chosen by the interface language, like `Tr`.

use super::text::{Language, Tr};

pub struct VariantTexts {
    pub view: &'static str,
    /// The annex's switch in the export dialog.
    pub annex: &'static str,
    /// Before the picker: which variant the matrix, board and detail panel edit.
    pub editing: &'static str,
    pub copy: &'static str,
    /// The name a copy gets: "{name} (kopie)".
    pub copy_name: &'static str,
    pub name: &'static str,
    pub recommendation: &'static str,
    pub choose: &'static str,
    pub chosen: &'static str,
    pub remove: &'static str,
    pub last_one: &'static str,
    pub compare_with: &'static str,
    pub chart: &'static str,
    pub year: &'static str,
    pub total: &'static str,
    /// "Vandaag, zelfde periode ({amount})".
    pub today: &'static str,
    pub incompatible: &'static str,
    pub warnings: &'static str,
    /// "{scenario}: clusters".
    pub clusters_under: &'static str,
    /// "{body}: steunt / voorwaardelijk / wijst af".
    pub stances: &'static str,
    pub desirability: &'static str,
    pub feasibility: &'static str,
    pub differences: &'static str,
    pub no_differences: &'static str,
    pub no_scenario: &'static str,
    pub budget_differs: &'static str,
    /// The status line after an edit; `{name}` is the variant's name.
    pub said_copied: &'static str,
    pub said_chosen: &'static str,
    pub said_editing: &'static str,
}

pub static NL: VariantTexts = VariantTexts {
    view: "Varianten",
    annex: "Onderzochte varianten",
    editing: "Variant die u bewerkt:",
    copy: "Kopie maken",
    copy_name: "{name} (kopie)",
    name: "Naam",
    recommendation: "Algemene aanbeveling van deze variant",
    choose: "Als aanbeveling kiezen",
    chosen: "aanbeveling",
    remove: "Variant verwijderen",
    last_one: "De laatste variant kan niet verwijderd worden.",
    compare_with: "Verschillen met",
    chart: "Budget per jaar per variant",
    year: "Jaar",
    total: "Totaal",
    today: "Verschil met vandaag, zelfde periode ({amount})",
    incompatible: "Onverenigbare combinaties",
    warnings: "Waarschuwingen",
    clusters_under: "{scenario}: clusters",
    stances: "{body}: steunt / voorwaardelijk / wijst af",
    desirability: "Gemiddelde wenselijkheid",
    feasibility: "Gemiddelde haalbaarheid",
    differences: "Verschillen per cluster",
    no_differences: "Beide varianten plaatsen alle clusters gelijk.",
    no_scenario: "geen scenario",
    budget_differs: "ander jaarbudget",
    said_copied: "Variant \u{201c}{name}\u{201d} gemaakt; u bewerkt ze nu.",
    said_chosen: "Variant \u{201c}{name}\u{201d} is nu de aanbeveling.",
    said_editing: "U bewerkt nu variant \u{201c}{name}\u{201d}.",
};

pub static EN: VariantTexts = VariantTexts {
    view: "Variants",
    annex: "Variants examined (Onderzochte varianten)",
    editing: "Variant being edited:",
    copy: "Make a copy",
    copy_name: "{name} (copy)",
    name: "Name",
    recommendation: "Overall recommendation of this variant",
    choose: "Choose as the recommendation",
    chosen: "recommendation",
    remove: "Remove variant",
    last_one: "The last variant cannot be removed.",
    compare_with: "Differences with",
    chart: "Budget per year per variant",
    year: "Year",
    total: "Total",
    today: "Difference from today, same period ({amount})",
    incompatible: "Incompatible combinations",
    warnings: "Warnings",
    clusters_under: "{scenario}: clusters",
    stances: "{body}: supports / conditional / rejects",
    desirability: "Mean desirability",
    feasibility: "Mean feasibility",
    differences: "Differences per cluster",
    no_differences: "Both variants place every cluster alike.",
    no_scenario: "no scenario",
    budget_differs: "other yearly budget",
    said_copied: "Variant \u{201c}{name}\u{201d} created; you are editing it now.",
    said_chosen: "Variant \u{201c}{name}\u{201d} is now the recommendation.",
    said_editing: "You are editing variant \u{201c}{name}\u{201d} now.",
};

impl VariantTexts {
    pub fn of(lang: Language) -> &'static VariantTexts {
        match lang {
            Language::Dutch => &NL,
            Language::English => &EN,
        }
    }

    /// The table for the language whose `Tr` this is, for the few places that are
    /// handed only a `Tr` (a view's label).
    pub fn of_tr(t: &Tr) -> &'static VariantTexts {
        Self::of(t.lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(t: &VariantTexts) -> Vec<&'static str> {
        vec![
            t.view,
            t.annex,
            t.editing,
            t.copy,
            t.copy_name,
            t.name,
            t.recommendation,
            t.choose,
            t.chosen,
            t.remove,
            t.last_one,
            t.compare_with,
            t.chart,
            t.year,
            t.total,
            t.today,
            t.incompatible,
            t.warnings,
            t.clusters_under,
            t.stances,
            t.desirability,
            t.feasibility,
            t.differences,
            t.no_differences,
            t.no_scenario,
            t.budget_differs,
            t.said_copied,
            t.said_chosen,
            t.said_editing,
        ]
    }

    /// Both tables say everything, with the same placeholders.
    #[test]
    fn both_languages_fill_every_string_with_the_same_placeholders() {
        let placeholders = |s: &str| -> Vec<String> {
            s.split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(name, _)| name.to_owned()))
                .collect()
        };
        for (nl, en) in all(&NL).into_iter().zip(all(&EN)) {
            assert!(!nl.trim().is_empty() && !en.trim().is_empty());
            assert_eq!(placeholders(nl), placeholders(en), "{nl} / {en}");
        }
        assert!(std::ptr::eq(
            VariantTexts::of_tr(Language::English.texts()),
            &EN
        ));
        assert!(std::ptr::eq(
            VariantTexts::of_tr(Language::Dutch.texts()),
            &NL
        ));
    }
}
