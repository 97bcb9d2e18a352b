//! The history of versions a workspace file carries beside its workspace (not the undo
//! history, which is `history.rs` and lives only in the window).
//!
//! Shaped after RCS and git: the file holds the newest content whole, and each
//! version stores, per parent, the *reverse* delta that turns its own content back
//! into that parent's (`delta.rs`), so a year of saves costs only what changed. The
//! versions form a graph: a merge is a version with two parents, and the common
//! ancestor of two copies is found as git finds a merge base (the common versions
//! that are not an ancestor of another common version; of several, the latest).
//!
//! Content here is the workspace's canonical text (the store's deterministic RON,
//! split in lines): one field per line, so a line delta is a field-level delta for
//! every record kind without per-kind code. Pure: the caller supplies the text, the
//! author and the time.

mod changes;
mod delta;
mod values;

use std::collections::{HashMap, HashSet, VecDeque};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use changes::{Change, ChangeKind, Label, Part, changes};
pub use delta::{Hunk, apply, diff};
pub use values::{Value, Word};

/// A version's id: 12 hex digits of a SHA-256 over its parents, author, time and
/// content, so the same version has the same id in every copy of the file.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct VersionId(pub String);

impl std::fmt::Display for VersionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The way from a version back to one of its parents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub id: VersionId,
    /// Turns this version's content into the parent's (line numbers in this
    /// version's content, ascending).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub back: Vec<Hunk>,
    /// Set when the parent's content cannot be reached from here: the file was
    /// changed outside the program after the parent was saved.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub broken: bool,
}

/// One saved state of the workspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Version {
    pub id: VersionId,
    /// None for the first version (or the state a file had when it got a history);
    /// two for a merge (MINE first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parents: Vec<Link>,
    /// Who saved it; empty for the state a file had before it had a history.
    #[serde(default)]
    pub author: String,
    /// When, RFC 3339 (UTC); empty like `author`.
    #[serde(default)]
    pub time: String,
    /// 12 hex digits of the SHA-256 of this version's content: proves a
    /// reconstruction right, and shows a file edited by hand.
    pub sum: String,
}

/// A version as the file writes it: the usual version, whose one parent is the
/// version on the line before, gives only its delta (`back`); a merge, a first
/// version and a cut link name their parents (`parents`). A third of a small save's
/// line is saved so, and the file stays as readable.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stored {
    pub id: VersionId,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub back: Vec<Hunk>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parents: Vec<Link>,
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub time: String,
    pub sum: String,
}

/// The versions as the file writes them, in order.
pub fn stored(versions: &[Version]) -> Vec<Stored> {
    let mut previous: Option<&VersionId> = None;
    versions
        .iter()
        .map(|v| {
            let implicit = match (v.parents.as_slice(), previous) {
                ([only], Some(before)) => {
                    only.id == *before && !only.broken && !only.back.is_empty()
                }
                _ => false,
            };
            previous = Some(&v.id);
            let (back, parents) = if implicit {
                (
                    v.parents.iter().flat_map(|l| l.back.clone()).collect(),
                    Vec::new(),
                )
            } else {
                (Vec::new(), v.parents.clone())
            };
            Stored {
                id: v.id.clone(),
                back,
                parents,
                author: v.author.clone(),
                time: v.time.clone(),
                sum: v.sum.clone(),
            }
        })
        .collect()
}

/// The versions a file wrote, with every parent named again.
pub fn unstored(list: Vec<Stored>) -> Vec<Version> {
    let mut out: Vec<Version> = Vec::with_capacity(list.len());
    for s in list {
        let mut parents = s.parents;
        if !s.back.is_empty() {
            // A delta without a version before it to lead to is a cut history.
            let id = out
                .last()
                .map_or_else(|| VersionId(String::new()), |v| v.id.clone());
            parents.insert(
                0,
                Link {
                    id,
                    back: s.back,
                    broken: false,
                },
            );
        }
        out.push(Version {
            id: s.id,
            parents,
            author: s.author,
            time: s.time,
            sum: s.sum,
        });
    }
    out
}

/// The 12-hex-digit content sum of a workspace text.
pub fn content_sum(text: &str) -> String {
    short_hex(&Sha256::digest(text.as_bytes()))
}

fn short_hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect::<String>()
}

impl Version {
    /// A version with its id derived from its parts.
    pub fn new(parents: Vec<Link>, author: &str, time: &str, sum: String) -> Version {
        let mut hasher = Sha256::new();
        for link in &parents {
            hasher.update(link.id.0.as_bytes());
            hasher.update(b"\n");
        }
        // Lengths first, so ("ab", "c") and ("a", "bc") differ.
        for part in [author, time, sum.as_str()] {
            hasher.update((part.len() as u64).to_le_bytes());
            hasher.update(part.as_bytes());
        }
        Version {
            id: VersionId(short_hex(&hasher.finalize())),
            parents,
            author: author.to_owned(),
            time: time.to_owned(),
            sum,
        }
    }
}

/// The versions of one file, oldest first as written; the last is the head, whose
/// content is the file's workspace.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VersionLog {
    pub versions: Vec<Version>,
}

