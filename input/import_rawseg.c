/* import_rawseg.c: raw extractions, second half: display lines, text
 * units and their reading order, articles and their heads.
 *
 * A page's lines are cut into units: runs of display lines (titles,
 * heads, bylines, …) and runs of text lines that flow. A text unit
 * remembers whether its first line continues a paragraph (a full line
 * cannot start one: the first line of a paragraph is indented) and
 * whether its last paragraph is unfinished. An unfinished unit followed
 * by anything but a continuation had its continuation moved elsewhere by
 * the extraction: the nearest later continuation on the same or the next
 * pages is brought back. Articles are then cut at end marks ■ and title
 * blocks, wherever the extraction put them. */
#include <stdlib.h>
#include <string.h>

#include "imp.h"

/* How many pages ahead the continuation of an unfinished paragraph is
 * looked for (the extraction moves text within a page or to the next). */
#define ORDER_WINDOW 2

typedef struct unit {
    int display;
    size_t a, b; /* its lines [a, b) of r->l; tab lines are skipped */
    int cont;    /* text: its first line continues a paragraph */
    int open;    /* text: 1 its last paragraph goes on, 2 it may */
    int used;
} unit;

typedef enum item_kind {
    IT_PLAIN, IT_NUM, IT_HEADNUM, IT_BOX, IT_NAME, IT_SUB, IT_DATE, IT_WIDE
} item_kind;

typedef struct item {
    item_kind kind;
    size_t lines[8];
    int n;
} item;

typedef struct seg {
    imp_raw *r;
    imp_ctx *c;
    unsigned char *pstart; /* per line: starts a paragraph */
    unit *u;
    size_t nu, capu;
    size_t *order;
    size_t norder;
    /* article building */
    imp_art *art;
    int ended, titled, in_box;
    imp_block *para, *open_head;
    int last_open; /* open state of the text unit placed last */
    int last_text_art; /* the paragraph belongs to the current article */
} seg;

/* Notes after an article's text: speaker, author, source. */
static const char *const note_starts[] = {
    "（发言人", "（作者", "（摘自", "（本栏目", "（本文", "（文/", "（文／",
    "（来源", "（转自", "（记者", "（整理", "（供稿", "（图/", "（图文",
    "发言人：", "（通讯员",
};

/* Endings of an organisation's name in a byline. */
static const char *const org_ends[] = {
    "政协", "杂志社", "报社", "委员会", "办公室", "党组", "支部", "研究会",
    "编辑部", "研究室", "协会", "学会",
};

static int starts_with(const char *s, const char *p)
{
    return strncmp(s, p, strlen(p)) == 0;
}

static int ends_with(const char *s, const char *p)
{
    size_t a = strlen(s), b = strlen(p);
    return a >= b && !memcmp(s + a - b, p, b);
}

static int note_start(const char *t)
{
    for (size_t i = 0; i < sizeof note_starts / sizeof *note_starts; i++)
        if (starts_with(t, note_starts[i]))
            return 1;
    return 0;
}

/* Does a line end a sentence, looking through closing quotes and
 * brackets? A whole bracketed line (a note, an occasion) ends too. */
int imp_raw_ends(const char *t)
{
    static const uint32_t closers[] = {0x201D, 0x2019, 0xFF09, ')', 0x300B,
                                       0x300D, 0x300F, 0x3011};
    size_t len = strlen(t);
    uint32_t first = imp_first_cp(t);
    while (len) {
        size_t k = len - 1;
        while (k && ((unsigned char)t[k] & 0xC0) == 0x80)
            k--;
        uint32_t cp;
        u8_decode(t + k, len - k, &cp);
        int closer = 0;
        for (size_t i = 0; i < sizeof closers / sizeof *closers; i++)
            closer |= cp == closers[i];
        if (!closer)
            return imp_is_closing(cp);
        if ((cp == 0xFF09 && (first == 0xFF08 || !strstr(t, "（"))) ||
            (cp == 0x3011 && first == 0x3010))
            return 1; /* a whole bracketed line, or the end of one */
        len = k;
    }
    return 0;
}

/* 一 … 二十五: excerpt numbering on a line of its own */
static int numerals_only(const char *t)
{
    size_t len = strlen(t), n = 0;
    static const char digits[] = "一二三四五六七八九十";
    while (len) {
        if (len < 3 || !memmem(digits, sizeof digits - 1, t, 3))
            return 0;
        t += 3, len -= 3, n++;
    }
    return n >= 1 && n <= 3;
}

static int is_org(const char *t)
{
    size_t n = u8_count(t, strlen(t));
    if (n < 3 || n > 12 || imp_raw_ends(t))
        return 0;
    for (size_t i = 0; i < sizeof org_ends / sizeof *org_ends; i++)
        if (ends_with(t, org_ends[i]))
            return 1;
    return 0;
}

/* A byline: a name of 2–4 Han (a padded "刘　伟" too) or an organisation. */
static int name_like(const char *t)
{
    return imp_is_name(t) || is_org(t);
}

