/* flow.c: the page builder: article heads across the type area, bodies
 * in columns on the shared line grid, columns balanced where an article
 * ends mid-page, heads kept off column ends, folios */
#include <stdlib.h>
#include <string.h>

#include "lay.h"

typedef struct fl_state {
    lay_ctx *lc;
    const sty_style *st;
    const doc_issue *doc;
    fl_book *book;
    lay_placed *placed;
    int article;  /* being set */
    int y;        /* next free grid line of the current page, from 0 */
} fl_state;

static fl_page *cur_page(fl_state *fs)
{
    return &fs->book->pages[fs->book->npages - 1];
}

static int new_page(fl_state *fs)
{
    fl_page *p = fl_new_page(fs->book);
    if (!p)
        return -1;
    p->article = fs->article;
    fs->y = 0;
    return 0;
}

/* Article pages alternate recto and verso from a recto first page. */
static int page_recto(const fl_state *fs)
{
    return fs->book->npages % 2 == 1;
}

static double column_x(const fl_state *fs, int column)
{
    double x = fl_area_x(fs->st, page_recto(fs));
    if (column == 0)
        return x;
    return x + (column - 1) * (sty_column_width(fs->st) + fs->st->page.column_gap);
}

/* Place one row with its top at grid line y of a column (0: spanning). */
static int put_row(fl_state *fs, const fl_art *a, const fl_row *r,
                   int column, int y)
{
    const sty_page *pg = &fs->st->page;
    double x = column_x(fs, column);
    double top = pg->top + y * pg->pitch;
    fl_page *p = cur_page(fs);
    if (r->frame_h > 0) {
        double w = a->single || column == 0 ? sty_area_width(fs->st)
                                            : sty_column_width(fs->st);
        if (fl_put_box(p, LAY_BOX_FRAME, x, top + r->frame_top, w, r->frame_h))
            return -1;
    }
    for (int i = 0; i < r->nlines; i++) {
        double base = top + r->top + i * r->adv;
        int grid = (int)((base - pg->top) / pg->pitch) + 1;
        if (fl_put_line(p, &a->lines.lines[r->line0 + i], column, x, base, grid))
            return -1;
    }
    return 0;
}

static int place_rows(fl_state *fs, const fl_art *a, const fl_row *rows,
                      int s, int e, int column, int y)
{
    for (int i = s; i < e; i++) {
        if (put_row(fs, a, &rows[i], column, y))
            return -1;
        y += rows[i].h;
    }
    return 0;
}

/* A column may end before row k: not after a head. */
static int break_ok(const fl_row *rows, int k, int n)
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
static int fill(const fl_row *rows, int s, int n, int cap)
{
    int k = s, used = 0;
    while (k < n && used + rows[k].h <= cap)
        used += rows[k++].h;
    if (k >= n)
        return n;
    while (k > s && !break_ok(rows, k, n))
        k--;
    /* move one line over when that avoids a lone line and costs no other */
    if (k > s + 1 && break_poor(rows, k, n) && break_ok(rows, k - 1, n) &&
        !break_poor(rows, k - 1, n))
        k--;
    return k;
}

/* Split rows [s, n) over two columns of at most cap lines, as short as
 * possible: the first column holds at least half; at equal height the
 * second column is the shorter (a head, which must go with the line
 * after it, may leave the second a line or two longer). 0 when possible. */
static int balance(const fl_row *rows, int s, int n, int cap, int *split,
                   int *height)
{
    int total = rw_height(rows, s, n);
    for (int h = (total + 1) / 2; h <= cap; h++) {
        int best = -1;
        for (int k = fill(rows, s, n, h); k > s || (k == s && s == n); k--) {
            int first = rw_height(rows, s, k), rest = rw_height(rows, k, n);
            if (rest > h || first > h)
                break;
            if (k < n && !break_ok(rows, k, n))
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

static int place_head(fl_state *fs, const fl_art *a)
{
    int need = rw_height(a->head, 0, a->nhead);
    int body = a->nrows ? rw_height(a->rows, 0, a->nrows < 2 ? a->nrows : 2)
                        : 0;
    int lines = fs->st->page.lines;
    if (fs->y > 0 && !a->part) /* a contribution follows its article */
        fs->y += fs->st->page.article_gap;
    /* a head never ends a page: it takes two lines of text with it; the
     * style may start every article on a page of its own */
    int fresh = fs->st->page.new_page && !a->part;
    if (fs->y > 0 && (fresh || fs->y + need + body > lines) && new_page(fs))
        return -1;
    fl_page *p = cur_page(fs);
    if (fs->y == 0)
        p->article = a->index;
    fs->placed[a->index].first_page = (int)fs->book->npages - 1;
    if (fl_put_dest(p, fs->doc->articles[a->index].id, column_x(fs, 0),
                    fs->st->page.top + fs->y * fs->st->page.pitch))
        return -1;
    if (place_rows(fs, a, a->head, 0, a->nhead, 0, fs->y))
        return -1;
    fs->y += need;
    return 0;
}

/* Fill the columns of the rest of the page from row *s. */
static int fill_page(fl_state *fs, const fl_art *a, int *s, int ncols)
{
    int cap = fs->st->page.lines - fs->y, used = 0;
    for (int c = 1; c <= ncols && *s < a->nrows; c++) {
        int k = fill(a->rows, *s, a->nrows, cap);
        if (k == *s && fs->y == 0 && c == 1)
            k = *s + 1; /* taller than a page: set it anyway */
        if (place_rows(fs, a, a->rows, *s, k, ncols == 1 ? 0 : c, fs->y))
            return -1;
        int h = rw_height(a->rows, *s, k);
        used = h > used ? h : used;
        *s = k;
    }
    fs->y += used;
    return 0;
}

static int flow_body(fl_state *fs, const fl_art *a);

static int flow_article(fl_state *fs, const fl_art *a)
{
    fs->article = a->index;
    if (place_head(fs, a) || flow_body(fs, a))
        return -1;
    fs->placed[a->index].last_page = (int)fs->book->npages - 1;
    return 0;
}

static int flow_body(fl_state *fs, const fl_art *a)
{
    int ncols = a->single ? 1 : fs->st->page.columns;
    int s = 0;
    while (s < a->nrows) {
        int cap = fs->st->page.lines - fs->y, k, h;
        if (cap <= 0) {
            if (new_page(fs))
                return -1;
            continue;
        }
        if (ncols == 2 && balance(a->rows, s, a->nrows, cap, &k, &h) == 0) {
            if (place_rows(fs, a, a->rows, s, k, 1, fs->y) ||
                place_rows(fs, a, a->rows, k, a->nrows, 2, fs->y))
                return -1;
            fs->y += h;
            return 0;
        }
        if (fill_page(fs, a, &s, ncols))
            return -1;
        if (s < a->nrows && new_page(fs))
            return -1;
    }
    return 0;
}

int fl_articles(lay_ctx *lc, const doc_issue *doc, fl_book *book,
                lay_placed *placed)
{
    fl_state fs;
    memset(&fs, 0, sizeof fs);
    fs.lc = lc;
    fs.st = lc->st;
    fs.doc = doc;
    fs.book = book;
    fs.placed = placed;
    fs.article = 0;
    int rc = new_page(&fs);
    for (size_t i = 0; rc == 0 && i < doc->narticles; i++) {
        fl_art a;
        rc = rw_article(lc, doc, (int)i, &a);
        if (rc == 0)
            rc = flow_article(&fs, &a);
        rw_free(&a);
    }
    return rc;
}
