#!/usr/bin/env python3
"""rtcompare.py: what an import recovered of the source it came from.

rtcompare.py SOURCE.md PAGEMAP IMPORTED.md

SOURCE.md is the issue that was built, PAGEMAP its `--dump pagemap`,
IMPORTED.md what `bulletin import` made of the built PDF's text. Prints
one line of counts, tab-separated, name=found/wanted:

  design    the imported front matter names the source's style
  titles    article titles found exactly (as a multiset)
  bylines   bylines found under the same title
  heads     section heads found exactly
  runin     bold run-in heads found opening a paragraph
  paras     paragraphs found exactly (bold marks and notes aside)
  pages     articles whose imported page= is the built first page
"""
import collections
import re
import sys

SPAN = re.compile(r'^\[(.*)\]\{\.(kicker|byline|subtitle|deck|note)[^}]*\}$',
                  re.S)
ATTRS = re.compile(r'\s*\{[^}]*\}\s*$')


def blocks(path):
    text = open(path, encoding='utf-8').read()
    if text.startswith('---\n'):
        front, _, text = text[4:].partition('\n---\n')
    else:
        front = ''
    style = re.search(r'^style:\s*(\S+)', front, re.M)
    out = [b.replace('\\\n', '') for b in re.split(r'\n\s*\n', text)]
    return (style.group(1) if style else None), [b.strip() for b in out
                                                  if b.strip()]


def read(path):
    """Style and the articles: title, id, page, byline, heads, paragraphs."""
    style, bl = blocks(path)
    arts, cur = [], None
    for b in bl:
        if b.startswith('## '):
            attrs = re.search(r'\{([^}]*)\}\s*$', b)
            a = attrs.group(1) if attrs else ''
            page = re.search(r'page=(\d+)', a)
            ident = re.search(r'#(\S+)', a)
            cur = {'title': ATTRS.sub('', b[3:]).strip(), 'byline': None,
                   'id': ident.group(1) if ident else None,
                   'page': int(page.group(1)) if page else None,
                   'heads': [], 'paras': [], 'runin': []}
            arts.append(cur)
            continue
        if cur is None or b.startswith('# '):
            continue
        m = SPAN.match(b)
        if m:
            if m.group(2) == 'byline' and cur['byline'] is None:
                cur['byline'] = m.group(1)
            continue
        if b.startswith('###'):
            cur['heads'].append(ATTRS.sub('', b.lstrip('#')).strip())
            continue
        run = re.match(r'^\*\*(.+?)\*\*', b)
        if run:
            cur['runin'].append(run.group(1))
        cur['paras'].append(b.replace('**', ''))
    return style, arts


def first_pages(path):
    pages = {}
    for row in open(path, encoding='utf-8'):
        f = row.rstrip('\n').split('\t')
        if len(f) >= 3 and f[0] == 'article':
            m = re.match(r'pages (\d+)', f[2])
            if m:
                pages[f[1]] = int(m.group(1))
    return pages


def found(want, got):
    pool = collections.Counter(got)
    n = 0
    for w in want:
        if pool[w] > 0:
            pool[w] -= 1
            n += 1
    return n


def compare(src, pagemap, imp):
    style, want = read(src)
    istyle, got = read(imp)
    starts = first_pages(pagemap)
    by_title = {}
    for a in got:
        by_title.setdefault(a['title'], a)
    r = collections.OrderedDict()
    r['design'] = (int(style == istyle), 1)
    r['titles'] = (found([a['title'] for a in want],
                         [a['title'] for a in got]), len(want))
    withby = [a for a in want if a['byline']]
    r['bylines'] = (sum(1 for a in withby if a['title'] in by_title and
                        by_title[a['title']]['byline'] == a['byline']),
                    len(withby))
    cat = lambda arts, k: [x for a in arts for x in a[k]]
    for k in ('heads', 'runin', 'paras'):
        r[k] = (found(cat(want, k), cat(got, k)), len(cat(want, k)))
    r['pages'] = (sum(1 for a in want if a['title'] in by_title and
                      by_title[a['title']]['page'] == starts.get(a['id'])),
                  len(want))
    return r


if __name__ == '__main__':
    res = compare(*sys.argv[1:4])
    print('\t'.join('%s=%d/%d' % (k, v[0], v[1]) for k, v in res.items()))
