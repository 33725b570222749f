/* import_rawart.c: raw extractions, third part: articles from the units
 * in reading order: text into paragraphs, display units into titles,
 * heads, bylines, boxes; title blocks given to the article they belong
 * to, wherever the extraction put them */
#include <stdlib.h>
#include <string.h>

#include "imp.h"

#define starts_with imp_starts
#define ends_with imp_ends

typedef imp_unit unit;
typedef imp_item item;
typedef imp_item_kind item_kind;
typedef imp_seg seg;
#define NONE IMP_NONE

static const imp_rline *L(const seg *s, size_t i)
{
    return &s->r->l[i];
}

#define note_start imp_rs_note_start
#define items_of imp_rs_items
#define title_evidence imp_rs_title_evidence

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
    int join = s->para && (i == u->a ? u->cont && s->last_open
                                     : !s->pstart[i]);
    if (!join) {
        int note = note_start(l->text);
        if (!s->art || (s->ended && !note))
            start_article(s, i);
        s->para = new_block(s, note ? IB_NOTE : IB_PARA, i);
        s->open_head = NULL;
        s->in_box = 0;
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
        if (it[k].kind == IT_SUB && s->art && !s->art->subtitle.n) {
            push_lines(s, &s->art->subtitle, &it[k]);
            imp_note(s->c, IMP_R_TITLE, l->line, l->col0, 1, "subtitle moved "
                     "to the head of its article");
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

static void body_items(seg *s, item *it, size_t n);

static void late_title(seg *s, const unit *u, item *it, size_t n, size_t k)
{
    imp_art *keep = s->art, *a = &s->c->doc.arts[k];
    const imp_rline *first = L(s, u->a);
    int strong = title_evidence(s, u, it, n);
    if (a->weak && a->title.n && !strong) {
        /* a second display block with no evidence: a lone line is the
         * kicker over the title, anything else a head of the text */
        if (!a->kicker.n && n == 1 && it[0].n == 1 && it[0].kind == IT_PLAIN) {
            push_lines(s, &a->kicker, &it[0]);
            imp_note(s->c, IMP_R_ROLE, first->line, first->col0, 1, "lone "
                     "display line taken for the kicker of «%s»",
                     a->title.v[0]);
        } else {
            s->art = a;
            body_items(s, it, n);
            s->art = keep;
        }
        return;
    }
    if (a->weak && a->title.n && !a->weak_at) {
        /* the lone line taken for its title, above the text, is the
         * kicker above the title */
        for (size_t i = 0; i < a->title.n; i++)
            imp_push_line(s->c, &a->kicker, a->title.v[i]);
        a->title.n = 0;
        imp_note(s->c, IMP_R_ROLE, a->line, 1, 1, "the line first taken for "
                 "the title is the kicker of «%s»", L(s, it[0].lines[0])->text);
    } else if (a->weak && a->title.n) {
        /* taken for the title within the text: a head where it stood */
        imp_block *b = imp_new_block(s->c, a, IB_HEAD, a->line);
        if (b) {
            imp_block h = *b;
            const char *t = "";
            for (size_t i = 0; i < a->title.n; i++)
                t = ar_printf(s->c->ar, "%s%s", t, a->title.v[i]);
            h.text = (char *)t;
            memmove(&a->blocks[a->weak_at + 1], &a->blocks[a->weak_at],
                    (a->nblocks - 1 - a->weak_at) * sizeof *a->blocks);
            a->blocks[a->weak_at] = h;
        }
        a->title.n = 0;
        imp_note(s->c, IMP_R_ROLE, a->line, 1, 1, "the line first taken for "
                 "the title is a head of the text of «%s»",
                 L(s, it[0].lines[0])->text);
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
    int evidence = title_evidence(s, u, it, n);
    int untitled = s->art && !s->titled && !s->ended;
    int titled = plain && !box && !s->in_box && (fresh || evidence || untitled);
    if (box && s->ended) {
        body_items(s, it, n); /* a boxed list on the article's last page */
        return;
    }
    if (n == 1 && it[0].kind == IT_NAME && s->ended && s->art &&
        !s->art->nbylines) {
        /* a byline ordered after the end of its article: the author the
         * note names, or on one of the article's pages */
        const char *spk = note_name(s, s->art);
        const char *name = imp_nospace(s->c->ar, item_text(s, &it[0], ""));
        int p = page_of(s, it[0].lines[0]);
        if (spk ? !strcmp(spk, name)
                : p >= first_page(s->art) && p <= last_page(s->art)) {
            byline(s, &it[0]);
            return;
        }
    }
    /* an untitled article going on takes the block for its title below */
    long owner = titled && !untitled ? late_title_owner(s, it, n) : -1;
    if (owner >= 0) {
        late_title(s, u, it, n, (size_t)owner);
        return;
    }
    if (s->ended)
        start_article(s, u->a);
    if (titled) {
        size_t had = s->art && !fresh ? s->art->nblocks : 0;
        title_unit(s, u, it, n);
        if (s->art) {
            s->art->weak = !evidence;
            s->art->weak_at = had;
        }
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
    if (imp_rs_units(&s))
        return -1;
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
