#!/usr/bin/env bash
# Runs the GUI benchmark programs of a build directory under a virtual X display and prints their
# figures. Builds nothing: build first, in Release, e.g.
#   ninja -C build/release -j2 gui_startup_bench gui_graph_bench gui_token_bench
# Usage: tests/bench/gui/run-gui-benchmarks.sh BUILD_DIR
# QtWebEngine needs a real platform (xcb), not offscreen: xvfb-run provides the X server; the
# sandbox is off because containers usually cannot create its namespaces.
set -euo pipefail

if [ $# -ne 1 ] || [ "$1" = -h ] || [ "$1" = --help ]; then
    sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
dir=$1/tests/bench/gui
for b in gui_startup_bench gui_graph_bench gui_token_bench; do
    if [ ! -x "$dir/$b" ]; then
        echo "run-gui-benchmarks: no $dir/$b (build it first; see --help)" >&2
        exit 2
    fi
done
command -v xvfb-run >/dev/null || { echo "run-gui-benchmarks: xvfb-run is missing (apt install xvfb)" >&2; exit 2; }

export QT_QPA_PLATFORM=xcb QTWEBENGINE_DISABLE_SANDBOX=1
echo "# $(uname -srm), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
failed=0
for b in gui_startup_bench gui_graph_bench gui_token_bench; do
    echo
    echo "## $b"
    xvfb-run -a -s "-screen 0 1920x1080x24" "$dir/$b" || { echo "run-gui-benchmarks: $b failed" >&2; failed=1; }
done
exit $failed