/* （2020年7月14日） */
static int date_line(const char *t)
{
    return starts_with(t, "（") && ends_with(t, "）") && strstr(t, "年") &&
           strstr(t, "日") && u8_count(t, strlen(t)) <= 16;
}

static const imp_rline *L(const seg *s, size_t i)
{
    return &s->r->l[i];
}

/* Previous / next non-tab line on the same page; (size_t)-1 when none. */
static size_t prev_on_page(const seg *s, size_t i)
{
    if (L(s, i)->lead)
        return (size_t)-1;
    for (size_t j = i; j-- > 0;) {
        if (L(s, j)->tab)
            continue;
        return L(s, j)->pg == L(s, i)->pg ? j : (size_t)-1;
    }
    return (size_t)-1;
}

static size_t next_on_page(const seg *s, size_t i)
{
    for (size_t j = i + 1; j < s->r->n; j++) {
        if (L(s, j)->tab)
            continue;
        return L(s, j)->pg == L(s, i)->pg && !L(s, j)->lead ? j : (size_t)-1;
    }
    return (size_t)-1;
}

#define NONE ((size_t)-1)

/* Adjacent lines (no blank line between) print one display block. */
static int grouped(const seg *s, size_t a, size_t b)
{
    return a != NONE && b != NONE && b == a + 1 && L(s, b)->adj &&
           !L(s, b)->lead;
}

static int closed_before(const seg *s, size_t p)
{
    if (p == NONE)
        return 1;
    const imp_rline *l = L(s, p);
    return l->display || (l->cls != RL_FULL && !s->pstart[p]) ||
           imp_raw_ends(l->text);
}

/* Is the next line q one of a display block? */
static int display_like(const seg *s, size_t q)
{
    if (q == NONE)
        return 1;
    const imp_rline *l = L(s, q);
    return !imp_raw_ends(l->text) &&
           (l->cls != RL_FULL || name_like(l->text) || l->display);
}

/* An opening bracket not closed on its line: a bracketed text (an
 * occasion, a note) set over two lines. */
static int open_bracket(const char *t)
{
    return starts_with(t, "（") && !strstr(t, "）");
}

/* A display line: a body line that is not full always ends a sentence
 * (the last line of a paragraph), so a short line that ends none is a
 * title, head, byline or the like. */
static int is_display(const seg *s, size_t i)
{
    const imp_rline *l = L(s, i);
    const char *t = l->text;
    size_t p = prev_on_page(s, i), q = next_on_page(s, i);
    if (!*t || note_start(t))
        return 0;
    if (numerals_only(t) || (starts_with(t, "【") && ends_with(t, "】")) ||
        date_line(t))
        return 1;
    int ends = imp_raw_ends(t) || l->jump;
    if (l->cls == RL_WIDE)
        return !ends;
    if (ends || open_bracket(t))
        return 0;
    if (grouped(s, i, q))
        return 1;
    if (l->seps && q != NONE && name_like(L(s, q)->text))
        return 1; /* a title with a phrase separator over its byline */
    switch (l->cls) {
    case RL_SHORT:
        return 1;
    case RL_FIRST:
        if (name_like(t) || starts_with(t, "——"))
            return 1;
        if (grouped(s, p, i)) /* the last line of a display block */
            return q == NONE || L(s, q)->cls != RL_FULL;
        /* an indented line followed by a full one, or by the last line
         * of its paragraph, starts a paragraph */
        return q != NONE && L(s, q)->cls != RL_FULL &&
               !imp_raw_ends(L(s, q)->text);
    default:
        if (grouped(s, p, i))
            return q != NONE && display_like(s, q);
        /* a full line between a finished paragraph and a display line */
        return closed_before(s, p) &&
               (starts_with(t, "——") ||
                (q != NONE && L(s, q)->cls != RL_FULL && display_like(s, q)));
    }
}

/* A title block the extraction put at the foot of a page, under the
 * text: a byline last, and above it lines that end no sentence. */
static void page_foot_titles(seg *s)
{
    imp_raw *r = s->r;
    for (size_t i = 0; i < r->n; i++) {
        if (r->l[i].tab || next_on_page(s, i) != NONE)
            continue;
        if (!name_like(r->l[i].text) || imp_raw_ends(r->l[i].text))
            continue;
        r->l[i].display = 1;
        for (size_t p = prev_on_page(s, i); p != NONE; p = prev_on_page(s, p)) {
            imp_rline *l = &r->l[p];
            if (imp_raw_ends(l->text) || l->display ||
                (l->cls == RL_FULL && !starts_with(l->text, "——")) ||
                (l->cls == RL_FIRST && !grouped(s, p, next_on_page(s, p))))
                break;
            l->display = 1;
        }
    }
}

/* ---- units ---- */

static unit *new_unit(seg *s, int display, size_t a)
{
    unit *u = AR_PUSH(s->c->ar, s->u, s->nu, s->capu);
    if (u) {
        u->display = display;
        u->a = a;
        u->b = a + 1;
    }
    return u;
}

