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

/* ---- characters that may not be set ---- */

/* Form feeds opening a line of a raw extraction: pdftotext's page
 * break, read as the leading space the importer takes for a page start
 * (docs/import.md, Pages). Returns how many bytes at s are such. */
static size_t page_feeds(const char *text, const char *s, in_kind kind)
{
    if (kind != IN_KIND_RAW || (s > text && s[-1] != '\n'))
        return 0;
    size_t n = 0;
    while (s[n] == '\f')
        n++;
    return n;
}

static void add_drop(imp_ctx *c, imp_drop **v, size_t *n, size_t *cap,
                     const imp_drop *drop)
{
    imp_drop *d = *n ? &(*v)[*n - 1] : NULL;
    if (d && d->off == drop->off) { /* a run of removed ones */
        d->delta += drop->delta;
        d->chars += drop->chars;
        return;
    }
    if ((d = AR_PUSH(c->ar, *v, *n, *cap)))
        *d = *drop;
}

/* The input without the characters that may not be set (util's one
 * rule, u8_unsettable): each is a repair entry at its line and column,
 * removed or (right-to-left letters) set as U+FFFD, and the positions of
 * the rest are mapped back to the input (imp_input_col, imp_input_off).
 * A CR before a LF is a line end, left to the readers. */
static int settle_text(imp_ctx *c, in_kind kind)
{
    const char *t = c->text;
    sb_buf sb;
    sb_init(&sb);
    imp_drop *drops = NULL;
    size_t ndrops = 0, cap = 0;
    int line = 1, gone = 0; /* characters removed from the line so far */
    size_t ls = 0;          /* offset of the line's start */
    for (size_t i = 0; i < c->len;) {
        size_t ff = page_feeds(t, t + i, kind);
        if (ff) {
            for (size_t k = 0; k < ff; k++)
                sb_addc(&sb, ' ');
            i += ff;
            continue;
        }
        uint32_t cp;
        int n = u8_decode(t + i, c->len - i, &cp), replace = 0;
        const char *what = cp == '\r' && i + 1 < c->len && t[i + 1] == '\n'
                               ? NULL
                               : u8_unsettable(cp, &replace);
        if (what) {
            int col = (int)u8_count(t + ls, i - ls) + 1;
            imp_note(c, IMP_R_CHAR, line, col, 1, "U+%04X is %s: %s%s",
                     (unsigned)cp, what, replace ? "set as U+FFFD" : "removed",
                     cp == '\f' ? " (a form feed is a page break only at the "
                     "start of a line of a raw extraction)" : "");
            imp_drop d = {sb.len, (long)n, line, col - gone, !replace};
            if (replace) {
                sb_addcp(&sb, 0xFFFD);
                d.delta -= (long)(sb.len - d.off);
            }
            add_drop(c, &drops, &ndrops, &cap, &d);
            gone += !replace;
        } else {
            sb_add(&sb, t + i, (size_t)n);
        }
        if (cp == '\n') {
            line++;
            ls = i + 1;
            gone = 0;
        }
        i += (size_t)n;
    }
    if (sb.failed) {
        sb_free(&sb);
        return -1;
    }
    if (ndrops) {
        char *s = ar_strndup(c->ar, sb.s ? sb.s : "", sb.len);
        if (!s) {
            sb_free(&sb);
            return -1;
        }
        c->text = s;
        c->len = sb.len;
    }
    sb_free(&sb);
    c->drops = drops;
    c->ndrops = ndrops;
    return 0;
}

int imp_input_col(const imp_ctx *c, int line, int col)
{
    int in = col;
    for (size_t i = 0; i < c->ndrops && c->drops[i].line <= line; i++)
        if (c->drops[i].line == line && c->drops[i].col <= col)
            in += c->drops[i].chars;
    return in;
}

size_t imp_input_off(const imp_ctx *c, size_t off)
{
    long in = (long)off;
    for (size_t i = 0; i < c->ndrops && c->drops[i].off < off; i++)
        in += c->drops[i].delta;
    return (size_t)in;
}

/* ---- the model made writable ---- */

/* Nothing but spaces, tabs and U+3000: a line the source cannot hold (a
 * blank line ends a paragraph). */
static int blank_text(const char *s)
{
    while (*s == ' ' || *s == '\t' || imp_starts(s, "　"))
        s += *s == ' ' || *s == '\t' ? 1 : 3;
    return !*s;
}

/* Printed lines of a head element: a title, kicker or deck runs to a few
 * lines; the parser reads a paragraph of at most 4096 (input/blocks.c). */
#define HEAD_MAX_LINES 64

