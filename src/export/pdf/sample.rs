//! Advice documents of known text, typeset by typst as PDFs: for the import tests (a
//! layout with two columns, a running header and footer, and footnotes) and for the
//! benchmarks (a 60-page advice).

use super::{from_markup, str_lit};
use crate::export::ExportError;

/// The text of page `n`'s paragraphs: Dutch accents, "€", curly quotes and words that
/// typst sets with the fi/fl/ffi ligatures.
pub fn page_paragraphs(n: u32) -> Vec<String> {
    vec![
        format!(
            "Op pagina {n} stelt de raad dat één cluster per domein \u{201c}te smal\u{201d} is voor de financiële middelen van € 650.000 per jaar."
        ),
        format!(
            "De officiële efficiëntie van het beleid vraagt een flexibele overgang; de raad ziet coöperatie met de universiteiten als noodzakelijk (punt {n})."
        ),
        "Daarnaast pleit de raad voor reële afspraken over de financiering en een evaluatie na drie jaar, zodat de clusters hun werking kunnen bijsturen.".to_owned(),
    ]
}

/// A PDF of `pages` pages, page `n` holding [`page_paragraphs`]`(n)`, one column and
/// nothing around it.
pub fn plain_advice_pdf(pages: u32) -> Result<Vec<u8>, ExportError> {
    let mut markup = String::from(
        "#set page(paper: \"a4\", margin: 2.5cm)\n#set text(font: \"DejaVu Sans\", size: 10pt, lang: \"nl\", hyphenate: false)\n",
    );
    for n in 1..=pages {
        if n > 1 {
            markup.push_str("#pagebreak()\n");
        }
        for paragraph in page_paragraphs(n) {
            markup.push_str(&format!("#{}\n\n", str_lit(&paragraph)));
        }
    }
    from_markup(markup)
}

/// A PDF of `pages` pages in two columns, with a running header ("VARIO — advies 36"),
/// a footer with the page number, and on each page a footnote; page `n` holds
/// [`page_paragraphs`]`(n)` in the first column and a second part in the second.
pub fn two_column_advice_pdf(pages: u32) -> Result<Vec<u8>, ExportError> {
    let mut markup = String::from(
        "#set page(paper: \"a4\", margin: 2cm, columns: 2, header: [VARIO — advies 36], footer: context [Pagina #counter(page).display()])\n#set text(font: \"DejaVu Sans\", size: 10pt, lang: \"nl\", hyphenate: false)\n",
    );
    for n in 1..=pages {
        if n > 1 {
            markup.push_str("#pagebreak()\n");
        }
        for paragraph in page_paragraphs(n) {
            markup.push_str(&format!("#{}\n\n", str_lit(&paragraph)));
        }
        let second = str_lit(&format!(
            "Tweede kolom van pagina {n}: de raad vraagt een snelle beslissing."
        ));
        let note = str_lit("Zie het SERV-advies van 6 mei 2024.");
        markup.push_str(&format!("#colbreak()\n#{second}#footnote[#{note}]\n\n"));
    }
    from_markup(markup)
}

/// A PDF of `pages` full pages (about 2,000 characters each, as an advice has): page
/// `n` holds [`page_paragraphs`]`(n)` five times. For the import benchmark.
pub fn full_advice_pdf(pages: u32) -> Result<Vec<u8>, ExportError> {
    let mut markup = String::from(
        "#set page(paper: \"a4\", margin: 2.5cm)\n#set text(font: \"DejaVu Sans\", size: 10pt, lang: \"nl\")\n",
    );
    for n in 1..=pages {
        if n > 1 {
            markup.push_str("#pagebreak()\n");
        }
        for _ in 0..5 {
            for paragraph in page_paragraphs(n) {
                markup.push_str(&format!("#{}\n\n", str_lit(&paragraph)));
            }
        }
    }
    from_markup(markup)
}
