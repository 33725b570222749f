/* context.h: the layout context (struct lay_ctx, opaque outside the
 * stage): the style, fonts and arena of the issue being laid out, and
 * what it keeps until lay_free (layout.c) */
#ifndef BULLETIN_LAYOUT_CONTEXT_H
#define BULLETIN_LAYOUT_CONTEXT_H

#include "layout.h"

struct sh_ctx;
struct li_image;

struct lay_ctx {
    const sty_style *st;
    lay_options opts;
    fnt_set *fs;
    diag_ctx *d;
    struct sh_ctx *sh;
    ar_arena *ar;         /* of the issue being laid out */
    cairo_scaled_font_t **fonts; /* referenced by the runs; released last */
    size_t nfonts, capfonts;
    struct li_image **images;    /* figures' images, decoded once */
    size_t nimages, capimages;
    int tab_full_said;           /* a full side tab was reported */
};

#endif
