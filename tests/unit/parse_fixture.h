/* parse_fixture.h: what the parser tests share: parsing an in-memory
 * source with its diagnostics captured */
#ifndef BULLETIN_PARSE_FIXTURE_H
#define BULLETIN_PARSE_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../input/input.h"
#include "check.h"

/* Sources are parsed under this name; messages start with "t.md:". */
#define FIXTURE_NAME "t.md"

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

static inline void parse_n(parsed *r, const char *text, size_t len)
{
    memset(r, 0, sizeof *r);
    r->ar = ar_new();
    r->msgf = open_memstream(&r->msgs, &r->msglen);
    diag_init(&r->d, r->msgf);
    r->rc = in_parse_text(FIXTURE_NAME, text, len, NULL, r->ar, &r->d, &r->doc);
    fflush(r->msgf);
}

static inline void release(parsed *r)
{
    fclose(r->msgf);
    free(r->msgs);
    ar_free(r->ar);
}

#endif
