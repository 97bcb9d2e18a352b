//! How a used passage looks in the reader: a background colour per kind AND a
//! decoration (underlined, italic, both, neither), so that colour is never the only
//! way to tell them apart; the legend and the list of the page's marks say it in
//! words.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Stroke, Ui};

use crate::model::marks::{Mark, MarkKind};

use super::text::ReaderText;

/// The background of a used passage: light tints in a light theme, dark ones in a
/// dark theme, so the text on them keeps its contrast.
pub(crate) fn fill(kind: MarkKind, dark: bool) -> Color32 {
    match (kind, dark) {
        (MarkKind::Pro, false) => Color32::from_rgb(0xc8, 0xec, 0xd2),
        (MarkKind::Contra, false) => Color32::from_rgb(0xf8, 0xcf, 0xd4),
        (MarkKind::Stance, false) => Color32::from_rgb(0xcd, 0xdf, 0xf7),
        (MarkKind::Theme, false) => Color32::from_rgb(0xe6, 0xd4, 0xf3),
        (MarkKind::Pro, true) => Color32::from_rgb(0x1d, 0x4d, 0x2e),
        (MarkKind::Contra, true) => Color32::from_rgb(0x5c, 0x1f, 0x28),
        (MarkKind::Stance, true) => Color32::from_rgb(0x1c, 0x3a, 0x63),
        (MarkKind::Theme, true) => Color32::from_rgb(0x45, 0x27, 0x5c),
    }
}

/// `base` with the kind's colour and decoration.
pub(crate) fn format(kind: MarkKind, base: &TextFormat, dark: bool) -> TextFormat {
    let line = Stroke::new(1.5, base.color);
    let mut format = base.clone();
    format.background = fill(kind, dark);
    match kind {
        MarkKind::Pro => format.underline = line,
        MarkKind::Contra => format.italics = true,
        MarkKind::Stance => {
            format.underline = line;
            format.italics = true;
        }
        MarkKind::Theme => {}
    }
    format
}

pub(crate) fn name(kind: MarkKind, r: &ReaderText) -> &'static str {
    match kind {
        MarkKind::Pro => r.kind_pro,
        MarkKind::Contra => r.kind_contra,
        MarkKind::Stance => r.kind_stance,
        MarkKind::Theme => r.kind_theme,
    }
}

fn style_words(kind: MarkKind, r: &ReaderText) -> &'static str {
    match kind {
        MarkKind::Pro => r.style_pro,
        MarkKind::Contra => r.style_contra,
        MarkKind::Stance => r.style_stance,
        MarkKind::Theme => r.style_theme,
    }
}

/// The text of a sheet as a layout job: plain, except the marked character ranges
/// (`(start, end, kind)`, in characters of `text`, sorted by start; overlaps go to the
/// first). Byte offsets are found once, walking the text.
pub(crate) fn layout(
    text: &str,
    ranges: &[(usize, usize, MarkKind)],
    base: &TextFormat,
    dark: bool,
    wrap_width: f32,
) -> LayoutJob {
    let mut job = LayoutJob {
        text: text.to_owned(),
        ..LayoutJob::default()
    };
    job.wrap.max_width = wrap_width;
    // One walk through the text: the ranges come sorted, so each byte offset is
    // found from where the previous one was.
    let mut walker = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .enumerate()
        .peekable();
    let mut byte_at = |target: usize| -> usize {
        while let Some(&(i, b)) = walker.peek() {
            if i >= target {
                return b;
            }
            walker.next();
        }
        text.len()
    };
    let (mut done_char, mut done_byte) = (0, 0);
    for &(start, end, kind) in ranges {
        let start = start.max(done_char);
        if end <= start {
            continue;
        }
        let from = byte_at(start);
        let to = byte_at(end);
        push(&mut job, done_byte, from, base.clone());
        push(&mut job, from, to, format(kind, base, dark));
        (done_char, done_byte) = (end, to);
    }
    push(&mut job, done_byte, text.len(), base.clone());
    job
}

fn push(job: &mut LayoutJob, from: usize, to: usize, format: TextFormat) {
    if to > from {
        job.sections.push(egui::text::LayoutSection {
            leading_space: 0.0,
            byte_range: egui::text::ByteIndex(from)..egui::text::ByteIndex(to),
            format,
        });
    }
}

/// The legend: each kind's sample in its own look, its name and its look in words.
pub(crate) fn legend(ui: &mut Ui, r: &ReaderText) {
    let dark = ui.visuals().dark_mode;
    let base = TextFormat::simple(FontId::proportional(14.0), ui.visuals().text_color());
    ui.label(egui::RichText::new(r.legend).strong());
    for kind in MarkKind::ALL {
        let mut job = LayoutJob::default();
        job.append(name(kind, r), 0.0, format(kind, &base, dark));
        job.append(&format!(" — {}", style_words(kind, r)), 0.0, base.clone());
        ui.label(job);
    }
}

/// One line per mark on the page: its kind in words and the quoted words.
pub(crate) fn list(
    ui: &mut Ui,
    r: &ReaderText,
    marks: &[Mark],
    quote_of: impl Fn(&Mark) -> String,
) {
    ui.label(egui::RichText::new(r.on_this_page).strong());
    for mark in marks {
        ui.add(
            egui::Label::new(format!(
                "[{}] \u{201c}{}\u{201d}",
                name(mark.kind, r),
                quote_of(mark)
            ))
            .truncate(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_ranges_become_sections_on_character_boundaries() {
        let base = TextFormat::default();
        let text = "één “smal” woord";
        let job = layout(text, &[(4, 10, MarkKind::Contra)], &base, false, 100.0);
        let parts: Vec<&str> = job
            .sections
            .iter()
            .map(|s| &text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(parts, vec!["één ", "“smal”", " woord"]);
        assert!(job.sections[1].format.italics);
        assert!(!job.sections[0].format.italics);
        // Overlapping and out-of-range marks never split a character or panic.
        let job = layout(
            text,
            &[(0, 5, MarkKind::Pro), (3, 99, MarkKind::Theme)],
            &base,
            false,
            100.0,
        );
        let joined: String = job
            .sections
            .iter()
            .map(|s| &text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(joined, text);
    }
}
