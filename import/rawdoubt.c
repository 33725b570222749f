/* rawdoubt.c: raw extractions: the bylines of an article that may be
 * its title (a title that ends like the name of a body, …政协, …党组,
 * reads like an organisation's byline), taken or listed to check */
#include <string.h>

#include "imp.h"

/* An article with no title over two or more bylines, the first no
 * person's name: that one is the title (a title that ends like the name
 * of a body, …政协, reads as a byline). */
static void title_from_byline(imp_ctx *c, imp_art *a)
{
    if (a->nbylines < 2 || imp_is_name(a->bylines[0].name))
        return;
    const char *t = a->bylines[0].name;
    imp_push_line(c, &a->title, t);
    memmove(a->bylines, a->bylines + 1, (a->nbylines - 1) * sizeof *a->bylines);
    a->nbylines--;
    imp_warn(c, IMP_CHECK, a->line, 1, "«%s», read as a byline, taken for "
             "the title of an article that had none: check it against the "
             "print", t);
}

/* A byline that is no person's name over one that is: a body and its
 * member, or a title ending like the name of a body (…政协, …党组) over
 * its author, the line above it then a kicker or a section's name read
 * as the title. The editor is asked. */
static void ask_byline_or_title(imp_ctx *c, const imp_art *a)
{
    if (a->nbylines < 2 || imp_is_name(a->bylines[0].name) ||
        !imp_is_name(a->bylines[1].name))
        return;
    imp_warn(c, IMP_CHECK, a->line, 1, "«%s» read as a byline over «%s»; "
             "it may be the title (and «%s» above it a kicker): compare "
             "with the print", a->bylines[0].name, a->bylines[1].name,
             a->title.lines[0]);
}

void imp_raw_byline_doubts(imp_ctx *c, imp_art *a)
{
    if (!a->title.nlines)
        title_from_byline(c, a);
    else
        ask_byline_or_title(c, a);
}
