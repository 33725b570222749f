/* mdfront.c: Markdown conversions, the front of the issue: cover,
 * 本期导读, 编委会 and 目录 into the front matter (docs/import.md, Front) */
#include <string.h>

#include "imp.h"

/* Keys of the 编委会 page that are board lines; the rest are contact. */
static const char *const board_keys[] = {"主任", "副主任", "编委", "主编",
                                         "副主编", "执行主编", "委员"};

/* Largest number of an issue mark: a year, or a total of issues. */
#define MARK_MAX 9999
/* Digits of a page number in the contents. */
#define PAGE_DIGITS 4

/* 〔4 总第43期 2020〕: issue, cumulative number and year of the cover. */
static int issue_mark(imp_ctx *c, const char *t)
{
    const char *p = strstr(t, "〔");
    if (!p || !strstr(p, "〕"))
        return 0;
    int nums[3], n = 0, v = -1;
    for (p += 3; *p && n < 3; p++) {
        if (*p >= '0' && *p <= '9') {
            if (v > MARK_MAX / 10)
                return 0; /* no issue, total or year is that long */
            v = (v < 0 ? 0 : v * 10) + (*p - '0');
            continue;
        }
        if (v >= 0)
            nums[n++] = v;
        v = -1;
        if (imp_starts(p, "〕"))
            break;
    }
    if (n != 3 || !strstr(t, "总第"))
        return 0;
    c->doc.issue = nums[0];
    c->doc.total = nums[1];
    c->doc.year = nums[2];
    return 1;
}

/* Line i of a front block, normalised, its spaces made ideographic. */
static const char *front_line(imp_ctx *c, const imp_mblock *b, size_t i)
{
    return imp_phrase(c->ar, imp_normalize(c, b->lines[i], 0, 0, b->lnos[i],
                                           NULL, 1));
}

/* Past the spaces (ASCII and U+3000) at t. */
static const char *skip_spaces(const char *t)
{
    while (*t == ' ' || imp_starts(t, "　"))
        t += *t == ' ' ? 1 : 3;
    return t;
}

static void digest(imp_ctx *c, const imp_mblock *b)
{
    const char *item = NULL;
    for (size_t i = 0; i < b->nlines; i++) {
        const char *t = front_line(c, b, i);
        if (imp_starts(b->lines[i], "- ")) {
            if (item)
                imp_push_line(c, &c->doc.digest, item);
            t = front_line(c, b, i);
            t = skip_spaces(t + (imp_starts(t, "-") ? 1 : 0));
            if (imp_starts(t, "◆"))
                t += 3;
            item = skip_spaces(t);
        } else if (item) {
            item = ar_printf(c->ar, "%s\n%s", item, t);
        }
    }
    if (item)
        imp_push_line(c, &c->doc.digest, item);
}

/* A 编委会 line without a key goes on with the last one. */
static void board_more(imp_ctx *c, const char *t, int last_board)
{
    imp_lines *l = last_board ? &c->doc.board : &c->doc.contact;
    if (!l->nlines)
        return;
    l->lines[l->nlines - 1] =
        ar_printf(c->ar, last_board ? "%s　%s" : "%s%s", l->lines[l->nlines - 1],
                  last_board ? imp_phrase(c->ar, t) : imp_nospace(c->ar, t));
}

/* 编委会 lines: "键：值"; a line without a key goes on with the last. */
static void board(imp_ctx *c, const imp_mblock *b, int *last_board)
{
    sb_buf sb;
    sb_init(&sb);
    for (size_t i = 0; i < b->nlines; i++) {
        const char *t = b->lines[i];
        /* <http://…> autolinks: the address as text */
        for (; *t; t++)
            if (*t != '<' && *t != '>')
                sb_addc(&sb, *t);
    }
    char *t = imp_normalize(c, sb.s ? sb.s : "", 0, 0, b->line, NULL, 1);
    sb_free(&sb);
    const char *colon = strstr(t, "：");
    if (!colon) {
        board_more(c, t, *last_board);
        return;
    }
    char *key = imp_nospace(c->ar, ar_strndup(c->ar, t, (size_t)(colon - t)));
    const char *val = colon + 3;
    while (*val == ' ')
        val++;
    int is_board = 0;
    for (size_t k = 0; k < sizeof board_keys / sizeof *board_keys; k++)
        is_board |= !strcmp(key, board_keys[k]);
    *last_board = is_board;
    /* names of the board are separated by ideographic spaces; the
     * spaces of a contact line are the conversion's ("电 话") */
    const char *v = is_board ? imp_phrase(c->ar, val) : imp_nospace(c->ar, val);
    imp_push_line(c, is_board ? &c->doc.board : &c->doc.contact,
                  ar_printf(c->ar, "%s：%s", key, v));
}

