/* furniture.h: the whole issue: article pages, front matter, folios,
 * running heads and side tabs, assembled into the lay_doc (furniture.c;
 * prefix fu_) */
#ifndef BULLETIN_LAYOUT_FURNITURE_H
#define BULLETIN_LAYOUT_FURNITURE_H

#include "layout.h"

int fu_issue(lay_ctx *lc, const doc_issue *doc, const lay_doc **out);

#endif
