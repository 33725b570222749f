/* columns.h: filling columns with rows (columns.c; prefix cl_): pure
 * functions over caller-owned row arrays, heights in grid lines */
#ifndef BULLETIN_LAYOUT_COLUMNS_H
#define BULLETIN_LAYOUT_COLUMNS_H

#include "rows.h"

/* A column may end before row k (not after a head). */
int cl_break_ok(const fl_row *rows, int k, int n);
/* How far rows from s fill a column of cap grid lines: the end index
 * (s when not even the first row fits or may stand there). */
int cl_fill(const fl_row *rows, int s, int n, int cap);
/* Rows [s, n) over two columns of at most cap lines, as short as
 * possible: 0 with the split row and the taller column's height; -1 when
 * they do not fit. */
int cl_balance(const fl_row *rows, int s, int n, int cap, int *split,
               int *height);
/* Let the text after a figure that does not fit the column go first. */
void cl_float_figure(fl_row *rows, int s, int n, int cap);
/* Split a boxed notice that meets the column end into the empty row
 * after it, min lines at least on either side. */
void cl_split_box(fl_row *rows, int s, int n, int cap, int min);
/* The first page-wide figure in rows [s, n), or n. */
int cl_next_wide(const fl_row *rows, int s, int n);
/* Spread extra blank lines over rows [s, e) of a column (gap[k - s]
 * before row k): 0, or -1 when they cannot all be absorbed. */
int cl_spread_gaps(const fl_row *rows, int s, int e, int extra,
                   const sty_page *pg, int *gap);

#endif
