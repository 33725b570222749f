#!/bin/sh
# roundtrip.sh [N] [STYLE...]: the import round trip on N random issues
# per style (default 50; all shipped styles): tests/e2e/rtgen.py writes
# an issue, bulletin builds it, tests/e2e/rtextract.py turns the PDF's
# text (poppler's own blocks, in the layout's reading order) into a raw
# extraction like the seeds, bulletin imports that, and
# tests/e2e/rtcompare.py counts what came back (and rtflags.py how many
# of the titles missed the report lists to check). Prints one line per issue
# and the totals per style. Needs pdftotext (poppler-utils).
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=${BULLETIN:-$ROOT/bulletin}
E=$ROOT/tests/e2e
export FONTCONFIG_FILE=${FONTCONFIG_FILE:-$ROOT/tests/fonts.conf}
N=${1:-50}
[ $# -gt 0 ] && shift
STYLES=${*:-tianjin-2022 tianjin-2023 jincheng-2020}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
for style in $STYLES; do
    : >"$T/$style.sum"
    seed=1
    while [ "$seed" -le "$N" ]; do
        d=$T/$style-$seed
        mkdir -p "$d"
        python3 "$E/rtgen.py" "$style" "$seed" "$d/s.md"
        if ! "$B" build "$d/s.md" --dump geometry -o "$d/s.pdf" \
                >"$d/s.geo" 2>"$d/build.err" ||
           ! "$B" build "$d/s.md" --dump pagemap >"$d/s.map" 2>/dev/null; then
            echo "$style $seed: build failed: $(head -1 "$d/build.err")"
        elif ! python3 "$E/rtextract.py" "$d/s.pdf" "$d/s.geo" "$d/s.txt"; then
            echo "$style $seed: extraction failed"
        else
            "$B" import "$d/s.txt" -o "$d/i.md" --report "$d/r.txt" 2>"$d/imp.err"
            line=$(python3 "$E/rtcompare.py" "$d/s.md" "$d/s.map" "$d/i.md")
            line="$line	$(python3 "$E/rtflags.py" --count "$d/s.md" "$d/i.md" "$d/r.txt")"
            echo "$style $seed	$line"
            echo "$line" >>"$T/$style.sum"
        fi
        [ -n "${KEEP:-}" ] && cp -r "$d" "$KEEP/" 2>/dev/null
        rm -rf "$d"
        seed=$((seed + 1))
    done
    python3 - "$style" "$T/$style.sum" <<'PY'
import sys, collections
tot = collections.OrderedDict()
for row in open(sys.argv[2]):
    for f in row.split():
        k, v = f.split('=')
        a, b = map(int, v.split('/'))
        x = tot.setdefault(k, [0, 0]); x[0] += a; x[1] += b
print('%s total\t' % sys.argv[1] + '\t'.join(
    '%s=%d/%d (%.1f%%)' % (k, a, b, 100.0 * a / b if b else 100.0)
    for k, (a, b) in tot.items()))
PY
done
