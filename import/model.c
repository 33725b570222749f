/* model.c: helpers that grow the importer's intermediate model (imp_doc):
 * head lines, articles, blocks and the printed lines of a block */
#include <string.h>

#include "imp.h"

void imp_push_line(imp_ctx *c, imp_lines *l, const char *s)
{
    const char **p = AR_PUSH(c->ar, l->lines, l->nlines, l->cap);
    if (p)
        *p = s;
}

int imp_untitled(const imp_art *a)
{
    return a->title.nlines == 1 && !strcmp(a->title.lines[0], IMP_NO_TITLE);
}

imp_art *imp_new_art(imp_ctx *c, int line)
{
    imp_doc *d = &c->doc;
    imp_art *a = AR_PUSH(c->ar, d->arts, d->narts, d->caparts);
    if (a) { /* a slot given back by mdart.c's scratch article is reused */
        memset(a, 0, sizeof *a);
        a->line = line;
    }
    return a;
}

imp_block *imp_new_block(imp_ctx *c, imp_art *a, imp_bkind k, int line)
{
    imp_block *b = AR_PUSH(c->ar, a->blocks, a->nblocks, a->capblocks);
    if (!b)
        return NULL;
    b->kind = k;
    b->line = line;
    b->text = "";
    return b;
}

void imp_block_add(imp_ctx *c, imp_block *b, const char *text, int page,
                   int line)
{
    imp_pline *p = AR_PUSH(c->ar, b->lines, b->nlines, b->caplines);
    if (!p)
        return;
    p->text = text;
    p->page = page;
    p->line = line;
    b->text = ar_printf(c->ar, "%s%s", b->text, text);
}
