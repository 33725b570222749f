/* test_columns.c: the page builder's column rules (layout/columns.c) on
 * synthetic rows of known heights and flags: filling a column, balancing
 * two, splitting a boxed notice, spreading blank lines, floating a figure
 * and finding a page-wide one. Every expected value is worked out by hand
 * in the comment above it. Rows are written as strings, one letter a row:
 *   F  first line of a paragraph      L  last line of a paragraph
 *   1  one-line paragraph (F and L)   -  a line inside a paragraph
 *   H  a head (keep with next, F, L)  f  a figure that may float (F, L)
 *   W  a page-wide figure (F, L)      B  a boxed notice (F, L)
 *   0  the empty row after a box (h 0, F, L)
 * each one grid line high unless a case sets another height. A row's line0
 * is its index when made, so that moves can be read back. */
#include <string.h>

#include "../../layout/columns.h"
#include "check.h"

#define MAXROWS 32

/* Rows from a pattern (see the top of the file); returns their number. */
static int rows_of(const char *pat, fl_row *rows)
{
    int n = 0;
    for (const char *p = pat; *p && n < MAXROWS; p++, n++) {
        fl_row *r = &rows[n];
        memset(r, 0, sizeof *r);
        r->h = 1;
        r->line0 = n;
        r->nlines = 1;
        r->adv = 12;
        switch (*p) {
        case 'F': r->flags = FL_FIRST; break;
        case 'L': r->flags = FL_LAST; break;
        case '1': r->flags = FL_FIRST | FL_LAST; break;
        case '-': r->flags = 0; break;
        case 'H': r->flags = FL_KEEP_NEXT | FL_FIRST | FL_LAST; break;
        case 'f': r->flags = FL_FLOAT | FL_FIRST | FL_LAST; break;
        case 'W': r->flags = FL_WIDE | FL_FIRST | FL_LAST; break;
        case 'B': r->flags = FL_BOX | FL_FIRST | FL_LAST; break;
        case '0':
            r->flags = FL_BOX | FL_FIRST | FL_LAST;
            r->h = 0;
            r->nlines = 0;
            break;
        }
    }
    return n;
}

/* The order of the rows as the letters of their line0 (a, b, c, …). */
static const char *order(const fl_row *rows, int n)
{
    static char s[MAXROWS + 1];
    for (int i = 0; i < n; i++)
        s[i] = (char)('a' + rows[i].line0);
    s[n] = '\0';
    return s;
}

/* ---- cl_fill ---- */

static void fill_all_fit(check_state *cs)
{
    fl_row r[MAXROWS];
    int n = rows_of("F-L1F-L", r);
    /* 7 lines in a column of 10: every row, the end index n = 7 */
    CHECK_INT(cs, cl_fill(r, 0, n, 10), 7);
    /* exactly 7 fit too */
    CHECK_INT(cs, cl_fill(r, 0, n, 7), 7);
}

static void fill_inside_paragraph(check_state *cs)
{
    fl_row r[MAXROWS];
    int n = rows_of("F----L", r);
    /* 3 lines: rows 0-2; the break before row 3 falls between two inner
     * lines (neither a lone first nor a lone last line): 3 */
    CHECK_INT(cs, cl_fill(r, 0, n, 3), 3);
    /* from row 2 in 2 lines: rows 2-3, end 4 */
    CHECK_INT(cs, cl_fill(r, 2, n, 2), 4);
}

static void fill_keeps_head(check_state *cs)
{
    fl_row r[MAXROWS];
    int n = rows_of("1HF-L", r);
    /* 2 lines would end the column after the head (row 1): the head goes
     * to the next column with its text, the column ends after row 0: 1 */
    CHECK_INT(cs, cl_fill(r, 0, n, 2), 1);
    /* 3 lines: the head and the first line of its paragraph: 3 */
    CHECK_INT(cs, cl_fill(r, 0, n, 3), 3);
}

static void fill_avoids_lone_first_line(check_state *cs)
{
    fl_row r[MAXROWS];
    int n = rows_of("F-LF-L", r);
    /* 4 lines end the column after row 3, the first line of the second
     * paragraph, alone at the foot; the break one row earlier (between
     * the paragraphs) is clean: 3 */
    CHECK_INT(cs, cl_fill(r, 0, n, 4), 3);
}

