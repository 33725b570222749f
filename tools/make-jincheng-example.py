#!/usr/bin/env python3
"""Make examples/jincheng-2020-04.md from the damaged Markdown conversion of
《晋城政协》2020年第4期 (总第43期), seed 004_1e5e404a4c67e53c.txt.

Usage:
    python3 tools/make-jincheng-example.py SEED.txt OUT.md [--quiet]

The script is written for this one seed; a later importer will generalise
it.  Whatever is specific to the seed is in the tables below (ARTICLES,
SEED_FIXES, SPURIOUS_TITLE_SPACES, BOARD_KEYS); the passes themselves are
rules.  Standard library only.

What the passes do, in order
----------------------------
 1. Apply SEED_FIXES to the raw text (each must match exactly once).
 2. Cover and inside cover (everything before "# 目录") -> front matter:
    publication, year/issue/total from 〔4 总第43期 2020〕, 本期导读 items
    (digest), sponsor, label, 编委会 lines (board / contact).  The
    编委 name grid is joined into one line with U+3000 between names; the
    two halves of 地址 are joined; the telephone number keeps its ASCII
    brackets "(0356)" (a number, not Chinese text).
 3. 目录 -> `contents` (page, column without ◎, title, author).  A printed
    line break inside an entry is kept as \\n, a space inside a line becomes
    an ideographic space U+3000 (the printed phrase separator).
 4. The body is cut into blocks at blank lines (lines holding only spaces
    count as blank); lines ending with two spaces (hard breaks) are joined
    inside their block.  `---` rules and the trailing "内部资料 / 注意保存"
    are furniture and dropped.
 5. Jump markers.  "(下转N页)" is removed and leaves an insertion point;
    a run of blocks that starts with "(上接N页)" and goes up to the next
    heading is a jump tail: it is taken out, its marker removed, and it is
    put back at the insertion point of the article whose page range (from
    the contents: its start page up to the next article's start page - 1)
    contains N.  The tail's own place in the seed must lie in the page
    range of the "下转" page (checked).
 6. Spread title.  A heading whose text is a proper prefix of a contents
    title is completed by the later heading that holds the rest of that
    title; a "——" heading right after that rest is the subtitle.  Both are
    taken out of the text they interrupt.
 7. Articles are cut at the anchors of ARTICLES and paired with the
    contents entries in order (parts of a 发言摘编 are not in the contents).
    Head elements after the title: "——…" subtitle, a pinyin line
    (capitals only), a byline ("[职务 ]姓名", a padded name "姚 逊" is
    closed up), a date line "(2020年7月14日)", and, where the table says
    so, a deck: the first head block with none of these roles (the two
    summary lines of 本期关注; the pull quote of 学习论坛).
 8. Title lines.  The spaces of a title in the seed are the printed line
    breaks, except: spaces listed in SPURIOUS_TITLE_SPACES are removed, and
    when the contents entry prints the title on several lines, only the
    spaces at those line breaks are breaks and the others become U+3000.
 9. Heading roles in the body (levels in the seed are unreliable):
      "一、…"             -> section head  `### ` (bold decoration removed)
      "(一)…"             -> sub-head `#### `, except in articles whose
                             (一) items are run-in paragraph openings
                             (ARTICLES runin_sub): there it is a paragraph
      "**…。**" (bold, ends a sentence) -> bold run-in lead-in: it is put
                             in front of the next paragraph as **…**
    A paragraph that is only a short numbered sentence "二、…。" becomes a
    section head when the article's other numbered items are headings in
    the seed, and a run-in lead-in of the next paragraph when they are
    run-in paragraphs (the case of 药茶 二、; the punctuation also flips
    from full to half width there, the sign of a column break).
10. Paragraph joins (the conversion split paragraphs at column and page
    breaks).  RULE: a body paragraph (or ★ list item) whose text does not
    end a sentence is continued by the next body paragraph, and the two are
    joined without a space (a space only between two Latin letters/digits).
    "Ends a sentence" means: after stripping trailing closing marks
    ” ’ ） ) 》 」 』 】 and `**`, the last character is one of
    。 ！ ？ ； ： … ! ? ; :.  A paragraph that ends with ， 、 a word or a
    half word is therefore joined; a heading is never joined (except the
    run-in cases of step 9).  Every join is reported with its seed lines.
11. Paragraphs that start with ★ become list items `- ★…`; "**编者按…"
    becomes an `::: editor-note` div; "(作者系…)" becomes a `.note` span.
12. Punctuation: in Chinese context , ; : ( ) ! ? become ， ； ： （ ） ！ ？.
    Not converted: between two ASCII digits (1,000 10:30), between two
    Latin letters/digits (Latin text), inside URLs and e-mail addresses.
    No other character is changed.

The conservation of the text is verified by tools/check-jincheng-example.py.
"""

