/* mdroles.c: Markdown conversions: the role of each block, whatever its
 * heading level (docs/import.md, Headings by role, Paragraphs) */
#include <string.h>

#include "imp.h"

/* A figure's caption: a paragraph shorter than this, set off by blank
 * lines, that ends a sentence. */
#define CAPTION_MAX_CHARS 200
/* A byline is a name with its position, shorter than this. */
#define BYLINE_MAX_CHARS 40

/* Ends a sentence, looking through closing quotes and brackets
 * (PUNCT_TRAILS), "**" and spaces. */
int imp_md_ends_sentence(imp_ctx *c, const char *t)
{
    size_t len = strlen(t);
    while (len) {
        uint32_t cp;
        size_t k = u8_before(t, len, &cp);
        if (len >= 2 && t[len - 1] == '*' && t[len - 2] == '*')
            len -= 2;
        else if (t[len - 1] == ' ' || punct_has(cp, PUNCT_TRAILS))
            len = t[len - 1] == ' ' ? len - 1 : k;
        else
            break;
    }
    return len && punct_has(imp_last_cp(ar_strndup(c->ar, t, len)),
                            PUNCT_ENDS);
}

const char *imp_md_join(imp_ctx *c, const char *a, const char *b)
{
    if (imp_is_alnum(imp_last_cp(a)) && imp_is_alnum(imp_first_cp(b)))
        return ar_printf(c->ar, "%s %s", a, b);
    return ar_printf(c->ar, "%s%s", a, b);
}

