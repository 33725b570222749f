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
    int original; /* start articles on their original pages */
    int feather;  /* the article being set ends before a page the next
                     one must start on: spread its last page to the foot */
    int spread;   /* blank lines so spread on the page just finished */
    int lines;    /* the current page's grid: lines per column */
    double pitch; /* and their pitch */
    int foot;     /* lines kept for that head on the page it starts on */
    int next_page;/* the page the next article must start on, 0: none */
} fl_state;

/* Where an article broke off for a jump: the line kept free for its
 * （下转第N页）. */
typedef struct fl_jump {
    int page;     /* book page */
    double x, y, w;
} fl_jump;

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

/* An article set on a grid other than the current page's starts a new
 * page (a one-column article may have fewer, wider lines). */
static int use_grid(fl_state *fs, const fl_art *a)
{
    if (a->lines_per_page == fs->lines)
        return 0;
    if (fs->y > 0 && new_page(fs))
        return -1;
    fs->lines = a->lines_per_page;
    fs->pitch = a->pitch;
    return 0;
}

static int place_head(fl_state *fs, const fl_art *a)
{
    if (use_grid(fs, a))
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
    if (fs->y > 0 && (fresh || fs->y + need + body > lines) && new_page(fs))
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
 * position) from row *s; with reserve, the last column keeps its last
 * line free (for a jump line). */
static int fill_page(fl_state *fs, const fl_art *a, int *s, int ncols,
                     int cap, int reserve)
{
    int used = 0;
    for (int c = 1; c <= ncols && *s < a->nrows; c++) {
        /* the flow owns the rows it was given (rw_article made them) */
        cl_float_figure((fl_row *)a->rows, *s, a->nrows, cap);
        cl_split_box((fl_row *)a->rows, *s, a->nrows,
                     cap - (reserve && c == ncols), fs->st->page.box_split_min);
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
static int fill_around_wide(fl_state *fs, const fl_art *a, int *s, int w,
                            int cap, int reserve)
{
    fl_row *rows = (fl_row *)a->rows, fig = rows[w]; /* owned by the flow */
    int n = a->nrows;
    memmove(&rows[w], &rows[w + 1], (size_t)(n - w - 1) * sizeof *rows);
    fl_art t = *a;
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
 * lines. 1 when set so, 0 when the space cannot be absorbed (nothing
 * set), -1 on failure. */
static int feather(fl_state *fs, const fl_art *a, int s, int k, int c1,
                   int c2, int cap)
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
            fs->spread = e1 + (k < n ? e2 : 0);
            fs->y += cap;
            rc = 1;
        }
    }
    free(gap);
    return rc;
}

/* Flow rows [s, n) of a from the current position. With limit > 0 no
 * page past the limit-th is used, and on that page not the foot kept for
 * the next article: what does not fit is left, its first row in *rest,
 * and the last line of the last column kept for the jump. */
