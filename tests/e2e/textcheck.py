#!/usr/bin/env python3
"""textcheck.py SOURCE.md PDF [FIRST]: every character of the source's body text
reaches the PDF's text layer, in order, none lost or doubled, and no space
is inserted between two Chinese characters.

The source is reduced to its text by rules of its own (docs/source-format.md),
independent of the bulletin parser; the PDF is read with `pdftotext -raw`
(content order: the layout draws column 1 before column 2) from page FIRST
(the first article page) on; folio and running-head lines are furniture
and skipped. The front matter's own items (digest, board, contact,
sponsor, label) must each appear on the pages before FIRST.
Prints 'ok - ' / 'not ok - '."""
import html, re, subprocess, sys

HAN = r'\u3400-\u9fff'
# narrower gaps are inside a column; wider ones are the gutter (pt)
GUTTER = 20

def source_text(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    if lines and lines[0].strip() == '---':  # drop the front matter
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ('---', '...'))
        lines = lines[end + 1:]
    out = []
    for ln in lines:
        s = ln.strip()
        if re.fullmatch(r':::.*|-{3,}|={3,}|\*{3,}', s):
            continue
        if re.match(r'#\s', s):
            continue  # column (栏目) names are page furniture
        s = re.sub(r'^#{1,6}\s+', '', s)
        s = re.sub(r'^(?:[-*+]|\d+[.)])\s+', '', s)
        s = re.sub(r'^>\s?', '', s)
        # a byline's position attribute is printed before the name
        s = re.sub(r'\[([^\]]*)\]\{\.byline position="([^"]*)"\}', r'\2\1', s)
        s = re.sub(r'\]\{[^}]*\}', ']', s)           # span attributes
        s = re.sub(r'\s*\{[#.][^}]*\}\s*$', '', s)    # heading attributes
        s = re.sub(r'\s*\{(?:[#.-]|[a-z-]+=)[^}]*\}\s*$', '', s)
        s = re.sub(r'\\([!-/:-@\[-`{-~])', lambda m: '\x00%d\x00' % ord(m.group(1)), s)
        s = s.replace('**', '').replace('*', '').replace('[', '').replace(']', '')
        s = s.rstrip('\\')
        s = re.sub('\x00(\\d+)\x00', lambda m: chr(int(m.group(1))), s)
        out.append(s)
    return ''.join(out)

# Running heads stand above this line (pt from the top of the page).
HEAD_ZONE = 55

def pdf_text(pdf, first=1, last=None, crop=True):
    cmd = ['pdftotext', '-raw', '-enc', 'UTF-8', '-f', str(first)]
    if last:
        cmd += ['-l', str(last)]
    if crop:  # leave out the running heads
        cmd += ['-x', '0', '-y', str(HEAD_ZONE), '-W', '5000', '-H', '5000']
    raw = subprocess.run(cmd + [pdf, '-'], capture_output=True, text=True, check=True).stdout
    keep = [l for l in raw.split('\n') if not re.fullmatch(r'\s*\d+\s*', l)]
    return '\n'.join(keep)

def front_items(src):
    """Values of the front-matter keys printed on the front pages."""
    lines = open(src, encoding='utf-8').read().split('\n')
    end = next(i for i in range(1, len(lines)) if lines[i].strip() in ('---', '...'))
    items, key = [], None
    for l in lines[1:end]:
        m = re.match(r'([a-z]+):\s*(.*)$', l)
        if m:
            key, v = m.group(1), m.group(2)
            if key in ('sponsor', 'label', 'publication') and v:
                items.append(v.strip('"'))
            continue
        m = re.match(r'\s*-\s*(.*)$', l)
        if m and key in ('digest', 'board', 'contact'):
            items.append(m.group(1).strip('"').replace('\\n', ''))
    return items

def word_gaps(pdf, first=1):
    """Pairs of words on one baseline whose facing characters are both Han
    and whose gap is narrower than a column gutter: a space a reader's
    text extraction would put between two Chinese characters."""
    out = subprocess.run(['pdftotext', '-bbox', '-f', str(first), pdf, '-'],
                         capture_output=True, text=True, check=True).stdout
    words = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" '
                       r'yMax="([\d.]+)">([^<]*)</word>|(<page )', out)
    pairs, line, page = [], {}, 0
    for x0, x1, y, t, newpage in words:
        if newpage:
            page += 1
            continue
        line.setdefault((page, round(float(y))), []).append((float(x0), float(x1), html.unescape(t)))
    for ws in line.values():
        ws.sort()
        for (a0, a1, a), (b0, b1, b) in zip(ws, ws[1:]):
            if b0 - a1 < GUTTER and re.match('[%s]' % HAN, a[-1]) and re.match('[%s]' % HAN, b[0]):
                pairs.append((a[-1], b[0], a + ' ' + b))
    return pairs

def significant(s):
    return re.sub(r'[\s\u3000\f]', '', s)

def main():
    src, pdf = sys.argv[1], sys.argv[2]
    first = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    want = significant(source_text(src))
    text = pdf_text(pdf, first)
    got = significant(text)
    ok = True
    if want != got:
        i = next((k for k in range(min(len(want), len(got))) if want[k] != got[k]),
                 min(len(want), len(got)))
        print('#   source %d characters, PDF %d; first difference at %d:' % (len(want), len(got), i))
        print('#   source: …%s…' % want[max(0, i - 20):i + 20])
        print('#   pdf:    …%s…' % got[max(0, i - 20):i + 20])
        ok = False
    print(('ok' if ok else 'not ok') + ' - pdf text: every source character once, in order')
    # spaces the source has (phrase separators) or the layout adds on
    # purpose (two-character names spaced to three ems) are allowed
    plain = source_text(src)
    allowed = set(re.findall('([%s])[ \u3000]+(?=([%s]))' % (HAN, HAN), plain))
    raw = open(src, encoding='utf-8').read()
    for name in re.findall(r'\[([%s]{2})\]\{\.byline' % HAN, raw):
        allowed.add((name[0], name[1]))
    for name, pos in re.findall(r'\[([^\]]+)\]\{\.byline position="([^"]+)"', raw):
        allowed.add((pos[-1], name[0]))  # position, then the name
    spaced = [t for a, b, t in word_gaps(pdf, first) if (a, b) not in allowed]
    if spaced:
        print('#   %d spaces between Chinese characters, e.g. %r' % (len(spaced), spaced[:3]))
    print(('not ok' if spaced else 'ok') + ' - pdf text: no spaces between Chinese characters')
    if first > 1:
        front = significant(pdf_text(pdf, 1, first - 1, crop=False))
        missing = [i for i in front_items(src) if significant(i) not in front]
        for m in missing[:3]:
            print('#   not on the front pages: %s' % m)
        print(('not ok' if missing else 'ok') + ' - pdf text: every front-matter item on the front pages')

main()
