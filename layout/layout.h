/* layout.h: composing an issue into pages: shaping with Pango/HarfBuzz,
 * our own Chinese line breaking, and pages on a shared line grid.
 *
 * Prefixes: lay_ the stage's public interface. Inside the folder, each
 * part has a header of its own: composer.h (cc_ character classes, lb_
 * line breaking), shape.h (sh_ shaping), context.h (the lay_ctx),
 * composed.h (cp_ composed lines), images.h (li_ figures' images), rows.h
 * (rw_ articles as rows), columns.h (cl_ filling columns), pages.h (fl_
 * pages under construction), flow.h (fl_ article pages), front.h (fr_
 * front matter), furniture.h (fu_ the whole issue), slug.h (sl_ print
 * slug); composer_imp.h and flow_imp.h are shared by the files of one
 * part only.
 * Configure, run, query: lay_new with a style and fonts, lay_issue once,
 * then read the returned pages; lay_free releases everything, including
 * the fonts the pages point to. Return convention: int functions give 0
 * on success and -1 on failure, reported through the diag_ctx. */
#ifndef BULLETIN_LAYOUT_H
#define BULLETIN_LAYOUT_H

#include <cairo.h>

#include "../fonts/fonts.h"
#include "../input/input.h"
#include "../styles/style.h"
#include "../util/util.h"

/* Glyphs of one font on one line; positions in pt relative to the line's
 * origin (its x, and its baseline y), y down. */
typedef struct lay_run {
    cairo_scaled_font_t *font; /* owned by the layout */
    const char *utf8;          /* the characters the glyphs stand for */
    int utf8_len;
    const cairo_glyph_t *glyphs;
    int nglyphs;
    const cairo_text_cluster_t *clusters;
    int nclusters;
} lay_run;

typedef struct lay_line {
    int column;         /* 0: spans the type area; 1, 2, …: that column */
    int grid;           /* grid line of the baseline, from 1; 0: furniture */
    double x, y;        /* start of the measure, baseline */
    double measure;     /* width the line was set to */
    double width;       /* where its content ends, from x: the measure for
                           a justified line; a hanging mark and trailing
                           spaces lie beyond */
    const char *text;   /* its characters, for dumps and checks */
    const lay_run *runs;
    int nruns;
    int article;        /* index in doc_issue.articles; -1: furniture */
    sty_role_id role;   /* its colour is the role's */
    int justified;      /* set flush on both sides */
    double size;        /* largest font size on the line, pt */
} lay_line;

typedef enum lay_box_kind {
    LAY_BOX_FRAME, /* stroked rectangle: figure placeholder, boxed notice */
    LAY_BOX_FILL,  /* filled rectangle: rules, the side tab */
    LAY_BOX_IMAGE, /* an image file scaled into the rectangle */
} lay_box_kind;

typedef struct lay_box {
    lay_box_kind kind;
    double x, y, w, h;  /* may reach the trim edge or beyond it (bleed) */
    sty_colour colour;  /* of a fill or a frame */
    const char *image;  /* LAY_BOX_IMAGE: the file, for messages */
    cairo_surface_t *surface; /* LAY_BOX_IMAGE: its pixels, decoded once
                                 (a JPEG carries its own bytes); owned by
                                 the layout */
    diag_pos pos;       /* LAY_BOX_IMAGE: the figure in the source */
    int article;        /* index in doc_issue.articles; -1: furniture */
} lay_box;

/* A clickable area that jumps to a named destination. */
typedef struct lay_link {
    double x, y, w, h;
    const char *dest;
} lay_link;

/* A named destination: where a link or a bookmark lands. */
typedef struct lay_dest {
    const char *name;
    double x, y;
} lay_dest;

typedef struct lay_page {
    int folio;                /* printed page number; 0: front matter */
    const char *label;        /* PDF page label: the folio or e.g. 目录 */
    const lay_line *lines;
    size_t nlines;
    const lay_box *boxes;
    size_t nboxes;
    const lay_link *links;
    size_t nlinks;
    const lay_dest *dests;
    size_t ndests;
    const lay_line *slug;     /* the page information line of a print
                                 master, below the trim (y > height) */
    size_t nslug;
} lay_page;

