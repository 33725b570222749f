/* flow.h: the article pages: every article's head and body flowed onto
 * pages, on their original pages when asked, with jumps (flow.c,
 * pagination.c; prefix fl_) */
#ifndef BULLETIN_LAYOUT_FLOW_H
#define BULLETIN_LAYOUT_FLOW_H

#include "pages.h"

/* Set the articles of doc on new pages of book; placed (one per article)
 * gets the book pages each starts and ends on. */
int fl_articles(lay_ctx *lc, const doc_issue *doc, fl_book *book,
                lay_placed *placed);

#endif
