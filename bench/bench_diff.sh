#!/usr/bin/env bash
# Benchmarks `relstudio-cli diff` on two release tarballs of every installed OTP application that
# differ in three applications (made by release_pair.sh: stdlib: a module changed and the version
# bumped; inets: only the version bumped; crypto: a module added and the version bumped), in the
# same run as:
#   - `gzip -t` of both tarballs, one after the other: reading both inputs is the floor of any
#     diff of them (goal: relstudio-cli diff takes at most 1.5 times as long);
#   - diffoscope on the same pair, when installed (Debian: diffoscope or diffoscope-minimal;
#     goal: relstudio-cli diff is at least 5 times faster).
# Prints Markdown table rows (| benchmark | Relstudio | other | ratio |) on stdout; details on stderr.
# Environment: BUILD_DIR (default build), RUNS (default 7), DIFFOSCOPE_TIMEOUT (default 1800 s).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
runs=${RUNS:-7}
cli="$build/bin/relstudio-cli"
cmake --build "$build" --target relstudio-cli >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
otp_root=$(erl -noshell -eval 'io:put_chars(code:root_dir()), halt().')
mapfile -t apps < <(ls "$otp_root"/lib/*/ebin/*.app | xargs -n1 basename | sed 's/\.app$//' | grep -vx erts)

source bench/timing.sh

# The pair: every OTP application, three of them changed in the new release.
source bench/release_pair.sh
release_pair "$work"

old="$work/old.tar.gz"
new="$work/new.tar.gz"
# The diff must find exactly the three applications.
set +e
"$cli" diff --json "$old" "$new" > "$work/diff.json"
status=$?
set -e
[ "$status" -eq 1 ] || { echo "bench_diff: relstudio-cli diff exited $status, expected 1" >&2; exit 1; }
for app in stdlib inets crypto; do
  grep -q "\"name\": \"$app\"" "$work/diff.json" || { echo "bench_diff: $app not reported" >&2; exit 1; }
done
mb=$(du -m "$old" | cut -f1)
files=$(tar tzf "$old" | wc -l)
echo "bench_diff: ${#apps[@]} applications, $files members, ${mb} MB compressed per release" >&2

diff_releases() { "$cli" diff "$@" || [ $? -eq 1 ]; } # 1: they differ
ours=$(median_ms "$runs" diff_releases "$old" "$new")
gzip_both=$(median_ms "$runs" sh -c 'gzip -t "$1" && gzip -t "$2"' sh "$old" "$new")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
echo "| diff two release tarballs of all ${#apps[@]} OTP applications (${mb} MB each, 3 differ) | $ours ms | $gzip_both ms (gzip -t of both, in a row) | $(ratio "$ours" "$gzip_both")× the time (goal ≤ 1.5×) |"

diffoscope=$(command -v diffoscope || true)
if [ -n "$diffoscope" ]; then
  t0=$(date +%s%N)
  set +e
  timeout "${DIFFOSCOPE_TIMEOUT:-1800}" "$diffoscope" --no-progress --text "$work/diffoscope.txt" "$old" "$new" >/dev/null 2>"$work/diffoscope.err"
  status=$?
  set -e
  t1=$(date +%s%N)
  theirs=$(awk -v n=$(( (t1 - t0) / 1000 )) 'BEGIN {printf "%.1f", n / 1000}')
  if [ "$status" -le 1 ]; then
    version=$("$diffoscope" --version 2>/dev/null | awk '{print $2}')
    echo "| the same pair against diffoscope | $ours ms | $theirs ms (diffoscope $version, one run) | $(ratio "$theirs" "$ours")× faster (goal ≥ 5×) |"
  elif [ "$status" -eq 124 ]; then
    echo "| the same pair against diffoscope | $ours ms | > $theirs ms (diffoscope timed out) | > $(ratio "$theirs" "$ours")× faster (goal ≥ 5×) |"
  else
    echo "bench_diff: diffoscope failed ($status): $(tail -3 "$work/diffoscope.err")" >&2
  fi
else
  echo "bench_diff: diffoscope is not installed (apt-get install diffoscope-minimal): no comparison" >&2
fi
