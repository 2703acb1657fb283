#!/usr/bin/env bash
# Install the Debian packages the test suite drives for real, only when missing:
# chromium (the HTML view, through Playwright), virtuoso (a bulk-load test),
# raptor2-utils (`rapper`, a strict Turtle parser).  No fonts: graph.html embeds
# its own Thai, Lao and Khmer fonts (kg/view/static/fonts), and
# tests/test_view_fonts.py checks that they draw with no system font for them.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource-7-bin)
command -v rapper >/dev/null 2>&1 || need+=(raptor2-utils)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
echo "installing Debian packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >/dev/null
$SUDO apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
