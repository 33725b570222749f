/* lay.h: private interface between the parts of the layout stage */
#ifndef BULLETIN_LAYOUT_LAY_H
#define BULLETIN_LAYOUT_LAY_H

#include <pango/pangocairo.h>

#include "layout.h"

/* ---- character classes (classes.c) ---- */
typedef enum cc_class {
    CC_HAN,       /* ideographs, kana, full-width letters, symbols */
    CC_NUMERAL,   /* Chinese numerals 〇一二…十百千万: a number in words */
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

/* Squeeze levels, in the order clreq applies them: a line that is too
 * long takes room from the first level first, evenly over all its
 * opportunities, and moves to the next only when that is exhausted. */
typedef enum cc_level {
    CC_LVL_NONE,
    CC_LVL_EDGE,     /* a mark's blank at the line end or start */
    CC_LVL_ADJACENT, /* the blanks between two adjacent marks */
    CC_LVL_SPACE,    /* Western word spaces */
    CC_LVL_MIDDOT,   /* interpuncts */
    CC_LVL_BRACKET,  /* brackets and quotes */
    CC_LVL_COMMA,    /* ，、；： */
    CC_LVL_LATIN,    /* CJK–Latin gaps, down to their minimum */
    CC_LVL_STOP,     /* 。？！ */
    CC_NLEVELS
} cc_level;

/* Where a punctuation mark's adjustable blank lies (mainland style: the
 * ink of 。，、 sits in the left half, a bracket's ink faces its text). */
enum { CC_BLANK_NONE = 0, CC_BLANK_LEFT = 1, CC_BLANK_RIGHT = 2,
       CC_BLANK_BOTH = 3 };

typedef struct cc_props {
    unsigned char blank;     /* CC_BLANK_* */
    unsigned char level;     /* cc_level of the blank in mid-line */
    unsigned char hang;      /* may hang past the line end (、，。) */
    unsigned char final;     /* sentence-final (。？！): full in 开明 */
} cc_props;

cc_class cc_classify(uint32_t cp);
int cc_is_han(cc_class c); /* set as an ideograph */
const cc_props *cc_properties(cc_class c);
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
    int half_digits;      /* digits in half-width forms (OpenType hwid) */
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
    int blank_l, blank_r; /* blank beside the ink, Pango units (marks) */
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

/* ---- the composer (items.c, fit.c, breaker.c) ---- */

typedef struct lb_params {
    int measure;          /* line length, Pango units */
    int first_indent;     /* indent of the first line, Pango units */
    int indent;           /* indent of the other lines */
    sty_kinsoku kinsoku;
    sty_align align;
    int tracking;         /* extra space between characters, Pango units */
    sty_punct punct;
    sty_strategy strategy;
    int hanging;          /* 、，。 may hang past the line end */
    int adjacent_always;  /* adjacent marks always compressed */
    int latin_gap, latin_gap_min, latin_gap_max; /* Pango units */
    int tighten;          /* most paragraph tightening per gap, Pango units */
    int tighten_step;
    int orphan;           /* a last line this short is a 孤字 line */
    int orphan_pull;      /* pull a character down only for a 孤字 line
                             this short (0: orphan) */
    int pull_unit;        /* per mille of a line's squeeze room that may
                             pull in a unit the measure cuts through; 0:
                             never */
    int em;               /* the body size, Pango units (for costs) */
    const int *breaks;    /* lines given: each line ends after these
                             clusters (the original's lineation); NULL:
                             break by the strategy */
    int nbreaks;
} lb_params;

/* A cluster as the composer sees it. */
typedef struct lb_item {
    int w;                /* width after the style's fixed adjustments */
    int sq[2];            /* squeezable blank left [0] and right [1] */
    unsigned char lvl[2]; /* their cc_level in mid-line */
    int gap;              /* natural space before the item (CJK–Latin) */
    int gap_min, gap_max;
    unsigned char space;  /* a word space: stretches, hangs at a break */
    unsigned char absorbed; /* a typed space replaced by the CJK–Latin gap */
    unsigned char hang;   /* may hang past the line end */
    unsigned char brk;    /* a line may end after this item */
    unsigned char rigid;  /* no stretch between this item and the next */
    unsigned char forced; /* an intended line break follows */
    unsigned char letter; /* counts as a character for 孤字 */
    cc_class cls;
} lb_item;

typedef struct lb_line {
    int a, b;             /* clusters [a, b) */
    int indent;           /* Pango units */
    int natural;          /* natural width, Pango units */
    int hang;             /* the last mark hangs past the measure */
    int justify;          /* spread the slack over the line */
    int emergency;        /* nothing breakable fitted: cut mid-word */
} lb_line;

typedef struct lb_para {
    lb_params prm;        /* as composed: tracking may be tightened */
    lb_item *it;
    int n;
    long *pw, *pg;        /* prefix sums of widths and of inner gaps */
    lb_line *lines;
    int nlines, cap;
} lb_para;

/* items.c: the clusters as items, with the style's fixed adjustments */
int lb_items(const sh_cluster *cl, int n, const lb_params *prm,
             lb_item *it);
/* fit.c: can [a, b) be set in avail (squeezing, hanging)? */
int lb_fits(const lb_para *p, int a, int b, int avail, int *hang);
/* The same, using at most share per mille of the squeeze room. */
int lb_fits_within(const lb_para *p, int a, int b, int avail, int share,
                   int *hang);
/* Recompute the prefix sums after the items or the tracking changed. */
void lb_prefix(lb_para *p);
int lb_natural(const lb_para *p, int a, int b);
/* Horizontal position of every cluster of a line (Pango units from the
 * line's start), squeezed, stretched or aligned as the line needs; x has
 * b-a+1 entries, the last one the end of the line. */
void lb_positions(const lb_para *p, const lb_line *ln, int *x);
/* breaker.c: compose a paragraph into lines */
int lb_compose(const sh_cluster *cl, int n, const lb_params *prm,
               lb_para *out);
int lb_add_line(lb_para *p, int a, int b, int indent, int hang,
                int emergency);
int lb_letters(const lb_para *p, int a, int b);
/* total.c: total-fit breaking over the whole paragraph */
int lb_break_total(lb_para *p);
void lb_free(lb_para *p);

/* ---- layout context and composed material (compose.c) ---- */

struct lay_ctx {
    const sty_style *st;
    lay_options opts;
    fnt_set *fs;
    diag_ctx *d;
    sh_ctx *sh;
    ar_arena *ar;         /* of the issue being laid out */
    cairo_scaled_font_t **fonts; /* referenced by the runs; released last */
    size_t nfonts, capfonts;
    struct li_image **images;    /* figures' images, decoded once */
    size_t nimages, capimages;
    int tab_full_said;           /* a full side tab was reported */
};

/* ---- figures' images (images.c) ---- */
typedef struct li_image li_image;
/* The image of a figure, decoded (once per file); NULL after a warning at
 * pos saying why it cannot be used (the figure then gets a placeholder). */
const li_image *li_load(lay_ctx *lc, const char *path, diag_pos pos);
cairo_surface_t *li_surface(const li_image *im, int *w, int *h);
void li_free_all(lay_ctx *lc);

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

int cp_text(lay_ctx *lc, const doc_text *t, const cp_spec *spec,
            cp_block *out);
int cp_plain(lay_ctx *lc, const char *text, size_t len, sty_role_id role,
             double measure, double size, double indent_em, cp_block *out);
const fnt_face *cp_face(lay_ctx *lc, sty_role_id role, unsigned flags,
                        doc_face face);

/* ---- articles as rows of grid lines (rows.c) ---- */

/* The ideographic em box of CJK fonts spans 0.88 em above the baseline
 * and 0.12 em below it (the OpenType 'ideo' baseline at -0.12 em);
 * lines are placed so that their em boxes sit in the grid. */
#define EMBOX_ASCENT 0.88

enum {
    FL_KEEP_NEXT = 1 << 0, /* may not end a column (heads) */
    FL_FIRST = 1 << 1,     /* first line of a paragraph */
    FL_LAST = 1 << 2,      /* last line of a paragraph */
    FL_FLOAT = 1 << 3,     /* a figure: text after it may go before it */
    FL_WIDE = 1 << 4,      /* a page-wide figure: spans the columns */
    FL_BOX = 1 << 5,       /* a boxed notice (h > 0), or an empty row after
                              it (h == 0) that takes its rest when it is
                              split at a column end */
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
    const char *image;    /* the frame shows this image file */
    cairo_surface_t *surface; /* its pixels */
    diag_pos image_pos;   /* the figure in the source */
    int bleed;            /* the frame spans the page, edge to edge */
    double dx;            /* the lines stand this far right of the column */
    diag_pos pos;         /* what it was made from, for messages */
} fl_row;

typedef struct fl_art {
    int index;            /* in doc_issue.articles */
    int single;           /* one full-width column */
    int part;             /* a contribution inside the preceding article */
    int lines_per_page;   /* its grid: lines per column, and their pitch */
    double pitch;
    cp_block lines;       /* composed lines of head and body */
    fl_row *head;         /* rows spanning the type area */
    int nhead, caphead;
    fl_row *rows;         /* body rows, set in columns */
    int nrows, caprows;
} fl_art;

int rw_article(lay_ctx *lc, const doc_issue *doc, int index, fl_art *out);
/* Compose t in a role and size it as one row of whole grid lines (front
 * matter); its lines are appended to lines. */
int rw_block(lay_ctx *lc, const doc_text *t, sty_role_id role,
             double measure, const char *prefix, cp_block *lines,
             fl_row *row);
void rw_free(fl_art *a);
int rw_height(const fl_row *rows, int a, int b);

/* ---- filling columns with rows (columns.c) ---- */

/* A column may end before row k (not after a head). */
int cl_break_ok(const fl_row *rows, int k, int n);
/* How far rows from s fill a column of cap grid lines: the end index
 * (s when not even the first row fits or may stand there). */
int cl_fill(const fl_row *rows, int s, int n, int cap);
/* Rows [s, n) over two columns of at most cap lines, as short as
 * possible: the split row and the taller column's height; -1 when they
 * do not fit. */
int cl_balance(const fl_row *rows, int s, int n, int cap, int *split,
               int *height);
/* Let the text after a figure that does not fit the column go first. */
void cl_float_figure(fl_row *rows, int s, int n, int cap);
/* Split a boxed notice that meets the column end into the empty row
 * after it. */
void cl_split_box(fl_row *rows, int s, int n, int cap, int min);
/* The first page-wide figure in rows [s, n), or n. */
int cl_next_wide(const fl_row *rows, int s, int n);
/* Spread extra blank lines over rows [s, e) of a column (gap[k - s]
 * before row k): 0, or -1 when they cannot all be absorbed. */
int cl_spread_gaps(const fl_row *rows, int s, int e, int extra,
                   const sty_page *pg, int *gap);

/* ---- pages under construction (pages.c) ---- */

typedef struct fl_page {
    lay_line *lines;
    size_t nlines, caplines;
    lay_box *boxes;
    size_t nboxes, capboxes;
    lay_link *links;
    size_t nlinks, caplinks;
    lay_dest *dests;
    size_t ndests, capdests;
    const char *label;    /* front matter: its label; NULL: an article page */
    int article;          /* article at the top of the page, -1: none */
} fl_page;

typedef struct fl_book {
    fl_page *pages;
    size_t npages, cap;
} fl_book;

fl_page *fl_new_page(fl_book *b);
void fl_book_free(fl_book *b);
int fl_put_line(fl_page *pg, const cp_line *cl, int column, double x,
                double y, int grid);
int fl_put_box(fl_page *pg, lay_box_kind kind, double x, double y, double w,
               double h);
int fl_put_image(fl_page *pg, const char *path, cairo_surface_t *surface,
                 diag_pos pos, double x, double y, double w, double h);
int fl_put_link(fl_page *pg, double x, double y, double w, double h,
                const char *dest);
int fl_put_dest(fl_page *pg, const char *name, double x, double y);
/* Left edge of the type area on a right-hand (recto) or left-hand page. */
double fl_area_x(const sty_style *st, int recto);
/* Expand a style template ({publication}, {year}, …) into the arena. */
const char *fl_expand(lay_ctx *lc, const doc_issue *doc, const char *tmpl,
                      int article, int page);
/* A one-line text in a role composed at a measure, lines appended to b. */
int fl_compose_string(lay_ctx *lc, const char *text, sty_role_id role,
                      double measure, cp_block *b);

/* ---- article pages (flow.c) ---- */
int fl_articles(lay_ctx *lc, const doc_issue *doc, fl_book *book,
                lay_placed *placed);

/* ---- front matter (front.c) ---- */
int fr_build(lay_ctx *lc, const doc_issue *doc, const lay_placed *placed,
             fl_book *book);

/* ---- the slug of a print master (slug.c) ---- */
/* The page information line of page pg (folio number, or 0 for front
 * matter with its label), when the style's marks ask for it. */
int sl_info(lay_ctx *lc, const doc_issue *doc, lay_page *pg);

/* ---- furniture and assembly (furniture.c) ---- */
int fu_issue(lay_ctx *lc, const doc_issue *doc, const lay_doc **out);

#endif
