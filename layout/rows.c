/* rows.c: an article as rows of whole grid lines: its head spanning the
 * type area, its body in the columns */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "composed.h"
#include "context.h"
#include "images.h"
#include "rows.h"

/* Slack when rounding heights up to whole grid lines, in grid lines. */
#define GRID_EPS 1e-6

int rw_height(const fl_row *rows, int a, int b)
{
    int h = 0;
    for (int i = a; i < b; i++)
        h += rows[i].h;
    return h;
}

static fl_row *push_row(fl_row **rows, int *n, int *cap)
{
    if (*n == *cap) {
        int ncap = *cap ? *cap * 2 : 32;
        fl_row *r = realloc(*rows, (size_t)ncap * sizeof *r);
        if (!r)
            return NULL;
        *rows = r;
        *cap = ncap;
    }
    fl_row *r = &(*rows)[(*n)++];
    memset(r, 0, sizeof *r);
    return r;
}

/* A row holding lines [line0, end of block) of one role, sized to whole
 * grid lines with the role's space before and after. */
static void size_row(lay_ctx *lc, double pitch, sty_role_id role,
                     double size, fl_row *r, int line0, int nlines,
                     double extra)
{
    const sty_role *ro = &lc->st->roles[role];
    double adv = ro->leading > 0 ? ro->leading * size : pitch;
    double hgt = (nlines > 0 ? (nlines - 1) * adv + size : 0) + extra;
    double lines = ro->before + ro->after + hgt / pitch;
    r->h = (int)ceil(lines - GRID_EPS);
    if (r->h < 1)
        r->h = 1;
    r->line0 = line0;
    r->nlines = nlines;
    r->adv = adv;
    double room = (r->h - ro->before - ro->after) * pitch;
    r->top = ro->before * pitch + (room - hgt) / 2 + extra +
             EMBOX_ASCENT * size;
}

/* Lines the author asked for: intended breaks plus one. */
static int intended_lines(const doc_text *t)
{
    int n = 1;
    for (size_t i = 0; i + 1 < t->nspans; i++)
        n += (t->spans[i].flags & DOC_BREAK) != 0;
    return n;
}

/* Compose t in a role, shrinking a display role whose intended lines do
 * not fit; returns the size used, or 0 on failure. */
static double compose_fitted(lay_ctx *lc, fl_art *a, const doc_text *t,
                             const cp_spec *spec, int head)
{
    const sty_role *ro = &lc->st->roles[spec->role];
    cp_spec sp = *spec;
    int line0 = a->lines.nlines;
    double step = lc->st->page.shrink_step;
    for (sp.size = ro->size;; sp.size -= step) {
        if (cp_text(lc, t, &sp, &a->lines))
            return 0;
        int n = a->lines.nlines - line0;
        if (!head || ro->min_size <= 0 || n <= intended_lines(t) ||
            sp.size - step < ro->min_size - 1e-9)
            return sp.size;
        a->lines.nlines = line0; /* too long: drop the lines, try smaller */
    }
}

/* Compose t in a role and add it as one row (head elements, heads). */
static int add_block_row(lay_ctx *lc, fl_art *a, const doc_text *t,
                         sty_role_id role, double measure, int head,
                         unsigned flags, const char *prefix,
                         const char *infix)
{
    if (doc_text_empty(t) && !prefix)
        return 0;
    int line0 = a->lines.nlines;
    cp_spec spec = {role, measure, a->index, 1, prefix, infix, 0, NULL, 0};
    double size = compose_fitted(lc, a, t, &spec, head);
    if (size <= 0)
        return -1;
    fl_row *r = head ? push_row(&a->head, &a->nhead, &a->caphead)
                     : push_row(&a->rows, &a->nrows, &a->caprows);
    if (!r)
        return -1;
    size_row(lc, a->pitch, role, size, r, line0, a->lines.nlines - line0, 0);
    r->flags = flags;
    return 0;
}

int rw_block(lay_ctx *lc, const doc_text *t, sty_role_id role,
             double measure, const char *prefix, cp_block *lines,
             fl_row *row)
{
    fl_art a;
    memset(&a, 0, sizeof a);
    a.index = -1;
    a.lines = *lines;
    int line0 = lines->nlines;
    cp_spec spec = {role, measure, -1, 1, prefix, NULL, 0, NULL, 0};
    double size = compose_fitted(lc, &a, t, &spec, 1);
    *lines = a.lines;
    if (size <= 0)
        return -1;
    memset(row, 0, sizeof *row);
    size_row(lc, lc->st->page.pitch, role, size, row, line0,
             lines->nlines - line0, 0);
    return 0;
}

