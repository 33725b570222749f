/* offprint.h: offprints (抽印本): as printed (offprint.c) and re-set, with
 * the citation and the cover (reprint.c); prefix op_ */
#ifndef BULLETIN_LAYOUT_OFFPRINT_H
#define BULLETIN_LAYOUT_OFFPRINT_H

#include "layout.h"

/* The index of the article with this id, or -1. */
int op_find(const doc_issue *doc, const char *id);
/* The chosen articles laid out afresh, alone: into *out; *doc_out is the
 * document of only those articles. */
int op_reset(lay_ctx *lc, const doc_issue *doc, const lay_doc *in,
             const unsigned char *chosen, const lay_offprint_opts *o,
             lay_doc *out, const doc_issue **doc_out);
/* The citation at the foot of the first page, and the cover before. */
int op_finish(lay_ctx *lc, const doc_issue *doc, lay_doc *o, const char *cite,
              int with_cover);

#endif
