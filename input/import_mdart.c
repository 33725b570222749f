/* import_mdart.c: Markdown conversions, second part: the articles from
 * the blocks' roles: heads, jump-continued tails stitched back, paragraphs
 * split at column and page breaks joined, titles the conversion lost */
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
#define HEAD_MAX_CHARS IMP_HEAD_MAX_CHARS
#define ends_sentence imp_md_ends_sentence
#define join imp_md_join
#define byline_text imp_md_byline

static const char *phrase(imp_ctx *c, const char *t)
{
    return imp_phrase(c->ar, t);
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
                     "line %d («…%s» + «%.*s…»)", p->line,
                     imp_tail(p->text, 4),
                     imp_head(b->text, 4), b->text);
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
                     "nothing continues it: «…%s»", imp_tail(a->blocks[k].text, 5));
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

/* Articles from the roles: assembled, tails stitched, numbered items and
 * split paragraphs repaired, lost titles found. */
void imp_md_articles(mdstate *m)
{
    imp_ctx *c = m->c;
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
