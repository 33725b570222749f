/* inline.c: inline markup of a paragraph: bold, emphasis, spans, escapes,
 * line breaks. Emphasis pairs delimiters in order, without CommonMark's
 * flanking rules, so **“重点”** works next to Chinese punctuation. */
#include <stdlib.h>
#include <string.h>

#include "parse.h"

/* Marks of the delimiter pre-pass, one byte per buffer byte. */
enum { MK_NONE, MK_BOLD, MK_EM, MK_BOLD_EM };

/* Bracketed spans nest at most this deep; deeper '[' are kept as text.
 * Real sources nest two levels; the limit bounds the recursion of
 * il_emit, so 10,000 nested spans cannot exhaust the stack. */
#define IL_MAX_NEST 16

typedef struct il_ctx {
    in_parser *p;
    char *buf;         /* segments joined with '\n' */
    size_t len;
    const in_seg *segs;
    size_t nsegs;
    size_t *segoff;    /* offset of each segment in buf */
    unsigned char *mark;
    unsigned flags;
    doc_face face;
    doc_span *spans;
    size_t nspans, cap;
    sb_buf cur;        /* text of the span being collected */
    doc_pos cur_pos;
    int cur_open;
    uint32_t last_cp;  /* last non-blank character emitted, for soft breaks */
    int depth;         /* nesting of bracketed spans being emitted */
    /* the last position computed: il_pos counts on from it, so that a
     * line with many spans costs linear, not quadratic, time */
    size_t pc_seg, pc_rel;
    int pc_col;
} il_ctx;

static doc_pos il_pos(il_ctx *c, size_t off)
{
    size_t i = 0;
    if (c->pc_seg < c->nsegs && c->segoff[c->pc_seg] + c->pc_rel <= off)
        i = c->pc_seg;
    while (i + 1 < c->nsegs && c->segoff[i + 1] <= off)
        i++;
    const in_seg *s = &c->segs[i];
    size_t rel = off - c->segoff[i];
    if (rel > s->len)
        rel = s->len;
    size_t from = i == c->pc_seg && c->pc_rel <= rel ? c->pc_rel : 0;
    int col = from ? c->pc_col : s->col;
    col += (int)u8_count(s->s + from, rel - from);
    c->pc_seg = i;
    c->pc_rel = rel;
    c->pc_col = col;
    return in_pos(c->p, s->lineno, col);
}

static int il_join(il_ctx *c)
{
    size_t total = 0;
    for (size_t i = 0; i < c->nsegs; i++)
        total += c->segs[i].len + 1;
    c->buf = malloc(total + 1);
    c->segoff = malloc((c->nsegs + 1) * sizeof *c->segoff);
    c->mark = calloc(total + 1, 1);
    if (!c->buf || !c->segoff || !c->mark)
        return -1;
    size_t o = 0;
    for (size_t i = 0; i < c->nsegs; i++) {
        c->segoff[i] = o;
        memcpy(c->buf + o, c->segs[i].s, c->segs[i].len);
        o += c->segs[i].len;
        if (i + 1 < c->nsegs)
            c->buf[o++] = '\n';
    }
    c->buf[o] = '\0';
    c->len = o;
    return 0;
}

static void il_release(il_ctx *c)
{
    free(c->buf);
    free(c->segoff);
    free(c->mark);
    sb_free(&c->cur);
}

/* ---- span collection ---- */

static void il_flush(il_ctx *c)
{
    if (!c->cur_open)
        return;
    c->cur_open = 0;
    if (c->cur.len == 0)
        return;
    doc_span *s = AR_PUSH(c->p->ar, c->spans, c->nspans, c->cap);
    if (!s)
        return;
    s->text = ar_strndup(c->p->ar, c->cur.s, c->cur.len);
    s->len = c->cur.len;
    s->flags = c->flags;
    s->face = c->face;
    s->pos = c->cur_pos;
    sb_clear(&c->cur);
}

static void il_add(il_ctx *c, size_t off, const char *s, size_t n)
{
    if (!c->cur_open) {
        c->cur_open = 1;
        c->cur_pos = il_pos(c, off);
        sb_clear(&c->cur);
    }
    sb_add(&c->cur, s, n);
    /* a blank before the line end is dropped there: "hello \nworld"
     * still joins two Latin words */
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)u8_decode(s + i, n - i, &cp);
        if (cp != ' ' && cp != '\t')
            c->last_cp = cp;
    }
}

