#!/bin/sh
# print.sh: print masters (build --print) checked as a print shop checks
# them: boxes, output intent, Info and XMP, no RGB, black on the black
# plate alone and overprinted, fonts, the screen PDF's lines on the same
# pages, bleed and marks on the rendered sheet, images, preflight
# warnings, options and their errors (printcheck.py does the PDF checks
# with qpdf, Ghostscript and poppler).
set -u
. "$ROOT/tests/e2e/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
need qpdf gs pdftotext pdffonts pdfimages pdftoppm python3 || exit 0
CHECK="python3 $ROOT/tests/e2e/printcheck.py"
JC=$ROOT/examples/jincheng-2020-04.md
# the tianjin example has a title its import could not find: written in
mkdir -p "$T/ed"
TJ=$(edited_copy "$ROOT/examples/tianjin-2022-09.md" "$T/ed")
PR=$ROOT/tests/data/print/print.md

# ---- the two examples, PDF/X-1a and PDF/X-4 ----
"$BULLETIN" build "$JC" --print --screen -o "$T/jc.pdf" 2>"$T/jc.err"
check "print: jincheng master and screen PDF from one run, exit 0" \
    [ $? -eq 0 -a -f "$T/jc.pdf" -a -f "$T/jc.print.pdf" ]
check "print: jincheng: no errors" sh -c "! grep -q ': error:' '$T/jc.err'"
$CHECK "$T/jc.print.pdf" "$T/jc.pdf" jincheng --k-only all --same-text

"$BULLETIN" build "$TJ" --print -o "$T/tj.print.pdf" 2>"$T/tj.err"
check "print: tianjin master alone, exit 0" [ $? -eq 0 -a -f "$T/tj.print.pdf" ]
"$BULLETIN" build "$TJ" -o "$T/tj.pdf" 2>/dev/null
$CHECK "$T/tj.print.pdf" "$T/tj.pdf" tianjin --k-only all --same-text
"$BULLETIN" build "$TJ" --print=x4 -o "$T/tj4.pdf" 2>/dev/null
check "print: tianjin PDF/X-4 master, exit 0" [ -f "$T/tj4.pdf" ]
$CHECK "$T/tj4.pdf" "$T/tj.pdf" tianjin-x4 --x4 --k-only 1-4 --same-text
check "qpdf --check: the masters are undamaged" sh -c \
    "qpdf --check '$T/jc.print.pdf' && qpdf --check '$T/tj.print.pdf' && qpdf --check '$T/tj4.pdf'" \
    >/dev/null 2>&1
"$BULLETIN" build "$TJ" --print -o "$T/tj2.print.pdf" 2>/dev/null
check "print: determinism: two masters are byte-identical" \
    cmp -s "$T/tj.print.pdf" "$T/tj2.print.pdf"
check "print: pdftotext of the master gives the text (fonts, not outlines)" \
    sh -c "pdftotext -f 7 -l 7 '$T/tj.print.pdf' - | grep -q '天津'"

# ---- the sheet as rendered: marks, bleed, page information ----
# probe PDF PAGE X,Y...: darkest pixel (0 black, 255 white) within 1 pt
# of each point, given in mm from the top left of the trim
probe() {
    pdftoppm -r 144 -gray -f "$2" -l "$2" "$1" "$T/probe" &&
        python3 - "$T"/probe*.pgm "$1" "$3" <<'PY'
import re, subprocess, sys
pgm, pdf, pts = sys.argv[1], sys.argv[2], sys.argv[3]
info = subprocess.run(['pdfinfo', '-box', pdf], capture_output=True, text=True).stdout
trim = [float(v) for v in re.search(r'TrimBox:\s+(.*)', info).group(1).split()]
media = [float(v) for v in re.search(r'MediaBox:\s+(.*)', info).group(1).split()]
data = open(pgm, 'rb').read()
m = re.match(rb'P5\s+(\d+)\s+(\d+)\s+(\d+)\s', data)
w, h, off = int(m.group(1)), int(m.group(2)), m.end()
out = []
for p in pts.split():
    x, y = (float(v) * 72 / 25.4 for v in p.split(','))
    px, py = (x + trim[0] - media[0]) * 2, (y + media[3] - trim[3]) * 2
    vals = [data[off + int(py + dy) * w + int(px + dx)]
            for dx in (-2, -1, 0, 1, 2) for dy in (-2, -1, 0, 1, 2)
            if 0 <= int(px + dx) < w and 0 <= int(py + dy) < h]
    out.append(str(min(vals) if vals else 255))
print(' '.join(out))
PY
    rm -f "$T"/probe*.pgm
}
# tianjin-2022: trim 210 x 285 mm, page 1 a right-hand page with the side
# tab (10 mm wide, 55 mm down) on its outer edge; marks 3 + 5 mm out
v=$(probe "$T/tj.print.pdf" 1 "211.5,55 -5.5,0 0,-5.5 215.5,0 -5.5,285")
set -- $v
check "print: the side tab's frame runs on into the bleed (got ${1:-?})" [ "${1:-255}" -lt 160 ]
check "print: crop marks outside the bleed at the corners (got $*)" \
    [ "${2:-255}" -lt 200 -a "${3:-255}" -lt 200 -a "${4:-255}" -lt 200 -a "${5:-255}" -lt 200 ]
