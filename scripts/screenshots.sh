#!/usr/bin/env bash
# Retakes the README's screenshots from the real application (offscreen, no display needed).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build build --target relstudio example_apps tst_build_dialog tst_appup_view tst_inspector \
  tst_dependency_graph tst_diff_view >/dev/null
mkdir -p docs/screenshots
export QT_QPA_PLATFORM=offscreen
build/bin/relstudio --screenshot docs/screenshots/release-editor.png --lib-dir build/examples/lib \
  examples/releases/shop-1.0.0.rel
export RELSTUDIO_SCREENSHOT_DIR=$PWD/docs/screenshots
build/tests/tst_build_dialog screenshot >/dev/null
build/tests/tst_appup_view >/dev/null
build/tests/tst_dependency_graph >/dev/null
build/tests/tst_diff_view screenshot >/dev/null
RELSTUDIO_INSPECTOR_SCREENSHOT=docs/screenshots/inspector.png build/tests/tst_inspector screenshot >/dev/null
echo "screenshots written to docs/screenshots/"
