/* import_rawseg.c: raw extractions, second part: display lines, text
 * units and their reading order (articles: import_rawart.c).
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

#define starts_with imp_starts
#define ends_with imp_ends

/* How many pages ahead the continuation of an unfinished paragraph is
 * looked for (the extraction moves text within a page or to the next). */
#define ORDER_WINDOW 2

typedef imp_unit unit;
typedef imp_item item;
typedef imp_item_kind item_kind;
typedef imp_seg seg;
#define NONE IMP_NONE

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
        if (strstr(t, "，") && !imp_headnum(t) && !grouped(s, p, i))
            return 0; /* a sentence going on: a paragraph's first line */
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
    /* an indented line: a first line when a full one follows, or when
     * it ends no sentence (a paragraph's last line always ends one) */
    if (l->cls == RL_FIRST)
        return !(q != NONE && L(s, q)->cls == RL_FULL) &&
               imp_raw_ends(l->text);
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

/* The continuation of unit `from`: the nearest later unit that starts
 * with a continuation, on the same or the next pages (after a (下转N页),
 * the one opened by （上接…页）). */
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

static void moved(seg *s, size_t cur, size_t k)
{
    const imp_rline *a = L(s, s->u[cur].b - 1), *b = L(s, s->u[k].a);
    imp_note(s->c, IMP_R_ORDER, b->line, b->col0, 1, "lines %d–%d moved after "
             "line %d, whose paragraph they continue", b->line,
             L(s, s->u[k].b - 1)->line, a->line);
}

/* The next unit after cur in reading order when cur's paragraph goes on. */
static size_t next_of_open(seg *s, size_t cur)
{
    size_t nxt = cur + 1;
    while (nxt < s->nu && s->u[nxt].used)
        nxt++;
    if (nxt < s->nu && !s->u[nxt].display && s->u[nxt].cont)
        return nxt;
    size_t k = find_cont(s, cur);
    if (k != NONE)
        moved(s, cur, k);
    return k;
}

static void order_units(seg *s)
{
    for (size_t i = 0; i < s->nu; i++) {
        if (s->u[i].used)
            continue;
        place(s, i);
        size_t cur = i;
        while (!s->u[cur].display && s->u[cur].open == 1) {
            size_t k = next_of_open(s, cur);
            if (k == NONE) {
                const imp_rline *a = L(s, s->u[cur].b - 1);
                imp_warn(s->c, a->line, a->col0, "paragraph ends unfinished "
                         "(«…%s»); its continuation was not found",
                         imp_tail(a->text, 4));
                break;
            }
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
        if (n && k == IT_PLAIN && it[n - 1].kind == IT_SUB && it[n - 1].n < 8 &&
            !imp_raw_ends(L(s, prev)->text) && L(s, prev)->cls == RL_WIDE) {
            /* a subtitle across the columns goes on in the next line */
            it[n - 1].lines[it[n - 1].n++] = i;
            continue;
        }
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

/* Cut the text into units and put them in reading order. */
int imp_rs_units(seg *s)
{
    s->pstart = ar_alloc(s->c->ar, s->r->n + 1);
    if (!s->pstart)
        return -1;
    remove_jumps(s);
    page_foot_titles(s);
    if (build_units(s))
        return -1;
    s->order = ar_alloc(s->c->ar, (s->nu + 1) * sizeof *s->order);
    if (!s->order)
        return -1;
    order_units(s);
    pull_tails(s);
    return 0;
}

int imp_rs_note_start(const char *t)
{
    return note_start(t);
}

size_t imp_rs_items(const seg *s, const unit *u, item *it, size_t max)
{
    return items_of(s, u, it, max);
}

int imp_rs_title_evidence(const seg *s, const unit *u, const item *it,
                          size_t n)
{
    return title_evidence(s, u, it, n);
}
