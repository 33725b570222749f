/* offprint.c: an offprint (抽印本) cut from the laid-out issue: the pages
 * that carry the chosen articles, as printed, with their folios, page
 * labels and furniture, the other articles' text, titles and figures on
 * shared pages left out; links and bookmarks that would lead out of the
 * selection are left out. Re-set offprints and covers: reprint.c. */
#include <stdlib.h>
#include <string.h>

#include "context.h"
#include "offprint.h"
#include "pages.h"

/* The index of the article with this id, or -1. */
int op_find(const doc_issue *doc, const char *id)
{
    for (size_t i = 0; i < doc->narticles; i++)
        if (doc->articles[i].id && strcmp(doc->articles[i].id, id) == 0)
            return (int)i;
    return -1;
}

/* Mark the articles named in the comma-separated list ids, each with the
 * contributions (parts) that follow it. -1 when a name is unknown. */
static int choose(lay_ctx *lc, const doc_issue *doc, const char *ids,
                  unsigned char *chosen)
{
    const char *s = ids;
    while (*s) {
        size_t n = strcspn(s, ",");
        char *id = ar_strndup(lc->ar, s, n);
        int i = op_find(doc, id);
        if (i < 0) {
            diag_error(lc->d, diag_nopos(), "--article: the issue has no "
                       "article '%s' (`bulletin list SOURCE` lists the ids "
                       "with their titles)", id);
            return -1;
        }
        chosen[i] = 1;
        for (size_t k = (size_t)i + 1; !doc->articles[i].part &&
             k < doc->narticles && doc->articles[k].part; k++)
            chosen[k] = 1;
        s += n + (s[n] == ',');
    }
    return 0;
}

static int page_carries(const lay_page *p, const unsigned char *chosen)
{
    for (size_t i = 0; i < p->nlines; i++)
        if (p->lines[i].article >= 0 && chosen[p->lines[i].article])
            return 1;
    return 0;
}

/* Is a destination of this name on one of the kept pages (moved[i] >= 0)? */
static int dest_kept(const lay_doc *in, const int *moved, const char *name)
{
    for (size_t i = 0; i < in->npages; i++)
        for (size_t j = 0; moved[i] >= 0 && j < in->pages[i].ndests; j++)
            if (strcmp(in->pages[i].dests[j].name, name) == 0)
                return 1;
    return 0;
}

/* What of a page stays: furniture (article -1) and the chosen articles;
 * everything with neighbours too. */
static int stays(int article, const unsigned char *chosen, int neighbours)
{
    return neighbours || article < 0 || chosen[article];
}

/* A kept page: the chosen articles' lines and figures with the page's
 * furniture, and only the links and destinations that stay inside. */
static int copy_page(lay_ctx *lc, const doc_issue *doc, const lay_doc *in,
                     const int *moved, const unsigned char *chosen,
                     int neighbours, const lay_page *src, lay_page *dst)
{
    *dst = *src;
    lay_line *lines = ar_alloc(lc->ar, (src->nlines + 1) * sizeof *lines);
    lay_box *boxes = ar_alloc(lc->ar, (src->nboxes + 1) * sizeof *boxes);
    lay_link *links = ar_alloc(lc->ar, (src->nlinks + 1) * sizeof *links);
    lay_dest *dests = ar_alloc(lc->ar, (src->ndests + 1) * sizeof *dests);
    if (!lines || !boxes || !links || !dests)
        return -1;
    dst->nlines = dst->nboxes = dst->nlinks = dst->ndests = 0;
    for (size_t i = 0; i < src->nlines; i++)
        if (stays(src->lines[i].article, chosen, neighbours))
            lines[dst->nlines++] = src->lines[i];
    for (size_t i = 0; i < src->nboxes; i++)
        if (stays(src->boxes[i].article, chosen, neighbours))
            boxes[dst->nboxes++] = src->boxes[i];
    for (size_t i = 0; i < src->nlinks; i++)
        if (dest_kept(in, moved, src->links[i].dest))
            links[dst->nlinks++] = src->links[i];
    for (size_t i = 0; i < src->ndests; i++) {
        int a = op_find(doc, src->dests[i].name);
        if (a < 0 || stays(a, chosen, neighbours))
            dests[dst->ndests++] = src->dests[i];
    }
    dst->lines = lines;
    dst->boxes = boxes;
    dst->links = links;
    dst->dests = dests;
    return 0;
}

