/* norm.c: spacing and punctuation normalisation of imported text
 * (docs/import.md, Normalisation): the marks come from util's table of
 * Chinese punctuation (punct.c) */
#include <stdlib.h>
#include <string.h>

#include "imp.h"

/* Longest text normalised in one call: a paragraph of a Markdown
 * conversion can hold a whole article; longer input is passed through. */
#define NORM_MAX (1 << 20)
/* How far a bracket's partner is looked for, in characters. */
#define BRACKET_REACH 200
/* How far a quote's partner is looked for, in characters. */
#define QUOTE_REACH 400

/* Decode s into code points. */
static uint32_t *decode(const char *s, size_t len, size_t *n)
{
    uint32_t *v = malloc((len + 1) * sizeof *v);
    size_t k = 0;
    if (!v)
        return NULL;
    while (len) {
        int m = u8_decode(s, len, &v[k++]);
        s += m;
        len -= (size_t)m;
    }
    *n = k;
    return v;
}

/* ---- spaces ---- */

/* The output of imp_despace: the text, the input column of each of its
 * characters, the count of spaces removed and kept. */
typedef struct despaced {
    sb_buf text;
    int *cols;
    size_t nchars;
    int col0;
    int *removed, *kept;
} despaced;

static void put_char(despaced *o, uint32_t cp, size_t at)
{
    sb_addcp(&o->text, cp);
    if (o->cols)
        o->cols[o->nchars] = o->col0 + (int)at;
    o->nchars++;
}

/* The run of spaces v[i, j) between prev and next: a real space, a space
 * between Latin words, or spacing of the print that goes. */
static void space_run(despaced *o, const uint32_t *v, size_t i, size_t j,
                      uint32_t prev, uint32_t next)
{
    int wide = 0, run = (int)(j - i);
    for (size_t k = i; k < j; k++)
        wide |= v[k] == 0x3000;
    int latin = imp_is_alnum(prev) && imp_is_alnum(next);
    if (prev && next && (run >= 2 || wide)) {
        /* a real space: a phrase separator or a padded name */
        put_char(o, latin ? ' ' : 0x3000, i);
        if (o->kept)
            (*o->kept)++;
        if (o->removed)
            *o->removed += run - 1;
    } else if (prev && next && latin) {
        put_char(o, ' ', i); /* between two Latin words */
    } else if (o->removed) {
        *o->removed += prev && next ? run : 0;
    }
}

char *imp_despace(ar_arena *ar, const char *s, size_t len, int col0,
                  int **cols, int *removed, int *kept)
{
    size_t n;
    uint32_t *v = decode(s, len, &n);
    if (!v)
        return NULL;
    despaced o = {{0}, cols ? ar_alloc(ar, (n + 1) * sizeof(int)) : NULL,
                  0, col0, removed, kept};
    sb_init(&o.text);
    uint32_t prev = 0;
    for (size_t i = 0; i < n;) {
        if (!imp_is_space(v[i])) {
            put_char(&o, v[i], i);
            prev = v[i++];
            continue;
        }
        size_t j = i;
        while (j < n && imp_is_space(v[j]))
            j++;
        space_run(&o, v, i, j, prev, j < n ? v[j] : 0);
        i = j;
    }
    free(v);
    if (cols)
        *cols = o.cols;
    char *out = o.text.failed ? NULL
                              : ar_strndup(ar, o.text.s ? o.text.s : "",
                                           o.text.len);
    sb_free(&o.text);
    return out;
}

/* ---- marks ---- */

typedef struct nm_state {
    imp_ctx *ctx;
    const uint32_t *cps;
    size_t ncps;
    unsigned char *keep; /* 1: inside a URL or e-mail address */
    uint32_t *closing;   /* the mark written for the partner of a converted
                            opening mark, 0: none */
    uint32_t before, after;
    int line;
    const int *cols;
    int col0;
    sb_buf out;
} nm_state;

static uint32_t at(const nm_state *s, long i)
{
    if (i < 0)
        return s->before;
    if ((size_t)i >= s->ncps)
        return s->after;
    return s->cps[i];
}

/* Nearest non-space character before / after index i. */
static uint32_t prev_vis(const nm_state *s, long i)
{
    for (long j = i - 1; j >= 0; j--)
        if (!imp_is_space(s->cps[j]))
            return s->cps[j];
    return s->before;
}

static uint32_t next_vis(const nm_state *s, size_t i)
{
    for (size_t j = i + 1; j < s->ncps; j++)
        if (!imp_is_space(s->cps[j]))
            return s->cps[j];
    return s->after;
}

static int col_of(const nm_state *s, size_t i)
{
    return s->cols ? s->cols[i] : s->col0 + (int)i;
}

/* Does a URL start at index i (http://, https://, www., ftp://)? */
static int url_at(const nm_state *s, size_t i)
{
    static const char *const prefixes[] = {"http://", "https://", "www.",
                                           "ftp://"};
    for (size_t p = 0; p < 4; p++) {
        size_t k = 0;
        while (prefixes[p][k] && i + k < s->ncps &&
               s->cps[i + k] == (uint8_t)prefixes[p][k])
            k++;
        if (prefixes[p][k] == '\0')
            return 1;
    }
    return 0;
}