/* A bookmark of the PDF outline. */
typedef struct lay_mark {
    const char *title;
    const char *dest;
    int level;                /* 0: a column (栏目), a front page, or an
                                 article outside a column; each level
                                 deeper sits under the last one above */
} lay_mark;

/* Where an article was set. */
typedef struct lay_placed {
    int first_page, last_page; /* indexes into pages */
    int folio;                 /* printed page of its start */
} lay_placed;

typedef struct lay_doc {
    const sty_style *style;   /* the house style it was laid out in */
    double width, height;     /* trim size, pt */
    const lay_page *pages;
    size_t npages;
    const lay_mark *marks;
    size_t nmarks;
    const lay_placed *articles; /* one per doc_issue article */
    size_t narticles;
    const char *offprint;     /* an offprint: its articles' titles */
    const char *citation;     /* an offprint: where they were printed
                                 (2020年第4期第7—13页) */
} lay_doc;

/* Settings of `bulletin compose`: body paragraphs of plain text. */
typedef struct lay_compose_opts {
    double measure; /* characters per line; <= 0: the style's */
    double size;    /* pt; <= 0: the style's body size */
    double indent;  /* first-line indent in em; < 0: the style's */
} lay_compose_opts;

/* How to lay out an issue. */
typedef struct lay_options {
    int original_pages; /* start articles on their recorded pages */
    int lineation;      /* keep the original's line breaks where recorded */
} lay_options;

typedef struct lay_ctx lay_ctx;

lay_ctx *lay_new(const sty_style *st, fnt_set *fs, diag_ctx *d);
void lay_set_options(lay_ctx *lc, const lay_options *o);
void lay_free(lay_ctx *lc);
/* Lay out a whole issue; the pages live until lay_free. */
int lay_issue(lay_ctx *lc, const doc_issue *doc, const lay_doc **out);
/* How an offprint (抽印本) is cut. */
typedef struct lay_offprint_opts {
    const char *ids;       /* the articles, comma-separated (each with its
                              contributions) */
    int reset;             /* composed afresh on pages of its own; else as
                              printed */
    int keep_neighbours;   /* as printed: the other articles' text on
                              shared pages stays */
    int original_folios;   /* re-set: folios go on from the original's */
    int cover;             /* a cover: 抽印本, title, authors, citation */
} lay_offprint_opts;

/* An offprint of a laid-out issue: as printed, the pages that carry the
 * articles (the neighbours' text on shared pages left out), or the
 * articles set afresh; with the citation line (原载《…》…第7—13页) at the
 * foot of its first page. *doc_out is the document the pages belong to
 * (a re-set offprint's holds only its articles). An unknown id is
 * reported and -1 returned. */
int lay_offprint(lay_ctx *lc, const doc_issue *doc, const lay_doc *in,
                 const lay_offprint_opts *o, const lay_doc **out,
                 const doc_issue **doc_out);
/* The laid-out issue with blank pages added at its end, so that its page
 * count is a multiple of n (print sheets); in unchanged when it is. */
int lay_pad(lay_ctx *lc, const doc_issue *doc, const lay_doc *in, int n,
            const lay_doc **out);
/* The conformance report of laid-out pages: per rule of Chinese
 * composition (line-start and line-end marks, —— …… numbers and words
 * kept whole, 孤字, heads at a column's foot, balanced columns, jump
 * lines) the places checked and violated, then each violation with its
 * page, column and grid line (docs/composition.md). -1 when out fails. */
int lay_conformance(const sty_style *st, const lay_doc *d, FILE *out);
/* Compose one paragraph of plain UTF-8 text and append its lines to out,
 * one per line, each ending in '\n'. */
int lay_compose_text(lay_ctx *lc, const char *text, size_t len,
                     const lay_compose_opts *o, sb_buf *out);

#endif
