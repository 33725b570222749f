/* input.h: the issue source parser and the document model it builds.
 *
 * Prefixes: in_ parsing; doc_ the document model.
 * The model is built once by the parser, lives in the caller's arena and
 * is read-only (const) in every later stage.
 * Return convention: int functions give 0 on success and -1 on failure;
 * every failure has been reported through the diag_ctx first. */
#ifndef BULLETIN_INPUT_H
#define BULLETIN_INPUT_H

#include <stddef.h>

#include "../util/util.h"

typedef diag_pos doc_pos;

/* Inline style flags of a span. */
enum {
    DOC_BOLD = 1 << 0,  /* **…**: the style's bold role */
    DOC_EM = 1 << 1,    /* *…*: the style's emphasis role */
    DOC_BREAK = 1 << 2, /* an intended line break after this span */
};

/* Font faces a span may ask for explicitly ([…]{.kai}). */
typedef enum doc_face {
    DOC_FACE_DEFAULT = 0, /* whatever the block's role uses */
    DOC_FACE_SONG,
    DOC_FACE_HEI,
    DOC_FACE_KAI,
    DOC_FACE_FANGSONG,
} doc_face;

/* A run of text with one style. Spans never cross source lines, so the
 * n-th character of a span sits at column pos.col + n of line pos.line. */
typedef struct doc_span {
    const char *text; /* UTF-8, markup removed; may be empty with DOC_BREAK */
    size_t len;
    unsigned flags;
    doc_face face;
    doc_pos pos;
} doc_span;

typedef struct doc_text {
    const doc_span *spans;
    size_t nspans;
} doc_text;

typedef enum doc_block_kind {
    DOC_PARA,     /* body paragraph */
    DOC_HEAD,     /* section head, 一、… (level 3) */
    DOC_SUBHEAD,  /* sub-head, （一）… (level 4) */
    DOC_ITEM,     /* list item */
    DOC_FIGURE,   /* image and caption */
    DOC_QUOTE,    /* block quotation */
    DOC_RULE,     /* thematic break: one blank grid line */
    DOC_EDNOTE,   /* paragraph of an editor's note (编者按) */
    DOC_NOTE,     /* end note: source or author note after the text */
    DOC_NUMBER,   /* the number of an excerpt (一 二 三 on their own lines) */
} doc_block_kind;

typedef struct doc_block {
    doc_block_kind kind;
    doc_text text;       /* for DOC_FIGURE: the caption */
    const char *bullet;  /* DOC_ITEM: bullet symbol, NULL for the style's */
    const char *image;   /* DOC_FIGURE: path resolved against the source */
    int image_found;     /* DOC_FIGURE: the file exists */
    int wide;            /* DOC_FIGURE: spans all columns (1), or the
                            whole page to its edges (2: bleeds) */
    int box;             /* the boxed notice it belongs to (from 1), or 0 */
    const char *const *orig_lines; /* the printed lines of the original
                                      (from NAME.lines.json), or NULL */
    size_t norig;
    doc_pos pos;
} doc_block;

typedef struct doc_byline {
    doc_text name;
    doc_text position; /* may be empty */
    doc_pos pos;
} doc_byline;

typedef struct doc_article {
    const char *id;
    int page;          /* original start page; 0 when unknown */
    int column;        /* index into doc_issue.columns, -1 when none */
    int single_column; /* 通栏: one full-width column */
    int part;          /* contribution inside the preceding article */
    int untitled;      /* the title is a placeholder the importer left
                          (.untitled): warned of, refused for press */
    const char *toc;   /* title for the contents; NULL: the title */
    doc_text kicker;
    doc_text title;    /* spans with DOC_BREAK mark intended line breaks */
    doc_text subtitle;
    doc_text deck;
    doc_text pinyin;
    const doc_byline *bylines;
    size_t nbylines;
    doc_text date;
    const doc_block *blocks; /* editor's note, body and end notes in order */
    size_t nblocks;
    doc_pos pos;
} doc_article;

typedef struct doc_column {
    const char *name;
    doc_pos pos;
} doc_column;

/* A plain metadata string with the position of its first character. */
typedef struct doc_str {
    const char *text;
    doc_pos pos;
} doc_str;

typedef struct doc_toc_entry {
    int page;
    const char *column, *title, *author;
    doc_pos pos;
} doc_toc_entry;

typedef struct doc_meta {
    doc_str publication, style, date, label, sponsor;
    doc_str theme;          /* the year's theme, for running heads */
    doc_str permit;         /* 准印证号: the internal-publication permit */
    int year, issue, total; /* 0 when not given */
    const doc_str *digest;  /* 本期导读; "\n" marks intended breaks */
    size_t ndigest;
    const doc_str *board;   /* 编委会 lines */
    size_t nboard;
    const doc_str *contact; /* address and other lines of the 编委会 page */
    size_t ncontact;
    const doc_toc_entry *toc; /* the original's contents */
    size_t ntoc;
} doc_meta;

typedef struct doc_issue {
    const char *path; /* source file as given */
    const char *dir;  /* its directory, for relative image paths */
    doc_meta meta;
    const doc_column *columns;
    size_t ncolumns;
    const doc_article *articles;
    size_t narticles;
} doc_issue;

/* A line-break sidecar in memory (the importer's NAME.lines.json);
 * name is used in messages. */
typedef struct in_sidecar {
    const char *name;
    const char *text;
    size_t len;
} in_sidecar;

/* Parse an issue source file, and with it the original printed lines
 * recorded in the sidecar file `lines` (NULL: none; a missing file is
 * not an error), attached to the paragraphs they belong to as part of
 * the parse: blocks whose text no longer matches their recorded lines
 * (the source was edited) get none, with a warning. On success *out
 * points into ar. Warnings and errors go to d; the result is -1 when any
 * error was reported. */
int in_parse_file(const char *path, const char *lines, ar_arena *ar,
                  diag_ctx *d, const doc_issue **out);
/* The same for text already in memory; name is used in messages. */
int in_parse_text(const char *name, const char *text, size_t len,
                  const in_sidecar *lines, ar_arena *ar, diag_ctx *d,
                  const doc_issue **out);
/* The sidecar path of a source: NAME.lines.json beside NAME.md. */
char *in_lineation_path(ar_arena *ar, const char *source);

/* Plain text of a doc_text (spans concatenated, breaks as "\n"). */
char *doc_text_plain(ar_arena *ar, const doc_text *t);
int doc_text_empty(const doc_text *t);

/* The name of a block kind as dumps write it ("para", "head", …). */
const char *doc_block_name(doc_block_kind k);
/* Write the model as an indented outline (for tests and debugging). */
void doc_dump(const doc_issue *doc, FILE *out);

#endif
