//! The "Samenvatting" view: the communication as it will be exported, drawn from the
//! same `Document` every writer walks. What you see here is what gets exported.

use egui::text::LayoutJob;
use egui::{FontId, RichText, TextFormat, Ui};

use crate::export::{Block, Document, Run, RunStyle, Table};

use super::lazy;
use super::state::Frame;

pub fn show(ui: &mut Ui, f: &Frame<'_>, doc: &Document) {
    let t = f.t;
    ui.label(RichText::new(t.preview_hint).weak());
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("preview")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let paper = if ui.visuals().dark_mode {
                egui::Color32::from_gray(32)
            } else {
                egui::Color32::WHITE
            };
            egui::Frame::new()
                .fill(paper)
                .inner_margin(egui::Margin::symmetric(40, 28))
                .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
                .show(ui, |ui| {
                    super::widgets::fit_width(ui, 760.0);
                    if doc.meta.confidential {
                        ui.label(
                            RichText::new(crate::export::document::CONFIDENTIAL_MARK)
                                .color(ui.visuals().warn_fg_color)
                                .strong(),
                        );
                    }
                    // A large consultation's communication runs to thousands of table
                    // rows: only the blocks and rows near the view are laid out. The
                    // preview is read-only, so a far block's last height (or an estimate)
                    // is all the scroll bar needs.
                    let line = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
                    // A lazily drawn block still needs its first note's number: count
                    // the notes of the blocks before it (a pass over runs, no layout).
                    let mut notes_before = 0;
                    for (index, block) in doc.blocks.iter().enumerate() {
                        let id = ui.make_persistent_id(("preview-block", index));
                        let estimate = |width: f32| estimated_height(block, width, line);
                        let first_note = notes_before;
                        lazy::item_estimated(ui, id, &estimate, |ui| {
                            block_ui(ui, block, index, first_note)
                        });
                        notes_before += notes_in(block);
                    }
                    notes_ui(ui, doc, line);
                });
        });
}

/// A rough height for a block never laid out: lines of text at an average letter width.
fn estimated_height(block: &Block, width: f32, line: f32) -> f32 {
    let lines = |chars: usize| (chars as f32 * 7.0 / width.max(100.0)).ceil().max(1.0);
    let runs = |runs: &[Run]| runs.iter().map(|r| r.text.chars().count()).sum::<usize>();
    match block {
        Block::Title(_) => 3.0 * line,
        Block::Heading { .. } => 2.0 * line,
        Block::Paragraph(r) | Block::Note(r) => lines(runs(r)) * line + 4.0,
        Block::BulletList(items) => items.iter().map(|i| lines(runs(i)) * line).sum(),
        Block::Table(table) => (table.rows.len() as f32 + 2.0) * line,
        Block::Chart(chart) => (chart.table.rows.len() as f32 + 2.0) * line,
        Block::Signature { .. } => 5.0 * line,
    }
}

fn notes_in(block: &Block) -> usize {
    let count = |runs: &[Run]| {
        runs.iter()
            .filter(|r| r.style == RunStyle::Footnote)
            .count()
    };
    match block {
        Block::Paragraph(runs) | Block::Note(runs) => count(runs),
        Block::BulletList(items) => items.iter().map(|i| count(i)).sum(),
        _ => 0,
    }
}

/// "Noten" and the numbered notes, as the text and HTML exports end.
fn notes_ui(ui: &mut Ui, doc: &Document, line: f32) {
    let notes = doc.footnotes();
    if notes.is_empty() {
        return;
    }
    ui.add_space(14.0);
    ui.separator();
    ui.label(RichText::new("Noten").size(15.5).strong());
    for (i, note) in notes.iter().enumerate() {
        let id = ui.make_persistent_id(("preview-note", i));
        lazy::item_estimated(ui, id, &|_| line, |ui| {
            ui.label(RichText::new(format!("[{}] {note}", i + 1)).size(12.0));
        });
    }
}

