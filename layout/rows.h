/* rows.h: an article as rows of whole grid lines, the unit the page
 * builder moves (rows.c; prefix rw_, the row types fl_) */
#ifndef BULLETIN_LAYOUT_ROWS_H
#define BULLETIN_LAYOUT_ROWS_H

#include "composed.h"

/* The ideographic em box of CJK fonts spans 0.88 em above the baseline
 * and 0.12 em below it (the OpenType 'ideo' baseline at -0.12 em);
 * lines are placed so that their em boxes sit in the grid. */
#define EMBOX_ASCENT 0.88

enum {
    FL_KEEP_NEXT = 1 << 0, /* may not end a column (heads) */
    FL_FIRST = 1 << 1,     /* first line of a paragraph */
    FL_LAST = 1 << 2,      /* last line of a paragraph */
    FL_FLOAT = 1 << 3,     /* a figure: text after it may go before it */
    FL_WIDE = 1 << 4,      /* a page-wide figure: spans the columns */
    FL_BOX = 1 << 5,       /* a boxed notice (h > 0), or an empty row after
                              it (h == 0) that takes its rest when it is
                              split at a column end */
};

/* A unit of vertical flow: one or more composed lines (or a frame) that
 * take h whole grid lines and are never split. */
typedef struct fl_row {
    int h;
    unsigned flags;
    int line0, nlines;    /* composed lines in the article's block */
    double top;           /* from the row's top to the first baseline */
    double adv;           /* baseline to baseline inside the row */
    double frame_h;       /* > 0: a figure placeholder frame of this height
                             above the lines */
    double frame_top;     /* from the row's top to the frame's top */
    const char *image;    /* the frame shows this image file */
    cairo_surface_t *surface; /* its pixels */
    diag_pos image_pos;   /* the figure in the source */
    int bleed;            /* the frame spans the page, edge to edge */
    double dx;            /* the lines stand this far right of the column */
    diag_pos pos;         /* what it was made from, for messages */
} fl_row;

/* An article made into rows. The page builder owns its rows: it reorders
 * them (figures floated, page-wide figures moved) and splits boxed
 * notices among them as it sets them. */
typedef struct fl_art {
    int index;            /* in doc_issue.articles */
    int single;           /* one full-width column */
    int part;             /* a contribution inside the preceding article */
    int lines_per_page;   /* its grid: lines per column, and their pitch */
    double pitch;
    cp_block lines;       /* composed lines of head and body */
    fl_row *head;         /* rows spanning the type area */
    int nhead, caphead;
    fl_row *rows;         /* body rows, set in columns */
    int nrows, caprows;
} fl_art;

int rw_article(lay_ctx *lc, const doc_issue *doc, int index, fl_art *out);
/* Compose t in a role and size it as one row of whole grid lines (front
 * matter); its lines are appended to lines. */
int rw_block(lay_ctx *lc, const doc_text *t, sty_role_id role,
             double measure, const char *prefix, cp_block *lines,
             fl_row *row);
void rw_free(fl_art *a);
/* The grid lines rows [a, b) take. */
int rw_height(const fl_row *rows, int a, int b);

#endif
