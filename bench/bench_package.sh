#!/usr/bin/env bash
# Release tarballs and inspect (issue 6), measured in one run against the tools people use today:
#   - `relstudio-cli tar` against systools:make_tar (a whole erl process) and against GNU
#     `tar czf` of the same content, on a release of every OTP application with its ERTS;
#   - `relstudio-cli inspect` against `gzip -t` on that tarball, and inspect's peak memory on it
#     and on a tarball about twice as big (flat: it streams).
# Times are medians of RUNS runs (default 5), the tools interleaved so that all see the same
# machine state. Prints Markdown table rows (| benchmark | Relstudio | other | ratio |) on stdout,
# progress on stderr. Needs a build in BUILD_DIR (default build/).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
runs=${RUNS:-5}
cli="$build/bin/relstudio-cli"
cmake --build "$build" --target relstudio-cli >/dev/null

if [ ! -x /usr/bin/time ]; then
  echo "bench_package: installing GNU time for peak memory" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y time >/dev/null; else sudo apt-get install -y time >/dev/null; fi
fi

otp_root=$(erl -noshell -eval 'io:put_chars(code:root_dir()), halt().')
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

# Every OTP application that has a .app, except erts (which is not an application).
mapfile -t otp_apps < <(ls "$otp_root"/lib/*/ebin/*.app | xargs -n1 basename | sed 's/\.app$//' | grep -vx erts | sort -u)
"$cli" new-rel allotp 1.0 "${otp_apps[@]}" --out "$work/allotp.rel" >/dev/null

# systools:make_tar needs the boot file next to the .rel: made once, not timed.
erl -noshell -eval "ok = file:set_cwd(\"$work\"), {ok, _, _} = systools:make_script(\"allotp\", [silent]), halt()." >/dev/null

# Runs a command (or function) once, discarding its output; prints "WALL_MS CPU_MS" (CPU: user +
# system of it and of the children it waited for, e.g. tar's gzip).
time_ms() {
  local TIMEFORMAT='%3R %3U %3S'
  { time "$@" >/dev/null 2>&1; } 2>"$work/time.out"
  awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$work/time.out"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
wall() { printf '%s\n' "$@" | cut -d' ' -f1 | median; }
cpu() { printf '%s\n' "$@" | cut -d' ' -f2 | median; }
size_of() { stat -c %s "$1"; }
mb() { awk -v b="$1" 'BEGIN {printf "%.1f MB", b / 1e6}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
met() { awk -v v="$1" -v lo="$2" -v hi="$3" 'BEGIN {print (v >= lo && v <= hi) ? "goal met" : "goal NOT met"}'; }

ours_tar() { rm -f "$work/ours.tar.gz"; "$cli" tar "$work/allotp.rel" --include-erts --out "$work/ours.tar.gz"; }
systools_tar() {
  rm -f "$work/sys/allotp.tar.gz"; mkdir -p "$work/sys"
  erl -noshell -eval "ok = file:set_cwd(\"$work\"),
    case systools:make_tar(\"allotp\", [silent, {erts, \"$otp_root\"}, {outdir, \"$work/sys\"}]) of
      ok -> ok; {ok, _, _} -> ok end, halt()."
}
gnu_tar() { rm -f "$work/gnu.tar.gz"; tar -C "$work/content" -czf "$work/gnu.tar.gz" "${top_dirs[@]}"; }

# The content tar czf packs: exactly the members of our tarball, unpacked.
ours_tar >/dev/null
mkdir -p "$work/content"
tar -C "$work/content" -xzf "$work/ours.tar.gz"
mapfile -t top_dirs < <(ls "$work/content")
content_bytes=$(du -sb --apparent-size "$work/content" | cut -f1)
gzip -t "$work/ours.tar.gz"
systools_tar >/dev/null; gnu_tar >/dev/null # warm the page cache for everyone

echo "bench_package: building tarballs, $runs runs each (load average: $(cut -d' ' -f1-3 /proc/loadavg))..." >&2
t_ours=(); t_sys=(); t_gnu=()
for _ in $(seq "$runs"); do
  t_ours+=("$(time_ms ours_tar)")
  t_sys+=("$(time_ms systools_tar)")
  t_gnu+=("$(time_ms gnu_tar)")
done
ours_ms=$(wall "${t_ours[@]}"); ours_cpu=$(cpu "${t_ours[@]}")
sys_ms=$(wall "${t_sys[@]}"); sys_cpu=$(cpu "${t_sys[@]}")
gnu_ms=$(wall "${t_gnu[@]}"); gnu_cpu=$(cpu "${t_gnu[@]}")
best() { printf '%s\n' "$@" | cut -d' ' -f1 | sort -n | head -n 1; }
echo "bench_package: best of $runs: relstudio-cli tar $(best "${t_ours[@]}") ms, systools:make_tar $(best "${t_sys[@]}") ms, tar czf $(best "${t_gnu[@]}") ms" >&2
ours_size=$(size_of "$work/ours.tar.gz")
sys_size=$(size_of "$work/sys/allotp.tar.gz")
gnu_size=$(size_of "$work/gnu.tar.gz")

echo "bench_package: inspect and gzip -t, $runs runs each (load average: $(cut -d' ' -f1-3 /proc/loadavg))..." >&2
t_inspect=(); t_gzip=()
for _ in $(seq "$runs"); do
  t_inspect+=("$(time_ms "$cli" inspect "$work/ours.tar.gz" --json)")
  t_gzip+=("$(time_ms gzip -t "$work/ours.tar.gz")")
done
inspect_ms=$(wall "${t_inspect[@]}"); inspect_cpu=$(cpu "${t_inspect[@]}")
gzip_ms=$(wall "${t_gzip[@]}"); gzip_cpu=$(cpu "${t_gzip[@]}")

# Peak memory (maximum resident set size) of inspect on this tarball and on one five times as big:
# the same files and 100 MB of incompressible data in one more application's priv.
peak_kb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}'; }
mkdir -p "$work/content/lib/bulk-1.0/priv"
head -c 100000000 /dev/urandom >"$work/content/lib/bulk-1.0/priv/blob"
tar -C "$work/content" -czf "$work/big.tar.gz" "${top_dirs[@]}"
big_size=$(size_of "$work/big.tar.gz")
rss_small=$(peak_kb "$cli" inspect "$work/ours.tar.gz" --json)
rss_big=$(peak_kb "$cli" inspect "$work/big.tar.gz" --json)
rss_gzip=$(peak_kb gzip -t "$work/big.tar.gz")

n=${#otp_apps[@]}
time_ratio=$(ratio "$ours_ms" "$gnu_ms")
size_delta=$(awk -v a="$ours_size" -v b="$gnu_size" 'BEGIN {printf "%+.1f", (a / b - 1) * 100}')
size_ok=$(awk -v d="$size_delta" 'BEGIN {print (d >= -3 && d <= 3) ? 1 : 0}')
time_ok=$(awk -v r="$time_ratio" 'BEGIN {print (r <= 0.5) ? 1 : 0}')
tar_goal=$([ "$time_ok$size_ok" = 11 ] && echo "goal met" || echo "goal NOT met")
inspect_ratio=$(ratio "$inspect_ms" "$gzip_ms")

echo "| release tarball of all $n OTP applications and ERTS ($(mb "$content_bytes") of files), whole process | $ours_ms ms (CPU $ours_cpu ms), $(mb "$ours_size") | $sys_ms ms (CPU $sys_cpu ms), $(mb "$sys_size") (systools:make_tar) | $(ratio "$sys_ms" "$ours_ms")× faster |"
echo "| the same content with GNU tar (goal: ≤ 0.5× the time, size within 3 %) | $ours_ms ms, $(mb "$ours_size") | $gnu_ms ms (CPU $gnu_cpu ms), $(mb "$gnu_size") (tar czf) | ${time_ratio}× the time, size ${size_delta} %: $tar_goal |"
echo "| inspect that tarball, whole process (goal: ≤ 1.2× gzip -t) | $inspect_ms ms (CPU $inspect_cpu ms) | $gzip_ms ms (CPU $gzip_cpu ms) (gzip -t) | ${inspect_ratio}×: $(met "$inspect_ratio" 0 1.2) |"
echo "| peak memory of inspect (streams: flat as the tarball grows) | $((rss_small / 1024)) MB on $(mb "$ours_size"), $((rss_big / 1024)) MB on $(mb "$big_size") | $((rss_gzip / 1024)) MB (gzip -t on $(mb "$big_size")) | $(awk -v a="$rss_big" -v b="$rss_small" 'BEGIN {printf "%+.0f %%", (a / b - 1) * 100}') for a $(awk -v a="$big_size" -v b="$ours_size" 'BEGIN {printf "%.1f", a / b}')× bigger tarball |"
