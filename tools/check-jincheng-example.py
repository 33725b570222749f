#!/usr/bin/env python3
"""Check that examples/jincheng-2020-04.md conserves the text of its seed.

Usage:
    python3 tools/check-jincheng-example.py SEED.txt EXAMPLE.md

Compared are the "content characters" — Han characters (U+3400–U+9FFF),
ASCII digits and ASCII letters — of

  the seed:    everything after the 目录 block, without the jump markers
               "(下转N页)" "(上接N页)", without the trailing furniture
               "内部资料 / 注意保存" and `---` rules, with the KNOWN_EDITS
               below applied;
  the example: the body after the front matter, without markup: no column
               headings (`# 栏目`: they come from the contents), no attribute
               blocks `{…}` (ids, page=, toc=, classes; but the position="…"
               of a byline is content and is counted in front of the name,
               where the seed prints it), no `:::` fence lines, and without
               the RESTORED_TITLES (titles the seed lost, taken from the
               contents).

Checks (exit status 1 when one fails):
  1. the two are equal as multisets of characters;
  2. the example's sequence equals the seed's paragraphs concatenated in
     the documented order (seed order with the MOVES below applied), so
     every seed paragraph appears contiguously and in its place;
  3. per article: every article of the example starts on a seed paragraph
     boundary, i.e. it consists of whole seed paragraphs (listed);
  4. no jump marker is left in the example.
Standard library only.
"""

import re
import sys
from collections import Counter

# Documented edits of the seed text (must match exactly once).
KNOWN_EDITS = [
    # doubled 理 at a column break: "…履职业务管理" + "理。政协组织…"
    ('(二十三)加强委员履职业务管理\n\n理。', '(二十三)加强委员履职业务管\n\n理。'),
]

# Titles restored from the contents (not in the seed's text).
RESTORED_TITLES = ['关于大力发展康养旅游的建议']

# Documented reorderings of seed paragraphs.  first: start of the first
# moved paragraph; until: start of the paragraph that ends the run (not
# moved) or count: number of paragraphs; after: start or substring of the
# paragraph after which the run is put.
MOVES = [
    # jump tail of 关于制定《…》的说明 (p.33-35), printed on p.17
    dict(first='(上接35页)', until='# 在市委政协工作会议上的讲话',
         after_contains='(下转17页)'),
    # jump tail of the 实施意见 (p.26-32), printed on p.43
    dict(first='(上接32页)', until='## 将我市建成山西省药茶产业高地的建议',
         after_contains='(下转43页)'),
    # jump tail of 多措并举重启消费回暖的建议 (p.46), printed on p.45
    dict(first='(上接46页)', until='## 多措并举重启消费回暖的建议',
         after_contains='（下转45页）'),
    # the spread title of the 发言摘编, printed in the middle of 胡晓刚's
    # speech, goes to the article's head
    dict(first='# 不断谱写政协事业发展新篇章', count=2,
         after_contains='# 高举伟大旗帜 加强党的领导'),
]

RE_JUMP = re.compile(r'[(（](上接|下转)\d+页[)）]')
FURNITURE = {'内部资料', '注意保存', '内部资料 注意保存'}


def content_chars(s):
    return ''.join(ch for ch in s
                   if '\u3400' <= ch <= '\u9fff'
                   or (ch.isascii() and ch.isalnum()))


def blocks_of(lines, start=0):
    """Blank-line separated blocks: [(first line number, [lines])]."""
    out, cur, first = [], [], None
    for i in range(start, len(lines)):
        if lines[i].strip() == '':
            if cur:
                out.append((first, cur))
            cur = []
        else:
            if not cur:
                first = i + 1
            cur.append(lines[i])
    if cur:
        out.append((first, cur))
    return out


def seed_paragraphs(path):
    with open(path, encoding='utf-8') as f:
        raw = f.read()
    for old, new in KNOWN_EDITS:
        if raw.count(old) != 1:
            sys.exit('known edit does not apply: %r' % old[:30])
        raw = raw.replace(old, new)
    lines = raw.split('\n')
    i = next(n for n, l in enumerate(lines) if l.strip() == '# 目录') + 1
    # the 目录 block: headings, "- N …" items and their continuation lines
    while i < len(lines):
        s = lines[i].strip()
        prev = lines[i - 1]
        if (s == '' or s.startswith('#') or s.startswith('- ')
                or re.match(r'^\d+ ', s) or s.startswith('——')
                or prev.endswith('  ')):
            i += 1
            continue
        break
    body_start = i
    paras = []
    markers = 0
    for first, blines in blocks_of(lines, body_start):
        text = '\n'.join(blines)
        if text.strip() in ('---', '***'):
            continue
        markers += len(RE_JUMP.findall(text))
        paras.append(dict(line=first, raw=text, idx=len(paras),
                          chars=content_chars(RE_JUMP.sub('', text))))
    while paras and paras[-1]['raw'].strip() in FURNITURE:
        paras.pop()
    return paras, body_start + 1, markers


def apply_moves(paras):
    paras = list(paras)
    for mv in MOVES:
        i = next(n for n, p in enumerate(paras)
                 if p['raw'].startswith(mv['first']))
        if 'count' in mv:
            j = i + mv['count']
        else:
            j = next(n for n in range(i, len(paras))
                     if paras[n]['raw'].startswith(mv['until']))
        run = paras[i:j]
        del paras[i:j]
        k = next(n for n, p in enumerate(paras) if mv['after_contains'] in p['raw'])
        paras[k + 1:k + 1] = run
        mv['lines'] = (run[0]['line'], run[-1]['line'], paras[k]['line'])
    return paras


