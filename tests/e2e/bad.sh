#!/bin/sh
# bad.sh: hostile inputs and faults (tests/e2e/bad.py): each with its exit
# status and positioned message, never a crash, a hang, a clobbered file.
set -u
. "$ROOT/tests/e2e/lib.sh"
need python3 qpdf pdftotext pdfinfo || exit 0
python3 "$ROOT/tests/e2e/bad.py" "$BULLETIN" "$ROOT"
