//! The history of versions in the file: how it is written (after the workspace, one
//! version a line, so a save adds one line to a diff), read (apart from the workspace,
//! so a damaged history never keeps the work from loading), and extended by a save.
//!
//! The versions themselves, their deltas and the common-version search are
//! `model::versions`; this module owns the text they are taken over (the workspace's
//! canonical RON, [`content_text`]).

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;

use crate::model::Workspace;
use crate::model::versions::{
    Change, Link, NoBase, Stored, Version, VersionId, VersionLog, apply, content_sum, diff, stored,
    unstored,
};

use super::file::{
    FORMAT_VERSION, LoadError, ParseError, SerializeError, content_text, parse_with_history,
    parse_workspace, read_bounded,
};

/// Where the history starts in a file this program wrote. No line of the workspace
/// has a single tab of indentation, and texts never hold a raw line break, so this
/// can only be the top-level field.
const OPENING: &str = "\n\thistory: [";

/// The file's text: the workspace (as [`content_text`] gave it) and the versions.
pub(crate) fn compose(content: &str, versions: &[Version]) -> String {
    let mut out = String::with_capacity(content.len() + content.len() / 16 + 256);
    out.push_str("(\n\tformat_version: ");
    out.push_str(&FORMAT_VERSION.to_string());
    out.push_str(",\n\tworkspace: ");
    for (i, line) in content.split('\n').enumerate() {
        if i > 0 {
            out.push_str("\n\t");
        }
        out.push_str(line);
    }
    out.push_str(",\n");
    if !versions.is_empty() {
        out.push_str("\thistory: [\n");
        for version in stored(versions) {
            out.push_str("\t\t");
            // Plain strings and numbers always serialise; a version that did not
            // would only shorten the history, never touch the workspace.
            out.push_str(&ron::to_string(&version).unwrap_or_default());
            out.push_str(",\n");
        }
        out.push_str("\t],\n");
    }
    out.push_str(")\n");
    out
}

/// The file's text without its history, and the history's text (after `[`).
pub(crate) fn split(text: &str) -> (Cow<'_, str>, Option<&str>) {
    match text.find(OPENING) {
        Some(at) => (
            Cow::Owned(format!("{}\n)", text.get(..at).unwrap_or_default())),
            text.get(at + OPENING.len()..),
        ),
        None => (Cow::Borrowed(text), None),
    }
}

/// What went wrong with a history, said once when the file is read.
fn damaged(line: usize) -> String {
    format!(
        "De geschiedenis in dit bestand is beschadigd vanaf regel {line}: de versies vanaf daar konden niet gelezen worden. De werkruimte zelf is volledig geladen; bij de volgende keer opslaan gaat de geschiedenis van hier verder."
    )
}

fn cut_before(version: &Version) -> String {
    format!(
        "De geschiedenis in dit bestand is onvolledig: wat vóór versie {} ({}) gebeurde, ontbreekt of is met de hand gewijzigd. De werkruimte zelf is volledig geladen; bij de volgende keer opslaan gaat de geschiedenis van hier verder.",
        version.id,
        if version.time.is_empty() {
            "beginstand"
        } else {
            version.time.as_str()
        }
    )
}

/// The versions in the history's text, as far as they can be read, and what was
/// wrong. `first_line` is the line of the file the text starts on.
fn read_history(text: &str, first_line: usize) -> (Vec<Version>, Option<String>) {
    let (list, note) = read_stored(text, first_line);
    (unstored(list), note)
}

fn read_stored(text: &str, first_line: usize) -> (Vec<Stored>, Option<String>) {
    let mut versions: Vec<Stored> = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if line.starts_with(']') {
            return (versions, None);
        }
        let item = line.strip_suffix(',').unwrap_or(line);
        match ron::from_str::<Stored>(item) {
            Ok(v) => versions.push(v),
            Err(_) => {
                // Laid out otherwise by an editor or a formatter: the whole list may
                // still read.
                #[derive(Deserialize)]
                struct Tail {
                    history: Vec<Stored>,
                }
                let whole = format!("({}{text}", OPENING.trim_start());
                return match ron::from_str::<Tail>(&whole) {
                    Ok(tail) => (tail.history, None),
                    Err(_) => (versions, Some(damaged(first_line + i))),
                };
            }
        }
    }
    (versions, Some(damaged(first_line + text.lines().count())))
}