/* Does text line i (whose predecessor on the page is p, the last line of
 * the current unit) go on with p's paragraph (0), start a new paragraph
 * in the same flow (1), start one after an unfinished p (2: a break), or
 * continue some paragraph other than p's (3: a break)? */
static int relation(const seg *s, size_t first, size_t p, size_t i)
{
    const imp_rline *lp = L(s, p), *li = L(s, i);
    size_t q = next_on_page(s, i);
    int p_full = lp->cls == RL_FULL || (s->pstart[p] && lp->cls == RL_FIRST);
    int p_end = imp_raw_ends(lp->text) || lp->jump == 1;
    if (note_start(L(s, first)->text) && ends_with(lp->text, "）"))
        return li->cls == RL_FULL && !note_start(li->text) ? 3 : 1;
    /* after an unfinished line only a clearly indented line starts a
     * paragraph: a line a character short may be a full one whose
     * spacing the extraction lost */
    int starts = note_start(li->text) || li->jump == 2 ||
                 (li->cls == RL_FIRST && q != NONE && L(s, q)->cls == RL_FULL &&
                  !L(s, q)->display &&
                  (li->w <= li->m - 1.5 || imp_headnum(li->text)));
    if (p_full && !p_end)
        return starts ? 2 : 0;
    if (p_full)
        return li->cls == RL_FIRST || note_start(li->text) ? 1 : 0;
    if (lp->cls == RL_SHORT && !p_end && li->cls == RL_SHORT)
        return 0; /* a ragged block: occasion, note over two lines */
    if (li->cls == RL_FULL && !note_start(li->text))
        return 3;
    return 1;
}

static int starts_cont(const seg *s, size_t i)
{
    const imp_rline *l = L(s, i);
    size_t q = next_on_page(s, i);
    if (note_start(l->text) || imp_headnum(l->text) == 3)
        return 0;
    if (l->cls == RL_FULL || l->jump == 2)
        return 1;
    if (l->cls == RL_FIRST)
        return !(q != NONE && L(s, q)->cls == RL_FULL);
    return 1;
}

static int unit_open(const seg *s, const unit *u)
{
    size_t last = u->b - 1;
    while (last > u->a && L(s, last)->tab)
        last--;
    const imp_rline *l = L(s, last);
    size_t first = last;
    while (first > u->a && !s->pstart[first])
        first--;
    if (l->jump == 1)
        return 1;
    if (l->cls != RL_FULL && !(s->pstart[last] && l->cls == RL_FIRST))
        return 0;
    if (note_start(L(s, first)->text) && ends_with(l->text, "）"))
        return 0; /* a note is over at its closing bracket */
    return imp_raw_ends(l->text) ? 2 : 1;
}

static int build_units(seg *s)
{
    imp_raw *r = s->r;
    unit *cur = NULL;
    int pg = -1;
    size_t first = 0; /* first line of the current paragraph */
    for (size_t i = 0; i < r->n; i++) {
        imp_rline *l = &r->l[i];
        if (l->tab)
            continue;
        if (l->pg != pg || l->lead) {
            if (cur && !cur->display)
                cur->open = unit_open(s, cur);
            cur = NULL;
            pg = l->pg;
        }
        l->display = l->display || is_display(s, i);
        if (l->display) {
            if (cur && !cur->display)
                cur->open = unit_open(s, cur);
            if (!cur || !cur->display)
                cur = new_unit(s, 1, i);
            if (!cur)
                return -1;
            cur->b = i + 1;
            continue;
        }
        int rel = cur && !cur->display ? relation(s, first, cur->b - 1, i) : -1;
        if (rel == 0 || rel == 1) {
            s->pstart[i] = (unsigned char)rel;
            if (rel)
                first = i;
            cur->b = i + 1;
            continue;
        }
        first = i;
        if (cur && !cur->display)
            cur->open = unit_open(s, cur);
        if (!(cur = new_unit(s, 0, i)))
            return -1;
        cur->cont = rel == 3 || (rel == -1 && starts_cont(s, i));
        s->pstart[i] = !cur->cont;
    }
    if (cur && !cur->display)
        cur->open = unit_open(s, cur);
    return 0;
}

/* ---- reading order ---- */

static void place(seg *s, size_t k)
{
    s->u[k].used = 1;
    s->order[s->norder++] = k;
}

static size_t find_cont(const seg *s, size_t from)
{
    const unit *f = &s->u[from];
    int pg = L(s, f->a)->pg;
    int down = L(s, f->b - 1)->jump == 1;
    for (size_t k = from + 1; k < s->nu; k++) {
        const unit *u = &s->u[k];
        if (!down && L(s, u->a)->pg > pg + ORDER_WINDOW)
            break;
        if (!u->used && !u->display && u->cont &&
            (!down || L(s, u->a)->jump == 2))
            return k;
    }
    return NONE;
}

