/* columns.c: filling columns with rows of whole grid lines: where a
 * column may end, how far rows fill it, two columns balanced, figures
 * floated past text, boxed notices split at a column end, and blank
 * lines spread down a column */
#include <string.h>

#include "columns.h"

/* Blank lines are spread at one place at most the style's spread-head
 * before a head, spread-para at a paragraph end (whole grid lines, so the
 * columns stay in register). */

/* The most blank lines that may stand before row k of a column, 0 where
 * a line may not be opened (inside a paragraph, after a head). */
static int spread_room(const fl_row *rows, int k, const sty_page *pg)
{
    unsigned before = rows[k - 1].flags, after = rows[k].flags;
    if (!(before & FL_LAST) || (before & FL_KEEP_NEXT) || !(after & FL_FIRST) ||
        rows[k].h == 0)
        return 0;
    return after & FL_KEEP_NEXT ? pg->spread_head : pg->spread_para;
}

/* Spread extra blank lines over rows [s, e) of one column: gap[k - s] is
 * the number before row k. Each round gives one line to every head that
 * still has room, then to paragraph ends picked evenly down the column.
 * 0 when all of extra is absorbed; -1 (and no gaps) when it cannot be. */
int cl_spread_gaps(const fl_row *rows, int s, int e, int extra,
                   const sty_page *pg, int *gap)
{
    int room = 0;
    memset(gap, 0, (size_t)(e - s) * sizeof *gap);
    for (int k = s + 1; k < e; k++)
        room += spread_room(rows, k, pg);
    if (extra > room)
        return -1;
    for (int round = 0; extra > 0; round++) {
        for (int k = s + 1; k < e && extra > 0; k++)
            if ((rows[k].flags & FL_KEEP_NEXT) && spread_room(rows, k, pg) > round) {
                gap[k - s]++;
                extra--;
            }
        int m = 0;
        for (int k = s + 1; k < e; k++)
            m += !(rows[k].flags & FL_KEEP_NEXT) && spread_room(rows, k, pg) > round;
        int take = extra < m ? extra : m, seen = 0, j = 0;
        for (int k = s + 1; k < e && j < take; k++) {
            if ((rows[k].flags & FL_KEEP_NEXT) || spread_room(rows, k, pg) <= round)
                continue;
            /* the j-th of take picks, spaced evenly over the m places */
            if (seen++ == (2 * j + 1) * m / (2 * take)) {
                gap[k - s]++;
                j++;
            }
        }
        extra -= take;
    }
    return 0;
}

/* A column may end before row k: not after a head. */
int cl_break_ok(const fl_row *rows, int k, int n)
{
    return k >= n || !(rows[k - 1].flags & FL_KEEP_NEXT);
}

/* A break before row k leaves one line of a paragraph alone at the foot
 * or the head of a column. */
static int break_poor(const fl_row *rows, int k, int n)
{
    if (k >= n)
        return 0;
    unsigned before = rows[k - 1].flags, after = rows[k].flags;
    return ((before & FL_FIRST) && !(before & FL_LAST)) ||
           ((after & FL_LAST) && !(after & FL_FIRST));
}

/* How far rows from s fill a column of cap grid lines: the end index
 * (s when not even the first row fits or may stand there). */
int cl_fill(const fl_row *rows, int s, int n, int cap)
{
    int k = s, used = 0;
    while (k < n && used + rows[k].h <= cap)
        used += rows[k++].h;
    if (k >= n)
        return n;
    while (k > s && !cl_break_ok(rows, k, n))
        k--;
    /* move one line over when that avoids a lone line and costs no other */
    if (k > s + 1 && break_poor(rows, k, n) && cl_break_ok(rows, k - 1, n) &&
        !break_poor(rows, k - 1, n))
        k--;
    return k;
}

/* Split rows [s, n) over two columns of at most cap lines, as short as
 * possible: the first column holds at least half; at equal height the
 * second column is the shorter (a head, which must go with the line
 * after it, may leave the second a line or two longer). 0 when possible. */
int cl_balance(const fl_row *rows, int s, int n, int cap, int *split,
               int *height)
{
    int total = rw_height(rows, s, n);
    for (int h = (total + 1) / 2; h <= cap; h++) {
        int best = -1;
        for (int k = cl_fill(rows, s, n, h); k > s || (k == s && s == n); k--) {
            int first = rw_height(rows, s, k), rest = rw_height(rows, k, n);
            if (rest > h || first > h)
                break;
            if (k < n && !cl_break_ok(rows, k, n))
                continue;
            if (best < 0 || rest <= first)
                best = k;
            if (rest <= first || k == s)
                break;
        }
        if (best >= 0) {
            int first = rw_height(rows, s, best), rest = rw_height(rows, best, n);
            *split = best;
            *height = first > rest ? first : rest;
            return 0;
        }
    }
    return -1;
}

/* A figure that does not fit what is left of a column lets the lines
 * after it go first; it floats to the next column. */
void cl_float_figure(fl_row *rows, int s, int n, int cap)
{
    int k = s, used = 0;
    while (k < n && used + rows[k].h <= cap)
        used += rows[k++].h;
    if (k >= n || !(rows[k].flags & FL_FLOAT))
        return;
    int j = k + 1;
    while (j < n && !(rows[j].flags & FL_FLOAT) && used + rows[j].h <= cap)
        used += rows[j++].h;
    if (j == k + 1)
        return;
    fl_row fig = rows[k];
    memmove(&rows[k], &rows[k + 1], (size_t)(j - k - 1) * sizeof *rows);
    rows[j - 1] = fig;
}

/* When the row that does not fit in cap lines from s is a boxed notice,
 * split it so that its first part fills the column: the rest goes into
 * the empty row after it. Each part keeps its frame and padding. */
void cl_split_box(fl_row *rows, int s, int n, int cap, int min)
{
    int k = s, used = 0;
    while (k < n && used + rows[k].h <= cap)
        used += rows[k++].h;
    if (k + 1 >= n || !(rows[k].flags & FL_BOX) || rows[k].h == 0 ||
        rows[k + 1].h != 0 || !(rows[k + 1].flags & FL_BOX))
        return;
    int fit = cap - used - 1; /* lines, below the padding */
    /* at least min lines on either side of the split */
    if (fit > rows[k].nlines - min)
        fit = rows[k].nlines - min;
    if (fit < min)
        return;
    fl_row *first = &rows[k], *rest = &rows[k + 1];
    *rest = *first;
    first->nlines = fit;
    rest->line0 += fit;
    rest->nlines -= fit;
    first->h = first->nlines + 1;
    rest->h = rest->nlines + 1;
    first->frame_h = first->h * first->adv - first->adv / 2;
    rest->frame_h = rest->h * rest->adv - rest->adv / 2;
}

/* The first page-wide figure in rows [s, n), or n. */
int cl_next_wide(const fl_row *rows, int s, int n)
{
    while (s < n && !(rows[s].flags & FL_WIDE))
        s++;
    return s;
}

