#!/usr/bin/env bash
# Debian packages the tests need: Chromium (browser test, driven by playwright-core) and fonts with
# full Vietnamese coverage so screenshots render diacritics; poppler-utils (pdftotext, pdftoppm) to check
# the signed result PDFs. Idempotent; needs root.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Cần quyền root để cài: ${need[*]} / run as root to install: ${need[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
echo "chromium: $(chromium --version 2>/dev/null || echo missing)"
