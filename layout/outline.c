/* outline.c: the PDF's bookmarks: the front-matter pages by their labels,
 * then each column (栏目) with its articles under it and their
 * contributions under those; titles with their intended line breaks
 * joined as they read */
#include <string.h>

#include "outline.h"

/* Is c a letter or digit of the Latin script (a space stays between two
 * such at a break; Chinese closes up)? */
static int latin(char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* A title as one line: its intended breaks closed up, but between two
 * Latin words, where a space stands. */
static const char *one_line(lay_ctx *lc, const doc_text *t)
{
    char *s = doc_text_plain(lc->ar, t);
    if (!s)
        return "";
    char *w = s;
    for (char *r = s; *r; r++) {
        if (*r != '\n')
            *w++ = *r;
        else if (w > s && latin(w[-1]) && latin(r[1]))
            *w++ = ' ';
    }
    *w = '\0';
    return s;
}

const char *ol_front_dest(lay_ctx *lc, size_t i)
{
    return ar_printf(lc->ar, "_front_%zu", i + 1);
}

lay_mark *ol_build(lay_ctx *lc, const doc_issue *doc, const lay_page *pages,
                   size_t nfront, size_t *n)
{
    lay_mark *m = ar_alloc(lc->ar, (nfront + 2 * doc->narticles + 1) * sizeof *m);
    if (!m)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < nfront; i++)
        m[k++] = (lay_mark){pages[i].label, ol_front_dest(lc, i), 0};
    int column = -1;
    for (size_t i = 0; i < doc->narticles; i++) {
        const doc_article *a = &doc->articles[i];
        if (!a->part && a->column != column && a->column >= 0)
            m[k++] = (lay_mark){doc->columns[a->column].name, a->id, 0};
        if (!a->part)
            column = a->column;
        int level = (column >= 0) + a->part;
        m[k++] = (lay_mark){one_line(lc, &a->title), a->id, level};
    }
    *n = k;
    return m;
}
