#!/usr/bin/env bash
# Fuzzes every libFuzzer target of a build for a bounded time, a few at a time, and fails when any
# of them finds a crash, a sanitizer report, a broken property, a hang or runaway memory.
#   tests/fuzz/run-fuzzers.sh BUILD_DIR [SECONDS_EACH] [TARGET...]
# BUILD_DIR is a tree configured with AWB_BUILD_FUZZERS=ON (cmake --preset sanitize: build/sanitize).
# SECONDS_EACH defaults to 60; AWB_FUZZ_JOBS (default 2) fuzzers run at once. Without TARGETs, all
# of them (BUILD_DIR/tests/fuzz/fuzzers.txt). What each run learnt stays in
# BUILD_DIR/tests/fuzz/corpus/TARGET, so the next run starts from there; a crashing input is kept
# in BUILD_DIR/tests/fuzz/findings/TARGET and named in the message.
set -euo pipefail

usage="usage: $0 BUILD_DIR [SECONDS_EACH] [TARGET...]"
build=$(cd "${1:?$usage}" && pwd)
seconds=${2:-60}
shift $(($# >= 2 ? 2 : 1))
jobs=${AWB_FUZZ_JOBS:-2}
source=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
fuzz=$build/tests/fuzz

if [ ! -f "$fuzz/fuzzers.txt" ]; then
    echo "run-fuzzers: $build has no fuzzers; configure it with AWB_BUILD_FUZZERS=ON" \
        "(cmake --preset sanitize) and build it" >&2
    exit 2
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets <"$fuzz/fuzzers.txt"
fi

# The sanitizers' options and suppressions, as the tests get them.
while IFS= read -r setting; do
    [ -n "$setting" ] && export "${setting?}"
done <"$fuzz/environment.txt"

# The seeds are assembled by a test (from tests/fixtures and the demo workspace).
ctest --test-dir "$build" -R '^fuzz/seeds$' --output-on-failure >"$fuzz/seeds.log" 2>&1 || {
    cat "$fuzz/seeds.log" >&2
    echo "run-fuzzers: assembling the seed corpora failed" >&2
    exit 1
}

fuzz_one() {
    local name=$1
    local corpus=$fuzz/corpus/$name findings=$fuzz/findings/$name log=$fuzz/logs/$name.log
    mkdir -p "$corpus" "$findings" "$fuzz/logs"
    # New inputs go into the first folder; the seeds and the kept regressions are only read.
    local corpora=("$corpus" "$fuzz/seeds/$name")
    [ -d "$source/tests/fuzz/regressions/$name" ] && corpora+=("$source/tests/fuzz/regressions/$name")
    local status=0
    "$fuzz/$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$findings/" "${corpora[@]}" >"$log" 2>&1 || status=$?
    local execs
    execs=$(grep -m1 -oP 'stat::number_of_executed_units: \K[0-9]+' "$log" || echo "?")
    if [ "$status" -eq 0 ]; then
        echo "run-fuzzers: $name: ${seconds} s, $execs inputs, nothing found" >&2
        return 0
    fi
    local input
    input=$(ls -t "$findings"/* 2>/dev/null | head -n 1 || true)
    {
        echo "run-fuzzers: $name FOUND A PROBLEM (exit status $status); the end of its log ($log):"
        grep -v '^#[0-9]' "$log" | tail -n 60
        if [ -n "$input" ]; then
            echo "run-fuzzers: the input is $input"
            echo "run-fuzzers: reproduce with: $fuzz/$name $input"
            echo "run-fuzzers: fix the bug, then add the input to tests/fuzz/regressions/$name/ with" \
                "a name saying what it is, so that ctest (fuzz/$name) replays it from then on"
        fi
    } >&2
    return 1
}

failed=()
running=0
declare -A pids=()
for name in "${targets[@]}"; do
    if [ ! -x "$fuzz/$name" ]; then
        echo "run-fuzzers: $fuzz/$name is not built" >&2
        failed+=("$name")
        continue
    fi
    fuzz_one "$name" &
    pids[$!]=$name
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        finished=0
        wait -n -p finished || failed+=("${pids[$finished]}")
        unset "pids[$finished]"
        running=$((running - 1))
    fi
done
for pid in "${!pids[@]}"; do
    wait "$pid" || failed+=("${pids[$pid]}")
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "run-fuzzers: ${#failed[@]} of ${#targets[@]} fuzzers failed: ${failed[*]}" >&2
    exit 1
fi
echo "run-fuzzers: ${#targets[@]} fuzzers, ${seconds} s each, found nothing" >&2
