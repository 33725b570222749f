/* tidy.c: the imported model made writable (docs/import.md, A source that
 * parses): blank head lines, bylines and blocks dropped, an article with
 * text but no title given one to be filled in, empty articles dropped */
#include <string.h>

#include "imp.h"

/* Printed lines of a head element: a title, kicker or deck runs to a few
 * lines; the parser reads a paragraph of at most 4096 (input/blocks.c). */
#define HEAD_MAX_LINES 64

/* Nothing but spaces, tabs and U+3000: a line the source cannot hold (a
 * blank line ends a paragraph). */
static int blank_text(const char *s)
{
    while (*s == ' ' || *s == '\t' || imp_starts(s, "　"))
        s += *s == ' ' || *s == '\t' ? 1 : 3;
    return !*s;
}

static void tidy_lines(imp_ctx *c, imp_lines *l, int line)
{
    size_t out = 0;
    for (size_t i = 0; i < l->nlines; i++)
        if (l->lines[i] && !blank_text(l->lines[i]))
            l->lines[out++] = l->lines[i];
    l->nlines = out;
    if (l->nlines <= HEAD_MAX_LINES)
        return;
    /* no head prints that many lines: the rest run on in the last one */
    const char *t = l->lines[HEAD_MAX_LINES - 1];
    for (size_t i = HEAD_MAX_LINES; i < l->nlines; i++)
        t = ar_printf(c->ar, "%s %s", t, l->lines[i]);
    imp_note(c, IMP_R_ROLE, line, 1, 1, "head of %zu lines: lines %d and "
             "after set as one", l->nlines, HEAD_MAX_LINES);
    l->lines[HEAD_MAX_LINES - 1] = t;
    l->nlines = HEAD_MAX_LINES;
}

static int has_head(const imp_art *a)
{
    return a->kicker.nlines || a->subtitle.nlines || a->deck.nlines ||
           a->pinyin.nlines || a->date.nlines || a->nbylines;
}

/* Blank head lines, bylines and blocks dropped (they hold no text); an
 * article left with text but no title gets the placeholder title and a
 * warning, as one that never had a title block. */
static void tidy_art(imp_ctx *c, imp_art *a)
{
    imp_lines *heads[] = {&a->kicker, &a->title, &a->subtitle, &a->deck,
                          &a->pinyin, &a->date};
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
        tidy_lines(c, heads[i], a->line);
    size_t out = 0;
    for (size_t i = 0; i < a->nbylines; i++)
        if (a->bylines[i].name && !blank_text(a->bylines[i].name))
            a->bylines[out++] = a->bylines[i];
    a->nbylines = out;
    out = 0;
    for (size_t i = 0; i < a->nblocks; i++)
        if (a->blocks[i].text && !blank_text(a->blocks[i].text))
            a->blocks[out++] = a->blocks[i];
    a->nblocks = out;
    if (a->column && blank_text(a->column))
        a->column = NULL;
    if (!a->title.nlines && (a->nblocks || has_head(a))) {
        imp_warn(c, IMP_MUST, a->line, 1, "article without a title: its text is kept "
                 "under a title to be filled in");
        imp_push_line(c, &a->title, IMP_NO_TITLE);
    }
}

/* Every article the source can hold: articles left with nothing in them
 * are dropped, each reported. */
void imp_tidy(imp_ctx *c)
{
    imp_doc *d = &c->doc;
    size_t out = 0;
    for (size_t i = 0; i < d->narts; i++) {
        imp_art *a = &d->arts[i];
        tidy_art(c, a);
        if (!a->title.nlines) {
            imp_warn(c, IMP_CHECK, a->line, 1, "an article with no text left in it "
                     "dropped");
            continue;
        }
        d->arts[out++] = *a;
    }
    d->narts = out;
}