static void il_break(il_ctx *c, size_t off)
{
    il_flush(c);
    if (c->nspans && !(c->spans[c->nspans - 1].flags & DOC_BREAK) &&
        c->spans[c->nspans - 1].pos.line == il_pos(c, off).line) {
        c->spans[c->nspans - 1].flags |= DOC_BREAK;
        return;
    }
    doc_span *s = AR_PUSH(c->p->ar, c->spans, c->nspans, c->cap);
    if (!s)
        return;
    s->text = "";
    s->flags = c->flags | DOC_BREAK;
    s->face = c->face;
    s->pos = il_pos(c, off);
}

/* ---- delimiter pre-pass ---- */

static int is_ascii_punct(char ch)
{
    return ch > 32 && ch < 127 &&
           !((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
             (ch >= '0' && ch <= '9'));
}

/* Pair delimiter marks of one kind in order; an odd last one is text. */
static void il_pair(il_ctx *c, int kind, const char *what)
{
    size_t count = 0, last = 0;
    for (size_t i = 0; i < c->len; i++)
        if (c->mark[i] == kind || c->mark[i] == MK_BOLD_EM) {
            count++;
            last = i;
        }
    if (count % 2 == 0)
        return;
    c->mark[last] = c->mark[last] == MK_BOLD_EM
                        ? (kind == MK_BOLD ? MK_EM : MK_BOLD)
                        : MK_NONE;
    diag_warn(c->p->d, il_pos(c, last), "unmatched '%s' kept as text; "
              "write '\\*' for a literal asterisk", what);
}

static void il_scan_delims(il_ctx *c)
{
    for (size_t i = 0; i < c->len; i++) {
        char ch = c->buf[i];
        if (ch == '\\' && i + 1 < c->len) {
            i++;
            continue;
        }
        if (ch == '`') { /* code spans hold no delimiters */
            const char *e = memchr(c->buf + i + 1, '`', c->len - i - 1);
            if (e)
                i = (size_t)(e - c->buf);
            continue;
        }
        if (ch != '*')
            continue;
        size_t n = 1;
        while (i + n < c->len && c->buf[i + n] == '*')
            n++;
        if (n <= 3)
            c->mark[i] = n == 1 ? MK_EM : n == 2 ? MK_BOLD : MK_BOLD_EM;
        i += n - 1;
    }
    il_pair(c, MK_BOLD, "**");
    il_pair(c, MK_EM, "*");
}

/* ---- emission ---- */

static int is_latin(uint32_t cp)
{
    return (cp < 0x80 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) ||
           (cp >= '0' && cp <= '9') || (cp >= 0xC0 && cp < 0x250);
}

static void il_emit(il_ctx *c, size_t start, size_t end);

static void il_emit_nested(il_ctx *c, size_t start, size_t end)
{
    c->depth++;
    il_emit(c, start, end);
    c->depth--;
}

/* Find the ']' matching the '[' at i, or 0. */
static size_t il_match_bracket(const il_ctx *c, size_t i, size_t end)
{
    int depth = 0;
    for (size_t j = i; j < end; j++) {
        if (c->buf[j] == '\\') {
            j++;
            continue;
        }
        if (c->buf[j] == '[')
            depth++;
        else if (c->buf[j] == ']' && --depth == 0)
            return j;
    }
    return 0;
}

static doc_face face_from_class(const char *cls)
{
    static const struct {
        const char *cls;
        doc_face face;
    } faces[] = {
        {"song", DOC_FACE_SONG},
        {"hei", DOC_FACE_HEI},
        {"kai", DOC_FACE_KAI},
        {"fangsong", DOC_FACE_FANGSONG},
    };
    for (size_t i = 0; i < sizeof faces / sizeof *faces; i++)
        if (strcmp(cls, faces[i].cls) == 0)
            return faces[i].face;
    return DOC_FACE_DEFAULT;
}

/* [text]{.class}, [text](url) or a literal '['; returns the next offset. */
static size_t il_bracket(il_ctx *c, size_t i, size_t end)
{
    if (c->depth >= IL_MAX_NEST)
        goto literal;
    size_t m = il_match_bracket(c, i, end);
    if (!m || m + 1 >= end || (c->buf[m + 1] != '{' && c->buf[m + 1] != '('))
        goto literal;
    char close = c->buf[m + 1] == '{' ? '}' : ')';
    const char *e = memchr(c->buf + m + 1, close, end - m - 1);
    if (!e || memchr(c->buf + m + 1, '\n', (size_t)(e - c->buf) - m - 1))
        goto literal;
    size_t after = (size_t)(e - c->buf) + 1;
    il_flush(c);
    if (close == ')') {
        diag_warn(c->p->d, il_pos(c, i), "link target dropped, text kept");
        il_emit_nested(c, i + 1, m);
        il_flush(c);
        return after;
    }
    in_attrs a;
    if (in_attrs_parse(c->p, c->buf + m + 1, after - m - 1, il_pos(c, m + 1),
                       &a))
        goto literal;
    doc_face saved = c->face;
    for (int k = 0; k < a.nclasses; k++) {
        doc_face f = face_from_class(a.classes[k]);
        if (f != DOC_FACE_DEFAULT)
            c->face = f;
        else
            diag_warn(c->p->d, a.pos, "unknown class '.%s' kept as plain "
                      "text", a.classes[k]);
    }
    il_emit_nested(c, i + 1, m);
    il_flush(c);
    c->face = saved;
    return after;
literal:
    il_add(c, i, "[", 1);
    return i + 1;
}

/* `code` and <http://…>: kept as text; returns the next offset or 0. */
static size_t il_code_or_url(il_ctx *c, size_t i, size_t end)
{
    char close = c->buf[i] == '`' ? '`' : '>';
    const char *e = memchr(c->buf + i + 1, close, end - i - 1);
    if (!e)
        return 0;
    size_t j = (size_t)(e - c->buf);
    if (close == '>') {
        static const char *schemes[] = {"http://", "https://", "mailto:",
                                        "www."};
        int ok = 0;
        for (size_t k = 0; k < 4; k++)
            ok |= strncmp(c->buf + i + 1, schemes[k], strlen(schemes[k])) == 0;
        if (!ok)
            return 0;
    } else {
        diag_warn(c->p->d, il_pos(c, i), "inline code kept as plain text");
    }
    il_flush(c);
    il_add(c, i + 1, c->buf + i + 1, j - i - 1);
    il_flush(c);
    return j + 1;
}

/* A line end: hard break after a backslash or two spaces, else a soft
 * break that joins the lines (with a space only between Latin words). */
static void il_newline(il_ctx *c, size_t i)
{
    size_t sp = 0;
    while (c->cur.len > sp && c->cur.s[c->cur.len - 1 - sp] == ' ')
        sp++;
    c->cur.len -= sp;
    if (c->cur.s)
        c->cur.s[c->cur.len] = '\0';
    if (sp >= 2) {
        il_break(c, i);
        return;
    }
    uint32_t next = 0;
    size_t j = i + 1;
    while (j < c->len && (c->buf[j] == '*' || c->buf[j] == '['))
        j++;
    u8_decode(c->buf + j, c->len - j, &next);
    int space = is_latin(c->last_cp) && is_latin(next);
    if (space)
        il_add(c, i, " ", 1);
    il_flush(c);
}

static void il_toggle(il_ctx *c, size_t i)
{
    il_flush(c);
    if (c->mark[i] == MK_BOLD || c->mark[i] == MK_BOLD_EM)
        c->flags ^= DOC_BOLD;
    if (c->mark[i] == MK_EM || c->mark[i] == MK_BOLD_EM)
        c->flags ^= DOC_EM;
}

static size_t il_step(il_ctx *c, size_t i, size_t end)
{
    char ch = c->buf[i];
    if (ch == '\\' && i + 1 < end && c->buf[i + 1] == '\n') {
        il_break(c, i);
        return i + 2;
    }
    if (ch == '\\' && i + 1 < end && is_ascii_punct(c->buf[i + 1])) {
        il_flush(c);
        il_add(c, i + 1, c->buf + i + 1, 1);
        return i + 2;
    }
    if (ch == '*' && c->mark[i] != MK_NONE) {
        il_toggle(c, i);
        size_t n = c->mark[i] == MK_EM ? 1 : c->mark[i] == MK_BOLD ? 2 : 3;
        return i + n;
    }
    if (ch == '\n') {
        il_newline(c, i);
        return i + 1;
    }
    if (ch == '[' || (ch == '!' && i + 1 < end && c->buf[i + 1] == '[')) {
        if (ch == '!')
            diag_warn(c->p->d, il_pos(c, i), "image inside a paragraph: "
                      "only its caption is kept; put it in a paragraph of "
                      "its own to make it a figure");
        return il_bracket(c, ch == '!' ? i + 1 : i, end);
    }
    if (ch == '`' || ch == '<') {
        size_t j = il_code_or_url(c, i, end);
        if (j)
            return j;
    }
    uint32_t cp;
    int n = u8_decode(c->buf + i, end - i, &cp);
    il_add(c, i, c->buf + i, (size_t)n);
    return i + (size_t)n;
}

static void il_emit(il_ctx *c, size_t start, size_t end)
{
    size_t i = start;
    while (i < end)
        i = il_step(c, i, end);
}

int in_inline(in_parser *p, const in_seg *segs, size_t nsegs, doc_text *out)
{
    il_ctx c;
    memset(&c, 0, sizeof c);
    c.p = p;
    c.segs = segs;
    c.nsegs = nsegs;
    memset(out, 0, sizeof *out);
    if (nsegs == 0)
        return 0;
    if (il_join(&c)) {
        il_release(&c);
        return -1;
    }
    il_scan_delims(&c);
    il_emit(&c, 0, c.len);
    /* drop trailing spaces of the paragraph */
    while (c.cur.len && c.cur.s[c.cur.len - 1] == ' ')
        c.cur.s[--c.cur.len] = '\0';
    il_flush(&c);
    out->spans = c.spans;
    out->nspans = c.nspans;
    il_release(&c);
    return 0;
}

/* ---- whole-paragraph forms ---- */

/* Cut the joined range [a, b) back into segments. */
static size_t il_slice(const il_ctx *c, size_t a, size_t b, in_seg *out)
{
    size_t n = 0;
    for (size_t i = 0; i < c->nsegs; i++) {
        size_t s0 = c->segoff[i], s1 = s0 + c->segs[i].len;
        size_t lo = a > s0 ? a : s0, hi = b < s1 ? b : s1;
        if (lo > hi || (lo == hi && n))
            continue;
        in_seg *o = &out[n++];
        o->s = c->segs[i].s + (lo - s0);
        o->len = hi - lo;
        o->lineno = c->segs[i].lineno;
        o->col = c->segs[i].col + (int)u8_count(c->segs[i].s, lo - s0);
    }
    return n;
}

static size_t trim_end(const char *s, size_t len)
{
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    return len;
}

int in_role_span(in_parser *p, const in_seg *segs, size_t nsegs,
                 in_seg *inner, size_t *ninner, in_attrs *attrs)
{
    il_ctx c;
    memset(&c, 0, sizeof c);
    c.p = p;
    c.segs = segs;
    c.nsegs = nsegs;
    int found = 0;
    if (nsegs == 0 || il_join(&c))
        goto out;
    size_t len = trim_end(c.buf, c.len);
    if (len < 4 || c.buf[0] != '[' || c.buf[len - 1] != '}')
        goto out;
    size_t m = il_match_bracket(&c, 0, len);
    if (!m || m + 1 >= len || c.buf[m + 1] != '{' ||
        memchr(c.buf + m + 1, '}', len - m - 2))
        goto out;
    if (in_attrs_parse(p, c.buf + m + 1, len - m - 1, il_pos(&c, m + 1), attrs))
        goto out;
    *ninner = il_slice(&c, 1, m, inner);
    found = 1;
out:
    il_release(&c);
    return found;
}

int in_figure_span(in_parser *p, const in_seg *segs, size_t nsegs,
                   in_seg *cap, const char **path, in_attrs *attrs)
{
    il_ctx c;
    memset(&c, 0, sizeof c);
    c.p = p;
    c.segs = segs;
    c.nsegs = nsegs;
    int found = 0;
    memset(attrs, 0, sizeof *attrs);
    if (nsegs != 1 || il_join(&c))
        goto out;
    size_t len = trim_end(c.buf, c.len);
    if (len < 5 || c.buf[0] != '!' || c.buf[1] != '[')
        goto out;
    size_t m = il_match_bracket(&c, 1, len);
    if (!m || m + 1 >= len || c.buf[m + 1] != '(')
        goto out;
    const char *e = memchr(c.buf + m + 2, ')', len - m - 2);
    if (!e)
        goto out;
    size_t after = (size_t)(e - c.buf) + 1;
    if (after < len && (c.buf[after] != '{' || c.buf[len - 1] != '}' ||
                        in_attrs_parse(p, c.buf + after, len - after,
                                       il_pos(&c, after), attrs)))
        goto out;
    *path = ar_strndup(p->ar, c.buf + m + 2, (size_t)(e - c.buf) - m - 2);
    il_slice(&c, 2, m, cap);
    found = 1;
out:
    il_release(&c);
    return found;
}
