//! Citations in words: the content of the footnote that an argument, a stance or a
//! theme carries in the communication ("VARIO, advies 36 van 6 mei 2024, p. 7:
//! “de geciteerde woorden”.").
//!
//! The advice (body, reference, date) is read from the body the record points at;
//! the citation itself holds only the passage and the quoted words. Every text comes
//! out as one clean line (see [`one_line`]); writers escape it.

use crate::model::{
    AdvisoryBody, Argument, Citation, Passage, ScenarioStance, Source, Theme, Workspace,
};

use super::document::{flemish_date, one_line};

/// No-break space: "p. 7" and "par. 12" never break after the abbreviation.
const NBSP: char = '\u{a0}';

/// "VARIO, advies 36 van 6 mei 2024": the body's short name and the advice it gave,
/// as far as the advice names itself. "VARIO, advies" when it has neither reference
/// nor date. A reference that already says "advies" ("SERV-advies 2024/07") is not
/// preceded by it again.
pub(crate) fn advice_name(body: &AdvisoryBody) -> String {
    let mut out = one_line(&body.short_name);
    out.push_str(", ");
    let reference = one_line(&body.advice.reference);
    if reference.is_empty() {
        out.push_str("advies");
    } else if reference.to_lowercase().contains("advies") {
        out.push_str(&reference);
    } else {
        out.push_str("advies ");
        out.push_str(&reference);
    }
    if let Some(date) = body.advice.received {
        out.push_str(" van ");
        out.push_str(&flemish_date(date));
    }
    out
}

/// "p. 7", "par. 3.2", "p. 7, par. 3.2"; empty for the advice as a whole.
pub(crate) fn passage_words(passage: &Passage) -> String {
    let mut parts = Vec::new();
    if let Some(page) = passage.page {
        parts.push(format!("p.{NBSP}{page}"));
    }
    let paragraph = one_line(&passage.paragraph);
    if !paragraph.is_empty() {
        parts.push(format!("par.{NBSP}{paragraph}"));
    }
    parts.join(", ")
}

/// The note for `who` (an advice's name, or "Eigen analyse") and a citation:
/// "{who}, p. 7: “quote”." With `with_quote` false the quote is left out (it already
/// stands in the text, as a stance's does).
fn note(who: &str, citation: &Citation, with_quote: bool) -> String {
    let mut out = who.to_owned();
    let passage = passage_words(&citation.passage);
    if !passage.is_empty() {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(&passage);
    }
    let quote = one_line(&citation.quote);
    if with_quote && !quote.is_empty() {
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&format!("\u{201c}{quote}\u{201d}"));
    }
    out.push('.');
    out
}

fn names_itself(body: &AdvisoryBody) -> bool {
    !body.advice.reference.trim().is_empty() || body.advice.received.is_some()
}

/// An argument's note: the cited advice, passage and words. An argument from a body
/// without a citation still names the advice when the advice has a reference or a
/// date. `None` when there is nothing to note (no citation and an advice that does
/// not name itself, or own analysis without a citation).
pub(crate) fn argument_note(ws: &Workspace, argument: &Argument) -> Option<String> {
    let cited = argument.citation.says_something();
    match argument.source {
        Source::Body(id) => {
            let body = ws.body(id)?;
            (cited || names_itself(body))
                .then(|| note(&advice_name(body), &argument.citation, true))
        }
        // Own analysis cites no advice; its passage and words are still the person's.
        Source::OwnAnalysis => cited.then(|| note("Eigen analyse", &argument.citation, true)),
    }
}

/// A stance's note: the advice and the passage of its quote. The quote itself stands
/// in the text beside the stance, so the note does not repeat it. `None` without a
/// quote, or when neither the advice nor the passage says where the quote is.
pub(crate) fn stance_note(body: &AdvisoryBody, stance: &ScenarioStance) -> Option<String> {
    if one_line(&stance.quote).is_empty() {
        return None;
    }
    let placed = Citation {
        passage: stance.passage.clone(),
        quote: String::new(),
    };
    if !placed.says_something() && !names_itself(body) {
        return None;
    }
    Some(note(&advice_name(body), &stance.citation(), false))
}

