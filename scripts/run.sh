#!/usr/bin/env bash
# Installs what is missing, builds Relstudio and starts it on the bundled example release.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup-debian.sh
scripts/build.sh build -- relstudio relstudio-cli example_apps

# The bundled example: the shop release over the example applications and the installed OTP.
example=(--lib-dir build/examples/lib examples/releases/shop-1.0.0.rel)
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display found; starting Relstudio inside a virtual X server (xvfb-run)." >&2
  exec xvfb-run -a build/bin/relstudio "${example[@]}" "$@"
fi
exec build/bin/relstudio "${example[@]}" "$@"
