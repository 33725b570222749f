/* fit.c: fitting one line to its measure: natural width, squeeze in
 * clreq's order (line-end mark, adjacent marks, spaces, interpuncts,
 * brackets, ，、；：, CJK–Latin gaps, 。？！), hanging, and stretch
 * (spaces, CJK–Latin gaps, then evenly between characters) */
#include <stdlib.h>
#include <string.h>

#include "composer_imp.h"

/* A Western word space may shrink by a third and stretch by half of its
 * width (the usual bounds for justified Latin text). */
#define SPACE_SHRINK_DIV 3
#define SPACE_STRETCH_DIV 2

/* An adjustable place of a line: a side of an item, or the gap before
 * an item. */
typedef enum { OP_LEFT, OP_RIGHT, OP_GAP, OP_SPACE } op_kind;

typedef struct lb_op {
    op_kind kind;
    int i;          /* item */
    int level;      /* cc_level, or the stretch stage */
    int cap;        /* how much it may give or take */
    int got;        /* how much it gave or took */
} lb_op;

/* End of the line's content: trailing spaces hang past the end. */
static int content_end(const lb_para *p, int a, int b)
{
    while (b > a + 1 && (p->it[b - 1].space || p->it[b - 1].absorbed))
        b--;
    return b;
}

static int gap_before(const lb_para *p, int a, int i)
{
    if (i == a || p->it[i].absorbed)
        return 0;
    return p->it[i].gap + p->prm.tracking;
}

/* 行末半角: the mark that ends a line is always set at half width. */
static int end_trim(const lb_para *p, int a, int e)
{
    if (p->prm.punct != STY_PUNCT_END_HALF || e <= a)
        return 0;
    return p->it[e - 1].sq[1];
}

/* An opening mark that starts a line, set flush (start-flush): its blank
 * is gone whether or not the line needs the room. */
static int start_trim(const lb_para *p, int a, int e)
{
    if (!p->prm.start_flush || e <= a || p->it[a].cls != CC_OPEN)
        return 0;
    return p->it[a].sq[0];
}

void lb_prefix(lb_para *p)
{
    p->pw[0] = p->pg[0] = p->psq[0] = p->pgs[0] = p->psp[0] = p->pnr[0] = 0;
    for (int i = 0; i < p->n; i++) {
        const lb_item *it = &p->it[i];
        int slack = it->gap > it->gap_min ? it->gap - it->gap_min : 0;
        p->psq[i + 1] = p->psq[i] + it->sq[0] + it->sq[1];
        p->pgs[i + 1] = p->pgs[i] + slack;
        p->psp[i + 1] = p->psp[i] + (it->space ? it->w / SPACE_SHRINK_DIV : 0);
        p->pnr[i + 1] = p->pnr[i] + !it->rigid;
        p->pw[i + 1] = p->pw[i] + p->it[i].w;
        /* the gap before item i, as if i were not a line start */
        p->pg[i + 1] = p->pg[i] + (p->it[i].absorbed ? 0 : p->it[i].gap +
                                                              p->prm.tracking);
    }
}

/* Natural width of content [a, e), in constant time. */
static int natural_to(const lb_para *p, int a, int e)
{
    if (e <= a)
        return 0;
    long w = p->pw[e] - p->pw[a] + p->pg[e] - p->pg[a + 1];
    return (int)w - end_trim(p, a, e) - start_trim(p, a, e);
}

int lb_natural(const lb_para *p, int a, int b)
{
    return natural_to(p, a, content_end(p, a, b));
}

