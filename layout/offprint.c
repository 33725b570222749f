/* offprint.c: an offprint (抽印本) cut from the laid-out issue: the pages
 * that carry the chosen articles, as printed, with their folios, page
 * labels and furniture; links and bookmarks that would lead out of the
 * selection are left out. */
#include <string.h>

#include "context.h"

/* The index of the article with this id, or -1. */
static int find_article(const doc_issue *doc, const char *id)
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
        int i = find_article(doc, id);
        if (i < 0) {
            diag_error(lc->d, diag_nopos(), "--article: the issue has no "
                       "article '%s' (the ids are in the source's {#id} "
                       "attributes; --dump pagemap lists them)", id);
            return -1;
        }
        chosen[i] = 1;
        for (size_t k = (size_t)i + 1; k < doc->narticles && doc->articles[k].part;
             k++)
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

/* A kept page, with only the links that stay inside the selection. */
static void copy_page(lay_ctx *lc, const lay_doc *in, const int *moved,
                      const lay_page *src, lay_page *dst)
{
    *dst = *src;
    lay_link *links = ar_alloc(lc->ar, (src->nlinks + 1) * sizeof *links);
    dst->nlinks = 0;
    for (size_t i = 0; i < src->nlinks; i++)
        if (dest_kept(in, moved, src->links[i].dest))
            links[dst->nlinks++] = src->links[i];
    dst->links = links;
}

int lay_offprint(lay_ctx *lc, const doc_issue *doc, const lay_doc *in,
                 const char *ids, const lay_doc **out)
{
    unsigned char *chosen = ar_alloc(lc->ar, doc->narticles + 1);
    int *moved = ar_alloc(lc->ar, (in->npages + 1) * sizeof *moved);
    lay_doc *o = ar_alloc(lc->ar, sizeof *o);
    lay_page *pages = ar_alloc(lc->ar, (in->npages + 1) * sizeof *pages);
    lay_mark *marks = ar_alloc(lc->ar, (in->nmarks + 1) * sizeof *marks);
    lay_placed *placed = ar_alloc(lc->ar, (in->narticles + 1) * sizeof *placed);
    if (!chosen || !moved || !o || !pages || !marks || !placed ||
        choose(lc, doc, ids, chosen))
        return -1;
    *o = *in;
    o->npages = o->nmarks = 0;
    /* moved[i]: where page i goes in the offprint, -1: left out */
    for (size_t i = 0; i < in->npages; i++)
        moved[i] = page_carries(&in->pages[i], chosen) ? (int)o->npages++ : -1;
    for (size_t i = 0; i < in->npages; i++)
        if (moved[i] >= 0)
            copy_page(lc, in, moved, &in->pages[i], &pages[moved[i]]);
    for (size_t i = 0; i < in->nmarks; i++) {
        if (!dest_kept(in, moved, in->marks[i].dest))
            continue;
        int a = find_article(doc, in->marks[i].dest);
        if (!o->offprint && a >= 0 && chosen[a])
            o->offprint = in->marks[i].title;
        marks[o->nmarks++] = in->marks[i];
    }
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
    o->pages = pages;
    o->marks = marks;
    o->articles = placed;
    *out = o;
    return 0;
}
