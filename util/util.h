/* util.h: shared helpers of every stage: arena, growable arrays, string
 * buffers, UTF-8 and diagnostics.
 *
 * Return convention of this folder: functions returning int give 0 on
 * success and -1 on failure; functions returning pointers give NULL on
 * failure (only on allocation failure, which they report themselves). */
#ifndef BULLETIN_UTIL_H
#define BULLETIN_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- arena: one per issue; everything in it is freed at once ---- */
typedef struct ar_arena ar_arena;

ar_arena *ar_new(void);
void ar_free(ar_arena *ar);
void *ar_alloc(ar_arena *ar, size_t size);             /* zeroed */
char *ar_strndup(ar_arena *ar, const char *s, size_t len);
char *ar_strdup(ar_arena *ar, const char *s);
char *ar_printf(ar_arena *ar, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Make room for one more element of an arena-backed array; the old block
 * stays in the arena (growth is geometric, so the waste is bounded). */
void *ar_grow(ar_arena *ar, void *items, size_t n, size_t *cap, size_t size);
#define AR_PUSH(ar, arr, n, cap) \
    ((arr) = ar_grow((ar), (arr), (n), &(cap), sizeof *(arr)), \
     (arr) ? &(arr)[(n)++] : NULL)

/* ---- heap-backed growable array for stage-local scratch ---- */
void *vec_grow(void *items, size_t n, size_t *cap, size_t size);
#define VEC_PUSH(arr, n, cap) \
    ((arr) = vec_grow((arr), (n), &(cap), sizeof *(arr)), \
     (arr) ? &(arr)[(n)++] : NULL)

/* ---- string buffer (heap) ---- */
typedef struct sb_buf {
    char *s;
    size_t len, cap;
    int failed; /* sticky: set on allocation failure, later adds are no-ops */
} sb_buf;

void sb_init(sb_buf *sb);
void sb_free(sb_buf *sb);
void sb_add(sb_buf *sb, const char *s, size_t len);
void sb_adds(sb_buf *sb, const char *s);
void sb_addc(sb_buf *sb, char c);
void sb_addcp(sb_buf *sb, uint32_t cp);
void sb_printf(sb_buf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sb_clear(sb_buf *sb);

/* ---- UTF-8 ---- */
/* Decode one code point; returns bytes used (>= 1). Invalid bytes decode
 * as U+FFFD with length 1, so a scan always advances. */
int u8_decode(const char *s, size_t len, uint32_t *cp);
int u8_encode(uint32_t cp, char out[4]);
/* Byte offset of the first invalid sequence, or -1 when s is valid. */
long u8_invalid(const char *s, size_t len);
size_t u8_count(const char *s, size_t len); /* number of code points */
/* The code point that ends s[0..len) (len > 0) into *cp; returns the
 * offset where it starts. */
size_t u8_before(const char *s, size_t len, uint32_t *cp);
int u8_is_han(uint32_t cp);          /* CJK ideograph */
int u8_is_space(uint32_t cp);        /* ASCII white space or U+3000 */
/* The one rule of what may be set (settable.c): NULL when cp may reach
 * shaping, else what it is ("a control character", "right-to-left
 * text …"); *replace (may be NULL) says whether it is replaced by U+FFFD
 * (right-to-left letters, so the place shows) or removed. */
const char *u8_unsettable(uint32_t cp, int *replace);
/* Append s to out without the characters that may not be set, calling
 * report (may be NULL) with the byte offset of each; returns how many. */
typedef void (*u8_report_fn)(void *ctx, size_t off, uint32_t cp,
                             const char *what);
int u8_settable_copy(const char *s, size_t len, struct sb_buf *out,
                     u8_report_fn report, void *ctx);

/* ---- Chinese punctuation (punct.c) ----
 * One commented table of marks, shared by the composer (its character
 * classes: one punct_class each, PUNCT_OTHER set like an ideograph,
 * PUNCT_NONE a letter or ideograph by script) and the importer (the
 * flags, the ASCII forms and the standard forms). */
typedef enum punct_class {
    PUNCT_NONE,        /* not in the table */
    PUNCT_NUMERAL,     /* Chinese numerals 〇一二…十百千万: a number in words */
    PUNCT_OPEN,        /* opening brackets and quotes “‘（《 … */
    PUNCT_CLOSE,       /* closing brackets and quotes ”’）》 … */
    PUNCT_PAUSE,       /* 、， pause marks */
    PUNCT_STOP,        /* 。 full stop */
    PUNCT_COLON,       /* ；： */
    PUNCT_EXCL,        /* ？！ */
    PUNCT_MIDDOT,      /* · interpuncts */
    PUNCT_DASH,        /* — (two make the 2-em dash ——) */
    PUNCT_ELLIPSIS,    /* … (two make ……) */
    PUNCT_CONNECTOR,   /* ～ – connectors */
    PUNCT_SLASH,       /* ／ solidus */
    PUNCT_DIGIT,       /* 0–9 and full-width digits */
    PUNCT_NUMPRE,      /* ¥ $ € £ # +: before a number */
    PUNCT_NUMPOST,     /* % ‰ ℃ °: after a number */
    PUNCT_ASCII_OPEN,  /* ( [ { */
    PUNCT_ASCII_CLOSE, /* ) ] } , . ; : ! ? */
    PUNCT_ASCII_JOIN,  /* ' - _ & @ / inside Latin words and numbers */
    PUNCT_SPACE,       /* ASCII space, no-break space, U+3000 */
    PUNCT_OTHER,       /* other marks and signs, set like ideographs: ■ ★ */
    PUNCT_NCLASSES
} punct_class;

/* What the importer asks of a mark. */
enum {
    PUNCT_ENDS = 1 << 0,     /* ends a sentence or a run-in clause: 。！？…；：■ */
    PUNCT_TRAILS = 1 << 1,   /* a closing mark that may stand after a
                                sentence's end: 。” 。） 。》 */
    PUNCT_SQUEEZES = 1 << 2, /* set in half an em when a justified line of
                                the printed originals is tight */
    PUNCT_CJK = 1 << 3,      /* a mark of Chinese text outside the blocks
                                of Chinese marks (— “ ” … · ■ ★) */
    PUNCT_COUNTING = 1 << 4, /* 一 to 十: the numbers of heads, items and
                                excerpts (一、 （二） 三是) */
};

typedef struct punct_mark {
    uint32_t lo, hi;   /* the code points of the row */
    punct_class cls;
    unsigned flags;    /* PUNCT_ENDS … */
    char ascii;        /* the ASCII mark written for it in Chinese text
                          (',' for ，, '"' for “ and ”); 0: none */
    uint32_t standard; /* a variant's standard form (⋯ → …); 0: none */
} punct_mark;

/* The row of cp, or NULL when the table does not list it. */
const punct_mark *punct_lookup(uint32_t cp);
punct_class punct_classify(uint32_t cp); /* PUNCT_NONE when not listed */
int punct_has(uint32_t cp, unsigned flags); /* any of the flags */
/* Chinese context: a Han character, a character of the blocks of Chinese
 * marks (U+3000–U+303F, U+FF00–U+FFEF) or a mark flagged PUNCT_CJK. */
int punct_is_chinese(uint32_t cp);
/* The full-width mark of an ASCII one: side PUNCT_OPEN or PUNCT_CLOSE
 * for a side of a bracket or quote ('"' → “ or ”), PUNCT_NONE for a
 * mark of its own (',' → ，); 0 when there is none. */
uint32_t punct_full_width(char ascii, punct_class side);
uint32_t punct_standard(uint32_t cp); /* of a variant, else 0 */
/* The standard form of a class with variants (— … ·), else 0. */
uint32_t punct_standard_of(punct_class cls);

/* ---- diagnostics ---- */
typedef struct diag_pos {
    const char *file; /* NULL: no position */
    int line, col;    /* from 1; col counts characters */
} diag_pos;

typedef struct diag_ctx {
    FILE *out;        /* where messages go (stderr) */
    int errors, warnings;
    int max_warnings; /* print at most this many warnings; 0: no limit;
                         < 0: none */
    int suppressed;
    /* told of every message's place, printed or not (NULL: nobody) */
    void (*seen)(void *ctx, int is_error, diag_pos pos);
    void *seen_ctx;
} diag_ctx;

void diag_init(diag_ctx *d, FILE *out);
void diag_error(diag_ctx *d, diag_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void diag_warn(diag_ctx *d, diag_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void diag_vmsg(diag_ctx *d, int is_error, diag_pos pos, const char *fmt,
               va_list ap);
void diag_finish(diag_ctx *d); /* prints how many warnings were not shown */
diag_pos diag_nopos(void);

/* ---- files (file.c) ---- */
/* Read a whole regular file; returns a NUL-terminated heap buffer or NULL
 * with errno set (file_why(errno) says why in words: a FIFO, device or
 * directory is refused, not read, and so is a file over 256 MB). */
char *file_read(const char *path, size_t *len);
const char *file_why(int err);
/* Directory part of a path ("." when none), into the arena. */
char *path_dir(ar_arena *ar, const char *path);
/* Join dir and rel unless rel is absolute. */
char *path_join(ar_arena *ar, const char *dir, const char *rel);

/* The files of one run (a command, or a batch of them): what it reads is
 * never overwritten, and nothing is written twice. */
typedef struct file_id {
    unsigned long dev, ino;
    int output;           /* written by the run; else read */
    char *path;
} file_id;

typedef struct file_run {
    file_id *ids;
    size_t n, cap;
} file_run;

void file_run_init(file_run *r);
void file_run_free(file_run *r);
/* Remember an input of the run (nothing when it does not exist). */
void file_run_input(file_run *r, const char *path);

/* Write a file whole or not at all: writer puts the bytes into f and
 * returns 0, or -1 after reporting why. A regular file (or one a symlink
 * names) is written through a temporary file beside it and renamed into
 * place, with every write, the flush and the close checked and
 * interruptions held off; a device or FIFO is written directly; an input
 * or earlier output of the run (when run is not NULL) is refused. */
typedef int (*file_writer)(void *ctx, FILE *f);
int file_write(const char *path, file_writer w, void *ctx, file_run *run,
               diag_ctx *d);

#endif
