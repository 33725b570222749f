/* lay.h: private interface between the parts of the layout stage */
#ifndef BULLETIN_LAYOUT_LAY_H
#define BULLETIN_LAYOUT_LAY_H

#include <pango/pangocairo.h>

#include "layout.h"

/* ---- character classes (classes.c) ---- */
typedef enum cc_class {
    CC_HAN,       /* ideographs, kana, full-width letters, symbols */
    CC_OPEN,      /* opening brackets and quotes “‘（《 … */
    CC_CLOSE,     /* closing brackets and quotes ”’）》 … */
    CC_PAUSE,     /* 、， pause marks */
    CC_STOP,      /* 。 full stop */
    CC_COLON,     /* ；： */
    CC_EXCL,      /* ？！ */
    CC_MIDDOT,    /* · interpuncts */
    CC_DASH,      /* — (two make the 2-em dash ——) */
    CC_ELLIPSIS,  /* … (two make ……) */
    CC_CONNECTOR, /* ～ – connectors */
    CC_SLASH,     /* ／ solidus */
    CC_LATIN,     /* Latin, Greek, Cyrillic letters */
    CC_DIGIT,     /* 0–9 and full-width digits */
    CC_NUMPRE,    /* ¥ $ € £ # +: before a number */
    CC_NUMPOST,   /* % ‰ ℃ °: after a number */
    CC_ASCII_OPEN,  /* ( [ { */
    CC_ASCII_CLOSE, /* ) ] } , . ; : ! ? and other trailing ASCII marks */
    CC_ASCII_JOIN,  /* ' - _ & @ / . inside Latin words and numbers */
    CC_SPACE,     /* ASCII space, no-break space, U+3000 */
    CC_NCLASSES
} cc_class;

cc_class cc_classify(uint32_t cp);
/* Kinsoku: may this class not start / not end a line at this level? */
int cc_no_start(cc_class c, sty_kinsoku level);
int cc_no_end(cc_class c, sty_kinsoku level);
/* May a line break fall between a and b (ignoring kinsoku)? */
int cc_pair_breakable(cc_class a, cc_class b);
/* Characters inside the pair a b may not be spread apart. */
int cc_pair_rigid(cc_class a, cc_class b);
const char *cc_name(cc_class c);

/* ---- shaping (shape.c) ---- */

/* One styled piece of a paragraph's text, with its source position. */
typedef struct sh_piece {
    int start, len;       /* bytes in the paragraph text */
    const fnt_face *face;
    double size;          /* pt */
    doc_pos pos;          /* of its first character; line 0: none */
    int break_after;      /* intended line break after the piece */
} sh_piece;

/* A grapheme-level unit of composition: one or more characters and the
 * glyphs HarfBuzz made of them. */
typedef struct sh_cluster {
    uint32_t cp;          /* first character */
    int start, len;       /* bytes in the paragraph text */
    int item;             /* index into sh_para.items */
    int g0, ng;           /* glyph range within the item's glyph string */
    int width;            /* advance, Pango units */
    int size;             /* font size, Pango units (its em) */
    cc_class cls;
    unsigned char forced_break; /* an intended line break follows */
} sh_cluster;

typedef struct sh_item {
    PangoItem *item;
    PangoGlyphString *glyphs;
    cairo_scaled_font_t *font; /* referenced */
} sh_item;

typedef struct sh_para {
    const char *text;
    int len;
    sh_item *items;
    int nitems;
    sh_cluster *cl;
    int ncl;
} sh_para;

typedef struct sh_ctx sh_ctx;
sh_ctx *sh_new(fnt_set *fs, diag_ctx *d);
void sh_free(sh_ctx *sc);
/* Shape a paragraph; pieces cover the text in order. */
int sh_shape(sh_ctx *sc, const char *text, int len, const sh_piece *pc,
             int npc, sh_para *out);
void sh_para_free(sh_para *p);

/* ---- line breaking (breaker.c) ---- */

typedef struct lb_params {
    int measure;          /* line length, Pango units */
    int first_indent;     /* indent of the first line, Pango units */
    int indent;           /* indent of the other lines */
    sty_kinsoku kinsoku;
    sty_align align;
    int tracking;         /* extra space after each cluster, Pango units */
} lb_params;

typedef struct lb_line {
    int a, b;             /* clusters [a, b) */
    int indent;           /* Pango units */
    int natural;          /* natural width of the clusters, Pango units */
    int justify;          /* spread the slack over the line */
    int emergency;        /* nothing breakable fitted: cut mid-word */
} lb_line;

/* Break the clusters into lines; *lines is a heap array. */
int lb_break(const sh_cluster *cl, int n, const lb_params *prm,
             lb_line **lines, int *nlines);
/* Horizontal position of every cluster of a line (Pango units from the
 * line's start), justified or aligned as the line asks; x has b-a+1
 * entries, the last one the end of the line. */
void lb_positions(const sh_cluster *cl, const lb_line *ln,
                  const lb_params *prm, int *x);

/* ---- layout context and composed material (compose.c) ---- */

struct lay_ctx {
    const sty_style *st;
    fnt_set *fs;
    diag_ctx *d;
    sh_ctx *sh;
    ar_arena *ar;         /* of the issue being laid out */
    cairo_scaled_font_t **fonts; /* referenced by the runs; released last */
    size_t nfonts, capfonts;
};

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
} cp_spec;

int cp_text(lay_ctx *lc, const doc_text *t, const cp_spec *spec,
            cp_block *out);
int cp_plain(lay_ctx *lc, const char *text, size_t len, sty_role_id role,
             double measure, double size, double indent_em, cp_block *out);
const fnt_face *cp_face(lay_ctx *lc, sty_role_id role, unsigned flags,
                        doc_face face);

/* ---- articles as rows of grid lines (rows.c) ---- */

enum {
    FL_KEEP_NEXT = 1 << 0, /* may not end a column (heads) */
    FL_FIRST = 1 << 1,     /* first line of a paragraph */
    FL_LAST = 1 << 2,      /* last line of a paragraph */
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
} fl_row;

typedef struct fl_art {
    int index;            /* in doc_issue.articles */
    int single;           /* one full-width column */
    int part;             /* a contribution inside the preceding article */
    cp_block lines;       /* composed lines of head and body */
    fl_row *head;         /* rows spanning the type area */
    int nhead, caphead;
    fl_row *rows;         /* body rows, set in columns */
    int nrows, caprows;
} fl_art;

int rw_article(lay_ctx *lc, const doc_issue *doc, int index, fl_art *out);
void rw_free(fl_art *a);
int rw_height(const fl_row *rows, int a, int b);

/* ---- pages (flow.c) ---- */
int fl_issue(lay_ctx *lc, const doc_issue *doc, const lay_doc **out);

#endif