/// Versions whose id does not follow from their parts were changed by hand: they and
/// what they lead back to cannot be trusted, so they are left out, and the links to
/// them are cut (found by [`VersionLog::first_cut`]).
fn checked(versions: Vec<Version>) -> VersionLog {
    let mut seen = std::collections::HashSet::new();
    let versions = versions
        .into_iter()
        .filter(|v| {
            let again = Version::new(v.parents.clone(), &v.author, &v.time, v.sum.clone());
            again.id == v.id && seen.insert(v.id.clone())
        })
        .collect();
    VersionLog { versions }
}

/// The content the head version stands for: the workspace as read (its text is made
/// only when a save or a look back needs it), or the text as last written.
#[derive(Debug)]
enum Base {
    Read(Box<Workspace>),
    Written(String),
}

/// A file's history, and what its next save needs.
#[derive(Clone, Debug, Default)]
pub struct Tracked {
    pub log: VersionLog,
    /// Why the history is incomplete, in Dutch; to be said once.
    pub incomplete: Option<String>,
    base: Option<Arc<Base>>,
    /// A colleague's copy merged in since the last save: its head and content, the
    /// merge version's second parent.
    merged_in: Option<(VersionId, Arc<String>)>,
    /// The log before that merge, for when it is undone before a save.
    before_merge: Option<VersionLog>,
}

impl Tracked {
    /// The history of a file as read, whose workspace is `ws`.
    pub fn read(ws: &Workspace, log: VersionLog, incomplete: Option<String>) -> Tracked {
        let incomplete = incomplete.or_else(|| log.first_cut().map(cut_before));
        Tracked {
            log,
            incomplete,
            base: Some(Arc::new(Base::Read(Box::new(ws.clone())))),
            merged_in: None,
            before_merge: None,
        }
    }

    /// What a reader of the file should know about its history, in Dutch: that it is
    /// incomplete (cut or damaged), or that the workspace was changed outside the
    /// program after its newest version (a hand edit: the versions before it can no
    /// longer be rebuilt exactly, and the next save cuts the history there). `None`
    /// when the history is whole. Serialises the workspace once, so it is asked on
    /// demand (`check`), not on every load.
    pub fn health(&self) -> Option<String> {
        if let Some(note) = &self.incomplete {
            return Some(note.clone());
        }
        let head = self.log.head()?;
        let text = self.head_text()?;
        (content_sum(&text) != head.sum).then(|| {
            format!(
                "De werkruimte werd buiten het programma gewijzigd na de laatste versie in de geschiedenis ({}). De werkruimte zelf is volledig; de versies van daarvoor kunnen niet meer exact opnieuw worden opgebouwd, en een samenvoeging zonder --base valt terug op tweewegsamenvoeging.",
                head.id
            )
        })
    }

