#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""REST API benchmark of a distributed worker (see rest-bench.sh for what and why)."""
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request


def http(method, url, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=120) as reply:
            return reply.status, reply.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    build = os.path.realpath(sys.argv[1] if len(sys.argv) > 1 else "build")
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    worker = os.path.join(build, "bin", "connectdesk-worker")
    work = tempfile.mkdtemp()
    port = free_port()
    props = os.path.join(work, "worker.properties")
    with open(props, "w") as f:
        f.write(f"""bootstrap.servers=embedded
group.id=bench-cluster
config.storage.topic=connect-configs
offset.storage.topic=connect-offsets
status.storage.topic=connect-status
key.converter=org.apache.kafka.connect.storage.StringConverter
value.converter=org.apache.kafka.connect.storage.StringConverter
listeners=http://127.0.0.1:{port}
""")
    base = f"http://127.0.0.1:{port}"

    # 1. Worker start -> REST answering GET / (polled every millisecond).
    started = time.monotonic()
    proc = subprocess.Popen([worker, "distributed", props], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    answered = None
    while answered is None and time.monotonic() - started < 30:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.05) as s:
                s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                if s.recv(16).startswith(b"HTTP/1.1 200"):
                    answered = time.monotonic() - started
        except OSError:
            time.sleep(0.001)
    while http("GET", base + "/health")[0] != 200:
        time.sleep(0.01)
    ready = time.monotonic() - started
    print(f"start -> REST answering GET /: {answered * 1000:.0f} ms; -> /health healthy: {ready * 1000:.0f} ms")
    idle = rss_mb(proc.pid)

    # 2. Register idle sources (FileStreamSource on files that do not exist).
    rss100 = None
    t0 = time.monotonic()
    for i in range(total):
        status, body = http("POST", base + "/connectors", {
            "name": f"idle-{i:04d}",
            "config": {"connector.class": "FileStreamSource", "topic": f"idle-{i % 10}",
                       "file": os.path.join(work, f"missing-{i}.txt")}})
        if status != 201:
            print(f"create idle-{i}: {status} {body[:200]}", file=sys.stderr)
            sys.exit(1)
        if i + 1 == 100:
            time.sleep(2)
            rss100 = rss_mb(proc.pid)
    created = time.monotonic() - t0
    time.sleep(3)
    status, body = http("GET", base + "/connectors?expand=status")
    running = sum(1 for v in json.loads(body).values() if v["status"]["connector"]["state"] == "RUNNING")
    print(f"created {total} connectors in {created:.1f} s ({total / created:.0f}/s); {running} RUNNING; "
          f"response {len(body) / 1024:.0f} KiB")
    print(f"RSS: idle {idle:.0f} MB, 100 connectors {rss100:.0f} MB, {total} connectors {rss_mb(proc.pid):.0f} MB")

    # 3. GET /connectors?expand=status under wrk (32 connections, 2 threads, 10 s).
    out = subprocess.run(["wrk", "-t2", "-c32", "-d10s", "--latency", base + "/connectors?expand=status"],
                         capture_output=True, text=True).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
    p99 = re.search(r"99%\s+([\d.]+\w+)", out).group(1)
    print(f"wrk GET /connectors?expand=status ({total} connectors): {float(rps):.0f} req/s, p99 {p99}")
    out = subprocess.run(["wrk", "-t2", "-c32", "-d5s", "--latency", base + "/connectors/idle-0001/status"],
                         capture_output=True, text=True).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
    p99 = re.search(r"99%\s+([\d.]+\w+)", out).group(1)
    print(f"wrk GET /connectors/idle-0001/status: {float(rps):.0f} req/s, p99 {p99}")

    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()


if __name__ == "__main__":
    main()
