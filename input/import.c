/* import.c: the importer's driver: reads the old issue, detects its kind
 * and publication, runs the reader and writes source, sidecar and report */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "imp.h"

/* ---- model helpers ---- */

void imp_push_line(imp_ctx *c, imp_lines *l, const char *s)
{
    const char **p = AR_PUSH(c->ar, l->v, l->n, l->cap);
    if (p)
        *p = s;
}

imp_art *imp_new_art(imp_ctx *c, int line)
{
    imp_doc *d = &c->doc;
    imp_art *a = AR_PUSH(c->ar, d->arts, d->narts, d->caparts);
    if (a) { /* a slot given back by imp_md's scratch article is reused */
        memset(a, 0, sizeof *a);
        a->line = line;
    }
    return a;
}

imp_block *imp_new_block(imp_ctx *c, imp_art *a, imp_bkind k, int line)
{
    imp_block *b = AR_PUSH(c->ar, a->blocks, a->nblocks, a->capblocks);
    if (!b)
        return NULL;
    b->kind = k;
    b->line = line;
    b->text = "";
    return b;
}

void imp_block_add(imp_ctx *c, imp_block *b, const char *text, int page,
                   int line)
{
    imp_pline *p = AR_PUSH(c->ar, b->lines, b->nlines, b->caplines);
    if (!p)
        return;
    p->text = text;
    p->page = page;
    p->line = line;
    b->text = ar_printf(c->ar, "%s%s", b->text, text);
}

/* ---- detection ---- */

/* Characters of a line, roughly: enough to tell printed lines (at most
 * about 45 characters) from Markdown paragraphs. */
static size_t line_chars(const char *s, size_t len)
{
    return u8_count(s, len);
}

in_kind imp_detect_kind(const char *text, size_t len)
{
    size_t lines = 0, longl = 0, heads = 0, lead = 0;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        if (!e)
            e = end;
        size_t n = (size_t)(e - p);
        if (n && !(n == 1 && *p == '\r')) {
            lines++;
            if (line_chars(p, n) > 60)
                longl++;
            if (*p == '#' && n > 2 && (p[1] == ' ' || p[1] == '#'))
                heads++;
            if (*p == ' ' && n > 1 && p[1] != ' ')
                lead++;
        }
        p = e + 1;
    }
    if (heads >= 2 || (lines && longl * 5 > lines))
        return IN_KIND_MARKDOWN;
    return IN_KIND_RAW;
}

static size_t count_str(const char *text, size_t len, const char *needle)
{
    size_t n = 0, k = strlen(needle);
    for (const char *p = text; (p = memmem(p, len - (size_t)(p - text),
                                           needle, k)); p += k)
        n++;
    return n;
}

int imp_detect_pub(const char *text, size_t len)
{
    size_t tj = count_str(text, len, "天津"), jc = count_str(text, len, "晋城");
    if (!tj && !jc)
        return IMP_PUB_NONE;
    return jc > tj ? IMP_PUB_JINCHENG : IMP_PUB_TIANJIN;
}

/* House styles and the designs they stand for (docs/import.md). */
static const struct {
    int pub;
    double measure; /* column measure in em, 0: any */
    int lines;      /* lines per column, 0: any */
    const char *style;
} styles[] = {
    {IMP_PUB_TIANJIN, 18, 34, "tianjin-2022"},
    {IMP_PUB_TIANJIN, 21, 34, "tianjin-2023"},
    {IMP_PUB_JINCHENG, 0, 0, "jincheng-2020"},
};

const char *imp_style_for(int pub, double measure, int lines)
{
    for (size_t i = 0; i < sizeof styles / sizeof *styles; i++) {
        if (styles[i].pub != pub)
            continue;
        if (styles[i].measure && (measure < styles[i].measure - 0.5 ||
                                  measure > styles[i].measure + 0.5))
            continue;
        if (styles[i].lines && lines &&
            (lines < styles[i].lines - 2 || lines > styles[i].lines + 2))
            continue;
        return styles[i].style;
    }
    return NULL;
}

static const char *pub_name(int pub)
{
    return pub == IMP_PUB_JINCHENG ? "晋城政协"
           : pub == IMP_PUB_TIANJIN ? "天津政协"
                                    : NULL;
}

/* ---- driver ---- */

static int check_utf8(imp_ctx *c)
{
    long bad = u8_invalid(c->text, c->len);
    if (bad < 0)
        return 0;
    int line = 1;
    const char *ls = c->text;
    for (long i = 0; i < bad; i++)
        if (c->text[i] == '\n') {
            line++;
            ls = c->text + i + 1;
        }
    diag_error(c->d, (diag_pos){c->input, line,
                                (int)u8_count(ls, (size_t)(c->text + bad - ls)) + 1},
               "input is not UTF-8 text (invalid byte 0x%02x)",
               (unsigned char)c->text[bad]);
    return -1;
}

/* Ids a1, a2, … by position, as the parser would give them, but written
 * out so the sidecar can name them. */
static void assign_ids(imp_ctx *c)
{
    for (size_t i = 0; i < c->doc.narts; i++)
        if (!c->doc.arts[i].id)
            c->doc.arts[i].id = ar_printf(c->ar, "a%zu", i + 1);
}

/* NAME.lines.json beside NAME.md */
static char *sidecar_path(ar_arena *ar, const char *out)
{
    size_t n = strlen(out);
    if (n > 3 && !strcmp(out + n - 3, ".md"))
        n -= 3;
    return ar_printf(ar, "%.*s.lines.json", (int)n, out);
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static int run(imp_ctx *c, const in_import_opts *o, in_kind kind)
{
    if (kind == IN_KIND_AUTO)
        kind = imp_detect_kind(c->text, c->len);
    if (o->publication)
        c->pub = strcmp(o->publication, "jincheng") ? IMP_PUB_TIANJIN
                                                     : IMP_PUB_JINCHENG;
    else
        c->pub = imp_detect_pub(c->text, c->len);
    if (c->pub == IMP_PUB_NONE)
        imp_warn(c, 1, 1, "publication not recognised (neither 天津 nor 晋城 "
                 "in the text); give --publication");
    c->doc.publication = pub_name(c->pub);
    int rc = kind == IN_KIND_RAW ? imp_read_raw(c) : imp_read_md(c);
    if (rc)
        return rc;
    c->doc.style = c->style;
    if (!c->style)
        imp_warn(c, 1, 1, "no known house style fits; the source names none "
                 "(give --style to 'bulletin build')");
    assign_ids(c);
    if (imp_write_source(c, o->output))
        return -1;
    if (kind == IN_KIND_RAW && o->output &&
        imp_write_sidecar(c, sidecar_path(c->ar, o->output),
                          base_name(o->output)))
        return -1;
    if (o->report && imp_report_write(c, o->report))
        return -1;
    imp_summary(c, kind == IN_KIND_RAW ? "raw extraction" : "Markdown "
                "conversion", o->output);
    return 0;
}

int in_import(const in_import_opts *o, diag_ctx *d)
{
    imp_ctx c;
    memset(&c, 0, sizeof c);
    c.d = d;
    c.input = o->input;
    c.files = o->files;
    char *text = file_read(o->input, &c.len);
    if (!text) {
        diag_error(d, (diag_pos){o->input, 0, 0}, "cannot read: %s",
                   file_why(errno));
        return -1;
    }
    c.text = text;
    c.ar = ar_new();
    int rc = -1;
    if (c.ar && !check_utf8(&c))
        rc = run(&c, o, o->kind);
    ar_free(c.ar);
    free(text);
    return rc;
}
