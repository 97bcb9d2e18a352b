//! How a table fits an A4 page — orientation, font size, column widths, or a split
//! into column groups — decided once for the paged formats (PDF and DOCX) from the
//! advance widths of the embedded DejaVu faces. DejaVu Sans is wider than Calibri
//! and Carlito, so a width that fits DejaVu fits what Word or LibreOffice draws the
//! DOCX with. Also which characters the faces can draw (the PDF replaces the rest).

use super::document::Table;

/// Glyph coverage and advance widths of the embedded faces.
pub(crate) struct Metrics<'f> {
    regular: ttf_parser::Face<'f>,
    bold: ttf_parser::Face<'f>,
    faces: Vec<ttf_parser::Face<'f>>,
    /// Advance widths in font units of the characters most text is made of
    /// (see [`cached`]), regular and bold: a table of 20.000 arguments is measured
    /// per character, and a cmap lookup per character was most of a large export.
    advances: [Vec<f64>; 2],
}

/// U+0000–U+07FF (Latin to Arabic) and U+2000–U+20FF (punctuation, the euro sign).
const CACHED_LOW: u32 = 0x800;
const CACHED_PUNCTUATION: std::ops::Range<u32> = 0x2000..0x2100;

/// Where `c` sits in the advance tables, if it is cached.
fn cached(c: char) -> Option<usize> {
    let c = u32::from(c);
    let index = if c < CACHED_LOW {
        c
    } else if CACHED_PUNCTUATION.contains(&c) {
        CACHED_LOW + c - CACHED_PUNCTUATION.start
    } else {
        return None;
    };
    usize::try_from(index).ok()
}

/// A character's advance in font units; what the face lacks counts as 0,6 em.
fn advance(face: &ttf_parser::Face, c: char) -> f64 {
    face.glyph_index(c)
        .and_then(|g| face.glyph_hor_advance(g))
        .map_or(f64::from(face.units_per_em()) * 0.6, f64::from)
}

impl<'f> Metrics<'f> {
    pub(crate) fn new(regular: &'f [u8], bold: &'f [u8], others: &[&'f [u8]]) -> Option<Self> {
        let parse = |data: &'f [u8]| ttf_parser::Face::parse(data, 0).ok();
        let mut faces = vec![parse(regular)?, parse(bold)?];
        for data in others {
            faces.push(parse(data)?);
        }
        let (regular, bold) = (parse(regular)?, parse(bold)?);
        let table = |face: &ttf_parser::Face| -> Vec<f64> {
            (0..CACHED_LOW)
                .chain(CACHED_PUNCTUATION)
                .map(|c| char::from_u32(c).map_or(0.0, |c| advance(face, c)))
                .collect()
        };
        Some(Self {
            advances: [table(&regular), table(&bold)],
            regular,
            bold,
            faces,
        })
    }

    /// Whether typst can draw `c` with one of our faces (it falls back between them).
    /// PDF/A forbids the empty `.notdef` glyph, so what none covers must be replaced.
    pub(crate) fn covers(&self, c: char) -> bool {
        self.faces
            .iter()
            .any(|f| f.glyph_index(c).is_some_and(|g| g.0 != 0))
    }

    /// Width in points of one line of `text`, without kerning (which only narrows).
    pub(crate) fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let (face, table) = if bold {
            (&self.bold, &self.advances[1])
        } else {
            (&self.regular, &self.advances[0])
        };
        let per_unit = size / f64::from(face.units_per_em().max(1));
        let units: f64 = text
            .chars()
            .map(|c| {
                cached(c)
                    .and_then(|i| table.get(i).copied())
                    .unwrap_or_else(|| advance(face, c))
            })
            .sum();
        units * per_unit
    }
}

/// Cell padding on each side, in points.
pub(crate) const CELL_INSET: f64 = 3.0;
/// Runs of more letters than this without a space (pasted links, "WWWW…") may
/// break anywhere, so they do not count towards a column's minimum width.
pub(crate) const LONG_WORD: usize = 40;

/// The width of a format's text block in points, upright and on a turned A4 page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Page {
    pub portrait: f64,
    pub landscape: f64,
}

