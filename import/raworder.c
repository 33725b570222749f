/* raworder.c: raw extractions: the units of a page and their reading
 * order (docs/import.md, Reading order).
 *
 * A page's lines are cut into units: runs of display lines (titles,
 * heads, bylines, …) and runs of text lines that flow. A text unit
 * remembers whether its first line continues a paragraph (a full line
 * cannot start one: the first line of a paragraph is indented) and
 * whether its last paragraph is unfinished. An unfinished unit followed
 * by anything but a continuation had its continuation moved elsewhere by
 * the extraction: the nearest later continuation on the same or the next
 * pages is brought back. An article's end printed after the next
 * article's start is moved before it. */
#include <stdlib.h>
#include <string.h>

#include "imp.h"

/* How many pages ahead the continuation of an unfinished paragraph is
 * looked for (the extraction moves text within a page or to the next). */
#define ORDER_WINDOW 2

/* How far short of the measure a last line with digits or Latin may be
 * and still be taken for a justified line (em). */
#define NEAR_FULL_EM 1.5

/* ---- units ---- */

static imp_unit *new_unit(imp_seg *s, int display, size_t first)
{
    imp_unit *u = AR_PUSH(s->ctx->ar, s->units, s->nunits, s->capunits);
    if (u) {
        u->display = display;
        u->first = first;
        u->end = first + 1;
    }
    return u;
}

/* How text line i goes with line p before it (the last of the current
 * unit, whose paragraph starts at line first). */
enum {
    REL_GOES_ON,  /* goes on with p's paragraph */
    REL_NEW_PARA, /* starts a new paragraph in the same flow */
    REL_BREAK,    /* starts a paragraph after an unfinished p: a break */
    REL_ELSEWHERE /* continues some paragraph other than p's: a break */
};

/* Whether line q could be the last line of a paragraph whose first line
 * is the one before it: short, ending a sentence, and no full line after
 * it (so it opens nothing). Read so, no paragraph of one line is needed:
 * the line before q is a first line, not a last one with q a paragraph
 * of its own. */
static int ends_short_para(const imp_seg *s, size_t q)
{
    if (q == IMP_NONE)
        return 0;
    const imp_rline *l = imp_line_at(s, q);
    size_t r = imp_next_on_page(s, q);
    return l->width_class == RL_SHORT && imp_raw_ends(l->text) &&
           !imp_note_start(l->text) && !imp_headnum(l->text) && !l->display &&
           (r == IMP_NONE || imp_line_at(s, r)->width_class != RL_FULL);
}

static int relation(const imp_seg *s, size_t first, size_t p, size_t i)
{
    const imp_rline *lp = imp_line_at(s, p), *li = imp_line_at(s, i);
    size_t q = imp_next_on_page(s, i);
    int p_full = lp->width_class == RL_FULL ||
                 (s->pstart[p] && lp->width_class == RL_FIRST);
    int p_end = imp_raw_ends(lp->text) || lp->jump == 1;
    if (imp_note_start(imp_line_at(s, first)->text) && imp_ends(lp->text, "）"))
        return li->width_class == RL_FULL && !imp_note_start(li->text)
                   ? REL_ELSEWHERE
                   : REL_NEW_PARA;
    /* after an unfinished line only a clearly indented line starts a
     * paragraph: a line a character short may be a full one whose
     * spacing the extraction lost */
    int starts = imp_note_start(li->text) || li->jump == 2 ||
                 (li->width_class == RL_FIRST && q != IMP_NONE &&
                  imp_line_at(s, q)->width_class == RL_FULL &&
                  !imp_line_at(s, q)->display &&
                  (imp_raw_indented(s->raw, li, 0) || imp_headnum(li->text)));
    /* a numbered line that opened its paragraph over the first line of
     * another stands alone: a head, not a paragraph broken off */
    if (starts && first == p && s->pstart[p] && !p_end &&
        lp->width_class == RL_FIRST && imp_head_numbered(lp->text))
        return REL_NEW_PARA;
    if (p_full && !p_end)
        return starts ? REL_BREAK : REL_GOES_ON;
    /* a line two em short that ends a sentence and is not followed by a
     * full one: a paragraph's last line far more often than a paragraph
     * of one line */
    int last_line = li->width_class == RL_FIRST && imp_raw_ends(li->text) &&
                    !starts && !imp_note_start(li->text) &&
                    !imp_headnum(li->text) &&
                    (q == IMP_NONE || imp_line_at(s, q)->width_class != RL_FULL) &&
                    !ends_short_para(s, q);
    if (p_full)
        return (li->width_class == RL_FIRST && !last_line) ||
                       imp_note_start(li->text)
                   ? REL_NEW_PARA
                   : REL_GOES_ON;
    if (lp->width_class == RL_SHORT && !p_end && li->width_class == RL_SHORT)
        return REL_GOES_ON; /* a ragged block: occasion, note over two lines */
    if (li->width_class == RL_FULL && !imp_note_start(li->text))
        return REL_ELSEWHERE;
    return REL_NEW_PARA;
}

