/* build.c: assembles columns and articles from the blocks of the body */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "parse.h"

/* Symbols that serve as the bullet of a list item when they open it. */
static const uint32_t item_bullets[] = {
    0x2605, /* ★ black star: 工作动态 items */
    0x2606, /* ☆ white star */
    0x25C6, /* ◆ black diamond: 本期导读 items */
    0x25C7, /* ◇ white diamond */
    0x25CF, /* ● black circle */
    0x25CB, /* ○ white circle */
    0x25A0, /* ■ black square */
    0x25A1, /* □ white square */
    0x25B2, /* ▲ black triangle */
    0x25BA, /* ► black pointer */
    0x2022, /* • bullet */
    0x203B, /* ※ reference mark */
};

static doc_article *cur_article(in_parser *p, doc_pos pos, const char *what)
{
    if (p->cur)
        return p->cur;
    if (!p->warned_orphan)
        diag_error(p->d, pos, "%s before the first article; start an "
                   "article with a '## title' line", what);
    p->warned_orphan = 1;
    return NULL;
}

static void end_article(in_parser *p)
{
    if (!p->cur)
        return;
    p->cur->blocks = p->blocks;
    p->cur->nblocks = p->nblocks;
    doc_block **own = AR_PUSH(p->ar, p->art_blocks, p->nart_blocks,
                              p->capart_blocks);
    if (own)
        *own = p->blocks;
    p->cur->bylines = p->bylines;
    p->cur->nbylines = p->nbylines;
    p->blocks = NULL;
    p->nblocks = p->capblocks = 0;
    p->bylines = NULL;
    p->nbylines = p->capbylines = 0;
    p->in_body = 0;
}

static void check_kicker(in_parser *p)
{
    if (p->kicker.nspans == 0)
        return;
    diag_error(p->d, p->kicker_pos, "kicker is not followed by an article "
               "title; put the '## title' line right after it");
    memset(&p->kicker, 0, sizeof p->kicker);
}

static void warn_classes(in_parser *p, const in_attrs *a,
                         const char *const *known)
{
    for (int i = 0; i < a->nclasses; i++) {
        int ok = 0;
        for (const char *const *k = known; *k; k++)
            ok |= strcmp(a->classes[i], *k) == 0;
        if (!ok)
            diag_warn(p->d, a->pos, "unknown class '.%s' ignored",
                      a->classes[i]);
    }
}

static void on_column(in_parser *p, const in_seg *segs, size_t n,
                      const in_attrs *a, doc_pos pos)
{
    static const char *const known[] = {"column", NULL};
    end_article(p);
    check_kicker(p);
    p->cur = NULL;
    warn_classes(p, a, known);
    doc_text t;
    in_inline(p, segs, n, &t);
    doc_column *c = AR_PUSH(p->ar, p->cols, p->ncols, p->capcols);
    if (!c)
        return;
    c->name = doc_text_plain(p->ar, &t);
    c->pos = pos;
}

