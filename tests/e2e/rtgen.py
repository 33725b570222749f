#!/usr/bin/env python3
"""rtgen.py: random issues that read like real ones, for the round trip.

rtgen.py STYLE SEED OUT.md writes an issue source in STYLE: columns
(栏目) of articles, each with a title (sometimes two phrases apart, a
kicker above or a subtitle under it), a byline of a person or an
organisation (or none), section heads, bold run-in heads that open
paragraphs (第一，… / 一是… / （一）…), paragraphs of sentences that end in
。, the end mark ■ and sometimes a note after it. The words are drawn
from a small vocabulary of this program's own, so nothing follows the
seed files. The same arguments give the same source.
"""
import random
import sys

PUBLICATION = {'tianjin-2022': '天津政协', 'tianjin-2023': '天津政协',
               'jincheng-2020': '晋城政协'}

# Two-character words of committee reports (our own list).
WORDS = ('政协 委员 协商 民主 监督 履职 提案 调研 视察 建言 资政 凝聚 共识 '
         '发展 建设 推进 落实 工作 群众 服务 经济 社会 治理 创新 改革 开放 '
         '文化 生态 城市 乡村 教育 医疗 人才 科技 企业 产业 数字 平台 机制 '
         '制度 质量 效能 水平 能力 作用 优势 目标 任务 举措 成效 问题 短板 '
         '基层 街道 社区 部门 单位 专题 会议 活动 学习 思想 政治 理论 实践 '
         '责任 担当 作风 队伍 干部 党组 组织 领导 全面 深入 持续 积极 主动 '
         '扎实 有效 重点 关键 环境 安全 保障 民生 就业 养老 住房 交通 资源 '
         '市场 项目 投资 消费 农业 工业 旅游 绿色 低碳 健康 教育 法治 文明').split()
# Districts and counties of each publication's city (public names).
PLACES = {'天津政协': '天津 天津市 东丽 河北 南开 北辰 西青 津南 滨海 和平'.split(),
          '晋城政协': '晋城 晋城市 城区 泽州 高平 阳城 沁水 陵川'.split()}
SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕'
GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌玉兰'
ORGS = ('区政协', '市政协办公室', '区政协党组', '县政协', '市政协提案委员会')
NUMERALS = '一二三四五六七八九十'


def phrase(rng, lo, hi):
    return ''.join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi)))


def sentence(rng, places):
    parts = []
    for i in range(rng.randint(1, 4)):
        r = rng.random()
        p = phrase(rng, 2, 6)
        if r < 0.08:
            p = '“%s”' % p
        elif r < 0.12:
            p = '《%s》' % phrase(rng, 2, 4)
        elif r < 0.2:
            p += '%d年' % rng.randint(2012, 2023)
        elif r < 0.24:
            p += '%d%%' % rng.randint(1, 99)
        elif r < 0.3:
            p = rng.choice(places) + p
        parts.append(p)
        if i + 1 < len(parts) or rng.random() < 0.3:
            parts.append(rng.choice('，，，、；'))
    s = ''.join(parts).rstrip('，、；')
    return s + '。'


def paragraph(rng, places, lo=2, hi=7):
    return ''.join(sentence(rng, places) for _ in range(rng.randint(lo, hi)))


def person(rng):
    name = rng.choice(SURNAMES) + ''.join(rng.choice(GIVEN)
                                          for _ in range(rng.randint(1, 2)))
    return name


def title(rng):
    t = phrase(rng, 3, 7)
    if rng.random() < 0.2:
        t += '\u3000' + phrase(rng, 3, 5)
    return t


def run_in(rng, places, k):
    lead = rng.choice(('第%s，', '%s是', '（%s）'))
    return '**%s%s。**%s' % (lead % NUMERALS[k], phrase(rng, 3, 8),
                            paragraph(rng, places, 1, 5))


def body(rng, places, single=False):
    out = []
    heads = rng.random() < 0.5
    sections = rng.randint(1, 4) if heads else 1
    # a one-column piece is a leader's speech of pages, as in the issues
    lo, hi = (8, 14) if single else (2, 8)
    for s in range(sections):
        if heads:
            out.append('### %s、%s' % (NUMERALS[s], phrase(rng, 4, 9)))
        for k in range(rng.randint(lo, hi)):
            if rng.random() < 0.25 and k < 9:
                out.append(run_in(rng, places, k))
            else:
                out.append(paragraph(rng, places))
    out[-1] += '■'
    if rng.random() < 0.3:
        out.append('[（作者系%s%s）]{.note}' % (rng.choice(places), rng.choice(ORGS)))
    return out


def article(rng, places, ident, single):
    out = []
    if rng.random() < 0.15:
        out.append('[%s]{.kicker}' % phrase(rng, 4, 8))
    attrs = '#%s' % ident + (' .single-column' if single else '')
    out.append('## %s {%s}' % (title(rng), attrs))
    if rng.random() < 0.1:
        out.append('[——%s]{.subtitle}' % phrase(rng, 4, 8))
    r = rng.random()
    if r < 0.6:
        out.append('[%s]{.byline}' % person(rng))
    elif r < 0.9:
        out.append('[%s%s]{.byline}' % (rng.choice(places[2:]), rng.choice(ORGS)))
    return out + body(rng, places, single)


def issue(style, seed):
    rng = random.Random('%s/%d' % (style, seed))
    out = ['---\npublication: %s\nstyle: %s\nyear: 2023\nissue: %d\n---'
           % (PUBLICATION[style], style, seed % 12 + 1)]
    n = 0
    for c in range(rng.randint(2, 4)):
        out.append('# %s' % phrase(rng, 2, 3))
        for _ in range(rng.randint(1, 4)):
            n += 1
            single = n == 1 and style != 'jincheng-2020' and rng.random() < 0.3
            out.extend(article(rng, PLACES[PUBLICATION[style]], 'a%d' % n,
                               single))
    return '\n\n'.join(out) + '\n'


if __name__ == '__main__':
    with open(sys.argv[3], 'w', encoding='utf-8') as f:
        f.write(issue(sys.argv[1], int(sys.argv[2])))
