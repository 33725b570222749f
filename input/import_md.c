/* import_md.c: Markdown conversions: blocks and their roles whatever the
 * heading levels, paragraphs split at column and page breaks joined,
 * jump-continued tails stitched back, articles and their heads */
#include <stdlib.h>
#include <string.h>

#include "imp.h"

/* A kicker, deck or byline is a short paragraph; longer ones are text. */
#define HEAD_MAX_CHARS 60

typedef enum role {
    R_NONE, R_COLUMN, R_TITLE, R_ORG, R_SUBTITLE, R_HEAD, R_SUBHEAD,
    R_LEADIN, R_PARA, R_NOTE, R_ITEM, R_EDNOTE, R_PINYIN, R_DATE,
    R_FIGURE, R_JUMP, R_TAIL,
} role;

typedef struct ment {
    role r;
    const char *text;
    int line;
    long toc;         /* R_TITLE: its contents entry, -1 none */
    int part;         /* R_TITLE: a contribution inside an article */
    int page;         /* R_JUMP, R_TAIL: the page named */
    const char *sub;  /* R_TITLE: the subtitle of a spread title */
    imp_mblock *b;
} ment;

typedef struct jump {
    size_t art, after; /* insertion point: after block `after` - 1 */
    int page, used, line;
} jump;

typedef struct tail {
    int page, line;
    size_t first, end; /* its entries [first, end) */
} tail;

typedef struct mdstate {
    imp_ctx *c;
    imp_mblock *v;
    size_t nv, capv;
    ment *e;
    size_t ne, cape;
    const char *body; /* the issue's text without spaces, for titles */
    jump *jumps;
    size_t njumps, capjumps;
    tail *tails;
    size_t ntails, captails;
    /* assembling */
    imp_art *art;
    int head_zone;      /* after a title, before the body */
    const char *column;
    const char *org;    /* an organisation byline waiting for its title */
    const char *leadin; /* bold text waiting for its paragraph */
    const char *kicker;
    int after_jump;     /* the current article's text went on elsewhere */
} mdstate;

static int starts_with(const char *s, const char *p)
{
    return strncmp(s, p, strlen(p)) == 0;
}

static int ends_with(const char *s, const char *p)
{
    size_t a = strlen(s), b = strlen(p);
    return a >= b && !memcmp(s + a - b, p, b);
}

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
        } else if (!cur && is_rule(t, n)) {
            if (!new_mblock(m, MB_RULE, line, blanks))
                return -1;
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
            imp_note(m->c, IMP_X_RULE, b->line, 1, 1, "«---» thematic break "
                     "of the conversion");
        else if (b->kind == MB_HEAD)
            heading_role(m, b, k);
        else
            para_role(m, b);
    }
}

/* ---- articles ---- */

static imp_block *add_block(mdstate *m, imp_bkind k, const char *t, int line)
{
    if (!m->art) {
        imp_warn(m->c, line, 1, "text before the first title: kept in an "
                 "article with a title to be filled in");
        m->art = imp_new_art(m->c, line);
        if (!m->art)
            return NULL;
        imp_push_line(m->c, &m->art->title, "（标题）");
        m->art->column = m->column;
    }
    imp_block *b = imp_new_block(m->c, m->art, k, line);
    if (b)
        b->text = (char *)t;
    m->head_zone = 0;
    return b;
}

static void title(mdstate *m, const ment *e)
{
    imp_ctx *c = m->c;
    imp_art *a = imp_new_art(c, e->line);
    if (!a)
        return;
    m->art = a;
    m->head_zone = 1;
    m->after_jump = 0;
    a->part = e->part;
    imp_md_title_lines(c, a, e->text, e->toc, m->body, e->line);
    if (e->toc >= 0) {
        const imp_tocent *t = &c->doc.toc[e->toc];
        a->page = t->page;
        if (t->column)
            m->column = t->column;
        /* the contents' wording, when it is not the title's */
        char *tt = ar_strdup(c->ar, t->title), *dash = strstr(tt, "\n——");
        if (dash)
            *dash = 0;
        if (strcmp(imp_nospace(c->ar, tt), imp_nospace(c->ar, e->text))) {
            for (char *p = tt; (p = strchr(p, '\n'));)
                *p = ' ';
            a->toc = phrase(c, tt);
        }
    }
    a->column = m->column;
    if (m->kicker)
        imp_push_line(c, &a->kicker, m->kicker);
    m->kicker = NULL;
    if (e->sub)
        imp_push_line(c, &a->subtitle, e->sub);
    if (m->org) {
        imp_byline *b = AR_PUSH(c->ar, a->bylines, a->nbylines, a->capbylines);
        if (b)
            b->name = m->org;
        m->org = NULL;
    }
}

