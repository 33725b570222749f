/* test_parse_cases.c: the source parser's golden cases
 * (tests/parse/cases.txt): each case's source is parsed with in_parse_text
 * and its exit status, messages, model dump (doc_dump) and the extra
 * outline of what the dump leaves out are compared with the file's.
 *
 *   test_parse_cases          run every case
 *   test_parse_cases NAME…    print what the named cases give, in the
 *                             file's format (for writing a new case; check
 *                             it against docs/source-format.md) */
#include <unistd.h>

#include "parse_fixture.h"

/* A fence line: "~~~~~~~~ KEYWORD" opens a section, a bare one ends the
 * case. Sources never start a line with eight tildes. */
#define FENCE "~~~~~~~~"
/* Fewer cases than this means the file was cut short. */
#define MIN_CASES 62

enum { SEC_NONE, SEC_SOURCE, SEC_EXIT, SEC_DUMP, SEC_MORE, SEC_COUNT };

typedef struct pcase {
    char name[256];
    int lineno;
    int prose;             /* lines of prose under the heading */
    int exit;              /* expected status; -1: none given (clean) */
    int have[SEC_COUNT];   /* which sections were given */
    sb_buf sec[SEC_COUNT]; /* their text, a "\n" after every line */
    int bad;               /* the case itself is malformed */
} pcase;

/* ---- reading the file ---- */

static int hexval(const char *s, int n, unsigned long *v)
{
    char buf[16], *end;
    if (n <= 0 || n >= (int)sizeof buf)
        return -1;
    memcpy(buf, s, (size_t)n);
    buf[n] = '\0';
    *v = strtoul(buf, &end, 16);
    return *end ? -1 : 0;
}

/* Append a source line, decoding <CR>, <0xHH> (a raw byte) and <U+HHHH>
 * (a code point). Blanks at the end of a line are invisible in the file,
 * so they must be written as <U+0020>. */
static void add_source_line(pcase *c, const char *s, int lineno)
{
    size_t n = strlen(s);
    if (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) {
        printf("#   cases.txt:%d: blank at the end of a source line; write "
               "<U+0020>\n", lineno);
        c->bad = 1;
    }
    sb_buf *sb = &c->sec[SEC_SOURCE];
    unsigned long v;
    for (const char *p = s; *p;) {
        const char *e = *p == '<' ? strchr(p, '>') : NULL;
        if (e && e - p == 3 && !strncmp(p, "<CR>", 4)) {
            sb_addc(sb, '\r');
        } else if (e && !strncmp(p, "<0x", 3) &&
                   !hexval(p + 3, (int)(e - p - 3), &v) && v < 256) {
            sb_addc(sb, (char)v);
        } else if (e && !strncmp(p, "<U+", 3) &&
                   !hexval(p + 3, (int)(e - p - 3), &v) && v < 0x110000) {
            sb_addcp(sb, (uint32_t)v);
        } else {
            sb_addc(sb, *p++);
            continue;
        }
        p = e + 1;
    }
    sb_addc(sb, '\n');
}

static int section_of(const char *kw, int *exit)
{
    if (!strcmp(kw, "source"))
        return SEC_SOURCE;
    if (!strcmp(kw, "dump"))
        return SEC_DUMP;
    if (!strcmp(kw, "more"))
        return SEC_MORE;
    if (!strncmp(kw, "exit ", 5) && (kw[5] == '0' || kw[5] == '1') &&
        !kw[6]) {
        *exit = kw[5] - '0';
        return SEC_EXIT;
    }
    return SEC_NONE;
}

/* ---- what a parse gives ---- */

static void more_str(sb_buf *sb, const char *key, const doc_str *s)
{
    if (s->text)
        sb_printf(sb, "meta %s «%s» @%d:%d\n", key, s->text, s->pos.line,
                  s->pos.col);
}

static void more_list(sb_buf *sb, const char *key, const doc_str *s,
                      size_t n)
{
    for (size_t i = 0; i < n; i++)
        sb_printf(sb, "meta %s %zu @%d:%d\n", key, i, s[i].pos.line,
                  s[i].pos.col);
}

static const char *opt(sb_buf *tmp, const char *s)
{
    sb_clear(tmp);
    if (s)
        sb_printf(tmp, "«%s»", s);
    else
        sb_adds(tmp, "-");
    sb_addc(tmp, '\0');
    return tmp->s;
}

