/* png.c: page proofs as PNG images, each written whole or not at all */
#include <string.h>

#include "outp.h"

/* Proofs between these resolutions: below, nothing is legible; above, a
 * page is over 32,767 pixels, more than Cairo draws. */
#define PNG_DPI_MIN 10
#define PNG_DPI_MAX 1200

static cairo_status_t png_chunk(void *closure, const unsigned char *data,
                                unsigned int len)
{
    return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS
                                                : CAIRO_STATUS_WRITE_ERROR;
}

static int write_png(void *ctx, FILE *f)
{
    return cairo_surface_write_to_png_stream(ctx, png_chunk, f) ==
                   CAIRO_STATUS_SUCCESS ? 0 : -1;
}

int op_write_png(cairo_surface_t *s, const char *path, file_run *run,
                 diag_ctx *d)
{
    return file_write(path, write_png, s, run, d);
}

static int proof(const lay_doc *pages, size_t i, double dpi, out_ink *ink,
                 const char *path, file_run *run, diag_ctx *d)
{
    double scale = dpi / 72.0;
    int w = (int)(pages->width * scale + 0.5);
    int h = (int)(pages->height * scale + 0.5);
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    out_draw_page(cr, pages, &pages->pages[i], ink, 0);
    cairo_status_t st = cairo_status(cr);
    cairo_destroy(cr);
    int rc = -1;
    if (st != CAIRO_STATUS_SUCCESS)
        diag_error(d, (diag_pos){path, 0, 0}, "cannot draw the proof: %s",
                   cairo_status_to_string(st));
    else
        rc = op_write_png(s, path, run, d);
    cairo_surface_destroy(s);
    return rc;
}

int out_png(const lay_doc *pages, const char *prefix, double dpi,
            file_run *run, diag_ctx *d)
{
    if (!(dpi >= PNG_DPI_MIN && dpi <= PNG_DPI_MAX)) {
        diag_error(d, diag_nopos(), "--dpi must lie between %d and %d, not "
                   "%g", PNG_DPI_MIN, PNG_DPI_MAX, dpi);
        return -1;
    }
    out_ink ink;
    oi_init(&ink, 0, pages->style->print.profile, d, pages->style->print.pos);
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < pages->npages; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s-%03zu.png", prefix, i + 1);
        rc = proof(pages, i, dpi, &ink, path, run, d);
    }
    int failed = ink.failed;
    oi_free(&ink);
    return rc || failed ? -1 : 0;
}
