#!/bin/sh
# offprint.sh: offprints (抽印本) of every article of both examples, as
# printed and re-set, read back with poppler (offcheck.py); folios, cover,
# bookmarks, page labels and usage errors of the offprint options
set -u
. "$ROOT/tests/e2e/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
JC=$ROOT/examples/jincheng-2020-04.md
TJ=$ROOT/examples/tianjin-2022-09.md

if need pdftotext pdfinfo; then
    python3 "$ROOT/tests/e2e/offcheck.py" "$BULLETIN" "$JC" "$T" 2>&1
    python3 "$ROOT/tests/e2e/offcheck.py" "$BULLETIN" "$TJ" "$T" 2>&1
    # articles on their recorded pages: some jump and share pages; re-set,
    # a jumped article reads on without its jump lines and cites them all
    python3 "$ROOT/tests/e2e/offcheck.py" "$BULLETIN" "$TJ" "$T" --pages original 2>&1
fi

# usage: the offprint options go with --article, and with each other
for bad in "--offprint reset" "--cover" "--article a3 --offprint sideways" \
    "--article a3 --folios original" "--article a3 --offprint reset --keep-neighbours" \
    "--article a3 --offprint reset --folios odd"; do
    # shellcheck disable=SC2086
    "$BULLETIN" build "$TJ" $bad -o "$T/u.pdf" 2>"$T/err"
    check "offprint usage: '$bad' exits 2 with a message, no PDF" sh -c \
        "[ $? -eq 2 ] && grep -q 'bulletin: --' '$T/err' && [ ! -e '$T/u.pdf' ]"
done

# the style says where the citation and the cover stand: a style without
# citation-drop makes no offprint, one without the cover keys no cover,
# one with some cover keys only does not load
grep -v '^citation-drop' "$ROOT/styles/jincheng-2020.style" >"$T/nocite.style"
grep -v '^cover-' "$ROOT/styles/jincheng-2020.style" >"$T/nocover.style"
grep -v '^cover-title-at' "$ROOT/styles/jincheng-2020.style" >"$T/half.style"
"$BULLETIN" build "$JC" --style "$T/nocite.style" --article liu-jiayi -o "$T/u.pdf" 2>"$T/err"
check "offprint style: no citation-drop, no offprint ($?)" sh -c \
    "grep -q \"error: an offprint needs 'citation-drop' in \[furniture\]\" '$T/err' && [ ! -e '$T/u.pdf' ]"
"$BULLETIN" build "$JC" --style "$T/nocover.style" --article liu-jiayi -o "$T/u.pdf" 2>/dev/null
check "offprint style: without the cover keys an offprint is made" [ -s "$T/u.pdf" ]
rm -f "$T/u.pdf"
"$BULLETIN" build "$JC" --style "$T/nocover.style" --article liu-jiayi --cover -o "$T/u.pdf" 2>"$T/err"
check "offprint style: without the cover keys, no --cover" sh -c \
    "grep -q 'error: --cover needs' '$T/err' && [ ! -e '$T/u.pdf' ]"
"$BULLETIN" build "$JC" --style "$T/half.style" -o "$T/u.pdf" 2>"$T/err"
check "offprint style: three of the four cover keys are refused" sh -c \
    "grep -q 'half.style:.*error: the offprint cover needs all four' '$T/err' && [ ! -e '$T/u.pdf' ]"

# the folios a re-set offprint carries, from its page map
first_folio() { awk -F'\t' '$1 == "page" {print $3; exit}' "$1"; }
"$BULLETIN" build "$JC" --dump pagemap >"$T/full" 2>/dev/null
orig=$(awk -F'\t' '$1 == "article" && $2 == "liu-jiayi" {split($3, r, /[ -]/); print r[2]}' "$T/full")
"$BULLETIN" build "$JC" --article liu-jiayi --offprint reset --dump pagemap >"$T/r1" 2>/dev/null
"$BULLETIN" build "$JC" --article liu-jiayi --offprint reset --folios original \
    --dump pagemap >"$T/r2" 2>/dev/null