fn block_ui(ui: &mut Ui, block: &Block, index: usize, first_note: usize) {
    let mut notes = first_note;
    match block {
        Block::Title(text) => {
            ui.add_space(8.0);
            ui.label(RichText::new(text).size(20.0).strong());
            ui.add_space(6.0);
        }
        Block::Heading { level, text } => {
            ui.add_space(if *level == 1 { 14.0 } else { 8.0 });
            let size = match level {
                1 => 18.0,
                2 => 15.5,
                _ => 14.0,
            };
            ui.label(RichText::new(text).size(size).strong());
        }
        Block::Paragraph(runs) => {
            ui.label(runs_job(ui, runs, 14.0, &mut notes));
            ui.add_space(4.0);
        }
        Block::Note(runs) => {
            ui.label(runs_job(ui, runs, 12.0, &mut notes));
        }
        Block::BulletList(items) => {
            for item in items {
                ui.horizontal_wrapped(|ui| {
                    ui.label("•");
                    ui.label(runs_job(ui, item, 14.0, &mut notes));
                });
            }
            ui.add_space(4.0);
        }
        Block::Table(table) => {
            if let Some(caption) = &table.caption {
                ui.label(RichText::new(caption).italics());
            }
            table_ui(ui, table, index);
            ui.add_space(6.0);
        }
        // The window draws the charts in their own view; here the title and the numbers.
        Block::Chart(chart) => {
            ui.label(RichText::new(&chart.title).italics());
            table_ui(ui, &chart.table, index);
            ui.add_space(6.0);
        }
        Block::Signature { title, name } => {
            ui.add_space(16.0);
            ui.label(RichText::new(title).strong());
            ui.add_space(18.0);
            ui.label(RichText::new(name).strong());
        }
    }
}

/// A table whose rows are laid out lazily, so its columns cannot be measured from all
/// rows each frame (as `egui::Grid` does): they share the width in proportion to the
/// longest text of the header and the first rows.
fn table_ui(ui: &mut Ui, table: &Table, index: usize) {
    // A digit is about 0.6 of the font's size wide in the body font.
    let char_width = ui.text_style_height(&egui::TextStyle::Body) * 0.6;
    let widths = column_widths(
        table,
        ui.available_width(),
        ui.spacing().item_spacing.x,
        char_width,
    );
    row_ui(ui, &table.header, &widths, true);
    let line = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    for (number, row) in table.rows.iter().enumerate() {
        let id = ui.make_persistent_id(("preview-row", index, number));
        lazy::item_estimated(ui, id, &|_| line, |ui| {
            let stripe = ui.painter().add(egui::Shape::Noop);
            let rect = row_ui(ui, row, &widths, false);
            if number % 2 == 0 {
                let fill = ui.visuals().faint_bg_color;
                ui.painter().set(
                    stripe,
                    egui::Shape::rect_filled(rect.expand(1.0), 0.0, fill),
                );
            }
        });
    }
}

fn row_ui(ui: &mut Ui, cells: &[String], widths: &[f32], header: bool) -> egui::Rect {
    ui.horizontal_top(|ui| {
        for (cell, width) in cells.iter().zip(widths) {
            ui.allocate_ui_with_layout(
                egui::vec2(*width, 0.0),
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    ui.set_width(*width);
                    let text = if header {
                        RichText::new(cell).strong()
                    } else {
                        RichText::new(cell)
                    };
                    ui.add(egui::Label::new(text).wrap());
                },
            );
        }
    })
    .response
    .rect
}

