/* output.h: writing composed pages: PDF through Cairo, PNG proofs, and a
 * plain-text dump of the lines for tests.
 *
 * Prefix out_. Return convention: 0 on success, -1 on failure reported
 * through the diag_ctx. A PDF is written to a temporary file beside the
 * target and renamed into place, so a failed run leaves no partial file. */
#ifndef BULLETIN_OUTPUT_H
#define BULLETIN_OUTPUT_H

#include <stdio.h>

#include "../input/input.h"
#include "../layout/layout.h"
#include "../util/util.h"

int out_pdf(const lay_doc *pages, const doc_issue *doc, const char *path,
            diag_ctx *d);
/* One PNG per page: PREFIX-001.png, … at dpi dots per inch. */
int out_png(const lay_doc *pages, const char *prefix, double dpi,
            diag_ctx *d);
/* page<TAB>column<TAB>line<TAB>text per composed line (docs/dump.md). */
void out_dump_lines(const lay_doc *pages, FILE *out);
/* page, column, line, x, baseline y, width, measure, justified, role,
 * text: the geometry of every composed line (docs/dump.md). */
void out_dump_geometry(const lay_doc *pages, FILE *out);
/* The page map: where each article starts and ends (and whether that is
 * its original page), and the grid lines each column uses on each page. */
void out_dump_pagemap(const lay_doc *pages, const doc_issue *doc, FILE *out);

#endif
