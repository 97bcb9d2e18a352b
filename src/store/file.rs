//! Loading and saving workspaces as RON.
//!
//! The same workspace always gives the same bytes (records keep their order, no maps),
//! so files diff well and tests can compare bytes. A save never leaves a half-written
//! file: it writes a temporary file beside the target and renames it over.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::model::Workspace;

use super::migrate;

/// The version this build writes. Older versions load through [`migrate`].
pub const FORMAT_VERSION: u32 = 4;

/// Files larger than this are refused before reading: no workspace comes near it, and
/// reading a mistaken multi-gigabyte file would freeze a laptop.
const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

use crate::assets::GROENBOEK;

/// What went wrong reading a workspace; the message is for the person in front of the
/// screen, in Dutch, naming the file and where in it.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("Het bestand {} bestaat niet. Controleer de naam en de map.", .path.display())]
    NotFound { path: PathBuf },
    #[error("{} is een map, geen werkruimtebestand.", .path.display())]
    IsFolder { path: PathBuf },
    #[error("Kan {} niet lezen: {reason}.", .path.display())]
    Unreadable { path: PathBuf, reason: String },
    #[error("{} is te groot ({size} bytes) om een Clusterwerkbank-werkruimte te zijn.", .path.display())]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{}: {}", .path.display(), .problem)]
    Content { path: PathBuf, problem: ParseError },
}

/// A problem with the text of a workspace, with its place.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("het bestand is leeg; het is geen Clusterwerkbank-werkruimte.")]
    Empty,
    #[error(
        "regel {line}, kolom {column}: hier staan bytes die geen UTF-8-tekst zijn. Het is geen Clusterwerkbank-werkruimte, of het bestand is beschadigd; open een reservekopie."
    )]
    NotText { line: usize, column: usize },
    #[error(
        "regel {line}, kolom {column}: {detail}. Het bestand is niet gewijzigd; herstel het in een teksteditor of open een reservekopie."
    )]
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    #[error(
        "het bestand heeft formaatversie {found}, maar deze Clusterwerkbank leest tot versie {FORMAT_VERSION}. Het is gemaakt met een nieuwere versie: werk het programma bij."
    )]
    TooNew { found: u32 },
}

impl ParseError {
    /// Line and column (1-based), where the problem has a place.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            ParseError::NotText { line, column } | ParseError::Syntax { line, column, .. } => {
                Some((*line, *column))
            }
            ParseError::Empty | ParseError::TooNew { .. } => None,
        }
    }
}

impl LoadError {
    pub fn path(&self) -> &Path {
        match self {
            LoadError::NotFound { path }
            | LoadError::IsFolder { path }
            | LoadError::Unreadable { path, .. }
            | LoadError::TooLarge { path, .. }
            | LoadError::Content { path, .. } => path,
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("Kon {} niet opslaan: {reason}. Je werk staat nog in het venster; kies \u{201c}Opslaan als…\u{201d} om het elders te bewaren.", .path.display())]
pub struct SaveError {
    pub path: PathBuf,
    pub reason: String,
}

impl SaveError {
    pub fn new(path: &Path, error: &std::io::Error) -> Self {
        Self {
            path: path.to_owned(),
            reason: io_reason(error),
        }
    }
}

/// A Dutch explanation of an I/O error, with the system's own words at the end.
pub(crate) fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let plain = match error.kind() {
        ErrorKind::NotFound => "de map of het bestand bestaat niet (meer)",
        ErrorKind::PermissionDenied => "geen toestemming om hier te schrijven of te lezen",
        ErrorKind::ReadOnlyFilesystem => "de schijf of map is alleen-lezen",
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "de schijf is vol",
        ErrorKind::InvalidFilename => "de naam of het pad is te lang of ongeldig",
        ErrorKind::IsADirectory => "dat is een map",
        _ => "",
    };
    if plain.is_empty() {
        format!("{error}")
    } else {
        format!("{plain} ({error})")
    }
}

/// The workspace could not be written as text; nothing was written anywhere.
#[derive(Debug, thiserror::Error)]
#[error("de werkruimte kon niet als tekst worden geschreven ({0})")]
pub struct SerializeError(pub(crate) String);

/// The workspace as RON text, in the current format.
///
/// Errors: RON's serialiser refuses a value. Plain structs of strings, integers and
/// enums never do today; the error exists so that a future field that does can never
/// put an error text where the person's workspace was.
pub fn to_ron(ws: &Workspace) -> Result<String, SerializeError> {
    Ok(super::versions::compose(&content_text(ws)?, &[]))
}

/// The workspace alone as RON, laid out as in the file but one level less indented:
/// the text a version's content sum and line deltas are taken over.
///
/// Errors: as [`to_ron`].
pub fn content_text(ws: &Workspace) -> Result<String, SerializeError> {
    ron::ser::to_string_pretty(ws, pretty_config()).map_err(|e| SerializeError(e.to_string()))
}

/// How workspace files are laid out; recovery files use the same.
///
/// One tab per level, not four spaces: in a large consultation the indentation was
/// 30 % of the file and a third of the parse time (RON skips whitespace a character
/// at a time). Tabs keep the file as readable and diffable; any indentation loads.
pub(crate) fn pretty_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("\t")
        .new_line("\n")
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
}

