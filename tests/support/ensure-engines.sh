#!/bin/sh
# The Firefox and WebKit suites (tests/engines) drive Debian's browsers: firefox-esr over
# WebDriver BiDi, and WebKitGTK's MiniBrowser through WebKitWebDriver (webkit2gtk-driver).
# Both need a display for WebGL (headless Firefox has none): Xvfb, unless DISPLAY is set.
# The Nu HTML Checker (tests/e2e/html-validity.spec.ts) needs Java 17 or newer.
# Missing ones are installed with apt when running as root, else this says what to install.
set -e
firefox=${FIREFOX_PATH:-/usr/bin/firefox-esr}
driver=${WEBKIT_DRIVER_PATH:-/usr/bin/WebKitWebDriver}
minibrowser=${MINIBROWSER_PATH:-/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser}
missing=""
[ -x "$firefox" ] || missing="$missing firefox-esr"
[ -x "$driver" ] && [ -x "$minibrowser" ] || missing="$missing webkit2gtk-driver"
[ -n "$DISPLAY" ] || command -v xvfb-run >/dev/null 2>&1 || missing="$missing xvfb xauth"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's$missing for the Firefox, WebKit and HTML checks (one time)..."
  apt-get update -qq >/dev/null
  # Another apt on the machine (a CI image warming up) holds the lock for a while: wait for it.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 $missing fonts-noto-core >/dev/null
  exit 0
fi
echo "The Firefox, WebKit and HTML checks need:$missing" >&2
echo "Install them with: sudo apt-get install$missing" >&2
echo "or point FIREFOX_PATH, WEBKIT_DRIVER_PATH and MINIBROWSER_PATH at other builds (and set DISPLAY to use your own display)." >&2
exit 1
