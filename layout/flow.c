/* flow.c: the page builder for one article: its head across the type
 * area, its body in columns on the shared line grid, columns balanced
 * where it ends mid-page, page-wide figures, heads kept off column ends,
 * a last page feathered to the foot; it stops where the next article's
 * page begins, for a jump (pagination.c). Return convention: 0 on
 * success, -1 on failure. */
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "flow_imp.h"

/* What setting rows on a page leads to (flow_page). */
enum {
    STEP_SAME, /* more rows may follow on this page */
    STEP_TURN, /* this page is full: the rest goes on the next */
    STEP_DONE  /* every row is set */
};

static fl_page *cur_page(fl_state *fs)
{
    return &fs->book->pages[fs->book->npages - 1];
}

int fl_open_page(fl_state *fs)
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

static int columns_of(const fl_state *fs, const fl_art *a)
{
    return a->single ? 1 : fs->st->page.columns;
}

/* Place one row with its top at grid line y of a column (0: spanning). */
static int put_row(fl_state *fs, const fl_art *a, const fl_row *r,
                   int column, int y)
{
    const sty_page *pg = &fs->st->page;
    double x = column_x(fs, column);
    double top = pg->top + y * fs->pitch;
    fl_page *p = cur_page(fs);
    if (r->frame_h > 0) {
        double w = a->single || column == 0 ? sty_area_width(fs->st)
                                            : sty_column_width(fs->st);
        double fy = top + r->frame_top, fx = r->bleed ? 0 : x;
        if (r->bleed) /* edge to edge: into the bleed of a print master */
            w = pg->width;
        if (r->image ? fl_put_image(p, r->image, r->surface, r->image_pos, fx,
                                    fy, w, r->frame_h)
                     : fl_put_box(p, LAY_BOX_FRAME, fx, fy, w, r->frame_h))
            return -1;
        p->boxes[p->nboxes - 1].article = a->index;
    }
    for (int i = 0; i < r->nlines; i++) {
        double base = top + r->top + i * r->adv;
        int grid = (int)((base - pg->top) / fs->pitch) + 1;
        if (fl_put_line(p, &a->lines.lines[r->line0 + i], column, x + r->dx,
                        base, grid))
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

/* Place rows [s, e) in a column from grid line y, opened by gap. */
static int place_spread(fl_state *fs, const fl_art *a, int s, int e,
                        int column, int y, const int *gap)
{
    for (int i = s; i < e; i++) {
        y += gap[i - s];
        if (put_row(fs, a, &a->rows[i], column, y))
            return -1;
        y += a->rows[i].h;
    }
    return 0;
}

int fl_use_grid(fl_state *fs, const fl_art *a)
{
    if (a->lines_per_page == fs->lines)
        return 0;
    if (fs->y > 0 && fl_open_page(fs))
        return -1;
    fs->lines = a->lines_per_page;
    fs->pitch = a->pitch;
    return 0;
}

static int place_head(fl_state *fs, const fl_art *a)
{
    if (fl_use_grid(fs, a))
        return -1;
    int need = rw_height(a->head, 0, a->nhead);
    int body = a->nrows ? rw_height(a->rows, 0, a->nrows < 2 ? a->nrows : 2)
                        : 0;
    int lines = fs->lines;
    if (fs->y > 0 && !a->part) /* a contribution follows its article */
        fs->y += fs->st->page.article_gap;
    /* a head never ends a page: it takes two lines of text with it; the
     * style may start every article on a page of its own */
    int fresh = fs->st->page.new_page && !a->part;
    if (fs->y > 0 && (fresh || fs->y + need + body > lines) && fl_open_page(fs))
        return -1;
    fl_page *p = cur_page(fs);
    if (fs->y == 0)
        p->article = a->index;
    fs->placed[a->index].first_page = (int)fs->book->npages - 1;
    if (fl_put_dest(p, fs->doc->articles[a->index].id, column_x(fs, 0),
                    fs->st->page.top + fs->y * fs->pitch))
        return -1;
    if (place_rows(fs, a, a->head, 0, a->nhead, 0, fs->y))
        return -1;
    fs->y += need;
    return 0;
}

/* Fill the columns of the rest of the page (cap lines below the current
 * position) from row *s, floating figures and splitting boxed notices
 * among a's rows as they meet a column end; with reserve, the last
 * column keeps its last line free (for a jump line). */
static int fill_page(fl_state *fs, fl_art *a, int *s, int ncols, int cap,
                     int reserve)
{
    int used = 0;
    for (int c = 1; c <= ncols && *s < a->nrows; c++) {
        cl_float_figure(a->rows, *s, a->nrows, cap);
        cl_split_box(a->rows, *s, a->nrows, cap - (reserve && c == ncols),
                     fs->st->page.box_split_min);
        int k = cl_fill(a->rows, *s, a->nrows, cap - (reserve && c == ncols));
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

/* A page-wide figure at row w, with the rows [*s, w) before it balanced
 * in the columns above it, when both fit on this page: 1 when set so,
 * 0 when they do not fit (nothing set), -1 on failure. */
static int set_wide(fl_state *fs, const fl_art *a, int *s, int w, int cap)
{
    int fh = a->rows[w].h, k = w, h = 0;
    int alone = fs->y == 0 && w == *s; /* taller than a page: set anyway */
    if ((fh > cap && !alone) ||
        (w > *s && cl_balance(a->rows, *s, w, cap - fh, &k, &h)))
        return 0;
    if (place_rows(fs, a, a->rows, *s, k, 1, fs->y) ||
        place_rows(fs, a, a->rows, k, w, 2, fs->y) ||
        put_row(fs, a, &a->rows[w], 0, fs->y + h))
        return -1;
    fs->y += h + fh;
    *s = w + 1;
    return 1;
}

/* A page-wide figure at row w that does not fit on this page goes to the
 * head of the next one: the rows after it fill this page first, and the
 * figure is moved to stand before the first row left over (or stays
 * where it was when not even the rows before it were all set). */
static int fill_around_wide(fl_state *fs, fl_art *a, int *s, int w, int cap,
                            int reserve)
{
    fl_row *rows = a->rows, fig = rows[w];
    int n = a->nrows;
    memmove(&rows[w], &rows[w + 1], (size_t)(n - w - 1) * sizeof *rows);
    fl_art t = *a; /* the same rows, the figure left out */
    t.nrows = n - 1;
    int rc = fill_page(fs, &t, s, 2, cap, reserve);
    int at = *s > w ? *s : w;
    memmove(&rows[at + 1], &rows[at], (size_t)(n - 1 - at) * sizeof *rows);
    rows[at] = fig;
    return rc;
}

/* The last rows of an article whose next article starts on a later
 * page: rather than leave the foot empty, open blank lines between its
 * paragraphs so that each column reaches the foot. Rows [s, k) go in
 * column c1 and [k, n) in c2 (k == n: one column), each spread to cap
 * lines; end->spread says how many were opened. 1 when set so, 0 when
 * the space cannot be absorbed (nothing set), -1 on failure. */
static int feather(fl_state *fs, const fl_art *a, int s, int k, int c1,
                   int c2, int cap, fl_end *end)
{
    int n = a->nrows;
    int e1 = cap - rw_height(a->rows, s, k), e2 = cap - rw_height(a->rows, k, n);
    int *gap = malloc(((size_t)(n - s) + 1) * sizeof *gap);
    if (!gap)
        return -1;
    int rc = 0;
    const sty_page *pg = &fs->st->page;
    if (cl_spread_gaps(a->rows, s, k, e1, pg, gap) == 0 &&
        (k == n || cl_spread_gaps(a->rows, k, n, e2, pg, gap + (k - s)) == 0)) {
        rc = place_spread(fs, a, s, k, c1, fs->y, gap);
        if (rc == 0 && k < n)
            rc = place_spread(fs, a, k, n, c2, fs->y, gap + (k - s));
        if (rc == 0) {
            end->spread = e1 + (k < n ? e2 : 0);
            fs->y += cap;
            rc = 1;
        }
    }
    free(gap);
    return rc;
}

/* A page-wide figure at row w: set with the rows before it on this page,
 * or left for the next page while the rows after it fill this one. */
static int flow_wide(fl_state *fs, fl_art *a, int *s, int w, int cap,
                     int last)
{
    int rc = set_wide(fs, a, s, w, cap);
    if (rc < 0)
        return -1;
    if (rc > 0)
        return STEP_SAME;
    return fill_around_wide(fs, a, s, w, cap, last) ? -1 : STEP_TURN;
}

/* The rest of a two-column article fits on this page: rows [s, k) in the
 * first column, [k, n) in the second, h lines deep, or feathered to the
 * foot. */
static int flow_balanced(fl_state *fs, const fl_art *a, int s, int k, int h,
                         int cap, int spread, fl_end *end)
{
    int rc = spread ? feather(fs, a, s, k, 1, 2, cap, end) : 0;
    if (rc != 0)
        return rc < 0 ? -1 : STEP_DONE;
    if (place_rows(fs, a, a->rows, s, k, 1, fs->y) ||
        place_rows(fs, a, a->rows, k, a->nrows, 2, fs->y))
        return -1;
    fs->y += h;
    return STEP_DONE;
}

/* Set what of rows [*s, nrows) goes on the current page, cap lines free
 * below the current position; last: the page is the last the flow may
 * use (its last column keeps a line for the jump); spread: feather the
 * article's end. A STEP_ value, or -1 on failure. */
static int flow_page(fl_state *fs, fl_art *a, int *s, int cap, int last,
                     int spread, fl_end *end)
{
    int ncols = columns_of(fs, a), k, h;
    int w = ncols == 2 ? cl_next_wide(a->rows, *s, a->nrows) : a->nrows;
    if (w < a->nrows)
        return flow_wide(fs, a, s, w, cap, last);
    if (ncols == 2 && cl_balance(a->rows, *s, a->nrows, cap, &k, &h) == 0)
        return flow_balanced(fs, a, *s, k, h, cap, spread, end);
    if (ncols == 1 && spread && cl_fill(a->rows, *s, a->nrows, cap) == a->nrows) {
        int rc = feather(fs, a, *s, a->nrows, 0, 0, cap, end);
        if (rc != 0)
            return rc < 0 ? -1 : STEP_DONE;
    }
    if (fill_page(fs, a, s, ncols, cap, last))
        return -1;
    return *s < a->nrows ? STEP_TURN : STEP_DONE;
}

/* Rows from s are left for a jump: the last line of the last column of
 * the page (room lines deep) is kept for its （下转第N页）. */
static void break_off(fl_state *fs, const fl_art *a, int s, int room,
                      fl_end *end)
{
    const sty_style *st = fs->st;
    int ncols = columns_of(fs, a);
    double size = st->roles[STY_JUMP].size;
    end->rest = s;
    end->jump.page = (int)fs->book->npages - 1;
    end->jump.x = column_x(fs, ncols == 1 ? 0 : ncols);
    end->jump.w = ncols == 1 ? sty_area_width(st) : sty_column_width(st);
    end->jump.y = st->page.top + (room - 1) * fs->pitch +
                  (fs->pitch - size) / 2 + EMBOX_ASCENT * size;
    fs->y = room;
}

int fl_flow_rows(fl_state *fs, fl_art *a, int s, const fl_goal *g,
                 fl_end *end)
{
    int room = fs->lines; /* the lines of this page the flow may fill */
    end->rest = a->nrows;
    end->spread = -1;
    while (s < a->nrows) {
        int last = fl_at_limit(fs, g);
        room = fs->lines - (last ? g->foot : 0);
        int cap = room - fs->y;
        int spread = g->feather && g->next_page > 0 &&
                     (int)fs->book->npages < g->next_page;
        int step = cap <= 0 ? STEP_TURN
                            : flow_page(fs, a, &s, cap, last, spread, end);
        if (step < 0)
            return -1;
        if (step == STEP_DONE)
            return 0;
        if (step == STEP_TURN && last)
            break;
        if (step == STEP_TURN && fl_open_page(fs))
            return -1;
    }
    if (s < a->nrows)
        break_off(fs, a, s, room, end);
    return 0;
}

int fl_flow_article(fl_state *fs, fl_art *a, const fl_goal *g, fl_end *end)
{
    fs->article = a->index;
    if (place_head(fs, a) || fl_flow_rows(fs, a, 0, g, end))
        return -1;
    fs->placed[a->index].last_page = (int)fs->book->npages - 1;
    return 0;
}
