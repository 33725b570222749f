/* slug.h: the page information line a print master sets in the slug
 * (slug.c; prefix sl_) */
#ifndef BULLETIN_LAYOUT_SLUG_H
#define BULLETIN_LAYOUT_SLUG_H

#include "layout.h"

/* The page information line of page pg (folio number, or 0 for front
 * matter with its label), when the style's marks ask for it. */
int sl_info(lay_ctx *lc, const doc_issue *doc, lay_page *pg);

#endif
