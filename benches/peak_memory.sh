#!/usr/bin/env bash
# Peak memory of `clusterwerkbank check` against the size of the file it checks
# (issue 7: at most 5 x the file size), on the synthetic workspaces.
#
#   benches/peak_memory.sh            # 200 clusters / 20 000 arguments
#   benches/peak_memory.sh 2000 200000
#
# Needs GNU time (/usr/bin/time, Debian package `time`). Release build.
set -euo pipefail
cd "$(dirname "$0")/.."

clusters="${1:-200}"
arguments="${2:-20000}"
folder="$(mktemp -d)"
trap 'rm -rf "$folder"' EXIT
file="$folder/synth-$clusters-$arguments.ron"

cargo build --release --quiet --bin clusterwerkbank --example synth
target="${CARGO_TARGET_DIR:-target}/release"
"$target/examples/synth" --clusters "$clusters" --arguments "$arguments" -o "$file" >/dev/null

/usr/bin/time -v "$target/clusterwerkbank" check "$file" >/dev/null 2>"$folder/time.txt"
peak_kib="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$folder/time.txt")"
wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$folder/time.txt")"
file_bytes="$(wc -c <"$file")"
awk -v peak="$peak_kib" -v size="$file_bytes" -v wall="$wall" -v c="$clusters" -v a="$arguments" 'BEGIN {
    ratio = peak * 1024 / size
    printf "synth %s/%s: file %.1f MB, peak RSS of check %.1f MB = %.2f x the file (target <= 5), wall %s\n",
        c, a, size / 1e6, peak * 1024 / 1e6, ratio, wall
    exit (ratio <= 5 ? 0 : 1)
}'
