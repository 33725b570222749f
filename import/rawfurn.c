/* rawfurn.c: running heads and folios of a raw extraction (docs/import.md,
 * Page furniture): lines that stand first or last on their page and
 * recur there page after page, removed like the side tabs */
#include <stdlib.h>
#include <string.h>

#include "imp.h"

/* How many lines at each end of a page may be furniture, and on how
 * many pages a running head or a folio's numbering must recur to be
 * one (a line of text repeats at a page edge by chance on one or two). */
#define FURN_EDGE 2
#define FURN_MIN_PAGES 3
/* ... or on this many as the first line of the page, where a running
 * head stands (a column name over the odd pages of a short column) */
#define FURN_MIN_TOPS 2
/* A running head has at least this many characters besides digits and
 * spaces (a lone 一 or a two-character name recurs in the body). */
#define RUNHEAD_MIN_CHARS 4
#define FOLIO_MAX_DIGITS 3

/* The page's first and last non-tab lines, up to FURN_EDGE of each; the
 * number written to at. */
static size_t edge_lines(const imp_raw *r, size_t a, size_t b, size_t *at)
{
    size_t n = 0;
    for (size_t i = a, k = 0; i < b && k < FURN_EDGE; i++)
        if (!r->lines[i].tab)
            at[n++] = i, k++;
    for (size_t i = b, k = 0; i > a && k < FURN_EDGE; i--)
        if (!r->lines[i - 1].tab) {
            int seen = 0;
            for (size_t j = 0; j < n; j++)
                seen |= at[j] == i - 1;
            if (!seen)
                at[n++] = i - 1;
            k++;
        }
    return n;
}

/* The value of a line that is a bare number of up to three digits
 * (ASCII or full width, spaces around allowed), -1 otherwise. */
static int bare_number(const char *s)
{
    int v = 0, nd = 0;
    size_t len = strlen(s);
    while (len) {
        uint32_t cp;
        int m = u8_decode(s, len, &cp);
        if (punct_classify(cp) == PUNCT_DIGIT)
            v = v * 10 + (int)(cp >= 0xFF10 ? cp - 0xFF10 : cp - '0'), nd++;
        else if (cp != ' ' && cp != 0x3000)
            return -1;
        s += m;
        len -= (size_t)m;
    }
    return nd >= 1 && nd <= FOLIO_MAX_DIGITS ? v : -1;
}

/* The line without digits and spaces (a running head carries the page
 * number or the issue's), NULL when it is too short or ends a sentence. */
static char *head_key(ar_arena *ar, const char *s)
{
    sb_buf sb;
    sb_init(&sb);
    size_t len = strlen(s), chars = 0;
    const char *t = s;
    while (len) {
        uint32_t cp;
        int m = u8_decode(s, len, &cp);
        if (punct_classify(cp) != PUNCT_DIGIT && cp != ' ' && cp != 0x3000) {
            sb_add(&sb, s, (size_t)m);
            chars++;
        }
        s += m;
        len -= (size_t)m;
    }
    char *key = NULL;
    if (chars >= RUNHEAD_MIN_CHARS && !sb.failed && !imp_raw_ends(t))
        key = ar_strndup(ar, sb.s, sb.len);
    sb_free(&sb);
    return key;
}

typedef struct furn_cand {
    size_t line;
    size_t page;   /* index of its page start */
    int top;       /* the first line of its page */
    int number;    /* bare number, -1: none */
    char *key;     /* running-head key, NULL: none */
} furn_cand;

/* On how many pages the key stands at an edge (tops: first). */
static int pages_with_key(const furn_cand *v, size_t n, const char *key,
                          int tops)
{
    int pages = 0;
    size_t last = (size_t)-1;
    for (size_t i = 0; i < n; i++)
        if (v[i].key && !strcmp(v[i].key, key) && v[i].page != last &&
            (!tops || v[i].top))
            pages++, last = v[i].page;
    return pages;
}

static int running_head(const furn_cand *v, size_t n, size_t i)
{
    return v[i].key && (pages_with_key(v, n, v[i].key, 0) >= FURN_MIN_PAGES ||
                        (v[i].top && pages_with_key(v, n, v[i].key, 1) >=
                                         FURN_MIN_TOPS));
}

/* The offset of printed folio to page index shared by the most pages. */
static int folio_offset(const furn_cand *v, size_t n, int *count)
{
    int best = 0;
    *count = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i].number < 0)
            continue;
        int d = v[i].number - (int)v[i].page, c = 0;
        for (size_t j = 0; j < n; j++)
            c += v[j].number >= 0 && v[j].number - (int)v[j].page == d;
        if (c > *count)
            *count = c, best = d;
    }
    return best;
}

static void remove_line(imp_raw *r, size_t i, imp_change kind,
                        const char *what)
{
    imp_rline *l = &r->lines[i];
    l->tab = 1;
    imp_note(r->ctx, kind, l->line, 1, (int)u8_count(l->raw, strlen(l->raw)),
             "«%s» %s", l->raw, what);
}

/* The pages before the first one a folio numbers, when folios number
 * the issue: its front matter (cover, editorial board, contents), which
 * the style sets again from the front matter of the source. */
static void front_pages(imp_raw *r, const size_t *starts, size_t np)
{
    size_t first = np;
    for (size_t k = 0; k < np && first == np; k++) {
        size_t b = k + 1 < np ? starts[k + 1] : r->nlines;
        for (size_t i = starts[k]; i < b; i++)
            if (r->lines[i].folio)
                first = k;
    }
    if (first == np || first == 0)
        return;
    for (size_t i = 0; i < starts[first]; i++)
        if (!r->lines[i].tab)
            remove_line(r, i, IMP_X_HEAD, "front matter: on a page before "
                        "the first one a folio numbers");
}

int imp_raw_furniture(imp_raw *r, const size_t *starts, size_t np)
{
    furn_cand *v = calloc(np * 2 * FURN_EDGE + 1, sizeof *v);
    size_t n = 0, at[2 * FURN_EDGE];
    if (!v)
        return -1;
    for (size_t k = 0; k < np; k++) {
        size_t b = k + 1 < np ? starts[k + 1] : r->nlines;
        size_t m = edge_lines(r, starts[k], b, at);
        for (size_t j = 0; j < m; j++) {
            const char *s = r->lines[at[j]].raw;
            v[n] = (furn_cand){at[j], k, j == 0, bare_number(s),
                               head_key(r->ctx->ar, s)};
            n++;
        }
    }
    int folios;
    int d = folio_offset(v, n, &folios);
    for (size_t i = 0; i < n; i++) {
        if (folios >= FURN_MIN_PAGES && v[i].number > 0 &&
            v[i].number - (int)v[i].page == d) {
            remove_line(r, v[i].line, IMP_X_FOLIO, "folio");
            r->lines[v[i].line].folio = v[i].number;
        } else if (running_head(v, n, i)) {
            remove_line(r, v[i].line, IMP_X_HEAD, "running head: it "
                        "stands at the edge of three pages or more, or "
                        "first on two");
            r->lines[v[i].line].runhead = 1;
        }
    }
    free(v);
    if (folios >= FURN_MIN_PAGES)
        front_pages(r, starts, np);
    return 0;
}
