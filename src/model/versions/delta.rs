//! Line deltas between two contents, as RCS keeps them: the lines to replace in one
//! text to get the other. Found with Myers' O(ND) difference algorithm (the one git
//! and GNU diff use) after cutting the common beginning and end, so a save that
//! changed a field or two costs a few lines however large the workspace.

use serde::{Deserialize, Serialize};

/// Replace `del` lines from line `at` (0-based) with `add`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hunk {
    pub at: usize,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub del: usize,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add: Vec<String>,
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
            hunks.push(Hunk {
                at: prefix + i,
                del: mi - i,
                add: b[j..mj].to_vec(),
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
        let stop = hunk.at.checked_add(hunk.del)?;
        if stop > end {
            return None;
        }
        lines.splice(hunk.at..stop, hunk.add.iter().cloned());
        end = hunk.at;
    }
    Some(lines)
}
