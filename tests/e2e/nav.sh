#!/bin/sh
# nav.sh: page labels and bookmarks of built issues, read with qpdf
# (navcheck.py): both examples, the original pagination, and generated
# issues in every shipped style
set -u
. "$ROOT/tests/e2e/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
E=$ROOT/tests/e2e

need qpdf || exit 0
nav() { # SOURCE [BUILD OPTIONS]
    src=$1
    shift
    "$BULLETIN" build "$src" "$@" -o "$T/n.pdf" 2>/dev/null
    python3 "$E/navcheck.py" "$BULLETIN" "$src" "$T/n.pdf" "$@"
}
nav "$ROOT/examples/jincheng-2020-04.md"
nav "$ROOT/examples/tianjin-2022-09.md"
nav "$ROOT/examples/tianjin-2022-09.md" --pages original
# seeds whose issues are in tianjin-2023, tianjin-2022 and jincheng-2020,
# with several columns and contributions
for seed in 9 3 5; do
    python3 "$E/flowgen.py" "$seed" "$T/g$seed.md"
    style=$(sed -n 's/^style: //p' "$T/g$seed.md")
    check "flowgen seed $seed gives a $style issue" [ -n "$style" ]
    nav "$T/g$seed.md" --lineation compose
done
