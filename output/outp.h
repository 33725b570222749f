/* outp.h: private interface of the output stage */
#ifndef BULLETIN_OUTPUT_OUTP_H
#define BULLETIN_OUTPUT_OUTP_H

#include <cairo.h>

#include "output.h"

/* Stroke width of figure placeholder frames, pt (a hairline in print). */
#define OUT_FRAME_WIDTH 0.5

void out_draw_page(cairo_t *cr, const lay_page *p);

#endif
