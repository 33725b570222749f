/* pages.h: pages under construction, and what puts things on them:
 * lines, boxes, images, links, destinations; the furniture's templates
 * (pages.c; prefix fl_) */
#ifndef BULLETIN_LAYOUT_PAGES_H
#define BULLETIN_LAYOUT_PAGES_H

#include "composed.h"

typedef struct fl_page {
    lay_line *lines;
    size_t nlines, caplines;
    lay_box *boxes;
    size_t nboxes, capboxes;
    lay_link *links;
    size_t nlinks, caplinks;
    lay_dest *dests;
    size_t ndests, capdests;
    const char *label;    /* front matter: its label; NULL: an article page */
    int article;          /* article at the top of the page, -1: none */
} fl_page;

typedef struct fl_book {
    fl_page *pages;
    size_t npages, cap;
} fl_book;

fl_page *fl_new_page(fl_book *b);
void fl_book_free(fl_book *b);
int fl_put_line(fl_page *pg, const cp_line *cl, int column, double x,
                double y, int grid);
int fl_put_box(fl_page *pg, lay_box_kind kind, double x, double y, double w,
               double h);
int fl_put_image(fl_page *pg, const char *path, cairo_surface_t *surface,
                 diag_pos pos, double x, double y, double w, double h);
int fl_put_link(fl_page *pg, double x, double y, double w, double h,
                const char *dest);
int fl_put_dest(fl_page *pg, const char *name, double x, double y);
/* Left edge of the type area on a right-hand (recto) or left-hand page. */
double fl_area_x(const sty_style *st, int recto);
/* Expand a style template ({publication}, {year}, …) into the arena. */
const char *fl_expand(lay_ctx *lc, const doc_issue *doc, const char *tmpl,
                      int article, int page);
/* A one-line text in a role composed at a measure, lines appended to b. */
int fl_compose_string(lay_ctx *lc, const char *text, sty_role_id role,
                      double measure, cp_block *b);

#endif
