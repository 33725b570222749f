#!/bin/sh
# roundtrip.sh: the import round trip on random issues of every style
# (tests/e2e/rtgen.py, fixed seeds): build, back to a raw extraction
# (rtextract.py: poppler's blocks in the layout's reading order), import.
# Checked: the import runs clean, the design is detected from the style
# files, and no Han character of the source goes missing. The recovery
# figures (titles, bylines, heads, run-in heads, paragraphs, start
# pages) are printed, not checked: `make roundtrip` measures them on 50
# issues per style, and docs/import.md gives them.
set -u
. "$ROOT/tests/e2e/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
need python3 || exit 0
need pdftotext || exit 0
E=$ROOT/tests/e2e
for style in tianjin-2022 tianjin-2023 jincheng-2020; do
    for seed in 3 7; do
        d="$T/$style-$seed"
        mkdir -p "$d"
        python3 "$E/rtgen.py" "$style" "$seed" "$d/s.md"
        "$BULLETIN" build "$d/s.md" --dump geometry -o "$d/s.pdf" >"$d/s.geo" 2>/dev/null
        "$BULLETIN" build "$d/s.md" --dump pagemap >"$d/s.map" 2>/dev/null
        python3 "$E/rtextract.py" "$d/s.pdf" "$d/s.geo" "$d/s.txt"
        "$BULLETIN" import "$d/s.txt" -o "$d/i.md" --report "$d/r.txt" 2>"$d/err"
        check "roundtrip $style seed $seed: the import exits 0" [ $? -eq 0 ]
        check "roundtrip $style seed $seed: every title missed is in the report's list to check" \
            python3 "$E/rtflags.py" "$d/s.md" "$d/i.md" "$d/r.txt"
        # a short issue's fullest pages hold a few lines less than the
        # grid (titles, heads and their blank lines): no false alarm
        check "roundtrip $style seed $seed: no doubt about the page breaks from lines per column" \
            sh -c "! grep -q 'lines per column were counted' '$d/r.txt'"
        check "roundtrip $style seed $seed: the design is detected" \
            grep -q "^style: $style\$" "$d/i.md"
        check "roundtrip $style seed $seed: no Han character of the source missing" \
            python3 - "$d/s.md" "$d/i.md" <<'PY'
import collections, sys
def han(p):
    t = open(p, encoding='utf-8').read().split('\n---\n', 1)[-1]
    return collections.Counter(c for c in t if '\u4e00' <= c <= '\u9fff')
gone = han(sys.argv[1]) - han(sys.argv[2])
if gone:
    print('  missing: %s' % ''.join(sorted(gone.elements())))
sys.exit(1 if gone else 0)
PY
        python3 "$E/rtcompare.py" "$d/s.md" "$d/s.map" "$d/i.md" >"$d/cmp"
        echo "# roundtrip $style seed $seed: $(cat "$d/cmp")"
        cat "$d/cmp" >>"$T/all.cmp"
    done
done

# A floor under the six issues together, so that a change that loses
# titles, heads or paragraphs fails here before `make roundtrip` shows it
# (measured when set: titles 43/45, heads 64/64, paragraphs 381/392;
# a stop later 44/45, 64/64, 382/392).
check "roundtrip: the six issues keep 90% of titles, 95% of heads and paragraphs" \
    python3 - "$T/all.cmp" <<'PY'
import sys
tot = {}
for row in open(sys.argv[1]):
    for f in row.split():
        k, v = f.split('=')
        a, b = map(int, v.split('/'))
        x = tot.setdefault(k, [0, 0]); x[0] += a; x[1] += b
floor = {'titles': 0.90, 'heads': 0.95, 'paras': 0.95}
low = ['%s %d/%d' % (k, tot[k][0], tot[k][1]) for k in floor
       if tot[k][0] < floor[k] * tot[k][1]]
print('  ' + ', '.join('%s %d/%d' % (k, a, b) for k, (a, b) in tot.items()))
sys.exit(1 if low else 0)
PY

# The display lines with an em-wide gap (U+3000) extract whole: each is a
# line of plain pdftotext's output, its U+3000 kept.
J=examples/jincheng-2020-04.md
"$BULLETIN" build "$ROOT/$J" --dump geometry -o "$T/j.pdf" >"$T/j.geo" 2>/dev/null
pdftotext "$T/j.pdf" "$T/j.txt"
check "roundtrip: the gapped display lines of $J extract whole (plain pdftotext)" \
    python3 - "$T/j.geo" "$T/j.txt" <<'PY'
import sys
roles = {'kicker', 'title', 'part-title', 'subtitle', 'deck', 'byline',
         'date', 'head', 'subhead'}
want = [f[9] for f in (r.rstrip('\n').split('\t') for r in open(sys.argv[1],
        encoding='utf-8')) if len(f) >= 10 and f[8] in roles and '\u3000' in f[9]]
got = set(l.strip() for l in open(sys.argv[2], encoding='utf-8'))
miss = [w for w in want if w not in got]
print('  %d gapped display lines, %d not whole: %s' % (len(want), len(miss), miss[:3]))
sys.exit(1 if miss or len(want) < 5 else 0)
PY

# Every line poppler reads off both examples that stands on a composed
# line is that whole line (squeezed marks overlap the font's advance; an
# em gap splits words): no fragments.
for ex in tianjin-2022-09 jincheng-2020-04; do
    "$BULLETIN" build "$ROOT/examples/$ex.md" --dump geometry -o "$T/$ex.pdf" >"$T/$ex.geo" 2>/dev/null
    check "roundtrip: poppler reads every composed line of $ex whole" \
        env PYTHONPATH="$E" python3 - "$T/$ex.pdf" "$T/$ex.geo" <<'PY'
import re, subprocess, sys
import xml.etree.ElementTree as ET
import rtextract as rx
pdf, geo = sys.argv[1:3]
texts = {}
for r in open(geo, encoding='utf-8'):
    f = r.rstrip('\n').split('\t')
    if len(f) >= 10:
        texts.setdefault(int(f[0]), []).append(f[9].replace(' ', ''))
xml = subprocess.run(['pdftotext', '-bbox-layout', pdf, '-'],
                     capture_output=True, check=True).stdout
root = ET.fromstring(re.sub(rb'<!DOCTYPE[^>]*>', b'', xml))
slots = rx.geometry(geo)
seen = frag = 0
bad = []
for n, page in enumerate(root.iter(rx.NS + 'page'), 1):
    for line in page.iter(rx.NS + 'line'):
        k = rx.order_of(line, slots.get(n, []))
        if k is None:
            continue
        seen += 1
        text = ''.join(w.text or '' for w in line.iter(rx.NS + 'word'))
        if text != texts[n][k]:
            frag += 1
            bad.append(text)
print('  %d lines on composed lines, %d not whole %s' % (seen, frag, bad[:4]))
sys.exit(1 if frag or seen < 1000 else 0)
PY
done
