/* draw.c: drawing composed pages on any Cairo surface */
#include <stdlib.h>
#include <string.h>

#include "outp.h"

void out_draw_line(cairo_t *cr, const lay_line *l, const out_ink *ink)
{
    cairo_save(cr);
    cairo_translate(cr, l->x, l->y);
    out_show_text(cr, l, ink); /* glyphs with their text (textlayer.c) */
    cairo_restore(cr);
}

/* Within this of the trim edge, a box counts as touching it. */
#define TRIM_TOUCH 0.01

/* A box that touches the trim edge, carried into the bleed on that side
 * (w, h: the trim). */
static lay_box bleed_box(const lay_box *b, double bleed, double w, double h)
{
    lay_box o = *b;
    if (bleed <= 0)
        return o;
    double x1 = b->x + b->w, y1 = b->y + b->h;
    if (b->x <= TRIM_TOUCH)
        o.x = -bleed;
    if (b->y <= TRIM_TOUCH)
        o.y = -bleed;
    if (x1 >= w - TRIM_TOUCH)
        x1 = w + bleed;
    if (y1 >= h - TRIM_TOUCH)
        y1 = h + bleed;
    o.w = x1 - o.x;
    o.h = y1 - o.y;
    return o;
}

static void draw_box(cairo_t *cr, const lay_box *b, double weight,
                     out_ink *ink)
{
    if (!b->colour.set)
        return;
    cairo_save(cr);
    oi_set(cr, ink, b->colour);
    cairo_rectangle(cr, b->x, b->y, b->w, b->h);
    if (b->kind == LAY_BOX_FILL) {
        cairo_fill(cr);
    } else {
        cairo_set_line_width(cr, weight);
        cairo_stroke(cr);
    }
    cairo_restore(cr);
}

static void draw_image(cairo_t *cr, const lay_box *b, double weight,
                       out_ink *ink, int cover)
{
    cairo_surface_t *s = b->surface; /* decoded by the layout, once */
    if (!s) {
        lay_box frame = *b;
        frame.kind = LAY_BOX_FRAME;
        draw_box(cr, &frame, weight, ink);
        return;
    }
    double iw = cairo_image_surface_get_width(s);
    double ih = cairo_image_surface_get_height(s);
    /* scaled evenly, never distorted: the whole image inside its frame,
     * or, carried into the bleed, the frame filled and the rest cut */
    double sx = b->w / iw, sy = b->h / ih;
    cairo_save(cr);
    cairo_rectangle(cr, b->x, b->y, b->w, b->h);
    cairo_clip(cr);
    sx = sy = (cover ? sx > sy : sx < sy) ? sx : sy;
    cairo_translate(cr, b->x + (b->w - iw * sx) / 2, b->y + (b->h - ih * sy) / 2);
    cairo_scale(cr, sx, sy);
    cairo_set_source_surface(cr, s, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
}

void out_draw_page(cairo_t *cr, const lay_doc *doc, const lay_page *p,
                   out_ink *ink, double bleed)
{
    for (size_t i = 0; i < p->nboxes; i++) {
        const lay_box *o = &p->boxes[i];
        lay_box b = bleed_box(o, bleed, doc->width, doc->height);
        double weight = doc->style->page.frame_weight;
        if (b.kind == LAY_BOX_IMAGE)
            draw_image(cr, &b, weight, ink, b.w != o->w || b.h != o->h);
        else
            draw_box(cr, &b, weight, ink);
    }
    const sty_role *roles = doc->style->roles;
    for (size_t i = 0; i < p->nlines; i++) {
        oi_set(cr, ink, roles[p->lines[i].role].colour);
        out_draw_line(cr, &p->lines[i], ink);
    }
}
