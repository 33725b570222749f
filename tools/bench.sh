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
for ex in examples/jincheng-2020-04.md examples/tianjin-2022-09.md; do
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
    for ex in examples/jincheng-2020-04.md examples/tianjin-2022-09.md; do
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
