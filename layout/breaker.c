/* breaker.c: the paragraph composer's strategies: line by line as the
 * originals were set (fill, pull a prohibited mark in by squeezing or
 * hanging, else push down), or total fit over the paragraph; 孤字 last
 * lines avoided by tightening the paragraph a little, or by pulling one
 * more character down */
#include <stdlib.h>
#include <string.h>

#include "lay.h"

/* At most this many items are pulled onto a line by squeezing it: a
 * closing quote after a full stop, a mark after a short number. */
#define PUSH_IN_MAX 4

int lb_add_line(lb_para *p, int a, int b, int indent, int hang,
                int emergency)
{
    if (p->nlines == p->cap) {
        int ncap = p->cap ? p->cap * 2 : 16;
        lb_line *l = realloc(p->lines, (size_t)ncap * sizeof *l);
        if (!l)
            return -1;
        p->lines = l;
        p->cap = ncap;
    }
    lb_line *ln = &p->lines[p->nlines++];
    memset(ln, 0, sizeof *ln);
    ln->a = a;
    ln->b = b;
    ln->indent = indent;
    ln->hang = hang;
    ln->emergency = emergency;
    ln->natural = lb_natural(p, a, b);
    return 0;
}

static int line_indent(const lb_para *p, int line)
{
    return line == 0 ? p->prm.first_indent : p->prm.indent;
}

/* How far the line from s reaches at natural spacing. */
static int natural_fill(const lb_para *p, int s, int avail)
{
    int w = 0, e = s;
    while (e < p->n) {
        const lb_item *it = &p->it[e];
        int add = it->w + (e > s && !it->absorbed ? it->gap + p->prm.tracking : 0);
        if (w + add > avail && !it->space && !it->absorbed)
            break;
        w += add;
        e++;
        if (it->forced)
            break;
    }
    return e;
}

/* The end of the line that starts at s (line by line). */
static int line_end(const lb_para *p, int s, int avail, int *hang,
                    int *emergency)
{
    const lb_item *it = p->it;
    int e = natural_fill(p, s, avail);
    *hang = 0;
    if (e == s)
        e = s + 1; /* one item wider than the measure */
    if (e >= p->n || it[e - 1].brk)
        return e;
    /* push in: pull the prohibited mark (and what must go with it) onto
     * the line by squeezing or hanging */
    int in = e;
    while (in < p->n && !it[in - 1].brk && in - e < PUSH_IN_MAX)
        in++;
    if (it[in - 1].brk && lb_fits(p, s, in, avail, hang))
        return in;
    /* push out: the last break that fits */
    for (int b = e - 1; b > s; b--)
        if (it[b - 1].brk)
            return b;
    /* nothing breakable fits: an emergency cut */
    for (int b = in; b < p->n && b - s < 4 * (e - s); b++)
        if (it[b - 1].brk && lb_fits(p, s, b, avail, hang))
            return b;
    *hang = 0;
    *emergency = 1;
    return e;
}

static int extend_spaces(const lb_para *p, int e)
{
    while (e < p->n && (p->it[e].space || p->it[e].absorbed) &&
           !p->it[e - 1].forced)
        e++;
    return e;
}

static int by_lines(lb_para *p)
{
    p->nlines = 0;
    for (int s = 0; s < p->n;) {
        int indent = line_indent(p, p->nlines), hang, emergency = 0;
        int e = line_end(p, s, p->prm.measure - indent, &hang, &emergency);
        e = extend_spaces(p, e);
        if (lb_add_line(p, s, e, indent, hang, emergency))
            return -1;
        s = e;
    }
    return 0;
}

int lb_letters(const lb_para *p, int a, int b)
{
    int n = 0;
    for (int i = a; i < b; i++)
        n += p->it[i].letter;
    return n;
}

/* Characters on the last line, punctuation not counted. */
static int last_letters(const lb_para *p)
{
    if (p->nlines < 2)
        return p->n + 1; /* a one-line paragraph has no 孤字 */
    const lb_line *ln = &p->lines[p->nlines - 1];
    return lb_letters(p, ln->a, ln->b);
}

static int is_orphan(const lb_para *p)
{
    return p->prm.orphan > 0 && last_letters(p) <= p->prm.orphan;
}

static int compose_once(lb_para *p)
{
    if (p->prm.strategy == STY_BREAK_PARAGRAPH) {
        int rc = lb_break_total(p);
        if (rc != -2) /* -2: no total fit exists; set it line by line */
            return rc;
    }
    return by_lines(p);
}

/* The last resort against a 孤字 line: move one more character down from
 * the line above, to the last break before its end. */
static int pull_down(lb_para *p)
{
    lb_line *prev = &p->lines[p->nlines - 2], *last = &p->lines[p->nlines - 1];
    int b = prev->b - 1;
    while (b > prev->a + 1 && !p->it[b - 1].brk)
        b--;
    if (b <= prev->a + 1 || p->it[b - 1].forced)
        return 0;
    int indent = last->indent, a = prev->a, pind = prev->indent;
    p->nlines -= 2;
    if (lb_add_line(p, a, b, pind, 0, 0) || lb_add_line(p, b, last->b, indent, 0, 0))
        return -1;
    return 0;
}

/* Compose; if the last line is a 孤字 line, tighten the whole paragraph
 * step by step within the style's bound, then pull a character down. */
static int compose_fitted(lb_para *p)
{
    int base = p->prm.tracking;
    if (compose_once(p))
        return -1;
    for (int t = p->prm.tighten_step; is_orphan(p) && t > 0 &&
                                      t <= p->prm.tighten;
         t += p->prm.tighten_step) {
        p->prm.tracking = base - t;
        if (compose_once(p))
            return -1;
    }
    if (is_orphan(p)) {
        p->prm.tracking = base;
        if (compose_once(p) || pull_down(p))
            return -1;
    }
    return 0;
}

static void mark_justified(lb_para *p)
{
    for (int k = 0; k < p->nlines; k++) {
        lb_line *ln = &p->lines[k];
        int last = ln->b >= p->n || p->it[ln->b - 1].forced;
        sty_align al = p->prm.align;
        ln->justify = al == STY_SPREAD ||
                      (!last && !ln->emergency && al != STY_LEFT &&
                       al != STY_RIGHT);
    }
}

int lb_compose(const sh_cluster *cl, int n, const lb_params *prm,
               lb_para *out)
{
    memset(out, 0, sizeof *out);
    out->prm = *prm;
    out->n = n;
    if (n == 0)
        return 0;
    out->it = malloc((size_t)n * sizeof *out->it);
    if (!out->it || lb_items(cl, n, prm, out->it) || compose_fitted(out)) {
        lb_free(out);
        return -1;
    }
    mark_justified(out);
    return 0;
}

void lb_free(lb_para *p)
{
    free(p->it);
    free(p->lines);
    memset(p, 0, sizeof *p);
}
