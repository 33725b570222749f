/* blocks.c: the block structure of the body: headings, paragraphs, list
 * items, fenced divs, quotes, rules; fed line by line to build.c */
#include <stdlib.h>
#include <string.h>

#include "parse.h"

/* Paragraphs longer than this many lines are certainly a missing blank
 * line; the limit only bounds the segment buffer. */
#define BL_MAX_LINES 4096

typedef enum bl_open { BL_NONE, BL_PARA, BL_ITEM, BL_CODE } bl_open;

typedef struct bl_state {
    in_parser *p;
    bl_open open;
    in_role quote;       /* IN_ROLE_QUOTE while the paragraph is in '>' */
    in_seg segs[BL_MAX_LINES];
    size_t nsegs;
    const char *bullet;  /* list item being collected */
    doc_pos pos;         /* start of the open block */
} bl_state;

static int is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

/* Leading ASCII spaces and ideographic spaces U+3000 (typed indents). */
static size_t skip_indent(const char *s, size_t len)
{
    size_t i = 0;
    for (;;) {
        if (i < len && (s[i] == ' ' || s[i] == '\t'))
            i++;
        else if (i + 2 < len && (unsigned char)s[i] == 0xE3 &&
                 (unsigned char)s[i + 1] == 0x80 &&
                 (unsigned char)s[i + 2] == 0x80)
            i += 3;
        else
            return i;
    }
}

static in_role bl_container(const bl_state *b)
{
    if (b->quote)
        return b->quote;
    for (int i = b->p->ndivs - 1; i >= 0; i--)
        if (b->p->divs[i] != IN_ROLE_OTHER && b->p->divs[i] != IN_ROLE_BOX)
            return b->p->divs[i];
    return IN_ROLE_NONE;
}

static void bl_flush(bl_state *b)
{
    in_parser *p = b->p;
    if (b->open == BL_PARA && b->nsegs)
        in_on_paragraph(p, b->segs, b->nsegs, bl_container(b), b->pos);
    else if (b->open == BL_ITEM)
        in_on_item(p, b->bullet, b->segs, b->nsegs, b->pos);
    else if (b->open == BL_CODE)
        in_on_code(p, b->segs, b->nsegs, b->pos);
    b->open = BL_NONE;
    b->nsegs = 0;
    b->quote = IN_ROLE_NONE;
}

static void bl_add(bl_state *b, const in_line *l, size_t off)
{
    /* a code block starts at its fence, set by bl_code_fence */
    if (b->nsegs == 0 && b->open != BL_CODE)
        b->pos = in_pos(b->p, l->lineno, in_col(l->s, off));
    if (b->nsegs >= BL_MAX_LINES) {
        diag_warn(b->p->d, in_pos(b->p, l->lineno, 1), "paragraph of more "
                  "than %d lines split here; is a blank line missing?",
                  BL_MAX_LINES);
        bl_open kind = b->open;
        in_role quote = b->quote; /* the rest of a long quote stays one */
        bl_flush(b);
        b->open = kind == BL_CODE ? BL_CODE : BL_PARA;
        b->quote = quote;
        b->pos = in_pos(b->p, l->lineno, in_col(l->s, off));
    }
    in_seg *s = &b->segs[b->nsegs++];
    s->s = l->s + off;
    s->len = l->len - off;
    s->lineno = l->lineno;
    s->col = in_col(l->s, off);
}

