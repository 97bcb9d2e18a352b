//! The "Samenvatting" view: the communication as it will be exported, drawn from the
//! same `Document` every writer walks. What you see here is what gets exported.

use egui::text::LayoutJob;
use egui::{FontId, RichText, TextFormat, Ui};

use crate::export::{Block, Document, Run, RunStyle};

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
                    for block in &doc.blocks {
                        block_ui(ui, block);
                    }
                });
        });
}

fn block_ui(ui: &mut Ui, block: &Block) {
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
            ui.label(runs_job(ui, runs, 14.0));
            ui.add_space(4.0);
        }
        Block::Note(runs) => {
            ui.label(runs_job(ui, runs, 12.0));
        }
        Block::BulletList(items) => {
            for item in items {
                ui.horizontal_wrapped(|ui| {
                    ui.label("•");
                    ui.label(runs_job(ui, item, 14.0));
                });
            }
            ui.add_space(4.0);
        }
        Block::Table(table) => {
            if let Some(caption) = &table.caption {
                ui.label(RichText::new(caption).italics());
            }
            let id = ui.make_persistent_id(("preview-table", &table.header, table.rows.len()));
            super::widgets::sideways(ui, id, |ui| {
                egui::Grid::new(id).striped(true).show(ui, |ui| {
                    for cell in &table.header {
                        ui.label(RichText::new(cell).strong());
                    }
                    ui.end_row();
                    for row in &table.rows {
                        for cell in row {
                            ui.label(cell);
                        }
                        ui.end_row();
                    }
                });
            });
            ui.add_space(6.0);
        }
        // The window draws the charts in their own view; here the title and the numbers.
        Block::Chart(chart) => {
            ui.label(RichText::new(&chart.title).italics());
            let id = ui.make_persistent_id(("preview-chart", &chart.title));
            super::widgets::sideways(ui, id, |ui| {
                egui::Grid::new(id).striped(true).show(ui, |ui| {
                    for cell in &chart.table.header {
                        ui.label(RichText::new(cell).strong());
                    }
                    ui.end_row();
                    for row in &chart.table.rows {
                        for cell in row {
                            ui.label(cell);
                        }
                        ui.end_row();
                    }
                });
            });
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

fn runs_job(ui: &Ui, runs: &[Run], size: f32) -> LayoutJob {
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
        }
        job.append(&run.text, 0.0, format);
    }
    job
}