/* Where the chosen articles were printed: their folios as ranges,
 * 7—13、43 (pages the original carried their lines on). */
static const char *page_ranges(lay_ctx *lc, const lay_doc *in,
                               const unsigned char *chosen)
{
    sb_buf sb;
    sb_init(&sb);
    int start = 0, last = 0;
    for (size_t i = 0; i <= in->npages; i++) {
        int f = i < in->npages && in->pages[i].folio > 0 &&
                        page_carries(&in->pages[i], chosen)
                    ? in->pages[i].folio : 0;
        if (f && last && f == last + 1) {
            last = f;
            continue;
        }
        if (last)
            sb_printf(&sb, "%s%d%s", sb.len ? "、" : "", start,
                      last > start ? ar_printf(lc->ar, "—%d", last) : "");
        start = last = f;
    }
    const char *s = ar_strndup(lc->ar, sb.s ? sb.s : "", sb.len);
    sb_free(&sb);
    return s;
}

/* The default citation, when the style names none. */
#define CITATION_DEFAULT "原载《{publication}》{year}年第{issue}期第{pages}页"

/* The citation: the style's template with {pages} the original pages. */
static const char *citation(lay_ctx *lc, const doc_issue *doc,
                            const lay_doc *in, const unsigned char *chosen)
{
    const char *t = lc->st->furniture.citation ? lc->st->furniture.citation
                                               : CITATION_DEFAULT;
    const char *pages = page_ranges(lc, in, chosen), *at = strstr(t, "{pages}");
    if (at)
        t = ar_printf(lc->ar, "%.*s%s%s", (int)(at - t), t, pages, at + 7);
    return fl_expand(lc, doc, t, -1, 0);
}

/* The article a contribution (part) belongs to: the nearest before it
 * that is not a part; the article itself when it is not a part. */
static size_t parent_of(const doc_issue *doc, size_t i)
{
    while (i > 0 && doc->articles[i].part)
        i--;
    return i;
}

/* The one-line title of an article: its last mark (a column's mark with
 * the same destination comes before it). */
static const char *mark_title(const lay_doc *in, const char *id)
{
    const char *t = NULL;
    for (size_t i = 0; i < in->nmarks; i++)
        if (strcmp(in->marks[i].dest, id) == 0)
            t = in->marks[i].title;
    return t;
}

/* The titles of the chosen articles, for the PDF's Title: 甲；乙. A
 * contribution is named only when it was chosen without its article. */
static const char *titles(lay_ctx *lc, const doc_issue *doc,
                          const lay_doc *in, const unsigned char *chosen)
{
    sb_buf sb;
    sb_init(&sb);
    for (size_t i = 0; i < doc->narticles; i++) {
        const doc_article *a = &doc->articles[i];
        if (!chosen[i] || !a->id || (a->part && chosen[parent_of(doc, i)]))
            continue;
        const char *t = mark_title(in, a->id);
        if (t && *t)
            sb_printf(&sb, "%s%s", sb.len ? "；" : "", t);
    }
    const char *s = ar_strndup(lc->ar, sb.s ? sb.s : "", sb.len);
    sb_free(&sb);
    return s;
}

static void keep_marks(const doc_issue *doc, const lay_doc *in,
                       const int *moved, const unsigned char *chosen,
                       lay_mark *marks, lay_doc *o)
{
    for (size_t i = 0; i < in->nmarks; i++) {
        int a = op_find(doc, in->marks[i].dest);
        if (dest_kept(in, moved, in->marks[i].dest) && (a < 0 || chosen[a]))
            marks[o->nmarks++] = in->marks[i];
    }
}

