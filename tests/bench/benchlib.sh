# SPDX-License-Identifier: Apache-2.0
# Shared by the benchmark scripts (sourced, not run): arguments, clean-up, timing helpers, the
# data file and the development broker.
#
#   source "$(dirname "$0")/benchlib.sh"; bench_init "$@"
#   -> $build $lines $worker $work $here; bench_lines FILE; bench_broker TOPIC:PARTITIONS ...
#      -> $broker

bench_init() {
    build=$(realpath "${1:-build}")
    lines=${2:-1000000}
    worker="$build/bin/connectdesk-worker"
    here=$(dirname "$(realpath "$0")")
    [ -x "$worker" ] || { echo "no worker at $worker; build first" >&2; exit 1; }
    command -v kcat >/dev/null || { echo "kcat is needed (apt-get install kcat)" >&2; exit 1; }
    work=$(mktemp -d)
    pids=()
    trap bench_cleanup EXIT
}

bench_cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f", b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# The time of the first worker log line matching a pattern, in seconds since the epoch.
log_time() { date -d "$(sed -n "s/^\[\([0-9-]* [0-9:]*\),\([0-9]*\)\] .*$1.*/\1.\2/p" "$2" | head -1)" +%s.%N; }

# FILE: $lines lines of 100 bytes (99 characters + newline), each unique.
bench_lines() {
    python3 - "$1" "$lines" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
with open(path, "w") as f:
    for i in range(n):
        f.write(f"{i:010d} " + ("x" * 88) + "\n")
PY
}

# Starts `connectdesk-worker broker` with the given --topic NAME:PARTITIONS and sets $broker.
bench_broker() {
    local args=()
    for topic in "$@"; do args+=(--topic "$topic"); done
    "$worker" broker "${args[@]}" > "$work/broker.out" 2>"$work/broker.err" &
    pids+=($!)
    for _ in $(seq 100); do grep -q "embedded broker:" "$work/broker.out" 2>/dev/null && break; sleep 0.1; done
    broker=$(sed -n 's/^embedded broker: //p' "$work/broker.out")
}
