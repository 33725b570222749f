/* dump.c: the composed lines as text, one per line (docs/dump.md) */
#include "outp.h"

void out_dump_geometry(const lay_doc *pages, FILE *out)
{
    for (size_t i = 0; i < pages->npages; i++) {
        const lay_page *p = &pages->pages[i];
        for (size_t j = 0; j < p->nlines; j++) {
            const lay_line *l = &p->lines[j];
            if (l->article < 0)
                continue;
            fprintf(out, "%zu\t%d\t%d\t%.3f\t%.3f\t%.4f\t%.4f\t%s\t%s\t%s\n",
                    i + 1, l->column, l->grid, l->x, l->y, l->width,
                    l->measure, l->justified ? "justified" : "-",
                    sty_role_name(l->role), l->text);
        }
    }
}

void out_dump_lines(const lay_doc *pages, FILE *out)
{
    for (size_t i = 0; i < pages->npages; i++) {
        const lay_page *p = &pages->pages[i];
        for (size_t j = 0; j < p->nlines; j++) {
            const lay_line *l = &p->lines[j];
            if (l->article < 0)
                continue; /* furniture: folios */
            fprintf(out, "%zu\t%d\t%d\t%s\n", i + 1, l->column, l->grid,
                    l->text);
        }
    }
}
