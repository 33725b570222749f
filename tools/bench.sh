#!/bin/sh
# bench.sh: speed and memory figures (make bench); figures, not tests.
#  1. composition: every paragraph of the example issue, repeated to about
#     a million characters, through `bulletin compose` (shaping included):
#     characters per second and peak memory;
#  2. a whole build of the example issue to PDF: wall time and peak memory.
set -eu
B=${1:-./bulletin}
B=$(cd "$(dirname "$B")" && pwd)/$(basename "$B")
EX=examples/jincheng-2020-04.md
REPEAT=${REPEAT:-24}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
python3 - "$EX" "$T/paras.txt" "$REPEAT" <<'PY'
import re, sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
body = open(src, encoding='utf-8').read().split('\n---\n', 1)[1]
paras = []
for l in body.split('\n'):
    s = l.strip()
    if not s or re.match(r'(#|:::|-{3,}$|={3,}$)', s):
        continue
    s = re.sub(r'^[-*+]\s+', '', s)
    s = re.sub(r'\]\{[^}]*\}', ']', s).replace('**', '').replace('[', '').replace(']', '')
    paras.append(s.rstrip('\\'))
with open(out, 'w', encoding='utf-8') as f:
    for _ in range(n):
        f.write('\n'.join(paras) + '\n')
PY
chars=$(python3 -c "import sys;print(len(open('$T/paras.txt',encoding='utf-8').read()))")
paras=$(wc -l <"$T/paras.txt")
echo "composition: $paras paragraphs, $chars characters (the example's body x $REPEAT)"
for style in jincheng-2020 tianjin-2022; do
    /usr/bin/time -f "%e %M" -o "$T/time" "$B" compose --style $style <"$T/paras.txt" >/dev/null
    read -r secs kb <"$T/time"
    python3 -c "print('  %-14s %6.2f s  %9.0f characters/s  %6.1f MB peak' % ('$style', $secs, $chars / max($secs, 0.001), $kb / 1024))"
done
echo "whole build of $EX to PDF:"
for i in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$T/time" "$B" build "$EX" -o "$T/a.pdf" 2>/dev/null
    read -r secs kb <"$T/time"
    echo "  run $i: ${secs} s wall, $(( kb / 1024 )) MB peak RSS"
done
echo "print masters (--print, PDF/X-1a) against the screen PDF: CPU seconds"
echo "(user + system, best of 5; wall time on a shared machine varies more):"
# a master is refused while a title is a placeholder (.untitled): the
# tianjin example's missing title written in, as an editor would
mkdir -p "$T/ed"
. tests/e2e/lib.sh
edited_copy examples/tianjin-2022-09.md "$T/ed" >/dev/null
for ex in examples/jincheng-2020-04.md "$T/ed/tianjin-2022-09.md"; do
    best() {
        b=999
        for i in 1 2 3 4 5; do
            /usr/bin/time -f "%U %S %M" -o "$T/time" "$B" build "$ex" "$@" 2>/dev/null
            read -r u s kb <"$T/time"
            b=$(python3 -c "print(min($b, $u + $s))")
        done
        echo "$b $kb"
    }
    read -r s skb <<EOF2
$(best -o "$T/s.pdf")
EOF2
    read -r p pkb <<EOF2
$(best --print -o "$T/p.pdf")
EOF2
    python3 -c "
