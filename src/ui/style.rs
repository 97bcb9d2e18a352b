//! One calm look: consistent spacing and one accent colour, in light and dark.

use egui::{Color32, Context, Visuals};

/// The accent: a sober Flemish-government blue.
pub const ACCENT: Color32 = Color32::from_rgb(0x1f, 0x5f, 0xa8);
const ACCENT_DARK: Color32 = Color32::from_rgb(0x6f, 0xa8, 0xe8);

pub fn apply(ctx: &Context, dark: bool) {
    let mut visuals = if dark {
        Visuals::dark()
    } else {
        Visuals::light()
    };
    let accent = if dark { ACCENT_DARK } else { ACCENT };
    visuals.selection.bg_fill = accent.gamma_multiply(if dark { 0.45 } else { 0.25 });
    visuals.selection.stroke.color = accent;
    visuals.hyperlink_color = accent;
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
