/* slug.c: what a print master sets outside the trim: the page
 * information line; and blank pages that fill the last print sheet */
#include <stdlib.h>
#include <string.h>

#include "composed.h"
#include "context.h"
#include "pages.h"
#include "slug.h"

int sl_info(lay_ctx *lc, const doc_issue *doc, lay_page *pg)
{
    const sty_print *p = &lc->st->print;
    /* set whenever the style can, so that --marks may ask for it */
    if (!lc->st->roles[STY_PRINT_INFO].set)
        return 0;
    const char *t = fl_expand(lc, doc, p->info, -1, pg->folio);
    char *text = pg->folio > 0 ? ar_strdup(lc->ar, t)
                               : ar_printf(lc->ar, "%s|%s", t, pg->label);
    if (!text)
        return -1;
    /* groups of the template stand apart by an ideographic space */
    sb_buf sb;
    sb_init(&sb);
    for (const char *s = text; *s; s++)
        if (*s == '|')
            sb_adds(&sb, "\xe3\x80\x80");
        else
            sb_addc(&sb, *s);
    cp_block b = {NULL, 0, 0};
    int rc = sb.failed ? -1 : fl_compose_string(lc, sb.s ? sb.s : "",
                                                STY_PRINT_INFO,
                                                lc->st->page.width, &b);
    sb_free(&sb);
    lay_line *l = rc == 0 && b.nlines ? ar_alloc(lc->ar, sizeof *l) : NULL;
    if (l) {
        /* below the trim, clear of the corner's crop mark, halfway down
         * the mark */
        *l = b.lines[0].ln;
        l->article = -1;
        l->role = STY_PRINT_INFO;
        l->size = b.lines[0].size;
        l->x = p->mark_length;
        l->y = lc->st->page.height + p->mark_offset + p->mark_length / 2 +
               0.35 * l->size;
        pg->slug = l;
        pg->nslug = 1;
    }
    free(b.lines);
    return rc;
}

int lay_pad(lay_ctx *lc, const doc_issue *doc, const lay_doc *in, int n,
            const lay_doc **out)
{
    size_t add = n > 1 && in->npages % (size_t)n
                     ? (size_t)n - in->npages % (size_t)n : 0;
    *out = in;
    if (add == 0)
        return 0;
    lay_doc *o = ar_alloc(lc->ar, sizeof *o);
    lay_page *pages = ar_alloc(lc->ar, (in->npages + add) * sizeof *pages);
    if (!o || !pages)
        return -1;
    *o = *in;
    memcpy(pages, in->pages, in->npages * sizeof *pages);
    int folio = 0;
    for (size_t i = 0; i < in->npages; i++)
        if (in->pages[i].folio > folio)
            folio = in->pages[i].folio;
    for (size_t i = 0; i < add; i++) {
        lay_page *pg = &pages[in->npages + i];
        memset(pg, 0, sizeof *pg);
        pg->folio = folio + 1 + (int)i;
        pg->label = ar_printf(lc->ar, "%d", pg->folio);
        if (!pg->label || sl_info(lc, doc, pg))
            return -1;
    }
    o->pages = pages;
    o->npages = in->npages + add;
    *out = o;
    return 0;
}
