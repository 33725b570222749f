/* furniture.c: the whole issue: article pages, then the front matter
 * (whose contents need the article pages), then folios, running heads
 * and side tabs on the article pages; assembly into the lay_doc */
#include <stdlib.h>
#include <string.h>

#include "composed.h"
#include "context.h"
#include "flow.h"
#include "front.h"
#include "furniture.h"
#include "outline.h"
#include "pages.h"
#include "slug.h"

/* Not a design number but a fact of the CJK faces: an ideograph's em box
 * reaches this far below the baseline (120 units of 1000 in Noto CJK and
 * the Adobe-GB1 fonts), so a tab character centred in its slot of
 * tab-line ems sits this much above the slot's foot. */
#define EM_BOX_DESCENT 0.12

static int put_string(lay_ctx *lc, fl_page *pg, const char *text,
                      sty_role_id role, double x, double y, double measure,
                      double *width)
{
    cp_block b = {NULL, 0, 0};
    int rc = fl_compose_string(lc, text, role, measure, &b);
    if (rc == 0 && b.nlines > 0) {
        b.lines[0].ln.article = -1;
        b.lines[0].ln.role = role;
        if (width)
            *width = b.lines[0].ln.width;
        rc = fl_put_line(pg, &b.lines[0], 0, x, y, 0);
    }
    free(b.lines);
    return rc;
}

/* The folio at the foot, on the outer side. */
static int folio(lay_ctx *lc, fl_page *pg, int number)
{
    const sty_page *p = &lc->st->page;
    int recto = number % 2 == 1;
    double x = fl_area_x(lc->st, recto), w = 0;
    double y = p->top + p->lines * p->pitch + p->folio_drop;
    char num[16];
    snprintf(num, sizeof num, "%d", number);
    /* measure first, then set on the outer edge */
    cp_block b = {NULL, 0, 0};
    if (fl_compose_string(lc, num, STY_FOLIO, sty_area_width(lc->st), &b))
        return -1;
    w = b.nlines ? b.lines[0].ln.width : 0;
    free(b.lines);
    if (recto)
        x += sty_area_width(lc->st) - w;
    return put_string(lc, pg, num, STY_FOLIO, x, y, w + 1, NULL);
}

/* GB/T 3179: the running head, publication and issue on left-hand
 * pages, the column (or title) on right-hand ones; a rule beneath. */
static int running_head(lay_ctx *lc, const doc_issue *doc, fl_page *pg,
                        int number)
{
    const sty_furniture *f = &lc->st->furniture;
    int recto = number % 2 == 1;
    const char *tmpl = recto ? f->head_odd : f->head_even;
    if (!tmpl)
        return 0;
    const char *text = fl_expand(lc, doc, tmpl, pg->article, number);
    double aw = sty_area_width(lc->st), x = fl_area_x(lc->st, recto);
    double y = lc->st->page.top - f->head_drop, w = 0;
    cp_block b = {NULL, 0, 0};
    if (fl_compose_string(lc, text, STY_RUNNING_HEAD, aw, &b))
        return -1;
    w = b.nlines ? b.lines[0].ln.width : 0;
    free(b.lines);
    if (put_string(lc, pg, text, STY_RUNNING_HEAD, recto ? x + aw - w : x, y,
                   w + 1, NULL))
        return -1;
    if (f->head_rule > 0)
        return fl_put_box(pg, LAY_BOX_FILL, x, y + f->head_rule_gap, aw,
                          f->head_rule);
    return 0;
}

/* The length in bytes of the next unit of a side tab: a short run of
 * ASCII digits and letters set across (纵中横), or one character; a
 * longer run (a year) stands upright a character at a time, as vertical
 * setting does: across, it would run to the tab's edges. */
