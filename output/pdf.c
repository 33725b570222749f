/* pdf.c: the PDF, written to a temporary file and renamed into place */
#include <cairo-pdf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "outp.h"

cairo_status_t out_to_buffer(void *closure, const unsigned char *data,
                             unsigned int len)
{
    sb_buf *sb = closure;
    sb_add(sb, (const char *)data, len);
    return sb->failed ? CAIRO_STATUS_NO_MEMORY : CAIRO_STATUS_SUCCESS;
}

const char **out_labels(const lay_doc *pages)
{
    const char **l = calloc(pages->npages + 1, sizeof *l);
    for (size_t i = 0; l && i < pages->npages; i++)
        l[i] = pages->pages[i].label;
    return l;
}

/* The latest time a PDF date holds: 9999-12-31T23:59:59Z. */
#define DATE_MAX 253402300799LL

int out_source_date(long long *t)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (!sde || !*sde)
        return 0;
    char *end;
    errno = 0;
    *t = strtoll(sde, &end, 10);
    return !errno && !*end && *t >= 0 && *t <= DATE_MAX ? 1 : -1;
}

/* A fixed date keeps two builds of one source byte-identical: the time
 * in SOURCE_DATE_EPOCH when set (and sane), else the first day of the
 * issue's year. */
void out_date(const doc_issue *doc, char *buf, size_t n)
{
    long long t;
    if (out_source_date(&t) == 1) {
        time_t tt = (time_t)t;
        struct tm tm;
        gmtime_r(&tt, &tm);
        strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
        return;
    }
    int year = doc && doc->meta.year > 1900 ? doc->meta.year : 2000;
    /* the month, when the front matter's date names one (2020年9月) */
    int month = 1;
    const char *date = doc ? doc->meta.date.text : NULL;
    const char *nian = date ? strstr(date, "年") : NULL;
    if (nian && atoi(nian + 3) >= 1 && atoi(nian + 3) <= 12)
        month = atoi(nian + 3);
    snprintf(buf, n, "%04d-%02d-01T00:00:00Z", year, month);
}

/* An offprint's Subject: where its articles were printed. */
const char *out_subject(const lay_doc *pages, char *buf, size_t n)
{
    if (!pages->offprint)
        return NULL;
    snprintf(buf, n, "抽印本%s%s", pages->citation ? "，" : "",
             pages->citation ? pages->citation : "");
    return buf;
}

void out_title(const lay_doc *pages, const doc_issue *doc, char *buf,
               size_t n)
{
    char issue[160];
    const doc_meta *m = doc ? &doc->meta : NULL;
    char year[16] = "", no[24] = "";
    if (m && m->year)
        snprintf(year, sizeof year, "%d年", m->year);
    if (m && m->issue)
        snprintf(no, sizeof no, "第%d期", m->issue);
    if (m && m->publication.text) /* numbers not given are left out */
        snprintf(issue, sizeof issue, "%s%s%s%s", m->publication.text,
                 *year || *no ? " " : "", year, no);
    else
        snprintf(issue, sizeof issue, "bulletin");
    if (pages->offprint && m && m->publication.text) /* 抽印本 */
        snprintf(buf, n, "%s（抽印自《%s》%s%s）", pages->offprint,
                 m->publication.text, year, no);
    else if (pages->offprint)
        snprintf(buf, n, "%s（抽印本）", pages->offprint);
    else
        snprintf(buf, n, "%s", issue);
}

void out_metadata(cairo_surface_t *s, const lay_doc *pages,
                  const doc_issue *doc)
{
    char date[32], title[512];
    out_date(doc, date, sizeof date);
    out_title(pages, doc, title, sizeof title);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "bulletin");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
}

/* A tag attribute "key='value'": Cairo reads the value up to the next
 * unescaped quote, so quotes and backslashes in it are escaped (an id may
 * hold any character, and be long). */
static void attr_str(sb_buf *sb, const char *key, const char *value)
{
    sb_printf(sb, "%s='", key);
    for (const char *s = value; s && *s; s++) {
        if (*s == '\'' || *s == '\\')
            sb_addc(sb, '\\');
        sb_addc(sb, *s);
    }
    sb_addc(sb, '\'');
}

/* Named destinations where articles start, and links to them. Links
 * sit inside the Document structure tag: a link outside any structure
 * gives a damaged file with cairo 1.16. */
void out_dests(cairo_t *cr, const lay_page *pg, double dx, double dy)
{
    sb_buf attr;
    sb_init(&attr);
    for (size_t i = 0; i < pg->ndests; i++) {
        sb_clear(&attr);
        attr_str(&attr, "name", pg->dests[i].name);
        sb_printf(&attr, " x=%.2f y=%.2f", pg->dests[i].x + dx,
                  pg->dests[i].y + dy);
        if (!attr.failed) {
            cairo_tag_begin(cr, CAIRO_TAG_DEST, attr.s);
            cairo_tag_end(cr, CAIRO_TAG_DEST);
        }
    }
    sb_free(&attr);
}