static int valid_id(const char *id)
{
    for (const char *s = id; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
              (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
            return 0;
    return *id != '\0';
}

/* The earlier article (not the current one) with this id, or NULL. */
static const doc_article *earlier_id(const in_parser *p, const char *id)
{
    for (size_t i = 0; i + 1 < p->narts; i++)
        if (p->arts[i].id && strcmp(p->arts[i].id, id) == 0)
            return &p->arts[i];
    return NULL;
}

static void article_id(in_parser *p, doc_article *a, const in_attrs *at)
{
    if (!at->id) {
        /* a1, a2, … by position; when an earlier {#a2} took the name, a
         * suffix keeps the generated id unique */
        a->id = ar_printf(p->ar, "a%zu", p->narts);
        for (int k = 2; a->id && earlier_id(p, a->id); k++)
            a->id = ar_printf(p->ar, "a%zu-%d", p->narts, k);
        return;
    }
    if (!valid_id(at->id))
        diag_error(p->d, at->pos, "article id '%s' may hold only letters, "
                   "digits, '-' and '_'", at->id);
    const doc_article *first = earlier_id(p, at->id);
    if (first)
        diag_error(p->d, at->pos, "duplicate article id '%s' (first used "
                   "at line %d)", at->id, first->pos.line);
    a->id = at->id;
}

static void article_attrs(in_parser *p, doc_article *a, const in_attrs *at)
{
    static const char *const known[] = {"single-column", "part", "untitled",
                                        NULL};
    warn_classes(p, at, known);
    a->single_column = in_attrs_has_class(at, "single-column");
    a->untitled = in_attrs_has_class(at, "untitled");
    a->part = in_attrs_has_class(at, "part");
    for (int i = 0; i < at->nkv; i++) {
        const char *k = at->kv[i].key, *v = at->kv[i].val;
        char *end;
        long n = strtol(v, &end, 10);
        if (strcmp(k, "page") == 0 && *v && !*end && n > 0 && n < 100000)
            a->page = (int)n;
        else if (strcmp(k, "columns") == 0 && strcmp(v, "1") == 0)
            a->single_column = 1;
        else if (strcmp(k, "columns") == 0 && strcmp(v, "2") == 0)
            a->single_column = 0;
        else if (strcmp(k, "toc") == 0)
            a->toc = v;
        else if (strcmp(k, "page") == 0 || strcmp(k, "columns") == 0)
            diag_error(p->d, at->pos, "bad value '%s' for '%s' (page: a "
                       "page number; columns: 1 or 2)", v, k);
        else
            diag_warn(p->d, at->pos, "unknown attribute '%s' ignored", k);
    }
}

static void on_article(in_parser *p, const in_seg *segs, size_t n,
                       const in_attrs *at, doc_pos pos)
{
    end_article(p);
    doc_article *a = AR_PUSH(p->ar, p->arts, p->narts, p->caparts);
    if (!a)
        return;
    p->cur = a;
    a->pos = pos;
    a->column = p->ncols ? (int)p->ncols - 1 : -1;
    article_id(p, a, at);
    article_attrs(p, a, at);
    in_inline(p, segs, n, &a->title);
    if (doc_text_empty(&a->title))
        diag_error(p->d, pos, "article title is empty");
    else if (a->untitled)
        diag_warn(p->d, pos, "article '%s' has no title yet: '%s' stands in "
                  "for the one the importer could not find; write the "
                  "printed title and remove '.untitled' (a print master "
                  "refuses it)", a->id ? a->id : "?", doc_text_plain(p->ar, &a->title));
    a->kicker = p->kicker;
    memset(&p->kicker, 0, sizeof p->kicker);
    if (a->part && p->narts == 1)
        diag_warn(p->d, pos, "'.part' article has no article before it");
}

static void push_block(in_parser *p, doc_block_kind kind, const doc_text *t,
                       doc_pos pos)
{
    if (!cur_article(p, pos, "text"))
        return;
    doc_block *b = AR_PUSH(p->ar, p->blocks, p->nblocks, p->capblocks);
    if (!b)
        return;
    b->kind = kind;
    b->text = *t;
    b->pos = pos;
    for (int i = p->ndivs - 1; i >= 0 && !b->box; i--)
        b->box = p->div_box[i]; /* inside a boxed notice */
    if (kind != DOC_EDNOTE && kind != DOC_NOTE)
        p->in_body = 1;
}

void in_on_heading(in_parser *p, int level, const in_seg *segs, size_t n,
                   const in_attrs *a, doc_pos pos)
{
    if (level == 1) {
        on_column(p, segs, n, a, pos);
        return;
    }
    if (level == 2) {
        on_article(p, segs, n, a, pos);
        return;
    }
    check_kicker(p);
    if (level > 4)
        diag_warn(p->d, pos, "level-%d heading set as a sub-head (level 4)",
                  level);
    int number = level == 3 && a->nclasses == 1 &&
                 strcmp(a->classes[0], "number") == 0;
    if ((a->nclasses || a->nkv || a->id) && !number)
        diag_warn(p->d, a->pos, "attributes of a section head ignored");
    doc_text t;
    in_inline(p, segs, n, &t);
    push_block(p, number ? DOC_NUMBER : level == 3 ? DOC_HEAD : DOC_SUBHEAD,
               &t, pos);
}

/* Append t to a head element, with a line break between the two. */
static void head_append(in_parser *p, doc_text *dst, const doc_text *t)
{
    if (dst->nspans == 0) {
        *dst = *t;
        return;
    }
    size_t n = dst->nspans + t->nspans;
    doc_span *s = ar_alloc(p->ar, n * sizeof *s);
    if (!s)
        return;
    memcpy(s, dst->spans, dst->nspans * sizeof *s);
    s[dst->nspans - 1].flags |= DOC_BREAK;
    memcpy(s + dst->nspans, t->spans, t->nspans * sizeof *s);
    dst->spans = s;
    dst->nspans = n;
}

static void on_byline(in_parser *p, const doc_text *t, const in_attrs *a,
                      doc_pos pos)
{
    doc_byline *b = AR_PUSH(p->ar, p->bylines, p->nbylines, p->capbylines);
    if (!b)
        return;
    b->name = *t;
    b->pos = pos;
    const in_kv *position = in_attrs_kv(a, "position");
    if (!position)
        return;
    doc_span *s = ar_alloc(p->ar, sizeof *s);
    if (!s)
        return;
    s->text = position->val;
    s->len = strlen(position->val);
    s->pos = position->val_pos;
    b->position.spans = s;
    b->position.nspans = 1;
}

static const char *role_name(in_role r)
{
    static const char *names[] = {
        [IN_ROLE_KICKER] = "kicker",     [IN_ROLE_SUBTITLE] = "subtitle",
        [IN_ROLE_DECK] = "deck",         [IN_ROLE_PINYIN] = "pinyin line",
        [IN_ROLE_BYLINE] = "byline",     [IN_ROLE_DATE] = "date line",
    };
    return names[r] ? names[r] : "element";
}

/* A head element: kicker, subtitle, deck, pinyin, byline, date. */
static void on_head_role(in_parser *p, in_role r, const doc_text *t,
                         const in_attrs *a, doc_pos pos)
{
    if (r == IN_ROLE_KICKER) {
        if (p->kicker.nspans)
            head_append(p, &p->kicker, t);
        else
            p->kicker = *t;
        p->kicker_pos = pos;
        return;
    }
    doc_article *art = cur_article(p, pos, role_name(r));
    if (!art)
        return;
    if (p->in_body) {
        diag_warn(p->d, pos, "%s after the body text set as a paragraph; "
                  "head elements go right after the title", role_name(r));
        push_block(p, DOC_PARA, t, pos);
        return;
    }
    if (r == IN_ROLE_BYLINE)
        on_byline(p, t, a, pos);
    else if (r == IN_ROLE_SUBTITLE)
        head_append(p, &art->subtitle, t);
    else if (r == IN_ROLE_DECK)
        head_append(p, &art->deck, t);
    else if (r == IN_ROLE_PINYIN)
        head_append(p, &art->pinyin, t);
    else
        head_append(p, &art->date, t);
}

static void on_role(in_parser *p, in_role r, const doc_text *t,
                    const in_attrs *a, doc_pos pos)
{
    if (r != IN_ROLE_KICKER)
        check_kicker(p);
    switch (r) {
    case IN_ROLE_EDNOTE:
        push_block(p, DOC_EDNOTE, t, pos);
        break;
    case IN_ROLE_NOTE:
        push_block(p, DOC_NOTE, t, pos);
        break;
    case IN_ROLE_QUOTE:
        push_block(p, DOC_QUOTE, t, pos);
        break;
    case IN_ROLE_NONE:
    case IN_ROLE_OTHER:
        push_block(p, DOC_PARA, t, pos);
        break;
    default:
        on_head_role(p, r, t, a, pos);
    }
}

static void on_figure(in_parser *p, const in_seg *cap, const char *path,
                      const in_attrs *a, doc_pos pos)
{
    check_kicker(p);
    doc_text t;
    in_inline(p, cap, 1, &t);
    push_block(p, DOC_FIGURE, &t, pos);
    if (!p->cur || !p->nblocks)
        return;
    doc_block *b = &p->blocks[p->nblocks - 1];
    b->image = path_join(p->ar, p->doc->dir, path);
    const char *w = in_attrs_get(a, "width");
    /* page: across the columns; bleed: across the whole page, off its
     * edges into the bleed of a print master */
    b->wide = !w ? 0 : !strcmp(w, "page") ? 1 : !strcmp(w, "bleed") ? 2 : 0;
    if (w && !b->wide)
        diag_warn(p->d, pos, "width=%s: a figure's width is 'page' (across "
                  "the columns) or 'bleed' (across the page, off its edges); "
                  "it is set in its column", w);
    struct stat st;
    b->image_found = stat(b->image, &st) == 0 && S_ISREG(st.st_mode);
    if (!*path)
        diag_warn(p->d, pos, "figure without an image file: a framed "
                  "placeholder with the caption is set");
    else if (!b->image_found)
        diag_warn(p->d, pos, "image '%s' not found: a framed placeholder "
                  "with the caption is set", path);
}

void in_on_paragraph(in_parser *p, const in_seg *segs, size_t n,
                     in_role role, doc_pos pos)
{
    in_seg *inner = ar_alloc(p->ar, (n + 1) * sizeof *inner);
    size_t ninner = 0;
    in_attrs a;
    const char *path;
    doc_text t;
    if (!inner)
        return;
    if (in_figure_span(p, segs, n, inner, &path, &a)) {
        on_figure(p, inner, path, &a, pos);
        return;
    }
    /* only a role class makes [text]{.class} a head element or note; a
     * face ([甲乙]{.kai}) or an unknown class is inline markup, and
     * in_inline keeps the face or warns about the class */
    if (in_role_span(p, segs, n, inner, &ninner, &a) && a.nclasses &&
        in_role_from_class(a.classes[0]) != IN_ROLE_OTHER) {
        in_inline(p, inner, ninner, &t);
        on_role(p, in_role_from_class(a.classes[0]), &t, &a, pos);
        return;
    }
    in_inline(p, segs, n, &t);
    on_role(p, role, &t, NULL, pos);
}

/* Split a leading bullet symbol off the item's first span. */
static const char *take_bullet(in_parser *p, doc_text *t)
{
    if (!t->nspans)
        return NULL;
    doc_span *s = (doc_span *)&t->spans[0];
    uint32_t cp;
    int n = u8_decode(s->text, s->len, &cp);
    size_t k = 0;
    while (k < sizeof item_bullets / sizeof *item_bullets &&
           item_bullets[k] != cp)
        k++;
    if (k == sizeof item_bullets / sizeof *item_bullets)
        return NULL;
    const char *bullet = ar_strndup(p->ar, s->text, (size_t)n);
    size_t skip = (size_t)n, cols = 1;
    while (skip < s->len && s->text[skip] == ' ') {
        skip++;
        cols++;
    }
    s->text += skip;
    s->len -= skip;
    s->pos.col += (int)cols;
    return bullet;
}

void in_on_item(in_parser *p, const char *bullet, const in_seg *segs,
                size_t n, doc_pos pos)
{
    check_kicker(p);
    doc_text t;
    in_inline(p, segs, n, &t);
    if (!bullet)
        bullet = take_bullet(p, &t);
    push_block(p, DOC_ITEM, &t, pos);
    if (p->cur && p->nblocks)
        p->blocks[p->nblocks - 1].bullet = bullet;
}

void in_on_rule(in_parser *p, doc_pos pos)
{
    doc_text t = {NULL, 0};
    check_kicker(p);
    if (p->cur)
        push_block(p, DOC_RULE, &t, pos);
}

/* Each line of a code block becomes a paragraph of one literal span:
 * its '*', '\\' and brackets are text, not markup, so nothing is lost. */
void in_on_code(in_parser *p, const in_seg *segs, size_t n, doc_pos pos)
{
    check_kicker(p);
    diag_warn(p->d, pos, "code block: its lines are set as paragraphs");
    for (size_t i = 0; i < n; i++) {
        if (segs[i].len == 0)
            continue;
        doc_span *s = ar_alloc(p->ar, sizeof *s);
        if (!s)
            return;
        s->text = ar_strndup(p->ar, segs[i].s, segs[i].len);
        s->len = segs[i].len;
        s->pos = in_pos(p, segs[i].lineno, segs[i].col);
        doc_text t = {s, 1};
        push_block(p, DOC_PARA, &t, s->pos);
    }
}

int in_finish(in_parser *p)
{
    end_article(p);
    check_kicker(p);
    p->doc->columns = p->cols;
    p->doc->ncolumns = p->ncols;
    p->doc->articles = p->arts;
    p->doc->narticles = p->narts;
    if (p->narts == 0)
        diag_error(p->d, in_pos(p, p->body_line0, 1), "the issue has no "
                   "articles; start one with a '## title' line");
    return p->d->errors ? -1 : 0;
}
