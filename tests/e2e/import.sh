#!/bin/sh
# import.sh: end-to-end checks of `bulletin import` on the seeds: the
# examples are what the documented recipes give (docs/import.md), the
# imports build, errors carry file:line:col, the summary and report.
set -u
. "$ROOT/tests/e2e/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
SEEDS=tests/data/seeds
S000=$SEEDS/000_de79cbad821903a0.txt
S003=$SEEDS/003_386fd0c94091d3c0.txt
S004=$SEEDS/004_1e5e404a4c67e53c.txt
cd "$ROOT" || exit 1

# errors and usage, no seeds needed
printf 'abc\n\377\376\n' >"$T/bad.txt"
"$BULLETIN" import "$T/bad.txt" -o "$T/bad.md" 2>"$T/err"
rc=$?
check "import: non-UTF-8 input is exit status 1" [ $rc -eq 1 ]
check "import: its error names file:line:col" grep -q "bad.txt:2:1: error:" "$T/err"
check "import: nothing written on error" [ ! -e "$T/bad.md" ]
"$BULLETIN" import "$T/missing.txt" 2>/dev/null
check "import: a missing input is exit status 1" [ $? -eq 1 ]
"$BULLETIN" import "$T/bad.txt" --kind latex 2>/dev/null
check "import: a wrong --kind is exit status 2" [ $? -eq 2 ]

if [ ! -f "$S000" ] || [ ! -f "$S003" ] || [ ! -f "$S004" ]; then
    skip "import: the seeds are not in $ROOT/$SEEDS"
    exit 0
fi

# the examples are the recipes' output
"$BULLETIN" import "$S000" -o "$T/tianjin-2022-09.md" --report "$T/r000" 2>"$T/e000"
check "import seed 000: exit status 0" [ $? -eq 0 ]
check "import seed 000: the example is the import, unedited" \
    cmp -s "$T/tianjin-2022-09.md" examples/tianjin-2022-09.md
check "import seed 000: the example's sidecar is the import's" \
    cmp -s "$T/tianjin-2022-09.lines.json" examples/tianjin-2022-09.lines.json
check "import seed 000: one-line summary on stderr" \
    grep -q "^import: .*raw extraction, tianjin-2022, .* articles, 62 pages; .* warnings$" "$T/e000"
check "import seed 000: report with counts, warnings, removed, repairs" sh -c \
    "grep -q '^## counts' '$T/r000' && grep -q '^## warnings' '$T/r000' && grep -q '^## removed' '$T/r000' && grep -q '^## repairs' '$T/r000'"
check "import seed 000: the side tab of page 60 removed and listed" \
    grep -q "removed-tab: «天津政协60委员风采" "$T/r000"
check "import seed 000: warnings carry file:line:col" sh -c \
    "grep 'warning:' '$T/e000' | grep -qv '^tests/data/seeds/000_de79cbad821903a0.txt:[0-9]*:[0-9]*: warning:' && exit 1 || exit 0"

# pdftotext ends each page with a form feed; the seed has them as a
# leading space. Form feeds alone (no other character to take out) once
# left every page start unseen.
mkdir -p "$T/ff"
sed 's/^ \([^ ]\)/\f\1/' "$S000" >"$T/ff/s.txt"
"$BULLETIN" import "$T/ff/s.txt" -o "$T/ff/tianjin-2022-09.md" 2>"$T/ff/err"
check "import seed 000 with form feeds: 62 pages, as with leading spaces" \
    grep -q "tianjin-2022, .* articles, 62 pages;" "$T/ff/err"
check "import seed 000 with form feeds: the same source" \
    cmp -s "$T/ff/tianjin-2022-09.md" examples/tianjin-2022-09.md

"$BULLETIN" import "$S004" -o "$T/jincheng-2020-04.md" 2>/dev/null
check "import seed 004: exit status 0" [ $? -eq 0 ]
check "import seed 004: no sidecar for a Markdown conversion" [ ! -e "$T/jincheng-2020-04.lines.json" ]
sed -i -e 's/{#a1 page=1 /{#xi-qiyejia page=1 /' \
    -e 's/{#a2 page=4 /{#xi-zhuanjia page=4 /' -e 's/{#a3 page=7}/{#liu-jiayi page=7}/' \
    -e 's/{#a4 page=14 /{#quanhui page=14 /' -e 's/{#a5 page=18}/{#zhang-zhichuan page=18}/' \
    -e 's/{#a6 page=26}/{#shishi-yijian page=26}/' -e 's/{#a7 page=33}/{#shuoming page=33}/' \
    -e 's/{#a8 page=36}/{#fayan page=36}/' -e 's/{#a9 \.part}/{#fayan-hu-xiaogang .part}/' \
    -e 's/{#a10 \.part}/{#fayan-li-zhizhong .part}/' -e 's/{#a11 \.part}/{#fayan-li-zhenggen .part}/' \
    -e 's/{#a12 \.part}/{#fayan-yuan-honghai .part}/' -e 's/{#a13 page=44}/{#yaocha page=44}/' \
    -e 's/{#a14 page=46}/{#xiaofei page=46}/' -e 's/{#a15 page=47}/{#kangyang page=47}/' \
    -e 's/{#a16 page=49}/{#dongtai page=49}/' \
    -e 's/加强委员履职业务管理理。/加强委员履职业务管理。/' "$T/jincheng-2020-04.md"
check "import seed 004: the example is the import with the 17 listed hand edits" \
    cmp -s "$T/jincheng-2020-04.md" examples/jincheng-2020-04.md

