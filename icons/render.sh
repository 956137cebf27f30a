#!/bin/sh
# Renders the SVG masters in this folder to the PNG, .ico and .icns files that the app and the
# installers use. Run it after changing an SVG and commit what it writes.
# Needs rsvg-convert (Debian: librsvg2-bin), ImageMagick's convert and png2icns (Debian: icnsutils).
set -eu
cd "$(dirname "$0")"
resources=../src/main/resources/dev/flarescope/icons

for tool in rsvg-convert convert png2icns; do
    command -v "$tool" >/dev/null || { echo "render.sh: $tool not found" >&2; exit 2; }
done

# The application icon: the small drawing up to 48 px, the master from 64 px.
mkdir -p app/png "$resources/app"
for size in 16 24 32 48 64 128 256 512; do
    if [ "$size" -le 48 ]; then master=app/flarescope-small.svg; else master=app/flarescope.svg; fi
    rsvg-convert -w "$size" -h "$size" "$master" -o "app/png/flarescope-$size.png"
done
convert app/png/flarescope-16.png app/png/flarescope-24.png app/png/flarescope-32.png \
        app/png/flarescope-48.png app/png/flarescope-64.png app/png/flarescope-128.png \
        app/png/flarescope-256.png app/flarescope.ico
png2icns app/flarescope.icns app/png/flarescope-16.png app/png/flarescope-32.png \
        app/png/flarescope-48.png app/png/flarescope-128.png app/png/flarescope-256.png \
        app/png/flarescope-512.png >/dev/null
# The window icons: the window manager picks the size it shows in title bars, task bars and switchers.
for size in 16 24 32 48 64 128 256; do
    cp "app/png/flarescope-$size.png" "$resources/app/"
done

# Action and severity icons: drawn on a 16 px grid, rendered at 16, 24 and 32 px.
for set in actions severity; do
    mkdir -p "$resources/$set"
    for svg in "$set"/*.svg; do
        name=$(basename "$svg" .svg)
        for size in 16 24 32; do
            rsvg-convert -w "$size" -h "$size" "$svg" -o "$resources/$set/$name-$size.png"
        done
    done
done
echo "render.sh: icons written to icons/app and $resources"
