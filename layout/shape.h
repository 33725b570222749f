/* shape.h: shaping a paragraph with Pango and HarfBuzz into the clusters
 * the composer takes (shape.c; prefix sh_) */
#ifndef BULLETIN_LAYOUT_SHAPE_H
#define BULLETIN_LAYOUT_SHAPE_H

#include <pango/pangocairo.h>

#include "../fonts/fonts.h"
#include "../input/input.h"
#include "composer.h"

/* One styled piece of a paragraph's text, with its source position. */
typedef struct sh_piece {
    int start, len;       /* bytes in the paragraph text */
    const fnt_face *face;
    double size;          /* pt */
    doc_pos pos;          /* of its first character; line 0: none */
    int break_after;      /* intended line break after the piece */
    int half_digits;      /* digits in half-width forms (OpenType hwid) */
} sh_piece;

typedef struct sh_item {
    PangoItem *item;
    PangoGlyphString *glyphs;
    cairo_scaled_font_t *font; /* referenced */
} sh_item;

/* A shaped paragraph: its items (runs of one font) and its clusters
 * (sh_cluster, composer.h). */
typedef struct sh_para {
    const char *text;
    int len;
    sh_item *items;
    int nitems;
    sh_cluster *cl;
    int ncl;
} sh_para;

typedef struct sh_ctx sh_ctx;
sh_ctx *sh_new(fnt_set *fs, diag_ctx *d);
void sh_free(sh_ctx *sc);
/* Shape a paragraph; pieces cover the text in order. */
int sh_shape(sh_ctx *sc, const char *text, int len, const sh_piece *pc,
             int npc, sh_para *out);
void sh_para_free(sh_para *p);

#endif