/// Why the common version of two copies could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoBase {
    /// One of the copies has no history (made before histories, or new).
    NoHistory,
    /// The copies have no version in common: they were not copied from one file.
    NothingShared,
    /// The common version exists but cannot be rebuilt from either copy.
    Unreachable(VersionId),
}

impl VersionLog {
    pub fn head(&self) -> Option<&Version> {
        self.versions.last()
    }

    pub fn is_empty(&self) -> bool {
        self.versions.is_empty()
    }

    pub fn get(&self, id: &VersionId) -> Option<&Version> {
        self.versions.iter().find(|v| v.id == *id)
    }

    fn index(&self) -> HashMap<&VersionId, &Version> {
        self.versions.iter().map(|v| (&v.id, v)).collect()
    }

    /// The first version (oldest first) that names a parent this log does not hold:
    /// from there back the history is incomplete. A link already marked broken was
    /// said when it was made, and is not found again.
    pub fn first_cut(&self) -> Option<&Version> {
        let ids: HashSet<&VersionId> = self.versions.iter().map(|v| &v.id).collect();
        self.versions
            .iter()
            .find(|v| v.parents.iter().any(|l| !l.broken && !ids.contains(&l.id)))
    }

    /// `id` and every version it descends from, as far as the log reaches.
    pub fn ancestors(&self, id: &VersionId) -> HashSet<VersionId> {
        let index = self.index();
        let mut seen = HashSet::new();
        let mut queue = VecDeque::from([id.clone()]);
        while let Some(next) = queue.pop_front() {
            if !seen.insert(next.clone()) {
                continue;
            }
            if let Some(v) = index.get(&next) {
                queue.extend(v.parents.iter().map(|l| l.id.clone()));
            }
        }
        seen
    }

    /// The way from the head back to `target`: the links to follow, in order. `None`
    /// when no unbroken way leads there.
    pub fn way_back(&self, target: &VersionId) -> Option<Vec<&Link>> {
        let index = self.index();
        let head = self.head()?;
        let mut came: HashMap<&VersionId, (&VersionId, &Link)> = HashMap::new();
        let mut queue = VecDeque::from([&head.id]);
        let mut seen = HashSet::from([&head.id]);
        while let Some(id) = queue.pop_front() {
            if id == target {
                let mut way = Vec::new();
                let mut at = id;
                while let Some((child, link)) = came.get(at) {
                    way.push(*link);
                    at = child;
                }
                way.reverse();
                return Some(way);
            }
            let Some(version) = index.get(id) else {
                continue;
            };
            for link in version.parents.iter().filter(|l| !l.broken) {
                if seen.insert(&link.id) {
                    came.insert(&link.id, (id, link));
                    queue.push_back(&link.id);
                }
            }
        }
        None
    }

    /// The content of version `target`, rebuilt from the head's content `head_text`
    /// and checked against its sum. `None` when the way back is cut or the result is
    /// not what was saved.
    pub fn content_of(&self, head_text: &str, target: &VersionId) -> Option<String> {
        let wanted = self.get(target)?;
        let mut lines: Vec<String> = head_text.split('\n').map(str::to_owned).collect();
        for link in self.way_back(target)? {
            lines = apply(lines, &link.back)?;
        }
        let text = lines.join("\n");
        (content_sum(&text) == wanted.sum).then_some(text)
    }

    /// The latest version both logs hold that is not an ancestor of another they both
    /// hold (git's merge base; of several, the latest by time, then by id).
    pub fn common_version(&self, theirs: &VersionLog) -> Result<VersionId, NoBase> {
        let (Some(mine_head), Some(theirs_head)) = (self.head(), theirs.head()) else {
            return Err(NoBase::NoHistory);
        };
        let ours = self.ancestors(&mine_head.id);
        let common: Vec<VersionId> = theirs
            .ancestors(&theirs_head.id)
            .into_iter()
            .filter(|id| ours.contains(id))
            .collect();
        let below: HashSet<VersionId> = common
            .iter()
            .flat_map(|id| {
                let mut a = self.ancestors(id);
                a.remove(id);
                a
            })
            .collect();
        common
            .into_iter()
            .filter(|id| !below.contains(id))
            .filter_map(|id| self.get(&id).or_else(|| theirs.get(&id)))
            .max_by(|a, b| (&a.time, &a.id).cmp(&(&b.time, &b.id)))
            .map(|v| v.id.clone())
            .ok_or(NoBase::NothingShared)
    }

    /// Both logs as one: MINE's versions, THEIRS' that MINE lacks, MINE's head last.
    pub fn union(&self, theirs: &VersionLog) -> VersionLog {
        let ids: HashSet<&VersionId> = self.versions.iter().map(|v| &v.id).collect();
        let mut versions: Vec<Version> = self.versions.clone();
        let head = versions.pop();
        versions.extend(
            theirs
                .versions
                .iter()
                .filter(|v| !ids.contains(&v.id))
                .cloned(),
        );
        versions.extend(head);
        VersionLog { versions }
    }
}

/// The versions newest first, for lists: the log's own order reversed.
pub fn newest_first(log: &VersionLog) -> impl Iterator<Item = &Version> {
    log.versions.iter().rev()
}

#[cfg(test)]
mod tests;