/* The e-mail address around the '@' at i marked; the index after it. */
static size_t mark_email(nm_state *s, size_t i)
{
    long a = (long)i;
    size_t j = i;
    while (a > 0 && s->cps[a - 1] < 0x80 &&
           (imp_is_alnum(s->cps[a - 1]) || strchr("._%+-", (int)s->cps[a - 1])))
        a--;
    while (j < s->ncps && s->cps[j] < 0x80 &&
           (imp_is_alnum(s->cps[j]) || s->cps[j] == '.' || s->cps[j] == '-' ||
            s->cps[j] == '@'))
        j++;
    for (size_t k = (size_t)a; k < j; k++)
        s->keep[k] = 1;
    return j;
}

/* Mark URLs and e-mail addresses, which are never changed. */
static void mark_urls(nm_state *s)
{
    for (size_t i = 0; i < s->ncps; i++) {
        if (url_at(s, i)) {
            size_t j = i;
            while (j < s->ncps && s->cps[j] > ' ' && s->cps[j] < 0x80 &&
                   s->cps[j] != '>')
                s->keep[j++] = 1;
            i = j;
            continue;
        }
        if (s->cps[i] == '@' && i > 0 && imp_is_alnum(s->cps[i - 1]))
            i = mark_email(s, i);
    }
}

static void rep(nm_state *s, imp_change k, size_t i, const char *from,
                const char *to)
{
    imp_note(s->ctx, k, s->line, col_of(s, i), 1, "%s → %s", from, to);
}

/* Chinese context: a CJK character next to the mark. */
static int chinese_ctx(const nm_state *s, size_t i)
{
    uint32_t p = prev_vis(s, (long)i), q = next_vis(s, i);
    if (imp_is_alnum(p) && imp_is_alnum(q))
        return 0; /* Latin text, 1,000 and 10:30 */
    return punct_is_chinese(p) || u8_is_han(q);
}

/* Index of the bracket closing the one at i, or 0. */
static size_t match_close(const nm_state *s, size_t i, uint32_t open,
                          uint32_t close)
{
    int depth = 0;
    for (size_t j = i; j < s->ncps && j < i + BRACKET_REACH; j++) {
        if (s->keep[j])
            return 0;
        if (s->cps[j] == open)
            depth++;
        else if (s->cps[j] == close && --depth == 0)
            return j;
    }
    return 0;
}

static int has_han(const nm_state *s, size_t a, size_t b)
{
    for (size_t j = a; j < b; j++)
        if (u8_is_han(s->cps[j]))
            return 1;
    return 0;
}

/* ( 一 ) or （ 十二 ） with spaces inside: a numbered sub-head. Returns
 * the index after the closing bracket, or 0. */
static size_t numeral_paren(nm_state *s, size_t i)
{
    if (s->cps[i] != '(' && s->cps[i] != 0xFF08)
        return 0;
    size_t j = i + 1, k;
    int spaced = 0;
    while (j < s->ncps && imp_is_space(s->cps[j]))
        j++, spaced = 1;
    k = j;
    while (k < s->ncps && punct_has(s->cps[k], PUNCT_COUNTING))
        k++;
    if (k == j || k - j > 3)
        return 0;
    size_t e = k;
    while (e < s->ncps && imp_is_space(s->cps[e]))
        e++, spaced = 1;
    if (e >= s->ncps || (s->cps[e] != ')' && s->cps[e] != 0xFF09))
        return 0;
    if (!spaced && s->cps[i] == 0xFF08 && s->cps[e] == 0xFF09)
        return 0; /* already right */
    sb_addcp(&s->out, 0xFF08);
    for (size_t m = j; m < k; m++)
        sb_addcp(&s->out, s->cps[m]);
    sb_addcp(&s->out, 0xFF09);
    imp_note(s->ctx, IMP_R_NUMERAL, s->line, col_of(s, i), 1,
             "numbered sub-head bracket → （…）");
    return e + 1;
}

/* The opening mark of a converted pair at i, its partner at e. */
static size_t open_pair(nm_state *s, size_t i, size_t e, char open,
                        char close)
{
    s->closing[e] = punct_full_width(close, PUNCT_CLOSE);
    sb_addcp(&s->out, punct_full_width(open, PUNCT_OPEN));
    return i + 1;
}

/* A mark of its own (, ; : ! ?) or a pair ( ) < > " " ' ' around
 * Chinese text, written full width; 0 when cp at i is none. */