static void fill_keeps_lone_last_line_when_no_better(check_state *cs)
{
    fl_row r[MAXROWS];
    int n = rows_of("F-L", r);
    /* 2 lines leave row 2, the last line, alone at the next column's head;
     * one row earlier would leave row 0 alone at this foot: no better, so
     * the break stays: 2 */
    CHECK_INT(cs, cl_fill(r, 0, n, 2), 2);
}

static void fill_first_row_too_tall(check_state *cs)
{
    fl_row r[MAXROWS];
    int n = rows_of("f1", r);
    r[0].h = 5;
    /* a 5-line figure in 3 lines: nothing fits, the end is s: 0 */
    CHECK_INT(cs, cl_fill(r, 0, n, 3), 0);
    /* a head alone in its column may not stand there either: from row 1
     * of "1H1" in 1 line the end is s */
    n = rows_of("1H1", r);
    CHECK_INT(cs, cl_fill(r, 1, n, 1), 1);
}

/* ---- cl_balance ---- */

static void balance_even(check_state *cs)
{
    fl_row r[MAXROWS];
    int n = rows_of("F----L", r), k = -1, h = -1;
    /* 6 lines in two columns of at most 10: 3 and 3, split before row 3 */
    CHECK_INT(cs, cl_balance(r, 0, n, 10, &k, &h), 0);
    CHECK_INT(cs, k, 3);
    CHECK_INT(cs, h, 3);
}

static void balance_odd(check_state *cs)
{
    fl_row r[MAXROWS];
    int n = rows_of("F---L", r), k = -1, h = -1;
    /* 5 lines: the first column takes the larger half, 3 and 2: split
     * before row 3, height 3 */
    CHECK_INT(cs, cl_balance(r, 0, n, 10, &k, &h), 0);
    CHECK_INT(cs, k, 3);
    CHECK_INT(cs, h, 3);
}

static void balance_head(check_state *cs)
{
    fl_row r[MAXROWS];
    int n = rows_of("F-LHF--L", r), k = -1, h = -1;
    /* 8 lines. Height 4: the first column would end after the head (row
     * 3), so it ends after row 2 and the second gets 5 > 4: no. Height 5:
     * rows 0-4 (the head takes the first line of its paragraph along),
     * the second column rows 5-7, 3 lines: split 5, height 5 */
    CHECK_INT(cs, cl_balance(r, 0, n, 10, &k, &h), 0);
    CHECK_INT(cs, k, 5);
    CHECK_INT(cs, h, 5);
}

static void balance_from_offset(check_state *cs)
{
    fl_row r[MAXROWS];
    int n = rows_of("F-L1111", r), k = -1, h = -1;
    r[4].h = 2;
    /* rows 3-6 from s = 3: heights 1 2 1 1, 5 lines; height 3: rows 3-4
     * (3 lines), rows 5-6 (2): split 5, height 3 */
    CHECK_INT(cs, cl_balance(r, 3, n, 10, &k, &h), 0);
    CHECK_INT(cs, k, 5);
    CHECK_INT(cs, h, 3);
}

static void balance_too_long(check_state *cs)
{
    fl_row r[MAXROWS];
    int n = rows_of("F-----L", r), k = -1, h = -1;
    /* 7 lines in two columns of 3: they do not fit, -1, nothing set */
    CHECK_INT(cs, cl_balance(r, 0, n, 3, &k, &h), -1);
    CHECK_INT(cs, k, -1);
    CHECK_INT(cs, h, -1);
    /* 7 lines in two columns of 4: 4 and 3 */
    CHECK_INT(cs, cl_balance(r, 0, n, 4, &k, &h), 0);
    CHECK_INT(cs, k, 4);
    CHECK_INT(cs, h, 4);
}

static void balance_nothing(check_state *cs)
{
    fl_row r[MAXROWS];
    int n = rows_of("1", r), k = -1, h = -1;
    /* no rows (s == n): both columns empty, split at s, height 0 */
    CHECK_INT(cs, cl_balance(r, n, n, 5, &k, &h), 0);
    CHECK_INT(cs, k, n);
    CHECK_INT(cs, h, 0);
}

