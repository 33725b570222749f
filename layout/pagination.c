/* pagination.c: the articles in order (flow.c sets each): with original
 * pages, each starts on its recorded page, and one whose text does not
 * fit before the next one's page breaks off with （下转第N页） and goes
 * on, after （上接第N页）, where the articles before the next page end
 * (its tail). Return convention: 0 on success, -1 on failure. */
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "context.h"
#include "flow_imp.h"

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

/* Whether a tail may start where the layout stands, which may first
 * move to a page of the tail's grid: 1 when it may, with *gap lines
 * before it on a page of *room lines; 0 when the page the next article
 * must start on leaves no room (a tail needs the style's jump-min-lines:
 * its （上接…） line and some text); -1 on failure. */
static int tail_room(fl_state *fs, const fl_art *a, const fl_goal *g,
                     int *gap, int *room)
{
    const sty_page *pg = &fs->st->page;
    if (a->lines_per_page != fs->lines && fs->y > 0 && fl_at_limit(fs, g))
        return 0; /* its grid needs a page of its own */
    if (fl_use_grid(fs, a))
        return -1;
    int at_limit = fl_at_limit(fs, g);
    *gap = fs->y > 0 ? pg->article_gap : 0;
    *room = fs->lines - (at_limit ? g->foot : 0);
    if (at_limit && (fs->y + *gap + pg->jump_min_lines > *room ||
                     (int)fs->book->npages > g->limit))
        return 0; /* no room before the next article's page */
    return 1;
}

/* The rows of a tail: （上接第N页）, then the article's rows from
 * tl->rest; *n of them, in an array the caller frees. */
static fl_row *tail_rows(fl_state *fs, fl_art *a, const fl_tail *tl, int *n)
{
    *n = a->nrows - tl->rest + 1;
    fl_row *rows = malloc((size_t)*n * sizeof *rows);
    if (!rows || jump_from_row(fs, a, tl, &rows[0])) {
        free(rows);
        return NULL;
    }
    memcpy(rows + 1, a->rows + tl->rest, (size_t)(*n - 1) * sizeof *rows);
    return rows;
}

/* Start a tail gap lines down, and set the （下转第M页） where the
 * article broke off now that M is known. */
static int open_tail(fl_state *fs, fl_art *a, const fl_tail *tl, int gap)
{
    fs->y += gap;
    if (fs->y >= fs->lines && fl_open_page(fs))
        return -1;
    int here = (int)fs->book->npages; /* folio of the tail's page */
    cp_line *cl;
    const char *to = fs->st->furniture.jump_to;
    if (to && (jump_line(fs, a, to, here, tl->jump.w, &cl) ||
               fl_put_line(&fs->book->pages[tl->jump.page], cl, 0, tl->jump.x,
                           tl->jump.y, 0)))
        return -1;
    return 0;
}

/* Flow the n rows of a tail; the article's rows take back their order
 * and splits, so that a further jump resumes at the right one; tl moves
 * to where it broke off again, if it did (*done 0). */
static int flow_tail(fl_state *fs, fl_art *a, fl_tail *tl, fl_row *rows,
                     int n, const fl_goal *g, int *done, int *spread)
{
    fl_art t = *a; /* the article with the tail's rows */
    t.rows = rows;
    t.nrows = n;
    fl_end end;
    int rc = fl_flow_rows(fs, &t, 0, g, &end);
    memcpy(a->rows + tl->rest, rows + 1, (size_t)(n - 1) * sizeof *rows);
    fs->placed[a->index].last_page = (int)fs->book->npages - 1;
    if (end.spread >= 0)
        *spread = end.spread;
    *done = !(rc == 0 && end.rest < n);
    if (!*done) { /* broke off again: a chain of jumps */
        tl->rest += end.rest - 1;
        tl->jump = end.jump;
    }
    return rc;
}

/* Set a tail where the layout now stands, after （上接第N页）, and fill in
 * the （下转第M页） where it broke off. Within g's limit, the tail may
 * break off again; *done says whether it was set whole, *spread takes the
 * blank lines opened if it was feathered. Nothing is set when the limit
 * leaves no room. */
static int place_tail(fl_state *fs, fl_art *a, fl_tail *tl, const fl_goal *g,
                      int *done, int *spread)
{
    int gap = 0, room = 0, n;
    *done = 0;
    int rc = tail_room(fs, a, g, &gap, &room);
    if (rc <= 0)
        return rc;
    fl_row *rows = tail_rows(fs, a, tl, &n);
    if (!rows)
        return -1;
    /* on the last page allowed, the （上接…） row and at least one more
     * must fit above the line kept for a further jump */
    if (fl_at_limit(fs, g) && cl_fill(rows, 0, n, room - fs->y - gap - 1) < 2 &&
        rw_height(rows, 0, n) > room - fs->y - gap) {
        free(rows);
        return 0;
    }
    rc = open_tail(fs, a, tl, gap);
    if (rc == 0)
        rc = flow_tail(fs, a, tl, rows, n, g, done, spread);
    free(rows);
    return rc;
}

/* Set the waiting tails, oldest first, while there is room before the
 * next article's page (g); the last one left fills its page. */
