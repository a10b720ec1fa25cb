#!/usr/bin/env bash
# Install what the browser tests (tests/e2e/) need, on a clean Debian machine
# or a developer's: Debian's Chromium, Node.js with npm, and the JavaScript
# tools pinned in package-lock.json (axe-core). Playwright itself is a Python
# package in requirements-dev.txt; its own browser download is not used.
# Safe to run again: it installs only what is missing, then `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="${E2E_CHROMIUM:-/usr/bin/chromium}"

apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Run as root or install sudo to get: $*" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
command -v npm >/dev/null || missing+=(nodejs npm)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== installing with apt-get: ${missing[*]}"
  apt_install "${missing[@]}"
fi

echo "== npm ci (JavaScript test tools from package-lock.json)"
npm ci --no-audit --no-fund

echo "Browser tools ready: $("$CHROMIUM" --version 2>/dev/null | head -n 1), axe-core $(node -p 'require("axe-core/package.json").version')"
