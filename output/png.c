/* png.c: page proofs as PNG images */
#include <string.h>

#include "outp.h"

int out_png(const lay_doc *pages, const char *prefix, double dpi,
            diag_ctx *d)
{
    double scale = dpi / 72.0;
    out_ink ink;
    oi_init(&ink, 0, pages->style->print.profile, d, pages->style->print.pos);
    int rc = 0;
    int w = (int)(pages->width * scale + 0.5);
    int h = (int)(pages->height * scale + 0.5);
    for (size_t i = 0; i < pages->npages; i++) {
        cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
        cairo_t *cr = cairo_create(s);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        cairo_scale(cr, scale, scale);
        out_draw_page(cr, pages, &pages->pages[i], &ink, 0);
        cairo_destroy(cr);
        char path[4096];
        snprintf(path, sizeof path, "%s-%03zu.png", prefix, i + 1);
        cairo_status_t st = cairo_surface_write_to_png(s, path);
        cairo_surface_destroy(s);
        if (st != CAIRO_STATUS_SUCCESS) {
            diag_error(d, (diag_pos){path, 0, 0}, "cannot write PNG: %s",
                       cairo_status_to_string(st));
            rc = -1;
            break;
        }
    }
    int failed = ink.failed;
    oi_free(&ink);
    return rc || failed ? -1 : 0;
}
