/* preflight.c: what a print shop's preflight would ask about, reported as
 * warnings at the place to mend it: images too coarse (or needlessly
 * fine) at their printed size, type inside the safety margin, a page
 * count that leaves the last sheet part empty. */
#include <string.h>

#include "outp.h"

#define MM (72.0 / 25.4)
/* The ideographic em box spans 0.88 em above the baseline, 0.12 below. */
#define INK_ABOVE 0.88
#define INK_BELOW 0.12

static void image_resolution(const lay_box *b, const sty_print *pr,
                             diag_ctx *d)
{
    if (!b->surface || b->w <= 0 || b->h <= 0)
        return;
    int iw = cairo_image_surface_get_width(b->surface);
    int ih = cairo_image_surface_get_height(b->surface);
    double px = iw / (b->w / 72), py = ih / (b->h / 72);
    double ppi = px < py ? px : py;
    if (ppi < pr->min_ppi)
        diag_warn(d, b->pos, "the image '%s' prints at %.0f ppi (%d × %d "
                  "pixels over %.0f × %.0f mm); the press wants at least %.0f: "
                  "give a file of %.0f × %.0f pixels or more", b->image, ppi,
                  iw, ih, b->w / MM, b->h / MM, pr->min_ppi,
                  b->w / 72 * pr->min_ppi, b->h / 72 * pr->min_ppi);
    else if (ppi > pr->max_ppi)
        diag_warn(d, b->pos, "the image '%s' prints at %.0f ppi; beyond %.0f "
                  "it only makes the master bigger: scale it down to %.0f × "
                  "%.0f pixels", b->image, ppi, pr->max_ppi,
                  b->w / 72 * pr->max_ppi, b->h / 72 * pr->max_ppi);
}

/* How close a line's ink comes to the trim edge, pt. */
static double edge_distance(const lay_line *l, double w, double h)
{
    double x0 = l->x, x1 = l->x + l->width;
    double y0 = l->y - INK_ABOVE * l->size, y1 = l->y + INK_BELOW * l->size;
    double m = x0;
    if (w - x1 < m)
        m = w - x1;
    if (y0 < m)
        m = y0;
    if (h - y1 < m)
        m = h - y1;
    return m;
}

/* Lines too near the trim, gathered per role: one warning each. */
typedef struct near_edge {
    int pages;
    double closest;
    const char *first;  /* label of the first page */
    diag_pos pos;
} near_edge;

static void safety(const lay_doc *pages, const doc_issue *doc, diag_ctx *d)
{
    const sty_style *st = pages->style;
    near_edge near[STY_NROLES];
    memset(near, 0, sizeof near);
    for (size_t i = 0; i < pages->npages; i++) {
        const lay_page *p = &pages->pages[i];
        int seen[STY_NROLES] = {0};
        for (size_t k = 0; k < p->nlines; k++) {
            const lay_line *l = &p->lines[k];
            double m = edge_distance(l, pages->width, pages->height);
            if (m >= st->print.safety || !l->text || !*l->text)
                continue;
            near_edge *n = &near[l->role];
            if (!n->pages || m < n->closest)
                n->closest = m;
            if (!n->pages)
                n->first = p->label, n->pos = l->article >= 0
                                              ? doc->articles[l->article].pos
                                              : st->roles[l->role].pos;
            n->pages += !seen[l->role];
            seen[l->role] = 1;
        }
    }
    for (int r = 0; r < STY_NROLES; r++)
        if (near[r].pages)
            diag_warn(d, near[r].pos, "%s text comes %.1f mm from the trim "
                      "edge on %d page%s (first on page %s), inside the "
                      "%.0f mm safety margin ([print] safety): the knife may "
                      "cut it; move it inwards in the style", sty_role_name(r),
                      near[r].closest / MM, near[r].pages,
                      near[r].pages > 1 ? "s" : "", near[r].first,
                      st->print.safety / MM);
}

/* A style colour with more ink than the paper takes (the images keep to
 * the profile's limit by themselves). */
static void ink_total(const char *what, sty_colour c, diag_pos pos,
                      double limit, diag_ctx *d)
{
    double total = (c.c + c.m + c.y + c.k) * 100;
    if (c.set && total > limit + 1e-9)
        diag_warn(d, pos, "%s: the colour %.0f %.0f %.0f %.0f carries %.0f%% "
                  "ink; the paper takes at most %.0f%% ([print] ink-limit): "
                  "take some cyan, magenta and yellow out", what, c.c * 100,
                  c.m * 100, c.y * 100, c.k * 100, total, limit);
}

static void ink(const sty_style *st, diag_ctx *d)
{
    double limit = st->print.ink_limit;
    for (int r = 0; r < STY_NROLES; r++)
        if (st->roles[r].set)
            ink_total(sty_role_name(r), st->roles[r].colour, st->roles[r].pos,
                      limit, d);
    ink_total("side-tab-fill", st->furniture.tab_fill, st->print.pos, limit, d);
    ink_total("side-tab-frame", st->furniture.tab_frame, st->print.pos, limit, d);
}

static void sheets(const lay_doc *pages, const doc_issue *doc, diag_ctx *d)
{
    int m = pages->style->print.page_multiple;
    if (m <= 1 || pages->npages % (size_t)m == 0)
        return;
    size_t blank = (size_t)m - pages->npages % (size_t)m;
    diag_warn(d, (diag_pos){doc->path, 1, 1}, "%zu pages do not fill whole "
              "sheets of %d: %zu blank page%s at the end would (--pad %d "
              "adds them)", pages->npages, m, blank, blank > 1 ? "s" : "", m);
}

void out_preflight(const lay_doc *pages, const doc_issue *doc, diag_ctx *d)
{
    const sty_print *pr = &pages->style->print;
    for (size_t i = 0; i < pages->npages; i++)
        for (size_t k = 0; k < pages->pages[i].nboxes; k++)
            if (pages->pages[i].boxes[k].kind == LAY_BOX_IMAGE)
                image_resolution(&pages->pages[i].boxes[k], pr, d);
    safety(pages, doc, d);
    ink(pages->style, d);
    sheets(pages, doc, d);
}