static void order_units(seg *s)
{
    for (size_t i = 0; i < s->nu; i++) {
        if (s->u[i].used)
            continue;
        place(s, i);
        size_t cur = i;
        while (!s->u[cur].display && s->u[cur].open == 1) {
            size_t nxt = cur + 1;
            while (nxt < s->nu && s->u[nxt].used)
                nxt++;
            if (nxt < s->nu && !s->u[nxt].display && s->u[nxt].cont) {
                place(s, nxt);
                cur = nxt;
                continue;
            }
            size_t k = find_cont(s, cur);
            const imp_rline *a = L(s, s->u[cur].b - 1);
            if (k == NONE) {
                imp_warn(s->c, a->line, a->col0, "paragraph ends unfinished "
                         "(«…%s»); its continuation was not found",
                         a->text + (strlen(a->text) > 12 ? strlen(a->text) - 12
                                                         : 0));
                break;
            }
            const imp_rline *b = L(s, s->u[k].a);
            imp_note(s->c, IMP_R_ORDER, b->line, b->col0, 1, "lines %d–%d "
                     "moved after line %d, whose paragraph they continue",
                     b->line, L(s, s->u[k].b - 1)->line, a->line);
            place(s, k);
            cur = k;
        }
    }
}

/* ---- an article's tail printed after the next article's start ---- */

static int has_plain(const seg *s, const item *it, size_t n)
{
    (void)s;
    for (size_t k = 0; k < n; k++)
        if (it[k].kind == IT_PLAIN || it[k].kind == IT_WIDE)
            return 1;
    return 0;
}

static size_t items_of(const seg *s, const unit *u, item *it, size_t max);
static int title_evidence(const seg *s, const unit *u, const item *it,
                          size_t n);

static int is_title_unit(const seg *s, size_t k)
{
    item it[64];
    const unit *u = &s->u[k];
    if (!u->display)
        return 0;
    size_t n = items_of(s, u, it, 64);
    return has_plain(s, it, n) && title_evidence(s, u, it, n);
}

static int has_end(const seg *s, size_t k)
{
    for (size_t i = s->u[k].a; i < s->u[k].b; i++)
        if (!L(s, i)->tab && ends_with(L(s, i)->text, "■"))
            return 1;
    return 0;
}

static int upage(const seg *s, size_t k)
{
    return L(s, s->u[k].a)->pg;
}

/* The start of the next article's text before title unit order[t] on its
 * page, when the current article is still going: NONE if none. */
static size_t fresh_start(const seg *s, size_t t)
{
    int p = upage(s, s->order[t]);
    size_t k = t;
    while (k > 0) {
        size_t v = s->order[k - 1];
        /* a continuation pulled from the next page is the new article's */
        int pulled = upage(s, v) > p && s->u[v].cont && !s->u[v].display;
        if (!pulled && (has_end(s, v) || is_title_unit(s, v) ||
                        upage(s, v) != p))
            break;
        k--;
    }
    if (k == 0 || has_end(s, s->order[k - 1]))
        return NONE; /* the article before has ended: nothing to pull */
    for (size_t m = k; m < t; m++) {
        const unit *u = &s->u[s->order[m]];
        const unit *before = &s->u[s->order[m - 1]];
        if (upage(s, s->order[m]) == p && (u->display || !u->cont) &&
            (before->display || !before->open ||
             upage(s, s->order[m - 1]) < p))
            return m;
    }
    return NONE;
}

static void pull_tails(seg *s)
{
    size_t *tmp = malloc((s->norder + 1) * sizeof *tmp);
    if (!tmp)
        return;
    for (size_t t = 1; t < s->norder; t++) {
        if (!is_title_unit(s, s->order[t]))
            continue;
        size_t j = fresh_start(s, t), e = t + 1, end = NONE;
        if (j == NONE)
            continue;
        int p = upage(s, s->order[t]);
        for (; e < s->norder && upage(s, s->order[e]) <= p &&
               !is_title_unit(s, s->order[e]); e++)
            if (has_end(s, s->order[e])) {
                end = e;
                break;
            }
        if (end == NONE)
            continue;
        while (end + 1 < s->norder && !s->u[s->order[end + 1]].display &&
               note_start(L(s, s->u[s->order[end + 1]].a)->text))
            end++;
        /* order[t+1..end] moves before order[j] */
        size_t n = end - t;
        memcpy(tmp, &s->order[t + 1], n * sizeof *tmp);
        memmove(&s->order[j + n], &s->order[j], (t + 1 - j) * sizeof *tmp);
        memcpy(&s->order[j], tmp, n * sizeof *tmp);
        const imp_rline *a = L(s, s->u[tmp[0]].a);
        const imp_rline *z = L(s, s->u[tmp[n - 1]].b - 1);
        imp_note(s->c, IMP_R_ORDER, a->line, a->col0, 1, "lines %d–%d, the "
                 "end of an article printed after the next one's start, "
                 "moved before line %d", a->line, z->line,
                 L(s, s->u[s->order[j + n]].a)->line);
        t = end;
    }
    free(tmp);
}

/* ---- articles ---- */

static int page_of(const seg *s, size_t i)
{
    return s->c->doc.pages[L(s, i)->pg].page;
}

