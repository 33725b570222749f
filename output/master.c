/* master.c: the print master: each page on a sheet of its trim and slug,
 * what touches the trim carried into the bleed, printer's marks in the
 * slug in registration colour (every plate); then the PDF/X post-pass
 * (pdfx.cc) over what Cairo wrote. */
#include <cairo-pdf.h>
#include <stdlib.h>
#include <string.h>

#include "outp.h"

/* Photographs that must be converted to CMYK are re-encoded at this JPEG
 * quality: no visible loss at print resolution. */
#define MASTER_JPEG_QUALITY 95
/* A registration target: circle radius and cross arm, shares of the
 * crop mark's length. */
#define TARGET_RADIUS 0.3
#define TARGET_ARM 0.5

typedef struct master_job {
    const lay_doc *pages;
    const doc_issue *doc;
    const sty_print *pr;
    unsigned marks;
    double slug;        /* trim edge to media edge */
    out_ink ink;
    sb_buf pdf;         /* Cairo's output */
    const char *icc;    /* the output profile's file */
    int x4;
    diag_ctx *d;
} master_job;


static void line(cairo_t *cr, double x0, double y0, double x1, double y1)
{
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x1, y1);
    cairo_stroke(cr);
}

/* Crop marks: two hairlines at each corner, on the trim's lines, from
 * outside the bleed outwards. */
static void crop_marks(cairo_t *cr, const master_job *j)
{
    double w = j->pages->width, h = j->pages->height;
    double a = j->pr->mark_offset, b = a + j->pr->mark_length;
    for (int c = 0; c < 4; c++) {
        double x = c & 1 ? w : 0, y = c & 2 ? h : 0;
        double sx = c & 1 ? 1 : -1, sy = c & 2 ? 1 : -1;
        line(cr, x + sx * a, y, x + sx * b, y);
        line(cr, x, y + sy * a, x, y + sy * b);
    }
}

/* Registration targets, a circle and a cross, halfway along each side. */
static void registration_marks(cairo_t *cr, const master_job *j)
{
    double w = j->pages->width, h = j->pages->height;
    double len = j->pr->mark_length, d = j->pr->mark_offset + len / 2;
    double cx[4] = {w / 2, w / 2, -d, w + d}, cy[4] = {-d, h + d, h / 2, h / 2};
    for (int i = 0; i < 4; i++) {
        cairo_new_sub_path(cr);
        cairo_arc(cr, cx[i], cy[i], len * TARGET_RADIUS, 0, 2 * 3.14159265358979);
        cairo_stroke(cr);
        line(cr, cx[i] - len * TARGET_ARM, cy[i], cx[i] + len * TARGET_ARM, cy[i]);
        line(cr, cx[i], cy[i] - len * TARGET_ARM, cx[i], cy[i] + len * TARGET_ARM);
    }
}

static void slug(cairo_t *cr, master_job *j, const lay_page *p)
{
    cairo_save(cr);
    oi_set_all(cr, &j->ink);
    cairo_set_line_width(cr, j->pr->mark_weight);
    if (j->marks & STY_MARK_CROP)
        crop_marks(cr, j);
    if (j->marks & STY_MARK_REGISTRATION)
        registration_marks(cr, j);
    for (size_t i = 0; (j->marks & STY_MARK_INFO) && i < p->nslug; i++)
        out_draw_line(cr, &p->slug[i], &j->ink);
    cairo_restore(cr);
}

static void draw_sheet(cairo_t *cr, master_job *j, const lay_page *p)
{
    double b = j->pr->bleed;
    cairo_save(cr);
    cairo_translate(cr, j->slug, j->slug);
    cairo_save(cr);
    cairo_rectangle(cr, -b, -b, j->pages->width + 2 * b,
                    j->pages->height + 2 * b);
    cairo_clip(cr);
    out_draw_page(cr, j->pages, p, &j->ink, b);
    cairo_restore(cr);
    slug(cr, j, p);
    cairo_restore(cr);
}

static void sheet_page(void *ctx, cairo_t *cr, const lay_page *p)
{
    master_job *j = ctx;
    out_dests(cr, p, j->slug, j->slug);
    draw_sheet(cr, j, p);
}

/* Cairo's PDF of the sheets, into j->pdf: no links (a print master has
 * no use for them, and PDF/X wants no annotations on the page). */
static int render(master_job *j)
{
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(
        out_to_buffer, &j->pdf, j->pages->width + 2 * j->slug,
        j->pages->height + 2 * j->slug);
    cairo_status_t st = out_render(s, j->pages, j->doc, sheet_page, j);
    if (st != CAIRO_STATUS_SUCCESS || j->ink.failed)
        diag_error(j->d, (diag_pos){j->doc->path, 0, 0}, "drawing the print "
                   "master failed: %s", j->ink.failed
                                            ? "too many colours"
                                            : cairo_status_to_string(st));
    return st != CAIRO_STATUS_SUCCESS || j->ink.failed ? -1 : 0;
}