static void more_meta(sb_buf *sb, const doc_meta *m)
{
    more_str(sb, "publication", &m->publication);
    more_str(sb, "style", &m->style);
    more_str(sb, "date", &m->date);
    more_str(sb, "label", &m->label);
    more_str(sb, "sponsor", &m->sponsor);
    more_str(sb, "theme", &m->theme);
    more_str(sb, "permit", &m->permit);
    more_list(sb, "digest", m->digest, m->ndigest);
    more_list(sb, "board", m->board, m->nboard);
    more_list(sb, "contact", m->contact, m->ncontact);
    sb_buf t1, t2;
    sb_init(&t1);
    sb_init(&t2);
    for (size_t i = 0; i < m->ntoc; i++)
        sb_printf(sb, "meta toc %zu @%d:%d column=%s author=%s\n", i,
                  m->toc[i].pos.line, m->toc[i].pos.col,
                  opt(&t1, m->toc[i].column), opt(&t2, m->toc[i].author));
    sb_free(&t1);
    sb_free(&t2);
}

static void more_article(sb_buf *sb, const doc_article *a)
{
    sb_buf t;
    sb_init(&t);
    sb_printf(sb, "article %s @%d:%d toc=%s\n", a->id, a->pos.line,
              a->pos.col, opt(&t, a->toc));
    sb_free(&t);
    for (size_t i = 0; i < a->nbylines; i++)
        sb_printf(sb, "article %s byline %zu @%d:%d\n", a->id, i,
                  a->bylines[i].pos.line, a->bylines[i].pos.col);
    for (size_t i = 0; i < a->nblocks; i++) {
        const doc_block *b = &a->blocks[i];
        sb_printf(sb, "article %s block %zu %s @%d:%d wide=%d box=%d\n",
                  a->id, i, doc_block_name(b->kind), b->pos.line, b->pos.col,
                  b->wide, b->box);
    }
}

/* The second outline: every source position, and the fields doc_dump
 * does not print (date, label, sponsor, theme, permit, a contents entry's
 * missing column or author, an article's toc title, a figure's width,
 * a block's box). */
static void more_outline(sb_buf *sb, const doc_issue *doc)
{
    more_meta(sb, &doc->meta);
    for (size_t i = 0; i < doc->ncolumns; i++)
        sb_printf(sb, "column %zu «%s» @%d:%d\n", i, doc->columns[i].name,
                  doc->columns[i].pos.line, doc->columns[i].pos.col);
    for (size_t i = 0; i < doc->narticles; i++)
        more_article(sb, &doc->articles[i]);
}

/* The messages without the file name every one of them starts with. */
static void messages(sb_buf *sb, const char *msgs)
{
    size_t k = strlen(FIXTURE_NAME ":");
    for (const char *s = msgs ? msgs : ""; *s;) {
        const char *e = strchr(s, '\n');
        size_t n = e ? (size_t)(e - s) + 1 : strlen(s);
        if (n > k && !strncmp(s, FIXTURE_NAME ":", k))
            sb_add(sb, s + k, n - k);
        else
            sb_add(sb, s, n);
        s += n;
    }
}

static void dump(sb_buf *sb, const doc_issue *doc)
{
    char *s = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&s, &n);
    if (!f)
        return;
    doc_dump(doc, f);
    fclose(f);
    sb_add(sb, s, n);
    free(s);
}

/* ---- comparing ---- */

typedef struct lines {
    const char **at;
    int *len;
    int n;
} lines;

static void split(lines *l, const sb_buf *sb)
{
    const char *s = sb->s ? sb->s : "";
    size_t end = sb->s ? sb->len : 0;
    l->n = 0;
    for (size_t i = 0; i < end; i++)
        l->n += s[i] == '\n';
    l->at = calloc((size_t)l->n + 1, sizeof *l->at);
    l->len = calloc((size_t)l->n + 1, sizeof *l->len);
    for (int k = 0; k < l->n && l->at && l->len; k++) {
        const char *e = strchr(s, '\n');
        l->at[k] = s;
        l->len[k] = (int)(e - s);
        s = e + 1;
    }
}

static int same(const lines *a, int i, const lines *b, int j)
{
    return a->len[i] == b->len[j] && !memcmp(a->at[i], b->at[j], a->len[i]);
}

