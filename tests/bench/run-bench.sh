#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# FileStream pipeline throughput against kcat, in one run, on the same broker and data.
#
#   tests/bench/run-bench.sh [BUILD_DIR] [LINES]
#
# Starts `connectdesk-worker broker` with two 64-partition topics, writes LINES (default
# 1,000,000) lines of 100 bytes, then measures, each as wall time from process start to done:
#   source: kcat -P -l FILE                      vs a standalone worker with FileStreamSource
#           (done = the offsets file holds position == file size, i.e. every line acked)
#   sink:   kcat -C -e -o beginning > FILE       vs a standalone worker with FileStreamSink
#           (done = the sink file holds every byte)
# and prints ratios (> 1.0 = ConnectDesk faster). The sink is also timed from its partition
# assignment, since the development broker delays every first group join by 3 s (kcat -C uses
# no group). Also: time from worker start to the pipeline running, and the idle worker's RSS.
# Both producers use sticky.partitioning.linger.ms=0: the development broker keeps at most 5 MiB
# per partition, and librdkafka's default sticky partitioner fills one partition at a time, which
# overflows some partitions and silently drops records. Timings are reported, never asserted.
set -euo pipefail
source "$(dirname "$0")/benchlib.sh"
bench_init "$@"

bench_lines "$work/input.txt"
bytes=$(stat -c %s "$work/input.txt")
bench_broker bench-kcat:64 bench-cd:64
echo "broker $broker, $lines lines, $bytes bytes"

cat > "$work/worker.properties" <<PROPS
bootstrap.servers=$broker
key.converter=org.apache.kafka.connect.storage.StringConverter
value.converter=org.apache.kafka.connect.storage.StringConverter
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
PROPS
cat > "$work/sink.properties" <<PROPS
name=bench-sink
connector.class=FileStreamSink
file=$work/sink.txt
topics=bench-kcat
PROPS

# Source: kcat
t0=$(now)
kcat -b "$broker" -X sticky.partitioning.linger.ms=0 -P -t bench-kcat -l "$work/input.txt"
t1=$(now)
kcat_source=$(elapsed "$t0" "$t1")

# Source: ConnectDesk (done when the committed position reaches the end of the file)
t0=$(now)
"$worker" standalone "$work/worker.properties" "$work/source.properties" > "$work/source.log" 2>&1 &
wpid=$!; pids+=($wpid)
read -r _ t1 < <("$here/waitfor.py" offsets "$work/connect.offsets" "$bytes" "$wpid") || { cat "$work/source.log"; exit 1; }
cd_source=$(elapsed "$t0" "$t1")
running=$(sed -n 's/^\[\([0-9-]* [0-9:]*\),\([0-9]*\)\] .*Source task finished initialization.*/\1.\2/p' "$work/source.log")
startup=$(elapsed "$t0" "$(date -d "$running" +%s.%N)")
sleep 2 # idle: the task waits at the end of the file
rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$wpid/status)   # source task idle at end of file
kill -TERM $wpid; wait $wpid || true

# Sink: kcat (reads what kcat produced)
t0=$(now)
kcat -b "$broker" -C -t bench-kcat -o beginning -e -q > "$work/kcat-out.txt"
t1=$(now)
kcat_sink=$(elapsed "$t0" "$t1")
kcat_lines=$(wc -l < "$work/kcat-out.txt")
kcat_bytes=$(stat -c %s "$work/kcat-out.txt")
[ "$kcat_lines" -eq "$lines" ] || echo "warning: the topic holds $kcat_lines of $lines lines (broker retention)" >&2

# Sink: ConnectDesk (same topic, same records)
t0=$(now)
"$worker" standalone "$work/worker.properties" "$work/sink.properties" > "$work/sink.log" 2>&1 &
wpid=$!; pids+=($wpid)
read -r first t1 < <("$here/waitfor.py" size "$work/sink.txt" "$kcat_bytes" "$wpid") || { cat "$work/sink.log"; exit 1; }
cd_sink=$(elapsed "$t0" "$t1")
joined=$(log_time "assigned" "$work/sink.log")
cd_sink_flow=$(elapsed "$joined" "$t1")
sink_lines=$(wc -l < "$work/sink.txt")
sleep 2 # nothing left to consume
busy_rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$wpid/status)
kill -TERM $wpid; wait $wpid || true

# An idle worker: a source on an empty file and a sink on an empty topic, after 5 s.
: > "$work/empty.txt"
sed "s|file=.*input.txt|file=$work/empty.txt|; s/^name=.*/name=idle-source/; s/^topic=.*/topic=bench-idle/" "$work/source.properties" > "$work/idle-source.properties"
sed "s|file=.*sink.txt|file=$work/idle-sink.txt|; s/^name=.*/name=idle-sink/; s/^topics=.*/topics=bench-idle/" "$work/sink.properties" > "$work/idle-sink.properties"
rm -f "$work/connect.offsets"
"$worker" standalone "$work/worker.properties" "$work/idle-source.properties" "$work/idle-sink.properties" > "$work/idle.log" 2>&1 &
wpid=$!; pids+=($wpid)
sleep 5
idle_rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$wpid/status)
kill -TERM $wpid; wait $wpid || true

printf '\n%-44s %10s %10s %8s\n' "pipeline ($lines lines of 100 B)" "kcat s" "CD s" "ratio"
printf '%-44s %10.3f %10.3f %7.2fx\n' "source: file -> topic" "$kcat_source" "$cd_source" "$(ratio "$kcat_source" "$cd_source")"
printf '%-44s %10.3f %10.3f %7.2fx\n' "sink: topic -> file (wall)" "$kcat_sink" "$cd_sink" "$(ratio "$kcat_sink" "$cd_sink")"
printf '%-44s %10.3f %10.3f %7.2fx\n' "sink: topic -> file (after the group join)" "$kcat_sink" "$cd_sink_flow" "$(ratio "$kcat_sink" "$cd_sink_flow")"
printf 'worker start -> source task running: %.3f s\n' "$startup"
printf 'worker RSS: idle (source + sink, no data) %d KB; after its run: source %d KB, sink %d KB\n' "$idle_rss_kb" "$rss_kb" "$busy_rss_kb"
printf 'lines written: kcat %d, ConnectDesk %d (of %d)\n' "$kcat_lines" "$sink_lines" "$lines"
