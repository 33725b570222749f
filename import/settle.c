/* settle.c: the input without the characters that may not be set (util's
 * one rule, u8_unsettable), and positions in the text read mapped back
 * to the input */
#include <string.h>

#include "imp.h"

/* Form feeds opening a line of a raw extraction: pdftotext's page
 * break, read as the leading space the importer takes for a page start
 * (docs/import.md, Pages). Returns how many bytes at s are such. */
static size_t page_feeds(const char *text, const char *s, im_kind kind)
{
    if (kind != IM_KIND_RAW || (s > text && s[-1] != '\n'))
        return 0;
    size_t n = 0;
    while (s[n] == '\f')
        n++;
    return n;
}

static void add_drop(imp_ctx *c, imp_settled *out, size_t *cap,
                     const imp_drop *drop)
{
    imp_drop *d = out->ndrops ? &out->drops[out->ndrops - 1] : NULL;
    if (d && d->off == drop->off) { /* a run of removed ones */
        d->delta += drop->delta;
        d->chars += drop->chars;
        return;
    }
    if ((d = AR_PUSH(c->ar, out->drops, out->ndrops, *cap)))
        *d = *drop;
}

/* Where the scan of the input stands. */
typedef struct settle_pos {
    int line;   /* input line */
    size_t ls;  /* offset of its start */
    int gone;   /* characters removed from the line so far */
    size_t cap, capchars;
} settle_pos;

/* The character cp (n bytes at offset i) that may not be set: recorded,
 * and removed or set as U+FFFD in sb. */
static void take_out(imp_ctx *c, imp_settled *out, settle_pos *at, sb_buf *sb,
                     size_t i, uint32_t cp, int n, const char *what,
                     int replace)
{
    int col = (int)u8_count(c->text + at->ls, i - at->ls) + 1;
    imp_unsettable *u = AR_PUSH(c->ar, out->chars, out->nchars, at->capchars);
    if (u)
        *u = (imp_unsettable){at->line, col, cp, what, replace};
    imp_drop d = {sb->len, (long)n, at->line, col - at->gone, !replace};
    if (replace) {
        sb_addcp(sb, 0xFFFD);
        d.delta -= (long)(sb->len - d.off);
    }
    add_drop(c, out, &at->cap, &d);
    at->gone += !replace;
}

/* The text read, its drops and the characters taken out, from c->text;
 * a CR before a LF is a line end, left to the readers. */
int imp_settle(imp_ctx *c, im_kind kind, imp_settled *out)
{
    const char *t = c->text;
    sb_buf sb;
    settle_pos at = {1, 0, 0, 0, 0};
    size_t feeds = 0; /* form feeds made spaces: a change with no drop */
    memset(out, 0, sizeof *out);
    sb_init(&sb);
    for (size_t i = 0; i < c->len;) {
        size_t ff = page_feeds(t, t + i, kind);
        if (ff) {
            for (size_t k = 0; k < ff; k++)
                sb_addc(&sb, ' ');
            i += ff;
            feeds += ff;
            continue;
        }
        uint32_t cp;
        int n = u8_decode(t + i, c->len - i, &cp), replace = 0;
        const char *what = cp == '\r' && i + 1 < c->len && t[i + 1] == '\n'
                               ? NULL
                               : u8_unsettable(cp, &replace);
        if (what)
            take_out(c, out, &at, &sb, i, cp, n, what, replace);
        else
            sb_add(&sb, t + i, (size_t)n);
        if (cp == '\n') {
            at.line++;
            at.ls = i + 1;
            at.gone = 0;
        }
        i += (size_t)n;
    }
    out->text = c->text;
    out->len = c->len;
    if (!sb.failed && (out->ndrops || feeds)) {
        out->text = ar_strndup(c->ar, sb.s ? sb.s : "", sb.len);
        out->len = sb.len;
    }
    int failed = sb.failed || !out->text;
    sb_free(&sb);
    return failed ? -1 : 0;
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