/* A line diff by longest common subsequence: "-" lines the file wants,
 * "+" lines the parser gave. */
static void diff(const char *what, const sb_buf *want, const sb_buf *got)
{
    lines w, g;
    split(&w, want);
    split(&g, got);
    int W = w.n, G = g.n;
    int *t = calloc((size_t)(W + 1) * (size_t)(G + 1), sizeof *t);
    if (!t || !w.at || !g.at) {
        printf("#   %s: no memory to show how\n", what);
        goto out;
    }
#define T(i, j) t[(size_t)(i) * (size_t)(G + 1) + (size_t)(j)]
    for (int i = W - 1; i >= 0; i--)
        for (int j = G - 1; j >= 0; j--)
            T(i, j) = same(&w, i, &g, j)   ? T(i + 1, j + 1) + 1
                      : T(i + 1, j) >= T(i, j + 1) ? T(i + 1, j)
                                                   : T(i, j + 1);
    printf("#   %s (-want +got):\n", what);
    int i = 0, j = 0;
    while (i < W || j < G) {
        if (i < W && j < G && same(&w, i, &g, j)) {
            printf("#      %.*s\n", w.len[i], w.at[i]);
            i++, j++;
        } else if (i < W && (j == G || T(i + 1, j) >= T(i, j + 1))) {
            printf("#   -  %.*s\n", w.len[i], w.at[i]);
            i++;
        } else {
            printf("#   +  %.*s\n", g.len[j], g.at[j]);
            j++;
        }
    }
#undef T
out:
    free(t);
    free(w.at), free(w.len), free(g.at), free(g.len);
}

static int compare(const char *what, const sb_buf *want, const sb_buf *got)
{
    size_t wl = want->s ? want->len : 0, gl = got->s ? got->len : 0;
    if (wl == gl && (!wl || !memcmp(want->s, got->s, wl)))
        return 0;
    diff(what, want, got);
    return 1;
}

/* Every line of want is one of got's lines. */
static int contains(const sb_buf *want, const sb_buf *got)
{
    lines w, g;
    split(&w, want);
    split(&g, got);
    int bad = 0;
    for (int i = 0; i < w.n && w.at && g.at; i++) {
        int found = 0;
        for (int j = 0; j < g.n && !found; j++)
            found = same(&w, i, &g, j);
        if (!found) {
            printf("#   more: no line «%.*s»\n", w.len[i], w.at[i]);
            bad = 1;
        }
    }
    if (bad) {
        printf("#   the outline was:\n");
        for (int j = 0; j < g.n; j++)
            printf("#      %.*s\n", g.len[j], g.at[j]);
    }
    free(w.at), free(w.len), free(g.at), free(g.len);
    return bad;
}

/* ---- one case ---- */

/* What makes the case itself unusable, or NULL. */
static const char *malformed_why(const pcase *c)
{
    if (c->bad)
        return "see above";
    if (!c->prose)
        return "no sentence says what it checks";
    if (!c->have[SEC_SOURCE])
        return "no source";
    if (c->exit == 1 && (c->have[SEC_DUMP] || c->have[SEC_MORE]))
        return "a failed parse has no model to dump";
    if (c->exit != 1 && !c->have[SEC_DUMP])
        return "a parse that succeeds must give its dump";
    return NULL;
}

static int malformed(const pcase *c)
{
    const char *why = malformed_why(c);
    if (why)
        printf("#   cases.txt:%d: malformed case: %s\n", c->lineno, why);
    return why != NULL;
}

static void run_case(pcase *c)
{
    int failed = malformed(c);
    parsed r;
    const sb_buf *src = &c->sec[SEC_SOURCE];
    parse_n(&r, src->s ? src->s : "", src->s ? src->len : 0);
    int status = r.rc != 0 || r.d.errors ? 1 : 0;
    int want = c->exit < 0 ? 0 : c->exit;
    if (status != want) {
        printf("#   exit %d, want exit %d\n", status, want);
        failed = 1;
    }
    sb_buf got;
    sb_init(&got);
    messages(&got, r.msgs);
    failed |= compare("the messages differ", &c->sec[SEC_EXIT], &got);
    if (r.doc && c->have[SEC_DUMP]) {
        sb_clear(&got);
        dump(&got, r.doc);
        failed |= compare("the dump differs", &c->sec[SEC_DUMP], &got);
    }
    if (r.doc && c->have[SEC_MORE]) {
        sb_clear(&got);
        more_outline(&got, r.doc);
        failed |= contains(&c->sec[SEC_MORE], &got);
    }
    sb_free(&got);
    release(&r);
    printf("%s - parse: %s\n", failed ? "not ok" : "ok", c->name);
}

