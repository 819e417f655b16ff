#!/usr/bin/env bash
# Runs every benchmark binary (bench_*) of a build directory and prints their figures.
# Builds nothing: build first, in Release, e.g.
#   cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release && ninja -C build/release \
#       bench_engine_overhead bench_journal_append bench_audit_verify bench_inflight_memory
# Usage: tests/bench/run-benchmarks.sh BUILD_DIR [--json DIR] [ARGS...]
#   --json DIR  also write each binary's results as DIR/<binary>.json
#   ARGS        passed to every binary, e.g. --benchmark_filter=Sequential --benchmark_repetitions=5
set -euo pipefail

usage() {
    sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

[ $# -ge 1 ] || usage
case "$1" in -h | --help) usage ;; esac
build=$1
shift
json_dir=
if [ "${1:-}" = --json ]; then
    [ $# -ge 2 ] || usage
    json_dir=$2
    shift 2
    mkdir -p "$json_dir"
fi

if [ ! -d "$build" ]; then
    echo "run-benchmarks: no build directory $build (configure and build it first; see --help)" >&2
    exit 2
fi

mapfile -t benches < <(find "$build" -type f -name 'bench_*' -perm -u+x -not -path '*/CMakeFiles/*' | sort)
if [ ${#benches[@]} -eq 0 ]; then
    echo "run-benchmarks: no bench_* binaries under $build (build the bench_* targets; AWB_BUILD_BENCHMARKS must be ON)" >&2
    exit 2
fi

build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt" 2>/dev/null || true)
if [ "$build_type" != Release ] && [ "$build_type" != RelWithDebInfo ]; then
    echo "run-benchmarks: warning: $build is a '${build_type:-unknown}' build; figures are only meaningful for Release" >&2
fi

echo "# $(uname -srm), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ), build $build (${build_type:-unknown})"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
failed=0
for bench in "${benches[@]}"; do
    name=$(basename "$bench")
    echo
    echo "## $name"
    args=(--benchmark_counters_tabular=true)
    if [ -n "$json_dir" ]; then
        args+=("--benchmark_out=$json_dir/$name.json" --benchmark_out_format=json)
    fi
    status=0
    "$bench" "${args[@]}" "$@" | tee "$log" || status=${PIPESTATUS[0]}
    if [ "$status" -ne 0 ]; then
        echo "run-benchmarks: $name failed (exit status $status)" >&2
        failed=1
    elif grep -q 'ERROR OCCURRED' "$log"; then
        echo "run-benchmarks: $name reported an error (see ERROR OCCURRED above)" >&2
        failed=1
    fi
done
exit $failed
