#!/bin/sh
# lineation.sh: the original's line breaks, recorded in NAME.lines.json,
# are kept (--lineation original, the default) or composed anew
set -u
. "$ROOT/tests/e2e/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
SRC=$ROOT/tests/data/lineation/l.md
"$BULLETIN" build "$SRC" --dump lines >"$T/orig" 2>"$T/err"
cut -f4 "$T/orig" | sed -n '2,6p' >"$T/got"
python3 -c "
import json,sys
print('\n'.join(json.load(open('$ROOT/tests/data/lineation/l.lines.json'))['paragraphs'][0]['lines']))" >"$T/want"
check "lineation: the recorded lines are set as they were printed" cmp -s "$T/got" "$T/want"
check "lineation: no warning when the text matches" sh -c "! grep -q warning '$T/err'"
"$BULLETIN" build "$SRC" --dump lines --lineation compose >"$T/comp" 2>/dev/null
check "lineation: --lineation compose breaks anew" sh -c "! cmp -s '$T/orig' '$T/comp'"
"$BULLETIN" build "$SRC" --dump geometry >"$T/geo" 2>/dev/null
check "lineation: the recorded lines are flush with the measure" \
    awk -F'\t' 'NR >= 2 && NR <= 5 {d = $6 - $7; if (d < -0.01 || d > 0.01) bad = 1} END {exit bad}' "$T/geo"
# an edited paragraph no longer matches its recorded lines: composed anew
sed 's/辛勤汗水/辛勤的汗水/' "$SRC" >"$T/l.md"
cp "$ROOT/tests/data/lineation/l.lines.json" "$T/l.lines.json"
"$BULLETIN" build "$T/l.md" --dump lines >/dev/null 2>"$T/err2"
check "lineation: an edited paragraph is reported and composed anew" \
    grep -q "l.md:10:1: warning: the text differs from the original lines" "$T/err2"
