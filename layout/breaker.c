/* breaker.c: the paragraph composer's strategies: line by line as the
 * originals were set (fill, pull a prohibited mark in by squeezing or
 * hanging, else push down), or total fit over the paragraph; 孤字 last
 * lines avoided by tightening the paragraph a little, or by pulling one
 * more character down; a unit the measure cuts through pulled in when
 * the line has room to spare */
#include <stdlib.h>
#include <string.h>

#include "composer_imp.h"

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

/* The line may end at e, but the unit after it (a character bound to
 * the mark that follows, an opening mark and its character) is cut by
 * the measure: pull the unit in when the line can take it without
 * squeezing every blank to its limit, as the originals do (a lone
 * character is never squeezed in: the line ends before it). Numbers and
 * words are left whole for the next line. Returns the new end or e. */
static int pull_unit(const lb_para *p, int s, int e, int avail, int *hang)
{
    const lb_item *it = p->it;
    if (p->prm.pull_unit <= 0 || it[e - 1].forced)
        return e;
    int u = e + 1;
    while (u < p->n && !it[u - 1].brk && u - e < PUSH_IN_MAX)
        u++;
    if (u == e + 1 || !it[u - 1].brk)
        return e;
    for (int i = e; i < u - 1; i++)
        if (it[i].rigid)
            return e;
    int h;
    if (!lb_fits_within(p, s, u, avail, p->prm.pull_unit, &h))
        return e;
    *hang = h;
    return u;
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
    if (e >= p->n)
        return e;
    if (it[e - 1].brk)
        return pull_unit(p, s, e, avail, hang);
    /* push in: pull a mark that may not start a line (and what must go
     * with it), or the character after an opening mark, onto the line by
     * squeezing or hanging; a word or number that does not fit is pushed
     * down whole instead */
    int in = e;
    while (in < p->n && !it[in - 1].brk && in - e < PUSH_IN_MAX)
        in++;
    if (!it[e - 1].rigid && it[in - 1].brk && lb_fits(p, s, in, avail, hang))
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

/* Set lines from item s on, line by line, after the lines already set. */
static int by_lines_from(lb_para *p, int s)
{
    while (s < p->n) {
        int indent = line_indent(p, p->nlines), hang, emergency = 0;
        int e = line_end(p, s, p->prm.measure - indent, &hang, &emergency);
        e = extend_spaces(p, e);
        if (lb_add_line(p, s, e, indent, hang, emergency))
            return -1;
        s = e;
    }
    return 0;
}

static int by_lines(lb_para *p)
{
    p->nlines = 0;
    return by_lines_from(p, 0);
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
    const lb_line *ln = &p->lines[p->nlines - 1];
    return lb_letters(p, ln->a, ln->b);
}

/* A one-line paragraph has no 孤字, nor has a last line that follows an
 * intended break. */
static int is_orphan(const lb_para *p)
{
    if (p->nlines < 2 || p->it[p->lines[p->nlines - 1].a - 1].forced)
        return 0;
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
    if (p->nlines < 2)
        return 0;
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

/* The end of the unit after item e: the next place a line may end. */
static int unit_end(const lb_para *p, int e)
{
    int u = e + 1;
    while (u < p->n && !p->it[u - 1].brk)
        u++;
    return u;
}

static int is_mark_item(const lb_item *it)
{
    return !it->letter && !it->space && !it->absorbed;
}

/* Keep lines [0, k), end line k at u (squeezed or hanging), and set the
 * rest line by line. */
static int relay(lb_para *p, int k, int u)
{
    int a = k ? p->lines[k - 1].b : 0, indent = line_indent(p, k), hang;
    p->nlines = k;
    lb_fits(p, a, u, p->prm.measure - indent, &hang);
    u = extend_spaces(p, u);
    if (lb_add_line(p, a, u, indent, hang, 0))
        return -1;
    return by_lines_from(p, u);
}

/* Squeeze one earlier line to take the next unit, so that the 孤字 goes;
 * lines that can end on a mark are tried first, the latest first (the
 * originals squeeze where a line then ends on a comma or a quote). */
static int squeeze_repair(lb_para *p)
{
    int n = p->nlines, rc = 0;
    lb_line *saved = malloc((size_t)n * sizeof *saved);
    if (!saved)
        return -1;
    memcpy(saved, p->lines, (size_t)n * sizeof *saved);
    for (int pass = 0; pass < 2; pass++)
        for (int k = n - 2; k >= 0; k--) {
            int a = saved[k].a, u = unit_end(p, saved[k].b), hang;
            if (pass == 0) {
                while (u < p->n && is_mark_item(&p->it[u]))
                    u = unit_end(p, u);
                if (!is_mark_item(&p->it[u - 1]))
                    continue;
            }
            if (saved[k].b >= p->n || p->it[saved[k].b - 1].forced ||
                !lb_fits(p, a, u, p->prm.measure - line_indent(p, k), &hang))
                continue;
            memcpy(p->lines, saved, (size_t)k * sizeof *saved);
            if ((rc = relay(p, k, u)) != 0)
                goto out;
            if (p->nlines < n || !is_orphan(p))
                goto out;
        }
    /* nothing helped: back to the lines as they were */
    p->nlines = 0;
    for (int k = 0; k < n && rc == 0; k++)
        rc = lb_add_line(p, saved[k].a, saved[k].b, saved[k].indent,
                         saved[k].hang, saved[k].emergency);
out:
    free(saved);
    return rc;
}

/* Lines given by the original's lineation: each ends where the print
 * ended it; squeezing, hanging and, as a last resort, tightening make it
 * fit (lb_positions). */
static int given_lines(lb_para *p)
{
    p->nlines = 0;
    int a = 0;
    for (int k = 0; k < p->prm.nbreaks && a < p->n; k++) {
        int b = p->prm.breaks[k] + 1, hang = 0;
        if (b <= a || b > p->n)
            continue;
        int indent = line_indent(p, p->nlines);
        b = extend_spaces(p, b);
        lb_fits(p, a, b, p->prm.measure - indent, &hang);
        if (lb_add_line(p, a, b, indent, hang, 0))
            return -1;
        a = b;
    }
    return a < p->n ? by_lines_from(p, a) : 0;
}

/* Compose; against a 孤字 last line, first squeeze an earlier line to
 * take one more unit, then tighten the whole paragraph step by step
 * within the style's bound, and last pull a character down. */
static int compose_fitted(lb_para *p)
{
    int base = p->prm.tracking;
    if (compose_once(p))
        return -1;
    if (is_orphan(p) && p->prm.strategy == STY_BREAK_LINE &&
        squeeze_repair(p))
        return -1;
    for (int t = p->prm.tighten_step; is_orphan(p) && t > 0 &&
                                      t <= p->prm.tighten;
         t += p->prm.tighten_step) {
        p->prm.tracking = base - t;
        lb_prefix(p);
        if (compose_once(p))
            return -1;
    }
    if (is_orphan(p)) {
        if (p->prm.tracking != base) {
            p->prm.tracking = base;
            lb_prefix(p);
        }
        if (compose_once(p))
            return -1;
        /* pulling down loosens a line: the originals rather keep a last
         * line of two characters that no squeeze removes */
        int pull = p->prm.orphan_pull > 0 ? p->prm.orphan_pull
                                          : p->prm.orphan;
        if (last_letters(p) <= pull && pull_down(p))
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
    out->pw = malloc(((size_t)n + 1) * sizeof *out->pw);
    out->pg = malloc(((size_t)n + 1) * sizeof *out->pg);
    out->psq = malloc(4 * ((size_t)n + 1) * sizeof *out->psq);
    if (out->psq) {
        out->pgs = out->psq + n + 1;
        out->psp = out->pgs + n + 1;
        out->pnr = out->psp + n + 1;
    }
    int rc = out->it && out->pw && out->pg && out->psq
                 ? lb_items(cl, n, prm, out->it)
                 : -1;
    if (rc == 0) {
        lb_prefix(out);
        rc = prm->breaks ? given_lines(out) : compose_fitted(out);
    }
    if (rc) {
        lb_free(out);
        return -1;
    }
    mark_justified(out);
    return 0;
}

void lb_free(lb_para *p)
{
    free(p->pw);
    free(p->pg);
    free(p->psq);
    free(p->it);
    free(p->lines);
    memset(p, 0, sizeof *p);
}
