/* rawart.c: raw extractions: the articles from the units in reading
 * order: text into paragraphs, display units into titles, heads, bylines,
 * boxes; title blocks given to the article they belong to, wherever the
 * extraction put them (docs/import.md, Articles and Roles) */
#include <string.h>

#include "imp.h"

/* ---- articles and their blocks ---- */

static imp_art *start_article(imp_seg *s, size_t line)
{
    imp_art *a = imp_new_art(s->ctx, imp_line_at(s, line)->line);
    if (!a)
        return NULL;
    a->page = imp_raw_page(s, line);
    a->column = s->ctx->doc.pages[imp_line_at(s, line)->pg].column;
    s->art = a;
    s->ended = s->titled = s->in_box = 0;
    s->para = s->open_head = NULL;
    return a;
}

static int latin_letter(uint32_t cp)
{
    return cp < 0x80 && (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
}

static void add_line(imp_seg *s, imp_block *b, size_t i)
{
    const imp_rline *l = imp_line_at(s, i);
    const char *t = l->text;
    if (b->nlines) {
        /* two Latin words across a line break keep their space */
        imp_pline *p = &b->lines[b->nlines - 1];
        if (latin_letter(imp_last_cp(p->text)) &&
            latin_letter(imp_first_cp(t))) {
            p->text = ar_printf(s->ctx->ar, "%s ", p->text);
            b->text = ar_printf(s->ctx->ar, "%s ", b->text);
        }
    }
    imp_block_add(s->ctx, b, t, imp_raw_page(s, i), l->line);
}

static imp_block *new_block(imp_seg *s, imp_bkind k, size_t i)
{
    if (!s->art)
        start_article(s, i);
    return s->art ? imp_new_block(s->ctx, s->art, k, imp_line_at(s, i)->line)
                  : NULL;
}

/* ---- text units ---- */

static void body_line(imp_seg *s, const imp_unit *u, size_t i)
{
    const imp_rline *l = imp_line_at(s, i);
    int join = s->para && (i == u->first ? u->cont && s->last_open
                                         : !s->pstart[i]);
    if (!join) {
        int note = imp_note_start(l->text);
        if (!s->art || (s->ended && !note))
            start_article(s, i);
        s->para = new_block(s, note ? IB_NOTE : IB_PARA, i);
        s->open_head = NULL;
        s->in_box = 0;
    } else if (i == u->first) {
        imp_note(s->ctx, IMP_R_JOIN, l->line, l->col0, 1, "paragraph goes on "
                 "from line %d", s->para->lines[s->para->nlines - 1].line);
    }
    if (!s->para)
        return;
    add_line(s, s->para, i);
    if (imp_ends(l->text, "■"))
        s->ended = 1;
}

static void text_unit(imp_seg *s, const imp_unit *u)
{
    for (size_t i = u->first; i < u->end; i++)
        if (!imp_line_at(s, i)->tab)
            body_line(s, u, i);
    s->last_open = u->open;
}

/* ---- display items ---- */

static const char *item_text(imp_seg *s, const imp_item *it, const char *sep)
{
    const char *t = "";
    for (int k = 0; k < it->nlines; k++)
        t = ar_printf(s->ctx->ar, "%s%s%s", t, k ? sep : "",
                      imp_line_at(s, it->lines[k])->text);
    return t;
}

static void push_lines(imp_seg *s, imp_lines *dst, const imp_item *it)
{
    for (int k = 0; k < it->nlines; k++)
        imp_push_line(s->ctx, dst, imp_line_at(s, it->lines[k])->text);
}

static void head_block(imp_seg *s, const imp_item *it)
{
    const char *t = imp_line_at(s, it->lines[0])->text;
    imp_bkind k = it->kind == IT_NUM ? IB_NUMBER
                  : imp_headnum(t) == 2 ? IB_SUBHEAD
                                        : IB_HEAD;
    imp_block *b = new_block(s, k, it->lines[0]);
    if (!b)
        return;
    for (int j = 0; j < it->nlines; j++)
        add_line(s, b, it->lines[j]);
    const imp_rline *last = imp_line_at(s, it->lines[it->nlines - 1]);
    /* a head as wide as an indented line may go on after a page break */
    s->open_head = last->width >= last->measure - 2.25 &&
                           !imp_raw_ends(last->text) && it->kind == IT_HEADNUM
                       ? b
                       : NULL;
    s->para = NULL;
}

static void byline(imp_seg *s, const imp_item *it)
{
    imp_byline *b = AR_PUSH(s->ctx->ar, s->art->bylines, s->art->nbylines,
                            s->art->capbylines);
    if (b) {
        b->name = imp_nospace(s->ctx->ar, item_text(s, it, ""));
        imp_note(s->ctx, IMP_R_ROLE, imp_line_at(s, it->lines[0])->line, 1, 1,
                 "byline «%s»", b->name);
    }
}

/* The main title of a title block: the first multi-line plain item, else
 * the first plain one; IMP_NONE when none. Where the design sets the deck
 * after the byline, the last of two or more plain items before a byline
 * is the title, those before it kickers (a section's name among them). */
static size_t main_title(const imp_seg *s, const imp_item *it, size_t n)
{
    if (s->raw->design->deck_late) {
        size_t last = IMP_NONE, plain = 0;
        for (size_t k = 0; k < n && it[k].kind != IT_NAME; k++)
            if (it[k].kind == IT_PLAIN)
                last = k, plain++;
        if (plain >= 2 && last + 1 < n && it[last + 1].kind == IT_NAME)
            return last;
    }
    for (size_t k = 0; k < n; k++)
        if (it[k].kind == IT_PLAIN && it[k].nlines > 1)
            return k;
    for (size_t k = 0; k < n; k++)
        if (it[k].kind == IT_PLAIN)
            return k;
    return IMP_NONE;
}

/* Two one-line plain items, the title taken first: a title over its deck
 * or a kicker over the title, which only the print's sizes tell apart
 * (both occur in the same design), so the editor is asked. (Where the
 * design sets the deck after the byline, two such items over a byline
 * were taken for kicker and title; without a byline they are asked.) */
static void ask_title_or_kicker(imp_seg *s, const imp_item *it, size_t n,
                                size_t main)
{
    size_t plain = 0;
    for (size_t k = 0; k < n; k++)
        plain += it[k].kind == IT_PLAIN || it[k].kind == IT_WIDE;
    if (plain != 2 || main + 1 >= n ||
        it[main].nlines != 1 || it[main + 1].nlines != 1 ||
        (it[main + 1].kind != IT_PLAIN && it[main + 1].kind != IT_WIDE))
        return;
    const imp_rline *l = imp_line_at(s, it[main].lines[0]);
    imp_warn(s->ctx, IMP_CHECK, l->line, l->col0, "title block «%s» / «%s» "
             "read as title and deck; it may be a kicker over the title "
             "(the print's larger line is the title): if so, mark the first "
             "{.kicker} and make the second the ## title",
             item_text(s, &it[main], ""), item_text(s, &it[main + 1], ""));
}

/* The title block's items: the main title, kicker before it, deck after
 * it, subtitle, bylines, date. */
static void title_items(imp_seg *s, imp_item *it, size_t n)
{
    imp_art *a = s->art;
    size_t main = main_title(s, it, n);
    if (main != IMP_NONE)
        ask_title_or_kicker(s, it, n, main);
    for (size_t k = 0; k < n; k++) {
        switch (it[k].kind) {
        case IT_PLAIN:
        case IT_WIDE:
            if (k == main || (main == IMP_NONE && !a->title.nlines))
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
    int p = imp_raw_page(s, it[0].lines[0]);
    if (!a->page || p < a->page)
        a->page = p;
    if (!a->column)
        a->column = s->ctx->doc.pages[imp_line_at(s, it[0].lines[0])->pg]
                        .column;
}

static void title_unit(imp_seg *s, const imp_unit *u, imp_item *it, size_t n)
{
    const imp_rline *first = imp_line_at(s, u->first);
    if (!s->art || s->ended || s->titled) {
        start_article(s, u->first);
    } else if (s->art->nblocks) {
        imp_note(s->ctx, IMP_R_TITLE, first->line, first->col0, 1, "title "
                 "block moved before the article's text (which starts at "
                 "line %d)", s->art->blocks[0].line);
    }
    if (!s->art)
        return;
    s->titled = 1;
    title_items(s, it, n);
    s->para = NULL;
}

static void box_item(imp_seg *s, const imp_item *it)
{
    imp_block *b = new_block(s, IB_BOX, it->lines[0]);
    if (!b)
        return;
    for (int j = 0; j < it->nlines; j++)
        add_line(s, b, it->lines[j]);
    s->in_box = 1;
}

static void body_items(imp_seg *s, imp_item *it, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const imp_rline *l = imp_line_at(s, it[k].lines[0]);
        if (it[k].kind == IT_BOX || s->in_box) {
            box_item(s, &it[k]);
            continue;
        }
        if (s->open_head && it[k].kind == IT_PLAIN && it[k].nlines == 1 &&
            l->width_class == RL_SHORT) {
            imp_note(s->ctx, IMP_R_JOIN, l->line, l->col0, 1, "head goes on "
                     "from line %d", s->open_head->lines[0].line);
            add_line(s, s->open_head, it[k].lines[0]);
            s->open_head = NULL;
            continue;
        }
        if (it[k].kind == IT_NAME && s->art && !s->art->nblocks) {
            byline(s, &it[k]);
            continue;
        }
        if (it[k].kind == IT_SUB && s->art && !s->art->subtitle.nlines) {
            push_lines(s, &s->art->subtitle, &it[k]);
            imp_note(s->ctx, IMP_R_TITLE, l->line, l->col0, 1, "subtitle "
                     "moved to the head of its article");
            continue;
        }
        if (it[k].kind == IT_PLAIN || it[k].kind == IT_WIDE)
            imp_note(s->ctx, IMP_R_ROLE, l->line, l->col0, 1, "display line "
                     "set as a head: «%s»", l->text);
        head_block(s, &it[k]);
    }
}

/* ---- title blocks printed after their article's text ---- */

/* The speaker or author a note names: （发言人刘伟系…） → 刘伟 */
static const char *note_name(imp_seg *s, const imp_art *a)
{
    static const char *const keys[] = {"（发言人", "（作者", "发言人："};
    for (size_t k = 0; k < a->nblocks; k++) {
        const char *t = a->blocks[k].text;
        if (a->blocks[k].kind != IB_NOTE)
            continue;
        for (size_t j = 0; j < sizeof keys / sizeof *keys; j++) {
            if (!imp_starts(t, keys[j]))
                continue;
            const char *n = t + strlen(keys[j]);
            const char *e = strstr(n, "系");
            if (e && u8_count(n, (size_t)(e - n)) >= 2 &&
                u8_count(n, (size_t)(e - n)) <= 4)
                return ar_strndup(s->ctx->ar, n, (size_t)(e - n));
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

/* Is byline item it article a's: the author its note names, or on one
 * of its pages when no note names one? */
static int byline_fits(imp_seg *s, const imp_art *a, const imp_item *it)
{
    const char *spk = note_name(s, a);
    const char *name = imp_nospace(s->ctx->ar, item_text(s, it, ""));
    int p = imp_raw_page(s, it->lines[0]);
    return spk ? !strcmp(spk, name)
               : p >= first_page(a) && p <= last_page(a);
}

/* Could title block it (on page p) be article a's? Untitled (or titled
 * by a lone line that may be its kicker), with text on page p, and no
 * speaker note naming someone else than the block's byline. */
static int title_fits(imp_seg *s, const imp_art *a, const imp_item *it,
                      size_t n)
{
    if ((a->title.nlines && !a->weak) || !a->nblocks)
        return 0;
    const char *spk = note_name(s, a), *name = NULL;
    for (size_t k = 0; k < n && !name; k++)
        if (it[k].kind == IT_NAME)
            name = imp_nospace(s->ctx->ar, item_text(s, &it[k], ""));
    if (spk && name)
        return !strcmp(spk, name);
    int p = imp_raw_page(s, it[0].lines[0]);
    /* the extraction puts a title block after the text of its article's
     * first page: an article its lone line already titles takes one only
     * there */
    if (a->title.nlines && a->weak)
        return p == first_page(a);
    return p >= first_page(a) && p <= last_page(a);
}

/* Titles come out after the text of an article's first page, so a title
 * block ordered after the end of an untitled article is that article's,
 * or the one's before when that is untitled too. Returns the article's
 * index, or -1. */
static long late_title_owner(imp_seg *s, const imp_item *it, size_t n)
{
    imp_doc *d = &s->ctx->doc;
    if (!s->art || !d->narts || (s->titled && !s->art->weak && !s->ended))
        return -1;
    size_t cur = d->narts - 1;
    if (title_fits(s, &d->arts[cur], it, n))
        return (long)cur;
    if (cur > 0 && !d->arts[cur].title.nlines &&
        title_fits(s, &d->arts[cur - 1], it, n))
        return (long)cur - 1;
    return -1;
}

/* Article a's weak title (a lone display line, no evidence) when a title
 * block comes for it: the kicker above the title when it stood above the
 * text, else a head of the text where it stood. */
static void demote_weak_title(imp_seg *s, imp_art *a, const imp_item *it)
{
    const char *real = imp_line_at(s, it[0].lines[0])->text;
    if (!a->weak_at) {
        for (size_t i = 0; i < a->title.nlines; i++)
            imp_push_line(s->ctx, &a->kicker, a->title.lines[i]);
        a->title.nlines = 0;
        imp_note(s->ctx, IMP_R_ROLE, a->line, 1, 1, "the line first taken "
                 "for the title is the kicker of «%s»", real);
        return;
    }
    imp_block *b = imp_new_block(s->ctx, a, IB_HEAD, a->line);
    if (b) {
        imp_block h = *b;
        const char *t = "";
        for (size_t i = 0; i < a->title.nlines; i++)
            t = ar_printf(s->ctx->ar, "%s%s", t, a->title.lines[i]);
        h.text = (char *)t;
        memmove(&a->blocks[a->weak_at + 1], &a->blocks[a->weak_at],
                (a->nblocks - 1 - a->weak_at) * sizeof *a->blocks);
        a->blocks[a->weak_at] = h;
    }
    a->title.nlines = 0;
    imp_note(s->ctx, IMP_R_ROLE, a->line, 1, 1, "the line first taken for "
             "the title is a head of the text of «%s»", real);
}

/* A second display block with no evidence for a weakly titled article:
 * a lone line is the kicker over the title, anything else a head of the
 * text. */
static void weak_second_block(imp_seg *s, const imp_unit *u, imp_art *a,
                              imp_item *it, size_t n)
{
    const imp_rline *first = imp_line_at(s, u->first);
    if (!a->kicker.nlines && n == 1 && it[0].nlines == 1 &&
        it[0].kind == IT_PLAIN) {
        push_lines(s, &a->kicker, &it[0]);
        imp_note(s->ctx, IMP_R_ROLE, first->line, first->col0, 1, "lone "
                 "display line taken for the kicker of «%s»",
                 a->title.lines[0]);
        return;
    }
    imp_art *keep = s->art;
    s->art = a;
    body_items(s, it, n);
    s->art = keep;
}

static void late_title(imp_seg *s, const imp_unit *u, imp_item *it, size_t n,
                       size_t k)
{
    imp_art *keep = s->art, *a = &s->ctx->doc.arts[k];
    const imp_rline *first = imp_line_at(s, u->first);
    int strong = imp_title_evidence(s, u, it, n);
    if (a->weak && a->title.nlines && !strong) {
        weak_second_block(s, u, a, it, n);
        return;
    }
    if (a->weak && a->title.nlines)
        demote_weak_title(s, a, it);
    a->weak = 0;
    imp_note(s->ctx, IMP_R_TITLE, first->line, first->col0, 1, "title block "
             "moved before the article's text (which starts at line %d)",
             a->blocks[0].line);
    s->art = a;
    title_items(s, it, n);
    s->art = keep;
    if (a == keep)
        s->titled = 1;
}

/* ---- display units ---- */

static void display_unit(imp_seg *s, const imp_unit *u)
{
    imp_item it[IMP_UNIT_ITEMS];
    int fresh = !s->art || s->ended;
    size_t n = imp_unit_items(s, u, it, IMP_UNIT_ITEMS);
    int plain = 0, box = 0;
    for (size_t k = 0; k < n; k++) {
        plain |= it[k].kind == IT_PLAIN || it[k].kind == IT_WIDE;
        box |= it[k].kind == IT_BOX;
    }
    int evidence = imp_title_evidence(s, u, it, n);
    int untitled = s->art && !s->titled && !s->ended;
    int titled = plain && !box && !s->in_box && (fresh || evidence || untitled);
    if (box && s->ended) {
        body_items(s, it, n); /* a boxed list on the article's last page */
        return;
    }
    /* a byline ordered after the end of its article */
    if (n == 1 && it[0].kind == IT_NAME && s->ended && s->art &&
        !s->art->nbylines && byline_fits(s, s->art, &it[0])) {
        byline(s, &it[0]);
        return;
    }
    /* an untitled article going on takes the block for its title below */
    long owner = titled && !untitled && !s->in_order
                     ? late_title_owner(s, it, n)
                     : -1;
    if (owner >= 0) {
        late_title(s, u, it, n, (size_t)owner);
        return;
    }
    if (s->ended)
        start_article(s, u->first);
    if (!titled) {
        body_items(s, it, n);
        return;
    }
    size_t had = s->art && !fresh ? s->art->nblocks : 0;
    title_unit(s, u, it, n);
    if (s->art) {
        s->art->weak = !evidence;
        s->art->weak_at = had;
    }
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

/* Is article a set in one column: most of its lines on one-column pages? */
static int single_column(imp_seg *s, imp_art *a)
{
    imp_ctx *c = s->ctx;
    int single = 0, lines = 0;
    for (size_t k = 0; k < a->nblocks; k++)
        for (size_t j = 0; j < a->blocks[k].nlines; j++) {
            const imp_pline *p = &a->blocks[k].lines[j];
            for (size_t q = 0; q < c->doc.npages; q++)
                if (c->doc.pages[q].page == p->page) {
                    single += s->raw->single[q];
                    break;
                }
            lines++;
        }
    return lines && single * 2 > lines;
}

static void finish(imp_seg *s)
{
    imp_ctx *c = s->ctx;
    for (size_t i = 0; i < c->doc.narts; i++) {
        imp_art *a = &c->doc.arts[i];
        for (size_t k = 0; k < a->nblocks; k++)
            lead_in(&a->blocks[k]);
        a->single = single_column(s, a);
        const char *spk = note_name(s, a);
        if (spk && a->nbylines && strcmp(spk, a->bylines[0].name))
            imp_warn(c, IMP_CHECK, a->line, 1, "the byline «%s» is not the speaker «%s» "
                     "of the article's note: check where the article starts "
                     "and ends", a->bylines[0].name, spk);
        imp_raw_byline_doubts(c, a);
        if (!a->title.nlines) {
            imp_warn(c, IMP_MUST, a->line, 1, "article without a title block: its text "
                     "is kept under a title to be filled in");
            imp_push_line(c, &a->title, IMP_NO_TITLE);
        }
    }
}

/* Whether the text before unit k (in reading order) ends an article: its
 * last line ends with ■, or is a note after one. */
static int after_end(const imp_seg *s, size_t k)
{
    if (k == 0)
        return 1;
    const imp_unit *p = &s->units[s->order[k - 1]];
    if (p->display)
        return 0;
    for (size_t i = p->end; i > p->first; i--) {
        const imp_rline *l = imp_line_at(s, i - 1);
        if (l->tab)
            continue;
        if (imp_ends(l->text, "■"))
            return 1;
        if (!imp_note_start(l->text) && !imp_ends(l->text, "）"))
            return 0;
    }
    return 0;
}

/* Title blocks with a byline (sure ones) that stand right after an
 * article's end, against those that do not: an extraction whose sure
 * titles stand in order four times out of five (three at least) is read
 * in order, and a title block after text is the next article's, never a
 * late one of the article before (TITLES_IN_ORDER). */
#define TITLES_IN_ORDER_MIN 3
static int titles_in_order(imp_seg *s)
{
    int in = 0, out = 0;
    for (size_t k = 0; k < s->norder; k++) {
        const imp_unit *u = &s->units[s->order[k]];
        if (!u->display)
            continue;
        imp_item it[IMP_UNIT_ITEMS];
        size_t n = imp_unit_items(s, u, it, IMP_UNIT_ITEMS);
        int plain = 0, name = 0;
        for (size_t j = 0; j < n; j++) {
            plain |= it[j].kind == IT_PLAIN;
            name |= it[j].kind == IT_NAME && plain;
        }
        if (!name)
            continue;
        if (after_end(s, k))
            in++;
        else
            out++;
    }
    return in >= TITLES_IN_ORDER_MIN && in >= 4 * out;
}

void imp_raw_articles(imp_seg *s)
{
    s->in_order = titles_in_order(s);
    for (size_t k = 0; k < s->norder; k++) {
        const imp_unit *u = &s->units[s->order[k]];
        if (u->display)
            display_unit(s, u);
        else
            text_unit(s, u);
        if (u->display)
            s->last_open = 0;
    }
    finish(s);
}