/* Does text line i, the first of its page or after a display unit,
 * continue a paragraph? */
static int starts_cont(const imp_seg *s, size_t i)
{
    const imp_rline *l = imp_line_at(s, i);
    size_t q = imp_next_on_page(s, i);
    if (imp_note_start(l->text) || imp_headnum(l->text) == 3)
        return 0;
    if (l->width_class == RL_FULL || l->jump == 2)
        return 1;
    /* an indented line: a first line when a full one follows, or when
     * it ends no sentence (a paragraph's last line always ends one) */
    if (l->width_class == RL_FIRST)
        return !(q != IMP_NONE && imp_line_at(s, q)->width_class == RL_FULL) &&
               imp_raw_ends(l->text);
    return 1;
}

static int unit_open(const imp_seg *s, const imp_unit *u)
{
    size_t last = u->end - 1;
    while (last > u->first && imp_line_at(s, last)->tab)
        last--;
    const imp_rline *l = imp_line_at(s, last);
    size_t first = last;
    while (first > u->first && !s->pstart[first])
        first--;
    if (l->jump == 1)
        return 1;
    /* a line within NEAR_FULL_EM of the measure that ends a sentence may
     * be a justified one the estimate makes narrow (digits, Latin): a
     * continuation after it goes on its paragraph */
    if (l->width_class != RL_FULL &&
        !(s->pstart[last] && l->width_class == RL_FIRST))
        return !s->pstart[last] && l->ascii && imp_raw_ends(l->text) &&
                       l->width >= l->measure - NEAR_FULL_EM
                   ? 2
                   : 0;
    if (imp_note_start(imp_line_at(s, first)->text) && imp_ends(l->text, "）"))
        return 0; /* a note is over at its closing bracket */
    return imp_raw_ends(l->text) ? 2 : 1;
}

static void close_unit(const imp_seg *s, imp_unit *u)
{
    if (u && !u->display)
        u->open = unit_open(s, u);
}

/* Display line i: on the current display unit, or one of its own. */
static imp_unit *display_line(imp_seg *s, imp_unit *cur, size_t i)
{
    close_unit(s, cur);
    if (!cur || !cur->display)
        cur = new_unit(s, 1, i);
    if (cur)
        cur->end = i + 1;
    return cur;
}

static int build_units(imp_seg *s)
{
    imp_raw *r = s->raw;
    imp_unit *cur = NULL;
    int pg = -1;
    size_t first = 0; /* first line of the current paragraph */
    for (size_t i = 0; i < r->nlines; i++) {
        imp_rline *l = &r->lines[i];
        if (l->tab)
            continue;
        if (l->pg != pg || l->lead) {
            close_unit(s, cur);
            cur = NULL;
            pg = l->pg;
        }
        l->display = l->display || imp_is_display(s, i);
        if (l->display) {
            if (!(cur = display_line(s, cur, i)))
                return -1;
            continue;
        }
        int rel = cur && !cur->display ? relation(s, first, cur->end - 1, i)
                                       : -1;
        if (rel == REL_GOES_ON || rel == REL_NEW_PARA) {
            s->pstart[i] = (unsigned char)rel;
            if (rel)
                first = i;
            cur->end = i + 1;
            continue;
        }
        first = i;
        close_unit(s, cur);
        if (!(cur = new_unit(s, 0, i)))
            return -1;
        cur->cont = rel == REL_ELSEWHERE || (rel == -1 && starts_cont(s, i));
        s->pstart[i] = !cur->cont;
    }
    close_unit(s, cur);
    return 0;
}

