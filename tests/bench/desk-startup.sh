#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Cold start of the desktop console: process start to the first painted main window, on a
# real X display (xvfb-run) when there is none, else the offscreen platform. The Local sandbox
# starts after the window is up (on its own thread), so it is measured separately: window to
# "sandbox ready" is in the console's status bar, not here.
#
#   tests/bench/desk-startup.sh [build] [runs=10]
set -euo pipefail
build=$(realpath "${1:-build}")
runs=${2:-10}
desk="$build/bin/connectdesk"
[ -x "$desk" ] || { echo "no console at $desk; build first" >&2; exit 1; }
settings=$(mktemp -d)
xvfb=""
trap 'rm -rf "$settings"; [ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true' EXIT

measure() {
    # $1: label; the rest: how to run the console.
    local label=$1
    shift
    local paints=() walls=()
    for _ in $(seq "$runs"); do
        local start end paint
        start=$(date +%s%N)
        paint=$(XDG_CONFIG_HOME="$settings" XDG_DATA_HOME="$settings" CONNECTDESK_STARTUP_PROBE=1 \
            "$@" "$desk" --no-sandbox 2>/dev/null | sed -n 's/^first paint: \([0-9]*\) ms$/\1/p')
        end=$(date +%s%N)
        paints+=("$paint")
        walls+=($(((end - start) / 1000000)))
    done
    local median_paint median_wall
    median_paint=$(printf '%s\n' "${paints[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    median_wall=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    echo "$label: first paint ${median_paint} ms after main() (median of $runs); process start to exit ${median_wall} ms"
}

if command -v Xvfb >/dev/null; then
    # One X server for every run, started before the clock.
    display=":$((90 + RANDOM % 100))"
    Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    sleep 1
    measure "X11 (Xvfb)" env DISPLAY="$display" QT_QPA_PLATFORM=xcb
fi
measure "offscreen" env QT_QPA_PLATFORM=offscreen
