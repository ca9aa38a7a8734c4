# Shared by the benchmark scripts (source it).
#
# median_ms RUNS CMD [ARG]...: runs CMD RUNS times (output discarded) and prints the median wall
# time in milliseconds. The clock is bash's own $EPOCHREALTIME, read without starting a process, so
# the figure is the command alone (`$(date +%s%N)` would add the start-up of `date` to every run).
# A command that fails stops the benchmark; wrap commands whose non-zero exit is expected.
median_ms() {
  local runs=$1; shift
  local times=() t0 t1 LC_NUMERIC=C # $EPOCHREALTIME with a decimal point
  for _ in $(seq "$runs"); do
    t0=$EPOCHREALTIME
    "$@" >/dev/null 2>&1
    t1=$EPOCHREALTIME
    times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%d", (b - a) * 1000000}')")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}
