/* import_mdfront.c: Markdown conversions, the front of the issue: cover,
 * 本期导读, 编委会 and 目录 into the front matter, and the contents
 * entries matched to article titles */
#include <stdlib.h>
#include <string.h>

#include "imp.h"

#define starts_with imp_starts
#define ends_with imp_ends

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
        if (starts_with(p, "〕"))
            break;
    }
    if (n != 3 || !strstr(t, "总第"))
        return 0;
    c->doc.issue = nums[0];
    c->doc.total = nums[1];
    c->doc.year = nums[2];
    return 1;
}

static const char *ideo(imp_ctx *c, const char *t)
{
    return imp_phrase(c->ar, t);
}

/* A line of a front block, normalised, its spaces made ideographic. */
static const char *phrase(imp_ctx *c, const imp_mblock *b, size_t i)
{
    return ideo(c, imp_normalize(c, b->lines[i], 0, 0, b->lnos[i], NULL, 1));
}

static void digest(imp_ctx *c, const imp_mblock *b)
{
    const char *item = NULL;
    for (size_t i = 0; i < b->nlines; i++) {
        const char *t = phrase(c, b, i);
        if (starts_with(b->lines[i], "- ")) {
            if (item)
                imp_push_line(c, &c->doc.digest, item);
            t = phrase(c, b, i);
            t += starts_with(t, "-") ? 1 : 0;
            while (*t == ' ' || starts_with(t, "　"))
                t += *t == ' ' ? 1 : 3;
            if (starts_with(t, "◆"))
                t += 3;
            while (*t == ' ' || starts_with(t, "　"))
                t += *t == ' ' ? 1 : 3;
            item = t;
        } else if (item) {
            item = ar_printf(c->ar, "%s\n%s", item, t);
        }
    }
    if (item)
        imp_push_line(c, &c->doc.digest, item);
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
        imp_lines *l = *last_board ? &c->doc.board : &c->doc.contact;
        if (!l->n)
            return;
        l->v[l->n - 1] = ar_printf(c->ar, *last_board ? "%s　%s" : "%s%s",
                                   l->v[l->n - 1], *last_board ? ideo(c, t)
                                                               : imp_nospace(c->ar, t));
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
    const char *v = is_board ? ideo(c, val) : imp_nospace(c->ar, val);
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

static void toc_entry(imp_ctx *c, const imp_mblock *b, const char *column)
{
    imp_tocent *e = NULL;
    for (size_t i = 0; i < b->nlines; i++) {
        const char *t = b->lines[i];
        if (starts_with(t, "- "))
            t += 2;
        while (*t == ' ')
            t++;
        int page = 0, nd = 0;
        while (t[nd] >= '0' && t[nd] <= '9' && nd <= PAGE_DIGITS)
            page = page * 10 + (t[nd] - '0'), nd++;
        if (nd > PAGE_DIGITS || t[nd] != ' ')
            nd = 0; /* no page number: the line goes on the entry */
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
        line = (char *)ideo(c, line);
        e->title = e->title && !nd ? ar_printf(c->ar, "%s\n%s", e->title, line)
                                   : line;
    }
}

/* Does block k continue the contents (an entry, a column, a subtitle)? */
static int in_contents(const imp_mblock *b)
{
    const char *t = b->nlines ? b->lines[0] : "";
    if (b->kind == MB_HEAD)
        return starts_with(b->text, "◎") || starts_with(b->text, "CONTENTS");
    if (starts_with(t, "- "))
        t += 2;
    return (*t >= '0' && *t <= '9') || starts_with(t, "——");
}

static void contents(imp_ctx *c, imp_mblock *v, size_t n, size_t *k)
{
    const char *column = NULL;
    for (; *k < n && in_contents(&v[*k]); (*k)++) {
        imp_mblock *b = &v[*k];
        b->used = 1;
        if (b->kind == MB_HEAD && starts_with(b->text, "◎")) {
            const char *t = b->text + 3;
            while (*t == ' ')
                t++;
            column = ar_strdup(c->ar, t);
            imp_note(c, IMP_X_HEAD, b->line, 1, 1, "«%s» column of the "
                     "contents: names the column of its entries", b->text);
        } else if (starts_with(b->lines[0], "——") && c->doc.ntoc) {
            imp_tocent *e = &c->doc.toc[c->doc.ntoc - 1];
            e->title = ar_printf(c->ar, "%s\n%s", e->title,
                                 imp_normalize(c, b->text, 0, 0, b->line, NULL, 1));
        } else if (b->kind != MB_HEAD) {
            toc_entry(c, b, column);
        }
    }
}

/* The front of the issue: everything before the first article. Returns
 * the index of the first body block (blocks from there on that the front
 * used are marked used). */
size_t imp_md_front(imp_ctx *c, imp_mblock *v, size_t n)
{
    const char *pub = c->doc.publication;
    const char *section = "";
    int last_board = 0;
    size_t k = 0, kept = n; /* the first cover block kept as text */
    int front = 0;
    for (; k < n; k++) {
        imp_mblock *b = &v[k];
        if (b->kind == MB_HEAD && pub && !strcmp(imp_nospace(c->ar, b->text), pub)) {
            imp_note(c, IMP_X_HEAD, b->line, 1, 1, "«%s» masthead", b->text);
            b->used = front = 1;
            continue;
        }
        if (!front)
            break;
        if (b->kind == MB_RULE) { /* between the cover's parts */
            imp_note(c, IMP_X_RULE, b->line, 1, 1, "«%s» thematic break of "
                     "the conversion", b->text);
            b->used = 1;
            continue;
        }
        if (b->kind == MB_HEAD && !strcmp(imp_nospace(c->ar, b->text), "目录")) {
            imp_note(c, IMP_X_HEAD, b->line, 1, 1, "«目录» heading: the "
                     "contents are kept in the front matter");
            b->used = 1;
            k++;
            contents(c, v, n, &k);
            break;
        }
        if (b->kind == MB_HEAD && b->level >= 2 && !strstr(b->text, "导读") &&
            !strstr(b->text, "编委会")) {
            break; /* a cover has no such heading: the body begins */
        }
        if (b->kind == MB_HEAD) {
            section = b->text;
            b->used = 1;
            imp_note(c, IMP_X_HEAD, b->line, 1, 1, "«%s» heading of the cover "
                     "pages", b->text);
            continue;
        }
        b->used = 1;
        if (issue_mark(c, b->text)) {
            imp_note(c, IMP_X_HEAD, b->line, 1, 1, "«%s» issue mark: year, "
                     "issue and total in the front matter", b->text);
        } else if (strstr(b->text, "内部资料")) {
            c->doc.label = ideo(c, b->text);
            c->doc.label = strstr(c->doc.label, "　") ? ar_printf(c->ar, "%.*s %s",
                (int)(strstr(c->doc.label, "　") - c->doc.label), c->doc.label,
                strstr(c->doc.label, "　") + 3) : c->doc.label;
        } else if (ends_with(b->text, "主办") && !strstr(b->text, "：") &&
                   !strstr(b->text, ":")) {
            c->doc.sponsor = ar_strdup(c->ar, b->text);
        } else if (strstr(section, "导读") && starts_with(b->lines[0], "- ")) {
            digest(c, b);
        } else if (strstr(section, "编委会")) {
            board(c, b, &last_board);
        } else {
            b->used = 0;
            imp_warn(c, b->line, 1, "cover text not recognised, kept as body "
                     "text: «%s»", b->text);
            kept = kept < k ? kept : k;
        }
    }
    return kept < k ? kept : k; /* the body starts with what is kept */
}

/* ---- matching titles to the contents ---- */

/* A title without spaces, line breaks, the 习近平： of the contents and
 * quotation marks, for comparing. */
static char *title_key(imp_ctx *c, const char *t)
{
    char *s = imp_nospace(c->ar, t);
    sb_buf sb;
    sb_init(&sb);
    if (starts_with(s, "习近平："))
        s += strlen("习近平：");
    for (; *s; s++)
        if (*s != '\n')
            sb_addc(&sb, *s);
    char *out = ar_strndup(c->ar, sb.s ? sb.s : "", sb.len);
    sb_free(&sb);
    return out;
}

/* The contents entry whose title (without its subtitle) is t, or a
 * prefix of one when prefix is set; -1 when none. */
long imp_toc_find(imp_ctx *c, const char *t, int prefix)
{
    char *k = title_key(c, t);
    if (!*k)
        return -1;
    for (size_t i = 0; i < c->doc.ntoc; i++) {
        char *e = title_key(c, c->doc.toc[i].title);
        char *dash = strstr(e, "——");
        if (dash && dash != e)
            *dash = 0;
        if (!strcmp(e, k) || (prefix && starts_with(e, k) && strlen(k) >= 6))
            return (long)i;
    }
    return -1;
}

/* The title's lines: the contents entry's line breaks where it prints the
 * title on several lines; else each space of the conversion's title is a
 * line break, unless the words on both sides of it stand together
 * elsewhere in the issue (a spurious space, "开创新 时代"). */
void imp_md_title_lines(imp_ctx *c, imp_art *a, const char *t, long toc,
                        const char *body, int line)
{
    if (toc >= 0 && strchr(c->doc.toc[toc].title, '\n')) {
        char *e = ar_strdup(c->ar, c->doc.toc[toc].title);
        char *dash = strstr(e, "\n——");
        if (dash)
            *dash = 0;
        if (starts_with(e, "习近平："))
            e += strlen("习近平：");
        /* its lines, as the conversion's title has them */
        for (char *p = strtok(e, "\n"); p; p = strtok(NULL, "\n"))
            imp_push_line(c, &a->title, p);
        if (!strcmp(title_key(c, t), title_key(c, c->doc.toc[toc].title)) ||
            strstr(c->doc.toc[toc].title, "习近平："))
            return;
        a->title.n = 0;
    }
    /* the contents print the same title: its spaces are line breaks */
    int confirmed = toc >= 0 &&
                    !strcmp(title_key(c, t), title_key(c, c->doc.toc[toc].title));
    const char *p = t;
    sb_buf cur;
    sb_init(&cur);
    while (*p) {
        if (*p != ' ') {
            sb_addc(&cur, *p++);
            continue;
        }
        const char *q = p;
        while (*q == ' ')
            q++;
        /* three characters on each side, joined */
        size_t l = cur.len, back = 0;
        for (int n = 0; n < 3 && back < l; n++) {
            back++;
            while (back < l && ((unsigned char)cur.s[l - back] & 0xC0) == 0x80)
                back++;
        }
        size_t fwd = 0;
        for (int n = 0; n < 3 && q[fwd] && q[fwd] != ' '; n++) {
            fwd++;
            while (q[fwd] && ((unsigned char)q[fwd] & 0xC0) == 0x80)
                fwd++;
        }
        char *joint = ar_printf(c->ar, "%.*s%.*s", (int)back, cur.s + l - back,
                                (int)fwd, q);
        if (!confirmed && body && strstr(body, joint)) {
            imp_note(c, IMP_R_TITLESP, line, (int)u8_count(t, (size_t)(p - t)) + 1,
                     1, "spurious space in the title removed («%s» stands "
                     "together in the text)", joint);
        } else if (cur.len) {
            imp_push_line(c, &a->title, ar_strndup(c->ar, cur.s, cur.len));
            sb_clear(&cur);
        }
        p = q;
    }
    if (cur.len)
        imp_push_line(c, &a->title, ar_strndup(c->ar, cur.s, cur.len));
    sb_free(&cur);
}
