#!/bin/sh
# catalog.sh: a back-catalogue built in one run: workers in parallel, an
# issue that fails, crashes or hangs failing alone, the second run skipping
# what did not change, --proofs, --plan, --deps, the archive index, and
# imports the same way.
set -u
. "$ROOT/tests/e2e/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
need python3 pdfinfo || exit 0
cd "$T"
cp "$ROOT"/examples/*.md "$ROOT"/examples/*.lines.json .
for s in 3 5 7 11; do python3 "$ROOT/tests/e2e/flowgen.py" $s gen$s.md; done
mkdir out
"$BULLETIN" build *.md --outdir out -j 2 --proofs 2>err
rc=$?
check "catalogue: six issues built with -j 2, exit 0" [ $rc -eq 0 ]
check "catalogue: the summary counts them" grep -q "6 issues: 6 built, 0 up to date, 0 failed" err
check "catalogue: a PDF per issue, each a whole PDF" sh -c \
    'for f in out/*.pdf; do pdfinfo "$f" >/dev/null 2>&1 || exit 1; done; [ $(ls out/*.pdf | wc -l) -eq 6 ]'
check "catalogue: --proofs: page PNGs, a contact sheet and the dumps per issue" sh -c \
    '[ -s out/gen3/contact.png ] && [ -s out/gen3/page-001.png ] && [ -s out/gen3/lines.txt ] &&
     grep -q "^article" out/gen3/pagemap.txt && [ -s out/tianjin-2022-09/cover.png ]'
pages=$(pdfinfo out/gen3.pdf | awk '/^Pages:/ {print $2}')
check "catalogue: as many page proofs as pages ($pages)" \
    [ "$(ls out/gen3/page-*.png | wc -l)" = "$pages" ]
python3 - out <<'PY' >index.check
import html.parser, os, re, sys
d = sys.argv[1]
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.sections, self.links, self.imgs = 0, [], []
    def handle_starttag(self, tag, a):
        a = dict(a)
        if tag == 'section':
            self.sections += 1
        if tag == 'a' and a.get('href'):
            self.links.append(a['href'])
        if tag == 'img':
            self.imgs.append(a.get('src'))
p = P()
p.feed(open(os.path.join(d, 'index.html'), encoding='utf-8').read())
bad = []
for l in p.links:
    path, _, frag = l.partition('#')
    if not os.path.exists(os.path.join(d, path)):
        bad.append('missing ' + l)
    m = re.match(r'page=(\d+)$', frag)
    if m:
        n = int(os.popen(f"pdfinfo '{os.path.join(d, path)}'").read().split('Pages:')[1].split()[0])
        if not 1 <= int(m.group(1)) <= n:
            bad.append('page beyond the PDF: ' + l)
bad += ['missing image ' + i for i in p.imgs if not os.path.exists(os.path.join(d, i))]
print(p.sections, len([l for l in p.links if '#page=' in l]), len(p.imgs), len(bad))
for b in bad[:5]:
    print('#', b)
PY
read -r sections articles imgs bad <index.check
check "index.html: one entry per issue ($sections), a cover each ($imgs)" [ "$sections" = 6 -a "$imgs" = 6 ]
check "index.html: articles linked into their PDFs at a page ($articles links, $bad broken)" \
    [ "${articles:-0}" -gt 20 -a "$bad" = 0 ]

t0=$(stat -c %Y out/gen5.pdf)
sleep 1
"$BULLETIN" build *.md --outdir out -j 2 --proofs 2>err
check "catalogue: a second run skips every unchanged issue" grep -q "6 issues: 0 built, 6 up to date" err
check "catalogue: ... and writes none of their PDFs again" [ "$(stat -c %Y out/gen5.pdf)" = "$t0" ]
touch gen5.md
echo "正文后加的一段。" >>gen7.md
rm out/gen11.pdf
"$BULLETIN" build *.md --outdir out -j 2 --proofs 2>err
check "catalogue: a touched but unchanged source is not rebuilt; a changed one and a lost output are" \
    sh -c 'grep -q "6 issues: 2 built, 4 up to date" err && [ -f out/gen11.pdf ]'
"$BULLETIN" build *.md --outdir out -j 2 --proofs --force 2>err
check "catalogue: --force rebuilds all" grep -q "6 issues: 6 built" err

# an issue that is broken, one whose worker crashes, one that hangs
printf 'no front matter\n' >broken.md
BULLETIN_FAULT=crash:gen3 "$BULLETIN" build gen3.md gen5.md broken.md --outdir out -j 2 --force 2>err
rc=$?
check "catalogue: a crashing worker fails its issue alone (exit 1, the others built)" sh -c \
    "[ $rc -eq 1 ] && grep -q 'failed  *gen3.md: crashed' err && grep -q '3 issues: 1 built, 0 up to date, 2 failed' err"
check "catalogue: a broken issue is reported with its first error, positioned" \
    grep -q "failed  *broken.md: broken.md:1:1: error: missing front matter" err
start=$(date +%s)
BULLETIN_FAULT=hang:gen5 "$BULLETIN" build gen3.md gen5.md gen7.md --outdir out -j 2 --force --timeout 3 2>err
rc=$? end=$(date +%s)
check "catalogue: a hanging worker is stopped at --timeout, the others built (exit $rc, $((end - start)) s)" sh -c \
    "[ $rc -eq 1 ] && [ $((end - start)) -lt 30 ] && grep -q 'failed  *gen5.md: took longer than 3 s' err &&
     grep -q '3 issues: 2 built' err"
rm broken.md

# --plan and --deps (the options are part of what is up to date: the
# plan is made with those of the last full run)
"$BULLETIN" build *.md --outdir out -j 2 2>/dev/null
echo "又加一段。" >>gen3.md
"$BULLETIN" build *.md --outdir out --plan >plan 2>err
check "--plan: one command for the one issue to rebuild" sh -c \
    '[ $(wc -l <plan) -eq 1 ] && grep -q "build .gen3.md. -o .out/gen3.pdf." plan'
rm -f out/gen3.pdf
sh -c "$(head -1 plan)" 2>/dev/null
check "--plan: a line runs on its own and writes its output" [ -s out/gen3.pdf ]
"$BULLETIN" build *.md --outdir out --deps 2>/dev/null
check "--deps: make's syntax: the output, the source, the style" sh -c \
    'grep -q "^out/gen3.pdf:" out/gen3.pdf.d && grep -q "gen3.md" out/gen3.pdf.d && grep -q "tianjin-2022.style\|jincheng-2020.style" out/gen3.pdf.d'

# imports the same way
mkdir imp
"$BULLETIN" import "$ROOT"/tests/data/seeds/*.txt --outdir imp -j 2 2>err
check "catalogue import: three imports, exit 0" grep -q "3 issues: 3 imported" err
"$BULLETIN" import "$ROOT"/tests/data/seeds/*.txt --outdir imp -j 2 2>err
check "catalogue import: the second run skips them" grep -q "3 issues: 0 imported, 3 up to date" err