/* In the head of an article: byline, deck, subtitle, pinyin, date. */
static int head_element(mdstate *m, const ment *e)
{
    imp_ctx *c = m->c;
    imp_art *a = m->art;
    const char *pos, *name;
    if (!m->head_zone || !a)
        return 0;
    switch (e->r) {
    case R_SUBTITLE:
        imp_push_line(c, &a->subtitle, e->text);
        return 1;
    case R_PINYIN:
        imp_push_line(c, &a->pinyin, e->text);
        return 1;
    case R_DATE:
        imp_push_line(c, &a->date, e->text);
        return 1;
    case R_PARA:
        if (starts_with(e->text, "——") && !a->subtitle.n) {
            imp_push_line(c, &a->subtitle, phrase(c, e->text));
            return 1;
        }
        if (e->b->nlines == 1 && (name = byline_text(c, e->text, &pos))) {
            imp_byline *b = AR_PUSH(c->ar, a->bylines, a->nbylines,
                                    a->capbylines);
            if (b) {
                b->name = name;
                b->position = pos;
            }
            imp_note(c, IMP_R_ROLE, e->line, 1, 1, "byline «%s»", name);
            return 1;
        }
        if (!a->deck.n && !ends_sentence(c, e->text) &&
            u8_count(e->text, strlen(e->text)) <= HEAD_MAX_CHARS) {
            /* a summary under the title: its printed lines kept */
            for (size_t i = 0; i < e->b->nlines; i++)
                imp_push_line(c, &a->deck, phrase(c, imp_normalize(
                                  c, e->b->lines[i], 0, 0, e->b->lnos[i], NULL, 1)));
            imp_note(c, IMP_R_ROLE, e->line, 1, 1, "deck under the title");
            return 1;
        }
        return 0;
    default:
        return 0;
    }
}

static int is_kicker(mdstate *m, size_t i)
{
    const ment *e = &m->e[i];
    return e->r == R_PARA && i + 1 < m->ne && m->e[i + 1].r == R_TITLE &&
           !ends_sentence(m->c, e->text) &&
           u8_count(e->text, strlen(e->text)) <= HEAD_MAX_CHARS;
}

static void body_entry(mdstate *m, size_t i)
{
    imp_ctx *c = m->c;
    const ment *e = &m->e[i];
    imp_block *b;
    if (head_element(m, e))
        return;
    if (m->after_jump && e->r == R_PARA) {
        /* text after a (下转N页) belongs to an article whose title the
         * conversion lost */
        imp_warn(c, e->line, 1, "text after a jump marker with no title of "
                 "its own: an article whose title is to be found");
        m->art = imp_new_art(c, e->line);
        if (m->art) {
            imp_push_line(c, &m->art->title, "（标题）");
            m->art->column = m->column;
        }
        m->after_jump = 0;
    }
    switch (e->r) {
    case R_HEAD:
        add_block(m, IB_HEAD, e->text, e->line);
        break;
    case R_SUBHEAD:
        add_block(m, IB_SUBHEAD, e->text, e->line);
        break;
    case R_NOTE:
        add_block(m, IB_NOTE, e->text, e->line);
        break;
    case R_ITEM:
        add_block(m, IB_ITEM, e->text, e->line);
        break;
    case R_EDNOTE: {
        const char *t = e->text;
        const char *z = strstr(t + 2, "**");
        b = add_block(m, IB_EDNOTE, z ? ar_printf(c->ar, "%.*s%s",
                                                  (int)(z - t - 2), t + 2, z + 2)
                                      : t, e->line);
        if (b && z)
            b->bold = (size_t)(z - t - 2);
        break;
    }
    case R_FIGURE:
        add_block(m, IB_FIGURE, e->text, e->line);
        break;
    case R_LEADIN:
        m->leadin = e->text;
        break;
    case R_PARA:
    case R_PINYIN:
    case R_DATE:
    case R_SUBTITLE:
        b = add_block(m, IB_PARA, e->text, e->line);
        if (b && m->leadin) {
            b->text = ar_printf(c->ar, "%s%s", m->leadin, e->text);
            b->bold = strlen(m->leadin);
        }
        m->leadin = NULL;
        break;
    default:
        break;
    }
}