/* Author at the end of a contents line: 刘佳义, 姚 逊. */
static const char *split_author(imp_ctx *c, char *line)
{
    char *sp = strrchr(line, ' ');
    if (!sp)
        return NULL;
    const char *name = sp + 1;
    /* "姚 逊": the name is padded, its halves one Han each */
    char *sp2 = NULL;
    if (u8_count(name, strlen(name)) == 1) {
        *sp = 0;
        sp2 = strrchr(line, ' ');
        *sp = ' ';
        if (!sp2 || u8_count(sp2 + 1, (size_t)(sp - sp2 - 1)) != 1)
            return NULL;
        name = sp2 + 1;
        sp = sp2;
    }
    char *n = imp_nospace(c->ar, name);
    if (!imp_is_name(n) || u8_count(n, strlen(n)) > 3)
        return NULL;
    while (sp > line && sp[-1] == ' ')
        sp--;
    *sp = 0;
    return n;
}

/* The page number opening a contents line, its digits in *nd (0: no
 * page number, the line goes on the entry before). */
static int toc_page(const char *t, int *nd)
{
    int page = 0;
    *nd = 0;
    while (t[*nd] >= '0' && t[*nd] <= '9' && *nd <= PAGE_DIGITS)
        page = page * 10 + (t[*nd] - '0'), (*nd)++;
    if (*nd > PAGE_DIGITS || t[*nd] != ' ')
        *nd = 0;
    return page;
}

static void toc_entry(imp_ctx *c, const imp_mblock *b, const char *column)
{
    imp_tocent *e = NULL;
    for (size_t i = 0; i < b->nlines; i++) {
        const char *t = b->lines[i];
        if (imp_starts(t, "- "))
            t += 2;
        while (*t == ' ')
            t++;
        int nd, page = toc_page(t, &nd);
        t += nd;
        if (nd) {
            e = AR_PUSH(c->ar, c->doc.toc, c->doc.ntoc, c->doc.captoc);
            if (!e)
                return;
            e->page = page;
            e->column = column;
            while (*t == ' ')
                t++;
        } else if (!e) {
            continue;
        }
        char *line = imp_normalize(c, t, 0, 0, b->lnos[i], NULL, 1);
        const char *author = split_author(c, line);
        if (author)
            e->author = author;
        line = (char *)imp_phrase(c->ar, line);
        e->title = e->title && !nd ? ar_printf(c->ar, "%s\n%s", e->title, line)
                                   : line;
    }
}

/* Does block b continue the contents (an entry, a column, a subtitle)? */
static int in_contents(const imp_mblock *b)
{
    const char *t = b->nlines ? b->lines[0] : "";
    if (b->kind == MB_HEAD)
        return imp_starts(b->text, "◎") || imp_starts(b->text, "CONTENTS");
    if (imp_starts(t, "- "))
        t += 2;
    return (*t >= '0' && *t <= '9') || imp_starts(t, "——");
}

static void contents(imp_ctx *c, imp_mblock *v, size_t n, size_t *k)
{
    const char *column = NULL;
    for (; *k < n && in_contents(&v[*k]); (*k)++) {
        imp_mblock *b = &v[*k];
        b->used = 1;
        if (b->kind == MB_HEAD && imp_starts(b->text, "◎")) {
            const char *t = b->text + 3;
            while (*t == ' ')
                t++;
            column = ar_strdup(c->ar, t);
            imp_note(c, IMP_X_HEAD, b->line, 1, 1, "«%s» column of the "
                     "contents: names the column of its entries", b->text);
        } else if (imp_starts(b->lines[0], "——") && c->doc.ntoc) {
            imp_tocent *e = &c->doc.toc[c->doc.ntoc - 1];
            const char *sub = imp_normalize(c, b->text, 0, 0, b->line, NULL, 1);
            e->title = ar_printf(c->ar, "%s\n%s", e->title, sub);
        } else if (b->kind != MB_HEAD) {
            toc_entry(c, b, column);
        }
    }
}