static imp_art *start_article(seg *s, size_t line)
{
    imp_art *a = imp_new_art(s->c, L(s, line)->line);
    if (!a)
        return NULL;
    a->page = page_of(s, line);
    a->column = s->c->doc.pages[L(s, line)->pg].column;
    s->art = a;
    s->ended = s->titled = s->in_box = 0;
    s->para = s->open_head = NULL;
    return a;
}

static void add_line(seg *s, imp_block *b, size_t i)
{
    const imp_rline *l = L(s, i);
    const char *t = l->text;
    if (b->nlines) {
        /* two Latin words across a line break keep their space */
        imp_pline *p = &b->lines[b->nlines - 1];
        uint32_t a = imp_last_cp(p->text), z = imp_first_cp(t);
        if (a < 0x80 && z < 0x80 && ((a | 0x20) >= 'a' && (a | 0x20) <= 'z') &&
            ((z | 0x20) >= 'a' && (z | 0x20) <= 'z')) {
            p->text = ar_printf(s->c->ar, "%s ", p->text);
            b->text = ar_printf(s->c->ar, "%s ", b->text);
        }
    }
    imp_block_add(s->c, b, t, page_of(s, i), l->line);
}

static imp_block *new_block(seg *s, imp_bkind k, size_t i)
{
    if (!s->art)
        start_article(s, i);
    return s->art ? imp_new_block(s->c, s->art, k, L(s, i)->line) : NULL;
}

static void text_line(seg *s, const unit *u, size_t i)
{
    const imp_rline *l = L(s, i);
    int join = s->para && (i == u->a ? u->cont && s->last_open && s->last_text_art
                                     : !s->pstart[i]);
    if (!join) {
        int note = note_start(l->text);
        if (!s->art || (s->ended && !note))
            start_article(s, i);
        s->para = new_block(s, note ? IB_NOTE : IB_PARA, i);
        s->open_head = NULL;
        s->in_box = 0;
        s->last_text_art = 1;
    } else if (i == u->a) {
        imp_note(s->c, IMP_R_JOIN, l->line, l->col0, 1, "paragraph goes on "
                 "from line %d", s->para->lines[s->para->nlines - 1].line);
    }
    if (!s->para)
        return;
    add_line(s, s->para, i);
    if (ends_with(l->text, "■"))
        s->ended = 1;
}

static void text_unit(seg *s, const unit *u)
{
    for (size_t i = u->a; i < u->b; i++)
        if (!L(s, i)->tab)
            text_line(s, u, i);
    s->last_open = u->open;
}

/* ---- display units ---- */

static item_kind item_of(const seg *s, size_t i)
{
    const imp_rline *l = L(s, i);
    const char *t = l->text;
    if (numerals_only(t))
        return IT_NUM;
    if (starts_with(t, "【"))
        return IT_BOX;
    if (date_line(t))
        return IT_DATE;
    if (starts_with(t, "——"))
        return IT_SUB;
    if (imp_headnum(t) == 1 || imp_headnum(t) == 2)
        return IT_HEADNUM;
    if (name_like(t))
        return IT_NAME;
    return l->cls == RL_WIDE ? IT_WIDE : IT_PLAIN;
}

/* A line much wider than the first line of its display block, and wider
 * than a column, is a deck under the title rather than a title line. */
static int deck_line(const seg *s, const item *it, size_t i)
{
    const imp_rline *a = L(s, it->lines[0]), *l = L(s, i);
    return l->w >= s->r->M && l->w > 1.4 * a->w;
}

static size_t items_of(const seg *s, const unit *u, item *it, size_t max)
{
    size_t n = 0;
    for (size_t i = u->a; i < u->b; i++) {
        if (L(s, i)->tab)
            continue;
        item_kind k = item_of(s, i);
        size_t prev = n ? it[n - 1].lines[it[n - 1].n - 1] : NONE;
        if (n && k == IT_PLAIN && it[n - 1].kind == IT_PLAIN &&
            grouped(s, prev, i) && deck_line(s, &it[n - 1], i))
            k = IT_WIDE;
        /* a group goes on unless a line of another kind starts */
        if (n && grouped(s, prev, i) && it[n - 1].n < 8 &&
            (k == IT_PLAIN || k == it[n - 1].kind) && it[n - 1].kind != IT_NAME &&
            it[n - 1].kind != IT_NUM && it[n - 1].kind != IT_WIDE) {
            it[n - 1].lines[it[n - 1].n++] = i;
            continue;
        }
        if (n == max)
            break;
        it[n].kind = k;
        it[n].lines[0] = i;
        it[n].n = 1;
        n++;
    }
    return n;
}

static int unit_at_page_end(const seg *s, const unit *u)
{
    size_t j = u->b;
    while (j < s->r->n && L(s, j)->tab)
        j++;
    return j >= s->r->n || L(s, j)->lead || L(s, j)->pg != L(s, u->a)->pg;
}

