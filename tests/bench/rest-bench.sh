#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# The REST API under load, on a distributed worker with the embedded broker.
#
#   tests/bench/rest-bench.sh [BUILD_DIR] [CONNECTORS]
#
# Measures: worker start -> REST answering (GET / polled every millisecond, and /health
# healthy); RSS idle, with 100 and with CONNECTORS (default 1000) idle FileStreamSource
# connectors (files that do not exist); then wrk (2 threads, 32 connections) on
# GET /connectors?expand=status and on one connector's status. Reported, never asserted.
set -euo pipefail
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
exec python3 "$(dirname "$0")/rest_bench.py" "${1:-build}" "${2:-1000}"
