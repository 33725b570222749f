/* mdblocks.c: the reader of Markdown conversions: the blocks of the text
 * (ATX and setext headings, thematic breaks, paragraphs), then the front
 * of the issue, the roles of the blocks and the articles
 * (docs/import.md, Markdown conversions) */
#include <string.h>

#include "imp.h"

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

static imp_mblock *new_mblock(imp_mdstate *m, imp_mbkind k, int line,
                              int blanks)
{
    imp_mblock *b = AR_PUSH(m->ctx->ar, m->blocks, m->nblocks, m->capblocks);
    if (b) {
        b->kind = k;
        b->line = line;
        b->blank_before = blanks;
    }
    return b;
}

static void add_mline(imp_mdstate *m, imp_mblock *b, const char *s, size_t n,
                      int line)
{
    size_t cap = b->nlines;
    b->lines = ar_grow(m->ctx->ar, (void *)b->lines, b->nlines, &cap,
                       sizeof *b->lines);
    cap = b->nlines;
    b->lnos = ar_grow(m->ctx->ar, b->lnos, b->nlines, &cap, sizeof *b->lnos);
    if (!b->lines || !b->lnos)
        return;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\r'))
        n--;
    b->lines[b->nlines] = ar_strndup(m->ctx->ar, s, n);
    b->lnos[b->nlines++] = line;
    b->text = b->text ? (char *)imp_md_join(m->ctx, b->text,
                                            b->lines[b->nlines - 1])
                      : ar_strdup(m->ctx->ar, b->lines[b->nlines - 1]);
}

static int is_rule(const char *s, size_t n)
{
    size_t k = 0, marks = 0;
    char ch = 0;
    for (; k < n; k++) {
        if (s[k] == ' ' || s[k] == '\r')
            continue;
        if ((s[k] != '-' && s[k] != '*' && s[k] != '_') || (ch && s[k] != ch))
            return 0;
        ch = s[k];
        marks++;
    }
    return marks >= 3;
}

/* A setext underline under a paragraph's lines: its heading level, 1
 * for "===", 2 for "---"; 0 when it is none. */
static int setext(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && k < 3 && s[k] == ' ')
        k++;
    char ch = k < n ? s[k] : 0;
    if (ch != '=' && ch != '-')
        return 0;
    while (k < n && s[k] == ch)
        k++;
    return blank(s + k, n - k) ? (ch == '=' ? 1 : 2) : 0;
}

/* An ATX heading line (n bytes at t): a block of its own. */
static int atx_heading(imp_mdstate *m, const char *t, size_t n, int line,
                       int blanks)
{
    size_t lv = strspn(t, "#"), k = lv;
    while (k < n && t[k] == ' ')
        k++;
    size_t z = n;
    while (z > k && (t[z - 1] == '#' || t[z - 1] == ' ' || t[z - 1] == '\r'))
        z--;
    imp_mblock *b = new_mblock(m, MB_HEAD, line, blanks);
    if (!b)
        return -1;
    b->level = (int)lv;
    add_mline(m, b, t + k, z - k, line);
    return 0;
}

/* Where the split stands: the paragraph going on, blank lines before. */
typedef struct split_state {
    imp_mblock *cur;
    int line, blanks;
} split_state;

/* One line of the text, n bytes at t, into the blocks. */
static int split_line(imp_mdstate *m, split_state *st, const char *t,
                      size_t n)
{
    if (blank(t, n)) {
        st->cur = NULL;
        st->blanks++;
        if (m->nblocks)
            m->blocks[m->nblocks - 1].blank_after = st->blanks;
        return 0;
    }
    if (*t == '#' && (n > 1 && (t[strspn(t, "#")] == ' '))) {
        st->cur = NULL;
        if (atx_heading(m, t, n, st->line, st->blanks))
            return -1;
    } else if (st->cur && st->cur->kind == MB_PARA && setext(t, n)) {
        st->cur->kind = MB_HEAD; /* the underline of the lines above */
        st->cur->level = setext(t, n);
        st->cur = NULL;
    } else if (!st->cur && is_rule(t, n)) {
        /* its line is its text: every block has text and a line */
        imp_mblock *b = new_mblock(m, MB_RULE, st->line, st->blanks);
        if (!b)
            return -1;
        add_mline(m, b, t, n, st->line);
    } else {
        if (!st->cur &&
            !(st->cur = new_mblock(m, MB_PARA, st->line, st->blanks)))
            return -1;
        size_t k = 0;
        while (k < n && t[k] == ' ')
            k++;
        add_mline(m, st->cur, t + k, n - k, st->line);
    }
    st->blanks = 0;
    return 0;
}

static int split_blocks(imp_mdstate *m)
{
    const char *t = m->ctx->text, *end = t + m->ctx->len;
    split_state st = {NULL, 0, 0};
    while (t < end) {
        const char *e = memchr(t, '\n', (size_t)(end - t));
        if (!e)
            e = end;
        st.line++;
        if (split_line(m, &st, t, (size_t)(e - t)))
            return -1;
        t = e + 1;
    }
    return 0;
}

/* The issue's text without spaces, for telling a title's spurious
 * spaces. */
static const char *body_text(imp_mdstate *m, size_t from)
{
    sb_buf sb;
    sb_init(&sb);
    for (size_t k = from; k < m->nblocks; k++)
        if (m->blocks[k].kind == MB_PARA && !m->blocks[k].used)
            sb_adds(&sb, m->blocks[k].text);
    const char *t = imp_nospace(m->ctx->ar, sb.s ? sb.s : "");
    sb_free(&sb);
    return t;
}

int imp_read_md(imp_ctx *c)
{
    imp_mdstate m;
    memset(&m, 0, sizeof m);
    m.ctx = c;
    if (split_blocks(&m))
        return -1;
    if (!m.nblocks) {
        diag_error(c->diag, (diag_pos){c->input, 1, 1}, "no text to import");
        return -1;
    }
    size_t from = imp_md_front(c, m.blocks, m.nblocks);
    m.body = body_text(&m, from);
    imp_md_roles(&m, from);
    imp_md_articles(&m);
    c->style = imp_style_for_year(c);
    c->detect_note = "Markdown conversion";
    return 0;
}
