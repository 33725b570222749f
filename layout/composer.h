/* composer.h: the paragraph composer: shaped clusters in, lines out.
 *
 * Prefixes: cc_ character classes (classes.c), lb_ line breaking
 * (items.c, fit.c, breaker.c, total.c). The composer knows nothing of
 * Pango or Cairo: widths are plain integers (Pango units, 1/1024 pt), and
 * the caller owns the clusters. shape.c makes the clusters, compose.c
 * turns the lines into glyph runs. Return convention: 0 on success, -1
 * when memory ran out. What the composer's files share among themselves
 * only is in composer_imp.h. */
#ifndef BULLETIN_LAYOUT_COMPOSER_H
#define BULLETIN_LAYOUT_COMPOSER_H

#include <stdint.h>

#include "../styles/style.h"

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
const cc_props *cc_properties(cc_class c);
/* Kinsoku: may this class not start / not end a line at this level? */
int cc_no_start(cc_class c, sty_kinsoku level);
int cc_no_end(cc_class c, sty_kinsoku level);

/* ---- what the composer takes: shaped clusters ---- */

/* A grapheme-level unit of composition: one or more characters and the
 * glyphs HarfBuzz made of them (shape.c fills it; the composer reads the
 * widths, the class and the break). */
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

/* How to compose one paragraph. */
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
    int start_flush;      /* an opening mark starting a line always loses
                             its blank, not only when the line needs it */
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

/* ---- what it gives: lines ---- */

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
    long *psq, *pgs, *psp; /* … of the blanks that may be squeezed, of the
                              CJK–Latin gaps' slack above their minimum
                              and of the word spaces' shrink */
    long *pnr;            /* … of the items that may be spread from the
                             next (not rigid) */
    lb_line *lines;
    int nlines, cap;
} lb_para;

/* Compose n clusters into lines (breaker.c); lb_free releases them. */
int lb_compose(const sh_cluster *cl, int n, const lb_params *prm,
               lb_para *out);
void lb_free(lb_para *p);
/* Horizontal position of every cluster of a line (Pango units from the
 * line's start), squeezed, stretched or aligned as the line needs; x has
 * b-a+1 entries, the last one the end of the line (fit.c). */
void lb_positions(const lb_para *p, const lb_line *ln, int *x);

#endif