static int place_tails(fl_state *fs, fl_art *arts, fl_tail *q, int *nq,
                       const fl_goal *g, int *spread)
{
    while (*nq > 0) {
        int done;
        fl_goal tg = *g;
        tg.feather = fs->original && !fs->st->page.new_page && *nq == 1;
        if (place_tail(fs, &arts[q[0].art], &q[0], &tg, &done, spread))
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

/* Say why an article moved to its original page left room before it:
 * blank pages, or the foot of the page before (spread: the blank lines
 * opened between the paragraphs there, foot: the lines left empty). */
static void say_moved(fl_state *fs, const doc_article *d, int blank,
                      int spread, int foot)
{
    diag_ctx *dc = fs->lc->d;
    int own = fs->st->page.new_page;
    if (blank > 1)
        diag_warn(dc, d->pos, "article '%s' moved to its original page "
                  "%d: the articles before it take less room than in the "
                  "original, %d page%s left blank", d->id, d->page, blank - 1,
                  blank - 1 == 1 ? "" : "s");
    else if (blank == 1 && !own && spread > 0)
        diag_warn(dc, d->pos, "article '%s' moved to its original page "
                  "%d: the articles before it take less room than in the "
                  "original, %d blank line%s spread between the paragraphs "
                  "of page %d", d->id, d->page, spread, spread == 1 ? "" : "s",
                  d->page - 1);
    else if (blank == 1 && !own && foot > 0)
        diag_warn(dc, d->pos, "article '%s' moved to its original page "
                  "%d: the articles before it take less room than in the "
                  "original, the foot of page %d left empty (%d line%s, too "
                  "many to spread between its paragraphs)", d->id, d->page,
                  d->page - 1, foot, foot == 1 ? "" : "s");
}

/* Before the head of an article with a recorded page: go to that page
 * (when the layout is ahead of the original), or say why it cannot.
 * *spread: the blank lines opened on the page last feathered, said here
 * when that page is the one before, and then cleared. */
static int seek_original(fl_state *fs, const fl_art *a, int *spread)
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
    int blank = 0, foot = fs->lines - fs->y, spread_before = *spread;
    *spread = 0;
    while ((int)fs->book->npages < d->page) {
        if (fl_open_page(fs))
            return -1;
        blank++;
    }
    say_moved(fs, d, blank, spread_before, foot);
    return 0;
}

/* With original pages, what article i must leave room for: the page the
 * next article must start on, the last page article i may use, and the
 * foot kept there for the next head. The two share that page, as in the
 * print, unless the style starts every article on a page of its own or
 * their grids differ; the foot holds the next head with two lines of
 * text. */
static fl_goal next_goal(const fl_state *fs, const fl_art *arts, size_t i)
{
    fl_goal g = {0, 0, 0, 0};
    for (size_t k = i + 1; fs->original && k < fs->doc->narticles; k++) {
        const doc_article *d = &fs->doc->articles[k];
        const fl_art *n = &arts[k];
        if (d->part)
            continue;
        if (d->page <= 1)
            return g;
        g.next_page = d->page;
        g.limit = d->page - 1;
        if (fs->st->page.new_page ||
            n->lines_per_page != arts[i].lines_per_page)
            return g;
        int foot = fs->st->page.article_gap + rw_height(n->head, 0, n->nhead) +
                   rw_height(n->rows, 0, n->nrows < 2 ? n->nrows : 2);
        if (foot >= n->lines_per_page)
            return g;
        g.foot = foot;
        g.limit = d->page;
        return g;
    }
    return g;
}

/* Every article in turn, each followed by the tails that wait for room;
 * q holds the waiting tails. */
static int flow_all(fl_state *fs, fl_art *arts, fl_tail *q)
{
    const doc_issue *doc = fs->doc;
    int rc = 0, nq = 0, spread = 0;
    for (size_t i = 0; rc == 0 && i < doc->narticles; i++) {
        rc = seek_original(fs, &arts[i], &spread);
        fl_goal g = next_goal(fs, arts, i);
        fl_end end = {arts[i].nrows, {0, 0, 0, 0}, -1};
        /* tails go where an article (with its parts) has ended; the last
         * article before a later page fills its page when no tail waits */
        int ends = i + 1 >= doc->narticles || !doc->articles[i + 1].part;
        g.feather = fs->original && !fs->st->page.new_page && ends && nq == 0;
        if (rc == 0)
            rc = fl_flow_article(fs, &arts[i], &g, &end);
        if (end.spread >= 0)
            spread = end.spread;
        if (rc == 0 && ends)
            rc = place_tails(fs, arts, q, &nq, &g, &spread);
        if (end.rest < arts[i].nrows)
            q[nq++] = (fl_tail){(int)i, end.rest, end.jump};
    }
    fl_goal none = {0, 0, 0, 0};
    return rc ? rc : place_tails(fs, arts, q, &nq, &none, &spread);
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
    int rc = arts && q ? fl_open_page(&fs) : -1;
    for (size_t i = 0; rc == 0 && i < doc->narticles; i++)
        rc = rw_article(lc, doc, (int)i, &arts[i]);
    if (rc == 0)
        rc = flow_all(&fs, arts, q);
    free(q);
    for (size_t i = 0; arts && i < doc->narticles; i++)
        rw_free(&arts[i]);
    free(arts);
    return rc;
}
