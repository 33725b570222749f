#!/bin/sh
# cli.sh: exit statuses, messages with positions, and no partial files
set -u
. "$ROOT/tests/e2e/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

"$BULLETIN" >/dev/null 2>&1
check "usage: no command exits 2" [ $? -eq 2 ]
"$BULLETIN" frobnicate >/dev/null 2>&1
check "usage: unknown command exits 2" [ $? -eq 2 ]
"$BULLETIN" build >/dev/null 2>&1
check "usage: build without a source exits 2" [ $? -eq 2 ]
"$BULLETIN" build x.md --bogus 1 >/dev/null 2>&1
check "usage: unknown option exits 2" [ $? -eq 2 ]
"$BULLETIN" --version | grep -q '^bulletin [0-9]'
check "--version prints the version" [ $? -eq 0 ]
"$BULLETIN" --help | grep -q 'bulletin build'
check "--help prints the usage" [ $? -eq 0 ]

printf 'no front matter here\n' >"$T/bad.md"
"$BULLETIN" build "$T/bad.md" -o "$T/bad.pdf" 2>"$T/err"
rc=$?
check "bad input: exit status 1" [ $rc -eq 1 ]
check "bad input: message at file:1:1" grep -q "bad.md:1:1: error: missing front matter" "$T/err"
check "bad input: no PDF and no temporary file left" sh -c "! ls '$T' | grep -q pdf"

cat >"$T/style.md" <<'SRC'
---
publication: 晋城政协
style: no-such-style
---

## 标题

正文。
SRC
"$BULLETIN" build "$T/style.md" -o "$T/s.pdf" 2>"$T/err"
check "unknown style: exit status 1" [ $? -eq 1 ]
check "unknown style: says so" grep -q "cannot read style 'no-such-style'" "$T/err"

"$BULLETIN" build "$T/style.md" --style jincheng-2020 -o "$T/nodir/x.pdf" 2>"$T/err"
check "unwritable output: exit status 1" [ $? -eq 1 ]
check "unwritable output: names the file" grep -q "nodir/x.pdf" "$T/err"

"$BULLETIN" build "$T/style.md" --style jincheng-2020 -o "$T/ok.pdf" 2>"$T/err"
check "--style overrides the source's style key" [ $? -eq 0 -a -s "$T/ok.pdf" ]
check "a successful build leaves no temporary file" sh -c "! ls '$T' | grep -q tmp"

"$BULLETIN" fonts >"$T/fonts" 2>/dev/null
check "fonts: five roles resolved to files" sh -c \
    "[ \$(grep -c '/usr/share/fonts' '$T/fonts') -eq 5 ]"

printf 'x' | "$BULLETIN" build /dev/stdin -o "$T/in.pdf" 2>/dev/null
check "bad input on stdin: exit status 1" [ $? -eq 1 ]

# characters a role's font lacks are reported with their position
printf -- '---\npublication: 晋城政协\nstyle: jincheng-2020\n---\n\n## 标题\n\n雪人\360\223\200\200在此\352\231\256。\n' >"$T/glyph.md"
"$BULLETIN" build "$T/glyph.md" -o "$T/glyph.pdf" 2>"$T/err"
check "fonts: a character no font has is reported at its position" \
    grep -q "glyph.md:8:3: warning: no installed font has character" "$T/err"
check "fonts: a character taken from a fallback font is reported at its position" \
    grep -q "glyph.md:8:6: warning: character 'ꙮ' (U+A66E) is not in Noto Serif CJK SC (role song)" "$T/err"

# figures: a JPEG passed through unchanged, a PNG, a framed placeholder
FIG=$ROOT/tests/data/figures/figures.md
"$BULLETIN" build "$FIG" -o "$T/fig.pdf" 2>"$T/err"
check "figures: the issue builds" [ $? -eq 0 -a -s "$T/fig.pdf" ]
check "figures: a missing image is reported at its position" \
    grep -q "figures.md:16:1: warning: image 'missing.jpg' not found" "$T/err"
if need pdfimages pdftotext; then
    check "figures: the JPEG is embedded as JPEG (passed through)" sh -c \
        "pdfimages -list '$T/fig.pdf' | awk '\$3 == \"image\" && \$4 == 80 && \$5 == 60 && \$9 == \"jpeg\"' | grep -q ."
    check "figures: the PNG is embedded" sh -c \
        "pdfimages -list '$T/fig.pdf' | awk '\$4 == 60 && \$5 == 60' | grep -q ."
    pdftotext "$T/fig.pdf" - | tr -d ' \n' >"$T/figtext"
    check "figures: every caption is printed" sh -c \
        "grep -q 委员视察现场 '$T/figtext' && grep -q 示意图 '$T/figtext' && grep -q 缺失的照片 '$T/figtext'"