/* Where the front stands: the cover section a block is in. */
typedef struct front_state {
    const char *section; /* the heading of the cover page (导读, 编委会) */
    int last_board;      /* the last 编委会 line was a board line */
} front_state;

/* A paragraph of the cover pages: the issue mark, the label, the sponsor,
 * 本期导读 or the 编委会 page; 0 when it is none of them. */
static int cover_para(imp_ctx *c, imp_mblock *b, front_state *st)
{
    if (issue_mark(c, b->text)) {
        imp_note(c, IMP_X_HEAD, b->line, 1, 1, "«%s» issue mark: year, "
                 "issue and total in the front matter", b->text);
    } else if (strstr(b->text, "内部资料")) {
        const char *label = imp_phrase(c->ar, b->text);
        const char *sep = strstr(label, "　");
        c->doc.label = sep ? ar_printf(c->ar, "%.*s %s", (int)(sep - label),
                                       label, sep + 3)
                           : label;
    } else if (imp_ends(b->text, "主办") && !strstr(b->text, "：") &&
               !strstr(b->text, ":")) {
        c->doc.sponsor = ar_strdup(c->ar, b->text);
    } else if (strstr(st->section, "导读") && imp_starts(b->lines[0], "- ")) {
        digest(c, b);
    } else if (strstr(st->section, "编委会")) {
        board(c, b, &st->last_board);
    } else {
        return 0;
    }
    return 1;
}

/* A heading or rule of the cover pages, used up (1); 0 when it is no
 * cover's: the body begins. */
static int cover_heading(imp_ctx *c, imp_mblock *b, front_state *st)
{
    if (b->kind == MB_RULE) { /* between the cover's parts */
        imp_note(c, IMP_X_RULE, b->line, 1, 1, "«%s» thematic break of "
                 "the conversion", b->text);
        b->used = 1;
        return 1;
    }
    if (b->level >= 2 && !strstr(b->text, "导读") && !strstr(b->text, "编委会"))
        return 0; /* a cover has no such heading: the body begins */
    st->section = b->text;
    b->used = 1;
    imp_note(c, IMP_X_HEAD, b->line, 1, 1, "«%s» heading of the cover pages",
             b->text);
    return 1;
}

/* The front of the issue: everything before the first article. Returns
 * the index of the first body block (blocks from there on that the front
 * used are marked used). */
size_t imp_md_front(imp_ctx *c, imp_mblock *v, size_t n)
{
    const char *pub = c->doc.publication;
    front_state st = {"", 0};
    size_t k = 0, kept = n; /* the first cover block kept as text */
    int front = 0;
    for (; k < n; k++) {
        imp_mblock *b = &v[k];
        const char *bare = imp_nospace(c->ar, b->text);
        if (b->kind == MB_HEAD && pub && !strcmp(bare, pub)) {
            imp_note(c, IMP_X_HEAD, b->line, 1, 1, "«%s» masthead", b->text);
            b->used = front = 1;
            continue;
        }
        if (!front)
            break;
        if (b->kind == MB_HEAD && !strcmp(bare, "目录")) {
            imp_note(c, IMP_X_HEAD, b->line, 1, 1, "«目录» heading: the "
                     "contents are kept in the front matter");
            b->used = 1;
            k++;
            contents(c, v, n, &k);
            break;
        }
        if (b->kind != MB_PARA) {
            if (!cover_heading(c, b, &st))
                break;
            continue;
        }
        b->used = 1;
        if (!cover_para(c, b, &st)) {
            b->used = 0;
            imp_warn(c, IMP_LOOK, b->line, 1, "cover text not recognised, kept as body "
                     "text: «%s»", b->text);
            kept = kept < k ? kept : k;
        }
    }
    return kept < k ? kept : k; /* the body starts with what is kept */
}