impl Page {
    /// A4 with the same margin `side` (points) left and right.
    pub(crate) const fn a4(side: f64) -> Self {
        Self {
            portrait: 595.28 - 2.0 * side,
            landscape: 841.89 - 2.0 * side,
        }
    }
}
/// Our width estimate ignores kerning and rounding in typst; this slack keeps a
/// column we call wide enough really wide enough.
const SLACK: f64 = 1.04;

/// Whether a cell is an amount, number, year or percentage: such a cell is set in
/// one piece ("€ 650.000" never split over two lines) and aligned right.
pub(crate) fn is_amount(cell: &str) -> bool {
    let cell = cell.trim();
    cell.chars().any(|c| c.is_ascii_digit())
        && cell.chars().count() <= 24
        && cell.chars().all(|c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    '€' | '.' | ',' | '%' | '+' | '-' | '\u{2212}' | '\u{2013}' | ' ' | '\u{a0}'
                )
        })
}

/// How a table is set: page orientation, font size and each column's width
/// (padding included) in points; `None` leaves a column to typst (`auto`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TableFit {
    pub landscape: bool,
    pub size: f64,
    pub columns: Vec<Option<f64>>,
}

/// Widths of one column: its longest line, and the least it needs (its widest
/// amount or longest word; longer "words" are broken anyway).
#[derive(Clone, Copy, Debug, Default)]
struct ColumnNeed {
    natural: f64,
    min: f64,
}

fn column_needs(
    metrics: &Metrics,
    header: &[String],
    rows: &[Vec<String>],
    columns: usize,
    size: f64,
) -> Vec<ColumnNeed> {
    let mut needs = vec![ColumnNeed::default(); columns];
    let cells = header.iter().enumerate().map(|(i, c)| (i, c, true)).chain(
        rows.iter()
            .flat_map(|r| r.iter().enumerate().map(|(i, c)| (i, c, false))),
    );
    for (i, cell, bold) in cells {
        let Some(need) = needs.get_mut(i) else {
            continue;
        };
        let natural = metrics.width(cell, size, bold) * SLACK;
        let min = if is_amount(cell) {
            natural
        } else {
            cell.split_whitespace()
                .filter(|w| w.chars().count() <= LONG_WORD)
                .map(|w| metrics.width(w, size, bold) * SLACK)
                .fold(0.0, f64::max)
        };
        need.natural = need.natural.max(natural);
        need.min = need.min.max(min);
    }
    needs
}

/// Column widths for `available` points, or `None` when even the narrowest
/// columns do not fit. Like a browser's automatic table layout: every column gets
/// its minimum, the room left is shared in proportion to what each would still like.
fn widths(needs: &[ColumnNeed], available: f64) -> Option<Vec<Option<f64>>> {
    let pad = 2.0 * CELL_INSET;
    let room = available - pad * needs.len() as f64;
    let natural: f64 = needs.iter().map(|n| n.natural).sum();
    let min: f64 = needs.iter().map(|n| n.min).sum();
    if natural <= room {
        return Some(vec![None; needs.len()]);
    }
    if min > room {
        return None;
    }
    let share = if natural > min {
        (room - min) / (natural - min)
    } else {
        0.0
    };
    Some(
        needs
            .iter()
            .map(|n| Some(n.min + (n.natural - n.min) * share + pad))
            .collect(),
    )
}

/// Upright at the body's table size first, then a size smaller, then on a turned
/// page, then smaller still.
const SMALLEST: f64 = 6.5;
const ATTEMPTS: [(bool, f64); 5] = [
    (false, 8.5),
    (false, 7.5),
    (true, 8.5),
    (true, 7.5),
    (true, SMALLEST),
];