v=$(probe "$T/tj.print.pdf" 1 "-1.5,0.5 -1.5,55")
set -- $v
check "print: nothing but the tab in the bleed of a text page (got $*)" [ "${1:-0}" -gt 250 ]
check "print: the page-information line in the slug" sh -c \
    "pdftotext -f 7 -l 7 '$T/tj.print.pdf' - | grep -q '2022年第9期' &&
     pdftotext -f 7 -l 7 '$T/tj.print.pdf' - | grep -q '第7页' &&
     ! pdftotext -f 7 -l 7 '$T/tj.pdf' - | grep -q '第7页'"
"$BULLETIN" build "$TJ" --print --marks none -o "$T/nomarks.pdf" 2>/dev/null
$CHECK "$T/nomarks.pdf" "$T/tj.pdf" no-marks --no-marks | grep -i "box\|not ok\|#"
check "print: --marks none: no page-information line" sh -c \
    "! pdftotext -f 7 -l 7 '$T/nomarks.pdf' - | grep -q '第7页'"

# ---- images, colours, a figure that bleeds, preflight ----
cp "$ROOT/styles/jincheng-2020.style" "$T/red.style"
printf '\n[title]\ncolor = 0 100 100 0\n' >>"$T/red.style"
sed -i "s|^profile = .*|profile = $ROOT/styles/fogra39-tac300.icc|" "$T/red.style"
"$BULLETIN" build "$PR" --style "$T/red.style" --print --screen -o "$T/pr.pdf" 2>"$T/pr.err"
check "print: figures: master and screen PDF, exit 0" [ $? -eq 0 -a -f "$T/pr.print.pdf" ]
$CHECK "$T/pr.print.pdf" "$T/pr.pdf" figures --same-text
pdfimages -list "$T/pr.print.pdf" >"$T/imgs"
check "print: no RGB image and no soft mask left (pdfimages)" sh -c \
    "[ \$(awk 'NR>2' '$T/imgs' | wc -l) -ge 5 ] && ! awk 'NR>2 {print \$3, \$6}' '$T/imgs' | grep -q 'rgb\|smask'"
check "print: a colour photograph becomes a CMYK JPEG, a gray one stays a gray JPEG" sh -c \
    "awk 'NR>2 && \$4==1200 && \$7==4 && \$9==\"jpeg\"' '$T/imgs' | grep -q . &&
     awk 'NR>2 && \$4==1200 && \$6==\"gray\" && \$9==\"jpeg\"' '$T/imgs' | grep -q ."
check "print: the PNG with transparency is flattened into CMYK samples" sh -c \
    "awk 'NR>2 && \$4==800 && \$6==\"cmyk\" && \$9==\"image\"' '$T/imgs' | grep -q ."
check "print: a PNG with on/off transparency (1-bit mask) and black-and-white art are converted" sh -c \
    "awk 'NR>2 && \$4==600 && \$6==\"cmyk\"' '$T/imgs' | grep -q . &&
     awk 'NR>2 && \$4==600 && \$6==\"gray\"' '$T/imgs' | grep -q ."
# page 6 holds the CMYK photo (cyan and yellow halves, inks stored
# inverted as Adobe's programs do) beside black art: as a negative, it
# would print heavy on every plate
cov=$(gs -q -o - -sDEVICE=inkcov -dUseTrimBox -dFirstPage=6 -dLastPage=6 "$T/pr.print.pdf" | head -1)
set -- $cov
check "print: a CMYK JPEG is not printed as a negative (page 6 inks: $*)" \
    python3 -c "import sys; c, m, y, k = map(float, sys.argv[1:5]); sys.exit(not (c > 0.02 and y > 0.02 and m < 0.005 and k < 0.1))" "$@"
