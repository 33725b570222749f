#!/usr/bin/env python3
"""pages.py SOURCE.md PDF PAGEMAP GEOMETRY: checks of the built pages.

- every contents entry's page number is the page where its article starts
  (read from the PDF's contents page, compared with the page map);
- the PDF page labels equal the printed folios (article pages) or the
  front-matter names;
- no head ends a column (the last line of a column is never a head);
- where an article ends, its two columns are balanced within one line;
- the running head of a right-hand page names the column (栏目) of the
  article at the top of the page, of a left-hand page the publication.
Prints 'ok - ' / 'not ok - ' lines."""
import collections, re, subprocess, sys

src, pdf, pagemap, geometry = sys.argv[1:5]

def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout

def report(name, bad):
    for b in bad[:5]:
        print('#   %s' % (b,))
    print(('not ok' if bad else 'ok') + ' - pages: ' + name)

# the page map
starts, labels = {}, {}
for line in open(pagemap, encoding='utf-8'):
    f = line.rstrip('\n').split('\t')
    if f[0] == 'article':
        starts[f[1]] = int(f[2].split()[1].split('-')[0])
    elif f[0] == 'page':
        labels[int(f[1])] = f[2]

# articles of the source, their titles and columns, in order
text = open(src, encoding='utf-8').read()
arts = []  # (id, column, part)
column = None
for line in text.split('\n'):
    if line.startswith('# '):
        column = line[2:].strip()
        continue
    m = re.search(r'\{#([A-Za-z0-9_-]+)([^}]*)\}\s*$', line)
    if m:
        arts.append((m.group(1), column, '.part' in m.group(2)))

# 1. contents entries: page numbers in the order of the articles
ctext = ''.join(run('pdftotext', '-layout', '-f', str(p), '-l', str(p), pdf, '-')
                for p, l in sorted(labels.items()) if l == '目录')
numbers = [int(m.group(1)) for m in re.finditer(r'^\s*(\d+)\s+\S', ctext, re.M)]
want = [starts[a] for a, c, part in arts if not part]
report('contents page numbers equal the article start pages (%d entries)' % len(want),
       [] if numbers == want else ['contents %s, layout %s' % (numbers, want)])


# 3 and 4: from the geometry dump
cols = collections.defaultdict(list)  # (page, column) -> [(grid, role, article text)]
for line in open(geometry, encoding='utf-8'):
    f = line.rstrip('\n').split('\t')
    page, col, grid, role = int(f[0]), int(f[1]), int(f[2]), f[8]
    if col > 0:
        cols[(page, col)].append((grid, role))
heads = {'head', 'subhead'}
bad = ['page %d column %d ends with a %s' % (p, c, v[-1][1])
       for (p, c), v in cols.items() if v and max(v)[1] in heads]
report('no head ends a column', bad)

# where an article ends, its columns are balanced: within one line, or
# two when a head (which goes with the line after it) had to move
last_pages = {}
for line in open(pagemap, encoding='utf-8'):
    f = line.rstrip('\n').split('\t')
    if f[0] == 'article':
        last_pages[f[1]] = int(f[2].split()[1].split('-')[1])
folio_to_page = {int(l): p for p, l in labels.items() if l.isdigit()}
bad = []
for a, folio in last_pages.items():
    p = folio_to_page.get(folio)
    if p is None or (p, 1) not in cols or (p, 2) not in cols:
        continue
    b1, b2 = max(g for g, r in cols[(p, 1)]), max(g for g, r in cols[(p, 2)])
    if b1 < 31 and abs(b1 - b2) > 2:
        bad.append('page %d (end of %s): column 1 ends at line %d, column 2 at %d' % (p, a, b1, b2))
report('columns where an article ends are balanced', bad)

# 5. running heads
bad = []
by_start = sorted((starts[a], a, c) for a, c, part in arts)
for page, label in labels.items():
    if not label.isdigit():
        continue
    folio = int(label)
    top = run('pdftotext', '-f', str(page), '-l', str(page), '-y', '0', '-W', '600', '-H', '60', pdf, '-').split()
    current = [c for s, a, c in by_start if s <= folio]
    want = current[-1] if folio % 2 else '晋城政协'
    if not top or want not in top[0] + (top[1] if len(top) > 1 else ''):
        bad.append('page %s: running head %r, want %r' % (label, top[:2], want))
report('running heads name the column (odd pages) or the publication (even)', bad)
