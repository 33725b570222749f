/* source.c: the imported issue written as an issue source
 * (docs/source-format.md): front matter, articles, everything the parser
 * would misread escaped; checked with the parser */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../input/input.h"
#include "imp.h"

/* ---- escaping ---- */

/* ASCII marks the inline parser reads as markup (input/inline.c). */
static int inline_special(char ch)
{
    return ch == '\\' || ch == '*' || ch == '[' || ch == ']' || ch == '<' ||
           ch == '`' || ch == '!';
}

/* Bytes of the indent the parser skips at a line's start: spaces,
 * tabs and U+3000 (input/blocks.c). */
static size_t indent_len(const char *s, size_t len)
{
    size_t i = 0;
    for (;;) {
        if (i < len && (s[i] == ' ' || s[i] == '\t'))
            i++;
        else if (i + 2 < len && !memcmp(s + i, "\xE3\x80\x80", 3))
            i += 3;
        else
            return i;
    }
}

/* Text of a paragraph-like line: inline marks escaped, and a start that
 * would open a heading, list item, quote, div or rule (after the indent
 * the parser skips) escaped too. */
static void esc_text(sb_buf *sb, const char *s, size_t len, int line_start)
{
    size_t in = line_start ? indent_len(s, len) : 0;
    if (in && in < len) {
        sb_add(sb, s, in);
        s += in;
        len -= in;
    }
    if (line_start && len) {
        size_t d = 0;
        while (d < len && s[d] >= '0' && s[d] <= '9')
            d++;
        if (d && d < 10 && d < len && (s[d] == '.' || s[d] == ')') &&
            (d + 1 == len || s[d + 1] == ' ' || s[d + 1] == '\t')) {
            /* "1. " would open a numbered item, and so would "1." ending
             * a title line before its attributes */
            sb_add(sb, s, d);
            sb_addc(sb, '\\');
            s += d;
            len -= d;
        } else if (strchr("#-+>:=_|{~", s[0]) || (s[0] == '*')) {
            sb_addc(sb, '\\');
            sb_addc(sb, s[0]);
            s++;
            len--;
        }
    }
    for (size_t i = 0; i < len; i++) {
        if (inline_special(s[i]))
            sb_addc(sb, '\\');
        else if (s[i] == '{' && i == len - 1)
            sb_addc(sb, '\\');
        sb_addc(sb, s[i]);
    }
}

static void esc_all(sb_buf *sb, const char *s, int line_start)
{
    esc_text(sb, s, strlen(s), line_start);
}

/* The text of an ATX heading line: a '#' could close it (input/blocks.c);
 * when attributes do not follow (attrs 0), a closing "{…}" would be read
 * as them, so an empty block {-} ends such a line. */
static void esc_heading(sb_buf *sb, const char *s, int attrs)
{
    size_t from = sb->len;
    for (; *s; s++) {
        if (*s == '#' || inline_special(*s) || (*s == '{' && !s[1]))
            sb_addc(sb, '\\');
        sb_addc(sb, *s);
    }
    if (!attrs && !sb->failed && sb->len > from && sb->s[sb->len - 1] == '}' &&
        memchr(sb->s + from, '{', sb->len - from))
        sb_adds(sb, " {-}");
}

/* Characters a YAML scalar holds only escaped: libyaml reads NEL, LS
 * and PS as line breaks and a BOM as a stream mark, wherever they are. */
static const struct {
    const char *ch, *esc;
} yaml_escapes[] = {
    {"\"", "\\\""}, {"\\", "\\\\"}, {"\n", "\\n"}, {"\t", "\\t"},
    {"\xC2\x85", "\\N"},       /* U+0085 next line */
    {"\xE2\x80\xA8", "\\L"},   /* U+2028 line separator */
    {"\xE2\x80\xA9", "\\P"},   /* U+2029 paragraph separator */
    {"\xEF\xBB\xBF", "\\uFEFF"}, /* byte-order mark */
};

static size_t yaml_escape_at(const char *s)
{
    for (size_t k = 0; k < sizeof yaml_escapes / sizeof *yaml_escapes; k++)
        if (imp_starts(s, yaml_escapes[k].ch))
            return k + 1;
    return 0;
}

