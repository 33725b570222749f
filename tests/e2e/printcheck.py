#!/usr/bin/env python3
"""printcheck.py: a print master checked the way a print shop's preflight
checks it, with tools that are not ours: qpdf's JSON (boxes, output intent,
Info, XMP, colour operators, images), Ghostscript's inkcov device (plates),
poppler's pdffonts and pdftotext (fonts, text layer).

  printcheck.py MASTER SCREEN NAME [--x4] [--bleed MM] [--no-marks]
                [--k-only PAGES] [--same-text]

SCREEN is the screen PDF of the same layout. --k-only: pages (1,2,5-9 or
'all') whose plates must be black alone; --same-text: every word of the
screen PDF at the same place inside the master's trim. Prints 'ok - ' and
'not ok - ' lines, and '#' lines saying what went wrong.
"""
import argparse
import base64
import json
import re
import subprocess
import sys

MM = 72 / 25.4


def out(ok, name, why=''):
    print(('ok - ' if ok else 'not ok - ') + name)
    if not ok and why:
        print('#   ' + str(why)[:400])


def qpdf_json(path):
    j = json.loads(subprocess.run(
        ['qpdf', '--json', '--json-stream-data=inline',
         '--decode-level=generalized', path],
        capture_output=True, check=True).stdout)
    objs = j['qpdf'][1]
    return j, objs


class Doc:
    def __init__(self, path):
        self.path = path
        self.j, self.objs = qpdf_json(path)
        self.trailer = self.objs['trailer']['value']

    def get(self, v):
        """Resolve an indirect reference ('12 0 R') to its value or stream."""
        if isinstance(v, str) and re.fullmatch(r'\d+ \d+ R', v):
            o = self.objs.get('obj:' + v, {})
            return o.get('value', o.get('stream'))
        return v

    def stream(self, v):
        o = self.objs.get('obj:' + v, {}).get('stream') if isinstance(v, str) else None
        if not o:
            return None, b''
        return o['dict'], base64.b64decode(o.get('data', ''))

    def pages(self):
        return [p['object'] for p in self.j['pages']]

    def page_dict(self, ref):
        return self.get(ref)


def text(v):
    return v[2:] if isinstance(v, str) and v.startswith(('u:', 'b:')) else v


def check_header(master, x4, name):
    head = open(master, 'rb').read(9).decode('latin-1')
    want = '%PDF-1.6' if x4 else '%PDF-1.3'
    out(head.startswith(want), f'{name}: file header {want}', head)
    if not x4:
        xref = subprocess.run(['qpdf', '--show-xref', master],
                              capture_output=True, text=True).stdout
        out(not re.search(r'^\d+/\d+: compressed', xref, re.M) and
            b'/XRef' not in open(master, 'rb').read(),
            f'{name}: PDF 1.3 structure: no object or cross-reference streams')


def check_info(d, x4, name):
    info = d.get(d.trailer.get('/Info'))
    info = info if isinstance(info, dict) else {}
    title = text(info.get('/Title', ''))
    out(bool(title), f'{name}: Info has a Title', info)
    ver = text(info.get('/GTS_PDFXVersion', ''))
    want = 'PDF/X-4' if x4 else 'PDF/X-1:2001'
    out(ver == want, f'{name}: Info GTS_PDFXVersion {want}', ver)
    if not x4:
        out(text(info.get('/GTS_PDFXConformance', '')) == 'PDF/X-1a:2001',
            f'{name}: Info GTS_PDFXConformance PDF/X-1a:2001', info)
    out(info.get('/Trapped') == '/False', f'{name}: Info Trapped /False', info)
    cd, md = text(info.get('/CreationDate', '')), text(info.get('/ModDate', ''))
    out(re.fullmatch(r"D:\d{14}[+-]\d\d'\d\d'", cd or '') is not None and cd == md,
        f'{name}: Info CreationDate and ModDate as PDF dates', (cd, md))
    return title, cd


def check_xmp(d, x4, title, date, name):
    root = d.get(d.trailer['/Root'])
    meta, data = d.stream(root.get('/Metadata'))
    x = data.decode('utf-8', 'replace')
    out(meta is not None and meta.get('/Subtype') == '/XML',
        f'{name}: XMP metadata stream in the catalog')
    t = re.search(r'<dc:title>.*?<rdf:li[^>]*>(.*?)</rdf:li>', x, re.S)
    out(t is not None and t.group(1) == title.replace('&', '&amp;'),
        f'{name}: XMP dc:title agrees with Info', t and t.group(1))
    xd = re.search(r'<xmp:CreateDate>(.*?)</', x)
    want = (f'{date[2:6]}-{date[6:8]}-{date[8:10]}T{date[10:12]}:'
            f'{date[12:14]}:{date[14:16]}{date[16:19]}:{date[20:22]}')
    out(xd is not None and xd.group(1) == want,
        f'{name}: XMP CreateDate agrees with Info', (xd and xd.group(1), want))
    out('<pdf:Trapped>False</pdf:Trapped>' in x, f'{name}: XMP pdf:Trapped False')
    tag = ('<pdfxid:GTS_PDFXVersion>PDF/X-4<' if x4 else
           '<pdfx:GTS_PDFXVersion>PDF/X-1:2001<')
    out(tag in x, f'{name}: XMP names the PDF/X version')
    if x4:
        out(all(k in x for k in ('xmpMM:DocumentID', 'xmpMM:VersionID',
                                 'xmpMM:RenditionClass')),
            f'{name}: XMP DocumentID, VersionID and RenditionClass (PDF/X-4)')
        out('/StructTreeRoot' in root, f'{name}: PDF/X-4 keeps the tags')