static imp_ment *push(imp_mdstate *m, imp_mrole r, const char *text,
                      imp_mblock *b)
{
    imp_ment *e = AR_PUSH(m->ctx->ar, m->entries, m->nentries, m->capentries);
    if (e) {
        e->role = r;
        e->text = text;
        e->block = b;
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
        if (imp_starts(t, starts[i]))
            return imp_ends(t, "）");
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

/* A byline "[职务 ]姓名": the name is the last 2–3 Han (or a padded
 * "姚 逊"); returns the name, *pos the position or NULL. */
const char *imp_md_byline(imp_ctx *c, const char *t, const char **pos)
{
    if (u8_count(t, strlen(t)) > BYLINE_MAX_CHARS ||
        imp_md_ends_sentence(c, t))
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
        *pos = imp_phrase(c->ar, p);
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
        if (imp_ends(t, ends[i]))
            return 1;
    return 0;
}

/* Strip **…** around a whole heading; *bold says it was there. */
static const char *unbold(imp_ctx *c, const char *t, int *bold)
{
    size_t n = strlen(t);
    *bold = n > 4 && imp_starts(t, "**") && imp_ends(t, "**");
    return *bold ? ar_strndup(c->ar, t + 2, n - 4) : t;
}

/* A block's text normalised, as its role is read. */
static char *normalized(imp_ctx *c, const imp_mblock *b)
{
    return imp_normalize(c, b->text, 0, 0, b->line, NULL, 1);
}

static imp_mblock *next_block(imp_mdstate *m, size_t k)
{
    for (size_t j = k + 1; j < m->nblocks; j++)
        if (!m->blocks[j].used)
            return &m->blocks[j];
    return NULL;
}

/* The contents entry's title without its subtitle and line breaks, for
 * finding the second half of a spread title. */
static char *toc_title(imp_ctx *c, long toc)
{
    char *want = imp_nospace(c->ar, c->doc.toc[toc].title);
    char *dash = strstr(want, "\n——");
    if (dash)
        *dash = 0;
    want = imp_nospace(c->ar, want);
    for (char *p = want; (p = strchr(p, '\n'));)
        memmove(p, p + 1, strlen(p));
    return want;
}

/* The heading that completes a spread title whose first half is e's. */
static void spread_title(imp_mdstate *m, imp_ment *e, size_t k)
{
    imp_ctx *c = m->ctx;
    char *want = toc_title(c, e->toc);
    const char *have = imp_nospace(c->ar, e->text);
    if (!imp_starts(want, have) || !strcmp(want, have))
        return;
    const char *rest = want + strlen(have);
    for (size_t j = k + 1; j < m->nblocks; j++) {
        imp_mblock *b = &m->blocks[j];
        int bold;
        if (b->kind != MB_HEAD || b->used)
            continue;
        const char *t = unbold(c, normalized(c, b), &bold);
        if (strcmp(imp_nospace(c->ar, t), rest))
            continue;
        b->used = 1;
        e->text = ar_printf(c->ar, "%s %s", e->text, t);
        imp_note(c, IMP_R_TITLE, b->line, 1, 1, "second half of the spread "
                 "title at line %d moved to it", e->line);
        imp_mblock *s = next_block(m, j);
        if (s && s->kind == MB_HEAD && imp_starts(s->text, "——")) {
            s->used = 1;
            e->sub = normalized(c, s);
            imp_note(c, IMP_R_TITLE, s->line, 1, 1, "its subtitle moved with "
                     "it");
        }
        return;
    }
}

/* A heading named by the contents (or the first half of one): a title. */
static void toc_title_role(imp_mdstate *m, imp_mblock *b, size_t k,
                           const char *t)
{
    imp_ment *e = push(m, MR_TITLE, t, b);
    if (!e)
        return;
    e->toc = imp_toc_find(m->ctx, t, 0);
    if (e->toc < 0) {
        e->toc = imp_toc_find(m->ctx, t, 1);
        spread_title(m, e, k);
    }
}

/* Any other heading: a title, a contribution's when the issue has
 * contents (and then warned about when no byline follows it). */
static void other_title_role(imp_mdstate *m, imp_mblock *b, imp_mblock *nb,
                             const char *t)
{
    imp_ctx *c = m->ctx;
    const char *pos;
    int byl = nb && nb->kind == MB_PARA && nb->nlines == 1 &&
              imp_md_byline(c, normalized(c, nb), &pos);
    imp_ment *e = push(m, MR_TITLE, t, b);
    if (e)
        e->part = c->doc.ntoc > 0;
    if (c->doc.ntoc && !byl)
        imp_warn(c, IMP_CHECK, b->line, 1, "heading «%s» is not in the contents and has "
                 "no byline: taken for a contribution's title", t);
}

static void heading_role(imp_mdstate *m, imp_mblock *b, size_t k)
{
    imp_ctx *c = m->ctx;
    int bold;
    const char *t = unbold(c, normalized(c, b), &bold);
    imp_mblock *nb = next_block(m, k);
    int hn = imp_headnum(t);
    const char *deck = nb && nb->kind == MB_PARA ? nb->lines[0] : NULL;
    if (hn == 1 || hn == 2) {
        push(m, hn == 1 ? MR_HEAD : MR_SUBHEAD, t, b);
        if ((hn == 1 && b->level != 3) || (hn == 2 && b->level != 4) || bold)
            imp_note(c, IMP_R_ROLE, b->line, 1, 1, "level-%d heading set as %s",
                     b->level, hn == 1 ? "a section head (###)"
                                       : "a sub-head (####)");
    } else if (bold && imp_md_ends_sentence(c, t)) {
        push(m, MR_LEADIN, t, b);
        imp_note(c, IMP_R_ROLE, b->line, 1, 1, "bold heading is the lead-in of "
                 "the next paragraph");
    } else if (imp_starts(t, "——")) {
        push(m, MR_SUBTITLE, t, b);
    } else if (imp_toc_find(c, t, 0) >= 0 || imp_toc_find(c, t, 1) >= 0) {
        toc_title_role(m, b, k, t);
    } else if (org_text(t) && nb && nb->kind == MB_HEAD) {
        push(m, MR_ORG, t, b);
    } else if (b->level == 1 && nb && nb->kind == MB_HEAD && !c->doc.ntoc) {
        push(m, MR_COLUMN, imp_phrase(c->ar, t), b);
        imp_note(c, IMP_X_HEAD, b->line, 1, 1, "«%s» banner over the articles: "
                 "the column heading (栏目)", t);
    } else if (deck && imp_toc_find(c, imp_normalize(c, deck, 0, 0, nb->line,
                                                     NULL, 1), 0) >= 0) {
        /* the contents name the article by the deck under its title */
        imp_ment *e = push(m, MR_TITLE, t, b);
        if (e)
            e->toc = imp_toc_find(c, imp_normalize(c, deck, 0, 0, nb->line,
                                                   NULL, 1), 0);
    } else {
        other_title_role(m, b, nb, t);
    }
}

/* A jump marker in the paragraph's text *t: taken out (*t is the rest)
 * and an entry of its own; 0 when none, 1 (下转) or 2 (上接). */
static int tail_marker(imp_mdstate *m, imp_mblock *b, const char **t)
{
    size_t at, len;
    int page, d = imp_find_jump(*t, &at, &len, &page);
    if (!d)
        return 0;
    imp_note(m->ctx, IMP_X_JUMP, b->line, 1, 1, "«%.*s» jump marker", (int)len,
             *t + at);
    const char *rest = ar_printf(m->ctx->ar, "%.*s%s", (int)at, *t,
                                 *t + at + len);
    while (*rest == ' ')
        rest++;
    *t = rest;
    imp_ment *e = push(m, d == 1 ? MR_JUMP : MR_TAIL, NULL, b);
    if (e)
        e->page = page;
    return d;
}

/* The role of a paragraph by its text and the blank lines around it. */
static imp_mrole para_kind(imp_mdstate *m, imp_mblock *b, const char *t)
{
    imp_mblock *nb = next_block(m, (size_t)(b - m->blocks));
    if (note_text(t))
        return MR_NOTE;
    if (imp_starts(t, "★"))
        return MR_ITEM;
    if (imp_starts(t, "**编者按"))
        return MR_EDNOTE;
    if (pinyin_text(t))
        return MR_PINYIN;
    if (imp_date_line(t))
        return MR_DATE;
    if (b->blank_before >= 2 && u8_count(t, strlen(t)) < CAPTION_MAX_CHARS &&
        imp_md_ends_sentence(m->ctx, t) &&
        (b->blank_after >= 2 || !nb || nb->kind == MB_HEAD))
        return MR_FIGURE; /* a photo's caption, the photo lost */
    return MR_PARA;
}

static void para_role(imp_mdstate *m, imp_mblock *b)
{
    imp_ctx *c = m->ctx;
    const char *t = normalized(c, b), *z;
    if (tail_marker(m, b, &t) == 1) { /* (下转N页) ends the text before it */
        imp_ment *j = &m->entries[m->nentries - 1];
        if (*t) {
            imp_ment jump = *j;
            j->role = MR_PARA;
            j->text = t;
            imp_ment *e = push(m, jump.role, NULL, b);
            if (e)
                e->page = jump.page;
        }
        return;
    }
    if (!*t)
        return;
    imp_mrole r = para_kind(m, b, t);
    if (r == MR_PARA && imp_starts(t, "**") && (z = strstr(t + 2, "**")) &&
        z > t + 2) {
        /* **习近平强调**，…: a bold lead-in */
        push(m, MR_LEADIN, ar_strndup(c->ar, t + 2, (size_t)(z - t - 2)), b);
        t = z + 2;
    }
    push(m, r, t, b);
    if (r == MR_FIGURE)
        imp_note(c, IMP_R_ROLE, b->line, 1, 1, "photo caption set as a figure "
                 "without an image");
}

/* The restricted-circulation label printed again at the end, perhaps
 * split over blocks, is furniture. */
static void trailing_label(imp_mdstate *m)
{
    imp_ctx *c = m->ctx;
    if (!c->doc.label)
        return;
    const char *label = imp_nospace(c->ar, c->doc.label);
    for (size_t k = m->nblocks; k-- > 0;) {
        imp_mblock *b = &m->blocks[k];
        if (b->used || b->kind == MB_RULE)
            continue;
        if (b->kind != MB_PARA || !strstr(label, imp_nospace(c->ar, b->text)))
            return;
        b->used = 1;
        imp_note(c, IMP_X_HEAD, b->line, 1, 1, "«%s» the label again at the "
                 "end", b->text);
    }
}

/* The roles of the blocks from `from` on, in order. */
void imp_md_roles(imp_mdstate *m, size_t from)
{
    trailing_label(m);
    for (size_t k = from; k < m->nblocks; k++) {
        imp_mblock *b = &m->blocks[k];
        if (b->used)
            continue;
        if (b->kind == MB_RULE)
            imp_note(m->ctx, IMP_X_RULE, b->line, 1, 1, "«%s» thematic break "
                     "of the conversion", b->text);
        else if (b->kind == MB_HEAD)
            heading_role(m, b, k);
        else
            para_role(m, b);
    }
}