/* A YAML scalar: plain when safe, else double-quoted. */
static void yaml_str(sb_buf *sb, const char *s)
{
    int quote = !*s || strpbrk(s, ":#[]{},\"'\\&*!|>%@`\n\t") ||
                strchr("-? ", s[0]) || s[strlen(s) - 1] == ' ';
    for (const char *p = s; *p && !quote; p++)
        quote = yaml_escape_at(p) > 0;
    if (!quote) {
        sb_adds(sb, s);
        return;
    }
    sb_addc(sb, '"');
    while (*s) {
        size_t k = yaml_escape_at(s);
        if (k) {
            sb_adds(sb, yaml_escapes[k - 1].esc);
            s += strlen(yaml_escapes[k - 1].ch);
        } else {
            sb_addc(sb, *s++);
        }
    }
    sb_addc(sb, '"');
}

/* Characters an attribute value cannot hold (input/attrs.c reads it up
 * to its closing quote, and an attribute block up to its braces, with no
 * escapes) and the full-width forms that stand for them. */
static const struct {
    char ascii;
    const char *full;
} attr_subst[] = {
    {'"', "＂"}, {'{', "｛"}, {'}', "｝"},
};

/* A quoted attribute value; the marks it cannot hold written full width,
 * each a repair of the import. */
static void attr_val(imp_ctx *c, sb_buf *sb, const char *s, int line)
{
    sb_addc(sb, '"');
    for (; *s; s++) {
        size_t k = 0;
        while (k < sizeof attr_subst / sizeof *attr_subst &&
               attr_subst[k].ascii != *s)
            k++;
        if (k == sizeof attr_subst / sizeof *attr_subst) {
            sb_addc(sb, *s);
            continue;
        }
        sb_adds(sb, attr_subst[k].full);
        imp_note(c, IMP_R_PUNCT, line, 1, 1, "%c → %s in an attribute of the "
                 "article's head", *s, attr_subst[k].full);
    }
    sb_addc(sb, '"');
}

/* ---- front matter ---- */

static void fm_list(sb_buf *sb, const char *key, const imp_lines *l)
{
    if (!l->nlines)
        return;
    sb_printf(sb, "%s:\n", key);
    for (size_t i = 0; i < l->nlines; i++) {
        sb_adds(sb, "  - ");
        yaml_str(sb, l->lines[i]);
        sb_addc(sb, '\n');
    }
}

static void fm_toc(sb_buf *sb, const imp_doc *doc)
{
    if (!doc->ntoc)
        return;
    sb_adds(sb, "contents:\n");
    for (size_t i = 0; i < doc->ntoc; i++) {
        const imp_tocent *e = &doc->toc[i];
        sb_printf(sb, "  - {page: %d", e->page);
        if (e->column) {
            sb_adds(sb, ", column: ");
            yaml_str(sb, e->column);
        }
        sb_adds(sb, ", title: ");
        yaml_str(sb, e->title);
        if (e->author) {
            sb_adds(sb, ", author: ");
            yaml_str(sb, e->author);
        }
        sb_adds(sb, "}\n");
    }
}

static void front_matter(sb_buf *sb, const imp_doc *doc)
{
    sb_adds(sb, "---\npublication: ");
    yaml_str(sb, doc->publication ? doc->publication : "");
    sb_adds(sb, "\n");
    if (doc->style)
        sb_printf(sb, "style: %s\n", doc->style);
    if (doc->year)
        sb_printf(sb, "year: %d\n", doc->year);
    if (doc->issue)
        sb_printf(sb, "issue: %d\n", doc->issue);
    if (doc->total)
        sb_printf(sb, "total: %d\n", doc->total);
    const char *keys[] = {"date", "label", "sponsor"};
    const char *vals[] = {doc->date, doc->label, doc->sponsor};
    for (int i = 0; i < 3; i++)
        if (vals[i]) {
            sb_printf(sb, "%s: ", keys[i]);
            yaml_str(sb, vals[i]);
            sb_addc(sb, '\n');
        }
    fm_list(sb, "digest", &doc->digest);
    fm_list(sb, "board", &doc->board);
    fm_list(sb, "contact", &doc->contact);
    fm_toc(sb, doc);
    sb_adds(sb, "---\n");
}

