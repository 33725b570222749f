/* output.h: writing composed pages: PDF through Cairo, PNG proofs, and a
 * plain-text dump of the lines for tests.
 *
 * Prefix out_. Return convention: 0 on success, -1 on failure reported
 * through the diag_ctx. Every file is written through file_write (util.h):
 * whole or not at all, never over an input or earlier output of the run. */
#ifndef BULLETIN_OUTPUT_H
#define BULLETIN_OUTPUT_H

#include <stdio.h>

#include "../input/input.h"
#include "../layout/layout.h"
#include "../util/util.h"

int out_pdf(const lay_doc *pages, const doc_issue *doc, const char *path,
            file_run *run, diag_ctx *d);
/* A print master (docs/print.md): PDF/X-1a:2001 or PDF/X-4, pages with
 * bleed, trim and bleed boxes, printer's marks in a slug, every colour in
 * the press's inks, black text on the black plate alone, overprinted. */
typedef struct out_print_opts {
    int x4;            /* PDF/X-4; else PDF/X-1a:2001 */
    int marks;         /* STY_MARK_* to set; < 0: the style's */
    const char *icc;   /* an output profile instead of the style's */
} out_print_opts;

int out_print(const lay_doc *pages, const doc_issue *doc, const char *path,
              const out_print_opts *o, file_run *run, diag_ctx *d);
/* What a print shop's preflight would query, as warnings: images under
 * or far over the style's resolution at their printed size, text inside
 * the safety margin, a page count that does not fill whole sheets. */
void out_preflight(const lay_doc *pages, const doc_issue *doc, diag_ctx *d);
/* SOURCE_DATE_EPOCH: 0 when unset, 1 with the time in *t, -1 when it is
 * not a time from 1970 to 9999 (it is then ignored). */
int out_source_date(long long *t);
/* Page page as a small PNG (the archive index's cover). */
int out_thumbnail(const lay_doc *pages, size_t page, const char *path,
                  file_run *run, diag_ctx *d);
/* Every page of the issue on one PNG, spreads side by side, folios under
 * them. */
int out_contact(const lay_doc *pages, const char *path, file_run *run,
                diag_ctx *d);
/* A dump ("lines" or "pagemap") written to a file. */
int out_dump_file(const lay_doc *pages, const doc_issue *doc,
                  const char *what, const char *path, file_run *run,
                  diag_ctx *d);
/* One PNG per page: PREFIX-001.png, … at dpi dots per inch. */
int out_png(const lay_doc *pages, const char *prefix, double dpi,
            file_run *run, diag_ctx *d);
/* page<TAB>column<TAB>line<TAB>text per composed line (docs/dump.md). */
void out_dump_lines(const lay_doc *pages, FILE *out);
/* page, column, line, x, baseline y, width, measure, justified, role,
 * text: the geometry of every composed line (docs/dump.md). */
void out_dump_geometry(const lay_doc *pages, FILE *out);
/* The page map: where each article starts and ends (and whether that is
 * its original page), and the grid lines each column uses on each page. */
void out_dump_pagemap(const lay_doc *pages, const doc_issue *doc, FILE *out);

#endif