check "preflight: a coarse image is reported at its figure (file:line:col, ppi, pixels wanted)" \
    grep -q "print.md:[0-9]*:[0-9]*: warning: the image .*coarse.jpg' prints at 171 ppi.*700 × 525 pixels" "$T/pr.err"
check "preflight: images of 300 ppi or more are not reported" sh -c \
    "! grep -q \"gray.jpg' prints\" '$T/pr.err'"
qpdf --qdf --object-streams=disable "$T/pr.print.pdf" "$T/prq.pdf"
check "print: the style's CMYK title colour is written as given (0 1 1 0 k), knocked out" \
    grep -aq "BXop00 gs 0 1 1 0 k" "$T/prq.pdf"
qpdf --qdf --object-streams=disable "$T/pr.pdf" "$T/prs.pdf"
check "screen: the CMYK title seen through the profile as a red (rg, red well above green)" sh -c \
    "grep -ao '[0-9.]* [0-9.]* [0-9.]* rg' '$T/prs.pdf' | awk '\$1 > 0.7 && \$2 < 0.3 {f=1} END {exit !f}'"
# the figure {width=bleed} spans the last page; it must cover the bleed
last=$(pdfinfo "$T/pr.print.pdf" | awk '/^Pages:/ {print $2}')
y=$(python3 -c "print(60)")
v=$(probe "$T/pr.print.pdf" "$last" "-1.5,$y 186.5,$y")
set -- $v
check "print: a figure {width=bleed} runs into the bleed on both sides (got $*)" \
    [ "${1:-255}" -lt 200 -a "${2:-255}" -lt 200 ]
check "print: the 准印证号 of the front matter on the 编委会 page" sh -c \
    "pdftotext -f 3 -l 3 '$T/pr.print.pdf' - | grep -q '准印证号：（测试）准字第'"

printf '\n[kicker]\ncolor = 100 100 100 100\n' >>"$T/red.style"
"$BULLETIN" build "$PR" --style "$T/red.style" --print -o "$T/heavy.pdf" 2>"$T/heavy.err"
check "preflight: a style colour of 400% ink is reported at its section" \
    grep -q "red.style:[0-9]*:1: warning: kicker: the colour 100 100 100 100 carries 400% ink" "$T/heavy.err"
check "preflight: the bundled styles' colours are within the ink limit" sh -c \
    "! grep -q 'ink-limit' '$T/pr.err' '$T/tj.err' '$T/jc.err'"
sed 's/^side-tab-width = .*/side-tab-width = 9mm/' "$ROOT/styles/tianjin-2022.style" >"$T/narrow.style"
sed -i "s|^profile = .*|profile = $ROOT/styles/fogra39-tac300.icc|" "$T/narrow.style"
"$BULLETIN" build "$TJ" --style "$T/narrow.style" --print -o "$T/narrow.pdf" 2>"$T/narrow.err"
check "preflight: side-tab text 2.6 mm from the trim of a 9 mm tab, once for all its pages" sh -c \
    "grep -q 'warning: side-tab text comes 2.6 mm from the trim edge on 62 pages (first on page 1), inside the 3 mm safety margin' '$T/narrow.err' &&
     [ \$(grep -c 'safety margin' '$T/narrow.err') -eq 1 ]"
check "preflight: no text inside the safety margin with the bundled styles" sh -c \
    "! grep -q 'safety margin' '$T/tj.err' '$T/jc.err' '$T/pr.err'"

# ---- sheets of four, offprints, several issues ----
check "preflight: 62 pages are not whole sheets: 2 blank pages would fill them" \
    grep -q "tianjin-2022-09.md:1:1: warning: 62 pages do not fill whole sheets of 4: 2 blank pages.*--pad 4" "$T/tj.err"
"$BULLETIN" build "$TJ" --print --pad 4 -o "$T/pad.pdf" 2>"$T/pad.err"
check "print: --pad 4 makes 64 pages, and the warning goes" sh -c \
    "pdfinfo '$T/pad.pdf' | grep -q '^Pages: *64' && ! grep -q 'whole sheets' '$T/pad.err'"
id=$("$BULLETIN" build "$TJ" --dump pagemap 2>/dev/null |
    awk -F'\t' '$1 == "article" {split($3, p, /[ -]/); if (p[2] > 20) {print $2; exit}}')
