/* import_md.c: Markdown conversions, first part: blocks and their roles
 * whatever the heading levels (articles: import_mdart.c) */
#include <stdlib.h>
#include <string.h>

#include "imp.h"

#define starts_with imp_starts
#define ends_with imp_ends


typedef imp_mrole role;
typedef imp_ment ment;
typedef imp_mjump jump;
typedef imp_mtail tail;
typedef imp_mdstate mdstate;

static int is_latin(uint32_t cp)
{
    return cp < 0x80 && (((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
                         (cp >= '0' && cp <= '9'));
}

/* Ends a sentence, looking through closing quotes, brackets and "**". */
static int ends_sentence(imp_ctx *c, const char *t)
{
    static const char *const closers[] = {"”", "’", "）", ")", "》", "」",
                                          "』", "】", "**", " "};
    size_t len = strlen(t);
    for (int again = 1; again && len;) {
        again = 0;
        for (size_t i = 0; i < sizeof closers / sizeof *closers; i++) {
            size_t k = strlen(closers[i]);
            if (len >= k && !memcmp(t + len - k, closers[i], k)) {
                len -= k;
                again = 1;
            }
        }
    }
    return len && imp_is_closing(imp_last_cp(ar_strndup(c->ar, t, len)));
}

/* Two pieces of one paragraph: no space, but between two Latin words. */
static const char *join(imp_ctx *c, const char *a, const char *b)
{
    if (is_latin(imp_last_cp(a)) && is_latin(imp_first_cp(b)))
        return ar_printf(c->ar, "%s %s", a, b);
    return ar_printf(c->ar, "%s%s", a, b);
}

static const char *phrase(imp_ctx *c, const char *t)
{
    return imp_phrase(c->ar, t);
}

/* ---- blocks ---- */

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

static imp_mblock *new_mblock(mdstate *m, imp_mbkind k, int line, int blanks)
{
    imp_mblock *b = AR_PUSH(m->c->ar, m->v, m->nv, m->capv);
    if (b) {
        b->kind = k;
        b->line = line;
        b->blank_before = blanks;
    }
    return b;
}

static void add_mline(mdstate *m, imp_mblock *b, const char *s, size_t n,
                      int line)
{
    size_t cap = b->nlines;
    b->lines = ar_grow(m->c->ar, (void *)b->lines, b->nlines, &cap,
                       sizeof *b->lines);
    cap = b->nlines;
    b->lnos = ar_grow(m->c->ar, b->lnos, b->nlines, &cap, sizeof *b->lnos);
    if (!b->lines || !b->lnos)
        return;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\r'))
        n--;
    b->lines[b->nlines] = ar_strndup(m->c->ar, s, n);
    b->lnos[b->nlines++] = line;
    b->text = b->text ? (char *)join(m->c, b->text, b->lines[b->nlines - 1])
                      : ar_strdup(m->c->ar, b->lines[b->nlines - 1]);
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

static int split_blocks(mdstate *m)
{
    const char *t = m->c->text, *end = t + m->c->len;
    imp_mblock *cur = NULL;
    int line = 0, blanks = 0;
    while (t < end) {
        const char *e = memchr(t, '\n', (size_t)(end - t));
        if (!e)
            e = end;
        size_t n = (size_t)(e - t);
        line++;
        if (blank(t, n)) {
            if (cur)
                cur = NULL;
            blanks++;
            if (m->nv)
                m->v[m->nv - 1].blank_after = blanks;
        } else if (*t == '#' && (n > 1 && (t[strspn(t, "#")] == ' '))) {
            size_t lv = strspn(t, "#"), k = lv;
            while (k < n && t[k] == ' ')
                k++;
            size_t z = n;
            while (z > k && (t[z - 1] == '#' || t[z - 1] == ' ' || t[z - 1] == '\r'))
                z--;
            cur = new_mblock(m, MB_HEAD, line, blanks);
            if (!cur)
                return -1;
            cur->level = (int)lv;
            add_mline(m, cur, t + k, z - k, line);
            cur = NULL;
            blanks = 0;
        } else if (cur && cur->kind == MB_PARA && setext(t, n)) {
            cur->kind = MB_HEAD; /* the underline of the lines above */
            cur->level = setext(t, n);
            cur = NULL;
            blanks = 0;
        } else if (!cur && is_rule(t, n)) {
            /* its line is its text: every block has text and a line */
            cur = new_mblock(m, MB_RULE, line, blanks);
            if (!cur)
                return -1;
            add_mline(m, cur, t, n, line);
            cur = NULL;
            blanks = 0;
        } else {
            if (!cur && !(cur = new_mblock(m, MB_PARA, line, blanks)))
                return -1;
            size_t k = 0;
            while (k < n && t[k] == ' ')
                k++;
            add_mline(m, cur, t + k, n - k, line);
            blanks = 0;
        }
        t = e + 1;
    }
    return 0;
}

/* ---- roles ---- */

static ment *push(mdstate *m, role r, const char *text, imp_mblock *b)
{
    ment *e = AR_PUSH(m->c->ar, m->e, m->ne, m->cape);
    if (e) {
        e->r = r;
        e->text = text;
        e->b = b;
        e->line = b ? b->line : 0;
        e->toc = -1;
    }
    return e;
}

/* Notes after an article's text. */
static int note_text(const char *t)
{
    static const char *const starts[] = {"（作者", "（本栏目", "（摘自", "（本文",
                                         "（发言人", "（文/", "（来源"};
    for (size_t i = 0; i < sizeof starts / sizeof *starts; i++)
        if (starts_with(t, starts[i]))
            return ends_with(t, "）");
    return 0;
}

/* DUO CUO BING JU: a pinyin line, capitals and spaces only. */
static int pinyin_text(const char *t)
{
    int words = 1;
    for (const char *p = t; *p; p++) {
        if (*p == ' ')
            words++;
        else if (*p < 'A' || *p > 'Z')
            return 0;
    }
    return words >= 2;
}

/* （2020年7月14日） */
static int date_text(const char *t)
{
    return starts_with(t, "（") && ends_with(t, "）") && strstr(t, "年") &&
           strstr(t, "日") && u8_count(t, strlen(t)) <= 16;
}

/* A byline "[职务 ]姓名": the name is the last 2–3 Han (or a padded
 * "姚 逊"); returns the name, *pos the position or NULL. */
static const char *byline_text(imp_ctx *c, const char *t, const char **pos)
{
    if (u8_count(t, strlen(t)) > 40 || ends_sentence(c, t))
        return NULL;
    const char *sp = strrchr(t, ' ');
    const char *name = sp ? sp + 1 : t;
    if (sp && u8_count(name, strlen(name)) == 1) { /* 姚 逊 */
        const char *p = sp;
        while (p > t && p[-1] != ' ')
            p--;
        if (p > t && u8_count(p, (size_t)(sp - p)) == 1) {
            name = p;
            sp = p - 1;
        }
    }
    char *n = imp_nospace(c->ar, name);
    if (!imp_is_name(n) || u8_count(n, strlen(n)) > 3)
        return NULL;
    *pos = NULL;
    if (sp) {
        const char *p = ar_strndup(c->ar, t, (size_t)(sp - t));
        if (strstr(p, "，") || strstr(p, "。"))
            return NULL;
        *pos = phrase(c, p);
    }
    return n;
}

static int org_text(const char *t)
{
    static const char *const ends[] = {"政协", "委员会", "政府", "党委", "办公室"};
    size_t n = u8_count(t, strlen(t));
    if (n < 3 || n > 12 || strchr(t, ' '))
        return 0;
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++)
        if (ends_with(t, ends[i]))
            return 1;
    return 0;
}

/* Strip **…** around a whole heading; *bold says it was there. */
static const char *unbold(imp_ctx *c, const char *t, int *bold)
{
    size_t n = strlen(t);
    *bold = n > 4 && starts_with(t, "**") && ends_with(t, "**");
    return *bold ? ar_strndup(c->ar, t + 2, n - 4) : t;
}

static imp_mblock *next_block(mdstate *m, size_t k)
{
    for (size_t j = k + 1; j < m->nv; j++)
        if (!m->v[j].used)
            return &m->v[j];
    return NULL;
}

/* The heading that completes a spread title whose first half is t. */
static void spread_title(mdstate *m, ment *e, size_t k)
{
    imp_ctx *c = m->c;
    char *want = imp_nospace(c->ar, c->doc.toc[e->toc].title);
    char *dash = strstr(want, "\n——");
    if (dash)
        *dash = 0;
    want = imp_nospace(c->ar, want);
    for (char *p = want; (p = strchr(p, '\n'));)
        memmove(p, p + 1, strlen(p));
    const char *have = imp_nospace(c->ar, e->text);
    if (!starts_with(want, have) || !strcmp(want, have))
        return;
    const char *rest = want + strlen(have);
    for (size_t j = k + 1; j < m->nv; j++) {
        imp_mblock *b = &m->v[j];
        int bold;
        if (b->kind != MB_HEAD || b->used)
            continue;
        const char *t = unbold(c, imp_normalize(c, b->text, 0, 0, b->line, NULL, 1),
                               &bold);
        if (strcmp(imp_nospace(c->ar, t), rest))
            continue;
        b->used = 1;
        e->text = ar_printf(c->ar, "%s %s", e->text, t);
        imp_note(c, IMP_R_TITLE, b->line, 1, 1, "second half of the spread "
                 "title at line %d moved to it", e->line);
        imp_mblock *s = next_block(m, j);
        if (s && s->kind == MB_HEAD && starts_with(s->text, "——")) {
            s->used = 1;
            e->sub = imp_normalize(c, s->text, 0, 0, s->line, NULL, 1);
            imp_note(c, IMP_R_TITLE, s->line, 1, 1, "its subtitle moved with "
                     "it");
        }
        return;
    }
}

static void heading_role(mdstate *m, imp_mblock *b, size_t k)
{
    imp_ctx *c = m->c;
    int bold;
    const char *t = unbold(c, imp_normalize(c, b->text, 0, 0, b->line, NULL, 1),
                           &bold);
    imp_mblock *nb = next_block(m, k);
    int hn = imp_headnum(t);
    ment *e;
    if (hn == 1 || hn == 2) {
        push(m, hn == 1 ? R_HEAD : R_SUBHEAD, t, b);
        if ((hn == 1 && b->level != 3) || (hn == 2 && b->level != 4) || bold)
            imp_note(c, IMP_R_ROLE, b->line, 1, 1, "level-%d heading set as %s",
                     b->level, hn == 1 ? "a section head (###)" : "a sub-head (####)");
    } else if (bold && ends_sentence(c, t)) {
        push(m, R_LEADIN, t, b);
        imp_note(c, IMP_R_ROLE, b->line, 1, 1, "bold heading is the lead-in of "
                 "the next paragraph");
    } else if (starts_with(t, "——")) {
        push(m, R_SUBTITLE, t, b);
    } else if (imp_toc_find(c, t, 0) >= 0 || imp_toc_find(c, t, 1) >= 0) {
        e = push(m, R_TITLE, t, b);
        e->toc = imp_toc_find(c, t, 0);
        if (e->toc < 0) {
            e->toc = imp_toc_find(c, t, 1);
            spread_title(m, e, k);
        }
    } else if (org_text(t) && nb && nb->kind == MB_HEAD) {
        push(m, R_ORG, t, b);
    } else if (b->level == 1 && nb && nb->kind == MB_HEAD && !c->doc.ntoc) {
        push(m, R_COLUMN, phrase(c, t), b);
        imp_note(c, IMP_X_HEAD, b->line, 1, 1, "«%s» banner over the articles: "
                 "the column heading (栏目)", t);
    } else if (nb && nb->kind == MB_PARA &&
               imp_toc_find(c, imp_normalize(c, nb->lines[0], 0, 0, nb->line,
                                             NULL, 1), 0) >= 0) {
        /* the contents name the article by the deck under its title */
        e = push(m, R_TITLE, t, b);
        e->toc = imp_toc_find(c, imp_normalize(c, nb->lines[0], 0, 0,
                                               nb->line, NULL, 1), 0);
    } else {
        const char *pos;
        int byl = nb && nb->kind == MB_PARA && nb->nlines == 1 &&
                  byline_text(c, imp_normalize(c, nb->text, 0, 0, nb->line,
                                               NULL, 1), &pos);
        e = push(m, R_TITLE, t, b);
        e->part = c->doc.ntoc > 0;
        if (c->doc.ntoc && !byl) {
            imp_warn(c, b->line, 1, "heading «%s» is not in the contents and "
                     "has no byline: taken for a contribution's title", t);
        }
    }
}

static int tail_marker(mdstate *m, imp_mblock *b, const char **t)
{
    size_t at, len;
    int page, d = imp_find_jump(*t, &at, &len, &page);
    if (!d)
        return 0;
    imp_note(m->c, IMP_X_JUMP, b->line, 1, 1, "«%.*s» jump marker", (int)len,
             *t + at);
    const char *rest = ar_printf(m->c->ar, "%.*s%s", (int)at, *t, *t + at + len);
    while (*rest == ' ')
        rest++;
    *t = rest;
    ment *e = push(m, d == 1 ? R_JUMP : R_TAIL, NULL, b);
    if (e)
        e->page = page;
    return d;
}

static void para_role(mdstate *m, imp_mblock *b)
{
    imp_ctx *c = m->c;
    const char *t = imp_normalize(c, b->text, 0, 0, b->line, NULL, 1);
    int d = tail_marker(m, b, &t);
    if (d == 1) { /* (下转N页) ends the text before it */
        ment *j = &m->e[m->ne - 1];
        if (*t) {
            ment tmp = *j;
            j->r = R_PARA;
            j->text = t;
            push(m, tmp.r, NULL, b)->page = tmp.page;
        }
        return;
    }
    if (!*t)
        return;
    role r = R_PARA;
    if (note_text(t))
        r = R_NOTE;
    else if (starts_with(t, "★"))
        r = R_ITEM;
    else if (starts_with(t, "**编者按"))
        r = R_EDNOTE;
    else if (pinyin_text(t))
        r = R_PINYIN;
    else if (date_text(t))
        r = R_DATE;
    else if (b->blank_before >= 2 && u8_count(t, strlen(t)) < 200 &&
             ends_sentence(c, t) &&
             (b->blank_after >= 2 || !next_block(m, (size_t)(b - m->v)) ||
              next_block(m, (size_t)(b - m->v))->kind == MB_HEAD))
        r = R_FIGURE; /* a photo's caption, the photo lost */
    const char *z;
    if (r == R_PARA && starts_with(t, "**") && (z = strstr(t + 2, "**")) &&
        z > t + 2) {
        /* **习近平强调**，…: a bold lead-in */
        push(m, R_LEADIN, ar_strndup(c->ar, t + 2, (size_t)(z - t - 2)), b);
        t = z + 2;
    }
    ment *e = push(m, r, t, b);
    if (r == R_FIGURE)
        imp_note(c, IMP_R_ROLE, b->line, 1, 1, "photo caption set as a figure "
                 "without an image");
    (void)e;
}

/* The restricted-circulation label printed again at the end, perhaps
 * split over blocks, is furniture. */
static void trailing_label(mdstate *m)
{
    imp_ctx *c = m->c;
    if (!c->doc.label)
        return;
    const char *label = imp_nospace(c->ar, c->doc.label);
    for (size_t k = m->nv; k-- > 0;) {
        imp_mblock *b = &m->v[k];
        if (b->used || b->kind == MB_RULE)
            continue;
        if (b->kind != MB_PARA || !strstr(label, imp_nospace(c->ar, b->text)))
            return;
        b->used = 1;
        imp_note(c, IMP_X_HEAD, b->line, 1, 1, "«%s» the label again at the "
                 "end", b->text);
    }
}

static void roles(mdstate *m, size_t from)
{
    trailing_label(m);
    for (size_t k = from; k < m->nv; k++) {
        imp_mblock *b = &m->v[k];
        if (b->used)
            continue;
        if (b->kind == MB_RULE)
            imp_note(m->c, IMP_X_RULE, b->line, 1, 1, "«%s» thematic break "
                     "of the conversion", b->text);
        else if (b->kind == MB_HEAD)
            heading_role(m, b, k);
        else
            para_role(m, b);
    }
}

int imp_md_ends_sentence(imp_ctx *c, const char *t)
{
    return ends_sentence(c, t);
}

const char *imp_md_join(imp_ctx *c, const char *a, const char *b)
{
    return join(c, a, b);
}

const char *imp_md_byline(imp_ctx *c, const char *t, const char **pos)
{
    return byline_text(c, t, pos);
}

static const char *body_text(mdstate *m, size_t from)
{
    sb_buf sb;
    sb_init(&sb);
    for (size_t k = from; k < m->nv; k++)
        if (m->v[k].kind == MB_PARA && !m->v[k].used)
            sb_adds(&sb, m->v[k].text);
    const char *t = imp_nospace(m->c->ar, sb.s ? sb.s : "");
    sb_free(&sb);
    return t;
}

static const char *md_style(imp_ctx *c)
{
    if (c->pub == IMP_PUB_JINCHENG)
        return "jincheng-2020";
    if (c->pub != IMP_PUB_TIANJIN)
        return NULL;
    /* the conversion keeps no measure: the year decides the design */
    if (c->doc.year >= 2023)
        return "tianjin-2023";
    imp_warn(c, 1, 1, "the design of a Markdown conversion cannot be "
             "measured: tianjin-2022 assumed (give the year's style by hand "
             "if it is a 2023 issue)");
    return "tianjin-2022";
}

int imp_read_md(imp_ctx *c)
{
    mdstate m;
    memset(&m, 0, sizeof m);
    m.c = c;
    if (split_blocks(&m))
        return -1;
    if (!m.nv) {
        diag_error(c->d, (diag_pos){c->input, 1, 1}, "no text to import");
        return -1;
    }
    size_t from = imp_md_front(c, m.v, m.nv);
    m.body = body_text(&m, from);
    roles(&m, from);
    imp_md_articles(&m);
    c->style = md_style(c);
    c->detect_note = "Markdown conversion";
    return 0;
}
