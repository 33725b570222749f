/* front.c: the front matter: cover, title page, editorial board and the
 * contents, built from the issue's metadata and, for the contents, from
 * where the layout put each article */
#include <stdlib.h>
#include <string.h>

#include "composed.h"
#include "context.h"
#include "front.h"
#include "pages.h"
#include "rows.h"

/* One element of a front-matter page. */
typedef struct fr_el {
    sty_role_id role;
    const char *text;     /* "\n" marks an intended break */
    doc_pos pos;
    const char *number;   /* contents: the page number set beside it */
    const char *dest;     /* contents: the article it links to */
} fr_el;

typedef struct fr_list {
    fr_el *el;
    size_t n, cap;
} fr_list;

static int add_el(fr_list *l, sty_role_id role, const char *text,
                  doc_pos pos)
{
    if (!text || !*text)
        return 0;
    fr_el *e = VEC_PUSH(l->el, l->n, l->cap);
    if (!e)
        return -1;
    *e = (fr_el){role, text, pos, NULL, NULL};
    return 0;
}

/* Plain text with "\n" breaks as a doc_text. */
static doc_text text_of(lay_ctx *lc, const char *s, doc_pos pos)
{
    doc_text t = {NULL, 0};
    size_t n = 1;
    for (const char *c = s; *c; c++)
        n += *c == '\n';
    doc_span *sp = ar_alloc(lc->ar, n * sizeof *sp);
    if (!sp)
        return t;
    size_t k = 0;
    for (const char *a = s;; k++) {
        const char *e = strchr(a, '\n');
        size_t len = e ? (size_t)(e - a) : strlen(a);
        sp[k] = (doc_span){a, len, e ? DOC_BREAK : 0, DOC_FACE_DEFAULT, pos};
        pos.line = 0; /* later pieces: no exact position */
        if (!e)
            break;
        a = e + 1;
    }
    t.spans = sp;
    t.nspans = k + 1;
    return t;
}

typedef struct fr_state {
    lay_ctx *lc;
    fl_book *book;
    const char *label;
    fl_page *page;
    int y;                /* next free grid line */
    cp_block lines;       /* composed lines of the page being set */
} fr_state;

static double fr_x(const fr_state *fs)
{
    return fl_area_x(fs->lc->st, 1);
}

static int fr_new_page(fr_state *fs)
{
    fs->page = fl_new_page(fs->book);
    if (!fs->page)
        return -1;
    fs->page->label = fs->label;
    fs->y = 0;
    return 0;
}

/* Put a composed row's lines on the page, its top at grid line y. */
static int put_row_lines(fr_state *fs, const fl_row *r, double x, int y)
{
    const sty_page *pg = &fs->lc->st->page;
    double top = pg->top + y * pg->pitch;
    for (int i = 0; i < r->nlines; i++) {
        cp_line *cl = &fs->lines.lines[r->line0 + i];
        cl->ln.article = -1;
        double base = top + r->top + i * r->adv;
        if (fl_put_line(fs->page, cl, 0, x, base, 0))
            return -1;
    }
    return 0;
}

/* A contents entry: its number in a narrow box at the left, the link. */
static int put_number(fr_state *fs, const fr_el *e, const fl_row *r, int y)
{
    const sty_style *st = fs->lc->st;
    double w = st->furniture.contents_page_width *
               st->roles[STY_CONTENTS_PAGE].size;
    fl_row nr;
    doc_text t = text_of(fs->lc, e->number, diag_nopos());
    if (rw_block(fs->lc, &t, STY_CONTENTS_PAGE, w, NULL, &fs->lines, &nr))
        return -1;
    nr.top = r->top; /* on the entry's first baseline */
    if (put_row_lines(fs, &nr, fr_x(fs), y))
        return -1;
    const sty_page *pg = &st->page;
    return fl_put_link(fs->page, fr_x(fs), pg->top + y * pg->pitch,
                       sty_area_width(st), r->h * pg->pitch, e->dest);
}

