#!/usr/bin/env bash
# Runs a command inside a fresh, private D-Bus session bus with an unlocked gnome-keyring
# (Secret Service), so keychain tests work on headless machines and in CI:
#   tests/support/keyring-session.sh build/tests/core_security_TestKeychain
# HOME and XDG_RUNTIME_DIR point at a temporary folder (removed afterwards) so the user's real
# keyrings are never touched. Unlocking with a password creates the default "login" collection.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "$0: $tool is not installed (Debian/Ubuntu: apt-get install dbus gnome-keyring)" >&2
        exit 2
    fi
done

exec dbus-run-session -- bash -c '
    set -u
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/awb-keyring.XXXXXX")
    trap '"'"'rm -rf "$scratch"'"'"' EXIT
    export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run"
    export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config" XDG_CACHE_HOME="$HOME/.cache"
    mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
    # QtKeychain picks KWallet on KDE desktops; this session only has the Secret Service.
    unset XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION KDE_SESSION_VERSION
    # Starts the daemon on this bus, creates the "login" keyring with this password and unlocks it.
    if ! printf "awb-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; then
        echo "keyring-session.sh: gnome-keyring-daemon --unlock failed" >&2
        exit 2
    fi
    "$@"
' keyring-session "$@"
