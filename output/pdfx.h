/* pdfx.h: the print master's post-pass (pdfx.cc, written against
 * libqpdf's C++ API, callable from C): it takes the PDF Cairo wrote and
 * makes it a PDF/X file: page boxes, colour operators and images in the
 * press's inks, overprinted black, output intent, Info and XMP metadata.
 * Return convention: 0 on success; -1 with a message in job->err. */
#ifndef BULLETIN_OUTPUT_PDFX_H
#define BULLETIN_OUTPUT_PDFX_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What one RGB colour of Cairo's output stands for. */
typedef struct pdfx_paint {
    enum { PDFX_CMYK, PDFX_ALL } kind; /* inks, or every plate (marks) */
    double v[4];                       /* C M Y K, 0–1 */
    int overprint;                     /* printed over what lies below */
} pdfx_paint;

typedef struct pdfx_hooks {
    void *ctx;
    /* The paint a colour stands for; -1: not one of ours. */
    int (*paint)(void *ctx, const double rgb[3], pdfx_paint *out);
    /* RGB samples (8 bit) to CMYK (8 bit, four per pixel). */
    int (*pixels)(void *ctx, const unsigned char *rgb, size_t npix,
                  unsigned char *cmyk);
    /* Gray samples (8 bit, 0 black) toned in place for the black plate. */
    int (*gray)(void *ctx, unsigned char *v, size_t n);
} pdfx_hooks;

typedef struct pdfx_job {
    const unsigned char *pdf;  /* Cairo's output */
    size_t len;
    int x4;                    /* PDF/X-4; else PDF/X-1a:2001 */
    double media[4], trim[4], bleed[4]; /* llx lly urx ury of every
                                           page, pt */
    const unsigned char *icc;  /* the output profile */
    size_t icclen;
    const char *condition;     /* registered condition, NULL: Custom */
    const char *condition_info;
    const char *title, *creator, *producer;
    const char *date;          /* YYYY-MM-DDThh:mm:ssZ */
    int jpeg_quality;          /* of photographs that must be converted */
    pdfx_hooks hooks;
    const char *const *labels; /* page labels, one per page */
    size_t nlabels;
    const char *subject;       /* NULL: none */
    FILE *out;
    char err[512];
    /* what was done, for reports and tests */
    size_t colours, images;
} pdfx_job;

int pdfx_write(pdfx_job *job);

/* The light pass over a screen PDF (pdftidy.cc): page labels as given,
 * dates as PDF dates, a Subject, a file identifier. */
typedef struct pdfx_tidy_job {
    const unsigned char *pdf;
    size_t len;
    const char *const *labels;
    size_t nlabels;
    const char *subject;       /* NULL: none */
    const char *date;          /* YYYY-MM-DDThh:mm:ssZ */
    FILE *out;
    char err[512];
} pdfx_tidy_job;

int pdfx_tidy(pdfx_tidy_job *job);

#ifdef __cplusplus
}
#endif

#endif
