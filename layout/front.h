/* front.h: the front matter: cover, title page, editorial board and
 * contents (front.c; prefix fr_) */
#ifndef BULLETIN_LAYOUT_FRONT_H
#define BULLETIN_LAYOUT_FRONT_H

#include "pages.h"

/* Build the front matter's pages into book; the contents take their page
 * numbers from placed (folios of the article pages). */
int fr_build(lay_ctx *lc, const doc_issue *doc, const lay_placed *placed,
             fl_book *book);

#endif
