#!/bin/sh
# pages.sh: the page map of the example against its golden file, and the
# checks of pages.py on the built PDF
set -u
. "$ROOT/tests/e2e/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
EX=$ROOT/examples/jincheng-2020-04.md
"$BULLETIN" build "$EX" --dump pagemap >"$T/map" 2>/dev/null
if diff -u "$ROOT/tests/golden/jincheng-2020-04.pagemap" "$T/map" >"$T/diff"; then
    ok "page map equals tests/golden/jincheng-2020-04.pagemap"
else
    sed 's/^/#   /' "$T/diff" | head -20
    nok "page map equals tests/golden/jincheng-2020-04.pagemap"
fi
starts=$(awk -F'\t' '$1 == "article" && $4 ~ /original/ && $4 !~ /differs/' "$T/map" | wc -l)
check "calibration: at least 10 of the 12 articles start on their original page ($starts)" [ "$starts" -ge 10 ]
if need pdftotext pdfinfo python3; then
    "$BULLETIN" build "$EX" -o "$T/a.pdf" --dump geometry >"$T/geo" 2>/dev/null
    python3 "$ROOT/tests/e2e/pages.py" "$EX" "$T/a.pdf" "$T/map" "$T/geo"
fi