static int title_evidence(const seg *s, const unit *u, const item *it, size_t n)
{
    int plain = 0;
    for (size_t k = 0; k < n; k++) {
        plain |= it[k].kind == IT_PLAIN;
        if (it[k].kind == IT_NAME || it[k].kind == IT_SUB || it[k].kind == IT_WIDE)
            return 1;
        if (it[k].kind == IT_PLAIN && L(s, it[k].lines[0])->seps)
            return 1;
        if (it[k].kind == IT_PLAIN && it[k].n > 1 && unit_at_page_end(s, u))
            return 1;
    }
    (void)plain;
    return 0;
}

static const char *item_text(seg *s, const item *it, const char *sep)
{
    const char *t = "";
    for (int k = 0; k < it->n; k++)
        t = ar_printf(s->c->ar, "%s%s%s", t, k ? sep : "",
                      L(s, it->lines[k])->text);
    return t;
}

static void push_lines(seg *s, imp_lines *dst, const item *it)
{
    for (int k = 0; k < it->n; k++)
        imp_push_line(s->c, dst, L(s, it->lines[k])->text);
}

static void head_block(seg *s, const item *it)
{
    const char *t = L(s, it->lines[0])->text;
    imp_bkind k = it->kind == IT_NUM ? IB_NUMBER
                  : imp_headnum(t) == 2 ? IB_SUBHEAD
                                        : IB_HEAD;
    imp_block *b = new_block(s, k, it->lines[0]);
    if (!b)
        return;
    for (int j = 0; j < it->n; j++)
        add_line(s, b, it->lines[j]);
    const imp_rline *last = L(s, it->lines[it->n - 1]);
    /* a head as wide as an indented line may go on after a page break */
    s->open_head = last->w >= last->m - 2.25 && !imp_raw_ends(last->text) &&
                           it->kind == IT_HEADNUM
                       ? b
                       : NULL;
    s->para = NULL;
}

static void byline(seg *s, const item *it)
{
    imp_byline *b = AR_PUSH(s->c->ar, s->art->bylines, s->art->nbylines,
                            s->art->capbylines);
    if (b) {
        b->name = imp_nospace(s->c->ar, item_text(s, it, ""));
        imp_note(s->c, IMP_R_ROLE, L(s, it->lines[0])->line, 1, 1,
                 "byline «%s»", b->name);
    }
}

/* The title block's items: the main title (the first multi-line plain
 * item, else the first plain one), kicker before it, deck after it,
 * subtitle, bylines, date. */
static void title_items(seg *s, item *it, size_t n)
{
    imp_art *a = s->art;
    size_t main = NONE;
    for (size_t k = 0; k < n && main == NONE; k++)
        if (it[k].kind == IT_PLAIN && it[k].n > 1)
            main = k;
    for (size_t k = 0; k < n && main == NONE; k++)
        if (it[k].kind == IT_PLAIN)
            main = k;
    for (size_t k = 0; k < n; k++) {
        switch (it[k].kind) {
        case IT_PLAIN:
        case IT_WIDE:
            if (k == main)
                push_lines(s, &a->title, &it[k]);
            else if (main == NONE && !a->title.n)
                push_lines(s, &a->title, &it[k]);
            else
                push_lines(s, k < main ? &a->kicker : &a->deck, &it[k]);
            break;
        case IT_SUB:
            push_lines(s, &a->subtitle, &it[k]);
            break;
        case IT_NAME:
            byline(s, &it[k]);
            break;
        case IT_DATE:
            push_lines(s, &a->date, &it[k]);
            break;
        default:
            head_block(s, &it[k]);
        }
    }
    int p = page_of(s, it[0].lines[0]);
    if (!a->page || p < a->page)
        a->page = p;
    if (!a->column)
        a->column = s->c->doc.pages[L(s, it[0].lines[0])->pg].column;
}

static void title_unit(seg *s, const unit *u, item *it, size_t n)
{
    const imp_rline *first = L(s, u->a);
    if (!s->art || s->ended || s->titled) {
        start_article(s, u->a);
    } else if (s->art->nblocks) {
        imp_note(s->c, IMP_R_TITLE, first->line, first->col0, 1, "title "
                 "block moved before the article's text (which starts at "
                 "line %d)", s->art->blocks[0].line);
    }
    if (!s->art)
        return;
    s->titled = 1;
    title_items(s, it, n);
    s->para = NULL;
}

static void box_item(seg *s, const item *it)
{
    imp_block *b = new_block(s, IB_BOX, it->lines[0]);
    if (!b)
        return;
    for (int j = 0; j < it->n; j++)
        add_line(s, b, it->lines[j]);
    s->in_box = 1;
}

