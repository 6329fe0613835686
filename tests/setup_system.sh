#!/usr/bin/env bash
# System packages a fresh machine lacks: gettext (compilemessages) for everything, plus
# Chromium (browser tests) and DejaVu fonts (PDF receipts) with `--tests`. Needs root.
set -euo pipefail
missing=()
command -v msgfmt >/dev/null || missing+=(gettext)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ "${1:-}" = "--tests" ]; then
  command -v chromium >/dev/null || missing+=(chromium)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
