#!/usr/bin/env bash
# Installs every Debian package Relstudio needs to build, run and test.
# Idempotent and non-interactive: packages already present are not touched.
set -euo pipefail

packages=(
  # build tools
  build-essential cmake ninja-build pkg-config clang-format
  # Qt 6
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
  libqt6svg6 qt6-charts-dev libqt6opengl6-dev libgl-dev
  # libraries
  libquazip1-qt6-dev libspdlog-dev libfmt-dev libarchive-dev zlib1g-dev libdtl-dev libgraphviz-dev
  # headless GUI runs and screenshots
  xvfb xauth
  # validators of the desktop integration files (tests)
  desktop-file-utils appstream libxml2-utils shared-mime-info
  # Erlang/OTP: the oracle the tests compare against
  erlang-base erlang-dev erlang-tools erlang-src erlang-nox
  # the release tools whose tarballs inspect must read (tests/e2e/tst_tool_tarballs)
  rebar3 elixir
  # the big-number type behind arbitrary-size Erlang integers
  libgmp-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages are present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