static size_t ascii_mark(nm_state *s, size_t i)
{
    uint32_t cp = s->cps[i];
    uint32_t full = cp < 0x80 ? punct_full_width((char)cp, PUNCT_NONE) : 0;
    size_t e;
    if (full && chinese_ctx(s, i)) {
        char to[5] = {0};
        u8_encode(full, to);
        rep(s, IMP_R_PUNCT, i, (char[2]){(char)cp, 0}, to);
        sb_addcp(&s->out, full);
        return i + 1;
    }
    if (cp == '(' && (e = match_close(s, i, '(', ')')) &&
        (has_han(s, i, e) || u8_is_han(at(s, (long)i - 1)) ||
         u8_is_han(at(s, (long)e + 1)))) {
        rep(s, IMP_R_PUNCT, i, "(…)", "（…）");
        return open_pair(s, i, e, '(', ')');
    }
    if (cp == '<' && (e = match_close(s, i, '<', '>')) && has_han(s, i, e)) {
        rep(s, IMP_R_ANGLE, i, "<…>", "《…》");
        return open_pair(s, i, e, '<', '>');
    }
    if (cp != '"' && cp != '\'')
        return 0;
    /* a pair of ASCII quotes around Chinese text */
    size_t j = i + 1;
    while (j < s->ncps && j < i + QUOTE_REACH && s->cps[j] != cp && !s->keep[j])
        j++;
    if (j >= s->ncps || s->cps[j] != cp || !has_han(s, i, j))
        return 0;
    rep(s, IMP_R_QUOTE, i, cp == '"' ? "\"…\"" : "'…'",
        cp == '"' ? "“…”" : "‘…’");
    return open_pair(s, i, j, (char)cp, (char)cp);
}

/* ... -- and the variants of … — ·: their standard forms. 0 when cp at i
 * is none. */
static size_t variant_mark(nm_state *s, size_t i)
{
    uint32_t cp = s->cps[i], std = punct_standard(cp);
    punct_class cls = punct_classify(cp);
    if (cp == '.' && at(s, (long)i + 1) == '.' && at(s, (long)i + 2) == '.' &&
        (punct_is_chinese(prev_vis(s, (long)i)) ||
         punct_is_chinese(next_vis(s, i + 2)))) {
        rep(s, IMP_R_ELLIPSIS, i, "...", "…");
        sb_addcp(&s->out, punct_standard_of(PUNCT_ELLIPSIS));
        return i + 3;
    }
    if (std && cls == PUNCT_ELLIPSIS) { /* ⋯ midline ellipsis */
        rep(s, IMP_R_ELLIPSIS, i, "⋯", "…");
        sb_addcp(&s->out, std);
        return i + 1;
    }
    if (cp == '-' && at(s, (long)i + 1) == '-' &&
        (punct_is_chinese(prev_vis(s, (long)i)) ||
         punct_is_chinese(next_vis(s, i + 1)) || (i == 0 && !s->before))) {
        rep(s, IMP_R_DASH, i, "--", "—");
        sb_addcp(&s->out, punct_standard_of(PUNCT_DASH));
        return i + 2;
    }
    if (std && cls == PUNCT_DASH) { /* ─ ━ box-drawing lines for a dash */
        rep(s, IMP_R_DASH, i, "─", "—");
        sb_addcp(&s->out, std);
        return i + 1;
    }
    if (std && cls == PUNCT_MIDDOT && u8_is_han(prev_vis(s, (long)i)) &&
        u8_is_han(next_vis(s, i))) {
        rep(s, IMP_R_MIDDOT, i, cp == 0x2022 ? "•" : "・", "·");
        sb_addcp(&s->out, std);
        return i + 1;
    }
    return 0;
}

/* One step at cps[i]; returns the next index. */
static size_t norm_step(nm_state *s, size_t i)
{
    uint32_t cp = s->cps[i];
    size_t e;
    if (s->keep[i]) {
        sb_addcp(&s->out, cp);
        return i + 1;
    }
    if (s->closing[i]) { /* the partner of a converted opening mark */
        sb_addcp(&s->out, s->closing[i]);
        return i + 1;
    }
    if ((e = numeral_paren(s, i)) || (e = ascii_mark(s, i)) ||
        (e = variant_mark(s, i)))
        return e;
    sb_addcp(&s->out, cp);
    return i + 1;
}

char *imp_normalize(imp_ctx *c, const char *str, uint32_t before,
                    uint32_t after, int line, const int *cols, int col0)
{
    size_t len = strlen(str);
    if (len > NORM_MAX)
        return ar_strdup(c->ar, str);
    nm_state s = {c, NULL, 0, NULL, NULL, before, after, line, cols, col0,
                  {0}};
    uint32_t *v = decode(str, len, &s.ncps);
    unsigned char *keep = v ? calloc(s.ncps + 1, 1) : NULL;
    uint32_t *closing = keep ? calloc(s.ncps + 1, sizeof *closing) : NULL;
    if (!closing) {
        free(v);
        free(keep);
        return NULL;
    }
    s.cps = v;
    s.keep = keep;
    s.closing = closing;
    mark_urls(&s);
    sb_init(&s.out);
    for (size_t i = 0; i < s.ncps;)
        i = norm_step(&s, i);
    char *out = s.out.failed ? NULL
                             : ar_strndup(c->ar, s.out.s ? s.out.s : "",
                                          s.out.len);
    sb_free(&s.out);
    free(v);
    free(keep);
    free(closing);
    return out;
}