/* Print what the parser gives for the case, as the file would hold it. */
static void show_case(pcase *c)
{
    parsed r;
    const sb_buf *src = &c->sec[SEC_SOURCE];
    parse_n(&r, src->s ? src->s : "", src->s ? src->len : 0);
    sb_buf got;
    sb_init(&got);
    printf("### %s\n", c->name);
    messages(&got, r.msgs);
    if (r.rc || r.d.errors || got.len)
        printf(FENCE " exit %d\n%.*s", r.rc || r.d.errors ? 1 : 0,
               (int)got.len, got.s ? got.s : "");
    if (r.doc) {
        sb_clear(&got);
        dump(&got, r.doc);
        printf(FENCE " dump\n%.*s", (int)got.len, got.s);
        sb_clear(&got);
        more_outline(&got, r.doc);
        printf(FENCE " more\n%.*s", (int)got.len, got.s);
    }
    printf(FENCE "\n");
    sb_free(&got);
    release(&r);
}

static void end_case(pcase *c, int argc, char **argv)
{
    if (argc < 2)
        run_case(c);
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], c->name))
            show_case(c);
    for (int i = 0; i < SEC_COUNT; i++)
        sb_free(&c->sec[i]);
}

static void new_case(pcase *c, const char *name, int lineno)
{
    memset(c, 0, sizeof *c);
    snprintf(c->name, sizeof c->name, "%s", name);
    c->lineno = lineno;
    c->exit = -1;
    for (int i = 0; i < SEC_COUNT; i++)
        sb_init(&c->sec[i]);
}

/* A line inside a case: a fence, a line of the open section, or prose. */
static int case_line(pcase *c, int *sec, const char *line, int lineno)
{
    if (!strncmp(line, FENCE, strlen(FENCE))) {
        const char *kw = line + strlen(FENCE);
        if (!*kw)
            return 1; /* the case ends */
        *sec = *kw == ' ' ? section_of(kw + 1, &c->exit) : SEC_NONE;
        if (*sec == SEC_NONE || c->have[*sec]) {
            printf("#   cases.txt:%d: bad or repeated section '%s'\n",
                   lineno, kw);
            c->bad = 1;
        }
        c->have[*sec] = 1;
    } else if (*sec == SEC_SOURCE) {
        add_source_line(c, line, lineno);
    } else if (*sec != SEC_NONE) {
        sb_adds(&c->sec[*sec], line);
        sb_addc(&c->sec[*sec], '\n');
    } else if (*line) {
        c->prose++;
    }
    return 0;
}

int main(int argc, char **argv)
{
    const char *root = getenv("ROOT");
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/tests/parse", root ? root : ".");
    /* image paths in the cases are relative to tests/parse */
    FILE *f = chdir(dir) ? NULL : fopen("cases.txt", "r");
    if (!f) {
        printf("not ok - parse: cannot read %s/cases.txt\n", dir);
        return 1;
    }
    pcase c;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int open = 0, sec = SEC_NONE, lineno = 0, cases = 0;
    while ((n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        if (n && line[n - 1] == '\n')
            line[--n] = '\0';
        if (!open && !strncmp(line, "### ", 4)) {
            new_case(&c, line + 4, lineno);
            open = 1, sec = SEC_NONE, cases++;
        } else if (open && sec == SEC_NONE && !strncmp(line, "#", 1)) {
            printf("#   cases.txt:%d: heading inside case '%s' (no closing "
                   FENCE "?)\n", lineno, c.name);
            c.bad = 1;
        } else if (open && case_line(&c, &sec, line, lineno)) {
            end_case(&c, argc, argv);
            open = 0;
        }
    }
    if (open) {
        printf("#   cases.txt: the last case is not closed\n");
        c.bad = 1;
        end_case(&c, argc, argv);
    }
    free(line);
    fclose(f);
    if (argc < 2)
        printf("%s - parse: cases.txt holds at least %d cases (%d)\n",
               cases >= MIN_CASES ? "ok" : "not ok", MIN_CASES, cases);
    return 0;
}