static void body_items(seg *s, item *it, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const imp_rline *l = L(s, it[k].lines[0]);
        if (it[k].kind == IT_BOX || s->in_box) {
            box_item(s, &it[k]);
            continue;
        }
        if (s->open_head && it[k].kind == IT_PLAIN && it[k].n == 1 &&
            l->cls == RL_SHORT) {
            imp_note(s->c, IMP_R_JOIN, l->line, l->col0, 1, "head goes on "
                     "from line %d", s->open_head->lines[0].line);
            add_line(s, s->open_head, it[k].lines[0]);
            s->open_head = NULL;
            continue;
        }
        if (it[k].kind == IT_NAME && s->art && !s->art->nblocks) {
            byline(s, &it[k]);
            continue;
        }
        if (it[k].kind == IT_PLAIN || it[k].kind == IT_WIDE)
            imp_note(s->c, IMP_R_ROLE, l->line, l->col0, 1, "display line "
                     "set as a head: «%s»", l->text);
        head_block(s, &it[k]);
    }
}

/* The speaker or author a note names: （发言人刘伟系…） → 刘伟 */
static const char *note_name(seg *s, const imp_art *a)
{
    static const char *const keys[] = {"（发言人", "（作者", "发言人："};
    for (size_t k = 0; k < a->nblocks; k++) {
        const char *t = a->blocks[k].text;
        if (a->blocks[k].kind != IB_NOTE)
            continue;
        for (size_t j = 0; j < 3; j++) {
            if (!starts_with(t, keys[j]))
                continue;
            const char *n = t + strlen(keys[j]);
            const char *e = strstr(n, "系");
            if (e && u8_count(n, (size_t)(e - n)) >= 2 &&
                u8_count(n, (size_t)(e - n)) <= 4)
                return ar_strndup(s->c->ar, n, (size_t)(e - n));
        }
    }
    return NULL;
}

static int last_page(const imp_art *a)
{
    for (size_t k = a->nblocks; k-- > 0;)
        if (a->blocks[k].nlines)
            return a->blocks[k].lines[a->blocks[k].nlines - 1].page;
    return 0;
}

static int first_page(const imp_art *a)
{
    for (size_t k = 0; k < a->nblocks; k++)
        if (a->blocks[k].nlines)
            return a->blocks[k].lines[0].page;
    return 0;
}

/* Could title block it (on page p) be article a's? Untitled (or titled
 * by a lone line that may be its kicker), with text on page p, and no
 * speaker note naming someone else than the block's byline. */
static int title_fits(seg *s, const imp_art *a, const item *it, size_t n)
{
    if ((a->title.n && !a->weak) || !a->nblocks)
        return 0;
    const char *spk = note_name(s, a), *name = NULL;
    for (size_t k = 0; k < n && !name; k++)
        if (it[k].kind == IT_NAME)
            name = imp_nospace(s->c->ar, item_text(s, &it[k], ""));
    if (spk && name)
        return !strcmp(spk, name);
    int p = page_of(s, it[0].lines[0]);
    return p >= first_page(a) && p <= last_page(a);
}

/* Titles come out after the text of an article's first page, so a title
 * block ordered after the end of an untitled article is that article's,
 * or the one's before when that is untitled too. Returns the article's
 * index, or -1. */
static long late_title_owner(seg *s, const item *it, size_t n)
{
    imp_doc *d = &s->c->doc;
    if (!s->art || !d->narts || (s->titled && !s->art->weak && !s->ended))
        return -1;
    size_t cur = d->narts - 1;
    if (title_fits(s, &d->arts[cur], it, n))
        return (long)cur;
    if (cur > 0 && !d->arts[cur].title.n &&
        title_fits(s, &d->arts[cur - 1], it, n))
        return (long)cur - 1;
    return -1;
}

static void late_title(seg *s, const unit *u, item *it, size_t n, size_t k)
{
    imp_art *keep = s->art, *a = &s->c->doc.arts[k];
    const imp_rline *first = L(s, u->a);
    int strong = title_evidence(s, u, it, n) || n > 1 || it[0].n > 1;
    if (a->weak && a->title.n && !strong) {
        /* a second lone line: the kicker above the title */
        if (!a->kicker.n)
            push_lines(s, &a->kicker, &it[0]);
        else
            head_block(s, &it[0]);
        imp_note(s->c, IMP_R_ROLE, first->line, first->col0, 1, "lone "
                 "display line taken for the kicker of «%s»", a->title.v[0]);
        return;
    }
    if (a->weak && a->title.n) {
        /* the lone line taken for its title is the kicker above it */
        for (size_t i = 0; i < a->title.n; i++)
            imp_push_line(s->c, &a->kicker, a->title.v[i]);
        a->title.n = 0;
        imp_note(s->c, IMP_R_ROLE, a->line, 1, 1, "the line first taken for "
                 "the title is the kicker of «%s»", L(s, it[0].lines[0])->text);
    }
    a->weak = 0;
    imp_note(s->c, IMP_R_TITLE, first->line, first->col0, 1, "title block "
             "moved before the article's text (which starts at line %d)",
             a->blocks[0].line);
    s->art = a;
    title_items(s, it, n);
    s->art = keep;
    if (a == keep)
        s->titled = 1;
}

