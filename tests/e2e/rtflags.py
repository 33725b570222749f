#!/usr/bin/env python3
"""rtflags.py [--count] SOURCE.md IMPORTED.md REPORT.txt: every article title of
the source that the import did not recover is named by an entry of the
report's "to check" list at check or must level (a title block read the
other way round, a title not found): what the importer gets wrong about
titles, it says. Prints the titles missed and not flagged; exit 1 when
there are any. With --count, prints "flagged=N/M" (of the M titles
missed, N are in the list) and exits 0."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rtcompare  # noqa: E402


def flagged(report):
    out, on = [], False
    for row in open(report, encoding='utf-8'):
        if row.startswith('## '):
            on = row.startswith('## to check')
            continue
        if on and row.split()[:1] in (['check'], ['must']):
            out.append(row.replace('\u3000', ''))
    return out


def main():
    args = sys.argv[1:]
    count = args[:1] == ['--count']
    if count:
        args = args[1:]
    _, want = rtcompare.read(args[0])
    _, got = rtcompare.read(args[1])
    entries = flagged(args[2])
    have = [a['title'] for a in got]
    silent, missed = [], 0
    for a in want:
        if a['title'] in have:
            have.remove(a['title'])
            continue
        missed += 1
        t = a['title'].replace('\u3000', '')
        if not any(t in e for e in entries):
            silent.append(a['title'])
    untitled = sum(1 for e in entries if e.startswith('must') and
                   'article without a title' in e)
    silent = silent[untitled:]
    if count:
        print('flagged=%d/%d' % (missed - len(silent), missed))
        return 0
    if silent:
        print('  titles missed with no entry to check: %s' % ' | '.join(silent))
    return 1 if silent else 0


if __name__ == '__main__':
    sys.exit(main())
