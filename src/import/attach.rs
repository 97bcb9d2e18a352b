//! A read document becomes part of the workspace: one undoable edit that adds it to
//! the body's documents and fills the body's advice date and reference when they are
//! still empty.

use jiff::civil::Date;

use super::ImportedText;
use crate::model::{AdvisoryBody, BodyId, DocumentId, Edit, Record, SourceDocument, Workspace};

/// Why a read document cannot be added.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AttachError {
    #[error("{file} is al geïmporteerd (als {earlier}, bij {body}); er is niets gewijzigd.")]
    AlreadyImported {
        file: String,
        earlier: String,
        body: String,
    },
    #[error("Het adviesorgaan bestaat niet (meer); er is niets gewijzigd.")]
    NoSuchBody,
}

/// The edit that adds `text` as `body`'s advice document, imported on `today`.
///
/// Errors: [`AttachError::AlreadyImported`] when a document with the same SHA-256 is
/// already in the workspace (whatever its name or body); [`AttachError::NoSuchBody`].
pub fn attach(
    ws: &Workspace,
    text: ImportedText,
    body: BodyId,
    today: Date,
) -> Result<Edit, AttachError> {
    let Some(owner) = ws.body(body) else {
        return Err(AttachError::NoSuchBody);
    };
    if let Some(earlier) = ws.documents.iter().find(|d| d.sha256 == text.sha256) {
        return Err(AttachError::AlreadyImported {
            file: text.file_name,
            earlier: earlier.file_name.clone(),
            body: ws
                .body(earlier.body)
                .map_or_else(String::new, |b| b.short_name.clone()),
        });
    }
    let id = document_id(body, &text.sha256);
    let document = SourceDocument {
        id,
        body,
        file_name: text.file_name,
        sha256: text.sha256,
        format: text.format,
        imported: Some(today),
        title: text.title.clone().unwrap_or_default(),
        date: text.date,
        passages: text.passages,
    };
    let mut edits = vec![Edit::Insert {
        index: ws.documents.len(),
        record: Record::Document(document),
    }];
    let advice = &owner.advice;
    if advice.received.is_none() && text.date.is_some()
        || advice.reference.trim().is_empty() && text.title.is_some()
    {
        let mut filled: AdvisoryBody = owner.clone();
        if filled.advice.received.is_none() {
            filled.advice.received = text.date;
        }
        if filled.advice.reference.trim().is_empty()
            && let Some(title) = text.title
        {
            filled.advice.reference = title;
        }
        edits.push(Edit::Put(Record::Body(filled)));
    }
    Ok(Edit::Batch(edits))
}

/// The id the document with checksum `sha256` gets when attached to `body`. It
/// follows from the content, so two colleagues importing the same document get the
/// same record and a merge keeps it once.
pub fn document_id(body: BodyId, sha256: &str) -> DocumentId {
    DocumentId(crate::model::ids::stable_uuid(&[
        b"document",
        body.0.as_bytes(),
        sha256.as_bytes(),
    ]))
}

/// The body a person names on the command line: its short name ("VARIO") or full
/// name, ignoring case.
pub fn find_body<'a>(ws: &'a Workspace, name: &str) -> Option<&'a AdvisoryBody> {
    let name = name.trim().to_lowercase();
    ws.bodies
        .iter()
        .find(|b| b.short_name.to_lowercase() == name || b.full_name.to_lowercase() == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::apply;

    fn read(text: &str) -> ImportedText {
        crate::import::read("advies.md", text.as_bytes()).expect("reads")
    }

    #[test]
    fn an_import_is_one_undoable_edit_that_fills_the_empty_advice() {
        let mut ws = crate::store::default_workspace();
        let vario = find_body(&ws, "vario").expect("VARIO").id;
        ws.bodies
            .iter_mut()
            .filter(|b| b.id == vario)
            .for_each(|b| b.advice = Default::default());
        let before = ws.clone();
        let edit = attach(
            &ws,
            read("# Advies 36\n\nWij steunen scenario 3."),
            vario,
            jiff::civil::date(2026, 11, 30),
        )
        .expect("attaches");
        let undo = apply(&mut ws, edit).expect("applies");
        assert_eq!(ws.documents.len(), 1);
        assert_eq!(ws.documents[0].body, vario);
        assert_eq!(ws.documents[0].passages.len(), 2);
        assert_eq!(
            ws.body(vario).map(|b| b.advice.reference.as_str()),
            Some("Advies 36")
        );
        apply(&mut ws, undo).expect("undoes");
        assert_eq!(ws, before);
    }

    #[test]
    fn the_same_document_twice_is_refused_by_its_checksum() {
        let mut ws = crate::store::default_workspace();
        let serv = find_body(&ws, "SERV").expect("SERV").id;
        let vario = find_body(&ws, "Vlaamse Adviesraad voor Innoveren en Ondernemen").map(|b| b.id);
        let edit =
            attach(&ws, read("Tekst"), serv, jiff::civil::date(2026, 11, 30)).expect("first");
        apply(&mut ws, edit).expect("applies");
        let mut again = read("Tekst");
        again.file_name = "kopie.md".into();
        let error = attach(
            &ws,
            again,
            vario.unwrap_or(serv),
            jiff::civil::date(2026, 12, 1),
        )
        .expect_err("refused");
        assert!(matches!(error, AttachError::AlreadyImported { .. }));
        assert!(error.to_string().contains("al geïmporteerd"), "{error}");
    }
}
