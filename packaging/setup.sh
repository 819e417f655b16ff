#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a working Agent Workbench:
#   packaging/setup.sh run [--headless]   install what is missing, build, run the demo
#   packaging/setup.sh test               install what is missing, build, run the whole test suite;
#                                         then the same suite built with ASan and UBSan
#                                         (build/sanitize), and each fuzzer for AWB_FUZZ_SECONDS
# Runs as root or through sudo. Environment: AWB_BUILD_DIR (default build/release),
# AWB_DEMO_DIR (default build/demo-workspace), AWB_SMTP_URL (send the demo email over SMTP),
# AWB_FUZZ_SECONDS (default 15), AWB_SKIP_SANITIZE=1 (test: the Release suite only).
set -euo pipefail

mode=${1:-}
shift || true
case "$mode" in
    run | test) ;;
    *)
        echo "usage: $0 run [--headless] | test" >&2
        exit 2
        ;;
esac

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${AWB_BUILD_DIR:-$root/build/release}
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo=sudo
fi

# Debian 12 packages the build, the tests and the demo need.
packages=(
    build-essential cmake ninja-build ccache pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-l10n-tools libqt6sql6-sqlite libgl-dev
    qtkeychain-qt6-dev libssl-dev nlohmann-json3-dev libvalijson-dev libsqlite3-dev libcurl4-openssl-dev libjemalloc-dev libbenchmark-dev
    python3 python3-aiosmtpd poppler-utils openssl
    dbus dbus-x11 gnome-keyring xvfb xauth
    clang libclang-rt-14-dev llvm lld
    libgraphviz-dev qt6-webengine-dev qt6-webengine-dev-tools libmd4c-dev libmd4c-html0-dev
    qt6-pdf-dev qt6-svg-dev libqt6svg6 desktop-file-utils appstream dpkg-dev file
)

install_missing() {
    local missing=()
    for p in "${packages[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$p")
        fi
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "setup: installing ${missing[*]}" >&2
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
    fi
}

build_all() {
    local jobs
    jobs=$(nproc)
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >&2
    cmake --build "$build" --parallel "$jobs" >&2
}

# A Secret Service on the session bus means the user's keychain is usable as it is.
keychain_reachable() {
    [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] &&
        dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"
}

run_demo() {
    local awb="$build/app/awb"
    local demo=${AWB_DEMO_DIR:-$root/build/demo-workspace}
    local request="Reconcile Q3 revenue against the ERP ledger, flag anomalies, and email the CFO a one-page summary"
    prepare_demo
    local approve=()
    if [ ! -t 0 ]; then
        echo "setup: no terminal to ask for approval: approving the email (--approve-all)" >&2
        approve=(--approve-all)
    fi
    local status=0
    "$awb" run q3-reconciliation --workspace "$demo" --input "$request" "${approve[@]}" || status=$?
    if [ "$status" -eq 3 ]; then
        local run
        run=$("$awb" runs list --workspace "$demo" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["run_id"])')
        echo >&2
        "$awb" runs show "$run" --workspace "$demo" | tail -n 3 >&2
        read -r -p "Send the email with the report to the CFO? [y/N] " answer
        if [[ "$answer" =~ ^[Yy] ]]; then
            "$awb" resume "$run" --workspace "$demo" --approve-all || status=$?
        else
            "$awb" resume "$run" --workspace "$demo" --reject --reason "declined at the terminal" || status=$?
        fi
    fi
    "$awb" audit verify --workspace "$demo"
    echo "setup: the demo workspace is $demo (report in reports/, email in outbox/ unless AWB_SMTP_URL is set)" >&2
}

install_missing
start=$SECONDS
build_all
echo "setup: the Release build took $((SECONDS - start)) s" >&2

# Runs one phase of `test` and says how long it took. A failed phase is remembered; the run fails at
# the end, after the other phases have had their say.
failed=()
phase() {
    local name=$1 start=$SECONDS status=0
    shift
    "$@" || status=$?
    echo "setup: $name took $((SECONDS - start)) s$([ "$status" -eq 0 ] || echo ", and FAILED")" >&2
    [ "$status" -eq 0 ] || failed+=("$name")
    return "$status"
}

# GUI tests need a display; the keychain tests need a Secret Service: both are private to each run.
suite() {
    xvfb-run -a "$root/tests/support/keyring-session.sh" \
        ctest --test-dir "$1" --output-on-failure --parallel 2 --timeout 600 "${@:2}"
}

# The sanitize preset (CMakePresets.json): clang with ASan, UBSan and the libFuzzer targets.
build_sanitize() {
    (cd "$root" && cmake --preset sanitize >&2 && cmake --build --preset sanitize --parallel "$(nproc)" >&2)
}

if [ "$mode" = test ]; then
    export AWB_REQUIRE_KEYCHAIN=1 QT_QPA_PLATFORM=offscreen
    phase "the Release suite" suite "$build" "$@" || true
    if [ "${AWB_SKIP_SANITIZE:-0}" != 1 ] && phase "the sanitize build" build_sanitize; then
        phase "the sanitized suite" suite "$root/build/sanitize" "$@" || true
        phase "the fuzzers" "$root/tests/fuzz/run-fuzzers.sh" "$root/build/sanitize" \
            "${AWB_FUZZ_SECONDS:-15}" || true
    fi
    if [ ${#failed[@]} -gt 0 ]; then
        echo "setup: FAILED: $(IFS=,; echo "${failed[*]}")" >&2
        exit 1
    fi
    exit 0
fi

prepare_demo() {
    local demo=${AWB_DEMO_DIR:-$root/build/demo-workspace}
    [ -e "$demo/workspace.json" ] || "$build/app/awb" demo init "$demo"
}

run_gui() {
    prepare_demo
    exec "$build/app/agent-workbench" --workspace "${AWB_DEMO_DIR:-$root/build/demo-workspace}"
}

export -f run_demo run_gui prepare_demo keychain_reachable
export root build
main=run_demo
if [ "${1:-}" != "--headless" ] && [ -x "$build/app/agent-workbench" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
    main=run_gui
fi
if keychain_reachable || [ -n "${AWB_AUDIT_KEY:-}" ]; then
    "$main"
else
    # The demo's audit key then lives in a throwaway keyring, so its workspace is made anew each
    # time (a workspace signed with a lost key could not be verified); with a keychain it is kept.
    echo "setup: no keychain service is reachable; running the demo in a private, throwaway keyring" >&2
    rm -rf "${AWB_DEMO_DIR:-$root/build/demo-workspace}"
    "$root/tests/support/keyring-session.sh" bash -c "$main"
fi