def example_blocks(path):
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    if lines[0] != '---':
        sys.exit('example: missing front matter')
    end = lines.index('---', 1)
    out = []
    for first, blines in blocks_of(lines, end + 1):
        out.append((first, blines))
    return out, lines


RE_BYLINE_POS = re.compile(r'\[([^\]]*)\]\{\.byline position="([^"]*)"\}')
RE_ATTR = re.compile(r'\{[^{}]*\}')


def example_stream(path):
    """Return (chars, article starts [(offset, line, title)], text)."""
    blocks, lines = example_blocks(path)
    chars = []
    starts = []
    n = 0
    prev_kicker = False
    for first, blines in blocks:
        text = '\n'.join(blines)
        if len(blines) == 1 and re.match(r'^# ', blines[0]):
            prev_kicker = False
            continue                         # column heading (furniture)
        is_kicker = text.rstrip().endswith(']{.kicker}')
        is_title = (blines[0].startswith('## ')
                    or re.match(r'^-{3,}$', blines[-1]) is not None
                    and len(blines) > 1)
        if is_kicker or (is_title and not prev_kicker):
            title = RE_ATTR.sub('', text).strip()
            starts.append((n, first, title.split('\n')[0][:30]))
        prev_kicker = is_kicker
        if is_title:
            plain = re.sub(r'^## ', '', RE_ATTR.sub('', text))
            plain = re.sub(r'\\?\n', '', re.sub(r'\n-{3,}$', '', plain)).strip()
            if plain in RESTORED_TITLES:
                continue
        keep = [l for l in blines if not l.startswith(':::')]
        t = '\n'.join(keep)
        t = RE_BYLINE_POS.sub(lambda m: m.group(2) + m.group(1), t)
        t = RE_ATTR.sub('', t)
        c = content_chars(t)
        chars.append(c)
        n += len(c)
    return ''.join(chars), starts, '\n'.join(lines)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write('usage: check-jincheng-example.py SEED.txt EXAMPLE.md\n')
        return 2
    seed, example = argv[1], argv[2]
    paras, body_line, markers = seed_paragraphs(seed)
    ordered = apply_moves(paras)
    expected = ''.join(p['chars'] for p in ordered)
    got, starts, ex_text = example_stream(example)
    ok = True

    print('seed: body from line %d, %d paragraphs, %d jump markers removed, '
          '%d content characters' % (body_line, len(paras), markers,
                                     len(expected)))
    print('example: %d articles, %d content characters' % (len(starts), len(got)))
    for mv in MOVES:
        a, b, after = mv['lines']
        print('  documented move: seed lines %d-%d after the paragraph at '
              'line %d' % (a, b, after))

    # 1. multiset
    ca, cb = Counter(expected), Counter(got)
    if ca != cb:
        ok = False
        missing = ca - cb
        extra = cb - ca
        print('FAIL multiset: missing %s; extra %s'
              % (''.join(sorted(missing.elements()))[:200],
                 ''.join(sorted(extra.elements()))[:200]))
    else:
        print('ok   multiset of %d characters (%d distinct) is identical'
              % (len(got), len(ca)))

    # 2. order
    if expected != got:
        ok = False
        i = next((k for k in range(min(len(expected), len(got)))
                  if expected[k] != got[k]), min(len(expected), len(got)))
        print('FAIL order: first difference at character %d' % i)
        print('     seed:    …%s…' % expected[max(0, i - 30):i + 30])
        print('     example: …%s…' % got[max(0, i - 30):i + 30])
    else:
        print('ok   sequence equals the seed paragraphs in documented order')

    # 3. per article
    bounds = {}
    pos = 0
    for p in ordered:
        bounds.setdefault(pos, p['line'])
        pos += len(p['chars'])
    bounds.setdefault(pos, None)
    offs = [s[0] for s in starts] + [len(got)]
    bad = 0
    for k, (off, line, title) in enumerate(starts):
        if off not in bounds:
            bad += 1
            print('FAIL article at example line %d (%s) starts inside a seed '
                  'paragraph' % (line, title))
            continue
        seg = [p for p, q in zip(ordered, _offsets(ordered))
               if off <= q < offs[k + 1] and p['chars']]
        rng = _ranges(seg)
        print('  article at line %4d %-32s seed %s' % (line, title, rng))
    if bad:
        ok = False
    else:
        print('ok   all %d articles consist of whole seed paragraphs' % len(starts))

    # 4. markers
    left = RE_JUMP.findall(ex_text)
    if left:
        ok = False
        print('FAIL jump markers left in the example: %s' % left)
    else:
        print('ok   no jump markers left')
    print('PASS' if ok else 'MISMATCH')
    return 0 if ok else 1


def _offsets(ordered):
    pos = 0
    for p in ordered:
        yield pos
        pos += len(p['chars'])


def _ranges(seg):
    """The seed lines of the paragraphs, as runs 'a-b' of paragraphs that
    follow each other in the seed."""
    out = []
    for p in seg:
        if out and p['idx'] == out[-1][2] + 1:
            out[-1][1] = p['line']
            out[-1][2] = p['idx']
        else:
            out.append([p['line'], p['line'], p['idx']])
    return ', '.join('%d-%d' % (a, b) if a != b else str(a) for a, b, _ in out)


if __name__ == '__main__':
    sys.exit(main(sys.argv))
