#!/usr/bin/env python3
"""navcheck.py BULLETIN SOURCE.md PDF [BUILD OPTIONS]: the ways to find
one's way in a built issue, read from the PDF with qpdf:

- page labels: every page's label is its printed folio, or the name of its
  front-matter page (封面, 目录), as the page map says;
- bookmarks: the front pages first, then each column (栏目) with its
  articles under it (an article without a column stands alone), each
  contribution under its article; in the order of the source; titles on
  one line, with no spaces where the title's lines broke; each article's
  bookmark opens the page where the article starts.

The articles, their columns and titles come from `bulletin build --dump
doc`, the page map from `--dump pagemap`. Prints 'ok - ' / 'not ok - '."""
import json, re, subprocess, sys


def run(args):
    return subprocess.run(args, capture_output=True, text=True).stdout


def expected_labels(pagemap):
    """[(page index from 1, label)] from the page map's page lines."""
    out = []
    for line in pagemap.split('\n'):
        f = line.split('\t')
        if f[0] == 'page':
            out.append((int(f[1]), f[2]))
    return out


def pdf_labels(j, npages):
    """Each page's label from the PDF's /PageLabels number tree."""
    ranges = sorted(j.get('pagelabels', []), key=lambda r: r['index'])
    labels = []
    for k in range(npages):
        r = [x for x in ranges if x['index'] <= k]
        if not r:
            labels.append(str(k + 1))
            continue
        lab = r[-1]['label']
        prefix = lab.get('/P', 'u:')[2:]
        num = ''
        if lab.get('/S') == '/D':
            num = str(lab.get('/St', 1) + k - r[-1]['index'])
        labels.append(prefix + num)
    return labels


def articles(doc):
    """[(id, column or None, part, one-line title)] in source order."""
    arts, cur = [], None
    for line in doc.split('\n'):
        m = re.match(r'  article (\S+) page=\d+ column=(\S+)(.*)$', line)
        if m:
            cur = [m.group(1), None if m.group(2) == '-' else m.group(2),
                   ' part' in m.group(3), '']
            arts.append(cur)
        elif cur and line.startswith('    title: '):
            cur[3] = ''.join(t.replace('⏎', '') for t in re.findall('«([^»]*)»', line))
    return arts


def want_outline(arts, front):
    """The bookmark tree: [(title, [kids])]."""
    tree, column = [(f, []) for f in front], None
    for aid, col, part, title in arts:
        node = (title, [])
        if part and tree:
            parent = tree[-1][1][-1] if column is not None and tree[-1][1] else tree[-1]
            parent[1].append(node)
            continue
        if col is not None and col != column:
            tree.append((col, []))
        column = col
        (tree[-1][1] if col is not None else tree).append(node)
    return tree


def got_outline(items):
    return [(o['title'], got_outline(o.get('kids', []))) for o in items]


def flatten(tree, depth=0):
    for title, kids in tree:
        yield depth, title
        yield from flatten(kids, depth + 1)


def main():
    bulletin, src, pdf = sys.argv[1:4]
    extra = sys.argv[4:]
    name = ' '.join([src.split('/')[-1]] + extra)
    j = json.loads(run(['qpdf', '--json', pdf]))
    pagemap = run([bulletin, 'build', src, '--dump', 'pagemap'] + extra)
    want = expected_labels(pagemap)
    got = pdf_labels(j, len(j['pages']))
    bad = ['page %d: label %r, want %r' % (p, got[p - 1] if p <= len(got) else None, l)
           for p, l in want if p > len(got) or got[p - 1] != l]
    if not want or len(want) != len(got):
        bad.insert(0, 'page map has %d pages, the PDF %d' % (len(want), len(got)))
    print(('not ok' if bad else 'ok') + ' - navigation of %s: page labels are the '
          'folios and front-page names (%d pages)' % (name, len(got)))
    for b in bad[:5]:
        print('#   ' + b)

    arts = articles(run([bulletin, 'build', src, '--dump', 'doc'] + extra))
    front = [l for p, l in want if not l.isdigit()]
    front = front[:next((i for i, (p, l) in enumerate(want) if l.isdigit()), len(front))]
    tree_want = want_outline(arts, front)
    tree_got = got_outline(j.get('outlines', []))
    bad = []
    fw, fg = list(flatten(tree_want)), list(flatten(tree_got))
    if fw != fg:
        diff = next((i for i in range(min(len(fw), len(fg))) if fw[i] != fg[i]),
                    min(len(fw), len(fg)))
        bad.append('bookmark %d: got %r, want %r' % (
            diff, fg[diff] if diff < len(fg) else None, fw[diff] if diff < len(fw) else None))
    if any(re.search(r'[ \n\t\r]', t) for d, t in fg):
        bad.append('a title with a space or line break: %r' %
                   next(t for d, t in fg if re.search(r'[ \n\t\r]', t)))
    # each article's bookmark opens its first page
    start = {}
    for line in pagemap.split('\n'):
        f = line.split('\t')
        if f[0] == 'article':
            start[f[1]] = int(re.match(r'pages (\d+)', f[2]).group(1))
    page_of = {l: p for p, l in want if l.isdigit()}
    titles = {a[3]: a[0] for a in arts}

    def dests(items):
        for o in items:
            yield o
            yield from dests(o.get('kids', []))
    for o in dests(j.get('outlines', [])):
        aid = titles.get(o['title'])
        if aid and aid in start and o.get('destpageposfrom1') != page_of.get(str(start[aid])):
            bad.append('%s opens page %s, starts on page %s' %
                       (aid, o.get('destpageposfrom1'), page_of.get(str(start[aid]))))
    print(('not ok' if bad else 'ok') + ' - navigation of %s: bookmarks of the front '
          'pages, columns, articles and contributions (%d), each opening its page'
          % (name, len(fg)))
    for b in bad[:5]:
        print('#   ' + b)


if __name__ == '__main__':
    main()