/* The squeeze opportunities of content [a, e), levels per clreq. */
static int squeeze_ops(const lb_para *p, int a, int e, lb_op *op)
{
    int n = 0;
    for (int i = a; i < e; i++) {
        const lb_item *it = &p->it[i];
        if (it->sq[0] > 0 && !(i == a && start_trim(p, a, e)))
            op[n++] = (lb_op){OP_LEFT, i, i == a ? CC_LVL_EDGE : it->lvl[0],
                              it->sq[0], 0};
        if (it->sq[1] > 0 && !(i == e - 1 && end_trim(p, a, e)))
            op[n++] = (lb_op){OP_RIGHT, i,
                              i == e - 1 ? CC_LVL_EDGE : it->lvl[1],
                              it->sq[1], 0};
        if (i > a && it->gap > it->gap_min)
            op[n++] = (lb_op){OP_GAP, i, CC_LVL_LATIN, it->gap - it->gap_min, 0};
        if (it->space && i > a && i < e - 1)
            op[n++] = (lb_op){OP_SPACE, i, CC_LVL_SPACE,
                              it->w / SPACE_SHRINK_DIV, 0};
    }
    return n;
}

/* Share amount over the ops of one level in proportion to their caps,
 * exactly: the rounding remainder goes one unit at a time. */
static int share_level(lb_op *op, int n, int level, int amount)
{
    long cap = 0;
    for (int k = 0; k < n; k++)
        if (op[k].level == level)
            cap += op[k].cap;
    if (cap == 0 || amount <= 0)
        return 0;
    int take = amount < cap ? amount : (int)cap, given = 0;
    for (int k = 0; k < n; k++)
        if (op[k].level == level) {
            op[k].got = (int)((long)op[k].cap * take / cap);
            given += op[k].got;
        }
    for (int k = 0; k < n && given < take; k++)
        if (op[k].level == level && op[k].got < op[k].cap) {
            op[k].got++;
            given++;
        }
    return take;
}

/* Squeeze ops by need, level by level; returns what could not be met. */
static int squeeze(lb_op *op, int n, int need)
{
    for (int lvl = CC_LVL_EDGE; lvl < CC_NLEVELS && need > 0; lvl++)
        need -= share_level(op, n, lvl, need);
    return need;
}

/* All the room content [a, e) can give by squeezing (the levels of
 * squeeze_ops, summed without building them), in constant time: the
 * blanks of [a, e) but those trimmed always, the gaps' slack after a,
 * the spaces' shrink strictly inside. */
static long squeeze_room(const lb_para *p, int a, int e)
{
    if (e <= a)
        return 0;
    long room = p->psq[e] - p->psq[a] - start_trim(p, a, e) -
                end_trim(p, a, e) + p->pgs[e] - p->pgs[a + 1];
    if (e - 1 > a + 1)
        room += p->psp[e - 1] - p->psp[a + 1];
    return room;
}

/* Can content [a, e) be squeezed into avail, using at most share per
 * mille of its room? */
static int squeezable(const lb_para *p, int a, int e, int avail, int share)
{
    long need = natural_to(p, a, e) - avail;
    return need <= 0 || squeeze_room(p, a, e) * share >= need * 1000;
}

/* A line-end 、，。 hangs past the measure when the line needs the room
 * and the style allows it; the rest must then fit. */
int lb_fits_within(const lb_para *p, int a, int b, int avail, int share,
                   int *hang)
{
    int e = content_end(p, a, b);
    *hang = 0;
    if (natural_to(p, a, e) <= avail)
        return 1;
    if (e - 1 > a && p->it[e - 1].hang &&
        squeezable(p, a, e - 1, avail, share)) {
        *hang = 1;
        return 1;
    }
    return squeezable(p, a, e, avail, share);
}

int lb_fits(const lb_para *p, int a, int b, int avail, int *hang)
{
    return lb_fits_within(p, a, b, avail, 1000, hang);
}

/* Stretch: spaces first, then CJK–Latin gaps, then evenly between the
 * characters, never inside ——, ……, words or numbers. */
enum { ST_SPACE = 1, ST_LATIN, ST_CHARS };

