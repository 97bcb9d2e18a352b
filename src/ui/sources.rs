//! How a source looks on an argument's badge. Each source has its own colour, taken
//! from what the source *is* (own analysis, or the body's place in the list), never
//! from its name in one language: "Eigen analyse" and "Own analysis" look the same, and
//! two bodies whose names happened to hash alike no longer share a purple. The badge
//! always carries the name in text, so colour is never the only way to tell.

use egui::Color32;

use crate::model::{Source, Workspace};

/// Fills for the bodies, in list order; each carries white text at 4.5:1 or better
/// (WCAG AA for normal text), checked by the tests below.
const BODY_FILLS: [Color32; 8] = [
    Color32::from_rgb(0x1f, 0x5f, 0xa8), // blue
    Color32::from_rgb(0x1d, 0x6b, 0x45), // green
    Color32::from_rgb(0xa8, 0x32, 0x4f), // crimson
    Color32::from_rgb(0x7a, 0x3e, 0x9d), // purple
    Color32::from_rgb(0x8a, 0x55, 0x00), // ochre
    Color32::from_rgb(0x00, 0x66, 0x70), // teal
    Color32::from_rgb(0x5b, 0x4a, 0xc4), // indigo
    Color32::from_rgb(0x9a, 0x3f, 0x12), // rust
];

/// Own analysis: a neutral slate, unlike any body's.
const OWN_ANALYSIS: Color32 = Color32::from_rgb(0x3d, 0x46, 0x52);

/// The badge's fill for a source. A body no longer in the workspace gets grey.
pub(crate) fn source_colour(ws: &Workspace, source: Source) -> Color32 {
    match source {
        Source::OwnAnalysis => OWN_ANALYSIS,
        Source::Body(id) => ws
            .bodies
            .iter()
            .position(|b| b.id == id)
            .and_then(|i| BODY_FILLS.get(i % BODY_FILLS.len()))
            .copied()
            .unwrap_or(Color32::from_gray(0x55)),
    }
}

/// What a source's badge says on hover and to a screen reader: the body's full name
/// written out after its short name ("VARIO – Vlaamse Adviesraad voor Innoveren en
/// Ondernemen"); own analysis as it is.
pub(crate) fn source_full_name(ws: &Workspace, source: Source, own_analysis: &str) -> String {
    match source {
        Source::OwnAnalysis => own_analysis.to_owned(),
        Source::Body(id) => match ws.body(id) {
            Some(b) if !b.full_name.is_empty() && b.full_name != b.short_name => {
                format!("{} – {}", b.short_name, b.full_name)
            }
            _ => ws.source_name(source),
        },
    }
}

/// WCAG relative luminance of a colour (0 black … 1 white).
pub(crate) fn luminance(c: Color32) -> f64 {
    let channel = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.039_28 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
}

/// WCAG contrast ratio between two colours (1 … 21).
pub(crate) fn contrast(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// Black or white, whichever has the higher contrast on `fill`.
pub(crate) fn text_on(fill: Color32) -> Color32 {
    if contrast(fill, Color32::WHITE) >= contrast(fill, Color32::BLACK) {
        Color32::WHITE
    } else {
        Color32::BLACK
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fill_carries_its_text_at_aa_contrast() {
        for fill in BODY_FILLS.iter().chain([&OWN_ANALYSIS]) {
            let ratio = contrast(*fill, text_on(*fill));
            assert!(ratio >= 4.5, "{fill:?}: {ratio:.2}");
        }
    }

    #[test]
    fn each_source_of_the_green_paper_has_its_own_colour_in_either_language() {
        let ws = crate::store::default_workspace();
        let mut sources = vec![Source::OwnAnalysis];
        sources.extend(ws.bodies.iter().map(|b| Source::Body(b.id)));
        assert!(sources.len() <= BODY_FILLS.len() + 1, "{}", sources.len());
        let colours: Vec<Color32> = sources.iter().map(|s| source_colour(&ws, *s)).collect();
        for (i, a) in colours.iter().enumerate() {
            for b in colours.iter().skip(i + 1) {
                assert_ne!(a, b, "two sources share a colour");
            }
        }
        // The colour follows the source, not a name in one language.
        let vario = ws.bodies.iter().find(|b| b.short_name == "VARIO").unwrap();
        assert!(source_full_name(&ws, Source::Body(vario.id), "").starts_with("VARIO – "));
    }
}
