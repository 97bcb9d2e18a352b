//! The reader's and the advice import's interface text, a table per language kept
//! apart from `ui::text` so that features do not collide in one file.

use crate::ui::text::{Language, Tr};

pub struct ReaderText {
    pub view: &'static str,
    pub import: &'static str,
    pub import_typed: &'static str,
    pub import_typed_menu: &'static str,
    pub import_body: &'static str,
    pub import_go: &'static str,
    pub cancel: &'static str,
    pub importing: &'static str,
    /// After an import: {file}, {body}, {extent}.
    pub imported: &'static str,
    pub page: &'static str,
    pub pages: &'static str,
    pub passages: &'static str,
    pub no_documents: &'static str,
    pub documents: &'static str,
    pub page_text: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub sheet: &'static str,
    pub search: &'static str,
    pub search_all: &'static str,
    pub hits: &'static str,
    pub no_hits: &'static str,
    pub scenario: &'static str,
    pub cluster: &'static str,
    pub whole_scenario: &'static str,
    pub already_here: &'static str,
    pub make_pro: &'static str,
    pub make_contra: &'static str,
    pub make_stance: &'static str,
    pub make_theme: &'static str,
    pub select_first: &'static str,
    pub legend: &'static str,
    pub on_this_page: &'static str,
    pub kind_pro: &'static str,
    pub kind_contra: &'static str,
    pub kind_stance: &'static str,
    pub kind_theme: &'static str,
    pub style_pro: &'static str,
    pub style_contra: &'static str,
    pub style_stance: &'static str,
    pub style_theme: &'static str,
    /// After marking: {kind}, {target}, {place}.
    pub made: &'static str,
    pub stance_note: &'static str,
    pub theme_target: &'static str,
    pub body_gone: &'static str,
    pub show_in_source: &'static str,
    pub source_gone: &'static str,
    pub keys_hint: &'static str,
}

pub static NL: ReaderText = ReaderText {
    view: "Bronteksten",
    import: "Advies importeren…",
    import_typed: "Advies importeren: pad van het document",
    import_typed_menu: "Pad typen en advies importeren…",
    import_body: "Van welk adviesorgaan is dit advies?",
    import_go: "Importeren",
    cancel: "Annuleren",
    importing: "Bezig met importeren…",
    imported: "{file} geïmporteerd bij {body} ({extent}).",
    page: "pagina",
    pages: "pagina's",
    passages: "passages",
    no_documents: "Nog geen adviezen geïmporteerd. Kies Bestand › Advies importeren…",
    documents: "Documenten",
    page_text: "Brontekst",
    previous: "◀ Vorige",
    next: "Volgende ▶",
    sheet: "Blad",
    search: "Zoeken in dit document",
    search_all: "In alle documenten",
    hits: "treffers",
    no_hits: "Geen treffers.",
    scenario: "Scenario",
    cluster: "Speerpuntcluster",
    whole_scenario: "Heel het scenario",
    already_here: "Wat er al staat",
    make_pro: "Pro (P)",
    make_contra: "Contra (C)",
    make_stance: "Standpunt (S)",
    make_theme: "Ontbrekend thema (T)",
    select_first: "Selecteer eerst woorden in de tekst (muis, of Shift met de pijltjestoetsen).",
    legend: "Legende",
    on_this_page: "Gebruikt op deze pagina",
    kind_pro: "Pro",
    kind_contra: "Contra",
    kind_stance: "Standpunt",
    kind_theme: "Thema",
    style_pro: "groen, onderlijnd",
    style_contra: "rood, schuin",
    style_stance: "blauw, onderlijnd en schuin",
    style_theme: "paars, zonder streep of schuinschrift",
    made: "{kind} gemaakt voor {target}, {place}.",
    stance_note: "standpunt van {body}; kies het standpunt zelf in Adviezen",
    theme_target: "de ontbrekende thema's",
    body_gone: "Het adviesorgaan van dit document bestaat niet meer; er is niets gemaakt.",
    show_in_source: "Toon in de bron",
    source_gone: "Het geciteerde document is niet meer in de werkruimte.",
    keys_hint: "Selecteer woorden en druk P (pro), C (contra), S (standpunt) of T (ontbrekend thema).",
};

pub static EN: ReaderText = ReaderText {
    view: "Source texts",
    import: "Import advice…",
    import_typed: "Import advice: path of the document",
    import_typed_menu: "Type a path and import advice…",
    import_body: "Which advisory body gave this advice?",
    import_go: "Import",
    cancel: "Cancel",
    importing: "Importing…",
    imported: "{file} imported for {body} ({extent}).",
    page: "page",
    pages: "pages",
    passages: "passages",
    no_documents: "No advice imported yet. Choose File › Import advice…",
    documents: "Documents",
    page_text: "Source text",
    previous: "◀ Previous",
    next: "Next ▶",
    sheet: "Sheet",
    search: "Search this document",
    search_all: "In all documents",
    hits: "hits",
    no_hits: "No hits.",
    scenario: "Scenario",
    cluster: "Spearhead cluster",
    whole_scenario: "The whole scenario",
    already_here: "Already there",
    make_pro: "Pro (P)",
    make_contra: "Contra (C)",
    make_stance: "Stance (S)",
    make_theme: "Missing theme (T)",
    select_first: "First select words in the text (mouse, or Shift with the arrow keys).",
    legend: "Legend",
    on_this_page: "Used on this page",
    kind_pro: "Pro",
    kind_contra: "Contra",
    kind_stance: "Stance",
    kind_theme: "Theme",
    style_pro: "green, underlined",
    style_contra: "red, italic",
    style_stance: "blue, underlined and italic",
    style_theme: "purple, no line or italics",
    made: "{kind} made for {target}, {place}.",
    stance_note: "stance of {body}; choose the stance itself under Advice",
    theme_target: "the missing themes",
    body_gone: "This document's advisory body no longer exists; nothing was made.",
    show_in_source: "Show in the source",
    source_gone: "The cited document is no longer in the workspace.",
    keys_hint: "Select words and press P (pro), C (contra), S (stance) or T (missing theme).",
};

pub fn texts(language: Language) -> &'static ReaderText {
    match language {
        Language::Dutch => &NL,
        Language::English => &EN,
    }
}

/// The table for the language whose main table is `t` (for places that only get a
/// `Tr`, such as a view's label).
pub fn for_tr(t: &Tr) -> &'static ReaderText {
    texts(t.lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holes(text: &str) -> Vec<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|p| p.split('}').next())
            .collect()
    }

    #[test]
    fn both_languages_fill_the_same_placeholders() {
        for (nl, en) in [
            (NL.imported, EN.imported),
            (NL.made, EN.made),
            (NL.stance_note, EN.stance_note),
        ] {
            assert_eq!(holes(nl), holes(en), "{nl} / {en}");
        }
        assert_eq!(holes(NL.made), vec!["kind", "target", "place"]);
    }

    #[test]
    fn the_table_follows_the_main_tables_language() {
        assert_eq!(for_tr(Language::English.texts()).view, "Source texts");
        assert_eq!(for_tr(Language::Dutch.texts()).view, "Bronteksten");
    }
}
