#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs the Debian 12 packages ConnectDesk needs to build, test and run, if any is missing.
# Used by ./run and ./test; safe to run again (does nothing when all are present).
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-httpserver-dev
    qtkeychain-qt6-dev  # the desktop console keeps cluster passwords in the OS keychain
    librdkafka-dev
    libtcmalloc-minimal4
    kcat
    fonts-dejavu-core  # text in the desktop console's offscreen tests and screenshots
    openssl            # certificates for the HTTPS tests
    groff-base         # checks connectdesk-ctl's man page
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Please install as root: ${missing[*]}" >&2; exit 1; }
    sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
