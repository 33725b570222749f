/* mdart.c: Markdown conversions: the articles from the blocks' roles:
 * heads, jump-continued tails stitched back, paragraphs split at column
 * and page breaks joined, titles the conversion lost (docs/import.md,
 * Jumps, Paragraphs) */
#include <stdlib.h>
#include <string.h>

#include "imp.h"

/* A numbered sentence alone (一、…。) is at most this long. */
#define NUMBERED_MAX_CHARS 40

/* ---- articles ---- */

static imp_block *add_block(imp_mdstate *m, imp_bkind k, const char *t,
                            int line)
{
    if (!m->art) {
        imp_warn(m->ctx, IMP_MUST, line, 1, "text before the first title: kept in an "
                 "article with a title to be filled in");
        m->art = imp_new_art(m->ctx, line);
        if (!m->art)
            return NULL;
        imp_push_line(m->ctx, &m->art->title, IMP_NO_TITLE);
        m->art->column = m->column;
    }
    imp_block *b = imp_new_block(m->ctx, m->art, k, line);
    if (b)
        b->text = (char *)t;
    m->head_zone = 0;
    return b;
}

/* The contents' wording of entry toc, when it is not the title t's. */
static const char *toc_wording(imp_ctx *c, long toc, const char *t)
{
    char *tt = ar_strdup(c->ar, c->doc.toc[toc].title);
    char *dash = strstr(tt, "\n——");
    if (dash)
        *dash = 0;
    if (!strcmp(imp_nospace(c->ar, tt), imp_nospace(c->ar, t)))
        return NULL;
    for (char *p = tt; (p = strchr(p, '\n'));)
        *p = ' ';
    return imp_phrase(c->ar, tt);
}

