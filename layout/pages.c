/* pages.c: pages under construction: lines, boxes, links and
 * destinations put on them; templates of the page furniture */
#include <stdlib.h>
#include <string.h>

#include "composed.h"
#include "context.h"
#include "pages.h"

fl_page *fl_new_page(fl_book *b)
{
    fl_page *p = VEC_PUSH(b->pages, b->npages, b->cap);
    if (!p)
        return NULL;
    memset(p, 0, sizeof *p);
    p->article = -1;
    return p;
}

void fl_book_free(fl_book *b)
{
    for (size_t i = 0; i < b->npages; i++) {
        free(b->pages[i].lines);
        free(b->pages[i].boxes);
        free(b->pages[i].links);
        free(b->pages[i].dests);
    }
    free(b->pages);
    memset(b, 0, sizeof *b);
}

int fl_put_line(fl_page *pg, const cp_line *cl, int column, double x,
                double y, int grid)
{
    lay_line *l = VEC_PUSH(pg->lines, pg->nlines, pg->caplines);
    if (!l)
        return -1;
    *l = cl->ln;
    l->column = column;
    l->grid = grid;
    l->x = x;
    l->y = y;
    l->size = cl->size;
    return 0;
}

int fl_put_box(fl_page *pg, lay_box_kind kind, double x, double y, double w,
               double h)
{
    lay_box *b = VEC_PUSH(pg->boxes, pg->nboxes, pg->capboxes);
    if (!b)
        return -1;
    *b = (lay_box){kind, x, y, w, h, STY_BLACK, NULL, NULL, {NULL, 0, 0}, -1};
    return 0;
}

int fl_put_image(fl_page *pg, const char *path, cairo_surface_t *surface,
                 diag_pos pos, double x, double y, double w, double h)
{
    if (fl_put_box(pg, LAY_BOX_IMAGE, x, y, w, h))
        return -1;
    pg->boxes[pg->nboxes - 1].image = path;
    pg->boxes[pg->nboxes - 1].surface = surface;
    pg->boxes[pg->nboxes - 1].pos = pos;
    return 0;
}

int fl_put_link(fl_page *pg, double x, double y, double w, double h,
                const char *dest)
{
    lay_link *l = VEC_PUSH(pg->links, pg->nlinks, pg->caplinks);
    if (!l)
        return -1;
    *l = (lay_link){x, y, w, h, dest};
    return 0;
}

int fl_put_dest(fl_page *pg, const char *name, double x, double y)
{
    lay_dest *d = VEC_PUSH(pg->dests, pg->ndests, pg->capdests);
    if (!d)
        return -1;
    *d = (lay_dest){name, x, y};
    return 0;
}

double fl_area_x(const sty_style *st, int recto)
{
    const sty_page *pg = &st->page;
    double w = sty_area_width(st);
    if (pg->inner < 0)
        return (pg->width - w) / 2;
    return recto ? pg->inner : pg->width - pg->inner - w;
}

/* The plain title of an article, intended breaks as spaces. */
static const char *plain_title(lay_ctx *lc, const doc_article *a)
{
    char *t = doc_text_plain(lc->ar, &a->title);
    for (char *s = t; s && *s; s++)
        if (*s == '\n')
            *s = ' ';
    return t;
}

/* One {name} of a template: its value, or NULL when unknown. */
static const char *template_value(lay_ctx *lc, const doc_issue *doc,
                                  const char *name, size_t n, int article,
                                  int page)
{
    const doc_meta *m = &doc->meta;
    const doc_article *a = article >= 0 ? &doc->articles[article] : NULL;
#define IS(s) (n == strlen(s) && strncmp(name, s, n) == 0)
    if (IS("publication"))
        return m->publication.text ? m->publication.text : "";
    /* numbers the front matter does not give print as nothing */
    if (IS("year"))
        return m->year ? ar_printf(lc->ar, "%d", m->year) : "";
    if (IS("issue"))
        return m->issue ? ar_printf(lc->ar, "%d", m->issue) : "";
    if (IS("total"))
        return m->total ? ar_printf(lc->ar, "%d", m->total) : "";
    if (IS("page")) /* none on front matter: the group is left out */
        return page > 0 ? ar_printf(lc->ar, "%d", page) : "";
    if (IS("permit"))
        return m->permit.text ? m->permit.text : "";
    if (IS("theme"))
        return m->theme.text ? m->theme.text : "";
    if (IS("column"))
        return a && a->column >= 0 ? doc->columns[a->column].name : "";
    if (IS("title"))
        return a ? plain_title(lc, a) : "";
#undef IS
    return NULL;
}

/* Expand one group of a template; 0 when a value it names is empty (the
 * group is then left out: no label without its number). */
static int expand_group(lay_ctx *lc, const doc_issue *doc, const char *s,
                        const char *end, int article, int page, sb_buf *sb)
{
    while (s < end) {
        const char *close = *s == '{' ? memchr(s, '}', (size_t)(end - s)) : NULL;
        const char *v = close ? template_value(lc, doc, s + 1,
                                               (size_t)(close - s - 1),
                                               article, page)
                              : NULL;
        if (v && !*v)
            return 0;
        if (v) {
            sb_adds(sb, v);
            s = close + 1;
        } else {
            sb_addc(sb, *s++);
        }
    }
    return 1;
}

const char *fl_expand(lay_ctx *lc, const doc_issue *doc, const char *tmpl,
                      int article, int page)
{
    sb_buf sb, group;
    sb_init(&sb);
    sb_init(&group);
    for (const char *s = tmpl;;) {
        const char *bar = strchr(s, '|'), *end = bar ? bar : s + strlen(s);
        sb_clear(&group);
        if (expand_group(lc, doc, s, end, article, page, &group) && group.len) {
            if (sb.len)
                sb_addc(&sb, '|');
            sb_add(&sb, group.s, group.len);
        }
        if (!bar)
            break;
        s = bar + 1;
    }
    const char *out = ar_strndup(lc->ar, sb.s ? sb.s : "", sb.len);
    sb_free(&sb);
    sb_free(&group);
    return out;
}

int fl_compose_string(lay_ctx *lc, const char *text, sty_role_id role,
                      double measure, cp_block *b)
{
    const sty_role *r = &lc->st->roles[role];
    return cp_plain(lc, text, strlen(text), role, measure, r->size, 0, b);
}