/* ---- reading order ---- */

static void place(imp_seg *s, size_t k)
{
    s->units[k].used = 1;
    s->order[s->norder++] = k;
}

/* Whether unit k, a continuation, has its own claimant: the unit just
 * before it (not `from`), unfinished and still to be placed, whose
 * paragraph it goes on in the extraction's order. */
static int claimed_before(const imp_seg *s, size_t from, size_t k)
{
    if (k == 0 || k - 1 == from)
        return 0;
    const imp_unit *p = &s->units[k - 1];
    return !p->used && !p->display && p->open == 1;
}

/* The continuation of unit `from`: the nearest later unit that starts
 * with a continuation, on the same or the next pages (after a (下转N页),
 * the one opened by （上接…页）). */
static size_t find_cont(const imp_seg *s, size_t from)
{
    const imp_unit *f = &s->units[from];
    int pg = imp_line_at(s, f->first)->pg;
    int down = imp_line_at(s, f->end - 1)->jump == 1;
    for (size_t k = from + 1; k < s->nunits; k++) {
        const imp_unit *u = &s->units[k];
        if (!down && imp_line_at(s, u->first)->pg > pg + ORDER_WINDOW)
            break;
        if (!u->used && !u->display && u->cont &&
            (!down || imp_line_at(s, u->first)->jump == 2) &&
            !claimed_before(s, from, k))
            return k;
    }
    return IMP_NONE;
}

static void moved(imp_seg *s, size_t cur, size_t k)
{
    const imp_rline *a = imp_line_at(s, s->units[cur].end - 1);
    const imp_rline *b = imp_line_at(s, s->units[k].first);
    imp_note(s->ctx, IMP_R_ORDER, b->line, b->col0, 1, "lines %d–%d moved "
             "after line %d, whose paragraph they continue", b->line,
             imp_line_at(s, s->units[k].end - 1)->line, a->line);
}

/* The next unit after cur in reading order when cur's paragraph goes on. */
static size_t next_of_open(imp_seg *s, size_t cur)
{
    size_t nxt = cur + 1;
    while (nxt < s->nunits && s->units[nxt].used)
        nxt++;
    if (nxt < s->nunits && !s->units[nxt].display && s->units[nxt].cont)
        return nxt;
    size_t k = find_cont(s, cur);
    if (k != IMP_NONE)
        moved(s, cur, k);
    return k;
}

