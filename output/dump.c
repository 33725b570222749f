/* dump.c: the composed lines as text, one per line (docs/dump.md) */
#include <string.h>

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

/* Grid lines a column uses on a page, as "first-last". */
static void column_ranges(const lay_page *p, FILE *out)
{
    for (int col = 0; col <= 4; col++) {
        int lo = 0, hi = 0;
        for (size_t j = 0; j < p->nlines; j++) {
            const lay_line *l = &p->lines[j];
            if (l->article < 0 || l->column != col || l->grid <= 0)
                continue;
            lo = lo && lo < l->grid ? lo : l->grid;
            hi = hi > l->grid ? hi : l->grid;
        }
        if (lo)
            fprintf(out, "\tcolumn %d lines %d-%d", col, lo, hi);
    }
}

void out_dump_pagemap(const lay_doc *pages, const doc_issue *doc, FILE *out)
{
    for (size_t i = 0; i < pages->narticles && i < doc->narticles; i++) {
        const lay_placed *pl = &pages->articles[i];
        if (pl->first_page < 0)
            continue; /* not in an offprint's pages */
        fprintf(out, "article\t%s\tpages %d-%d", doc->articles[i].id,
                pages->pages[pl->first_page].folio,
                pages->pages[pl->last_page].folio);
        if (doc->articles[i].page)
            fprintf(out, "\toriginal %d%s", doc->articles[i].page,
                    doc->articles[i].page == pages->pages[pl->first_page].folio
                        ? "" : " (differs)");
        fputc('\n', out);
    }
    for (size_t i = 0; i < pages->npages; i++) {
        const lay_page *p = &pages->pages[i];
        fprintf(out, "page\t%zu\t%s", i + 1, p->label);
        column_ranges(p, out);
        fputc('\n', out);
    }
}

typedef struct dump_job {
    const lay_doc *pages;
    const doc_issue *doc;
    int pagemap;
} dump_job;

static int put_dump(void *ctx, FILE *f)
{
    const dump_job *j = ctx;
    if (j->pagemap)
        out_dump_pagemap(j->pages, j->doc, f);
    else
        out_dump_lines(j->pages, f);
    return ferror(f) ? -1 : 0;
}

int out_dump_file(const lay_doc *pages, const doc_issue *doc,
                  const char *what, const char *path, file_run *run,
                  diag_ctx *d)
{
    dump_job j = {pages, doc, strcmp(what, "pagemap") == 0};
    return file_write(path, put_dump, &j, run, d);
}
