//! What the program carries inside it, in one room: the fonts that the window, the
//! charts and every paged export share (so a chart looks the same in the window, the
//! DOCX and the PDF), and the Green Paper that a new workspace starts from.

/// DejaVu Sans (Bitstream Vera licence with the DejaVu changes in the public domain;
/// `assets/fonts/LICENSE-DejaVu.txt`): wide coverage, Hebrew and Arabic included.
pub(crate) static FONT_REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
pub(crate) static FONT_BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");
pub(crate) static FONT_ITALIC: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Oblique.ttf");

/// The 2024 Green Paper on the cluster policy as a workspace file (RON, current
/// format); `store::default_workspace` parses it.
pub(crate) static GROENBOEK: &str = include_str!("../assets/groenboek.ron");
