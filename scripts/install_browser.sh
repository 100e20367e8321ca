#!/bin/sh
# Installs Debian's chromium for the browser tests (tests/test_browser.py), unless it is already there.
# Playwright drives this system browser; its own browser download is not used.
set -eu

CHROMIUM="${KG_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
    echo "chromium already installed: $CHROMIUM"
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium
"$CHROMIUM" --version