static void page_tags(cairo_t *cr, const lay_page *pg)
{
    out_dests(cr, pg, 0, 0);
    sb_buf attr;
    sb_init(&attr);
    for (size_t i = 0; i < pg->nlinks; i++) {
        const lay_link *l = &pg->links[i];
        sb_clear(&attr);
        attr_str(&attr, "dest", l->dest);
        sb_printf(&attr, " rect=[%.2f %.2f %.2f %.2f]", l->x, l->y, l->w, l->h);
        if (!attr.failed) {
            cairo_tag_begin(cr, CAIRO_TAG_LINK, attr.s);
            cairo_tag_end(cr, CAIRO_TAG_LINK);
        }
    }
    sb_free(&attr);
}

/* Bookmarks: articles, and their parts under them. */
/* Bookmarks may nest this deep (column, article, contribution). */
#define OUTLINE_DEPTH 8

void out_outline(cairo_surface_t *s, const lay_doc *pages)
{
    int parent[OUTLINE_DEPTH + 1] = {CAIRO_PDF_OUTLINE_ROOT}, depth = 0;
    sb_buf link;
    sb_init(&link);
    for (size_t i = 0; i < pages->nmarks; i++) {
        const lay_mark *m = &pages->marks[i];
        sb_clear(&link);
        attr_str(&link, "dest", m->dest);
        if (link.failed)
            break;
        /* under the last bookmark one level up; where that one was left
         * out (an offprint), under the nearest there is */
        int level = m->level < 0 ? 0 : m->level > OUTLINE_DEPTH ? OUTLINE_DEPTH
                                                                : m->level;
        if (level > depth)
            level = depth;
        int id = cairo_pdf_surface_add_outline(s, parent[level], m->title,
                                               link.s, 0);
        parent[level + 1] = id;
        depth = level + 1;
    }
    sb_free(&link);
}

typedef struct screen_job {
    const lay_doc *pages;
    const doc_issue *doc;
    out_ink ink;
    diag_ctx *d;
} screen_job;

cairo_status_t out_render(cairo_surface_t *s, const lay_doc *pages,
                          const doc_issue *doc, out_page_fn page, void *ctx)
{
    out_metadata(s, pages, doc);
    cairo_t *cr = cairo_create(s);
    cairo_tag_begin(cr, "Document", NULL);
    for (size_t i = 0; i < pages->npages; i++) {
        cairo_pdf_surface_set_page_label(s, pages->pages[i].label);
        page(ctx, cr, &pages->pages[i]);
        cairo_show_page(cr);
    }
    cairo_tag_end(cr, "Document");
    out_outline(s, pages);
    cairo_status_t st = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    return st;
}

static void screen_page(void *ctx, cairo_t *cr, const lay_page *p)
{
    screen_job *job = ctx;
    page_tags(cr, p);
    out_draw_page(cr, job->pages, p, &job->ink, 0);
}

/* Cairo's PDF, in memory, then set right (pdftidy.cc) into f. */
static int render(void *ctx, FILE *f)
{
    screen_job *job = ctx;
    sb_buf pdf;
    sb_init(&pdf);
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(
        out_to_buffer, &pdf, job->pages->width, job->pages->height);
    cairo_status_t st = out_render(s, job->pages, job->doc, screen_page, job);
    if (st != CAIRO_STATUS_SUCCESS)
        diag_error(job->d, (diag_pos){job->doc->path, 0, 0}, "Cairo could not "
                   "draw the PDF: %s", cairo_status_to_string(st));
    int rc = st != CAIRO_STATUS_SUCCESS || job->ink.failed ? -1 : 0;
    char date[32], subject[600];
    out_date(job->doc, date, sizeof date);
    const char **labels = rc == 0 ? out_labels(job->pages) : NULL;
    pdfx_tidy_job t = {(const unsigned char *)pdf.s, pdf.len, labels,
                       job->pages->npages,
                       out_subject(job->pages, subject, sizeof subject),
                       date, f, {0}};
    if (rc == 0 && (!labels || pdfx_tidy(&t))) {
        diag_error(job->d, (diag_pos){job->doc->path, 0, 0}, "the PDF could "
                   "not be finished: %s", labels ? t.err : "out of memory");
        rc = -1;
    }
    free(labels);
    sb_free(&pdf);
    return rc;
}

int out_pdf(const lay_doc *pages, const doc_issue *doc, const char *path,
            file_run *run, diag_ctx *d)
{
    screen_job job = {pages, doc, {0}, d};
    oi_init(&job.ink, 0, pages->style->print.profile, d,
            pages->style->print.pos);
    out_fonts *fonts = NULL;
    int rc = of_build(pages, &fonts);
    job.ink.fonts = fonts;
    if (rc == 0)
        rc = file_write(path, render, &job, run, d);
    oi_free(&job.ink);
    of_free(fonts);
    return rc;
}
