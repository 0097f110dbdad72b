# Sourced by the benchmark scripts: median_ms COMMAND... prints the median
# wall time of $runs runs of COMMAND (after one warm-up run) in
# milliseconds. A failing command stops the script (set -e): a benchmark
# must not time an error.
median_ms() {
  "$@" >/dev/null
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { printf "%.1f", t[int((NR + 1) / 2)] / 1000 }'
}
