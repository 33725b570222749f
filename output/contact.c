/* contact.c: proofs of a whole issue at a glance: a thumbnail of one
 * page (the cover, for the archive index), and a contact sheet with every
 * page, spreads side by side as they face each other in print (the first
 * page alone on the right), folios under them */
#include <string.h>

#include "outp.h"

/* Thumbnail width of a page on the contact sheet, pixels; room around
 * and between spreads, and for the folio under a page. */
#define SHEET_PAGE_W 160
#define SHEET_GAP 24
#define SHEET_LABEL 22
#define SHEET_SPREADS_PER_ROW 3
/* The cover thumbnail of the index, pixels wide. */
#define THUMB_W 240

/* Page p drawn at (x, y), scale s, on white with a hairline around. */
static void thumb(cairo_t *cr, const lay_doc *doc, const lay_page *p,
                  double x, double y, double s, out_ink *ink)
{
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, s, s);
    cairo_rectangle(cr, 0, 0, doc->width, doc->height);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_set_line_width(cr, 1 / s);
    cairo_stroke(cr);
    cairo_rectangle(cr, 0, 0, doc->width, doc->height);
    cairo_clip(cr);
    out_draw_page(cr, doc, p, ink, 0);
    cairo_restore(cr);
}

static int finish(cairo_surface_t *s, cairo_t *cr, const char *path,
                  out_ink *ink, file_run *run, diag_ctx *d)
{
    cairo_status_t st = cairo_status(cr);
    cairo_destroy(cr);
    int rc = -1;
    if (st != CAIRO_STATUS_SUCCESS)
        diag_error(d, (diag_pos){path, 0, 0}, "cannot draw: %s",
                   cairo_status_to_string(st));
    else if (!ink->failed)
        rc = op_write_png(s, path, run, d);
    cairo_surface_destroy(s);
    oi_free(ink);
    return rc;
}

int out_thumbnail(const lay_doc *pages, size_t page, const char *path,
                  file_run *run, diag_ctx *d)
{
    if (page >= pages->npages)
        return 0;
    double s = THUMB_W / pages->width;
    cairo_surface_t *sf = cairo_image_surface_create(
        CAIRO_FORMAT_RGB24, THUMB_W, (int)(pages->height * s + 0.5));
    cairo_t *cr = cairo_create(sf);
    out_ink ink;
    oi_init(&ink, 0, pages->style->print.profile, d, pages->style->print.pos);
    thumb(cr, pages, &pages->pages[page], 0, 0, s, &ink);
    return finish(sf, cr, path, &ink, run, d);
}

/* Where page i stands: its spread and its side (the first page alone,
 * on the right, as a cover or a first right-hand page does). */
static void place(size_t i, size_t *spread, int *right)
{
    *spread = (i + 1) / 2;
    *right = i % 2 == 0;
}

static void label(cairo_t *cr, const char *text, double cx, double y)
{
    cairo_text_extents_t e;
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
    cairo_select_font_face(cr, "Noto Sans CJK SC", CAIRO_FONT_SLANT_NORMAL,
                           CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 13);
    cairo_text_extents(cr, text, &e);
    cairo_move_to(cr, cx - e.x_advance / 2, y);
    cairo_show_text(cr, text);
}

int out_contact(const lay_doc *pages, const char *path, file_run *run,
                diag_ctx *d)
{
    double s = SHEET_PAGE_W / pages->width, ph = pages->height * s;
    size_t spreads = pages->npages ? pages->npages / 2 + 1 : 0;
    size_t rows = (spreads + SHEET_SPREADS_PER_ROW - 1) / SHEET_SPREADS_PER_ROW;
    int sw = 2 * SHEET_PAGE_W + SHEET_GAP;
    int w = SHEET_SPREADS_PER_ROW * sw + SHEET_GAP;
    int h = (int)(rows * (ph + SHEET_LABEL + SHEET_GAP) + SHEET_GAP);
    cairo_surface_t *sf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w,
                                                     h > 1 ? h : 1);
    cairo_t *cr = cairo_create(sf);
    cairo_set_source_rgb(cr, 0.86, 0.86, 0.86);
    cairo_paint(cr);
    out_ink ink;
    oi_init(&ink, 0, pages->style->print.profile, d, pages->style->print.pos);
    for (size_t i = 0; i < pages->npages; i++) {
        size_t sp;
        int right;
        place(i, &sp, &right);
        double x = SHEET_GAP + (double)(sp % SHEET_SPREADS_PER_ROW) * sw +
                   (right ? SHEET_PAGE_W : 0);
        double y = SHEET_GAP + (double)(sp / SHEET_SPREADS_PER_ROW) *
                                   (ph + SHEET_LABEL + SHEET_GAP);
        thumb(cr, pages, &pages->pages[i], x, y, s, &ink);
        label(cr, pages->pages[i].label, x + SHEET_PAGE_W / 2.0,
              y + ph + SHEET_LABEL - 6);
    }
    return finish(sf, cr, path, &ink, run, d);
}
