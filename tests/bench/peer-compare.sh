#!/usr/bin/env bash
# Our engine next to the peer benchmark (/work/shared/peer-bench): starts ONE mock OpenAI server,
# runs the peers (raw fetch, LangGraph.js, OpenAI Agents JS) and then bench_peer_task against it,
# and prints one table with the ratios. Not part of ctest; needs node (20) and, on first use, the
# npm registry (the peers are installed into a scratch copy: the shared folder may be read-only).
# Usage: tests/bench/peer-compare.sh BUILD_DIR [PORT]
#   PORT              default 18090; must be free (this script owns the mock)
#   PEER_BENCH=DIR    the peer benchmark to copy (default /work/shared/peer-bench)
#   PEER_WORKDIR=DIR  scratch folder to keep between calls (reuses its node_modules); default a
#                     temporary folder, removed at exit
#   LATENCY_MS=N      model latency of the mock (default 0)
#   BENCH_ARGS="..."  extra arguments for bench_peer_task, e.g. "--runs=500"
set -euo pipefail

usage() {
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

if [ $# -lt 1 ] || [ $# -gt 2 ]; then usage; fi
case "$1" in -h | --help) usage ;; esac
build=$1
port=${2:-18090}
source_dir=${PEER_BENCH:-/work/shared/peer-bench}
bench="$build/tests/bench/bench_peer_task"

[ -x "$bench" ] || {
    echo "peer-compare: no $bench (build it: ninja -C $build bench_peer_task)" >&2
    exit 2
}
[ -f "$source_dir/run.sh" ] || {
    echo "peer-compare: no peer benchmark in $source_dir (set PEER_BENCH)" >&2
    exit 2
}
command -v node >/dev/null || {
    echo "peer-compare: node is not installed (the peers and the mock are node programs)" >&2
    exit 2
}
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if listening "$port"; then
    echo "peer-compare: something already listens on 127.0.0.1:$port; pick a free port" >&2
    exit 2
fi

work=${PEER_WORKDIR:-}
cleanup_work=
if [ -z "$work" ]; then
    work=$(mktemp -d)
    cleanup_work=$work
fi
mkdir -p "$work"
cp -r "$source_dir/." "$work/"
results=$(mktemp)
mock=
cleanup() {
    [ -n "$mock" ] && kill "$mock" 2>/dev/null
    rm -f "$results"
    [ -n "$cleanup_work" ] && rm -rf "$cleanup_work"
    return 0
}
trap cleanup EXIT

# Install first, so that npm's work is not measured against the mock's lifetime.
if [ ! -d "$work/node_modules/@langchain/langgraph" ]; then
    echo "peer-compare: installing the pinned peers into $work (npm registry)..." >&2
    (cd "$work" && npm install --no-audit --no-fund --silent >/dev/null)
fi

node "$work/mock-openai.mjs" "$port" 2>/dev/null &
mock=$!
for _ in $(seq 100); do listening "$port" && break; sleep 0.1; done
listening "$port" || {
    echo "peer-compare: the mock did not start on port $port" >&2
    exit 1
}

echo "# $(uname -srm), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ), load average at start: $(cut -d' ' -f1-3 /proc/loadavg), mock latency ${LATENCY_MS:-0} ms" >&2
echo "peer-compare: running the peers (run.sh reuses our mock)..." >&2
"$work/run.sh" "$port" >>"$results"
echo "peer-compare: running bench_peer_task..." >&2
# shellcheck disable=SC2086 # BENCH_ARGS is a list of flags
"$bench" "--port=$port" ${BENCH_ARGS:-} >>"$results"
echo "peer-compare: load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

node - "$results" <<'EOF'
const fs = require('fs');
const rows = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const by = (name) => rows.find((r) => r.framework === name);
const label = { 'raw-fetch': 'raw fetch (floor)', 'langgraph-js': 'LangGraph.js',
                'openai-agents-js': 'OpenAI Agents JS', 'agent-workbench': 'Agent Workbench' };
const ours = by('agent-workbench');
const floor = by('raw-fetch');
const f = (x, d = 2) => (x === undefined ? '-' : x.toFixed(d));
console.log('| framework | version | median ms/run | p95 ms | mean ms | runs/s (100 at once x 5) | peak RSS MB | failures |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows)
  console.log(`| ${label[r.framework] || r.framework} | ${r.version} | ${f(r.sequential.median_ms)} | ${f(r.sequential.p95_ms)} | ${f(r.sequential.mean_ms)} | ${f(r.concurrent.runs_per_s, 0)} | ${f(r.peak_rss_mb, 0)} | ${r.failures} |`);
console.log('');
console.log('Ratios (peer / Agent Workbench: above 1 means we are faster or smaller);');
console.log('overhead = median minus the raw-fetch floor.');
console.log('| framework | median | runs/s (ours / theirs) | peak RSS | overhead ms/run | overhead ratio |');
console.log('| --- | --- | --- | --- | --- | --- |');
const oursOver = ours.sequential.median_ms - floor.sequential.median_ms;
for (const r of rows) {
  if (r === ours) continue;
  const over = r.sequential.median_ms - floor.sequential.median_ms;
  const overRatio = r === floor ? '-' : (oursOver > 0 ? f(over / oursOver) : 'n/a (ours is within noise of the floor)');
  console.log(`| ${label[r.framework] || r.framework} | ${f(r.sequential.median_ms / ours.sequential.median_ms)} | ${f(ours.concurrent.runs_per_s / r.concurrent.runs_per_s)} | ${f(r.peak_rss_mb / ours.peak_rss_mb, 1)} | ${r === floor ? '-' : f(over)} | ${overRatio} |`);
}
console.log(`Agent Workbench overhead above the floor: ${f(oursOver)} ms/run`);
if (rows.some((r) => r.failures)) process.exit(1);
EOF
