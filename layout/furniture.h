/* furniture.h: the whole issue: article pages, front matter, folios,
 * running heads and side tabs, assembled into the lay_doc (furniture.c;
 * prefix fu_) */
#ifndef BULLETIN_LAYOUT_FURNITURE_H
#define BULLETIN_LAYOUT_FURNITURE_H

#include "layout.h"

/* The whole issue; with front 0 no front matter, the article pages
 * numbered from first_folio. */
int fu_issue(lay_ctx *lc, const doc_issue *doc, int front, int first_folio,
             const lay_doc **out);

#endif