static int place_el(fr_state *fs, const fr_el *e, int y_fixed, int keep)
{
    const sty_style *st = fs->lc->st;
    double indent = e->number ? st->furniture.contents_page_width *
                                    st->roles[STY_CONTENTS_PAGE].size
                              : 0;
    fl_row r;
    doc_text t = text_of(fs->lc, e->text, e->pos);
    if (rw_block(fs->lc, &t, e->role, sty_area_width(st) - indent, NULL,
                 &fs->lines, &r))
        return -1;
    int y = y_fixed >= 0 ? y_fixed : fs->y;
    if (y_fixed < 0 && fs->y > 0 && fs->y + r.h + keep > st->page.lines) {
        if (fr_new_page(fs))
            return -1;
        y = 0;
    }
    if (put_row_lines(fs, &r, fr_x(fs) + indent, y) ||
        (e->number && put_number(fs, e, &r, y)))
        return -1;
    if (y_fixed < 0)
        fs->y = y + r.h;
    return r.h;
}

/* Height in grid lines of the elements set at the foot of the page. */
static int foot_height(fr_state *fs, const fr_list *l)
{
    int h = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (!fs->lc->st->roles[l->el[i].role].bottom)
            continue;
        fl_row r;
        doc_text t = text_of(fs->lc, l->el[i].text, l->el[i].pos);
        if (rw_block(fs->lc, &t, l->el[i].role, sty_area_width(fs->lc->st),
                     NULL, &fs->lines, &r))
            return -1;
        h += r.h;
    }
    return h;
}

/* Set a list of elements on one or more pages with the given label. */
static int fr_pages(lay_ctx *lc, fl_book *book, const char *label,
                    const fr_list *l)
{
    fr_state fs;
    memset(&fs, 0, sizeof fs);
    fs.lc = lc;
    fs.book = book;
    fs.label = label;
    int rc = fr_new_page(&fs);
    for (size_t i = 0; rc == 0 && i < l->n; i++) {
        /* a column head of the contents stays with its first entry */
        int keep = l->el[i].role == STY_CONTENTS_COLUMN && i + 1 < l->n;
        if (!lc->st->roles[l->el[i].role].bottom)
            rc = place_el(&fs, &l->el[i], -1, keep) < 0 ? -1 : 0;
    }
    int foot = rc == 0 ? foot_height(&fs, l) : -1;
    int y = lc->st->page.lines - foot;
    for (size_t i = 0; rc == 0 && foot > 0 && i < l->n; i++)
        if (lc->st->roles[l->el[i].role].bottom) {
            int h = place_el(&fs, &l->el[i], y, 0);
            rc = h < 0 ? -1 : 0;
            y += h;
        }
    free(fs.lines.lines);
    return foot < 0 ? -1 : rc;
}

/* ---- the pages ---- */

static int masthead(lay_ctx *lc, const doc_issue *doc, fr_list *l)
{
    const doc_meta *m = &doc->meta;
    const sty_furniture *f = &lc->st->furniture;
    if (add_el(l, STY_MASTHEAD, m->publication.text, m->publication.pos))
        return -1;
    if (f->issue_mark && m->issue &&
        add_el(l, STY_ISSUE_MARK, fl_expand(lc, doc, f->issue_mark, -1, 0),
               diag_nopos()))
        return -1;
    return 0;
}

static int cover(lay_ctx *lc, const doc_issue *doc, fr_list *l)
{
    const doc_meta *m = &doc->meta;
    const sty_furniture *f = &lc->st->furniture;
    if (masthead(lc, doc, l))
        return -1;
    if (m->ndigest && f->digest_head &&
        add_el(l, STY_DIGEST_HEAD, f->digest_head, diag_nopos()))
        return -1;
    for (size_t i = 0; i < m->ndigest; i++) {
        const char *t = f->digest_bullet
                            ? ar_printf(lc->ar, "%s%s", f->digest_bullet,
                                        m->digest[i].text)
                            : m->digest[i].text;
        if (add_el(l, STY_DIGEST_ITEM, t, m->digest[i].pos))
            return -1;
    }
    return add_el(l, STY_SPONSOR, m->sponsor.text, m->sponsor.pos);
}

static int title_page(lay_ctx *lc, const doc_issue *doc, fr_list *l)
{
    if (masthead(lc, doc, l))
        return -1;
    return add_el(l, STY_LABEL, doc->meta.label.text, doc->meta.label.pos);
}

