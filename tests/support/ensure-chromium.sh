#!/bin/sh
# Tests drive a real Chromium. Playwright cannot download its own browser on these
# machines, so use the system one: CHROMIUM_PATH, else /usr/bin/chromium, else install
# Debian's package when running as root, else say exactly what to do.
set -e
if [ -n "$CHROMIUM_PATH" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found: installing Debian's chromium package (one time)..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null
  exit 0
fi
echo "The tests need Chromium. Install it with: sudo apt-get install chromium" >&2
echo "or point CHROMIUM_PATH at a Chromium or Chrome binary." >&2
exit 1