static void assemble(mdstate *m)
{
    imp_ctx *c = m->c;
    for (size_t i = 0; i < m->ne; i++) {
        ment *e = &m->e[i];
        if (e->r == R_TAIL) {
            /* a tail runs to the next title */
            tail *t = AR_PUSH(c->ar, m->tails, m->ntails, m->captails);
            if (!t)
                return;
            t->page = e->page;
            t->line = e->line;
            t->first = i + 1;
            while (i + 1 < m->ne && m->e[i + 1].r != R_TITLE &&
                   m->e[i + 1].r != R_COLUMN && m->e[i + 1].r != R_TAIL &&
                   !is_kicker(m, i + 1))
                i++;
            t->end = i + 1;
            continue;
        }
        switch (e->r) {
        case R_COLUMN:
            m->column = e->text;
            break;
        case R_ORG:
            m->org = e->text;
            break;
        case R_TITLE:
            title(m, e);
            break;
        case R_JUMP: {
            jump *j = AR_PUSH(c->ar, m->jumps, m->njumps, m->capjumps);
            if (j && m->art) {
                j->art = (size_t)(m->art - c->doc.arts);
                j->after = m->art->nblocks;
                j->page = e->page;
                j->line = e->line;
            }
            m->after_jump = 1;
            break;
        }
        default:
            if (is_kicker(m, i)) {
                m->kicker = phrase(c, e->text);
                break;
            }
            body_entry(m, i);
        }
    }
}

/* ---- jump tails ---- */

/* Pages of article k by the contents: its start up to the next start. */
static int in_pages(imp_ctx *c, size_t k, int page)
{
    const imp_art *a = &c->doc.arts[k];
    if (!a->page)
        return 0;
    int end = 0;
    for (size_t j = k + 1; j < c->doc.narts && !end; j++)
        if (c->doc.arts[j].page > a->page)
            end = c->doc.arts[j].page - 1;
    return page >= a->page && (!end || page <= end);
}

static void stitch(mdstate *m)
{
    imp_ctx *c = m->c;
    for (size_t t = 0; t < m->ntails; t++) {
        tail *tl = &m->tails[t];
        jump *j = NULL;
        for (size_t k = 0; k < m->njumps && !j; k++)
            if (!m->jumps[k].used && in_pages(c, m->jumps[k].art, tl->page))
                j = &m->jumps[k];
        for (size_t k = 0; k < m->njumps && !j; k++)
            if (!m->jumps[k].used)
                j = &m->jumps[k];
        if (!j) {
            imp_warn(c, tl->line, 1, "(上接%d页) without a (下转…页) to go "
                     "with: the text stays where it is", tl->page);
            j = NULL;
        }
        /* build the tail's blocks in a scratch article, then move them */
        imp_art *keep = m->art;
        imp_art *scratch = imp_new_art(c, tl->line);
        if (!scratch)
            return;
        size_t si = c->doc.narts - 1;
        m->art = scratch;
        m->head_zone = 0;
        m->after_jump = 0;
        for (size_t i = tl->first; i < tl->end; i++)
            body_entry(m, i);
        scratch = &c->doc.arts[si];
        imp_art *host = j ? &c->doc.arts[j->art] : NULL;
        if (host) {
            size_t n = scratch->nblocks, at = j->after;
            for (size_t k = 0; k < n; k++)
                if (!imp_new_block(c, host, IB_PARA, 0))
                    return;
            memmove(&host->blocks[at + n], &host->blocks[at],
                    (host->nblocks - n - at) * sizeof *host->blocks);
            memcpy(&host->blocks[at], scratch->blocks, n * sizeof *host->blocks);
            for (size_t k = 0; k < m->njumps; k++)
                if (m->jumps[k].art == j->art && m->jumps[k].after >= at &&
                    &m->jumps[k] != j)
                    m->jumps[k].after += n;
            j->used = 1;
            imp_note(c, IMP_R_STITCH, tl->line, 1, 1, "(上接%d页) tail moved "
                     "to the (下转%d页) of line %d", tl->page, j->page, j->line);
            c->doc.narts--; /* the scratch article was the last one */
            memmove(&c->doc.arts[si], &c->doc.arts[si + 1],
                    (c->doc.narts - si) * sizeof *c->doc.arts);
        } else {
            imp_push_line(c, &c->doc.arts[si].title, "（标题）");
        }
        m->art = keep;
    }
    for (size_t k = 0; k < m->njumps; k++)
        if (!m->jumps[k].used)
            imp_warn(c, m->jumps[k].line, 1, "(下转%d页) whose continuation "
                     "was not found", m->jumps[k].page);
}

