#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# A whole pipeline with transforms against kcat, in one run, on the same broker and data.
#
#   tests/bench/pipeline-bench.sh [BUILD_DIR] [LINES]
#
# file → Kafka → file, LINES (default 1,000,000) lines of 100 bytes, on a development broker in
# its own process (64-partition topics):
#   kcat:        kcat -P -l FILE, then kcat -C -e > OUT (the bytes moved, nothing else)
#   ConnectDesk: one standalone worker running both connectors at once, JsonConverter
#                (schemas.enable=false) for values and three transforms:
#                  source  HoistField$Value (line → {"line": ...}) → InsertField$Value (static
#                          field origin=bench), so the topic holds {"line":"…","origin":"bench"}
#                  sink    ExtractField$Value (field line), so OUT holds the lines again
# Timed like kcat's two steps: the source alone, from the worker's start until every line's
# offset is committed, then the sink alone, from its partition assignment until OUT holds every
# byte (the development broker waits 3 s before a first consumer-group join; kcat -C uses no
# group). Then both connectors in one worker, wall clock from its start, as a user runs them.
# Prints ratios (> 1.0 = ConnectDesk faster). Timings are reported, never asserted.
set -euo pipefail
source "$(dirname "$0")/benchlib.sh"
bench_init "$@"

bench_lines "$work/input.txt"
bytes=$(stat -c %s "$work/input.txt")
bench_broker bench-kcat:64 bench-cd:64 bench-cd2:64
echo "broker $broker, $lines lines, $bytes bytes"

cat > "$work/worker.properties" <<PROPS
bootstrap.servers=$broker
key.converter=org.apache.kafka.connect.storage.StringConverter
value.converter=org.apache.kafka.connect.json.JsonConverter
value.converter.schemas.enable=false
offset.storage.file.filename=$work/connect.offsets
offset.flush.interval.ms=100
consumer.session.timeout.ms=6000
# As for kcat: spread records over partitions one by one (see README.md)
producer.sticky.partitioning.linger.ms=0
PROPS
cat > "$work/source.properties" <<PROPS
name=bench-source
connector.class=FileStreamSource
file=$work/input.txt
topic=bench-cd
transforms=hoist,insert
transforms.hoist.type=org.apache.kafka.connect.transforms.HoistField\$Value
transforms.hoist.field=line
transforms.insert.type=org.apache.kafka.connect.transforms.InsertField\$Value
transforms.insert.static.field=origin
transforms.insert.static.value=bench
PROPS
cat > "$work/sink.properties" <<PROPS
name=bench-sink
connector.class=FileStreamSink
file=$work/sink.txt
topics=bench-cd
transforms=extract
transforms.extract.type=org.apache.kafka.connect.transforms.ExtractField\$Value
transforms.extract.field=line
PROPS

# kcat: produce the file, then consume it back.
t0=$(now)
kcat -b "$broker" -X sticky.partitioning.linger.ms=0 -P -t bench-kcat -l "$work/input.txt"
kcat -b "$broker" -C -t bench-kcat -o beginning -e -q > "$work/kcat-out.txt"
t1=$(now)
kcat_time=$(elapsed "$t0" "$t1")
kcat_lines=$(wc -l < "$work/kcat-out.txt")

# ConnectDesk, the source alone, then the sink alone.
t0=$(now)
"$worker" standalone "$work/worker.properties" "$work/source.properties" > "$work/source.log" 2>&1 &
wpid=$!; pids+=($wpid)
read -r _ t1 < <("$here/waitfor.py" offsets "$work/connect.offsets" "$bytes" "$wpid") || { tail -20 "$work/source.log"; exit 1; }
source_time=$(elapsed "$t0" "$t1")
kill -TERM $wpid; wait $wpid || true
"$worker" standalone "$work/worker.properties" "$work/sink.properties" > "$work/sink.log" 2>&1 &
wpid=$!; pids+=($wpid)
read -r _ t1 < <("$here/waitfor.py" size "$work/sink.txt" "$bytes" "$wpid") || { tail -20 "$work/sink.log"; exit 1; }
sink_time=$(elapsed "$(log_time "assigned" "$work/sink.log")" "$t1")
kill -TERM $wpid; wait $wpid || true
cd_serial=$(awk -v a="$source_time" -v b="$sink_time" 'BEGIN { printf "%.6f", a + b }')
cmp -s <(sort "$work/input.txt") <(sort "$work/sink.txt") && same=yes || same=NO
sample=$(kcat -b "$broker" -C -t bench-cd -c 1 -e -q)

# ConnectDesk, both connectors in one worker, on a fresh topic.
rm -f "$work/connect.offsets" "$work/sink.txt"
sed -i 's/^topic=.*/topic=bench-cd2/' "$work/source.properties"
sed -i 's/^topics=.*/topics=bench-cd2/; s/^name=.*/name=bench-sink2/' "$work/sink.properties"
t0=$(now)
"$worker" standalone "$work/worker.properties" "$work/source.properties" "$work/sink.properties" > "$work/worker.log" 2>&1 &
wpid=$!; pids+=($wpid)
read -r _ t1 < <("$here/waitfor.py" size "$work/sink.txt" "$bytes" "$wpid") || { tail -20 "$work/worker.log"; exit 1; }
cd_wall=$(elapsed "$t0" "$t1")
rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$wpid/status)
kill -TERM $wpid; wait $wpid || true

printf '\n%-52s %10s %10s %8s\n' "file -> Kafka -> file ($lines lines of 100 B)" "kcat s" "CD s" "ratio"
printf '%-52s %10.3f %10.3f %7.2fx\n' "step by step (source $(printf %.2f "$source_time") s + sink $(printf %.2f "$sink_time") s)" "$kcat_time" "$cd_serial" "$(ratio "$kcat_time" "$cd_serial")"
printf '%-52s %10.3f %10.3f %7.2fx\n' "one worker, wall clock with the 3 s group join" "$kcat_time" "$cd_wall" "$(ratio "$kcat_time" "$cd_wall")"
printf 'ConnectDesk output equals the input (as sets): %s; kcat read %d lines; worker RSS at the end %d KB\n' "$same" "$kcat_lines" "$rss_kb"
printf 'a record on the topic: %s\n' "$sample"