static void keep_placed(const doc_issue *doc, const lay_doc *in,
                        const int *moved, const unsigned char *chosen,
                        lay_placed *placed)
{
    for (size_t i = 0; i < in->narticles; i++) {
        placed[i] = in->articles[i];
        /* an article outside the selection, or not begun in it */
        if (i >= doc->narticles || !chosen[i] ||
            moved[placed[i].first_page] < 0) {
            placed[i].first_page = placed[i].last_page = -1;
            continue;
        }
        placed[i].first_page = moved[placed[i].first_page];
        int last = in->articles[i].last_page;
        while (last > 0 && moved[last] < 0)
            last--;
        placed[i].last_page = moved[last];
    }
}

/* As printed: the issue's pages that carry the articles. */
static int as_printed(lay_ctx *lc, const doc_issue *doc, const lay_doc *in,
                      const unsigned char *chosen, int neighbours, lay_doc *o)
{
    int *moved = ar_alloc(lc->ar, (in->npages + 1) * sizeof *moved);
    lay_page *pages = ar_alloc(lc->ar, (in->npages + 1) * sizeof *pages);
    lay_mark *marks = ar_alloc(lc->ar, (in->nmarks + 1) * sizeof *marks);
    lay_placed *placed = ar_alloc(lc->ar, (in->narticles + 1) * sizeof *placed);
    if (!moved || !pages || !marks || !placed)
        return -1;
    *o = *in;
    o->npages = o->nmarks = 0;
    /* moved[i]: where page i goes in the offprint, -1: left out */
    for (size_t i = 0; i < in->npages; i++)
        moved[i] = page_carries(&in->pages[i], chosen) ? (int)o->npages++ : -1;
    for (size_t i = 0; i < in->npages; i++)
        if (moved[i] >= 0 && copy_page(lc, doc, in, moved, chosen, neighbours,
                                       &in->pages[i], &pages[moved[i]]))
            return -1;
    keep_marks(doc, in, moved, chosen, marks, o);
    keep_placed(doc, in, moved, chosen, placed);
    o->pages = pages;
    o->marks = marks;
    o->articles = placed;
    return 0;
}

/* What the style must say for an offprint (and its cover). */
static int offprint_style(lay_ctx *lc, const lay_offprint_opts *opts)
{
    const sty_furniture *f = &lc->st->furniture;
    diag_pos at = {lc->st->path, 0, 0};
    if (!f->has_citation_drop)
        diag_error(lc->d, at, "an offprint needs 'citation-drop' in "
                   "[furniture] (where its citation line stands, as a share "
                   "of folio-drop)");
    else if (opts->cover && !f->has_cover)
        diag_error(lc->d, at, "--cover needs 'cover-label', 'cover-label-at', "
                   "'cover-title-at' and 'cover-citation-at' in [furniture]");
    else
        return 0;
    return -1;
}

int lay_offprint(lay_ctx *lc, const doc_issue *doc, const lay_doc *in,
                 const lay_offprint_opts *opts, const lay_doc **out,
                 const doc_issue **doc_out)
{
    unsigned char *chosen = ar_alloc(lc->ar, doc->narticles + 1);
    lay_doc *o = ar_alloc(lc->ar, sizeof *o);
    if (!chosen || !o || choose(lc, doc, opts->ids, chosen) ||
        offprint_style(lc, opts))
        return -1;
    const char *cite = citation(lc, doc, in, chosen);
    const char *title = titles(lc, doc, in, chosen);
    *doc_out = doc;
    int rc = opts->reset ? op_reset(lc, doc, in, chosen, opts, o, doc_out)
                         : as_printed(lc, doc, in, chosen,
                                      opts->keep_neighbours, o);
    o->offprint = title;
    o->citation = cite;
    if (rc == 0)
        rc = op_finish(lc, *doc_out, o, cite, opts->cover);
    *out = o;
    return rc;
}