"$BULLETIN" build "$TJ" --article "$id" -o "$T/off.pdf" 2>/dev/null
"$BULLETIN" build "$TJ" --article "$id" --print -o "$T/off.print.pdf" 2>/dev/null
check "print: an offprint master has the offprint's pages" sh -c \
    "[ -n '$id' ] && [ \"\$(pdfinfo '$T/off.pdf' | awk '/^Pages:/ {print \$2}')\" = \"\$(pdfinfo '$T/off.print.pdf' | awk '/^Pages:/ {print \$2}')\" ]"
$CHECK "$T/off.print.pdf" "$T/off.pdf" offprint --same-text | grep "same words\|not ok\|#"
# a re-set offprint with its cover, as a master: every check of a master
"$BULLETIN" build "$JC" --article liu-jiayi --offprint reset --cover -o "$T/rs.pdf" 2>/dev/null
"$BULLETIN" build "$JC" --article liu-jiayi --offprint reset --cover --print \
    -o "$T/rs.print.pdf" 2>/dev/null
$CHECK "$T/rs.print.pdf" "$T/rs.pdf" "re-set offprint with cover" --same-text
mkdir "$T/out"
"$BULLETIN" build "$JC" "$TJ" --print --outdir "$T/out" 2>/dev/null
check "print: several issues into --outdir, each NAME.print.pdf" \
    [ -f "$T/out/jincheng-2020-04.print.pdf" -a -f "$T/out/tianjin-2022-09.print.pdf" ]

# ---- the shop's own profile, and mistakes ----
GSCMYK=/usr/share/color/icc/ghostscript/default_cmyk.icc
if [ -f "$GSCMYK" ]; then
    "$BULLETIN" build "$TJ" --print --icc "$GSCMYK" -o "$T/icc.pdf" 2>/dev/null
    check "print: --icc: the shop's profile embedded, condition Custom" sh -c \
        "qpdf --json --json-stream-data=inline '$T/icc.pdf' | python3 -c \"
import sys, json, base64
j = json.load(sys.stdin)['qpdf'][1]
oi = [o['value'] for o in j.values() if isinstance(o, dict) and isinstance(o.get('value'), dict) and o['value'].get('/S') == '/GTS_PDFX'][0]
data = base64.b64decode(j['obj:' + oi['/DestOutputProfile']]['stream']['data'])
sys.exit(not (oi['/OutputConditionIdentifier'] == 'u:Custom' and data == open('$GSCMYK', 'rb').read()))\""
else
    skip "print: --icc with another profile: $GSCMYK missing (libgs-common)"
fi
"$BULLETIN" build "$TJ" --print --icc /usr/share/color/icc/ghostscript/ps_cmyk.icc -o "$T/v4.pdf" 2>"$T/v4.err"
check "print: a version-4 ICC profile is refused for PDF/X-1a:2001 (PDF 1.3), nothing written" \
    sh -c "grep -q 'needs an ICC profile of version 2; this one is version 4' '$T/v4.err' && [ ! -f '$T/v4.pdf' ]"
"$BULLETIN" build "$TJ" --print=x4 --icc /usr/share/color/icc/ghostscript/ps_cmyk.icc -o "$T/v4.pdf" 2>/dev/null
check "print: ... and taken for PDF/X-4" [ -f "$T/v4.pdf" ]
"$BULLETIN" build "$TJ" --print --icc /etc/hostname -o "$T/bad.pdf" 2>"$T/bad.err"
check "print: --icc with a file that is no profile: exit 1, the file named, nothing written" \
    sh -c "[ $? -eq 1 ] && grep -q '/etc/hostname.*cannot be used' '$T/bad.err' && ! ls '$T'/bad.pdf* >/dev/null 2>&1"
"$BULLETIN" build "$TJ" --print --icc /usr/share/color/icc/ghostscript/srgb.icc -o "$T/bad.pdf" 2>"$T/bad.err"
check "print: --icc with an RGB profile: refused as not CMYK" \
    grep -q "not a CMYK profile" "$T/bad.err"
"$BULLETIN" build "$TJ" --print=x5 2>/dev/null
check "print: --print=x5 is a usage error (exit 2)" [ $? -eq 2 ]
"$BULLETIN" build "$TJ" --print --marks crop,bogus -o "$T/bad.pdf" 2>/dev/null
check "print: --marks with an unknown mark is a usage error (exit 2)" [ $? -eq 2 ]
"$BULLETIN" build "$TJ" --icc "$GSCMYK" -o "$T/bad.pdf" 2>/dev/null
check "print: --icc without --print is a usage error (exit 2)" [ $? -eq 2 ]
