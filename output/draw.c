/* draw.c: drawing composed pages on any Cairo surface */
#include <stdlib.h>
#include <string.h>

#include "outp.h"

/* The display roles: short lines read as one piece, whose em-wide gaps
 * (a title's two phrases, a two-character name spaced to three ems) are
 * spacing inside the line, not a break between two texts. */
static const sty_role_id display_roles[] = {
    STY_KICKER, STY_TITLE, STY_PART_TITLE, STY_SUBTITLE, STY_DECK,
    STY_BYLINE, STY_DATE,  STY_HEAD,       STY_SUBHEAD,
};

static int is_display(sty_role_id role)
{
    for (size_t i = 0; i < sizeof display_roles / sizeof *display_roles; i++)
        if (display_roles[i] == role)
            return 1;
    return 0;
}

static int has_gap(const char *utf8, size_t len)
{
    return memmem(utf8, len, "\xe3\x80\x80", 3) != NULL;
}

/* Runs [a, b) of one font drawn as one cluster, which cairo writes as one
 * ActualText span: extractors read the piece as one text with its U+3000
 * (poppler puts words more than a font size apart into separate blocks),
 * a viewer selects it whole. Returns -1 when out of memory. */
static int show_whole(cairo_t *cr, const lay_run *runs, int a, int b)
{
    size_t nb = 0;
    int ng = 0;
    for (int i = a; i < b; i++)
        nb += (size_t)runs[i].utf8_len, ng += runs[i].nglyphs;
    char *utf8 = malloc(nb + 1);
    cairo_glyph_t *g = malloc(((size_t)ng + 1) * sizeof *g);
    if (!utf8 || !g) {
        free(utf8);
        free(g);
        return -1;
    }
    nb = 0, ng = 0;
    for (int i = a; i < b; i++) {
        memcpy(utf8 + nb, runs[i].utf8, (size_t)runs[i].utf8_len);
        memcpy(g + ng, runs[i].glyphs, (size_t)runs[i].nglyphs * sizeof *g);
        nb += (size_t)runs[i].utf8_len, ng += runs[i].nglyphs;
    }
    cairo_text_cluster_t one = {(int)nb, ng};
    cairo_show_text_glyphs(cr, utf8, (int)nb, g, ng, &one, 1, 0);
    free(utf8);
    free(g);
    return 0;
}

void out_draw_line(cairo_t *cr, const lay_line *l, const out_ink *ink)
{
    int display = is_display(l->role);
    cairo_save(cr);
    cairo_translate(cr, l->x, l->y);
    for (int i = 0; i < l->nruns;) {
        const lay_run *r = &l->runs[i];
        int j = i + 1, gap = display && has_gap(r->utf8, (size_t)r->utf8_len);
        while (display && j < l->nruns && l->runs[j].font == r->font)
            gap |= has_gap(l->runs[j].utf8, (size_t)l->runs[j].utf8_len), j++;
        cairo_set_scaled_font(cr, of_map(ink->fonts, r->font));
        /* the em-wide gaps of a display line (a title's two phrases, a
         * two-character name spaced to three ems) are spacing inside
         * one text; everywhere else each glyph keeps its own text */
        if (gap && show_whole(cr, l->runs, i, j) == 0) {
            i = j;
            continue;
        }
        cairo_show_text_glyphs(cr, r->utf8, r->utf8_len, r->glyphs, r->nglyphs,
                               r->clusters, r->nclusters, 0);
        i++;
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