    /// The head's content text; `None` for a workspace never saved.
    fn head_text(&self) -> Option<Cow<'_, str>> {
        match self.base.as_deref()? {
            Base::Written(text) => Some(Cow::Borrowed(text)),
            Base::Read(ws) => content_text(ws).ok().map(Cow::Owned),
        }
    }

    /// The workspace as version `id` left it, rebuilt and checked; `None` when the
    /// history cannot reach it.
    pub fn workspace_at(&self, id: &VersionId) -> Option<Workspace> {
        let head = self.head_text()?;
        let text = self.log.content_of(&head, id)?;
        parse_content(&text).ok()
    }

    /// Each version's changes against its first parent, newest first; `None` where
    /// the history cannot rebuild the version or its parent (and for the first
    /// version, which has no parent). Rebuilds every version once: a second or two per
    /// hundred versions of a 20 000-argument workspace, instant for an ordinary one.
    pub fn change_lists(&self) -> Vec<(VersionId, Option<Vec<Change>>)> {
        self.newest_change_lists(usize::MAX)
    }

    /// As [`Self::change_lists`] for the newest `count` versions only; the older ones
    /// are listed with `None`.
    pub fn newest_change_lists(&self, count: usize) -> Vec<(VersionId, Option<Vec<Change>>)> {
        let mut out = Vec::new();
        let mut texts: HashMap<VersionId, String> = HashMap::new();
        let mut parsed: HashMap<VersionId, Workspace> = HashMap::new();
        if let (Some(head), Some(text)) = (self.log.head(), self.head_text()) {
            texts.insert(head.id.clone(), text.into_owned());
        }
        // The log holds parents before children, so backwards is children first.
        for version in self.log.versions.iter().rev() {
            if out.len() >= count {
                out.push((version.id.clone(), None));
                continue;
            }
            let text = texts.remove(&version.id);
            let mut changes = None;
            if let Some(text) = text.filter(|t| content_sum(t) == version.sum) {
                let lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
                for link in version.parents.iter().filter(|l| !l.broken) {
                    if texts.contains_key(&link.id) || parsed.contains_key(&link.id) {
                        continue;
                    }
                    if let Some(back) = apply(lines.clone(), &link.back) {
                        texts.insert(link.id.clone(), back.join("\n"));
                    }
                }
                let this = parsed
                    .remove(&version.id)
                    .or_else(|| parse_content(&text).ok());
                if let (Some(this), Some(first)) = (this, version.parents.first()) {
                    let parent = texts
                        .get(&first.id)
                        .filter(|t| {
                            self.log
                                .get(&first.id)
                                .is_some_and(|p| p.sum == content_sum(t))
                        })
                        .and_then(|t| parse_content(t).ok());
                    if let Some(parent) = parent {
                        changes = Some(crate::model::versions::changes(&parent, &this));
                        parsed.insert(first.id.clone(), parent);
                    }
                }
            }
            out.push((version.id.clone(), changes));
        }
        out
    }

    /// Takes a colleague's copy's history in after a merge: the next save records a
    /// version with both heads as parents.
    pub fn merge_in(&mut self, theirs: &Tracked) {
        let Some(their_head) = theirs.log.head() else {
            return;
        };
        if self.log.ancestors_of_head().contains(&their_head.id) {
            return;
        }
        let before = self.log.clone();
        if self.log.is_empty() {
            // A file without history (yet) merges in a colleague's: its own state
            // becomes its first version, so the merge version has both as parents.
            if let Some(mine) = self.head_text() {
                let root = Version::new(Vec::new(), "", "", content_sum(&mine));
                self.log.versions.push(root);
            }
        }
        if let Some(text) = theirs.head_text() {
            self.log = self.log.union(&theirs.log);
            self.merged_in = Some((their_head.id.clone(), Arc::new(text.into_owned())));
            self.before_merge.get_or_insert(before);
        } else {
            self.log = before;
        }
    }

    /// Forgets a merge not yet saved (it was undone): the next save records an
    /// ordinary version, and the colleague's versions are not claimed.
    pub fn forget_merge(&mut self) {
        if let Some(log) = self.before_merge.take() {
            self.log = log;
        }
        self.merged_in = None;
    }

    /// The history with a version for `content` (a [`content_text`]) on top, unless
    /// nothing changed. Returns the new version's id.
    fn record(&mut self, content: &str, author: &str, time: &str) -> Option<VersionId> {
        let sum = content_sum(content);
        let merging = self.merged_in.take();
        self.before_merge = None;
        if merging.is_none() && self.log.head().is_some_and(|h| h.sum == sum) {
            return None;
        }
        let base = self.head_text().map(Cow::into_owned);
        let lines = |text: &str| -> Vec<String> { text.split('\n').map(str::to_owned).collect() };
        let here = lines(content);
        if self.log.is_empty() {
            match &base {
                // The state the file had before it had a history: a version without
                // author or time, so two copies of one such file share it.
                Some(before) if before.as_str() != content => {
                    self.log
                        .versions
                        .push(Version::new(Vec::new(), "", "", content_sum(before)));
                }
                Some(_) if merging.is_none() => return None,
                _ => {
                    let root = Version::new(Vec::new(), author, time, sum);
                    let id = root.id.clone();
                    self.log.versions.push(root);
                    return Some(id);
                }
            }
        }
        let mut parents = Vec::new();
        if let Some(head) = self.log.head() {
            let link = match &base {
                Some(before) if content_sum(before) == head.sum => Link {
                    id: head.id.clone(),
                    back: diff(&here, &lines(before)),
                    broken: false,
                },
                _ => {
                    self.incomplete = Some(cut_before(head));
                    Link {
                        id: head.id.clone(),
                        back: Vec::new(),
                        broken: true,
                    }
                }
            };
            parents.push(link);
        }
        if let Some((id, text)) = merging {
            parents.push(Link {
                id,
                back: diff(&here, &lines(&text)),
                broken: false,
            });
        }
        let version = Version::new(parents, author, time, sum);
        let id = version.id.clone();
        self.log.versions.push(version);
        Some(id)
    }
}

