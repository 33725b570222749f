#!/usr/bin/env python3
"""bad.py: hostile inputs and faults, each with the exit status and the
message (file:line:col) it must give, and what must not happen: a crash,
a hang, a half-written or clobbered file, text lost without a word.

  bad.py BULLETIN ROOT

Every case makes its inputs in a fresh folder (bytes a text editor cannot
type: NUL, controls, right-to-left letters, a FIFO, a damaged JPEG) and
prints 'ok - ' or 'not ok - ' with what went wrong.
"""
import os
import re
import shutil
import signal
import stat
import struct
import subprocess
import sys
import tempfile
import zlib

BULLETIN, ROOT = sys.argv[1], sys.argv[2]
TIMEOUT = 60
FRONT = '---\npublication: 晋城政协\nstyle: jincheng-2020\nyear: 2020\nissue: 4\n---\n\n'


def run(args, cwd, stdin=None, env=None):
    """(exit status, stderr); a hang is status -999, a crash a negative
    status (the signal)."""
    e = dict(os.environ, **(env or {}))
    try:
        p = subprocess.run([BULLETIN] + args, cwd=cwd, input=stdin,
                           capture_output=True, timeout=TIMEOUT, env=e)
    except subprocess.TimeoutExpired:
        return -999, 'timed out'
    return p.returncode, p.stderr.decode('utf-8', 'replace')


def case(name, args, status, want=(), absent=(), files=None, stdin=None,
         env=None, after=None, setup=None):
    """Run one case in a fresh folder holding files {name: bytes|str}."""
    d = tempfile.mkdtemp(prefix='bad-')
    try:
        for f, data in (files or {}).items():
            path = os.path.join(d, f)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            if data is FIFO:
                os.mkfifo(path)
                continue
            with open(path, 'wb') as fh:
                fh.write(data.encode('utf-8') if isinstance(data, str) else data)
        if setup:
            setup(d)
        rc, err = run(args, d, stdin, env)
        why = []
        if rc == -999:
            why.append('it hung')
        elif rc < 0:
            why.append(f'it crashed (signal {-rc})')
        elif rc != status:
            why.append(f'exit status {rc}, not {status}')
        for w in want:
            if not re.search(w, err):
                why.append(f'no message matching «{w}»')
        for a in absent:
            if re.search(a, err):
                why.append(f'a message matching «{a}»')
        if after and not why:
            why.extend(after(d, err))
        print(('not ok - ' if why else 'ok - ') + 'bad input: ' + name)
        for w in why:
            print('#   ' + w)
        if why:
            for line in err.splitlines()[:6]:
                print('#   | ' + line)
    finally:
        shutil.rmtree(d, ignore_errors=True)


FIFO = object()


def src(body):
    return FRONT + body


def pdf_ok(name):
    def check(d, err):
        p = os.path.join(d, name)
        if not os.path.exists(p):
            return [f'{name} not written']
        r = subprocess.run(['qpdf', '--check', p], capture_output=True)
        return [] if r.returncode == 0 else [f'qpdf --check fails on {name}']
    return check


def text_has(name, *words):
    def check(d, err):
        out = subprocess.run(['pdftotext', os.path.join(d, name), '-'],
                             capture_output=True).stdout.decode('utf-8', 'replace')
        out = re.sub(r'\s', '', out)
        return [f'{name} lacks «{w}»' for w in words if w not in out]
    return check


def no_temporaries(d, err):
    left = [f for f in os.listdir(d) if '.tmp.' in f]
    return [f'temporary files left: {left}'] if left else []


def both(*checks):
    def check(d, err):
        out = []
        for c in checks:
            out.extend(c(d, err))
        return out
    return check


def png(w, h, rows):
    """A PNG of w x h RGB pixels."""
    raw = b''.join(b'\0' + rows(y) for y in range(h))
    def chunk(t, b):
        return struct.pack('>I', len(b)) + t + b + struct.pack('>I', zlib.crc32(t + b))
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))