"$BULLETIN" import "$S003" >"$T/s003.md" 2>"$T/e003"
check "import seed 003: to standard output without -o" grep -q '^publication: 天津政协$' "$T/s003.md"
check "import seed 003: the style cannot be measured: a warning" \
    grep -q "003_386fd0c94091d3c0.txt:1:1: warning: the design of a Markdown conversion" "$T/e003"

# the imports build with no options and no errors
for f in "$T/tianjin-2022-09.md" "$T/s003.md"; do
    "$BULLETIN" build "$f" -o "$T/out.pdf" 2>"$T/berr"
    rc=$?
    check "build $(basename "$f"): exit status 0, no errors" sh -c \
        "[ $rc -eq 0 ] && ! grep -q ': error:' '$T/berr'"
done

# the report lists what an editor must look at first: every warning and
# every moved block or given role, most urgent first, then by input line,
# each with the printed page it was on
awk '/^## to check/{f=1; next} /^## /{f=0} f' "$T/r000" >"$T/todo"
check "report: the to-check list comes before the counts" sh -c \
    "awk '/^## to check/{t=NR} /^## counts/{c=NR} END{exit !(t && c && t < c)}' '$T/r000'"
check "report: the lost title of page 47 is the first thing to fix" \
    grep -q "^must   p.47    $S000:[0-9]*:1: warning: article without a title block" "$T/todo"
check "report: most urgent first, then in input order" sh -c \
    "awk 'NF == 0 {next} {s = \$1 == \"must\" ? 3 : \$1 == \"check\" ? 2 : 1; split(\$3, a, \":\");
          if (NR > 1 && (s > ps || (s == ps && a[2] + 0 < pl))) bad = 1;
          ps = s; pl = a[2] + 0} END {exit bad || NR == 0}' '$T/todo'"
nwarn=$(grep -c ': warning: ' "$T/e000")
nlisted=$(grep -c '^\(must\|check\).*: warning: ' "$T/todo")
nmoved=$(grep -c '^look .*: \(order\|title-moved\|role\): ' "$T/todo")
nnotes=$(grep -c ': \(order\|title-moved\|role\): ' "$T/r000")
check "report: every warning on the list ($nwarn, $nlisted), every move and role ($nmoved of $((nnotes - nmoved)))" \
    sh -c "[ $nwarn -eq $nlisted ] && [ $nmoved -gt 0 ] && [ $((nnotes - nmoved)) -eq $nmoved ]"
check "report: every entry names a printed page of a raw extraction" sh -c \
    "! grep -v '^[a-z]*  *p\.[0-9][0-9]*  ' '$T/todo' | grep -q ."

# a title the importer could not find is marked, warned of at its place
# on every build, and kept out of print masters
for f in "$T/tianjin-2022-09.md" "$T/s003.md" "$T/jincheng-2020-04.md"; do
    n=$(grep -c '^## （标题） ' "$f")
    marked=$(grep -c '^## （标题） {.*\.untitled}$' "$f")
    "$BULLETIN" build "$f" --dump doc 2>"$T/berr" >/dev/null
    warned=$(grep -c "^$f:[0-9]*:1: warning: article '.*' has no title yet" "$T/berr")
    check "$(basename "$f"): every placeholder title marked .untitled and warned of at its line ($n, $marked, $warned)" \
        sh -c "[ $n -eq $marked ] && [ $n -eq $warned ]"
done
check "seed 000: the lost title of a24 is a marked placeholder" \
    grep -q '^## （标题） {#a24 page=47 .untitled}$' "$T/tianjin-2022-09.md"
line=$(grep -n '^## （标题） ' "$T/tianjin-2022-09.md" | cut -d: -f1)
"$BULLETIN" build "$T/tianjin-2022-09.md" --print -o "$T/press.pdf" 2>"$T/perr"
rc=$?
check "a print master of an issue with a placeholder title is refused ($rc)" \
    sh -c "[ $rc -eq 1 ] && [ ! -e '$T/press.pdf' ] && grep -q '^$T/tianjin-2022-09.md:$line:1: error: no print master with a placeholder title' '$T/perr'"
"$BULLETIN" build "$T/tianjin-2022-09.md" --print --article a25 -o "$T/press.pdf" 2>/dev/null
rc=$?
check "an offprint master of an article with its title is made ($rc)" \
    sh -c "[ $rc -eq 0 ] && [ -s '$T/press.pdf' ]"

# several inputs (a back-catalogue): each imported on its own into
# --outdir with its report (and sidecar for raw text), a bad one does not
# stop the others, a summary and exit status 1 at the end
mkdir -p "$T/batch"
"$BULLETIN" import "$S000" "$T/bad.txt" "$S004" --outdir "$T/batch" 2>"$T/err"
rc=$?
check "import batch: exit status 1 when one input fails ($rc)" [ $rc -eq 1 ]
check "import batch: the summary counts the imports" grep -q "3 issues: 2 imported, 0 up to date, 1 failed" "$T/err"
check "import batch: source, sidecar and report of the raw extraction" sh -c \
    "[ -s '$T/batch/000_de79cbad821903a0.md' ] && [ -s '$T/batch/000_de79cbad821903a0.lines.json' ] &&
     [ -s '$T/batch/000_de79cbad821903a0.report.txt' ]"
"$BULLETIN" import "$S004" -o "$T/one.md" 2>/dev/null
check "import batch: each source as a single import writes it" \
    cmp -s "$T/batch/004_1e5e404a4c67e53c.md" "$T/one.md"
check "import batch: nothing written for the bad input" [ ! -e "$T/batch/bad.md" ]