def check_intent(d, name):
    root = d.get(d.trailer['/Root'])
    ois = d.get(root.get('/OutputIntents')) or []
    out(len(ois) == 1, f'{name}: one output intent', ois)
    if not ois:
        return
    oi = d.get(ois[0])
    out(oi.get('/S') == '/GTS_PDFX' and bool(text(oi.get('/OutputConditionIdentifier'))),
        f'{name}: output intent GTS_PDFX with a condition identifier', oi)
    prof, data = d.stream(oi.get('/DestOutputProfile'))
    ok = (prof is not None and prof.get('/N') == 4 and len(data) > 128 and
          data[36:40] == b'acsp' and data[12:16] == b'prtr' and data[16:20] == b'CMYK')
    out(ok, f'{name}: the output intent embeds a CMYK output (prtr) ICC profile',
        data[12:20])


def box(v):
    return [float(x) for x in v]


def check_boxes(d, screen, bleed, marks, name):
    sw, sh = None, None
    sp = screen.get(screen.pages()[0])
    m = box(sp['/MediaBox'])
    sw, sh = m[2] - m[0], m[3] - m[1]
    bad = []
    for i, ref in enumerate(d.pages()):
        p = d.get(ref)
        if '/TrimBox' not in p or '/BleedBox' not in p:
            bad.append(f'page {i + 1}: no TrimBox or BleedBox')
            continue
        t, b, mb = box(p['/TrimBox']), box(p['/BleedBox']), box(p['/MediaBox'])
        if abs((t[2] - t[0]) - sw) > 0.01 or abs((t[3] - t[1]) - sh) > 0.01:
            bad.append(f'page {i + 1}: trim {t} is not the screen page {sw} x {sh}')
        want = [t[0] - bleed, t[1] - bleed, t[2] + bleed, t[3] + bleed]
        if any(abs(x - y) > 0.01 for x, y in zip(b, want)):
            bad.append(f'page {i + 1}: bleed box {b}, want {want}')
        inside = all(mb[k] <= b[k] + 0.01 for k in (0, 1)) and \
            all(mb[k] >= b[k] - 0.01 for k in (2, 3))
        # nested exactly: a checker without tolerance compares the numbers
        inside = inside and all(mb[k] <= b[k] for k in (0, 1)) and \
            all(mb[k] >= b[k] for k in (2, 3)) and \
            all(b[k] <= t[k] for k in (0, 1)) and all(b[k] >= t[k] for k in (2, 3))
        equal = mb == b
        if not inside or (not marks and not equal) or (marks and equal):
            bad.append(f'page {i + 1}: media box {mb} around bleed box {b}')
        if '/Group' in p:
            bad.append(f'page {i + 1}: a transparency group')
    out(not bad, f'{name}: every page has TrimBox = the screen page, BleedBox = '
        f'trim + {bleed / MM:.0f} mm, MediaBox {"around it" if marks else "= BleedBox"}, '
        'no transparency group', '; '.join(bad[:3]))


def content_streams(d):
    """(label, resources, data) of every page content and form XObject."""
    for i, ref in enumerate(d.pages()):
        p = d.get(ref)
        c = p.get('/Contents')
        refs = c if isinstance(c, list) else [c]
        data = b''.join(d.stream(r)[1] for r in refs)
        yield f'page {i + 1}', d.get(p.get('/Resources')), data
    for k, o in d.objs.items():
        st = o.get('stream') if isinstance(o, dict) else None
        if st and st['dict'].get('/Subtype') == '/Form':
            yield k, d.get(st['dict'].get('/Resources')), base64.b64decode(st.get('data', ''))


def check_colour(d, x4, name):
    rgb_ops, black, not_over = [], 0, []
    for label, res, data in content_streams(d):
        s = data.decode('latin-1')
        if re.search(r'(?<![\w/])(rg|RG)(?![\w])', s):
            rgb_ops.append(label)
        gs = d.get(res.get('/ExtGState', {})) if res else {}
        for m in re.finditer(r'/(\w+) gs ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) k', s):
            if [float(m.group(k)) for k in range(2, 6)] != [0, 0, 0, 1]:
                continue
            black += 1
            g = d.get(gs.get('/' + m.group(1), {})) or {}
            if not (g.get('/op') is True and g.get('/OPM') == 1):
                not_over.append(label)
        if re.search(r'(?<!gs )\b0 0 0 1 k', s):
            not_over.append(label + ' (no overprint state set)')
    out(not rgb_ops, f'{name}: no rg/RG colour operator in any content stream',
        rgb_ops[:5])
    dump = json.dumps(d.objs)
    out('/DeviceRGB' not in dump and '/CalRGB' not in dump,
        f'{name}: no RGB colour space anywhere in the file')
    out(black > 0 and not not_over,
        f'{name}: black (0 0 0 1 k) is set {black} times, always overprinted (op, OPM 1)',
        not_over[:5])
    smask = [k for k, o in d.objs.items() if isinstance(o, dict) and o.get('stream')
             and '/SMask' in o['stream']['dict']]
    out(not smask, f'{name}: no soft masks', smask[:3])