import re
import sys
from collections import OrderedDict

# ---------------------------------------------------------------------------
# Seed-specific tables
# ---------------------------------------------------------------------------

STYLE = 'jincheng-2020'

# Exact-text repairs of the seed, applied before anything else.  Each entry:
# (why, old, new); old must occur exactly once.
SEED_FIXES = [
    # The conversion doubled the 理 at the column break: the paragraph reads
    # "…加强委员履职业务管" / "理。政协组织…" in print, the seed has
    # "…管理" / "理。…".  The checker deletes the same character.
    ('duplicated 理 at a column break in (二十三)',
     '(二十三)加强委员履职业务管理\n\n理。', '(二十三)加强委员履职业务管\n\n理。'),
]

# Spaces inside seed titles that are not line breaks but conversion noise
# ("开创新时代" is one phrase, and it occurs so in the body text).
SPURIOUS_TITLE_SPACES = ['开创新 时代']

# 编委会 lines whose key is one of these are `board`, the rest `contact`.
BOARD_KEYS = ('主任', '编委', '主编', '副主编')

# The articles in seed order.  anchor: start of the first line of the
# article's first block in the seed (markup included).  Options:
#   kicker  - the first block is the kicker, the title heading follows
#   deck    - the first block of the head that has no other role (after
#             title, subtitle, byline, date) is a deck (提要)
#   part    - a contribution inside the preceding article (.part)
#   title_from_contents - the seed lost the title: take it from the contents
#   runin_sub - "(一)…" items are run-in paragraph openings, not sub-heads
ARTICLES = [
    dict(anchor='习近平主持召开企业家座谈会强调', id='xi-qiyejia', kicker=True),
    dict(anchor='习近平主持召开经济社会领域专家座谈会强调', id='xi-zhuanjia',
         kicker=True),
    # its first paragraph after the byline is a pull quote (提要): the same
    # sentences recur in the body ("…人民政协制度经历了创立探索…")
    dict(anchor='# 新时代人民政协的行动指南', id='liu-jiayi', deck=True),
    dict(anchor='# 沿着习近平总书记指引的金光大道', id='quanhui', deck=True),
    dict(anchor='# 在市委政协工作会议上的讲话', id='zhang-zhichuan'),
    dict(anchor='# 中共晋城市委 关于新时代', id='shishi-yijian', runin_sub=True),
    dict(anchor='# 关于制定《中共晋城市委', id='shuoming'),
    dict(anchor='# 高举伟大旗帜', id='fayan'),
    dict(anchor='## 加强党的领导 强化履职保障', id='fayan-hu-xiaogang', part=True),
    dict(anchor='# 主动接受政协民主监督', id='fayan-li-zhizhong', part=True),
    dict(anchor='# 加强党的领导 发挥政协专门协商机构作用', id='fayan-li-zhenggen',
         part=True),
    dict(anchor='# 发挥历史文化名镇优势', id='fayan-yuan-honghai', part=True),
    dict(anchor='## 将我市建成山西省药茶产业高地的建议', id='yaocha'),
    dict(anchor='## 多措并举重启消费回暖的建议', id='xiaofei'),
    dict(anchor='泽州县政协常委、民盟晋城市委', id='kangyang',
         title_from_contents=True),
    dict(anchor='## 工作动态', id='dongtai'),
]

# ---------------------------------------------------------------------------
# Character classes and punctuation (rules as data)
# ---------------------------------------------------------------------------