static void open_article(imp_mdstate *m, const imp_ment *e)
{
    imp_ctx *c = m->ctx;
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
        a->toc = toc_wording(c, e->toc, e->text);
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

/* A paragraph in the head of an article: subtitle, byline or deck; 0
 * when it is text. */
static int head_para(imp_mdstate *m, const imp_ment *e)
{
    imp_ctx *c = m->ctx;
    imp_art *a = m->art;
    const char *pos, *name;
    if (imp_starts(e->text, "——") && !a->subtitle.nlines) {
        imp_push_line(c, &a->subtitle, imp_phrase(c->ar, e->text));
        return 1;
    }
    if (e->block->nlines == 1 && (name = imp_md_byline(c, e->text, &pos))) {
        imp_byline *b = AR_PUSH(c->ar, a->bylines, a->nbylines, a->capbylines);
        if (b) {
            b->name = name;
            b->position = pos;
        }
        imp_note(c, IMP_R_ROLE, e->line, 1, 1, "byline «%s»", name);
        return 1;
    }
    if (a->deck.nlines || imp_md_ends_sentence(c, e->text) ||
        u8_count(e->text, strlen(e->text)) > IMP_HEAD_MAX_CHARS)
        return 0;
    /* a summary under the title: its printed lines kept */
    for (size_t i = 0; i < e->block->nlines; i++)
        imp_push_line(c, &a->deck, imp_phrase(c->ar, imp_normalize(
                          c, e->block->lines[i], 0, 0, e->block->lnos[i],
                          NULL, 1)));
    imp_note(c, IMP_R_ROLE, e->line, 1, 1, "deck under the title");
    return 1;
}

/* In the head of an article: byline, deck, subtitle, pinyin, date. */
static int head_element(imp_mdstate *m, const imp_ment *e)
{
    imp_art *a = m->art;
    if (!m->head_zone || !a)
        return 0;
    switch (e->role) {
    case MR_SUBTITLE:
        imp_push_line(m->ctx, &a->subtitle, e->text);
        return 1;
    case MR_PINYIN:
        imp_push_line(m->ctx, &a->pinyin, e->text);
        return 1;
    case MR_DATE:
        imp_push_line(m->ctx, &a->date, e->text);
        return 1;
    case MR_PARA:
        return head_para(m, e);
    default:
        return 0;
    }
}

static int is_kicker(imp_mdstate *m, size_t i)
{
    const imp_ment *e = &m->entries[i];
    return e->role == MR_PARA && i + 1 < m->nentries &&
           m->entries[i + 1].role == MR_TITLE &&
           !imp_md_ends_sentence(m->ctx, e->text) &&
           u8_count(e->text, strlen(e->text)) <= IMP_HEAD_MAX_CHARS;
}

/* Text after a (下转N页) belongs to an article whose title the
 * conversion lost. */
static void after_jump(imp_mdstate *m, const imp_ment *e)
{
    imp_warn(m->ctx, IMP_MUST, e->line, 1, "text after a jump marker with no title of "
             "its own: an article whose title is to be found");
    m->art = imp_new_art(m->ctx, e->line);
    if (m->art) {
        imp_push_line(m->ctx, &m->art->title, IMP_NO_TITLE);
        m->art->column = m->column;
    }
    m->after_jump = 0;
}

/* An editor's note: **编者按：**… with its bold key. */
static void editor_note(imp_mdstate *m, const imp_ment *e)
{
    const char *t = e->text, *z = strstr(t + 2, "**");
    const char *text = z ? ar_printf(m->ctx->ar, "%.*s%s", (int)(z - t - 2),
                                     t + 2, z + 2)
                         : t;
    imp_block *b = add_block(m, IB_EDNOTE, text, e->line);
    if (b && z)
        b->bold = (size_t)(z - t - 2);
}

static void body_entry(imp_mdstate *m, size_t i)
{
    const imp_ment *e = &m->entries[i];
    imp_block *b;
    if (head_element(m, e))
        return;
    if (m->after_jump && e->role == MR_PARA)
        after_jump(m, e);
    switch (e->role) {
    case MR_HEAD:
        add_block(m, IB_HEAD, e->text, e->line);
        break;
    case MR_SUBHEAD:
        add_block(m, IB_SUBHEAD, e->text, e->line);
        break;
    case MR_NOTE:
        add_block(m, IB_NOTE, e->text, e->line);
        break;
    case MR_ITEM:
        add_block(m, IB_ITEM, e->text, e->line);
        break;
    case MR_EDNOTE:
        editor_note(m, e);
        break;
    case MR_FIGURE:
        add_block(m, IB_FIGURE, e->text, e->line);
        break;
    case MR_LEADIN:
        m->leadin = e->text;
        break;
    case MR_PARA:
    case MR_PINYIN:
    case MR_DATE:
    case MR_SUBTITLE:
        b = add_block(m, IB_PARA, e->text, e->line);
        if (b && m->leadin) {
            b->text = ar_printf(m->ctx->ar, "%s%s", m->leadin, e->text);
            b->bold = strlen(m->leadin);
        }
        m->leadin = NULL;
        break;
    default:
        break;
    }
}

/* A tail opened by （上接N页） at entry i runs to the next title; the
 * index of its last entry. */
static size_t add_tail(imp_mdstate *m, size_t i)
{
    const imp_ment *e = &m->entries[i];
    imp_mtail *t = AR_PUSH(m->ctx->ar, m->tails, m->ntails, m->captails);
    if (!t)
        return m->nentries;
    t->page = e->page;
    t->line = e->line;
    t->first = i + 1;
    while (i + 1 < m->nentries && m->entries[i + 1].role != MR_TITLE &&
           m->entries[i + 1].role != MR_COLUMN &&
           m->entries[i + 1].role != MR_TAIL && !is_kicker(m, i + 1))
        i++;
    t->end = i + 1;
    return i;
}

/* A (下转N页): the insertion point of its article's continuation. */
static void add_jump(imp_mdstate *m, const imp_ment *e)
{
    imp_mjump *j = AR_PUSH(m->ctx->ar, m->jumps, m->njumps, m->capjumps);
    if (j && m->art) {
        j->art = (size_t)(m->art - m->ctx->doc.arts);
        j->after = m->art->nblocks;
        j->page = e->page;
        j->line = e->line;
    }
    m->after_jump = 1;
}

static void assemble(imp_mdstate *m)
{
    for (size_t i = 0; i < m->nentries; i++) {
        const imp_ment *e = &m->entries[i];
        switch (e->role) {
        case MR_TAIL:
            i = add_tail(m, i);
            break;
        case MR_COLUMN:
            m->column = e->text;
            break;
        case MR_ORG:
            m->org = e->text;
            break;
        case MR_TITLE:
            open_article(m, e);
            break;
        case MR_JUMP:
            add_jump(m, e);
            break;
        default:
            if (is_kicker(m, i))
                m->kicker = imp_phrase(m->ctx->ar, e->text);
            else
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

/* The (下转…页) a tail goes with: the first unused one of an article
 * whose pages hold the tail's page, else the first unused one. */
static imp_mjump *jump_for(imp_mdstate *m, const imp_mtail *tl)
{
    for (size_t k = 0; k < m->njumps; k++)
        if (!m->jumps[k].used && in_pages(m->ctx, m->jumps[k].art, tl->page))
            return &m->jumps[k];
    for (size_t k = 0; k < m->njumps; k++)
        if (!m->jumps[k].used)
            return &m->jumps[k];
    return NULL;
}

/* The blocks of the scratch article (the last one, index si) moved to
 * the insertion point of jump j, and the scratch article given back. */
static int move_jump_tail(imp_mdstate *m, const imp_mtail *tl, imp_mjump *j,
                     size_t si)
{
    imp_ctx *c = m->ctx;
    imp_art *scratch = &c->doc.arts[si], *host = &c->doc.arts[j->art];
    size_t n = scratch->nblocks, at = j->after;
    for (size_t k = 0; k < n; k++)
        if (!imp_new_block(c, host, IB_PARA, 0))
            return -1;
    memmove(&host->blocks[at + n], &host->blocks[at],
            (host->nblocks - n - at) * sizeof *host->blocks);
    memcpy(&host->blocks[at], scratch->blocks, n * sizeof *host->blocks);
    for (size_t k = 0; k < m->njumps; k++)
        if (m->jumps[k].art == j->art && m->jumps[k].after >= at &&
            &m->jumps[k] != j)
            m->jumps[k].after += n;
    j->used = 1;
    imp_note(c, IMP_R_STITCH, tl->line, 1, 1, "(上接%d页) tail moved to the "
             "(下转%d页) of line %d", tl->page, j->page, j->line);
    c->doc.narts--; /* the scratch article was the last one */
    memmove(&c->doc.arts[si], &c->doc.arts[si + 1],
            (c->doc.narts - si) * sizeof *c->doc.arts);
    return 0;
}

/* Each tail's blocks, built in a scratch article, moved to the (下转…页)
 * they continue, or left where they are under a title to be filled in. */
static void stitch(imp_mdstate *m)
{
    imp_ctx *c = m->ctx;
    for (size_t t = 0; t < m->ntails; t++) {
        imp_mtail *tl = &m->tails[t];
        imp_mjump *j = jump_for(m, tl);
        if (!j)
            imp_warn(c, IMP_CHECK, tl->line, 1, "(上接%d页) without a (下转…页) to go "
                     "with: the text stays where it is", tl->page);
        imp_art *keep = m->art;
        if (!(m->art = imp_new_art(c, tl->line)))
            return;
        size_t si = c->doc.narts - 1;
        m->head_zone = 0;
        m->after_jump = 0;
        for (size_t i = tl->first; i < tl->end; i++)
            body_entry(m, i);
        if (j && move_jump_tail(m, tl, j, si))
            return;
        if (!j)
            imp_push_line(c, &c->doc.arts[si].title, IMP_NO_TITLE);
        m->art = keep;
    }
    for (size_t k = 0; k < m->njumps; k++)
        if (!m->jumps[k].used)
            imp_warn(c, IMP_CHECK, m->jumps[k].line, 1, "(下转%d页) whose continuation "
                     "was not found", m->jumps[k].page);
}

/* ---- numbered items and paragraphs split at breaks ---- */

/* A paragraph that is only a numbered sentence: 一、…。 */
static int numbered_sentence(const imp_block *b)
{
    return imp_headnum(b->text) == 1 &&
           u8_count(b->text, strlen(b->text)) <= NUMBERED_MAX_CHARS &&
           strstr(b->text, "。") == b->text + strlen(b->text) - 3;
}

/* A numbered sentence alone, in an article of run-in numbered
 * paragraphs (一、…。 going on in its paragraph): the run-in opening of
 * the next paragraph. */
static void run_in_numbered(imp_ctx *c, imp_art *a)
{
    int heads = 0, runins = 0;
    for (size_t k = 0; k < a->nblocks; k++) {
        const imp_block *b = &a->blocks[k];
        const char *dot = strstr(b->text, "。");
        heads += b->kind == IB_HEAD;
        runins += b->kind == IB_PARA && imp_headnum(b->text) == 1 && dot &&
                  dot[3];
    }
    for (size_t k = 0; k + 1 < a->nblocks; k++) {
        imp_block *b = &a->blocks[k], *nx = &a->blocks[k + 1];
        if (heads || !runins || b->kind != IB_PARA || nx->kind != IB_PARA ||
            imp_headnum(nx->text) || !numbered_sentence(b))
            continue;
        imp_note(c, IMP_R_JOIN, nx->line, 1, 1, "numbered sentence at line %d "
                 "runs into this paragraph, as the article's other 一、 items",
                 b->line);
        b->text = (char *)imp_md_join(c, b->text, nx->text);
        memmove(nx, nx + 1, (a->nblocks - k - 2) * sizeof *nx);
        a->nblocks--;
    }
}

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
    run_in_numbered(c, a);
    for (size_t k = 0; k < a->nblocks; k++) {
        imp_block *b = &a->blocks[k];
        if (b->kind == IB_SUBHEAD && sub_paras > sub_heads) {
            b->kind = IB_PARA;
            imp_note(c, IMP_R_ROLE, b->line, 1, 1, "sub-head heading is a "
                     "run-in paragraph, as the article's other (N) items");
        } else if (b->kind == IB_PARA && heads && imp_ends(b->text, "。") &&
                   numbered_sentence(b)) {
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
            !imp_md_ends_sentence(c, p->text) && !imp_headnum(b->text)) {
            imp_note(c, IMP_R_JOIN, b->line, 1, 1, "paragraph goes on from "
                     "line %d («…%s» + «%.*s…»)", p->line,
                     imp_tail(p->text, 4), imp_head(b->text, 4), b->text);
            if (imp_last_cp(p->text) == imp_first_cp(b->text) &&
                u8_is_han(imp_first_cp(b->text)))
                imp_warn(c, IMP_LOOK, b->line, 1, "the same character ends line %d and "
                         "starts this one: a character doubled at the break? "
                         "(kept)", p->line);
            p->text = (char *)imp_md_join(c, p->text, b->text);
            continue;
        }
        a->blocks[out++] = *b;
    }
    a->nblocks = out;
    for (size_t k = 0; k < a->nblocks; k++)
        if (joinable(a->blocks[k].kind) &&
            !imp_md_ends_sentence(c, a->blocks[k].text))
            imp_warn(c, IMP_CHECK, a->blocks[k].line, 1, "paragraph ends no sentence and "
                     "nothing continues it: «…%s»",
                     imp_tail(a->blocks[k].text, 5));
}

/* A first paragraph whose text stands again in the article's text is a
 * pull quote under the title: a deck. */
static void pull_quote(imp_ctx *c, imp_art *a)
{
    if (a->nblocks < 2 || a->deck.nlines || a->blocks[0].kind != IB_PARA)
        return;
    const char *q = imp_nospace(c->ar, a->blocks[0].text);
    for (size_t k = 1; k < a->nblocks; k++) {
        const imp_block *b = &a->blocks[k];
        if (strstr(imp_nospace(c->ar, b->text), q) ||
            (k + 1 < a->nblocks &&
             strstr(imp_nospace(c->ar, imp_md_join(c, b->text, b[1].text)),
                    q))) {
            imp_push_line(c, &a->deck, a->blocks[0].text);
            memmove(a->blocks, a->blocks + 1,
                    (a->nblocks - 1) * sizeof *a->blocks);
            a->nblocks--;
            imp_note(c, IMP_R_ROLE, a->line, 1, 1, "first paragraph stands "
                     "again in the text: a pull quote, set as the deck");
            return;
        }
    }
}

/* The one contents entry between the pages of the articles around
 * article k; NULL when there is not exactly one. */
static const imp_tocent *entry_at_place(imp_ctx *c, size_t k)
{
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
    return n == 1 ? hit : NULL;
}

/* An article whose title the conversion lost takes it from the contents
 * entry standing at its place between the articles matched to entries. */
static void missing_titles(imp_ctx *c)
{
    for (size_t k = 0; k < c->doc.narts; k++) {
        imp_art *a = &c->doc.arts[k];
        if (!imp_untitled(a))
            continue;
        const imp_tocent *hit = entry_at_place(c, k);
        if (!hit) {
            imp_warn(c, IMP_MUST, a->line, 1, "article without a title, and no contents "
                     "entry for its place: title to be filled in");
            continue;
        }
        a->title.nlines = 0;
        char *t = ar_strdup(c->ar, hit->title);
        for (char *p = strtok(t, "\n"); p; p = strtok(NULL, "\n"))
            imp_push_line(c, &a->title, p);
        a->page = hit->page;
        a->column = hit->column;
        imp_note(c, IMP_R_TITLE, a->line, 1, 1, "title «%s» restored from the "
                 "contents", hit->title);
    }
}

/* Articles from the roles: assembled, tails stitched, numbered items and
 * split paragraphs repaired, lost titles found. */
void imp_md_articles(imp_mdstate *m)
{
    imp_ctx *c = m->ctx;
    assemble(m);
    stitch(m);
    m->art = NULL;
    for (size_t k = 0; k < c->doc.narts; k++) {
        numbered_roles(c, &c->doc.arts[k]);
        join_paragraphs(c, &c->doc.arts[k]);
        pull_quote(c, &c->doc.arts[k]);
    }
    missing_titles(c);
}