/* ---- paragraphs split at breaks ---- */

/* Numbered items (一) set as sub-heads in an article whose other such
 * items are run-in paragraphs are run-in paragraphs too; a paragraph
 * that is only "二、…。" in an article whose 一、 items are heads is a
 * head. */
static void numbered_roles(imp_ctx *c, imp_art *a)
{
    int sub_heads = 0, sub_paras = 0, heads = 0;
    for (size_t k = 0; k < a->nblocks; k++) {
        imp_block *b = &a->blocks[k];
        sub_heads += b->kind == IB_SUBHEAD;
        sub_paras += b->kind == IB_PARA && imp_headnum(b->text) == 2;
        heads += b->kind == IB_HEAD;
    }
    int runins = 0;
    for (size_t k = 0; k < a->nblocks; k++) {
        const imp_block *b = &a->blocks[k];
        const char *dot = strstr(b->text, "。");
        runins += b->kind == IB_PARA && imp_headnum(b->text) == 1 && dot &&
                  dot[3];
    }
    for (size_t k = 0; k + 1 < a->nblocks; k++) {
        imp_block *b = &a->blocks[k], *nx = &a->blocks[k + 1];
        if (heads || !runins || b->kind != IB_PARA || nx->kind != IB_PARA ||
            imp_headnum(b->text) != 1 || imp_headnum(nx->text) ||
            u8_count(b->text, strlen(b->text)) > 40 ||
            strstr(b->text, "。") != b->text + strlen(b->text) - 3)
            continue;
        /* a numbered sentence alone, in an article of run-in numbered
         * paragraphs: the run-in opening of the next paragraph */
        imp_note(c, IMP_R_JOIN, nx->line, 1, 1, "numbered sentence at line %d "
                 "runs into this paragraph, as the article's other 一、 items",
                 b->line);
        b->text = (char *)join(c, b->text, nx->text);
        memmove(nx, nx + 1, (a->nblocks - k - 2) * sizeof *nx);
        a->nblocks--;
    }
    for (size_t k = 0; k < a->nblocks; k++) {
        imp_block *b = &a->blocks[k];
        if (b->kind == IB_SUBHEAD && sub_paras > sub_heads) {
            b->kind = IB_PARA;
            imp_note(c, IMP_R_ROLE, b->line, 1, 1, "sub-head heading is a "
                     "run-in paragraph, as the article's other (N) items");
        } else if (b->kind == IB_PARA && heads && imp_headnum(b->text) == 1 &&
                   ends_with(b->text, "。") && u8_count(b->text, strlen(b->text)) <= 40 &&
                   strstr(b->text, "。") == b->text + strlen(b->text) - 3) {
            b->kind = IB_HEAD;
            b->text[strlen(b->text) - 3] = 0;
            b->text = ar_printf(c->ar, "%s。", b->text);
            imp_note(c, IMP_R_ROLE, b->line, 1, 1, "numbered sentence set as "
                     "a section head, as the article's other 一、 items");
        }
    }
}

static int joinable(imp_bkind k)
{
    return k == IB_PARA || k == IB_ITEM;
}

/* A paragraph (or ★ item) that ends no sentence goes on in the next
 * body paragraph: the conversion split it at a column or page break. */
