#!/usr/bin/env python3
"""flowgen.py: random issue sources for the page builder's property test.

flowgen.py SEED OUT.md writes an issue of one of the shipped styles with
random columns, articles (some one-column, some contributions, most with
a recorded page), heads, paragraphs with digits and quotes, lists, boxed
notices and figures (some page-wide, all placeholders). The same seed
gives the same source. The text uses the characters of ALPHABET only, so
that a check can count them in the composed lines."""
import random
import sys

ALPHABET = '政协委员履职尽责商议民主监督建言资凝聚共识调研视察提案办理'
STYLES = [('tianjin-2022', '天津政协'), ('tianjin-2023', '天津政协'),
          ('jincheng-2020', '晋城政协')]


def text(rng, n):
    out = []
    for _ in range(n):
        out.append(rng.choice(ALPHABET))
        r = rng.random()
        if r < 0.05:
            out.append('，')
        elif r < 0.07:
            out.append('。')
        elif r < 0.08:
            out.append(str(rng.randint(1, 2022)))
        elif r < 0.085:
            out.append('“')
        elif r < 0.09:
            out.append('”')
    return ''.join(out) + '。'


def block(rng):
    r = rng.random()
    if r < 0.1:
        return '### 一、%s\n' % text(rng, rng.randint(3, 20))
    if r < 0.15:
        wide = '{width=page}' if rng.random() < 0.5 else ''
        return '![%s](absent.png)%s\n' % (text(rng, 5), wide)
    if r < 0.2:
        paras = [text(rng, rng.randint(10, 200)) for _ in range(rng.randint(1, 8))]
        return '::: box\n' + '\n\n'.join(paras) + '\n:::\n'
    if r < 0.25:
        return '- %s\n- %s\n' % (text(rng, 20), text(rng, 30))
    return text(rng, rng.randint(1, 400)) + '\n'


def issue(seed):
    rng = random.Random(seed)
    style, pub = rng.choice(STYLES)
    out = ['---\npublication: %s\nstyle: %s\n---\n' % (pub, style)]
    page = 1
    for c in range(rng.randint(1, 3)):
        out.append('# 栏目%d\n' % c)
        for a in range(rng.randint(1, 4)):
            attrs = '#a%d-%d' % (c, a)
            if rng.random() < 0.7:
                page += rng.randint(0, 3)
                attrs += ' page=%d' % page
            if rng.random() < 0.2:
                attrs += ' .single-column'
            if a > 0 and rng.random() < 0.15:
                attrs += ' .part'
            out.append('## %s {%s}\n' % (text(rng, rng.randint(3, 30)), attrs))
            out.extend(block(rng) for _ in range(rng.randint(0, 25)))
    return '\n'.join(out)


if __name__ == '__main__':
    with open(sys.argv[2], 'w', encoding='utf-8') as f:
        f.write(issue(int(sys.argv[1])))
