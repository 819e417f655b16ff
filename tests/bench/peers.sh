#!/usr/bin/env bash
# Our engine side by side with the peer benchmark (/work/shared/peer-bench), in one run: starts ONE
# mock OpenAI server, runs the peers (raw fetch, LangGraph.js, OpenAI Agents JS) with their run.sh,
# then `awb bench add-bench --provider openai` against the same process, and prints one table with
# the ratios. Not part of ctest; needs node (20) and, on first use, the npm registry (the peers are
# installed into a scratch copy: the shared folder may be read-only).
# Usage: tests/bench/peers.sh BUILD_DIR [PORT]
#   PORT              default: a free port (this script owns the mock)
#   PEER_BENCH=DIR    the peer benchmark to copy (default /work/shared/peer-bench)
#   PEER_WORKDIR=DIR  scratch folder kept between calls (reuses its node_modules); default a
#                     temporary folder, removed at exit
#   LATENCY_MS=N      model latency of the mock (default 0)
#   SEQ_RUNS=200 CONC_RUNS=500 CONC=100   the shapes measured (the issue's defaults)
set -euo pipefail

usage() {
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

if [ $# -lt 1 ] || [ $# -gt 2 ]; then usage; fi
case "$1" in -h | --help) usage ;; esac
build=$1
here=$(cd "$(dirname "$0")" && pwd)
source_dir=${PEER_BENCH:-$here/../../../shared/peer-bench}
[ -f "$source_dir/run.sh" ] || source_dir=/work/shared/peer-bench
awb="$build/app/awb"
seq_runs=${SEQ_RUNS:-200}
conc_runs=${CONC_RUNS:-500}
conc=${CONC:-100}

[ -x "$awb" ] || { echo "peers: no $awb (build it: ninja -C $build awb)" >&2; exit 2; }
[ -f "$source_dir/run.sh" ] || { echo "peers: no peer benchmark in $source_dir (set PEER_BENCH)" >&2; exit 2; }
command -v node >/dev/null || { echo "peers: node is not installed (the peers and the mock are node programs)" >&2; exit 2; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=${2:-$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
if listening "$port"; then
    echo "peers: something already listens on 127.0.0.1:$port; pick a free port" >&2
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
chmod -R u+w "$work"
scratch=$(mktemp -d)
mock=
cleanup() {
    [ -n "$mock" ] && kill "$mock" 2>/dev/null
    rm -rf "$scratch"
    [ -n "$cleanup_work" ] && rm -rf "$cleanup_work"
    return 0
}
trap cleanup EXIT

# Install first, so that npm's work is not measured against the mock's lifetime.
if [ ! -d "$work/node_modules/@langchain/langgraph" ]; then
    echo "peers: installing the pinned peers into $work (npm registry)..." >&2
    (cd "$work" && npm install --no-audit --no-fund --silent >/dev/null)
fi

LIFETIME_S=3600 node "$work/mock-openai.mjs" "$port" 2>/dev/null &
mock=$!
for _ in $(seq 100); do listening "$port" && break; sleep 0.1; done
listening "$port" || { echo "peers: the mock did not start on port $port" >&2; exit 1; }

machine="$(uname -srm), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%Y-%m-%dT%H:%M:%SZ), mock latency ${LATENCY_MS:-0} ms"
echo "# $machine; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "peers: running the peers (run.sh reuses our mock)..." >&2
"$work/run.sh" "$port" >"$scratch/peers.jsonl"

# Our side: a fresh demo workspace, the audit key from the environment (no keychain needed).
export AWB_AUDIT_KEY=${AWB_AUDIT_KEY:-peers-bench-audit-key-0123456789abcdef}
export OPENAI_API_KEY=test # the mock ignores it, as it does the peers' "Bearer test"
"$awb" demo init "$scratch/ws" 2>/dev/null
bench() { # NAME RUNS CONCURRENCY [awb bench flags...]
    local name=$1 runs=$2 c=$3
    shift 3
    "$awb" bench add-bench --workspace "$scratch/ws" --provider openai --model gpt-4o-mini \
        --base-url "http://127.0.0.1:$port/v1" --input "What is 2+3?" --runs "$runs" \
        --concurrency "$c" --quiet --json "$@" >"$scratch/$name.json"
}
echo "peers: running awb bench (not streamed, as the peers call the model; then streamed)..." >&2
bench warm 20 1 --no-stream # as the peers' 20 warm-up runs
bench seq "$seq_runs" 1 --no-stream
bench conc "$conc_runs" "$conc" --no-stream
bench seq-stream "$seq_runs" 1
bench conc-stream "$conc_runs" "$conc"
echo "peers: load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

node - "$scratch" "$($awb --version)" "$machine" <<'JS'
const fs = require('fs');
const [dir, version, machine] = process.argv.slice(2);
const peers = fs.readFileSync(`${dir}/peers.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const read = (n) => JSON.parse(fs.readFileSync(`${dir}/${n}.json`, 'utf8'));
const ours = (seq, conc, label) => {
  const s = read(seq), c = read(conc);
  return { framework: label, version: version.replace('awb ', ''), median: s.median_ms, p95: s.p95_ms,
           rps: c.runs_per_s, rss: Math.max(s.peak_rss_mb, c.peak_rss_mb), failures: s.failures + c.failures };
};
const label = { 'raw-fetch': 'raw fetch (floor)', 'langgraph-js': 'LangGraph.js', 'openai-agents-js': 'OpenAI Agents JS' };
const rows = peers.map((r) => ({ framework: label[r.framework] || r.framework, version: r.version, median: r.sequential.median_ms,
  p95: r.sequential.p95_ms, rps: r.concurrent.runs_per_s, rss: r.peak_rss_mb, failures: r.failures }));
const awb = ours('seq', 'conc', 'awb (not streamed)');
const awbStream = ours('seq-stream', 'conc-stream', 'awb (streamed)');
rows.push(awb, awbStream);
const f = (x, d = 2) => (x === undefined ? '-' : Number(x).toFixed(d));
console.log(`Machine: ${machine}`);
console.log('');
console.log('| framework | version | median ms/run | p95 ms/run | runs/s, 100 at once | peak RSS MB | failures |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.framework} | ${r.version} | ${f(r.median)} | ${f(r.p95)} | ${f(r.rps, 0)} | ${f(r.rss, 1)} | ${r.failures} |`);
console.log('');
console.log('awb (not streamed) against each: time and memory peer / awb, throughput awb / peer (above 1: awb ahead);');
console.log('overhead = median minus the raw-fetch floor.');
console.log('| against | median | runs/s at 100 concurrent | peak RSS | their overhead ms/run |');
console.log('| --- | --- | --- | --- | --- |');
const floor = rows[0];
for (const r of rows.slice(0, peers.length))
  console.log(`| ${r.framework} | ${f(r.median / awb.median)} | ${f(awb.rps / r.rps)} | ${f(r.rss / awb.rss, 1)} | ${r === floor ? '-' : f(r.median - floor.median)} |`);
console.log('');
console.log(`awb above the raw-fetch floor: ${f(awb.median - floor.median, 3)} ms/run not streamed, ${f(awbStream.median - floor.median, 3)} ms/run streamed`);
if (rows.some((r) => r.failures)) process.exit(1);
JS