/* ---- articles ---- */

/* A head element as a bracketed span, inner lines ending with "\". */
static void span(sb_buf *sb, const imp_lines *l, const char *cls)
{
    if (!l->nlines)
        return;
    sb_addc(sb, '[');
    for (size_t i = 0; i < l->nlines; i++) {
        esc_all(sb, l->lines[i], i > 0); /* lines after the first start lines */
        if (i + 1 < l->nlines)
            sb_adds(sb, "\\\n");
    }
    sb_printf(sb, "]{.%s}\n\n", cls);
}

static size_t display_width(const char *s)
{
    return u8_count(s, strlen(s)) * 2;
}

static void write_title(imp_ctx *c, sb_buf *sb, const imp_art *a)
{
    sb_buf at;
    sb_init(&at);
    sb_printf(&at, "{#%s", a->id);
    if (a->page > 0)
        sb_printf(&at, " page=%d", a->page);
    if (a->single)
        sb_adds(&at, " .single-column");
    if (a->part)
        sb_adds(&at, " .part");
    if (imp_untitled(a))
        sb_adds(&at, " .untitled");
    if (a->toc) {
        sb_adds(&at, " toc=");
        attr_val(c, &at, a->toc, a->line);
    }
    sb_addc(&at, '}');
    if (a->title.nlines <= 1) {
        sb_adds(sb, "## ");
        esc_heading(sb, a->title.nlines ? a->title.lines[0] : "", 1);
        sb_printf(sb, " %s\n\n", at.s);
    } else {
        size_t w = 3;
        for (size_t i = 0; i < a->title.nlines; i++) {
            esc_all(sb, a->title.lines[i], 1);
            if (i + 1 < a->title.nlines)
                sb_adds(sb, "\\\n");
            if (display_width(a->title.lines[i]) > w)
                w = display_width(a->title.lines[i]);
        }
        sb_printf(sb, " %s\n", at.s);
        for (size_t i = 0; i < w; i++)
            sb_addc(sb, '-');
        sb_adds(sb, "\n\n");
    }
    sb_free(&at);
}

static void bylines(imp_ctx *c, sb_buf *sb, const imp_art *a)
{
    for (size_t i = 0; i < a->nbylines; i++) {
        sb_addc(sb, '[');
        esc_all(sb, a->bylines[i].name, 0);
        sb_adds(sb, "]{.byline");
        if (a->bylines[i].position) {
            sb_adds(sb, " position=");
            attr_val(c, sb, a->bylines[i].position, a->line);
        }
        sb_adds(sb, "}\n\n");
    }
}

static void para(sb_buf *sb, const imp_block *b)
{
    if (b->bold) {
        sb_adds(sb, "**");
        esc_text(sb, b->text, b->bold, 0);
        sb_adds(sb, "**");
        esc_all(sb, b->text + b->bold, 0);
    } else {
        esc_all(sb, b->text, 1);
    }
    sb_addc(sb, '\n');
}

/* Close the div or list the previous block left open. */
static void close_group(sb_buf *sb, imp_bkind prev, imp_bkind next)
{
    if (prev == next)
        return;
    if (prev == IB_EDNOTE || prev == IB_BOX)
        sb_adds(sb, ":::\n\n");
    else if (prev == IB_ITEM)
        sb_addc(sb, '\n');
}

