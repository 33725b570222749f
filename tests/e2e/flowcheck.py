#!/usr/bin/env python3
"""flowcheck.py SOURCE.md GEOMETRY LINES: the page builder kept every
character of a flowgen.py issue exactly once (counted per character of the
alphabet in the composed lines of --dump geometry) and set no line below
the last grid line of its page. Prints one TAP line."""
import collections
import sys

from flowgen import ALPHABET


def main():
    src, geo, lines = sys.argv[1], sys.argv[2], int(sys.argv[3])
    body = open(src, encoding='utf-8').read().split('---', 2)[2]
    want = collections.Counter(c for c in body if c in ALPHABET)
    got = collections.Counter()
    problems = []
    for row in open(geo, encoding='utf-8').read().splitlines():
        f = row.split('\t')
        got.update(c for c in f[-1] if c in ALPHABET)
        if int(f[2]) > lines:
            problems.append('page %s column %s: grid line %s' % (f[0], f[1], f[2]))
    for c in ALPHABET:
        if want[c] != got[c]:
            problems.append('%s: %d in the source, %d set' % (c, want[c], got[c]))
    for p in problems[:5]:
        print('#   ' + p)
    name = sys.argv[4] if len(sys.argv) > 4 else src
    print(('not ok' if problems else 'ok') + ' - ' + name)


main()
