/* images.h: the figures' image files, decoded once per file (images.c;
 * prefix li_) */
#ifndef BULLETIN_LAYOUT_IMAGES_H
#define BULLETIN_LAYOUT_IMAGES_H

#include "layout.h"

typedef struct li_image li_image;
/* The image of a figure, decoded (once per file); NULL after a warning at
 * pos saying why it cannot be used (the figure then gets a placeholder). */
const li_image *li_load(lay_ctx *lc, const char *path, diag_pos pos);
cairo_surface_t *li_surface(const li_image *im, int *w, int *h);
void li_free_all(lay_ctx *lc);

#endif
