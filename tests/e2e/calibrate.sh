#!/bin/sh
# calibrate.sh: bulletin calibrate fits the [compose] keys to an issue's
# recorded line breaks: on lines made to order with habits set here it
# must find those habits again, whole, with every held-out line; on the
# tianjin example it reports its figures and writes a style that builds
set -u
. "$ROOT/tests/e2e/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
TJ=$ROOT/examples/tianjin-2022-09.md
need python3 || exit 0

# habits STYLE-FILE KEY=VALUE...: the tianjin style with these keys changed
habits() {
    _out=$1
    shift
    cp "$ROOT/styles/tianjin-2022.style" "$_out"
    for _kv in "$@"; do
        _k=${_kv%%=*}
        sed -i "s/^$_k = [^#]*/$_k = ${_kv#*=}   /" "$_out"
    done
}

n=0
for set in "hanging=no adjacent=always pull-unit=0 orphan=0 strategy=paragraph" \
           "hanging=yes adjacent=always pull-unit=0.5 orphan=1 strategy=line"; do
    n=$((n + 1))
    # shellcheck disable=SC2086
    habits "$T/h$n.style" $set
    python3 "$ROOT/tests/e2e/calgen.py" "$BULLETIN" "$TJ" "$T/h$n.style" "$T/x$n.md"
    "$BULLETIN" calibrate "$T/x$n.md" --style tianjin-2022 >"$T/r$n" 2>/dev/null
    want=$(echo "$set" | sed 's/=/ = /g; s/ \([a-z-]* = \)/, \1/g')
    check "calibrate: habits set by hand found again ($set)" \
        grep -q "^fitted on all: $want: 100.0%" "$T/r$n"
    check "calibrate: the habits found on each half reproduce the other half whole" sh -c \
        "[ \$(grep -c 'not seen: 100.0%' '$T/r$n') -eq 2 ] && grep -q '^held out, both halves: 100.0%' '$T/r$n'"
done
check "calibrate: the base style's own figure is given, lower" sh -c \
    "grep '^style tianjin-2022 as it is: ' '$T/r1' | grep -qv '100.0%'"

# the example: its figures, and a style that derives from its own
"$BULLETIN" calibrate "$TJ" -o "$T/cal.style" >"$T/ex" 2>/dev/null
check "calibrate example: exit 0, the held-out figure" \
    grep -q '^held out, both halves: [0-9.]*% of the lines' "$T/ex"
check "calibrate example: the style written says where it comes from" sh -c \
    "head -1 '$T/cal.style' | grep -q '^# tianjin-2022, calibrated by .bulletin calibrate. on' && [ \$(grep -c '# calibrated$' '$T/cal.style') -eq 5 ]"
"$BULLETIN" build "$TJ" --style "$T/cal.style" --lineation compose -o "$T/cal.pdf" 2>"$T/err"
check "calibrate example: the calibrated style builds the issue" sh -c \
    "[ -s '$T/cal.pdf' ] && ! grep -q ': error:' '$T/err'"
"$BULLETIN" calibrate "$TJ" >"$T/ex2" 2>/dev/null
check "calibrate example: the same figures twice" cmp -s "$T/ex" "$T/ex2"

# no recorded lines, no source
"$BULLETIN" calibrate "$ROOT/examples/jincheng-2020-04.md" >/dev/null 2>"$T/err"
check "calibrate: without a sidecar, exit 1 naming the file it needs" sh -c \
    "[ $? -eq 1 ] && grep -q 'jincheng-2020-04.md:1:1: error: no recorded line breaks to fit: calibrate needs the sidecar .*jincheng-2020-04.lines.json' '$T/err'"
"$BULLETIN" calibrate >/dev/null 2>&1
check "calibrate: no source is a usage error (exit 2)" [ $? -eq 2 ]

# import --calibrate: the issue's own style beside its source
"$BULLETIN" import "$ROOT/tests/data/seeds/000_de79cbad821903a0.txt" -o "$T/imp.md" --calibrate >"$T/imp.out" 2>/dev/null
check "import --calibrate: NAME.style beside the source, fitted to its lines" sh -c \
    "head -1 '$T/imp.style' | grep -q '^# tianjin-2022, calibrated by .bulletin calibrate. on $T/imp.md' && grep -q '^held out, both halves' '$T/imp.out'"
"$BULLETIN" build "$T/imp.md" --style "$T/imp.style" --lineation compose -o "$T/imp.pdf" 2>/dev/null
check "import --calibrate: the issue builds in its calibrated style" [ -s "$T/imp.pdf" ]
"$BULLETIN" import "$ROOT/tests/data/seeds/004_1e5e404a4c67e53c.txt" -o "$T/md.md" --calibrate >/dev/null 2>"$T/err"
check "import --calibrate of a Markdown conversion: said, no style, exit 0 ($?)" sh -c \
    "[ ! -e '$T/md.style' ] && grep -q 'md.md:1:1: warning: --calibrate: no line breaks were recorded' '$T/err'"
"$BULLETIN" import "$ROOT/tests/data/seeds/000_de79cbad821903a0.txt" --calibrate >/dev/null 2>&1
check "import --calibrate without -o: a usage error (exit 2)" [ $? -eq 2 ]