static int flow_rows(fl_state *fs, const fl_art *a, int s, int limit,
                     int *rest, fl_jump *jump)
{
    int ncols = a->single ? 1 : fs->st->page.columns;
    int room = fs->lines; /* the lines of this page the flow may fill */
    *rest = a->nrows;
    while (s < a->nrows) {
        int last = limit > 0 && (int)fs->book->npages >= limit;
        room = fs->lines - (last ? fs->foot : 0);
        int cap = room - fs->y, k, h;
        if (cap <= 0) {
            if (last)
                break;
            if (new_page(fs))
                return -1;
            continue;
        }
        int spread = fs->feather && fs->next_page > 0 &&
                     (int)fs->book->npages < fs->next_page;
        int w = ncols == 2 ? cl_next_wide(a->rows, s, a->nrows) : a->nrows;
        if (w < a->nrows) {
            int rc = set_wide(fs, a, &s, w, cap);
            if (rc < 0 ||
                (rc == 0 && fill_around_wide(fs, a, &s, w, cap, last)))
                return -1;
            if (rc > 0)
                continue;
            if (last)
                break;
            if (new_page(fs))
                return -1;
            continue;
        }
        if (ncols == 2 && cl_balance(a->rows, s, a->nrows, cap, &k, &h) == 0) {
            int rc = spread ? feather(fs, a, s, k, 1, 2, cap) : 0;
            if (rc != 0)
                return rc < 0 ? -1 : 0;
            if (place_rows(fs, a, a->rows, s, k, 1, fs->y) ||
                place_rows(fs, a, a->rows, k, a->nrows, 2, fs->y))
                return -1;
            fs->y += h;
            return 0;
        }
        if (ncols == 1 && spread && cl_fill(a->rows, s, a->nrows, cap) == a->nrows) {
            int rc = feather(fs, a, s, a->nrows, 0, 0, cap);
            if (rc != 0)
                return rc < 0 ? -1 : 0;
        }
        if (fill_page(fs, a, &s, ncols, cap, last))
            return -1;
        if (s < a->nrows && last)
            break;
        if (s < a->nrows && new_page(fs))
            return -1;
    }
    if (s >= a->nrows)
        return 0;
    const sty_page *pg = &fs->st->page;
    *rest = s;
    jump->page = (int)fs->book->npages - 1;
    jump->x = column_x(fs, ncols == 1 ? 0 : ncols);
    jump->w = ncols == 1 ? sty_area_width(fs->st) : sty_column_width(fs->st);
    jump->y = pg->top + (room - 1) * fs->pitch +
              (fs->pitch - fs->st->roles[STY_JUMP].size) / 2 +
              EMBOX_ASCENT * fs->st->roles[STY_JUMP].size;
    fs->y = room;
    return 0;
}

static int flow_article(fl_state *fs, const fl_art *a, int limit, int *rest,
                        fl_jump *jump)
{
    fs->article = a->index;
    if (place_head(fs, a) || flow_rows(fs, a, 0, limit, rest, jump))
        return -1;
    fs->placed[a->index].last_page = (int)fs->book->npages - 1;
    return 0;
}

/* ---- keeping the original pagination ---- */

/* A jump line (（下转第N页）, （上接第N页）) in the article's lines. */
static int jump_line(fl_state *fs, fl_art *a, const char *tmpl, int folio,
                     double measure, cp_line **out)
{
    const char *text = fl_expand(fs->lc, fs->doc, tmpl, a->index, folio);
    int line0 = a->lines.nlines;
    if (fl_compose_string(fs->lc, text, STY_JUMP, measure, &a->lines) ||
        a->lines.nlines == line0)
        return -1;
    *out = &a->lines.lines[line0];
    (*out)->ln.article = a->index;
    (*out)->ln.role = STY_JUMP;
    return 0;
}

/* The rest of an article that broke off for a jump. */
typedef struct fl_tail {
    int art;      /* article */
    int rest;     /* its first row still to set */
    fl_jump jump; /* where its （下转第N页） goes */
} fl_tail;

/* A tail needs the style's jump-min-lines free on a page to be worth
 * starting there (its （上接…） line and some text). */

/* The （上接第N页） row that opens a tail. */
static int jump_from_row(fl_state *fs, fl_art *a, const fl_tail *tl,
                         fl_row *row)
{
    const char *from = fs->st->furniture.jump_from;
    cp_line *cl;
    memset(row, 0, sizeof *row);
    row->h = 1;
    row->flags = FL_KEEP_NEXT | FL_FIRST | FL_LAST;
    if (!from)
        return 0;
    if (jump_line(fs, a, from, tl->jump.page + 1, sty_column_width(fs->st), &cl))
        return -1;
    row->line0 = a->lines.nlines - 1;
    row->nlines = 1;
    row->adv = fs->pitch;
    row->top = (fs->pitch - fs->st->roles[STY_JUMP].size) / 2 +
               EMBOX_ASCENT * fs->st->roles[STY_JUMP].size;
    return 0;
}

/* Set a tail where the layout now stands, after （上接第N页）, and fill in
 * the （下转第M页） where it broke off. With limit, the tail may break off
 * again; *done says whether it was set whole. Nothing is set when the
 * limit leaves no room. */
