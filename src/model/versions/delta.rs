//! Line deltas between two contents, as RCS keeps them: the lines to replace in one
//! text to get the other. Found with Myers' O(ND) difference algorithm (the one git
//! and GNU diff use) after cutting the common beginning and end, so a save that
//! changed a field or two costs a few lines however large the workspace.

use serde::{Deserialize, Serialize};

/// Replace `del` lines from line `at` (0-based) with `add`; or, with `part`, change
/// only a piece of line `at`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hunk {
    pub at: usize,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub del: usize,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<Part>,
}

/// Within one line: replace `cut` characters from character `from` with `put`. A
/// long text is one line, so a word changed in the communication's context would
/// otherwise cost the whole paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub from: usize,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub cut: usize,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub put: String,
}

/// A one-line hunk as a change within the line, when that is shorter.
fn within(hunk: Hunk, old: &str) -> Hunk {
    let [new] = hunk.add.as_slice() else {
        return hunk;
    };
    if hunk.del != 1 {
        return hunk;
    }
    let (a, b): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let put: String = b[head..b.len() - tail].iter().collect();
    // Worth it only when it leaves out a good part of the line.
    if put.len() + 24 >= new.len() {
        return hunk;
    }
    Hunk {
        at: hunk.at,
        del: 0,
        add: Vec::new(),
        part: Some(Part {
            from: head,
            cut: a.len() - head - tail,
            put,
        }),
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Beyond this many differing lines the middle is stored whole: Myers' work grows
/// with the square of the differences, and such a save (a merge, a restore of an old
/// version) is rare.
const MAX_DIFFERENCES: usize = 4_000;

/// The hunks that turn `from` into `to`, ascending and not overlapping.
pub fn diff(from: &[String], to: &[String]) -> Vec<Hunk> {
    let prefix = from.iter().zip(to).take_while(|(a, b)| a == b).count();
    let suffix = from[prefix..]
        .iter()
        .rev()
        .zip(to[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let a = &from[prefix..from.len() - suffix];
    let b = &to[prefix..to.len() - suffix];
    if a.is_empty() && b.is_empty() {
        return Vec::new();
    }
    let matches = same_lines(a, b).unwrap_or_default();
    let mut hunks = Vec::new();
    let (mut i, mut j) = (0, 0);
    for (mi, mj) in matches.into_iter().chain([(a.len(), b.len())]) {
        if mi > i || mj > j {
            let hunk = Hunk {
                at: prefix + i,
                del: mi - i,
                add: b[j..mj].to_vec(),
                part: None,
            };
            hunks.push(match a.get(i) {
                Some(old) => within(hunk, old),
                None => hunk,
            });
        }
        i = mi + 1;
        j = mj + 1;
    }
    hunks
}

/// The pairs of equal lines a shortest edit keeps, in order; `None` past
/// [`MAX_DIFFERENCES`].
fn same_lines(a: &[String], b: &[String]) -> Option<Vec<(usize, usize)>> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let most = (a.len() + b.len()).min(MAX_DIFFERENCES);
    let offset = most as isize + 1;
    let mut v = vec![0isize; 2 * most + 3];
    // The frontier before each round, from k = -d-1 to d+1, for the way back.
    let mut trace: Vec<Vec<isize>> = Vec::new();
    let at = |k: isize| (k + offset) as usize;
    for d in 0..=most as isize {
        trace.push(v[at(-d - 1)..=at(d + 1)].to_vec());
        let mut k = -d;
        while k <= d {
            let mut x = if k == -d || (k != d && v[at(k - 1)] < v[at(k + 1)]) {
                v[at(k + 1)]
            } else {
                v[at(k - 1)] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[at(k)] = x;
            if x >= n && y >= m {
                return Some(walk_back(&trace, n, m));
            }
            k += 2;
        }
    }
    None
}

fn walk_back(trace: &[Vec<isize>], n: isize, m: isize) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let (mut x, mut y) = (n, m);
    for (d, v) in trace.iter().enumerate().rev() {
        let d = d as isize;
        let get = |k: isize| v.get((k + d + 1) as usize).copied().unwrap_or(0);
        let k = x - y;
        let prev_k = if k == -d || (k != d && get(k - 1) < get(k + 1)) {
            k + 1
        } else {
            k - 1
        };
        let prev_x = get(prev_k);
        let prev_y = prev_x - prev_k;
        while x > prev_x && y > prev_y {
            pairs.push(((x - 1) as usize, (y - 1) as usize));
            x -= 1;
            y -= 1;
        }
        if d > 0 {
            x = prev_x;
            y = prev_y;
        }
    }
    pairs.reverse();
    pairs
}

/// `lines` with the hunks applied; `None` when a hunk reaches past the end or the
/// hunks overlap (a damaged or hand-edited history).
pub fn apply(mut lines: Vec<String>, hunks: &[Hunk]) -> Option<Vec<String>> {
    let mut end = lines.len();
    for hunk in hunks.iter().rev() {
        if let Some(part) = &hunk.part {
            if hunk.at >= end {
                return None;
            }
            let line = lines.get_mut(hunk.at)?;
            let start = char_offset(line, part.from)?;
            let stop = char_offset(line.get(start..)?, part.cut)? + start;
            line.replace_range(start..stop, &part.put);
            end = hunk.at;
            continue;
        }
        let stop = hunk.at.checked_add(hunk.del)?;
        if stop > end {
            return None;
        }
        lines.splice(hunk.at..stop, hunk.add.iter().cloned());
        end = hunk.at;
    }
    Some(lines)
}

/// The byte offset of character `n` of `text` (its end for `n` = its length).
fn char_offset(text: &str, n: usize) -> Option<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .nth(n)
}
