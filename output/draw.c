/* draw.c: drawing composed pages on any Cairo surface */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <stdlib.h>
#include <string.h>

#include "outp.h"

void out_draw_line(cairo_t *cr, const lay_line *l)
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

static void draw_box(cairo_t *cr, const lay_box *b, out_ink *ink)
{
    if (!b->colour.set)
        return;
    cairo_save(cr);
    oi_set(cr, ink, b->colour);
    cairo_rectangle(cr, b->x, b->y, b->w, b->h);
    if (b->kind == LAY_BOX_FILL) {
        cairo_fill(cr);
    } else {
        cairo_set_line_width(cr, OUT_FRAME_WIDTH);
        cairo_stroke(cr);
    }
    cairo_restore(cr);
}

/* A JPEG as a Cairo surface that also carries the file's bytes, so the
 * PDF embeds the JPEG unchanged (DCT) instead of re-encoding pixels. */
static cairo_surface_t *jpeg_surface(const char *path)
{
    GdkPixbuf *pb = gdk_pixbuf_new_from_file(path, NULL);
    if (!pb)
        return NULL;
    int w = gdk_pixbuf_get_width(pb), h = gdk_pixbuf_get_height(pb);
    int nch = gdk_pixbuf_get_n_channels(pb), rs = gdk_pixbuf_get_rowstride(pb);
    const guchar *px = gdk_pixbuf_read_pixels(pb);
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    unsigned char *dst = cairo_image_surface_get_data(s);
    int ds = cairo_image_surface_get_stride(s);
    cairo_surface_flush(s);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            const guchar *p = px + y * rs + x * nch;
            uint32_t v = (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
            memcpy(dst + y * ds + x * 4, &v, 4);
        }
    cairo_surface_mark_dirty(s);
    g_object_unref(pb);
    size_t len;
    char *data = file_read(path, &len);
    if (data)
        cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG,
                                    (unsigned char *)data, len, free, data);
    return s;
}

static int is_jpeg(const char *path)
{
    FILE *f = fopen(path, "rb");
    unsigned char m[2] = {0, 0};
    if (f) {
        if (fread(m, 1, 2, f) != 2)
            m[0] = 0;
        fclose(f);
    }
    return m[0] == 0xFF && m[1] == 0xD8;
}

static void draw_image(cairo_t *cr, const lay_box *b, out_ink *ink, int cover)
{
    cairo_surface_t *s = is_jpeg(b->image)
                             ? jpeg_surface(b->image)
                             : cairo_image_surface_create_from_png(b->image);
    if (!s || cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        if (s)
            cairo_surface_destroy(s);
        lay_box frame = *b;
        frame.kind = LAY_BOX_FRAME;
        draw_box(cr, &frame, ink);
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
    cairo_surface_destroy(s);
}

void out_draw_page(cairo_t *cr, const lay_doc *doc, const lay_page *p,
                   out_ink *ink, double bleed)
{
    for (size_t i = 0; i < p->nboxes; i++) {
        const lay_box *o = &p->boxes[i];
        lay_box b = bleed_box(o, bleed, doc->width, doc->height);
        if (b.kind == LAY_BOX_IMAGE)
            draw_image(cr, &b, ink, b.w != o->w || b.h != o->h);
        else
            draw_box(cr, &b, ink);
    }
    const sty_role *roles = doc->style->roles;
    for (size_t i = 0; i < p->nlines; i++) {
        oi_set(cr, ink, roles[p->lines[i].role].colour);
        out_draw_line(cr, &p->lines[i]);
    }
}