def check_fonts(master, name):
    r = subprocess.run(['pdffonts', master], capture_output=True, text=True).stdout
    rows = r.splitlines()[2:]
    bad = [x for x in rows if x.split()[-5] != 'yes' or 'Type 3' in x]
    out(rows and not bad, f'{name}: pdffonts: {len(rows)} fonts, all embedded, none Type 3',
        bad[:3])


def words(pdf):
    """Per page: its size and [(word, xMin, yMin)] from pdftotext -bbox."""
    h = subprocess.run(['pdftotext', '-bbox', pdf, '-'], capture_output=True,
                       text=True).stdout
    pages = []
    for pg in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', h, re.S):
        ws = [(m.group(5), float(m.group(1)), float(m.group(2)))
              for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" '
                                   r'xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                                   pg.group(3))]
        pages.append((float(pg.group(1)), float(pg.group(2)), ws))
    return pages


def lines(ws):
    """{top of the line (0.1 pt): its text}, words ordered by x."""
    by = {}
    for s, x, y in ws:
        by.setdefault(round(y, 1), []).append((round(x, 1), s))
    return {y: ''.join(s for _, s in sorted(v)) for y, v in by.items()}


def check_same_text(master, screen, d, name):
    mp, sp = words(master), words(screen)
    t = box(d.get(d.pages()[0])['/TrimBox'])
    mb = box(d.get(d.pages()[0])['/MediaBox'])
    dx, dy = t[0] - mb[0], mb[3] - t[3]
    bad = []
    if len(mp) != len(sp):
        bad.append(f'{len(mp)} pages against {len(sp)}')
    for i, ((_, _, mw), (w, h, sw)) in enumerate(zip(mp, sp)):
        # the text of each line (words joined by their place, since word
        # grouping follows the page's other content), lines by their top
        inside = lines([(s, x - dx, y - dy) for s, x, y in mw
                        if 0 <= x - dx <= w and 0 <= y - dy <= h])
        want = lines(sw)
        if inside != want:
            diff = sorted(set(want.items()) ^ set(inside.items()))[:2]
            bad.append(f'page {i + 1}: {len(inside)} lines against {len(want)}, '
                       f'e.g. {diff}')
    out(not bad, f'{name}: the same words at the same places as the screen PDF '
        f'on all {len(sp)} pages', '; '.join(bad[:3]))


def page_set(spec, n):
    if spec == 'all':
        return set(range(1, n + 1))
    s = set()
    for part in spec.split(','):
        a, _, b = part.partition('-')
        s.update(range(int(a), int(b or a) + 1))
    return s


def check_plates(master, spec, n, name):
    r = subprocess.run(['gs', '-q', '-o', '-', '-sDEVICE=inkcov', '-dUseTrimBox',
                        master], capture_output=True, text=True).stdout
    cov = [tuple(float(x) for x in line.split()[:4]) for line in r.splitlines()
           if line.strip().endswith('OK')]
    pages = page_set(spec, n)
    bad = [(i + 1, c) for i, c in enumerate(cov)
           if i + 1 in pages and (c[0] or c[1] or c[2] or c[3] <= 0)]
    out(len(cov) == n and not bad,
        f'{name}: Ghostscript inkcov: C = M = Y = 0 and K > 0 on {len(pages)} text pages',
        bad[:3] or f'{len(cov)} pages measured of {n}')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('master')
    ap.add_argument('screen')
    ap.add_argument('name')
    ap.add_argument('--x4', action='store_true')
    ap.add_argument('--bleed', type=float, default=3)
    ap.add_argument('--no-marks', action='store_true')
    ap.add_argument('--k-only')
    ap.add_argument('--same-text', action='store_true')
    a = ap.parse_args()
    d, screen = Doc(a.master), Doc(a.screen)
    check_header(a.master, a.x4, a.name)
    title, date = check_info(d, a.x4, a.name)
    check_xmp(d, a.x4, title, date, a.name)
    check_intent(d, a.name)
    check_boxes(d, screen, a.bleed * MM, not a.no_marks, a.name)
    check_colour(d, a.x4, a.name)
    check_fonts(a.master, a.name)
    if a.same_text:
        check_same_text(a.master, a.screen, d, a.name)
    if a.k_only:
        check_plates(a.master, a.k_only, len(d.pages()), a.name)


if __name__ == '__main__':
    sys.exit(main())