/* ---- cl_split_box ---- */

/* "1B000" with the box holding 6 lines (h 7) from composed line 10,
 * 12 pt apart. */
static int box_rows(fl_row *r)
{
    int n = rows_of("1B0001", r);
    r[1].nlines = 6;
    r[1].h = 7;
    r[1].line0 = 10;
    return n;
}

static void split_box_fills_column(check_state *cs)
{
    fl_row r[MAXROWS];
    int n = box_rows(r);
    /* cap 5 from row 0: row 0 takes 1 line; the box (7) does not fit the
     * 4 left: 4 - 1 (padding) = 3 lines stay, 3 go on, each part with one
     * line of padding: h 4 and 4, line0 10 and 13, frames 4 * 12 - 6 = 42
     * pt high */
    cl_split_box(r, 0, n, 5, 2);
    CHECK_INT(cs, r[1].nlines, 3);
    CHECK_INT(cs, r[1].h, 4);
    CHECK_INT(cs, r[1].line0, 10);
    CHECK(cs, r[1].frame_h == 42);
    CHECK_INT(cs, r[2].nlines, 3);
    CHECK_INT(cs, r[2].h, 4);
    CHECK_INT(cs, r[2].line0, 13);
    CHECK(cs, r[2].frame_h == 42);
    CHECK_INT(cs, r[2].flags, FL_BOX | FL_FIRST | FL_LAST);
    /* the rest of the empty rows stay empty; the column now ends after
     * the box's first part */
    CHECK_INT(cs, r[3].h, 0);
    CHECK_INT(cs, cl_fill(r, 0, n, 5), 2);
}

static void split_box_keeps_min(check_state *cs)
{
    fl_row r[MAXROWS];
    int n = box_rows(r);
    /* cap 7: 7 - 1 - 1 = 5 lines would stay, but at least min 2 must go
     * on: 4 stay (h 5), 2 go on (h 3, from line 14) */
    cl_split_box(r, 0, n, 7, 2);
    CHECK_INT(cs, r[1].nlines, 4);
    CHECK_INT(cs, r[1].h, 5);
    CHECK_INT(cs, r[2].nlines, 2);
    CHECK_INT(cs, r[2].h, 3);
    CHECK_INT(cs, r[2].line0, 14);
}

static void split_box_not(check_state *cs)
{
    fl_row r[MAXROWS];
    int n = box_rows(r);
    /* cap 3: only 3 - 1 - 1 = 1 line would stay, fewer than min 2: the
     * box is left whole, its empty row empty */
    cl_split_box(r, 0, n, 3, 2);
    CHECK_INT(cs, r[1].nlines, 6);
    CHECK_INT(cs, r[1].h, 7);
    CHECK_INT(cs, r[2].h, 0);
    /* cap 8: the box fits (1 + 7), nothing is split */
    cl_split_box(r, 0, n, 8, 2);
    CHECK_INT(cs, r[1].h, 7);
    CHECK_INT(cs, r[2].h, 0);
    /* a box with no empty row after it is never split: not into a line
     * of text, nor into the next box */
    n = rows_of("1B1", r);
    r[1].nlines = 6;
    r[1].h = 7;
    cl_split_box(r, 0, n, 5, 2);
    CHECK_INT(cs, r[1].h, 7);
    CHECK_INT(cs, r[2].h, 1);
    n = rows_of("1BB", r);
    r[1].nlines = 6;
    r[1].h = 7;
    cl_split_box(r, 0, n, 5, 2);
    CHECK_INT(cs, r[1].h, 7);
    CHECK_INT(cs, r[2].h, 1);
    CHECK_INT(cs, r[2].line0, 2);
}

/* ---- cl_spread_gaps ---- */