/// The first way the table fits, or `None` when it is too wide even turned at the
/// smallest size (then it is split into column groups).
pub(crate) fn fit_table(
    metrics: &Metrics,
    page: Page,
    header: &[String],
    rows: &[Vec<String>],
    columns: usize,
) -> Option<TableFit> {
    // Widths grow in proportion to the size: measure once, scale per attempt.
    let at_one_point = column_needs(metrics, header, rows, columns, 1.0);
    ATTEMPTS.iter().find_map(|&(landscape, size)| {
        let needs: Vec<ColumnNeed> = at_one_point
            .iter()
            .map(|n| ColumnNeed {
                natural: n.natural * size,
                min: n.min * size,
            })
            .collect();
        let available = if landscape {
            page.landscape
        } else {
            page.portrait
        };
        widths(&needs, available).map(|columns| TableFit {
            landscape,
            size,
            columns,
        })
    })
}

/// Splits a table that fits no way into groups of columns, each repeating the
/// first (the row label), that fit on a turned page at the smallest size. Returns
/// the column indices of each group.
pub(crate) fn column_groups(
    metrics: &Metrics,
    page: Page,
    header: &[String],
    rows: &[Vec<String>],
    columns: usize,
) -> Vec<Vec<usize>> {
    let Some(&(_, size)) = ATTEMPTS.last() else {
        return vec![(0..columns).collect()];
    };
    let needs = column_needs(metrics, header, rows, columns, size);
    let pad = 2.0 * CELL_INSET;
    let label = needs.first().map_or(0.0, |n| n.min + pad);
    let mut groups = Vec::new();
    let mut group = vec![0];
    let mut used = label;
    for (i, need) in needs.iter().enumerate().skip(1) {
        let w = need.min + pad;
        // A group always takes at least one column besides the label.
        if used + w > page.landscape && group.len() > 1 {
            groups.push(std::mem::replace(&mut group, vec![0]));
            used = label;
        }
        group.push(i);
        used += w;
    }
    if group.len() > 1 || groups.is_empty() {
        groups.push(group);
    }
    groups
}

/// One table as a paged format sets it: the whole table, or one of its column
/// groups with "(deel n van m)" in the caption.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TablePart {
    pub caption: Option<String>,
    /// Indices of the table's columns in this part, in order.
    pub columns: Vec<usize>,
    pub fit: TableFit,
}

/// The one policy for tables on paper: the first way the whole table fits (see
/// [`fit_table`]); otherwise column groups, each repeating the first column, on
/// turned pages at the smallest size.
pub(crate) fn plan(metrics: &Metrics, page: Page, table: &Table) -> Vec<TablePart> {
    let columns = table.columns().max(1);
    if let Some(fit) = fit_table(metrics, page, &table.header, &table.rows, columns) {
        return vec![TablePart {
            caption: table.caption.clone(),
            columns: (0..columns).collect(),
            fit,
        }];
    }
    let groups = column_groups(metrics, page, &table.header, &table.rows, columns);
    let count = groups.len();
    groups
        .into_iter()
        .enumerate()
        .map(|(n, group)| {
            let caption = table.caption.as_deref().unwrap_or("Tabel");
            let header = pick(&table.header, &group);
            let rows: Vec<Vec<String>> = table.rows.iter().map(|r| pick(r, &group)).collect();
            // Each group alone fits a turned page at the smallest size.
            let fit = fit_table(metrics, page, &header, &rows, group.len()).unwrap_or(TableFit {
                landscape: true,
                size: SMALLEST,
                columns: vec![None; group.len()],
            });
            TablePart {
                caption: Some(format!("{caption} (deel {} van {count})", n + 1)),
                columns: group,
                fit,
            }
        })
        .collect()
}

/// The cells of `row` at `columns` (missing cells empty).
pub(crate) fn pick(row: &[String], columns: &[usize]) -> Vec<String> {
    columns
        .iter()
        .map(|&i| row.get(i).cloned().unwrap_or_default())
        .collect()
}

