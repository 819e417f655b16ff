#!/usr/bin/env bash
# 10,000 runs in flight: the peers' mock OpenAI server with LATENCY_MS=200 per call, and
# `awb bench add-bench --runs N --concurrency N` against it (all runs at once, not streamed).
# Prints awb's report and the engine-added latency: p99 minus the two model round trips.
# Usage: tests/bench/scale.sh BUILD_DIR [N]     (N default 10000; needs node)
#   LATENCY_MS=200   the mock's latency per call
#   STREAM=1         stream the replies instead
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; fi
build=$1
runs=${2:-10000}
latency=${LATENCY_MS:-200}
here=$(cd "$(dirname "$0")" && pwd)
mock_js=${PEER_BENCH:-$here/../../../shared/peer-bench}/mock-openai.mjs
[ -f "$mock_js" ] || mock_js=/work/shared/peer-bench/mock-openai.mjs
awb="$build/app/awb"
[ -x "$awb" ] || { echo "scale: no $awb (ninja -C $build awb)" >&2; exit 2; }
command -v node >/dev/null || { echo "scale: node is not installed" >&2; exit 2; }

scratch=$(mktemp -d)
mock=
trap '[ -n "$mock" ] && kill $mock 2>/dev/null; rm -rf "$scratch"' EXIT
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
# The mock accepts connections as fast as node can; its backlog is the kernel's somaxconn.
LATENCY_MS=$latency LIFETIME_S=3600 node "$mock_js" "$port" 2>/dev/null &
mock=$!
for _ in $(seq 100); do listening "$port" && break; sleep 0.1; done

export AWB_AUDIT_KEY=${AWB_AUDIT_KEY:-scale-bench-audit-key-0123456789abcdef}
export OPENAI_API_KEY=test
"$awb" demo init "$scratch/ws" 2>/dev/null
flags=(--no-stream)
[ "${STREAM:-0}" = 1 ] && flags=()
echo "# $(uname -srm), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ), mock latency $latency ms, $runs runs at once, load at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
start_ns=$(date +%s%N)
${AWB_WRAP:-} "$awb" bench add-bench --workspace "$scratch/ws" --provider openai --model gpt-4o-mini \
    --base-url "http://127.0.0.1:$port/v1" --input "What is 2+3?" --runs "$runs" --concurrency "$runs" \
    --json "${flags[@]}" >"$scratch/report.json" || true # failures are reported below
end_ns=$(date +%s%N)
node - "$scratch/report.json" "$latency" "$runs" "$(( (end_ns - start_ns) / 1000000 ))" "$scratch/ws" <<'JS'
const fs = require('fs');
const [file, latency, runs, wallMs, ws] = process.argv.slice(2);
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
console.log(JSON.stringify(r));
const floor = 2 * Number(latency);
const state = `${ws}/.awb`;
const dbMb = fs.readdirSync(state).filter((f) => f.startsWith("workspace.db")).reduce((s, f) => s + fs.statSync(`${state}/${f}`).size, 0) / 1e6;
console.log(`${r.runs} runs, ${r.concurrency} at once: ${r.failures} failures, total ${r.total_s} s (process ${(wallMs / 1000).toFixed(1)} s with start-up and the final flush), ${r.runs_per_s} runs/s`);
console.log(`latency per run: median ${r.median_ms} ms, p95 ${r.p95_ms} ms, p99 ${r.p99_ms} ms; two model round trips: ${floor} ms`);
console.log(`engine-added latency at p99: ${(r.p99_ms - floor).toFixed(1)} ms; at the median: ${(r.median_ms - floor).toFixed(1)} ms`);
console.log(`workspace database after the bench: ${dbMb.toFixed(1)} MB (journal, runs index, audit trail)`);
console.log(`peak RSS ${r.peak_rss_mb} MB for the whole process (${(r.peak_rss_mb * 1024 / r.concurrency).toFixed(1)} KB per run in flight, an upper bound: it includes the process's fixed share)`);
if (r.failures) process.exit(1);
JS
