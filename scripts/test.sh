#!/usr/bin/env bash
# Installs what is missing, builds Relstudio and runs the whole test suite: unit, oracle (against the
# real erl), GUI (offscreen) and end-to-end tests; then the unit tests once more under ASan+UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup-debian.sh

jobs=$(nproc)
werror=OFF
[ -n "${CI:-}" ] && werror=ON

echo "== build and run the test suite"
scripts/build.sh build -DRELSTUDIO_WERROR=$werror
(cd build && ctest --output-on-failure --no-tests=error -j "$jobs")

echo "== unit tests under AddressSanitizer and UndefinedBehaviorSanitizer"
scripts/build.sh build-asan -DCMAKE_BUILD_TYPE=Debug -DRELSTUDIO_SANITIZE=ON -DRELSTUDIO_BUILD_GUI=OFF \
  -DRELSTUDIO_WERROR=$werror -- relstudio_unit_tests
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure --no-tests=error -L unit -E '^installer_' -j "$jobs")
