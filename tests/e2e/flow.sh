#!/bin/sh
# flow.sh: property test of the page builder on random issues (fixed
# seeds): with and without --pages original, every character is set
# exactly once and no line falls below the type area, whatever mix of
# one-column pieces, contributions, page-wide figures, long boxed notices
# and recorded pages the issue has.
set -u
. "$ROOT/tests/e2e/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
need python3 || exit 0
E=$ROOT/tests/e2e
for seed in 5 11 23 28 42 77 101 113; do
    python3 "$E/flowgen.py" "$seed" "$T/s.md"
    style=$(sed -n 's/^style: //p' "$T/s.md")
    lines=$(sed -n 's/^lines *= *\([0-9]*\).*/\1/p' "$ROOT/styles/$style.style")
    for mode in auto original; do
        "$BULLETIN" build "$T/s.md" --pages "$mode" --dump geometry >"$T/g" 2>"$T/err"
        rc=$?
        if [ $rc -gt 1 ]; then
            nok "flow: seed $seed, --pages $mode: exit status $rc"
            continue
        fi
        PYTHONPATH=$E python3 "$E/flowcheck.py" "$T/s.md" "$T/g" "$lines" \
            "flow: seed $seed ($style), --pages $mode: every character set once, nothing below the grid"
    done
done