static void order_units(imp_seg *s)
{
    for (size_t i = 0; i < s->nunits; i++) {
        if (s->units[i].used)
            continue;
        place(s, i);
        size_t cur = i;
        while (!s->units[cur].display && s->units[cur].open == 1) {
            size_t k = next_of_open(s, cur);
            if (k == IMP_NONE) {
                const imp_rline *a = imp_line_at(s, s->units[cur].end - 1);
                imp_warn(s->ctx, IMP_CHECK, a->line, a->col0, "paragraph ends unfinished "
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

static int is_title_unit(const imp_seg *s, size_t k)
{
    imp_item it[IMP_UNIT_ITEMS];
    const imp_unit *u = &s->units[k];
    if (!u->display)
        return 0;
    size_t n = imp_unit_items(s, u, it, IMP_UNIT_ITEMS);
    int plain = 0;
    for (size_t i = 0; i < n; i++)
        plain |= it[i].kind == IT_PLAIN || it[i].kind == IT_WIDE;
    return plain && imp_title_evidence(s, u, it, n);
}

static int has_end(const imp_seg *s, size_t k)
{
    for (size_t i = s->units[k].first; i < s->units[k].end; i++)
        if (!imp_line_at(s, i)->tab && imp_ends(imp_line_at(s, i)->text, "■"))
            return 1;
    return 0;
}

static int unit_page(const imp_seg *s, size_t k)
{
    return imp_line_at(s, s->units[k].first)->pg;
}

/* The start of the next article's text before title unit order[t] on its
 * page, when the current article is still going: IMP_NONE if none. */
static size_t fresh_start(const imp_seg *s, size_t t)
{
    int p = unit_page(s, s->order[t]);
    size_t k = t;
    while (k > 0) {
        size_t v = s->order[k - 1];
        /* a continuation pulled from the next page is the new article's */
        int pulled = unit_page(s, v) > p && s->units[v].cont &&
                     !s->units[v].display;
        if (!pulled && (has_end(s, v) || is_title_unit(s, v) ||
                        unit_page(s, v) != p))
            break;
        k--;
    }
    if (k == 0 || has_end(s, s->order[k - 1]))
        return IMP_NONE; /* the article before has ended: nothing to pull */
    for (size_t m = k; m < t; m++) {
        const imp_unit *u = &s->units[s->order[m]];
        const imp_unit *before = &s->units[s->order[m - 1]];
        if (unit_page(s, s->order[m]) == p && (u->display || !u->cont) &&
            (before->display || !before->open ||
             unit_page(s, s->order[m - 1]) < p))
            return m;
    }
    return IMP_NONE;
}

/* The end mark ■ of the article going on, after title unit order[t] on
 * its page, with the notes after it: its last place in the order, or
 * IMP_NONE. */
static size_t tail_end(const imp_seg *s, size_t t)
{
    int p = unit_page(s, s->order[t]);
    size_t end = IMP_NONE;
    for (size_t e = t + 1; e < s->norder && unit_page(s, s->order[e]) <= p &&
                           !is_title_unit(s, s->order[e]); e++)
        if (has_end(s, s->order[e])) {
            end = e;
            break;
        }
    if (end == IMP_NONE)
        return IMP_NONE;
    while (end + 1 < s->norder) {
        const imp_unit *u = &s->units[s->order[end + 1]];
        if (u->display || !imp_note_start(imp_line_at(s, u->first)->text))
            break;
        end++;
    }
    return end;
}

/* order[t+1..end] moves before order[j]. */
static void move_order_tail(imp_seg *s, size_t *tmp, size_t j, size_t t,
                            size_t end)
{
    size_t n = end - t;
    memcpy(tmp, &s->order[t + 1], n * sizeof *tmp);
    memmove(&s->order[j + n], &s->order[j], (t + 1 - j) * sizeof *tmp);
    memcpy(&s->order[j], tmp, n * sizeof *tmp);
    const imp_rline *a = imp_line_at(s, s->units[tmp[0]].first);
    const imp_rline *z = imp_line_at(s, s->units[tmp[n - 1]].end - 1);
    imp_note(s->ctx, IMP_R_ORDER, a->line, a->col0, 1, "lines %d–%d, the "
             "end of an article printed after the next one's start, moved "
             "before line %d", a->line, z->line,
             imp_line_at(s, s->units[s->order[j + n]].first)->line);
}

static void pull_tails(imp_seg *s)
{
    size_t *tmp = malloc((s->norder + 1) * sizeof *tmp);
    if (!tmp)
        return;
    for (size_t t = 1; t < s->norder; t++) {
        if (!is_title_unit(s, s->order[t]))
            continue;
        size_t j = fresh_start(s, t), end;
        if (j == IMP_NONE || (end = tail_end(s, t)) == IMP_NONE)
            continue;
        move_order_tail(s, tmp, j, t, end);
        t = end;
    }
    free(tmp);
}

/* Jump markers (下转N页) (上接N页) taken out of the lines, each line
 * remembering which it had. */
static void remove_jumps(imp_seg *s)
{
    for (size_t i = 0; i < s->raw->nlines; i++) {
        imp_rline *l = &s->raw->lines[i];
        size_t at, len;
        int page, d;
        if (l->tab || !(d = imp_find_jump(l->text, &at, &len, &page)))
            continue;
        imp_note(s->ctx, IMP_X_JUMP, l->line, 1, 1, "«%.*s» jump marker",
                 (int)len, l->text + at);
        l->text = ar_printf(s->ctx->ar, "%.*s%s", (int)at, l->text,
                            l->text + at + len);
        l->jump = d;
    }
}

/* Cut the text into units and put them in reading order. */
int imp_raw_units(imp_seg *s)
{
    s->pstart = ar_alloc(s->ctx->ar, s->raw->nlines + 1);
    if (!s->pstart)
        return -1;
    remove_jumps(s);
    imp_page_foot_titles(s);
    if (build_units(s))
        return -1;
    s->order = ar_alloc(s->ctx->ar, (s->nunits + 1) * sizeof *s->order);
    if (!s->order)
        return -1;
    order_units(s);
    pull_tails(s);
    return 0;
}