static void display_unit(seg *s, const unit *u)
{
    item it[64];
    int fresh = !s->art || s->ended;
    size_t n = items_of(s, u, it, 64);
    int plain = 0, box = 0;
    for (size_t k = 0; k < n; k++) {
        plain |= it[k].kind == IT_PLAIN || it[k].kind == IT_WIDE;
        box |= it[k].kind == IT_BOX;
    }
    int titled = plain && !box && !s->in_box &&
                 (fresh || title_evidence(s, u, it, n));
    if (box && s->ended) {
        body_items(s, it, n); /* a boxed list on the article's last page */
        return;
    }
    long owner = titled ? late_title_owner(s, it, n) : -1;
    if (owner >= 0) {
        late_title(s, u, it, n, (size_t)owner);
        return;
    }
    if (s->ended)
        start_article(s, u->a);
    if (titled) {
        title_unit(s, u, it, n);
        if (s->art)
            s->art->weak = !title_evidence(s, u, it, n) && n == 1 &&
                           it[0].n == 1;
    }
    else
        body_items(s, it, n);
}

/* ---- finishing ---- */

/* 一是…。 第一，…。 （一）…。 at the start of a paragraph: a bold lead-in. */
static void lead_in(imp_block *b)
{
    if (b->kind != IB_PARA || !imp_headnum(b->text))
        return;
    const char *e = strstr(b->text, "。");
    size_t n = e ? (size_t)(e - b->text) + 3 : 0;
    if (!e || u8_count(b->text, n) > 40 || !b->text[n])
        return;
    b->bold = n;
}

static void finish(seg *s)
{
    imp_ctx *c = s->c;
    for (size_t i = 0; i < c->doc.narts; i++) {
        imp_art *a = &c->doc.arts[i];
        int single = 0, lines = 0;
        for (size_t k = 0; k < a->nblocks; k++) {
            lead_in(&a->blocks[k]);
            for (size_t j = 0; j < a->blocks[k].nlines; j++) {
                const imp_pline *p = &a->blocks[k].lines[j];
                for (size_t q = 0; q < c->doc.npages; q++)
                    if (c->doc.pages[q].page == p->page) {
                        single += s->r->single[q];
                        break;
                    }
                lines++;
            }
        }
        a->single = lines && single * 2 > lines;
        const char *spk = note_name(s, a);
        if (spk && a->nbylines && strcmp(spk, a->bylines[0].name))
            imp_warn(c, a->line, 1, "the byline «%s» is not the speaker «%s» "
                     "of the article's note: check where the article starts "
                     "and ends", a->bylines[0].name, spk);
        if (!a->title.n) {
            imp_warn(c, a->line, 1, "article without a title block: its text "
                     "is kept under a title to be filled in");
            imp_push_line(c, &a->title, "（标题）");
        }
    }
}

static void remove_jumps(seg *s)
{
    for (size_t i = 0; i < s->r->n; i++) {
        imp_rline *l = &s->r->l[i];
        size_t at, len;
        int page, d;
        if (l->tab || !(d = imp_find_jump(l->text, &at, &len, &page)))
            continue;
        imp_note(s->c, IMP_X_JUMP, l->line, 1, 1, "«%.*s» jump marker",
                 (int)len, l->text + at);
        l->text = ar_printf(s->c->ar, "%.*s%s", (int)at, l->text,
                            l->text + at + len);
        l->jump = d;
    }
}

/* BULLETIN_IMPORT_DEBUG=1: the units in reading order on stderr */
static void debug_units(const seg *s)
{
    if (!getenv("BULLETIN_IMPORT_DEBUG"))
        return;
    for (size_t k = 0; k < s->norder; k++) {
        const unit *u = &s->u[s->order[k]];
        fprintf(stderr, "== unit %zu %s cont=%d open=%d p%d\n", s->order[k],
                u->display ? "DISPLAY" : "text", u->cont, u->open,
                page_of(s, u->a));
        for (size_t i = u->a; i < u->b; i++)
            if (!L(s, i)->tab)
                fprintf(stderr, "  %5d %c%c %4.1f/%d %s\n", L(s, i)->line,
                        "FfSW"[L(s, i)->cls], s->pstart[i] ? '+' : ' ',
                        L(s, i)->w, L(s, i)->m, L(s, i)->text);
    }
}

int imp_raw_structure(imp_raw *r)
{
    seg s;
    memset(&s, 0, sizeof s);
    s.r = r;
    s.c = r->c;
    s.pstart = ar_alloc(r->c->ar, r->n + 1);
    if (!s.pstart)
        return -1;
    remove_jumps(&s);
    page_foot_titles(&s);
    if (build_units(&s))
        return -1;
    s.order = ar_alloc(r->c->ar, (s.nu + 1) * sizeof *s.order);
    if (!s.order)
        return -1;
    order_units(&s);
    pull_tails(&s);
    debug_units(&s);
    for (size_t k = 0; k < s.norder; k++) {
        const unit *u = &s.u[s.order[k]];
        if (u->display)
            display_unit(&s, u);
        else
            text_unit(&s, u);
        if (u->display)
            s.last_open = 0;
    }
    finish(&s);
    return 0;
}
