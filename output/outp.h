/* outp.h: private interface of the output stage */
#ifndef BULLETIN_OUTPUT_OUTP_H
#define BULLETIN_OUTPUT_OUTP_H

#include <cairo.h>

#include "output.h"
#include "pdfx.h"

/* ---- colours through the output profile (colour.c) ---- */
typedef struct out_colour out_colour;

int oc_open(const char *path, out_colour **out, diag_ctx *d, diag_pos pos);
void oc_free(out_colour *oc);
/* The profile's bytes and its description. */
const unsigned char *oc_profile(const out_colour *oc, size_t *len,
                                const char **desc);
void oc_screen_rgb(const out_colour *oc, sty_colour c, double rgb[3]);
int oc_press_pixels(const out_colour *oc, const unsigned char *rgb,
                    size_t npix, unsigned char *cmyk);
/* Gray samples (0 black, sRGB tones) toned in place for the black plate
 * alone, so that they print as light as they show. */
int oc_press_gray(out_colour *oc, unsigned char *v, size_t n);

/* ---- fonts cut down to the glyphs an issue sets (subset.c) ---- */
typedef struct out_fonts out_fonts;

int of_build(const lay_doc *pages, out_fonts **out);
/* The font to draw in place of one of the layout's (itself when it could
 * not be subset). */
cairo_scaled_font_t *of_map(const out_fonts *of, cairo_scaled_font_t *sf);
/* The layout's glyphs g[0..n) of sf given the ids of the font of_map
 * draws them in. */
void of_renumber(const out_fonts *of, cairo_scaled_font_t *sf,
                 cairo_glyph_t *g, int n);
void of_free(out_fonts *of);

/* ---- inks as Cairo sees them (ink.c) ---- */
typedef struct oi_entry {
    sty_colour c;
    int all;               /* registration: every plate */
} oi_entry;

typedef struct out_ink {
    int press;             /* a print master: stand-ins for the post-pass */
    const char *profile;   /* opened when a colour first needs it */
    out_colour *oc;
    diag_ctx *d;
    diag_pos pos;
    oi_entry *pal;         /* press: the inks used; index = stand-in */
    size_t npal, cap;
    int failed;
    const out_fonts *fonts; /* subsets drawn in place of the layout's
                               fonts; NULL: the layout's */
} out_ink;

void oi_init(out_ink *ink, int press, const char *profile, diag_ctx *d,
             diag_pos pos);
void oi_free(out_ink *ink);
int oi_profile(out_ink *ink, out_colour **oc);
void oi_set(cairo_t *cr, out_ink *ink, sty_colour c);
void oi_set_all(cairo_t *cr, out_ink *ink);  /* registration colour */
int oi_decode(const out_ink *ink, const double rgb[3], pdfx_paint *out);

/* ---- PNG files (png.c) ---- */
/* An image surface written whole to path as PNG (util/file.c's way). */
int op_write_png(cairo_surface_t *s, const char *path, file_run *run,
                 diag_ctx *d);

/* ---- drawing (draw.c) ---- */
/* A page of the layout on any Cairo surface; with bleed > 0 (a print
 * master) what touches the trim edge is carried that far beyond it. */
void out_draw_page(cairo_t *cr, const lay_doc *doc, const lay_page *p,
                   out_ink *ink, double bleed);
void out_draw_line(cairo_t *cr, const lay_line *l, const out_ink *ink);
/* textlayer.c: a line's glyphs with their text, at the line's origin */
void out_show_text(cairo_t *cr, const lay_line *l, const out_ink *ink);

/* The PDF's title, Info dates (pdf.c). */
void out_title(const lay_doc *pages, const doc_issue *doc, char *buf,
               size_t n);
void out_date(const doc_issue *doc, char *buf, size_t n);
const char *out_subject(const lay_doc *pages, char *buf, size_t n);
/* Cairo's stream callback into an sb_buf; the pages' labels (free()). */
cairo_status_t out_to_buffer(void *closure, const unsigned char *data,
                             unsigned int len);
const char **out_labels(const lay_doc *pages);
/* Title, creator and dates of Cairo's Info; the bookmarks; a page's
 * named destinations, moved by dx, dy (pdf.c). */
void out_metadata(cairo_surface_t *s, const lay_doc *pages,
                  const doc_issue *doc);
void out_outline(cairo_surface_t *s, const lay_doc *pages);
void out_dests(cairo_t *cr, const lay_page *pg, double dx, double dy);
/* Every page of a PDF surface through page(), with the document's
 * metadata, structure and bookmarks; the surface is finished and freed. */
typedef void (*out_page_fn)(void *ctx, cairo_t *cr, const lay_page *p);
cairo_status_t out_render(cairo_surface_t *s, const lay_doc *pages,
                          const doc_issue *doc, out_page_fn page, void *ctx);

#endif