static int stretch_ops(const lb_para *p, int a, int e, lb_op *op)
{
    int n = 0;
    for (int i = a + 1; i < e; i++) {
        const lb_item *it = &p->it[i], *prev = &p->it[i - 1];
        if (it->space)
            op[n++] = (lb_op){OP_SPACE, i, ST_SPACE, it->w / SPACE_STRETCH_DIV, 0};
        if (it->gap_max > it->gap)
            op[n++] = (lb_op){OP_GAP, i, ST_LATIN, it->gap_max - it->gap, 0};
        if (!prev->rigid && !it->space && !prev->space && !it->absorbed)
            op[n++] = (lb_op){OP_GAP, i, ST_CHARS, 0, 0};
    }
    return n;
}

/* Even shares between characters: the last stage takes all that is left. */
static void stretch(lb_op *op, int n, int slack)
{
    slack -= share_level(op, n, ST_SPACE, slack);
    slack -= share_level(op, n, ST_LATIN, slack);
    int cnt = 0;
    for (int k = 0; k < n; k++)
        cnt += op[k].level == ST_CHARS;
    for (int k = 0, j = 0; k < n && cnt && slack > 0; k++)
        if (op[k].level == ST_CHARS)
            op[k].got = slack / cnt + (j++ < slack % cnt);
}

/* Turn the ops into a left squeeze, a right squeeze and a gap per item. */
static void apply_ops(const lb_op *op, int n, int a, int sign, int *sl,
                      int *sr, int *gap)
{
    for (int k = 0; k < n; k++) {
        int i = op[k].i - a;
        switch (op[k].kind) {
        case OP_LEFT:
            sl[i] += op[k].got;
            break;
        case OP_RIGHT:
            sr[i] += op[k].got;
            break;
        case OP_GAP:
        case OP_SPACE:
            gap[i] += sign * op[k].got;
            break;
        }
    }
}

static int adjust(const lb_para *p, const lb_line *ln, int e, int avail,
                  int *sl, int *sr, int *gap)
{
    int a = ln->a, content = ln->hang ? e - 1 : e;
    int delta = avail - natural_to(p, a, content);
    lb_op *op = malloc((size_t)(e - a) * 4 * sizeof *op + sizeof *op);
    if (!op)
        return delta;
    if (delta < 0 && !ln->emergency) {
        int n = squeeze_ops(p, a, content, op);
        int left = squeeze(op, n, -delta);
        apply_ops(op, n, a, -1, sl, sr, gap);
        if (left > 0 && content - a > 1) {
            /* the last resort, for lines given by the original: tighten
             * the line's characters evenly (never past a word's inside) */
            int m = stretch_ops(p, a, content, op);
            stretch(op, m, left);
            apply_ops(op, m, a, -1, sl, sr, gap);
        }
        delta = 0;
    } else if (delta > 0 && ln->justify) {
        int n = stretch_ops(p, a, content, op);
        stretch(op, n, delta);
        apply_ops(op, n, a, 1, sl, sr, gap);
        delta = 0;
    }
    free(op);
    return delta;
}

void lb_positions(const lb_para *p, const lb_line *ln, int *x)
{
    int a = ln->a, b = ln->b, n = b - a;
    int e = content_end(p, a, b);
    int *sl = calloc((size_t)n * 3 + 3, sizeof *sl);
    if (!sl)
        return;
    int *sr = sl + n + 1, *gap = sr + n + 1;
    int avail = p->prm.measure - ln->indent;
    int content = ln->hang ? e - 1 : e;
    if (content > a) {
        sr[content - 1 - a] += end_trim(p, a, content);
        sl[0] += start_trim(p, a, content);
    }
    int slack = adjust(p, ln, e, avail, sl, sr, gap);
    int pen = ln->indent;
    if (slack > 0 && !ln->justify) {
        sty_align al = p->prm.align;
        pen += al == STY_CENTER ? slack / 2 : al == STY_RIGHT ? slack : 0;
    }
    for (int i = a; i < b; i++) {
        pen += gap_before(p, a, i) + gap[i - a];
        x[i - a] = pen - sl[i - a];
        pen += p->it[i].w - sl[i - a] - sr[i - a];
    }
    x[n] = pen;
    free(sl);
}