IDSP = '\u3000'                       # ideographic space: phrase separator
HALF_TO_FULL = {                      # half-width mark -> full-width mark
    ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？',
}
SENTENCE_END = set('。！？；：…!?;:')  # a paragraph ending so is complete
TRAILING_CLOSERS = set('”’）)》」』】')  # looked through when testing the end
NUMERALS = '一二三四五六七八九十'
RE_SECTION = re.compile(r'^[%s]+、' % NUMERALS)
RE_SUB = re.compile(r'^[(（][%s]+[)）]' % NUMERALS)
RE_JUMP = re.compile(r'[(（](上接|下转)(\d+)页[)）] ?')
RE_DATE = re.compile(r'^[(（]\d{4}年\d{1,2}月\d{1,2}日[)）]$')
RE_PINYIN = re.compile(r'^[A-Z]+(?: [A-Z]+)+$')
RE_BYLINE = re.compile(r'^(?:(\S.*?)\s+)?([\u4e00-\u9fff](?: ?[\u4e00-\u9fff]){1,3})$')
RE_URL = re.compile(r'<?(?:https?://|www\.)[^\s<>]+>?|[\w.+-]+@[\w-]+(?:\.[\w-]+)+')
RE_NOTE = re.compile(r'^[(（](作者|本栏目|摘自|文／|文/).*[)）]$')


def is_han(ch):
    return '\u3400' <= ch <= '\u9fff'


def is_latin(ch):
    return ch.isascii() and ch.isalnum()


def norm_punct(s):
    """Convert half-width , ; : ( ) ! ? to full width in Chinese context."""
    out = []
    pos = 0
    for m in RE_URL.finditer(s):
        out.append(_norm_run(s[pos:m.start()]))
        out.append(m.group())
        pos = m.end()
    out.append(_norm_run(s[pos:]))
    return ''.join(out)


def _norm_run(s):
    res = []
    for i, ch in enumerate(s):
        if ch in HALF_TO_FULL:
            prev = s[i - 1] if i > 0 else ''
            nxt = s[i + 1] if i + 1 < len(s) else ''
            if prev.isdigit() and nxt.isdigit() and ch in ',:':
                res.append(ch)          # 1,000  10:30
                continue
            if is_latin(prev) and is_latin(nxt):
                res.append(ch)          # Latin text
                continue
            res.append(HALF_TO_FULL[ch])
        else:
            res.append(ch)
    return ''.join(res)


def join_text(a, b):
    """Join two pieces of one paragraph (spec: no space between CJK)."""
    if a and b and is_latin(a[-1]) and is_latin(b[0]):
        return a + ' ' + b
    return a + b


def ends_sentence(t):
    t = t.rstrip()
    while t.endswith('**'):
        t = t[:-2].rstrip()
    while t and t[-1] in TRAILING_CLOSERS:
        t = t[:-1]
    return bool(t) and t[-1] in SENTENCE_END


def nospace(s):
    return re.sub(r'\s+', '', s)


# ---------------------------------------------------------------------------
# Blocks
# ---------------------------------------------------------------------------

class Block:
    """A blank-line separated block of the seed."""

    def __init__(self, lines):
        self.lines = lines                      # [(lineno, text)]
        self.line = lines[0][0]
        first = lines[0][1]
        self.raw = first
        m = re.match(r'^(#{1,6})\s+(.*)$', first)
        if m and len(lines) == 1:
            self.kind = 'heading'
            self.level = len(m.group(1))
            self.text = m.group(2).strip()
        elif len(lines) == 1 and re.match(r'^(-{3,}|\*{3,})$', first.strip()):
            self.kind = 'hr'
            self.text = ''
        else:
            self.kind = 'para'
            self.text = self.joined()
        self.src = [ln for ln, _ in lines]

    def parts(self):
        """The hard-broken lines of the block, stripped."""
        return [t.strip() for _, t in self.lines]

    def joined(self):
        text = ''
        for t in self.parts():
            text = join_text(text, t)
        return text


def blockify(lines, start, end):
    blocks, cur = [], []
    for i in range(start, end):
        text = lines[i]
        if text.strip() == '':
            if cur:
                blocks.append(Block(cur))
                cur = []
        else:
            cur.append((i + 1, text.rstrip('\n')))
    if cur:
        blocks.append(Block(cur))
    return blocks


# ---------------------------------------------------------------------------
# Front matter: cover, inside cover, contents
# ---------------------------------------------------------------------------

def phrase_text(s):
    """Normalise a one-line furniture text: punctuation, spaces -> U+3000."""
    return re.sub(r' +', IDSP, norm_punct(s.strip()))


