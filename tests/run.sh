#!/bin/sh
# run.sh: runs every test and ends with "N passed, N failed".
#   tests/run.sh BULLETIN UNIT_DIR
# Unit binaries in UNIT_DIR print "ok - NAME" / "not ok - NAME" per case;
# the end-to-end scripts in tests/e2e/ print the same. A test that cannot
# run prints "SKIP - NAME: why"; skips are counted and shown, never passed.
set -u
BULLETIN=${1:-./bulletin}
UNITS=${2:-build/tests}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# the tests' own fonts: the same results whatever else the machine has
# (no font files added by the tool itself either)
FONTCONFIG_FILE=$ROOT/tests/fonts.conf
BULLETIN_FONT_FILES=
export BULLETIN ROOT FONTCONFIG_FILE BULLETIN_FONT_FILES
case "$BULLETIN" in /*) ;; *) BULLETIN="$PWD/$BULLETIN" ;; esac
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT

run_one() {
    name=$1
    shift
    out=$("$@" 2>&1)
    rc=$?
    printf '%s\n' "$out" | grep -E '^(ok|not ok|SKIP) - ' >>"$LOG"
    printf '%s\n' "$out" | grep -E '^(not ok|SKIP|#)' | sed "s|^|[$name] |"
    # a crash or a failing exit without any "not ok" line is a failure too
    if [ $rc -ne 0 ] && ! printf '%s\n' "$out" | grep -q '^not ok'; then
        echo "not ok - $name exited with status $rc" >>"$LOG"
        printf '%s\n' "$out" | tail -5 | sed "s|^|[$name] |"
    fi
}

for src in "$ROOT"/tests/unit/*.c; do
    t="$UNITS/$(basename "$src" .c)"
    if [ -x "$t" ]; then
        run_one "$(basename "$t")" "$t"
    else
        echo "not ok - $(basename "$t") was not built" >>"$LOG"
    fi
done
for t in "$ROOT"/tests/e2e/*.sh; do
    [ -f "$t" ] || continue
    run_one "$(basename "$t")" sh "$t"
done

passed=$(grep -c '^ok - ' "$LOG")
failed=$(grep -c '^not ok - ' "$LOG")
skipped=$(grep -c '^SKIP - ' "$LOG")
if [ "$skipped" -gt 0 ]; then
    echo "SKIPPED ($skipped):"
    grep '^SKIP - ' "$LOG"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