def text_cases():
    where = {
        'a heading': '# 栏目\n\n## 标题\x00一 {#a}\n\n正文。\n',
        'a kicker': '# 栏目\n\n[引\x00题]{.kicker}\n\n## 标题 {#a}\n\n正文。\n',
        'a paragraph': '# 栏目\n\n## 标题 {#a}\n\n正文\x00一段。\n',
        'a list item': '# 栏目\n\n## 标题 {#a}\n\n- 一\x00项\n',
        'a caption': '# 栏目\n\n## 标题 {#a}\n\n![说\x00明]()\n',
        'a column name': '# 栏\x00目\n\n## 标题 {#a}\n\n正文。\n',
    }
    for what, body in where.items():
        line = src(body).split('\n').index(next(l for l in src(body).split('\n') if '\x00' in l)) + 1
        col = next(l for l in src(body).split('\n') if '\x00' in l).index('\x00') + 1
        case(f'a NUL in {what}: left out, said at {line}:{col}, PDF whole',
             ['build', 's.md', '-o', 's.pdf'], 0,
             [rf's\.md:{line}:{col}: warning: U\+0000 is a control character'],
             files={'s.md': src(body)}, after=pdf_ok('s.pdf'))
    case('right-to-left letters, U+202E, noncharacters: said, the rest set',
         ['build', 's.md', '-o', 's.pdf'], 0,
         [r's\.md:12:3: warning: U\+202E is a bidirectional control',
          r'U\+05D0 is right-to-left text', r'U\+FDD0 is a noncharacter',
          r'U\+0644 is right-to-left text'],
         files={'s.md': src('# 栏目\n\n## 标题 {#a}\n\n正文\u202e反转\u05d0\u05d1希伯来\ufdd0，'
                            '\u0644\u0627维吾尔。\n')},
         after=both(pdf_ok('s.pdf'), text_has('s.pdf', '正文反转', '希伯来，', '维吾尔。')))
    case('YAML escapes make a NUL and U+202E in the front matter',
         ['build', 's.md', '-o', 's.pdf'], 0,
         [r's\.md:2:14: warning: front matter: U\+0000'],
         files={'s.md': '---\npublication: "晋城\\0政协\\u202E"\nstyle: jincheng-2020\n---\n\n'
                         '# 栏目\n\n## 标题 {#a}\n\n正文。\n'},
         after=pdf_ok('s.pdf'))
    case('a NUL in compose input: said at <stdin>:2:3',
         ['compose'], 0, [r'<stdin>:2:3: warning: U\+0000'],
         stdin='第一段。\n正文\x00段落。\n'.encode())
    case('an article id of 300 characters: a whole PDF',
         ['build', 's.md', '-o', 's.pdf'], 0, [],
         files={'s.md': src('# 栏目\n\n## 标题 {#' + 'a' * 300 + '}\n\n正文。\n')},
         after=pdf_ok('s.pdf'))


