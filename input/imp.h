/* imp.h: private interface of the importer of old issues (import*.c).
 *
 * Files: import.c (driver, detection, the input without the characters
 * that may not be set, the model made writable), import_raw.c (raw extractions:
 * lines, side tabs, pages, measure), import_rawseg.c (raw: display lines,
 * reading order, articles), import_md.c and import_mdfront.c (Markdown
 * conversions: body, cover and contents), import_norm.c (spacing and
 * punctuation normalisation), import_report.c (change report),
 * import_out.c (issue source and sidecar writer).
 *
 * Both readers build an imp_doc, a plain intermediate model close to the
 * source format; import_out.c writes it. Everything lives in the
 * importer's arena. Return convention as in input.h: 0 or -1. */
#ifndef BULLETIN_INPUT_IMP_H
#define BULLETIN_INPUT_IMP_H

#include "input.h"

/* ---- change report ---- */

typedef enum imp_kind {
    /* repairs */
    IMP_R_SPACE,     /* letter-spacing and CJK–Latin spaces removed */
    IMP_R_SEP,       /* a real space kept as an ideographic space */
    IMP_R_PUNCT,     /* half-width , ; : ( ) ! ? to full width */
    IMP_R_QUOTE,     /* ASCII quotes to “” ‘’ */
    IMP_R_ELLIPSIS,  /* ... and ⋯ to … */
    IMP_R_DASH,      /* -- and ─ to — */
    IMP_R_MIDDOT,    /* • to · */
    IMP_R_NUMERAL,   /* ( 一 ) to （一） */
    IMP_R_ANGLE,     /* <…> around Chinese text to 《…》 */
    IMP_R_TIAN,      /* a side-tab character glued to a text line */
    IMP_R_JOIN,      /* a paragraph split at a column or page break joined */
    IMP_R_ORDER,     /* text moved back into reading order */
    IMP_R_TITLE,     /* a title block moved to the start of its article */
    IMP_R_ROLE,      /* a block given its role (head, byline, note, …) */
    IMP_R_STITCH,    /* a jump-continued tail moved to its article */
    IMP_R_TITLESP,   /* a spurious space inside a title removed */
    IMP_R_PAGE,      /* page-start decisions */
    IMP_R_CHAR,      /* a character that may not be set removed */
    /* furniture removed from the text */
    IMP_X_TAB,       /* side tab (thumb index) */
    IMP_X_FOLIO,     /* page number */
    IMP_X_HEAD,      /* running head, masthead, cover and contents furniture */
    IMP_X_JUMP,      /* jump marker (下转N页) (上接N页) */
    IMP_X_RULE,      /* thematic break of the conversion */
    IMP_W,           /* warning */
    IMP_NKINDS
} imp_kind;

typedef struct imp_entry {
    imp_kind kind;
    int line, col; /* of the input; 0 when unknown */
    int n;         /* how many repairs the entry stands for */
    const char *msg;
} imp_entry;

/* ---- intermediate document ---- */

typedef enum imp_bkind {
    IB_PARA,
    IB_HEAD,    /* 一、… */
    IB_SUBHEAD, /* （一）… */
    IB_ITEM,    /* ★ list item */
    IB_NOTE,    /* end note */
    IB_EDNOTE,  /* 编者按 paragraph */
    IB_FIGURE,  /* caption of a lost photo */
    IB_BOX,     /* paragraph of a boxed list (::: box) */
    IB_NUMBER,  /* excerpt number 一 二 三 on a line of its own */
} imp_bkind;

/* A printed line of a raw extraction, as it ends up in a block. */
typedef struct imp_pline {
    const char *text; /* cleaned text, a piece of the block's plain text */
    int page;         /* printed page, 0 when unknown */
    int line;         /* input line */
} imp_pline;

typedef struct imp_block {
    imp_bkind kind;
    char *text;      /* plain text, no markup */
    size_t bold;     /* bytes of text set bold at its start (lead-in) */
    imp_pline *lines; /* raw imports: its printed lines, else NULL */
    size_t nlines, caplines;
    int line;        /* input line of its start */
} imp_block;

typedef struct imp_byline {
    const char *name, *position; /* position may be NULL */
} imp_byline;

typedef struct imp_lines {
    const char **v;
    size_t n, cap;
} imp_lines;

