//! Long lists whose items are laid out only near the visible part of their scroll area.
//!
//! egui lays out every widget it is given, visible or not: a column of fifty argument
//! cards costs fifty text layouts per frame although six fit on the screen. An item
//! far from the view takes the height it had when it was last laid out, without
//! laying it out again.

use egui::{Id, Ui, vec2};

/// How far beyond the visible part items are still laid out, in points.
const NEAR: f32 = 120.0;

/// What an item looked like when it was last laid out.
#[derive(Clone, Copy)]
struct Extent {
    fingerprint: u64,
    width: f32,
    height: f32,
}

/// Shows `add` in a scope of its own, or, when the item is well away from the
/// visible part and unchanged since it was last laid out, only takes its
/// height.
///
/// `fingerprint` must change whenever the item's height may have (its text, mostly).
/// `keep` lays it out regardless: an item holding keyboard focus must stay, or egui
/// would take the focus away from it. An item never laid out is laid out, so that
/// Tab can reach it.
pub fn item(ui: &mut Ui, id: Id, fingerprint: u64, keep: bool, add: impl FnOnce(&mut Ui)) {
    let key = id.with("lazy-extent");
    let width = ui.available_width();
    if !keep
        && let Some(last) = ui.data(|d| d.get_temp::<Extent>(key))
        && last.fingerprint == fingerprint
        && (last.width - width).abs() < 0.5
        && skip_if_far(ui, width, last.height)
    {
        return;
    }
    measure(ui, key, fingerprint, width, add);
}

/// For read-only items (the preview): a far item takes the height it had when last
/// laid out, whatever changed since, or `estimate(width)` if it never was. Only the
/// items near the view are exact, which is all the eye and the scroll bar need.
pub(crate) fn item_estimated(
    ui: &mut Ui,
    id: Id,
    estimate: &dyn Fn(f32) -> f32,
    add: impl FnOnce(&mut Ui),
) {
    let key = id.with("lazy-extent");
    let width = ui.available_width();
    let height = match ui.data(|d| d.get_temp::<Extent>(key)) {
        Some(last) if (last.width - width).abs() < 0.5 => last.height,
        _ => {
            let height = estimate(width);
            remember(
                ui,
                key,
                Extent {
                    fingerprint: 0,
                    width,
                    height,
                },
            );
            height
        }
    };
    if !skip_if_far(ui, width, height) {
        measure(ui, key, 0, width, add);
    }
}

/// Takes the space of an item that is more than [`NEAR`] from the visible part, and
/// says whether it did.
fn skip_if_far(ui: &mut Ui, width: f32, height: f32) -> bool {
    let rect = egui::Rect::from_min_size(ui.cursor().min, vec2(width, height));
    // A margin on either side: Tab from the last visible item must find the next one
    // laid out (egui then scrolls to it), or a keyboard user could never leave the
    // visible part. The next item starts within an item spacing of the edge.
    let near = ui.clip_rect().expand2(vec2(0.0, NEAR));
    if near.intersects(rect) {
        return false;
    }
    ui.allocate_space(vec2(width, height));
    true
}

fn measure(ui: &mut Ui, key: Id, fingerprint: u64, width: f32, add: impl FnOnce(&mut Ui)) {
    let height = ui.scope(add).response.rect.height();
    remember(
        ui,
        key,
        Extent {
            fingerprint,
            width,
            height,
        },
    );
}

fn remember(ui: &Ui, key: Id, extent: Extent) {
    ui.data_mut(|d| d.insert_temp(key, extent));
}
