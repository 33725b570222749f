/* imp.h: private interface of the importer of old issues (import/).
 *
 * Files, each one concept, listed so that a file calls only files listed
 * before it (and its own helpers): no two call each other.
 *   text.c      small text helpers and classifiers both readers share
 *   model.c     helpers that grow the intermediate model (imp_doc)
 *   settle.c    the input without the characters that may not be set;
 *               positions in the text read mapped back to the input
 *   report.c    the change report and the summary line
 *   norm.c      spacing and punctuation normalisation
 *   detect.c    kind and publication of the text
 *   designs.c   the house styles' geometry, read from the style files,
 *               and the style an issue is for
 *   rawlines.c  raw extractions: printed lines, widths, width classes,
 *               the lines cleaned
 *   rawpages.c  raw: side tabs, pages and the measure of the design
 *   rawroles.c  raw: display lines and their items (titles, bylines,
 *               heads …)
 *   raworder.c  raw: units of text and display lines, their reading order
 *   rawart.c    raw: the articles from the units
 *   raw.c       raw: the reader, those steps in turn
 *   mdtitles.c  Markdown conversions: titles matched to the contents,
 *               the lines of a title
 *   mdfront.c   Markdown: cover, 本期导读, 编委会 and contents
 *   mdroles.c   Markdown: the roles of the blocks
 *   mdart.c     Markdown: the articles from the roles
 *   mdblocks.c  Markdown: the blocks, and the reader
 *   tidy.c      the model made writable (docs/import.md: a source that
 *               parses)
 *   source.c    the issue source written
 *   sidecar.c   the NAME.lines.json sidecar written
 *   import.c    the driver (import.h)
 *
 * Both readers build an imp_doc, a plain intermediate model close to the
 * source format, which source.c writes. Everything lives in the
 * importer's arena. Return convention as in import.h: 0 or -1. */
#ifndef BULLETIN_IMPORT_IMP_H
#define BULLETIN_IMPORT_IMP_H

#include "import.h"

/* ---- change report ---- */

typedef enum imp_change {
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
    IMP_WARNING,     /* warning */
    IMP_NCHANGES
} imp_change;

/* How urgently an editor must look at an entry (the report's "to check"
 * list, most urgent first). */
typedef enum imp_sev {
    IMP_FINE,  /* a routine repair: counted and listed, not to check */
    IMP_LOOK,  /* a decision the importer took that may be wrong: text
                  moved for reading order, a title moved, a role given */
    IMP_CHECK, /* to compare with the print: an unfinished paragraph, a
                  jump not resolved, a byline that is not the speaker */
    IMP_MUST,  /* to fix before press: a title not found, no design */
} imp_sev;

typedef struct imp_entry {
    imp_change kind;
    imp_sev sev;
    int line, col; /* of the input; 0 when unknown */
    int count;     /* how many repairs the entry stands for */
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
    char *text;       /* plain text, no markup */
    size_t bold;      /* bytes of text set bold at its start (lead-in) */
    imp_pline *lines; /* raw imports: its printed lines, else NULL */
    size_t nlines, caplines;
    int line;         /* input line of its start */
} imp_block;

typedef struct imp_byline {
    const char *name, *position; /* position may be NULL */
} imp_byline;