/* Body text: every line its own row, so paragraphs split over columns. */
static int add_para_rows(lay_ctx *lc, fl_art *a, const doc_block *b,
                         sty_role_id role, double measure,
                         const char *prefix)
{
    const doc_text *t = &b->text;
    int line0 = a->lines.nlines;
    cp_spec spec = {role, measure, a->index, 1, prefix, NULL, 0, NULL, 0};
    if (lc->opts.lineation && b->orig_lines) {
        spec.orig = b->orig_lines;
        spec.norig = b->norig;
    }
    if (cp_text(lc, t, &spec, &a->lines))
        return -1;
    int n = a->lines.nlines - line0;
    for (int i = 0; i < n; i++) {
        fl_row *r = push_row(&a->rows, &a->nrows, &a->caprows);
        if (!r)
            return -1;
        double size = lc->st->roles[role].size, pitch = a->pitch;
        r->line0 = line0 + i;
        r->nlines = 1;
        r->adv = pitch;
        r->h = (int)ceil(size / pitch - GRID_EPS);
        if (r->h < 1)
            r->h = 1;
        r->top = (r->h * pitch - size) / 2 + EMBOX_ASCENT * size;
        r->flags = (i == 0 ? FL_FIRST : 0) | (i == n - 1 ? FL_LAST : 0);
    }
    return 0;
}

/* Two-character names are spaced to three ems (chinese-layout.md). */
static const char *byline_name(lay_ctx *lc, const doc_text *t,
                               doc_text *spaced)
{
    *spaced = *t;
    if (t->nspans != 1)
        return NULL;
    const doc_span *s = &t->spans[0];
    uint32_t c1, c2;
    int n1 = u8_decode(s->text, s->len, &c1);
    int n2 = u8_decode(s->text + n1, s->len - (size_t)n1, &c2);
    if ((size_t)(n1 + n2) != s->len || !u8_is_han(c1) || !u8_is_han(c2))
        return NULL;
    doc_span *two = ar_alloc(lc->ar, 2 * sizeof *two);
    if (!two)
        return NULL;
    two[0] = *s;
    two[0].len = (size_t)n1;
    two[1] = *s;
    two[1].text = s->text + n1;
    two[1].len = (size_t)n2;
    two[1].pos.col++;
    spaced->spans = two;
    spaced->nspans = 2;
    return "\u3000";
}

static int add_bylines(lay_ctx *lc, fl_art *a, const doc_article *d,
                       double measure)
{
    for (size_t i = 0; i < d->nbylines; i++) {
        const doc_byline *b = &d->bylines[i];
        doc_text name;
        const char *gap = byline_name(lc, &b->name, &name);
        doc_text whole = name;
        doc_span *sp = NULL;
        if (gap) { /* name, U+3000, name */
            sp = ar_alloc(lc->ar, 3 * sizeof *sp);
            if (!sp)
                return -1;
            sp[0] = name.spans[0];
            sp[1] = name.spans[0];
            sp[1].text = gap;
            sp[1].len = strlen(gap);
            sp[1].pos.line = 0;
            sp[2] = name.spans[1];
            whole.spans = sp;
            whole.nspans = 3;
        }
        const char *pos = doc_text_empty(&b->position)
                              ? NULL
                              : doc_text_plain(lc->ar, &b->position);
        if (add_block_row(lc, a, &whole, STY_BYLINE, measure, 1, 0, pos,
                          pos ? "\u3000" : NULL))
            return -1;
    }
    return 0;
}

static int add_head_element(lay_ctx *lc, fl_art *a, const doc_article *d,
                            sty_role_id role, double w)
{
    static const size_t field[] = {
        [STY_KICKER] = offsetof(doc_article, kicker),
        [STY_TITLE] = offsetof(doc_article, title),
        [STY_SUBTITLE] = offsetof(doc_article, subtitle),
        [STY_DECK] = offsetof(doc_article, deck),
        [STY_PINYIN] = offsetof(doc_article, pinyin),
        [STY_DATE] = offsetof(doc_article, date),
    };
    if (role == STY_BYLINE)
        return add_bylines(lc, a, d, w);
    const doc_text *t = (const doc_text *)((const char *)d + field[role]);
    if (role == STY_TITLE && d->part)
        role = STY_PART_TITLE;
    return add_block_row(lc, a, t, role, w, 1, 0, NULL, NULL);
}

