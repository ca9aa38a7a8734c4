#!/usr/bin/env bash
# Runs Relstudio's benchmarks against OTP's own tools on this machine, in one run, and prints a
# Markdown table of ratios (also written to bench/results.md). Needs a build in build/.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
cmake --build "$build" --target bench_term_io relstudio-cli >/dev/null

otp_root=$(erl -noshell -eval 'io:put_chars(code:root_dir()), halt().')
mapfile -t app_files < <(ls "$otp_root"/lib/*/ebin/*.app)

source bench/timing.sh

erl_files=$(printf '"%s",' "${app_files[@]}"); erl_files="[${erl_files%,}]"

results=()
row() { results+=("| $1 | $2 | $3 | $4 |"); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f×", a / b}'; }

# 1. Reading and printing every OTP .app file: whole process against erl doing file:consult.
ours=$(median_ms 7 "$build/bench/bench_term_io" 1 "${app_files[@]}")
theirs=$(median_ms 7 erl -noshell -eval "[{ok,_} = file:consult(F) || F <- $erl_files], halt().")
row "read + print ${#app_files[@]} OTP .app files, whole process" "$ours ms" "$theirs ms (erl file:consult)" "$(ratio "$theirs" "$ours") faster"

# 2. The same inside warm processes: best of 50 passes each.
ours_us=$("$build/bench/bench_term_io" 50 "${app_files[@]}")
theirs_us=$(erl -noshell -eval "Fs = $erl_files, T = lists:min([element(1, timer:tc(fun() -> [{ok,_} = file:consult(F) || F <- Fs] end)) || _ <- lists:seq(1,50)]), io:format(\"~b\", [T]), halt().")
row "the same, warm (best of 50 passes)" "$(awk -v u="$ours_us" 'BEGIN{printf "%.2f ms", u/1000}')" "$(awk -v u="$theirs_us" 'BEGIN{printf "%.2f ms", u/1000}') (erl, no printing)" "$(ratio "$theirs_us" "$ours_us") faster"

# 3. Boot script of a release of every OTP application: relstudio-cli script against
#    systools:make_script, whole process each.
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mapfile -t otp_apps < <(ls "$otp_root"/lib/*/ebin/*.app | xargs -n1 basename | sed 's/\.app$//' | grep -vx erts)
"$build/bin/relstudio-cli" new-rel allotp 1.0 "${otp_apps[@]}" --out "$work/allotp.rel" >/dev/null
ours=$(median_ms 9 "$build/bin/relstudio-cli" script "$work/allotp.rel" --out "$work/ours")
theirs=$(median_ms 9 erl -noshell -eval "{ok, _, _} = systools:make_script(\"$work/allotp\", [silent, {outdir, \"$work\"}]), halt().")
cmp -s "$work/ours/allotp.boot" "$work/allotp.boot" || { echo "bench: the two .boot files differ" >&2; exit 1; }
row "boot script of all ${#otp_apps[@]} OTP applications, whole process" "$ours ms" "$theirs ms (systools:make_script)" "$(ratio "$theirs" "$ours") faster"

# 4. Tarballs and inspect; 5. release diff; 6. the GUI's inspector and diff view (their own
#    scripts print table rows).
mapfile -t package_rows < <(BUILD_DIR="$build" bash bench/bench_package.sh)
mapfile -t diff_rows < <(BUILD_DIR="$build" bash bench/bench_diff.sh)
mapfile -t gui_rows < <(BUILD_DIR="$build" bash bench/bench_gui.sh)
results+=("${package_rows[@]}" "${diff_rows[@]}" "${gui_rows[@]}")

{
  echo "| benchmark | Relstudio | other | ratio |"
  echo "|---|---|---|---|"
  printf '%s\n' "${results[@]}"
  echo
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, OTP $(erl -noshell -eval 'io:put_chars(erlang:system_info(otp_release)), halt().')."
} | tee bench/results.md
