/* parse.h: private interface between the parts of the source parser */
#ifndef BULLETIN_INPUT_PARSE_H
#define BULLETIN_INPUT_PARSE_H

#include "input.h"

/* Limits of the attribute syntax {#id .class key=value}: real sources use
 * two or three of each; more is certainly a typing error. */
#define IN_MAX_CLASSES 8
#define IN_MAX_KEYS 8
/* Fenced divs nest at most this deep (an editor's note inside a column
 * note is the deepest real use). */
#define IN_MAX_DIVS 8

/* One physical line of the source, without its line end. */
typedef struct in_line {
    const char *s;
    size_t len;
    int lineno;
} in_line;

/* A piece of a paragraph: the text of one source line from column col. */
typedef struct in_seg {
    const char *s;
    size_t len;
    int lineno, col;
} in_seg;

typedef struct in_kv {
    const char *key, *val;
    doc_pos val_pos;  /* the value's first character */
} in_kv;

typedef struct in_attrs {
    const char *id;
    const char *classes[IN_MAX_CLASSES];
    int nclasses;
    in_kv kv[IN_MAX_KEYS];
    int nkv;
    doc_pos pos;
} in_attrs;

/* Role of an enclosing fenced div or block quote. */
typedef enum in_role {
    IN_ROLE_NONE,
    IN_ROLE_EDNOTE,
    IN_ROLE_NOTE,
    IN_ROLE_QUOTE,
    IN_ROLE_KICKER,
    IN_ROLE_SUBTITLE,
    IN_ROLE_DECK,
    IN_ROLE_PINYIN,
    IN_ROLE_BYLINE,
    IN_ROLE_DATE,
    IN_ROLE_BOX,   /* a boxed notice: its blocks are framed together */
    IN_ROLE_OTHER, /* a div with a class the format does not define */
} in_role;

typedef struct in_parser {
    ar_arena *ar;
    diag_ctx *d;
    const char *file;
    int body_line0; /* number of the first body line */

    doc_issue *doc;
    doc_column *cols;
    size_t ncols, capcols;
    doc_article *arts;
    size_t narts, caparts;
    /* each article's blocks, writable while the parse lasts (the model
     * holds them const): arts[i] has art_blocks[i] */
    doc_block **art_blocks;
    size_t nart_blocks, capart_blocks;

    /* the article being built */
    doc_article *cur;
    doc_block *blocks;
    size_t nblocks, capblocks;
    doc_byline *bylines;
    size_t nbylines, capbylines;
    int in_body;   /* a body block has been seen in the current article */
    doc_text kicker; /* waiting for its title */
    doc_pos kicker_pos;

    in_role divs[IN_MAX_DIVS];
    doc_pos div_pos[IN_MAX_DIVS];
    int div_box[IN_MAX_DIVS]; /* box number of a box div */
    int ndivs;
    int boxes;     /* boxes opened so far */
    int warned_orphan; /* "text before the first article" reported once */
} in_parser;

/* lineation.c: attach a sidecar's recorded lines to the finished
 * articles' blocks. */
int in_lineation(in_parser *p, const in_sidecar *lines);

/* attrs.c */
int in_attrs_parse(in_parser *p, const char *s, size_t len, doc_pos pos,
                   in_attrs *out);
const char *in_attrs_get(const in_attrs *a, const char *key);
/* The key=value pair of key, with its value's position; NULL: none. */
const in_kv *in_attrs_kv(const in_attrs *a, const char *key);
int in_attrs_has_class(const in_attrs *a, const char *cls);
/* Offset of a trailing "{...}" attribute block in s[0..len), or -1. */
long in_attrs_find_trailing(const char *s, size_t len);
in_role in_role_from_class(const char *cls);

/* frontmatter.c: parse the YAML between the --- lines */
int in_front_matter(in_parser *p, const char *text, size_t len, int line0);

/* inline.c */
int in_inline(in_parser *p, const in_seg *segs, size_t nsegs,
              doc_text *out);
/* Recognise a paragraph that is exactly [text]{attrs}; on success the
 * inner text is in inner/ninner (pieces of segs) and attrs is filled. */
int in_role_span(in_parser *p, const in_seg *segs, size_t nsegs,
                 in_seg *inner, size_t *ninner, in_attrs *attrs);
/* Recognise ![caption](path){attrs}; 1 when matched. */
int in_figure_span(in_parser *p, const in_seg *segs, size_t nsegs,
                   in_seg *cap, const char **path, in_attrs *attrs);

/* build.c: the structure of the issue, fed by blocks.c */
void in_on_heading(in_parser *p, int level, const in_seg *segs, size_t n,
                   const in_attrs *attrs, doc_pos pos);
void in_on_paragraph(in_parser *p, const in_seg *segs, size_t n,
                     in_role role, doc_pos pos);
void in_on_item(in_parser *p, const char *bullet, const in_seg *segs,
                size_t n, doc_pos pos);
void in_on_rule(in_parser *p, doc_pos pos);
void in_on_code(in_parser *p, const in_seg *segs, size_t n, doc_pos pos);
int in_finish(in_parser *p);

/* blocks.c */
int in_blocks(in_parser *p, const in_line *lines, size_t nlines);

doc_pos in_pos(const in_parser *p, int line, int col);
/* Column (in characters, from 1) of byte offset off in a source line. */
int in_col(const char *line, size_t off);

#endif
