"""corpus.py: the benchmark corpus (make bench): the longest article of an
example issue, its plain paragraphs repeated until the text reaches
CHARS characters, written three times: as an issue source for bulletin
(OUT.md, in the example's style), one paragraph a line for the bare
Pango+Cairo program (OUT.txt), and as a XeLaTeX+ctex document of the same
page geometry (OUT.tex: two columns, 五号 on an 18-pt pitch).

    corpus.py EXAMPLE.md CHARS OUT"""
import re
import sys

src, chars, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
text = open(src, encoding='utf-8').read()
front, body = text.split('\n---\n', 1)
style = re.search(r'^style: *(\S+)', front, re.M).group(1)
publication = re.search(r'^publication: *(\S+)', front, re.M).group(1)

# the articles' plain paragraphs: no markup lines, no attributes, no bold
articles, cur = [], None
for line in body.split('\n'):
    s = line.strip()
    if s.startswith('## '):
        cur = []
        articles.append(cur)
        continue
    if cur is None or not s or re.match(r'(#|:::|-{3,}$|={3,}$|\[|!\[|- )', s):
        continue
    cur.append(re.sub(r'\*\*|\*|\{[^}]*\}', '', s).rstrip('\\'))
paras = max(articles, key=lambda a: sum(map(len, a)))
if not paras:
    sys.exit('corpus.py: no paragraphs in ' + src)
got, out_paras = 0, []
while got < chars:
    for p in paras:
        out_paras.append(p)
        got += len(p)
        if got >= chars:
            break
with open(out + '.md', 'w', encoding='utf-8') as f:
    f.write('---\npublication: %s\nstyle: %s\n---\n\n## 基准语料 {#corpus}\n\n'
            % (publication, style))
    f.write(''.join(p + '\n\n' for p in out_paras))
with open(out + '.txt', 'w', encoding='utf-8') as f:
    f.write(''.join(p + '\n' for p in out_paras))
TEX = r"""\documentclass[zihao=5,fontset=none]{ctexart}
\setCJKmainfont{Noto Serif CJK SC}
\usepackage[paperwidth=185mm,paperheight=260mm,top=24mm,bottom=24mm,
  hmargin=%(margin).2fpt,columnsep=21pt]{geometry}
\setlength{\parindent}{2em}\pagestyle{empty}
\begin{document}
\fontsize{10.5pt}{18pt}\selectfont
\twocolumn
%(body)s
\end{document}
"""
# two columns of 16 em of 10.5 pt and a 2-em gap, centred on the page
margin = (185 * 72 / 25.4 - (2 * 16 + 2) * 10.5) / 2
with open(out + '.tex', 'w', encoding='utf-8') as f:
    f.write(TEX % {'margin': margin,
                   'body': '\n\n'.join(p.replace('%', r'\%').replace('#', r'\#')
                                        .replace('&', r'\&').replace('_', r'\_')
                                        for p in out_paras)})
print('%d paragraphs, %d characters' % (len(out_paras), got))
