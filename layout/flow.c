/* flow.c: the page builder: article heads across the type area, bodies
 * in columns on the shared line grid, columns balanced where an article
 * ends mid-page, heads kept off column ends, folios */
#include <stdlib.h>
#include <string.h>

#include "lay.h"

typedef struct fl_page {
    lay_line *lines;
    size_t nlines, cap;
    lay_box *boxes;
    size_t nboxes, capboxes;
} fl_page;

typedef struct fl_state {
    lay_ctx *lc;
    const sty_style *st;
    fl_page *pages;
    size_t npages, cap;
    int y;        /* next free grid line of the current page, from 0 */
} fl_state;

static int new_page(fl_state *fs)
{
    fl_page *p = VEC_PUSH(fs->pages, fs->npages, fs->cap);
    if (!p)
        return -1;
    memset(p, 0, sizeof *p);
    fs->y = 0;
    return 0;
}

/* Left edge of the type area: inner margin on the binding side. */
static double area_x(const fl_state *fs, size_t page)
{
    const sty_page *pg = &fs->st->page;
    double w = sty_area_width(fs->st);
    if (pg->inner < 0)
        return (pg->width - w) / 2;
    int recto = page % 2 == 0; /* the first page is a right-hand page */
    return recto ? pg->inner : pg->width - pg->inner - w;
}

static double column_x(const fl_state *fs, size_t page, int column)
{
    if (column == 0)
        return area_x(fs, page);
    return area_x(fs, page) +
           (column - 1) * (sty_column_width(fs->st) + fs->st->page.column_gap);
}

static int put_line(fl_state *fs, const cp_line *cl, int column, double x,
                    double y, int grid)
{
    fl_page *p = &fs->pages[fs->npages - 1];
    lay_line *l = VEC_PUSH(p->lines, p->nlines, p->cap);
    if (!l)
        return -1;
    *l = cl->ln;
    l->column = column;
    l->grid = grid;
    l->x = x;
    l->y = y;
    return 0;
}

/* Place one row with its top at grid line y of a column (0: spanning). */
static int put_row(fl_state *fs, const fl_art *a, const fl_row *r,
                   int column, int y)
{
    const sty_page *pg = &fs->st->page;
    double x = column_x(fs, fs->npages - 1, column);
    double top = pg->top + y * pg->pitch;
    if (r->frame_h > 0) {
        fl_page *p = &fs->pages[fs->npages - 1];
        lay_box *b = VEC_PUSH(p->boxes, p->nboxes, p->capboxes);
        if (!b)
            return -1;
        b->kind = LAY_BOX_FRAME;
        b->w = a->single || column == 0 ? sty_area_width(fs->st)
                                        : sty_column_width(fs->st);
        b->x = x;
        b->h = r->frame_h;
        b->y = top + r->frame_top;
    }
    for (int i = 0; i < r->nlines; i++) {
        double base = top + r->top + i * r->adv;
        int grid = (int)((base - pg->top) / pg->pitch) + 1;
        if (put_line(fs, &a->lines.lines[r->line0 + i], column, x, base, grid))
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

/* Split rows [s, n) over two columns of at most cap lines with the
 * shortest first column that holds at least half; 0 when possible. */
static int balance(const fl_row *rows, int s, int n, int cap, int *split,
                   int *height)
{
    int total = rw_height(rows, s, n);
    for (int h = (total + 1) / 2; h <= cap; h++) {
        int k = fill(rows, s, n, h);
        int rest = rw_height(rows, k, n);
        if ((k > s || s == n) && rest <= h) {
            int first = rw_height(rows, s, k);
            *split = k;
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
    /* a head never ends a page: it takes two lines of text with it */
    if (fs->y > 0 && fs->y + need + body > lines && new_page(fs))
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

static int flow_article(fl_state *fs, const fl_art *a)
{
    int ncols = a->single ? 1 : fs->st->page.columns;
    int s = 0;
    if (place_head(fs, a))
        return -1;
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

/* The page number at the foot, on the outer side. */
static int put_folio(fl_state *fs, size_t page, int folio)
{
    const sty_page *pg = &fs->st->page;
    const sty_role *ro = &fs->st->roles[STY_FOLIO];
    char num[16];
    int n = snprintf(num, sizeof num, "%d", folio);
    cp_block b = {NULL, 0, 0};
    if (cp_plain(fs->lc, num, (size_t)n, STY_FOLIO, 4 * ro->size, ro->size, 0,
                 &b) || b.nlines != 1) {
        free(b.lines);
        return -1;
    }
    cp_line *cl = &b.lines[0];
    double w = cl->ln.width, x0 = area_x(fs, page);
    int recto = page % 2 == 0;
    double x = recto ? x0 + sty_area_width(fs->st) - w : x0;
    double y = pg->top + pg->lines * pg->pitch + pg->folio_drop;
    cl->ln.article = -1;
    cl->ln.role = STY_FOLIO;
    fl_page *save = &fs->pages[page];
    lay_line *l = VEC_PUSH(save->lines, save->nlines, save->cap);
    int rc = l ? 0 : -1;
    if (l) {
        *l = cl->ln;
        l->column = 0;
        l->grid = 0;
        l->x = x;
        l->y = y;
    }
    free(b.lines);
    return rc;
}

static int finish(fl_state *fs, const lay_doc **out)
{
    ar_arena *ar = fs->lc->ar;
    lay_doc *doc = ar_alloc(ar, sizeof *doc);
    lay_page *pages = ar_alloc(ar, (fs->npages + 1) * sizeof *pages);
    if (!doc || !pages)
        return -1;
    for (size_t i = 0; i < fs->npages; i++) {
        if (put_folio(fs, i, (int)i + 1))
            return -1;
        fl_page *p = &fs->pages[i];
        lay_line *l = ar_alloc(ar, (p->nlines + 1) * sizeof *l);
        lay_box *b = ar_alloc(ar, (p->nboxes + 1) * sizeof *b);
        if (!l || !b)
            return -1;
        memcpy(l, p->lines, p->nlines * sizeof *l);
        if (p->nboxes)
            memcpy(b, p->boxes, p->nboxes * sizeof *b);
        pages[i].folio = (int)i + 1;
        pages[i].lines = l;
        pages[i].nlines = p->nlines;
        pages[i].boxes = b;
        pages[i].nboxes = p->nboxes;
    }
    doc->width = fs->st->page.width;
    doc->height = fs->st->page.height;
    doc->pages = pages;
    doc->npages = fs->npages;
    *out = doc;
    return 0;
}

int fl_issue(lay_ctx *lc, const doc_issue *doc, const lay_doc **out)
{
    fl_state fs;
    memset(&fs, 0, sizeof fs);
    fs.lc = lc;
    fs.st = lc->st;
    int rc = new_page(&fs);
    for (size_t i = 0; rc == 0 && i < doc->narticles; i++) {
        fl_art a;
        rc = rw_article(lc, doc, (int)i, &a);
        if (rc == 0)
            rc = flow_article(&fs, &a);
        rw_free(&a);
    }
    if (rc == 0)
        rc = finish(&fs, out);
    for (size_t i = 0; i < fs.npages; i++) {
        free(fs.pages[i].lines);
        free(fs.pages[i].boxes);
    }
    free(fs.pages);
    return rc;
}
