/* reprint.c: what an offprint adds to its pages: the citation line at the
 * foot of its first page, an optional cover (抽印本, title, authors,
 * citation, then a blank back), and the re-set offprint: the articles
 * laid out afresh, alone, from a right-hand page */
#include <stdlib.h>
#include <string.h>

#include "composed.h"
#include "context.h"
#include "furniture.h"
#include "offprint.h"
#include "pages.h"

int op_reset(lay_ctx *lc, const doc_issue *doc, const lay_doc *in,
             const unsigned char *chosen, const lay_offprint_opts *o,
             lay_doc *out, const doc_issue **doc_out)
{
    doc_issue *sub = ar_alloc(lc->ar, sizeof *sub);
    doc_article *arts = ar_alloc(lc->ar, (doc->narticles + 1) * sizeof *arts);
    if (!sub || !arts)
        return -1;
    *sub = *doc;
    size_t n = 0;
    int first = 1;
    for (size_t i = 0; i < doc->narticles; i++) {
        if (!chosen[i])
            continue;
        if (n == 0 && o->original_folios && in->articles[i].first_page >= 0)
            first = in->pages[in->articles[i].first_page].folio;
        arts[n++] = doc->articles[i];
    }
    sub->articles = arts;
    sub->narticles = n;
    /* afresh: every article where the flow puts it, not on its recorded
     * page; no front matter; folios from 1 or the original's first */
    lay_options keep = lc->opts, now = keep;
    now.original_pages = 0;
    lay_set_options(lc, &now);
    const lay_doc *laid;
    int rc = fu_issue(lc, sub, 0, first > 0 ? first : 1, &laid);
    lay_set_options(lc, &keep);
    if (rc == 0)
        *out = *laid;
    *doc_out = sub;
    return rc;
}

/* Where a composed line's glyphs begin, from its x: the role's own
 * alignment and indent put them there. */
static double content_start(const lay_line *l)
{
    double start = l->width;
    for (int i = 0; i < l->nruns; i++)
        for (int g = 0; g < l->runs[i].nglyphs; g++)
            if (l->runs[i].glyphs[g].x < start)
                start = l->runs[i].glyphs[g].x;
    return start;
}

/* Lines of text in a role, centred (align 0), flush left (1) or right
 * (2) on [x, x + w] whatever the role's own alignment, the first baseline
 * at y, appended to a page's. */
static int put_text(lay_ctx *lc, const char *text, sty_role_id role,
                    double x, double w, double y, int align, lay_page *pg,
                    double *below)
{
    cp_block b = {NULL, 0, 0};
    int rc = fl_compose_string(lc, text, role, w, &b);
    lay_line *l = rc == 0 ? ar_alloc(lc->ar, (pg->nlines + (size_t)b.nlines + 1) *
                                                 sizeof *l)
                          : NULL;
    if (l) {
        if (pg->nlines)
            memcpy(l, pg->lines, pg->nlines * sizeof *l);
        /* the role's own leading, or the grid's pitch */
        const sty_role *r = &lc->st->roles[role];
        double lead = r->leading > 0 ? r->leading * r->size
                                     : lc->st->page.pitch;
        for (int i = 0; i < b.nlines; i++) {
            lay_line *d = &l[pg->nlines++];
            *d = b.lines[i].ln;
            d->article = -1;
            d->role = role;
            d->size = b.lines[i].size;
            double at = content_start(d), ink = d->width - at;
            d->x = x - at + (align == 1 ? 0 : align == 2 ? w - ink
                                                         : (w - ink) / 2);
            d->y = y + i * lead;
        }
        pg->lines = l;
        if (below)
            *below = y + b.nlines * lead;
    }
    free(b.lines);
    return l ? 0 : -1;
}

static sty_role_id role_or(const sty_style *st, sty_role_id r, sty_role_id alt)
{
    return st->roles[r].set ? r : alt;
}