static void join_paragraphs(imp_ctx *c, imp_art *a)
{
    size_t out = 0;
    for (size_t k = 0; k < a->nblocks; k++) {
        imp_block *b = &a->blocks[k];
        imp_block *p = out ? &a->blocks[out - 1] : NULL;
        if (p && joinable(p->kind) && b->kind == IB_PARA && !b->bold &&
            !ends_sentence(c, p->text) && !imp_headnum(b->text)) {
            imp_note(c, IMP_R_JOIN, b->line, 1, 1, "paragraph goes on from "
                     "line %d («…%s» + «%.12s…»)", p->line,
                     p->text + (strlen(p->text) > 12 ? strlen(p->text) - 12 : 0),
                     b->text);
            if (imp_last_cp(p->text) == imp_first_cp(b->text) &&
                u8_is_han(imp_first_cp(b->text)))
                imp_warn(c, b->line, 1, "the same character ends line %d and "
                         "starts this one: a character doubled at the break? "
                         "(kept)", p->line);
            p->text = (char *)join(c, p->text, b->text);
            continue;
        }
        a->blocks[out++] = *b;
    }
    a->nblocks = out;
    for (size_t k = 0; k < a->nblocks; k++)
        if (joinable(a->blocks[k].kind) && !ends_sentence(c, a->blocks[k].text))
            imp_warn(c, a->blocks[k].line, 1, "paragraph ends no sentence and "
                     "nothing continues it: «…%s»", a->blocks[k].text +
                     (strlen(a->blocks[k].text) > 15 ? strlen(a->blocks[k].text) - 15 : 0));
}

/* A first paragraph whose text stands again in the article's text is a
 * pull quote under the title: a deck. */
static void pull_quote(imp_ctx *c, imp_art *a)
{
    if (a->nblocks < 2 || a->deck.n || a->blocks[0].kind != IB_PARA)
        return;
    const char *q = imp_nospace(c->ar, a->blocks[0].text);
    for (size_t k = 1; k < a->nblocks; k++)
        if (strstr(imp_nospace(c->ar, a->blocks[k].text), q) ||
            (k + 1 < a->nblocks &&
             strstr(imp_nospace(c->ar, join(c, a->blocks[k].text,
                                            a->blocks[k + 1].text)), q))) {
            imp_push_line(c, &a->deck, a->blocks[0].text);
            memmove(a->blocks, a->blocks + 1, (a->nblocks - 1) * sizeof *a->blocks);
            a->nblocks--;
            imp_note(c, IMP_R_ROLE, a->line, 1, 1, "first paragraph stands "
                     "again in the text: a pull quote, set as the deck");
            return;
        }
}

/* An article whose title the conversion lost takes it from the contents
 * entry standing at its place between the articles matched to entries. */
static void missing_titles(imp_ctx *c)
{
    for (size_t k = 0; k < c->doc.narts; k++) {
        imp_art *a = &c->doc.arts[k];
        if (a->title.n != 1 || strcmp(a->title.v[0], "（标题）"))
            continue;
        int before = 0, after = 0;
        for (size_t j = k; j-- > 0 && !before;)
            before = c->doc.arts[j].page;
        for (size_t j = k + 1; j < c->doc.narts && !after; j++)
            after = c->doc.arts[j].page;
        const imp_tocent *hit = NULL;
        int n = 0;
        for (size_t t = 0; t < c->doc.ntoc; t++) {
            const imp_tocent *e = &c->doc.toc[t];
            if (e->page > before && (!after || e->page < after))
                hit = e, n++;
        }
        if (n != 1) {
            imp_warn(c, a->line, 1, "article without a title, and no contents "
                     "entry for its place: title to be filled in");
            continue;
        }
        a->title.n = 0;
        char *t = ar_strdup(c->ar, hit->title);
        for (char *p = strtok(t, "\n"); p; p = strtok(NULL, "\n"))
            imp_push_line(c, &a->title, p);
        a->page = hit->page;
        a->column = hit->column;
        imp_note(c, IMP_R_TITLE, a->line, 1, 1, "title «%s» restored from the "
                 "contents", hit->title);
    }
}

static const char *body_text(mdstate *m, size_t from)
{
    sb_buf sb;
    sb_init(&sb);
    for (size_t k = from; k < m->nv; k++)
        if (m->v[k].kind == MB_PARA)
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
    assemble(&m);
    stitch(&m);
    m.art = NULL;
    for (size_t k = 0; k < c->doc.narts; k++) {
        numbered_roles(c, &c->doc.arts[k]);
        join_paragraphs(c, &c->doc.arts[k]);
        pull_quote(c, &c->doc.arts[k]);
    }
    missing_titles(c);
    c->style = md_style(c);
    c->detect_note = "Markdown conversion";
    return 0;
}
