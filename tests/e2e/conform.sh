#!/bin/sh
# conform.sh: the conformance report of both examples (bulletin build
# --report conformance): no prohibition broken at any line break, the
# jump lines of the recorded pagination naming their pages; the report's
# form, and its option's errors
set -u
. "$ROOT/tests/e2e/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
JC=$ROOT/examples/jincheng-2020-04.md
TJ=$ROOT/examples/tianjin-2022-09.md

# violated COLUMN REPORT: the violations of one clause (-1 when missing)
violated() { awk -F'\t' -v k="$1" '$1 == k && NF == 4 {print $3; f = 1} END {if (!f) print -1}' "$2"; }
checked() { awk -F'\t' -v k="$1" '$1 == k && NF == 4 {print $2; f = 1} END {if (!f) print -1}' "$2"; }

for src in "$JC" "$TJ"; do
    for lin in original compose; do
        n=$(basename "$src" .md)-$lin
        "$BULLETIN" build "$src" --lineation $lin --report conformance >"$T/$n" 2>/dev/null
        check "conformance $n: exit 0, a table of every clause" sh -c \
            "[ \$(grep -c '	' '$T/$n') -ge 8 ] && head -1 '$T/$n' | grep -q '^# conformance'"
        side=${src%.md}.lines.json
        for k in line-start line-end dash-ellipsis number-word; do
            if [ $lin = original ] && [ -f "$side" ]; then
                # the recorded lines are the print's: a break it made
                # against a rule is reported, and nothing else
                check "conformance $n: $k broken only where the print broke it ($(violated $k "$T/$n") of $(checked $k "$T/$n") places)" \
                    python3 -c "
import json, sys
rec = {l for p in json.load(open(sys.argv[1], encoding='utf-8'))['paragraphs'] for l in p['lines']}
bad = [l.rstrip('\n').split('\t')[-1] for l in open(sys.argv[2], encoding='utf-8') if l.startswith(sys.argv[3] + '\tpage ')]
sys.exit(any(t not in rec for t in bad))" "$side" "$T/$n" $k
            else
                check "conformance $n: $k broken nowhere ($(violated $k "$T/$n") of $(checked $k "$T/$n") places)" \
                    sh -c "[ $(violated $k "$T/$n") -eq 0 ] && [ $(checked $k "$T/$n") -gt 1000 ]"
            fi
        done
    done
done
"$BULLETIN" build "$TJ" --pages original --report conformance >"$T/orig" 2>/dev/null
check "conformance: the recorded pagination's jump lines name their pages ($(violated jump-line "$T/orig") of $(checked jump-line "$T/orig"))" \
    sh -c "[ $(violated jump-line "$T/orig") -eq 0 ] && [ $(checked jump-line "$T/orig") -gt 0 ]"
check "conformance: each violation listed with its page, column and line" sh -c \
    "[ \$(awk -F'\t' 'NF == 4 && \$1 !~ /^#/ {s += \$3} END {print s + 0}' '$T/orig') -eq \
       \$(grep -c '	page [0-9]*	column [0-9]*	line [0-9]*	' '$T/orig') ]"
"$BULLETIN" build "$JC" --report conformance -o "$T/jc.pdf" >/dev/null 2>&1
check "conformance with -o: the PDF is written too" [ -s "$T/jc.pdf" ]
"$BULLETIN" build "$JC" --report spelling >/dev/null 2>"$T/err"
check "conformance: --report takes only 'conformance' for build (exit 2)" sh -c \
    "[ $? -eq 2 ] && grep -q \"build's --report takes 'conformance'\" '$T/err'"