static int hook_paint(void *ctx, const double rgb[3], pdfx_paint *out)
{
    return oi_decode(&((master_job *)ctx)->ink, rgb, out);
}

static int hook_pixels(void *ctx, const unsigned char *rgb, size_t npix,
                       unsigned char *cmyk)
{
    out_colour *oc;
    if (oi_profile(&((master_job *)ctx)->ink, &oc))
        return -1;
    return oc_press_pixels(oc, rgb, npix, cmyk);
}

static int hook_gray(void *ctx, unsigned char *v, size_t n)
{
    out_colour *oc;
    if (oi_profile(&((master_job *)ctx)->ink, &oc))
        return -1;
    return oc_press_gray(oc, v, n);
}

/* The boxes of every sheet, in PDF space (y up): media, trim, bleed. */
static void boxes(const master_job *j, pdfx_job *x)
{
    double s = j->slug, b = j->pr->bleed;
    double t[4] = {s, s, s + j->pages->width, s + j->pages->height};
    for (int i = 0; i < 4; i++) {
        x->trim[i] = t[i];
        x->bleed[i] = t[i] + (i < 2 ? -b : b);
        x->media[i] = i < 2 ? 0 : t[i] + s;
    }
}

/* PDF/X-1a:2001 is PDF 1.3, which knows ICC profiles of version 2 only
 * (version 4 came with PDF 1.5). */
static int profile_fits(const master_job *j, const unsigned char *icc,
                        size_t len)
{
    if (j->x4 || (len > 8 && icc[8] == 2))
        return 0;
    diag_error(j->d, (diag_pos){j->icc ? j->icc : j->pr->profile, 0, 0},
               "a PDF/X-1a:2001 master needs an ICC profile of version 2; "
               "this one is version %d: give a version-2 profile, or make a "
               "PDF/X-4 master (--print=x4)", len > 8 ? icc[8] : 0);
    return -1;
}

static int post_pass(void *ctx, FILE *f)
{
    master_job *j = ctx;
    out_colour *oc;
    if (oi_profile(&j->ink, &oc))
        return -1;
    char title[512], date[32], producer[96];
    out_title(j->pages, j->doc, title, sizeof title);
    out_date(j->doc, date, sizeof date);
    snprintf(producer, sizeof producer, "bulletin (Cairo %s, qpdf)",
             cairo_version_string());
    const char *desc;
    pdfx_job x;
    memset(&x, 0, sizeof x);
    x.pdf = (const unsigned char *)j->pdf.s;
    x.len = j->pdf.len;
    x.x4 = j->x4;
    boxes(j, &x);
    x.icc = oc_profile(oc, &x.icclen, &desc);
    if (profile_fits(j, x.icc, x.icclen))
        return -1;
    /* a profile given on the command line is the shop's own: Custom */
    x.condition = j->icc ? NULL : j->pr->condition;
    x.condition_info = !j->icc && j->pr->condition_info ? j->pr->condition_info
                                                        : desc;
    x.title = title;
    x.creator = "bulletin";
    x.producer = producer;
    x.date = date;
    x.jpeg_quality = MASTER_JPEG_QUALITY;
    x.hooks = (pdfx_hooks){j, hook_paint, hook_pixels, hook_gray};
    const char **labels = out_labels(j->pages);
    char subject[600];
    x.labels = labels;
    x.nlabels = labels ? j->pages->npages : 0;
    x.subject = out_subject(j->pages, subject, sizeof subject);
    x.out = f;
    int rc = pdfx_write(&x);
    free((void *)labels);
    if (rc)
        diag_error(j->d, diag_nopos(), "making the print master failed: %s",
                   x.err);
    return rc ? -1 : 0;
}

int out_print(const lay_doc *pages, const doc_issue *doc, const char *path,
              const out_print_opts *o, file_run *run, diag_ctx *d)
{
    master_job j;
    memset(&j, 0, sizeof j);
    j.pages = pages;
    j.doc = doc;
    j.pr = &pages->style->print;
    j.marks = o->marks >= 0 ? (unsigned)o->marks : j.pr->marks;
    j.slug = j.marks ? j.pr->slug : j.pr->bleed;
    j.icc = o->icc;
    j.x4 = o->x4;
    j.d = d;
    sb_init(&j.pdf);
    oi_init(&j.ink, 1, o->icc ? o->icc : j.pr->profile, d,
            o->icc ? (diag_pos){o->icc, 0, 0} : j.pr->pos);
    out_colour *oc;
    out_fonts *fonts = NULL;
    int rc = oi_profile(&j.ink, &oc);
    if (rc == 0)
        rc = of_build(pages, &fonts);
    j.ink.fonts = fonts;
    if (rc == 0)
        rc = render(&j);
    if (rc == 0)
        rc = file_write(path, post_pass, &j, run, d);
    sb_free(&j.pdf);
    oi_free(&j.ink);
    of_free(fonts);
    return rc;
}