/* The citation at the foot of page pg, on the side away from the folio. */
static int cite_foot(lay_ctx *lc, lay_page *pg, const char *cite)
{
    const sty_style *st = lc->st;
    const sty_page *p = &st->page;
    int recto = pg->folio % 2 == 1;
    double x = fl_area_x(st, recto), w = sty_area_width(st);
    double y = p->top + p->lines * p->pitch + lc->st->furniture.citation_drop * p->folio_drop;
    return put_text(lc, cite, role_or(st, STY_CITATION, STY_NOTE), x, w, y,
                    recto ? 1 : 2, pg, NULL);
}

static const char *authors(lay_ctx *lc, const doc_issue *doc,
                           const lay_doc *o)
{
    sb_buf sb;
    sb_init(&sb);
    for (size_t i = 0; i < doc->narticles && i < o->narticles; i++)
        for (size_t k = 0; o->articles[i].first_page >= 0 &&
                           k < doc->articles[i].nbylines; k++)
            sb_printf(&sb, "%s%s", sb.len ? "　" : "",
                      doc_text_plain(lc->ar, &doc->articles[i].bylines[k].name));
    const char *s = ar_strndup(lc->ar, sb.s ? sb.s : "", sb.len);
    sb_free(&sb);
    return s;
}

/* 抽印本, the titles, the authors, the citation; a right-hand page. */
static int cover(lay_ctx *lc, const doc_issue *doc, const lay_doc *o,
                 const char *cite, lay_page *pg)
{
    const sty_style *st = lc->st;
    /* centred on the page, as wide as the type area */
    double h = st->page.height, w = sty_area_width(st);
    double x = (st->page.width - w) / 2, y = 0;
    memset(pg, 0, sizeof *pg);
    pg->label = "抽印本";
    sty_role_id label = role_or(st, STY_LABEL, STY_TITLE);
    if (put_text(lc, st->furniture.cover_label, label, x, w,
                 st->furniture.cover_label_at * h, 0, pg, NULL) ||
        put_text(lc, o->offprint ? o->offprint : "", STY_TITLE, x, w,
                 st->furniture.cover_title_at * h, 0, pg, &y))
        return -1;
    const char *by = authors(lc, doc, o);
    if (*by && put_text(lc, by, STY_BYLINE, x, w, y + 2 * st->page.pitch, 0, pg,
                        NULL))
        return -1;
    return put_text(lc, cite, role_or(st, STY_CITATION, STY_NOTE), x, w,
                    st->furniture.cover_citation_at * h, 0, pg, NULL);
}

/* The cover and its blank back before the pages. */
static int add_cover(lay_ctx *lc, const doc_issue *doc, lay_doc *o,
                     const char *cite)
{
    lay_page *pages = ar_alloc(lc->ar, (o->npages + 3) * sizeof *pages);
    lay_placed *placed = ar_alloc(lc->ar, (o->narticles + 1) * sizeof *placed);
    if (!pages || !placed || cover(lc, doc, o, cite, &pages[0]))
        return -1;
    memset(&pages[1], 0, sizeof pages[1]);
    pages[1].label = "抽印本背面";
    memcpy(pages + 2, o->pages, o->npages * sizeof *pages);
    for (size_t i = 0; i < o->narticles; i++) {
        placed[i] = o->articles[i];
        if (placed[i].first_page >= 0) {
            placed[i].first_page += 2;
            placed[i].last_page += 2;
        }
    }
    o->pages = pages;
    o->npages += 2;
    o->articles = placed;
    return 0;
}

int op_finish(lay_ctx *lc, const doc_issue *doc, lay_doc *o, const char *cite,
              int with_cover)
{
    lay_page *pages = ar_alloc(lc->ar, (o->npages + 1) * sizeof *pages);
    if (!pages)
        return -1;
    memcpy(pages, o->pages, o->npages * sizeof *pages);
    o->pages = pages;
    for (size_t i = 0; i < o->npages; i++)
        if (pages[i].folio > 0 && pages[i].nlines) {
            if (cite_foot(lc, &pages[i], cite))
                return -1;
            break;
        }
    return with_cover ? add_cover(lc, doc, o, cite) : 0;
}
