//! Rasterises the charts' SVG to PNG for the DOCX export, which cannot embed SVG for
//! every reader. The font comes in as bytes (the program ships its own), so the
//! pictures look the same on every machine and nothing is read from the system.

use resvg::{tiny_skia, usvg};

#[derive(Debug, thiserror::Error)]
pub enum RasterError {
    #[error("het lettertype voor de grafieken kon niet gelezen worden")]
    Font,
    #[error("de grafiek kon niet gelezen worden: {0}")]
    Svg(String),
    #[error("de grafiek is te groot of leeg om als afbeelding te tekenen")]
    Size,
    #[error("de afbeelding kon niet gemaakt worden: {0}")]
    Png(String),
}

/// Draws `svg` at `scale` (2.0 for print-sharp images) with the given TrueType/OpenType
/// font for every text, and returns PNG bytes. Deterministic: same input, same bytes.
pub fn svg_to_png(svg: &str, font: &[u8], scale: f32) -> Result<Vec<u8>, RasterError> {
    svg_to_png_shown(svg, font, scale, |_, _| 1.0).map(|(png, _)| png)
}

/// [`svg_to_png`] for a picture shown smaller than its SVG size: `shown(width, height)`
/// gives, for the SVG's size in pixels, the factor (at most 1) it is shown at, and the
/// picture is drawn at `scale` times that size: as sharp in print, without the pixels
/// nobody sees (a tall timeline of 200 clusters, shown half a page high, was drawn at
/// ten times the resolution of the page). Returns the PNG and the scale it was drawn at.
pub fn svg_to_png_shown(
    svg: &str,
    font: &[u8],
    scale: f32,
    shown: impl Fn(f32, f32) -> f32,
) -> Result<(Vec<u8>, f32), RasterError> {
    let mut options = usvg::Options::default();
    let database = options.fontdb_mut();
    database.load_font_data(font.to_vec());
    let family = database
        .faces()
        .next()
        .and_then(|face| face.families.first())
        .map(|(name, _)| name.clone())
        .ok_or(RasterError::Font)?;
    // Whatever family the SVG asks for, this is the one there is.
    database.set_sans_serif_family(family.clone());
    database.set_serif_family(family.clone());
    options.font_family = family;

    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| RasterError::Svg(e.to_string()))?;
    let (width, height) = (tree.size().width(), tree.size().height());
    let factor = shown(width, height);
    let scale = if factor.is_finite() && factor > 0.0 {
        scale * factor.min(1.0)
    } else {
        scale
    };
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or(RasterError::Size)?;
    // 16k × 16k pixels is already a gigabyte; a chart never needs that.
    if size.width() > 16_384 || size.height() > 16_384 {
        return Err(RasterError::Size);
    }
    let mut pixmap =
        tiny_skia::Pixmap::new(size.width(), size.height()).ok_or(RasterError::Size)?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let png = encode(&pixmap).map_err(|e| RasterError::Png(e.to_string()))?;
    Ok((png, scale))
}

/// The picture as an 8-bit RGB PNG with the fast deflate. The pixmap was filled white
/// before drawing, so it is opaque: no alpha channel to store, and its premultiplied
/// pixels are the plain colours.
fn encode(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let data = pixmap.data();
    let mut rgb = Vec::with_capacity(data.len() / 4 * 3);
    for pixel in data.chunks_exact(4) {
        if let Some(colour) = pixel.get(..3) {
            rgb.extend_from_slice(colour);
        }
    }
    let mut out = Vec::with_capacity(rgb.len() / 8);
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgb)?;
    writer.finish()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::svg::all_charts;
    use super::super::tests::with_advice;
    use super::*;

    const DEJAVU: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    fn font() -> Vec<u8> {
        std::fs::read(DEJAVU).expect("fonts-dejavu-core is installed (see .ci/run)")
    }

    #[test]
    fn every_chart_rasterises_deterministically_with_text() {
        let font = font();
        let charts = all_charts(&with_advice(), jiff::civil::date(2026, 3, 1));
        for chart in &charts {
            let png = svg_to_png(&chart.svg, &font, 1.0).unwrap();
            assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{}", chart.title);
            assert_eq!(
                png,
                svg_to_png(&chart.svg, &font, 1.0).unwrap(),
                "{}",
                chart.title
            );
        }
        // Text is drawn: the same chart without its texts gives a different picture.
        let budget = &charts[0];
        let without_text: String = budget
            .svg
            .lines()
            .filter(|l| !l.starts_with("<text"))
            .collect::<Vec<_>>()
            .join("\n");
        assert_ne!(
            svg_to_png(&budget.svg, &font, 1.0).unwrap(),
            svg_to_png(&without_text, &font, 1.0).unwrap()
        );
    }

    #[test]
    fn scale_sets_the_pixel_size() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"><rect width=\"10\" height=\"10\"/></svg>";
        let png = svg_to_png(svg, &font(), 2.0).unwrap();
        // The IHDR chunk holds width and height, big-endian, at bytes 16..24.
        assert_eq!(&png[16..24], &[0, 0, 0, 80, 0, 0, 0, 40]);
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert!(matches!(
            svg_to_png("<svg", &font(), 1.0),
            Err(RasterError::Svg(_))
        ));
        let ok = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>";
        assert!(matches!(
            svg_to_png(ok, b"not a font", 1.0),
            Err(RasterError::Font)
        ));
        assert!(matches!(
            svg_to_png(ok, &font(), 0.0),
            Err(RasterError::Size)
        ));
    }
}