trait HeadAncestors {
    fn ancestors_of_head(&self) -> std::collections::HashSet<VersionId>;
}

impl HeadAncestors for VersionLog {
    fn ancestors_of_head(&self) -> std::collections::HashSet<VersionId> {
        self.head()
            .map(|h| self.ancestors(&h.id))
            .unwrap_or_default()
    }
}

/// Parses a [`content_text`] back into a workspace.
fn parse_content(text: &str) -> Result<Workspace, ParseError> {
    let file = compose(text, &[]);
    parse_workspace(&file)
}

/// A workspace file's text with its history; the history as far as it reads.
///
/// Errors: as [`super::from_ron`], only for the workspace; a damaged history is said
/// in [`Tracked::incomplete`] instead.
pub fn parse_tracked(text: &str) -> Result<(Workspace, Tracked), ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    // One pass over the whole text reads a sound file; only when that fails is the
    // history read apart, line by line, so its damage cannot cost the workspace.
    let (ws, versions, note) = match parse_with_history(text) {
        Ok((ws, inside)) => (ws, inside.map(unstored).unwrap_or_default(), None),
        Err(first) => match split(text) {
            (head, Some(history)) => match parse_workspace(&head) {
                Ok(ws) => {
                    let (versions, note) = read_history(history, head.lines().count());
                    (ws, versions, note)
                }
                Err(_) => return Err(first),
            },
            (_, None) => return Err(first),
        },
    };
    let log = checked(versions);
    let tracked = Tracked::read(&ws, log, note);
    Ok((ws, tracked))
}

/// Reads a workspace file with its history. Never changes the file.
pub fn load_tracked(path: &Path) -> Result<(Workspace, Tracked), LoadError> {
    let bytes = read_bounded(path)?;
    let content = |problem| LoadError::Content {
        path: path.to_owned(),
        problem,
    };
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        // The plain reader words the place of the bad bytes.
        match super::file::parse_bytes(&bytes) {
            Err(problem) => content(problem),
            Ok(_) => content(ParseError::Empty),
        }
    })?;
    parse_tracked(text).map_err(content)
}

/// The text to write for `ws` with its history, and the history as it will be once
/// that text is on disk (commit it with `*tracked = next` after a successful write).
/// A save that changed nothing adds no version.
///
/// `time` is RFC 3339; `author` the name kept in the preferences.
/// Errors: the workspace could not be written as text.
pub fn file_text(
    ws: &Workspace,
    tracked: &Tracked,
    author: &str,
    time: &str,
) -> Result<(String, Tracked, Option<VersionId>), SerializeError> {
    let content = content_text(ws)?;
    let mut next = tracked.clone();
    let added = next.record(&content, author, time);
    let text = compose(&content, &next.log.versions);
    next.base = Some(Arc::new(Base::Written(content)));
    Ok((text, next, added))
}

/// The latest version two copies share, rebuilt from either, for a three-way merge.
///
/// Errors: why there is none to use (no history, nothing shared, not rebuildable).
pub fn common_base(mine: &Tracked, theirs: &Tracked) -> Result<(VersionId, Workspace), NoBase> {
    let id = mine.log.common_version(&theirs.log)?;
    mine.workspace_at(&id)
        .or_else(|| theirs.workspace_at(&id))
        .map(|ws| (id.clone(), ws))
        .ok_or(NoBase::Unreachable(id))
}

/// Why a merge could not find its common version, in Dutch, for the command line and
/// the window.
pub fn no_base_reason(why: &NoBase) -> String {
    match why {
        NoBase::NoHistory => "een van beide bestanden heeft (nog) geen geschiedenis".to_owned(),
        NoBase::NothingShared => {
            "de bestanden hebben geen gemeenschappelijke versie in hun geschiedenis".to_owned()
        }
        NoBase::Unreachable(id) => format!(
            "de gemeenschappelijke versie {id} kan uit geen van beide bestanden opnieuw worden opgebouwd (de geschiedenis is onvolledig of met de hand gewijzigd)"
        ),
    }
}