/* ::: {.class} / ::: name / ::: */
static int bl_fence(bl_state *b, const in_line *l, size_t i)
{
    in_parser *p = b->p;
    const char *s = l->s;
    size_t n = 0;
    while (i + n < l->len && s[i + n] == ':')
        n++;
    if (n < 3)
        return 0;
    bl_flush(b);
    size_t j = i + n;
    while (j < l->len && s[j] == ' ')
        j++;
    doc_pos pos = in_pos(p, l->lineno, in_col(s, i));
    size_t end = l->len;
    while (end > j && (s[end - 1] == ':' || s[end - 1] == ' '))
        end--;
    if (j >= end) { /* closing fence */
        if (p->ndivs == 0)
            diag_warn(p->d, pos, "closing ':::' without an open div ignored");
        else
            p->ndivs--;
        return 1;
    }
    in_attrs a;
    memset(&a, 0, sizeof a);
    if (s[j] == '{') {
        if (in_attrs_parse(p, s + j, end - j, pos, &a))
            a.nclasses = 0;
    } else {
        a.classes[0] = ar_strndup(p->ar, s + j, end - j);
        a.nclasses = 1;
    }
    in_role role = a.nclasses ? in_role_from_class(a.classes[0]) : IN_ROLE_OTHER;
    if (role == IN_ROLE_OTHER && a.nclasses)
        diag_warn(p->d, pos, "unknown class '.%s' kept as plain text",
                  a.classes[0]);
    else if (role == IN_ROLE_OTHER)
        diag_warn(p->d, pos, "div without a class: its text is kept as "
                  "plain text");
    if (p->ndivs >= IN_MAX_DIVS) {
        diag_error(p->d, pos, "divs nested more than %d deep", IN_MAX_DIVS);
        return 1;
    }
    p->div_pos[p->ndivs] = pos;
    p->div_box[p->ndivs] = role == IN_ROLE_BOX ? ++p->boxes : 0;
    p->divs[p->ndivs++] = role;
    return 1;
}

/* # … ###### with optional closing #s and {attrs} */
static int bl_atx(bl_state *b, const in_line *l, size_t i)
{
    const char *s = l->s;
    int level = 0;
    while (i + (size_t)level < l->len && s[i + level] == '#')
        level++;
    size_t j = i + (size_t)level;
    if (level == 0 || level > 6 || (j < l->len && s[j] != ' ' && s[j] != '\t'))
        return 0;
    bl_flush(b);
    while (j < l->len && (s[j] == ' ' || s[j] == '\t'))
        j++;
    size_t end = l->len;
    in_attrs a;
    memset(&a, 0, sizeof a);
    long ab = in_attrs_find_trailing(s + j, end - j);
    doc_pos apos = in_pos(b->p, l->lineno, 1);
    if (ab >= 0) {
        size_t aend = end;
        while (aend > j && s[aend - 1] == ' ')
            aend--;
        apos = in_pos(b->p, l->lineno, in_col(s, j + (size_t)ab));
        in_attrs_parse(b->p, s + j + ab, aend - j - (size_t)ab, apos, &a);
        end = j + (size_t)ab;
    }
    while (end > j && (s[end - 1] == ' ' || s[end - 1] == '\t'))
        end--;
    size_t hash = end; /* optional closing sequence of #s */
    while (hash > j && s[hash - 1] == '#')
        hash--;
    if (hash < end && (hash == j || s[hash - 1] == ' '))
        for (end = hash; end > j && s[end - 1] == ' '; end--)
            ;
    a.pos = apos;
    in_seg seg = {s + j, end - j, l->lineno, in_col(s, j)};
    in_on_heading(b->p, level, &seg, 1, &a,
                  in_pos(b->p, l->lineno, in_col(s, i)));
    return 1;
}

/* Setext underline under an open paragraph: its lines become a heading. */
static int bl_setext(bl_state *b, const in_line *l, size_t i)
{
    const char *s = l->s;
    char ch = s[i];
    if (b->open != BL_PARA || b->quote || (ch != '=' && ch != '-'))
        return 0;
    size_t j = i;
    while (j < l->len && s[j] == ch)
        j++;
    if (!is_blank(s + j, l->len - j))
        return 0;
    /* attributes at the end of the last line */
    in_seg *last = &b->segs[b->nsegs - 1];
    in_attrs a;
    memset(&a, 0, sizeof a);
    long ab = in_attrs_find_trailing(last->s, last->len);
    a.pos = in_pos(b->p, last->lineno, last->col);
    if (ab >= 0) {
        size_t aend = last->len;
        while (aend && last->s[aend - 1] == ' ')
            aend--;
        a.pos = in_pos(b->p, last->lineno,
                       last->col + (int)u8_count(last->s, (size_t)ab));
        in_attrs_parse(b->p, last->s + ab, aend - (size_t)ab, a.pos, &a);
        last->len = (size_t)ab;
    }
    in_on_heading(b->p, ch == '=' ? 1 : 2, b->segs, b->nsegs, &a, b->pos);
    b->open = BL_NONE;
    b->nsegs = 0;
    return 1;
}

