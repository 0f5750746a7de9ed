#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# connectdesk-ctl against the tools an operator would otherwise use, on the same worker:
#
#   tests/bench/ctl-bench.sh [BUILD_DIR] [CONNECTORS] [DLQ_RECORDS]
#
# A distributed worker with the embedded broker gets CONNECTORS (default 500) idle
# FileStreamSink connectors; then RUNS runs each of
#   curl GET /connectors?expand=status&expand=info   vs  connectdesk-ctl get connectors (-o json)
# and, with DLQ_RECORDS (default 10000) records with __connect.errors.* headers in a DLQ topic,
#   kcat -C -e (JSON envelope)                      vs  connectdesk-ctl dlq --limit N -o json
# Prints the mean wall time of each and the ratio to the baseline. Reported, never asserted.
set -euo pipefail
build=$(realpath "${1:-build}")
connectors=${2:-500}
records=${3:-10000}
runs=${RUNS:-10}
ctl="$build/bin/connectdesk-ctl"
worker="$build/bin/connectdesk-worker"
command -v kcat >/dev/null || { echo "kcat is needed (apt-get install kcat)" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

cat > "$work/worker.properties" <<PROPS
bootstrap.servers=embedded
group.id=ctl-bench
listeners=http://127.0.0.1:0
config.storage.topic=connect-configs
offset.storage.topic=connect-offsets
status.storage.topic=connect-status
config.storage.replication.factor=1
offset.storage.replication.factor=1
status.storage.replication.factor=1
key.converter=org.apache.kafka.connect.storage.StringConverter
value.converter=org.apache.kafka.connect.storage.StringConverter
plugin.path=$build/lib/connectdesk/plugins/1
PROPS
"$worker" distributed "$work/worker.properties" > "$work/worker.out" 2> "$work/worker.err" &
pid=$!
for _ in $(seq 300); do grep -q "^REST API:" "$work/worker.out" 2>/dev/null && grep -q "^embedded broker:" "$work/worker.out" && break; sleep 0.1; done
url=$(sed -n 's/^REST API: //p' "$work/worker.out")
[ -n "$url" ] || { echo "the worker did not start:" >&2; cat "$work/worker.err" >&2; exit 1; }
broker=$(sed -n 's/^embedded broker: //p' "$work/worker.out")
for _ in $(seq 300); do curl -sf "$url/connectors" >/dev/null && break; sleep 0.1; done

echo "worker $url, broker $broker; creating $connectors connectors"
for i in $(seq "$connectors"); do
    curl -sf -XPOST -H 'Content-Type: application/json' "$url/connectors" \
        -d "{\"name\":\"bench-$i\",\"config\":{\"connector.class\":\"FileStreamSink\",\"topics\":\"bench-in\",\"file\":\"$work/out-$i\"}}" >/dev/null
done
curl -sf -XPOST -H 'Content-Type: application/json' "$url/connectors" \
    -d "{\"name\":\"dlq-owner\",\"config\":{\"connector.class\":\"FileStreamSink\",\"topics\":\"bench-in\",\"errors.tolerance\":\"all\",\"errors.deadletterqueue.topic.name\":\"bench-dlq\",\"errors.deadletterqueue.topic.replication.factor\":\"1\"}}" >/dev/null

echo "producing $records DLQ records"
python3 -c "
import sys
for i in range($records):
    print('{\"order\": %d, \"broken\": ' % i)
" | kcat -P -b "$broker" -t bench-dlq -H __connect.errors.topic=orders -H __connect.errors.partition=0 \
    -H __connect.errors.offset=1 -H __connect.errors.connector.name=dlq-owner -H __connect.errors.task.id=0 \
    -H __connect.errors.stage=VALUE_CONVERTER -H __connect.errors.class.name=org.apache.kafka.connect.json.JsonConverter \
    -H __connect.errors.exception.class.name=org.apache.kafka.connect.errors.DataException \
    -H "__connect.errors.exception.message=Converting byte[] to Kafka Connect data failed"

mean_ms() { # command... ; prints the mean of $runs runs in milliseconds
    local start end
    start=$(date +%s%N)
    for _ in $(seq "$runs"); do "$@" > /dev/null; done
    end=$(date +%s%N)
    awk -v a="$start" -v b="$end" -v n="$runs" 'BEGIN { printf "%.1f", (b - a) / n / 1e6 }'
}
report() { awk -v name="$1" -v t="$2" -v base="$3" 'BEGIN { printf "%-52s %8.1f ms  %5.2fx\n", name, t, t / base }'; }

curl_list=$(mean_ms curl -sf "$url/connectors?expand=status&expand=info")
ctl_table=$(mean_ms "$ctl" --url "$url" get connectors)
ctl_json=$(mean_ms "$ctl" --url "$url" get connectors -o json)
ctl_status=$(mean_ms "$ctl" --url "$url" status)
echo
echo "listing $((connectors + 1)) connectors, mean of $runs runs (ratio to curl):"
report "curl GET /connectors?expand=status&expand=info" "$curl_list" "$curl_list"
report "connectdesk-ctl get connectors" "$ctl_table" "$curl_list"
report "connectdesk-ctl get connectors -o json" "$ctl_json" "$curl_list"
report "connectdesk-ctl status" "$ctl_status" "$curl_list"

kcat_read=$(mean_ms kcat -C -b "$broker" -t bench-dlq -e -q -J)
ctl_dlq=$(mean_ms "$ctl" --url "$url" dlq dlq-owner --bootstrap "$broker" --limit "$records" -o json)
ctl_dlq_text=$(mean_ms "$ctl" --url "$url" dlq dlq-owner --bootstrap "$broker" --limit "$records")
echo
echo "reading a DLQ of $records records with headers, mean of $runs runs (ratio to kcat):"
report "kcat -C -e -J" "$kcat_read" "$kcat_read"
report "connectdesk-ctl dlq --limit $records -o json" "$ctl_dlq" "$kcat_read"
report "connectdesk-ctl dlq --limit $records (decoded text)" "$ctl_dlq_text" "$kcat_read"
