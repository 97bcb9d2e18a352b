#!/usr/bin/env bash
# Times our DOCX export of a large workspace against pandoc converting our own
# Markdown export of the same workspace to DOCX, side by side with hyperfine.
#
#   benches/docx_vs_pandoc.sh [WORKSPACE.ron]
#
# Without an argument it makes the large synthetic workspace with the synth example
# (200 clusters, 20.000 arguments) if that example exists, and otherwise with the
# export tests' generator (SAVE_LARGE_WORKSPACE, same size).
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

workspace="${1:-}"
if [[ -z "$workspace" ]]; then
    workspace="$work/groot.ron"
    if [[ -f examples/synth.rs || -d examples/synth ]]; then
        cargo run --quiet --release --example synth -- --clusters 200 --arguments 20000 -o "$workspace"
    else
        SAVE_LARGE_WORKSPACE="$workspace" cargo test --quiet --release --test export_large >/dev/null
    fi
fi

cargo build --quiet --release --bin clusterwerkbank
bin=target/release/clusterwerkbank

# The Markdown pandoc starts from is our own export, made once outside the timing.
"$bin" export "$workspace" --format md -o "$work/mededeling.md" >/dev/null

hyperfine --warmup 1 --runs "${RUNS:-5}" \
    --command-name "clusterwerkbank export --format docx" \
    "$bin export '$workspace' --format docx -o '$work/ons.docx'" \
    --command-name "pandoc -f markdown -t docx (onze Markdown)" \
    "pandoc -f markdown -t docx '$work/mededeling.md' -o '$work/pandoc.docx'"

ls -l "$work/ons.docx" "$work/pandoc.docx"