static void spread_heads_first(check_state *cs)
{
    fl_row r[MAXROWS];
    sty_page pg;
    memset(&pg, 0, sizeof pg);
    pg.spread_head = 2;
    pg.spread_para = 1;
    int n = rows_of("F-LFLHF-L", r), gap[MAXROWS];
    /* places: before row 3 (paragraph end: 1), before row 5 (a head: 2);
     * none inside a paragraph or after the head: room 3 */
    CHECK_INT(cs, cl_spread_gaps(r, 0, n, 4, &pg, gap), -1);
    /* 3: round 0 gives the head 1 and the paragraph end 1, round 1 the
     * head its second */
    CHECK_INT(cs, cl_spread_gaps(r, 0, n, 3, &pg, gap), 0);
    int want3[] = {0, 0, 0, 1, 0, 2, 0, 0, 0};
    for (int i = 0; i < n; i++)
        CHECK_INT(cs, gap[i], want3[i]);
    /* 1: the head comes first */
    CHECK_INT(cs, cl_spread_gaps(r, 0, n, 1, &pg, gap), 0);
    int want1[] = {0, 0, 0, 0, 0, 1, 0, 0, 0};
    for (int i = 0; i < n; i++)
        CHECK_INT(cs, gap[i], want1[i]);
}

static void spread_evenly(check_state *cs)
{
    fl_row r[MAXROWS];
    sty_page pg;
    memset(&pg, 0, sizeof pg);
    pg.spread_head = 2;
    pg.spread_para = 1;
    int n = rows_of("11111", r), gap[MAXROWS];
    /* four paragraph ends (before rows 1-4), 2 lines: the picks are the
     * (2j + 1) * 4 / 4-th places, j = 0, 1: the 2nd and 4th, rows 2, 4 */
    CHECK_INT(cs, cl_spread_gaps(r, 0, n, 2, &pg, gap), 0);
    int want[] = {0, 0, 1, 0, 1};
    for (int i = 0; i < n; i++)
        CHECK_INT(cs, gap[i], want[i]);
    /* from row 2: places before rows 3 and 4, gap indexed from s; 2 lines
     * fill both */
    CHECK_INT(cs, cl_spread_gaps(r, 2, n, 2, &pg, gap), 0);
    CHECK_INT(cs, gap[0], 0);
    CHECK_INT(cs, gap[1], 1);
    CHECK_INT(cs, gap[2], 1);
    /* spread-para 0 opens none between paragraphs */
    pg.spread_para = 0;
    CHECK_INT(cs, cl_spread_gaps(r, 0, n, 1, &pg, gap), -1);
    CHECK_INT(cs, cl_spread_gaps(r, 0, n, 0, &pg, gap), 0);
}

static void spread_not_into_box(check_state *cs)
{
    fl_row r[MAXROWS];
    sty_page pg;
    memset(&pg, 0, sizeof pg);
    pg.spread_head = 2;
    pg.spread_para = 1;
    int n = rows_of("1B01", r), gap[MAXROWS];
    /* places before row 1 (the box) and row 3 (after its empty row), not
     * before the empty row 2 (it would open the box): room 2 */
    CHECK_INT(cs, cl_spread_gaps(r, 0, n, 3, &pg, gap), -1);
    /* 2 lines: (2j + 1) * 2 / 4 = 0, 1: the 1st and 2nd places */
    CHECK_INT(cs, cl_spread_gaps(r, 0, n, 2, &pg, gap), 0);
    int want[] = {0, 1, 0, 1};
    for (int i = 0; i < n; i++)
        CHECK_INT(cs, gap[i], want[i]);
}

/* ---- cl_float_figure ---- */

static void float_past_text(check_state *cs)
{
    fl_row r[MAXROWS];
    int n = rows_of("F-LfF-L", r);
    r[3].h = 4;
    /* cap 5: rows a-c take 3, the figure d (4) does not fit the 2 left;
     * rows e, f (2 lines) do and go before it: a b c e f d g */
    cl_float_figure(r, 0, n, 5);
    CHECK_STR(cs, order(r, n), "abcefdg");
}