static void block(sb_buf *sb, const imp_block *b, imp_bkind prev)
{
    close_group(sb, prev, b->kind);
    switch (b->kind) {
    case IB_HEAD:
    case IB_SUBHEAD:
        sb_adds(sb, b->kind == IB_HEAD ? "### " : "#### ");
        esc_heading(sb, b->text, 0);
        sb_adds(sb, "\n\n");
        break;
    case IB_NUMBER:
        sb_adds(sb, "### ");
        esc_heading(sb, b->text, 1);
        sb_adds(sb, " {.number}\n\n");
        break;
    case IB_ITEM:
        sb_adds(sb, "- ");
        esc_all(sb, b->text, 0);
        sb_addc(sb, '\n');
        break;
    case IB_NOTE:
        sb_addc(sb, '[');
        esc_all(sb, b->text, 0);
        sb_adds(sb, "]{.note}\n\n");
        break;
    case IB_FIGURE:
        sb_adds(sb, "![");
        esc_all(sb, b->text, 0);
        sb_adds(sb, "]()\n\n");
        break;
    case IB_EDNOTE:
    case IB_BOX:
        if (prev != b->kind)
            sb_adds(sb, b->kind == IB_EDNOTE ? "::: editor-note\n"
                                             : "::: box\n");
        else
            sb_addc(sb, '\n');
        para(sb, b);
        break;
    case IB_PARA:
        para(sb, b);
        sb_addc(sb, '\n');
        break;
    }
}

static void article(imp_ctx *c, sb_buf *sb, const imp_art *a)
{
    span(sb, &a->kicker, "kicker");
    write_title(c, sb, a);
    span(sb, &a->subtitle, "subtitle");
    span(sb, &a->pinyin, "pinyin");
    bylines(c, sb, a);
    span(sb, &a->date, "date");
    span(sb, &a->deck, "deck");
    imp_bkind prev = IB_PARA;
    for (size_t i = 0; i < a->nblocks; i++) {
        block(sb, &a->blocks[i], prev);
        prev = a->blocks[i].kind;
    }
    close_group(sb, prev, IB_PARA);
}

char *imp_source_text(imp_ctx *c, size_t *len)
{
    sb_buf sb;
    sb_init(&sb);
    front_matter(&sb, &c->doc);
    const char *col = NULL;
    for (size_t i = 0; i < c->doc.narts; i++) {
        const imp_art *a = &c->doc.arts[i];
        sb_addc(&sb, '\n');
        if (a->column && (!col || strcmp(col, a->column))) {
            sb_adds(&sb, "# ");
            esc_heading(&sb, a->column, 0);
            sb_adds(&sb, "\n\n");
            col = a->column;
        }
        article(c, &sb, a);
        while (sb.len > 1 && sb.s[sb.len - 1] == '\n' && sb.s[sb.len - 2] == '\n')
            sb.len--;
    }
    /* one newline at the end */
    while (sb.len > 1 && sb.s[sb.len - 1] == '\n' && sb.s[sb.len - 2] == '\n')
        sb.len--;
    char *out = sb.failed ? NULL : ar_strndup(c->ar, sb.s, sb.len);
    *len = sb.len;
    sb_free(&sb);
    return out;
}

/* ---- files ---- */

typedef struct bytes {
    const char *text;
    size_t len;
} bytes;

static int put_bytes(void *ctx, FILE *f)
{
    const bytes *b = ctx;
    return fwrite(b->text, 1, b->len, f) == b->len ? 0 : -1;
}

int imp_write_file(imp_ctx *c, const char *path, const char *s, size_t len)
{
    bytes b = {s, len};
    return file_write(path, put_bytes, &b, c->files, c->diag);
}

/* What the parser says of the source made: an import that succeeds
 * gives a source that builds, else its errors are shown at their place
 * in the output, which is written for the editor to mend. */
static int parses(imp_ctx *c, const char *path, const char *s, size_t len)
{
    ar_arena *ar = ar_new();
    diag_ctx quiet;
    diag_init(&quiet, c->diag->out);
    const doc_issue *doc;
    quiet.max_warnings = -1; /* its warnings were the importer's to give */
    int rc = ar ? in_parse_text(path ? path : "(standard output)", s, len,
                                NULL, ar, &quiet, &doc)
                : -1;
    ar_free(ar);
    if (rc)
        diag_error(c->diag, (diag_pos){path ? path : c->input, 0, 0},
                   "the import made a source that does not parse (the errors "
                   "above); it is written so that they can be mended");
    return rc;
}

int imp_write_source(imp_ctx *c, const char *path)
{
    size_t len;
    char *s = imp_source_text(c, &len);
    if (!s)
        return -1;
    int rc = path ? imp_write_file(c, path, s, len)
                  : fwrite(s, 1, len, stdout) == len ? 0 : -1;
    return rc ? rc : parses(c, path, s, len);
}