/// A theme's note: the advice of the body its citation names, the passage and the
/// words. `None` without a citation or when that body no longer exists.
pub(crate) fn theme_note(ws: &Workspace, theme: &Theme) -> Option<String> {
    let cited = theme.citation.as_ref()?;
    let body = ws.body(cited.body)?;
    Some(note(&advice_name(body), &cited.citation, true))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Advice, BodyId, ThemeCitation};

    fn vario(reference: &str, date: Option<jiff::civil::Date>) -> AdvisoryBody {
        AdvisoryBody {
            id: BodyId::from_u128(7),
            short_name: "VARIO".to_owned(),
            full_name: "Vlaamse Adviesraad voor Innoveren en Ondernemen".to_owned(),
            advice: Advice {
                received: date,
                reference: reference.to_owned(),
                ..Advice::default()
            },
        }
    }

    fn cited(page: Option<u32>, paragraph: &str, quote: &str) -> Citation {
        Citation {
            passage: Passage {
                page,
                paragraph: paragraph.to_owned(),
                source: None,
            },
            quote: quote.to_owned(),
        }
    }

    fn workspace(body: AdvisoryBody) -> Workspace {
        Workspace {
            bodies: vec![body],
            ..Workspace::default()
        }
    }

    #[test]
    fn an_argument_note_names_advice_page_and_words() {
        let date = jiff::civil::date(2024, 5, 6);
        let ws = workspace(vario("36", Some(date)));
        let argument = Argument {
            source: Source::Body(BodyId::from_u128(7)),
            citation: cited(Some(7), "", "de geciteerde woorden"),
            ..Argument::default()
        };
        assert_eq!(
            argument_note(&ws, &argument).unwrap(),
            format!(
                "VARIO, advies 36 van {}, p.\u{a0}7: \u{201c}de geciteerde woorden\u{201d}.",
                flemish_date(date)
            )
        );
    }

    #[test]
    fn a_reference_that_says_advies_is_not_preceded_by_it() {
        let ws = workspace(vario("SERV-advies 2024/07", None));
        let argument = Argument {
            source: Source::Body(BodyId::from_u128(7)),
            ..Argument::default()
        };
        assert_eq!(
            argument_note(&ws, &argument).unwrap(),
            "VARIO, SERV-advies 2024/07."
        );
    }

    #[test]
    fn page_and_paragraph_both_show_and_a_reference_is_not_doubled() {
        let ws = workspace(vario("Advies 2024/12", None));
        let argument = Argument {
            source: Source::Body(BodyId::from_u128(7)),
            citation: cited(Some(3), " 4.1 ", ""),
            ..Argument::default()
        };
        assert_eq!(
            argument_note(&ws, &argument).unwrap(),
            "VARIO, Advies 2024/12, p.\u{a0}3, par.\u{a0}4.1."
        );
    }

    #[test]
    fn an_uncited_argument_names_the_advice_only_when_it_can() {
        let uncited = Argument {
            source: Source::Body(BodyId::from_u128(7)),
            ..Argument::default()
        };
        let named = workspace(vario("36", None));
        assert_eq!(
            argument_note(&named, &uncited).unwrap(),
            "VARIO, advies 36."
        );
        let anonymous = workspace(vario("", None));
        assert_eq!(argument_note(&anonymous, &uncited), None);
        let own = Argument::default();
        assert_eq!(argument_note(&named, &own), None);
        let own_cited = Argument {
            citation: cited(Some(2), "", "eigen"),
            ..Argument::default()
        };
        assert_eq!(
            argument_note(&named, &own_cited).unwrap(),
            "Eigen analyse, p.\u{a0}2: \u{201c}eigen\u{201d}."
        );
        // A source body that no longer exists has no advice to name.
        let dangling = Argument {
            source: Source::Body(BodyId::from_u128(99)),
            citation: cited(Some(1), "", "x"),
            ..Argument::default()
        };
        assert_eq!(argument_note(&named, &dangling), None);
    }

    #[test]
    fn a_stance_note_gives_the_place_not_the_quote_again() {
        let date = jiff::civil::date(2024, 5, 6);
        let body = vario("36", Some(date));
        let stance = ScenarioStance {
            quote: "mits duidelijke KPI\u{2019}s".to_owned(),
            passage: Passage {
                page: None,
                paragraph: "12".to_owned(),
                source: None,
            },
            ..ScenarioStance::default()
        };
        let note = stance_note(&body, &stance).unwrap();
        assert_eq!(
            note,
            format!("VARIO, advies 36 van {}, par.\u{a0}12.", flemish_date(date))
        );
        assert!(!note.contains("KPI"));
        let unquoted = ScenarioStance {
            quote: String::new(),
            ..stance.clone()
        };
        assert_eq!(stance_note(&body, &unquoted), None);
        let nowhere = ScenarioStance {
            passage: Passage::default(),
            ..stance
        };
        assert_eq!(stance_note(&vario("", None), &nowhere), None);
    }

    #[test]
    fn a_theme_note_names_the_cited_body_and_words_on_one_line() {
        let ws = workspace(vario("", None));
        let mut theme = Theme::default();
        assert_eq!(theme_note(&ws, &theme), None);
        theme.citation = Some(ThemeCitation {
            body: BodyId::from_u128(7),
            citation: cited(Some(12), "", "ruimtevaart\nontbreekt"),
        });
        assert_eq!(
            theme_note(&ws, &theme).unwrap(),
            "VARIO, advies, p.\u{a0}12: \u{201c}ruimtevaart ontbreekt\u{201d}."
        );
    }
}
