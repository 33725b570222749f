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

# --pages original: every article on its recorded page, jumps announced
"$BULLETIN" build "$EX" --pages original --dump pagemap >"$T/orig" 2>"$T/err"
total=$(awk -F'\t' '$1 == "article" && $4 ~ /original/' "$T/orig" | wc -l)
same=$(awk -F'\t' '$1 == "article" && $4 ~ /original/ && $4 !~ /differs/' "$T/orig" | wc -l)
check "--pages original: all $total articles start on their original page ($same)" [ "$same" -eq "$total" ]
check "--pages original: a blank page is reported with its reason" grep -q "left blank" "$T/err"
"$BULLETIN" build "$EX" --pages original --dump lines 2>/dev/null >"$T/olines"
to=$(grep -c '（下转第[0-9]*页）' "$T/olines")
from=$(grep -c '（上接第[0-9]*页）' "$T/olines")
check "--pages original: every （下转第N页） has its （上接第M页） ($to, $from)" [ "$to" -ge 1 -a "$to" -eq "$from" ]
# the numbers point at each other: 下转 names the page of the 上接 and back
python3 - "$T/olines" <<'PY'
import re, sys
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1], encoding='utf-8')]
label = {}
bad = []
for p, c, n, t in rows:
    m = re.search(r'（下转第(\d+)页）', t)
    if m:
        label.setdefault('to', []).append((int(p), int(m.group(1))))
    m = re.search(r'（上接第(\d+)页）', t)
    if m:
        label.setdefault('from', []).append((int(p), int(m.group(1))))
# PDF page and folio differ by the front matter: use the differences
for (p1, n1), (p2, n2) in zip(label.get('to', []), label.get('from', [])):
    if n1 - n2 != p2 - p1:
        bad.append('下转 on PDF page %d names %d, 上接 on PDF page %d names %d' % (p1, n1, p2, n2))
for b in bad:
    print('#   ' + b)
print(('not ok' if bad else 'ok') + ' - --pages original: jump lines name each other\'s pages')
PY

# the 《天津政协》 example: imported with its page map, rebuilt
TJ=$ROOT/examples/tianjin-2022-09.md
"$BULLETIN" build "$TJ" --dump pagemap >"$T/tjauto" 2>/dev/null
same=$(awk -F'\t' '$1 == "article" && $4 ~ /original/ && $4 !~ /differs/' "$T/tjauto" | wc -l)
check "tianjin calibration: at least 27 of 33 articles start on their printed page by geometry alone ($same)" \
    [ "$same" -ge 27 ]
pages=$(awk -F'\t' '$1 == "page"' "$T/tjauto" | wc -l)
check "tianjin calibration: 62 pages, as printed ($pages)" [ "$pages" -eq 62 ]
"$BULLETIN" build "$TJ" --pages original --dump pagemap >"$T/tj" 2>"$T/tjerr"
total=$(awk -F'\t' '$1 == "article" && $4 ~ /original/' "$T/tj" | wc -l)
same=$(awk -F'\t' '$1 == "article" && $4 ~ /original/ && $4 !~ /differs/' "$T/tj" | wc -l)
check "tianjin --pages original: at least 90% of $total articles on their original page ($same)" \
    [ $((same * 10)) -ge $((total * 9)) ]
"$BULLETIN" build "$TJ" --pages original --dump lines >"$T/tjl" 2>/dev/null
to=$(grep -c '（下转第[0-9]*页）' "$T/tjl")
from=$(grep -c '（上接第[0-9]*页）' "$T/tjl")
check "tianjin --pages original: every jump is announced at both ends ($to, $from)" [ "$to" -eq "$from" ]
# an article may share the page where the next one starts, as printed:
# jumps only where the text does not fit (the print has none)
check "tianjin --pages original: few jumps ($to)" [ "$to" -le 6 ]

# an article that ends early before the next one's recorded page fills
# its page: the free lines are spread between paragraphs, not left at the
# foot, and no line of text is lost or added
SP=$ROOT/tests/data/spread/spread.md
"$BULLETIN" build "$SP" --pages original --dump pagemap >"$T/sp" 2>"$T/sperr"
check "spread: both columns of page 1 reach the foot" \
    grep -q "^page	1	1	.*column 1 lines [0-9]*-34	column 2 lines [0-9]*-34" "$T/sp"