def parse_cover(blocks):
    fm = OrderedDict()
    text = '\n'.join(b.joined() if b.kind == 'para' else b.raw for b in blocks)
    fm['publication'] = next(b.text for b in blocks if b.kind == 'heading'
                             and b.level == 1)
    fm['style'] = STYLE
    m = re.search(r'〔\s*(\d+)\s*总第\s*(\d+)\s*期\s*(\d{4})\s*〕', text)
    fm['year'], fm['issue'], fm['total'] = int(m.group(3)), int(m.group(1)), \
        int(m.group(2))
    digest, board, contact = [], [], []
    section = None
    for b in blocks:
        if b.kind == 'heading':
            section = b.text
            continue
        if b.kind != 'para':
            continue
        first = b.parts()[0]
        if section == '本期导读' and first.startswith('- '):
            item, items = None, []
            for t in b.parts():
                if t.startswith('- '):
                    item = [re.sub(r'^-\s*◆\s*', '', t)]
                    items.append(item)
                else:
                    item.append(t)
            digest += ['\n'.join(phrase_text(t) for t in it) for it in items]
        elif '内部资料' in b.text:
            fm['label'] = ' '.join(b.parts()[0].split())
        elif b.text.endswith('主办') and '：' not in b.text and ':' not in b.text:
            fm['sponsor'] = b.text
        elif section and section.endswith('编委会'):
            val = ''.join(re.sub(r'<([^<>]+)>', r'\1', t) for t in b.parts())
            m = re.match(r'^([^：:]+)[：:]\s*(.*)$', val)
            if m:
                key = nospace(m.group(1))
                target = board if key in BOARD_KEYS else contact
                names = m.group(2)
                if target is board:
                    names = re.sub(r'\s+', IDSP, names)
                target.append([key, names])
            else:                       # the 编委 name grid goes on
                board[-1][1] += IDSP + re.sub(r'\s+', IDSP, val)
    fm['sponsor'] = fm.get('sponsor')
    fm['digest'] = digest
    fm['board'] = ['%s：%s' % tuple(kv) for kv in board]
    fm['contact'] = ['%s：%s' % tuple(kv) for kv in contact]
    return fm


def parse_contents(lines, i_toc):
    """Return (entries, index of the first body line)."""
    entries, column = [], None
    i = i_toc + 1
    n = len(lines)
    last_item = None
    while i < n:
        t = lines[i].rstrip('\n')
        s = t.strip()
        if not s:
            i += 1
            continue
        if s.startswith('## '):         # CONTENTS
            i += 1
            continue
        m = re.match(r'^###\s*◎\s*(.*)$', s)
        if m:
            column = m.group(1).strip()
            i += 1
            continue
        if column is None:
            break
        if s.startswith('- ') or re.match(r'^\d+ ', s):
            s = s[2:] if s.startswith('- ') else s
            m = re.match(r'^(\d+)\s+(.*)$', s)
            last_item = dict(page=int(m.group(1)), column=column,
                             lines=[m.group(2).strip()])
            entries.append(last_item)
        elif last_item is not None and (t.startswith(' ') or s.startswith('——')
                                        or lines[i - 1].endswith('  ')):
            last_item['lines'].append(s)
        else:
            break                       # the first body line
        i += 1
    for e in entries:
        last = e['lines'][-1]
        m = re.match(r'^(.*\S)\s+((?:[\u4e00-\u9fff] [\u4e00-\u9fff])'
                     r'|[\u4e00-\u9fff]{2,3})$', last)
        if m:
            e['lines'][-1] = m.group(1)
            e['author'] = nospace(m.group(2))
        e['title'] = '\n'.join(phrase_text(x) for x in e['lines'])
    return entries, i


# ---------------------------------------------------------------------------
# Body
# ---------------------------------------------------------------------------

class Item:
    """One output block of an article body."""

    def __init__(self, kind, text, src):
        self.kind = kind            # p h3 h4 li note editor leadin
        self.text = text
        self.src = list(src)


