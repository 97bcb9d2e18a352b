//! Messages of the checked fields added for issue 14 (budget years, document number),
//! in the interface languages (a table of its own beside `text.rs`, chosen by
//! [`Language`]).

use super::text::Language;

pub(crate) struct FieldsTr {
    /// A budget year outside its range or not a number: "{from}" and "{to}" are the
    /// range's ends.
    pub year_refused: &'static str,
    pub document_number_hint: &'static str,
    pub document_number_refused: &'static str,
}

pub(crate) static NL: FieldsTr = FieldsTr {
    year_refused: "Geen geldig jaar ({from}–{to})",
    document_number_hint: "VR 2024 1506 MED.0123/1",
    document_number_refused: "Geen geldig documentnummer: vorm VR JJJJ DDMM MED.NNNN/n",
};

pub(crate) static EN: FieldsTr = FieldsTr {
    year_refused: "Not a valid year ({from}–{to})",
    document_number_hint: "VR 2024 1506 MED.0123/1",
    document_number_refused: "Not a valid document number: form VR YYYY DDMM MED.NNNN/n",
};

pub(crate) fn texts(lang: Language) -> &'static FieldsTr {
    match lang {
        Language::Dutch => &NL,
        Language::English => &EN,
    }
}
