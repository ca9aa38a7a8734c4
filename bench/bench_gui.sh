#!/usr/bin/env bash
# The GUI benchmarks (issue 9), on the offscreen platform, with the release pair of bench_diff.sh
# (release_pair.sh: every OTP application, three of them changed in the new release) packed with
# their ERTS. bench_gui measures, in one process:
#   - opening the old tarball in the inspector until its tree shows (goal ≤ 0.5 s);
#   - the longest stall of the GUI thread (a 5 ms timer watchdog) while the inspector loads it and
#     while the diff view compares the pair and shows the result (goal ≤ 50 ms);
#   - the diff view's wall time, beside the diff engine alone.
# Prints Markdown table rows (| benchmark | Relstudio | other | ratio |) on stdout, progress on stderr.
# Environment: BUILD_DIR (default build; a build with the GUI), RUNS (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
cli="$build/bin/relstudio-cli"
cmake --build "$build" --target bench_gui relstudio-cli >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
otp_root=$(erl -noshell -eval 'io:put_chars(code:root_dir()), halt().')
source bench/release_pair.sh
release_pair "$work" --include-erts

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
echo "bench_gui: two tarballs of $(du -m "$work/old.tar.gz" | cut -f1) MB, $(tar tzf "$work/old.tar.gz" | wc -l) members (load average: $(loadavg))" >&2
QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 RUNS=${RUNS:-5} "$build/bench/bench_gui" "$work/old.tar.gz" "$work/new.tar.gz"
echo "bench_gui: done (load average: $(loadavg))" >&2
