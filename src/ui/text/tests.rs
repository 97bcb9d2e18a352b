use super::*;

#[test]
fn both_languages_fill_every_text() {
    for (name, table) in [("NL", &NL), ("EN", &EN)] {
        for text in table.all() {
            assert!(!text.trim().is_empty(), "{name} has an empty text");
        }
    }
    assert_eq!(NL.all().len(), EN.all().len());
}

/// The `{name}` placeholders of a text, in order of appearance.
fn placeholders(text: &str) -> Vec<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

#[test]
fn texts_with_placeholders_have_the_same_ones_in_both_languages() {
    for (nl, en) in NL.all().into_iter().zip(EN.all()) {
        let (mut a, mut b) = (placeholders(nl), placeholders(en));
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b, "{nl:?} / {en:?}");
    }
    assert_eq!(placeholders(NL.said_assigned), ["cluster", "scenario"]);
    assert_eq!(
        placeholders(EN.recovery_damaged),
        ["of", "when", "problem", "file"]
    );
}

/// egui's bundled font lacks e.g. arrows (←), and a missing glyph stops the window
/// in a debug build: every text must be drawable with what ships.
#[test]
fn every_text_has_its_glyphs_in_the_bundled_font() {
    let ctx = egui::Context::default();
    // The first pass loads the fonts; its textures are not drawn anywhere.
    ctx.run_ui(egui::RawInput::default(), |_| {})
        .textures_delta
        .clear();
    let font = egui::FontId::proportional(14.0);
    for table in [&NL, &EN] {
        for text in table.all() {
            let missing: Vec<char> = ctx.fonts_mut(|fonts| {
                text.chars()
                    .filter(|c| !c.is_whitespace() && !fonts.has_glyph(&font, *c))
                    .collect()
            });
            assert!(missing.is_empty(), "{text:?} needs {missing:?}");
        }
    }
}

#[test]
fn commands_that_open_a_dialog_end_in_an_ellipsis() {
    for table in [&NL, &EN] {
        assert!(table.open.ends_with('…'));
        assert!(table.save_as.ends_with('…'));
        assert!(table.export.ends_with('…'));
    }
}

#[test]
fn export_formats_and_sections_are_named_in_their_own_order() {
    use crate::export::{Format, Section};
    // The Dutch table must say what the export itself calls them, in `ALL`'s order.
    for format in Format::ALL {
        assert_eq!(NL.format(format), format.dutch());
    }
    for section in Section::ALL {
        assert_eq!(NL.section(section), section.dutch());
    }
    let english: std::collections::HashSet<_> =
        Section::ALL.iter().map(|s| EN.section(*s)).collect();
    assert_eq!(english.len(), Section::ALL.len());
    assert_eq!(EN.format(Format::Html), "Web page (HTML)");
}