check "re-set offprint: folios from 1 ($(first_folio "$T/r1"))" [ "$(first_folio "$T/r1")" = 1 ]
check "re-set offprint: --folios original from its first page ($orig)" \
    [ -n "$orig" -a "$(first_folio "$T/r2")" = "$orig" ]
check "re-set offprint: only its article in the page map" sh -c \
    "[ \$(grep -c '^article' '$T/r1') -eq 1 ] && grep -q '^article	liu-jiayi	pages 1-' '$T/r1'"

# a contribution cut alone: its pages only, not its article's others
"$BULLETIN" build "$JC" --article fayan-li-zhizhong --dump pagemap >"$T/p1" 2>/dev/null
check "offprint of a contribution: only it in the page map" sh -c \
    "[ \$(grep -c '^article' '$T/p1') -eq 1 ] && grep -q '^article	fayan-li-zhizhong	' '$T/p1'"
# an article with its contributions
"$BULLETIN" build "$JC" --article fayan --dump pagemap >"$T/p2" 2>/dev/null
check "offprint of an article: its contributions come with it" \
    [ "$(grep -c '^article	fayan' "$T/p2")" -eq 5 ]

if need pdftotext pdfinfo qpdf; then
    "$BULLETIN" build "$JC" --article liu-jiayi --offprint reset -o "$T/r.pdf" 2>/dev/null
    "$BULLETIN" build "$JC" --article liu-jiayi --offprint reset --cover -o "$T/c.pdf" 2>/dev/null
    pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
    check "cover: two pages more (cover and its blank back)" \
        [ "$(pages "$T/c.pdf")" -eq $(($(pages "$T/r.pdf") + 2)) ]
    pdftotext -f 1 -l 1 "$T/c.pdf" - | tr -d ' \n' | sed 's/　//g' >"$T/cover.txt"
    check "cover: 抽印本, the title, the author and the citation" sh -c \
        "grep -q '抽印本' '$T/cover.txt' && grep -q '新时代人民政协的行动指南' '$T/cover.txt' &&
         grep -q '刘佳义' '$T/cover.txt' && grep -q '原载《晋城政协》2020年第4期' '$T/cover.txt'"
    check "cover: its back is blank" sh -c \
        "[ -z \"\$(pdftotext -f 2 -l 2 '$T/c.pdf' - | tr -d ' \n\f')\" ]"
    check "cover: pages after it hold the re-set offprint's text" sh -c \
        "[ \"\$(pdftotext -f 3 '$T/c.pdf' - | md5sum)\" = \"\$(pdftotext '$T/r.pdf' - | md5sum)\" ]"
    qpdf --json "$T/r.pdf" >"$T/r.json" 2>/dev/null
    check "re-set offprint: a bookmark to its title" grep -q '"title": "新时代人民政协的行动指南"' "$T/r.json"
    check "re-set offprint: qpdf --check passes" sh -c "qpdf --check '$T/c.pdf' >/dev/null 2>&1"
    "$BULLETIN" build "$JC" --article liu-jiayi --offprint reset --cover -o "$T/c2.pdf" 2>/dev/null
    check "offprint: the same input gives the same bytes" cmp -s "$T/c.pdf" "$T/c2.pdf"
    # two articles: the title and the bookmarks name both
    "$BULLETIN" build "$TJ" --article a5,a7 -o "$T/two.pdf" 2>/dev/null
    t5=$("$BULLETIN" list "$TJ" 2>/dev/null | awk -F'\t' '$1 == "a5" {print $7}')
    t7=$("$BULLETIN" list "$TJ" 2>/dev/null | awk -F'\t' '$1 == "a7" {print $7}')
    check "two articles: Title names both, joined with ；" sh -c \
        "[ -n '$t5' ] && [ -n '$t7' ] && pdfinfo '$T/two.pdf' | grep -q '^Title: *$t5；$t7（抽印自'"
    qpdf --json "$T/two.pdf" >"$T/two.json" 2>/dev/null
    check "two articles: a bookmark to each" sh -c \
        "grep -q '\"title\": \"$t5\"' '$T/two.json' && grep -q '\"title\": \"$t7\"' '$T/two.json'"
    "$BULLETIN" build "$JC" --article fayan-li-zhizhong -o "$T/n0.pdf" 2>/dev/null
    "$BULLETIN" build "$JC" --article fayan-li-zhizhong --keep-neighbours -o "$T/n1.pdf" 2>/dev/null
    check "--keep-neighbours: the same pages with the others' text on them" sh -c \
        "[ $(pages "$T/n0.pdf") -eq $(pages "$T/n1.pdf") ] &&
         [ \$(pdftotext '$T/n1.pdf' - | wc -c) -gt \$(pdftotext '$T/n0.pdf' - | wc -c) ] &&
         pdftotext '$T/n1.pdf' - | tr -d ' \n' | grep -q '人民政协事业高质量发展。'"
