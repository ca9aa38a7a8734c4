#!/usr/bin/env bash
# Configures and builds Relstudio: scripts/build.sh BUILD_DIR [cmake options...] [-- targets...]
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${1:-build}
shift || true
options=()
targets=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then shift; targets=("$@"); break; fi
  options+=("$1"); shift
done

cmake -S . -B "$build_dir" -G Ninja "${options[@]}"
if [ ${#targets[@]} -gt 0 ]; then
  cmake --build "$build_dir" --target "${targets[@]}"
else
  cmake --build "$build_dir"
fi
