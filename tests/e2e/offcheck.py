#!/usr/bin/env python3
"""offcheck.py BULLETIN SOURCE.md DIR [--printed] [BUILD OPTIONS]: cut an offprint
of every article of an issue, as printed and re-set (--printed: as printed
only), with the build options given, and read each PDF back
with poppler (pdftotext, pdfinfo):

- every character of the article (its title, byline, heads, paragraphs,
  notes, and its contributions when it has them) is in the PDF's text, as
  often as in the article, and its paragraphs are there in order (their
  text, spaces left out, is a subsequence of the PDF's);
- no other article's text is: the first and last 16 characters of every
  paragraph of the others are absent (the neighbours sharing a printed
  page are blanked);
- the citation 原载《…》YEAR年第N期第A—B页 is there and names the
  folios of the offprint's pages: pages of the article's span in the
  issue's page map, its first and last (a jumped article skips some);
- Title names the article and its issue, Subject says 抽印本 and cites.

The articles' texts come from `bulletin build --dump doc`, the parser's
model, whose correctness the parser tests check; the offprint is judged
only from its PDF. Prints 'ok - ' / 'not ok - ' lines."""
import collections, concurrent.futures, os, re, subprocess, sys

WINDOW = 16  # characters of a paragraph's start and end looked for


def run(args):
    return subprocess.run(args, capture_output=True, text=True)


def articles(bulletin, src):
    """[(id, part, [texts], [paragraphs])] in source order, and the issue."""
    out = run([bulletin, 'build', src, '--dump', 'doc']).stdout
    arts, meta = [], {}
    for line in out.split('\n'):
        m = re.match(r'issue (\S+) .*year=(\d+) issue=(\d+)', line)
        if m:
            meta = {'pub': m.group(1), 'year': m.group(2), 'no': m.group(3)}
        m = re.match(r'  article (\S+) .*?( part)?$', line)
        if m:
            arts.append((m.group(1), bool(m.group(2)), [], []))
            continue
        if not arts or not line.startswith('    '):
            continue
        texts = [t.replace('⏎', '') for t in re.findall('«([^»]*)»', line)]
        arts[-1][2].extend(texts)
        if line.lstrip().startswith('para:'):
            arts[-1][3].append(squeeze(''.join(texts)))
    return arts, meta


def squeeze(s):
    return re.sub(r'[\s\u3000]+', '', s)


def spans(bulletin, src, extra):
    """Folio ranges of each article in the issue: id -> [(a, b)]."""
    out = run([bulletin, 'build', src, '--dump', 'pagemap'] + extra).stdout
    got = {}
    for line in out.split('\n'):
        f = line.split('\t')
        if f[0] == 'article':
            got[f[1]] = [tuple(map(int, r.split('-')))
                         for r in re.findall(r'\d+-\d+', f[2])]
    return got


def subsequence(needle, hay):
    it = iter(hay)
    return all(c in it for c in needle)


def chosen(arts, i):
    """The article at i and its contributions when it is not one itself."""
    k = [i]
    if not arts[i][1]:
        j = i + 1
        while j < len(arts) and arts[j][1]:
            k.append(j)
            j += 1
    return k


def citation_pages(ranges):
    """7—13、43: ranges the way the citation prints them."""
    pages = sorted({p for a, b in ranges for p in range(a, b + 1)})
    parts, start = [], None
    for p in pages + [None]:
        if start is not None and p == last + 1:
            last = p
            continue
        if start is not None:
            parts.append('%d' % start if start == last else '%d—%d' % (start, last))
        start = last = p
    return '、'.join(parts)