def cut_jumps(blocks):
    """Step 5, first half: remove the jump markers; return (blocks, tails).
    A 下转 marker leaves an insertion point dict(jump=N) after its block."""
    out, tails = [], []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        m = RE_JUMP.match(b.text) if b.kind == 'para' else None
        if m and m.group(1) == '上接':
            tail = []
            j = i
            while j < len(blocks) and blocks[j].kind != 'heading':
                tail.append(blocks[j])
                j += 1
            b.text = b.text[m.end():]
            tails.append(dict(page=int(m.group(2)), blocks=tail,
                              line=b.line, before=out[-1]))
            i = j
            continue
        if b.kind == 'para':
            found = list(RE_JUMP.finditer(b.text))
            if found:
                for f in found:
                    assert f.group(1) == '下转', b.line
                b.text = RE_JUMP.sub('', b.text).rstrip()
                if b.text:
                    out.append(b)
                out.append(dict(jump=int(found[-1].group(2)), line=b.line))
                i += 1
                continue
        out.append(b)
        i += 1
    return out, tails


def is_block(x):
    return isinstance(x, Block)


def complete_spread_titles(blocks, entries):
    """Step 6: headings whose text continues elsewhere (a spread title)."""
    moved = []
    titles = [nospace(e['title'].split('\n——')[0]) for e in entries]
    for i, b in enumerate(blocks):
        if not is_block(b) or b.kind != 'heading':
            continue
        h = nospace(b.text)
        for t in titles:
            if t != h and t.startswith(h):
                rest = t[len(h):]
                for j in range(i + 1, len(blocks)):
                    c = blocks[j]
                    if is_block(c) and c.kind == 'heading' and nospace(c.text) == rest:
                        b.spread = [c]
                        nxt = blocks[j + 1]
                        if is_block(nxt) and nxt.kind == 'heading' \
                                and nxt.text.startswith('——'):
                            b.spread.append(nxt)
                        moved.append((b, b.spread))
                        break
    for b, extra in moved:
        for c in extra:
            blocks.remove(c)
    return moved


def title_lines(text, entry):
    """Step 8: the title's lines."""
    for sp in SPURIOUS_TITLE_SPACES:
        text = text.replace(sp, sp.replace(' ', ''))
    text = norm_punct(text.strip())
    breaks = None
    full = entry['title'].split('\n——')[0] if entry is not None else ''
    if '\n' in full:
        c = nospace(full.replace(IDSP, ''))
        h = nospace(text)
        if c.endswith(h):
            off = len(c) - len(h)
            breaks, n = set(), 0
            for ch in full:
                if ch == '\n':
                    breaks.add(n - off)
                elif not ch.isspace():
                    n += 1
    out, n, cur = [], 0, ''
    for ch in text:
        if ch == ' ':
            if breaks is None or n in breaks:
                out.append(cur)
                cur = ''
            else:
                cur += IDSP
            continue
        cur += ch
        n += 1
    out.append(cur)
    return [x for x in out if x]


def parse_byline(text):
    m = RE_BYLINE.match(text)
    if not m:
        return None
    return (m.group(1) or '').strip(), nospace(m.group(2))


class Article:
    def __init__(self, spec):
        self.spec = spec
        self.id = spec['id']
        self.part = spec.get('part', False)
        self.entry = None
        self.kicker = None
        self.title = []
        self.subtitle = None
        self.deck = None
        self.pinyin = None
        self.byline = None
        self.date = None
        self.editor = None
        self.blocks = []
        self.items = []
        self.toc = None
        self.order = []             # head roles in the order of the seed


def parse_head(art, blocks):
    k = 0
    spec = art.spec
    if spec.get('kicker'):
        art.kicker = norm_punct(blocks[0].text)
        k = 1
    if spec.get('title_from_contents'):
        art.title = art.entry['title'].split('\n')
    else:
        h = blocks[k]
        assert h.kind == 'heading', (art.id, h.line)
        text = h.text
        for extra in getattr(h, 'spread', []):
            if extra.text.startswith('——'):
                art.subtitle = norm_punct(extra.text)
                art.order.append('subtitle')
            else:
                text += ' ' + extra.text
        art.title = title_lines(text, art.entry)
        k += 1
    while k < len(blocks):
        b = blocks[k]
        if not is_block(b):
            break
        t = b.text
        if b.kind == 'para' and t.startswith('——') and art.subtitle is None:
            art.subtitle = norm_punct(t)
            role = 'subtitle'
        elif b.kind == 'para' and RE_PINYIN.match(t):
            art.pinyin = t
            role = 'pinyin'
        elif b.kind == 'para' and RE_DATE.match(t):
            art.date = norm_punct(t)
            role = 'date'
        elif b.kind == 'para' and len(b.lines) == 1 and art.byline is None \
                and parse_byline(t):
            art.byline = parse_byline(t)
            role = 'byline'
        elif spec.get('deck') and art.deck is None and b.kind == 'para':
            art.deck = [phrase_text(x) for x in b.parts()]
            role = 'deck'
        else:
            break
        art.order.append(role)
        k += 1
    for role in ('subtitle', 'deck', 'pinyin', 'byline', 'date'):
        if getattr(art, role) is not None and role not in art.order:
            art.order.append(role)
    return blocks[k:]