static int bl_rule(bl_state *b, const in_line *l, size_t i)
{
    const char *s = l->s;
    char ch = s[i];
    if (ch != '*' && ch != '-' && ch != '_')
        return 0;
    int n = 0;
    for (size_t j = i; j < l->len; j++) {
        if (s[j] == ch)
            n++;
        else if (s[j] != ' ' && s[j] != '\t')
            return 0;
    }
    if (n < 3)
        return 0;
    bl_flush(b);
    in_on_rule(b->p, in_pos(b->p, l->lineno, in_col(s, i)));
    return 1;
}

/* "- ", "* ", "+ ", "1. ", "1) " */
static int bl_item(bl_state *b, const in_line *l, size_t i)
{
    const char *s = l->s;
    size_t j = i;
    if (s[i] == '-' || s[i] == '*' || s[i] == '+') {
        j = i + 1;
    } else {
        while (j < l->len && s[j] >= '0' && s[j] <= '9' && j - i < 9)
            j++;
        if (j == i || j >= l->len || (s[j] != '.' && s[j] != ')'))
            return 0;
        if (b->open == BL_PARA && !(j == i + 1 && s[i] == '1'))
            return 0; /* only "1." may interrupt a paragraph */
        j++;
    }
    if (j >= l->len || (s[j] != ' ' && s[j] != '\t'))
        return 0;
    bl_flush(b);
    b->open = BL_ITEM;
    b->bullet = (s[i] >= '0' && s[i] <= '9')
                    ? ar_strndup(b->p->ar, s + i, j - i)
                    : NULL;
    size_t k = j;
    while (k < l->len && (s[k] == ' ' || s[k] == '\t'))
        k++;
    bl_add(b, l, k);
    return 1;
}

static void bl_code_fence(bl_state *b, const in_line *l, size_t i)
{
    if (b->open == BL_CODE) {
        bl_flush(b);
        return;
    }
    bl_flush(b);
    b->open = BL_CODE;
    b->pos = in_pos(b->p, l->lineno, in_col(l->s, i));
}

static void bl_text(bl_state *b, const in_line *l, size_t i)
{
    in_role quote = IN_ROLE_NONE;
    if (l->s[i] == '>') {
        quote = IN_ROLE_QUOTE;
        i++;
        if (i < l->len && l->s[i] == ' ')
            i++;
    }
    if (b->open == BL_ITEM && !quote) {
        bl_add(b, l, i); /* lazy continuation of the item */
        return;
    }
    if (b->open == BL_PARA && b->quote != quote)
        bl_flush(b);
    if (b->open != BL_PARA) {
        bl_flush(b);
        b->open = BL_PARA;
        b->quote = quote;
    }
    bl_add(b, l, i);
}

static void bl_line(bl_state *b, const in_line *l)
{
    size_t i = skip_indent(l->s, l->len);
    int fence = l->len - i >= 3 && strncmp(l->s + i, "```", 3) == 0;
    if (b->open == BL_CODE) {
        if (fence)
            bl_code_fence(b, l, i);
        else
            bl_add(b, l, i);
        return;
    }
    if (is_blank(l->s, l->len) || i >= l->len) {
        bl_flush(b);
        return;
    }
    if (fence) {
        bl_code_fence(b, l, i);
        return;
    }
    if (bl_fence(b, l, i) || bl_atx(b, l, i) || bl_setext(b, l, i))
        return;
    if (b->open != BL_PARA && bl_rule(b, l, i))
        return;
    if (bl_item(b, l, i))
        return;
    bl_text(b, l, i);
}

int in_blocks(in_parser *p, const in_line *lines, size_t nlines)
{
    bl_state *b = calloc(1, sizeof *b);
    if (!b)
        return -1;
    b->p = p;
    for (size_t i = 0; i < nlines; i++)
        bl_line(b, &lines[i]);
    bl_flush(b);
    for (int i = p->ndivs; i-- > 0;)
        diag_warn(p->d, p->div_pos[i], "div not closed by ':::'; closed at "
                  "the end of the file");
    p->ndivs = 0;
    free(b);
    return 0;
}
