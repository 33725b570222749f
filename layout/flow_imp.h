/* flow_imp.h: what the page builder's two files share: flow.c sets one
 * article (or the tail of one) from where the layout stands, within what
 * the next article's page allows; pagination.c runs the articles in
 * order, on their original pages, with jumps */
#ifndef BULLETIN_LAYOUT_FLOW_IMP_H
#define BULLETIN_LAYOUT_FLOW_IMP_H

#include "flow.h"
#include "rows.h"

/* Where the page builder stands: it only moves forward. */
typedef struct fl_state {
    lay_ctx *lc;
    const sty_style *st;
    const doc_issue *doc;
    fl_book *book;
    lay_placed *placed;
    int article;  /* whose head was set last: pages opened from now on
                     belong to it */
    int y;        /* next free grid line of the current page, from 0 */
    int original; /* start articles on their original pages */
    int lines;    /* the current page's grid: lines per column */
    double pitch; /* and their pitch */
} fl_state;

/* What one flow call must leave room for: the next article's recorded
 * page (all 0: nothing). */
typedef struct fl_goal {
    int limit;     /* the last page the flow may use (a page count); 0: any */
    int foot;      /* lines of that page kept for the next article's head */
    int next_page; /* the page the next article must start on; 0: none */
    int feather;   /* when the article ends before next_page, open blank
                      lines between its paragraphs down to the foot */
} fl_goal;

/* Where an article broke off for a jump: the line kept free for its
 * （下转第N页）. */
typedef struct fl_jump {
    int page;     /* book page */
    double x, y, w;
} fl_jump;

/* What one flow call leaves. */
typedef struct fl_end {
    int rest;     /* the first row not set; the article's nrows: all were */
    fl_jump jump; /* rest < nrows: where its （下转第N页） goes */
    int spread;   /* blank lines opened on its last page by feathering;
                     -1: it was not feathered */
} fl_end;

/* The flow is on the last page the goal lets it use. */
static inline int fl_at_limit(const fl_state *fs, const fl_goal *g)
{
    return g->limit > 0 && (int)fs->book->npages >= g->limit;
}

/* Open a new page, belonging to the article whose head was set last. */
int fl_open_page(fl_state *fs);
/* An article set on a grid other than the current page's starts a new
 * page (a one-column article may have fewer, wider lines). */
int fl_use_grid(fl_state *fs, const fl_art *a);
/* Flow rows [s, nrows) of a from the current position. The flow may
 * reorder a's rows and split its boxed notices. With g->limit, no page
 * past it is used, nor on it the foot kept for the next article: what
 * does not fit is left (end->rest), the last line of its last column kept
 * for the jump (end->jump). */
int fl_flow_rows(fl_state *fs, fl_art *a, int s, const fl_goal *g,
                 fl_end *end);
/* Set article a from the current position: its head, then its rows. */
int fl_flow_article(fl_state *fs, fl_art *a, const fl_goal *g, fl_end *end);

#endif