typedef struct imp_art {
    const char *id;
    const char *column; /* 栏目, NULL: the previous article's */
    int page;           /* start page, 0: unknown */
    int single, part;
    const char *toc;
    imp_lines kicker, title, subtitle, deck, pinyin, date;
    imp_byline *bylines;
    size_t nbylines, capbylines;
    imp_block *blocks;
    size_t nblocks, capblocks;
    int line; /* input line of its title (or start) */
    int weak; /* raw: its title is a display line with no evidence of being
               * one: a later title block makes it a kicker or a head */
    size_t weak_at; /* raw: blocks the article had when it got that title */
} imp_art;

typedef struct imp_tocent {
    int page;
    const char *column, *title, *author; /* title may hold "\n" */
} imp_tocent;

typedef struct imp_page {
    int page;           /* printed page number */
    int index;          /* byte offset of its start in the input */
    int line;           /* input line of its start */
    const char *column; /* 栏目 from a side tab or running head, or NULL */
} imp_page;

typedef struct imp_doc {
    const char *publication, *style;
    int year, issue, total;
    const char *date, *label, *sponsor;
    imp_lines digest, board, contact;
    imp_tocent *toc;
    size_t ntoc, captoc;
    imp_art *arts;
    size_t narts, caparts;
    imp_page *pages; /* raw imports */
    size_t npages, cappages;
} imp_doc;

/* ---- the importer's state ---- */

/* Characters that may not be set, removed from the input (or replaced)
 * before reading (import.c): where, to give positions in the input. */
typedef struct imp_drop {
    size_t off;    /* byte offset in the text read where they stood */
    long delta;    /* bytes in the input less bytes in the text read */
    int line, col; /* line, and column in the text read */
    int chars;     /* characters removed */
} imp_drop;

enum { IMP_PUB_NONE, IMP_PUB_TIANJIN, IMP_PUB_JINCHENG };

typedef struct imp_ctx {
    ar_arena *ar;
    diag_ctx *d;
    const char *input;  /* path as given */
    file_run *files;    /* the run's files, for writing safely */
    const char *text;   /* its contents, NUL-terminated, without the
                         * characters that may not be set */
    size_t len;
    imp_drop *drops;    /* what was removed from it, in order */
    size_t ndrops;
    int pub;            /* IMP_PUB_* */
    const char *style;  /* detected house style */
    imp_doc doc;
    imp_entry *ents;
    size_t nents, capents;
    int counts[IMP_NKINDS];
    /* detection results, for the report */
    double measure, single_measure;
    int lines_per_col, page_starts, spurious_starts, tab_starts;
    const char *detect_note;
} imp_ctx;

/* import.c: positions in the text read (the input without the
 * characters that may not be set) mapped back to the input: a column of
 * a line, the byte offset of a line's start. */
int imp_input_col(const imp_ctx *c, int line, int col);
size_t imp_input_off(const imp_ctx *c, size_t off);
/* Import text held in memory (no files written): the source, unchecked,
 * in a heap buffer the caller frees, or NULL on an error reported in d.
 * For tests and the fuzzer; in_import is the same on a file. */
char *imp_import_text(const char *name, const char *text, size_t len,
                      in_kind kind, const char *publication, diag_ctx *d,
                      size_t *outlen);

