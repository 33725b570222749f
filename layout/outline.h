/* outline.h: the PDF's bookmarks (outline.c; prefix ol_) */
#ifndef BULLETIN_LAYOUT_OUTLINE_H
#define BULLETIN_LAYOUT_OUTLINE_H

#include "context.h"

/* The bookmarks of an issue whose first nfront pages are front matter. */
lay_mark *ol_build(lay_ctx *lc, const doc_issue *doc, const lay_page *pages,
                   size_t nfront, size_t *n);
/* The named destination of front-matter page i. */
const char *ol_front_dest(lay_ctx *lc, size_t i);

#endif