def body_items(art, blocks, log):
    """Steps 9-11 for one article."""
    heading_style = any(is_block(b) and b.kind == 'heading'
                        and RE_SECTION.match(b.text.strip('*')) for b in blocks)
    items = []
    for b in blocks:
        assert is_block(b), (art.id, b)
        if b.kind == 'hr':
            continue
        if b.kind == 'heading':
            t = b.text
            bold = t.startswith('**') and t.endswith('**') and len(t) > 4
            inner = t[2:-2] if bold else t
            inner = norm_punct(inner)
            if RE_SECTION.match(inner):
                items.append(Item('h3', inner, b.src))
                if b.level != 3 or bold:
                    log['heads'].append((b.line, b.raw, '### ' + inner))
            elif RE_SUB.match(inner):
                if art.spec.get('runin_sub'):
                    items.append(Item('p', inner, b.src))
                    log['heads'].append((b.line, b.raw, 'paragraph ' + inner))
                else:
                    items.append(Item('h4', inner, b.src))
            elif bold and ends_sentence(inner):
                items.append(Item('leadin', '**%s**' % inner, b.src))
                log['heads'].append((b.line, b.raw, 'run-in **%s**' % inner))
            else:
                raise SystemExit('%d: unexpected heading in %s: %s'
                                 % (b.line, art.id, b.raw))
            continue
        t = norm_punct(b.text)
        if t.startswith('**编者按'):
            items.append(Item('editor', t, b.src))
        elif RE_NOTE.match(t):
            items.append(Item('note', t, b.src))
        elif t.startswith('★'):
            items.append(Item('li', t, b.src))
        elif RE_SECTION.match(t) and len(t) <= 40 and t.endswith('。') \
                and t.count('。') == 1:
            if heading_style:
                items.append(Item('h3', t, b.src))
                log['heads'].append((b.line, b.text, '### ' + t))
            else:
                items.append(Item('leadin', t, b.src))
                log['heads'].append((b.line, b.text, 'run-in ' + t))
        else:
            items.append(Item('p', t, b.src))
    # joins
    out = []
    for it in items:
        prev = out[-1] if out else None
        if prev is not None and it.kind == 'p' and (
                prev.kind == 'leadin'
                or (prev.kind in ('p', 'li') and not ends_sentence(prev.text))):
            log['joins'].append((art.id, prev.src[-1], it.src[0],
                                 prev.text[-12:], it.text[:12]))
            prev.text = join_text(prev.text, it.text)
            if prev.kind == 'leadin':
                prev.kind = 'p'
            prev.src += it.src
            continue
        out.append(it)
    for it in out:
        if it.kind in ('p', 'li', 'leadin') and not ends_sentence(it.text):
            log['open'].append((art.id, it.src[-1], it.text[-20:]))
    return out


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

def yq(s):
    """A YAML scalar: plain when safe, else double-quoted."""
    if isinstance(s, int):
        return str(s)
    if (s == '' or '\n' in s or re.search(r'[:#\[\]{},"\'\\&*!|>%@`]', s)
            or s[0] in '-?' or s != s.strip()):
        return '"' + s.replace('\\', '\\\\').replace('"', '\\"') \
            .replace('\n', '\\n') + '"'
    return s


def attr_str(s):
    return s.replace('\\', '\\\\').replace('"', '\\"')


def write_title(out, lines, attrs):
    if len(lines) == 1:
        out.append('## %s {%s}' % (lines[0], attrs))
    else:
        body = [l + '\\' for l in lines[:-1]] + ['%s {%s}' % (lines[-1], attrs)]
        out.extend(body)
        out.append('-' * max(3, 2 * max(len(l) for l in lines)))
    out.append('')


