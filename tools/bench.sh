#!/bin/sh
# bench.sh: speed and memory of bulletin on the example issue (make bench).
# Figures, not pass/fail: wall time of a whole build and peak memory.
set -eu
B=${1:-./bulletin}
EX=examples/jincheng-2020-04.md
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
chars=$(python3 -c "import sys;print(len(open('$EX',encoding='utf-8').read()))")
echo "build of $EX ($chars characters of source):"
for i in 1 2 3; do
    /usr/bin/time -f "  %e s wall, %M KB peak RSS" "$B" build "$EX" -o "$T/a.pdf" 2>&1 |
        grep -v warning
done
