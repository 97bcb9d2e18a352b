//! The export dialog's progress and cancel, in the interface languages (a table of its
//! own beside `text.rs`, chosen by [`Language`]).

use super::text::Language;

pub(crate) struct ExportTr {
    /// "Step {n} of {of}: {stage}".
    pub step: &'static str,
    pub building: &'static str,
    pub typesetting_pdf: &'static str,
    pub typesetting: &'static str,
    pub writing: &'static str,
    pub cancel: &'static str,
    /// In the dialog and on the status line.
    pub cancelled: &'static str,
    /// Cancel pressed while the file was being written.
    pub too_late: &'static str,
}

pub(crate) static NL: ExportTr = ExportTr {
    step: "Stap {n} van {of}: {stage}",
    building: "de mededeling opbouwen",
    typesetting_pdf: "de PDF zetten",
    typesetting: "het bestand opmaken",
    writing: "het bestand wegschrijven",
    cancel: "Annuleren",
    cancelled: "Export geannuleerd; er is niets geschreven.",
    too_late: "Te laat om te annuleren: het bestand wordt al geschreven.",
};

pub(crate) static EN: ExportTr = ExportTr {
    step: "Step {n} of {of}: {stage}",
    building: "building the communication",
    typesetting_pdf: "typesetting the PDF",
    typesetting: "laying out the file",
    writing: "writing the file",
    cancel: "Cancel",
    cancelled: "Export cancelled; nothing was written.",
    too_late: "Too late to cancel: the file is being written.",
};

pub(crate) fn texts(lang: Language) -> &'static ExportTr {
    match lang {
        Language::Dutch => &NL,
        Language::English => &EN,
    }
}