static int board(lay_ctx *lc, const doc_issue *doc, fr_list *l)
{
    const doc_meta *m = &doc->meta;
    const char *head = ar_printf(lc->ar, "《%s》编委会",
                                 m->publication.text ? m->publication.text : "");
    if (add_el(l, STY_BOARD_HEAD, head, diag_nopos()))
        return -1;
    for (size_t i = 0; i < m->nboard; i++)
        if (add_el(l, STY_BOARD_LINE, m->board[i].text, m->board[i].pos))
            return -1;
    for (size_t i = 0; i < m->ncontact; i++)
        if (add_el(l, STY_BOARD_LINE, m->contact[i].text, m->contact[i].pos))
            return -1;
    const char *permit = lc->st->furniture.permit;
    if (m->permit.text && permit &&
        add_el(l, STY_BOARD_LINE, fl_expand(lc, doc, permit, -1, 0),
               m->permit.pos))
        return -1;
    return 0;
}

/* A permit number the style has no place for is said, not dropped. */
static void permit_placed(lay_ctx *lc, const doc_issue *doc)
{
    const sty_furniture *f = &lc->st->furniture;
    int board = 0;
    for (int k = 0; k < f->nfront; k++)
        board |= f->front[k] == STY_FRONT_BOARD;
    if (doc->meta.permit.text && (!board || !f->permit))
        diag_warn(lc->d, doc->meta.permit.pos, "the style '%s' prints no "
                  "准印证号: it needs a board page ('front') and 'permit' in "
                  "[furniture]", lc->st->name);
}

/* The contents entry of an article: its contents title (or its title),
 * a subtitle on the next line, the authors after the title. */
static const char *entry_text(lay_ctx *lc, const doc_article *a)
{
    sb_buf sb;
    sb_init(&sb);
    /* a title's intended breaks only split its lines: run them on */
    const char *title = a->toc ? a->toc : doc_text_plain(lc->ar, &a->title);
    for (const char *s = title; *s; s++)
        if (*s != '\n')
            sb_addc(&sb, *s);
    for (size_t i = 0; i < a->nbylines; i++)
        sb_printf(&sb, "\u3000%s", doc_text_plain(lc->ar, &a->bylines[i].name));
    if (!doc_text_empty(&a->subtitle))
        sb_printf(&sb, "\n%s", doc_text_plain(lc->ar, &a->subtitle));
    const char *t = ar_strndup(lc->ar, sb.s ? sb.s : "", sb.len);
    sb_free(&sb);
    return t;
}

static int contents(lay_ctx *lc, const doc_issue *doc,
                    const lay_placed *placed, fr_list *l)
{
    const sty_furniture *f = &lc->st->furniture;
    if (add_el(l, STY_CONTENTS_HEAD, f->contents_head, diag_nopos()) ||
        add_el(l, STY_CONTENTS_SUB, f->contents_sub, diag_nopos()))
        return -1;
    int column = -2;
    for (size_t i = 0; i < doc->narticles; i++) {
        const doc_article *a = &doc->articles[i];
        if (a->part)
            continue;
        if (a->column != column && a->column >= 0 && f->contents_column) {
            column = a->column;
            if (add_el(l, STY_CONTENTS_COLUMN,
                       fl_expand(lc, doc, f->contents_column, (int)i, 0),
                       doc->columns[column].pos))
                return -1;
        }
        if (add_el(l, STY_CONTENTS_ENTRY, entry_text(lc, a), a->pos))
            return -1;
        l->el[l->n - 1].number = ar_printf(lc->ar, "%d", placed[i].folio);
        l->el[l->n - 1].dest = a->id;
    }
    return 0;
}

int fr_build(lay_ctx *lc, const doc_issue *doc, const lay_placed *placed,
             fl_book *book)
{
    const sty_furniture *f = &lc->st->furniture;
    int rc = 0;
    permit_placed(lc, doc);
    for (int k = 0; rc == 0 && k < f->nfront; k++) {
        fr_list l = {NULL, 0, 0};
        switch (f->front[k]) {
        case STY_FRONT_COVER:
            rc = cover(lc, doc, &l);
            break;
        case STY_FRONT_TITLE:
            rc = title_page(lc, doc, &l);
            break;
        case STY_FRONT_BOARD:
            rc = board(lc, doc, &l);
            break;
        case STY_FRONT_CONTENTS:
            rc = contents(lc, doc, placed, &l);
            break;
        }
        if (rc == 0)
            rc = fr_pages(lc, book, f->front_label[k], &l);
        free(l.el);
    }
    return rc;
}
