#!/usr/bin/env python3
"""linecheck.py DUMP: the composed lines of `bulletin build --dump lines`
obey the prohibition rules: no line starts with a closing mark, none ends
with an opening mark, —— and …… are never split."""
import sys

NO_START = set('，。、；：？！）》〉」』】〕〗］｝”’·%')
NO_END = set('（《〈「『【〔〖［｛“‘')

lines = [l.rstrip('\n').split('\t') for l in open(sys.argv[1], encoding='utf-8')]
bad_start = [t for p, c, n, t in lines if t.strip() and t.strip()[0] in NO_START]
bad_end = [t for p, c, n, t in lines if t.strip() and t.strip()[-1] in NO_END]
split = [(a[3], b[3]) for a, b in zip(lines, lines[1:])
         if a[3].endswith('—') and b[3].startswith('—') or
         a[3].endswith('…') and b[3].startswith('…')]
for name, bad in (('no line starts with a closing mark', bad_start),
                  ('no line ends with an opening mark', bad_end),
                  ('—— and …… never split', split)):
    for b in bad[:3]:
        print('#   %r' % (b,))
    print(('not ok' if bad else 'ok') + ' - lines: ' + name + ' (%d lines)' % len(lines))