static void tidy_lines(imp_ctx *c, imp_lines *l, int line)
{
    size_t out = 0;
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i] && !blank_text(l->v[i]))
            l->v[out++] = l->v[i];
    l->n = out;
    if (l->n <= HEAD_MAX_LINES)
        return;
    /* no head prints that many lines: the rest run on in the last one */
    const char *t = l->v[HEAD_MAX_LINES - 1];
    for (size_t i = HEAD_MAX_LINES; i < l->n; i++)
        t = ar_printf(c->ar, "%s %s", t, l->v[i]);
    imp_note(c, IMP_R_ROLE, line, 1, 1, "head of %zu lines: lines %d and "
             "after set as one", l->n, HEAD_MAX_LINES);
    l->v[HEAD_MAX_LINES - 1] = t;
    l->n = HEAD_MAX_LINES;
}

static int has_head(const imp_art *a)
{
    return a->kicker.n || a->subtitle.n || a->deck.n || a->pinyin.n ||
           a->date.n || a->nbylines;
}

/* Blank head lines, bylines and blocks dropped (they hold no text); an
 * article left with text but no title gets the placeholder title and a
 * warning, as one that never had a title block. */
static void tidy_art(imp_ctx *c, imp_art *a)
{
    imp_lines *heads[] = {&a->kicker, &a->title, &a->subtitle, &a->deck,
                          &a->pinyin, &a->date};
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
        tidy_lines(c, heads[i], a->line);
    size_t out = 0;
    for (size_t i = 0; i < a->nbylines; i++)
        if (a->bylines[i].name && !blank_text(a->bylines[i].name))
            a->bylines[out++] = a->bylines[i];
    a->nbylines = out;
    out = 0;
    for (size_t i = 0; i < a->nblocks; i++)
        if (a->blocks[i].text && !blank_text(a->blocks[i].text))
            a->blocks[out++] = a->blocks[i];
    a->nblocks = out;
    if (a->column && blank_text(a->column))
        a->column = NULL;
    if (!a->title.n && (a->nblocks || has_head(a))) {
        imp_warn(c, a->line, 1, "article without a title: its text is kept "
                 "under a title to be filled in");
        imp_push_line(c, &a->title, "（标题）");
    }
}

/* Every article the source can hold: articles left with nothing in them
 * are dropped, each reported. */
static void tidy(imp_ctx *c)
{
    imp_doc *d = &c->doc;
    size_t out = 0;
    for (size_t i = 0; i < d->narts; i++) {
        imp_art *a = &d->arts[i];
        tidy_art(c, a);
        if (!a->title.n) {
            imp_warn(c, a->line, 1, "an article with no text left in it "
                     "dropped");
            continue;
        }
        d->arts[out++] = *a;
    }
    d->narts = out;
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

/* Kind (*kind, detected when AUTO) and publication, the text cleaned of
 * what may not be set, the reader, the ids: the issue in c->doc. */
static int read_issue(imp_ctx *c, in_kind *kind, const char *publication)
{
    if (check_utf8(c))
        return -1;
    if (*kind == IN_KIND_AUTO)
        *kind = imp_detect_kind(c->text, c->len);
    if (publication)
        c->pub = strcmp(publication, "jincheng") ? IMP_PUB_TIANJIN
                                                 : IMP_PUB_JINCHENG;
    else
        c->pub = imp_detect_pub(c->text, c->len);
    if (settle_text(c, *kind))
        return -1;
    if (c->pub == IMP_PUB_NONE)
        imp_warn(c, 1, 1, "publication not recognised (neither 天津 nor 晋城 "
                 "in the text); give --publication");
    c->doc.publication = pub_name(c->pub);
    if (*kind == IN_KIND_RAW ? imp_read_raw(c) : imp_read_md(c))
        return -1;
    tidy(c);
    if (!c->doc.narts) {
        /* an issue is its articles: a cover alone makes no source */
        diag_error(c->d, (diag_pos){c->input, 1, 1}, "no article text found "
                   "(only cover, contents or page furniture): nothing to "
                   "import");
        return -1;
    }
    c->doc.style = c->style;
    if (!c->style)
        imp_warn(c, 1, 1, "no known house style fits; the source names none "
                 "(give --style to 'bulletin build')");
    assign_ids(c);
    return 0;
}

static int run(imp_ctx *c, const in_import_opts *o)
{
    in_kind kind = o->kind;
    if (read_issue(c, &kind, o->publication))
        return -1;
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
    int rc = c.ar ? run(&c, o) : -1;
    ar_free(c.ar);
    free(text);
    return rc;
}

char *imp_import_text(const char *name, const char *text, size_t len,
                      in_kind kind, const char *publication, diag_ctx *d,
                      size_t *outlen)
{
    imp_ctx c;
    memset(&c, 0, sizeof c);
    c.d = d;
    c.input = name;
    c.ar = ar_new();
    char *copy = c.ar ? ar_strndup(c.ar, text, len) : NULL;
    char *out = NULL;
    c.text = copy;
    c.len = len;
    if (copy && !read_issue(&c, &kind, publication)) {
        const char *s = imp_source_text(&c, outlen);
        if (s && (out = malloc(*outlen + 1)))
            memcpy(out, s, *outlen + 1);
    }
    ar_free(c.ar);
    return out;
}
