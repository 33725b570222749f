/* sty.h: private interface of the style reader */
#ifndef BULLETIN_STYLES_STY_H
#define BULLETIN_STYLES_STY_H

#include "style.h"

typedef struct sty_entry {
    const char *section, *key, *value;
    diag_pos pos;
    int used;
} sty_entry;

/* A [section] header as written. */
typedef struct sty_section {
    const char *name;
    diag_pos pos;
} sty_section;

/* Sections a style may name (5 of its own and the roles): room enough to
 * report each missing one once. */
#define SR_MAX_TOLD 64

typedef struct sty_reader {
    ar_arena *ar;
    diag_ctx *d;
    const char *file;
    const char *styledir; /* the bundled styles (and output profile) */
    sty_entry *e;
    size_t n, cap;
    sty_section *sec;
    size_t nsec, capsec;
    int lines;            /* the file's last line: where a section is added */
    const char *told[SR_MAX_TOLD]; /* missing sections already reported */
    int ntold;
    double body_size;     /* for em lengths */
} sty_reader;

typedef enum ktype { K_LEN, K_INT, K_NUM, K_ALIGN, K_FONT, K_BOOL, K_STR,
                     K_KINSOKU, K_PUNCT, K_STRATEGY, K_ADJACENT, K_COLOUR } ktype;

/* sty_key flags */
enum {
    K_REQ = 1 << 0,  /* the key must be given */
    K_ZERO = 1 << 1, /* 0 is accepted besides the range: off, or the default */
};

/* A key of a section and the range of its value. min and max are in unit:
 * K_LEN in "mm" or "pt" (the value may be given in any length unit);
 * K_INT and K_NUM in what the number counts (the unit only names it);
 * K_STR in characters of length. Names, yes/no and colours have no range
 * (0, 0, NULL): they are one of their names. */
typedef struct sty_key {
    const char *key;
    ktype type;
    size_t off;
    unsigned flags;       /* K_REQ, K_ZERO */
    double min, max;
    const char *unit;
} sty_key;

/* One name of an enumerated value, e.g. "justify" → STY_JUSTIFY. */
typedef struct sty_name {
    const char *name;
    int value;
} sty_name;

/* reader.c: every function reports its errors at their place */
int sr_read_entries(sty_reader *r, char *text, size_t len);
int sr_parse_len(sty_reader *r, const sty_entry *e, double *out);
sty_entry *sr_find(sty_reader *r, const char *section, const char *key);
int sr_has_section(sty_reader *r, const char *section);
/* Where a section's header is; the end of the file when it has none. */
diag_pos sr_section_pos(sty_reader *r, const char *section);
/* Where a key's value is; else its section's header, or the file's end. */
diag_pos sr_key_pos(sty_reader *r, const char *section, const char *key);
/* Where a missing section would be added: after the last line. */
diag_pos sr_end_pos(sty_reader *r);
/* Report that a section is missing (once per section). */
void sr_lacks_section(sty_reader *r, const char *section);
/* Report that a required key is missing, or its whole section. */
void sr_lacks_key(sty_reader *r, const char *section, const char *key);
/* Parse e's value as k says, check it against k's range and store it at
 * base + k->off (nothing is stored when it is wrong). */
int sr_parse_value(sty_reader *r, const sty_entry *e, const sty_key *k,
                   void *base);
int sr_read_keys(sty_reader *r, const char *section, const sty_key *keys,
                 void *base);
/* A length in points as written in messages: "12.5mm". */
double sr_mm(double pt);

/* furniture.c */
int sr_read_furniture(sty_reader *r, sty_style *st);
/* Furniture on the page: once the page and the roles are read. */
int sr_check_furniture(sty_reader *r, const sty_style *st);

/* print.c */
int sr_read_print(sty_reader *r, sty_style *st);
/* The keys [furniture] and [print] know, for suggestions: up to max names
 * into out; returns how many. */
size_t sr_furniture_keys(const char **out, size_t max);
size_t sr_print_keys(const char **out, size_t max);

#endif