def file_cases():
    body = src('# 栏目\n\n## 标题 {#a}\n\n正文。\n')
    case('a source that is a FIFO: refused, no hang',
         ['build', 's.md', '-o', 's.pdf'], 1, [r's\.md: error: cannot read: not a regular file'],
         files={'s.md': FIFO})
    case('a source that is /dev/zero: refused, no hang',
         ['build', '/dev/zero', '-o', 's.pdf'], 1, [r'not a regular file'])
    case('a style that is a FIFO: refused, no hang',
         ['build', 's.md', '--style', './x.style', '-o', 's.pdf'], 1,
         [r'x\.style.*not a regular file'], files={'s.md': body, 'x.style': FIFO})
    case('a sidecar that is a FIFO: refused, no hang',
         ['build', 's.md', '-o', 's.pdf'], 1, [r's\.lines\.json: error: cannot read: not a regular file'],
         files={'s.md': body, 's.lines.json': FIFO})
    for what, lines in (('a number', '1'), ('null', 'null'), ('an object', '{"x": 1}'),
                        ('a list holding a number', '[1, "正文。"]')):
        case(f'a sidecar whose lines are {what}: composed anew, no crash',
             ['build', 's.md', '-o', 's.pdf'], 0, [],
             files={'s.md': body,
                    's.lines.json': '{"paragraphs": [{"article": "a", "block": 0, '
                                    f'"lines": {lines}}}]}}'},
             after=pdf_ok('s.pdf'))
    case('a sidecar that is not an object: an error at its first line',
         ['build', 's.md', '-o', 's.pdf'], 1, [r's\.lines\.json:1:1: error: not a lines sidecar'],
         files={'s.md': body, 's.lines.json': '[1, 2]'})

    # a device node of the test's own (the null device), never the
    # machine's /dev/null: a build that replaced it would break the machine
    def device_kept(d, err):
        st = os.lstat(os.path.join(d, 'null'))
        return [] if stat.S_ISCHR(st.st_mode) else ['the device node was replaced by a file']
    probe = tempfile.mkdtemp(prefix='bad-dev-')
    try:
        os.mknod(os.path.join(probe, 'null'), 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        can = True
    except OSError:
        can = False
    shutil.rmtree(probe, ignore_errors=True)
    if can:
        case('-o a device (the null device): written into, the node kept',
             ['build', 's.md', '-o', 'null'], 0, [], files={'s.md': body},
             setup=lambda d: os.mknod(os.path.join(d, 'null'), 0o666 | stat.S_IFCHR,
                                      os.makedev(1, 3)),
             after=device_kept)
    else:
        print('SKIP - bad input: -o a device: cannot make a device node here (needs root)')

    def link_kept(d, err):
        link = os.path.join(d, 'link.pdf')
        if not os.path.islink(link):
            return ['the symlink was replaced']
        return pdf_ok('real.pdf')(d, err)
    case('-o through a symlink: the file it names is written, the link kept',
         ['build', 's.md', '-o', 'link.pdf'], 0, [], files={'s.md': body},
         setup=lambda d: os.symlink('real.pdf', os.path.join(d, 'link.pdf')),
         after=link_kept)

    def stale_gone(d, err):
        return no_temporaries(d, err) + pdf_ok('s.pdf')(d, err)
    case('a temporary left by a killed run is removed by the next',
         ['build', 's.md', '-o', 's.pdf'], 0, [],
         files={'s.md': body, 's.pdf.tmp.999999999.AbCdEf': b'%PDF-half'},
         after=stale_gone)

    def inputs_kept(d, err):
        a = open(os.path.join(d, 'a.md'), encoding='utf-8').read()
        return [] if a.startswith('# 晋城政协') else ['a.md was overwritten']
    case('import a.md b.md: its own inputs are not overwritten',
         ['import', 'a.md', 'b.md'], 1, [r'a\.md: error: that is .*an input of this run'],
         files={'a.md': '# 晋城政协\n\n## 标题\n\n正文。\n', 'b.md': '# 晋城政协\n\n## 标题二\n\n正文。\n'},
         after=inputs_kept)
    case('two sources of one name into one --outdir: the second is refused',
         ['build', 'x/s.md', 'y/s.md', '--outdir', 'out'], 1,
         [r'failed +y/s\.md: it would write out/s\.pdf, as x/s\.md does'],
         files={'x/s.md': body, 'y/s.md': body, 'out/keep': ''},
         after=pdf_ok('out/s.pdf'))


def image_cases():
    body = '# 栏目\n\n## 标题 {{#a}}\n\n正文。\n\n![图](p.{ext})\n'
    case('a JPEG over 32,767 pixels wide: said at its figure, a placeholder',
         ['build', 's.md', '-o', 's.pdf'], 0,
         [r's\.md:14:1: warning: cannot use the image .*40000 × 8 pixels'],
         files={'s.md': src(body.format(ext='jpg')),
                'p.jpg': open(os.path.join(ROOT, 'tests/data/print/wide40000.jpg'), 'rb').read()},
         after=pdf_ok('s.pdf'))
    good = open(os.path.join(ROOT, 'tests/data/print/colour.jpg'), 'rb').read()
    case('a JPEG cut short: said, set from what decodes, the PDF whole',
         ['build', 's.md', '-o', 's.pdf'], 0,
         [r's\.md:14:1: warning: the JPEG .* is cut short'],
         files={'s.md': src(body.format(ext='jpg')), 'p.jpg': good[:len(good) // 2]},
         after=pdf_ok('s.pdf'))
    p = png(40, 30, lambda y: bytes([200, 10, 10] * 40))
    case('a PNG cut short: said at its figure',
         ['build', 's.md', '-o', 's.pdf'], 0,
         [r's\.md:14:1: warning: cannot use the image'],
         files={'s.md': src(body.format(ext='png')), 'p.png': p[:len(p) - 30]},
         after=pdf_ok('s.pdf'))
    case('a file that is no image: said at its figure',
         ['build', 's.md', '-o', 's.pdf'], 0,
         [r's\.md:14:1: warning: cannot use the image .*not an image'],
         files={'s.md': src(body.format(ext='tif')), 'p.tif': b'II*\x00garbage'},
         after=pdf_ok('s.pdf'))


def layout_cases():
    case('a caption taller than a column: said at its figure',
         ['build', 's.md', '-o', 's.pdf'], 0,
         [r's\.md:14:1: warning: this block takes \d+ grid lines, more than the 31'],
         files={'s.md': src('# 栏目\n\n## 标题 {#a}\n\n正文。\n\n![' + '很长的说明' * 300 + ']()\n')},
         after=pdf_ok('s.pdf'))
    case('an issue without year and number: no "0年第0期" in the title',
         ['build', 's.md', '-o', 's.pdf'], 0, [],
         files={'s.md': '---\npublication: 晋城政协\nstyle: jincheng-2020\n---\n\n# 栏目\n\n## 标题 {#a}\n\n正文。\n'},
         after=lambda d, e: [] if '0年' not in subprocess.run(
             ['pdfinfo', os.path.join(d, 's.pdf')], capture_output=True).stdout.decode() else ['0年 in the title'])
    case('contents page numbers that overflow: an error at the number',
         ['build', 's.md', '-o', 's.pdf'], 1,
         [r"s\.md:5:11: error: front matter: 'page' must be a whole number"],
         files={'s.md': '---\npublication: 晋城政协\nstyle: jincheng-2020\ncontents:\n  - page: 4294967297\n    title: 标题\n---\n\n# 栏目\n\n## 标题 {#a}\n\n正文。\n'})
    case('a style path in the source is the source\'s',
         ['build', 'in/s.md', '-o', 's.pdf'], 0, [],
         files={'in/s.md': '---\npublication: 晋城政协\nstyle: own.style\n---\n\n# 栏目\n\n## 标题 {#a}\n\n正文。\n',
                'in/own.style': open(os.path.join(ROOT, 'styles/jincheng-2020.style'), encoding='utf-8').read()},
         after=pdf_ok('s.pdf'))
    case('SOURCE_DATE_EPOCH out of range: said, the issue dates the PDF',
         ['build', 's.md', '-o', 's.pdf'], 0, [r'SOURCE_DATE_EPOCH=.* is not a time'],
         files={'s.md': src('# 栏目\n\n## 标题 {#a}\n\n正文。\n')},
         env={'SOURCE_DATE_EPOCH': '99999999999999'}, after=pdf_ok('s.pdf'))


def usage_cases():
    body = src('# 栏目\n\n## 标题 {#a}\n\n正文。\n')
    for args in (['--article', ''], ['--png', 'p', '--dpi', '0'], ['--png', 'p', '--dpi', 'nan'],
                 ['--png', 'p', '--dpi', '-1']):
        case('usage error: build ' + ' '.join(a or "''" for a in args), ['build', 's.md'] + args, 2,
             [], files={'s.md': body},
             after=lambda d, e: [f'left {f}' for f in os.listdir(d) if f.endswith('.png')])


def disk_full_cases():
    """A disk that fills up mid-write: a small tmpfs (root only)."""
    d = tempfile.mkdtemp(prefix='bad-full-')
    if subprocess.run(['mount', '-t', 'tmpfs', '-o', 'size=200k', 'tmpfs', d],
                      capture_output=True).returncode != 0:
        print('SKIP - bad input: a full disk: cannot mount a small tmpfs here '
              '(needs root)')
        os.rmdir(d)
        return
    try:
        ex = os.path.join(ROOT, 'examples/jincheng-2020-04.md')
        for what, args in (('the PDF', ['-o']), ('the print master', ['--print', '-o'])):
            out = os.path.join(d, 't.pdf')
            rc, err = run(['build', ex] + args + [out], d)
            left = os.listdir(d)
            why = [] if rc == 1 else [f'exit status {rc}, not 1']
            if 'No space left on device' not in err:
                why.append('no message naming the full disk')
            if left:
                why.append(f'files left on the full disk: {left}')
            print(('not ok - ' if why else 'ok - ') +
                  f'bad input: a disk that fills up while {what} is written: '
                  'exit 1, nothing left')
            for w in why:
                print('#   ' + w)
    finally:
        subprocess.run(['umount', d])
        os.rmdir(d)


def main():
    os.environ['BULLETIN_STYLES'] = os.path.join(ROOT, 'styles')
    text_cases()
    file_cases()
    image_cases()
    layout_cases()
    usage_cases()
    disk_full_cases()


if __name__ == '__main__':
    main()