/// Parses workspace text of any known format version.
///
/// Text as Windows editors save it loads too: a leading byte-order mark (Notepad) is
/// skipped and CRLF line ends are whitespace like LF. Line breaks inside texts are
/// made uniform (see [`crate::model::text::normalise_breaks`]).
pub fn from_ron(text: &str) -> Result<Workspace, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    // Whatever is wrong with the history (after the workspace, one version a line)
    // never stops the workspace from loading: on an error it is cut off and the
    // workspace read alone.
    parse_workspace(text).or_else(|error| match super::versions::split(text) {
        (head, Some(_)) => parse_workspace(&head).map_err(|_| error),
        (_, None) => Err(error),
    })
}

/// Parses the text of a file without its history.
pub(crate) fn parse_workspace(text: &str) -> Result<Workspace, ParseError> {
    parse_with_history(text).map(|(ws, _)| ws)
}

/// As [`parse_workspace`], with a history found inside the top-level record (where
/// a hand edit may have moved it).
pub(crate) fn parse_with_history(
    text: &str,
) -> Result<(Workspace, Option<Vec<crate::model::versions::Stored>>), ParseError> {
    let parsed = migrate::parse_file(text).map_err(|e| syntax(text, &e))?;
    match parsed.workspace {
        Some(mut ws) => {
            crate::model::text::normalise_workspace_breaks(&mut ws);
            Ok((ws, parsed.history))
        }
        None => Err(ParseError::TooNew {
            found: parsed.declared.unwrap_or(FORMAT_VERSION),
        }),
    }
}

fn syntax(text: &str, error: &ron::error::SpannedError) -> ParseError {
    let detail = match error.code {
        ron::Error::IntegerOutOfBounds => {
            out_of_range_detail(text, error.span.start.line, error.span.start.col)
        }
        ref code => migrate::dutch_detail(code),
    };
    ParseError::Syntax {
        line: error.span.start.line,
        column: error.span.start.col,
        detail,
    }
}

/// "getal te groot" or "te klein", read from the number at the error's place: RON
/// says only that the integer does not fit the field.
fn out_of_range_detail(text: &str, line: usize, column: usize) -> String {
    let row: Vec<char> = text
        .lines()
        .nth(line.saturating_sub(1))
        .map(|l| l.chars().collect())
        .unwrap_or_default();
    let start = column.saturating_sub(1).min(row.len());
    // RON's place is after a sign; take it along.
    let start = if start > 0 && matches!(row.get(start - 1), Some('-' | '+')) {
        start - 1
    } else {
        start
    };
    let number: String = row
        .get(start..)
        .unwrap_or_default()
        .iter()
        .skip_while(|c| c.is_whitespace())
        .take_while(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '_'))
        .collect();
    let shown = if number.is_empty() {
        String::new()
    } else {
        format!(" ({number})")
    };
    if number.starts_with('-') {
        format!("getal te klein voor dit veld{shown}")
    } else {
        format!("getal te groot voor dit veld{shown}")
    }
}

/// Reads and parses a workspace file. Never changes the file.
pub fn load(path: &Path) -> Result<Workspace, LoadError> {
    let bytes = read_bounded(path)?;
    parse_bytes(&bytes).map_err(|problem| LoadError::Content {
        path: path.to_owned(),
        problem,
    })
}

/// Parses the bytes of a workspace file.
pub fn parse_bytes(bytes: &[u8]) -> Result<Workspace, ParseError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = position_of(bytes, e.valid_up_to());
        ParseError::NotText { line, column }
    })?;
    from_ron(text)
}

/// Reads a file with the errors a person can act on.
pub(crate) fn read_bounded(path: &Path) -> Result<Vec<u8>, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| open_error(path, &e))?;
    if meta.is_dir() {
        return Err(LoadError::IsFolder {
            path: path.to_owned(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
        });
    }
    std::fs::read(path).map_err(|e| open_error(path, &e))
}