static int tab_alnum(char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static size_t tab_unit(const char *text, const char *s, int across)
{
    size_t n = 0;
    while (s[n] && tab_alnum(s[n]))
        n++;
    /* a short run is taken whole, so a letter before s means a long one */
    if (n > 0 && (int)n <= across && !(s > text && tab_alnum(s[-1])))
        return n;
    uint32_t cp;
    return (size_t)u8_decode(s, strlen(s), &cp);
}

/* A group of a side tab set horizontally, in as many lines as the tab's
 * width needs, centred; y moves down past it. */
static int tab_across(lay_ctx *lc, fl_page *pg, const char *text, double x0,
                     double *y)
{
    const sty_furniture *f = &lc->st->furniture;
    double size = lc->st->roles[STY_SIDE_TAB].size;
    cp_block b = {NULL, 0, 0};
    int rc = fl_compose_string(lc, text, STY_SIDE_TAB, f->tab_width - size / 2,
                               &b);
    for (int i = 0; rc == 0 && i < b.nlines; i++) {
        cp_line *cl = &b.lines[i];
        cl->ln.article = -1;
        cl->ln.role = STY_SIDE_TAB;
        *y += size * f->tab_line;
        rc = fl_put_line(pg, cl, 0, x0 + (f->tab_width - cl->ln.width) / 2,
                         *y - EM_BOX_DESCENT * size, 0);
    }
    free(b.lines);
    return rc;
}

/* The side tab's fill and frame at x0; it runs to the trim edge: a
 * print master extends them into the bleed. */
static int tab_boxes(lay_ctx *lc, fl_page *pg, double x0)
{
    const sty_furniture *f = &lc->st->furniture;
    if (f->tab_fill.set) {
        if (fl_put_box(pg, LAY_BOX_FILL, x0, f->tab_top, f->tab_width,
                       f->tab_height))
            return -1;
        pg->boxes[pg->nboxes - 1].colour = f->tab_fill;
    }
    if (f->tab_frame.set) {
        if (fl_put_box(pg, LAY_BOX_FRAME, x0, f->tab_top, f->tab_width,
                       f->tab_height))
            return -1;
        pg->boxes[pg->nboxes - 1].colour = f->tab_frame;
    }
    return 0;
}

/* The side tab: a frame on the outer edge, its text set vertically,
 * upright, one character (or a short number) per em. */
static int side_tab(lay_ctx *lc, const doc_issue *doc, fl_page *pg,
                    int number)
{
    const sty_furniture *f = &lc->st->furniture;
    double size = lc->st->roles[STY_SIDE_TAB].size;
    int recto = number % 2 == 1;
    double x0 = recto ? lc->st->page.width - f->tab_width : 0;
    const char *text = fl_expand(lc, doc, recto ? f->tab_odd : f->tab_even,
                                 pg->article, number);
    if (tab_boxes(lc, pg, x0))
        return -1;
    double y = f->tab_top + f->tab_pad * size;
    for (const char *s = text; *s;) {
        if (*s == '|' || *s == ' ') {
            y += (*s == '|' ? f->tab_group_gap : f->tab_space) * size;
            s++;
            continue;
        }
        if (*s == '=') { /* a group set across the tab, horizontally */
            size_t n = strcspn(s + 1, "|");
            if (tab_across(lc, pg, ar_strndup(lc->ar, s + 1, n), x0, &y))
                return -1;
            s += 1 + n;
            continue;
        }
        size_t n = tab_unit(text, s, f->tab_across);
        char *unit = ar_strndup(lc->ar, s, n);
        double w = 0;
        cp_block b = {NULL, 0, 0};
        if (fl_compose_string(lc, unit, STY_SIDE_TAB, f->tab_width * 4, &b))
            return -1;
        w = b.nlines ? b.lines[0].ln.width : 0;
        free(b.lines);
        y += size;
        if (y > f->tab_top + f->tab_height) {
            /* the tab is full: the rest would fall off it; said once */
            if (!lc->tab_full_said++)
                diag_warn(lc->d, lc->st->roles[STY_SIDE_TAB].pos, "the side "
                          "tab of page %d is full: '%s' is left out (a longer "
                          "side-tab-height, a smaller [side-tab] size or a "
                          "shorter column name fits it)", number, s);
            break;
        }
        if (put_string(lc, pg, unit, STY_SIDE_TAB, x0 + (f->tab_width - w) / 2,
                       y - EM_BOX_DESCENT * size, w + 1, NULL))
            return -1;
        s += n;
    }
    return 0;
}

static int furnish(lay_ctx *lc, const doc_issue *doc, fl_book *arts,
                   int first_folio)
{
    for (size_t i = 0; i < arts->npages; i++) {
        fl_page *pg = &arts->pages[i];
        int number = (int)i + first_folio;
        if ((lc->st->furniture.folios && folio(lc, pg, number)) ||
            running_head(lc, doc, pg, number) ||
            (lc->st->furniture.side_tab && side_tab(lc, doc, pg, number)))
            return -1;
    }
    return 0;
}

/* memcpy of n elements that may be none (and a NULL source) */
#define COPY(dst, src, n)                                                  \
    do {                                                                   \
        if (n)                                                             \
            memcpy(dst, src, (n) * sizeof *(dst));                         \
    } while (0)

static int copy_page(lay_ctx *lc, const fl_page *src, lay_page *dst,
                     int number)
{
    dst->folio = number;
    dst->label = src->label ? src->label : ar_printf(lc->ar, "%d", number);
    lay_line *l = ar_alloc(lc->ar, (src->nlines + 1) * sizeof *l);
    lay_box *b = ar_alloc(lc->ar, (src->nboxes + 1) * sizeof *b);
    lay_link *k = ar_alloc(lc->ar, (src->nlinks + 1) * sizeof *k);
    lay_dest *d = ar_alloc(lc->ar, (src->ndests + 1) * sizeof *d);
    if (!l || !b || !k || !d)
        return -1;
    COPY(l, src->lines, src->nlines);
    COPY(b, src->boxes, src->nboxes);
    COPY(k, src->links, src->nlinks);
    COPY(d, src->dests, src->ndests);
    *dst = (lay_page){.folio = number, .label = dst->label, .lines = l,
                      .nlines = src->nlines, .boxes = b, .nboxes = src->nboxes,
                      .links = k, .nlinks = src->nlinks, .dests = d,
                      .ndests = src->ndests};
    return 0;
}

static int assemble(lay_ctx *lc, const doc_issue *doc, fl_book *front,
                    fl_book *arts, lay_placed *placed, int first_folio,
                    const lay_doc **out)
{
    lay_doc *ld = ar_alloc(lc->ar, sizeof *ld);
    size_t n = front->npages + arts->npages;
    lay_page *pages = ar_alloc(lc->ar, (n + 1) * sizeof *pages);
    if (!ld || !pages)
        return -1;
    for (size_t i = 0; i < front->npages; i++)
        if (fl_put_dest(&front->pages[i], ol_front_dest(lc, i), 0, 0) ||
            copy_page(lc, &front->pages[i], &pages[i], 0))
            return -1;
    for (size_t i = 0; i < arts->npages; i++)
        if (copy_page(lc, &arts->pages[i], &pages[front->npages + i],
                      (int)i + first_folio))
            return -1;
    for (size_t i = 0; i < doc->narticles; i++) {
        placed[i].first_page += (int)front->npages;
        placed[i].last_page += (int)front->npages;
    }
    for (size_t i = 0; i < n; i++)
        if (sl_info(lc, doc, &pages[i]))
            return -1;
    ld->style = lc->st;
    ld->width = lc->st->page.width;
    ld->height = lc->st->page.height;
    ld->pages = pages;
    ld->npages = n;
    ld->marks = ol_build(lc, doc, pages, front->npages, &ld->nmarks);
    ld->articles = placed;
    ld->narticles = doc->narticles;
    *out = ld;
    return 0;
}

int fu_issue(lay_ctx *lc, const doc_issue *doc, int with_front,
             int first_folio, const lay_doc **out)
{
    fl_book arts = {NULL, 0, 0}, front = {NULL, 0, 0};
    lay_placed *placed = ar_alloc(lc->ar, (doc->narticles + 1) * sizeof *placed);
    int rc = placed ? fl_articles(lc, doc, &arts, placed) : -1;
    for (size_t i = 0; rc == 0 && i < doc->narticles; i++)
        placed[i].folio = placed[i].first_page + first_folio;
    if (rc == 0)
        rc = furnish(lc, doc, &arts, first_folio);
    if (rc == 0 && with_front)
        rc = fr_build(lc, doc, placed, &front);
    if (rc == 0)
        rc = assemble(lc, doc, &front, &arts, placed, first_folio, out);
    fl_book_free(&arts);
    fl_book_free(&front);
    return rc;
}
