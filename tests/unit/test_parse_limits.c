/* test_parse_limits.c: pathological inputs of the issue source parser:
 * no crash, no hang, no text lost. They are generated, too large for the
 * golden cases of tests/parse/cases.txt (test_parse_cases.c). */
#include "parse_fixture.h"

/* The front matter and "## 甲" at line 4: body text starts at line 6. */
#define ART "---\npublication: 晋城政协\n---\n## 甲\n\n"

/* ART, then lead, then n copies of piece and a line end, on the heap. */
static char *repeat(const char *lead, const char *piece, size_t n,
                    size_t *len)
{
    size_t head = strlen(ART) + strlen(lead), k = strlen(piece);
    char *s = malloc(head + n * k + 2);
    if (!s)
        return NULL;
    strcpy(s, ART);
    strcat(s, lead);
    for (size_t i = 0; i < n; i++)
        memcpy(s + head + i * k, piece, k);
    strcpy(s + head + n * k, "\n");
    *len = head + n * k + 1;
    return s;
}

/* The first article, or none (reported) when the parse gave no model. */
static const doc_article *first(check_state *cs, const parsed *r)
{
    if (r->doc && r->doc->narticles)
        return &r->doc->articles[0];
    printf("#   no article (rc %d)\n", r->rc);
    cs->failed++;
    return NULL;
}

/* Bytes of body text in the first article. */
static size_t text_len(check_state *cs, const parsed *r)
{
    const doc_article *a = first(cs, r);
    size_t n = 0;
    for (size_t i = 0; a && i < a->nblocks; i++)
        for (size_t k = 0; k < a->blocks[i].text.nspans; k++)
            n += a->blocks[i].text.spans[k].len;
    return n;
}

/* Parse ART + lead + n × piece. The model points into the source: the
 * caller frees what this returns after release(); NULL (no memory) fails
 * the case. */
static char *parse_repeat(check_state *cs, parsed *r, const char *lead,
                          const char *piece, size_t n)
{
    size_t len;
    char *s = repeat(lead, piece, n, &len);
    CHECK(cs, s != NULL);
    if (s)
        parse_n(r, s, len);
    return s;
}

#define CHECK_CLEAN(cs, r)                                                  \
    do {                                                                    \
        CHECK_INT(cs, (r)->rc, 0);                                          \
        CHECK_INT(cs, (r)->d.errors, 0);                                    \
        CHECK_INT(cs, (r)->d.warnings, 0);                                  \
    } while (0)

static void nested_brackets_10000(check_state *cs)
{
    parsed r;
    char *src = parse_repeat(cs, &r, "", "[", 10000);
    if (!src)
        return;
    CHECK_CLEAN(cs, &r);
    CHECK_INT(cs, text_len(cs, &r), 10000);
    release(&r);
    free(src);
}

/* 10,000 nested spans: the innermost are kept as text */
static void nested_spans_10000(check_state *cs)
{
    char *t = malloc(10000 * 8 + 2), *o = t;
    CHECK(cs, t != NULL);
    if (!t)
        return;
    for (int i = 0; i < 10000; i++)
        *o++ = '[';
    *o++ = 'x';
    for (int i = 0; i < 10000; i++)
        o += sprintf(o, "]{.kai}");
    parsed r;
    char *src = parse_repeat(cs, &r, "", t, 1);
    free(t);
    if (!src)
        return;
    CHECK_INT(cs, r.rc, 0);
    CHECK(cs, text_len(cs, &r) > 10000);
    release(&r);
    free(src);
}

/* a run longer than *** is no delimiter (alone on a line it would be a
 * thematic break) */
static void asterisks_65000(check_state *cs)
{
    parsed r;
    char *src = parse_repeat(cs, &r, "前", "*", 65000);
    if (!src)
        return;
    CHECK_CLEAN(cs, &r);
    CHECK_INT(cs, text_len(cs, &r), strlen("前") + 65000);
    release(&r);
    free(src);
}

/* 32,501 single asterisks: the odd one out is left unmatched */
static void single_asterisks_32501(check_state *cs)
{
    parsed r;
    char *src = parse_repeat(cs, &r, "", "a*", 32501);
    if (!src)
        return;
    CHECK_INT(cs, r.rc, 0);
    CHECK_INT(cs, r.d.warnings, 1);
    CHECK_INT(cs, text_len(cs, &r), 32502);
    release(&r);
    free(src);
}

static void paragraph_of_5000_lines(check_state *cs)
{
    parsed r;
    char *src = parse_repeat(cs, &r, "", "行\n", 5000);
    if (!src)
        return;
    CHECK_INT(cs, r.rc, 0);
    CHECK_INT(cs, r.d.warnings, 1);
    CHECK(cs, r.msgs && strstr(r.msgs, "t.md:4102:1: warning: paragraph of "
                                       "more than 4096 lines split here"));
    const doc_article *a = first(cs, &r);
    CHECK_INT(cs, a ? a->nblocks : 0, 2);
    CHECK_INT(cs, text_len(cs, &r), 5000 * strlen("行"));
    release(&r);
    free(src);
}

static void line_of_100000_characters(check_state *cs)
{
    parsed r;
    char *src = parse_repeat(cs, &r, "", "中", 100000);
    if (!src)
        return;
    CHECK_CLEAN(cs, &r);
    CHECK_INT(cs, text_len(cs, &r), 100000 * strlen("中"));
    release(&r);
    free(src);
}

/* 50,000 spans on one line: positions stay exact */
static void spans_50000_on_a_line(check_state *cs)
{
    parsed r;
    char *src = parse_repeat(cs, &r, "", "中*", 50000);
    if (!src)
        return;
    CHECK_CLEAN(cs, &r);
    const doc_article *a = first(cs, &r);
    const doc_text *t = a && a->nblocks ? &a->blocks[0].text : NULL;
    CHECK_INT(cs, t ? t->nspans : 0, 50000);
    if (t && t->nspans == 50000) {
        const doc_span *s = &t->spans[49999];
        CHECK(cs, s->len == strlen("中") && !memcmp(s->text, "中", s->len));
        CHECK_INT(cs, s->flags, DOC_EM);
        CHECK_INT(cs, s->pos.line, 6);
        CHECK_INT(cs, s->pos.col, 99999);
    }
    release(&r);
    free(src);
}

static const check_case cases[] = {
    {"nested_brackets_10000", nested_brackets_10000},
    {"nested_spans_10000", nested_spans_10000},
    {"asterisks_65000", asterisks_65000},
    {"single_asterisks_32501", single_asterisks_32501},
    {"paragraph_of_5000_lines", paragraph_of_5000_lines},
    {"line_of_100000_characters", line_of_100000_characters},
    {"spans_50000_on_a_line", spans_50000_on_a_line},
};

CHECK_MAIN(cases)