/// Column widths in proportion to each column's longest text among the header and the
/// first rows (clamped, so one long cell does not starve the others).
/// No column is narrower than its widest unbreakable word (an amount such as
/// "€ 650.000", held together by a no-break space, up to 16 characters): egui breaks a
/// word that does not fit at its punctuation, which split "650." from "000".
fn column_widths(table: &Table, available: f32, gap: f32, char_width: f32) -> Vec<f32> {
    const SAMPLE: usize = 200;
    let columns = table.columns().max(table.header.len()).max(1);
    let mut longest = vec![4usize; columns];
    let mut word = vec![0usize; columns];
    for row in std::iter::once(&table.header).chain(table.rows.iter().take(SAMPLE)) {
        for (column, cell) in row.iter().enumerate() {
            if let Some(l) = longest.get_mut(column) {
                *l = (*l).max(cell.chars().count().min(60));
            }
            if let Some(w) = word.get_mut(column) {
                *w = (*w).max(widest_word(cell).min(16));
            }
        }
    }
    let total: usize = longest.iter().sum();
    let room = (available - gap * (columns as f32 - 1.0)).max(60.0 * columns as f32);
    longest
        .iter()
        .zip(&word)
        .map(|(&l, &w)| {
            (room * l as f32 / total.max(1) as f32)
                .max(60.0)
                .max(w as f32 * char_width)
        })
        .collect()
}

/// The length in characters of the longest run without a place egui breaks a line at
/// (a no-break space joins, as in the document's amounts).
fn widest_word(text: &str) -> usize {
    text.split(|c: char| c.is_whitespace() && c != '\u{a0}' || c == '-')
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
}

/// The runs as one wrapped text; a footnote is its number, small and raised, as
/// "[n]" so it reads the same as in the text export.
fn runs_job(ui: &Ui, runs: &[Run], size: f32, notes: &mut usize) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width();
    let colour = ui.visuals().text_color();
    for run in runs {
        let mut format = TextFormat {
            font_id: FontId::proportional(size),
            color: colour,
            ..TextFormat::default()
        };
        match run.style {
            RunStyle::Plain => {}
            RunStyle::Bold => format.color = ui.visuals().strong_text_color(),
            RunStyle::Italic => format.italics = true,
            RunStyle::Footnote => {
                *notes += 1;
                format.font_id = FontId::proportional(size * 0.75);
                format.valign = egui::Align::TOP;
                job.append(&format!("[{notes}]"), 0.0, format);
                continue;
            }
        }
        job.append(&run.text, 0.0, format);
    }
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows of `text` laid out by egui at `width` points.
    fn rows(text: &str, width: f32) -> Vec<String> {
        let ctx = egui::Context::default();
        let mut rows = Vec::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let mut job = LayoutJob::simple(
                text.to_owned(),
                FontId::proportional(14.0),
                egui::Color32::BLACK,
                width,
            );
            job.wrap.max_width = width;
            let galley = ui.fonts_mut(|f| f.layout_job(job));
            rows = galley.rows.iter().map(|r| r.text()).collect();
        });
        // Nothing draws these glyphs; the font atlas's update is let go on purpose.
        output.textures_delta.clear();
        rows
    }

    #[test]
    fn egui_keeps_a_no_break_space_together() {
        let text = "de steun bedraagt maximaal €\u{a0}650.000 per jaar";
        let widths = [120.0, 140.0, 160.0, 180.0, 200.0, 220.0, 240.0];
        let split = |text: &str, width: f32| {
            rows(text, width)
                .iter()
                .any(|row| row.trim_end().ends_with('€') || row.starts_with("650"))
        };
        // With a plain space, one of these widths does part them: the widths reach the spot.
        let plain = text.replace('\u{a0}', " ");
        assert!(widths.iter().any(|w| split(&plain, *w)));
        for width in widths {
            assert!(!split(text, width), "{width}: {:?}", rows(text, width));
        }
    }

    #[test]
    fn a_column_is_never_narrower_than_its_amounts() {
        let table = Table {
            header: vec!["Cluster".into(), "Bedrag".into()],
            rows: vec![vec![
                "Een cluster met een heel lange naam die veel ruimte vraagt".into(),
                "€\u{a0}650.000".into(),
            ]],
            ..Table::default()
        };
        let widths = column_widths(&table, 300.0, 8.0, 8.4);
        assert!(widths[1] >= 9.0 * 8.4, "{widths:?}");
        assert_eq!(widest_word("maximaal €\u{a0}650.000"), 9);
    }
}