fi

# bulletin list: the articles with the folios they got, for choosing what
# to cut
"$BULLETIN" list "$JC" >"$T/list.tsv" 2>"$T/err"
check "list: exit 0, a header and a row per article of the document" sh -c \
    "[ $? -eq 0 ] && head -1 '$T/list.tsv' | grep -q '^id	kind	column	original	folios	pages	title	authors	warnings$' &&
     [ \$(tail -n +2 '$T/list.tsv' | wc -l) -eq \$('$BULLETIN' build '$JC' --dump doc | grep -c '^  article ') ]"
check "list: the ids are the document's, in order" sh -c \
    "[ \"\$(tail -n +2 '$T/list.tsv' | cut -f1)\" = \"\$('$BULLETIN' build '$JC' --dump doc |
       awk '/^  article / {print \$2}')\" ]"
check "list: contributions are marked, with their authors" \
    grep -q '^fayan-li-zhizhong	contribution	会议专题		37-39	3	.*	李志忠	0$' "$T/list.tsv"
# the warnings of each article: the lost title of the tianjin example's a24
"$BULLETIN" list "$TJ" 2>"$T/err" >"$T/tj.tsv"
check "list: an article's warnings counted at its row (the placeholder title of a24)" sh -c \
    "awk -F'\t' '\$9 > 0 {print \$1}' '$T/tj.tsv' | grep -qx a24 &&
     [ \$(awk -F'\t' 'NR > 1 {s += \$9} END {print s}' '$T/tj.tsv') -eq \$(grep -c '^$TJ:[0-9]*:[0-9]*: warning' '$T/err') ]"
"$BULLETIN" list "$TJ" --format json 2>/dev/null | python3 -c "
import json, sys
rows = json.load(sys.stdin)
sys.exit(not [r['id'] for r in rows if r['warnings']] == ['a24'])"
check "list --format json: the warnings too" [ $? -eq 0 ]
if need pdftotext; then
    # the contents page prints each article's first folio on a line of its
    # own; the list must give the same numbers in the same order
    "$BULLETIN" build "$JC" -o "$T/full.pdf" 2>/dev/null
    for p in 1 2 3 4 5 6; do
        pdftotext -raw -f $p -l $p "$T/full.pdf" - | grep -q '^目[ 　]*录' && break
    done
    pdftotext -raw -f "$p" -l "$p" "$T/full.pdf" - | grep -E '^[0-9]+$' | tr '\n' ' ' >"$T/toc"
    awk -F'\t' 'NR > 1 && $2 == "article" {split($5, r, "-"); printf "%s ", r[1]}' \
        "$T/list.tsv" >"$T/firsts"
    check "list: first folios match the contents page ($(cat "$T/toc"))" sh -c \
        "[ -s '$T/toc' ] && cmp -s '$T/toc' '$T/firsts'"
fi
"$BULLETIN" list "$TJ" --format json --pages original >"$T/list.json" 2>/dev/null
check "list --format json: valid, every article with its folios" python3 -c "
import json, sys
rows = json.load(open('$T/list.json'))
sys.exit(not (len(rows) == 33 and all(r['first_folio'] >= 1 and
              r['last_folio'] >= r['first_folio'] and r['pages'] >= 1 and r['title']
              for r in rows)))"
"$BULLETIN" list "$JC" --format xml >/dev/null 2>"$T/err"
check "list: an unknown format exits 2" sh -c "[ $? -eq 2 ] && grep -q 'tsv' '$T/err'"