/* The head across the type area, in the order the style gives. */
static int add_head(lay_ctx *lc, fl_art *a, const doc_article *d,
                    size_t *first_body)
{
    double w = sty_area_width(lc->st);
    const sty_page *pg = &lc->st->page;
    for (int k = 0; k < pg->nhead_order; k++)
        if (add_head_element(lc, a, d, pg->head_order[k], w))
            return -1;
    /* an editor's note before the body spans the type area too */
    size_t i = 0;
    if (lc->st->roles[STY_EDNOTE].span)
        for (; i < d->nblocks && d->blocks[i].kind == DOC_EDNOTE; i++)
            if (add_block_row(lc, a, &d->blocks[i].text, STY_EDNOTE, w, 1, 0,
                              NULL, NULL))
                return -1;
    *first_body = i;
    return 0;
}

static int add_figure(lay_ctx *lc, fl_art *a, const doc_block *b,
                      double measure)
{
    /* a page-wide figure spans the columns, its caption too */
    int wide = b->wide && !a->single && lc->st->page.columns > 1;
    if (wide)
        measure = sty_area_width(lc->st);
    int line0 = a->lines.nlines;
    cp_spec spec = {STY_CAPTION, measure, a->index, 0, NULL, NULL, 0, NULL, 0};
    if (cp_text(lc, &b->text, &spec, &a->lines))
        return -1;
    fl_row *r = push_row(&a->rows, &a->nrows, &a->caprows);
    if (!r)
        return -1;
    /* the image at the measure's width, or a framed placeholder; never
     * taller than a column less two lines */
    const sty_page *pg = &lc->st->page;
    int iw = 0, ih = 0;
    double ratio = pg->figure_ratio;
    const li_image *im = b->image_found ? li_load(lc, b->image, b->pos) : NULL;
    cairo_surface_t *surface = im ? li_surface(im, &iw, &ih) : NULL;
    if (surface)
        ratio = (double)ih / iw;
    int bleed = wide && b->wide == 2;
    double frame = (bleed ? pg->width : measure) * ratio;
    double most = (a->lines_per_page - 2) * a->pitch;
    if (frame > most)
        frame = most;
    double size = lc->st->roles[STY_CAPTION].size;
    size_row(lc, a->pitch, STY_CAPTION, size, r, line0,
             a->lines.nlines - line0, frame);
    r->frame_h = frame;
    r->frame_top = r->top - frame - EMBOX_ASCENT * size;
    r->image = surface ? b->image : NULL;
    r->surface = surface;
    r->image_pos = b->pos;
    r->bleed = bleed;
    r->flags = FL_FIRST | FL_LAST | (wide ? FL_WIDE : FL_FLOAT);
    return 0;
}

static int add_body_block(lay_ctx *lc, fl_art *a, const doc_block *b,
                          double measure)
{
    static const sty_role_id role_of[] = {
        [DOC_PARA] = STY_BODY,    [DOC_HEAD] = STY_HEAD,
        [DOC_SUBHEAD] = STY_SUBHEAD, [DOC_ITEM] = STY_ITEM,
        [DOC_FIGURE] = STY_CAPTION, [DOC_QUOTE] = STY_QUOTE,
        [DOC_RULE] = STY_BODY,    [DOC_EDNOTE] = STY_EDNOTE,
        [DOC_NOTE] = STY_NOTE,    [DOC_NUMBER] = STY_NUMBER,
    };
    sty_role_id role = role_of[b->kind];
    switch (b->kind) {
    case DOC_HEAD:
    case DOC_SUBHEAD:
    case DOC_NUMBER:
        return add_block_row(lc, a, &b->text, role, measure, 0,
                             FL_KEEP_NEXT | FL_FIRST | FL_LAST, NULL, NULL);
    case DOC_FIGURE:
        return add_figure(lc, a, b, measure);
    case DOC_RULE: {
        fl_row *r = push_row(&a->rows, &a->nrows, &a->caprows);
        if (!r)
            return -1;
        r->h = 1;
        r->flags = FL_FIRST | FL_LAST;
        return 0;
    }
    case DOC_ITEM: {
        const char *bullet = b->bullet ? b->bullet : lc->st->roles[role].bullet;
        if (bullet && bullet[0] >= '0' && bullet[0] <= '9')
            bullet = ar_printf(lc->ar, "%s ", bullet);
        return add_para_rows(lc, a, b, role, measure, bullet);
    }
    default:
        return add_para_rows(lc, a, b, role, measure, NULL);
    }
}

/* One framed row of lines [line0, line0 + n) of a boxed notice, with
 * half a line of room inside the frame above and below. */
