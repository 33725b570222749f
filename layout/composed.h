/* composed.h: composed material: a doc_text or a plain string in a role,
 * shaped and broken into lines with glyph runs, not yet placed on a page
 * (compose.c; prefix cp_) */
#ifndef BULLETIN_LAYOUT_COMPOSED_H
#define BULLETIN_LAYOUT_COMPOSED_H

#include "layout.h"

/* A composed line not yet placed on a page. */
typedef struct cp_line {
    lay_line ln;          /* x, y relative: x from the measure's start,
                             y = 0 on the baseline */
    double size;          /* largest font size on the line */
} cp_line;

typedef struct cp_block {
    cp_line *lines;
    int nlines, cap;
} cp_block;

/* Role and measure for composing one doc_text. */
typedef struct cp_spec {
    sty_role_id role;
    double measure;       /* pt */
    int article;
    int indent_first;     /* apply the role's first-line indent */
    const char *prefix;   /* text set before the content (bullets) */
    const char *infix;    /* text set between prefix and content */
    double size;          /* pt; 0: the role's */
    const char *const *orig; /* lines to reproduce (original lineation) */
    size_t norig;
} cp_spec;

/* Compose t as spec says; its lines are appended to out. */
int cp_text(lay_ctx *lc, const doc_text *t, const cp_spec *spec,
            cp_block *out);
/* Compose plain text in a role at a measure and size (pt), the first line
 * indented indent_em; its lines are appended to out. */
int cp_plain(lay_ctx *lc, const char *text, size_t len, sty_role_id role,
             double measure, double size, double indent_em, cp_block *out);

#endif
