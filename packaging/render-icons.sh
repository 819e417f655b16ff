#!/usr/bin/env bash
# Regenerates the committed PNG icons from the SVG artwork (a deliberate step, not part of the
# build): resources/icons/agent-workbench-<size>.png for every hicolor size we install.
# The 16 px size comes from the pixel-aligned agent-workbench-16.svg; the rest from the full art.
# Needs rsvg-convert (Debian package librsvg2-bin).
set -euo pipefail

icons=$(cd "$(dirname "${BASH_SOURCE[0]}")/../resources/icons" && pwd)
command -v rsvg-convert >/dev/null || {
    echo "render-icons: rsvg-convert is missing; install librsvg2-bin" >&2
    exit 1
}
sizes=(16 22 24 32 48 64 128 256 512)
for size in "${sizes[@]}"; do
    source=$icons/agent-workbench.svg
    [ "$size" -eq 16 ] && source=$icons/agent-workbench-16.svg
    rsvg-convert --width "$size" --height "$size" "$source" --output "$icons/agent-workbench-$size.png"
done
echo "render-icons: wrote ${#sizes[@]} PNG files to $icons" >&2
