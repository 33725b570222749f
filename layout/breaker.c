/* breaker.c: the first line breaker: fill each line, keep prohibited
 * characters off line starts and ends by pushing them down, never split
 * ——, ……, numbers or Latin words, and justify by spacing characters */
#include <stdlib.h>

#include "lay.h"

/* May a line end after cluster i? */
static int can_break_after(const sh_cluster *cl, int i, int n,
                           sty_kinsoku level)
{
    if (i + 1 >= n)
        return 1;
    cc_class a = cl[i].cls, b = cl[i + 1].cls;
    if (a == CC_SPACE)
        return b != CC_SPACE;
    if (!cc_pair_breakable(a, b))
        return 0;
    return !cc_no_start(b, level) && !cc_no_end(a, level);
}

/* Width of clusters [a, b) without trailing spaces, with tracking. */
static int natural_width(const sh_cluster *cl, int a, int b, int tracking)
{
    while (b > a && cl[b - 1].cls == CC_SPACE)
        b--;
    int w = 0;
    for (int i = a; i < b; i++)
        w += cl[i].width + (i + 1 < b ? tracking : 0);
    return w;
}

/* End of the line that starts at s: the last break that fits, or an
 * emergency break when nothing fits. */
static int line_end(const sh_cluster *cl, int n, int s, int avail,
                    const lb_params *prm, int *emergency)
{
    int w = 0, best = -1, fit = s + 1;
    for (int i = s; i < n; i++) {
        int add = cl[i].width + (i > s ? prm->tracking : 0);
        if (cl[i].cls != CC_SPACE && w + add > avail)
            break;
        w += add;
        fit = i + 1;
        if (cl[i].forced_break)
            return i + 1;
        if (can_break_after(cl, i, n, prm->kinsoku))
            best = i + 1;
    }
    if (fit >= n)
        return n;
    if (best > s)
        return best;
    *emergency = 1; /* nothing breakable fits: cut where the measure ends */
    return fit;
}

int lb_break(const sh_cluster *cl, int n, const lb_params *prm,
             lb_line **lines, int *nlines)
{
    lb_line *out = NULL;
    size_t cnt = 0, cap = 0;
    int s = 0;
    while (s < n) {
        int indent = cnt == 0 ? prm->first_indent : prm->indent;
        int emergency = 0;
        int e = line_end(cl, n, s, prm->measure - indent, prm, &emergency);
        while (e < n && cl[e].cls == CC_SPACE && !cl[e - 1].forced_break)
            e++; /* spaces at a break stay at the end of the line */
        lb_line *ln = VEC_PUSH(out, cnt, cap);
        if (!ln)
            return -1;
        ln->a = s;
        ln->b = e;
        ln->indent = indent;
        ln->natural = natural_width(cl, s, e, prm->tracking);
        ln->emergency = emergency;
        /* lines broken by the measure are justified, centred text
         * included; last and intended-break lines follow the alignment */
        ln->justify = prm->align == STY_SPREAD ||
                      (e < n && !cl[e - 1].forced_break &&
                       prm->align != STY_LEFT && prm->align != STY_RIGHT);
        s = e;
    }
    *lines = out;
    *nlines = (int)cnt;
    return 0;
}

/* May extra space go between clusters i and i+1 when justifying? Not
 * inside ——, ……, words or numbers. */
static int stretchable(const sh_cluster *cl, int i)
{
    return !cc_pair_rigid(cl[i].cls, cl[i + 1].cls);
}

void lb_positions(const sh_cluster *cl, const lb_line *ln,
                  const lb_params *prm, int *x)
{
    int a = ln->a, b = ln->b, last = b;
    while (last > a && cl[last - 1].cls == CC_SPACE)
        last--;
    int avail = prm->measure - ln->indent;
    int slack = avail - ln->natural, gaps = 0;
    for (int i = a; i + 1 < last; i++)
        gaps += stretchable(cl, i);
    int start = ln->indent;
    if (!ln->justify || gaps == 0 || slack <= 0) {
        if (prm->align == STY_CENTER && slack > 0)
            start += slack / 2;
        else if (prm->align == STY_RIGHT && slack > 0)
            start += slack;
        gaps = 0;
    }
    int pen = start, k = 0;
    for (int i = a; i < b; i++) {
        x[i - a] = pen;
        pen += cl[i].width;
        if (i + 1 < last) {
            pen += prm->tracking;
            if (gaps && stretchable(cl, i)) {
                /* even shares; the remainder to the first gaps, so the
                 * line ends exactly at the measure */
                pen += slack / gaps + (k < slack % gaps);
                k++;
            }
        }
    }
    x[b - a] = pen;
}