static int place_tail(fl_state *fs, fl_art *a, fl_tail *tl, int limit,
                      int *done)
{
    const sty_page *pg = &fs->st->page;
    int at_limit = limit > 0 && (int)fs->book->npages >= limit;
    *done = 0;
    if (a->lines_per_page != fs->lines && fs->y > 0 && at_limit)
        return 0; /* its grid needs a page of its own */
    if (use_grid(fs, a))
        return -1;
    at_limit = limit > 0 && (int)fs->book->npages >= limit;
    int gap = fs->y > 0 ? pg->article_gap : 0;
    int room = fs->lines - (at_limit ? fs->foot : 0);
    if (at_limit && (fs->y + gap + fs->st->page.jump_min_lines > room ||
                     (int)fs->book->npages > limit))
        return 0; /* no room before the next article's page */
    fl_art t = *a;
    fl_row *rows = malloc(((size_t)(a->nrows - tl->rest) + 1) * sizeof *rows);
    if (!rows || jump_from_row(fs, a, tl, &rows[0])) {
        free(rows);
        return -1;
    }
    memcpy(rows + 1, a->rows + tl->rest,
           (size_t)(a->nrows - tl->rest) * sizeof *rows);
    int n = a->nrows - tl->rest + 1;
    /* on the last page allowed, the （上接…） row and at least one more
     * must fit above the line kept for a further jump */
    if (at_limit && cl_fill(rows, 0, n, room - fs->y - gap - 1) < 2 &&
        rw_height(rows, 0, n) > room - fs->y - gap) {
        free(rows);
        return 0;
    }
    fs->y += gap;
    if (fs->y >= fs->lines && new_page(fs)) {
        free(rows);
        return -1;
    }
    int here = (int)fs->book->npages; /* folio of the tail's page */
    cp_line *cl;
    const char *to = fs->st->furniture.jump_to;
    if (to && (jump_line(fs, a, to, here, tl->jump.w, &cl) ||
               fl_put_line(&fs->book->pages[tl->jump.page], cl, 0, tl->jump.x,
                           tl->jump.y, 0))) {
        free(rows);
        return -1;
    }
    t.lines = a->lines;
    t.rows = rows;
    t.nrows = n;
    int r2;
    fl_jump j2;
    int rc = flow_rows(fs, &t, 0, limit, &r2, &j2);
    a->lines = t.lines; /* the jump lines were added to its lines */
    /* the flow may have moved figures and split boxes among the rows: the
     * article's rows follow, so that a further jump resumes at the right
     * one */
    memcpy(a->rows + tl->rest, rows + 1, (size_t)(n - 1) * sizeof *rows);
    free(rows);
    fs->placed[a->index].last_page = (int)fs->book->npages - 1;
    if (rc == 0 && r2 < t.nrows) { /* broke off again: a chain of jumps */
        tl->rest += r2 - 1;
        tl->jump = j2;
    } else {
        *done = 1;
    }
    return rc;
}

/* Set the waiting tails, oldest first, while there is room before the
 * next article's page (limit; 0: no limit). */
static int place_tails(fl_state *fs, fl_art *arts, fl_tail *q, int *nq,
                       int limit)
{
    while (*nq > 0) {
        int done, rc;
        fs->feather = fs->original && !fs->st->page.new_page && *nq == 1;
        rc = place_tail(fs, &arts[q[0].art], &q[0], limit, &done);
        fs->feather = 0;
        if (rc)
            return -1;
        if (!done)
            return 0;
        memmove(q, q + 1, (size_t)(*nq - 1) * sizeof *q);
        (*nq)--;
    }
    return 0;
}

/* More blank pages than this before an article's recorded page are taken
 * for a mistake in the page attribute, not for the original's layout. */
#define MAX_BLANK_PAGES 4

/* Before the head of an article with a recorded page: go to that page
 * (when the layout is ahead of the original), or say why it cannot. */