fn open_error(path: &Path, error: &std::io::Error) -> LoadError {
    match error.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound {
            path: path.to_owned(),
        },
        std::io::ErrorKind::IsADirectory => LoadError::IsFolder {
            path: path.to_owned(),
        },
        _ => LoadError::Unreadable {
            path: path.to_owned(),
            reason: io_reason(error),
        },
    }
}

/// Line and column (1-based, in characters) of a byte offset.
fn position_of(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = bytes.get(..offset).unwrap_or(bytes);
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(before.get(line_start..).unwrap_or_default())
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Saves a workspace atomically, readable by the owner only.
pub fn save(path: &Path, ws: &Workspace) -> Result<(), SaveError> {
    let text = to_ron(ws).map_err(|e| SaveError {
        path: path.to_owned(),
        reason: e.to_string(),
    })?;
    write_atomic(path, text.as_bytes())
}

/// Writes bytes to `path` so that the file on disk is always either the old or the new
/// version: a temporary file in the same folder, flushed to disk, then renamed over.
///
/// A symbolic link is followed to the file it names, and that file is replaced: the
/// link stays a link, so a workspace shared through a link (a synchronised folder
/// linked into the home folder) is the one that changes. An existing file keeps its
/// permission bits; a new file is readable by its owner only (0600).
///
/// Errors: a [`SaveError`] naming `path`; the file on disk is then unchanged.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let fail = |e: std::io::Error| SaveError::new(path, &e);
    let target = resolve_links(path).map_err(fail)?;
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if target.is_dir() {
        return Err(SaveError {
            path: path.to_owned(),
            reason: "dat is een map".to_owned(),
        });
    }
    let existing = std::fs::metadata(&target).ok().map(|m| m.permissions());
    let mut temp = tempfile::Builder::new()
        .prefix(".clusterwerkbank-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(fail)?;
    temp.write_all(bytes).map_err(fail)?;
    temp.flush().map_err(fail)?;
    match existing {
        Some(permissions) => temp.as_file().set_permissions(permissions),
        None => make_private(temp.as_file()),
    }
    .map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    temp.persist(&target).map_err(|e| fail(e.error))?;
    sync_folder(folder);
    Ok(())
}

/// How many links are followed before a chain counts as a loop (Linux's own limit).
const MAX_LINKS: usize = 40;

/// The file `path` finally names, following symbolic links (also dangling ones: a
/// link to a file not yet written is written through). Not canonicalised otherwise,
/// so the error messages keep the user's spelling of ordinary paths.
///
/// Errors: a loop of links.
pub(crate) fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_owned();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = std::fs::read_link(&current)?;
                current = if target.is_absolute() {
                    target
                } else {
                    current
                        .parent()
                        .map_or_else(|| target.clone(), |folder| folder.join(&target))
                };
            }
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::other(format!(
        "meer dan {MAX_LINKS} symbolische koppelingen na elkaar (een lus?)"
    )))
}

/// Confidential drafts: owner read/write only. tempfile already creates files 0600 on
/// Unix; this makes it explicit and survives a change of that default.
#[cfg(unix)]
fn make_private(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o600))
}

/// On Windows a new file inherits the folder's ACL, which for the user's profile
/// folders already excludes other users.
#[cfg(not(unix))]
fn make_private(_file: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

/// Makes the rename itself durable. Best effort: not every file system allows it.
#[cfg(unix)]
fn sync_folder(folder: &Path) {
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) {}

/// The Green Paper workspace embedded in the binary.
pub fn default_workspace() -> Workspace {
    // The asset is checked by a test; if it ever failed to parse, an empty workspace
    // is a safe start rather than a crash.
    from_ron(GROENBOEK).unwrap_or_else(|_| Workspace::empty())
}

/// The embedded Green Paper text, for tests that must see a parse error.
pub fn default_workspace_text() -> &'static str {
    GROENBOEK
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_counts_lines_and_characters() {
        assert_eq!(position_of(b"ab\ncd", 4), (2, 2));
        assert_eq!(position_of("é\nxé".as_bytes(), 6), (2, 3));
        assert_eq!(position_of(b"", 0), (1, 1));
    }

    #[test]
    fn non_utf8_reports_its_place() {
        let err = parse_bytes(b"(\n  format_version: 2,\n  \xff").unwrap_err();
        assert_eq!(err.position(), Some((3, 3)));
    }
}