def span_lines(lines, cls):
    """A head element as a bracketed span; inner lines end with a backslash
    (an intended line break)."""
    ls = list(lines)
    ls[0] = '[' + ls[0]
    ls = [l + '\\' for l in ls[:-1]] + [ls[-1] + ']{.%s}' % cls]
    return ls + ['']


def render(fm, entries, articles):
    out = ['---']
    for key in ('publication', 'style', 'year', 'issue', 'total', 'label',
                'sponsor'):
        if fm.get(key) is not None:
            out.append('%s: %s' % (key, yq(fm[key])))
    for key in ('digest', 'board', 'contact'):
        out.append('%s:' % key)
        out += ['  - %s' % yq(x) for x in fm[key]]
    out.append('contents:')
    for e in entries:
        fields = ['page: %d' % e['page'], 'column: %s' % yq(e['column']),
                  'title: %s' % yq(e['title'])]
        if e.get('author'):
            fields.append('author: %s' % yq(e['author']))
        out.append('  - {%s}' % ', '.join(fields))
    out.append('---')
    out.append('')
    column = None
    for a in articles:
        if not a.part and a.entry['column'] != column:
            column = a.entry['column']
            out.append('# %s' % column)
            out.append('')
        if a.kicker:
            out += span_lines([a.kicker], 'kicker')
        attrs = ['#' + a.id]
        if a.part:
            attrs.append('.part')
        else:
            attrs.append('page=%d' % a.entry['page'])
        if a.toc:
            attrs.append('toc="%s"' % attr_str(a.toc))
        write_title(out, a.title, ' '.join(attrs))
        for role in a.order:        # head elements, in the seed's order
            if role in ('subtitle', 'pinyin', 'date'):
                out += span_lines([getattr(a, role)], role)
            elif role == 'deck':
                out += span_lines(a.deck, 'deck')
            elif role == 'byline':
                pos, name = a.byline
                if pos:
                    out.append('[%s]{.byline position="%s"}'
                               % (name, attr_str(pos)))
                else:
                    out.append('[%s]{.byline}' % name)
                out.append('')
        notes = []
        prev_kind = None
        for it in a.items:
            if it.kind == 'note':
                notes.append(it)
                continue
            if prev_kind == 'li' and it.kind != 'li':
                out.append('')
            if it.kind == 'p':
                out += [it.text, '']
            elif it.kind == 'h3':
                out += ['### ' + it.text, '']
            elif it.kind == 'h4':
                out += ['#### ' + it.text, '']
            elif it.kind == 'li':
                out.append('- ' + it.text)
            elif it.kind == 'editor':
                out += ['::: editor-note', it.text, ':::', '']
            else:
                raise SystemExit('unhandled item %s in %s' % (it.kind, a.id))
            prev_kind = it.kind
        if prev_kind == 'li':
            out.append('')
        for it in notes:
            out += ['[%s]{.note}' % it.text, '']
    while out and out[-1] == '':
        out.pop()
    return '\n'.join(out) + '\n'


# ---------------------------------------------------------------------------

