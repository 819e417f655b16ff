#!/usr/bin/env bash
# Installs the build into a scratch prefix and checks what a desktop and a package manager will
# see: the binaries run, the .desktop and AppStream files validate, every icon has its size, the
# translations and docs are in place, and CPack's .deb has the right control fields and paths.
# Usage: check-install.sh BUILD_DIR SOURCE_DIR   (ctest label "packaging")
set -euo pipefail

build=${1:?usage: check-install.sh BUILD_DIR SOURCE_DIR}
source=${2:?usage: check-install.sh BUILD_DIR SOURCE_DIR}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
need() {
    command -v "$1" >/dev/null || {
        echo "check-install: $1 is missing; install the Debian package $2" >&2
        exit 1
    }
}
need desktop-file-validate desktop-file-utils
need appstreamcli appstream
need dpkg-deb dpkg
need dpkg-shlibdeps dpkg-dev
need python3 python3

for binary in awb agent-workbench; do
    [ -x "$build/app/$binary" ] || {
        echo "check-install: $build/app/$binary is not built; build everything before this test" >&2
        exit 1
    }
done

prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >"$work/install.log" ||
    { cat "$work/install.log" >&2; exit 1; }
share=$prefix/share

# The binaries, and the version everything else must agree with.
version=$(grep -m1 -oP 'CMAKE_PROJECT_VERSION:STATIC=\K.*' "$build/CMakeCache.txt")
out=$("$prefix/bin/awb" --version) || fail "installed awb --version exited with $?"
[ "$out" = "awb $version" ] || fail "awb --version printed '$out', expected 'awb $version'"
out=$(QT_QPA_PLATFORM=offscreen "$prefix/bin/agent-workbench" --version) ||
    fail "installed agent-workbench --version exited with $?"
[ "$out" = "agent-workbench $version" ] ||
    fail "agent-workbench --version printed '$out', expected 'agent-workbench $version'"

# Desktop entry and AppStream metadata, validated where they are installed.
desktop=$share/applications/agent-workbench.desktop
metainfo=$share/metainfo/io.agentworkbench.AgentWorkbench.metainfo.xml
cmp -s "$source/packaging/agent-workbench.desktop" "$desktop" || fail "$desktop differs from the source copy"
desktop-file-validate "$desktop" || fail "desktop-file-validate rejected $desktop"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate rejected $metainfo"
exec_name=$(grep -m1 -oP '^Exec=\K[^ ]+' "$desktop")
[ -x "$prefix/bin/$exec_name" ] || fail "the desktop file's Exec=$exec_name is not an installed binary"
icon_name=$(grep -m1 -oP '^Icon=\K.*' "$desktop")
grep -q "<launchable type=\"desktop-id\">agent-workbench.desktop</launchable>" "$metainfo" ||
    fail "the metainfo does not launch agent-workbench.desktop"
grep -q "<release version=\"$version\"" "$metainfo" ||
    fail "the metainfo has no release entry for version $version"

# Icons: the scalable SVG and one PNG per hicolor size, each exactly that many pixels square.
hicolor=$share/icons/hicolor
[ -s "$hicolor/scalable/apps/$icon_name.svg" ] || fail "no scalable icon $icon_name.svg"
for size in 16 22 24 32 48 64 128 256 512; do
    png=$hicolor/${size}x${size}/apps/$icon_name.png
    if [ ! -f "$png" ]; then
        fail "no ${size}x${size} icon"
        continue
    fi
    dims=$(python3 -c 'import struct,sys
d = open(sys.argv[1], "rb").read(24)
assert d[:8] == b"\x89PNG\r\n\x1a\n" and d[12:16] == b"IHDR", "not a PNG"
print("%dx%d" % struct.unpack(">II", d[16:24]))' "$png") || dims="unreadable"
    [ "$dims" = "${size}x${size}" ] || fail "$png is $dims, expected ${size}x${size}"
done

# Translations: compiled Qt message files (they start with the .qm magic number).
for lang in de fr; do
    qm=$share/agent-workbench/translations/awb_$lang.qm
    magic=$(head -c 16 "$qm" 2>/dev/null | od -An -tx1 | tr -d ' \n')
    [ "$magic" = 3cb86418caef9c95cd211cbf60a1bddd ] || fail "$qm is missing or not a .qm file"
done

for doc in audit.md verify_audit.py; do
    [ -s "$share/doc/agent-workbench/$doc" ] || fail "share/doc/agent-workbench/$doc is missing"
done

# The .deb: control fields (Depends computed by dpkg-shlibdeps) and the paths inside it.
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/package" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log" >&2; exit 1; }
deb=$work/package/agent-workbench_${version}_$(dpkg --print-architecture).deb
if [ ! -f "$deb" ]; then
    fail "cpack did not write $(basename "$deb"): $(ls "$work/package")"
else
    field() { dpkg-deb --field "$deb" "$1"; }
    [ "$(field Package)" = agent-workbench ] || fail "Package is '$(field Package)'"
    [ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', expected $version"
    [ "$(field Section)" = utils ] || fail "Section is '$(field Section)'"
    [[ "$(field Maintainer)" =~ ^.+\ \<.+@.+\>$ ]] || fail "Maintainer '$(field Maintainer)' is not 'Name <email>'"
    [ -n "$(field Description)" ] || fail "the package has no Description"
    depends=$(field Depends)
    for lib in libc6 libqt6core6 libqt6network6 libqt6widgets6 libqt6keychain1 libsqlite3-0; do
        [[ "$depends" == *"$lib "* || "$depends" == *"$lib," || "$depends" == *"$lib" ]] ||
            fail "Depends lacks $lib: $depends"
    done
    dpkg-deb --contents "$deb" | awk '{print $NF}' >"$work/contents"
    for path in ./usr/bin/awb ./usr/bin/agent-workbench \
        ./usr/share/applications/agent-workbench.desktop \
        ./usr/share/metainfo/io.agentworkbench.AgentWorkbench.metainfo.xml \
        ./usr/share/icons/hicolor/scalable/apps/agent-workbench.svg \
        ./usr/share/icons/hicolor/512x512/apps/agent-workbench.png \
        ./usr/share/agent-workbench/translations/awb_de.qm \
        ./usr/share/doc/agent-workbench/verify_audit.py; do
        grep -qxF "$path" "$work/contents" || fail "the .deb lacks $path"
    done
    if grep -v '^\./usr/' "$work/contents" | grep -qvx '\./\|\./usr/'; then
        fail "the .deb installs outside /usr: $(grep -v '^\./usr/' "$work/contents" | tr '\n' ' ')"
    fi
fi

if [ "$failures" -gt 0 ]; then
    echo "check-install: $failures check(s) failed" >&2
    exit 1
fi
echo "check-install: all checks passed for agent-workbench $version"
