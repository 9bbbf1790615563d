#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh machine, then runs the whole suite.
# Browser tests need Debian's chromium (Playwright cannot download browsers here); it is
# installed when missing and when we are allowed to (root or passwordless sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else SUDO="none"; fi
  if [ "$SUDO" != "none" ]; then
    echo "Installing Debian chromium for the browser tests..."
    $SUDO apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-liberation >/dev/null 2>&1 \
      || echo "chromium could not be installed: browser tests will be skipped"
  fi
fi

ruff check .
python -m pytest "$@"
