/* draw.c: drawing composed pages on any Cairo surface */
#include "outp.h"

static void draw_line(cairo_t *cr, const lay_line *l)
{
    cairo_save(cr);
    cairo_translate(cr, l->x, l->y);
    for (int i = 0; i < l->nruns; i++) {
        const lay_run *r = &l->runs[i];
        cairo_set_scaled_font(cr, r->font);
        /* glyphs with their text: the PDF keeps a correct text layer */
        cairo_show_text_glyphs(cr, r->utf8, r->utf8_len, r->glyphs, r->nglyphs,
                               r->clusters, r->nclusters, 0);
    }
    cairo_restore(cr);
}

static void draw_box(cairo_t *cr, const lay_box *b)
{
    cairo_save(cr);
    cairo_rectangle(cr, b->x, b->y, b->w, b->h);
    if (b->kind == LAY_BOX_FILL) {
        cairo_fill(cr);
    } else {
        cairo_set_line_width(cr, OUT_FRAME_WIDTH);
        cairo_stroke(cr);
    }
    cairo_restore(cr);
}

void out_draw_page(cairo_t *cr, const lay_page *p)
{
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (size_t i = 0; i < p->nboxes; i++)
        draw_box(cr, &p->boxes[i]);
    for (size_t i = 0; i < p->nlines; i++)
        draw_line(cr, &p->lines[i]);
}
