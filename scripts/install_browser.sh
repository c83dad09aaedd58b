#!/bin/sh
# Debian's Chromium and ChromeDriver for the Dagster UI test (tests/ui). Idempotent: does nothing
# when both are installed. Needs root (or sudo) and the Debian package mirror; nothing is
# downloaded from anywhere else.
set -eu
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    exit 0
fi
as_root=""
if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1; then
        as_root="sudo"
    else
        echo "install_browser.sh: Chromium is missing and installing it needs root; run" >&2
        echo "  apt-get install chromium chromium-driver" >&2
        exit 1
    fi
fi
echo "installing Debian's chromium and chromium-driver for the UI test"
$as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