/* import_report.c */
void imp_note(imp_ctx *c, imp_kind k, int line, int col, int n,
              const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void imp_warn(imp_ctx *c, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
const char *imp_kind_name(imp_kind k);
int imp_report_write(const imp_ctx *c, const char *path);
void imp_summary(const imp_ctx *c, const char *kind, const char *out);

/* import_norm.c: normalisation of one piece of text. before and after are
 * the characters around it (0: none), for the Chinese-context tests; cols
 * maps each character of s to its input column (NULL: col0 + index). */
char *imp_normalize(imp_ctx *c, const char *s, uint32_t before,
                    uint32_t after, int line, const int *cols, int col0);
int imp_is_cjk(uint32_t cp);   /* Han or CJK punctuation / full width */
int imp_is_closing(uint32_t cp); /* ends a sentence: 。！？…■ and closers */
uint32_t imp_last_cp(const char *s);
uint32_t imp_first_cp(const char *s);
/* Remove spaces that are extraction artifacts. Runs of two or more
 * spaces (or U+3000) are real: kept as one U+3000 between CJK, one space
 * between Latin. A single space is kept only between two Latin letters
 * or digits. cols (may be NULL) receives the input column of each output
 * character; *removed counts the removed spaces. */
char *imp_despace(ar_arena *ar, const char *s, size_t len, int col0,
                  int **cols, int *removed, int *kept);
char *imp_nospace(ar_arena *ar, const char *s); /* all spaces removed */
/* Display text: each run of spaces one U+3000 (a phrase separator), one
 * space between Latin words. */
const char *imp_phrase(ar_arena *ar, const char *t);
int imp_headnum(const char *s); /* 1: 一、  2: （一）  3: 一是/第一，  0 */
int imp_is_name(const char *s); /* a person's name of 2–4 Han */
int imp_starts(const char *s, const char *prefix);
/* The last `chars` characters of s, for messages. */
const char *imp_tail(const char *s, size_t chars);
int imp_head(const char *s, size_t chars); /* bytes of the first chars */
int imp_ends(const char *s, const char *suffix);
int imp_find_jump(const char *s, size_t *at, size_t *len, int *page);

/* import_out.c */
int imp_write_source(imp_ctx *c, const char *path);
int imp_write_sidecar(imp_ctx *c, const char *path, const char *source);
char *imp_source_text(imp_ctx *c, size_t *len); /* the source, in memory */

/* model helpers (import.c) */
void imp_push_line(imp_ctx *c, imp_lines *l, const char *s);
imp_art *imp_new_art(imp_ctx *c, int line);
imp_block *imp_new_block(imp_ctx *c, imp_art *a, imp_bkind k, int line);
void imp_block_add(imp_ctx *c, imp_block *b, const char *text, int page,
                   int line);

/* the two readers */
int imp_read_raw(imp_ctx *c);
int imp_read_md(imp_ctx *c);
/* Detection (import.c): kind and publication from the text. */
in_kind imp_detect_kind(const char *text, size_t len);
int imp_detect_pub(const char *text, size_t len);
/* Raw measurement (import_raw.c): column measure in em, lines per column,
 * single-column measure; 0 when not found. For tests and detection. */
void imp_raw_measure(const char *text, size_t len, double *measure,
                     int *lines, double *single);
const char *imp_style_for(int pub, double measure, int lines);

/* ---- Markdown conversions: import_md.c (body) and import_mdfront.c
 * (cover, 编委会, contents) share ---- */

typedef enum { MB_PARA, MB_HEAD, MB_RULE } imp_mbkind;

typedef struct imp_mblock {
    imp_mbkind kind;
    int level;          /* heading level */
    int line;           /* input line of its first line */
    const char **lines; /* its lines, heading marks and hard breaks removed */
    int *lnos;
    size_t nlines;
    char *text;         /* the lines joined */
    int blank_before, blank_after; /* blank lines around it */
    int used;           /* taken into the front matter or removed */
} imp_mblock;

/* The roles of a conversion's blocks, in order (import_md.c), from which
 * import_mdart.c builds the articles. */
typedef enum imp_mrole {
    R_NONE, R_COLUMN, R_TITLE, R_ORG, R_SUBTITLE, R_HEAD, R_SUBHEAD,
    R_LEADIN, R_PARA, R_NOTE, R_ITEM, R_EDNOTE, R_PINYIN, R_DATE,
    R_FIGURE, R_JUMP, R_TAIL,
} imp_mrole;

typedef struct imp_ment {
    imp_mrole r;
    const char *text;
    int line;
    long toc;         /* R_TITLE: its contents entry, -1 none */
    int part;         /* R_TITLE: a contribution inside an article */
    int page;         /* R_JUMP, R_TAIL: the page named */
    const char *sub;  /* R_TITLE: the subtitle of a spread title */
    imp_mblock *b;
} imp_ment;

typedef struct imp_mjump {
    size_t art, after; /* insertion point: after block `after` - 1 */
    int page, used, line;
} imp_mjump;

typedef struct imp_mtail {
    int page, line;
    size_t first, end; /* its entries [first, end) */
} imp_mtail;

typedef struct imp_mdstate {
    imp_ctx *c;
    imp_mblock *v;
    size_t nv, capv;
    imp_ment *e;
    size_t ne, cape;
    const char *body; /* the issue's text without spaces, for titles */
    imp_mjump *jumps;
    size_t njumps, capjumps;
    imp_mtail *tails;
    size_t ntails, captails;
    /* assembling */
    imp_art *art;
    int head_zone;      /* after a title, before the body */
    const char *column;
    const char *org;    /* an organisation byline waiting for its title */
    const char *leadin; /* bold text waiting for its paragraph */
    const char *kicker;
    int after_jump;     /* the current article's text went on elsewhere */
} imp_mdstate;

/* A kicker, deck or byline is a short paragraph; longer ones are text. */
#define IMP_HEAD_MAX_CHARS 60

size_t imp_md_front(imp_ctx *c, imp_mblock *v, size_t n);
int imp_md_ends_sentence(imp_ctx *c, const char *t);
const char *imp_md_join(imp_ctx *c, const char *a, const char *b);
const char *imp_md_byline(imp_ctx *c, const char *t, const char **pos);
void imp_md_articles(imp_mdstate *m);
long imp_toc_find(imp_ctx *c, const char *t, int prefix);
void imp_md_title_lines(imp_ctx *c, imp_art *a, const char *t, long toc,
                        const char *body, int line);

/* ---- raw extractions: what import_raw.c (lines, side tabs, pages,
 * measure) and import_rawseg.c (display lines, reading order, articles)
 * share ---- */

/* Width classes of a printed line against its measure m (docs/import.md):
 * FULL reaches the measure (the paragraph goes on), FIRST is two em short
 * (an indented first line, or a last line that happens to be as long),
 * SHORT ends a paragraph or is a display line, WIDE is wider than a
 * column (a title or deck across both columns). */
enum { RL_FULL, RL_FIRST, RL_SHORT, RL_WIDE };

typedef struct imp_rline {
    int line;         /* input line number */
    int off;          /* byte offset of the line in the input */
    const char *raw;  /* input text without the page-start space */
    char *text;       /* cleaned and normalised */
    int *cols;        /* input column of each character of text */
    int lead;         /* starts a page (a leading space) */
    int adj;          /* no blank line before it */
    int tab;          /* part of a side tab: removed */
    int pg;           /* index into doc.pages */
    double w, minw;   /* width in em; with its punctuation squeezed */
    int ascii;        /* ASCII characters */
    int spaced;       /* letter-spaced by the extraction */
    int seps;         /* real spaces kept */
    int cls;          /* RL_* against its measure */
    int m;            /* its measure in em */
    int col0;         /* input column of its first character */
    int jump;         /* 1: ends with (下转N页), 2: starts with (上接N页) */
    int display;      /* a display line (title, head, byline, …) */
} imp_rline;

typedef struct imp_raw {
    imp_ctx *c;
    imp_rline *l;
    size_t n, cap;
    int M, S, L;      /* column measure, single measure, lines per column */
    unsigned char *single; /* per page: one-column page */
} imp_raw;

/* import_raw.c */
int imp_raw_lines(imp_raw *r);
int imp_raw_classify_line(const imp_raw *r, const imp_rline *l, int m);
int imp_raw_ends(const char *text); /* ends a sentence or a note */

/* import_rawart.c */
int imp_raw_structure(imp_raw *r);

/* The units of a raw extraction's text (import_rawseg.c) and the
 * articles built from them (import_rawart.c). */
typedef struct imp_unit {
    int display;
    size_t a, b; /* its lines [a, b) of r->l; tab lines are skipped */
    int cont;    /* text: its first line continues a paragraph */
    int open;    /* text: 1 its last paragraph goes on, 2 it may */
    int used;
} imp_unit;

typedef enum imp_item_kind {
    IT_PLAIN, IT_NUM, IT_HEADNUM, IT_BOX, IT_NAME, IT_SUB, IT_DATE, IT_WIDE
} imp_item_kind;

typedef struct imp_item {
    imp_item_kind kind;
    size_t lines[8];
    int n;
} imp_item;

typedef struct imp_seg {
    imp_raw *r;
    imp_ctx *c;
    unsigned char *pstart; /* per line: starts a paragraph */
    imp_unit *u;
    size_t nu, capu;
    size_t *order;
    size_t norder;
    /* article building */
    imp_art *art;
    int ended, titled, in_box;
    imp_block *para, *open_head;
    int last_open; /* open state of the text unit placed last */
} imp_seg;

#define IMP_NONE ((size_t)-1)

/* import_rawseg.c: display lines, units, their reading order */
int imp_rs_units(imp_seg *s);
int imp_rs_note_start(const char *t);
size_t imp_rs_items(const imp_seg *s, const imp_unit *u, imp_item *it,
                    size_t max);
int imp_rs_title_evidence(const imp_seg *s, const imp_unit *u,
                          const imp_item *it, size_t n);


#endif
