#!/usr/bin/env python3
"""rtextract.py: a built PDF back to text in the form of the raw seeds.

rtextract.py PDF GEOMETRY OUT.txt

The raw seeds are plain `pdftotext` output of the print PDFs: one text
block per paragraph of poppler's own grouping, a blank line after each
block, a form feed at each page end, the lines of a block (a two-line
title) together, and the columns read one after the other. Plain
pdftotext reads our two columns interleaved (docs/pages.md, "The text
layer"), so this program takes poppler's blocks, lines and words from
`pdftotext -bbox-layout` unchanged and puts the blocks in the reading
order of the layout (`--dump geometry`: page, column, line). Blocks
that are no composed line are page furniture: above the first composed
line of the page (a running head) they open the page, below the last
(a folio) they close it, and the others (the parts of a side tab) stand
together after the block poppler read before the first of them, as a
side tab stands in the seeds: one run, anywhere on its page. Words of a line are joined by a space, as pdftotext joins them.
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = '{http://www.w3.org/1999/xhtml}'


def geometry(path):
    pages = {}
    for row in open(path, encoding='utf-8'):
        f = row.rstrip('\n').split('\t')
        if len(f) < 10 or not f[0].isdigit():
            continue
        x, y, measure = float(f[3]), float(f[4]), float(f[6])
        pages.setdefault(int(f[0]), []).append((x, x + measure, y))
    return pages


def order_of(line, slots):
    """Index of the composed line this poppler line draws, or None."""
    x0, x1 = float(line.get('xMin')), float(line.get('xMax'))
    y0, y1 = float(line.get('yMin')), float(line.get('yMax'))
    for i, (a, b, base) in enumerate(slots):
        if y0 <= base <= y1 + 0.5 and x0 < b + 1 and x1 > a - 1:
            return i
    return None


def page_text(page, slots):
    blocks = []
    last, furniture = -1, None
    top = min((y for _, _, y in slots), default=0)
    bottom = max((y for _, _, y in slots), default=0)
    for n, block in enumerate(page.iter(NS + 'block')):
        lines, keys = [], []
        for line in block.iter(NS + 'line'):
            words = [w.text or '' for w in line.iter(NS + 'word')]
            lines.append(' '.join(words))
            k = order_of(line, slots)
            if k is not None:
                keys.append(k)
        if keys:
            last = min(keys)
            key = (last, 0, n)
        elif float(block.get('yMax')) < top - 6:
            key = (-1, 0, n)
        elif float(block.get('yMin')) > bottom:
            key = (len(slots), 0, n)
        else:
            if furniture is None:
                furniture = last
            key = (furniture, 1, n)
        blocks.append((key, lines))
    blocks.sort(key=lambda b: b[0])
    return ''.join('\n'.join(lines) + '\n\n' for _, lines in blocks)


def main():
    pdf, geom, out = sys.argv[1:4]
    xml = subprocess.run(['pdftotext', '-bbox-layout', pdf, '-'],
                         capture_output=True, check=True).stdout
    # poppler writes the XHTML doctype; the parser needs no DTD for it
    xml = re.sub(rb'<!DOCTYPE[^>]*>', b'', xml)
    root = ET.fromstring(xml)
    slots = geometry(geom)
    pages = list(root.iter(NS + 'page'))
    with open(out, 'w', encoding='utf-8') as f:
        for i, page in enumerate(pages, 1):
            f.write(page_text(page, slots.get(i, [])))
            f.write('\f')


if __name__ == '__main__':
    main()
