#!/bin/sh
# build.sh: end-to-end checks of `bulletin build` on the example issue:
# the PDF's pages, fonts, structure, text layer, determinism, line rules.
set -u
. "$ROOT/tests/e2e/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
EX=$ROOT/examples/jincheng-2020-04.md

"$BULLETIN" build "$EX" -o "$T/a.pdf" 2>"$T/err"
rc=$?
check "build: the example builds with exit status 0" [ $rc -eq 0 ]
check "build: no errors reported" sh -c "! grep -q ': error:' '$T/err'"
[ -f "$T/a.pdf" ] || { nok "build: no PDF written"; exit 1; }

if need pdfinfo pdffonts pdftotext qpdf python3; then
    pages=$(pdfinfo "$T/a.pdf" | awk '/^Pages:/ {print $2}')
    check "pdfinfo: whole issue of 40 to 70 pages (got ${pages:-?})" \
        [ "${pages:-0}" -ge 40 -a "${pages:-0}" -le 70 ]
    check "pdffonts: every font embedded" sh -c \
        "pdffonts '$T/a.pdf' | awk 'NR>2 && \$(NF-4) != \"yes\" {bad=1} NR>2 {n++} END {exit bad || !n}'"
    check "qpdf --check: no damage" sh -c "qpdf --check '$T/a.pdf' >/dev/null 2>&1"
    first=$("$BULLETIN" build "$EX" --dump pagemap 2>/dev/null |
        awk -F'\t' '$1 == "page" && $3 ~ /^[0-9]+$/ {print $2; exit}')
    python3 "$ROOT/tests/e2e/textcheck.py" "$EX" "$T/a.pdf" "${first:-1}"
    # page size: 185 x 260 mm = 524.4 x 737.0 pt
    check "pdfinfo: page size of the style (185 x 260 mm)" sh -c \
        "pdfinfo '$T/a.pdf' | grep -q 'Page size: *524.4[0-9]* x 737.0[0-9]* pts'"
fi

"$BULLETIN" build "$EX" -o "$T/b.pdf" 2>/dev/null
check "determinism: two builds are byte-identical" cmp -s "$T/a.pdf" "$T/b.pdf"

"$BULLETIN" build "$EX" --dump lines >"$T/dump" 2>/dev/null
check "dump: page, column, line, text on every line" \
    awk -F'\t' 'NF != 4 || $1 !~ /^[0-9]+$/ || $3 !~ /^[0-9]+$/ {bad=1} END {exit bad || NR < 1000}' "$T/dump"
if need python3; then
    python3 "$ROOT/tests/e2e/linecheck.py" "$T/dump"
fi
check "dump: same pages as the PDF" sh -c \
    "[ \"\$(tail -1 '$T/dump' | cut -f1)\" = \"\$(pdfinfo '$T/a.pdf' | awk '/^Pages:/ {print \$2}')\" ]"

"$BULLETIN" build "$EX" --dump geometry >"$T/geo" 2>/dev/null
check "geometry: every justified line is flush with its measure within 0.01 pt" \
    awk -F'\t' '$8 == "justified" {n++; d = $6 - $7; if (d < 0) d = -d; if (d > 0.01) {bad++; print "#   " $0}} END {exit bad || n < 1000}' "$T/geo"
check "geometry: no line's content runs past its measure" \
    awk -F'\t' '$6 - $7 > 0.01 {bad++; print "#   " $0} END {exit bad}' "$T/geo"
