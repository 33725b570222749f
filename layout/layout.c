/* layout.c: the stage's entry points */
#include <stdlib.h>
#include <string.h>

#include "composed.h"
#include "context.h"
#include "furniture.h"
#include "images.h"
#include "shape.h"

lay_ctx *lay_new(const sty_style *st, fnt_set *fs, diag_ctx *d)
{
    lay_ctx *lc = calloc(1, sizeof *lc);
    if (!lc)
        return NULL;
    lc->st = st;
    lc->fs = fs;
    lc->d = d;
    lc->sh = sh_new(fs, d);
    lc->ar = ar_new();
    if (!lc->sh || !lc->ar) {
        lay_free(lc);
        return NULL;
    }
    return lc;
}

void lay_set_options(lay_ctx *lc, const lay_options *o)
{
    lc->opts = *o;
}

void lay_free(lay_ctx *lc)
{
    if (!lc)
        return;
    for (size_t i = 0; i < lc->nfonts; i++)
        cairo_scaled_font_destroy(lc->fonts[i]);
    free(lc->fonts);
    li_free_all(lc);
    sh_free(lc->sh);
    ar_free(lc->ar);
    free(lc);
}

int lay_issue(lay_ctx *lc, const doc_issue *doc, const lay_doc **out)
{
    return fu_issue(lc, doc, 1, 1, out);
}

int lay_compose_text(lay_ctx *lc, const char *text, size_t len,
                     const lay_compose_opts *o, sb_buf *out)
{
    const sty_style *st = lc->st;
    double size = o->size > 0 ? o->size : st->roles[STY_BODY].size;
    double measure = (o->measure > 0 ? o->measure : st->page.measure) * size;
    double indent = o->indent >= 0 ? o->indent : st->roles[STY_BODY].indent;
    cp_block b = {NULL, 0, 0};
    int rc = cp_plain(lc, text, len, STY_BODY, measure, size, indent, &b);
    for (int i = 0; rc == 0 && i < b.nlines; i++) {
        sb_adds(out, b.lines[i].ln.text);
        sb_addc(out, '\n');
    }
    free(b.lines);
    return rc;
}