/// Each column's natural width (its longest line) plus padding, in points: what a
/// format that needs explicit widths gives the columns [`fit_table`] leaves `None`.
pub(crate) fn natural_widths(
    metrics: &Metrics,
    header: &[String],
    rows: &[Vec<String>],
    size: f64,
) -> Vec<f64> {
    let columns = header
        .len()
        .max(rows.iter().map(Vec::len).max().unwrap_or(0));
    column_needs(metrics, header, rows, columns, size)
        .iter()
        .map(|n| n.natural + 2.0 * CELL_INSET)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::{FONT_BOLD as BOLD, FONT_ITALIC as ITALIC, FONT_REGULAR as REGULAR};

    const PAGE: Page = Page::a4(62.0);

    fn metrics() -> Metrics<'static> {
        Metrics::new(REGULAR, BOLD, &[ITALIC]).expect("fonts")
    }

    #[test]
    fn amounts_are_recognised_and_words_are_not() {
        for cell in [
            "€ 650.000",
            "2027",
            "-€ 1.300.000",
            "12,5 %",
            "€\u{a0}3.900.000",
        ] {
            assert!(is_amount(cell), "{cell}");
        }
        for cell in [
            "Catalisti",
            "",
            "€",
            "3 clusters",
            "VR 2026 1512 MED.0421/1",
        ] {
            assert!(!is_amount(cell), "{cell}");
        }
    }

    #[test]
    fn coverage_follows_the_fonts() {
        let m = metrics();
        for c in ['a', 'é', '€', 'ש', 'م', '\u{2013}'] {
            assert!(m.covers(c), "{c}");
        }
        // DejaVu Sans has the emoticons block, not the rest of emoji, nor CJK.
        assert!(m.covers('😀'));
        for c in ['👩', '中', '\u{10ffff}'] {
            assert!(!m.covers(c), "{c}");
        }
    }

    #[test]
    fn a_narrow_table_stays_upright_with_automatic_columns() {
        let header = vec!["Jaar".to_owned(), "Bedrag".to_owned()];
        let rows = vec![vec!["2027".to_owned(), "€ 650.000".to_owned()]];
        let fit = fit_table(&metrics(), PAGE, &header, &rows, 2).expect("fits");
        assert_eq!(
            fit,
            TableFit {
                landscape: false,
                size: 8.5,
                columns: vec![None, None]
            }
        );
    }

    #[test]
    fn a_table_of_nineteen_years_turns_or_splits_but_keeps_every_amount_whole() {
        let m = metrics();
        let mut header = vec!["Cluster".to_owned()];
        header.extend((2027..2046).map(|y| y.to_string()));
        header.push("Totaal".to_owned());
        let row = |name: &str| {
            let mut r = vec![name.to_owned()];
            r.extend((0..19).map(|_| "€ 3.900.000".to_owned()));
            r.push("€ 74.100.000".to_owned());
            r
        };
        let rows = vec![row("Catalisti"), row("Financiering vandaag")];
        let columns = header.len();
        match fit_table(&m, PAGE, &header, &rows, columns) {
            Some(fit) => {
                assert!(fit.landscape, "too wide for an upright page");
                let total: f64 = fit.columns.iter().map(|w| w.unwrap_or(0.0)).sum();
                assert!(total <= PAGE.landscape + 0.01);
                for (i, w) in fit.columns.iter().enumerate().skip(1) {
                    let w = w.expect("explicit width");
                    assert!(w >= m.width("€ 3.900.000", fit.size, false) + 2.0 * CELL_INSET);
                    assert!(i < columns);
                }
            }
            None => {
                let groups = column_groups(&m, PAGE, &header, &rows, columns);
                assert!(groups.len() >= 2);
                assert!(groups.iter().all(|g| g.first() == Some(&0)));
                let covered: Vec<usize> = groups
                    .iter()
                    .flat_map(|g| g.iter().skip(1).copied())
                    .collect();
                assert_eq!(covered, (1..columns).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn shared_room_goes_to_the_columns_that_want_it() {
        let needs = [
            ColumnNeed {
                natural: 40.0,
                min: 40.0,
            },
            ColumnNeed {
                natural: 1000.0,
                min: 60.0,
            },
        ];
        let w = widths(&needs, 300.0).expect("fits");
        let pad = 2.0 * CELL_INSET;
        assert_eq!(w.first().copied().flatten(), Some(40.0 + pad));
        let second = w.get(1).copied().flatten().expect("second");
        assert!((second - (300.0 - 40.0 - pad)).abs() < 1e-6, "{second}");
        assert_eq!(widths(&needs, 90.0), None);
    }
}
