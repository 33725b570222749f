/* total.c: total-fit line breaking for new setting: the breaks of the
 * whole paragraph chosen together, at the least cost of stretching,
 * squeezing and hanging, with a 孤字 last line made expensive */
#include <float.h>
#include <stdlib.h>

#include "composer_imp.h"

/* Costs, in the units of badness (a line stretched by 0.1 em between
 * every two characters costs 100). */
#define COST_LINE 10.0        /* every line: prefer fewer lines */
#define COST_SQUEEZE 50.0     /* any squeezing at all */
#define COST_HANG 20.0        /* a hanging mark */
#define COST_ORPHAN 10000.0   /* a 孤字 last line */
#define STRETCH_SCALE 10000.0 /* times the square of the per-gap stretch (em) */
#define SQUEEZE_SCALE 100.0   /* times the square of the used share */

typedef struct tf_node {
    double cost;
    int from;   /* start of the last line, -1: unreachable */
    int hang;
} tf_node;

/* The places between a line's characters that may take stretch: after
 * every item of [a, e - 1) that is not rigid with the next (prefix sums,
 * constant time); at least one. */
static int stretch_gaps(const lb_para *p, int a, int e)
{
    long g = e - 1 > a ? p->pnr[e - 1] - p->pnr[a] : 0;
    return g > 0 ? (int)g : 1;
}

/* Cost of the line [a, b), or DBL_MAX when it cannot be set. */
static double line_cost(const lb_para *p, int a, int b, int last, int *hang)
{
    int avail = p->prm.measure - (a == 0 ? p->prm.first_indent : p->prm.indent);
    int nat = lb_natural(p, a, b);
    *hang = 0;
    if (last && nat <= avail) {
        int orphan = p->prm.orphan > 0 && a > 0 &&
                     lb_letters(p, a, b) <= p->prm.orphan &&
                     !p->it[a - 1].forced;
        return COST_LINE + (orphan ? COST_ORPHAN : 0);
    }
    if (nat <= avail) {
        double r = (double)(avail - nat) / stretch_gaps(p, a, b) / p->prm.em;
        return COST_LINE + STRETCH_SCALE * r * r;
    }
    if (!lb_fits(p, a, b, avail, hang))
        return DBL_MAX;
    double share = (double)(nat - avail) / avail;
    return COST_LINE + COST_SQUEEZE + SQUEEZE_SCALE * share * share * 100 +
           (*hang ? COST_HANG : 0);
}

static void relax(lb_para *p, tf_node *node, int k)
{
    int ends_set = k == p->n || p->it[k - 1].forced; /* not justified */
    for (int j = k - 1; j >= 0; j--) {
        if (j < k - 1 && p->it[j].forced)
            break; /* a line never runs past an intended break */
        if (node[j].from < 0 && j > 0)
            continue;
        if (j > 0 && !p->it[j - 1].brk)
            continue;
        int avail = p->prm.measure;
        if (lb_natural(p, j, k) > avail + avail / 4)
            break; /* further starts only make the line longer */
        int hang;
        double c = line_cost(p, j, k, ends_set, &hang);
        if (c < DBL_MAX && node[j].cost + c < node[k].cost) {
            node[k].cost = node[j].cost + c;
            node[k].from = j;
            node[k].hang = hang;
        }
    }
}

int lb_break_total(lb_para *p)
{
    tf_node *node = malloc(((size_t)p->n + 1) * sizeof *node);
    int *ends = malloc(((size_t)p->n + 1) * sizeof *ends);
    if (!node || !ends) {
        free(node);
        free(ends);
        return -1;
    }
    node[0] = (tf_node){0, 0, 0};
    for (int k = 1; k <= p->n; k++) {
        node[k] = (tf_node){DBL_MAX, -1, 0};
        if (k == p->n || p->it[k - 1].brk)
            relax(p, node, k);
    }
    int rc = 0, n = 0;
    if (node[p->n].from < 0) {
        free(node);
        free(ends);
        /* nothing fits anywhere: fall back to line by line */
        p->prm.strategy = STY_BREAK_LINE;
        return -2;
    }
    for (int k = p->n; k > 0; k = node[k].from)
        ends[n++] = k;
    p->nlines = 0;
    for (int i = n - 1, a = 0; i >= 0 && rc == 0; i--) {
        int indent = p->nlines == 0 ? p->prm.first_indent : p->prm.indent;
        rc = lb_add_line(p, a, ends[i], indent, node[ends[i]].hang, 0);
        a = ends[i];
    }
    free(node);
    free(ends);
    return rc;
}
