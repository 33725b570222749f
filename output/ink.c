/* ink.c: how the style's colours reach Cairo. A screen PDF or proof gets
 * sRGB (black ink alone as plain black, other inks through the output
 * profile). A print master gets a stand-in RGB value per ink, which the
 * post-pass (pdfx.cc) turns back into the exact CMYK: Cairo 1.16 writes
 * RGB only. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "outp.h"

/* A stand-in's blue component: 1, with red and green carrying the
 * palette index in steps of 1/255 (Cairo writes six significant digits,
 * enough to tell 1/255 steps apart). */
#define PROXY_BLUE 1.0
#define PROXY_STEP 255.0
#define PROXY_MAX (256 * 256)

void oi_init(out_ink *ink, int press, const char *profile, diag_ctx *d,
             diag_pos pos)
{
    memset(ink, 0, sizeof *ink);
    ink->press = press;
    ink->profile = profile;
    ink->d = d;
    ink->pos = pos;
}

void oi_free(out_ink *ink)
{
    oc_free(ink->oc);
    free(ink->pal);
    memset(ink, 0, sizeof *ink); /* the fonts are the caller's */
}

int oi_profile(out_ink *ink, out_colour **oc)
{
    if (!ink->oc && !ink->failed &&
        oc_open(ink->profile, &ink->oc, ink->d, ink->pos))
        ink->failed = 1;
    *oc = ink->oc;
    return ink->oc ? 0 : -1;
}

static int same(const oi_entry *e, sty_colour c, int all)
{
    return e->all == all && e->c.c == c.c && e->c.m == c.m && e->c.y == c.y &&
           e->c.k == c.k;
}

/* The palette index of an ink (added when new), or -1. */
static int palette_index(out_ink *ink, sty_colour c, int all)
{
    for (size_t i = 0; i < ink->npal; i++)
        if (same(&ink->pal[i], c, all))
            return (int)i;
    if (ink->npal >= PROXY_MAX)
        return -1;
    oi_entry *e = VEC_PUSH(ink->pal, ink->npal, ink->cap);
    if (!e)
        return -1;
    *e = (oi_entry){c, all};
    return (int)ink->npal - 1;
}

static void set_proxy(cairo_t *cr, out_ink *ink, sty_colour c, int all)
{
    int i = palette_index(ink, c, all);
    if (i < 0) {
        ink->failed = 1;
        return;
    }
    cairo_set_source_rgb(cr, (i >> 8) / PROXY_STEP, (i & 255) / PROXY_STEP,
                         PROXY_BLUE);
}

void oi_set(cairo_t *cr, out_ink *ink, sty_colour c)
{
    if (ink->press) {
        set_proxy(cr, ink, c, 0);
        return;
    }
    double rgb[3] = {1 - c.k, 1 - c.k, 1 - c.k};
    out_colour *oc;
    if ((c.c > 0 || c.m > 0 || c.y > 0) && oi_profile(ink, &oc) == 0)
        oc_screen_rgb(oc, c, rgb);
    cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
}

void oi_set_all(cairo_t *cr, out_ink *ink)
{
    if (ink->press)
        set_proxy(cr, ink, STY_BLACK, 1);
    else
        cairo_set_source_rgb(cr, 0, 0, 0);
}

int oi_decode(const out_ink *ink, const double rgb[3], pdfx_paint *out)
{
    double r = rgb[0] * PROXY_STEP, g = rgb[1] * PROXY_STEP;
    if (fabs(rgb[2] - PROXY_BLUE) > 1e-4 || fabs(r - round(r)) > 0.01 ||
        fabs(g - round(g)) > 0.01)
        return -1;
    size_t i = (size_t)round(r) * 256 + (size_t)round(g);
    if (i >= ink->npal)
        return -1;
    const oi_entry *e = &ink->pal[i];
    *out = (pdfx_paint){e->all ? PDFX_ALL : PDFX_CMYK,
                        {e->c.c, e->c.m, e->c.y, e->c.k},
                        /* black ink alone prints over what lies below it:
                         * no white hairline when the plates shift */
                        !e->all && e->c.c == 0 && e->c.m == 0 &&
                            e->c.y == 0 && e->c.k >= 1};
    return 0;
}
