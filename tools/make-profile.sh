#!/bin/sh
# make-profile.sh: builds styles/fogra39-tac300.icc, the output profile
# bundled for print masters (make profile). Debian ships the FOGRA39
# characterization data (icc-profiles-free, FOGRA39L.ti3) but no ready CMYK
# profile; ArgyllCMS (argyll) makes one from it:
#   -qm        medium quality tables (the file stays near 250 KB)
#   -kr        black generation: a ramp from white to full black
#   -l300      total ink limited to 300%, the strictest a Chinese plant asks
#   -S sRGB    gamut mapping for the perceptual tables, from sRGB: our
#              images arrive as sRGB
# The result is committed: building it takes about a minute.
set -eu
OUT=${1:-styles/fogra39-tac300.icc}
TI3=/usr/share/color/icc/FOGRA39L.ti3
SRGB=/usr/share/color/icc/sRGB.icc
for f in "$TI3" "$SRGB"; do
    [ -f "$f" ] || { echo "make-profile: $f is missing: apt-get install icc-profiles-free" >&2; exit 1; }
done
command -v colprof >/dev/null || { echo "make-profile: colprof is missing: apt-get install argyll" >&2; exit 1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cp "$TI3" "$T/fogra39.ti3"
colprof -qm -kr -l300 -S "$SRGB" -cmt -dpp \
    -D "FOGRA39 coated, total ink 300% (bulletin)" \
    -C "Built from the FOGRA39L characterization data of Fogra" \
    -O "$T/out.icc" "$T/fogra39" >/dev/null
mv "$T/out.icc" "$OUT"
echo "wrote $OUT"
