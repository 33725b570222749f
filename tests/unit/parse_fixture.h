/* parse_fixture.h: what the parser tests share: parsing an in-memory
 * source with its diagnostics captured, and checks on the model */
#ifndef BULLETIN_PARSE_FIXTURE_H
#define BULLETIN_PARSE_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../input/input.h"
#include "check.h"

/* Three lines of front matter: the body starts at line 4. */
#define FM "---\npublication: 晋城政协\n---\n"
/* An article title at line 4 and a blank line: body text at line 6. */
#define ART FM "## 甲\n\n"

/* One parse with its arena and the diagnostics it printed. */
typedef struct parsed {
    ar_arena *ar;
    diag_ctx d;
    FILE *msgf;
    char *msgs;
    size_t msglen;
    const doc_issue *doc;
    int rc;
} parsed;

static void parse_n(parsed *r, const char *text, size_t len)
{
    memset(r, 0, sizeof *r);
    r->ar = ar_new();
    r->msgf = open_memstream(&r->msgs, &r->msglen);
    diag_init(&r->d, r->msgf);
    r->rc = in_parse_text("t.md", text, len, r->ar, &r->d, &r->doc);
    fflush(r->msgf);
}

static void parse(parsed *r, const char *text)
{
    parse_n(r, text, strlen(text));
}

static void release(parsed *r)
{
    fclose(r->msgf);
    free(r->msgs);
    ar_free(r->ar);
}

/* Missing parts read as these empty ones, so that a failing case reports
 * its checks instead of crashing. */
static const doc_article no_article = {.column = -2};
static const doc_block no_block = {.kind = (doc_block_kind)-1};
static const doc_span no_span = {.text = "", .flags = ~0u};

static const doc_article *art(check_state *cs, const parsed *r, size_t i)
{
    if (r->doc && i < r->doc->narticles)
        return &r->doc->articles[i];
    printf("#   no article %zu (rc %d)\n", i, r->rc);
    cs->failed++;
    return &no_article;
}

static const doc_block *blk(check_state *cs, const doc_article *a, size_t i)
{
    if (i < a->nblocks)
        return &a->blocks[i];
    printf("#   no block %zu (the article has %zu)\n", i, a->nblocks);
    cs->failed++;
    return &no_block;
}

static const doc_span *span(check_state *cs, const doc_text *t, size_t i)
{
    if (i < t->nspans)
        return &t->spans[i];
    printf("#   no span %zu (the text has %zu)\n", i, t->nspans);
    cs->failed++;
    return &no_span;
}

static const char *plain(const parsed *r, const doc_text *t)
{
    return doc_text_plain(r->ar, t);
}

/* The span has exactly this text, these flags and this position. */
static void span_is(check_state *cs, const doc_span *s, const char *text,
                    unsigned flags, int line, int col, int at)
{
    if (s->len != strlen(text) || memcmp(s->text, text, s->len) != 0 ||
        s->flags != flags || s->pos.line != line || s->pos.col != col) {
        printf("#   %s:%d: span «%.*s» flags %u at %d:%d, want «%s» flags "
               "%u at %d:%d\n", __FILE__, at, (int)s->len, s->text, s->flags,
               s->pos.line, s->pos.col, text, flags, line, col);
        cs->failed++;
    }
}
#define CHECK_SPAN(cs, s, text, flags, line, col) \
    span_is(cs, s, text, flags, line, col, __LINE__)

/* The diagnostics contain want, e.g. "t.md:6:1: warning: unmatched". */
static void msg_has(check_state *cs, const parsed *r, const char *want,
                    int at)
{
    if (r->msgs && strstr(r->msgs, want))
        return;
    printf("#   %s:%d: no message «%s»; the messages were:\n", __FILE__, at,
           want);
    for (const char *s = r->msgs; s && *s;) {
        const char *e = strchr(s, '\n');
        int n = e ? (int)(e - s) : (int)strlen(s);
        printf("#     %.*s\n", n, s);
        s += n + (e != NULL);
    }
    cs->failed++;
}
#define CHECK_MSG(cs, r, want) msg_has(cs, r, want, __LINE__)

/* A clean parse: success, no errors, no warnings. */
#define CHECK_CLEAN(cs, r)                                                  \
    do {                                                                    \
        CHECK_INT(cs, (r)->rc, 0);                                          \
        CHECK_INT(cs, (r)->d.errors, 0);                                    \
        CHECK_INT(cs, (r)->d.warnings, 0);                                  \
    } while (0)


#endif
