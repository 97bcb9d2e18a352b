#!/usr/bin/env bash
# Start to first drawn frame of the release build under Xvfb, RUNS times (default 10),
# with each renderer. The window reports the time itself (CLUSTERWERKBANK_STARTUP_PROBE:
# from the start of `main`'s window code to the second frame, which eframe begins once
# the first is presented) and closes; hyperfine-style whole-process times are printed
# too, since they include loading the binary and closing the window.
#
#   benches/startup.sh [WORKSPACE.ron]
#
# Needs: xvfb (apt-get install -y --no-install-recommends xvfb mesa-vulkan-drivers libvulkan1).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
cargo build --release --quiet
BIN=target/release/clusterwerkbank

if [ -z "${DISPLAY:-}" ]; then
    Xvfb :97 -screen 0 1600x1000x24 >/dev/null 2>&1 &
    XVFB=$!
    trap 'kill $XVFB' EXIT
    export DISPLAY=:97
    sleep 1
fi
DATA=$(mktemp -d)
export CLUSTERWERKBANK_DATA_DIR=$DATA XDG_DATA_HOME=$DATA

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

for renderer in wgpu glow; do
    frames=()
    totals=()
    for _ in $(seq "$RUNS"); do
        start=$(date +%s%N)
        line=$(CLUSTERWERKBANK_STARTUP_PROBE=1 "$BIN" --renderer "$renderer" "$@" 2>/dev/null | grep 'eerste frame' || true)
        end=$(date +%s%N)
        frames+=("$(echo "$line" | grep -oE '[0-9]+\.[0-9]+' || echo NaN)")
        totals+=("$(( (end - start) / 1000000 ))")
    done
    echo "$renderer: first frame median $(printf '%s\n' "${frames[@]}" | median) ms" \
        "(runs: ${frames[*]}); whole process median $(printf '%s\n' "${totals[@]}" | median) ms"
done
