//! One calm look: consistent spacing and one accent colour, in light and dark.

use egui::{Color32, Context, Visuals};

/// The accent: a sober Flemish-government blue.
pub(crate) const ACCENT: Color32 = Color32::from_rgb(0x1f, 0x5f, 0xa8);
const ACCENT_DARK: Color32 = Color32::from_rgb(0x6f, 0xa8, 0xe8);

pub fn apply(ctx: &Context, dark: bool, high_contrast: bool) {
    let mut visuals = if dark {
        Visuals::dark()
    } else {
        Visuals::light()
    };
    let accent = if dark { ACCENT_DARK } else { ACCENT };
    visuals.selection.bg_fill = accent.gamma_multiply(if dark { 0.45 } else { 0.25 });
    visuals.selection.stroke.color = accent;
    visuals.hyperlink_color = accent;
    if high_contrast {
        // Pure black on white (or white on black), solid borders and a thick focus
        // ring: for low vision and for projectors in bright meeting rooms.
        let (ink, paper) = if dark {
            (Color32::WHITE, Color32::BLACK)
        } else {
            (Color32::BLACK, Color32::WHITE)
        };
        visuals.override_text_color = Some(ink);
        visuals.panel_fill = paper;
        visuals.window_fill = paper;
        visuals.extreme_bg_color = paper;
        visuals.faint_bg_color = paper;
        for widget in [
            &mut visuals.widgets.noninteractive,
            &mut visuals.widgets.inactive,
            &mut visuals.widgets.hovered,
            &mut visuals.widgets.active,
            &mut visuals.widgets.open,
        ] {
            widget.bg_stroke = egui::Stroke::new(1.5, ink);
            widget.fg_stroke = egui::Stroke::new(1.5, ink);
        }
        visuals.widgets.inactive.bg_fill = paper;
        visuals.widgets.inactive.weak_bg_fill = paper;
        visuals.selection.bg_fill = if dark {
            Color32::from_rgb(0x00, 0x3c, 0x8c)
        } else {
            Color32::from_rgb(0xff, 0xe0, 0x66)
        };
        visuals.selection.stroke = egui::Stroke::new(3.0, ink);
        visuals.warn_fg_color = if dark {
            Color32::from_rgb(0xff, 0xd0, 0x40)
        } else {
            Color32::from_rgb(0x8a, 0x3c, 0x00)
        };
    }
    ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    ctx.set_visuals(visuals);
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 3.0);
        style.spacing.interact_size.y = 22.0;
    });
}

/// Adds DejaVu Sans (shipped for the PDF export) behind egui's own font, for the
/// characters that font lacks: the ↑ ↓ of the argument cards, and whatever a person
/// pastes into a text. Without it egui draws empty boxes, differently per system.
pub(crate) fn install_fonts(ctx: &egui::Context) {
    let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
        .into_iter()
        .map(|family| egui::epaint::text::InsertFontFamily {
            family,
            priority: egui::epaint::text::FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(egui::epaint::text::FontInsert::new(
        "DejaVuSans",
        egui::FontData::from_static(crate::assets::FONT_REGULAR),
        families,
    ));
}