static void float_not_needed(check_state *cs)
{
    fl_row r[MAXROWS];
    int n = rows_of("F-LfF-L", r);
    r[3].h = 4;
    /* cap 7: the figure fits (3 + 4): nothing moves */
    cl_float_figure(r, 0, n, 7);
    CHECK_STR(cs, order(r, n), "abcdefg");
    /* cap 3: nothing after the figure fits the 0 lines left: no move */
    cl_float_figure(r, 0, n, 3);
    CHECK_STR(cs, order(r, n), "abcdefg");
    /* cap 3 again with a 3-line head where the figure was: only a figure
     * lets text pass it, though c and d would fit: no move */
    n = rows_of("1H11", r);
    r[1].h = 3;
    cl_float_figure(r, 0, n, 3);
    CHECK_STR(cs, order(r, n), "abcd");
}

static void float_stops_at_figure(check_state *cs)
{
    fl_row r[MAXROWS];
    int n = rows_of("1fF-Lf1", r);
    r[1].h = 6;
    /* cap 6: a takes 1, figure b (6) does not fit; c, d, e (3 lines) go
     * before it, and the next figure f stops the search though it and g
     * would fit (5, 6 lines): a c d e b f g */
    cl_float_figure(r, 0, n, 6);
    CHECK_STR(cs, order(r, n), "acdebfg");
    /* two figures in a row: the second may not pass the first */
    n = rows_of("1ff1", r);
    r[1].h = 4;
    cl_float_figure(r, 0, n, 3);
    CHECK_STR(cs, order(r, n), "abcd");
}

/* ---- cl_next_wide ---- */

static void next_wide(check_state *cs)
{
    fl_row r[MAXROWS];
    int n = rows_of("F-LfW1W1", r);
    /* the first page-wide figure is row 4 (row 3 floats, it is not wide) */
    CHECK_INT(cs, cl_next_wide(r, 0, n), 4);
    CHECK_INT(cs, cl_next_wide(r, 4, n), 4);
    /* past it, the next one: row 6 */
    CHECK_INT(cs, cl_next_wide(r, 5, n), 6);
    /* none after row 6: n */
    CHECK_INT(cs, cl_next_wide(r, 7, n), n);
    /* none in rows [0, 4): the end of the range, 4 */
    CHECK_INT(cs, cl_next_wide(r, 0, 4), 4);
}

static void break_ok(check_state *cs)
{
    fl_row r[MAXROWS];
    int n = rows_of("1H1", r);
    /* a column may end before row 1 (after a paragraph), not before row 2
     * (after the head), and always at the end */
    CHECK(cs, cl_break_ok(r, 1, n));
    CHECK(cs, !cl_break_ok(r, 2, n));
    CHECK(cs, cl_break_ok(r, 3, n));
}

static const check_case cases[] = {
    {"cl_fill: every row fits", fill_all_fit},
    {"cl_fill: a break inside a paragraph", fill_inside_paragraph},
    {"cl_fill: a head does not end a column", fill_keeps_head},
    {"cl_fill: no lone first line at the foot", fill_avoids_lone_first_line},
    {"cl_fill: a lone last line when moving is no better",
     fill_keeps_lone_last_line_when_no_better},
    {"cl_fill: a first row that does not fit", fill_first_row_too_tall},
    {"cl_balance: even", balance_even},
    {"cl_balance: odd, the first column longer", balance_odd},
    {"cl_balance: a head takes a line along", balance_head},
    {"cl_balance: from an offset, a taller row", balance_from_offset},
    {"cl_balance: too long for the columns", balance_too_long},
    {"cl_balance: no rows", balance_nothing},
    {"cl_split_box: the first part fills the column", split_box_fills_column},
    {"cl_split_box: min lines on either side", split_box_keeps_min},
    {"cl_split_box: left whole", split_box_not},
    {"cl_spread_gaps: heads first, then paragraph ends", spread_heads_first},
    {"cl_spread_gaps: evenly down the column", spread_evenly},
    {"cl_spread_gaps: never inside a split box", spread_not_into_box},
    {"cl_float_figure: text after it goes first", float_past_text},
    {"cl_float_figure: no move needed or possible", float_not_needed},
    {"cl_float_figure: stops at the next figure", float_stops_at_figure},
    {"cl_next_wide", next_wide},
    {"cl_break_ok", break_ok},
};

CHECK_MAIN(cases)