check "spread: the blank lines are reported" grep -q "blank lines spread between the paragraphs of page 1" "$T/sperr"
check "spread: the next article starts on its page" grep -q "^article	a2	pages 2-2	original 2$" "$T/sp"
"$BULLETIN" build "$SP" --pages original --dump lines >"$T/spl" 2>/dev/null
"$BULLETIN" build "$SP" --dump lines >"$T/spl0" 2>/dev/null
check "spread: the same lines as without --pages original" \
    [ "$(cut -f4 "$T/spl" | sort | md5sum)" = "$(cut -f4 "$T/spl0" | sort | md5sum)" ]
# gaps only between paragraphs: every gap in a column's grid lines comes
# after a line that ends a paragraph (ends with 。 in this fixture)
"$BULLETIN" build "$SP" --pages original --dump geometry >"$T/spg" 2>/dev/null
python3 - "$T/spg" <<'PY'
import sys
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1], encoding='utf-8')]
bad, gaps, prev = [], 0, {}
for r in rows:
    page, col, grid, text = r[0], r[1], int(r[2]), r[-1]
    if page != '1' or col == '0':
        continue
    last = prev.get(col)
    if last and grid > last[0] + 1:
        gaps += grid - last[0] - 1
        if not last[1].endswith('。'):
            bad.append('gap after «%s»' % last[1])
    prev[col] = (grid, text)
for b in bad:
    print('#   ' + b)
ok = not bad and gaps > 0
print(('ok' if ok else 'not ok') + ' - spread: %d blank lines, all at paragraph ends' % gaps)
PY

# a style with a grid of its own for one-column pages (tianjin-2023:
# 30 lines there, 34 in two columns, on the same type-area height)
GR=$ROOT/tests/data/grid/grid.md
"$BULLETIN" build "$GR" --dump geometry >"$T/gr" 2>"$T/grerr"
python3 - "$T/gr" <<'PY'
import sys
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1], encoding='utf-8')]
def page_lines(pred):
    out = {}
    for r in rows:
        if pred(r):
            out.setdefault(int(r[0]), []).append((int(r[2]), float(r[4])))
    return out
single = page_lines(lambda r: r[1] == '0' and r[8] == 'body')
double = page_lines(lambda r: r[1] in ('1', '2') and r[8] == 'body')
def pitches(d):
    got = set()
    for ls in d.values():
        ls.sort()
        for (g1, y1), (g2, y2) in zip(ls, ls[1:]):
            if g2 == g1 + 1 and y2 > y1:
                got.add(round(y2 - y1, 2))
    return got
full = [p for p, ls in single.items() if max(g for g, _ in ls) == 30]
res = [
    ('one-column pages hold 30 lines (%d full pages)' % len(full),
     len(full) >= 2 and all(max(g for g, _ in ls) <= 30 for ls in single.values())),
    ('one-column lines 20.4 pt apart (%s)' % sorted(pitches(single)), pitches(single) == {20.4}),
    ('two-column lines 18 pt apart (%s)' % sorted(pitches(double)), pitches(double) == {18.0}),
    ('no page holds both grids', not set(single) & set(double)),
]
for name, good in res:
    print(('ok' if good else 'not ok') + ' - grid: ' + name)
PY

# a mistyped page attribute does not fill the issue with blank pages
cat >"$T/typo.md" <<'MD'
---
publication: 天津政协
style: tianjin-2022
---

# 测试

## 第一篇 {#a1 page=1}

正文。

## 第二篇 {#a2 page=9000}

正文。
MD
"$BULLETIN" build "$T/typo.md" --pages original --dump pagemap >"$T/typo" 2>"$T/typoerr"
check "a page attribute far ahead is reported, not obeyed" sh -c \
    "grep -q \"article 'a2' is not moved to its original page 9000: that would leave 8998 pages blank\" '$T/typoerr' &&
     [ \$(grep -c '^page' '$T/typo') -le 2 ]"
