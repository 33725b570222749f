"""calgen.py: recorded line breaks made to order, for calibrate.sh.

    calgen.py BULLETIN SOURCE.md STYLE OUT.md

Writes OUT.md (a copy of SOURCE.md) and OUT.lines.json: the sidecar of
SOURCE with every paragraph's lines as `bulletin compose --style STYLE`
breaks them (at the measure of its article: one column or two), so that
calibrating OUT.md must find STYLE's habits again."""
import json
import re
import shutil
import subprocess
import sys

bulletin, source, style, out = sys.argv[1:5]
side = json.load(open(source[:-3] + '.lines.json', encoding='utf-8'))
dump = subprocess.run([bulletin, 'build', source, '--dump', 'doc'],
                      capture_output=True, text=True, check=True).stdout
single = set(re.findall(r'^  article (\S+) .*single-column', dump, re.M))
measures = {}
for line in open(style, encoding='utf-8'):
    m = re.match(r'\s*(measure|single-measure)\s*=\s*(\d+)', line)
    if m:
        measures[m.group(1)] = m.group(2)


def compose(paras, measure):
    """The lines of each paragraph, composed in one run."""
    text = ''.join(p + '\n' for p in paras)
    got = subprocess.run([bulletin, 'compose', '--style', style, '--measure',
                          measure], input=text, capture_output=True,
                         text=True, check=True).stdout
    blocks = got.split('\n\n')
    return [b.split('\n') for b in blocks[:len(paras)]]


for kind, ids in (('measure', lambda a: a not in single),
                  ('single-measure', lambda a: a in single)):
    todo = [p for p in side['paragraphs'] if ids(p['article'])]
    lines = compose([''.join(p['lines']) for p in todo], measures[kind])
    for p, ls in zip(todo, lines):
        p['lines'] = ls
shutil.copy(source, out)
json.dump(side, open(out[:-3] + '.lines.json', 'w', encoding='utf-8'),
          ensure_ascii=False)