import os
s, p = $s, $p
print('  %-22s screen %5.2f s %6.0f KB | master %5.2f s %6.0f KB %4d MB peak | the print pass adds %.2f s (%+.0f%%)' % (
    os.path.basename('$ex'), s, os.path.getsize('$T/s.pdf') / 1024, p,
    os.path.getsize('$T/p.pdf') / 1024, $pkb // 1024, p - s, (p - s) / s * 100))"
done
# Instruction counts do not move with the machine's load (BENCH_CALLGRIND=1;
# valgrind, about a minute).
if [ "${BENCH_CALLGRIND:-0}" = 1 ] && command -v valgrind >/dev/null; then
    echo "instructions (callgrind), screen PDF against print master:"
    for ex in examples/jincheng-2020-04.md "$T/ed/tianjin-2022-09.md"; do
        n() {
            valgrind --tool=callgrind --callgrind-out-file="$T/cg" "$B" build "$ex" "$@" \
                -o "$T/cg.pdf" 2>&1 | sed -n 's/.*Collected : //p'
        }
        s=$(n)
        p=$(n --print)
        python3 -c "print('  %-22s %5.2f G against %5.2f G: the print pass adds %.0f%%' % ('$(basename "$ex")', $s / 1e9, $p / 1e9, ($p - $s) / $s * 100))"
    done
fi
# A back-catalogue: the examples, the seeds imported, and generated issues
# (22 in all), built with -j 1 and -j 2; then again with nothing changed,
# and with one source changed.
echo "a catalogue of 22 issues (wall seconds):"
C=$T/cat
mkdir -p "$C/out1" "$C/out2"
cp examples/*.md examples/*.lines.json "$C/"
for s in tests/data/seeds/*.txt; do
    "$B" import "$s" -o "$C/$(basename "$s" .txt).md" 2>/dev/null
done
for s in $(seq 1 17); do python3 tests/e2e/flowgen.py "$s" "$C/gen$s.md"; done
n=$(ls "$C"/*.md | wc -l)
t() { /usr/bin/time -f "%e" -o "$T/t" "$@" >/dev/null 2>&1; cat "$T/t"; }
one=$(cd "$C" && t "$B" build *.md --outdir out1 -j 1)
two=$(cd "$C" && t "$B" build *.md --outdir out2 -j 2)
again=$(cd "$C" && t "$B" build *.md --outdir out2 -j 2)
echo "一段。" >>"$C/gen5.md"
changed=$(cd "$C" && t "$B" build *.md --outdir out2 -j 2)
python3 -c "
one, two, again, changed = $one, $two, $again, $changed
print('  %d issues: -j 1 %.2f s, -j 2 %.2f s (%.2f of -j 1); nothing changed %.2f s (%.1f%% of the first); one changed %.2f s' % (
    $n, one, two, two / one, again, again / two * 100, changed))"

# Side by side, the same text on the same pages (tools/corpus.py: the
# longest article of the example repeated; 五号 on an 18-pt pitch, two
# columns of 16 em, 31 lines, 185 x 260 mm): bulletin against the bare
# Pango+Cairo program (tools/bare.c: one PangoLayout a paragraph, no
# Chinese rules) and XeLaTeX+ctex (one pass) when installed; runs
# alternate on one core (taskset: a thread of either side cannot run
# beside it), the median of five each.
BARE=${2:-}
# timed CMD...: "SECONDS KB" in $T/time, the wall time read to the
# nanosecond (/usr/bin/time's %e has hundredths only: a tenth of these
# runs), the peak RSS from /usr/bin/time; on the first core
timed() {
    t0=$(date +%s.%N)
    taskset -c 0 /usr/bin/time -f "%M" -o "$T/rss" "$@"
    t1=$(date +%s.%N)
    echo "$(python3 -c "print('%.4f' % ($t1 - $t0))") $(cat "$T/rss")" >"$T/time"
}
if [ -n "$BARE" ] && [ -x "$BARE" ]; then
    echo "side by side (median of 5 alternating runs on one core; time, pages/s, peak RSS, PDF size):"
    # the A4 geometry of the first probe (2 x 22 em, 45 lines of 五号 on a
    # 16-pt pitch, 210 x 297 mm): the shipped style with its page changed
    sed -e 's/^width = .*/width = 210mm/' -e 's/^height = .*/height = 297mm/' \
        -e 's/^measure = .*/measure = 22/' -e 's/^lines = .*/lines = 45/' \
        -e 's/^pitch = .*/pitch = 16pt/' -e 's/^top = .*/top = 20mm/' \
        styles/jincheng-2020.style >"$T/probe-a4.style"
    for spec in "49-page 45000 - 16 10.5 18 31 185 260" \
                "100-page 89000 - 16 10.5 18 31 185 260" \
                "500-page 450000 - 16 10.5 18 31 185 260" \
                "A4-49p 89000 $T/probe-a4.style 22 10.5 16 45 210 297"; do
        set -- $spec
        name=$1 chars=$2 style=$3
        shift 3
        python3 tools/corpus.py "$EX" "$chars" "$T/c$name" >/dev/null
        # XeLaTeX's source has the 16开 geometry only
        [ "$style" = - ] || rm -f "$T/c$name.tex"
        set -- "$name" "$chars" "$@"
        : >"$T/b.times"
        : >"$T/p.times"
        : >"$T/x.times"
        for i in 1 2 3 4 5; do
            if [ "$style" = - ]; then
                timed "$B" build "$T/c$1.md" -o "$T/c.pdf" 2>/dev/null
            else
                timed "$B" build "$T/c$1.md" --style "$style" -o "$T/c.pdf" 2>/dev/null
            fi
            cat "$T/time" >>"$T/b.times"
            timed "$BARE" "$3" "$4" "$5" "$6" "$7" "$8" \
                "Noto Serif CJK SC" <"$T/c$1.txt" >"$T/p.pdf" 2>/dev/null
            cat "$T/time" >>"$T/p.times"
            if [ -e "$T/c$1.tex" ] && command -v xelatex >/dev/null; then
                (cd "$T" && timed xelatex -interaction=batchmode "c$1.tex" >/dev/null 2>&1)
                cat "$T/time" >>"$T/x.times"
            fi
        done
        python3 - "$T" "$1" <<'PY'
import os, subprocess, sys
t, name = sys.argv[1], sys.argv[2]
def row(label, times, pdf):
    runs = [tuple(map(float, l.split())) for l in open(os.path.join(t, times)) if l.strip()]
    if not runs or not os.path.exists(pdf):
        return None
    secs = sorted(r[0] for r in runs)[len(runs) // 2]
    kb = max(r[1] for r in runs)
    info = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True).stdout
    pages = int([l.split()[-1] for l in info.splitlines() if l.startswith('Pages:')][0])
    size = os.path.getsize(pdf)
    print('  %-9s %-22s %6.3f s %6.0f pages/s %6.0f MB %8.0f KB (%d pages)' % (
        name, label, secs, pages / max(secs, 0.001), kb / 1024, size / 1024, pages))
    return secs, size
b = row('bulletin', 'b.times', os.path.join(t, 'c.pdf'))
p = row('bare Pango+Cairo', 'p.times', os.path.join(t, 'p.pdf'))
x = row('XeLaTeX+ctex', 'x.times', os.path.join(t, 'c%s.pdf' % name))
if x is None and not os.path.exists(os.path.join(t, 'c%s.tex' % name)):
    print('  %-9s (no XeLaTeX run: its source has the 16开 geometry only)' % name)
elif x is None:
    print('  %-9s SKIP: xelatex is not installed (texlive-xetex, texlive-lang-chinese): no XeLaTeX figures' % name)
if b and p:
    print('  %-9s bulletin / bare: %.2fx the time, %.2fx the size' % (name, b[0] / p[0], b[1] / p[1]))
if b and x:
    print('  %-9s bulletin / XeLaTeX: %.2fx the time, %.2fx the size' % (name, b[0] / x[0], b[1] / x[1]))
PY
    done
else
    echo "side by side: SKIP (no bare program given: make bench builds it)"
fi