static int box_row(lay_ctx *lc, fl_art *a, int line0, int n)
{
    const sty_page *pg = &lc->st->page;
    fl_row *r = push_row(&a->rows, &a->nrows, &a->caprows);
    if (!r)
        return -1;
    double size = lc->st->roles[STY_BODY].size, pitch = a->pitch;
    r->line0 = line0;
    r->nlines = n;
    r->h = n + 1;
    r->adv = pitch;
    r->top = pitch / 2 + (pitch - size) / 2 + EMBOX_ASCENT * size;
    r->dx = pg->box_padding;
    r->frame_top = pg->box_inset * pitch;
    r->frame_h = r->h * pitch - 2 * pg->box_inset * pitch;
    r->flags = FL_FIRST | FL_LAST | FL_BOX;
    return 0;
}

/* A boxed notice: its n blocks composed inside a frame as one row, with
 * empty rows after it for the parts the page builder may split off. */
static int add_box(lay_ctx *lc, fl_art *a, const doc_block *b, size_t n,
                   double measure)
{
    const sty_page *pg = &lc->st->page;
    double inner = measure - 2 * pg->box_padding;
    int line0 = a->lines.nlines;
    for (size_t i = 0; i < n; i++) {
        sty_role_id role = b[i].kind == DOC_ITEM ? STY_ITEM : STY_BODY;
        const char *bullet = b[i].kind == DOC_ITEM
                                 ? (b[i].bullet ? b[i].bullet
                                                : lc->st->roles[role].bullet)
                                 : NULL;
        cp_spec spec = {role, inner, a->index, b[i].kind != DOC_ITEM, bullet,
                        NULL, 0, NULL, 0};
        if (cp_text(lc, &b[i].text, &spec, &a->lines))
            return -1;
    }
    /* one row for the whole box; the page builder splits it where it
     * meets a column end, into the empty rows that follow it */
    int total = a->lines.nlines - line0;
    if (box_row(lc, a, line0, total))
        return -1;
    for (int i = 0; i < total / 2; i++) {
        fl_row *r = push_row(&a->rows, &a->nrows, &a->caprows);
        if (!r)
            return -1;
        r->flags = FL_FIRST | FL_LAST | FL_BOX;
    }
    return 0;
}

/* Rows [from, n) were made from the element at pos. */
static void stamp(fl_row *rows, int from, int n, diag_pos pos)
{
    for (int i = from; i < n; i++)
        rows[i].pos = pos;
}

/* A row is never split (but a boxed notice): one taller than a column
 * runs past the foot of the page, and is said. */
static void check_fit(lay_ctx *lc, const fl_art *a, const doc_article *d)
{
    int cap = a->lines_per_page, head = rw_height(a->head, 0, a->nhead);
    if (head > cap)
        diag_warn(lc->d, d->pos, "the head of this article takes %d grid "
                  "lines, more than the %d of a page: it runs past the foot; "
                  "shorten it or let the style set it smaller (min-size)",
                  head, cap);
    for (int i = 0; i < a->nrows; i++)
        if (a->rows[i].h > cap && !(a->rows[i].flags & FL_BOX))
            diag_warn(lc->d, a->rows[i].pos, "this block takes %d grid lines, "
                      "more than the %d a column holds, and cannot be split: "
                      "it runs past the foot of the page; shorten it",
                      a->rows[i].h, cap);
}

int rw_article(lay_ctx *lc, const doc_issue *doc, int index, fl_art *out)
{
    const doc_article *d = &doc->articles[index];
    memset(out, 0, sizeof *out);
    out->index = index;
    out->single = d->single_column;
    out->part = d->part;
    /* a one-column article may have a grid of its own (fewer, wider
     * lines over the same type-area height) */
    const sty_page *pg = &lc->st->page;
    out->lines_per_page = out->single ? pg->single_lines : pg->lines;
    out->pitch = pg->pitch * pg->lines / out->lines_per_page;
    double measure = d->single_column
                         ? lc->st->page.single_measure * lc->st->roles[STY_BODY].size
                         : sty_column_width(lc->st);
    size_t first = 0;
    if (add_head(lc, out, d, &first))
        return -1;
    stamp(out->head, 0, out->nhead, d->pos);
    stamp(out->rows, 0, out->nrows, d->pos);
    for (size_t i = first; i < d->nblocks;) {
        size_t n = 1;
        int before = out->nrows;
        if (d->blocks[i].box) { /* the blocks of one boxed notice */
            while (i + n < d->nblocks && d->blocks[i + n].box == d->blocks[i].box)
                n++;
            if (add_box(lc, out, &d->blocks[i], n, measure))
                return -1;
        } else if (add_body_block(lc, out, &d->blocks[i], measure)) {
            return -1;
        }
        stamp(out->rows, before, out->nrows, d->blocks[i].pos);
        i += n;
    }
    check_fit(lc, out, d);
    return 0;
}

void rw_free(fl_art *a)
{
    free(a->lines.lines);
    free(a->head);
    free(a->rows);
    memset(a, 0, sizeof *a);
}