def main(argv):
    args = [a for a in argv[1:] if not a.startswith('--')]
    quiet = '--quiet' in argv
    if len(args) != 2:
        sys.stderr.write('usage: make-jincheng-example.py SEED.txt OUT.md [--quiet]\n')
        return 2
    seed, dest = args
    with open(seed, encoding='utf-8') as f:
        raw = f.read()
    for why, old, new in SEED_FIXES:
        if raw.count(old) != 1:
            raise SystemExit('seed fix does not apply (%s)' % why)
        raw = raw.replace(old, new)
    lines = raw.split('\n')
    log = dict(joins=[], heads=[], moves=[], open=[], spread=[])

    i_toc = next(i for i, l in enumerate(lines) if l.strip() == '# 目录')
    fm = parse_cover(blockify(lines, 0, i_toc))
    entries, body_start = parse_contents(lines, i_toc)

    blocks = blockify(lines, body_start, len(lines))
    # trailing furniture: the label split over the last blocks
    label_parts = fm['label'].split()
    while blocks and blocks[-1].kind == 'para' and blocks[-1].text in label_parts:
        blocks.pop()
    blocks = [b for b in blocks if b.kind != 'hr']
    blocks, tails = cut_jumps(blocks)
    for b, extra in complete_spread_titles(blocks, entries):
        log['spread'].append((b.line, b.text, [(c.line, c.text) for c in extra]))

    # step 7: cut into articles
    starts = []
    for spec in ARTICLES:
        idx = next(i for i, b in enumerate(blocks)
                   if is_block(b) and b.raw.startswith(spec['anchor']))
        starts.append(idx)
    assert starts == sorted(starts) and starts[0] == 0, starts
    articles = []
    for n, spec in enumerate(ARTICLES):
        a = Article(spec)
        a.start = starts[n]
        end = starts[n + 1] if n + 1 < len(starts) else len(blocks)
        a.blocks = blocks[starts[n]:end]
        articles.append(a)
    main_articles = [a for a in articles if not a.part]
    assert len(main_articles) == len(entries), (len(main_articles), len(entries))
    for a, e in zip(main_articles, entries):
        a.entry = e
    for n, a in enumerate(main_articles):
        nxt = main_articles[n + 1].entry['page'] if n + 1 < len(main_articles) \
            else a.entry['page'] + 99
        a.pages = range(a.entry['page'], max(a.entry['page'] + 1, nxt))
    # which article range (in the seed) holds a block index
    owner = {}
    cur = None
    for a in articles:
        if not a.part:
            cur = a
        for b in a.blocks:
            owner[id(b)] = cur

    # step 5: put the jump tails back
    for t in tails:
        host = [a for a in main_articles if t['page'] in a.pages]
        assert len(host) == 1, t
        host = host[0]
        slot = [i for i, b in enumerate(host.blocks) if not is_block(b)]
        if not slot:                    # a part may hold the marker
            raise SystemExit('no 下转 marker for tail at line %d' % t['line'])
        jump = host.blocks[slot[0]]['jump']
        # the tail must sit after the article that holds page `jump`
        placed = owner[id(t['before'])]
        assert jump in placed.pages, (t, jump, placed.id)
        host.blocks[slot[0]:slot[0] + 1] = t['blocks']
        log['moves'].append((t['line'], t['blocks'][-1].lines[-1][0], t['page'],
                             host.id, host.blocks[slot[0] - 1].src[-1]
                             if slot[0] else None, jump))
    for a in articles:
        assert all(is_block(b) for b in a.blocks), 'unresolved 下转 in ' + a.id

    # steps 7-11 per article
    for a in articles:
        rest = parse_head(a, a.blocks)
        a.items = body_items(a, rest, log)
        if a.entry is not None:
            ctitle = nospace(a.entry['title'].split('\n——')[0])
            if ctitle != nospace(''.join(a.title)):
                a.toc = a.entry['title'].split('\n——')[0].replace('\n', IDSP)
                joined = nospace(''.join(a.title) + ''.join(a.deck or []))
                assert ctitle.replace('习近平：', '') in joined, (a.id, ctitle)

    text = render(fm, entries, articles)
    with open(dest, 'w', encoding='utf-8') as f:
        f.write(text)

    if not quiet:
        n_main = len(main_articles)
        n_parts = len(articles) - n_main
        w = sys.stderr.write
        w('articles: %d (plus %d parts)\n' % (n_main, n_parts))
        w('jump tails moved: %d\n' % len(log['moves']))
        for ln, last, page, host, after, jump in log['moves']:
            w('  seed lines %d-%d (上接%d页) -> end of %s, after seed line %s'
              ' (下转%d页)\n' % (ln, last, page, host, after, jump))
        for ln, text, extra in log['spread']:
            w('  spread title: line %d "%s" completed by %s\n'
              % (ln, text, ', '.join('%d "%s"' % e for e in extra)))
        w('headings re-roled: %d\n' % len(log['heads']))
        for ln, old, new in log['heads']:
            w('  %d: %s -> %s\n' % (ln, old, new))
        w('paragraph joins: %d\n' % len(log['joins']))
        for aid, a_ln, b_ln, a_t, b_t in log['joins']:
            w('  %-18s %3d+%3d  …%s | %s…\n' % (aid, a_ln, b_ln, a_t, b_t))
        if log['open']:
            w('paragraphs still open at the end: %d\n' % len(log['open']))
            for aid, ln, t in log['open']:
                w('  %s %d: …%s\n' % (aid, ln, t))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
