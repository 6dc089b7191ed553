#!/usr/bin/env bash
# What the portal's browser tests need (tests/Civility.EndToEnd.Tests/Browser): Debian's Chromium and its chromedriver,
# Node.js and npm from the distribution's packages (installed here if missing; never a browser download), and the
# scripts the tests inject into pages (axe-core, jsQR), installed by npm ci from the committed package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  echo "browser prerequisites: installing ${missing[*]} from the distribution's packages..."
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

scripts=tests/Civility.EndToEnd.Tests/Browser/js
if [ ! -f "$scripts/node_modules/.package-lock.json" ] || [ "$scripts/package-lock.json" -nt "$scripts/node_modules/.package-lock.json" ]; then
  (cd "$scripts" && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "browser prerequisites: chromium, chromedriver and the page scripts are ready."
