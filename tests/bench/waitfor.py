#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Waits, in one light process, until a benchmark pipeline is done, and prints timestamps.

  waitfor.py offsets FILE BYTES PID   done when ConnectDesk's offsets file commits position BYTES
  waitfor.py size FILE BYTES PID      done when FILE holds BYTES bytes

Prints "<first> <done>" (epoch seconds): first = first progress seen. Exits 1 if PID dies first.
"""
import base64, json, os, sys, time

mode, path, target, pid = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])

def committed_position():
    try:
        with open(path, "rb") as f:
            lines = f.read().split(b"\n")
    except FileNotFoundError:
        return 0
    best = 0
    for line in lines[1:]:
        parts = line.split(b" ")
        if len(parts) != 2 or parts[0] == b"end":
            continue
        value = json.loads(base64.b64decode(parts[1]))
        best = max(best, int(value.get("position") or 0))
    return best

def progress():
    if mode == "offsets":
        return committed_position()
    try:
        return os.stat(path).st_size
    except FileNotFoundError:
        return 0

first = None
while True:
    now = time.time()
    p = progress()
    if first is None and p > 0:
        first = now
    if p >= target:
        print(f"{first:.6f} {now:.6f}")
        sys.exit(0)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        sys.exit(1)
    time.sleep(0.005)
