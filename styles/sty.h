/* sty.h: private interface of the style reader */
#ifndef BULLETIN_STYLES_STY_H
#define BULLETIN_STYLES_STY_H

#include "style.h"

typedef struct sty_entry {
    const char *section, *key, *value;
    diag_pos pos;
    int used;
} sty_entry;

typedef struct sty_reader {
    ar_arena *ar;
    diag_ctx *d;
    const char *file;
    const char *styledir; /* the bundled styles (and output profile) */
    sty_entry *e;
    size_t n, cap;
    double body_size; /* for em lengths */
} sty_reader;

typedef enum ktype { K_LEN, K_INT, K_NUM, K_ALIGN, K_FONT, K_BOOL, K_STR,
                     K_KINSOKU, K_PUNCT, K_STRATEGY, K_ADJACENT, K_COLOUR } ktype;

typedef struct sty_key {
    const char *key;
    ktype type;
    size_t off;
    int required;
} sty_key;

/* One name of an enumerated value, e.g. "justify" → STY_JUSTIFY. */
typedef struct sty_name {
    const char *name;
    int value;
} sty_name;

/* reader.c */
int sr_read_entries(sty_reader *r, char *text);
int sr_parse_len(sty_reader *r, const sty_entry *e, double *out);
sty_entry *sr_find(sty_reader *r, const char *section, const char *key);
int sr_has_section(sty_reader *r, const char *section);
/* Where a section's first key is, for messages about the section. */
diag_pos sr_section_pos(sty_reader *r, const char *section);
int sr_parse_value(sty_reader *r, const sty_entry *e, const sty_key *k,
                   void *base);
int sr_read_keys(sty_reader *r, const char *section, const sty_key *keys,
                 void *base);

/* furniture.c */
int sr_read_furniture(sty_reader *r, sty_style *st);

/* print.c */
int sr_read_print(sty_reader *r, sty_style *st);

#endif