fi

# a page-wide figure ({width=page}): across both columns, the text before
# it balanced in the columns above, the text after it below
WIDE=$ROOT/tests/data/figures/wide.md
"$BULLETIN" build "$WIDE" -o "$T/wide.pdf" --dump geometry >"$T/wide" 2>"$T/err"
check "wide figure: no warning that it is set at column width" sh -c \
    "! grep -q 'column.s width' '$T/err'"
awk -F'\t' '$9 == "caption" && $10 ~ /^横跨两栏/ {c = $1 " " $2 " " $3 " " $7} END {print c}' "$T/wide" >"$T/cap"
read -r cpage ccol cline cmeasure <"$T/cap"
check "wide figure: caption spans the type area (page ${cpage:-?}, column ${ccol:-?}, measure ${cmeasure:-?})" \
    [ "${ccol:-x}" = 0 -a "${cmeasure%.*}" -gt 300 ]
check "wide figure: the text before it in both columns above it" sh -c \
    "awk -F'\t' '\$1 == ${cpage:-0} && \$9 == \"body\" && \$3 < ${cline:-0} {c[\$2]++} END {exit !(c[1] && c[2])}' '$T/wide'"
check "wide figure: the text after it below it" sh -c \
    "awk -F'\t' '\$10 ~ /^正文第二段/ {exit !(\$1 == ${cpage:-0} && \$3 > ${cline:-0})}' '$T/wide'"
if need pdfimages; then
    # 80 px drawn across the 357 pt type area: about 16 ppi (34 at column width)
    check "wide figure: the image is drawn at the type area's width" sh -c \
        "pdfimages -list '$T/wide.pdf' | awk 'NR > 2 && \$4 == 80 {exit !(\$13 < 20)}'"
fi

# a boxed notice: its text set (unsplit) in a column
BOX=$ROOT/tests/data/box/box.md
"$BULLETIN" build "$BOX" --dump lines >"$T/box" 2>"$T/err"
check "box: the notice is set and no class is unknown" sh -c \
    "grep -q '【多媒体资讯】' '$T/box' && ! grep -q unknown '$T/err'"
check "box: all its lines in one column" sh -c \
    "[ \$(grep -E '多媒体|委员讲堂|专家解读|读书分享' '$T/box' | cut -f1,2 | sort -u | wc -l) -eq 1 ]"

# a boxed notice taller than a column is split at column ends, each part
# framed, nothing past the foot of the type area, every item set
LB=$ROOT/tests/data/box/longbox.md
"$BULLETIN" build "$LB" --dump geometry >"$T/lb" 2>/dev/null
check "long box: every one of its 40 items is set" \
    [ "$(grep -c '委员讲堂”第[0-9]*讲' "$T/lb")" -eq 40 ]
check "long box: no line below the 34th grid line" \
    awk -F'\t' '$3 > 34 {bad=1} END {exit bad || NR == 0}' "$T/lb"
check "long box: split over at least three columns" \
    [ "$(grep '委员讲堂' "$T/lb" | cut -f1,2 | sort -u | wc -l)" -ge 3 ]

# a font role that cannot be resolved stops the build, naming the package
sed -e '/^fangsong-substitute/d' -e '/^\[emphasis\]/,/^font/ s/^font = .*/font = fangsong/' \
    "$ROOT/styles/jincheng-2020.style" >"$T/nofs.style"
printf -- '---\npublication: 晋城政协\n---\n\n## 标题\n\n*楷体强调*\n' >"$T/fs.md"
"$BULLETIN" build "$T/fs.md" --style "$T/nofs.style" -o "$T/fs.pdf" 2>"$T/err"
check "fonts: an unresolvable role stops the build (exit 1)" [ $? -eq 1 -a ! -e "$T/fs.pdf" ]
check "fonts: the message names the Debian package" grep -q "apt-get install texlive-lang-chinese" "$T/err"