static int seek_original(fl_state *fs, const fl_art *a)
{
    const doc_article *d = &fs->doc->articles[a->index];
    if (!fs->original || d->page <= 0 || a->part)
        return 0;
    int here = (int)fs->book->npages + (fs->y > 0 && fs->st->page.new_page);
    if (here > d->page) {
        diag_warn(fs->lc->d, d->pos, "article '%s' starts on page %d, not on "
                  "its original page %d: the articles before it take more "
                  "room than in the original", d->id, here, d->page);
        return 0;
    }
    if (d->page - here - 1 > MAX_BLANK_PAGES) {
        diag_warn(fs->lc->d, d->pos, "article '%s' is not moved to its "
                  "original page %d: that would leave %d pages blank; check "
                  "its 'page' attribute", d->id, d->page, d->page - here - 1);
        return 0;
    }
    int blank = 0, foot = fs->lines - fs->y, spread = fs->spread;
    fs->spread = 0;
    while ((int)fs->book->npages < d->page) {
        if (new_page(fs))
            return -1;
        blank++;
    }
    if (blank > 1)
        diag_warn(fs->lc->d, d->pos, "article '%s' moved to its original page "
                  "%d: the articles before it take less room than in the "
                  "original, %d page%s left blank", d->id, d->page, blank - 1,
                  blank - 1 == 1 ? "" : "s");
    else if (blank == 1 && !fs->st->page.new_page && spread > 0)
        diag_warn(fs->lc->d, d->pos, "article '%s' moved to its original page "
                  "%d: the articles before it take less room than in the "
                  "original, %d blank line%s spread between the paragraphs "
                  "of page %d", d->id, d->page, spread, spread == 1 ? "" : "s",
                  d->page - 1);
    else if (blank == 1 && !fs->st->page.new_page && foot > 0)
        diag_warn(fs->lc->d, d->pos, "article '%s' moved to its original page "
                  "%d: the articles before it take less room than in the "
                  "original, the foot of page %d left empty (%d line%s, too "
                  "many to spread between its paragraphs)", d->id, d->page,
                  d->page - 1, foot, foot == 1 ? "" : "s");
    return 0;
}

/* With original pages: the last page article i may use (a page count,
 * 0: any), and in fs the page the next article must start on and the
 * foot kept there for it. The two share that page, as in the print,
 * unless the style starts every article on a page of its own or their
 * grids differ; the foot holds the next head with two lines of text. */
static int next_limit(fl_state *fs, const fl_art *arts, size_t i)
{
    fs->next_page = fs->foot = 0;
    for (size_t k = i + 1; fs->original && k < fs->doc->narticles; k++) {
        const doc_article *d = &fs->doc->articles[k];
        const fl_art *n = &arts[k];
        if (d->part)
            continue;
        if (d->page <= 1)
            return 0;
        fs->next_page = d->page;
        if (fs->st->page.new_page ||
            n->lines_per_page != arts[i].lines_per_page)
            return d->page - 1;
        fs->foot = fs->st->page.article_gap + rw_height(n->head, 0, n->nhead) +
                   rw_height(n->rows, 0, n->nrows < 2 ? n->nrows : 2);
        if (fs->foot >= n->lines_per_page) {
            fs->foot = 0;
            return d->page - 1;
        }
        return d->page;
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
    fs.original = lc->opts.original_pages;
    fs.lines = lc->st->page.lines;
    fs.pitch = lc->st->page.pitch;
    fl_art *arts = calloc(doc->narticles + 1, sizeof *arts);
    fl_tail *q = calloc(doc->narticles + 1, sizeof *q);
    int rc = arts && q ? new_page(&fs) : -1, nq = 0;
    for (size_t i = 0; rc == 0 && i < doc->narticles; i++)
        rc = rw_article(lc, doc, (int)i, &arts[i]);
    for (size_t i = 0; rc == 0 && i < doc->narticles; i++) {
        rc = seek_original(&fs, &arts[i]);
        int limit = next_limit(&fs, arts, i), r = arts[i].nrows;
        fl_jump j;
        /* tails go where an article (with its parts) has ended; the last
         * article before a later page fills its page when no tail waits */
        int ends = i + 1 >= doc->narticles || !doc->articles[i + 1].part;
        fs.feather = fs.original && !fs.st->page.new_page && ends && nq == 0;
        if (rc == 0)
            rc = flow_article(&fs, &arts[i], limit, &r, &j);
        fs.feather = 0;
        if (rc == 0 && ends)
            rc = place_tails(&fs, arts, q, &nq, limit);
        if (r < arts[i].nrows)
            q[nq++] = (fl_tail){(int)i, r, j};
    }
    if (rc == 0)
        rc = place_tails(&fs, arts, q, &nq, 0);
    free(q);
    for (size_t i = 0; arts && i < doc->narticles; i++)
        rw_free(&arts[i]);
    free(arts);
    return rc;
}