/* The lines of a head element (title, kicker, …) or a front-matter list. */
typedef struct imp_lines {
    const char **lines;
    size_t nlines, cap;
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
 * before reading (settle.c): where, to give positions in the input. */
typedef struct imp_drop {
    size_t off;    /* byte offset in the text read where they stood */
    long delta;    /* bytes in the input less bytes in the text read */
    int line, col; /* line, and column in the text read */
    int chars;     /* characters removed */
} imp_drop;

/* The publications the importer knows (detect.c). */
enum { IMP_PUB_NONE, IMP_PUB_TIANJIN, IMP_PUB_JINCHENG };

/* A house style's design, from its style file (designs.c). */
typedef struct imp_design {
    const char *style; /* its name, PUBLICATION-YEAR: tianjin-2022 */
    int pub;           /* IMP_PUB_* of its name */
    int year;          /* the year of its name: the design's first */
    int measure;       /* [page] measure: characters per column line */
    int lines;         /* [page] lines: grid lines per column */
    int single_measure; /* [page] single-measure: one-column pieces, 0 none */
    int hanging;       /* [compose] hanging: 、，。 may hang past the measure */
    int loose;         /* [compose] strategy paragraph: breaks chosen over
                          the whole paragraph leave lines a character
                          short */
    int deck_late;     /* [page] head-order sets the deck after the byline */
    int half_digits;   /* [compose] half-width-digits: digits half an em */
} imp_design;

/* The designs of a style directory (import.h), in their own arena. */
struct im_designs {
    ar_arena *ar;
    imp_design *designs; /* by publication and year */
    size_t ndesigns, cap;
    const char **problems; /* what could not be read: warned by each import */
    size_t nproblems, capproblems;
};

typedef struct imp_ctx {
    ar_arena *ar;
    diag_ctx *diag;
    const char *input;  /* path as given */
    file_run *files;    /* the run's files, for writing safely */
    const char *text;   /* its contents, NUL-terminated, without the
                         * characters that may not be set */
    size_t len;
    imp_drop *drops;    /* what was removed from it, in order */
    size_t ndrops;
    int pub;            /* IMP_PUB_* */
    const imp_design *designs; /* the styles' designs, by publication and
                                  year */
    size_t ndesigns;
    im_designs *own_designs; /* read for this import, freed after it */
    const char *style;  /* detected house style */
    imp_doc doc;
    imp_entry *entries;
    size_t nentries, capentries;
    int counts[IMP_NCHANGES];
    /* detection results, for the report */
    double measure, single_measure;
    int lines_per_col, page_starts, spurious_starts, tab_starts;
    const char *detect_note;
} imp_ctx;

/* ---- text.c: small helpers of both readers ---- */

int imp_is_space(uint32_t cp); /* ' ', TAB, U+3000 */
int imp_is_alnum(uint32_t cp); /* an ASCII letter or digit */
uint32_t imp_first_cp(const char *s); /* spaces skipped; 0: none */
uint32_t imp_last_cp(const char *s);
int imp_starts(const char *s, const char *prefix);
int imp_ends(const char *s, const char *suffix);
/* The last `chars` characters of s, for messages. */
const char *imp_tail(const char *s, size_t chars);
int imp_head(const char *s, size_t chars); /* bytes of the first chars */
char *imp_nospace(ar_arena *ar, const char *s); /* all spaces removed */
/* Display text: each run of spaces one U+3000 (a phrase separator), one
 * space between Latin words. */
const char *imp_phrase(ar_arena *ar, const char *t);
int imp_headnum(const char *s); /* 1: 一、  2: （一）  3: 一是/第一，  0 */
int imp_head_numbered(const char *s); /* numbered as a head: 一、 or （一） */
int imp_is_name(const char *s); /* a person's name of 2–4 Han */
int imp_date_line(const char *t); /* （2020年7月14日） */
/* A jump marker (下转43页) (上接第32页) in s: 0 when none, else 1 (下转)
 * or 2 (上接) with its byte range and page. */
int imp_find_jump(const char *s, size_t *at, size_t *len, int *page);

/* ---- model.c ---- */

void imp_push_line(imp_ctx *c, imp_lines *l, const char *s);
/* Is the article's title the placeholder IMP_NO_TITLE? */
int imp_untitled(const imp_art *a);
imp_art *imp_new_art(imp_ctx *c, int line);
imp_block *imp_new_block(imp_ctx *c, imp_art *a, imp_bkind k, int line);
void imp_block_add(imp_ctx *c, imp_block *b, const char *text, int page,
                   int line);

/* ---- settle.c ---- */

/* A character that may not be set, taken out of the input (or set as
 * U+FFFD): each is a repair of the report. */
typedef struct imp_unsettable {
    int line, col;    /* in the input */
    uint32_t cp;
    const char *what; /* u8_unsettable's reason */
    int replaced;     /* set as U+FFFD rather than removed */
} imp_unsettable;

/* The text read: the input without what may not be set (drops maps its
 * positions back), and every character taken out. */
typedef struct imp_settled {
    const char *text;
    size_t len;
    imp_drop *drops;
    size_t ndrops;
    imp_unsettable *chars;
    size_t nchars;
} imp_settled;

int imp_settle(imp_ctx *c, im_kind kind, imp_settled *out);
/* Positions in the text read mapped back to the input: a column of a
 * line, the byte offset of a line's start. */
int imp_input_col(const imp_ctx *c, int line, int col);
size_t imp_input_off(const imp_ctx *c, size_t off);

/* ---- report.c ---- */

void imp_note(imp_ctx *c, imp_change k, int line, int col, int count,
              const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* A warning of severity sev (IMP_CHECK or IMP_MUST; IMP_LOOK for a
 * remark): an entry of the report, and a message to the diag_ctx. */
void imp_warn(imp_ctx *c, imp_sev sev, int line, int col, const char *fmt,
              ...) __attribute__((format(printf, 5, 6)));
int imp_report_write(const imp_ctx *c, const char *path);
void imp_summary(const imp_ctx *c, const char *kind, const char *out);

/* ---- norm.c ---- */

/* Normalisation of one piece of text. before and after are the
 * characters around it (0: none), for the Chinese-context tests; cols
 * maps each character of s to its input column (NULL: col0 + index). */
char *imp_normalize(imp_ctx *c, const char *s, uint32_t before,
                    uint32_t after, int line, const int *cols, int col0);
/* Remove spaces that are extraction artifacts. Runs of two or more
 * spaces (or U+3000) are real: kept as one U+3000 between CJK, one space
 * between Latin. A single space is kept only between two Latin letters
 * or digits. cols (may be NULL) receives the input column of each output
 * character; *removed counts the removed spaces. */
char *imp_despace(ar_arena *ar, const char *s, size_t len, int col0,
                  int **cols, int *removed, int *kept);

/* ---- detect.c ---- */

im_kind imp_detect_kind(const char *text, size_t len);
int imp_detect_pub(const char *text, size_t len);
int imp_pub_of(const char *slug); /* "tianjin" → IMP_PUB_TIANJIN; NONE */
const char *imp_pub_name(int pub); /* "天津政协", or NULL */

/* ---- designs.c ---- */

/* The designs an import chooses from (each problem in reading them a
 * warning of the import). */
void imp_use_designs(imp_ctx *c, const im_designs *ds);
/* How many lines per column a measured extraction may differ from its
 * design's (the fullest pages may hold a title line more or less). */
#define IMP_LINES_SLACK 2

/* The design a raw extraction's measure (em) fits (among several of
 * that measure, the one nearest its lines per column, within 2), or the
 * one design of its publication; NULL when none. */
const imp_design *imp_design_for(const imp_ctx *c, int pub, double measure,
                                 int lines);
/* The one-column measure the designs of publication pub with column
 * measure `measure` declare; 0 when none does or they differ. */
int imp_design_single(const imp_ctx *c, int pub, double measure);
/* Warned when no design fits: the measured columns and the designs. */
void imp_warn_no_design(imp_ctx *c, int measure, int lines);
/* The style of a Markdown conversion, which keeps no measure: the design
 * of the issue's year (c->doc.year), with a warning when that is not
 * the publication's newest. */
const char *imp_style_for_year(imp_ctx *c);

/* ---- raw extractions ---- */

/* Width classes of a printed line against its measure (docs/import.md):
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
    int tab;          /* part of a side tab or page furniture: removed */
    int folio;        /* the page number it prints, when a folio; else 0 */
    int runhead;      /* a running head (removed) */
    int pg;           /* index into doc.pages */
    double width;     /* in em */
    double min_width; /* in em, its punctuation squeezed */
    int ascii;        /* ASCII characters */
    int latin_gaps;   /* spaces the extraction shows beside Latin runs */
    int spaced;       /* letter-spaced by the extraction */
    int seps;         /* real spaces kept */
    int width_class;  /* RL_* against its measure */
    int measure;      /* its measure in em */
    int col0;         /* input column of its first character */
    int jump;         /* 1: ends with (下转N页), 2: starts with (上接N页) */
    int display;      /* a display line (title, head, byline, …) */
} imp_rline;

typedef struct imp_raw {
    imp_ctx *ctx;
    imp_rline *lines;
    size_t nlines, caplines;
    int measure;           /* column measure in em */
    int single_measure;    /* one-column measure in em, 0: none */
    int lines_per_col;
    const imp_design *design; /* the detected design's facts, or those
                                 assumed when none fits */
    unsigned char *single; /* per page: one-column page */
} imp_raw;

/* The units of a raw extraction's text (raworder.c) and the articles
 * built from them (rawart.c). */
typedef struct imp_unit {
    int display;
    size_t first, end; /* its lines [first, end); tab lines are skipped */
    int cont;    /* text: its first line continues a paragraph */
    int open;    /* text: 1 its last paragraph goes on, 2 it may */
    int used;
} imp_unit;

typedef enum imp_item_kind {
    IT_PLAIN, IT_NUM, IT_HEADNUM, IT_BOX, IT_NAME, IT_SUB, IT_DATE, IT_WIDE
} imp_item_kind;

/* Lines of one item of a display unit: a title runs to a few. */
#define IMP_ITEM_LINES 8
/* Items of one display unit looked at. */
#define IMP_UNIT_ITEMS 64

typedef struct imp_item {
    imp_item_kind kind;
    size_t lines[IMP_ITEM_LINES];
    int nlines;
} imp_item;

typedef struct imp_seg {
    imp_raw *raw;
    imp_ctx *ctx;
    unsigned char *pstart; /* per line: starts a paragraph */
    imp_unit *units;
    size_t nunits, capunits;
    size_t *order;
    size_t norder;
    /* article building */
    imp_art *art;
    int ended, titled, in_box;
    imp_block *para, *open_head;
    int last_open; /* open state of the text unit placed last */
    int in_order;  /* title blocks stand after their predecessors' end
                      marks: the extraction is in reading order */
} imp_seg;

#define IMP_NONE ((size_t)-1)

static inline const imp_rline *imp_line_at(const imp_seg *s, size_t i)
{
    return &s->raw->lines[i];
}

/* rawlines.c */
int imp_raw_split(imp_raw *r);
void imp_raw_width(imp_rline *l);
void imp_raw_classify(imp_raw *r);
/* Whether line l leaves room for a paragraph's indent (1.5 em short of
 * its measure or more; with `hung`, a last 、，。 hung past the measure
 * where the design hangs not counted). */
int imp_raw_indented(const imp_raw *r, const imp_rline *l, int hung);
void imp_raw_clean(imp_raw *r);

/* rawpages.c */
int imp_raw_pages(imp_raw *r);
/* rawfurn.c: running heads and folios first or last on the pages that
 * start at lines starts[0..np) marked removed (tab) and noted. */
int imp_raw_furniture(imp_raw *r, const size_t *starts, size_t np);

/* rawroles.c */
int imp_raw_ends(const char *text); /* ends a sentence or a note */
int imp_note_start(const char *t);  /* （发言人… （作者… */
int imp_raw_page(const imp_seg *s, size_t i); /* printed page of line i */
size_t imp_next_on_page(const imp_seg *s, size_t i);
int imp_is_display(const imp_seg *s, size_t i);

/* rawdoubt.c: an untitled article whose first byline is no person's
 * name takes it for its title; a titled one with such a byline over a
 * person's has it listed to check. */
void imp_raw_byline_doubts(imp_ctx *c, imp_art *a);
void imp_page_foot_titles(imp_seg *s);
size_t imp_unit_items(const imp_seg *s, const imp_unit *u, imp_item *it,
                      size_t max);
int imp_title_evidence(const imp_seg *s, const imp_unit *u,
                       const imp_item *it, size_t n);

/* raworder.c */
int imp_raw_units(imp_seg *s);

/* rawart.c */
void imp_raw_articles(imp_seg *s);

/* raw.c */
int imp_read_raw(imp_ctx *c);
/* Column measure in em, lines per column, single-column measure of a
 * raw text; 0 when not found. For tests. */
void imp_raw_measure(const char *text, size_t len, double *measure,
                     int *lines, double *single);

/* ---- Markdown conversions ---- */

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

/* The roles of a conversion's blocks, in order (mdroles.c), from which
 * mdart.c builds the articles. */
typedef enum imp_mrole {
    MR_NONE, MR_COLUMN, MR_TITLE, MR_ORG, MR_SUBTITLE, MR_HEAD, MR_SUBHEAD,
    MR_LEADIN, MR_PARA, MR_NOTE, MR_ITEM, MR_EDNOTE, MR_PINYIN, MR_DATE,
    MR_FIGURE, MR_JUMP, MR_TAIL,
} imp_mrole;

typedef struct imp_ment {
    imp_mrole role;
    const char *text;
    int line;
    long toc;         /* MR_TITLE: its contents entry, -1 none */
    int part;         /* MR_TITLE: a contribution inside an article */
    int page;         /* MR_JUMP, MR_TAIL: the page named */
    const char *sub;  /* MR_TITLE: the subtitle of a spread title */
    imp_mblock *block;
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
    imp_ctx *ctx;
    imp_mblock *blocks;
    size_t nblocks, capblocks;
    imp_ment *entries;
    size_t nentries, capentries;
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

/* The title an article gets when the importer finds none; the source
 * marks it .untitled, so that a build warns and a print master refuses
 * it until an editor writes the printed title. */
#define IMP_NO_TITLE "（标题）"

/* mdtitles.c */
long imp_toc_find(imp_ctx *c, const char *t, int prefix);
void imp_md_title_lines(imp_ctx *c, imp_art *a, const char *t, long toc,
                        const char *body, int line);

/* mdfront.c */
size_t imp_md_front(imp_ctx *c, imp_mblock *v, size_t n);

/* mdroles.c */
int imp_md_ends_sentence(imp_ctx *c, const char *t);
/* Two pieces of one paragraph: no space, but between two Latin words. */
const char *imp_md_join(imp_ctx *c, const char *a, const char *b);
/* A byline "[职务 ]姓名": the name, *pos the position or NULL. */
const char *imp_md_byline(imp_ctx *c, const char *t, const char **pos);
void imp_md_roles(imp_mdstate *m, size_t from);

/* mdart.c */
void imp_md_articles(imp_mdstate *m);

/* mdblocks.c */
int imp_read_md(imp_ctx *c);

/* ---- writing ---- */

/* tidy.c */
void imp_tidy(imp_ctx *c);

/* source.c */
int imp_write_source(imp_ctx *c, const char *path);
/* A file written whole or not at all, never over an input of the run. */
int imp_write_file(imp_ctx *c, const char *path, const char *s, size_t len);
char *imp_source_text(imp_ctx *c, size_t *len); /* the source, in memory */

/* sidecar.c */
int imp_write_sidecar(imp_ctx *c, const char *path, const char *source);

#endif