def check_citation(aid, mode, meta, ranges, text, info):
    """The citation names the folios the article was printed on: pages of
    its span in the page map (a jumped article skips the pages between),
    its first and last among them; as printed, those are the offprint's
    pages."""
    head = '原载《%s》%s年第%s期第' % (meta['pub'], meta['year'], meta['no'])
    m = re.search(re.escape(head) + r'([0-9—、]+)页', text)
    if not m:
        return ['%s %s: no citation %s…页' % (aid, mode, head)]
    cited = set()
    for part in m.group(1).split('、'):
        a, _, b = part.partition('—')
        cited |= set(range(int(a), int(b or a) + 1))
    span = {p for a, b in ranges for p in range(a, b + 1)}
    npages = re.search(r'^Pages:\s+(\d+)', info, re.M)
    bad = []
    if not (cited <= span and min(span) in cited and max(span) in cited):
        bad.append('%s %s: cites %s, its pages are %s' %
                   (aid, mode, m.group(1), citation_pages(ranges)))
    if mode == 'printed' and (not npages or int(npages.group(1)) != len(cited)):
        bad.append('%s printed: cites %d pages, has %s' %
                   (aid, len(cited), npages.group(1) if npages else '?'))
    if ('Subject: 抽印本，' + head + m.group(1) + '页') not in re.sub(r':\s+', ': ', info):
        bad.append('%s %s: Subject does not cite %s' % (aid, mode, m.group(1)))
    return bad


def check_one(bulletin, src, outdir, extra, arts, meta, span, i, mode):
    aid = arts[i][0]
    pdf = os.path.join(outdir, '%s.%s.pdf' % (aid, mode))
    r = run([bulletin, 'build', src, '--article', aid, '--offprint', mode,
             '-o', pdf] + extra)
    if r.returncode != 0:
        return ['%s %s: build failed: %s' % (aid, mode, r.stderr.strip())]
    text = squeeze(run(['pdftotext', '-raw', '-enc', 'UTF-8', pdf, '-']).stdout)
    info = run(['pdfinfo', pdf]).stdout
    bad = []
    mine = chosen(arts, i)
    own = squeeze(''.join(t for k in mine for t in arts[k][2]))
    short = collections.Counter(own) - collections.Counter(text)
    if short:
        bad.append('%s %s: characters missing: %s' %
                   (aid, mode, ''.join(sorted(short.elements()))[:20]))
    elif not subsequence(''.join(p for k in mine for p in arts[k][3]), text):
        bad.append('%s %s: its paragraphs are out of order' % (aid, mode))
    for k, a in enumerate(arts):
        if k in mine:
            continue
        for para in a[3]:
            if len(para) < 2 * WINDOW:
                continue
            for w in (para[:WINDOW], para[-WINDOW:]):
                # a window of this article's own text may repeat it
                if w in text and w not in own:
                    bad.append('%s %s: text of %s is there: %s' % (aid, mode, a[0], w))
    ranges = [r for k in mine for r in span.get(arts[k][0], [])]
    if ranges:
        bad += check_citation(aid, mode, meta, ranges, text, info)
    if mode == 'reset' and re.search('（(下转|上接)第', text):
        bad.append('%s reset: a jump line in a re-set offprint' % aid)
    issue = '（抽印自《%s》%s年第%s期）' % (meta['pub'], meta['year'], meta['no'])
    if not re.search(r'^Title:\s+\S.*' + re.escape(issue) + '$', info, re.M):
        bad.append('%s %s: Title lacks %s' % (aid, mode, issue))
    return bad


def main():
    bulletin, src, outdir = sys.argv[1:4]
    extra = sys.argv[4:]
    modes = ('printed', 'reset')
    if extra[:1] == ['--printed']:  # re-set offprints ignore --pages
        modes, extra = ('printed',), extra[1:]
    arts, meta = articles(bulletin, src)
    span = spans(bulletin, src, extra)
    name = os.path.basename(src)
    if not arts or not meta:
        print('not ok - offprints of %s: no articles read' % name)
        return
    jobs = [(i, m) for i in range(len(arts)) for m in modes]
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as ex:
        results = list(ex.map(lambda j: check_one(bulletin, src, outdir, extra, arts,
                                                  meta, span, j[0], j[1]), jobs))
    for mode in modes:
        bad = [b for (i, m), r in zip(jobs, results) if m == mode for b in r]
        label = 'offprints of %s %s (%d articles%s)' % (
            name, mode, len(arts), ', ' + ' '.join(extra) if extra else '')
        if bad:
            print('not ok - %s: %d problems' % (label, len(bad)))
            for b in bad[:12]:
                print('#   ' + b)
        else:
            print('ok - %s: all text there, in order, no neighbour\'s, cited' % label)


if __name__ == '__main__':
    main()