# an offprint (--article): the pages that carry the article, as printed
TJ=$ROOT/examples/tianjin-2022-09.md
"$BULLETIN" build "$TJ" --dump pagemap >"$T/full" 2>/dev/null
"$BULLETIN" build "$TJ" --article a3 --dump pagemap -o "$T/off.pdf" >"$T/offmap" 2>"$T/err"
span=$(awk -F'\t' '$1 == "article" && $2 == "a3" {split($3, r, /[ -]/); print r[2], r[3]}' "$T/full")
set -- $span
want=$(seq "${1:-0}" "${2:--1}" | tr '\n' ' ')
got=$(awk -F'\t' '$1 == "page" {printf "%s ", $3}' "$T/offmap")
check "offprint: the pages of a3 with their printed folios ($got)" [ -n "$want" -a "$got" = "$want" ]
check "offprint: only a3 in its page map" sh -c \
    "[ \$(grep -c '^article' '$T/offmap') -eq 1 ] && grep -q '^article	a3	' '$T/offmap'"
"$BULLETIN" build "$TJ" --dump lines 2>/dev/null | awk -F'\t' -v a="${1:-0}" -v b="${2:--1}" \
    '$1 >= a && $1 <= b {print $2 "\t" $3 "\t" $4}' >"$T/fulll"
"$BULLETIN" build "$TJ" --article a3 --dump lines 2>/dev/null | cut -f2- >"$T/offl"
sort "$T/fulll" >"$T/fulls"
sort "$T/offl" | comm -23 - "$T/fulls" >"$T/extra"
check "offprint: its pages hold lines of the issue's pages, in their places" \
    sh -c "[ -s '$T/offl' ] && [ ! -s '$T/extra' ]"
if need pdfinfo qpdf; then
    check "offprint: the PDF has those pages, labelled from folio ${1:-?}" sh -c \
        "[ \$(pdfinfo '$T/off.pdf' | awk '/^Pages:/ {print \$2}') -eq $(echo $want | wc -w) ] &&
         qpdf --json '$T/off.pdf' | grep -q '\"/St\": ${1:-x}'"
    check "offprint: the title names the article and its issue" sh -c \
        "pdfinfo '$T/off.pdf' | grep -q '^Title: *积极发展全过程人民民主（抽印自《天津政协》2022年第9期）'"
    check "offprint: qpdf --check passes" sh -c "qpdf --check '$T/off.pdf' >/dev/null 2>&1"
fi
"$BULLETIN" build "$TJ" --article nosuch -o "$T/none.pdf" 2>"$T/err"
rc=$?
check "offprint: an unknown article is an error naming it, and no PDF is written" sh -c \
    "[ $rc -eq 1 ] && grep -q \"no article 'nosuch'\" '$T/err' && [ ! -e '$T/none.pdf' ]"

# several sources (a back-catalogue): each built on its own, a bad one
# does not stop the others, a summary and exit status 1 at the end
mkdir -p "$T/cat/out"
cp "$ROOT/examples/jincheng-2020-04.md" "$T/cat/"
cp "$ROOT/examples/tianjin-2022-09.md" "$ROOT/examples/tianjin-2022-09.lines.json" "$T/cat/"
printf -- '---\nstyle: jincheng-2020\n---\n\nno articles here\n' >"$T/cat/broken.md"
"$BULLETIN" build "$T/cat/jincheng-2020-04.md" "$T/cat/broken.md" "$T/cat/tianjin-2022-09.md" \
    --outdir "$T/cat/out" 2>"$T/err"
rc=$?
check "batch: exit status 1 when one issue fails ($rc)" [ $rc -eq 1 ]
check "batch: the summary counts the issues built" grep -q "3 issues: 2 built, 0 up to date, 1 failed" "$T/err"
check "batch: the failed issue is named, with its first error" grep -q "failed  *[^ ]*broken.md: .*error" "$T/err"
"$BULLETIN" build "$T/cat/tianjin-2022-09.md" -o "$T/cat/one.pdf" 2>/dev/null
check "batch: each PDF as a single build writes it" sh -c \
    "[ -s '$T/cat/out/jincheng-2020-04.pdf' ] && cmp -s '$T/cat/out/tianjin-2022-09.pdf' '$T/cat/one.pdf'"
"$BULLETIN" build "$T/cat/jincheng-2020-04.md" "$T/cat/tianjin-2022-09.md" -o "$T/x.pdf" 2>/dev/null
check "batch: -o with several sources is a usage error" [ $? -eq 2 ]
