#!/usr/bin/env bash
# Retakes the README's screenshots from the real application (offscreen, no display needed).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build build --target relstudio example_apps >/dev/null
mkdir -p docs/screenshots
export QT_QPA_PLATFORM=offscreen
build/bin/relstudio --screenshot docs/screenshots/release-editor.png --lib-dir build/examples/lib \
  examples/releases/shop-1.0.0.rel
echo "screenshots written to docs/screenshots/"
