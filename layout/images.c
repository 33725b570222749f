/* images.c: the figures' image files, decoded once, up front, into Cairo
 * surfaces the output draws: a file that cannot be read, is cut short or
 * is larger than can be drawn is said at its figure, and the figure gets
 * its framed placeholder. A JPEG keeps its own bytes for the PDF. */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <stdlib.h>
#include <string.h>

#include "context.h"
#include "images.h"

/* Cairo draws images of at most 32,767 pixels a side. */
#define IMAGE_SIDE_MAX 32767
/* Pixels decoded at most (a 400-megapixel scan is a mistake, and would
 * take 1.6 GB). */
#define IMAGE_PIXELS_MAX (100.0 * 1000 * 1000)

struct li_image {
    char *path;
    cairo_surface_t *surface; /* NULL: it could not be used */
    int w, h;
};

static int is_jpeg(const char *data, size_t len)
{
    return len >= 2 && (unsigned char)data[0] == 0xFF &&
           (unsigned char)data[1] == 0xD8;
}

/* A JPEG ends with its EOI marker (FF D9), perhaps followed by padding;
 * without it the file was cut short and may not be embedded as it is. */
static int jpeg_whole(const char *data, size_t len)
{
    size_t end = len;
    while (end > 2 && (data[end - 1] == '\0' || data[end - 1] == '\n' ||
                       data[end - 1] == '\r' || data[end - 1] == ' '))
        end--;
    return end >= 4 && (unsigned char)data[end - 2] == 0xFF &&
           (unsigned char)data[end - 1] == 0xD9;
}

/* The number of colour components of a JPEG (its frame header), or 0. */
static int jpeg_components(const unsigned char *d, size_t len)
{
    for (size_t i = 2; i + 9 < len;) {
        if (d[i] != 0xFF)
            return 0;
        unsigned m = d[i + 1];
        if (m == 0xFF) { /* fill byte */
            i++;
            continue;
        }
        size_t seg = (size_t)d[i + 2] << 8 | d[i + 3];
        /* SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC) */
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC)
            return d[i + 9];
        i += 2 + seg;
    }
    return 0;
}

/* The decoded pixels as a Cairo surface (premultiplied when it has alpha). */
static cairo_surface_t *to_surface(GdkPixbuf *pb)
{
    int w = gdk_pixbuf_get_width(pb), h = gdk_pixbuf_get_height(pb);
    int nch = gdk_pixbuf_get_n_channels(pb), rs = gdk_pixbuf_get_rowstride(pb);
    int alpha = gdk_pixbuf_get_has_alpha(pb);
    const guchar *px = gdk_pixbuf_read_pixels(pb);
    cairo_surface_t *s = cairo_image_surface_create(
        alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, w, h);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        return s;
    unsigned char *dst = cairo_image_surface_get_data(s);
    int ds = cairo_image_surface_get_stride(s);
    cairo_surface_flush(s);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            const guchar *p = px + (size_t)y * rs + (size_t)x * nch;
            uint32_t a = alpha ? p[3] : 255;
            uint32_t v = a << 24 | (p[0] * a / 255) << 16 |
                         (p[1] * a / 255) << 8 | (p[2] * a / 255);
            memcpy(dst + (size_t)y * ds + (size_t)x * 4, &v, 4);
        }
    cairo_surface_mark_dirty(s);
    return s;
}

/* Decode path; NULL with the reason in why. */
static cairo_surface_t *decode(lay_ctx *lc, const char *path, int *w, int *h,
                               const char **why)
{
    int iw = 0, ih = 0;
    if (!gdk_pixbuf_get_file_info(path, &iw, &ih) || iw <= 0 || ih <= 0) {
        *why = "not an image gdk-pixbuf can read (use JPEG or PNG)";
        return NULL;
    }
    if (iw > IMAGE_SIDE_MAX || ih > IMAGE_SIDE_MAX ||
        (double)iw * ih > IMAGE_PIXELS_MAX) {
        *why = ar_printf(lc->ar, "%d × %d pixels, more than can be drawn "
                         "(32,767 a side, 100 million in all): scale it down",
                         iw, ih);
        return NULL;
    }
    GError *err = NULL;
    GdkPixbuf *pb = gdk_pixbuf_new_from_file(path, &err);
    if (!pb) {
        *why = ar_strdup(lc->ar, err ? err->message : "it cannot be decoded");
        g_clear_error(&err);
        return NULL;
    }
    cairo_surface_t *s = to_surface(pb);
    *w = gdk_pixbuf_get_width(pb);
    *h = gdk_pixbuf_get_height(pb);
    g_object_unref(pb);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        *why = cairo_status_to_string(cairo_surface_status(s));
        cairo_surface_destroy(s);
        return NULL;
    }
    return s;
}

/* A JPEG keeps its own bytes (the PDF embeds them as they are), unless it
 * is cut short: then what could be decoded is embedded, and said. A CMYK
 * JPEG is embedded decoded too: most store their inks inverted (Adobe's
 * way), which a PDF would print as a negative. */
static void keep_jpeg(lay_ctx *lc, cairo_surface_t *s, const char *path,
                      diag_pos pos)
{
    size_t len;
    char *data = file_read(path, &len);
    if (data && is_jpeg(data, len) && jpeg_whole(data, len) &&
        jpeg_components((const unsigned char *)data, len) != 4) {
        cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG,
                                    (unsigned char *)data, len, free, data);
        return;
    }
    if (data && is_jpeg(data, len) && !jpeg_whole(data, len))
        diag_warn(lc->d, pos, "the JPEG '%s' is cut short (no end marker): "
                  "set from what could be decoded; give the whole file",
                  path);
    free(data);
}

static li_image *cached(lay_ctx *lc, const char *path)
{
    for (size_t i = 0; i < lc->nimages; i++)
        if (strcmp(lc->images[i]->path, path) == 0)
            return lc->images[i];
    return NULL;
}

const li_image *li_load(lay_ctx *lc, const char *path, diag_pos pos)
{
    li_image *im = cached(lc, path);
    if (im)
        return im->surface ? im : NULL;
    im = calloc(1, sizeof *im);
    li_image **slot = im ? VEC_PUSH(lc->images, lc->nimages, lc->capimages)
                         : NULL;
    if (!slot) {
        free(im);
        return NULL;
    }
    *slot = im;
    im->path = strdup(path);
    const char *why = NULL;
    im->surface = im->path ? decode(lc, path, &im->w, &im->h, &why) : NULL;
    if (!im->surface) {
        diag_warn(lc->d, pos, "cannot use the image '%s': %s; a framed "
                  "placeholder is set", path, why ? why : "out of memory");
        return NULL;
    }
    keep_jpeg(lc, im->surface, path, pos);
    return im;
}

cairo_surface_t *li_surface(const li_image *im, int *w, int *h)
{
    *w = im->w;
    *h = im->h;
    return im->surface;
}

void li_free_all(lay_ctx *lc)
{
    for (size_t i = 0; i < lc->nimages; i++) {
        if (lc->images[i]->surface)
            cairo_surface_destroy(lc->images[i]->surface);
        free(lc->images[i]->path);
        free(lc->images[i]);
    }
    free(lc->images);
}
